"""Chapter III by goal and objective: group rows, their roll-up, in every format and language."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sakip
from sakip import render
from sakip.analysis.chapter import GroupLevel, compute_chapter
from sakip.exceptions import InvalidValueError
from sakip.io import load
from sakip.reasons import Reason
from sakip.report import Cell, CellKind, Column, GroupRow, RowLevel, Table, build_report
from sakip.testing import levels_of, plans

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
HEALTH = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"
GROUPED = ("target-realization", "years", "end-target", "standard")


def _indicator(code: str) -> sakip.Indicator:
    return sakip.Indicator(code=code, name=f"Indikator {code}", unit="%")


def _data(*objectives: sakip.Objective, own: tuple[sakip.Indicator, ...] = ()) -> sakip.Dataset:
    """One goal with indicators of its own (``own``) and the objectives given; 2024 reported."""
    codes = [i.code for i in own] + [i.code for o in objectives for i in o.indicators]
    plan = sakip.StrategicPlan(
        name="Renstra 2021-2026",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan Satu", indicators=own, objectives=objectives)],
        indicator_plans=[sakip.IndicatorPlan(indicator=c, targets={2024: 80}) for c in codes],
    )
    figures = {"A": 100, "B": 60, "C": 90}  # achievements 125, 75 and 112.5 against 80
    realizations = [
        sakip.Realization(indicator=code, year=2024, value=figures[code])
        for code in codes
        if code in figures
    ]
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas Contoh"), plan=plan, realizations=realizations
    )


def _objective(code: str, *indicators: str) -> sakip.Objective:
    return sakip.Objective(
        code=code, name=f"Sasaran {code}", indicators=[_indicator(c) for c in indicators]
    )


# --- computed once, in no language ------------------------------------------------------------


def test_each_objective_carries_the_roll_up_of_its_indicators() -> None:
    """An objective's figure is sakip.objective_achievement's, a goal's goal_achievement's."""
    dataset = load(HEALTH)
    chapter = compute_chapter(dataset, year=2024)
    by_code = {group.code: group for group in chapter.groups}
    for objective in dataset.plan.objectives:
        expected = sakip.objective_achievement(dataset, objective.code, 2024)
        found = by_code[objective.code].rollup
        assert found is not None
        assert expected.value == found.value
    goal = sakip.goal_achievement(dataset, "T1", 2024)
    assert goal.value == by_code["T1"].rollup.value  # type: ignore[union-attr]
    assert [GroupLevel.GOAL, GroupLevel.OBJECTIVE, GroupLevel.OBJECTIVE] == [
        group.level for group in chapter.groups
    ]


def test_the_groups_list_every_indicator_once_in_the_plans_order() -> None:
    """The indicators under the groups, read in order, are the chapter's histories."""
    for path in (SEED, HEALTH):
        chapter = compute_chapter(load(path), year=2024)
        listed = [code for group in chapter.groups for code in group.indicators]
        assert [found.indicator.code for found in chapter.histories] == listed


def test_a_child_that_cannot_be_computed_is_named_and_never_counted_as_zero() -> None:
    """A, B computable (125, 75), C without realization: the mean is 100, not 66,67."""
    data = _data(_objective("S1", "A", "B", "D"))
    group = compute_chapter(data, year=2024).groups[1]
    assert group.rollup is not None
    assert Decimal("100.00") == group.rollup.percent
    assert ["D"] == [child.code for child in group.excluded]
    assert Reason.NO_REALIZATION == group.excluded[0].missing.reason  # type: ignore[union-attr]
    assert "Sangat Tinggi" == group.rating.label  # type: ignore[union-attr]


def test_a_group_with_nothing_computable_has_no_figure_and_says_why() -> None:
    """No child computable: no roll-up, no rating, the reason, and every child listed."""
    data = _data(_objective("S1", "D", "E"))
    goal, objective = compute_chapter(data, year=2024).groups
    for group in (goal, objective):
        assert (group.rollup, group.rating) == (None, None)
        assert Reason.NO_COMPUTABLE_CHILD == group.missing.reason  # type: ignore[union-attr]
        assert ["D", "E"] == [child.code for child in group.excluded]
    assert repr(objective).endswith("objective S1: —>")


def test_an_objective_without_indicators_is_still_a_group() -> None:
    """An objective listing no indicator keeps its row: nothing to compute, said so."""
    data = _data(_objective("S1", "A"), _objective("S2"))
    empty = compute_chapter(data, year=2024).groups[2]
    assert ("S2", (), None, ()) == (empty.code, empty.indicators, empty.rollup, empty.children)
    table = build_report(data, year=2024).table("target-realization")
    assert [("goal", 0), ("objective", 0), ("objective", 1)] == [
        (group.level.value, group.before) for group in table.groups
    ]
    levels = [level for level, _ in table.printed()]
    assert [RowLevel.GOAL, RowLevel.OBJECTIVE, RowLevel.ITEM, RowLevel.OBJECTIVE] == levels
    last = list(table.printed())[-1][1]
    assert CellKind.MISSING == last[5].kind
    assert "tidak ada unsur yang capaiannya dapat dihitung" == last[5].note


