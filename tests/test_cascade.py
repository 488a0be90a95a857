"""The cascade below the objectives (program, kegiatan, sub kegiatan) and the author's analysis."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import sakip
import sakip.io
from sakip.analysis.chapter import compute_chapter
from sakip.cascade import (
    CascadeFinding,
    FindingCode,
    LevelBudget,
    budget_checks,
    budget_line_of,
    cascade_absorption,
    cascade_rollup,
    check_cascade,
    indicator_achievement,
    item_achievement,
)
from sakip.io.errors import DataFileError, ItemKind, Problem
from sakip.model import BudgetLevel
from sakip.present import render
from sakip.reasons import Missing, Reason
from sakip.rollup import MEAN, Rollup
from sakip.testing import datasets

CASCADE = Path(__file__).parent / "data" / "cascade.toml"


@pytest.fixture(scope="module")
def data() -> sakip.Dataset:
    return sakip.io.load(CASCADE)


def _item(code: str, level: str = "program", **fields: object) -> sakip.CascadeItem:
    return sakip.CascadeItem(code=code, name=f"nama {code}", level=level, **fields)  # type: ignore[arg-type]


def _output(code: str) -> sakip.Indicator:
    return sakip.Indicator(code=code, name=f"indikator {code}", unit="orang")


# --- the model ------------------------------------------------------------------------------


def test_an_item_serves_what_its_level_serves() -> None:
    """A program serves objectives, an activity its program, a sub-activity its activity."""
    with pytest.raises(sakip.InvalidValueError, match="parent of program 1"):
        _item("1", parent="0")
    with pytest.raises(sakip.InvalidValueError, match=r"objectives of activity 1\.1"):
        _item("1.1", "kegiatan", objectives=["S1"])
    assert _item("1").parent_level is None
    assert BudgetLevel.PROGRAM is _item("1.1", "kegiatan").parent_level
    assert BudgetLevel.ACTIVITY is _item("1.1.1", "sub kegiatan").parent_level


def test_an_items_targets_are_of_its_own_indicators() -> None:
    """Its plans name its indicators, each once; a look-up by code finds one or says so."""
    plan = sakip.IndicatorPlan(indicator="OUT-1", targets={2024: 10})
    item = _item("1", indicators=[_output("OUT-1")], plans=[plan])
    assert plan == item.plan_for("OUT-1")
    with pytest.raises(sakip.NotFoundError, match="indicator plan of 1"):
        item.plan_for("OUT-2")
    with pytest.raises(sakip.NotFoundError, match="unknown indicator of 1 'OUT-9'"):
        _item("1", indicators=[_output("OUT-1")], plans=[attrs.evolve(plan, indicator="OUT-9")])
    with pytest.raises(sakip.InvalidValueError, match="indicator code"):
        _item("1", indicators=[_output("OUT-1"), _output("out-1")])


def test_the_dataset_checks_every_code_the_cascade_names(data: sakip.Dataset) -> None:
    """Objectives, parents of the right level, budget lines, years, codes used once."""
    program, activity = data.cascade[0], data.cascade[1]
    cases = [
        ([attrs.evolve(program, objectives=["S9"])], sakip.NotFoundError, "objective 'S9'"),
        ([program, attrs.evolve(activity, parent="9")], sakip.NotFoundError, "cascade item '9'"),
        ([program, activity, attrs.evolve(activity, code="x", level="sub kegiatan", parent="1.06",
                                        indicators=[], plans=[])],
         sakip.InvalidValueError, "the code of its activity"),
        ([attrs.evolve(program, budget="B-9")], sakip.NotFoundError, "budget line of 1.06"),
        ([program, program], sakip.InvalidValueError, "cascade item code"),
        ([attrs.evolve(program, indicators=[_output("IKU-1")], plans=[])],
         sakip.InvalidValueError, "indicator code"),
    ]  # fmt: skip
    for cascade, error, message in cases:
        with pytest.raises(error, match=message):
            attrs.evolve(data, cascade=cascade, analyses=[])
    late = sakip.IndicatorPlan(indicator="OC-1", targets={2030: 1})
    with pytest.raises(sakip.InvalidValueError, match=r"target year of OC-1 \(1.06\)"):
        attrs.evolve(data, cascade=[attrs.evolve(program, plans=[late])], analyses=[])


def test_the_dataset_checks_the_analyses(data: sakip.Dataset) -> None:
    """An analysis names a known indicator and known items, once per indicator and period."""
    one = data.analyses[0]
    with pytest.raises(sakip.NotFoundError, match="unknown indicator 'X'"):
        attrs.evolve(data, analyses=[attrs.evolve(one, indicator="X")])
    with pytest.raises(sakip.NotFoundError, match="cascade item '9'"):
        attrs.evolve(data, analyses=[attrs.evolve(one, programs=["9"])])
    with pytest.raises(sakip.InvalidValueError, match="one analysis per indicator and period"):
        attrs.evolve(data, analyses=[one, attrs.evolve(one, obstacles=None)])
    quarter = attrs.evolve(one, quarter=3)
    assert 2 == len(attrs.evolve(data, analyses=[one, quarter]).analyses)
    with pytest.raises(sakip.InvalidValueError, match="quarter"):
        attrs.evolve(one, quarter=5)


def test_look_ups_over_the_plan_and_the_cascade(data: sakip.Dataset) -> None:
    """Indicators of both, the item an indicator belongs to, children, analyses."""
    assert "orang" == data.indicator("OP-1").unit
    assert data.plan.indicator("IKU-1") == data.indicator("IKU-1")
    with pytest.raises(sakip.NotFoundError) as raised:
        data.indicator("OP-9")
    assert {"IKU-1", "OC-1", "OP-1", "OP-2"} == set(raised.value.available)
    assert data.owner_of("IKU-1") is None
    assert "1.06.01" == getattr(data.owner_of("OP-1"), "code", None)
    assert ["1.06"] == [item.code for item in data.children_of("S1")]
    assert ["1.06.01", "1.06.02"] == [item.code for item in data.children_of("1.06")]
    assert () == data.children_of("1.07")
    with pytest.raises(sakip.NotFoundError, match="objective 'S9'"):
        data.children_of("S9")
    with pytest.raises(sakip.NotFoundError, match="cascade item '9'"):
        data.cascade_item("9")
    assert data.analyses[0] == data.analysis_of("IKU-1", 2024)
    assert data.analysis_of("IKU-1", 2023) is None
    assert data.analysis_of("OP-1", 2024, 2) is None
    assert (D(120),) == tuple(r.value for r in data.realizations_of("OP-1"))
    assert ("supporting", "obstacles", "measures", "follow_up") == tuple(
        name for name, _ in data.analyses[0].texts
    )
    assert () == sakip.AuthorAnalysis(indicator="IKU-1", year=2024).texts


# --- the checks -----------------------------------------------------------------------------


def test_the_checks_list_what_a_reviewer_lists(data: sakip.Dataset) -> None:
    """An objective no program serves, a budget that differs, a program serving nothing."""
    found = check_cascade(data)
    assert [
        (FindingCode.OBJECTIVE_WITHOUT_PROGRAM, "S2", None),
        (FindingCode.BUDGET_DIFFERS, "1.06", BudgetLevel.PROGRAM),
        (FindingCode.BUDGET_DIFFERS, "1.06", BudgetLevel.PROGRAM),
        (FindingCode.PROGRAM_WITHOUT_OBJECTIVE, "1.07", BudgetLevel.PROGRAM),
    ] == [(f.code, f.subject, f.level) for f in found]
    assert [D(100), D(50)] == [f.check.difference for f in found[1:3] if f.check is not None]
    assert "sasaran S2 tidak didukung program mana pun" == found[0].explain()
    assert (
        "anggaran 1.06 berbeda dari jumlah anggaran di bawahnya: "
        "1.06 pagu: 600 + 300 = 900; tertulis 1.000: selisih 100"
    ) == found[1].explain()
    assert "program 1.07 serves no objective" == found[3].explain("en")
    assert "program 1.07 serves no objective" in repr(found[3])
    assert "program-without-objective" == found[3].to_dict()["code"]


def test_an_activity_or_sub_activity_with_nothing_above(data: sakip.Dataset) -> None:
    """Each orphan is listed by its level's words."""
    orphans = [
        _item("9.1", "kegiatan"),
        _item("9.1.1", "sub kegiatan"),
    ]
    found = check_cascade(attrs.evolve(data, cascade=[*data.cascade, *orphans]))
    said = [f.explain() for f in found if f.code is FindingCode.ACTIVITY_WITHOUT_PARENT]
    assert [
        "kegiatan 9.1 tidak berada di bawah program mana pun",
        "sub kegiatan 9.1.1 tidak berada di bawah kegiatan mana pun",
    ] == said
    alone = CascadeFinding(code=FindingCode.ACTIVITY_WITHOUT_PARENT, subject="x")
    assert "activity x is under no program" == alone.explain("en")


