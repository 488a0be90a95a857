"""What the readers refuse or say aloud: notations, workbooks as they really are, hostile files."""

from __future__ import annotations

import json
import pickle
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pandas as pd
import pytest

import sakip
import sakip.extra.xlsx_reader
import sakip.io
from sakip.io import DataFileError, LimitError, Limits
from sakip.io.sources import CellCount
from sakip.io.tables import TableRow, read_csv, read_rows, read_xlsx, write_table

HEADER = ["Kode", "Tahun", "Realisasi"]


def messages(read: sakip.io.TableRead) -> list[str]:
    return [str(error) for error in read.errors]


def realizations(read: sakip.io.TableRead) -> list[Decimal | None]:
    return [row.realization for row in read.rows]


def table(*cells: object) -> list[list[object]]:
    return [HEADER, *([f"A{index}", 2024, cell] for index, cell in enumerate(cells))]


def save(book: Any, path: Path) -> Path:
    book.save(path)
    return path


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    return save(book, path)


def rezip(path: Path, change: Any, extra: dict[str, bytes] | None = None) -> Path:
    """Rewrite a workbook's zip parts: ``change(name, data)`` gives new data, or None to drop."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in [*parts, *(extra or {}).items()]:
            new = change(name, data)
            if new is not None:
                target.writestr(name, new)
    return path


def problems(error: pytest.ExceptionInfo[DataFileError]) -> str:
    return "\n".join(str(problem) for problem in error.value.exceptions)


# --- notation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("2,500.75", "13.773"), [Decimal("2500.75"), Decimal("13.773")]),
        (("98.80", "13.773"), [Decimal("98.80"), Decimal("13.773")]),
        (("1.234,5", "13.773"), [Decimal("1234.5"), Decimal("13773")]),
        (("94,6", "13,773"), [Decimal("94.6"), Decimal("13.773")]),
        (("1,004,422,800", "13.773"), [Decimal("1004422800"), Decimal("13.773")]),
    ],
)
def test_a_column_is_read_in_the_notation_its_cells_prove(
    cells: tuple[str, ...], expected: list[Decimal]
) -> None:
    """2,500.75 proves English for the whole column, so 13.773 there is 13.773."""
    read = read_rows(table(*cells))
    assert () == read.errors
    assert expected == realizations(read)
    assert ("proven",) == tuple(notation.reason for notation in read.notations)
    assert () == read.warnings


def test_contradicting_cells_are_each_reported_with_their_place() -> None:
    """A column in English notation reports its Indonesian cells; the other rows are kept."""
    read = read_rows(table("2,500.75", "1.234,5", "3,000.25", "7,5"))
    assert [Decimal("2500.75"), Decimal("3000.25")] == realizations(read)
    assert [3, 5] == [error.row for error in read.errors]
    assert ["Realisasi", "Realisasi"] == [error.column for error in read.errors]
    assert "written in Indonesian notation (1.234,5)" in messages(read)[0]
    assert "rows 2, 4" in messages(read)[0]
    assert "1.234,5" == read.errors[0].value


def test_an_ambiguous_column_follows_the_indonesian_default_and_says_so() -> None:
    """13.773 alone proves nothing: read as 13773, and the read carries a warning."""
    read = read_rows(table("13.773", 95))
    assert [Decimal("13773"), Decimal(95)] == realizations(read)
    (notation,) = read.notations
    assert (",", "default", (2,), True) == (
        notation.decimal,
        notation.reason,
        notation.rows,
        notation.assumed,
    )
    (warning,) = read.warnings
    assert "'Realisasi' has ambiguous numbers (rows 2)" in warning
    assert "decimal='.'" in warning


def test_the_decimal_hint_settles_a_column_and_refuses_cells_against_it() -> None:
    """decimal='.' reads 13.773 as 13.773; a cell proving Indonesian is reported."""
    read = read_rows(table("13.773", "94,6"), decimal=".")
    assert [Decimal("13.773")] == realizations(read)
    assert ["hint"] == [notation.reason for notation in read.notations]
    assert "as decimal= says" in str(read.notations[0])
    assert "decimal= says" in messages(read)[0]


def test_a_proven_notation_reads_a_target_range_too() -> None:
    """A target range's bounds follow the column's notation."""
    header = ["Kode", "Tahun", "Target", "Realisasi"]
    read = read_rows([header, ["A", 2024, "1.500 - 2.500", 1], ["B", 2024, "1,000.5", 1]])
    assert sakip.TargetRange("1.500", "2.500") == read.rows[0].target
    assert "column 'Target' read in English notation (1,234.5), proven by rows 3" == str(
        read.notations[0]
    )


def test_a_bad_hint_is_refused() -> None:
    """The hint must be '.', ',' or None."""
    with pytest.raises(sakip.InvalidValueError, match="decimal"):
        read_rows(table(1), decimal=";")


def test_every_reader_takes_the_hint(tmp_path: Path) -> None:
    """read_csv, read_xlsx, read_table and from_frame all read 13.773 as 13.773 with '.'."""
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("Kode;Tahun;Realisasi\nA;2024;13.773\n", encoding="utf-8")
    xlsx_path = workbook(tmp_path / "a.xlsx", table("13.773"))
    frame = pd.DataFrame({"Kode": ["A"], "Tahun": [2024], "Realisasi": ["13.773"]})
    reads = [
        read_csv(csv_path, decimal="."),
        read_xlsx(xlsx_path, decimal="."),
        sakip.io.read_table(csv_path, decimal="."),
        sakip.io.read_table(xlsx_path, decimal="."),
        sakip.io.from_frame(frame, decimal="."),
    ]
    assert [[Decimal("13.773")]] * 5 == [realizations(read) for read in reads]
    assert [Decimal("13773")] == realizations(sakip.io.read_table(csv_path))


# --- headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "suggestion"),
    [("Realisai", "Realisasi"), ("Tahn", "Tahun"), ("Indikatr", "Indikator")],
)
def test_a_header_close_to_a_known_one_is_an_error_with_a_suggestion(
    header: str, suggestion: str
) -> None:
    """A misspelt header is not ignored (it would empty the column): did you mean …?"""
    read = read_rows([["Kode", "Tahun", "Realisasi", header], ["A", 2024, 1, 2]])
    assert [f"1:{header}: unknown column {header!r}: did you mean {suggestion!r}?"] == (
        messages(read)
    )
    assert () == read.rows


def test_a_header_unlike_any_known_one_is_only_ignored() -> None:
    """A header such as Keterangan, close to no known one, is listed, not an error."""
    read = read_rows([["Kode", "Tahun", "Realisasi", "Keterangan"], ["A", 2024, 1, "x"]])
    assert (True, ("Keterangan",)) == (read.ok, read.ignored_columns)


def test_a_table_without_a_realization_column_is_an_error() -> None:
    """No Realisasi column is one error at the header, not rows of "not reported"."""
    read = read_rows([["Kode", "Tahun", "Target"], ["A", 2024, 90], ["B", 2024, 80]])
    assert ["1: no column 'Realisasi' in the header"] == messages(read)
    assert () == read.rows


def test_a_ratio_table_needs_no_realization_column() -> None:
    """Numerator and denominator decide the value: the rows are kept, as realizations."""
    read = read_rows([["Kode", "Tahun", "Pembilang", "Penyebut"], ["A", 2024, 3, 4]])
    (realization,) = read.raise_for_errors().realizations()
    assert (Decimal(75), Decimal(3), Decimal(4)) == (
        realization.value,
        realization.numerator,
        realization.denominator,
    )


def test_a_ratio_row_with_a_zero_denominator_is_no_realization() -> None:
    """0 / 0 decides nothing: the row stays a row, but gives no realization."""
    header = ["Kode", "Tahun", "Pembilang", "Penyebut", "Realisasi"]
    read = read_rows([header, ["A", 2024, 0, 0, None], ["B", 2024, 1, 2, None]])
    assert ["B"] == [realization.indicator for realization in read.realizations()]


# --- workbooks as they are ----------------------------------------------------------------


def test_a_percent_formatted_cell_is_read_as_it_is_shown(tmp_path: Path) -> None:
    """0.95 shown as 95% is 95; a plain 0.95 stays 0.95, a quoted % is no percent format."""
    path = workbook(tmp_path / "p.xlsx", table(0.95, 0.95, 0.5, 1))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["C2"].number_format = "0%"
    sheet["C4"].number_format = '0.00"%"'
    sheet["C5"].number_format = "0.0%"
    save(book, path)
    read = read_xlsx(path).raise_for_errors()
    assert [Decimal("95"), Decimal("0.95"), Decimal("0.5"), Decimal("100")] == [
        value.normalize() for value in realizations(read) if value is not None
    ]


def _stale_dimension(name: str, data: bytes) -> bytes:
    if name == "xl/worksheets/sheet1.xml":
        return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:B2"/>', data)
    return data


def test_the_real_extent_of_a_sheet_is_read_whatever_its_dimension_says(tmp_path: Path) -> None:
    """Five data rows under a stale A1:B2 are five rows, all their columns read."""
    path = workbook(tmp_path / "d.xlsx", table(1, 2, 3, 4, 5))
    rezip(path, _stale_dimension)
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:B2"/>' in archive.read("xl/worksheets/sheet1.xml")
    read = read_xlsx(path).raise_for_errors()
    assert [Decimal(n) for n in range(1, 6)] == realizations(read)


def test_a_hidden_sheet_is_never_read_unless_named(tmp_path: Path) -> None:
    """The active visible sheet is read; a hidden one only when asked for by name."""
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Lama"
    for row in table(1):
        hidden.append(row)
    visible = book.create_sheet("Baru")
    for row in table(2):
        visible.append(row)
    third = book.create_sheet("Lain")
    for row in table(3):
        third.append(row)
    hidden.sheet_state = "hidden"
    book.active = 2
    path = save(book, tmp_path / "h.xlsx")
    read = read_xlsx(path)
    assert ("Lain", [Decimal(3)]) == (read.sheet, realizations(read))
    assert [Decimal(1)] == realizations(read_xlsx(path, sheet="Lama"))


def test_a_hidden_active_sheet_gives_way_to_the_first_visible_one(tmp_path: Path) -> None:
    """When the active sheet is hidden, the first visible worksheet is read."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Lama"
    for row in table(1):
        first.append(row)
    second = book.create_sheet("Baru")
    for row in table(2):
        second.append(row)
    path = save(book, tmp_path / "h.xlsx")
    rezip(
        path,
        lambda name, data: (
            data.replace(
                b'name="Lama" sheetId="1" state="visible"',
                b'name="Lama" sheetId="1" state="hidden"',
            )
            if name == "xl/workbook.xml"
            else data
        ),
    )
    read = read_xlsx(path)
    assert ("Baru", [Decimal(2)]) == (read.sheet, realizations(read))


