"""A report as an XLSX workbook (lembar kerja), one sheet per table; needs openpyxl."""

from __future__ import annotations

import io
from decimal import Decimal

from sakip._decimal import round_half_up
from sakip._optional import require
from sakip.io._safe import neutralise
from sakip.present._layout import labels_of, visible
from sakip.report import Cell, CellKind, Report

__all__ = ["to_xlsx"]


_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def to_xlsx(report: Report) -> bytes:
    r"""The report as an XLSX workbook: one sheet per table (needs the ``sakip[excel]`` extra).

    Numbers are stored as numbers with a display format, text cells are neutralised so that a
    spreadsheet never runs them as formulas, and a control character from data (an ESC, a
    vertical tab, which a workbook cannot hold) is written as its escape (``\x1b``).
    """
    require("openpyxl", "XLSX files")
    from openpyxl import Workbook  # noqa: PLC0415 - the optional excel extra
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    labels = labels_of(report)
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook has one sheet
    for table in report.tables:
        sheet = book.create_sheet(table.number.translate(_SHEET_FORBIDDEN)[:31])
        sheet.append([_xlsx_text(table.caption)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([])
        sheet.append([_xlsx_text(column.title) for column in table.columns])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([_xlsx_value(cell) for cell in row])
            for target, cell in zip(sheet[sheet.max_row], row, strict=True):
                if cell.numeric:
                    target.number_format = _xlsx_format(cell)
        sheet.append([])
        sheet.append([_xlsx_text(f"{labels['rule']}: {table.rule}")])
        sheet.append([_xlsx_text(f"{labels['source']}: {table.source}")])
        for sentence in table.sentences:
            sheet.append([_xlsx_text(sentence)])
        for index, column in enumerate(table.columns):
            letter = sheet.cell(row=3, column=index + 1).column_letter
            longest = max(
                [len(column.title), *(len(row[index].format(table.lang)) for row in table.rows)]
            )
            sheet.column_dimensions[letter].width = min(max(6, longest + 2), 50)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(cell: Cell) -> Decimal | str | None:
    if isinstance(cell.value, Decimal):  # the figure as printed; JSON keeps the exact value
        return cell.value if cell.places is None else round_half_up(cell.value, cell.places)
    if cell.value is None:
        return "—"
    return _xlsx_text(cell.value)


def _xlsx_text(text: str) -> str:
    """A text cell: control characters (which XLSX cannot hold) escaped, formulas neutralised."""
    return neutralise(visible(text))


def _xlsx_format(cell: Cell) -> str:
    if cell.kind is CellKind.PERCENT:
        return '#,##0.00" %"'
    if cell.places == 2:
        return "#,##0.00"
    if cell.kind is CellKind.MONEY:
        return "#,##0"
    return "#,##0.##########"
