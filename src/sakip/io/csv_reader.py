"""CSV tables (tabel CSV): UTF-8 text with ``;``, ``,`` or tab between cells."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from sakip.io.errors import Problem, single
from sakip.io.limits import Limits, check, limits_or_default
from sakip.io.plain_table import read_plain, tokenize_csv
from sakip.io.rows import TableRead
from sakip.io.sources import CellCount, check_header_row, read_bytes, read_from_header

__all__ = ["read_csv"]


def _decode(data: bytes, file: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise single(
            "the file is UTF-16 text; save it as CSV UTF-8", file=file, problem=Problem.NOT_TEXT
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise single(
            f"the file is not UTF-8 text (byte {data[error.start]:#04x} at offset "
            f"{error.start}); save it as CSV UTF-8, or it may not be a CSV file at all",
            file=file,
            expected="UTF-8 text",
            problem=Problem.NOT_TEXT,
        ) from None


def _delimiter(text: str, header_row: int) -> str:
    """The delimiter of the header line: ``;`` (Excel in Indonesian), ``,`` or a tab."""
    lines = text[: 1 << 16].splitlines()  # the first lines: a large file is not split whole
    if len(lines) <= header_row:  # the header line may go on past them
        lines = text.splitlines()
    header = lines[header_row - 1] if header_row <= len(lines) else ""
    return max((";", ",", "\t"), key=header.count)


def read_csv(
    source: str | os.PathLike[str] | bytes,
    *,
    file: str | None = None,
    header_row: int = 1,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead:
    """Read a CSV table: UTF-8 (with or without BOM), ``;``, ``,`` or tab delimited.

    The delimiter is the one the header line uses most (Excel in Indonesian writes ``;``,
    because ``,`` is its decimal separator). Row numbers in messages are the file's line
    numbers, also after a quoted cell that spans several lines.

    Args:
        source: A path, or the file's bytes.
        file: The name to use in messages when ``source`` is bytes.
        header_row: The row holding the column headers (1, the first, by default); rows
            above it, such as a table's title, are not read.
        decimal: ``","`` or ``"."``, the decimal separator of every text number; ``None``
            lets each column's cells decide (see :func:`read_rows`).
        limits: The limits on size, cells and digits (:class:`~sakip.io.Limits`); the
            defaults when ``None``.
    """
    check_header_row(header_row)
    limits = limits_or_default(limits)
    if isinstance(source, bytes):
        data, name = source, file or "<csv>"
        check(limits, "file_bytes", len(data), "the file's size in bytes", name)
    else:
        data, name = read_bytes(Path(source), limits), str(source)
    text = _decode(data, name)
    if "\x00" in text:
        raise single(
            "the file holds NUL characters: it is not a CSV text file",
            file=name,
            problem=Problem.NOT_TEXT,
        )
    delimiter = _delimiter(text, header_row)
    if header_row == 1:  # a large plain table: read column by column, see sakip.io.plain_table
        raw = tokenize_csv(data.removeprefix(b"\xef\xbb\xbf"), delimiter, limits)
        plain = None if raw is None else read_plain(raw, file=name, decimal=decimal, limits=limits)
        if plain is not None:
            return plain
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    lines: list[int] = []
    count = CellCount(limits, name)
    end = 0  # the line the last record ended on: the next one starts after it
    kept: dict[str, str] = {}  # a text that recurs (a polarity, a year) is kept once
    try:
        for record in reader:
            lines.append(end + 1)
            records.append([kept.setdefault(cell, cell) for cell in record])
            count.add(record)
            end = reader.line_num
    except csv.Error as error:
        raise single(
            f"not a readable CSV file: {error}",
            file=name,
            row=reader.line_num,
            problem=Problem.NOT_CSV,
        ) from None
    return read_from_header(records, header_row, name, lines=lines, decimal=decimal, limits=limits)
