"""The batch path: many rows at once, row for row the same as the scalar API."""

from __future__ import annotations

import decimal
import sys
from decimal import Decimal as D
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
import sakip.extra.batch
from sakip.achievement import AchievementFormula
from sakip.batch import BatchResult, achievements
from sakip.scales import PERMENDAGRI_86_2017, SAKIP_PREDICATE, Band, RatingScale
from tests.strategies import batch_numbers, polarities, rating_scales

Row = tuple[int | None, str | None, str | None]


def scalar(
    realization: object,
    target: object,
    polarity: object = "positive",
    formula: object = None,
    scale: RatingScale = PERMENDAGRI_86_2017,
) -> Row:
    """What the scalar API says about one row: (hundredths, label, reason)."""
    try:
        figure = sakip.achievement(
            realization=realization,  # type: ignore[arg-type]
            target=target,  # type: ignore[arg-type]
            polarity=polarity,  # type: ignore[arg-type]
            formula=formula,  # type: ignore[arg-type]
        )
    except sakip.SakipError as error:
        return None, None, str(error)
    hundredths = int(figure.percent.scaleb(2))
    try:
        label = sakip.classify(figure, scale=scale).label
    except sakip.InvalidValueError as error:
        return hundredths, None, str(error)
    return hundredths, label, None


def rows(result: BatchResult) -> list[Row]:
    """The batch result as (hundredths, label, reason) per row."""
    return [
        (int(result.hundredths[i]) if result.computable[i] else None, result.label[i], reason)
        for i, reason in enumerate(result.reason)
    ]


# --- the seed's figures -----------------------------------------------------------------------


def test_seed_figures() -> None:
    """The seed report's achievements come out as the scalar API prints them."""
    result = achievements(
        [95, 69.16, 8, 8], ["94.6", 68.14, 10, 10], polarity=["+", "+", "-", "-"]
    )
    assert [10042, 10150, 12000, 12000] == result.hundredths.tolist()
    assert ["Sangat Tinggi"] * 4 == result.label.tolist()
    assert [D("100.42"), D("101.50"), D("120.00"), D("120.00")] == result.percent().tolist()


def test_contract_cases_match_the_scalar_api() -> None:
    """The API contract's achievement lines, in one batch."""
    realization = [95, 8, 70, 9, 0, 5]
    target: list[Any] = ["94.6", 10, sakip.TargetRange(80, 90), sakip.TargetRange(7, 8), 0, 0]
    polarity = ["positive", "negative", "positive", "negative", "negative", "positive"]
    result = achievements(realization, target, polarity=polarity)
    expected = [scalar(r, t, p) for r, t, p in zip(realization, target, polarity, strict=True)]
    assert expected == rows(result)
    assert [10042, 12000, 8750, 8750, 10000] == result.hundredths[:5].tolist()
    assert not result.computable[5]


def test_inverse_formula_by_name() -> None:
    """formula='inverse' gives T / R; at R = 0 the row has a reason."""
    result = achievements([8, 0], [10, 10], polarity="negative", formula="inverse")
    assert [scalar(8, 10, "negative", "inverse"), scalar(0, 10, "negative", "inverse")] == rows(
        result
    )
    assert 12500 == result.hundredths[0]
    assert "needs a realization above zero" in result.reason[1]


# --- inputs -----------------------------------------------------------------------------------


def test_floats_are_read_through_their_shortest_repr() -> None:
    """0.1 + 0.2 is the float 0.30000000000000004 and is read as such, as the scalar API does."""
    values = [0.1 + 0.2, 94.6, 1 / 3, 1e-7, 123456789.123]
    result = achievements(values, [0.3, 94.6, 1, 3e-7, 100], polarity="positive")
    expected = [scalar(r, t) for r, t in zip(values, [0.3, 94.6, 1, 3e-7, 100], strict=True)]
    assert expected == rows(result)


def test_decimal_str_and_int_cells_are_read_one_by_one() -> None:
    """Object columns (Decimal, str, int) give the scalar API's figures."""
    realization = [D("95"), "69.16", 8, D("0.1234567")]
    target = ["94.6", D("68.14"), 10, D("0.3")]
    result = achievements(realization, target)
    assert [scalar(r, t) for r, t in zip(realization, target, strict=True)] == rows(result)


def test_numpy_scalars_in_a_list_are_read_as_their_values() -> None:
    """A list of NumPy scalars (object cells) reads like the plain numbers."""
    result = achievements([np.float64(95.0), np.int64(8)], [np.float64(94.6), np.int32(10)])
    assert [10042, 8000] == result.hundredths.tolist()


