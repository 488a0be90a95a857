"""The data file as a workbook: sheets written and read back, every bad cell placed."""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import Workbook, load_workbook

import sakip
from sakip import model
from sakip.cli import main
from sakip.extra.workbook import write_workbook
from sakip.io import DataFileError, LimitError, Limits, load, save
from sakip.io.errors import Problem
from sakip.io.workbook import (
    LAYOUT,
    Kind,
    dataset_sheets,
    decode_text,
    encode_text,
    enum_words,
    read_sheets,
)
from sakip.testing import datasets

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
BOOK = ROOT / "examples" / "dinsos-kota-metro-2024-buku-kerja.xlsx"
DINKES = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"


def _cells(dataset: sakip.Dataset | None) -> dict[str, list[list[object]]]:
    """The sheets as :func:`read_sheets` takes them: the header row, then the rows."""
    return {
        sheet.name: [[column.header for column in sheet.columns], *rows]
        for sheet, rows in dataset_sheets(dataset)
    }


def _problems(sheets: dict[str, list[list[object]]]) -> list[tuple[Any, ...]]:
    with pytest.raises(DataFileError) as caught:
        read_sheets(sheets, file="book.xlsx")
    return [
        (problem.sheet, problem.row, problem.column, problem.problem)
        for problem in caught.value.exceptions
    ]


def _row(sheets: dict[str, list[list[object]]], sheet: str, **cells: object) -> None:
    """Append a row to a sheet, its cells by column key."""
    part = next(part for part in LAYOUT if part.name == sheet)
    sheets[sheet].append([cells.get(column.key) for column in part.columns])


@pytest.fixture(scope="module")
def seed() -> sakip.Dataset:
    return load(SEED)


# --- the same dataset, TOML or workbook ---------------------------------------------------


@pytest.mark.parametrize("source", [SEED, DINKES])
def test_an_example_reads_back_the_same_from_its_workbook(source: Path, tmp_path: Path) -> None:
    """Saved as a workbook and loaded: the same Dataset, and the same bytes saved again."""
    dataset = load(source)
    target = tmp_path / "book.xlsx"
    save(dataset, target)
    assert dataset == load(target)
    again = tmp_path / "again.xlsx"
    save(load(target), again)
    assert target.read_bytes() == again.read_bytes()


def test_the_bundled_workbook_is_the_example(seed: sakip.Dataset) -> None:
    """examples/…xlsx is the TOML example as a workbook, byte for byte as save writes it."""
    assert seed == load(BOOK)
    assert write_workbook(seed) == BOOK.read_bytes()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_every_dataset_reads_back_from_its_workbook(dataset: sakip.Dataset) -> None:
    """load(save(x)) == x for a workbook: every text (control characters too) and number."""
    assert dataset == read_sheets(_cells(dataset))
    data = io.BytesIO(write_workbook(dataset))
    book = load_workbook(data, read_only=True)
    assert [sheet.title for sheet in book.worksheets][1:] == [part.name for part in LAYOUT]


def test_the_report_of_the_workbook_is_the_report_of_the_toml(tmp_path: Path) -> None:
    """`sakip report`, `audit` and `validate` read the workbook directly."""
    target = tmp_path / "book.xlsx"
    save(load(SEED), target)
    for command in (["report"], ["audit"], ["validate"]):
        out_toml, out_book = io.StringIO(), io.StringIO()
        code = main([*command, str(SEED)], out=out_toml, err=io.StringIO())
        assert code == main([*command, str(target)], out=out_book, err=io.StringIO())
        toml = out_toml.getvalue().replace(str(SEED), "F").replace(SEED.name, "F")
        assert toml == out_book.getvalue().replace(str(target), "F").replace(target.name, "F")


def test_numbers_a_spreadsheet_cannot_hold_are_written_as_text(seed: sakip.Dataset) -> None:
    """Sixteen digits, or trailing zeros a spreadsheet drops: an exact text, read back exactly."""
    values = [Decimal("94.6"), Decimal("70.00"), Decimal("0.1000000000000000055511151231257827")]
    realizations = tuple(
        model.Realization(indicator="IKU-1", year=2021, quarter=quarter, value=value)
        for quarter, value in enumerate(values, 1)
    )
    dataset = attrs.evolve(seed, realizations=realizations)
    sheet = {part.name: rows for part, rows in dataset_sheets(dataset)}["Realisasi"]
    assert [Decimal("94.6"), "70,00", "0,1000000000000000055511151231257827"] == [
        row[3] for row in sheet
    ]
    assert realizations == read_sheets(_cells(dataset)).realizations
    assert "70.00" == str(read_sheets(_cells(dataset)).realizations[1].value)


