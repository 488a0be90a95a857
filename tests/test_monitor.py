"""Quarterly and monthly monitoring: period targets, realizations to date, the projection."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import docx
import pytest
from hypothesis import given, settings
from openpyxl import load_workbook

import sakip
from sakip import render
from sakip.cli import main
from sakip.io import load, loads_toml
from sakip.model import period_key
from sakip.monitor import RUN_RATE
from sakip.reasons import Figure, Part, Reason
from sakip.testing import datasets

DATA = Path(__file__).parent / "data" / "monitoring.toml"


@pytest.fixture(scope="module")
def data() -> sakip.Dataset:
    return load(DATA)


def _indicator(
    code: str, aggregation: str = "sum", basis: str | None = "cumulative", **more: object
) -> sakip.Indicator:
    return sakip.Indicator(
        code=code,
        name=f"Indikator {code}",
        unit="orang",
        aggregation=aggregation,
        period_basis=basis,
        **more,  # type: ignore[arg-type]
    )


def _dataset(
    indicators: list[sakip.Indicator],
    realizations: list[sakip.Realization] = (),  # type: ignore[assignment]
    targets: list[sakip.PeriodTarget] = (),  # type: ignore[assignment]
    year_targets: dict[str, object] | None = None,
) -> sakip.Dataset:
    plans = [
        sakip.IndicatorPlan(indicator=code, targets={2024: value})
        for code, value in (year_targets or {}).items()
    ]
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T", name="Tujuan", indicators=indicators)],
        indicator_plans=plans,
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas"),
        plan=plan,
        realizations=realizations,
        period_targets=targets,
    )


def _q(code: str, quarter: int, value: object, **more: object) -> sakip.Realization:
    return sakip.Realization(indicator=code, year=2024, quarter=quarter, value=value, **more)  # type: ignore[arg-type]


# --- the model ------------------------------------------------------------------------------


def test_a_realization_has_a_quarter_or_a_month_never_both() -> None:
    """A month knows its quarter: giving both is refused, naming the month."""
    with pytest.raises(sakip.InvalidValueError, match="'month' must be no month"):
        sakip.Realization(indicator="K", year=2024, quarter=1, month=2, value=1)


@pytest.mark.parametrize("month", [0, 13, True, "1"])
def test_a_month_is_1_to_12(month: object) -> None:
    """A month outside 1-12 (or not a whole number) is refused."""
    with pytest.raises(sakip.InvalidValueError, match="a month 1 to 12"):
        sakip.Realization(indicator="K", year=2024, month=month, value=1)  # type: ignore[arg-type]


def test_yearly_is_neither_a_quarter_nor_a_month() -> None:
    """Only a realization without quarter and month is the year's."""
    assert sakip.Realization(indicator="K", year=2024, value=1).yearly
    assert not sakip.Realization(indicator="K", year=2024, quarter=1, value=1).yearly
    assert not sakip.Realization(indicator="K", year=2024, month=1, value=1).yearly


def test_a_period_target_names_one_period() -> None:
    """A period target has a quarter or a month: neither and both are refused."""
    with pytest.raises(sakip.InvalidValueError, match="a quarter 1-4 or a month 1-12"):
        sakip.PeriodTarget(indicator="K", year=2024, target=1)
    with pytest.raises(sakip.InvalidValueError, match="no month when the quarter"):
        sakip.PeriodTarget(indicator="K", year=2024, quarter=1, month=1, target=1)
    assert (
        sakip.TargetRange(1, 2)
        == sakip.PeriodTarget(
            indicator="K", year=2024, month=1, target=sakip.TargetRange(1, 2)
        ).target
    )


def test_period_targets_need_the_indicator_to_say_what_they_count() -> None:
    """Cumulative or per period is declared, never guessed: undeclared is refused."""
    target = sakip.PeriodTarget(indicator="K", year=2024, quarter=1, target=5)
    with pytest.raises(sakip.InvalidValueError, match="period_basis of K"):
        _dataset([_indicator("K", basis=None)], targets=[target])


def test_a_period_has_one_target() -> None:
    """Two targets for one indicator and period are refused."""
    target = sakip.PeriodTarget(indicator="K", year=2024, month=3, target=5)
    with pytest.raises(sakip.InvalidValueError, match="K 2024 month 3"):
        _dataset([_indicator("K")], targets=[target, target])
    quarterly = sakip.PeriodTarget(indicator="K", year=2024, quarter=3, target=5)
    with pytest.raises(sakip.InvalidValueError, match="K 2024 quarter 3"):
        _dataset([_indicator("K")], targets=[quarterly, quarterly])


