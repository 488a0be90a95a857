"""Hypothesis strategies for testing your own code against sakip (the ``sakip[testing]`` extra).

Each strategy draws what real SAKIP data holds and says, in its docstring, what sakip
guarantees for what it draws; a tool that computes the same figures can assert the same
invariants against its own implementation. sakip's own test suite uses these strategies.

Targets of every kind come from :data:`TARGET_KINDS`, one entry per kind, so a strategy that
draws targets, plans or datasets draws every kind sakip knows.

>>> from hypothesis import given, settings
>>> from sakip.testing import on_target, targets
>>> @settings(max_examples=20)
... @given(targets())
... def test_a_target_met_exactly_scores_100(target):
...     assert sakip.achievement(realization=on_target(target), target=target).percent == 100
>>> test_a_target_met_exactly_scores_100()

Needs Hypothesis (``pip install "sakip[testing]"``); :func:`data_frames` also needs pandas.
``import sakip`` does not import this module.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, cast

import attrs

from sakip._optional import require

require("hypothesis", "property-test strategies")

from hypothesis import strategies as st  # noqa: E402 - only once the extra is known present

from sakip.achievement import (  # noqa: E402
    FORMULAS,
    LEVEL_FORMULAS,
    Achievement,
    AchievementFormula,
    achievement,
)
from sakip.audit import CHECKS  # noqa: E402
from sakip.io.tables import TableRow  # noqa: E402
from sakip.levels import LEVEL_SCALES, LevelScale  # noqa: E402
from sakip.locale import format_number  # noqa: E402
from sakip.model import (  # noqa: E402
    Agency,
    AgencyLevel,
    Aggregation,
    AuthorAnalysis,
    BudgetLevel,
    BudgetLine,
    CascadeItem,
    Claim,
    Comparator,
    ComparatorTarget,
    Dataset,
    FundingSource,
    Goal,
    Indicator,
    IndicatorPlan,
    LevelTarget,
    NationalStandard,
    Objective,
    PerformanceAgreement,
    PeriodBasis,
    PeriodTarget,
    Polarity,
    Realization,
    Settings,
    StatedFigure,
    StrategicPlan,
    Target,
    TargetLike,
    TargetRange,
    code_key,
)
from sakip.periods import Quarter  # noqa: E402
from sakip.rules import EvidenceGrade, Source  # noqa: E402
from sakip.scales import Band, RatingScale  # noqa: E402

if TYPE_CHECKING:
    import pandas


__all__ = [
    "TARGET_KINDS",
    "achievements",
    "analyses",
    "budget_lines",
    "cascades",
    "ceilings",
    "comparators",
    "data_frames",
    "datasets",
    "dates",
    "decimals",
    "formulas",
    "indicators",
    "level_scales",
    "levels_of",
    "money",
    "number_texts",
    "numbers",
    "on_target",
    "period_targets",
    "pers",
    "plans",
    "polarities",
    "positive_decimals",
    "quarterly_money",
    "quarters",
    "rating_scales",
    "settings",
    "tables",
    "target_ranges",
    "targets",
    "targets_for",
    "texts",
    "years",
]

# --- numbers --------------------------------------------------------------------------------


def decimals(
    min_value: int | str = -(10**9), max_value: int | str = 10**9, places: int = 4
) -> st.SearchStrategy[Decimal]:
    """Finite decimals with at most ``places`` decimal places, as reports write them.

    sakip computes with them exactly: no result depends on the caller's decimal context.
    """
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def positive_decimals(max_value: int | str = 10**9, places: int = 4) -> st.SearchStrategy[Decimal]:
    """Decimals above zero, with at most ``places`` places."""
    smallest = Decimal(1).scaleb(-places)
    return decimals(min_value=str(smallest), max_value=max_value, places=places)


def numbers(
    min_value: int | str = -(10**9), max_value: int | str = 10**9, places: int = 4
) -> st.SearchStrategy[int | Decimal | str | float]:
    """A number as a caller passes it: ``int``, ``Decimal``, Python-notation text or ``float``.

    Every sakip function reads all four as the same exact value (a float through its
    shortest repr, so ``94.6`` is ``Decimal("94.6")``).
    """
    exact = decimals(min_value, max_value, places)
    return st.one_of(
        exact,
        exact.map(str),
        exact.map(float),
        st.integers(min_value=int(Decimal(min_value)), max_value=int(Decimal(max_value))),
    )


def number_texts(
    lang: str = "id", values: st.SearchStrategy[Decimal] | None = None
) -> st.SearchStrategy[tuple[str, Decimal]]:
    """A number printed in Indonesian (``"13.773,5"``) or English (``"13,773.5"``) notation.

    Draws ``(text, value)``. sakip guarantees ``parse_number(text) == value`` for ``"id"``
    and ``parse_number(text, decimal=".") == value`` for ``"en"``: parse(format(x)) == x.
    """
    drawn = decimals(places=6) if values is None else values
    return drawn.map(lambda value: (format_number(value, lang=lang), value))


years = st.integers(min_value=1990, max_value=2100)
"""Fiscal years."""
quarters = st.builds(Quarter, years, st.integers(min_value=1, max_value=4))
"""Quarters (triwulan) of those years."""
dates = st.dates(min_value=datetime.date(1000, 1, 1))
"""Dates with four-digit years, as reports print them; parse_date(format_date(d)) == d."""
money = decimals(min_value=0, max_value=10**12, places=2)
"""Rupiah amounts, sen included."""
ceilings = decimals(min_value="0.01", max_value=10**12, places=2)
"""Budget ceilings above zero, against which absorption is always computable."""
quarterly_money = st.lists(st.one_of(st.none(), money), min_size=4, max_size=4)
"""Four quarters of spending, some possibly not reported (``None``, never read as zero)."""

texts = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12).filter(str.strip)
"""Non-empty texts in any script (no lone surrogates, which no file encoding can hold)."""
_maybe_texts = st.none() | texts
_file_numbers = st.one_of(
    decimals(places=4),
    decimals(min_value=-(10**15), max_value=10**15, places=0),
    st.decimals(allow_nan=False, allow_infinity=False),
)
"""Exact numbers a data file must keep: fractions, whole numbers, any exponent."""

# --- rules ----------------------------------------------------------------------------------

polarities = st.sampled_from(list(Polarity))
"""Positive and negative polarity."""


def formulas(polarity: Polarity | str | None = None) -> st.SearchStrategy[AchievementFormula]:
    """The registered achievement formulas, or those serving one polarity."""
    wanted = None if polarity is None else Polarity.parse(polarity, "polarity")
    return st.sampled_from([f for f in FORMULAS if wanted is None or f.polarity is wanted])


@st.composite
def rating_scales(draw: st.DrawFn) -> RatingScale:
    """Valid scales: sorted distinct cut points, each shared bound in exactly one band.

    sakip guarantees that every value lands in exactly one band, and that the band never
    falls as the value rises.
    """
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
        source=Source(reference="generated", grade=EvidenceGrade.POLICY),
    )


# --- targets --------------------------------------------------------------------------------

_BUILT_IN = ("opini-bpk", "sakip-predicate", "akreditasi", "akreditasi-rumah-sakit")


def _plain_targets(values: st.SearchStrategy[Decimal]) -> st.SearchStrategy[TargetLike]:
    return st.builds(Target, values)


@st.composite
def _ranges(draw: st.DrawFn, values: st.SearchStrategy[Decimal]) -> TargetLike:
    low, high = sorted((draw(values), draw(values)))
    return TargetRange(low, high)


comparators = st.sampled_from(list(Comparator))
"""Each of the four comparators (``≥``, ``>``, ``≤`` and ``<``)."""


def _comparator_targets(values: st.SearchStrategy[Decimal]) -> st.SearchStrategy[TargetLike]:
    return st.builds(ComparatorTarget, comparators, values)


level_scales = st.sampled_from([scale for scale in LEVEL_SCALES if scale.name in _BUILT_IN])
"""The built-in level scales (Opini BPK, the SAKIP predicate, the accreditations)."""


def levels_of(scale: LevelScale) -> st.SearchStrategy[str]:
    """The levels of a scale, as it prints them or in another spelling it knows."""
    return st.sampled_from([*scale.levels, *scale.aliases])


@st.composite
def _level_targets(draw: st.DrawFn, values: st.SearchStrategy[Decimal]) -> TargetLike:
    scale = draw(level_scales)  # a level has no number: ``values`` has no part in it
    return LevelTarget(draw(levels_of(scale)), scale)


TARGET_KINDS: dict[str, Callable[[st.SearchStrategy[Decimal]], st.SearchStrategy[TargetLike]]] = {
    "plain": _plain_targets,
    "range": _ranges,
    "comparator": _comparator_targets,
    "level": _level_targets,
}
"""Every kind of target sakip knows, by name, each turning a strategy of numbers into targets.

