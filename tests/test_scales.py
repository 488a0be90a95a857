"""Rating scales: built-in bands, validation, classification."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip.scales import (
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    SCALES,
    Band,
    RatingScale,
)
from tests.strategies import achievements, decimals, rating_scales

SOURCE = sakip.Source(reference="test", grade=sakip.EvidenceGrade.POLICY)


def test_contract_default_scale() -> None:
    """The Permendagri 86/2017 scale, lower bounds exclusive (the API contract)."""
    assert "Sangat Tinggi" == sakip.classify(D("100.42")).label
    assert "Sangat Tinggi" == sakip.classify(D("90.5")).label
    assert "Tinggi" == sakip.classify(90).label


def test_contract_predicate() -> None:
    """69,16 is B and 90 is A on the SAKIP predicate scale."""
    assert "B" == sakip.classify(D("69.16"), scale=sakip.scales.SAKIP_PREDICATE).label
    assert "A" == sakip.classify(90, scale=sakip.scales.SAKIP_PREDICATE).label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("-20", "Sangat Rendah"),
        ("50", "Sangat Rendah"),
        ("50.01", "Rendah"),
        ("65", "Rendah"),
        ("65.1", "Sedang"),
        ("75", "Sedang"),
        ("75.1", "Tinggi"),
        ("90", "Tinggi"),
        ("90.01", "Sangat Tinggi"),
        ("184.75", "Sangat Tinggi"),
    ],
)
def test_permendagri_bands(value: str, label: str) -> None:
    """Each band boundary of Tabel 3.1 as reports print it."""
    assert label == sakip.classify(D(value)).label


@pytest.mark.parametrize(
    ("value", "label", "meaning"),
    [
        ("0", "D", "Sangat Kurang"),
        ("30", "D", "Sangat Kurang"),
        ("30.01", "C", "Kurang"),
        ("50", "C", "Kurang"),
        ("60", "CC", "Cukup"),
        ("70", "B", "Baik"),
        ("80", "BB", "Sangat Baik"),
        ("90", "A", "Memuaskan"),
        ("90.01", "AA", "Sangat Memuaskan"),
        ("100", "AA", "Sangat Memuaskan"),
    ],
)
def test_predicate_bands(value: str, label: str, meaning: str) -> None:
    """AA ... D with their meanings, lower bounds exclusive."""
    rating = sakip.classify(D(value), scale=SAKIP_PREDICATE)
    assert (label, meaning) == (rating.label, rating.band.meaning)


@pytest.mark.parametrize("value", ["-0.01", "100.01"])
def test_predicate_refuses_scores_outside_0_to_100(value: str) -> None:
    """A score outside the domain raises and names the domain."""
    with pytest.raises(sakip.InvalidValueError, match="sakip-predicate"):
        sakip.classify(D(value), scale=SAKIP_PREDICATE)


def test_classify_an_achievement_uses_its_printed_figure() -> None:
    """90,004 prints as 90,00 and is therefore Tinggi, as the table shows it."""
    a = sakip.achievement(realization=D("90.004"), target=100)
    assert D("90.004") == a.value
    rating = sakip.classify(a)
    assert ("Tinggi", D("90.00")) == (rating.label, rating.value)


def test_scales_by_name_and_alternative_labels() -> None:
    """A scale can be named; the Sangat Baik label set shares the bands."""
    assert "Sangat Baik" == sakip.classify(95, scale="permendagri-86-2017-baik").label
    assert "Cukup" == sakip.classify(70, scale="PERMENDAGRI_86_2017_BAIK").label
    assert PERMENDAGRI_86_2017_BAIK.bands[0].upper == PERMENDAGRI_86_2017.bands[0].upper
    assert ["permendagri-86-2017", "permendagri-86-2017-baik", "sakip-predicate"] == SCALES.names()
    with pytest.raises(sakip.UnknownRuleError, match="known: 'permendagri-86-2017'"):
        sakip.classify(70, scale="permendagri-54-2010")


def test_rating_reads_as_its_label() -> None:
    """str() of a rating is its label; code is the short code."""
    rating = sakip.classify(95)
    assert ("Sangat Tinggi", "ST") == (str(rating), rating.code)
    assert "> 90" == rating.band.describe()
    assert "≥ 0 – ≤ 30" == SAKIP_PREDICATE.bands[0].describe()
    assert ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi") == (
        PERMENDAGRI_86_2017.labels
    )
    assert (None, None) == (PERMENDAGRI_86_2017.lowest, PERMENDAGRI_86_2017.highest)
    assert (D(0), D(100)) == (SAKIP_PREDICATE.lowest, SAKIP_PREDICATE.highest)


def test_scales_cite_their_sources() -> None:
    """Built-in scales carry regulation and grade."""
    assert sakip.EvidenceGrade.REGULATION_QUOTED is PERMENDAGRI_86_2017.source.grade
    assert "88/2021" in SAKIP_PREDICATE.source.reference


# --- validation ----------------------------------------------------------------------------


def test_a_gap_between_bands_is_refused() -> None:
    """Bands that do not meet leave values unrated."""
    with pytest.raises(sakip.InvalidValueError, match="a band that starts where band 'low'"):
        RatingScale(
            name="gap",
            title="gap",
            bands=[Band(label="low", upper=50), Band(label="high", lower=51)],
            source=SOURCE,
        )


def test_an_overlap_between_bands_is_refused() -> None:
    """A bound in both neighbours rates one value twice."""
    with pytest.raises(sakip.InvalidValueError, match="exactly one of them"):
        RatingScale(
            name="overlap",
            title="overlap",
            bands=[Band(label="low", upper=50), Band(label="high", lower=50, lower_closed=True)],
            source=SOURCE,
        )


def test_a_gap_where_neither_band_holds_the_bound_is_refused() -> None:
    """50 in neither band is a gap of one point."""
    with pytest.raises(sakip.InvalidValueError):
        RatingScale(
            name="hole",
            title="hole",
            bands=[Band(label="low", upper=50, upper_closed=False), Band(label="high", lower=50)],
            source=SOURCE,
        )


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([], "at least one band"),
        ([Band(label="a", upper=1), Band(label="a", lower=1)], "label"),
        ([Band(label="a", code="x", upper=1), Band(label="b", code="x", lower=1)], "code"),
        ([Band(label="a", lower=5), Band(label="b", lower=9)], "a band that starts where"),
    ],
)
def test_broken_scales_are_refused(bands: list[Band], message: str) -> None:
    """Empty scales, repeated labels or codes, and bands out of order are refused."""
    with pytest.raises(sakip.InvalidValueError, match=message):
        RatingScale(name="broken", title="broken", bands=bands, source=SOURCE)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label": " "}, "non-empty"),
        ({"label": "a", "lower": 5, "upper": 4}, "some values"),
        ({"label": "a", "lower": 5, "upper": 5}, "some values"),
    ],
)
def test_broken_bands_are_refused(kwargs: dict[str, object], message: str) -> None:
    """A band needs a label, sensible closures, and some values."""
    with pytest.raises(sakip.InvalidValueError, match=message):
        Band(**kwargs)  # type: ignore[arg-type]


def test_open_ends_have_no_closed_bound() -> None:
    """Closure flags on a side without a bound are normalised away."""
    assert Band(label="a", lower_closed=True, upper_closed=True) == Band(label="a")


def test_a_single_point_band_is_allowed() -> None:
    """[5, 5] holds exactly 5."""
    band = Band(label="five", lower=5, upper=5, lower_closed=True)
    assert 5 in band
    assert D("5.01") not in band
    assert "5" not in band


def test_relabel_needs_one_label_per_band() -> None:
    """Relabelling with the wrong number of labels is refused."""
    with pytest.raises(sakip.InvalidValueError, match="5 labels"):
        PERMENDAGRI_86_2017.relabel(["a", "b"], name="short")


def test_a_user_scale_classifies() -> None:
    """A user's scale, registered or passed as an object."""
    scale = RatingScale(
        name="pass-fail",
        title="pass or fail",
        bands=[
            Band(label="fail", upper=100, upper_closed=False),
            Band(label="pass", lower=100, lower_closed=True),
        ],
        source=SOURCE,
    )
    assert "pass" == sakip.classify(100, scale=scale).label
    assert "fail" == sakip.classify(D("99.99"), scale=scale).label
    assert 100 in scale


