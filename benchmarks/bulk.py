"""Benchmark: sakip's bulk paths against the baselines a user has, side by side in one run.

Parts (all by default, or name some with ``--parts``):

- ``batch``: :func:`sakip.batch.achievements` with printed figures, for float, Decimal and
  text inputs, against the float floor (one division, labels by index, printed with ``%.2f``);
- ``tables``: the national table (550 regional governments × 40 indicators × 6 years plus
  quarters) through CSV (``read_table`` + ``evaluate`` + printed figures) against
  ``pd.read_csv`` + vectorised floats; a DataFrame through ``results_frame`` against
  ``batch.achievements`` + ``to_frame``; the XLSX through ``read_table`` against an openpyxl
  read-only pass and ``pd.read_excel``; each with its peak memory (tracemalloc);
- ``scalar``: ``achievement``, ``format_number`` and ``classify`` against hand-written Decimal
  (half-up) and float functions;
- ``scale``: ``load``, ``build_report`` and ``audit`` at 40, 400 and 4,000 indicators;
- ``agencies``: 550 agencies' data files loaded and reported in one run (``write_reports``),
  in one process and in a pool of one process per processor;
- ``import``: ``import sakip`` in a fresh interpreter, and which heavy modules it loads.

Each pair of methods runs the same number of times, alternating, and the median of each is
reported; the scalar calls take turns every few hundred calls within each run, and their
ratio is the median of the runs' ratios. Run it from the repository root::

    uv run python benchmarks/bulk.py                    # every part, as tables
    uv run python benchmarks/bulk.py --json             # one JSON object
    uv run python benchmarks/bulk.py --parts scalar scale --repeat 7
    uv run python benchmarks/bulk.py --agencies 20      # a small national table
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import national

import sakip
import sakip.io
from sakip.audit import audit
from sakip.batch import achievements
from sakip.collection import read_collection, write_reports
from sakip.report import build_report

HEAVY = ("numpy", "pandas", "openpyxl", "babel", "matplotlib", "docx")
LABELS = np.array(["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"], dtype=object)
EDGES = np.array([50.0, 65.0, 75.0, 90.0])  # lower bounds exclusive: x > 50 is Rendah
Q = Decimal("0.01")
HUNDRED = Decimal(100)


# --- timing -------------------------------------------------------------------------------


def _once(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def paired(methods: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median seconds of each method, over ``repeat`` runs each, taking turns."""
    times: dict[str, list[float]] = {name: [] for name in methods}
    for _ in range(repeat):
        for name, function in methods.items():
            times[name].append(_once(function))
    return {name: statistics.median(values) for name, values in times.items()}