A new kind of target joins :func:`targets`, :func:`plans` and :func:`datasets` by an entry
here.
"""


def targets(
    *kinds: str, values: st.SearchStrategy[Decimal] | None = None
) -> st.SearchStrategy[TargetLike]:
    """Targets of the named kinds (every kind in :data:`TARGET_KINDS` by default).

    Args:
        kinds: Names from :data:`TARGET_KINDS` ("plain", "range", "comparator", "level").
        values: The numbers in them; positive decimals by default.

    sakip guarantees, for the realization :func:`on_target` gives: it scores 100 against
    a plain target for every polarity and formula (100,00 printed; ``met``), inside a range,
    on a comparator's bound (the comparator's polarity, ``met`` unless it is strict: ``>``
    and ``<``) and on a level target (either level rule, ``met``).
    """
    chosen = kinds or tuple(TARGET_KINDS)
    unknown = [kind for kind in chosen if kind not in TARGET_KINDS]
    if unknown:
        from sakip.exceptions import InvalidValueError  # noqa: PLC0415 - error path only

        raise InvalidValueError("kinds", unknown, f"names from {', '.join(TARGET_KINDS)}")
    numbers_in = positive_decimals(max_value=10**6) if values is None else values
    return st.one_of([TARGET_KINDS[kind](numbers_in) for kind in chosen])


def on_target(target: TargetLike) -> Decimal | str:
    """The realization that sits on ``target``.

    A plain target's value, a range's low bound, a comparator's bound, or the target level.

    >>> on_target(sakip.parse_target("≥ 80")), on_target(sakip.parse_target("60 s.d. 85"))
    (Decimal('80'), Decimal('60'))
    """
    if isinstance(target, Target):
        return target.value
    if isinstance(target, TargetRange):
        return target.low
    if isinstance(target, ComparatorTarget):
        return target.bound
    return target.level


@st.composite
def target_ranges(draw: st.DrawFn) -> TargetRange:
    """Ranges with a positive low bound; 100 inside, the nearer bound's formula outside."""
    low = draw(positive_decimals(max_value=10**6))
    width = draw(decimals(min_value=0, max_value=10**6))
    return TargetRange(low, low + width)