# --- properties ----------------------------------------------------------------------------


@given(rating_scales(), decimals(min_value=-2000, max_value=2000, places=3))
def test_every_value_lands_in_exactly_one_band(scale: RatingScale, value: D) -> None:
    """No gap and no overlap: exactly one band holds any value of the domain."""
    holders = [band for band in scale.bands if value in band]
    assert 1 == len(holders)
    assert holders[0] == scale.classify(value).band


@given(
    st.sampled_from(list(SCALES)),
    decimals(min_value=0, max_value=100, places=2),
    decimals(min_value=0, max_value=100, places=2),
)
def test_classification_never_falls_as_the_value_rises(scale: RatingScale, a: D, b: D) -> None:
    """A higher value never gets a lower band."""
    low, high = sorted((a, b))
    bands = list(scale.bands)
    assert bands.index(scale.classify(low).band) <= bands.index(scale.classify(high).band)


@given(rating_scales(), st.data())
def test_broken_scales_are_refused_whatever_the_scale(
    scale: RatingScale, data: st.DataObject
) -> None:
    """Moving one shared bound into a gap or an overlap is always caught."""
    if len(scale.bands) < 2:
        return
    index = data.draw(st.integers(min_value=0, max_value=len(scale.bands) - 2))
    below, above = scale.bands[index], scale.bands[index + 1]
    flipped = [*scale.bands]
    flipped[index] = (
        Band(
            label=below.label,
            lower=below.lower,
            lower_closed=below.lower_closed,
            upper=below.upper,
            upper_closed=not below.upper_closed,
        )
        if below.lower != below.upper
        else below
    )
    if flipped[index] is below:
        return
    with pytest.raises(sakip.InvalidValueError):
        RatingScale(name="broken", title="broken", bands=flipped, source=SOURCE)
    assert above in scale.bands


