"""Periods (fiscal year, quarter, semester), report deadlines and quarterly aggregation."""

from __future__ import annotations

import decimal
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
import sakip.periods
from sakip._decimal import CONTEXT, round_half_up
from sakip.periods import AGGREGATIONS, DEADLINES
from tests.strategies import decimals, quarters, years

SUM = sakip.Indicator(code="N", name="Penerima bantuan", unit="orang", aggregation="sum")
LAST = sakip.Indicator(code="N", name="Persentase", unit="%", aggregation="last")
AVERAGE = sakip.Indicator(code="N", name="Indeks", unit="indeks", aggregation="average")
RATIO = sakip.Indicator(code="N", name="PPKS ditangani", unit="%", aggregation="ratio")


def quarterly(values: dict[int, object], year: int = 2024, code: str = "N") -> list[object]:
    return [
        sakip.Realization(indicator=code, year=year, quarter=q, value=v)  # type: ignore[arg-type]
        for q, v in values.items()
    ]


# --- periods -------------------------------------------------------------------------------


def test_fiscal_year_is_the_calendar_year() -> None:
    """A fiscal year runs from 1 January to 31 December and prints as TA 2024."""
    year = sakip.FiscalYear(2024)
    assert (date(2024, 1, 1), date(2024, 12, 31)) == (year.start, year.end)
    assert "TA 2024" == str(year)
    assert date(2024, 6, 1) in year
    assert date(2025, 1, 1) not in year
    assert "2024-06-01" not in year


def test_fiscal_year_has_four_quarters_and_two_semesters() -> None:
    """A year's quarters are TW I-IV and its semesters I-II, in order."""
    year = sakip.FiscalYear(2024)
    assert ["TW I 2024", "TW II 2024", "TW III 2024", "TW IV 2024"] == [
        str(q) for q in year.quarters
    ]
    assert ["Semester I 2024", "Semester II 2024"] == [str(s) for s in year.semesters]


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, date(2024, 1, 1), date(2024, 3, 31)),
        (2, date(2024, 4, 1), date(2024, 6, 30)),
        (3, date(2024, 7, 1), date(2024, 9, 30)),
        (4, date(2024, 10, 1), date(2024, 12, 31)),
    ],
)
def test_quarter_start_and_end(number: int, start: date, end: date) -> None:
    """Each quarter starts and ends on the calendar's quarter days."""
    quarter = sakip.Quarter(2024, number)
    assert (start, end) == (quarter.start, quarter.end)


def test_semester_start_end_and_quarters() -> None:
    """Semester I is January-June with TW I and II."""
    semester = sakip.Semester(2024, 1)
    assert (date(2024, 1, 1), date(2024, 6, 30)) == (semester.start, semester.end)
    assert (sakip.Quarter(2024, 1), sakip.Quarter(2024, 2)) == semester.quarters
    assert sakip.FiscalYear(2024) == semester.fiscal_year
    assert date(2024, 6, 30) in semester
    assert date(2024, 7, 1) not in semester


def test_quarter_knows_its_year_and_semester() -> None:
    """TW III belongs to semester II of its fiscal year."""
    quarter = sakip.Quarter(2024, 3)
    assert sakip.FiscalYear(2024) == quarter.fiscal_year
    assert sakip.Semester(2024, 2) == quarter.semester
    assert sakip.Semester(2024, 1) == sakip.Quarter(2024, 2).semester
    assert "III" == quarter.roman
    assert date(2024, 9, 30) in quarter
    assert date(2024, 10, 1) not in quarter


def test_quarter_previous_and_next_cross_the_year() -> None:
    """Before TW I comes last year's TW IV; after TW IV, next year's TW I."""
    assert sakip.Quarter(2023, 4) == sakip.Quarter(2024, 1).previous()
    assert sakip.Quarter(2025, 1) == sakip.Quarter(2024, 4).next()
    assert sakip.Quarter(2024, 3) == sakip.Quarter(2024, 2).next()