def test_a_period_target_names_an_indicator_of_the_plan() -> None:
    """A period target of an unknown indicator is refused."""
    target = sakip.PeriodTarget(indicator="X", year=2024, quarter=1, target=5)
    with pytest.raises(sakip.NotFoundError):
        _dataset([_indicator("K")], targets=[target])


@pytest.mark.parametrize(
    ("word", "basis"),
    [
        ("kumulatif", sakip.PeriodBasis.CUMULATIVE),
        ("s.d.", sakip.PeriodBasis.CUMULATIVE),
        ("per periode", sakip.PeriodBasis.PER_PERIOD),
        ("non-kumulatif", sakip.PeriodBasis.PER_PERIOD),
        ("per-period", sakip.PeriodBasis.PER_PERIOD),
    ],
)
def test_the_period_basis_reads_indonesian(word: str, basis: sakip.PeriodBasis) -> None:
    """The basis accepts its Indonesian words; a wrong one lists the known ones."""
    assert basis is _indicator("K", basis=word).period_basis
    with pytest.raises(sakip.InvalidValueError, match="'cumulative', 'per-period'"):
        _indicator("K", basis="kadang")
    assert ("kumulatif", "per periode") == sakip.PeriodBasis.accepted_words()[:2]


def test_months_sort_before_the_quarter_they_close() -> None:
    """A year's own value first, then each month, each quarter after its last month."""
    assert period_key(None, None) < period_key(None, 1) < period_key(None, 3)
    assert period_key(None, 3) < period_key(1, None) < period_key(None, 4)


def test_a_monthly_value_is_not_the_year_value() -> None:
    """year_value reads the quarters or the year, never a month as the year."""
    ind = _indicator("K")
    months = [sakip.Realization(indicator="K", year=2024, month=m, value=5) for m in (1, 2)]
    with pytest.raises(sakip.NotFoundError, match="'Februari 2024', 'Januari 2024'"):
        sakip.year_value(ind, months, 2024)
    assert D(9) == sakip.year_value(ind, [*months, _q("K", 1, 9)], 2024).value


def test_a_flat_table_leaves_monthly_values_out(data: sakip.Dataset) -> None:
    """A flat table has no month column: its rows are the yearly and quarterly values."""
    rows = sakip.io.table_rows(data)
    assert 3 == len(rows)
    assert all(row.quarter is not None for row in rows)


@pytest.mark.parametrize(
    ("realization", "period"),
    [
        (sakip.Realization(indicator="K", year=2024, value=1), sakip.FiscalYear(2024)),
        (sakip.Realization(indicator="K", year=2024, quarter=3, value=1), sakip.Quarter(2024, 3)),
        (sakip.Realization(indicator="K", year=2024, month=7, value=1), sakip.Month(2024, 7)),
    ],
)
def test_period_of_a_realization(realization: sakip.Realization, period: object) -> None:
    """The period a realization covers."""
    assert period == sakip.period_of(realization)


def test_combine_monthly_ratios_names_the_month() -> None:
    """A ratio month without counts is named by its month."""
    rs = [sakip.Realization(indicator="K", year=2024, month=2, value=5)]
    with pytest.raises(sakip.InvalidValueError, match="numerator of K in Februari 2024"):
        sakip.combine(sakip.aggregation.RATIO, rs, "K")


# --- the data file --------------------------------------------------------------------------


def test_the_data_file_keeps_every_new_part(data: sakip.Dataset) -> None:
    """Period targets, monthly realizations and the period basis load and save as they were."""
    assert 8 == len(data.period_targets)
    assert sakip.PeriodBasis.CUMULATIVE is data.plan.indicator("IKU-1").period_basis
    assert 2 == sum(r.month is not None for r in data.realizations)
    assert data == loads_toml(sakip.io.dumps_toml(data))
    assert data == sakip.io.loads_json(sakip.io.dumps_json(data))


@given(datasets())
@settings(max_examples=40)
def test_generated_datasets_save_and_load_with_their_periods(dataset: sakip.Dataset) -> None:
    """load(save(x)) == x for datasets with period targets and monthly realizations."""
    assert dataset == loads_toml(sakip.io.dumps_toml(dataset))


def test_a_file_with_both_a_quarter_and_a_month_is_refused_in_place() -> None:
    """The file's problem names the realization's place and the month."""
    text = DATA.read_text(encoding="utf-8").replace(
        "month = 1\nvalue = 12", "month = 1\nquarter = 1\nvalue = 12"
    )
    with pytest.raises(sakip.io.DataFileError) as raised:
        loads_toml(text, file="m.toml")
    said = raised.value.describe("id")
    assert "m.toml: realisasi IKU-3 2024 triwulan 1: 'month' must be no month" in said


