"""The model: frozen, validated value objects."""

from __future__ import annotations

import decimal
import pickle
from datetime import date
from decimal import Decimal as D
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import sakip
from sakip.model import period_key, to_target
from tests.strategies import datasets


def iku(code: str = "IKU-1", **changes: object) -> sakip.Indicator:
    fields: dict[str, object] = {
        "code": code,
        "name": "Persentase PPKS yang tertangani",
        "unit": "%",
    }
    fields.update(changes)
    return sakip.Indicator(**fields)  # type: ignore[arg-type]


def plan(**changes: object) -> sakip.StrategicPlan:
    fields: dict[str, object] = {
        "name": "Renstra Dinas Sosial 2021-2026",
        "start_year": 2021,
        "end_year": 2026,
        "goals": [
            sakip.Goal(
                code="T1",
                name="Meningkatnya kesejahteraan sosial",
                objectives=[
                    sakip.Objective(code="S1", name="Tertanganinya PPKS", indicators=[iku()])
                ],
                indicators=[iku("IKT-1", name="Nilai SAKIP", unit="nilai")],
            )
        ],
        "indicator_plans": [
            sakip.IndicatorPlan(
                indicator="IKU-1",
                baseline="81.79",
                baseline_year=2020,
                targets={
                    2021: "85.3",
                    2022: "88.4",
                    2023: "91.5",
                    2024: "94.6",
                    2025: "97.7",
                    2026: 100,
                },
            )
        ],
    }
    fields.update(changes)
    return sakip.StrategicPlan(**fields)  # type: ignore[arg-type]


def test_indicator_defaults_and_conversions() -> None:
    """Polarity and aggregation accept Indonesian names; defaults are positive and last."""
    indicator = iku(polarity="negatif", aggregation="jumlah")
    assert sakip.Polarity.NEGATIVE is indicator.polarity
    assert sakip.Aggregation.SUM is indicator.aggregation
    assert sakip.Polarity.POSITIVE is iku().polarity
    assert "negative" == str(indicator.polarity)


@pytest.mark.parametrize("field", ["code", "name", "unit"])
def test_indicator_needs_code_name_and_unit(field: str) -> None:
    """An empty code, name or unit is refused, naming the field."""
    with pytest.raises(sakip.InvalidValueError, match=f"'{field}' must be a non-empty text"):
        iku(**{field: " "})


def test_indicator_optional_texts_must_be_text() -> None:
    """Optional descriptions are text or None."""
    with pytest.raises(sakip.InvalidValueError, match="description"):
        iku(description=5)


def test_objects_are_frozen_hashable_values() -> None:
    """Equal objects are equal and hash alike; evolve makes changed copies."""
    assert plan() == plan()
    assert hash(plan()) == hash(plan())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        iku().name = "x"  # type: ignore[misc]
    assert "IKU-2" == attrs.evolve(iku(), code="IKU-2").code


