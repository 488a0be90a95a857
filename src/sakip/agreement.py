"""Performance agreement (Perjanjian Kinerja, PK) checked against the strategic plan.

A PK takes its yearly targets from the Renstra, but a signed target may differ (a revised
Renstra, a negotiated target, a typing slip). The PK is what the body signed, so a difference
is reported, never refused: :func:`~sakip.check_agreement` lists every difference for a person to
read, and the PK target stays the one a report measures against.
"""

from __future__ import annotations

import enum

import attrs

from sakip._comparing import show
from sakip._display import Displayed
from sakip._figures import Writing
from sakip.exceptions import NotFoundError
from sakip.model import PerformanceAgreement, StrategicPlan, TargetLike
from sakip.text import N_

__all__ = ["AgreementDifference", "DifferenceKind", "check_agreement"]


class DifferenceKind(enum.Enum):
    """What kind of difference between a PK and the Renstra was found."""

    TARGET_DIFFERS = "target-differs"
    """The PK target is not the Renstra target for that year."""
    NO_PLAN_TARGET = "no-plan-target"
    """The Renstra has no target for the indicator in that year."""
    NOT_IN_PLAN = "not-in-plan"
    """The indicator is not an indicator of the Renstra at all."""


@attrs.frozen(kw_only=True, repr=False)
class AgreementDifference(Displayed):
    """A PK target that is not what the Renstra plans for the year (selisih target PK).

    Attributes:
        indicator: The indicator's code.
        year: The PK's year.
        kind: What kind of difference it is.
        agreement_target: The target signed in the PK.
        plan_target: The Renstra target for the year, or ``None`` when there is none.
    """

    indicator: str
    year: int
    kind: DifferenceKind
    agreement_target: TargetLike
    plan_target: TargetLike | None

    def explain(self, lang: str = "id", *, numbers: str | None = None) -> str:
        """The difference in words, in ``lang`` (numbers in ``numbers``' notation).

        >>> plan = sakip.StrategicPlan(
        ...     name="Renstra",
        ...     start_year=2021,
        ...     end_year=2026,
        ...     goals=[
        ...         sakip.Goal(
        ...             code="T1",
        ...             name="Tujuan",
        ...             indicators=[
        ...                 sakip.Indicator(code="PPKS", name="PPKS tertangani", unit="%")
        ...             ],
        ...         )
        ...     ],
        ...     indicator_plans=[sakip.IndicatorPlan(indicator="PPKS", targets={2024: "94.6"})],
        ... )
        >>> pk = sakip.PerformanceAgreement(year=2024, targets={"PPKS": 95})
        >>> check_agreement(plan, pk)[0].explain()
        'PPKS 2024: target PK 95, target Renstra 94,6'
        >>> check_agreement(plan, pk)[0].explain(lang="en")
        'PPKS 2024: PK target 95, Renstra target 94.6'
        """
        w = Writing.of(lang, numbers)
        where = f"{self.indicator} {self.year}"
        return w.gettext(
            _DIFFERENCE[self.kind],
            where=where,
            agreement=show(self.agreement_target, w),
            plan=show(self.plan_target, w),
        )


_DIFFERENCE = {
    DifferenceKind.TARGET_DIFFERS: N_("{where}: target PK {agreement}, target Renstra {plan}"),
    DifferenceKind.NO_PLAN_TARGET: N_(
        "{where}: target PK {agreement}, Renstra tidak memuat target tahun ini"
    ),
    DifferenceKind.NOT_IN_PLAN: N_(
        "{where}: target PK {agreement}, indikator tidak ada dalam Renstra"
    ),
}
"""Each kind of difference, as one message."""


def check_agreement(
    plan: StrategicPlan, agreement: PerformanceAgreement
) -> tuple[AgreementDifference, ...]:
    """Check a performance agreement (PK) against the strategic plan (Renstra).

    Every PK target is compared with the Renstra target of the PK's year. A target that
    differs, an indicator with no Renstra target that year, and an indicator the Renstra does
    not know are each reported, in the PK's order. Nothing is refused: an empty result means
    the PK follows the Renstra.

    Args:
        plan: The strategic plan.
        agreement: The performance agreement of one year.

    >>> plan = sakip.StrategicPlan(
    ...     name="Renstra",
    ...     start_year=2021,
    ...     end_year=2026,
    ...     goals=[
    ...         sakip.Goal(
    ...             code="T1",
    ...             name="Tujuan",
    ...             indicators=[sakip.Indicator(code="PPKS", name="PPKS tertangani", unit="%")],
    ...         )
    ...     ],
    ...     indicator_plans=[sakip.IndicatorPlan(indicator="PPKS", targets={2024: "94.6"})],
    ... )
    >>> check_agreement(plan, sakip.PerformanceAgreement(year=2024, targets={"PPKS": "94.60"}))
    ()
    """
    known = {indicator.code for indicator in plan.indicators}
    found = []
    for code, signed in agreement.targets:
        planned: TargetLike | None = None
        if code not in known:
            kind: DifferenceKind | None = DifferenceKind.NOT_IN_PLAN
        else:
            try:
                planned = plan.target(code, agreement.year)
            except NotFoundError:
                kind = DifferenceKind.NO_PLAN_TARGET
            else:
                kind = None if planned == signed else DifferenceKind.TARGET_DIFFERS
        if kind is not None:
            found.append(
                AgreementDifference(
                    indicator=code,
                    year=agreement.year,
                    kind=kind,
                    agreement_target=signed,
                    plan_target=planned,
                )
            )
    return tuple(found)
