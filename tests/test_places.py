"""The places an indicator's figures print with: argument > indicator > dataset > as typed."""

from __future__ import annotations

import decimal
import io
import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import sakip
from sakip import render
from sakip.analysis.chapter import compute_chapter
from sakip.analysis.settings import fixed_places, overridden, places_of
from sakip.cli import main
from sakip.io import DataFileError, dumps_json, dumps_toml, load, loads_json, loads_toml, save
from sakip.report import Report, Table
from sakip.text.writer import Writer
from tests.edits import with_indicator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
DINKES = ROOT / "examples" / "dinkes-kabupaten-contoh-2025.toml"


@pytest.fixture
def seed() -> sakip.Dataset:
    return load(SEED)


def _with_realization(data: sakip.Dataset, code: str, year: int, value: str) -> sakip.Dataset:
    """The dataset with one year's realization of an indicator replaced."""
    kept = [r for r in data.realizations if (r.indicator, r.year) != (code, year)]
    made = sakip.Realization(indicator=code, year=year, value=D(value))
    return attrs.evolve(data, realizations=[*kept, made])


def _places(data: sakip.Dataset, places: int) -> sakip.Dataset:
    return attrs.evolve(data, settings=sakip.Settings(places=places))


def _row(table: Table, name: str) -> list[str]:
    """The printed cells of the indicator row named ``name``."""
    return next([cell.format() for cell in row] for row in table.rows if row[1].value == name)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


PPKS = "Persentase PPKS yang tertangani"

# --- precedence and validation ----------------------------------------------------------------


def test_an_argument_beats_the_indicator_which_beats_the_dataset(seed: sakip.Dataset) -> None:
    """places_of: argument, else the indicator's own, else the dataset's, else none."""
    indicator = seed.plan.indicator("IKU-1")
    assert places_of(seed, indicator) is None
    data = _places(seed, 2)
    assert 2 == places_of(data, data.plan.indicator("IKU-1"))
    data = with_indicator(data, "IKU-1", places=0)
    assert 0 == places_of(data, data.plan.indicator("IKU-1"))
    assert 2 == places_of(data, data.plan.indicator("SAKIP"))
    assert 4 == places_of(data, data.plan.indicator("IKU-1"), 4)
    assert 2 == places_of(data)
    assert {"IKU-1": 0, "SAKIP": 2, "MISKIN": 2} == fixed_places(data)
    assert {"IKU-1": 5, "SAKIP": 5, "MISKIN": 5} == fixed_places(data, 5)
    assert {} == fixed_places(seed)


@pytest.mark.parametrize("bad", [-1, 7, True, 2.0, "2", D(2)])
def test_places_must_be_a_whole_number_from_0_to_6(seed: sakip.Dataset, bad: object) -> None:
    """The settings, an indicator and an argument refuse anything else, naming it."""
    expected = "a whole number of decimal places from 0 to 6"
    with pytest.raises(sakip.InvalidValueError, match=expected) as raised:
        sakip.Settings(places=bad)  # type: ignore[arg-type]  # the point of the test
    assert bad == raised.value.value
    with pytest.raises(sakip.InvalidValueError, match=expected):
        attrs.evolve(seed.plan.indicator("IKU-1"), places=bad)
    with pytest.raises(sakip.InvalidValueError, match=expected):
        sakip.build_report(seed, places=bad)  # type: ignore[arg-type]
    with pytest.raises(sakip.InvalidValueError, match=expected):
        overridden(seed, places=bad)  # type: ignore[arg-type]


def test_overridden_writes_the_places_at_every_level(seed: sakip.Dataset) -> None:
    """An argument, written into the data, wins over an indicator's own places."""
    data = with_indicator(seed, "IKU-1", places=0)
    changed = overridden(data, places=3)
    assert 3 == changed.settings.places
    assert 3 == changed.plan.indicator("IKU-1").places


# --- the report -------------------------------------------------------------------------------


