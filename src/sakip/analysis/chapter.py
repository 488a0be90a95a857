"""Chapter III as language-free data (data bab III): computed once, shown in any language.

:func:`compute_chapter` computes every figure of chapter III (PermenPANRB 53/2014, Bab III
(a)-(d), (f) and B): each indicator's history (tables a-d), each budget line's absorption
(table B), each indicator's efficiency with its budget lines (table f) and each ratio
realization recomputed from its counts. A :class:`Chapter`
holds numbers, codes and rules only; :meth:`Chapter.report` shows it as tables in a language,
so the same chapter prints in Indonesian and in English without computing it twice:

    >>> from sakip.analysis.chapter import compute_chapter
    >>> dataset = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    >>> chapter = compute_chapter(dataset)
    >>> chapter.year, len(chapter.histories)
    (2024, 3)
    >>> [(group.level.value, group.code, group.rollup.percent) for group in chapter.groups]
    [('goal', 'T1', Decimal('101.50')), ('objective', 'S1', Decimal('100.42'))]
    >>> chapter.report(lang="id").table("target-realization").columns[6].title
    'Kategori'
    >>> chapter.report(lang="en").table("target-realization").columns[6].title
    'Rating'

:func:`sakip.build_report` is ``compute_chapter(...).report(lang=...)``.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, cast

import attrs

from sakip._decimal import Number
from sakip._display import Displayed
from sakip._figures import typed
from sakip.achievement import Achievement, LevelAchievement
from sakip.analysis.settings import cap_of, efficiency_of, scale_of
from sakip.budget import (
    EFFICIENCY_CONVENTIONS,
    Absorption,
    Efficiency,
    EfficiencyConvention,
    efficiency,
    line_absorption,
)
from sakip.compare import LEAST_SQUARES, IndicatorHistory, history
from sakip.exceptions import InvalidValueError, SakipError, UndefinedResultError
from sakip.model import AuthorAnalysis, BudgetLine, Dataset, Goal, Indicator, Objective
from sakip.ratios import Percentage, Rate, percentage, rate
from sakip.reasons import Missing, Reason
from sakip.rollup import MEAN, Rollup, RollupChild, RollupMethod, rollup
from sakip.scales import Rating, RatingScale

if TYPE_CHECKING:
    from sakip.report import Report

__all__ = [
    "BudgetResult",
    "Chapter",
    "CountedRealization",
    "EfficiencyResult",
    "GroupLevel",
    "GroupResult",
    "compute_chapter",
    "computed_realizations",
    "readable_convention",
    "report_year",
    "year_analyses",
]


@attrs.frozen(kw_only=True, repr=False)
class BudgetResult(Displayed):
    """A budget line and its absorption (serapan anggaran), for table B.

    Attributes:
        line: The budget line.
        absorption: Its absorption; ``None`` when spending is not reported or the ceiling is 0.
        unreported: The quarters (1-4) with no spending, when the line states none for the
            year; all four when nothing is reported, none when the ceiling is what is missing.
    """

    line: BudgetLine
    absorption: Absorption | None
    unreported: tuple[int, ...] = ()

    def _headline(self) -> str:
        return f"{self.line.code}: {'—' if self.absorption is None else self.absorption!r}"


@attrs.frozen(kw_only=True, repr=False)
class CountedRealization(Displayed):
    """A ratio realization recomputed from the counts the data gives (realisasi dari jumlah).

    Attributes:
        indicator: The indicator's code.
        year: The year.
        part: The count of the part (the numerator).
        whole: The count of the whole (the denominator).
        recorded: The realization as the data records it.
        ratio: The share the counts give (a :class:`~sakip.Rate` per the indicator's ``per``
            when that is not 100); ``None`` when the whole is 0.
        stated: Whether the data states the value; ``False`` when it gives the counts alone
            and ``recorded`` is their rate.
    """

    indicator: str
    year: int
    part: Decimal
    whole: Decimal
    recorded: Decimal
    ratio: Percentage | Rate | None
    stated: bool = True

    def _headline(self) -> str:
        return f"{self.indicator} {self.year}: {typed(self.part)} / {typed(self.whole)}"


@attrs.frozen(kw_only=True, repr=False)
class EfficiencyResult(Displayed):
    """An indicator's achievement read with one of its budget lines (efisiensi), for table (f).

    Attributes:
        history: The indicator's history; its current year's achievement is the one read.
        budget: The budget line and its absorption.
        efficiency: The convention's result; ``None`` when the achievement or the absorption
            is missing.
    """

    history: IndicatorHistory
    budget: BudgetResult
    efficiency: Efficiency | None

    def _headline(self) -> str:
        return f"{self.history.indicator.code} × {self.budget.line.code}"


class GroupLevel(enum.Enum):
    """What a group of indicators in chapter III's tables is: a goal or an objective."""

    GOAL = "goal"
    """A goal (tujuan) of the plan."""
    OBJECTIVE = "objective"
    """A strategic objective (sasaran strategis) under a goal."""


