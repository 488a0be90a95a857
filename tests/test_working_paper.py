"""The reviewer's working paper (kertas kerja reviu): HTML, XLSX and DOCX, read back."""

from __future__ import annotations

import io
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

import sakip
from sakip.audit import Audit, audit
from sakip.cli import EXIT_BAD_FILE, EXIT_DISAGREES, EXIT_OK, main
from sakip.extra.docx import paper_to_docx
from sakip.extra.xlsx_writer import PAPER_HEADER_ROW, paper_to_xlsx
from sakip.io import load
from sakip.present.audit import audit_data, audit_html, working_paper

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "tests" / "fixtures" / "kertas-kerja-2024.toml"
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
HEADING_ID = "Kertas Kerja Reviu Laporan Kinerja Dinas Sosial Kota Metro Tahun 2024"
HEADING_EN = "Review working paper: performance report of Dinas Sosial Kota Metro, 2024"
# Words of the Indonesian paper that an English one must not hold (the data's own words and
# the figures aside).
INDONESIAN = ("Dinyatakan", "Simpulan", "SESUAI", "Sumber", "angka", "Rumus", "capaian sasaran")


@pytest.fixture(scope="module")
def result() -> Audit:
    return audit(load(PAPER))


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- what the paper holds -------------------------------------------------------------------


def test_the_audit_knows_the_reports_agency_and_year(result: Audit) -> None:
    """The latest year with a realization is the report's year, as `sakip report` picks it."""
    assert ("Dinas Sosial Kota Metro", 2024) == (result.agency, result.year)


def test_the_paper_lists_every_finding_numbered(result: Audit) -> None:
    """Every figure, agreeing or not, numbered from 1, with its place and verdict."""
    paper = working_paper(result)
    assert HEADING_ID == paper.heading
    numbers = [row[0].value for row in paper.table.rows]
    assert [str(i) for i in range(1, 10)] == numbers
    verdicts = [row[5].value for row in paper.table.rows]
    assert 3 == verdicts.count("TIDAK SESUAI")
    assert "Reviu: 9 angka yang dinyatakan diperiksa, 6 sesuai, 3 tidak sesuai." == paper.summary
    first = [cell.value for cell in paper.table.rows[8]]
    assert [
        "9",
        "Tabel 3.6, selisih (B-SAKIP)",
        "sisa anggaran",
        "25.631.992",
        "25.631.929",
        "TIDAK SESUAI",
        "174.970.600 − 149.338.671 = 25.631.929",
        "PermenPANRB 53/2014, Lampiran, Bab III B (realisasi anggaran) [REG]",
    ] == first


def test_the_paper_in_english(result: Audit) -> None:
    """The heading, columns, verdicts and sources in English; the figures as printed."""
    paper = working_paper(result, lang="en")
    assert HEADING_EN == paper.heading
    words = " ".join(
        [paper.heading, paper.summary, *(c.title for c in paper.table.columns)]
        + [str(cell.value) for row in paper.table.rows for cell in row]
    )
    for indonesian in INDONESIAN:
        assert indonesian not in words
    assert "DISAGREES" in words


def test_a_paper_without_an_agency_or_a_year_says_so() -> None:
    """An audit built by hand has no agency or year: the heading says what it knows."""
    bare = Audit(findings=())
    assert "Kertas Kerja Reviu Laporan Kinerja" == working_paper(bare).heading
    named = Audit(findings=(), agency="Dinas X")
    assert "Kertas Kerja Reviu Laporan Kinerja Dinas X" == working_paper(named).heading


def test_a_claim_and_a_figure_not_recomputable_in_the_paper() -> None:
    """A claim shows what it says and whether it holds; a figure not recomputable, a dash."""
    data = load(SEED)
    figures = [
        sakip.StatedFigure(
            kind="claim",
            stated="di bawah standar",
            claim="below-national-standard",
            indicator="IKU-1",
            year=2024,
        ),
        sakip.StatedFigure(kind="percentage", stated="1", operands=[1, 0]),
    ]
    paper = working_paper(audit(data, figures))
    claim, zero = paper.table.rows
    assert "di bawah standar nasional: 'di bawah standar'" == claim[3].value
    assert "tidak terbukti" == claim[4].value
    assert zero[4].value is None
    assert "—" == zero[7].value  # plain arithmetic cites no source


def test_the_json_names_the_agency_and_year(result: Audit) -> None:
    """JSON gains the report's agency and year beside the file's name."""
    data = audit_data(result, name="x.toml")
    assert ("Dinas Sosial Kota Metro", 2024, "x.toml") == (
        data["agency"],
        data["year"],
        data["file"],
    )


# --- HTML -----------------------------------------------------------------------------------


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.heading = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "h1"):
            self._in = tag
            if tag == "td":
                self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "td":
            self.cells[-1] += data
        elif self._in == "h1":
            self.heading += data


def test_the_html_page_reads_back(result: Audit) -> None:
    """One page headed by the agency and year, every finding a row, verdicts coloured."""
    page = audit_html(result)
    parsed = _Cells()
    parsed.feed(page)
    assert HEADING_ID == parsed.heading
    assert 9 * 8 == len(parsed.cells)
    assert "25.631.929" in parsed.cells
    assert 3 == page.count('class="rating-SR"')
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in page


def test_the_html_escapes_what_the_data_says() -> None:
    """A location from the data is text on the page, never markup."""
    data = load(SEED)
    figure = sakip.StatedFigure(
        kind="sum", stated="3", operands=[1, 2], location="<script>alert(1)</script>"
    )
    page = audit_html(audit(data, [figure]))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


