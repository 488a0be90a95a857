"""A report as an XLSX workbook (lembar kerja), one print-ready sheet per table; needs openpyxl.

Each sheet prints as a report's table does: ruled cells, a shaded header row that stays in
view when scrolling (frozen) and repeats on every printed page (print titles), A4 landscape
scaled to the page's width, rating cells coloured as on the HTML page. Every figure is a
number, stored as printed (rounded to the decimals shown), with a display format that shows
it in the reader's notation; "No" is a number too.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sakip._decimal import round_half_up
from sakip._optional import require
from sakip.io._safe import neutralise
from sakip.present._layout import analysis_lines, labels_of, name_span, notes, visible, words_in
from sakip.report import Cell, CellKind, Report, RowLevel, Table

if TYPE_CHECKING:
    from sakip.present.audit import WorkingPaper

__all__ = ["HEADER_ROW", "PAPER_HEADER_ROW", "paper_to_xlsx", "to_xlsx"]


HEADER_ROW = 3
"""The row of each sheet that holds the column headings (the caption is row 1)."""

_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
_RATING_FILLS = {"ST": "C8E6C9", "T": "DCEDC8", "S": "FFF9C4", "R": "FFE0B2", "SR": "FFCDD2"}
"""The rating colours of the HTML page."""
_HEADER_FILL = "EEEEEE"
_LINE_HEIGHT = 15  # points: one line of the default 11-point font


def to_xlsx(report: Report) -> bytes:
    r"""The report as an XLSX workbook: one sheet per table (needs the ``sakip[excel]`` extra).

    Numbers are stored as numbers with a display format, text cells are neutralised so that a
    spreadsheet never runs them as formulas, and a control character from data (an ESC, a
    vertical tab, which a workbook cannot hold) is written as its escape (``\x1b``).
    """
    require("openpyxl", "XLSX files")
    from openpyxl import Workbook  # noqa: PLC0415 - the optional excel extra

    labels = labels_of(report)
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook has one sheet
    for table in report.tables:
        sheet = book.create_sheet(table.number.translate(_SHEET_FORBIDDEN)[:31])
        _widths(sheet, table)
        _write_table(sheet, table, labels)
        _print_setup(sheet, len(table.columns))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PAPER_HEADER_ROW = HEADER_ROW + 1
"""The row of a working paper's sheet that holds the column headings (its heading is row 1)."""