# --- parsing periods -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("TW II 2024", sakip.Quarter(2024, 2)),
        ("Triwulan II 2024", sakip.Quarter(2024, 2)),
        ("Q2 2024", sakip.Quarter(2024, 2)),
        ("Semester I 2024", sakip.Semester(2024, 1)),
        ("Januari 2024", sakip.Month(2024, 1)),
        ("Jan 2024", sakip.Month(2024, 1)),
        ("2024-01", sakip.Month(2024, 1)),
        ("TA 2024", sakip.FiscalYear(2024)),
        ("2024", sakip.FiscalYear(2024)),
    ],
)
def test_parse_period_reads_every_period_kind(text: str, period: object) -> None:
    """Quarters, semesters, months and years, as reports and spreadsheets write them."""
    assert period == sakip.parse_period(text)


def test_parse_period_takes_a_missing_year_from_the_argument() -> None:
    """A label without a year needs year=; one with a year must agree with it."""
    assert sakip.Month(2024, 6) == sakip.parse_period("Juni", year=2024)
    assert sakip.FiscalYear(2024) == sakip.parse_period("TA 2024", year=2024)
    with pytest.raises(sakip.InvalidValueError, match="the year the text names \\(2024\\)"):
        sakip.parse_period("TW II 2024", year=2025)
    with pytest.raises(sakip.InvalidValueError, match="the year the text names \\(2024\\)"):
        sakip.parse_period("TA 2024", year=2025)


@pytest.mark.parametrize("text", ["TW V 2024", "kemarin", "", 2024])
def test_parse_period_refuses_what_names_no_period(text: object) -> None:
    """Anything else is refused, with examples of what is read."""
    with pytest.raises(sakip.InvalidValueError, match="'period' must be a period such as"):
        sakip.parse_period(text)  # type: ignore[arg-type]


# --- computing ------------------------------------------------------------------------------


def test_a_cumulative_target_is_met_by_the_total_to_date(data: sakip.Dataset) -> None:
    """TW II: 250 + 300 = 550 against 600 to date, and against the PK's 1.200 for the year."""
    found = sakip.monitoring(data, as_of="TW II 2024").indicator("IKU-1")
    row = found.row(sakip.Quarter(2024, 2))
    assert (D(300), D(550)) == (row.realization, row.to_date)
    assert (D("91.67"), D("45.83")) == (row.achievement.percent, row.year_achievement.percent)  # type: ignore[union-attr]
    assert sakip.Target(1200) == found.year_target  # the agreement's, not the Renstra's 1.000
    assert (D(1100), "run-rate", ()) == (
        found.projection,
        found.projection_rule,
        found.missing_periods,
    )


def test_a_per_period_target_is_met_by_the_periods_own_value(data: sakip.Dataset) -> None:
    """A level: TW I 82 against 80; TW II not reported is listed, never read as 0."""
    found = sakip.monitoring(data, as_of=sakip.Quarter(2024, 2)).indicator("IKU-2")
    first, second = found.rows
    assert D("102.50") == first.achievement.percent  # type: ignore[union-attr]
    assert (None, None) == (second.realization, second.achievement)
    assert Reason.PERIODS_MISSING is second.achievement_missing.reason  # type: ignore[union-attr]
    assert "tidak ada realisasi TW II 2024" == second.achievement_missing.explain()  # type: ignore[union-attr]
    assert (sakip.Quarter(2024, 2),) == found.missing_periods
    assert D(82) == second.to_date == found.projection  # the latest reported level


def test_monthly_rows_read_monthly_values(data: sakip.Dataset) -> None:
    """A month as of gives a row per month from January; the quarterly indicators have none."""
    result = sakip.monitoring(data, as_of="Februari 2024")
    assert ["IKU-3"] == [found.indicator.code for found in result.indicators]
    found = result.indicator("IKU-3")
    assert [D(12), D(21)] == [row.to_date for row in found.rows]
    assert [D("120.00"), D("105.00")] == [row.achievement.percent for row in found.rows]  # type: ignore[union-attr]
    assert D(126) == found.projection  # 21 × 12 / 2


