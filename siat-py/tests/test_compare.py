"""Comparing a cohort: statistics checked against numpy and pandas, findings,
benchmarks, weight sensitivity against the command line tool, charts and
the HTML report."""

from __future__ import annotations

import copy
import html.parser
import json
import os
import subprocess
import threading
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import siat

from conftest import COHORT, REPOSITORY, read_json

FILES = sorted(COHORT.glob("*.json"))
WEAKEST = COHORT / "rs-seoska-korpa-sremska.json"
FOOD_HUB = REPOSITORY / "examples" / "templates" / "food-hub-3d.json"
FOOD_HUB_EXAMPLE = REPOSITORY / "examples" / "templates" / "food-hub-example.json"
DIMENSIONS = [dimension["id"] for dimension in siat.Template.builtin().dimensions]
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onload='alert(1)",
    "]]><!-- &amp; &#x3C;",
]
REL = 1e-12


@pytest.fixture(scope="module")
def cohort() -> siat.Cohort:
    return siat.Cohort(COHORT)


@pytest.fixture(scope="module")
def assessments() -> list[dict[str, Any]]:
    return [read_json(path) for path in FILES]


@pytest.fixture(scope="module")
def scorecards() -> list[siat.Scorecard]:
    return [siat.score(path) for path in FILES]


def run_cli(*arguments: str) -> Any:
    command = os.environ.get("SIAT_CLI")
    if not command:
        # CI always sets it through scripts/test-python, so there the test cannot skip.
        assert not os.environ.get("CI"), "SIAT_CLI is not set; run the tests through scripts/test-python"
        pytest.skip("set SIAT_CLI to a built `siat` binary to compare with it (scripts/test-python does)")
    completed = subprocess.run(
        [command, *arguments], capture_output=True, text=True, check=True, cwd=REPOSITORY
    )
    return json.loads(completed.stdout)


def quartiles(values: list[float]) -> list[float]:
    """numpy's default quantile method: linear interpolation (type 7)."""
    return [float(value) for value in np.percentile(values, [25, 50, 75])]


def assert_summary(summary: siat.Summary, values: list[float]) -> None:
    series = pd.Series(values, dtype="float64")
    assert summary.count == len(values)
    assert summary.mean == pytest.approx(float(np.mean(values)), rel=REL)
    assert summary.std == pytest.approx(float(series.std()), rel=REL)
    assert summary.min == min(values)
    assert summary.max == max(values)
    assert [summary.q1, summary.median, summary.q3] == pytest.approx(quartiles(values), rel=REL)


# Sources


def test_folder_members_labelled_by_file(cohort: siat.Cohort) -> None:
    assert len(cohort) == len(FILES)
    assert [member.label for member in cohort.members] == [path.stem for path in FILES]
    assert cohort.rejected == []
    assert cohort.template == siat.Template.builtin()
    assert cohort.lang == "en"


def without_labels(stats: siat.CohortStats) -> dict[str, Any]:
    data = stats.to_dict()
    for standing in data["standings"]:
        standing.pop("label")
    return data


def test_every_source_gives_same_stats(cohort: siat.Cohort, assessments: list[dict[str, Any]]) -> None:
    expected = without_labels(cohort.stats())
    sources: list[Any] = [
        FILES,
        [str(path) for path in FILES],
        assessments,
        [json.dumps(assessment) for assessment in assessments],
        [json.dumps(assessment).encode() for assessment in assessments],
        dict(zip([path.stem for path in FILES], assessments)),
        siat.cohort_frame(COHORT),
        siat.cohort_frame(COHORT, backend="polars"),
    ]
    for source in sources:
        assert without_labels(siat.Cohort(source).stats()) == expected, type(source)


def test_arrow_table_source(assessments: list[dict[str, Any]]) -> None:
    # Arrow cannot hold a column that mixes numbers and "n/a", so this
    # cohort leaves the one indicator that has "n/a" answers out.
    plain = copy.deepcopy(assessments)
    for assessment in plain:
        assessment["answers"].pop("renewable_energy_share", None)
        assessment["answers"].pop("public_institution_supply", None)
    table = pa.Table.from_pandas(siat.cohort_frame(plain), preserve_index=False)
    cohort = siat.Cohort(table)
    assert [member.label for member in cohort.members] == [f"#{position}" for position in range(1, 17)]
    assert cohort.stats().index == siat.Cohort(plain).stats().index


