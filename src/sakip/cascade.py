"""The cascade below the objectives (pohon kinerja): checks, roll-ups and absorption per level.

The cascade runs objective (sasaran) → program → activity (kegiatan) → sub-activity (sub
kegiatan), each a :class:`~sakip.CascadeItem` in the ``cascade`` of a
:class:`~sakip.Dataset`. This module computes, in no language:

- :func:`check_cascade`: what a reviewer lists: a program that serves no
  objective, an activity with no program (or a sub-activity with no activity), an objective
  no program serves, and a level whose budget differs from the sum of the levels below (a
  finding, not an error). Each is a :class:`CascadeFinding` with a stable code.
- :func:`item_achievement` and :func:`cascade_rollup`: a level's achievement from its own
  indicators, and a parent's from its children's, by the roll-up rules of
  :data:`~sakip.rollup_methods.ROLLUP_METHODS` (each result names its rule; a child that
  cannot be computed is listed with its reason, never counted as 0).
- :func:`cascade_absorption`: each level's budget absorption (serapan anggaran).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import cast

import attrs

from sakip._decimal import Number
from sakip._display import Displayed
from sakip.achievement import Achievement, LevelAchievement, achievement
from sakip.aggregation import year_value
from sakip.budget import Absorption, TotalCheck, check_parts, line_absorption
from sakip.exceptions import NotFoundError, SakipError, UndefinedResultError
from sakip.model import BudgetLevel, BudgetLine, CascadeItem, Dataset, LevelTarget
from sakip.reasons import Missing, Part, Reason
from sakip.rollup import Rollup, RollupMethod, rollup
from sakip.text import N_, check_lang, gettext

__all__ = [
    "CascadeFinding",
    "FindingCode",
    "LevelBudget",
    "budget_checks",
    "budget_line_of",
    "cascade_absorption",
    "cascade_rollup",
    "check_cascade",
    "indicator_achievement",
    "item_achievement",
]


class FindingCode(enum.Enum):
    """What a finding on the cascade is about; the codes are stable, for programs."""

    PROGRAM_WITHOUT_OBJECTIVE = "program-without-objective"
    """A program that serves no objective (sasaran)."""
    ACTIVITY_WITHOUT_PARENT = "activity-without-parent"
    """An activity with no program, or a sub-activity with no activity."""
    OBJECTIVE_WITHOUT_PROGRAM = "objective-without-program"
    """An objective of the plan that no program serves."""
    BUDGET_DIFFERS = "budget-differs"
    """A level's budget differs from the sum of the budgets of the levels below."""


_MESSAGES = {
    FindingCode.PROGRAM_WITHOUT_OBJECTIVE: N_(
        "program {subject} tidak mendukung sasaran mana pun"
    ),
    FindingCode.OBJECTIVE_WITHOUT_PROGRAM: N_("sasaran {subject} tidak didukung program mana pun"),
    FindingCode.BUDGET_DIFFERS: N_(
        "anggaran {subject} berbeda dari jumlah anggaran di bawahnya: {check}"
    ),
}
_ORPHANS = {
    BudgetLevel.ACTIVITY: N_("kegiatan {subject} tidak berada di bawah program mana pun"),
    BudgetLevel.SUB_ACTIVITY: N_("sub kegiatan {subject} tidak berada di bawah kegiatan mana pun"),
}


@attrs.frozen(kw_only=True, repr=False)
class CascadeFinding(Displayed):
    """One thing the cascade holds that a reviewer lists (temuan pohon kinerja).

    Attributes:
        code: What it is about.
        subject: The code of the item (program, activity, sub-activity) or objective.
        level: The item's level; ``None`` for an objective.
        check: For a budget that differs, the check of its total against its parts.
    """

    code: FindingCode
    subject: str
    level: BudgetLevel | None = None
    check: TotalCheck | None = None

    def _headline(self) -> str:
        return self.explain("en")

    def explain(self, lang: str = "id") -> str:
        """The finding as a sentence in ``lang`` (``"id"`` or ``"en"``).

        >>> from sakip.cascade import CascadeFinding, FindingCode
        >>> CascadeFinding(code=FindingCode.OBJECTIVE_WITHOUT_PROGRAM, subject="S2").explain()
        'sasaran S2 tidak didukung program mana pun'
        """
        lang = check_lang(lang)
        if self.code is FindingCode.ACTIVITY_WITHOUT_PARENT:
            message = _ORPHANS[self.level or BudgetLevel.ACTIVITY]
        else:
            message = _MESSAGES[self.code]
        check = "" if self.check is None else self.check.explain(lang)
        return gettext(message, lang=lang, subject=self.subject, check=check)