def test_a_total_with_a_gap_is_not_given() -> None:
    """A summed indicator with a period missing has no total to date and no projection."""
    data = _dataset(
        [_indicator("K")],
        [_q("K", 1, 10), _q("K", 3, 30)],
        [sakip.PeriodTarget(indicator="K", year=2024, quarter=3, target=60)],
        {"K": 100},
    )
    found = sakip.monitoring(data, as_of="TW III 2024").indicator("K")
    last = found.rows[-1]
    assert (None, None, None) == (last.to_date, last.achievement, last.year_achievement)
    assert "tidak ada realisasi TW II 2024" == last.to_date_missing.explain()  # type: ignore[union-attr]
    assert last.achievement_missing == last.to_date_missing == last.year_achievement_missing
    assert found.projection is None
    assert Figure.PROJECTION is found.projection_missing.figure  # type: ignore[union-attr]
    assert "no realization is reported for TW II 2024" == found.projection_missing.explain("en")  # type: ignore[union-attr]


def test_a_row_without_targets_says_why() -> None:
    """No period target and no year target: both achievements are missing, with the reason."""
    data = _dataset([_indicator("K", basis="per-period")], [_q("K", 1, 10)])
    row = sakip.monitoring(data, as_of="TW I 2024").indicator("K").rows[0]
    assert Reason.NO_TARGET is row.achievement_missing.reason  # type: ignore[union-attr]
    assert Reason.NO_TARGET is row.year_achievement_missing.reason  # type: ignore[union-attr]
    assert Part.TARGET is row.achievement_missing.part  # type: ignore[union-attr]


def test_targets_without_any_realization_are_listed() -> None:
    """An indicator with targets and nothing reported is monitored, every period missing."""
    target = sakip.PeriodTarget(indicator="K", year=2024, quarter=1, target=5)
    found = sakip.monitoring(_dataset([_indicator("K")], targets=[target]), as_of="TW I 2024")
    row = found.indicator("K").rows[0]
    assert (None, None) == (row.to_date, row.achievement)
    assert Reason.PERIODS_MISSING is row.to_date_missing.reason  # type: ignore[union-attr]


def test_an_undefined_achievement_is_missing_with_its_reason() -> None:
    """A realization against a target of 0 has no percentage: the reason is kept."""
    target = sakip.PeriodTarget(indicator="K", year=2024, quarter=1, target=0)
    data = _dataset([_indicator("K")], [_q("K", 1, 10)], [target])
    row = sakip.monitoring(data, as_of="TW I 2024").indicator("K").rows[0]
    assert Reason.ZERO_TARGET is row.achievement_missing.reason  # type: ignore[union-attr]
    said = "realisasi 10 terhadap target 0 tidak memiliki persentase"
    assert said == row.achievement_missing.explain()  # type: ignore[union-attr]
    assert "TW I 2024: 10 of 0" in repr(row)
    unreported = sakip.monitoring(attrs.evolve(data, realizations=()), as_of="TW I 2024")
    assert "TW I 2024: — of 0" in repr(unreported.indicator("K").rows[0])
    undefined = attrs.evolve(
        data, period_targets=[attrs.evolve(target, target=sakip.TargetRange(0, 0))]
    )
    row = sakip.monitoring(undefined, as_of="TW I 2024").indicator("K").rows[0]
    assert row.achievement_missing.value("target") is None  # type: ignore[union-attr]


def test_a_rule_that_refuses_without_a_reason_is_named() -> None:
    """A formula that does not fit the indicator's polarity is missing as refused by its rule."""
    indicator = _indicator("K", polarity="negative", formula="direct")
    data = _dataset([indicator], [_q("K", 1, 10)], year_targets={"K": 20})
    row = sakip.monitoring(data, as_of="TW I 2024").indicator("K").rows[0]
    assert Reason.RULE_REFUSED is row.year_achievement_missing.reason  # type: ignore[union-attr]
    assert "direct" == row.year_achievement_missing.value("rule")  # type: ignore[union-attr]


