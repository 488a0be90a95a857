"""Year on year (perbandingan antartahun): the change between two years, and in achievement.

- :func:`~sakip.change`: the difference between two years and the growth % (pertumbuhan);
- :func:`~sakip.achievement_change`: the change in achievement, in percentage points (poin).
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from sakip._comparing import POLARITY, improved
from sakip._decimal import HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip.achievement import Achievement
from sakip.exceptions import InvalidValueError, UndefinedResultError
from sakip.model import Polarity
from sakip.reasons import Figure, Missing, Part, Reason
from sakip.text import N_

__all__ = ["AchievementChange", "Change", "Direction", "achievement_change", "change", "verdict"]


class Direction(enum.Enum):
    """Which way a figure moved (arah perubahan), whatever the polarity."""

    UP = "up"
    """It rose (naik)."""
    DOWN = "down"
    """It fell (turun)."""
    UNCHANGED = "unchanged"
    """It stayed the same (tetap)."""

    @classmethod
    def of(cls, difference: Decimal) -> Direction:
        """The direction of a difference."""
        if difference > 0:
            return cls.UP
        if difference < 0:
            return cls.DOWN
        return cls.UNCHANGED

    def say(self, lang: str = "id") -> str:
        """The word a report prints for it: ``naik``, ``turun``, ``tetap`` (``up``, …)."""
        return Writing.of(lang, None).gettext(_DIRECTION[self])


_DIRECTION = {
    Direction.UP: N_("naik"),
    Direction.DOWN: N_("turun"),
    Direction.UNCHANGED: N_("tetap"),
}
_VERDICT = {True: N_("membaik"), False: N_("memburuk"), None: N_("tidak berubah")}


def verdict(better: bool | None, polarity: Polarity, writing: Writing) -> str:
    """Better, worse or unchanged, with the polarity that decides it: ``membaik (…)``."""
    return f"{writing.gettext(_VERDICT[better])} ({writing.gettext(POLARITY[polarity])})"


@attrs.frozen(kw_only=True, repr=False)
class Change(Displayed):
    """A change between two years (perubahan): the difference and the growth %.

    Growth divides by the previous value, so it is not computable when that value is 0. The
    result is still built (the difference is always defined): :attr:`growth` is then ``None``,
    :attr:`growth_missing` says why, and reading :attr:`percent` raises
    :class:`~sakip.UndefinedResultError`. Growth is never replaced by 0, 100 or infinity.

    Attributes:
        value: The difference ``current − previous``, exact, in the indicator's unit (for an
            indicator measured in %, these are percentage points).
        current: The later value.
        previous: The earlier value.
        polarity: Whether higher is better; it decides :attr:`improved`.
        growth: The growth ``value / |previous| × 100`` in %, exact; ``None`` when the
            previous value is 0. Dividing by the size of the previous value keeps the sign of
            the growth that of the change when the previous value is negative.
        growth_missing: Why growth is not computable (:attr:`~sakip.Reason.PREVIOUS_ZERO`),
            or ``None``.
    """

    value: Decimal
    current: Decimal
    previous: Decimal
    polarity: Polarity
    growth: Decimal | None
    growth_missing: Missing | None = None

    @property
    def percent(self) -> Decimal:
        """The growth % as printed, to 2 places half-up.

        Raises:
            UndefinedResultError: The previous value is 0.
        """
        if self.growth is None:
            raise UndefinedResultError(
                "growth",
                "the previous value is 0",
                (("current", self.current), ("previous", self.previous)),
                Reason.PREVIOUS_ZERO,
            )
        return round_half_up(self.growth)

    @property
    def direction(self) -> Direction:
        """Whether the value rose, fell or stayed the same."""
        return Direction.of(self.value)

    @property
    def improved(self) -> bool | None:
        """Whether it is a change for the better, by polarity; ``None`` when nothing changed."""
        return improved(self.value, self.polarity)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> change(current=95, previous=93).explain()
        '95 − 93 = 2 (naik); pertumbuhan 2 / 93 × 100 = 2,15 %; membaik (polaritas positif)'
        >>> change(current=5, previous=0).explain(lang="en")
        "5 − 0 = 5 (up); growth cannot be computed: the previous year's realization is 0; improved (higher is better)"
        """  # noqa: E501 - a doctest's output is one line
        w = Writing.of(lang, numbers)
        steps = [
            w.gettext(
                "{current} − {previous} = {difference} ({direction})",
                current=w.n(self.current),
                previous=w.n(self.previous),
                difference=w.n(self.value),
                direction=w.gettext(_DIRECTION[self.direction]),
            )
        ]
        if self.growth_missing is not None:
            why = self.growth_missing.explain(lang=w.lang)
            steps.append(w.gettext("pertumbuhan tidak dapat dihitung: {reason}", reason=why))
        else:
            steps.append(
                w.gettext(
                    "pertumbuhan {difference} / {previous} × 100 = {percent}",
                    difference=w.n(self.value),
                    previous=w.n(self.previous),
                    percent=w.pct(self.percent),
                )
            )
        steps.append(verdict(self.improved, self.polarity, w))
        return "; ".join(steps)