def test_classify_a_rollup_rates_its_printed_figure() -> None:
    """A roll-up whose exact mean is 90,004 prints 90,00 and is rated as 90,00 (Tinggi)."""
    low = sakip.achievement(realization="90.004", target=100)
    high = sakip.achievement(realization="90.004", target=100)
    mean = sakip.rollup({"A": low, "B": high})
    assert D("90.004") == mean.value
    assert "Tinggi" == sakip.classify(mean).label
    assert "Tinggi" == PERMENDAGRI_86_2017.classify(mean).label
    assert "Sangat Tinggi" == sakip.classify(mean.value).label


def test_classify_refuses_a_result_without_a_printed_figure() -> None:
    """Something with no printed percentage is refused, naming what was expected."""
    row = sakip.io.evaluate([sakip.io.TableRow(year=2024, target=sakip.Target(5))])[0]
    with pytest.raises(sakip.InvalidValueError, match="a result with a printed percentage"):
        sakip.classify(row)
    with pytest.raises(sakip.InvalidValueError, match="a result with a printed percentage"):
        sakip.classify([90])  # type: ignore[arg-type]


def test_a_figure_outside_the_domain_names_the_printed_figure() -> None:
    """Rating a result outside the scale's domain names its figure, not the whole result."""
    score = sakip.percentage(part=101, whole=100)
    with pytest.raises(sakip.InvalidValueError, match=r"got Decimal\('101.00'\)"):
        sakip.classify(score, scale=SAKIP_PREDICATE)


@given(achievements(), rating_scales())
def test_a_scale_and_classify_agree_on_results(
    figure: sakip.Achievement, scale: RatingScale
) -> None:
    """RatingScale.classify(result) is sakip.classify(result, scale): the printed figure's band."""
    try:
        expected = scale.classify(figure.percent)
    except sakip.InvalidValueError:
        with pytest.raises(sakip.InvalidValueError):
            sakip.classify(figure, scale)
        return
    assert expected == sakip.classify(figure, scale)
    assert expected == scale.classify(figure)
    assert [expected.band] == [band for band in scale.bands if figure.percent in band]


@st.composite
def edged_scales(draw: st.DrawFn) -> RatingScale:
    """Scales with any closures: a bounded or open end on either side, and point bands."""
    cuts = sorted(draw(st.sets(st.integers(-5, 5), min_size=1, max_size=5)))
    bands = []
    lower: int | None = draw(st.sampled_from([None, cuts[0] - 1]))
    lower_closed = draw(st.booleans())
    for index, cut in enumerate(cuts):
        upper_closed = draw(st.booleans())
        bands.append(
            Band(
                label=f"band {index}",
                lower=lower,
                lower_closed=lower_closed,
                upper=cut,
                upper_closed=upper_closed,
            )
        )
        lower, lower_closed = cut, not upper_closed
        if lower_closed and draw(st.booleans()):  # the band below leaves the cut: a point band
            bands.append(Band(label=f"point {index}", lower=cut, upper=cut, lower_closed=True))
            lower_closed = False
    upper = draw(st.sampled_from([None, cuts[-1] + 1]))
    bands.append(Band(label="top", lower=lower, lower_closed=lower_closed, upper=upper))
    return RatingScale(name="edged", title="edged", bands=bands, source=SOURCE)


@given(
    edged_scales(),
    st.integers(-70, 70).map(lambda tenths: D(tenths).scaleb(-1)),
    st.integers(0, 3),
)
def test_classify_finds_the_one_band_that_holds_the_value(
    scale: RatingScale, value: D, places: int
) -> None:
    """Classifying gives the one band that holds the value, or refuses a value outside.

    Bounds themselves are included, however they are written (2, 2.0 or 2.000).
    """
    value = value.quantize(D(1).scaleb(-places)) if value == value.to_integral() else value
    holders = [band for band in scale.bands if value in band]
    if not holders:
        with pytest.raises(sakip.InvalidValueError, match="inside the domain of edged"):
            scale.classify(value)
        return
    rating = scale.classify(value)
    assert [rating.band] == holders
    assert sakip.Rating(value=value, band=holders[0], scale=scale) == rating
    assert repr(value) == repr(rating.value)


@pytest.mark.parametrize("value", [D("NaN"), D("1E+500"), D("1E-500"), D("-Infinity")])
def test_classify_refuses_a_decimal_that_is_no_figure(value: D) -> None:
    """A decimal that is not finite, or beyond the supported range, is refused by name."""
    with pytest.raises(sakip.InvalidValueError, match="value"):
        sakip.classify(value)