def test_a_ratio_to_date_is_the_ratio_of_the_sums() -> None:
    """Ratio periods aggregate as Σ numerator / Σ denominator; zero denominators are missing."""
    ind = _indicator("R", aggregation="ratio", basis="per-period")
    rows = [
        _q("R", 1, 50, numerator=1, denominator=2),
        _q("R", 2, 100, numerator=98, denominator=98),
    ]
    found = sakip.monitoring(_dataset([ind], rows), as_of="TW II 2024").indicator("R")
    assert D(99) == found.rows[-1].to_date == found.projection
    third = [*rows, _q("R", 3, 0, numerator=0, denominator=1)]
    data = _dataset([ind], third, year_targets={"R": 100})
    table = sakip.build_report(data, as_of="TW III 2024").table("monitoring")
    assert D(9900) / 101 == table.column("to_date")[2].value  # exact, printed rounded
    assert ["50", "99", "98,02"] == [cell.format() for cell in table.column("to_date")]
    assert "realisasi Indikator R 98,02, 98,02 % dari target tahun 100." in table.sentences[0]
    zero = [_q("R", 1, 0, numerator=0, denominator=0)]
    row = sakip.monitoring(_dataset([ind], zero), as_of="TW I 2024").indicator("R").rows[0]
    assert Reason.ZERO_DENOMINATOR is row.to_date_missing.reason  # type: ignore[union-attr]
    with pytest.raises(sakip.InvalidValueError, match="numerator of R in TW I 2024"):
        sakip.monitoring(_dataset([ind], [_q("R", 1, 5)]), as_of="TW I 2024")


def test_two_values_for_one_period_are_refused() -> None:
    """A period with two realizations is bad data, named with both values."""
    data = _dataset([_indicator("K")], [_q("K", 1, 5), _q("K", 1, 6)])
    with pytest.raises(sakip.InvalidValueError, match="also given: 5"):
        sakip.monitoring(data, as_of="TW I 2024")


@pytest.mark.parametrize(
    ("as_of", "last"),
    [
        (sakip.Semester(2024, 1), sakip.Quarter(2024, 2)),
        ("Semester II 2024", sakip.Quarter(2024, 4)),
        (sakip.FiscalYear(2024), sakip.Quarter(2024, 4)),
        (sakip.Month(2024, 5), sakip.Month(2024, 5)),
    ],
)
def test_a_semester_or_a_year_ends_with_its_quarter(as_of: object, last: object) -> None:
    """The as-of period is explicit; a semester or a year is read up to its last quarter."""
    data = _dataset([_indicator("K")], [_q("K", 1, 5)])
    assert last == sakip.monitoring(data, as_of=as_of).as_of  # type: ignore[arg-type]


def test_monitoring_refuses_what_is_not_a_dataset_or_a_period(data: sakip.Dataset) -> None:
    """A wrong argument is named."""
    with pytest.raises(sakip.InvalidValueError, match="'dataset'"):
        sakip.monitoring("data.toml", as_of="TW I 2024")  # type: ignore[arg-type]
    with pytest.raises(sakip.InvalidValueError, match="'as_of'"):
        sakip.monitoring(data, as_of=2024)  # type: ignore[arg-type]


def test_looking_up_what_is_not_monitored_lists_what_is(data: sakip.Dataset) -> None:
    """An indicator or a period not in the result raises NotFoundError listing the known ones."""
    result = sakip.monitoring(data, as_of="TW I 2024")
    with pytest.raises(sakip.NotFoundError, match="'IKU-1', 'IKU-2', 'IKU-3'"):
        result.indicator("IKU-9")
    with pytest.raises(sakip.NotFoundError, match="TW I 2024"):
        result.indicator("IKU-1").row(sakip.Quarter(2024, 2))


def test_results_show_in_one_line(data: sakip.Dataset) -> None:
    """Each result has a short repr a person reads."""
    result = sakip.monitoring(data, as_of="TW II 2024")
    assert "TW II 2024: 3 indicators" in repr(result)  # IKU-3's quarters from its months
    assert "IKU-1 2024: 2 periods" in repr(result.indicators[0])
    assert "TW I 2024: 250 of 300" in repr(result.indicators[0].rows[0])


def test_the_projection_rule_is_cited_as_sakips_choice() -> None:
    """The run-rate projection is sakip's documented policy, not a regulation."""
    assert sakip.EvidenceGrade.POLICY is RUN_RATE.grade


def test_no_figure_depends_on_the_callers_decimal_context(data: sakip.Dataset) -> None:
    """A hostile decimal context moves nothing."""
    import decimal

    expected = sakip.monitoring(data, as_of="Februari 2024")
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR)):
        assert expected == sakip.monitoring(data, as_of="Februari 2024")


# --- the report and the command -------------------------------------------------------------


def test_the_report_adds_the_monitoring_table(data: sakip.Dataset) -> None:
    """With as_of, the report's last table is the monitoring table, in both languages."""
    report = sakip.build_report(data, as_of="TW II 2024")
    table = report.table("monitoring")
    assert (2024, "Tabel 3.7 Pemantauan kinerja sampai dengan TW II 2024") == (
        report.year,
        table.caption,
    )
    assert ["TW I 2024", "TW II 2024"] * 3 == [cell.value for cell in table.column("period")]
    assert "1.100,00" == table.column("projection")[1].format()
    assert "tidak dilaporkan" == table.column("realization")[3].note
    english = sakip.build_report(data, as_of="TW II 2024", lang="en").table("monitoring")
    assert "Table 3.7 Performance monitoring up to quarter II 2024" == english.caption
    assert "no realization is reported for TW II 2024" == english.column("achievement")[3].note
    assert any("is not reported for quarter II 2024" in s for s in english.sentences)