def test_a_workbook_with_no_visible_worksheet_is_refused(tmp_path: Path) -> None:
    """Only hidden sheets: an error asking for the sheet's name."""
    path = workbook(tmp_path / "h.xlsx", table(1))
    rezip(
        path,
        lambda name, data: (
            data.replace(b'state="visible"', b'state="hidden"')
            if name == "xl/workbook.xml"
            else data
        ),
    )
    with pytest.raises(DataFileError) as caught:
        read_xlsx(path)
    assert "no visible worksheet" in problems(caught)
    assert "tidak memiliki lembar yang tampak" in caught.value.describe()
    assert [Decimal(1)] == realizations(read_xlsx(path, sheet="Data"))


@pytest.mark.parametrize(
    "part",
    [
        "xl/worksheets/sheet1.xml",
        "xl/workbook.xml",
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
    ],
)
def test_a_workbook_with_a_missing_part_is_a_clear_error(tmp_path: Path, part: str) -> None:
    """A part left out of the zip ends in a DataFileError, never a foreign exception."""
    path = workbook(tmp_path / "m.xlsx", table(1))
    rezip(path, lambda name, data: None if name == part else data)
    with pytest.raises(sakip.SakipError):
        read_xlsx(path)


@pytest.mark.parametrize("text", ["IKU\x1b1", "a\x0bb"])
def test_a_control_character_written_to_xlsx_is_a_clear_error(tmp_path: Path, text: str) -> None:
    """ESC or a vertical tab in a name cannot go into XLSX: InvalidValueError naming it."""
    row = TableRow(code="A", indicator=text, year=2024, realization=Decimal(1))
    with pytest.raises(sakip.InvalidValueError, match="control characters"):
        write_table([row], tmp_path / "c.xlsx")
    assert not (tmp_path / "c.xlsx").exists()
    write_table([row], tmp_path / "c.csv")
    assert text == sakip.io.read_table(tmp_path / "c.csv").rows[0].indicator


