"""Flat tables (tabel datar): one row per indicator and year or quarter, as CSV or XLSX.

A table is read in one pass that keeps every good row and reports every bad cell: the
result, a :class:`TableRead`, holds both, and :meth:`TableRead.raise_for_errors` turns the
bad cells into one :class:`~sakip.io.DataFileError` that still carries the good rows.
Headers are recognised in Indonesian and English, in any case and spacing; cells may be
numbers or texts in either notation (read with :func:`sakip.parse_number`).

XLSX needs openpyxl (``pip install "sakip[excel]"``); it is imported only when an XLSX file is
read or written.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from sakip._decimal import to_decimal
from sakip._display import Displayed
from sakip._optional import require
from sakip.achievement import Achievement, achievement, default_formula
from sakip.exceptions import InvalidValueError, MissingDependencyError, SakipError
from sakip.io._cells import text_number, whole_number
from sakip.io._safe import atomic_writer, neutralise
from sakip.io.errors import DataFileError, FieldError, short, single
from sakip.locale import format_number
from sakip.model import Dataset, Polarity, Realization, Target, TargetLike, TargetRange
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

__all__ = [
    "COLUMNS",
    "RESULT_COLUMNS",
    "ResultRow",
    "TableRead",
    "TableRow",
    "evaluate",
    "read_csv",
    "read_rows",
    "read_table",
    "read_xlsx",
    "table_rows",
    "write_csv",
    "write_results",
    "write_table",
    "write_xlsx",
]

COLUMNS: Final = {
    "code": ("kode", "code", "kode indikator", "indicator code"),
    "indicator": ("indikator", "indicator", "indikator kinerja", "nama indikator", "name"),
    "unit": ("satuan", "unit"),
    "polarity": ("polaritas", "polarity", "arah"),
    "formula": ("rumus", "formula"),
    "year": ("tahun", "year"),
    "quarter": ("triwulan", "quarter", "tw"),
    "target": ("target",),
    "target_low": ("target bawah", "target low", "target min"),
    "target_high": ("target atas", "target high", "target max"),
    "realization": ("realisasi", "realization", "actual"),
    "numerator": ("pembilang", "numerator"),
    "denominator": ("penyebut", "denominator"),
    "achievement": ("capaian", "achievement", "capaian kinerja", "stated achievement"),
}
"""The columns a table may have, each with the headers that name it (any case and spacing)."""

_HEADERS = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
_WRITE_HEADERS = {
    "code": "Kode",
    "indicator": "Indikator",
    "unit": "Satuan",
    "polarity": "Polaritas",
    "formula": "Rumus",
    "year": "Tahun",
    "quarter": "Triwulan",
    "target": "Target",
    "target_low": "Target Bawah",
    "target_high": "Target Atas",
    "realization": "Realisasi",
    "numerator": "Pembilang",
    "denominator": "Penyebut",
    "achievement": "Capaian",
}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RANGE = re.compile(
    r"^\s*([^\s\-–—].*?)\s*(?:-|–|—|s\.?\s*d\.?|sampai|to)\s*([^\s\-–—].*?)\s*$",
    re.IGNORECASE,
)
_RANGE_MAX = 100  # longer texts are no range (and the pattern's time stays small)
_NUMBER_CELL = "a number (94,6 or 94.6)"


def _normal(header: str) -> str:
    text = re.sub(r"\(.*?\)|%", " ", header.casefold()).replace("_", " ").replace("-", " ")
    return " ".join(text.split())


# --- rows ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class TableRow(Displayed):
    """One row of a flat table: one indicator in one year, or in one quarter of it.

    Attributes:
        line: The row's number in the file or sheet (the header is row 1).
        code: The indicator's code (kode), when the table has one.
        indicator: The indicator's name (indikator), when the table has one.
        unit: Unit (satuan).
        polarity: Whether higher is better; positive when the table does not say.
        formula: The achievement formula's name, when the row names one.
        year: The fiscal year (tahun).
        quarter: 1-4 for a quarter (triwulan), ``None`` for the year.
        target: The target, a number or a range; ``None`` when the row has none.
        realization: The realization; ``None`` when not reported (never zero).
        numerator: For a ratio indicator, the count on top.
        denominator: For a ratio indicator, the count below.
        stated_achievement: The achievement the table itself prints, as written ("101,1"),
            kept for an audit and never used to compute.
    """

    line: int | None = None
    code: str | None = None
    indicator: str | None = None
    unit: str | None = None
    polarity: Polarity = Polarity.POSITIVE
    formula: str | None = None
    year: int
    quarter: int | None = None
    target: TargetLike | None = None
    realization: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    stated_achievement: str | None = None

    @property
    def key(self) -> tuple[str, int, int | None]:
        """The indicator (its code, else its name), year and quarter, which identify the row."""
        return (self.code or self.indicator or "", self.year, self.quarter)


@attrs.frozen(kw_only=True, repr=False)
class TableRead(Displayed):
    """What a table read gave: the good rows and every problem found.

    Attributes:
        rows: Every row read without a problem, in file order.
        errors: One :class:`~sakip.io.FieldError` per bad cell (or missing column).
        file: The file's name.
        sheet: The worksheet, for a workbook.
        blank_rows: The row numbers of wholly empty rows, which are skipped.
        ignored_columns: Headers that name no known column; their cells are not read.
    """

    rows: tuple[TableRow, ...] = ()
    errors: tuple[FieldError, ...] = ()
    file: str | None = None
    sheet: str | None = None
    blank_rows: tuple[int | str, ...] = ()
    ignored_columns: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every non-blank row was read."""
        return not self.errors

    def _headline(self) -> str:
        read = f"{len(self.rows)} rows, {len(self.errors)} errors"
        return read if self.file is None else f"{read} from {self.file}"

    def realizations(self) -> tuple[Realization, ...]:
        """The rows as :class:`~sakip.Realization` objects, for a :class:`~sakip.Dataset`.

        Rows without a realization are left out (a missing realization is not reported, never
        zero); a row's indicator is its code, else its name.
        """
        return tuple(
            Realization(
                indicator=row.key[0],
                year=row.year,
                quarter=row.quarter,
                value=row.realization,
                numerator=row.numerator,
                denominator=row.denominator,
            )
            for row in self.rows
            if row.realization is not None
        )

    def raise_for_errors(self) -> TableRead:
        """Raise one :class:`~sakip.io.DataFileError` listing every problem, if any.

        The error's ``rows`` are the good rows, so a caller that catches it loses nothing.
        Returns this result unchanged when there is no problem, for chaining.
        """
        if self.errors:
            name = self.file or "the table"
            if self.sheet is not None:
                name += f" [{self.sheet}]"
            raise DataFileError(
                f"{name} has bad cells", self.errors, file=self.file, rows=self.rows
            )
        return self


