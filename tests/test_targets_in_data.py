"""Targets that are not one number in the model, the data file, the tables and the report."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import sakip
import sakip.io
from sakip import ComparatorTarget, LevelTarget, parse_target
from sakip.audit import audit
from sakip.compare import history
from sakip.io.tables import read_rows
from sakip.levels import OPINI_BPK
from sakip.present.text import to_text
from sakip.targets import target_text
from sakip.testing import comparators, decimals

DATA = Path(__file__).parent / "data" / "targets-not-one-number.toml"


@pytest.fixture(scope="module")
def data() -> sakip.Dataset:
    return sakip.io.load(DATA)


def _words(report: sakip.Report) -> str:
    """The report as plain text, its lines joined, so a sentence is found wherever it wraps."""
    return " ".join(to_text(report).split())


def _indicator(code: str = "X", **fields: object) -> sakip.Indicator:
    return sakip.Indicator(code=code, name="Indikator", unit="%", **fields)  # type: ignore[arg-type]


def _plan(indicator: sakip.Indicator, **targets: object) -> sakip.StrategicPlan:
    return sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=[indicator])],
        indicator_plans=[
            sakip.IndicatorPlan(
                indicator=indicator.code, targets={int(y[1:]): t for y, t in targets.items()}
            )
        ],
    )


# --- the model ----------------------------------------------------------------------------


def test_every_kind_is_a_target_of_the_model(data: sakip.Dataset) -> None:
    """A plan and an agreement hold comparator, level and range targets as printed."""
    assert parse_target("≥ 82") == data.plan.target("IKM", 2024)
    assert ComparatorTarget("<", 5) == data.plan.target("ADU", 2024)
    assert LevelTarget("WTP", OPINI_BPK) == data.plan.target("OPINI", 2024)
    assert sakip.TargetRange(60, 85) == data.plan.target("BOR", 2024)
    assert LevelTarget("WTP", "opini-bpk") == data.agreements[0].target("OPINI")
    assert parse_target("≥ 76,61") == data.standards[0].value
    assert OPINI_BPK == data.plan.indicator("OPINI").levels


def test_the_old_import_paths_still_work() -> None:
    """The classes live in the model and are the same objects from sakip.targets."""
    import sakip.model
    import sakip.targets

    assert sakip.targets.ComparatorTarget is sakip.model.ComparatorTarget is ComparatorTarget
    assert sakip.targets.LevelTarget is sakip.model.LevelTarget is LevelTarget
    assert sakip.targets.Comparator is sakip.model.Comparator is sakip.Comparator


def test_a_comparator_that_contradicts_the_polarity_is_refused() -> None:
    """'≤ 5' says lower is better: a positive indicator cannot have it."""
    with pytest.raises(sakip.InvalidValueError, match="'polarity of X' must be negative"):
        _plan(_indicator(), y2024=parse_target("maksimal 5"))
    assert _plan(_indicator(polarity="negatif"), y2024=parse_target("maksimal 5"))


def test_levels_fit_only_indicators_measured_in_them() -> None:
    """A level needs an indicator with that scale, and such an indicator takes levels only."""
    with pytest.raises(sakip.InvalidValueError, match="declares levels='opini-bpk'"):
        _plan(_indicator(), y2024=parse_target("WTP", scale="opini-bpk"))
    with pytest.raises(sakip.InvalidValueError, match=r"a level of 'opini-bpk' \(TMP, TW"):
        _plan(_indicator(levels="opini-bpk"), y2024=sakip.Target(4))
    with pytest.raises(sakip.InvalidValueError, match="a level of 'opini-bpk'"):
        _plan(_indicator(levels="opini-bpk"), y2024=parse_target("A", scale="sakip-predicate"))
    with pytest.raises(sakip.InvalidValueError, match="'polarity' must be positive"):
        _indicator(levels="opini-bpk", polarity="negatif")
    with pytest.raises(sakip.InvalidValueError, match="'cumulative' must be false"):
        _indicator(levels="opini-bpk", cumulative=True)


def test_a_level_realization_has_no_number(data: sakip.Dataset) -> None:
    """A level indicator realizes a level of its scale; a number indicator a number."""
    assert ["WTP", "WDP"] == [r.level for r in data.realizations_of("OPINI")]
    assert data.realizations_of("OPINI")[0].value is None
    with pytest.raises(sakip.InvalidValueError, match="without a value or counts"):
        sakip.Realization(indicator="OPINI", year=2024, level="WTP", value=4)
    with pytest.raises(sakip.InvalidValueError, match="a level as printed"):
        sakip.Realization(indicator="OPINI", year=2024, level=" ")
    ikm = sakip.Realization(indicator="IKM", year=2024, level="WTP")
    with pytest.raises(sakip.InvalidValueError, match="'realization of IKM in 2024' must be a n"):
        attrs.evolve(data, realizations=[ikm])
    number = sakip.Realization(indicator="OPINI", year=2024, value=4)
    with pytest.raises(sakip.InvalidValueError, match="must be a level of 'opini-bpk'"):
        attrs.evolve(data, realizations=[number])
    wrong = sakip.Realization(indicator="OPINI", year=2024, level="WTB")
    with pytest.raises(sakip.InvalidValueError, match=r"\(TMP, TW, WDP, WTP\) \(got 'WTB'\)"):
        attrs.evolve(data, realizations=[wrong])


def test_a_level_is_not_aggregated() -> None:
    """Summing or averaging levels means nothing: the aggregation refuses them."""
    indicator = _indicator("OPINI", levels="opini-bpk")
    realization = sakip.Realization(indicator="OPINI", year=2024, quarter=1, level="WTP")
    with pytest.raises(sakip.InvalidValueError, match="must be a number to aggregate"):
        sakip.year_value(indicator, [realization], 2024)


def test_a_standard_is_never_a_level(data: sakip.Dataset) -> None:
    """A standard is a figure a realization is compared with; a comparator one fits."""
    with pytest.raises(sakip.InvalidValueError, match="a number, a range or a comparator"):
        sakip.NationalStandard(
            indicator="X", value=parse_target("WTP", scale="opini-bpk"), source="BPK"
        )
    against = sakip.NationalStandard(indicator="ADU", value=parse_target("≥ 3"), source="SPM")
    with pytest.raises(sakip.InvalidValueError, match="'polarity of ADU' must be positive"):
        attrs.evolve(data, standards=[against])


# --- the data file ------------------------------------------------------------------------


def test_the_data_file_keeps_every_kind_as_printed(data: sakip.Dataset) -> None:
    """Saved as the text a report prints, read back to the same dataset."""
    text = sakip.io.dumps_toml(data)
    assert '2024 = "≥ 82"' in text
    assert '2024 = "< 5"' in text
    assert 'end_target = "WTP"' in text
    assert 'levels = "opini-bpk"' in text
    assert 'level = "WDP"' in text
    assert data == sakip.io.loads_toml(text)
    assert data == sakip.io.loads_json(sakip.io.dumps_json(data))
    assert "≥ 76,61" == json.loads(sakip.io.dumps_json(data))["standards"][0]["value"]


@given(comparators, decimals(min_value=-(10**9), max_value=10**9, places=6))
def test_a_comparator_target_reads_back_exactly(comparator: sakip.Comparator, bound: D) -> None:
    """target_text gives a text parse_target reads back to the same bound, in either notation."""
    target = ComparatorTarget(comparator, bound)
    assert target == parse_target(target_text(target))
    assert target == parse_target(target_text(target, decimal="."), decimal=".")


def test_target_text_refuses_an_unknown_separator() -> None:
    with pytest.raises(sakip.InvalidValueError, match=r"'decimal' must be ',' or '\.'"):
        target_text(parse_target("≥ 80"), decimal=";")


def _file(targets: str, indicator: str = "", standards: str = "") -> str:
    return f"""
