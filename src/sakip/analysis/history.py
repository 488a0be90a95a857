"""An indicator's history (riwayat indikator): the four comparisons of chapter III for one year.

:func:`~sakip.history` is the one call a report makes to build an indicator's part of chapter
III from a :class:`~sakip.Dataset`; :func:`~sakip.year_row` builds one year of it. A figure
that cannot be computed is ``None`` and a :class:`~sakip.Missing` says why.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TypeVar, cast

import attrs

from sakip._comparing import show
from sakip._decimal import Number, exact
from sakip._display import Displayed
from sakip._figures import Writing
from sakip.achievement import Achievement, LevelAchievement, achievement
from sakip.analysis.settings import cap_of, formula_of, scale_of
from sakip.end_target import (
    LEAST_SQUARES,
    Gap,
    NeededPerYear,
    Progress,
    Projection,
    ProjectionMethod,
    RealizationToDate,
    gap,
    needed_per_year,
    progress,
    projection,
    realization_to_date,
)
from sakip.exceptions import (
    InvalidValueError,
    NotFoundError,
    SakipError,
    UndefinedAchievementError,
    UndefinedResultError,
)
from sakip.model import (
    ComparatorTarget,
    Dataset,
    Indicator,
    IndicatorPlan,
    LevelTarget,
    NationalStandard,
    Polarity,
    Target,
    TargetLike,
    TargetRange,
)
from sakip.periods import Quarter, year_value
from sakip.reasons import Figure, Missing, Part, Reason
from sakip.scales import Rating, RatingScale, classify
from sakip.standard import NoStandard, StandardComparison, compare_with_standard
from sakip.text import N_
from sakip.year_on_year import AchievementChange, Change, achievement_change, change

__all__ = [
    "EndTargetComparison",
    "IndicatorHistory",
    "TargetSource",
    "YearRow",
    "history",
    "year_row",
]

_T = TypeVar("_T")


class TargetSource(enum.StrEnum):
    """Where a year's target comes from (sumber target).

    A string enum whose values are the strings :attr:`YearRow.target_source` held before it
    was an enum, so ``row.target_source == "PK"`` reads as it did.
    """

    AGREEMENT = "PK"
    """The year's performance agreement (Perjanjian Kinerja)."""
    REVISED_AGREEMENT = "PK-P"
    """The year's revised performance agreement (PK Perubahan), which replaces the PK's target."""
    PLAN = "Renstra"
    """The strategic plan (Renstra)."""


def _target_source(value: TargetSource | str | None) -> TargetSource | None:
    return None if value is None else TargetSource(value)


def _missing_for(missing: Sequence[Missing], figure: Figure | str) -> Missing | None:
    wanted = Figure(figure)
    return next((item for item in missing if item.figure is wanted), None)


