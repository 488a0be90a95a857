"""Indonesian numbers and dates: reading, writing and the round trip between them."""

from __future__ import annotations

import datetime
import decimal
from decimal import Decimal as D

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import sakip
import sakip.locale
from sakip.locale import (
    format_date,
    format_month,
    format_number,
    format_percent,
    format_rupiah,
    parse_date,
    parse_month,
    parse_number,
)
from tests.strategies import dates, decimals, number_texts

langs = st.sampled_from(["id", "en"])

# --- the contract -----------------------------------------------------------------------------


def test_design_contract_lines_hold() -> None:
    """The API contract lines for parse_number and format_number hold verbatim."""
    assert sakip.parse_number("13.773") == D("13773")
    assert sakip.parse_number("94,6") == D("94.6")
    assert sakip.parse_number("Rp. 174.970.600,-") == D("174970600")
    assert sakip.parse_number("98.80%") == D("98.80")
    assert sakip.format_number(D("95.2489"), places=2) == "95,25"
    assert sakip.format_number(13773) == "13.773"


def test_english_thousands_are_read() -> None:
    """1,004,422,800 (English grouping, as some tables print it) is a billion and more."""
    assert D("1004422800") == parse_number("1,004,422,800")


# --- parse_number: what is stripped ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 5.000", "5000"),
        ("Rp5.000", "5000"),
        ("rp. 5.000", "5000"),
        ("IDR 5,000,000", "5000000"),
        ("5.000,-", "5000"),
        ("5,000,000.-", "5000000"),
        ("81,79 %", "81.79"),
        ("81,79%", "81.79"),
        ("\u00a01\u00a0234,5\u2009", "1234.5"),
        ("1\u202f234,5", "1234.5"),
        ("  42  ", "42"),
    ],
)
def test_currency_percent_spaces_and_dash_are_stripped(text: str, expected: str) -> None:
    """Rp, Rp., IDR, %, any kind of space and a trailing ,- or .- are dropped."""
    assert D(expected) == parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5", "-5"),
        ("\N{MINUS SIGN}3,5", "-3.5"),
        ("+7", "7"),
        ("(1.250,5)", "-1250.5"),
        ("-Rp 5.000", "-5000"),
        ("Rp -5.000", "-5000"),
        ("(Rp 5.000)", "-5000"),
        ("-0", "0"),
    ],
)
def test_sign_is_read(text: str, expected: str) -> None:
    """A leading -, − or +, or parentheses, give the sign; -0 reads as 0."""
    assert D(expected) == parse_number(text)


def test_negative_zero_reads_as_plain_zero() -> None:
    """-0,00 gives a zero without a minus sign."""
    assert "0.00" == str(parse_number("-0,00"))


# --- parse_number: the separators -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.89", "1234567.89"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("999.999,999", "999999.999"),
    ],
)
def test_with_both_separators_the_rightmost_is_the_decimal(text: str, expected: str) -> None:
    """Both separators: the rightmost one is the decimal separator."""
    assert D(expected) == parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("174.970.600", "174970600"), ("1,004,422,800", "1004422800"), ("12.345.678", "12345678")],
)
def test_a_repeated_separator_groups_thousands(text: str, expected: str) -> None:
    """One kind repeated, with groups of three: thousands."""
    assert D(expected) == parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("94,6", "94.6"),
        ("94.6", "94.6"),
        ("98.80", "98.80"),
        ("0,1234", "0.1234"),
        ("12345.6789", "12345.6789"),
        ("1,5", "1.5"),
    ],
)
def test_a_lone_separator_before_1_2_or_4_digits_is_the_decimal(text: str, expected: str) -> None:
    """A lone separator followed by 1, 2 or 4+ digits is the decimal separator."""
    assert D(expected) == parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 5.000,-", "5000"),
        ("Rp 5,000.-", "5000"),
        ("Rp 5,000,-", "5000"),
        ("5.000.-", "5000"),
        ("Rp 5.000.-", "5000"),
    ],
)
def test_a_trailing_dash_marks_a_whole_amount(text: str, expected: str) -> None:
    """Before a trailing ,- or .- (no cents) an ambiguous separator groups thousands."""
    assert D(expected) == parse_number(text)


