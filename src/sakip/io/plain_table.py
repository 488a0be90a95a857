"""Plain tables read whole columns at a time (tabel polos): the fast path of a large table.

A national table repeats its texts: the 220,000 cells of its year column hold six distinct
years, its figures a few thousand. When a large CSV file is *plain* (no quote, no blank line,
every line exactly as wide as its header), pandas' C parser tokenizes it into each column's
distinct texts and each row's position among them (:func:`tokenize_csv`; pandas is optional,
and without it this path is not taken). Each distinct text is then converted once, exactly as
the row reader converts it (:func:`sakip.io.row_reader.plain_rows`), and the rows are kept as
columns (:class:`~sakip.io.TableRows`), built one by one only when they are asked for.

The fast path only ever takes a table that the row reader would read without a single
problem. Whenever a table is anything else (a bad cell, a comparator or a ratio's counts, a
row twice, a notation proven both ways, a limit reached) these functions give ``None`` and
the row reader reads the table, reporting every bad cell with its place. Both give equal
reads: a property test over generated tables compares them.
"""

from __future__ import annotations

import csv
import io
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from sakip.io._notation import ColumnNotation, evidence
from sakip.io._safe import FORMULA_STARTS
from sakip.io.columns import NUMBER_COLUMNS, header_columns, header_errors
from sakip.io.limits import Limits, limits_or_default
from sakip.io.row_reader import SLOW, plain_text
from sakip.io.rows import ROW_FIELDS, TableColumns, TableRead, TableRows, field_default

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "COLD_FACTOR",
    "LARGE_FILE",
    "RawColumns",
    "read_plain",
    "read_plain_groups",
    "tokenize_csv",
]

LARGE_FILE = 1 << 20
"""Bytes from which a CSV file is read column by column once pandas is imported (a smaller one
reads as fast row by row). While pandas is not yet imported, which takes seconds, a file
must be :data:`COLD_FACTOR` times larger to be worth importing it for."""

COLD_FACTOR = 16

_KEY_LIMIT = 2**63  # a row's key is numbered in 64 bits


@attrs.frozen(eq=False)
class RawColumns:
    """A table's cells, tokenized: the header, and per column its texts and each row's code.

    Row ``r`` of column ``c`` holds ``texts[c][codes[c][r]]``.
    """

    header: list[str]
    texts: list[list[str]]
    codes: list[npt.NDArray[np.intp]]
    rows: int


def tokenize_csv(data: bytes, delimiter: str, limits: Limits | None = None) -> RawColumns | None:
    """A plain CSV file's columns through pandas' C parser, or ``None``.

    ``data`` is the file's UTF-8 bytes, without a byte order mark, already checked to decode.
    ``None`` when pandas is not installed, when the file is too small to gain from it (see
    :data:`LARGE_FILE`) or has no data row, or when it is not plain: a quote (a quoted cell
    may hold a delimiter or a line break), a carriage return outside a CRLF, a blank line,
    or a line with another number of delimiters than the header's. In a plain file every
    line is one row of exactly the header's cells, which ``csv.reader`` would read alike.
    """
    shape = _plain_shape(data, delimiter, limits_or_default(limits))
    if shape is None:
        return None
    header, width = shape
    try:
        import pandas as pd  # noqa: PLC0415 - an optional dependency, for large files only
    except ImportError:
        return None
    # Each column as categories (its distinct texts) and codes, hashed in C. The header line
    # is read as a row too: pandas turns a column's categories into numbers when every one
    # reads as a number ("94.60" into 94.6), and a header's text keeps them texts.
    frame = pd.read_csv(
        io.BytesIO(data),
        sep=delimiter,
        header=None,
        names=list(range(width)),
        dtype="category",
        keep_default_na=False,
        na_filter=False,
        quoting=csv.QUOTE_NONE,
        skip_blank_lines=False,
        engine="c",
        encoding="utf-8",
        low_memory=False,  # one pass: no chunks whose categories are merged after
    )
    texts = [frame[c].cat.categories.tolist() for c in range(width)]
    if any(type(cell) is not str for column in texts for cell in column):
        return None  # a header that reads as a number: its column's texts were converted
    codes = [frame[c].cat.codes.to_numpy()[1:].astype("intp") for c in range(width)]
    return RawColumns(header.split(delimiter), texts, codes, len(frame) - 1)


def _pandas_imported() -> bool:
    return "pandas" in sys.modules


def _plain_shape(data: bytes, delimiter: str, limits: Limits) -> tuple[str, int] | None:
    """A plain file's header line and width; ``None`` for a file that is small or not plain."""
    header = data.partition(b"\n")[0].removesuffix(b"\r").decode()
    width = header.count(delimiter) + 1
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    large = LARGE_FILE * (1 if _pandas_imported() else COLD_FACTOR)
    plain = (
        len(data) >= large
        and b'"' not in data
        and (b"\r" not in data or data.count(b"\r") == data.count(b"\r\n"))
        and not data.startswith((b"\n", b"\r\n"))
        and b"\n\n" not in data
        and b"\n\r\n" not in data
        and lines >= 2
        and data.count(delimiter.encode()) == lines * (width - 1)
    )
    # Too many cells: the row reader refuses the file, saying so.
    return (header, width) if plain and lines * width <= limits.cells_per_sheet else None


