"""The LKE catalogue as data: answer scales, criteria, sub-components and components.

A :class:`Catalogue` is one evaluation worksheet (lembar kerja evaluasi, LKE): its components,
their sub-components and weights, and the criteria (kriteria) with the answer each one takes.
Every built-in fact carries its :class:`~sakip.rules.Source`; catalogues and answer scales
live in registries (:data:`CATALOGUES`, :data:`ANSWER_SCALES`), so an inspectorate can add
its regional variant next to the built-in ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, to_decimal
from sakip._display import Displayed
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.scales import Band, RatingScale
from sakip.text import N_

__all__ = [
    "ANSWER_SCALES",
    "A_TO_D",
    "A_TO_E",
    "CATALOGUES",
    "SHARE_LETTERS",
    "YES_NO",
    "AnswerOption",
    "AnswerScale",
    "Catalogue",
    "Component",
    "Criterion",
    "SubComponent",
    "build",
]


def _key(text: str) -> str:
    return " ".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())


def _fraction(value: object) -> Decimal:
    number = to_decimal(value, "answer value")
    if not 0 <= number <= 1:
        raise InvalidValueError("answer value", value, "a value from 0 to 1")
    return number


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class AnswerOption(Displayed):
    """One answer a criterion can take (pilihan jawaban), with the value it scores.

    Attributes:
        code: What the worksheet writes ("Y", "A").
        value: What it scores, from 0 to 1.
        meaning: What the answer says, in the worksheet's words, when it says more than its code.
        aliases: Other spellings a worksheet uses for it ("Ya", "Tidak").
    """

    code: str
    value: Decimal = attrs.field(converter=_fraction)
    meaning: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)


def _options(value: Sequence[AnswerOption]) -> tuple[AnswerOption, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class AnswerScale(Displayed, DescribedRule):
    """The answers a criterion takes and what each scores (skala jawaban).

    Attributes:
        name: The registered name ("y-t").
        title: What the worksheet calls it.
        options: The answers, best first.
        source: Where the values come from.
        shares: For letters defined on a share (a > 90 %, b > 75 %, …), the scale that turns a
            share (0–100) into a letter; ``None`` when the answer is chosen directly.
    """

    rule_kind = N_("Skala jawaban LKE")

    name: str
    title: str
    options: tuple[AnswerOption, ...] = attrs.field(converter=_options)
    source: Source
    shares: RatingScale | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.options) < 2:
            raise InvalidValueError(f"options of {self.name}", self.options, "two or more answers")
        spellings = [_key(s) for o in self.options for s in (o.code, *o.aliases)]
        if len(set(spellings)) != len(spellings):
            raise InvalidValueError(f"options of {self.name}", spellings, "each spelling once")
        if self.shares is not None:
            letters = {_key(band.label) for band in self.shares.bands}
            if letters != {_key(o.code) for o in self.options}:
                raise InvalidValueError(
                    f"shares of {self.name}", sorted(letters), "one band per answer"
                )

    @property
    def best(self) -> str:
        """The answer that scores most."""
        return max(self.options, key=lambda option: option.value).code

    @property
    def worst(self) -> str:
        """The answer that scores least."""
        return min(self.options, key=lambda option: option.value).code

    @property
    def codes(self) -> tuple[str, ...]:
        """The answers' codes, best first."""
        return tuple(option.code for option in self.options)

    def option(self, answer: str) -> AnswerOption:
        """The option an answer names (its code or an alias, any case)."""
        for option in self.options:
            if _key(answer) in {_key(spelling) for spelling in (option.code, *option.aliases)}:
                return option
        raise NotFoundError(f"answer of scale {self.name}", answer, self.codes)

    def value(self, answer: str) -> Decimal:
        """What an answer scores, from 0 to 1."""
        return self.option(answer).value

    def from_share(self, share: Number) -> str:
        """The letter of a share (0–100), for a scale whose letters are defined on a share."""
        if self.shares is None:
            raise InvalidValueError(
                f"scale {self.name}", share, "a scale whose letters are defined on a share"
            )
        number = to_decimal(share, "share")
        if not 0 <= number <= HUNDRED:
            raise InvalidValueError("share", share, "a share from 0 to 100")
        label = self.shares.classify(number).label
        return self.option(label).code


ANSWER_SCALES: Registry[AnswerScale] = Registry("answer scale")
"""Every answer scale, by name; register your own (a criterion's own list of answers, say)."""

_APPS = Source(
    reference="e-SAKIP evaluation apps of regional inspectorates",
    location="answer values as the apps store them",
    grade=EvidenceGrade.PRACTICE,
    note="The regulation's text in reach does not print the values; the apps agree on Y/T.",
)

YES_NO = ANSWER_SCALES.register(
    AnswerScale(
        name="y-t",
        title="Y/T (Ya/Tidak)",
        options=[
            AnswerOption(code="Y", value=1, meaning="Ya", aliases=["Ya", "Yes"]),
            AnswerOption(code="T", value=0, meaning="Tidak", aliases=["Tidak", "No"]),
        ],
        source=_APPS,
    )
)
"""Yes or no (Y/T), Y scoring 1 and T 0 [PRACTICE]."""

