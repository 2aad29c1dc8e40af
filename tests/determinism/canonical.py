"""The canonical form of a report, which the Rust, Python and JavaScript
scorers hash alike.

It is JSON text in which the order of keys and the writing of numbers
cannot differ between languages:

- objects list their keys sorted by Unicode code point;
- every number is replaced by the string `#` and the 16 lowercase hex
  digits of its IEEE 754 binary64 bits, so 80 and 80.0 are the same and
  -0.0 is not 0.0;
- strings are escaped the way JavaScript's `JSON.stringify`, Python's
  `json.dumps(ensure_ascii=False)` and serde_json all escape them: `"`,
  `\\`, `\\b`, `\\f`, `\\n`, `\\r` and `\\t` by a backslash, and the other
  characters below U+0020 as `\\u00xx`. Every other character is itself;
- no white space outside strings.

The hash is the SHA-256 of this text in UTF-8, in lowercase hex.
"""

from __future__ import annotations

import hashlib
import json
import struct
from typing import Any


def numbers_as_bits(value: Any) -> Any:
    """Replace every number in a JSON value by the text of its binary64 bits."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return "#" + struct.pack(">d", float(value)).hex()
    if isinstance(value, list):
        return [numbers_as_bits(item) for item in value]
    if isinstance(value, dict):
        return {key: numbers_as_bits(item) for key, item in value.items()}
    raise TypeError(f"a report holds no value of type {type(value).__name__}")


def canonical(value: Any) -> str:
    return json.dumps(numbers_as_bits(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def report_hash(report: Any) -> str:
    return hashlib.sha256(canonical(report).encode("utf-8")).hexdigest()
