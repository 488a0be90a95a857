"""Renderers (penyajian): a report or an audit as text, Markdown, HTML, JSON or XLSX.

A renderer only lays out what :mod:`sakip.report` and :mod:`sakip.audit` computed: every
number it prints is a :class:`~sakip.report.Cell` or a finding formatted as it stands.

- :func:`to_text`, :func:`to_markdown`, :func:`to_html` (one standalone, print-friendly page
  with the charts embedded as SVG when matplotlib is installed), :func:`to_json` and
  :func:`to_xlsx` (the ``sakip[excel]`` extra) render a :class:`~sakip.report.Report`;
  :func:`render` picks one by name and :func:`write` saves it atomically.
- :func:`audit_text` and :func:`audit_json` render an :class:`~sakip.audit.Audit`, in
  Indonesian (the default) or English.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip._decimal import round_half_up
from sakip._optional import require
from sakip._wording import Writer, check_lang, say_source
from sakip.audit import Audit, Finding
from sakip.exceptions import InvalidValueError, MissingDependencyError
from sakip.io._safe import atomic_write, neutralise
from sakip.report import Cell, CellKind, IndicatorSeries, Report, Table

__all__ = [
    "FORMATS",
    "audit_data",
    "audit_json",
    "audit_text",
    "render",
    "report_data",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "to_xlsx",
    "write",
]

FORMATS = ("text", "markdown", "html", "json", "xlsx")
"""The formats :func:`render` writes; ``xlsx`` gives bytes, the others text."""

_WIDTH = 99
_CELL_WIDTH = 36
_HEADER_WIDTH = 12
_LABELS = {
    "id": {
        "rule": "Rumus",
        "source": "Sumber",
        "charts": "Grafik",
        "no chart": "Tanpa grafik, karena tidak ada target maupun realisasi",
        "no charts": "Grafik tidak disertakan",
        "chapter": "Bab III Akuntabilitas Kinerja",
    },
    "en": {
        "rule": "Rule",
        "source": "Source",
        "charts": "Charts",
        "no chart": "No chart, as there is no target and no realization",
        "no charts": "Charts left out",
        "chapter": "Chapter III Performance Accountability",
    },
}


def _labels(report: Report) -> dict[str, str]:
    return _LABELS[report.lang]


def _heading(report: Report) -> tuple[str, str]:
    chapter = _LABELS[report.lang]["chapter"]
    return f"{report.title}: {report.agency}", chapter


# --- text -----------------------------------------------------------------------------------


def _numeric_columns(table: Table) -> list[bool]:
    """Whether each column holds numbers (and missing cells), so is aligned to the right."""
    columns = [[row[i] for row in table.rows] for i in range(len(table.columns))]
    return [
        any(cell.numeric for cell in cells)
        and all(cell.numeric or cell.kind is CellKind.MISSING for cell in cells)
        for cells in columns
    ]


# Characters that would act on a terminal or a text viewer rather than be read: C0 and C1
# controls (ESC starts an ANSI sequence, CR overwrites a line, a vertical tab moves down), the
# bidirectional overrides and isolates that reorder what is shown, and line separators.
_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _visible(text: str) -> str:
    r"""Text with every control character shown as an escape, so that it only prints.

    An ESC (the start of an ANSI colour or cursor sequence), a carriage return, a vertical tab,
    a bidirectional override and the like, coming from data, would change what a terminal
    shows; each becomes its Python escape instead.

    >>> _visible("PPKS\x1b[31m merah\u202e")
    'PPKS\\x1b[31m merah\\u202e'
    """
    return _INVISIBLE.sub(_escape, text)


@functools.lru_cache(maxsize=8192)  # the same cells recur in every agency's report; read-only
def _wrapped(text: str, width: int) -> list[str]:
    if len(text) <= width and text.isprintable() and text == text.strip():
        return [text]  # what textwrap gives a short single-line cell, without its cost
    return textwrap.wrap(_visible(text), width=width, break_long_words=False) or [""]


def _text_table(table: Table) -> list[str]:
    body = [[_wrapped(cell.format(table.lang), _CELL_WIDTH) for cell in row] for row in table.rows]
    header = [
        _wrapped(
            column.title,
            max([_HEADER_WIDTH, *(len(line) for row in body for line in row[index])]),
        )
        for index, column in enumerate(table.columns)
    ]
    numeric = _numeric_columns(table)
    widths = [
        max(len(line) for cells in [header[i], *(row[i] for row in body)] for line in cells)
        for i in range(len(table.columns))
    ]

    def lines(cells: Sequence[list[str]]) -> list[str]:
        height = max(len(c) for c in cells)
        out = []
        for k in range(height):
            parts = []
            for i, c in enumerate(cells):
                text = c[k] if k < len(c) else ""
                parts.append(text.rjust(widths[i]) if numeric[i] else text.ljust(widths[i]))
            out.append("  ".join(parts).rstrip())
        return out

    result = lines(header)
    result.append("  ".join("-" * width for width in widths))
    for row in body:
        result += lines(row)
    return result


def to_text(report: Report) -> str:
    """The report as plain text, for a terminal (columns aligned, numbers to the right)."""
    labels = _labels(report)
    title, chapter = _heading(report)
    out = [_visible(title), chapter.upper(), ""]
    for table in report.tables:
        out += [_visible(table.caption), ""]
        out += _text_table(table)
        out.append("")
        out += _wrapped(f"{labels['rule']}: {table.rule}", _WIDTH)
        out += _wrapped(f"{labels['source']}: {table.source}", _WIDTH)
        for sentence in table.sentences:
            out.append("")
            out += _wrapped(sentence, _WIDTH)
        out.append("")
    return "\n".join(out)


# --- Markdown -------------------------------------------------------------------------------


# Markdown punctuation that could start emphasis, code, a link or an image, a table cell or a
# strike-through; each is escaped with a backslash, and &, < and > become entities, so that
# no text from data turns into markup or HTML.
_MARKDOWN = re.compile(r"[\\`*_\[\]|~]")


def _md(text: str) -> str:
    return _MARKDOWN.sub(r"\\\g<0>", html.escape(_visible(text), quote=False))


def _markdown_table(table: Table) -> list[str]:
    head = "| " + " | ".join(_md(column.title) for column in table.columns) + " |"
    aligns = ["---:" if numeric else "---" for numeric in _numeric_columns(table)]
    rule = "| " + " | ".join(aligns) + " |"
    rows = [
        "| " + " | ".join(_md(cell.format(table.lang)) for cell in row) + " |"
        for row in table.rows
    ]
    return [head, rule, *rows]


def to_markdown(report: Report) -> str:
    """The report as Markdown (GitHub-flavoured pipe tables), to paste into a document."""
    labels = _labels(report)
    title, chapter = _heading(report)
    out = [f"# {_md(title)}", "", f"## {chapter}", ""]
    for table in report.tables:
        out += [f"### {_md(table.caption)}", ""]
        out += _markdown_table(table)
        out += [
            "",
            f"*{labels['rule']}:* {_md(table.rule)}  ",
            f"*{labels['source']}:* {_md(table.source)}",
            "",
        ]
        for sentence in table.sentences:
            out += [_md(sentence), ""]
    return "\n".join(out)


# --- HTML -----------------------------------------------------------------------------------

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
        "<tr>" + "".join(_html_cell(cell, table.lang) for cell in row) + "</tr>"
        for row in table.rows
    ]
    out += ["</tbody>", "</table>"]
    out.append(f'<p class="rule"><b>{labels["rule"]}:</b> {html.escape(table.rule)}</p>')
    out.append(f'<p class="rule"><b>{labels["source"]}:</b> {html.escape(table.source)}</p>')
    out += [f"<p>{html.escape(sentence)}</p>" for sentence in table.sentences]
    out.append("</section>")
    return out


def _charts(report: Report) -> list[str]:
    try:
        require("matplotlib", "charts")
    except MissingDependencyError as missing:  # the page says so rather than leave them out
        return [f"<p>{_LABELS[report.lang]['no charts']}: {html.escape(str(missing))}.</p>"]
    from sakip import plot  # noqa: PLC0415 - plot needs the optional matplotlib

    parts = [
        f"<figure>{plot.series_svg(series, lang=report.lang)}</figure>"
        for series in report.series
        if not series.empty
    ]
    undrawn = [html.escape(series.name) for series in report.series if series.empty]
    if undrawn:  # an empty chart says nothing; the reader is told which are left out
        parts.append(f"<p>{_LABELS[report.lang]['no chart']}: {'; '.join(undrawn)}.</p>")
    if report.achievements:
        svg = plot.achievements_svg(report.achievements, year=report.year, lang=report.lang)
        parts.append(f"<figure>{svg}</figure>")
    return parts


def to_html(report: Report, *, charts: bool = True) -> str:
    """The report as one standalone, print-friendly HTML page.

    Args:
        report: The report.
        charts: Embed the charts as inline SVG (needs the ``sakip[plot]`` extra; without
            matplotlib the page has the tables only).
    """
    labels = _labels(report)
    title, chapter = _heading(report)
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


def table_html(table: Table) -> str:
    """One table as an HTML fragment, as a notebook shows it (``Table._repr_html_``)."""
    return "\n".join(_html_table(table, _LABELS[table.lang]))


def report_html(report: Report) -> str:
    """The report as an HTML fragment, as a notebook shows it (``Report._repr_html_``).

    The body of :func:`to_html`, charts included when matplotlib is installed, without the
    page around it: a notebook cell is part of a page whose style it must not change.
    """
    page = to_html(report)
    return page[page.index("<body>") + len("<body>") : page.index("</body>")].strip()


# --- JSON -----------------------------------------------------------------------------------


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _pair(bounds: tuple[Decimal, Decimal] | None) -> list[str] | None:
    return None if bounds is None else [str(bounds[0]), str(bounds[1])]


def _json_cell(cell: Cell, lang: str) -> dict[str, Any]:
    value = str(cell.value) if isinstance(cell.value, Decimal) else cell.value
    data: dict[str, Any] = {"kind": cell.kind.value, "text": cell.format(lang), "value": value}
    if cell.code is not None:
        data["code"] = cell.code
    if cell.note:
        data["note"] = cell.note
    return data


def _table_data(table: Table) -> dict[str, Any]:
    return {
        "key": table.key,
        "number": table.number,
        "caption": table.caption,
        "title": table.title,
        "columns": [{"key": c.key, "title": c.title} for c in table.columns],
        "rows": [[_json_cell(cell, table.lang) for cell in row] for row in table.rows],
        "rule": table.rule,
        "source": table.source,
        "sentences": list(table.sentences),
    }


def _series_data(series: IndicatorSeries) -> dict[str, Any]:
    return {
        "code": series.code,
        "name": series.name,
        "unit": series.unit,
        "years": list(series.years),
        "targets": [_pair(v) for v in series.targets],
        "realizations": [_number(v) for v in series.realizations],
        "end_year": series.end_year,
        "end_target": _pair(series.end_target),
    }


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data (numbers as exact decimal strings), as :func:`to_json` writes."""
    return {
        "format": "sakip-report",
        "version": 1,
        "title": report.title,
        "agency": report.agency,
        "year": report.year,
        "lang": report.lang,
        "scale": report.scale,
        "tables": [_table_data(table) for table in report.tables],
        "series": [_series_data(series) for series in report.series],
        "achievements": [
            {"code": a.code, "name": a.name, "percent": str(a.percent), "rating": a.label}
            for a in report.achievements
        ],
    }


