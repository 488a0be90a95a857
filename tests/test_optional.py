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
