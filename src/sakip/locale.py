"""Indonesian numbers and dates in and out (angka dan tanggal dalam format Indonesia).

Reports write ``13.773`` for thirteen thousand and ``94,6`` for ninety-four point six, money as
``Rp. 174.970.600,-`` and dates as ``31 Maret 2025``; real tables mix in English style
(``98.80%``, ``1,004,422,800``). :func:`sakip.parse_number` reads all of these and refuses what it
cannot read without guessing; the ``format_*`` functions write numbers, money and dates in the
notation of CLDR's locale data (numbers directly, in CLDR's symbols for ``id`` and ``en``, which
the tests check against Babel's; dates through Babel). Babel and python-dateutil are imported
only when first needed, so ``import sakip`` stays light.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sakip._decimal import IN_RANGE, Number, in_range, round_half_up, to_decimal
from sakip.exceptions import InvalidValueError

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = [
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_rupiah",
    "parse_date",
    "parse_month",
    "parse_number",
]

_LANGUAGES = {"id": "id", "en": "en"}


def _locale(lang: str) -> str:
    try:
        return _LANGUAGES[lang]
    except KeyError:
        raise InvalidValueError("lang", lang, "one of 'id', 'en'") from None


def _places(places: object) -> int:
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise InvalidValueError("places", places, "a whole number of places, 0 or more")
    return places


_NOTATIONS = {"id": str.maketrans(",.", ".,"), "en": str.maketrans("", "")}
"""Per language, how to turn Python's ``1,234.5`` into the CLDR notation (id ``1.234,5``).