def test_an_explicit_hint_wins_over_the_dash() -> None:
    """decimal= is the caller's word and beats what the dash suggests."""
    assert D("5") == parse_number("5,000.-", decimal=",")


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("13.773", None, "13773"),
        ("13,773", None, "13.773"),
        ("13.773", ".", "13.773"),
        ("13,773", ".", "13773"),
        ("13.773", ",", "13773"),
        ("13,773", ",", "13.773"),
    ],
)
def test_a_lone_separator_before_three_digits_follows_the_hint(
    text: str, decimal: str | None, expected: str
) -> None:
    """Ambiguous: the Indonesian reading unless decimal= names the decimal separator."""
    assert D(expected) == parse_number(text, decimal=decimal)


@pytest.mark.parametrize(
    ("text", "expected"), [("0.500", "0.500"), ("0,125", "0.125"), ("1234.567", "1234.567")]
)
def test_three_digits_after_a_non_group_are_decimals(text: str, expected: str) -> None:
    """When the digits before cannot be a thousands group there is no ambiguity."""
    assert D(expected) == parse_number(text)
    assert D(expected) == parse_number(text, decimal=",")


@pytest.mark.parametrize("decimal", [None, ".", ","])
def test_the_hint_changes_nothing_but_the_ambiguous_case(decimal: str | None) -> None:
    """Texts with one reading are read the same whatever the hint says."""
    assert D("94.6") == parse_number("94,6", decimal=decimal)
    assert D("1234.5") == parse_number("1.234,5", decimal=decimal)
    assert D("174970600") == parse_number("174.970.600", decimal=decimal)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1.2.3",
        "12,34,5",
        "1.234,5,6",
        "1,234.567.8",
        "0.123.456",
        "1.2345.678",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "1e5",
        "1.",
        ".5",
        ",5",
        "5,",
        "--5",
        "-(5)",
        "(-5)",
        "Rp",
        "%",
        "12 abc",
        "١٢",  # Arabic-Indic digits are not what reports type
        "1_000",
    ],
)
def test_anything_else_is_refused_with_the_text_in_the_message(text: str) -> None:
    """Bad text raises InvalidValueError quoting the text."""
    with pytest.raises(sakip.InvalidValueError) as raised:
        parse_number(text)
    assert repr(text) in str(raised.value)
    assert text == raised.value.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1 234 567,89", "1234567.89"), ("Rp 174 970 600,-", "174970600"), ("(1 250)", "-1250")],
)
def test_spaces_may_group_thousands(text: str, expected: str) -> None:
    """Spaces between digits are read when they group thousands by three."""
    assert D(expected) == parse_number(text)


@pytest.mark.parametrize("text", ["94 6", "2023 2024", "1.234 567", "0 500", "1 23,4", "12 3456"])
def test_spaces_that_do_not_group_thousands_are_refused(text: str) -> None:
    """A space between digits that is no thousands separator is refused, never joined away."""
    with pytest.raises(sakip.InvalidValueError, match="spaces between digits in groups of 3"):
        parse_number(text)


def test_the_error_names_the_column() -> None:
    """name= puts the column's name in the message."""
    with pytest.raises(sakip.InvalidValueError, match=r"^'Realisasi' must be"):
        parse_number("x", name="Realisasi")


def test_a_bad_hint_is_refused() -> None:
    """decimal= takes '.', ',' or None."""
    with pytest.raises(sakip.InvalidValueError, match="'decimal'"):
        parse_number("1", decimal=";")


@pytest.mark.parametrize("value", [1234, D("1.5"), 1.5, None])
def test_a_non_text_is_refused(value: object) -> None:
    """parse_number reads text only; numbers go through the scalar API as they are."""
    with pytest.raises(sakip.InvalidValueError, match="a text"):
        parse_number(value)  # type: ignore[arg-type]


@given(number_texts)
@example("1.234.567,89")
@example("Rp. 174.970.600,-")
def test_arbitrary_text_gives_a_decimal_or_a_sakip_error(text: str) -> None:
    """Any text either reads as a finite Decimal or raises a SakipError, nothing else."""
    try:
        number = parse_number(text)
    except sakip.SakipError:
        return
    assert number.is_finite()


# --- the round trip ---------------------------------------------------------------------------


any_decimals = st.decimals(
    min_value=D("-1e30"), max_value=D("1e30"), allow_nan=False, allow_infinity=False
)