def check_cascade(dataset: Dataset) -> tuple[CascadeFinding, ...]:
    """What the cascade holds that a reviewer lists, objectives first, then item by item.

    A dataset with no cascade has no finding (its objectives are not listed as unserved:
    the data says nothing of its programs).

    Args:
        dataset: The data, as loaded.
    """
    if not dataset.cascade:
        return ()
    findings = [
        CascadeFinding(code=FindingCode.OBJECTIVE_WITHOUT_PROGRAM, subject=objective.code)
        for objective in dataset.plan.objectives
        if not dataset.children_of(objective.code)
    ]
    for item in dataset.cascade:
        findings += _item_findings(dataset, item)
    return tuple(findings)


def _item_findings(dataset: Dataset, item: CascadeItem) -> Iterator[CascadeFinding]:
    if item.level is BudgetLevel.PROGRAM and not item.objectives:
        yield CascadeFinding(
            code=FindingCode.PROGRAM_WITHOUT_OBJECTIVE, subject=item.code, level=item.level
        )
    if item.level is not BudgetLevel.PROGRAM and item.parent is None:
        yield CascadeFinding(
            code=FindingCode.ACTIVITY_WITHOUT_PARENT, subject=item.code, level=item.level
        )
    for check in budget_checks(dataset, item.code):
        if not check.ok:
            yield CascadeFinding(
                code=FindingCode.BUDGET_DIFFERS, subject=item.code, level=item.level, check=check
            )


def budget_line_of(dataset: Dataset, code: str) -> BudgetLine | None:
    """The budget line a cascade item names, found at any depth of the budget; ``None`` if none.

    Raises:
        NotFoundError: No cascade item has that code.
    """
    item = dataset.cascade_item(code)
    if item.budget is None:
        return None
    return next(
        line for root in dataset.budget for line in root.walk() if line.code == item.budget
    )


def budget_checks(dataset: Dataset, code: str) -> tuple[TotalCheck, ...]:
    """A level's budget against the sum of its children's, matching or not.

    Made when the item and every child name a budget line (a child without one leaves no sum
    to compare); each check is labelled with the item's code.

    Raises:
        NotFoundError: No cascade item has that code.
    """
    line = budget_line_of(dataset, code)
    children = dataset.children_of(code)
    parts = [budget_line_of(dataset, child.code) for child in children]
    if line is None or not children or None in parts:
        return ()
    return check_parts(line, [part for part in parts if part is not None], where=code)


@attrs.frozen(kw_only=True, repr=False)
class LevelBudget(Displayed):
    """A level of the cascade and its budget absorption (serapan anggaran per tingkat).

    Attributes:
        item: The item's code.
        level: Its level.
        line: Its budget line; ``None`` when it names none.
        absorption: Its absorption; ``None`` when it has no line or the figure is missing.
        missing: Why the absorption is missing, when the line has one but spending is not
            reported or the ceiling is 0.
    """

    item: str
    level: BudgetLevel
    line: BudgetLine | None
    absorption: Absorption | None
    missing: Missing | None = None

    def _headline(self) -> str:
        return f"{self.item}: {'—' if self.absorption is None else self.absorption!r}"


def cascade_absorption(dataset: Dataset) -> tuple[LevelBudget, ...]:
    """Each level's budget absorption, in the cascade's order (serapan anggaran per tingkat).

    Absorption is :func:`sakip.line_absorption` of the item's budget line (on the revised
    ceiling when there is one).
    """
    return tuple(_level_budget(dataset, item) for item in dataset.cascade)