def test_without_places_the_report_is_as_before(seed: sakip.Dataset) -> None:
    """No places anywhere: every figure prints as the data gives it (the golden files hold)."""
    assert render.to_text(sakip.build_report(seed)) == render.to_text(
        sakip.build_report(seed, places=None)
    )
    assert ["3", PPKS, "%", "94,6", "95", "100,42 %", "Sangat Tinggi"] == _row(
        sakip.build_report(seed).tables[0], PPKS
    )


def test_two_places_pad_every_figure_and_keep_the_achievement(seed: sakip.Dataset) -> None:
    """places=2 prints 95 as 95,00 and 94,6 as 94,60; the achievement stays 100,42 %."""
    report = sakip.build_report(_places(seed, 2))
    assert ["3", PPKS, "%", "94,60", "95,00", "100,42 %", "Sangat Tinggi"] == _row(
        report.tables[0], PPKS
    )
    assert any("realisasi 95,00 terhadap target 94,60" in s for s in report.tables[0].sentences)
    chapter = compute_chapter(seed)
    assert _row(chapter.report(places=2).tables[0], PPKS) == _row(report.tables[0], PPKS)


def test_no_places_round_half_up_in_any_decimal_context(seed: sakip.Dataset) -> None:
    """places=0 prints 95,5 as 96 and 94,6 as 95, whatever the caller's context."""
    data = _places(_with_realization(seed, "IKU-1", 2024, "95.5"), 0)
    with decimal.localcontext() as context:
        context.prec, context.rounding = 3, decimal.ROUND_FLOOR
        report = sakip.build_report(data)
    row = _row(report.tables[0], PPKS)
    assert ["95", "96"] == row[3:5]
    # computed from the exact 95,5 and 94,6, never from the printed 96 and 95
    assert "100,95 %" == row[5]


def test_an_indicators_places_beat_the_datasets(seed: sakip.Dataset) -> None:
    """IKU-1 at 1 place, the rest at 3; an argument puts both at 0."""
    data = with_indicator(_places(seed, 3), "IKU-1", places=1)
    table = sakip.build_report(data).tables[0]
    assert ["94,6", "95,0"] == _row(table, PPKS)[3:5]
    assert ["68,140", "69,160"] == _row(table, "Nilai SAKIP Kota Metro")[3:5]
    table = sakip.build_report(data, places=0).tables[0]
    assert ["95", "95"] == _row(table, PPKS)[3:5]


def test_changes_gaps_and_projections_print_in_the_places(seed: sakip.Dataset) -> None:
    """Tables (b) and (c) and their sentences: the years, the change, the gap, the projection."""
    report = sakip.build_report(_places(seed, 1))
    years = _row(report.tables[1], "Nilai SAKIP Kota Metro")
    assert ["68,0", "68,5", "69,2", "0,7"] == years[2:6]
    end = _row(report.tables[2], "Nilai SAKIP Kota Metro")
    assert ["69,2", "70,0", "0,8", "98,80 %"] == end[3:7]
    assert "70,2" == end[8]
    [sentence] = [s for s in report.tables[2].sentences if "Nilai SAKIP" in s]
    assert "(69,2) masih kurang 0,8 dari target akhir Renstra 2026 (70,0)" in sentence
    assert "proyeksi 2026 sebesar 70,2" in sentence
    baseline = _row(report.tables[2], PPKS)[2]
    assert "81,8" == baseline


def test_a_range_and_a_comparator_print_their_bounds_in_the_places() -> None:
    """``≥ 98`` prints ``≥ 98,00``; the national standard beside a realization too."""
    data = _places(load(DINKES), 2)
    report = sakip.build_report(data)
    targets = [row[3].format() for row in report.tables[0].rows]
    assert any(t.startswith("≥ ") and t.endswith(",00") for t in targets)
    standards = [row[3].format() for row in report.tables[3].rows if row[3].format() != "—"]
    assert standards
    assert all("," in s and len(s.rsplit(",", 1)[1]) == 2 for s in standards if s[-1].isdigit())


