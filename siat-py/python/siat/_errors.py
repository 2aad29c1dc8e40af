"""The exceptions of the siat package.

A mistake in an assessment, a table, a template or an option raises a
``SiatError``. Each class also derives from the built-in exception that
fits, so ``except ValueError`` catches a ``ValidationError`` as well.
Reading a file raises Python's own ``OSError``, and an argument of the
wrong Python type, such as ``lang=5``, raises a plain ``TypeError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional, Sequence

if TYPE_CHECKING:
    from ._siat import Issue

__all__ = [
    "CatalogueError",
    "InputError",
    "MigrationError",
    "OptionsError",
    "SiatError",
    "TemplateError",
    "TemplateProblem",
    "UnknownFieldError",
    "UnsupportedLanguageError",
    "ValidationError",
]


class SiatError(Exception):
    """Base class of the exceptions siat raises."""


class ValidationError(SiatError, ValueError):
    """An assessment has errors, so it cannot be scored.

    ``issues`` lists every issue found, errors and warnings alike. ``row``
    is the row position (from 0) when the assessment came from a table,
    else ``None``.
    """

    def __init__(self, message: str, issues: Sequence[Issue], row: Optional[int] = None) -> None:
        super().__init__(message)
        self.issues: list[Issue] = list(issues)
        self.row = row


class TemplateProblem(NamedTuple):
    """One problem in a template file: a JSON Pointer and what is wrong there."""

    path: str
    message: str


class TemplateError(SiatError, ValueError):
    """A template file is not valid; ``problems`` lists every problem found."""

    def __init__(self, message: str, problems: Sequence[TemplateProblem]) -> None:
        super().__init__(message)
        self.problems: list[TemplateProblem] = list(problems)


class UnsupportedLanguageError(SiatError, ValueError):
    """Messages were requested in a language siat does not have.

    ``lang`` is the language requested and ``supported`` the ones available.
    """

    def __init__(self, message: str, lang: str, supported: Sequence[str]) -> None:
        super().__init__(message)
        self.lang = lang
        self.supported: list[str] = list(supported)


class OptionsError(SiatError, ValueError):
    """An option is invalid: an unknown weighting method or aggregation,
    ``min_coverage`` outside 0–1, a malformed ``today`` date, or an
    ``errors`` value other than ``report`` and ``raise``."""


class UnknownFieldError(SiatError, LookupError):
    """``validate_field`` was given an id that names no indicator or profile field."""

    def __init__(self, message: str, id: str) -> None:
        super().__init__(message)
        self.id = id


class MigrationError(SiatError, ValueError):
    """A migration mapping is not valid, or does not fit the assessment: the
    assessment names another template or version, is not a JSON object, or
    would get two answers for one indicator."""


class CatalogueError(SiatError, ValueError):
    """A message catalogue given to ``add_language`` is not valid or lacks
    keys that the English catalogue has; the message names them."""


class InputError(SiatError, TypeError):
    """The input cannot be read.

    It is nested more than 128 levels deep, is bytes or a file that are not
    UTF-8 text, or is of a type the function does not take. Or it is a table
    whose columns cannot be read as assessments, such as a column of an
    unsupported type or a column given twice. A value with no JSON
    counterpart inside an assessment, such as a set, raises nothing:
    validation reports it as ``wrong_type``.
    """