class _Cells:
    """The cells of one row, read column by column, collecting the bad ones."""

    def __init__(self, raw: dict[str, tuple[str, object]], place: dict[str, Any]) -> None:
        self.raw = raw
        self.place = place
        self.errors: list[FieldError] = []

    def fail(self, column: str, value: object, expected: str, message: str | None = None) -> None:
        header = self.raw[column][0] if column in self.raw else _WRITE_HEADERS[column]
        self.errors.append(
            FieldError(
                message or f"expected {expected} (got {short(value)})",
                column=header,
                value=value,
                expected=expected,
                **self.place,
            )
        )

    def get(self, column: str) -> object:
        value = self.raw.get(column, ("", None))[1]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, column: str) -> str | None:
        value = self.get(column)
        if value is None:
            return None
        if isinstance(value, str):
            return value.strip()
        try:
            return format(_cell_number(value))
        except InvalidValueError:
            self.fail(column, value, "a text")
            return None

    def number(self, column: str) -> Decimal | None:
        value = self.get(column)
        if value is None:
            return None
        try:
            return _cell_number(value)
        except InvalidValueError:
            self.fail(column, value, _NUMBER_CELL)
            return None

    def whole(self, column: str, expected: str) -> int | None:
        value = self.get(column)
        if value is None:
            return None
        try:
            return whole_number(value, column, expected)
        except InvalidValueError:
            self.fail(column, value, expected)
            return None

    def quarter(self) -> int | None:
        value = self.get("quarter")
        if value is None:
            return None
        number: int | None = None
        if isinstance(value, str):
            key = re.sub(r"^(tw|triwulan|q|quarter)\s*", "", value.strip().casefold())
            number = _QUARTERS.get(key)
        else:
            with contextlib.suppress(InvalidValueError):
                number = whole_number(value, "quarter")
        if number in (1, 2, 3, 4):
            return number
        self.fail("quarter", value, "a quarter 1-4 (I-IV, TW I, Q1)")
        return None

    def polarity(self) -> Polarity:
        value = self.get("polarity")
        if value is None:
            return Polarity.POSITIVE
        try:
            result: Polarity = Polarity.parse(value, "polarity")
        except InvalidValueError as error:
            self.fail("polarity", value, error.expected)
            return Polarity.POSITIVE
        return result

    def _single_target(self) -> TargetLike | None:
        value = self.get("target")
        if isinstance(value, str):
            match = _RANGE.match(value) if len(value) <= _RANGE_MAX else None
            if match is not None:
                low, high = (_maybe_number(part) for part in match.groups())
                if low is not None and high is not None and low <= high:
                    return TargetRange(low, high)
                self.fail("target", value, "a number or a range (60-85, 60 s.d. 85)")
                return None
        number = self.number("target")
        return None if number is None else Target(number)

    def target(self) -> TargetLike | None:
        """The target: the Target column, or the Target Low and Target High columns."""
        bad = len(self.errors)
        single_target = self._single_target()
        low, high = self.number("target_low"), self.number("target_high")
        if len(self.errors) > bad:
            return None
        if low is None and high is None:
            return single_target
        if low is None or high is None or low > high:
            column = "target_high" if high is None else "target_low"
            self.fail(
                column,
                self.get(column),
                "a low bound and a high bound, low not above high",
                "a target range needs both bounds, low not above high "
                f"(got {short(self.get('target_low'))} to {short(self.get('target_high'))})",
            )
            return None
        if single_target is not None:
            self.fail(
                "target",
                self.get("target"),
                "either a target or a range",
                "give either a target or a target range, not both",
            )
        return TargetRange(low, high)