def test_texts_are_escaped_as_the_standard_says() -> None:
    assert "a_x000D_b_x0007_" == encode_text("a\rb\a")
    assert "x_x005F_x0041_" == encode_text("x_x0041_")
    assert "one_x000A_line" == encode_text("one\nline", lines=True)
    assert "one\nline" == encode_text("one\nline")
    for text in ("a\rb\a", "x_x0041_", "_x00", "\ufffe"):
        assert text == decode_text(encode_text(text))


def test_choices_are_written_in_indonesian() -> None:
    assert "positif" == enum_words(model.Polarity)[model.Polarity.POSITIVE]
    assert (
        "perangkat daerah" == enum_words(model.AgencyLevel)[model.AgencyLevel.REGIONAL_DEPARTMENT]
    )


def test_every_field_of_the_model_has_a_column() -> None:
    """A new field of the model fails here until its sheet declares it."""
    keys = {
        part.name: {column.key.partition(".")[0] for column in part.fields or part.columns}
        for part in LAYOUT
    }
    paths = [column.key for column in LAYOUT[0].fields]
    agency = {key.partition(".")[2] for key in paths if key.startswith("agency.")}
    plan = {key.partition(".")[2] for key in paths if key.startswith("plan.")}
    assert {f.name for f in attrs.fields(model.Agency)} == agency
    assert {f.name for f in attrs.fields(model.StrategicPlan)} - {
        "goals",
        "indicator_plans",
    } == plan
    settings = {key.partition(".")[2] for key in paths if key.startswith("settings.")}
    assert {f.name for f in attrs.fields(model.Settings)} == settings
    for cls, sheet, left in (
        (model.Goal, "Tujuan", {"objectives", "indicators"}),
        (model.Objective, "Sasaran", {"indicators"}),
        (model.Indicator, "Indikator", set()),
        (model.IndicatorPlan, "Target", set()),
        (model.Realization, "Realisasi", set()),
        (model.BudgetLine, "Anggaran", {"children"}),
        (
            model.PerformanceAgreement,
            "Perjanjian Kinerja",
            {"budget", "targets", "revised_targets"},
        ),
        (model.NationalStandard, "Standar", set()),
        (model.StatedFigure, "Angka Dinyatakan", set()),
        (model.PeriodTarget, "Target Periode", set()),
        (model.CascadeItem, "Kaskade", {"indicators", "plans"}),
        (model.Indicator, "Indikator Kaskade", set()),
        (model.IndicatorPlan, "Target Kaskade", set()),
        (model.AuthorAnalysis, "Analisis", set()),
    ):
        fields = {f.name for f in attrs.fields(cls)} - left - {"from_counts"}
        assert fields <= keys[sheet] | {"targets", "value", "quarterly_spent"}, sheet
    assert {f.name for f in attrs.fields(model.Dataset)} == {
        "agency",
        "plan",
        "realizations",
        "budget",
        "agreements",
        "standards",
        "stated",
        "cascade",
        "analyses",
        "settings",
        "period_targets",
    }, "a new part of the dataset needs its sheet"


# --- headers, sheets and cells as a person types them -------------------------------------


def test_english_headers_and_sheet_names_are_read(seed: sakip.Dataset) -> None:
    sheets = {
        part.english.upper(): [[column.english for column in part.columns], *rows]
        for part, rows in dataset_sheets(seed)
    }
    sheets["Instructions"] = [["anything"]]
    assert seed == read_sheets(sheets)


