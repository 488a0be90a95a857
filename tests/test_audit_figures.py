"""The audit of the other figures a report prints: averages, labels, budget, quarters, PK-P."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import audit as audit_module
from sakip.audit import (
    CHECKS,
    BadStatedFigureError,
    Label,
    Mean,
    Remainder,
    Revision,
    StatedFigureError,
    Verdict,
    audit,
    check,
    validate,
)
from sakip.exceptions import InvalidValueError, NotFoundError, UnknownRuleError
from sakip.reasons import Reason
from sakip.rollup import MEAN
from sakip.scales import PERMENDAGRI_86_2017, PERMENDAGRI_86_2017_BAIK
from tests.strategies import decimals


def figure(kind: str, stated: str, *operands: object, **fields: object) -> sakip.StatedFigure:
    return sakip.StatedFigure(kind=kind, stated=stated, operands=operands, **fields)  # type: ignore[arg-type]


@pytest.fixture
def data(seed_dataset: sakip.Dataset) -> sakip.Dataset:
    """The seed data with quarters, the seed's budget line for SAKIP and a revised PK."""
    quarters = [
        sakip.Realization(indicator="SAKIP", year=2025, quarter=1, value=10),
        sakip.Realization(indicator="SAKIP", year=2025, quarter=2, value=12),
    ]
    line = sakip.BudgetLine(
        code="B-SAKIP",
        name="Anggaran pendukung Nilai SAKIP",
        ceiling=174970600,
        spent=149338671,
        indicators=["SAKIP"],
        children=[sakip.BudgetLine(code="B-SAKIP.1", name="Rapat", ceiling=100, spent=40)],
    )
    quarterly = sakip.BudgetLine(code="B-Q", name="Belanja", ceiling=100, quarterly_spent=[10])
    agreement = sakip.PerformanceAgreement(
        year=2024,
        targets={"PPKS": "94.6", "SAKIP": "68.14"},
        revised_targets={"PPKS": "96"},
        budget=[quarterly],
    )
    return attrs.evolve(
        seed_dataset,
        realizations=[*seed_dataset.realizations, *quarters],
        budget=[line],
        agreements=[agreement],
    )


def test_the_new_kinds_are_registered_with_a_rule_and_a_source() -> None:
    """Each kind a report prints besides achievements is checked, by a rule with a title."""
    for name in (
        "objective-average",
        "category",
        "efficiency",
        "period-realization",
        "period-achievement",
        "unspent",
        "revised-target",
    ):
        found = CHECKS[name]
        assert found.rule
        assert found.source is not None


# --- objective averages -----------------------------------------------------------------------


def test_an_objective_average_of_printed_achievements() -> None:
    """The mean of the achievements printed; 100,42 and 101,50 average 100,96."""
    finding = check(figure("objective-average", "100,96", "100.42", "101.50"))
    assert finding.agrees
    assert Decimal("100.96") == finding.value
    assert MEAN.source == finding.source
    assert "(100,42 + 101,50) / 2 = 100,96" == finding.explanation_in("id")


def test_an_objective_average_from_the_data(data: sakip.Dataset) -> None:
    """Read from the data, the objective's indicators are measured against the PK-P target."""
    finding = check(figure("objective-average", "98,96", objective="S1", year=2024), data)
    assert finding.agrees  # 95 / 96, not 95 / 94,6
    assert Decimal("98.95833333333333333333333333") == finding.value


def test_an_objective_average_needs_achievements_or_an_objective() -> None:
    """With no operands, it needs an objective and a year."""
    with pytest.raises(InvalidValueError):
        validate(figure("objective-average", "90", objective="S1"))


def test_an_objective_average_from_the_data_needs_the_data() -> None:
    """An objective named without the data cannot be read."""
    with pytest.raises(InvalidValueError):
        check(figure("objective-average", "90", objective="S1", year=2024))


@given(items=st.lists(decimals(min_value=0, max_value=300, places=2), min_size=1, max_size=6))
def test_the_average_lies_between_the_least_and_the_greatest(items: list[Decimal]) -> None:
    """A mean never leaves the range of what it averages."""
    finding = check(figure("objective-average", "0", *items))
    assert finding.value is not None
    assert min(items) <= finding.value <= max(items)


