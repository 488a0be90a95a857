"""SAKIP evaluation score (nilai evaluasi SAKIP) from the evaluation worksheet (LKE).

KemenPANRB (or an inspectorate, for regional departments) scores a body's performance
accountability system each year on a worksheet (Lembar Kerja Evaluasi, LKE) whose components
and weights a regulation sets. The structures are data, each with its source, in
:data:`~sakip.evaluation.STRUCTURES`:

- :data:`~sakip.evaluation.PERMENPANRB_88_2021`: four components, Perencanaan Kinerja 30,
  Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja Internal 25,
  each split into Keberadaan 20 %, Kualitas 30 % and Pemanfaatan 50 % of its weight;
- :data:`~sakip.evaluation.PERMENPANRB_12_2015`: five components, Perencanaan 30, Pengukuran
  25, Pelaporan 15, Evaluasi Internal 10, Capaian Kinerja 20 (component level only here).

A score is built from component scores or sub-component scores
(:func:`~sakip.evaluation_score`), each checked against its maximum, or from answers to the
criteria (:func:`~sakip.score_from_answers`, by sakip's own documented convention
:data:`~sakip.evaluation.ANSWER_MEAN`). The total gets its predicate (AA ... D) on
:data:`sakip.scales.SAKIP_PREDICATE`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing, typed
from sakip.achievement import Rule
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.scales import SAKIP_PREDICATE, SCALES, Rating, RatingScale, classify
from sakip.text import N_

__all__ = [
    "ANSWER_MEAN",
    "PERMENPANRB_12_2015",
    "PERMENPANRB_88_2021",
    "STRUCTURES",
    "Component",
    "ComponentScore",
    "EvaluationScore",
    "EvaluationStructure",
    "SubComponent",
    "evaluation_score",
    "score_from_answers",
]


def _key(text: str) -> str:
    return " ".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())


def _maximum(value: object) -> Decimal:
    return to_decimal(value, "maximum")


def _weight(value: object) -> Decimal:
    return to_decimal(value, "weight")


@attrs.frozen(kw_only=True, repr=False)
class SubComponent(Displayed):
    """A sub-component of an LKE component (sub komponen), with its maximum score.

    Attributes:
        code: Short code ("keberadaan").
        name: As the regulation names it ("Keberadaan").
        maximum: The most it can score (its weight within the component).
    """

    code: str
    name: str
    maximum: Decimal = attrs.field(converter=_maximum)


def _subcomponents(value: Sequence[SubComponent]) -> tuple[SubComponent, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Component(Displayed):
    """A component of the LKE (komponen) and its weight, with its sub-components if any.

    Attributes:
        code: Short code ("perencanaan").
        name: As the regulation names it ("Perencanaan Kinerja").
        weight: The most it can score (bobot).
        subcomponents: Its sub-components; their maxima add up to the weight.
    """

    code: str
    name: str
    weight: Decimal = attrs.field(converter=_weight)
    subcomponents: tuple[SubComponent, ...] = attrs.field(default=(), converter=_subcomponents)

    def __attrs_post_init__(self) -> None:
        if self.subcomponents:
            with exact():
                total = sum((sub.maximum for sub in self.subcomponents), Decimal(0))
            if total != self.weight:
                raise InvalidValueError(
                    f"sub-components of {self.code}", total, f"maxima adding up to {self.weight}"
                )

    def subcomponent(self, name: str) -> SubComponent:
        """The sub-component with this code or name (any case, ``-``/``_``/space alike)."""
        for sub in self.subcomponents:
            if _key(name) in (_key(sub.code), _key(sub.name)):
                return sub
        raise NotFoundError(
            f"sub-component of {self.code}", name, (sub.code for sub in self.subcomponents)
        )


def _components(value: Sequence[Component]) -> tuple[Component, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class EvaluationStructure(Displayed, DescribedRule):
    """The structure of an evaluation worksheet (struktur LKE): components and weights.

    Attributes:
        name: The registered name ("permenpanrb-88-2021").
        title: What the regulation calls it.
        components: The components, in the regulation's order; their weights add up to 100.
        source: Where the structure comes from.
    """

    rule_kind = N_("Struktur evaluasi SAKIP")

    name: str
    title: str
    components: tuple[Component, ...] = attrs.field(converter=_components)
    source: Source

    def __attrs_post_init__(self) -> None:
        with exact():
            total = sum((component.weight for component in self.components), Decimal(0))
        if total != HUNDRED:
            raise InvalidValueError("component weights", total, "weights adding up to 100")
        codes = [component.code for component in self.components]
        if len(set(codes)) != len(codes):
            raise InvalidValueError("component codes", codes, "a different code per component")

    def component(self, name: str) -> Component:
        """The component with this code or name (any case, ``-``/``_``/space alike)."""
        for component in self.components:
            if _key(name) in (_key(component.code), _key(component.name)):
                return component
        raise NotFoundError(f"component of {self.name}", name, (c.code for c in self.components))


STRUCTURES: Registry[EvaluationStructure] = Registry("evaluation structure")
"""Every LKE structure, by name; register your own."""


def _split(weight: int) -> list[SubComponent]:
    """Keberadaan 20 %, Kualitas 30 %, Pemanfaatan 50 % of a component's weight."""
    with exact():
        return [
            SubComponent(code="keberadaan", name="Keberadaan", maximum=weight * Decimal("0.2")),
            SubComponent(code="kualitas", name="Kualitas", maximum=weight * Decimal("0.3")),
            SubComponent(code="pemanfaatan", name="Pemanfaatan", maximum=weight * Decimal("0.5")),
        ]


