"""Property tests: random input never crashes or raises anything but siat's
exceptions, scores stay in range, and batch scoring equals single scoring.

Example counts are kept small so the suite runs in seconds on two cores.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import siat

TEMPLATE = siat.Template.builtin()
DIMENSIONS = [dimension["id"] for dimension in TEMPLATE.dimensions]
FIELDS = {field["id"]: field for field in TEMPLATE.profile}
TODAY = "2026-06-01"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRAME_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Keys that occur in assessments, so random dicts often reach deep checks.
KEYS = (
    ["template", "profile", "prioritisation", "answers", "meta", "id", "version", "ranks", "points",
     "method", "date", "respondent_role"]
    + DIMENSIONS
    + list(FIELDS)
    + [indicator["id"] for indicator in TEMPLATE.indicators]
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["siat", "1.0", "n/a", "NL", "rank_sum", "points", "2026-05-14", "reusable", "none"])
)
json_like = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5),
    max_leaves=30,
)
# Values with no JSON counterpart: validation reports them as wrong_type.
foreign = st.sampled_from([{1, 2}, b"bytes", object(), 1j, frozenset(), range(2)])


def in_range(value: Any, low: float = 0.0, high: float = 100.0) -> bool:
    return value is None or (low <= value <= high)


def assert_scorecard_in_range(card: siat.Scorecard) -> None:
    assert in_range(card.index)
    for dimension in card.dimensions:
        assert in_range(dimension.score)
        assert in_range(dimension.coverage, 0.0, 1.0)
        assert in_range(dimension.weight, 0.0, 1.0)
        assert in_range(dimension.priority_gap)
    assert math.isclose(sum(dimension.weight for dimension in card.dimensions), 1.0, abs_tol=1e-9)
    for indicator in card.indicators:
        assert in_range(indicator.score)


@SETTINGS
@given(json_like.filter(lambda value: not isinstance(value, str)))
def test_random_values_raise_only_siat_errors(value: Any) -> None:
    # A top-level str is a path or JSON text, so it is tested separately.
    try:
        report = siat.check(value, today=TODAY)
    except siat.SiatError:
        return
    errors = [issue for issue in report.issues if issue.severity == "error"]
    assert report.valid == (not errors)
    assert (report.scorecard is not None) == report.valid
    assert all(issue.code in siat.ISSUE_CODES for issue in report.issues)
    if report.scorecard is not None:
        assert_scorecard_in_range(report.scorecard)


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), json_like | foreign, max_size=5))
def test_foreign_values_are_reported(value: dict[str, Any]) -> None:
    report = siat.check(value, today=TODAY)
    foreign_keys = [key for key, item in value.items() if not isinstance(item, (type(None), bool, int, float, str, list, dict))]
    if foreign_keys:
        assert not report.valid


@SETTINGS
@given(st.text(max_size=60))
def test_random_json_text_never_raises(text: str) -> None:
    report = siat.check("{" + text, today=TODAY)
    assert report.valid == (report.scorecard is not None)


# Valid assessments


def answer_strategy(indicator: dict[str, Any]) -> st.SearchStrategy[Any]:
    kind = indicator["type"]
    if kind == "boolean":
        strategy: st.SearchStrategy[Any] = st.booleans()
    elif kind == "percent":
        strategy = st.integers(0, 100) | st.floats(0, 100)
    elif kind == "likert5":
        strategy = st.integers(1, 5)
    elif kind == "count":
        strategy = st.integers(0, 40)
    elif kind == "number":
        strategy = st.floats(indicator.get("min", 0.0), indicator.get("max", 1000.0))
    elif kind == "choice":
        strategy = st.sampled_from([option["id"] for option in indicator["options"]])
    else:
        plain = [option["id"] for option in indicator["options"] if not option.get("exclusive")]
        alone = [[option["id"]] for option in indicator["options"] if option.get("exclusive")]
        strategy = st.lists(st.sampled_from(plain), unique=True, max_size=len(plain))
        if alone:
            strategy = strategy | st.sampled_from(alone)
    if indicator.get("na_allowed"):
        strategy = strategy | st.just("n/a")
    return strategy


@st.composite
def assessments(draw: st.DrawFn) -> dict[str, Any]:
    answers = {}
    for indicator in TEMPLATE.indicators:
        # About one answer in five is left out, so coverage varies.
        if draw(st.integers(0, 4)) > 0:
            answers[indicator["id"]] = draw(answer_strategy(indicator))

    profile = {
        "name": draw(st.text(min_size=1, max_size=30).filter(str.strip)),
        "country": draw(st.sampled_from(["NL", "DE", "FR", "IT", "ES", "GR"])),
        "sfsc_type": draw(st.sampled_from([option["id"] for option in FIELDS["sfsc_type"]["options"]])),
    }
    if draw(st.booleans()):
        profile["year_founded"] = draw(st.integers(1800, 2026))

    assessment: dict[str, Any] = {"template": {"id": "siat", "version": "1.0"}, "profile": profile, "answers": answers}
    kind = draw(st.sampled_from(["ranks", "points", "none"]))
    if kind == "ranks":
        ranks = {dimension: draw(st.integers(1, 5)) for dimension in DIMENSIONS}
        assessment["prioritisation"] = {"ranks": ranks}
    elif kind == "points":
        points = {dimension: draw(st.integers(0, 50)) for dimension in DIMENSIONS}
        points[DIMENSIONS[0]] += 1
        assessment["prioritisation"] = {"points": points}
    if draw(st.booleans()):
        assessment["meta"] = {"date": "2026-05-14"}
    return assessment


@SETTINGS
@given(assessments(), st.sampled_from(siat.AGGREGATIONS))
def test_valid_assessments_score_in_range(assessment: dict[str, Any], aggregation: str) -> None:
    card = siat.score(assessment, aggregation=aggregation, today=TODAY)
    assert_scorecard_in_range(card)
    assert json.loads(card.to_json()) == card.to_dict()


def frame_rows_equal_scores(scores: list[dict[str, Any]], assessments: list[dict[str, Any]]) -> None:
    assert len(scores) == len(assessments)
    for row, assessment in zip(scores, assessments):
        card = siat.score(assessment, today=TODAY)
        index = row["index"]
        assert (index is None or math.isnan(index)) if card.index is None else index == card.index
        for dimension in card.dimensions:
            value = row[f"score.{dimension.id}"]
            if dimension.score is None:
                assert value is None or math.isnan(value)
            else:
                assert value == dimension.score
            assert row[f"weight.{dimension.id}"] == dimension.weight
        assert [(issue["code"], issue["path"]) for issue in row["issues"]] == [
            (issue.code, issue.path) for issue in card.issues
        ]


@FRAME_SETTINGS
@given(st.lists(assessments(), min_size=1, max_size=6))
def test_pandas_frame_equals_single_scores(batch: list[dict[str, Any]]) -> None:
    frame = siat.cohort_frame(batch)
    scores = siat.score_frame(frame, today=TODAY)
    assert isinstance(scores, pd.DataFrame)
    frame_rows_equal_scores(scores.to_dict("records"), batch)


@FRAME_SETTINGS
@given(st.lists(assessments(), min_size=1, max_size=6))
def test_polars_frame_equals_single_scores(batch: list[dict[str, Any]]) -> None:
    frame = siat.cohort_frame(batch, backend="polars")
    scores = siat.score_frame(frame, today=TODAY)
    assert isinstance(scores, pl.DataFrame)
    frame_rows_equal_scores(scores.to_dicts(), batch)