def peak_mb(function: Callable[[], object]) -> float:
    """Peak memory (MB) the call allocates, by tracemalloc."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


# --- the float floor ----------------------------------------------------------------------


def float_floor(r: np.ndarray, t: np.ndarray, negative: np.ndarray) -> tuple[Any, Any]:
    """One division, labels by index, printed with %.2f: what no exact method can beat."""
    with np.errstate(all="ignore"):
        percent = np.where(negative, 2 * t - r, r) * 100 / t
    rounded = np.round(percent, 2)
    labels = LABELS[np.searchsorted(EDGES, rounded, side="left")]
    printed = [f"{x:.2f}".replace(".", ",") for x in rounded.tolist()]
    return labels, printed


def sakip_batch(r: object, t: object, polarity: object) -> tuple[Any, Any]:
    result = achievements(r, t, polarity=polarity)
    return result.label, result.printed()


def part_batch(rows: int, repeat: int) -> dict[str, Any]:
    frame = national_frame_of(rows)
    r = frame["realization"].to_numpy(dtype=float)
    t = frame["target"].to_numpy(dtype=float)
    negative = (frame["polarity"] == "negative").to_numpy()
    polarity = frame["polarity"].to_numpy()
    r_dec = [Decimal(repr(x)) for x in r.tolist()]
    t_dec = [Decimal(repr(x)) for x in t.tolist()]
    r_txt = [repr(x) for x in r.tolist()]
    t_txt = [repr(x) for x in t.tolist()]
    out: dict[str, Any] = {"rows": rows}
    cases = {
        "float": (lambda: sakip_batch(r, t, polarity), lambda: float_floor(r, t, negative)),
        "decimal": (
            lambda: sakip_batch(r_dec, t_dec, polarity),
            lambda: float_floor(
                np.array(r_dec, dtype=float), np.array(t_dec, dtype=float), negative
            ),
        ),
        "text": (
            lambda: sakip_batch(r_txt, t_txt, polarity),
            lambda: float_floor(
                np.array(r_txt, dtype=float), np.array(t_txt, dtype=float), negative
            ),
        ),
    }
    for name, (exact, floor) in cases.items():
        times = paired({"sakip": exact, "floor": floor}, repeat)
        out[name] = {**times, "ratio": times["sakip"] / times["floor"]}
    _, printed = float_floor(r, t, negative)
    _, exact_printed = sakip_batch(r, t, polarity)
    out["float_printed_differs"] = int(
        sum(a != b for a, b in zip(printed, exact_printed.tolist(), strict=True) if b is not None)
    )
    return out


def national_frame_of(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(national.SEED)
    two = rng.random(rows) < 0.5

    def typed(values: np.ndarray) -> np.ndarray:
        return np.where(two, np.round(values, 2), np.round(values, 1))

    target = typed(rng.uniform(40, 100, rows))
    realization = typed(target * rng.uniform(0.5, 1.3, rows))
    polarity = np.where(rng.random(rows) < 0.2, "negative", "positive")
    return pd.DataFrame({"realization": realization, "target": target, "polarity": polarity})


# --- the national table -------------------------------------------------------------------


def _pandas_csv(path: Path) -> object:
    """What a pandas user writes: read, convert the notation, one float expression."""
    frame = pd.read_csv(path, sep=";", decimal=",", dtype={"Target": str})
    target = pd.to_numeric(frame["Target"].str.replace(",", "."), errors="coerce")
    r = frame["Realisasi"].to_numpy(dtype=float)
    return float_floor(r, target.to_numpy(), (frame["Polaritas"] == "negatif").to_numpy())


def _sakip_csv(path: Path) -> object:
    """read_collection (the national table split by agency) + evaluate + its printed figures.

    `Results.printed` is the bulk API: every row's printed figure without a ResultRow per row;
    evaluate computes every row's exact figure and rating either way.
    """
    collection = read_collection(path)
    return [list(sakip.io.evaluate(member.rows).printed) for member in collection.members]


def _batch_columns(frame: pd.DataFrame) -> tuple[Any, ...]:
    """The columns as the batch takes them: Python notation, ranges split in two."""
    r = frame["Realisasi"].str.replace(",", ".").replace("", None)
    bounds = frame["Target"].str.replace(",", ".").str.split(" - ", expand=True)
    low = bounds[0]
    high = bounds[1] if 1 in bounds.columns else None
    return r, low, high, frame["Polaritas"].to_numpy()


def part_tables(
    agencies: int, repeat: int, folder: Path, *, xlsx: bool, xlsx_repeat: int
) -> dict[str, Any]:
    csv_path = folder / "nasional.csv"
    rows = national.write_csv(csv_path, agencies, 40)
    out: dict[str, Any] = {"rows": rows, "agencies": agencies}
    times = paired(
        {"sakip": lambda: _sakip_csv(csv_path), "pandas": lambda: _pandas_csv(csv_path)}, repeat
    )
    out["csv"] = {**times, "ratio": times["sakip"] / times["pandas"]}
    out["csv"]["sakip_peak_mb"] = peak_mb(lambda: _sakip_csv(csv_path))
    out["csv"]["pandas_peak_mb"] = peak_mb(lambda: _pandas_csv(csv_path))
    frame = pd.read_csv(csv_path, sep=";", dtype=str, keep_default_na=False)

    def batch() -> object:
        r, low, high, polarity = _batch_columns(frame)
        return achievements(r, low, target_high=high, polarity=polarity).to_frame()

    times = paired(
        {"results_frame": lambda: sakip.io.results_frame(frame), "batch": batch}, repeat
    )
    out["dataframe"] = {**times, "ratio": times["results_frame"] / times["batch"]}
    if xlsx:
        out["xlsx"] = _xlsx(frame, folder, xlsx_repeat)
    return out


def _xlsx(frame: pd.DataFrame, folder: Path, repeat: int) -> dict[str, Any]:
    import openpyxl  # noqa: PLC0415 - only this part needs it

    book = folder / "nasional.xlsx"
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    workbook.save(book)

    def raw() -> object:
        wb = openpyxl.load_workbook(book, read_only=True, data_only=True)
        values = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        wb.close()
        return values

    times = paired(
        {
            "sakip": lambda: sakip.io.read_table(book),
            "openpyxl": raw,
            "pd.read_excel": lambda: pd.read_excel(book),
        },
        repeat,
    )
    return {**times, "runs": repeat, "ratio": times["sakip"] / times["openpyxl"]}


# --- scalar calls -------------------------------------------------------------------------


def hand_decimal(r: Decimal, t: Decimal) -> Decimal:
    return (r * HUNDRED / t).quantize(Q, rounding=ROUND_HALF_UP)


def hand_float(r: float, t: float) -> float:
    return round(r * 100 / t, 2)


_SWAP = str.maketrans(",.", ".,")


def hand_format(value: Decimal) -> str:
    return f"{value.quantize(Q, rounding=ROUND_HALF_UP):,f}".translate(_SWAP)


def hand_classify(value: Decimal) -> str:
    for edge, label in zip(
        (90, 75, 65, 50), ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah"), strict=True
    ):
        if value > edge:
            return label
    return "Sangat Rendah"


def part_scalar(calls: int, repeat: int) -> dict[str, Any]:
    r, t = Decimal("95"), Decimal("94.6")
    figure = Decimal("100.4228329809725158562367865")
    printed = Decimal("100.42")
    pairs: dict[str, dict[str, Callable[[], object]]] = {
        "achievement": {
            "sakip": lambda: sakip.achievement(realization=r, target=t).percent,
            "decimal": lambda: hand_decimal(r, t),
            "float": lambda: hand_float(95.0, 94.6),
        },
        "format_number": {
            "sakip": lambda: sakip.format_number(figure, 2),
            "decimal": lambda: hand_format(figure),
        },
        "classify": {
            "sakip": lambda: sakip.classify(printed),
            "decimal": lambda: hand_classify(printed),
        },
    }
    out: dict[str, Any] = {"calls": calls}
    for name, methods in pairs.items():
        out[name] = interleaved(methods, calls, repeat)
    return out


SLICE = 500
"""Calls per turn in :func:`interleaved`: short enough that a shared machine's load, which
changes over seconds, weighs on every method alike."""


def interleaved(
    methods: dict[str, Callable[[], object]], calls: int, repeat: int
) -> dict[str, float]:
    """Microseconds per call of each method (medians of ``repeat`` runs), and their ratio.

    Each run makes ``calls`` calls of every method, taking turns every :data:`SLICE` calls;
    ``ratio`` is the median of the runs' own ratios of ``sakip`` to ``decimal``, and
    ``fastest_ratio`` the ratio of their fastest turns (what an idle machine comes closest to).
    """
    runs: dict[str, list[float]] = {name: [] for name in methods}
    fastest = dict.fromkeys(methods, float("inf"))
    for _ in range(repeat):
        spent = dict.fromkeys(methods, 0.0)
        for start in range(0, calls, SLICE):
            turn = range(min(SLICE, calls - start))
            for name, function in methods.items():
                began = time.perf_counter()
                for _ in turn:
                    function()
                seconds = time.perf_counter() - began
                spent[name] += seconds
                fastest[name] = min(fastest[name], seconds / len(turn))
        for name, seconds in spent.items():
            runs[name].append(seconds / calls * 1e6)
    ratios = [s / d for s, d in zip(runs["sakip"], runs["decimal"], strict=True)]
    return {
        **{name: statistics.median(values) for name, values in runs.items()},
        "ratio": statistics.median(ratios),
        "fastest_ratio": fastest["sakip"] / fastest["decimal"],
    }


# --- one agency at growing size -----------------------------------------------------------


def part_scale(sizes: list[int], repeat: int, folder: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for size in sizes:
        path = folder / f"dataset-{size}.json"
        sakip.io.save(national.dataset(size), path)
        out[str(size)] = _one_size(path, max(1, repeat if size < 4000 else 1))
    if "400" in out and "4000" in out:
        out["ratio_4000_over_400"] = {
            name: out["4000"][name] / out["400"][name] for name in ("load", "report", "audit")
        }
    return out


def _one_size(path: Path, runs: int) -> dict[str, float]:
    data = sakip.io.load(path)
    return paired(
        {
            "load": lambda: sakip.io.load(path),
            "report": lambda: build_report(data),
            "audit": lambda: audit(data),
            "json.load": lambda: json.loads(path.read_text(encoding="utf-8")),
        },
        runs,
    )


def _cpu_seconds() -> float:
    """Processor time of this process and of its children that have ended (user + system)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def part_agencies(agencies: int, folder: Path) -> dict[str, Any]:
    """The folder reported in one process (``jobs=1``), then in the default pool of processes.

    The load average before the run is recorded: the machine may be shared. So is the
    processor time each run took, its workers' included, which depends less on the load.
    """
    data = folder / "instansi"
    national.write_folder(data, agencies, 40)
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    out: dict[str, Any] = {"agencies": agencies, "load_average": load_average}
    for name, jobs in (("one_process", 1), ("pool", None)):
        start, cpu = time.perf_counter(), _cpu_seconds()
        written, failed = write_reports(data, folder / f"laporan-{name}", jobs=jobs)
        out[f"{name}_s"] = time.perf_counter() - start
        out[f"{name}_cpu_s"] = _cpu_seconds() - cpu  # the workers' too, once they have ended
        out["files"], out["failed"] = len(written), len(failed)
    out["jobs"] = getattr(os, "process_cpu_count", os.cpu_count)()
    same = [
        (folder / "laporan-one_process" / path.name).read_bytes() == path.read_bytes()
        for path in (folder / "laporan-pool").iterdir()
    ]
    out["same_files"] = all(same) and len(same) == out["files"]
    return out