def test_plan_lookups() -> None:
    """Indicators, objectives, targets and end targets by code."""
    renstra = plan()
    assert ("IKT-1", "IKU-1") == tuple(i.code for i in renstra.indicators)
    assert "S1" == renstra.objective("S1").code
    assert sakip.Target(D("94.6")) == renstra.target("IKU-1", 2024)
    assert sakip.Target(100) == renstra.end_target("IKU-1")
    assert range(2021, 2027) == renstra.years
    assert (2021, 2022, 2023, 2024, 2025, 2026) == renstra.plan_for("IKU-1").years
    explicit = plan(indicator_plans=[sakip.IndicatorPlan(indicator="IKU-1", end_target=99)])
    assert sakip.Target(99) == explicit.end_target("IKU-1")


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda p: p.indicator("IKU-9"), "indicator"),
        (lambda p: p.objective("S9"), "objective"),
        (lambda p: p.plan_for("IKT-1"), "indicator plan"),
        (lambda p: p.target("IKU-1", 2030), "target year of IKU-1"),
    ],
)
def test_plan_lookups_that_miss_list_what_there_is(call: object, kind: str) -> None:
    """A missing code raises NotFoundError naming the known ones."""
    with pytest.raises(sakip.NotFoundError) as caught:
        call(plan())  # type: ignore[operator]
    assert kind == caught.value.kind
    assert caught.value.available


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_year": 2020}, "'end_year' must be 2021 or later"),
        (
            {"indicator_plans": [sakip.IndicatorPlan(indicator="IKU-1", targets={2027: 1})]},
            "a year from 2021 to 2026",
        ),
        (
            {"indicator_plans": [sakip.IndicatorPlan(indicator="X", targets={2022: 1})]},
            "an indicator of the plan",
        ),
        (
            {"indicator_plans": [sakip.IndicatorPlan(indicator="IKU-1", baseline_year=2022)]},
            "2021 or earlier",
        ),
        (
            {
                "indicator_plans": [
                    sakip.IndicatorPlan(indicator="IKU-1"),
                    sakip.IndicatorPlan(indicator="IKU-1"),
                ]
            },
            "used once only",
        ),
        ({"start_year": 1800}, "a year between 1900 and 2200"),
        ({"start_year": True}, "a year between"),
    ],
)
def test_plan_validation(changes: dict[str, object], message: str) -> None:
    """Period forward, years inside it, known indicators, baselines before the start."""
    with pytest.raises(sakip.InvalidValueError, match=message):
        plan(**changes)


def test_duplicate_codes_are_refused_everywhere() -> None:
    """Indicator, objective and goal codes are used once."""
    with pytest.raises(sakip.InvalidValueError, match="used once only"):
        sakip.Objective(code="S", name="s", indicators=[iku(), iku()])
    objective = sakip.Objective(code="S", name="s", indicators=[iku()])
    with pytest.raises(sakip.InvalidValueError, match="objective code"):
        sakip.Goal(code="T", name="t", objectives=[objective, objective])
    with pytest.raises(sakip.InvalidValueError, match="indicator code"):
        sakip.Goal(code="T", name="t", objectives=[objective], indicators=[iku()])
    goal = sakip.Goal(code="T", name="t")
    with pytest.raises(sakip.InvalidValueError, match="goal code"):
        plan(goals=[goal, goal])
    with pytest.raises(sakip.InvalidValueError, match="target year"):
        sakip.IndicatorPlan(indicator="IKU-1", targets=[(2021, 1), (2021, 2)])


def test_targets() -> None:
    """Targets convert numbers; a range needs low ≤ high and knows what it holds."""
    assert sakip.Target(D("94.6")) == to_target(94.6)
    same = sakip.TargetRange(1, 2)
    assert same is to_target(same)
    assert "94.6" == str(sakip.Target("94.6"))
    assert "80-90" == str(sakip.TargetRange(80, 90))
    assert 85 in sakip.TargetRange(80, 90)
    assert "85" not in sakip.TargetRange(80, 90)
    with pytest.raises(sakip.InvalidValueError, match="at least the low bound 90"):
        sakip.TargetRange(90, 80)
    with pytest.raises(sakip.InvalidValueError, match="'low' must be a finite number"):
        sakip.TargetRange("x", 80)


def test_realization() -> None:
    """A realization is a year's or a quarter's value; ratios keep both counts."""
    ratio = sakip.Realization(
        indicator="IKU-1", year=2024, value="95.25", numerator=13773, denominator=14460
    )
    assert (D(13773), D(14460)) == (ratio.numerator, ratio.denominator)
    with pytest.raises(sakip.InvalidValueError, match="quarter"):
        sakip.Realization(indicator="IKU-1", year=2024, value=1, quarter=5)
    with pytest.raises(sakip.InvalidValueError, match="together with the numerator"):
        sakip.Realization(indicator="IKU-1", year=2024, value=1, numerator=1)


