"""Comparisons: year on year, against the end target, a standard, and an indicator's history."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal as D

import attrs
import pytest
from hypothesis import assume, given

import sakip
from sakip.compare import AVERAGE_CHANGE, LEAST_SQUARES, PROJECTIONS
from tests.strategies import decimals, polarities

# --- the public API contract ------------------------------------------------------------------


def test_contract_change() -> None:
    """95 against 93 is a change of 2 and a growth of 2,15 %."""
    c = sakip.change(current=95, previous=93)
    assert D(2) == c.value
    assert D("2.15") == c.percent


def test_contract_progress() -> None:
    """95 from the baseline 81,79 towards 100 is 72,54 % of the way."""
    assert D("72.54") == sakip.progress(realization=95, baseline="81.79", end_target=100).percent


def test_results_do_not_depend_on_the_callers_context() -> None:
    """A coarse global context with floor rounding moves no comparison."""
    with decimal.localcontext() as context:
        context.prec, context.rounding = 3, decimal.ROUND_FLOOR
        assert D("2.15") == sakip.change(current=95, previous=93).percent
        result = sakip.progress(realization=95, baseline="81.79", end_target=100)
        assert D("72.54") == result.percent
        assert D(98) == sakip.projection({1: 90, 2: 92}, year=5).value


# --- change --------------------------------------------------------------------------------


def test_change_explains_itself() -> None:
    """The explanation shows the difference, the growth and the verdict."""
    expected = "95 − 93 = 2 (naik); pertumbuhan 2 / 93 × 100 = 2,15 %; membaik (polaritas positif)"
    assert expected == sakip.change(current=95, previous=93).explain()


def test_change_by_negative_polarity() -> None:
    """For a lower-is-better indicator a fall is an improvement."""
    c = sakip.change(current=8, previous=10, polarity="negatif")
    assert (sakip.Direction.DOWN, True) == (c.direction, c.improved)
    assert "turun" in c.explain()
    assert "polaritas negatif" in c.explain()


def test_change_worse_and_unchanged() -> None:
    """A fall of a positive indicator is worse; no change is neither better nor worse."""
    assert False is sakip.change(current=90, previous=93).improved
    same = sakip.change(current=93, previous=93)
    assert (None, sakip.Direction.UNCHANGED) == (same.improved, same.direction)
    assert "tetap" in same.explain()
    assert "tidak berubah" in same.explain()


def test_growth_from_zero_is_not_computable() -> None:
    """From 0 the difference exists but the growth does not, and reading it says why."""
    c = sakip.change(current=5, previous=0)
    assert D(5) == c.value
    assert c.growth is None
    assert sakip.Reason.PREVIOUS_ZERO is _code(c.growth_missing)
    with pytest.raises(sakip.UndefinedResultError, match="previous value is 0"):
        _ = c.percent
    assert "pertumbuhan tidak dapat dihitung: realisasi tahun sebelumnya 0" in c.explain()
    expected = "growth cannot be computed: the previous year's realization is 0"
    assert expected in c.explain(lang="en")


def test_growth_from_a_negative_value_keeps_the_sign_of_the_change() -> None:
    """From -10 to -5 the value rose, and so the growth is positive: 50 %."""
    assert D("50.00") == sakip.change(current=-5, previous=-10).percent


def test_change_refuses_bad_input() -> None:
    """A non-number or an unknown polarity is refused."""
    with pytest.raises(sakip.InvalidValueError, match="'previous'"):
        sakip.change(current=1, previous="x")
    with pytest.raises(sakip.InvalidValueError, match="'polarity'"):
        sakip.change(current=1, previous=2, polarity="up")


@given(decimals(), decimals(), polarities)
def test_change_is_antisymmetric(a: D, b: D, polarity: sakip.Polarity) -> None:
    """change(a, b).value == -change(b, a).value, and the verdicts are opposite."""
    forward = sakip.change(current=a, previous=b, polarity=polarity)
    backward = sakip.change(current=b, previous=a, polarity=polarity)
    assert forward.value == -backward.value
    if forward.improved is not None:
        assert forward.improved is not backward.improved


# --- achievement change ----------------------------------------------------------------------


def test_achievement_change_in_points() -> None:
    """The change in achievement is the difference of the printed figures, in points."""
    now = sakip.achievement(realization=95, target="94.6")
    before = sakip.achievement(realization=93, target="91.5")
    moved = sakip.achievement_change(current=now, previous=before)
    assert D("-1.22") == moved.points
    assert (sakip.Direction.DOWN, False) == (moved.direction, moved.improved)
    assert "100,42 % − 101,64 % = -1,22 poin (turun)" == moved.explain()


def test_achievement_change_uses_the_printed_figures() -> None:
    """Points add up with the printed columns even where the exact difference rounds apart."""
    now = sakip.achievement(realization="100.424", target=100)
    before = sakip.achievement(realization="98.305", target=100)
    moved = sakip.achievement_change(current=now, previous=before)
    assert D("2.119") == moved.value
    assert D("2.11") == moved.points


def test_achievement_change_direction_follows_the_printed_points() -> None:
    """Two achievements that print alike did not move, so the line reads 0,00 poin (tetap)."""
    now = sakip.achievement(realization="100.004", target=100)
    before = sakip.achievement(realization="100.001", target=100)
    moved = sakip.achievement_change(current=now, previous=before)
    assert (sakip.Direction.UNCHANGED, None) == (moved.direction, moved.improved)
    assert "100,00 % − 100,00 % = 0,00 poin (tetap)" == moved.explain()


def test_achievement_change_refuses_numbers() -> None:
    """Two Achievements are needed."""
    now = sakip.achievement(realization=95, target=100)
    with pytest.raises(sakip.InvalidValueError, match="'previous'"):
        sakip.achievement_change(current=now, previous=D(93))  # type: ignore[arg-type]


# --- progress, gap, to date, projection, needed ----------------------------------------------


def test_progress_explains_itself() -> None:
    """The explanation shows both differences."""
    expected = "(95 − 81,79) / (100 − 81,79) × 100 = 72,54 %"
    result = sakip.progress(realization=95, baseline="81.79", end_target=sakip.Target(100))
    assert expected == result.explain()


def test_progress_needs_an_end_target_apart_from_the_baseline() -> None:
    """An end target equal to the baseline leaves nothing to progress over."""
    with pytest.raises(sakip.UndefinedResultError, match="equals the baseline"):
        sakip.progress(realization=5, baseline=5, end_target=5)


def test_progress_refuses_a_range() -> None:
    """Progress needs one end target."""
    with pytest.raises(sakip.InvalidValueError, match="not a range"):
        sakip.progress(realization=5, baseline=1, end_target=sakip.TargetRange(8, 9))


def test_progress_of_a_negative_indicator() -> None:
    """From 20 down to 10, a realization of 15 is half the way."""
    assert D("50.00") == sakip.progress(realization=15, baseline=20, end_target=10).percent


@given(decimals(), decimals(), polarities)
def test_progress_is_0_at_the_baseline_and_100_at_the_end_target(
    baseline: D, end: D, polarity: sakip.Polarity
) -> None:
    """Progress is 0 at the baseline and 100 at the end target."""
    assume(baseline != end)
    assert D(0) == sakip.progress(realization=baseline, baseline=baseline, end_target=end).value
    assert D(100) == sakip.progress(realization=end, baseline=baseline, end_target=end).value


def test_seed_gap_to_the_end_target() -> None:
    """PPKS: 95 against 100 is a gap of 5 points (the seed prints "-5 %")."""
    g = sakip.gap(realization=95, end_target=100)
    assert (D(5), False, D(5)) == (g.value, g.met, g.remaining)
    assert "100 − 95 = 5; kurang 5 dari target akhir (polaritas positif)" == g.explain()


def test_seed_nilai_sakip_gap() -> None:
    """Nilai SAKIP 69,16 against the 2026 target 70,00 is a gap of 0,84."""
    assert D("0.84") == sakip.gap(realization="69.16", end_target="70.00").value


def test_gap_of_a_met_target_by_polarity() -> None:
    """Past the target, by polarity, the gap is met and nothing remains."""
    above = sakip.gap(realization=105, end_target=100)
    assert (D(-5), True, D(0)) == (above.value, above.met, above.remaining)
    assert "target akhir tercapai" in above.explain()
    below = sakip.gap(realization=12, end_target=10, polarity="negative")
    assert (D(-2), False, D(2)) == (below.value, below.met, below.remaining)


def test_realization_to_date_sums_the_years() -> None:
    """A flow indicator's realization to date is the sum of its years."""
    total = sakip.realization_to_date({2022: 10, 2021: "12.5"})
    assert (D("22.5"), True) == (total.value, total.complete)
    assert ((2021, D("12.5")), (2022, D(10))) == total.years
    assert "12,5 (2021) + 10 (2022) = 22,5" == total.explain()


