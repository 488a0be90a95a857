"""Errors of the readers: every problem in a file, each with its place, in one error.

``str(error)`` is English, for Python callers (as in attrs, pint and Babel). The person who
fixes the file reads :meth:`FieldError.describe` and :meth:`DataFileError.describe` instead:
the same problems in the command's language, each placed by the table's line and column or
by the item's code (``indikator IKU-1``), with the nearest known key or value suggested.
"""

from __future__ import annotations

import enum
import os
import reprlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from sakip.exceptions import SakipError
from sakip.text import N_, gettext, ngettext

__all__ = ["DataFileError", "FieldError", "Item", "ItemKind", "Problem", "detailed", "item_words"]


class Problem(enum.Enum):
    """What is wrong at one place of a file (a stable code, for programs that read errors)."""

    UNKNOWN_KEY = "unknown-key"
    """A key the format does not define (misspelt?)."""
    MISSING_KEY = "missing-key"
    """A required key is not there."""
    INVALID_VALUE = "invalid-value"
    """A value that cannot be read or is not allowed there."""
    UNKNOWN_INDICATOR = "unknown-indicator"
    """A code that names no indicator of the plan."""
    UNKNOWN_CODE = "unknown-code"
    """A code that names no objective, cascade item or budget line of the data; ``expected``
    says which kind."""
    EMPTY_FILE = "empty-file"
    """The file holds nothing."""
    NOT_TEXT = "not-text"
    """The file is not UTF-8 text (UTF-16, another encoding, or no text at all)."""
    SYNTAX = "syntax"
    """The text is not valid TOML or JSON; the place is its line and column."""
    UNKNOWN_FILE_TYPE = "unknown-file-type"
    """The file's suffix is neither ``.toml`` nor ``.json``."""
    TOO_DEEP = "too-deep"
    """The data nests too deeply to read."""
    WRONG_HEADER = "wrong-header"
    """``format`` or ``version`` is not what a sakip dataset has."""
    UNSUPPORTED_VERSION = "unsupported-version"
    """A later (or earlier) version of the format than this sakip reads."""
    LATER_PART = "later-part"
    """A part of a later version of the format in a file that says it is of an earlier one;
    ``value`` is the value as written when the field is old but the value is new, else ``None``."""
    EMPTY_TABLE = "empty-table"
    """A table with no header row."""
    DUPLICATE_COLUMN = "duplicate-column"
    """A column header that appears twice."""
    UNKNOWN_COLUMN = "unknown-column"
    """A header that names no column sakip reads, but is near one that it does."""
    MISSING_COLUMN = "missing-column"
    """A column the table needs is not in its header; ``value`` lists its names."""
    STRAY_CELL = "stray-cell"
    """A row fills a cell right of the last header, so its cells may have shifted."""
    UNNAMED_CELL = "unnamed-cell"
    """A row fills a cell whose column has no header."""
    SECOND_ROW = "second-row"
    """A second row for the same indicator and period; ``value`` is the first one's line."""
    NOT_CSV = "not-csv"
    """The text cannot be read as CSV."""
    NOT_XLSX = "not-xlsx"
    """The file cannot be read as an XLSX workbook."""
    UNKNOWN_TABLE_TYPE = "unknown-table-type"
    """The file's suffix is neither ``.csv`` nor ``.xlsx``."""
    UNREADABLE = "unreadable"
    """The file cannot be read at all; ``value`` is the system's reason."""
    NO_SUCH_SHEET = "no-such-sheet"
    """The workbook has no sheet of that name; ``accepted`` lists the sheets it has."""
    NO_VISIBLE_SHEET = "no-visible-sheet"
    """The workbook shows no sheet, and none was named."""
    UNREADABLE_SHEET = "unreadable-sheet"
    """The sheet cannot be read."""
    NOT_DATA = "not-data"
    """Neither a folder of data files nor a table."""
    NO_DATA_FILES = "no-data-files"
    """A folder with no ``.toml`` or ``.json`` data file."""
    NO_AGENCY_COLUMN = "no-agency-column"
    """A table of many agencies without its agency column; ``accepted`` lists its names."""
    OTHER = "other"
    """Anything else; ``str(error)`` says what."""


