"""Plain percentages (persentase): a part of a whole, such as PPKS handled of all PPKS."""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, to_decimal
from sakip._figures import typed
from sakip._results import PercentFigure
from sakip.exceptions import UndefinedResultError
from sakip.locale import format_number

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

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> percentage(part=13773, whole=14460).explain()
        '13.773 / 14.460 × 100 = 95,25 %'
        """
        part, whole = typed(self.part), typed(self.whole)
        return f"{part} / {whole} × 100 = {format_number(self.percent, 2)} %"


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
        raise UndefinedResultError("percentage", "the whole is 0", (("part", p), ("whole", w)))
    with exact():
        value = p * HUNDRED / w
    return Percentage(value=value, part=p, whole=w)
