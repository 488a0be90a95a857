"""The print-ready workbook, read back with openpyxl, its print settings included."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from sakip.extra.xlsx_writer import HEADER_ROW, to_xlsx
from sakip.io import load
from sakip.locale import format_number, format_percent
from sakip.report import Cell, CellKind, Column, Report, Table, build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
RATING_FILLS = {"ST": "C8E6C9", "T": "DCEDC8", "S": "FFF9C4", "R": "FFE0B2", "SR": "FFCDD2"}


@pytest.fixture(scope="module")
def seed() -> Report:
    return build_report(load(SEED))


@pytest.fixture(scope="module")
def book(seed: Report) -> Any:
    return load_workbook(io.BytesIO(to_xlsx(seed)))


def _pairs(book: Any, seed: Report) -> list[tuple[Cell, Any]]:
    """Every cell of the report with the workbook cell that holds it."""
    pairs = []
    for table in seed.tables:
        sheet = book[table.number]
        printed = [row for _, row in table.printed()]  # the goals' and objectives' rows too
        for r, row in enumerate(printed, start=HEADER_ROW + 1):
            pairs += [(cell, sheet.cell(row=r, column=c)) for c, cell in enumerate(row, start=1)]
    return pairs


def test_every_sheet_prints_on_a4_landscape_as_wide_as_the_page(book: Any) -> None:
    """A4 landscape, one page wide and as many down as needed, the header on every page."""
    for sheet in book.worksheets:
        assert "landscape" == sheet.page_setup.orientation
        assert 9 == int(sheet.page_setup.paperSize)  # A4 in the XLSX paper codes
        assert 1 == sheet.page_setup.fitToWidth
        assert 0 == sheet.page_setup.fitToHeight
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert f"${HEADER_ROW}:${HEADER_ROW}" == sheet.print_title_rows
        assert f"A{HEADER_ROW + 1}" == sheet.freeze_panes


def test_the_header_is_shaded_bold_and_ruled(seed: Report, book: Any) -> None:
    """Every heading cell: bold, grey, lines on four sides."""
    for table in seed.tables:
        for cell in book[table.number][HEADER_ROW]:
            assert cell.font.bold
            assert "00EEEEEE" == cell.fill.start_color.rgb
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert {"thin"} == {side.style for side in sides}


def test_every_table_cell_is_ruled(seed: Report, book: Any) -> None:
    """The body has lines round every cell; the rule and sentences under it have none.

    A group's name merged over blank cells is one cell: lines above and below each part.
    """
    for _, stored in _pairs(book, seed):
        assert "thin" == stored.border.top.style == stored.border.bottom.style
        if not isinstance(stored, MergedCell):
            assert "thin" == stored.border.left.style
    sheet = book["3.1"]
    printed = len(seed.tables[0].rows) + len(seed.tables[0].groups)
    below = sheet.cell(row=HEADER_ROW + printed + 2, column=1)
    assert "Sumber: LHE MenPANRB 2024; BPS; Dinas Sosial Kota Metro" == below.value
    assert below.border.left.style is None


def test_ratings_are_coloured_as_on_the_html_page(book: Any, seed: Report) -> None:
    """A rating cell is filled with its band's colour."""
    rated = [(cell, stored) for cell, stored in _pairs(book, seed) if cell.kind is CellKind.RATING]
    assert rated
    for cell, stored in rated:
        assert f"00{RATING_FILLS[str(cell.code)]}" == stored.fill.start_color.rgb


def test_every_figure_is_a_number_stored_as_printed(book: Any, seed: Report) -> None:
    """The stored number shown with its display format's decimals prints as the report does."""
    numeric = [(cell, stored) for cell, stored in _pairs(book, seed) if cell.numeric]
    assert len(numeric) > 20
    for cell, stored in numeric:
        assert isinstance(stored.value, int | float)
        decimals = stored.number_format.split('"')[0].partition(".")[2].count("0")
        value = Decimal(str(stored.value))
        shown = (
            format_percent(value)
            if cell.kind is CellKind.PERCENT
            else format_number(value, decimals)
        )
        assert cell.format("id") == shown


def test_integers_have_no_decimal_separator(book: Any) -> None:
    """A whole number's format is #,##0 ("95", never "95,"); a rupiah amount too."""
    assert 95 == book["3.1"]["E8"].value  # the third indicator, after two groups' rows
    assert "#,##0" == book["3.1"]["E8"].number_format
    assert "#,##0.0" == book["3.1"]["D8"].number_format
    assert "#,##0" == book["3.6"]["E5"].number_format


def test_no_is_a_number_and_missing_is_centred(seed: Report, book: Any) -> None:
    """The row number sorts as a number; "—" stands in the middle of its cell."""
    sheet = book["3.1"]
    # a goal's and an objective's row (4 and 7) have no number
    assert [None, 1, 2, None, 3] == [sheet.cell(row=r, column=1).value for r in range(4, 9)]
    assert "—" == sheet["D6"].value
    assert "center" == sheet["D6"].alignment.horizontal


def _odd() -> Report:
    """A table whose "No" is not a number, with a rating outside the known bands."""
    columns = (Column(key="no", title="No"), Column(key="rating", title="Kategori"))
    rows = ((Cell.text("1a"), Cell.rating("Istimewa", "X")),)
    table = Table(
        key="odd", number="3.9", title="Lain", columns=columns, rows=rows, rule="r", source="s"
    )
    return Report(title="Laporan", agency="Dinas", year=2024, lang="id", tables=(table,))


def test_a_no_that_is_not_a_number_stays_text_and_an_unknown_band_is_not_coloured() -> None:
    """Nothing is guessed: "1a" is text, a band sakip has no colour for is left plain."""
    sheet = load_workbook(io.BytesIO(to_xlsx(_odd())))["3.9"]
    assert "1a" == sheet["A4"].value
    assert sheet["B4"].fill.fill_type is None


def test_the_lines_under_a_table_wrap_inside_its_width_and_only_the_table_prints(
    seed: Report, book: Any
) -> None:
    """A long line would run on to the right and shrink the printed table to fit it."""
    for table in seed.tables:
        sheet = book[table.number]
        last = sheet.cell(row=1, column=len(table.columns)).column_letter
        assert f"'{table.number}'!$A$1:${last}${sheet.max_row}" == sheet.print_area
        first = HEADER_ROW + len(list(table.printed())) + 2
        merged = {str(cells) for cells in sheet.merged_cells.ranges}
        for row in range(first, sheet.max_row + 1):
            assert f"A{row}:{last}{row}" in merged
            assert sheet.cell(row=row, column=1).alignment.wrap_text
    sheet = book["3.1"]
    heights = [sheet.row_dimensions[row].height for row in range(first, sheet.max_row + 1)]
    assert min(heights) >= 15
    assert max(heights) > 15  # the rule's basis needs more than one line at this width


def test_a_goals_name_runs_over_the_blank_cells_of_its_row(seed: Report, book: Any) -> None:
    """A group row's name is merged across unit, target and realization, wrapped to fit."""
    sheet = book["3.1"]
    goal = HEADER_ROW + 1  # the first row under the header is the seed's goal
    assert sheet.cell(row=goal, column=2).value.startswith("Tujuan: ")
    assert f"B{goal}:E{goal}" in {str(cells) for cells in sheet.merged_cells.ranges}
    assert sheet.row_dimensions[goal].height > 15  # the seed's goal takes two lines
    assert sheet.column_dimensions["B"].width < 50  # sized by the indicators' names