format = "sakip-dataset"
version = 2
[agency]
name = "A"
[plan]
name = "P"
start_year = 2024
end_year = 2024
[[plan.goals]]
code = "T1"
name = "G"
[[plan.goals.indicators]]
code = "X"
name = "I"
unit = "%"
{indicator}
[[plan.indicator_plans]]
indicator = "X"
targets = {{ 2024 = {targets} }}
{standards}
"""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"minimal 80"', parse_target("≥ 80")),
        ('"lebih dari 80"', parse_target("> 80")),
        ('"60 s.d. 85"', sakip.TargetRange(60, 85)),
        ('"94,6"', sakip.Target(D("94.6"))),
        ('{ comparator = "≥", bound = "80,5" }', parse_target("≥ 80,5")),
        ('{ level = "WTP", scale = "opini-bpk" }', parse_target("WTP", scale="opini-bpk")),
    ],
)
def test_a_target_is_read_as_written(written: str, expected: sakip.TargetLike) -> None:
    """Text as printed, or a table; a level table for an indicator with levels."""
    levels = 'levels = "opini-bpk"' if isinstance(expected, LevelTarget) else ""
    assert expected == sakip.io.loads_toml(_file(written, levels)).plan.target("X", 2024)


def test_a_null_level_scale_is_no_scale() -> None:
    """In JSON, levels = null is as if left out."""
    body = sakip.io.datafile.unstructure_dataset(sakip.io.load(DATA))
    body["plan"]["goals"][0]["objectives"][0]["indicators"][0]["levels"] = None
    found = sakip.io.datafile.structure_dataset(body)
    assert found.plan.indicator("IKM").levels is None


@pytest.mark.parametrize(
    ("written", "indicator", "standards", "message"),
    [
        ('"WTP"', "", "", "or, for an indicator with levels, a level (got 'WTP')"),
        ('"WTB"', 'levels = "opini-bpk"', "", "(TMP, TW, WDP, WTP) (got 'WTB')"),
        ('{ comparator = "=", bound = 1 }', "", "", "'comparator' must be one of ≥, >, ≤, <"),
        ('{ level = 1, scale = "opini-bpk" }', "", "", "a level and a scale name, as texts"),
        ("80", "levels = 4", "", "the name of a level scale (opini-bpk) (got 4)"),
        (
            "80",
            "",
            (
                '[[standards]]\nindicator = "X"\nsource = "S"\n'
                'value = { level = "A", scale = "akreditasi" }'
            ),
            "expected a number, a range or a comparator target (got 'A')",
        ),
    ],
)
def test_a_bad_target_says_what_a_target_is(
    written: str, indicator: str, standards: str, message: str
) -> None:
    """Each bad target is reported with its place and what a target may be."""
    with pytest.raises(sakip.io.DataFileError) as raised:
        sakip.io.loads_toml(_file(written, indicator, standards))
    assert message in str(raised.value)


def test_malformed_tables_around_level_targets_are_reported_not_crashed() -> None:
    """The reading of level targets leaves what it cannot follow to the reader's messages."""
    body = sakip.io.datafile.unstructure_dataset(sakip.io.load(DATA))
    body["plan"]["indicator_plans"].append("not a table")
    body["agreements"].append({"year": 2023, "targets": "semua"})
    body["agreements"].append("not a table")
    with pytest.raises(sakip.io.DataFileError) as raised:
        sakip.io.datafile.structure_dataset(body)
    assert 3 == len(raised.value.exceptions)
    body["plan"]["indicator_plans"][2]["targets"] = "semua"  # OPINI's, which has levels
    with pytest.raises(sakip.io.DataFileError) as raised:
        sakip.io.datafile.structure_dataset(body)
    assert "a table of targets by year" in str(raised.value)
    plan_only = {key: value for key, value in body.items() if key != "agreements"}
    plan_only["plan"] = {**body["plan"], "indicator_plans": "none"}
    with pytest.raises(sakip.io.DataFileError):
        sakip.io.datafile.structure_dataset(plan_only)


