"""Batch scoring of tables: pandas, polars and Arrow data in the wide form."""

from __future__ import annotations

import copy
import datetime
import math
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import siat

SCORE_COLUMNS_BEFORE_DIMENSIONS = ["name", "valid", "index", "index_level", "weighting"]
DIMENSIONS = ["economic", "environmental", "socio_cultural", "governance", "influence"]
ISSUE_COLUMNS = ["row", "path", "code", "severity", "message"]


def wide_pandas(*assessments: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame([siat.to_wide(assessment) for assessment in assessments])


def same_number(left: Any, right: Any) -> bool:
    missing = [value is None or (isinstance(value, float) and math.isnan(value)) for value in (left, right)]
    if any(missing):
        return all(missing)
    return bool(left == right)


def assert_row_matches_scorecard(row: Any, card: siat.Scorecard) -> None:
    assert same_number(row["index"], card.index)
    for dimension in card.dimensions:
        assert same_number(row[f"score.{dimension.id}"], dimension.score)
        assert row[f"coverage.{dimension.id}"] == dimension.coverage
        assert row[f"weight.{dimension.id}"] == dimension.weight
    assert [(issue["code"], issue["path"]) for issue in row["issues"]] == [
        (issue.code, issue.path) for issue in card.issues
    ]


def test_score_frame_columns(baseline: dict[str, Any]) -> None:
    scores = siat.score_frame(wide_pandas(baseline))
    per_dimension = [f"{kind}.{dimension}" for kind in ("score", "level", "coverage", "weight", "priority_gap")
                     for dimension in DIMENSIONS]
    expected = SCORE_COLUMNS_BEFORE_DIMENSIONS + per_dimension + ["issues"]
    assert sorted(scores.columns) == sorted(expected)
    assert list(scores.columns[:5]) == SCORE_COLUMNS_BEFORE_DIMENSIONS
    assert scores.columns[-1] == "issues"


def test_pandas_row_equals_single_score(baseline: dict[str, Any]) -> None:
    scores = siat.score_frame(wide_pandas(baseline))
    assert_row_matches_scorecard(scores.iloc[0], siat.score(baseline))
    assert scores.iloc[0]["name"] == baseline["profile"]["name"]
    assert bool(scores.iloc[0]["valid"])


def test_pandas_keeps_index(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline, baseline)
    frame.index = pd.Index(["first", "second"], name="file")
    scores = siat.score_frame(frame)
    assert list(scores.index) == ["first", "second"]
    assert scores.index.name == "file"


def test_polars_row_equals_single_score(baseline: dict[str, Any]) -> None:
    frame = pl.from_pandas(wide_pandas(baseline))
    scores = siat.score_frame(frame)
    assert isinstance(scores, pl.DataFrame)
    assert_row_matches_scorecard(scores.row(0, named=True), siat.score(baseline))


def test_pyarrow_table_in_table_out(baseline: dict[str, Any]) -> None:
    table = pa.Table.from_pandas(wide_pandas(baseline), preserve_index=False)
    scores = siat.score_frame(table)
    assert isinstance(scores, pa.Table)
    assert_row_matches_scorecard(scores.to_pylist()[0], siat.score(baseline))


def test_record_batch_is_accepted(baseline: dict[str, Any]) -> None:
    batch = pa.RecordBatch.from_pandas(wide_pandas(baseline), preserve_index=False)
    scores = siat.score_frame(batch)
    assert scores.num_rows == 1


def test_unsupported_table_type() -> None:
    with pytest.raises(siat.InputError, match="not supported"):
        siat.score_frame([{"answer.organic_share": 80}])


# Missing cells


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_cell_is_unanswered_in_pandas(baseline: dict[str, Any], missing: Any) -> None:
    frame = wide_pandas(baseline, baseline)
    frame["answer.organic_share"] = pd.Series([80, missing], dtype=object)
    issues = siat.validate_frame(frame)
    second = issues[issues["row"] == 1]
    assert list(second["code"]) == ["unanswered"]
    assert list(second["path"]) == ["/answers/organic_share"]


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_cell_is_unanswered_in_polars(baseline: dict[str, Any], missing: Any) -> None:
    frame = pl.from_pandas(wide_pandas(baseline, baseline)).with_columns(
        pl.Series("answer.organic_share", [80.0, missing], dtype=pl.Float64, nan_to_null=False)
    )
    issues = siat.validate_frame(frame)
    assert issues.filter(pl.col("row") == 1)["code"].to_list() == ["unanswered"]


def test_infinite_cell_is_not_finite(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["answer.organic_share"] = [math.inf]
    issues = siat.validate_frame(frame)
    assert list(issues["code"]) == ["not_finite"]


def test_multi_choice_text_is_wrong_type(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["answer.eco_packaging"] = ["reusable;compostable"]
    issues = siat.validate_frame(frame)
    assert list(issues["code"]) == ["wrong_type"]
    assert list(issues["path"]) == ["/answers/eco_packaging"]


def test_mixed_number_and_na_column(baseline: dict[str, Any]) -> None:
    not_applicable = copy.deepcopy(baseline)
    not_applicable["answers"]["renewable_energy_share"] = "n/a"
    frame = wide_pandas(baseline, not_applicable)
    assert frame["answer.renewable_energy_share"].dtype == object

    scores = siat.score_frame(frame)
    assert_row_matches_scorecard(scores.iloc[0], siat.score(baseline))
    assert_row_matches_scorecard(scores.iloc[1], siat.score(not_applicable))


def test_polars_object_column(baseline: dict[str, Any]) -> None:
    not_applicable = copy.deepcopy(baseline)
    not_applicable["answers"]["renewable_energy_share"] = "n/a"
    frame = siat.cohort_frame([baseline, not_applicable], backend="polars")
    assert frame.schema["answer.renewable_energy_share"] == pl.Object

    scores = siat.score_frame(frame)
    assert_row_matches_scorecard(scores.row(1, named=True), siat.score(not_applicable))


# Column kinds


def test_ranks_and_points_rows_together(baseline: dict[str, Any]) -> None:
    by_points = copy.deepcopy(baseline)
    by_points["prioritisation"] = {"points": {dimension: 20 for dimension in DIMENSIONS}}
    frame = wide_pandas(baseline, by_points)

    scores = siat.score_frame(frame)
    assert list(scores["weighting"]) == ["rank_sum", "points"]
    assert_row_matches_scorecard(scores.iloc[1], siat.score(by_points))


def test_date_and_categorical_columns(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["meta.date"] = pd.to_datetime(["2026-05-14"])
    frame["profile.country"] = frame["profile.country"].astype("category")
    assert_row_matches_scorecard(siat.score_frame(frame).iloc[0], siat.score(baseline))

    polars_frame = pl.from_pandas(wide_pandas(baseline)).with_columns(
        pl.col("meta.date").str.to_date(), pl.col("profile.country").cast(pl.Categorical)
    )
    assert_row_matches_scorecard(siat.score_frame(polars_frame).row(0, named=True), siat.score(baseline))


def test_numpy_array_cells(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["answer.eco_packaging"] = pd.Series([np.array(["reusable", "compostable"])], dtype=object)
    frame["answer.organic_share"] = pd.Series([np.float32(80.0)], dtype=object)
    assert_row_matches_scorecard(siat.score_frame(frame).iloc[0], siat.score(baseline))


def test_struct_columns_hold_sections(baseline: dict[str, Any]) -> None:
    frame = pl.DataFrame([baseline])
    assert frame.schema["answers"] == pl.Struct
    assert_row_matches_scorecard(siat.score_frame(frame).row(0, named=True), siat.score(baseline))


def test_all_missing_columns(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["answer.organic_share"] = [None]
    frame["answer.eco_packaging"] = [[]]
    without = copy.deepcopy(baseline)
    del without["answers"]["organic_share"]
    without["answers"]["eco_packaging"] = []
    expected = siat.score(without)

    assert_row_matches_scorecard(siat.score_frame(frame).iloc[0], expected)
    # polars gives both columns its Null type, which needs a cast before export.
    polars_frame = pl.from_pandas(wide_pandas(baseline)).with_columns(
        pl.lit(None).alias("answer.organic_share"), pl.Series("answer.eco_packaging", [[]])
    )
    assert polars_frame.schema["answer.eco_packaging"] == pl.List(pl.Null)
    assert_row_matches_scorecard(siat.score_frame(polars_frame).row(0, named=True), expected)


def test_template_columns_are_optional(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline).drop(columns=["template.id", "template.version"])
    assert_row_matches_scorecard(siat.score_frame(frame).iloc[0], siat.score(baseline))


def test_unknown_column_is_reported(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["file"] = ["a.json"]
    issues = siat.validate_frame(frame)
    assert list(zip(issues["code"], issues["path"])) == [("unknown_field", "/file")]


def test_keep_copies_columns(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline, with_error(baseline))
    frame["file"] = ["a.json", "b.json"]

    scores = siat.score_frame(frame, keep="file")
    assert list(scores.columns[:2]) == ["file", "name"]
    assert list(scores["file"]) == ["a.json", "b.json"]

    issues = siat.validate_frame(frame, keep=["file"])
    assert set(issues["file"]) == {"b.json"}

    polar_issues = siat.validate_frame(pl.from_pandas(frame), keep="file")
    assert polar_issues["file"].to_list() == list(issues["file"])

    table_scores = siat.score_frame(pa.Table.from_pandas(frame, preserve_index=False), keep="file")
    assert table_scores.column_names[0] == "file"


def test_keep_names_missing_column(baseline: dict[str, Any]) -> None:
    with pytest.raises(siat.InputError, match="keep"):
        siat.score_frame(wide_pandas(baseline), keep="file")


def test_section_column_beside_parts_is_rejected(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["answers"] = [{"organic_share": 80}]
    with pytest.raises(siat.InputError, match="answers"):
        siat.score_frame(frame)


def test_duplicate_column_is_rejected(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame = pd.concat([frame, frame[["answer.organic_share"]]], axis=1)
    with pytest.raises(siat.InputError, match="twice"):
        siat.score_frame(frame)


def test_binary_column_is_rejected(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline)
    frame["profile.name"] = [b"bytes"]
    with pytest.raises(siat.InputError, match="profile.name"):
        siat.score_frame(frame)


def test_empty_frame(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline).iloc[0:0]
    assert len(siat.score_frame(frame)) == 0
    assert list(siat.validate_frame(frame).columns) == ISSUE_COLUMNS


# Errors


def with_error(assessment: dict[str, Any]) -> dict[str, Any]:
    broken = copy.deepcopy(assessment)
    broken["answers"]["organic_share"] = 140
    return broken


def test_bad_rows_are_reported_not_dropped(baseline: dict[str, Any]) -> None:
    scores = siat.score_frame(wide_pandas(baseline, with_error(baseline), baseline))
    assert list(scores["valid"]) == [True, False, True]
    assert math.isnan(scores.iloc[1]["index"])
    assert scores.iloc[1]["name"] == baseline["profile"]["name"]
    assert [issue["code"] for issue in scores.iloc[1]["issues"]] == ["out_of_range"]


def test_errors_raise_names_row(baseline: dict[str, Any]) -> None:
    with pytest.raises(siat.ValidationError) as raised:
        siat.score_frame(wide_pandas(baseline, with_error(baseline)), errors="raise")
    assert raised.value.row == 1
    assert str(raised.value).startswith("row 1:")
    assert [issue.code for issue in raised.value.issues] == ["out_of_range"]


def test_errors_argument_is_checked(baseline: dict[str, Any]) -> None:
    with pytest.raises(siat.OptionsError):
        siat.score_frame(wide_pandas(baseline), errors="ignore")  # type: ignore[arg-type]


def test_validate_frame_rows(baseline: dict[str, Any]) -> None:
    issues = siat.validate_frame(wide_pandas(baseline, with_error(baseline), with_error(baseline)))
    assert list(issues.columns) == ISSUE_COLUMNS
    assert list(issues["row"]) == [1, 2]
    assert issues["row"].dtype == np.int64
    assert set(issues["severity"]) == {"error"}


def test_options_reach_every_row(baseline: dict[str, Any]) -> None:
    scores = siat.score_frame(wide_pandas(baseline), method="equal", aggregation="geometric", lang="nl")
    card = siat.score(baseline, method="equal", aggregation="geometric")
    assert_row_matches_scorecard(scores.iloc[0], card)
    assert scores.iloc[0]["weighting"] == "equal"


def test_today_reaches_every_row(baseline: dict[str, Any]) -> None:
    undated = copy.deepcopy(baseline)
    del undated["meta"]
    undated["profile"]["year_founded"] = 2026
    frame = wide_pandas(undated)
    early = siat.validate_frame(frame, today=datetime.date(2025, 6, 1))
    assert list(early["code"]) == ["out_of_range"]
    assert len(siat.validate_frame(frame, today="2026-06-01")) == 0


def test_cell_without_json_form_is_wrong_type(baseline: dict[str, Any]) -> None:
    frame = wide_pandas(baseline, baseline)
    frame["answer.eco_packaging"] = pd.Series([["reusable"], object()], dtype=object)
    issues = siat.validate_frame(frame)
    errors = issues[issues["severity"] == "error"]
    assert list(zip(errors["row"], errors["code"], errors["path"])) == [(1, "wrong_type", "/answers/eco_packaging")]


def test_too_deep_cell_names_row_and_column(baseline: dict[str, Any]) -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(200):
        inner.append([])
        inner = inner[0]
    frame = wide_pandas(baseline, baseline)
    frame["answer.eco_packaging"] = pd.Series([["reusable"], deep], dtype=object)
    with pytest.raises(siat.InputError, match="row 1, column `answer.eco_packaging`"):
        siat.score_frame(frame, limits={"max_depth": 500})


def test_record_rows_need_one_cell_per_column() -> None:
    from siat import _siat

    with pytest.raises(siat.InputError, match="row 0 has 1 cells for 2 columns"):
        _siat.check_records(["answer.organic_share", "answer.local_jobs"], [[80]])


class ArrowStream:
    """An object that offers nothing but the Arrow C stream interface."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


def test_any_arrow_stream_is_accepted(baseline: dict[str, Any]) -> None:
    stream = ArrowStream(pl.from_pandas(wide_pandas(baseline)))
    scores = siat.score_frame(stream)
    assert isinstance(scores, pa.Table)
    assert_row_matches_scorecard(scores.to_pylist()[0], siat.score(baseline))


def test_text_and_bytes_in_one_list_cell(baseline: dict[str, Any]) -> None:
    # pyarrow would make a string list of this that is not UTF-8.
    frame = wide_pandas(baseline, baseline)
    frame["answer.eco_packaging"] = pd.Series([["reusable"], ["reusable", b"\xff"]], dtype=object)
    issues = siat.validate_frame(frame)
    errors = issues[issues["severity"] == "error"]
    assert list(zip(errors["row"], errors["code"], errors["path"])) == [(1, "wrong_type", "/answers/eco_packaging/1")]


def test_arrow_text_that_is_not_utf8_raises_input_error() -> None:
    offsets = pa.py_buffer(np.array([0, 1], dtype=np.int32).tobytes())
    names = pa.Array.from_buffers(pa.string(), 1, [None, offsets, pa.py_buffer(b"\xff")])
    table = pa.table({"profile.name": names})
    with pytest.raises(siat.InputError, match="column `profile.name` is not valid Arrow data"):
        siat.score_frame(table)
