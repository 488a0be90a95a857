"""Flat tables: CSV and XLSX in and out, every bad cell reported, every good row kept."""

from __future__ import annotations

import contextlib
import csv
import decimal
import io
import os
import stat
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip.io import DataFileError, TableRow
from sakip.io._safe import atomic_write, atomic_writer, neutralise
from sakip.io.tables import (
    RESULT_COLUMNS,
    evaluate,
    read_csv,
    read_rows,
    read_table,
    read_xlsx,
    table_rows,
    write_csv,
    write_results,
    write_table,
    write_xlsx,
)
from tests.strategies import TARGET_TEXTS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
INVENTED = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"
SEED_CSV = ROOT / "examples" / "tables" / "dinsos-kota-metro.csv"

HEADER = ["Kode", "Indikator", "Polaritas", "Tahun", "Target", "Realisasi"]


def messages(read: sakip.io.TableRead) -> list[str]:
    return [str(error) for error in read.errors]


def workbook(path: Path, rows: list[list[Any]], title: str = "Data") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


# --- the seed, through every path ---------------------------------------------------------


def _scalar(row: TableRow) -> Decimal:
    assert row.realization is not None
    assert row.target is not None
    return sakip.achievement(
        realization=row.realization, target=row.target, polarity=row.polarity
    ).percent


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_seed_figures_from_toml_and_a_table_match_the_scalar_api(
    suffix: str, tmp_path: Path
) -> None:
    """The Kota Metro data file, written as a table and read back, gives the key figures."""
    dataset = sakip.io.load(SEED)
    path = tmp_path / f"seed{suffix}"
    write_table(table_rows(dataset), path)
    read = read_table(path).raise_for_errors()
    results = {(r.row.code, r.row.year): r for r in evaluate(read.rows)}
    assert (Decimal("100.42"), "Sangat Tinggi") == (
        results["IKU-1", 2024].percent,
        results["IKU-1", 2024].rating,
    )
    assert Decimal("101.50") == results["SAKIP", 2024].percent
    for result in results.values():
        if result.achievement is not None:
            assert _scalar(result.row) == result.percent
    direct = {(r.code, r.year): r for r in table_rows(dataset)}
    assert set(direct) == set(results)
    assert Decimal(13773) == results["IKU-1", 2024].row.numerator


def test_the_example_csv_reads_with_its_stated_figures() -> None:
    """The example CSV (Indonesian, ;-delimited) keeps the report's stated achievements."""
    read = read_table(SEED_CSV)
    assert () == read.errors
    stated = {(r.code, r.year): r.stated_achievement for r in read.rows}
    assert "101,1" == stated["IKU-1", 2024]
    assert "101,54" == stated["SAKIP", 2024]
    results = {(r.row.code, r.row.year): r for r in evaluate(read.rows)}
    assert "100,42" == results["IKU-1", 2024].printed
    assert "no target" == results["SAKIP", 2022].reason


def test_a_dataset_round_trips_through_both_table_formats(tmp_path: Path) -> None:
    """Rows written by write_table read back equal, ranges and quarters included."""
    rows = table_rows(sakip.io.load(INVENTED))
    for suffix in (".csv", ".xlsx"):
        write_table(rows, tmp_path / f"t{suffix}")
        read = read_table(tmp_path / f"t{suffix}").raise_for_errors()
        assert [r.line for r in read.rows] == list(range(2, len(rows) + 2))
        assert list(rows) == [attrs.evolve(row, line=None) for row in read.rows]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("value", ["1E-7", "1E+3", "-0.000012", "12345678901234567890.5", "1E+60"])
def test_numbers_with_an_exponent_round_trip(tmp_path: Path, suffix: str, value: str) -> None:
    """A decimal whose str() has an exponent is written so that it reads back equal."""
    row = TableRow(code="A", year=2024, realization=Decimal(value))
    write_table([row], tmp_path / f"t{suffix}")
    read = read_table(tmp_path / f"t{suffix}").raise_for_errors()
    assert [Decimal(value)] == [r.realization for r in read.rows]


def test_table_rows_prefer_the_agreement_target(tmp_path: Path) -> None:
    """A year's row takes the PK target, else the Renstra target; a quarter's row has none."""
    rows = {(r.code, r.year, r.quarter): r for r in table_rows(sakip.io.load(INVENTED))}
    assert sakip.Target(15) == rows["AKB", 2024, None].target
    assert sakip.Target(17) == rows["AKB", 2023, None].target
    assert None is rows["BUMIL", 2024, 1].target
    plain = sakip.io.loads_toml(
        'format = "sakip-dataset"\nversion = 1\n[agency]\nname = "a"\n[plan]\nname = "p"\n'
        'start_year = 2024\nend_year = 2024\n[[plan.goals]]\ncode = "T"\nname = "t"\n'
        '[[plan.goals.indicators]]\ncode = "X"\nname = "x"\nunit = "%"\n'
        '[[realizations]]\nindicator = "X"\nyear = 2024\nvalue = 5\n'
    )
    assert None is table_rows(plain)[0].target


# --- a dozen bad cells --------------------------------------------------------------------