# --- the report, the history and the audit -------------------------------------------------


def test_the_report_prints_targets_as_written(data: sakip.Dataset) -> None:
    """Table 3.1 prints ≥ 82, < 5, WTP and WDP, each measured by its own rule."""
    text = _words(sakip.build_report(data, year=2024))
    assert "≥ 82 84 102,44 %" in text
    assert "< 5 4 120,00 %" in text
    assert "WTP WDP 75,00 %" in text
    assert "(realisasi WDP terhadap target WTP), kategori Sedang; target belum tercapai" in text
    assert "turun dari WTP pada tahun 2023 menjadi WDP pada tahun 2024; kinerja menurun" in text
    assert "target akhir Renstra: indikator diukur dengan tingkatan, bukan angka" in text
    assert "peringkat(R) / peringkat(T) × 100 (target tingkatan)" in text
    english = _words(sakip.build_report(data, year=2024, lang="en"))
    assert "rank(R) / rank(T) × 100 (level target)" in english
    assert "fell from WTP in 2023 to WDP in 2024; performance worsened" in english


def test_a_level_that_rose_or_stayed(data: sakip.Dataset) -> None:
    """Year on year, a level is compared by its rank on the scale."""
    for level, words in (("WTP", "sama dengan tahun 2023"), ("TMP", "kinerja menurun")):
        changed = [
            r if r.indicator != "OPINI" or r.year != 2024 else attrs.evolve(r, level=level)
            for r in data.realizations
        ]
        text = _words(sakip.build_report(attrs.evolve(data, realizations=changed), year=2024))
        assert words in text
    risen = [
        attrs.evolve(r, level="TW") if r.indicator == "OPINI" and r.year == 2023 else r
        for r in data.realizations
    ]
    text = _words(sakip.build_report(attrs.evolve(data, realizations=risen), year=2024))
    assert "naik dari TW pada tahun 2023 menjadi WDP pada tahun 2024; kinerja meningkat" in text


