"""The Renja evaluation form of Permendagri 86/2017 (evaluasi hasil Renja), as data.

Every regional department evaluates its yearly work plan (Renja) each quarter on a fixed form:
objective (sasaran) → program → activity (kegiatan) → sub-activity (sub kegiatan), each with
its indicators' figures (K, kinerja) and its budget (Rp), in columns 5 to 14:

- 5: the Renstra end target; 6: the realization up to the year before; 7: the year's target;
- 8-11: each quarter's realization up to the as-of quarter (a later quarter stays empty);
- 12: the year's realization, the quarters aggregated by the indicator's declared rule;
- 13: the Renstra realization to date: 6 + 12 for a flow (cumulative) indicator, the year's
  value otherwise; 14: 13 / 5 × 100 by the indicator's achievement formula.

:func:`renja_evaluation` computes it in no language; a figure the data cannot give is a
:class:`~sakip.Missing` with its reason, never 0. The Rp of the year is the cascade item's
budget line (its revised ceiling when there is one, its quarterly spending); the data holds no
Renstra budget and no spending of earlier years, so those cells say so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from sakip import periods  # first: sakip.aggregation, below, needs the periods loaded
from sakip._decimal import exact
from sakip._display import Displayed
from sakip.achievement import achievement
from sakip.cascade import budget_line_of
from sakip.exceptions import InvalidValueError, NotFoundError, SakipError
from sakip.model import (
    Aggregation,
    AuthorAnalysis,
    BudgetLevel,
    BudgetLine,
    CascadeItem,
    Dataset,
    Indicator,
    Target,
    TargetLike,
)
from sakip.monitor import parse_period
from sakip.periods import AGGREGATIONS, FiscalYear, Quarter, Semester, year_value
from sakip.reasons import Missing, Part, Reason
from sakip.scales import PERMENDAGRI_86_2017, Rating

__all__ = [
    "RenjaEvaluation",
    "RenjaFigures",
    "RenjaIndicator",
    "RenjaRow",
    "renja_evaluation",
]

Figure = Decimal | Missing | None
"""A cell of the form: a number, a :class:`~sakip.Missing` with its reason, or ``None`` where
the form leaves the cell empty (a quarter after the as-of quarter)."""

_AVERAGE_RULE = "mean"
"""The form's average achievement: the unweighted mean of column 14 over its indicators."""


@attrs.frozen(kw_only=True, repr=False)
class RenjaFigures(Displayed):
    """Columns 5 to 14 of one kind (K, the indicator's figure, or Rp, the money).

    Attributes:
        end_target: Column 5, the Renstra end target.
        before: Column 6, the realization up to the year before the Renja's.
        year_target: Column 7, the Renja target of the year.
        quarters: Columns 8-11, TW I-IV; ``None`` after the as-of quarter.
        year: Column 12, the year's realization to the as-of quarter.
        to_date: Column 13, the Renstra realization up to this year.
        achievement: Column 14, 13 against 5 in %, exact.
    """

    end_target: TargetLike | Missing
    before: Decimal | Missing
    year_target: TargetLike | Missing
    quarters: tuple[Figure, Figure, Figure, Figure]
    year: Decimal | Missing
    to_date: Decimal | Missing
    achievement: Decimal | Missing

    def _headline(self) -> str:
        return f"13 {self.to_date!r}, 14 {self.achievement!r}"


@attrs.frozen(kw_only=True, repr=False)
class RenjaIndicator(Displayed):
    """An indicator's line of the form (column 4 and its K figures).

    Attributes:
        indicator: The indicator.
        aggregation: The rule of column 12 (its declared aggregation: ``"sum"``, ``"last"``).
        cumulative: Whether column 13 adds the years (a flow indicator).
        k: Its figures, columns 5 to 14.
    """

    indicator: Indicator
    aggregation: str
    cumulative: bool
    k: RenjaFigures

    def _headline(self) -> str:
        return f"{self.indicator.code}: {self.k.achievement!r}"


