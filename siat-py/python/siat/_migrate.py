"""Moving an assessment from one template version to the next through a
declared mapping of renamed and removed indicators."""

from __future__ import annotations

import dataclasses
from typing import Any

from . import _siat

__all__ = ["Migrated", "migrate"]


@dataclasses.dataclass(frozen=True)
class Migrated:
    """The outcome of a migration: the assessment for the new version, the
    answers moved to a new id as ``(old id, new id)`` pairs, and the answers
    the new version has no place for, by old id with the value dropped."""

    assessment: dict[str, Any]
    renamed: list[tuple[str, str]]
    dropped: dict[str, Any]


def migrate(assessment: Any, mapping: Any) -> Migrated:
    """Move an assessment to a newer template version.

    ``assessment`` is anything ``siat.check`` reads. ``mapping`` is a dict,
    JSON text or a path with the keys ``template``, ``from``, ``to``,
    ``description``, ``renamed`` (old id → new id) and ``removed``. Numbers
    come back as ints where they are whole, and NaN stays NaN.

    Raises ``siat.MigrationError`` when the mapping is not valid or does not
    fit the assessment: another template or version, two answers for one
    new id, or text that is not JSON. Raises ``siat.InputError`` for a value
    with no JSON counterpart, such as a set.
    """
    result = _siat.migrate(assessment, mapping)
    return Migrated(
        assessment=result["assessment"],
        renamed=[(old, new) for old, new in result["renamed"]],
        dropped=result["dropped"],
    )