# --- category labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "agrees"), [("Sangat Tinggi", True), ("sangat  tinggi", True), ("Tinggi", False)]
)
def test_a_label_is_checked_against_the_scale(stated: str, agrees: bool) -> None:
    """100,42 is Sangat Tinggi; case and spacing of the printed label do not matter."""
    finding = check(figure("category", stated, "100.42"))
    assert agrees == finding.agrees
    assert "Sangat Tinggi" == finding.recomputed
    assert PERMENDAGRI_86_2017.source == finding.source
    assert finding.stated_value is None


def test_a_label_of_another_label_set() -> None:
    """The seed's scale with the labels Sangat Baik … Sangat Kurang."""
    name = PERMENDAGRI_86_2017_BAIK.name
    finding = check(figure("category", "Sangat Baik", "100.42", scale=name))
    assert finding.agrees
    assert f"100,42 % → Sangat Baik ({name})" == finding.explanation_in("en")


def test_a_label_is_read_at_the_printed_figure() -> None:
    """90,004 prints as 90,00, which is Tinggi, not Sangat Tinggi."""
    assert "Tinggi" == check(figure("category", "Tinggi", "90.004")).recomputed


def test_a_label_of_an_indicator_and_of_an_objective(data: sakip.Dataset) -> None:
    """From the data: an indicator's achievement, or the objective's average."""
    own = check(figure("category", "Sangat Tinggi", indicator="SAKIP", year=2024), data)
    mean = check(figure("category", "Sangat Tinggi", objective="S1", year=2024), data)
    assert own.agrees
    assert mean.agrees


def test_a_label_without_an_achievement_is_not_computable(data: sakip.Dataset) -> None:
    """A year without a realization has no label to compare."""
    found = check(figure("category", "Tinggi", indicator="SAKIP", year=2023), data)
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert "—" == found.recomputed


@pytest.mark.parametrize(
    "fields",
    [{}, {"indicator": "SAKIP"}, {"objective": "S1"}],
)
def test_a_label_needs_an_achievement_or_what_to_read(fields: dict[str, object]) -> None:
    """No achievement and no year: nothing to classify."""
    with pytest.raises(InvalidValueError):
        validate(figure("category", "Tinggi", **fields))


def test_a_label_with_two_achievements_is_refused() -> None:
    """A label classifies one achievement."""
    with pytest.raises(InvalidValueError):
        validate(figure("category", "Tinggi", 1, 2))


def test_a_label_on_an_unknown_scale_is_refused() -> None:
    """The scale is looked up by name and an unknown one is named."""
    with pytest.raises(UnknownRuleError):
        validate(figure("category", "Tinggi", 90, scale="tidak-ada"))


# --- efficiency -------------------------------------------------------------------------------


def test_an_efficiency_figure_by_the_difference() -> None:
    """E1: 100,42 − 85,35 = 15,07 points."""
    finding = check(figure("efficiency", "15,07", "100.42", "85.35"))
    assert finding.agrees
    assert sakip.budget.DIFFERENCE.source == finding.source


def test_an_efficiency_figure_by_another_convention() -> None:
    """E3: the unspent share 100 − 85,35 = 14,65."""
    finding = check(figure("efficiency", "14,65", "100.42", "85.35", convention="unspent"))
    assert finding.agrees
    assert sakip.budget.UNSPENT.source == finding.source


def test_an_efficiency_convention_on_outputs_is_refused() -> None:
    """PMK 249/2011 reads outputs, which a stated figure does not hold."""
    with pytest.raises(InvalidValueError):
        validate(figure("efficiency", "1", 1, 2, convention="pmk-249-2011"))


def test_an_efficiency_figure_needs_two_operands() -> None:
    """Achievement and absorption."""
    with pytest.raises(InvalidValueError):
        validate(figure("efficiency", "1", 1))


# --- budget: absorption by line and the unspent budget ----------------------------------------


def test_an_absorption_linked_to_a_budget_line(data: sakip.Dataset) -> None:
    """The line's own spending and ceiling, read from the data by its code."""
    assert check(figure("absorption", "85,35", budget_line="B-SAKIP"), data).agrees
    assert check(figure("absorption", "40", budget_line="B-SAKIP.1"), data).agrees