def to_json(report: Report) -> str:
    """The report as JSON: every cell with its kind, exact value and printed text."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


# --- XLSX -----------------------------------------------------------------------------------

_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def to_xlsx(report: Report) -> bytes:
    r"""The report as an XLSX workbook: one sheet per table (needs the ``sakip[excel]`` extra).

    Numbers are stored as numbers with a display format, text cells are neutralised so that a
    spreadsheet never runs them as formulas, and a control character from data (an ESC, a
    vertical tab, which a workbook cannot hold) is written as its escape (``\x1b``).
    """
    require("openpyxl", "XLSX files")
    from openpyxl import Workbook  # noqa: PLC0415 - the optional excel extra
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    labels = _labels(report)
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # a new workbook has one sheet
    for table in report.tables:
        sheet = book.create_sheet(table.number.translate(_SHEET_FORBIDDEN)[:31])
        sheet.append([_xlsx_text(table.caption)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([])
        sheet.append([_xlsx_text(column.title) for column in table.columns])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([_xlsx_value(cell) for cell in row])
            for target, cell in zip(sheet[sheet.max_row], row, strict=True):
                if cell.numeric:
                    target.number_format = _xlsx_format(cell)
        sheet.append([])
        sheet.append([_xlsx_text(f"{labels['rule']}: {table.rule}")])
        sheet.append([_xlsx_text(f"{labels['source']}: {table.source}")])
        for sentence in table.sentences:
            sheet.append([_xlsx_text(sentence)])
        for index, column in enumerate(table.columns):
            letter = sheet.cell(row=3, column=index + 1).column_letter
            longest = max(
                [len(column.title), *(len(row[index].format(table.lang)) for row in table.rows)]
            )
            sheet.column_dimensions[letter].width = min(max(6, longest + 2), 50)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(cell: Cell) -> Decimal | str | None:
    if isinstance(cell.value, Decimal):  # the figure as printed; JSON keeps the exact value
        return cell.value if cell.places is None else round_half_up(cell.value, cell.places)
    if cell.value is None:
        return "—"
    return _xlsx_text(cell.value)


def _xlsx_text(text: str) -> str:
    """A text cell: control characters (which XLSX cannot hold) escaped, formulas neutralised."""
    return neutralise(_visible(text))


def _xlsx_format(cell: Cell) -> str:
    if cell.kind is CellKind.PERCENT:
        return '#,##0.00" %"'
    if cell.places == 2:
        return "#,##0.00"
    if cell.kind is CellKind.MONEY:
        return "#,##0"
    return "#,##0.##########"


# --- choosing and writing -------------------------------------------------------------------


def render(report: Report, format: str = "text") -> str | bytes:
    """The report in one of :data:`FORMATS`; ``xlsx`` gives bytes, the others text.

    Raises:
        InvalidValueError: The format is not one of :data:`FORMATS`.
    """
    renderers: dict[str, Callable[[Report], str | bytes]] = {
        "text": to_text,
        "markdown": to_markdown,
        "html": to_html,
        "json": to_json,
        "xlsx": to_xlsx,
    }
    if format not in renderers:
        raise InvalidValueError("format", format, f"one of {', '.join(FORMATS)}")
    return renderers[format](report)


def write(report: Report, path: str | os.PathLike[str], format: str = "text") -> None:
    """Render the report and write it to ``path`` atomically: the whole file or nothing."""
    data = render(report, format)
    atomic_write(Path(path), data if isinstance(data, bytes) else data.encode("utf-8"))


# --- the audit ------------------------------------------------------------------------------


# The audit's framing words. The numbers are the report's own (stated as printed, recomputed
# in Indonesian notation beside them) and the rules are formulas, so they read the same in
# both languages; the English wording is the one the audit has always printed.
_AUDIT_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "summary": "Reviu{subject}: {count} angka yang dinyatakan diperiksa, {agree} sesuai, "
        "{bad} tidak sesuai.",
        "subject": " atas {name}",
        "s": "",  # the English plural endings; Indonesian has none
        "es": "",
        "agrees": "SESUAI",
        "disagrees": "TIDAK SESUAI",
        "not-computable": "TIDAK DAPAT DIHITUNG ULANG",
        "claim": "pernyataan {claim!r}: {stated!r}",
        "data": "menurut data: {explanation}",
        "figure": "{kind}: dinyatakan {stated}, dihitung ulang {recomputed}",
        "shown": " ({shown} bila dibulatkan ke {places} desimal seperti yang dicetak)",
        "rule": "rumus: {explanation}",
        "source": "sumber: {source}",
        "holds": "terbukti",
        "does not hold": "tidak terbukti",
    },
    "en": {
        "summary": "Audit{subject}: {count} stated figure{s} checked, {agree} agree, "
        "{bad} do{es} not.",
        "subject": " of {name}",
        "s": "s",
        "es": "es",
        "agrees": "AGREES",
        "disagrees": "DISAGREES",
        "not-computable": "NOT-COMPUTABLE",
        "claim": "claim {claim!r}: {stated!r}",
        "data": "the data: {explanation}",
        "figure": "{kind}: stated {stated}, recomputed {recomputed}",
        "shown": " ({shown} at the {places} decimal{s} printed)",
        "rule": "rule: {explanation}",
        "source": "source: {source}",
        "holds": "holds",
        "does not hold": "does not hold",
    },
}

# What each built-in kind and claim is called in Indonesian; a kind a user registers is shown
# by its name.
_KINDS_ID = {
    "achievement": "capaian",
    "percentage": "persentase",
    "sum": "jumlah",
    "change": "perubahan",
    "growth": "pertumbuhan",
    "gap": "selisih",
    "progress": "kemajuan",
    "absorption": "serapan",
}
_CLAIMS_ID = {
    "below-national-standard": "di bawah standar nasional",
    "above-national-standard": "di atas standar nasional",
    "improved": "membaik",
    "worsened": "memburuk",
    "target-met": "target tercapai",
    "target-not-met": "target tidak tercapai",
}


def _audit_words(lang: str) -> dict[str, str]:
    return _AUDIT_WORDS[check_lang(lang)]


def _in_indonesian(lang: str, table: dict[str, str], name: str) -> str:
    """A built-in kind's or claim's name in the language; any other name as it is."""
    return table.get(name, name) if lang == "id" else name


def _recomputed(finding: Finding, lang: str) -> str:
    """The recomputed figure as printed; a claim's "holds" in the language."""
    recomputed = finding.recomputed
    if finding.figure.claim is not None:  # "holds", "does not hold" or "—"
        return _AUDIT_WORDS[lang].get(recomputed, recomputed)
    return recomputed