BAD_WORKBOOK = [
    ["Kode", "Indikator", "Satuan", "Polaritas", "Tahun", "Triwulan", "Target", "Realisasi"],
    ["IKU-1", "PPKS", "%", "positif", 2024, None, 94.6, 95],  # good
    ["IKU-2", "Kemiskinan", "%", "naik", 2024, None, "6,3", "lima"],  # 2 bad
    ["IKU-3", "AKI", "per 100.000 KH", "negatif", "2O24", "V", 110, 103.81],  # 2 bad
    [None, None, None, None, None, None, None, None],  # blank
    ["IKU-4", "AKB", "per 1.000 KH", "negatif", 2024, "TW II", "enam belas", "14,2"],  # 1 bad
    ["IKU-5", "BOR", "%", "+", 1850, None, "85-60", "88,6"],  # 2 bad
    ["IKU-6", "Nilai", "nilai", None, 2024, None, "=1+1", "69,16"],  # 1 bad: unsaved formula
    [None, None, "%", None, 2024, None, 10, 10],  # 1 bad: no indicator
    ["IKU-7", "Cakupan", "%", "maksimal", date(2024, 1, 1), 5, True, "1.2.3"],  # 4 bad
    ["IKU-8", "Rasio", "%", "positive", 2024, "Q1", "60 s.d. 85", "70"],  # good
    ["IKU-1", "PPKS again", "%", "positive", 2024, None, 94.6, 95],  # duplicate of row 2
    ["IKU-9", "Last", "%", "positive", 2023.0, "I", "1.234,5", "1.234,5"],  # good
]


def test_a_workbook_with_a_dozen_bad_cells_reports_them_all(tmp_path: Path) -> None:
    """One error lists every bad cell with sheet, row and column, and keeps the good rows."""
    path = workbook(tmp_path / "bad.xlsx", BAD_WORKBOOK)
    read = read_table(path)
    assert (5,) == read.blank_rows
    with pytest.raises(DataFileError) as caught:
        read.raise_for_errors()
    error = caught.value
    places = [(e.sheet, e.row, e.column) for e in error.exceptions]
    assert [
        ("Data", 3, "Polaritas"),
        ("Data", 3, "Realisasi"),
        ("Data", 4, "Tahun"),
        ("Data", 4, "Triwulan"),
        ("Data", 6, "Target"),
        ("Data", 7, "Tahun"),
        ("Data", 7, "Target"),
        ("Data", 8, "Target"),
        ("Data", 9, "Kode"),
        ("Data", 10, "Tahun"),
        ("Data", 10, "Triwulan"),
        ("Data", 10, "Target"),
        ("Data", 10, "Realisasi"),
        ("Data", 12, None),
    ] == places
    assert 14 == len(error.exceptions)
    assert ["IKU-1", "IKU-8", "IKU-9"] == [row.code for row in error.rows]
    assert [2, 11, 13] == [row.line for row in error.rows]
    text = str(error)
    assert text.startswith(f"{path} [Data] has bad cells: 14 problems\n")
    assert (
        f"{path}[Data]:3:Realisasi: expected a number (94,6 or 94.6) (got 'lima')"
        in text.splitlines()
    )
    assert f"{path}[Data]:12: a second row for IKU-1 2024 (the first is row 2)" in text
    assert f"{path}[Data]:10:Tahun: expected a year (2024) (got '2024-01-01')" in text
    last = error.rows[-1]
    assert (2023, 1, Decimal("1234.5"), Decimal("1234.5")) == (
        last.year,
        last.quarter,
        last.target.value if isinstance(last.target, sakip.Target) else None,
        last.realization,
    )
    assert sakip.TargetRange(60, 85) == error.rows[1].target


# --- headers ------------------------------------------------------------------------------


def test_english_headers_in_any_case_and_spacing() -> None:
    """Headers are matched without regard to language, case, spaces or a (%) suffix."""
    read = read_rows(
        [
            [
                "  CODE ",
                "indicator",
                "Unit",
                "POLARITY",
                "year",
                "Quarter",
                "Target Low",
                "target_high",
                "Realization (%)",
                "Achievement",
                "Numerator",
                "Denominator",
                "Formula",
                "Catatan",
            ],
            ["A", "Alpha", "%", "negative", 2024, 4, "7", "8", "9", "87,5", 9, 100, "mirror", "x"],
        ]
    )
    assert () == read.errors
    assert ("Catatan",) == read.ignored_columns
    row = read.rows[0]
    assert (sakip.TargetRange(7, 8), Decimal(9), 4, "87,5", "mirror") == (
        row.target,
        row.realization,
        row.quarter,
        row.stated_achievement,
        row.formula,
    )
    assert "87,50" == evaluate(read.rows)[0].printed


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (["Indikator", "Target", "Realisasi"], "1: no column 'Tahun' in the header"),
        (["Tahun", "Target", "Realisasi"], "1: no column 'Kode' / 'Indikator' in the header"),
        (["Kode", "Code", "Tahun", "Realisasi"], "1:Code: column 'Code' appears twice"),
        (["Kode", "Tahun", "Target"], "1: no column 'Realisasi' in the header"),
    ],
)
def test_a_header_without_the_needed_columns_is_one_problem(
    header: list[str], message: str
) -> None:
    """A missing or doubled column is reported once, at the header, and no row is read."""
    read = read_rows([header, ["A", 2024, 1]])
    assert [message] == messages(read)
    assert () == read.rows


def test_an_empty_table_is_one_problem() -> None:
    """No header row at all is one problem; a header alone is an empty, valid table."""
    assert ["the table is empty: no header row"] == messages(read_rows([]))
    assert sakip.io.TableRead() == read_rows([["Kode", "Tahun", "Realisasi"]])


