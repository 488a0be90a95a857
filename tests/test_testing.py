"""sakip.testing: the public strategies draw what they say, and sakip keeps their invariants."""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal as D
from pathlib import Path

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip import testing
from sakip.achievement import FORMULAS, LEVEL_FORMULAS
from sakip.audit import audit
from sakip.io.tables import TableRow
from sakip.report import build_report


@given(testing.targets(), testing.polarities, st.data())
def test_a_target_met_exactly_scores_100(
    target: sakip.TargetLike, polarity: sakip.Polarity, data: st.DataObject
) -> None:
    """A realization on a target scores 100, by every formula that fits the target.

    A plain one, a range's bound, a comparator's bound (met unless strict), a level (met).
    """
    on = testing.on_target(target)
    if isinstance(target, sakip.LevelTarget):
        rule = data.draw(st.sampled_from(["rank-ratio", "met-or-not"]))
        level = sakip.achievement(realization=str(on), target=target, formula=rule)
        assert D(100) == level.percent
        assert level.met
        return
    if isinstance(target, sakip.ComparatorTarget):
        polarity = target.polarity
    formula = data.draw(testing.formulas(polarity))
    result = sakip.achievement(realization=on, target=target, polarity=polarity, formula=formula)
    assert D(100) == result.percent
    strict = isinstance(target, sakip.ComparatorTarget) and target.comparator.strict
    assert result.met is not strict


def test_targets_draw_every_kind_and_refuse_an_unknown_one() -> None:
    """Every kind in TARGET_KINDS is drawn; a kind sakip does not know is refused by name."""
    kinds: set[type] = set()

    @settings(max_examples=100)
    @given(testing.targets())
    def collect(target: object) -> None:
        kinds.add(type(target))

    collect()
    assert {sakip.Target, sakip.TargetRange, sakip.ComparatorTarget, sakip.LevelTarget} == kinds
    assert {"plain", "range", "comparator", "level"} == set(testing.TARGET_KINDS)
    with pytest.raises(sakip.InvalidValueError, match="ordinal"):
        testing.targets("ordinal")


@given(testing.achievements(), testing.achievements())
def test_ratings_never_fall_as_achievement_rises(
    first: sakip.Achievement, second: sakip.Achievement
) -> None:
    """The higher printed figure never gets a lower band."""
    low, high = sorted((first, second), key=lambda a: a.percent)
    bands = sakip.scales.PERMENDAGRI_86_2017.bands
    assert bands.index(sakip.classify(low).band) <= bands.index(sakip.classify(high).band)


@given(testing.rating_scales(), testing.decimals(-2000, 2000, places=3))
def test_every_value_lands_in_exactly_one_band(scale: sakip.RatingScale, value: D) -> None:
    """A drawn scale covers every number once."""
    assert 1 == sum(value in band for band in scale.bands)


@given(st.sampled_from(["id", "en"]), st.data())
def test_printed_numbers_read_back(lang: str, data: st.DataObject) -> None:
    """parse(format(x)) == x in both notations."""
    text, value = data.draw(testing.number_texts(lang))
    assert value == sakip.parse_number(text, decimal="," if lang == "id" else ".")


@given(testing.numbers())
def test_every_form_of_a_number_is_read_as_its_value(number: int | D | str | float) -> None:
    """int, Decimal, Python text and float all give the value they spell."""
    expected = D(repr(number)) if isinstance(number, float) else D(number)
    assert expected == sakip.achievement(realization=number, target=1).realization


@settings(max_examples=20)
@given(testing.datasets())
def test_datasets_round_trip(dataset: sakip.Dataset) -> None:
    """load(save(x)) == x for TOML and JSON."""
    assert dataset == sakip.io.loads_toml(sakip.io.dumps_toml(dataset))
    assert dataset == sakip.io.loads_json(sakip.io.dumps_json(dataset))


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(testing.datasets())
def test_build_report_and_audit_never_raise_for_a_drawn_dataset(dataset: sakip.Dataset) -> None:
    """Every drawn dataset can be reported (both languages) and audited."""
    year = None if dataset.realizations else dataset.plan.start_year
    for lang in ("id", "en"):
        assert build_report(dataset, year=year, lang=lang).tables
    assert len(dataset.stated) == len(audit(dataset).findings)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(testing.datasets())
