"""Periods (periode) and the aggregation of sub-year values.

The Indonesian fiscal year (tahun anggaran) is the calendar year. It splits into four quarters
(triwulan, TW I-IV), two semesters and twelve months. :class:`FiscalYear`, :class:`Quarter`,
:class:`Semester` and :class:`Month` are frozen values that know their first and last day
(computed with dateutil's ``relativedelta``), the period a date falls in, and how reports
write them ("TW II 2024", "Triwulan II", "Q2 2024", "Januari 2024").

Nothing here reads the system clock: the year, the date or the as-of quarter is always an
argument.

Quarterly realizations make a year's value by the method the indicator declares
(:class:`~sakip.Aggregation`); each method is a cited rule in :data:`AGGREGATIONS`:

======== ========================================= ==============================
name     year's value                              typical use
======== ========================================= ==============================
sum      Σ quarters                                counts, money
last     value of the latest reported quarter      levels, percentages, indices
average  mean of the reported quarters             some averaged levels
ratio    Σ numerator / Σ denominator × 100         ratio indicators (PPKS handled)
======== ========================================= ==============================

A quarter with no value up to the as-of quarter is *missing*: it is listed in
:attr:`~sakip.Aggregate.missing` and never counted as zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Self, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from sakip._decimal import HUNDRED, exact
from sakip._display import Displayed
from sakip._figures import typed
from sakip.exceptions import InvalidValueError, NotFoundError, UndefinedResultError
from sakip.locale import format_month, format_number, parse_month
from sakip.model import Agency, AgencyLevel, Aggregation, Indicator, Realization
from sakip.reasons import Reason
from sakip.rules import EvidenceGrade, Registry, Source

__all__ = [
    "AGGREGATIONS",
    "AVERAGE",
    "CENTRAL_DEADLINE",
    "DEADLINES",
    "LAST",
    "RATIO",
    "REGIONAL_DEADLINE",
    "SUM",
    "Aggregate",
    "AggregationMethod",
    "FiscalYear",
    "Month",
    "Period",
    "Quarter",
    "ReportDeadline",
    "Semester",
    "aggregate",
    "deadline_rule",
    "report_deadline",
    "year_value",
]

_ROMAN = ("I", "II", "III", "IV")
_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2200:
        raise InvalidValueError(attribute.name, value, "a year between 1900 and 2200")


def _check_date(value: object, name: str = "day") -> date:
    if not isinstance(value, date):
        raise InvalidValueError(name, value, "a datetime.date")
    return value


def _number_in(highest: int) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= highest:
            raise InvalidValueError(attribute.name, value, f"a number from 1 to {highest}")

    return check


def _parse(
    kind: str, text: object, patterns: tuple[re.Pattern[str], ...], year: int | None
) -> tuple[int, int]:
    """The (year, number) a text names; a year missing from the text comes from ``year``."""
    if not isinstance(text, str):
        raise InvalidValueError(kind, text, "a text such as the examples in the docs")
    cleaned = " ".join(text.strip().split())
    for pattern in patterns:
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        number = _NUMBERS.get(match["n"].casefold(), 0) if "n" in pattern.groupindex else 1
        found = int(match["y"]) if match["y"] else None
        if found is not None and year is not None and found != year:
            raise InvalidValueError("year", year, f"the year the text names ({found})")
        chosen = found if found is not None else year
        if chosen is None:
            raise InvalidValueError(kind, text, "a text with a year, or the year= argument")
        return chosen, number
    raise InvalidValueError(kind, text, f"a {kind} such as the examples in the docs")


@attrs.frozen(order=True)
class FiscalYear:
    """A fiscal year (tahun anggaran, TA): in Indonesia, the calendar year.

    >>> year = sakip.FiscalYear(2024)
    >>> str(year), year.start, year.end
    ('TA 2024', datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    >>> sakip.FiscalYear.parse("Tahun Anggaran 2024") == year
    True
    """

    year: int = attrs.field(validator=_check_year)

    _PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(r"(?:(?:TA|FY|Tahun Anggaran|Tahun|Fiscal Year)\s*)?(?P<y>\d{4})", re.I),
    )

    @property
    def start(self) -> date:
        """The first day, 1 January."""
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        """The last day, 31 December."""
        return self.start + relativedelta(years=1, days=-1)

    @property
    def quarters(self) -> tuple[Quarter, Quarter, Quarter, Quarter]:
        """The four quarters, TW I first."""
        return (
            Quarter(self.year, 1),
            Quarter(self.year, 2),
            Quarter(self.year, 3),
            Quarter(self.year, 4),
        )

    @property
    def semesters(self) -> tuple[Semester, Semester]:
        """The two semesters."""
        return Semester(self.year, 1), Semester(self.year, 2)

    @property
    def months(self) -> tuple[Month, ...]:
        """The twelve months, January first."""
        return tuple(Month(self.year, number) for number in range(1, 13))

    @classmethod
    def containing(cls, day: date) -> FiscalYear:
        """The fiscal year ``day`` falls in."""
        return cls(_check_date(day).year)

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """A fiscal year from ``"2024"``, ``"TA 2024"``, ``"Tahun Anggaran 2024"``, ``"FY 2024"``.

        Raises:
            InvalidValueError: The text names no fiscal year.
        """
        year, _ = _parse("fiscal year", text, cls._PATTERNS, None)
        return cls(year)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"TA {self.year}"


@attrs.frozen(order=True)
class _PartOfYear:
    """What quarters, semesters and months share: the ``number``-th equal part of a year."""

    _MONTHS: ClassVar[int]
    _KIND: ClassVar[str]
    _LABEL: ClassVar[str]
    _PATTERNS: ClassVar[tuple[re.Pattern[str], ...]]

    year: int = attrs.field(validator=_check_year)
    number: int = attrs.field()

    @number.validator
    def _check_number(self, attribute: attrs.Attribute[Any], value: object) -> None:
        _number_in(12 // self._MONTHS)(self, attribute, value)

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, 1, 1) + relativedelta(months=self._MONTHS * (self.number - 1))

    @property
    def end(self) -> date:
        """The last day of the period."""
        return self.start + relativedelta(months=self._MONTHS, days=-1)

    @property
    def fiscal_year(self) -> FiscalYear:
        """The fiscal year the period belongs to."""
        return FiscalYear(self.year)

    @property
    def months(self) -> tuple[Month, ...]:
        """The months of the period, the first first."""
        first = self._MONTHS * (self.number - 1) + 1
        return tuple(Month(self.year, number) for number in range(first, first + self._MONTHS))

    @classmethod
    def containing(cls, day: date) -> Self:
        """The period ``day`` falls in."""
        day = _check_date(day)
        return cls(day.year, (day.month - 1) // cls._MONTHS + 1)

    @classmethod
    def parse(cls, text: str, *, year: int | None = None) -> Self:
        """The period a text names, in Indonesian or English (see the class for examples).

        Args:
            text: The period as written.
            year: The fiscal year, for a text without one; if the text has a year too, both
                must agree.

        Raises:
            InvalidValueError: The text names no period, names no year and ``year`` is not
                given, or names a year other than ``year``.
        """
        found, number = _parse(cls._KIND, text, cls._PATTERNS, year)
        return cls(found, number)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@attrs.frozen(order=True)
class _RomanPart(_PartOfYear):
    """A quarter or a semester, numbered in roman numerals as reports print them."""

    @property
    def roman(self) -> str:
        """The period's number as reports print it (I, II, III or IV)."""
        return _ROMAN[self.number - 1]

    def __str__(self) -> str:
        return f"{self._LABEL} {self.roman} {self.year}"


@attrs.frozen(order=True)
class Quarter(_RomanPart):
    """A quarter (triwulan, TW I-IV) of a fiscal year.

    :meth:`parse` reads ``"TW II 2024"``, ``"TW 2"``, ``"Triwulan II"``, ``"Kuartal II 2024"``,
    ``"Q2 2024"``, ``"Quarter 2"`` and ``"2024-Q2"``, roman or arabic numbers, any case.

    >>> q = sakip.Quarter(2024, 2)
    >>> str(q), q.start, q.end
    ('TW II 2024', datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
    >>> sakip.Quarter.parse("Triwulan II", year=2024) == sakip.Quarter.parse("Q2 2024") == q
    True
    >>> from datetime import date
    >>> str(sakip.Quarter.containing(date(2024, 8, 17)))
    'TW III 2024'
    """

    _MONTHS: ClassVar[int] = 3
    _KIND: ClassVar[str] = "quarter"
    _LABEL: ClassVar[str] = "TW"
    _PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(
            r"(?:TW|Triwulan|Kuartal|Q|Quarter)\s*[-.]?\s*(?P<n>IV|III|II|I|[1-4])"
            r"(?:\s*[-/,]?\s*(?:(?:TA|Tahun)\s*)?(?P<y>\d{4}))?",
            re.I,
        ),
        re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*Q(?P<n>[1-4])", re.I),
    )

    @property
    def semester(self) -> Semester:
        """The semester the quarter belongs to."""
        return Semester(self.year, 1 if self.number <= 2 else 2)

    def previous(self) -> Quarter:
        """The quarter before this one (TW IV of last year before TW I)."""
        return Quarter.containing(self.start - relativedelta(days=1))

    def next(self) -> Quarter:
        """The quarter after this one (TW I of next year after TW IV)."""
        return Quarter.containing(self.end + relativedelta(days=1))


