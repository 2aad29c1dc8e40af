"""Write generated assessments for the determinism check, one JSON line each.

Each line is an object with:

- ``id``: the line's position from 0;
- ``text``: the assessment as JSON text, which every scorer checks as it is;
- ``options``: the scoring options (``today`` always, so no scorer reads
  its clock; ``lang``, ``method``, ``aggregation`` and ``min_coverage``
  sometimes);
- ``template``: a template file relative to the repository root, or absent
  for the built-in template;
- ``plain``: true when ``text`` is what ``json.dumps`` wrote for a JSON
  object, so a scorer may also parse it with its language's JSON reader and
  check the object; false for text edited afterwards (a byte order mark, a
  repeated key, ``1e400``, cut-off text), which such readers would change.

Most assessments are valid, with answers of every kind, edge values and
floats with all their digits; about one in five has errors. The output
depends only on ``--seed`` and ``--count``.

Usage: python generate.py [--count 10000] [--seed 20260514] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any, Callable

REPOSITORY = Path(__file__).resolve().parents[2]
BUILTIN = REPOSITORY / "siat-core" / "data" / "siat-1.0.json"
CUSTOM = "examples/templates/food-hub-3d.json"
TODAY = "2026-06-01"

NAMES = [
    "De Groene Kist", "Hofladen Lindenried", "Κοινότητα Καρδάμου", "Solawi Auenfeld", "Café Zoë",
    "Boerderij 🍅🥕 👩‍🌾", "חוות הגליל", "مزرعة الزيتون", "Z̶̵̴ farm", 'Quote " and \\ backslash',
    "<b>Markup</b> & co", "Tab\tand\nnewline", "x" * 200, "Seoska Korpa Sremska",
]
COUNTRIES = ["NL", "DE", "FR", "IT", "ES", "GR", "HU", "RS", "CH", "BE"]
METHODS = ["rank_sum", "rank_order_centroid", "reciprocal", "points", "equal"]


class Generator:
    """Builds assessments for one template from a seeded random source."""

    def __init__(self, rng: random.Random, template: dict[str, Any]) -> None:
        self.rng = rng
        self.template = template
        self.dimensions = [dimension["id"] for dimension in template["dimensions"]]

    def number(self, low: float, high: float) -> float:
        """Draw a float with all its digits, or one of the edges."""
        rng = self.rng
        if rng.random() < 0.15:
            return rng.choice([low, high])
        return rng.uniform(low, high)

    def answer(self, indicator: dict[str, Any]) -> Any:
        rng = self.rng
        kind = indicator["type"]
        if indicator.get("na_allowed") and rng.random() < 0.1:
            return "n/a"
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "percent":
            return rng.choice([rng.randint(0, 100), self.number(0, 100)])
        if kind == "likert5":
            value = rng.randint(1, 5)
            return float(value) if rng.random() < 0.1 else value
        if kind == "count":
            value = rng.randint(0, 2 * int(indicator.get("target", 10)))
            return float(value) if rng.random() < 0.1 else value
        if kind == "number":
            return self.number(float(indicator.get("min", 0)), float(indicator.get("max", 1000)))
        options = indicator["options"]
        if kind == "choice":
            return rng.choice(options)["id"]
        plain = [option["id"] for option in options if not option.get("exclusive")]
        exclusive = [option["id"] for option in options if option.get("exclusive")]
        if exclusive and rng.random() < 0.1:
            return [rng.choice(exclusive)]
        return rng.sample(plain, rng.randint(0, len(plain)))

    def profile(self) -> dict[str, Any]:
        rng = self.rng
        profile: dict[str, Any] = {"name": rng.choice(NAMES), "country": rng.choice(COUNTRIES)}
        for field in self.template["profile"]:
            identifier = field["id"]
            if identifier in profile or (not field.get("required") and rng.random() < 0.5):
                continue
            kind = field["type"]
            if kind == "choice":
                profile[identifier] = rng.choice(field["options"])["id"]
            elif kind == "multi_choice":
                ids = [option["id"] for option in field["options"]]
                profile[identifier] = rng.sample(ids, rng.randint(0, len(ids)))
            elif kind == "integer":
                low = int(field.get("min", 0))
                profile[identifier] = rng.randint(max(low, 1800), 2026) if identifier == "year_founded" else rng.randint(low, 3)
            elif kind == "number":
                profile[identifier] = round(self.number(0, 2_000_000), 2)
        return profile

    def prioritisation(self) -> Any:
        rng = self.rng
        choice = rng.random()
        if choice < 0.1:
            return None
        if choice < 0.7:
            count = len(self.dimensions)
            ranks = {dimension: rng.randint(1, count) for dimension in self.dimensions}
            prioritisation: dict[str, Any] = {"ranks": ranks}
            if rng.random() < 0.5:
                prioritisation["method"] = rng.choice(["rank_sum", "rank_order_centroid", "reciprocal", "equal"])
            return prioritisation
        points = {dimension: rng.choice([rng.randint(0, 50), self.number(0, 10)]) for dimension in self.dimensions}
        points[self.dimensions[0]] = rng.randint(1, 40)
        prioritisation = {"points": points}
        if rng.random() < 0.3:
            prioritisation["method"] = rng.choice(["points", "equal"])
        return prioritisation

    def assessment(self) -> dict[str, Any]:
        rng = self.rng
        answers = {}
        coverage = rng.choice([1.0, 0.9, 0.7, 0.4])
        for indicator in self.template["indicators"]:
            if rng.random() < coverage:
                answers[indicator["id"]] = self.answer(indicator)
        assessment: dict[str, Any] = {
            "template": {"id": self.template["id"], "version": self.template["version"]},
            "profile": self.profile(),
        }
        prioritisation = self.prioritisation()
        if prioritisation is not None:
            assessment["prioritisation"] = prioritisation
        assessment["answers"] = answers
        if rng.random() < 0.8:
            year = rng.randint(2019, 2026)
            assessment["meta"] = {"date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
        return assessment

    def break_object(self, assessment: dict[str, Any]) -> None:
        """Give an assessment one error of a random kind."""
        rng = self.rng
        answers = assessment["answers"]
        indicator = rng.choice(self.template["indicators"])
        mistakes: list[Callable[[], Any]] = [
            lambda: answers.__setitem__(indicator["id"], rng.choice([150, -1, 2.5, "many", None, [], {}])),
            lambda: answers.__setitem__("salary_level", 3),
            lambda: assessment.__setitem__("extra", {"note": "x"}),
            lambda: assessment["profile"].__setitem__("country", rng.choice(["nl", "XX", "", 31])),
            lambda: assessment["profile"].pop("name"),
            lambda: assessment.__setitem__("prioritisation", {"ranks": {self.dimensions[0]: 0}}),
            lambda: assessment.__setitem__("prioritisation", {"points": dict.fromkeys(self.dimensions, 0)}),
            lambda: assessment.__setitem__("template", {"id": self.template["id"], "version": "9.9"}),
            lambda: answers.__setitem__(indicator["id"], "n/a"),
        ]
        rng.choice(mistakes)()

    def break_text(self, text: str) -> str:
        """Edit JSON text in a way a JSON reader would change or reject."""
        rng = self.rng
        edit = rng.randrange(6)
        if edit == 0:
            return "\ufeff" + text
        if edit == 1:
            return text.replace('"answers": {', '"answers": {"zz_repeated": 1, "zz_repeated": 2, ', 1)
        if edit == 2:
            return text.replace('"answers": {', '"answers": {"organic_share": 1e400, ', 1)
        if edit == 3:
            return text.replace('"answers": {', '"answers": {"organic_share": -0, "local_jobs": 5.0e0, ', 1)
        if edit == 4:
            return text[: rng.randrange(len(text))]
        return text + rng.choice([" x", "\n{}", ",", " NaN"])


def generate(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    builtin = Generator(rng, json.loads(BUILTIN.read_text(encoding="utf-8")))
    custom = Generator(rng, json.loads((REPOSITORY / CUSTOM).read_text(encoding="utf-8")))

    lines = []
    for position in range(count):
        use_custom = rng.random() < 0.1
        generator = custom if use_custom else builtin
        assessment = generator.assessment()
        if rng.random() < 0.15:
            generator.break_object(assessment)
        text = json.dumps(assessment, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, None, 2]))
        plain = rng.random() >= 0.05
        if not plain:
            text = generator.break_text(text)

        options: dict[str, Any] = {"today": TODAY}
        if rng.random() < 0.4:
            options["lang"] = "nl"
        if rng.random() < 0.2:
            options["method"] = rng.choice(METHODS)
        if rng.random() < 0.2:
            options["aggregation"] = "geometric"
        if rng.random() < 0.1:
            options["min_coverage"] = rng.choice([0.0, 0.3, 0.75, 1.0])
        line: dict[str, Any] = {"id": position, "text": text, "options": options, "plain": plain}
        if use_custom:
            line["template"] = CUSTOM
        lines.append(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="number of assessments (default 10000)")
    parser.add_argument("--seed", type=int, default=20260514, help="seed of the random source (default 20260514)")
    parser.add_argument(
        "--output", type=Path, default=REPOSITORY / "target" / "determinism" / "inputs.jsonl",
        help="file to write (default target/determinism/inputs.jsonl)",
    )
    arguments = parser.parse_args()

    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    with arguments.output.open("w", encoding="utf-8") as output:
        for line in generate(arguments.count, arguments.seed):
            output.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