def test_float32_arrays_are_read_as_they_print() -> None:
    """A float32 6.4 is 6.4, not its float64 widening: 5 of 6.4 is 78,13 (78,125 half-up)."""
    for dtype in (np.float32, np.float16):
        result = achievements(np.array([5.0]), np.array([6.4], dtype=dtype))
        assert [scalar(5, D(str(dtype(6.4))))] == rows(result)
    assert [7813] == achievements(np.array([5.0]), np.array([6.4], np.float32)).hundredths.tolist()


def test_integer_and_unsigned_arrays() -> None:
    """int64, int32, uint32 and uint64 arrays are exact."""
    for dtype in (np.int64, np.int32, np.uint32, np.uint64):
        result = achievements(np.array([13773, 5], dtype=dtype), np.array([14460, 5], dtype))
        assert [9525, 10000] == result.hundredths.tolist()


def test_pandas_series_keep_their_index() -> None:
    """Series in, and to_frame() gives back a frame on the same index."""
    index = pd.Index(["PPKS", "SAKIP", "X"], name="kode")
    frame = achievements(
        pd.Series([95, 69.16, 1.0], index=index),
        pd.Series([94.6, 68.14, 0.0], index=index),
    ).to_frame()
    assert ["percent", "printed", "rating", "reason"] == list(frame.columns)
    assert list(index) == list(frame.index)
    assert D("100.42") == frame.loc["PPKS", "percent"]
    assert "Sangat Tinggi" == frame.loc["SAKIP", "rating"]
    assert frame.loc["X", "percent"] is None
    assert frame.loc["X", "rating"] is None
    assert frame.loc["PPKS", "reason"] is None
    assert "target of 0" in frame.loc["X", "reason"]


def test_nullable_pandas_columns_and_missing_cells() -> None:
    """pd.NA, None and NaN are missing: a reason, never 0."""
    realization = pd.Series([95, pd.NA, 10], dtype="Float64")
    target = pd.Series([94.6, 10, None], dtype="object")
    result = achievements(realization, target)
    assert [10042, 0, 0] == result.hundredths.tolist()
    assert [None, "realization is missing (not reported)", "target is missing (not reported)"] == (
        result.reason.tolist()
    )
    floats = achievements([np.nan, 5.0], [10.0, np.nan])
    assert ["realization is missing (not reported)", "target is missing (not reported)"] == (
        floats.reason.tolist()
    )


def test_bad_cells_get_a_reason_and_the_rest_goes_on() -> None:
    """A cell that is not a number has the error's text as its reason."""
    result = achievements(["abc", 95, True, 1], [10, 94.6, 10, float("inf")])
    assert "'realization' must be a finite number (got 'abc')" == result.reason[0]
    assert 10042 == result.hundredths[1]
    assert "'realization' must be a finite number (got True)" == result.reason[2]
    assert "'target' must be a finite number (got inf)" == result.reason[3]
    inf = achievements(np.array([np.inf, -np.inf, 1.0]), np.array([1.0, 1.0, 1.0]))
    assert "'realization' must be a finite number (got inf)" == inf.reason[0]
    assert "'realization' must be a finite number (got -inf)" == inf.reason[1]
    assert 10000 == inf.hundredths[2]


def test_targets_cells_may_be_target_objects() -> None:
    """A Target cell counts as its value."""
    result = achievements([95], np.array([sakip.Target(D("94.6"))], dtype=object))
    assert [10042] == result.hundredths.tolist()


@pytest.mark.parametrize(
    ("realization", "target", "kwargs", "match"),
    [
        (np.array([True, False]), [1, 1], {}, "not booleans"),
        (np.ones((2, 2)), [1, 1], {}, "1-D"),
        ([1, 2], [1], {}, "2 values, one per realization"),
        ([1, 2], [1, 2], {"target_high": [3]}, "2 values, one per realization"),
        ([1], [sakip.TargetRange(1, 2)], {"target_high": [3]}, "absent when targets are ranges"),
        ([1, 2], [1, 2], {"polarity": ["positive"]}, "one or 2 values"),
        ([1], [1], {"polarity": "sideways"}, "'polarity' must be one of"),
        ([1], [1], {"formula": "inverse"}, "a formula for positive polarity"),
        ([1, 2], [1, 2], {"polarity": ["+", "-"], "formula": "mirror"}, "row 0 is not negative"),
    ],
)
def test_bad_arguments_raise(
    realization: object, target: object, kwargs: dict[str, Any], match: str
) -> None:
    """Arguments that are wrong as a whole raise InvalidValueError."""
    with pytest.raises(sakip.InvalidValueError, match=match):
        achievements(realization, target, **kwargs)