def test_no_cascade_no_finding() -> None:
    """Data that says nothing of its programs has no objective listed as unserved."""
    seed = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    assert () == check_cascade(seed)
    assert () == cascade_absorption(seed)


def test_budgets_are_compared_only_where_every_level_has_one(data: sakip.Dataset) -> None:
    """No line, no children, or a child without a line: no sum to compare."""
    assert 2 == len([c for c in budget_checks(data, "1.06") if not c.ok])
    assert () == budget_checks(data, "1.07")  # no line, no children
    assert () == budget_checks(data, "1.06.01")  # no children
    unbudgeted = attrs.evolve(data.cascade[2], budget=None)
    partial = attrs.evolve(data, cascade=[*data.cascade[:2], unbudgeted, data.cascade[3]])
    assert () == budget_checks(partial, "1.06")
    assert budget_line_of(partial, "1.06.02") is None
    matching = attrs.evolve(data.budget[0], ceiling=900, spent=800)
    fixed = attrs.evolve(data, budget=[matching, *data.budget[1:]])
    assert all(check.ok for check in budget_checks(fixed, "1.06"))
    assert FindingCode.BUDGET_DIFFERS not in {f.code for f in check_cascade(fixed)}


def test_a_budget_line_is_found_at_any_depth(data: sakip.Dataset) -> None:
    """An item may name a child line of the budget."""
    child = sakip.BudgetLine(code="B-child", name="anak", ceiling=10, spent=5)
    top = attrs.evolve(data.budget[0], children=[child])
    item = attrs.evolve(data.cascade[3], budget="B-child")
    nested = attrs.evolve(data, budget=[top, *data.budget[1:]], cascade=[*data.cascade[:3], item])
    assert child == budget_line_of(nested, "1.07")
    assert D(50) == cascade_absorption(nested)[3].absorption.value  # type: ignore[union-attr]


