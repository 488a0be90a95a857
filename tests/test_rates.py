"""Rates per N: a ratio indicator's multiplier, from the counts to the report and validate."""

from __future__ import annotations

from decimal import Decimal as D

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import render
from sakip.analysis.chapter import compute_chapter
from sakip.io import dumps_toml, loads_toml
from sakip.report import unit_of
from sakip.testing import pers
from sakip.validate import NoticeCode, check_dataset

AKB = sakip.Indicator(
    code="AKB",
    name="Angka kematian bayi",
    unit="KH",
    polarity="negative",
    aggregation="ratio",
    per=1000,
)


def _dataset(*realizations: sakip.Realization, indicator: sakip.Indicator = AKB) -> sakip.Dataset:
    objective = sakip.Objective(code="S1", name="Kesehatan", indicators=[indicator])
    plan = sakip.StrategicPlan(
        name="Renstra 2021-2026",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Sehat", objectives=[objective])],
        indicator_plans=[sakip.IndicatorPlan(indicator=indicator.code, targets={2024: 10})],
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas Kesehatan"), plan=plan, realizations=realizations
    )


def test_a_rate_per_1000_is_the_held_out_reports_figure() -> None:
    """51 deaths in 5.350 live births are 9,53 per 1.000 (today's percentage says 0,95)."""
    found = sakip.rate(part=51, whole=5350, per=1000)
    assert D("9.53") == found.figure
    assert "51 / 5.350 × 1.000 = 9,53 per 1.000" == found.explain()
    assert "51 / 5,350 × 1,000 = 9.53 per 1,000" == found.explain(lang="en")


def test_a_rate_per_100_reads_as_a_percentage() -> None:
    """The default multiplier is 100, and the explanation then prints a percentage."""
    found = sakip.rate(part=13773, whole=14460)
    assert sakip.percentage(part=13773, whole=14460).value == found.value
    assert "13.773 / 14.460 × 100 = 95,25 %" == found.explain()


@pytest.mark.parametrize("per", [0, -1000])
def test_a_rate_needs_a_positive_multiplier(per: int) -> None:
    """A multiplier of 0 or below is refused, naming it."""
    with pytest.raises(sakip.InvalidValueError, match="'per' must be a positive multiplier"):
        sakip.rate(part=1, whole=2, per=per)
    with pytest.raises(sakip.InvalidValueError, match="'per' must be a positive multiplier"):
        attrs.evolve(AKB, per=per)


def test_a_rate_of_no_whole_is_not_computable() -> None:
    """A whole of 0 has no rate, with the reason code a percentage has."""
    with pytest.raises(sakip.UndefinedResultError) as raised:
        sakip.rate(part=1, whole=0, per=1000)
    assert sakip.Reason.ZERO_WHOLE == raised.value.reason


def test_an_indicator_is_a_percentage_by_default() -> None:
    """``per`` is 100 unless declared; only another multiplier makes a rate per N."""
    plain = sakip.Indicator(code="K", name="K", unit="%")
    assert D(100) == plain.per
    assert not plain.per_unit
    assert AKB.per_unit


def test_a_realization_of_counts_alone_takes_its_multiplier() -> None:
    """Counts alone are numerator × per / denominator; 100 alone, the indicator's in a dataset."""
    alone = sakip.Realization(indicator="AKB", year=2024, numerator=51, denominator=5350)
    assert alone.from_counts
    assert D(51) * 100 / D(5350) == alone.value
    data = _dataset(alone)
    (kept,) = data.realizations
    assert D("9.53") == round(kept.value, 2)
    assert kept.from_counts
    assert kept == sakip.Realization.of_counts(
        indicator="AKB", year=2024, numerator=51, denominator=5350, per=1000
    )


def test_a_changed_multiplier_computes_the_counts_again() -> None:
    """A dataset evolved back to per 100 holds the percentage, not the old rate."""
    data = _dataset(sakip.Realization(indicator="AKB", year=2024, numerator=51, denominator=5350))
    percent = _dataset(data.realizations[0], indicator=attrs.evolve(AKB, per=100))
    assert sakip.percentage(part=51, whole=5350).value == percent.realizations[0].value