def paper_to_xlsx(paper: WorkingPaper) -> bytes:
    """A reviewer's working paper as a print-ready XLSX workbook (needs ``sakip[excel]``).

    One sheet, laid out as a report's table: the paper's heading (the agency and year), the
    table's caption, the ruled findings under a shaded header row that stays in view and
    repeats on every printed page, A4 landscape, each verdict coloured; then the rule, its
    source and the summary line.
    """
    require("openpyxl", "XLSX files")
    from openpyxl import Workbook  # noqa: PLC0415 - the optional excel extra
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook has one sheet
    sheet = book.create_sheet(paper.table.key[:31])
    columns = len(paper.table.columns)
    _widths(sheet, paper.table)
    _paragraph(sheet, _xlsx_text(paper.heading), columns)  # wrapped across the table
    sheet["A1"].font = Font(bold=True, size=14)
    _write_table(sheet, paper.table, words_in(paper.lang), header_row=PAPER_HEADER_ROW)
    _print_setup(sheet, columns, header_row=PAPER_HEADER_ROW)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_table(
    sheet: Any, table: Table, labels: dict[str, str], *, header_row: int = HEADER_ROW
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415 - the excel extra

    sheet.append([_xlsx_text(table.caption)])
    sheet.cell(row=header_row - 2, column=1).font = Font(bold=True)
    sheet.append([])
    sheet.append([_xlsx_text(column.title) for column in table.columns])
    header = PatternFill("solid", start_color=_HEADER_FILL)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = header
        cell.border = _ruled()
    numbered = [column.key == "no" for column in table.columns]
    for level, row in table.printed():
        values = [_xlsx_value(cell, number=no) for cell, no in zip(row, numbered, strict=True)]
        sheet.append(values)
        for target, cell in zip(sheet[sheet.max_row], row, strict=True):
            _style_cell(target, cell)
            if level is not RowLevel.ITEM:  # a goal's or objective's row, set off as a report does
                target.font = Font(bold=True)
        if level is not RowLevel.ITEM:
            _heading_row(sheet, row)
    sheet.append([])
    lines = [f"{label}: {said}" for label, said in notes(table, labels)]
    for line in lines:
        _paragraph(sheet, _xlsx_text(line), len(table.columns))
    for said in table.said():
        if isinstance(said, str):
            _paragraph(sheet, _xlsx_text(said), len(table.columns))
            continue
        _paragraph(sheet, _xlsx_text(said.heading), len(table.columns))
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, parts in analysis_lines(said):  # a line of the sheet per line of the author
            for line in [f"{label}: {parts[0]}", *parts[1:]]:
                _paragraph(sheet, _xlsx_text(line), len(table.columns))


def _heading_row(sheet: Any, row: tuple[Cell, ...]) -> None:
    """A goal's or objective's name across the blank cells after it, wrapped to fit.

    Left in the indicators' column, a long name would run over its neighbours' cells.
    """
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - the optional excel extra

    first, stop = name_span(row)
    number = sheet.max_row
    sheet.merge_cells(start_row=number, start_column=first + 1, end_row=number, end_column=stop)
    width = sum(
        sheet.column_dimensions[get_column_letter(index + 1)].width or 0
        for index in range(first, stop)
    )
    lines = _lines(row[first].format(), max(1, int(width)))
    sheet.row_dimensions[number].height = _LINE_HEIGHT * lines


def _paragraph(sheet: Any, text: str, columns: int) -> None:
    """A line under the table, wrapped inside the table's width.

    Left in one cell, a long line would run on to the right, and the print range, fitted to
    the page's width, would shrink the whole table to fit it.
    """
    from openpyxl.styles import Alignment  # noqa: PLC0415 - the optional excel extra

    sheet.append([text])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[row].height = _LINE_HEIGHT * _lines(text, _table_chars(sheet, columns))


def _table_chars(sheet: Any, columns: int) -> int:
    """The table's width in characters, from its columns' widths (set before the notes)."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - the optional excel extra

    letters = [get_column_letter(index + 1) for index in range(columns)]
    return max(1, int(sum(sheet.column_dimensions[letter].width or 0 for letter in letters)))


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes wrapped at ``width`` characters (an estimate, by words)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, 0
        used += len(word) + (1 if used else 0)
    return lines


def _style_cell(target: Any, cell: Cell) -> None:
    from openpyxl.styles import Alignment, PatternFill  # noqa: PLC0415 - the excel extra

    target.border = _ruled()
    target.alignment = Alignment(wrap_text=True, vertical="top")
    if cell.numeric:
        target.number_format = _xlsx_format(cell)
    if cell.kind is CellKind.MISSING:
        target.alignment = Alignment(horizontal="center", vertical="top")
    if cell.kind is CellKind.RATING and cell.code in _RATING_FILLS:
        target.fill = PatternFill("solid", start_color=_RATING_FILLS[cell.code])


def _ruled() -> Any:
    from openpyxl.styles import Border, Side  # noqa: PLC0415 - the excel extra

    line = Side(style="thin", color="000000")
    return Border(left=line, right=line, top=line, bottom=line)


def _widths(sheet: Any, table: Table) -> None:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - the optional excel extra

    for index, column in enumerate(table.columns):
        letter = get_column_letter(index + 1)
        longest = max(
            [
                len(column.title),
                # the indicators' rows: a group's name runs over the blank cells after it
                *(len(row[index].format(table.lang)) for row in table.rows),
            ]
        )
        sheet.column_dimensions[letter].width = min(max(6, longest + 2), 50)


def _print_setup(sheet: Any, columns: int, *, header_row: int = HEADER_ROW) -> None:
    """A4 landscape, as wide as the page, the header frozen on screen and repeated on paper.

    The print area is the table's columns, so that nothing beside it shrinks it on paper.
    """
    last = sheet.cell(row=sheet.max_row, column=columns).coordinate
    sheet.print_area = f"A1:{last}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _xlsx_value(cell: Cell, *, number: bool = False) -> Decimal | int | str | None:
    if isinstance(cell.value, Decimal):  # the figure as printed; JSON keeps the exact value
        return cell.value if cell.places is None else round_half_up(cell.value, cell.places)
    if cell.value is None:
        return "—"
    if number and cell.value.isdecimal():  # the row's "No", which a spreadsheet sorts by
        return int(cell.value)
    return _xlsx_text(cell.value)


def _xlsx_text(text: str) -> str:
    """A text cell: control characters (which XLSX cannot hold) escaped, formulas neutralised."""
    return neutralise(visible(text))


def _xlsx_format(cell: Cell) -> str:
    """The display format that shows the decimals the report prints, no more and no fewer.

    An integer gets no decimal separator at all (``#,##0``: "13.773", not "13.773,").
    """
    if cell.kind is CellKind.PERCENT:
        return '#,##0.00" %"'
    places = cell.places
    if places is None:  # every digit the number has, as format_number prints it
        places = len(format(cell.value, "f").partition(".")[2])
    return "#,##0" if places == 0 else "#,##0." + "0" * places
