"""What the comparisons share: a change read by polarity, a target met, years checked."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sakip._decimal import Number, to_decimal
from sakip._figures import Writing
from sakip.exceptions import InvalidValueError
from sakip.model import Polarity, Target, TargetLike, TargetRange
from sakip.text import N_

__all__ = ["POLARITY", "as_year", "improved", "meets", "show", "single", "year_values"]

POLARITY = {
    Polarity.POSITIVE: N_("polaritas positif"),
    Polarity.NEGATIVE: N_("polaritas negatif"),
}
"""How an explanation names a polarity (``higher is better`` in English)."""


def improved(difference: Decimal, polarity: Polarity) -> bool | None:
    """Whether a difference is for the better by ``polarity``; ``None`` when it is 0."""
    if difference == 0:
        return None
    return (difference > 0) == (polarity is Polarity.POSITIVE)


def meets(value: Decimal, target: TargetLike, polarity: Polarity) -> bool:
    """Whether ``value`` meets ``target`` by polarity (inside it, for a range)."""
    if isinstance(target, TargetRange):
        return target.low <= value <= target.high
    if polarity is Polarity.POSITIVE:
        return value >= target.value
    return value <= target.value


def show(target: TargetLike | None, writing: Writing) -> str:
    """A target as an explanation prints it: a number, a range, or ``-``."""
    if target is None:
        return "-"
    if isinstance(target, Target):
        return writing.n(target.value)
    return f"{writing.n(target.low)}–{writing.n(target.high)}"


def single(value: Number | TargetLike, name: str) -> Decimal:
    """One number from a number or a single target; a range is refused."""
    if isinstance(value, TargetRange):
        raise InvalidValueError(name, value, "a single number, not a range")
    if isinstance(value, Target):
        return value.value
    return to_decimal(value, name)


def as_year(value: object, name: str, expected: str = "a year (int)") -> int:
    """``value`` as a year; ``bool`` is an int, and ``True`` would silently be year 1."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(name, value, expected)
    return value


def year_values(values: Mapping[int, Number], name: str) -> tuple[tuple[int, Decimal], ...]:
    """``(year, value)`` pairs, sorted by year, each checked."""
    years = [as_year(key, name, "a mapping of years (int) to numbers") for key in values]
    return tuple((key, to_decimal(values[key], f"{name}[{key}]")) for key in sorted(years))