def change(
    *, current: Number, previous: Number, polarity: Polarity | str = Polarity.POSITIVE
) -> Change:
    """Change (perubahan) from a previous value to a current one, and the growth %.

    Args:
        current: The later value (this year's realization).
        previous: The earlier value (last year's, or any earlier year's).
        polarity: Whether higher is better; ``"positif"``/``"negatif"`` work too.

    Returns:
        The difference (:attr:`Change.value`), the growth % (:attr:`Change.percent`), the
        direction and whether it is an improvement. When ``previous`` is 0 the growth is not
        computable: :attr:`Change.growth` is ``None`` and reading ``.percent`` raises
        :class:`~sakip.UndefinedResultError`.

    >>> c = change(current=95, previous=93)
    >>> c.value, c.percent, c.improved
    (Decimal('2'), Decimal('2.15'), True)
    >>> change(current=8, previous=10, polarity="negatif").improved
    True
    """
    now, before = to_decimal(current, "current"), to_decimal(previous, "previous")
    wanted = Polarity.parse(polarity, "polarity")
    with exact():
        difference = now - before
        if before == 0:
            return Change(
                value=difference,
                current=now,
                previous=before,
                polarity=wanted,
                growth=None,
                growth_missing=Missing(
                    reason=Reason.PREVIOUS_ZERO, part=Part.PREVIOUS, figure=Figure.GROWTH
                ),
            )
        growth = difference * HUNDRED / abs(before)
    return Change(value=difference, current=now, previous=before, polarity=wanted, growth=growth)


@attrs.frozen(kw_only=True, repr=False)
class AchievementChange(Displayed):
    """A change in achievement (perubahan capaian) between two years, in percentage points.

    Achievement already carries the polarity (a higher achievement is always better), so
    :attr:`improved` needs no polarity. :attr:`direction` and :attr:`improved` read the
    printed :attr:`points`, like the rating scales read printed figures.

    Attributes:
        value: ``current.value − previous.value``, exact, in percentage points.
        current: This year's achievement.
        previous: The earlier year's achievement.
    """

    value: Decimal
    current: Achievement
    previous: Achievement

    @property
    def points(self) -> Decimal:
        """The change as printed, the difference of the two printed (rounded) achievements.

        Taken from the printed figures so that a table's columns add up
        (``100,42 − 98,31 = 2,11``) even where the exact difference would round differently.
        """
        with exact():
            return self.current.percent - self.previous.percent

    @property
    def direction(self) -> Direction:
        """Whether the achievement rose, fell or stayed the same, read from :attr:`points`.

        Read from the printed figures, so that two achievements printed alike never show as
        a rise or a fall.
        """
        return Direction.of(self.points)

    @property
    def improved(self) -> bool | None:
        """``True`` when the printed achievement rose, ``False`` when it fell, else ``None``."""
        return improved(self.points, Polarity.POSITIVE)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> from sakip import achievement
        >>> now = achievement(realization=95, target="94.6")
        >>> before = achievement(realization=93, target="91.5")
        >>> achievement_change(current=now, previous=before).explain()
        '100,42 % − 101,64 % = -1,22 poin (turun)'
        >>> achievement_change(current=now, previous=before).explain(lang="en")
        '100.42% − 101.64% = -1.22 points (down)'
        """
        w = Writing.of(lang, numbers)
        return w.gettext(
            "{current} − {previous} = {points} poin ({direction})",
            current=w.pct(self.current.percent),
            previous=w.pct(self.previous.percent),
            points=w.n2(self.points),
            direction=w.gettext(_DIRECTION[self.direction]),
        )


def achievement_change(*, current: Achievement, previous: Achievement) -> AchievementChange:
    """Change in achievement (perubahan capaian) in percentage points.

    Args:
        current: This year's :class:`~sakip.Achievement`.
        previous: An earlier year's :class:`~sakip.Achievement`.

    >>> from sakip import achievement
    >>> now = achievement(realization=95, target=100)
    >>> before = achievement(realization=93, target=100)
    >>> achievement_change(current=now, previous=before).points
    Decimal('2.00')
    """
    for name, value in (("current", current), ("previous", previous)):
        if not isinstance(value, Achievement):
            raise InvalidValueError(name, value, "an Achievement")
    with exact():
        return AchievementChange(
            value=current.value - previous.value, current=current, previous=previous
        )