@st.composite
def achievements(draw: st.DrawFn) -> Achievement:
    """Achievements of positive realizations against positive targets, either polarity.

    Ratings never fall as achievement rises: ``classify`` of a larger printed figure is the
    same band or a higher one.
    """
    return achievement(
        realization=draw(positive_decimals(max_value=10**6)),
        target=draw(positive_decimals(max_value=10**6)),
        polarity=draw(polarities),
    )


# --- the plan and the data ------------------------------------------------------------------

# copy_abs, unlike abs(), ignores the caller's decimal context.
_file_positive = _file_numbers.map(Decimal.copy_abs)
# Numbers and ranges: the targets of a cascade's indicators and of periods (never levels).
_file_targets = targets("plain", "range", values=_file_positive)


def targets_for(
    indicator: Indicator, values: st.SearchStrategy[Decimal] | None = None
) -> st.SearchStrategy[TargetLike]:
    """Targets the indicator can be measured against, of every kind that fits it.

    A level of its scale for an indicator measured in levels; otherwise a number, a range
    or a comparator of the indicator's polarity (the model refuses one that contradicts it).
    """
    if values is None:  # the common case, drawn for every plan line: built once per kind
        key = indicator.levels or indicator.polarity
        found = _FITTING.get(key)
        if found is None:
            found = _FITTING[key] = _fitting(indicator, _file_positive)
        return found
    return _fitting(indicator, values)


_FITTING: dict[LevelScale | Polarity, st.SearchStrategy[TargetLike]] = {}