# --- cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"Target": "60 - 85"}, sakip.TargetRange(60, 85)),
        ({"Target": "60 – 85"}, sakip.TargetRange(60, 85)),
        ({"Target": "60 s.d. 85"}, sakip.TargetRange(60, 85)),
        ({"Target": "0,5 sampai 1,5"}, sakip.TargetRange("0.5", "1.5")),
        ({"Target": "-5"}, sakip.Target(-5)),
        ({"Target": "(5)"}, sakip.Target(-5)),
        ({"Target Bawah": 1, "Target Atas": "2"}, sakip.TargetRange(1, 2)),
        ({}, None),
    ],
)
def test_targets_are_numbers_or_ranges(cells: dict[str, object], expected: object) -> None:
    """A target cell holds a number or a range; a range may also come in two columns."""
    header = ["Kode", "Tahun", "Target", "Target Bawah", "Target Atas", "Realisasi"]
    row = ["A", 2024, *(cells.get(name) for name in header[2:])]
    read = read_rows([header, row])
    assert () == read.errors
    assert expected == read.rows[0].target


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"Target": "85-60"}, "Target: expected a number or a range (60-85, 60 s.d. 85)"),
        ({"Target": "a-b"}, "Target: expected a number or a range (60-85, 60 s.d. 85)"),
        (
            {"Target Bawah": 1},
            "Target Atas: a target range needs both bounds, low not above high (got 1 to None)",
        ),
        (
            {"Target Atas": 1},
            "Target Bawah: a target range needs both bounds, low not above high (got None to 1)",
        ),
        (
            {"Target Bawah": 3, "Target Atas": 1},
            "Target Bawah: a target range needs both bounds, low not above high (got 3 to 1)",
        ),
        (
            {"Target": 5, "Target Bawah": 1, "Target Atas": 2},
            "Target: give either a target or a target range, not both",
        ),
        ({"Target Bawah": "x", "Target Atas": 2}, "Target Bawah: expected a number"),
    ],
)
def test_bad_targets_are_reported(cells: dict[str, object], message: str) -> None:
    """A range upside down, half a range, or a target and a range together are refused."""
    header = ["Kode", "Tahun", "Target", "Target Bawah", "Target Atas", "Realisasi"]
    row = ["A", 2024, *(cells.get(name) for name in header[2:])]
    read = read_rows([header, row])
    assert 1 == len(read.errors)
    assert messages(read)[0].startswith(f"2:{message}")


@pytest.mark.parametrize(
    ("cell", "quarter"),
    [("I", 1), ("tw ii", 2), ("Triwulan III", 3), ("Q4", 4), (3, 3), (2.0, 2), ("", None)],
)
def test_quarters_in_any_common_notation(cell: object, quarter: int | None) -> None:
    """Quarters read as 1-4, I-IV, TW I, Triwulan II or Q3."""
    read = read_rows([["Kode", "Tahun", "Triwulan", "Realisasi"], ["A", 2024, cell]])
    assert quarter == read.rows[0].quarter


@pytest.mark.parametrize("cell", [Decimal("sNaN"), Decimal("NaN"), float("nan"), 2.5, 5, True])
def test_a_bad_quarter_cell_is_reported_not_raised(cell: object) -> None:
    """Any cell that is no quarter, a signalling NaN included, is a bad cell with its place."""
    read = read_rows([["Kode", "Tahun", "Triwulan", "Realisasi"], ["A", 2024, cell]])
    assert [f"2:Triwulan: expected a quarter 1-4 (I-IV, TW I, Q1) (got {cell!r})"] == messages(
        read
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["A", None, None, None], "2:Tahun: the year is missing"),
        (["A", "2024,5", None, None], "2:Tahun: expected a year (2024) (got '2024,5')"),
        (["A", 2024.5, None, None], "2:Tahun: expected a year (2024) (got 2024.5)"),
        (["A", 20240, None, None], "2:Tahun: expected a year between 1900 and 2200 (got 20240)"),
        (["A", 2024, 5, None], "2:Penyebut: numerator and denominator go together"),
        (["A", 2024, None, 5], "2:Pembilang: numerator and denominator go together"),
        ([True, 2024, None, None], "2:Kode: expected a text (got True)"),
        (["A", False, None, None], "2:Tahun: expected a year (2024) (got False)"),
        (["A", 2024, float("nan"), 1], "2:Pembilang: expected a number (94,6 or 94.6) (got nan)"),
        (["A", 2024, [1], 1], "2:Pembilang: expected a number (94,6 or 94.6) (got [1])"),
    ],
)
def test_bad_cells_say_what_was_expected(row: list[object], message: str) -> None:
    """Each bad cell names its row, column, value and what it should be."""
    read = read_rows([["Kode", "Tahun", "Pembilang", "Penyebut"], row])
    assert [message] == messages(read)


def test_a_row_wider_than_the_header_is_refused_not_shifted() -> None:
    """94,6 unquoted in a comma-separated file is two cells: the row is refused, not misread."""
    text = b"Kode,Tahun,Target,Realisasi,\nIKU-1,2024,94,6,95\nIKU-2,2024,90,91,,\n"
    read = read_csv(text, file="r.csv")
    assert [("IKU-2", Decimal(91))] == [(row.code, row.realization) for row in read.rows]
    shifted = (
        "r.csv:2: the row fills a cell right of the last header (column 4); its cells may "
        "have shifted (a decimal comma in a comma-separated file?)"
    )
    assert [shifted] == messages(read)


def test_a_count_without_its_column_pair_is_a_bad_cell() -> None:
    """A numerator with no denominator column is reported at its row, not kept half-given."""
    read = read_rows([["Kode", "Tahun", "Realisasi", "Pembilang"], ["A", 2024, "95", "13.773"]])
    assert () == read.rows
    assert ["2:Penyebut: numerator and denominator go together"] == messages(read)


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        (2024.0, 2024),
        (Decimal("2024"), 2024),
        (" 2024 ", 2024),
        (float("inf"), None),
        (Decimal("NaN"), None),
        (Decimal("2024.5"), None),
    ],
)
def test_years_are_whole_numbers_however_stored(cell: object, year: int | None) -> None:
    """A year may be an int, a whole float or Decimal, or digits; nothing else."""
    read = read_rows([["Kode", "Tahun", "Realisasi"], ["A", cell]])
    assert [year] == [row.year for row in read.rows] or (year is None and not read.ok)


def test_blank_header_cells_name_no_column() -> None:
    """An empty header cell names no column; empty cells under it are fine."""
    read = read_rows([["Kode", None, "  ", "Tahun", "Realisasi"], ["A", None, " ", 2024]])
    assert (True, (), "A") == (read.ok, read.ignored_columns, read.rows[0].code)


