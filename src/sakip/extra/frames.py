"""pandas DataFrames in and out (tabel data pandas): indicator-years in, results out.

Needs pandas (``pip install "sakip[pandas]"``), imported only when a function here runs.
Numbers in the frames sakip returns are :class:`~decimal.Decimal` objects (``object``
columns), so that nothing is rounded by binary floating point; call ``.astype(float)`` on a
column for plotting.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from sakip._gc import paused_collector
from sakip._optional import require
from sakip.exceptions import InvalidValueError
from sakip.io.columns import header_columns
from sakip.io.results import evaluate
from sakip.io.row_reader import CellMemo, build_row, plain_rows, read_rows
from sakip.io.rows import TableRead, TableRow, table_rows
from sakip.model import Dataset, Target, TargetLike, TargetRange
from sakip.scales import PERMENDAGRI_86_2017, RatingScale
from sakip.targets import target_text

if TYPE_CHECKING:
    import pandas

__all__ = [
    "DETAIL_COLUMNS",
    "FRAME_COLUMNS",
    "RESULT_FRAME_COLUMNS",
    "from_frame",
    "results_frame",
    "to_frame",
]

FRAME_COLUMNS: Final = (
    "code",
    "indicator",
    "unit",
    "polarity",
    "formula",
    "year",
    "quarter",
    "target",
    "target_low",
    "target_high",
    "realization",
    "numerator",
    "denominator",
    "stated_achievement",
    "levels",
)
"""The columns of :func:`~sakip.io.to_frame`'s frame, which :func:`~sakip.io.from_frame` reads.

A row measured in levels names its scale in ``levels`` (``"opini-bpk"``); its ``target``
and ``realization`` are then levels (``"WTP"``, ``"WDP"``).

.. versionchanged:: Unreleased
   The ``levels`` column.
"""

RESULT_FRAME_COLUMNS: Final = ("percent", "printed", "rating", "formula", "reason")
"""The columns of :func:`~sakip.io.results_frame`'s frame (and of
:meth:`sakip.batch.BatchResult.to_frame`'s, less ``formula``)."""

DETAIL_COLUMNS: Final = ("achievement", "explanation")
"""The columns ``results_frame(..., detail=True)`` adds: the exact value and the computation."""


def _pandas() -> Any:
    return require("pandas", "DataFrames")


def _single(target: TargetLike | None) -> object:
    """The Target column: a number, or a comparator's text ("≥ 80") that reads back."""
    if target is None or isinstance(target, TargetRange):
        return None
    if isinstance(target, Target):
        return target.value
    return target_text(target, decimal=".")  # as the frame's other numbers: 94.6


def _record(row: TableRow) -> dict[str, object]:
    target = row.target
    low, high = (target.low, target.high) if isinstance(target, TargetRange) else (None, None)
    return {
        "code": row.code,
        "indicator": row.indicator,
        "unit": row.unit,
        "polarity": row.polarity.value,
        "formula": row.formula,
        "year": row.year,
        "quarter": row.quarter,
        "target": _single(target),
        "target_low": low,
        "target_high": high,
        "realization": row.level if row.level is not None else row.realization,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "stated_achievement": row.stated_achievement,
        "levels": row.levels,
    }


def to_frame(data: Dataset | Sequence[TableRow]) -> pandas.DataFrame:
    """A DataFrame of indicator-years: from a dataset (one row per realization) or table rows.

    The columns are :data:`~sakip.extra.frames.FRAME_COLUMNS`; numbers are ``Decimal`` objects,
    missing cells ``None``. A dataset's yearly rows carry the PK target of that year when
    there is one, else the Renstra target (see :func:`sakip.io.table_rows`).

    >>> import sakip.io
    >>> frame = sakip.io.to_frame(sakip.io.load("examples/dinsos-kota-metro-2024.toml"))
    >>> latest = frame.loc[frame["year"] == 2024, ["code", "target", "realization"]]
    >>> print(latest.to_string(index=False))
     code target realization
    IKU-1   94.6          95
    SAKIP  68.14       69.16
    """
    module = _pandas()
    rows = table_rows(data) if isinstance(data, Dataset) else tuple(data)
    frame: pandas.DataFrame = module.DataFrame(
        [_record(row) for row in rows], columns=list(FRAME_COLUMNS), dtype=object
    )
    return frame


def _missing(value: object, blanks: tuple[object, ...]) -> bool:
    """Whether a cell is missing: ``None``, NaN, or one of pandas' ``blanks`` (NA, NaT)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return any(value is blank for blank in blanks)


def _cells(frame: pandas.DataFrame) -> tuple[list[object], list[list[object]]]:
    module = _pandas()
    if not isinstance(frame, module.DataFrame):
        raise InvalidValueError("frame", frame, "a pandas DataFrame")
    header: list[object] = [str(name) for name in frame.columns]
    frame = _widened(frame)
    blanks = (module.NA, module.NaT)  # looked up once, not per cell
    body = [
        [
            cell if type(cell) is str else None if _missing(cell, blanks) else _plain(cell)
            for cell in row
        ]
        for row in _by_row(frame)
    ]
    return header, body


def _by_row(frame: pandas.DataFrame) -> Iterable[tuple[object, ...]]:
    """The frame's cells row by row, as itertuples gives them, from each column taken whole."""
    columns = [frame.iloc[:, index].tolist() for index in range(frame.shape[1])]
    return zip(*columns, strict=True) if columns else itertools.repeat((), len(frame))


