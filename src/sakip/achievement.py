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
from typing import TYPE_CHECKING, Any, cast, overload

import attrs

from sakip._decimal import (
    CONTEXT,
    HUNDRED,
    MAX_EXPONENT,
    Number,
    exact,
    in_range,
    round_half_up,
    to_decimal,
)
from sakip._display import Displayed
from sakip._figures import Writing, typed
from sakip._results import PercentFigure
from sakip.exceptions import InvalidValueError, UndefinedAchievementError
from sakip.locale import format_number
from sakip.model import Polarity, Target, TargetLike, TargetRange
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.targets import ComparatorTarget, LevelTarget
from sakip.text import N_

__all__ = [
    "CAP_RULE",
    "COMPARATOR_TARGET_RULE",
    "DIRECT",
    "FORMULAS",
    "INVERSE",
    "LEVEL_FORMULAS",
    "MET_OR_NOT",
    "MIRROR",
    "RANK_RATIO",
    "TARGET_RANGE_RULE",
    "ZERO_TARGET_RULE",
    "Achievement",
    "AchievementFormula",
    "LevelAchievement",
    "LevelFormula",
    "Rule",
    "achievement",
    "default_formula",
]


@attrs.frozen(kw_only=True, repr=False)
class Rule(Displayed, DescribedRule):
    """A named rule with its source, applied around the formulas."""

    rule_kind = N_("Aturan capaian")

    name: str
    title: str
    source: Source


@attrs.frozen(kw_only=True, repr=False)
class AchievementFormula(Displayed, DescribedRule):
    """A formula that turns a realization ``R`` and a target ``T`` into an achievement %.

    Attributes:
        name: The registered name ("mirror").
        polarity: The polarity it serves.
        title: What it is, in a phrase.
        expression: The formula as printed, with ``{R}`` and ``{T}`` where the numbers go.
        compute: ``compute(R, T)`` returns the exact percentage; it runs in sakip's private
            decimal context and raises :class:`~sakip.UndefinedAchievementError` where the
            formula is undefined. ``T`` is never zero:
            :data:`~sakip.formulas.ZERO_TARGET_RULE` decides that case before any formula
            runs.
        source: Where the formula comes from.
    """

    rule_kind = N_("Rumus capaian")

    name: str
    polarity: Polarity = attrs.field(converter=Polarity)
    title: str
    expression: str
    compute: Callable[[Decimal, Decimal], Decimal] = attrs.field(eq=False, repr=False)
    source: Source

    def render(self, realization: Decimal, target: Decimal, *, lang: str = "id") -> str:
        """The expression with the numbers in it, in the notation of ``lang``."""
        return self.expression.format(R=typed(realization, lang=lang), T=typed(target, lang=lang))


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
COMPARATOR_TARGET_RULE = Rule(
    name="comparator-target",
    title="the comparator gives the polarity; the formula runs against the bound",
    source=Source(
        reference="Practice of LKjIPs with targets such as ≥ 80",
        grade=EvidenceGrade.PRACTICE,
        note="Reports print R / 80 for ≥ 80; > and < are met only strictly beyond the bound.",
    ),
)
"""≥ 80 is positive, ≤ 5 negative; the polarity's formula runs against the bound [PRACTICE]."""

CAP_RULE = Rule(
    name="achievement-cap",
    title="an achievement above the cap counts as the cap; the uncapped figure is kept",
    source=Source(
        reference="Practice of reports that cap at 100; PermenPANRB 8/2021 caps individual "
        "performance at 120",
        grade=EvidenceGrade.PRACTICE,
        note="Opt-in: most LKjIPs print achievements uncapped (184,75 %), as sakip does.",
    ),
)
"""A cap on achievements, asked for by a body (an option, a setting, ``--cap``) [PRACTICE]."""

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
    return Polarity.parse(value, "polarity")  # which refuses it, naming both


@functools.lru_cache(maxsize=256)
def _parsed_polarity(text: str) -> Polarity:
    return Polarity.parse(text, "polarity")