def test_an_absorption_linked_to_a_line_of_the_agreement(data: sakip.Dataset) -> None:
    """The lines of a PK's budget are read as well."""
    found = check(figure("absorption", "10", budget_line="B-Q"), data)
    assert Verdict.NOT_COMPUTABLE == found.verdict  # TW II-IV are not reported


def test_the_unspent_budget(data: sakip.Dataset) -> None:
    """Selisih = ceiling − spent: 174.970.600 − 149.338.671 = 25.631.929."""
    by_line = check(figure("unspent", "25.631.929", budget_line="B-SAKIP"), data)
    by_operands = check(figure("unspent", "25.631.929", 174970600, 149338671))
    assert by_line.agrees
    assert by_operands.agrees
    assert "174.970.600 − 149.338.671 = 25.631.929" == by_line.explanation_in("en")
    assert isinstance(by_line.basis, Remainder)


def test_a_wrong_unspent_budget_disagrees() -> None:
    """A slip of one rupiah is a finding."""
    assert not check(figure("unspent", "25.631.928", 174970600, 149338671)).agrees


@pytest.mark.parametrize("kind", ["absorption", "unspent"])
def test_a_budget_figure_needs_operands_or_a_line(kind: str) -> None:
    """Two operands, or the code of a budget line."""
    with pytest.raises(InvalidValueError):
        validate(figure(kind, "1"))
    with pytest.raises(InvalidValueError):
        validate(figure(kind, "1", 1, 2, 3))


def test_a_line_not_in_the_data_is_named(data: sakip.Dataset) -> None:
    """An unknown budget line is a problem of the figure, with the field and the codes known."""
    with pytest.raises(StatedFigureError) as caught:
        audit(data, [figure("unspent", "1", budget_line="B-NONE")])
    problem = caught.value.exceptions[0]
    assert "budget_line" == problem.field
    assert "baris anggaran `B-NONE` tidak ada dalam data" == problem.describe().split(": ", 1)[1]


def test_a_line_without_the_data_is_not_found() -> None:
    """A budget line cannot be read without the data."""
    with pytest.raises(NotFoundError):
        check(figure("unspent", "1", budget_line="B-SAKIP"))


# --- per-period figures -----------------------------------------------------------------------


def test_a_quarters_realization_to_date(data: sakip.Dataset) -> None:
    """A level (the default aggregation) to TW II is TW II's own value: 12, not 10 + 12."""
    found = check(
        figure("period-realization", "12", indicator="SAKIP", year=2025, quarter=2), data
    )
    assert found.agrees
    assert found.cited is not None


def test_a_quarter_with_nothing_reported_is_not_computable(data: sakip.Dataset) -> None:
    """No quarter reported up to the one stated: nothing to recompute, and it says so."""
    found = check(figure("period-realization", "5", indicator="SAKIP", year=2026, quarter=1), data)
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert found.missing is not None
    assert Reason.NO_REALIZATION == found.missing.reason


def test_a_quarters_achievement_from_its_operands() -> None:
    """Realization and target of the quarter, printed: 45 against 50 is 90 %."""
    found = check(
        figure(
            "period-achievement",
            "90",
            45,
            50,
            indicator="PPKS",
            year=2024,
            quarter=2,
            polarity="positive",
        )
    )
    assert found.agrees


def test_a_quarters_achievement_from_the_data_has_no_target_yet(data: sakip.Dataset) -> None:
    """The data holds no quarter's target: not computable, and the reason says so."""
    found = check(
        figure("period-achievement", "90", indicator="SAKIP", year=2025, quarter=2), data
    )
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert found.missing is not None
    assert Reason.NO_PERIOD_TARGET == found.missing.reason
    assert "tahun 2025" in found.explanation_in("id")


ROOT = Path(__file__).resolve().parent.parent
MONITORED = sakip.io.load(Path(__file__).parent / "data" / "monitoring.toml")