def test_budget_line() -> None:
    """Budget lines: enums by Indonesian name, revised ceiling first, quarters kept as given."""
    child = sakip.BudgetLine(
        code="1.1", name="Sub", level="sub kegiatan", ceiling=50, quarterly_spent=[10, None]
    )
    line = sakip.BudgetLine(
        code="1",
        name="Program",
        funding_source="apbn",
        ceiling=100,
        revised_ceiling=90,
        children=[child],
    )
    assert (sakip.BudgetLevel.SUB_ACTIVITY, sakip.FundingSource.APBN) == (
        child.level,
        line.funding_source,
    )
    assert D(90) == line.effective_ceiling
    assert D(50) == child.effective_ceiling
    assert (D(10),) == child.quarterly_spent  # the unreported TW II at the end is dropped
    assert ["1", "1.1"] == [each.code for each in line.walk()]
    with pytest.raises(sakip.InvalidValueError, match="at most four quarters"):
        sakip.BudgetLine(code="x", name="x", ceiling=1, quarterly_spent=[1, 2, 3, 4, 5])
    with pytest.raises(sakip.InvalidValueError, match="budget line code"):
        sakip.BudgetLine(code="x", name="x", ceiling=1, children=[child, child])
    with pytest.raises(sakip.InvalidValueError, match="'level' must be one of"):
        sakip.BudgetLine(code="x", name="x", ceiling=1, level="bagian")


def test_agency_levels() -> None:
    """Regional bodies and central ones; Indonesian names accepted."""
    assert sakip.AgencyLevel("OPD").is_regional
    assert sakip.AgencyLevel("Kota").is_regional
    assert not sakip.AgencyLevel("kementerian").is_regional
    assert sakip.AgencyLevel.REGIONAL_DEPARTMENT is sakip.Agency(name="Dinas Sosial").level
    assert sakip.FundingSource.OTHER is sakip.FundingSource("Lain-lain")
    assert sakip.Aggregation.AVERAGE is sakip.Aggregation("rata-rata")


def test_agreement() -> None:
    """A PK holds signed targets by indicator code."""
    pk = sakip.PerformanceAgreement(
        year=2024, targets={"IKU-1": "94.6"}, signed_on=date(2024, 1, 2)
    )
    assert sakip.Target(D("94.6")) == pk.target("IKU-1")
    with pytest.raises(sakip.NotFoundError):
        pk.target("IKU-2")
    with pytest.raises(sakip.InvalidValueError, match="used once only"):
        sakip.PerformanceAgreement(year=2024, targets=[("IKU-1", 1), ("IKU-1", 2)])


def test_dataset_checks_every_code_against_the_plan() -> None:
    """Realizations, standards, agreements and stated figures must name plan indicators."""
    agency = sakip.Agency(name="Dinas Sosial Kota Metro", level="opd", region="Kota Metro")
    realizations = [
        sakip.Realization(indicator="IKU-1", year=2024, value=95),
        sakip.Realization(indicator="IKU-1", year=2024, value=50, quarter=2),
        sakip.Realization(indicator="IKU-1", year=2023, value=93),
        sakip.Realization(indicator="IKT-1", year=2024, value="69.16"),
    ]
    dataset = sakip.Dataset(
        agency=agency,
        plan=plan(),
        realizations=realizations,
        standards=[sakip.NationalStandard(indicator="IKU-1", value=100, source="SPM")],
        stated=[
            sakip.StatedFigure(
                kind="achievement", stated="101,1", indicator="IKU-1", operands=[95, "94.6"]
            )
        ],
    )
    assert [(2023, None), (2024, None), (2024, 2)] == [
        (r.year, r.quarter) for r in dataset.realizations_of("IKU-1")
    ]
    assert (D(95), D("94.6")) == dataset.stated[0].operands
    with pytest.raises(sakip.NotFoundError, match="IKU-9"):
        sakip.Dataset(
            agency=agency,
            plan=plan(),
            realizations=[sakip.Realization(indicator="IKU-9", year=2024, value=1)],
        )
    pk = sakip.PerformanceAgreement(year=2024, targets={"IKU-1": 1})
    with pytest.raises(sakip.InvalidValueError, match="agreement year"):
        sakip.Dataset(agency=agency, plan=plan(), agreements=[pk, pk])


