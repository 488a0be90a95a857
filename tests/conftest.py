"""Fixtures shared by the test modules."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import sakip

# Speed is measured in benchmarks/, never asserted in a test: Hypothesis's per-example deadline
# would be a wall-clock assertion that fails on a slow or busy machine.
settings.register_profile("sakip", deadline=None)
# Fewer examples, for the extra interpreters CI runs the suite on: the full run is on one.
settings.register_profile("quick", deadline=None, max_examples=10)
settings.load_profile(os.environ.get("SAKIP_HYPOTHESIS_PROFILE", "sakip"))

FUZZ_INPUTS = {"ci": 10_000, "slow": 100_000}
"""Inputs each fuzz test (tests/test_fuzz.py) gives its function: CI's run, ``pytest --slow``."""
FUZZ_BATCH = 50
"""Inputs per Hypothesis example: one example costs far more than one input to draw."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--slow``: the fuzz tests give their functions ten times the inputs CI gives."""
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="run the fuzz tests with 100 000 inputs each instead of 10 000",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``fuzz`` marker and the fuzz profile, before the test modules import."""
    config.addinivalue_line("markers", "fuzz: a Hypothesis fuzz test of a reader or parser")
    run = "slow" if config.getoption("--slow") else "ci"
    settings.register_profile(
        "fuzz",
        parent=settings.get_profile("sakip"),
        max_examples=FUZZ_INPUTS[run] // FUZZ_BATCH,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.fixture
def seed_dataset() -> sakip.Dataset:
    """The seed report's plan (LKjIP 2024, Dinas Sosial Kota Metro), as far as it prints it."""
    ppks = sakip.Indicator(
        code="PPKS", name="Persentase PPKS yang tertangani", unit="%", polarity="positif"
    )
    sakip_score = sakip.Indicator(code="SAKIP", name="Nilai SAKIP", unit="nilai")
    plan = sakip.StrategicPlan(
        name="Renstra Dinas Sosial Kota Metro 2021-2026",
        start_year=2021,
        end_year=2026,
        goals=[
            sakip.Goal(
                code="T1",
                name="Meningkatnya kesejahteraan sosial",
                objectives=[
                    sakip.Objective(
                        code="S1", name="Meningkatnya penanganan PPKS", indicators=[ppks]
                    ),
                    sakip.Objective(
                        code="S2",
                        name="Meningkatnya akuntabilitas kinerja",
                        indicators=[sakip_score],
                    ),
                ],
            )
        ],
        indicator_plans=[
            sakip.IndicatorPlan(
                indicator="PPKS",
                baseline="81.79",
                baseline_year=2020,
                targets={
                    2021: "85.3",
                    2022: "88.4",
                    2023: "91.5",
                    2024: "94.6",
                    2025: "97.7",
                    2026: 100,
                },
            ),
            sakip.IndicatorPlan(indicator="SAKIP", targets={2024: "68.14", 2026: "70.00"}),
        ],
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas Sosial Kota Metro", region="Kota Metro"),
        plan=plan,
        realizations=[
            sakip.Realization(indicator="PPKS", year=2022, value="88.32"),
            sakip.Realization(indicator="PPKS", year=2023, value=93),
            sakip.Realization(
                indicator="PPKS", year=2024, value=95, numerator=13773, denominator=14460
            ),
            sakip.Realization(indicator="SAKIP", year=2024, value="69.16"),
        ],
        agreements=[
            sakip.PerformanceAgreement(year=2024, targets={"PPKS": "94.6", "SAKIP": "68.14"})
        ],
    )
