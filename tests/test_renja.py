"""The Permendagri 86/2017 Renja evaluation form against columns computed by hand."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
from sakip.io import load
from sakip.reasons import Missing, Reason
from sakip.renja import RenjaEvaluation, renja_evaluation

DATA = Path(__file__).parent / "data" / "renja.toml"


@pytest.fixture(scope="module")
def data() -> sakip.Dataset:
    return load(DATA)


@pytest.fixture(scope="module")
def form(data: sakip.Dataset) -> RenjaEvaluation:
    return renja_evaluation(data, as_of="TW III 2024")


def _reason(value: object) -> Reason:
    assert isinstance(value, Missing), value
    return value.reason


def test_rows_run_program_activity_sub_activity_under_their_objective(
    form: RenjaEvaluation,
) -> None:
    assert [(row.objective, row.item.code, row.level.value) for row in form.rows] == [
        ("S1", "1.06", "program"),
        ("S1", "1.06.01", "activity"),
        ("S1", "1.06.01.2.01", "sub-activity"),
    ]
    assert (form.year, form.as_of, form.plan_start, form.plan_end) == (
        2024,
        sakip.Quarter(2024, 3),
        2023,
        2026,
    )


def test_a_level_indicator_by_hand(form: RenjaEvaluation) -> None:
    """OC-1, a percentage: its last value is the year's and the Renstra's to date."""
    line = form.rows[0].indicators[0]
    k = line.k
    assert (line.aggregation, line.cumulative) == ("last", False)
    assert k.end_target == sakip.Target(90)  # 5: the 2026 target, the plan's last year
    assert k.before == D(70)  # 6: 2023's realization, the year before
    assert k.year_target == sakip.Target(80)  # 7
    assert k.quarters == (D(75), D(78), D(82), None)  # 8-11: TW IV after the as-of quarter
    assert k.year == D(82)  # 12: the last value to TW III, not 75 + 78 + 82
    assert k.to_date == D(82)  # 13: a level is not added to 2023's
    assert k.achievement == D(82) / D(90) * 100  # 14
    assert form.rows[0].item.unit == "Dinas Sosial"  # 15


def test_a_flow_indicator_by_hand(form: RenjaEvaluation) -> None:
    """OP-1, people: the quarters add up, and 13 adds 2023 to 2024."""
    k = form.rows[1].indicators[0].k
    assert k.end_target == sakip.Target(400)
    assert k.before == D(90)
    assert k.year_target == sakip.Target(100)
    assert k.quarters == (D(20), D(30), D(25), None)
    assert k.year == D(75)  # 20 + 30 + 25
    assert k.to_date == D(165)  # 90 + 75
    assert k.achievement == D("41.25")  # 165 / 400 × 100


def test_a_quarter_not_reported_is_missing_never_zero(form: RenjaEvaluation) -> None:
    k = form.rows[2].indicators[0].k
    assert k.quarters[0] == D(10)
    assert k.quarters[2] == D(5)
    assert k.quarters[3] is None
    assert _reason(k.quarters[1]) is Reason.PERIODS_MISSING
    assert _reason(k.year) is Reason.PERIODS_MISSING  # a sum with a gap is no total
    assert _reason(k.to_date) is Reason.PERIODS_MISSING
    assert _reason(k.achievement) is Reason.PERIODS_MISSING
    assert _reason(k.before) is Reason.NO_REALIZATION  # 2023 not reported


def test_money_by_hand(form: RenjaEvaluation) -> None:
    """Rp: the revised ceiling, the quarters' spending; no Renstra money in the data."""
    rp = form.rows[0].rp
    assert rp.year_target == sakip.Target(1200)  # the revised ceiling, not 1.000
    assert rp.quarters == (D(100), D(200), D(300), None)
    assert rp.year == D(600)
    for cell in (rp.end_target, rp.before, rp.to_date, rp.achievement):
        assert _reason(cell) is Reason.NOT_IN_DATA
    activity = form.rows[1].rp
    assert activity.quarters[0] == D(50)
    assert _reason(activity.quarters[1]) is Reason.NO_SPENDING
    assert _reason(activity.year) is Reason.NO_SPENDING
    none = form.rows[2].rp  # the sub-activity names no budget line
    assert _reason(none.year_target) is Reason.NOT_IN_DATA
    assert none.quarters[3] is None


def test_footer_average_predicate_analyses_and_note(form: RenjaEvaluation) -> None:
    mean = (D(82) / D(90) * 100 + D("41.25")) / 2  # 66,18: OP-2 has no column 14
    assert form.average == mean
    assert (form.average_rule, form.counted) == ("mean", ("OC-1", "OP-1"))
    assert form.rating is not None
    assert form.rating.label == "Sedang"
    assert [(a.indicator, a.year) for a in form.analyses] == [("OC-1", 2024)]
    assert form.not_summed == ("OC-1",)


def test_as_of_a_semester_a_year_a_quarter_and_not_a_month(data: sakip.Dataset) -> None:
    assert renja_evaluation(data, as_of="Semester I 2024").as_of == sakip.Quarter(2024, 2)
    whole = renja_evaluation(data, as_of="TA 2024")
    assert whole.as_of == sakip.Quarter(2024, 4)
    assert whole.rows[0].indicators[0].k.year == D(85)
    assert _reason(whole.rows[1].rp.quarters[3]) is Reason.NO_SPENDING
    assert renja_evaluation(data, as_of=sakip.Quarter(2024, 1)).rows[0].rp.year == D(100)
    with pytest.raises(sakip.InvalidValueError, match="as_of"):
        renja_evaluation(data, as_of="Juni 2024")