def read_plain(
    raw: RawColumns,
    *,
    file: str | None = None,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead | None:
    """A plain table read column by column (header on line 1), or ``None`` for the row reader."""
    import numpy as np  # noqa: PLC0415 - pandas, which tokenized the table, brings it

    if decimal not in (None, ".", ","):
        return None  # the row reader refuses it
    lines = np.arange(raw.rows) + 2
    read = _fields(raw, lines, decimal, limits_or_default(limits), grouped=False)
    if read is None:
        return None
    fields, notations, ignored = read
    columns = TableColumns(lines, fields)
    if not _identified_once(columns, np.zeros(raw.rows, dtype=np.intp)):
        return None
    return TableRead(
        rows=TableRows(columns),
        file=file,
        ignored_columns=tuple(ignored),
        notations=tuple(notations),
    )


def read_plain_groups(
    raw: RawColumns, column: int, limits: Limits | None = None
) -> list[tuple[str, TableRows]] | None:
    """Each agency's rows of a plain national table, or ``None`` for the row reader.

    ``column`` is the agency column's position. The agencies come in the order they first
    appear, each with its rows in file order, as the row reader groups them; each agency's
    numbers are read in the notation its own cells decide.
    """
    import numpy as np  # noqa: PLC0415 - see read_plain

    names = [text.strip() for text in raw.texts[column]]
    first_of: dict[str, int] = {}  # each name (stripped) numbered once
    name_ids = np.array([first_of.setdefault(name, len(first_of)) for name in names])
    by_name = name_ids[raw.codes[column]]
    # The agencies numbered in the order they first appear in the file.
    present, first_rows = np.unique(by_name, return_index=True)
    in_order = present[np.argsort(first_rows, kind="stable")]
    rank = np.empty(len(first_of), dtype=np.intp)
    rank[in_order] = np.arange(len(in_order))
    group = rank[by_name]
    lines = np.arange(raw.rows) + 2
    read = _fields(raw, lines, None, limits_or_default(limits), grouped=True)
    if read is None:
        return None
    columns = TableColumns(lines, read[0])
    if not _identified_once(columns, group):
        return None
    sorted_rows = np.argsort(group, kind="stable")
    bounds = np.cumsum(np.bincount(group, minlength=len(in_order)))[:-1]
    listed = list(first_of)
    return [
        (listed[name], TableRows(columns, positions))
        for name, positions in zip(in_order.tolist(), np.split(sorted_rows, bounds), strict=True)
    ]


def _fields(
    raw: RawColumns, lines: npt.NDArray[Any], decimal: str | None, limits: Limits, *, grouped: bool
) -> tuple[dict[str, tuple[Sequence[object], Any]], list[ColumnNotation], list[str]] | None:
    """Each field's values and codes, the notations, the ignored headers; ``None``: not plain."""
    import numpy as np  # noqa: PLC0415 - see read_plain

    header = _header(raw, limits)
    if header is None:
        return None
    columns, ignored = header
    fields: dict[str, tuple[Sequence[object], Any]] = {}
    notations: list[ColumnNotation] = []
    for index, column in columns.items():
        read = _column(raw, index, column, (lines, decimal, limits), grouped=grouped)
        if read is None:
            return None
        values, notation = read
        notations += [] if notation is None else [notation]
        if column in ROW_FIELDS:
            fields[column] = (values, raw.codes[index])
    zeros = np.zeros(len(lines), dtype=np.intp)
    for name in ROW_FIELDS:
        fields.setdefault(name, ((field_default(name),), zeros))
    return fields, notations, ignored


def _header(raw: RawColumns, limits: Limits) -> tuple[dict[int, str], list[str]] | None:
    """The columns by position and the ignored headers of a header the row reader accepts."""
    columns, ignored, duplicated = header_columns(raw.header)
    place = {"file": None, "sheet": None, "row": 1}
    longest = max((len(text) for texts in raw.texts for text in texts), default=0)
    accepted = (
        not header_errors(set(columns.values()), duplicated, place, ignored)
        # a cell under no header, or a header the reader takes an apostrophe off
        and not any(not cell.strip() or _guarded(cell) for cell in raw.header)
        and longest <= limits.characters_per_cell
    )
    return (columns, ignored) if accepted else None


def _column(
    raw: RawColumns,
    index: int,
    column: str,
    read: tuple[npt.NDArray[Any], str | None, Limits],
    *,
    grouped: bool,
) -> tuple[list[object], ColumnNotation | None] | None:
    """One column's values (each distinct text's) and notation; ``None`` when not plain."""
    import numpy as np  # noqa: PLC0415 - see read_plain

    lines, decimal, limits = read
    texts, codes = raw.texts[index], raw.codes[index]
    used = (np.bincount(codes, minlength=len(texts)) > 0).tolist()
    if any(use and _guarded(text) for text, use in zip(texts, used, strict=True)):
        return None
    notation, hint = None, decimal
    if column in NUMBER_COLUMNS:
        header = raw.header[index].strip()
        decided = _notation(header, texts, used, (codes, lines), decimal, grouped=grouped)
        if decided is None:
            return None
        notation, hint = decided
    values = _values(column, texts, used, hint, limits)
    return None if values is None else (values, notation)


def _guarded(text: str) -> bool:
    """Whether the reader takes an apostrophe off the text (a guarded formula's start)."""
    return text.startswith("'") and text[1:2] in FORMULA_STARTS


def _values(
    column: str, texts: Sequence[str], used: list[bool], hint: str | None, limits: Limits
) -> list[object] | None:
    """Each used text's value in ``column``; ``None`` when one is not plain.

    A text no row holds (pandas keeps every category) gets ``None``, never read.
    """
    values = [
        plain_text(column, text, hint, limits) if use else None
        for text, use in zip(texts, used, strict=True)
    ]
    return None if any(value is SLOW for value in values) else values


def _notation(
    header: str,
    texts: Sequence[str],
    used: list[bool],
    rows: tuple[npt.NDArray[np.intp], npt.NDArray[Any]],
    decimal: str | None,
    *,
    grouped: bool,
) -> tuple[ColumnNotation | None, str | None] | None:
    """A number column's notation as the row reader decides it, and its texts' hint.

    ``None`` when a cell may contradict the notation: the row reader says where.

    Grouped (a national table), each agency decides for itself and no notation is kept. A
    text that proves nothing (no digit on both sides of a separator) reads alike under any
    hint, so one hint serves every agency when the texts that prove a notation all prove
    the same one, and an agency without a proof would not read ambiguous texts otherwise.
    """
    import numpy as np  # noqa: PLC0415 - see read_plain

    codes, lines = rows
    found = [
        evidence(text) if use else (None, False) for text, use in zip(texts, used, strict=True)
    ]
    proven = {separator for separator, _ in found if separator is not None}
    ambiguous = any(unsure for _, unsure in found)
    if len(proven | {decimal} - {None}) == 2 or (grouped and proven == {"."} and ambiguous):
        return None  # a contradiction; or an agency reading ambiguous texts another way
    if decimal is not None:
        return ColumnNotation(column=header, decimal=decimal, reason="hint"), decimal
    if grouped:
        return None, next(iter(proven), ",")
    if not proven and not ambiguous:
        return None, None
    # Proven: the rows that prove it; else the ambiguous rows, read the Indonesian way.
    chosen, reason = (next(iter(proven)), "proven") if proven else (",", "default")
    marked = [sep == chosen if proven else unsure for sep, unsure in found]
    kept = tuple(lines[np.array(marked, dtype=bool)[codes]].tolist())
    return ColumnNotation(column=header, decimal=chosen, reason=reason, rows=kept), chosen


def _identified_once(columns: TableColumns, group: npt.NDArray[np.intp]) -> bool:
    """Whether every row names its indicator and no two rows of a group share their key.

    A row's key is its indicator (its code, else its name: :attr:`~sakip.io.TableRow.key`),
    year and quarter. A row naming no indicator, or a table whose rows mix codes and names,
    goes to the row reader, which says what is missing or compares the rows one by one.
    """
    import numpy as np  # noqa: PLC0415 - see read_plain

    no_code, no_name = columns.blank("code"), columns.blank("indicator")
    if (no_code & no_name).any():
        return False
    if not no_code.any():
        identity = _ids(*columns.fields["code"])
    elif no_code.all():
        identity = _ids(*columns.fields["indicator"])
    else:
        return False
    parts = (identity, _ids(*columns.fields["year"]), _ids(*columns.fields["quarter"]))
    sizes = [int(group.max(initial=0)) + 1, *(int(part.max(initial=0)) + 1 for part in parts)]
    if math.prod(sizes) >= _KEY_LIMIT:
        return False  # too many to number in 64 bits: the row reader compares the rows
    key = group.astype(np.int64)
    for part, size in zip(parts, sizes[1:], strict=True):
        key = key * size + part
    if math.prod(sizes) <= 8 * len(key) + 1024:  # few possible keys: counted, not sorted
        return int(np.bincount(key).max(initial=0)) <= 1
    return len(np.unique(key)) == len(key)


def _ids(values: Sequence[object], codes: npt.NDArray[np.intp]) -> npt.NDArray[np.int64]:
    """Each row's value as a small whole number, equal values (``2024`` and `` 2024``) alike."""
    import numpy as np  # noqa: PLC0415 - see read_plain

    seen: dict[object, int] = {}
    ids = np.array([seen.setdefault(value, len(seen)) for value in values], dtype=np.int64)
    return ids[codes] if len(ids) else np.zeros(len(codes), dtype=np.int64)
