"""The sakip data file: a whole :class:`~sakip.Dataset` as TOML (by hand) or JSON (by program).

The format is described in the reference page "The data file format". Reading never executes
anything: TOML and JSON are parsed as data, numbers become exact decimals, and every value
goes through the model's validation. Every problem in a file is reported at once, in one
:class:`~sakip.io.DataFileError`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, get_args

import attrs
import cattrs
import tomli_w
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from sakip import model
from sakip._gc import collector_paused
from sakip.exceptions import InvalidValueError, SakipError
from sakip.io._cells import number, whole_number
from sakip.io._safe import atomic_write
from sakip.io.errors import (
    DataFileError,
    FieldError,
    Item,
    ItemKind,
    Problem,
    detailed,
    short,
    single,
)
from sakip.io.limits import LimitError, Limits, check, depth, limits_or_default
from sakip.io.versions import LaterPart, later_parts
from sakip.levels import LEVEL_SCALES, LevelScale
from sakip.model import (
    ComparatorTarget,
    Dataset,
    LevelTarget,
    Realization,
    Target,
    TargetLike,
    TargetRange,
)
from sakip.targets import parse_target, target_text

__all__ = [
    "FORMAT",
    "VERSION",
    "VERSIONS",
    "converter",
    "dumps_json",
    "dumps_toml",
    "load",
    "loads_json",
    "loads_toml",
    "save",
    "structure_dataset",
    "unstructure_dataset",
]

FORMAT: Final = "sakip-dataset"
"""The value of ``format`` at the top of every data file."""
VERSION: Final = 2
"""The version of the format this sakip writes; it reads this one and every earlier one."""
VERSIONS: Final = (1, 2)
"""The versions of the format this sakip reads: a file of an earlier one reads as it always did.