def test_realization_to_date_reports_missing_years() -> None:
    """Years without a realization are listed, never summed as 0."""
    total = sakip.realization_to_date({2021: 10, 2023: 12}, missing=[2022])
    assert ((2022,), False) == (total.missing, total.complete)
    assert total.explain().endswith("tanpa realisasi: 2022")


@pytest.mark.parametrize("values", [{}, {"2021": 10}, {True: 1}, {2021: "x"}])
def test_realization_to_date_refuses_bad_values(values: dict[object, object]) -> None:
    """No years, or keys that are not years, or values that are not numbers, are refused."""
    with pytest.raises(sakip.InvalidValueError):
        sakip.realization_to_date(values)  # type: ignore[arg-type]


def test_projection_by_least_squares() -> None:
    """A straight trend projects exactly, and the explanation names the method."""
    p = sakip.projection({2022: 90, 2023: 92, 2024: 94}, year=2026)
    assert (D(98), D(2), LEAST_SQUARES) == (p.value, p.slope, p.method)
    assert "tren least-squares dari 2022-2024: 2,00 per tahun; proyeksi 2026 = 98,00" == (
        p.explain()
    )


def test_projection_methods_differ_on_a_bent_series() -> None:
    """Least squares uses every year; the average change only the first and the last."""
    values = {2020: D("81.79"), 2022: D("88.32"), 2023: 93, 2024: 95}
    fitted = sakip.projection(values, year=2026)
    average = sakip.projection(values, year=2026, method="average-change")
    assert D("102.34") == round(fitted.value, 2)
    assert D("101.6050") == average.value
    assert AVERAGE_CHANGE is average.method
    assert ["average-change", "least-squares"] == PROJECTIONS.names()


def test_projection_needs_two_years() -> None:
    """One year makes no trend."""
    with pytest.raises(sakip.UndefinedResultError, match="at least two years"):
        sakip.projection({2024: 95}, year=2026)


def test_needed_per_year() -> None:
    """5 points in 2 years is 2,5 a year."""
    n = sakip.needed_per_year(realization=95, end_target=100, year=2024, end_year=2026)
    assert D("2.5") == n.value
    assert "(100 − 95) / (2026 − 2024) = 2,50 per tahun" == n.explain()


