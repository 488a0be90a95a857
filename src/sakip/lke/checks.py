"""Logic checks (kerangka logis): rules that bound one criterion's value by others.

Two kinds, as the evaluation apps implement them: a criterion may not score above the mean
of a named sub-component (:class:`NotAboveMean`), and when a criterion has a named answer,
other criteria score 0 (:class:`ZeroIf`). :func:`check` lists every violation with both
values; it changes no score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import exact, round_half_up
from sakip._display import Displayed
from sakip._figures import typed
from sakip.lke._words import say
from sakip.lke.catalogue import CATALOGUES, Catalogue
from sakip.lke.scoring import Answer, read_answers
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "BUILTIN_CHECKS",
    "CHECKS",
    "LogicCheck",
    "NotAboveMean",
    "Violation",
    "ZeroIf",
    "check",
]


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class NotAboveMean(Displayed, DescribedRule):
    """Each of ``criteria`` may not score above the mean of sub-component ``subcomponent``.

    Attributes:
        name: The registered name.
        title: What it checks.
        criteria: The criteria bounded.
        subcomponent: The sub-component whose mean is the bound (only checked once every
            criterion of it is answered).
        source: Where the check comes from.
    """

    rule_kind = N_("Pemeriksaan logika LKE")

    name: str
    title: str
    criteria: tuple[str, ...] = attrs.field(converter=_codes)
    subcomponent: str
    source: Source

    def limits(
        self, catalogue: Catalogue, values: Mapping[str, Decimal]
    ) -> list[tuple[str, Decimal]]:
        """Each bounded criterion answered, with its bound, once the bound is known."""
        bound = [values.get(c.code) for c in catalogue.subcomponent(self.subcomponent).criteria]
        if any(v is None for v in bound):
            return []
        with exact():
            mean = sum((v for v in bound if v is not None), Decimal(0)) / len(bound)
        return [(code, mean) for code in self.criteria if code in values]


@attrs.frozen(kw_only=True, repr=False)
class ZeroIf(Displayed, DescribedRule):
    """When criterion ``when`` is answered ``answer``, each of ``then`` scores 0.

    Attributes:
        name: The registered name.
        title: What it checks.
        when: The criterion that decides.
        answer: The answer that triggers the check ("T").
        then: The criteria that must then score 0.
        source: Where the check comes from.
    """

    rule_kind = N_("Pemeriksaan logika LKE")

    name: str
    title: str
    when: str
    answer: str
    then: tuple[str, ...] = attrs.field(converter=_codes)
    source: Source

    def limits(
        self, catalogue: Catalogue, values: Mapping[str, Decimal], answers: Mapping[str, str]
    ) -> list[tuple[str, Decimal]]:
        """Each criterion that must score 0, when the deciding answer is given."""
        scale = catalogue.criterion(self.when).scale
        if self.when not in answers or answers[self.when] != scale.option(self.answer).code:
            return []
        return [(code, Decimal(0)) for code in self.then if code in values]


LogicCheck = NotAboveMean | ZeroIf
"""A logic check of either kind."""


@attrs.frozen(kw_only=True, repr=False)
class Violation(Displayed):
    """A criterion scoring above what a logic check allows.

    Attributes:
        check: The check.
        criterion: The criterion's code.
        answer: Its answer.
        value: What it scores (0–1).
        limit: The most the check allows (0–1).
    """

    check: NotAboveMean | ZeroIf
    criterion: str
    answer: str
    value: Decimal
    limit: Decimal

    def _headline(self) -> str:
        return f"{self.check.name}: {self.criterion} = {typed(self.value)}"

    def explain(self, lang: str = "id") -> str:
        """The violation with both values.

        >>> from sakip import lke
        >>> cat = lke.CATALOGUES["permenpanrb-88-2021"]
        >>> answers = {c.code: "Y" for c in cat.subcomponent("1.a").criteria} | {"1.a.4": "T"}
        >>> answers |= {"1.b.7": "A", "1.c.3": "B"}
        >>> [v.explain() for v in lke.check(cat, answers)][:1]
        ['tanpa-perencanaan-jangka-pendek: 1.b.7 bernilai 1, melebihi batas 0']
        """
        with exact():  # a mean of thirds: 4 places, trailing zeros dropped
            limit = round_half_up(self.limit, 4).normalize()
        return say(
            "violation",
            lang,
            check=self.check.name,
            criterion=self.criterion,
            value=typed(self.value, lang=lang),
            limit=typed(limit, lang=lang),
        )


CHECKS: Registry[NotAboveMean | ZeroIf] = Registry("LKE logic check")
"""Every built-in logic check, by name; register your inspectorate's own."""

_PRACTICE = Source(
    reference="kerangka logis of the LKE as e-SAKIP evaluation apps implement it",
    grade=EvidenceGrade.PRACTICE,
    note="The kinds of check are the apps'; which criteria a built-in check pairs is sakip's "
    "reading of the criteria's words. Replace them with your inspectorate's list.",
)


def _report_criteria() -> list[str]:
    catalogue = CATALOGUES.get("permenpanrb-88-2021")
    return [c.code for sub in ("3.b", "3.c") for c in catalogue.subcomponent(sub).criteria]


_BUILTINS: list[NotAboveMean | ZeroIf] = [
    ZeroIf(
        name="tanpa-perencanaan-jangka-pendek",
        title="without a short-term planning document (1.a.4, where the PK sits), the "
        "criteria on its targets (1.b.7, 1.c.3) score 0",
        when="1.a.4",
        answer="T",
        then=["1.b.7", "1.c.3"],
        source=_PRACTICE,
    ),
    ZeroIf(
        name="tanpa-laporan-kinerja",
        title="without a performance report (3.a.1), its quality (3.b) and its use (3.c) score 0",
        when="3.a.1",
        answer="T",
        then=_report_criteria(),
        source=_PRACTICE,
    ),
    NotAboveMean(
        name="tindak-lanjut-tidak-melebihi-pelaksanaan",
        title="the follow-up of every recommendation (4.c.1) may not score above the mean of "
        "the internal evaluation carried out (4.a)",
        criteria=["4.c.1"],
        subcomponent="4.a",
        source=_PRACTICE,
    ),
]
BUILTIN_CHECKS: tuple[NotAboveMean | ZeroIf, ...] = tuple(CHECKS.register(r) for r in _BUILTINS)
"""The built-in checks for PermenPANRB 88/2021 [PRACTICE]."""


def check(
    catalogue: Catalogue | str,
    answers: Mapping[str, Answer],
    checks: Sequence[NotAboveMean | ZeroIf] | None = None,
) -> tuple[Violation, ...]:
    """Every violation of the logic checks (pelanggaran kerangka logis), with both values.

    Args:
        catalogue: The worksheet or its name.
        answers: The answers, by criterion code.
        checks: The checks to apply; :data:`BUILTIN_CHECKS` for PermenPANRB 88/2021 by
            default, none for another catalogue.
    """
    chosen = CATALOGUES.resolve(catalogue)
    if checks is None:
        checks = BUILTIN_CHECKS if chosen.name == "permenpanrb-88-2021" else ()
    given = read_answers(chosen, answers)
    values = {code: value for code, (_, value) in given.items()}
    codes = {code: answer for code, (answer, _) in given.items()}
    found = []
    for rule in checks:
        if isinstance(rule, ZeroIf):
            limits = rule.limits(chosen, values, codes)
        else:
            limits = rule.limits(chosen, values)
        found += [
            Violation(
                check=rule, criterion=code, answer=codes[code], value=values[code], limit=limit
            )
            for code, limit in limits
            if values[code] > limit
        ]
    return tuple(found)
