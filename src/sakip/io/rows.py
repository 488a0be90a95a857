"""Rows of a flat table (baris tabel): one indicator in one year or quarter, and what a read gives.

:class:`TableRow` is one row, :class:`TableRead` the good rows and the bad cells of one read;
:func:`table_rows` gives the rows of a whole :class:`~sakip.Dataset`. A large plain table is
read column by column (:mod:`sakip.io.plain_table`) into :class:`TableRows`, which holds the
columns and builds a row only when it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, overload

import attrs

from sakip._display import Displayed
from sakip.io._notation import ColumnNotation
from sakip.io.errors import DataFileError, FieldError
from sakip.model import Dataset, Polarity, Realization, TargetLike

__all__ = [
    "ROW_FIELDS",
    "TableColumns",
    "TableRead",
    "TableRow",
    "TableRows",
    "field_default",
    "has_counts",
    "table_rows",
]


@attrs.frozen(kw_only=True, repr=False)
class TableRow(Displayed):
    """One row of a flat table: one indicator in one year, or in one quarter of it.

    Attributes:
        line: The row's number in the file or sheet (the header is row 1).
        code: The indicator's code (kode), when the table has one.
        indicator: The indicator's name (indikator), when the table has one.
        unit: Unit (satuan).
        polarity: Whether higher is better; positive when the table does not say.
        formula: The achievement formula's name, when the row names one.
        year: The fiscal year (tahun).
        quarter: 1-4 for a quarter (triwulan), ``None`` for the year.
        target: The target, a number or a range; ``None`` when the row has none.
        realization: The realization; ``None`` when not reported (never zero).
        numerator: For a ratio indicator, the count on top.
        denominator: For a ratio indicator, the count below.
        stated_achievement: The achievement the table itself prints, as written ("101,1"),
            kept for an audit and never used to compute.
        levels: The name of the row's level scale (*Skala Tingkat*, ``"opini-bpk"``) when
            it is measured in levels; ``target`` is then a :class:`~sakip.LevelTarget` and
            the realization is ``level``.
        level: The realized level, as the scale prints it (``"WDP"``); ``realization`` is
            then ``None``.

    .. versionchanged:: Unreleased
       ``levels`` and ``level``: a table row may hold a level target and a realized level.
    """

    line: int | None = None
    code: str | None = None
    indicator: str | None = None
    unit: str | None = None
    polarity: Polarity = Polarity.POSITIVE
    formula: str | None = None
    year: int
    quarter: int | None = None
    target: TargetLike | None = None
    realization: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    stated_achievement: str | None = None
    levels: str | None = None
    level: str | None = None

    @property
    def key(self) -> tuple[str, int, int | None]:
        """The indicator (its code, else its name), year and quarter, which identify the row."""
        return (self.code or self.indicator or "", self.year, self.quarter)


ROW_FIELDS = (
    "code",
    "indicator",
    "unit",
    "formula",
    "year",
    "quarter",
    "target",
    "realization",
    "polarity",
)
"""The fields of a row read column by column; the others keep their defaults."""


def field_default(name: str) -> object:
    """What a row holds for a field its table has no column for: :class:`TableRow`'s default."""
    return attrs.fields_dict(TableRow)[name].default


@attrs.define(eq=False)
class TableColumns:
    """A table's columns: per field, its distinct values and each row's position among them.

    ``fields[name]`` is ``(values, codes)``: row ``i`` holds ``values[codes[i]]``. ``codes``
    and ``lines`` are NumPy integer arrays. ``evaluated`` keeps what
    :func:`~sakip.io.evaluate` computed for the whole table, per rating scale, so that the
    rows of one agency (a view of a national table) take their share of one computation.
    """

    lines: Any
    fields: Mapping[str, tuple[Sequence[object], Any]]
    evaluated: dict[object, tuple[Any, ...]] = attrs.Factory(dict)

    def __len__(self) -> int:
        return len(self.lines)

    def blank(self, name: str) -> Any:
        """Where a field is blank (``None``), row by row, as a NumPy mask."""
        import numpy as np  # noqa: PLC0415 - only a columnar table (NumPy installed) has it

        values, codes = self.fields[name]
        return np.array([value is None for value in values], dtype=bool)[codes]

    def row(self, position: int) -> TableRow:
        """The row at a position of the whole table."""
        cells = {name: values[codes[position]] for name, (values, codes) in self.fields.items()}
        return TableRow(line=int(self.lines[position]), **cells)