class ItemKind(enum.Enum):
    """The kind of item of a data file a problem sits in."""

    AGENCY = "agency"
    PLAN = "plan"
    GOAL = "goal"
    OBJECTIVE = "objective"
    INDICATOR = "indicator"
    INDICATOR_PLAN = "indicator-plan"
    REALIZATION = "realization"
    BUDGET_LINE = "budget-line"
    AGREEMENT = "agreement"
    STANDARD = "standard"
    STATED_FIGURE = "stated-figure"
    CASCADE_ITEM = "cascade-item"
    ANALYSIS = "analysis"


@attrs.frozen
class Item:
    """An item of a data file, as a person finds it: by its kind and code, not a list index.

    Attributes:
        kind: What the item is.
        code: Its code ("IKU-1"), the indicator it belongs to, or where a stated figure is
            printed; ``None`` when the file gives none.
        year: Its year, for a realization or an agreement.
        quarter: Its quarter, for a quarterly realization.
        number: Its position among its kind, counted from 1, when it has no code.
    """

    kind: ItemKind
    code: str | None = None
    year: int | None = None
    quarter: int | None = None
    number: int | None = None


_MAX_LINES = 20


class _Unset:
    """The marker of a value that was not given (``None`` is a value a cell can hold)."""

    def __repr__(self) -> str:
        return "<unset>"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = 6
_SHORT.maxlevel = 3


def short(value: object) -> str:
    """``repr(value)``, shortened so that one problem stays one line of a screen."""
    return _SHORT.repr(value)


