"""Advice from the knowledge base, custom templates, JSON Schemas, template
migration and added languages."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import siat

from conftest import COHORT, REPOSITORY, read_json

WEAKEST = COHORT / "rs-seoska-korpa-sremska.json"
TEMPLATES = REPOSITORY / "examples" / "templates"
FOOD_HUB = TEMPLATES / "food-hub-3d.json"
FOOD_HUB_EXAMPLE = TEMPLATES / "food-hub-example.json"
SCHEMAS = REPOSITORY / "schemas"
MIGRATIONS = REPOSITORY / "tests" / "migrations"
PSEUDO_LANGUAGE = REPOSITORY / "siat-core" / "tests" / "data" / "en-XA.json"


def run_cli(*arguments: str) -> Any:
    command = os.environ.get("SIAT_CLI")
    if not command:
        # CI always sets it through scripts/test-python, so there the test cannot skip.
        assert not os.environ.get("CI"), "SIAT_CLI is not set; run the tests through scripts/test-python"
        pytest.skip("set SIAT_CLI to a built `siat` binary to compare with it (scripts/test-python does)")
    completed = subprocess.run([command, *arguments], capture_output=True, text=True, check=False, cwd=REPOSITORY)
    assert completed.returncode in (0, 1), completed.stderr
    return json.loads(completed.stdout)


# Advice


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_advice_equals_command_line_tool(lang: str) -> None:
    advice = siat.advise(WEAKEST, lang=lang)
    from_cli = run_cli("advise", str(WEAKEST.relative_to(REPOSITORY)), "--lang", lang, "--format", "json")
    assert [recommendation.to_dict() for recommendation in advice] == from_cli


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_advice_for_weakest_initiative(lang: str) -> None:
    card = siat.score(WEAKEST)
    advice = siat.advise(WEAKEST, lang=lang)
    labels = {item["id"]: item["label"][lang] for item in siat.Template.builtin().indicators}

    assert 1 <= len(advice) <= 6
    gaps = [recommendation.priority_gap for recommendation in advice]
    assert gaps == sorted(gaps, reverse=True)
    for recommendation in advice:
        assert recommendation.score == card.indicator(recommendation.indicator).score
        assert recommendation.score < 100
        assert recommendation.priority_gap == card.dimension(recommendation.dimension).priority_gap
        assert recommendation.label == labels[recommendation.indicator]
        assert recommendation.label in recommendation.text
        assert recommendation.practices, recommendation.indicator
        assert str(recommendation) == recommendation.text
    largest = max(card.dimensions, key=lambda dimension: dimension.priority_gap or 0.0)
    assert advice[0].dimension == largest.id


def test_advice_in_dutch_differs() -> None:
    english = siat.advise(WEAKEST)
    dutch = siat.advise(WEAKEST, lang="nl")
    assert [item.indicator for item in english] == [item.indicator for item in dutch]
    assert all(en.text != nl.text for en, nl in zip(english, dutch))


def test_advice_limits() -> None:
    advice = siat.advise(WEAKEST, limit=10, per_dimension=1)
    dimensions = [recommendation.dimension for recommendation in advice]
    assert len(dimensions) == len(set(dimensions))
    assert len(siat.advise(WEAKEST, limit=2)) == 2
    assert siat.advise(WEAKEST, limit=0) == []
    with pytest.raises(siat.OptionsError):
        siat.advise(WEAKEST, limit=-1)


def test_advice_from_scorecard_keeps_its_language() -> None:
    card = siat.score(WEAKEST, lang="nl")
    assert siat.advise(card) == siat.advise(WEAKEST, lang="nl")
    assert siat.advise(card, lang="en") == siat.advise(WEAKEST)
    with pytest.raises(siat.OptionsError, match="already scored"):
        siat.advise(card, method="equal")


def test_advice_for_invalid_assessment_raises() -> None:
    invalid = read_json(WEAKEST)
    invalid["answers"]["organic_share"] = 140
    with pytest.raises(siat.ValidationError):
        siat.advise(invalid)


def test_advice_for_custom_template() -> None:
    card = siat.score(FOOD_HUB_EXAMPLE, template=FOOD_HUB)
    advice = siat.advise(card)
    assert advice
    assert {item.dimension for item in advice} <= {"people", "planet", "prosperity"}


def test_knowledge_base_links_every_indicator() -> None:
    knowledge = siat.knowledge_base()
    assert knowledge.languages == ["en", "nl"]
    kinds = {entry.kind for entry in knowledge.entries}
    assert kinds == {"definition", "why", "driver", "best_practice", "lesson", "toolkit"}
    for indicator in siat.Template.builtin().indicators:
        assert knowledge.for_indicator(indicator["id"]), indicator["id"]
    definition = knowledge.entry("social_innovation_definition")
    assert definition.advice is None
    assert set(definition.title) == {"en", "nl"}
    with pytest.raises(KeyError):
        knowledge.entry("no_such_entry")


# Custom templates


def test_custom_template_scores_74_5() -> None:
    template = siat.Template.from_json(FOOD_HUB)
    card = siat.score(FOOD_HUB_EXAMPLE, template=template)
    assert card.index == 74.5
    assert [dimension.id for dimension in card.dimensions] == ["people", "planet", "prosperity"]
    assert siat.score(FOOD_HUB_EXAMPLE, template=FOOD_HUB) == card
    assert siat.score(FOOD_HUB_EXAMPLE, template=str(FOOD_HUB)).index == 74.5


def test_custom_template_equals_command_line_tool() -> None:
    from_cli = run_cli(
        "score", "examples/templates/food-hub-example.json", "--template", "examples/templates/food-hub-3d.json",
        "--format", "json",
    )
    # For one file the tool writes the scorecard itself, not a list.
    assert from_cli == siat.score(FOOD_HUB_EXAMPLE, template=FOOD_HUB).to_dict()


def test_broken_template_lists_every_problem() -> None:
    data = read_json(FOOD_HUB)
    data["indicators"][0]["dimension"] = "no_such_dimension"
    data["indicators"][1]["id"] = data["indicators"][2]["id"]
    data["levels"][1]["min"] = 45
    with pytest.raises(siat.TemplateError) as raised:
        siat.Template.from_json(json.dumps(data))
    paths = [problem.path for problem in raised.value.problems]
    assert len(paths) >= 3
    assert any(path.startswith("/indicators/0") for path in paths)
    assert any(path.startswith("/levels") for path in paths)


# JSON Schemas


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = read_json(SCHEMAS / name)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


ASSESSMENT_SCHEMA = "siat-1.0.assessment.schema.json"
TEMPLATE_SCHEMA = "template.schema.json"
TEMPLATE_FILES = [
    REPOSITORY / "siat-core" / "data" / "siat-1.0.json",
    FOOD_HUB,
    MIGRATIONS / "siat-1.1.json",
]


def test_schemas_are_draft_2020_12() -> None:
    for name in [ASSESSMENT_SCHEMA, TEMPLATE_SCHEMA]:
        assert read_json(SCHEMAS / name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert isinstance(validator(name), jsonschema.Draft202012Validator)


@pytest.mark.parametrize("path", sorted(COHORT.glob("*.json")), ids=lambda path: path.stem)
def test_assessment_schema_accepts_example(path: Path) -> None:
    errors = list(validator(ASSESSMENT_SCHEMA).iter_errors(read_json(path)))
    assert errors == []


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: path.stem)
def test_template_schema_accepts_template(path: Path) -> None:
    errors = list(validator(TEMPLATE_SCHEMA).iter_errors(read_json(path)))
    assert errors == []


def broken_assessments() -> list[tuple[str, Any]]:
    base = read_json(COHORT / "nl-de-groene-kist.json")

    def changed(update: Any) -> Any:
        assessment = copy.deepcopy(base)
        update(assessment)
        return assessment

    return [
        ("unknown top-level key", changed(lambda a: a.update(extra=1))),
        ("percent above 100", changed(lambda a: a["answers"].update(organic_share=140))),
        ("unknown option", changed(lambda a: a["answers"].update(fair_wages="generous"))),
        ("unknown indicator", changed(lambda a: a["answers"].update(salary_level=3))),
        ("likert as text", changed(lambda a: a["answers"].update(transparency="4"))),
        ("missing profile", changed(lambda a: a.pop("profile"))),
        ("lower-case country", changed(lambda a: a["profile"].update(country="nl"))),
        ("n/a where not allowed", changed(lambda a: a["answers"].update(organic_share="n/a"))),
        ("not an object", [base]),
    ]


@pytest.mark.parametrize(("what", "assessment"), broken_assessments(), ids=[what for what, _ in broken_assessments()])
def test_assessment_schema_rejects_broken_file(what: str, assessment: Any) -> None:
    assert not validator(ASSESSMENT_SCHEMA).is_valid(assessment), what
    assert not siat.check(assessment).valid, what


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("dimensions not a list", lambda t: t.update(dimensions={"a": 1})),
        ("indicator without id", lambda t: t["indicators"][0].pop("id")),
        ("unknown answer type", lambda t: t["indicators"][0].update(type="slider")),
        ("missing levels", lambda t: t.pop("levels")),
        ("version a number", lambda t: t.update(version=1.0)),
    ],
)
def test_template_schema_rejects_broken_file(what: str, change: Any) -> None:
    template = read_json(FOOD_HUB)
    change(template)
    assert not validator(TEMPLATE_SCHEMA).is_valid(template), what
    with pytest.raises(siat.TemplateError):
        siat.Template.from_json(json.dumps(template))


def test_assessment_schema_equals_published_file() -> None:
    assert siat.Template.builtin().assessment_schema() == read_json(SCHEMAS / ASSESSMENT_SCHEMA)


def test_custom_template_assessment_schema() -> None:
    schema = siat.Template.from_json(FOOD_HUB).assessment_schema()
    checker = jsonschema.Draft202012Validator(schema)
    assert checker.is_valid(read_json(FOOD_HUB_EXAMPLE))
    assert not checker.is_valid(read_json(COHORT / "nl-de-groene-kist.json"))


# Template versions and migration


def test_migrate_renames_and_drops() -> None:
    source = read_json(COHORT / "nl-de-groene-kist.json")
    before = copy.deepcopy(source)
    migrated = siat.migrate(source, MIGRATIONS / "siat-1.0-to-1.1.json")

    assert source == before
    assert migrated.assessment["template"] == {"id": "siat", "version": "1.1"}
    assert migrated.renamed == [("local_jobs", "local_jobs_fte")]
    assert migrated.dropped == {"collective_credit": source["answers"]["collective_credit"]}
    assert migrated.assessment["answers"]["local_jobs_fte"] == source["answers"]["local_jobs"]
    assert "collective_credit" not in migrated.assessment["answers"]

    newer = siat.Template.from_json(MIGRATIONS / "siat-1.1.json")
    assert siat.check(migrated.assessment, template=newer).valid
    assert [issue.code for issue in siat.validate(source, template=newer)] == ["unsupported_version"]


def test_migrate_equals_command_line_tool() -> None:
    mapping = MIGRATIONS / "siat-1.0-to-1.1.json"
    path = COHORT / "nl-de-groene-kist.json"
    from_cli = run_cli("migrate", str(path.relative_to(REPOSITORY)), "--mapping", str(mapping.relative_to(REPOSITORY)))
    assert siat.migrate(path, mapping).assessment == from_cli


def test_migrate_accepts_mapping_forms() -> None:
    mapping_path = MIGRATIONS / "siat-1.0-to-1.1.json"
    path = COHORT / "nl-de-groene-kist.json"
    expected = siat.migrate(path, mapping_path)
    assert siat.migrate(path, read_json(mapping_path)) == expected
    assert siat.migrate(path, mapping_path.read_text(encoding="utf-8")) == expected
    assert siat.migrate(path.read_bytes(), str(mapping_path)) == expected


def test_migrate_keeps_numbers() -> None:
    source = read_json(COHORT / "nl-de-groene-kist.json")
    source["answers"]["organic_share"] = float("nan")
    source["answers"]["food_miles_km"] = 12.5
    migrated = siat.migrate(source, MIGRATIONS / "siat-1.0-to-1.1.json")
    answers = migrated.assessment["answers"]
    assert answers["organic_share"] != answers["organic_share"]
    assert answers["food_miles_km"] == 12.5
    assert isinstance(migrated.assessment["profile"]["year_founded"], int)


@pytest.mark.parametrize(
    ("assessment", "mapping", "error"),
    [
        (COHORT / "nl-de-groene-kist.json", {"template": "siat", "from": "1.1", "to": "1.2"}, siat.MigrationError),
        (COHORT / "nl-de-groene-kist.json", {"template": "siat", "from": "1.0"}, siat.MigrationError),
        (COHORT / "nl-de-groene-kist.json", {"template": "siat", "from": "1.0", "to": "1.1", "extra": 1}, siat.MigrationError),
        ([1, 2], MIGRATIONS / "siat-1.0-to-1.1.json", siat.MigrationError),
        (b"{not json", MIGRATIONS / "siat-1.0-to-1.1.json", siat.MigrationError),
        ({"template": {"id": "siat", "version": "1.0"}, "answers": {"x": {1}}}, MIGRATIONS / "siat-1.0-to-1.1.json", siat.InputError),
    ],
)
def test_migrate_errors(assessment: Any, mapping: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        siat.migrate(assessment, mapping)
    assert issubclass(siat.MigrationError, ValueError)


def test_migrate_reports_two_answers_for_one_id() -> None:
    source = read_json(COHORT / "nl-de-groene-kist.json")
    source["answers"]["local_jobs_fte"] = 3
    with pytest.raises(siat.MigrationError, match="local_jobs_fte"):
        siat.migrate(source, MIGRATIONS / "siat-1.0-to-1.1.json")


# Adding a language


def run_isolated(code: str) -> str:
    """Run Python code in a fresh interpreter, so an added language stays there."""
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPOSITORY)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_added_language_is_used_for_messages() -> None:
    code = f"""
