"""Scoring a worksheet: criterion values, sub-component, component, total and predicate.

Two named methods (:data:`METHODS`) and a named rounding policy (:data:`ROUNDINGS`) say how
the answers become points; the default is the unrounded mean of a sub-component's criteria
times its weight. An unanswered criterion is never counted as 0: scoring raises
:class:`UnansweredError` naming every one, unless a partial score is asked for, and a partial
score lists what is missing and leaves those sub-components unscored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import typed
from sakip.evaluation import EvaluationScore, evaluation_score
from sakip.exceptions import InvalidValueError, SakipError
from sakip.lke._words import say
from sakip.lke.catalogue import CATALOGUES, Catalogue, Component, Criterion, SubComponent
from sakip.locale import format_number
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.scales import SAKIP_PREDICATE, SCALES, Rating, RatingScale
from sakip.text import N_, ngettext

__all__ = [
    "CRITERION_2",
    "MEAN_TIMES_WEIGHT",
    "METHODS",
    "NO_ROUNDING",
    "ROUNDINGS",
    "SUBCOMPONENT_2",
    "WEIGHTED_SUM",
    "Answer",
    "ComponentScore",
    "CriterionScore",
    "Rounding",
    "Score",
    "ScoringMethod",
    "SubComponentScore",
    "UnansweredError",
    "answer_value",
    "classify_total",
    "read_answers",
    "score",
    "score_components",
]

_SHOWN = 12  # unanswered criteria named in a message; the rest are counted

Answer = str | Number
"""An answer, the scale's code ("Y", "B") or, for letters defined on a share, the share."""


class UnansweredError(SakipError, ValueError):
    """Criteria left unanswered, when a full score was asked for.

    Attributes:
        missing: The codes of the unanswered criteria, in the worksheet's order.
    """

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__(tuple(missing))
        self.missing = tuple(missing)

    def missing_message(self) -> str:
        """How many criteria are unanswered, and the first of them."""
        return f"{len(self.missing)} unanswered criteria ({self.shown})"

    @property
    def shown(self) -> str:
        """The first unanswered criteria's codes, listed, with "…" when there are more."""
        return ", ".join(self.missing[:_SHOWN]) + (", …" if len(self.missing) > _SHOWN else "")

    def describe(self, lang: str = "id") -> str:
        """How many criteria are unanswered and the first of them, in ``lang``, for a person.

        >>> sakip.lke.UnansweredError(["1.a.1", "1.a.2"]).describe()
        '2 kriteria belum dijawab (1.a.1, 1.a.2)'
        >>> sakip.lke.UnansweredError(["1.a.1"]).describe(lang="en")
        '1 unanswered criterion (1.a.1)'
        """
        count = len(self.missing)
        return ngettext(
            "{count} kriteria belum dijawab ({shown})",
            "{count} kriteria belum dijawab ({shown})",
            count,
            lang=lang,
            count=count,
            shown=self.shown,
        )

    def __str__(self) -> str:
        return (
            f"{self.missing_message()}; answer them, or ask for partial=True to score only "
            "what is answered"
        )


@attrs.frozen(kw_only=True, repr=False)
class ScoringMethod(Displayed, DescribedRule):
    """How criterion values become a sub-component's score (metode penilaian).

    Attributes:
        name: The registered name.
        title: What it does.
        source: Who does it this way.
    """

    rule_kind = N_("Metode penilaian LKE")

    name: str
    title: str
    source: Source


METHODS: Registry[ScoringMethod] = Registry("LKE scoring method")
"""The scoring methods, by name."""

MEAN_TIMES_WEIGHT = METHODS.register(
    ScoringMethod(
        name="mean-times-weight",
        title="a sub-component scores the mean of its criteria's values times its weight",
        source=Source(
            reference="e-SAKIP evaluation apps (most of them)",
            grade=EvidenceGrade.PRACTICE,
            note="The default: equal criteria, no rounding before the sum.",
        ),
    )
)
"""Mean of the criteria's values × the sub-component's weight (the default) [PRACTICE]."""

