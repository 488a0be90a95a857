"""Aggregation (agregasi) of sub-year values into a year's value.

Quarterly realizations make a year's value by the method the indicator declares
(:class:`~sakip.Aggregation`); each method is a cited rule in :data:`AGGREGATIONS`:

======== ========================================= ==============================
name     year's value                              typical use
======== ========================================= ==============================
sum      Σ quarters                                counts, money
last     value of the latest reported quarter      levels, percentages, indices
average  mean of the reported quarters             some averaged levels
ratio    Σ numerator / Σ denominator × per         ratio indicators (PPKS handled)
======== ========================================= ==============================

A ratio's multiplier ``per`` is the indicator's (:attr:`~sakip.Indicator.per`): 100 for a
percentage, 1.000 for a rate per 1.000 live births.

A quarter with no value up to the as-of quarter is *missing*: it is listed in
:attr:`~sakip.Aggregate.missing` and never counted as zero.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import cast

import attrs

from sakip._decimal import HUNDRED, exact
from sakip._display import Displayed
from sakip._figures import Writing
from sakip.exceptions import InvalidValueError, NotFoundError, UndefinedResultError
from sakip.model import Aggregation, Indicator, Realization
from sakip.periods import FiscalYear, Month, Period, Quarter
from sakip.reasons import Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "AGGREGATIONS",
    "AVERAGE",
    "LAST",
    "RATIO",
    "SUM",
    "Aggregate",
    "AggregationMethod",
    "aggregate",
    "combine",
    "period_of",
    "year_value",
]

_ROMAN = ("I", "II", "III", "IV")
"""How the error messages name a quarter (TW I-IV), as the data files do."""


@attrs.frozen(kw_only=True, repr=False)
class AggregationMethod(Displayed, DescribedRule):
    """An aggregation method (cara agregasi): how quarterly values make a year's value.

    Attributes:
        name: The registered name, the value of its :class:`~sakip.Aggregation`.
        aggregation: The member of :class:`~sakip.Aggregation` it implements.
        title: What it is, in a phrase.
        source: Where the convention comes from.
    """

    rule_kind = N_("Cara agregasi nilai triwulan")

    name: str
    aggregation: Aggregation
    title: str
    source: Source


AGGREGATIONS: Registry[AggregationMethod] = Registry("aggregation method")
"""The aggregation methods, one per :class:`~sakip.Aggregation` member."""


def _aggregation_source(location: str) -> Source:
    return Source(
        reference="Practice of published LKjIPs",
        location=location,
        grade=EvidenceGrade.PRACTICE,
    )


SUM = AGGREGATIONS.register(
    AggregationMethod(
        name="sum",
        aggregation=Aggregation.SUM,
        title="the quarters add up: counts and money",
        source=_aggregation_source("counts and money are summed"),
    )
)
"""Counts and money, where the quarters add up."""
LAST = AGGREGATIONS.register(
    AggregationMethod(
        name="last",
        aggregation=Aggregation.LAST,
        title="the latest reported quarter: levels, percentages, indices",
        source=_aggregation_source("levels take the last reported value"),
    )
)
"""Levels (percentages, indices), which take the latest reported quarter."""
AVERAGE = AGGREGATIONS.register(
    AggregationMethod(
        name="average",
        aggregation=Aggregation.AVERAGE,
        title="the mean of the reported quarters",
        source=_aggregation_source("some use the average"),
    )
)
"""The mean of the reported quarters."""
RATIO = AGGREGATIONS.register(
    AggregationMethod(
        name="ratio",
        aggregation=Aggregation.RATIO,
        title="Σ numerator / Σ denominator × per N (100 by default), never an average of ratios",
        source=_aggregation_source("ratio indicators aggregate as Σnumerator / Σdenominator"),
    )
)
"""Σ numerator / Σ denominator × the indicator's ``per`` over the reported quarters."""