def test_labels_follow_source(assessments: list[dict[str, Any]]) -> None:
    assert [member.label for member in siat.Cohort(assessments[:2]).members] == ["#1", "#2"]
    assert [member.label for member in siat.Cohort(FILES[:2]).members] == [path.stem for path in FILES[:2]]
    named = siat.Cohort({"a": assessments[0], "b": assessments[1]})
    assert [member.label for member in named.members] == ["a", "b"]
    framed = siat.Cohort(siat.cohort_frame(COHORT))
    assert [member.label for member in framed.members] == [path.stem for path in FILES]
    polars_frame = siat.Cohort(siat.cohort_frame(COHORT, backend="polars"))
    assert [member.label for member in polars_frame.members][:2] == ["#1", "#2"]
    given = siat.Cohort(assessments[:2], labels=["first", "second"])
    assert [member.label for member in given.members] == ["first", "second"]
    streamed = siat.Cohort(assessment for assessment in assessments[:3])
    assert [member.label for member in streamed.members] == ["#1", "#2", "#3"]
    relabelled = siat.Cohort(COHORT, labels=[f"case {position}" for position in range(len(FILES))])
    assert relabelled.members[0].label == "case 0"


def test_labels_must_match_inputs(assessments: list[dict[str, Any]]) -> None:
    with pytest.raises(siat.InputError, match="2 labels were given for 3"):
        siat.Cohort(assessments[:3], labels=["a", "b"])


def test_rejected_inputs_keep_order(assessments: list[dict[str, Any]]) -> None:
    invalid = copy.deepcopy(assessments[1])
    invalid["answers"]["organic_share"] = 140
    inputs: list[Any] = [assessments[0], "{not json", invalid, b"[]", assessments[2]]
    cohort = siat.Cohort(inputs)

    assert [member.label for member in cohort.members] == ["#1", "#5"]
    assert [entry.label for entry in cohort.rejected] == ["#2", "#3", "#4"]
    codes = [[issue.code for issue in entry.issues if issue.severity == "error"] for entry in cohort.rejected]
    assert codes == [["invalid_json"], ["out_of_range"], ["wrong_type"]]


def test_single_assessment_is_not_a_cohort(assessments: list[dict[str, Any]]) -> None:
    with pytest.raises(siat.InputError, match="looks like one assessment"):
        siat.Cohort(assessments[0])


@pytest.mark.parametrize("source", [42, b"bytes", None])
def test_unreadable_source_raises_input_error(source: Any) -> None:
    with pytest.raises(siat.InputError):
        siat.Cohort(source)


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        siat.Cohort(tmp_path)
    with pytest.raises(FileNotFoundError):
        siat.Cohort(tmp_path / "missing")
    with pytest.raises(NotADirectoryError):
        siat.Cohort(FILES[0])


def test_empty_cohort_has_empty_stats() -> None:
    cohort = siat.Cohort([])
    stats = cohort.stats()
    assert stats.count == 0
    assert stats.index.mean is None
    assert cohort.findings() == []
    assert len(cohort.sensitivity(samples=10)) == 0


def test_options_reach_members(assessments: list[dict[str, Any]]) -> None:
    cohort = siat.Cohort(assessments, method="equal", aggregation="geometric", lang="nl")
    for member in cohort.members:
        assert member.scorecard.weighting == "equal"
        assert member.scorecard.aggregation == "geometric"
    assert cohort.findings()[0].text.startswith("16 initiatieven")


# Statistics against numpy and pandas


def test_dimension_stats_match_numpy(cohort: siat.Cohort, scorecards: list[siat.Scorecard]) -> None:
    stats = cohort.stats()
    for dimension in DIMENSIONS:
        values = [card.dimension(dimension).score for card in scorecards]
        assert_summary(stats.dimension(dimension).scores, [value for value in values if value is not None])


def test_index_stats_match_numpy(cohort: siat.Cohort, scorecards: list[siat.Scorecard]) -> None:
    indexes = [card.index for card in scorecards if card.index is not None]
    assert_summary(cohort.stats().index, indexes)


def test_indicator_answers_match_numpy(cohort: siat.Cohort, assessments: list[dict[str, Any]]) -> None:
    stats = cohort.stats()
    for indicator in ["organic_share", "food_miles_km", "community_events", "customer_trust", "renewable_energy_share"]:
        answers = [assessment["answers"].get(indicator) for assessment in assessments]
        numbers = [float(answer) for answer in answers if isinstance(answer, (int, float))]
        entry = stats.indicator(indicator)
        assert entry.answered == len(numbers)
        assert entry.not_applicable == answers.count("n/a")
        assert entry.unanswered == answers.count(None)
        assert entry.values is not None
        assert_summary(entry.values, numbers)


