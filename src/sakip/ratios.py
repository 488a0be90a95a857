"""Plain percentages (persentase) and rates per N (angka per N): a part of a whole.

A percentage is a part per 100 of its whole (PPKS handled of all PPKS); a rate is a part per
any N: infant deaths per 1.000 live births, maternal deaths per 100.000.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip._results import PercentFigure
from sakip.exceptions import InvalidValueError, UndefinedResultError
from sakip.reasons import Reason

__all__ = ["Percentage", "Rate", "percentage", "rate"]


@attrs.frozen(kw_only=True, repr=False)
class Percentage(PercentFigure):
    """A part as a percentage of a whole.

    Attributes:
        value: ``part / whole × 100``, exact and unrounded.
        part: The part.
        whole: The whole.
    """

    part: Decimal
    whole: Decimal

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in the notation of ``numbers`` (or ``lang``).

        >>> percentage(part=13773, whole=14460).explain()
        '13.773 / 14.460 × 100 = 95,25 %'
        >>> percentage(part=13773, whole=14460).explain(lang="en")
        '13,773 / 14,460 × 100 = 95.25%'
        """
        w = Writing.of(lang, numbers)
        return f"{w.n(self.part)} / {w.n(self.whole)} × 100 = {w.pct(self.percent)}"


def percentage(*, part: Number, whole: Number) -> Percentage:
    """A part as a percentage of a whole (persentase).

    Both arguments are keyword-only: a swapped part and whole would print a figure without
    any error (104,99 instead of 95,25).

    Raises:
        UndefinedResultError: The whole is zero.

    >>> percentage(part=13773, whole=14460).percent
    Decimal('95.25')
    """
    p, w = to_decimal(part, "part"), to_decimal(whole, "whole")
    if w == 0:
        raise UndefinedResultError(
            "percentage", "the whole is 0", (("part", p), ("whole", w)), Reason.ZERO_WHOLE
        )
    with exact():
        value = p * HUNDRED / w
    return Percentage(value=value, part=p, whole=w)


@attrs.frozen(kw_only=True, repr=False)
class Rate(Displayed):
    """A part per N of a whole (angka per N): ``part / whole × per``.

    Attributes:
        value: ``part / whole × per``, exact and unrounded.
        part: The part (the numerator).
        whole: The whole (the denominator).
        per: The multiplier N: 100 for a percentage, 1.000, 100.000, ….
    """

    value: Decimal
    part: Decimal
    whole: Decimal
    per: Decimal

    @property
    def figure(self) -> Decimal:
        """``value`` rounded half-up to two places, the figure a report prints."""
        return round_half_up(self.value)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in the notation of ``numbers`` (or ``lang``).

        >>> rate(part=51, whole=5350, per=1000).explain()
        '51 / 5.350 × 1.000 = 9,53 per 1.000'
        >>> rate(part=51, whole=5350, per=1000).explain(lang="en")
        '51 / 5,350 × 1,000 = 9.53 per 1,000'
        """
        w = Writing.of(lang, numbers)
        if self.per == HUNDRED:
            return f"{w.n(self.part)} / {w.n(self.whole)} × 100 = {w.pct(self.value)}"
        per = w.n(self.per)
        return f"{w.n(self.part)} / {w.n(self.whole)} × {per} = {w.n2(self.value)} per {per}"

    def _headline(self) -> str:
        return self.explain("en")


def rate(*, part: Number, whole: Number, per: Number = HUNDRED) -> Rate:
    """A part per N of a whole (angka per N), such as infant deaths per 1.000 live births.

    Arguments are keyword-only, as for :func:`percentage`; ``per`` is 100 by default.

    Raises:
        InvalidValueError: A number is not finite, or ``per`` is not positive.
        UndefinedResultError: The whole is zero.

    >>> rate(part=51, whole=5350, per=1000).figure
    Decimal('9.53')
    >>> rate(part=13773, whole=14460).figure
    Decimal('95.25')
    """
    p, w, n = to_decimal(part, "part"), to_decimal(whole, "whole"), to_decimal(per, "per")
    if n <= 0:
        raise InvalidValueError("per", n, "a positive multiplier (100, 1000, 100000)")
    if w == 0:
        raise UndefinedResultError(
            "rate", "the whole is 0", (("part", p), ("whole", w)), Reason.ZERO_WHOLE
        )
    with exact():
        value = p * n / w
    return Rate(value=value, part=p, whole=w, per=n)
