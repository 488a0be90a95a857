"""The JSON Schema of the data file, generated from the model classes."""

from __future__ import annotations

import copy
import inspect
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs

from sakip import model
from sakip.io.datafile import FORMAT, VERSION, CodeTargets, Quarterly, StandardValue, YearTargets
from sakip.levels import LevelScale
from sakip.model import Dataset, TargetLike

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://sakip.readthedocs.io/en/latest/_static/sakip-dataset.schema.json"
"""The ``$id`` of the schema."""

_NUMBER = {"$ref": "#/$defs/Number"}
_TARGET = {"$ref": "#/$defs/TargetLike"}


_DEFS: dict[str, Any] = {
    "Number": {
        "description": "An exact number: a JSON number, or a text in Indonesian or "
        'English notation ("94,6", "13.773", "Rp 1.000,-").',
        "anyOf": [{"type": "number"}, {"type": "string"}],
    },
    "TargetLike": {
        "description": 'A target: a number; a text as a report prints it ("≥ 80", '
        '"minimal 80", "< 0,49", "60 s.d. 85", or, for an indicator with levels, a level '
        'such as "WTP"); a range as {low, high} or [low, high]; a comparator target as '
        "{comparator, bound}; a level target as {level, scale}.",
        "anyOf": [
            _NUMBER,
            {"$ref": "#/$defs/TargetRange"},
            {"type": "array", "items": _NUMBER, "minItems": 2, "maxItems": 2},
            {"$ref": "#/$defs/ComparatorTarget"},
            {"$ref": "#/$defs/LevelTarget"},
        ],
    },
    "ComparatorTarget": {
        "type": "object",
        "description": "A comparator target: the bound, and whether the realization must be "
        "at least (≥), more than (>), at most (≤) or less than (<) it.",
        "properties": {"comparator": {"enum": ["≥", ">", "≤", "<"]}, "bound": _NUMBER},
        "required": ["comparator", "bound"],
        "additionalProperties": False,
    },
    "LevelTarget": {
        "type": "object",
        "description": "A level target: a level of a registered level scale.",
        "properties": {"level": {"type": "string"}, "scale": {"type": "string"}},
        "required": ["level", "scale"],
        "additionalProperties": False,
    },
    "TargetRange": {
        "type": "object",
        "description": "A target range: any realization from low to high meets it.",
        "properties": {"low": _NUMBER, "high": _NUMBER},
        "required": ["low", "high"],
        "additionalProperties": False,
    },
}
"""The definitions written by hand: numbers, targets and ranges."""


def _enum_schema(cls: type[model.AliasedEnum]) -> dict[str, Any]:
    values = [member.value for member in cls]
    aliases = [alias for alias in cls._aliases() if alias not in values]
    # cleandoc: Python 3.13 dedents docstrings itself, earlier versions do not
    doc = inspect.cleandoc(cls.__doc__ or cls.__name__)
    return {
        "type": "string",
        "enum": values + aliases,
        "description": f"{doc} Any case; also {', '.join(aliases)}." if aliases else doc,
    }


_FIXED: dict[Any, dict[str, Any]] = {
    YearTargets: {
        "type": "object",
        "propertyNames": {"pattern": "^[0-9]{4}$"},
        "additionalProperties": _TARGET,
        "description": 'Targets by year: {"2021": 85.3, ...}.',
    },
    CodeTargets: {
        "type": "object",
        "additionalProperties": _TARGET,
        "description": 'Targets by indicator code: {"IKU-1": 94.6}.',
    },
    Quarterly: {
        "anyOf": [
            {
                "type": "object",
                "propertyNames": {"pattern": "^[1-4]$"},
                "additionalProperties": _NUMBER,
            },
            {"type": "array", "maxItems": 4, "items": {"anyOf": [_NUMBER, {"type": "null"}]}},
        ],
        "description": "Spending by quarter; a quarter not reported is left out.",
    },
    TargetLike: _TARGET,
    StandardValue: _TARGET,
    LevelScale: {
        "type": "string",
        "description": 'The name of a registered level scale ("opini-bpk", "sakip-predicate").',
    },
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    Decimal: _NUMBER,
    date: {"type": "string", "format": "date"},
}
"""The schema of each type the model uses that is neither optional, a tuple nor a class."""


def _schema_of(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if kind in _FIXED:
        return _FIXED[kind]
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        inner = _schema_of(options[0] if len(options) == 1 else Union[tuple(options)], defs)  # noqa: UP007
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(get_args(kind)[0], defs)}
    return {"$ref": f"#/$defs/{_define(kind, defs)}"}


def _define(kind: type, defs: dict[str, Any]) -> str:
    """The name under which ``kind`` (an enum or a model class) is defined in ``defs``."""
    name = kind.__name__
    if name not in defs:
        if issubclass(kind, model.AliasedEnum):
            defs[name] = _enum_schema(kind)
        else:
            assert attrs.has(kind), kind
            defs[name] = {}  # a placeholder first: budget lines nest in themselves
            defs[name] = _class_schema(kind, defs)
    return name


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    stored = [field for field in attrs.fields(cls) if field.init]  # the rest is derived
    properties = {field.name: _schema_of(hints[field.name], defs) for field in stored}
    required = [field.name for field in stored if field.default is attrs.NOTHING]
    doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the data file's JSON spelling.

    Generated from the model classes, so it always matches what :func:`sakip.io.load` reads.
    A schema validator checks the structure; sakip checks more (numbers written as texts,
    indicator codes that exist, years inside the plan).

    >>> import sakip.io
    >>> schema = sakip.io.json_schema()
    >>> schema["properties"]["format"]
    {'const': 'sakip-dataset'}
    >>> sorted(schema["$defs"]["TargetRange"]["required"])
    ['high', 'low']
    """
    defs = dict(_DEFS)
    body = _class_schema(Dataset, defs)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "sakip dataset",
        "description": f"A sakip data file (format sakip-dataset, version {VERSION}): an agency, "
        "its "
        "strategic plan, realizations, agreements, budget lines, national standards, the "
        "figures its report states, its cascade of programs, activities and sub-activities, "
        "and the author's analyses.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            **body["properties"],
        },
        "required": ["format", "version", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
    return copy.deepcopy(schema)  # the parts are shared module constants