def test_quarters_order_by_year_then_number() -> None:
    """Quarters sort chronologically."""
    assert sakip.Quarter(2023, 4) < sakip.Quarter(2024, 1) < sakip.Quarter(2024, 2)


@pytest.mark.parametrize(
    ("day", "quarter", "semester"),
    [
        (date(2024, 1, 1), 1, 1),
        (date(2024, 3, 31), 1, 1),
        (date(2024, 4, 1), 2, 1),
        (date(2024, 8, 17), 3, 2),
        (date(2024, 12, 31), 4, 2),
    ],
)
def test_period_containing_a_date(day: date, quarter: int, semester: int) -> None:
    """The quarter, semester and year a date falls in."""
    assert sakip.Quarter(2024, quarter) == sakip.Quarter.containing(day)
    assert sakip.Semester(2024, semester) == sakip.Semester.containing(day)
    assert sakip.FiscalYear(2024) == sakip.FiscalYear.containing(day)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_lies_in_the_periods_containing_it(day: date) -> None:
    """The period found for a date contains that date."""
    assert day in sakip.Quarter.containing(day)
    assert day in sakip.Semester.containing(day)
    assert day in sakip.FiscalYear.containing(day)


@given(quarters)
def test_quarters_tile_the_year(quarter: sakip.Quarter) -> None:
    """A quarter ends the day before the next one starts."""
    assert quarter.end + timedelta(days=1) == quarter.next().start
    assert quarter == quarter.next().previous()


def test_containing_refuses_a_non_date() -> None:
    """A text is not a date: the error names the argument."""
    with pytest.raises(sakip.InvalidValueError, match=r"'day' must be a datetime\.date"):
        sakip.Quarter.containing("2024-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("TW II 2024", None, (2024, 2)),
        ("tw ii 2024", None, (2024, 2)),
        ("TW 2", 2024, (2024, 2)),
        ("TW-IV/2023", None, (2023, 4)),
        ("Triwulan II", 2024, (2024, 2)),
        ("Triwulan III Tahun 2024", None, (2024, 3)),
        ("Kuartal I 2025", None, (2025, 1)),
        ("Q2 2024", None, (2024, 2)),
        ("Quarter 4 2024", None, (2024, 4)),
        ("2024-Q3", None, (2024, 3)),
        ("  Triwulan   I  ", 2024, (2024, 1)),
        ("TW II 2024", 2024, (2024, 2)),
    ],
)
def test_quarter_parses_indonesian_and_english(
    text: str, year: int | None, expected: tuple[int, int]
) -> None:
    """Quarters parse from the ways reports write them."""
    assert sakip.Quarter(*expected) == sakip.Quarter.parse(text, year=year)


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("Triwulan II", None, "with a year"),
        ("TW V 2024", None, "a quarter such as"),
        ("Q5 2024", None, "a quarter such as"),
        ("TW II 2024", 2023, "the year the text names"),
        (2, 2024, "a text"),
    ],
)
def test_quarter_parse_refuses_what_it_cannot_read(
    text: str, year: int | None, message: str
) -> None:
    """A text with no quarter, no year or another year raises, saying what was expected."""
    with pytest.raises(sakip.InvalidValueError, match=message):
        sakip.Quarter.parse(text, year=year)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Semester II 2024", None, (2024, 2)),
        ("Semester 1", 2024, (2024, 1)),
        ("S2 2024", None, (2024, 2)),
        ("2024-H1", None, (2024, 1)),
        ("smt I tahun 2024", None, (2024, 1)),
    ],
)
def test_semester_parses(text: str, year: int | None, expected: tuple[int, int]) -> None:
    """Semesters parse from Indonesian and English forms."""
    assert sakip.Semester(*expected) == sakip.Semester.parse(text, year=year)