def test_indicator_scores_match_numpy(cohort: siat.Cohort, scorecards: list[siat.Scorecard]) -> None:
    stats = cohort.stats()
    for entry in stats.indicators:
        scores = [card.indicator(entry.id).score for card in scorecards]
        answered = [score for score in scores if score is not None]
        if answered:
            assert_summary(entry.scores, answered)
        else:
            assert entry.scores.count == 0


def test_option_shares_count_answers(cohort: siat.Cohort, assessments: list[dict[str, Any]]) -> None:
    stats = cohort.stats()

    packaging = [assessment["answers"]["eco_packaging"] for assessment in assessments]
    shares = {share.option: share for share in stats.indicator("eco_packaging").shares}
    for option, share in shares.items():
        count = sum(option in answer for answer in packaging)
        assert share.count == count
        assert share.share == pytest.approx(count / len(packaging), rel=REL)

    flags = [assessment["answers"]["policy_engagement"] for assessment in assessments]
    shares = {share.option: share for share in stats.indicator("policy_engagement").shares}
    assert shares["true"].count == flags.count(True)
    assert shares["false"].count == flags.count(False)
    assert stats.indicator("organic_share").shares == []


def test_ranks_and_percentiles_match_pandas(cohort: siat.Cohort, scorecards: list[siat.Scorecard]) -> None:
    indexes = pd.Series([card.index for card in scorecards], dtype="float64")
    ranks = indexes.rank(method="min", ascending=False)
    values = indexes.to_numpy()

    standings = cohort.stats().standings
    assert [standing.name for standing in standings] == [card.name for card in scorecards]
    for position, standing in enumerate(standings):
        index = values[position]
        below = int((values < index).sum())
        level = int((values == index).sum())
        assert standing.index == index
        assert standing.rank == int(ranks[position])
        assert standing.percentile == pytest.approx(100 * (below + 0.5 * level) / len(values), rel=REL)


def test_ties_share_best_rank(assessments: list[dict[str, Any]]) -> None:
    cohort = siat.Cohort([assessments[0], assessments[0], assessments[1]])
    ranks = [standing.rank for standing in cohort.stats().standings]
    indexes = pd.Series([standing.index for standing in cohort.stats().standings])
    assert ranks == [int(rank) for rank in indexes.rank(method="min", ascending=False)]
    assert ranks[0] == ranks[1]


def test_stats_by_country_groups_members(cohort: siat.Cohort, assessments: list[dict[str, Any]]) -> None:
    groups = cohort.stats_by("country")
    countries = [assessment["profile"]["country"] for assessment in assessments]
    assert [group.value for group in groups] == list(dict.fromkeys(countries))
    for group in groups:
        assert group.field == "country"
        assert group.stats.count == countries.count(group.value)
    assert sum(group.stats.count for group in groups) == len(assessments)


def test_stats_by_unknown_field_raises_options_error(cohort: siat.Cohort) -> None:
    with pytest.raises(siat.OptionsError, match="cannot group by `name`"):
        cohort.stats_by("name")


def test_stats_equal_command_line_tool(cohort: siat.Cohort) -> None:
    from_cli = run_cli("compare", "examples/cohort", "--format", "json", "--samples", "200", "--seed", "7")
    stats = cohort.stats().to_dict()
    for standing in stats["standings"] + from_cli["stats"]["standings"]:
        standing.pop("label")
    assert stats == from_cli["stats"]
    assert [finding.to_dict() for finding in cohort.findings()] == from_cli["findings"]


# Frames


def test_pandas_frames(cohort: siat.Cohort) -> None:
    frames = cohort.stats().to_frames()
    assert list(frames.dimensions.index) == DIMENSIONS
    assert list(frames.dimensions.columns) == ["count", "mean", "std", "min", "q1", "median", "q3", "max"]
    assert frames.dimensions.loc["economic", "mean"] == cohort.stats().dimension("economic").scores.mean
    assert list(frames.index.index) == ["index"]
    assert frames.index.loc["index", "median"] == cohort.stats().index.median
    assert frames.indicators.loc["organic_share", "answer.mean"] == 80.0
    assert frames.indicators.loc["organic_share", "dimension"] == "environmental"
    assert pd.isna(frames.indicators.loc["fair_wages", "answer.mean"])
    assert list(frames.standings.index) == [path.stem for path in FILES]
    assert set(frames.shares["indicator"]) >= {"eco_packaging", "policy_engagement"}


