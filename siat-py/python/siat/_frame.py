"""Batch validation and scoring of tables: pandas and polars DataFrames and
Arrow data, in the wide form (one row per assessment).

Column names (see ``docs/python.md``):

- ``profile.<field>``, e.g. ``profile.name``, ``profile.country``
- ``method``, ``rank.<dimension>``, ``points.<dimension>``
- ``answer.<indicator>``, e.g. ``answer.organic_share``
- ``meta.date``, ``meta.respondent_role``
- ``template.id``, ``template.version`` (optional: the scoring template's)

A missing cell (``None``, NaN, ``pd.NA``, a polars null) means not given.
A ``multi_choice`` answer is a list cell; a string is reported as
``wrong_type``, so split text such as ``"reusable;compostable"`` first.
Any other column is reported as ``unknown_field`` unless ``keep`` names it.
"""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, NamedTuple, Optional, Sequence, Union

from . import _siat
from ._errors import InputError
from ._siat import FrameResult, Limits, Template

__all__ = ["score_frame", "validate_frame"]

TemplateArgument = Union[Template, str, "os.PathLike[str]", None]
Today = Union[datetime.date, str, None]
LimitsArgument = Union[Limits, Mapping[str, int], None]


def score_frame(
    frame: Any,
    *,
    template: TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    errors: Literal["report", "raise"] = "report",
    lang: str = "en",
    today: Today = None,
    limits: LimitsArgument = None,
    keep: Union[str, Sequence[str]] = (),
) -> Any:
    """Score every row of a table of assessments in the wide form.

    ``frame`` is a pandas or polars DataFrame, or Arrow data (any object
    with ``__arrow_c_stream__``, such as a ``pyarrow.Table``). Returns a
    table of the same kind with one row per input row, in input order, and
    a pandas result keeps the input's index. Its columns are ``name``,
    ``valid``, ``index``, ``index_level`` and ``weighting``. Then come
    ``score.<dimension>``, ``level.<dimension>``, ``coverage.<dimension>``,
    ``weight.<dimension>`` and ``priority_gap.<dimension>`` for each
    dimension in template order. Last comes ``issues``: a list per row of
    dicts with ``path``, ``code``, ``severity`` and ``message``.

    A row with errors gets ``valid`` false, empty scores and its issues,
    unless ``errors="raise"``, which raises ``siat.ValidationError`` for
    the first such row (its ``row`` attribute is the position from 0).
    The columns named in ``keep`` are not read as part of the assessment;
    they are copied to the front of the result.
    """
    kept = _kept_columns(keep)
    result = _check(
        frame,
        kept,
        template=template,
        method=method,
        min_coverage=min_coverage,
        aggregation=aggregation,
        lang=lang,
        today=today,
        limits=limits,
        errors=errors,
    )
    return _output(frame, kept, result, scores=True)


def validate_frame(
    frame: Any,
    *,
    template: TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: Today = None,
    limits: LimitsArgument = None,
    keep: Union[str, Sequence[str]] = (),
) -> Any:
    """List every issue of every row of a table of assessments.

    Takes the same tables and arguments as ``score_frame``. Returns a table
    of the same kind with one row per issue, in row order: ``row`` (the
    input row's position from 0), ``path``, ``code``, ``severity``,
    ``message``, preceded by the columns named in ``keep``.
    """
    kept = _kept_columns(keep)
    result = _check(
        frame,
        kept,
        template=template,
        method=method,
        min_coverage=min_coverage,
        aggregation=aggregation,
        lang=lang,
        today=today,
        limits=limits,
        errors="report",
    )
    return _output(frame, kept, result, scores=False)


def _kept_columns(keep: Union[str, Sequence[str]]) -> list[str]:
    return [keep] if isinstance(keep, str) else list(keep)


def _kind(frame: Any) -> str:
    """Name the kind of table: ``pandas``, ``polars`` or ``arrow``."""
    module = type(frame).__module__
    if module.startswith("pandas") and hasattr(frame, "itertuples"):
        return "pandas"
    if module.startswith("polars") and hasattr(frame, "iter_rows"):
        return "polars"
    if hasattr(frame, "__arrow_c_stream__") or hasattr(frame, "__arrow_c_array__"):
        return "arrow"
    raise InputError(
        f"a table of type `{type(frame).__name__}` is not supported; give a pandas or polars "
        "DataFrame or Arrow data, or use siat.score for a single assessment"
    )


def _check(frame: Any, kept: list[str], **options: Any) -> FrameResult:
    source = _wide_source(frame, kept)
    if isinstance(source, WideRecords):
        return _siat.check_records(source.columns, source.rows, **options)
    return _siat.check_arrow(source, **options)


class WideRecords(NamedTuple):
    """Rows of Python objects in the wide form, for tables Arrow cannot hold."""

    columns: list[str]
    rows: Iterable[Sequence[Any]]


def _wide_source(frame: Any, kept: Sequence[str] = ()) -> Any:
    """Prepare a table in the wide form for the compiled module.

    Returns Arrow data (an object with ``__arrow_c_stream__``), or
    ``WideRecords`` for a table with columns that mix types, which Arrow
    cannot hold. The columns in ``kept`` are left out. Raises
    ``siat.InputError`` for a column given twice, a name in ``kept`` that is
    not a column, or an object that is no table.
    """
    kind = _kind(frame)
    if kind == "arrow" and not kept:
        # The compiled module reads the column names itself and rejects repeats.
        return frame

    names = _column_names(frame, kind)
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise InputError(f"the columns {repeated} appear twice; give each column once")
    missing = [name for name in kept if name not in names]
    if missing:
        raise InputError(f"the columns {missing} named in `keep` are not in the table")

    if kind == "pandas":
        return _pandas_source(frame.drop(columns=list(kept)))
    if kind == "polars":
        return _polars_source(frame.drop(list(kept)))
    import pyarrow as pa

    return pa.table(frame).drop_columns(list(kept))