@attrs.frozen(order=True)
class Semester(_RomanPart):
    """A semester (half of a fiscal year): semester I is January-June.

    :meth:`parse` reads ``"Semester II 2024"``, ``"Semester 2"``, ``"S2 2024"`` and
    ``"2024-H2"``.

    >>> s = sakip.Semester(2024, 2)
    >>> str(s), s.start, s.end
    ('Semester II 2024', datetime.date(2024, 7, 1), datetime.date(2024, 12, 31))
    >>> [str(q) for q in s.quarters]
    ['TW III 2024', 'TW IV 2024']
    """

    _MONTHS: ClassVar[int] = 6
    _KIND: ClassVar[str] = "semester"
    _LABEL: ClassVar[str] = "Semester"
    _PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        re.compile(
            r"(?:Semester|Smt|S|H|Half)\s*[-.]?\s*(?P<n>II|I|[12])"
            r"(?:\s*[-/,]?\s*(?:(?:TA|Tahun)\s*)?(?P<y>\d{4}))?",
            re.I,
        ),
        re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*[HS](?P<n>[12])", re.I),
    )

    @property
    def quarters(self) -> tuple[Quarter, Quarter]:
        """The two quarters of the semester."""
        first = 2 * self.number - 1
        return Quarter(self.year, first), Quarter(self.year, first + 1)