WEIGHTED_SUM = METHODS.register(
    ScoringMethod(
        name="weighted-sum",
        title="a sub-component scores the sum of each criterion's value times its own weight",
        source=Source(
            reference="e-SAKIP evaluation apps (one of them)",
            grade=EvidenceGrade.PRACTICE,
            note="A criterion without a weight takes an equal share of the sub-component's; "
            "apps that print rounded weights (14,29 % of 6) differ from the mean by that.",
        ),
    )
)
"""Σ value × the criterion's own weight [PRACTICE]."""


@attrs.frozen(kw_only=True, repr=False)
class Rounding(Displayed, DescribedRule):
    """When points are rounded before they are added up (kebijakan pembulatan).

    Attributes:
        name: The registered name.
        title: What it does.
        level: ``"criterion"`` or ``"subcomponent"``: what is rounded; ``None``: nothing.
        places: Decimal places, half-up.
        source: Who does it.
    """

    rule_kind = N_("Pembulatan nilai LKE")

    name: str
    title: str
    source: Source
    level: str | None = None
    places: int = 2

    def apply(self, level: str, value: Decimal) -> Decimal:
        """``value`` rounded if this policy rounds at ``level``."""
        return round_half_up(value, self.places) if level == self.level else value


ROUNDINGS: Registry[Rounding] = Registry("LKE rounding policy")
"""The rounding policies, by name."""

NO_ROUNDING = ROUNDINGS.register(
    Rounding(
        name="none",
        title="nothing is rounded before the total; the printed total is rounded to 2 places",
        source=Source(reference="sakip policy", grade=EvidenceGrade.POLICY),
    )
)
"""No rounding before the printed total (the default) [POLICY]."""
CRITERION_2 = ROUNDINGS.register(
    Rounding(
        name="criterion-2",
        title="each criterion's points are rounded to 2 places before they are added up",
        level="criterion",
        source=Source(
            reference="e-SAKIP evaluation apps (one of them)", grade=EvidenceGrade.PRACTICE
        ),
    )
)
"""Each criterion's points rounded to 2 places, half-up [PRACTICE]."""
SUBCOMPONENT_2 = ROUNDINGS.register(
    Rounding(
        name="subcomponent-2",
        title="each sub-component's score is rounded to 2 places before it is added up",
        level="subcomponent",
        source=Source(
            reference="LKE workbooks printing sub-component scores", grade=EvidenceGrade.PRACTICE
        ),
    )
)
"""Each sub-component's score rounded to 2 places, half-up [PRACTICE]."""


def answer_value(criterion: Criterion, answer: Answer) -> tuple[str, Decimal]:
    """The answer's code and its value (0–1) on the criterion's scale.

    A number is a share (0–100) and is accepted only by a scale whose letters are defined on a
    share; it becomes that letter.
    """
    if isinstance(answer, str) and criterion.scale.shares is None:
        option = criterion.scale.option(answer)
        return option.code, option.value
    if isinstance(answer, str):
        try:
            option = criterion.scale.option(answer)
        except LookupError:
            to_decimal(answer, f"answer to {criterion.code}")  # a share written as text
            code = criterion.scale.from_share(answer)
            return code, criterion.scale.value(code)
        return option.code, option.value
    code = criterion.scale.from_share(answer)
    return code, criterion.scale.value(code)


def _fmt(value: Decimal, lang: str, places: int = 2) -> str:
    return format_number(round_half_up(value, places), places, lang=lang)


@attrs.frozen(kw_only=True, repr=False)
class CriterionScore(Displayed):
    """One criterion's answer, its value and the points it brings.

    Attributes:
        criterion: The criterion.
        answer: The answer's code.
        value: What the answer scores, 0–1.
        points: Its points in the total (after the rounding policy).
    """

    criterion: Criterion
    answer: str
    value: Decimal
    points: Decimal

    def _headline(self) -> str:
        return f"{self.criterion.code} {self.answer}: {format_number(self.points, 2)} points"

    def explain(self, lang: str = "id") -> str:
        """The criterion's answer and points in words.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> s = lke.score(cat, {"1.a.1": "Y"}, partial=True)
        >>> s.components[0].subscores[0].criteria[0].explain()
        '1.a.1: Y = 1 → 0,86'
        """
        return say(
            "criterion",
            lang,
            code=self.criterion.code,
            answer=self.answer,
            value=typed(self.value, lang=lang),
            points=_fmt(self.points, lang),
        )


