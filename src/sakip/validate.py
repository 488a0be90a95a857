"""Checking a data file before a report (pemeriksaan data): what is valid but likely wrong.

A file that cannot be read is refused when it is loaded (:func:`sakip.io.load` raises). A file
that loads may still hold what a report author would want to know before handing a report in:
a year outside the plan, an indicator with no target or no realization in the year reported,
a count typed with an Indonesian thousands point (``13.773`` read by TOML as thirteen and a
bit). :func:`check_dataset` lists these as :class:`Notice` values, codes and figures only;
:meth:`Notice.explain` says each in Indonesian or English.

>>> import sakip.examples
>>> from sakip.validate import check_dataset
>>> data = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
>>> for notice in check_dataset(data):
...     print(notice.code.value, "|", notice.explain())
no-analysis | indikator SAKIP tidak memiliki analisis capaian tahun 2024
no-target | indikator MISKIN tidak memiliki target tahun 2024
no-realization | indikator MISKIN tidak memiliki realisasi tahun 2024
no-analysis | indikator IKU-1 tidak memiliki analisis capaian tahun 2024

The cascade of programs, activities and sub-activities has checks of its own
(:func:`sakip.cascade.check_cascade`); ``sakip validate`` prints both.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import cast

import attrs

from sakip._decimal import exact
from sakip._display import Displayed
from sakip.compare import history
from sakip.locale import format_month, format_number
from sakip.model import Aggregation, Dataset, PeriodBasis, Polarity, Target
from sakip.monitor import SubPeriod, period_target
from sakip.periods import Month, Quarter
from sakip.report import report_year
from sakip.text import N_, check_lang, gettext

__all__ = ["Notice", "NoticeCode", "check_dataset"]


class NoticeCode(enum.Enum):
    """What a notice is about; the codes are stable, for programs that act on them."""

    REALIZATION_OUTSIDE_PLAN = "realization-outside-plan"
    """A realization of a year neither in the plan nor its baseline year before it.

    (A target outside the plan is refused when the data is read.)
    """
    NO_TARGET = "no-target"
    """An indicator of the plan has no target in the year reported."""
    NO_REALIZATION = "no-realization"
    """An indicator of the plan has no realization in the year reported."""
    BARE_THOUSANDS = "bare-thousands"
    """A count with three decimals, most likely Indonesian thousands (``13.773`` for 13773)."""
    NO_ANALYSIS = "no-analysis"
    """An indicator of the plan has a realization in the year reported but no author's
    analysis of that year (:class:`~sakip.AuthorAnalysis`; sakip never writes one)."""
    IMPLAUSIBLE_RATE = "implausible-rate"
    """A stated value a factor of about 10 or more away from its counts' rate.

    The rate is numerator × per / denominator with the indicator's ``per``; a value 100 times
    it (0,95 typed for 9,53 per 1.000, or 103,81 per 100.000 with ``per`` left at 100) most
    likely has the wrong multiplier.
    """
    MISSING_PERIOD_TARGET = "missing-period-target"
    """A quarter or a month has a realization but no target of its own, while other periods of
    the indicator's year have one (:func:`sakip.monitor.period_target`; a quarter of monthly
    targets has its months'): its achievement against the period's target cannot be given."""
    FALLING_PERIOD_TARGET = "falling-period-target"
    """A cumulative period target lower than the one before it in the year.

    A cumulative target is the total to date (DESIGN §6.2: counts, money), which cannot fall
    when it sums a count, nor should it for an indicator whose higher value is better; the
    figure is most likely the period's own, and the indicator's ``period_basis`` or the
    target is wrong.
    """


_MESSAGES = {
    NoticeCode.REALIZATION_OUTSIDE_PLAN: N_(
        "realisasi {indicator} tahun {year} di luar periode rencana {start}–{end}"
    ),
    NoticeCode.NO_TARGET: N_("indikator {indicator} tidak memiliki target tahun {year}"),
    NoticeCode.NO_REALIZATION: N_("indikator {indicator} tidak memiliki realisasi tahun {year}"),
    NoticeCode.NO_ANALYSIS: N_(
        "indikator {indicator} tidak memiliki analisis capaian tahun {year}"
    ),
    NoticeCode.BARE_THOUSANDS: N_(
        "jumlah {value} pada realisasi {indicator} tahun {year} tampaknya memakai titik "
        "ribuan; bila yang dimaksud {whole}, tulis {whole} tanpa titik"
    ),
    NoticeCode.MISSING_PERIOD_TARGET: N_(
        "indikator {indicator} memiliki realisasi {period} tetapi tidak memiliki target "
        "{period}, padahal periode lain tahun {year} memiliki target"
    ),
    NoticeCode.FALLING_PERIOD_TARGET: N_(
        "target kumulatif {indicator} {period} ({value}) lebih rendah daripada target "
        "{previous} ({earlier}); target kumulatif adalah jumlah s.d. periode, periksa "
        "sifat target periodik (period_basis) atau targetnya"
    ),
    NoticeCode.IMPLAUSIBLE_RATE: N_(
        "realisasi {indicator} tahun {year} tercatat {value}, padahal jumlahnya memberi "
        "{rate} per {per}; periksa pengali (per) indikator dan nilainya"
    ),
}


@attrs.frozen(kw_only=True, repr=False)
class Notice(Displayed):
    """One thing a data file holds that is valid but likely wrong (peringatan).

    Attributes:
        code: What it is about.
        indicator: The indicator's code.
        year: The year concerned.
        value: The figure concerned (the count for ``BARE_THOUSANDS``, the stated value for
            ``IMPLAUSIBLE_RATE``), if any.
        plan_years: The plan's first and last year, for a year outside it.
        rate: For ``IMPLAUSIBLE_RATE``, the rate the counts give, exact.
        per: For ``IMPLAUSIBLE_RATE``, the indicator's multiplier.
        quarter: The quarter (1-4) a period notice is about, if a quarter.
        month: The month (1-12) a period notice is about, if a month.
        earlier: For ``FALLING_PERIOD_TARGET``, the higher target of the period before.
        previous: For ``FALLING_PERIOD_TARGET``, the number of that period (a quarter's or a
            month's, as the notice's own).
    """

    code: NoticeCode
    indicator: str
    year: int
    value: Decimal | None = None
    plan_years: tuple[int, int] | None = None
    rate: Decimal | None = None
    per: Decimal | None = None
    quarter: int | None = None
    month: int | None = None
    earlier: Decimal | None = None
    previous: int | None = None

    def _headline(self) -> str:
        return self.explain("en")

    def explain(self, lang: str = "id") -> str:
        """The notice as a sentence in ``lang`` (``"id"`` or ``"en"``)."""
        lang = check_lang(lang)
        start, end = self.plan_years or (self.year, self.year)
        if self.code is NoticeCode.IMPLAUSIBLE_RATE:
            return self._rate_sentence(lang)
        if self.code in _PERIOD_CODES:
            return self._period_sentence(lang)
        value = whole = ""
        if self.value is not None:
            value = format_number(self.value, lang="en")  # as typed in the file: a point
            whole = format_number(self.value * 1000, 0, lang=lang)
        return gettext(
            _MESSAGES[self.code],
            lang=lang,
            indicator=self.indicator,
            year=self.year,
            start=start,
            end=end,
            value=value,
            whole=whole,
        )

    def _rate_sentence(self, lang: str) -> str:
        assert self.value is not None  # an IMPLAUSIBLE_RATE notice has all three
        assert self.rate is not None
        assert self.per is not None
        return gettext(
            _MESSAGES[self.code],
            lang=lang,
            indicator=self.indicator,
            year=self.year,
            value=format_number(self.value, lang=lang),
            rate=format_number(self.rate, 2, lang=lang),
            per=format_number(self.per, lang=lang),
        )

    def _period_sentence(self, lang: str) -> str:
        period = _period(self.year, self.quarter, self.month)
        assert period is not None  # a period notice names its period
        before = None if self.previous is None else type(period)(self.year, self.previous)
        return gettext(
            _MESSAGES[self.code],
            lang=lang,
            indicator=self.indicator,
            year=self.year,
            period=_period_words(period, lang),
            previous="" if before is None else _period_words(before, lang),
            value="" if self.value is None else format_number(self.value, lang=lang),
            earlier="" if self.earlier is None else format_number(self.earlier, lang=lang),
        )


_PERIOD_CODES = (NoticeCode.MISSING_PERIOD_TARGET, NoticeCode.FALLING_PERIOD_TARGET)


def _period(year: int, quarter: int | None, month: int | None) -> SubPeriod | None:
    if month is not None:
        return Month(year, month)
    return None if quarter is None else Quarter(year, quarter)


def _period_words(period: SubPeriod, lang: str) -> str:
    if isinstance(period, Month):
        return format_month(period.year, period.number, lang=lang)
    return gettext("TW {roman} {year}", lang=lang, roman=period.roman, year=period.year)


def check_dataset(dataset: Dataset, *, year: int | None = None) -> tuple[Notice, ...]:
    """What the data holds that is valid but likely wrong, in the plan's order.

    Args:
        dataset: The data, as loaded.
        year: The year a report would cover; the latest year with a realization when ``None``
            (none is checked for targets and realizations when there is no realization).
    """
    notices = [
        *_outside_plan(dataset),
        *_bare_thousands(dataset),
        *_implausible_rates(dataset),
        *_missing_period_targets(dataset),
        *_falling_period_targets(dataset),
    ]
    when = year if year is not None else _latest(dataset)
    if when is not None:
        notices += _missing(dataset, when)
    return tuple(notices)


def _latest(dataset: Dataset) -> int | None:
    return report_year(dataset) if dataset.realizations else None


def _outside_plan(dataset: Dataset) -> Iterator[Notice]:
    plan = dataset.plan
    span = (plan.start_year, plan.end_year)
    allowed = {plan.start_year - 1, *plan.years}  # the baseline year comes before the plan
    for real in dataset.realizations:
        if real.year not in allowed:
            yield Notice(
                code=NoticeCode.REALIZATION_OUTSIDE_PLAN,
                indicator=real.indicator,
                year=real.year,
                plan_years=span,
            )


def _missing(dataset: Dataset, year: int) -> Iterator[Notice]:
    analysed: dict[str, set[int]] = {}
    for analysis in dataset.analyses:  # the year's or a quarter's analysis
        analysed.setdefault(analysis.indicator, set()).add(analysis.year)
    for indicator in dataset.plan.indicators:
        row = history(dataset, indicator.code, year).current
        if row.target is None:
            yield Notice(code=NoticeCode.NO_TARGET, indicator=indicator.code, year=year)
        if row.realization is None and row.level is None:  # a level is a realization too
            yield Notice(code=NoticeCode.NO_REALIZATION, indicator=indicator.code, year=year)
        elif year not in analysed.get(indicator.code, ()):
            yield Notice(code=NoticeCode.NO_ANALYSIS, indicator=indicator.code, year=year)


def _bare_thousands(dataset: Dataset) -> Iterator[Notice]:
    """Counts with exactly three decimals: a ratio's counts, or a summed indicator's value."""
    every = [*dataset.plan.indicators, *(i for item in dataset.cascade for i in item.indicators)]
    summed = {i.code for i in every if i.aggregation is Aggregation.SUM}
    for real in dataset.realizations:
        counts = [real.numerator, real.denominator]
        if real.indicator in summed:
            counts.append(real.value)
        for count in counts:
            if count is not None and _three_decimals(count):
                yield Notice(
                    code=NoticeCode.BARE_THOUSANDS,
                    indicator=real.indicator,
                    year=real.year,
                    value=count,
                )


def _three_decimals(value: Decimal) -> bool:
    """Whether a count reads as thousands typed with a point: three decimals, not all zero."""
    return value.as_tuple().exponent == -3 and value != value.to_integral_value()


_TEN = Decimal(10)


def _implausible_rates(dataset: Dataset) -> Iterator[Notice]:
    """Stated values about a factor of 10 or more away from their counts' rate.

    "About a factor of 10" is a quotient whose nearest power of ten is 10 or more: the larger
    over the smaller is at least √10 (about 3,16), so a value rounded from its rate (95 for
    95,25) passes and one with the wrong multiplier (0,95 for 9,53, a factor 10) does not.
    A zero on either side is no multiplier's mistake and is left alone.
    """
    for real in dataset.realizations:
        if (
            real.from_counts
            or real.numerator is None
            or real.denominator is None
            or real.value is None  # a level, which has no counts' rate
        ):
            continue
        if real.denominator.is_zero() or real.numerator.is_zero() or real.value.is_zero():
            continue
        per = dataset.plan.indicator(real.indicator).per
        with exact():
            rate = real.numerator * per / real.denominator
            apart = abs(real.value / rate)
            if apart < 1:
                apart = 1 / apart
            far = apart * apart >= _TEN
        if far:
            yield Notice(
                code=NoticeCode.IMPLAUSIBLE_RATE,
                indicator=real.indicator,
                year=real.year,
                value=real.value,
                rate=rate,
                per=per,
            )


def _missing_period_targets(dataset: Dataset) -> Iterator[Notice]:
    """Realized periods without a target of their own, in a year with other period targets."""
    targeted = {(entry.indicator, entry.year) for entry in dataset.period_targets}
    for real in dataset.realizations:
        if real.yearly or (real.indicator, real.year) not in targeted:
            continue
        period = _period(real.year, real.quarter, real.month)
        assert period is not None  # not yearly
        if period_target(dataset, real.indicator, period) is None:
            yield Notice(
                code=NoticeCode.MISSING_PERIOD_TARGET,
                indicator=real.indicator,
                year=real.year,
                quarter=real.quarter,
                month=real.month,
            )


def _falling_period_targets(dataset: Dataset) -> Iterator[Notice]:
    """Cumulative targets that fall from one quarter (or month) to the next of the year."""
    series: dict[tuple[str, int, bool], list[tuple[int, Decimal]]] = {}
    for entry in dataset.period_targets:
        if isinstance(entry.target, Target) and _never_falls(dataset, entry.indicator):
            key = (entry.indicator, entry.year, entry.month is not None)
            number = entry.month if entry.month is not None else entry.quarter
            series.setdefault(key, []).append((cast(int, number), entry.target.value))
    for (code, year, monthly), found in series.items():
        ordered = sorted(found)
        for (before, earlier), (number, value) in itertools.pairwise(ordered):
            if value < earlier:
                yield Notice(
                    code=NoticeCode.FALLING_PERIOD_TARGET,
                    indicator=code,
                    year=year,
                    value=value,
                    earlier=earlier,
                    previous=before,
                    quarter=None if monthly else number,
                    month=number if monthly else None,
                )


def _never_falls(dataset: Dataset, code: str) -> bool:
    """Whether an indicator's cumulative targets must not fall: a sum, or higher is better."""
    indicator = dataset.plan.indicator(code)
    return indicator.period_basis is PeriodBasis.CUMULATIVE and (
        indicator.aggregation is Aggregation.SUM or indicator.polarity is Polarity.POSITIVE
    )
