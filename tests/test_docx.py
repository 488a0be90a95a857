"""Chapter III as a Word document, read back with python-docx."""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm

import sakip
from sakip import render
from sakip.cli import main
from sakip.extra.docx import FIXED_DATE, WIDE_COLUMNS, to_docx
from sakip.io import load
from sakip.report import Cell, Column, Report, Table, build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
A4 = (7560310, 10692130)


@pytest.fixture(scope="module")
def seed() -> Report:
    return build_report(load(SEED))


@pytest.fixture(scope="module")
def document(seed: Report) -> Any:
    return docx.Document(io.BytesIO(to_docx(seed)))


def _read(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _captions(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Caption"]


def test_each_table_has_a_caption_in_words_caption_style(seed: Report, document: Any) -> None:
    """Captions "Tabel 3.n …" are in the Caption style, so Word's table of tables lists them."""
    assert [table.caption for table in seed.tables] == _captions(document)
    assert _captions(document)[0].startswith("Tabel 3.1 ")
    assert "Title" == document.paragraphs[0].style.name
    assert "Heading 1" == document.paragraphs[1].style.name
    assert "Bab III Akuntabilitas Kinerja" == document.paragraphs[1].text


def test_tables_are_ruled_with_a_repeating_shaded_header(seed: Report, document: Any) -> None:
    """Table Grid with lines of its own; the header row repeats on each page, bold and shaded."""
    assert len(seed.tables) == len(document.tables)
    for table, grid in zip(seed.tables, document.tables, strict=True):
        assert "Table Grid" == grid.style.name
        assert grid._tbl.tblPr.find(qn("w:tblBorders")) is not None
        header = grid.rows[0]
        flag = header._tr.trPr.find(qn("w:tblHeader"))
        assert "true" == flag.get(qn("w:val"))
        assert [column.title for column in table.columns] == [c.text for c in header.cells]
        assert all(c.paragraphs[0].runs[0].bold for c in header.cells)
        assert grid.rows[1]._tr.trPr is None  # only the header repeats


def test_the_figures_are_as_printed_and_numbers_right_aligned(seed: Report, document: Any) -> None:
    """Every cell reads as the text report prints it; a number is aligned to the right."""
    for table, grid in zip(seed.tables, document.tables, strict=True):
        rows = [row for _, row in table.printed()]  # the goals' and objectives' rows too
        for row, printed in zip(rows, grid.rows[1:], strict=True):
            expected = [cell.format("id") for cell in row]
            first, stop = next(((i, i + 1) for i, text in enumerate(expected) if text), (0, 1))
            while stop < len(row) and not expected[stop] and printed.cells[stop].text:
                expected[stop] = expected[first]  # a group's name spans the blank cells after it
                stop += 1
            assert expected == [c.text for c in printed.cells]
            for cell, shown in zip(row, printed.cells, strict=True):
                if cell.numeric:
                    assert WD_ALIGN_PARAGRAPH.RIGHT == shown.paragraphs[0].alignment
    goal, first = document.tables[0].rows[1].cells, document.tables[0].rows[2].cells
    assert ["1", "Nilai SAKIP Kota Metro", "nilai", "68,14", "69,16", "101,50 %"] == [
        cell.text for cell in first[:6]
    ]
    assert goal[1].text.startswith("Tujuan: Terwujudnya pengembangan")
    assert goal[1].paragraphs[0].runs[0].bold  # a goal's row is set in bold, an item's is not
    assert not first[1].paragraphs[0].runs[0].bold


def test_a_rating_is_shaded_as_on_the_html_page(document: Any) -> None:
    """The rating cell carries the band's colour."""
    fills = {shading.get(qn("w:fill")) for shading in document.tables[0]._tbl.iter(qn("w:shd"))}
    assert "EEEEEE" in fills  # the header
    assert fills & {"C8E6C9", "DCEDC8", "FFF9C4", "FFE0B2", "FFCDD2"}


def test_wide_tables_are_on_landscape_pages(seed: Report, document: Any) -> None:
    """A4 portrait, turned to landscape for the wide tables and back, side by side sharing one."""
    orientations = [section.orientation for section in document.sections]
    wide = [len(table.columns) >= WIDE_COLUMNS for table in seed.tables]
    assert any(wide)
    assert WD_ORIENT.PORTRAIT == orientations[0]
    assert WD_ORIENT.LANDSCAPE in orientations
    assert WD_ORIENT.PORTRAIT == orientations[-1]
    assert len(orientations) == 1 + 2 * _runs(wide)
    for section in document.sections:
        size = (section.page_width, section.page_height)
        landscape = section.orientation is WD_ORIENT.LANDSCAPE
        assert (A4[1], A4[0]) if landscape else A4 == size


def _runs(flags: list[bool]) -> int:
    """How many runs of consecutive True there are."""
    return sum(1 for i, flag in enumerate(flags) if flag and (i == 0 or not flags[i - 1]))


def test_the_words_around_each_table_are_paragraphs(seed: Report, document: Any) -> None:
    """The rule, the source and every sentence are paragraphs of their own."""
    texts = [p.text for p in document.paragraphs]
    for table in seed.tables:
        assert f"Rumus: {table.rule}" in texts
        assert f"Dasar perhitungan: {table.source}" in texts
        assert "Sumber: LHE MenPANRB 2024; BPS; Dinas Sosial Kota Metro" in texts
        assert set(table.sentences) <= set(texts)


def test_charts_are_pictures(seed: Report, document: Any) -> None:
    """Each drawable indicator's chart and the achievements' chart, under a heading."""
    drawn = sum(1 for series in seed.series if not series.empty) + bool(seed.achievements)
    assert drawn == len(document.inline_shapes)
    assert "Grafik" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_without_matplotlib_the_tables_stand_alone(
    seed: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No pictures and no chart heading; the tables are all there."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    document = _read(to_docx(seed))
    assert 0 == len(document.inline_shapes)
    assert "Grafik" not in [p.text for p in document.paragraphs]
    assert len(seed.tables) == len(document.tables)


def test_charts_can_be_left_out(seed: Report) -> None:
    """charts=False gives the tables only."""
    assert 0 == len(_read(to_docx(seed, charts=False)).inline_shapes)


def test_the_same_report_gives_the_same_bytes(seed: Report) -> None:
    """Fixed dates in the properties and the package: a document can be compared or signed."""
    data = to_docx(seed)
    assert data == to_docx(seed)
    properties = _read(data).core_properties
    assert FIXED_DATE == properties.created == properties.modified
    assert seed.title == properties.title
    assert seed.agency == properties.author
    assert "id" == properties.language


def test_english_captions(seed_dataset: sakip.Dataset) -> None:
    """--lang en: "Table 3.n" captions and English words around the tables."""
    document = _read(to_docx(build_report(seed_dataset, lang="en"), charts=False))
    assert _captions(document)[0].startswith("Table 3.1 ")
    assert any(p.text.startswith("Rule: ") for p in document.paragraphs)


def _template(tmp_path: Path, *, caption: bool = True) -> Path:
    """A template of an agency's: Letter paper, wide margins, sample text, maybe no Caption."""
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = section.right_margin = Cm(4)
    section.top_margin = Cm(3)
    template.add_paragraph("Contoh isi templat yang diganti")
    if not caption:
        styles = template.styles.element
        styles.remove(template.styles["Caption"].element)
    path = tmp_path / "templat.docx"
    template.save(str(path))
    return path


def test_a_template_keeps_its_page_and_styles(seed: Report, tmp_path: Path) -> None:
    """The template's paper and margins stay; its sample body goes; the chapter fills it."""
    template = _template(tmp_path)
    document = _read(render.render(seed, "docx", template=template))
    original = docx.Document(str(template)).sections[0]
    first = document.sections[0]
    assert (original.page_width, original.page_height) == (first.page_width, first.page_height)
    assert original.left_margin == first.left_margin == first.right_margin
    assert original.top_margin == first.top_margin
    assert original.left_margin == document.sections[1].left_margin  # landscape keeps them
    assert (original.page_height, original.page_width) == (
        document.sections[1].page_width,
        document.sections[1].page_height,
    )
    room = first.page_width - first.left_margin - first.right_margin
    assert document.inline_shapes
    assert all(shape.width <= room for shape in document.inline_shapes)  # inside the margins
    texts = [p.text for p in document.paragraphs]
    assert "Contoh isi templat yang diganti" not in texts
    assert [table.caption for table in seed.tables] == _captions(document)


def test_a_template_without_a_caption_style_gets_words_own(seed: Report, tmp_path: Path) -> None:
    """A Caption style the template never used is added as Word's built-in one."""
    document = _read(to_docx(seed, template=_template(tmp_path, caption=False), charts=False))
    caption = document.styles["Caption"]
    assert caption.builtin
    assert [table.caption for table in seed.tables] == _captions(document)


@pytest.mark.parametrize("content", [None, b"not a zip", b"PK\x03\x04broken"])
def test_a_template_that_is_no_word_document_is_refused(
    seed: Report, tmp_path: Path, content: bytes | None
) -> None:
    """A missing file or one that is no .docx says what a template must be."""
    path = tmp_path / "templat.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(sakip.InvalidValueError, match=r"a Word document \(\.docx\)"):
        to_docx(seed, template=path)


def test_only_a_format_that_takes_a_template_is_given_one(seed: Report, tmp_path: Path) -> None:
    """A template for Markdown is a mistake, said as one."""
    with pytest.raises(sakip.InvalidValueError, match="one that takes a template: docx"):
        render.render(seed, "markdown", template=tmp_path / "t.docx")


def _wide_last() -> Report:
    """A report whose last table is wide, with a missing cell and an unknown rating band."""
    columns = tuple(Column(key=f"c{i}", title=f"K{i}") for i in range(WIDE_COLUMNS))
    row = (
        Cell.text("IKU-1"),
        Cell.missing("tidak dilaporkan"),
        Cell.rating("Istimewa", "X"),
        *(Cell.number(Decimal(i), 0) for i in range(WIDE_COLUMNS - 3)),
    )
    table = Table(
        key="wide", number="3.9", title="Lebar", columns=columns, rows=(row,), rule="r", source="s"
    )
    return Report(title="Laporan", agency="Dinas", year=2024, lang="id", tables=(table,))


def test_a_wide_last_table_turns_back_to_portrait_and_a_missing_cell_is_centred() -> None:
    """The pages after the last wide table are portrait; "—" is centred; no unknown colour."""
    document = _read(to_docx(_wide_last()))
    orientations = [section.orientation for section in document.sections]
    assert [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT] == orientations
    cells = document.tables[0].rows[1].cells
    assert "—" == cells[1].text
    assert WD_ALIGN_PARAGRAPH.CENTER == cells[1].paragraphs[0].alignment
    assert cells[2]._tc.tcPr is None or cells[2]._tc.tcPr.find(qn("w:shd")) is None
    assert 0 == len(document.inline_shapes)  # nothing to draw, no heading either
    assert "Grafik" not in [p.text for p in document.paragraphs]


def test_control_characters_from_data_are_written_as_escapes() -> None:
    """A Word document cannot hold an ESC or a NUL: they are shown as their escapes."""
    report = build_report(load(SEED))
    table = report.tables[0]
    first = (Cell.text("A\x1b[2J\x00B"), *table.rows[0][1:])
    report = attrs.evolve(report, tables=(attrs.evolve(table, rows=(first,), groups=()),))
    document = _read(to_docx(report, charts=False))
    assert "A\\x1b[2J\\x00B" == document.tables[0].rows[1].cells[0].text


def test_the_format_is_registered(seed: Report) -> None:
    """The Word format is registered, binary, taking a template."""
    assert "docx" in render.FORMATS
    assert render.FORMATS["docx"].binary
    assert render.FORMATS["docx"].templated is not None
    assert render.render(seed, "docx") == to_docx(seed)


def test_without_python_docx_the_extra_is_named(
    seed: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No python-docx: MissingDependencyError naming sakip[docx]."""
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(sakip.MissingDependencyError, match=r'pip install "sakip\[docx\]"'):
        to_docx(seed)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_writes_word_on_a_template(tmp_path: Path) -> None:
    """The command writes Word on a template: --format docx --template T --output F."""
    target = tmp_path / "lkjip.docx"
    template = _template(tmp_path)
    code, out, err = _run(
        "report",
        str(SEED),
        "--format",
        "docx",
        "--template",
        str(template),
        "--output",
        str(target),
    )
    assert (0, "", f"ditulis: {target}\n") == (code, out, err)
    margin = docx.Document(str(template)).sections[0].left_margin
    assert margin == docx.Document(str(target)).sections[0].left_margin


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "docx"],
            "sakip report: --format docx perlu --output PATH (sebuah berkas)\n",
        ),
        (
            ["--format", "markdown", "--template", "t.docx"],
            "sakip report: --template hanya untuk --format docx, bukan markdown\n",
        ),
        (
            ["--format", "docx", "--template", "no-such.docx", "--output", "x.docx"],
            "sakip report: --template no-such.docx: berkas tidak ada\n",
        ),
        (
            ["--format", "docx", "--lang", "en"],
            "sakip report: --format docx needs --output PATH (a file)\n",
        ),
    ],
)
def test_the_command_refuses_what_it_cannot_write(args: list[str], message: str) -> None:
    """Word goes to a file; a template is for Word only."""
    assert (2, "", message) == _run("report", str(SEED), *args)


def test_the_command_names_the_missing_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without python-docx: one line, exit 2, no file."""
    monkeypatch.setitem(sys.modules, "docx", None)
    target = tmp_path / "lkjip.docx"
    code, _, err = _run("report", str(SEED), "--format", "docx", "--output", str(target))
    assert 2 == code
    assert (
        'sakip report: modul docx belum terpasang; pasang dengan pip install "sakip[docx]"\n'
        == err
    )
    assert not target.exists()


def test_columns_share_the_page_by_what_they_hold(seed: Report, document: Any) -> None:
    """Every column as wide as its longest word or figure; the rest of the page to the names."""
    section = document.sections[0]
    room = section.page_width - section.left_margin - section.right_margin
    grid = document.tables[0]
    widths = [column.width for column in grid.columns]
    assert abs(room - sum(widths)) <= 635 * len(widths)  # Word keeps twips, 635 EMU each
    assert [cell.width for cell in grid.rows[2].cells] == widths  # Word reads the cells
    names = [column.key for column in seed.tables[0].columns].index("indicator")
    assert max(widths) == widths[names]
    assert min(widths) == widths[0]  # "No"


def _one_table(columns: tuple[Column, ...], row: tuple[Cell, ...]) -> Any:
    table = Table(
        key="t", number="3.9", title="T", columns=columns, rows=(row,), rule="r", source="s"
    )
    report = Report(title="Laporan", agency="Dinas", year=2024, lang="id", tables=(table,))
    return _read(to_docx(report, charts=False)).tables[0]


def test_a_table_too_wide_for_its_page_shrinks_every_column_alike() -> None:
    columns = tuple(Column(key=f"c{i}", title="Kolom") for i in range(6))
    grid = _one_table(columns, (Cell.text("Pemberdayaansosialmasyarakatterpencil"),) * 6)
    assert 1 == len({column.width for column in grid.columns})


def test_columns_that_hold_only_short_words_share_the_room_alike() -> None:
    columns = tuple(Column(key=f"c{i}", title="A") for i in range(3))
    grid = _one_table(columns, (Cell.text("x"),) * 3)
    assert 1 == len({column.width for column in grid.columns})


def test_a_goals_name_runs_over_the_blank_cells_of_its_row(document: Any) -> None:
    """A group row's name spans unit, target and realization, in one paragraph, bold."""
    goal = document.tables[0].rows[1]
    spans = [cell._tc.tcPr.find(qn("w:gridSpan")) for cell in goal.cells]
    name = goal.cells[1]
    assert name.text.startswith("Tujuan: ")
    assert 1 == len(name.paragraphs)
    assert name.paragraphs[0].runs[0].bold
    assert "4" in {span.get(qn("w:val")) for span in spans if span is not None}