A part of the format that an earlier version lacks is refused in a file of that version
(see :mod:`sakip.io.versions`); ``sakip upgrade`` rewrites such a file as the current version.
"""

_SUFFIXES = {".toml": "toml", ".json": "json", ".xlsx": "xlsx"}
# The field types the converter reads with a hook of its own; the schema names them too.
YearTargets = tuple[tuple[int, TargetLike], ...]
CodeTargets = tuple[tuple[str, TargetLike], ...]
StandardValue = Target | TargetRange | ComparatorTarget
Quarterly = tuple[Decimal | None, ...]


# --- the converter ------------------------------------------------------------------------


def _text(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise InvalidValueError("value", value, "a text")
    return value


def _boolean(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidValueError("value", value, "true or false")
    return value


def _integer(value: object, _: object) -> int:
    return whole_number(value, "value")


def _decimal(value: object, _: object) -> Decimal:
    return number(value, "value")


def _date(value: object, _: object) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValueError("value", value, "a date (2025-01-31)")


# The tables a target may be written as, by their keys.
_TARGET_TABLES = (
    frozenset({"low", "high"}),
    frozenset({"comparator", "bound"}),
    frozenset({"level", "scale"}),
)
_TARGET_TABLE = "a table with exactly low and high, comparator and bound, or level and scale"
_TARGET_TEXT = (
    "a number, a range (60 s.d. 85), a comparator target (≥ 80, minimal 80) or, for an "
    "indicator with levels, a level"
)


def _target(value: object, _: object) -> TargetLike:
    if isinstance(value, Mapping):
        return _target_table(value)
    if isinstance(value, str):
        return _target_text(value)
    if isinstance(value, list | tuple):
        if len(value) != 2:
            raise InvalidValueError("value", value, "a range of two numbers [low, high]")
        return TargetRange(number(value[0], "low"), number(value[1], "high"))
    return Target(number(value, "value"))


def _target_table(value: Mapping[Any, Any]) -> TargetLike:
    keys = frozenset(value)
    if keys not in _TARGET_TABLES:
        raise InvalidValueError("value", dict(value), _TARGET_TABLE)
    if keys == {"low", "high"}:
        return TargetRange(number(value["low"], "low"), number(value["high"], "high"))
    if keys == {"level", "scale"}:
        level, scale = value["level"], value["scale"]
        if not isinstance(level, str) or not isinstance(scale, str):
            raise InvalidValueError("value", dict(value), "a level and a scale name, as texts")
        return LevelTarget(level, LEVEL_SCALES.resolve(scale))
    try:
        comparator = model.Comparator(value["comparator"])
    except ValueError:
        symbols = ", ".join(member.value for member in model.Comparator)
        raise InvalidValueError("comparator", value["comparator"], f"one of {symbols}") from None
    return ComparatorTarget(comparator, number(value["bound"], "bound"))


def _target_text(text: str) -> TargetLike:
    try:
        return parse_target(text)
    except InvalidValueError:
        raise InvalidValueError("value", text, _TARGET_TEXT) from None


def _standard_value(value: object, _: object) -> StandardValue:
    found = _target(value, None)
    if isinstance(found, LevelTarget):
        raise InvalidValueError("value", found.level, "a number, a range or a comparator target")
    return found


def _optional_target(value: object, _: object) -> TargetLike | None:
    return None if value is None else _target(value, _)


# Optional plain values, hooked directly: cattrs' own hook for ``X | None`` looks the hook of
# ``X`` up again for every value, and a data file has thousands of optional fields.


def _optional_text(value: object, _: object) -> str | None:
    return None if value is None else _text(value, _)


def _optional_integer(value: object, _: object) -> int | None:
    return None if value is None else _integer(value, _)


def _optional_decimal(value: object, _: object) -> Decimal | None:
    return None if value is None else _decimal(value, _)


def _optional_scale(value: object, _: object) -> LevelScale | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidValueError("value", value, "the name of a level scale (opini-bpk)")
    return LEVEL_SCALES.resolve(value)


def _unstructure_target(target: TargetLike) -> object:
    if isinstance(target, TargetRange):
        return {"low": target.low, "high": target.high}
    return _plain_target(target)


def _plain_target(target: Target | ComparatorTarget | LevelTarget) -> object:
    """A number, or the text a report prints: ``"≥ 0,49"``, ``"WTP"`` (read back the same)."""
    if isinstance(target, Target):
        return target.value
    return target_text(target)  # a level's scale is the indicator's ``levels``


def _unstructure_code_targets(pairs: CodeTargets) -> dict[str, object]:
    """A PK's targets by code, in their order: a range as ``[low, high]``.

    A TOML writer puts nested tables after plain values, which would reorder the targets;
    a two-number list stays in place.
    """
    return {
        code: [target.low, target.high]
        if isinstance(target, TargetRange)
        else _plain_target(target)
        for code, target in pairs
    }


def _table(value: object, expected: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("value", value, expected)
    return value


def _keyed(
    value: object, key: Callable[[object], Any], item: Callable[[object], Any], expected: str
) -> list[tuple[Any, Any]]:
    """Structure every entry of a table, collecting the bad ones with their keys."""
    pairs, errors = [], []
    for name, raw in _table(value, expected).items():
        try:
            pairs.append((key(name), item(raw)))
        except (SakipError, ValueError) as error:
            error.__notes__ = [IterableValidationNote(f"at {name}", str(name), object)]
            errors.append(error)
    if errors:
        raise IterableValidationError("bad entries", errors, dict)
    return pairs


def _year_targets(value: object, _: object) -> YearTargets:
    pairs = _keyed(
        value,
        lambda key: whole_number(key, "value", "a year"),
        lambda raw: _target(raw, None),
        "a table of targets by year: {2021 = 85.3, ...}",
    )
    return model._year_targets(pairs)


def _code_targets(value: object, _: object) -> CodeTargets:
    pairs = _keyed(
        value,
        lambda key: key,
        lambda raw: _target(raw, None),
        "a table of targets by indicator code: {IKU-1 = 94.6}",
    )
    return tuple(pairs)


def _quarterly(value: object, _: object) -> Quarterly:
    if isinstance(value, list | tuple):
        return tuple(None if raw is None else number(raw, "quarter") for raw in value)
    pairs = _keyed(
        value,
        lambda key: whole_number(key, "value", "a quarter 1, 2, 3 or 4"),
        lambda raw: number(raw, "spent"),
        "a table of spending by quarter: {1 = 1000, 2 = 2500}",
    )
    quarters = dict(pairs)
    if not quarters:
        return ()
    last = max(quarters)
    if not 1 <= min(quarters) <= last <= 4:
        raise InvalidValueError("value", sorted(quarters), "quarters 1, 2, 3 or 4")
    return tuple(quarters.get(quarter) for quarter in range(1, last + 1))


def _unstructure_quarterly(values: Quarterly) -> dict[str, Decimal]:
    return {str(index): amount for index, amount in enumerate(values, 1) if amount is not None}


def _is_aliased_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, model.AliasedEnum)


class _RefusedWordError(InvalidValueError):
    """A value an enumeration refused, with the words it accepts (for the person's message)."""

    def __init__(self, value: object, enum_type: type[model.AliasedEnum]) -> None:
        known = ", ".join(repr(member.value) for member in enum_type)
        super().__init__("value", value, f"one of {known}")
        self.accepted = enum_type.accepted_words()


def _enum_hook(cls: type[model.AliasedEnum]) -> Callable[[object, object], Any]:
    def structure(value: object, _: object) -> Any:
        try:
            return cls.parse(value, "value")
        except InvalidValueError:
            raise _RefusedWordError(value, cls) from None

    return structure


def _is(wanted: object) -> Callable[[object], bool]:
    return lambda cls: cls == wanted


def _is_tuple_of(cls: Any) -> bool:
    """Whether ``cls`` is ``tuple[X, ...]``."""
    args = get_args(cls)
    return getattr(cls, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, object], Any]]:
    def factory(cls: Any) -> Callable[[object, object], Any]:
        item_type = get_args(cls)[0]

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise InvalidValueError("value", value, "a list (an array of tables)")
            hook = conv.get_structure_hook(item_type)
            items, errors = [], []
            for index, raw in enumerate(value):
                try:
                    items.append(hook(raw, item_type))
                except Exception as error:
                    error.__notes__ = [IterableValidationNote(f"at {index}", index, item_type)]
                    errors.append(error)
            if errors:
                raise IterableValidationError("bad items", errors, cls)
            return tuple(items)

        return structure

    return factory


def _attrs_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[object, object], Any]]:
    def factory(cls: Any) -> Callable[[object, object], Any]:
        inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

        def structure(value: object, _: object) -> Any:
            return inner(_table(value, f"a table ({cls.__name__})"), cls)

        return structure

    return factory


