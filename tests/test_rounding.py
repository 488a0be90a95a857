"""Computed figures print half-up to 2 places in every explanation; typed figures as typed."""

from __future__ import annotations

import re
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip._figures import TYPED_PLACES
from sakip.text.writer import explain_in

THIRD = D(100) / 3  # 33,333… to the context's 28 digits: what a quotient holds

# An Indonesian number: thousands with ".", decimals after ",".
_NUMBER = re.compile(r"\d+(?:\.\d{3})*(?:,(\d+))?")


def _most_places(text: str) -> int:
    """The most decimals any number in ``text`` prints."""
    return max((len(m.group(1) or "") for m in _NUMBER.finditer(text)), default=0)


def _ratio_year() -> sakip.Aggregate:
    indicator = sakip.Indicator(code="P", name="P", unit="%", aggregation="ratio")
    quarter = sakip.Realization(
        indicator="P", year=2024, quarter=1, numerator=1, denominator=3, value=THIRD
    )
    return sakip.aggregate(indicator, [quarter], 2024)


def test_change_of_a_quotient_prints_two_places() -> None:
    """A change whose current value is a quotient prints it and its difference to 2 places."""
    text = sakip.change(current=THIRD, previous=30).explain()
    assert "33,33 − 30 = 3,33 (naik); pertumbuhan 3,33 / 30 × 100 = 11,11 %" in text


def test_typed_places_are_kept() -> None:
    """A typed 9,20 keeps its two places, and a typed 0,125 its three."""
    assert sakip.change(current="9.20", previous=30).explain().startswith("9,20 − 30 = -20,80")
    assert sakip.gap(realization="0.125", end_target=1).explain().startswith("1 − 0,125 = 0,875")


def test_ratio_year_value_headline_prints_two_places() -> None:
    """A ratio indicator's year value from quarterly counts shows 33,33 in its repr."""
    assert "<Aggregate 33,33 P 2024>" == repr(_ratio_year())


def test_aggregate_of_computed_quarters_prints_two_places() -> None:
    """A sum of quarterly values that are quotients prints each and the total to 2 places."""
    indicator = sakip.Indicator(code="K", name="K", unit="orang", aggregation="sum")
    quarters = [
        sakip.Realization(indicator="K", year=2024, quarter=q, value=THIRD) for q in (1, 2)
    ]
    text = sakip.aggregate(indicator, quarters, 2024).explain()
    assert text.startswith("jumlah: TW I 33,33 + TW II 33,33 = 66,67")


def test_projection_headline_prints_two_places() -> None:
    """A projection's repr prints its value to 2 places, not the quotient's digits."""
    found = sakip.projection({2021: 1, 2022: 2, 2024: D(10) / 3}, year=2025)
    assert "<Projection 4,14 2025>" == repr(found)


def test_gap_progress_and_needed_of_a_quotient() -> None:
    """Gap, progress and the needed yearly rise print a quotient realization to 2 places."""
    assert sakip.gap(realization=THIRD, end_target=50).explain().startswith("50 − 33,33 = 16,67")
    progress = sakip.progress(realization=THIRD, baseline=10, end_target=50)
    assert "(33,33 − 10) / (50 − 10) × 100 = 58,33 %" == progress.explain()
    needed = sakip.needed_per_year(realization=THIRD, end_target=50, year=2024, end_year=2026)
    assert "(50 − 33,33) / (2026 − 2024) = 8,33 per tahun" == needed.explain()


def test_percentage_and_absorption_of_a_quotient() -> None:
    """A percentage and an absorption whose part is a quotient print it to 2 places."""
    assert "33,33 / 200 × 100 = 16,67 %" == sakip.percentage(part=THIRD, whole=200).explain()
    assert "33,33 / 200 × 100 = 16,67 %" == sakip.absorption(spent=THIRD, ceiling=200).explain()


def test_efficiency_of_computed_inputs() -> None:
    """Efficiency from a quotient achievement and absorption prints only 2-place figures."""
    found = sakip.efficiency("difference", achievement=THIRD, absorption=D(200) / 3)
    assert 2 == _most_places(found.explain())
    assert 2 == _most_places(repr(found))


def test_total_check_of_quotients() -> None:
    """A total check whose parts are quotients prints the parts, sum and difference to 2 places."""
    check = sakip.check_total(parts=[THIRD, THIRD], stated=66, where="Tabel 1")
    assert 2 == _most_places(check.explain())


