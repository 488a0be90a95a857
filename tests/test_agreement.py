"""Performance agreement (PK) checked against the Renstra: differences reported, not refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

import sakip
import sakip.io
from sakip.agreement import DifferenceKind

PAPER = Path(__file__).resolve().parent / "fixtures" / "kertas-kerja-2024.toml"


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


# --- the revised agreement (PK Perubahan, PK-P) ---------------------------------------------


def test_a_revision_keeps_the_original_and_is_measured_against() -> None:
    """Both targets are kept; target() gives the revised one, which a report measures against."""
    pk = sakip.PerformanceAgreement(
        year=2024,
        targets={"PPKS": "94.6", "SAKIP": "68.14"},
        revised_targets={"PPKS": 96},
        revised_on=date(2024, 7, 1),
    )
    assert pk.revised
    assert sakip.Target(96) == pk.target("PPKS")
    assert sakip.Target("94.6") == pk.original_target("PPKS")
    assert sakip.Target(96) == pk.revised_target("PPKS")
    assert pk.revised_target("SAKIP") is None
    assert sakip.Target("68.14") == pk.target("SAKIP")


def test_an_agreement_never_revised() -> None:
    """No PK-P: the signed targets stand."""
    pk = sakip.PerformanceAgreement(year=2024, targets={"PPKS": "94.6"})
    assert not pk.revised
    assert pk.revised_target("PPKS") is None


def test_a_revision_of_a_target_never_signed_is_refused() -> None:
    """A PK-P revises the PK's targets; it names no indicator the PK does not hold."""
    with pytest.raises(sakip.NotFoundError, match="'SAKIP'"):
        sakip.PerformanceAgreement(
            year=2024, targets={"PPKS": "94.6"}, revised_targets={"SAKIP": 70}
        )


def test_the_revised_target_of_an_indicator_not_signed_is_not_found() -> None:
    """Asking for the PK-P target of an indicator outside the PK is an error, not None."""
    pk = sakip.PerformanceAgreement(year=2024, targets={"PPKS": "94.6"})
    with pytest.raises(sakip.NotFoundError):
        pk.revised_target("SAKIP")


def test_a_data_file_keeps_the_revision() -> None:
    """The PK-P reads from a data file and writes back the same."""
    data = sakip.io.load(PAPER)
    (pk,) = data.agreements
    assert (("IKU-1", sakip.Target(96)),) == pk.revised_targets
    assert date(2024, 7, 1) == pk.revised_on
    assert data == sakip.io.loads_toml(sakip.io.dumps_toml(data))
    assert data == sakip.io.loads_json(sakip.io.dumps_json(data))


def test_a_revision_naming_an_unknown_indicator_is_a_problem_of_the_file(tmp_path: Path) -> None:
    """The file's problems name the revised target's place."""
    text = PAPER.read_text(encoding="utf-8").replace(
        "revised_targets = { IKU-1 = 96 }", "revised_targets = { IKU-9 = 96 }"
    )
    path = tmp_path / "salah.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(sakip.io.DataFileError) as caught:
        sakip.io.load(path)
    assert "agreements[0].revised_targets" in str(caught.value)