def _unstructure_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    always = {"polarity", "aggregation", "level", "funding_source"}

    def factory(cls: Any) -> Callable[[Any], Any]:
        overrides: dict[str, Any] = {
            field.name: override(omit_if_default=False)
            for field in attrs.fields(cls)
            if field.name in always and field.default is not None  # a None default is left out
        }
        # a field not given to the class (``Realization.from_counts``) is derived, not data
        overrides |= {
            field.name: override(omit=True) for field in attrs.fields(cls) if not field.init
        }
        unstructure = make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, **overrides
        )
        if cls is not Realization:
            return unstructure

        def realization(item: Realization) -> Any:
            body = unstructure(item)
            if item.from_counts:  # computed from the counts, not given: saved as given
                body.pop("value", None)
            return body

        return realization

    return factory


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    conv.register_structure_hook(str, _text)
    conv.register_structure_hook(bool, _boolean)
    conv.register_structure_hook(int, _integer)
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_structure_hook(date, _date)
    conv.register_structure_hook(TargetLike, _target)
    conv.register_structure_hook(TargetLike | None, _optional_target)
    conv.register_structure_hook(str | None, _optional_text)
    conv.register_structure_hook(int | None, _optional_integer)
    conv.register_structure_hook(Decimal | None, _optional_decimal)
    conv.register_structure_hook(LevelScale | None, _optional_scale)
    conv.register_structure_hook(StandardValue, _standard_value)
    conv.register_structure_hook_factory(_is_aliased_enum, _enum_hook)
    conv.register_structure_hook_factory(_is_tuple_of, _tuple_hook(conv))
    conv.register_structure_hook_factory(attrs.has, _attrs_hook(conv))
    conv.register_structure_hook_func(_is(YearTargets), _year_targets)
    conv.register_structure_hook_func(_is(CodeTargets), _code_targets)
    conv.register_structure_hook_func(_is(Quarterly), _quarterly)

    conv.register_unstructure_hook(Decimal, lambda value: value)
    conv.register_unstructure_hook(date, lambda value: value)
    conv.register_unstructure_hook(Target, _unstructure_target)
    conv.register_unstructure_hook(TargetRange, _unstructure_target)
    conv.register_unstructure_hook(ComparatorTarget, _unstructure_target)
    conv.register_unstructure_hook(LevelTarget, _unstructure_target)
    conv.register_unstructure_hook(TargetLike, _unstructure_target)
    conv.register_unstructure_hook(StandardValue, _unstructure_target)
    conv.register_unstructure_hook(LevelScale, lambda scale: scale.name)
    conv.register_unstructure_hook(LevelScale | None, lambda scale: scale and scale.name)
    conv.register_unstructure_hook_func(_is_aliased_enum, lambda member: member.value)
    conv.register_unstructure_hook_func(
        _is_tuple_of, lambda items: [conv.unstructure(item) for item in items]
    )
    conv.register_unstructure_hook_factory(attrs.has, _unstructure_hook(conv))
    conv.register_unstructure_hook_func(
        _is(YearTargets), lambda pairs: {str(k): _unstructure_target(v) for k, v in pairs}
    )
    conv.register_unstructure_hook_func(_is(CodeTargets), _unstructure_code_targets)
    conv.register_unstructure_hook_func(_is(Quarterly), _unstructure_quarterly)
    return conv


converter: Final = _make_converter()
"""The :class:`cattrs.Converter` between the model and plain data (tables, lists, numbers)."""


# --- errors -------------------------------------------------------------------------------


def _index(index: object) -> str:
    return f"[{index}]" if isinstance(index, int) else f".{index}"


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


def _leaves(error: BaseException, path: str) -> Iterator[tuple[str, str | None, BaseException]]:
    """Every leaf error under a cattrs error, with the table path and the field it is in."""
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield path, key, error
    elif isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            yield from _field_leaves(sub, path, note.name)
        for sub in without:
            yield from _leaves(sub, path)
    elif isinstance(error, IterableValidationError):
        items, others = error.group_exceptions()
        for sub, item in items:
            yield from _leaves(sub, path + _index(item.index))
        for sub in others:  # pragma: no cover - sakip's hooks note every item they fail on
            yield from _leaves(sub, path)
    else:
        yield path, None, error


def _field_leaves(
    error: BaseException, path: str, name: str
) -> Iterator[tuple[str, str | None, BaseException]]:
    """The leaves of an error raised while structuring the field ``name``."""
    if isinstance(error, ClassValidationError | IterableValidationError | ForbiddenExtraKeysError):
        yield from _leaves(error, _join(path, name))
    else:
        yield path, name, error


def _problem(file: str | None, path: str, column: str | None, error: BaseException) -> FieldError:
    row = path or None
    if isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)]
        problem = FieldError(
            f"unknown field {column!r} (misspelt?)",
            file=file,
            row=row,
            column=column,
            expected="one of the fields the format defines",
        )
        return detailed(problem, problem=Problem.UNKNOWN_KEY, suggestion=_nearest(column, known))
    if isinstance(error, KeyError):
        problem = FieldError(
            "required field is missing", file=file, row=row, column=column, expected="a value"
        )
        return detailed(problem, problem=Problem.MISSING_KEY)
    if isinstance(error, InvalidValueError):
        return _invalid(file, row, column, error)
    return FieldError(str(error), file=file, row=row, column=column)


def _invalid(
    file: str | None, row: str | None, column: str | None, error: InvalidValueError
) -> FieldError:
    got = f"(got {short(error.value)})"
    if error.name == "value":
        message = f"expected {error.expected} {got}"
    else:
        message = f"{error.name!r} must be {error.expected} {got}"
    problem = FieldError(
        message, file=file, row=row, column=column, value=error.value, expected=error.expected
    )
    accepted: tuple[str, ...] = getattr(error, "accepted", ())
    suggestion = _nearest(error.value, accepted) if accepted else None
    return detailed(
        problem, problem=Problem.INVALID_VALUE, suggestion=suggestion, accepted=accepted
    )