@attrs.frozen(kw_only=True, repr=False)
class SubComponentScore(Displayed):
    """A sub-component's score, from its criteria.

    Attributes:
        subcomponent: The sub-component.
        value: Its score in points; ``None`` when a partial score left it unscored.
        criteria: Its answered criteria.
        missing: Its unanswered criteria's codes.
        method: The scoring method used.
    """

    subcomponent: SubComponent
    value: Decimal | None
    criteria: tuple[CriterionScore, ...]
    missing: tuple[str, ...]
    method: ScoringMethod

    def _headline(self) -> str:
        of = f"of {format_number(self.subcomponent.weight)}"
        if self.value is None:
            return f"{self.subcomponent.code}: unscored, {len(self.missing)} unanswered"
        return f"{self.subcomponent.code}: {format_number(round_half_up(self.value), 2)} {of}"

    def explain(self, lang: str = "id") -> str:
        """The computation with its numbers.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> answers = {"2.a.1": "Y", "2.a.2": "Y", "2.a.3": "T"}
        >>> s = lke.score(cat, answers, partial=True)
        >>> s.components[1].subscores[0].explain()
        '2.a Keberadaan: rata-rata (1 + 1 + 0) / 3 × 6 = 4,00 dari 6'
        >>> s.components[1].subscores[0].explain(lang="en")
        '2.a Keberadaan: mean (1 + 1 + 0) / 3 × 6 = 4.00 of 6'
        """
        sub = self.subcomponent
        common = {
            "code": sub.code,
            "kind": sub.kind.capitalize(),
            "weight": typed(sub.weight, lang=lang),
        }
        if self.value is None:
            return say("sub.missing", lang, missing=", ".join(self.missing), **common)
        value = _fmt(self.value, lang)
        if self.method is MEAN_TIMES_WEIGHT:
            terms = " + ".join(typed(c.value, lang=lang) for c in self.criteria)
            return say("sub.mean", lang, terms=terms, n=len(self.criteria), value=value, **common)
        terms = " + ".join(_fmt(c.points, lang) for c in self.criteria)
        return say("sub.sum", lang, terms=terms, value=value, **common)


@attrs.frozen(kw_only=True, repr=False)
class ComponentScore(Displayed):
    """A component's score: the sum of its scored sub-components.

    Attributes:
        component: The component.
        value: Its score in points.
        subscores: Its sub-components' scores.
    """

    component: Component
    value: Decimal
    subscores: tuple[SubComponentScore, ...]

    def _headline(self) -> str:
        weight = format_number(self.component.weight)
        value = format_number(round_half_up(self.value), 2)
        return f"{self.component.code} {self.component.name}: {value} of {weight}"

    @property
    def missing(self) -> tuple[str, ...]:
        """Its unanswered criteria."""
        return tuple(code for sub in self.subscores for code in sub.missing)

    def explain(self, lang: str = "id") -> str:
        """The sum with its numbers.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> s = lke.score(
        ...     cat, {c.code: "Y" for c in cat.subcomponent("4.a").criteria}, partial=True
        ... )
        >>> s.components[3].explain()
        '4 Evaluasi Akuntabilitas Kinerja Internal: 5,00 + – + – = 5,00 dari 25'
        """
        terms = " + ".join("–" if s.value is None else _fmt(s.value, lang) for s in self.subscores)
        return say(
            "component",
            lang,
            code=self.component.code,
            name=self.component.name,
            terms=terms,
            value=_fmt(self.value, lang),
            weight=typed(self.component.weight, lang=lang),
        )