@pytest.mark.parametrize(
    ("code", "quarter", "stated", "agrees"),
    [
        ("IKU-1", 2, "91,67", True),  # cumulative: 250 + 300 to date against 600
        ("IKU-1", 2, "50,00", False),  # the quarter's own 300 against 600 is not the rule
        ("IKU-2", 1, "102,50", True),  # per period: the quarter's own 82 against 80
    ],
)
def test_a_quarters_achievement_is_read_against_its_own_target(
    code: str, quarter: int, stated: str, agrees: bool
) -> None:
    """As the monitoring table computes it: to date or the quarter's own, by the basis."""
    found = check(
        figure("period-achievement", stated, indicator=code, year=2024, quarter=quarter),
        MONITORED,
    )
    assert agrees == found.agrees


def test_a_quarter_with_a_target_but_no_figure_says_why() -> None:
    """IKU-2 has a target for TW II and no realization: not computable, never 0."""
    found = check(
        figure("period-achievement", "90", indicator="IKU-2", year=2024, quarter=2), MONITORED
    )
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert found.missing is not None
    assert Reason.PERIODS_MISSING == found.missing.reason


def test_the_quarters_target_is_the_datas() -> None:
    """A quarter's target as the data holds it, or none."""
    assert sakip.Target(600) == audit_module.period_target(MONITORED, "IKU-1", 2024, 2)
    assert audit_module.period_target(MONITORED, "IKU-3", 2024, 1) is None  # months only


@pytest.mark.parametrize(
    "fields",
    [
        {"indicator": "SAKIP", "year": 2025},
        {"year": 2025, "quarter": 1},
        {"indicator": "SAKIP", "quarter": 1},
    ],
)
def test_a_quarters_figure_needs_indicator_year_and_quarter(fields: dict[str, object]) -> None:
    """Which quarter of which indicator, always."""
    with pytest.raises(InvalidValueError):
        validate(figure("period-realization", "1", **fields))


def test_a_quarters_realization_takes_no_operands() -> None:
    """It is read from the data."""
    with pytest.raises(InvalidValueError):
        validate(figure("period-realization", "1", 1, indicator="SAKIP", year=2025, quarter=1))


def test_a_quarters_figure_without_the_data_is_refused() -> None:
    """Read from the data, it needs the data."""
    with pytest.raises(InvalidValueError):
        check(figure("period-realization", "1", indicator="SAKIP", year=2025, quarter=1))


# --- the revised agreement (PK-P) -------------------------------------------------------------


def test_a_revised_target_is_checked(data: sakip.Dataset) -> None:
    """The PK-P target printed is the one in the data; the original is shown beside it."""
    found = check(figure("revised-target", "96", indicator="PPKS", year=2024), data)
    assert found.agrees
    assert isinstance(found.basis, Revision)
    assert "target PK 94,6, target PK-P 96" == found.explanation_in("id")
    assert "PK target 94,6, PK-P target 96" == found.explanation_in("en")
    assert not check(figure("revised-target", "95", indicator="PPKS", year=2024), data).agrees


@pytest.mark.parametrize(("code", "year"), [("SAKIP", 2024), ("PPKS", 2023)])
def test_a_target_never_revised_is_not_computable(
    data: sakip.Dataset, code: str, year: int
) -> None:
    """No PK-P for the indicator (or no PK that year): nothing to compare, and it says so."""
    found = check(figure("revised-target", "96", indicator=code, year=year), data)
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert found.missing is not None
    assert Reason.NOT_REVISED == found.missing.reason


def test_a_revised_range_is_not_one_number(data: sakip.Dataset) -> None:
    """A range revised is no single figure to compare a printed number with."""
    agreement = sakip.PerformanceAgreement(
        year=2024, targets={"PPKS": 90}, revised_targets={"PPKS": sakip.TargetRange(90, 95)}
    )
    ranged = attrs.evolve(data, agreements=[agreement])
    found = check(figure("revised-target", "90", indicator="PPKS", year=2024), ranged)
    assert Verdict.NOT_COMPUTABLE == found.verdict


def test_a_revised_target_needs_an_indicator_and_a_year() -> None:
    """Which target of which year."""
    with pytest.raises(InvalidValueError):
        validate(figure("revised-target", "96", indicator="PPKS"))
    with pytest.raises(InvalidValueError):
        validate(figure("revised-target", "96", 1, indicator="PPKS", year=2024))
    with pytest.raises(InvalidValueError):
        check(figure("revised-target", "96", indicator="PPKS", year=2024))