# --- table (a) and the others -----------------------------------------------------------------


def test_goal_level_indicators_stand_under_their_goal() -> None:
    """The seed's two goal indicators come right after the goal's row, its IKU after S1's."""
    table = build_report(load(SEED)).table("target-realization")
    printed = [(level, row[1].format()) for level, row in table.printed()]
    assert RowLevel.GOAL == printed[0][0]
    assert printed[0][1].startswith("Tujuan: Terwujudnya pengembangan")
    assert [RowLevel.ITEM, RowLevel.ITEM] == [printed[1][0], printed[2][0]]
    assert ("Nilai SAKIP Kota Metro", "Persentase Penduduk Miskin") == (
        printed[1][1],
        printed[2][1],
    )
    assert printed[3][1].startswith("Sasaran: Meningkatnya penanganan")
    assert ["1", "2", "3"] == [row[0].format() for row in table.rows]


def test_table_a_rates_each_group_and_names_the_rule() -> None:
    """The goal's row: 101,50 % Sangat Tinggi (SAKIP alone; poverty left out, named)."""
    table = build_report(load(SEED)).table("target-realization")
    goal = table.groups[0].cells
    assert ("101,50 %", "Sangat Tinggi", "ST") == (
        goal[5].format(),
        goal[6].format(),
        goal[6].code,
    )
    assert all(cell.format() == "" for cell in (goal[0], goal[2], goal[3], goal[4]))
    assert "rata-rata capaian indikatornya, tanpa bobot dan tanpa batas atas" in table.rule
    assert "tidak dianggap 0" in table.rule
    assert "Praktik Kemensetneg" in table.source
    left = [s for s in table.sentences if s.startswith("Tidak dihitung dalam capaian")]
    expected = (
        "Tidak dihitung dalam capaian Terwujudnya pengembangan dan perlindungan sosial bagi "
        "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS), dan tidak dianggap 0: Persentase "
        "Penduduk Miskin (tidak ada realisasi tahun 2024)."
    )
    assert [expected] == left
    assert table.sentences[0].endswith(
        "(rata-rata capaian indikatornya, tanpa bobot dan tanpa "
        "batas atas; indikator yang dapat dihitung: 1 dari 2)."
    )


def test_a_group_with_no_figure_has_a_sentence_saying_why() -> None:
    """Nothing computable under the goal: its sentence says so, then names each indicator."""
    sentences = (
        build_report(_data(own=(_indicator("D"),)), year=2024)
        .table("target-realization")
        .sentences
    )
    assert (
        "Capaian tujuan Tujuan Satu tahun 2024 tidak dapat dihitung: tidak ada unsur yang "
        "capaiannya dapat dihitung." == sentences[0]
    )
    assert sentences[1].endswith("tidak dianggap 0: Indikator D (tidak ada realisasi tahun 2024).")
    english = build_report(_data(_objective("S1", "D")), year=2024, lang="en")
    said = english.table("target-realization").sentences
    assert "The achievement of the objective Sasaran S1 in 2024 cannot be computed:" in said[2]


@pytest.mark.parametrize("key", GROUPED)
def test_tables_a_to_d_group_their_rows_and_the_others_do_not(key: str) -> None:
    """Tables (a)-(d) have the goal's and objectives' rows; efficiency and budget have none."""
    report = build_report(load(HEALTH))
    table = report.table(key)
    assert ["T1", "S1", "S2"] == [group.code for group in table.groups]
    assert [0, 0, 2] == [group.before for group in table.groups]
    assert table.groups[2].cells[1].format() == "Sasaran: " + load(HEALTH).plan.objectives[1].name
    assert () == report.table("efficiency").groups == report.table("budget").groups


def test_the_english_report_names_goals_and_objectives_in_english() -> None:
    """Goal: …, Objective: …, and the roll-up's rule and source in English."""
    table = build_report(load(SEED), lang="en").table("target-realization")
    names = [group.cells[1].format() for group in table.groups]
    assert names[0].startswith("Goal: ")
    assert names[1].startswith("Objective: ")
    assert "the unweighted mean of its indicators' uncapped achievements" in table.rule
    assert "Kemensetneg practice, reproduced in several LKjIPs" in table.source
    assert "indicators computable: 1 of 2" in table.sentences[0]


def test_a_chapter_without_groups_prints_its_indicators_alone() -> None:
    """A Chapter made without groups (as before them) gives the plain tables."""
    chapter = attrs.evolve(compute_chapter(load(SEED), year=2024), groups=())
    report = chapter.report()
    table = report.table("target-realization")
    assert () == table.groups
    assert "capaian tujuan dan sasaran" not in table.rule
    assert "Capaian Nilai SAKIP Kota Metro tahun 2024" in table.sentences[0]
    assert [RowLevel.ITEM] * 3 == [level for level, _ in table.printed()]


# --- the table's groups -----------------------------------------------------------------------