@attrs.frozen(kw_only=True, repr=False)
class RenjaRow(Displayed):
    """A program's, an activity's or a sub-activity's rows of the form.

    Attributes:
        objective: The code of the objective (sasaran, column 2) it serves, through its
            program; ``None`` for a program serving none.
        item: The cascade item (column 3; its ``unit`` is column 15).
        indicators: Its indicators' lines, in its order (none when it has none).
        rp: Its budget's figures, columns 5 to 14.
    """

    objective: str | None
    item: CascadeItem
    indicators: tuple[RenjaIndicator, ...]
    rp: RenjaFigures

    @property
    def level(self) -> BudgetLevel:
        """Program, activity or sub-activity."""
        return self.item.level

    def _headline(self) -> str:
        return f"{self.item.code} ({self.level.value}): {len(self.indicators)} indicators"


@attrs.frozen(kw_only=True, repr=False)
class RenjaEvaluation(Displayed):
    """The Renja evaluation form up to a quarter, in no language.

    Attributes:
        year: The Renja's year.
        as_of: The last quarter evaluated.
        plan_start: The Renstra's first year (column 6 counts from it).
        plan_end: The Renstra's last year (column 5's year).
        rows: The rows, objective by objective, each program followed by its activities and
            each activity by its sub-activities.
        average: The form's average achievement (rata-rata capaian kinerja): the unweighted
            mean of column 14 over the indicators that have it, exact.
        average_rule: The rule of :attr:`average` (``"mean"``).
        counted: The codes of the indicators the average counts.
        rating: The average's predicate on the Permendagri 86/2017 scale; ``None`` with no
            average.
        analyses: The author's analyses of the year (the whole year's, or the as-of
            quarter's) of the form's indicators and the plan's: faktor pendorong, faktor
            penghambat and tindak lanjut.
        not_summed: The codes of the form's indicators whose columns 12 and 13 are not the
            sum the form's own arithmetic implies (a level, an average or a ratio).
    """

    year: int
    as_of: Quarter
    plan_start: int
    plan_end: int
    rows: tuple[RenjaRow, ...]
    average: Decimal | Missing
    average_rule: str
    counted: tuple[str, ...]
    rating: Rating | None
    analyses: tuple[AuthorAnalysis, ...]
    not_summed: tuple[str, ...]

    def _headline(self) -> str:
        return f"Renja {self.year} s.d. {self.as_of}: {len(self.rows)} rows"


def _quarter(as_of: Quarter | str) -> Quarter:
    """The as-of quarter; a semester or a year ends with its last quarter, a month is refused."""
    chosen = parse_period(as_of) if isinstance(as_of, str) else as_of
    if isinstance(chosen, Semester):
        return chosen.quarters[1]
    if isinstance(chosen, FiscalYear):
        return chosen.quarters[3]
    if not isinstance(chosen, Quarter):
        raise InvalidValueError("as_of", as_of, "a quarter ('TW III 2024'), semester or year")
    return chosen


def _not_in_data() -> Missing:
    return Missing(reason=Reason.NOT_IN_DATA)


def _single(target: TargetLike | Missing) -> Decimal | Missing:
    if isinstance(target, Missing):
        return target
    if isinstance(target, Target):
        return target.value
    return Missing(reason=Reason.RANGE_END_TARGET, part=Part.END_TARGET)


def _end_target(item: CascadeItem, code: str, end: int) -> TargetLike | Missing:
    plan = item.plan_for(code) if code in {p.indicator for p in item.plans} else None
    if plan is not None and plan.end_target is not None:
        return plan.end_target
    if plan is not None and end in plan.years:
        return plan.target(end)
    return Missing(reason=Reason.NO_END_TARGET, part=Part.END_TARGET)


def _year_target(item: CascadeItem, code: str, year: int) -> TargetLike | Missing:
    try:
        return item.plan_for(code).target(year)
    except NotFoundError:
        return Missing(reason=Reason.NO_TARGET, part=Part.TARGET, values=(("year", year),))


def _quarters(dataset: Dataset, code: str, until: Quarter) -> tuple[Figure, ...]:
    reported = {
        r.quarter: r.value
        for r in dataset.realizations_of(code)
        if r.year == until.year and r.quarter is not None
    }
    return tuple(
        None
        if number > until.number
        else reported.get(
            number,
            Missing(
                reason=Reason.PERIODS_MISSING,
                part=Part.REALIZATION,
                values=(("periods", str(Quarter(until.year, number))),),
            ),
        )
        for number in range(1, 5)
    )