def test_polars_frames(cohort: siat.Cohort) -> None:
    frames = cohort.stats().to_frames(backend="polars")
    assert isinstance(frames.dimensions, pl.DataFrame)
    assert frames.dimensions["dimension"].to_list() == DIMENSIONS
    assert frames.standings["label"].to_list() == [path.stem for path in FILES]
    assert frames.indicators.filter(pl.col("indicator") == "organic_share")["answer.mean"].item() == 80.0


def test_unknown_backend_raises(cohort: siat.Cohort) -> None:
    with pytest.raises(ValueError, match="backend"):
        cohort.stats().to_frames(backend="spark")  # type: ignore[arg-type]


# Findings


def headline(findings: list[siat.Finding], indicator: str) -> siat.Finding:
    [finding] = [finding for finding in findings if finding.kind == "headline" and finding.subject == indicator]
    return finding


def test_findings_state_organic_and_local_shares(cohort: siat.Cohort) -> None:
    findings = cohort.findings()
    organic = headline(findings, "organic_share")
    local = headline(findings, "local_traditional_share")

    assert organic.numbers["mean"] == 80.0
    assert organic.text == "On average 80% of production is organic"
    assert local.numbers["mean"] == 75.0
    assert "75%" in local.text


def test_findings_in_dutch(cohort: siat.Cohort) -> None:
    findings = cohort.findings(lang="nl")
    assert headline(findings, "organic_share").numbers["mean"] == 80.0
    assert "80%" in headline(findings, "organic_share").text
    assert findings[0].text != cohort.findings()[0].text


def test_findings_numbers_are_the_statistics(cohort: siat.Cohort) -> None:
    stats = cohort.stats()
    findings = {finding.kind: finding for finding in cohort.findings()}
    assert findings["cohort_size"].numbers == {"count": 16.0, "mean": stats.index.mean}
    strongest = findings["strongest_dimension"]
    assert strongest.subject is not None
    means = {dimension.id: dimension.scores.mean for dimension in stats.dimensions}
    assert strongest.numbers["mean"] == max(value for value in means.values() if value is not None)
    assert means[strongest.subject] == strongest.numbers["mean"]


def test_group_findings(cohort: siat.Cohort) -> None:
    groups = [finding for finding in cohort.findings(group_by="sfsc_type") if finding.group is not None]
    assert groups
    for finding in groups:
        assert finding.kind in ("group_above", "group_below")
        assert finding.numbers["difference"] == pytest.approx(
            abs(finding.numbers["group_mean"] - finding.numbers["mean"]), rel=REL
        )


def test_unsupported_language_in_findings(cohort: siat.Cohort) -> None:
    with pytest.raises(siat.UnsupportedLanguageError):
        cohort.findings(lang="fr")


# Benchmark


def test_benchmark_places_weakest(cohort: siat.Cohort) -> None:
    benchmark = cohort.benchmark(WEAKEST)
    stats = cohort.stats()
    card = siat.score(WEAKEST)

    assert benchmark.name == card.name
    assert benchmark.index.score == card.index
    standing = next(entry for entry in stats.standings if entry.label == WEAKEST.stem)
    assert benchmark.index.percentile == standing.percentile
    for position, dimension in zip(benchmark.dimensions, stats.dimensions):
        assert position.id == dimension.id
        assert (position.q1, position.median, position.q3) == (
            dimension.scores.q1, dimension.scores.median, dimension.scores.q3)
    assert len(benchmark.indicators) == 39


def test_benchmark_of_scorecard_equals_assessment(cohort: siat.Cohort) -> None:
    assert cohort.benchmark(siat.score(WEAKEST)) == cohort.benchmark(WEAKEST)
    frame = cohort.benchmark(WEAKEST).to_frame()
    assert list(frame["kind"][:6]) == ["index"] + ["dimension"] * 5
    assert frame.loc["index", "score"] == siat.score(WEAKEST).index


def test_benchmark_rejects_invalid_assessment(cohort: siat.Cohort) -> None:
    invalid = read_json(WEAKEST)
    invalid["answers"]["organic_share"] = 140
    with pytest.raises(siat.ValidationError):
        cohort.benchmark(invalid)


