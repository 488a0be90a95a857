"""A report as HTML: one standalone, print-friendly page, or a fragment a notebook shows."""

from __future__ import annotations

import html

from sakip._optional import require
from sakip.exceptions import MissingDependencyError
from sakip.present._layout import analysis_lines, heading, labels_of, notes, words_in
from sakip.report import AnalysisNote, Cell, CellKind, Report, RowLevel, Table

__all__ = ["page_html", "report_html", "table_html", "to_html"]


_STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; margin: 2em auto; max-width: 60em;
       color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 0.9em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.missing { text-align: center; color: #777; }
tr.goal td, tr.objective td { font-weight: bold; background: #f5f5f5; }
td.rating-ST { background: #c8e6c9; } td.rating-T { background: #dcedc8; }
td.rating-S { background: #fff9c4; } td.rating-R { background: #ffe0b2; }
td.rating-SR { background: #ffcdd2; }
p.rule { font-size: 0.85em; color: #444; margin: 0.2em 0; }
figure { margin: 1em 0; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
section { page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-before: auto; } }
"""


def _html_cell(cell: Cell, lang: str) -> str:
    text = html.escape(cell.format(lang))
    classes = []
    if cell.numeric:
        classes.append("num")
    if cell.kind is CellKind.MISSING:
        classes.append("missing")
    if cell.kind is CellKind.RATING and cell.code:
        classes.append(f"rating-{html.escape(cell.code)}")
    attributes = f' class="{" ".join(classes)}"' if classes else ""
    if cell.note:
        attributes += f' title="{html.escape(cell.note)}"'
    return f"<td{attributes}>{text}</td>"


def _html_row(level: RowLevel) -> str:
    """A row's opening tag: a goal's or objective's row is classed by its level, for the style."""
    return "<tr>" if level is RowLevel.ITEM else f'<tr class="{level.value}">'


def _html_table(table: Table, labels: dict[str, str]) -> list[str]:
    out = [f'<section id="{html.escape(table.key)}">', "<table>"]
    out.append(f"<caption>{html.escape(table.caption)}</caption>")
    out.append(
        "<thead><tr>"
        + "".join(f"<th>{html.escape(column.title)}</th>" for column in table.columns)
        + "</tr></thead>"
    )
    out.append("<tbody>")
    out += [
        _html_row(level) + "".join(_html_cell(cell, table.lang) for cell in row) + "</tr>"
        for level, row in table.printed()
    ]
    out += ["</tbody>", "</table>"]
    out += [
        f'<p class="rule"><b>{label}:</b> {html.escape(said)}</p>'
        for label, said in notes(table, labels)
    ]
    for said in table.said():
        out += [f"<p>{html.escape(said)}</p>"] if isinstance(said, str) else _html_analysis(said)
    out.append("</section>")
    return out


def _html_analysis(note: AnalysisNote) -> list[str]:
    """The author's analysis of an indicator, as a block of labelled paragraphs."""
    out = ['<div class="analysis">', f"<p><b>{html.escape(note.heading)}</b></p>"]
    out += [
        f"<p><b>{html.escape(label)}:</b> " + "<br>".join(html.escape(p) for p in parts) + "</p>"
        for label, parts in analysis_lines(note)
    ]
    return [*out, "</div>"]


def _charts(report: Report) -> list[str]:
    try:
        require("matplotlib", "charts")
    except MissingDependencyError as missing:  # the page says so rather than leave them out
        said = html.escape(missing.describe(report.lang))
        return [f"<p>{labels_of(report)['no charts']}: {said}.</p>"]
    from sakip.extra import charts  # noqa: PLC0415 - charts need the optional matplotlib

    parts = [
        f"<figure>{charts.series_svg(series, lang=report.lang)}</figure>"
        for series in report.series
        if not series.empty
    ]
    undrawn = [html.escape(series.name) for series in report.series if series.empty]
    if undrawn:  # an empty chart says nothing; the reader is told which are left out
        parts.append(f"<p>{labels_of(report)['no chart']}: {'; '.join(undrawn)}.</p>")
    if report.achievements:
        svg = charts.achievements_svg(report.achievements, year=report.year, lang=report.lang)
        parts.append(f"<figure>{svg}</figure>")
    return parts


def to_html(report: Report, *, charts: bool = True) -> str:
    """The report as one standalone, print-friendly HTML page.

    Args:
        report: The report.
        charts: Embed the charts as inline SVG (needs the ``sakip[plot]`` extra; without
            matplotlib the page has the tables only).
    """
    labels = labels_of(report)
    title, chapter = heading(report)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<h2>{html.escape(chapter)}</h2>",
    ]
    for table in report.tables:
        out += _html_table(table, labels)
    figures = _charts(report) if charts else []
    if figures:
        out.append(f"<h2>{labels['charts']}</h2>")
        out += figures
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def page_html(title: str, body: list[str], *, lang: str = "id") -> str:
    """A standalone, print-friendly page in the report's style around ``body``'s HTML parts.

    ``title`` is escaped here; ``body`` is HTML already (:func:`table_html` gives a table).
    """
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def table_html(table: Table) -> str:
    """One table as an HTML fragment, as a notebook shows it (``Table._repr_html_``)."""
    return "\n".join(_html_table(table, words_in(table.lang)))


def report_html(report: Report) -> str:
    """The report as an HTML fragment, as a notebook shows it (``Report._repr_html_``).

    The body of :func:`to_html`, charts included when matplotlib is installed, without the
    page around it: a notebook cell is part of a page whose style it must not change.
    """
    page = to_html(report)
    return page[page.index("<body>") + len("<body>") : page.index("</body>")].strip()
