"""The data file: TOML and JSON in and out, every problem reported, nothing run."""

from __future__ import annotations

import contextlib
import json
import pickle
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip.io import DataFileError, FieldError, datafile
from sakip.io.schema import json_schema
from sakip.io.versions import schema_of_version
from tests.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
INVENTED = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"
SCHEMA_FILE = ROOT / "docs" / "_static" / "sakip-dataset.schema.json"

HEADER = 'format = "sakip-dataset"\nversion = 1\n'
MINIMAL = (
    HEADER
    + """
[agency]
name = "Dinas"
[plan]
name = "Renstra"
start_year = 2021
end_year = 2026
[[plan.goals]]
code = "T1"
name = "Tujuan"
[[plan.goals.indicators]]
code = "IKU-1"
name = "Persentase"
unit = "%"
"""
)


def problems(error: DataFileError) -> list[str]:
    return [str(sub) for sub in error.exceptions]


# --- the example files ----------------------------------------------------------------------


def test_seed_example_holds_the_seed_figures() -> None:
    """The Kota Metro TOML gives the report's key figures through the scalar API."""
    dataset = sakip.io.load(SEED)
    plan = dataset.plan
    ppks = {r.year: r for r in dataset.realizations_of("IKU-1")}
    assert Decimal("81.79") == plan.plan_for("IKU-1").baseline
    assert [Decimal(v) for v in ("85.3", "88.4", "91.5", "94.6", "97.7", "100")] == [
        t.value for _, t in plan.plan_for("IKU-1").targets
    ]
    assert (
        Decimal("100.42")
        == sakip.achievement(
            realization=ppks[2024].value, target=dataset.agreements[0].target("IKU-1")
        ).percent
    )
    assert (
        Decimal("95.25")
        == sakip.percentage(part=ppks[2024].numerator, whole=ppks[2024].denominator).percent
    )
    sakip_score = {r.year: r.value for r in dataset.realizations_of("SAKIP")}
    assert (
        Decimal("101.50")
        == sakip.achievement(
            realization=sakip_score[2024], target=plan.target("SAKIP", 2024)
        ).percent
    )
    assert "B" == sakip.classify(sakip_score[2024], scale=sakip.scales.SAKIP_PREDICATE).label
    budget = {line.code: line for line in dataset.budget}
    assert (Decimal(149338671), Decimal(174970600)) == (
        budget["B-SAKIP"].spent,
        budget["B-SAKIP"].ceiling,
    )
    assert (Decimal(4825424420), Decimal(5093068611)) == (
        budget["DINSOS-2024"].spent,
        budget["DINSOS-2024"].ceiling,
    )
    apbd = budget["APBD-SOSIAL"]
    assert apbd.ceiling == sum(child.ceiling for child in apbd.children)
    assert Decimal("85.35") == sakip.line_absorption(budget["B-SAKIP"]).percent
    assert Decimal("94.74") == sakip.line_absorption(budget["DINSOS-2024"]).percent
    iku = plan.plan_for("IKU-1")
    assert iku.baseline is not None
    progress = sakip.progress(
        realization=ppks[2024].value, baseline=iku.baseline, end_target=plan.end_target("IKU-1")
    )
    assert Decimal("72.54") == progress.percent
    gap = sakip.gap(realization=ppks[2024].value, end_target=plan.end_target("IKU-1"))
    assert Decimal(5) == gap.value
    change = sakip.change(current=ppks[2024].value, previous=ppks[2023].value)
    assert (Decimal(2), Decimal("2.15")) == (change.value, change.percent)
    assert (
        Decimal("0.84")
        == sakip.gap(realization=sakip_score[2024], end_target=plan.end_target("SAKIP")).value
    )


def test_seed_example_states_the_known_errors() -> None:
    """The seed's four wrong figures, its empty standard claim and its right totals are kept."""
    stated = {(f.kind, f.stated): f for f in sakip.io.load(SEED).stated}
    assert (Decimal(95), Decimal("94.6")) == stated["achievement", "101,1"].operands
    assert (Decimal("69.16"), Decimal("68.14")) == stated["achievement", "101,54"].operands
    assert (Decimal(7711), Decimal(12242)) == stated["percentage", "6,3"].operands
    assert Decimal(13296) == sum(stated["sum", "12.942"].operands)
    assert Decimal(32191063620) == sum(stated["sum", "32.191.063.620"].operands)
    assert Decimal(241) == sum(stated["sum", "241"].operands)
    assert Decimal(607667208) == sum(stated["sum", "607.667.208"].operands)
    claims = [f for f in sakip.io.load(SEED).stated if f.kind == "claim"]
    assert sakip.Claim.BELOW_NATIONAL_STANDARD in {f.claim for f in claims}
    assert () == sakip.io.load(SEED).standards