PERMENPANRB_88_2021 = STRUCTURES.register(
    EvaluationStructure(
        name="permenpanrb-88-2021",
        title="Lembar Kerja Evaluasi Akuntabilitas Kinerja Instansi Pemerintah",
        components=[
            Component(
                code="perencanaan", name="Perencanaan Kinerja", weight=30, subcomponents=_split(30)
            ),
            Component(
                code="pengukuran", name="Pengukuran Kinerja", weight=30, subcomponents=_split(30)
            ),
            Component(
                code="pelaporan", name="Pelaporan Kinerja", weight=15, subcomponents=_split(15)
            ),
            Component(
                code="evaluasi-internal",
                name="Evaluasi Akuntabilitas Kinerja Internal",
                weight=25,
                subcomponents=_split(25),
            ),
        ],
        source=Source(
            reference="PermenPANRB 88/2021 tentang Evaluasi Akuntabilitas Kinerja Instansi "
            "Pemerintah",
            location="Lampiran, komponen dan bobot penilaian",
            grade=EvidenceGrade.REGULATION_QUOTED,
            # Years of the evaluation: the evaluations of 2022 on follow it.
            years=(2022, None),
            note="Each component splits Keberadaan 20 %, Kualitas 30 %, Pemanfaatan 50 %.",
        ),
    )
)
"""The LKE of PermenPANRB 88/2021, four components 30/30/15/25, each 20/30/50 % [REG-2nd]."""
PERMENPANRB_12_2015 = STRUCTURES.register(
    EvaluationStructure(
        name="permenpanrb-12-2015",
        title="Lembar Kerja Evaluasi (PermenPANRB 12/2015)",
        components=[
            Component(code="perencanaan", name="Perencanaan Kinerja", weight=30),
            Component(code="pengukuran", name="Pengukuran Kinerja", weight=25),
            Component(code="pelaporan", name="Pelaporan Kinerja", weight=15),
            Component(code="evaluasi-internal", name="Evaluasi Internal", weight=10),
            Component(code="capaian", name="Capaian Kinerja", weight=20),
        ],
        source=Source(
            reference="PermenPANRB 12/2015 tentang Pedoman Evaluasi atas Implementasi SAKIP",
            location="Lampiran, komponen dan bobot penilaian",
            grade=EvidenceGrade.REGULATION_QUOTED,
            # Years of the evaluation, until PermenPANRB 88/2021 (December 2021) replaced it.
            years=(2015, 2021),
            note="Replaced by PermenPANRB 88/2021; its sub-components are not modelled here.",
        ),
    )
)
"""The LKE of PermenPANRB 12/2015, five components 30/25/15/10/20 [REG-2nd]."""

ANSWER_MEAN = Rule(
    name="answer-mean",
    title=(
        "each criterion answered as a fraction from 0 to 1; a sub-component (or a component "
        "without sub-components) scores the mean of its answers times its maximum"
    ),
    source=Source(
        reference="sakip convention; the regulations publish the criteria, not this arithmetic",
        grade=EvidenceGrade.POLICY,
        note="Map the worksheet's answers to fractions yourself (Y = 1, T = 0, say).",
    ),
)
"""sakip's convention for scores from answers to the criteria [POLICY]."""


