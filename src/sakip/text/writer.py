"""Words and numbers in one language, as a report prints them (penulis).

A :class:`Writer` puts figures, targets, money and built-in rules into the language a reader
asked for; results hold numbers and codes, and their words come from the text layer at print
time.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TypeAlias

from sakip._comparing import target_text
from sakip.achievement import (
    CAP_RULE,
    DIRECT,
    INVERSE,
    MET_OR_NOT,
    MIRROR,
    RANK_RATIO,
    Achievement,
    AchievementFormula,
    LevelFormula,
)
from sakip.achievement import Rule as AchievementRule
from sakip.budget import DIFFERENCE, SHARE, UNSPENT, EfficiencyConvention
from sakip.compare import (
    AVERAGE_CHANGE,
    LEAST_SQUARES,
    Change,
    Gap,
    ProjectionMethod,
    StandardComparison,
)
from sakip.locale import format_number, format_rupiah
from sakip.model import TargetLike
from sakip.rollup import MEAN, WEIGHTED_MEAN, RollupMethod
from sakip.scales import (
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    RatingScale,
)
from sakip.text import check_lang, gettext
from sakip.text.report_words import rule_word, word

__all__ = ["BUILTIN_RULES", "Rule", "Writer", "explain_in"]

BUILTIN_RULES: tuple[object, ...] = (
    DIRECT,
    MIRROR,
    INVERSE,
    CAP_RULE,
    RANK_RATIO,
    MET_OR_NOT,
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    LEAST_SQUARES,
    AVERAGE_CHANGE,
    DIFFERENCE,
    SHARE,
    UNSPENT,
    MEAN,
    WEIGHTED_MEAN,
)
"""The built-in rules a report can show; each has its words in
:data:`sakip.text.report_words.RULE_WORDS`, by registered name. A rule a user made is printed in
the words it was given."""

Rule: TypeAlias = (
    AchievementFormula
    | AchievementRule
    | LevelFormula
    | RatingScale
    | ProjectionMethod
    | EfficiencyConvention
    | RollupMethod
)


class Writer:
    """Words and numbers in one language.

    ``computed`` names the ``(indicator, year)`` realizations sakip computed (a ratio's year
    value from quarterly counts, say): they print rounded half-up to 2 places, while a value the
    data holds prints as it was typed. ``fixed`` gives the places an indicator's own figures
    print with when its data sets them (:func:`~sakip.analysis.settings.places_of`), by code:
    every one of its targets, realizations and changes then prints rounded half-up to them.
    """

    def __init__(
        self,
        lang: str,
        computed: frozenset[tuple[str, int]] = frozenset(),
        fixed: Mapping[str, int] | None = None,
    ) -> None:
        self.lang = check_lang(lang)
        self.computed = computed
        self.fixed: Mapping[str, int] = fixed or {}

    def places(self, code: str, value: Decimal, *years: int) -> int | None:
        """The decimals a figure made from the realizations of ``years`` prints with."""
        if code in self.fixed:
            return self.fixed[code]
        if not any((code, year) in self.computed for year in years):
            return None  # most figures: the data's own, printed as typed (no digits read)
        exponent = value.as_tuple().exponent
        return 2 if isinstance(exponent, int) and exponent < -2 else None

    def figure_places(self, code: str | None, value: Decimal | None) -> int | None:
        """The decimals a figure of an indicator prints with outside its yearly history.

        The indicator's places when they are set; else 2 for a figure with more decimals (a
        mean or a ratio sakip computed), else as the data gives it.
        """
        if code is not None and code in self.fixed:
            return self.fixed[code]
        exponent = None if value is None else value.as_tuple().exponent
        return 2 if isinstance(exponent, int) and exponent < -2 else None

    def real(self, code: str, value: Decimal, *years: int) -> str:
        """A realization, or a figure made from realizations, as printed (see :meth:`places`)."""
        return self.n(value, self.places(code, value, *years))

    def __call__(self, key: str, **values: object) -> str:
        """The report's word ``key`` (see :mod:`sakip.text.report_words`)."""
        return word(key, lang=self.lang, **values)

    def gettext(self, message: str, /, **values: object) -> str:
        """A whole sentence, an Indonesian message, in this language."""
        return gettext(message, lang=self.lang, **values)

    def n(self, value: Decimal, places: int | None = None) -> str:
        """A number in this language's notation, to ``places`` decimals if given."""
        return format_number(value, places, lang=self.lang)

    def pct(self, value: Decimal) -> str:
        """A percentage, to 2 decimals."""
        return self.gettext("{number} %", number=format_number(value, 2, lang=self.lang))

    def target(self, target: TargetLike, code: str | None = None) -> str:
        """A target as a report prints it: ``94,6``, ``60–85``, ``≥ 80`` or ``WTP``.

        With the ``code`` of an indicator whose places are set, to those places.
        """
        places = None if code is None else self.fixed.get(code)
        return target_text(target, lambda value: self.n(value, places))

    def money(self, value: Decimal) -> str:
        """An amount in rupiah."""
        return format_rupiah(value, lang=self.lang)

    def rule(self, rule: Rule, part: str, own: str) -> str:
        """A built-in rule's ``part`` in this language; ``own`` for a rule a user made."""
        if any(rule is builtin for builtin in BUILTIN_RULES):
            return rule_word(rule.name, part, lang=self.lang)
        return own

    def source(self, rule: Rule) -> str:
        """Where a rule comes from, with its evidence grade (for a reviewer)."""
        said = self.rule(rule, "source", "")
        return f"{said} [{rule.source.grade.value}]" if said else str(rule.source)

    def basis(self, rule: Rule) -> str:
        """Where a rule comes from, as a report says it: without the evidence grade.

        The grade is sakip's own reading of how firm a rule is; a report handed in names the
        regulation only (the grades stay in ``sakip rules`` and the docs).
        """
        said = self.rule(rule, "source", "")
        if said:
            return said
        where = f", {rule.source.location}" if rule.source.location else ""
        return f"{rule.source.reference}{where}"


def explain_in(result: Achievement | Change | Gap | StandardComparison, lang: str) -> str:
    """A result's explanation in ``lang``, its figures in Indonesian notation as a report's."""
    return result.explain(check_lang(lang), numbers="id")
