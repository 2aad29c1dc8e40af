"""Cohorts: a set of assessments compared together (``Cohort``), and
reading a folder of assessment files into dicts or a table."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, NamedTuple, Optional, Sequence, Union

from . import _siat
from ._errors import InputError, OptionsError
from ._frame import WideRecords, _kind, _wide_source
from ._stats import Benchmark, CohortStats, Finding, GroupStats, Sensitivity, SensitivityAnalysis

if TYPE_CHECKING:
    from ._siat import Issue, Limits, Scorecard, Template

__all__ = ["Cohort", "CohortMember", "RejectedInput", "cohort_frame", "load_cohort", "to_wide"]

#: Sections whose entries become ``<prefix>.<key>`` columns in the wide form.
_PREFIXES = {"template": "template", "profile": "profile", "answers": "answer", "meta": "meta"}


def load_cohort(folder: Union[str, os.PathLike[str]]) -> list[dict[str, Any]]:
    """Read every ``*.json`` file of a folder (sorted by name, not
    recursive) as a dict. Raises ``FileNotFoundError`` when it has none."""
    return [assessment for _, assessment in _read_folder(folder)]


def _read_folder(folder: Union[str, os.PathLike[str]]) -> list[tuple[str, dict[str, Any]]]:
    paths = sorted(Path(folder).glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"the folder `{folder}` has no *.json files")
    return [(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


def to_wide(assessment: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten one assessment into the wide form's columns.

    ``{"profile": {"name": "x"}, "answers": {"organic_share": 80}}`` becomes
    ``{"profile.name": "x", "answer.organic_share": 80}``. Ranks and points
    become ``rank.<dimension>`` and ``points.<dimension>`` and the method
    ``method``. A section that is not a dict, and any unknown top-level key,
    is kept whole under its own name, so that validation still reports it.
    """
    row: dict[str, Any] = {}
    for section, value in assessment.items():
        if section in _PREFIXES and isinstance(value, Mapping):
            prefix = _PREFIXES[section]
            row.update({f"{prefix}.{key}": item for key, item in value.items()})
        elif section == "prioritisation" and isinstance(value, Mapping):
            row.update(_wide_prioritisation(value))
        else:
            row[section] = value
    return row


