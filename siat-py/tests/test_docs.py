"""The examples in docs/python.md print the output shown below them."""

from __future__ import annotations

import contextlib
import io
import re

import pandas as pd
import pytest

import siat

from conftest import REPOSITORY

GUIDE = REPOSITORY / "docs" / "python.md"
# A python block, optionally a line of prose such as "prints", then a text block.
BLOCK = r"((?:(?!```).)*)```"
EXAMPLE = re.compile(r"```python\n" + BLOCK + r"\n(?:\n[^\n`]*\n)?\n```text\n" + BLOCK, re.DOTALL)


def examples() -> list[tuple[str, str]]:
    return EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))


def normalise(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip().splitlines()]


def test_guide_has_examples() -> None:
    assert len(examples()) >= 2


@pytest.mark.parametrize(("code", "expected"), examples())
def test_guide_example_output(code: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPOSITORY)
    output = io.StringIO()
    with contextlib.redirect_stdout(output), pd.option_context("display.width", 200):
        # Later examples on the page use `siat` without importing it again.
        exec(compile(code, str(GUIDE), "exec"), {"__name__": "example", "siat": siat})  # noqa: S102
    assert normalise(output.getvalue()) == normalise(expected)
