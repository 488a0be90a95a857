"""Writing tables (menulis tabel): table rows and results to CSV or XLSX.

XLSX needs openpyxl (``pip install "sakip[excel]"``), imported only when a workbook is written.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from sakip._optional import require
from sakip.exceptions import InvalidValueError
from sakip.io._safe import atomic_writer, neutralise
from sakip.io.columns import (
    WRITE_HEADERS,
)
from sakip.io.errors import unknown_table_type
from sakip.io.results import ResultRow
from sakip.io.rows import TableRow
from sakip.model import ComparatorTarget, LevelTarget, Polarity, Target, TargetRange
from sakip.targets import target_text

__all__ = ["RESULT_COLUMNS", "write_csv", "write_results", "write_table", "write_xlsx"]


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
    if isinstance(value, ComparatorTarget | LevelTarget):
        return target_text(value, decimal=".")  # as the table's numbers: 94.6
    if isinstance(value, Polarity):
        return value.value
    return value


def _csv_cell(value: object) -> str:
    if type(value) not in _PLAIN_CELLS:  # a target, a polarity: as the table writes it
        value = _cell_out(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Decimal):
        return format(value, "f")  # never 1E+3, which no reader takes for a number
    return str(value)


_PLAIN_CELLS = frozenset({str, int, Decimal, type(None)})
"""Cells written as they are, by exact type (a bool is no int here): most cells of a table."""


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


_SHEET_NAME = 31  # the longest sheet name Excel opens
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""The control characters an XLSX file cannot hold (XML 1.0 forbids them)."""


def _xlsx_text(text: str) -> str:
    found = _XLSX_ILLEGAL.search(text)
    if found is not None:
        raise InvalidValueError(
            "cell",
            text,
            f"a text without control characters, which XLSX cannot hold (found {found[0]!r}); "
            "remove it, or write the table as CSV",
        )
    return neutralise(text)


def _xlsx_value(value: object) -> object:
    value = _cell_out(value)
    if isinstance(value, str):
        return _xlsx_text(value)
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
    openpyxl = require("openpyxl", "XLSX files")
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    expected = "a sheet name of 1-31 characters, none of : \\ / ? * [ ]"
    given: object = sheet  # a caller without type checks may pass anything
    if not isinstance(given, str) or not 1 <= len(given) <= _SHEET_NAME:
        raise InvalidValueError("sheet", sheet, expected)  # openpyxl only warns if too long
    try:
        worksheet.title = sheet
    except ValueError:
        raise InvalidValueError("sheet", sheet, expected) from None
    worksheet.append([_xlsx_text(str(name)) for name in header])
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
    raise unknown_table_type(path)


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


def _row_cells(row: TableRow, fields: Sequence[str]) -> Iterator[object]:
    for field in fields:
        value = getattr(row, field)
        if field == "realization" and row.level is not None:
            value = row.level
        elif field == "levels" and isinstance(row.target, LevelTarget):
            value = row.target.scale.name  # the target's own scale, however the row was built
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
    """Write table rows (as :func:`read_table` reads them) to a ``.csv`` or ``.xlsx`` file.

    A table with a row measured in levels gets a last column, *Skala Tingkat*, naming each
    such row's scale; its Target and Realisasi cells hold the levels (``WTP``, ``WDP``).
    """
    table = list(rows)
    leveled = any(r.levels is not None or isinstance(r.target, LevelTarget) for r in table)
    fields = _ROW_FIELDS + (("levels",) if leveled else ())
    header = [
        WRITE_HEADERS[name]
        for field in fields
        for name in (
            ("target", "target_low", "target_high")
            if field == "target"
            else ("achievement",)
            if field == "stated_achievement"
            else (field,)
        )
    ]
    _writer(path)(path, header, [list(_row_cells(row, fields)) for row in table])


def write_results(results: Iterable[ResultRow], path: str | os.PathLike[str]) -> None:
    """Write results (from :func:`evaluate`) to a ``.csv`` or ``.xlsx`` file.

    Columns: see :data:`~sakip.io.writing.RESULT_COLUMNS`. "Capaian" is the exact achievement
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
            result.row.level if result.row.level is not None else result.row.realization,
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