def _year(dataset: Dataset, indicator: Indicator, until: Quarter) -> Decimal | Missing:
    """Column 12: the quarters to date by the declared rule; a sum with a gap is missing."""
    try:
        found = year_value(
            indicator, dataset.realizations_of(indicator.code), until.year, as_of=until
        )
    except NotFoundError:
        return Missing(
            reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", until.year),)
        )
    except SakipError as error:  # a ratio quarter without counts, denominators adding to 0
        return Missing(reason=getattr(error, "reason", None) or Reason.RULE_REFUSED)
    if found.missing and indicator.aggregation is Aggregation.SUM:
        periods = ", ".join(str(Quarter(until.year, q)) for q in found.missing)
        return Missing(
            reason=Reason.PERIODS_MISSING, part=Part.REALIZATION, values=(("periods", periods),)
        )
    return found.value


def _before(dataset: Dataset, indicator: Indicator, start: int, year: int) -> Decimal | Missing:
    """Column 6: the years of the plan before ``year``, summed (flow) or the last (others)."""
    years = range(start, year)
    values: dict[int, Decimal] = {}
    for earlier in years:
        try:
            values[earlier] = year_value(
                indicator, dataset.realizations_of(indicator.code), earlier
            ).value
        except SakipError:
            continue
    if not years:
        return Missing(
            reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", year - 1),)
        )
    if indicator.cumulative:
        absent = tuple(y for y in years if y not in values)
        if absent:
            return Missing(
                reason=Reason.YEARS_MISSING, part=Part.YEARS, values=(("years", absent),)
            )
        with exact():
            return sum(values.values(), Decimal(0))
    if year - 1 not in values:
        return Missing(
            reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", year - 1),)
        )
    return values[year - 1]


def _to_date(
    cumulative: bool, before: Decimal | Missing, year: Decimal | Missing, first: bool
) -> Decimal | Missing:
    """Column 13: 6 + 12 for a flow indicator (12 alone in the plan's first year); else 12."""
    if isinstance(year, Missing) or not cumulative or first:
        return year
    if isinstance(before, Missing):
        return before
    with exact():
        return before + year


def _percent(
    indicator: Indicator | None, to_date: Decimal | Missing, end: Decimal | Missing
) -> Decimal | Missing:
    """Column 14: 13 against 5 by the indicator's formula (money: spent / ceiling × 100)."""
    if isinstance(to_date, Missing):
        return to_date
    if isinstance(end, Missing):
        return end
    try:
        found = achievement(
            realization=to_date,
            target=end,
            polarity=None if indicator is None else indicator.polarity,
            formula=None if indicator is None else indicator.formula,
        )
    except SakipError as error:
        return Missing(reason=getattr(error, "reason", None) or Reason.RULE_REFUSED)
    return found.value


def _indicator(
    dataset: Dataset, item: CascadeItem, indicator: Indicator, until: Quarter
) -> RenjaIndicator:
    plan = dataset.plan
    end = _end_target(item, indicator.code, plan.end_year)
    before = _before(dataset, indicator, plan.start_year, until.year)
    year = _year(dataset, indicator, until)
    to_date = _to_date(indicator.cumulative, before, year, until.year <= plan.start_year)
    figures = RenjaFigures(
        end_target=end,
        before=before,
        year_target=_year_target(item, indicator.code, until.year),
        quarters=_quarters(dataset, indicator.code, until),  # type: ignore[arg-type]  # four
        year=year,
        to_date=to_date,
        achievement=_percent(indicator, to_date, _single(end)),
    )
    return RenjaIndicator(
        indicator=indicator,
        aggregation=AGGREGATIONS.get(indicator.aggregation.value).name,
        cumulative=indicator.cumulative,
        k=figures,
    )


def _spent(line: BudgetLine, number: int, until_year: int) -> Figure:
    spent = line.quarterly_spent
    found = spent[number - 1] if number <= len(spent) else None
    if found is not None:
        return found
    return Missing(
        reason=Reason.NO_SPENDING,
        values=(("quarters", f"TW {periods.Quarter(until_year, number).roman}"),),
    )


