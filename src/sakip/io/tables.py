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

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sakip.exceptions import InvalidValueError
from sakip.io._notation import ColumnNotation
from sakip.io.columns import COLUMNS
from sakip.io.csv_reader import read_csv
from sakip.io.errors import unknown_table_type
from sakip.io.limits import Limits
from sakip.io.results import ResultRow, Results, evaluate
from sakip.io.row_reader import read_rows
from sakip.io.rows import TableRead, TableRow, TableRows, table_rows
from sakip.io.writing import RESULT_COLUMNS, write_csv, write_results, write_table, write_xlsx

if TYPE_CHECKING:
    from sakip.extra.xlsx_reader import read_xlsx

__all__ = [
    "COLUMNS",
    "RESULT_COLUMNS",
    "ColumnNotation",
    "ResultRow",
    "Results",
    "TableRead",
    "TableRow",
    "TableRows",
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


def read_table(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    header_row: int = 1,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead:
    """Read a ``.csv`` or ``.xlsx`` table; the suffix decides which.

    Args:
        path: The file.
        sheet: For a workbook, the worksheet's name (by default the active sheet when it is
            visible, else the first visible one; see :func:`~sakip.io.tables.read_xlsx`).
        header_row: The row holding the column headers (1 by default); rows above it, such
            as a table's title, are not read.
        decimal: ``","`` or ``"."``, the decimal separator of every text number; ``None``
            (the default) lets each column's cells decide (see
            :func:`~sakip.io.tables.read_rows`).
        limits: The limits against hostile files (:class:`~sakip.io.Limits`); the defaults
            when ``None``.

    >>> import sakip.io
    >>> read = sakip.io.read_table("examples/tables/dinsos-kota-metro.csv")
    >>> [(row.code, row.year, row.realization) for row in read.rows][-1]
    ('IKU-1', 2024, Decimal('95'))
    """
    suffix = Path(path).suffix.casefold()
    if suffix == ".csv":
        if sheet is not None:
            raise InvalidValueError("sheet", sheet, "None for a CSV file")
        return read_csv(path, header_row=header_row, decimal=decimal, limits=limits)
    if suffix in (".xlsx", ".xlsm"):
        from sakip.extra.xlsx_reader import read_xlsx  # noqa: PLC0415 - see __getattr__

        return read_xlsx(path, sheet=sheet, header_row=header_row, decimal=decimal, limits=limits)
    raise unknown_table_type(path)


def __getattr__(name: str) -> object:
    """``read_xlsx``, imported when first asked for.

    :mod:`sakip.extra.xlsx_reader` imports :mod:`sakip.io`, which imports this module: read
    at import time, the name would be missing whenever the reader is the first module a
    program imports.
    """
    if name == "read_xlsx":
        from sakip.extra.xlsx_reader import read_xlsx  # noqa: PLC0415 - the cycle above

        return read_xlsx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
