"""Inputs become exact decimals; results ignore the caller's decimal context."""

from __future__ import annotations

import decimal
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip._decimal import round_half_up, to_decimal, to_hundredths


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        (95, Decimal(95)),
        (Decimal("94.6"), Decimal("94.6")),
        ("94.6", Decimal("94.6")),
        (" 1e3 ", Decimal("1E+3")),
        (94.6, Decimal("94.6")),
        (0.1, Decimal("0.1")),
    ],
)
def test_to_decimal_reads_numbers_exactly(given_value: object, expected: Decimal) -> None:
    """Ints, decimals, Python-notation text and floats (by shortest repr) are read exactly."""
    assert expected == to_decimal(given_value, "target")


@pytest.mark.parametrize(
    "bad",
    [
        True,
        False,
        float("nan"),
        float("inf"),
        "NaN",
        "-Infinity",
        "abc",
        "",
        None,
        [1],
        Fraction(1, 3),
    ],
)
def test_to_decimal_refuses_what_is_not_a_finite_number(bad: object) -> None:
    """bool, NaN, infinities, junk text and other types raise InvalidValueError naming both."""
    with pytest.raises(sakip.InvalidValueError) as caught:
        to_decimal(bad, "target")
    assert "target" == caught.value.name
    assert bad is caught.value.value or bad != bad  # NaN is not equal to itself
    assert f"'target' must be a finite number (got {bad!r})" == str(caught.value)


def test_to_decimal_refuses_a_nan_decimal() -> None:
    """A Decimal NaN is refused like a float NaN."""
    with pytest.raises(sakip.InvalidValueError):
        to_decimal(Decimal("sNaN"), "realization")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_is_read_through_its_shortest_repr(value: float) -> None:
    """Every finite float becomes the decimal its repr shows."""
    assert Decimal(repr(value)) == to_decimal(value, "x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("100.425", "100.43"), ("100.424999", "100.42"), ("-2.345", "-2.35"), ("0.005", "0.01")],
)
def test_round_half_up_rounds_half_away_from_zero(value: str, expected: str) -> None:
    """Printed figures round half-up (away from zero), not to even."""
    assert Decimal(expected) == round_half_up(Decimal(value))


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12))
def test_rounding_is_idempotent(value: Decimal) -> None:
    """Rounding a rounded figure changes nothing."""
    once = round_half_up(value)
    assert once == round_half_up(once)


def test_results_ignore_the_callers_decimal_context() -> None:
    """Precision 3 and ROUND_FLOOR in the caller's context move no result."""

    def figures() -> list[object]:
        a = sakip.achievement(realization=95, target="94.6")
        return [
            a.value,
            a.percent,
            a.explain(),
            sakip.achievement(realization=9, target=sakip.TargetRange(7, 8), polarity="-").value,
            sakip.percentage(part=13773, whole=14460).percent,
            sakip.classify(a).label,
            sakip.format_number(Decimal("95.2489"), places=2),
            sakip.format_number(Decimal("1234567.125"), places=2, lang="en"),
        ]

    expected = figures()
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        assert expected == figures()


@pytest.mark.parametrize(
    "error",
    [
        sakip.InvalidValueError("target", "abc", "a finite number"),
        sakip.UnknownRuleError("achievement formula", "x", ["direct", "mirror"]),
        sakip.NotFoundError("indicator", "IKU-9", ["IKU-1"]),
        sakip.DuplicateRuleError("rating scale", "mine"),
        sakip.MissingDependencyError("openpyxl", "excel", "XLSX files"),
        sakip.UndefinedResultError("growth", "the previous value is 0", [("previous", 0)]),
        sakip.UndefinedAchievementError("reason", Decimal(5), Decimal(0)),
    ],
)
def test_errors_pickle_and_keep_their_message(error: sakip.SakipError) -> None:
    """Every error survives pickling with its message and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert str(error) == str(copy)
    assert vars(error) == vars(copy)
    assert isinstance(copy, sakip.SakipError)


def test_errors_subclass_the_fitting_builtins() -> None:
    """Code that catches builtins keeps working."""
    assert issubclass(sakip.InvalidValueError, ValueError)
    assert issubclass(sakip.UnknownRuleError, LookupError)
    assert issubclass(sakip.NotFoundError, LookupError)
    assert issubclass(sakip.UndefinedAchievementError, ArithmeticError)
    assert issubclass(sakip.DuplicateRuleError, ValueError)


def test_error_messages_name_the_value_and_what_was_expected() -> None:
    """Messages read as sentences with the value and the alternatives."""
    assert "unknown achievement formula 'x'; known: 'direct', 'mirror'" == str(
        sakip.UnknownRuleError("achievement formula", "x", ["mirror", "direct"])
    )
    assert "unknown rating scale 'x'; known: none" == str(
        sakip.UnknownRuleError("rating scale", "x", [])
    )
    assert "a rating scale named 'mine' is already registered" == str(
        sakip.DuplicateRuleError("rating scale", "mine")
    )
    assert "growth is not computable: the previous value is 0 (previous=0)" == str(
        sakip.UndefinedResultError("growth", "the previous value is 0", [("previous", 0)])
    )
    assert "growth is not computable: no data" == str(
        sakip.UndefinedResultError("growth", "no data")
    )


def test_numpy_scalars_are_read_like_python_numbers() -> None:
    """NumPy floats and ints (whose repr is not a number) become the same decimals."""
    import numpy as np

    assert Decimal("94.6") == to_decimal(np.float64(94.6), "target")
    assert Decimal("94.6") == to_decimal(np.float32(94.6), "target")
    assert Decimal("0.1") == to_decimal(np.float16(0.1), "target")
    assert Decimal(7) == to_decimal(np.int64(7), "target")
    with pytest.raises(sakip.InvalidValueError):
        to_decimal(np.float32("nan"), "target")
    with pytest.raises(sakip.InvalidValueError):
        to_decimal(np.float32("inf"), "target")


def test_figures_beyond_28_digits_still_round() -> None:
    """A huge figure rounds instead of failing on the context's precision."""
    huge = Decimal("1234567890123456789012345678901.235")
    assert Decimal("1234567890123456789012345678901.24") == round_half_up(huge)


def test_unknown_attributes_raise_attribute_error() -> None:
    """The lazy module attribute hook answers only for __version__."""
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        sakip.nope  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize(
    ("value", "expected"), [("100.4228", 10042), ("-2.345", -235), ("0.004", 0), ("7", 700)]
)
def test_to_hundredths_is_the_printed_figure_in_whole_hundredths(
    value: str, expected: int
) -> None:
    """The batch path's integers are the printed figures, exactly."""
    assert expected == to_hundredths(Decimal(value))