def test_the_monthly_table_names_months_in_the_readers_language(data: sakip.Dataset) -> None:
    """Months are written in the report's language."""
    report = sakip.build_report(data, as_of="2024-02", lang="en").table("monitoring")
    assert ["January 2024", "February 2024"] == [c.value for c in report.column("period")]


def test_a_table_with_nothing_to_monitor_says_so() -> None:
    """No period target or realization up to the as-of: an empty table and a sentence."""
    data = _dataset([_indicator("K")], [sakip.Realization(indicator="K", year=2024, value=1)])
    table = sakip.build_report(data, as_of="TW I 2024").table("monitoring")
    assert () == table.rows
    assert (
        "Tidak ada target maupun realisasi periode sampai dengan TW I 2024.",
    ) == table.sentences


def test_a_range_target_and_a_missing_year_target_print() -> None:
    """A range prints its bounds; a missing year target says why."""
    target = sakip.PeriodTarget(
        indicator="K", year=2024, quarter=1, target=sakip.TargetRange(5, 8)
    )
    data = _dataset([_indicator("K", basis="per-period")], [_q("K", 1, 6)], [target])
    table = sakip.build_report(data, as_of="TW I 2024").table("monitoring")
    assert "5–8" == table.column("target")[0].value
    assert "tidak ada target tahun 2024" == table.column("year_target")[0].note


def test_an_as_of_of_another_year_is_refused(data: sakip.Dataset) -> None:
    """The as-of period belongs to the report's year."""
    with pytest.raises(sakip.InvalidValueError, match="a period of the report's year 2023"):
        sakip.build_report(data, year=2023, as_of="TW II 2024")


@pytest.mark.parametrize("name", ["text", "markdown", "html", "json", "xlsx", "docx"])
def test_every_format_prints_the_monitoring_table(data: sakip.Dataset, name: str) -> None:
    """Every renderer prints the table, as it prints chapter III's."""
    report = sakip.build_report(data, as_of="TW II 2024", lang="en")
    shown = render.render(report, name)
    if name == "json":
        keys = [table["key"] for table in json.loads(shown)["tables"]]
        assert "monitoring" == keys[-1]
    elif name == "xlsx":
        book = load_workbook(io.BytesIO(shown))  # type: ignore[arg-type]
        cells = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
        assert "Realization to Date" in cells
    elif name == "docx":
        document = docx.Document(io.BytesIO(shown))  # type: ignore[arg-type]
        heads = [cell.text for table in document.tables for cell in table.rows[0].cells]
        assert "Realization to Date" in heads
    else:
        assert "Performance monitoring up to quarter II 2024" in shown


def test_the_command_prints_the_monitoring_table(capsys: pytest.CaptureFixture[str]) -> None:
    """`sakip report FILE --as-of "TW II 2024"` adds the table; a bad period exits 2."""
    out, err = io.StringIO(), io.StringIO()
    assert 0 == main(["report", str(DATA), "--as-of", "TW II 2024"], out=out, err=err)
    assert "Tabel 3.7 Pemantauan kinerja sampai dengan TW II 2024" in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert 2 == main(["report", str(DATA), "--as-of", "kemarin"], out=out, err=err)
    assert "'period' must be a period such as" in err.getvalue()


def test_the_report_without_as_of_is_unchanged(data: sakip.Dataset) -> None:
    """The monitoring table comes only when asked for."""
    keys = [table.key for table in sakip.build_report(data).tables]
    assert "monitoring" not in keys
    assert keys == [t.key for t in sakip.build_report(data, as_of="TW I 2024").tables][:-1]


def test_the_examples_keep_their_reports() -> None:
    """An existing file without periods below the year loads to the same data as before."""
    example = load(Path(__file__).parents[1] / "examples" / "dinsos-kota-metro-2024.toml")
    assert () == example.period_targets
    assert attrs.evolve(example) == example