def test_a_stated_value_is_kept_as_given() -> None:
    """A value given with its counts is never recomputed, whatever the multiplier."""
    stated = sakip.Realization(
        indicator="AKB", year=2024, value="0.95", numerator=51, denominator=5350
    )
    assert not stated.from_counts
    assert D("0.95") == _dataset(stated).realizations[0].value


def test_quarters_aggregate_per_n() -> None:
    """Σ numerator / Σ denominator × per, explained with the multiplier."""
    quarters = [
        sakip.Realization(indicator="AKB", year=2024, quarter=q, numerator=n, denominator=d)
        for q, (n, d) in enumerate(((12, 1300), (13, 1350), (14, 1300), (12, 1400)), 1)
    ]
    year = sakip.year_value(AKB, _dataset(*quarters).realizations, 2024)
    assert D("9.53") == round(year.value, 2)
    assert D(1000) == year.per
    assert "rasio: Σ pembilang 51 / Σ penyebut 5.350 × 1.000 = 9,53 per 1.000" == year.explain()
    assert "ratio: Σ numerator 51 / Σ denominator 5,350 × 1,000 = 9.53 per 1,000" == year.explain(
        lang="en"
    )


def test_a_yearly_realization_carries_its_multiplier() -> None:
    """The yearly value of a rate says its ``per`` too."""
    data = _dataset(sakip.Realization(indicator="AKB", year=2024, numerator=51, denominator=5350))
    found = sakip.year_value(AKB, data.realizations, 2024)
    assert found.yearly
    assert D(1000) == found.per


@pytest.mark.parametrize(
    ("unit", "lang", "printed"),
    [
        ("KH", "id", "per 1.000 KH"),
        ("KH", "en", "per 1,000 KH"),
        ("per 1.000 KH", "id", "per 1.000 KH"),
        ("per 1000 kelahiran hidup", "en", "per 1000 kelahiran hidup"),
    ],
)
@pytest.mark.parametrize("per", [D(1000), D("1000.00"), D("1E+3")])
def test_the_unit_prints_its_multiplier(unit: str, lang: str, printed: str, per: D) -> None:
    """A rate's unit names its N, once, however the multiplier is written."""
    assert printed == unit_of(attrs.evolve(AKB, unit=unit, per=per), lang)
    assert "%" == unit_of(sakip.Indicator(code="K", name="K", unit="%"), lang)


def test_the_report_prints_the_rate_and_its_unit() -> None:
    """Table 3.1 prints 9,53 in 'per 1.000 KH' and says how the counts give it."""
    data = _dataset(sakip.Realization(indicator="AKB", year=2024, numerator=51, denominator=5350))
    chapter = compute_chapter(data)
    (counted,) = chapter.counted
    assert isinstance(counted.ratio, sakip.Rate)
    table = chapter.report(lang="id").table("target-realization")
    row = table.rows[0]
    assert "per 1.000 KH" == row[2].value
    assert sakip.rate(part=51, whole=5350, per=1000).value == row[4].value
    assert 2 == row[4].places  # a computed rate prints rounded, as a quarterly ratio does
    text = render.to_text(sakip.build_report(data))
    assert "9,53" in text
    assert "dihitung dari jumlahnya: 51 / 5.350 × 1.000 = 9,53 per\n1.000." in text
    assert "data mencatat" not in text  # the data gives the counts alone
    stated = _dataset(
        sakip.Realization(indicator="AKB", year=2024, value="9.5", numerator=51, denominator=5350)
    )
    english = render.to_text(sakip.build_report(stated, lang="en"))
    assert "51 / 5,350 × 1,000 = 9.53 per 1,000; the data records 9.5" in " ".join(english.split())


