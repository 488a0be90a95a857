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
absorption    spent, ceiling (or a budget line's     spent / ceiling × 100, on the revised
              code, read from the data)              ceiling when there is one
unspent       ceiling, spent (or a budget line's     ceiling − spent (selisih anggaran)
              code)
objective-    the indicators' achievements (or an    their unweighted mean (capaian sasaran)
average       objective and year, from the data)
category      an achievement (or an indicator or     the label of the rating scale's band
              objective, and year)                   (kategori), compared as text
efficiency    achievement, absorption                the efficiency convention's figure
period-       (indicator, year and quarter)          the realization to date by the
realization                                          indicator's aggregation
period-       realization, target (or indicator,     the achievement against the quarter's
achievement   year and quarter)                      target
revised-      (indicator and year)                   the revised agreement's (PK-P) target
target
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
from typing import Protocol, cast

import attrs

from sakip._comparing import show
from sakip._decimal import Number, exact, round_half_up
from sakip._display import Displayed
from sakip._figures import Writing, typed
from sakip._gc import collector_paused
from sakip.achievement import Achievement, AchievementFormula, LevelAchievement, achievement
from sakip.analysis.settings import overridden, places_of
from sakip.budget import (
    EFFICIENCY_CONVENTIONS,
    Absorption,
    absorption,
    efficiency,
    line_absorption,
)
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
from sakip.model import BudgetLine, Claim, Dataset, Polarity, StatedFigure, Target, TargetLike
from sakip.monitor import monitoring
from sakip.monitor import period_target as quarter_target
from sakip.periods import Aggregate, Quarter, aggregate  # periods loads aggregation after itself
from sakip.ratios import percentage
from sakip.reasons import Missing, Part, Reason
from sakip.rollup import MEAN, Rollup, objective_achievement
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.scales import PERMENDAGRI_86_2017, SCALES, classify
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
    "Label",
    "Mean",
    "NotRecomputableError",
    "Recomputation",
    "Remainder",
    "Revision",
    "StatedFigureError",
    "Total",
    "Verdict",
    "audit",
    "check",
    "period_target",
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


_BUDGET_OPERANDS = "two operands, or the code of a budget line read from the data"
_MEAN_OPERANDS = "the indicators' achievements, or an objective and a year"
_LABEL_OPERANDS = "one achievement, or an indicator or an objective and a year"
_PERIOD_OPERANDS = "an indicator, a year and a quarter 1-4"
_REVISED_OPERANDS = "an indicator and a year"
_EFFICIENCY_READS = "a convention that reads achievement and absorption"

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
    ("operands", _BUDGET_OPERANDS): N_(
        "angka anggaran memerlukan dua angka (pagu dan realisasi), atau kode baris anggaran"
    ),
    ("operands", _MEAN_OPERANDS): N_(
        "rata-rata sasaran memerlukan capaian indikatornya, atau sasaran dan tahun"
    ),
    ("operands", _LABEL_OPERANDS): N_(
        "kategori memerlukan satu capaian, atau indikator atau sasaran beserta tahun"
    ),
    ("quarter", _PERIOD_OPERANDS): N_(
        "angka triwulan memerlukan indikator, tahun dan triwulan (1-4)"
    ),
    ("indicator", _REVISED_OPERANDS): N_("target PK-P memerlukan indikator dan tahun"),
    ("convention", _EFFICIENCY_READS): N_(
        "efisiensi yang diperiksa memakai konvensi yang membaca capaian dan serapan"
    ),
}


def _unfit_words(problem: BadStatedFigureError, lang: str) -> str:
    """Why a stated figure cannot be checked, in ``lang``, from the error its check raised."""
    error = problem.error
    if isinstance(error, NotFoundError):
        return _not_found_words(error, lang)
    if isinstance(error, InvalidValueError):
        return _invalid_words(error, lang)
    return problem.reason  # a check you registered words its own errors