def _nearest(given: object, known: Iterable[str]) -> str | None:
    """The known word nearest to ``given`` (a misspelling), or ``None`` when none is near."""
    if not isinstance(given, str):
        return None
    by_key = {word.casefold(): word for word in known}
    found = difflib.get_close_matches(given.strip().casefold(), by_key, n=1, cutoff=0.6)
    return by_key[found[0]] if found else None


# The tables of a data file that hold items, and the field that names each item.
_ITEMS = {
    "goals": (ItemKind.GOAL, "code"),
    "objectives": (ItemKind.OBJECTIVE, "code"),
    "indicators": (ItemKind.INDICATOR, "code"),
    "indicator_plans": (ItemKind.INDICATOR_PLAN, "indicator"),
    "realizations": (ItemKind.REALIZATION, "indicator"),
    "budget": (ItemKind.BUDGET_LINE, "code"),
    "children": (ItemKind.BUDGET_LINE, "code"),
    "agreements": (ItemKind.AGREEMENT, None),
    "standards": (ItemKind.STANDARD, "indicator"),
    "stated": (ItemKind.STATED_FIGURE, "location"),
    "cascade": (ItemKind.CASCADE_ITEM, "code"),
    "analyses": (ItemKind.ANALYSIS, "indicator"),
    "period_targets": (ItemKind.PERIOD_TARGET, "indicator"),
}
_TOKEN = re.compile(r"(\w+)|\[(\d+)\]")


def _item(body: Mapping[str, Any], path: str) -> Item | None:
    """The item a table path points into (``plan.goals[0].indicators[2]``: an indicator)."""
    found: Item | None = None
    node: Any = body
    section = ""
    for name, index in _TOKEN.findall(path):
        if name:
            section = name
            node = node.get(name) if isinstance(node, Mapping) else None
            if name in ("agency", "plan") and found is None:
                found = Item(ItemKind(name))
            continue
        node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        if section in _ITEMS:
            found = _entry(section, node, int(index) + 1)
    return found


def _entry(section: str, entry: object, number: int) -> Item:
    kind, key = _ITEMS[section]
    fields = entry if isinstance(entry, Mapping) else {}

    def text(name: str | None) -> str | None:
        value = fields.get(name) if name else None
        return value if isinstance(value, str) and value.strip() else None

    def integer(name: str) -> int | None:
        value = fields.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    code = text(key) or (text("indicator") if kind is ItemKind.STATED_FIGURE else None)
    year = integer("year")
    if kind in (ItemKind.REALIZATION, ItemKind.ANALYSIS, ItemKind.PERIOD_TARGET) and year is None:
        code = None  # "realisasi IKU-1 None" would mislead: count it instead
    return Item(kind, code, year, integer("quarter"), number, integer("month"))


def _collect(error: BaseException, file: str | None, body: Mapping[str, Any]) -> list[FieldError]:
    try:
        leaves = list(_leaves(error, ""))
    except RecursionError:
        raise _too_deep(file) from None
    if any(isinstance(leaf, RecursionError) for _, _, leaf in leaves):
        raise _too_deep(file)
    problems = []
    for path, column, leaf in leaves:
        problem = _problem(file, path, column, leaf)
        problem.item = _item(body, path)
        problems.append(problem)
    return problems


# --- structure and unstructure ------------------------------------------------------------


@collector_paused  # builds thousands of small objects; see sakip._gc
def structure_dataset(data: object, *, file: str | None = None) -> Dataset:
    """Build a :class:`~sakip.Dataset` from plain data (what a TOML or JSON file parses to).

    Args:
        data: A mapping with ``format = "sakip-dataset"``, a ``version`` of
            :data:`~sakip.io.VERSIONS` and the dataset's tables.
        file: The file's name, used in error messages.

    Raises:
        DataFileError: Listing every problem, each with its place.
    """
    if not isinstance(data, Mapping):
        raise single(
            f"expected a table with format = {FORMAT!r} at the top",
            file=file,
            value=data,
            expected="a table",
        )
    if not data:
        raise single(
            "the file is empty",
            file=file,
            expected=f"format = {FORMAT!r}",
            problem=Problem.EMPTY_FILE,
        )
    _check_header(data, file)
    body = {key: value for key, value in data.items() if key not in {"format", "version"}}
    body.pop("$schema", None)
    later = _later_problems(body, int(data["version"]), file)
    try:
        dataset = converter.structure(_with_levels(body), Dataset)
    except (ClassValidationError, ForbiddenExtraKeysError, SakipError, ValueError) as error:
        problems = _collect(error, file, body)
    else:
        if not later:
            return dataset
        problems = []
    references = [*_reference_problems(body, file), *_code_problems(body, file)]
    if references:
        problems = [p for p in problems if not p.message.startswith(_REFERENCE_MESSAGES)]
    message = f"{file or 'the data'} is not a valid sakip dataset"
    raise DataFileError(message, [*later, *problems, *references], file=file)


def _later_problems(body: Mapping[str, Any], version: int, file: str | None) -> list[FieldError]:
    """A problem for every part of the file that its (earlier) version of the format lacks."""
    if version == VERSION:
        return []
    try:
        parts = later_parts(body, version)
    except RecursionError:
        raise _too_deep(file) from None
    return [_later_problem(part, version, body, file) for part in parts]


def _later_problem(
    part: LaterPart, version: int, body: Mapping[str, Any], file: str | None
) -> FieldError:
    what = f"{part.field!r}" if part.value is None else f"{part.field} = {short(part.value)}"
    problem = FieldError(
        f"{what} is new in version {VERSION} of the format, and the file says version "
        f"{version}; run `sakip upgrade` on it, or set version = {VERSION}",
        file=file,
        row=part.table or None,
        column=part.field,
        value=part.value,
        expected=str(VERSION),
    )
    return detailed(problem, problem=Problem.LATER_PART, item=_item(body, part.table))


