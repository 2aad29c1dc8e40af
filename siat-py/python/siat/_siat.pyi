"""Type stubs of the compiled module ``siat._siat`` (written by hand, checked
by ``mypy --strict`` and ``stubtest`` in the test suite)."""

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, Union, final

__all__ = [
    "Template",
    "Issue",
    "Scorecard",
    "DimensionScore",
    "IndicatorScore",
    "Report",
    "FrameResult",
    "Limits",
    "CohortCore",
    "check",
    "validate",
    "score",
    "validate_field",
    "check_arrow",
    "check_records",
    "bars_svg",
    "advise",
    "knowledge_base",
    "migrate",
    "add_language",
    "languages",
    "ISSUE_CODES",
    "ISSUE_SEVERITIES",
    "LANGUAGES",
    "WEIGHTING_METHODS",
    "AGGREGATIONS",
    "__version__",
]

_Today = Union[datetime.date, str, None]
_Source = Union[str, os.PathLike[str]]
_TemplateArgument = Union["Template", str, os.PathLike[str], None]
_LimitsArgument = Union["Limits", Mapping[str, int], None]

ISSUE_CODES: tuple[str, ...]
ISSUE_SEVERITIES: dict[str, Literal["error", "warning"]]
LANGUAGES: tuple[str, ...]
WEIGHTING_METHODS: tuple[str, ...]
AGGREGATIONS: tuple[str, ...]
__version__: str