@attrs.frozen(kw_only=True, repr=False)
class Achievement(PercentFigure):
    """An achievement (capaian): the figure, how it was reached, and the rules behind it.

    Attributes:
        value: The achievement % after any cap or floor, exact and unrounded.
        uncapped: The achievement % before any cap or floor.
        realization: The realization (R).
        target: The target (T): a number, a :class:`~sakip.TargetRange` or a
            :class:`~sakip.ComparatorTarget`.
        formula: The formula of the indicator's polarity.
        compared_with: The number the formula compared R with (T, or the nearer bound of a
            range); ``None`` when no formula was needed (inside a range, or a zero target met).
        cap: The cap asked for, if any.
        floor: The floor asked for, if any.
    """

    uncapped: Decimal
    realization: Decimal
    target: Decimal | TargetRange | ComparatorTarget
    formula: AchievementFormula
    compared_with: Decimal | None
    cap: Decimal | None = None
    floor: Decimal | None = None

    _dict_properties = ("percent", "met", "capped", "rules")

    if not TYPE_CHECKING:  # pragma: no branch - type checkers keep checking attribute names

        def __getattr__(self, name: str) -> object:
            # Python calls this only for a name it did not find: here, a field the lean path
            # left unset (see _common_achievement). It is filled in once, as __init__ would
            # have set it, so a lean result and a general one are the same in every way.
            source = _LEAN_FIELDS.get(name, _NOT_LEAN)
            if source is _NOT_LEAN:
                message = f"{type(self).__name__!r} object has no attribute {name!r}"
                raise AttributeError(message, name=name, obj=self)
            value = None if source is None else getattr(self, source)
            object.__setattr__(self, name, value)
            return value

    def _headline(self) -> str:
        from sakip.scales import classify  # noqa: PLC0415 - scales builds on this module

        target = self.target
        if isinstance(target, TargetRange):
            of = f"{typed(target.low)}–{typed(target.high)}"
        elif isinstance(target, ComparatorTarget):
            of = f"{target.comparator.value} {typed(target.bound)}"
        else:
            of = typed(target)
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
        figure. A cap limits the score, not the fact: the figure before the cap decides. A
        strict comparator target is met only beyond its bound: ``< 0,49`` misses at 0,49.

        >>> achievement(realization=8, target=TargetRange(10, 15), polarity="negative").met
        True
        """
        if isinstance(self.target, ComparatorTarget) and self.target.comparator.strict:
            return self.target.is_met_by(self.realization)
        return round_half_up(self.uncapped) >= HUNDRED  # a cap limits the score, not the fact

    @property
    def rules(self) -> tuple[AchievementFormula | Rule, ...]:
        """The rules that produced this figure, the formula first."""
        extra: list[AchievementFormula | Rule] = []
        if isinstance(self.target, TargetRange):
            extra.append(TARGET_RANGE_RULE)
        if isinstance(self.target, ComparatorTarget):
            extra.append(COMPARATOR_TARGET_RULE)
        if self.compared_with is None and not isinstance(self.target, TargetRange):
            extra.append(ZERO_TARGET_RULE)
        return (self.formula, *extra)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> achievement(realization=95, target="94.6").explain()
        '95 / 94,6 × 100 = 100,42 %'
        >>> achievement(realization=95, target="94.6").explain(lang="en")
        '95 / 94.6 × 100 = 100.42%'
        """
        w = Writing.of(lang, numbers)
        if self.compared_with is None:
            steps = self._no_formula_step(w)
        else:
            steps = self.formula.render(self.realization, self.compared_with, lang=w.numbers)
            if isinstance(self.target, TargetRange):
                message = _BELOW if self.compared_with == self.target.low else _ABOVE
                steps = w.gettext(message, bound=w.n(self.compared_with), steps=steps)
        return _with_limits(steps, self, w)

    def _no_formula_step(self, w: Writing) -> str:
        if isinstance(self.target, TargetRange):
            return w.gettext(
                "{low} ≤ {realization} ≤ {high}: dalam rentang target",
                low=w.n(self.target.low),
                realization=w.n(self.realization),
                high=w.n(self.target.high),
            )
        return w.gettext("T = 0 dan R = 0: target nol terpenuhi")


_BELOW = N_("di luar rentang, batas bawah {bound}: {steps}")
_ABOVE = N_("di luar rentang, batas atas {bound}: {steps}")


def _with_limits(steps: str, result: Achievement | LevelAchievement, w: Writing) -> str:
    """The steps, then the cap or floor that changed the figure, then the printed figure."""
    if result.capped:
        over = result.cap is not None and result.uncapped > result.value
        limit = cast(Decimal, result.cap if over else result.floor)  # capped implies a limit
        steps = w.gettext(
            "{steps} = {uncapped}, dibatasi {limit}",
            steps=steps,
            uncapped=w.pct(result.uncapped),
            limit=w.n(limit),
        )
    return f"{steps} = {w.pct(result.percent)}"


