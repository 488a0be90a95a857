"""A seeded generator of SAKIP data at any size: one agency's data file, or the national table.

- :func:`dataset` builds one agency's :class:`sakip.Dataset` with ``indicators`` indicators:
  a six-year plan (2021-2026) with targets, yearly realizations 2021-2024 and the four
  quarters of 2024, a performance agreement per year, budget lines and stated figures.
- :func:`national_rows` builds the national table: ``agencies`` regional governments ×
  ``indicators`` indicators × six years, plus the four quarters of the latest year, as
  agencies type them (one or two decimals, both polarities, some ranges, some zero targets,
  some missing cells).

Run it to write files::

    uv run python benchmarks/national.py --agencies 550 --output national.csv
    uv run python benchmarks/national.py --indicators 4000 --output dataset.json
    uv run python benchmarks/national.py --agencies 550 --indicators 40 --folder DIR
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import sakip
import sakip.io

SEED = 20_250_331
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
PLAN_YEARS = (2021, 2022, 2023, 2024, 2025, 2026)
HEADER = (
    "Instansi",
    "Kode",
    "Indikator",
    "Satuan",
    "Polaritas",
    "Tahun",
    "Triwulan",
    "Target",
    "Realisasi",
)


def _typed(rng: random.Random, low: float, high: float) -> Decimal:
    """A number with one or two decimals, as agencies type them."""
    places = rng.choice((1, 2))
    return Decimal(str(round(rng.uniform(low, high), places)))


def dataset(indicators: int, *, seed: int = SEED, name: str = "Dinas Contoh") -> sakip.Dataset:
    """One agency's dataset with ``indicators`` indicators (ten per objective)."""
    rng = random.Random(f"{seed}-{name}-{indicators}")
    objectives = []
    plans = []
    realizations = []
    lines = []
    stated = []
    pk_targets: dict[int, list[tuple[str, Decimal]]] = {year: [] for year in PLAN_YEARS}
    for number in range(indicators):
        code = f"IK-{number + 1}"
        negative = rng.random() < 0.2
        ratio = rng.random() < 0.3
        indicator = sakip.Indicator(
            code=code,
            name=f"Indikator {number + 1}",
            unit="%",
            polarity="negative" if negative else "positive",
            aggregation="ratio" if ratio else "last",
        )
        if number % 10 == 0:
            objectives.append({"code": f"S{number // 10 + 1}", "indicators": []})
        objectives[-1]["indicators"].append(indicator)
        base = _typed(rng, 40, 90)
        step = _typed(rng, 0.5, 2)
        targets = {year: base + step * (year - 2020) for year in PLAN_YEARS}
        plans.append(
            sakip.IndicatorPlan(
                indicator=code,
                baseline=base,
                baseline_year=2020,
                targets=targets,
                end_target=targets[2026],
            )
        )
        for year in (2021, 2022, 2023, 2024):
            pk_targets[year].append((code, targets[year]))
            value = _typed(rng, float(base) - 5, float(base) + 15)
            if ratio:
                denominator = Decimal(rng.randint(1000, 20000))
                numerator = (denominator * value / 100).quantize(Decimal(1))
                realizations.append(
                    sakip.Realization(
                        indicator=code,
                        year=year,
                        value=value,
                        numerator=numerator,
                        denominator=denominator,
                    )
                )
            else:
                realizations.append(sakip.Realization(indicator=code, year=year, value=value))
        realizations.extend(
            sakip.Realization(
                indicator=code, year=2024, quarter=quarter, value=_typed(rng, 20, 99)
            )
            for quarter in (1, 2, 3, 4)
        )
        ceiling = Decimal(rng.randint(10_000_000, 900_000_000))
        lines.append(
            sakip.BudgetLine(
                code=f"1.06.{number + 1:04d}",
                name=f"Program {number + 1}",
                ceiling=ceiling,
                spent=(ceiling * Decimal(rng.uniform(0.6, 1))).quantize(Decimal(1)),
                indicators=(code,),
            )
        )
        stated.append(
            sakip.StatedFigure(
                kind="achievement",
                stated="101,1",
                indicator=code,
                year=2024,
                location=f"Tabel 3.{number + 1}",
            )
        )
    goal = sakip.Goal(
        code="T1",
        name="Tujuan",
        objectives=[
            sakip.Objective(
                code=o["code"], name=f"Sasaran {o['code']}", indicators=o["indicators"]
            )
            for o in objectives
        ],
    )
    plan = sakip.StrategicPlan(
        name=f"Renstra {name} 2021-2026",
        start_year=2021,
        end_year=2026,
        goals=[goal],
        indicator_plans=plans,
    )
    agreements = [
        sakip.PerformanceAgreement(year=year, targets=pk_targets[year])
        for year in (2021, 2022, 2023, 2024)
    ]
    return sakip.Dataset(
        agency=sakip.Agency(name=name),
        plan=plan,
        realizations=realizations,
        budget=lines,
        agreements=agreements,
        stated=stated,
    )


