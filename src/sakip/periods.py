"""Periods (periode): the fiscal year, its quarters, semesters and months.

The Indonesian fiscal year (tahun anggaran) is the calendar year. It splits into four quarters
(triwulan, TW I-IV), two semesters and twelve months. :class:`FiscalYear`, :class:`Quarter`,
:class:`Semester` and :class:`Month` are frozen values that know their first and last day
(computed with dateutil's ``relativedelta``), the period a date falls in, and how reports
write them ("TW II 2024", "Triwulan II", "Q2 2024", "Januari 2024").

Nothing here reads the system clock: the year, the date or the as-of quarter is always an
argument.

Report deadlines live in :mod:`sakip.deadlines` and the aggregation of quarterly values into
a year's value in :mod:`sakip.aggregation`; this module gathers their names too, so that
``from sakip.periods import aggregate`` keeps working.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from sakip.exceptions import InvalidValueError
from sakip.locale import format_month, parse_month

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


# The names of the modules split from this one, so that ``sakip.periods`` keeps them. They
# resolve on first use: both modules import the periods above, so importing them here would
# fail whenever one of them is the first module a program imports.
_MOVED = {
    **dict.fromkeys(
        [
            "AGGREGATIONS",
            "AVERAGE",
            "LAST",
            "RATIO",
            "SUM",
            "Aggregate",
            "AggregationMethod",
            "aggregate",
            "year_value",
        ],
        "sakip.aggregation",
    ),
    **dict.fromkeys(
        [
            "CENTRAL_DEADLINE",
            "DEADLINES",
            "REGIONAL_DEADLINE",
            "ReportDeadline",
            "deadline_rule",
            "report_deadline",
        ],
        "sakip.deadlines",
    ),
}

if TYPE_CHECKING:
    from sakip.aggregation import (
        AGGREGATIONS,
        AVERAGE,
        LAST,
        RATIO,
        SUM,
        Aggregate,
        AggregationMethod,
        aggregate,
        year_value,
    )
    from sakip.deadlines import (
        CENTRAL_DEADLINE,
        DEADLINES,
        REGIONAL_DEADLINE,
        ReportDeadline,
        deadline_rule,
        report_deadline,
    )


def __getattr__(name: str) -> Any:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