@attrs.frozen(kw_only=True, repr=False)
class GroupResult(Displayed):
    """A goal or an objective, the indicators listed under it and its roll-up (kelompok).

    Chapter III's tables list the indicators goal by goal and objective by objective, as a
    report does; each group's row carries its achievement rolled up over its indicators
    (:func:`sakip.rollup`), rated on the chapter's scale.

    Attributes:
        level: A goal or an objective.
        code: The goal's or objective's code.
        name: Its name.
        indicators: The codes of the indicators listed right under it, in the plan's order: a
            goal's own indicators (indikator tujuan), an objective's indicators.
        rollup: Its achievement over its indicators; ``None`` when none of them is computable.
        children: Every indicator the roll-up runs over, computable or not, each with its
            achievement or why it has none (never counted as 0). A goal with indicators of its
            own rolls those up; one without rolls up every indicator of its objectives, as
            :func:`sakip.goal_achievement` does.
        rating: The roll-up's rating, or ``None`` with no roll-up.
        missing: Why there is no roll-up, or ``None`` when there is one.
    """

    level: GroupLevel
    code: str
    name: str
    indicators: tuple[str, ...]
    rollup: Rollup | None
    children: tuple[RollupChild, ...]
    rating: Rating | None = None
    missing: Missing | None = None

    def _headline(self) -> str:
        figure = "—" if self.rollup is None else repr(self.rollup)
        return f"{self.level.value} {self.code}: {figure}"

    @property
    def excluded(self) -> tuple[RollupChild, ...]:
        """The children left out of the roll-up, each with why."""
        return tuple(child for child in self.children if not child.computable)


@attrs.frozen(kw_only=True, repr=False)
class Chapter(Displayed):
    """Chapter III of a performance report as data (bab III), in no language.

    Attributes:
        dataset: The data it was computed from.
        year: The year reported.
        scale: The rating scale of the achievements, unless an indicator names its own (each
            rating carries its scale).
        convention: The efficiency convention of table (f).
        histories: Each indicator's history, in the plan's order (tables a-d).
        budget: Each budget line's absorption, in the data's order (table B).
        efficiencies: Each indicator with each of its budget lines (table f).
        counted: Each percentage indicator's year realization recomputed from the counts the
            data gives, by indicator code (table a's sentences compare it with the record).
        computed: The ``(indicator, year)`` realizations sakip computed (a ratio's year value
            from quarterly counts), which print rounded to 2 places.
        groups: Each goal, then each of its objectives, in the plan's order, with the
            indicators listed under it and its roll-up (tables a-d list the indicators so).
        rollup_method: The roll-up method of the groups' achievements.
        analyses: The author's analyses of the year reported (the year's, then each
            quarter's), the plan's indicators first in its order, then the cascade's: the
            texts as the data holds them.
        cap: The cap asked for every achievement (an argument, else the dataset's settings),
            if any; an indicator may have its own (its achievements carry it).
    """

    dataset: Dataset
    year: int
    scale: RatingScale
    convention: EfficiencyConvention
    histories: tuple[IndicatorHistory, ...]
    budget: tuple[BudgetResult, ...]
    efficiencies: tuple[EfficiencyResult, ...]
    computed: frozenset[tuple[str, int]]
    counted: tuple[CountedRealization, ...] = ()
    groups: tuple[GroupResult, ...] = ()
    rollup_method: RollupMethod = MEAN
    analyses: tuple[AuthorAnalysis, ...] = ()
    cap: Decimal | None = None

    def _headline(self) -> str:
        return f"{self.dataset.agency.name} {self.year}: {len(self.histories)} indicators"

    def report(self, *, lang: str = "id", places: int | None = None) -> Report:
        """The chapter as tables in ``lang`` (``"id"``, the default, or ``"en"``).

        ``places``: the decimals every indicator's own figures print with, as for
        :func:`~sakip.build_report`; ``None`` takes the data's settings.
        """
        from sakip.report import report_of  # noqa: PLC0415 - the tables build on this data

        return report_of(self, lang=lang, places=places)