def test_the_history_of_a_level_indicator(data: sakip.Dataset) -> None:
    """The year's level and its achievement; the end target says why it is not compared."""
    found = history(data, "OPINI", 2024)
    assert "WDP" == found.current.level
    assert found.current.realization is None
    assert isinstance(found.current.achievement, sakip.LevelAchievement)
    assert D("75.00") == found.current.achievement.percent
    assert found.end is None
    assert sakip.Reason.LEVELS is found.missing_for("end-target").reason  # type: ignore[union-attr]
    assert "2024: target WTP, realisasi WDP" in found.current.explain()
    assert found.row(2025).level is None


def test_a_level_from_the_latest_quarter(data: sakip.Dataset) -> None:
    """A year without its own level takes the latest quarter's, as a state is."""
    quarters = [
        sakip.Realization(indicator="OPINI", year=2024, quarter=q, level=level)
        for q, level in ((1, "WDP"), (3, "wajar tanpa pengecualian"))
    ]
    kept = [r for r in data.realizations if r.indicator != "OPINI" or r.year != 2024]
    found = history(attrs.evolve(data, realizations=[*kept, *quarters]), "OPINI", 2024)
    assert "WTP" == found.current.level
    assert found.current.achievement is not None
    assert found.current.achievement.met


def test_a_level_indicator_has_no_standard(data: sakip.Dataset) -> None:
    """A standard is a number a level is not: the model refuses one, the history has none."""
    standard = sakip.NationalStandard(indicator="OPINI", value=4, source="S")
    with pytest.raises(sakip.InvalidValueError, match="'standard of OPINI' must be a level"):
        attrs.evolve(data, standards=[standard])
    assert isinstance(history(data, "OPINI", 2024).standard, sakip.NoStandard)


