"""The Renja evaluation form read back from its XLSX (formulir evaluasi Renja, dibaca kembali).

An agency fills in the quarters of the form that ``sakip report --document renja-evaluation
--format xlsx`` wrote, and :func:`read_renja_xlsx` reads them into the dataset: each
indicator's quarterly realizations (columns 8-11, K) and each level's quarterly spending
(columns 8-11, Rp). Rows are matched by the cascade item's code in column 3 and the
indicator's name and unit in column 4; every cell that cannot be read is reported with its
sheet, row and column, and every good one kept. Needs openpyxl (``pip install
"sakip[excel]"``).
"""

from __future__ import annotations

import os
from decimal import Decimal

import attrs

from sakip._decimal import to_decimal
from sakip.exceptions import SakipError
from sakip.extra.xlsx_writer import HEADER_ROW
from sakip.io.errors import DataFileError, FieldError, Problem, detailed
from sakip.io.limits import Limits
from sakip.locale import parse_number
from sakip.model import BudgetLine, CascadeItem, Dataset, Indicator, Realization

__all__ = ["read_renja_xlsx"]

_QUARTER_K = 10
"""The 0-based column of TW I's K (column 8 of the form: 4 columns, then 3 pairs)."""

_WIDTH = 25
"""The form's columns: 1-4, ten pairs of K and Rp, and 15."""

_EMPTY = (None, "", "—")
"""What a cell left empty or printed missing holds: nothing is read from it."""


@attrs.define
class _Reading:
    """What the rows give, and what is wrong with them."""

    file: str
    sheet: str
    header: list[object]
    realizations: dict[tuple[str, int], Decimal] = attrs.Factory(dict)
    spent: dict[tuple[str, int], Decimal] = attrs.Factory(dict)
    problems: list[FieldError] = attrs.Factory(list)

    def problem(self, row: int, index: int, value: object, expected: str, kind: Problem) -> None:
        column = str([*self.header, *([None] * _WIDTH)][index] or index + 1)
        error = FieldError(
            f"{column}: {value!r} is not {expected}",
            file=self.file,
            sheet=self.sheet,
            row=row,
            column=column,
            value=value,
            expected=expected,
        )
        self.problems.append(detailed(error, problem=kind))


def _number(value: object) -> Decimal:
    if isinstance(value, str):
        return parse_number(value)
    return to_decimal(value, "cell")


def _item(dataset: Dataset, text: object) -> CascadeItem | None:
    codes = {item.code for item in dataset.cascade}
    for token in str(text).split():
        if token in codes:
            return dataset.cascade_item(token)
    return None


def _indicator(item: CascadeItem, text: object) -> Indicator | None:
    for indicator in item.indicators:
        if f"{indicator.name} ({indicator.unit})" == str(text).strip():
            return indicator
    return None


def _quarters(reading: _Reading, row: int, cells: list[object], into: str, offset: int) -> None:
    """Columns 8-11 (K at ``offset`` 0, Rp at 1) of a row, into ``into``."""
    found = reading.realizations if offset == 0 else reading.spent
    for quarter in range(1, 5):
        index = _QUARTER_K + 2 * (quarter - 1) + offset
        value = cells[index]
        if value in _EMPTY:
            continue
        try:
            found[(into, quarter)] = _number(value)
        except SakipError:
            reading.problem(row, index, value, "a number", Problem.INVALID_VALUE)


def _rows(reading: _Reading, dataset: Dataset, rows: list[list[object]]) -> None:
    item: CascadeItem | None = None
    body = rows[HEADER_ROW:]
    filled = [any(cell not in _EMPTY for cell in shown) for shown in body]
    end = filled.index(False) if False in filled else len(body)  # then the form's notes
    for row, shown in enumerate(body[:end], start=HEADER_ROW + 1):
        cells = [*shown, *([None] * _WIDTH)]  # a row read short: its cells to the right are empty
        label, name = cells[2:4]
        if label not in _EMPTY:
            item = _item(dataset, label)
            if item is None:
                reading.problem(
                    row,
                    2,
                    label,
                    "a program, activity or sub-activity of the data",
                    Problem.UNKNOWN_CODE,
                )
                continue
            line = item.budget
            if line is not None:
                _quarters(reading, row, cells, line, 1)
        if item is None or name in _EMPTY:
            continue  # an objective's row, or an item with no indicator
        indicator = _indicator(item, name)
        if indicator is None:
            reading.problem(
                row, 3, name, f"an indicator of {item.code}", Problem.UNKNOWN_INDICATOR
            )
            continue
        _quarters(reading, row, cells, indicator.code, 0)


def _spent(line: BudgetLine, read: dict[tuple[str, int], Decimal]) -> BudgetLine:
    children = tuple(_spent(child, read) for child in line.children)
    quarters = [*line.quarterly_spent, *([None] * (4 - len(line.quarterly_spent)))]
    for quarter in range(1, 5):
        quarters[quarter - 1] = read.get((line.code, quarter), quarters[quarter - 1])
    return attrs.evolve(line, quarterly_spent=quarters, children=children)


def _updated(dataset: Dataset, reading: _Reading, year: int) -> Dataset:
    read = reading.realizations
    kept = [
        r
        for r in dataset.realizations
        if not (r.year == year and r.quarter is not None and (r.indicator, r.quarter) in read)
    ]
    new = [
        Realization(indicator=code, year=year, quarter=quarter, value=value)
        for (code, quarter), value in read.items()
    ]
    budget = [_spent(line, reading.spent) for line in dataset.budget]
    return attrs.evolve(dataset, realizations=[*kept, *new], budget=budget)


def read_renja_xlsx(
    path: str | os.PathLike[str], dataset: Dataset, *, year: int, limits: Limits | None = None
) -> Dataset:
    """The dataset with the quarters of a filled-in Renja evaluation form (its XLSX).

    Each quarter's K (columns 8-11) becomes the indicator's realization of that quarter of
    ``year``, replacing one the dataset had; each quarter's Rp on an item's first row becomes
    its budget line's spending of that quarter. A cell left empty or printed ``—`` is not
    read (never as 0). The form's first sheet is read.

    Raises:
        DataFileError: Cells that cannot be read (a number that is not one, an item or
            indicator the dataset does not have), each with its sheet, row and column; its
            ``rows`` hold the dataset with every good cell read.
    """
    from sakip.extra.xlsx_reader import workbook_cells  # noqa: PLC0415 - it loads sakip.io first

    name = str(path)
    sheets = workbook_cells(path, limits=limits)
    sheet, rows = next(iter(sheets.items()))
    header = [*rows, *([[]] * HEADER_ROW)][HEADER_ROW - 1]
    reading = _Reading(file=name, sheet=sheet, header=list(header))
    _rows(reading, dataset, rows)
    result = _updated(dataset, reading, year)
    if reading.problems:
        raise DataFileError(
            f"{name}: {len(reading.problems)} cells of the Renja form cannot be read",
            reading.problems,
            file=name,
            rows=(result,),
        )
    return result
