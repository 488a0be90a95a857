"""Budget absorption (serapan anggaran), budget totals and efficiency (efisiensi).

- :func:`~sakip.absorption` and :func:`~sakip.line_absorption`: spending as a percentage of
  the ceiling, the revised ceiling when there is one.
- :func:`~sakip.check_total` and :func:`~sakip.check_totals`: whether parts add up to the
  stated total (children of a budget line, quarters of a year's spending, sub-items of a
  table). A mismatch is reported as a :class:`~sakip.TotalCheck`, never refused and never
  corrected silently.
- :func:`~sakip.efficiency`: the efficiency of resource use by one of four named, cited conventions
  kept in :data:`EFFICIENCY_CONVENTIONS`:

  ============== ===================================================== ===========
  name           figure                                                 source
  ============== ===================================================== ===========
  difference     achievement % − absorption % (positive = efficient)    practice
  share          efficient when achievement % exceeds absorption %      practice
  unspent        100 − absorption %, read only when the target is met   practice
  pmk-249-2011   Nilai Efisiensi = 50 % + E/20 × 50 %, E bounded ±20 %  PMK 249/2011
  ============== ===================================================== ===========

  No regulation sets rating bands for efficiency; sakip invents none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import HUNDRED, Number, exact, round_half_up, to_decimal
from sakip._display import Displayed
from sakip._figures import Writing
from sakip._results import PercentFigure
from sakip.achievement import Achievement
from sakip.exceptions import InvalidValueError, UndefinedResultError
from sakip.model import BudgetLine
from sakip.periods import Quarter
from sakip.reasons import Figure, Missing, Reason
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_, gettext

__all__ = [
    "DIFFERENCE",
    "EFFICIENCY_CONVENTIONS",
    "PMK_249_2011",
    "SHARE",
    "UNSPENT",
    "Absorption",
    "Efficiency",
    "EfficiencyConvention",
    "OutputFigures",
    "TotalCheck",
    "absorption",
    "check_parts",
    "check_total",
    "check_totals",
    "efficiency",
    "line_absorption",
]

_ROMAN = ("I", "II", "III", "IV")


# --- absorption -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class TotalCheck(Displayed):
    """A total checked against its parts (pemeriksaan jumlah).

    Attributes:
        where: Where the total is printed: a budget line's code, a table row.
        quantity: What is totalled ("ceiling", "spent", "beneficiaries").
        stated: The total as stated.
        computed: The sum of the parts.
        parts: The parts, in order.
    """

    where: str
    quantity: str
    stated: Decimal
    computed: Decimal
    parts: tuple[Decimal, ...]

    @property
    def difference(self) -> Decimal:
        """``stated − computed``: positive when the stated total is larger than its parts."""
        with exact():
            return self.stated - self.computed

    @property
    def ok(self) -> bool:
        """Whether the stated total equals the sum of its parts."""
        return self.stated == self.computed

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The sum with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        ``where`` is the caller's label and prints as given; so does ``quantity``, except the
        labels sakip's own checks use (``jumlah``, ``pagu``, ``pagu perubahan``,
        ``realisasi``), which are translated.

        >>> sakip.check_total(stated=241, parts=[82, 105, 18, 15, 10, 11], where="06.").explain()
        '06. jumlah: 82 + 105 + 18 + 15 + 10 + 11 = 241; tertulis 241: sesuai'
        >>> sakip.check_total(stated=9, parts=[4, 4], where="A").explain(lang="en")
        'A total: 4 + 4 = 8; stated 9: differs by 1'
        """
        w = Writing.of(lang, numbers)
        values = {
            "where": self.where,
            "quantity": _quantity(self.quantity, w),
            "terms": " + ".join(w.n(part) for part in self.parts),
            "computed": w.n(self.computed),
            "stated": w.n(self.stated),
        }
        if self.ok:
            return w.gettext(
                "{where} {quantity}: {terms} = {computed}; tertulis {stated}: sesuai", **values
            )
        return w.gettext(
            "{where} {quantity}: {terms} = {computed}; tertulis {stated}: selisih {difference}",
            difference=w.n(self.difference),
            **values,
        )


