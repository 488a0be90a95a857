"""A report as a Word document (dokumen Word): chapter III in Word's own styles; needs python-docx.

Everything is built on Word's built-in styles (Title, Heading 1, Caption, Table Grid), so an
agency's template restyles the whole chapter: its styles, page size and margins are kept, its
body is replaced by the chapter. Captions are in the Caption style, so Word's table of tables
picks them up; each table's header row repeats on every page it runs over; a table wider than
:data:`WIDE_COLUMNS` columns sits in a landscape section of its own.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip._optional import require
from sakip.exceptions import InvalidValueError
from sakip.present._layout import (
    analysis_lines,
    column_chars,
    heading,
    labels_of,
    name_span,
    notes,
    numeric_columns,
    visible,
    words_in,
)
from sakip.report import AnalysisNote, Cell, CellKind, Report, RowLevel, Table

if TYPE_CHECKING:
    from docx.document import Document

    from sakip.present.audit import WorkingPaper

__all__ = ["FIXED_DATE", "WIDE_COLUMNS", "paper_to_docx", "to_docx"]


WIDE_COLUMNS = 8
"""A table with this many columns or more is printed on a landscape page."""

FIXED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
"""The document's creation and change date, fixed so that the same report gives the same bytes."""

# A4 in EMU (English metric units, 914,400 to the inch), for a document made without a template:
# python-docx's own default is US Letter, which an Indonesian agency does not print on.
_A4 = (7560310, 10692130)
_MARGIN = 900430  # 2.5 cm
_RATING_SHADES = {"ST": "C8E6C9", "T": "DCEDC8", "S": "FFF9C4", "R": "FFE0B2", "SR": "FFCDD2"}
"""The rating colours of the HTML page, as Word's hexadecimal fill."""
_HEADER_SHADE = "EEEEEE"
_CHART_WIDTH = 5_760_720  # 16 cm, inside a portrait A4 page's margins
_CHAR = 76_200  # EMU: 6 points, about one character of an 11-point text


def to_docx(report: Report, *, template: str | Path | None = None, charts: bool = True) -> bytes:
    """The report as a Word document (needs the ``sakip[docx]`` extra).

    Args:
        report: The report.
        template: A Word document (.docx) whose styles, page size and margins the chapter takes;
            its body is replaced. Without one, Word's built-in styles on A4.
        charts: Add the charts as pictures (needs the ``sakip[plot]`` extra; without
            matplotlib the document has the tables only).
    """
    docx = require("docx", "Word documents")
    document = _a4(docx.Document()) if template is None else _template(docx, Path(template))
    _fix_properties(document, report)
    title, chapter = heading(report)
    document.add_paragraph(visible(title), style=_style(document, "Title"))
    document.add_paragraph(chapter, style=_style(document, "Heading 1"))
    landscape = False
    for table in report.tables:
        wide = len(table.columns) >= WIDE_COLUMNS
        if wide != landscape:  # wide tables side by side share one landscape section
            _turn(document, landscape=wide)
            landscape = wide
        _add_table(document, table, report)
    if landscape:
        _turn(document, landscape=False)
    if charts:
        _add_charts(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable(buffer.getvalue())


def paper_to_docx(paper: WorkingPaper) -> bytes:
    """A reviewer's working paper as a Word document (needs the ``sakip[docx]`` extra).

    A4 landscape in Word's built-in styles, as the report's document: the heading (the
    agency and year) in the Title style, the table's caption in the Caption style, the ruled
    findings with their header row repeated on every page and each verdict shaded, then the
    rule, its source and the summary line. The same paper gives the same bytes.
    """
    docx = require("docx", "Word documents")
    document = _a4(docx.Document())
    section = document.sections[0]
    _turn_first(section)
    properties = document.core_properties
    properties.title = properties.subject = visible(paper.heading)
    properties.author = properties.last_modified_by = "sakip"
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    properties.revision = 1
    properties.language = paper.lang
    document.add_paragraph(visible(paper.heading), style=_style(document, "Title"))
    table = paper.table
    caption = document.add_paragraph(visible(table.caption), style=_style(document, "Caption"))
    caption.paragraph_format.keep_with_next = True
    _grid(document, table)
    for label, said in notes(table, words_in(paper.lang)):
        document.add_paragraph(f"{label}: {visible(said)}")
    for sentence in table.sentences:
        document.add_paragraph(visible(sentence))
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable(buffer.getvalue())


def _turn_first(section: Any) -> None:
    """The document's only section turned to landscape: a working paper's table is wide."""
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415 - the optional docx extra

    short, long = sorted((section.page_width or 0, section.page_height or 0))
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = long, short


def _a4(document: Document) -> Document:
    from docx.shared import Emu  # noqa: PLC0415 - the optional docx extra

    section = document.sections[0]
    section.page_width, section.page_height = Emu(_A4[0]), Emu(_A4[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Emu(_MARGIN))
    return document


def _template(docx: Any, path: Path) -> Document:
    """The user's template with its body (its sample text) taken out.

    Its styles, headers, footers and its last section's page setup stay.
    """
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415 - the optional extra

    try:
        document: Document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile):
        # python-docx says "Package not found" for a missing file and for one that is no .docx
        raise InvalidValueError("template", str(path), "a Word document (.docx)") from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return document


def _fix_properties(document: Document, report: Report) -> None:
    properties = document.core_properties
    properties.title = visible(report.title)
    properties.author = visible(report.agency)
    properties.last_modified_by = visible(report.agency)
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    properties.revision = 1
    properties.language = report.lang


def _style(document: Document, name: str) -> Any:  # Any: python-docx's style types are private
    """A built-in style by name, added when a template never used it.

    The added style is marked built-in, so that Word treats it as its own (a Caption added
    here still feeds the table of tables).
    """
    from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415 - the optional docx extra

    kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, kind, builtin=True)