_TYPED = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
_POSITIVE = st.decimals(min_value=1, max_value=1000, places=2, allow_nan=False)


def _places(value: D) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


@given(current=_TYPED, previous=_POSITIVE, whole=_POSITIVE, divisor=st.integers(1, 99))
def test_computed_results_print_at_most_two_places(
    current: D, previous: D, whole: D, divisor: int
) -> None:
    """No number in an explanation has more than 2 decimals unless a typed input had more.

    An input with more places than anyone types (a quotient) counts as computed: 2 places.
    """
    for value in (current, current / divisor):
        typed = [p for p in map(_places, (value, previous, whole)) if p <= TYPED_PLACES]
        most = max(2, *typed)
        explained = [
            sakip.change(current=value, previous=previous),
            sakip.gap(realization=value, end_target=whole),
            sakip.percentage(part=value, whole=whole),
            sakip.absorption(spent=abs(value), ceiling=whole),
            sakip.projection({2021: previous, 2023: value}, year=2025),
            sakip.needed_per_year(realization=value, end_target=whole, year=2023, end_year=2026),
        ]
        if previous != whole:
            explained.append(
                sakip.progress(realization=value, baseline=previous, end_target=whole)
            )
        for result in explained:
            assert _most_places(result.explain()) <= most, result.explain()
            assert _most_places(repr(result)) <= most, repr(result)


def test_evaluation_score_of_a_quotient() -> None:
    """A sub-component score that is a quotient prints, and sums, to 2 places."""
    score = sakip.evaluation_score(
        {
            "perencanaan": {"keberadaan": D(10) / 3, "kualitas": 7, "pemanfaatan": 10},
            "pengukuran": 20,
            "pelaporan": 10,
            "evaluasi internal": 15,
        }
    )
    component = score.components[0]
    assert "Perencanaan Kinerja: 3,33 + 7 + 10 = 20,33 dari 30" == component.explain()
    assert "<ComponentScore 20,33 perencanaan>" == repr(component)


def test_rating_of_a_quotient() -> None:
    """A rating of a quotient shows the value to 2 places."""
    assert "<Rating Sangat Rendah: 33,33 on permendagri-86-2017>" == repr(sakip.classify(THIRD))


def test_rollup_with_computed_weights() -> None:
    """A weighted roll-up whose weights are quotients prints them and their total to 2 places."""
    a = sakip.achievement(realization=95, target="94.6")
    b = sakip.achievement(realization=80, target=100)
    found = sakip.rollup({"A": a, "B": b}, weights={"A": D(1) / 3, "B": 1})
    assert "(0,33 × 100,42 + 1 × 80,00) / 1,33 = 85,11 %" == found.explain()


def test_year_row_of_a_computed_realization() -> None:
    """A year row whose realization was computed prints it to 2 places."""
    row = sakip.YearRow(year=2024, target=sakip.Target(90), target_source=None, realization=THIRD)
    assert "2024: target 90, realisasi 33,33" == row.explain()


def test_audit_sum_of_quotients() -> None:
    """The audit's recomputed total of quotient operands prints to 2 places."""
    figure = sakip.audit.StatedFigure(kind="sum", stated="66", operands=[THIRD, THIRD])
    finding = sakip.audit.check(figure)
    assert "66,67" == finding.recomputed
    assert "total (jumlah): stated 66, recomputed 66,67 — disagrees" == finding.explain()


def test_english_explanation_of_a_quotient() -> None:
    """The audit's English words print a quotient current value and its change to 2 places."""
    text = explain_in(sakip.change(current=THIRD, previous=30), "en")
    assert text.startswith("33,33 − 30 = 3,33 (up); growth 3,33 / 30 × 100 = 11,11 %")


def test_an_achievement_explains_a_computed_realization_to_2_places() -> None:
    """R from a quotient prints half-up to 2 places; a typed R keeps its own places."""
    computed = sakip.achievement(realization=D(100) / 3, target=30)
    assert "33,33 / 30 × 100 = 111,11 %" == computed.explain()
    assert (
        "9,20 / 9,20 × 100 = 100,00 %"
        == sakip.achievement(realization="9.20", target="9.20").explain()
    )
