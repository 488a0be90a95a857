"""What every computed figure has in common: an exact value and the figure a report prints."""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._decimal import round_half_up

__all__ = ["PercentFigure"]


@attrs.frozen(kw_only=True)
class PercentFigure:
    """A percentage: ``value`` is exact and unrounded, ``percent`` is the printed figure."""

    value: Decimal

    @property
    def percent(self) -> Decimal:
        """The printed figure: ``value`` rounded half-up to two places."""
        return round_half_up(self.value)