_READ_VERSIONS: Final = " or ".join(map(str, VERSIONS))


def _level_scales(body: Mapping[str, Any]) -> dict[str, str]:
    """The scale name of every indicator that declares ``levels``, by code."""
    plan = body.get("plan")
    goals = plan.get("goals") if isinstance(plan, Mapping) else None
    tables: list[object] = []
    for goal in goals if isinstance(goals, list) else ():
        if isinstance(goal, Mapping):
            tables.append(goal.get("indicators"))
            objectives = goal.get("objectives")
            tables.extend(
                objective.get("indicators")
                for objective in (objectives if isinstance(objectives, list) else ())
                if isinstance(objective, Mapping)
            )
    return {
        indicator["code"]: indicator["levels"]
        for table in tables
        for indicator in (table if isinstance(table, list) else ())
        if isinstance(indicator, Mapping)
        and isinstance(indicator.get("code"), str)
        and isinstance(indicator.get("levels"), str)
    }


def _as_level(value: object, scale: str) -> object:
    """A target written as text, for an indicator with levels: a level of its scale."""
    return {"level": value, "scale": scale} if isinstance(value, str) else value


def _levelled(targets: object, scale: str) -> object:
    if not isinstance(targets, Mapping):
        return targets
    return {key: _as_level(value, scale) for key, value in targets.items()}


def _with_levels(body: Mapping[str, Any]) -> Mapping[str, Any]:
    """``body`` with the text targets of indicators that declare ``levels`` read as levels.

    A target's text alone cannot say whether ``"A"`` is a level, nor of which scale; the
    indicator's ``levels`` says, so those targets are given their scale before reading.
    Anything malformed is left as it is for the reader to report.
    """
    scales = _level_scales(body)
    if not scales:
        return body
    plan = dict(body["plan"])
    lines = plan.get("indicator_plans")
    if isinstance(lines, list):
        plan["indicator_plans"] = [_level_line(line, scales) for line in lines]
    agreements = body.get("agreements")
    result = {**body, "plan": plan}
    if isinstance(agreements, list):
        result["agreements"] = [_level_agreement(entry, scales) for entry in agreements]
    return result


def _level_line(line: object, scales: Mapping[str, str]) -> object:
    if not isinstance(line, Mapping):
        return line
    code = line.get("indicator")
    if not isinstance(code, str) or code not in scales:  # a list is no code, nor hashable
        return line
    scale = scales[code]
    changed = dict(line)
    if "targets" in line:
        changed["targets"] = _levelled(line["targets"], scale)
    if "end_target" in line:
        changed["end_target"] = _as_level(line["end_target"], scale)
    return changed


def _level_agreement(agreement: object, scales: Mapping[str, str]) -> object:
    """The agreement's targets and revised targets (PK-P) of level indicators read as levels."""
    if not isinstance(agreement, Mapping):
        return agreement
    changed = dict(agreement)
    for key in ("targets", "revised_targets"):
        targets = agreement.get(key)
        if isinstance(targets, Mapping):
            changed[key] = {
                code: _as_level(value, scales[code]) if code in scales else value
                for code, value in targets.items()
            }
    return changed


def _check_header(data: Mapping[str, Any], file: str | None) -> None:
    """Refuse data whose ``format`` or ``version`` is not one this sakip reads."""
    header = [
        detailed(
            FieldError(message, file=file, column=key, value=data.get(key), expected=expected),
            problem=Problem.WRONG_HEADER,
        )
        for key, wanted, message, expected in (
            ("format", (FORMAT,), f"format must be {FORMAT!r}", repr(FORMAT)),
            ("version", VERSIONS, f"version must be {_READ_VERSIONS}", str(VERSION)),
        )
        if data.get(key) not in wanted or isinstance(data.get(key), bool)
    ]
    if not header:
        return
    version, first = data.get("version"), header[0]
    if first.column == "version" and isinstance(version, int) and not isinstance(version, bool):
        first.message = (
            f"version {version!r} is not supported; this sakip reads version {_READ_VERSIONS}"
        )
        first.problem = Problem.UNSUPPORTED_VERSION
    raise DataFileError(f"{file or 'the data'} is not a sakip dataset", header, file=file)


_REFERENCE_MESSAGES = (
    "unknown indicator ",
    "'indicator' must be an indicator of the plan",
    "unknown objective ",
    "unknown cascade item ",
    "unknown budget line of ",
)
"""The model's own messages for a code the plan lacks, replaced by the placed ones below."""


def _plan_codes(body: Mapping[str, Any]) -> set[str] | None:
    """The indicator codes of the plan, or ``None`` when the plan is too broken to tell."""
    codes: set[str] = set()
    plan = body.get("plan")
    goals = plan.get("goals", []) if isinstance(plan, Mapping) else None
    if not isinstance(goals, list):
        return None
    tables = []
    for goal in goals:
        if not isinstance(goal, Mapping):
            return None
        tables.append(goal.get("indicators", []))
        objectives = goal.get("objectives", [])
        if not isinstance(objectives, list) or not all(
            isinstance(objective, Mapping) for objective in objectives
        ):
            return None
        tables.extend(objective.get("indicators", []) for objective in objectives)
    for table in tables:
        if not isinstance(table, list):
            return None
        for indicator in table:
            code = indicator.get("code") if isinstance(indicator, Mapping) else None
            if not isinstance(code, str):
                return None
            codes.add(code)
    return codes


