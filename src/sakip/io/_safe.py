"""Safe output: whole files or nothing, and no formulas smuggled into spreadsheets."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["FORMULA_STARTS", "atomic_write", "atomic_writer", "neutralise", "sync_directory_of"]

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
def atomic_writer(path: Path, *, sync_directory: bool = True) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only when the block ends without an error.

    The data goes to a temporary file in the same directory, which is flushed to disk and
    renamed over ``path`` with :func:`os.replace` (atomic on POSIX and Windows); the directory
    is then synced, so that the rename itself survives a power cut. If anything fails on the
    way, or the write is interrupted, the temporary file is removed and ``path`` is as it was.

    A writer of many files into one directory passes ``sync_directory=False`` and calls
    :func:`sync_directory_of` once at the end: each file is still whole on disk before its
    rename, so a power cut leaves the old file or the new one, never half of either; only
    the renames not yet synced may be lost.

    A symbolic link is followed: its target is replaced and the link stays a link. A path that
    is not a regular file (a FIFO, a device such as ``/dev/stdout``) is written into directly,
    as only a regular file can be replaced.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        with target.open("wb") as stream:
            yield stream
        return
    directory = target.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:  # first, so that the handle is always closed
            Path(temporary).chmod(_mode(target))
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if sync_directory:
        sync_directory_of(directory)


def sync_directory_of(directory: Path) -> None:
    """Flush a directory's entries to disk, where the system can (not on Windows)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open a directory; its rename is durable
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - a file system that cannot sync a directory
        pass
    finally:
        os.close(descriptor)


def atomic_write(path: Path, data: bytes, *, sync_directory: bool = True) -> None:
    """Write ``data`` to ``path`` through :func:`atomic_writer`."""
    with atomic_writer(path, sync_directory=sync_directory) as stream:
        stream.write(data)