def test_a_value_under_a_blank_header_is_refused_not_lost() -> None:
    """A filled cell under no header is reported with its row; the other rows are kept."""
    read = read_rows([["Kode", None, "Tahun", "Realisasi"], ["A", "x", 2024], ["B", None, 2024]])
    assert ["B"] == [row.code for row in read.rows]
    assert 1 == len(read.errors)
    assert "2: the row fills cell 2, whose column has no header" in str(read.errors[0])


def test_a_csv_error_names_no_sheet(tmp_path: Path) -> None:
    """raise_for_errors of a CSV names the file alone; a clean read returns itself."""
    read = read_csv(b"Kode;Tahun;Realisasi\nA;x\n", file="a.csv")
    with pytest.raises(DataFileError) as caught:
        read.raise_for_errors()
    assert str(caught.value).startswith("a.csv has bad cells: 1 problem\n")
    clean = read_csv(b"Kode;Tahun;Realisasi\nA;2024\n", file="a.csv")
    assert clean is clean.raise_for_errors()


def test_a_time_cell_is_reported_as_its_text(tmp_path: Path) -> None:
    """A date or time where a year belongs is reported with its ISO text."""
    from datetime import datetime, time

    path = workbook(
        tmp_path / "a.xlsx",
        [["Kode", "Tahun", "Realisasi"], ["A", time(10, 30)], ["B", datetime(2024, 5, 1, 8, 0)]],
    )
    assert [
        f"{path}[Data]:2:Tahun: expected a year (2024) (got '10:30:00')",
        f"{path}[Data]:3:Tahun: expected a year (2024) (got '2024-05-01T08:00:00')",
    ] == messages(read_xlsx(path))


def test_numbers_where_texts_belong_are_read_as_texts() -> None:
    """A numeric code cell (123) is the text "123"; a stated achievement keeps its form."""
    read = read_rows(
        [["Kode", "Tahun", "Capaian", "Realisasi"], [123, 2024, 101.1], [1.5, 2024, "101,1"]]
    )
    assert [("123", "101.1"), ("1.5", "101,1")] == [
        (r.code, r.stated_achievement) for r in read.rows
    ]


def test_a_bad_stated_achievement_is_reported() -> None:
    """The stated achievement must be a number, even though it is kept as printed."""
    read = read_rows([["Kode", "Tahun", "Capaian", "Realisasi"], ["A", 2024, "tinggi"]])
    assert ["2:Capaian: expected a number (94,6 or 94.6) (got 'tinggi')"] == messages(read)


def test_rows_are_named_by_their_labels_when_given() -> None:
    """With labels (a DataFrame's index), problems name the label instead of a row number."""
    read = read_rows(
        [["Kode", "Tahun", "Realisasi"], ["A", "x"], [None, None], ["B", 2024]],
        labels=["a", 7, "c"],
    )
    assert ["a:Tahun: expected a year (2024) (got 'x')"] == messages(read)
    assert (7,) == read.blank_rows
    assert None is read.rows[0].line


# --- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_delimiter_is_taken_from_the_header(delimiter: str) -> None:
    """;, , and tab delimited files are read (Excel in Indonesian writes ;)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerows([HEADER, ["A", "Alpha", "positif", "2024", "94,6", "95"]])
    read = read_csv(buffer.getvalue().encode("utf-8-sig"), file="a.csv")
    assert () == read.errors
    assert Decimal("94.6") == read.rows[0].target.value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Kode;Tahun\nA;2024\n".encode("utf-16"), "x.csv: the file is UTF-16 text"),
        ("Kode;Tahun\nCafé;2024\n".encode("latin-1"), "x.csv: the file is not UTF-8 text"),
        (b"PK\x03\x04\x00\x00", "x.csv: the file holds NUL characters"),
        (b"", "x.csv: the table is empty: no header row"),
        (b'Kode;Tahun\n"' + b"x" * 200_000 + b'";2024\n', "x.csv:2: not a readable CSV file"),
    ],
)
def test_unreadable_csv_gives_one_clear_error(data: bytes, message: str) -> None:
    """UTF-16, Latin-1, binary, empty and broken CSV each give one clear problem."""
    try:
        read = read_csv(data, file="x.csv")
    except DataFileError as error:
        found = [str(e) for e in error.exceptions]
    else:
        found = messages(read)
    assert 1 == len(found)
    assert found[0].startswith(message)


def test_read_table_picks_the_reader_by_suffix(tmp_path: Path) -> None:
    """read_table reads .csv and .xlsx, and refuses other suffixes, sheets of a CSV, no file."""
    with pytest.raises(DataFileError) as caught:
        read_table(tmp_path / "a.ods")
    assert "unknown table type '.ods'" in str(caught.value.exceptions[0])
    with pytest.raises(sakip.InvalidValueError):
        read_table(SEED_CSV, sheet="Data")
    with pytest.raises(DataFileError) as caught:
        read_table(tmp_path / "missing.csv")
    assert "cannot read the file" in str(caught.value.exceptions[0])


def test_a_title_above_the_header_is_skipped_when_asked(tmp_path: Path) -> None:
    """header_row names the header's row; rows above it are not read, row numbers stay."""
    rows = [["Tabel 3.1 Capaian Kinerja 2024"], [], HEADER, ["A", "a", "+", 2024, 1, "x"]]
    path = workbook(tmp_path / "a.xlsx", rows)
    read = read_table(path, header_row=3)
    assert [f"{path}[Data]:4:Realisasi: expected a number (94,6 or 94.6) (got 'x')"] == (
        messages(read)
    )
    text = "Tabel 3.1, Capaian\n\nKode;Tahun;Realisasi\nA;2024\n"
    (tmp_path / "a.csv").write_text(text, encoding="utf-8")
    assert [4] == [row.line for row in read_table(tmp_path / "a.csv", header_row=3).rows]
    assert ["a.csv: the table is empty: no header row"] == messages(
        read_csv(text.encode(), file="a.csv", header_row=9)
    )
    for bad in (0, True, "3"):
        with pytest.raises(sakip.InvalidValueError):
            read_table(path, header_row=bad)  # type: ignore[arg-type]


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_sheet_is_chosen_by_name(tmp_path: Path) -> None:
    """The first sheet is read by default; another by name; an unknown name lists the sheets."""
    path = workbook(tmp_path / "a.xlsx", [HEADER, ["A", "a", "+", 2024, 1, 1]], title="Satu")
    book = openpyxl.load_workbook(path)
    second = book.create_sheet("Dua")
    second.append(HEADER)
    second.append(["B", "b", "+", 2023, 2, 2])
    book.save(path)
    assert "A" == read_xlsx(path).rows[0].code
    assert ("B", "Dua") == (read_xlsx(path, sheet="Dua").rows[0].code, "Dua")
    with pytest.raises(DataFileError) as caught:
        read_xlsx(path, sheet="Tiga")
    assert "no sheet 'Tiga'; the workbook has 'Satu', 'Dua'" in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"not a zip", (SEED_CSV.read_bytes()), b"PK\x03\x04" + b"\x00" * 40],
)
def test_a_file_that_is_not_a_workbook_is_one_error(data: bytes, tmp_path: Path) -> None:
    """An empty, text or broken file named .xlsx gives one clear error."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(data)
    with pytest.raises(DataFileError) as caught:
        read_table(path)
    assert 1 == len(caught.value.exceptions)
    assert "not a readable XLSX workbook" in str(caught.value.exceptions[0])


def test_a_damaged_sheet_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet that fails while it is read gives one error naming the sheet."""
    path = workbook(tmp_path / "a.xlsx", [HEADER])

    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("xl/worksheets/sheet1.xml")

    from sakip.extra import _xlsx_sheet

    monkeypatch.setattr(_xlsx_sheet, "iterparse", broken)
    with pytest.raises(DataFileError) as caught:
        read_xlsx(path)
    assert [f"{path}[Data]: the sheet cannot be read (KeyError)"] == [
        str(e) for e in caught.value.exceptions
    ]