@pytest.mark.parametrize(
    "text", ["2024", "TA 2024", "Tahun Anggaran 2024", "FY2024", "tahun 2024"]
)
def test_fiscal_year_parses(text: str) -> None:
    """Fiscal years parse from a bare year and the usual prefixes."""
    assert sakip.FiscalYear(2024) == sakip.FiscalYear.parse(text)


def test_fiscal_year_parse_refuses_other_text() -> None:
    """A text without a year is refused."""
    with pytest.raises(sakip.InvalidValueError, match="'fiscal year' must be"):
        sakip.FiscalYear.parse("tahun lalu")


@pytest.mark.parametrize(
    ("factory", "name"),
    [
        (lambda: sakip.Quarter(2024, 5), "number"),
        (lambda: sakip.Quarter(2024, 0), "number"),
        (lambda: sakip.Quarter(2024, True), "number"),
        (lambda: sakip.Semester(2024, 3), "number"),
        (lambda: sakip.FiscalYear(24), "year"),
        (lambda: sakip.FiscalYear("2024"), "year"),
    ],
)
def test_periods_validate_their_fields(factory: object, name: str) -> None:
    """An impossible quarter, semester or year is refused, naming the field."""
    with pytest.raises(sakip.InvalidValueError, match=f"'{name}' must be"):
        factory()  # type: ignore[operator]


# --- report deadlines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("province", date(2025, 3, 31)),
        ("kabupaten", date(2025, 3, 31)),
        (sakip.AgencyLevel.CITY, date(2025, 3, 31)),
        ("opd", date(2025, 3, 31)),
        ("ministry", date(2025, 2, 28)),
        ("lembaga", date(2025, 2, 28)),
    ],
)
def test_report_deadline_by_kind_of_body(level: object, expected: date) -> None:
    """Regional governments and their departments: 31 March; ministries: end of February."""
    assert expected == sakip.report_deadline(2024, level)  # type: ignore[arg-type]


def test_ministry_deadline_in_a_leap_year() -> None:
    """Two months after fiscal 2023 ends on 29 February 2024."""
    assert date(2024, 2, 29) == sakip.report_deadline(2023, "kementerian")


def test_deadline_of_an_agency_uses_its_level() -> None:
    """An Agency's own level decides its deadline."""
    agency = sakip.Agency(name="Dinas Sosial Kota Metro", level="opd")
    assert date(2025, 3, 31) == sakip.report_deadline(2024, agency)


def test_deadline_rules_cite_their_source() -> None:
    """Each deadline rule is registered data with a REG-2nd source."""
    assert ["ministry-institution", "regional-government"] == DEADLINES.names()
    for rule in DEADLINES:
        assert "Perpres 29/2014; PermenPANRB 53/2014" == rule.source.reference
        assert sakip.EvidenceGrade.REGULATION_QUOTED is rule.source.grade
    assert 3 == sakip.deadline_rule("kota").months_after
    assert 2 == sakip.deadline_rule(sakip.AgencyLevel.MINISTRY).months_after


def test_every_level_has_exactly_one_deadline() -> None:
    """The rules cover every kind of body once."""
    for level in sakip.AgencyLevel:
        assert 1 == sum(level in rule.levels for rule in DEADLINES)


def test_deadline_refuses_an_unknown_level() -> None:
    """An unknown kind of body lists the known ones."""
    with pytest.raises(sakip.InvalidValueError, match="'level' must be one of"):
        sakip.report_deadline(2024, "desa")


# --- aggregation ------------------------------------------------------------------------------


def test_sum_adds_the_quarters() -> None:
    """Counts add up over the quarters."""
    result = sakip.aggregate(SUM, quarterly({1: 120, 2: 130, 3: 140, 4: 150}), 2024)
    assert D(540) == result.value
    assert (1, 2, 3, 4) == result.quarters_used
    assert () == result.missing
    assert result.complete
    assert "sum" == result.method.name
    assert "jumlah: TW I 120 + TW II 130 + TW III 140 + TW IV 150 = 540" == result.explain()


