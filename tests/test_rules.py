"""Rules with one protocol: name, title, source, the years they apply to, describe()."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

from sakip.audit import CHECKS
from sakip.cli import main
from sakip.evaluation import PERMENPANRB_12_2015, PERMENPANRB_88_2021, STRUCTURES
from sakip.formulas import MIRROR
from sakip.rules import (
    EvidenceGrade,
    RegisteredRule,
    Registry,
    Source,
    builtin_registries,
    markdown_table,
)

RULES = [rule for registry in builtin_registries().values() for rule in registry]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{type(rule).__name__}-{rule.name}")
def test_every_registered_rule_satisfies_the_protocol(rule: Any) -> None:
    """Every kind of rule has a name, a title, a source, years and a sentence in each language."""
    assert isinstance(rule, RegisteredRule)
    assert rule.title
    assert rule.years == (None, None) if rule.source is None else rule.source.years
    indonesian, english = rule.describe(), rule.describe(lang="en")
    assert rule.name in indonesian
    assert rule.name in english
    assert "berlaku" in indonesian
    assert "berlaku" not in english
    assert "applies" in english
    assert "applies" not in indonesian


def test_the_evaluation_structure_is_chosen_by_year() -> None:
    """PermenPANRB 12/2015 for the evaluations up to 2021, 88/2021 from 2022 (Source.years)."""
    assert [PERMENPANRB_12_2015] == STRUCTURES.applying_to(2021)
    assert [PERMENPANRB_88_2021] == STRUCTURES.applying_to(2022)
    assert (2015, 2021) == PERMENPANRB_12_2015.years
    assert PERMENPANRB_88_2021.applies_to(2030)
    assert not PERMENPANRB_88_2021.applies_to(2021)


@pytest.mark.parametrize(
    ("years", "indonesian", "english"),
    [
        ((None, None), "berlaku untuk semua tahun.", "applies to every year."),
        ((2022, None), "berlaku sejak 2022.", "applies from 2022."),
        ((None, 2021), "berlaku sampai 2021.", "applies until 2021."),
        ((2015, 2021), "berlaku 2015–2021.", "applies 2015–2021."),
    ],
)
def test_describe_says_the_kind_the_grade_and_the_years(
    years: tuple[int | None, int | None], indonesian: str, english: str
) -> None:
    """One whole sentence per shape of the years, in the reader's language."""
    rule = attrs.evolve(MIRROR, source=attrs.evolve(MIRROR.source, years=years))
    assert f"Rumus capaian mirror: tertulis dalam teks peraturan; {indonesian}" == rule.describe()
    assert (
        f"Achievement formula mirror: set in the regulation's own text; {english}"
        == rule.describe(lang="en")
    )


def test_a_rule_without_a_source_is_plain_arithmetic() -> None:
    """An audit's sum check cites no regulation, and says so."""
    assert CHECKS["sum"].source is None
    assert (
        "Report figure check sum: plain arithmetic, with no regulation behind it; "
        "applies to every year." == CHECKS["sum"].describe(lang="en")
    )


@attrs.frozen
class _Plain:
    name: str


def test_a_rule_of_your_own_without_years_applies_to_every_year() -> None:
    """A registry of your own objects (only a name) still answers applying_to()."""
    registry: Registry[_Plain] = Registry("thing")
    registry.register(_Plain("a"))
    assert [_Plain("a")] == registry.applying_to(1999)


def test_the_markdown_table_lists_every_rule_with_its_source_and_years() -> None:
    """One row per rule, its grade, and the years (all, or first–last)."""
    table = markdown_table()
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert len(RULES) == len(rows)
    assert "| evaluation structure | `permenpanrb-12-2015` |" in table
    assert "| REG-2nd | 2015–2021 |" in table
    assert "| REG-2nd | 2022– |" in table
    assert "| — | — | all |" in table  # an audit check with no source


def test_a_pipe_in_a_title_does_not_break_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell with ``|`` is escaped, so each row keeps its six columns."""
    registry: Registry[Any] = Registry("achievement formula")
    source = Source(reference="x | y", grade=EvidenceGrade.POLICY)
    registry.register(attrs.evolve(MIRROR, name="odd", title="a | b", source=source))
    monkeypatch.setattr("sakip.rules.builtin_registries", lambda: {"odd": registry})
    expected = "| achievement formula | `odd` | a \\| b | x \\| y | POLICY | all |"
    assert expected == markdown_table().splitlines()[-1]


def _run(*args: str) -> str:
    import io

    out, err = io.StringIO(), io.StringIO()
    assert 0 == main(list(args), out=out, err=err)
    return out.getvalue()


def test_sakip_rules_prints_the_readme_table_and_the_years() -> None:
    """``sakip rules --format markdown`` is the generator; the JSON carries each rule's years."""
    assert markdown_table() == _run("rules", "--format", "markdown")
    data = json.loads(_run("rules", "--format", "json"))
    structures = next(r for r in data if r["registry"] == "sakip.evaluation.STRUCTURES")
    assert [[2015, 2021], [2022, None]] == [rule["years"] for rule in structures["rules"]]