def _wide_prioritisation(prioritisation: Mapping[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in prioritisation.items():
        if key == "method":
            row["method"] = value
        elif key in ("ranks", "points") and isinstance(value, Mapping):
            prefix = "rank" if key == "ranks" else "points"
            row.update({f"{prefix}.{dimension}": item for dimension, item in value.items()})
        else:
            # Unknown keys keep a name of their own and are reported as unknown fields.
            row[f"prioritisation.{key}"] = value
    return row


def cohort_frame(
    source: Union[str, os.PathLike[str], Iterable[Mapping[str, Any]]],
    *,
    backend: Literal["pandas", "polars"] = "pandas",
) -> Any:
    """Build a wide DataFrame, one row per assessment, for ``score_frame``.

    ``source`` is a folder of ``*.json`` files (see ``load_cohort``) or
    assessments as dicts. A pandas frame read from a folder is indexed by
    the file names without ``.json``. Columns that mix numbers and text,
    such as an answer that is ``"n/a"`` in some rows, are pandas ``object``
    columns and polars ``Object`` columns; ``score_frame`` reads those row
    by row.
    """
    if isinstance(source, (str, os.PathLike)):
        named = _read_folder(source)
        names: list[str] | None = [name for name, _ in named]
        rows = [to_wide(assessment) for _, assessment in named]
    else:
        names = None
        rows = [to_wide(assessment) for assessment in source]

    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    data = {column: [row.get(column) for row in rows] for column in columns}

    if backend == "pandas":
        import pandas as pd

        index = pd.Index(names, name="file") if names is not None else None
        return pd.DataFrame(data, index=index, columns=list(columns))
    if backend == "polars":
        return _polars_frame(data)
    raise ValueError(f"backend `{backend}` is not supported; give `pandas` or `polars`")


def _polars_frame(data: dict[str, list[Any]]) -> Any:
    import polars as pl

    series = []
    for name, values in data.items():
        try:
            series.append(pl.Series(name, values, strict=True))
        except TypeError:
            series.append(pl.Series(name, values, dtype=pl.Object))
    return pl.DataFrame(series)


class CohortMember(NamedTuple):
    """A valid assessment of a cohort: its label and its scorecard."""

    label: str
    scorecard: Scorecard


class RejectedInput(NamedTuple):
    """An input left out of a cohort because it has errors: its label and
    every issue it has."""

    label: str
    issues: list[Issue]


#: Largest number a seed can be: the random generator keeps 64 bits.
_MAX_SEED = 2**64 - 1


class Cohort:
    """A set of assessments scored with the same template and options, and
    compared together.

    ``source`` is one of:

    - a folder (``str`` or ``os.PathLike``): its ``*.json`` files, sorted by
      name, each labelled by its file name without ``.json``;
    - a list (or other iterable) of assessments as ``siat.check`` reads
      them: dicts, JSON text, ``bytes`` or paths. A path is labelled by its
      file name without ``.json``, anything else by its position, ``#1``,
      ``#2``, …;
    - a dict of label → assessment;
    - a table in the wide form that ``score_frame`` reads: a pandas
      DataFrame (rows labelled by its index), a polars DataFrame or Arrow
      data (rows labelled ``#1``, ``#2``, …).

    ``labels`` replaces the labels, one per input. The other keywords are
    those of ``siat.check``. Inputs with errors are not members; they are
    listed in ``rejected`` with their issues. Scoring and every comparison
    run with the GIL released.

    Raises ``FileNotFoundError`` for a missing folder or one without
    ``*.json`` files, ``NotADirectoryError`` for a path that is a file,
    ``siat.InputError`` for a source of another kind or labels that do not
    match the inputs, and ``siat.OptionsError`` for more than 100 000
    inputs.
    """

    def __init__(
        self,
        source: Any,
        *,
        labels: Optional[Sequence[str]] = None,
        template: Union[Template, str, os.PathLike[str], None] = None,
        method: Optional[str] = None,
        min_coverage: Optional[float] = None,
        aggregation: str = "arithmetic",
        lang: str = "en",
        today: Union[datetime.date, str, None] = None,
        limits: Union[Limits, Mapping[str, int], None] = None,
    ) -> None:
        options: dict[str, Any] = {
            "template": template,
            "method": method,
            "min_coverage": min_coverage,
            "aggregation": aggregation,
            "lang": lang,
            "today": today,
            "limits": limits,
        }
        given_labels = list(labels) if labels is not None else None
        self._core = _build(source, given_labels, options)

    @property
    def template(self) -> Template:
        """The template every member was scored with."""
        return self._core.template

    @property
    def lang(self) -> str:
        """The language the members were scored in; the default of findings,
        charts and the report."""
        return self._core.lang

    @property
    def members(self) -> list[CohortMember]:
        """The valid assessments with their scorecards, in input order."""
        return [CohortMember(label, scorecard) for label, scorecard in self._core.members()]

    @property
    def rejected(self) -> list[RejectedInput]:
        """The inputs left out because they have errors, in input order."""
        return [RejectedInput(label, issues) for label, issues in self._core.rejected()]

    def __len__(self) -> int:
        """Return the number of members."""
        return self._core.member_count()

    def __repr__(self) -> str:
        return (
            f"Cohort(template={self.template.id!r}, members={len(self)}, "
            f"rejected={self._core.rejected_count()})"
        )

    def _repr_html_(self) -> str:
        note = f"<p>{len(self)} assessments compared, {self._core.rejected_count()} left out</p>"
        return f'<div class="siat-cohort">{note}{self.radar_svg()}</div>'

    def stats(self) -> CohortStats:
        """Compute the statistics of the whole cohort: per indicator,
        dimension and for the SI index, and each member's rank and
        percentile. ``stats().to_frames()`` gives them as DataFrames."""
        return CohortStats.from_dict(self._core.stats())

    def stats_by(self, field: str) -> list[GroupStats]:
        """Compute the statistics of each group of members that share a value
        of a profile field, such as ``country``, ``sfsc_type`` or ``area``, in
        order of first appearance. Raises ``siat.OptionsError`` for a field
        that is not a choice or country field of the template's profile."""
        return [GroupStats.from_dict(group) for group in self._core.stats_by(field)]

    def findings(self, *, lang: Optional[str] = None, group_by: Optional[str] = None) -> list[Finding]:
        """State the cohort's main results in words: its size and mean index,
        its strongest and weakest dimensions and indicators, the headline of
        each indicator that has one, and with ``group_by`` where each group
        differs most from the whole cohort."""
        return [Finding.from_dict(finding) for finding in self._core.findings(lang, group_by)]

    def benchmark(self, assessment: Any) -> Benchmark:
        """Place one assessment against the cohort.

        ``assessment`` is anything ``siat.check`` reads, scored with the
        cohort's template and options (``siat.ValidationError`` when it has
        errors), or a ``Scorecard`` of the same template (``siat.InputError``
        for another template).
        """
        return Benchmark.from_dict(self._core.benchmark(assessment))

    def sensitivity(self, *, samples: int = 1000, seed: int = 1) -> SensitivityAnalysis:
        """Recompute every member's index under each weighting method and
        under ``samples`` random weight vectors, drawn uniformly from the
        simplex from ``seed`` (0 to 2**64 − 1), and count how often each
        member keeps its rank. The same seed gives the same numbers in Rust,
        Python and JavaScript. Raises ``siat.OptionsError`` for more than
        100 000 samples, or more than 20 million members × samples."""
        _check_sampling(samples, seed)
        members = [Sensitivity.from_dict(entry) for entry in self._core.sensitivity(samples, seed)]
        return SensitivityAnalysis(samples=samples, seed=seed, members=members)

    def to_html(
        self,
        *,
        lang: Optional[str] = None,
        group_by: Optional[str] = None,
        samples: int = 1000,
        seed: int = 1,
    ) -> str:
        """Write the cohort report as one self-contained HTML page: findings,
        charts, rankings with rank stability (from ``samples`` random weight
        vectors; 0 leaves it out), statistics, group tables, advice and the
        inputs left out. It contains no scripts and loads nothing."""
        _check_sampling(samples, seed)
        return self._core.to_html(lang, group_by, samples, seed)

    def radar_svg(self, assessment: Any = None, *, lang: Optional[str] = None) -> str:
        """Draw the radar chart of the cohort's median dimension scores and
        interquartile band as SVG text, under one assessment's scores when
        given (an assessment or a ``Scorecard``, as ``benchmark`` takes)."""
        return self._core.radar_svg(assessment, lang=lang)

    def bars_svg(self, dimension: Optional[str] = None, *, lang: Optional[str] = None) -> str:
        """Draw a bar chart of the members' SI index, or of one dimension's
        score, highest first, as SVG text. Raises ``siat.OptionsError`` for a
        dimension the template does not have."""
        return self._core.bars_svg(dimension, lang=lang)


def _check_sampling(samples: int, seed: int) -> None:
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 0:
        raise OptionsError(f"samples {samples!r} is not a whole number of 0 or more")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= _MAX_SEED:
        raise OptionsError(f"seed {seed!r} is not a whole number from 0 to 2**64 - 1")


def _build(source: Any, labels: Optional[list[str]], options: dict[str, Any]) -> _siat.CohortCore:
    """Read a cohort's source (see ``Cohort``) and score it."""
    if isinstance(source, (str, os.PathLike)):
        folder = Path(source)
        if not folder.exists():
            raise FileNotFoundError(f"the folder `{source}` does not exist")
        if not folder.is_dir():
            raise NotADirectoryError(
                f"`{source}` is not a folder; give a folder of assessment files or a list of assessments"
            )
        paths = sorted(folder.glob("*.json"))
        if not paths:
            raise FileNotFoundError(f"the folder `{source}` has no *.json files")
        return _siat.CohortCore.from_inputs(labels or [path.stem for path in paths], paths, **options)

    if _is_table(source):
        return _build_from_table(source, labels, options)

    if isinstance(source, Mapping):
        if "answers" in source and "template" in source:
            raise InputError(
                "the cohort source looks like one assessment; give a list of assessments, or a dict of "
                "label → assessment"
            )
        inputs = list(source.values())
        keys = [str(key) for key in source]
        return _siat.CohortCore.from_inputs(labels if labels is not None else keys, inputs, **options)

    if isinstance(source, (bytes, bytearray, memoryview)) or not isinstance(source, Iterable):
        raise InputError(
            f"a cohort cannot be read from `{type(source).__name__}`; give a folder, a list of "
            "assessments, a dict of label → assessment, or a DataFrame"
        )
    inputs = list(source)
    if labels is None:
        labels = [_label(position, item) for position, item in enumerate(inputs)]
    return _siat.CohortCore.from_inputs(labels, inputs, **options)


def _is_table(source: Any) -> bool:
    try:
        _kind(source)
    except InputError:
        return False
    return True


def _label(position: int, item: Any) -> str:
    """Label an input: a path by its file name without ``.json``, anything
    else by its position from 1."""
    is_json_text = isinstance(item, str) and item.lstrip().startswith("{")
    if isinstance(item, os.PathLike) or (isinstance(item, str) and not is_json_text):
        return Path(item).stem
    return f"#{position + 1}"


def _build_from_table(source: Any, labels: Optional[list[str]], options: dict[str, Any]) -> _siat.CohortCore:
    if labels is None and _kind(source) == "pandas":
        labels = [str(label) for label in source.index]
    prepared = _wide_source(source)
    if isinstance(prepared, WideRecords):
        return _siat.CohortCore.from_records(prepared.columns, prepared.rows, labels, **options)
    return _siat.CohortCore.from_arrow(prepared, labels, **options)