@attrs.frozen(kw_only=True, repr=False)
class Aggregate(Displayed):
    """A year's value of an indicator (realisasi tahunan), and how it was reached.

    Attributes:
        indicator: The indicator's code.
        year: The fiscal year.
        as_of: The last quarter considered.
        method: The aggregation method used.
        value: The year's value, exact: the number to use.
        values: The reported quarterly values used, as ``(quarter number, value)`` pairs.
        quarters_used: The quarter numbers whose values were used.
        missing: Quarter numbers up to ``as_of`` with no value: missing, never counted as 0.
        after_as_of: Quarter numbers after ``as_of`` that have a value, left out.
        numerator: For the ratio method, Σ numerator.
        denominator: For the ratio method, Σ denominator.
        yearly: Whether the value is the yearly realization itself (no quarters involved).
        per: The indicator's multiplier of a ratio (100 for a percentage).
    """

    indicator: str
    year: int
    as_of: Quarter
    method: AggregationMethod
    value: Decimal
    values: tuple[tuple[int, Decimal], ...] = ()
    quarters_used: tuple[int, ...] = ()
    missing: tuple[int, ...] = ()
    after_as_of: tuple[int, ...] = ()
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    yearly: bool = False
    per: Decimal = HUNDRED

    @property
    def complete(self) -> bool:
        """Whether every quarter up to ``as_of`` has a value (or the yearly one was used)."""
        return not self.missing

    def _value_is_computed(self) -> bool:
        # A mean or a ratio of sums is derived; a sum or a last value has the typed places.
        return not self.yearly and self.method.aggregation in (
            Aggregation.AVERAGE,
            Aggregation.RATIO,
        )

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> ind = sakip.Indicator(code="K1", name="Penerima", unit="orang", aggregation="sum")
        >>> rs = [
        ...     sakip.Realization(indicator="K1", year=2024, quarter=q, value=v)
        ...     for q, v in ((1, 120), (2, 130), (4, 150))
        ... ]
        >>> sakip.aggregate(ind, rs, 2024).explain()
        'jumlah: TW I 120 + TW II 130 + TW IV 150 = 400; TW III tidak dilaporkan'
        >>> sakip.aggregate(ind, rs, 2024).explain(lang="en")
        'sum: quarter I 120 + quarter II 130 + quarter IV 150 = 400; quarter III not reported'
        """
        w = Writing.of(lang, numbers)
        if self.yearly:
            return w.gettext(
                "realisasi tahunan {year}: {value}", year=self.year, value=w.n(self.value)
            )
        text = self._steps(w)
        if self.missing:
            absent = ", ".join(w.gettext("TW {roman}", roman=self._roman(q)) for q in self.missing)
            text += "; " + w.gettext("{quarters} tidak dilaporkan", quarters=absent)
        return text

    def _roman(self, quarter: int) -> str:
        return Quarter(self.year, quarter).roman

    def _steps(self, w: Writing) -> str:
        """The method's computation over the quarters used."""
        kind = self.method.aggregation
        terms = [
            w.gettext("TW {roman} {value}", roman=self._roman(q), value=w.n(v))
            for q, v in self.values
        ]
        if kind is Aggregation.SUM:
            return w.gettext(
                "jumlah: {terms} = {value}", terms=" + ".join(terms), value=w.n(self.value)
            )
        if kind is Aggregation.LAST:
            return w.gettext("nilai terakhir: {term}", term=terms[-1])
        if kind is Aggregation.AVERAGE:
            return w.gettext(
                "rata-rata: ({terms}) / {count} = {value}",
                terms=" + ".join(terms),
                count=len(terms),
                value=w.n2(self.value),
            )
        counts = {
            "numerator": w.n(self.numerator),  # type: ignore[arg-type]  # a ratio has both
            "denominator": w.n(self.denominator),  # type: ignore[arg-type]
        }
        if self.per == HUNDRED:
            return w.gettext(
                "rasio: Σ pembilang {numerator} / Σ penyebut {denominator} × 100 = {value}",
                value=w.pct(self.value),
                **counts,
            )
        return w.gettext(
            "rasio: Σ pembilang {numerator} / Σ penyebut {denominator} × {per} = "
            "{value} per {per}",
            per=w.n(self.per),
            value=w.n2(self.value),
            **counts,
        )


def _indicator(indicator: object) -> Indicator:
    if not isinstance(indicator, Indicator):
        raise InvalidValueError("indicator", indicator, "a sakip.Indicator")
    return indicator


def _as_of(as_of: Quarter | None, year: int) -> Quarter:
    if as_of is None:
        # anything but a whole number (a text, a list) is refused by Quarter as before
        return _year_end(year) if type(year) is int else Quarter(year, 4)
    if not isinstance(as_of, Quarter):
        raise InvalidValueError("as_of", as_of, "a sakip.Quarter or None")
    if as_of.year < year:
        raise InvalidValueError("as_of", str(as_of), f"a quarter of {year} or later")
    return as_of if as_of.year == year else Quarter(year, 4)