@attrs.frozen(kw_only=True, repr=False)
class Score(Displayed):
    """A worksheet's score (nilai SAKIP): components, total and predicate.

    Attributes:
        catalogue: The worksheet scored.
        components: Each component's score.
        total: The total, exact (the rounding policy applied, nothing else).
        missing: Unanswered criteria (empty for a full score).
        method: The scoring method.
        rounding: The rounding policy.
        scale: The predicate scale.
    """

    catalogue: Catalogue
    components: tuple[ComponentScore, ...]
    total: Decimal
    missing: tuple[str, ...]
    method: ScoringMethod
    rounding: Rounding
    scale: RatingScale = SAKIP_PREDICATE

    def _headline(self) -> str:
        rating = self.predicate
        if rating is None:
            return f"{self.catalogue.name}: partial, {len(self.missing)} criteria unanswered"
        return f"{format_number(self.score, 2)} {self.catalogue.name}: {rating.label}"

    @property
    def complete(self) -> bool:
        """Whether every criterion is answered."""
        return not self.missing

    @property
    def score(self) -> Decimal:
        """The printed total, 2 places half-up."""
        return round_half_up(self.total)

    @property
    def covered(self) -> Decimal:
        """The weight of the sub-components scored (100 for a full score)."""
        with exact():
            return sum(
                (
                    s.subcomponent.weight
                    for c in self.components
                    for s in c.subscores
                    if s.value is not None
                ),
                Decimal(0),
            )

    @property
    def predicate(self) -> Rating | None:
        """The predicate of the printed total (AA … D); ``None`` for a partial score."""
        return classify_total(self.score, self.scale) if self.complete else None

    def subscore(self, code: str) -> SubComponentScore:
        """The score of the sub-component with this code."""
        sub = self.catalogue.subcomponent(code)
        return next(s for c in self.components for s in c.subscores if s.subcomponent is sub)

    def explain(self, lang: str = "id") -> str:
        """The total with its numbers and predicate, or what a partial score lacks.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> lke.score(cat, {c.code: c.scale.best for c in cat.criteria}).explain()
        '30,00 + 30,00 + 15,00 + 25,00 = 100,00 → AA (Sangat Memuaskan)'
        """
        terms = " + ".join(_fmt(c.value, lang) for c in self.components)
        value = _fmt(self.total, lang)
        rating = self.predicate
        if rating is None:
            missing = ", ".join(self.missing[:_SHOWN])
            missing += f", … ({len(self.missing)})" if len(self.missing) > _SHOWN else ""
            covered = typed(self.covered, lang=lang)
            return say(
                "total.partial", lang, terms=terms, value=value, covered=covered, missing=missing
            )
        return say(
            "total",
            lang,
            terms=terms,
            value=value,
            label=rating.label,
            meaning=rating.band.meaning,
        )


def classify_total(total: Decimal, scale: RatingScale) -> Rating:
    """The predicate of a printed total."""
    return scale.classify(total)


def _criterion_scores(
    sub: SubComponent,
    given: Mapping[str, tuple[str, Decimal]],
    method: ScoringMethod,
    rounding: Rounding,
) -> list[CriterionScore]:
    scores = []
    with exact():
        share = sub.weight / len(sub.criteria)
        for criterion in sub.criteria:
            if criterion.code not in given:
                continue
            code, value = given[criterion.code]
            weight = (
                criterion.weight
                if method is WEIGHTED_SUM and criterion.weight is not None
                else share
            )
            points = rounding.apply("criterion", value * weight)
            scores.append(
                CriterionScore(criterion=criterion, answer=code, value=value, points=points)
            )
    return scores


def _sub_value(
    sub: SubComponent, scores: list[CriterionScore], method: ScoringMethod, rounding: Rounding
) -> Decimal:
    with exact():
        if method is MEAN_TIMES_WEIGHT and rounding.level != "criterion":
            value = sum((c.value for c in scores), Decimal(0)) / len(scores) * sub.weight
        else:
            value = sum((c.points for c in scores), Decimal(0))
    return rounding.apply("subcomponent", value)


def _subscore(
    sub: SubComponent,
    given: Mapping[str, tuple[str, Decimal]],
    method: ScoringMethod,
    rounding: Rounding,
) -> SubComponentScore:
    if not sub.criteria:
        raise InvalidValueError(
            f"sub-component {sub.code}", sub.name, "a sub-component with criteria"
        )
    scores = _criterion_scores(sub, given, method, rounding)
    missing = tuple(c.code for c in sub.criteria if c.code not in given)
    value = None if missing else _sub_value(sub, scores, method, rounding)
    return SubComponentScore(
        subcomponent=sub, value=value, criteria=tuple(scores), missing=missing, method=method
    )


