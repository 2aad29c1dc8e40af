"""The shared test vectors: every case must give the expected values, and
the same report, float for float, as the Rust test suite's snapshot."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import siat

from conftest import SNAPSHOTS, VECTORS, read_json, vector_cases

TOLERANCE = 1e-9
CASES = vector_cases()


def case_id(path: Path) -> str:
    return path.stem


def options_of(case: dict[str, Any]) -> dict[str, Any]:
    """Turn a case's options into keyword arguments of `siat.check`."""
    options = dict(case.get("options", {}))
    keywords: dict[str, Any] = {key: options.pop(key) for key in list(options) if key in (
        "lang", "method", "min_coverage", "aggregation", "today")}
    assert not options, f"options the runner does not know: {sorted(options)}"
    if "template" in case:
        keywords["template"] = siat.Template.from_json(VECTORS / case["template"])
    return keywords


def input_of(case: dict[str, Any]) -> Any:
    return case["assessment_text"] if "assessment_text" in case else case["assessment"]


def close(actual: Any, expected: Any) -> bool:
    if expected is None or actual is None:
        return actual is expected
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return math.isclose(actual, expected, rel_tol=0.0, abs_tol=TOLERANCE)
    return bool(actual == expected)


def test_vectors_exist() -> None:
    assert len(CASES) > 0, f"no test vectors in {VECTORS}"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_vector_expectations(path: Path) -> None:
    case = read_json(path)
    expect = case["expect"]
    report = siat.check(input_of(case), **options_of(case))

    assert report.valid == expect["valid"]
    found = sorted((issue.code, issue.path, issue.severity) for issue in report.issues)
    wanted = sorted((issue["code"], issue["path"], issue["severity"]) for issue in expect["issues"])
    assert found == wanted

    if not expect["valid"]:
        assert report.scorecard is None
        return
    card = report.scorecard
    assert card is not None
    if "index" in expect:
        assert close(card.index, expect["index"]), (card.index, expect["index"])
    if "index_level" in expect:
        assert card.index_level == expect["index_level"]
    for dimension_id, wanted_values in expect.get("dimensions", {}).items():
        dimension = card.dimension(dimension_id).to_dict()
        for key, value in wanted_values.items():
            assert close(dimension[key], value), (dimension_id, key, dimension[key], value)
    for indicator_id, wanted_values in expect.get("indicators", {}).items():
        indicator = card.indicator(indicator_id).to_dict()
        for key, value in wanted_values.items():
            assert close(indicator[key], value), (indicator_id, key, indicator[key], value)


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_vector_matches_rust_snapshot(path: Path) -> None:
    snapshot = SNAPSHOTS / path.name
    assert snapshot.is_file(), f"no Rust snapshot {snapshot.name}; the Rust test vectors_match_snapshots writes it"
    case = read_json(path)

    report = siat.check(input_of(case), **options_of(case))

    # Exact equality: the same floats to the last bit, the same messages.
    assert report.to_dict() == read_json(snapshot)


def is_object_case(path: Path) -> bool:
    """Tell whether a case gives its input as a JSON object, which can also be a dict."""
    case = read_json(path)
    return "assessment" in case and isinstance(case["assessment"], dict)


def is_valid_case(path: Path) -> bool:
    """Tell whether a case expects a scorecard."""
    return bool(read_json(path)["expect"]["valid"])


@pytest.mark.parametrize("path", [path for path in CASES if is_object_case(path)], ids=case_id)
def test_vector_json_text_and_dict_agree(path: Path) -> None:
    case = read_json(path)
    options = options_of(case)

    from_dict = siat.check(case["assessment"], **options)
    from_text = siat.check(json.dumps(case["assessment"]), **options)

    assert from_dict.to_dict() == from_text.to_dict()


@pytest.mark.parametrize("path", [path for path in CASES if is_valid_case(path)], ids=case_id)
def test_vector_scorecard_json_round_trip(path: Path) -> None:
    case = read_json(path)
    report = siat.check(input_of(case), **options_of(case))
    assert report.scorecard is not None

    assert json.loads(report.scorecard.to_json()) == report.scorecard.to_dict()