@attrs.frozen(order=True)
class Month(_PartOfYear):
    """A month (bulan) of a fiscal year, the period of a monthly action plan (rencana aksi).

    :meth:`parse` reads ``"Januari 2024"``, ``"Jan 2024"``, ``"January 2024"``, ``"2024-01"``
    and, with ``year=``, ``"Januari"``.

    >>> m = sakip.Month.parse("Agustus 2024")
    >>> str(m), m.start, m.end, str(m.quarter)
    ('Agustus 2024', datetime.date(2024, 8, 1), datetime.date(2024, 8, 31), 'TW III 2024')
    >>> sakip.Month.parse("2024-08") == sakip.Month.parse("Agt", year=2024) == m
    True
    """

    _MONTHS: ClassVar[int] = 1
    _KIND: ClassVar[str] = "month"
    _NUMERIC: ClassVar[re.Pattern[str]] = re.compile(r"(?P<y>\d{4})\s*[-/]\s*(?P<m>\d{1,2})")

    @property
    def quarter(self) -> Quarter:
        """The quarter the month belongs to."""
        return Quarter(self.year, (self.number - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str, *, year: int | None = None) -> Month:
        """The month a text names, in Indonesian or English, or as ``YYYY-MM``.

        Args:
            text: The month as written.
            year: The fiscal year, for a text without one; if the text has a year too, both
                must agree.

        Raises:
            InvalidValueError: The text names no month, names no year and ``year`` is not
                given, or names a year other than ``year``.
        """
        if not isinstance(text, str):
            raise InvalidValueError("month", text, "a text such as 'Januari 2024' or '2024-01'")
        numeric = cls._NUMERIC.fullmatch(text.strip())
        if numeric is not None:
            found, number = int(numeric["y"]), int(numeric["m"])
        else:
            with_year = text if year is None or re.search(r"\d{4}", text) else f"{text} {year}"
            try:
                found, number = parse_month(with_year)
            except InvalidValueError:
                expected = "a month and a year ('Januari 2024', 'Jan 2024', '2024-01')"
                raise InvalidValueError("month", text, expected) from None
        if year is not None and found != year:
            raise InvalidValueError("year", year, f"the year the text names ({found})")
        return cls(found, number)

    def __str__(self) -> str:
        return format_month(self.year, self.number)


Period: TypeAlias = FiscalYear | Semester | Quarter | Month
"""Any of the periods a report covers."""


# --- report deadlines -------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class ReportDeadline(Displayed):
    """A report deadline (batas waktu penyampaian laporan kinerja) for some kinds of body.

    Attributes:
        name: The registered name.
        title: What it is, in a phrase.
        levels: The kinds of body it applies to.
        months_after: Months after the fiscal year ends by which the report is due; the day is
            the last day of that month (31 March for 3 months, 28 or 29 February for 2).
        source: Where the rule comes from.
    """

    name: str
    title: str
    levels: frozenset[AgencyLevel]
    months_after: int
    source: Source

    def due(self, year: int) -> date:
        """The due date of the report on fiscal ``year``."""
        return FiscalYear(year).end + relativedelta(months=self.months_after, day=31)


DEADLINES: Registry[ReportDeadline] = Registry("report deadline")
"""The report deadlines, by name."""

_DEADLINE_SOURCE_NOTE = (
    "As quoted by reports and official portals, not read in the regulations' text: an LKjIP "
    "of a regional government is due 3 months after the fiscal year, of a ministry 2 months."
)

REGIONAL_DEADLINE = DEADLINES.register(
    ReportDeadline(
        name="regional-government",
        title="LKjIP of a regional government: 3 months after the fiscal year (31 March)",
        levels=frozenset(level for level in AgencyLevel if level.is_regional),
        months_after=3,
        source=Source(
            reference="Perpres 29/2014; PermenPANRB 53/2014",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_DEADLINE_SOURCE_NOTE
            + " Regional departments (OPD) are given their government's deadline here.",
        ),
    )
)
"""Regional governments and their departments, due 31 March (3 months)."""
CENTRAL_DEADLINE = DEADLINES.register(
    ReportDeadline(
        name="ministry-institution",
        title="LKjIP of a ministry or institution: 2 months after the fiscal year (end of "
        "February)",
        levels=frozenset({AgencyLevel.MINISTRY, AgencyLevel.INSTITUTION}),
        months_after=2,
        source=Source(
            reference="Perpres 29/2014; PermenPANRB 53/2014",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_DEADLINE_SOURCE_NOTE,
        ),
    )
)
"""Ministries and institutions, due at the end of February (2 months)."""


def _level(level: AgencyLevel | Agency | str) -> AgencyLevel:
    if isinstance(level, Agency):
        return level.level
    result: AgencyLevel = AgencyLevel.parse(level, "level")
    return result


def deadline_rule(level: AgencyLevel | Agency | str) -> ReportDeadline:
    """The deadline rule for a kind of body, with its source.

    >>> print(sakip.deadline_rule("kota").source)
    Perpres 29/2014; PermenPANRB 53/2014 [REG-2nd]
    """
    wanted = _level(level)
    return next(rule for rule in DEADLINES if wanted in rule.levels)


def report_deadline(year: int, level: AgencyLevel | Agency | str) -> date:
    """Report deadline: the last day to submit the LKjIP on fiscal ``year``.

    A regional government (province, regency, city) and its departments: 3 months after the
    fiscal year, 31 March. A ministry or institution: 2 months, 28 or 29 February. The rule
    and its source are :func:`deadline_rule`.

    Args:
        year: The fiscal year the report covers.
        level: The kind of body: an :class:`~sakip.AgencyLevel`, its name (Indonesian names
            work: ``"kota"``, ``"kementerian"``) or an :class:`~sakip.Agency`.

    >>> sakip.report_deadline(2024, "kota")
    datetime.date(2025, 3, 31)
    >>> sakip.report_deadline(2023, "kementerian")
    datetime.date(2024, 2, 29)
    """
    return deadline_rule(level).due(year)


# --- aggregation ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class AggregationMethod(Displayed):
    """An aggregation method (cara agregasi): how quarterly values make a year's value.

    Attributes:
        name: The registered name, the value of its :class:`~sakip.Aggregation`.
        aggregation: The member of :class:`~sakip.Aggregation` it implements.
        title: What it is, in a phrase.
        source: Where the convention comes from.
    """

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
        title="Σ numerator / Σ denominator × 100, never an average of ratios",
        source=_aggregation_source("ratio indicators aggregate as Σnumerator / Σdenominator"),
    )
)
"""Σ numerator / Σ denominator × 100 over the reported quarters."""


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

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> ind = sakip.Indicator(code="K1", name="Penerima", unit="orang", aggregation="sum")
        >>> rs = [
        ...     sakip.Realization(indicator="K1", year=2024, quarter=q, value=v)
        ...     for q, v in ((1, 120), (2, 130), (4, 150))
        ... ]
        >>> sakip.aggregate(ind, rs, 2024).explain()
        'jumlah: TW I 120 + TW II 130 + TW IV 150 = 400; TW III tidak dilaporkan'
        """
        if self.yearly:
            return f"realisasi tahunan {self.year}: {typed(self.value)}"
        kind = self.method.aggregation
        terms = [f"TW {_ROMAN[q - 1]} {typed(v)}" for q, v in self.values]
        if kind is Aggregation.SUM:
            text = f"jumlah: {' + '.join(terms)} = {typed(self.value)}"
        elif kind is Aggregation.LAST:
            text = f"nilai terakhir: {terms[-1]}"
        elif kind is Aggregation.AVERAGE:
            text = (
                f"rata-rata: ({' + '.join(terms)}) / {len(terms)} = {format_number(self.value, 2)}"
            )
        else:
            numerator = typed(self.numerator)  # type: ignore[arg-type]  # ratio has both
            denominator = typed(self.denominator)  # type: ignore[arg-type]
            text = (
                f"rasio: Σ pembilang {numerator} / Σ penyebut {denominator} × 100 = "
                f"{format_number(self.value, 2)} %"
            )
        if self.missing:
            absent = ", ".join(f"TW {_ROMAN[q - 1]}" for q in self.missing)
            text += f"; {absent} tidak dilaporkan"
        return text


def _indicator(indicator: object) -> Indicator:
    if not isinstance(indicator, Indicator):
        raise InvalidValueError("indicator", indicator, "a sakip.Indicator")
    return indicator


def _as_of(as_of: Quarter | None, year: int) -> Quarter:
    if as_of is None:
        return Quarter(year, 4)
    if not isinstance(as_of, Quarter):
        raise InvalidValueError("as_of", as_of, "a sakip.Quarter or None")
    if as_of.year < year:
        raise InvalidValueError("as_of", str(as_of), f"a quarter of {year} or later")
    return as_of if as_of.year == year else Quarter(year, 4)


def _of(realizations: Iterable[Realization], code: str) -> list[Realization]:
    chosen = []
    for item in realizations:
        if not isinstance(item, Realization):
            raise InvalidValueError("realizations", item, "sakip.Realization objects")
        if item.indicator == code:
            chosen.append(item)
    return chosen


def _not_found(code: str, year: int, as_of: Quarter, own: list[Realization]) -> NotFoundError:
    available = (
        str(Quarter(r.year, r.quarter)) if r.quarter else str(FiscalYear(r.year)) for r in own
    )
    return NotFoundError("realization", f"{code} for {year} up to {as_of}", available)


def _reduce(
    method: AggregationMethod, used: list[Realization], code: str
) -> tuple[Decimal, Decimal | None, Decimal | None]:
    kind = method.aggregation
    values = [r.value for r in used]
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
                    f"numerator of {code} in TW {_ROMAN[(r.quarter or 1) - 1]} {r.year}",
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
        return numerator * HUNDRED / denominator, numerator, denominator


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
    value, numerator, denominator = _reduce(method, used, chosen.code)
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
    yearly = [r for r in own if r.year == year and r.quarter is None]
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
            value=yearly[0].value,
            numerator=yearly[0].numerator,
            denominator=yearly[0].denominator,
            yearly=True,
        )
    return aggregate(chosen, own, year, as_of=until)
