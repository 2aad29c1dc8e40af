"""Random Python objects never crash the interpreter and raise nothing but
siat's own exceptions, whichever function they reach.

The objects mix what JSON can hold with what it cannot: NaN and the
infinities, ints far beyond 64 bits, bytes, sets, complex numbers, numpy
and pandas scalars, dates, deep nesting and lists or dicts that contain
themselves. The example count comes from the Hypothesis profile (see
conftest.py): a few hundred in the test suite, 100 000 with
SIAT_HYPOTHESIS_PROFILE=robustness.
"""

from __future__ import annotations

import datetime
import decimal
import fractions
import types
from typing import Any, Callable

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import siat

from conftest import REPOSITORY

TEMPLATE = siat.Template.builtin()
MAPPING = REPOSITORY / "tests" / "migrations" / "siat-1.0-to-1.1.json"
TODAY = "2026-06-01"

# Keys of real assessments, so random dicts often reach the deeper checks.
KEYS = [
    "template", "profile", "prioritisation", "answers", "meta", "id", "version", "ranks", "points",
    "method", "date", "respondent_role", "name", "country", "sfsc_type", "year_founded",
    *[dimension["id"] for dimension in TEMPLATE.dimensions],
    *[indicator["id"] for indicator in TEMPLATE.indicators],
]

odd_values = st.sampled_from(
    [
        float("nan"), float("inf"), -float("inf"), -0.0, 5e-324, 1.7976931348623157e308,
        10**400, -(10**400), 2**64, 2**53 + 1,
        b"bytes", bytearray(b"\xff\xfe"), memoryview(b"{}"), {1, 2}, frozenset(), 1j, range(3), Ellipsis,
        decimal.Decimal("NaN"), decimal.Decimal("sNaN"), decimal.Decimal("1e999999"), decimal.Decimal("-0"),
        fractions.Fraction(10**400, 3), fractions.Fraction(1, 3),
        np.float64("nan"), np.float32(1.5), np.int64(-5), np.uint64(2**64 - 1), np.bool_(True),
        np.str_("reusable"), np.bytes_(b"x"), np.longdouble("1e4000"), np.datetime64("2026-05-14"),
        np.timedelta64(3, "D"), np.complex64(1j), np.array([1.0, np.nan]), np.array([["a"]]), np.array([], dtype=object),
        pd.NA, pd.NaT, pd.Timestamp("2026-05-14"), datetime.date(2026, 5, 14), datetime.time(12), datetime.timedelta(1),
        object(), type, len, types.SimpleNamespace(a=1), "lone \udc80 surrogate", "n/a", "siat", "1.0",
    ]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | odd_values
)


def nest(depth: int, inner: Any) -> Any:
    """Wrap a value in `depth` levels of lists and dicts."""
    for level in range(depth):
        inner = [inner] if level % 2 else {"answers": inner}
    return inner


@st.composite
def cyclic(draw: st.DrawFn, children: st.SearchStrategy[Any]) -> Any:
    """A list or dict that contains itself, somewhere below a random value."""
    if draw(st.booleans()):
        loop: Any = [draw(children)]
        loop.append(loop)
    else:
        loop = {draw(st.sampled_from(KEYS)): draw(children)}
        loop[draw(st.sampled_from(KEYS))] = loop
    return loop


def containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(KEYS) | st.text(max_size=8)
    odd_keys = st.sampled_from([1, 2.5, None, ("a",), b"k", True])
    return (
        st.lists(children, max_size=5)
        | st.lists(children, max_size=3).map(tuple)
        | st.dictionaries(keys, children, max_size=6)
        | st.dictionaries(keys | odd_keys, children, max_size=3)
        | st.dictionaries(keys, children, max_size=3).map(types.MappingProxyType)
        | cyclic(children)
    )


objects = st.recursive(scalars, containers, max_leaves=40) | st.builds(
    nest, st.integers(min_value=1, max_value=400), st.recursive(scalars, containers, max_leaves=5)
)

# An assessment with random values in its sections, to reach validation of
# each answer kind rather than stopping at the first missing section.
assessments = st.fixed_dictionaries(
    {
        "template": st.just({"id": "siat", "version": "1.0"}) | objects,
        "profile": st.fixed_dictionaries(
            {"name": st.text(min_size=1, max_size=20) | objects, "country": st.just("NL"), "sfsc_type": st.just("csa")}
        ),
        "answers": st.dictionaries(st.sampled_from([item["id"] for item in TEMPLATE.indicators]), objects, max_size=8),
    },
    optional={"prioritisation": objects, "meta": objects},
)


def expect_siat_errors(name: str, call: Callable[[], Any]) -> None:
    """Run a call; it may return or raise a siat exception, nothing else."""
    try:
        call()
    except siat.SiatError:
        pass
    except Exception as error:
        raise AssertionError(f"{name} raised {type(error).__name__}: {error}") from error


ENTRY_POINTS: list[tuple[str, Callable[[Any], Any]]] = [
    ("check", lambda value: siat.check(value, today=TODAY)),
    ("validate", lambda value: siat.validate(value, lang="nl", today=TODAY)),
    ("score", lambda value: siat.score(value, aggregation="geometric", today=TODAY)),
    ("validate_field answer", lambda value: siat.validate_field("eco_packaging", value, today=TODAY)),
    ("validate_field profile", lambda value: siat.validate_field("year_founded", value, today=TODAY)),
    ("advise", lambda value: siat.advise(value, today=TODAY)),
    ("migrate", lambda value: siat.migrate(value, MAPPING)),
    ("cohort", lambda value: siat.Cohort([value], today=TODAY).stats()),
    ("cohort benchmark", lambda value: siat.Cohort([], today=TODAY).benchmark(value)),
]


@given(value=objects.filter(lambda value: not isinstance(value, str)))
def test_random_objects_raise_only_siat_errors(value: Any) -> None:
    # A top-level str is a path or JSON text, which test_properties covers.
    for name, call in ENTRY_POINTS:
        expect_siat_errors(name, lambda: call(value))


@given(value=assessments)
def test_random_assessments_raise_only_siat_errors(value: dict[str, Any]) -> None:
    for name, call in ENTRY_POINTS:
        expect_siat_errors(name, lambda: call(value))


@given(cell=objects)
def test_random_table_cells_raise_only_siat_errors(cell: Any) -> None:
    frame = pd.DataFrame(
        {
            "profile.name": ["x", "y"],
            "answer.eco_packaging": pd.Series([cell, None], dtype=object),
            "meta.respondent_role": pd.Series([None, cell], dtype=object),
        }
    )
    expect_siat_errors("score_frame", lambda: siat.score_frame(frame, today=TODAY))
    expect_siat_errors("Cohort", lambda: siat.Cohort(frame, today=TODAY).stats())
