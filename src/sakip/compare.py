"""Comparisons (perbandingan kinerja) of chapter III of a performance report.

PermenPANRB 53/2014 (Lampiran, Bab III) asks a report to compare, for every indicator, this
year's realization with its target, with earlier years, with the Renstra end target and with a
national standard. Each comparison here is a small frozen result with its numbers, its
direction and the indicator's polarity, and ``.explain()`` prints the computation in
Indonesian notation:

- :func:`~sakip.change`: the difference between two years and the growth % (pertumbuhan);
- :func:`~sakip.achievement_change`: the change in achievement, in percentage points (poin);
- :func:`~sakip.progress`: progress from the baseline to the end target (kemajuan);
- :func:`~sakip.gap`: what is left to the end target (selisih);
- :func:`~sakip.realization_to_date`: the sum of the years of a cumulative (flow) indicator;
- :func:`~sakip.projection`: the end year's value by a named trend method
  (:data:`~sakip.compare.PROJECTIONS`);
- :func:`~sakip.needed_per_year`: the yearly change still needed to reach the end target;
- :func:`~sakip.compare_with_standard`: against a national or provincial standard, or the
  explicit :class:`~sakip.NoStandard` state;
- :func:`~sakip.history`: all of it for one indicator and year of a :class:`~sakip.Dataset`,
  the one call a report makes to build an indicator's part of chapter III.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar

import attrs

from sakip._decimal import HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import typed
from sakip._results import PercentFigure
from sakip.achievement import Achievement, achievement
from sakip.exceptions import (
    InvalidValueError,
    NotFoundError,
    SakipError,
    UndefinedAchievementError,
    UndefinedResultError,
)
from sakip.locale import format_number
from sakip.model import (
    Dataset,
    Indicator,
    IndicatorPlan,
    NationalStandard,
    Polarity,
    Target,
    TargetLike,
    TargetRange,
)
from sakip.periods import Quarter, year_value
from sakip.reasons import Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.scales import PERMENDAGRI_86_2017, Rating, RatingScale, classify
from sakip.text import N_

__all__ = [
    "AVERAGE_CHANGE",
    "LEAST_SQUARES",
    "PROJECTIONS",
    "AchievementChange",
    "Change",
    "Direction",
    "EndTargetComparison",
    "Gap",
    "IndicatorHistory",
    "NeededPerYear",
    "NoStandard",
    "Progress",
    "Projection",
    "ProjectionMethod",
    "RealizationToDate",
    "Reason",
    "StandardComparison",
    "YearRow",
    "achievement_change",
    "change",
    "compare_with_standard",
    "gap",
    "history",
    "needed_per_year",
    "progress",
    "projection",
    "realization_to_date",
    "year_row",
]

_T = TypeVar("_T")
_POLARITY_WORD = {Polarity.POSITIVE: "positif", Polarity.NEGATIVE: "negatif"}


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

    @property
    def word(self) -> str:
        """The Indonesian word a report prints (naik, turun, tetap)."""
        return {"up": "naik", "down": "turun", "unchanged": "tetap"}[self.value]


_Why = tuple[str, Reason | None, str]
"""Why a part is missing: its name, the code (``None`` for an unknown reason), the text."""


def _code_of(
    error: SakipError, codes: Mapping[type[SakipError], Reason] | None = None
) -> Reason | None:
    """The code of an error a part raised: by its class (and attributes), never its text.

    ``codes`` maps the classes a part's own checks raise to what they mean there.
    """
    if isinstance(error, UndefinedAchievementError):
        return Reason.ZERO_TARGET if error.target == 0 else Reason.FORMULA_UNDEFINED
    for kind, code in (codes or {}).items():
        if isinstance(error, kind):
            return code
    return None


def _improved(difference: Decimal, polarity: Polarity) -> bool | None:
    if difference == 0:
        return None
    return (difference > 0) == (polarity is Polarity.POSITIVE)


def _verdict(improved: bool | None) -> str:
    return {True: "membaik", False: "memburuk", None: "tidak berubah"}[improved]


def _fmt(value: Decimal) -> str:
    return typed(value)


def _fmt2(value: Decimal) -> str:
    return format_number(value, 2)


def _show(target: TargetLike | None) -> str:
    if target is None:
        return "-"
    if isinstance(target, Target):
        return _fmt(target.value)
    return f"{_fmt(target.low)}–{_fmt(target.high)}"


# --- year on year ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Change(Displayed):
    """A change between two years (perubahan): the difference and the growth %.

    Growth divides by the previous value, so it is not computable when that value is 0. The
    result is still built (the difference is always defined): :attr:`growth` is then ``None``,
    :attr:`growth_reason` says why, and reading :attr:`percent` raises
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
        growth_reason: Why growth is not computable, or ``None``.
        growth_reason_code: The :class:`Reason` for :attr:`growth_reason`, or ``None``.
    """

    value: Decimal
    current: Decimal
    previous: Decimal
    polarity: Polarity
    growth: Decimal | None
    growth_reason: str | None = None
    growth_reason_code: Reason | None = None

    @property
    def percent(self) -> Decimal:
        """The growth % as printed, to 2 places half-up.

        Raises:
            UndefinedResultError: The previous value is 0.
        """
        if self.growth is None:
            raise UndefinedResultError(
                "growth",
                self.growth_reason or "",
                (("current", self.current), ("previous", self.previous)),
            )
        return round_half_up(self.growth)

    @property
    def direction(self) -> Direction:
        """Whether the value rose, fell or stayed the same."""
        return Direction.of(self.value)

    @property
    def improved(self) -> bool | None:
        """Whether it is a change for the better, by polarity; ``None`` when nothing changed."""
        return _improved(self.value, self.polarity)

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> change(current=95, previous=93).explain()
        '95 − 93 = 2 (naik); pertumbuhan 2 / 93 × 100 = 2,15 %; membaik (polaritas positif)'
        """
        steps = f"{_fmt(self.current)} − {_fmt(self.previous)} = {_fmt(self.value)}"
        steps += f" ({self.direction.word})"
        if self.growth is None:
            steps += f"; pertumbuhan tidak dapat dihitung: {self.growth_reason}"
        else:
            steps += (
                f"; pertumbuhan {_fmt(self.value)} / {_fmt(self.previous)} × 100"
                f" = {_fmt2(self.percent)} %"
            )
        return f"{steps}; {_verdict(self.improved)} (polaritas {_POLARITY_WORD[self.polarity]})"


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
                growth_reason="the previous value is 0",
                growth_reason_code=Reason.PREVIOUS_ZERO,
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
        return _improved(self.points, Polarity.POSITIVE)

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> now = achievement(realization=95, target="94.6")
        >>> before = achievement(realization=93, target="91.5")
        >>> achievement_change(current=now, previous=before).explain()
        '100,42 % − 101,64 % = -1,22 poin (turun)'
        """
        now, before = _fmt2(self.current.percent), _fmt2(self.previous.percent)
        return f"{now} % − {before} % = {_fmt2(self.points)} poin ({self.direction.word})"


def achievement_change(*, current: Achievement, previous: Achievement) -> AchievementChange:
    """Change in achievement (perubahan capaian) in percentage points.

    Args:
        current: This year's :class:`~sakip.Achievement`.
        previous: An earlier year's :class:`~sakip.Achievement`.

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


