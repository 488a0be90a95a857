"""XLSX tables (tabel XLSX): a worksheet read with openpyxl, imported only when one is read.

Needs openpyxl (``pip install "sakip[excel]"``).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import attrs

from sakip._decimal import HUNDRED, exact, to_decimal
from sakip._optional import require
from sakip.exceptions import SakipError
from sakip.io.errors import DataFileError, Problem, single
from sakip.io.limits import Limits, check_zip, limits_or_default
from sakip.io.rows import TableRead
from sakip.io.sources import CellCount, check_header_row, read_bytes, read_from_header

__all__ = ["read_xlsx", "sheet_cells", "workbook_cells"]


def _openpyxl() -> Any:
    return require("openpyxl", "XLSX files")


@attrs.frozen
class _UnsavedFormula:
    """A formula cell whose computed value was never saved: it is reported, not read as empty."""

    formula: str

    def __repr__(self) -> str:
        return f"formula {self.formula!r} with no saved value (open and save the workbook)"


def _xlsx_cell(cell: Any, formula: object) -> object:
    value = getattr(cell, "value", None)  # an empty cell of a sheet has no value attribute
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return _UnsavedFormula(formula)
    return _shown(value, _is_percent(value, getattr(cell, "number_format", "General")))


def _shown(value: object, percent: bool) -> object:
    """A cell's value as sakip reads it: dates as text, a percentage as it is shown."""
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()  # a date where a number belongs is reported as text
    if isinstance(value, date | time):
        return value.isoformat()
    if percent:
        with exact():
            return to_decimal(value, "cell") * HUNDRED  # what the spreadsheet shows: 95 %
    return value