# --- absorption and roll-ups ----------------------------------------------------------------


def test_absorption_per_level(data: sakip.Dataset) -> None:
    """Each level's absorption, or why there is none; never a guessed 0."""
    found = cascade_absorption(data)
    assert ["85.00", "83.33", "100.00"] == [
        str(level.absorption.percent) for level in found[:3] if level.absorption is not None
    ]
    assert (
        LevelBudget(item="1.07", level=BudgetLevel.PROGRAM, line=None, absorption=None)
        == (found[3])
    )
    unspent = attrs.evolve(data.budget[1], spent=None)
    empty = attrs.evolve(data.budget[2], ceiling=0)
    other = attrs.evolve(data, budget=[data.budget[0], unspent, empty])
    reasons = [level.missing.reason for level in cascade_absorption(other)[1:3] if level.missing]
    assert [Reason.NO_SPENDING, Reason.ZERO_CEILING] == reasons
    assert "1.07: '—'" in repr(found[3])


def test_a_cascade_indicator_against_its_own_target(data: sakip.Dataset) -> None:
    """The item's target of the year; a missing one is said, a formula's refusal returned."""
    assert D("120.00") == getattr(indicator_achievement(data, "OP-1", 2024), "percent", None)
    no_target = indicator_achievement(data, "OP-1", 2025)
    assert isinstance(no_target, Missing)
    assert Reason.NO_TARGET == no_target.reason
    plans = [sakip.IndicatorPlan(indicator="OP-1", targets={2024: 100, 2023: 10})]
    earlier = attrs.evolve(data.cascade[1], plans=plans)
    other = attrs.evolve(data, cascade=[data.cascade[0], earlier, *data.cascade[2:]])
    no_real = indicator_achievement(other, "OP-1", 2023)
    assert isinstance(no_real, Missing)
    assert Reason.NO_REALIZATION == no_real.reason
    zero = [sakip.IndicatorPlan(indicator="OP-1", targets={2024: 0})]
    refused = attrs.evolve(data.cascade[1], plans=zero)
    other = attrs.evolve(data, cascade=[data.cascade[0], refused, *data.cascade[2:]])
    assert isinstance(indicator_achievement(other, "OP-1", 2024), sakip.UndefinedResultError)
    with pytest.raises(sakip.NotFoundError, match="indicator of the cascade 'IKU-1'"):
        indicator_achievement(data, "IKU-1", 2024)