def test_drawn_realizations_are_one_per_indicator_and_period(dataset: sakip.Dataset) -> None:
    """No drawn dataset holds two values for one indicator, year and quarter or month."""
    keys = [(r.indicator, r.year, r.quarter, r.month) for r in dataset.realizations]
    assert len(set(keys)) == len(keys)


@settings(max_examples=30)
@given(testing.plans())
def test_plans_name_only_their_indicators_and_years(plan: sakip.StrategicPlan) -> None:
    """Every indicator plan is of an indicator of the plan, its years inside the period."""
    codes = {indicator.code for indicator in plan.indicators}
    for line in plan.indicator_plans:
        assert line.indicator in codes
        assert all(year in plan.years for year in line.years)


@given(testing.indicators())
def test_indicators_name_a_formula_of_their_polarity(indicator: sakip.Indicator) -> None:
    """A drawn indicator's formula, when it has one, serves its polarity (or its levels)."""
    if indicator.levels is not None:
        assert indicator.formula in (None, *(f.name for f in LEVEL_FORMULAS))
    elif indicator.formula is not None:
        assert indicator.polarity is FORMULAS.get(indicator.formula).polarity


def _expected(row: TableRow) -> tuple[D | None, str | None]:
    if row.target is None or row.realization is None:
        return None, None
    try:
        found = sakip.achievement(
            realization=row.realization, target=row.target, polarity=row.polarity
        )
    except sakip.SakipError:
        return None, None
    return found.value, sakip.classify(found).label


@settings(max_examples=40)
@given(testing.tables())
def test_the_bulk_table_path_equals_the_scalar_api(rows: tuple[TableRow, ...]) -> None:
    """evaluate(rows) is, row for row, what achievement() and classify() give."""
    for row, result in zip(rows, sakip.io.evaluate(rows), strict=True):
        value = None if result.achievement is None else result.achievement.value
        assert _expected(row) == (value, result.rating)


@settings(max_examples=10)
@given(testing.data_frames())
def test_the_dataframe_path_equals_the_scalar_api(frame: pd.DataFrame) -> None:
    """results_frame(frame) gives each row the scalar API's exact figure."""
    rows = sakip.io.from_frame(frame).raise_for_errors().rows
    results = sakip.io.results_frame(frame, detail=True)
    for index, row in enumerate(rows):
        value, _ = _expected(row)
        assert value == results.loc[index, "achievement"]


@settings(max_examples=20)
@given(testing.tables())
def test_tables_round_trip_through_a_file(rows: tuple[TableRow, ...]) -> None:
    """write_table then read_table gives the same rows back."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        sakip.io.write_table(rows, path)
        read = sakip.io.read_table(path).raise_for_errors()
    assert list(rows) == [attrs.evolve(row, line=None) for row in read.rows]


def test_importing_sakip_testing_without_hypothesis_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without Hypothesis the module says which extra installs it."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "sakip.testing")
    with pytest.raises(sakip.MissingDependencyError, match=r"sakip\[testing\]"):
        importlib.import_module("sakip.testing")


def test_dataframe_strategies_without_pandas_name_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """data_frames() needs pandas, and says so when it is missing."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(sakip.MissingDependencyError, match=r"sakip\[pandas\]"):
        testing.data_frames()


@given(testing.indicators(), st.data())
def test_targets_for_an_indicator_fit_it(indicator: sakip.Indicator, data: st.DataObject) -> None:
    """targets_for draws targets the indicator accepts, with the numbers given or its own."""
    numbers = testing.positive_decimals(max_value=100)
    for target in (
        data.draw(testing.targets_for(indicator)),
        data.draw(testing.targets_for(indicator, values=numbers)),
    ):
        indicator.check_target(target)
        assert isinstance(target, sakip.LevelTarget) == (indicator.levels is not None)


def test_drawn_datasets_state_an_objective_average_read_from_the_data() -> None:
    """Some drawn dataset states an objective's average by naming the objective, no operands."""
    found = find(
        testing.datasets(),
        lambda data: any(
            figure.kind == "objective-average" and figure.objective is not None
            for figure in data.stated
        ),
        settings=settings(max_examples=2000, database=None, phases=[Phase.generate]),
    )
    assert any(figure.objective for figure in found.stated)