def test_the_monitoring_table_prints_in_the_places() -> None:
    """Every quarter's target, realization, total to date and projection: 3 places."""
    report = sakip.build_report(load(DINKES), as_of="TW II 2025", places=3)
    table = report.table("monitoring")
    numbers = [c for row in table.rows for c in row if c.kind is sakip.report.CellKind.NUMBER]
    assert numbers
    assert all(3 == c.places for c in numbers)
    assert "realisasi Angka Kematian Bayi 14,655" in " ".join(table.sentences)
    assert "dari target tahun 15,500" in " ".join(table.sentences)


def test_the_writer_gives_an_indicators_places_or_the_default() -> None:
    """A set indicator prints to its places; any other as before (2 for computed figures)."""
    w = Writer("id", frozenset({("B", 2024)}), {"A": 1})
    assert 1 == w.places("A", D("95"), 2024)
    assert 2 == w.places("B", D("95.125"), 2024)
    assert w.places("C", D("95.125"), 2024) is None
    assert "60,0–85,0" == w.target(sakip.parse_target("60-85"), "A")
    assert "60–85" == w.target(sakip.parse_target("60-85"))


# --- every format -----------------------------------------------------------------------------


@pytest.fixture
def padded(seed: sakip.Dataset) -> Report:
    return sakip.build_report(_places(seed, 2))


def test_text_markdown_and_html_show_the_places(padded: Report) -> None:
    """The padded 95,00 and 94,60 appear in every text format."""
    for text in (render.to_text(padded), render.to_markdown(padded), render.to_html(padded)):
        assert "94,60" in text
        assert "95,00" in text


def test_json_carries_the_printed_text_and_the_exact_value(padded: Report) -> None:
    """A cell's ``text`` is as printed (95,00), its ``value`` exact (95)."""
    data = json.loads(render.to_json(padded))
    cells = [cell for row in data["tables"][0]["rows"] for cell in row]
    assert {"kind": "number", "text": "95,00", "value": "95"}.items() <= next(
        cell for cell in cells if cell.get("text") == "95,00"
    ).items()


def test_xlsx_stores_the_printed_figure_with_its_places(padded: Report) -> None:
    """The spreadsheet shows 95 with a format of two decimals; 94,6 too."""
    book = load_workbook(io.BytesIO(render.to_xlsx(padded)))
    target, realization = book["3.1"]["D8"], book["3.1"]["E8"]
    assert (94.6, "#,##0.00") == (target.value, target.number_format)
    assert (95, "#,##0.00") == (realization.value, realization.number_format)


def test_xlsx_stores_the_figure_rounded_as_printed(seed: sakip.Dataset) -> None:
    """At 0 places the cell holds 95 for 94,6, so that a sum in the sheet adds what it shows."""
    book = load_workbook(io.BytesIO(render.to_xlsx(sakip.build_report(_places(seed, 0)))))
    assert (95, "#,##0") == (book["3.1"]["D8"].value, book["3.1"]["D8"].number_format)


def test_word_shows_the_places(padded: Report) -> None:
    """The Word chapter prints the padded figures."""
    docx = pytest.importorskip("docx")
    from sakip.extra.docx import to_docx

    document = docx.Document(io.BytesIO(to_docx(padded)))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "94,60" in texts
    assert "95,00" in texts


# --- the command line -------------------------------------------------------------------------


def test_the_command_prints_the_places_as_the_api_does() -> None:
    """``sakip report --places 2`` is build_report(places=2)."""
    code, out, _ = _run("report", str(SEED), "--places", "2")
    assert (0, render.to_text(sakip.build_report(load(SEED), places=2))) == (code, out)


