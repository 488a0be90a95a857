"""Targets that are not one number: comparators, ranges as printed, levels, parse_target."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import Comparator, ComparatorTarget, LevelScale, LevelTarget, parse_target
from sakip.achievement import DIRECT, RANK_RATIO
from sakip.levels import LEVEL_SCALES, OPINI_BPK, SAKIP_PREDICATE_LEVELS
from sakip.rules import EvidenceGrade, Source


@pytest.mark.parametrize(
    ("text", "comparator", "bound"),
    [
        ("≥ 80", Comparator.AT_LEAST, "80"),
        (">= 80", Comparator.AT_LEAST, "80"),
        ("=>80", Comparator.AT_LEAST, "80"),
        ("> 80", Comparator.MORE_THAN, "80"),
        ("≤ 0,49", Comparator.AT_MOST, "0.49"),
        ("<= 5", Comparator.AT_MOST, "5"),
        ("=< 5", Comparator.AT_MOST, "5"),
        ("< 0,49", Comparator.LESS_THAN, "0.49"),
        ("minimal 80", Comparator.AT_LEAST, "80"),
        ("Min. 80 %", Comparator.AT_LEAST, "80"),
        ("min 80", Comparator.AT_LEAST, "80"),
        ("paling sedikit 80", Comparator.AT_LEAST, "80"),
        ("sekurang-kurangnya 80", Comparator.AT_LEAST, "80"),
        ("tidak kurang dari 80", Comparator.AT_LEAST, "80"),
        ("maksimal 5", Comparator.AT_MOST, "5"),
        ("maks. 5", Comparator.AT_MOST, "5"),
        ("maks 5", Comparator.AT_MOST, "5"),
        ("paling banyak 5", Comparator.AT_MOST, "5"),
        ("tidak lebih dari 5", Comparator.AT_MOST, "5"),
        ("kurang dari 0,49", Comparator.LESS_THAN, "0.49"),
        ("lebih dari 80", Comparator.MORE_THAN, "80"),
        ("  LEBIH   DARI  1.250,5 ", Comparator.MORE_THAN, "1250.5"),
    ],
)
def test_comparator_targets_in_symbols_and_words(
    text: str, comparator: Comparator, bound: str
) -> None:
    """Every printed comparator spelling gives its comparator and its bound."""
    assert ComparatorTarget(comparator, D(bound)) == parse_target(text)


@pytest.mark.parametrize(
    "text",
    [
        "60 s.d. 85",
        "60 s.d 85",
        "60 sd 85",
        "60 s/d 85",
        "60 – 85",
        "60 — 85",
        "60-85",
        "60 - 85",
        "60 sampai 85",
        "60 sampai dengan 85",
        "60 hingga 85",
        "60% - 85%",
    ],
)
def test_ranges_in_every_printed_spelling(text: str) -> None:
    """A range reads the same whichever joining word or dash the report prints."""
    assert sakip.TargetRange(60, 85) == parse_target(text)


def test_a_leading_minus_is_a_sign_not_a_range() -> None:
    """'-5' is minus five; '-5 - 5' is the range from minus five to five."""
    assert sakip.Target(D(-5)) == parse_target("-5")
    assert sakip.TargetRange(-5, 5) == parse_target("-5 - 5")


def test_numbers_follow_parse_number_and_its_hint() -> None:
    """A plain number is a Target in Indonesian notation unless the hint says otherwise."""
    assert sakip.Target(D("13773")) == parse_target("13.773")
    assert sakip.Target(D("13.773")) == parse_target("13.773", decimal=".")
    assert ComparatorTarget(Comparator.AT_LEAST, D("1.5")) == parse_target("≥ 1.500", decimal=".")


@pytest.mark.parametrize("text", ["", "abc", "mineral 5", "≥", "80 s.d.", "≥ 80 s.d. 90"])
def test_other_text_is_refused_with_the_kinds_accepted(text: str) -> None:
    """Text that is no target names the kinds of target sakip reads."""
    with pytest.raises(sakip.InvalidValueError, match="comparator target"):
        parse_target(text)


def test_a_level_without_its_scale_names_the_scale_to_pass() -> None:
    """'WTP' alone is refused, with the scale it belongs to."""
    with pytest.raises(sakip.InvalidValueError, match="scale='opini-bpk'"):
        parse_target("WTP")


def test_a_non_text_target_is_refused() -> None:
    """parse_target reads text; a number is refused rather than guessed at."""
    with pytest.raises(sakip.InvalidValueError, match="a text"):
        parse_target(80)  # type: ignore[arg-type]


def test_levels_read_in_any_spelling_and_case() -> None:
    """A level is stored as the scale prints it, whatever the spelling given."""
    assert "WTP" == parse_target("Wajar Tanpa Pengecualian", scale="opini-bpk").level
    assert "TMP" == parse_target("disclaimer", scale=OPINI_BPK).level
    assert "BB" == parse_target(" bb ", scale="sakip-predicate").level
    assert 5 == LevelTarget("BB", "sakip-predicate").rank
    assert "BB" == str(LevelTarget("BB", SAKIP_PREDICATE_LEVELS))


def test_an_unknown_scale_lists_the_known_ones() -> None:
    """A level scale is looked up by name; an unknown one lists the registered names."""
    with pytest.raises(sakip.UnknownRuleError, match="opini-bpk"):
        parse_target("A", scale="akreditasi-sekolah")


@pytest.mark.parametrize(
    ("realized", "target", "percent", "met"),
    [
        ("WTP", "WTP", "100.00", True),
        ("WDP", "WTP", "75.00", False),
        ("TMP", "WTP", "25.00", False),
    ],
)
def test_rank_ratio_is_the_default_for_levels(
    realized: str, target: str, percent: str, met: bool
) -> None:
    """rank(R) / rank(T) × 100, met when the level is reached."""
    a = sakip.achievement(realization=realized, target=parse_target(target, scale="opini-bpk"))
    assert D(percent) == a.percent
    assert met is a.met
    assert (RANK_RATIO,) == a.rules


def test_met_or_not_gives_100_or_0() -> None:
    """The met-or-not rule prints 100 for a level reached and 0 for one missed."""
    target = parse_target("A", scale="sakip-predicate")
    above = sakip.achievement(realization="AA", target=target, formula="met-or-not")
    below = sakip.achievement(realization="BB", target=target, formula="met-or-not")
    assert (D("100.00"), True) == (above.percent, above.met)
    assert (D("0.00"), False) == (below.percent, below.met)
    assert "AA mencapai A: target tercapai = 100,00 %" == above.explain()


def test_a_level_above_the_target_scores_above_100_unless_capped() -> None:
    """AA against A is 116,67 %; a cap of 100 keeps the uncapped figure and says so."""
    target = parse_target("A", scale="sakip-predicate")
    capped = sakip.achievement(realization="AA", target=target, cap=100)
    assert D("100.00") == capped.percent
    assert capped.capped
    assert D("116.67") == sakip.achievement(realization="AA", target=target).percent
    assert "AA (7) / A (6) × 100 = 116,67 %, dibatasi 100 = 100,00 %" == capped.explain()
    floored = sakip.achievement(
        realization="D", target=target, formula="met-or-not", floor=10, cap=100
    )
    assert D("10.00") == floored.percent
    assert (
        "D di bawah A: target tidak tercapai = 0,00 %, dibatasi 10 = 10,00 %" == floored.explain()
    )


def test_a_level_target_refuses_what_does_not_fit() -> None:
    """A number as the realization, negative polarity or a numeric formula are refused."""
    target = parse_target("WTP", scale="opini-bpk")
    with pytest.raises(sakip.InvalidValueError, match="'realization' must be a level"):
        sakip.achievement(realization=4, target=target)
    with pytest.raises(sakip.InvalidValueError, match="positive"):
        sakip.achievement(realization="WTP", target=target, polarity="negatif")
    with pytest.raises(sakip.InvalidValueError, match="level formula"):
        sakip.achievement(realization="WTP", target=target, formula=DIRECT)
    with pytest.raises(sakip.UnknownRuleError, match="met-or-not"):
        sakip.achievement(realization="WTP", target=target, formula="direct")
    assert sakip.achievement(realization="WTP", target=target, polarity="positif").met


def test_a_level_formula_needs_a_level_target() -> None:
    """A level formula given for a number target is refused."""
    with pytest.raises(sakip.InvalidValueError, match="achievement formula for a number"):
        sakip.achievement(realization=84, target=80, formula=RANK_RATIO)


def test_a_comparator_decides_polarity_and_formula() -> None:
    """≤ is negative: the mirror formula by default, inverse by name; ≥ is positive."""
    at_most = parse_target("maksimal 5")
    assert D("120.00") == sakip.achievement(realization=4, target=at_most).percent
    assert (
        D("125.00") == sakip.achievement(realization=4, target=at_most, formula="inverse").percent
    )
    assert (
        D("120.00") == sakip.achievement(realization=4, target=at_most, polarity="negatif").percent
    )
    with pytest.raises(sakip.InvalidValueError, match="formula for negative polarity"):
        sakip.achievement(realization=4, target=at_most, formula="direct")
    with pytest.raises(sakip.InvalidValueError, match="positive, as the target ≥ 80 says"):
        sakip.achievement(realization=84, target=parse_target("≥ 80"), polarity="negatif")


@pytest.mark.parametrize(
    ("text", "realization", "met"),
    [
        ("≥ 80", "80", True),
        ("> 80", "80", False),
        ("> 80", "80.001", True),
        ("≤ 5", "5", True),
        ("< 5", "5", False),
        ("< 5", "4.999", True),
        ("≥ 80", "79.999", True),  # the printed figure is 100,00: met, as the figure shows
    ],
)
def test_strict_comparators_miss_at_the_bound(text: str, realization: str, met: bool) -> None:
    """> and < are met only beyond the bound; ≥ and ≤ follow the printed figure."""
    assert met is sakip.achievement(realization=realization, target=parse_target(text)).met


def test_a_comparator_target_cites_its_rule_and_explains_against_the_bound() -> None:
    """The formula runs against the bound, and the comparator rule is among the rules."""
    a = sakip.achievement(realization=84, target=parse_target("≥ 80"))
    assert "84 / 80 × 100 = 105,00 %" == a.explain()
    assert "comparator-target" == a.rules[-1].name
    assert EvidenceGrade.PRACTICE is a.rules[-1].source.grade
    assert "≥ 80" == str(parse_target("≥ 80"))
    assert sakip.Polarity.NEGATIVE is parse_target("< 1").polarity


@given(bound=st.decimals(min_value=1, max_value=10**6, places=2), ratio=st.integers(0, 300))
def test_comparators_agree_with_their_exact_condition_away_from_the_bound(
    bound: D, ratio: int
) -> None:
    """Away from the bound, met is the comparator's condition for every comparator."""
    realization = bound * ratio / 100
    for comparator in Comparator:
        target = ComparatorTarget(comparator, bound)
        result = sakip.achievement(realization=realization, target=target)
        if abs(result.uncapped - 100) >= 1:
            assert target.is_met_by(realization) is result.met


