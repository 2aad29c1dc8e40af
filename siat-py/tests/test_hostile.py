"""The catalogue of bad inputs in tests/hostile: every case gives the issues
it lists, through JSON text (as bytes, the way a file is read) and, where
the input is a JSON object, through a Python dict. The case format is in
tests/hostile/README.md."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pytest

import siat

from conftest import REPOSITORY, read_json

HOSTILE = REPOSITORY / "tests" / "hostile"
CASES = sorted(HOSTILE.glob("*.json"))
TOLERANCE = 1e-9
#: The catalogue holds at least this many cases.
MIN_CASES = 80


def case_id(path: Path) -> str:
    return path.stem


def generate(assessment: Any, instruction: dict[str, Any]) -> None:
    """Put a long string or a long list at a JSON Pointer of the assessment."""
    *parents, last = [
        segment.replace("~1", "/").replace("~0", "~") for segment in instruction["path"].split("/")[1:]
    ]
    target = assessment
    for segment in parents:
        target = target[int(segment)] if isinstance(target, list) else target[segment]
    if "repeat" in instruction:
        built: Any = instruction["repeat"] * instruction["times"]
    else:
        built = [copy.deepcopy(instruction["items"]) for _ in range(instruction["times"])]
    if isinstance(target, list):
        target[int(last)] = built
    else:
        target[last] = built


def read_case(path: Path) -> tuple[dict[str, Any], bytes, Any]:
    """Return a case, its input as UTF-8 JSON text, and its input as a
    Python object (``None`` when it is given only as text)."""
    case = read_json(path)
    assert ("assessment" in case) != ("assessment_text" in case), f"{path.name}: give exactly one input"
    if "assessment_text" in case:
        assert "generate" not in case, f"{path.name}: `generate` needs `assessment`"
        return case, case["assessment_text"].encode("utf-8"), None
    assessment = case["assessment"]
    if "generate" in case:
        generate(assessment, case["generate"])
    text = json.dumps(assessment, ensure_ascii=False)
    return case, text.encode("utf-8"), assessment


def keywords(case: dict[str, Any]) -> dict[str, Any]:
    options = dict(case.get("options", {}))
    known = ("lang", "method", "min_coverage", "aggregation", "today", "limits")
    result: dict[str, Any] = {key: options.pop(key) for key in known if key in options}
    assert not options, f"options the runner does not know: {sorted(options)}"
    if "template" in case:
        result["template"] = siat.Template.from_json(HOSTILE / case["template"])
    return result


def issue_keys(issues: list[Any]) -> list[tuple[str, str, str]]:
    return sorted((issue["code"], issue["path"], issue["severity"]) for issue in issues)


def close(actual: Any, expected: Any) -> bool:
    if expected is None or actual is None:
        return actual is expected
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return math.isclose(actual, expected, rel_tol=0.0, abs_tol=TOLERANCE)
    return bool(actual == expected)


def compare(report: siat.Report, expect: dict[str, Any]) -> list[str]:
    """List every way a report differs from a case's expectations."""
    failures = []
    if report.valid != expect["valid"]:
        failures.append(f"valid: got {report.valid}, expected {expect['valid']}")
    found = report.to_dict()["issues"]
    if issue_keys(found) != issue_keys(expect["issues"]):
        failures.append(f"issues: got {issue_keys(found)}, expected {issue_keys(expect['issues'])}")
    for wanted in expect["issues"]:
        params = wanted.get("params")
        if not params:
            continue
        key = (wanted["code"], wanted["path"], wanted["severity"])
        matching = [issue for issue in found if (issue["code"], issue["path"], issue["severity"]) == key]
        if not any(all(issue["params"].get(name) == value for name, value in params.items()) for issue in matching):
            failures.append(f"params of {key}: got {[issue['params'] for issue in matching]}, expected {params}")

    card = report.scorecard
    if card is None:
        return failures
    if "name" in expect and card.name != expect["name"]:
        failures.append(f"name: got {card.name!r}, expected {expect['name']!r}")
    if "index" in expect and not close(card.index, expect["index"]):
        failures.append(f"index: got {card.index}, expected {expect['index']}")
    if "index_level" in expect and card.index_level != expect["index_level"]:
        failures.append(f"index_level: got {card.index_level}, expected {expect['index_level']}")
    for section, lookup in (("dimensions", card.dimension), ("indicators", card.indicator)):
        for id, fields in expect.get(section, {}).items():
            entry = lookup(id).to_dict()
            for field, value in fields.items():
                if not close(entry.get(field), value):
                    failures.append(f"{section}.{id}.{field}: got {entry.get(field)}, expected {value}")
    return failures


def test_catalogue_is_complete() -> None:
    assert len(CASES) >= MIN_CASES, f"expected at least {MIN_CASES} cases in {HOSTILE}, found {len(CASES)}"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_hostile_text(path: Path) -> None:
    case, text, _ = read_case(path)
    options = keywords(case)

    report = siat.check(text, **options)

    assert compare(report, case["expect"]) == []
    assert report.valid == (report.scorecard is not None)
    assert all(issue.message.strip() for issue in report.issues)
    dutch = siat.check(text, **{**options, "lang": "nl"})
    assert issue_keys(dutch.to_dict()["issues"]) == issue_keys(report.to_dict()["issues"])


def input_bytes_reason(case: dict[str, Any]) -> bool:
    """Tell whether a case expects the input-size limit, which only JSON text has."""
    return any(issue.get("params", {}).get("reason") == "input_bytes" for issue in case["expect"]["issues"])


OBJECT_CASES = [path for path in CASES if "assessment" in read_json(path) and not input_bytes_reason(read_json(path))]


@pytest.mark.parametrize("path", OBJECT_CASES, ids=case_id)
def test_hostile_dict(path: Path) -> None:
    case, _, assessment = read_case(path)
    before = copy.deepcopy(assessment)

    report = siat.check(assessment, **keywords(case))

    assert compare(report, case["expect"]) == []
    # Checking never changes its input.
    assert assessment == before