@pytest.mark.parametrize("sheet", ["a/b", "x" * 32, ""])
def test_a_bad_sheet_name_to_write_is_a_clear_error(tmp_path: Path, sheet: str) -> None:
    """A sheet name Excel cannot hold is refused, not passed on to openpyxl."""
    with pytest.raises(sakip.InvalidValueError, match="sheet name"):
        sakip.io.tables.write_xlsx(tmp_path / "s.xlsx", ["a"], [[1]], sheet=sheet)


# --- round trips and places ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_then_read_gives_back_the_same_rows(tmp_path: Path, suffix: str) -> None:
    """A negative stated achievement and a name starting with - or = survive the guard."""
    rows = [
        TableRow(
            code="-A",
            indicator="-Angka kemiskinan",
            year=2024,
            realization=Decimal("-5"),
            stated_achievement="-5,2",
        ),
        TableRow(code="B", indicator="=SUM(1)", unit="@x", year=2024, realization=Decimal(1)),
    ]
    path = tmp_path / f"t{suffix}"
    write_table(rows, path)
    read = sakip.io.read_table(path).raise_for_errors()
    assert rows == [attrs.evolve(row, line=None) for row in read.rows]


def test_csv_problems_name_file_lines_not_records() -> None:
    """After a quoted cell spanning three lines, a bad cell is named by its file line."""
    data = (
        b'Kode;Indikator;Tahun;Realisasi\nA;"one\ntwo\nthree";2024;1\nB;b;2024;x\n\nC;c;2024;2\n'
    )
    read = read_csv(data, file="a.csv")
    assert ["a.csv:5:Realisasi: expected a number (94,6 or 94.6) (got 'x')"] == messages(read)
    assert [2, 7] == [row.line for row in read.rows]
    assert (6,) == read.blank_rows