def test_target_years_must_be_years() -> None:
    """A target keyed by text or an absurd year is refused."""
    with pytest.raises(sakip.InvalidValueError, match="'year' must be a year"):
        sakip.IndicatorPlan(indicator="IKU-1", targets={"2021": 1})


def test_enumerations_match_loosely_and_fail_clearly() -> None:
    """Case, underscores and dashes do not matter; a non-text value is refused."""
    from sakip.model import AliasedEnum

    class Colour(AliasedEnum):
        DARK_RED = "dark-red"

    assert Colour.DARK_RED is Colour("Dark_Red")
    assert ("dark-red",) == Colour.accepted_words()  # no Indonesian names of its own
    assert ("positif", "negatif", "positive", "negative") == sakip.Polarity.accepted_words()
    assert sakip.BudgetLevel.SUB_ACTIVITY is sakip.BudgetLevel("SUB ACTIVITY")
    with pytest.raises(sakip.InvalidValueError, match="'colour' must be one of 'dark-red'"):
        Colour.parse("red", "colour")
    with pytest.raises(sakip.InvalidValueError, match="'polarity'"):
        sakip.Polarity.parse(1, "polarity")


def test_budget_line_without_quarters() -> None:
    """No quarterly figures is an empty tuple, not zeros."""
    assert (
        () == sakip.BudgetLine(code="x", name="x", ceiling=1, quarterly_spent=None).quarterly_spent
    )


@given(datasets())
@settings(max_examples=60)
def test_indexed_lookups_agree_with_a_scan(data: sakip.Dataset) -> None:
    """Every look-up by code gives what a scan of the tuples gives, in the same order."""
    plan_ = data.plan
    for indicator in plan_.indicators:
        code = indicator.code
        assert indicator == plan_.indicator(code)
        scanned = sorted(
            (r for r in data.realizations if r.indicator == code),
            key=lambda r: (r.year, *period_key(r.quarter, r.month)),
        )
        assert tuple(scanned) == data.realizations_of(code)
        lines = tuple(line for line in data.budget if code in line.indicators)
        assert lines == data.budget_lines_of(code)
        for agreement in data.agreements:
            signed = [target for c, target in agreement.targets if c == code]
            revised = [target for c, target in agreement.revised_targets if c == code]
            if signed:
                assert signed[0] == agreement.original_target(code)
                assert [*revised, *signed][0] == agreement.target(code)
    for indicator_plan in plan_.indicator_plans:
        assert indicator_plan == plan_.plan_for(indicator_plan.indicator)
        for year, target in indicator_plan.targets:
            assert target == plan_.target(indicator_plan.indicator, year)


@given(datasets())
@settings(max_examples=30)
def test_a_built_index_changes_no_value(data: sakip.Dataset) -> None:
    """An object whose look-up tables are built still equals, hashes, prints and pickles alike."""
    fresh = pickle.loads(pickle.dumps(data))
    for indicator in data.plan.indicators:
        data.realizations_of(indicator.code)
        data.budget_lines_of(indicator.code)
    assert fresh == data
    assert hash(fresh) == hash(data)
    assert repr(fresh) == repr(data)
    assert data == pickle.loads(pickle.dumps(data))
    assert attrs.asdict(fresh) == attrs.asdict(data)


def test_an_evolved_object_gets_its_own_index() -> None:
    """A copy made with evolve looks codes up in its own data, not in the original's."""
    renstra = plan()
    assert "IKU-1" == renstra.indicator("IKU-1").code
    renamed = attrs.evolve(
        renstra,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=[iku("IKU-7")])],
        indicator_plans=[],
    )
    assert "IKU-7" == renamed.indicator("IKU-7").code
    with pytest.raises(sakip.NotFoundError):
        renamed.indicator("IKU-1")