def _entries(value: object) -> list[tuple[int, Mapping[str, Any]]]:
    """The tables of a list, with their index (what is not a table is left to the converter)."""
    items = value if isinstance(value, list) else []
    return [(index, entry) for index, entry in enumerate(items) if isinstance(entry, Mapping)]


def _cascade_indicator_codes(body: Mapping[str, Any]) -> set[str]:
    return {
        indicator["code"]
        for _, item in _entries(body.get("cascade"))
        for _, indicator in _entries(item.get("indicators"))
        if isinstance(indicator.get("code"), str)
    }


def _references(body: Mapping[str, Any]) -> Iterator[tuple[str, str | None, object]]:
    """Every place that names an indicator of the plan: (table path, field, code).

    Realizations and analyses may also name the cascade's indicators (their codes are added
    to the known ones by :func:`_reference_problems`).
    """
    plan = body.get("plan")
    sections = [
        (
            "plan.indicator_plans",
            plan.get("indicator_plans") if isinstance(plan, Mapping) else None,
        ),
        ("realizations", body.get("realizations")),
        ("period_targets", body.get("period_targets")),
        ("standards", body.get("standards")),
        ("stated", body.get("stated")),
        ("analyses", body.get("analyses")),
    ]
    for name, entries in sections:
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, Mapping) and "indicator" in entry:
                yield f"{name}[{index}]", "indicator", entry["indicator"]
    agreements = body.get("agreements")
    for index, agreement in enumerate(agreements if isinstance(agreements, list) else []):
        for part in ("targets", "revised_targets"):
            targets = agreement.get(part) if isinstance(agreement, Mapping) else None
            for code in targets if isinstance(targets, Mapping) else ():
                yield f"agreements[{index}].{part}", code, code


def _reference_problems(body: Mapping[str, Any], file: str | None) -> list[FieldError]:
    """A problem for every indicator code that names no indicator of the plan."""
    codes = _plan_codes(body)
    if not codes:
        return []
    cascade = _cascade_indicator_codes(body)
    known = ", ".join(repr(code) for code in sorted(codes))
    return [
        detailed(
            FieldError(
                f"unknown indicator {code!r}; the plan's indicators are {known}",
                file=file,
                row=path,
                column=column,
                value=code,
                expected="an indicator code of the plan",
            ),
            problem=Problem.UNKNOWN_INDICATOR,
            item=_item(body, path),
            suggestion=_nearest(code, codes),
        )
        for path, column, code in _references(body)
        if isinstance(code, str)
        and code not in codes
        and not (code in cascade and path.startswith(("realizations", "analyses")))
    ]


def _code_references(
    body: Mapping[str, Any],
) -> Iterator[tuple[str, str, object, str, set[str]]]:
    """Every code the cascade and the analyses name: (path, field, code, kind, known codes)."""
    plan = body.get("plan")
    goals = plan.get("goals") if isinstance(plan, Mapping) else None
    objectives = {
        objective["code"]
        for _, goal in _entries(goals)
        for _, objective in _entries(goal.get("objectives"))
        if isinstance(objective.get("code"), str)
    }
    cascade = _entries(body.get("cascade"))
    items = {item["code"] for _, item in cascade if isinstance(item.get("code"), str)}
    lines: set[str] = set()
    pending = [line for _, line in _entries(body.get("budget"))]
    while pending:  # every line at any depth
        line = pending.pop()
        if isinstance(line.get("code"), str):
            lines.add(line["code"])
        pending += [child for _, child in _entries(line.get("children"))]
    for index, item in cascade:
        path = f"cascade[{index}]"
        named = item.get("objectives")
        for code in named if isinstance(named, list) else []:
            yield path, "objectives", code, "an objective code of the plan", objectives
        yield path, "parent", item.get("parent"), _ITEM_CODE, items
        yield path, "budget", item.get("budget"), "a budget line code of the budget", lines
    for index, analysis in _entries(body.get("analyses")):
        named = analysis.get("programs")
        for code in named if isinstance(named, list) else []:
            yield f"analyses[{index}]", "programs", code, _ITEM_CODE, items


_ITEM_CODE = "a program, activity or sub-activity code of the cascade"


def _code_problems(body: Mapping[str, Any], file: str | None) -> list[FieldError]:
    """A problem for every objective, item or budget line code that names nothing.

    Each carries the nearest known code as its suggestion, when one is near.
    """
    return [
        detailed(
            FieldError(
                f"unknown code {code!r}; expected {kind}",
                file=file,
                row=path,
                column=column,
                value=code,
                expected=kind,
            ),
            problem=Problem.UNKNOWN_CODE,
            item=_item(body, path),
            suggestion=_nearest(code, known),
        )
        for path, column, code, kind, known in _code_references(body)
        if isinstance(code, str) and code not in known
    ]


def unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
    """The plain data of a dataset (tables, lists, ``Decimal`` numbers, dates), with its header."""
    if not isinstance(dataset, Dataset):
        raise InvalidValueError("dataset", dataset, "a sakip.Dataset")
    body = converter.unstructure(dataset)
    assert isinstance(body, dict)
    return {"format": FORMAT, "version": VERSION, **body}


# --- text and bytes -----------------------------------------------------------------------

_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _decode(data: str | bytes, file: str | None) -> str:
    if isinstance(data, str):
        return data
    if not isinstance(data, bytes | bytearray):
        raise single("expected text or bytes", file=file, value=data, expected="str or bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise single(
            "the file is UTF-16 text; save it as UTF-8",
            file=file,
            expected="UTF-8 text",
            problem=Problem.NOT_TEXT,
        )
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise single(
            f"the file is not UTF-8 text (byte {data[error.start]:#04x} at offset "
            f"{error.start}); save it as UTF-8, or it may not be a text file at all",
            file=file,
            expected="UTF-8 text",
            problem=Problem.NOT_TEXT,
        ) from None