def test_unknown_rules_raise() -> None:
    """An unknown formula or scale name raises UnknownRuleError."""
    with pytest.raises(sakip.UnknownRuleError):
        achievements([1], [1], formula="nope")
    with pytest.raises(sakip.UnknownRuleError):
        achievements([1], [1], scale="nope")


def test_polarity_per_row() -> None:
    """Polarity per row, in any accepted spelling; a bad or missing one gets a reason."""
    polarity = ["positif", sakip.Polarity.NEGATIVE, "-", "sideways", None]
    result = achievements([8] * 5, [10] * 5, polarity=np.array(polarity, dtype=object))
    assert [8000, 12000, 12000] == result.hundredths[:3].tolist()
    assert "'polarity' must be one of 'positive', 'negative' (got 'sideways')" == result.reason[3]
    assert "'polarity' must be 'positive' or 'negative' (got None)" == result.reason[4]


@pytest.mark.parametrize("pandas_loaded", [True, False])
def test_odd_polarity_cells_get_a_reason_with_or_without_pandas(
    pandas_loaded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unhashable cell or a signalling NaN is a bad polarity, not a crash."""
    if not pandas_loaded:
        monkeypatch.delitem(sys.modules, "pandas")
    polarity = ["positif", D("sNaN"), {"x": 1}, "negatif", None, "positif"]
    result = achievements([8] * 6, [10] * 6, polarity=np.array(polarity, dtype=object))
    assert [8000, 0, 0, 12000, 0, 8000] == result.hundredths.tolist()
    assert "(got Decimal('sNaN'))" in result.reason[1]
    assert "(got {'x': 1})" in result.reason[2]
    assert "(got None)" in result.reason[4]


def test_a_formula_fitting_every_row_is_accepted_per_row() -> None:
    """Per-row polarities that all fit the formula are fine."""
    result = achievements([8, 0], [10, 10], polarity=["-", "negatif"], formula="inverse")
    assert [12500, 0] == result.hundredths.tolist()


def test_empty_columns() -> None:
    """No rows, no results."""
    result = achievements([], [])
    assert 0 == len(result)
    assert [] == result.percent().tolist()


# --- targets: zero, negative, ranges ----------------------------------------------------------


def test_zero_and_negative_targets() -> None:
    """T = 0 = R scores 100; R ≠ 0 against 0, and negative targets, have reasons."""
    realization = [0, 5, 5, 0.0, 5.5]
    target = [0, 0, -2, 0.0, -1.5]
    result = achievements(realization, target, polarity="negative")
    expected = [scalar(r, t, "negative") for r, t in zip(realization, target, strict=True)]
    assert expected == rows(result)
    assert "target above zero" in result.reason[2]


def test_ranges_from_target_high() -> None:
    """target_high makes ranges; a missing upper bound leaves a plain target."""
    realization = [70, 85, 92, 6.5, 9, 95, 1, 0]
    low = [80, 80, 80, 7, 7, 94.6, 0, 0]
    high = [90, 90, 90, 8, 8, None, 0, 5]
    polarity = ["+", "+", "+", "-", "-", "+", "+", "+"]
    result = achievements(realization, low, target_high=high, polarity=polarity)
    expected = [
        scalar(r, t if h is None else sakip.TargetRange(t, h), p)
        for r, t, h, p in zip(realization, low, high, polarity, strict=True)
    ]
    assert expected == rows(result)
    assert [8750, 10000, 10222, 10714, 8750, 10042] == result.hundredths[:6].tolist()


def test_an_upside_down_range_has_a_reason() -> None:
    """A range whose low bound is above its high bound is refused for that row only."""
    result = achievements([5, 5], [9, 1], target_high=[1, 9])
    assert "'high' must be at least the low bound 9" in result.reason[0]
    assert 10000 == result.hundredths[1]


def test_ranges_in_float_arrays() -> None:
    """Float columns with NaN upper bounds mix ranges and plain targets."""
    result = achievements(
        np.array([92.0, 95.0, 7.5]),
        np.array([80.0, 94.6, 7.0]),
        target_high=np.array([90.0, np.nan, np.inf]),
    )
    assert [10222, 10042] == result.hundredths[:2].tolist()
    assert "'target_high' must be a finite number (got inf)" == result.reason[2]


def test_range_rows_refused_by_the_integer_path_name_the_bound() -> None:
    """Outside a range with a zero or negative bound: the reason names the bound used."""
    realization = [5, -5, -1]
    ranges: list[Any] = [
        sakip.TargetRange(-3, 0),
        sakip.TargetRange(-3, -1),
        sakip.TargetRange(0, 5),
    ]
    result = achievements(realization, ranges)
    assert [scalar(r, t) for r, t in zip(realization, ranges, strict=True)] == rows(result)


# --- exactness at the edges -------------------------------------------------------------------


def test_rows_beyond_the_integer_path_go_through_the_scalar_api() -> None:
    """Too many places or too large for int64: still exact, through the scalar API."""
    realization: list[Any] = [D("1.0000001"), 10**16, 2.5e15, D("12345678901234567890.5")]
    target: list[Any] = [3, 3, D("0.001"), 7]
    result = achievements(realization, target)
    assert [scalar(r, t) for r, t in zip(realization, target, strict=True)] == rows(result)
    big = achievements(np.array([10**17, 5], dtype=np.int64), np.array([3, 5]))
    assert [scalar(10**17, 3), scalar(5, 5)] == rows(big)
    floats = achievements(np.array([1e20, 5.0]), np.array([3.0, 5.0]))
    assert [scalar(1e20, 3.0), scalar(5.0, 5.0)] == rows(floats)


def test_a_figure_beyond_28_digits_is_kept_exactly() -> None:
    """1e300 / 3 has more digits than the context: its printed figure is still exact."""
    result = achievements(np.array([1e300, 5.0]), np.array([3.0, 5.0]))
    expected = sakip.achievement(realization=1e300, target=3).percent
    assert int(expected * 100) == result.hundredths[0]
    assert [None, None] == result.reason.tolist()
    assert 10000 == result.hundredths[1]


def test_a_figure_too_large_for_int64_is_kept_exactly() -> None:
    """The hundredths become an array of Python ints rather than overflowing."""
    result = achievements([10**20, 1], [1, 1])
    assert object == result.hundredths.dtype
    assert 10**24 == result.hundredths[0]
    assert ["Sangat Tinggi", "Sangat Tinggi"] == result.label.tolist()
    predicate = achievements([10**20, 50], [1, 100], scale=SAKIP_PREDICATE)
    assert [None, "C"] == predicate.label.tolist()


def test_a_figure_outside_the_scale_has_no_label_and_says_why() -> None:
    """150 % on the SAKIP predicate scale (0-100) has a figure but no label."""
    result = achievements([150, 50, 5], [100, 100, 5], scale=SAKIP_PREDICATE)
    assert [15000, 5000, 10000] == result.hundredths.tolist()
    assert [None, "C", "AA"] == result.label.tolist()
    assert "inside the domain of sakip-predicate" in result.reason[0]
    negative = achievements([30], [10], polarity="negative", scale=SAKIP_PREDICATE)
    assert [None] == negative.label.tolist()


def test_bounds_with_more_than_two_places_classify_exactly() -> None:
    """A scale cut at 90,005 or with open ends classifies hundredths as the scalar API does."""
    scale = RatingScale(
        name="fine",
        title="fine",
        bands=[
            Band(label="low", lower=D("-0.005"), lower_closed=True, upper=D("90.005")),
            Band(label="mid", lower=D("90.005"), upper=D("90.015"), upper_closed=False),
            Band(
                label="high",
                lower=D("90.015"),
                lower_closed=True,
                upper=D("100.005"),
                upper_closed=False,
            ),
        ],
        source=sakip.Source(reference="test", grade=sakip.EvidenceGrade.POLICY),
    )
    realization = [D("90.00"), D("90.01"), D("90.02"), D("100.00"), D("100.01"), D("-0.01"), 0]
    result = achievements(realization, [100] * len(realization), scale=scale)
    assert [scalar(r, 100, scale=scale) for r in realization] == rows(result)
    assert ["low", "mid", "high", "high", None, None, "low"] == result.label.tolist()


def test_a_custom_formula_goes_through_the_scalar_api() -> None:
    """A formula the integer path does not know is computed by the scalar API, row by row."""
    half = AchievementFormula(
        name="half",
        polarity="positive",
        title="half",
        expression="{R} / {T} × 50",
        compute=lambda r, t: r * 50 / t,
        source=sakip.Source(reference="test", grade=sakip.EvidenceGrade.POLICY),
    )
    result = achievements([95, 5], [94.6, 0], formula=half)
    assert [5021, None] == [rows(result)[0][0], rows(result)[1][0]]
    assert [scalar(95, 94.6, formula=half), scalar(5, 0, formula=half)] == rows(result)


def test_results_do_not_depend_on_the_callers_context() -> None:
    """Precision 3 and ROUND_FLOOR in the caller's context change nothing."""
    args = ([95, "69.16", D("0.1234567"), 10**16], ["94.6", 68.14, 3, 3])
    expected = rows(achievements(*args))
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        assert expected == rows(achievements(*args))
        assert [D("100.42"), D("101.50")] == achievements(*args).percent()[:2].tolist()


# --- the batch path equals the scalar API, row for row ----------------------------------------


@st.composite
def batch_rows(draw: st.DrawFn) -> tuple[object, object, object, sakip.Polarity]:
    """One row: realization, target, upper bound or None, polarity."""
    realization = draw(batch_numbers())
    target = draw(batch_numbers())
    high = draw(st.none() | batch_numbers())
    return realization, target, high, draw(polarities)


@settings(max_examples=300, deadline=None)
@given(st.lists(batch_rows(), min_size=1, max_size=30), st.sampled_from(["float", "object"]))
def test_batch_equals_the_scalar_api(
    drawn: list[tuple[object, object, object, sakip.Polarity]], column: str
) -> None:
    """Random rows (floats, Decimals, ints, zeros, ranges, polarities) match the scalar API."""
    realization = [r for r, _, _, _ in drawn]
    target = [t for _, t, _, _ in drawn]
    high = [h for _, _, h, _ in drawn]
    polarity = [p for _, _, _, p in drawn]
    if column == "float":
        realization = [float(v) for v in realization]  # type: ignore[arg-type]
        target = [float(v) for v in target]  # type: ignore[arg-type]
        high = [np.nan if v is None else float(v) for v in high]  # type: ignore[arg-type]
    result = achievements(
        np.array(realization, dtype=object if column == "object" else float),
        np.array(target, dtype=object if column == "object" else float),
        target_high=np.array(high, dtype=object if column == "object" else float),
        polarity=polarity,
    )
    expected = []
    for r, t, h, p in zip(realization, target, high, polarity, strict=True):
        plain = h is None or (isinstance(h, float) and np.isnan(h))
        try:
            bound: object = t if plain else sakip.TargetRange(t, h)
        except sakip.InvalidValueError as error:
            expected.append((None, None, str(error)))
            continue
        expected.append(scalar(r, bound, p))
    assert expected == rows(result)
    assert [] == [int(h) for h in result.hundredths[~result.computable] if h != 0]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(batch_numbers(), batch_numbers()), min_size=1, max_size=20),
    rating_scales(),
    st.sampled_from(["direct", "mirror", "inverse"]),
)
def test_batch_equals_the_scalar_api_on_any_scale(
    drawn: list[tuple[object, object]], scale: RatingScale, formula: str
) -> None:
    """Any valid scale and any built-in formula: the same labels as classify()."""
    polarity = "positive" if formula == "direct" else "negative"
    realization = [r for r, _ in drawn]
    target = [t for _, t in drawn]
    result = achievements(realization, target, polarity=polarity, formula=formula, scale=scale)
    expected = [
        scalar(r, t, polarity, formula, scale) for r, t in zip(realization, target, strict=True)
    ]
    assert expected == rows(result)