def test_needed_per_year_needs_a_year_left() -> None:
    """At the end year nothing is left to spread the gap over."""
    with pytest.raises(sakip.UndefinedResultError, match="no year is left"):
        sakip.needed_per_year(realization=95, end_target=100, year=2026, end_year=2026)


@pytest.mark.parametrize(
    "call",
    [
        lambda: sakip.projection({2022: 90, 2023: 92}, year=True),
        lambda: sakip.projection({2022: 90, 2023: 92}, year="2026"),
        lambda: sakip.needed_per_year(realization=95, end_target=100, year="2024", end_year=2026),
        lambda: sakip.needed_per_year(realization=95, end_target=100, year=2024, end_year=2026.0),
        lambda: sakip.realization_to_date({2021: 10}, missing=["2022"]),
    ],
)
def test_years_must_be_whole_numbers(call: Callable[[], object]) -> None:
    """A year that is a bool, text or float is refused, never read as year 1 or a TypeError."""
    with pytest.raises(sakip.InvalidValueError):
        call()


def test_gap_remaining_ignores_the_callers_decimal_context() -> None:
    """What is left to the end target stays exact under a precision-3 context."""
    found = sakip.gap(realization=1, end_target=123456)
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        assert D(123455) == found.remaining
        assert found.explain().endswith("kurang 123.455 dari target akhir (polaritas positif)")


# --- standard ------------------------------------------------------------------------------


def _standard(value: object) -> sakip.NationalStandard:
    return sakip.NationalStandard(indicator="X", value=value, source="SPM Bidang Sosial")


def test_no_standard_is_a_state_not_a_number() -> None:
    """Without a standard there is nothing to be above or below."""
    result = sakip.compare_with_standard(realization=95, standard=None)
    assert isinstance(result, sakip.NoStandard)
    assert False is result.exists
    assert "tidak ada standar nasional: tidak dapat dibandingkan" == result.explain()


@pytest.mark.parametrize(
    ("realization", "value", "polarity", "position", "meets"),
    [
        (95, 90, "positive", "above", True),
        (85, 90, "positive", "below", False),
        (90, 90, "positive", "equal", True),
        (85, 90, "negative", "below", True),
        (95, 90, "negative", "above", False),
        (85, sakip.TargetRange(80, 90), "positive", "within", True),
        (75, sakip.TargetRange(80, 90), "positive", "below", False),
        (95, sakip.TargetRange(80, 90), "negative", "above", False),
    ],
)
def test_standard_comparison_by_polarity(
    realization: int, value: object, polarity: str, position: str, meets: bool
) -> None:
    """Above or below a standard means better or worse according to polarity."""
    result = sakip.compare_with_standard(
        realization=realization, standard=_standard(value), polarity=polarity
    )
    assert isinstance(result, sakip.StandardComparison)
    assert (position, meets, True) == (result.position, result.meets, result.exists)
    assert "SPM Bidang Sosial" == result.source


def test_standard_comparison_explains_itself() -> None:
    """The explanation gives the position, the source, the achievement and the verdict."""
    above = sakip.compare_with_standard(realization=95, standard=_standard(90))
    expected = (
        "95 di atas standar 90 (SPM Bidang Sosial): 95 / 90 × 100 = 105,56 %; memenuhi standar"
    )
    assert expected == above.explain()
    below = sakip.compare_with_standard(realization=85, standard=_standard(90))
    assert "di bawah standar 90" in below.explain()
    assert below.explain().endswith("belum memenuhi standar")
    equal = sakip.compare_with_standard(realization=90, standard=_standard(90))
    assert "sama dengan standar" in equal.explain()
    within = sakip.compare_with_standard(
        realization=85, standard=_standard(sakip.TargetRange(80, 90))
    )
    assert "dalam rentang standar 80–90" in within.explain()


def test_direction_words() -> None:
    """Directions print as the Indonesian words, or the English ones."""
    assert ["naik", "turun", "tetap"] == [d.say() for d in sakip.Direction]
    assert ["up", "down", "unchanged"] == [d.say("en") for d in sakip.Direction]


# --- history of the seed ---------------------------------------------------------------------


def test_seed_ppks_this_year(seed_dataset: sakip.Dataset) -> None:
    """PPKS 2024: 95 against the PK target 94,6 is 100,42 %, Sangat Tinggi."""
    h = sakip.history(seed_dataset, "PPKS", 2024)
    assert (D("94.6"), "PK", D(95)) == (
        h.current.target.value,
        h.current.target_source,
        h.current.realization,
    )  # type: ignore[union-attr]
    assert D("100.42") == h.current.achievement.percent  # type: ignore[union-attr]
    assert "Sangat Tinggi" == h.current.rating.label  # type: ignore[union-attr]
    assert sakip.Polarity.POSITIVE is h.polarity


def test_seed_ppks_against_last_year(seed_dataset: sakip.Dataset) -> None:
    """PPKS 2024 against 2023: +2 points of realization, +2,15 % growth, better."""
    change = sakip.history(seed_dataset, "PPKS", 2024).current.change
    assert change is not None
    assert (D(2), D("2.15"), True) == (change.value, change.percent, change.improved)


def test_seed_ppks_against_2022(seed_dataset: sakip.Dataset) -> None:
    """PPKS 2024 against 2022 (88,32): +6,68, +7,56 %."""
    change = sakip.history(seed_dataset, "PPKS", 2024).change_since(2022)
    assert (D("6.68"), D("7.56")) == (change.value, change.percent)