def _fitting(
    indicator: Indicator, numbers_in: st.SearchStrategy[Decimal]
) -> st.SearchStrategy[TargetLike]:
    scale = indicator.levels
    if scale is not None:
        return levels_of(scale).map(lambda level: LevelTarget(level, scale))
    wanted = [c for c in Comparator if c.polarity is indicator.polarity]
    return st.one_of(
        _plain_targets(numbers_in),
        _ranges(numbers_in),
        st.builds(ComparatorTarget, st.sampled_from(wanted), numbers_in),
    )


@st.composite
def indicators(draw: st.DrawFn, code: str | None = None) -> Indicator:
    """Valid indicators of either polarity, with any registered formula that fits it.

    One in five or so is measured in levels (a built-in scale, either level rule).
    """
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        return Indicator(
            code=draw(texts) if code is None else code,
            name=draw(texts),
            unit=draw(texts),
            formula=draw(st.none() | st.sampled_from([f.name for f in LEVEL_FORMULAS])),
            levels=draw(level_scales),
            description=draw(_maybe_texts),
            data_source=draw(_maybe_texts),
        )
    polarity = draw(polarities)
    return Indicator(
        code=draw(texts) if code is None else code,
        name=draw(texts),
        unit=draw(texts),
        polarity=polarity,
        formula=draw(st.none() | formulas(polarity).map(lambda f: f.name)),
        aggregation=draw(st.sampled_from(list(Aggregation))),
        cumulative=draw(st.booleans()),
        description=draw(_maybe_texts),
        data_source=draw(_maybe_texts),
        per=draw(pers),
        scale=draw(_report_scales),
        cap=draw(_caps),
        places=draw(_places),
        period_basis=draw(st.none() | st.sampled_from(list(PeriodBasis))),
    )


pers = st.sampled_from([Decimal(100), Decimal(1000), Decimal(100000)]) | decimals(
    min_value="0.0001", max_value=10**6, places=4
)
"""Multipliers per N of an indicator (the usual 100, 1.000 and 100.000, or any positive one)."""

# Scales that rate any achievement (the SAKIP predicate stops at 100), so that every generated
# dataset still makes a report; caps as bodies set them, or any positive figure.
_report_scales = st.sampled_from([None, "permendagri-86-2017", "permendagri-86-2017-baik"])
_caps = st.none() | st.sampled_from([Decimal(100), Decimal(120)]) | positive_decimals(10**4, 2)
_places = st.none() | st.integers(min_value=0, max_value=6)


@st.composite
def settings(draw: st.DrawFn) -> Settings:
    """Settings of a dataset (:class:`~sakip.Settings`) that every report can use."""
    return Settings(
        scale=draw(_report_scales),
        formula=draw(st.sampled_from([None, "direct", "mirror", "inverse"])),
        cap=draw(_caps),
        efficiency=draw(st.sampled_from([None, "difference", "share", "unspent"])),
        data_source=draw(_maybe_texts),
        places=draw(_places),
    )


"""Kinds of stated figures a generated dataset names (a data file keeps any kind)."""


def _agreement(
    draw: st.DrawFn, year: int, plan: StrategicPlan, codes: list[str]
) -> PerformanceAgreement:
    """A PK of the year, each target fitting its indicator, revised (PK-P) for some or none."""
    targets = {code: draw(targets_for(plan.indicator(code))) for code in codes}
    revised = draw(st.lists(st.sampled_from(codes), unique=True, max_size=2))
    return PerformanceAgreement(
        year=year,
        targets=targets,
        budget=draw(st.lists(budget_lines(depth=0), max_size=1)),
        signed_on=draw(st.none() | st.dates()),
        signatory=draw(_maybe_texts),
        revised_targets={code: draw(targets_for(plan.indicator(code))) for code in revised},
        revised_on=draw(st.none() | st.dates()),
    )


