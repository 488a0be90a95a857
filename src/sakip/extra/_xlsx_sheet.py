"""One worksheet's cells, read from its XML in one pass: values, not cell objects.

openpyxl's read-only sheet builds a dictionary for every cell, a cell object when its number
format is asked for, and a rich-text object for every inline text. This reads the same XML
with the same parser and gives each cell's value by the same rules as openpyxl's
``WorkSheetParser.parse_cell`` for saved values (``data_only``): shared and inline texts,
numbers, booleans, dates by the cell's style, errors as their text. Each style's number
format is looked up once, where a number has it, to read a percentage as it is shown.

A formula whose value was never saved raises :class:`UnsavedFormula`: the caller reads that
sheet again with openpyxl's formulas, to report each such cell with its formula.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.cell.text import Text
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from sakip.io.sources import CellCount

__all__ = ["UnsavedFormula", "sheet_cells"]

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_DIGITS = "0123456789"


class UnsavedFormula(Exception):  # noqa: N818 - a signal to read the sheet again, not an error
    """The sheet holds a formula with no saved value."""


Shown = Callable[[object, bool], object]


def sheet_cells(
    sheet: Any, count: CellCount, shown: Shown, percent: Callable[[str], bool]
) -> list[list[object]]:
    """Every row of a read-only worksheet of openpyxl, as lists of cell values.

    ``shown(value, percent)`` turns a date or a percentage into what sakip reads;
    ``percent(number_format)`` says whether a number format shows a percentage. Rows are
    numbered as openpyxl numbers them (a missing row is empty, a row numbered at or before
    one already read is skipped); each row is as wide as its last cell's column, and is
    counted (``count``) before it is built. The sheet's ``<dimension>`` is not read.
    """
    return _Sheet(sheet, count, shown, percent).rows()


class _Sheet:
    def __init__(
        self, sheet: Any, count: CellCount, shown: Shown, percent: Callable[[str], bool]
    ) -> None:
        book = sheet.parent
        # what openpyxl's own read-only sheet hands its parser
        self.sheet, self.strings = sheet, sheet._shared_strings
        self.dates, self.durations = book._date_formats, book._timedelta_formats
        self.epoch = book.epoch
        self.count, self.shown, self.percent_format = count, shown, percent
        self.percent: dict[int, bool] = {}  # by style: whether its number format is a percentage
        self.columns: dict[str, int] = {}  # by column letters

    def rows(self) -> list[list[object]]:
        rows: list[list[object]] = []
        number = 0
        with self.sheet._get_source() as source:
            for _, element in iterparse(source):
                if element.tag != _ROW:
                    continue  # a cell's parts are read with their row
                attribute = element.get("r")
                number = number + 1 if attribute is None else _row_number(attribute)
                if number > len(rows):
                    while len(rows) < number - 1:  # rows the sheet leaves out are empty
                        self.count.add(())
                        rows.append([])
                    rows.append(self.row(element))
                element.clear()
        return rows

    def row(self, element: Any) -> list[object]:
        columns: list[int] = []
        values: list[object] = []
        column = 0
        for cell in element:
            coordinate = cell.get("r")
            column = self.column(coordinate) if coordinate else column + 1
            columns.append(column)
            values.append(self.value(cell))
        width = columns[-1] if columns else 0  # openpyxl's: the last cell's column
        self.count.add(range(width))  # first, before a row of 16,384 cells is built
        row: list[object] = [None] * width
        for column, value in zip(columns, values, strict=True):
            if column <= width:
                row[column - 1] = value
        return row

    def column(self, coordinate: str) -> int:
        letters = coordinate.rstrip(_DIGITS)
        column = self.columns.get(letters)
        if column is None:
            if len(letters) == len(coordinate):
                raise ValueError(f"no row in the cell reference {coordinate!r}")
            column = self.columns[letters] = column_index_from_string(letters)
        return column

    def value(self, cell: Any) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            value = None if inline is None else _inline_text(inline)
        else:
            value = cell.findtext(_VALUE) or None
            if value is not None and kind != "str":
                return self.typed(kind, value, cell.get("s"))
        if value is None and cell.find(_FORMULA) is not None:
            raise UnsavedFormula
        return value

    def typed(self, kind: str, text: str, style: str | None) -> object:
        """A saved value of type ``kind`` (``n`` number, ``s`` shared text, ``b``, ``d``)."""
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            return self.styled(number, int(style)) if style else number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return self.shown(from_ISO8601(text), False)  # type: ignore[no-untyped-call]
        return text  # an error's text (#DIV/0!) or a type openpyxl keeps as text too

    def styled(self, number: float, style_id: int) -> object:
        """A number as its style shows it: a date, a percentage or the number."""
        if style_id in self.dates:
            return self.shown(self.date(number, style_id), False)
        return self.shown(number, True) if self.is_percent(style_id) else number

    def date(self, number: float, style_id: int) -> object:
        try:
            return from_excel(number, self.epoch, timedelta=style_id in self.durations)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's value for a date past its limits

    def is_percent(self, style_id: int) -> bool:
        percent = self.percent.get(style_id)
        if percent is None:
            number_format = ReadOnlyCell(self.sheet, 1, 1, None, style_id=style_id).number_format
            percent = self.percent[style_id] = self.percent_format(str(number_format))
        return percent


def _row_number(attribute: str) -> int:
    """A row's ``r``, as openpyxl reads it: a whole number, perhaps written as ``3.0``."""
    try:
        return int(attribute)
    except ValueError:
        number = float(attribute)
        if not number.is_integer():
            raise ValueError(f"{attribute} is not a valid row number") from None
        return int(number)


def _inline_text(inline: Any) -> str:
    """An inline text: its one ``<t>`` read directly, anything richer as openpyxl reads it."""
    if len(inline) == 1 and inline[0].tag == _TEXT and not inline.attrib:
        return str(inline[0].text or "")
    text: Any = Text.from_tree(inline)
    return str(text.content)