def _maybe_number(text: str) -> Decimal | None:
    try:
        return text_number(text, "target")
    except InvalidValueError:
        return None


def _cell_number(value: object) -> Decimal:
    """A number from a cell: a spreadsheet's number as it is, a text in either notation."""
    if isinstance(value, str):
        return text_number(value, "cell")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValueError("cell", value, "a finite number")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValueError("cell", value, _NUMBER_CELL)
    return to_decimal(value, "cell")


def _header(cells: Sequence[object]) -> tuple[dict[int, str], list[str], list[str]]:
    """The columns by position, the unknown headers, and the duplicated columns."""
    columns: dict[int, str] = {}
    ignored, duplicated = [], []
    for index, cell in enumerate(cells):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = str(cell).strip()
        column = _HEADERS.get(_normal(text))
        if column is None:
            ignored.append(text)
        elif column in columns.values():
            duplicated.append(text)
        else:
            columns[index] = column
    return columns, ignored, duplicated


def _blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def read_rows(
    rows: Iterable[Sequence[object]],
    *,
    file: str | None = None,
    sheet: str | None = None,
    first_line: int = 1,
    labels: Sequence[object] | None = None,
) -> TableRead:
    """Read a table given as rows of cells, the first row being the header.

    Cells may be ``None`` or empty texts (missing), numbers (``int``, ``float`` through its
    shortest repr, ``Decimal``) or texts in Indonesian or English notation. This is what
    :func:`read_csv`, :func:`read_xlsx` and :func:`sakip.io.from_frame` use.

    Args:
        rows: The rows, header first.
        file: The file's name, for messages.
        sheet: The worksheet's name, for messages.
        first_line: The number of the header row (1 in a file).
        labels: Names for the data rows (a DataFrame's index), used in messages instead of
            row numbers.

    >>> from sakip.io.tables import read_rows
    >>> read = read_rows(
    ...     [
    ...         ["Kode", "Indikator", "Tahun", "Target", "Realisasi"],
    ...         ["IKU-1", "Persentase PPKS", "2024", "94,6", "95"],
    ...         ["IKU-1", "Persentase PPKS", "2023", "91,5", "sembilan puluh"],
    ...     ]
    ... )
    >>> read.rows[0].target, read.rows[0].realization
    (Target(value=Decimal('94.6')), Decimal('95'))
    >>> print(read.errors[0])
    3:Realisasi: expected a number (94,6 or 94.6) (got 'sembilan puluh')
    """
    iterator = iter(rows)
    place = {"file": file, "sheet": sheet}
    try:
        header_cells = list(next(iterator))
    except StopIteration:
        error = FieldError("the table is empty: no header row", expected="a header row", **place)
        return TableRead(errors=(error,), file=file, sheet=sheet)
    columns, ignored, duplicated = _header(header_cells)
    errors = _header_errors(set(columns.values()), duplicated, {**place, "row": first_line})
    if errors:
        return TableRead(errors=errors, file=file, sheet=sheet, ignored_columns=tuple(ignored))
    headers = {
        index: (column, str(header_cells[index]).strip()) for index, column in columns.items()
    }
    lines = (
        (first_line + 1 + position if labels is None else _label(labels[position]), list(cells))
        for position, cells in enumerate(iterator)
    )
    width = max(
        (index + 1 for index, cell in enumerate(header_cells) if not _blank([cell])), default=0
    )
    unnamed = tuple(index for index in range(width) if _blank([header_cells[index]]))
    good, bad, blank = _body(lines, headers, (width, unnamed), place)
    return TableRead(
        rows=good,
        errors=bad,
        file=file,
        sheet=sheet,
        blank_rows=blank,
        ignored_columns=tuple(ignored),
    )


