"""Conformance vectors: valid against their schema, every case recomputed by the public API."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import sakip
from sakip import vectors
from sakip.achievement import FORMULAS, LEVEL_FORMULAS
from sakip.budget import EFFICIENCY_CONVENTIONS
from sakip.cli import main
from sakip.levels import LEVEL_SCALES
from sakip.periods import AGGREGATIONS
from sakip.rollup import ROLLUP_METHODS
from sakip.scales import SCALES

DATA = vectors.generate()
CASES = DATA["cases"]


def _target(value: str | dict[str, str]) -> Any:
    return sakip.TargetRange(value["low"], value["high"]) if isinstance(value, dict) else value


def _achievement(i: dict[str, Any]) -> tuple[D, str]:
    found = sakip.achievement(
        realization=i["realization"],
        target=_target(i["target"]),
        polarity=i["polarity"],
        formula=i["formula"],
        cap=i.get("cap"),
        floor=i.get("floor"),
    )
    return found.value, sakip.format_number(found.percent, 2)


def _classify(i: dict[str, Any]) -> tuple[D, str]:
    return D(i["value"]), sakip.classify(D(i["value"]), scale=i["scale"]).label


def _aggregate(i: dict[str, Any]) -> tuple[D, str]:
    method = AGGREGATIONS.get(i["aggregation"])
    indicator = sakip.Indicator(code="X", name="X", unit="%", aggregation=method.aggregation)
    rows = [sakip.Realization(indicator="X", year=i["year"], **q) for q in i["quarters"]]
    found = sakip.aggregate(indicator, rows, i["year"], as_of=sakip.Quarter(i["year"], i["as_of"]))
    return found.value, sakip.format_percent(found.value).removesuffix(" %")


def _rollup(i: dict[str, Any]) -> tuple[D, str]:
    children: dict[str, Any] = {}
    for code, child in i["children"].items():
        try:
            children[code] = sakip.achievement(**child)
        except sakip.SakipError as error:
            children[code] = error
    found = sakip.rollup(children, method=i["method"], weights=i.get("weights"), cap=i.get("cap"))
    return found.value, sakip.format_number(found.percent, 2)


def _efficiency(i: dict[str, Any]) -> tuple[D, str]:
    arguments = {k: v for k, v in i.items() if k != "convention"}
    if "outputs" in arguments:
        arguments["outputs"] = [sakip.OutputFigures(**o) for o in arguments["outputs"]]
    found = sakip.efficiency(i["convention"], **arguments)
    return found.value, sakip.format_number(found.percent, 2)


def _parse(i: dict[str, Any]) -> tuple[D, str]:
    value = sakip.parse_number(i["text"])
    return value, sakip.format_number(value)


def _comparator(i: dict[str, Any]) -> tuple[D, str]:
    found = sakip.achievement(realization=i["realization"], target=sakip.parse_target(i["target"]))
    return found.value, sakip.format_number(found.percent, 2)


def _level(i: dict[str, Any]) -> tuple[D, str]:
    target = sakip.parse_target(i["target"], scale=i["scale"])
    found = sakip.achievement(realization=i["realization"], target=target, formula=i["formula"])
    return found.value, sakip.format_number(found.percent, 2)


RUNNERS = {
    "achievement": _achievement,
    "comparator-target": _comparator,
    "level-target": _level,
    "classify": _classify,
    "aggregate": _aggregate,
    "rollup": _rollup,
    "absorption": lambda i: _percent(sakip.absorption(spent=i["spent"], ceiling=i["ceiling"])),
    "percentage": lambda i: _percent(sakip.percentage(part=i["part"], whole=i["whole"])),
    "change": lambda i: (
        (c := sakip.change(current=i["current"], previous=i["previous"])).value,
        sakip.format_number(c.value),
    ),
    "efficiency": _efficiency,
    "parse_number": _parse,
}


def _percent(result: Any) -> tuple[D, str]:
    return result.value, sakip.format_number(result.percent, 2)


def test_the_file_validates_against_its_schema() -> None:
    """The schema is a valid draft 2020-12 schema and the vectors satisfy it."""
    schema = vectors.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(DATA)


def test_a_case_without_its_expectation_is_refused_by_the_schema() -> None:
    """The schema says what a case needs: an expected value or a reason."""
    broken = json.loads(json.dumps(DATA))
    del broken["cases"][0]["expected"]["printed"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, vectors.json_schema())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_case_is_what_the_public_api_computes(case: dict[str, Any]) -> None:
    """Recomputed from its JSON inputs, each case gives its value and printed figure."""
    expected = case["expected"]
    if "not_computable" in expected:
        with pytest.raises(sakip.SakipError) as raised:
            RUNNERS[case["kind"]](case["inputs"])
        assert expected["not_computable"] == str(raised.value)
        return
    value, printed = RUNNERS[case["kind"]](case["inputs"])
    assert D(expected["value"]) == value
    assert expected["printed"] == printed


def test_every_registered_rule_has_cases() -> None:
    """Every formula, scale, aggregation, roll-up and efficiency method is in the file."""
    named = {
        str(value)
        for case in CASES
        for value in (case["rule"], *case["inputs"].values())
        if isinstance(value, str)
    }
    registries = (FORMULAS, SCALES, AGGREGATIONS, ROLLUP_METHODS, EFFICIENCY_CONVENTIONS)
    for registry in (*registries, LEVEL_SCALES, LEVEL_FORMULAS):
        assert set() == set(registry.names()) - named


def test_the_documented_edge_cases_are_covered() -> None:
    """Ranges on both sides, zero targets, caps, floors, band edges: with known results."""
    by_id = {case["id"]: case["expected"] for case in CASES}
    assert "120,00" == by_id["achievement/mirror/typical"]["printed"]
    assert "100,42" == by_id["achievement/direct/seed-report"]["printed"]
    assert "102,22" == by_id["achievement/direct/range-above"]["printed"]
    assert "87,50" == by_id["achievement/direct/range-below"]["printed"]
    assert "100,00" == by_id["achievement/mirror/zero-target-met"]["printed"]
    assert "not_computable" in by_id["achievement/direct/zero-target-missed"]
    assert "100,00" == by_id["achievement/direct/capped"]["printed"]
    assert "130" == by_id["achievement/direct/capped"]["uncapped"]
    assert "percent_not_computable" in by_id["change/from-zero"]
    assert "0,00" == by_id["achievement/mirror/floored"]["printed"]
    assert "Tinggi" == by_id["classify/permendagri-86-2017/90"]["printed"]
    assert "Sangat Tinggi" == by_id["classify/permendagri-86-2017/90.01"]["printed"]
    assert "A" == by_id["classify/sakip-predicate/90"]["printed"]
    assert "13773" == by_id["parse_number/'13.773'"]["value"]
    assert [3] == by_id["aggregate/sum/whole-year"]["missing"]
    assert "not_computable" in by_id["absorption/zero-ceiling"]


def test_the_command_writes_the_vectors_and_their_schema(tmp_path: Path) -> None:
    """Sakip vectors --output FILE writes the file; --schema writes its schema."""
    assert 0 == main(["vectors", "--output", str(tmp_path / "v.json")])
    assert DATA == json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    out = io.StringIO()
    assert 0 == main(["vectors", "--schema"], out=out)
    assert vectors.json_schema() == json.loads(out.getvalue())


def test_the_targets_that_are_not_one_number_are_covered() -> None:
    """Strict comparators miss at the bound; a level reached scores 100 and is met."""
    by_id = {case["id"]: case["expected"] for case in CASES}
    assert by_id["comparator-target/less-than/at-the-bound"]["met"] is False
    assert by_id["comparator-target/at-most/at-the-bound"]["met"] is True
    assert "110,00" == by_id["comparator-target/at-least/above"]["printed"]
    assert "90,00" == by_id["comparator-target/at-most/above"]["printed"]
    assert "75,00" == by_id["level-target/opini-bpk/rank-ratio/WDP-against-WTP"]["printed"]
    assert "0,00" == by_id["level-target/opini-bpk/met-or-not/WDP-against-WTP"]["printed"]
    assert by_id["level-target/sakip-predicate/met-or-not/AA-against-A"]["met"] is True