def test_xlsx_numbers_are_read_through_their_shortest_repr(tmp_path: Path) -> None:
    """A float cell 94.6 is Decimal("94.6"), not the binary fraction."""
    path = workbook(tmp_path / "a.xlsx", [HEADER, ["A", "a", "+", 2024, 94.6, 88.32]])
    row = read_xlsx(path).rows[0]
    assert (Decimal("94.6"), Decimal("88.32")) == (row.target.value, row.realization)  # type: ignore[union-attr]


# --- results ------------------------------------------------------------------------------


def test_rows_without_a_figure_say_why() -> None:
    """No realization, no target, a zero target or a figure outside the scale: a reason each."""
    read = read_rows(
        [
            ["Kode", "Tahun", "Target", "Realisasi"],
            ["A", 2024, 10, None],
            ["B", 2024, None, 10],
            ["C", 2024, 0, 5],
            ["D", 2024, 10, 20],
        ]
    )
    results = evaluate(read.rows, scale=sakip.scales.SAKIP_PREDICATE)
    assert "no realization reported" == results[0].reason
    assert "no target" == results[1].reason
    assert results[2].reason is not None
    assert "achievement is not computable" in results[2].reason
    assert results[3].reason is not None
    assert results[3].reason.startswith("no rating: ")
    assert Decimal("200.00") == results[3].percent
    assert [None, None, None] == [r.printed for r in results[:3]]
    assert [None, None, None] == [r.explanation for r in results[:3]]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_results_are_written_with_figures_and_formulas(suffix: str, tmp_path: Path) -> None:
    """The results table has the exact figure, the printed one, the rating and the formula."""
    read = read_table(SEED_CSV)
    path = tmp_path / f"results{suffix}"
    write_results(evaluate(read.rows), path)
    if suffix == ".csv":
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    else:
        sheet = openpyxl.load_workbook(path).active
        assert sheet is not None
        rows = [
            ["" if c is None else str(c) for c in r] for r in sheet.iter_rows(values_only=True)
        ]
    assert list(RESULT_COLUMNS) == rows[0]
    last = rows[-1]
    assert ["IKU-1", "2024", "94.6", "95", "100.42", "Sangat Tinggi"] == [
        last[0],
        last[2],
        last[4],
        last[5],
        last[7],
        last[8],
    ]
    assert "direct" == last[9]
    assert "95 / 94,6 × 100 = 100,42 %" == last[10]
    assert "100.4228329809725158562367865" == last[6]  # exact, every digit, in both formats
    assert rows[1][11] == "no target"


def test_ranges_are_written_as_low_dash_high(tmp_path: Path) -> None:
    """A range target is written "60-85" in the results table."""
    rows = table_rows(sakip.io.load(INVENTED))
    write_results(evaluate(rows), tmp_path / "r.csv")
    text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert "BOR,Bed Occupancy Rate RSUD,2024,,60-85,88.6," in text


def test_unknown_output_suffix_is_refused(tmp_path: Path) -> None:
    """Writing to a suffix that is neither .csv nor .xlsx is refused."""
    with pytest.raises(DataFileError):
        write_results([], tmp_path / "r.txt")


# --- safe output --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Persentase PPKS", "Persentase PPKS"),
    ],
)
def test_formula_like_texts_are_neutralised(text: str, written: str) -> None:
    """A text a spreadsheet would run as a formula gets a leading apostrophe."""
    assert written == neutralise(text)


