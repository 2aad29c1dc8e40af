"""The single-assessment API: input conversion, results, exceptions."""

from __future__ import annotations

import collections.abc
import copy
import datetime
import decimal
import fractions
import json
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pandas as pd
import pytest

import siat

from conftest import COHORT, REPOSITORY

# The issue codes as the SIAT format defines them, errors then warnings.
DOCUMENTED_ERRORS = [
    "invalid_json", "unknown_template", "unsupported_version", "unknown_field",
    "missing_required", "wrong_type", "not_finite", "not_integer", "out_of_range",
    "unknown_option", "duplicate_option", "exclusive_option", "unknown_indicator",
    "na_not_allowed", "invalid_prioritisation",
]
DOCUMENTED_WARNINGS = ["unanswered", "low_coverage", "no_prioritisation", "not_short_chain"]


def with_answer(assessment: dict[str, Any], indicator: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(assessment)
    changed["answers"][indicator] = value
    return changed


def codes_at(issues: list[siat.Issue], path: str) -> list[str]:
    return [issue.code for issue in issues if issue.path == path]


# Issue codes


def test_issue_codes_match_format() -> None:
    assert list(siat.ISSUE_CODES) == DOCUMENTED_ERRORS + DOCUMENTED_WARNINGS


def test_issue_severities_match_format() -> None:
    expected = {code: "error" for code in DOCUMENTED_ERRORS}
    expected.update({code: "warning" for code in DOCUMENTED_WARNINGS})
    assert siat.ISSUE_SEVERITIES == expected


def test_issue_codes_match_user_guide() -> None:
    guide = (REPOSITORY / "docs" / "guide.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| (error|warning) \|", guide, flags=re.MULTILINE)

    assert dict(rows) == siat.ISSUE_SEVERITIES
    assert [code for code, _ in rows] == list(siat.ISSUE_CODES)


# Converting Python values


def test_bool_is_never_a_number(baseline: dict[str, Any]) -> None:
    issues = siat.validate(with_answer(baseline, "local_jobs", True))
    assert codes_at(issues, "/answers/local_jobs") == ["wrong_type"]


def test_number_is_never_a_bool(baseline: dict[str, Any]) -> None:
    issues = siat.validate(with_answer(baseline, "collective_investment", 1))
    assert codes_at(issues, "/answers/collective_investment") == ["wrong_type"]


@pytest.mark.parametrize(
    ("indicator", "value"),
    [
        ("collective_investment", np.bool_(True)),
        ("local_jobs", np.int64(5)),
        ("local_jobs", np.uint8(5)),
        ("organic_share", np.float64(80.0)),
        ("organic_share", np.float32(80.0)),
        ("eco_packaging", np.array(["reusable", "compostable"])),
        ("fair_wages", np.str_("at_agreement")),
    ],
)
def test_numpy_values_count_as_python_values(baseline: dict[str, Any], indicator: str, value: Any) -> None:
    card = siat.score(with_answer(baseline, indicator, value))
    assert card == siat.score(with_answer(baseline, indicator, value.tolist()))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), np.float64("nan"), 10**400, -(10**400)])
def test_non_finite_number_in_dict_is_reported(baseline: dict[str, Any], value: Any) -> None:
    issues = siat.validate(with_answer(baseline, "organic_share", value))
    assert codes_at(issues, "/answers/organic_share") == ["not_finite"]


@pytest.mark.parametrize("value", [None, pd.NA])
def test_missing_value_in_dict_is_unanswered(baseline: dict[str, Any], value: Any) -> None:
    issues = siat.validate(with_answer(baseline, "organic_share", value))
    assert codes_at(issues, "/answers/organic_share") == ["unanswered"]


@pytest.mark.parametrize("value", [decimal.Decimal("80"), fractions.Fraction(160, 2)])
def test_other_real_numbers_are_numbers(baseline: dict[str, Any], value: Any) -> None:
    assert siat.score(with_answer(baseline, "organic_share", value)) == siat.score(baseline)


def test_tuple_is_a_list(baseline: dict[str, Any]) -> None:
    as_tuple = with_answer(baseline, "eco_packaging", ("reusable", "compostable"))
    assert siat.score(as_tuple) == siat.score(baseline)


