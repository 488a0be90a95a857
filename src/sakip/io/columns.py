"""The columns of a flat table (kolom tabel): the headers that name each, and the header row.

:data:`COLUMNS` is the one column spec: every column a table may have, with the headers (in
Indonesian and English) that name it. :func:`header_columns` finds them in a header row, and
:func:`header_errors` says which are misspelt, named twice or missing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any, Final

from sakip.io.errors import FieldError, Problem, detailed

__all__ = [
    "COLUMNS",
    "HEADERS",
    "NUMBER_COLUMNS",
    "WRITE_HEADERS",
    "header_columns",
    "header_errors",
    "is_blank",
    "normal_header",
]

COLUMNS: Final = {
    "code": ("kode", "code", "kode indikator", "indicator code"),
    "indicator": ("indikator", "indicator", "indikator kinerja", "nama indikator", "name"),
    "unit": ("satuan", "unit"),
    "polarity": ("polaritas", "polarity", "arah"),
    "formula": ("rumus", "formula"),
    "year": ("tahun", "year"),
    "quarter": ("triwulan", "quarter", "tw"),
    "target": ("target",),
    "target_low": ("target bawah", "target low", "target min"),
    "target_high": ("target atas", "target high", "target max"),
    "realization": ("realisasi", "realization", "actual"),
    "numerator": ("pembilang", "numerator"),
    "denominator": ("penyebut", "denominator"),
    "achievement": ("capaian", "achievement", "capaian kinerja", "stated achievement"),
    "levels": ("skala tingkat", "level scale", "skala level", "levels"),
}
"""The columns a table may have, each with the headers that name it (any case and spacing).

``levels`` (*Skala Tingkat*, *Level scale*) names a row's level scale (``opini-bpk``,
``sakip-predicate``, any registered :class:`~sakip.LevelScale`): that row's Target and
Realisasi cells are then levels of the scale (``WTP``, ``WDP``), not numbers.
"""

HEADERS: Final = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
"""Each header a table may use (as :func:`normal_header` writes it), with its column."""
WRITE_HEADERS: Final = {
    "code": "Kode",
    "indicator": "Indikator",
    "unit": "Satuan",
    "polarity": "Polaritas",
    "formula": "Rumus",
    "year": "Tahun",
    "quarter": "Triwulan",
    "target": "Target",
    "target_low": "Target Bawah",
    "target_high": "Target Atas",
    "realization": "Realisasi",
    "numerator": "Pembilang",
    "denominator": "Penyebut",
    "achievement": "Capaian",
    "levels": "Skala Tingkat",
}
"""The header the writers give each column."""


NUMBER_COLUMNS = (
    "target",
    "target_low",
    "target_high",
    "realization",
    "numerator",
    "denominator",
    "achievement",
)
_CLOSE = 0.85  # how alike an unknown header and a known one must be for "did you mean"


def normal_header(header: str) -> str:
    """A header as it is matched: case-folded, single-spaced, without ``(%)`` or ``%``."""
    text = re.sub(r"\(.*?\)|%", " ", header.casefold()).replace("_", " ").replace("-", " ")
    return " ".join(text.split())


def header_columns(cells: Sequence[object]) -> tuple[dict[int, str], list[str], list[str]]:
    """The columns by position, the unknown headers, and the duplicated columns."""
    columns: dict[int, str] = {}
    ignored, duplicated = [], []
    for index, cell in enumerate(cells):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = str(cell).strip()
        column = HEADERS.get(normal_header(text))
        if column is None:
            ignored.append(text)
        elif column in columns.values():
            duplicated.append(text)
        else:
            columns[index] = column
    return columns, ignored, duplicated


def is_blank(cells: Sequence[object]) -> bool:
    """Whether every cell is empty (``None`` or blank text)."""
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _suggestion(text: str) -> str | None:
    """The known header an unknown one is close to (``Realisai``: ``Realisasi``), if any."""
    close = difflib.get_close_matches(normal_header(text), HEADERS, n=1, cutoff=_CLOSE)
    if not close:
        return None
    written = WRITE_HEADERS[HEADERS[close[0]]]
    return written if normal_header(written) == close[0] else close[0]


def header_errors(
    found: set[str], duplicated: list[str], place: dict[str, Any], ignored: Sequence[str] = ()
) -> tuple[FieldError, ...]:
    """A problem for each column named twice, each misspelt one and each required one missing.

    A header close to a known one (``Realisai``) is a misspelling, not a column to ignore:
    ignoring it would empty a column without a word.
    """
    errors = [
        detailed(
            FieldError(
                f"column {text!r} appears twice", column=text, expected="each column once", **place
            ),
            problem=Problem.DUPLICATE_COLUMN,
        )
        for text in duplicated
    ]
    for text in ignored:
        suggestion = _suggestion(text)
        if suggestion is not None:
            error = FieldError(
                f"unknown column {text!r}: did you mean {suggestion!r}?",
                column=text,
                value=text,
                expected=f"a known column, such as {suggestion!r}",
                **place,
            )
            errors.append(detailed(error, problem=Problem.UNKNOWN_COLUMN, suggestion=suggestion))
    missing: list[tuple[str, ...]] = (
        [] if found & {"code", "indicator"} else [("code", "indicator")]
    )
    missing += [("year",)] if "year" not in found else []
    if "realization" not in found and not {"numerator", "denominator"} <= found:
        missing.append(("realization",))
    for names in missing:
        aliases = " / ".join(repr(WRITE_HEADERS[name]) for name in names)
        error = FieldError(
            f"no column {aliases} in the header",
            value=aliases,
            expected=f"a column {aliases}",
            **place,
        )
        errors.append(detailed(error, problem=Problem.MISSING_COLUMN))
    return tuple(errors)