def test_seed_ppks_against_the_end_target(seed_dataset: sakip.Dataset) -> None:
    """PPKS against the 2026 end target: gap 5, 95,00 %, progress 72,54 % from 81,79."""
    end = sakip.history(seed_dataset, "PPKS", 2024).end
    assert end is not None
    assert (2026, sakip.Target(100), D("81.79")) == (end.end_year, end.end_target, end.baseline)
    assert D(5) == end.gap.value  # type: ignore[union-attr]
    assert D("95.00") == end.achievement.percent  # type: ignore[union-attr]
    assert D("72.54") == end.progress.percent  # type: ignore[union-attr]
    assert D("2.5") == end.needed.value  # type: ignore[union-attr]
    assert D("102.34") == round(end.projection.value, 2)  # type: ignore[union-attr]
    assert True is end.on_track
    assert end.to_date is None
    assert () == end.missing


def test_seed_ppks_series(seed_dataset: sakip.Dataset) -> None:
    """The series runs from the 2020 baseline through 2026; unreported years are None."""
    h = sakip.history(seed_dataset, "PPKS", 2024)
    assert list(range(2020, 2027)) == [row.year for row in h.series]
    baseline = h.row(2020)
    assert (True, D("81.79"), None) == (baseline.baseline, baseline.realization, baseline.target)
    assert h.row(2021).realization is None
    assert sakip.Reason.NO_REALIZATION is _code(h.row(2021).missing)
    assert h.row(2022).change is None
    assert D("4.68") == h.row(2023).change.value  # type: ignore[union-attr]
    assert D("-1.22") == h.row(2024).achievement_change.points  # type: ignore[union-attr]
    assert (sakip.Target(D("97.7")), "Renstra", None) == (
        h.row(2025).target,
        h.row(2025).target_source,
        h.row(2025).realization,
    )
    assert isinstance(h.standard, sakip.NoStandard)


def test_seed_ppks_explains_itself(seed_dataset: sakip.Dataset) -> None:
    """The history reads as the four comparisons, in Indonesian notation."""
    text = sakip.history(seed_dataset, "PPKS", 2024).explain()
    assert text.startswith("PPKS Persentase PPKS yang tertangani (%)\n2024: target 94,6")
    assert "2020 (kondisi awal): target -, realisasi 81,79" in text
    assert "2021: target 85,3, realisasi tidak dilaporkan" in text
    assert "selisih: 100 − 95 = 5" in text
    assert "kemajuan dari kondisi awal: (95 − 81,79) / (100 − 81,79) × 100 = 72,54 %" in text
    assert "sesuai jalur" in text
    assert text.endswith("tidak ada standar nasional untuk PPKS: tidak dapat dibandingkan")


def test_seed_nilai_sakip_history(seed_dataset: sakip.Dataset) -> None:
    """Nilai SAKIP 2024: gap 0,84 to 70; no baseline, one year: no progress, no projection."""
    h = sakip.history(seed_dataset, "SAKIP", 2024)
    assert D("101.50") == h.current.achievement.percent  # type: ignore[union-attr]
    end = h.end
    assert end is not None
    assert D("0.84") == end.gap.value  # type: ignore[union-attr]
    assert (None, None, None) == (end.progress, end.projection, end.on_track)
    assert sakip.Reason.NO_BASELINE is _code(end.missing_for("progress"))
    assert sakip.Reason.TOO_FEW_YEARS is _code(end.missing_for("projection"))
    assert "kemajuan dari kondisi awal: tidak dapat dihitung" in end.explain()
    assert 2021 == h.series[0].year


def test_history_of_an_unknown_indicator(seed_dataset: sakip.Dataset) -> None:
    """An unknown code lists the known ones."""
    with pytest.raises(sakip.NotFoundError, match="'PPKS'"):
        sakip.history(seed_dataset, "NOPE", 2024)


def test_change_since_needs_both_realizations(seed_dataset: sakip.Dataset) -> None:
    """A year without a realization cannot be compared; a year outside the series is unknown."""
    h = sakip.history(seed_dataset, "PPKS", 2024)
    with pytest.raises(sakip.UndefinedResultError, match="no realization"):
        h.change_since(2021)
    with pytest.raises(sakip.NotFoundError, match="2019"):
        h.change_since(2019)


# --- history, other shapes of data -----------------------------------------------------------


def _dataset(
    indicator: sakip.Indicator,
    line: sakip.IndicatorPlan | None,
    realizations: list[sakip.Realization],
    **extra: object,
) -> sakip.Dataset:
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=[indicator])],
        indicator_plans=[] if line is None else [line],
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas"),
        plan=plan,
        realizations=realizations,
        **extra,  # type: ignore[arg-type]
    )


def _flow(code: str = "F") -> sakip.Indicator:
    return sakip.Indicator(code=code, name="Rumah direhabilitasi", unit="unit", cumulative=True)


def test_cumulative_indicator_compares_the_sum_to_date() -> None:
    """A flow indicator compares its sum to date with the end target, and projects the total."""
    line = sakip.IndicatorPlan(
        indicator="F", baseline=0, baseline_year=2020, targets={2021: 20, 2026: 20}, end_target=120
    )
    realizations = [
        sakip.Realization(indicator="F", year=year, value=value)
        for year, value in ((2021, 20), (2022, 20), (2023, 20))
    ]
    end = sakip.history(_dataset(_flow(), line, realizations), "F", 2023).end
    assert end is not None
    assert (D(60), D(60)) == (end.to_date.value, end.realization)  # type: ignore[union-attr]
    assert D(60) == end.gap.value  # type: ignore[union-attr]
    assert D("50.00") == end.progress.percent  # type: ignore[union-attr]
    assert D(120) == end.projection.value  # type: ignore[union-attr]
    assert D(20) == end.needed.value  # type: ignore[union-attr]
    assert True is end.on_track
    assert "realisasi kumulatif: 20 (2021) + 20 (2022) + 20 (2023) = 60" in end.explain()