def test_benchmark_rejects_other_template(cohort: siat.Cohort) -> None:
    card = siat.score(FOOD_HUB_EXAMPLE, template=FOOD_HUB)
    with pytest.raises(siat.InputError, match="template `food_hub`"):
        cohort.benchmark(card)
    with pytest.raises(siat.InputError, match="template `food_hub`"):
        card.radar_svg(cohort)


# Weight sensitivity


def test_sensitivity_equals_command_line_tool(cohort: siat.Cohort) -> None:
    from_cli = run_cli("compare", "examples/cohort", "--format", "json", "--samples", "200", "--seed", "7")
    analysis = cohort.sensitivity(samples=200, seed=7)

    assert (analysis.samples, analysis.seed) == (200, 7)
    ours = analysis.to_dicts()
    theirs = from_cli["sensitivity"]
    assert [Path(entry.pop("label")).stem for entry in theirs] == [entry.pop("label") for entry in ours]
    # The same floats, bit for bit, as the Rust command line tool writes.
    assert ours == theirs


def test_sensitivity_is_reproducible(cohort: siat.Cohort) -> None:
    first = cohort.sensitivity(samples=300, seed=42)
    assert first == cohort.sensitivity(samples=300, seed=42)
    assert first != cohort.sensitivity(samples=300, seed=43)


def test_sensitivity_values(cohort: siat.Cohort) -> None:
    analysis = cohort.sensitivity(samples=500, seed=3)
    assert len(analysis) == len(FILES)
    for member in analysis:
        assert member.random is not None
        spread = member.random
        assert spread.min <= spread.p05 <= spread.q1 <= spread.median <= spread.q3 <= spread.p95 <= spread.max
        assert member.rank_kept is not None
        assert 0.0 <= member.rank_kept <= 1.0
        assert member.rank is not None
        assert member.best_rank is not None
        assert member.worst_rank is not None
        assert member.best_rank <= member.rank <= member.worst_rank
        assert member.methods["equal"] is not None
    frame = analysis.to_frame()
    assert list(frame.index) == [path.stem for path in FILES]
    assert "random.median" in frame.columns
    assert "method.rank_sum" in frame.columns


@pytest.mark.parametrize(
    "arguments", [{"samples": -1}, {"samples": 1.5}, {"samples": True}, {"seed": -1}, {"seed": 2**64}, {"samples": 100_001}]
)
def test_sensitivity_arguments_checked(cohort: siat.Cohort, arguments: dict[str, Any]) -> None:
    with pytest.raises(siat.OptionsError):
        cohort.sensitivity(**arguments)


def test_cohort_work_releases_gil(assessments: list[dict[str, Any]]) -> None:
    cohort = siat.Cohort(assessments)
    done = threading.Event()

    def work() -> None:
        cohort.sensitivity(samples=30_000, seed=1)
        done.set()

    worker = threading.Thread(target=work)
    started = time.perf_counter()
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
    worker.join()
    elapsed = time.perf_counter() - started
    # With the GIL held for the whole call, this thread could not count while it runs.
    assert elapsed < 0.05 or ticks > 1000, (elapsed, ticks)


# Charts and the report


def parse_svg(svg: str) -> ElementTree.Element:
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def texts(root: ElementTree.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter() if element.tag.endswith(("}text", "}title"))]