# --- against the end target -----------------------------------------------------------------


def _single(value: Number | TargetLike, name: str) -> Decimal:
    if isinstance(value, TargetRange):
        raise InvalidValueError(name, value, "a single number, not a range")
    if isinstance(value, Target):
        return value.value
    return to_decimal(value, name)


@attrs.frozen(kw_only=True, repr=False)
class Progress(PercentFigure):
    """Progress from the baseline (kemajuan dari kondisi awal) towards the end target, in %.

    ``(R − B) / (T_end − B) × 100``: 0 at the baseline, 100 at the end target, whatever the
    polarity (for a lower-is-better indicator both differences are negative).

    Attributes:
        value: The progress %, exact.
        realization: The realization (R).
        baseline: The baseline (B, kondisi awal).
        end_target: The end target (T_end, kondisi akhir).
    """

    realization: Decimal
    baseline: Decimal
    end_target: Decimal

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> progress(realization=95, baseline="81.79", end_target=100).explain()
        '(95 − 81,79) / (100 − 81,79) × 100 = 72,54 %'
        """
        r, b, t = _fmt(self.realization), _fmt(self.baseline), _fmt(self.end_target)
        return f"({r} − {b}) / ({t} − {b}) × 100 = {_fmt2(self.percent)} %"


def progress(
    *, realization: Number, baseline: Number, end_target: Number | TargetLike
) -> Progress:
    """Progress from the baseline towards the end target (kemajuan), in %.

    Args:
        realization: The realization so far (for a cumulative indicator, the sum to date).
        baseline: The baseline (kondisi awal).
        end_target: The end-of-plan target (kondisi akhir); a single number.

    Raises:
        UndefinedResultError: The end target equals the baseline (nothing to progress over).
        InvalidValueError: An input is not a number, or the end target is a range.

    >>> progress(realization=95, baseline="81.79", end_target=100).percent
    Decimal('72.54')
    """
    r = to_decimal(realization, "realization")
    b = to_decimal(baseline, "baseline")
    t = _single(end_target, "end_target")
    if t == b:
        raise UndefinedResultError(
            "progress",
            "the end target equals the baseline",
            (("baseline", b), ("end_target", t)),
        )
    with exact():
        value = (r - b) * HUNDRED / (t - b)
    return Progress(value=value, realization=r, baseline=b, end_target=t)


def _meets(value: Decimal, target: TargetLike, polarity: Polarity) -> bool:
    if isinstance(target, TargetRange):
        return target.low <= value <= target.high
    if polarity is Polarity.POSITIVE:
        return value >= target.value
    return value <= target.value


@attrs.frozen(kw_only=True, repr=False)
class Gap(Displayed):
    """The gap to the end target (selisih terhadap target akhir), in the indicator's unit.

    ``T_end − R``. Its sign alone does not say whether the target is met: for a positive
    indicator a positive gap is what is still missing, for a negative indicator a negative
    gap is (the realization must still fall). :attr:`met` and :attr:`remaining` read it by
    polarity.

    Attributes:
        value: ``T_end − R``, exact.
        realization: The realization (R); for a cumulative indicator, the sum to date.
        end_target: The end target.
        polarity: Whether higher is better.
    """

    value: Decimal
    realization: Decimal
    end_target: Decimal
    polarity: Polarity

    @property
    def met(self) -> bool:
        """Whether the realization already meets the end target, by polarity."""
        return _meets(self.realization, Target(self.end_target), self.polarity)

    @property
    def remaining(self) -> Decimal:
        """How far the realization still is from the end target (0 once it is met)."""
        if self.met:
            return Decimal(0)
        with exact():  # abs() rounds to the context's precision
            return abs(self.value)

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> gap(realization="69.16", end_target=70).explain()
        '70 − 69,16 = 0,84; kurang 0,84 dari target akhir (polaritas positif)'
        """
        steps = f"{_fmt(self.end_target)} − {_fmt(self.realization)} = {_fmt(self.value)}"
        if self.met:
            state = "target akhir tercapai"
        else:
            state = f"kurang {_fmt(self.remaining)} dari target akhir"
        return f"{steps}; {state} (polaritas {_POLARITY_WORD[self.polarity]})"