import json, siat
template = siat.Template.builtin().to_dict()
template["languages"].append("en-XA")
def localise(node):
    if isinstance(node, dict):
        if "en" in node and "nl" in node and all(isinstance(value, str) for value in node.values()):
            node["en-XA"] = "[" + node["en"] + "]"
        for value in node.values():
            localise(value)
    elif isinstance(node, list):
        for value in node:
            localise(value)
localise(template)
template = siat.Template.from_json(json.dumps(template))
siat.add_language("en-XA", {str(PSEUDO_LANGUAGE)!r})
print("en-XA" in siat.languages(), "en-XA" in siat.LANGUAGES)
[issue] = siat.validate_field("transparency", 7, template=template, lang="en-XA")
print(issue.message)
"""
    listed, message = run_isolated(code).splitlines()
    assert listed.split() == ["True", "False"]
    assert message.startswith("[")
    assert "7" in message


def test_incomplete_language_raises_catalogue_error() -> None:
    code = f"""
import json, siat
catalogue = json.loads(open({str(PSEUDO_LANGUAGE)!r}, encoding="utf-8").read())
del catalogue["messages"]["not_finite"]
try:
    siat.add_language("xx", catalogue)
except siat.CatalogueError as error:
    print("not_finite" in str(error), isinstance(error, ValueError), "xx" in siat.languages())
"""
    assert run_isolated(code).split() == ["True", "True", "False"]


def test_language_must_be_added_to_be_used() -> None:
    with pytest.raises(siat.UnsupportedLanguageError):
        siat.score(WEAKEST, lang="en-XA")