@pytest.mark.parametrize("value", ["7", "-1", "dua"])
def test_a_bad_places_on_the_command_line_exits_2(value: str) -> None:
    """A value outside 0..6: exit status 2, the option named, nothing printed."""
    code, out, err = _run("report", str(SEED), f"--places={value}")
    assert (2, "") == (code, out)
    assert "argumen --places: " in err
    assert value in err


def test_places_are_for_one_data_file(tmp_path: Path) -> None:
    """A folder of agencies refuses --places, as it refuses --cap."""
    folder = tmp_path / "many"
    folder.mkdir()
    code, out, err = _run(
        "report", str(folder), "--output", str(tmp_path / "out"), "--places", "2"
    )
    assert (2, "") == (code, out)
    assert "sakip report: --places hanya untuk satu berkas data" in err


def test_the_command_line_beats_the_files_places(tmp_path: Path) -> None:
    """A file at 2 places prints 95,00; ``--places 0`` prints 95."""
    path = tmp_path / "places.toml"
    path.write_text(
        SEED.read_text(encoding="utf-8").replace("version = 1", "version = 2")
        + "\n[settings]\nplaces = 2\n",
        encoding="utf-8",
    )
    _, two, _ = _run("report", str(path))
    assert "94,60" in two
    _, none, _ = _run("report", str(path), "--places", "0")
    assert "94,60" not in none
    assert "94,6" not in none


# --- the audit --------------------------------------------------------------------------------


def _achievement(stated: str, operands: list[str]) -> sakip.StatedFigure:
    """A stated achievement of IKU-1 in 2024 from its printed realization and target."""
    return sakip.StatedFigure(
        kind="achievement", stated=stated, operands=operands, indicator="IKU-1", year=2024
    )


def test_printed_operands_stand_for_the_exact_figures_at_the_places(seed: sakip.Dataset) -> None:
    """95,5 against 94,6 printed at 0 places as 96 and 95: the printed 100,95 agrees."""
    data = _places(_with_realization(seed, "IKU-1", 2024, "95.5"), 0)
    figure = _achievement("100,95", ["96", "95"])
    assert sakip.audit.check(figure, data).agrees
    # without places the printed figures are the operands, and 96 / 95 is 101,05
    assert not sakip.audit.check(figure, _places(data, 2)).agrees
    plain = attrs.evolve(data, settings=sakip.Settings())
    assert not sakip.audit.check(figure, plain).agrees
    assert sakip.audit.audit(plain, [figure], places=0).ok


def test_an_operand_that_is_not_the_printed_figure_stays_as_stated(seed: sakip.Dataset) -> None:
    """A realization stated as 97 is no rounding of 95,5: the audit recomputes from 97."""
    data = _places(_with_realization(seed, "IKU-1", 2024, "95.5"), 0)
    figure = _achievement("102,54", ["97", "95"])
    finding = sakip.audit.check(figure, data)
    assert finding.agrees
    assert D("97") / D("94.6") * 100 == finding.value


def test_a_quarters_operands_are_taken_as_stated(seed: sakip.Dataset) -> None:
    """A quarter's achievement is not read against the year's exact figures."""
    data = _places(_with_realization(seed, "IKU-1", 2024, "95.5"), 0)
    figure = sakip.StatedFigure(
        kind="period-achievement",
        stated="101,05",
        operands=["96", "95"],
        indicator="IKU-1",
        year=2024,
        quarter=4,
    )
    assert sakip.audit.check(figure, data).agrees


def test_a_range_target_has_no_exact_figure_to_stand_for(seed: sakip.Dataset) -> None:
    """A year whose target is a range keeps the stated target; its realization is exact."""
    data = _places(_with_realization(seed, "IKU-1", 2024, "95.5"), 0)
    ranged = attrs.evolve(data.agreements[0], targets={"IKU-1": sakip.parse_target("90-100")})
    data = attrs.evolve(data, agreements=[ranged])
    figure = _achievement("95,50", ["96", "100"])
    assert sakip.audit.check(figure, data).agrees