def test_each_level_rolls_up_to_its_parent(data: sakip.Dataset) -> None:
    """Activities 120 % and 90 %... a program's own 100 %, its activities' mean 105 %."""
    program = cascade_rollup(data, "1.06", 2024)
    assert (D("105.00"), MEAN) == (program.percent, program.method)
    assert "(120,00 + 90,00) / 2 = 105,00 %" == program.explain()
    assert all(child.rollup is not None for child in program.children)
    assert D("100.00") == item_achievement(data, "1.06", 2024).percent
    objective = cascade_rollup(data, "S1", 2024)
    assert ["1.06"] == [child.code for child in objective.children]
    assert D("100.00") == objective.percent
    capped = cascade_rollup(data, "1.06", 2024, cap=100)
    assert D("95.00") == capped.percent
    weighted = cascade_rollup(data, "1.06", 2024, weights={"1.06.01": 1, "1.06.02": 3})
    assert D("97.50") == weighted.percent
    with pytest.raises(sakip.UndefinedResultError):
        cascade_rollup(data, "S2", 2024)  # no program serves it
    with pytest.raises(sakip.UndefinedResultError):
        item_achievement(data, "1.07", 2024)  # no indicator of its own


def test_a_child_that_cannot_be_computed_is_listed(data: sakip.Dataset) -> None:
    """An activity with no indicator is listed with its reason, not counted as 0."""
    bare = _item("1.06.03", "kegiatan", parent="1.06")
    other = attrs.evolve(data, cascade=[*data.cascade, bare])
    result = cascade_rollup(other, "1.06", 2024)
    assert (D("105.00"), ("1.06.03",)) == (result.percent, tuple(c.code for c in result.excluded))
    assert Reason.NO_COMPUTABLE_CHILD == getattr(result.excluded[0].missing, "reason", None)
    assert "tidak dihitung: 1.06.03" in result.explain()


def test_a_rollup_takes_rollups_as_children() -> None:
    """A level below counts with its uncapped mean; a cap applies to it too."""
    below = sakip.rollup({"a": sakip.achievement(realization=130, target=100)})
    result = sakip.rollup(
        {"x": below, "y": sakip.achievement(realization=80, target=100)}, cap=100
    )
    assert (D(90), below) == (result.value, result.children[0].rollup)
    assert isinstance(result.children[0].rollup, Rollup)


# --- the author's analysis in the chapter and the report ------------------------------------


def test_the_chapter_carries_the_analyses_of_its_year(data: sakip.Dataset) -> None:
    """The plan's indicators first, the year's before the quarters'; other years left out."""
    quarter = sakip.AuthorAnalysis(indicator="IKU-1", year=2024, quarter=2, measures="TW")
    cascade = sakip.AuthorAnalysis(indicator="OP-1", year=2024, supporting="sub")
    old = sakip.AuthorAnalysis(indicator="IKU-1", year=2023, supporting="lama")
    other = attrs.evolve(data, analyses=[cascade, quarter, old, data.analyses[0]])
    chapter = compute_chapter(other, year=2024)
    assert [("IKU-1", None), ("IKU-1", 2), ("OP-1", None)] == [
        (a.indicator, a.quarter) for a in chapter.analyses
    ]


def test_the_report_prints_the_analysis_as_written(data: sakip.Dataset) -> None:
    """Each line of each text a row, in the order of the aspects; then the programs."""
    table = sakip.build_report(data).table("analysis")
    assert ("3.7", "Tabel 3.7 Analisis capaian kinerja tahun 2024") == (
        table.number,
        table.caption,
    )
    rows = [tuple(cell.format() for cell in row[2:]) for row in table.rows]
    assert [
        ("2024", "Faktor pendukung", "Data PPKS diperbarui tiap triwulan."),
        ("2024", "Faktor penghambat", "Jumlah pendamping terbatas."),
        ("2024", "Faktor penghambat", "Sebagian PPKS berpindah alamat."),
        ("2024", "Upaya / solusi", "Penjangkauan bersama kelurahan."),
        ("2024", "Rencana tindak lanjut", "Menambah pendamping pada 2025."),
        (
            "2024",
            "Program pendukung",
            "1.06 Program perlindungan dan jaminan sosial; 1.06.01 Kegiatan rehabilitasi sosial",
        ),
    ] == rows
    assert {"Persentase PPKS yang tertangani"} == {row[1].format() for row in table.rows}
    english = sakip.build_report(data, lang="en").table("analysis")
    assert "Supporting factors" == english.rows[0][3].format()
    assert "The report author's analysis, printed as written" == english.rule


