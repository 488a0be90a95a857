"""Settings where agencies differ, and the cap: argument > indicator > dataset > default."""

from __future__ import annotations

import io
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import sakip
from sakip import render
from sakip.analysis.chapter import compute_chapter
from sakip.analysis.settings import (
    cap_of,
    data_source_of,
    efficiency_of,
    formula_of,
    overridden,
    scale_of,
)
from sakip.cli import main
from sakip.io import dumps_json, dumps_toml, load, loads_json, loads_toml
from sakip.testing import datasets
from sakip.testing import settings as settings_strategy
from tests.edits import with_indicator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"


@pytest.fixture
def seed() -> sakip.Dataset:
    return load(SEED)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- precedence -----------------------------------------------------------------------------


def test_without_settings_sakip_defaults_hold(seed: sakip.Dataset) -> None:
    """No settings: Permendagri 86/2017, the polarity's formula, no cap, difference."""
    indicator = seed.plan.indicator("IKU-1")
    assert sakip.Settings() == seed.settings
    assert "permendagri-86-2017" == scale_of(seed, indicator).name
    assert formula_of(seed, indicator) is None
    assert cap_of(seed, indicator) is None
    assert "difference" == efficiency_of(seed).name
    assert indicator.data_source == data_source_of(seed, indicator)


def test_an_argument_beats_the_indicator_which_beats_the_dataset(seed: sakip.Dataset) -> None:
    """Each level wins over the ones below it, for the scale and the cap."""
    data = attrs.evolve(seed, settings=sakip.Settings(scale="sakip-predicate", cap=150))
    other = seed.plan.indicator("SAKIP")
    data = with_indicator(data, "IKU-1", scale="permendagri-86-2017-baik", cap=120)
    indicator = data.plan.indicator("IKU-1")
    assert "sakip-predicate" == scale_of(data, other).name
    assert "permendagri-86-2017-baik" == scale_of(data, indicator).name
    assert "permendagri-86-2017" == scale_of(data, indicator, "permendagri-86-2017").name
    assert D(150) == cap_of(data, other)
    assert D(120) == cap_of(data, indicator)
    assert D(100) == cap_of(data, indicator, 100)


def test_the_dataset_formula_applies_to_its_polarity_only(seed: sakip.Dataset) -> None:
    """``inverse`` in the settings changes lower-is-better indicators, no other."""
    data = attrs.evolve(seed, settings=sakip.Settings(formula="inverse"))
    data = with_indicator(data, "MISKIN", polarity="negative")
    assert "inverse" == formula_of(data, data.plan.indicator("MISKIN"))
    assert formula_of(data, data.plan.indicator("IKU-1")) is None
    own = with_indicator(data, "MISKIN", formula="mirror")
    assert "mirror" == formula_of(own, own.plan.indicator("MISKIN"))


def test_the_dataset_names_the_data_source_of_indicators_without_one(
    seed: sakip.Dataset,
) -> None:
    """An indicator's own source wins; the dataset's fills the others, once each."""
    data = attrs.evolve(seed, settings=sakip.Settings(data_source="Dinsos, aplikasi SIKS-NG"))
    data = with_indicator(data, "SAKIP", data_source=None)
    assert "Dinsos, aplikasi SIKS-NG" == data_source_of(data, data.plan.indicator("SAKIP"))
    sources = sakip.build_report(data).tables[0].data_sources
    assert "Dinsos, aplikasi SIKS-NG" in sources
    assert len(set(sources)) == len(sources)


def test_the_dataset_efficiency_is_the_reports(seed: sakip.Dataset) -> None:
    """Table (f) takes the dataset's convention unless one is passed."""
    data = attrs.evolve(seed, settings=sakip.Settings(efficiency="share"))
    assert "share" == compute_chapter(data).convention.name
    assert "unspent" == compute_chapter(data, efficiency="unspent").convention.name


def test_unknown_names_in_the_settings_are_refused_naming_the_known_ones(
    seed: sakip.Dataset,
) -> None:
    """A scale or formula the registries lack is an UnknownRuleError listing theirs."""
    with pytest.raises(sakip.UnknownRuleError, match="permendagri-86-2017"):
        compute_chapter(attrs.evolve(seed, settings=sakip.Settings(scale="nope")))
    with pytest.raises(sakip.UnknownRuleError, match="mirror"):
        formula_of(
            attrs.evolve(seed, settings=sakip.Settings(formula="nope")),
            seed.plan.indicator("IKU-1"),
        )