@functools.lru_cache(maxsize=256)
def _year_end(year: int) -> Quarter:
    """A year's fourth quarter, made once: a report asks for it for every indicator and year."""
    return Quarter(year, 4)


def _of(realizations: Iterable[Realization], code: str) -> list[Realization]:
    chosen = []
    for item in realizations:
        if not isinstance(item, Realization):
            raise InvalidValueError("realizations", item, "sakip.Realization objects")
        if item.indicator == code and item.value is None:  # a level: no number to aggregate
            raise InvalidValueError(
                f"realization of {code} in {item.year}", item.level, "a number to aggregate"
            )
        if item.indicator == code:
            chosen.append(item)
    return chosen


def _not_found(code: str, year: int, as_of: Quarter, own: list[Realization]) -> NotFoundError:
    available = (str(period_of(r)) for r in own)
    return NotFoundError("realization", f"{code} for {year} up to {as_of}", available)


def period_of(realization: Realization) -> Period:
    """The period a realization covers: its month, its quarter, or its fiscal year.

    >>> str(sakip.period_of(sakip.Realization(indicator="K1", year=2024, month=3, value=1)))
    'Maret 2024'
    """
    if realization.month is not None:
        return Month(realization.year, realization.month)
    if realization.quarter is not None:
        return Quarter(realization.year, realization.quarter)
    return FiscalYear(realization.year)


def combine(
    method: AggregationMethod,
    used: Sequence[Realization],
    code: str,
    *,
    per: Decimal = HUNDRED,
) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """The value of periods taken together by ``method``: ``(value, Σ numerator, Σ denominator)``.

    ``used`` are the reported periods in order (quarters or months), at least one; the counts
    are ``None`` except for the ratio method, whose value is Σ numerator × ``per`` /
    Σ denominator (``per`` is the indicator's multiplier: 100 for a percentage, 1.000 for a
    rate per 1.000). Exact: nothing is rounded.

    Raises:
        InvalidValueError: A period of a ratio indicator without numerator and denominator.
        UndefinedResultError: The denominators of a ratio indicator add up to 0.
    """
    kind = method.aggregation
    values = [cast("Decimal", r.value) for r in used]  # _of keeps numbers only
    with exact():
        if kind is Aggregation.SUM:
            return sum(values, Decimal(0)), None, None
        if kind is Aggregation.LAST:
            return values[-1], None, None
        if kind is Aggregation.AVERAGE:
            return sum(values, Decimal(0)) / len(values), None, None
        numerator = denominator = Decimal(0)
        for r in used:
            if r.numerator is None or r.denominator is None:
                raise InvalidValueError(
                    f"numerator of {code} in {period_of(r)}",
                    None,
                    "a numerator and a denominator for every quarter of a ratio indicator",
                )
            numerator += r.numerator
            denominator += r.denominator
        if denominator == 0:
            raise UndefinedResultError(
                "ratio",
                "the denominators add up to 0",
                (("numerator", numerator), ("denominator", denominator)),
                Reason.ZERO_DENOMINATOR,
            )
        return numerator * per / denominator, numerator, denominator


