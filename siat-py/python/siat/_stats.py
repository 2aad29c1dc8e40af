"""The results of comparing a cohort: statistics, findings, benchmarks and
weight sensitivity, as plain objects that can also become DataFrames.

Each class reads the JSON form the Rust library writes (``from_dict``), so
the numbers are the core's floats, bit for bit. ``to_dict`` gives that form
back. The ``to_frame`` and ``to_frames`` methods need pandas or polars.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence

__all__ = [
    "Benchmark",
    "CohortFrames",
    "CohortStats",
    "DimensionStats",
    "Finding",
    "GroupStats",
    "IndexSpread",
    "IndicatorStats",
    "OptionShare",
    "Position",
    "Sensitivity",
    "SensitivityAnalysis",
    "Standing",
    "Summary",
]

Backend = Literal["pandas", "polars"]

#: The statistics a ``Summary`` holds, in the order of its columns in frames.
SUMMARY_FIELDS = ("count", "mean", "std", "min", "q1", "median", "q3", "max")


def _frame(columns: dict[str, list[Any]], index: Optional[str], backend: Backend) -> Any:
    """Build a DataFrame from columns; with pandas, ``index`` names the column
    that becomes its index, and polars keeps it as the first column."""
    if backend == "pandas":
        import pandas as pd

        frame = pd.DataFrame(columns)
        return frame.set_index(index) if index is not None else frame
    if backend == "polars":
        import polars as pl

        return pl.DataFrame(columns, strict=False)
    raise ValueError(f"backend `{backend}` is not supported; give `pandas` or `polars`")


@dataclasses.dataclass(frozen=True)
class Summary:
    """Count, mean, sample standard deviation (n − 1), minimum, quartiles and
    maximum of a list of numbers. Quartiles interpolate linearly, numpy's
    default method. Every statistic but ``count`` is ``None`` for an empty
    list, and ``std`` is ``None`` for fewer than two numbers."""

    count: int
    mean: Optional[float]
    std: Optional[float]
    min: Optional[float]
    q1: Optional[float]
    median: Optional[float]
    q3: Optional[float]
    max: Optional[float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        return cls(**{name: data[name] for name in SUMMARY_FIELDS})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class OptionShare:
    """How many answers gave one value of a boolean or choice question, and
    their share (0–1) of the answers; for multi-choice questions the shares
    can add up to more than 1."""

    option: str
    count: int
    share: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OptionShare:
        return cls(option=data["option"], count=data["count"], share=data["share"])


@dataclasses.dataclass(frozen=True)
class IndicatorStats:
    """Statistics of one indicator across a cohort.

    ``values`` summarises the answers of numeric indicators (percentages,
    counts, kilometres; ``None`` for the others), ``scores`` the indicator
    scores (points 0–100), and ``shares`` the share of each value of a
    boolean or choice indicator.
    """

    id: str
    dimension: str
    answered: int
    not_applicable: int
    unanswered: int
    values: Optional[Summary]
    scores: Summary
    shares: list[OptionShare]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndicatorStats:
        values = data["values"]
        return cls(
            id=data["id"],
            dimension=data["dimension"],
            answered=data["answered"],
            not_applicable=data["not_applicable"],
            unanswered=data["unanswered"],
            values=Summary.from_dict(values) if values is not None else None,
            scores=Summary.from_dict(data["scores"]),
            shares=[OptionShare.from_dict(share) for share in data["shares"]],
        )


@dataclasses.dataclass(frozen=True)
class DimensionStats:
    """Statistics of one dimension's scores (points 0–100) across a cohort."""

    id: str
    scores: Summary

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DimensionStats:
        return cls(id=data["id"], scores=Summary.from_dict(data["scores"]))