def test_stated_kinds_are_the_audit_kinds() -> None:
    """Both examples use only the kinds of stated figure the format defines."""
    kinds = {"achievement", "percentage", "sum", "change", "growth", "gap", "progress"}
    kinds |= {"absorption", "claim"}
    claims = set(sakip.Claim)
    for path in (SEED, INVENTED):
        for figure in sakip.io.load(path).stated:
            assert figure.kind in kinds
            assert figure.kind != "claim" or figure.claim in claims


def test_invented_example_shows_what_the_seed_lacks() -> None:
    """The invented example has negative polarity, a range, quarters, a PK and a standard."""
    dataset = sakip.io.load(INVENTED)
    assert sakip.Polarity.NEGATIVE == dataset.plan.indicator("AKI").polarity
    assert sakip.TargetRange(60, 85) == dataset.plan.target("BOR", 2024)
    quarters = [r.quarter for r in dataset.realizations_of("BUMIL") if r.quarter]
    assert [1, 2, 4] == quarters
    assert Decimal(15) == dataset.agreements[0].target("AKB").value
    assert Decimal(16) == dataset.plan.target("AKB", 2024).value
    assert date(2024, 1, 31) == dataset.agreements[0].signed_on
    assert "Permenkes 4/2019" in dataset.standards[0].source
    program = dataset.budget[0]
    assert Decimal(11875000000) == program.effective_ceiling
    assert None is program.children[0].quarterly_spent[2]
    assert INVENTED.read_text(encoding="utf-8").startswith("# INVENTED FOR ILLUSTRATION")


@pytest.mark.parametrize("path", [SEED, INVENTED])
def test_examples_round_trip_through_both_spellings(path: Path, tmp_path: Path) -> None:
    """An example saved as TOML and as JSON reads back equal."""
    dataset = sakip.io.load(path)
    for suffix in (".toml", ".json"):
        target = tmp_path / f"copy{suffix}"
        sakip.io.save(dataset, target)
        assert dataset == sakip.io.load(target)


# --- round trip ---------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_load_of_save_is_the_same_data(dataset: sakip.Dataset) -> None:
    """Any dataset written as TOML or JSON reads back equal, numbers exact."""
    assert dataset == sakip.io.loads_toml(sakip.io.dumps_toml(dataset))
    assert dataset == sakip.io.loads_json(sakip.io.dumps_json(dataset))


def test_numbers_are_written_exactly() -> None:
    """Whole numbers stay whole, trailing zeros and long fractions are kept."""
    dataset = sakip.io.loads_toml(
        MINIMAL
        + '[[realizations]]\nindicator = "IKU-1"\nyear = 2024\nvalue = 70.00\n'
        + "numerator = 1234567890123456789.123456789\ndenominator = 13773\n"
    )
    toml_text = sakip.io.dumps_toml(dataset)
    assert "value = 70.00" in toml_text
    assert "numerator = 1234567890123456789.123456789" in toml_text
    assert "denominator = 13773\n" in toml_text
    json_text = sakip.io.dumps_json(dataset)
    assert '"numerator": 1234567890123456789.123456789' in json_text
    assert (
        Decimal("70.00") == json.loads(json_text, parse_float=Decimal)["realizations"][0]["value"]
    )


def test_texts_in_indonesian_notation_are_numbers() -> None:
    """A number written as a text is read with parse_number: "13.773" is 13773."""
    dataset = sakip.io.loads_toml(
        MINIMAL
        + '[[realizations]]\nindicator = "IKU-1"\nyear = 2024\nvalue = "94,6"\n'
        + 'numerator = "13.773"\ndenominator = "Rp. 14.460,-"\n'
    )
    realization = dataset.realizations[0]
    assert (Decimal("94.6"), Decimal(13773), Decimal(14460)) == (
        realization.value,
        realization.numerator,
        realization.denominator,
    )