def test_cells_typed_the_ways_people_type_them(seed: sakip.Dataset) -> None:
    """Ranges as text, years as text, codes as numbers, ya/tidak, several codes per cell."""
    sheets = _cells(seed)
    _row(sheets, "Indikator", goal="T1", code=2024, name="Angka", unit="%", cumulative="ya")
    _row(sheets, "Target", indicator="2024", year="2025", target="60 s.d. 85")
    _row(sheets, "Target", indicator="2024", year=2026, target=" 90,5 ")
    _row(sheets, "Standar", indicator="2024", value="Tidak ada", source="SPM")
    sheets["Standar"].pop()
    _row(sheets, "Standar", indicator="2024", value=90, source="SPM")
    _row(sheets, "Angka Dinyatakan", kind="sum", stated="3", operands=3)
    _row(sheets, "Anggaran", code="X", name="Y", ceiling=10, indicators="2024\nIKU-1")
    sheets["Instansi"].append(["Misi", "Misi kedua"])
    dataset = read_sheets(sheets)
    assert model.TargetRange(Decimal(60), Decimal(85)) == dataset.plan.target("2024", 2025)
    assert model.Target(Decimal("90.5")) == dataset.plan.target("2024", 2026)
    assert dataset.plan.indicator("2024").cumulative
    assert (Decimal(3),) == dataset.stated[-1].operands
    assert ("2024", "IKU-1") == dataset.budget[-1].indicators
    assert "Misi kedua" == dataset.plan.missions[-1]


def test_a_hand_made_workbook_with_a_blank_row_and_column(tmp_path: Path) -> None:
    """Blank rows and cells are skipped; a row of several budget levels nests by parent code."""
    book = Workbook()
    fields = book.active
    assert fields is not None
    fields.title = "Instansi"
    for row in (
        ["Isian", "Nilai"],
        ["Format", "sakip-dataset"],
        ["Versi", "1"],
        ["Nama instansi", "Dinas Contoh"],
        [],
        ["Nama Renstra", "Renstra"],
        ["Tahun awal Renstra", 2021],
        ["Tahun akhir Renstra", 2026],
    ):
        fields.append(row)
    goals = book.create_sheet("Tujuan")
    goals.append(["Kode tujuan", None, "Tujuan"])
    goals.append(["T1", None, "Tujuan satu"])
    budget = book.create_sheet("anggaran")
    budget.append(["Kode", "Kode induk", "Nama", "Pagu", "Tingkat"])
    budget.append(["P", None, "Program", 100, "program"])
    budget.append(["K", "P", "Kegiatan", 60, "kegiatan"])
    budget.append(["S", "K", "Sub", 30, "sub kegiatan"])
    budget.append(["K2", "P", "Kegiatan dua", 40, "kegiatan"])
    budget.append(["P2", None, "Program dua", 5, "program"])
    book.create_sheet("Kosong")
    target = tmp_path / "hand.xlsx"
    book.save(target)
    dataset = load(target)
    program = dataset.budget[0]
    assert ["K", "K2"] == [child.code for child in program.children]
    assert ["S"] == [child.code for child in program.children[0].children]
    assert "P2" == dataset.budget[1].code


def test_the_budget_of_an_agreement_and_its_quarters(seed: sakip.Dataset) -> None:
    sheets = _cells(seed)
    _row(sheets, "Perjanjian Kinerja", year=2023, indicator="IKU-1", target=90)
    _row(
        sheets,
        "Anggaran",
        agreement=2023,
        code="PK",
        name="Program PK",
        ceiling=5,
        **{"quarterly_spent.1": 1, "quarterly_spent.3": 2},
    )
    dataset = read_sheets(sheets)
    agreement = dataset.agreement(2023) if hasattr(dataset, "agreement") else None
    found = agreement or next(a for a in dataset.agreements if a.year == 2023)
    assert "PK" == found.budget[0].code
    assert (Decimal(1), None, Decimal(2)) == found.budget[0].quarterly_spent


# --- every bad cell, placed -----------------------------------------------------------------