# --- XLSX -----------------------------------------------------------------------------------


def test_the_workbook_reads_back_print_ready(result: Audit) -> None:
    """Headed by agency and year, the header row frozen and repeated, A4 landscape."""
    sheet = load_workbook(io.BytesIO(paper_to_xlsx(working_paper(result)))).active
    assert sheet is not None
    assert HEADING_ID == sheet["A1"].value
    header = [cell.value for cell in sheet[PAPER_HEADER_ROW]]
    assert "Dinyatakan" == header[3]
    assert f"A{PAPER_HEADER_ROW + 1}" == sheet.freeze_panes
    assert f"${PAPER_HEADER_ROW}:${PAPER_HEADER_ROW}" == sheet.print_title_rows
    assert "landscape" == sheet.page_setup.orientation
    rows = list(sheet.iter_rows(min_row=PAPER_HEADER_ROW + 1, max_row=PAPER_HEADER_ROW + 9))
    assert list(range(1, 10)) == [row[0].value for row in rows]
    assert "FFCDD2" in rows[8][5].fill.start_color.rgb  # disagrees: red
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(str(v).startswith("Reviu: 9 angka") for v in values)


# --- DOCX -----------------------------------------------------------------------------------


def test_the_document_reads_back(result: Audit) -> None:
    """Title, caption, one table with a repeated header row, landscape A4, the summary."""
    document = docx.Document(io.BytesIO(paper_to_docx(working_paper(result, lang="en"))))
    paragraphs = [p.text for p in document.paragraphs]
    assert HEADING_EN == paragraphs[0]
    assert "Title" == document.paragraphs[0].style.name
    assert paragraphs[-1].startswith("Audit: 9 stated figures checked")
    (table,) = document.tables
    assert 10 == len(table.rows)
    assert "Stated" == table.rows[0].cells[3].text
    assert "25.631.929" == table.rows[9].cells[4].text
    section = document.sections[0]
    assert WD_ORIENT.LANDSCAPE == section.orientation
    assert section.page_width > section.page_height  # type: ignore[operator]
    assert HEADING_EN == document.core_properties.title


def test_the_same_paper_gives_the_same_bytes(result: Audit) -> None:
    """A paper handed in twice is the same file."""
    paper = working_paper(result)
    assert paper_to_docx(paper) == paper_to_docx(paper)


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["html", "xlsx", "docx", "json", "text"])
def test_the_command_writes_the_paper(format: str, tmp_path: Path) -> None:
    """`--output PATH` writes the file whole; the exit status still says there are findings."""
    path = tmp_path / f"kertas-kerja.{format}"
    code, out, err = run("audit", str(PAPER), "--format", format, "--output", str(path))
    assert EXIT_DISAGREES == code
    assert "" == out
    assert f"ditulis: {path}" in err
    assert path.stat().st_size > 0


def test_a_binary_paper_needs_an_output() -> None:
    """A workbook is not printed to a terminal."""
    code, _, err = run("audit", str(PAPER), "--format", "xlsx")
    assert EXIT_BAD_FILE == code
    assert "--format xlsx perlu --output PATH" in err


def test_the_paper_does_not_overwrite_the_data(tmp_path: Path) -> None:
    """--output naming the data file is refused before anything is written."""
    data = tmp_path / "data.toml"
    data.write_bytes(PAPER.read_bytes())
    code, _, err = run("audit", str(data), "--format", "html", "--output", str(data))
    assert EXIT_BAD_FILE == code
    assert "adalah berkas data" in err
    assert PAPER.read_bytes() == data.read_bytes()


def test_a_dash_is_standard_output() -> None:
    """`--output -` prints, as for `sakip report`."""
    code, out, _ = run("audit", str(PAPER), "--format", "html", "--output", "-", "--lang", "en")
    assert EXIT_DISAGREES == code
    assert HEADING_EN in out


def test_an_output_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    """A folder that does not exist: the path and why, status 2."""
    path = tmp_path / "tidak-ada" / "kk.html"
    code, _, err = run("audit", str(PAPER), "--format", "html", "--output", str(path))
    assert EXIT_BAD_FILE == code
    assert str(path) in err


def test_a_missing_optional_library_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without python-docx the command says which extra to install."""
    monkeypatch.setitem(sys.modules, "docx", None)
    code, _, err = run(
        "audit", str(PAPER), "--format", "docx", "--output", str(tmp_path / "kk.docx")
    )
    assert EXIT_BAD_FILE == code
    assert "sakip[docx]" in err


def test_a_seed_audit_that_agrees_exits_zero(tmp_path: Path) -> None:
    """No disagreement: status 0, the paper written all the same."""
    data = load(SEED)
    agreeing = [f for f in audit(data).findings if f.agrees]
    kept = sakip.Dataset(
        agency=data.agency,
        plan=data.plan,
        realizations=data.realizations,
        stated=[f.figure for f in agreeing],
    )
    path = tmp_path / "ok.json"
    sakip.io.save(kept, tmp_path / "ok.toml")
    code, _, _ = run("audit", str(tmp_path / "ok.toml"), "--format", "json", "--output", str(path))
    assert EXIT_OK == code
    assert json.loads(path.read_text(encoding="utf-8"))["ok"]
    assert re.search(r'"year": 2024', path.read_text(encoding="utf-8"))