@pytest.mark.parametrize(
    "written",
    ["{ low = 80, high = 90 }", "[80, 90]", '["80", "90,0"]'],
)
def test_a_range_is_a_table_or_a_pair(written: str) -> None:
    """A target range may be written {low, high} or [low, high]."""
    dataset = sakip.io.loads_toml(
        MINIMAL + f'[[plan.indicator_plans]]\nindicator = "IKU-1"\nend_target = {written}\n'
    )
    assert sakip.TargetRange(80, 90) == dataset.plan.plan_for("IKU-1").end_target


def test_quarterly_spending_as_a_list_or_a_table() -> None:
    """Quarterly spending is a table by quarter or a list; a gap is not reported, not zero."""
    line = '[[budget]]\ncode = "B"\nname = "Belanja"\nceiling = 100\n'
    as_list = sakip.io.loads_toml(MINIMAL + line + "quarterly_spent = [1, 2]\n")
    as_table = sakip.io.loads_toml(MINIMAL + line + "quarterly_spent = { 1 = 1, 3 = 3 }\n")
    empty = sakip.io.loads_toml(MINIMAL + line + "quarterly_spent = {}\n")
    assert (Decimal(1), Decimal(2)) == as_list.budget[0].quarterly_spent
    assert (Decimal(1), None, Decimal(3)) == as_table.budget[0].quarterly_spent
    assert () == empty.budget[0].quarterly_spent
    assert "[budget.quarterly_spent]\n1 = 1\n3 = 3\n" in sakip.io.dumps_toml(as_table)


def test_json_list_may_hold_null_quarters() -> None:
    """In JSON a quarter not reported may be null in a list."""
    data = json.loads(sakip.io.dumps_json(sakip.io.loads_toml(MINIMAL)))
    data["budget"] = [{"code": "B", "name": "B", "ceiling": 5, "quarterly_spent": [1, None, 2]}]
    data["$schema"] = "https://example.org/schema.json"
    dataset = sakip.io.loads_json(json.dumps(data))
    assert (Decimal(1), None, Decimal(2)) == dataset.budget[0].quarterly_spent


def test_dates_in_json_are_iso_texts() -> None:
    """A PK's signing date is an ISO text in JSON and a date in TOML."""
    dataset = sakip.io.loads_toml(
        MINIMAL + "[[agreements]]\nyear = 2024\nsigned_on = 2024-01-31\ntargets = { IKU-1 = 90 }\n"
    )
    text = sakip.io.dumps_json(dataset)
    assert '"signed_on": "2024-01-31"' in text
    assert date(2024, 1, 31) == sakip.io.loads_json(text).agreements[0].signed_on


def test_an_agreement_without_targets_is_an_empty_table() -> None:
    """An empty table is written as {} in JSON and read back."""
    dataset = sakip.io.loads_toml(MINIMAL + "[[agreements]]\nyear = 2024\ntargets = {}\n")
    text = sakip.io.dumps_json(dataset)
    assert '"targets": {}' in text
    assert dataset == sakip.io.loads_json(text)


def test_a_date_and_time_is_not_a_date() -> None:
    """A TOML date-time or a number where a date belongs is refused."""
    for written in ("2024-01-31T10:00:00", "20240131"):
        text = MINIMAL + f"[[agreements]]\nyear = 2024\nsigned_on = {written}\ntargets = {{}}\n"
        with pytest.raises(DataFileError) as caught:
            sakip.io.loads_toml(text)
        assert 1 == len(caught.value.exceptions)
        assert "agreements[0]" == caught.value.exceptions[0].row


def test_python_floats_are_read_through_their_repr() -> None:
    """Plain data built in Python may hold floats: 94.6 is exact, NaN is refused."""
    data = sakip.io.datafile.unstructure_dataset(sakip.io.loads_toml(MINIMAL))
    data["realizations"] = [
        {"indicator": "IKU-1", "year": 2024, "value": 94.6},
        {"indicator": "IKU-1", "year": 2023, "value": float("nan")},
    ]
    with pytest.raises(DataFileError) as caught:
        datafile.structure_dataset(data)
    assert ["realizations[1]:value: expected a finite number (got nan)"] == problems(caught.value)
    data["realizations"].pop()
    assert Decimal("94.6") == datafile.structure_dataset(data).realizations[0].value