def test_last_takes_the_latest_reported_quarter() -> None:
    """A level takes the value of the last quarter reported."""
    result = sakip.aggregate(LAST, quarterly({1: "90.5", 2: "92.1", 3: "94.6"}), 2024)
    assert D("94.6") == result.value
    assert (4,) == result.missing
    assert "nilai terakhir: TW III 94,6; TW IV tidak dilaporkan" == result.explain()


def test_average_is_the_mean_of_reported_quarters() -> None:
    """An averaged indicator divides by the number of reported quarters, never by four."""
    result = sakip.aggregate(AVERAGE, quarterly({1: 70, 2: 80, 4: 90}), 2024)
    assert D(80) == result.value
    assert (3,) == result.missing
    assert "rata-rata: (TW I 70 + TW II 80 + TW IV 90) / 3 = 80,00; TW III tidak dilaporkan" == (
        result.explain()
    )


def test_ratio_is_sum_of_numerators_over_sum_of_denominators() -> None:
    """A ratio indicator aggregates as Σ numerator / Σ denominator, not a mean of ratios."""
    realizations = [
        sakip.Realization(
            indicator="N", year=2024, quarter=1, value=50, numerator=1, denominator=2
        ),
        sakip.Realization(
            indicator="N", year=2024, quarter=2, value=100, numerator=98, denominator=98
        ),
    ]
    result = sakip.aggregate(RATIO, realizations, 2024, as_of=sakip.Quarter(2024, 2))
    assert D(99) == result.value
    assert (D(99), D(100)) == (result.numerator, result.denominator)
    assert D(75) != result.value  # the mean of the ratios would say 75


def test_ratio_seed_year_from_quarters() -> None:
    """The seed's 13.773 of 14.460 split over quarters still gives 95,25 %."""
    parts = [(3000, 3500), (4000, 4100), (3773, 3860), (3000, 3000)]
    realizations = [
        sakip.Realization(indicator="N", year=2024, quarter=q, value=0, numerator=n, denominator=d)
        for q, (n, d) in enumerate(parts, start=1)
    ]
    result = sakip.aggregate(RATIO, realizations, 2024)
    assert D("95.25") == sakip.percentage(part=result.numerator, whole=result.denominator).percent  # type: ignore[arg-type]
    assert "rasio: Σ pembilang 13.773 / Σ penyebut 14.460 × 100 = 95,25 %" == result.explain()


def test_ratio_quarter_without_counts_is_refused() -> None:
    """A ratio quarter that lacks its numerator and denominator raises, naming the quarter."""
    realizations = quarterly({1: 95})
    with pytest.raises(sakip.InvalidValueError, match="TW I 2024"):
        sakip.aggregate(RATIO, realizations, 2024)


def test_ratio_with_zero_denominators_is_not_computable() -> None:
    """Denominators adding up to 0 give no ratio."""
    realizations = [
        sakip.Realization(indicator="N", year=2024, quarter=1, value=0, numerator=0, denominator=0)
    ]
    with pytest.raises(sakip.UndefinedResultError, match="denominators add up to 0"):
        sakip.aggregate(RATIO, realizations, 2024)


def test_as_of_limits_the_quarters() -> None:
    """Up to TW II, later quarters are left out and listed as such."""
    result = sakip.aggregate(
        SUM, quarterly({1: 10, 2: 20, 3: 30}), 2024, as_of=sakip.Quarter(2024, 2)
    )
    assert D(30) == result.value
    assert (3,) == result.after_as_of
    assert () == result.missing
    assert sakip.Quarter(2024, 2) == result.as_of


def test_as_of_in_a_later_year_means_the_whole_year() -> None:
    """Asked in 2025 about 2024, every quarter of 2024 counts."""
    result = sakip.aggregate(
        SUM, quarterly({1: 10, 2: 20, 3: 30, 4: 40}), 2024, as_of=sakip.Quarter(2025, 1)
    )
    assert D(100) == result.value
    assert sakip.Quarter(2024, 4) == result.as_of