def _column_names(frame: Any, kind: str) -> list[str]:
    if kind in ("pandas", "polars"):
        return [str(name) for name in frame.columns]
    import pyarrow as pa

    return list(pa.table(frame).column_names)


def _pandas_source(frame: Any) -> Any:
    try:
        import pyarrow as pa
    except ImportError:
        pa = None

    if pa is not None and _arrow_can_read(frame):
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            # pyarrow 26.0.1 can build a string array with bytes that are not
            # UTF-8 from a column that mixes text and bytes; a full check finds it.
            table.validate(full=True)
        except (pa.ArrowException, ValueError, TypeError, OverflowError):
            # A column Arrow cannot hold, such as one that mixes numbers and
            # the text "n/a", is read row by row below instead.
            table = None
        if table is not None:
            return table

    columns = [str(name) for name in frame.columns]
    return WideRecords(columns, frame.itertuples(index=False, name=None))


#: Deepest nesting of a cell handed to pyarrow; assessments nest 4 levels.
_ARROW_MAX_DEPTH = 64


def _arrow_can_read(frame: Any) -> bool:
    """Tell whether pyarrow can convert every object cell of a pandas frame.

    pyarrow 26.0.1 crashes the interpreter on a dict or list that contains
    itself, because it recurses without end. Such cells, and cells nested
    more than 64 levels, therefore go through the row-by-row reader.
    """
    for name, dtype in frame.dtypes.items():
        if dtype == object and not all(_is_shallow(cell, 0) for cell in frame[name]):
            return False
    return True


def _is_shallow(value: Any, depth: int) -> bool:
    if value is None or isinstance(value, (str, bytes, bool, int, float)):
        return True
    if depth >= _ARROW_MAX_DEPTH:
        return False
    if isinstance(value, Mapping):
        return all(_is_shallow(item, depth + 1) for item in value.values())
    if isinstance(value, (list, tuple)):
        return all(_is_shallow(item, depth + 1) for item in value)
    if type(value).__module__ == "numpy" and getattr(value, "dtype", None) == object:
        return all(_is_shallow(item, depth + 1) for item in value.flat)
    return True


def _polars_source(frame: Any) -> Any:
    import polars as pl

    if any(dtype == pl.Object for dtype in frame.dtypes):
        # Object columns (values of mixed types) have no Arrow form.
        return WideRecords(list(frame.columns), frame.iter_rows())

    # NOTE: polars 2.1.0 exports its Null type with a buffer that the Arrow
    # reader rejects (reported as polars issue 22934). Columns of that type,
    # such as a list column of empty lists, are therefore cast to strings,
    # which changes no value because every value in them is null or empty.
    casts = {
        name: _without_null_type(dtype)
        for name, dtype in frame.schema.items()
        if _without_null_type(dtype) != dtype
    }
    if casts:
        frame = frame.cast(casts)
    return frame


def _without_null_type(dtype: Any) -> Any:
    """Replace the polars Null type by String, also inside lists and structs."""
    import polars as pl

    if dtype == pl.Null:
        return pl.String
    if isinstance(dtype, pl.List):
        return pl.List(_without_null_type(dtype.inner))
    if isinstance(dtype, pl.Array):
        return pl.Array(_without_null_type(dtype.inner), dtype.shape)
    if isinstance(dtype, pl.Struct):
        return pl.Struct([pl.Field(field.name, _without_null_type(field.dtype)) for field in dtype.fields])
    return dtype


def _output(frame: Any, kept: list[str], result: FrameResult, *, scores: bool) -> Any:
    kind = _kind(frame)
    if kind == "pandas":
        return _pandas_output(frame, kept, result, scores=scores)
    if kind == "polars":
        return _polars_output(frame, kept, result, scores=scores)

    table = result.scores_arrow() if scores else result.issues_arrow()
    try:
        import pyarrow as pa
    except ImportError:
        if kept:
            raise
        return table
    output = pa.table(table)
    if kept:
        source = pa.table(frame).select(kept)
        if not scores:
            source = source.take(output.column("row"))
        for position, name in enumerate(kept):
            output = output.add_column(position, name, source.column(name))
    return output


def _pandas_output(frame: Any, kept: list[str], result: FrameResult, *, scores: bool) -> Any:
    import pandas as pd

    if scores:
        output = pd.DataFrame(result.scores_columns(), index=frame.index)
        for position, name in enumerate(kept):
            output.insert(position, name, frame[name])
        return output

    output = pd.DataFrame(result.issues_columns()).astype({"row": "int64"})
    for position, name in enumerate(kept):
        output.insert(position, name, frame[name].iloc[output["row"]].to_numpy())
    return output


def _polars_output(frame: Any, kept: list[str], result: FrameResult, *, scores: bool) -> Any:
    import polars as pl

    table = result.scores_arrow() if scores else result.issues_arrow()
    output = pl.DataFrame(table)
    if not kept:
        return output
    source = frame.select(kept)
    if not scores:
        source = source[output["row"].to_list()]
    return pl.concat([source, output], how="horizontal")
