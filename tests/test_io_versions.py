"""Versions of the data file: version 1 reads as it always did, ``sakip upgrade`` rewrites it."""

from __future__ import annotations

import copy
import io
import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import sakip
import sakip.io
from sakip.audit import audit
from sakip.cli import EXIT_BAD_FILE, EXIT_OK, main
from sakip.io import DataFileError, datafile, upgrading, versions
from sakip.io.errors import Problem
from sakip.io.schema import json_schema
from sakip.io.upgrading import upgrade_text
from sakip.io.versions import LaterPart, later_parts, schema_of_version
from sakip.render import render
from sakip.report import build_report
from tests.strategies import datasets

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED_1 = ROOT / "docs" / "_static" / "sakip-dataset-1.schema.json"
PACKAGED_1 = ROOT / "src" / "sakip" / "io" / "sakip-dataset-1.schema.json"
TEMPLATE = ROOT / "src" / "sakip" / "templates" / "data.toml"


def _version_1_files() -> list[Path]:
    """Every data file of version 1 in examples/ and tests/."""
    found = []
    for folder in (ROOT / "examples", ROOT / "tests"):
        for path in sorted([*folder.rglob("*.toml"), *folder.rglob("*.json")]):
            text = path.read_text(encoding="utf-8")
            dataset = 'format = "sakip-dataset"' in text or '"format": "sakip-dataset"' in text
            if dataset and re.search(r'^\s*"?version"?\s*[=:]\s*1\b', text, re.MULTILINE):
                found.append(path)
    assert found
    return found


V1_FILES = _version_1_files()

MINIMAL = """\
# a hand-written file, with comments
format = "sakip-dataset"
version = 1  # the version it was written for

[agency]
name = "Dinas"  # the agency
level = "kota"

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
polarity = "negatif"

[[realizations]]
indicator = "IKU-1"
year = 2024
value = "94,6"
numerator = 946
denominator = 1000
"""


def _same_report(first: sakip.Dataset, second: sakip.Dataset) -> None:
    assert render(build_report(first), "text") == render(build_report(second), "text")
    assert audit(first) == audit(second)


