"""What every file reader shares (sumber tabel): a file's bytes, its cells, its header row.

A reader gets a file's bytes under the limits (:func:`read_bytes`), counts the cells it reads
(:class:`CellCount`) and reads the rows from the header row on (:func:`read_from_header`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sakip.exceptions import InvalidValueError
from sakip.io._safe import FORMULA_STARTS
from sakip.io.errors import Problem, single
from sakip.io.limits import Limits, check, check_cells, limits_or_default
from sakip.io.row_reader import read_rows
from sakip.io.rows import TableRead

__all__ = ["CellCount", "check_header_row", "read_bytes", "read_from_header"]


def check_header_row(header_row: object) -> int:
    """The number of the header row, refused unless it is 1 or more."""
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
        raise InvalidValueError("header_row", header_row, "a row number, 1 or more")
    return header_row


def _unguarded(cell: object) -> object:
    """A text cell without the apostrophe the writers put before a formula's first character.

    :func:`write_table` writes ``-5`` as the text ``'-5`` so that no spreadsheet runs it; the
    reader takes the apostrophe off again, so that what was written reads back equal.
    """
    if isinstance(cell, str) and cell.startswith("'") and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


def read_from_header(
    rows: Sequence[Sequence[object]],
    header_row: int,
    file: str,
    sheet: str | None = None,
    *,
    lines: Sequence[int] | None = None,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead:
    """Read the rows from the header row on; the rows above it (a title) are not read.

    ``lines`` are the rows' numbers in the file (a CSV record may span lines); without them
    a row's number is its position.
    """
    limits = limits_or_default(limits)
    check_cells(rows, limits, file)
    table = [[_unguarded(cell) for cell in row] for row in rows[header_row - 1 :]]
    first_line, labels = header_row, None
    if lines is not None and header_row <= len(lines):
        first_line, labels = lines[header_row - 1], lines[header_row:]
    return read_rows(
        table,
        file=file,
        sheet=sheet,
        first_line=first_line,
        labels=labels,
        decimal=decimal,
        limits=limits,
    )


class CellCount:
    """The cells of a sheet read so far, counted against ``cells_per_sheet``.

    A row counts as wide as the widest row so far, so a sheet of a million empty rows (a row
    bomb) is refused as early as a million full ones, before its rows fill the memory.
    """

    def __init__(self, limits: Limits, file: str) -> None:
        self.limits, self.file = limits, file
        self.cells = self.width = 0

    def add(self, row: Sequence[object]) -> None:
        """Count one more row, refusing the sheet once it holds too many cells."""
        self.width = max(self.width, len(row), 1)
        self.cells += self.width
        check(self.limits, "cells_per_sheet", self.cells, "the sheet's cells", self.file)


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The bytes of a file, refused once it is larger than ``limits`` allow."""
    try:
        if path.is_file():  # the size of a FIFO or a device is known only once it is read
            size = path.stat().st_size
            check(limits, "file_bytes", size, "the file's size in bytes", str(path))
        with path.open("rb") as stream:
            data = stream.read(limits.file_bytes + 1)
    except OSError as error:
        raise single(
            f"cannot read the file: {error.strerror or error}",
            file=str(path),
            value=str(error.strerror or error),
            problem=Problem.UNREADABLE,
        ) from error
    check(limits, "file_bytes", len(data), "the file's size in bytes", str(path))
    return data
