"""Roll-up (capaian sasaran dan tujuan): an objective's or a goal's achievement.

An objective (sasaran) is measured by its indicators; its achievement is the mean of theirs.
Published reports take the plain mean of the indicators' uncapped achievements, a practice
Kemensetneg states and several reports reproduce; that is the default here
(:data:`~sakip.rollup_methods.MEAN`). A weighted mean
(:data:`~sakip.rollup_methods.WEIGHTED_MEAN`) and a cap applied to each indicator before
averaging (:data:`~sakip.rollup_methods.CAP_BEFORE_MEAN`) are options, each a named rule with
its source.

An indicator whose achievement cannot be computed (no realization, no target, a zero target
missed) is listed in the result with its reason and left out of the mean; the result says over
how many indicators the mean runs. It is never counted as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import cast

import attrs

from sakip._decimal import Number, exact, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip._results import PercentFigure
from sakip.achievement import Achievement, LevelAchievement, Rule
from sakip.analysis.history import year_row
from sakip.exceptions import InvalidValueError, NotFoundError, UndefinedResultError
from sakip.model import Dataset, Goal, Indicator
from sakip.reasons import Missing, Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "CAP_BEFORE_MEAN",
    "MEAN",
    "ROLLUP_METHODS",
    "WEIGHTED_MEAN",
    "Rollup",
    "RollupChild",
    "RollupMethod",
    "goal_achievement",
    "objective_achievement",
    "rollup",
]


@attrs.frozen(kw_only=True, repr=False)
class RollupMethod(Displayed, DescribedRule):
    """A way to combine children's achievements into one (cara agregasi capaian).

    Attributes:
        name: The registered name ("mean").
        title: What it does, in a phrase.
        weighted: Whether it needs a weight per child.
        source: Where the method comes from.
    """

    rule_kind = N_("Cara agregasi capaian")

    name: str
    title: str
    weighted: bool
    source: Source


ROLLUP_METHODS: Registry[RollupMethod] = Registry("roll-up method")
"""Every roll-up method, by name."""

MEAN = ROLLUP_METHODS.register(
    RollupMethod(
        name="mean",
        title="unweighted mean of the indicators' uncapped achievements",
        weighted=False,
        source=Source(
            reference="Kemensetneg practice, reproduced in several LKjIPs",
            grade=EvidenceGrade.PRACTICE,
            note="No regulation prescribes how indicators roll up to an objective.",
        ),
    )
)
"""The unweighted mean of uncapped achievements, the default [PRACTICE, Kemensetneg]."""
WEIGHTED_MEAN = ROLLUP_METHODS.register(
    RollupMethod(
        name="weighted-mean",
        title="mean of the indicators' achievements weighted by the weights given",
        weighted=True,
        source=Source(
            reference="Practice of bodies that weight their indicators; no regulation",
            grade=EvidenceGrade.PRACTICE,
            note="Weights of indicators left out (not computable) drop out of the divisor.",
        ),
    )
)
"""The mean weighted by a weight per indicator [PRACTICE]."""
CAP_BEFORE_MEAN = Rule(
    name="cap-before-mean",
    title="each indicator's achievement is capped before the mean is taken",
    source=Source(
        reference="Practice of some reports; PermenPANRB 8/2021 caps individual scores at 120",
        grade=EvidenceGrade.PRACTICE,
        note="Opt-in: by default nothing is capped.",
    ),
)
"""The opt-in cap applied to each indicator before the mean [PRACTICE]."""


@attrs.frozen(kw_only=True, repr=False)
class RollupChild(Displayed):
    """One child of a roll-up: its achievement and the figure used, or why it was left out.

    Attributes:
        code: The child's code (an indicator's).
        achievement: Its achievement, or ``None`` when not computable.
        used: The figure that entered the mean (the uncapped achievement, capped when a cap
            was asked for); ``None`` when left out.
        weight: Its weight, for a weighted mean.
        missing: Why it was left out, as a :class:`~sakip.Missing`, when sakip knows why.
        note: Why it was left out, as the caller said it in text (printed as given).
        rollup: For a child that is itself a roll-up (a program under an objective), that
            roll-up; ``achievement`` is then ``None``.
    """

    code: str
    achievement: Achievement | LevelAchievement | None
    used: Decimal | None
    weight: Decimal | None = None
    missing: Missing | None = None
    note: str | None = None
    rollup: Rollup | None = None

    def why(self, lang: str = "id") -> str:
        """Why it was left out, in ``lang`` (the caller's own text as given); ``""`` if not."""
        if self.missing is not None:
            return self.missing.explain(lang=lang)
        return self.note or ""

    @property
    def computable(self) -> bool:
        """Whether the child entered the mean."""
        return self.used is not None


@attrs.frozen(kw_only=True, repr=False)
class Rollup(PercentFigure):
    """An objective's or goal's achievement from its children (capaian sasaran/tujuan).

    Attributes:
        value: The (weighted) mean of the computable children's figures, exact.
        children: Every child, in the order given, computable or not.
        method: The roll-up method.
        cap: The cap applied to each child before the mean, if any.
    """

    children: tuple[RollupChild, ...]
    method: RollupMethod
    cap: Decimal | None = None

    @property
    def computed(self) -> int:
        """How many children the mean runs over."""
        return len(self.included)

    @property
    def included(self) -> tuple[RollupChild, ...]:
        """The children that entered the mean."""
        return tuple(child for child in self.children if child.computable)

    @property
    def excluded(self) -> tuple[RollupChild, ...]:
        """The children left out, each with its reason."""
        return tuple(child for child in self.children if not child.computable)

    @property
    def rules(self) -> tuple[RollupMethod | Rule, ...]:
        """The rules that produced the figure."""
        return (self.method, CAP_BEFORE_MEAN) if self.cap is not None else (self.method,)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> a = sakip.achievement(realization=95, target="94.6")
        >>> b = sakip.achievement(realization=80, target=100)
        >>> rollup({"A": a, "B": b, "C": "tidak ada realisasi"}).explain()
        '(100,42 + 80,00) / 2 = 90,21 %; tidak dihitung: C (tidak ada realisasi)'
        >>> rollup({"A": a, "B": b}, cap=100).explain(lang="en")
        '(100.00 + 80.00) / 2, each achievement capped at 100 = 90.00%'
        """
        w = Writing.of(lang, numbers)
        figures = [(c.used, c.weight) for c in self.included if c.used is not None]
        if self.method.weighted:
            weights = [Decimal(0) if weight is None else weight for _, weight in figures]
            terms = " + ".join(
                f"{w.n(weight)} × {w.n2(used)}"
                for (used, _), weight in zip(figures, weights, strict=True)
            )
            with exact():
                total = sum(weights, Decimal(0))
            steps = f"({terms}) / {w.n(total)}"
        else:
            terms = " + ".join(w.n2(used) for used, _ in figures)
            steps = f"({terms}) / {len(figures)}"
        if self.cap is not None:
            steps = w.gettext(
                "{steps}, tiap capaian dibatasi {cap}", steps=steps, cap=w.n(self.cap)
            )
        text = f"{steps} = {w.pct(self.percent)}"
        if self.excluded:
            left = ", ".join(f"{c.code} ({c.why(w.lang)})" for c in self.excluded)
            text += "; " + w.gettext("tidak dihitung: {children}", children=left)
        return text


def _weights(weights: Mapping[str, Number] | None, codes: list[str]) -> dict[str, Decimal] | None:
    if weights is None:
        return None
    result = {}
    for code, weight in weights.items():
        if code not in codes:
            raise InvalidValueError("weights", code, f"a child's code ({', '.join(codes)})")
        value = to_decimal(weight, f"weights[{code!r}]")
        if value < 0:
            raise InvalidValueError(f"weights[{code!r}]", weight, "a weight of 0 or more")
        result[code] = value
    missing = [code for code in codes if code not in result]
    if missing:
        raise InvalidValueError("weights", dict(weights), f"a weight for {', '.join(missing)}")
    return result


def rollup(
    children: Mapping[
        str, Achievement | LevelAchievement | Rollup | Missing | BaseException | str
    ],
    *,
    method: RollupMethod | str | None = None,
    weights: Mapping[str, Number] | None = None,
    cap: Number | None = None,
) -> Rollup:
    """Roll children's achievements up into one (capaian sasaran/tujuan).

    Args:
        children: Each child's achievement by code (or its own :class:`Rollup`, for a level
            of the cascade); a child that cannot be computed maps to a
            :class:`~sakip.Missing`, to the error that said so, or to a reason in text, and
            is listed, not averaged.
        method: A :class:`RollupMethod` or its name; ``None`` takes ``"mean"``, or
            ``"weighted-mean"`` when weights are given.
        weights: A weight per child code (every child needs one), for the weighted mean.
        cap: A cap applied to each child's uncapped achievement before the mean.

    Raises:
        InvalidValueError: A weight is missing, negative or for an unknown child; weights were
            given to an unweighted method or are missing for a weighted one.
        UndefinedResultError: No child is computable, or the weights of the computable ones
            add up to 0.

    >>> a = sakip.achievement(realization=95, target="94.6")
    >>> b = sakip.achievement(realization="69.16", target="68.14")
    >>> rollup({"PPKS": a, "SAKIP": b}).percent
    Decimal('100.96')
    """
    chosen = _method(method, weights)
    by_code = _weights(weights, list(children))
    limit = None if cap is None else to_decimal(cap, "cap")
    rows = tuple(
        _child(code, child, None if by_code is None else by_code[code], limit)
        for code, child in children.items()
    )
    return Rollup(value=_mean(rows), children=rows, method=chosen, cap=limit)


def _method(
    method: RollupMethod | str | None, weights: Mapping[str, Number] | None
) -> RollupMethod:
    chosen = ROLLUP_METHODS.resolve(
        method if method is not None else ("mean" if weights is None else "weighted-mean")
    )
    if chosen.weighted and weights is None:
        raise InvalidValueError("weights", None, f"a weight per child for {chosen.name}")
    if not chosen.weighted and weights is not None:
        raise InvalidValueError("weights", dict(weights), f"no weights for {chosen.name}")
    return chosen


def _child(code: str, child: object, weight: Decimal | None, cap: Decimal | None) -> RollupChild:
    if isinstance(child, Achievement | LevelAchievement):
        used = child.uncapped if cap is None else min(child.uncapped, cap)
        return RollupChild(code=code, achievement=child, used=used, weight=weight)
    if isinstance(child, Rollup):  # a level below, rolled up already (the cascade)
        used = child.value if cap is None else min(child.value, cap)
        return RollupChild(code=code, achievement=None, used=used, weight=weight, rollup=child)
    left = RollupChild(code=code, achievement=None, used=None, weight=weight)
    if isinstance(child, Missing):
        return attrs.evolve(left, missing=child)
    if isinstance(child, UndefinedResultError) and child.reason is not None:
        return attrs.evolve(left, missing=_missing_of(child))
    if isinstance(child, BaseException | str):
        return attrs.evolve(left, note=str(child))
    raise InvalidValueError(
        f"children[{code!r}]",
        child,
        "an Achievement, a LevelAchievement, a Rollup, a Missing, an error or a reason",
    )


def _missing_of(error: UndefinedResultError) -> Missing:
    """The :class:`~sakip.Missing` of an error that carries a reason, with its figures."""
    values = tuple(
        (name, value)
        for name, value in error.inputs
        if isinstance(value, Decimal | int) and not isinstance(value, bool)
    )
    return Missing(reason=error.reason or Reason.RULE_REFUSED, values=values)


def _mean(rows: tuple[RollupChild, ...]) -> Decimal:
    """The (weighted) mean of the computable children's figures."""
    figures = [
        (row.used, Decimal(1) if row.weight is None else row.weight)
        for row in rows
        if row.used is not None
    ]
    if not figures:
        raise UndefinedResultError(
            "roll-up",
            "no child has a computable achievement",
            tuple((row.code, row.why("en")) for row in rows),
            Reason.NO_COMPUTABLE_CHILD,
        )
    with exact():
        # The mean as the first figure plus the weighted mean of the deviations from it: the
        # same number, and exact when every child is the same, so identical children roll up
        # to themselves whatever the precision.
        first = figures[0][0]
        divisor = sum((weight for _, weight in figures), Decimal(0))
        if divisor == 0:
            raise UndefinedResultError(
                "roll-up",
                "the weights of the computable children add up to 0",
                (),
                Reason.ZERO_WEIGHTS,
            )
        spread = sum((weight * (used - first) for used, weight in figures), Decimal(0))
        return first + spread / divisor