def test_a_quarter_and_blank_lines(data: sakip.Dataset) -> None:
    """A quarter's analysis prints its period; blank lines print nothing; no text no row."""
    quarter = sakip.AuthorAnalysis(
        indicator="OP-1", year=2024, quarter=2, obstacles="satu\n\n  \ndua", programs=["1.06"]
    )
    other = attrs.evolve(data, analyses=[quarter])
    rows = sakip.build_report(other).table("analysis").rows
    assert [
        ("TW II 2024", "satu"),
        ("TW II 2024", "dua"),
        ("TW II 2024", "1.06 Program perlindungan dan jaminan sosial"),
    ] == [(row[2].format(), row[4].format()) for row in rows]
    only_programs = attrs.evolve(data, analyses=[attrs.evolve(quarter, obstacles="")])
    assert 1 == len(sakip.build_report(only_programs).table("analysis").rows)


def test_no_analysis_no_table() -> None:
    """A report of data without analyses is the report it was."""
    seed = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    assert "analysis" not in [table.key for table in sakip.build_report(seed).tables]


@pytest.mark.parametrize("format", ["text", "markdown", "html", "json"])
def test_every_format_prints_the_analysis(data: sakip.Dataset, format: str) -> None:
    """The author's words reach every format as written."""
    shown = render(sakip.build_report(data), format)
    assert isinstance(shown, str)
    assert "Sebagian PPKS berpindah alamat." in shown
    assert "Faktor penghambat" in shown
    if format == "json":
        assert json.loads(shown)


@pytest.mark.parametrize("format", ["xlsx", "docx"])
def test_the_office_formats_print_the_analysis(data: sakip.Dataset, format: str) -> None:
    """The workbook and the Word document carry the words too."""
    pytest.importorskip("openpyxl" if format == "xlsx" else "docx")
    shown = render(sakip.build_report(data), format)
    assert isinstance(shown, bytes)
    with zipfile.ZipFile(io.BytesIO(shown)) as archive:
        text = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )
    assert "Sebagian PPKS berpindah alamat." in text


# --- the data file --------------------------------------------------------------------------


def test_the_fixture_round_trips(data: sakip.Dataset) -> None:
    """load(save(x)) == x, the cascade and the analyses included."""
    assert data == sakip.io.loads_toml(sakip.io.dumps_toml(data))
    assert data == sakip.io.loads_json(sakip.io.dumps_json(data))


def test_a_cascade_indicators_realization_is_a_row_of_the_table(data: sakip.Dataset) -> None:
    """Flat rows carry a cascade indicator with its item's target of the year."""
    from sakip.io.rows import table_rows

    rows = {row.code: row for row in table_rows(data)}
    assert (D(120), sakip.Target(100), "orang") == (
        rows["OP-1"].realization,
        rows["OP-1"].target,
        rows["OP-1"].unit,
    )


def test_a_summed_cascade_count_typed_with_a_thousands_point(data: sakip.Dataset) -> None:
    """A cascade indicator whose quarters add up is checked for 1.250 as plan ones are."""
    from sakip.validate import NoticeCode, check_dataset

    typed = sakip.Realization(indicator="OP-1", year=2023, value=D("1.250"))
    found = check_dataset(attrs.evolve(data, realizations=[*data.realizations, typed]))
    assert [("OP-1", D("1.250"))] == [
        (n.indicator, n.value) for n in found if n.code is NoticeCode.BARE_THOUSANDS
    ]


def test_unknown_codes_are_listed_with_the_nearest_one() -> None:
    """Every unknown objective, parent, budget line and program, each with its place."""
    text = CASCADE.read_text(encoding="utf-8")
    text = text.replace('objectives = ["S1"]', 'objectives = ["S9"]')
    text = text.replace(
        'parent = "1.06"\nbudget = "B-1.06.01"', 'parent = "1.6"\nbudget = "B-1.06.01"'
    )
    text = text.replace('budget = "B-1.06.02"', 'budget = "B-1.06.2"')
    text = text.replace('programs = ["1.06", "1.06.01"]', 'programs = ["1.06", "1.06.1"]')
    with pytest.raises(DataFileError) as raised:
        sakip.io.loads_toml(text)
    problems = raised.value.exceptions
    assert [Problem.UNKNOWN_CODE] * 4 == [p.problem for p in problems]
    assert [None, "1.06", "B-1.06.02", "1.06.01"] == [p.suggestion for p in problems]
    assert [ItemKind.CASCADE_ITEM] * 3 + [ItemKind.ANALYSIS] == [
        getattr(p.item, "kind", None) for p in problems
    ]
    said = raised.value.describe("en")
    assert "program/activity 1.06: objective code 'S9' is not in the data" in said
    assert (
        "analysis of IKU-1 2024: program/activity code '1.06.1' is not in the data; "
        "did you mean `1.06.01`?"
    ) in said
    assert "kode anggaran 'B-1.06.2' tidak ada dalam data; maksud Anda `B-1.06.02`?" in (
        raised.value.describe()
    )