def test_csv_and_xlsx_output_is_neutralised_and_numbers_stay_numbers(tmp_path: Path) -> None:
    """Formula-like texts are neutralised in both writers; a negative number is untouched."""
    rows = [["=cmd|' /C calc'!A0", Decimal("-5"), -5, None, sakip.Polarity.NEGATIVE]]
    write_csv(tmp_path / "o.csv", ["@head", "b", "c", "d", "e"], rows)
    assert [
        ["'@head", "b", "c", "d", "e"],
        ["'=cmd|' /C calc'!A0", "-5", "-5", "", "negative"],
    ] == list(csv.reader(io.StringIO((tmp_path / "o.csv").read_text(encoding="utf-8"))))
    write_xlsx(tmp_path / "o.xlsx", ["@head", "b", "c", "d", "e"], rows)
    sheet = openpyxl.load_workbook(tmp_path / "o.xlsx").active
    assert sheet is not None
    cells = next(iter(sheet.iter_rows(min_row=2, values_only=False)))
    assert "'=cmd|' /C calc'!A0" == cells[0].value
    assert "s" == cells[0].data_type
    assert (-5, -5) == (cells[1].value, cells[2].value)
    assert ("n", "n") == (cells[1].data_type, cells[2].data_type)


def test_a_failing_writer_leaves_the_old_file_intact(tmp_path: Path) -> None:
    """A crash half-way through writing leaves the old file whole and no temporary file."""
    path = tmp_path / "results.csv"
    path.write_text("old,content\n", encoding="utf-8")

    def rows() -> Any:
        yield ["a", 1]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(path, ["x", "y"], rows())

    def crash() -> None:
        with atomic_writer(path) as stream:
            stream.write(b"half of the new con")
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        crash()
    assert "old,content\n" == path.read_text(encoding="utf-8")
    assert ["results.csv"] == [entry.name for entry in tmp_path.iterdir()]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_a_failure_before_writing_closes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the temporary file cannot get its permissions, its handle is closed too."""

    def refuse(self: Path, mode: int) -> None:
        raise PermissionError(mode)

    monkeypatch.setattr(Path, "chmod", refuse)
    before = len(list(Path("/proc/self/fd").iterdir()))
    with pytest.raises(PermissionError):
        atomic_write(tmp_path / "out.csv", b"x")
    assert before == len(list(Path("/proc/self/fd").iterdir()))
    assert [] == list(tmp_path.iterdir())


def test_a_failing_xlsx_writer_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook save that fails half-way leaves the old workbook whole."""
    path = workbook(tmp_path / "r.xlsx", [HEADER])
    before = path.read_bytes()

    def save(self: object, stream: Any) -> None:
        stream.write(b"PK\x03\x04 half a zip")
        raise OSError("crash while saving")

    monkeypatch.setattr(openpyxl.Workbook, "save", save)
    with pytest.raises(OSError, match="crash while saving"):
        write_xlsx(path, ["a"], [[1]])
    assert before == path.read_bytes()
    assert ["r.xlsx"] == [entry.name for entry in tmp_path.iterdir()]


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    """An existing file keeps its mode; a new file gets the umask's."""
    path = tmp_path / "a.csv"
    path.write_text("x", encoding="utf-8")
    path.chmod(0o640)
    atomic_write(path, b"y")
    assert 0o640 == stat.S_IMODE(path.stat().st_mode)
    mask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.csv", b"z")
    finally:
        os.umask(mask)
    assert 0o644 == stat.S_IMODE((tmp_path / "new.csv").stat().st_mode)


# --- fuzzing ------------------------------------------------------------------------------

_cells = st.one_of(
    st.none(),
    st.text(max_size=8),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.booleans(),
    st.dates(),
    st.sampled_from(["94,6", "13.773", "60-85", "TW II", "negatif", "2024", "Rp 1.000,-"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *HEADER,
                "Triwulan",
                "Target Bawah",
                "Target Atas",
                "Capaian",
                "Pembilang",
                "Penyebut",
                "x",
            ]
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.lists(_cells, max_size=9), max_size=6),
)
def test_any_rows_give_rows_or_problems_never_a_crash(
    header: list[str], rows: list[list[object]]
) -> None:
    """Arbitrary cells under any header give good rows and problems, and lose no row."""
    read = read_rows([header, *rows])
    bad_lines = {error.row for error in read.errors}
    for row in read.rows:
        assert row.line not in bad_lines
    if read.errors and read.errors[0].row == 1:
        return
    assert len(rows) == len(read.rows) + len(read.blank_rows) + len(bad_lines)


@settings(max_examples=200, deadline=None)
@given(st.binary() | st.text().map(str.encode))
def test_any_bytes_as_csv_raise_only_sakip_errors(data: bytes) -> None:
    """Arbitrary bytes read as CSV give a result or a SakipError, nothing else."""
    with contextlib.suppress(sakip.SakipError):
        read_csv(data, file="x.csv")


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_as_xlsx_raise_only_sakip_errors(data: bytes) -> None:
    """Arbitrary bytes named .xlsx give a SakipError, nothing else."""
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "x.xlsx"
        path.write_bytes(data)
        with contextlib.suppress(sakip.SakipError):
            read_xlsx(path)