def _level_budget(dataset: Dataset, item: CascadeItem) -> LevelBudget:
    line = budget_line_of(dataset, item.code)
    if line is None:
        return LevelBudget(item=item.code, level=item.level, line=None, absorption=None)
    try:
        absorbed = line_absorption(line)
    except UndefinedResultError as error:
        missing = Missing(reason=error.reason or Reason.NO_SPENDING)
        return LevelBudget(
            item=item.code, level=item.level, line=line, absorption=None, missing=missing
        )
    return LevelBudget(item=item.code, level=item.level, line=line, absorption=absorbed)


def _level_achievement(
    dataset: Dataset, code: str, year: int, target: LevelTarget
) -> LevelAchievement | Missing | SakipError:
    """A level indicator's: the year's own level, else the latest quarter's, by its rule."""
    found = [r for r in dataset.realizations_of(code) if r.year == year and r.level is not None]
    chosen = [r for r in found if r.yearly] or found  # sorted by period: the latest is last
    if not chosen:
        return Missing(
            reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", year),)
        )
    level = cast("str", chosen[-1].level)
    try:
        return achievement(
            realization=level, target=target, formula=dataset.indicator(code).formula
        )
    except SakipError as error:
        return error


def indicator_achievement(
    dataset: Dataset, code: str, year: int
) -> Achievement | LevelAchievement | Missing | SakipError:
    """A cascade indicator's achievement in a year: its realization against its own target.

    The realization is the year's (or its quarters aggregated by the indicator's rule), the
    target the cascade item's for the year. What cannot be computed is returned, not raised:
    a :class:`~sakip.Missing` for a missing realization or target, the error a formula
    raised otherwise (:func:`sakip.rollup` lists either with its reason).

    Raises:
        NotFoundError: ``code`` names no indicator of the cascade.
    """
    item = dataset.owner_of(code)
    if item is None:
        raise NotFoundError("indicator of the cascade", code, _cascade_codes(dataset))
    indicator = dataset.indicator(code)
    try:
        target = item.plan_for(code).target(year)
    except NotFoundError:
        return Missing(reason=Reason.NO_TARGET, part=Part.TARGET, values=(("year", year),))
    if isinstance(target, LevelTarget):
        return _level_achievement(dataset, code, year, target)
    try:
        realized = year_value(indicator, dataset.realizations_of(code), year).value
    except NotFoundError:
        return Missing(
            reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", year),)
        )
    try:
        return achievement(
            realization=realized,
            target=target,
            polarity=indicator.polarity,
            formula=indicator.formula,
        )
    except SakipError as error:
        return error


def _cascade_codes(dataset: Dataset) -> list[str]:
    return [i.code for item in dataset.cascade for i in item.indicators]


def item_achievement(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    method: RollupMethod | str | None = None,
    weights: Mapping[str, Number] | None = None,
    cap: Number | None = None,
) -> Rollup:
    """A program's, activity's or sub-activity's achievement from its own indicators.

    Each indicator's achievement is :func:`indicator_achievement`; they roll up by
    :func:`sakip.rollup` (the unweighted mean by default; ``method``, ``weights`` and
    ``cap`` as there).

    Raises:
        NotFoundError: No cascade item has that code.
        UndefinedResultError: No indicator of the item has a computable achievement.
    """
    item = dataset.cascade_item(code)
    children = {i.code: indicator_achievement(dataset, i.code, year) for i in item.indicators}
    return rollup(children, method=method, weights=weights, cap=cap)


def cascade_rollup(
    dataset: Dataset,
    code: str,
    year: int,
    *,
    method: RollupMethod | str | None = None,
    weights: Mapping[str, Number] | None = None,
    cap: Number | None = None,
) -> Rollup:
    """A level's achievement from the level below (capaian dari tingkat di bawahnya).

    ``code`` names an objective (its programs roll up), a program (its activities) or an
    activity (its sub-activities). Each child counts with its own achievement from its own
    indicators (:func:`item_achievement`); a child that has none is listed with its reason.

    Raises:
        NotFoundError: ``code`` names neither an objective nor an item of the cascade.
        UndefinedResultError: No child has a computable achievement (or there is none).
    """
    children: dict[str, Rollup | BaseException] = {}
    for child in dataset.children_of(code):
        try:
            children[child.code] = item_achievement(dataset, child.code, year)
        except UndefinedResultError as error:
            children[child.code] = error
    return rollup(children, method=method, weights=weights, cap=cap)