def test_cumulative_indicator_with_a_missing_year() -> None:
    """A year missing from a flow indicator is reported, and no running trend is drawn."""
    line = sakip.IndicatorPlan(indicator="F", targets={2026: 20}, end_target=120)
    realizations = [
        sakip.Realization(indicator="F", year=2021, value=20),
        sakip.Realization(indicator="F", year=2023, value=20),
    ]
    end = sakip.history(_dataset(_flow(), line, realizations), "F", 2023).end
    assert end is not None
    assert (2022,) == end.to_date.missing  # type: ignore[union-attr]
    assert D(40) == end.realization
    missing = end.missing_for(sakip.Figure.PROJECTION)
    assert (sakip.Reason.YEARS_MISSING, (2022,)) == (
        _code(missing),
        missing and missing.value("years"),
    )
    assert "no realization in 2022" in end.explain(lang="en")


def test_cumulative_indicator_without_any_realization() -> None:
    """With nothing reported, nothing of the end-target comparison is computed."""
    line = sakip.IndicatorPlan(indicator="F", targets={2026: 20}, end_target=120)
    end = sakip.history(_dataset(_flow(), line, []), "F", 2023).end
    assert end is not None
    assert (None, None, None) == (end.to_date, end.realization, end.gap)
    figures = {"gap", "achievement", "progress", "projection", "needed"}
    assert figures == {m.figure.value for m in end.missing if m.figure is not None}
    assert "selisih: tidak dapat dihitung (tidak ada realisasi tahun 2023)" in end.explain()
    assert "gap: cannot be computed (no realization is reported for 2023)" in end.explain("en")


def test_history_without_a_plan_line() -> None:
    """An indicator with no Renstra line has no targets and no end-target comparison."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    h = sakip.history(_dataset(indicator, None, []), "X", 2024)
    assert h.end is None
    assert sakip.Reason.NO_END_TARGET is _code(h.missing_for("end-target"))
    assert sakip.Reason.NO_REALIZATION is _code(h.current.missing)
    assert "target akhir: tidak dapat dihitung" in h.explain()
    assert "end target: cannot be computed" in h.explain(lang="en")


def test_year_with_a_realization_but_no_target() -> None:
    """A realization without a target has no achievement, and says so."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", targets={2026: 100})
    data = _dataset(indicator, line, [sakip.Realization(indicator="X", year=2024, value=5)])
    row = sakip.history(data, "X", 2024).current
    assert (D(5), None, sakip.Reason.NO_TARGET) == (
        row.realization,
        row.achievement,
        _code(row.missing),
    )
    assert "capaian tidak dapat dihitung: tidak ada target untuk tahun 2024" in row.explain()
    assert "achievement cannot be computed: 2024 has no target" in row.explain(lang="en")


def test_undefined_achievement_is_a_reason_not_a_number() -> None:
    """5 against a target of 0 is not computable; the row keeps the reason."""
    indicator = sakip.Indicator(code="X", name="x", unit="kasus", polarity="negative")
    line = sakip.IndicatorPlan(indicator="X", targets={2024: 0, 2026: 0})
    data = _dataset(indicator, line, [sakip.Realization(indicator="X", year=2024, value=5)])
    h = sakip.history(data, "X", 2024)
    assert h.current.achievement is None
    assert sakip.Reason.ZERO_TARGET is _code(h.current.missing)
    assert "target of 0" in h.current.missing.explain(lang="en")  # type: ignore[union-attr]
    assert h.end is not None
    assert sakip.Reason.ZERO_TARGET is _code(h.end.missing_for("achievement"))


def test_pk_without_the_indicator_falls_back_to_renstra() -> None:
    """A PK for the year that does not list the indicator leaves the Renstra target."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    other = sakip.Indicator(code="Y", name="y", unit="%")
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=[indicator, other])],
        indicator_plans=[sakip.IndicatorPlan(indicator="X", targets={2024: 80, 2026: 90})],
    )
    data = sakip.Dataset(
        agency=sakip.Agency(name="Dinas"),
        plan=plan,
        realizations=[sakip.Realization(indicator="X", year=2024, value=80)],
        agreements=[sakip.PerformanceAgreement(year=2024, targets={"Y": 1})],
    )
    row = sakip.year_row(data, "X", 2024)
    assert (sakip.Target(80), "Renstra") == (row.target, row.target_source)


def test_quarters_left_out_are_reported() -> None:
    """A year built from two quarters lists the two it lacks."""
    indicator = sakip.Indicator(code="X", name="x", unit="orang", aggregation="sum")
    line = sakip.IndicatorPlan(indicator="X", targets={2024: 20, 2026: 30})
    realizations = [
        sakip.Realization(indicator="X", year=2024, quarter=1, value=5),
        sakip.Realization(indicator="X", year=2024, quarter=2, value=6),
    ]
    row = sakip.history(_dataset(indicator, line, realizations), "X", 2024).current
    assert (D(11), (3, 4)) == (row.realization, row.missing_quarters)
    assert "realisasi 11 (TW III, TW IV tidak dilaporkan)" in row.explain()


def test_end_year_has_no_projection() -> None:
    """In the plan's last year there is nothing to project and no year left."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", baseline=50, targets={2026: 100})
    data = _dataset(indicator, line, [sakip.Realization(indicator="X", year=2026, value=90)])
    end = sakip.history(data, "X", 2026).end
    assert end is not None
    assert sakip.Reason.LAST_PLAN_YEAR is _code(end.missing_for("projection"))
    assert sakip.Reason.LAST_PLAN_YEAR is _code(end.missing_for("needed"))
    assert 2020 == sakip.history(data, "X", 2026).series[0].year