def test_importing_sakip_io_loads_neither_openpyxl_nor_pandas() -> None:
    """openpyxl, pandas and Babel load only when a function that needs them runs."""
    import subprocess
    import sys

    code = (
        "import sys, sakip.io; "
        "print(sorted(m for m in ('openpyxl', 'pandas', 'numpy', 'babel') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()


# --- evaluate through the batch core equals the scalar API ---------------------------------

_evaluated_numbers = st.one_of(
    st.just(Decimal(0)),
    st.decimals(min_value=-50, max_value=10**6, places=3, allow_nan=False),
    st.decimals(min_value=0, max_value=10, places=9, allow_nan=False),  # beyond six places
)


@st.composite
def _evaluated_rows(draw: st.DrawFn) -> TableRow:
    kind = draw(st.sampled_from(["none", "plain", "range", "comparator"]))
    target: sakip.TargetLike | None = None
    if kind == "plain":
        target = sakip.Target(draw(_evaluated_numbers))
    elif kind == "comparator":
        comparator = draw(st.sampled_from(list(sakip.Comparator)))
        target = sakip.ComparatorTarget(comparator, draw(_evaluated_numbers))
    elif kind == "range":
        low = draw(_evaluated_numbers)
        target = sakip.TargetRange(low, low + draw(_evaluated_numbers.map(abs)))
    return TableRow(
        code=draw(st.sampled_from(["A", "B", "C"])),
        year=2024,
        quarter=draw(st.none() | st.integers(1, 4)),
        polarity=draw(st.sampled_from(list(sakip.Polarity))),
        formula=draw(st.sampled_from([None, None, "direct", "mirror", "inverse", "nope"])),
        target=target,
        realization=draw(st.none() | _evaluated_numbers),
    )


def _expected(row: TableRow, scale: sakip.RatingScale) -> tuple[object, ...]:
    """What the scalar API gives for a row: figure, rating and reason."""
    if row.realization is None:
        return None, None, "no realization reported"
    if row.target is None:
        return None, None, "no target"
    try:
        figure = sakip.achievement(
            realization=row.realization,
            target=row.target,
            polarity=row.polarity,
            formula=row.formula,
        )
    except sakip.SakipError as error:
        return None, None, str(error)
    try:
        return figure.percent, scale.classify(figure).label, None
    except sakip.InvalidValueError as error:
        return figure.percent, None, f"no rating: {error}"


@settings(max_examples=150, deadline=None)
@given(st.lists(_evaluated_rows(), max_size=25), st.sampled_from(list(sakip.scales.SCALES)))
def test_evaluate_equals_the_scalar_api_row_for_row(
    rows: list[TableRow], scale: sakip.RatingScale
) -> None:
    """Ranges, zero targets, missing cells, quarters, bad formulas: the scalar API's results."""
    results = evaluate(rows, scale=scale)
    expected = [_expected(row, scale) for row in rows]
    assert expected == [(r.percent, r.rating, r.reason) for r in results]
    assert rows == [r.row for r in results]
    # The columns, read without a ResultRow per row, say the same, row for row.
    assert expected == list(zip(results.percents, results.ratings, results.reasons, strict=True))
    assert [r.printed for r in results] == list(results.printed)
    assert [r.formula for r in results] == list(results.formulas)
    assert [
        None if p is None else sakip.format_number(p, places=2) for p, _, _ in expected
    ] == list(results.printed)
    for result in results:
        figure = result.achievement
        assert (None if figure is None else figure.percent) == result.percent
        assert (None if figure is None else figure.formula.name) == result.formula


@settings(max_examples=40, deadline=None)
@given(st.lists(_evaluated_rows(), max_size=10))
def test_evaluate_without_numpy_gives_the_same_results(rows: list[TableRow]) -> None:
    """Without NumPy, evaluate computes row by row, with the same results."""
    with_numpy = evaluate(rows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "numpy", None)
        without = evaluate(rows)
    assert with_numpy == without
    for name in ("hundredths", "percents", "printed", "ratings", "reasons", "formulas"):
        assert getattr(with_numpy, name) == getattr(without, name)


def test_results_are_a_sequence_of_rows_built_when_asked_for() -> None:
    """Indexing, slicing, length, equality with a tuple; the columns read as rows do."""
    read = read_rows(
        [
            ["Kode", "Tahun", "Target", "Realisasi"],
            ["A", 2024, "94,6", "95"],
            ["B", 2024, "0", "5"],
            ["C", 2024, "80", ""],
        ]
    )
    results = evaluate(read.rows)
    assert 3 == len(results)
    assert read.rows == results.rows
    assert (10042, None, None) == results.hundredths
    assert ("100,42", None, None) == results.printed
    assert (Decimal("100.42"), None, None) == results.percents
    assert ("Sangat Tinggi", None, None) == results.ratings
    assert ("direct", None, None) == results.formulas
    assert results.reasons[2] == "no realization reported"
    assert tuple(results) == results
    assert results == tuple(results)
    assert results[1:] == (results[1], results[2])
    assert isinstance(results[1:], type(results))
    assert results[-1] == results[2]
    assert results[0].row is read.rows[0]
    assert results != list(results)
    assert results != evaluate(read.rows[:2])
    assert "<Results: 3 rows, 1 with a figure>" == repr(results)
    with pytest.raises(TypeError):
        hash(results)
    assert evaluate([]) == ()
    assert () == evaluate([]).printed


def test_a_printed_figure_in_hundredths_is_format_number_s() -> None:
    """The batch's printed figures are the text format_number writes for the same figure."""
    from sakip.batch import printed_hundredths

    for hundredths in (0, 5, -5, 10042, -123456789, 10**30 + 7):
        figure = Decimal(hundredths).scaleb(-2, context=decimal.Context(prec=60))
        assert sakip.format_number(figure, 2) == printed_hundredths(hundredths)


def test_without_numpy_a_figure_outside_the_scale_has_no_rating(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Row by row too, a figure outside the scale's domain keeps its figure and says why."""
    monkeypatch.setitem(sys.modules, "numpy", None)
    row = TableRow(year=2024, target=sakip.Target(100), realization=Decimal(130))
    result = evaluate([row], scale="sakip-predicate")[0]
    assert (Decimal("130.00"), None) == (result.percent, result.rating)
    assert str(result.reason).startswith("no rating: ")


def test_a_text_read_twice_is_a_bad_cell_twice_each_in_its_place() -> None:
    """Texts are read once per table, and every cell that holds a bad one is still reported."""
    read = sakip.io.tables.read_rows(
        [
            ["Kode", "Tahun", "Polaritas", "Target", "Realisasi"],
            ["A", 2023, "naik", "94,6", "sembilan"],
            ["A", 2024, "naik", "94,6", "sembilan"],
            ["B", 2024, "negatif", "94,6", "95"],
            ["C", 2024, 7, "94,6", "95"],
        ]
    )
    assert [
        (2, "Polaritas"),
        (2, "Realisasi"),
        (3, "Polaritas"),
        (3, "Realisasi"),
        (5, "Polaritas"),
    ] == sorted((e.row, e.column) for e in read.errors)
    assert [("B", sakip.Polarity.NEGATIVE)] == [(r.code, r.polarity) for r in read.rows]


# --- the column-wise path builds the rows the row reader builds -----------------------------

_HEADERS = ["Kode", "Indikator", "Tahun", "Triwulan", "Polaritas", "Target", "Realisasi"]
_CELLS = {
    "Kode": st.sampled_from(["IKU-1", " IKU-2 ", "", "   ", None]),
    "Indikator": st.sampled_from(["Persentase PPKS", "", None]),
    "Tahun": st.sampled_from(
        ["2024", " 2023", "", "1800", "2024,0", "dua", "٢٠٢٤", None, 2024, 1800, 2024.0, True]
    ),
    "Triwulan": st.sampled_from(
        ["", "I", "TW II", "q3", "Triwulan 4", "5", "IV ", None, 2, 0, 5, 3.0]
    ),
    "Polaritas": st.sampled_from(["", "positif", "negatif", "Negative", "naik", None]),
    "Target": st.sampled_from(
        [
            *TARGET_TEXTS,
            "minimal x",
            None,
            94,
            94.6,
            -0.0,
            0,
            float("nan"),
            float("inf"),
            Decimal("94.60"),
            10**45,
            1e45,
        ]
    ),
    "Realisasi": st.sampled_from(
        ["", "95", "100,42", "2,500.75", "0", "-3,5", "n/a", None, 95, 95.5, 0.0, True, 1e-9]
    ),
}


@st.composite
def _text_tables(draw: st.DrawFn) -> list[list[object]]:
    headers = draw(st.lists(st.sampled_from(_HEADERS), min_size=1, unique=True))
    if "Tahun" not in headers or "Realisasi" not in headers:
        headers += [h for h in ("Tahun", "Realisasi") if h not in headers]
    rows = draw(
        st.lists(st.tuples(*(_CELLS[header] for header in headers)).map(list), max_size=12)
    )
    return [headers, *rows]


@settings(max_examples=200, deadline=None)
@given(_text_tables(), st.sampled_from([None, ",", "."]), st.sampled_from([40, 3]))
def test_the_column_wise_path_reads_as_the_row_reader(
    table: list[list[object]], decimal: str | None, digits: int
) -> None:
    """Both notations, ranges, blanks, quarters, bad cells: the same rows, errors and notes."""
    from sakip.io import row_reader

    limits = sakip.io.Limits(digits_per_number=digits)
    quick: object
    slow: object
    try:
        quick = read_rows(table, decimal=decimal, limits=limits)
    except sakip.io.LimitError as error:
        quick = error
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(row_reader, "plain_rows", lambda lines, *_: [None] * len(lines))
        try:
            slow = read_rows(table, decimal=decimal, limits=limits)
        except sakip.io.LimitError as error:
            slow = error
    assert repr(slow) == repr(quick)
    if isinstance(slow, sakip.io.TableRead):
        assert isinstance(quick, sakip.io.TableRead)
        assert [(repr(e), str(e)) for e in slow.errors] == [
            (repr(e), str(e)) for e in quick.errors
        ]
        assert attrs.evolve(slow, errors=()) == attrs.evolve(quick, errors=())


def test_plain_rows_are_built_from_whole_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain texts in either notation, quarters and polarities never reach the row reader."""
    from sakip.io import row_reader

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read row by row")

    monkeypatch.setattr(row_reader, "build_row", refuse)
    table: list[list[object]] = [
        ["Kode", "Tahun", "Triwulan", "Polaritas", "Target", "Realisasi"],
        ["IKU-1", "2024", "TW II", "negatif", "1.234,5", "95"],
        ["IKU-1", "2024", "", "", "94,6", ""],
        ["IKU-2", "2024", None, "positif", "", "100,42"],
    ]
    rows = read_rows(table).raise_for_errors().rows
    assert [
        (2, "IKU-1", 2, sakip.Polarity.NEGATIVE, sakip.Target(Decimal("1234.5")), Decimal(95)),
        (3, "IKU-1", None, sakip.Polarity.POSITIVE, sakip.Target(Decimal("94.6")), None),
        (4, "IKU-2", None, sakip.Polarity.POSITIVE, None, Decimal("100.42")),
    ] == [(r.line, r.code, r.quarter, r.polarity, r.target, r.realization) for r in rows]
    # Without a year column (or an indicator's), no row is built here: build_row says why.
    assert [None] == row_reader.plain_rows([(2, ["A", "95"])], {0: ("code", "Kode")})
    assert [None] == row_reader.plain_rows([(2, ["2024"])], {0: ("year", "Tahun")})
    numbers: list[list[object]] = [table[0], ["IKU-3", 2024, 2, "positif", 94.6, 95]]
    row = read_rows(numbers).raise_for_errors().rows[0]
    assert (2024, 2, sakip.Target("94.6"), Decimal(95)) == (
        row.year,
        row.quarter,
        row.target,
        row.realization,
    )


def test_a_second_row_read_cell_by_cell_is_reported_too() -> None:
    """A repeated indicator and period is a bad row on either path (a comparator's is slow)."""
    read = read_rows(
        [
            ["Kode", "Tahun", "Target", "Realisasi"],
            ["A", 2024, "94,6", "95"],
            ["A", 2024, "≥ 80", "95"],
        ]
    )
    assert [2] == [row.line for row in read.rows]
    assert ["a second row for A 2024 (the first is row 2)"] == [e.message for e in read.errors]
