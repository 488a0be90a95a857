"""What the comparisons share: a change read by polarity, a target met, years checked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from sakip._decimal import Number, to_decimal
from sakip._figures import Writing
from sakip.exceptions import InvalidValueError
from sakip.model import ComparatorTarget, LevelTarget, Polarity, Target, TargetLike, TargetRange
from sakip.text import N_

__all__ = [
    "POLARITY",
    "as_year",
    "improved",
    "meets",
    "show",
    "single",
    "target_text",
    "year_values",
]

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


def meets(
    value: Decimal, target: Target | TargetRange | ComparatorTarget, polarity: Polarity
) -> bool:
    """Whether ``value`` meets ``target`` by polarity (inside it, for a range).

    A comparator target is met by its own condition (``< 0,49`` is not met by 0,49).
    """
    if isinstance(target, TargetRange):
        return target.low <= value <= target.high
    if isinstance(target, ComparatorTarget):
        return target.is_met_by(value)
    if polarity is Polarity.POSITIVE:
        return value >= target.value
    return value <= target.value


def show(target: TargetLike | None, writing: Writing) -> str:
    """A target as an explanation prints it: a number, a range, ``≥ 80``, ``WTP`` or ``-``."""
    if target is None:
        return "-"
    return target_text(target, writing.n)


def target_text(target: TargetLike, number: Callable[[Decimal], str]) -> str:
    """A target as a report prints it, its numbers written by ``number``.

    A number, a range's two bounds (``60–85``), a comparator and its bound (``≥ 80``,
    ``< 0,49``) or a level as its scale prints it (``WTP``).
    """
    if isinstance(target, Target):
        return number(target.value)
    if isinstance(target, TargetRange):
        return f"{number(target.low)}–{number(target.high)}"
    if isinstance(target, ComparatorTarget):
        return f"{target.comparator.value} {number(target.bound)}"
    return target.level


def single(value: Number | TargetLike, name: str) -> Decimal:
    """One number from a number, a single target or a comparator's bound (``≥ 80``: 80).

    A range and a level are refused.
    """
    if isinstance(value, ComparatorTarget):
        return value.bound
    if isinstance(value, TargetRange | LevelTarget):
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