def _too_deep(file: str | None) -> DataFileError:
    return single(
        "the data is nested too deeply to read",
        file=file,
        expected="a sakip dataset",
        problem=Problem.TOO_DEEP,
    )


def _number(limits: Limits, file: str | None) -> Callable[[str], Decimal]:
    """A parser of a file's decimal numbers that refuses one with too many digits."""
    maximum = limits.digits_per_number

    def parse(text: str) -> Decimal:
        if len(text) > maximum:  # a shorter text cannot hold too many digits: no count
            digits = sum(char.isdigit() for char in text)
            check(limits, "digits_per_number", digits, "a number's digits", file)
        return Decimal(text)

    return parse


def _check_depth(data: object, limits: Limits, file: str | None) -> None:
    check(limits, "nesting_depth", depth(data), "the data's nesting depth", file)


def _deep(limits: Limits, file: str | None) -> LimitError:
    """The error for data nested past what the parser itself can follow."""
    return LimitError(
        "nesting_depth",
        limits.nesting_depth + 1,
        limits.nesting_depth,
        what="the data's nesting depth (at least)",
        file=file,
    )


def _check_text(text: str, file: str | None) -> None:
    if not text.strip():
        raise single(
            "the file is empty",
            file=file,
            expected=f"format = {FORMAT!r}",
            problem=Problem.EMPTY_FILE,
        )
    if "\x00" in text:
        raise single(
            "the file holds NUL characters: it is not a text file (or not UTF-8)",
            file=file,
            expected="UTF-8 text",
            problem=Problem.NOT_TEXT,
        )


def loads_toml(
    text: str | bytes, *, file: str | None = None, limits: Limits | None = None
) -> Dataset:
    """A dataset from TOML text, numbers read as exact decimals.

    ``limits`` (:class:`~sakip.io.Limits`) bounds the text's size, its numbers' digits and
    how deeply it nests; the defaults when ``None``.

    >>> import sakip.io
    >>> dataset = sakip.io.loads_toml('''
    ... format = "sakip-dataset"
    ... version = 1
    ... [agency]
    ... name = "Dinas Sosial Kota Metro"
    ... [plan]
    ... name = "Renstra 2021-2026"
    ... start_year = 2021
    ... end_year = 2026
    ... [[plan.goals]]
    ... code = "T1"
    ... name = "Kesejahteraan sosial"
    ... [[plan.goals.indicators]]
    ... code = "IKU-1"
    ... name = "Persentase PPKS yang tertangani"
    ... unit = "%"
    ... [[plan.indicator_plans]]
    ... indicator = "IKU-1"
    ... targets = {2024 = 94.6, 2025 = "97,7"}
    ... ''')
    >>> dataset.plan.target("IKU-1", 2025)
    Target(value=Decimal('97.7'))
    """
    limits = limits_or_default(limits)
    _check_size(text, limits, file)
    source = _decode(text, file)
    _check_text(source, file)
    try:
        data = tomllib.loads(source, parse_float=_number(limits, file))
    except RecursionError:
        raise _deep(limits, file) from None
    except tomllib.TOMLDecodeError as error:
        place = _TOML_PLACE.search(str(error))
        message = _TOML_PLACE.sub("", str(error)).strip()
        row: int | str = "end of file"  # tomllib gives a line, or says "at end of document"
        column = None
        if place is not None and place[1]:
            row, column = int(place[1]), place[2]
        raise single(
            f"not valid TOML: {message}",
            file=file,
            row=row,
            column=column,
            expected="TOML",
            problem=Problem.SYNTAX,
        ) from None
    except LimitError:
        raise
    except ValueError as error:  # an integer too long for Python to convert
        raise single(f"not a readable number: {error}", file=file, expected="a number") from None
    _check_depth(data, limits, file)
    return structure_dataset(data, file=file)


def loads_json(
    text: str | bytes, *, file: str | None = None, limits: Limits | None = None
) -> Dataset:
    """A dataset from JSON text, numbers read as exact decimals.

    An object that names a key twice is refused, as TOML refuses it (JSON readers differ
    on which of the two they keep). ``limits`` is as for :func:`loads_toml`.

    >>> from pathlib import Path
    >>> import sakip.io
    >>> toml_text = Path("examples/dinsos-kota-metro-2024.toml").read_bytes()
    >>> text = sakip.io.dumps_json(sakip.io.loads_toml(toml_text))
    >>> sakip.io.loads_json(text).plan.target("IKU-1", 2024)
    Target(value=Decimal('94.6'))
    """
    limits = limits_or_default(limits)
    _check_size(text, limits, file)
    source = _decode(text, file)
    _check_text(source, file)

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not a finite number")

    try:
        data = json.loads(
            source,
            parse_float=_number(limits, file),
            parse_int=_integer_text(limits, file),
            parse_constant=refuse,
            object_pairs_hook=_unique_keys,
        )
    except RecursionError:
        raise _deep(limits, file) from None
    except json.JSONDecodeError as error:
        raise single(
            f"not valid JSON: {error.msg}",
            file=file,
            row=error.lineno,
            column=str(error.colno),
            expected="JSON",
            problem=Problem.SYNTAX,
        ) from None
    except LimitError:
        raise
    except _DuplicateKeyError as error:
        raise single(
            f"the key {error.key!r} appears twice in one object",
            file=file,
            column=error.key,
            expected="each key once in an object",
        ) from None
    except ValueError as error:
        raise single(str(error), file=file, expected="a finite number") from None
    _check_depth(data, limits, file)
    return structure_dataset(data, file=file)