A test checks the result against Babel's own formatting over generated numbers.
"""


def format_number(value: Number, places: int | None = None, *, lang: str = "id") -> str:
    """Write a number the way a report prints it (format angka).

    Args:
        value: The number.
        places: Decimal places to print, rounding half-up; ``None`` prints the places the
            value has and rounds nothing: ``Decimal("9.20")`` prints ``9,20``, as typed.
        lang: ``"id"`` (``13.773,5``, the default) or ``"en"`` (``13,773.5``).

    >>> format_number(Decimal("95.2489"), places=2)
    '95,25'
    >>> format_number(13773)
    '13.773'
    >>> format_number(Decimal("9.20"))
    '9,20'
    >>> format_number(Decimal("1004422800"), lang="en")
    '1,004,422,800'
    """
    # A rounded figure depends only on the number's value (9.2 and 9.20 print alike), so it is
    # kept: a report prints the same achievements and targets in several tables and sentences.
    # Only a finite Decimal and a whole number of places are looked up (True == 1 is refused).
    key = None
    if type(value) is Decimal and type(places) is int and value.is_finite():
        key = (value, places, lang)
        found = _PRINTED.get(key)
        if found is not None:
            return found
    notation = _NOTATIONS[_locale(lang)]
    number = to_decimal(value, "value")
    if places is not None:
        number = round_half_up(number, _places(places))
    if number.is_zero():
        number = abs(number)  # 0,00, never -0,00
    # Without a precision, format(…, ",f") writes every digit the number holds, exactly and in
    # no context's precision, grouped by thousands; translate() makes it Indonesian.
    printed = format(number, ",f").translate(notation)
    if key is not None:
        if len(_PRINTED) >= _PRINTED_MAX:
            _PRINTED.clear()  # bounded: a long run's figures never pile up
        _PRINTED[key] = printed
    return printed


_PRINTED: dict[tuple[Decimal, int, str], str] = {}
"""Figures already printed to a number of places, by value, places and language."""
_PRINTED_MAX = 4096


def format_percent(value: Number, places: int = 2, *, lang: str = "id") -> str:
    """Write a percentage the way a report prints it (persentase).

    ``value`` is the percentage itself (``95.25`` for 95,25 %), not a fraction. Indonesian
    style puts a space before the sign, as LKjIP tables print it; English style does not.

    Args:
        value: The percentage.
        places: Decimal places to print, rounding half-up.
        lang: ``"id"`` (``95,25 %``, the default) or ``"en"`` (``95.25%``).

    >>> format_percent(Decimal("95.2489"))
    '95,25 %'
    >>> format_percent(Decimal("95.2489"), lang="en")
    '95.25%'
    >>> format_percent(Decimal("1234.5"), places=1)
    '1.234,5 %'
    """
    sign = " %" if _locale(lang) == "id" else "%"
    return format_number(value, _places(places), lang=lang) + sign


def format_rupiah(value: Number, places: int = 0, *, lang: str = "id") -> str:
    """Write an amount of money in rupiah (format rupiah), with the CLDR currency symbol.

    Indonesian style gives ``Rp174.970.600`` (CLDR's ``id`` pattern: the symbol ``Rp`` with no
    space); English style gives ``IDR174,970,600`` (CLDR's ``en`` symbol for the rupiah).
    Whole rupiah by default, rounding half-up.

    Args:
        value: The amount.
        places: Decimal places to print (sen), rounding half-up.
        lang: ``"id"`` (the default) or ``"en"``.

    >>> format_rupiah(174970600)
    'Rp174.970.600'
    >>> format_rupiah(Decimal("149338671.5"))
    'Rp149.338.672'
    >>> format_rupiah(Decimal("-2500.5"), places=2)
    '-Rp2.500,50'
    >>> format_rupiah(174970600, lang="en")
    'IDR174,970,600'
    """
    number = format_number(value, _places(places), lang=lang)
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    return f"{sign}{_RUPIAH[_locale(lang)]}{digits}"


_RUPIAH = {"id": "Rp", "en": "IDR"}
"""CLDR's symbol for the rupiah in each language; a test checks them against Babel's."""


# --- reading numbers -------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_CURRENCY = re.compile(r"(?:rp\.?|idr)", re.IGNORECASE)
_BODY = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}")
_SIGNS = ("-", "\N{MINUS SIGN}", "+")
_SPACED = re.compile(r"[0-9]\s+[0-9]")
_DIGITS_AND_SPACES = re.compile(r"[0-9][0-9\s.,]*[0-9]")
_SPACE_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:\s+[0-9]{3})+(?:[.,][0-9]+)?")
_NOTATION = "a number in Indonesian or English notation"
# A space beside a separator ("1, 2", "94. 6") may join two numbers into one; "Rp. 5" is fine.
_SPACED_SEPARATOR = re.compile(r"[0-9]\s+[.,]|(?<!rp)[.,]\s+[0-9]", re.IGNORECASE)
_ENDS = " \t\n\r"  # the whitespace a cell may carry around its text


_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _has_control(text: str) -> bool:
    """Whether the text holds a control or format character (ESC, a bidi override, ...)."""
    inner = text.strip(_ENDS)
    if inner.isascii():  # the common case, without a look-up per character
        return _ASCII_CONTROL.search(inner) is not None
    return any(unicodedata.category(char) in ("Cc", "Cf") for char in inner)


def _sign(body: str) -> tuple[bool | None, str]:
    """Whether a leading sign makes the number negative (``None``: no sign), and the rest."""
    if body[:1] in _SIGNS:
        return body[0] != "+", body[1:]
    return None, body


def _strip(text: str) -> tuple[str, str, str | None]:
    """The sign, the digits with their separators, and the separator of a trailing ``,-``."""
    body = _SPACES.sub("", text)
    negative: bool | None = None
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    if negative is None:
        negative, body = _sign(body)
    if match := _CURRENCY.match(body):
        body = body[match.end() :]
        if negative is None:  # "Rp -5.000" as well as "-Rp 5.000"
            negative, body = _sign(body)
    dash = None
    if body.endswith("%"):
        body = body[:-1]
    elif body.endswith((",-", ".-")):
        body, dash = body[:-2], body[-2]
    return ("-" if negative else ""), body, dash


def _spaces_group_thousands(text: str) -> bool:
    """Whether every space between two digits separates thousands (``1 234 567,8``).

    Any other space between digits (``94 6``, ``1.234 567``) would join two numbers or
    two groups into one silently.
    """
    if _SPACED.search(text) is None:
        return True
    found = _DIGITS_AND_SPACES.search(text)
    return found is not None and _SPACE_GROUPED.fullmatch(found[0]) is not None


def _grouped(groups: list[str]) -> bool:
    """Whether digit groups are thousands: 1-3 digits (not 0) first, then three each."""
    return _GROUPED.fullmatch(groups[0]) is not None and all(len(g) == 3 for g in groups[1:])


def _check_characters(text: object, name: str) -> None:
    """Refuse a text whose characters already show it is no number, or two numbers."""
    if not isinstance(text, str):
        raise InvalidValueError(name, text, f"a text holding {_NOTATION}")
    if _has_control(text):
        raise InvalidValueError(name, text, f"{_NOTATION}, without control characters")
    if _SPACED_SEPARATOR.search(text):
        raise InvalidValueError(name, text, f"{_NOTATION}, with no space beside a separator")
    if not _spaces_group_thousands(text):
        raise InvalidValueError(name, text, f"{_NOTATION}: spaces between digits in groups of 3")


def parse_number(text: str, *, decimal: str | None = None, name: str = "text") -> Decimal:
    """Read a number typed in Indonesian or English notation (membaca angka).

    Currency (``Rp``, ``Rp.``, ``IDR``), a ``%`` sign, spaces (also non-breaking and thin
    ones) and a trailing ``,-`` or ``.-`` are dropped; a leading ``-``, ``−`` or ``+`` and
    parentheses around the number give the sign. A space between two digits must separate
    thousands (``1 234 567,8``); ``94 6`` is refused, not read as 946. The separators are
    then read like this:

    - Both ``.`` and ``,`` present: the rightmost one, which must appear once, is the
      decimal separator, and the other one must group the digits by three
      (``1.234.567,89`` or ``1,234,567.89``).
    - One kind repeated: thousands separators, grouping the digits by three
      (``174.970.600``, ``1,004,422,800``).
    - One separator, followed by 1, 2 or 4 and more digits: the decimal separator
      (``94,6``, ``98.80``, ``0,1234``).
    - One separator followed by exactly three digits is **ambiguous**: ``13.773`` is
      thirteen thousand in Indonesian notation and thirteen point seven in English. It is
      read the Indonesian way (``.`` groups thousands, ``,`` is the decimal separator)
      unless ``decimal`` names the decimal separator. A trailing ``,-`` or ``.-`` marks a
      whole amount (no cents), so before it the separator groups thousands.
      When the digits before it cannot be a thousands group (``0.500``, ``1234.567``)
      there is nothing to choose and the separator is the decimal one.

    ``decimal`` only settles the ambiguous case; every other text has one reading and gives
    the same number whatever ``decimal`` says. Anything else (empty text, letters,
    ``1.2.3``, ``12,34,5``, NaN, infinity, an exponent, a control character, a space beside
    a separator as in ``1, 2`` or ``94. 6``) is refused. ``Rp 5.000.-``, ``Rp 5,000.-`` and
    ``Rp 5.000,-`` are all five thousand.

    Args:
        text: The text of a cell or a report.
        decimal: ``"."`` or ``","``, the decimal separator of an ambiguous text; ``None``
            (the default) reads it the Indonesian way.
        name: What the text is (a column name), used in the error message.

    Raises:
        InvalidValueError: The text is not a number in either notation; the message quotes
            the text.

    >>> parse_number("13.773")
    Decimal('13773')
    >>> parse_number("94,6")
    Decimal('94.6')
    >>> parse_number("Rp. 174.970.600,-")
    Decimal('174970600')
    >>> parse_number("98.80%")
    Decimal('98.80')
    >>> parse_number("1,004,422,800")
    Decimal('1004422800')
    >>> parse_number("13.773", decimal=".")
    Decimal('13.773')
    >>> parse_number("(1.250,5)")
    Decimal('-1250.5')
    >>> parse_number("Rp 5.000.-")
    Decimal('5000')
    """
    if decimal not in (None, ".", ","):
        raise InvalidValueError("decimal", decimal, "'.', ',' or None")
    _check_characters(text, name)
    sign, body, dash = _strip(text)
    if _BODY.fullmatch(body) is None:
        raise InvalidValueError(name, text, _NOTATION)
    groups = re.split(r"[.,]", body)
    separators = re.findall(r"[.,]", body)
    whole, fraction = body, ""
    if len(set(separators)) == 2:
        if separators.count(separators[-1]) > 1 or not _grouped(groups[:-1]):
            raise InvalidValueError(
                name, text, f"{_NOTATION}: one decimal separator, last, and groups of 3 before"
            )
        whole, fraction = "".join(groups[:-1]), groups[-1]
    elif len(separators) > 1:
        if not _grouped(groups):
            raise InvalidValueError(name, text, f"{_NOTATION}: thousands in groups of 3")
        whole = "".join(groups)
    elif separators:
        is_decimal = len(groups[1]) != 3 or not _grouped(groups)
        if not is_decimal:  # ambiguous: the hint, a whole amount's dash, or Indonesian
            is_decimal = separators[0] == decimal if decimal or dash else separators[0] == ","
        whole, fraction = (groups[0], groups[1]) if is_decimal else ("".join(groups), "")
    number = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    if not in_range(number):
        raise InvalidValueError(name, text, f"{_NOTATION}, {IN_RANGE}")
    return abs(number) if number.is_zero() else number


# --- dates -----------------------------------------------------------------------------------

_MONTHS = [
    ("Jan", "Januari", "January"),
    ("Feb", "Februari", "Pebruari", "February"),
    ("Mar", "Maret", "March"),
    ("Apr", "April"),
    ("Mei", "May"),
    ("Jun", "Juni", "June"),
    ("Jul", "Juli", "July"),
    ("Agu", "Agt", "Agus", "Agustus", "Aug", "August"),
    ("Sep", "Sept", "September"),
    ("Okt", "Oktober", "Oct", "October"),
    ("Nov", "Nopember", "November"),
    ("Des", "Desember", "Dec", "December"),
]
_WEEKDAYS = [
    ("Sen", "Senin", "Mon", "Monday"),
    ("Sel", "Selasa", "Tue", "Tuesday"),
    ("Rab", "Rabu", "Wed", "Wednesday"),
    ("Kam", "Kamis", "Thu", "Thursday"),
    ("Jum", "Jumat", "Jum'at", "Fri", "Friday"),
    ("Sab", "Sabtu", "Sat", "Saturday"),
    ("Min", "Minggu", "Ahad", "Sun", "Sunday"),
]
# Two defaults that differ in every field show which fields the text itself gave.
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2001, 2, 2, 1, 1, 1))


@functools.cache
def _parserinfo() -> parserinfo:
    from dateutil import parser  # noqa: PLC0415 - dateutil is imported only to read dates

    class IndonesianParserInfo(parser.parserinfo):
        """Month and day names in Indonesian (and English); day before month."""

        # dateutil's stubs type these as pairs and triples; it reads tuples of any length.
        MONTHS = _MONTHS  # type: ignore[assignment]
        WEEKDAYS = _WEEKDAYS  # type: ignore[assignment]
        JUMP = [*parser.parserinfo.JUMP, "tanggal", "tgl"]  # noqa: RUF012 - dateutil's own form

    return IndonesianParserInfo(dayfirst=True)


def _parse(text: object, name: str, wanted: str) -> tuple[datetime.datetime, ...]:
    """The text read with each default; raises when dateutil cannot read it."""
    from dateutil import parser  # noqa: PLC0415 - see _parserinfo

    if not isinstance(text, str):
        raise InvalidValueError(name, text, wanted)
    try:
        return tuple(
            # A date has no time zone: "WIB" or a stray letter read as one is ignored, not
            # warned about (dateutil warns of a zone name it does not know).
            parser.parse(
                text, parserinfo=_parserinfo(), default=default, fuzzy=True, ignoretz=True
            )
            for default in _DEFAULTS
        )
    except (ValueError, OverflowError):
        raise InvalidValueError(name, text, wanted) from None


def parse_date(text: str) -> datetime.date:
    """Read a date (tanggal): ``31 Maret 2025``, ``31-03-2025``, ``2025-03-31``.

    Month names may be Indonesian, short (``Agu``, ``Agt``, ``Okt``, ``Des``) or English, in
    any case; numeric dates put the day first unless the year comes first. Words around the
    date, such as the place and weekday of a signature line, are ignored. The day, month and
    year must all be in the text, and no time of day.

    Raises:
        InvalidValueError: The text holds no complete date.

    >>> parse_date("31 Maret 2025")
    datetime.date(2025, 3, 31)
    >>> parse_date("31-03-2025")
    datetime.date(2025, 3, 31)
    >>> parse_date("Metro, Senin 31 Maret 2025")
    datetime.date(2025, 3, 31)
    """
    wanted = "a date with day, month and year ('31 Maret 2025')"
    first, second = _parse(text, "text", wanted)
    if first.date() != second.date() or first.time() != _DEFAULTS[0].time():
        raise InvalidValueError("text", text, wanted)
    return first.date()


def parse_month(text: str) -> tuple[int, int]:
    """Read a month of a year (bulan dan tahun): ``Agustus 2025`` gives ``(2025, 8)``.

    Words around the month, such as the place of a report's signature line (``Metro,
    Agustus 2025``), are ignored; the month and the year must both be there, and a text that
    also names a day is refused (read it with :func:`parse_date`).

    Raises:
        InvalidValueError: The text holds no month and year, or holds a whole date.

    >>> parse_month("Agustus 2025")
    (2025, 8)
    >>> parse_month("Metro, Agustus 2025")
    (2025, 8)
    """
    wanted = "a month and a year ('Agustus 2025')"
    first, second = _parse(text, "text", wanted)
    found = (first.year, first.month) == (second.year, second.month)
    if not found or first.day == second.day or first.time() != _DEFAULTS[0].time():
        raise InvalidValueError("text", text, wanted)
    return first.year, first.month


def _date(value: Any) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidValueError("date", value, "a datetime.date")
    return value


def format_date(date: datetime.date, *, lang: str = "id") -> str:
    """Write a date the way a report prints it (CLDR's long date): ``31 Maret 2025``.

    >>> import datetime
    >>> format_date(datetime.date(2025, 3, 31))
    '31 Maret 2025'
    >>> format_date(datetime.date(2025, 3, 31), lang="en")
    'March 31, 2025'
    """
    from babel.dates import format_date as babel_date  # noqa: PLC0415 - lazy, see above

    return babel_date(_date(date), format="long", locale=_locale(lang))


def format_month(year: int, month: int, *, lang: str = "id") -> str:
    """Write a month of a year: ``Agustus 2025`` (``August 2025`` in English).

    >>> format_month(2025, 8)
    'Agustus 2025'
    """
    from babel.dates import format_skeleton  # noqa: PLC0415 - lazy, see above

    for field, value in (("year", year), ("month", month)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValueError(field, value, "a whole number")
    try:
        first = datetime.date(year, month, 1)
    except ValueError:
        raise InvalidValueError("month", (year, month), "a month 1-12 of a year 1-9999") from None
    return format_skeleton("yMMMM", first, locale=_locale(lang))