@pytest.mark.parametrize("cap", [0, -5, "-1"])
def test_a_cap_must_be_positive(seed: sakip.Dataset, cap: object) -> None:
    """A cap of 0 or below is refused wherever it is given."""
    with pytest.raises(sakip.InvalidValueError, match="'cap' must be a positive limit"):
        sakip.Settings(cap=cap)  # type: ignore[arg-type]
    with pytest.raises(sakip.InvalidValueError, match="'cap' must be a positive limit"):
        attrs.evolve(seed.plan.indicator("IKU-1"), cap=cap)
    with pytest.raises(sakip.InvalidValueError, match="'cap' must be a positive limit"):
        sakip.build_report(seed, cap=cap)  # type: ignore[arg-type]


def test_settings_are_given_as_a_mapping_or_an_object(seed: sakip.Dataset) -> None:
    """A mapping of the fields is the same as the object; anything else is refused."""
    assert attrs.evolve(seed, settings={"cap": 120}) == attrs.evolve(
        seed, settings=sakip.Settings(cap=120)
    )
    assert sakip.Settings() == attrs.evolve(seed, settings=None).settings
    with pytest.raises(sakip.InvalidValueError, match=r"'settings' must be a sakip\.Settings"):
        attrs.evolve(seed, settings=[1])


# --- the cap in the report --------------------------------------------------------------------


def test_the_cap_limits_each_years_achievement_and_keeps_the_uncapped(
    seed: sakip.Dataset,
) -> None:
    """100,42 % capped at 100 prints 100,00 %; the uncapped figure stays on the result."""
    found = sakip.history(seed, "IKU-1", 2024, cap=100).current.achievement
    assert found is not None
    assert (D("100.00"), D("100.42")) == (found.percent, round(found.uncapped, 2))
    assert found.met
    assert D(100) == compute_chapter(seed, cap=100).cap
    assert compute_chapter(seed).cap is None


def test_the_report_says_the_cap_and_its_source(seed: sakip.Dataset) -> None:
    """The rule line names the cap, the basis names where caps come from, in both languages."""
    table = sakip.build_report(seed, cap=120).tables[0]
    assert "capaian di atas 120 % dihitung 120 %" in table.rule
    assert "PermenPANRB 8/2021 membatasi capaian kinerja individu 120 %" in table.source
    english = sakip.build_report(seed, cap=120, lang="en").tables[0]
    assert "an achievement above 120% counts as 120%" in english.rule
    assert "caps individual performance at 120%" in english.source
    assert "capaian di atas" not in sakip.build_report(seed).tables[0].rule


def test_indicators_capped_differently_list_each_cap(seed: sakip.Dataset) -> None:
    """Two caps are both named, lowest first."""
    data = with_indicator(seed, "IKU-1", cap=100)
    data = attrs.evolve(data, settings=sakip.Settings(cap="100.5"))
    assert "capaian di atas 100 / 100,5 % dihitung 100 / 100,5 %" in (
        sakip.build_report(data).tables[0].rule
    )


def test_an_indicators_own_scale_rates_it_and_the_rule_names_both(
    seed: sakip.Dataset,
) -> None:
    """One indicator on the Baik label set: its rating uses it, the rule line names both."""
    data = with_indicator(seed, "IKU-1", scale="permendagri-86-2017-baik")
    chapter = compute_chapter(data)
    ratings = {f.indicator.code: f.current.rating for f in chapter.histories}
    assert "Sangat Baik" == ratings["IKU-1"].label  # type: ignore[union-attr]
    assert "Sangat Tinggi" == ratings["SAKIP"].label  # type: ignore[union-attr]
    table = chapter.report().table("target-realization")
    assert table.rule.count("Skala Nilai Peringkat Kinerja") == 2


def test_the_audit_recomputes_with_the_datas_settings(seed: sakip.Dataset) -> None:
    """A stated 100,00 for the capped IKU-1 agrees when the data caps at 100."""
    figure = sakip.StatedFigure(kind="achievement", stated="100,00", indicator="IKU-1", year=2024)
    assert not sakip.audit.check(figure, seed).agrees
    capped = attrs.evolve(seed, settings=sakip.Settings(cap=100))
    assert sakip.audit.check(figure, capped).agrees


# --- the data file ----------------------------------------------------------------------------


def test_settings_load_from_a_settings_table(seed: sakip.Dataset) -> None:
    """A ``[settings]`` table and an indicator's own fields read back as they were."""
    data = attrs.evolve(
        seed,
        settings=sakip.Settings(
            scale="permendagri-86-2017-baik",
            formula="inverse",
            cap=120,
            efficiency="share",
            data_source="BPS",
        ),
    )
    data = with_indicator(data, "IKU-1", scale="permendagri-86-2017", cap="100.5")
    text = dumps_toml(data)
    assert "[settings]" in text
    assert data == loads_toml(text)
    assert data == loads_json(dumps_json(data))


