"""The example cohort: it loads into a DataFrame, scores, and matches the
single-file API and the `siat` command line tool."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import siat

from conftest import COHORT, read_json

FILES = sorted(COHORT.glob("*.json"))


def test_cohort_has_files() -> None:
    assert len(FILES) >= 2, f"the example cohort in {COHORT} is missing"


def test_load_cohort_reads_every_file() -> None:
    cohort = siat.load_cohort(COHORT)
    assert cohort == [read_json(path) for path in FILES]


def test_load_cohort_of_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        siat.load_cohort(tmp_path)


def test_cohort_frame_is_indexed_by_file() -> None:
    frame = siat.cohort_frame(COHORT)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == [path.stem for path in FILES]
    assert frame.index.name == "file"


def test_mean_organic_share_is_80() -> None:
    frame = siat.cohort_frame(COHORT)
    assert frame["answer.organic_share"].mean() == 80.0

    polars_frame = siat.cohort_frame(COHORT, backend="polars")
    assert polars_frame["answer.organic_share"].mean() == 80.0


def test_cohort_scores_match_single_files() -> None:
    scores = siat.score_frame(siat.cohort_frame(COHORT))
    assert scores["valid"].all()

    for path in FILES:
        card = siat.score(path)
        row = scores.loc[path.stem]
        assert row["index"] == card.index
        assert row["index_level"] == card.index_level
        for dimension in card.dimensions:
            assert row[f"score.{dimension.id}"] == dimension.score
        assert [issue["path"] for issue in row["issues"]] == [issue.path for issue in card.issues]


def test_polars_cohort_scores_match_pandas() -> None:
    pandas_scores = siat.score_frame(siat.cohort_frame(COHORT))
    polars_scores = siat.score_frame(siat.cohort_frame(COHORT, backend="polars"))
    assert isinstance(polars_scores, pl.DataFrame)
    assert polars_scores["index"].to_list() == list(pandas_scores["index"])


def test_cohort_frame_from_dicts() -> None:
    frame = siat.cohort_frame(siat.load_cohort(COHORT))
    assert list(frame.index) == list(range(len(FILES)))
    assert list(siat.score_frame(frame)["index"]) == [siat.score(path).index for path in FILES]


def test_cohort_frame_rejects_unknown_backend() -> None:
    with pytest.raises(ValueError, match="backend"):
        siat.cohort_frame(COHORT, backend="spark")  # type: ignore[arg-type]


def test_scores_equal_command_line_tool() -> None:
    command = os.environ.get("SIAT_CLI")
    if not command:
        # CI always sets it through scripts/test-python, so there the test cannot skip.
        assert not os.environ.get("CI"), "SIAT_CLI is not set; run the tests through scripts/test-python"
        pytest.skip("set SIAT_CLI to a built `siat` binary to compare with it (scripts/test-python does)")
    completed = subprocess.run(
        [command, "score", str(COHORT), "--format", "json"], capture_output=True, text=True, check=True
    )
    from_cli = json.loads(completed.stdout)

    # The same floats, bit for bit, as the Rust command line tool writes.
    assert from_cli == [siat.score(path).to_dict() for path in FILES]
