"""Audit (reviu) of a report's own figures: recompute every figure it prints, list each mismatch.

A report keeps the figures it prints as :class:`~sakip.StatedFigure` objects: the figure as
printed (``"101,1"``), where it is printed, and the printed inputs it was computed from. The
audit recomputes each one with the rule of its kind and compares the two at the precision the
report printed: a stated ``"95"`` agrees with 95,25 because it was printed with no decimals,
while ``"101,1"`` is compared with 100,4 and disagrees (:data:`PRINTED_PRECISION_RULE`).

The kinds are data, registered in :data:`CHECKS`:

============= ====================================== =========================================
kind          operands                               recomputed as
============= ====================================== =========================================
achievement   realization, target (or indicator and  R / T × 100, or the indicator's formula
              year, read from the data)
percentage    part, whole                            part / whole × 100
sum           the items                              their total
change        current, previous                      current − previous
growth        current, previous                      (current − previous) / previous × 100
gap           end target, realization                end target − realization
progress      realization, baseline, end target      (R − B) / (end target − B) × 100
absorption    spent, ceiling                         spent / ceiling × 100
claim         (indicator and year)                   the sentence checked against the data
============= ====================================== =========================================

A narrative claim names what it says in ``claim``: one of :data:`CLAIMS`.

A finding holds no words: the result it was recomputed from (its ``basis``), or why it could
not be (its ``missing``, a reason code). It explains itself at print time with the formula and
its numbers in Indonesian notation, as the report printed them, and every word around them (a
range's bound, a trend, a gap, no national standard, a figure that cannot be recomputed) in
Indonesian or English (:meth:`~sakip.Finding.explanation_in`). It cites the source of the rule
it used: an achievement cites its own formula's (an ``inverse`` achievement the practice it
comes from).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Protocol

import attrs

from sakip._decimal import exact, round_half_up
from sakip._display import Displayed
from sakip._figures import typed
from sakip._gc import collector_paused
from sakip.achievement import Achievement, AchievementFormula, LevelAchievement, achievement
from sakip.budget import absorption
from sakip.compare import (
    Change,
    Gap,
    IndicatorHistory,
    NoStandard,
    change,
    gap,
    history,
    progress,
)
from sakip.exceptions import (
    InvalidValueError,
    NotFoundError,
    SakipError,
    UndefinedResultError,
    UnknownRuleError,
)
from sakip.locale import format_number, parse_number
from sakip.model import Claim, Dataset, Polarity, StatedFigure
from sakip.ratios import percentage
from sakip.reasons import Missing, Part, Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_, check_lang, gettext, ngettext

__all__ = [
    "CHECKS",
    "CLAIMS",
    "PRINTED_PRECISION_RULE",
    "Audit",
    "BadStatedFigureError",
    "Explains",
    "FigureCheck",
    "Finding",
    "NotRecomputableError",
    "Recomputation",
    "StatedFigureError",
    "Total",
    "Verdict",
    "audit",
    "check",
    "validate",
]


class StatedFigureError(SakipError, ExceptionGroup["BadStatedFigureError"]):
    """Stated figures that cannot be checked: each sub-error names one figure and its problem.

    Attributes:
        exceptions: One :class:`BadStatedFigureError` per bad figure.
    """


class BadStatedFigureError(SakipError, ValueError):
    """One stated figure that cannot be checked, and why.

    ``str()`` is English, as every exception sakip raises; :meth:`describe` says it in the
    command's language.

    Attributes:
        index: Its position in the list of stated figures, from 0.
        field: The field that is wrong ("kind", "operands", "claim", "stated", ...).
        location: Where the report prints it, when known.
        reason: Why it cannot be checked, in English.
        error: The error the check raised, which :meth:`describe` words anew.
    """

    def __init__(
        self,
        index: int,
        field: str,
        location: str | None,
        reason: str,
        error: SakipError | None = None,
    ) -> None:
        super().__init__(index, field, location, reason, error)
        self.index = index
        self.field = field
        self.location = location
        self.reason = reason
        self.error = error

    @property
    def place(self) -> str:
        """``stated[i]:field``, the place in a data file, as the readers write it."""
        return f"stated[{self.index}]:{self.field}"

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"{self.place}: {self.reason}{where}"

    def describe(self, lang: str = "id") -> str:
        """The figure, by its number in the file and where the report prints it, and why."""
        figure = gettext("angka yang dinyatakan nomor {number}", lang=lang, number=self.index + 1)
        where = f" ({self.location})" if self.location else ""
        return f"{figure}{where}: {_unfit_words(self, lang)}"


# Why a stated figure does not fit its kind, by the field and what it had to be.
_UNFIT = {
    ("indicator", "an indicator and a year for a claim"): N_(
        "sebuah pernyataan memerlukan indikator dan tahun"
    ),
    ("operands", "realization and target, or an indicator and a year"): N_(
        "capaian memerlukan realisasi dan target, atau indikator dan tahun"
    ),
    ("operands", "at least one item to sum"): N_(
        "jumlah memerlukan sekurang-kurangnya satu angka"
    ),
    ("stated", "a number as printed"): N_(
        "angka yang dinyatakan harus berupa angka seperti dicetak"
    ),
}


def _unfit_words(problem: BadStatedFigureError, lang: str) -> str:
    """Why a stated figure cannot be checked, in ``lang``, from the error its check raised."""
    error = problem.error
    if isinstance(error, UnknownRuleError):
        known = ", ".join(f"`{name}`" for name in error.available)
        return gettext(
            "jenis angka `{kind}` tidak dikenal; yang dikenal: {known}",
            lang=lang,
            kind=error.name,
            known=known,
        )
    if isinstance(error, NotFoundError):
        return gettext("indikator `{code}` tidak ada dalam rencana", lang=lang, code=error.name)
    if isinstance(error, InvalidValueError):
        return _invalid_words(error, lang)
    return problem.reason  # a check you registered words its own errors


def _invalid_words(error: InvalidValueError, lang: str) -> str:
    words = _UNFIT.get((error.name, error.expected))
    if words is not None:
        return gettext(words, lang=lang)
    if error.name == "claim":
        known = ", ".join(f"`{claim.value}`" for claim in CLAIMS)
        return gettext("`claim` wajib diisi, salah satu dari {known}", lang=lang, known=known)
    if error.expected == _NO_POLARITY:
        return gettext(
            "capaian memerlukan indikatornya (atau polarity=, dan formula= bila bukan rumus "
            "bawaan), agar rumusnya diketahui",
            lang=lang,
        )
    given = len(error.value) if isinstance(error.value, tuple) else 0
    return ngettext(
        "banyaknya operan tidak sesuai dengan jenis angkanya ({count} angka diberikan)",
        "banyaknya operan tidak sesuai dengan jenis angkanya ({count} angka diberikan)",
        given,
        lang=lang,
        count=given,
    )


class Verdict(enum.Enum):
    """What the audit concluded about one stated figure."""

    AGREES = "agrees"
    """The recomputed figure, at the printed precision, is the printed figure."""
    DISAGREES = "disagrees"
    """It is not, or a claim does not follow from the data."""
    NOT_COMPUTABLE = "not-computable"
    """The figure cannot be recomputed (a zero whole, a missing year)."""


class Explains(Protocol):
    """A result that explains itself in a language, as every sakip result does."""

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation in words in ``lang``, its figures in ``numbers``' notation."""
        ...  # pragma: no cover - a protocol's signature, never called