@final
class Template:
    """A questionnaire definition: profile fields, dimensions, indicators,
    scoring rules and levels."""

    @staticmethod
    def builtin() -> Template: ...
    @classmethod
    def from_json(cls, source: _Source) -> Template: ...
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def languages(self) -> list[str]: ...
    @property
    def title(self) -> dict[str, str]: ...
    @property
    def min_coverage(self) -> float: ...
    @property
    def levels(self) -> list[dict[str, Any]]: ...
    @property
    def profile(self) -> list[dict[str, Any]]: ...
    @property
    def dimensions(self) -> list[dict[str, Any]]: ...
    @property
    def indicators(self) -> list[dict[str, Any]]: ...
    def assessment_schema(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Limits:
    """Maximum sizes of one input."""

    def __new__(
        cls,
        *,
        max_input_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_string_chars: Optional[int] = None,
        max_items: Optional[int] = None,
    ) -> Limits: ...
    @property
    def max_input_bytes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_string_chars(self) -> int: ...
    @property
    def max_items(self) -> int: ...
    def to_dict(self) -> dict[str, int]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Issue:
    """One validation finding."""

    @property
    def path(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class DimensionScore:
    """The result for one dimension."""

    @property
    def id(self) -> str: ...
    @property
    def score(self) -> Optional[float]: ...
    @property
    def coverage(self) -> float: ...
    @property
    def weight(self) -> float: ...
    @property
    def level(self) -> Optional[str]: ...
    @property
    def priority_gap(self) -> Optional[float]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class IndicatorScore:
    """The result for one indicator."""

    @property
    def id(self) -> str: ...
    @property
    def dimension(self) -> str: ...
    @property
    def score(self) -> Optional[float]: ...
    @property
    def status(self) -> Literal["answered", "unanswered", "not_applicable"]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Scorecard:
    """Everything scoring returns for one assessment."""

    @property
    def index(self) -> Optional[float]: ...
    @property
    def index_level(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def template(self) -> dict[str, str]: ...
    @property
    def weighting(self) -> str: ...
    @property
    def aggregation(self) -> str: ...
    @property
    def min_coverage(self) -> float: ...
    @property
    def dimensions(self) -> list[DimensionScore]: ...
    @property
    def indicators(self) -> list[IndicatorScore]: ...
    @property
    def issues(self) -> list[Issue]: ...
    def dimension(self, id: str) -> DimensionScore: ...
    def indicator(self, id: str) -> IndicatorScore: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def radar_svg(self, cohort: Any = None, *, lang: Optional[str] = None) -> str: ...
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Report:
    """The outcome of checking one assessment."""

    @property
    def valid(self) -> bool: ...
    @property
    def issues(self) -> list[Issue]: ...
    @property
    def scorecard(self) -> Optional[Scorecard]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class FrameResult:
    """The result of a batch check, which ``siat.score_frame`` converts."""

    def scores_arrow(self) -> Any: ...
    def issues_arrow(self) -> Any: ...
    def scores_columns(self) -> dict[str, list[Any]]: ...
    def issues_columns(self) -> dict[str, list[Any]]: ...

def check(
    assessment: Any,
    *,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: _Today = None,
    limits: _LimitsArgument = None,
) -> Report:
    """Validate and score an assessment in one pass."""

def validate(
    assessment: Any,
    *,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: _Today = None,
    limits: _LimitsArgument = None,
) -> list[Issue]:
    """List every issue of an assessment, errors and warnings."""

def score(
    assessment: Any,
    *,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: _Today = None,
    limits: _LimitsArgument = None,
) -> Scorecard:
    """Score an assessment; raise ``siat.ValidationError`` when it has errors."""

def validate_field(
    id: str,
    value: Any,
    *,
    template: _TemplateArgument = None,
    lang: str = "en",
    today: _Today = None,
) -> list[Issue]:
    """Check one answer or profile value on its own."""

def check_arrow(
    data: Any,
    *,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: _Today = None,
    limits: _LimitsArgument = None,
    errors: str = "report",
) -> FrameResult: ...
def check_records(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: str = "arithmetic",
    lang: str = "en",
    today: _Today = None,
    limits: _LimitsArgument = None,
    errors: str = "report",
) -> FrameResult: ...

@final
class CohortCore:
    """The compiled half of ``siat.Cohort``; results come back in their JSON form."""

    @staticmethod
    def from_inputs(
        labels: Sequence[str],
        inputs: Sequence[Any],
        *,
        template: _TemplateArgument = None,
        method: Optional[str] = None,
        min_coverage: Optional[float] = None,
        aggregation: str = "arithmetic",
        lang: str = "en",
        today: _Today = None,
        limits: _LimitsArgument = None,
    ) -> CohortCore: ...
    @staticmethod
    def from_arrow(
        data: Any,
        labels: Optional[Sequence[str]] = None,
        *,
        template: _TemplateArgument = None,
        method: Optional[str] = None,
        min_coverage: Optional[float] = None,
        aggregation: str = "arithmetic",
        lang: str = "en",
        today: _Today = None,
        limits: _LimitsArgument = None,
    ) -> CohortCore: ...
    @staticmethod
    def from_records(
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
        labels: Optional[Sequence[str]] = None,
        *,
        template: _TemplateArgument = None,
        method: Optional[str] = None,
        min_coverage: Optional[float] = None,
        aggregation: str = "arithmetic",
        lang: str = "en",
        today: _Today = None,
        limits: _LimitsArgument = None,
    ) -> CohortCore: ...
    @property
    def template(self) -> Template: ...
    @property
    def lang(self) -> str: ...
    def member_count(self) -> int: ...
    def rejected_count(self) -> int: ...
    def members(self) -> list[tuple[str, Scorecard]]: ...
    def rejected(self) -> list[tuple[str, list[Issue]]]: ...
    def stats(self) -> dict[str, Any]: ...
    def stats_by(self, field: str) -> list[dict[str, Any]]: ...
    def findings(self, lang: Optional[str] = None, group_by: Optional[str] = None) -> list[dict[str, Any]]: ...
    def benchmark(self, assessment: Any) -> dict[str, Any]: ...
    def sensitivity(self, samples: int, seed: int) -> list[dict[str, Any]]: ...
    def to_html(self, lang: Optional[str], group_by: Optional[str], samples: int, seed: int) -> str: ...
    def radar_svg(self, assessment: Any = None, *, lang: Optional[str] = None) -> str: ...
    def bars_svg(self, dimension: Optional[str] = None, *, lang: Optional[str] = None) -> str: ...

def bars_svg(
    title: str,
    bars: Union[Mapping[str, Optional[float]], Iterable[tuple[str, Optional[float]]]],
    *,
    lang: str = "en",
) -> str:
    """Draw a horizontal bar chart of named scores (points 0–100) as SVG text."""

def advise(
    assessment: Any,
    *,
    lang: Optional[str] = None,
    limit: int = 6,
    per_dimension: int = 3,
    template: _TemplateArgument = None,
    method: Optional[str] = None,
    min_coverage: Optional[float] = None,
    aggregation: Optional[str] = None,
    today: _Today = None,
    limits: _LimitsArgument = None,
) -> list[dict[str, Any]]: ...
def knowledge_base() -> dict[str, Any]: ...
def migrate(assessment: Any, mapping: Any) -> dict[str, Any]: ...
def add_language(code: str, catalogue: Any) -> None:
    """Add or replace a message language from a catalogue: a dict, JSON text or a path."""

def languages() -> list[str]:
    """List the languages messages exist in, the added ones included."""