def _table(*groups: GroupRow) -> Table:
    columns = (Column(key="no", title="No"), Column(key="indicator", title="Indikator"))
    rows = ((Cell.text("1"), Cell.text("A")), (Cell.text("2"), Cell.text("B")))
    return Table(
        key="t",
        number="3.9",
        title="T",
        columns=columns,
        rows=rows,
        rule="r",
        source="s",
        groups=groups,
    )


def _group(before: int, cells: int = 2) -> GroupRow:
    return GroupRow(
        level=RowLevel.OBJECTIVE,
        code="S",
        before=before,
        cells=(Cell.blank(), *(Cell.text("S") for _ in range(cells - 1))),
    )


def test_a_group_row_needs_a_cell_per_column_and_a_place_in_order() -> None:
    """Too few cells, a place past the rows or out of order: refused, saying what is wanted."""
    with pytest.raises(InvalidValueError, match="2 cells, one for each column"):
        _table(_group(0, cells=1))
    with pytest.raises(InvalidValueError, match="a row from 0 to 2, in order"):
        _table(_group(3))
    with pytest.raises(InvalidValueError, match="a row from 1 to 2, in order"):
        _table(_group(1), _group(0))


def test_groups_print_before_their_row_and_after_the_last() -> None:
    """A group at 2 of 2 rows prints last; two groups at one place print in their order."""
    table = _table(_group(1), _group(1), _group(2))
    printed = [(level.value, row[1].format()) for level, row in table.printed()]
    assert [
        ("item", "A"),
        ("objective", "S"),
        ("objective", "S"),
        ("item", "B"),
        ("objective", "S"),
    ] == printed
    assert "<GroupRow objective S before row 1>" == repr(_group(1))


# --- every format -----------------------------------------------------------------------------


def test_every_format_shows_the_groups() -> None:
    """Text and Markdown print the names, HTML classes the rows, JSON lists them with cells."""
    report = build_report(load(SEED))
    goal = "Tujuan: Terwujudnya pengembangan"
    assert goal in render.to_text(report)
    assert f"| **{goal}" in render.to_markdown(report)
    page = render.to_html(report, charts=False)
    assert '<tr class="goal"><td></td><td>Tujuan: Terwujudnya' in page
    assert '<tr class="objective">' in page
    assert "tr.goal td, tr.objective td { font-weight: bold;" in page
    data = json.loads(render.to_json(report))["tables"][0]
    assert ["goal", "objective"] == [group["level"] for group in data["groups"]]
    assert [0, 2] == [group["before"] for group in data["groups"]]
    assert {"kind": "percent", "text": "101,50 %", "value": "101.50"} == {
        k: data["groups"][0]["cells"][5][k] for k in ("kind", "text", "value")
    }
    assert 3 == len(data["rows"])  # the indicators' rows, as before


def test_the_workbook_sets_the_groups_rows_in_bold() -> None:
    """Row 4 is the goal's, in bold with its roll-up as a number; row 5 an indicator's."""
    from openpyxl import load_workbook

    report = build_report(load(SEED))
    sheet = load_workbook(io.BytesIO(render.to_xlsx(report)))["3.1"]
    assert str(sheet["B4"].value).startswith("Tujuan: ")
    assert sheet["B4"].font.bold
    assert 101.5 == pytest.approx(sheet["F4"].value)
    assert not sheet["B5"].font.bold


# --- properties -------------------------------------------------------------------------------


@st.composite
def _reported(draw: st.DrawFn) -> sakip.Dataset:
    """A generated plan, each indicator reported or not in the plan's first year."""
    plan = draw(plans())
    realizations = [
        sakip.Realization(
            indicator=indicator.code,
            year=plan.start_year,
            value=None if indicator.levels else draw(st.integers(min_value=0, max_value=200)),
            level=draw(levels_of(indicator.levels)) if indicator.levels else None,
        )
        for indicator in plan.indicators
        if draw(st.booleans())
    ]
    return sakip.Dataset(agency=sakip.Agency(name="A"), plan=plan, realizations=realizations)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_reported())
def test_every_indicator_row_is_printed_once_under_its_group(dataset: sakip.Dataset) -> None:
    """Whatever the plan: a row per goal and objective, each indicator once, in the plan's order.

    A group's figure is the roll-up of its children's achievements, never counting one that is
    missing; with none computable it has no figure at all.
    """
    year = dataset.plan.start_year
    chapter = compute_chapter(dataset, year=year)
    plan = dataset.plan
    assert len(plan.goals) + len(plan.objectives) == len(chapter.groups)
    for key in GROUPED:
        table = chapter.report().table(key)
        items = [row[1].format() for level, row in table.printed() if level is RowLevel.ITEM]
        assert [indicator.name for indicator in plan.indicators] == items
        assert len(chapter.groups) == len(table.groups)
    for group in chapter.groups:
        computable = [child for child in group.children if child.computable]
        if group.rollup is None:
            assert [] == computable
        else:
            assert len(computable) == group.rollup.computed
            assert (
                group.rollup.value
                == sakip.rollup(
                    {c.code: c.achievement for c in computable if c.achievement is not None}
                ).value
            )