def test_date_object_is_a_date(baseline: dict[str, Any]) -> None:
    changed = copy.deepcopy(baseline)
    changed["meta"]["date"] = datetime.date(2026, 5, 14)
    assert siat.score(changed) == siat.score(baseline)


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ({"reusable"}, "set"),
        (frozenset(), "frozenset"),
        (b"reusable", "bytes"),
        (bytearray(b"x"), "bytearray"),
        (1j, "complex"),
        (range(2), "range"),
        (np.bytes_(b"a"), "bytes_"),
        (decimal.Decimal("sNaN"), "Decimal"),
        ("lone \udc80 surrogate", "str with a lone surrogate"),
    ],
)
def test_value_without_json_form_is_wrong_type(baseline: dict[str, Any], value: Any, found: str) -> None:
    issues = siat.validate(with_answer(baseline, "eco_packaging", value))
    [issue] = [issue for issue in issues if issue.path == "/answers/eco_packaging"]
    assert issue.code == "wrong_type"
    assert issue.params["value"] == found
    assert issue.params["found"] == "unsupported value"


def test_input_error_is_type_error() -> None:
    assert issubclass(siat.InputError, TypeError)
    assert issubclass(siat.InputError, siat.SiatError)


def test_non_string_key_makes_object_wrong_type(baseline: dict[str, Any]) -> None:
    changed = copy.deepcopy(baseline)
    changed["answers"][1] = 2
    issues = siat.validate(changed)
    [issue] = [issue for issue in issues if issue.path == "/answers"]
    assert issue.code == "wrong_type"
    assert issue.params["value"] == "dict with a key of type int"


def test_self_containing_list_is_wrong_type(baseline: dict[str, Any]) -> None:
    loop: list[Any] = []
    loop.append(loop)
    issues = siat.validate(with_answer(baseline, "eco_packaging", loop))
    assert [(issue.code, issue.params["value"]) for issue in issues if issue.severity == "error"] == [
        ("wrong_type", "circular reference")
    ]


def test_self_containing_dict_is_wrong_type(baseline: dict[str, Any]) -> None:
    loop: dict[str, Any] = {}
    loop["inner"] = loop
    issues = siat.validate(with_answer(baseline, "eco_packaging", loop))
    [issue] = [issue for issue in issues if issue.severity == "error"]
    assert (issue.code, issue.path) == ("wrong_type", "/answers/eco_packaging")
    assert issue.params["value"] == {"inner": "circular reference"}


def test_deep_nesting_hits_depth_limit(baseline: dict[str, Any]) -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(10_000):
        inner.append([])
        inner = inner[0]
    issues = siat.validate(with_answer(baseline, "eco_packaging", deep))
    [issue] = [issue for issue in issues if issue.severity == "error"]
    assert issue.code == "out_of_range"
    assert issue.params == {"value": 33, "max": 32, "reason": "depth"}


def test_nesting_beyond_128_raises_input_error(baseline: dict[str, Any]) -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(200):
        inner.append([])
        inner = inner[0]
    with pytest.raises(siat.InputError, match="more than 128 levels"):
        siat.validate(with_answer(baseline, "eco_packaging", deep), limits={"max_depth": 1000})


def test_longdouble_is_a_number(baseline: dict[str, Any]) -> None:
    assert siat.score(with_answer(baseline, "organic_share", np.longdouble(80))) == siat.score(baseline)


class FailingMapping(collections.abc.Mapping[str, Any]):
    """A mapping whose values cannot be read."""

    def __getitem__(self, key: str) -> Any:
        raise LookupError(f"cannot read {key}")

    def __iter__(self) -> Iterator[str]:
        return iter(["answers"])

    def __len__(self) -> int:
        return 1


def test_error_from_python_code_propagates() -> None:
    with pytest.raises(LookupError, match="cannot read answers"):
        siat.validate(FailingMapping())


def test_other_mappings_are_objects(baseline: dict[str, Any]) -> None:
    as_mapping = types.MappingProxyType(baseline)
    assert siat.score(as_mapping) == siat.score(baseline)


def test_non_object_input_is_wrong_type() -> None:
    issues = siat.validate(42)
    assert [(issue.code, issue.path) for issue in issues] == [("wrong_type", "")]


# Reading JSON text and files