@given(any_decimals)
@example(D("1234"))
@example(D("1.234"))
@example(D("0.001"))
@example(D("-1234567.5"))
@example(D("1.7744378118579791100001900027E-19"))
@example(D("10000000000000000000000000"))
def test_format_then_parse_gives_the_value_back(value: D) -> None:
    """parse_number(format_number(x)) == x in Indonesian style, any number of places."""
    assert value == parse_number(format_number(value))


@given(any_decimals)
@example(D("1234"))
@example(D("1.234"))
def test_english_format_then_parse_with_the_hint_gives_the_value_back(value: D) -> None:
    """parse_number(format_number(x, lang='en'), decimal='.') == x."""
    assert value == parse_number(format_number(value, lang="en"), decimal=".")


@given(decimals(min_value=-(10**9), max_value=10**9, places=6), st.integers(0, 6))
def test_rounded_figures_read_back_as_the_rounded_value(value: D, places: int) -> None:
    """A figure printed with places= reads back as the value rounded half-up."""
    expected = sakip.format_number(value, places)
    assert sakip.parse_number(expected) == value.quantize(
        D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP
    )


def _babel_number(value: D, places: int, lang: str) -> str:
    """What Babel prints for a value that needs no rounding at ``places``, in a wide context."""
    from babel.numbers import format_decimal

    with decimal.localcontext(decimal.Context(prec=120)):
        return format_decimal(
            value, format="#,##0" + ("." + "0" * places if places else ""), locale=lang
        )


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(0, 8), langs)
@example(D("-0.004"), 2, "id")
@example(D("1234567.125"), 2, "en")
@example(D("1E+30"), 2, "id")
def test_format_number_writes_what_babel_writes(value: D, places: int, lang: str) -> None:
    """With places, the figure is Babel's own (CLDR) notation of the half-up rounded value."""
    assume(value.adjusted() < 60)
    rounded = value.quantize(
        D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=200)
    )
    rounded = abs(rounded) if rounded.is_zero() else rounded
    assert _babel_number(rounded, places, lang) == format_number(value, places, lang=lang)


@given(st.decimals(allow_nan=False, allow_infinity=False), langs)
@example(D("9.20"), "id")
@example(D("-0.0"), "en")
@example(D("1E+3"), "id")
def test_format_number_without_places_keeps_the_places_the_value_has(value: D, lang: str) -> None:
    """Without places, every digit is printed, trailing zeros too, as Babel prints them."""
    assume(value.adjusted() < 60 and value.as_tuple().exponent > -60)
    places = max(0, -int(value.as_tuple().exponent))
    expected = _babel_number(abs(value) if value.is_zero() else value, places, lang)
    assert expected == format_number(value, lang=lang)


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(0, 4), langs)
@example(D("-0.4"), 0, "id")
@example(D("-2500.5"), 2, "id")
def test_percent_and_rupiah_write_what_babel_writes(value: D, places: int, lang: str) -> None:
    """format_percent and format_rupiah print Babel's notation of the half-up rounded value."""
    from babel.numbers import format_currency
    from babel.numbers import format_percent as babel_percent

    assume(value.adjusted() < 60)
    rounded = value.quantize(
        D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=200)
    )
    rounded = abs(rounded) if rounded.is_zero() else rounded
    zeros = "." + "0" * places if places else ""
    with decimal.localcontext(decimal.Context(prec=200)):
        percent = babel_percent(
            rounded.scaleb(-2),
            format="#,##0" + zeros + (" %" if lang == "id" else "%"),
            locale=lang,
        )
        money = format_currency(
            rounded, "IDR", format="¤#,##0" + zeros, locale=lang, currency_digits=False
        )
    assert percent == format_percent(value, places, lang=lang)
    assert money == format_rupiah(value, places, lang=lang)


def test_typed_places_are_kept() -> None:
    """A number typed with trailing zeros prints them; an int or a float prints as written."""
    assert "9,20" == format_number(D("9.20"))
    assert "70,00" == format_number(D("70.00"))
    assert "94,6" == format_number(94.6)
    assert "13.773" == format_number(13773)
    assert "0" == format_number(D("-0"))


