"""The strategies sakip's tests share: the public ones of :mod:`sakip.testing`, and two fuzzers.

Test modules import from here so that the public strategies are the ones sakip itself is
tested with; only the strategies that make sense for sakip's own tests live here.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from sakip.testing import (
    TARGET_KINDS,
    achievements,
    budget_lines,
    ceilings,
    datasets,
    dates,
    decimals,
    formulas,
    money,
    plans,
    polarities,
    positive_decimals,
    quarterly_money,
    quarters,
    rating_scales,
    tables,
    target_ranges,
    targets,
    years,
)

__all__ = [
    "TARGET_KINDS",
    "TARGET_TEXTS",
    "achievements",
    "batch_numbers",
    "budget_lines",
    "ceilings",
    "datasets",
    "dates",
    "decimals",
    "formulas",
    "money",
    "number_texts",
    "plans",
    "polarities",
    "positive_decimals",
    "quarterly_money",
    "quarters",
    "rating_scales",
    "tables",
    "target_ranges",
    "targets",
    "years",
]

TARGET_TEXTS = [
    "",
    "94,6",
    "94.6",
    "1.234,5",
    "1,234.5",
    "13.773",
    "0",
    "60 - 85",
    "90 s.d. 80",
    "60,5 s.d. 85",
    "≥ 80",
    "-5",
    "x",
    "9" * 45,
]
"""Target cells as a table writes them: both notations, ranges, a comparator, bad texts."""

number_texts = st.one_of(
    st.text(),
    st.text(alphabet="0123456789.,-−+()% RpIDRrp\u00a0\u2009\u202f", max_size=24),
)
"""Arbitrary text, and text made of what numbers in reports are made of (for fuzzing)."""


@st.composite
def batch_numbers(draw: st.DrawFn) -> float | Decimal | int:
    """A cell of a realization or target column: a float (4 places at most), Decimal or int."""
    value = draw(st.one_of(st.just(Decimal(0)), decimals(min_value=-1000, max_value=10**6)))
    kind = draw(st.sampled_from(["float", "decimal", "int"]))
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    return value