def test_budget_lines_of_an_unknown_indicator_are_refused() -> None:
    """Asking for the budget of a code the plan lacks names the code."""
    data = sakip.Dataset(agency=sakip.Agency(name="Dinas Sosial"), plan=plan())
    assert () == data.budget_lines_of("IKU-1")
    with pytest.raises(sakip.NotFoundError, match="IKU-9"):
        data.budget_lines_of("IKU-9")


@pytest.mark.parametrize("value", [70.0, 60, D("85"), 84.99])
def test_a_float_inside_a_target_range_is_in_it(value: object) -> None:
    """70.0 in TargetRange(60, 85) is True: a float is compared through its shortest repr."""
    assert value in sakip.TargetRange(60, 85)


@pytest.mark.parametrize("value", [59.99, float("nan"), float("inf"), "70", True, None])
def test_what_is_no_number_in_the_range_is_not_in_it(value: object) -> None:
    """Outside the range, NaN, infinities, texts and bools are not in it (and never raise)."""
    assert value not in sakip.TargetRange(60, 85)


@pytest.mark.parametrize(
    ("first", "second"), [("IKU-1", "iku-1"), ("IKU-\u00c9", "iku-e\u0301"), ("Straße", "STRASSE")]
)
def test_indicator_codes_are_compared_after_nfc_and_case_folding(first: str, second: str) -> None:
    """Two codes that differ only in case or Unicode form are one code used twice: refused."""
    indicators = [
        sakip.Indicator(code=first, name="A", unit="%"),
        sakip.Indicator(code=second, name="B", unit="%"),
    ]
    with pytest.raises(sakip.InvalidValueError, match="used once only"):
        sakip.Objective(code="S1", name="S", indicators=indicators)


def test_a_ratio_realization_needs_no_value() -> None:
    """Numerator and denominator alone give the value: their ratio × 100."""
    realization = sakip.Realization(
        indicator="PPKS", year=2024, numerator=13773, denominator=14460
    )
    with decimal.localcontext(prec=50):
        expected = D(13773) * 100 / D(14460)
    assert round(expected, 20) == round(realization.value, 20)
    assert D(13773) == realization.numerator


def test_a_realization_without_value_or_counts_is_refused() -> None:
    """No value and no counts: InvalidValueError naming the value."""
    with pytest.raises(sakip.InvalidValueError, match="a number, or a numerator and a denom"):
        sakip.Realization(indicator="PPKS", year=2024)


def test_a_ratio_realization_without_value_refuses_a_zero_denominator() -> None:
    """0 / 0 decides no value: refused, never 0 or 100."""
    with pytest.raises(sakip.InvalidValueError, match="other than 0"):
        sakip.Realization(indicator="PPKS", year=2024, numerator=0, denominator=0)


def test_trailing_unreported_quarters_are_dropped() -> None:
    """[10, None] and [10] are the same spending, so the lines are equal."""
    with_none = sakip.BudgetLine(code="1", name="P", ceiling=100, quarterly_spent=[10, None])
    without = sakip.BudgetLine(code="1", name="P", ceiling=100, quarterly_spent=[10])
    assert without == with_none
    assert (D(10),) == with_none.quarterly_spent


@pytest.mark.parametrize(
    "enum_type",
    [
        sakip.Polarity,
        sakip.Aggregation,
        sakip.FundingSource,
        sakip.BudgetLevel,
        sakip.AgencyLevel,
    ],
)
def test_every_accepted_word_names_a_member(enum_type: Any) -> None:
    """The words a data file may use, Indonesian first, each parse; each value is listed once."""
    words = enum_type.accepted_words()
    assert len(set(words)) == len(words)
    assert {str(member.value) for member in enum_type} <= set(words)
    for word in words:
        assert isinstance(enum_type(word), enum_type)
