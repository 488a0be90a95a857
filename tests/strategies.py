"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

import sakip
from sakip.achievement import FORMULAS
from sakip.scales import Band, RatingScale


def decimals(
    min_value: int | str = -(10**9), max_value: int | str = 10**9, places: int = 4
) -> st.SearchStrategy[Decimal]:
    """Finite decimals with at most ``places`` decimal places, as reports write them."""
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def positive_decimals(max_value: int | str = 10**9, places: int = 4) -> st.SearchStrategy[Decimal]:
    """Decimals above zero."""
    smallest = Decimal(1).scaleb(-places)
    return decimals(min_value=str(smallest), max_value=max_value, places=places)


polarities = st.sampled_from(list(sakip.Polarity))
formulas = st.sampled_from(list(FORMULAS))


@st.composite
def target_ranges(draw: st.DrawFn) -> sakip.TargetRange:
    """Ranges with a positive low bound."""
    low = draw(positive_decimals(max_value=10**6))
    width = draw(decimals(min_value=0, max_value=10**6))
    return sakip.TargetRange(low, low + width)


@st.composite
def rating_scales(draw: st.DrawFn) -> RatingScale:
    """Valid scales: sorted distinct cut points, each shared bound in exactly one band."""
    cuts = sorted(
        draw(st.sets(decimals(min_value=-1000, max_value=1000, places=2), min_size=1, max_size=6))
    )
    upper_closed = draw(st.lists(st.booleans(), min_size=len(cuts), max_size=len(cuts)))
    bands = []
    lower: Decimal | None = None
    lower_closed = False
    for index, cut in enumerate(cuts):
        bands.append(
            Band(
                label=f"band {index}",
                lower=lower,
                lower_closed=lower_closed,
                upper=cut,
                upper_closed=upper_closed[index],
            )
        )
        lower, lower_closed = cut, not upper_closed[index]
    bands.append(Band(label=f"band {len(cuts)}", lower=lower, lower_closed=lower_closed))
    return RatingScale(
        name="generated",
        title="generated",
        bands=bands,
        source=sakip.Source(reference="test", grade=sakip.EvidenceGrade.POLICY),
    )
