"""Words and numbers in Indonesian and English, for the report, the audit and the renderers.

Results say why a figure is missing in English, the library's language, and with a
:class:`~sakip.Reason` code; the words here put codes, built-in rules and table labels into the
language a reader asked for.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

from sakip.achievement import DIRECT, INVERSE, MIRROR, Achievement, AchievementFormula
from sakip.budget import DIFFERENCE, SHARE, UNSPENT, EfficiencyConvention
from sakip.compare import (
    AVERAGE_CHANGE,
    LEAST_SQUARES,
    Change,
    Gap,
    IndicatorHistory,
    ProjectionMethod,
    StandardComparison,
    YearRow,
)
from sakip.locale import format_number, format_rupiah
from sakip.model import TargetLike, TargetRange
from sakip.reasons import Missing
from sakip.rules import Source
from sakip.scales import (
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    RatingScale,
)
from sakip.text import LANGUAGES, N_, check_lang, gettext
from sakip.text.report_words import rule_word, word

__all__ = [
    "BUILTIN_RULES",
    "LANGUAGES",
    "Rule",
    "Writer",
    "check_lang",
    "explain_in",
    "say_end_reason",
    "say_history_reason",
    "say_missing",
    "say_row_reason",
    "say_source",
]

BUILTIN_RULES: tuple[object, ...] = (
    DIRECT,
    MIRROR,
    INVERSE,
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    LEAST_SQUARES,
    AVERAGE_CHANGE,
    DIFFERENCE,
    SHARE,
    UNSPENT,
)
"""The built-in rules a report can show; each has its words in
:data:`sakip.text.report_words.RULE_WORDS`, by registered name. A rule a user made is printed in
the words it was given."""

Rule: TypeAlias = AchievementFormula | RatingScale | ProjectionMethod | EfficiencyConvention


class Writer:
    """Words and numbers in one language.

    ``computed`` names the ``(indicator, year)`` realizations sakip computed (a ratio's year
    value from quarterly counts, say): they print rounded half-up to 2 places, while a value the
    data holds prints as it was typed.
    """

    def __init__(self, lang: str, computed: frozenset[tuple[str, int]] = frozenset()) -> None:
        self.lang = check_lang(lang)
        self.computed = computed

    def places(self, code: str, value: Decimal, *years: int) -> int | None:
        """The decimals a figure made from the realizations of ``years`` prints with."""
        exponent = value.as_tuple().exponent
        beyond = isinstance(exponent, int) and exponent < -2
        return 2 if beyond and any((code, year) in self.computed for year in years) else None

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
        return format_number(value, places, lang=self.lang)

    def pct(self, value: Decimal) -> str:
        return self.gettext("{number} %", number=format_number(value, 2, lang=self.lang))

    def target(self, target: TargetLike) -> str:
        if isinstance(target, TargetRange):
            return f"{self.n(target.low)}–{self.n(target.high)}"
        return self.n(target.value)

    def money(self, value: Decimal) -> str:
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


# --- why a figure is missing -----------------------------------------------------------------
# Results say why with a Missing (a Reason code and the values involved); its words come from
# the text layer in the report's language.


def say_missing(w: Writer, missing: Missing | None) -> str:
    """Why a figure is missing, in the report's language (``""`` when it is not)."""
    return "" if missing is None else missing.explain(lang=w.lang)


def say_row_reason(w: Writer, row: YearRow) -> str:
    """Why a year has no achievement."""
    return say_missing(w, row.missing)


def say_history_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of an indicator's history (``"end target"``, ``"standard"``) is missing."""
    return say_missing(w, found.missing_for(part.replace(" ", "-")))


def say_end_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of the end-target comparison (table c) is missing."""
    end = found.end
    if end is None:
        return say_history_reason(w, found, "end target")
    return say_missing(w, end.missing_for(part.replace(" ", "-")))


def explain_in(result: Achievement | Change | Gap | StandardComparison, lang: str) -> str:
    """A result's explanation in ``lang``, its figures in Indonesian notation as a report's."""
    return result.explain(check_lang(lang), numbers="id")


# The audit's own sources, by reference and place, as messages; a source a user gave is printed
# as it is.
_SOURCES = {
    ("PermenPANRB 53/2014", "Lampiran, Bab III (analisis capaian kinerja)"): N_(
        "PermenPANRB 53/2014, Lampiran, Bab III (analisis capaian kinerja)"
    ),
    ("PermenPANRB 53/2014", "Lampiran, Bab III B (realisasi anggaran)"): N_(
        "PermenPANRB 53/2014, Lampiran, Bab III B (realisasi anggaran)"
    ),
}


def say_source(source: Source, lang: str) -> str:
    """Where a rule comes from, with its grade, in ``lang`` where sakip knows the words."""
    message = _SOURCES.get((source.reference, source.location or ""))
    if message is None:
        return str(source)
    return f"{gettext(message, lang=check_lang(lang))} [{source.grade.value}]"