def _add_table(document: Document, table: Table, report: Report) -> None:
    labels = labels_of(report)
    caption = document.add_paragraph(visible(table.caption), style=_style(document, "Caption"))
    caption.paragraph_format.keep_with_next = True
    _grid(document, table)
    for label, said in notes(table, labels):
        document.add_paragraph(f"{label}: {visible(said)}")
    for item in table.said():
        if isinstance(item, str):
            document.add_paragraph(visible(item))
        else:
            _add_analysis(document, item)


def _add_analysis(document: Document, note: AnalysisNote) -> None:
    """The author's analysis under its indicator: a bold heading, then each label in bold."""
    document.add_paragraph().add_run(visible(note.heading)).bold = True
    for label, parts in analysis_lines(note):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{visible(label)}: ").bold = True
        for index, part in enumerate(parts):
            if index:
                paragraph.add_run().add_break()  # the author's line break, kept
            paragraph.add_run(visible(part))


def _grid(document: Document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = _style(document, "Table Grid")
    _borders(grid)
    header = grid.rows[0]
    _repeat(header)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _write(cell, visible(column.title), bold=True)
        _shade(cell, _HEADER_SHADE)
    right = numeric_columns(table)
    groups = []
    for level, row in table.printed():
        cells = grid.add_row().cells
        group = level is not RowLevel.ITEM  # a goal's or objective's row, in bold
        for target, cell, numeric in zip(cells, row, right, strict=True):
            _fill(target, cell, table.lang, right=numeric, bold=group)
        if group:
            groups.append((cells, name_span(row)))
    _widths(document, grid, table)
    for cells, (first, stop) in groups:  # after the widths: a merged cell spans its columns
        _merge(cells[first], cells[stop - 1])


def _merge(first: Any, last: Any) -> None:
    """One cell from ``first`` to ``last``, holding ``first``'s words only.

    A goal's name runs over the blank cells after it, as a report prints a heading row.
    python-docx keeps an empty paragraph of every merged cell; they are dropped.
    """
    merged = first.merge(last)
    for paragraph in merged.paragraphs[1:]:
        if not paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)