def test_as_of_before_the_year_is_refused() -> None:
    """A quarter before the year cannot be the as-of period."""
    with pytest.raises(sakip.InvalidValueError, match="a quarter of 2024 or later"):
        sakip.aggregate(SUM, quarterly({1: 10}), 2024, as_of=sakip.Quarter(2023, 4))


def test_as_of_must_be_a_quarter() -> None:
    """A date is not an as-of quarter."""
    with pytest.raises(sakip.InvalidValueError, match="'as_of' must be"):
        sakip.aggregate(SUM, quarterly({1: 10}), 2024, as_of=date(2024, 6, 30))  # type: ignore[arg-type]


def test_other_indicators_years_and_yearly_values_are_not_used() -> None:
    """Only this indicator's quarters of this year count."""
    realizations = [
        *quarterly({1: 10, 2: 20}),
        *quarterly({1: 1000}, year=2023),
        *quarterly({1: 5000}, code="OTHER"),
        sakip.Realization(indicator="N", year=2024, value=999),
    ]
    result = sakip.aggregate(SUM, realizations, 2024)
    assert D(30) == result.value
    assert (3, 4) == result.missing


def test_two_values_for_one_quarter_are_refused() -> None:
    """A quarter reported twice is ambiguous and raises with both values."""
    realizations = [*quarterly({1: 10}), *quarterly({1: 11})]
    with pytest.raises(sakip.InvalidValueError, match="also given: 10"):
        sakip.aggregate(SUM, realizations, 2024)


def test_nothing_reported_raises_not_found() -> None:
    """No quarter up to as-of: a NotFoundError of kind realization, listing what exists."""
    realizations = quarterly({3: 10})
    with pytest.raises(sakip.NotFoundError) as caught:
        sakip.aggregate(SUM, realizations, 2024, as_of=sakip.Quarter(2024, 2))
    assert "realization" == caught.value.kind
    assert ("TW III 2024",) == caught.value.available


def test_aggregate_refuses_a_non_indicator() -> None:
    """The indicator argument must be an Indicator (guards a swapped call)."""
    with pytest.raises(sakip.InvalidValueError, match=r"'indicator' must be a sakip\.Indicator"):
        sakip.aggregate(quarterly({1: 1}), SUM, 2024)  # type: ignore[arg-type]


def test_aggregate_refuses_a_non_realization() -> None:
    """Every item must be a Realization."""
    with pytest.raises(sakip.InvalidValueError, match="'realizations' must be"):
        sakip.aggregate(SUM, [10, 20], 2024)  # type: ignore[list-item]


def test_aggregation_methods_are_cited_rules() -> None:
    """Each Aggregation member has one registered, cited method."""
    assert sorted(member.value for member in sakip.Aggregation) == AGGREGATIONS.names()
    for method in AGGREGATIONS:
        assert sakip.EvidenceGrade.PRACTICE is method.source.grade
        assert method.name == method.aggregation.value


# --- year_value -------------------------------------------------------------------------------


def test_year_value_prefers_the_yearly_realization() -> None:
    """A reported yearly figure is the year's value, even when quarters exist."""
    realizations = [
        *quarterly({1: 10, 2: 20}),
        sakip.Realization(indicator="N", year=2024, value=95),
    ]
    result = sakip.year_value(SUM, realizations, 2024)
    assert D(95) == result.value
    assert result.yearly
    assert () == result.missing
    assert "realisasi tahunan 2024: 95" == result.explain()


@pytest.mark.parametrize("year", [True, "2024", D(2024), [2024]])
def test_year_value_refuses_a_year_that_is_no_whole_number(year: object) -> None:
    """A bool, a text, a Decimal or a list is no year, even once 2024 was asked for."""
    realizations = [sakip.Realization(indicator=SUM.code, year=2024, value=5)]
    assert D(5) == sakip.year_value(SUM, realizations, 2024).value
    with pytest.raises(sakip.InvalidValueError, match="year"):
        sakip.year_value(SUM, realizations, year)  # type: ignore[arg-type]