def part_import() -> dict[str, Any]:
    code = (
        "import sys, time; s = time.perf_counter(); import sakip; "
        "e = time.perf_counter() - s; "
        f"print(e, [m for m in {HEAVY!r} if m in sys.modules])"
    )
    runs = []
    loaded: list[str] = []
    for _ in range(15):  # fresh interpreters; the median of 15 stands up to a loaded machine
        output = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split(" ", 1)
        runs.append(float(output[0]))
        loaded = json.loads(output[1].replace("'", '"'))
    return {"seconds": statistics.median(runs), "heavy_modules_loaded": loaded}


# --- output -------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    lines = []
    for part, figures in results.items():
        lines.append(f"## {part}")
        for key, value in figures.items():
            if isinstance(value, dict):
                shown = ", ".join(f"{k} {_fmt(v)}" for k, v in value.items())
                lines.append(f"  {key}: {shown}")
            else:
                lines.append(f"  {key}: {_fmt(value)}")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--parts",
        nargs="+",
        default=["batch", "tables", "scalar", "scale", "agencies", "import"],
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each method")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows for the batch part")
    parser.add_argument("--agencies", type=int, default=550)
    parser.add_argument("--calls", type=int, default=20_000, help="calls for the scalar part")
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 400, 4000])
    parser.add_argument("--no-xlsx", action="store_true", help="skip the XLSX comparison")
    parser.add_argument("--xlsx-repeat", type=int, default=1, help="runs of each XLSX reader")
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "cpus": os.cpu_count(),
        }
    }
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if "batch" in args.parts:
            results["batch"] = part_batch(args.rows, args.repeat)
        if "tables" in args.parts:
            results["tables"] = part_tables(
                args.agencies,
                args.repeat,
                folder,
                xlsx=not args.no_xlsx,
                xlsx_repeat=args.xlsx_repeat,
            )
        if "scalar" in args.parts:
            results["scalar"] = part_scalar(args.calls, args.repeat)
        if "scale" in args.parts:
            results["scale"] = part_scale(args.sizes, args.repeat, folder)
        if "agencies" in args.parts:
            results["agencies"] = part_agencies(args.agencies, folder)
        if "import" in args.parts:
            results["import"] = part_import()
    print(json.dumps(results, indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