@st.composite
def budget_lines(draw: st.DrawFn, depth: int = 1) -> BudgetLine:
    """Budget lines, possibly with children; quarters not reported at the end are left out."""
    quarterly = draw(st.lists(st.one_of(st.none(), money), max_size=4))
    while quarterly and quarterly[-1] is None:
        quarterly.pop()
    children = []
    if depth > 0:
        codes = draw(st.lists(texts, unique=True, max_size=2))
        children = [attrs.evolve(draw(budget_lines(depth=depth - 1)), code=code) for code in codes]
    return BudgetLine(
        code=draw(texts),
        name=draw(texts),
        level=draw(st.sampled_from(list(BudgetLevel))),
        funding_source=draw(st.sampled_from(list(FundingSource))),
        ceiling=draw(ceilings),
        revised_ceiling=draw(st.none() | ceilings),
        spent=draw(st.none() | money),
        quarterly_spent=quarterly,
        indicators=draw(st.lists(texts, max_size=2)),
        children=children,
    )


@st.composite
def plans(draw: st.DrawFn, codes: Sequence[str] | None = None) -> StrategicPlan:
    """Valid strategic plans (Renstra): one goal, its indicators, targets of every kind.

    Every target year lies in the plan's period; every indicator plan names an indicator.
    """
    chosen = (
        draw(st.lists(texts, min_size=1, max_size=5, unique_by=code_key))  # codes compare so
        if codes is None
        else codes
    )
    found = [draw(indicators(code=code)) for code in chosen]
    split = draw(st.integers(min_value=0, max_value=len(found)))
    objective = Objective(code="S1", name=draw(texts), indicators=found[split:])
    goal = Goal(
        code="T1",
        name=draw(texts),
        indicators=found[:split],
        objectives=[objective] if draw(st.booleans()) or split < len(found) else [],
    )
    start = draw(st.integers(min_value=1990, max_value=2090))
    end = start + draw(st.integers(min_value=0, max_value=5))
    plan_years = st.integers(min_value=start, max_value=end)
    by_code = {indicator.code: indicator for indicator in found}
    indicator_plans = [
        IndicatorPlan(
            indicator=code,
            baseline=draw(st.none() | _file_numbers),
            baseline_year=draw(st.none() | st.integers(min_value=1900, max_value=start)),
            targets=draw(st.dictionaries(plan_years, targets_for(by_code[code]), max_size=3)),
            end_target=draw(st.none() | targets_for(by_code[code])),
        )
        for code in draw(st.lists(st.sampled_from(list(chosen)), unique=True))
    ]
    return StrategicPlan(
        name=draw(texts),
        start_year=start,
        end_year=end,
        goals=[goal],
        indicator_plans=indicator_plans,
        vision=draw(_maybe_texts),
        missions=draw(st.lists(texts, max_size=2)),
    )


# A period below the year as (quarter, month): a quarter, or a month.
_sub_period_numbers = st.one_of(
    st.tuples(st.integers(min_value=1, max_value=4), st.none()),
    st.tuples(st.none(), st.integers(min_value=1, max_value=12)),
)
# A realization's period: the year (both None), a quarter, or a month.
_period_numbers = st.just((None, None)) | _sub_period_numbers


@st.composite
def period_targets(draw: st.DrawFn, plan: StrategicPlan) -> list[PeriodTarget]:
    """Quarterly and monthly targets of the plan's indicators that declare a period basis.

    sakip guarantees that a :class:`~sakip.Dataset` accepts them, one per indicator and
    period, and that :func:`sakip.monitoring` computes every figure from them or says why not.
    """
    declared = [i.code for i in plan.indicators if i.period_basis is not None and i.levels is None]
    if not declared:
        return []
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(declared),
                st.integers(min_value=plan.start_year, max_value=plan.end_year),
                _sub_period_numbers,
            ),
            max_size=2,
            unique=True,
        )
    )
    return [
        PeriodTarget(
            indicator=code, year=year, quarter=quarter, month=month, target=draw(_file_targets)
        )
        for code, year, (quarter, month) in keys
    ]