def test_json_text_and_file_give_same_report(baseline: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "assessment.json"
    path.write_text(json.dumps(baseline), encoding="utf-8")
    expected = siat.check(baseline).to_dict()

    assert siat.check(json.dumps(baseline)).to_dict() == expected
    assert siat.check("\n  " + json.dumps(baseline)).to_dict() == expected
    assert siat.check(path).to_dict() == expected
    assert siat.check(str(path)).to_dict() == expected


def test_bytes_are_json_text(baseline: dict[str, Any]) -> None:
    text = json.dumps(baseline)
    expected = siat.check(text).to_dict()

    assert siat.check(text.encode()).to_dict() == expected
    assert siat.check(bytearray(text.encode())).to_dict() == expected
    assert siat.check(memoryview(text.encode())).to_dict() == expected
    assert siat.check(b"\xef\xbb\xbf" + text.encode()).to_dict() == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [(b"", "invalid_json"), (b'{"template": ', "invalid_json"), (b"[1, 2]", "wrong_type"), (b"42", "wrong_type")],
)
def test_bytes_of_no_assessment_give_one_issue(text: bytes, code: str) -> None:
    issues = siat.validate(text)
    assert [(issue.code, issue.path) for issue in issues] == [(code, "")]


def test_bytes_that_are_not_utf8_raise_input_error() -> None:
    with pytest.raises(siat.InputError, match="not valid UTF-8"):
        siat.validate(b'{"profile": {"name": "\xff"}}')


def test_file_that_is_not_utf8_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"profile": {"name": "Caf\u00e9"}}'.encode("latin-1"))
    with pytest.raises(siat.InputError, match="not UTF-8"):
        siat.validate(path)


def test_text_with_lone_surrogate_raises_input_error() -> None:
    with pytest.raises(siat.InputError, match="lone surrogate"):
        siat.validate('{"profile": {"name": "\udc80"}}')


def test_missing_file_raises_file_not_found() -> None:
    with pytest.raises(FileNotFoundError):
        siat.validate("no-such-assessment.json")


def test_invalid_json_text_is_an_issue() -> None:
    issues = siat.validate('{"template": ')
    assert [issue.code for issue in issues] == ["invalid_json"]
    assert set(issues[0].params) == {"detail", "line", "column"}


def test_score_of_file_prints_index() -> None:
    path = sorted(COHORT.glob("*.json"))[0]
    card = siat.score(path)
    assert isinstance(card.index, float)
    assert card.index == siat.score(str(path)).index


# Results


def test_scorecard_fields(baseline: dict[str, Any]) -> None:
    card = siat.score(baseline)

    assert card.name == baseline["profile"]["name"]
    assert card.template == {"id": "siat", "version": "1.0"}
    assert card.weighting == "rank_sum"
    assert card.aggregation == "arithmetic"
    assert card.min_coverage == 0.5
    assert card.index_level == "established"
    assert [dimension.id for dimension in card.dimensions] == [
        "economic", "environmental", "socio_cultural", "governance", "influence"]
    assert len(card.indicators) == 39
    assert math_sum(dimension.weight for dimension in card.dimensions) == pytest.approx(1.0)


def math_sum(values: Any) -> float:
    return float(sum(values))


def test_scorecard_to_dict_matches_to_json(baseline: dict[str, Any]) -> None:
    card = siat.score(baseline)
    assert json.loads(card.to_json()) == card.to_dict()
    assert card.to_dict()["index"]["score"] == card.index


def test_scorecard_lookups(baseline: dict[str, Any]) -> None:
    card = siat.score(baseline)
    assert card.dimension("economic").score == 70.0
    assert card.indicator("organic_share").status == "answered"
    with pytest.raises(KeyError):
        card.dimension("no_such_dimension")


def test_scorecard_html_escapes_name(baseline: dict[str, Any]) -> None:
    changed = copy.deepcopy(baseline)
    changed["profile"]["name"] = "<b>Farm & Co</b>"
    html = siat.score(changed)._repr_html_()

    assert "&lt;b&gt;Farm &amp; Co&lt;/b&gt;" in html
    assert "<b>" not in html
    assert "socio_cultural" in html


def test_scorecard_repr_shows_index(baseline: dict[str, Any]) -> None:
    card = siat.score(baseline)
    assert repr(card) == f"Scorecard(name={card.name!r}, index={card.index!r}, index_level='established')"


def test_index_none_without_all_dimensions(baseline: dict[str, Any]) -> None:
    changed = copy.deepcopy(baseline)
    for indicator in ["networks", "cross_sector_partners", "knowledge_sharing", "policy_engagement", "replications"]:
        del changed["answers"][indicator]
    card = siat.score(changed)

    assert card.index is None
    assert card.index_level is None
    assert card.dimension("influence").score is None
    assert "low_coverage" in [issue.code for issue in card.issues]


def test_issue_fields_and_params(baseline: dict[str, Any]) -> None:
    [issue] = [issue for issue in siat.validate(with_answer(baseline, "organic_share", 140))]

    assert issue.code == "out_of_range"
    assert issue.path == "/answers/organic_share"
    assert issue.severity == "error"
    assert "140" in issue.message
    assert issue.params["value"] == 140
    assert issue.to_dict()["params"] == issue.params
    assert "out_of_range" in repr(issue)


