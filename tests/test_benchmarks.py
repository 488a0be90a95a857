"""The benchmark scripts run, at a tiny size (they are timed by hand, never in the suite)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sakip.io

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def test_the_generator_writes_a_national_table_and_datasets(tmp_path: Path) -> None:
    """The seeded generator gives the same table twice, and datasets that load."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import national
    finally:
        sys.path.remove(str(BENCHMARKS))
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert 2 * 3 * (6 + 4) == national.write_csv(first, 2, 3)
    national.write_csv(second, 2, 3)
    assert first.read_bytes() == second.read_bytes()
    national.write_folder(tmp_path / "data", 2, 12)
    loaded = sakip.io.load(tmp_path / "data" / "pemda-001.json")
    assert 12 == len(loaded.plan.indicators)


def test_the_benchmark_runs_at_a_tiny_size() -> None:
    """Every part of benchmarks/bulk.py runs and prints its ratios as JSON."""
    command = [
        sys.executable,
        str(BENCHMARKS / "bulk.py"),
        "--json",
        "--repeat=1",
        "--rows=200",
        "--agencies=2",
        "--calls=10",
        "--sizes",
        "3",
        "4",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    figures = json.loads(result.stdout)
    assert {"machine", "batch", "tables", "scalar", "scale", "agencies", "import"} == set(figures)
    assert 0 == figures["agencies"]["failed"]
    assert figures["agencies"]["same_files"]  # one process and the pool wrote the same bytes
    assert figures["tables"]["dataframe"]["ratio"] > 0