# --- format_percent and format_rupiah ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "lang", "expected"),
    [
        (D("95.2489"), 2, "id", "95,25 %"),
        (D("95.2489"), 2, "en", "95.25%"),
        (D("100.425"), 2, "id", "100,43 %"),
        (D("100.425"), 2, "en", "100.43%"),
        (D("-0.001"), 2, "id", "0,00 %"),
        (D("1234.5"), 1, "id", "1.234,5 %"),
        (95, 0, "id", "95 %"),
        ("72.545", 2, "id", "72,55 %"),
    ],
)
def test_format_percent(value: object, places: int, lang: str, expected: str) -> None:
    """Percentages print rounded half-up, Indonesian with a space before %, English without."""
    assert expected == format_percent(value, places, lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "places", "lang", "expected"),
    [
        (174970600, 0, "id", "Rp174.970.600"),
        (174970600, 0, "en", "IDR174,970,600"),
        (D("149338671.5"), 0, "id", "Rp149.338.672"),
        (D("2.5"), 0, "id", "Rp3"),
        (D("0.5"), 0, "id", "Rp1"),
        (D("-2500.5"), 2, "id", "-Rp2.500,50"),
        (D("-0.4"), 0, "id", "Rp0"),
        (D("1234.565"), 2, "en", "IDR1,234.57"),
    ],
)
def test_format_rupiah(value: object, places: int, lang: str, expected: str) -> None:
    """Rupiah in CLDR's form, rounded half-up (2,5 gives 3, not Babel's half-even 2)."""
    assert expected == format_rupiah(value, places, lang=lang)  # type: ignore[arg-type]


def test_numbers_beyond_28_digits_keep_every_digit() -> None:
    """More digits than sakip's 28-digit context still print exactly."""
    assert "1.000.000.000.000.000.000.000.000.000.000,00" == format_number(D("1e30"), 2)
    assert "Rp123.456.789.012.345.678.901.234.567.891" == format_rupiah(
        D("123456789012345678901234567890.5")
    )
    assert "1,0000000000000000000000000001 %" == format_percent(
        D("1.0000000000000000000000000001"), 28
    )


@pytest.mark.parametrize("places", [-1, True, 1.5, "2"])
@pytest.mark.parametrize("function", [format_number, format_percent, format_rupiah])
def test_bad_places_are_refused(function: object, places: object) -> None:
    """places= is a whole number, 0 or more."""
    with pytest.raises(sakip.InvalidValueError, match="'places'"):
        function(1, places)  # type: ignore[operator]


@pytest.mark.parametrize(
    "function", [format_number, format_percent, format_rupiah, format_date, format_month]
)
def test_an_unknown_language_is_refused(function: object) -> None:
    """lang= is 'id' or 'en'."""
    args = (datetime.date(2025, 3, 31),) if function is format_date else (2025, 3)
    with pytest.raises(sakip.InvalidValueError, match="one of 'id', 'en'"):
        function(*args, lang="fr")  # type: ignore[operator]


@pytest.mark.parametrize("value", [True, float("nan"), "abc", None])
def test_formatters_refuse_what_is_not_a_number(value: object) -> None:
    """Formatting refuses bool, NaN, text that is not a number and None."""
    for function in (format_number, format_percent, format_rupiah):
        with pytest.raises(sakip.InvalidValueError):
            function(value)  # type: ignore[operator]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "31 Maret 2025",
        "31 maret 2025",
        "31 MARET 2025",
        "31 Mar 2025",
        "31-03-2025",
        "31/03/2025",
        "31.03.2025",
        "2025-03-31",
        "Senin, 31 Maret 2025",
        "Metro, 31 Maret 2025",
        "tanggal 31 Maret 2025",
        "31 March 2025",
        "March 31, 2025",
    ],
)
def test_parse_date_reads_report_dates(text: str) -> None:
    """Indonesian, numeric (day first) and ISO dates all read as 31 March 2025."""
    assert datetime.date(2025, 3, 31) == parse_date(text)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("1 Januari 2025", 1),
        ("1 Februari 2025", 2),
        ("1 Pebruari 2025", 2),
        ("1 April 2025", 4),
        ("1 Mei 2025", 5),
        ("1 Juni 2025", 6),
        ("1 Juli 2025", 7),
        ("1 Agustus 2025", 8),
        ("1 Agu 2025", 8),
        ("1 Agt 2025", 8),
        ("1 September 2025", 9),
        ("1 Okt 2025", 10),
        ("1 Oktober 2025", 10),
        ("1 Nopember 2025", 11),
        ("1 Desember 2025", 12),
        ("1 Des 2025", 12),
    ],
)
def test_every_indonesian_month_name_is_known(text: str, month: int) -> None:
    """Full and short Indonesian month names, with the older spellings."""
    assert datetime.date(2025, month, 1) == parse_date(text)