def test_year_value_keeps_the_seed_counts() -> None:
    """The seed's yearly PPKS figure keeps its numerator and denominator."""
    realization = sakip.Realization(
        indicator="N", year=2024, value=95, numerator=13773, denominator=14460
    )
    result = sakip.year_value(RATIO, [realization], 2024)
    assert (D(95), D(13773), D(14460)) == (result.value, result.numerator, result.denominator)


def test_year_value_aggregates_quarters_without_a_yearly_figure() -> None:
    """Without a yearly figure the quarters are aggregated."""
    result = sakip.year_value(SUM, quarterly({1: 10, 2: 20, 4: 5}), 2024)
    assert D(35) == result.value
    assert (3,) == result.missing
    assert not result.yearly


def test_year_value_before_year_end_uses_quarters() -> None:
    """As of TW II, the quarters count even when a yearly figure exists."""
    realizations = [
        *quarterly({1: 10, 2: 20}),
        sakip.Realization(indicator="N", year=2024, value=95),
    ]
    result = sakip.year_value(SUM, realizations, 2024, as_of=sakip.Quarter(2024, 2))
    assert D(30) == result.value


def test_year_value_with_nothing_reported_raises() -> None:
    """Nothing reported for the year: NotFoundError of kind realization."""
    realizations = [sakip.Realization(indicator="N", year=2023, value=93)]
    with pytest.raises(sakip.NotFoundError, match="unknown realization 'N for 2024") as caught:
        sakip.year_value(SUM, realizations, 2024)
    assert ("TA 2023",) == caught.value.available


def test_year_value_refuses_two_yearly_figures() -> None:
    """Two yearly figures for one year are ambiguous."""
    realizations = [
        sakip.Realization(indicator="N", year=2024, value=95),
        sakip.Realization(indicator="N", year=2024, value=96),
    ]
    with pytest.raises(sakip.InvalidValueError, match="also given: 95"):
        sakip.year_value(SUM, realizations, 2024)


def test_year_value_refuses_a_swapped_call() -> None:
    """Realizations in the indicator's place raise instead of misreading."""
    with pytest.raises(sakip.InvalidValueError, match="'indicator'"):
        sakip.year_value(quarterly({1: 1}), SUM, 2024)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------------


quarter_values = st.dictionaries(
    st.integers(min_value=1, max_value=4), decimals(min_value=0, max_value=10**9), min_size=1
)


@given(quarter_values)
def test_sum_of_quarters_equals_their_sum(values: dict[int, D]) -> None:
    """SUM aggregation is exactly the sum of the reported quarters."""
    result = sakip.aggregate(SUM, quarterly(values), 2024)  # type: ignore[arg-type]
    assert sum(values.values(), D(0)) == result.value


@given(quarter_values)
def test_a_missing_quarter_is_never_zero(values: dict[int, D]) -> None:
    """Missing quarters are listed, and never enter a mean or a last value as 0."""
    average = sakip.aggregate(AVERAGE, quarterly(values), 2024)  # type: ignore[arg-type]
    last = sakip.aggregate(LAST, quarterly(values), 2024)  # type: ignore[arg-type]
    expected_missing = tuple(q for q in range(1, 5) if q not in values)
    assert expected_missing == average.missing == last.missing
    with decimal.localcontext(CONTEXT):
        assert sum(values.values(), D(0)) / len(values) == average.value
    assert values[max(values)] == last.value


@given(quarter_values, st.sampled_from([SUM, LAST, AVERAGE]))
def test_aggregation_ignores_the_callers_decimal_context(
    values: dict[int, D], indicator: sakip.Indicator
) -> None:
    """A global context of precision 3 rounding down changes no aggregate."""
    expected = sakip.aggregate(indicator, quarterly(values), 2024).value  # type: ignore[arg-type]
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        assert expected == sakip.aggregate(indicator, quarterly(values), 2024).value  # type: ignore[arg-type]