def test_the_audit_checks_a_stated_achievement_against_such_targets(
    data: sakip.Dataset,
) -> None:
    """102,44 against ≥ 82 agrees; 100 against WTP for WDP does not (75,00)."""
    findings = audit(data).findings
    assert [True, False] == [finding.agrees for finding in findings]
    assert "75,00" in findings[1].explain()


def test_the_end_target_of_a_comparator_is_its_bound(data: sakip.Dataset) -> None:
    """Gap, progress and the needed change per year work against the bound of '≥ 85'."""
    end = history(data, "IKM", 2024).end
    assert end is not None
    assert D(1) == end.gap.remaining  # type: ignore[union-attr]
    assert D("98.82") == end.achievement.percent  # type: ignore[union-attr]


def test_a_level_child_rolls_up() -> None:
    """A level's achievement % joins a roll-up like any other."""
    level = sakip.achievement(realization="WDP", target=parse_target("WTP", scale="opini-bpk"))
    number = sakip.achievement(realization=90, target=100)
    result = sakip.rollup({"OPINI": level, "IKM": number})
    assert D("82.50") == result.percent


# --- tables ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "polarity", "target", "percent"),
    [
        ("≥ 80", None, parse_target("≥ 80"), D("105.00")),
        ("minimal 80", None, parse_target("≥ 80"), D("105.00")),
        ("maksimal 90", None, parse_target("≤ 90"), D("106.67")),
        ("< 90", "negatif", parse_target("< 90"), D("106.67")),
        ("kurang dari 90", None, parse_target("< 90"), D("106.67")),
    ],
)
def test_a_table_reads_comparator_targets(
    cell: str, polarity: str | None, target: sakip.TargetLike, percent: D
) -> None:
    """A comparator cell is read, its polarity the comparator's, and scored as the scalar API."""
    header = ["Kode", "Tahun", "Target", "Realisasi"] + (["Polaritas"] if polarity else [])
    row = ["IKU-1", 2024, cell, 84] + ([polarity] if polarity else [])
    read = read_rows([header, row]).raise_for_errors()
    assert target == read.rows[0].target
    assert target.polarity is read.rows[0].polarity  # type: ignore[union-attr]
    result = sakip.io.evaluate(read.rows)[0]
    expected = sakip.achievement(realization=84, target=target)
    assert percent == result.percent == expected.percent
    assert result.achievement == expected


def test_a_table_refuses_a_bad_or_contradicted_comparator() -> None:
    """A comparator without a number is a placed error; a contradicting polarity a reason."""
    read = read_rows([["Kode", "Tahun", "Target", "Realisasi"], ["IKU-1", 2024, "≥ banyak", 84]])
    assert "a comparator and a number" in str(read.errors[0])
    read = read_rows(
        [["Kode", "Tahun", "Target", "Realisasi", "Polaritas"], ["A", 2024, "≥ 80", 84, "negatif"]]
    )
    result = sakip.io.evaluate(read.raise_for_errors().rows)[0]
    assert result.percent is None
    assert "as the target ≥ 80 says" in str(result.reason)


def test_bulk_and_scalar_agree_on_a_strict_comparator() -> None:
    """At the bound of '< 90' the figure is 100 but the target is not met: rows are routed."""
    rows = read_rows(
        [
            ["Kode", "Tahun", "Target", "Realisasi"],
            ["A", 2024, "< 90", 90],
            ["B", 2024, "90", 90],
            ["C", 2024, "≥ 90", "90,5"],
        ]
    ).raise_for_errors()
    results = sakip.io.evaluate(rows.rows)
    assert [D("100.00"), D("100.00"), D("100.56")] == [r.percent for r in results]
    assert results[0].achievement is not None
    assert not results[0].achievement.met


