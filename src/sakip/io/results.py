"""Results of a table (hasil tabel): each row's achievement and rating, or why it has none.

:func:`evaluate` computes every row through the exact batch core when NumPy is installed
(:func:`sakip.batch.achievements`) and through :func:`sakip.achievement` otherwise, with the
same figures, ratings and reasons.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import cast

import attrs

from sakip._display import Displayed
from sakip._gc import paused_collector
from sakip._optional import require
from sakip.achievement import Achievement, LevelAchievement, achievement, default_formula
from sakip.exceptions import InvalidValueError, MissingDependencyError, SakipError
from sakip.io.rows import TableRow
from sakip.locale import format_number
from sakip.model import ComparatorTarget, LevelTarget, Polarity, Target
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

__all__ = ["ResultRow", "evaluate"]


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
        if self.percent is None:
            return None
        if isinstance(self.row.target, LevelTarget):
            return cast("LevelAchievement", self.achievement).formula.name  # a level's rule
        return self.row.formula or default_formula(self.row.polarity).name

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
) -> tuple[ResultRow, ...]:
    """The achievement and rating of every row, as :func:`sakip.achievement` gives them.

    A row without a target or a realization, or whose figure is undefined (a realization
    against a zero target), gets a ``reason`` instead of a figure; nothing is dropped. With
    NumPy installed (the ``sakip[pandas]`` extra) the rows are computed together through
    :func:`sakip.batch.achievements`, with the same figures, ratings and reasons.

    >>> from sakip.io.tables import evaluate, read_rows
    >>> read = read_rows([["Kode", "Tahun", "Target", "Realisasi"], ["IKU-1", 2024, "94,6", 95]])
    >>> result = evaluate(read.rows)[0]
    >>> result.printed, result.rating
    ('100,42', 'Sangat Tinggi')
    """
    table = tuple(rows)
    chosen = SCALES.resolve(scale)
    try:
        require("numpy", "batch computations")
    except MissingDependencyError:
        with paused_collector():  # a result per row, by the thousand; see sakip._gc
            return tuple(_scalar_result(row, chosen) for row in table)
    with paused_collector():
        return _batch_results(table, chosen)


def _realized(row: TableRow) -> Decimal | str | None:
    """The row's realization: its number, or its level (``"WDP"``)."""
    return row.level if row.level is not None else row.realization


def _missing_reason(row: TableRow) -> str | None:
    if _realized(row) is None:
        return "no realization reported"
    if row.target is None:
        return "no target"
    return None


def _scalar_result(row: TableRow, scale: RatingScale) -> ResultRow:
    """One row through :func:`sakip.achievement` and the scale, as the batch path gives it."""
    missing = _missing_reason(row)
    if missing is not None:
        return ResultRow(row=row, reason=missing)
    try:
        figure = achievement(
            realization=_realized(row),  # type: ignore[arg-type]  # checked just above
            target=row.target,  # type: ignore[arg-type]
            polarity=row.polarity,
            formula=row.formula,
        )
    except SakipError as error:
        return ResultRow(row=row, reason=str(error))
    try:
        rating = scale.classify(figure).label
    except InvalidValueError as error:
        return ResultRow(row=row, percent=figure.percent, reason=f"no rating: {error}")
    return ResultRow(row=row, percent=figure.percent, rating=rating)


def _plain_target(target: object) -> object:
    """A plain target as its number, which the batch core reads without unwrapping it."""
    return target.value if type(target) is Target else target


def _batch_results(table: Sequence[TableRow], scale: RatingScale) -> tuple[ResultRow, ...]:
    """Every row through the exact batch core, one call per formula and polarity."""
    from sakip.extra.batch import achievements  # noqa: PLC0415 - needs NumPy, imported on use

    results: dict[int, ResultRow] = {}
    groups: dict[tuple[str | None, Polarity], list[int]] = {}
    for position, row in enumerate(table):
        missing = _missing_reason(row)
        if missing is not None:
            results[position] = ResultRow(row=row, reason=missing)
        elif isinstance(row.target, ComparatorTarget | LevelTarget):
            # the batch core is numeric: a comparator's strict "met" and a level are not
            results[position] = _scalar_result(row, scale)
        else:
            groups.setdefault((row.formula, row.polarity), []).append(position)
    for (formula, polarity), positions in groups.items():
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
                results[p] = ResultRow(row=table[p], reason=str(error))
            continue
        percents = batch.percent().tolist()
        for p, percent, label, reason in zip(
            positions, percents, batch.label.tolist(), batch.reason.tolist(), strict=True
        ):
            why = f"no rating: {reason}" if percent is not None and label is None else reason
            results[p] = ResultRow(row=table[p], percent=percent, rating=label, reason=why)
    return tuple(results[position] for position in range(len(table)))