def test_a_broken_csv_names_the_line() -> None:
    """A CSV the csv module cannot parse names the line where it stopped."""
    with pytest.raises(DataFileError) as caught:
        read_csv(b'Kode;Tahun;Realisasi\nA;2024;1\nB;2024;"' + b"x" * 200_000 + b'"\n')
    assert 3 == caught.value.exceptions[0].row


# --- data files ---------------------------------------------------------------------------

MINIMAL = {
    "format": "sakip-dataset",
    "version": 1,
    "agency": {"name": "Dinas"},
    "plan": {"name": "Renstra", "start_year": 2021, "end_year": 2026},
}


def test_json_duplicate_keys_are_refused() -> None:
    """An object naming a key twice is refused, as TOML refuses it."""
    text = json.dumps(MINIMAL)[:-1] + ', "version": 1}'
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_json(text)
    assert "the key 'version' appears twice in one object" in problems(caught)


def _plan(codes: list[str]) -> str:
    indicators = ", ".join(f'{{"code": "{code}", "name": "x", "unit": "%"}}' for code in codes)
    plan = json.dumps(MINIMAL)[:-2]
    return plan + f', "goals": [{{"code": "T1", "name": "g", "indicators": [{indicators}]}}]}}}}'


def test_indicator_codes_differing_only_in_case_are_a_duplicate_in_a_file() -> None:
    """IKU-1 and iku-1 in one plan are one code used twice: refused."""
    assert 2 == len(sakip.io.loads_json(_plan(["IKU-1", "IKU-2"])).plan.indicators)
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_json(_plan(["IKU-1", "iku-1"]))
    assert "used once only (got 'iku-1')" in problems(caught)