def report_year(dataset: Dataset) -> int:
    """The year a report covers when none is named: the latest year with a realization.

    Raises:
        InvalidValueError: The dataset has no realization at all.
    """
    years = [realization.year for realization in dataset.realizations]
    if not years:
        raise InvalidValueError("year", None, "a year: the data has no realization to pick one")
    return max(years)


def computed_realizations(dataset: Dataset) -> frozenset[tuple[str, int]]:
    """The (indicator, year) realizations sakip computes: no yearly value is in the data.

    A yearly realization given by its counts alone is computed too (its rate).
    """
    typed = {
        (entry.indicator, entry.year)
        for entry in dataset.realizations
        if entry.yearly and not entry.from_counts  # counts alone: a computed rate
    }
    built = {(entry.indicator, entry.year) for entry in dataset.realizations}
    return frozenset(built - typed)


def readable_convention(efficiency: EfficiencyConvention | str) -> EfficiencyConvention:
    """The convention, when it reads achievement and absorption (what table (f) has).

    Raises:
        InvalidValueError: The convention reads other inputs (outputs, say).
    """
    convention = EFFICIENCY_CONVENTIONS.resolve(efficiency)
    wanted = {"achievement", "absorption"}
    if set(convention.inputs) != wanted:
        readable = ", ".join(c.name for c in EFFICIENCY_CONVENTIONS if set(c.inputs) == wanted)
        raise InvalidValueError(
            "efficiency",
            convention.name,
            f"a convention read from achievement and absorption ({readable})",
        )
    return convention


def _unreported_quarters(line: BudgetLine) -> tuple[int, ...]:
    """The quarters with no spending, when the line states no spending for the year."""
    if line.spent is not None:
        return ()
    quarters = line.quarterly_spent
    return tuple(q for q in range(1, 5) if q > len(quarters) or quarters[q - 1] is None)


def _budget_result(line: BudgetLine) -> BudgetResult:
    unreported = _unreported_quarters(line)
    try:
        absorbed = line_absorption(line)
    except SakipError:  # no spending reported, or a ceiling of 0: ``unreported`` says which
        return BudgetResult(line=line, absorption=None, unreported=unreported)
    return BudgetResult(line=line, absorption=absorbed, unreported=unreported)


def _counted(dataset: Dataset, found: IndicatorHistory) -> CountedRealization | None:
    """The year's realization from its counts, for a percentage or a declared rate per N."""
    indicator = found.indicator
    if indicator.unit.strip() != "%" and not indicator.per_unit:
        return None  # counts of a unit that is no share: their multiplier is not declared
    for entry in dataset.realizations_of(found.indicator.code):
        if entry.year == found.year and entry.yearly and entry.numerator is not None:
            part, whole = entry.numerator, entry.denominator
            assert whole is not None  # the model sets both counts or neither
            ratio: Percentage | Rate | None = None
            if whole != 0:
                ratio = (
                    rate(part=part, whole=whole, per=indicator.per)
                    if indicator.per_unit
                    else percentage(part=part, whole=whole)
                )
            return CountedRealization(
                indicator=found.indicator.code,
                year=found.year,
                part=part,
                whole=whole,
                recorded=cast("Decimal", entry.value),  # counts give a value
                ratio=ratio,
                stated=not entry.from_counts,
            )
    return None


def _figure(achieved: Achievement | LevelAchievement) -> Achievement | Decimal:
    # a level's % is met at 100 or more by either level rule, as a number's is
    return achieved if isinstance(achieved, Achievement) else achieved.value


def _efficiency(
    found: IndicatorHistory, budget: BudgetResult, convention: EfficiencyConvention
) -> EfficiencyResult:
    achieved, absorbed = found.current.achievement, budget.absorption
    result = (
        None
        if achieved is None or absorbed is None
        else efficiency(convention, achievement=_figure(achieved), absorption=absorbed)
    )
    return EfficiencyResult(history=found, budget=budget, efficiency=result)