def _quantity(label: str, w: Writing) -> str:
    """A total's label in the reader's language, for the labels sakip's checks use."""
    if label == "jumlah":
        return w.pgettext("jumlah", "jumlah")
    if label == "pagu":
        return w.pgettext("jumlah", "pagu")
    if label == "pagu perubahan":
        return w.pgettext("jumlah", "pagu perubahan")
    if label == "realisasi":
        return w.pgettext("jumlah", "realisasi")
    return label


def check_total(
    *, stated: Number, parts: Iterable[Number], where: str, quantity: str = "jumlah"
) -> TotalCheck:
    """Check a stated total against its parts (pemeriksaan jumlah).

    Args:
        stated: The total as printed.
        parts: The figures that should add up to it.
        where: Where the total is printed, for the report of a mismatch.
        quantity: What is totalled.

    >>> check = sakip.check_total(stated=12942, parts=[5306, 7607, 336, 47], where="APBN")
    >>> check.ok, check.computed, check.difference
    (False, Decimal('13296'), Decimal('-354'))
    """
    total = to_decimal(stated, "stated")
    figures = tuple(to_decimal(part, f"parts[{i}]") for i, part in enumerate(parts))
    with exact():
        computed = sum(figures, Decimal(0))
    return TotalCheck(
        where=where, quantity=quantity, stated=total, computed=computed, parts=figures
    )