def test_a_ratio_realization_in_a_file_needs_no_value() -> None:
    """[[realizations]] with numerator and denominator only is kept, its value their ratio."""
    text = _plan(["PPKS"])[:-1] + (
        ', "realizations": [{"indicator": "PPKS", "year": 2024, "numerator": 1, '
        '"denominator": 4}]}'
    )
    dataset = sakip.io.loads_json(text)
    assert Decimal(25) == dataset.realizations[0].value
    assert dataset == sakip.io.loads_toml(sakip.io.dumps_toml(dataset))


def test_save_then_load_is_equal_when_the_last_quarter_is_missing(tmp_path: Path) -> None:
    """A budget line spent in TW I-III only comes back equal from TOML and from JSON."""
    dataset = sakip.io.loads_json(_plan(["PPKS"]))
    line = sakip.BudgetLine(
        code="1", name="Program", ceiling=100, quarterly_spent=[10, 20, 30, None]
    )
    dataset = sakip.Dataset(agency=dataset.agency, plan=dataset.plan, budget=[line])
    for suffix in (".toml", ".json"):
        sakip.io.save(dataset, tmp_path / f"d{suffix}")
        assert dataset == sakip.io.load(tmp_path / f"d{suffix}")


def test_a_toml_year_of_1e5000_is_a_clear_error() -> None:
    """start_year = 1e5000 and a target of 1e5000 are refused as data errors."""
    text = (
        'format = "sakip-dataset"\nversion = 1\n[agency]\nname = "a"\n[plan]\nname = "p"\n'
        "start_year = 1e5000\nend_year = 2026\n"
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert "plan:start_year: expected a whole number (got Decimal('1E+5000'))" == problems(caught)
    target = text.replace("[plan]", "[plan]\nbaseline = 1e5000")
    with pytest.raises(DataFileError):
        sakip.io.loads_toml(target)


def test_a_toml_integer_too_long_for_python_is_a_clear_error() -> None:
    """A 5 000-digit integer is refused as data, not as Python's ValueError."""
    text = 'format = "sakip-dataset"\nversion = ' + "9" * 5000 + "\n"
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text, limits=Limits(digits_per_number=10_000))
    assert "not a readable number" in problems(caught)


# --- limits -------------------------------------------------------------------------------


