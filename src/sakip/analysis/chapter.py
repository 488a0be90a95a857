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
    >>> chapter.report(lang="id").table("target-realization").columns[6].title
    'Kategori'
    >>> chapter.report(lang="en").table("target-realization").columns[6].title
    'Rating'

:func:`sakip.build_report` is ``compute_chapter(...).report(lang=...)``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, cast

import attrs

from sakip._display import Displayed
from sakip._figures import typed
from sakip.achievement import Achievement, LevelAchievement
from sakip.budget import (
    DIFFERENCE,
    EFFICIENCY_CONVENTIONS,
    Absorption,
    Efficiency,
    EfficiencyConvention,
    efficiency,
    line_absorption,
)
from sakip.compare import LEAST_SQUARES, IndicatorHistory, history
from sakip.exceptions import InvalidValueError, SakipError
from sakip.model import BudgetLine, Dataset
from sakip.ratios import Percentage, percentage
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale

if TYPE_CHECKING:
    from sakip.report import Report

__all__ = [
    "BudgetResult",
    "Chapter",
    "CountedRealization",
    "EfficiencyResult",
    "compute_chapter",
    "computed_realizations",
    "readable_convention",
    "report_year",
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
        ratio: The share the counts give; ``None`` when the whole is 0.
    """

    indicator: str
    year: int
    part: Decimal
    whole: Decimal
    recorded: Decimal
    ratio: Percentage | None

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


@attrs.frozen(kw_only=True, repr=False)
class Chapter(Displayed):
    """Chapter III of a performance report as data (bab III), in no language.

    Attributes:
        dataset: The data it was computed from.
        year: The year reported.
        scale: The rating scale of the achievements.
        convention: The efficiency convention of table (f).
        histories: Each indicator's history, in the plan's order (tables a-d).
        budget: Each budget line's absorption, in the data's order (table B).
        efficiencies: Each indicator with each of its budget lines (table f).
        counted: Each percentage indicator's year realization recomputed from the counts the
            data gives, by indicator code (table a's sentences compare it with the record).
        computed: The ``(indicator, year)`` realizations sakip computed (a ratio's year value
            from quarterly counts), which print rounded to 2 places.
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

    def _headline(self) -> str:
        return f"{self.dataset.agency.name} {self.year}: {len(self.histories)} indicators"

    def report(self, *, lang: str = "id") -> Report:
        """The chapter as tables in ``lang`` (``"id"``, the default, or ``"en"``)."""
        from sakip.report import report_of  # noqa: PLC0415 - the tables build on this data

        return report_of(self, lang=lang)


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
    """The (indicator, year) realizations sakip computes: no yearly value is in the data."""
    typed = {
        (entry.indicator, entry.year)
        for entry in dataset.realizations
        if entry.quarter is None and entry.value is not None
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
    """The year's realization from its counts, when the data has them for a percentage."""
    if found.indicator.unit.strip() != "%":
        return None  # a rate per 1.000 or 100.000 is not a share × 100
    for entry in dataset.realizations_of(found.indicator.code):
        if entry.year == found.year and entry.quarter is None and entry.numerator is not None:
            part, whole = entry.numerator, entry.denominator
            assert whole is not None  # the model sets both counts or neither
            ratio = None if whole == 0 else percentage(part=part, whole=whole)
            return CountedRealization(
                indicator=found.indicator.code,
                year=found.year,
                part=part,
                whole=whole,
                recorded=cast("Decimal", entry.value),  # counts give a value
                ratio=ratio,
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


def compute_chapter(
    dataset: Dataset,
    *,
    year: int | None = None,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
    efficiency: EfficiencyConvention | str = DIFFERENCE,
) -> Chapter:
    """Every figure of chapter III from the data, in no language (hitung bab III).

    Args:
        dataset: The plan, agreements, realizations, standards and budget.
        year: The year to report; the latest year with a realization when ``None``.
        scale: The rating scale for achievements, or its name.
        efficiency: The efficiency convention for table (f), or its name
            (:data:`sakip.budget.EFFICIENCY_CONVENTIONS`).

    Raises:
        InvalidValueError: There is no year to report, or the convention does not read
            achievement and absorption.
    """
    chosen = SCALES.resolve(scale)
    convention = readable_convention(efficiency)
    when = report_year(dataset) if year is None else year
    histories = tuple(
        history(dataset, ind.code, when, scale=chosen, projection_method=LEAST_SQUARES)
        for ind in dataset.plan.indicators
    )
    budget = tuple(_budget_result(line) for line in dataset.budget)
    efficiencies = tuple(
        _efficiency(found, _budget_result(line), convention)
        for found in histories
        for line in dataset.budget_lines_of(found.indicator.code)
    )
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
    )