def test_numeric_dates_put_the_day_first() -> None:
    """03-04-2025 is 3 April, as Indonesian reports write it."""
    assert datetime.date(2025, 4, 3) == parse_date("03-04-2025")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "xyz",
        "31 Maret",
        "Maret 2025",
        "2025",
        "31 Maret 2025 10:00",
        "32 Maret 2025",
        "9" * 20,
    ],
)
def test_parse_date_refuses_incomplete_or_bad_dates(text: str) -> None:
    """Missing day, month or year, a time of day or nonsense: InvalidValueError with the text."""
    with pytest.raises(sakip.InvalidValueError) as raised:
        parse_date(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agustus 2025", (2025, 8)),
        ("agustus 2025", (2025, 8)),
        ("Metro, Agustus 2025", (2025, 8)),
        ("Agt 2025", (2025, 8)),
        ("Desember 2024", (2024, 12)),
        ("August 2025", (2025, 8)),
    ],
)
def test_parse_month_finds_the_month_and_year(text: str, expected: tuple[int, int]) -> None:
    """A month name and a year, with a place name around them or not."""
    assert expected == parse_month(text)


@pytest.mark.parametrize(
    "text", ["Agustus", "2025", "31 Agustus 2025", "Agustus 2025 10:30", "hello", ""]
)
def test_parse_month_refuses_what_is_not_a_month_of_a_year(text: str) -> None:
    """No month, no year, or a whole date (read that with parse_date)."""
    with pytest.raises(sakip.InvalidValueError, match="a month and a year"):
        parse_month(text)


@pytest.mark.parametrize("function", [parse_date, parse_month])
def test_date_readers_refuse_non_text(function: object) -> None:
    """Dates are read from text only."""
    with pytest.raises(sakip.InvalidValueError):
        function(datetime.date(2025, 3, 31))  # type: ignore[operator]


def test_format_date_and_month() -> None:
    """CLDR's long date and month-year, in Indonesian and English."""
    day = datetime.date(2025, 3, 31)
    assert "31 Maret 2025" == format_date(day)
    assert "March 31, 2025" == format_date(day, lang="en")
    assert "Agustus 2025" == format_month(2025, 8)
    assert "August 2025" == format_month(2025, 8, lang="en")
    assert "Desember 2024" == format_month(2024, 12)


@pytest.mark.parametrize("value", [datetime.datetime(2025, 3, 31, 10), "31 Maret 2025", None])
def test_format_date_takes_a_date_only(value: object) -> None:
    """A datetime or text is refused rather than silently cut to a date."""
    with pytest.raises(sakip.InvalidValueError, match=r"a datetime\.date"):
        format_date(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "month"), [(2025, 13), (2025, 0), (0, 1), ("2025", 8), (2025, True), (2025, 8.0)]
)
def test_format_month_refuses_bad_months(year: object, month: object) -> None:
    """Month 1-12 of year 1-9999, as whole numbers."""
    with pytest.raises(sakip.InvalidValueError):
        format_month(year, month)  # type: ignore[arg-type]


@given(dates)
def test_format_date_then_parse_date_gives_the_date_back(day: datetime.date) -> None:
    """parse_date(format_date(d)) == d in both languages."""
    assert day == parse_date(format_date(day))
    assert day == parse_date(format_date(day, lang="en"))


@given(st.integers(1000, 9999), st.integers(1, 12))
def test_format_month_then_parse_month_gives_the_month_back(year: int, month: int) -> None:
    """parse_month(format_month(y, m)) == (y, m)."""
    assert (year, month) == parse_month(format_month(year, month))


# --- the caller's decimal context -------------------------------------------------------------