def _dimension_bomb(path: Path) -> Path:
    """A tiny workbook whose sheet declares every cell of a sheet: A1:XFD1048576."""
    workbook(path, table(1, 2))

    def declare(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(
                rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data
            )
        return data

    return rezip(path, declare)


class _CountedRows(CellCount):
    """A cell count that records the width of every row the reader counts."""

    widths: list[int]

    def add(self, row: Any) -> None:
        self.widths.append(len(row))
        super().add(row)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The widths of the rows the XLSX reader counts, in order."""
    widths: list[int] = []
    monkeypatch.setattr(_CountedRows, "widths", widths, raising=False)
    monkeypatch.setattr(sakip.extra.xlsx_reader, "CellCount", _CountedRows)
    return widths


def test_a_workbook_declaring_every_cell_reads_only_its_real_cells(
    tmp_path: Path, counted: list[int]
) -> None:
    """A 5 KB workbook declaring A1:XFD1048576 reads its three rows, none padded to XFD."""
    path = _dimension_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 10_000
    read = read_xlsx(path).raise_for_errors()
    assert [Decimal(1), Decimal(2)] == realizations(read)
    assert 3 == len(counted)
    assert max(counted) < 10


def _sheet_xml(rows: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f"{rows}</sheetData></worksheet>"
    ).encode()


_SHARED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _shared_string_bomb(path: Path, length: int) -> Path:
    """A workbook whose one shared string is ``length`` characters long (zipped: tiny)."""
    workbook(path, [["Kode", "Tahun", "Realisasi"], ["A", 2024, 1]])
    strings = (
        (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
            b'uniqueCount="1"><si><t>'
        )
        + b"x" * length
        + b"</t></si></sst>"
    )

    def share(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return data.replace(b't="inlineStr"><is><t>A</t></is></c>', b't="s"><v>0</v></c>')
        if name == "xl/_rels/workbook.xml.rels":
            relation = f'<Relationship Id="rIdS" Type="{_SHARED}" Target="sharedStrings.xml"/>'
            return data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
        if name == "[Content_Types].xml":
            override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHARED_TYPE}"/>'
            return data.replace(b"</Types>", override.encode() + b"</Types>")
        return data

    return rezip(path, share, {"xl/sharedStrings.xml": strings})


def test_a_shared_string_is_read_from_its_part(tmp_path: Path) -> None:
    """The generator below builds a workbook openpyxl reads: its code is the shared string."""
    path = _shared_string_bomb(tmp_path / "s.xlsx", 3)
    assert ["xxx"] == [row.code for row in read_xlsx(path).rows]


def test_a_huge_shared_string_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 30-million-character shared string zipped 1 000 times smaller: the ratio limit.

    The zip directory refuses it: openpyxl never opens the workbook.
    """
    path = _shared_string_bomb(tmp_path / "s.xlsx", 30_000_000)
    assert path.stat().st_size < 100_000
    opened: list[object] = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *args, **kwargs: opened.append(args))
    with pytest.raises(LimitError) as caught:
        read_xlsx(path)
    assert [] == opened
    assert "xlsx_compression_ratio" == caught.value.limit
    assert "'xl/sharedStrings.xml'" in str(caught.value)
    assert "limits=sakip.io.Limits(xlsx_compression_ratio=...)" in str(caught.value)


def test_a_workbook_too_large_unzipped_is_refused(tmp_path: Path) -> None:
    """The unzipped size of all parts is checked before openpyxl opens the workbook."""
    path = workbook(tmp_path / "u.xlsx", table(1))
    with pytest.raises(LimitError) as caught:
        read_xlsx(path, limits=Limits(xlsx_uncompressed_bytes=1_000))
    assert ("xlsx_uncompressed_bytes", 1_000) == (caught.value.limit, caught.value.maximum)


def test_a_lying_zip_directory_is_a_clear_error(tmp_path: Path) -> None:
    """A part larger than its declared size is never unzipped past it: a SakipError."""
    path = workbook(tmp_path / "u.xlsx", table(1))
    data = bytearray(path.read_bytes())
    directory = data.rindex(b"PK\x01\x02")  # the last entry of the central directory
    data[directory + 24 : directory + 28] = (1).to_bytes(4, "little")  # its declared size
    path.write_bytes(bytes(data))
    with pytest.raises(sakip.SakipError):
        read_xlsx(path)