def _header_errors(
    found: set[str], duplicated: list[str], place: dict[str, Any]
) -> tuple[FieldError, ...]:
    """A problem for each column named twice and each required column the header lacks."""
    errors = [
        FieldError(
            f"column {text!r} appears twice", column=text, expected="each column once", **place
        )
        for text in duplicated
    ]
    missing: list[tuple[str, ...]] = (
        [] if found & {"code", "indicator"} else [("code", "indicator")]
    )
    missing += [("year",)] if "year" not in found else []
    for names in missing:
        aliases = " / ".join(repr(_WRITE_HEADERS[name]) for name in names)
        errors.append(
            FieldError(
                f"no column {aliases} in the header", expected=f"a column {aliases}", **place
            )
        )
    return tuple(errors)


def _body(
    lines: Iterable[tuple[int | str, list[object]]],
    headers: dict[int, tuple[str, str]],
    shape: tuple[int, tuple[int, ...]],
    place: dict[str, Any],
) -> tuple[tuple[TableRow, ...], tuple[FieldError, ...], tuple[int | str, ...]]:
    """The good rows, the problems and the blank rows of a table's data rows.

    ``shape`` is the header's width and the positions of its blank cells. A row that fills a
    cell right of the header's last one, or under a blank header cell, is refused whole: its
    cells may have shifted (``94,6`` unquoted in a comma-separated file is two cells, 94 and
    6), and a value under no header would otherwise be lost without a word.
    """
    width, unnamed = shape
    good: list[TableRow] = []
    errors: list[FieldError] = []
    blank: list[int | str] = []
    seen: dict[tuple[str, int, int | None], int | str] = {}
    for line, cells in lines:
        if _blank(cells):
            blank.append(line)
            continue
        if not _blank(cells[width:]):
            errors.append(_stray_cell(width, line, place))
            continue
        under_no_header = [i for i in unnamed if i < len(cells) and not _blank([cells[i]])]
        if under_no_header:
            errors.append(_unnamed_cell(under_no_header[0], line, place))
            continue
        raw = {
            column: (header, cells[index] if index < len(cells) else None)
            for index, (column, header) in headers.items()
        }
        row = _row(raw, line, place)
        if isinstance(row, list):
            errors.extend(row)
        elif row.key in seen:
            errors.append(_second_row(row, line, seen[row.key], place))
        else:
            seen[row.key] = line
            good.append(row)
    return tuple(good), tuple(errors), tuple(blank)


def _stray_cell(width: int, line: int | str, place: dict[str, Any]) -> FieldError:
    return FieldError(
        f"the row fills a cell right of the last header (column {width}); its cells may have "
        "shifted (a decimal comma in a comma-separated file?)",
        row=line,
        expected=f"values in the first {width} cells only, under the headers",
        **place,
    )


def _unnamed_cell(index: int, line: int | str, place: dict[str, Any]) -> FieldError:
    return FieldError(
        f"the row fills cell {index + 1}, whose column has no header",
        row=line,
        expected="values only under named headers (name the column, or empty the cell)",
        **place,
    )


def _second_row(
    row: TableRow, line: int | str, first: int | str, place: dict[str, Any]
) -> FieldError:
    quarter = f" TW {row.quarter}" if row.quarter else ""
    return FieldError(
        f"a second row for {row.key[0]} {row.year}{quarter} (the first is row {first})",
        row=line,
        expected="one row per indicator and period",
        **place,
    )


def _label(label: object) -> int | str:
    return label if isinstance(label, int) and not isinstance(label, bool) else str(label)


def _row(
    raw: dict[str, tuple[str, object]], line: int | str, place: dict[str, Any]
) -> TableRow | list[FieldError]:
    """One data row, or every problem in it."""
    cells = _Cells(raw, {**place, "row": line})
    code, name, year = _identity(cells)
    numerator, denominator = _counts(cells)
    stated = _stated(cells)
    unit, formula = cells.text("unit"), cells.text("formula")
    polarity, quarter = cells.polarity(), cells.quarter()
    target, realization = cells.target(), cells.number("realization")
    if cells.errors:
        return cells.errors
    assert year is not None
    return TableRow(
        line=line if isinstance(line, int) else None,
        code=code,
        indicator=name,
        unit=unit,
        polarity=polarity,
        formula=formula,
        year=year,
        quarter=quarter,
        target=target,
        realization=realization,
        numerator=numerator,
        denominator=denominator,
        stated_achievement=stated,
    )


