"""Advice for a scorecard from the knowledge base, and the knowledge base
itself: what the SMARTCHAIN project learned about social innovation in
short food supply chains, linked to the indicators it strengthens."""

from __future__ import annotations

import dataclasses
import datetime
import os
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from . import _siat
from ._errors import OptionsError

if TYPE_CHECKING:
    from ._siat import Limits, Template

__all__ = ["KnowledgeBase", "KnowledgeEntry", "PracticeLink", "Recommendation", "advise", "knowledge_base"]


@dataclasses.dataclass(frozen=True)
class PracticeLink:
    """A knowledge-base entry that a recommendation names: its id, its kind
    (such as ``best_practice``), and its title and advice in the requested
    language."""

    id: str
    kind: str
    title: str
    advice: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PracticeLink:
        return cls(id=data["id"], kind=data["kind"], title=data["title"], advice=data["advice"])


@dataclasses.dataclass(frozen=True)
class Recommendation:
    """One piece of advice: an indicator to raise and the practices that raise it.

    ``score`` is the indicator's score and ``priority_gap`` its dimension's
    weight × (100 − score), both in points. ``label`` and ``text`` are in
    the requested language, and ``practices`` lists the linked entries,
    best practices first.
    """

    indicator: str
    label: str
    dimension: str
    score: float
    priority_gap: float
    practices: list[PracticeLink]
    text: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Recommendation:
        return cls(
            indicator=data["indicator"],
            label=data["label"],
            dimension=data["dimension"],
            score=data["score"],
            priority_gap=data["priority_gap"],
            practices=[PracticeLink.from_dict(entry) for entry in data["practices"]],
            text=data["text"],
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def __str__(self) -> str:
        return self.text


@dataclasses.dataclass(frozen=True)
class KnowledgeEntry:
    """One entry of the knowledge base.

    ``kind`` is ``definition``, ``why``, ``driver``, ``best_practice``,
    ``lesson`` or ``toolkit``. ``origin`` is ``smartchain`` for the
    project's published material and ``siat_project`` for entries this
    project added. ``title``, ``text`` and ``advice`` are keyed by language
    code; ``advice`` is ``None`` for the definition and why.
    """

    id: str
    kind: str
    origin: str
    practice_types: list[str]
    title: dict[str, str]
    text: dict[str, str]
    advice: Optional[dict[str, str]]
    indicators: list[str]
    dimensions: list[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KnowledgeEntry:
        return cls(
            id=data["id"],
            kind=data["kind"],
            origin=data["origin"],
            practice_types=list(data.get("practice_types", [])),
            title=dict(data["title"]),
            text=dict(data["text"]),
            advice=dict(data["advice"]) if data.get("advice") is not None else None,
            indicators=list(data.get("indicators", [])),
            dimensions=list(data.get("dimensions", [])),
        )


@dataclasses.dataclass(frozen=True)
class KnowledgeBase:
    """The knowledge base: the languages its texts are in, and its entries
    in reading order."""

    languages: list[str]
    entries: list[KnowledgeEntry]

    def entry(self, id: str) -> KnowledgeEntry:
        """Find an entry by id; raise ``KeyError`` for an unknown id."""
        for entry in self.entries:
            if entry.id == id:
                return entry
        raise KeyError(id)

    def for_indicator(self, indicator: str) -> list[KnowledgeEntry]:
        """List the entries with advice that strengthen an indicator."""
        return [entry for entry in self.entries if entry.advice is not None and indicator in entry.indicators]


def knowledge_base() -> KnowledgeBase:
    """Return the built-in knowledge base, linked to the built-in template."""
    data = _siat.knowledge_base()
    return KnowledgeBase(
        languages=list(data["languages"]),
        entries=[KnowledgeEntry.from_dict(entry) for entry in data["entries"]],
    )


def advise(
    assessment: Any,
    *,
    lang: Optional[str] = None,
    limit: int = 6,
    per_dimension: int = 3,
    template: Union[Template, str, os.PathLike[str], None] = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: Optional[str] = None,
    today: Union[datetime.date, str, None] = None,
    limits: Union[Limits, Mapping[str, int], None] = None,
) -> list[Recommendation]:
    """Draw recommendations for an assessment or a ``Scorecard`` from the
    built-in knowledge base.

    Dimensions come in order of priority gap; within a dimension, the
    answered indicators with the lowest scores come first, at most
    ``per_dimension`` per dimension and ``limit`` in all. An assessment
    (anything ``siat.check`` reads) is scored first with the other keywords
    and raises ``siat.ValidationError`` when it has errors. A scorecard
    keeps the template it was scored with, so those keywords raise
    ``siat.OptionsError`` with it. ``lang`` defaults to the scorecard's
    language, or ``en``.
    """
    for name, count in (("limit", limit), ("per_dimension", per_dimension)):
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise OptionsError(f"{name} {count!r} is not a whole number of 0 or more")
    advice = _siat.advise(
        assessment,
        lang=lang,
        limit=limit,
        per_dimension=per_dimension,
        template=template,
        method=method,
        min_coverage=min_coverage,
        aggregation=aggregation,
        today=today,
        limits=limits,
    )
    return [Recommendation.from_dict(entry) for entry in advice]