def test_indonesian_enum_names_are_read() -> None:
    """Polarity and the other enumerations accept their Indonesian names."""
    text = MINIMAL.replace(
        'unit = "%"', 'unit = "%"\npolarity = "negatif"\naggregation = "jumlah"'
    )
    indicator = sakip.io.loads_toml(text).plan.indicator("IKU-1")
    assert (sakip.Polarity.NEGATIVE, sakip.Aggregation.SUM) == (
        indicator.polarity,
        indicator.aggregation,
    )


def test_bytes_with_a_bom_are_read() -> None:
    """UTF-8 bytes, with or without a byte order mark, are read."""
    assert sakip.io.loads_toml(b"\xef\xbb\xbf" + MINIMAL.encode()) == sakip.io.loads_toml(MINIMAL)


# --- errors -------------------------------------------------------------------------------

BROKEN = (
    HEADER
    + """
[agency]
name = "Dinas"
levl = "kota"
[plan]
name = "Renstra"
start_year = "dua ribu"
end_year = 2026
[[plan.goals]]
code = "T1"
name = "Tujuan"
[[plan.goals.objectives]]
code = "S1"
name = "Sasaran"
[[plan.goals.objectives.indicators]]
code = "A"
name = "A"
unit = "%"
[[plan.goals.objectives.indicators]]
code = "B"
name = "B"
[[plan.goals.objectives.indicators]]
code = "C"
name = "C"
unit = "%"
polarity = "up"
cumulative = "yes"
[[plan.indicator_plans]]
indicator = "A"
targets = { 2021 = "banyak", tahun = 5 }
[[realizations]]
indicator = "A"
year = 2024
value = [1]
[[budget]]
code = "B"
name = 7
ceiling = 10
quarterly_spent = { 5 = 1 }
[[agreements]]
year = 2024
targets = "semua"
"""
)