def test_a_frame_keeps_a_comparator_target() -> None:
    """to_frame writes '≥ 80' as text; from_frame reads it back."""
    rows = read_rows([["Kode", "Tahun", "Target", "Realisasi"], ["A", 2024, "≥ 80,5", 84]])
    frame = sakip.io.to_frame(rows.raise_for_errors().rows)
    assert "≥ 80.5" == frame.loc[0, "target"]
    assert parse_target("≥ 80,5") == sakip.io.from_frame(frame).raise_for_errors().rows[0].target


def test_a_written_table_keeps_a_level_as_text(tmp_path: Path) -> None:
    """A level target in table rows is written as the level, with its scale's column."""
    row = sakip.io.TableRow(code="A", year=2024, target=parse_target("WTP", scale="opini-bpk"))
    sakip.io.write_table([row], tmp_path / "t.csv")
    written = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert written[0].endswith(",Skala Tingkat")
    assert written[1].endswith(",WTP,,,,,,,opini-bpk")
    again = sakip.io.read_table(tmp_path / "t.csv").raise_for_errors().rows[0]
    assert (row.target, "opini-bpk") == (again.target, again.levels)


# --- level targets in tables -----------------------------------------------------------------

_LEVEL_HEADER = ["Kode", "Tahun", "Target", "Realisasi", "Skala Tingkat"]


@pytest.mark.parametrize("header", ["Skala Tingkat", "level scale", "skala_level", "Levels"])
def test_a_table_reads_level_targets_on_its_scale(header: str) -> None:
    """A row naming its level scale reads its Target and Realisasi as levels, scored by rule."""
    read = read_rows(
        [
            ["Kode", "Tahun", "Target", "Realisasi", header],
            ["OPINI", 2024, "WTP", "wajar dengan pengecualian", "opini-bpk"],
            ["SAKIP", 2024, "A", "AA", " sakip-predicate "],
            ["IKU-1", 2024, "94,6", "95", None],
        ]
    ).raise_for_errors()
    opini, _, plain = read.rows
    assert (LevelTarget("WTP", "opini-bpk"), "WDP", None, "opini-bpk") == (
        opini.target,
        opini.level,
        opini.realization,
        opini.levels,
    )
    assert (sakip.Target(D("94.6")), D(95), None, None) == (
        plain.target,
        plain.realization,
        plain.level,
        plain.levels,
    )
    first, second, third = sakip.io.evaluate(read.rows)
    assert first.achievement == sakip.achievement(realization="WDP", target=opini.target)  # type: ignore[arg-type]
    assert (D("75.00"), "rank-ratio", None) == (first.percent, first.formula, first.reason)
    assert not first.achievement.met  # type: ignore[union-attr]
    assert (D("116.67"), True) == (second.percent, second.achievement.met)  # type: ignore[union-attr]
    assert (D("100.42"), "direct") == (third.percent, third.formula)
    levels = [(r.indicator, r.level, r.value) for r in read.realizations()]
    assert [("OPINI", "WDP", None), ("SAKIP", "AA", None), ("IKU-1", None, D(95))] == levels


def test_a_level_row_takes_its_rule_and_gives_reasons() -> None:
    """A row's formula names the level rule; a missing level or target is a reason."""
    read = read_rows(
        [
            [*_LEVEL_HEADER, "Rumus"],
            ["A", 2024, "WTP", "WDP", "opini-bpk", "met-or-not"],
            ["B", 2024, "WTP", None, "opini-bpk", None],
            ["C", 2024, None, "WTP", "opini-bpk", None],
        ]
    ).raise_for_errors()
    met_or_not, unreported, untargeted = sakip.io.evaluate(read.rows)
    assert (D("0.00"), "met-or-not") == (met_or_not.percent, met_or_not.formula)
    assert "no realization reported" == unreported.reason
    assert "no target" == untargeted.reason
    assert [("A", "WDP"), ("C", "WTP")] == [(r.indicator, r.level) for r in read.realizations()]