@given(st.sampled_from(list(LEVEL_SCALES)), st.data())
def test_rank_ratio_rises_with_the_realized_level(scale: LevelScale, data: st.DataObject) -> None:
    """A higher realized level never scores lower, and reaching the target scores 100."""
    target = data.draw(st.sampled_from(scale.levels))
    scores = [
        sakip.achievement(realization=level, target=LevelTarget(target, scale)).percent
        for level in scale.levels
    ]
    assert scores == sorted(scores)
    assert D("100.00") == scores[scale.levels.index(target)]


def test_a_user_scale_registers_and_validates() -> None:
    """Users build their own ladders; a scale needs two levels and unambiguous spellings."""
    source = Source(reference="Perbup contoh", grade=EvidenceGrade.POLICY)
    ladder = LevelScale(
        name="rb", title="reformasi", levels=("Dasar", "Madya", "Utama"), source=source
    )
    assert 3 == ladder.rank("utama")
    assert "Madya" in ladder
    assert 1 not in ladder
    with pytest.raises(sakip.InvalidValueError, match="at least two levels"):
        LevelScale(name="x", title="x", levels=("A",), source=source)
    with pytest.raises(sakip.InvalidValueError, match="an alias of one of"):
        LevelScale(name="x", title="x", levels=("A", "B"), aliases={"Z": "C"}, source=source)
    with pytest.raises(sakip.InvalidValueError, match="one level only"):
        LevelScale(name="x", title="x", levels=("A", "B"), aliases={"a": "B"}, source=source)


def test_sakip_rules_lists_the_level_scales_and_formulas() -> None:
    """`sakip rules` shows each level scale as its ladder, and the level formulas."""
    import io

    from sakip.cli import main

    out = io.StringIO()
    assert 0 == main(["rules"], out=out)
    assert "      TMP < TW < WDP < WTP" in out.getvalue().splitlines()
    assert "  rank-ratio: the realized level's rank over the target level's rank" in out.getvalue()


def test_a_level_achievement_reads_well_and_serialises() -> None:
    """One-line repr with the levels and the rating; to_dict() is JSON-ready."""
    import json

    a = sakip.achievement(realization="WDP", target=parse_target("WTP", scale="opini-bpk"))
    assert "<LevelAchievement 75,00 %, WDP of WTP: Sedang>" == repr(a)
    data = json.loads(json.dumps(a.to_dict()))
    assert ("75.00", False, ["rank-ratio"]) == (data["percent"], data["met"], data["rules"])
    assert "<Achievement 105,00 % of ≥ 80: Sangat Tinggi>" == repr(
        sakip.achievement(realization=84, target=parse_target("≥ 80"))
    )
