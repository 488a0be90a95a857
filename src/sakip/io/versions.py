"""Which parts of the data file belong to which version of the format.

A file says which version it is written for (``version = 1``). sakip reads every version it
knows, and a file of an earlier version must read exactly as it always did: a part that
exists only in a later version (a new field, a new word of an enumeration) is refused there
with a clear error, never silently read with a meaning the file's writer did not know.

Version 1's parts are declared in one place, its JSON Schema, kept frozen beside this module
(and published as ``sakip-dataset-1.schema.json``): a field or an enumeration's word that the
current format reads but that schema does not name exists only from version 2 on. So a new
part of the model is version-2-only with nothing more to declare. A part that gives a new
meaning to a value an existing field already held (a target written as a text, say) cannot
be told apart by the schema; it is declared in :data:`LATER_VALUES`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple

from sakip import model
from sakip.exceptions import SakipError
from sakip.locale import parse_number
from sakip.targets import parse_target

__all__ = ["LATER_VALUES", "LaterPart", "later_parts", "schema_of_version"]

_FROZEN: Final = {1: Path(__file__).with_name("sakip-dataset-1.schema.json")}
"""The schema of each earlier version, as it was published; never regenerated."""


def _later_target(value: object) -> bool:
    """A target that version 2 reads and version 1 did not: a comparator or range as text.

    Version 1 read a number (in either notation, as a text too) or a range as a table or a
    pair; version 2 also reads a target as a report prints it ("≥ 80", "60 s.d. 85") and a
    comparator or a level as a table. A text that is neither stays version 1's error.
    """
    if isinstance(value, Mapping):
        return bool(value) and set(value) <= {"comparator", "bound", "level", "scale"}
    if not isinstance(value, str):
        return False
    try:
        parse_number(value)
    except SakipError:
        try:
            parse_target(value)
        except SakipError:
            return False
        return True
    return False


LATER_VALUES: Final[dict[str, Callable[[object], bool]]] = {"TargetLike": _later_target}
"""Values that an earlier version's field held but that only version 2 reads.

Keyed by ``"Class.field"`` (a field of a model class, ``"Dataset.field"`` at the top) or by a
type the schema defines (``"TargetLike"``); the function tells whether a value, as the file
holds it, is one that version 1 did not accept and version 2 does.
"""


class LaterPart(NamedTuple):
    """A part of a file that its version does not have: the table path, the field and the value.

    ``value`` is ``None`` when the field itself is the later part (a new field), and the value
    as written when the field is old but the value is new (a new word).
    """

    table: str
    field: str
    value: object


@functools.cache
def schema_of_version(version: int) -> dict[str, Any]:
    """The JSON Schema of an earlier version of the format, as it was published.

    >>> from sakip.io.versions import schema_of_version
    >>> schema_of_version(1)["properties"]["version"]
    {'const': 1}
    """
    frozen: dict[str, Any] = json.loads(_FROZEN[version].read_text(encoding="utf-8"))
    return frozen


@functools.cache
def _current_schema() -> dict[str, Any]:
    """The current version's schema, made once: it is only read here."""
    from sakip.io.schema import json_schema  # noqa: PLC0415 - the schema module reads this one

    return json_schema()


def later_parts(body: Mapping[str, Any], version: int) -> list[LaterPart]:
    """Every part of ``body`` (a data file's tables) that ``version`` of the format lacks."""
    current = _current_schema()
    walk = _Walk(current["$defs"], schema_of_version(version))
    found = walk.table(body, {**current, "title": "Dataset"}, "Dataset", "")
    # each part once, in the file's order (by its place: a value may be a table, unhashable)
    return list({(part.table, part.field): part for part in found}.values())


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


class _Walk:
    """A walk through a file's data along the current schema, beside an earlier one."""

    def __init__(self, defs: Mapping[str, Any], earlier: Mapping[str, Any]) -> None:
        self.defs = defs
        earlier_defs = earlier["$defs"]
        self.fields = {
            name: set(node.get("properties", ())) for name, node in earlier_defs.items()
        }
        self.fields["Dataset"] = set(earlier["properties"])
        self.words = {
            name: set(node["enum"]) for name, node in earlier_defs.items() if "enum" in node
        }
        self.enums = {
            name: kind
            for name, kind in vars(model).items()
            if isinstance(kind, type) and issubclass(kind, model.AliasedEnum)
        }

    def table(
        self, value: Mapping[str, Any], node: Mapping[str, Any], name: str, path: str
    ) -> Iterator[LaterPart]:
        for key, item in value.items():
            if key not in node["properties"]:
                continue  # an unknown field: the converter reports it
            if key not in self.fields.get(name, ()):
                yield LaterPart(path, key, None)
                continue
            later = LATER_VALUES.get(f"{name}.{key}")
            if later is not None and later(item):
                yield LaterPart(path, key, item)
                continue
            yield from self.value(item, node["properties"][key], path, key)

    def value(
        self, value: object, node: Mapping[str, Any], path: str, field: str
    ) -> Iterator[LaterPart]:
        if "$ref" in node:
            name = node["$ref"].rpartition("/")[2]
            later = LATER_VALUES.get(name)
            if later is not None and later(value):
                yield LaterPart(path, field, value)
            else:
                yield from self.defined(value, name, path, field)
            return
        for option in node.get("anyOf", ()):
            yield from self.value(value, option, path, field)
        if isinstance(value, list) and "items" in node:
            for index, item in enumerate(value):
                yield from self.value(item, node["items"], path, f"{field}[{index}]")
        if isinstance(value, Mapping) and isinstance(node.get("additionalProperties"), Mapping):
            for key, item in value.items():
                yield from self.value(item, node["additionalProperties"], _join(path, field), key)

    def defined(self, value: object, name: str, path: str, field: str) -> Iterator[LaterPart]:
        """The later parts of a value of a type the schema defines (a model class, an enum)."""
        node = self.defs[name]
        if isinstance(value, Mapping) and "properties" in node:
            yield from self.table(value, node, name, _join(path, field))
        elif name in self.enums and name in self.words:
            try:
                member = self.enums[name](value)
            except ValueError:
                return  # a word no version reads: the converter reports it
            if member.value not in self.words[name]:
                yield LaterPart(path, field, value)
        else:
            yield from self.value(value, node, path, field)