def hostile_cohort(assessments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    changed = copy.deepcopy(assessments[: len(PAYLOADS)])
    for assessment, payload in zip(changed, PAYLOADS):
        assessment["profile"]["name"] = payload
    return changed


def assert_no_markup_from(root: ElementTree.Element) -> None:
    for element in root.iter():
        assert not element.tag.endswith(("script", "img", "foreignObject")), element.tag
        assert not any(name.lower().startswith("on") for name in element.attrib), element.attrib


def test_radar_svg_parses(cohort: siat.Cohort) -> None:
    for svg in [cohort.radar_svg(), cohort.radar_svg(WEAKEST), siat.score(WEAKEST).radar_svg()]:
        parse_svg(svg)
    assert siat.score(WEAKEST).radar_svg(cohort) == cohort.radar_svg(siat.score(WEAKEST))


def test_radar_labels_follow_language(cohort: siat.Cohort) -> None:
    def labels(svg: str) -> list[str]:
        return [text.split()[0] for text in texts(parse_svg(svg)) if text]

    card = siat.score(WEAKEST, lang="nl")
    assert "Economisch" in labels(card.radar_svg())
    assert "Economic" in labels(card.radar_svg(lang="en"))
    assert "Economisch" in labels(cohort.radar_svg(lang="nl"))
    with pytest.raises(siat.UnsupportedLanguageError):
        card.radar_svg(lang="fr")


def test_bars_svg_parses(cohort: siat.Cohort, scorecards: list[siat.Scorecard]) -> None:
    root = parse_svg(cohort.bars_svg())
    shown = texts(root)
    for card in scorecards:
        assert card.name in shown
    parse_svg(cohort.bars_svg("economic", lang="nl"))
    with pytest.raises(siat.OptionsError, match="no dimension `economy`"):
        cohort.bars_svg("economy")


def test_module_bars_svg() -> None:
    root = parse_svg(siat.bars_svg("Scores <b>", {"a & b": 50.0, "c": None}))
    assert "Scores <b>" in texts(root)
    assert "a & b" in texts(root)
    assert siat.bars_svg("t", [("x", 10)]) == siat.bars_svg("t", {"x": 10.0})
    for bars in [[("x", 101)], [("x", "50")], [(1, 50)], [("x",)], [("x", True)]]:
        with pytest.raises(siat.InputError):
            siat.bars_svg("t", bars)  # type: ignore[arg-type]


def test_svg_escapes_hostile_names(assessments: list[dict[str, Any]]) -> None:
    cohort = siat.Cohort(hostile_cohort(assessments))
    svgs = [cohort.bars_svg()] + [member.scorecard.radar_svg() for member in cohort.members]
    svgs += [cohort.radar_svg(member.scorecard) for member in cohort.members]
    for svg in svgs:
        root = parse_svg(svg)
        assert_no_markup_from(root)
    shown = texts(parse_svg(cohort.bars_svg()))
    for payload in PAYLOADS:
        assert payload in shown
        assert payload in texts(parse_svg(siat.score(hostile_cohort(assessments)[PAYLOADS.index(payload)]).radar_svg()))


def test_scorecard_html_shows_radar_and_table() -> None:
    card = siat.score(WEAKEST)
    html_text = card._repr_html_()
    assert "<svg" in html_text
    assert "<table>" in html_text
    assert card.radar_svg() in html_text


class TagCollector(html.parser.HTMLParser):
    """Collects the tags and attributes of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained(assessments: list[dict[str, Any]]) -> None:
    cohort = siat.Cohort(hostile_cohort(assessments) + assessments[len(PAYLOADS):])
    report = cohort.to_html(samples=50, group_by="country")

    assert "<script" not in report.lower()
    collector = TagCollector()
    collector.feed(report)
    tags = [tag for tag, _ in collector.tags]
    for forbidden in ("script", "img", "iframe", "object", "embed"):
        assert forbidden not in tags
    for _, attributes in collector.tags:
        assert not any(name.startswith("on") for name, _ in attributes)
        assert not any(name in ("src", "href") for name, _ in attributes)
    policy = [dict(attributes) for tag, attributes in collector.tags if tag == "meta"]
    assert any("default-src 'none'" in (entry.get("content") or "") for entry in policy)
    page_text = "".join(collector.text)
    for payload in PAYLOADS:
        assert payload in page_text


def test_html_report_options(cohort: siat.Cohort) -> None:
    dutch = cohort.to_html(lang="nl", samples=0)
    assert '<html lang="nl">' in dutch
    assert cohort.to_html(samples=20, seed=5) == cohort.to_html(samples=20, seed=5)
    with pytest.raises(siat.OptionsError):
        cohort.to_html(group_by="name")


def test_cohort_repr_html(cohort: siat.Cohort) -> None:
    shown = cohort._repr_html_()
    assert "<svg" in shown
    assert "16 assessments" in shown
    assert repr(cohort) == "Cohort(template='siat', members=16, rejected=0)"


# Custom templates


def test_custom_template_cohort() -> None:
    template = siat.Template.from_json(FOOD_HUB)
    cohort = siat.Cohort([FOOD_HUB_EXAMPLE], template=template)
    assert len(cohort) == 1
    assert [dimension.id for dimension in cohort.stats().dimensions] == ["people", "planet", "prosperity"]
    parse_svg(cohort.radar_svg(FOOD_HUB_EXAMPLE))
    assert cohort.members[0].scorecard.index == 74.5
