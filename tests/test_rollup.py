"""Roll-up: an objective's or goal's achievement from its indicators, nothing dropped silently."""

from __future__ import annotations

import decimal
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip.rollup import CAP_BEFORE_MEAN, MEAN, ROLLUP_METHODS, WEIGHTED_MEAN
from tests.strategies import achievements


def _a(realization: object, target: object = 100) -> sakip.Achievement:
    return sakip.achievement(realization=realization, target=target)  # type: ignore[arg-type]


def test_unweighted_mean_of_uncapped_achievements_is_the_default() -> None:
    """130 % and 80 % roll up to 105 %: uncapped, unweighted (Kemensetneg practice)."""
    capped = sakip.achievement(realization=130, target=100, cap=100)
    result = sakip.rollup({"A": capped, "B": _a(80)})
    assert D(105) == result.value
    assert (MEAN, None, 2) == (result.method, result.cap, result.computed)
    assert (MEAN,) == result.rules
    assert "(130,00 + 80,00) / 2 = 105,00 %" == result.explain()


def test_seed_objective_of_two_indicators() -> None:
    """PPKS 100,42 % and Nilai SAKIP 101,50 % average to 100,96 %."""
    a = sakip.achievement(realization=95, target="94.6")
    b = sakip.achievement(realization="69.16", target="68.14")
    assert D("100.96") == sakip.rollup({"PPKS": a, "SAKIP": b}).percent


def test_cap_before_the_mean_is_an_option() -> None:
    """With a cap of 100, 130 % enters the mean as 100."""
    result = sakip.rollup({"A": _a(130), "B": _a(80)}, cap=100)
    assert (D(90), D(100)) == (result.value, result.cap)
    assert (MEAN, CAP_BEFORE_MEAN) == result.rules
    assert [D(100), D(80)] == [child.used for child in result.children]
    assert "(100,00 + 80,00) / 2, tiap capaian dibatasi 100 = 90,00 %" == result.explain()


def test_weighted_mean() -> None:
    """Weights 3 and 1 make 100 % and 80 % into 95 %."""
    result = sakip.rollup({"A": _a(100), "B": _a(80)}, weights={"A": 3, "B": 1})
    assert (D(95), WEIGHTED_MEAN) == (result.value, result.method)
    assert "(3 × 100,00 + 1 × 80,00) / 4 = 95,00 %" == result.explain()


def test_not_computable_children_are_listed_with_their_reason() -> None:
    """A child without an achievement is left out of the mean, and named with its reason."""
    error = sakip.UndefinedAchievementError("zero target", 5, 0)
    result = sakip.rollup({"A": _a(90), "B": error, "C": "tidak ada realisasi"})
    assert (D(90), 1) == (result.value, result.computed)
    assert ["B", "C"] == [child.code for child in result.excluded]
    assert ["A"] == [child.code for child in result.included]
    assert ("tidak ada realisasi", None) == (result.excluded[1].note, result.excluded[1].missing)
    assert result.excluded[0].missing is not None
    assert sakip.Reason.ZERO_TARGET is result.excluded[0].missing.reason
    assert result.explain().endswith(
        "tidak dihitung: B (realisasi 5 terhadap target 0 tidak memiliki persentase), "
        "C (tidak ada realisasi)"
    )
    assert result.explain(lang="en").endswith(
        "not computed: B (a realization of 5 against a target of 0 has no percentage), "
        "C (tidak ada realisasi)"
    )


def test_a_child_may_be_a_missing_value_or_any_error() -> None:
    """A Missing is kept as given; an error without a code is kept as its text."""
    why = sakip.Missing(reason=sakip.Reason.NO_REALIZATION, values=(("year", 2024),))
    result = sakip.rollup({"A": _a(90), "B": why, "C": ValueError("odd")})
    assert (why, None) == (result.excluded[0].missing, result.excluded[0].note)
    assert ("odd", "") == (result.excluded[1].note, result.children[0].why())
    assert result.explain().endswith("tidak dihitung: B (tidak ada realisasi tahun 2024), C (odd)")


def test_no_computable_child_carries_its_reason() -> None:
    """A roll-up of nothing computable raises with the code of why."""
    with pytest.raises(sakip.UndefinedResultError) as raised:
        sakip.rollup({"A": "tidak ada realisasi"})
    assert sakip.Reason.NO_COMPUTABLE_CHILD is raised.value.reason
    zero = {"A": _a(90)}
    with pytest.raises(sakip.UndefinedResultError) as raised:
        sakip.rollup(zero, weights={"A": 0})
    assert sakip.Reason.ZERO_WEIGHTS is raised.value.reason


def test_weighted_explanation_ignores_the_callers_decimal_context() -> None:
    """The sum of the weights in the explanation is exact under a precision-3 context."""
    a = sakip.achievement(realization=90, target=100)
    b = sakip.achievement(realization=80, target=100)
    result = sakip.rollup({"A": a, "B": b}, weights={"A": 1234, "B": 1})
    expected = result.explain()
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        assert expected == result.explain()
    assert "/ 1.235 =" in expected


def test_weights_of_children_left_out_drop_out_of_the_divisor() -> None:
    """A weighted child that is not computable takes its weight with it."""
    result = sakip.rollup({"A": _a(100), "B": "x", "C": _a(70)}, weights={"A": 1, "B": 5, "C": 2})
    assert D(80) == result.value


def test_nothing_computable_is_not_computable() -> None:
    """With no computable child there is no mean, and the error lists the reasons."""
    with pytest.raises(sakip.UndefinedResultError, match="no child"):
        sakip.rollup({"A": "tidak ada realisasi"})