@dataclasses.dataclass(frozen=True)
class Standing:
    """One member's place in the cohort by its SI index.

    ``rank`` is 1 for the highest index, and members with the same index
    share the best rank they occupy (1, 2, 2, 4). ``percentile`` (0–100)
    counts the members below plus half of those with the same index,
    itself included. Both are ``None`` for a member without an index.
    """

    label: str
    name: Optional[str]
    index: Optional[float]
    rank: Optional[int]
    percentile: Optional[float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Standing:
        return cls(
            label=data["label"],
            name=data["name"],
            index=data["index"],
            rank=data["rank"],
            percentile=data["percentile"],
        )


@dataclasses.dataclass(frozen=True)
class CohortFrames:
    """The statistics of a cohort as DataFrames.

    - ``indicators``: one row per indicator, indexed by its id: ``dimension``,
      ``answered``, ``not_applicable``, ``unanswered``, the summary of the
      scores as ``score.count`` … ``score.max`` and of numeric answers as
      ``answer.count`` … ``answer.max``.
    - ``shares``: one row per value of each boolean and choice indicator:
      ``indicator``, ``option``, ``count``, ``share`` (0–1).
    - ``dimensions``: one row per dimension, indexed by its id, with the
      summary columns ``count``, ``mean``, ``std``, ``min``, ``q1``,
      ``median``, ``q3``, ``max``.
    - ``index``: the same summary of the SI index, as one row named ``index``.
    - ``standings``: one row per member, indexed by its label: ``name``,
      ``index``, ``rank``, ``percentile``.

    polars frames have no index, so the index is their first column.
    """

    indicators: Any
    shares: Any
    dimensions: Any
    index: Any
    standings: Any


@dataclasses.dataclass(frozen=True)
class CohortStats:
    """The statistics of a cohort, or of one group in it."""

    count: int
    indicators: list[IndicatorStats]
    dimensions: list[DimensionStats]
    index: Summary
    standings: list[Standing]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CohortStats:
        return cls(
            count=data["count"],
            indicators=[IndicatorStats.from_dict(entry) for entry in data["indicators"]],
            dimensions=[DimensionStats.from_dict(entry) for entry in data["dimensions"]],
            index=Summary.from_dict(data["index"]),
            standings=[Standing.from_dict(entry) for entry in data["standings"]],
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the statistics in the JSON form that ``siat compare`` writes."""
        return dataclasses.asdict(self)

    def indicator(self, id: str) -> IndicatorStats:
        """Find an indicator's statistics by id; raise ``KeyError`` for an unknown id."""
        for entry in self.indicators:
            if entry.id == id:
                return entry
        raise KeyError(id)

    def dimension(self, id: str) -> DimensionStats:
        """Find a dimension's statistics by id; raise ``KeyError`` for an unknown id."""
        for entry in self.dimensions:
            if entry.id == id:
                return entry
        raise KeyError(id)

    def to_frames(self, backend: Backend = "pandas") -> CohortFrames:
        """Return the statistics as DataFrames (see ``CohortFrames``)."""
        indicator_columns: dict[str, list[Any]] = {
            "indicator": [entry.id for entry in self.indicators],
            "dimension": [entry.dimension for entry in self.indicators],
            "answered": [entry.answered for entry in self.indicators],
            "not_applicable": [entry.not_applicable for entry in self.indicators],
            "unanswered": [entry.unanswered for entry in self.indicators],
        }
        for name in SUMMARY_FIELDS:
            indicator_columns[f"score.{name}"] = [getattr(entry.scores, name) for entry in self.indicators]
        for name in SUMMARY_FIELDS:
            indicator_columns[f"answer.{name}"] = [
                getattr(entry.values, name) if entry.values is not None else None for entry in self.indicators
            ]

        shares: dict[str, list[Any]] = {"indicator": [], "option": [], "count": [], "share": []}
        for entry in self.indicators:
            for share in entry.shares:
                shares["indicator"].append(entry.id)
                shares["option"].append(share.option)
                shares["count"].append(share.count)
                shares["share"].append(share.share)

        dimensions = _summary_columns("dimension", [(entry.id, entry.scores) for entry in self.dimensions])
        index = _summary_columns("summary", [("index", self.index)])
        standings: dict[str, list[Any]] = {
            "label": [entry.label for entry in self.standings],
            "name": [entry.name for entry in self.standings],
            "index": [entry.index for entry in self.standings],
            "rank": [entry.rank for entry in self.standings],
            "percentile": [entry.percentile for entry in self.standings],
        }
        return CohortFrames(
            indicators=_frame(indicator_columns, "indicator", backend),
            shares=_frame(shares, None, backend),
            dimensions=_frame(dimensions, "dimension", backend),
            index=_frame(index, "summary", backend),
            standings=_frame(standings, "label", backend),
        )


def _summary_columns(key: str, rows: Sequence[tuple[str, Summary]]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {key: [name for name, _ in rows]}
    for field in SUMMARY_FIELDS:
        columns[field] = [getattr(summary, field) for _, summary in rows]
    return columns


@dataclasses.dataclass(frozen=True)
class GroupStats:
    """The statistics of the members that share one value of a profile
    field; ``value`` is ``None`` for the members that did not give it."""

    field: str
    value: Optional[str]
    stats: CohortStats

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GroupStats:
        return cls(field=data["field"], value=data["value"], stats=CohortStats.from_dict(data["stats"]))


@dataclasses.dataclass(frozen=True)
class Finding:
    """One statement about a cohort, in the requested language.

    ``kind`` is ``cohort_size``, ``strongest_dimension``,
    ``weakest_dimension``, ``strongest_indicator``, ``weakest_indicator``,
    ``headline``, ``group_above`` or ``group_below``. ``subject`` is the
    dimension or indicator id and ``group`` the group value, where they
    apply. ``numbers`` holds the numbers the text states, unrounded, such as
    ``mean``, ``share`` (0–100), ``count``, ``group_mean`` and
    ``difference`` (points).
    """

    kind: str
    subject: Optional[str]
    group: Optional[str]
    text: str
    numbers: dict[str, float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            kind=data["kind"],
            subject=data["subject"],
            group=data["group"],
            text=data["text"],
            numbers=dict(data["numbers"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def __str__(self) -> str:
        return self.text


@dataclasses.dataclass(frozen=True)
class Position:
    """One score of an assessment beside the cohort's first quartile,
    median and third quartile of it, and its percentile (0–100) among the
    cohort's scores. ``id`` is a dimension or indicator id, or ``index``."""

    id: str
    score: Optional[float]
    q1: Optional[float]
    median: Optional[float]
    q3: Optional[float]
    percentile: Optional[float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Position:
        return cls(
            id=data["id"],
            score=data["score"],
            q1=data["q1"],
            median=data["median"],
            q3=data["q3"],
            percentile=data["percentile"],
        )


@dataclasses.dataclass(frozen=True)
class Benchmark:
    """An assessment's index, dimension and indicator scores beside the cohort's."""

    name: Optional[str]
    index: Position
    dimensions: list[Position]
    indicators: list[Position]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Benchmark:
        return cls(
            name=data["name"],
            index=Position.from_dict(data["index"]),
            dimensions=[Position.from_dict(entry) for entry in data["dimensions"]],
            indicators=[Position.from_dict(entry) for entry in data["indicators"]],
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_frame(self, backend: Backend = "pandas") -> Any:
        """Return one row per score, the index first, then the dimensions and
        the indicators: ``id`` (the pandas index), ``kind`` (``index``,
        ``dimension`` or ``indicator``), ``score``, ``q1``, ``median``,
        ``q3``, ``percentile``."""
        rows = [("index", self.index)]
        rows += [("dimension", entry) for entry in self.dimensions]
        rows += [("indicator", entry) for entry in self.indicators]
        columns: dict[str, list[Any]] = {
            "id": [entry.id for _, entry in rows],
            "kind": [kind for kind, _ in rows],
        }
        for field in ("score", "q1", "median", "q3", "percentile"):
            columns[field] = [getattr(entry, field) for _, entry in rows]
        return _frame(columns, "id", backend)


@dataclasses.dataclass(frozen=True)
class IndexSpread:
    """The spread of one index (points 0–100) under random weights: minimum,
    5th percentile, quartiles, 95th percentile and maximum."""

    min: float
    p05: float
    q1: float
    median: float
    q3: float
    p95: float
    max: float

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IndexSpread:
        return cls(**{field.name: data[field.name] for field in dataclasses.fields(cls)})


@dataclasses.dataclass(frozen=True)
class Sensitivity:
    """How much one member's index and rank depend on the weights.

    ``methods`` maps each weighting method to the index under it, ``None``
    where the member's prioritisation does not allow the method. ``random``
    is the spread under the random weight vectors. ``rank`` is the rank
    with the member's own weights, ``rank_kept`` the share (0–1) of vectors
    under which it keeps that rank, and ``best_rank`` and ``worst_rank`` the
    range it reaches.
    """

    label: str
    name: Optional[str]
    index: Optional[float]
    methods: dict[str, Optional[float]]
    random: Optional[IndexSpread]
    rank: Optional[int]
    rank_kept: Optional[float]
    best_rank: Optional[int]
    worst_rank: Optional[int]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Sensitivity:
        spread = data["random"]
        return cls(
            label=data["label"],
            name=data["name"],
            index=data["index"],
            methods=dict(data["methods"]),
            random=IndexSpread.from_dict(spread) if spread is not None else None,
            rank=data["rank"],
            rank_kept=data["rank_kept"],
            best_rank=data["best_rank"],
            worst_rank=data["worst_rank"],
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class SensitivityAnalysis:
    """The weight sensitivity of every member of a cohort, in cohort order,
    from ``samples`` random weight vectors drawn from ``seed``.

    It is a sequence of ``Sensitivity``: ``len``, iteration and indexing work.
    """

    samples: int
    seed: int
    members: list[Sensitivity]

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[Sensitivity]:
        return iter(self.members)

    def __getitem__(self, position: int) -> Sensitivity:
        return self.members[position]

    def to_dicts(self) -> list[dict[str, Any]]:
        """Return the members' results in the JSON form ``siat compare`` writes."""
        return [member.to_dict() for member in self.members]

    def to_frame(self, backend: Backend = "pandas") -> Any:
        """Return one row per member, indexed by its label: ``name``,
        ``index``, ``rank``, ``rank_kept``, ``best_rank``, ``worst_rank``,
        the spread under random weights as ``random.min`` … ``random.max``,
        and the index under each method as ``method.<name>``."""
        columns: dict[str, list[Any]] = {
            "label": [member.label for member in self.members],
            "name": [member.name for member in self.members],
            "index": [member.index for member in self.members],
            "rank": [member.rank for member in self.members],
            "rank_kept": [member.rank_kept for member in self.members],
            "best_rank": [member.best_rank for member in self.members],
            "worst_rank": [member.worst_rank for member in self.members],
        }
        for field in dataclasses.fields(IndexSpread):
            columns[f"random.{field.name}"] = [
                getattr(member.random, field.name) if member.random is not None else None
                for member in self.members
            ]
        methods: dict[str, None] = {}
        for member in self.members:
            methods.update(dict.fromkeys(member.methods))
        for method in methods:
            columns[f"method.{method}"] = [member.methods.get(method) for member in self.members]
        return _frame(columns, "label", backend)
