"""What every renderer shares (tata letak): the page width, the words around a table, safe text."""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Sequence

from sakip.report import AnalysisNote, Cell, CellKind, Report, Table
from sakip.text import N_, gettext

__all__ = [
    "CELL_WIDTH",
    "HEADER_WIDTH",
    "LABELS",
    "WIDTH",
    "analysis_lines",
    "column_chars",
    "heading",
    "labels_of",
    "name_span",
    "notes",
    "numeric_columns",
    "visible",
    "words_in",
    "wrapped",
]


WIDTH = 99
CELL_WIDTH = 36
HEADER_WIDTH = 12
LABELS = {
    "rule": N_("Rumus"),
    "source": N_("Sumber"),
    "basis": N_("Dasar perhitungan"),
    "charts": N_("Grafik"),
    "no chart": N_("Tanpa grafik, karena tidak ada target maupun realisasi"),
    "no charts": N_("Grafik tidak disertakan"),
    "chapter": N_("Bab III Akuntabilitas Kinerja"),
}
"""The words around a report's tables, by key, as Indonesian messages."""


def words_in(lang: str) -> dict[str, str]:
    return {key: gettext(message, lang=lang) for key, message in LABELS.items()}


def labels_of(report: Report) -> dict[str, str]:
    return words_in(report.lang)


def heading(report: Report) -> tuple[str, str]:
    chapter = labels_of(report)["chapter"]
    return f"{report.title}: {report.agency}", chapter


def notes(table: Table, labels: dict[str, str]) -> list[tuple[str, str]]:
    """The lines under a table as ``(label, text)``, as an LKjIP prints them.

    "Sumber" names where the figures come from, as the data names each indicator's source,
    and is left out when the data names none (a source is never invented); then the rule
    ("Rumus") and the regulation behind it ("Dasar perhitungan").
    """
    lines = [(labels["source"], "; ".join(table.data_sources))] if table.data_sources else []
    return [*lines, (labels["rule"], table.rule), (labels["basis"], table.source)]


def analysis_lines(note: AnalysisNote) -> list[tuple[str, list[str]]]:
    """An analysis's texts as ``(label, lines)``: each text's lines as the author broke them.

    A blank line of the author's is left out; nothing else of the text is changed.
    """
    return [
        (label, [line for line in text.splitlines() if line.strip()]) for label, text in note.lines
    ]


def name_span(row: Sequence[Cell]) -> tuple[int, int]:
    """Where a goal's or objective's name runs in its row: ``(first, stop)`` column indexes.

    The name is the row's first cell with words; it runs over the blank cells after it (a
    group row has no unit, target or realization), as a report prints a heading row, rather
    than being squeezed into the indicators' column.

    >>> name_span(
    ...     [
    ...         Cell.blank(),
    ...         Cell.text("Sasaran: …"),
    ...         Cell.blank(),
    ...         Cell.blank(),
    ...         Cell.percent(None, ""),
    ...     ]
    ... )
    (1, 4)
    """
    first = next(i for i, cell in enumerate(row) if cell.format())
    stop = first + 1
    while stop < len(row) and row[stop].kind is CellKind.TEXT and not row[stop].format():
        stop += 1
    return first, stop


def numeric_columns(table: Table) -> list[bool]:
    """Whether each column holds numbers (and missing cells), so is aligned to the right."""
    columns = [[row[i] for row in table.rows] for i in range(len(table.columns))]
    return [
        any(cell.numeric for cell in cells)
        and all(cell.numeric or cell.kind is CellKind.MISSING for cell in cells)
        for cells in columns
    ]


def column_chars(table: Table) -> list[tuple[int, int]]:
    """How many characters wide each column must be, and would like to be.

    The least is what cannot be broken: the longest word of a text, a number's whole printed
    figure ("101,50 %"), and the bold title's longest word, a third wider. The most is the
    longest text up to :data:`_LONGEST` characters (a longer one wraps). Both count three more
    for the cell's inner margins. A page shares its width out from these.
    """
    chars = []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in table.rows]
        texts = [cell.format(table.lang) for cell in cells]
        title = max((len(word) for word in column.title.split()), default=0)
        unbroken = [
            len(text) if cell.numeric else max((len(w) for w in text.split()), default=0)
            for cell, text in zip(cells, texts, strict=True)
        ]
        least = max([(title * 13 + 9) // 10, *unbroken])  # bold is about a third wider
        most = max([least, *(min(len(text), _LONGEST) for text in [column.title, *texts])])
        chars.append((least + 3, most + 3))
    return chars


_LONGEST = 40


# Characters that would act on a terminal or a text viewer rather than be read: C0 and C1
# controls (ESC starts an ANSI sequence, CR overwrites a line, a vertical tab moves down), the
# bidirectional overrides and isolates that reorder what is shown, and line separators.
_INVISIBLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Text with every control character shown as an escape, so that it only prints.

    An ESC (the start of an ANSI colour or cursor sequence), a carriage return, a vertical tab,
    a bidirectional override and the like, coming from data, would change what a terminal
    shows; each becomes its Python escape instead.

    >>> visible("PPKS\x1b[31m merah\u202e")
    'PPKS\\x1b[31m merah\\u202e'
    """
    return _INVISIBLE.sub(_escape, text)


@functools.lru_cache(maxsize=8192)  # the same cells recur in every agency's report; read-only
def wrapped(text: str, width: int) -> list[str]:
    if len(text) <= width and text.isprintable() and text == text.strip():
        return [text]  # what textwrap gives a short single-line cell, without its cost
    shown = visible(text)
    words = shown.split(" ")
    if "-" in shown or "" in words or not all(word.isprintable() for word in words):
        # hyphens, runs of spaces and other whitespace are where textwrap has rules of its own
        return textwrap.wrap(shown, width=width, break_long_words=False) or [""]
    return _greedy(words, width)


def _greedy(words: list[str], width: int) -> list[str]:
    """Words separated by single spaces, filled greedily as textwrap fills them.

    textwrap splits such a text into the same words and fills each line the same way (a word
    longer than the width on a line of its own), at several times the cost: a report
    wraps thousands of sentences and names.
    """
    lines: list[str] = []
    line: list[str] = []
    length = 0
    for word in words:
        if line and length + 1 + len(word) <= width:
            line.append(word)
            length += 1 + len(word)
            continue
        if line:
            lines.append(" ".join(line))
        line, length = [word], len(word)
    lines.append(" ".join(line))
    return lines