def _target_polarity(polarity: Polarity | str | None, target: object) -> Polarity:
    """The polarity given, or the one a comparator target implies; positive by default."""
    given = None if polarity is None else _polarity(polarity)
    if not isinstance(target, ComparatorTarget):
        return Polarity.POSITIVE if given is None else given
    if given is not None and given is not target.polarity:
        raise InvalidValueError(
            "polarity", str(given), f"{target.polarity}, as the target {target} says, or none"
        )
    return target.polarity


def resolve_formula(
    polarity: Polarity | str, formula: AchievementFormula | str | None
) -> AchievementFormula:
    """The formula named for ``polarity``, or the polarity's default; refused if unfit."""
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


def _target(
    target: Number | Target | TargetRange | ComparatorTarget,
) -> Decimal | TargetRange | ComparatorTarget:
    if type(target) is Decimal and target.is_finite() and in_range(target):  # the common case
        return target
    if isinstance(target, TargetRange | ComparatorTarget):
        return target
    if isinstance(target, Target):
        return target.value
    return to_decimal(target, "target")


def _limited(uncapped: Decimal, cap: Decimal | None, floor: Decimal | None) -> Decimal:
    value = uncapped if cap is None else min(uncapped, cap)
    return value if floor is None else max(value, floor)


def _limits(cap: Number | None, floor: Number | None) -> tuple[Decimal | None, Decimal | None]:
    if cap is None and floor is None:
        return None, None
    cap_ = None if cap is None else to_decimal(cap, "cap")
    floor_ = None if floor is None else to_decimal(floor, "floor")
    if cap_ is not None and floor_ is not None and floor_ > cap_:
        raise InvalidValueError("floor", floor_, f"at most the cap {cap_}")
    return cap_, floor_


_FAST_FORMULAS = {None: DIRECT, Polarity.POSITIVE: DIRECT, Polarity.NEGATIVE: MIRROR}
_FAST_INT = 10**15  # an int this small converts to Decimal exactly and cheaply
_ZERO = Decimal(0)
_multiply = CONTEXT.multiply  # bound once: the lean path's arithmetic, as _direct computes it
_divide = CONTEXT.divide
_text = CONTEXT.to_sci_string  # str() would follow the caller's context: "1e+500" if capitals=0


def _small_int(value: object) -> Decimal | None:
    """A small ``int`` as a ``Decimal``, or ``None`` for the general path."""
    if type(value) is int and -_FAST_INT < value < _FAST_INT:
        return Decimal(value)
    return None


def _common_achievement(
    realization: object, target: object, polarity: object
) -> Achievement | None:
    """The common call (numbers, a positive target, a built-in default formula), kept lean.

    It gives what the general path gives, without its dispatch on targets, formulas and
    limits; anything else (a text, a float, a range, a zero target, a cap) returns ``None``
    and takes the general path, which validates it. Every step is inline: at about a
    microsecond a call, a helper per number would be a fifth of the whole.
    """
    if polarity is not None and type(polarity) is not Polarity:
        return None
    r = realization if type(realization) is Decimal else _small_int(realization)
    t = target if type(target) is Decimal else _small_int(target)
    if r is None or t is None or not (r.is_finite() and t.is_finite()) or t <= _ZERO:
        return None
    # in_range's common case: a finite decimal printed without an exponent shows every digit,
    # so a text of at most MAX_EXPONENT characters bounds both its places and its magnitude.
    r_text, t_text = _text(r), _text(t)
    short = "E" not in r_text and "E" not in t_text and len(r_text) + len(t_text) <= MAX_EXPONENT
    if not short and not (in_range(r) and in_range(t)):
        return None
    chosen = _FAST_FORMULAS[polarity]
    # the direct formula's own steps inline (its check for a target above 0 is done above)
    value = _divide(_multiply(r, HUNDRED), t) if chosen is DIRECT else chosen.compute(r, t)
    # Achievement(value=value, uncapped=value, realization=r, target=t, formula=chosen,
    # compared_with=t), built through the fields' slots: attrs' __init__ sets each of eight
    # fields through a frozen __setattr__ look-up, most of the call's time. The four fields
    # that follow from the others (_LEAN_FIELDS) are left for Achievement.__getattr__ to fill
    # in when first read; a test checks that the two agree field by field, so equality,
    # hashing, repr, pickling and attrs.evolve see no difference.
    result = _new_object(Achievement)
    _set_value(result, value)
    _set_realization(result, r)
    _set_target(result, t)
    _set_formula(result, chosen)
    return result