def test_every_problem_is_listed_with_its_place() -> None:
    """One error lists every bad value with its table path, field, value and expectation."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(BROKEN, file="renstra.toml")
    listed = problems(caught.value)
    expected = [
        "renstra.toml:agency:levl: unknown field 'levl' (misspelt?)",
        "renstra.toml:plan:start_year: expected a whole number (got 'dua ribu')",
        "renstra.toml:plan.goals[0].objectives[0].indicators[1]:unit: required field is missing",
        (
            "renstra.toml:plan.goals[0].objectives[0].indicators[2]:polarity: expected one of "
            "'positive', 'negative' (got 'up')"
        ),
        (
            "renstra.toml:plan.goals[0].objectives[0].indicators[2]:cumulative: expected true or "
            "false (got 'yes')"
        ),
        (
            "renstra.toml:plan.indicator_plans[0].targets.2021: expected a number, a range (60 "
            "s.d. 85), a comparator target (≥ 80, minimal 80) or, for an indicator with levels, "
            "a level (got 'banyak')"
        ),
        "renstra.toml:plan.indicator_plans[0].targets.tahun: expected a year (got 'tahun')",
        "renstra.toml:realizations[0]:value: expected a number (got [1])",
        "renstra.toml:budget[0]:name: expected a text (got 7)",
        "renstra.toml:budget[0]:quarterly_spent: expected quarters 1, 2, 3 or 4 (got [5])",
        (
            "renstra.toml:agreements[0]:targets: expected a table of targets by indicator code: "
            "{IKU-1 = 94.6} (got 'semua')"
        ),
    ]
    assert sorted(expected) == sorted(listed)
    first = caught.value.exceptions[1]
    assert ("renstra.toml", "plan", "start_year", "dua ribu", "a whole number") == (
        first.file,
        first.row,
        first.column,
        first.value,
        first.expected,
    )
    assert str(caught.value).startswith("renstra.toml is not a valid sakip dataset: 11 problems\n")


def test_model_rules_are_reported_at_their_table() -> None:
    """A rule the model checks (a code used twice) is reported at the table that breaks it."""
    text = MINIMAL + '[[plan.goals.indicators]]\ncode = "IKU-1"\nname = "x"\nunit = "%"\n'
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert [
        "plan.goals[0]: 'indicator code' must be a indicator code used once only (got 'IKU-1')"
    ] == problems(caught.value)


def test_every_unknown_indicator_code_is_reported_where_it_is_used() -> None:
    """Codes the plan lacks are listed at each place that uses them, with the known codes."""
    text = (
        MINIMAL
        + '[[plan.indicator_plans]]\nindicator = "IKU-7"\n'
        + '[[realizations]]\nindicator = "IKU-9"\nyear = 2024\nvalue = "x"\n'
        + '[[realizations]]\nindicator = "IKU-1"\nyear = 2024\nvalue = 1\n'
        + "[[agreements]]\nyear = 2024\ntargets = { IKU-1 = 1, IKU-2 = 3 }\n"
        + '[[standards]]\nindicator = "IKU-4"\nvalue = 1\nsource = "SPM"\n'
        + '[[stated]]\nkind = "sum"\nstated = "1"\nindicator = "IKU-3"\n'
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text, file="a.toml")
    known = "the plan's indicators are 'IKU-1'"
    notation = "expected a number in Indonesian or English notation"
    assert [
        f"a.toml:realizations[0]:value: {notation} (got 'x')",
        f"a.toml:plan.indicator_plans[0]:indicator: unknown indicator 'IKU-7'; {known}",
        f"a.toml:realizations[0]:indicator: unknown indicator 'IKU-9'; {known}",
        f"a.toml:standards[0]:indicator: unknown indicator 'IKU-4'; {known}",
        f"a.toml:stated[0]:indicator: unknown indicator 'IKU-3'; {known}",
        f"a.toml:agreements[0].targets:IKU-2: unknown indicator 'IKU-2'; {known}",
    ] == problems(caught.value)


@pytest.mark.parametrize(
    "plan",
    [
        'plan = "x"',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = "x"',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = ["x"]',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = [{objectives = "x"}]',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = [{indicators = "x"}]',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = [{indicators = [{}]}]',
        '[plan]\nname = "p"\nstart_year = 2021\nend_year = 2026\ngoals = []',
    ],
)
def test_a_broken_plan_is_not_also_blamed_on_its_users(plan: str) -> None:
    """When the plan's codes cannot be told, no code is reported unknown (only the plan)."""
    text = HEADER + '[agency]\nname = "a"\n[[realizations]]\nindicator = "X"\n'
    text += "year = 2024\nvalue = 1\n" + plan + "\n"
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert not any("unknown indicator 'X'; the plan" in p for p in problems(caught.value))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "{ low = 1 }",
            (
                "expected a table with exactly low and high, comparator and bound, or level "
                "and scale (got {'low': 1})"
            ),
        ),
        ("[1, 2, 3]", "expected a range of two numbers [low, high] (got [1, 2, 3])"),
        ("true", "expected a number (got True)"),
        ("[3, 1]", "'high' must be at least the low bound 3 (got Decimal('1'))"),
    ],
)
def test_bad_targets_say_what_a_target_is(target: str, message: str) -> None:
    """A target that is neither a number nor a range is refused with the forms it may take."""
    text = MINIMAL + f'[[plan.indicator_plans]]\nindicator = "IKU-1"\nend_target = {target}\n'
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert [f"plan.indicator_plans[0]:end_target: {message}"] == problems(caught.value)


def test_bad_dates_and_quarters_are_reported() -> None:
    """A date that is not a date and a quarterly list that is too long are refused."""
    data = json.loads(sakip.io.dumps_json(sakip.io.loads_toml(MINIMAL)))
    data["agreements"] = [{"year": 2024, "targets": {}, "signed_on": "31 Januari"}]
    data["budget"] = [{"code": "B", "name": "B", "ceiling": 5, "quarterly_spent": [1] * 5}]
    data["plan"]["missions"] = "satu"
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_json(json.dumps(data))
    assert [
        "plan:missions: expected a list (an array of tables) (got 'satu')",
        (
            "budget[0]: 'quarterly_spent' must be at most four quarters "
            "(got (Decimal('1'), Decimal('1'), Decimal('1'), Decimal('1'), Decimal('1')))"
        ),
        "agreements[0]:signed_on: expected a date (2025-01-31) (got '31 Januari')",
    ] == problems(caught.value)