def _identity(cells: _Cells) -> tuple[str | None, str | None, int | None]:
    """The indicator's code and name and the year: what says which row this is."""
    code = cells.text("code") if "code" in cells.raw else None
    name = cells.text("indicator") if "indicator" in cells.raw else None
    year = cells.whole("year", "a year (2024)")
    if year is not None and not 1900 <= year <= 2200:
        cells.fail("year", cells.get("year"), "a year between 1900 and 2200")
    elif year is None and cells.get("year") is None:
        cells.fail("year", None, "a year", "the year is missing")
    if code is None and name is None and not cells.errors:
        column = "code" if "code" in cells.raw else "indicator"
        cells.fail(column, None, "a code or a name", "the indicator is missing")
    return code, name, year


def _counts(cells: _Cells) -> tuple[Decimal | None, Decimal | None]:
    """A ratio's numerator and denominator, both or neither (a missing column is missing)."""
    numerator, denominator = cells.number("numerator"), cells.number("denominator")
    if (numerator is None) != (denominator is None):
        column = "numerator" if numerator is None else "denominator"
        if cells.get(column) is None:  # not a bad cell, already reported: an empty or no cell
            cells.fail(
                column, None, "given with the other count", "numerator and denominator go together"
            )
    return numerator, denominator


def _stated(cells: _Cells) -> str | None:
    """The achievement the table prints, as written, once it is known to be a number."""
    if cells.get("achievement") is None or cells.number("achievement") is None:
        return None
    return cells.text("achievement")


# --- reading files ------------------------------------------------------------------------


def _decode(data: bytes, file: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise single("the file is UTF-16 text; save it as CSV UTF-8", file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise single(
            f"the file is not UTF-8 text (byte {data[error.start]:#04x} at offset "
            f"{error.start}); save it as CSV UTF-8, or it may not be a CSV file at all",
            file=file,
            expected="UTF-8 text",
        ) from None


def _delimiter(text: str, header_row: int) -> str:
    """The delimiter of the header line: ``;`` (Excel in Indonesian), ``,`` or a tab."""
    lines = text.splitlines()
    header = lines[header_row - 1] if header_row <= len(lines) else ""
    return max((";", ",", "\t"), key=header.count)


def _check_header_row(header_row: object) -> int:
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
        raise InvalidValueError("header_row", header_row, "a row number, 1 or more")
    return header_row


def _from_header(
    rows: Sequence[Sequence[object]], header_row: int, file: str, sheet: str | None = None
) -> TableRead:
    """Read the rows from the header row on; the rows above it (a title) are not read."""
    return read_rows(rows[header_row - 1 :], file=file, sheet=sheet, first_line=header_row)


def read_csv(
    source: str | os.PathLike[str] | bytes, *, file: str | None = None, header_row: int = 1
) -> TableRead:
    """Read a CSV table: UTF-8 (with or without BOM), ``;``, ``,`` or tab delimited.

    The delimiter is the one the header line uses most (Excel in Indonesian writes ``;``,
    because ``,`` is its decimal separator).

    Args:
        source: A path, or the file's bytes.
        file: The name to use in messages when ``source`` is bytes.
        header_row: The row holding the column headers (1, the first, by default); rows
            above it, such as a table's title, are not read.
    """
    _check_header_row(header_row)
    if isinstance(source, bytes):
        data, name = source, file or "<csv>"
    else:
        data, name = _read_bytes(Path(source)), str(source)
    text = _decode(data, name)
    if "\x00" in text:
        raise single("the file holds NUL characters: it is not a CSV text file", file=name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, header_row))
    try:
        return _from_header(list(reader), header_row, name)
    except csv.Error as error:
        raise single(f"not a readable CSV file: {error}", file=name) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise single(f"cannot read the file: {error.strerror or error}", file=str(path)) from error


def _openpyxl() -> Any:
    return require("openpyxl", "XLSX files")


@attrs.frozen
class _UnsavedFormula:
    """A formula cell whose computed value was never saved: it is reported, not read as empty."""

    formula: str

    def __repr__(self) -> str:
        return f"formula {self.formula!r} with no saved value (open and save the workbook)"


def _xlsx_cell(value: object, formula: object) -> object:
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return _UnsavedFormula(formula)
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()  # a date where a number belongs is reported as text
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _sheet_rows(values: Any, formulas: Any) -> list[list[object]]:
    """The cells of a sheet: saved values, with formulas that have none marked as such."""
    rows = []
    for value_row, formula_row in zip(
        values.iter_rows(values_only=True), formulas.iter_rows(values_only=True), strict=False
    ):
        rows.append([_xlsx_cell(*pair) for pair in zip(value_row, formula_row, strict=False)])
    return rows


def read_xlsx(
    path: str | os.PathLike[str], *, sheet: str | None = None, header_row: int = 1
) -> TableRead:
    """Read a table from a worksheet of an XLSX workbook (the first sheet by default).

    ``header_row`` is the row holding the column headers (1 by default); rows above it, such
    as a table's title, are not read. Row numbers in messages are the sheet's own.

    Formulas are never evaluated: a formula cell reads as the value the spreadsheet program
    last computed and saved with the file. A formula cell with no saved value (a workbook
    written by a program that computes nothing) is reported as a bad cell, never read as
    empty. Numeric cells are taken as they are (a float through its shortest repr); text
    cells go through :func:`sakip.parse_number`.
    """
    _check_header_row(header_row)
    name = str(path)
    values, formulas = books = _workbooks(_read_bytes(Path(path)), name)
    try:
        title = _sheet_title(values.sheetnames, sheet, name)
        try:
            rows = _sheet_rows(values[title], formulas[title])
        except Exception as error:
            raise single(
                f"the sheet cannot be read ({type(error).__name__})", file=name, sheet=title
            ) from None
        return _from_header(rows, header_row, name, title)
    finally:
        for book in books:
            book.close()


def _workbooks(data: bytes, name: str) -> tuple[Any, Any]:
    """The workbook twice: with the values saved for formulas, and with the formulas."""
    openpyxl = _openpyxl()
    try:
        values, formulas = (
            openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
            for data_only in (True, False)
        )
    except Exception as error:
        raise single(
            f"not a readable XLSX workbook ({type(error).__name__})",
            file=name,
            expected="an .xlsx file",
        ) from None
    return values, formulas


def _sheet_title(titles: Sequence[str], sheet: str | None, name: str) -> str:
    if sheet is None:
        return titles[0]
    if sheet not in titles:
        known = ", ".join(repr(title) for title in titles)
        raise single(f"no sheet {sheet!r}; the workbook has {known}", file=name)
    return sheet


def read_table(
    path: str | os.PathLike[str], *, sheet: str | None = None, header_row: int = 1
) -> TableRead:
    """Read a ``.csv`` or ``.xlsx`` table; the suffix decides which.

    Args:
        path: The file.
        sheet: For a workbook, the worksheet's name (the first sheet by default).
        header_row: The row holding the column headers (1 by default); rows above it, such
            as a table's title, are not read.

    >>> import sakip.io
    >>> read = sakip.io.read_table("examples/tables/dinsos-kota-metro.csv")
    >>> [(row.code, row.year, row.realization) for row in read.rows][-1]
    ('IKU-1', 2024, Decimal('95'))
    """
    suffix = Path(path).suffix.casefold()
    if suffix == ".csv":
        if sheet is not None:
            raise InvalidValueError("sheet", sheet, "None for a CSV file")
        return read_csv(path, header_row=header_row)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet=sheet, header_row=header_row)
    raise single(
        f"unknown table type {suffix or '(no suffix)'!r}",
        file=str(path),
        expected="a .csv or .xlsx file",
    )