def _not_found_words(error: NotFoundError, lang: str) -> str:
    """What a stated figure names that is not there: a kind, a rule, or a thing of the data."""
    known = ", ".join(f"`{name}`" for name in error.available)
    if isinstance(error, UnknownRuleError) and error.kind in _FIELDS:
        return gettext(
            "aturan `{name}` tidak dikenal; yang dikenal: {known}",
            lang=lang,
            name=error.name,
            known=known,
        )
    if isinstance(error, UnknownRuleError):
        return gettext(
            "jenis angka `{kind}` tidak dikenal; yang dikenal: {known}",
            lang=lang,
            kind=error.name,
            known=known,
        )
    if error.kind == "objective":
        return gettext("sasaran `{code}` tidak ada dalam rencana", lang=lang, code=error.name)
    if error.kind == "budget line":
        return gettext("baris anggaran `{code}` tidak ada dalam data", lang=lang, code=error.name)
    return gettext("indikator `{code}` tidak ada dalam rencana", lang=lang, code=error.name)


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
class Mean(Displayed):
    """An objective's average recomputed from the achievements a report printed (rata-rata).

    Attributes:
        items: The indicators' achievements, as printed.
        value: Their unweighted mean, exact.
    """

    items: tuple[Decimal, ...]
    value: Decimal

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The mean with its terms, in ``numbers``' notation (``lang``'s when not given).

        >>> sakip.audit.Mean(items=(Decimal(100), Decimal(90)), value=Decimal(95)).explain()
        '(100 + 90) / 2 = 95,00'
        """
        notation = numbers or check_lang(lang)
        terms = " + ".join(typed(item, lang=notation) for item in self.items)
        shown = format_number(self.value, 2, lang=notation)
        return f"({terms}) / {len(self.items)} = {shown}"


@attrs.frozen(kw_only=True, repr=False)
class Remainder(Displayed):
    """The unspent budget (selisih anggaran, sisa pagu): ceiling − spent.

    Attributes:
        ceiling: The ceiling, the revised one when the line has one.
        spent: The spending.
        value: ``ceiling − spent``, exact.
    """

    ceiling: Decimal
    spent: Decimal
    value: Decimal

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The difference with its terms, in ``numbers``' notation (``lang``'s when not given).

        >>> sakip.audit.Remainder(
        ...     ceiling=Decimal(174970600), spent=Decimal(149338671), value=Decimal(25631929)
        ... ).explain()
        '174.970.600 − 149.338.671 = 25.631.929'
        """
        notation = numbers or check_lang(lang)
        ceiling, spent = typed(self.ceiling, lang=notation), typed(self.spent, lang=notation)
        return f"{ceiling} − {spent} = {typed(self.value, lang=notation)}"