class TableRows(Sequence[TableRow]):
    """Rows of a table held as columns, each built when it is asked for.

    It is a sequence of :class:`TableRow` equal to the tuple of the same rows (index it,
    slice it, iterate over it, compare it with a tuple). The rows of one agency of a national
    table are a view of the national table's columns.

    Attributes:
        columns: The whole table's columns (:class:`~sakip.io.rows.TableColumns`).
    """

    __slots__ = ("_positions", "columns")

    def __init__(self, columns: TableColumns, positions: Any = None) -> None:
        self.columns = columns
        self._positions = positions

    @property
    def positions(self) -> Any:
        """The rows' positions in the whole table's ``columns``, a NumPy integer array."""
        if self._positions is None:
            import numpy as np  # noqa: PLC0415 - only a columnar table (NumPy installed) has it

            self._positions = np.arange(len(self.columns))
        return self._positions

    def __len__(self) -> int:
        return len(self.columns) if self._positions is None else len(self._positions)

    @overload
    def __getitem__(self, index: int) -> TableRow: ...

    @overload
    def __getitem__(self, index: slice) -> TableRows: ...

    def __getitem__(self, index: int | slice) -> TableRow | TableRows:
        if isinstance(index, slice):
            return TableRows(self.columns, self.positions[index])
        position = range(len(self))[index]  # an IndexError, or the index from the start
        return self.columns.row(int(self.positions[position]))

    def __iter__(self) -> Iterator[TableRow]:
        positions = self.positions
        lines = self.columns.lines[positions].tolist()
        names = list(self.columns.fields)
        cells = [
            _taken(values, codes[positions].tolist())
            for values, codes in self.columns.fields.values()
        ]
        for line, *row in zip(lines, *cells, strict=True):
            yield TableRow(line=line, **dict(zip(names, row, strict=True)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TableRows | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def _taken(values: Sequence[object], codes: list[int]) -> list[object]:
    return list(map(values.__getitem__, codes))


@attrs.frozen(kw_only=True, repr=False)
class TableRead(Displayed):
    """What a table read gave: the good rows and every problem found.

    Attributes:
        rows: Every row read without a problem, in file order: a tuple, or for a large plain
            table its columns (:class:`TableRows`, equal to the tuple of its rows).
        errors: One :class:`~sakip.io.FieldError` per bad cell (or missing column).
        file: The file's name.
        sheet: The worksheet, for a workbook.
        blank_rows: The row numbers of wholly empty rows, which are skipped.
        ignored_columns: Headers that name no known column; their cells are not read.
        notations: How each number column holding texts was read (its decimal separator,
            and whether a hint, a proving cell or the Indonesian default decided it).
    """

    rows: Sequence[TableRow] = ()
    errors: tuple[FieldError, ...] = ()
    file: str | None = None
    sheet: str | None = None
    blank_rows: tuple[int | str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    notations: tuple[ColumnNotation, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every non-blank row was read."""
        return not self.errors

    def _headline(self) -> str:
        read = f"{len(self.rows)} rows, {len(self.errors)} errors"
        return read if self.file is None else f"{read} from {self.file}"

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the read assumed without proof, as sentences to read before trusting it.

        Today that is a number column with ambiguous cells (``13.773``) and no cell proving a
        notation, read the Indonesian way (thirteen thousand); pass ``decimal="."`` to read
        such a table in English notation.
        """
        return tuple(str(notation) for notation in self.notations if notation.assumed)

    def realizations(self) -> tuple[Realization, ...]:
        """The rows as :class:`~sakip.Realization` objects, for a :class:`~sakip.Dataset`.

        Rows without a realization are left out (a missing realization is not reported, never
        zero), except a ratio's row with its numerator and denominator, whose value is their
        ratio; a row's indicator is its code, else its name. A row's realized level is the
        realization's ``level``.
        """
        return tuple(
            Realization(
                indicator=row.key[0],
                year=row.year,
                quarter=row.quarter,
                value=row.realization,
                numerator=row.numerator,
                denominator=row.denominator,
                level=row.level,
            )
            for row in self.rows
            if row.realization is not None or has_counts(row) or row.level is not None
        )

    def raise_for_errors(self) -> TableRead:
        """Raise one :class:`~sakip.io.DataFileError` listing every problem, if any.

        The error's ``rows`` are the good rows, so a caller that catches it loses nothing.
        Returns this result unchanged when there is no problem, for chaining.
        """
        if self.errors:
            name = self.file or "the table"
            if self.sheet is not None:
                name += f" [{self.sheet}]"
            raise DataFileError(
                f"{name} has bad cells", self.errors, file=self.file, rows=self.rows
            )
        return self


def has_counts(row: TableRow) -> bool:
    """Whether a row has a ratio's counts that decide its value (a denominator other than 0)."""
    return (
        row.numerator is not None and row.denominator is not None and not row.denominator.is_zero()
    )


def table_rows(dataset: Dataset) -> tuple[TableRow, ...]:
    """The flat rows of a dataset: one per yearly or quarterly realization, with its target.

    A flat table has no month column, so a monthly realization has no row; it stays in the
    data file and in :func:`sakip.monitoring`.

    A year's row carries the target of that year's performance agreement (PK) when there is
    one, else the Renstra target (a cascade indicator's: its item's), else none; a quarter's
    row carries no target. An indicator measured in levels names its scale in ``levels``,
    and its row's realization is its ``level``.
    """
    agreements = {agreement.year: dict(agreement.targets) for agreement in dataset.agreements}
    lines = [*dataset.plan.indicator_plans, *(p for item in dataset.cascade for p in item.plans)]
    plans = {plan.indicator: dict(plan.targets) for plan in lines}
    rows = []
    for realization in dataset.realizations:
        if realization.month is not None:
            continue  # a flat table has no month column: monthly values stay in the data file
        indicator = dataset.indicator(realization.indicator)  # of the plan or the cascade
        target: TargetLike | None = None
        if realization.quarter is None:
            target = agreements.get(realization.year, {}).get(indicator.code)
            if target is None:
                target = plans.get(indicator.code, {}).get(realization.year)
        rows.append(
            TableRow(
                code=indicator.code,
                indicator=indicator.name,
                unit=indicator.unit,
                polarity=indicator.polarity,
                formula=indicator.formula,
                year=realization.year,
                quarter=realization.quarter,
                target=target,
                realization=realization.value,
                numerator=realization.numerator,
                denominator=realization.denominator,
                levels=None if indicator.levels is None else indicator.levels.name,
                level=realization.level,
            )
        )
    return tuple(rows)