def test_every_bad_cell_is_placed_by_sheet_row_and_column(seed: sakip.Dataset) -> None:
    sheets = _cells(seed)
    sheets["Indikator"][1][5] = "positip"
    sheets["Realisasi"][1][0] = "IKU-9"
    sheets["Realisasi"][2][3] = "abc"
    sheets["Realisasi"][2] += [None, None, None, "stray"]
    sheets["Target"][2][2] = "lots"
    sheets["Target"][3][1] = "20x4"
    sheets["Anggaran"][2][2] = "NOPE"
    _row(sheets, "Standar", indicator="IKU-1", value=1, source="SPM")
    sheets["Standar"][0][0] = "Kode indikatorr"
    sheets["Standar"][0][1] = "Kode indikator"
    sheets["Standar"][0][2] = "Kode indikator"
    sheets["Lain"] = [["x"]]
    problems = _problems(sheets)
    assert ("Indikator", 2, "Polaritas", Problem.INVALID_VALUE) in problems
    assert ("Realisasi", 2, "Kode indikator", Problem.UNKNOWN_INDICATOR) in problems
    assert ("Realisasi", 3, "Realisasi", Problem.INVALID_VALUE) in problems
    assert ("Realisasi", 3, "L", Problem.UNNAMED_CELL) in problems
    assert ("Target", 3, "Target", Problem.INVALID_VALUE) in problems
    assert ("Target", 4, "Tahun", Problem.INVALID_VALUE) in problems
    assert ("Anggaran", 3, "Kode induk", Problem.INVALID_VALUE) in problems
    assert ("Standar", 1, "Kode indikatorr", Problem.UNKNOWN_COLUMN) in problems
    assert ("Standar", 1, "Kode indikator", Problem.DUPLICATE_COLUMN) in problems
    assert ("Lain", None, "Lain", Problem.UNKNOWN_KEY) in problems


def test_the_person_reads_where_and_what_in_indonesian(seed: sakip.Dataset) -> None:
    sheets = _cells(seed)
    sheets["Anggaran"][2][2] = "NOPE"
    with pytest.raises(DataFileError) as caught:
        read_sheets(sheets, file="book.xlsx")
    assert (
        "book.xlsx: lembar Anggaran, baris 3, kolom Kode induk: `Kode induk` harus kode baris "
        "anggaran di atas baris ini, dalam anggaran yang sama (tertulis 'NOPE')"
    ) in caught.value.describe()
    assert "sheet Anggaran, line 3, column Kode induk" in caught.value.describe("en")


def test_rows_that_contradict_or_repeat(seed: sakip.Dataset) -> None:
    sheets = _cells(seed)
    _row(sheets, "Sasaran", goal=True, code="S8", name="S")
    _row(sheets, "Target", indicator="MISKIN", year=2024, target=5)
    _row(sheets, "Target", indicator="MISKIN", baseline=3)
    _row(sheets, "Target", indicator="MISKIN", baseline=3, year=2025, target=6)
    sheets["Standar"] = []
    miskin = len(sheets["Target"])
    _row(sheets, "Target", indicator="IKU-1", year=2024, target=1)  # a second 2024
    _row(sheets, "Target", indicator="IKU-1", baseline=5)  # a second baseline
    _row(sheets, "Target", indicator="IKU-1", target=5)  # a target without its year
    _row(sheets, "Target", indicator="IKU-1", year=2030, target=5, **{"target.low": 1})
    _row(sheets, "Perjanjian Kinerja", year=2030, indicator="IKU-1", signatory="One")
    _row(sheets, "Perjanjian Kinerja", year=2030, signatory="Another")
    _row(sheets, "Anggaran", agreement=1999, code="X", name="X", ceiling=1)
    _row(sheets, "Sasaran", goal="T9", code="S9", name="S")
    _row(sheets, "Indikator", goal="T9", code="I9", name="I", unit="%")
    _row(sheets, "Indikator", goal="T1", objective="S9", code="I8", name="I", unit="%")
    sheets["Instansi"].append(["Nama instansi", "Again"])
    sheets["Instansi"].append(["Nama instansii", "x"])
    sheets["Instansi"].append([17, "x"])
    problems = _problems(sheets)
    rows = len(sheets["Target"])
    assert ("Target", rows - 3, "Tahun", Problem.SECOND_ROW) in problems
    assert ("Target", rows - 2, "Kondisi awal", Problem.INVALID_VALUE) in problems
    assert ("Target", rows - 1, "Tahun", Problem.MISSING_KEY) in problems
    assert ("Target", rows, "Target", Problem.INVALID_VALUE) in problems
    assert not [p for p in problems if p[0] == "Target" and miskin - 2 <= p[1] <= miskin]
    signatory = ("Perjanjian Kinerja", len(sheets["Perjanjian Kinerja"]), "Penanda tangan")
    assert (*signatory, Problem.INVALID_VALUE) in problems
    assert ("Anggaran", len(sheets["Anggaran"]), "Tahun PK", Problem.INVALID_VALUE) in problems
    assert ("Sasaran", len(sheets["Sasaran"]), "Kode tujuan", Problem.INVALID_VALUE) in problems
    indicators = len(sheets["Indikator"])
    assert ("Indikator", indicators - 1, "Kode tujuan", Problem.INVALID_VALUE) in problems
    assert ("Indikator", indicators, "Kode sasaran", Problem.INVALID_VALUE) in problems
    fields = len(sheets["Instansi"])
    assert ("Instansi", fields - 2, "Isian", Problem.SECOND_ROW) in problems
    assert ("Instansi", fields - 1, "Nama instansii", Problem.UNKNOWN_KEY) in problems
    assert ("Instansi", fields, "17", Problem.UNKNOWN_KEY) in problems


