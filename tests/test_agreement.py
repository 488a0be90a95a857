"""Performance agreement (PK) checked against the Renstra: differences reported, not refused."""

from __future__ import annotations

from decimal import Decimal as D

import sakip
from sakip.agreement import DifferenceKind


def _plan() -> sakip.StrategicPlan:
    indicators = [
        sakip.Indicator(code="PPKS", name="PPKS tertangani", unit="%"),
        sakip.Indicator(code="SAKIP", name="Nilai SAKIP", unit="nilai"),
        sakip.Indicator(code="RANGE", name="Rentang", unit="bulan", polarity="negative"),
    ]
    return sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=indicators)],
        indicator_plans=[
            sakip.IndicatorPlan(indicator="PPKS", targets={2024: "94.6", 2026: 100}),
            sakip.IndicatorPlan(indicator="SAKIP", targets={2026: 70}),
            sakip.IndicatorPlan(indicator="RANGE", targets={2024: sakip.TargetRange(7, 8)}),
        ],
    )


def test_seed_agreement_follows_the_plan(seed_dataset: sakip.Dataset) -> None:
    """The seed's 2024 PK signs the Renstra's targets: nothing to report."""
    assert () == sakip.check_agreement(seed_dataset.plan, seed_dataset.agreements[0])


def test_equal_targets_written_differently_agree() -> None:
    """94,6 and 94,60 are the same target."""
    agreement = sakip.PerformanceAgreement(year=2024, targets={"PPKS": "94.60"})
    assert () == sakip.check_agreement(_plan(), agreement)


def test_a_different_target_is_reported_not_refused() -> None:
    """A PK target other than the Renstra's is listed with both targets."""
    agreement = sakip.PerformanceAgreement(year=2024, targets={"PPKS": 95})
    (found,) = sakip.check_agreement(_plan(), agreement)
    assert DifferenceKind.TARGET_DIFFERS is found.kind
    assert ("PPKS", 2024) == (found.indicator, found.year)
    assert (sakip.Target(95), sakip.Target(D("94.6"))) == (
        found.agreement_target,
        found.plan_target,
    )
    assert "PPKS 2024: target PK 95, target Renstra 94,6" == found.explain()


def test_a_target_without_a_plan_target_that_year_is_reported() -> None:
    """An indicator the Renstra gives no target for the PK's year is listed."""
    agreement = sakip.PerformanceAgreement(year=2024, targets={"SAKIP": "68.14"})
    (found,) = sakip.check_agreement(_plan(), agreement)
    assert (DifferenceKind.NO_PLAN_TARGET, None) == (found.kind, found.plan_target)
    assert "SAKIP 2024: target PK 68,14, Renstra tidak memuat target tahun ini" == (
        found.explain()
    )


def test_an_indicator_outside_the_plan_is_reported() -> None:
    """An indicator the Renstra does not know is listed."""
    agreement = sakip.PerformanceAgreement(year=2024, targets={"NEW": 5})
    (found,) = sakip.check_agreement(_plan(), agreement)
    assert DifferenceKind.NOT_IN_PLAN is found.kind
    assert "NEW 2024: target PK 5, indikator tidak ada dalam Renstra" == found.explain()


def test_range_targets_are_compared_and_shown_as_ranges() -> None:
    """A range signed in place of another range is a difference, printed as ranges."""
    agreement = sakip.PerformanceAgreement(
        year=2024, targets={"RANGE": sakip.TargetRange(6, 8), "PPKS": "94.6"}
    )
    (found,) = sakip.check_agreement(_plan(), agreement)
    assert "RANGE 2024: target PK 6–8, target Renstra 7–8" == found.explain()


def test_every_difference_is_listed_in_the_agreements_order() -> None:
    """Several differences come back together, in the PK's order."""
    agreement = sakip.PerformanceAgreement(year=2024, targets={"SAKIP": 68, "PPKS": 90, "NEW": 1})
    found = sakip.check_agreement(_plan(), agreement)
    assert ["SAKIP", "PPKS", "NEW"] == [difference.indicator for difference in found]


def test_a_difference_built_by_hand_without_a_plan_target() -> None:
    """A missing Renstra target prints as a dash, never as 0."""
    found = sakip.AgreementDifference(
        indicator="X",
        year=2024,
        kind=DifferenceKind.TARGET_DIFFERS,
        agreement_target=sakip.Target(1),
        plan_target=None,
    )
    assert "X 2024: target PK 1, target Renstra -" == found.explain()