def test_report_year_after_the_plan() -> None:
    """A report year after the plan still gets its row, after the plan's years."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", targets={2026: 100})
    data = _dataset(indicator, line, [sakip.Realization(indicator="X", year=2027, value=90)])
    h = sakip.history(data, "X", 2027)
    assert (2027, D(90), None) == (h.series[-1].year, h.current.realization, h.current.target)


def test_report_year_of_the_baseline(seed_dataset: sakip.Dataset) -> None:
    """Asked for the baseline year, the history's current row is the baseline, once."""
    h = sakip.history(seed_dataset, "PPKS", 2020)
    assert [2020] == [row.year for row in h.series if row.year == 2020]
    assert (True, D("81.79")) == (h.current.baseline, h.current.realization)


def test_baseline_in_the_first_plan_year_is_not_a_separate_row() -> None:
    """A baseline measured in the plan's first year leaves that year's own row alone."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", baseline=50, baseline_year=2021, targets={2026: 60})
    data = _dataset(indicator, line, [])
    h = sakip.history(data, "X", 2024)
    assert (2021, False) == (h.series[0].year, h.series[0].baseline)


def test_range_end_target_and_a_falling_trend() -> None:
    """A range end target has an achievement but no gap; a trend out of it is off track."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", targets={2026: sakip.TargetRange(80, 90)})
    realizations = [
        sakip.Realization(indicator="X", year=2023, value=78),
        sakip.Realization(indicator="X", year=2024, value=76),
    ]
    end = sakip.history(_dataset(indicator, line, realizations), "X", 2024).end
    assert end is not None
    assert (None, False) == (end.gap, end.on_track)
    assert sakip.Reason.RANGE_END_TARGET is _code(end.missing_for("gap"))
    assert D("95.00") == end.achievement.percent  # type: ignore[union-attr]
    assert "tidak sesuai jalur" in end.explain()
    assert "target akhir 2026: 80–90" in end.explain()


