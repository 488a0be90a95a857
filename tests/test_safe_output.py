"""Writing a file: the whole file or nothing, through links, into pipes and devices."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sakip.io._safe import atomic_write, atomic_writer


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Ctrl-C half-way through a write leaves the old file whole and nothing beside it."""
    path = tmp_path / "bab-iii.txt"
    path.write_bytes(b"old")

    def interrupted() -> None:
        with atomic_writer(path) as stream:
            stream.write(b"half")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert b"old" == path.read_bytes()
    assert ["bab-iii.txt"] == [entry.name for entry in tmp_path.iterdir()]


def test_the_directory_is_synced_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file, then its directory, is flushed to disk, so the rename survives a power cut."""
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write(tmp_path / "out.txt", b"x")
    assert [False, True] == synced


def test_a_symlink_keeps_pointing_at_its_rewritten_target(tmp_path: Path) -> None:
    """Writing through a link replaces the target and leaves the link a link."""
    folder = tmp_path / "real"
    folder.mkdir()
    target = folder / "report.txt"
    target.write_bytes(b"old")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    atomic_write(link, b"new")
    assert (True, b"new") == (link.is_symlink(), target.read_bytes())
    assert ["report.txt"] == [entry.name for entry in folder.iterdir()]


def test_a_device_is_written_into_not_replaced() -> None:
    """/dev/null is not a regular file: it is written into, and stays a device."""
    atomic_write(Path(os.devnull), b"discarded")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