def test_a_missing_field_names_its_row_or_its_label(seed: sakip.Dataset) -> None:
    sheets = _cells(seed)
    sheets["Instansi"] = [row for row in sheets["Instansi"] if row[0] != "Nama instansi"]
    assert [("Instansi", None, "Nama instansi", Problem.MISSING_KEY)] == _problems(sheets)
    sheets = _cells(None)
    problems = _problems(sheets)
    assert ("Instansi", 4, "Nama instansi", Problem.MISSING_KEY) in problems
    sheets["Instansi"] = [row for row in sheets["Instansi"] if row[0] != "Versi"]
    assert [("Instansi", None, "Versi", Problem.WRONG_HEADER)] == _problems(sheets)
    sheets["Instansi"].append(["Versi", 7])
    place = ("Instansi", len(sheets["Instansi"]), "Versi", Problem.UNSUPPORTED_VERSION)
    assert place in _problems(sheets)


def test_a_bad_goal_cell_is_placed_even_without_a_row_place() -> None:
    """A problem the workbook has no cell for keeps the data file's own place."""
    sheets = _cells(None)
    sheets["Tujuan"].append(["T1", None])
    problems = _problems(sheets)
    assert ("Tujuan", 2, "Tujuan", Problem.MISSING_KEY) in problems


# --- files: limits, templates, the command ------------------------------------------------


def test_a_hostile_workbook_is_refused_by_the_limits(tmp_path: Path) -> None:
    target = tmp_path / "big.xlsx"
    save(load(SEED), target)
    with pytest.raises(LimitError):
        load(target, limits=Limits(cells_per_sheet=10))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DataFileError) as caught:
        load(broken)
    assert Problem.NOT_XLSX is caught.value.exceptions[0].problem


def test_the_template_has_drop_downs_help_and_instructions() -> None:
    book = load_workbook(io.BytesIO(write_workbook(None)))
    assert "Petunjuk" == book.sheetnames[0]
    indicators = book["Indikator"]
    header = {cell.value: cell for cell in indicators[1]}
    assert "positif bila makin tinggi" in header["Polaritas"].comment.text
    lists = {
        str(validation.sqref).split(":")[0]: validation
        for validation in indicators.data_validations.dataValidation
    }
    assert '"positif,negatif"' == lists["F2"].formula1
    assert lists["I2"].formula1 == '"ya,tidak"'
    assert lists["C2"].prompt.startswith("Kode")
    fields = book["Instansi"]
    level = next(v for v in fields.data_validations.dataValidation if "B5" in str(v.sqref))
    assert "perangkat daerah" in level.formula1
    english = load_workbook(io.BytesIO(write_workbook(None, lang="en")))
    assert "Instructions" == english.sheetnames[0]
    assert "Polarity" == english["Indicators"]["F1"].value


def test_a_workbook_written_in_english_reads_back(tmp_path: Path) -> None:
    """Every sheet name an English workbook is written with is read, the new parts too."""
    dataset = load(ROOT / "tests" / "data" / "monitoring.toml")
    target = tmp_path / "english.xlsx"
    target.write_bytes(write_workbook(dataset, lang="en"))
    assert dataset == load(target)
    with zipfile.ZipFile(io.BytesIO(write_workbook(None))) as archive:
        assert {(1980, 1, 1, 0, 0, 0)} == {info.date_time for info in archive.infolist()}