def aggregate(
    indicator: Indicator,
    realizations: Iterable[Realization],
    year: int,
    *,
    as_of: Quarter | None = None,
) -> Aggregate:
    """Aggregate (agregasi triwulan): the year's value of an indicator from its quarters.

    The indicator's declared :class:`~sakip.Aggregation` picks the method. Only quarterly
    realizations (``quarter`` set) of this indicator and year count; pass a whole dataset's
    realizations if you like. A quarter up to ``as_of`` without a value is listed in
    :attr:`Aggregate.missing`; it is never read as 0, and ``sum``, ``last`` and ``average`` use
    the reported quarters only.

    The arguments come in the order of :func:`year_value`: indicator, realizations, year.

    Args:
        indicator: The indicator; its code selects the realizations and its ``aggregation``
            the method.
        realizations: Realizations; those of other indicators, other years and yearly ones
            are not used.
        year: The fiscal year.
        as_of: The last quarter to consider; the whole year (TW IV) by default. A quarter of a
            later year means the whole year; one of an earlier year is refused.

    Raises:
        NotFoundError: No quarter of the year up to ``as_of`` has a value (kind
            ``"realization"``).
        InvalidValueError: Two values for one quarter, a ratio quarter without numerator and
            denominator, or an argument of the wrong kind.
        UndefinedResultError: The denominators of a ratio indicator add up to 0.

    >>> ind = sakip.Indicator(code="PPKS", name="PPKS ditangani", unit="%", aggregation="ratio")
    >>> rs = [
    ...     sakip.Realization(
    ...         indicator="PPKS", year=2024, quarter=1, value=90, numerator=900, denominator=1000
    ...     ),
    ...     sakip.Realization(
    ...         indicator="PPKS", year=2024, quarter=2, value=100, numerator=3000, denominator=3000
    ...     ),
    ... ]
    >>> result = sakip.aggregate(ind, rs, 2024, as_of=sakip.Quarter(2024, 2))
    >>> result.value, result.missing
    (Decimal('97.5'), ())
    >>> result.explain()
    'rasio: Σ pembilang 3.900 / Σ penyebut 4.000 × 100 = 97,50 %'
    """
    chosen = _indicator(indicator)
    until = _as_of(as_of, year)
    own = _of(realizations, chosen.code)
    by_quarter: dict[int, Realization] = {}
    for r in own:
        if r.year != year or r.quarter is None:
            continue
        if r.quarter in by_quarter:
            raise InvalidValueError(
                f"realization of {chosen.code} in TW {_ROMAN[r.quarter - 1]} {year}",
                r.value,
                f"one value only (also given: {by_quarter[r.quarter].value})",
            )
        by_quarter[r.quarter] = r
    used = [by_quarter[q] for q in range(1, until.number + 1) if q in by_quarter]
    if not used:
        raise _not_found(chosen.code, year, until, own)
    method = AGGREGATIONS.get(chosen.aggregation.value)
    value, numerator, denominator = combine(method, used, chosen.code, per=chosen.per)
    return Aggregate(
        indicator=chosen.code,
        year=year,
        as_of=until,
        method=method,
        value=value,
        values=tuple((r.quarter, r.value) for r in used),  # type: ignore[misc]  # quarterly
        quarters_used=tuple(r.quarter for r in used),  # type: ignore[misc]
        missing=tuple(q for q in range(1, until.number + 1) if q not in by_quarter),
        after_as_of=tuple(q for q in sorted(by_quarter) if q > until.number),
        numerator=numerator,
        denominator=denominator,
        per=chosen.per,
    )


def year_value(
    indicator: Indicator,
    realizations: Iterable[Realization],
    year: int,
    *,
    as_of: Quarter | None = None,
) -> Aggregate:
    """The year's realization of an indicator (realisasi tahunan): reported, or aggregated.

    The yearly :class:`~sakip.Realization` (``quarter`` is ``None``) is the value when there is
    one and the whole year is asked for; otherwise the quarters are aggregated by
    :func:`aggregate`. Use :attr:`Aggregate.value`; :attr:`Aggregate.missing` lists quarters
    without a value.

    Args:
        indicator: The indicator.
        realizations: Realizations; only this indicator's count.
        year: The fiscal year.
        as_of: The last quarter to consider; the whole year by default. Before TW IV the
            quarters are aggregated even when a yearly value exists.

    Raises:
        NotFoundError: Nothing is reported for the year (kind ``"realization"``).
        InvalidValueError: Two yearly values, or see :func:`aggregate`.

    >>> ind = sakip.Indicator(code="PPKS", name="PPKS ditangani", unit="%")
    >>> rs = [sakip.Realization(indicator="PPKS", year=2024, value=95)]
    >>> sakip.year_value(ind, rs, 2024).value
    Decimal('95')
    """
    chosen = _indicator(indicator)
    until = _as_of(as_of, year)
    own = _of(realizations, chosen.code)
    yearly = [r for r in own if r.year == year and r.yearly]
    if len(yearly) > 1:
        raise InvalidValueError(
            f"yearly realization of {chosen.code} in {year}",
            yearly[1].value,
            f"one value only (also given: {yearly[0].value})",
        )
    if yearly and until.number == 4:
        return Aggregate(
            indicator=chosen.code,
            year=year,
            as_of=until,
            method=AGGREGATIONS.get(chosen.aggregation.value),
            value=cast("Decimal", yearly[0].value),  # _of keeps numbers only
            numerator=yearly[0].numerator,
            denominator=yearly[0].denominator,
            yearly=True,
            per=chosen.per,
        )
    return aggregate(chosen, own, year, as_of=until)