def _children(
    dataset: Dataset, indicators: tuple[Indicator, ...], year: int
) -> dict[str, Achievement | LevelAchievement | Missing]:
    result: dict[str, Achievement | LevelAchievement | Missing] = {}
    for indicator in indicators:
        row = year_row(dataset, indicator.code, year)
        # year_row gives an achievement or says why not
        found = row.achievement
        result[indicator.code] = found if found is not None else cast(Missing, row.missing)
    return result


def objective_achievement(
    dataset: Dataset,
    objective_code: str,
    year: int,
    *,
    method: RollupMethod | str | None = None,
    weights: Mapping[str, Number] | None = None,
    cap: Number | None = None,
) -> Rollup:
    """An objective's achievement (capaian sasaran) in a year, from its indicators.

    Each indicator's achievement is computed as in :func:`sakip.history` (the PK target when
    the year's agreement lists the indicator, else the Renstra target), then rolled up by
    :func:`rollup`.

    Raises:
        NotFoundError: The plan has no objective with that code.
        UndefinedResultError: No indicator of the objective has a computable achievement.
    """
    objective = dataset.plan.objective(objective_code)
    children = _children(dataset, objective.indicators, year)
    return rollup(children, method=method, weights=weights, cap=cap)


def _goal(dataset: Dataset, code: str) -> Goal:
    for goal in dataset.plan.goals:
        if goal.code == code:
            return goal
    raise NotFoundError("goal", code, (goal.code for goal in dataset.plan.goals))


def goal_achievement(
    dataset: Dataset,
    goal_code: str,
    year: int,
    *,
    method: RollupMethod | str | None = None,
    weights: Mapping[str, Number] | None = None,
    cap: Number | None = None,
) -> Rollup:
    """A goal's achievement (capaian tujuan) in a year, from its indicators.

    A goal measured by its own indicators (indikator tujuan) rolls those up; a goal without
    any rolls up every indicator of its objectives, each counting once (not the mean of the
    objectives' means, which would weight an indicator by how few siblings it has).

    Raises:
        NotFoundError: The plan has no goal with that code.
        UndefinedResultError: No indicator has a computable achievement.
    """
    goal = _goal(dataset, goal_code)
    indicators = goal.indicators or tuple(goal.all_indicators())
    return rollup(_children(dataset, indicators, year), method=method, weights=weights, cap=cap)
