"""Typical uses of the siat API, checked with `mypy --strict` against the
installed package's type stubs (see test_typing.py). Not run by pytest."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Optional

import siat


def index_of(path: Path) -> Optional[float]:
    card: siat.Scorecard = siat.score(path, method="reciprocal", min_coverage=0.5, today=datetime.date(2026, 6, 1))
    level: Optional[str] = card.index_level
    print(level, card.name, card.weighting, card.to_json())
    for dimension in card.dimensions:
        score: Optional[float] = dimension.score
        coverage: float = dimension.coverage
        print(dimension.id, score, coverage, dimension.level, dimension.priority_gap)
    for indicator in card.indicators:
        print(indicator.id, indicator.dimension, indicator.score, indicator.status)
    return card.index


def messages(assessment: dict[str, Any]) -> list[str]:
    issues: list[siat.Issue] = siat.validate(assessment, lang="nl")
    return [f"{issue.severity} {issue.code} {issue.path}: {issue.message} {issue.params}" for issue in issues]


def scored_or_none(text: str) -> Optional[siat.Scorecard]:
    try:
        return siat.score(text, template=siat.Template.builtin())
    except siat.ValidationError as error:
        print(error.row, [issue.to_dict() for issue in error.issues])
        return None
    except siat.TemplateError as error:
        print([problem.path for problem in error.problems])
        return None


def template_summary(path: str) -> dict[str, Any]:
    template = siat.Template.from_json(path)
    ids: list[str] = [dimension["id"] for dimension in template.dimensions]
    return {"id": template.id, "version": template.version, "dimensions": ids, "indicators": len(template.indicators)}


def report_valid(assessment: dict[str, Any]) -> bool:
    report: siat.Report = siat.check(assessment, aggregation="geometric")
    card = report.scorecard
    return report.valid and (card is None or card.index is not None)


def field_codes(value: object) -> list[str]:
    return [issue.code for issue in siat.validate_field("organic_share", value)]


def frames(folder: Path) -> Any:
    cohort = siat.cohort_frame(folder, backend="polars")
    issues = siat.validate_frame(cohort)
    print(issues, siat.load_cohort(folder)[0], siat.to_wide({"answers": {}}))
    return siat.score_frame(cohort, errors="raise", keep=["profile.name"])


codes: tuple[str, ...] = siat.ISSUE_CODES
severity: str = siat.ISSUE_SEVERITIES["unanswered"]
languages: tuple[str, ...] = siat.LANGUAGES
version: str = siat.__version__
