"""Shared paths and fixtures of the Python test suite.

The suite runs against the installed `siat` wheel, never against the source
folder, so `python/` must not be on `sys.path` (see `scripts/test-python`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

REPOSITORY = Path(__file__).resolve().parents[2]
VECTORS = REPOSITORY / "tests" / "vectors"
SNAPSHOTS = VECTORS / "snapshots"
COHORT = REPOSITORY / "examples" / "cohort"
NOTEBOOK = REPOSITORY / "examples" / "notebook.ipynb"

# Hypothesis profiles, chosen by the environment variable
# SIAT_HYPOTHESIS_PROFILE. Tests that set their own example count keep it;
# the others take the profile's. `ci` (the default) runs in seconds; the
# `robustness` run backs the numbers in docs/robustness.md.
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "robustness",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("SIAT_HYPOTHESIS_PROFILE", "ci"))


def vector_cases() -> list[Path]:
    """List the shared test vectors, sorted by name."""
    return sorted(VECTORS.glob("*.json"))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def baseline() -> dict[str, Any]:
    """A valid assessment with every indicator answered (vector 001)."""
    case = read_json(VECTORS / "001-baseline-all-answered.json")
    assessment: dict[str, Any] = case["assessment"]
    return assessment