SHARE_LETTERS = RatingScale(
    name="lke-share-letters",
    title="Huruf jawaban dari persentase (a > 90 %, b > 75 %, c > 40 %, d > 10 %, e ≤ 10 %)",
    bands=[
        Band(label="E", lower=0, lower_closed=True, upper=10),
        Band(label="D", lower=10, upper=40),
        Band(label="C", lower=40, upper=75),
        Band(label="B", lower=75, upper=90),
        Band(label="A", lower=90, upper=100),
    ],
    source=Source(
        reference="e-SAKIP evaluation apps; the KKE worksheets feeding LKE criteria",
        location="answers defined on a share: a > 90 %, b > 75–90 %, c > 40–75 %, d > 10–40 %, "
        "e ≤ 10 %",
        grade=EvidenceGrade.PRACTICE,
    ),
)
"""Letters a–e of a share, lower bounds exclusive (a > 90 % … e ≤ 10 %) [PRACTICE]."""

A_TO_E = ANSWER_SCALES.register(
    AnswerScale(
        name="a-e",
        title="A/B/C/D/E",
        options=[
            AnswerOption(code="A", value=1),
            AnswerOption(code="B", value="0.75"),
            AnswerOption(code="C", value="0.5"),
            AnswerOption(code="D", value="0.25"),
            AnswerOption(code="E", value=0),
        ],
        source=attrs.evolve(
            _APPS, note="A 1, B 0,75, C 0,5, D 0,25, E 0 in most apps; letters of a share."
        ),
        shares=SHARE_LETTERS,
    )
)
"""Letters A to E scoring 1 / 0,75 / 0,5 / 0,25 / 0; a letter can come from a share [PRACTICE]."""

A_TO_D = ANSWER_SCALES.register(
    AnswerScale(
        name="a-d",
        title="A/B/C/D",
        options=[
            AnswerOption(code="A", value=1),
            AnswerOption(code="B", value="0.66"),
            AnswerOption(code="C", value="0.33"),
            AnswerOption(code="D", value=0),
        ],
        source=attrs.evolve(_APPS, note="A 1, B 0,66, C 0,33, D 0 in some apps."),
    )
)
"""Letters A to D scoring 1 / 0,66 / 0,33 / 0, as some apps do [PRACTICE]."""


def _scale(value: AnswerScale | str) -> AnswerScale:
    return ANSWER_SCALES.resolve(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _optional_weight(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, "criterion weight")


@attrs.frozen(kw_only=True, repr=False)
class Criterion(Displayed):
    """A criterion of the worksheet (kriteria), in the regulation's words.

    Attributes:
        code: Its code in the worksheet ("1.a.1": component, sub-component, number).
        text: The criterion as the worksheet states it (Indonesian).
        scale: The answers it takes.
        evidence: The evidence it asks for (bukti dukung), when known.
        weight: Its own weight in points, for the weighted-sum method; ``None`` shares the
            sub-component's weight equally.
        source: Where the text comes from.
    """

    code: str
    text: str
    scale: AnswerScale = attrs.field(converter=_scale)
    source: Source
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    weight: Decimal | None = attrs.field(default=None, converter=_optional_weight)


def _criteria(value: Sequence[Criterion]) -> tuple[Criterion, ...]:
    return tuple(value)


def _weight(value: object) -> Decimal:
    number = to_decimal(value, "weight")
    if number < 0:
        raise InvalidValueError("weight", value, "a weight of 0 or more")
    # 30 × 0,2 is 6,0: written 6, as the worksheet prints it.
    with exact():
        return (
            number.quantize(Decimal(1))
            if number == number.to_integral_value()
            else number.normalize()
        )


@attrs.frozen(kw_only=True, repr=False)
class SubComponent(Displayed):
    """A sub-component (sub komponen): Keberadaan, Kualitas or Pemanfaatan, with its weight.

    Attributes:
        code: Its code ("1.a").
        kind: Which of the three it is ("keberadaan", "kualitas", "pemanfaatan").
        name: Its title in the worksheet.
        weight: The most it scores (bobot), in points of the total.
        criteria: Its criteria, in the worksheet's order.
    """

    code: str
    kind: str
    name: str
    weight: Decimal = attrs.field(converter=_weight)
    criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=_criteria)