# --- rows from a dataset ------------------------------------------------------------------


def table_rows(dataset: Dataset) -> tuple[TableRow, ...]:
    """The flat rows of a dataset: one per realization, with its target.

    A year's row carries the target of that year's performance agreement (PK) when there is
    one, else the Renstra target, else none; a quarter's row carries no target.
    """
    agreements = {agreement.year: dict(agreement.targets) for agreement in dataset.agreements}
    plans = {plan.indicator: dict(plan.targets) for plan in dataset.plan.indicator_plans}
    rows = []
    for realization in dataset.realizations:
        indicator = dataset.plan.indicator(realization.indicator)
        target: TargetLike | None = None
        if realization.quarter is None:
            target = agreements.get(realization.year, {}).get(indicator.code)
            if target is None:
                target = plans.get(indicator.code, {}).get(realization.year)
        rows.append(
            TableRow(
                code=indicator.code,
                indicator=indicator.name,
                unit=indicator.unit,
                polarity=indicator.polarity,
                formula=indicator.formula,
                year=realization.year,
                quarter=realization.quarter,
                target=target,
                realization=realization.value,
                numerator=realization.numerator,
                denominator=realization.denominator,
            )
        )
    return tuple(rows)


# --- results ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class ResultRow(Displayed):
    """The achievement of one table row, or why it has none.

    Attributes:
        row: The row it was computed from.
        percent: The printed achievement (2 places, half-up), ``None`` when not computable.
        rating: The rating's label on the scale used, ``None`` when not computable.
        reason: Why there is no achievement ("no realization reported") or no rating (a
            figure outside the scale's domain), else ``None``.
    """

    row: TableRow
    percent: Decimal | None = None
    rating: str | None = None
    reason: str | None = None

    @functools.cached_property
    def achievement(self) -> Achievement | None:
        """The whole result (exact value, formula, rules), or ``None`` when not computable.

        Computed through :func:`sakip.achievement` when first asked for, and kept.
        """
        if self.percent is None:
            return None
        row = self.row
        return achievement(
            realization=row.realization,  # type: ignore[arg-type]  # a row with a figure has both
            target=row.target,  # type: ignore[arg-type]
            polarity=row.polarity,
            formula=row.formula,
        )

    @property
    def formula(self) -> str | None:
        """The name of the formula that gave the figure, or ``None``."""
        if self.percent is None:
            return None
        return self.row.formula or default_formula(self.row.polarity).name

    @property
    def printed(self) -> str | None:
        """The printed figure in Indonesian notation ("100,42"), or ``None``."""
        return None if self.percent is None else format_number(self.percent, places=2)

    @property
    def explanation(self) -> str | None:
        """The formula with its numbers (:meth:`sakip.Achievement.explain`), or ``None``."""
        figure = self.achievement
        return None if figure is None else figure.explain()