def test_messages_in_dutch(baseline: dict[str, Any]) -> None:
    invalid = with_answer(baseline, "organic_share", 140)
    english = siat.validate(invalid)[0].message
    dutch = siat.validate(invalid, lang="nl")[0].message
    assert dutch != english


def test_check_returns_report(baseline: dict[str, Any]) -> None:
    report = siat.check(with_answer(baseline, "organic_share", 140))
    assert not report.valid
    assert report.scorecard is None
    assert report.to_dict()["valid"] is False


# Exceptions


def test_validation_error_lists_every_issue(baseline: dict[str, Any]) -> None:
    invalid = with_answer(with_answer(baseline, "organic_share", 140), "local_jobs", -1)
    with pytest.raises(siat.ValidationError) as raised:
        siat.score(invalid)

    error = raised.value
    assert isinstance(error, ValueError)
    assert isinstance(error, siat.SiatError)
    assert error.row is None
    assert sorted(issue.path for issue in error.issues) == ["/answers/local_jobs", "/answers/organic_share"]
    assert "/answers/organic_share" in str(error)


def test_unsupported_language(baseline: dict[str, Any]) -> None:
    with pytest.raises(siat.UnsupportedLanguageError) as raised:
        siat.score(baseline, lang="fr")
    assert raised.value.lang == "fr"
    assert raised.value.supported == list(siat.LANGUAGES)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    "options",
    [
        {"method": "borda"},
        {"aggregation": "harmonic"},
        {"min_coverage": 1.5},
        {"today": "14 May 2026"},
        {"today": 20260514},
    ],
)
def test_bad_options_raise_options_error(baseline: dict[str, Any], options: dict[str, Any]) -> None:
    with pytest.raises(siat.OptionsError):
        siat.score(baseline, **options)


def test_today_as_date_or_text() -> None:
    undated = {"template": {"id": "siat", "version": "1.0"},
               "profile": {"name": "x", "country": "NL", "sfsc_type": "csa", "year_founded": 2026},
               "answers": {}}
    too_early = [issue.code for issue in siat.validate(undated, today="2025-01-01")]
    in_time = [issue.code for issue in siat.validate(undated, today=datetime.date(2026, 1, 1))]
    assert "out_of_range" in too_early
    assert "out_of_range" not in in_time


def test_methods_and_aggregations_are_listed(baseline: dict[str, Any]) -> None:
    for method in siat.WEIGHTING_METHODS:
        if method != "points":
            assert siat.score(baseline, method=method).weighting == method
    for aggregation in siat.AGGREGATIONS:
        assert siat.score(baseline, aggregation=aggregation).aggregation == aggregation


# Limits


def test_limits_default_values() -> None:
    limits = siat.Limits()
    assert limits.to_dict() == {
        "max_input_bytes": 1_048_576, "max_depth": 32, "max_string_chars": 10_000, "max_items": 10_000}
    assert siat.Limits(max_depth=64) == siat.Limits(max_depth=64)
    assert siat.Limits(max_depth=64).max_depth == 64
    assert repr(siat.Limits(max_items=5)).startswith("Limits(max_input_bytes=1048576")


def with_long_name(assessment: dict[str, Any]) -> dict[str, Any]:
    """Give the assessment a name of 60 characters, longer than any key or other text."""
    changed = copy.deepcopy(assessment)
    changed["profile"]["name"] = "x" * 60
    return changed


@pytest.mark.parametrize("limits", [siat.Limits(max_string_chars=40), {"max_string_chars": 40}])
def test_limits_class_or_dict(baseline: dict[str, Any], limits: Any) -> None:
    issues = siat.validate(with_long_name(baseline), limits=limits)
    [issue] = [issue for issue in issues if issue.severity == "error"]
    assert (issue.code, issue.path) == ("out_of_range", "/profile/name")
    assert issue.params == {"value": 60, "max": 40, "reason": "string_length"}


