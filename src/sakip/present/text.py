"""A report as plain text (teks), for a terminal: columns aligned, numbers to the right."""

from __future__ import annotations

from collections.abc import Sequence

from sakip.present._layout import (
    CELL_WIDTH,
    HEADER_WIDTH,
    WIDTH,
    analysis_lines,
    heading,
    labels_of,
    notes,
    numeric_columns,
    visible,
    wrapped,
)
from sakip.report import AnalysisNote, Report, Table

__all__ = ["to_text"]


def _text_table(table: Table) -> list[str]:
    # a goal's or objective's row reads as a row like any other: its name says what it is
    body = [
        [wrapped(cell.format(table.lang), CELL_WIDTH) for cell in row]
        for _, row in table.printed()
    ]
    header = [
        wrapped(
            column.title,
            max([HEADER_WIDTH, *(len(line) for row in body for line in row[index])]),
        )
        for index, column in enumerate(table.columns)
    ]
    numeric = numeric_columns(table)
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
    labels = labels_of(report)
    title, chapter = heading(report)
    out = [visible(title), chapter.upper(), ""]
    for table in report.tables:
        out += [visible(table.caption), ""]
        out += _text_table(table)
        out.append("")
        for label, said in notes(table, labels):
            out += wrapped(f"{label}: {said}", WIDTH)
        for item in table.said():
            out.append("")
            out += wrapped(item, WIDTH) if isinstance(item, str) else _text_analysis(item)
        out.append("")
    return "\n".join(out)


def _text_analysis(note: AnalysisNote) -> list[str]:
    """The heading, then each label and its text as written, its further lines indented."""
    out = [*wrapped(note.heading, WIDTH)]  # a copy: wrapped is cached, its lists shared
    for label, lines in analysis_lines(note):
        out += wrapped(f"{label}: {lines[0]}", WIDTH)
        out += [f"  {part}" for line in lines[1:] for part in wrapped(line, WIDTH - 2)]
    return out
