"""The rules a report author chooses on the command line: --scale and --efficiency."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sakip.cli import main
from sakip.io import load
from sakip.render import to_text
from sakip.report import build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_reports_with_the_chosen_scale_and_convention() -> None:
    """The output is the Python API's with the same rules."""
    args = ("--scale", "permendagri-86-2017-baik", "--efficiency", "share")
    code, out, _ = _run("report", str(SEED), *args)
    expected = build_report(load(SEED), scale="permendagri-86-2017-baik", efficiency="share")
    assert (0, to_text(expected)) == (code, out)
    assert "Sangat Baik" in out
    assert "menurut konvensi perbandingan" in out


def test_without_a_choice_the_defaults_hold() -> None:
    """No --scale, no --efficiency: the report's own defaults."""
    assert to_text(build_report(load(SEED))) == _run("report", str(SEED))[1]


@pytest.mark.parametrize(
    ("option", "value"), [("--scale", "nope"), ("--efficiency", "pmk-249-2011")]
)
def test_a_rule_the_report_cannot_use_is_refused_by_name(option: str, value: str) -> None:
    """Only the registered names are choices; a convention on outputs is not one of them."""
    code, out, err = _run("report", str(SEED), option, value)
    assert (2, "") == (code, out)
    assert f"argumen {option}: pilihan tidak sah: '{value}'" in err


def test_a_scale_that_cannot_rate_the_figures_is_a_clear_error() -> None:
    """The SAKIP predicate rates 0-100: an achievement above it is said, exit status 2."""
    code, out, err = _run("report", str(SEED), "--scale", "sakip-predicate")
    assert (2, "") == (code, out)
    assert "sakip-predicate" in err


def test_the_choices_are_for_one_data_file(tmp_path: Path) -> None:
    """Many agencies at once take the defaults: a choice is refused rather than ignored."""
    code, _, err = _run(
        "report", str(ROOT / "examples"), "--output", str(tmp_path), "--efficiency", "share"
    )
    refused = "sakip report: --scale, --efficiency dan --cap hanya untuk satu berkas data\n"
    assert (2, refused) == (code, err)
