"""Against the end target (perbandingan dengan target akhir Renstra).

- :func:`~sakip.gap`: what is left to the end target (selisih);
- :func:`~sakip.progress`: progress from the baseline to the end target (kemajuan);
- :func:`~sakip.realization_to_date`: the sum of the years of a cumulative (flow) indicator;
- :func:`~sakip.projection`: the end year's value by a named trend method
  (:data:`~sakip.end_target.PROJECTIONS`);
- :func:`~sakip.needed_per_year`: the yearly change still needed to reach the end target.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._comparing import POLARITY, as_year, meets, single, year_values
from sakip._decimal import HUNDRED, Number, exact, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip._results import PercentFigure
from sakip.exceptions import InvalidValueError, UndefinedResultError
from sakip.model import Polarity, Target, TargetLike
from sakip.reasons import Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "AVERAGE_CHANGE",
    "LEAST_SQUARES",
    "PROJECTIONS",
    "Gap",
    "NeededPerYear",
    "Progress",
    "Projection",
    "ProjectionMethod",
    "RealizationToDate",
    "gap",
    "needed_per_year",
    "progress",
    "projection",
    "realization_to_date",
]


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

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> progress(realization=95, baseline="81.79", end_target=100).explain()
        '(95 − 81,79) / (100 − 81,79) × 100 = 72,54 %'
        >>> progress(realization=95, baseline="81.79", end_target=100).explain(lang="en")
        '(95 − 81.79) / (100 − 81.79) × 100 = 72.54%'
        """
        w = Writing.of(lang, numbers)
        r, b, t = w.n(self.realization), w.n(self.baseline), w.n(self.end_target)
        return f"({r} − {b}) / ({t} − {b}) × 100 = {w.pct(self.percent)}"


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
    t = single(end_target, "end_target")
    if t == b:
        raise UndefinedResultError(
            "progress",
            "the end target equals the baseline",
            (("baseline", b), ("end_target", t)),
            Reason.BASELINE_IS_END_TARGET,
        )
    with exact():
        value = (r - b) * HUNDRED / (t - b)
    return Progress(value=value, realization=r, baseline=b, end_target=t)


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
        return meets(self.realization, Target(self.end_target), self.polarity)

    @property
    def remaining(self) -> Decimal:
        """How far the realization still is from the end target (0 once it is met)."""
        if self.met:
            return Decimal(0)
        with exact():  # abs() rounds to the context's precision
            return abs(self.value)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> gap(realization="69.16", end_target=70).explain()
        '70 − 69,16 = 0,84; kurang 0,84 dari target akhir (polaritas positif)'
        >>> gap(realization="69.16", end_target=70).explain(lang="en")
        '70 − 69.16 = 0.84; 0.84 short of the end target (higher is better)'
        """
        w = Writing.of(lang, numbers)
        steps = f"{w.n(self.end_target)} − {w.n(self.realization)} = {w.n(self.value)}"
        if self.met:
            state = w.gettext(
                "target akhir tercapai ({polarity})", polarity=w.gettext(POLARITY[self.polarity])
            )
        else:
            state = w.gettext(
                "kurang {remaining} dari target akhir ({polarity})",
                remaining=w.n(self.remaining),
                polarity=w.gettext(POLARITY[self.polarity]),
            )
        return f"{steps}; {state}"


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
    t = single(end_target, "end_target")
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

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> realization_to_date({2021: 120, 2022: 135, 2023: 150}).explain()
        '120 (2021) + 135 (2022) + 150 (2023) = 405'
        >>> realization_to_date({2021: 120}, missing=[2022]).explain(lang="en")
        '120 (2021) = 120; no realization: 2022'
        """
        w = Writing.of(lang, numbers)
        terms = " + ".join(f"{w.n(value)} ({year})" for year, value in self.years)
        steps = f"{terms} = {w.n(self.value)}"
        if self.missing:
            years = ", ".join(str(year) for year in self.missing)
            steps += "; " + w.gettext("tanpa realisasi: {years}", years=years)
        return steps


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
    pairs = year_values(values, "values")
    if not pairs:
        raise InvalidValueError("values", values, "at least one year's realization")
    with exact():
        total = sum((value for _, value in pairs), Decimal(0))
    gaps = sorted(as_year(year, "missing", "years (int)") for year in missing)
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

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The method and its result, in ``lang`` (numbers in ``numbers``' notation).

        >>> projection({2022: 90, 2023: 92, 2024: 94}, year=2026).explain()
        'tren least-squares dari 2022-2024: 2,00 per tahun; proyeksi 2026 = 98,00'
        >>> projection({2022: 90, 2023: 92, 2024: 94}, year=2026).explain(lang="en")
        'least-squares trend over 2022-2024: 2.00 a year; projection for 2026 = 98.00'
        """
        w = Writing.of(lang, numbers)
        return w.gettext(
            "tren {method} dari {first}-{last}: {slope} per tahun; proyeksi {year} = {value}",
            method=self.method.name,
            first=self.points[0][0],
            last=self.points[-1][0],
            slope=w.n2(self.slope),
            year=self.year,
            value=w.n2(self.value),
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
    year = as_year(year, "year")
    points = year_values(values, "values")
    if len(points) < 2:
        raise UndefinedResultError(
            "projection",
            "a trend needs values of at least two years",
            (("years", len(points)),),
            Reason.TOO_FEW_YEARS,
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

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> needed = needed_per_year(realization=95, end_target=100, year=2024, end_year=2026)
        >>> needed.explain()
        '(100 − 95) / (2026 − 2024) = 2,50 per tahun'
        >>> needed.explain(lang="en")
        '(100 − 95) / (2026 − 2024) = 2.50 a year'
        """
        w = Writing.of(lang, numbers)
        return w.gettext(
            "({end_target} − {realization}) / ({end_year} − {year}) = {value} per tahun",
            end_target=w.n(self.end_target),
            realization=w.n(self.realization),
            end_year=self.end_year,
            year=self.year,
            value=w.n2(self.value),
        )


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
    t = single(end_target, "end_target")
    year, end_year = as_year(year, "year"), as_year(end_year, "end_year")
    if end_year <= year:
        raise UndefinedResultError(
            "change needed per year",
            "no year is left before the end of the plan",
            (("year", year), ("end_year", end_year)),
            Reason.LAST_PLAN_YEAR,
        )
    with exact():
        value = (t - r) / (end_year - year)
    return NeededPerYear(value=value, realization=r, end_target=t, year=year, end_year=end_year)
