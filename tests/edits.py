"""Datasets changed in one place, for tests that need a variant of an example."""

from __future__ import annotations

import attrs

import sakip


def with_indicator(data: sakip.Dataset, code: str, **changes: object) -> sakip.Dataset:
    """The dataset with one indicator of the plan changed (``attrs.evolve``'s ``changes``)."""

    def changed(indicator: sakip.Indicator) -> sakip.Indicator:
        return attrs.evolve(indicator, **changes) if indicator.code == code else indicator

    goals = [
        attrs.evolve(
            goal,
            indicators=[changed(i) for i in goal.indicators],
            objectives=[
                attrs.evolve(o, indicators=[changed(i) for i in o.indicators])
                for o in goal.objectives
            ],
        )
        for goal in data.plan.goals
    ]
    return attrs.evolve(data, plan=attrs.evolve(data.plan, goals=goals))
