"""Validate and score SIAT self-assessments of short food supply chains.

SIAT (Social Innovation Assessment Template) scores how socially innovative
a short food supply chain initiative is, in five dimensions: economic,
environmental, socio-cultural, governance and influence. The built-in
template is this project's reconstruction from the published structure of
SIAT, not the official item list, which any organisation holding it can
load with ``Template.from_json``.

>>> import siat
>>> card = siat.score("examples/cohort/nl-de-groene-kist.json")  # doctest: +SKIP
>>> card.index, card.index_level  # doctest: +SKIP
(78.33994708994709, 'leading')

An ``assessment`` argument is a dict, a JSON string, or a path (``str`` or
``os.PathLike``): a ``str`` whose first character after white space is
``{`` is JSON text, any other ``str`` is a path.

The engine is written in Rust and compiled into ``siat._siat``; pandas and
polars are optional and only needed by the ``*_frame`` functions.
"""

from ._cohort import cohort_frame, load_cohort, to_wide
from ._errors import (
    InputError,
    OptionsError,
    SiatError,
    TemplateError,
    TemplateProblem,
    UnknownFieldError,
    UnsupportedLanguageError,
    ValidationError,
)
from ._frame import score_frame, validate_frame
from ._siat import (
    AGGREGATIONS,
    ISSUE_CODES,
    ISSUE_SEVERITIES,
    LANGUAGES,
    WEIGHTING_METHODS,
    DimensionScore,
    IndicatorScore,
    Issue,
    Report,
    Scorecard,
    Template,
    __version__,
    check,
    score,
    validate,
    validate_field,
)

__all__ = [
    "AGGREGATIONS",
    "ISSUE_CODES",
    "ISSUE_SEVERITIES",
    "LANGUAGES",
    "WEIGHTING_METHODS",
    "DimensionScore",
    "IndicatorScore",
    "InputError",
    "Issue",
    "OptionsError",
    "Report",
    "Scorecard",
    "SiatError",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "UnknownFieldError",
    "UnsupportedLanguageError",
    "ValidationError",
    "__version__",
    "check",
    "cohort_frame",
    "load_cohort",
    "score",
    "score_frame",
    "to_wide",
    "validate",
    "validate_field",
    "validate_frame",
]