class _DuplicateKeyError(ValueError):
    """A JSON object names one key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) < len(pairs):  # a key came twice: name the first that did
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - some key is seen twice
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return data


def _integer_text(limits: Limits, file: str | None) -> Callable[[str], int]:
    """A parser of a JSON file's integers that refuses one with too many digits."""
    maximum = limits.digits_per_number

    def parse(text: str) -> int:
        if len(text) > maximum:  # a shorter text cannot hold too many digits: no count
            check(limits, "digits_per_number", len(text.lstrip("-")), "a number's digits", file)
        return int(text)

    return parse


def _check_size(text: str | bytes, limits: Limits, file: str | None) -> None:
    if isinstance(text, str | bytes | bytearray):
        check(limits, "file_bytes", len(text), "the file's size in bytes", file)


def _toml_numbers(value: object) -> object:
    """Whole decimals written as TOML integers (``93``, not ``93.0``); others as they read."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent == 0 else value
    if isinstance(value, dict):
        return {key: _toml_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_toml_numbers(item) for item in value]
    return value


def dumps_toml(dataset: Dataset) -> str:
    """The dataset as TOML text; every number is written exactly as its decimal reads."""
    data = _toml_numbers(unstructure_dataset(dataset))
    assert isinstance(data, dict)
    return tomli_w.dumps(data)


def _json_value(value: object, indent: str, step: str) -> str:
    if isinstance(value, Decimal):
        return str(value)  # an exact JSON number: Decimal's own text is valid JSON grammar
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    if isinstance(value, dict | list):
        inner = indent + step
        if isinstance(value, dict):
            brackets = "{}"
            items = [
                f"{inner}{json.dumps(str(key), ensure_ascii=False)}: "
                f"{_json_value(item, inner, step)}"
                for key, item in value.items()
            ]
        else:
            brackets = "[]"
            items = [f"{inner}{_json_value(item, inner, step)}" for item in value]
        if not items:
            return brackets
        return f"{brackets[0]}\n" + ",\n".join(items) + f"\n{indent}{brackets[1]}"
    return json.dumps(value, ensure_ascii=False)


def dumps_json(dataset: Dataset, *, indent: int = 2) -> str:
    """The dataset as JSON text; every number is an exact JSON number (``94.6``, ``13773``).

    Read it back with :func:`loads_json` (or any JSON reader that keeps decimals, such as
    ``json.loads(text, parse_float=Decimal)``) to keep the numbers exact.
    """
    return _json_value(unstructure_dataset(dataset), "", " " * indent) + "\n"


# --- files --------------------------------------------------------------------------------


def _kind(path: Path) -> str:
    try:
        return _SUFFIXES[path.suffix.casefold()]
    except KeyError:
        raise single(
            f"unknown data file type {path.suffix or '(no suffix)'!r}",
            file=str(path),
            value=path.suffix or "(no suffix)",
            expected="a .toml, .json or .xlsx file",
            problem=Problem.UNKNOWN_FILE_TYPE,
        ) from None


def load(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Dataset:
    """Read a data file; ``.toml``, ``.json`` and ``.xlsx`` are told apart by the suffix.

    ``limits`` (:class:`~sakip.io.Limits`) bounds the file's size, its numbers' digits and
    how deeply it nests (for a workbook: its unzipped size and its sheets' cells); the
    defaults when ``None``. A workbook (the layout of ``sakip template --format xlsx``, see
    :mod:`sakip.io.workbook`) needs the ``sakip[excel]`` extra; its problems are placed by
    sheet, row and column.

    Raises:
        DataFileError: The file cannot be read, is not TOML/JSON/XLSX, or is not a valid
            dataset (every problem is listed).

    >>> import sakip.io
    >>> dataset = sakip.io.load("examples/dinsos-kota-metro-2024.toml")
    >>> dataset.agency.name
    'Dinas Sosial Kota Metro'
    """
    file = Path(path)
    kind = _kind(file)
    if kind == "xlsx":
        from sakip.extra.workbook import read_workbook  # noqa: PLC0415 - needs openpyxl

        return read_workbook(file, limits=limits)
    limits = limits_or_default(limits)
    try:
        if file.is_file():  # a FIFO's size is known only once it is read
            size = file.stat().st_size
            check(limits, "file_bytes", size, "the file's size in bytes", str(file))
        with file.open("rb") as stream:
            data = stream.read(limits.file_bytes + 1)
    except OSError as error:
        raise single(
            f"cannot read the file: {error.strerror or error}",
            file=str(file),
            expected="a readable file",
        ) from error
    reader = loads_toml if kind == "toml" else loads_json
    return reader(data, file=str(file), limits=limits)


def save(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a data file, TOML, JSON or XLSX by the suffix, replacing the old one only when done.

    A workbook (``.xlsx``, the ``sakip[excel]`` extra) has the help text and drop-downs of
    ``sakip template --format xlsx``; the same dataset always gives the same bytes.
    """
    file = Path(path)
    kind = _kind(file)
    if kind == "xlsx":
        if not isinstance(dataset, Dataset):
            raise InvalidValueError("dataset", dataset, "a sakip.Dataset")
        from sakip.extra.workbook import write_workbook  # noqa: PLC0415 - needs openpyxl

        atomic_write(file, write_workbook(dataset))
        return
    text = dumps_toml(dataset) if kind == "toml" else dumps_json(dataset)
    atomic_write(file, text.encode("utf-8"))