def test_a_wrong_kind_of_table_is_reported() -> None:
    """A text where a table belongs is one clear problem."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(HEADER + 'agency = "Dinas"\nplan = 5\n')
    assert [
        "agency: expected a table (Agency) (got 'Dinas')",
        "plan: expected a table (StrategicPlan) (got 5)",
    ] == problems(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('version = 1\n[agency]\nname = "x"\n', "format: format must be 'sakip-dataset'"),
        ('format = "sakip-dataset"\n', "version: version must be 1 or 2"),
        (
            'format = "sakip-dataset"\nversion = 3\n',
            "version: version 3 is not supported; this sakip reads version 1 or 2",
        ),
        ('format = "sakip-dataset"\nversion = true\n', "version: version must be 1 or 2"),
        ('format = "lakip"\nversion = 1\n', "format: format must be 'sakip-dataset'"),
    ],
)
def test_the_header_is_checked_first(text: str, message: str) -> None:
    """A file without the right format and version is refused before anything else."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert message == problems(caught.value)[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.toml: the file is empty"),
        (b"  \n\n", "x.toml: the file is empty"),
        (b"# nothing but a comment\n", "x.toml: the file is empty"),
        (
            MINIMAL.encode("utf-16"),
            "x.toml: the file is UTF-16 text; save it as UTF-8",
        ),
        (
            MINIMAL.replace("Dinas", "Dinas Sosial Kota Metro — Café").encode(
                "latin-1", "replace"
            ),
            "x.toml: the file is not UTF-8 text (byte 0xe9 at offset",
        ),
        (
            MINIMAL.encode()[:-30],
            "x.toml:",
        ),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "x.toml: the file holds NUL characters"),
        (b'format = "sakip-dataset"\nversion = 1\nplan = {', "x.toml:end of file: not valid TOML"),
        (b'format = "sakip-dataset"\nversion = 1\nplan = {a = }\n', "x.toml:3:13: not valid TOML"),
    ],
)
def test_unreadable_files_give_one_clear_error(data: bytes, message: str) -> None:
    """Empty, truncated, wrongly encoded and binary files each give one error saying so."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(data, file="x.toml")
    assert 1 <= len(caught.value.exceptions)
    assert problems(caught.value)[0].startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        (
            '{"format": "sakip-dataset", "version": 1',
            "1:41: not valid JSON: Expecting ',' delimiter",
        ),
        ("[1, 2]", "expected a table with format = 'sakip-dataset' at the top"),
        ("{}", "the file is empty"),
        ('{"format": "sakip-dataset", "version": 1, "x": NaN}', "NaN is not a finite number"),
    ],
)
def test_bad_json_gives_one_clear_error(text: str, message: str) -> None:
    """Truncated JSON, a list at the top, or NaN give one clear error."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_json(text)
    assert [message] == problems(caught.value)


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (sakip.io.loads_json, "[" * 100_000),
        (sakip.io.loads_toml, "a = " + "[" * 100_000),
    ],
)
def test_deeply_nested_input_is_one_clear_error(reader: Any, text: str) -> None:
    """Nesting too deep for the parser gives one error naming the limit, never RecursionError."""
    with pytest.raises(sakip.io.LimitError) as caught:
        reader(text)
    assert "nesting_depth" == caught.value.limit


def test_deeply_nested_budget_lines_are_one_clear_error() -> None:
    """Budget lines nested hundreds deep give one error, never a RecursionError."""
    data = json.loads(sakip.io.dumps_json(sakip.io.loads_toml(MINIMAL)))
    line: dict[str, Any] = {"code": "B", "name": "B", "ceiling": 1}
    data["budget"] = [line]
    for _ in range(400):
        child: dict[str, Any] = {"code": "B", "name": "B", "ceiling": 1}
        line["children"] = [child]
        line = child
    with pytest.raises(sakip.io.LimitError) as caught:
        sakip.io.loads_json(json.dumps(data))
    assert "nesting_depth" == caught.value.limit
    for version in sakip.io.VERSIONS:  # an earlier version's parts are looked for first
        with pytest.raises(DataFileError) as structured:
            datafile.structure_dataset({**data, "version": version})
        assert ["the data is nested too deeply to read"] == problems(structured.value)