def test_a_bad_setting_in_a_file_is_placed() -> None:
    """A cap of 0 in ``[settings]`` is reported at its place, with what was expected."""
    text = SEED.read_text(encoding="utf-8").replace("version = 1", "version = 2")
    with pytest.raises(sakip.io.DataFileError) as raised:
        loads_toml(text + "\n[settings]\ncap = 0\n")
    [problem] = raised.value.exceptions
    assert "settings: 'cap' must be a positive limit" in str(problem)


@given(settings_strategy())
def test_generated_settings_report(made: sakip.Settings) -> None:
    """Every generated setting makes a report of the seed (the strategy's promise)."""
    data = attrs.evolve(load(SEED), settings=made)
    assert sakip.build_report(data).tables


@given(datasets())
@settings(max_examples=30)
def test_generated_datasets_with_settings_round_trip(data: sakip.Dataset) -> None:
    """``load(save(x)) == x`` with settings and indicators' own scale and cap."""
    assert data == loads_toml(dumps_toml(data))


# --- the command line -------------------------------------------------------------------------


def test_the_command_caps_as_the_api_does() -> None:
    """``--cap 120`` with ``--scale`` and ``--efficiency``: the Python API's report."""
    args = ("--scale", "permendagri-86-2017-baik", "--efficiency", "share", "--cap", "120")
    code, out, _ = _run("report", str(SEED), *args)
    expected = sakip.build_report(
        load(SEED), scale="permendagri-86-2017-baik", efficiency="share", cap=120
    )
    assert (0, render.to_text(expected)) == (code, out)
    code, out, _ = _run("report", str(SEED), "--cap", "100")
    assert 0 == code
    assert "dihitung 100 %" in out


@pytest.mark.parametrize("value", ["0", "-3", "banyak"])
def test_a_bad_cap_on_the_command_line_is_said(value: str) -> None:
    """A cap that is no positive number: exit status 2 and a sentence, nothing printed."""
    code, out, err = _run("report", str(SEED), f"--cap={value}")
    assert (2, "") == (code, out)
    assert f"--cap {value}: tulis batas capaian berupa angka positif (100, 120)" in err


def test_the_command_line_beats_the_files_settings(tmp_path: Path) -> None:
    """A file capping at 100 prints 100,00; ``--cap 120`` prints the 100,42 under it."""
    path = tmp_path / "capped.toml"
    path.write_text(
        SEED.read_text(encoding="utf-8").replace("version = 1", "version = 2")
        + "\n[settings]\ncap = 100\n",
        encoding="utf-8",
    )
    _, capped, _ = _run("report", str(path))
    assert "dihitung 100 %" in capped
    _, wider, _ = _run("report", str(path), "--cap", "120")
    assert "100,42 %" in wider


# --- the audit of a report made with an override ----------------------------------------------


def test_the_audit_takes_the_reports_override(seed: sakip.Dataset) -> None:
    """``cap=`` and ``scale=`` of the audit beat the indicator's and the dataset's own."""
    figure = sakip.StatedFigure(kind="achievement", stated="100,00", indicator="IKU-1", year=2024)
    data = with_indicator(
        attrs.evolve(seed, settings=sakip.Settings(cap=150)), "IKU-1", cap=110, scale="x"
    )
    assert not sakip.audit.audit(seed, [figure]).ok
    assert sakip.audit.audit(data, [figure], cap=100, scale="permendagri-86-2017").ok
    assert overridden(seed) is seed
    changed = overridden(data, cap=100, scale="permendagri-86-2017-baik")
    assert (D(100), "permendagri-86-2017-baik") == (
        changed.settings.cap,
        changed.plan.indicator("IKU-1").scale,
    )
    assert D(100) == changed.plan.indicator("SAKIP").cap
    with pytest.raises(sakip.UnknownRuleError):
        overridden(seed, scale="nope")


def test_the_audit_command_takes_the_reports_cap() -> None:
    """``sakip audit --cap 100`` recomputes capped; a bad cap is said, exit status 2."""
    default = _run("audit", str(SEED), "--all")
    capped = _run("audit", str(SEED), "--all", "--cap", "100", "--scale", "permendagri-86-2017")
    assert default[1] != capped[1]
    assert "100,00" in capped[1]
    code, out, err = _run("audit", str(SEED), "--cap", "0")
    assert (2, "") == (code, out)
    assert "sakip audit: --cap 0: tulis batas capaian berupa angka positif (100, 120)" in err