def evaluate(
    rows: Iterable[TableRow], *, scale: RatingScale | str = PERMENDAGRI_86_2017
) -> tuple[ResultRow, ...]:
    """The achievement and rating of every row, as :func:`sakip.achievement` gives them.

    A row without a target or a realization, or whose figure is undefined (a realization
    against a zero target), gets a ``reason`` instead of a figure; nothing is dropped. With
    NumPy installed (the ``sakip[pandas]`` extra) the rows are computed together through
    :func:`sakip.batch.achievements`, with the same figures, ratings and reasons.

    >>> from sakip.io.tables import evaluate, read_rows
    >>> read = read_rows([["Kode", "Tahun", "Target", "Realisasi"], ["IKU-1", 2024, "94,6", 95]])
    >>> result = evaluate(read.rows)[0]
    >>> result.printed, result.rating
    ('100,42', 'Sangat Tinggi')
    """
    table = tuple(rows)
    chosen = SCALES.resolve(scale)
    try:
        require("numpy", "batch computations")
    except MissingDependencyError:
        return tuple(_scalar_result(row, chosen) for row in table)
    return _batch_results(table, chosen)


def _missing_reason(row: TableRow) -> str | None:
    if row.realization is None:
        return "no realization reported"
    if row.target is None:
        return "no target"
    return None


def _scalar_result(row: TableRow, scale: RatingScale) -> ResultRow:
    """One row through :func:`sakip.achievement` and the scale, as the batch path gives it."""
    missing = _missing_reason(row)
    if missing is not None:
        return ResultRow(row=row, reason=missing)
    try:
        figure = achievement(
            realization=row.realization,  # type: ignore[arg-type]  # checked just above
            target=row.target,  # type: ignore[arg-type]
            polarity=row.polarity,
            formula=row.formula,
        )
    except SakipError as error:
        return ResultRow(row=row, reason=str(error))
    try:
        rating = scale.classify(figure).label
    except InvalidValueError as error:
        return ResultRow(row=row, percent=figure.percent, reason=f"no rating: {error}")
    return ResultRow(row=row, percent=figure.percent, rating=rating)


def _batch_results(table: Sequence[TableRow], scale: RatingScale) -> tuple[ResultRow, ...]:
    """Every row through the exact batch core, one call per formula and polarity."""
    from sakip.batch import achievements  # noqa: PLC0415 - needs NumPy, imported on use

    results: dict[int, ResultRow] = {}
    groups: dict[tuple[str | None, Polarity], list[int]] = {}
    for position, row in enumerate(table):
        missing = _missing_reason(row)
        if missing is not None:
            results[position] = ResultRow(row=row, reason=missing)
        else:
            groups.setdefault((row.formula, row.polarity), []).append(position)
    for (formula, polarity), positions in groups.items():
        try:
            batch = achievements(
                [table[p].realization for p in positions],
                [table[p].target for p in positions],
                polarity=polarity,
                formula=formula,
                scale=scale,
            )
        except SakipError as error:  # an unknown formula, or one of the other polarity
            for p in positions:
                results[p] = ResultRow(row=table[p], reason=str(error))
            continue
        percents = batch.percent().tolist()
        for p, percent, label, reason in zip(
            positions, percents, batch.label.tolist(), batch.reason.tolist(), strict=True
        ):
            why = f"no rating: {reason}" if percent is not None and label is None else reason
            results[p] = ResultRow(row=table[p], percent=percent, rating=label, reason=why)
    return tuple(results[position] for position in range(len(table)))


# --- writing ------------------------------------------------------------------------------