def test_an_error_tree_too_deep_to_walk_is_one_clear_error() -> None:
    """Problems nested deeper than the interpreter can walk give one error."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    error: Exception = ValueError("leaf")
    for _ in range(5000):
        error.__notes__ = [IterableValidationNote("at 0", 0, object)]
        error = IterableValidationError("bad items", [error], list)
    with pytest.raises(DataFileError) as caught:
        datafile._collect(error, "deep.json", {})
    assert ["deep.json: the data is nested too deeply to read"] == problems(caught.value)


def test_a_huge_bad_value_is_shortened_in_the_message() -> None:
    """The message quotes a long bad value shortened, so a problem stays one line."""
    text = (
        MINIMAL + f'[[realizations]]\nindicator = "IKU-1"\nyear = 2024\nvalue = "{"x" * 5000}"\n'
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert len(problems(caught.value)[0]) < 200
    assert 5000 == len(caught.value.exceptions[0].value)


def test_text_that_is_neither_str_nor_bytes_is_refused() -> None:
    """The readers take text or bytes only."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_json(12)  # type: ignore[arg-type]
    assert ["expected text or bytes"] == problems(caught.value)


def test_a_long_list_of_problems_fits_one_screen() -> None:
    """str() shows twenty problems and counts the rest; all stay in exceptions."""
    text = MINIMAL + "".join(
        f'[[realizations]]\nindicator = "IKU-1"\nyear = {2000 + n}\nvalue = "x{n}"\n'
        for n in range(25)
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    lines = str(caught.value).splitlines()
    assert 22 == len(lines)
    assert "… and 5 more" == lines[-1]
    assert 25 == len(caught.value.exceptions)


def test_load_picks_the_reader_by_suffix(tmp_path: Path) -> None:
    """load() reads .toml and .json (any case) and refuses other suffixes and missing files."""
    dataset = sakip.io.loads_toml(MINIMAL)
    (tmp_path / "a.JSON").write_text(sakip.io.dumps_json(dataset), encoding="utf-8")
    assert dataset == sakip.io.load(tmp_path / "a.JSON")
    with pytest.raises(DataFileError) as caught:
        sakip.io.load(tmp_path / "a.yaml")
    assert "unknown data file type '.yaml'" in problems(caught.value)[0]
    with pytest.raises(DataFileError) as caught:
        sakip.io.save(dataset, tmp_path / "a")
    assert "unknown data file type '(no suffix)'" in problems(caught.value)[0]
    with pytest.raises(DataFileError) as caught:
        sakip.io.load(tmp_path / "missing.toml")
    assert "cannot read the file: No such file or directory" in problems(caught.value)[0]
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_only_datasets_are_written() -> None:
    """Writing something that is not a Dataset is refused."""
    with pytest.raises(sakip.InvalidValueError):
        sakip.io.dumps_toml({"agency": "x"})  # type: ignore[arg-type]


# --- the error objects --------------------------------------------------------------------


def test_errors_pickle_and_are_sakip_errors() -> None:
    """DataFileError is a SakipError and an ExceptionGroup, and pickles with its details."""
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(BROKEN, file="renstra.toml")
    error = caught.value
    assert isinstance(error, sakip.SakipError)
    assert isinstance(error, ExceptionGroup)
    copy = pickle.loads(pickle.dumps(error))
    assert str(error) == str(copy)
    assert (error.file, error.rows) == (copy.file, copy.rows)
    sub = copy.exceptions[0]
    assert isinstance(sub, FieldError)
    assert isinstance(sub, ValueError)
    assert (sub.file, sub.row, sub.column) == ("renstra.toml", "agency", "levl")


def test_except_star_splits_the_group() -> None:
    """except* FieldError catches the problems; split keeps the file and rows."""
    error = DataFileError("m", [FieldError("a", row=1), FieldError("b", row=2)], rows=[1])
    matched, rest = error.split(lambda e: isinstance(e, FieldError) and e.message == "a")
    assert isinstance(matched, DataFileError)
    assert (["1: a"], (1,)) == ([str(e) for e in matched.exceptions], matched.rows)
    assert rest is not None
    caught = []
    try:
        raise error
    except* FieldError as group:
        caught = list(group.exceptions)
    assert 2 == len(caught)


def test_except_sakip_error_catches_the_group() -> None:
    """Plain `except SakipError` catches a data file error."""
    with pytest.raises(sakip.SakipError):
        sakip.io.loads_toml("")


def test_field_error_location_leaves_out_what_is_unknown() -> None:
    """The place shows only the parts known: file, sheet, row, column."""
    assert "bad" == str(FieldError("bad"))
    assert "t.xlsx[Data]:3:Target: bad" == str(
        FieldError("bad", file="t.xlsx", sheet="Data", row=3, column="Target")
    )
    assert "[Data]: bad" == str(FieldError("bad", sheet="Data"))
    assert "<unset>" == repr(FieldError("bad").value)


# --- reading runs nothing -----------------------------------------------------------------


def test_reading_runs_nothing_from_the_file(tmp_path: Path) -> None:
    """Text that looks like code or a formula stays text."""
    marker = tmp_path / "ran"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    text = MINIMAL.replace('name = "Dinas"', f"name = {json.dumps(payload)}")
    dataset = sakip.io.loads_toml(text)
    assert payload == dataset.agency.name
    assert not marker.exists()


# --- fuzzing ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary() | st.text().map(str.encode))
def test_any_bytes_raise_only_sakip_errors(data: bytes) -> None:
    """Arbitrary bytes to both readers give a dataset or a SakipError, nothing else."""
    for reader in (sakip.io.loads_toml, sakip.io.loads_json):
        with contextlib.suppress(sakip.SakipError):
            reader(data)


_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.decimals(allow_nan=False)
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_structure_raises_only_sakip_errors(data: st.DataObject) -> None:
    """Arbitrary values in every place of a valid dataset raise only SakipError."""
    base: dict[str, Any] = datafile.unstructure_dataset(sakip.io.load(INVENTED))
    paths: list[tuple[Any, ...]] = []

    def walk(node: object, path: tuple[Any, ...]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(base, ())
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        path = data.draw(st.sampled_from(paths[1:]))
        node: Any = base
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = data.draw(_values)
        paths = [p for p in paths if p[: len(path)] != path or p == path]
    with contextlib.suppress(sakip.SakipError):
        datafile.structure_dataset(base)


# --- the JSON Schema ----------------------------------------------------------------------


def _problems(data: object, schema: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """Where and why ``data`` breaks a schema (the current one by default), by a validator."""
    validator = jsonschema.Draft202012Validator(json_schema() if schema is None else schema)
    return sorted(
        ("$" + "".join(f"[{p!r}]" for p in error.absolute_path), error.validator)
        for error in validator.iter_errors(data)
    )


@pytest.mark.parametrize("path", [SEED, INVENTED])
def test_examples_validate_against_the_schema(path: Path) -> None:
    """Both example files satisfy the published schemas, of their version and of the current one.

    As sakip writes them they are of the current version; as written in TOML, of version 1.
    """
    jsonschema.Draft202012Validator.check_schema(json_schema())
    data = json.loads(sakip.io.dumps_json(sakip.io.load(path)), parse_float=Decimal)
    assert data["version"] == sakip.io.VERSION
    assert [] == _problems(data)
    as_written = sakip.io.datafile.tomllib.loads(path.read_text(encoding="utf-8"))
    # TOML has dates and JSON has not: the schema describes them as ISO text.
    as_written["agreements"] = json.loads(json.dumps(as_written["agreements"], default=str))
    assert as_written["version"] == 1
    assert [] == _problems(as_written, schema_of_version(1))
    assert [("$['version']", "const")] == _problems(as_written)


def test_the_schema_catches_a_misspelt_field() -> None:
    """The schema refuses an unknown field and a wrong type, as sakip does."""
    data = json.loads(sakip.io.dumps_json(sakip.io.load(SEED)))
    data["agency"]["levl"] = "kota"
    data["plan"]["start_year"] = "2021"
    assert [("$['agency']", "additionalProperties"), ("$['plan']['start_year']", "type")] == (
        _problems(data)
    )


def test_the_published_schema_is_the_generated_one() -> None:
    """docs/_static/sakip-dataset.schema.json is json_schema() (regenerate it if not)."""
    assert json_schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_changing_a_returned_schema_changes_no_later_one() -> None:
    """json_schema() gives a fresh copy each time: a caller's edit does not leak into sakip."""
    first = json_schema()
    first["$defs"]["TargetRange"]["properties"]["low"]["$ref"] = "#/$defs/Changed"
    first["$defs"]["StrategicPlan"]["properties"]["start_year"]["type"] = "string"
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()