@attrs.frozen(kw_only=True, repr=False)
class ComponentScore(Displayed):
    """A component's score (nilai komponen), with its sub-component scores when given.

    Attributes:
        component: The component.
        value: Its score, exact.
        subscores: Sub-component scores as ``(sub-component, score)`` pairs, when given.
    """

    component: Component
    value: Decimal
    subscores: tuple[tuple[SubComponent, Decimal], ...] = ()

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The score in words, in ``lang`` (numbers in ``numbers``' notation).

        The component's name is the regulation's own term, in Indonesian.

        >>> score = evaluation_score(
        ...     {
        ...         "perencanaan": {"keberadaan": 6, "kualitas": 7, "pemanfaatan": 10},
        ...         "pengukuran": 20,
        ...         "pelaporan": 10,
        ...         "evaluasi internal": 15,
        ...     }
        ... )
        >>> score.components[0].explain()
        'Perencanaan Kinerja: 6 + 7 + 10 = 23 dari 30'
        >>> score.components[0].explain(lang="en")
        'Perencanaan Kinerja: 6 + 7 + 10 = 23 out of 30'
        """
        w = Writing.of(lang, numbers)
        steps = w.n(self.value)
        if self.subscores:
            steps = " + ".join(w.n(score) for _, score in self.subscores) + f" = {steps}"
        return w.gettext(
            "{component}: {score} dari {weight}",
            component=self.component.name,
            score=steps,
            weight=w.n(self.component.weight),
        )


@attrs.frozen(kw_only=True, repr=False)
class EvaluationScore(Displayed):
    """A SAKIP evaluation score (nilai SAKIP) and its predicate.

    Attributes:
        value: The total, exact: the sum of the component scores.
        components: Each component's score, in the structure's order.
        structure: The LKE structure used.
        scale: The predicate scale.
        rules: The conventions used beyond the structure
            (:data:`~sakip.evaluation.ANSWER_MEAN` for answers).
    """

    value: Decimal
    components: tuple[ComponentScore, ...]
    structure: EvaluationStructure
    scale: RatingScale = SAKIP_PREDICATE
    rules: tuple[Rule, ...] = ()

    @property
    def score(self) -> Decimal:
        """The printed score, to 2 places half-up."""
        return round_half_up(self.value)

    @property
    def predicate(self) -> Rating:
        """The predicate (predikat) of the printed score (AA, A, BB, B, CC, C or D)."""
        return classify(self.score, scale=self.scale)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in the notation of ``numbers`` (or ``lang``).

        The predicate and its meaning are the regulation's own terms.

        >>> evaluation_score(
        ...     {
        ...         "perencanaan": "23.33",
        ...         "pengukuran": "18.33",
        ...         "pelaporan": "10.84",
        ...         "evaluasi internal": "5.91",
        ...         "capaian": "10.07",
        ...     },
        ...     structure="permenpanrb-12-2015",
        ... ).explain()
        '23,33 + 18,33 + 10,84 + 5,91 + 10,07 = 68,48 → B (Baik)'
        """
        w = Writing.of(lang, numbers)
        terms = " + ".join(w.n2(c.value) for c in self.components)
        rating = self.predicate
        meaning = f" ({rating.band.meaning})" if rating.band.meaning else ""
        return f"{terms} = {w.n2(self.score)} → {rating.label}{meaning}"


def _bounded(value: object, maximum: Decimal, name: str) -> Decimal:
    number = to_decimal(value, name)
    if not 0 <= number <= maximum:
        raise InvalidValueError(name, value, f"a score from 0 to {typed(maximum)}")
    return number


def _scored(
    structure: EvaluationStructure, given: Mapping[str, object]
) -> dict[str, tuple[Component, object]]:
    found: dict[str, tuple[Component, object]] = {}
    for name, value in given.items():
        component = structure.component(name)
        if component.code in found:
            raise InvalidValueError("scores", name, f"one entry for {component.code}")
        found[component.code] = (component, value)
    missing = [c.code for c in structure.components if c.code not in found]
    if missing:
        raise InvalidValueError(
            "scores", sorted(given), f"a score for every component (missing: {', '.join(missing)})"
        )
    return found


def _total(
    structure: EvaluationStructure, components: list[ComponentScore], scale: RatingScale | str
) -> EvaluationScore:
    with exact():
        total = sum((c.value for c in components), Decimal(0))
    return EvaluationScore(
        value=total,
        components=tuple(components),
        structure=structure,
        scale=SCALES.resolve(scale),
    )


def _component_score(component: Component, value: object) -> ComponentScore:
    name = f"scores[{component.code!r}]"
    if not isinstance(value, Mapping):
        return ComponentScore(component=component, value=_bounded(value, component.weight, name))
    if not component.subcomponents:
        raise InvalidValueError(name, value, f"one number: {component.code} has no sub-components")
    subscores: dict[str, tuple[SubComponent, Decimal]] = {}
    for sub_name, score in value.items():
        sub = component.subcomponent(str(sub_name))
        subscores[sub.code] = (sub, _bounded(score, sub.maximum, f"{name}[{sub.code!r}]"))
    missing = [sub.code for sub in component.subcomponents if sub.code not in subscores]
    if missing:
        raise InvalidValueError(
            name, dict(value), f"a score for every sub-component (missing: {', '.join(missing)})"
        )
    ordered = tuple(subscores[sub.code] for sub in component.subcomponents)
    with exact():
        total = sum((score for _, score in ordered), Decimal(0))
    return ComponentScore(component=component, value=total, subscores=ordered)


def evaluation_score(
    scores: Mapping[str, Number | Mapping[str, Number]],
    *,
    structure: EvaluationStructure | str = PERMENPANRB_88_2021,
    scale: RatingScale | str = SAKIP_PREDICATE,
) -> EvaluationScore:
    """A SAKIP evaluation score (nilai evaluasi SAKIP) from component or sub-component scores.

    Args:
        scores: A score per component, by code or name ("perencanaan", "Pelaporan Kinerja");
            a component with sub-components may instead map to a score per sub-component
            (``{"keberadaan": 6, "kualitas": 7, "pemanfaatan": 10}``). Every component needs
            a score: a missing one is an error, never 0.
        structure: An :class:`EvaluationStructure` or its name; PermenPANRB 88/2021 by default.
        scale: The predicate scale; :data:`~sakip.scales.SAKIP_PREDICATE` by default.

    Raises:
        InvalidValueError: A score is below 0 or above its maximum, or a component or
            sub-component is missing or given twice.
        NotFoundError: A component or sub-component name is unknown.

    >>> s = evaluation_score(
    ...     {
    ...         "perencanaan": "23.33",
    ...         "pengukuran": "18.33",
    ...         "pelaporan": "10.84",
    ...         "evaluasi internal": "5.91",
    ...         "capaian": "10.07",
    ...     },
    ...     structure="permenpanrb-12-2015",
    ... )
    >>> s.score, s.predicate.label
    (Decimal('68.48'), 'B')
    """
    chosen = STRUCTURES.resolve(structure)
    found = _scored(chosen, scores)
    components = [
        _component_score(component, found[component.code][1]) for component in chosen.components
    ]
    return _total(chosen, components, scale)


def score_from_answers(
    answers: Mapping[str, Mapping[str, Sequence[Number]] | Sequence[Number]],
    *,
    structure: EvaluationStructure | str = PERMENPANRB_88_2021,
    scale: RatingScale | str = SAKIP_PREDICATE,
) -> EvaluationScore:
    """A SAKIP evaluation score from answers to the worksheet's criteria (jawaban kriteria LKE).

    The arithmetic is sakip's convention :data:`~sakip.evaluation.ANSWER_MEAN`.

    Each criterion is answered as a fraction from 0 to 1 (map the worksheet's Y/T or graded
    answers to fractions yourself). A sub-component scores the mean of its answers times its
    maximum; a component without sub-components, the mean of its answers times its weight.
    This arithmetic is sakip's convention: the regulations publish the criteria, not it.

    Args:
        answers: Per component, a list of answers, or per sub-component a list of answers.
        structure: An :class:`EvaluationStructure` or its name.
        scale: The predicate scale.

    Raises:
        InvalidValueError: An answer is outside 0-1, a list of answers is empty, or a
            component or sub-component is missing.

    >>> s = score_from_answers(
    ...     {
    ...         "perencanaan": {"keberadaan": [1, 1], "kualitas": [1, 0.5], "pemanfaatan": [0.5]},
    ...         "pengukuran": {"keberadaan": [1], "kualitas": [0.5], "pemanfaatan": [0.5]},
    ...         "pelaporan": {"keberadaan": [1], "kualitas": [1], "pemanfaatan": [0.5]},
    ...         "evaluasi internal": {"keberadaan": [1], "kualitas": [0.5], "pemanfaatan": [0]},
    ...     }
    ... )
    >>> s.score, s.predicate.label
    (Decimal('58.25'), 'CC')
    """
    chosen = STRUCTURES.resolve(structure)
    found = _scored(chosen, answers)
    scores: dict[str, Number | Mapping[str, Number]] = {}
    with exact():
        for code, (component, given) in found.items():
            name = f"answers[{code!r}]"
            if isinstance(given, Mapping):
                scores[code] = {
                    str(sub): _mean(values, f"{name}[{sub!r}]")
                    * component.subcomponent(str(sub)).maximum
                    for sub, values in given.items()
                }
            else:
                scores[code] = _mean(given, name) * component.weight
    score = evaluation_score(scores, structure=chosen, scale=scale)
    return attrs.evolve(score, rules=(ANSWER_MEAN,))


def _mean(values: object, name: str) -> Decimal:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence) or not values:
        raise InvalidValueError(name, values, "a non-empty list of answers from 0 to 1")
    answers = [
        _bounded(value, Decimal(1), f"{name}[{index}]") for index, value in enumerate(values)
    ]
    with exact():
        return sum(answers, Decimal(0)) / len(answers)
