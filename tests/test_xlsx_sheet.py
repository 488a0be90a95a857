"""A worksheet's XML read in one pass gives the cells openpyxl's read-only cells give."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip.io  # noqa: F401 - first: sakip.extra.xlsx_reader is imported through it
from sakip.extra import xlsx_reader
from sakip.io import DataFileError, LimitError, Limits
from sakip.io.errors import Problem
from sakip.io.sources import CellCount
from sakip.io.tables import read_xlsx

SHEET = "xl/worksheets/sheet1.xml"
FORMATS = (
    "General",
    "0%",
    "0.00%",
    '0.0"%"',
    "yyyy-mm-dd",
    "yyyy-mm-dd h:mm",
    "h:mm",
    "[h]:mm:ss",
    "0.00",
)
STRINGS = ("satu", "dua", "tiga")
TEXT = st.text(alphabet="abc XYZ 019,.%-", max_size=8)


_SHARED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _with_strings(name: str, data: bytes) -> bytes:
    """A part of the workbook, with the shared strings' part declared."""
    if name == "xl/_rels/workbook.xml.rels":
        relation = f'<Relationship Id="rIdS" Type="{_SHARED}" Target="sharedStrings.xml"/>'
        return data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
    if name == "[Content_Types].xml":
        override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHARED_TYPE}"/>'
        return data.replace(b"</Types>", override.encode() + b"</Types>")
    return data


def _base() -> tuple[bytes, dict[str, int]]:
    """A workbook whose styles hold each of FORMATS and whose shared strings are STRINGS."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for column, number_format in enumerate(FORMATS, 1):
        sheet.cell(row=1, column=column, value=1).number_format = number_format
    saved = io.BytesIO()
    book.save(saved)
    strings = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>{text}</t></si>" for text in STRINGS)
        + "</sst>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(buffer, "w") as target:
        xml = source.read(SHEET).decode()
        for info in source.infolist():
            target.writestr(info.filename, _with_strings(info.filename, source.read(info)))
        target.writestr("xl/sharedStrings.xml", strings)
    styles = dict(re.findall(r'<c r="([A-I])1" s="(\d+)"', xml))
    letters = "ABCDEFGHI"
    return buffer.getvalue(), {
        number_format: int(styles.get(letter, 0))
        for letter, number_format in zip(letters, FORMATS, strict=True)
    }


BASE, STYLES = _base()


def _with_sheet(path: Path, rows: str) -> Path:
    """The base workbook with ``rows`` as the sheet's data, no ``<dimension>``."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
        '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(io.BytesIO(BASE)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = sheet.encode() if info.filename == SHEET else source.read(info)
            target.writestr(info.filename, data)
    return path