@attrs.frozen(kw_only=True, repr=False)
class Label(Displayed):
    """The label a rating scale gives a printed achievement (kategori).

    Attributes:
        value: The achievement classified, as printed (two decimals).
        label: The label of the band it falls in.
        scale: The scale's name.
    """

    value: Decimal
    label: str
    scale: str

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The classification, in ``numbers``' notation (``lang``'s when not given).

        >>> sakip.audit.Label(
        ...     value=Decimal("100.42"), label="Sangat Tinggi", scale="permendagri-86-2017"
        ... ).explain()
        '100,42 % → Sangat Tinggi (permendagri-86-2017)'
        """
        notation = numbers or check_lang(lang)
        shown = format_number(self.value, 2, lang=notation)
        return f"{shown} % → {self.label} ({self.scale})"


@attrs.frozen(kw_only=True, repr=False)
class Revision(Displayed):
    """A target of a revised performance agreement (target PK-P) beside the one first signed.

    Attributes:
        original: The target first signed (PK).
        revised: The revised target (PK-P), the one measured against.
    """

    original: TargetLike
    revised: TargetLike

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """Both targets, in ``lang`` (numbers in ``numbers``' notation).

        >>> from sakip import Target
        >>> print(sakip.audit.Revision(original=Target("94.6"), revised=Target(96)).explain())
        target PK 94,6, target PK-P 96
        """
        w = Writing.of(lang, numbers)
        return w.gettext(
            "target PK {original}, target PK-P {revised}",
            original=show(self.original, w),
            revised=show(self.revised, w),
        )


@attrs.frozen(kw_only=True, repr=False)
class Recomputation(Displayed):
    """What a check computed (hasil hitung ulang): a number, or whether a claim holds, and how.

    Attributes:
        value: The recomputed figure, exact; ``None`` for a claim or a label.
        holds: Whether a claim holds; ``None`` for a number.
        basis: The result it was recomputed from, which explains it in either language.
        formula: The achievement formula used, when one was: its source is the one cited.
        label: The recomputed label, for a rating label (``category``).
        cited: The rule actually used, when it is not the kind's own (a rating scale, an
            efficiency convention, an aggregation method): its source is the one cited.
    """

    value: Decimal | None = None
    holds: bool | None = None
    basis: Explains
    formula: AchievementFormula | None = None
    label: str | None = None
    cited: DescribedRule | None = None


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


_BAB_III_B = Source(
    reference="PermenPANRB 53/2014",
    location="Lampiran, Bab III B (realisasi anggaran)",
    grade=EvidenceGrade.REGULATION,
)

_PERIODS = Source(
    reference="Practice of agencies' quarterly monitoring (rencana aksi, e-SAKIP applications)",
    grade=EvidenceGrade.PRACTICE,
    note="A quarter is read against its own target; the yearly target is not divided.",
)

_PK = Source(
    reference="Practice of published revised performance agreements (PK Perubahan)",
    grade=EvidenceGrade.PRACTICE,
    note="Both agreements are kept; the revised target is the one measured against.",
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
    # a level indicator's formula is a level rule: printed numbers take the polarity's default
    return indicator.polarity, None if indicator.levels is not None else indicator.formula


def _exact_operands(figure: StatedFigure, dataset: Dataset | None) -> tuple[Decimal, Decimal]:
    """The stated realization and target, or the data's exact ones they are printed from.

    A report that prints an indicator's figures to its places (:attr:`~sakip.Settings.places`)
    prints a realization of 95,5 as "96" and computes the achievement from 95,5: a stated
    operand that is the data's figure rounded half-up to those places stands for that figure.
    """
    realization, target = figure.operands
    if dataset is None or figure.indicator is None or figure.year is None or figure.quarter:
        return realization, target
    try:
        indicator = dataset.plan.indicator(figure.indicator)
    except NotFoundError:  # a cascade indicator: the report prints no table of its figures
        return realization, target
    places = places_of(dataset, indicator)
    if places is None:
        return realization, target
    row = _history(figure, dataset).current
    exact = row.target.value if isinstance(row.target, Target) else None

    def printed(stated: Decimal, data: Decimal | None) -> Decimal:
        if data is not None and round_half_up(data, places) == stated:
            return data
        return stated

    return printed(realization, row.realization), printed(target, exact)


def _achievement(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        realization, target = _exact_operands(figure, dataset)
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


def _line(dataset: Dataset | None, code: str) -> BudgetLine:
    """The budget line with this code, in the budget or a performance agreement's budget."""
    lines = [] if dataset is None else list(_budget_lines(dataset))
    for line in lines:
        if line.code == code:
            return line
    raise NotFoundError("budget line", code, {line.code for line in lines})


def _budget_lines(dataset: Dataset) -> Iterable[BudgetLine]:
    for top in (*dataset.budget, *(line for pk in dataset.agreements for line in pk.budget)):
        yield from top.walk()


def _line_absorption(figure: StatedFigure, dataset: Dataset | None) -> Absorption:
    return line_absorption(_line(dataset, figure.budget_line))  # type: ignore[arg-type]  # checked