def _subs(value: Sequence[SubComponent]) -> tuple[SubComponent, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Component(Displayed):
    """A component (komponen) of the worksheet and its weight.

    Attributes:
        code: Its code ("1").
        key: A short name ("perencanaan"), as :mod:`sakip.evaluation` names it.
        name: Its title ("Perencanaan Kinerja").
        weight: The most it scores (bobot).
        subcomponents: Its sub-components; their weights add up to the component's.
    """

    code: str
    key: str
    name: str
    weight: Decimal = attrs.field(converter=_weight)
    subcomponents: tuple[SubComponent, ...] = attrs.field(default=(), converter=_subs)

    def __attrs_post_init__(self) -> None:
        if self.subcomponents:
            with exact():
                total = sum((sub.weight for sub in self.subcomponents), Decimal(0))
            if total != self.weight:
                raise InvalidValueError(
                    f"sub-component weights of {self.code}", total, f"adding up to {self.weight}"
                )


def _components(value: Sequence[Component]) -> tuple[Component, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Catalogue(Displayed, DescribedRule):
    """An evaluation worksheet (LKE) as data: components, sub-components, criteria.

    Attributes:
        name: The registered name ("permenpanrb-88-2021").
        title: What the regulation calls it.
        components: The components, in the worksheet's order; weights add up to 100.
        source: Where the structure and weights come from.
        criteria_source: Where the criterion texts come from, when the catalogue has them.
        structure: The name of the matching :mod:`sakip.evaluation` structure, for scores
            given per component.
    """

    rule_kind = N_("Katalog LKE")

    name: str
    title: str
    components: tuple[Component, ...] = attrs.field(converter=_components)
    source: Source
    criteria_source: Source | None = None
    structure: str | None = None

    def __attrs_post_init__(self) -> None:
        with exact():
            total = sum((c.weight for c in self.components), Decimal(0))
        if total != HUNDRED:
            raise InvalidValueError("component weights", total, "weights adding up to 100")
        codes = [c.code for c in self.components]
        codes += [s.code for c in self.components for s in c.subcomponents]
        codes += [k.code for k in self.criteria]
        if len(set(codes)) != len(codes):
            raise InvalidValueError("codes of " + self.name, codes, "every code once")

    @property
    def subcomponents(self) -> tuple[SubComponent, ...]:
        """Every sub-component, component by component."""
        return tuple(s for c in self.components for s in c.subcomponents)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion, in the worksheet's order."""
        return tuple(k for s in self.subcomponents for k in s.criteria)

    def criterion(self, code: str) -> Criterion:
        """The criterion with this code."""
        for criterion in self.criteria:
            if criterion.code == code.strip():
                return criterion
        raise NotFoundError(f"criterion of {self.name}", code, (k.code for k in self.criteria))

    def subcomponent(self, code: str) -> SubComponent:
        """The sub-component with this code."""
        for sub in self.subcomponents:
            if sub.code == code.strip():
                return sub
        raise NotFoundError(
            f"sub-component of {self.name}", code, (s.code for s in self.subcomponents)
        )

    def component_of(self, sub: SubComponent) -> Component:
        """The component a sub-component belongs to."""
        return next(c for c in self.components if sub in c.subcomponents)

    def subcomponent_of(self, criterion: Criterion) -> SubComponent:
        """The sub-component a criterion belongs to."""
        return next(s for s in self.subcomponents if criterion in s.criteria)


CATALOGUES: Registry[Catalogue] = Registry("LKE catalogue")
"""Every LKE catalogue, by name; register a regional variant with ``CATALOGUES.register``."""


def build(
    *,
    name: str,
    title: str,
    source: Source,
    criteria_source: Source,
    weights: Mapping[str, tuple[str, str, Number]],
    kinds: Mapping[str, tuple[str, AnswerScale]],
    subtitles: Mapping[str, str],
    texts: Mapping[str, Sequence[str]],
    structure: str | None = None,
) -> Catalogue:
    """A catalogue from plain tables: how the built-in ones are written, and regional ones can be.

    Args:
        name: The name to register it under.
        title: Its title.
        source: Where the structure and weights come from.
        criteria_source: Where the criterion texts come from.
        weights: Per component code, ``(key, name, weight)``.
        kinds: Per sub-component letter ("a"), ``(kind, answer scale)``; its weight is the
            kind's share of the component (Keberadaan 20 %, Kualitas 30 %, Pemanfaatan 50 %).
        subtitles: Per sub-component code ("1.a"), its title.
        texts: Per sub-component code, its criteria's texts in order (numbered 1, 2, …).
        structure: The matching :mod:`sakip.evaluation` structure's name.
    """
    shares = {
        "keberadaan": Decimal("0.2"),
        "kualitas": Decimal("0.3"),
        "pemanfaatan": Decimal("0.5"),
    }
    components = []
    for code, (key, title_, weight) in weights.items():
        subs = []
        for letter, (kind, scale) in kinds.items():
            sub_code = f"{code}.{letter}"
            criteria = [
                Criterion(code=f"{sub_code}.{n}", text=text, scale=scale, source=criteria_source)
                for n, text in enumerate(texts.get(sub_code, ()), start=1)
            ]
            with exact():
                sub_weight = to_decimal(weight, "weight") * shares[kind]
            subs.append(
                SubComponent(
                    code=sub_code,
                    kind=kind,
                    name=subtitles[sub_code],
                    weight=sub_weight,
                    criteria=criteria,
                )
            )
        components.append(
            Component(code=code, key=key, name=title_, weight=weight, subcomponents=subs)
        )
    return Catalogue(
        name=name,
        title=title,
        components=components,
        source=source,
        criteria_source=criteria_source,
        structure=structure,
    )
