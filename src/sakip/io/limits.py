"""Limits on what a reader accepts (batas masukan), so that a hostile file cannot exhaust memory.

An agency's file comes from outside: a workbook a few kilobytes long can declare a billion
cells or unzip to gigabytes, and a text can nest a thousand levels deep. Every reader checks
the limits of a :class:`Limits` object *before* the expensive step (a workbook's zip parts
before openpyxl opens it) and refuses what is beyond one with a :class:`LimitError` that names
the limit and how to raise it. The defaults hold national-scale tables (a million rows) with
room to spare.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from sakip._display import Displayed
from sakip.exceptions import SakipError
from sakip.text import N_, gettext

__all__ = ["DEFAULT_LIMITS", "LimitError", "Limits"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        from sakip.exceptions import InvalidValueError  # noqa: PLC0415 - a rare path

        raise InvalidValueError(attribute.name, value, "a whole number, 1 or more")


_MB = 1_000_000


@attrs.frozen(kw_only=True, repr=False)
class Limits(Displayed):
    """The limits a reader enforces (batas masukan); pass ``limits=Limits(...)`` to change one.

    >>> from sakip.io import Limits
    >>> Limits(file_bytes=500_000_000).file_bytes
    500000000

    Attributes:
        file_bytes: The size of a file, in bytes (200 MB).
        cells_per_sheet: The cells of one table or worksheet, each row counted as wide as
            the widest so far (20 million: a million rows of 20 columns).
        characters_per_cell: The characters of one cell (32 767, what Excel itself allows).
        digits_per_number: The digits of one number written as text (100).
        xlsx_uncompressed_bytes: The unzipped size of all of a workbook's parts together
            (1 GB; a million rows of a dozen columns unzip to about 500 MB).
        xlsx_compression_ratio: How many times larger than its compressed size one part of a
            workbook may unzip to, for parts above 10 MB unzipped (100; a sheet of a
            million identical rows unzips about 16 times larger, a zip bomb 1 000 times).
        nesting_depth: How deeply tables and lists may nest in a TOML or JSON data file (64;
            a dataset needs less than 15).
    """

    file_bytes: int = attrs.field(default=200 * _MB, validator=_positive)
    cells_per_sheet: int = attrs.field(default=20_000_000, validator=_positive)
    characters_per_cell: int = attrs.field(default=32_767, validator=_positive)
    digits_per_number: int = attrs.field(default=100, validator=_positive)
    xlsx_uncompressed_bytes: int = attrs.field(default=1_000 * _MB, validator=_positive)
    xlsx_compression_ratio: int = attrs.field(default=100, validator=_positive)
    nesting_depth: int = attrs.field(default=64, validator=_positive)

    def _headline(self) -> str:
        return ", ".join(f"{f.name}={getattr(self, f.name):_}" for f in attrs.fields(Limits))


DEFAULT_LIMITS: Final = Limits()
"""The limits a reader uses when it is given none."""

_RATIO_FLOOR = 10 * _MB  # a small part may compress very well without harm


class LimitError(SakipError, ValueError):
    """A file goes beyond one of the readers' :class:`Limits`.

    Attributes:
        limit: The name of the limit (a field of :class:`Limits`, ``"file_bytes"``).
        value: What the file has (its size, its cells, ...).
        maximum: The limit's value.
        file: The file's name, when the input came from a file.
        what: What was measured, as a phrase ("the file's size in bytes").
    """

    def __init__(
        self, limit: str, value: int, maximum: int, *, what: str, file: str | None = None
    ) -> None:
        super().__init__(limit, value, maximum, what, file)
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.what = what
        self.file = file

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.limit, self.value, self.maximum, self.what, self.file))

    def __str__(self) -> str:
        place = f"{self.file}: " if self.file else ""
        return (
            f"{place}{self.what} is {self.value:,}, above the limit of {self.maximum:,} "
            f"({self.limit}); if the file is trusted, raise the limit with "
            f"limits=sakip.io.Limits({self.limit}=...)"
        )

    def describe(self, lang: str = "id") -> str:
        """The problem for the person who fixes the file, in ``lang`` (``str()`` is English).

        >>> error = sakip.io.LimitError("file_bytes", 2_000, 1_000, what="size", file="a.csv")
        >>> error.describe().split(";")[0]
        'a.csv: ukuran berkas dalam byte adalah 2.000, di atas batas 1.000 (file_bytes)'
        """
        from sakip.locale import format_number  # noqa: PLC0415 - light, but only when speaking

        measured = _MEASURED.get(self.limit)
        said = gettext(
            _OVER_THE_LIMIT,
            lang=lang,
            measured=self.what if measured is None else gettext(measured, lang=lang),
            value=format_number(self.value, 0, lang=lang),
            maximum=format_number(self.maximum, 0, lang=lang),
            limit=self.limit,
        )
        return f"{self.file}: {said}" if self.file else said


_OVER_THE_LIMIT = N_(
    "{measured} adalah {value}, di atas batas {maximum} ({limit}); bila berkas ini tepercaya, "
    "naikkan batasnya dengan limits=sakip.io.Limits({limit}=...)"
)
# What each limit measures, by its name; a limit of one's own is described by its ``what``.
_MEASURED = {
    "file_bytes": N_("ukuran berkas dalam byte"),
    "cells_per_sheet": N_("jumlah sel satu lembar"),
    "characters_per_cell": N_("jumlah karakter satu sel"),
    "digits_per_number": N_("jumlah digit satu angka"),
    "xlsx_uncompressed_bytes": N_("ukuran buku kerja tanpa kompresi dalam byte"),
    "xlsx_compression_ratio": N_("rasio kompresi sebuah bagian buku kerja"),
    "nesting_depth": N_("kedalaman susunan data"),
}


def _rebuild(limit: str, value: int, maximum: int, what: str, file: str | None) -> LimitError:
    return LimitError(limit, value, maximum, what=what, file=file)


def check(limits: Limits, limit: str, value: int, what: str, file: str | None) -> None:
    """Raise a :class:`LimitError` when ``value`` is above the limit named ``limit``."""
    maximum = getattr(limits, limit)
    if value > maximum:
        raise LimitError(limit, value, maximum, what=what, file=file)


def limits_or_default(limits: object) -> Limits:
    """The limits given, or the defaults for ``None``."""
    if limits is None:
        return DEFAULT_LIMITS
    if not isinstance(limits, Limits):
        from sakip.exceptions import InvalidValueError  # noqa: PLC0415 - a rare path

        raise InvalidValueError("limits", limits, "a sakip.io.Limits or None")
    return limits


def check_zip(archive: zipfile.ZipFile, limits: Limits, file: str | None) -> None:
    """Check a workbook's parts as its zip directory declares them, before anything unzips.

    The declared sizes bind: :mod:`zipfile` never unzips a part past its declared size (a
    part that would is a broken file), so no work beyond reading the directory is needed.
    """
    parts = archive.infolist()
    total = sum(part.file_size for part in parts)
    check(limits, "xlsx_uncompressed_bytes", total, "the workbook's unzipped size in bytes", file)
    for part in parts:
        if part.file_size > _RATIO_FLOOR:
            ratio = part.file_size // max(part.compress_size, 1)
            what = f"the compression ratio of the workbook's part {part.filename!r}"
            check(limits, "xlsx_compression_ratio", ratio, what, file)


def check_cells(rows: Iterable[Sequence[object]], limits: Limits, file: str | None) -> None:
    """Check the characters of every text cell (the count of cells is the caller's)."""
    maximum = limits.characters_per_cell
    for row in rows:
        for cell in row:
            if isinstance(cell, str) and len(cell) > maximum:
                check(limits, "characters_per_cell", len(cell), "a cell's characters", file)


_PLAIN = frozenset({str, int, float, bool, type(None), Decimal})
"""The types of a parsed file's plain values, which never nest (checked by type, not ABC)."""


def depth(data: object) -> int:
    """How deeply lists and tables nest in parsed data (a plain value is 0), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | Mapping):  # a dict first: the ABC's check is slow
            children: Iterable[object] = value.values()
        elif isinstance(value, list | tuple):
            children = value
        else:
            continue
        level += 1
        deepest = max(deepest, level)
        # a plain value nests nothing: only what may be a container goes on the stack
        stack.extend([(child, level) for child in children if type(child) not in _PLAIN])
    return deepest
