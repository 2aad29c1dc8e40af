"""Score the determinism inputs with the installed Python package `siat`.

For each line of the inputs (see generate.py), writes one line to the
output with three fields: 1 or 0 for a valid assessment or one with
errors; the SHA-256 of the canonical form of the report for the JSON
text; and the SHA-256 for the object that Python's `json` reads from that
text, or `-` when the line is not plain JSON. canonical.py defines the
canonical form.

Usage: python score.py INPUTS OUTPUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import siat

from canonical import report_hash

REPOSITORY = Path(__file__).resolve().parents[2]


def main() -> None:
    inputs, output = Path(sys.argv[1]), Path(sys.argv[2])
    templates: dict[str, siat.Template] = {}
    with inputs.open(encoding="utf-8") as lines, output.open("w", encoding="utf-8") as out:
        for line in lines:
            case = json.loads(line)
            options = dict(case["options"])
            if "template" in case:
                path = case["template"]
                if path not in templates:
                    templates[path] = siat.Template.from_json(REPOSITORY / path)
                options["template"] = templates[path]

            # Bytes are always JSON text, whatever their first character.
            report = siat.check(case["text"].encode("utf-8"), **options)
            from_text = report_hash(report.to_dict())
            from_object = "-"
            if case["plain"]:
                from_object = report_hash(siat.check(json.loads(case["text"]), **options).to_dict())
            out.write(f"{int(report.valid)} {from_text} {from_object}\n")


if __name__ == "__main__":
    main()
