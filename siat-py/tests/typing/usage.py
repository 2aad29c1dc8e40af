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


def compare(folder: Path) -> list[str]:
    cohort = siat.Cohort(folder, lang="nl", limits=siat.Limits(max_depth=16))
    stats: siat.CohortStats = cohort.stats()
    mean: Optional[float] = stats.index.mean
    frames: siat.CohortFrames = stats.to_frames(backend="polars")
    print(mean, frames.dimensions, stats.dimension("economic").scores.q1, stats.indicator("organic_share").values)
    for standing in stats.standings:
        rank: Optional[int] = standing.rank
        print(standing.label, rank, standing.percentile)
    groups: list[siat.GroupStats] = cohort.stats_by("country")
    print([group.stats.count for group in groups], [member.scorecard.index for member in cohort.members])
    benchmark: siat.Benchmark = cohort.benchmark(folder / "nl-de-groene-kist.json")
    print(benchmark.index.percentile, benchmark.to_frame())
    analysis: siat.SensitivityAnalysis = cohort.sensitivity(samples=100, seed=7)
    kept: list[Optional[float]] = [member.rank_kept for member in analysis]
    print(kept, analysis[0].random, analysis.to_frame(), len(cohort.rejected))
    svg: str = cohort.radar_svg(siat.score(folder / "nl-de-groene-kist.json")) + cohort.bars_svg("economic")
    report: str = cohort.to_html(group_by="country", samples=0)
    findings: list[siat.Finding] = cohort.findings(group_by="area")
    return [svg, report] + [finding.text for finding in findings if finding.numbers.get("mean", 0.0) > 50]


def advice(path: Path) -> list[str]:
    card = siat.score(path, limits={"max_items": 100})
    recommendations: list[siat.Recommendation] = siat.advise(card, limit=3)
    recommendations += siat.advise(path, lang="nl", per_dimension=1, today="2026-06-01")
    knowledge: siat.KnowledgeBase = siat.knowledge_base()
    titles = [entry.title["en"] for entry in knowledge.for_indicator("leadership")]
    migrated: siat.Migrated = siat.migrate(path, {"template": "siat", "from": "1.0", "to": "1.1"})
    schema: dict[str, Any] = siat.Template.builtin().assessment_schema()
    siat.add_language("en-XA", Path("en-XA.json"))
    languages: list[str] = siat.languages()
    chart: str = card.radar_svg(lang="nl") + siat.bars_svg("Index", {"a": 50.0, "b": None})
    print(migrated.dropped, migrated.renamed, schema["$schema"], languages, chart)
    return titles + [item.text for item in recommendations] + [practice.advice for practice in recommendations[0].practices]