def _figure_line(finding: Finding, lang: str) -> str:
    words = _AUDIT_WORDS[lang]
    what = words["figure"].format(
        kind=_in_indonesian(lang, _KINDS_ID, finding.check.name),
        stated=finding.figure.stated,
        recomputed=finding.recomputed,
    )
    shown = finding.shown
    if shown is not None and shown != finding.recomputed:
        plural = "" if finding.places == 1 else words["s"]
        what += words["shown"].format(shown=shown, places=finding.places, s=plural)
    return what


def _finding_lines(index: int, finding: Finding, lang: str) -> list[str]:
    words = _AUDIT_WORDS[lang]
    head = f"{index}. {words[finding.verdict.value]}: {_visible(finding.location_in(lang))}"
    explanation = finding.explanation_in(lang)
    if finding.figure.claim is not None:
        claim = _in_indonesian(lang, _CLAIMS_ID, finding.figure.claim)
        what = words["claim"].format(claim=claim, stated=finding.figure.stated)
        result = words["data"].format(explanation=explanation)
    else:
        what = _figure_line(finding, lang)
        result = words["rule"].format(explanation=explanation)
    lines = [head, *(_indented(what)), *(_indented(result))]
    source = _finding_source(finding, lang)
    if source is not None:
        lines += _indented(words["source"].format(source=source))
    return lines


