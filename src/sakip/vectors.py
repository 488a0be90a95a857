"""Conformance vectors (vektor uji): what sakip computes, as data other implementations check.

An e-SAKIP application written in PHP, Java or JavaScript cannot import sakip, but it can
read :func:`generate`'s cases and compare its own figures with them. Each case names its
kind, the rule and the rule's source, the inputs (numbers as exact decimal strings), and the
expected result: the exact value and the printed figure, or why the figure is not computable.

The cases come from the registries, so a rule registered in sakip (a formula, a rating
scale, an aggregation, a roll-up or efficiency method) gets its cases without a change here,
and from the edge cases the documentation names: ranges on both sides, zero targets, caps and
floors, every band edge, missing quarters, a zero ceiling, Indonesian number notation.
:func:`json_schema` describes the file; ``sakip vectors --output vectors.json`` writes it.

>>> from sakip import vectors
>>> data = vectors.generate()
>>> case = next(c for c in data["cases"] if c["id"] == "achievement/mirror/typical")
>>> case["inputs"], case["expected"]["printed"]
({'realization': '8', 'target': '10', 'polarity': 'negative', 'formula': 'mirror'}, '120,00')
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip._decimal import exact, round_half_up
from sakip.achievement import (
    COMPARATOR_TARGET_RULE,
    FORMULAS,
    LEVEL_FORMULAS,
    TARGET_RANGE_RULE,
    ZERO_TARGET_RULE,
    achievement,
)
from sakip.budget import EFFICIENCY_CONVENTIONS, absorption, efficiency
from sakip.compare import change
from sakip.exceptions import SakipError
from sakip.io._safe import atomic_write
from sakip.levels import LEVEL_SCALES
from sakip.locale import format_number, parse_number
from sakip.model import Aggregation, Indicator, Polarity, Realization, TargetRange
from sakip.periods import AGGREGATIONS, Quarter, aggregate
from sakip.ratios import percentage
from sakip.rollup import ROLLUP_METHODS, rollup
from sakip.rules import EvidenceGrade, Source
from sakip.scales import SCALES
from sakip.targets import Comparator, ComparatorTarget, LevelTarget

__all__ = ["FORMAT", "SCHEMA_ID", "VERSION", "generate", "json_schema", "write"]

FORMAT = "sakip-vectors"
"""The ``format`` field of a vectors file."""
VERSION = 1
"""The version of the vectors file format; it changes only when a reader must change."""
SCHEMA_ID = "https://sakip.readthedocs.io/en/latest/vectors.schema.json"
"""Where the schema is published, next to the vectors file itself."""

Case = dict[str, Any]

_POLICY = Source(reference="sakip policy", grade=EvidenceGrade.POLICY)
_LOCALE = Source(
    reference="Indonesian number notation (PUEBI): '.' groups thousands, ',' marks decimals",
    grade=EvidenceGrade.PRACTICE,
)


def _text(value: Decimal | int | str) -> str:
    return str(value)


def _result(
    rule: str, source: Source, compute: Callable[[], tuple[Decimal, str, dict[str, Any]]]
) -> dict[str, Any]:
    """The expected part of a case: value and printed figure, or why it is not computable."""
    try:
        value, printed, extra = compute()
    except SakipError as error:
        return {"rule": rule, "source": str(source), "expected": {"not_computable": str(error)}}
    expected = {"value": _text(value), "printed": printed, **extra}
    return {"rule": rule, "source": str(source), "expected": expected}


def _case(kind: str, name: str, inputs: dict[str, Any], result: dict[str, Any]) -> Case:
    return {"id": f"{kind}/{name}", "kind": kind, "inputs": inputs, **result}


def _percent(value: Decimal) -> str:
    return format_number(round_half_up(value), 2)


# --- achievement ----------------------------------------------------------------------------

# (name, realization, target, cap, floor): the same points for every formula; targets are
# numbers or (low, high) ranges, so each formula meets both sides of a range.
_POINTS: tuple[tuple[str, str, str | tuple[str, str], str | None, str | None], ...] = (
    ("typical", "8", "10", None, None),
    ("seed-report", "95", "94.6", None, None),
    ("on-target", "94.6", "94.6", None, None),
    ("zero-realization", "0", "10", None, None),
    ("beyond-twice-the-target", "25", "10", None, None),
    ("zero-target-met", "0", "0", None, None),
    ("zero-target-missed", "5", "0", None, None),
    ("negative-target", "5", "-10", None, None),
    ("capped", "130", "100", "100", None),
    ("capped-at-120", "130", "100", "120", None),
    ("floored", "250", "100", None, "0"),
    ("range-inside", "85", ("80", "90"), None, None),
    ("range-low-bound", "80", ("80", "90"), None, None),
    ("range-high-bound", "90", ("80", "90"), None, None),
    ("range-below", "70", ("80", "90"), None, None),
    ("range-above", "92", ("80", "90"), None, None),
)


def _achievement_cases() -> Iterator[Case]:
    for formula in FORMULAS:
        for name, realization, target, cap, floor in _POINTS:
            inputs: dict[str, Any] = {
                "realization": realization,
                "target": target
                if isinstance(target, str)
                else dict(zip(("low", "high"), target, strict=True)),
                "polarity": formula.polarity.value,
                "formula": formula.name,
            }
            if cap is not None:
                inputs["cap"] = cap
            if floor is not None:
                inputs["floor"] = floor
            goal = TargetRange(*target) if isinstance(target, tuple) else target
            rule = formula.name if isinstance(target, str) else TARGET_RANGE_RULE.name
            source = formula.source if isinstance(target, str) else TARGET_RANGE_RULE.source
            if target == "0":
                rule, source = ZERO_TARGET_RULE.name, ZERO_TARGET_RULE.source

            def compute(
                r: str = realization,
                t: object = goal,
                c: str | None = cap,
                f: str | None = floor,
                chosen: Any = formula,
            ) -> tuple[Decimal, str, dict[str, Any]]:
                found = achievement(
                    realization=r,
                    target=t,  # type: ignore[call-overload]  # a number text or a range
                    polarity=chosen.polarity,
                    formula=chosen,
                    cap=c,
                    floor=f,
                )
                extra = {
                    "percent": _text(found.percent),
                    "uncapped": _text(found.uncapped),
                    "met": found.met,
                    "rules": [applied.name for applied in found.rules],
                }
                return found.value, _percent(found.value), extra

            yield _case(
                "achievement", f"{formula.name}/{name}", inputs, _result(rule, source, compute)
            )


# --- targets that are not one number --------------------------------------------------------

# Realizations below, at and above a bound of 80: each comparator meets all three.
_COMPARATOR_POINTS = (("below", "72"), ("at-the-bound", "80"), ("above", "88"))


def _comparator_cases() -> Iterator[Case]:
    for comparator in Comparator:
        text = f"{comparator.value} 80"
        for name, realization in _COMPARATOR_POINTS:

            def compute(
                r: str = realization, c: Comparator = comparator
            ) -> tuple[Decimal, str, dict[str, Any]]:
                found = achievement(realization=r, target=ComparatorTarget(c, 80))
                extra = {
                    "percent": _text(found.percent),
                    "met": found.met,
                    "polarity": found.formula.polarity.value,
                    "formula": found.formula.name,
                }
                return found.value, _percent(found.value), extra

            case_name = f"{comparator.name.lower().replace('_', '-')}/{name}"
            inputs = {"realization": realization, "target": text}
            result = _result(COMPARATOR_TARGET_RULE.name, COMPARATOR_TARGET_RULE.source, compute)
            yield _case("comparator-target", case_name, inputs, result)


def _level_cases() -> Iterator[Case]:
    for scale in LEVEL_SCALES:
        for formula in LEVEL_FORMULAS:
            for wanted in scale.levels:
                for realized in scale.levels:

                    def compute(
                        r: str = realized,
                        t: str = wanted,
                        s: str = scale.name,
                        f: str = formula.name,
                    ) -> tuple[Decimal, str, dict[str, Any]]:
                        found = achievement(realization=r, target=LevelTarget(t, s), formula=f)
                        extra = {"percent": _text(found.percent), "met": found.met}
                        return found.value, _percent(found.value), extra

                    inputs = {
                        "realization": realized,
                        "target": wanted,
                        "scale": scale.name,
                        "formula": formula.name,
                    }
                    case_name = f"{scale.name}/{formula.name}/{realized}-against-{wanted}"
                    result = _result(formula.name, formula.source, compute)
                    yield _case("level-target", case_name, inputs, result)


# --- rating scales --------------------------------------------------------------------------

_STEP = Decimal("0.01")  # the printed precision of an achievement: the edges that matter


def _scale_points(scale_bands: Any) -> list[Decimal]:
    points: set[Decimal] = set()
    for band in scale_bands:
        for bound in (band.lower, band.upper):
            if bound is not None:
                points.update((bound - _STEP, bound, bound + _STEP))
    return sorted(points)


def _scale_cases() -> Iterator[Case]:
    for scale in SCALES:
        for point in _scale_points(scale.bands):

            def compute(v: Decimal = point, s: Any = scale) -> tuple[Decimal, str, dict[str, Any]]:
                rating = s.classify(v)
                return v, rating.label, {"label": rating.label, "code": rating.code}

            inputs = {"value": _text(point), "scale": scale.name}
            result = _result(scale.name, scale.source, compute)
            yield _case("classify", f"{scale.name}/{point}", inputs, result)


# --- aggregation ----------------------------------------------------------------------------

_QUARTERS = {1: ("90", "900", "1000"), 2: ("100", "3000", "3000"), 4: ("95", "1900", "2000")}


def _aggregation_cases() -> Iterator[Case]:
    for method in AGGREGATIONS:
        for name, as_of in (("whole-year", 4), ("as-of-tw-ii", 2)):
            quarters = [
                {"quarter": q, "value": v}
                | (
                    {"numerator": n, "denominator": d}
                    if method.aggregation is Aggregation.RATIO
                    else {}
                )
                for q, (v, n, d) in _QUARTERS.items()
            ]

            def compute(
                m: Any = method, rows: list[dict[str, Any]] = quarters, until: int = as_of
            ) -> tuple[Decimal, str, dict[str, Any]]:
                indicator = Indicator(code="X", name="X", unit="%", aggregation=m.aggregation)
                realizations = [Realization(indicator="X", year=2024, **row) for row in rows]
                found = aggregate(indicator, realizations, 2024, as_of=Quarter(2024, until))
                extra = {
                    "missing": list(found.missing),
                    "quarters_used": list(found.quarters_used),
                }
                return found.value, _percent(found.value), extra

            inputs = {
                "aggregation": method.name,
                "year": 2024,
                "as_of": as_of,
                "quarters": quarters,
            }
            result = _result(method.name, method.source, compute)
            yield _case("aggregate", f"{method.name}/{name}", inputs, result)


# --- roll-up, budget, efficiency, plain percentages -----------------------------------------

_CHILDREN = {
    "IKU-1": {"realization": "95", "target": "94.6", "polarity": "positive"},
    "IKU-2": {"realization": "8", "target": "10", "polarity": "negative"},
    "IKU-3": {"realization": "5", "target": "0", "polarity": "positive"},
}
_WEIGHTS = {"IKU-1": "2", "IKU-2": "1", "IKU-3": "1"}


def _child(inputs: Mapping[str, str]) -> Any:
    try:
        return achievement(**inputs)
    except SakipError as error:
        return error


def _rollup_cases() -> Iterator[Case]:
    for method in ROLLUP_METHODS:
        for cap in (None, "100"):
            weights = _WEIGHTS if method.weighted else None

            def compute(
                m: Any = method, w: Any = weights, c: str | None = cap
            ) -> tuple[Decimal, str, dict[str, Any]]:
                children = {code: _child(inputs) for code, inputs in _CHILDREN.items()}
                found = rollup(children, method=m, weights=w, cap=c)
                extra = {"included": [child.code for child in found.included]}
                return found.value, _percent(found.value), extra

            inputs: dict[str, Any] = {"method": method.name, "children": _CHILDREN}
            if weights is not None:
                inputs["weights"] = weights
            if cap is not None:
                inputs["cap"] = cap
            name = "capped" if cap else "plain"
            yield _case(
                "rollup",
                f"{method.name}/{name}",
                inputs,
                _result(method.name, method.source, compute),
            )


def _absorption_cases() -> Iterator[Case]:
    for name, spent, ceiling in (
        ("seed-report", "149338671", "174970600"),
        ("overspent", "110", "100"),
        ("zero-ceiling", "10", "0"),
    ):

        def compute(s: str = spent, c: str = ceiling) -> tuple[Decimal, str, dict[str, Any]]:
            found = absorption(spent=s, ceiling=c)
            return found.value, _percent(found.value), {"percent": _text(found.percent)}

        inputs = {"spent": spent, "ceiling": ceiling}
        yield _case("absorption", name, inputs, _result("absorption", _POLICY, compute))


def _percentage_cases() -> Iterator[Case]:
    for name, part, whole in (("seed-report", "13773", "14460"), ("zero-whole", "5", "0")):

        def compute(p: str = part, w: str = whole) -> tuple[Decimal, str, dict[str, Any]]:
            found = percentage(part=p, whole=w)
            return found.value, _percent(found.value), {"percent": _text(found.percent)}

        inputs = {"part": part, "whole": whole}
        yield _case("percentage", name, inputs, _result("percentage", _POLICY, compute))


def _change_cases() -> Iterator[Case]:
    for name, current, previous in (("rise", "95", "93"), ("from-zero", "5", "0")):

        def compute(c: str = current, p: str = previous) -> tuple[Decimal, str, dict[str, Any]]:
            found = change(current=c, previous=p)
            try:
                extra = {"percent": _text(found.percent)}
            except SakipError as error:  # growth from 0 has a difference but no percentage
                extra = {"percent_not_computable": str(error)}
            return found.value, format_number(found.value), extra

        inputs = {"current": current, "previous": previous}
        yield _case("change", name, inputs, _result("change", _POLICY, compute))


_OUTPUT = {"spent": "90000000", "volume": "95", "ceiling": "100000000", "target_volume": "100"}


def _efficiency_cases() -> Iterator[Case]:
    for convention in EFFICIENCY_CONVENTIONS:
        available: dict[str, Any] = {
            "achievement": "100.42",
            "absorption": "85.35",
            "outputs": [_OUTPUT],
        }
        inputs = {"convention": convention.name} | {
            name: available[name] for name in convention.inputs
        }

        def compute(
            c: Any = convention, given: dict[str, Any] = inputs
        ) -> tuple[Decimal, str, dict[str, Any]]:
            from sakip.budget import OutputFigures  # noqa: PLC0415 - only this kind needs it

            arguments = {k: v for k, v in given.items() if k != "convention"}
            if "outputs" in arguments:
                arguments["outputs"] = [OutputFigures(**o) for o in arguments["outputs"]]
            found = efficiency(c, **arguments)
            return found.value, _percent(found.value), {}

        yield _case(
            "efficiency",
            convention.name,
            inputs,
            _result(convention.name, convention.source, compute),
        )


_NUMBER_TEXTS = (
    "13.773",
    "94,6",
    "1.234.567,89",
    "Rp. 174.970.600,-",
    "98,80%",
    "-5,5",
    "0,49",
    "12,5 %",
    "1.000",
    "5.093.068.611",
    "tiga",
    "1,2,3",
    "",
)


def _parse_cases() -> Iterator[Case]:
    for text in _NUMBER_TEXTS:

        def compute(t: str = text) -> tuple[Decimal, str, dict[str, Any]]:
            value = parse_number(t)
            return value, format_number(value), {}

        yield _case(
            "parse_number", repr(text), {"text": text}, _result("parse-number", _LOCALE, compute)
        )


# One generator per kind of case, by the kind it writes; a new kind joins with one entry.
_KINDS: dict[str, Callable[[], Iterator[Case]]] = {
    "achievement": _achievement_cases,
    "comparator-target": _comparator_cases,
    "level-target": _level_cases,
    "classify": _scale_cases,
    "aggregate": _aggregation_cases,
    "rollup": _rollup_cases,
    "absorption": _absorption_cases,
    "percentage": _percentage_cases,
    "change": _change_cases,
    "efficiency": _efficiency_cases,
    "parse_number": _parse_cases,
}


def generate() -> dict[str, Any]:
    """Every conformance case, as JSON-ready data (see the module's description)."""
    from importlib.metadata import version  # noqa: PLC0415 - only the file records it

    with exact():  # the edge points are computed: sakip's context, never the caller's
        cases = [case for kind in _KINDS.values() for case in kind()]
    return {
        "$schema": SCHEMA_ID,
        "format": FORMAT,
        "version": VERSION,
        "sakip": version("sakip"),
        "polarities": [polarity.value for polarity in Polarity],
        "cases": cases,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a vectors file."""
    number = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?(E[+-]?[0-9]+)?$"}
    expected = {
        "oneOf": [
            {
                "type": "object",
                "required": ["value", "printed"],
                "properties": {"value": number, "printed": {"type": "string"}},
            },
            {
                "type": "object",
                "required": ["not_computable"],
                "properties": {"not_computable": {"type": "string", "minLength": 1}},
                "additionalProperties": False,
            },
        ]
    }
    case = {
        "type": "object",
        "required": ["id", "kind", "inputs", "rule", "source", "expected"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "kind": {"enum": sorted(_KINDS)},
            "inputs": {"type": "object"},
            "rule": {"type": "string", "minLength": 1},
            "source": {"type": "string", "minLength": 1},
            "expected": expected,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "sakip conformance vectors",
        "type": "object",
        "required": ["format", "version", "sakip", "cases"],
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "sakip": {"type": "string"},
            "polarities": {"type": "array", "items": {"type": "string"}},
            "cases": {"type": "array", "items": case, "minItems": 1},
        },
    }


def write(path: str | os.PathLike[str], data: Mapping[str, Any] | None = None) -> None:
    """Write the vectors (or ``data``, such as the schema) as JSON, replacing the file whole."""
    text = json.dumps(generate() if data is None else data, ensure_ascii=False, indent=1) + "\n"
    atomic_write(Path(path), text.encode("utf-8"))