def test_the_plans_first_year_and_gaps(data: sakip.Dataset) -> None:
    """In 2023 nothing comes before; in 2025 a flow indicator misses 2024's total."""
    first = renja_evaluation(data, as_of="TW IV 2023")
    op1 = first.rows[1].indicators[0].k
    assert _reason(op1.before) is Reason.NO_REALIZATION
    assert op1.year == D(90)
    assert op1.to_date == D(90)
    later = renja_evaluation(data, as_of="TW I 2025")
    k = later.rows[1].indicators[0].k
    assert _reason(k.year) is Reason.NO_REALIZATION
    assert _reason(k.to_date) is Reason.NO_REALIZATION
    assert later.average == Missing(reason=Reason.NO_COMPUTABLE_CHILD)
    assert later.rating is None
    assert later.counted == ()


def test_a_flow_indicator_with_a_year_missing(data: sakip.Dataset) -> None:
    realizations = [r for r in data.realizations if (r.indicator, r.year) != ("OP-1", 2023)]
    gap = attrs.evolve(data, realizations=realizations)
    k = renja_evaluation(gap, as_of="TW III 2024").rows[1].indicators[0].k
    assert _reason(k.before) is Reason.YEARS_MISSING
    assert _reason(k.to_date) is Reason.YEARS_MISSING


def _item(data: sakip.Dataset, code: str, **changes: object) -> sakip.Dataset:
    cascade = [
        attrs.evolve(item, **changes) if item.code == code else item for item in data.cascade
    ]
    return attrs.evolve(data, cascade=cascade)


def test_targets_missing_a_range_and_a_zero_end_target(data: sakip.Dataset) -> None:
    bare = _item(data, "1.06", plans=[])
    k = renja_evaluation(bare, as_of="TW III 2024").rows[0].indicators[0].k
    assert _reason(k.end_target) is Reason.NO_END_TARGET
    assert _reason(k.year_target) is Reason.NO_TARGET
    assert _reason(k.achievement) is Reason.NO_END_TARGET
    plan = sakip.IndicatorPlan(
        indicator="OC-1", targets={2024: 80}, end_target=sakip.TargetRange(85, 95)
    )
    ranged = _item(data, "1.06", plans=[plan])
    k = renja_evaluation(ranged, as_of="TW III 2024").rows[0].indicators[0].k
    assert _reason(k.achievement) is Reason.RANGE_END_TARGET
    zero = sakip.IndicatorPlan(indicator="OC-1", targets={2024: 80}, end_target=0)
    k = renja_evaluation(_item(data, "1.06", plans=[zero]), as_of="TW III 2024")
    assert _reason(k.rows[0].indicators[0].k.achievement) is Reason.ZERO_TARGET


def test_a_ratio_without_counts_is_missing(data: sakip.Dataset) -> None:
    ratio = attrs.evolve(data.cascade[0].indicators[0], aggregation="ratio")
    changed = _item(data, "1.06", indicators=[ratio])
    k = renja_evaluation(changed, as_of="TW III 2024").rows[0].indicators[0].k
    assert _reason(k.year) is Reason.RULE_REFUSED


def test_yearly_spending_when_no_quarter_is_given(data: sakip.Dataset) -> None:
    line = attrs.evolve(data.budget[0], quarterly_spent=(), spent=900)
    budget = attrs.evolve(data, budget=[line, *data.budget[1:]])
    assert renja_evaluation(budget, as_of="TW IV 2024").rows[0].rp.year == D(900)
    assert _reason(renja_evaluation(budget, as_of="TW III 2024").rows[0].rp.year) is (
        Reason.NO_SPENDING
    )


def test_a_program_serving_two_objectives_and_one_serving_none(data: sakip.Dataset) -> None:
    goal = data.plan.goals[0]
    second = sakip.Objective(code="S2", name="Sasaran dua")
    plan = attrs.evolve(
        data.plan, goals=[attrs.evolve(goal, objectives=[*goal.objectives, second])]
    )
    orphan = sakip.CascadeItem(code="1.07", name="Program pemberdayaan sosial")
    both = attrs.evolve(
        data,
        plan=plan,
        cascade=[
            attrs.evolve(data.cascade[0], objectives=["S1", "S2"]),
            *data.cascade[1:],
            orphan,
        ],
    )
    rows = renja_evaluation(both, as_of="TW III 2024").rows
    assert [(row.objective, row.item.code) for row in rows] == [
        ("S1", "1.06"),
        ("S1", "1.06.01"),
        ("S1", "1.06.01.2.01"),
        (None, "1.07"),
    ]
    assert rows[-1].indicators == ()


@settings(max_examples=20, deadline=None)
@given(quarter=st.integers(min_value=1, max_value=4))
def test_no_quarter_after_as_of_is_filled(quarter: int) -> None:
    form = renja_evaluation(load(DATA), as_of=sakip.Quarter(2024, quarter))
    for row in form.rows:
        for figures in (row.rp, *(line.k for line in row.indicators)):
            assert all(cell is None for cell in figures.quarters[quarter:])
            assert all(cell is not None for cell in figures.quarters[:quarter])


def test_results_show_themselves(form: RenjaEvaluation) -> None:
    assert repr(form).startswith("<RenjaEvaluation Renja 2024 s.d. TW III 2024: 3 rows")
    assert "1.06 (program): 1 indicators" in repr(form.rows[0])
    assert "OC-1" in repr(form.rows[0].indicators[0])
    assert "13 Decimal('165')" in repr(form.rows[1].indicators[0].k)
