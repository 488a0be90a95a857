"""The invented 2025 example: every part of the format, its workbook, the commands on it."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

import sakip
from sakip import model, render
from sakip.cli import main
from sakip.extra.workbook import write_workbook
from sakip.io import dumps_json, load
from sakip.io.datafile import tomllib
from sakip.io.schema import json_schema
from sakip.report import build_report

ROOT = Path(__file__).resolve().parent.parent
TOML = ROOT / "examples" / "dinkes-kabupaten-contoh-2025.toml"
BOOK = ROOT / "examples" / "dinkes-kabupaten-contoh-2025-buku-kerja.xlsx"
GOLDEN = ROOT / "tests" / "golden" / "dinkes-kabupaten-contoh-2025.txt"


@pytest.fixture(scope="module")
def dataset() -> sakip.Dataset:
    return load(TOML)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def test_every_new_part_of_the_format_appears(dataset: sakip.Dataset) -> None:
    """The example is there to show them: settings, per, periods, cascade, analyses, PK-P."""
    indicators = {i.code: i for i in dataset.plan.indicators}
    assert dataset.settings.scale is not None
    assert dataset.settings.cap is not None
    assert {Decimal(1000), Decimal(100000)} <= {i.per for i in indicators.values()}
    assert {model.PeriodBasis.CUMULATIVE, model.PeriodBasis.PER_PERIOD} <= {
        i.period_basis for i in indicators.values()
    }
    assert any(i.cap is not None for i in indicators.values())
    assert {t.quarter is not None for t in dataset.period_targets} == {True, False}
    assert any(r.month is not None for r in dataset.realizations)
    assert {item.level for item in dataset.cascade} == set(model.BudgetLevel)
    assert all(item.indicators and item.plans for item in dataset.cascade)
    assert dataset.analyses
    assert dataset.stated
    assert all(agreement.revised for agreement in dataset.agreements)
    assert any(i.levels is not None for i in indicators.values())
    assert any(r.level is not None for r in dataset.realizations)
    targets = [target for plan in dataset.plan.indicator_plans for _, target in plan.targets]
    assert any(isinstance(target, model.ComparatorTarget) for target in targets)
    assert any(isinstance(target, model.LevelTarget) for target in targets)


def test_the_bundled_workbook_is_the_toml(dataset: sakip.Dataset) -> None:
    """The workbook beside it holds the same dataset, byte for byte as save writes it."""
    assert dataset == load(BOOK)
    assert write_workbook(dataset) == BOOK.read_bytes()


def test_it_validates_without_errors() -> None:
    code, out, err = _run("validate", str(TOML))
    assert 0 == code
    assert "data sah, 2 peringatan" in out + err


def test_every_stated_figure_checks_out() -> None:
    code, out, _ = _run("audit", str(TOML))
    assert 0 == code
    assert "3 angka yang dinyatakan diperiksa, 3 sesuai, 0 tidak sesuai" in out


def test_the_report_is_the_golden_file(dataset: sakip.Dataset) -> None:
    """Chapter III as text, from the TOML and from the workbook alike."""
    expected = GOLDEN.read_text(encoding="utf-8")
    assert expected == render.to_text(build_report(dataset))
    code, out, _ = _run("report", str(BOOK))
    assert (0, expected) == (code, out)


def test_the_report_as_of_the_second_quarter() -> None:
    """Monitoring to TW II: the table of the quarters, from the workbook as from the TOML."""
    code, out, _ = _run("report", "--as-of", "TW II 2025", str(TOML))
    assert 0 == code
    assert "Pemantauan kinerja sampai dengan TW II 2025" in out
    assert (0, out) == _run("report", "--as-of", "TW II 2025", str(BOOK))[:2]


def test_it_satisfies_the_json_schema(dataset: sakip.Dataset) -> None:
    """As written in TOML and as sakip writes it as JSON, the published schema holds."""
    validator = jsonschema.Draft202012Validator(json_schema())
    written = json.loads(dumps_json(dataset), parse_float=Decimal)
    assert [] == list(validator.iter_errors(written))
    as_written = tomllib.loads(TOML.read_text(encoding="utf-8"))
    # TOML has dates and JSON has not: the schema describes them as ISO text.
    as_written["agreements"] = json.loads(json.dumps(as_written["agreements"], default=str))
    assert [] == list(validator.iter_errors(as_written))


def test_the_report_renders_the_same_twice(dataset: sakip.Dataset) -> None:
    """An analysis is printed once however often a report is rendered in one process."""
    report = build_report(dataset)
    assert render.to_text(report) == render.to_text(build_report(dataset))
    assert 1 == render.to_text(report).count("Faktor pendukung: Kunjungan neonatal")