@attrs.frozen(kw_only=True, repr=False)
class YearRow(Displayed):
    """One year of an indicator's series: target, realization, achievement and rating.

    Missing data is explicit: a year with no realization has ``realization`` ``None`` (never
    0) and :attr:`missing` says why the achievement is missing.

    Attributes:
        year: The year.
        target: The year's target, or ``None``.
        target_source: Where the target comes from (:class:`TargetSource`; a string
            ``"PK"`` or ``"Renstra"`` is converted), or ``None``.
        realization: The year's realization, or ``None`` when none is reported (or the
            indicator is measured in levels).
        level: For an indicator measured in levels, the level realized ("WTP"), or ``None``.
        missing_quarters: Quarters not reported, when the year is built from quarters.
        achievement: The achievement, or ``None`` when not computable.
        missing: Why the achievement is not computable, or ``None``.
        rating: The achievement's rating, or ``None``.
        change: The change from the previous row, or ``None`` when either is missing.
        achievement_change: The change in achievement from the previous row, or ``None``.
        baseline: Whether the row is the plan's baseline (kondisi awal).
    """

    year: int
    target: TargetLike | None
    target_source: TargetSource | None = attrs.field(converter=_target_source)
    realization: Decimal | None
    level: str | None = None
    missing_quarters: tuple[int, ...] = ()
    achievement: Achievement | LevelAchievement | None = None
    missing: Missing | None = None
    rating: Rating | None = None
    change: Change | None = None
    achievement_change: AchievementChange | None = None
    baseline: bool = False

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The row in words, in ``lang`` (numbers in ``numbers``' notation)."""
        w = Writing.of(lang, numbers)
        parts = [self._reported(w)]
        if self.achievement is not None:
            steps = self.achievement.explain(w.lang, numbers=w.numbers)
            parts.append(w.gettext("capaian {steps}", steps=steps))
            parts.append(w.gettext("kategori {rating}", rating=self.rating))
        elif self.missing is not None:
            why = self.missing.explain(lang=w.lang)
            parts.append(w.gettext("capaian tidak dapat dihitung: {reason}", reason=why))
        if self.change is not None:
            steps = self.change.explain(w.lang, numbers=w.numbers)
            parts.append(w.gettext("dibanding tahun sebelumnya {steps}", steps=steps))
        return "; ".join(parts)

    def _reported(self, w: Writing) -> str:
        """The year, its target and its realization (and the quarters not reported)."""
        label = (
            w.gettext("{year} (kondisi awal)", year=self.year) if self.baseline else str(self.year)
        )
        if self.level is not None:
            real = self.level
        elif self.realization is None:
            real = w.gettext("tidak dilaporkan")
        else:
            real = w.n(self.realization)
        if self.missing_quarters:
            quarters = ", ".join(
                w.gettext("TW {roman}", roman=Quarter(self.year, q).roman)
                for q in self.missing_quarters
            )
            real = w.gettext(
                "{realization} ({quarters} tidak dilaporkan)", realization=real, quarters=quarters
            )
        return w.gettext(
            "{label}: target {target}, realisasi {realization}",
            label=label,
            target=show(self.target, w),
            realization=real,
        )


@attrs.frozen(kw_only=True, repr=False)
class EndTargetComparison(Displayed):
    """A comparison with the Renstra end target (target akhir), for one year.

    For a cumulative (flow) indicator the figure compared is the realization to date (the sum
    of the plan's years so far), for any other indicator the year's realization. Every part
    that cannot be computed is ``None`` and a :class:`~sakip.Missing` in :attr:`missing`,
    keyed by its :class:`~sakip.Figure`, says why (:meth:`missing_for`).

    Attributes:
        year: The year compared.
        end_year: The plan's end year.
        end_target: The end target.
        polarity: Whether higher is better.
        baseline: The baseline (kondisi awal), when the plan has one.
        realization: The figure compared (the year's, or the sum to date); ``None`` when
            not reported.
        to_date: For a cumulative indicator, the sum to date.
        gap: ``T_end − R``.
        achievement: The realization against the end target.
        progress: Progress from the baseline.
        projection: The projected end-year value.
        needed: The change per year still needed.
        on_track: Whether the projection meets the end target: its achievement against the
            end target prints 100 or more (:attr:`Achievement.met`); ``None`` when there is
            no projection, or the formula cannot score it.
        missing: Why a figure is missing, one :class:`~sakip.Missing` per figure.
    """

    year: int
    end_year: int
    end_target: Target | TargetRange | ComparatorTarget
    polarity: Polarity
    baseline: Decimal | None
    realization: Decimal | None
    to_date: RealizationToDate | None = None
    gap: Gap | None = None
    achievement: Achievement | None = None
    progress: Progress | None = None
    projection: Projection | None = None
    needed: NeededPerYear | None = None
    on_track: bool | None = None
    missing: tuple[Missing, ...] = ()

    def missing_for(self, figure: Figure | str) -> Missing | None:
        """Why ``figure`` (a :class:`~sakip.Figure` or its value) is missing, or ``None``."""
        return _missing_for(self.missing, figure)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The comparison in words, in ``lang`` (numbers in ``numbers``' notation)."""
        w = Writing.of(lang, numbers)
        target = show(self.end_target, w)
        lines = [w.gettext("target akhir {year}: {target}", year=self.end_year, target=target)]
        if self.to_date is not None:
            steps = self.to_date.explain(w.lang, numbers=w.numbers)
            lines.append(w.gettext("realisasi kumulatif: {steps}", steps=steps))
        for figure, (said, unsaid), part in self._parts():
            missing = self.missing_for(figure)
            if part is not None:
                lines.append(w.gettext(said, steps=part.explain(w.lang, numbers=w.numbers)))
            elif missing is not None:
                lines.append(w.gettext(unsaid, reason=missing.explain(lang=w.lang)))
        if self.on_track is not None:
            lines.append(
                w.gettext("sesuai jalur") if self.on_track else w.gettext("tidak sesuai jalur")
            )
        return "\n".join(lines)

    def _parts(
        self,
    ) -> tuple[tuple[Figure, tuple[str, str], _Explained | None], ...]:
        return (
            (Figure.GAP, _END_WORDS["gap"], self.gap),
            (Figure.ACHIEVEMENT, _END_WORDS["achievement"], self.achievement),
            (Figure.PROGRESS, _END_WORDS["progress"], self.progress),
            (Figure.PROJECTION, _END_WORDS["projection"], self.projection),
            (Figure.NEEDED, _END_WORDS["needed"], self.needed),
        )


_Explained = Gap | Achievement | Progress | Projection | NeededPerYear
_END_WORDS = {
    "gap": (N_("selisih: {steps}"), N_("selisih: tidak dapat dihitung ({reason})")),
    "achievement": (
        N_("capaian terhadap target akhir: {steps}"),
        N_("capaian terhadap target akhir: tidak dapat dihitung ({reason})"),
    ),
    "progress": (
        N_("kemajuan dari kondisi awal: {steps}"),
        N_("kemajuan dari kondisi awal: tidak dapat dihitung ({reason})"),
    ),
    "projection": (N_("proyeksi: {steps}"), N_("proyeksi: tidak dapat dihitung ({reason})")),
    "needed": (
        N_("kebutuhan per tahun: {steps}"),
        N_("kebutuhan per tahun: tidak dapat dihitung ({reason})"),
    ),
}
"""Each part of the comparison, computed and not computable, as whole messages."""


@attrs.frozen(kw_only=True, repr=False)
class IndicatorHistory(Displayed):
    """Everything chapter III of a report says about one indicator in one year.

    Attributes:
        indicator: The indicator.
        year: The report year.
        current: This year against its target (a).
        series: The baseline and every year of the plan, with changes year on year (b); years
            after the report year show their targets only.
        end: The comparison with the end target (c), or ``None`` when the plan has no end
            target for the indicator (see :attr:`missing`).
        standard: The comparison with a national standard, or :class:`NoStandard` (d); ``None``
            when a standard exists but the year has no realization (see :attr:`missing`).
        missing: Why the end-target or the standard comparison is missing, one
            :class:`~sakip.Missing` per :class:`~sakip.Figure` (:meth:`missing_for`).
    """

    indicator: Indicator
    year: int
    current: YearRow
    series: tuple[YearRow, ...]
    end: EndTargetComparison | None
    standard: StandardComparison | NoStandard | None
    missing: tuple[Missing, ...] = ()

    def missing_for(self, figure: Figure | str) -> Missing | None:
        """Why ``figure`` (a :class:`~sakip.Figure` or its value) is missing, or ``None``."""
        return _missing_for(self.missing, figure)

    @property
    def polarity(self) -> Polarity:
        """The indicator's polarity."""
        return self.indicator.polarity

    def row(self, year: int) -> YearRow:
        """The series row of a year."""
        for row in self.series:
            if row.year == year:
                return row
        raise NotFoundError("year in the series", str(year), (str(r.year) for r in self.series))

    def change_since(self, year: int) -> Change:
        """The change from an earlier year's realization to this year's.

        Raises:
            NotFoundError: The year is not in the series.
            UndefinedResultError: One of the two years has no realization.
        """
        earlier = self.row(year)
        if self.current.realization is None or earlier.realization is None:
            raise UndefinedResultError(
                "change",
                "a year in the comparison has no realization",
                (("current", self.current.realization), ("previous", earlier.realization)),
                Reason.NO_REALIZATION,
            )
        return change(
            current=self.current.realization,
            previous=earlier.realization,
            polarity=self.polarity,
        )

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The four comparisons in words, in ``lang`` (numbers in ``numbers``' notation)."""
        w = Writing.of(lang, numbers)
        head = f"{self.indicator.code} {self.indicator.name} ({self.indicator.unit})"
        rows = [self.current, *(row for row in self.series if row.year != self.year)]
        lines = [head, *(row.explain(w.lang, numbers=w.numbers) for row in rows)]
        parts = (self.end, self.standard)
        lines += [part.explain(w.lang, numbers=w.numbers) for part in parts if part is not None]
        for missing in self.missing:
            message = _UNCOMPARED[missing.figure or Figure.END_TARGET]
            lines.append(w.gettext(message, reason=missing.explain(lang=w.lang)))
        return "\n".join(lines)


_UNCOMPARED = {
    Figure.END_TARGET: N_("target akhir: tidak dapat dihitung ({reason})"),
    Figure.STANDARD: N_("standar nasional: tidak dapat dihitung ({reason})"),
}
"""Why a comparison of an indicator's history is missing, per figure."""


def _year_target(
    dataset: Dataset, code: str, year: int
) -> tuple[TargetLike | None, TargetSource | None]:
    for agreement in dataset.agreements:
        if agreement.year == year:
            try:
                revised = agreement.revised_target(code)
                if revised is not None:
                    return revised, TargetSource.REVISED_AGREEMENT
                return agreement.target(code), TargetSource.AGREEMENT
            except NotFoundError:
                break
    try:
        return dataset.plan.target(code, year), TargetSource.PLAN
    except NotFoundError:
        return None, None


def _year_level(dataset: Dataset, indicator: Indicator, year: int) -> str | None:
    """The level realized in a year: the year's own, else the latest quarter's.

    A level is a state, not a flow, so the latest reported one is the year's (as
    :attr:`~sakip.Aggregation.LAST` takes for numbers); it is never summed or averaged.
    """
    if indicator.levels is None:
        return None
    found = [r for r in dataset.realizations_of(indicator.code) if r.year == year]
    yearly = [r for r in found if r.quarter is None]
    chosen = yearly or found  # sorted by quarter, so the latest quarter is last
    return indicator.levels.level(chosen[-1].level) if chosen else None


def _year_realization(
    dataset: Dataset, indicator: Indicator, year: int
) -> tuple[Decimal | None, tuple[int, ...], Missing | None]:
    """The year's realization, its unreported quarters, and why it has none if it cannot."""
    own = dataset.realizations_of(indicator.code)
    yearly = [r for r in own if r.year == year and r.yearly]
    if len(yearly) == 1:
        # year_value's own answer, without building it: the yearly value stands for the year
        # (a dataset gives each realization of an indicator without levels its number)
        return yearly[0].value, (), None
    try:
        aggregate = year_value(indicator, own, year)
    except NotFoundError:
        return None, (), None
    except UndefinedResultError as error:
        # quarters of a ratio whose denominators add up to 0: the year has no value, and the
        # report says why rather than stopping
        return None, (), _missing_of(error, Figure.ACHIEVEMENT)
    return aggregate.value, tuple(aggregate.missing), None


def _no_realization(year: int, figure: Figure | None = None) -> Missing:
    return Missing(
        reason=Reason.NO_REALIZATION,
        part=Part.REALIZATION,
        values=(("year", year),),
        figure=figure,
    )


def _missing_of(error: SakipError, figure: Figure | None, rule: str | None = None) -> Missing:
    """Why a computation raised ``error``, from its code and values, never its text."""
    if isinstance(error, UndefinedAchievementError):
        values = tuple(
            (name, value)
            for name, value in error.inputs
            if isinstance(value, (Decimal, int)) and not isinstance(value, bool)
        )
        part = Part.TARGET if error.reason is Reason.ZERO_TARGET else None
        reason = error.reason or Reason.FORMULA_UNDEFINED
        return Missing(reason=reason, part=part, values=values, figure=figure)
    if isinstance(error, UndefinedResultError) and error.reason is not None:
        return Missing(reason=error.reason, figure=figure)
    # An error a user's own rule (or a rule refusing these inputs) raised: sakip knows only
    # which rule it was.
    return Missing(
        reason=Reason.RULE_REFUSED, part=Part.RULE, values=(("rule", rule or "-"),), figure=figure
    )


def year_row(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    scale: RatingScale | str | None = None,
    cap: Number | None = None,
) -> YearRow:
    """One year of an indicator: target (PK, else Renstra), realization, achievement, rating.

    Args:
        dataset: The plan, agreements and realizations.
        code: The indicator's code.
        year: The year.
        scale: The rating scale for the achievement; ``None`` takes the indicator's, else the
            dataset's settings, else Permendagri 86/2017 (:mod:`sakip.analysis.settings`).
        cap: A cap on the achievement; ``None`` takes the indicator's, else the dataset's,
            else none.
    """
    indicator = dataset.plan.indicator(code)
    target, source = _year_target(dataset, code, year)
    level = _year_level(dataset, indicator, year)
    if indicator.levels is None:
        realization, missing, undefined = _year_realization(dataset, indicator, year)
    else:
        realization, missing, undefined = None, (), None
    formula = formula_of(dataset, indicator)
    limit = cap_of(dataset, indicator, cap)
    achieved, why = _year_achievement(
        indicator, year, target, level or realization, formula=formula, cap=limit
    )
    why = undefined or why
    # one construction with every field: a report builds a row per indicator and year, and
    # attrs.evolve (a second construction, by introspection) doubled the cost of each
    return YearRow(
        year=year,
        target=target,
        target_source=source,
        realization=realization,
        level=level,
        missing_quarters=missing,
        achievement=achieved,
        missing=why,
        rating=None
        if achieved is None
        else classify(achieved, scale=scale_of(dataset, indicator, scale)),
    )


def _year_achievement(
    indicator: Indicator,
    year: int,
    target: TargetLike | None,
    realization: Decimal | str | None,
    *,
    formula: str | None,
    cap: Decimal | None,
) -> tuple[Achievement | LevelAchievement | None, Missing | None]:
    """A year's achievement, or why it has none."""
    if realization is None:
        return None, _no_realization(year, Figure.ACHIEVEMENT)
    if target is None:
        no_target = Missing(
            reason=Reason.NO_TARGET,
            part=Part.TARGET,
            values=(("year", year),),
            figure=Figure.ACHIEVEMENT,
        )
        return None, no_target
    try:
        achieved = _measured(indicator, realization, target, formula=formula, cap=cap)
    except SakipError as error:
        return None, _missing_of(error, Figure.ACHIEVEMENT, formula)
    return achieved, None


def _measured(
    indicator: Indicator,
    realization: Decimal | str,
    target: TargetLike,
    *,
    formula: str | None,
    cap: Decimal | None,
) -> Achievement | LevelAchievement:
    """The achievement by the target's own rule: a level's by the indicator's level rule.

    ``formula`` is the one the settings give a number; a level keeps its indicator's level rule.
    """
    if isinstance(target, LevelTarget):  # the model gives a level indicator level targets only
        return achievement(
            realization=str(realization), target=target, formula=indicator.formula, cap=cap
        )
    return achievement(
        realization=realization,
        target=target,
        polarity=indicator.polarity,
        formula=formula,
        cap=cap,
    )


def _with_change(row: YearRow, previous: YearRow | None, polarity: Polarity) -> YearRow:
    if previous is None or previous.realization is None or row.realization is None:
        return row
    moved = change(current=row.realization, previous=previous.realization, polarity=polarity)
    points = None
    if isinstance(row.achievement, Achievement) and isinstance(previous.achievement, Achievement):
        points = achievement_change(current=row.achievement, previous=previous.achievement)
    # every field written out rather than attrs.evolve, which reads the class's fields for
    # each of a report's hundreds of rows (a test checks that no field is left behind)
    return YearRow(
        year=row.year,
        target=row.target,
        target_source=row.target_source,
        realization=row.realization,
        level=row.level,
        missing_quarters=row.missing_quarters,
        achievement=row.achievement,
        missing=row.missing,
        rating=row.rating,
        change=moved,
        achievement_change=points,
        baseline=row.baseline,
    )


def _series(
    dataset: Dataset,
    indicator: Indicator,
    year: int,
    scale: RatingScale | str | None,
    cap: Number | None,
) -> tuple[YearRow, ...]:
    baseline = _baseline_row(dataset, indicator.code)
    rows = [] if baseline is None else [baseline]
    for plan_year in dataset.plan.years:
        if plan_year > year:
            rows.append(_future_row(dataset, indicator.code, plan_year))
        else:
            rows.append(year_row(dataset, indicator.code, plan_year, scale=scale, cap=cap))
    if all(row.year != year for row in rows):
        rows.append(year_row(dataset, indicator.code, year, scale=scale, cap=cap))
    rows.sort(key=lambda row: row.year)
    by_year = {row.year: row for row in rows}
    return tuple(_with_change(row, by_year.get(row.year - 1), indicator.polarity) for row in rows)


def _baseline_row(dataset: Dataset, code: str) -> YearRow | None:
    """The plan's baseline as a row, when it has one dated before the plan's first year."""
    line = _plan_line(dataset, code)
    if line is None or line.baseline is None:
        return None
    start = dataset.plan.start_year
    baseline_year = start - 1 if line.baseline_year is None else line.baseline_year
    if baseline_year >= start:
        return None
    return YearRow(
        year=baseline_year,
        target=None,
        target_source=None,
        realization=line.baseline,
        missing=Missing(
            reason=Reason.NO_TARGET,
            part=Part.TARGET,
            values=(("year", baseline_year),),
            figure=Figure.ACHIEVEMENT,
        ),
        baseline=True,
    )


def _future_row(dataset: Dataset, code: str, year: int) -> YearRow:
    """A plan year after the report year: its target only."""
    target, source = _year_target(dataset, code, year)
    return YearRow(
        year=year,
        target=target,
        target_source=source,
        realization=None,
        missing=Missing(
            reason=Reason.AFTER_REPORT_YEAR,
            part=Part.YEARS,
            values=(("year", year),),
            figure=Figure.ACHIEVEMENT,
        ),
    )


def _plan_line(dataset: Dataset, code: str) -> IndicatorPlan | None:
    try:
        return dataset.plan.plan_for(code)
    except NotFoundError:
        return None


def _attempt(
    figure: Figure,
    compute: Callable[[], _T],
    missing: list[Missing],
    codes: Mapping[type[SakipError], Missing] | None = None,
    rule: str | None = None,
) -> _T | None:
    """``compute()``, or ``None`` with why it raised (by ``codes``, else its code) appended."""
    try:
        return compute()
    except SakipError as error:
        known = next((why for kind, why in (codes or {}).items() if isinstance(error, kind)), None)
        missing.append(known or _missing_of(error, figure, rule))
        return None


def _to_date(series: Sequence[YearRow], start: int, year: int) -> RealizationToDate | None:
    rows = [row for row in series if start <= row.year <= year and not row.baseline]
    values = {row.year: row.realization for row in rows if row.realization is not None}
    if not values:
        return None
    missing = [row.year for row in rows if row.realization is None]
    return realization_to_date(values, missing=missing)


def _trend_points(
    series: Sequence[YearRow], year: int, to_date: RealizationToDate | None
) -> dict[int, Decimal]:
    if to_date is None:
        return {
            row.year: row.realization
            for row in series
            if row.year <= year and row.realization is not None
        }
    running: dict[int, Decimal] = {}
    total = Decimal(0)
    with exact():
        for trend_year, value in to_date.years:
            total += value
            running[trend_year] = total
    return running


def _end_comparison(
    dataset: Dataset,
    indicator: Indicator,
    year: int,
    series: Sequence[YearRow],
    method: ProjectionMethod | str,
) -> EndTargetComparison:
    plan = dataset.plan
    to_date = _to_date(series, plan.start_year, year) if indicator.cumulative else None
    current = next(row for row in series if row.year == year)
    result = EndTargetComparison(
        year=year,
        end_year=plan.end_year,
        # history gives an indicator measured in levels no end comparison
        end_target=cast(
            "Target | TargetRange | ComparatorTarget", plan.end_target(indicator.code)
        ),
        polarity=indicator.polarity,
        baseline=plan.plan_for(indicator.code).baseline,
        realization=to_date.value if to_date is not None else current.realization,
        to_date=to_date,
    )
    if result.realization is None:
        missing = tuple(_no_realization(year, figure) for figure in _END_FIGURES)
        return attrs.evolve(result, missing=missing)
    return _end_parts(result, result.realization, formula_of(dataset, indicator), series, method)


def _levels_missing(figure: Figure) -> Missing:
    return Missing(reason=Reason.LEVELS, part=Part.REALIZATION, figure=figure)


def _range_end_target(figure: Figure) -> Missing:
    return Missing(reason=Reason.RANGE_END_TARGET, part=Part.END_TARGET, figure=figure)


def _end_parts(
    result: EndTargetComparison,
    r: Decimal,
    formula: str | None,
    series: Sequence[YearRow],
    method: ProjectionMethod | str,
) -> EndTargetComparison:
    """The comparison's parts for realization ``r``, each computed or given a reason."""
    end_target, polarity, year = result.end_target, result.polarity, result.year
    missing: list[Missing] = []
    found_gap = _attempt(
        Figure.GAP,
        lambda: gap(realization=r, end_target=end_target, polarity=polarity),
        missing,
        {InvalidValueError: _range_end_target(Figure.GAP)},
    )
    achieved = _attempt(
        Figure.ACHIEVEMENT,
        lambda: achievement(realization=r, target=end_target, polarity=polarity, formula=formula),
        missing,
        rule=formula,
    )
    moved = _end_progress(r, result.baseline, end_target, missing)
    projected = _end_projection(
        series, year, result.to_date, end_year=result.end_year, method=method, missing=missing
    )
    needed = _attempt(
        Figure.NEEDED,
        lambda: needed_per_year(
            realization=r, end_target=end_target, year=year, end_year=result.end_year
        ),
        missing,
        {InvalidValueError: _range_end_target(Figure.NEEDED)},
    )
    return attrs.evolve(
        result,
        gap=found_gap,
        achievement=achieved,
        progress=moved,
        projection=projected,
        needed=needed,
        on_track=None if projected is None else _on_track(projected.value, result, formula),
        missing=tuple(missing),
    )


def _on_track(projected: Decimal, result: EndTargetComparison, formula: str | None) -> bool | None:
    """Whether the projection meets the end target, as its achievement would print it."""
    try:
        scored = achievement(
            realization=projected,
            target=result.end_target,
            polarity=result.polarity,
            formula=formula,
        )
    except UndefinedAchievementError:
        return None  # a projection the formula cannot score says nothing about the target
    return scored.met


_END_FIGURES = (Figure.GAP, Figure.ACHIEVEMENT, Figure.PROGRESS, Figure.PROJECTION, Figure.NEEDED)


def _end_progress(
    realization: Decimal,
    baseline: Decimal | None,
    end_target: TargetLike,
    missing: list[Missing],
) -> Progress | None:
    if baseline is None:
        missing.append(
            Missing(reason=Reason.NO_BASELINE, part=Part.BASELINE, figure=Figure.PROGRESS)
        )
        return None
    return _attempt(
        Figure.PROGRESS,
        lambda: progress(realization=realization, baseline=baseline, end_target=end_target),
        missing,
        {InvalidValueError: _range_end_target(Figure.PROGRESS)},
    )


def _end_projection(
    series: Sequence[YearRow],
    year: int,
    to_date: RealizationToDate | None,
    *,
    end_year: int,
    method: ProjectionMethod | str,
    missing: list[Missing],
) -> Projection | None:
    if year >= end_year:
        missing.append(
            Missing(reason=Reason.LAST_PLAN_YEAR, part=Part.YEARS, figure=Figure.PROJECTION)
        )
        return None
    if to_date is not None and to_date.missing:
        missing.append(
            Missing(
                reason=Reason.YEARS_MISSING,
                part=Part.REALIZATION,
                values=(("years", to_date.missing),),
                figure=Figure.PROJECTION,
            )
        )
        return None
    return _attempt(
        Figure.PROJECTION,
        lambda: projection(_trend_points(series, year, to_date), year=end_year, method=method),
        missing,
    )


def _standard(dataset: Dataset, code: str, year: int) -> NationalStandard | None:
    found = [s for s in dataset.standards if s.indicator == code and s.year in (year, None)]
    found.sort(key=lambda s: s.year is None)
    return found[0] if found else None


def history(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    scale: RatingScale | str | None = None,
    projection_method: ProjectionMethod | str = LEAST_SQUARES,
    cap: Number | None = None,
) -> IndicatorHistory:
    """The history of an indicator (analisis capaian kinerja) for chapter III of a report.

    The four comparisons PermenPANRB 53/2014 asks for, for one indicator and year:

    (a) this year against its target: the target of the year's performance agreement (PK)
    when the dataset has one that lists the indicator, else the Renstra target; the
    realization (quarters aggregated by the indicator's declared method); the achievement and
    its rating;
    (b) the series of the baseline and every year of the plan, each with its change from the
    previous year (difference, growth %, achievement change in points, improved or not);
    (c) the end target: gap, achievement against it, progress from the baseline, the sum to
    date for a cumulative indicator (which then stands for R in every part of (c)), the
    projection to the end year, the change per year still needed, and whether the indicator
    is on track;
    (d) a national standard from the dataset (one for the year before one for every year), or
    :class:`~sakip.NoStandard`.

    Nothing missing is read as 0: a year with no realization has ``realization`` ``None``, and
    every part that cannot be computed says why, with a :class:`~sakip.Missing`.

    Args:
        dataset: The plan, agreements, realizations and standards.
        code: The indicator's code.
        year: The report year.
        scale: The rating scale for achievements; ``None`` takes the indicator's, else the
            dataset's settings, else Permendagri 86/2017 (:mod:`sakip.analysis.settings`).
        projection_method: How to project to the end year (:data:`~sakip.end_target.PROJECTIONS`).
        cap: A cap on each year's achievement (100, 120), the uncapped figure kept; ``None``
            takes the indicator's, else the dataset's, else none. The end target's
            comparison (c) and the standard's (d) are never capped.

    Raises:
        NotFoundError: The plan has no indicator with that code.
    """
    indicator = dataset.plan.indicator(code)
    series = _series(dataset, indicator, year, scale, cap)
    current = next(row for row in series if row.year == year)
    missing: list[Missing] = []
    no_end_target = Missing(
        reason=Reason.NO_END_TARGET, part=Part.END_TARGET, figure=Figure.END_TARGET
    )
    if indicator.levels is not None:  # gap, progress and projection need numbers
        end = None
        missing.append(_levels_missing(Figure.END_TARGET))
    else:
        end = _attempt(
            Figure.END_TARGET,
            lambda: _end_comparison(dataset, indicator, year, series, projection_method),
            missing,
            {NotFoundError: no_end_target},
        )
    standard = _standard_part(dataset, indicator, current, missing)
    return IndicatorHistory(
        indicator=indicator,
        year=year,
        current=current,
        series=series,
        end=end,
        standard=standard,
        missing=tuple(missing),
    )


def _standard_part(
    dataset: Dataset, indicator: Indicator, current: YearRow, missing: list[Missing]
) -> StandardComparison | NoStandard | None:
    standard = _standard(dataset, indicator.code, current.year)
    if standard is None:  # always for a level indicator: the model gives it no standard
        return NoStandard(indicator=indicator.code, year=current.year)
    if current.realization is None:
        missing.append(_no_realization(current.year, Figure.STANDARD))
        return None
    realization = current.realization
    # A standard the formula cannot score (R ≠ 0 against a standard of 0) is a missing figure
    # with its reason, like every other part of the history, never an error for the report.
    return _attempt(
        Figure.STANDARD,
        lambda: compare_with_standard(
            realization=realization,
            standard=standard,
            polarity=indicator.polarity,
            formula=formula_of(dataset, indicator),
        ),
        missing,
    )