def read_answers(
    catalogue: Catalogue, answers: Mapping[str, Answer]
) -> dict[str, tuple[str, Decimal]]:
    """Each answer's code and value, by criterion code; an unknown code or answer raises."""
    found = {}
    for code, answer in answers.items():
        criterion = catalogue.criterion(code)
        found[criterion.code] = answer_value(criterion, answer)
    return found


def score(
    catalogue: Catalogue | str,
    answers: Mapping[str, Answer],
    *,
    method: ScoringMethod | str = MEAN_TIMES_WEIGHT,
    rounding: Rounding | str = NO_ROUNDING,
    partial: bool = False,
    scale: RatingScale | str = SAKIP_PREDICATE,
) -> Score:
    """Score a worksheet (nilai LKE) from the answers to its criteria.

    Args:
        catalogue: A :class:`~sakip.lke.catalogue.Catalogue` or its registered name.
        answers: Per criterion code, the answer ("Y", "B", or a share for letters defined on
            a share).
        method: :data:`MEAN_TIMES_WEIGHT` (default) or :data:`WEIGHTED_SUM`, or a name.
        rounding: :data:`NO_ROUNDING` (default), :data:`CRITERION_2`, :data:`SUBCOMPONENT_2`.
        partial: Score what is answered and list the rest, instead of raising.
        scale: The predicate scale.

    Raises:
        UnansweredError: A criterion is unanswered and ``partial`` is false.
        NotFoundError: A criterion code or an answer is unknown.
        InvalidValueError: The catalogue has no criteria (score it by component with
            :func:`sakip.evaluation_score`).

    >>> from sakip import lke
    >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
    >>> s = lke.score(cat, {c.code: c.scale.best for c in cat.criteria})
    >>> s.score, s.predicate.label
    (Decimal('100.00'), 'AA')
    """
    chosen = CATALOGUES.resolve(catalogue)
    how = METHODS.resolve(method)
    policy = ROUNDINGS.resolve(rounding)
    if not chosen.criteria:
        raise InvalidValueError(
            "catalogue", chosen.name, "a catalogue with criteria (score it by component instead)"
        )
    given = read_answers(chosen, answers)
    missing = tuple(c.code for c in chosen.criteria if c.code not in given)
    if missing and not partial:
        raise UnansweredError(missing)
    components = []
    with exact():
        for component in chosen.components:
            subs = tuple(_subscore(sub, given, how, policy) for sub in component.subcomponents)
            value = sum((s.value for s in subs if s.value is not None), Decimal(0))
            components.append(ComponentScore(component=component, value=value, subscores=subs))
        total = sum((c.value for c in components), Decimal(0))
    return Score(
        catalogue=chosen,
        components=tuple(components),
        total=total,
        missing=missing,
        method=how,
        rounding=policy,
        scale=SCALES.resolve(scale),
    )


def score_components(
    catalogue: Catalogue | str,
    scores: Mapping[str, Number | Mapping[str, Number]],
    *,
    scale: RatingScale | str = SAKIP_PREDICATE,
) -> EvaluationScore:
    """Score a worksheet from its component (or sub-component) scores, as printed in a report.

    The older PermenPANRB 12/2015 worksheet is kept at this level: its criteria are not
    modelled. This is :func:`sakip.evaluation_score` on the catalogue's structure.

    >>> from sakip import lke
    >>> s = lke.score_components(
    ...     "permenpanrb-12-2015",
    ...     {
    ...         "perencanaan": "23.33",
    ...         "pengukuran": "18.33",
    ...         "pelaporan": "10.84",
    ...         "evaluasi internal": "5.91",
    ...         "capaian": "10.07",
    ...     },
    ... )
    >>> s.score, s.predicate.label
    (Decimal('68.48'), 'B')
    """
    chosen = CATALOGUES.resolve(catalogue)
    if chosen.structure is None:
        raise InvalidValueError("catalogue", chosen.name, "a catalogue with a component structure")
    return evaluation_score(scores, structure=chosen.structure, scale=scale)