def _widths(document: Document, grid: Any, table: Table) -> None:
    """Share the page's width among the columns by what each holds.

    Word and LibreOffice would otherwise give every column the same width: an indicator's
    name would break inside its words and a figure across lines. Each column first gets what
    cannot be broken, then the room left goes where the longer texts are. The width is set on
    the grid (LibreOffice reads it) and on every cell (Word does).
    """
    section = document.sections[-1]
    room = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    grid.autofit = False
    for column, width in zip(grid.columns, _shares(column_chars(table), room), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _shares(chars: list[tuple[int, int]], room: int) -> list[int]:
    """Widths in EMU for columns of ``(least, most)`` characters on ``room`` EMU."""
    least = [low for low, _ in chars]
    needed = sum(least) * _CHAR
    if needed >= room:  # too narrow for what cannot break: shrink all alike
        return [room * low // sum(least) for low in least]
    spare = [high - low for low, high in chars]
    extra = room - needed
    if not sum(spare):
        return [low * _CHAR + extra // len(chars) for low in least]
    wider = zip(least, spare, strict=True)
    return [low * _CHAR + extra * more // sum(spare) for low, more in wider]


def _fill(target: Any, cell: Cell, lang: str, *, right: bool, bold: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 - the optional docx extra

    paragraph = _write(target, visible(cell.format(lang)), bold=bold)
    if cell.kind is CellKind.MISSING:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right or cell.numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if cell.kind is CellKind.RATING and cell.code in _RATING_SHADES:
        _shade(target, _RATING_SHADES[cell.code])


def _write(cell: Any, text: str, *, bold: bool = False) -> Any:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text).bold = bold or None
    return paragraph


def _repeat(row: Any) -> None:
    """Mark the row as a header row (``w:tblHeader``): Word repeats it on each page."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 - the optional docx extra
    from docx.oxml.ns import qn  # noqa: PLC0415

    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _borders(grid: Any) -> None:
    """Single lines round every cell, set on the table itself.

    Set on the table too, not only through Table Grid: a template whose Table Grid has no
    lines still prints a ruled table.
    """
    from docx.oxml import OxmlElement  # noqa: PLC0415 - the optional docx extra
    from docx.oxml.ns import qn  # noqa: PLC0415

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    grid._tbl.tblPr.append(borders)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415 - the optional docx extra
    from docx.oxml.ns import qn  # noqa: PLC0415

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _turn(document: Document, *, landscape: bool) -> None:
    """Start a new section on a new page, turned to landscape or back to portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION  # noqa: PLC0415 - the optional extra

    section = document.add_section(WD_SECTION.NEW_PAGE)
    short, long = sorted((section.page_width or 0, section.page_height or 0))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _add_charts(document: Document, report: Report) -> None:
    """The charts the HTML page draws, as pictures; none, and no words, without matplotlib."""
    try:
        require("matplotlib", "charts")
    except ImportError:  # MissingDependencyError is an ImportError: the tables stand alone
        return
    from sakip.extra import charts  # noqa: PLC0415 - charts need the optional matplotlib

    figures = [charts.series_figure(s, lang=report.lang) for s in report.series if not s.empty]
    if report.achievements:
        figures.append(
            charts.achievements_figure(report.achievements, year=report.year, lang=report.lang)
        )
    if figures:
        document.add_paragraph(labels_of(report)["charts"], style=_style(document, "Heading 1"))
    section = document.sections[-1]  # a template's margins may leave less than 16 cm
    room = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    width = min(_CHART_WIDTH, room) if room > 0 else _CHART_WIDTH
    for figure in figures:
        document.add_picture(io.BytesIO(charts.to_png(figure)), width=width)


def _stable(data: bytes) -> bytes:
    """The same package with every member dated :data:`FIXED_DATE`.

    The same report then gives the same bytes; a zip member otherwise carries the time it
    was written.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(member))
    return buffer.getvalue()