def test_a_cascade_indicators_operands_are_taken_as_stated() -> None:
    """A program's indicator has no places in the report: its operands are the figures."""
    data = _places(load(DINKES), 0)
    code = data.cascade[0].indicators[0].code
    figure = sakip.StatedFigure(
        kind="achievement",
        stated="100,00",
        operands=["10", "10"],
        indicator=code,
        year=2025,
        polarity="positive",
    )
    assert sakip.audit.check(figure, data).agrees


def test_the_audit_command_takes_the_reports_places(tmp_path: Path) -> None:
    """``sakip audit --places 0`` recomputes with the report's places."""
    data = _with_realization(load(SEED), "IKU-1", 2024, "95.5")
    data = attrs.evolve(data, stated=[_achievement("100,95", ["96", "95"])])
    path = tmp_path / "data.toml"
    save(data, path)
    assert 1 == _run("audit", str(path))[0]
    assert 0 == _run("audit", str(path), "--places", "0")[0]


# --- the data file ----------------------------------------------------------------------------


def test_places_round_trip_in_toml_json_and_a_workbook(
    seed: sakip.Dataset, tmp_path: Path
) -> None:
    """``places`` in ``[settings]`` and on an indicator read back as written."""
    data = with_indicator(_places(seed, 2), "IKU-1", places=0)
    text = dumps_toml(data)
    assert "places = 2" in text
    assert "places = 0" in text
    assert data == loads_toml(text)
    assert data == loads_json(dumps_json(data))
    book = tmp_path / "data.xlsx"
    save(data, book)
    assert data == load(book)


def test_places_in_a_version_1_file_are_refused() -> None:
    """``places`` is version 2's: a version-1 file that has it is told so."""
    text = SEED.read_text(encoding="utf-8")
    assert 1 == text.count('code = "IKU-1"\n')
    with pytest.raises(DataFileError) as raised:
        loads_toml(text.replace('code = "IKU-1"\n', 'code = "IKU-1"\nplaces = 2\n'))
    [problem] = raised.value.exceptions
    assert "'places' is new in version 2 of the format" in str(problem)


@pytest.mark.parametrize("value", ["7", "-1", "1.5", "true"])
def test_a_bad_places_in_a_file_is_reported_at_its_place(value: str) -> None:
    """A bad value in ``[settings]`` is the one problem, naming the field and the value."""
    text = SEED.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    with pytest.raises(DataFileError) as raised:
        loads_toml(text + f"\n[settings]\nplaces = {value}\n")
    [problem] = raised.value.exceptions
    assert "settings" in str(problem)
    assert "places" in str(problem)


def test_a_bad_places_in_a_workbook_names_its_sheet_row_and_column(
    seed: sakip.Dataset, tmp_path: Path
) -> None:
    """A Desimal of 9 on the indicator sheet is reported with its sheet, row and column."""
    book = tmp_path / "data.xlsx"
    save(with_indicator(seed, "IKU-1", places=2), book)
    workbook = load_workbook(book)
    sheet = workbook["Indikator"]
    column = next(c.column for c in sheet[1] if c.value == "Desimal")
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column).value == 2)
    sheet.cell(row, column).value = 9
    workbook.save(book)
    with pytest.raises(DataFileError) as raised:
        load(book)
    said = str(raised.value.exceptions[0])
    assert "Indikator" in said
    assert "9" in said


@given(st.integers(min_value=0, max_value=6), st.decimals(-(10**6), 10**6, places=4))
def test_a_figure_prints_rounded_half_up_and_padded(places: int, value: D) -> None:
    """Every printed figure is the exact one rounded half-up to the places, all of them shown."""
    w = Writer("id", fixed={"A": places})
    printed = w.n(value, w.places("A", value))
    whole, _, decimals = printed.replace(".", "").partition(",")
    assert places == len(decimals)
    expected = value.quantize(D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
    assert abs(expected) == D(f"{whole.lstrip('-')}.{decimals or 0}")
