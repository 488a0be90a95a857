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
    lang = table.lang
    body = [[wrapped(cell.format(lang), CELL_WIDTH) for cell in row] for _, row in table.printed()]
    count = len(table.columns)
    # each column's longest line among the body's cells, then the header's (a title wraps
    # to no narrower than its column's figures)
    longest = [max([0, *(len(line) for row in body for line in row[i])]) for i in range(count)]
    header = [
        wrapped(column.title, max(HEADER_WIDTH, longest[i]))
        for i, column in enumerate(table.columns)
    ]
    widths = [max(longest[i], *map(len, header[i])) for i in range(count)]
    justify = [str.rjust if numeric else str.ljust for numeric in numeric_columns(table)]
    columns = list(zip(justify, widths, strict=True))

    def lines(cells: Sequence[list[str]]) -> list[str]:
        if all(len(c) == 1 for c in cells):  # most rows: one line each, no padding rows
            return [
                "  ".join(
                    [just(c[0], width) for (just, width), c in zip(columns, cells, strict=False)]
                ).rstrip()
            ]
        height = max(len(c) for c in cells)
        return [
            "  ".join(
                [
                    just(c[k] if k < len(c) else "", width)
                    for (just, width), c in zip(columns, cells, strict=False)
                ]
            ).rstrip()
            for k in range(height)
        ]

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
