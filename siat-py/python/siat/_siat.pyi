"""Type stubs of the compiled module ``siat._siat`` (written by hand, checked
by ``mypy --strict`` and ``stubtest`` in the test suite)."""

import datetime
import os
from typing import Any, Iterable, Literal, Optional, Sequence, Union, final

__all__ = [
    "Template",
    "Issue",
    "Scorecard",
    "DimensionScore",
    "IndicatorScore",
    "Report",
    "FrameResult",
    "check",
    "validate",
    "score",
    "validate_field",
    "check_arrow",
    "check_records",
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
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
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
    errors: str = "report",
) -> FrameResult: ...