def test_validate_flags_a_value_a_factor_10_off() -> None:
    """0,95 stated for 51 in 5.350 per 1.000 (9,53) is flagged, in both languages."""
    stated = sakip.Realization(
        indicator="AKB", year=2024, value="0.95", numerator=51, denominator=5350
    )
    notices = [n for n in check_dataset(_dataset(stated)) if n.code is NoticeCode.IMPLAUSIBLE_RATE]
    (notice,) = notices
    assert D("0.95") == notice.value
    assert D(1000) == notice.per
    assert (
        "realisasi AKB tahun 2024 tercatat 0,95, padahal jumlahnya memberi 9,53 per 1.000; "
        "periksa pengali (per) indikator dan nilainya" == notice.explain()
    )
    assert (
        "the realization of AKB for 2024 is recorded as 0.95, but its counts give 9.53 per "
        "1,000; check the indicator's multiplier (per) and the value" == notice.explain("en")
    )


@pytest.mark.parametrize(
    ("value", "flagged"),
    [
        ("9.53", False),  # the rate, rounded
        ("9", False),  # rounded further
        ("3.02", False),  # a factor of 3,16 is nearer 1 than 10
        ("3.01", True),
        ("30.1", False),
        ("30.2", True),
        ("95.3", True),  # per 10.000
        ("-9.53", False),  # the size is compared
        ("0", False),  # a zero is no multiplier's slip
    ],
)
def test_validate_draws_the_line_at_root_ten(value: str, flagged: bool) -> None:
    """A value flags when it is √10 or more times its rate, or that much below it."""
    stated = sakip.Realization(
        indicator="AKB", year=2024, value=value, numerator=51, denominator=5350
    )
    codes = [n.code for n in check_dataset(_dataset(stated))]
    assert flagged == (NoticeCode.IMPLAUSIBLE_RATE in codes)


def test_validate_leaves_counts_alone_and_zero_counts() -> None:
    """A value computed from its counts, or counts of 0, give nothing to compare."""
    data = _dataset(
        sakip.Realization(indicator="AKB", year=2024, numerator=51, denominator=5350),
        sakip.Realization(indicator="AKB", year=2023, value=5, numerator=0, denominator=5000),
        sakip.Realization(indicator="AKB", year=2022, value=5, numerator=3, denominator=0),
    )
    assert NoticeCode.IMPLAUSIBLE_RATE not in [n.code for n in check_dataset(data)]


def test_the_example_with_per_100000_units_is_flagged() -> None:
    """The example's AKI states 103,81 per 100.000 KH without declaring ``per``: flagged."""
    data = sakip.io.load(sakip.examples.path("dinkes-kabupaten-contoh-2024"))
    (notice,) = [n for n in check_dataset(data) if n.code is NoticeCode.IMPLAUSIBLE_RATE]
    assert "AKI" == notice.indicator
    declared = attrs.evolve(
        data,
        plan=attrs.evolve(
            data.plan,
            goals=[
                attrs.evolve(
                    goal,
                    objectives=[
                        attrs.evolve(
                            objective,
                            indicators=[
                                attrs.evolve(i, per=100000) if i.code == "AKI" else i
                                for i in objective.indicators
                            ],
                        )
                        for objective in goal.objectives
                    ],
                )
                for goal in data.plan.goals
            ],
        ),
    )
    assert NoticeCode.IMPLAUSIBLE_RATE not in [n.code for n in check_dataset(declared)]


@given(per=pers, numerator=st.integers(0, 10**6), denominator=st.integers(1, 10**6))
def test_a_rate_round_trips_through_a_file(per: D, numerator: int, denominator: int) -> None:
    """A rate per N given by its counts loads back equal, with its multiplier."""
    data = _dataset(
        sakip.Realization(
            indicator="AKB", year=2024, numerator=numerator, denominator=denominator
        ),
        indicator=attrs.evolve(AKB, per=per),
    )
    text = dumps_toml(data)
    assert "from_counts" not in text
    loaded = loads_toml(text)
    assert data == loaded
    assert sakip.rate(part=numerator, whole=denominator, per=per).value == (
        loaded.realizations[0].value
    )