def test_sakip_template_writes_the_workbook_and_the_toml(tmp_path: Path) -> None:
    book = tmp_path / "isian.xlsx"
    err = io.StringIO()
    assert 0 == main(["template", "--output", str(book)], out=io.StringIO(), err=err)
    assert f"templat ditulis ke {book}\n" == err.getvalue()
    assert write_workbook(None) == book.read_bytes()
    err = io.StringIO()
    assert 2 == main(["template", "--output", str(book)], out=io.StringIO(), err=err)
    assert err.getvalue().startswith("sakip template: ")
    toml = tmp_path / "data.toml"
    arguments = ["template", "--format", "toml", "--output", str(toml)]
    assert 0 == main(arguments, out=io.StringIO(), err=io.StringIO())
    assert load(toml).agency.name
    err = io.StringIO()
    assert 2 == main(["validate", str(book)], out=io.StringIO(), err=err)
    assert "lembar Instansi, baris 4, kolom Nama instansi" in err.getvalue()


def test_without_openpyxl_the_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "book.xlsx"
    save(load(SEED), target)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(sakip.MissingDependencyError):
        load(target)
    with pytest.raises(sakip.MissingDependencyError):
        save(load(SEED), tmp_path / "other.xlsx")
    err = io.StringIO()
    assert 2 == main(
        ["template", "--output", str(tmp_path / "t.xlsx")], out=io.StringIO(), err=err
    )
    assert "sakip[excel]" in err.getvalue()
    err = io.StringIO()
    assert 2 == main(["validate", str(target)], out=io.StringIO(), err=err)
    assert err.getvalue().startswith(f"{target}: modul openpyxl belum terpasang")


def test_save_refuses_what_is_not_a_dataset(tmp_path: Path) -> None:
    with pytest.raises(sakip.InvalidValueError):
        save("not a dataset", tmp_path / "x.xlsx")  # type: ignore[arg-type]


def test_every_kind_is_used() -> None:
    used = {column.kind for part in LAYOUT for column in (*part.columns, *part.fields)}
    assert set(Kind) == used


def test_an_agreement_without_targets_and_a_plan_without_years(seed: sakip.Dataset) -> None:
    """An item with nothing in its rows' sheet is one row of its own, written and read."""
    sheets = _cells(seed)
    _row(sheets, "Perjanjian Kinerja", year=2031)
    _row(sheets, "Target", indicator="MISKIN")
    dataset = read_sheets(sheets)
    assert () == next(a for a in dataset.agreements if a.year == 2031).targets
    assert dataset == read_sheets(_cells(dataset))


def test_the_new_parts_read_back_and_their_bad_cells_are_placed() -> None:
    """The cascade, analyses, period targets, settings and PK-P: read back, bad cells placed."""
    monitoring = load(ROOT / "tests" / "data" / "monitoring.toml")
    agreement = model.PerformanceAgreement(
        year=2024,
        targets={"IKU-1": 90, "IKU-2": 80},
        revised_targets={"IKU-2": model.TargetRange(70, 75), "IKU-1": 85},
        revised_on=date(2024, 7, 1),
    )
    revised = attrs.evolve(
        monitoring, agreements=(agreement,), settings=model.Settings(scale="sakip-predicate")
    )
    assert revised == read_sheets(_cells(revised))
    sheets = _cells(revised)
    _row(sheets, "Target Periode", indicator="IKU-1", year=2024, quarter=5, target=1)
    _row(sheets, "Perjanjian Kinerja", year=2024, indicator="IKU-2", revised_target=1)
    problems = _problems(sheets)
    # the data file names the item, not the field, for a period out of range
    assert ("Target Periode", 10, None, Problem.INVALID_VALUE) in problems
    assert ("Perjanjian Kinerja", 6, "Kode indikator", Problem.SECOND_ROW) in problems
    cascade = _cells(load(ROOT / "tests" / "data" / "cascade.toml"))
    cascade["Indikator Kaskade"][1][0] = "9.99"
    cascade["Target Kaskade"][1][3] = "banyak"
    _row(cascade, "Analisis", indicator="IKU-1", year="dua ribu")
    _row(cascade, "Target Kaskade", item="1.6", indicator="OC-1", year=2025, target=1)
    problems = _problems(cascade)
    assert ("Indikator Kaskade", 2, "Kode program/kegiatan", Problem.INVALID_VALUE) in problems
    assert ("Target Kaskade", 2, "Target", Problem.INVALID_VALUE) in problems
    assert ("Analisis", 3, "Tahun", Problem.INVALID_VALUE) in problems
    assert ("Target Kaskade", 6, "Kode program/kegiatan", Problem.INVALID_VALUE) in problems