def test_input_bytes_limit_applies_to_text_only(baseline: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(baseline)
    path = tmp_path / "assessment.json"
    path.write_text(text, encoding="utf-8")
    limits = {"max_input_bytes": len(text.encode()) - 1}

    for source in [text, text.encode(), path]:
        [issue] = siat.validate(source, limits=limits)
        assert (issue.code, issue.params["reason"]) == ("out_of_range", "input_bytes")
    assert siat.check(baseline, limits=limits).valid


def test_limits_reach_tables(baseline: dict[str, Any]) -> None:
    frame = siat.cohort_frame([with_long_name(baseline)])
    issues = siat.validate_frame(frame, limits={"max_string_chars": 40})
    at_name = issues[issues["path"] == "/profile/name"]
    assert list(at_name["code"]) == ["out_of_range"]


@pytest.mark.parametrize(
    "limits",
    [{"max_dpeth": 3}, {"max_depth": -1}, {"max_depth": 2.5}, {"max_depth": True}, {"max_depth": "3"}, 5, [1]],
)
def test_invalid_limits_raise_options_error(baseline: dict[str, Any], limits: Any) -> None:
    with pytest.raises(siat.OptionsError):
        siat.validate(baseline, limits=limits)


def test_invalid_limit_in_class_raises_options_error() -> None:
    with pytest.raises(siat.OptionsError, match="max_items"):
        siat.Limits(max_items=-5)


# validate_field


def test_validate_field_answer_and_profile() -> None:
    assert [issue.code for issue in siat.validate_field("organic_share", 140)] == ["out_of_range"]
    assert siat.validate_field("organic_share", 80) == []
    assert [issue.path for issue in siat.validate_field("country", "nl")] == ["/profile/country"]


def test_validate_field_unknown_id() -> None:
    with pytest.raises(siat.UnknownFieldError) as raised:
        siat.validate_field("no_such_field", 1)
    assert raised.value.id == "no_such_field"
    assert isinstance(raised.value, LookupError)


# Templates


def test_builtin_template_introspection() -> None:
    template = siat.Template.builtin()

    assert (template.id, template.version) == ("siat", "1.0")
    assert template.languages == ["en", "nl"]
    assert [dimension["id"] for dimension in template.dimensions] == [
        "economic", "environmental", "socio_cultural", "governance", "influence"]
    assert len(template.indicators) == 39
    food_miles = next(item for item in template.indicators if item["id"] == "food_miles_km")
    assert food_miles["type"] == "number"
    assert food_miles["rule"]["kind"] == "linear"
    assert [level["id"] for level in template.levels] == ["emerging", "developing", "established", "leading"]
    assert "name" in [field["id"] for field in template.profile]


def test_template_json_round_trip(tmp_path: Path) -> None:
    template = siat.Template.builtin()
    path = tmp_path / "template.json"
    path.write_text(template.to_json(), encoding="utf-8")

    assert siat.Template.from_json(path) == template
    assert siat.Template.from_json(str(path)) == template
    assert siat.Template.from_json(template.to_json()) == template
    assert template.to_dict() == json.loads(template.to_json())


def test_custom_template_scores(baseline: dict[str, Any]) -> None:
    data = siat.Template.builtin().to_dict()
    data["version"] = "1.0-local"
    template = siat.Template.from_json(json.dumps(data))
    changed = copy.deepcopy(baseline)
    changed["template"]["version"] = "1.0-local"

    assert siat.score(changed, template=template).index == siat.score(baseline).index
    assert siat.score(changed, template=json.dumps(data)).index == siat.score(baseline).index
    with pytest.raises(siat.ValidationError):
        siat.score(baseline, template=template)


def test_invalid_template_lists_problems() -> None:
    data = siat.Template.builtin().to_dict()
    data["levels"][0]["max"] = 10
    data["indicators"][0]["dimension"] = "no_such_dimension"
    with pytest.raises(siat.TemplateError) as raised:
        siat.Template.from_json(json.dumps(data))

    problems = raised.value.problems
    assert len(problems) >= 2
    assert all(isinstance(problem, siat.TemplateProblem) for problem in problems)
    assert any(problem.path.startswith("/indicators/0") for problem in problems)
    assert isinstance(raised.value, ValueError)


def test_template_from_wrong_type() -> None:
    with pytest.raises(TypeError):
        siat.Template.from_json(42)  # type: ignore[arg-type]


# Importing without the optional packages


def run_isolated(code: str) -> str:
    """Run Python code with pandas, polars and pyarrow made unimportable."""
    blocker = "import sys\nfor name in ('pandas', 'polars', 'pyarrow'):\n    sys.modules[name] = None\n"
    completed = subprocess.run(
        [sys.executable, "-c", blocker + code], capture_output=True, text=True, check=False, cwd=REPOSITORY
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_import_without_dataframe_libraries() -> None:
    path = sorted(COHORT.glob("*.json"))[0]
    output = run_isolated(f"import siat\nprint(siat.score({str(path)!r}).index)")
    assert float(output) == siat.score(path).index