def test_the_revised_target_is_measured_against(data: sakip.Dataset) -> None:
    """Chapter III measures PPKS 2024 against 96, the PK-P target, and says where it is from."""
    row = sakip.history(data, "PPKS", 2024).current
    assert sakip.Target(96) == row.target
    assert sakip.TargetSource.REVISED_AGREEMENT == row.target_source
    assert Decimal("98.96") == row.achievement.percent  # type: ignore[union-attr]


# --- the audit names every problem ------------------------------------------------------------


def test_an_unknown_objective_and_scale_are_named(data: sakip.Dataset) -> None:
    """Each problem has its field and its words in either language."""
    figures = [
        figure("objective-average", "1", objective="S9", year=2024),
        figure("category", "Tinggi", 90, scale="tidak-ada"),
        figure("efficiency", "1", 1, 2, convention="pmk-249-2011"),
        figure("period-realization", "1", indicator="SAKIP", year=2025),
        figure("revised-target", "1", indicator="SAKIP"),
        figure("unspent", "1"),
        figure("objective-average", "1"),
        figure("category", "Tinggi"),
    ]
    with pytest.raises(StatedFigureError) as caught:
        audit(data, figures)
    problems: list[BadStatedFigureError] = list(caught.value.exceptions)
    assert ["objective", "scale", "convention", "quarter", "indicator", "operands"] == [
        p.field for p in problems
    ][:6]
    said = [p.describe("en") for p in problems]
    assert "objective `S9` is not in the plan" in said[0]
    assert "unknown rule `tidak-ada`" in said[1]
    for words in said:
        assert "angka" not in words


def test_labels_and_words_are_in_the_json_and_text(data: sakip.Dataset) -> None:
    """A label's stated and recomputed words appear as printed."""
    from sakip.present.audit import audit_data, audit_text

    result = audit(data, [figure("category", "Tinggi", "100.42")])
    found = audit_data(result)["findings"][0]
    assert ("Tinggi", "Sangat Tinggi", None) == (
        found["stated"],
        found["recomputed"],
        found["stated_value"],
    )
    assert "kategori: dinyatakan Tinggi, dihitung ulang Sangat Tinggi" in audit_text(result)


def test_a_label_basis_and_a_mean_explain_themselves() -> None:
    """In either notation."""
    label = Label(value=Decimal("90.5"), label="Sangat Tinggi", scale="s")
    assert "90.50 % → Sangat Tinggi (s)" == label.explain("en")
    mean = Mean(items=(Decimal("1.5"), Decimal(2)), value=Decimal("1.75"))
    assert "(1.5 + 2) / 2 = 1.75" == mean.explain("en")


def test_the_report_shows_the_first_target_beside_the_revised_one(data: sakip.Dataset) -> None:
    """Table (a) measures against the PK-P target and says what the PK first signed."""
    for lang, said in (
        ("id", "adalah target PK Perubahan, 96; target PK semula 94,6."),
        ("en", "is the revised agreement's (PK-P), 96; the first agreement's target"),
    ):
        table = sakip.build_report(data, year=2024, lang=lang).tables[0]
        assert any(said in sentence for sentence in table.sentences)


def test_a_report_without_a_revision_says_nothing_of_one(seed_dataset: sakip.Dataset) -> None:
    """No PK-P, no sentence about one."""
    table = sakip.build_report(seed_dataset, year=2024).tables[0]
    assert not any("PK Perubahan" in sentence for sentence in table.sentences)


def test_a_quarters_figure_of_an_indicator_measured_in_levels_is_not_a_sum() -> None:
    """A level is no figure to add up: the quarter's realization is not recomputable."""
    data = sakip.io.load(ROOT / "examples" / "dinkes-kabupaten-contoh-2025.toml")
    code = next(i.code for i in data.plan.indicators if i.levels is not None)
    found = check(figure("period-realization", "1", indicator=code, year=2025, quarter=2), data)
    assert Verdict.NOT_COMPUTABLE == found.verdict
    assert found.missing is not None
    assert Reason.LEVELS == found.missing.reason