def _openpyxl_cells(path: Path) -> list[list[object]]:
    """What the reader gave before: openpyxl's read-only cells, each turned into sakip's.

    The values' sheet beside the formulas' sheet, which finds formulas with no saved value.
    """
    books = [openpyxl.load_workbook(path, read_only=True, data_only=only) for only in (1, 0)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of a date past its limits
            count = CellCount(Limits(), str(path))
            return xlsx_reader._sheet_rows(books[0]["Data"], books[1]["Data"], count)
    finally:
        for book in books:
            book.close()


def _typed(rows: list[list[object]]) -> list[list[tuple[str, object]]]:
    return [[(type(cell).__name__, cell) for cell in row] for row in rows]


def _number(style: str) -> st.SearchStrategy[str]:
    numbers = st.one_of(
        st.integers(-(10**6), 10**6).map(str),
        st.floats(-1e6, 1e6, allow_nan=False).map(repr),
        st.sampled_from(["1E3", "2.5e-1", "0", "-0.0", "45292.5", "3e6"]),
    )
    return numbers.map(lambda text: f'<c{{r}} s="{STYLES[style]}"><v>{text}</v></c>')


CELLS = st.one_of(
    st.sampled_from(FORMATS).flatmap(_number),
    st.integers(0, 12).map(lambda value: f"<c{{r}}><v>{value}</v></c>"),
    st.integers(0, len(STRINGS) - 1).map(lambda index: f'<c{{r}} t="s"><v>{index}</v></c>'),
    st.sampled_from("01").map(lambda flag: f'<c{{r}} t="b"><v>{flag}</v></c>'),
    st.sampled_from(["#DIV/0!", "#N/A"]).map(lambda error: f'<c{{r}} t="e"><v>{error}</v></c>'),
    TEXT.map(lambda text: f'<c{{r}} t="str"><f>A1</f><v>{escape(text)}</v></c>'),
    TEXT.map(lambda text: f'<c{{r}} t="inlineStr"><is><t>{escape(text)}</t></is></c>'),
    st.lists(TEXT, max_size=3).map(
        lambda runs: (
            '<c{r} t="inlineStr"><is>'
            + "".join(f"<r><t>{escape(run)}</t></r>" for run in runs)
            + "</is></c>"
        )
    ),
    st.sampled_from(
        [
            '<c{r} t="inlineStr"><is><t/></is></c>',
            '<c{r} t="inlineStr"></c>',
            '<c{r} t="d"><v>2024-03-01T00:00:00</v></c>',
            '<c{r} t="d"><v>2024-03-01T10:30:00</v></c>',
            "<c{r}><f>1+1</f><v>2</v></c>",
            "<c{r}><v></v></c>",
            "<c{r}/>",
            f'<c{{r}} s="{STYLES["yyyy-mm-dd"]}"><v>99999999</v></c>',  # past a date's limits
        ]
    ),
)


@st.composite
def sheets(draw: st.DrawFn) -> str:
    """A sheet's rows: numbered or not, with gaps, repeats and cells without a reference."""
    rows, number = [], 0
    for _ in range(draw(st.integers(0, 6))):
        number = draw(st.sampled_from([number + 1, number + 1, number + 3, max(number - 1, 0)]))
        numbered = draw(st.sampled_from(['r="{n}"', 'r="{n}"', 'r="{n}.0"', ""]))
        cells, column = [], 0
        for cell in draw(st.lists(CELLS, max_size=5)):
            column += draw(st.integers(1, 3))
            letters = openpyxl.utils.get_column_letter(column)
            place = draw(st.sampled_from([f' r="{letters}{number}"', ""]))
            cells.append(cell.format(r=place))
        rows.append(f"<row {numbered.format(n=number)}>{''.join(cells)}</row>")
        if not numbered:
            number = 0  # the row read is numbered one after the last, not our count
    return "".join(rows)


@given(rows=sheets())
def test_a_sheet_reads_as_openpyxl_reads_its_cells(
    rows: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every kind of cell, row and reference gives the value openpyxl's cell gives."""
    path = _with_sheet(tmp_path_factory.mktemp("sheet") / "s.xlsx", rows)
    try:
        expected = _typed(_openpyxl_cells(path))
    except ValueError:  # a row openpyxl cannot number: the reader refuses it too
        with pytest.raises(DataFileError):
            xlsx_reader.workbook_cells(path)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's, when the sheet is read with formulas
        assert expected == _typed(xlsx_reader.workbook_cells(path)["Data"])


def test_an_error_and_an_iso_date_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    """A saved error (``t="e"``) is its text; a date cell (``t="d"``) is the date's text."""
    rows = (
        '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1"><v>1</v></c>'
        '<c r="C1" t="d"><v>2024-01-31T00:00:00</v></c></row>'
    )
    path = _with_sheet(tmp_path / "e.xlsx", rows)
    cells = xlsx_reader.workbook_cells(path)["Data"]
    assert [["#DIV/0!", 1, "2024-01-31"]] == cells
    assert _typed(_openpyxl_cells(path)) == _typed(cells)


def test_percent_dates_and_texts_as_a_user_sees_them(tmp_path: Path) -> None:
    """95 % is 95, a date is its ISO text, a rich text is its runs, a gap is an empty row.

    A row ends at its last cell, as openpyxl ends it: a cell before it that stands further
    right is left out.
    """
    rows = (
        f'<row r="1"><c r="A1" s="{STYLES["0%"]}"><v>0.95</v></c>'
        f'<c r="C1" s="{STYLES["yyyy-mm-dd"]}"><v>45292</v></c>'
        f'<c r="D1" s="{STYLES["h:mm"]}"><v>0.5</v></c></row>'
        '<row r="3"><c t="inlineStr"><is><r><t>Dinas </t></r><r><t>Sosial</t></r></is></c>'
        '<c t="s"><v>1</v></c><c t="b"><v>1</v></c></row>'
        '<row r="4"><c r="C4"><v>1</v></c><c r="A4"><v>2</v></c></row>'  # as wide as its last
    )
    cells = xlsx_reader.workbook_cells(_with_sheet(tmp_path / "p.xlsx", rows))["Data"]
    assert [
        [Decimal(95), None, "2024-01-01", "12:00:00"],
        [],
        ["Dinas Sosial", "dua", True],
        [2],
    ] == cells


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The ``data_only`` of each workbook openpyxl loads."""
    loads: list[bool] = []
    load = openpyxl.load_workbook

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(kwargs["data_only"])
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counted)
    return loads


HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Tahun</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Realisasi</t></is></c></row>'
)
"""A table's header row, as inline texts."""


def test_saved_formulas_are_read_in_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A formula whose value was saved is that value: the workbook is opened once."""
    rows = (
        HEADER
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>2024</v></c>'
        '<c r="C2"><f>40+2</f><v>42</v></c></row>'
    )
    loads = _loads(monkeypatch)
    read = read_xlsx(_with_sheet(tmp_path / "f.xlsx", rows)).raise_for_errors()
    assert [Decimal(42)] == [row.realization for row in read.rows]
    assert [True] == loads


def test_a_formula_with_no_saved_value_is_read_again_with_its_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second pass, with formulas, names the formula of each cell without a value."""
    rows = (
        HEADER
        + '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>2024</v></c>'
        '<c r="C2"><f>SUM(D1:D9)</f></c></row>'
    )
    loads = _loads(monkeypatch)
    read = read_xlsx(_with_sheet(tmp_path / "f.xlsx", rows))
    assert [True, False] == loads
    [error] = read.errors
    assert "'=SUM(D1:D9)'" in str(error)
    assert ("Data", 2, "Realisasi") == (error.sheet, error.row, error.column)


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="1"><c r="A"><v>1</v></c></row>',  # a reference without a row
        '<row r="1"><c r="A1B"><v>1</v></c></row>',
        '<row r="1.5"><c><v>1</v></c></row>',
        '<row r="1"><c r="A1"><v>x</v></c></row>',
        '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',  # no such shared string
        '<row r="1"><c r="A1" s="99"><v>1</v></c></row>',  # no such style
    ],
)
def test_a_broken_sheet_is_one_error_naming_it(tmp_path: Path, rows: str) -> None:
    """Whatever breaks inside the sheet's XML, the error names the file and the sheet."""
    path = _with_sheet(tmp_path / "b.xlsx", rows)
    with pytest.raises(DataFileError) as caught:
        read_xlsx(path)
    [problem] = caught.value.exceptions
    assert Problem.UNREADABLE_SHEET == problem.problem
    assert str(problem).startswith(f"{path}[Data]: the sheet cannot be read")


def test_a_row_far_down_is_counted_before_its_empty_rows_fill_the_memory(
    tmp_path: Path,
) -> None:
    """A row numbered 1,048,576 stands for a million empty rows: the cells limit refuses it."""
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"/></row>'
    with pytest.raises(LimitError) as caught:
        read_xlsx(_with_sheet(tmp_path / "r.xlsx", rows), limits=Limits(cells_per_sheet=10**5))
    assert "cells_per_sheet" == caught.value.limit
