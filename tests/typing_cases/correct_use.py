"""A user's script that ``mypy --strict`` must accept: typical, correct use of the model."""

from decimal import Decimal

import sakip

plan = sakip.StrategicPlan(
    name="Renstra Dinas Sosial 2021-2026",
    start_year=2021,
    end_year=2026,
    goals=[
        sakip.Goal(
            code="T1",
            name="Meningkatnya kesejahteraan sosial",
            indicators=[
                sakip.Indicator(code="IKU-1", name="Persentase PPKS", unit="%"),
                sakip.Indicator(
                    code="IKU-2", name="Angka kemiskinan", unit="%", polarity="negatif"
                ),
            ],
        )
    ],
    indicator_plans=[
        sakip.IndicatorPlan(indicator="IKU-1", targets={2024: 80, 2025: 85}),
        sakip.IndicatorPlan(indicator="IKU-2", targets=[(2024, sakip.TargetRange(8, 9))]),
    ],
)
realization = sakip.Realization(indicator="IKU-1", year=2024, value=Decimal("94.6"))
ratio = sakip.Realization(indicator="IKU-1", year=2024, numerator=3, denominator=4)
line = sakip.BudgetLine(code="1.06", name="Program", ceiling=1_000_000, spent=950_000.5)
target = sakip.Target("94.6")
assert realization.value is not None  # None only for a realization of a level
figure = sakip.achievement(realization=realization.value, target=target)
value: Decimal = figure.value