def _id(value: Decimal) -> str:
    """Indonesian notation, as a spreadsheet exported in Indonesia writes it."""
    return format(value, "f").replace(".", ",")


def national_rows(
    agencies: int = 550, indicators: int = 40, *, seed: int = SEED
) -> Iterator[tuple[object, ...]]:
    """The national table's rows (header first): agencies × indicators × years + quarters.

    About 1 % of targets are 0 (half of those met by a 0 realization), 5 % are ranges, 1 % of
    realizations are missing, a fifth of the indicators are negative.
    """
    rng = random.Random(seed)
    yield HEADER
    for agency in range(agencies):
        name = f"Pemda {agency + 1:03d}"
        for number in range(indicators):
            code = f"IK-{number + 1}"
            negative = number % 5 == 4
            polarity = "negatif" if negative else "positif"
            label = f"Indikator {number + 1}"
            for year in YEARS:
                for quarter in (None, 1, 2, 3, 4) if year == YEARS[-1] else (None,):
                    draw = rng.random()
                    realization = _typed(rng, 30, 110)
                    if draw < 0.01:
                        target = "0"
                        realization = Decimal(0) if draw < 0.005 else realization
                    elif draw < 0.06:
                        low = _typed(rng, 40, 80)
                        target = f"{_id(low)} - {_id(low + 10)}"
                    else:
                        target = _id(_typed(rng, 40, 100))
                    shown = "" if rng.random() < 0.01 else _id(realization)
                    yield (
                        name,
                        code,
                        label,
                        "%",
                        polarity,
                        year,
                        "" if quarter is None else quarter,
                        target,
                        shown,
                    )


def write_csv(path: Path, agencies: int, indicators: int, *, seed: int = SEED) -> int:
    """Write the national table as a semicolon-delimited CSV; returns the body's row count."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, delimiter=";")
        count = -1
        for row in national_rows(agencies, indicators, seed=seed):
            writer.writerow(row)
            count += 1
    return count


def write_folder(folder: Path, agencies: int, indicators: int, *, seed: int = SEED) -> None:
    """One JSON data file per agency in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for agency in range(agencies):
        name = f"Pemda {agency + 1:03d}"
        data = dataset(indicators, seed=seed, name=name)
        sakip.io.save(data, folder / f"pemda-{agency + 1:03d}.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=550)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", type=Path, help="a .csv national table or one data file")
    parser.add_argument("--folder", type=Path, help="a folder of one data file per agency")
    args = parser.parse_args()
    if args.folder is not None:
        write_folder(args.folder, args.agencies, args.indicators, seed=args.seed)
    elif args.output is not None and args.output.suffix == ".csv":
        print(write_csv(args.output, args.agencies, args.indicators, seed=args.seed), "rows")
    elif args.output is not None:
        sakip.io.save(dataset(args.indicators, seed=args.seed), args.output)
    else:
        parser.error("give --output or --folder")


if __name__ == "__main__":
    main()