def _absorption(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        spent, ceiling = figure.operands
        result = absorption(spent=spent, ceiling=ceiling)
    else:
        result = _line_absorption(figure, dataset)
    return Recomputation(value=result.value, basis=result)


def _unspent(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        ceiling, spent = figure.operands
    else:  # the year's spending as absorption reads it: stated, or the four quarters
        found = _line_absorption(figure, dataset)
        ceiling, spent = found.ceiling, found.spent
    with exact():
        left = ceiling - spent
    return Recomputation(value=left, basis=Remainder(ceiling=ceiling, spent=spent, value=left))


def _objective_average(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        with exact():
            mean = sum(figure.operands, Decimal(0)) / len(figure.operands)
        return Recomputation(value=mean, basis=Mean(items=figure.operands, value=mean))
    result = _objective_rollup(figure, dataset)
    return Recomputation(value=result.value, basis=result)


def _objective_rollup(figure: StatedFigure, dataset: Dataset | None) -> Rollup:
    code, year = figure.objective, figure.year
    if dataset is None or code is None or year is None:
        raise InvalidValueError("operands", (), _MEAN_OPERANDS)
    return objective_achievement(dataset, code, year)


def _category(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    scale = SCALES.get(figure.scale) if figure.scale else PERMENDAGRI_86_2017
    if figure.operands:
        value = figure.operands[0]
    elif figure.objective is not None:
        value = _objective_rollup(figure, dataset).value
    else:
        row = _history(figure, dataset).current
        if row.achievement is None:
            raise NotRecomputableError("category", _row_missing(row.missing))
        value = row.achievement.value
    printed = round_half_up(value, 2)  # classified as printed, so a table never contradicts
    label = classify(printed, scale).label
    basis = Label(value=printed, label=label, scale=scale.name)
    return Recomputation(basis=basis, label=label, cited=scale)


def _efficiency(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    achieved, absorbed = figure.operands
    result = efficiency(
        figure.convention or "difference", achievement=achieved, absorption=absorbed
    )
    return Recomputation(value=result.value, basis=result, cited=result.convention)


def period_target(dataset: Dataset, indicator: str, year: int, quarter: int) -> TargetLike | None:
    """The target of a quarter (target triwulan) the data holds; ``None`` if it holds none.

    :func:`sakip.monitor.period_target` for ``Quarter(year, quarter)``, the one look-up the
    monitoring table and the audit share (a quarter of monthly targets has its months').

    >>> import sakip.io
    >>> from sakip.audit import period_target
    >>> data = sakip.io.load("tests/data/monitoring.toml")
    >>> period_target(data, "IKU-1", 2024, 2), period_target(data, "IKU-1", 2023, 2)
    (Target(value=Decimal('600')), None)
    """
    return quarter_target(dataset, indicator, Quarter(year, quarter))


def _period(figure: StatedFigure, dataset: Dataset | None) -> tuple[Dataset, str, Quarter]:
    code, year, number = figure.indicator, figure.year, figure.quarter
    if dataset is None or code is None or year is None or number is None:
        raise InvalidValueError("quarter", number, _PERIOD_OPERANDS)
    return dataset, code, Quarter(year, number)


def _to_date(figure: StatedFigure, dataset: Dataset | None) -> Aggregate:
    data, code, quarter = _period(figure, dataset)
    indicator = data.plan.indicator(code)
    if indicator.levels is not None:  # a level is no figure to add up over quarters
        lacking = (("year", quarter.year),)
        missing = Missing(reason=Reason.LEVELS, part=Part.REALIZATION, values=lacking)
        raise NotRecomputableError("period", missing)
    try:
        return aggregate(
            indicator, data.realizations_of(indicator.code), quarter.year, as_of=quarter
        )
    except NotFoundError:  # no quarter reported up to this one: nothing to recompute from
        lacking = (("year", quarter.year),)
        missing = Missing(reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=lacking)
        raise NotRecomputableError("period", missing) from None


def _period_realization(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    result = _to_date(figure, dataset)
    return Recomputation(value=result.value, basis=result, cited=result.method)


def _period_achievement(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if figure.operands:
        return _achievement(figure, dataset)
    data, code, quarter = _period(figure, dataset)
    if period_target(data, code, quarter.year, quarter.number) is None:
        lacking = (("year", quarter.year),)
        missing = Missing(reason=Reason.NO_PERIOD_TARGET, part=Part.TARGET, values=lacking)
        raise NotRecomputableError("period achievement", missing)
    # as the monitoring table computes it: the total to date or the quarter's own figure, by
    # the indicator's period basis, against the quarter's own target
    row = monitoring(data, as_of=quarter).indicator(code).row(quarter)
    if row.achievement is None:
        raise NotRecomputableError("period achievement", cast(Missing, row.achievement_missing))
    return _explained(row.achievement, row.achievement.value)


def _revised_target(figure: StatedFigure, dataset: Dataset | None) -> Recomputation:
    if dataset is None or figure.indicator is None or figure.year is None:
        raise InvalidValueError("indicator", figure.indicator, _REVISED_OPERANDS)
    lacking = Missing(reason=Reason.NOT_REVISED, part=Part.TARGET, values=(("year", figure.year),))
    for agreement in dataset.agreements:
        if agreement.year == figure.year and figure.indicator in dict(agreement.targets):
            revised = agreement.revised_target(figure.indicator)
            if revised is None:
                break
            if not isinstance(revised, Target):  # a range is no one number to compare
                refused = (("rule", "revised-target"),)
                raise NotRecomputableError(
                    "revised target", Missing(reason=Reason.RULE_REFUSED, values=refused)
                )
            return Recomputation(
                value=revised.value,
                basis=Revision(
                    original=agreement.original_target(figure.indicator), revised=revised
                ),
            )
    raise NotRecomputableError("revised target", lacking)


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
    operands="spent, ceiling; or none, with a budget line's code",
    arity=2,
    rule="spent / ceiling × 100",
    run=_absorption,
    source=_BAB_III_B,
)

_register(
    "unspent",
    title="unspent budget (selisih anggaran)",
    operands="ceiling, spent; or none, with a budget line's code",
    arity=2,
    rule="ceiling − spent, on the revised ceiling when there is one",
    run=_unspent,
    percent=False,
    source=_BAB_III_B,
)

_register(
    "objective-average",
    title="objective's achievement (capaian sasaran)",
    operands="the indicators' achievements; or none, with an objective and a year",
    arity=None,
    rule="the unweighted mean of the indicators' achievements",
    run=_objective_average,
    source=MEAN.source,
)

_register(
    "category",
    title="rating label (kategori capaian)",
    operands="an achievement; or none, with an indicator or an objective and a year",
    arity=1,
    rule="the label of the scale's band the printed achievement falls in",
    run=_category,
    percent=False,
    source=PERMENDAGRI_86_2017.source,
)

_register(
    "efficiency",
    title="efficiency (efisiensi)",
    operands="achievement, absorption",
    arity=2,
    rule="the efficiency convention's figure (difference: achievement % − absorption %)",
    run=_efficiency,
    source=EFFICIENCY_CONVENTIONS["difference"].source,
)

_register(
    "period-realization",
    title="a quarter's realization to date (realisasi triwulan)",
    operands="none; the indicator, year and quarter",
    arity=0,
    rule="the quarters up to this one, by the indicator's aggregation",
    run=_period_realization,
    percent=False,
    source=_PERIODS,
)

_register(
    "period-achievement",
    title="a quarter's achievement (capaian triwulan)",
    operands="realization, target; or none, with indicator, year and quarter",
    arity=2,
    rule="the realization to date against the quarter's target, by the indicator's formula",
    run=_period_achievement,
    source=_PERIODS,
)

_register(
    "revised-target",
    title="revised agreement's target (target PK Perubahan)",
    operands="none; the indicator and year",
    arity=0,
    rule="the target of the year's revised performance agreement (PK-P)",
    run=_revised_target,
    percent=False,
    source=_PK,
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
    shape = _SHAPES.get(found.name)
    if shape is not None:
        shape(figure, count)
    elif found.name == "claim":
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
    if found.name not in _WORDED:
        _stated_number(figure)
    return found


_WORDED = ("claim", "category")
"""The kinds whose stated figure is words, not a number."""


def _budget_shape(figure: StatedFigure, count: int) -> None:
    if count != 2 and not (count == 0 and figure.budget_line is not None):
        raise InvalidValueError("operands", figure.operands, _BUDGET_OPERANDS)


def _mean_shape(figure: StatedFigure, count: int) -> None:
    if count == 0 and (figure.objective is None or figure.year is None):
        raise InvalidValueError("operands", (), _MEAN_OPERANDS)


def _label_shape(figure: StatedFigure, count: int) -> None:
    about = figure.indicator is not None or figure.objective is not None
    if count > 1 or (count == 0 and not (about and figure.year is not None)):
        raise InvalidValueError("operands", figure.operands, _LABEL_OPERANDS)
    if figure.scale is not None:
        SCALES.get(figure.scale)


def _efficiency_shape(figure: StatedFigure, count: int) -> None:
    if count != 2:
        raise InvalidValueError(
            "operands", figure.operands, "2 operands (achievement, absorption)"
        )
    if figure.convention is not None:
        chosen = EFFICIENCY_CONVENTIONS.get(figure.convention)
        if set(chosen.inputs) != {"achievement", "absorption"}:
            raise InvalidValueError("convention", figure.convention, _EFFICIENCY_READS)


def _period_shape(figure: StatedFigure, count: int) -> None:
    if figure.indicator is None or figure.year is None or figure.quarter is None:
        raise InvalidValueError("quarter", figure.quarter, _PERIOD_OPERANDS)
    wanted = (0, 2) if figure.kind == "period-achievement" else (0,)
    if count not in wanted:
        raise InvalidValueError(
            "operands", figure.operands, f"{' or '.join(map(str, wanted))} operands"
        )


def _revised_shape(figure: StatedFigure, count: int) -> None:
    if figure.indicator is None or figure.year is None:
        raise InvalidValueError("indicator", figure.indicator, _REVISED_OPERANDS)
    if count:
        raise InvalidValueError("operands", figure.operands, "0 operands (none)")


_SHAPES: dict[str, Callable[[StatedFigure, int], None]] = {
    "absorption": _budget_shape,
    "unspent": _budget_shape,
    "objective-average": _mean_shape,
    "category": _label_shape,
    "efficiency": _efficiency_shape,
    "period-realization": _period_shape,
    "period-achievement": _period_shape,
    "revised-target": _revised_shape,
}
"""What each kind with more than one shape of operands needs, checked before it runs."""


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
        label: The recomputed label of a rating label (``category``).
        cited: The rule used when it is not the kind's own (the scale, the convention, the
            aggregation method), whose source is cited.
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
    label: str | None = None
    cited: DescribedRule | None = None

    @property
    def source(self) -> Source | None:
        """The source of the rule used (the formula's own, the rule's, or else the kind's).

        An ``inverse`` achievement cites the practice it comes from, not PermenPANRB 8/2021;
        a label cites its scale, an efficiency figure its convention.
        """
        if self.formula is not None:
            return self.formula.source
        return self.check.source if self.cited is None else self.cited.source

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
        if self.label is not None:
            return self.label
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
        figure = self.figure
        named = (figure.indicator, figure.objective, figure.budget_line, figure.year)
        about = [str(p) for p in named if p is not None]
        if figure.quarter is not None:
            about.append(f"TW {_ROMAN[figure.quarter - 1]}")
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


_ROMAN = ("I", "II", "III", "IV")
"""The quarters as a report names them (TW I-IV)."""

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
    if found.name not in _WORDED:
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
    if outcome.label is not None:
        agrees = _words(outcome.label) == _words(figure.stated)
    elif outcome.value is None:
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
        label=outcome.label,
        cited=outcome.cited,
    )


def _words(label: str) -> str:
    """A label as compared: case and runs of spaces do not matter ("sangat  baik")."""
    return " ".join(label.casefold().split())


@attrs.frozen(kw_only=True, repr=False)
class Audit(Displayed):
    """The audit of every figure a report states (hasil reviu).

    Attributes:
        findings: One finding per stated figure, in the order the data lists them.
        agency: The name of the body whose report was audited, when known.
        year: The year the report covers (the latest year with a realization), when known.
    """

    findings: tuple[Finding, ...]
    agency: str | None = None
    year: int | None = None

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


def _names_in(figure: StatedFigure, dataset: Dataset) -> None:
    """Check that the indicator, objective and budget line a figure names are in the data.

    Figures given apart from the data may name any, so each is looked up here once.
    """
    if figure.indicator is not None:
        dataset.plan.indicator(figure.indicator)
    if figure.objective is not None:
        dataset.plan.objective(figure.objective)
    if figure.budget_line is not None and not figure.operands:
        _line(dataset, figure.budget_line)


_FIELDS = {
    "rating scale": "scale",
    "efficiency convention": "convention",
    "objective": "objective",
    "budget line": "budget_line",
}
"""The field of a stated figure that names each kind of thing looked up."""


def _field(error: SakipError) -> str:
    """The field of a stated figure that an error is about."""
    if isinstance(error, InvalidValueError):
        return error.name
    if isinstance(error, NotFoundError) and error.kind in _FIELDS:
        return _FIELDS[error.kind]
    if isinstance(error, UnknownRuleError):
        return "kind"
    return "indicator"


@collector_paused  # builds thousands of small objects; see sakip._gc
def audit(
    dataset: Dataset,
    figures: Iterable[StatedFigure] | None = None,
    *,
    scale: str | None = None,
    cap: Number | None = None,
    places: int | None = None,
) -> Audit:
    """Recompute every figure a report states and compare each with the data (reviu laporan).

    Figures read from the data are recomputed with the data's settings (the indicator's,
    else the dataset's :class:`~sakip.Settings`), as its report computed them; ``scale``,
    ``cap`` and ``places`` override both, as they did for a report made with them. A stated
    realization or target of an achievement that is the data's figure rounded half-up to the
    indicator's places is the figure the report printed it from.

    Args:
        dataset: The data; its ``stated`` figures are checked unless ``figures`` is given.
        figures: The figures to check instead of the dataset's own.
        scale: The name of the rating scale the report used, when not the data's.
        cap: The cap the report used, when not the data's.
        places: The places the report printed its indicators' figures with, when not the
            data's (:attr:`~sakip.Settings.places`).

    Raises:
        StatedFigureError: One or more figures cannot be checked (unknown kind, wrong operands,
            an indicator the data does not have); every such figure is listed, none is skipped.
    """
    chosen: Sequence[StatedFigure] = tuple(dataset.stated if figures is None else figures)
    dataset = overridden(dataset, scale=scale, cap=cap, places=places)
    problems: list[BadStatedFigureError] = []
    for index, figure in enumerate(chosen):
        try:
            validate(figure)
            _names_in(figure, dataset)
        except SakipError as error:
            problems.append(
                BadStatedFigureError(index, _field(error), figure.location, str(error), error)
            )
    if problems:
        raise StatedFigureError("stated figures that cannot be checked", problems)
    findings = tuple(check(figure, dataset) for figure in chosen)
    years = [realization.year for realization in dataset.realizations]
    # the year a report covers, as sakip report picks it: the latest with a realization
    return Audit(findings=findings, agency=dataset.agency.name, year=max(years) if years else None)
