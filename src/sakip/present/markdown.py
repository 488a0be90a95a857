"""A report as Markdown (GitHub-flavoured pipe tables), to paste into a document."""

from __future__ import annotations

import html
import re

from sakip.present._layout import (
    analysis_lines,
    heading,
    labels_of,
    notes,
    numeric_columns,
    visible,
)
from sakip.report import AnalysisNote, Cell, Report, RowLevel, Table

__all__ = ["to_markdown"]


_MARKDOWN = re.compile(r"[\\`*_\[\]|~]")


def _md(text: str) -> str:
    return _MARKDOWN.sub(r"\\\g<0>", html.escape(visible(text), quote=False))


def _md_cell(cell: Cell, lang: str, level: RowLevel) -> str:
    """A cell's text; a goal's or objective's in bold, as a report sets a group's row."""
    text = _md(cell.format(lang))
    return f"**{text}**" if level is not RowLevel.ITEM and text else text


def _markdown_table(table: Table) -> list[str]:
    head = "| " + " | ".join(_md(column.title) for column in table.columns) + " |"
    aligns = ["---:" if numeric else "---" for numeric in numeric_columns(table)]
    rule = "| " + " | ".join(aligns) + " |"
    rows = [
        "| " + " | ".join(_md_cell(cell, table.lang, level) for cell in row) + " |"
        for level, row in table.printed()
    ]
    return [head, rule, *rows]


def to_markdown(report: Report) -> str:
    """The report as Markdown (GitHub-flavoured pipe tables), to paste into a document."""
    labels = labels_of(report)
    title, chapter = heading(report)
    out = [f"# {_md(title)}", "", f"## {chapter}", ""]
    for table in report.tables:
        out += [f"### {_md(table.caption)}", ""]
        out += _markdown_table(table)
        lines = [f"*{label}:* {_md(said)}" for label, said in notes(table, labels)]
        out += ["", *(f"{line}  " for line in lines[:-1]), lines[-1], ""]
        for said in table.said():
            out += [_md(said), ""] if isinstance(said, str) else _markdown_analysis(said)
    return "\n".join(out)


def _markdown_analysis(note: AnalysisNote) -> list[str]:
    """The heading in bold, then each label in italics and its text, line breaks kept."""
    lines = [f"**{_md(note.heading)}**"]
    for label, parts in analysis_lines(note):
        lines.append(f"*{_md(label)}:* " + "  \n".join(_md(part) for part in parts))
    return [*(f"{line}  " for line in lines[:-1]), lines[-1], ""]
