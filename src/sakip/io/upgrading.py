"""Rewrite a data file of an earlier version of the format as the current version.

The current version reads every part of an earlier one as that version did, so upgrading a
file changes its meaning in nothing: the rewritten file loads to an equal
:class:`~sakip.Dataset`. Where it can, sakip changes only the ``version`` line and keeps the
rest of the text (comments, order, spelling of numbers) as written; it checks that the file
reads to the same data and otherwise writes the whole file anew, as
:func:`sakip.io.save` would (a TOML file stays TOML, a JSON file JSON).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.exceptions import InvalidValueError
from sakip.io._safe import atomic_write
from sakip.io.datafile import (
    VERSION,
    dumps_json,
    dumps_toml,
    load,
    loads_json,
    loads_toml,
    structure_dataset,
)
from sakip.io.errors import DataFileError, FieldError, Problem

__all__ = ["upgrade", "upgrade_text"]

# The ``version`` line of a file: a top-level key in TOML, the first such key in JSON.
_TOML_VERSION = re.compile(
    r"""^([ \t]*["']?version["']?[ \t]*=[ \t]*)(\d+)(?=[ \t]*(?:#|\r?$))""", re.M
)
_JSON_VERSION = re.compile(r'("version"\s*:\s*)(\d+)(?![\d.eE])')


def _only_later_parts(error: DataFileError) -> bool:
    """Whether the file's only fault is holding parts of the current version (which it keeps)."""
    return all(
        isinstance(part, FieldError) and part.problem is Problem.LATER_PART
        for part in error.exceptions
    )


def _parse(text: str, kind: str) -> Any:
    if kind == "toml":
        return tomllib.loads(text, parse_float=Decimal)
    return json.loads(text, parse_float=Decimal)


def upgrade_text(text: str, kind: str, *, file: str | None = None) -> str | None:
    """The text of a data file rewritten as the current version; ``None`` if it is already.

    ``kind`` is ``"toml"`` or ``"json"``. A file of an earlier version may hold parts of the
    current one (which its version refuses); they are kept.

    Raises:
        DataFileError: The file is not a valid dataset, even read as the current version
            (every problem is listed).

    >>> from sakip.io.upgrading import upgrade_text
    >>> text = '''
    ... format = "sakip-dataset"
    ... version = 1  # the version the file was written for
    ... [agency]
    ... name = "Dinas Sosial Kota Metro"
    ... [plan]
    ... name = "Renstra 2021-2026"
    ... start_year = 2021
    ... end_year = 2026
    ... '''
    >>> print(upgrade_text(text, "toml").splitlines()[2])
    version = 2  # the version the file was written for
    >>> upgrade_text(upgrade_text(text, "toml"), "toml") is None
    True
    """
    reader = loads_toml if kind == "toml" else loads_json
    try:
        reader(text, file=file)
    except DataFileError as error:
        if not _only_later_parts(error):
            raise  # broken as any version: the file must be mended first
    data = _parse(text, kind)
    if data["version"] == VERSION:
        return None
    wanted = {**data, "version": VERSION}
    pattern = _TOML_VERSION if kind == "toml" else _JSON_VERSION
    rewritten = pattern.sub(lambda match: f"{match[1]}{VERSION}", text, count=1)
    if _parse(rewritten, kind) == wanted:  # not so if the line found was inside a text
        return rewritten
    dataset = structure_dataset(wanted, file=file)
    return dumps_toml(dataset) if kind == "toml" else dumps_json(dataset)


def upgrade(path: str | os.PathLike[str], *, output: str | os.PathLike[str] | None = None) -> bool:
    """Rewrite a data file as the current version of the format; ``False`` if it is already.

    The file is replaced only once the new one is whole, or ``output`` is written instead
    (a file of the same kind, ``.toml`` or ``.json``). A file of the current version is left
    as it is, and nothing is written.

    Raises:
        DataFileError: The file cannot be read, or is not a valid dataset.
        InvalidValueError: ``output`` is not of the file's kind.
    """
    source = Path(path)
    target = source if output is None else Path(output)
    if target.suffix.casefold() != source.suffix.casefold():
        raise InvalidValueError("output", str(target), f"a {source.suffix} file, as {source}")
    try:
        load(source)  # the file's own checks: its type, size, encoding
    except DataFileError as error:
        if not _only_later_parts(error):
            raise
    text = source.read_bytes().decode("utf-8-sig")
    kind = "json" if source.suffix.casefold() == ".json" else "toml"
    upgraded = upgrade_text(text, kind, file=str(source))
    if upgraded is None:
        return False
    atomic_write(target, upgraded.encode("utf-8"))
    return True