def test_standard_for_the_year_comes_before_one_for_every_year() -> None:
    """A standard set for the report year wins over a standing one."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", targets={2024: 90, 2026: 100})
    standards = [
        sakip.NationalStandard(indicator="X", value=80, source="SPM lama"),
        sakip.NationalStandard(indicator="X", value=95, source="SPM 2024", year=2024),
    ]
    data = _dataset(
        indicator,
        line,
        [sakip.Realization(indicator="X", year=2024, value=90)],
        standards=standards,
    )
    h = sakip.history(data, "X", 2024)
    assert isinstance(h.standard, sakip.StandardComparison)
    assert ("SPM 2024", "below", False) == (
        h.standard.source,
        h.standard.position,
        h.standard.meets,
    )
    assert "di bawah standar 95 (SPM 2024)" in h.explain()


def test_standard_without_a_realization() -> None:
    """A standard exists but the year has nothing to compare: no comparison, and why."""
    indicator = sakip.Indicator(code="X", name="x", unit="%")
    line = sakip.IndicatorPlan(indicator="X", targets={2024: 90, 2026: 100})
    standard = sakip.NationalStandard(indicator="X", value=80, source="SPM")
    h = sakip.history(_dataset(indicator, line, [], standards=[standard]), "X", 2024)
    assert h.standard is None
    assert sakip.Reason.NO_REALIZATION is _code(h.missing_for("standard"))
    assert h.explain().endswith(
        "standar nasional: tidak dapat dihitung (tidak ada realisasi tahun 2024)"
    )
    assert h.explain(lang="en").endswith(
        "national standard: cannot be computed (no realization is reported for 2024)"
    )


def test_a_row_built_by_hand_explains_what_it_has() -> None:
    """A row with neither an achievement nor a reason prints its target and realization."""
    row = sakip.YearRow(year=2024, target=sakip.Target(90), target_source="PK", realization=None)
    assert "2024: target 90, realisasi tidak dilaporkan" == row.explain()


def test_results_are_frozen(seed_dataset: sakip.Dataset) -> None:
    """Results cannot be changed in place."""
    h = sakip.history(seed_dataset, "PPKS", 2024)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        h.year = 2023  # type: ignore[misc]


def test_a_cumulative_indicator_needs_an_explicit_end_target() -> None:
    """Yearly targets of a flow indicator are not guessed into an end target."""
    line = sakip.IndicatorPlan(indicator="F", targets={2021: 20, 2026: 20})
    realizations = [sakip.Realization(indicator="F", year=2021, value=20)]
    found = sakip.history(_dataset(_flow(), line, realizations), "F", 2021)
    assert found.end is None
    assert sakip.Reason.NO_END_TARGET is _code(found.missing_for("end-target"))


# --- reason codes -------------------------------------------------------------------------------


def _history(
    line: sakip.IndicatorPlan | None,
    values: dict[int, int],
    year: int = 2024,
    indicator: sakip.Indicator | None = None,
) -> sakip.IndicatorHistory:
    """The history of indicator X (or ``indicator``) with a realization for each of ``values``."""
    indicator = indicator or sakip.Indicator(code="X", name="x", unit="%")
    realizations = [
        sakip.Realization(indicator=indicator.code, year=y, value=v) for y, v in values.items()
    ]
    return sakip.history(_dataset(indicator, line, realizations), indicator.code, year)


def _code(missing: sakip.Missing | None) -> sakip.Reason | None:
    return None if missing is None else missing.reason


def _end_code(found: sakip.IndicatorHistory, part: str) -> sakip.Reason | None:
    assert found.end is not None
    return _code(found.end.missing_for(part))


def _line(**fields: object) -> sakip.IndicatorPlan:
    return sakip.IndicatorPlan(indicator="X", **fields)  # type: ignore[arg-type]


_INVERSE = sakip.Indicator(code="X", name="x", unit="%", polarity="negative", formula="inverse")
_REASON_CASES: list[tuple[sakip.Reason, Callable[[], sakip.Reason | None]]] = [
    (
        sakip.Reason.NO_REALIZATION,
        lambda: _code(_history(_line(targets={2024: 90, 2026: 100}), {}).current.missing),
    ),
    (
        sakip.Reason.NO_REALIZATION,
        lambda: _end_code(_history(_line(targets={2026: 100}), {}), "gap"),
    ),
    (
        sakip.Reason.NO_REALIZATION,
        lambda: _code(
            sakip.history(
                _dataset(
                    sakip.Indicator(code="X", name="x", unit="%"),
                    _line(targets={2026: 100}),
                    [],
                    standards=[sakip.NationalStandard(indicator="X", value=80, source="SPM")],
                ),
                "X",
                2024,
            ).missing_for("standard")
        ),
    ),
    (
        sakip.Reason.NO_TARGET,
        lambda: _code(_history(_line(targets={2026: 100}), {2024: 5}).current.missing),
    ),
    (
        sakip.Reason.NO_TARGET,
        lambda: _code(_history(_line(baseline=50, targets={2026: 100}), {}).series[0].missing),
    ),
    (
        sakip.Reason.AFTER_REPORT_YEAR,
        lambda: _code(_history(_line(targets={2026: 100}), {}).series[-1].missing),
    ),
    (
        sakip.Reason.ZERO_TARGET,
        lambda: _code(_history(_line(targets={2024: 0, 2026: 0}), {2024: 5}).current.missing),
    ),
    (
        sakip.Reason.ZERO_TARGET,
        lambda: _end_code(_history(_line(targets={2026: 0}), {2024: 5}), "achievement"),
    ),
    (
        sakip.Reason.FORMULA_UNDEFINED,
        lambda: _code(
            _history(
                _line(targets={2024: 5, 2026: 5}), {2024: 0}, indicator=_INVERSE
            ).current.missing
        ),
    ),
    (
        sakip.Reason.FORMULA_UNDEFINED,
        lambda: _end_code(
            _history(_line(targets={2026: 5}), {2024: 0}, indicator=_INVERSE), "achievement"
        ),
    ),
    (
        sakip.Reason.PREVIOUS_ZERO,
        lambda: _code(sakip.change(current=5, previous=0).growth_missing),
    ),
    (
        sakip.Reason.NO_END_TARGET,
        lambda: _code(_history(None, {2024: 5}).missing_for(sakip.Figure.END_TARGET)),
    ),
    (
        sakip.Reason.RANGE_END_TARGET,
        lambda: _end_code(
            _history(_line(targets={2026: sakip.TargetRange(80, 90)}), {2024: 85}), "gap"
        ),
    ),
    (
        sakip.Reason.RANGE_END_TARGET,
        lambda: _end_code(
            _history(_line(baseline=50, targets={2026: sakip.TargetRange(80, 90)}), {2024: 85}),
            "progress",
        ),
    ),
    (
        sakip.Reason.RANGE_END_TARGET,
        lambda: _end_code(
            _history(_line(targets={2026: sakip.TargetRange(80, 90)}), {2024: 85}), "needed"
        ),
    ),
    (
        sakip.Reason.NO_BASELINE,
        lambda: _end_code(_history(_line(targets={2026: 100}), {2024: 5}), "progress"),
    ),
    (
        sakip.Reason.LEVELS,
        lambda: _code(
            _history(
                _line(targets={2026: sakip.parse_target("WTP", scale="opini-bpk")}),
                {},
                indicator=sakip.Indicator(code="X", name="x", unit="opini", levels="opini-bpk"),
            ).missing_for("end-target")
        ),
    ),
    (
        sakip.Reason.BASELINE_IS_END_TARGET,
        lambda: _end_code(
            _history(_line(baseline=100, targets={2026: 100}), {2024: 5}), "progress"
        ),
    ),
    (
        sakip.Reason.LAST_PLAN_YEAR,
        lambda: _end_code(_history(_line(targets={2026: 100}), {2026: 5}, 2026), "projection"),
    ),
    (
        sakip.Reason.LAST_PLAN_YEAR,
        lambda: _end_code(_history(_line(targets={2026: 100}), {2026: 5}, 2026), "needed"),
    ),
    (
        sakip.Reason.YEARS_MISSING,
        lambda: _end_code(
            _history(
                sakip.IndicatorPlan(indicator="F", targets={2026: 20}, end_target=120),
                {2021: 20, 2023: 20},
                2023,
                indicator=_flow(),
            ),
            "projection",
        ),
    ),
    (
        sakip.Reason.TOO_FEW_YEARS,
        lambda: _end_code(_history(_line(targets={2026: 100}), {2024: 5}), "projection"),
    ),
    (
        sakip.Reason.RULE_REFUSED,
        lambda: _code(
            _history(
                _line(targets={2024: 90, 2026: 100}),
                {2024: 5},
                indicator=sakip.Indicator(code="X", name="x", unit="%", formula="no-such"),
            ).current.missing
        ),
    ),
]


@pytest.mark.parametrize(
    ("expected", "actual"), _REASON_CASES, ids=[reason.name for reason, _ in _REASON_CASES]
)
def test_each_reason_has_its_code(
    expected: sakip.Reason, actual: Callable[[], sakip.Reason | None]
) -> None:
    """A figure that cannot be computed carries the code of why, next to the English text."""
    assert expected == actual()


def test_every_reason_code_of_a_comparison_is_produced() -> None:
    """Every code a comparison can give is one that the comparisons actually give."""
    others = {
        sakip.Reason.ZERO_WHOLE,
        sakip.Reason.ZERO_CEILING,
        sakip.Reason.NO_SPENDING,
        sakip.Reason.ZERO_OUTPUT_FIGURE,
        sakip.Reason.ZERO_DENOMINATOR,
        sakip.Reason.NO_COMPUTABLE_CHILD,
        sakip.Reason.ZERO_WEIGHTS,
        sakip.Reason.TARGET_NOT_MET,
        sakip.Reason.NO_OFFICIAL_BANDS,
        sakip.Reason.PERIODS_MISSING,  # a quarter or month without a value: tests/test_monitor
        sakip.Reason.NO_PERIOD_TARGET,  # the audit's, tested in test_audit_figures
        sakip.Reason.NOT_REVISED,
        sakip.Reason.NOT_IN_DATA,  # a figure the data holds none of: tests/test_renja
    }
    assert set(sakip.Reason) - others == {expected for expected, _ in _REASON_CASES}


def test_each_missing_figure_is_named_once() -> None:
    """A result keys each Missing by its figure, one per figure, in the order computed."""
    found = _history(None, {})
    end = _history(_line(targets={2026: sakip.TargetRange(80, 90)}), {2024: 85}).end
    assert end is not None
    assert [sakip.Figure.END_TARGET] == [m.figure for m in found.missing]
    expected = [sakip.Figure.GAP, sakip.Figure.PROGRESS, sakip.Figure.PROJECTION]
    assert [*expected, sakip.Figure.NEEDED] == [m.figure for m in end.missing]
    assert None is end.missing_for("achievement")


def test_an_unknown_reason_names_the_rule_that_refused() -> None:
    """An error sakip has no code for (an unregistered formula) names the rule, in words."""
    indicator = sakip.Indicator(code="X", name="x", unit="%", formula="no-such-formula")
    found = _history(_line(targets={2024: 90, 2026: 100}), {2024: 5}, indicator=indicator)
    missing = found.current.missing
    assert missing is not None
    assert (sakip.Reason.RULE_REFUSED, "no-such-formula") == (
        missing.reason,
        missing.value("rule"),
    )
    assert "aturan no-such-formula tidak dapat menghitung dari angka ini" == missing.explain()
    assert "the rule no-such-formula cannot compute from these figures" == missing.explain("en")
    assert sakip.Reason.RULE_REFUSED is _end_code(found, "achievement")


def test_a_computed_growth_has_no_reason() -> None:
    """A growth that was computed says nothing is missing."""
    assert None is sakip.change(current=95, previous=93).growth_missing


def test_a_projection_beyond_a_range_on_the_good_side_is_on_track() -> None:
    """Lower is better: a trend to 6 against an end range of 10–15 scores above 100, on track."""
    indicator = sakip.Indicator(code="X", name="x", unit="menit", polarity="negative")
    line = sakip.IndicatorPlan(indicator="X", targets={2026: sakip.TargetRange(10, 15)})
    realizations = [
        sakip.Realization(indicator="X", year=2023, value=12),
        sakip.Realization(indicator="X", year=2024, value=10),
    ]
    end = sakip.history(_dataset(indicator, line, realizations), "X", 2024).end
    assert end is not None
    assert (D(6), True) == (end.projection.value, end.on_track)  # type: ignore[union-attr]


def test_a_projection_the_formula_cannot_score_is_neither_on_nor_off_track() -> None:
    """A trend to 4 against an end target of 0 has no achievement, so no on-track verdict."""
    indicator = sakip.Indicator(code="X", name="x", unit="kasus", polarity="negative")
    line = sakip.IndicatorPlan(indicator="X", targets={2026: 0})
    realizations = [
        sakip.Realization(indicator="X", year=2023, value=6),
        sakip.Realization(indicator="X", year=2024, value=5),
    ]
    end = sakip.history(_dataset(indicator, line, realizations), "X", 2024).end
    assert end is not None
    assert (D(3), None) == (end.projection.value, end.on_track)  # type: ignore[union-attr]


def test_a_series_row_with_its_change_keeps_every_other_field(
    seed_dataset: sakip.Dataset,
) -> None:
    """Each row of a series is the year's row with its change, every other field as it was."""
    from sakip.analysis.history import _with_change

    series = sakip.history(seed_dataset, "PPKS", 2024).series
    current = next(row for row in series if row.year == 2024)
    why = sakip.Missing(reason=sakip.Reason.NO_TARGET)
    filled = attrs.evolve(
        current, level="WTP", missing_quarters=(3, 4), missing=why, baseline=True
    )
    previous = next(row for row in series if row.year == 2023)
    changed = _with_change(filled, previous, sakip.Polarity.POSITIVE)
    assert changed.change is not None
    changes = {"change": changed.change, "achievement_change": changed.achievement_change}
    assert attrs.evolve(filled, **changes) == changed
    assert all(getattr(changed, f.name) != f.default for f in attrs.fields(sakip.YearRow))
