"""Optional dependencies: a missing one is a clear error naming the extra to install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sakip
import sakip.io
from sakip import batch, plot
from sakip.io import tables
from sakip.report import build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"


@pytest.mark.parametrize(
    ("module", "call", "message"),
    [
        (
            "pandas",
            lambda: sakip.io.to_frame(sakip.io.load(SEED)),
            'DataFrames need pandas: pip install "sakip[pandas]"',
        ),
        (
            "openpyxl",
            lambda: tables.read_xlsx(SEED),
            'XLSX files need openpyxl: pip install "sakip[excel]"',
        ),
        (
            "matplotlib",
            lambda: plot.series_figure(build_report(sakip.io.load(SEED)).series[0]),
            'charts need matplotlib: pip install "sakip[plot]"',
        ),
        (
            "numpy",
            lambda: batch.achievements([95], [94.6]),
            'batch computations need numpy: pip install "sakip[pandas]"',
        ),
    ],
)
def test_a_missing_extra_is_named(
    module: str, call: object, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the optional library, the feature says which extra installs it."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(sakip.MissingDependencyError) as caught:
        call()  # type: ignore[operator]
    assert message == str(caught.value)
    assert isinstance(caught.value, ImportError)


def test_the_html_report_says_when_charts_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib the page is still written, and says why it has no charts."""
    from sakip import render

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    page = render.to_html(build_report(sakip.io.load(SEED)))
    assert "<svg" not in page
    note = (
        "Grafik tidak disertakan: modul matplotlib belum terpasang; pasang dengan pip install "
        "&quot;sakip[plot]&quot;."
    )
    assert note in page
    english = render.to_html(build_report(sakip.io.load(SEED), lang="en"))
    assert "module matplotlib is not installed; install it with pip install" in english


def test_the_command_names_the_missing_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The report as XLSX without openpyxl: one line, exit 2, no traceback."""
    import io

    from sakip.cli import main

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    err = io.StringIO()
    output = tmp_path / "report.xlsx"
    arguments = ["report", str(SEED), "--format", "xlsx", "--output", str(output)]
    assert 2 == main(arguments, out=io.StringIO(), err=err)
    expected = (
        'sakip report: modul openpyxl belum terpasang; pasang dengan pip install "sakip[excel]"\n'
    )
    assert expected == err.getvalue()
    assert not output.exists()