def test_only_the_years_periods_of_the_tables_kind_count() -> None:
    """Another year's values, the year's own and monthly ones leave a quarterly table alone."""
    others = [
        sakip.Realization(indicator="K", year=2023, quarter=1, value=99),
        sakip.Realization(indicator="K", year=2024, value=99),
        sakip.Realization(indicator="K", year=2024, month=1, value=99),
    ]
    data = attrs.evolve(
        _dataset([_indicator("K")], [_q("K", 1, 10), *others], year_targets={"K": 40}),
        agreements=[sakip.PerformanceAgreement(year=2023, targets={"K": 7})],
    )
    found = sakip.monitoring(data, as_of="TW I 2024").indicator("K")
    assert (D(10), sakip.Target(40)) == (found.rows[0].to_date, found.year_target)


def test_a_file_names_every_unknown_indicator_of_its_period_targets() -> None:
    """An unknown code in a period target is reported in place, beside one in a realization."""
    text = DATA.read_text(encoding="utf-8")
    text = text.replace(
        'indicator = "IKU-2"\nyear = 2024\nquarter = 2',
        'indicator = "IKU-9"\nyear = 2024\nquarter = 2',
        1,
    )
    text = text.replace(
        'indicator = "IKU-3"\nyear = 2024\nmonth = 2\nvalue',
        'indicator = "IKU-8"\nyear = 2024\nmonth = 2\nvalue',
        1,
    )
    with pytest.raises(sakip.io.DataFileError) as raised:
        loads_toml(text, file="m.toml")
    said = [str(problem) for problem in raised.value.exceptions]
    assert any("period_targets[5]" in p and "'IKU-9'" in p for p in said), said
    assert any("realizations[4]" in p and "'IKU-8'" in p for p in said), said


def test_the_monitoring_table_is_for_one_data_file(tmp_path: Path) -> None:
    """A folder of agencies does not take --as-of: refused, not ignored."""
    out, err = io.StringIO(), io.StringIO()
    args = ["report", str(DATA.parent), "--output", str(tmp_path), "--as-of", "TW I 2024"]
    assert 2 == main([*args, "--lang", "en"], out=out, err=err)
    assert "--as-of is for one data file only" in err.getvalue()


# --- quarters built from months -------------------------------------------------------------


def _m(code: str, month: int, value: object = None, **more: object) -> sakip.Realization:
    return sakip.Realization(indicator=code, year=2024, month=month, value=value, **more)  # type: ignore[arg-type]


def _mt(code: str, month: int, target: object) -> sakip.PeriodTarget:
    return sakip.PeriodTarget(indicator=code, year=2024, month=month, target=target)  # type: ignore[arg-type]


def test_a_quarterly_table_sums_the_months_of_a_counted_indicator() -> None:
    """Monthly counts only: each quarter is its months' sum, its cumulative target March's."""
    months = [_m("K", m, 10 * m) for m in range(1, 7)]  # 10, 20, ... 60
    targets = [_mt("K", m, 25 * m) for m in range(1, 7)]  # totals to date: 25, 50, ... 150
    data = _dataset([_indicator("K")], months, targets, {"K": 500})
    found = sakip.monitoring(data, as_of="TW II 2024").indicator("K")
    first, second = found.rows
    assert (D(60), D(60), sakip.Target(75)) == (first.realization, first.to_date, first.target)
    assert (D(150), D(210), sakip.Target(150)) == (
        second.realization,
        second.to_date,
        second.target,
    )
    assert D("140.00") == second.achievement.percent  # type: ignore[union-attr]  # 210 / 150
    assert D(420) == found.projection  # 210 × 4 / 2
    assert sakip.Target(75) == sakip.audit.period_target(data, "K", 2024, 1)


def test_a_per_period_target_of_a_quarter_takes_its_months_by_the_aggregation() -> None:
    """Per-period monthly targets: a sum's add up, a last value's is the last, a mean averages."""
    summed = _indicator("S", basis="per-period")
    last = _indicator("L", aggregation="last", basis="per-period")
    mean = _indicator("A", aggregation="average", basis="per-period")
    targets = [_mt(code, m, m) for code in "SLA" for m in (1, 2, 3)]
    data = _dataset([summed, last, mean], targets=targets)
    quarter = sakip.Quarter(2024, 1)
    assert [sakip.Target(6), sakip.Target(3), sakip.Target(2)] == [
        sakip.monitor.period_target(data, code, quarter) for code in "SLA"
    ]


