"""Words and numbers in Indonesian and English, for the report, the audit and the renderers.

Results say why a figure is missing in English, the library's language, and with a
:class:`~sakip.Reason` code; the words here put codes, built-in rules and table labels into the
language a reader asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeAlias

from sakip._figures import typed
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
from sakip.model import Polarity, Target, TargetLike, TargetRange
from sakip.reasons import Reason
from sakip.rules import Source
from sakip.scales import (
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    RatingScale,
)
from sakip.text import LANGUAGES, N_, check_lang, gettext
from sakip.text.reasons import PHRASES
from sakip.text.report_words import rule_word, word

__all__ = [
    "BUILTIN_RULES",
    "LANGUAGES",
    "Rule",
    "Writer",
    "check_lang",
    "explain_in",
    "say_end_reason",
    "say_growth_reason",
    "say_history_reason",
    "say_reason",
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
# Results say why in English, the library's language, and with a Reason code; a report looks
# its own phrase up by the code, and falls back on the English for a reason it has no code for
# (an error from a formula a user registered, say).


def say_reason(
    w: Writer,
    code: Reason | None,
    text: str,
    *,
    year: int,
    realization: Decimal | None = None,
    target: TargetLike | None = None,
    missing: Sequence[int] = (),
) -> str:
    """A reason in the report's language, from its code and the figures it is about."""
    if code is None:
        return text
    return gettext(
        PHRASES[code],
        lang=w.lang,
        year=year,
        realization="" if realization is None else w.n(realization),
        target="" if target is None else w.target(target),
        years=", ".join(str(y) for y in missing),
    )


def say_row_reason(w: Writer, row: YearRow) -> str:
    """Why a year has no achievement."""
    return say_reason(
        w,
        row.reason_code,
        row.reason or "",
        year=row.year,
        realization=row.realization,
        target=row.target,
    )


def say_history_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of an indicator's history (the end target, the standard) is missing."""
    code, text = dict(found.reason_codes)[part], dict(found.reasons)[part]
    return say_reason(w, code, text, year=found.year)


def say_end_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of the end-target comparison (table c) is missing."""
    end = found.end
    if end is None:
        return say_history_reason(w, found, "end target")
    return say_reason(
        w,
        dict(end.reason_codes)[part],
        dict(end.reasons)[part],
        year=found.year,
        realization=end.realization,
        target=end.end_target,
        missing=() if end.to_date is None else end.to_date.missing,
    )


def say_growth_reason(w: Writer, moved: Change, year: int) -> str:
    """Why a change has no growth (the previous value is 0)."""
    return say_reason(w, moved.growth_reason_code, moved.growth_reason or "", year=year)


# --- explanations in English -----------------------------------------------------------------
# A result explains itself in Indonesian (``explain()``); the audit in English says the same in
# English words, with the numbers in Indonesian notation as the report printed them.

_BETTER_EN = {Polarity.POSITIVE: "higher is better", Polarity.NEGATIVE: "lower is better"}


def _n(value: Decimal, places: int | None = None) -> str:
    return typed(value) if places is None else format_number(value, places)


def _show_en(target: TargetLike) -> str:
    if isinstance(target, Target):
        return _n(target.value)
    return f"{_n(target.low)}–{_n(target.high)}"


def _achievement_en(result: Achievement) -> str:
    target = result.target
    if result.compared_with is None:
        if isinstance(target, TargetRange):
            low, high, real = _n(target.low), _n(target.high), _n(result.realization)
            steps = f"{low} ≤ {real} ≤ {high}: inside the target range"
        else:
            steps = "T = 0 and R = 0: a zero target met"
    else:
        steps = result.formula.render(result.realization, result.compared_with)
        if isinstance(target, TargetRange):
            side = "lower" if result.compared_with == target.low else "upper"
            steps = f"outside the range, {side} bound {_n(result.compared_with)}: {steps}"
    if result.capped:
        capped = result.cap is not None and result.uncapped > result.value
        limit = result.cap if capped else result.floor
        steps = f"{steps} = {_n(result.uncapped, 2)} %, limited to {_n(limit)}"  # type: ignore[arg-type]  # capped implies a limit
    return f"{steps} = {_n(result.percent, 2)} %"


def _change_en(result: Change) -> str:
    moved = {"up": "up", "down": "down", "unchanged": "unchanged"}[result.direction.value]
    steps = f"{_n(result.current)} − {_n(result.previous)} = {_n(result.value)} ({moved})"
    if result.growth is None:
        steps += f"; growth cannot be computed: {result.growth_reason}"
    else:
        steps += (
            f"; growth {_n(result.value)} / {_n(result.previous)} × 100 = "
            f"{_n(result.percent, 2)} %"
        )
    verdict = {True: "improved", False: "worsened", None: "unchanged"}[result.improved]
    return f"{steps}; {verdict} ({_BETTER_EN[result.polarity]})"


def _gap_en(result: Gap) -> str:
    steps = f"{_n(result.end_target)} − {_n(result.realization)} = {_n(result.value)}"
    state = "end target met" if result.met else f"{_n(result.remaining)} short of the end target"
    return f"{steps}; {state} ({_BETTER_EN[result.polarity]})"


def _standard_en(result: StandardComparison) -> str:
    where = {"above": "above", "below": "below", "equal": "equal to"}.get(
        result.position, "within"
    )
    verdict = "meets the standard" if result.meets else "does not yet meet the standard"
    return (
        f"{_n(result.realization)} {where} the standard {_show_en(result.standard.value)} "
        f"({result.source}): {_achievement_en(result.achievement)}; {verdict}"
    )


def explain_in(result: Achievement | Change | Gap | StandardComparison, lang: str) -> str:
    """A result's explanation in ``lang``: its own ``explain()`` in Indonesian, else English."""
    if check_lang(lang) == "id":
        return result.explain()
    if isinstance(result, Achievement):
        return _achievement_en(result)
    if isinstance(result, Change):
        return _change_en(result)
    if isinstance(result, Gap):
        return _gap_en(result)
    return _standard_en(result)


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
