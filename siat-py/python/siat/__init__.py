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

An ``assessment`` argument is a dict, a JSON string, ``bytes`` of UTF-8
JSON text, or a path (``str`` or ``os.PathLike``): a ``str`` whose first
character after white space is ``{`` is JSON text, any other ``str`` is a
path.

``Cohort`` compares a set of assessments: statistics, findings in words,
benchmarks, weight sensitivity, SVG charts and an HTML report. ``advise``
draws recommendations from the knowledge base, and ``migrate`` moves an
assessment to a newer template version.

The engine is written in Rust and compiled into ``siat._siat``. pandas and
polars are optional: only the ``*_frame`` functions and the ``to_frame``
methods need them.
"""

from ._advice import KnowledgeBase, KnowledgeEntry, PracticeLink, Recommendation, advise, knowledge_base
from ._cohort import Cohort, CohortMember, RejectedInput, cohort_frame, load_cohort, to_wide
from ._errors import (
    CatalogueError,
    InputError,
    MigrationError,
    OptionsError,
    SiatError,
    TemplateError,
    TemplateProblem,
    UnknownFieldError,
    UnsupportedLanguageError,
    ValidationError,
)
from ._frame import score_frame, validate_frame
from ._migrate import Migrated, migrate
from ._siat import (
    AGGREGATIONS,
    ISSUE_CODES,
    ISSUE_SEVERITIES,
    LANGUAGES,
    WEIGHTING_METHODS,
    DimensionScore,
    IndicatorScore,
    Issue,
    Limits,
    Report,
    Scorecard,
    Template,
    __version__,
    add_language,
    bars_svg,
    check,
    languages,
    score,
    validate,
    validate_field,
)
from ._stats import (
    Benchmark,
    CohortFrames,
    CohortStats,
    DimensionStats,
    Finding,
    GroupStats,
    IndexSpread,
    IndicatorStats,
    OptionShare,
    Position,
    Sensitivity,
    SensitivityAnalysis,
    Standing,
    Summary,
)

__all__ = [
    "AGGREGATIONS",
    "ISSUE_CODES",
    "ISSUE_SEVERITIES",
    "LANGUAGES",
    "WEIGHTING_METHODS",
    "Benchmark",
    "CatalogueError",
    "Cohort",
    "CohortFrames",
    "CohortMember",
    "CohortStats",
    "DimensionScore",
    "DimensionStats",
    "Finding",
    "GroupStats",
    "IndexSpread",
    "IndicatorScore",
    "IndicatorStats",
    "InputError",
    "Issue",
    "KnowledgeBase",
    "KnowledgeEntry",
    "Limits",
    "Migrated",
    "MigrationError",
    "OptionShare",
    "OptionsError",
    "Position",
    "PracticeLink",
    "Recommendation",
    "RejectedInput",
    "Report",
    "Scorecard",
    "Sensitivity",
    "SensitivityAnalysis",
    "SiatError",
    "Standing",
    "Summary",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "UnknownFieldError",
    "UnsupportedLanguageError",
    "ValidationError",
    "__version__",
    "add_language",
    "advise",
    "bars_svg",
    "check",
    "cohort_frame",
    "knowledge_base",
    "languages",
    "load_cohort",
    "migrate",
    "score",
    "score_frame",
    "to_wide",
    "validate",
    "validate_field",
    "validate_frame",
]
