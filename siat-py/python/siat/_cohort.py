"""Reading a cohort (a folder of assessment files) into dicts or a table."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Literal, Mapping, Union

__all__ = ["cohort_frame", "load_cohort", "to_wide"]

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