def test_a_bad_level_is_placed_and_names_the_scales_levels() -> None:
    """A level not on the row's scale, an unknown scale, or a range are errors at their cells."""
    read = read_rows(
        [
            [*_LEVEL_HEADER, "Target Bawah"],
            ["A", 2024, "WTB", "WDP", "opini-bpk", None],
            ["B", 2024, "WTP", 4, "opini-bpk", None],
            ["C", 2024, "WTP", "WDP", "opini", None],
            ["D", 2024, "WTP", "WDP", "opini-bpk", 3],
            ["E", 2024, "94,6", "95", None, None],
        ]
    )
    assert [
        "2:Target: expected a level of 'opini-bpk' (TMP, TW, WDP, WTP) (got 'WTB')",
        "3:Realisasi: expected a level of 'opini-bpk' (TMP, TW, WDP, WTP) (got 4)",
        (
            "4:Skala Tingkat: expected a level scale (akreditasi, akreditasi-rumah-sakit, "
            "opini-bpk, sakip-predicate) (got 'opini')"
        ),
        "5:Target Bawah: expected no range: the row's target is a level (got 3)",
    ] == [str(error) for error in read.errors]
    assert "opini-bpk" in read.errors[2].accepted  # type: ignore[attr-defined]
    assert ["E"] == [row.code for row in read.rows]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_datasets_level_rows_write_and_read_back(
    data: sakip.Dataset, tmp_path: Path, suffix: str
) -> None:
    """table_rows names a level indicator's scale; a written table reads back to the same rows."""
    rows = sakip.io.table_rows(data)
    (opini,) = [row for row in rows if (row.code, row.year) == ("OPINI", 2024)]
    assert ("opini-bpk", "WDP", None) == (opini.levels, opini.level, opini.realization)
    sakip.io.write_table(rows, tmp_path / f"t{suffix}")
    again = sakip.io.read_table(tmp_path / f"t{suffix}").raise_for_errors().rows
    assert [attrs.evolve(r, line=None) for r in again] == list(rows)


def test_written_results_show_the_realized_level(data: sakip.Dataset, tmp_path: Path) -> None:
    """The results table's Realisasi of a level row is its level, beside its rule."""
    sakip.io.write_results(sakip.io.evaluate(sakip.io.table_rows(data)), tmp_path / "r.csv")
    lines = (tmp_path / "r.csv").read_text(encoding="utf-8").splitlines()
    assert lines[5].endswith(
        ',2024,,WTP,WDP,75,75.00,Sedang,rank-ratio,"WDP (3) / WTP (4) × 100 = 75,00 %",'
    )


def test_a_frame_keeps_level_rows(data: sakip.Dataset) -> None:
    """to_frame writes a level row's scale and levels; from_frame and results_frame read them."""
    frame = sakip.io.to_frame(data)
    opini = frame.loc[(frame["code"] == "OPINI") & (frame["year"] == 2024)].iloc[0]
    assert ("WTP", "WDP", "opini-bpk") == (opini["target"], opini["realization"], opini["levels"])
    again = sakip.io.from_frame(frame).raise_for_errors().rows
    assert list(sakip.io.table_rows(data)) == [attrs.evolve(r, line=None) for r in again]
    results = sakip.io.results_frame(frame)
    assert "rank-ratio" in set(results["formula"])


# --- what the comparisons share ----------------------------------------------------------------


def test_an_end_target_comparison_takes_a_bound_not_a_level() -> None:
    """A comparator's bound is the number to reach; a level is no number."""
    assert D(4) == sakip.gap(realization=76, end_target=parse_target("≥ 80")).remaining
    with pytest.raises(sakip.InvalidValueError, match="a single number"):
        sakip.gap(realization=4, end_target=parse_target("WTP", scale="opini-bpk"))