class FieldError(SakipError, ValueError):
    """One bad value at one place of a file: a cell of a table or a field of a data file.

    Attributes:
        message: What is wrong, as a sentence.
        file: The file's name, when the input came from a file.
        sheet: The worksheet, for a workbook.
        row: The line or row number (1 is the first line of the file, the header of a table),
            or, in a data file, the path of the table holding the value
            (``plan.goals[0].objectives[1].indicators[2]``).
        column: The column as its header reads, or the field's name.
        value: The value as read.
        expected: What would have been accepted, as a phrase.
        problem: What is wrong, as a code.
        item: The item of a data file the value belongs to (``indikator IKU-1``).
        suggestion: The nearest known key or value, for a misspelt one.
        accepted: The words accepted there, Indonesian first (``positif``, ``negatif``).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | str | None = None,
        column: str | None = None,
        value: object = UNSET,
        expected: str | None = None,
    ) -> None:
        super().__init__(message, file, sheet, row, column, value, expected)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected
        # The details below are set by the reader that knows them (see detailed()).
        self.problem = Problem.OTHER
        self.item: Item | None = None
        self.suggestion: str | None = None
        self.accepted: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        details = (self.problem, self.item, self.suggestion, self.accepted)
        return (_rebuild_field_error, (self.args, details))

    def describe(self, lang: str = "id") -> str:
        """The problem for the person who fixes the file, in ``lang``, with its place.

        >>> from sakip.io.errors import FieldError, Item, ItemKind, Problem, detailed
        >>> error = detailed(
        ...     FieldError("unknown field 'polarty'", file="data.toml", column="polarty"),
        ...     problem=Problem.UNKNOWN_KEY,
        ...     suggestion="polarity",
        ...     item=Item(ItemKind.INDICATOR, "IKU-1"),
        ... )
        >>> error.describe()
        'data.toml: indikator IKU-1: kunci `polarty` tidak dikenal; maksud Anda `polarity`?'
        >>> error.describe(lang="en")
        'data.toml: indicator IKU-1: unknown key `polarty`; did you mean `polarity`?'
        """
        parts = [part for part in (self.file, _place(self, lang)) if part]
        return ": ".join([*parts, _what(self, lang)])

    @property
    def location(self) -> str:
        """Where the problem is, as ``file[sheet]:row:column`` with the known parts."""
        parts = []
        head = self.file or ""
        if self.sheet is not None:
            head += f"[{self.sheet}]"
        if head:
            parts.append(head)
        if self.row is not None:
            parts.append(str(self.row))
        if self.column is not None:
            parts.append(self.column)
        return ":".join(parts)

    def __str__(self) -> str:
        location = self.location
        return f"{location}: {self.message}" if location else self.message


def detailed(
    error: FieldError,
    *,
    problem: Problem,
    item: Item | None = None,
    suggestion: str | None = None,
    accepted: Iterable[str] = (),
) -> FieldError:
    """``error`` with the details a person needs to fix it: what, where, what was meant."""
    error.problem = problem
    error.item = item
    error.suggestion = suggestion
    error.accepted = tuple(accepted)
    return error


def _rebuild_field_error(args: tuple[Any, ...], details: tuple[Any, ...]) -> FieldError:
    message, file, sheet, row, column, value, expected = args
    problem, item, suggestion, accepted = details
    error = FieldError(
        message, file=file, sheet=sheet, row=row, column=column, value=value, expected=expected
    )
    return detailed(error, problem=problem, item=item, suggestion=suggestion, accepted=accepted)


# --- words for the person who fixes the file ----------------------------------------------

_ITEM_WORDS = {
    ItemKind.AGENCY: N_("instansi"),
    ItemKind.PLAN: N_("rencana strategis"),
    ItemKind.GOAL: N_("tujuan {code}"),
    ItemKind.OBJECTIVE: N_("sasaran {code}"),
    ItemKind.INDICATOR: N_("indikator {code}"),
    ItemKind.INDICATOR_PLAN: N_("rencana indikator {code}"),
    ItemKind.REALIZATION: N_("realisasi {code} {year}"),
    ItemKind.BUDGET_LINE: N_("anggaran {code}"),
    ItemKind.AGREEMENT: N_("perjanjian kinerja {year}"),
    ItemKind.STANDARD: N_("standar {code}"),
    ItemKind.STATED_FIGURE: N_("angka yang dinyatakan di {code}"),
    ItemKind.CASCADE_ITEM: N_("program/kegiatan {code}"),
    ItemKind.ANALYSIS: N_("analisis {code} {year}"),
}
_NUMBERED_WORDS = {
    ItemKind.GOAL: N_("tujuan nomor {number}"),
    ItemKind.OBJECTIVE: N_("sasaran nomor {number}"),
    ItemKind.INDICATOR: N_("indikator nomor {number}"),
    ItemKind.INDICATOR_PLAN: N_("rencana indikator nomor {number}"),
    ItemKind.REALIZATION: N_("realisasi nomor {number}"),
    ItemKind.BUDGET_LINE: N_("anggaran nomor {number}"),
    ItemKind.AGREEMENT: N_("perjanjian kinerja nomor {number}"),
    ItemKind.STANDARD: N_("standar nomor {number}"),
    ItemKind.STATED_FIGURE: N_("angka yang dinyatakan nomor {number}"),
    ItemKind.CASCADE_ITEM: N_("program/kegiatan nomor {number}"),
    ItemKind.ANALYSIS: N_("analisis nomor {number}"),
}

# What a value had to be, for the expectations the model states most (others: see _what).
_EXPECTED_WORDS = {
    "a finite number": N_("harus berupa angka"),
    "a number in Indonesian or English notation": N_(
        "harus berupa angka, dalam notasi Indonesia atau Inggris"
    ),
    "a whole number": N_("harus berupa bilangan bulat"),
    "a non-empty text": N_("harus berupa teks yang tidak kosong"),
    "a text": N_("harus berupa teks"),
    "a text or None": N_("harus berupa teks"),
    "true or false": N_("harus true atau false"),
    "a year between 1900 and 2200": N_("harus tahun antara 1900 dan 2200"),
    "a date (2025-01-31)": N_("harus tanggal (2025-01-31)"),
    "a list (an array of tables)": N_("harus daftar (array of tables)"),
    # A table's cells.
    "a number (94,6 or 94.6)": N_("harus berupa angka (94,6 atau 94.6)"),
    "one notation for the whole column": N_("harus memakai satu notasi angka untuk seluruh kolom"),
    "a quarter 1-4 (I-IV, TW I, Q1)": N_("harus triwulan 1-4 (I-IV, TW I, Q1)"),
    "a number or a range (60-85, 60 s.d. 85)": N_(
        "harus berupa angka atau rentang (60-85, 60 s.d. 85)"
    ),
    "a low bound and a high bound, low not above high": N_(
        "harus memuat batas bawah dan batas atas, batas bawah tidak melebihi batas atas"
    ),
    "either a target or a range": N_("harus target atau rentang target, tidak keduanya"),
    "a year (2024)": N_("harus tahun (2024)"),
    "a year": N_("harus diisi tahun"),
    "a code or a name": N_("harus diisi kode atau nama indikator"),
    "given with the other count": N_("harus diisi bersama pembilang atau penyebutnya"),
}


def item_words(item: Item, lang: str = "id") -> str:
    """The item as a person names it: ``indikator IKU-1``, ``realisasi IKU-1 2024``."""
    values = {"code": item.code, "year": item.year, "number": item.number}
    if item.kind is ItemKind.REALIZATION and item.quarter is not None and item.code is not None:
        return gettext(
            "realisasi {code} {year} triwulan {quarter}", lang=lang, quarter=item.quarter, **values
        )
    named = item.code is not None or item.kind in (ItemKind.AGENCY, ItemKind.PLAN)
    if item.kind is ItemKind.AGREEMENT:
        named = item.year is not None
    if named or item.number is None:
        return gettext(_ITEM_WORDS[item.kind], lang=lang, **values)
    return gettext(_NUMBERED_WORDS[item.kind], lang=lang, **values)


def _place(error: FieldError, lang: str) -> str:
    """Where the problem is: a table's sheet, line and column, or a data file's item."""
    if isinstance(error.row, int):
        where = {"row": error.row, "column": error.column, "sheet": error.sheet}
        if error.sheet is not None and error.column is not None:
            return gettext("lembar {sheet}, baris {row}, kolom {column}", lang=lang, **where)
        if error.column is not None:
            return gettext("baris {row}, kolom {column}", lang=lang, **where)
        return gettext("baris {row}", lang=lang, **where)
    if error.item is not None:
        return item_words(error.item, lang)
    return ""


# What is wrong with a whole file; {value} is the value as read, {expected} what was wanted.
_FILE_WORDS = {
    Problem.EMPTY_FILE: N_("berkas kosong"),
    Problem.NOT_TEXT: N_("berkas ini bukan teks UTF-8; simpan sebagai UTF-8"),
    Problem.SYNTAX: N_("bukan {expected} yang sah: {message}"),
    Problem.UNKNOWN_FILE_TYPE: N_(
        "jenis berkas {value} tidak dikenal; gunakan berkas .toml atau .json"
    ),
    Problem.TOO_DEEP: N_("data bersarang terlalu dalam untuk dibaca"),
    Problem.WRONG_HEADER: N_("`{key}` harus {expected}"),
    Problem.UNSUPPORTED_VERSION: N_(
        "versi {value} tidak didukung; sakip ini membaca versi 1 sampai {expected}"
    ),
    Problem.EMPTY_TABLE: N_("tabel kosong: tidak ada baris judul"),
    Problem.DUPLICATE_COLUMN: N_("kolom `{key}` muncul dua kali"),
    Problem.UNKNOWN_COLUMN: N_("kolom `{key}` tidak dikenal; maksud Anda `{suggestion}`?"),
    Problem.MISSING_COLUMN: N_("baris judul tidak memuat kolom {value}"),
    Problem.STRAY_CELL: N_(
        "baris ini mengisi sel di kanan judul terakhir (kolom {value}); sel-selnya mungkin "
        "bergeser (koma desimal dalam berkas yang dipisah koma?)"
    ),
    Problem.UNNAMED_CELL: N_(
        "baris ini mengisi sel {value}, yang kolomnya tidak berjudul; beri judul kolomnya "
        "atau kosongkan selnya"
    ),
    Problem.SECOND_ROW: N_(
        "baris kedua untuk indikator dan periode yang sama (yang pertama baris {value}); "
        "satu baris per indikator dan periode"
    ),
    Problem.NOT_CSV: N_("bukan berkas CSV yang dapat dibaca"),
    Problem.NOT_XLSX: N_("bukan buku kerja XLSX yang dapat dibaca"),
    Problem.UNKNOWN_TABLE_TYPE: N_(
        "jenis tabel {value} tidak dikenal; gunakan berkas .csv atau .xlsx"
    ),
    Problem.UNREADABLE: N_("berkas tidak dapat dibaca: {value}"),
    Problem.NO_SUCH_SHEET: N_("tidak ada lembar `{value}`; lembar yang ada: {accepted}"),
    Problem.NO_VISIBLE_SHEET: N_(
        "buku kerja tidak memiliki lembar yang tampak; sebutkan lembar yang dibaca"
    ),
    Problem.UNREADABLE_SHEET: N_("lembar tidak dapat dibaca"),
    Problem.NOT_DATA: N_("bukan folder dan bukan tabel; berikan folder, berkas .csv atau .xlsx"),
    Problem.NO_DATA_FILES: N_("folder tidak memuat berkas data .toml atau .json"),
    Problem.NO_AGENCY_COLUMN: N_(
        "tabel tidak memuat kolom instansi; beri salah satu judul ini: {accepted}"
    ),
}


def _what(error: FieldError, lang: str) -> str:
    """What is wrong, as one sentence in ``lang``."""
    if error.problem in _FILE_WORDS:
        return _file_words(error, lang)
    if error.problem in _CODE_PROBLEMS:
        return _CODE_PROBLEMS[error.problem](error, lang)
    if error.problem is Problem.MISSING_KEY:
        return gettext("kunci `{key}` wajib diisi", lang=lang, key=error.column)
    if error.accepted:
        return _not_accepted(error, lang)
    return _expected(error, lang)


def _file_words(error: FieldError, lang: str) -> str:
    words = {
        "key": error.column,
        "value": error.value if isinstance(error.value, str | int) else short(error.value),
        "expected": error.expected,
        # The parser's own words after "not valid TOML: ", quoted as it gives them.
        "message": error.message.partition(": ")[2],
        "suggestion": error.suggestion,
        "accepted": ", ".join(f"`{word}`" for word in error.accepted),
    }
    return gettext(_FILE_WORDS[error.problem], lang=lang, **words)


def _later_part(error: FieldError, lang: str) -> str:
    words = {"key": error.column, "version": error.expected, "value": short(error.value)}
    if error.value is None:
        return gettext(
            "`{key}` baru ada sejak format versi {version}; jalankan `sakip upgrade` pada "
            "berkas ini, atau tulis `version = {version}`",
            lang=lang,
            **words,
        )
    return gettext(
        "`{key}` = {value} baru ada sejak format versi {version}; jalankan `sakip upgrade` "
        "pada berkas ini, atau tulis `version = {version}`",
        lang=lang,
        **words,
    )


def _unknown_key(error: FieldError, lang: str) -> str:
    if error.suggestion is None:
        return gettext("kunci `{key}` tidak dikenal", lang=lang, key=error.column)
    return gettext(
        "kunci `{key}` tidak dikenal; maksud Anda `{suggestion}`?",
        lang=lang,
        key=error.column,
        suggestion=error.suggestion,
    )


def _expected(error: FieldError, lang: str) -> str:
    expected = _EXPECTED_WORDS.get(error.expected or "")
    if expected is None:
        # A message sakip has no words for in the catalogs: English, as str(error) gives it.
        return error.message
    words = {"what": gettext(expected, lang=lang), "value": short(error.value)}
    if error.value is None and error.column is not None:
        return gettext("`{key}` kosong; {what}", lang=lang, key=error.column, **words)
    if error.column is None:
        return gettext("nilai {value} {what}", lang=lang, **words)
    return gettext("`{key}` {what} (tertulis {value})", lang=lang, key=error.column, **words)


def _unknown_indicator(error: FieldError, lang: str) -> str:
    value = short(error.value)
    if error.suggestion is not None:
        return gettext(
            "indikator {value} tidak ada dalam rencana; maksud Anda `{suggestion}`?",
            lang=lang,
            value=value,
            suggestion=error.suggestion,
        )
    return gettext("indikator {value} tidak ada dalam rencana", lang=lang, value=value)


# The kinds of code a cascade or an analysis names, by what the code had to be.
_CODE_KINDS = {
    "an objective code of the plan": N_("sasaran"),
    "a program, activity or sub-activity code of the cascade": N_("program/kegiatan"),
    "a budget line code of the budget": N_("anggaran"),
    "an indicator code of the plan or of the cascade": N_("indikator"),
}


def _unknown_code(error: FieldError, lang: str) -> str:
    words = {
        "kind": gettext(_CODE_KINDS[error.expected or ""], lang=lang),
        "value": short(error.value),
        "suggestion": error.suggestion,
    }
    if error.suggestion is not None:
        return gettext(
            "kode {kind} {value} tidak ada dalam data; maksud Anda `{suggestion}`?",
            lang=lang,
            **words,
        )
    return gettext("kode {kind} {value} tidak ada dalam data", lang=lang, **words)


# A key, an indicator or another code the data does not know, each with its own words.
_CODE_PROBLEMS = {
    Problem.UNKNOWN_KEY: _unknown_key,
    Problem.UNKNOWN_INDICATOR: _unknown_indicator,
    Problem.UNKNOWN_CODE: _unknown_code,
    Problem.LATER_PART: _later_part,
}


def _not_accepted(error: FieldError, lang: str) -> str:
    words = {
        "key": error.column,
        "value": short(error.value),
        "accepted": ", ".join(f"`{word}`" for word in error.accepted),
        "suggestion": error.suggestion,
    }
    if error.suggestion is not None:
        return gettext(
            "`{key}` tidak menerima {value}; maksud Anda `{suggestion}`? "
            "Kata yang diterima: {accepted}",
            lang=lang,
            **words,
        )
    return gettext(
        "`{key}` tidak menerima {value}; kata yang diterima: {accepted}", lang=lang, **words
    )


class DataFileError(SakipError, ExceptionGroup):
    """Everything wrong with one file, as one error (an :class:`ExceptionGroup`).

    Each sub-error in ``exceptions`` is a :class:`FieldError` with its place. ``str()``
    gives one screen: a line per problem, ``file:row:column: message``. ``except
    sakip.SakipError`` catches it, and so does ``except* FieldError``.

    Attributes:
        file: The file's name, when the input came from a file.
        rows: What was read without a problem (for a table, the good rows), so that nothing
            good is lost with the bad.
    """

    file: str | None
    rows: tuple[Any, ...]

    def __new__(
        cls,
        message: str,
        exceptions: Sequence[FieldError],
        *,
        file: str | None = None,
        rows: Iterable[Any] = (),
    ) -> DataFileError:
        """Build the group (``ExceptionGroup`` takes its arguments in ``__new__``)."""
        self = super().__new__(cls, message, exceptions)
        self.file = file
        self.rows = tuple(rows)
        return self

    def __init__(
        self,
        message: str,
        exceptions: Sequence[FieldError],
        *,
        file: str | None = None,
        rows: Iterable[Any] = (),
    ) -> None:
        super().__init__(message, exceptions)

    def derive(self, excs: Sequence[Exception]) -> DataFileError:  # type: ignore[override]
        """A copy holding other sub-errors (used by ``except*`` and ``split()``)."""
        return DataFileError(self.message, excs, file=self.file, rows=self.rows)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_group, (self.message, tuple(self.exceptions), self.file, self.rows))

    def describe(self, lang: str = "id") -> str:
        """Every problem for the person who fixes the file, a line each, in ``lang``."""
        problems = [
            error.describe(lang) if isinstance(error, FieldError) else str(error)
            for error in self.exceptions
        ]
        count = len(problems)
        shown = problems[:_MAX_LINES]
        if count > _MAX_LINES:
            shown.append(gettext("… dan {count} lagi", lang=lang, count=count - _MAX_LINES))
        where = self.file or gettext("data", lang=lang)
        head = ngettext(
            "{file}: {count} masalah",
            "{file}: {count} masalah",
            count,
            lang=lang,
            file=where,
            count=count,
        )
        return "\n".join([head, *shown])

    def __str__(self) -> str:
        problems = [str(error) for error in self.exceptions]
        shown = problems[:_MAX_LINES]
        if len(problems) > _MAX_LINES:
            shown.append(f"… and {len(problems) - _MAX_LINES} more")
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([f"{self.message}: {count} {noun}", *shown])


def _rebuild_group(
    message: str, exceptions: Sequence[FieldError], file: str | None, rows: tuple[Any, ...]
) -> DataFileError:
    return DataFileError(message, exceptions, file=file, rows=rows)


def unknown_table_type(path: str | os.PathLike[str]) -> DataFileError:
    """The error for a table whose suffix is neither ``.csv`` nor ``.xlsx``, read or written."""
    suffix = Path(path).suffix.casefold() or "(no suffix)"
    return single(
        f"unknown table type {suffix!r}",
        file=str(path),
        value=suffix,
        expected="a .csv or .xlsx file",
        problem=Problem.UNKNOWN_TABLE_TYPE,
    )


def single(
    message: str,
    *,
    file: str | None,
    problem: Problem = Problem.OTHER,
    accepted: Iterable[str] = (),
    **place: Any,
) -> DataFileError:
    """A :class:`DataFileError` with one problem: an unreadable, empty or truncated file."""
    error = detailed(FieldError(message, file=file, **place), problem=problem, accepted=accepted)
    return DataFileError(f"cannot read {file or 'the input'}", [error], file=file)
