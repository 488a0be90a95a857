"""Why a figure is not computable (alasan tidak dapat dihitung): one value, a stable code.

A result that cannot compute one of its figures keeps a :class:`Missing` in its place: the
:class:`Reason` (a code for programs), the :class:`Part` of the input at fault, and the values
involved. It holds no words; :meth:`~sakip.Missing.explain` asks the text layer for them, in
Indonesian or English. An error that means "not computable" carries the same ``reason``.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TypeAlias

import attrs

from sakip._display import Displayed

__all__ = ["Figure", "Missing", "Part", "Reason", "Value"]


class Reason(enum.Enum):
    """Why a figure is not computable (alasan tidak dapat dihitung), as a stable code.

    The codes (the members' values) are part of sakip's public contract: a program may store
    them and compare them across versions. The words for each live in the text layer
    (:func:`sakip.text.reasons.say`), in Indonesian and English.
    """

    NO_REALIZATION = "no-realization"
    """No realization is reported for the year."""
    NO_TARGET = "no-target"
    """The year (or the baseline) has no target."""
    AFTER_REPORT_YEAR = "after-report-year"
    """The year comes after the report year, so it shows its target only."""
    ZERO_TARGET = "zero-target"
    """A realization other than 0 against a target of 0 has no percentage."""
    FORMULA_UNDEFINED = "formula-undefined"
    """The achievement formula is undefined here (a negative target, the inverse at R ≤ 0)."""
    PREVIOUS_ZERO = "previous-zero"
    """Growth divides by the previous value, which is 0."""
    NO_END_TARGET = "no-end-target"
    """The plan has no end target for the indicator."""
    RANGE_END_TARGET = "range-end-target"
    """The end target is a range, and the figure needs a single number."""
    LEVELS = "levels"
    """The indicator is measured in levels (WTP, A), and the figure needs numbers."""
    NO_BASELINE = "no-baseline"
    """The plan has no baseline for the indicator."""
    BASELINE_IS_END_TARGET = "baseline-is-end-target"
    """The end target equals the baseline, so there is nothing to progress over."""
    LAST_PLAN_YEAR = "last-plan-year"
    """The year is the plan's last or later, so no year is left to project to or spread over."""
    YEARS_MISSING = "years-missing"
    """A running total needs every year, and some have no realization."""
    PERIODS_MISSING = "periods-missing"
    """A quarter or a month has no realization (a total to date needs every one up to it)."""
    TOO_FEW_YEARS = "too-few-years"
    """A trend needs values of at least two years."""
    RULE_REFUSED = "rule-refused"
    """The indicator's rule (a formula a user registered, say) refuses these inputs."""
    ZERO_WHOLE = "zero-whole"
    """A percentage divides by the whole, which is 0."""
    ZERO_CEILING = "zero-ceiling"
    """Absorption divides by the budget ceiling (pagu), which is 0."""
    NO_SPENDING = "no-spending"
    """Spending is not reported for some quarters (missing is not 0)."""
    ZERO_OUTPUT_FIGURE = "zero-output-figure"
    """An output's volume, ceiling or target volume, which efficiency divides by, is 0."""
    ZERO_DENOMINATOR = "zero-denominator"
    """A ratio's denominators add up to 0."""
    NO_COMPUTABLE_CHILD = "no-computable-child"
    """A roll-up has no child with a computable figure."""
    ZERO_WEIGHTS = "zero-weights"
    """The weights of a roll-up's computable children add up to 0."""
    TARGET_NOT_MET = "target-not-met"
    """Efficiency by unspent budget is not read while the target is not met."""
    NO_OFFICIAL_BANDS = "no-official-bands"
    """The figure (the PMK 249/2011 efficiency score) has no official verdict bands."""
    NO_PERIOD_TARGET = "no-period-target"
    """The data holds no target for the period below the year that the figure needs."""
    NOT_REVISED = "not-revised"
    """The year's performance agreement has no revised target (PK-P) for the indicator."""


class Part(enum.Enum):
    """The input of a figure that is missing or at fault (bagian yang tidak tersedia)."""

    REALIZATION = "realization"
    """The realization (realisasi) of the year."""
    TARGET = "target"
    """The target (target) of the year."""
    PREVIOUS = "previous"
    """The realization of the year before (realisasi tahun sebelumnya)."""
    BASELINE = "baseline"
    """The plan's baseline (kondisi awal)."""
    END_TARGET = "end-target"
    """The plan's end target (target akhir Renstra)."""
    STANDARD = "standard"
    """The national standard (standar nasional)."""
    YEARS = "years"
    """The years of the plan or of the data (tahun)."""
    RULE = "rule"
    """The rule that computes the figure (aturan)."""


class Figure(enum.Enum):
    """The figure of a result that is missing (angka yang tidak dapat dihitung).

    A result with several figures (an end-target comparison, an indicator's history) keys
    each :class:`Missing` by the figure it stands for.
    """

    ACHIEVEMENT = "achievement"
    """The achievement (capaian)."""
    GROWTH = "growth"
    """The growth % (pertumbuhan)."""
    CHANGE = "change"
    """The change from an earlier year (perubahan)."""
    GAP = "gap"
    """The gap to the end target (selisih)."""
    PROGRESS = "progress"
    """Progress from the baseline (kemajuan)."""
    PROJECTION = "projection"
    """The projection to the end year (proyeksi)."""
    NEEDED = "needed"
    """The change per year still needed (kebutuhan per tahun)."""
    END_TARGET = "end-target"
    """The comparison with the end target (perbandingan dengan target akhir)."""
    STANDARD = "standard"
    """The comparison with a national standard (perbandingan dengan standar nasional)."""
    PERCENTAGE = "percentage"
    """A percentage (persentase)."""
    ABSORPTION = "absorption"
    """Budget absorption (serapan anggaran)."""
    EFFICIENCY = "efficiency"
    """Efficiency (efisiensi)."""
    RATIO = "ratio"
    """A ratio indicator's year value (rasio)."""
    ROLLUP = "rollup"
    """A roll-up of children's figures (agregasi)."""


Value: TypeAlias = Decimal | int | str | tuple[int, ...]
"""A value a reason names: a figure, a year, a code, or the years concerned."""


@attrs.frozen(kw_only=True, repr=False)
class Missing(Displayed):
    """A figure that is not computable, and why (tidak dapat dihitung).

    Attributes:
        reason: Why, as a stable code.
        part: The input at fault, when one is (``None`` when the figure as a whole is).
        values: The values involved, by name (``year``, ``realization``, ``target``,
            ``years``), in the order the reason's sentence uses them.
        figure: The figure that is missing, where a result has several (``None`` when the
            result has one).
    """

    reason: Reason
    part: Part | None = None
    values: tuple[tuple[str, Value], ...] = ()
    figure: Figure | None = None

    def value(self, name: str) -> Value | None:
        """The value named ``name``, or ``None`` when the reason names none."""
        return dict(self.values).get(name)

    def explain(self, lang: str = "id") -> str:
        """Why, as a phrase in ``lang`` (``"id"`` or ``"en"``).

        >>> from sakip.reasons import Missing, Part, Reason
        >>> missing = Missing(
        ...     reason=Reason.NO_REALIZATION, part=Part.REALIZATION, values=(("year", 2024),)
        ... )
        >>> missing.explain()
        'tidak ada realisasi tahun 2024'
        >>> missing.explain(lang="en")
        'no realization is reported for 2024'
        """
        from sakip.text.reasons import say  # noqa: PLC0415 - it imports this module

        return say(self, lang=lang)