def test_a_realization_may_name_a_cascade_indicator_only() -> None:
    """A cascade indicator's realization loads; an unknown code is still refused."""
    text = CASCADE.read_text(encoding="utf-8").replace(
        'indicator = "OP-2"\nyear', 'indicator = "OP-3"\nyear'
    )
    with pytest.raises(DataFileError) as raised:
        sakip.io.loads_toml(text)
    assert [Problem.UNKNOWN_INDICATOR] == [p.problem for p in raised.value.exceptions]


def test_an_analysis_without_a_year_is_counted() -> None:
    """An analysis whose year is missing is named by its number."""
    text = CASCADE.read_text(encoding="utf-8").replace(
        '[[analyses]]\nindicator = "IKU-1"\nyear = 2024\n', '[[analyses]]\nindicator = "IKU-1"\n'
    )
    with pytest.raises(DataFileError) as raised:
        sakip.io.loads_toml(text)
    assert "analysis number 1" in raised.value.describe("en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_every_generated_cascade_checks_and_rolls_up(dataset: sakip.Dataset) -> None:
    """Checks never raise; each level either rolls up over its children or says none can."""
    findings = check_cascade(dataset)
    codes = {item.code for item in dataset.cascade} | {o.code for o in dataset.plan.objectives}
    assert all(finding.subject in codes for finding in findings)
    assert len(dataset.cascade) == len(cascade_absorption(dataset))
    year = dataset.plan.start_year
    for code in [item.code for item in dataset.cascade]:
        children = [child.code for child in dataset.children_of(code)]
        try:
            result = cascade_rollup(dataset, code, year)
        except sakip.UndefinedResultError:
            continue
        assert children == [child.code for child in result.children]


def test_a_cascade_indicator_measured_in_levels(data: sakip.Dataset) -> None:
    """A level indicator of the cascade is rated by its level rule.

    The year's level, else the latest quarter's; none is said; a formula that is no level
    rule is returned, not raised.
    """
    opinion = sakip.Indicator(code="OP-L", name="Opini", unit="opini", levels="opini-bpk")
    target = sakip.parse_target("WTP", scale="opini-bpk")
    plans = [sakip.IndicatorPlan(indicator="OP-L", targets={2024: target, 2023: target})]
    item = attrs.evolve(data.cascade[1], indicators=[opinion], plans=plans)
    quarters = [
        sakip.Realization(indicator="OP-L", year=2024, quarter=quarter, level=level)
        for quarter, level in ((1, "TMP"), (2, "WDP"))
    ]
    other = attrs.evolve(
        data,
        cascade=[data.cascade[0], item, *data.cascade[2:]],
        realizations=[r for r in data.realizations if r.indicator != "OP-1"] + quarters,
        analyses=[a for a in data.analyses if a.indicator != "OP-1"],
    )
    found = indicator_achievement(other, "OP-L", 2024)
    assert isinstance(found, sakip.LevelAchievement)
    assert ("WDP", D("75.00")) == (found.realization, found.percent)
    none = indicator_achievement(other, "OP-L", 2023)
    assert isinstance(none, Missing)
    assert Reason.NO_REALIZATION == none.reason
    wrong = attrs.evolve(opinion, formula="direct")
    item = attrs.evolve(item, indicators=[wrong])
    other = attrs.evolve(other, cascade=[data.cascade[0], item, *data.cascade[2:]])
    assert isinstance(indicator_achievement(other, "OP-L", 2024), sakip.SakipError)


def test_a_budget_line_without_a_code_is_reported_beside_the_cascades_codes() -> None:
    """A line with no code is its own problem; the codes the cascade names are still checked."""
    text = CASCADE.read_text(encoding="utf-8") + '\n[[budget]]\nname = "Tanpa kode"\nceiling = 1\n'
    with pytest.raises(DataFileError) as raised:
        sakip.io.loads_toml(text)
    assert Problem.MISSING_KEY in [p.problem for p in raised.value.exceptions]