def gap(
    *,
    realization: Number,
    end_target: Number | TargetLike,
    polarity: Polarity | str = Polarity.POSITIVE,
) -> Gap:
    """Gap to the end target (selisih): ``T_end − R``, read by polarity.

    The gap is in the indicator's own unit: 95 % against 100 % is 5 points, not "-5 %".

    >>> g = gap(realization=95, end_target=100)
    >>> g.value, g.met
    (Decimal('5'), False)
    """
    r = to_decimal(realization, "realization")
    t = _single(end_target, "end_target")
    wanted = Polarity.parse(polarity, "polarity")
    with exact():
        return Gap(value=t - r, realization=r, end_target=t, polarity=wanted)


@attrs.frozen(kw_only=True, repr=False)
class RealizationToDate(Displayed):
    """Realization to date (realisasi kumulatif) of a cumulative (flow) indicator.

    Attributes:
        value: The sum of the years' realizations, exact.
        years: The years summed, with their values, in order.
        missing: Years of the period that have no realization (left out of the sum, and
            reported here, never read as 0).
    """

    value: Decimal
    years: tuple[tuple[int, Decimal], ...]
    missing: tuple[int, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether every year of the period has a realization."""
        return not self.missing

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> realization_to_date({2021: 120, 2022: 135, 2023: 150}).explain()
        '120 (2021) + 135 (2022) + 150 (2023) = 405'
        """
        terms = " + ".join(f"{_fmt(value)} ({year})" for year, value in self.years)
        steps = f"{terms} = {_fmt(self.value)}"
        if self.missing:
            steps += f"; tanpa realisasi: {', '.join(str(year) for year in self.missing)}"
        return steps


def _year(value: object, name: str, expected: str = "a year (int)") -> int:
    # bool is an int: True would silently be year 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(name, value, expected)
    return value


def _year_values(values: Mapping[int, Number], name: str) -> tuple[tuple[int, Decimal], ...]:
    years = [_year(year, name, "a mapping of years (int) to numbers") for year in values]
    return tuple((year, to_decimal(values[year], f"{name}[{year}]")) for year in sorted(years))


def realization_to_date(
    values: Mapping[int, Number], *, missing: Sequence[int] = ()
) -> RealizationToDate:
    """Realization to date (realisasi kumulatif): the sum of the years of a flow indicator.

    Args:
        values: Each year's realization.
        missing: Years of the period with no realization, reported in the result (never
            counted as 0).

    Raises:
        InvalidValueError: ``values`` is empty or holds something that is not a year and a
            number, or ``missing`` holds something that is not a year.

    >>> realization_to_date({2022: 10, 2023: 12}).value
    Decimal('22')
    """
    pairs = _year_values(values, "values")
    if not pairs:
        raise InvalidValueError("values", values, "at least one year's realization")
    with exact():
        total = sum((value for _, value in pairs), Decimal(0))
    gaps = sorted(_year(year, "missing", "years (int)") for year in missing)
    return RealizationToDate(value=total, years=pairs, missing=tuple(gaps))


# --- projection -----------------------------------------------------------------------------


def _least_squares(points: Sequence[tuple[int, Decimal]]) -> tuple[Decimal, Decimal]:
    """Slope per year and value at year 0 of the least-squares line through the points."""
    n = Decimal(len(points))
    mean_year = sum((Decimal(year) for year, _ in points), Decimal(0)) / n
    mean_value = sum((value for _, value in points), Decimal(0)) / n
    spread = sum(((year - mean_year) ** 2 for year, _ in points), Decimal(0))
    slope = (
        sum(((year - mean_year) * (value - mean_value) for year, value in points), Decimal(0))
        / spread
    )
    return slope, mean_value - slope * mean_year


def _average_change(points: Sequence[tuple[int, Decimal]]) -> tuple[Decimal, Decimal]:
    (first_year, first), (last_year, last) = points[0], points[-1]
    slope = (last - first) / (last_year - first_year)
    return slope, last - slope * last_year


@attrs.frozen(kw_only=True, repr=False)
class ProjectionMethod(Displayed, DescribedRule):
    """A way to project an indicator to the end year (metode proyeksi).

    Attributes:
        name: The registered name ("least-squares").
        title: What it does, in a phrase.
        line: ``line(points)`` returns the slope per year and the value at year 0 of a
            straight line through ``(year, value)`` points (at least two different years,
            sorted); it runs in sakip's private decimal context.
        source: Where the method comes from.
    """

    rule_kind = N_("Metode proyeksi")

    name: str
    title: str
    line: Callable[[Sequence[tuple[int, Decimal]]], tuple[Decimal, Decimal]] = attrs.field(
        eq=False, repr=False
    )
    source: Source


PROJECTIONS: Registry[ProjectionMethod] = Registry("projection method")
"""Every projection method, by name; register your own."""

LEAST_SQUARES = PROJECTIONS.register(
    ProjectionMethod(
        name="least-squares",
        title="straight line fitted by least squares to every year with a realization",
        line=_least_squares,
        source=Source(
            reference="Linear trend, as planners use it; no regulation prescribes a method",
            grade=EvidenceGrade.PRACTICE,
            note="sakip's default: every year with a realization counts, the baseline too.",
        ),
    )
)
"""Least squares over every year with a realization, the default [PRACTICE]."""
AVERAGE_CHANGE = PROJECTIONS.register(
    ProjectionMethod(
        name="average-change",
        title="the average yearly change from the first to the last year, from the last value",
        line=_average_change,
        source=Source(
            reference="Average yearly change, as planners use it; no regulation prescribes it",
            grade=EvidenceGrade.PRACTICE,
        ),
    )
)
"""The average yearly change from the first to the last year [PRACTICE]."""


@attrs.frozen(kw_only=True, repr=False)
class Projection(Displayed):
    """A projection (proyeksi) of an indicator to a year by a named trend method.

    Attributes:
        value: The projected value, exact.
        year: The year projected to.
        slope: The trend's change per year.
        points: The ``(year, value)`` points the trend was fitted to.
        method: The method used.
    """

    value: Decimal
    year: int
    slope: Decimal
    points: tuple[tuple[int, Decimal], ...]
    method: ProjectionMethod

    def _value_is_computed(self) -> bool:
        return True  # a trend's value, never a typed one

    def explain(self) -> str:
        """The method and its result, in Indonesian notation.

        >>> projection({2022: 90, 2023: 92, 2024: 94}, year=2026).explain()
        'tren least-squares dari 2022-2024: 2,00 per tahun; proyeksi 2026 = 98,00'
        """
        first, last = self.points[0][0], self.points[-1][0]
        return (
            f"tren {self.method.name} dari {first}-{last}: {_fmt2(self.slope)} per tahun; "
            f"proyeksi {self.year} = {_fmt2(self.value)}"
        )


def projection(
    values: Mapping[int, Number],
    *,
    year: int,
    method: ProjectionMethod | str = LEAST_SQUARES,
) -> Projection:
    """Project an indicator's value to a year (proyeksi) along a straight-line trend.

    Args:
        values: Each year's value (years with no realization are simply absent).
        year: The year to project to, usually the plan's end year.
        method: A :class:`ProjectionMethod` or its name: ``"least-squares"`` (default) or
            ``"average-change"``.

    Raises:
        UndefinedResultError: Fewer than two years have a value.
        InvalidValueError: ``year`` or a key of ``values`` is not a year (int).

    >>> projection({2022: 90, 2023: 92, 2024: 94}, year=2026).value
    Decimal('98')
    """
    chosen = PROJECTIONS.resolve(method)
    year = _year(year, "year")
    points = _year_values(values, "values")
    if len(points) < 2:
        raise UndefinedResultError(
            "projection", "a trend needs values of at least two years", (("years", len(points)),)
        )
    with exact():
        slope, intercept = chosen.line(points)
        value = intercept + slope * year
    return Projection(value=value, year=year, slope=slope, points=points, method=chosen)


@attrs.frozen(kw_only=True, repr=False)
class NeededPerYear(Displayed):
    """The change per year still needed (kebutuhan per tahun) to reach the end target.

    Attributes:
        value: ``(T_end − R) / (end year − year)``, exact, in the indicator's unit per year.
        realization: The realization of ``year`` (for a cumulative indicator, the sum to date).
        end_target: The end target.
        year: The year of the realization.
        end_year: The plan's end year.
    """

    value: Decimal
    realization: Decimal
    end_target: Decimal
    year: int
    end_year: int

    def _value_is_computed(self) -> bool:
        return True  # a trend's value, never a typed one

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> needed_per_year(realization=95, end_target=100, year=2024, end_year=2026).explain()
        '(100 − 95) / (2026 − 2024) = 2,50 per tahun'
        """
        r, t = _fmt(self.realization), _fmt(self.end_target)
        years = f"({self.end_year} − {self.year})"
        return f"({t} − {r}) / {years} = {_fmt2(self.value)} per tahun"


def needed_per_year(
    *, realization: Number, end_target: Number | TargetLike, year: int, end_year: int
) -> NeededPerYear:
    """The change per year still needed to reach the end target (kebutuhan per tahun).

    Raises:
        UndefinedResultError: No year is left (``year`` is the end year or later).
        InvalidValueError: An input is not a number, ``end_target`` is a range, or a year is
            not an int.

    >>> needed_per_year(realization=95, end_target=100, year=2024, end_year=2026).value
    Decimal('2.5')
    """
    r = to_decimal(realization, "realization")
    t = _single(end_target, "end_target")
    year, end_year = _year(year, "year"), _year(end_year, "end_year")
    if end_year <= year:
        raise UndefinedResultError(
            "change needed per year",
            "no year is left before the end of the plan",
            (("year", year), ("end_year", end_year)),
        )
    with exact():
        value = (t - r) / (end_year - year)
    return NeededPerYear(value=value, realization=r, end_target=t, year=year, end_year=end_year)


# --- against a standard ---------------------------------------------------------------------


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
        return _meets(self.realization, self.standard.value, self.polarity)

    @property
    def position(self) -> str:
        """``"above"``, ``"below"``, ``"equal"`` or, for a range, ``"within"``."""
        value = self.standard.value
        if isinstance(value, TargetRange):
            if self.realization in value:
                return "within"
            return "below" if self.realization < value.low else "above"
        direction = Direction.of(self.realization - value.value)
        return {Direction.UP: "above", Direction.DOWN: "below"}.get(direction, "equal")

    @property
    def source(self) -> str:
        """Who sets the standard, and where."""
        return self.standard.source

    def explain(self) -> str:
        """The comparison with its numbers, in Indonesian notation.

        >>> s = sakip.NationalStandard(indicator="X", value=90, source="SPM")
        >>> compare_with_standard(realization=95, standard=s).explain()
        '95 di atas standar 90 (SPM): 95 / 90 × 100 = 105,56 %; memenuhi standar'
        """
        where = {"above": "di atas", "below": "di bawah", "equal": "sama dengan"}.get(
            self.position, "dalam rentang"
        )
        verdict = "memenuhi standar" if self.meets else "belum memenuhi standar"
        return (
            f"{_fmt(self.realization)} {where} standar {_show(self.standard.value)} "
            f"({self.source}): {self.achievement.explain()}; {verdict}"
        )


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

    def explain(self) -> str:
        """The state, in Indonesian.

        >>> NoStandard(indicator="IKU-1").explain()
        'tidak ada standar nasional untuk IKU-1: tidak dapat dibandingkan'
        """
        subject = f" untuk {self.indicator}" if self.indicator else ""
        return f"tidak ada standar nasional{subject}: tidak dapat dibandingkan"


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


# --- the history of an indicator in a dataset -----------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class YearRow(Displayed):
    """One year of an indicator's series: target, realization, achievement and rating.

    Missing data is explicit: a year with no realization has ``realization`` ``None`` (never
    0) and :attr:`reason` says why the achievement is missing.

    Attributes:
        year: The year.
        target: The year's target, or ``None``.
        target_source: ``"PK"`` (the performance agreement), ``"Renstra"`` or ``None``.
        realization: The year's realization, or ``None`` when none is reported.
        missing_quarters: Quarters not reported, when the year is built from quarters.
        achievement: The achievement, or ``None`` when not computable.
        reason: Why the achievement is not computable, or ``None``.
        reason_code: The :class:`Reason` for :attr:`reason`, or ``None``.
        rating: The achievement's rating, or ``None``.
        change: The change from the previous row, or ``None`` when either is missing.
        achievement_change: The change in achievement from the previous row, or ``None``.
        baseline: Whether the row is the plan's baseline (kondisi awal).
    """

    year: int
    target: TargetLike | None
    target_source: str | None
    realization: Decimal | None
    missing_quarters: tuple[int, ...] = ()
    achievement: Achievement | None = None
    reason: str | None = None
    reason_code: Reason | None = None
    rating: Rating | None = None
    change: Change | None = None
    achievement_change: AchievementChange | None = None
    baseline: bool = False

    def explain(self) -> str:
        """The row in words, in Indonesian notation."""
        label = f"{self.year} (kondisi awal)" if self.baseline else str(self.year)
        target = _show(self.target)
        real = "tidak dilaporkan" if self.realization is None else _fmt(self.realization)
        if self.missing_quarters:
            absent = ", ".join(f"TW {Quarter(self.year, q).roman}" for q in self.missing_quarters)
            real += f" ({absent} tidak dilaporkan)"
        parts = [f"{label}: target {target}, realisasi {real}"]
        if self.achievement is not None:
            parts.append(f"capaian {self.achievement.explain()}")
            parts.append(f"kategori {self.rating}")
        elif self.reason is not None:
            parts.append(f"capaian tidak dapat dihitung: {self.reason}")
        if self.change is not None:
            parts.append(f"dibanding tahun sebelumnya {self.change.explain()}")
        return "; ".join(parts)


@attrs.frozen(kw_only=True, repr=False)
class EndTargetComparison(Displayed):
    """A comparison with the Renstra end target (target akhir), for one year.

    For a cumulative (flow) indicator the figure compared is the realization to date (the sum
    of the plan's years so far), for any other indicator the year's realization. Every part
    that cannot be computed is ``None`` and :attr:`reasons` says why, by part name.

    Attributes:
        year: The year compared.
        end_year: The plan's end year.
        end_target: The end target.
        polarity: Whether higher is better.
        baseline: The baseline (kondisi awal), when the plan has one.
        realization: The figure compared (the year's, or the sum to date); ``None`` when
            not reported.
        to_date: For a cumulative indicator, the sum to date.
        gap: ``T_end − R``.
        achievement: The realization against the end target.
        progress: Progress from the baseline.
        projection: The projected end-year value.
        needed: The change per year still needed.
        on_track: Whether the projection meets the end target: its achievement against the
            end target prints 100 or more (:attr:`Achievement.met`); ``None`` when there is
            no projection, or the formula cannot score it.
        reasons: Why a part is missing, as ``(part, reason)`` pairs.
        reason_codes: The :class:`Reason` of each of :attr:`reasons`, as ``(part, code)``
            pairs in the same order; the code is ``None`` for a reason sakip does not know.
    """

    year: int
    end_year: int
    end_target: TargetLike
    polarity: Polarity
    baseline: Decimal | None
    realization: Decimal | None
    to_date: RealizationToDate | None = None
    gap: Gap | None = None
    achievement: Achievement | None = None
    progress: Progress | None = None
    projection: Projection | None = None
    needed: NeededPerYear | None = None
    on_track: bool | None = None
    reasons: tuple[tuple[str, str], ...] = ()
    reason_codes: tuple[tuple[str, Reason | None], ...] = ()

    def explain(self) -> str:
        """The comparison in words, in Indonesian notation."""
        lines = [f"target akhir {self.end_year}: {_show(self.end_target)}"]
        parts: list[tuple[str, str, object]] = [
            ("to_date", "realisasi kumulatif", self.to_date),
            ("gap", "selisih", self.gap),
            ("achievement", "capaian terhadap target akhir", self.achievement),
            ("progress", "kemajuan dari kondisi awal", self.progress),
            ("projection", "proyeksi", self.projection),
            ("needed", "kebutuhan per tahun", self.needed),
        ]
        reasons = dict(self.reasons)
        for key, label, part in parts:
            if part is not None:
                lines.append(f"{label}: {part.explain()}")  # type: ignore[attr-defined]  # every part has explain()
            elif key in reasons:
                lines.append(f"{label}: tidak dapat dihitung ({reasons[key]})")
        if self.on_track is not None:
            lines.append("sesuai jalur" if self.on_track else "tidak sesuai jalur")
        return "\n".join(lines)


@attrs.frozen(kw_only=True, repr=False)
class IndicatorHistory(Displayed):
    """Everything chapter III of a report says about one indicator in one year.

    Attributes:
        indicator: The indicator.
        year: The report year.
        current: This year against its target (a).
        series: The baseline and every year of the plan, with changes year on year (b); years
            after the report year show their targets only.
        end: The comparison with the end target (c), or ``None`` when the plan has no end
            target for the indicator (see :attr:`reasons`).
        standard: The comparison with a national standard, or :class:`NoStandard` (d); ``None``
            when a standard exists but the year has no realization (see :attr:`reasons`).
        reasons: Why a part is missing, as ``(part, reason)`` pairs.
        reason_codes: The :class:`Reason` of each of :attr:`reasons`, as ``(part, code)``
            pairs in the same order; the code is ``None`` for a reason sakip does not know.
    """

    indicator: Indicator
    year: int
    current: YearRow
    series: tuple[YearRow, ...]
    end: EndTargetComparison | None
    standard: StandardComparison | NoStandard | None
    reasons: tuple[tuple[str, str], ...] = ()
    reason_codes: tuple[tuple[str, Reason | None], ...] = ()

    @property
    def polarity(self) -> Polarity:
        """The indicator's polarity."""
        return self.indicator.polarity

    def row(self, year: int) -> YearRow:
        """The series row of a year."""
        for row in self.series:
            if row.year == year:
                return row
        raise NotFoundError("year in the series", str(year), (str(r.year) for r in self.series))

    def change_since(self, year: int) -> Change:
        """The change from an earlier year's realization to this year's.

        Raises:
            NotFoundError: The year is not in the series.
            UndefinedResultError: One of the two years has no realization.
        """
        earlier = self.row(year)
        if self.current.realization is None or earlier.realization is None:
            raise UndefinedResultError(
                "change",
                "a year in the comparison has no realization",
                (("current", self.current.realization), ("previous", earlier.realization)),
            )
        return change(
            current=self.current.realization,
            previous=earlier.realization,
            polarity=self.polarity,
        )

    def explain(self) -> str:
        """The four comparisons in words, in Indonesian notation."""
        head = f"{self.indicator.code} {self.indicator.name} ({self.indicator.unit})"
        lines = [head, self.current.explain()]
        lines += [row.explain() for row in self.series if row.year != self.year]
        if self.end is not None:
            lines.append(self.end.explain())
        if self.standard is not None:
            lines.append(self.standard.explain())
        lines += [f"{part}: tidak dapat dihitung ({reason})" for part, reason in self.reasons]
        return "\n".join(lines)


def _year_target(dataset: Dataset, code: str, year: int) -> tuple[TargetLike | None, str | None]:
    for agreement in dataset.agreements:
        if agreement.year == year:
            try:
                return agreement.target(code), "PK"
            except NotFoundError:
                break
    try:
        return dataset.plan.target(code, year), "Renstra"
    except NotFoundError:
        return None, None


def _year_realization(
    dataset: Dataset, indicator: Indicator, year: int
) -> tuple[Decimal | None, tuple[int, ...]]:
    try:
        aggregate = year_value(indicator, dataset.realizations_of(indicator.code), year)
    except NotFoundError:
        return None, ()
    return aggregate.value, tuple(aggregate.missing)


def year_row(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
) -> YearRow:
    """One year of an indicator: target (PK, else Renstra), realization, achievement, rating.

    Args:
        dataset: The plan, agreements and realizations.
        code: The indicator's code.
        year: The year.
        scale: The rating scale for the achievement.
    """
    indicator = dataset.plan.indicator(code)
    target, source = _year_target(dataset, code, year)
    realization, missing = _year_realization(dataset, indicator, year)
    row = YearRow(
        year=year,
        target=target,
        target_source=source,
        realization=realization,
        missing_quarters=missing,
    )
    if realization is None:
        return attrs.evolve(
            row,
            reason="no realization is reported for the year",
            reason_code=Reason.NO_REALIZATION,
        )
    if target is None:
        return attrs.evolve(row, reason="the year has no target", reason_code=Reason.NO_TARGET)
    try:
        achieved = achievement(
            realization=realization,
            target=target,
            polarity=indicator.polarity,
            formula=indicator.formula,
        )
    except SakipError as error:
        return attrs.evolve(row, reason=str(error), reason_code=_code_of(error))
    return attrs.evolve(row, achievement=achieved, rating=classify(achieved, scale=scale))


def _with_change(row: YearRow, previous: YearRow | None, polarity: Polarity) -> YearRow:
    if previous is None or previous.realization is None or row.realization is None:
        return row
    moved = change(current=row.realization, previous=previous.realization, polarity=polarity)
    points = None
    if row.achievement is not None and previous.achievement is not None:
        points = achievement_change(current=row.achievement, previous=previous.achievement)
    return attrs.evolve(row, change=moved, achievement_change=points)


def _series(
    dataset: Dataset, indicator: Indicator, year: int, scale: RatingScale | str
) -> tuple[YearRow, ...]:
    baseline = _baseline_row(dataset, indicator.code)
    rows = [] if baseline is None else [baseline]
    for plan_year in dataset.plan.years:
        if plan_year > year:
            rows.append(_future_row(dataset, indicator.code, plan_year))
        else:
            rows.append(year_row(dataset, indicator.code, plan_year, scale=scale))
    if all(row.year != year for row in rows):
        rows.append(year_row(dataset, indicator.code, year, scale=scale))
    rows.sort(key=lambda row: row.year)
    by_year = {row.year: row for row in rows}
    return tuple(_with_change(row, by_year.get(row.year - 1), indicator.polarity) for row in rows)


def _baseline_row(dataset: Dataset, code: str) -> YearRow | None:
    """The plan's baseline as a row, when it has one dated before the plan's first year."""
    line = _plan_line(dataset, code)
    if line is None or line.baseline is None:
        return None
    start = dataset.plan.start_year
    baseline_year = start - 1 if line.baseline_year is None else line.baseline_year
    if baseline_year >= start:
        return None
    return YearRow(
        year=baseline_year,
        target=None,
        target_source=None,
        realization=line.baseline,
        reason="the baseline has no target",
        reason_code=Reason.NO_TARGET,
        baseline=True,
    )


def _future_row(dataset: Dataset, code: str, year: int) -> YearRow:
    """A plan year after the report year: its target only."""
    target, source = _year_target(dataset, code, year)
    return YearRow(
        year=year,
        target=target,
        target_source=source,
        realization=None,
        reason="after the report year",
        reason_code=Reason.AFTER_REPORT_YEAR,
    )


def _plan_line(dataset: Dataset, code: str) -> IndicatorPlan | None:
    try:
        return dataset.plan.plan_for(code)
    except NotFoundError:
        return None


def _attempt(
    part: str,
    compute: Callable[[], _T],
    reasons: list[_Why],
    codes: Mapping[type[SakipError], Reason] | None = None,
) -> _T | None:
    """``compute()``, or ``None`` with the reason it raised (coded by ``codes``) in ``reasons``."""
    try:
        return compute()
    except SakipError as error:
        reasons.append((part, _code_of(error, codes), str(error)))
        return None


def _split(
    reasons: Sequence[_Why],
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, Reason | None], ...]]:
    """The ``reasons`` and ``reason_codes`` fields of a result."""
    texts = tuple((part, text) for part, _, text in reasons)
    return texts, tuple((part, code) for part, code, _ in reasons)


def _to_date(series: Sequence[YearRow], start: int, year: int) -> RealizationToDate | None:
    rows = [row for row in series if start <= row.year <= year and not row.baseline]
    values = {row.year: row.realization for row in rows if row.realization is not None}
    if not values:
        return None
    missing = [row.year for row in rows if row.realization is None]
    return realization_to_date(values, missing=missing)


def _trend_points(
    series: Sequence[YearRow], year: int, to_date: RealizationToDate | None
) -> dict[int, Decimal]:
    if to_date is None:
        return {
            row.year: row.realization
            for row in series
            if row.year <= year and row.realization is not None
        }
    running: dict[int, Decimal] = {}
    total = Decimal(0)
    with exact():
        for trend_year, value in to_date.years:
            total += value
            running[trend_year] = total
    return running


def _end_comparison(
    dataset: Dataset,
    indicator: Indicator,
    year: int,
    series: Sequence[YearRow],
    method: ProjectionMethod | str,
) -> EndTargetComparison:
    plan = dataset.plan
    to_date = _to_date(series, plan.start_year, year) if indicator.cumulative else None
    current = next(row for row in series if row.year == year)
    result = EndTargetComparison(
        year=year,
        end_year=plan.end_year,
        end_target=plan.end_target(indicator.code),
        polarity=indicator.polarity,
        baseline=plan.plan_for(indicator.code).baseline,
        realization=to_date.value if to_date is not None else current.realization,
        to_date=to_date,
    )
    if result.realization is None:
        why = "no realization is reported for the year"
        texts, codes = _split([(part, Reason.NO_REALIZATION, why) for part in _END_PARTS])
        return attrs.evolve(result, reasons=texts, reason_codes=codes)
    return _end_parts(result, result.realization, indicator.formula, series, method)


def _end_parts(
    result: EndTargetComparison,
    r: Decimal,
    formula: str | None,
    series: Sequence[YearRow],
    method: ProjectionMethod | str,
) -> EndTargetComparison:
    """The comparison's parts for realization ``r``, each computed or given a reason."""
    end_target, polarity, year = result.end_target, result.polarity, result.year
    reasons: list[_Why] = []
    found_gap = _attempt(
        "gap",
        lambda: gap(realization=r, end_target=end_target, polarity=polarity),
        reasons,
        {InvalidValueError: Reason.RANGE_END_TARGET},
    )
    achieved = _attempt(
        "achievement",
        lambda: achievement(realization=r, target=end_target, polarity=polarity, formula=formula),
        reasons,
    )
    moved = _end_progress(r, result.baseline, end_target, reasons)
    projected = _end_projection(
        series, year, result.to_date, end_year=result.end_year, method=method, reasons=reasons
    )
    needed = _attempt(
        "needed",
        lambda: needed_per_year(
            realization=r, end_target=end_target, year=year, end_year=result.end_year
        ),
        reasons,
        {InvalidValueError: Reason.RANGE_END_TARGET, UndefinedResultError: Reason.LAST_PLAN_YEAR},
    )
    texts, codes = _split(reasons)
    return attrs.evolve(
        result,
        gap=found_gap,
        achievement=achieved,
        progress=moved,
        projection=projected,
        needed=needed,
        on_track=None if projected is None else _on_track(projected.value, result, formula),
        reasons=texts,
        reason_codes=codes,
    )


def _on_track(projected: Decimal, result: EndTargetComparison, formula: str | None) -> bool | None:
    """Whether the projection meets the end target, as its achievement would print it."""
    try:
        scored = achievement(
            realization=projected,
            target=result.end_target,
            polarity=result.polarity,
            formula=formula,
        )
    except UndefinedAchievementError:
        return None  # a projection the formula cannot score says nothing about the target
    return scored.met


_END_PARTS = ("gap", "achievement", "progress", "projection", "needed")


def _end_progress(
    realization: Decimal,
    baseline: Decimal | None,
    end_target: TargetLike,
    reasons: list[_Why],
) -> Progress | None:
    if baseline is None:
        reasons.append(
            ("progress", Reason.NO_BASELINE, "the plan has no baseline for the indicator")
        )
        return None
    return _attempt(
        "progress",
        lambda: progress(realization=realization, baseline=baseline, end_target=end_target),
        reasons,
        {
            InvalidValueError: Reason.RANGE_END_TARGET,
            UndefinedResultError: Reason.BASELINE_IS_END_TARGET,
        },
    )


def _end_projection(
    series: Sequence[YearRow],
    year: int,
    to_date: RealizationToDate | None,
    *,
    end_year: int,
    method: ProjectionMethod | str,
    reasons: list[_Why],
) -> Projection | None:
    if year >= end_year:
        reasons.append(
            ("projection", Reason.LAST_PLAN_YEAR, "the report year is the plan's last year")
        )
        return None
    if to_date is not None and to_date.missing:
        missing = ", ".join(str(y) for y in to_date.missing)
        why = UndefinedResultError(
            "projection", f"a running total needs every year; no realization in {missing}"
        )
        reasons.append(("projection", Reason.YEARS_MISSING, str(why)))
        return None
    return _attempt(
        "projection",
        lambda: projection(_trend_points(series, year, to_date), year=end_year, method=method),
        reasons,
        {UndefinedResultError: Reason.TOO_FEW_YEARS},
    )


def _standard(dataset: Dataset, code: str, year: int) -> NationalStandard | None:
    found = [s for s in dataset.standards if s.indicator == code and s.year in (year, None)]
    found.sort(key=lambda s: s.year is None)
    return found[0] if found else None


def history(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
    projection_method: ProjectionMethod | str = LEAST_SQUARES,
) -> IndicatorHistory:
    """The history of an indicator (analisis capaian kinerja) for chapter III of a report.

    The four comparisons PermenPANRB 53/2014 asks for, for one indicator and year:

    (a) this year against its target: the target of the year's performance agreement (PK)
    when the dataset has one that lists the indicator, else the Renstra target; the
    realization (quarters aggregated by the indicator's declared method); the achievement and
    its rating;
    (b) the series of the baseline and every year of the plan, each with its change from the
    previous year (difference, growth %, achievement change in points, improved or not);
    (c) the end target: gap, achievement against it, progress from the baseline, the sum to
    date for a cumulative indicator (which then stands for R in every part of (c)), the
    projection to the end year, the change per year still needed, and whether the indicator
    is on track;
    (d) a national standard from the dataset (one for the year before one for every year), or
    :class:`NoStandard`.

    Nothing missing is read as 0: a year with no realization has ``realization`` ``None``, and
    every part that cannot be computed says why.

    Args:
        dataset: The plan, agreements, realizations and standards.
        code: The indicator's code.
        year: The report year.
        scale: The rating scale for achievements.
        projection_method: How to project to the end year (:data:`~sakip.compare.PROJECTIONS`).

    Raises:
        NotFoundError: The plan has no indicator with that code.
    """
    indicator = dataset.plan.indicator(code)
    series = _series(dataset, indicator, year, scale)
    current = next(row for row in series if row.year == year)
    reasons: list[_Why] = []
    end = _attempt(
        "end target",
        lambda: _end_comparison(dataset, indicator, year, series, projection_method),
        reasons,
        {NotFoundError: Reason.NO_END_TARGET},
    )
    standard = _standard_part(dataset, indicator, current, reasons)
    texts, codes = _split(reasons)
    return IndicatorHistory(
        indicator=indicator,
        year=year,
        current=current,
        series=series,
        end=end,
        standard=standard,
        reasons=texts,
        reason_codes=codes,
    )


def _standard_part(
    dataset: Dataset, indicator: Indicator, current: YearRow, reasons: list[_Why]
) -> StandardComparison | NoStandard | None:
    standard = _standard(dataset, indicator.code, current.year)
    if standard is None:
        return NoStandard(indicator=indicator.code, year=current.year)
    if current.realization is None:
        reasons.append(
            ("standard", Reason.NO_REALIZATION, "no realization is reported for the year")
        )
        return None
    return compare_with_standard(
        realization=current.realization,
        standard=standard,
        polarity=indicator.polarity,
        formula=indicator.formula,
    )