@pytest.mark.parametrize(
    ("indicator", "targets"),
    [
        (_indicator("K", basis="per-period"), [1, 2]),  # March has none
        (_indicator("K", aggregation="ratio", basis="per-period"), [1, 2, 3]),  # no counts
        (_indicator("K", basis="per-period"), [1, sakip.TargetRange(2, 3), 4]),  # no sum
    ],
)
def test_a_quarter_target_that_its_months_do_not_give_is_none(
    indicator: sakip.Indicator, targets: list[object]
) -> None:
    """A lacking month, a ratio's months, or months that are not numbers give no target."""
    months = [_m("K", m, 1, numerator=1, denominator=1) for m in (1, 2, 3)]
    data = _dataset([indicator], months, [_mt("K", m, t) for m, t in enumerate(targets, 1)])
    assert sakip.monitor.period_target(data, "K", sakip.Quarter(2024, 1)) is None
    row = sakip.monitoring(data, as_of="TW I 2024").indicator("K").rows[0]
    assert (None, Reason.NO_TARGET) == (row.target, row.achievement_missing.reason)  # type: ignore[union-attr]


def test_quarterly_targets_leave_monthly_ones_to_the_monthly_table() -> None:
    """An indicator with a quarter's own target has no quarter target built from months."""
    targets = [
        *(_mt("K", m, m) for m in (1, 2, 3, 4, 5, 6)),
        sakip.PeriodTarget(indicator="K", year=2024, quarter=1, target=9),
    ]
    data = _dataset([_indicator("K")], targets=targets)
    look = sakip.monitor.period_target
    assert sakip.Target(9) == look(data, "K", sakip.Quarter(2024, 1))
    assert look(data, "K", sakip.Quarter(2024, 2)) is None
    assert sakip.Target(5) == look(data, "K", sakip.Month(2024, 5))
    assert look(data, "K", sakip.Month(2023, 5)) is None


def test_a_quarter_that_lacks_a_month_is_missing_naming_the_month() -> None:
    """A month not reported leaves its quarter unreported, never counted as 0."""
    months = [_m("K", m, 10) for m in (1, 2, 3, 4, 6)]
    data = _dataset([_indicator("K", basis="per-period")], months, year_targets={"K": 100})
    first, second = sakip.monitoring(data, as_of="TW II 2024").indicator("K").rows
    assert D(30) == first.realization
    assert (None, None) == (second.realization, second.to_date)
    assert (sakip.Quarter(2024, 2),) == second.missing_periods
    assert "tidak ada realisasi 2024-05" == second.to_date_missing.explain()  # type: ignore[union-attr]
    assert second.achievement_missing == _unreported_may()


def _unreported_may() -> object:
    return sakip.Missing(
        reason=Reason.PERIODS_MISSING, part=Part.REALIZATION, values=(("periods", "2024-05"),)
    )


def test_a_ratio_quarter_is_the_ratio_of_its_months_sums() -> None:
    """Monthly ratios build a quarter as Σ numerator × per / Σ denominator, counts kept."""
    ind = _indicator("R", aggregation="ratio", basis="per-period", per=1000)
    months = [
        _m("R", 1, numerator=1, denominator=100),
        _m("R", 2, numerator=2, denominator=300),
        _m("R", 3, numerator=2, denominator=600),
    ]
    found = sakip.monitoring(_dataset([ind], months), as_of="TW I 2024").indicator("R")
    assert D(5) == found.rows[0].realization  # 5 × 1.000 / 1.000, not the months' mean


def test_a_level_quarter_is_its_last_months_level() -> None:
    """A level indicator's quarter takes its last month's target; a level is no total to date."""
    ind = _indicator("O", aggregation="last", basis="per-period", levels="opini-bpk")
    months = [_m("O", m, level=level) for m, level in ((1, "TW"), (2, "WDP"), (3, "WTP"))]
    targets = [_mt("O", m, sakip.LevelTarget("WTP", "opini-bpk")) for m in (1, 2, 3)]
    data = _dataset([ind], months, targets)
    assert sakip.LevelTarget("WTP", "opini-bpk") == sakip.monitor.period_target(
        data, "O", sakip.Quarter(2024, 1)
    )
    built = sakip.monitoring(data, as_of="TW I 2024").indicator("O")
    row = built.rows[0]
    assert (sakip.LevelTarget("WTP", "opini-bpk"), None) == (row.target, row.to_date)
    assert Reason.LEVELS is row.to_date_missing.reason  # type: ignore[union-attr]


def test_a_monthly_table_keeps_to_months() -> None:
    """An indicator reported by quarter only is not in a monthly table."""
    data = _dataset([_indicator("K"), _indicator("M")], [_q("K", 1, 5), _m("M", 1, 5)])
    found = sakip.monitoring(data, as_of="Januari 2024")
    assert ["M"] == [i.indicator.code for i in found.indicators]