def test_a_row_bomb_is_refused_before_the_sheet_is_read_whole(
    tmp_path: Path, counted: list[int]
) -> None:
    """Rows that each fill the sheet's last column (XFD): refused at the cells limit.

    The refusal comes at the first row past the limit, long before the sheet's last row.
    """
    path = workbook(tmp_path / "r.xlsx", table(1))
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c></row>'
    rows += "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, 3000))
    rezip(
        path,
        lambda name, data: _sheet_xml(rows) if name == "xl/worksheets/sheet1.xml" else data,
    )
    assert path.stat().st_size < 100_000
    with pytest.raises(LimitError) as caught:
        read_xlsx(path)
    assert "cells_per_sheet" == caught.value.limit
    limit = Limits().cells_per_sheet
    assert 16_384 == max(counted)
    assert sum(counted[:-1]) <= limit < sum(counted) < limit + 16_384
    assert len(counted) < 2_000
    with pytest.raises(LimitError):
        read_xlsx(path, limits=Limits(cells_per_sheet=100_000))


def test_empty_rows_count_as_wide_as_the_widest_row() -> None:
    """Empty rows after a wide one count its width each."""
    from sakip.io.sources import CellCount as _CellCount

    count = _CellCount(Limits(cells_per_sheet=100), "x")
    count.add([None] * 10)
    for _ in range(9):
        count.add([])
    with pytest.raises(LimitError):
        count.add([])


def test_cells_per_sheet_bounds_a_csv_too() -> None:
    """A CSV with more cells than the limit is refused, naming the limit."""
    data = b"Kode;Tahun;Realisasi\n" + b"".join(b"A%d;2024;1\n" % n for n in range(100))
    with pytest.raises(LimitError, match="cells_per_sheet"):
        read_csv(data, limits=Limits(cells_per_sheet=200))
    assert 100 == len(read_csv(data).rows)


def test_characters_per_cell_is_a_limit() -> None:
    """A cell longer than the limit is refused (Excel's own maximum by default)."""
    data = b"Kode;Tahun;Realisasi\n" + b"A" * 40_000 + b";2024;1\n"
    with pytest.raises(LimitError, match="characters_per_cell"):
        read_csv(data)
    assert 1 == len(read_csv(data, limits=Limits(characters_per_cell=50_000)).rows)


def test_digits_per_number_is_a_limit() -> None:
    """A number cell with 200 digits is refused; a limit of 300 reads it."""
    data = b"Kode;Tahun;Realisasi\nA;2024;" + b"1" * 200 + b"\n"
    with pytest.raises(LimitError, match="digits_per_number"):
        read_csv(data)
    assert (
        Decimal("1" * 200)
        == read_csv(data, limits=Limits(digits_per_number=300)).rows[0].realization
    )


def test_file_bytes_is_a_limit(tmp_path: Path) -> None:
    """Every reader refuses a file larger than file_bytes, before it parses anything."""
    (tmp_path / "a.csv").write_bytes(b"Kode;Tahun;Realisasi\nA;2024;1\n")
    (tmp_path / "d.json").write_text(json.dumps(MINIMAL), encoding="utf-8")
    small = Limits(file_bytes=10)
    for call in (
        lambda: sakip.io.read_table(tmp_path / "a.csv", limits=small),
        lambda: read_csv(b"Kode;Tahun;Realisasi\n", limits=small),
        lambda: sakip.io.load(tmp_path / "d.json", limits=small),
        lambda: sakip.io.loads_toml("x = 1" * 5, limits=small),
    ):
        with pytest.raises(LimitError, match="file_bytes"):
            call()


@pytest.mark.parametrize(
    "text",
    ["[" * 100 + "]" * 100, "[" * 100_000 + "]" * 100_000],
    ids=["past-the-limit", "past-the-parser"],
)
def test_deep_json_is_refused_at_the_nesting_limit(text: str) -> None:
    """JSON nested 100 or 100 000 deep: the nesting_depth limit, named."""
    with pytest.raises(LimitError) as caught:
        sakip.io.loads_json(text)
    assert "nesting_depth" == caught.value.limit


