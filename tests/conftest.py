"""Fixtures shared by the test modules."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

import sakip

# Speed is measured in benchmarks/, never asserted in a test: Hypothesis's per-example deadline
# would be a wall-clock assertion that fails on a slow or busy machine.
settings.register_profile("sakip", deadline=None)
# Fewer examples, for the extra interpreters CI runs the suite on: the full run is on one.
settings.register_profile("quick", deadline=None, max_examples=10)
settings.load_profile(os.environ.get("SAKIP_HYPOTHESIS_PROFILE", "sakip"))


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