@attrs.frozen(kw_only=True, repr=False)
class Absorption(PercentFigure):
    """Budget absorption (serapan anggaran): spending as a percentage of the ceiling.

    Attributes:
        value: ``spent / ceiling × 100``, exact and unrounded.
        spent: Spending (realisasi anggaran).
        ceiling: The ceiling measured against (pagu; the revised one for a revised line).
        line: The budget line's code, when computed from a line.
        revised: Whether the ceiling is a revised ceiling (pagu perubahan).
        quarters_used: Quarter numbers whose spending was summed; empty when the year's
            spending was given as one figure.
        missing: Quarter numbers up to the as-of quarter with no spending reported; only ever
            non-empty when a partial figure was asked for.
        check: For a line that states both its year's spending and its quarters, the
            comparison of the two.
    """

    spent: Decimal
    ceiling: Decimal
    line: str | None = None
    revised: bool = False
    quarters_used: tuple[int, ...] = ()
    missing: tuple[int, ...] = ()
    check: TotalCheck | None = None

    @property
    def complete(self) -> bool:
        """Whether no quarter's spending is missing."""
        return not self.missing

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang`` (numbers in ``numbers``' notation).

        >>> sakip.absorption(spent=149338671, ceiling=174970600).explain()
        '149.338.671 / 174.970.600 × 100 = 85,35 %'
        >>> sakip.absorption(spent=149338671, ceiling=174970600).explain(lang="en")
        '149,338,671 / 174,970,600 × 100 = 85.35%'
        """
        w = Writing.of(lang, numbers)
        text = f"{w.n(self.spent)} / {w.n(self.ceiling)} × 100 = {w.pct(self.percent)}"
        if self.revised:
            text = w.gettext("{steps} (pagu perubahan)", steps=text)
        if self.missing:
            absent = ", ".join(w.gettext("TW {roman}", roman=_ROMAN[q - 1]) for q in self.missing)
            text += "; " + w.gettext("{quarters} tidak dilaporkan", quarters=absent)
        if self.check is not None and not self.check.ok:
            check = self.check.explain(w.lang, numbers=w.numbers)
            text += "; " + w.gettext(
                "realisasi tertulis berbeda dari jumlah triwulan: {check}", check=check
            )
        return text


def _absorption(
    spent: Decimal, ceiling: Decimal, line: str | None = None
) -> tuple[Decimal, Decimal, Decimal]:
    if ceiling == 0:
        inputs: tuple[tuple[str, object], ...] = (("spent", spent), ("ceiling", ceiling))
        if line is not None:
            inputs = (("line", line), *inputs)
        raise UndefinedResultError("absorption", "the ceiling is 0", inputs, Reason.ZERO_CEILING)
    if ceiling < 0:
        raise InvalidValueError("ceiling", ceiling, "a ceiling above zero")
    with exact():
        return spent * HUNDRED / ceiling, spent, ceiling


def absorption(*, spent: Number, ceiling: Number) -> Absorption:
    """Absorption (serapan anggaran): spending as a percentage of the ceiling (pagu).

    Pass the revised ceiling (pagu perubahan) when there is one, or use
    :func:`line_absorption`, which picks it.

    Args:
        spent: Spending (realisasi anggaran).
        ceiling: The ceiling (pagu).

    Raises:
        UndefinedResultError: The ceiling is 0.
        InvalidValueError: An input is not a finite number, or the ceiling is below 0.

    >>> sakip.absorption(spent=149338671, ceiling=174970600).percent
    Decimal('85.35')
    >>> sakip.absorption(spent=4825424420, ceiling=5093068611).percent
    Decimal('94.74')
    """
    value, s, c = _absorption(to_decimal(spent, "spent"), to_decimal(ceiling, "ceiling"))
    return Absorption(value=value, spent=s, ceiling=c)


def _all_quarters(line: BudgetLine) -> tuple[Decimal, ...] | None:
    """The four quarters' spending, when every one is reported."""
    amounts = tuple(amount for amount in line.quarterly_spent if amount is not None)
    return amounts if len(amounts) == 4 else None


def _quarters_check(line: BudgetLine) -> TotalCheck | None:
    """The line's stated year spending against its four quarters, when it has both."""
    quarters = _all_quarters(line)
    if line.spent is None or quarters is None:
        return None
    return check_total(
        stated=line.spent,
        parts=quarters,
        where=line.code,
        quantity="realisasi per triwulan",
    )


def line_absorption(
    line: BudgetLine, *, as_of: Quarter | None = None, partial: bool = False
) -> Absorption:
    """Absorption (serapan anggaran) of a budget line, on its revised ceiling if it has one.

    Spending is the line's ``spent`` for the whole year when given, else the sum of its
    ``quarterly_spent`` up to ``as_of``. A quarter up to ``as_of`` that is ``None`` or not
    listed is *missing*: by default that raises, because a sum without it would understate
    spending; ``partial=True`` computes from the reported quarters and lists the others in
    :attr:`Absorption.missing`. When the line states both its year's spending and all four
    quarters, :attr:`Absorption.check` compares them (the stated year figure is used).

    Args:
        line: The budget line.
        as_of: The last quarter to count; the whole year by default. Before TW IV only the
            quarters count.
        partial: Accept missing quarters and list them instead of raising.

    Raises:
        UndefinedResultError: No spending is reported, a quarter is missing (unless
            ``partial``), or the ceiling is 0.

    >>> line = sakip.BudgetLine(
    ...     code="1.06.02",
    ...     name="Sub kegiatan",
    ...     ceiling=100,
    ...     revised_ceiling=80,
    ...     quarterly_spent=[10, 20, None, None],
    ... )
    >>> sakip.line_absorption(line, as_of=sakip.Quarter(2024, 2)).explain()
    '30 / 80 × 100 = 37,50 % (pagu perubahan)'
    >>> sakip.line_absorption(line, partial=True).missing
    (3, 4)
    """
    if not isinstance(line, BudgetLine):
        raise InvalidValueError("line", line, "a sakip.BudgetLine")
    if as_of is not None and not isinstance(as_of, Quarter):
        raise InvalidValueError("as_of", as_of, "a sakip.Quarter or None")
    last = 4 if as_of is None else as_of.number
    revised = line.revised_ceiling is not None
    if last == 4 and line.spent is not None:
        value, spent, ceiling = _absorption(line.spent, line.effective_ceiling, line.code)
        return Absorption(
            value=value,
            spent=spent,
            ceiling=ceiling,
            line=line.code,
            revised=revised,
            check=_quarters_check(line),
        )
    used, missing = _reported_quarters(line, last, as_of, partial=partial)
    with exact():
        total = sum((amount for _, amount in used), Decimal(0))
    value, spent, ceiling = _absorption(total, line.effective_ceiling, line.code)
    return Absorption(
        value=value,
        spent=spent,
        ceiling=ceiling,
        line=line.code,
        revised=revised,
        quarters_used=tuple(q for q, _ in used),
        missing=missing,
    )


def _reported_quarters(
    line: BudgetLine, last: int, as_of: Quarter | None, *, partial: bool
) -> tuple[list[tuple[int, Decimal]], tuple[int, ...]]:
    """The reported quarters' spending up to ``last`` and the quarters missing before it."""
    used = [
        (q, amount)
        for q, amount in enumerate(line.quarterly_spent[:last], start=1)
        if amount is not None
    ]
    reported = {q for q, _ in used}
    missing = tuple(q for q in range(1, last + 1) if q not in reported)
    if not used or (missing and not partial):
        until = "the year" if as_of is None else str(as_of)
        absent = ", ".join(f"TW {_ROMAN[q - 1]}" for q in missing)
        raise UndefinedResultError(
            "absorption",
            f"spending up to {until} is not reported for {absent} "
            "(missing is not 0; pass partial=True to use the reported quarters)",
            (("line", line.code),),
            Reason.NO_SPENDING,
        )
    return used, missing


def _year_spent(line: BudgetLine) -> Decimal | None:
    """The year's spending: stated, or the four quarters when all are reported."""
    if line.spent is not None:
        return line.spent
    quarters = _all_quarters(line)
    if quarters is None:
        return None
    with exact():
        return sum(quarters, Decimal(0))


def check_totals(lines: BudgetLine | Iterable[BudgetLine]) -> tuple[TotalCheck, ...]:
    """Check every total in a budget tree against its parts (pemeriksaan jumlah anggaran).

    For each line with children: its ceiling against Σ children's ceilings; its revised
    ceiling against Σ children's effective ceilings, when it or a child has a revised one;
    its spending against Σ children's spending, when it and every child have a year's figure.
    For each line that states both its year's spending and all four quarters: the year
    against Σ quarters. Every check is returned, matching or not; keep those that are not
    :attr:`TotalCheck.ok` to list the mismatches.

    Args:
        lines: A budget line (its whole tree is checked) or several.

    >>> child = sakip.BudgetLine(code="1.1", name="a", ceiling=60, spent=50)
    >>> other = sakip.BudgetLine(code="1.2", name="b", ceiling=40, spent=30)
    >>> top = sakip.BudgetLine(
    ...     code="1", name="Program", ceiling=100, spent=90, children=[child, other]
    ... )
    >>> for check in sakip.check_totals(top):
    ...     print(check.explain())
    1 pagu: 60 + 40 = 100; tertulis 100: sesuai
    1 realisasi: 50 + 30 = 80; tertulis 90: selisih 10
    """
    roots = (lines,) if isinstance(lines, BudgetLine) else tuple(lines)
    checks: list[TotalCheck] = []
    for root in roots:
        if not isinstance(root, BudgetLine):
            raise InvalidValueError("lines", root, "sakip.BudgetLine objects")
        for line in root.walk():
            checks.extend(_line_checks(line))
    return tuple(checks)


def _line_checks(line: BudgetLine) -> list[TotalCheck]:
    checks = _children_checks(line) if line.children else []
    quarters = _quarters_check(line)
    if quarters is not None:
        checks.append(quarters)
    return checks


def _children_checks(line: BudgetLine) -> list[TotalCheck]:
    """The line's ceiling, revised ceiling and spending against its children's."""
    return list(check_parts(line, line.children))


def check_parts(
    line: BudgetLine, parts: Sequence[BudgetLine], *, where: str | None = None
) -> tuple[TotalCheck, ...]:
    """A line's ceiling, revised ceiling and spending against the sum of other lines'.

    :func:`check_totals` checks a line against its own children; this checks it against any
    lines that should add up to it, such as the budget lines of a program's activities in
    the cascade. The checks are those of :func:`check_totals`: the ceiling always, the
    revised ceiling when the line or a part has one, the spending when the line and every
    part have a year's figure.

    Args:
        line: The line whose figures are the stated totals.
        parts: The lines that should add up to it.
        where: The label of the checks; the line's code by default.

    >>> top = sakip.BudgetLine(code="1.06", name="Program", ceiling=100)
    >>> parts = [sakip.BudgetLine(code=c, name=c, ceiling=50) for c in ("a", "b")]
    >>> [check.ok for check in sakip.check_parts(top, parts)]
    [True]
    """
    label = line.code if where is None else where
    checks = [
        check_total(
            stated=line.ceiling,
            parts=[part.ceiling for part in parts],
            where=label,
            quantity="pagu",
        )
    ]
    if line.revised_ceiling is not None or any(p.revised_ceiling for p in parts):
        checks.append(
            check_total(
                stated=line.effective_ceiling,
                parts=[part.effective_ceiling for part in parts],
                where=label,
                quantity="pagu perubahan",
            )
        )
    spent = _year_spent(line)
    spending = [figure for figure in map(_year_spent, parts) if figure is not None]
    if spent is not None and len(spending) == len(parts):
        checks.append(check_total(stated=spent, parts=spending, where=label, quantity="realisasi"))
    return tuple(checks)


# --- efficiency -------------------------------------------------------------------------------


def _rak(value: object) -> Decimal:
    return to_decimal(value, "spent (RAK)")


def _rvk(value: object) -> Decimal:
    return to_decimal(value, "volume (RVK)")


def _pak(value: object) -> Decimal:
    return to_decimal(value, "ceiling (PAK)")


def _tvk(value: object) -> Decimal:
    return to_decimal(value, "target_volume (TVK)")


@attrs.frozen(kw_only=True, repr=False)
class OutputFigures(Displayed):
    """The figures of one output (keluaran) for the PMK 249/2011 efficiency measure.

    Attributes:
        spent: RAK, realisasi anggaran keluaran: what the output cost.
        volume: RVK, realisasi volume keluaran: how much output was delivered.
        ceiling: PAK, pagu anggaran keluaran: the output's budget.
        target_volume: TVK, target volume keluaran: how much output was planned.
        name: The output's name, for the explanation.
    """

    spent: Decimal = attrs.field(converter=_rak)
    volume: Decimal = attrs.field(converter=_rvk)
    ceiling: Decimal = attrs.field(converter=_pak)
    target_volume: Decimal = attrs.field(converter=_tvk)
    name: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class EfficiencyConvention(Displayed, DescribedRule):
    """An efficiency convention (cara mengukur efisiensi): a named, cited way to read it.

    Attributes:
        name: The registered name ("difference").
        title: What it is, in a phrase.
        expression: The formula as printed.
        inputs: The :func:`efficiency` keywords it needs.
        compute: Turns the checked inputs into an :class:`Efficiency`.
        explain: ``explain(result, lang, numbers)`` writes a result's computation with its
            numbers: words in ``lang`` (``"id"`` or ``"en"``), figures in the notation of
            ``numbers``.
        source: Where the convention comes from.
    """

    rule_kind = N_("Konvensi efisiensi")

    name: str
    title: str
    expression: str
    inputs: tuple[str, ...]
    compute: Callable[[EfficiencyConvention, Mapping[str, object]], Efficiency] = attrs.field(
        eq=False, repr=False
    )
    explain: Callable[[Efficiency, str, str], str] = attrs.field(eq=False, repr=False)
    source: Source


@attrs.frozen(kw_only=True, repr=False)
class Efficiency(PercentFigure):
    """Efficiency (efisiensi penggunaan sumber daya) by one convention.

    Attributes:
        value: The convention's figure, exact: percentage points for ``difference`` and
            ``share``, % of the ceiling for ``unspent``, the Nilai Efisiensi (0-100) for
            ``pmk-249-2011``.
        convention: The convention used.
        efficient: The convention's verdict, read from the printed (rounded) figures;
            ``None`` where it gives none (``unspent`` when the target is not met,
            ``pmk-249-2011``, which is a score without official bands).
        achievement: The achievement % used, when the convention needs one.
        absorption: The absorption % used, when the convention needs one.
        e: PMK 249/2011: the efficiency E in %, after the ±20 % bound.
        e_unbounded: PMK 249/2011: E before the bound.
        components: PMK 249/2011: each output's ``1 − (RAK/RVK)/(PAK/TVK)``, as a fraction.
        missing: Why there is no verdict, when ``efficient`` is ``None``
            (:attr:`~sakip.Reason.TARGET_NOT_MET`, :attr:`~sakip.Reason.NO_OFFICIAL_BANDS`).
    """

    convention: EfficiencyConvention
    efficient: bool | None
    achievement: Decimal | None = None
    absorption: Decimal | None = None
    e: Decimal | None = None
    e_unbounded: Decimal | None = None
    components: tuple[Decimal, ...] = ()
    missing: Missing | None = None

    @property
    def bounded(self) -> bool:
        """Whether the ±20 % bound of PMK 249/2011 changed E."""
        return self.e is not None and self.e != self.e_unbounded

    @property
    def verdict(self) -> str:
        """The reading in Indonesian (``"efisien"``, ``"tidak efisien"``, or why there is none)."""
        return self.say_verdict()

    def say_verdict(self, lang: str = "id") -> str:
        """The reading in ``lang``: efficient, not efficient, or why there is none."""
        if self.efficient is None:
            missing = self.missing or Missing(reason=Reason.NO_OFFICIAL_BANDS)
            return missing.explain(lang=lang)
        if self.efficient:
            return gettext("efisien", lang=lang)
        return gettext("tidak efisien", lang=lang)

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The computation with its numbers, in ``lang``, as the convention writes it.

        >>> result = sakip.efficiency("difference", achievement="100.42", absorption="85.35")
        >>> result.explain()
        'capaian 100,42 % − serapan 85,35 % = 15,07 poin: efisien'
        >>> result.explain(lang="en")
        'achievement 100.42% − absorption 85.35% = 15.07 points: efficient'
        """
        w = Writing.of(lang, numbers)
        return self.convention.explain(self, w.lang, w.numbers)


def _inputs(result: Efficiency, w: Writing) -> dict[str, str]:
    """The achievement and absorption E1 to E3 print, and the verdict."""
    achieved, absorbed = result.achievement, result.absorption
    if achieved is None or absorbed is None:  # pragma: no cover - set by E1, E2 and E3
        raise AssertionError("E1, E2 and E3 results have both inputs")
    return {
        "achievement": w.pct(achieved),
        "absorption": w.pct(absorbed),
        "verdict": result.say_verdict(w.lang),
    }


def _explain_difference(result: Efficiency, lang: str, numbers: str) -> str:
    w = Writing.of(lang, numbers)
    values = _inputs(result, w)
    with exact():  # the difference of the printed figures, so that the line adds up
        points = round_half_up(result.achievement) - round_half_up(result.absorption)  # type: ignore[arg-type]  # checked by _inputs
    return w.gettext(
        "capaian {achievement} − serapan {absorption} = {points} poin: {verdict}",
        points=w.n2(points),
        **values,
    )


def _explain_share(result: Efficiency, lang: str, numbers: str) -> str:
    w = Writing.of(lang, numbers)
    return w.gettext(
        "capaian {achievement} {relation} serapan {absorption}: {verdict}",
        relation=">" if result.efficient else "≤",
        **_inputs(result, w),
    )


def _explain_unspent(result: Efficiency, lang: str, numbers: str) -> str:
    w = Writing.of(lang, numbers)
    return w.gettext(
        "100 − serapan {absorption} = {unspent} tidak terserap (capaian {achievement}): {verdict}",
        unspent=w.pct(result.percent),
        **_inputs(result, w),
    )


def _explain_pmk(result: Efficiency, lang: str, numbers: str) -> str:
    w = Writing.of(lang, numbers)
    bounded, unbounded = result.e, result.e_unbounded
    if bounded is None or unbounded is None:  # pragma: no cover - set by the E4 computation
        raise AssertionError("an E4 result has E")
    sign = " %" if w.numbers == "id" else "%"
    bound, half = f"20{sign}", f"50{sign}"  # the regulation's round figures, as typed
    e = f"E = {w.pct(bounded)}"
    if result.bounded:
        e = w.gettext(
            "E = {unbounded}, dibatasi ±{bound} = {e}",
            unbounded=w.pct(unbounded),
            bound=bound,
            e=w.pct(bounded),
        )
    term = f"({w.n2(bounded)})" if bounded < 0 else w.n2(bounded)
    return w.gettext(
        "{e}; nilai efisiensi = {half} + {term} / 20 × {half} = {score} ({verdict})",
        e=e,
        half=half,
        term=term,
        score=w.pct(result.percent),
        verdict=result.say_verdict(w.lang),
    )


EFFICIENCY_CONVENTIONS: Registry[EfficiencyConvention] = Registry("efficiency convention")
"""The efficiency conventions, by name; register your own."""


def _percent_input(value: object, name: str) -> Decimal:
    if isinstance(value, PercentFigure):
        return value.value
    return to_decimal(value, name)


# The verdicts of E1, E2 and E3 read the printed figures, as classification does, so that a
# printed line never contradicts itself ("0,00 poin: efisien", "85,35 % > 85,35 %") and E1
# and E2 always agree.


def _margin(convention: EfficiencyConvention, inputs: Mapping[str, object]) -> Efficiency:
    achieved = _percent_input(inputs["achievement"], "achievement")
    absorbed = _percent_input(inputs["absorption"], "absorption")
    with exact():
        value = achieved - absorbed
    return Efficiency(
        convention=convention,
        value=value,
        efficient=round_half_up(achieved) > round_half_up(absorbed),
        achievement=achieved,
        absorption=absorbed,
    )


def _unspent(convention: EfficiencyConvention, inputs: Mapping[str, object]) -> Efficiency:
    achieved = _percent_input(inputs["achievement"], "achievement")
    absorbed = _percent_input(inputs["absorption"], "absorption")
    met = round_half_up(achieved) >= HUNDRED
    with exact():
        value = HUNDRED - absorbed
    return Efficiency(
        convention=convention,
        value=value,
        efficient=round_half_up(value) > 0 if met else None,
        missing=None if met else Missing(reason=Reason.TARGET_NOT_MET, figure=Figure.EFFICIENCY),
        achievement=achieved,
        absorption=absorbed,
    )


_BOUND = Decimal(20)


def _outputs(raw: object) -> tuple[OutputFigures, ...]:
    if isinstance(raw, OutputFigures) or not isinstance(raw, Iterable):
        raise InvalidValueError("outputs", raw, "a sequence of sakip.OutputFigures")
    outputs = tuple(raw)
    if not outputs:
        raise InvalidValueError("outputs", raw, "at least one output")
    for index, output in enumerate(outputs):
        if not isinstance(output, OutputFigures):
            raise InvalidValueError(f"outputs[{index}]", output, "a sakip.OutputFigures")
    return outputs


def _component(output: OutputFigures, index: int) -> Decimal:
    """One output's ``1 − (RAK/RVK)/(PAK/TVK)``, as a fraction."""
    figures = (
        ("RAK", output.spent),
        ("RVK", output.volume),
        ("PAK", output.ceiling),
        ("TVK", output.target_volume),
    )
    zero = [label for label, figure in figures[1:] if figure == 0]
    if zero:
        raise UndefinedResultError(
            "efficiency (PMK 249/2011)",
            f"{' and '.join(zero)} of output {output.name or index} is 0",
            figures,
            Reason.ZERO_OUTPUT_FIGURE,
        )
    with exact():
        return 1 - (output.spent / output.volume) / (output.ceiling / output.target_volume)


def _pmk(convention: EfficiencyConvention, inputs: Mapping[str, object]) -> Efficiency:
    components = tuple(
        _component(output, index) for index, output in enumerate(_outputs(inputs["outputs"]))
    )
    with exact():
        unbounded = sum(components, Decimal(0)) / len(components) * HUNDRED
        bounded = max(-_BOUND, min(_BOUND, unbounded))
        score = 50 + bounded / _BOUND * 50
    return Efficiency(
        convention=convention,
        value=score,
        efficient=None,
        missing=Missing(reason=Reason.NO_OFFICIAL_BANDS, figure=Figure.EFFICIENCY),
        e=bounded,
        e_unbounded=unbounded,
        components=components,
    )


_PRACTICE = "Practice of published LKjIPs"

DIFFERENCE = EFFICIENCY_CONVENTIONS.register(
    EfficiencyConvention(
        name="difference",
        title="achievement % minus absorption %; positive is efficient",
        expression="capaian % − serapan %",
        inputs=("achievement", "absorption"),
        compute=_margin,
        explain=_explain_difference,
        source=Source(reference=_PRACTICE, location="E1", grade=EvidenceGrade.PRACTICE),
    )
)
"""E1, the difference achievement % − absorption %; positive is efficient."""
SHARE = EFFICIENCY_CONVENTIONS.register(
    EfficiencyConvention(
        name="share",
        title="efficient when the share of performance achieved exceeds the share of budget used",
        expression="capaian % > serapan %",
        inputs=("achievement", "absorption"),
        compute=_margin,
        explain=_explain_share,
        source=Source(
            reference=_PRACTICE,
            location="E2",
            grade=EvidenceGrade.PRACTICE,
            note="A yes/no reading; the figure is the margin achievement % − absorption %.",
        ),
    )
)
"""E2, the share verdict; efficient when achievement % exceeds absorption %."""
UNSPENT = EFFICIENCY_CONVENTIONS.register(
    EfficiencyConvention(
        name="unspent",
        title="the unspent share of the ceiling, read as a saving only when the target is met",
        expression="100 − serapan %",
        inputs=("achievement", "absorption"),
        compute=_unspent,
        explain=_explain_unspent,
        source=Source(reference=_PRACTICE, location="E3", grade=EvidenceGrade.PRACTICE),
    )
)
"""E3, the unspent share 100 − absorption %, read only when the target is met."""
PMK_249_2011 = EFFICIENCY_CONVENTIONS.register(
    EfficiencyConvention(
        name="pmk-249-2011",
        title="PMK 249/2011 efficiency of central ministries and institutions",
        expression="E = (1/n) Σ [1 − (RAK_i/RVK_i)/(PAK_i/TVK_i)] × 100 %, bounded to ±20 %; "
        "Nilai Efisiensi = 50 % + E/20 × 50 %",
        inputs=("outputs",),
        compute=_pmk,
        explain=_explain_pmk,
        source=Source(
            reference="PMK 249/2011",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note="For ministries and institutions (K/L). No official rating bands.",
        ),
    )
)
"""E4, the PMK 249/2011 Nilai Efisiensi of ministries and institutions."""


def efficiency(
    convention: EfficiencyConvention | str,
    *,
    achievement: Number | Achievement | None = None,
    absorption: Number | Absorption | None = None,
    outputs: Sequence[OutputFigures] | None = None,
) -> Efficiency:
    """Efficiency (efisiensi penggunaan sumber daya) by a named convention.

    Each convention takes the keywords it lists in ``inputs``; a missing one, or one it does
    not use, raises rather than being ignored.

    - ``"difference"`` (E1) and ``"share"`` (E2): ``achievement`` and ``absorption``;
    - ``"unspent"`` (E3): ``achievement`` (to know whether the target is met, i.e. at least
      100 %) and ``absorption``;
    - ``"pmk-249-2011"`` (E4): ``outputs``, one :class:`OutputFigures` per output.

    No regulation sets rating bands for efficiency, so none is applied.

    Args:
        convention: A convention or its registered name.
        achievement: Achievement %, a number or an :class:`~sakip.Achievement` (its exact
            value is used).
        absorption: Absorption %, a number or an :class:`Absorption` (its exact value is used).
        outputs: The outputs' RAK, RVK, PAK and TVK for ``pmk-249-2011``.

    Raises:
        UnknownRuleError: No convention has that name.
        InvalidValueError: An input the convention needs is missing or not a number, or one
            it does not use is given.
        UndefinedResultError: PMK 249/2011 with an RVK, PAK or TVK of 0.

    >>> sakip.efficiency("share", achievement="100.42", absorption="85.35").efficient
    True
    >>> sakip.efficiency("unspent", achievement=90, absorption=80).verdict
    'tidak dibaca: target tidak tercapai'
    >>> e4 = sakip.efficiency(
    ...     "pmk-249-2011",
    ...     outputs=[sakip.OutputFigures(spent=70, volume=100, ceiling=100, target_volume=100)],
    ... )
    >>> print(e4.explain())
    E = 30,00 %, dibatasi ±20 % = 20,00 %; nilai efisiensi = 50 % + ... = 100,00 % (tanpa ...)
    >>> e4.bounded, e4.percent
    (True, Decimal('100.00'))
    """
    chosen = EFFICIENCY_CONVENTIONS.resolve(convention)
    given: dict[str, object] = {
        name: value
        for name, value in (
            ("achievement", achievement),
            ("absorption", absorption),
            ("outputs", outputs),
        )
        if value is not None
    }
    for name in chosen.inputs:
        if name not in given:
            raise InvalidValueError(name, None, f"a value: convention {chosen.name!r} needs it")
    for name, value in given.items():
        if name not in chosen.inputs:
            raise InvalidValueError(
                name,
                value,
                f"left out: convention {chosen.name!r} uses {', '.join(chosen.inputs)}",
            )
    return chosen.compute(chosen, given)