def _money(line: BudgetLine | None, until: Quarter) -> RenjaFigures:
    """Columns 5-14 in Rp: the year's from the budget line, the Renstra's not in the data."""
    if line is None:
        absent = _not_in_data()
        return RenjaFigures(
            end_target=absent,
            before=absent,
            year_target=absent,
            quarters=tuple(None if n > until.number else absent for n in range(1, 5)),  # type: ignore[arg-type]
            year=absent,
            to_date=absent,
            achievement=absent,
        )
    quarters = tuple(
        None if n > until.number else _spent(line, n, until.year) for n in range(1, 5)
    )
    gaps = [q for q in quarters if isinstance(q, Missing)]
    year: Decimal | Missing
    if not gaps:
        with exact():
            year = sum((q for q in quarters if isinstance(q, Decimal)), Decimal(0))
    elif until.number == 4 and line.spent is not None and not line.quarterly_spent:
        year = line.spent
    else:
        year = gaps[0]
    return RenjaFigures(
        end_target=_not_in_data(),
        before=_not_in_data(),
        year_target=Target(line.effective_ceiling),
        quarters=quarters,  # type: ignore[arg-type]  # four
        year=year,
        to_date=_not_in_data(),
        achievement=_not_in_data(),
    )


def _items(dataset: Dataset) -> Iterator[tuple[str | None, CascadeItem]]:
    """The cascade in the form's order: objective by objective, each item before its children."""
    shown: set[str] = set()

    def below(
        objective: str | None, item: CascadeItem
    ) -> Iterator[tuple[str | None, CascadeItem]]:
        shown.add(item.code)
        yield objective, item
        for child in dataset.children_of(item.code):
            yield from below(objective, child)

    for objective in dataset.plan.objectives:
        for program in dataset.children_of(objective.code):
            if program.code not in shown:
                yield from below(objective.code, program)
    for item in dataset.cascade:  # a program serving no objective, under none
        if item.code not in shown and item.level is BudgetLevel.PROGRAM:
            yield from below(None, item)


def _mean(rows: Sequence[RenjaRow]) -> tuple[Decimal | Missing, tuple[str, ...]]:
    counted = [
        (line.indicator.code, line.k.achievement)
        for row in rows
        for line in row.indicators
        if isinstance(line.k.achievement, Decimal)
    ]
    if not counted:
        return Missing(reason=Reason.NO_COMPUTABLE_CHILD), ()
    with exact():
        mean = sum((value for _, value in counted), Decimal(0)) / len(counted)
    return mean, tuple(code for code, _ in counted)


def renja_evaluation(dataset: Dataset, *, as_of: Quarter | str) -> RenjaEvaluation:
    """The Renja evaluation form of ``dataset`` up to a quarter (Permendagri 86/2017).

    Args:
        dataset: The data, with its cascade, quarterly realizations and budget.
        as_of: The last quarter evaluated (``"TW III 2024"``, a :class:`~sakip.Quarter`); a
            semester or a year means its last quarter. Its year is the Renja's.

    Raises:
        InvalidValueError: ``as_of`` names no quarter, semester or year (a month, say).

    >>> from sakip.renja import renja_evaluation
    >>> dataset = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    >>> form = renja_evaluation(dataset, as_of="TW III 2024")
    >>> form.as_of, form.rows
    (Quarter(year=2024, number=3), ())
    """
    until = _quarter(as_of)
    rows = tuple(
        RenjaRow(
            objective=objective,
            item=item,
            indicators=tuple(_indicator(dataset, item, i, until) for i in item.indicators),
            rp=_money(budget_line_of(dataset, item.code), until),
        )
        for objective, item in _items(dataset)
    )
    average, counted = _mean(rows)
    codes = {line.indicator.code for row in rows for line in row.indicators}
    codes |= {indicator.code for indicator in dataset.plan.indicators}
    return RenjaEvaluation(
        year=until.year,
        as_of=until,
        plan_start=dataset.plan.start_year,
        plan_end=dataset.plan.end_year,
        rows=rows,
        average=average,
        average_rule=_AVERAGE_RULE,
        counted=counted,
        rating=None if isinstance(average, Missing) else PERMENDAGRI_86_2017.classify(average),
        analyses=tuple(
            analysis
            for analysis in dataset.analyses
            if analysis.year == until.year
            and analysis.quarter in (None, until.number)
            and analysis.indicator in codes
        ),
        not_summed=tuple(
            line.indicator.code
            for row in rows
            for line in row.indicators
            if line.indicator.aggregation is not Aggregation.SUM
        ),
    )