@pytest.mark.parametrize(
    "text",
    ["x = " + "[" * 100 + "]" * 100, "x = " + "[" * 100_000 + "]" * 100_000],
    ids=["past-the-limit", "past-the-parser"],
)
def test_deep_toml_is_refused_at_the_nesting_limit(text: str) -> None:
    """TOML arrays nested 100 or 100 000 deep: the nesting_depth limit, named."""
    with pytest.raises(LimitError) as caught:
        sakip.io.loads_toml(text)
    assert "nesting_depth" == caught.value.limit


def test_a_json_integer_with_too_many_digits_is_refused() -> None:
    """A 5 000-digit JSON integer is a digits limit, not Python's conversion error."""
    with pytest.raises(LimitError, match="digits_per_number"):
        sakip.io.loads_json('{"format": ' + "9" * 5000 + "}")


def test_a_limit_error_reads_pickles_and_is_a_sakip_error() -> None:
    """The message names the limit and how to raise it; the error pickles."""
    error = LimitError("file_bytes", 300_000_000, 200_000_000, what="the size", file="a.csv")
    assert (
        "a.csv: the size is 300,000,000, above the limit of 200,000,000 (file_bytes); if the "
        "file is trusted, raise the limit with limits=sakip.io.Limits(file_bytes=...)"
    ) == str(error)
    assert str(error) == str(pickle.loads(pickle.dumps(error)))
    assert isinstance(error, sakip.SakipError)


@pytest.mark.parametrize("value", [0, -1, True, "5", 1.5])
def test_a_limit_must_be_a_positive_whole_number(value: object) -> None:
    """Limits refuses a limit that is no positive int."""
    with pytest.raises(sakip.InvalidValueError):
        Limits(file_bytes=value)  # type: ignore[arg-type]


def test_limits_must_be_a_limits_object() -> None:
    """limits= takes a Limits or None."""
    with pytest.raises(sakip.InvalidValueError, match="Limits"):
        read_csv(b"Kode;Tahun;Realisasi\n", limits={"file_bytes": 5})  # type: ignore[arg-type]


def test_a_genuine_large_table_stays_inside_the_defaults() -> None:
    """20 000 rows of a dozen columns read at the defaults; a million rows fit the cell limit."""
    row = b"IKU-1;Persentase PPKS;%;positif;2024;;94,6;95;13773;14460;100,42\n"
    header = b"Kode;Indikator;Satuan;Polaritas;Tahun;Triwulan;Target;Realisasi;Pembilang;"
    header += b"Penyebut;Capaian\n"
    lines = [row.replace(b"2024", str(1900 + n % 200).encode(), 1) for n in range(200)]
    data = header + b"".join(
        line.replace(b"IKU-1", f"I{n}".encode(), 1) for n in range(100) for line in lines
    )
    read = read_csv(data)
    assert (20_000, ()) == (len(read.rows), read.errors)
    from sakip.io.sources import CellCount as _CellCount

    count = _CellCount(sakip.io.DEFAULT_LIMITS, "national.csv")
    wide = [None] * 14
    for _ in range(1_000_000):
        count.add(wide)
    assert 14_000_000 == count.cells
    assert 1_000_000 * 500 < sakip.io.DEFAULT_LIMITS.xlsx_uncompressed_bytes


def test_a_contradicting_cell_shows_as_its_text() -> None:
    """The marker of a contradicting cell shows the cell's text in messages."""
    from sakip.io._notation import Contradiction

    assert "'1.234,5'" == repr(Contradiction("1.234,5", "written in Indonesian notation"))


def test_a_toml_number_with_too_many_digits_is_refused() -> None:
    """A TOML float of 200 digits is the digits limit, named."""
    with pytest.raises(LimitError, match="digits_per_number"):
        sakip.io.loads_toml("x = 0." + "1" * 200)