_LEAN_FIELDS = {"uncapped": "value", "compared_with": "target", "cap": None, "floor": None}
"""The fields a lean result leaves unset, and the field each equals there (``None``: none)."""
_NOT_LEAN = object()
_new_object = object.__new__
_set_value = cast(Any, Achievement).value.__set__
_set_realization = cast(Any, Achievement).realization.__set__
_set_target = cast(Any, Achievement).target.__set__
_set_formula = cast(Any, Achievement).formula.__set__


@overload
def achievement(
    *,
    realization: str,
    target: LevelTarget,
    polarity: Polarity | str | None = None,
    formula: LevelFormula | str | None = None,
    cap: Number | None = None,
    floor: Number | None = None,
) -> LevelAchievement: ...


@overload
def achievement(
    *,
    realization: Number,
    target: Number | Target | TargetRange | ComparatorTarget,
    polarity: Polarity | str | None = None,
    formula: AchievementFormula | str | None = None,
    cap: Number | None = None,
    floor: Number | None = None,
) -> Achievement: ...


def achievement(
    *,
    realization: Number,
    target: Number | TargetLike,
    polarity: Polarity | str | None = None,
    formula: AchievementFormula | LevelFormula | str | None = None,
    cap: Number | None = None,
    floor: Number | None = None,
) -> Achievement | LevelAchievement:
    """Achievement (capaian kinerja): realization as a percentage of target.

    Args:
        realization: The realization (R); for a :class:`~sakip.LevelTarget`, a level of its
            scale (``"WTP"``).
        target: The target (T): a number, a :class:`~sakip.Target`, a
            :class:`~sakip.TargetRange`, a :class:`~sakip.ComparatorTarget` or a
            :class:`~sakip.LevelTarget` (see :func:`~sakip.parse_target`).
        polarity: ``"positive"`` (higher is better) or ``"negative"``; the Indonesian
            ``"positif"``/``"negatif"`` work too. ``None`` (the default) takes the
            polarity a comparator target implies, and positive otherwise; a polarity that
            contradicts the comparator is refused. A level target is always positive.
        formula: A formula or its name; ``None`` takes ``direct`` for positive and ``mirror``
            for negative polarity. It must serve the polarity given. For a level target, a
            :data:`~sakip.formulas.LEVEL_FORMULAS` name (``"rank-ratio"``, the default, or
            ``"met-or-not"``).
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
    >>> from sakip import parse_target
    >>> achievement(realization="0.5", target=parse_target("< 0,49")).explain()
    '(2 × 0,49 − 0,5) / 0,49 × 100 = 97,96 %'
    >>> achievement(realization="WDP", target=parse_target("WTP", scale="opini-bpk")).explain()
    'WDP (3) / WTP (4) × 100 = 75,00 %'
    """
    if formula is None and cap is None and floor is None:
        fast = _common_achievement(realization, target, polarity)
        if fast is not None:
            return fast
    if isinstance(target, LevelTarget):
        return _level_achievement(
            realization, target, polarity=polarity, formula=formula, cap=cap, floor=floor
        )
    if isinstance(formula, LevelFormula):
        raise InvalidValueError("formula", formula.name, "an achievement formula for a number")
    chosen = resolve_formula(_target_polarity(polarity, target), formula)
    r = to_decimal(realization, "realization")
    t = _target(target)
    cap_, floor_ = _limits(cap, floor)
    if isinstance(t, TargetRange):
        uncapped, compared = _against_range(chosen, r, t)
    elif isinstance(t, ComparatorTarget):
        uncapped, compared = _point(chosen, r, t.bound)
    else:
        uncapped, compared = _point(chosen, r, t)
    value = _limited(uncapped, cap_, floor_)
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


# --- level targets -------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class LevelFormula(Displayed, DescribedRule):
    """A rule that turns a realized level and a target level into an achievement %.

    Attributes:
        name: The registered name ("rank-ratio").
        title: What it is, in a phrase.
        compute: ``compute(realized_rank, target_rank)`` returns the exact percentage; ranks
            count from 1 at the scale's lowest level.
        source: Where the rule comes from.
    """

    rule_kind = N_("Rumus capaian target tingkat")

    name: str
    title: str
    compute: Callable[[int, int], Decimal] = attrs.field(eq=False, repr=False)
    source: Source


LEVEL_FORMULAS: Registry[LevelFormula] = Registry("level formula")
"""Every achievement rule for level targets, by name; register your own."""

_APPS_AND_REPORTS = "e-SAKIP apps of regional governments and the LKjIPs they produce"

