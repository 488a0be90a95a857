"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
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


@st.composite
def achievements(draw: st.DrawFn) -> sakip.Achievement:
    """Achievements of positive realizations against positive targets, either polarity."""
    return sakip.achievement(
        realization=draw(positive_decimals(max_value=10**6)),
        target=draw(positive_decimals(max_value=10**6)),
        polarity=draw(polarities),
    )


# --- periods and budget -------------------------------------------------------------------

years = st.integers(min_value=1990, max_value=2100)
quarters = st.builds(sakip.Quarter, years, st.integers(min_value=1, max_value=4))
money = decimals(min_value=0, max_value=10**12, places=2)
"""Rupiah amounts, sen included."""
ceilings = decimals(min_value="0.01", max_value=10**12, places=2)
"""Budget ceilings above zero."""
quarterly_money = st.lists(st.one_of(st.none(), money), min_size=4, max_size=4)
"""Four quarters of spending, some possibly not reported (None)."""


# --- data files -----------------------------------------------------------------------------

_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12
).filter(str.strip)
"""Non-empty texts, any script (no lone surrogates, which no file encoding can hold)."""
_maybe_texts = st.none() | _texts
_file_numbers = st.one_of(
    decimals(places=4),
    decimals(min_value=-(10**15), max_value=10**15, places=0),
    st.decimals(allow_nan=False, allow_infinity=False),
)
"""Exact numbers a data file must keep: fractions, whole numbers, any exponent."""
_targets = st.one_of(st.builds(sakip.Target, _file_numbers), target_ranges())


@st.composite
def budget_lines(draw: st.DrawFn, depth: int = 1) -> sakip.BudgetLine:
    """Budget lines, possibly with children; quarters not reported at the end are left out."""
    quarterly = draw(st.lists(st.one_of(st.none(), money), max_size=4))
    while quarterly and quarterly[-1] is None:
        quarterly.pop()
    children = []
    if depth > 0:
        codes = draw(st.lists(_texts, unique=True, max_size=2))
        children = [attrs.evolve(draw(budget_lines(depth=depth - 1)), code=code) for code in codes]
    return sakip.BudgetLine(
        code=draw(_texts),
        name=draw(_texts),
        level=draw(st.sampled_from(list(sakip.BudgetLevel))),
        funding_source=draw(st.sampled_from(list(sakip.FundingSource))),
        ceiling=draw(ceilings),
        revised_ceiling=draw(st.none() | ceilings),
        spent=draw(st.none() | money),
        quarterly_spent=quarterly,
        indicators=draw(st.lists(_texts, max_size=2)),
        children=children,
    )


@st.composite
def datasets(draw: st.DrawFn) -> sakip.Dataset:
    """Valid datasets using every part of the model: what a data file must round-trip."""
    codes = draw(st.lists(_texts, min_size=1, max_size=5, unique=True))
    indicators = [
        sakip.Indicator(
            code=code,
            name=draw(_texts),
            unit=draw(_texts),
            polarity=draw(polarities),
            formula=draw(st.none() | st.sampled_from(["direct", "mirror", "inverse"])),
            aggregation=draw(st.sampled_from(list(sakip.Aggregation))),
            cumulative=draw(st.booleans()),
            description=draw(_maybe_texts),
            data_source=draw(_maybe_texts),
        )
        for code in codes
    ]
    split = draw(st.integers(min_value=0, max_value=len(indicators)))
    objective = sakip.Objective(code="S1", name=draw(_texts), indicators=indicators[split:])
    goal = sakip.Goal(
        code="T1",
        name=draw(_texts),
        indicators=indicators[:split],
        objectives=[objective] if draw(st.booleans()) or split < len(indicators) else [],
    )
    start = draw(st.integers(min_value=1990, max_value=2090))
    end = start + draw(st.integers(min_value=0, max_value=5))
    plan_years = st.integers(min_value=start, max_value=end)
    plans = [
        sakip.IndicatorPlan(
            indicator=code,
            baseline=draw(st.none() | _file_numbers),
            baseline_year=draw(st.none() | st.integers(min_value=1900, max_value=start)),
            targets=draw(st.dictionaries(plan_years, _targets, max_size=3)),
            end_target=draw(st.none() | _targets),
        )
        for code in draw(st.lists(st.sampled_from(codes), unique=True))
    ]
    plan = sakip.StrategicPlan(
        name=draw(_texts),
        start_year=start,
        end_year=end,
        goals=[goal],
        indicator_plans=plans,
        vision=draw(_maybe_texts),
        missions=draw(st.lists(_texts, max_size=2)),
    )
    code_of = st.sampled_from(codes)
    realizations = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        ratio = draw(st.booleans())
        realizations.append(
            sakip.Realization(
                indicator=draw(code_of),
                year=draw(plan_years),
                value=draw(_file_numbers),
                quarter=draw(st.none() | st.integers(min_value=1, max_value=4)),
                numerator=draw(_file_numbers) if ratio else None,
                denominator=draw(_file_numbers) if ratio else None,
            )
        )
    agreements = [
        sakip.PerformanceAgreement(
            year=year,
            targets=draw(st.dictionaries(code_of, _targets, min_size=1, max_size=3)),
            budget=draw(st.lists(budget_lines(depth=0), max_size=1)),
            signed_on=draw(st.none() | st.dates()),
            signatory=draw(_maybe_texts),
        )
        for year in draw(st.lists(plan_years, unique=True, max_size=2))
    ]
    standards = [
        sakip.NationalStandard(
            indicator=draw(code_of),
            value=draw(_targets),
            source=draw(_texts),
            year=draw(st.none() | plan_years),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    stated = [
        sakip.StatedFigure(
            kind=draw(st.sampled_from(["achievement", "percentage", "sum", "gap", "claim"])),
            stated=draw(_texts),
            location=draw(_maybe_texts),
            indicator=draw(st.none() | code_of),
            year=draw(st.none() | plan_years),
            operands=draw(st.lists(_file_numbers, max_size=4)),
            claim=draw(_maybe_texts),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    return sakip.Dataset(
        agency=sakip.Agency(
            name=draw(_texts),
            level=draw(st.sampled_from(list(sakip.AgencyLevel))),
            region=draw(_maybe_texts),
        ),
        plan=plan,
        realizations=realizations,
        budget=draw(st.lists(budget_lines(), max_size=2)),
        agreements=agreements,
        standards=standards,
        stated=stated,
    )


# --- locale and batch ------------------------------------------------------------------------

number_texts = st.one_of(
    st.text(),
    st.text(alphabet="0123456789.,-−+()% RpIDRrp\u00a0\u2009\u202f", max_size=24),
)
"""Arbitrary text, and text made of what numbers in reports are made of."""

dates = st.dates(min_value=datetime.date(1000, 1, 1))
"""Dates with four-digit years, as reports print them."""


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
