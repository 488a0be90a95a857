"""Results of a table (hasil tabel): each row's achievement and rating, or why it has none.

:func:`evaluate` computes every row through the exact batch core when NumPy is installed
(:func:`sakip.batch.achievements`) and through :func:`sakip.achievement` otherwise, with the
same figures, ratings and reasons. It returns :class:`Results`: the figures held as columns,
and a :class:`ResultRow` for a row only when that row is asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, overload

import attrs

from sakip._decimal import CONTEXT
from sakip._display import Displayed
from sakip._gc import paused_collector
from sakip._optional import require
from sakip.achievement import Achievement, LevelAchievement, achievement, default_formula
from sakip.exceptions import InvalidValueError, MissingDependencyError, SakipError
from sakip.io.rows import TableColumns, TableRow, TableRows
from sakip.locale import format_number
from sakip.model import LevelTarget, Polarity, Target, TargetRange
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

if TYPE_CHECKING:
    from sakip.extra.batch import BatchResult

__all__ = ["ResultRow", "Results", "evaluate"]


@attrs.frozen(kw_only=True, repr=False)
class ResultRow(Displayed):
    """The achievement of one table row, or why it has none.

    Attributes:
        row: The row it was computed from.
        percent: The printed achievement (2 places, half-up), ``None`` when not computable.
        rating: The rating's label on the scale used, ``None`` when not computable.
        reason: Why there is no achievement ("no realization reported") or no rating (a
            figure outside the scale's domain), else ``None``.
    """

    row: TableRow
    percent: Decimal | None = None
    rating: str | None = None
    reason: str | None = None

    @functools.cached_property
    def achievement(self) -> Achievement | LevelAchievement | None:
        """The whole result (exact value, formula, rules), or ``None`` when not computable.

        Computed through :func:`sakip.achievement` when first asked for, and kept.
        """
        if self.percent is None:
            return None
        row = self.row
        return achievement(
            realization=_realized(row),  # type: ignore[arg-type]  # a row with a figure has both
            target=row.target,  # type: ignore[arg-type]
            polarity=row.polarity,
            formula=row.formula,
        )

    @property
    def formula(self) -> str | None:
        """The name of the formula that gave the figure (a level's rule), or ``None``."""
        return None if self.percent is None else _formula_name(self.row)

    @property
    def printed(self) -> str | None:
        """The printed figure in Indonesian notation ("100,42"), or ``None``."""
        return None if self.percent is None else format_number(self.percent, places=2)

    @property
    def explanation(self) -> str | None:
        """The formula with its numbers (:meth:`sakip.Achievement.explain`), or ``None``."""
        figure = self.achievement
        return None if figure is None else figure.explain()


def evaluate(
    rows: Iterable[TableRow], *, scale: RatingScale | str = PERMENDAGRI_86_2017
) -> Results:
    """The achievement and rating of every row, as :func:`sakip.achievement` gives them.

    A row without a target or a realization, or whose figure is undefined (a realization
    against a zero target), gets a ``reason`` instead of a figure; nothing is dropped. With
    NumPy installed (the ``sakip[pandas]`` extra) the rows are computed together through
    :func:`sakip.batch.achievements`, with the same figures, ratings and reasons.

    Rows read column by column from a large plain table (:class:`~sakip.io.TableRows`) go
    to the batch core as columns, the whole table at once: the agencies of a national table
    share that one computation, each taking its own rows' results.

    The result is a sequence of :class:`ResultRow`, one per row, each built when it is asked
    for; its columns (:attr:`Results.printed`, :attr:`Results.percents`,
    :attr:`Results.ratings`, :attr:`Results.reasons`) give every row's figure at once,
    without building them: the way to go through a large table.

    >>> from sakip.io.tables import evaluate, read_rows
    >>> read = read_rows([["Kode", "Tahun", "Target", "Realisasi"], ["IKU-1", 2024, "94,6", 95]])
    >>> result = evaluate(read.rows)[0]
    >>> result.printed, result.rating
    ('100,42', 'Sangat Tinggi')
    >>> evaluate(read.rows).printed
    ('100,42',)
    """
    chosen = SCALES.resolve(scale)
    if isinstance(rows, TableRows):  # a large plain table, read as columns
        return _columnar_results(rows, chosen)
    table = tuple(rows)
    try:
        require("numpy", "batch computations")
    except MissingDependencyError:
        with paused_collector():  # a result per row, by the thousand; see sakip._gc
            return _scalar_results(table, chosen)
    with paused_collector():
        return _batch_results(table, chosen)


def _realized(row: TableRow) -> Decimal | str | None:
    """The row's realization: its number, or its level (``"WDP"``)."""
    return row.level if row.level is not None else row.realization


class Results(Sequence[ResultRow]):
    """What :func:`evaluate` gives: every row's figure, rating and reason, as columns.

    It is a sequence of :class:`ResultRow` (index it, iterate over it, take its length), each
    built when it is asked for and equal to the one the scalar API gives. The columns give
    every row's value at once, in row order, without a :class:`ResultRow` per row: a printed
    figure is written once for each distinct figure (a large table repeats its figures), with
    :func:`sakip.format_number`'s text.

    Two results are equal when their rows are; a result is also equal to a tuple of the same
    :class:`ResultRow` objects.
    """

    __slots__ = ("_hundredths", "_printed", "_ratings", "_reasons", "_rows")
    _rows: Sequence[TableRow]
    _printed: tuple[str | None, ...] | None

    def __init__(
        self,
        rows: Sequence[TableRow],
        hundredths: Sequence[int | None],
        ratings: Sequence[str | None],
        reasons: Sequence[str | None],
        printed: Sequence[str | None] | None = None,
    ) -> None:
        self._rows = rows if isinstance(rows, TableRows) else tuple(rows)
        self._hundredths = tuple(hundredths)
        self._ratings = tuple(ratings)
        self._reasons = tuple(reasons)
        self._printed = None if printed is None else tuple(printed)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> ResultRow: ...

    @overload
    def __getitem__(self, index: slice) -> Results: ...

    def __getitem__(self, index: int | slice) -> ResultRow | Results:
        if isinstance(index, slice):
            return Results(
                self._rows[index],
                self._hundredths[index],
                self._ratings[index],
                self._reasons[index],
            )
        hundredths = self._hundredths[index]
        return ResultRow(
            row=self._rows[index],
            percent=None if hundredths is None else _percent(hundredths),
            rating=self._ratings[index],
            reason=self._reasons[index],
        )

    def __iter__(self) -> Iterator[ResultRow]:
        return (self[position] for position in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Results | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, so not hashable

    def __repr__(self) -> str:
        return f"<Results: {len(self)} rows, {self.computed} with a figure>"

    @property
    def computed(self) -> int:
        """How many rows have a figure."""
        return sum(h is not None for h in self._hundredths)

    @property
    def rows(self) -> Sequence[TableRow]:
        """The table rows, in the order given (a tuple, or a table's :class:`TableRows`)."""
        return self._rows

    @property
    def hundredths(self) -> tuple[int | None, ...]:
        """The printed figures times 100, as whole numbers (``10042`` is 100,42 %)."""
        return self._hundredths

    @property
    def percents(self) -> tuple[Decimal | None, ...]:
        """The printed achievements (2 places, half-up), ``None`` where not computable."""
        return tuple(None if h is None else _percent(h) for h in self._hundredths)

    @property
    def printed(self) -> tuple[str | None, ...]:
        """The printed figures in Indonesian notation (``"100,42"``), ``None`` where none."""
        if self._printed is None:  # each distinct figure written once
            texts: dict[int | None, str | None] = {None: None}
            texts.update((h, _printed(h)) for h in set(self._hundredths) if h is not None)
            self._printed = tuple(map(texts.__getitem__, self._hundredths))
        return self._printed

    @property
    def formulas(self) -> tuple[str | None, ...]:
        """The names of the formulas that gave the figures, ``None`` where there is none."""
        return tuple(
            None if h is None else _formula_name(row)
            for row, h in zip(self._rows, self._hundredths, strict=True)
        )

    @property
    def ratings(self) -> tuple[str | None, ...]:
        """The ratings' labels, ``None`` where there is no rating."""
        return self._ratings

    @property
    def reasons(self) -> tuple[str | None, ...]:
        """Why a row has no figure or no rating, ``None`` where it has both."""
        return self._reasons


@functools.cache
def _default_formula(polarity: Polarity) -> str:
    return default_formula(polarity).name


def _formula_name(row: TableRow) -> str:
    """The name of the formula a computed row's figure comes from: a level's rule for a level."""
    if isinstance(row.target, LevelTarget):
        figure = achievement(
            realization=_realized(row),  # type: ignore[arg-type]  # a row with a figure has it
            target=row.target,
            polarity=row.polarity,
            formula=row.formula,
        )
        return figure.formula.name
    return row.formula or _default_formula(row.polarity)


@functools.lru_cache(maxsize=1 << 14)
def _percent(hundredths: int) -> Decimal:
    """A figure in hundredths as the printed ``Decimal`` (``10042`` → ``100.42``), once each."""
    return Decimal(hundredths).scaleb(-2, context=CONTEXT)


@functools.lru_cache(maxsize=1 << 14)
def _printed(hundredths: int) -> str:
    """A figure in hundredths as a report prints it, :func:`sakip.format_number`'s text."""
    return format_number(_percent(hundredths), places=2)


def _hundredths_of(percent: Decimal) -> int:
    return int(percent.scaleb(2, context=CONTEXT))


def _missing_reason(row: TableRow) -> str | None:
    if _realized(row) is None:
        return "no realization reported"
    if row.target is None:
        return "no target"
    return None


def _scalar_result(row: TableRow, scale: RatingScale) -> tuple[int | None, str | None, str | None]:
    """One row through :func:`sakip.achievement` and the scale: hundredths, rating, reason."""
    missing = _missing_reason(row)
    if missing is not None:
        return None, None, missing
    try:
        figure = achievement(
            realization=_realized(row),  # type: ignore[arg-type]  # checked just above
            target=row.target,  # type: ignore[arg-type]
            polarity=row.polarity,
            formula=row.formula,
        )
    except SakipError as error:
        return None, None, str(error)
    hundredths = _hundredths_of(figure.percent)
    try:
        rating = scale.classify(figure).label
    except InvalidValueError as error:
        return hundredths, None, f"no rating: {error}"
    return hundredths, rating, None


def _scalar_results(table: tuple[TableRow, ...], scale: RatingScale) -> Results:
    computed = [_scalar_result(row, scale) for row in table]
    hundredths, ratings, reasons = zip(*computed, strict=True) if computed else ((), (), ())
    return Results(table, hundredths, ratings, reasons)


def _plain_target(target: object) -> object:
    """A plain target as its number, which the batch core reads without unwrapping it."""
    return target.value if type(target) is Target else target


def _batch_results(table: tuple[TableRow, ...], scale: RatingScale) -> Results:
    """Every row through the exact batch core, one call per formula and polarity."""
    from sakip.extra.batch import achievements  # noqa: PLC0415 - needs NumPy, imported on use

    size = len(table)
    hundredths: list[int | None] = [None] * size
    ratings: list[str | None] = [None] * size
    reasons: list[str | None] = [None] * size
    # Ranges apart from plain targets: a column of plain numbers takes the core's fast path.
    groups: dict[tuple[str | None, Polarity, type], list[int]] = {}
    for position, row in enumerate(table):
        target = row.target
        if _realized(row) is None or target is None:
            reasons[position] = _missing_reason(row)
        elif type(target) is Target or type(target) is TargetRange:
            groups.setdefault((row.formula, row.polarity, type(target)), []).append(position)
        else:  # the batch core is numeric: a comparator's strict "met" and a level are not
            hundredths[position], ratings[position], reasons[position] = _scalar_result(row, scale)
    for (formula, polarity, _kind), positions in groups.items():
        try:
            batch = achievements(
                [table[p].realization for p in positions],
                [_plain_target(table[p].target) for p in positions],
                polarity=polarity,
                formula=formula,
                scale=scale,
            )
        except SakipError as error:  # an unknown formula, or one of the other polarity
            for p in positions:
                reasons[p] = str(error)
            continue
        figures = batch.hundredths.tolist()
        for p, figure, computable, label, reason in zip(
            positions,
            figures,
            batch.computable.tolist(),
            batch.label.tolist(),
            batch.reason.tolist(),
            strict=True,
        ):
            if computable:
                hundredths[p] = figure
                reasons[p] = None if label is not None else f"no rating: {reason}"
            else:
                reasons[p] = reason
            ratings[p] = label
    return Results(table, hundredths, ratings, reasons)


def _columnar_results(rows: TableRows, scale: RatingScale) -> Results:
    """A table's rows held as columns: its whole table computed once, these rows taken.

    The rows of one agency of a national table are a view of it: the first agency's results
    compute every agency's, through the batch core, and each takes its own.
    """
    columns = rows.columns
    if scale not in columns.evaluated:
        with paused_collector():
            columns.evaluated[scale] = _whole_table(columns, scale)
    positions = rows.positions
    taken = [column[positions].tolist() for column in columns.evaluated[scale]]
    return Results(rows, *taken)


def _whole_table(columns: TableColumns, scale: RatingScale) -> tuple[Any, ...]:
    """Every row's hundredths, rating, reason and printed figure, as :func:`_batch_results`.

    One batch call per formula (per formula and polarity when a row names its formula), on
    the columns' distinct values and codes (:class:`sakip.batch.Coded`).
    """
    import numpy as np  # noqa: PLC0415 - a table read as columns came with NumPy

    from sakip.extra.batch import Coded, achievements  # noqa: PLC0415 - needs NumPy

    hundredths, ratings, reasons, printed = (
        np.full(len(columns), None, dtype=object) for _ in range(4)
    )
    (r_values, r_codes), (t_values, t_codes) = (
        columns.fields["realization"],
        columns.fields["target"],
    )
    no_realization = columns.blank("realization")
    no_target = columns.blank("target") & ~no_realization
    reasons[no_realization] = "no realization reported"
    reasons[no_target] = "no target"
    plain_targets = [_plain_target(value) for value in t_values]
    for positions, formula, polarity in _calls(columns, ~(no_realization | no_target)):
        try:
            batch = achievements(
                Coded(r_values, r_codes[positions]),
                Coded(plain_targets, t_codes[positions]),
                polarity=polarity,
                formula=formula,  # type: ignore[arg-type]  # a name, or None
                scale=scale,
            )
        except SakipError as error:  # an unknown formula, or one of the other polarity
            reasons[positions] = str(error)
            continue
        printed[positions[batch.computable]] = _printed_figures(batch)
        _fill(positions, batch, (hundredths, ratings, reasons))
    return hundredths, ratings, reasons, printed


def _calls(columns: TableColumns, computed: Any) -> Iterator[tuple[Any, object, object]]:
    """The rows of each batch call, with its formula and polarity.

    The rows without a named formula go in one call, each with its own polarity (its default
    formula); a named formula serves one polarity, so its rows go by polarity, one call each,
    and a formula of the other polarity fails only its own rows, as the scalar API does.
    """
    import numpy as np  # noqa: PLC0415 - see _whole_table

    from sakip.extra.batch import Coded  # noqa: PLC0415 - see _whole_table

    (f_values, f_codes), (p_values, p_codes) = (
        columns.fields["formula"],
        columns.fields["polarity"],
    )
    named = ~columns.blank("formula")
    group = np.where(named, f_codes * len(p_values) + p_codes, -1)
    for key in np.unique(group[computed]).tolist():
        positions = np.flatnonzero(computed & (group == key))
        first = positions[0]
        if key < 0:
            yield positions, None, Coded(p_values, p_codes[positions])
        else:
            yield positions, f_values[f_codes[first]], p_values[p_codes[first]]


def _printed_figures(batch: BatchResult) -> Any:
    """The printed figures of a batch call's computed rows, each distinct figure written once.

    :func:`sakip.batch.printed_hundredths` writes :func:`sakip.format_number`'s text from the
    whole hundredths, without a ``Decimal``.
    """
    import numpy as np  # noqa: PLC0415 - see _whole_table

    from sakip.extra.batch import printed_hundredths  # noqa: PLC0415 - see _whole_table

    figures, rows = np.unique(batch.hundredths[batch.computable], return_inverse=True)
    texts = np.array([printed_hundredths(figure) for figure in figures.tolist()], dtype=object)
    return texts[rows]


def _fill(positions: Any, batch: BatchResult, into: tuple[Any, Any, Any]) -> None:
    """Put a batch call's figures, ratings and reasons at its rows' positions."""
    hundredths, ratings, reasons = into
    computable = batch.computable
    hundredths[positions[computable]] = batch.hundredths[computable].astype(object)
    ratings[positions] = batch.label
    unrated = computable & (batch.label == None)  # noqa: E711 - element-wise, on objects
    reasons[positions[unrated]] = [f"no rating: {text}" for text in batch.reason[unrated]]
    reasons[positions[~computable]] = batch.reason[~computable]
