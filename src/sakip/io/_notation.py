"""Which notation a table's column is written in, decided by the cells that prove it.

``13.773`` is thirteen thousand in Indonesian notation and thirteen point seven in English; on
its own it proves nothing. ``2,500.75`` proves English and ``1.234,5`` proves Indonesian, so a
column that holds one of those is read in its notation throughout. A column whose cells prove
both has a contradiction, reported at each cell that disagrees; a column with ambiguous cells
and no proof is read the Indonesian way, and the read says so.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from sakip._display import Displayed

__all__ = ["ColumnNotation", "Contradiction", "decide", "evidence"]

_TOKEN = re.compile(r"[0-9][0-9.,]*[0-9]")
_GROUP = re.compile(r"[1-9][0-9]{0,2}")
NAMES: Final = {",": "Indonesian notation (1.234,5)", ".": "English notation (1,234.5)"}


@functools.lru_cache(maxsize=1 << 16)
def evidence(text: str) -> tuple[str | None, bool]:
    """The decimal separator a text proves (``None``: none), and whether it is ambiguous.

    Each text is looked at once (a bounded cache): tables repeat their figures.
    """
    proven: str | None = None
    ambiguous = False
    for token in _TOKEN.findall(text):
        separators = set(re.findall(r"[.,]", token))
        if len(separators) == 2:
            proven = token[max(token.rfind("."), token.rfind(","))]
        elif separators:
            (separator,) = separators
            groups = token.split(separator)
            grouped = _GROUP.fullmatch(groups[0]) is not None and all(
                len(group) == 3 for group in groups[1:]
            )
            if len(groups) > 2:  # repeated: it groups thousands, the other is the decimal
                proven = "," if separator == "." else "."
            elif not grouped:
                proven = separator
            else:
                ambiguous = True
    return proven, ambiguous and proven is None


@attrs.frozen(kw_only=True, repr=False)
class ColumnNotation(Displayed):
    """How one number column of a table was read: its decimal separator and why.

    Attributes:
        column: The column's header, as the table writes it.
        decimal: ``","`` (Indonesian notation) or ``"."`` (English notation).
        reason: ``"hint"`` (the caller's ``decimal=``), ``"proven"`` (a cell such as
            ``2,500.75`` or ``94,6`` proves it) or ``"default"`` (ambiguous cells such as
            ``13.773`` and no proof: the documented Indonesian reading).
        rows: For ``"proven"``, the rows that prove it; for ``"default"``, the rows whose
            cells were ambiguous.
    """

    column: str
    decimal: str
    reason: str
    rows: tuple[int | str, ...] = ()

    def _headline(self) -> str:
        return f"{self.column}: decimal {self.decimal!r} ({self.reason})"

    @property
    def assumed(self) -> bool:
        """Whether the notation was assumed (neither proven nor given), a warning to read."""
        return self.reason == "default"

    def __str__(self) -> str:
        """A sentence saying how the column was read."""
        shown = ", ".join(str(row) for row in self.rows[:5])
        more = " …" if len(self.rows) > 5 else ""
        if self.reason == "default":
            return (
                f"column {self.column!r} has ambiguous numbers (rows {shown}{more}) and no cell "
                f"that proves a notation: read in {NAMES[self.decimal]}; pass decimal='.' if "
                "the table is in English notation"
            )
        if self.reason == "hint":
            return f"column {self.column!r} read in {NAMES[self.decimal]}, as decimal= says"
        return (
            f"column {self.column!r} read in {NAMES[self.decimal]}, proven by rows {shown}{more}"
        )


@attrs.frozen
class Contradiction:
    """A cell whose notation contradicts its column's: reported, never read."""

    text: str
    message: str

    def __repr__(self) -> str:
        return repr(self.text)


def decide(
    column: str,
    cells: Sequence[tuple[int | str, object]],
    decimal: str | None,
) -> tuple[ColumnNotation | None, dict[int | str, str]]:
    """The notation of one column, and the rows whose cells contradict it (with a message).

    ``cells`` are the column's cells with their rows; only texts count (a spreadsheet's
    numbers have no notation).
    """
    proofs: dict[int | str, str] = {}
    ambiguous: list[int | str] = []
    for row, value in cells:
        if isinstance(value, str):
            proven, unsure = evidence(value)
            if proven is not None:
                proofs[row] = proven
            elif unsure:
                ambiguous.append(row)
    if decimal is not None:
        chosen, reason = decimal, "hint"
    elif proofs:
        counts = Counter(proofs.values())
        first = next(iter(proofs.values()))
        chosen = max(counts, key=lambda sep: (counts[sep], sep == first))
        reason = "proven"
    elif ambiguous:
        return ColumnNotation(
            column=column, decimal=",", reason="default", rows=tuple(ambiguous)
        ), {}
    else:
        return None, {}
    agreeing = tuple(row for row, sep in proofs.items() if sep == chosen)
    against = "decimal= says" if reason == "hint" else f"rows {', '.join(map(str, agreeing[:3]))}"
    contradictions = {
        row: (
            f"written in {NAMES[sep]}, but the column {column!r} is in {NAMES[chosen]} "
            f"({against}); write the column in one notation"
        )
        for row, sep in proofs.items()
        if sep != chosen
    }
    rows = agreeing if reason == "proven" else ()
    return ColumnNotation(column=column, decimal=chosen, reason=reason, rows=rows), contradictions