def test_weights_adding_up_to_zero_are_refused() -> None:
    """Zero weights leave nothing to divide by."""
    with pytest.raises(sakip.UndefinedResultError, match="add up to 0"):
        sakip.rollup({"A": _a(100)}, weights={"A": 0})


@pytest.mark.parametrize(
    ("weights", "method", "match"),
    [
        ({"A": 1}, None, "a weight for B"),
        ({"A": 1, "B": 1, "Z": 1}, None, "a child's code"),
        ({"A": -1, "B": 1}, None, "0 or more"),
        ({"A": "x", "B": 1}, None, "finite number"),
        (None, "weighted-mean", "a weight per child"),
        ({"A": 1, "B": 1}, "mean", "no weights"),
    ],
)
def test_bad_weights_are_refused(
    weights: dict[str, object] | None, method: str | None, match: str
) -> None:
    """Weights must cover every child, name only children, be 0 or more, and fit the method."""
    with pytest.raises(sakip.InvalidValueError, match=match):
        sakip.rollup({"A": _a(100), "B": _a(80)}, weights=weights, method=method)  # type: ignore[arg-type]


def test_a_child_that_is_neither_is_refused() -> None:
    """A bare number is not an achievement."""
    with pytest.raises(sakip.InvalidValueError, match="an Achievement"):
        sakip.rollup({"A": D(100)})  # type: ignore[dict-item]


def test_methods_are_registered() -> None:
    """Both methods are cited data."""
    assert ["mean", "weighted-mean"] == ROLLUP_METHODS.names()
    assert sakip.EvidenceGrade.PRACTICE is MEAN.source.grade


@given(achievements(), st.integers(min_value=1, max_value=12))
def test_identical_children_roll_up_to_the_child(child: sakip.Achievement, n: int) -> None:
    """The roll-up of n copies of one achievement is that achievement."""
    children = {f"I{index}": child for index in range(n)}
    assert child.uncapped == sakip.rollup(children).value
    weights = {code: index + 1 for index, code in enumerate(children)}
    assert child.uncapped == sakip.rollup(children, weights=weights).value


@given(st.lists(achievements(), min_size=1, max_size=8))
def test_the_mean_lies_between_the_children(children: list[sakip.Achievement]) -> None:
    """The mean is never below the lowest nor above the highest child."""
    values = [child.uncapped for child in children]
    result = sakip.rollup({str(index): child for index, child in enumerate(children)})
    assert min(values) <= result.value <= max(values)


# --- from a dataset ---------------------------------------------------------------------------


def test_seed_objectives(seed_dataset: sakip.Dataset) -> None:
    """Each seed objective has one indicator: its achievement is the indicator's."""
    assert D("100.42") == sakip.objective_achievement(seed_dataset, "S1", 2024).percent
    assert D("101.50") == sakip.objective_achievement(seed_dataset, "S2", 2024).percent


def test_seed_goal_rolls_up_every_indicator(seed_dataset: sakip.Dataset) -> None:
    """A goal without its own indicators rolls up those of its objectives, once each."""
    result = sakip.goal_achievement(seed_dataset, "T1", 2024)
    assert (D("100.96"), 2) == (result.percent, result.computed)


def test_seed_objective_in_a_year_without_realization(seed_dataset: sakip.Dataset) -> None:
    """2021 has no realization: nothing to roll up, and the reason says so."""
    with pytest.raises(sakip.UndefinedResultError, match="no realization is reported"):
        sakip.objective_achievement(seed_dataset, "S1", 2021)


def test_goal_with_its_own_indicators() -> None:
    """A goal measured by its own indicators rolls up those, not its objectives'."""
    own = sakip.Indicator(code="G", name="g", unit="%")
    under = sakip.Indicator(code="O", name="o", unit="%")
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[
            sakip.Goal(
                code="T1",
                name="Tujuan",
                indicators=[own],
                objectives=[sakip.Objective(code="S1", name="Sasaran", indicators=[under])],
            )
        ],
        indicator_plans=[
            sakip.IndicatorPlan(indicator="G", targets={2024: 80}),
            sakip.IndicatorPlan(indicator="O", targets={2024: 100}),
        ],
    )
    data = sakip.Dataset(
        agency=sakip.Agency(name="Dinas"),
        plan=plan,
        realizations=[
            sakip.Realization(indicator="G", year=2024, value=60),
            sakip.Realization(indicator="O", year=2024, value=100),
        ],
    )
    assert D(75) == sakip.goal_achievement(data, "T1", 2024).value


def test_unknown_goal_and_objective(seed_dataset: sakip.Dataset) -> None:
    """Unknown codes list the known ones."""
    with pytest.raises(sakip.NotFoundError, match="'T1'"):
        sakip.goal_achievement(seed_dataset, "T9", 2024)
    with pytest.raises(sakip.NotFoundError, match="'S1', 'S2'"):
        sakip.objective_achievement(seed_dataset, "S9", 2024)


def test_the_roll_up_does_not_depend_on_the_callers_context() -> None:
    """A coarse global context with floor rounding moves no roll-up."""
    import decimal

    a = sakip.achievement(realization=95, target="94.6")
    b = sakip.achievement(realization="69.16", target="68.14")
    with decimal.localcontext() as context:
        context.prec, context.rounding = 3, decimal.ROUND_FLOOR
        assert D("100.96") == sakip.rollup({"PPKS": a, "SAKIP": b}).percent
        assert (
            D("100.96")
            == sakip.rollup({"PPKS": a, "SAKIP": b}, weights={"PPKS": 1, "SAKIP": 1}).percent
        )