def test_results_do_not_depend_on_the_callers_context() -> None:
    """Precision 3 and ROUND_FLOOR in the caller's context change nothing."""
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        assert D("174970600") == parse_number("Rp. 174.970.600,-")
        assert D("1234567.89") == parse_number("1.234.567,89")
        assert "95,25" == format_number(D("95.2489"), places=2)
        assert "1.234.567,891" == format_number(D("1234567.891"))
        assert "95,25 %" == format_percent(D("95.2450"))
        assert "100,43 %" == format_percent(D("100.425"))
        assert "Rp174.970.601" == format_rupiah(D("174970600.5"))
        assert "-Rp2.500,50" == format_rupiah(D("-2500.495"), places=2)


@given(any_decimals)
def test_round_trip_holds_under_a_hostile_context(value: D) -> None:
    """The round trip holds with the caller's context at precision 3 and ROUND_FLOOR."""
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        assert value == parse_number(format_number(value))
        assert format_number(value, 2) == format_number(value, 2)


@pytest.mark.parametrize("text", ["94\x1b6", "9\x0b4,6", "94,6\x07", "1\u200b000", "\u202e94,6"])
def test_control_characters_are_refused(text: str) -> None:
    """ESC, vertical tab, bell, zero-width and bidi characters make a text no number."""
    with pytest.raises(sakip.InvalidValueError, match="without control characters"):
        parse_number(text)


@pytest.mark.parametrize("text", ["1, 2", "94. 6", "94 ,6", "1.234 ,5", "Rp 5 .000"])
def test_a_space_beside_a_separator_is_refused(text: str) -> None:
    """A text such as 1, 2 may be two numbers: refused, not read as 1,2 or 12."""
    with pytest.raises(sakip.InvalidValueError, match="no space beside a separator"):
        parse_number(text)


@pytest.mark.parametrize(("text", "expected"), [("Rp. 5.000", "5000"), (" 94,6\n", "94.6")])
def test_currency_dots_and_surrounding_whitespace_still_read(text: str, expected: str) -> None:
    """The dot of "Rp." and a cell's surrounding whitespace are no separator and no control."""
    assert D(expected) == parse_number(text)


def test_a_number_beyond_the_supported_magnitude_is_refused() -> None:
    """A 500-digit text raises InvalidValueError naming the supported range."""
    with pytest.raises(sakip.InvalidValueError, match="between -1E\\+400 and 1E\\+400"):
        parse_number("9" * 500)


@pytest.mark.parametrize(
    "value", [D("1E-5000"), D("1E+999999"), 10**5000], ids=["tiny", "huge", "int"]
)
def test_formatting_a_number_beyond_the_supported_magnitude_is_refused(value: object) -> None:
    """format_number and format_percent name the supported range instead of overflowing."""
    for function in (sakip.format_number, sakip.format_percent):
        with pytest.raises(sakip.InvalidValueError, match="at most 400 decimal places"):
            function(value)  # type: ignore[operator]


def test_a_time_zone_name_is_ignored_not_warned_about() -> None:
    """A stray zone name (a fuzz find: "0H0B") neither warns nor changes the date read."""
    with pytest.raises(sakip.InvalidValueError, match="a date with day, month and year"):
        sakip.parse_date("0H0B")
    assert datetime.date(2025, 8, 17) == sakip.parse_date("Metro, 17 Agustus 2025 WIB")


def test_a_figure_printed_again_is_printed_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounded figures are kept by value: equal values print alike, typed places still show."""
    monkeypatch.setattr(sakip.locale, "_PRINTED", {})
    monkeypatch.setattr(sakip.locale, "_PRINTED_MAX", 2)
    assert "9,20" == format_number(D("9.2"), 2) == format_number(D("9.20"), 2)
    assert ("9,2", "9,20") == (format_number(D("9.2")), format_number(D("9.20")))
    assert "9.20" == format_number(D("9.2"), 2, lang="en")
    assert "0,00" == format_number(D("-0.001"), 2) == format_number(D("0"), 2)
    assert 2 >= len(sakip.locale._PRINTED)  # emptied when full
    with pytest.raises(sakip.InvalidValueError, match="places"):
        format_number(D("9.2"), True)  # equal to 1, still refused
    with pytest.raises(sakip.InvalidValueError, match="lang"):
        format_number(D("9.2"), 2, lang="fr")
    with pytest.raises(sakip.InvalidValueError, match="value"):
        format_number(D("sNaN"), 2)