RESULT_COLUMNS: Final = (
    "Kode",
    "Indikator",
    "Tahun",
    "Triwulan",
    "Target",
    "Realisasi",
    "Capaian",
    "Capaian (%)",
    "Kategori",
    "Rumus",
    "Penjelasan",
    "Keterangan",
)
"""The header of a results table, which names the columns of :func:`sakip.io.results_frame`.

In Indonesian, ``Capaian`` is ``achievement``, ``Capaian (%)`` ``percent``, ``Kategori``
``rating``, ``Rumus`` ``formula`` (the formula's name), ``Penjelasan`` ``explanation`` and
``Keterangan`` ``reason``.
"""


def _cell_out(value: object) -> object:
    if isinstance(value, TargetRange):
        return f"{value.low}-{value.high}"
    if isinstance(value, Target):
        return value.value
    if isinstance(value, Polarity):
        return value.value
    return value


def _csv_cell(value: object) -> str:
    value = _cell_out(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Decimal):
        return format(value, "f")  # never 1E+3, which no reader takes for a number
    return str(value)


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Write a table as CSV (UTF-8, ``,``-delimited), whole or not at all.

    Numbers are written in Python notation (``94.6``), which every program reads; texts that
    a spreadsheet would run as formulas are neutralised.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(str(name)) for name in header])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    with atomic_writer(Path(path)) as stream:
        stream.write(buffer.getvalue().encode("utf-8"))


def _xlsx_value(value: object) -> object:
    value = _cell_out(value)
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Decimal) and not _fits_a_double(value):
        return format(value, "f")
    return value


def _fits_a_double(value: Decimal) -> bool:
    """Whether a spreadsheet's number (a double) holds ``value`` without losing a digit."""
    double = float(value)
    return math.isfinite(double) and Decimal(repr(double)) == value


def write_xlsx(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "sakip",
) -> None:
    """Write a table as an XLSX workbook of one sheet, whole or not at all.

    Numbers are numeric cells, except a number that a spreadsheet's number (a double) cannot
    hold exactly, such as an unrounded 28-digit achievement: that one is a text cell of its
    digits (``100.4228329809725158562367865``), so no digit is lost and
    :func:`~sakip.io.read_table` reads it back equal. Texts are text cells (never formulas:
    one that starts like a formula gets a leading apostrophe).
    """
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([neutralise(str(name)) for name in header])
    for row in rows:
        worksheet.append([_xlsx_value(value) for value in row])
    with atomic_writer(Path(path)) as stream:
        workbook.save(stream)


def _writer(path: str | os.PathLike[str]) -> Any:
    suffix = Path(path).suffix.casefold()
    if suffix == ".csv":
        return write_csv
    if suffix == ".xlsx":
        return write_xlsx
    raise single(
        f"unknown table type {suffix or '(no suffix)'!r}",
        file=str(path),
        expected="a .csv or .xlsx file",
    )


_ROW_FIELDS = (
    "code",
    "indicator",
    "unit",
    "polarity",
    "formula",
    "year",
    "quarter",
    "target",
    "realization",
    "numerator",
    "denominator",
    "stated_achievement",
)


def _row_cells(row: TableRow) -> Iterator[object]:
    for field in _ROW_FIELDS:
        value = getattr(row, field)
        if field == "target" and isinstance(value, TargetRange):
            yield None
            yield value.low
            yield value.high
        elif field == "target":
            yield value
            yield None
            yield None
        else:
            yield value


def write_table(rows: Iterable[TableRow], path: str | os.PathLike[str]) -> None:
    """Write table rows (as :func:`read_table` reads them) to a ``.csv`` or ``.xlsx`` file."""
    header = [
        _WRITE_HEADERS[name]
        for field in _ROW_FIELDS
        for name in (
            ("target", "target_low", "target_high")
            if field == "target"
            else ("achievement",)
            if field == "stated_achievement"
            else (field,)
        )
    ]
    _writer(path)(path, header, [list(_row_cells(row)) for row in rows])


def write_results(results: Iterable[ResultRow], path: str | os.PathLike[str]) -> None:
    """Write results (from :func:`evaluate`) to a ``.csv`` or ``.xlsx`` file.

    Columns: see :data:`~sakip.io.tables.RESULT_COLUMNS`. "Capaian" is the exact achievement
    (in a workbook, a text cell when it has more digits than a spreadsheet's number holds),
    "Capaian (%)" the printed figure (2 places, half-up), "Rumus" the formula's name and
    "Penjelasan" the formula with its numbers.
    """
    table = [
        [
            result.row.code,
            result.row.indicator,
            result.row.year,
            result.row.quarter,
            result.row.target,
            result.row.realization,
            None if result.achievement is None else result.achievement.value,
            result.percent,
            result.rating,
            result.formula,
            result.explanation,
            result.reason,
        ]
        for result in results
    ]
    _writer(path)(path, RESULT_COLUMNS, table)