def _finding_source(finding: Finding, lang: str) -> str | None:
    """The source of the rule a finding used, in the language: a formula's own, else its kind's."""
    if finding.formula is not None:
        return Writer(lang).source(finding.formula)
    return None if finding.source is None else say_source(finding.source, lang)


def _indented(text: str) -> list[str]:
    return ["   " + line for line in _wrapped(text, _WIDTH - 3)]


def audit_text(
    audit: Audit, *, name: str | None = None, everything: bool = False, lang: str = "id"
) -> str:
    """The audit as text: a summary line, then each finding that does not agree.

    Args:
        audit: The audit.
        name: The file audited, for the summary line.
        everything: List the findings that agree too.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` for every word around the
            figures; the figures and the formulas are in Indonesian notation in both, as the
            report printed them.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    words = _audit_words(lang)
    bad = len(audit.disagreements)
    count = len(audit.findings)
    summary = words["summary"].format(
        subject=words["subject"].format(name=name) if name else "",
        count=count,
        s=words["s"] if count != 1 else "",
        agree=count - bad,
        bad=bad,
        es=words["es"] if bad == 1 else "",
    )
    out = [_visible(summary)]
    shown: Iterable[Finding] = audit.findings if everything else audit.disagreements
    for index, finding in enumerate(shown, 1):
        out.append("")
        out += _finding_lines(index, finding, lang)
    return "\n".join(out) + "\n"


def audit_data(audit: Audit, *, name: str | None = None, lang: str = "id") -> dict[str, Any]:
    """The audit as plain data, as :func:`audit_json` writes it.

    The keys are the same in both languages; ``lang`` (``"id"``, the default, or ``"en"``)
    chooses the language of the values that are words: ``rule`` and a claim's ``recomputed``.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    _audit_words(lang)
    return {
        "format": "sakip-audit",
        "version": 1,
        "file": name,
        "ok": audit.ok,
        "checked": len(audit.findings),
        "disagreements": len(audit.disagreements),
        "findings": [
            {
                "verdict": f.verdict.value,
                "kind": f.check.name,
                "stated": f.figure.stated,
                "stated_value": _number(f.stated_value),
                "places": f.places,
                "recomputed": _recomputed(f, lang),
                "recomputed_value": _number(f.value),
                "rule": f.explanation_in(lang),
                "source": _finding_source(f, lang),
                "location": f.figure.location,
                "indicator": f.figure.indicator,
                "year": f.figure.year,
                "claim": f.figure.claim,
            }
            for f in audit.findings
        ],
    }


def audit_json(audit: Audit, *, name: str | None = None, lang: str = "id") -> str:
    """The audit as JSON: every finding, agreeing or not, with its numbers as exact strings.

    ``lang`` is as for :func:`audit_data`.
    """
    data = audit_data(audit, name=name, lang=lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
