"""Safe output: whole files or nothing, and no formulas smuggled into spreadsheets."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["FORMULA_STARTS", "atomic_write", "atomic_writer", "neutralise"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a text cell as a formula."""


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet will show as text, never run as a formula.

    A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe (the OWASP advice against CSV injection). Numbers are not texts and
    are never touched.

    >>> neutralise("=HYPERLINK(0)")
    "'=HYPERLINK(0)"
    >>> neutralise("Persentase PPKS")
    'Persentase PPKS'
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _mode(path: Path) -> int:
    """The permissions the file gets: the old file's, or what the umask gives a new one."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only when the block ends without an error.

    The data goes to a temporary file in the same directory, which is flushed to disk and
    renamed over ``path`` with :func:`os.replace` (atomic on POSIX and Windows). If anything
    fails on the way, the temporary file is removed and ``path`` is as it was.
    """
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:  # first, so that the handle is always closed
            Path(temporary).chmod(_mode(path))
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`atomic_writer`."""
    with atomic_writer(path) as stream:
        stream.write(data)