def test_ratio_ignores_the_callers_decimal_context() -> None:
    """The ratio keeps 28 digits under a precision-3 context."""
    realizations = [
        sakip.Realization(
            indicator="N", year=2024, quarter=1, value=0, numerator=13773, denominator=14460
        )
    ]
    expected = sakip.aggregate(RATIO, realizations, 2024).value
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        assert expected == sakip.aggregate(RATIO, realizations, 2024).value
    assert D("95.25") == round_half_up(expected)


@given(years)
def test_deadlines_fall_after_the_year(year: int) -> None:
    """Every deadline is in the following year: February for ministries, 31 March otherwise."""
    regional = sakip.report_deadline(year, "kota")
    central = sakip.report_deadline(year, "kementerian")
    assert date(year + 1, 3, 31) == regional
    assert (year + 1, 2) == (central.year, central.month)
    assert (central + timedelta(days=1)).month == 3


@pytest.mark.parametrize(
    "text", ["Agustus 2024", "Agt 2024", "August 2024", "agustus 2024", "2024-08", "2024/8"]
)
def test_a_month_reads_in_indonesian_english_and_iso(text: str) -> None:
    """Month names in either language, abbreviated or not, and YYYY-MM all name August 2024."""
    assert sakip.Month(2024, 8) == sakip.Month.parse(text)


def test_a_month_knows_its_days_quarter_and_name() -> None:
    """A month has its first and last day (leap years too), its quarter and its printed name."""
    feb = sakip.Month.parse("Februari", year=2024)
    assert (date(2024, 2, 1), date(2024, 2, 29)) == (feb.start, feb.end)
    assert sakip.Quarter(2024, 1) == feb.quarter
    assert "Februari 2024" == str(feb)
    assert sakip.Month(2024, 12) == sakip.Month.containing(date(2024, 12, 31))
    assert date(2024, 12, 17) in sakip.Month(2024, 12)


def test_periods_list_their_months() -> None:
    """A year has twelve months, a quarter three, a semester six, in order."""
    assert 12 == len(sakip.FiscalYear(2024).months)
    assert [7, 8, 9] == [m.number for m in sakip.Quarter(2024, 3).months]
    assert [7, 8, 9, 10, 11, 12] == [m.number for m in sakip.Semester(2024, 2).months]
    assert sakip.FiscalYear(2024).months == tuple(
        m for q in sakip.FiscalYear(2024).quarters for m in q.months
    )


@pytest.mark.parametrize("text", ["Foo 2024", "Januari", "2024-13", "13/2024"])
def test_a_text_that_names_no_month_is_refused(text: str) -> None:
    """No month, no year, or a month number past 12 are refused with what is expected."""
    with pytest.raises(sakip.InvalidValueError):
        sakip.Month.parse(text)


def test_a_month_refuses_a_year_that_disagrees_and_non_text() -> None:
    """The year in the text and year= must agree; only text is read."""
    with pytest.raises(sakip.InvalidValueError, match="the year the text names"):
        sakip.Month.parse("Januari 2023", year=2024)
    with pytest.raises(sakip.InvalidValueError, match="'month'"):
        sakip.Month.parse(202401)  # type: ignore[arg-type]
    with pytest.raises(sakip.InvalidValueError, match="'month' must be a month and a year"):
        sakip.Month.parse("Foo 2024")


def test_aggregate_and_year_value_take_their_arguments_in_one_order() -> None:
    """Both take the indicator, then the realizations, then the year."""
    import inspect

    expected = ["indicator", "realizations", "year", "as_of"]
    assert expected == list(inspect.signature(sakip.aggregate).parameters)
    assert expected == list(inspect.signature(sakip.year_value).parameters)