@st.composite
def cascades(
    draw: st.DrawFn, plan: StrategicPlan, budget: Sequence[BudgetLine] = ()
) -> tuple[CascadeItem, ...]:
    """Valid cascades under a plan: programs, their activities and sub-activities.

    Codes read like budget codes ("P1", "P1.2", "P1.2.1"); some programs serve no objective
    and some activities no program, so the cascade's checks have something to find. Indicator
    codes ("OUT-…") never collide with the plan's; budget links name lines of ``budget``.
    """
    objectives = [objective.code for objective in plan.objectives]
    lines = [line.code for root in budget for line in root.walk()]
    taken = {code_key(indicator.code) for indicator in plan.indicators}
    years = st.integers(min_value=plan.start_year, max_value=plan.end_year)
    counter = iter(range(10**6))

    def item(code: str, level: BudgetLevel, parent: str | None) -> CascadeItem:
        own = [f"OUT-{next(counter)}" for _ in range(draw(st.integers(0, 1)))]
        own = [code for code in own if code_key(code) not in taken]
        return CascadeItem(
            code=code,
            name=draw(texts),
            level=level,
            objectives=(
                draw(st.lists(st.sampled_from(objectives), unique=True, max_size=2))
                if level is BudgetLevel.PROGRAM and objectives
                else ()
            ),
            parent=parent,
            indicators=[
                Indicator(
                    code=own_code,
                    name=draw(texts),
                    unit=draw(texts),
                    polarity=draw(polarities),
                    aggregation=draw(st.sampled_from(list(Aggregation))),
                )
                for own_code in own
            ],
            plans=[
                IndicatorPlan(
                    indicator=own_code,
                    targets=draw(st.dictionaries(years, _file_targets, max_size=2)),
                    end_target=draw(st.none() | _file_targets),
                )
                for own_code in own
                if draw(st.booleans())
            ],
            budget=draw(st.none() | st.sampled_from(lines)) if lines else None,
            unit=draw(_maybe_texts),
        )

    items: list[CascadeItem] = []
    for p in range(draw(st.integers(0, 2))):
        program = item(f"P{p}", BudgetLevel.PROGRAM, None)
        items.append(program)
        for a in range(draw(st.integers(0, 2 if p == 0 else 1))):  # small, but siblings too
            parent = program.code if draw(st.integers(0, 4)) else None  # an orphan now and then
            activity = item(f"P{p}.{a}", BudgetLevel.ACTIVITY, parent)
            items.append(activity)
            items += [
                item(f"P{p}.{a}.{k}", BudgetLevel.SUB_ACTIVITY, activity.code)
                for k in range(draw(st.integers(0, 1)))
            ]
    return tuple(items)


@st.composite
def analyses(
    draw: st.DrawFn, codes: Sequence[str], years: Sequence[int], items: Sequence[str] = ()
) -> tuple[AuthorAnalysis, ...]:
    """Author's analyses of the indicators ``codes``, at most one per indicator and period.

    Each names some of the cascade ``items`` as the programs behind the result.
    """
    found: dict[tuple[str, int, int | None], AuthorAnalysis] = {}
    for _ in range(draw(st.integers(0, 2))):
        code, year = draw(st.sampled_from(list(codes))), draw(st.sampled_from(list(years)))
        quarter = draw(st.none() | st.integers(min_value=1, max_value=4))
        found.setdefault(
            (code, year, quarter),
            AuthorAnalysis(
                indicator=code,
                year=year,
                quarter=quarter,
                supporting=draw(_maybe_texts),
                obstacles=draw(_maybe_texts),
                measures=draw(_maybe_texts),
                follow_up=draw(_maybe_texts),
                programs=draw(st.lists(st.sampled_from(list(items)), max_size=2)) if items else (),
            ),
        )
    return tuple(found.values())


# A figure as a report prints it, in Indonesian notation ("1234", "-12,5").
_printed = st.builds(
    lambda whole, cents: f"{whole},{cents:02d}" if cents else str(whole),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=0, max_value=99),
)