RANK_RATIO = LEVEL_FORMULAS.register(
    LevelFormula(
        name="rank-ratio",
        title="the realized level's rank over the target level's rank",
        compute=lambda realized, target: Decimal(realized) * HUNDRED / Decimal(target),
        source=Source(
            reference=_APPS_AND_REPORTS,
            grade=EvidenceGrade.PRACTICE,
            note=(
                "The default: the apps rank the levels (TMP 1 ... WTP 4, D 1 ... AA 7) and "
                "print rank(R) / rank(T) × 100, a figure that rates and rolls up like any "
                "other; a level met exactly scores 100."
            ),
        ),
    )
)
"""rank(R) / rank(T) × 100, the default for level targets [PRACTICE]."""

MET_OR_NOT = LEVEL_FORMULAS.register(
    LevelFormula(
        name="met-or-not",
        title="100 when the realized level is at or above the target level, else 0",
        compute=lambda realized, target: HUNDRED if realized >= target else Decimal(0),
        source=Source(
            reference="LKjIPs that print only tercapai / tidak tercapai for a level",
            grade=EvidenceGrade.PRACTICE,
        ),
    )
)
"""100 when the level is reached, 0 when not, by name only [PRACTICE]."""


@attrs.frozen(kw_only=True, repr=False)
class LevelAchievement(PercentFigure):
    """The achievement of a level target (capaian target tingkatan): ``WTP`` against ``WTP``.

    Attributes:
        value: The achievement % after any cap or floor, exact and unrounded.
        uncapped: The achievement % before any cap or floor.
        realization: The realized level, as the scale prints it.
        target: The target level.
        formula: The rule that gave the percentage.
        cap: The cap asked for, if any.
        floor: The floor asked for, if any.
    """

    uncapped: Decimal
    realization: str
    target: LevelTarget
    formula: LevelFormula
    cap: Decimal | None = None
    floor: Decimal | None = None

    _dict_properties = ("percent", "met", "capped", "rules")

    def _headline(self) -> str:
        from sakip.scales import classify  # noqa: PLC0415 - scales builds on this module

        percent = format_number(self.percent, 2)
        return f"{percent} %, {self.realization} of {self.target.level}: {classify(self).label}"

    @property
    def capped(self) -> bool:
        """Whether a cap or a floor changed the figure."""
        return self.value != self.uncapped

    @property
    def met(self) -> bool:
        """Whether the realized level is at or above the target level (target tercapai)."""
        return self.target.scale.rank(self.realization) >= self.target.rank

    @property
    def rules(self) -> tuple[LevelFormula, ...]:
        """The rules that produced this figure."""
        return (self.formula,)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its levels and ranks, in ``lang``.

        >>> from sakip import parse_target
        >>> target = parse_target("A", scale="sakip-predicate")
        >>> achievement(realization="BB", target=target, formula="met-or-not").explain()
        'BB di bawah A: target tidak tercapai = 0,00 %'
        >>> achievement(realization="BB", target=target, formula="met-or-not").explain("en")
        'BB is below A: target not met = 0.00%'
        """
        w = Writing.of(lang, numbers)
        realized, wanted = self.realization, self.target.level
        if self.formula is RANK_RATIO:
            rank = self.target.scale.rank(realized)
            steps = f"{realized} ({rank}) / {wanted} ({self.target.rank}) × 100"
        elif self.met:
            steps = w.gettext(
                "{realized} mencapai {wanted}: target tercapai", realized=realized, wanted=wanted
            )
        else:
            steps = w.gettext(
                "{realized} di bawah {wanted}: target tidak tercapai",
                realized=realized,
                wanted=wanted,
            )
        return _with_limits(steps, self, w)


def _level_achievement(
    realization: object,
    target: LevelTarget,
    *,
    polarity: Polarity | str | None,
    formula: AchievementFormula | LevelFormula | str | None,
    cap: Number | None,
    floor: Number | None,
) -> LevelAchievement:
    if polarity is not None and Polarity.parse(polarity, "polarity") is not Polarity.POSITIVE:
        raise InvalidValueError("polarity", polarity, "positive, or none, for a level target")
    if isinstance(formula, AchievementFormula):
        raise InvalidValueError("formula", formula.name, "a level formula for a level target")
    chosen = RANK_RATIO if formula is None else LEVEL_FORMULAS.resolve(formula)
    level = target.scale.level(realization, "realization")
    cap_, floor_ = _limits(cap, floor)
    with exact():
        uncapped = chosen.compute(target.scale.rank(level), target.rank)
    return LevelAchievement(
        value=_limited(uncapped, cap_, floor_),
        uncapped=uncapped,
        realization=level,
        target=target,
        formula=chosen,
        cap=cap_,
        floor=floor_,
    )
