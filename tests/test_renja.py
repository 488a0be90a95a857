"""The Permendagri 86/2017 Renja evaluation form against columns computed by hand."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

import sakip
from sakip.cli import main
from sakip.extra.renja_xlsx import read_renja_xlsx
from sakip.io import load
from sakip.io.errors import DataFileError
from sakip.present import render
from sakip.reasons import Missing, Reason
from sakip.renja import RenjaEvaluation, renja_evaluation
from sakip.renja_table import renja_report
from sakip.report import Cell, CellKind

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


# --- the form as a document, in every format -----------------------------------------------


@pytest.fixture(scope="module", params=["id", "en"])
def document(request: pytest.FixtureRequest, data: sakip.Dataset) -> sakip.report.Report:
    return renja_report(data, as_of="TW III 2024", lang=request.param)


def test_the_form_numbers_its_columns_with_k_and_rp(data: sakip.Dataset) -> None:
    table = renja_report(data, as_of="TW III 2024").table("renja-evaluation")
    keys = [column.key for column in table.columns]
    assert keys == [
        "1",
        "2",
        "3",
        "4",
        *(f"{n}-{kind}" for n in range(5, 15) for kind in ("K", "Rp")),
        "15",
    ]
    titles = [column.title for column in table.columns]
    assert titles[4] == "(5) Target Renstra akhir periode (2026) K"
    assert titles[5] == "(5) Target Renstra akhir periode (2026) Rp"
    assert titles[-1] == "(15) Unit penanggung jawab"
    assert table.title == (
        "Evaluasi terhadap Hasil Renja Perangkat Daerah Dinas Sosial Kabupaten Contoh "
        "Periode Pelaksanaan TW III 2024"
    )


def test_the_printed_cells_are_the_computed_figures(data: sakip.Dataset) -> None:
    table = renja_report(data, as_of="TW III 2024").table("renja-evaluation")
    program, activity, sub = table.rows
    shown = dict(zip((c.key for c in table.columns), program, strict=True))
    assert shown["3"].value == "Program 1.06 Program perlindungan dan jaminan sosial"
    assert (shown["5-K"].value, shown["7-K"].value, shown["7-Rp"].value) == (
        D(90),
        D(80),
        D(1200),
    )
    assert shown["11-K"] == Cell.blank()  # after the as-of quarter: empty, not 0, not missing
    assert shown["12-K"].value == D(82)
    assert shown["14-K"].format() == "91,11 %"
    assert shown["5-Rp"].kind is CellKind.MISSING
    assert shown["15"].value == "Dinas Sosial"
    row = dict(zip((c.key for c in table.columns), activity, strict=True))
    assert (row["13-K"].value, row["14-K"].format()) == (D(165), "41,25 %")
    assert row["9-Rp"].note == "realisasi anggaran TW II tidak dilaporkan"
    assert sub[3].value == "Jumlah paket yang disalurkan (paket)"
    assert [g.cells[1].value for g in table.groups] == ["S1 Meningkatnya pelayanan sosial"]


def test_the_footer(data: sakip.Dataset) -> None:
    said = renja_report(data, as_of="TW III 2024").tables[0].sentences
    assert said[0] == "Rata-rata capaian kinerja: 66,18 % (rata-rata kolom 14 dari 2 indikator)."
    assert said[1] == "Predikat kinerja: Sedang (skala permendagri-86-2017)."
    assert (
        "Faktor pendorong (Persentase PPKS yang memperoleh bantuan sosial): Pendamping"
        in (said[2])
    )
    assert said[-1].startswith("Catatan: kolom 12 dan 13 Persentase PPKS")
    later = renja_report(data, as_of="TW I 2025", lang="en").tables[0].sentences
    assert later[0].startswith("Average achievement: not computable (")
    assert "Supporting factors, obstacles and follow-up: none in the data." in later


def test_a_program_with_no_objective_and_a_range_print(data: sakip.Dataset) -> None:
    plan = sakip.IndicatorPlan(
        indicator="OC-1", targets={2024: 80}, end_target=sakip.TargetRange(85, 95)
    )
    summed = attrs.evolve(data.cascade[0].indicators[0], aggregation="sum")
    ranged = _item(data, "1.06", plans=[plan], indicators=[summed])
    orphan = sakip.CascadeItem(code="1.07", name="Program pemberdayaan sosial")
    changed = attrs.evolve(ranged, cascade=[*ranged.cascade, orphan])
    table = renja_report(changed, as_of="TW III 2024").tables[0]
    assert table.rows[0][4].value == "85–95"
    assert [g.cells[1].value for g in table.groups][-1] == "(tanpa sasaran)"
    assert table.rows[-1][3].value == ""
    assert not any(s.startswith("Catatan") for s in table.sentences)  # every one a sum


@pytest.mark.parametrize("name", ["text", "markdown", "html", "json", "xlsx", "docx"])
def test_every_format_prints_the_form(document: sakip.report.Report, name: str) -> None:
    shown = render(document, name)
    english = document.lang == "en"
    title = "Evaluation of the Results" if english else "Evaluasi terhadap Hasil Renja"
    head = "(14) Renstra achievement up to 2024 (%) K" if english else "(12) Realisasi"
    if name == "json":
        data = json.loads(shown)
        assert data["title"].startswith(title)
        assert data["tables"][0]["key"] == "renja-evaluation"
        assert len(data["tables"][0]["columns"]) == 25
        period = "Implementation period" if english else "Periode Pelaksanaan"
        assert data["heading"].startswith(period)
    elif name == "xlsx":
        book = load_workbook(io.BytesIO(shown))  # type: ignore[arg-type]
        sheet = book.worksheets[0]
        cells = [c.value for row in sheet.iter_rows() for c in row]
        assert any(isinstance(c, str) and c.startswith(head) for c in cells)
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.freeze_panes is not None
    elif name == "docx":
        shown_doc = docx.Document(io.BytesIO(shown))  # type: ignore[arg-type]
        heads = [cell.text for table in shown_doc.tables for cell in table.rows[0].cells]
        assert any(h.startswith(head) for h in heads)
        assert any(p.text.startswith(title) for p in shown_doc.paragraphs)
    else:
        assert title in shown
        assert "(14)" in shown
        assert head in shown or name == "text"  # text wraps a heading over lines


def test_the_command_writes_the_form(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["report", str(DATA), "--document", "renja-evaluation", "--as-of", "TW III 2024"]
    assert main(argv, out=out, err=err) == 0
    assert "PERIODE PELAKSANAAN TW III 2024" in out.getvalue()
    target = tmp_path / "renja.xlsx"
    assert main([*argv, "--format", "xlsx", "--output", str(target)], out=out, err=err) == 0
    assert target.stat().st_size > 0
    err = io.StringIO()
    assert main(argv[:4], out=out, err=err) == 2
    assert "--document renja-evaluation perlu --as-of" in err.getvalue()
    err = io.StringIO()
    assert main([*argv[:4], "--as-of", "Juni 2024"], out=out, err=err) == 2
    assert "'as_of' must be a quarter" in err.getvalue()
    err = io.StringIO()
    folder = ["report", str(tmp_path), "--document", "renja-evaluation", "--output", "x"]
    assert main(folder, out=out, err=err) == 2
    assert "--document hanya untuk satu berkas data" in err.getvalue()


# --- the form's XLSX read back --------------------------------------------------------------


def _quarterly(dataset: sakip.Dataset) -> set[tuple[str, int | None, D]]:
    return {(r.indicator, r.quarter, r.value) for r in dataset.realizations if r.year == 2024}


def test_the_xlsx_reads_back_into_the_dataset(data: sakip.Dataset, tmp_path: Path) -> None:
    """Round trip: the quarters printed (K and Rp) are the quarters read, to TW III."""
    path = tmp_path / "renja.xlsx"
    path.write_bytes(render(renja_report(data, as_of="TW III 2024"), "xlsx"))  # type: ignore[arg-type]
    emptied = attrs.evolve(
        data,
        realizations=[r for r in data.realizations if r.quarter is None],
        budget=[attrs.evolve(line, quarterly_spent=()) for line in data.budget],
    )
    read = read_renja_xlsx(path, emptied, year=2024)
    expected = {(c, q, v) for c, q, v in _quarterly(data) if q != 4}  # TW IV was not printed
    assert _quarterly(read) == expected
    assert [line.quarterly_spent for line in read.budget] == [
        (D(100), D(200), D(300)),
        (D(50),),
    ]
    again = read_renja_xlsx(path, data, year=2024)  # what it holds, unchanged
    assert _quarterly(again) == _quarterly(data)
    assert again.budget == data.budget


def test_every_bad_cell_is_reported_and_every_good_one_kept(
    data: sakip.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "renja.xlsx"
    book = load_workbook(io.BytesIO(render(renja_report(data, as_of="TW III 2024"), "xlsx")))  # type: ignore[arg-type]
    sheet = book.worksheets[0]
    sheet.cell(row=5, column=17, value=88)  # OC-1, TW IV K
    sheet.cell(row=5, column=18, value="1.250,5")  # the program's TW IV Rp, Indonesian notation
    sheet.cell(row=6, column=11, value="dua puluh")  # OP-1, TW I K
    sheet.cell(row=7, column=4, value="Jumlah paket (buah)")  # no such indicator
    sheet.insert_rows(8)
    sheet.cell(row=8, column=3, value="Program 9.99 Tidak ada")
    book.save(path)
    with pytest.raises(DataFileError) as caught:
        read_renja_xlsx(path, data, year=2024)
    problems = caught.value.exceptions
    assert [(p.sheet, p.row, p.column) for p in problems] == [
        ("1", 6, "(8) Realisasi TW I K"),
        ("1", 7, "(4) Indikator kinerja (satuan)"),
        ("1", 8, "(3) Program/Kegiatan/Sub Kegiatan"),
    ]
    (kept,) = caught.value.rows
    assert ("OC-1", 4, D(88)) in _quarterly(kept)
    assert ("OP-1", 1, D(20)) in _quarterly(kept)  # the bad cell leaves the dataset's value
    assert kept.budget[0].quarterly_spent == (D(100), D(200), D(300), D("1250.5"))


def test_an_item_without_indicators_reads_its_money(data: sakip.Dataset, tmp_path: Path) -> None:
    without = attrs.evolve(
        data, realizations=[r for r in data.realizations if r.indicator != "OC-1"], analyses=[]
    )
    bare = _item(without, "1.06", indicators=[], plans=[])
    path = tmp_path / "renja.xlsx"
    book = load_workbook(io.BytesIO(render(renja_report(bare, as_of="TW III 2024"), "xlsx")))  # type: ignore[arg-type]
    book.worksheets[0].cell(row=5, column=18, value=400)
    book.save(path)
    read = read_renja_xlsx(path, bare, year=2024)
    assert read.budget[0].quarterly_spent == (D(100), D(200), D(300), D(400))


def test_the_form_prints_k_figures_in_the_data_places(data: sakip.Dataset) -> None:
    """The data's places apply to every K figure but the achievement, which keeps 2."""
    placed = attrs.evolve(data, settings=sakip.Settings(places=2))
    table = renja_report(placed, as_of="TW III 2024").table("renja-evaluation")
    shown = dict(zip((c.key for c in table.columns), table.rows[0], strict=True))
    assert [shown[key].format() for key in ("5-K", "7-K", "12-K")] == ["90,00", "80,00", "82,00"]
    assert shown["7-Rp"].kind is CellKind.MONEY  # an amount is rupiah, whatever the places
    assert shown["14-K"].format() == "91,11 %"
    own = attrs.evolve(placed.cascade[0].indicators[0], places=0)
    item = attrs.evolve(placed.cascade[0], indicators=[own])
    whole = attrs.evolve(placed, cascade=[item, *placed.cascade[1:]])
    table = renja_report(whole, as_of="TW III 2024").table("renja-evaluation")
    assert table.rows[0][4].format() == "90"  # the indicator's own places come first