@given(st.lists(st.decimals(-(10**8), 10**8, places=6), min_size=1, max_size=30))
def test_floats_with_up_to_six_places_take_the_integer_path_exactly(values: list[D]) -> None:
    """A float with up to 6 places scales to the integer its shortest repr names."""
    floats = np.array([float(v) for v in values])
    column = sakip.extra.batch._read(floats, "realization")
    scaled, fits = column.scaled(6)
    for value, whole, fit in zip(floats.tolist(), scaled.tolist(), fits.tolist(), strict=True):
        assert fit
        assert D(repr(value)).scaleb(6) == whole


@pytest.mark.parametrize("bad", [D("NaN"), D("sNaN"), D("Infinity")])
def test_a_column_of_decimals_with_one_not_finite_reads_as_a_mixed_one(bad: D) -> None:
    """A NaN or infinity among Decimals is a bad cell in its row; the others are computed."""
    decimals = achievements([bad, D(95), D("8.5")], [D(100), D("94.6"), D(10)])
    mixed = achievements([bad, 95, "8.5"], [100, "94.6", 10])
    assert [None, 10042, 8500] == [
        h if ok else None
        for h, ok in zip(decimals.hundredths.tolist(), decimals.computable.tolist(), strict=True)
    ]
    assert decimals.reason.tolist() == mixed.reason.tolist()
    assert decimals.reason[0] is not None