def _is_percent(value: object, number_format: object) -> bool:
    """Whether a number is shown as a percentage: its format has a ``%`` outside quotes."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return _percent_format(number_format)


def _percent_format(number_format: object) -> bool:
    """Whether a number format shows a percentage: a ``%`` outside quotes."""
    shown = re.sub(r'"[^"]*"|\\.', "", str(number_format))  # quoted texts, escaped characters
    return "%" in shown


def _sheet_rows(values: Any, formulas: Any, count: CellCount) -> list[list[object]]:
    """The cells of a sheet: saved values, with formulas that have none marked as such.

    The second pass, for a sheet that holds a formula with no saved value (see
    :mod:`sakip.extra._xlsx_sheet`). The sheet's ``<dimension>`` is ignored: a stale one
    would cut rows off, a hostile one (``A1:XFD1048576``) would pad every row to 16 384 cells.
    """
    values.reset_dimensions()
    formulas.reset_dimensions()
    rows: list[list[object]] = []
    value_rows = values.iter_rows()
    for formula_row in formulas.iter_rows(values_only=True):
        count.add(formula_row)  # first, before the cells of a row too many are built
        value_row = next(value_rows, ())
        row: list[object] = [None] * len(formula_row)
        for index, formula in enumerate(formula_row):
            # a cell empty in the formulas' sheet is empty in the values' sheet too
            if formula is not None and index < len(value_row):
                row[index] = _xlsx_cell(value_row[index], formula)
        rows.append(row)
    return rows


def read_xlsx(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    header_row: int = 1,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead:
    """Read a table from a worksheet of an XLSX workbook.

    The sheet read is ``sheet`` when named (hidden or not), else the workbook's active sheet
    when it is visible, else its first visible worksheet: a hidden sheet is never read
    unless named. ``header_row`` is the row holding the column headers (1 by default); rows
    above it, such as a table's title, are not read. Row numbers in messages are the sheet's
    own. Every row the sheet holds is read, whatever its saved ``<dimension>`` claims.

    Formulas are never evaluated: a formula cell reads as the value the spreadsheet program
    last computed and saved with the file. A formula cell with no saved value (a workbook
    written by a program that computes nothing) is reported as a bad cell, never read as
    empty. Numeric cells are taken as they are (a float through its shortest repr), except
    that a cell formatted as a percentage is read as the spreadsheet shows it: ``0.95``
    shown as ``95%`` is 95. Text cells go through :func:`sakip.parse_number`.

    The workbook's zip directory is checked against ``limits`` (:class:`~sakip.io.Limits`)
    before openpyxl opens it; ``decimal`` is as for :func:`read_rows`.
    """
    check_header_row(header_row)
    limits = limits_or_default(limits)
    title, rows = _sheet(path, sheet, limits)
    return read_from_header(rows, header_row, str(path), title, decimal=decimal, limits=limits)


def sheet_cells(
    path: str | os.PathLike[str], *, sheet: str | None = None, limits: Limits | None = None
) -> list[list[object]]:
    """The cells of the sheet :func:`read_xlsx` reads, every row of it, as it reads them.

    The sheet is ``sheet`` when named, else the active visible sheet, else the first
    visible one; saved values of formulas, percentages as shown, within the same ``limits``.
    """
    return _sheet(path, sheet, limits_or_default(limits))[1]


def _sheet(
    path: str | os.PathLike[str], sheet: str | None, limits: Limits
) -> tuple[str, list[list[object]]]:
    """The title of the sheet to read and its cells."""
    _openpyxl()  # first: without the extra, say so before anything else
    name = str(path)
    data = read_bytes(Path(path), limits)
    _check_archive(data, name, limits)
    book = _workbook(data, name, data_only=True)
    try:
        title = _sheet_title(book, sheet, name)
        return title, _cells(book, data, title, limits, name)
    finally:
        book.close()


def _cells(book: Any, data: bytes, title: str, limits: Limits, name: str) -> list[list[object]]:
    """The cells of the sheet ``title``, every row of it, within the limits.

    One pass over the sheet's XML reads its values; a sheet holding a formula with no saved
    value is read again, its formulas beside its values, to report each such cell.
    """
    from sakip.extra._xlsx_sheet import UnsavedFormula, sheet_cells  # noqa: PLC0415 - openpyxl

    try:
        try:
            return sheet_cells(book[title], CellCount(limits, name), _shown, _percent_format)
        except UnsavedFormula:
            formulas = _workbook(data, name, data_only=False)
            try:
                return _sheet_rows(book[title], formulas[title], CellCount(limits, name))
            finally:
                formulas.close()
    except SakipError:
        raise
    except Exception as error:
        raise single(
            f"the sheet cannot be read ({type(error).__name__})",
            file=name,
            sheet=title,
            problem=Problem.UNREADABLE_SHEET,
        ) from None


def workbook_cells(
    path: str | os.PathLike[str], *, limits: Limits | None = None
) -> dict[str, list[list[object]]]:
    """The cells of every worksheet of a workbook, by sheet name.

    Each sheet is read as :func:`read_xlsx` reads one: saved values of formulas, percentages
    as shown, within the same ``limits``.
    """
    _openpyxl()
    limits = limits_or_default(limits)
    name = str(path)
    data = read_bytes(Path(path), limits)
    _check_archive(data, name, limits)
    book = _workbook(data, name, data_only=True)
    try:
        return {
            str(sheet.title): _cells(book, data, str(sheet.title), limits, name)
            for sheet in book.worksheets
        }
    finally:
        book.close()


def _not_a_workbook(name: str, error: Exception) -> DataFileError:
    return single(
        f"not a readable XLSX workbook ({type(error).__name__})",
        file=name,
        expected="an .xlsx file",
        problem=Problem.NOT_XLSX,
    )


def _check_archive(data: bytes, name: str, limits: Limits) -> None:
    """Check the workbook's zip parts as declared, before any of them is unzipped."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, limits, name)
    except SakipError:
        raise
    except Exception as error:  # not a zip, a broken or encrypted part: zipfile, zlib, ...
        raise _not_a_workbook(name, error) from None


def _workbook(data: bytes, name: str, *, data_only: bool) -> Any:
    """The workbook, read-only: with the values saved for formulas, or with the formulas."""
    openpyxl = _openpyxl()
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:
        raise _not_a_workbook(name, error) from None


def _sheet_title(book: Any, sheet: str | None, name: str) -> str:
    """The sheet to read: the named one, else the active visible one, else the first visible."""
    titles = book.sheetnames
    if sheet is not None:
        if sheet not in titles:
            known = ", ".join(repr(title) for title in titles)
            raise single(
                f"no sheet {sheet!r}; the workbook has {known}",
                file=name,
                value=sheet,
                problem=Problem.NO_SUCH_SHEET,
                accepted=book.sheetnames,
            )
        return sheet
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    if book.active in visible:
        return str(book.active.title)
    if not visible:
        raise single(
            "the workbook has no visible worksheet; name the sheet to read (sheet=...)",
            file=name,
            expected="a visible worksheet",
            problem=Problem.NO_VISIBLE_SHEET,
        )
    return str(visible[0].title)