@attrs.frozen(kw_only=True, repr=False)
class Total(Displayed):
    """A total recomputed from the items a report printed (jumlah).

    Attributes:
        items: The items, as printed.
        value: Their sum, exact.
    """

    items: tuple[Decimal, ...]
    value: Decimal

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The sum with its terms, in ``numbers``' notation (``lang``'s when not given).

        >>> sakip.audit.Total(items=(Decimal(1), Decimal("2.5")), value=Decimal("3.5")).explain()
        '1 + 2,5 = 3,5'
        """
        notation = numbers or check_lang(lang)
        terms = " + ".join(typed(item, lang=notation) for item in self.items)
        return f"{terms} = {typed(self.value, lang=notation)}"


@attrs.frozen(kw_only=True, repr=False)
class Recomputation(Displayed):
    """What a check computed (hasil hitung ulang): a number, or whether a claim holds, and how.

    Attributes:
        value: The recomputed figure, exact; ``None`` for a claim.
        holds: Whether a claim holds; ``None`` for a number.
        basis: The result it was recomputed from, which explains it in either language.
        formula: The achievement formula used, when one was: its source is the one cited.
    """

    value: Decimal | None = None
    holds: bool | None = None
    basis: Explains
    formula: AchievementFormula | None = None


def _explained(
    result: Achievement | LevelAchievement | Change | Gap, value: Decimal
) -> Recomputation:
    formula = result.formula if isinstance(result, Achievement) else None
    return Recomputation(value=value, basis=result, formula=formula)


class NotRecomputableError(UndefinedResultError):
    """A figure of the data cannot be recomputed (tidak dapat dihitung ulang), and why.

    Attributes:
        missing: Why, as a reason code and the values involved.
    """

    def __init__(self, quantity: str, missing: Missing) -> None:
        super().__init__(quantity, missing.explain(lang="en"), reason=missing.reason)
        self.missing = missing


def _missing(error: UndefinedResultError) -> Missing:
    """Why an error says a figure is undefined: its reason code and the figures involved."""
    if isinstance(error, NotRecomputableError):
        return error.missing
    if error.reason is None:  # a user's own rule raised it
        return Missing(reason=Reason.RULE_REFUSED, values=(("rule", error.quantity),))
    values = tuple((name, v) for name, v in error.inputs if isinstance(v, Decimal))
    return Missing(reason=error.reason, values=values)


@attrs.frozen(kw_only=True, repr=False)
class FigureCheck(Displayed, DescribedRule):
    """A kind of stated figure and how it is recomputed (jenis angka yang diperiksa).

    Attributes:
        name: The kind, as a stated figure names it ("achievement").
        title: What the figure is, in a phrase.
        operands: The operands, in order, as a phrase.
        arity: How many operands it takes; ``None`` for any number (a sum), ``0`` for none.
        rule: The formula, in words and symbols.
        percent: Whether the figure is a percentage (shown with two decimals at least).
        source: Where the rule comes from; ``None`` for plain arithmetic (a sum, a share).
    """

    rule_kind = N_("Pemeriksaan angka laporan")

    name: str
    title: str
    operands: str
    arity: int | None
    rule: str
    percent: bool
    source: Source | None
    _run: Callable[[StatedFigure, Dataset | None], Recomputation] = attrs.field(
        eq=False, repr=False, alias="run"
    )

    def run(self, figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
        """Recompute ``figure`` (an internal step of :func:`check`)."""
        return self._run(figure, dataset)


CHECKS: Registry[FigureCheck] = Registry("stated figure kind")
"""Every kind of stated figure the audit can check, by name."""

CLAIMS: tuple[Claim, ...] = tuple(Claim)
"""Every :class:`~sakip.Claim`, the narrative claims the audit checks against the data."""

PRINTED_PRECISION_RULE = Source(
    reference="sakip policy: a printed figure agrees when the recomputed figure, rounded "
    "half-up to the decimals printed, equals it",
    grade=EvidenceGrade.POLICY,
)
"""The tolerance of the audit, which is set by the precision the report printed."""

_BAB_III = Source(
    reference="PermenPANRB 53/2014",
    location="Lampiran, Bab III (analisis capaian kinerja)",
    grade=EvidenceGrade.REGULATION,
)


def _need_dataset(figure: StatedFigure, dataset: Dataset | None) -> Dataset:
    if dataset is None or figure.indicator is None or figure.year is None:
        raise InvalidValueError(
            "stated figure",
            figure.stated,
            f"operands, or an indicator and a year read from the data, for a {figure.kind}",
        )
    return dataset


# --- the checks -----------------------------------------------------------------------------


def _history(figure: StatedFigure, dataset: Dataset | None) -> IndicatorHistory:
    data = _need_dataset(figure, dataset)
    return history(data, figure.indicator, figure.year)  # type: ignore[arg-type]  # checked


_NO_POLARITY = (
    "the indicator the achievement belongs to (or polarity=, and formula= where it is not "
    "the default), so that its formula is known"
)


def _polarity(
    figure: StatedFigure, dataset: Dataset | None, *, required: bool = False
) -> tuple[Polarity, str | None]:
    """The polarity and formula of the figure's indicator, or as the figure states them.

    An achievement's figure depends on them, so for one (``required``) they are never
    guessed; a change's figure does not, and only the word for its direction defaults to
    higher is better.
    """
    if figure.polarity is not None:
        return figure.polarity, figure.formula
    if dataset is None or figure.indicator is None:
        if required:
            raise InvalidValueError("indicator", figure.indicator, _NO_POLARITY)
        return Polarity.POSITIVE, None
    indicator = dataset.plan.indicator(figure.indicator)
    return indicator.polarity, indicator.formula


def _achievement(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        realization, target = figure.operands
        polarity, formula = _polarity(figure, dataset, required=True)
        result = achievement(
            realization=realization, target=target, polarity=polarity, formula=formula
        )
        return _explained(result, result.value)
    row = _history(figure, dataset).current
    if row.achievement is None:
        raise NotRecomputableError("achievement", _row_missing(row.missing))
    return _explained(row.achievement, row.achievement.value)


def _percentage(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    part, whole = figure.operands
    result = percentage(part=part, whole=whole)
    return Recomputation(value=result.value, basis=result)


def _sum(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    with exact():
        total = sum(figure.operands, Decimal(0))
    return Recomputation(value=total, basis=Total(items=figure.operands, value=total))


def _change(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    current, previous = figure.operands
    result = change(current=current, previous=previous, polarity=_polarity(figure, dataset)[0])
    return _explained(result, result.value)


def _growth(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    current, previous = figure.operands
    result = change(current=current, previous=previous, polarity=_polarity(figure, dataset)[0])
    if result.growth is None:
        raise NotRecomputableError("growth", _row_missing(result.growth_missing))
    return _explained(result, result.growth)


def _gap(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    end_target, realization = figure.operands
    polarity = _polarity(figure, dataset)[0]
    result = gap(realization=realization, end_target=end_target, polarity=polarity)
    return _explained(result, result.value)


def _progress(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    realization, baseline, end_target = figure.operands
    result = progress(realization=realization, baseline=baseline, end_target=end_target)
    return Recomputation(value=result.value, basis=result)


def _absorption(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    spent, ceiling = figure.operands
    result = absorption(spent=spent, ceiling=ceiling)
    return Recomputation(value=result.value, basis=result)


def _claim(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    found = _history(figure, dataset)
    claim = figure.claim
    if claim in (Claim.BELOW_NATIONAL_STANDARD, Claim.ABOVE_NATIONAL_STANDARD):
        return _standard_claim(found, below=claim is Claim.BELOW_NATIONAL_STANDARD)
    if claim in (Claim.IMPROVED, Claim.WORSENED):
        return _trend_claim(found, improved=claim is Claim.IMPROVED)
    return _target_claim(found, met=claim is Claim.TARGET_MET)


def _standard_claim(found: IndicatorHistory, *, below: bool) -> Recomputation:
    standard = found.standard
    if standard is None:
        raise NotRecomputableError("claim", _row_missing(found.missing_for("standard")))
    if isinstance(standard, NoStandard):  # nothing is above or below a standard not recorded
        return Recomputation(holds=False, basis=standard)
    holds = standard.position == ("below" if below else "above")
    return Recomputation(holds=holds, basis=standard)


def _trend_claim(found: IndicatorHistory, *, improved: bool) -> Recomputation:
    moved = found.current.change
    if moved is None:
        year = found.year if found.current.realization is None else found.year - 1
        lacking = (("year", year),)
        missing = Missing(reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=lacking)
        raise NotRecomputableError("claim", missing)
    return Recomputation(holds=moved.improved is improved, basis=moved)


def _target_claim(found: IndicatorHistory, *, met: bool) -> Recomputation:
    result = found.current.achievement
    if result is None:
        raise NotRecomputableError("claim", _row_missing(found.current.missing))
    # A claim cites chapter III, not the formula: no formula is kept.
    return Recomputation(holds=result.met is met, basis=result)


def _row_missing(missing: Missing | None) -> Missing:
    """Why a figure of the data is missing: a result without a figure always says why."""
    assert missing is not None
    return missing


def _register(
    name: str,
    *,
    title: str,
    operands: str,
    arity: int | None,
    rule: str,
    run: Callable[[StatedFigure, Dataset | None], Recomputation],
    percent: bool = True,
    source: Source | None = _BAB_III,
) -> FigureCheck:
    return CHECKS.register(
        FigureCheck(
            name=name,
            title=title,
            operands=operands,
            arity=arity,
            rule=rule,
            percent=percent,
            source=source,
            run=run,
        )
    )


_register(
    "achievement",
    title="achievement (capaian)",
    operands="realization, target; or none, with indicator and year",
    arity=2,
    rule="the indicator's achievement formula (R / T × 100 when higher is better)",
    run=_achievement,
    source=Source(
        reference="PermenPANRB 8/2021", location="Lampiran", grade=EvidenceGrade.REGULATION
    ),
)

_register(
    "percentage",
    title="percentage (persentase)",
    operands="part, whole",
    arity=2,
    rule="part / whole × 100",
    run=_percentage,
    source=None,
)

_register(
    "sum",
    title="total (jumlah)",
    operands="the items",
    arity=None,
    rule="the sum of the items",
    run=_sum,
    percent=False,
    source=None,
)

_register(
    "change",
    title="change on the previous year (selisih)",
    operands="current, previous",
    arity=2,
    rule="current − previous",
    run=_change,
    percent=False,
)

_register(
    "growth",
    title="growth on the previous year (pertumbuhan)",
    operands="current, previous",
    arity=2,
    rule="(current − previous) / previous × 100",
    run=_growth,
)

_register(
    "gap",
    title="gap to the end-of-plan target (selisih terhadap target akhir Renstra)",
    operands="end target, realization",
    arity=2,
    rule="end target − realization",
    run=_gap,
    percent=False,
)

_register(
    "progress",
    title="progress from the baseline to the end target (kemajuan)",
    operands="realization, baseline, end target",
    arity=3,
    rule="(realization − baseline) / (end target − baseline) × 100",
    run=_progress,
)

_register(
    "absorption",
    title="budget absorption (serapan anggaran)",
    operands="spent, ceiling",
    arity=2,
    rule="spent / ceiling × 100",
    run=_absorption,
    source=Source(
        reference="PermenPANRB 53/2014",
        location="Lampiran, Bab III B (realisasi anggaran)",
        grade=EvidenceGrade.REGULATION,
    ),
)

_register(
    "claim",
    title="narrative claim (pernyataan naratif)",
    operands="none; the indicator and year the sentence is about",
    arity=0,
    rule="the claim checked against the data: " + ", ".join(claim.value for claim in CLAIMS),
    run=_claim,
    percent=False,
)


# --- checking --------------------------------------------------------------------------------


def validate(figure: StatedFigure) -> FigureCheck:
    """The check for ``figure``'s kind, once its fields fit that kind.

    Raises:
        UnknownRuleError: No check has that kind.
        InvalidValueError: The operands, claim, indicator or year do not fit the kind.
    """
    found = CHECKS.get(figure.kind)
    count = len(figure.operands)
    if found.name == "claim":
        if figure.claim is None:
            known = ", ".join(claim.value for claim in CLAIMS)
            raise InvalidValueError("claim", None, f"one of {known}")
        if figure.indicator is None or figure.year is None:
            raise InvalidValueError(
                "indicator", figure.indicator, "an indicator and a year for a claim"
            )
    elif found.name == "achievement" and count == 0:
        if figure.indicator is None or figure.year is None:
            raise InvalidValueError(
                "operands", (), "realization and target, or an indicator and a year"
            )
    elif found.name == "achievement" and figure.indicator is None and figure.polarity is None:
        raise InvalidValueError("indicator", None, _NO_POLARITY)
    elif found.arity is None:
        if count == 0:
            raise InvalidValueError("operands", (), "at least one item to sum")
    elif count != found.arity:
        raise InvalidValueError(
            "operands", figure.operands, f"{found.arity} operands ({found.operands})"
        )
    if found.name != "claim":
        _stated_number(figure)
    return found


def _stated_number(figure: StatedFigure) -> tuple[Decimal, int]:
    """The printed figure as a number, and the decimals it was printed with."""
    try:
        value = parse_number(figure.stated)
    except SakipError:
        raise InvalidValueError("stated", figure.stated, "a number as printed") from None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return value, places


@attrs.frozen(kw_only=True, repr=False)
class Finding(Displayed):
    """The audit of one stated figure (temuan).

    Attributes:
        figure: The figure as the report states it.
        check: The kind of figure and its rule.
        verdict: Whether it agrees with the recomputation.
        stated_value: The printed figure as a number; ``None`` for a claim.
        places: The decimals the report printed it with; ``None`` for a claim.
        value: The recomputed figure, exact and unrounded; ``None`` for a claim or when it
            cannot be computed.
        basis: The result it was recomputed from, ``None`` when it cannot be.
        missing: Why it cannot be recomputed, ``None`` when it can.
        formula: The achievement formula the recomputation used, if any.
    """

    figure: StatedFigure
    check: FigureCheck
    verdict: Verdict
    stated_value: Decimal | None
    places: int | None
    value: Decimal | None
    basis: Explains | None = None
    missing: Missing | None = None
    formula: AchievementFormula | None = None

    @property
    def source(self) -> Source | None:
        """The source of the rule used, the formula's own or else the kind's.

        An ``inverse`` achievement cites the practice it comes from, not PermenPANRB 8/2021.
        """
        return self.check.source if self.formula is None else self.formula.source

    _dict_properties = ("agrees", "recomputed", "shown")

    def _headline(self) -> str:
        where = f" ({self.figure.location})" if self.figure.location else ""
        return (
            f"{self.figure.kind} {self.figure.stated}{where} {self.verdict.value}, "
            f"recomputed {self.recomputed}"
        )

    def explanation_in(self, lang: str) -> str:
        """The explanation in ``"id"`` (Indonesian) or ``"en"``; formulas read the same in both.

        >>> figure = StatedFigure(kind="percentage", stated="0", operands=[0, 0])
        >>> sakip.audit.check(figure).explanation_in("id")
        'tidak dapat dihitung ulang: keseluruhan bernilai 0'
        """
        lang = check_lang(lang)
        if self.missing is not None:
            reason = self.missing.explain(lang=lang)
            return gettext("tidak dapat dihitung ulang: {reason}", lang=lang, reason=reason)
        basis = self.basis
        assert basis is not None  # a finding has a basis or says why it has none
        if isinstance(basis, NoStandard):
            return gettext(_NO_STANDARD, lang=lang, code=basis.indicator)
        said = basis.explain(lang, numbers="id")  # the figures as the report printed them
        if isinstance(basis, Achievement) and self.figure.claim is not None:
            state = _MET if basis.met else _NOT_MET
            return gettext(state, lang=lang, explanation=said)
        return said

    @property
    def explanation(self) -> str:
        """The recomputation with its numbers, or why it cannot be done, in English."""
        return self.explanation_in("en")

    @property
    def agrees(self) -> bool:
        """Whether the stated figure agrees with the data."""
        return self.verdict is Verdict.AGREES

    @property
    def recomputed(self) -> str:
        """The recomputed figure as a report would print it (Indonesian notation).

        Percentages show two decimals (more if the report printed more); other figures show
        the report's decimals, or the places they have when it printed none (a quotient's
        digits to 2 places). A claim shows whether it holds.
        """
        if self.value is None:
            return "—" if self.verdict is Verdict.NOT_COMPUTABLE else self._claim_text()
        if self.check.percent:
            return format_number(self.value, max(2, self.places or 0))
        if self.places:
            return format_number(self.value, self.places)
        return typed(self.value)

    @property
    def shown(self) -> str | None:
        """The recomputed figure rounded to the decimals the report printed ("100,4").

        ``None`` for a claim or a figure that cannot be recomputed.
        """
        if self.value is None or self.places is None:
            return None
        return format_number(round_half_up(self.value, self.places), self.places)

    def _claim_text(self) -> str:
        return "holds" if self.agrees else "does not hold"

    @property
    def location(self) -> str:
        """Where the figure is printed, with its indicator and year when known."""
        return self.location_in("en")

    def location_in(self, lang: str) -> str:
        """:attr:`location` in ``"id"`` (Indonesian) or ``"en"``."""
        unknown = gettext("(letak tidak disebutkan)", lang=check_lang(lang))
        parts = [self.figure.location or unknown]
        about = [str(p) for p in (self.figure.indicator, self.figure.year) if p is not None]
        if about:
            parts.append(f"({', '.join(about)})")
        return " ".join(parts)

    def explain(self) -> str:
        """One line: where, what was stated, what the data gives, and the verdict.

        >>> figure = StatedFigure(kind="percentage", stated="6,3", operands=[7711, 12242])
        >>> sakip.audit.check(figure).explain()
        'percentage (persentase): stated 6,3, recomputed 62,99 — disagrees'
        """
        return (
            f"{self.check.title}: stated {self.figure.stated}, recomputed {self.recomputed} "
            f"— {self.verdict.value}"
        )


_NO_STANDARD = N_(
    "tidak ada standar nasional yang tercatat untuk {code}, sehingga tidak ada yang dapat "
    "berada di atas atau di bawahnya"
)
_MET = N_("{explanation}: target tercapai")
_NOT_MET = N_("{explanation}: target tidak tercapai")


def check(figure: StatedFigure, dataset: Dataset | None = None) -> Finding:
    """Recompute one stated figure and compare it at the printed precision (periksa angka).

    Args:
        figure: The figure as printed, with its operands.
        dataset: The data, for figures recomputed from an indicator and a year, for claims,
            and for the polarity of an indicator's achievement.

    Raises:
        UnknownRuleError: The figure's kind is not in :data:`CHECKS`.
        InvalidValueError: Its operands, claim or stated figure do not fit its kind.

    >>> figure = StatedFigure(
    ...     kind="achievement", stated="101,1", operands=[95, "94.6"], polarity="positive"
    ... )
    >>> finding = sakip.audit.check(figure)
    >>> finding.verdict.value, finding.recomputed
    ('disagrees', '100,42')
    >>> figure = StatedFigure(kind="percentage", stated="95 %", operands=[13773, 14460])
    >>> sakip.audit.check(figure).agrees
    True
    """
    found = validate(figure)
    stated_value: Decimal | None = None
    places: int | None = None
    if found.name != "claim":
        stated_value, places = _stated_number(figure)
    try:
        outcome = found.run(figure, dataset)
    except UndefinedResultError as error:
        return Finding(
            figure=figure,
            check=found,
            verdict=Verdict.NOT_COMPUTABLE,
            stated_value=stated_value,
            places=places,
            value=None,
            missing=_missing(error),
        )
    if outcome.value is None:
        agrees = bool(outcome.holds)
    else:
        assert places is not None  # every numeric kind has a stated number
        agrees = round_half_up(outcome.value, places) == stated_value
    return Finding(
        figure=figure,
        check=found,
        verdict=Verdict.AGREES if agrees else Verdict.DISAGREES,
        stated_value=stated_value,
        places=places,
        value=outcome.value,
        basis=outcome.basis,
        formula=outcome.formula,
    )


@attrs.frozen(kw_only=True, repr=False)
class Audit(Displayed):
    """The audit of every figure a report states (hasil reviu).

    Attributes:
        findings: One finding per stated figure, in the order the data lists them.
    """

    findings: tuple[Finding, ...]

    _dict_properties = ("ok",)

    def _headline(self) -> str:
        return f"{len(self.findings)} figures, {len(self.disagreements)} disagree"

    @property
    def disagreements(self) -> tuple[Finding, ...]:
        """The findings that do not agree (including those that cannot be recomputed)."""
        return tuple(finding for finding in self.findings if not finding.agrees)

    @property
    def ok(self) -> bool:
        """Whether every stated figure agrees with the data."""
        return not self.disagreements

    def explain(self) -> str:
        """A one-line summary."""
        return (
            f"{len(self.findings)} stated figures checked, "
            f"{len(self.disagreements)} do not agree with the data"
        )


def _field(error: SakipError) -> str:
    """The field of a stated figure that an error is about."""
    if isinstance(error, InvalidValueError):
        return error.name
    if isinstance(error, UnknownRuleError):
        return "kind"
    return "indicator"


@collector_paused  # builds thousands of small objects; see sakip._gc
def audit(dataset: Dataset, figures: Iterable[StatedFigure] | None = None) -> Audit:
    """Recompute every figure a report states and compare each with the data (reviu laporan).

    Args:
        dataset: The data; its ``stated`` figures are checked unless ``figures`` is given.
        figures: The figures to check instead of the dataset's own.

    Raises:
        StatedFigureError: One or more figures cannot be checked (unknown kind, wrong operands,
            an indicator the data does not have); every such figure is listed, none is skipped.
    """
    chosen: Sequence[StatedFigure] = tuple(dataset.stated if figures is None else figures)
    problems: list[BadStatedFigureError] = []
    for index, figure in enumerate(chosen):
        try:
            validate(figure)
            if figure.indicator is not None:  # figures given apart from the data may name any
                dataset.plan.indicator(figure.indicator)
        except SakipError as error:
            problems.append(
                BadStatedFigureError(index, _field(error), figure.location, str(error), error)
            )
    if problems:
        raise StatedFigureError("stated figures that cannot be checked", problems)
    return Audit(findings=tuple(check(figure, dataset) for figure in chosen))