def _widened(frame: pandas.DataFrame) -> pandas.DataFrame:
    """The frame with each float32 (or float16) column as float64 of the values it prints.

    Read cell by cell, a float32 6.4 would widen to 6.400000095367432; read through its own
    shortest repr it is 6.4, as typed.
    """
    narrow = [
        (position, getattr(dtype, "numpy_dtype", dtype))
        for position, dtype in enumerate(frame.dtypes)
        if dtype.kind == "f" and dtype.itemsize < 8
    ]
    if not narrow:
        return frame
    frame = frame.copy()
    for position, dtype in narrow:
        values = frame.iloc[:, position].to_numpy(dtype=dtype, na_value=math.nan)
        frame.isetitem(position, values.astype(str).astype("float64"))
    return frame


def _plain(cell: object) -> object:
    """A NumPy scalar as the Python number it holds, a float through its own shortest repr.

    A float32 is read as it prints (``94.6``), not widened to a float64 (94.5999984741211).
    """
    item = getattr(cell, "item", None)
    if item is None or isinstance(cell, Decimal):
        return cell
    if getattr(cell, "dtype", None) is not None and cell.dtype.kind == "f":  # type: ignore[attr-defined]
        return float(str(cell))
    return item()


def from_frame(frame: pandas.DataFrame, *, decimal: str | None = None) -> TableRead:
    """Read a DataFrame of indicator-years, as :func:`sakip.io.read_table` reads a table.

    Columns are named as in a table (Indonesian or English, any case: ``"Tahun"``,
    ``"year"``, ``"Realisasi"``, ``"target_low"``, ...). Problems name the row by its index
    label. NaN, ``None`` and ``pandas.NA`` are missing cells. A float is read through its
    shortest repr, a float32 column's through its own (``6.4``, not 6.400000095367432).
    Numbers held as texts follow ``decimal`` (``","`` or ``"."``), else the notation their
    column's cells prove (see :func:`sakip.io.tables.read_rows`).
    """
    header, body = _cells(frame)
    return read_rows([header, *body], labels=list(frame.index), file="DataFrame", decimal=decimal)


def results_frame(
    frame: pandas.DataFrame,
    *,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
    detail: bool = False,
) -> pandas.DataFrame:
    """The achievement of every row of a DataFrame of indicator-years, row for row.

    Each row gets what :func:`sakip.achievement` and :func:`sakip.classify` give for it,
    computed for all rows at once through the exact batch core: ``percent`` (the printed
    figure, 2 places, ``Decimal``), ``printed`` (Indonesian notation), ``rating`` (the label),
    ``formula`` (the formula's name) and ``reason`` (why a row has no figure: a missing target
    or realization, a bad cell, an undefined formula). With ``detail=True`` it adds
    ``achievement`` (the exact, unrounded value) and ``explanation`` (the formula with its
    numbers), computed row by row. The result has the input's index; no row is dropped.

    >>> import pandas as pd
    >>> import sakip.io
    >>> frame = pd.DataFrame(
    ...     {
    ...         "Tahun": [2024, 2024],
    ...         "Kode": ["IKU-1", "SAKIP"],
    ...         "Target": [94.6, 68.14],
    ...         "Realisasi": [95, "69,16"],
    ...     }
    ... )
    >>> sakip.io.results_frame(frame)[["printed", "rating", "formula"]]
      printed         rating formula
    0  100,42  Sangat Tinggi  direct
    1  101,50  Sangat Tinggi  direct
    """
    module = _pandas()
    header, body = _cells(frame)
    columns = header_columns(header)[0]
    check = read_rows([header], file="DataFrame")
    if not check.ok:
        check.raise_for_errors()
    with paused_collector():  # objects by the thousand; see sakip._gc
        rows, bad = _rows(frame, header, body, columns)
    computed = evaluate(rows, scale=scale)
    out: dict[str, list[object]] = {
        "percent": list(computed.percents),
        "printed": list(computed.printed),
        "rating": list(computed.ratings),
        "formula": list(computed.formulas),
        "reason": list(computed.reasons),
    }
    if detail:
        figures = [result.achievement for result in computed]
        out["achievement"] = [None if f is None else f.value for f in figures]
        out["explanation"] = [None if f is None else f.explain() for f in figures]
    if bad:  # a bad row has its problems as its reason, and nothing else
        good = [position for position in range(len(body)) if position not in bad]
        for name, values in out.items():
            spread: list[object] = [None] * len(body)
            for position, value in zip(good, values, strict=True):
                spread[position] = value
            for position, reason in bad.items():
                spread[position] = reason if name == "reason" else None
            out[name] = spread
    results: pandas.DataFrame = module.DataFrame(out, index=frame.index, dtype=object)
    return results


def _rows(
    frame: pandas.DataFrame,
    header: list[object],
    body: list[list[object]],
    columns: dict[int, str],
) -> tuple[list[TableRow], dict[int, str]]:
    """The good rows, and each bad row's problems as one reason, by position."""
    names = [str(name).strip() for name in header]
    rows: list[TableRow] = []
    bad: dict[int, str] = {}
    memo = CellMemo()
    labelled = [(str(label), cells) for label, cells in zip(frame.index, body, strict=True)]
    headers = {index: (column, names[index]) for index, column in columns.items()}
    plain = plain_rows(labelled, headers)  # built from whole columns where the cells are plain
    for position, ((label, cells), ready) in enumerate(zip(labelled, plain, strict=True)):
        if ready is not None:
            rows.append(ready)
            continue
        raw = {column: (names[index], cells[index]) for index, column in columns.items()}
        row = build_row(raw, label, {"file": None, "sheet": None}, memo=memo)
        if isinstance(row, list):
            bad[position] = "; ".join(f"{error.column}: {error.message}" for error in row)
        else:
            rows.append(row)
    return rows, bad
