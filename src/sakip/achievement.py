"""Achievement (capaian kinerja): realization as a percentage of target.

The formulas are data. Each :class:`AchievementFormula` has a name, the polarity it serves, the
expression it prints and the regulation it comes from, and lives in :data:`FORMULAS`:

========== ========== ======================= ===========================================
name       polarity   expression              source
========== ========== ======================= ===========================================
direct     positive   R / T × 100             PermenPANRB 8/2021 ("kondisi normal")
mirror     negative   (2 × T − R) / T × 100   PermenPANRB 8/2021 ("kondisi khusus")
inverse    negative   T / R × 100             practice of some regencies only
========== ========== ======================= ===========================================

Around the formulas sit two rules: a :class:`~sakip.TargetRange` scores 100 inside and is
measured against the nearer bound outside (:data:`TARGET_RANGE_RULE`), and a zero target met
by a zero realization scores 100 while any other realization against it is not computable
(:data:`ZERO_TARGET_RULE`). A cap or a floor is applied only when asked for, and the uncapped
value stays available.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from typing import cast

import attrs

from sakip._decimal import CONTEXT, HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._results import PercentFigure
from sakip.exceptions import InvalidValueError, UndefinedAchievementError
from sakip.locale import format_number
from sakip.model import Polarity, Target, TargetLike, TargetRange
from sakip.rules import EvidenceGrade, Registry, Source

__all__ = [
    "DIRECT",
    "FORMULAS",
    "INVERSE",
    "MIRROR",
    "TARGET_RANGE_RULE",
    "ZERO_TARGET_RULE",
    "Achievement",
    "AchievementFormula",
    "Rule",
    "achievement",
    "default_formula",
]


@attrs.frozen(kw_only=True, repr=False)
class Rule(Displayed):
    """A named rule with its source, applied around the formulas."""

    name: str
    title: str
    source: Source


@attrs.frozen(kw_only=True, repr=False)
class AchievementFormula(Displayed):
    """A formula that turns a realization ``R`` and a target ``T`` into an achievement %.

    Attributes:
        name: The registered name ("mirror").
        polarity: The polarity it serves.
        title: What it is, in a phrase.
        expression: The formula as printed, with ``{R}`` and ``{T}`` where the numbers go.
        compute: ``compute(R, T)`` returns the exact percentage; it runs in sakip's private
            decimal context and raises :class:`~sakip.UndefinedAchievementError` where the
            formula is undefined. ``T`` is never zero:
            :data:`~sakip.achievement.ZERO_TARGET_RULE` decides that case before any formula
            runs.
        source: Where the formula comes from.
    """

    name: str
    polarity: Polarity = attrs.field(converter=Polarity)
    title: str
    expression: str
    compute: Callable[[Decimal, Decimal], Decimal] = attrs.field(eq=False, repr=False)
    source: Source

    def render(self, realization: Decimal, target: Decimal) -> str:
        """The expression with the numbers in it, in Indonesian notation."""
        return self.expression.format(R=format_number(realization), T=format_number(target))


FORMULAS: Registry[AchievementFormula] = Registry("achievement formula")
"""Every achievement formula, by name; :meth:`~sakip.Registry.register` adds your own."""

_PERMENPANRB_8_2021 = "PermenPANRB 8/2021"


def _require_positive_target(realization: Decimal, target: Decimal) -> None:
    if target < 0:
        raise UndefinedAchievementError(
            "the formula needs a target above zero", realization, target
        )


# The built-in formulas compute through CONTEXT's own methods, so they are exact in any
# caller's context without entering a local one (a context copy per call).
_TWO = Decimal(2)


def _direct(realization: Decimal, target: Decimal) -> Decimal:
    _require_positive_target(realization, target)
    return CONTEXT.divide(CONTEXT.multiply(realization, HUNDRED), target)


def _mirror(realization: Decimal, target: Decimal) -> Decimal:
    _require_positive_target(realization, target)
    twice = CONTEXT.multiply(_TWO, target)
    return CONTEXT.divide(CONTEXT.multiply(CONTEXT.subtract(twice, realization), HUNDRED), target)


def _inverse(realization: Decimal, target: Decimal) -> Decimal:
    _require_positive_target(realization, target)
    if realization <= 0:
        raise UndefinedAchievementError(
            "the inverse formula T / R needs a realization above zero", realization, target
        )
    return CONTEXT.divide(CONTEXT.multiply(target, HUNDRED), realization)


_CONTEXT_FREE = frozenset((_direct, _mirror, _inverse))
"""Formula functions that need no local context (any other one runs inside :func:`exact`)."""


DIRECT = FORMULAS.register(
    AchievementFormula(
        name="direct",
        polarity=Polarity.POSITIVE,
        title="realization over target (higher is better)",
        expression="{R} / {T} × 100",
        compute=_direct,
        source=Source(
            reference=_PERMENPANRB_8_2021,
            location='Lampiran, "kondisi normal"; also the PermenPANRB 53/2014 format',
            grade=EvidenceGrade.REGULATION,
        ),
    )
)
"""R / T × 100 for positive polarity; PermenPANRB 8/2021 [REG]."""
MIRROR = FORMULAS.register(
    AchievementFormula(
        name="mirror",
        polarity=Polarity.NEGATIVE,
        title="twice the target less the realization, over the target (lower is better)",
        expression="(2 × {T} − {R}) / {T} × 100",
        compute=_mirror,
        source=Source(
            reference=_PERMENPANRB_8_2021,
            location='Lampiran, "kondisi khusus"; LKjIPs citing Permendagri 54/2010',
            grade=EvidenceGrade.REGULATION,
            note="200 at R = 0; below 0 when R > 2T, kept unless a floor is asked for.",
        ),
    )
)
"""(2T − R) / T × 100 for negative polarity, the default; PermenPANRB 8/2021 [REG]."""
INVERSE = FORMULAS.register(
    AchievementFormula(
        name="inverse",
        polarity=Polarity.NEGATIVE,
        title="target over realization (lower is better)",
        expression="{T} / {R} × 100",
        compute=_inverse,
        source=Source(
            reference="Practice of some regencies' LKjIPs",
            grade=EvidenceGrade.PRACTICE,
            note="Not in any regulation; undefined at R = 0. Offered by name, never a default.",
        ),
    )
)
"""T / R × 100 for negative polarity, by name only; practice of some regencies [PRACTICE]."""

TARGET_RANGE_RULE = Rule(
    name="target-range",
    title="inside the range 100; outside, the polarity's formula against the nearer bound",
    source=Source(
        reference=_PERMENPANRB_8_2021,
        location="p. 99-100, 110",
        grade=EvidenceGrade.REGULATION,
        note='Its example 92 in 80-90 prints "113 %"; the formula gives 102,22 %.',
    ),
)
"""Inside a range 100; outside, the formula against the nearer bound (PermenPANRB 8/2021)."""
ZERO_TARGET_RULE = Rule(
    name="zero-target",
    title="T = 0 and R = 0 is a target met (100); T = 0 with R ≠ 0 is not computable",
    source=Source(
        reference="sakip policy; no regulation covers a zero target",
        grade=EvidenceGrade.POLICY,
    ),
)
"""T = 0 and R = 0 scores 100; T = 0 with R ≠ 0 is not computable (sakip policy)."""

_DEFAULT_FORMULAS = {Polarity.POSITIVE: DIRECT, Polarity.NEGATIVE: MIRROR}


def default_formula(polarity: Polarity | str) -> AchievementFormula:
    """The formula used when none is named: ``direct`` for positive, ``mirror`` for negative."""
    return _DEFAULT_FORMULAS[_polarity(polarity)]


def _polarity(value: object) -> Polarity:
    """The polarity ``value`` names; a text is parsed once and remembered."""
    if isinstance(value, Polarity):
        return value
    if isinstance(value, str):
        return _parsed_polarity(value)
    return cast("Polarity", Polarity.parse(value, "polarity"))  # which refuses it, naming both


@functools.lru_cache(maxsize=256)
def _parsed_polarity(text: str) -> Polarity:
    return cast("Polarity", Polarity.parse(text, "polarity"))


@attrs.frozen(kw_only=True, repr=False)
class Achievement(PercentFigure):
    """An achievement (capaian): the figure, how it was reached, and the rules behind it.

    Attributes:
        value: The achievement % after any cap or floor, exact and unrounded.
        uncapped: The achievement % before any cap or floor.
        realization: The realization (R).
        target: The target (T): a number or a :class:`~sakip.TargetRange`.
        formula: The formula of the indicator's polarity.
        compared_with: The number the formula compared R with (T, or the nearer bound of a
            range); ``None`` when no formula was needed (inside a range, or a zero target met).
        cap: The cap asked for, if any.
        floor: The floor asked for, if any.
    """

    uncapped: Decimal
    realization: Decimal
    target: Decimal | TargetRange
    formula: AchievementFormula
    compared_with: Decimal | None
    cap: Decimal | None = None
    floor: Decimal | None = None

    _dict_properties = ("percent", "met", "capped", "rules")

    def _headline(self) -> str:
        from sakip.scales import classify  # noqa: PLC0415 - scales builds on this module

        target = self.target
        of = (
            f"{format_number(target.low)}–{format_number(target.high)}"
            if isinstance(target, TargetRange)
            else format_number(target)
        )
        return f"{format_number(self.percent, 2)} % of {of}: {classify(self).label}"

    @property
    def capped(self) -> bool:
        """Whether a cap or a floor changed the figure."""
        return self.value != self.uncapped

    @property
    def met(self) -> bool:
        """Whether the target is met (target tercapai), as the printed figure shows it.

        It is met when the printed achievement is 100 or more, for a single target and for a
        range alike: inside a range scores 100, and a realization beyond it on the polarity's
        good side scores more (8 minutes against 10–15, lower is better, is 120,00 %), so it
        is met; on the bad side it scores less and is not. A figure that prints 100,00 is met
        even where the exact quotient is a hair below 100, so the words never contradict the
        figure. A cap limits the score, not the fact: the figure before the cap decides.

        >>> achievement(realization=8, target=TargetRange(10, 15), polarity="negative").met
        True
        """
        return round_half_up(self.uncapped) >= HUNDRED  # a cap limits the score, not the fact

    @property
    def rules(self) -> tuple[AchievementFormula | Rule, ...]:
        """The rules that produced this figure, the formula first."""
        extra: list[AchievementFormula | Rule] = []
        if isinstance(self.target, TargetRange):
            extra.append(TARGET_RANGE_RULE)
        if self.compared_with is None and not isinstance(self.target, TargetRange):
            extra.append(ZERO_TARGET_RULE)
        return (self.formula, *extra)

    def explain(self) -> str:
        """The computation with its numbers, in Indonesian notation.

        >>> achievement(realization=95, target="94.6").explain()
        '95 / 94,6 × 100 = 100,42 %'
        """
        if self.compared_with is None:
            steps = self._no_formula_step()
        else:
            steps = self.formula.render(self.realization, self.compared_with)
            if isinstance(self.target, TargetRange):
                side = "bawah" if self.compared_with == self.target.low else "atas"
                steps = (
                    f"di luar rentang, batas {side} {format_number(self.compared_with)}: {steps}"
                )
        if self.capped:
            limit = self.cap if self.cap is not None and self.uncapped > self.value else self.floor
            steps = (
                f"{steps} = {format_number(self.uncapped, 2)} %, dibatasi {format_number(limit)}"  # type: ignore[arg-type]  # capped implies a limit
            )
        return f"{steps} = {format_number(self.percent, 2)} %"

    def _no_formula_step(self) -> str:
        if isinstance(self.target, TargetRange):
            low, high = format_number(self.target.low), format_number(self.target.high)
            return f"{low} ≤ {format_number(self.realization)} ≤ {high}: dalam rentang target"
        return "T = 0 dan R = 0: target nol terpenuhi"


def _resolve_formula(
    polarity: Polarity | str, formula: AchievementFormula | str | None
) -> AchievementFormula:
    wanted = _polarity(polarity)
    if formula is None:
        return _DEFAULT_FORMULAS[wanted]
    chosen = FORMULAS.resolve(formula)
    if chosen.polarity is not wanted:
        fitting = [f.name for f in FORMULAS if f.polarity is wanted]
        raise InvalidValueError(
            "formula", chosen.name, f"a formula for {wanted} polarity ({', '.join(fitting)})"
        )
    return chosen


def _point(
    formula: AchievementFormula, realization: Decimal, target: Decimal
) -> tuple[Decimal, Decimal | None]:
    """The uncapped value against one number, and the number compared with."""
    if target == 0:
        if realization == 0:
            return HUNDRED, None
        raise UndefinedAchievementError(
            "a realization other than 0 against a target of 0 has no percentage",
            realization,
            target,
        )
    if formula.compute in _CONTEXT_FREE:
        return formula.compute(realization, target), target
    with exact():
        return formula.compute(realization, target), target


def _against_range(
    formula: AchievementFormula, realization: Decimal, target: TargetRange
) -> tuple[Decimal, Decimal | None]:
    """100 inside the range; outside, the formula against the nearer bound."""
    if target.low <= realization <= target.high:
        return HUNDRED, None
    nearer = target.low if realization < target.low else target.high
    return _point(formula, realization, nearer)


def _target(target: Number | TargetLike) -> Decimal | TargetRange:
    if type(target) is Decimal and target.is_finite():  # the common case, first
        return target
    if isinstance(target, TargetRange):
        return target
    if isinstance(target, Target):
        return target.value
    return to_decimal(target, "target")


def _limits(cap: Number | None, floor: Number | None) -> tuple[Decimal | None, Decimal | None]:
    if cap is None and floor is None:
        return None, None
    cap_ = None if cap is None else to_decimal(cap, "cap")
    floor_ = None if floor is None else to_decimal(floor, "floor")
    if cap_ is not None and floor_ is not None and floor_ > cap_:
        raise InvalidValueError("floor", floor_, f"at most the cap {cap_}")
    return cap_, floor_


def achievement(
    *,
    realization: Number,
    target: Number | TargetLike,
    polarity: Polarity | str = Polarity.POSITIVE,
    formula: AchievementFormula | str | None = None,
    cap: Number | None = None,
    floor: Number | None = None,
) -> Achievement:
    """Achievement (capaian kinerja): realization as a percentage of target.

    Args:
        realization: The realization (R).
        target: The target (T): a number, a :class:`~sakip.Target` or a
            :class:`~sakip.TargetRange`.
        polarity: ``"positive"`` (higher is better, the default) or ``"negative"``; the
            Indonesian ``"positif"``/``"negatif"`` work too.
        formula: A formula or its name; ``None`` takes ``direct`` for positive and ``mirror``
            for negative polarity. It must serve the polarity given.
        cap: An upper limit on the figure (100, 120, ...); the uncapped figure is kept.
        floor: A lower limit (0, say) for the mirror formula, which goes below 0 when R > 2T.

    Raises:
        InvalidValueError: An input is not a finite number, or the formula does not fit the
            polarity.
        UnknownRuleError: No formula has that name.
        UndefinedAchievementError: The formula is undefined here: R ≠ 0 against T = 0, a
            negative target, or the inverse formula at R = 0.

    >>> a = achievement(realization=95, target="94.6")
    >>> a.percent
    Decimal('100.42')
    >>> achievement(realization=8, target=10, polarity="negatif").explain()
    '(2 × 10 − 8) / 10 × 100 = 120,00 %'
    >>> achievement(realization=92, target=TargetRange(80, 90)).explain()
    'di luar rentang, batas atas 90: 92 / 90 × 100 = 102,22 %'
    >>> achievement(realization=130, target=100, cap=100).explain()
    '130 / 100 × 100 = 130,00 %, dibatasi 100 = 100,00 %'
    """
    chosen = _resolve_formula(polarity, formula)
    r = to_decimal(realization, "realization")
    t = _target(target)
    cap_, floor_ = _limits(cap, floor)
    if isinstance(t, TargetRange):
        uncapped, compared = _against_range(chosen, r, t)
    else:
        uncapped, compared = _point(chosen, r, t)
    value = uncapped if cap_ is None else min(uncapped, cap_)
    value = value if floor_ is None else max(value, floor_)
    return Achievement(
        value=value,
        uncapped=uncapped,
        realization=r,
        target=t,
        formula=chosen,
        compared_with=compared,
        cap=cap_,
        floor=floor_,
    )