def _group(
    level: GroupLevel,
    of: Goal | Objective,
    measured: tuple[Indicator, ...],
    by_code: dict[str, IndicatorHistory],
    scale: RatingScale,
) -> GroupResult:
    """A goal or objective, the indicators listed under it, its roll-up over ``measured``."""
    children: dict[str, Achievement | LevelAchievement | Missing] = {}  # the plan's order
    for indicator in measured:
        row = by_code[indicator.code].current
        found = row.achievement if row.achievement is not None else row.missing
        assert found is not None  # a year row has an achievement or says why not
        children[indicator.code] = found
    group = GroupResult(
        level=level,
        code=of.code,
        name=of.name,
        indicators=tuple(indicator.code for indicator in of.indicators),
        rollup=None,
        children=(),
    )
    try:
        rolled = rollup(children, method=MEAN)
    except UndefinedResultError as error:  # no indicator, or none computable: each says why
        left = tuple(
            RollupChild(code=code, achievement=None, used=None, missing=missing)
            for code, missing in children.items()
            if isinstance(missing, Missing)  # none is computable, so every child is a Missing
        )
        return attrs.evolve(
            group,
            children=left,
            missing=Missing(reason=error.reason or Reason.NO_COMPUTABLE_CHILD),
        )
    return attrs.evolve(
        group, rollup=rolled, children=rolled.children, rating=scale.classify(rolled)
    )


def year_analyses(dataset: Dataset, year: int) -> tuple[AuthorAnalysis, ...]:
    """The author's analyses of a year, the plan's indicators first, then the cascade's.

    For each indicator the year's analysis comes before the quarters', in quarter order.
    """
    order = [i.code for i in dataset.plan.indicators]
    order += [i.code for item in dataset.cascade for i in item.indicators]
    rank = {code: index for index, code in enumerate(order)}
    chosen = [analysis for analysis in dataset.analyses if analysis.year == year]
    return tuple(sorted(chosen, key=lambda a: (rank[a.indicator], a.quarter or 0)))


def compute_chapter(
    dataset: Dataset,
    *,
    year: int | None = None,
    scale: RatingScale | str | None = None,
    efficiency: EfficiencyConvention | str | None = None,
    cap: Number | None = None,
) -> Chapter:
    """Every figure of chapter III from the data, in no language (hitung bab III).

    A setting left ``None`` comes from the indicator, else the dataset's
    :class:`~sakip.Settings`, else sakip's default (:mod:`sakip.analysis.settings`); one
    given here wins over both.

    Args:
        dataset: The plan, agreements, realizations, standards and budget.
        year: The year to report; the latest year with a realization when ``None``.
        scale: The rating scale for achievements, or its name; by default Permendagri 86/2017.
        efficiency: The efficiency convention for table (f), or its name
            (:data:`sakip.budget.EFFICIENCY_CONVENTIONS`); by default ``difference``.
        cap: A cap on every year's achievement (100, or 120 as PermenPANRB 8/2021 caps
            individual performance), the uncapped figure kept; by default none.

    Raises:
        InvalidValueError: There is no year to report, the convention does not read
            achievement and absorption, or the cap is not a positive number.
        UnknownRuleError: A scale, formula or convention name is not registered.
    """
    chosen = scale_of(dataset, None, scale)
    convention = readable_convention(efficiency_of(dataset, efficiency))
    limit = cap_of(dataset, None, cap)
    when = report_year(dataset) if year is None else year
    histories = tuple(
        history(
            dataset,
            ind.code,
            when,
            scale=scale,
            projection_method=LEAST_SQUARES,
            cap=cap,
        )
        for ind in dataset.plan.indicators
    )
    budget = tuple(_budget_result(line) for line in dataset.budget)
    # an indicator's lines are the very objects of dataset.budget: each absorption once
    absorbed = {id(result.line): result for result in budget}
    efficiencies = tuple(
        _efficiency(found, absorbed[id(line)], convention)
        for found in histories
        for line in dataset.budget_lines_of(found.indicator.code)
    )
    by_code = {found.indicator.code: found for found in histories}
    return Chapter(
        dataset=dataset,
        year=when,
        scale=chosen,
        convention=convention,
        histories=histories,
        budget=budget,
        efficiencies=efficiencies,
        computed=computed_realizations(dataset),
        counted=tuple(filter(None, (_counted(dataset, found) for found in histories))),
        groups=_groups(dataset, by_code, chosen),
        rollup_method=MEAN,
        analyses=year_analyses(dataset, when),
        cap=limit,
    )


def _groups(
    dataset: Dataset, by_code: dict[str, IndicatorHistory], scale: RatingScale
) -> tuple[GroupResult, ...]:
    """Each goal, then its objectives, with the indicators listed under each and its roll-up."""
    groups = []
    for goal in dataset.plan.goals:
        # a goal measured by its own indicators rolls those up, else all of its objectives'
        measured = goal.indicators or tuple(goal.all_indicators())
        groups.append(_group(GroupLevel.GOAL, goal, measured, by_code, scale))
        groups += [
            _group(GroupLevel.OBJECTIVE, o, o.indicators, by_code, scale) for o in goal.objectives
        ]
    return tuple(groups)