@pytest.fixture
def version_1_lacks(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make version 1 lack a field and a word, as if version 2 had brought them."""
    frozen = copy.deepcopy(schema_of_version(1))
    del frozen["$defs"]["Realization"]["properties"]["numerator"]
    del frozen["properties"]["standards"]
    frozen["$defs"]["Polarity"]["enum"].remove("negative")
    monkeypatch.setattr(versions, "schema_of_version", lambda version: frozen)
    return frozen


# --- the versions ---------------------------------------------------------------------------


def test_this_sakip_writes_version_2_and_reads_1_and_2() -> None:
    """``save`` writes the current version; a file of either version reads to the same data."""
    assert (2, (1, 2)) == (sakip.io.VERSION, sakip.io.VERSIONS)
    dataset = sakip.io.loads_toml(MINIMAL)
    assert sakip.io.dumps_toml(dataset).startswith('format = "sakip-dataset"\nversion = 2\n')
    assert '"version": 2' in sakip.io.dumps_json(dataset)
    assert dataset == sakip.io.loads_toml(MINIMAL.replace("version = 1 ", "version = 2 "))


@pytest.mark.parametrize("path", V1_FILES, ids=lambda path: path.name)
def test_version_1_files_read_to_the_data_they_always_did(path: Path) -> None:
    """Each version-1 file reads, and holds no part of version 2."""
    data = datafile.tomllib.loads(path.read_text(encoding="utf-8"))
    assert 1 == data["version"]
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    assert [] == later_parts(body, 1)
    sakip.io.load(path)


def test_version_1_is_declared_by_its_frozen_published_schema() -> None:
    """The schema of version 1 ships with sakip and is the one the docs publish, unchanged."""
    assert PACKAGED_1.read_bytes() == PUBLISHED_1.read_bytes()
    frozen = schema_of_version(1)
    jsonschema.Draft202012Validator.check_schema(frozen)
    assert {"const": 1} == frozen["properties"]["version"]
    assert frozen["$id"].endswith("/sakip-dataset-1.schema.json")


def test_every_part_of_version_1_is_still_read() -> None:
    """Version 2 only adds: every field and word of version 1 is in the current schema."""
    frozen, current = schema_of_version(1), json_schema()
    assert set(frozen["properties"]) <= set(current["properties"])
    for name, node in frozen["$defs"].items():
        assert set(node.get("properties", ())) <= set(current["$defs"][name].get("properties", ()))
        assert set(node.get("enum", ())) <= set(current["$defs"][name].get("enum", ()))


# --- a part of version 2 in a file of version 1 ---------------------------------------------


@pytest.mark.usefixtures("version_1_lacks")
def test_a_version_2_part_in_a_version_1_file_is_refused_at_its_place() -> None:
    """A new field or a new word in a file that says version 1: every one, with its place."""
    text = MINIMAL + '[[standards]]\nindicator = "IKU-1"\nvalue = 90\nsource = "SPM"\n'
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text, file="lama.toml")
    found = caught.value.exceptions
    assert {Problem.LATER_PART} == {problem.problem for problem in found}
    said = [str(problem) for problem in found]
    assert said == [
        (
            "lama.toml:plan.goals[0].indicators[0]:polarity: polarity = 'negatif' is new in "
            "version 2 of the format, and the file says version 1; run `sakip upgrade` on it, or "
            "set version = 2"
        ),
        (
            "lama.toml:realizations[0]:numerator: 'numerator' is new in version 2 of the format, "
            "and the file says version 1; run `sakip upgrade` on it, or set version = 2"
        ),
        (
            "lama.toml:standards: 'standards' is new in version 2 of the format, and the file "
            "says version 1; run `sakip upgrade` on it, or set version = 2"
        ),
    ]
    assert caught.value.describe().splitlines()[1:] == [
        (
            "lama.toml: indikator IKU-1: `polarity` = 'negatif' baru ada sejak format versi 2; "
            "jalankan `sakip upgrade` pada berkas ini, atau tulis `version = 2`"
        ),
        (
            "lama.toml: realisasi IKU-1 2024: `numerator` baru ada sejak format versi 2; jalankan "
            "`sakip upgrade` pada berkas ini, atau tulis `version = 2`"
        ),
        (
            "lama.toml: `standards` baru ada sejak format versi 2; jalankan `sakip upgrade` pada "
            "berkas ini, atau tulis `version = 2`"
        ),
    ]
    assert caught.value.describe("en").splitlines()[2] == (
        "lama.toml: realization IKU-1 2024: `numerator` is new in version 2 of the format; run "
        "`sakip upgrade` on this file, or write `version = 2`"
    )
    sakip.io.loads_toml(text.replace("version = 1 ", "version = 2 "))  # the same, as 2


@pytest.mark.usefixtures("version_1_lacks")
def test_a_later_part_is_reported_beside_the_files_other_problems() -> None:
    """Nothing hides the rest: a bad value and a misspelt key are listed too."""
    text = MINIMAL.replace('unit = "%"', 'unit = "%"\nunti = "%"').replace(
        "year = 2024", 'year = "2O24"'
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    kinds = [problem.problem for problem in caught.value.exceptions]
    assert [Problem.LATER_PART, Problem.LATER_PART, Problem.UNKNOWN_KEY] == kinds[:3]
    assert Problem.INVALID_VALUE in kinds


@pytest.mark.usefixtures("version_1_lacks")
def test_a_word_no_version_reads_is_an_invalid_value_not_a_later_part() -> None:
    """A misspelt word is the same error in either version."""
    text = MINIMAL.replace('polarity = "negatif"', 'polarity = "negatf"').replace(
        "numerator = 946\ndenominator = 1000\n", ""
    )
    with pytest.raises(DataFileError) as caught:
        sakip.io.loads_toml(text)
    assert [Problem.INVALID_VALUE] == [p.problem for p in caught.value.exceptions]


def test_values_that_only_version_2_reads_are_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    """A field's value, or a type's, that version 1 held but only version 2 reads."""
    later = {
        "Agency.name": lambda value: value == "Dinas Baru",
        "TargetLike": lambda value: isinstance(value, str) and value.startswith(">"),
    }
    monkeypatch.setattr(versions, "LATER_VALUES", later)
    body = {
        "agency": {"name": "Dinas Baru"},
        "plan": {
            "indicator_plans": [{"indicator": "A", "targets": {"2024": ">= 80", "2025": 81}}],
            "goals": [{"indicators": [{"polarity": "naik"}]}],
        },
        "realizations": "not a list",
        "budget": [{"quarterly_spent": [1, None], "children": [{"level": "kegiatan"}]}],
    }
    assert [
        LaterPart("agency", "name", "Dinas Baru"),
        LaterPart("plan.indicator_plans[0].targets", "2024", ">= 80"),
    ] == later_parts(body, 1)
    assert [] == later_parts({"agency": {"name": "Dinas Lama"}}, 1)


# --- upgrade --------------------------------------------------------------------------------


def test_upgrading_a_toml_file_changes_only_its_version_line() -> None:
    """Comments, order and the spelling of numbers stay as written."""
    upgraded = upgrade_text(MINIMAL, "toml")
    assert upgraded == MINIMAL.replace("version = 1 ", "version = 2 ")
    assert upgrade_text(upgraded, "toml") is None  # already the current version


def test_upgrading_a_json_file_changes_only_its_version() -> None:
    """JSON stays JSON, as it was written."""
    text = json.dumps({"format": "sakip-dataset", "version": 1, **_body(MINIMAL)}, indent=4)
    upgraded = upgrade_text(text, "json")
    assert upgraded == text.replace('"version": 1,', '"version": 2,')
    assert sakip.io.loads_json(upgraded) == sakip.io.loads_toml(MINIMAL)


def _body(text: str) -> dict[str, Any]:
    data = datafile.tomllib.loads(text)
    return {key: value for key, value in data.items() if key not in ("format", "version")}


@pytest.mark.parametrize(
    "header",
    ['format = "sakip-dataset"\nversion = +1\n', "version = 0x1\nformat = 'sakip-dataset'\n"],
)
def test_a_version_line_that_cannot_be_changed_in_place_is_written_anew(header: str) -> None:
    """The whole file is written as ``save`` would, and reads to the same data."""
    text = MINIMAL.replace(
        'format = "sakip-dataset"\nversion = 1  # the version it was written for\n', header
    )
    upgraded = upgrade_text(text, "toml")
    assert upgraded is not None
    assert upgraded == sakip.io.dumps_toml(sakip.io.loads_toml(text))


def test_a_version_line_inside_a_text_is_not_mistaken_for_the_version() -> None:
    """The first line that looks like the version may be inside a multi-line text."""
    text = 'format = "sakip-dataset"\nx = """\nversion = 1\n"""\nversion = 1\n'
    data = datafile.tomllib.loads(text)
    with pytest.raises(DataFileError):  # x is no field of the format
        upgrade_text(text, "toml")
    assert data["x"] == "version = 1\n"


def test_a_broken_file_is_not_upgraded() -> None:
    """A file that no version reads must be mended first: every problem is listed."""
    with pytest.raises(DataFileError) as caught:
        upgrade_text(MINIMAL.replace('name = "Dinas"', 'name = ""'), "toml", file="a.toml")
    assert "a.toml" == caught.value.file


@pytest.mark.usefixtures("version_1_lacks")
def test_a_version_1_file_holding_version_2_parts_upgrades_to_them() -> None:
    """What a file of version 1 was refused for is read once it says version 2."""
    with pytest.raises(DataFileError):
        sakip.io.loads_toml(MINIMAL)
    upgraded = upgrade_text(MINIMAL, "toml")
    assert upgraded is not None
    assert sakip.io.loads_toml(upgraded).realizations[0].numerator == Decimal(946)


@pytest.mark.parametrize("path", V1_FILES, ids=lambda path: path.name)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_every_version_1_file_upgrades_to_the_same_data_and_report(
    path: Path, suffix: str, tmp_path: Path
) -> None:
    """Upgraded, in TOML or in JSON, each file gives an equal dataset and the same report."""
    before = sakip.io.load(path)
    source = tmp_path / f"data{suffix}"
    if suffix == path.suffix:
        source.write_bytes(path.read_bytes())
    else:  # the same version-1 data, spelt in JSON
        text = sakip.io.dumps_json(before).replace('"version": 2,', '"version": 1,', 1)
        source.write_text(text, encoding="utf-8")
    assert sakip.io.upgrade(source) is True
    after = sakip.io.load(source)
    assert before == after
    _same_report(before, after)
    assert sakip.io.upgrade(source) is False


def test_upgrade_writes_to_another_file_of_the_same_kind(tmp_path: Path) -> None:
    """``output`` leaves the file as it was; a file of another kind is refused."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL, encoding="utf-8")
    assert sakip.io.upgrade(source, output=tmp_path / "baru.toml") is True
    assert MINIMAL == source.read_text(encoding="utf-8")
    assert sakip.io.load(tmp_path / "baru.toml") == sakip.io.load(source)
    with pytest.raises(sakip.InvalidValueError, match=r"a \.toml file"):
        sakip.io.upgrade(source, output=tmp_path / "baru.json")


def test_upgrade_refuses_a_broken_file(tmp_path: Path) -> None:
    """The file's own errors, as ``load`` gives them; nothing is written."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL.replace("[plan]", "[plan"), encoding="utf-8")
    with pytest.raises(DataFileError):
        sakip.io.upgrade(source)
    assert "[plan\n" in source.read_text(encoding="utf-8")


@pytest.mark.usefixtures("version_1_lacks")
def test_upgrade_keeps_the_version_2_parts_of_a_file(tmp_path: Path) -> None:
    """A file refused for its version-2 parts is upgraded, and then reads."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL, encoding="utf-8")
    assert sakip.io.upgrade(source) is True
    sakip.io.load(source)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_a_dataset_without_version_2_parts_reads_the_same_as_version_1(
    dataset: sakip.Dataset,
) -> None:
    """Said to be version 1, a dataset reads the same, or is refused for its new parts only.

    Upgraded, it reads back equal: load(save(x)) == x through a file of version 1.
    """
    data = datafile.unstructure_dataset(dataset)
    old = {**data, "version": 1}
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    if later_parts(body, 1):
        with pytest.raises(DataFileError) as caught:
            datafile.structure_dataset(old)
        assert {Problem.LATER_PART} == {p.problem for p in caught.value.exceptions}
    else:
        assert dataset == datafile.structure_dataset(old)
    text = sakip.io.dumps_json(dataset).replace('"version": 2,', '"version": 1,', 1)
    upgraded = upgrade_text(text, "json")
    assert upgraded is not None
    assert dataset == sakip.io.loads_json(upgraded)
    assert upgrading.upgrade_text(sakip.io.dumps_toml(dataset), "toml") is None


# --- the command ----------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_sakip_upgrade_rewrites_the_file_in_place(tmp_path: Path) -> None:
    """Exit 0 and one line saying so, in the command's language; a second run writes nothing."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL, encoding="utf-8")
    assert (EXIT_OK, "", f"{source} ditulis ulang sebagai format versi 2\n") == run(
        "upgrade", str(source)
    )
    assert "# the agency" in source.read_text(encoding="utf-8")
    code, _, err = run("upgrade", str(source), "--lang", "en")
    assert (EXIT_OK, f"{source} is already version 2 of the format; nothing was written\n") == (
        code,
        err,
    )


def test_sakip_upgrade_output(tmp_path: Path) -> None:
    """--output writes another file of the same kind; of another kind it is refused."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL, encoding="utf-8")
    target = tmp_path / "baru.toml"
    code, _, err = run("upgrade", str(source), "--output", str(target), "--lang", "en")
    assert EXIT_OK == code
    assert f"{source} written as version 2 of the format to {target}\n" == err
    assert MINIMAL == source.read_text(encoding="utf-8")
    code, _, err = run("upgrade", str(source), "--output", str(tmp_path / "baru.json"))
    assert EXIT_BAD_FILE == code
    assert "harus berkas .toml seperti" in err
    assert not (tmp_path / "baru.json").exists()


def test_sakip_upgrade_of_a_broken_or_missing_file_exits_2(tmp_path: Path) -> None:
    """The file's problems in the command's language, or why it cannot be written."""
    source = tmp_path / "lama.toml"
    source.write_text(MINIMAL.replace('name = "Dinas"', 'name = ""'), encoding="utf-8")
    code, _, err = run("upgrade", str(source), "--lang", "en")
    assert EXIT_BAD_FILE == code
    assert err.startswith(f"{source}: 1 problem")
    source.write_text(MINIMAL, encoding="utf-8")
    target = tmp_path / "no-such-folder" / "baru.toml"
    code, _, err = run("upgrade", str(source), "--output", str(target))
    assert EXIT_BAD_FILE == code
    assert err.startswith((str(target.parent), str(target)))


@pytest.mark.parametrize(
    ("target", "later"),
    [
        ("≥ 80", True),
        ("60 s.d. 85", True),
        ("94,6", False),
        ("banyak", False),
        ({"x": 1}, False),
        ({"level": [1], "scale": {"a": 1}}, True),  # a table of a level, however malformed
        (80, False),
        ({"low": 1, "high": 2}, False),
    ],
)
def test_a_target_as_a_report_prints_it_is_version_2(target: object, later: bool) -> None:
    """Version 1 read a number or a range; a comparator's text is a version-2 part."""
    data = {k: v for k, v in tomllib.loads(MINIMAL).items() if k not in ("format", "version")}
    data["plan"]["indicator_plans"] = [{"indicator": "IKU-1", "targets": {"2024": target}}]
    parts = list(later_parts(data, 1))
    assert later == bool(parts)