@st.composite
def _stated_figures(
    draw: st.DrawFn,
    code_of: st.SearchStrategy[str],
    years: st.SearchStrategy[int],
    objectives: list[str],
) -> StatedFigure:
    """A stated figure audit() can check: its fields fit its kind (see ``audit.validate``)."""
    check = draw(st.sampled_from(list(CHECKS)))
    kind, location = check.name, draw(_maybe_texts)
    if check.name in _FROM_DATA:
        # read from the data: the indicator, year and quarter say which figure
        return StatedFigure(
            kind=kind,
            stated=draw(_printed),
            location=location,
            indicator=draw(code_of),
            year=draw(years),
            quarter=draw(st.integers(min_value=1, max_value=4))
            if kind != "revised-target"
            else None,
        )
    if check.name == "claim":
        return StatedFigure(
            stated=draw(texts),
            indicator=draw(code_of),
            year=draw(years),
            claim=draw(st.sampled_from(list(Claim))),
            kind=kind,
            location=location,
        )
    if check.name == "achievement" and draw(st.booleans()):
        # no operands: the data's own realization and target of the indicator and year
        return StatedFigure(
            kind=kind,
            stated=draw(_printed),
            location=location,
            indicator=draw(code_of),
            year=draw(years),
        )
    if check.name == "objective-average" and objectives and draw(st.booleans()):
        # no operands: the objective's indicators in the data
        return StatedFigure(
            kind=kind,
            stated=draw(_printed),
            location=location,
            objective=draw(st.sampled_from(objectives)),
            year=draw(years),
        )
    count = check.arity or draw(st.integers(min_value=1, max_value=4))
    indicator = draw(st.none() | code_of)
    return StatedFigure(
        stated=draw(st.sampled_from(_LABELS) if kind == "category" else _printed),
        indicator=indicator,
        year=draw(st.none() | years),
        # spending and a ceiling are money, above zero as every ceiling is
        operands=draw(
            st.lists(
                positive_decimals() if kind in _MONEY else _file_numbers,
                min_size=count,
                max_size=count,
            )
        ),
        # an achievement of no indicator says which way is better itself
        polarity=draw(polarities) if indicator is None and kind == "achievement" else None,
        scale=draw(st.none() | st.just("permendagri-86-2017-baik"))
        if kind == "category"
        else None,
        convention=draw(st.none() | st.sampled_from(["difference", "unspent"]))
        if kind == "efficiency"
        else None,
        kind=kind,
        location=location,
    )


