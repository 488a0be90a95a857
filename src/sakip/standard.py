"""Against a national standard (perbandingan dengan standar nasional).

:func:`~sakip.compare_with_standard` compares a realization with a national or provincial
standard, or gives the explicit :class:`~sakip.NoStandard` state when there is none.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from sakip._comparing import meets, show
from sakip._decimal import Number, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip.achievement import Achievement, achievement
from sakip.model import ComparatorTarget, NationalStandard, Polarity, TargetRange
from sakip.text import N_

__all__ = ["NoStandard", "Position", "StandardComparison", "compare_with_standard"]


class Position(enum.StrEnum):
    """Where a realization stands against a standard (posisi terhadap standar).

    A string enum whose values are the strings :attr:`StandardComparison.position` held
    before it was an enum, so ``comparison.position == "above"`` reads as it did.
    """

    ABOVE = "above"
    """Above the standard (di atas)."""
    BELOW = "below"
    """Below the standard (di bawah)."""
    EQUAL = "equal"
    """Equal to the standard (sama dengan)."""
    WITHIN = "within"
    """Inside a standard that is a range (dalam rentang)."""


_WHERE = {
    Position.ABOVE: N_("{realization} di atas standar {standard} ({source}): {steps}"),
    Position.BELOW: N_("{realization} di bawah standar {standard} ({source}): {steps}"),
    Position.EQUAL: N_("{realization} sama dengan standar {standard} ({source}): {steps}"),
    Position.WITHIN: N_("{realization} dalam rentang standar {standard} ({source}): {steps}"),
}


@attrs.frozen(kw_only=True, repr=False)
class StandardComparison(Displayed):
    """A comparison with a national or provincial standard (standar nasional).

    Attributes:
        realization: The realization compared.
        standard: The standard, with its source.
        polarity: Whether higher is better.
        achievement: The realization against the standard, as an achievement %.
    """

    realization: Decimal
    standard: NationalStandard
    polarity: Polarity
    achievement: Achievement

    exists = True
    """A standard exists (compare :attr:`NoStandard.exists`)."""

    @property
    def meets(self) -> bool:
        """Whether the realization meets the standard, by polarity (inside it, for a range)."""
        return meets(self.realization, self.standard.value, self.polarity)

    @property
    def position(self) -> Position:
        """Above, below, equal to or, for a range, within the standard."""
        value = self.standard.value
        if isinstance(value, TargetRange):
            if self.realization in value:
                return Position.WITHIN
            return Position.BELOW if self.realization < value.low else Position.ABOVE
        point = value.bound if isinstance(value, ComparatorTarget) else value.value
        if self.realization == point:
            return Position.EQUAL
        return Position.ABOVE if self.realization > point else Position.BELOW

    @property
    def source(self) -> str:
        """Who sets the standard, and where."""
        return self.standard.source

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The comparison with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> s = sakip.NationalStandard(indicator="X", value=90, source="SPM")
        >>> compare_with_standard(realization=95, standard=s).explain()
        '95 di atas standar 90 (SPM): 95 / 90 × 100 = 105,56 %; memenuhi standar'
        >>> compare_with_standard(realization=95, standard=s).explain(lang="en")
        '95 above the standard 90 (SPM): 95 / 90 × 100 = 105.56%; meets the standard'
        """
        w = Writing.of(lang, numbers)
        compared = w.gettext(
            _WHERE[self.position],
            realization=w.n(self.realization),
            standard=show(self.standard.value, w),
            source=self.source,
            steps=self.achievement.explain(w.lang, numbers=w.numbers),
        )
        verdict = (
            w.gettext("memenuhi standar") if self.meets else w.gettext("belum memenuhi standar")
        )
        return f"{compared}; {verdict}"


@attrs.frozen(kw_only=True, repr=False)
class NoStandard(Displayed):
    """No national or provincial standard exists for the indicator (tidak ada standar).

    A state, not a number: nothing can be above or below it.

    Attributes:
        indicator: The indicator's code, when known.
        year: The year asked about, when known.
    """

    indicator: str | None = None
    year: int | None = None

    exists = False
    """No standard exists."""

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The state, in ``lang`` (``numbers`` is accepted like every result's).

        >>> NoStandard(indicator="IKU-1").explain()
        'tidak ada standar nasional untuk IKU-1: tidak dapat dibandingkan'
        >>> NoStandard(indicator="IKU-1").explain(lang="en")
        'no national standard for IKU-1: cannot be compared'
        """
        w = Writing.of(lang, numbers)
        if self.indicator:
            return w.gettext(
                "tidak ada standar nasional untuk {indicator}: tidak dapat dibandingkan",
                indicator=self.indicator,
            )
        return w.gettext("tidak ada standar nasional: tidak dapat dibandingkan")


def compare_with_standard(
    *,
    realization: Number,
    standard: NationalStandard | None,
    polarity: Polarity | str = Polarity.POSITIVE,
    formula: str | None = None,
) -> StandardComparison | NoStandard:
    """Compare a realization with a national or provincial standard (standar nasional).

    Args:
        realization: The realization.
        standard: The standard, or ``None`` when there is none (which gives
            :class:`NoStandard`, never a number).
        polarity: Whether higher is better.
        formula: The achievement formula's name; ``None`` takes the polarity's default.

    >>> compare_with_standard(realization=95, standard=None)
    <NoStandard tidak ada standar nasional: tidak dapat dibandingkan>
    """
    if standard is None:
        return NoStandard()
    r = to_decimal(realization, "realization")
    wanted = Polarity.parse(polarity, "polarity")
    return StandardComparison(
        realization=r,
        standard=standard,
        polarity=wanted,
        achievement=achievement(
            realization=r, target=standard.value, polarity=wanted, formula=formula
        ),
    )
