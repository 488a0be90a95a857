"""Rows of cells into table rows (membaca baris): every good row kept, every bad cell reported.

:func:`read_rows` is what every reader ends in (CSV, XLSX, a DataFrame): it reads the header
(``sakip.io.columns``), decides each number column's notation once, and turns each row of
cells into a :class:`~sakip.io.TableRow` (:func:`build_row`) or into the problems it has.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sakip._decimal import to_decimal
from sakip._gc import paused_collector
from sakip.exceptions import InvalidValueError, SakipError
from sakip.io._cells import text_number, whole_number
from sakip.io._notation import ColumnNotation, Contradiction, decide
from sakip.io.columns import (
    NUMBER_COLUMNS,
    WRITE_HEADERS,
    header_columns,
    header_errors,
    is_blank,
)
from sakip.io.errors import FieldError, Problem, detailed, short
from sakip.io.limits import Limits, check, limits_or_default
from sakip.io.rows import ROW_FIELDS, TableRead, TableRow, field_default
from sakip.levels import LEVEL_SCALES, LevelScale
from sakip.model import ComparatorTarget, LevelTarget, Polarity, Target, TargetLike, TargetRange
from sakip.targets import parse_target

__all__ = ["SLOW", "build_row", "cell_number", "plain_rows", "plain_text", "read_rows"]

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A target that starts with a comparator: a symbol, or a word parse_target knows.
_COMPARATOR = re.compile(
    r"^\s*(?:[≥≤<>=]|min|maks|paling\s|sekurang|tidak\s+(?:kurang|lebih)|kurang\s|lebih\s)",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"^\s*([^\s\-–—].*?)\s*(?:-|–|—|s\.?\s*d\.?|sampai|to)\s*([^\s\-–—].*?)\s*$",
    re.IGNORECASE,
)
_RANGE_MAX = 100  # longer texts are no range (and the pattern's time stays small)
_NUMBER_CELL = "a number (94,6 or 94.6)"


_SHORT = 40  # a number's text at most this long is kept once read (40 characters at most)


def _read_number(value: object, hint: str | None) -> Decimal | None:
    """The number of a cell, or ``None`` when it holds none."""
    try:
        return cell_number(value, hint)
    except InvalidValueError:
        return None


@functools.lru_cache(maxsize=1 << 16)
def _short_text_number(text: str, hint: str | None) -> Decimal | None:
    """A short text's number, each text read once: tables repeat their figures (``95,5``).

    A text with its column's decimal separator always reads the same, so the cache changes
    no result; it is bounded in entries and each entry is short.
    """
    return _read_number(text, hint)


class CellMemo:
    """What the texts of one table read as, each distinct text read once.

    A table repeats its texts (every row's ``positif``); a text always reads the same, so
    each is parsed once per table, and each cell still gets its own error, with its place.
    """

    def __init__(self) -> None:
        self.polarities: dict[str, Polarity | str] = {}


class _Cells:
    """The cells of one row, read column by column, collecting the bad ones."""

    def __init__(
        self,
        raw: dict[str, tuple[str, object]],
        place: dict[str, Any],
        decimals: Mapping[str, str] | None = None,
        limits: Limits | None = None,
        memo: CellMemo | None = None,
    ) -> None:
        self.raw = raw
        self.place = place
        self.decimals = decimals or {}
        self.limits = limits_or_default(limits)
        self.memo = CellMemo() if memo is None else memo
        self.errors: list[FieldError] = []

    def fail(
        self,
        column: str,
        value: object,
        expected: str,
        message: str | None = None,
        accepted: tuple[str, ...] = (),
    ) -> None:
        header = self.raw[column][0] if column in self.raw else WRITE_HEADERS[column]
        error = FieldError(
            message or f"expected {expected} (got {short(value)})",
            column=header,
            value=value,
            expected=expected,
            **self.place,
        )
        problem = Problem.INVALID_VALUE if accepted else Problem.OTHER
        self.errors.append(detailed(error, problem=problem, accepted=accepted))

    def get(self, column: str) -> object:
        cell = self.raw.get(column)
        if cell is None:  # no such column
            return None
        value = cell[1]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def text(self, column: str) -> str | None:
        value = self.get(column)
        if value is None:
            return None
        if isinstance(value, str):
            return value.strip()
        try:
            return format(cell_number(value))
        except InvalidValueError:
            self.fail(column, value, "a text")
            return None

    def number(self, column: str) -> Decimal | None:
        value = self.get(column)
        if value is None:
            return None
        if isinstance(value, Contradiction):
            self.fail(column, value.text, "one notation for the whole column", value.message)
            return None
        hint = self.decimals.get(column)
        if isinstance(value, str):
            if len(value) > self.limits.digits_per_number:  # else it cannot hold too many
                digits = sum(char.isdigit() for char in value)
                check(
                    self.limits,
                    "digits_per_number",
                    digits,
                    "a number's digits",
                    self.place["file"],
                )
            short_text = len(value) <= _SHORT
            read = _short_text_number(value, hint) if short_text else _read_number(value, hint)
        else:
            read = _read_number(value, hint)
        if read is None:
            self.fail(column, value, _NUMBER_CELL)
        return read

    def whole(self, column: str, expected: str) -> int | None:
        value = self.get(column)
        if value is None:
            return None
        try:
            return whole_number(value, column, expected)
        except InvalidValueError:
            self.fail(column, value, expected)
            return None

    def quarter(self) -> int | None:
        value = self.get("quarter")
        if value is None:
            return None
        number: int | None = None
        if isinstance(value, str):
            key = re.sub(r"^(tw|triwulan|q|quarter)\s*", "", value.strip().casefold())
            number = _QUARTERS.get(key)
        else:
            with contextlib.suppress(InvalidValueError):
                number = whole_number(value, "quarter")
        if number in (1, 2, 3, 4):
            return number
        self.fail("quarter", value, "a quarter 1-4 (I-IV, TW I, Q1)")
        return None

    def polarity(self) -> Polarity:
        value = self.get("polarity")
        if value is None:
            return Polarity.POSITIVE
        if not isinstance(value, str):
            known = self._parse_polarity(value)
        elif value in self.memo.polarities:
            known = self.memo.polarities[value]
        else:
            known = self.memo.polarities[value] = self._parse_polarity(value)
        if isinstance(known, Polarity):
            return known
        self.fail("polarity", value, known, accepted=Polarity.accepted_words())
        return Polarity.POSITIVE

    @staticmethod
    def _parse_polarity(value: object) -> Polarity | str:
        """The polarity, or what was expected instead."""
        try:
            result: Polarity = Polarity.parse(value, "polarity")
        except InvalidValueError as error:
            return str(error.expected)
        return result

    def _single_target(self) -> TargetLike | None:
        value = self.get("target")
        if isinstance(value, str) and _COMPARATOR.match(value):
            return self._comparator(value)
        if isinstance(value, str):
            match = _RANGE.match(value) if len(value) <= _RANGE_MAX else None
            if match is not None:
                hint = self.decimals.get("target")
                low, high = (_maybe_number(part, hint) for part in match.groups())
                if low is not None and high is not None and low <= high:
                    return TargetRange(low, high)
                self.fail("target", value, "a number or a range (60-85, 60 s.d. 85)")
                return None
        number = self.number("target")
        return None if number is None else Target(number)

    def _comparator(self, value: str) -> ComparatorTarget | None:
        try:
            found = parse_target(value, decimal=self.decimals.get("target"))
        except InvalidValueError:
            found = None
        if isinstance(found, ComparatorTarget):
            return found
        self.fail("target", value, "a comparator and a number (≥ 80, minimal 80, < 0,49)")
        return None

    def scale(self) -> LevelScale | None:
        """The row's level scale (*Skala Tingkat*), or ``None`` when it is measured in numbers."""
        value = self.get("levels")
        if value is None:
            return None
        try:
            return LEVEL_SCALES.resolve(str(value).strip())
        except SakipError:
            known = tuple(LEVEL_SCALES.names())
            self.fail("levels", value, f"a level scale ({', '.join(known)})", accepted=known)
            return None

    def level(self, column: str, scale: LevelScale) -> str | None:
        """A level of ``scale`` in ``column`` (``WTP``), as the scale prints it."""
        value = self.get(column)
        if value is None:
            return None
        try:
            return scale.level(value.strip() if isinstance(value, str) else value, column)
        except InvalidValueError:
            known = ", ".join(scale.levels)
            self.fail(column, value, f"a level of {scale.name!r} ({known})")
            return None

    def levels(self, scale: LevelScale) -> tuple[LevelTarget | None, str | None]:
        """A level row's target and realized level; a range has no place in it."""
        for column in ("target_low", "target_high"):
            if self.get(column) is not None:
                self.fail(column, self.get(column), "no range: the row's target is a level")
        target = self.level("target", scale)
        realized = self.level("realization", scale)
        return (None if target is None else LevelTarget(target, scale)), realized

    def target(self) -> TargetLike | None:
        """The target: the Target column, or the Target Low and Target High columns."""
        bad = len(self.errors)
        single_target = self._single_target()
        low, high = self.number("target_low"), self.number("target_high")
        if len(self.errors) > bad:
            return None
        if low is None and high is None:
            return single_target
        if low is None or high is None or low > high:
            column = "target_high" if high is None else "target_low"
            self.fail(
                column,
                self.get(column),
                "a low bound and a high bound, low not above high",
                "a target range needs both bounds, low not above high "
                f"(got {short(self.get('target_low'))} to {short(self.get('target_high'))})",
            )
            return None
        if single_target is not None:
            self.fail(
                "target",
                self.get("target"),
                "either a target or a range",
                "give either a target or a target range, not both",
            )
        return TargetRange(low, high)


def _maybe_number(text: str, decimal: str | None) -> Decimal | None:
    try:
        return text_number(text, "target", decimal)
    except InvalidValueError:
        return None


def cell_number(value: object, decimal: str | None = None) -> Decimal:
    """A number from a cell: a spreadsheet's number as it is, a text in either notation."""
    if isinstance(value, str):
        return text_number(value, "cell", decimal)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValueError("cell", value, "a finite number")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValueError("cell", value, _NUMBER_CELL)
    return to_decimal(value, "cell")


def read_rows(
    rows: Iterable[Sequence[object]],
    *,
    file: str | None = None,
    sheet: str | None = None,
    first_line: int = 1,
    labels: Sequence[object] | None = None,
    decimal: str | None = None,
    limits: Limits | None = None,
) -> TableRead:
    """Read a table given as rows of cells, the first row being the header.

    Cells may be ``None`` or empty texts (missing), numbers (``int``, ``float`` through its
    shortest repr, ``Decimal``) or texts in Indonesian or English notation. This is what
    :func:`read_csv`, :func:`read_xlsx` and :func:`sakip.io.from_frame` use.

    Each number column's notation is decided once, for the whole column: by ``decimal``
    when given, else by the cells that prove one (``2,500.75`` or ``98.80`` prove English,
    ``1.234,5`` or ``94,6`` Indonesian); a cell that proves the other notation is a bad cell.
    A column whose only texts are ambiguous (``13.773``) is read the Indonesian way, and
    :attr:`~sakip.io.TableRead.warnings` says so.

    Args:
        rows: The rows, header first.
        file: The file's name, for messages.
        sheet: The worksheet's name, for messages.
        first_line: The number of the header row (1 in a file).
        labels: Names for the data rows (a DataFrame's index, a CSV file's line numbers),
            used in messages instead of row numbers.
        decimal: ``","`` or ``"."``: the decimal separator of every text number; ``None``
            (the default) lets each column's cells decide.
        limits: The limits on cells and digits (:class:`~sakip.io.Limits`); the defaults
            when ``None``.

    >>> from sakip.io.tables import read_rows
    >>> read = read_rows(
    ...     [
    ...         ["Kode", "Indikator", "Tahun", "Target", "Realisasi"],
    ...         ["IKU-1", "Persentase PPKS", "2024", "94,6", "95"],
    ...         ["IKU-1", "Persentase PPKS", "2023", "91,5", "sembilan puluh"],
    ...     ]
    ... )
    >>> read.rows[0].target, read.rows[0].realization
    (Target(value=Decimal('94.6')), Decimal('95'))
    >>> print(read.errors[0])
    3:Realisasi: expected a number (94,6 or 94.6) (got 'sembilan puluh')
    """
    if decimal not in (None, ".", ","):
        raise InvalidValueError("decimal", decimal, "'.', ',' or None")
    limits = limits_or_default(limits)
    iterator = iter(rows)
    place = {"file": file, "sheet": sheet}
    try:
        header_cells = list(next(iterator))
    except StopIteration:
        error = detailed(
            FieldError("the table is empty: no header row", expected="a header row", **place),
            problem=Problem.EMPTY_TABLE,
        )
        return TableRead(errors=(error,), file=file, sheet=sheet)
    columns, ignored, duplicated = header_columns(header_cells)
    errors = header_errors(
        set(columns.values()), duplicated, {**place, "row": first_line}, ignored
    )
    if errors:
        return TableRead(errors=errors, file=file, sheet=sheet, ignored_columns=tuple(ignored))
    headers = {
        index: (column, str(header_cells[index]).strip()) for index, column in columns.items()
    }
    lines = [
        (first_line + 1 + position if labels is None else _label(labels[position]), list(cells))
        for position, cells in enumerate(iterator)
    ]
    notations, decimals = _notations(lines, headers, decimal)
    width = max(
        (index + 1 for index, cell in enumerate(header_cells) if not is_blank([cell])), default=0
    )
    unnamed = tuple(index for index in range(width) if is_blank([header_cells[index]]))
    with paused_collector():  # a row's objects by the thousand; see sakip._gc
        good, bad, blank = _body(
            lines, headers, (width, unnamed), {**place, "limits": limits}, decimals
        )
    return TableRead(
        rows=good,
        errors=bad,
        file=file,
        sheet=sheet,
        blank_rows=blank,
        ignored_columns=tuple(ignored),
        notations=notations,
    )


def _notations(
    lines: list[tuple[int | str, list[object]]],
    headers: dict[int, tuple[str, str]],
    decimal: str | None,
) -> tuple[tuple[ColumnNotation, ...], dict[str, str]]:
    """Decide each number column's notation; mark the cells that contradict it in ``lines``."""
    notations: list[ColumnNotation] = []
    decimals: dict[str, str] = {}
    for index, (column, header) in headers.items():
        if column not in NUMBER_COLUMNS:
            continue
        column_cells = [(line, row[index]) for line, row in lines if index < len(row)]
        notation, contradictions = decide(header, column_cells, decimal)
        if notation is None:
            continue
        notations.append(notation)
        decimals[column] = notation.decimal
        for line, row in lines:
            if line in contradictions:
                row[index] = Contradiction(str(row[index]), contradictions[line])
    return tuple(notations), decimals


def _body(
    lines: Iterable[tuple[int | str, list[object]]],
    headers: dict[int, tuple[str, str]],
    shape: tuple[int, tuple[int, ...]],
    place: dict[str, Any],
    decimals: Mapping[str, str] | None = None,
) -> tuple[tuple[TableRow, ...], tuple[FieldError, ...], tuple[int | str, ...]]:
    """The good rows, the problems and the blank rows of a table's data rows.

    ``shape`` is the header's width and the positions of its blank cells. A row that fills a
    cell right of the header's last one, or under a blank header cell, is refused whole: its
    cells may have shifted (``94,6`` unquoted in a comma-separated file is two cells, 94 and
    6), and a value under no header would otherwise be lost without a word.
    """
    width, unnamed = shape
    place = dict(place)
    limits = place.pop("limits", None)
    good: list[TableRow] = []
    errors: list[FieldError] = []
    blank: list[int | str] = []
    seen: dict[tuple[str, int, int | None], int | str] = {}
    memo = CellMemo()
    lines = list(lines)
    quick = plain_rows(lines, headers, decimals, limits)
    for (line, cells), ready in zip(lines, quick, strict=True):
        if ready is not None and len(cells) <= width and not unnamed:  # the common row
            key = ready.key
            if key in seen:
                errors.append(_second_row(ready, line, seen[key], place))
            else:
                seen[key] = line
                good.append(ready)
            continue
        if is_blank(cells):
            blank.append(line)
            continue
        if not is_blank(cells[width:]):
            errors.append(_stray_cell(width, line, place))
            continue
        under_no_header = [i for i in unnamed if i < len(cells) and not is_blank([cells[i]])]
        if under_no_header:
            errors.append(_unnamed_cell(under_no_header[0], line, place))
            continue
        row: TableRow | list[FieldError]
        if ready is not None:
            row = ready
        else:
            raw = {
                column: (header, cells[index] if index < len(cells) else None)
                for index, (column, header) in headers.items()
            }
            row = build_row(raw, line, place, decimals, limits, memo=memo)
        if isinstance(row, list):
            errors.extend(row)
        elif row.key in seen:
            errors.append(_second_row(row, line, seen[row.key], place))
        else:
            seen[row.key] = line
            good.append(row)
    return tuple(good), tuple(errors), tuple(blank)


SLOW: Any = object()
"""A cell the column-wise path leaves to :func:`build_row`: a bad cell, a range, a count."""
_BLANKS = {"year": SLOW, "polarity": Polarity.POSITIVE}  # a blank cell, where not None


def plain_rows(
    lines: Sequence[tuple[int | str, Sequence[object]]],
    headers: Mapping[int, tuple[str, str]],
    decimals: Mapping[str, str] | None = None,
    limits: Limits | None = None,
) -> list[TableRow | None]:
    """Each row built from its columns converted whole, or ``None`` for :func:`build_row`.

    Each column's distinct texts are converted once, column by column; a row whose cells
    are all plain texts that read cleanly (a code, a year, a number, a known polarity or
    quarter) is built at once. Any other row (a bad cell, a range, a ratio's counts, a
    level scale, a spreadsheet's number) goes through :func:`build_row`, which builds the
    same row from the same cells and reports every bad cell with its place.
    """
    decimals, limits = decimals or {}, limits_or_default(limits)
    size = len(lines)
    columns: dict[str, list[object]] = {}
    slow: set[int] = set()
    # The cells column by column (a short row's missing cells are None), transposed at once.
    transposed = list(itertools.zip_longest(*(cells for _line, cells in lines)))
    for index, (column, _header) in headers.items():
        cells = transposed[index] if index < len(transposed) else (None,) * size
        columns[column], slow_rows = _quick_column(cells, column, decimals.get(column), limits)
        slow.update(slow_rows)
    if ("code" not in columns and "indicator" not in columns) or "year" not in columns:
        return [None] * size  # build_row says what is missing
    fields = zip(
        (line for line, _ in lines),
        *(columns.get(name, [field_default(name)] * size) for name in ROW_FIELDS),
        strict=True,
    )
    rows: list[TableRow | None] = []
    for position, (
        line,
        code,
        name,
        unit,
        formula,
        year,
        quarter,
        target,
        real,
        sign,
    ) in enumerate(fields):
        if position in slow or (code is None and name is None):
            rows.append(None)  # build_row reads it, or says what is missing
            continue
        rows.append(
            TableRow(
                line=line if isinstance(line, int) else None,
                code=code,
                indicator=name,
                unit=unit,
                polarity=sign,
                formula=formula,
                year=year,
                quarter=quarter,
                target=target,
                realization=real,
            )
        )
    return rows


def _quick_column(
    cells: Sequence[object], column: str, hint: str | None, limits: Limits
) -> tuple[list[object], list[int]]:
    """A column's cells converted, each distinct text once, and the rows not plain.

    A cell that is not plain (a range, a bad text) is :data:`SLOW`, and its row is listed.
    """
    blank = _BLANKS.get(column)
    longest = min(_SHORT, limits.digits_per_number)
    try:
        distinct = set(cells)
    except TypeError:  # an unhashable cell (a DataFrame's list): build_row says what it is
        distinct = {cell for cell in cells if type(cell) is str}
        distinct.add(SLOW)
    memo: dict[object, object] = {
        text: _quick_text(column, text, hint, longest, blank)
        for text in distinct
        if type(text) is str
    }
    if len(memo) == len(distinct):  # texts only, as in a CSV file: looked up in one pass
        values = list(map(memo.__getitem__, cells))
        if not any(value is SLOW for value in memo.values()):
            return values, []
    else:
        values = [
            memo[cell]
            if type(cell) is str
            else blank
            if cell is None
            else _quick_value(column, cell, hint)
            for cell in cells
        ]
    return values, [position for position, value in enumerate(values) if value is SLOW]


def plain_text(column: str, text: str, hint: str | None, limits: Limits) -> object:
    """A text's value in ``column`` as the column-wise path reads it, or :data:`SLOW`.

    :data:`SLOW` means :func:`build_row` reads the cell: a bad one, a comparator, a count.
    """
    longest = min(_SHORT, limits.digits_per_number)
    return _quick_text(column, text, hint, longest, _BLANKS.get(column))


@functools.lru_cache(maxsize=1 << 16)
def _quick_text(column: str, text: str, hint: str | None, longest: int, blank: object) -> object:
    """A text's value in ``column`` (``blank`` for a blank one), read once (a bounded cache).

    Tables repeat their texts, and every value given is immutable, so one serves every cell
    that holds the text.
    """
    return blank if not text.strip() else _quick_cell(column, text, hint, longest)


def _quick_cell(column: str, text: str, hint: str | None, longest: int) -> object:
    """A plain text's value in ``column``, as :class:`_Cells` reads it, or :data:`SLOW`."""
    if column in ("code", "indicator", "unit", "formula"):
        return text.strip()
    if column in ("target", "realization") and len(text) <= longest:
        return _quick_number(column, text, hint)
    read = _QUICK_WORDS.get(column)
    return SLOW if read is None else read(text)  # a count, a bound or a stated figure: rare


def _quick_value(column: str, cell: object, hint: str | None) -> object:
    """A spreadsheet's whole number or float (a year, a quarter, a figure), or :data:`SLOW`."""
    if type(cell) is int and column in _WHOLE_RANGES:
        low, high = _WHOLE_RANGES[column]
        return cell if low <= cell <= high else SLOW
    if type(cell) not in (int, float) or column not in ("target", "realization"):
        return SLOW
    number = _read_number(cell, hint)
    if number is None:
        return SLOW
    return Target(number) if column == "target" else number


_WHOLE_RANGES = {"year": (1900, 2200), "quarter": (1, 4)}


def _quick_year(text: str) -> object:
    year = text.strip()
    plain = year.isdecimal() and year.isascii() and 1900 <= int(year) <= 2200
    return int(year) if plain else SLOW


def _quick_polarity(text: str) -> object:
    known = _Cells._parse_polarity(text)
    return known if isinstance(known, Polarity) else SLOW


def _quick_quarter(text: str) -> object:
    key = re.sub(r"^(tw|triwulan|q|quarter)\s*", "", text.strip().casefold())
    return _QUARTERS.get(key, SLOW)


_QUICK_WORDS: dict[str, Callable[[str], object]] = {
    "year": _quick_year,
    "polarity": _quick_polarity,
    "quarter": _quick_quarter,
}


def _quick_number(column: str, text: str, hint: str | None) -> object:
    if column == "target" and _COMPARATOR.match(text):
        return SLOW  # a comparator: build_row reads it
    match = _RANGE.match(text) if column == "target" else None
    if match is not None:  # a range, read as _Cells reads it
        low, high = (_maybe_number(part, hint) for part in match.groups())
        return (
            TargetRange(low, high)
            if low is not None and high is not None and low <= high
            else SLOW
        )
    number = _short_text_number(text, hint)
    if number is None:
        return SLOW
    return Target(number) if column == "target" else number


def _stray_cell(width: int, line: int | str, place: dict[str, Any]) -> FieldError:
    error = FieldError(
        f"the row fills a cell right of the last header (column {width}); its cells may have "
        "shifted (a decimal comma in a comma-separated file?)",
        row=line,
        value=width,
        expected=f"values in the first {width} cells only, under the headers",
        **place,
    )
    return detailed(error, problem=Problem.STRAY_CELL)


def _unnamed_cell(index: int, line: int | str, place: dict[str, Any]) -> FieldError:
    error = FieldError(
        f"the row fills cell {index + 1}, whose column has no header",
        row=line,
        value=index + 1,
        expected="values only under named headers (name the column, or empty the cell)",
        **place,
    )
    return detailed(error, problem=Problem.UNNAMED_CELL)


def _second_row(
    row: TableRow, line: int | str, first: int | str, place: dict[str, Any]
) -> FieldError:
    quarter = f" TW {row.quarter}" if row.quarter else ""
    error = FieldError(
        f"a second row for {row.key[0]} {row.year}{quarter} (the first is row {first})",
        row=line,
        value=first,
        expected="one row per indicator and period",
        **place,
    )
    return detailed(error, problem=Problem.SECOND_ROW)


def _label(label: object) -> int | str:
    return label if isinstance(label, int) and not isinstance(label, bool) else str(label)


def build_row(
    raw: dict[str, tuple[str, object]],
    line: int | str,
    place: dict[str, Any],
    decimals: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    *,
    memo: CellMemo | None = None,
) -> TableRow | list[FieldError]:
    """One data row, or every problem in it; ``memo`` shares the texts read across rows."""
    cells = _Cells(raw, {**place, "row": line}, decimals, limits, memo)
    code, name, year = _identity(cells)
    numerator, denominator = _counts(cells)
    stated = _stated(cells)
    unit, formula = cells.text("unit"), cells.text("formula")
    polarity, quarter = cells.polarity(), cells.quarter()
    scale, level = cells.scale(), None
    target: TargetLike | None
    realization: Decimal | None = None
    if cells.get("levels") is not None:  # a level row (the quick path leaves each to this one)
        target, level = (None, None) if scale is None else cells.levels(scale)
    else:
        target, realization = cells.target(), cells.number("realization")
    if isinstance(target, ComparatorTarget) and cells.get("polarity") is None:
        polarity = target.polarity  # the comparator says it where the table does not
    if cells.errors:
        return cells.errors
    assert year is not None
    return TableRow(
        line=line if isinstance(line, int) else None,
        code=code,
        indicator=name,
        unit=unit,
        polarity=polarity,
        formula=formula,
        year=year,
        quarter=quarter,
        target=target,
        realization=realization,
        numerator=numerator,
        denominator=denominator,
        stated_achievement=stated,
        levels=None if scale is None else scale.name,
        level=level,
    )


def _identity(cells: _Cells) -> tuple[str | None, str | None, int | None]:
    """The indicator's code and name and the year: what says which row this is."""
    code = cells.text("code") if "code" in cells.raw else None
    name = cells.text("indicator") if "indicator" in cells.raw else None
    year = cells.whole("year", "a year (2024)")
    if year is not None and not 1900 <= year <= 2200:
        cells.fail("year", cells.get("year"), "a year between 1900 and 2200")
    elif year is None and cells.get("year") is None:
        cells.fail("year", None, "a year", "the year is missing")
    if code is None and name is None and not cells.errors:
        column = "code" if "code" in cells.raw else "indicator"
        cells.fail(column, None, "a code or a name", "the indicator is missing")
    return code, name, year


def _counts(cells: _Cells) -> tuple[Decimal | None, Decimal | None]:
    """A ratio's numerator and denominator, both or neither (a missing column is missing)."""
    numerator, denominator = cells.number("numerator"), cells.number("denominator")
    if (numerator is None) != (denominator is None):
        column = "numerator" if numerator is None else "denominator"
        if cells.get(column) is None:  # not a bad cell, already reported: an empty or no cell
            cells.fail(
                column, None, "given with the other count", "numerator and denominator go together"
            )
    return numerator, denominator


def _stated(cells: _Cells) -> str | None:
    """The achievement the table prints, as written, once it is known to be a number."""
    if cells.get("achievement") is None or cells.number("achievement") is None:
        return None
    return cells.text("achievement")