# Kinds read from the data alone (no operands), and kinds whose operands are money.
_FROM_DATA = ("period-realization", "period-achievement", "revised-target")
_MONEY = ("absorption", "unspent")
_quarters = st.integers(min_value=1, max_value=4)
_label_scales = st.none() | st.just("permendagri-86-2017-baik")
_LABELS = ["Sangat Tinggi", "tinggi", "Sedang", "Rendah", "Sangat Baik", "Kurang", "Istimewa"]


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """Valid datasets using every part of the model, the cascade and analyses too.

    sakip guarantees ``load(save(x)) == x`` for each, in TOML, JSON and the workbook
    (``sakip.io.loads_toml(sakip.io.dumps_toml(x)) == x``), with every number exact; and that
    :func:`~sakip.build_report` (given a year when the dataset has no realization) and
    :func:`sakip.audit.audit` never raise for one: one realization per indicator and period,
    a numerator and denominator on every quarter of a ratio indicator, stated figures that
    fit their kind.
    """
    plan = draw(plans())
    codes = [indicator.code for indicator in plan.indicators]
    plan_years = st.integers(min_value=plan.start_year, max_value=plan.end_year)
    code_of = st.sampled_from(codes)
    budget = draw(st.lists(budget_lines(), max_size=2))
    cascade = draw(cascades(plan, budget))
    every_code = codes + [i.code for item in cascade for i in item.indicators]
    # One value per indicator, year and quarter (or the year itself): a second yearly value,
    # or a second value for a quarter, is data no report can be made from (year_value and
    # aggregate refuse it), so a drawn dataset never holds one.
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(every_code),
                plan_years,
                _period_numbers,
            ),
            unique=True,
            max_size=4,
        )
    )
    # a quarter of an indicator aggregated as a ratio carries its numerator and denominator,
    # as aggregate() needs
    by_ratio = {i.code: i.aggregation is Aggregation.RATIO for i in plan.indicators}
    by_ratio |= {i.code: i.aggregation is Aggregation.RATIO for c in cascade for i in c.indicators}
    by_code = {i.code: i for i in plan.indicators}
    by_code |= {i.code: i for item in cascade for i in item.indicators}
    realizations = []
    for code, year, (quarter, month) in keys:
        indicator = by_code[code]
        if indicator.levels is not None:  # a level of its scale, never a number
            level = draw(levels_of(indicator.levels))
            realizations.append(
                Realization(indicator=code, year=year, quarter=quarter, month=month, level=level)
            )
            continue
        ratio = (quarter is not None and by_ratio[code]) or draw(st.booleans())
        denominator = draw(_file_numbers) if ratio else None
        counts_alone = bool(denominator) and draw(st.booleans())  # the value: their rate per N
        realizations.append(
            Realization(
                indicator=code,
                year=year,
                value=None if counts_alone else draw(_file_numbers),
                quarter=quarter,
                numerator=draw(_file_numbers) if ratio else None,
                denominator=denominator,
                month=month,
            )
        )
    agreements = [
        _agreement(draw, year, plan, draw(st.lists(code_of, min_size=1, max_size=3, unique=True)))
        for year in draw(st.lists(plan_years, unique=True, max_size=2))
    ]
    numeric = [indicator for indicator in plan.indicators if indicator.levels is None]
    count = draw(st.integers(min_value=0, max_value=2)) if numeric else 0
    standards = [
        NationalStandard(
            indicator=indicator.code,
            # a numeric indicator's targets are never levels
            value=cast("Target | TargetRange | ComparatorTarget", draw(targets_for(indicator))),
            source=draw(texts),
            year=draw(st.none() | plan_years),
        )
        for indicator in (draw(st.sampled_from(numeric)) for _ in range(count))
    ]
    objective_codes = [objective.code for objective in plan.objectives]
    stated = [
        draw(_stated_figures(code_of, plan_years, objective_codes))
        for _ in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    return Dataset(
        agency=Agency(
            name=draw(texts), level=draw(st.sampled_from(list(AgencyLevel))), region=draw(texts)
        ),
        period_targets=draw(period_targets(plan)),
        plan=plan,
        realizations=realizations,
        budget=budget,
        agreements=agreements,
        standards=standards,
        stated=stated,
        cascade=cascade,
        analyses=draw(analyses(every_code, list(plan.years), [item.code for item in cascade])),
        settings=draw(settings()),
    )


# --- tables and DataFrames ------------------------------------------------------------------

# Codes as agencies write them ("IKU-1"); a cell starting with "-", "=" or "+" is written
# neutralised against spreadsheet formulas, so it does not read back as it was.
_codes = st.from_regex(r"[A-Z][A-Z0-9-]{0,7}", fullmatch=True)
# Two places at most, as tables of figures print them: a CSV cell "1.234" reads as the
# Indonesian 1.234 (one thousand two hundred and thirty-four), never as 1,234.
_table_numbers = decimals(0, 10**6, places=2)


@st.composite
def tables(draw: st.DrawFn, max_rows: int = 10) -> tuple[TableRow, ...]:
    """The rows of a flat table, one indicator and year each, as ``sakip.io`` reads them.

    Figures have at most two decimal places. Targets are numbers, ranges and comparator
    targets (``≥ 80``, with the row's polarity the comparator's); a table has no column for
    a level scale, so no level targets.

    sakip guarantees: ``write_table`` then ``read_table`` gives the rows back (CSV and
    XLSX), and ``sakip.io.evaluate(rows)`` is, row for row, what ``sakip.achievement`` and
    ``sakip.classify`` give for the row's numbers (the bulk paths equal the scalar API).
    """
    keys = draw(st.lists(st.tuples(_codes, years), min_size=1, max_size=max_rows, unique=True))
    rows = []
    for code, year in keys:
        target = draw(st.none() | targets("plain", "range", "comparator", values=_table_numbers))
        # a comparator says the polarity; a row that contradicts it is refused, not drawn
        polarity = target.polarity if isinstance(target, ComparatorTarget) else draw(polarities)
        rows.append(
            TableRow(
                code=code,
                polarity=polarity,
                year=year,
                target=target,
                realization=draw(st.none() | _table_numbers),
            )
        )
    return tuple(rows)


def data_frames(max_rows: int = 10) -> st.SearchStrategy[pandas.DataFrame]:
    """DataFrames of :func:`tables` rows, as ``sakip.io.to_frame`` writes them.

    Needs pandas (the ``sakip[pandas]`` extra), imported when the strategy is made. sakip
    guarantees ``from_frame(frame)`` reads the rows back and ``results_frame(frame)``
    equals the scalar API row for row.
    """
    require("pandas", "DataFrame strategies")
    from sakip.io.frames import to_frame  # noqa: PLC0415 - pandas is optional

    return tables(max_rows=max_rows).map(to_frame)
