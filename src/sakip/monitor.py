"""Quarterly and monthly monitoring (pemantauan triwulanan dan bulanan): targets to date.

Agencies follow the year quarter by quarter (triwulan, TW I-IV) and often month by month (the
rencana aksi of a performance agreement): a target per period (:class:`~sakip.PeriodTarget`)
and a realization per period. :func:`~sakip.monitoring` gives, for every indicator with
periods below the year, up to an explicit as-of period:

- each period's target, its own realization and the realization to date, taken together by the
  indicator's :class:`~sakip.Aggregation` (:func:`~sakip.combine`);
- each period's achievement against its own target: the realization to date against a
  cumulative target, the period's own realization against a per-period one, as the indicator's
  :attr:`~sakip.Indicator.period_basis` declares (never guessed);
- each period's achievement against the year's target (the performance agreement's, else the
  Renstra's): the realization to date against it;
- the year's projection from the periods to date, by the rule :data:`sakip.monitor.RUN_RATE`;
- the periods without a realization, listed, never read as 0.

The results hold numbers, periods and :class:`~sakip.Missing` reasons; their words come from
the text layer (the report's monitoring table, :func:`sakip.build_report` with ``as_of=``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeAlias, cast

import attrs

from sakip._decimal import exact
from sakip._display import Displayed
from sakip.achievement import Achievement, achievement
from sakip.aggregation import AGGREGATIONS, combine, period_of
from sakip.exceptions import InvalidValueError, NotFoundError, SakipError
from sakip.model import (
    Aggregation,
    ComparatorTarget,
    Dataset,
    Indicator,
    LevelTarget,
    PeriodBasis,
    PeriodTarget,
    Realization,
    Target,
    TargetLike,
    TargetRange,
)
from sakip.periods import FiscalYear, Month, Period, Quarter, Semester
from sakip.reasons import Figure, Missing, Part, Reason, Value
from sakip.rules import EvidenceGrade, Source

__all__ = [
    "RUN_RATE",
    "IndicatorMonitoring",
    "Monitoring",
    "PeriodRow",
    "SubPeriod",
    "monitoring",
    "parse_period",
    "period_target",
]

SubPeriod: TypeAlias = Quarter | Month
"""A period a monitoring table has a row for, a quarter or a month."""

RUN_RATE = Source(
    reference="sakip's documented choice (straight-line run rate)",
    location="docs/explanation/periods-and-aggregation.md, 'The year's projection'",
    grade=EvidenceGrade.POLICY,
    note=(
        "sum: the total to date × periods in the year / periods to date, only when every "
        "period to date is reported; last, average and ratio: the value to date"
    ),
)
"""The rule behind :attr:`sakip.IndicatorMonitoring.projection` (grade POLICY: no regulation sets
one). A count or an amount (``sum``) goes on at the pace of the periods to date; a level, a
mean or a ratio is projected as it stands. Its name in results is ``"run-rate"``."""


_PERIOD_EXPECTED = (
    "a period such as 'TW II 2024', 'Triwulan II 2024', 'Q2 2024', 'Semester I 2024', "
    "'Januari 2024', 'Jan 2024', '2024-01' or 'TA 2024'"
)


def parse_period(text: str, *, year: int | None = None) -> Period:
    """The period a text names: a quarter, a semester, a month or a fiscal year.

    Reads what :meth:`Quarter.parse <sakip.Quarter.parse>`, :meth:`Semester.parse
    <sakip.Semester.parse>`, :meth:`Month.parse <sakip.Month.parse>` and
    :meth:`FiscalYear.parse <sakip.FiscalYear.parse>` read.

    >>> [str(sakip.parse_period(t)) for t in ("TW II 2024", "Q2 2024", "2024-01", "Jan 2024")]
    ['TW II 2024', 'TW II 2024', 'Januari 2024', 'Januari 2024']
    >>> str(sakip.parse_period("Semester I", year=2024))
    'Semester I 2024'

    Raises:
        InvalidValueError: The text names no period, or names a year other than ``year``.
    """
    if not isinstance(text, str):
        raise InvalidValueError("period", text, _PERIOD_EXPECTED)
    parsers = (Quarter.parse, Semester.parse, Month.parse)
    for parse in parsers:
        try:
            return parse(text, year=year)
        except InvalidValueError as error:
            if error.name == "year":  # the text names a period, of another year
                raise
    try:
        found = FiscalYear.parse(text)
    except InvalidValueError:
        raise InvalidValueError("period", text, _PERIOD_EXPECTED) from None
    if year is not None and found.year != year:
        raise InvalidValueError("year", year, f"the year the text names ({found.year})")
    return found


@attrs.frozen(kw_only=True, repr=False)
class PeriodRow(Displayed):
    """One quarter or month of an indicator (baris pemantauan).

    Attributes:
        period: The quarter or month.
        target: The period's target, as the data gives it; ``None`` when it has none.
        realization: The period's own realization; ``None`` when not reported (never 0).
        to_date: The realization from the year's start to this period, by the indicator's
            aggregation; ``None`` when it cannot be given (see ``to_date_missing``).
        achievement: Against the period's own target (see :data:`~sakip.PeriodBasis`).
        year_achievement: The realization to date against the year's target.
        missing_periods: The periods up to this one without a realization.
        to_date_missing: Why ``to_date`` is missing.
        achievement_missing: Why ``achievement`` is missing.
        year_achievement_missing: Why ``year_achievement`` is missing.
    """

    period: SubPeriod
    target: TargetLike | None = None
    realization: Decimal | None = None
    to_date: Decimal | None = None
    achievement: Achievement | None = None
    year_achievement: Achievement | None = None
    missing_periods: tuple[SubPeriod, ...] = ()
    to_date_missing: Missing | None = None
    achievement_missing: Missing | None = None
    year_achievement_missing: Missing | None = None

    def _headline(self) -> str:
        realized = "—" if self.realization is None else self.realization
        return f"{self.period}: {realized} of {'—' if self.target is None else self.target}"


@attrs.frozen(kw_only=True, repr=False)
class IndicatorMonitoring(Displayed):
    """One indicator's periods to date, its year's target and the year's projection.

    Attributes:
        indicator: The indicator.
        year: The fiscal year.
        basis: What its period targets count (``None`` when it has none).
        year_target: The year's target: the performance agreement's, else the Renstra's.
        rows: One row per period from the year's first to the as-of period.
        missing_periods: The periods to date without a realization.
        projection: The year's value projected from the periods to date
            (:data:`sakip.monitor.RUN_RATE`).
        projection_rule: The projection rule's name, ``"run-rate"``.
        projection_missing: Why ``projection`` is missing.
    """

    indicator: Indicator
    year: int
    basis: PeriodBasis | None
    year_target: TargetLike | None
    rows: tuple[PeriodRow, ...]
    missing_periods: tuple[SubPeriod, ...] = ()
    projection: Decimal | None = None
    projection_rule: str = "run-rate"
    projection_missing: Missing | None = None

    def _headline(self) -> str:
        return f"{self.indicator.code} {self.year}: {len(self.rows)} periods"

    def row(self, period: SubPeriod) -> PeriodRow:
        """The row of one period."""
        for found in self.rows:
            if found.period == period:
                return found
        raise NotFoundError("period", str(period), (str(r.period) for r in self.rows))


@attrs.frozen(kw_only=True, repr=False)
class Monitoring(Displayed):
    """The monitoring of a year up to an as-of period (pemantauan kinerja s.d. periode).

    Attributes:
        year: The fiscal year.
        as_of: The last period considered, explicit (never today's date).
        indicators: One entry per indicator with a period target or a realization of a
            period of the table's kind (quarters or months) in the year, in the plan's order.
    """

    year: int
    as_of: SubPeriod
    indicators: tuple[IndicatorMonitoring, ...]

    def _headline(self) -> str:
        return f"{self.as_of}: {len(self.indicators)} indicators"

    def indicator(self, code: str) -> IndicatorMonitoring:
        """The monitoring of one indicator."""
        for found in self.indicators:
            if found.indicator.code == code:
                return found
        raise NotFoundError(
            "indicator in the monitoring", code, (i.indicator.code for i in self.indicators)
        )


def _as_of(as_of: Period | str) -> SubPeriod:
    """The last quarter or month a table covers; a semester or a year ends with its quarter."""
    chosen = parse_period(as_of) if isinstance(as_of, str) else as_of
    if isinstance(chosen, Quarter | Month):
        return chosen
    if isinstance(chosen, Semester):
        return chosen.quarters[1]
    if isinstance(chosen, FiscalYear):
        return chosen.quarters[3]
    raise InvalidValueError("as_of", as_of, _PERIOD_EXPECTED)


def _periods(as_of: SubPeriod) -> tuple[SubPeriod, ...]:
    if isinstance(as_of, Month):
        return FiscalYear(as_of.year).months[: as_of.number]
    return FiscalYear(as_of.year).quarters[: as_of.number]


def _of_kind(period: SubPeriod, quarter: int | None, month: int | None) -> bool:
    return (month is not None) if isinstance(period, Month) else (quarter is not None)


def _realizations(dataset: Dataset, code: str, as_of: SubPeriod) -> dict[SubPeriod, Realization]:
    found: dict[SubPeriod, Realization] = {}
    for entry in dataset.realizations_of(code):
        if entry.year != as_of.year or not _of_kind(as_of, entry.quarter, entry.month):
            continue
        period = period_of(entry)
        if period in found:
            raise InvalidValueError(
                f"realization of {code} in {period}",
                entry.value,
                f"one value only (also given: {found[period].value})",
            )
        found[period] = entry  # type: ignore[index]  # a quarter or a month, by _of_kind
    return found


def _quarter_values(
    dataset: Dataset, indicator: Indicator, as_of: SubPeriod
) -> tuple[dict[SubPeriod, Realization], dict[SubPeriod, tuple[Month, ...]]]:
    """The realizations of a table's periods, and the months a quarter built from them lacks.

    An indicator reported by month only has its quarters built from its months
    (:func:`_from_months`) in a quarterly table.
    """
    found = _realizations(dataset, indicator.code, as_of)
    if found or isinstance(as_of, Month):
        return found, {}
    months = _realizations(dataset, indicator.code, Month(as_of.year, 12))
    built: dict[SubPeriod, Realization] = {}
    gaps: dict[SubPeriod, tuple[Month, ...]] = {}
    if not months:
        return built, gaps
    for quarter in FiscalYear(as_of.year).quarters:
        lacking = tuple(m for m in quarter.months if m not in months)
        if lacking:
            gaps[quarter] = lacking
        else:
            built[quarter] = _from_months(indicator, quarter, [months[m] for m in quarter.months])
    return built, gaps


def _from_months(
    indicator: Indicator, quarter: Quarter, months: Sequence[Realization]
) -> Realization:
    """A quarter's realization from its three months, by the indicator's aggregation.

    Each month holds its own figure, so the quarter's is theirs taken together as the year's
    is from its quarters (:func:`~sakip.combine`: a sum, the last, the mean, or Σ numerator ×
    per / Σ denominator with the counts kept); a level is the last month's.
    """
    last = months[-1]
    if last.level is not None:
        return attrs.evolve(last, month=None, quarter=quarter.number)
    method = AGGREGATIONS.get(indicator.aggregation.value)
    value, numerator, denominator = combine(method, months, indicator.code, per=indicator.per)
    return Realization(
        indicator=indicator.code,
        year=quarter.year,
        quarter=quarter.number,
        value=value,
        numerator=numerator,
        denominator=denominator,
    )


def _targets(
    dataset: Dataset, code: str, periods: Sequence[SubPeriod]
) -> dict[SubPeriod, TargetLike]:
    found: dict[SubPeriod, TargetLike] = {}
    for period in periods:
        target = period_target(dataset, code, period)
        if target is not None:
            found[period] = target
    return found


def period_target(dataset: Dataset, indicator: str, period: SubPeriod) -> TargetLike | None:
    """The target of a quarter or a month (target periodik); ``None`` when the data has none.

    A quarter of an indicator with monthly targets only has its target from its three
    months': the last month's when the targets are cumulative (the total to date at the
    quarter's end), else the months' taken together by the indicator's aggregation (their sum,
    the last, or their mean; a level the last month's). A quarter that lacks a month's target,
    a ratio's (whose months cannot be weighed without counts) and a sum or a mean of targets
    that are not single numbers have none: nothing is guessed.

    >>> import sakip.io
    >>> from sakip.monitor import period_target
    >>> data = sakip.io.load("tests/data/monitoring.toml")
    >>> period_target(data, "IKU-1", sakip.Quarter(2024, 2))
    Target(value=Decimal('600'))
    >>> period_target(data, "IKU-3", sakip.Month(2024, 2))  # a month's own target
    Target(value=Decimal('20'))
    """
    own = [
        entry
        for entry in dataset.period_targets
        if entry.indicator == indicator and entry.year == period.year
    ]
    for entry in own:
        if _target_period(entry) == period:
            return entry.target
    if isinstance(period, Month) or any(entry.month is None for entry in own):
        return None
    months = {_target_period(entry): entry.target for entry in own}
    chosen = [months.get(month) for month in period.months]
    if any(target is None for target in chosen):
        return None
    return _quarter_target(dataset.plan.indicator(indicator), cast("list[TargetLike]", chosen))


def _quarter_target(indicator: Indicator, months: Sequence[TargetLike]) -> TargetLike | None:
    last = months[-1]
    if (
        indicator.period_basis is PeriodBasis.CUMULATIVE
        or indicator.aggregation is Aggregation.LAST
        or isinstance(last, LevelTarget)
    ):
        return last
    if indicator.aggregation is Aggregation.RATIO or not all(
        isinstance(target, Target) for target in months
    ):
        return None
    values = [cast("Target", target).value for target in months]
    with exact():
        total = sum(values, Decimal(0))
        return Target(total if indicator.aggregation is Aggregation.SUM else total / len(values))


def _target_period(entry: PeriodTarget) -> SubPeriod:
    if entry.month is not None:
        return Month(entry.year, entry.month)
    return Quarter(entry.year, entry.quarter)  # type: ignore[arg-type]  # one of the two is set


def _year_target(dataset: Dataset, code: str, year: int) -> TargetLike | None:
    for agreement in dataset.agreements:
        if agreement.year == year:
            try:
                return agreement.target(code)
            except NotFoundError:
                break
    try:
        return dataset.plan.target(code, year)
    except NotFoundError:
        return None


def _labels(periods: Sequence[SubPeriod]) -> str:
    """Periods as notation both languages read: ``TW I 2024`` or ``2024-01``."""
    return ", ".join(
        f"{p.year}-{p.number:02d}" if isinstance(p, Month) else str(p) for p in periods
    )


_Gaps: TypeAlias = dict[SubPeriod, tuple[Month, ...]]
"""The months a quarter built from months lacks, by quarter."""


def _unreported(periods: Sequence[SubPeriod], gaps: _Gaps | None = None) -> Missing:
    """Why periods have no realization: a quarter built from months names the months it lacks."""
    named = [month for period in periods for month in (gaps or {}).get(period, (period,))]
    return Missing(
        reason=Reason.PERIODS_MISSING,
        part=Part.REALIZATION,
        values=(("periods", _labels(named)),),
    )


def _achieved(
    indicator: Indicator, realization: Decimal, target: TargetLike | None, year: int
) -> tuple[Achievement | None, Missing | None]:
    if target is None:
        return None, Missing(reason=Reason.NO_TARGET, part=Part.TARGET, values=(("year", year),))
    # A realization that is a number is of an indicator measured in numbers, whose targets
    # the model keeps to numbers, ranges and comparators: never a level.
    numeric = cast("Target | TargetRange | ComparatorTarget", target)
    try:
        return achievement(
            realization=realization,
            target=numeric,
            polarity=indicator.polarity,
            formula=indicator.formula,
        ), None
    except SakipError as error:
        reason = getattr(error, "reason", None)
        values: list[tuple[str, Value]] = [
            ("rule", indicator.formula or "-"),
            ("realization", realization),
        ]
        if isinstance(target, Target):
            values.append(("target", target.value))
        return None, Missing(
            reason=reason if isinstance(reason, Reason) else Reason.RULE_REFUSED,
            values=tuple(values),
        )


def _to_date(
    indicator: Indicator,
    used: Sequence[Realization],
    missing: Sequence[SubPeriod],
    gaps: _Gaps,
) -> tuple[Decimal | None, Missing | None]:
    """The realization to date, or why there is none (a total with a gap is never given)."""
    if not used or (indicator.aggregation is Aggregation.SUM and missing):
        return None, _unreported(missing, gaps)
    if any(entry.value is None for entry in used):  # a level is no figure to take together
        return None, Missing(
            reason=Reason.LEVELS, part=Part.REALIZATION, values=(("year", used[-1].year),)
        )
    method = AGGREGATIONS.get(indicator.aggregation.value)
    try:
        value, _, _ = combine(method, used, indicator.code, per=indicator.per)
    except SakipError as error:
        reason = getattr(error, "reason", None)
        if not isinstance(reason, Reason):
            raise  # a ratio period without its counts: bad data, not a missing figure
        return None, Missing(reason=reason)
    return value, None


def _row(
    indicator: Indicator,
    period: SubPeriod,
    *,
    upto: Sequence[SubPeriod],
    values: dict[SubPeriod, Realization],
    gaps: _Gaps,
    target: TargetLike | None,
    year_target: TargetLike | None,
) -> PeriodRow:
    used = [values[p] for p in upto if p in values]
    missing = tuple(p for p in upto if p not in values)
    own = values.get(period)
    year = period.year
    to_date, to_date_missing = _to_date(indicator, used, missing, gaps)
    if to_date is None:
        for_year, year_why = None, to_date_missing
    else:
        for_year, year_why = _achieved(indicator, to_date, year_target, year)
    if indicator.period_basis is not PeriodBasis.CUMULATIVE:  # the period's own figure
        achieved, why = (
            (None, _unreported((period,), gaps))
            if own is None or own.value is None  # a level is no figure of a period
            else _achieved(indicator, own.value, target, year)
        )
    elif to_date is None:
        achieved, why = None, to_date_missing
    else:
        achieved, why = _achieved(indicator, to_date, target, year)
    return PeriodRow(
        period=period,
        target=target,
        realization=None if own is None else own.value,
        to_date=to_date,
        achievement=achieved,
        year_achievement=for_year,
        missing_periods=missing,
        to_date_missing=to_date_missing,
        achievement_missing=why,
        year_achievement_missing=year_why,
    )


def _projection(
    indicator: Indicator, last: PeriodRow, count: int, in_year: int
) -> tuple[Decimal | None, Missing | None]:
    """The year's value at the pace to date (:data:`sakip.monitor.RUN_RATE`)."""
    if last.to_date is None:
        return None, attrs.evolve(last.to_date_missing, figure=Figure.PROJECTION)  # type: ignore[misc]
    if indicator.aggregation is not Aggregation.SUM:
        return last.to_date, None
    with exact():
        return last.to_date * in_year / count, None


def _indicator(dataset: Dataset, indicator: Indicator, as_of: SubPeriod) -> IndicatorMonitoring:
    code, year = indicator.code, as_of.year
    values, gaps = _quarter_values(dataset, indicator, as_of)
    periods = _periods(as_of)
    targets = _targets(dataset, code, periods)
    year_target = _year_target(dataset, code, year)
    rows = tuple(
        _row(
            indicator,
            period,
            upto=periods[: index + 1],
            values=values,
            gaps=gaps,
            target=targets.get(period),
            year_target=year_target,
        )
        for index, period in enumerate(periods)
    )
    in_year = 12 if isinstance(as_of, Month) else 4
    projected, why = _projection(indicator, rows[-1], len(periods), in_year)
    return IndicatorMonitoring(
        indicator=indicator,
        year=year,
        basis=indicator.period_basis,
        year_target=year_target,
        rows=rows,
        missing_periods=rows[-1].missing_periods,
        projection=projected,
        projection_missing=why,
    )


def _shown(as_of: SubPeriod, quarter: int | None, month: int | None) -> bool:
    """Whether a table shows an entry: a month in a monthly one, a quarter or month in others."""
    return month is not None or (quarter is not None and not isinstance(as_of, Month))


def _monitored(dataset: Dataset, indicator: Indicator, as_of: SubPeriod) -> bool:
    code, year = indicator.code, as_of.year
    realized = any(
        entry.year == year and _shown(as_of, entry.quarter, entry.month)
        for entry in dataset.realizations_of(code)
    )
    return realized or any(
        entry.indicator == code
        and entry.year == year
        and _shown(as_of, entry.quarter, entry.month)
        for entry in dataset.period_targets
    )


def monitoring(dataset: Dataset, *, as_of: Period | str) -> Monitoring:
    """The quarterly or monthly monitoring of a year up to ``as_of`` (pemantauan kinerja).

    A quarter (or a semester or a year, which end with a quarter) gives one row per quarter
    from TW I; a month gives one row per month from January. Quarterly rows read quarterly
    realizations and targets, monthly rows monthly ones. An indicator with monthly
    realizations only has each quarter's built from its three months by its aggregation (a
    quarter that lacks a month is missing, its reason naming the month); one with monthly
    targets only has each quarter's from its months' (:func:`sakip.monitor.period_target`).

    Args:
        dataset: The plan, agreements, period targets and realizations.
        as_of: The last period, a :class:`~sakip.Quarter`, :class:`~sakip.Month`,
            :class:`~sakip.Semester` or :class:`~sakip.FiscalYear`, or a text
            :func:`parse_period` reads (``"TW II 2024"``, ``"Juni 2024"``).

    Raises:
        InvalidValueError: ``as_of`` names no period, a period has two realizations, or a
            ratio period has no counts.

    >>> import sakip.io
    >>> data = sakip.io.load("tests/data/monitoring.toml")
    >>> result = sakip.monitoring(data, as_of="TW II 2024")
    >>> row = result.indicator("IKU-1").row(sakip.Quarter(2024, 2))
    >>> row.to_date, row.achievement.percent, row.year_achievement.percent
    (Decimal('550'), Decimal('91.67'), Decimal('45.83'))
    """
    if not isinstance(dataset, Dataset):
        raise InvalidValueError("dataset", dataset, "a sakip.Dataset")
    until = _as_of(as_of)
    chosen = tuple(
        _indicator(dataset, indicator, until)
        for indicator in dataset.plan.indicators
        if _monitored(dataset, indicator, until)
    )
    return Monitoring(year=until.year, as_of=until, indicators=chosen)
