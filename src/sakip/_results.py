"""What every computed figure has in common: an exact value and the figure a report prints."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from sakip._decimal import HUNDREDTH, PRINTED_LEAN, PRINTED_LEAN_MAX, round_half_up
from sakip._display import Displayed

__all__ = ["PercentFigure"]


@attrs.frozen(kw_only=True, repr=False)
class PercentFigure(Displayed):
    """A percentage: ``value`` is exact and unrounded, ``percent`` is the printed figure."""

    _dict_properties: ClassVar[tuple[str, ...]] = ("percent",)

    value: Decimal

    @property
    def percent(self) -> Decimal:
        """The printed figure: ``value`` rounded half-up to two places."""
        value = self.value
        if value.adjusted() <= PRINTED_LEAN_MAX:  # round_half_up's common case, inlined
            return PRINTED_LEAN(value, HUNDREDTH)
        return round_half_up(value)
