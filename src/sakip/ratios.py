"""Plain percentages (persentase): a part of a whole, such as PPKS handled of all PPKS."""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, to_decimal
from sakip._figures import Writing
from sakip._results import PercentFigure
from sakip.exceptions import UndefinedResultError
from sakip.reasons import Reason

__all__ = ["Percentage", "percentage"]


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
