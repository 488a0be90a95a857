"""Budget absorption, budget totals and the efficiency conventions."""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
import sakip.budget
from sakip._decimal import round_half_up
from sakip.budget import EFFICIENCY_CONVENTIONS
from tests.strategies import ceilings, decimals, money, quarterly_money

# --- absorption ----------------------------------------------------------------------------


def test_contract_absorption_of_the_nilai_sakip_line() -> None:
    """The API contract: 149.338.671 of 174.970.600 is 85,35 %."""
    assert D("85.35") == sakip.absorption(spent=149338671, ceiling=174970600).percent


def test_seed_absorption_of_the_whole_department() -> None:
    """The seed department spent 4.825.424.420 of 5.093.068.611: 94,74 %."""
    result = sakip.absorption(spent=4825424420, ceiling=5093068611)
    assert D("94.74") == result.percent
    assert "4.825.424.420 / 5.093.068.611 × 100 = 94,74 %" == result.explain()


def test_absorption_keeps_the_exact_value() -> None:
    """The value is the unrounded quotient; only percent is rounded."""
    result = sakip.absorption(spent=1, ceiling=3)
    assert D("33.33333333333333333333333333") == result.value
    assert (D(1), D(3)) == (result.spent, result.ceiling)


def test_absorption_explains_in_indonesian_notation() -> None:
    """explain() prints the formula with Indonesian separators."""
    expected = "149.338.671 / 174.970.600 × 100 = 85,35 %"
    assert expected == sakip.absorption(spent=149338671, ceiling=174970600).explain()


def test_absorption_with_a_zero_ceiling_is_not_computable() -> None:
    """A ceiling of 0 has no absorption; the error says so with the inputs."""
    with pytest.raises(sakip.UndefinedResultError, match="the ceiling is 0") as caught:
        sakip.absorption(spent=10, ceiling=0)
    assert (("spent", D(10)), ("ceiling", D(0))) == caught.value.inputs


def test_absorption_refuses_a_negative_ceiling() -> None:
    """A ceiling below zero is not a ceiling."""
    with pytest.raises(sakip.InvalidValueError, match="'ceiling' must be a ceiling above zero"):
        sakip.absorption(spent=10, ceiling=-5)


def test_absorption_refuses_non_numbers() -> None:
    """A text that is no number is refused, naming the argument."""
    with pytest.raises(sakip.InvalidValueError, match="'spent' must be a finite number"):
        sakip.absorption(spent="banyak", ceiling=10)


def test_absorption_arguments_are_keyword_only() -> None:
    """Spent and ceiling cannot be swapped silently: they must be named."""
    with pytest.raises(TypeError):
        sakip.absorption(149338671, 174970600)  # type: ignore[misc]


# --- line absorption -----------------------------------------------------------------------


def test_line_absorption_uses_the_revised_ceiling() -> None:
    """The revised ceiling (pagu perubahan) replaces the original one."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=200, revised_ceiling=100, spent=80)
    result = sakip.line_absorption(line)
    assert D("80.00") == result.percent
    assert result.revised
    assert "1" == result.line
    assert "80 / 100 × 100 = 80,00 % (pagu perubahan)" == result.explain()


def test_line_absorption_of_the_seed_line() -> None:
    """The seed's Nilai SAKIP line gives 85,35 % on its ceiling."""
    line = sakip.BudgetLine(
        code="SAKIP", name="Nilai SAKIP Kota Metro", ceiling=174970600, spent=149338671
    )
    result = sakip.line_absorption(line)
    assert D("85.35") == result.percent
    assert not result.revised
    assert result.check is None


def test_line_absorption_sums_the_quarters() -> None:
    """Without a year figure, spending is the sum of the four quarters."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=100, quarterly_spent=[10, 20, 30, 25])
    result = sakip.line_absorption(line)
    assert D(85) == result.value
    assert (1, 2, 3, 4) == result.quarters_used
    assert result.complete


def test_line_absorption_as_of_a_quarter() -> None:
    """As of TW II only the first two quarters count, even when the year is stated."""
    line = sakip.BudgetLine(
        code="1", name="x", ceiling=100, spent=85, quarterly_spent=[10, 20, 30, 25]
    )
    result = sakip.line_absorption(line, as_of=sakip.Quarter(2024, 2))
    assert D(30) == result.value
    assert (1, 2) == result.quarters_used


def test_a_missing_quarter_raises_by_default() -> None:
    """A quarter not reported is missing, not 0: the absorption is refused by default."""
    line = sakip.BudgetLine(code="1.2", name="x", ceiling=100, quarterly_spent=[10, None, 30, 25])
    with pytest.raises(sakip.UndefinedResultError, match="TW II") as caught:
        sakip.line_absorption(line)
    assert (("line", "1.2"),) == caught.value.inputs


def test_quarters_not_listed_are_missing() -> None:
    """A quarterly list that stops at TW II leaves TW III and IV missing."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=100, quarterly_spent=[10, 20])
    with pytest.raises(sakip.UndefinedResultError, match="TW III, TW IV"):
        sakip.line_absorption(line)
    assert D(30) == sakip.line_absorption(line, as_of=sakip.Quarter(2024, 2)).value


def test_partial_absorption_lists_the_missing_quarters() -> None:
    """partial=True computes from reported quarters and says which are missing."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=100, quarterly_spent=[10, None, 30])
    result = sakip.line_absorption(line, partial=True)
    assert D(40) == result.value
    assert (2, 4) == result.missing
    assert not result.complete
    assert "40 / 100 × 100 = 40,00 %; TW II, TW IV tidak dilaporkan" == result.explain()


def test_line_without_any_spending_is_not_computable() -> None:
    """A line with neither a year figure nor quarters has no absorption, even partially."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=100)
    with pytest.raises(sakip.UndefinedResultError, match="not reported"):
        sakip.line_absorption(line, partial=True)


def test_line_with_zero_ceiling_names_the_line() -> None:
    """A zero ceiling on a line is not computable, and the error names the line."""
    line = sakip.BudgetLine(code="9.9", name="x", ceiling=0, spent=0)
    with pytest.raises(sakip.UndefinedResultError) as caught:
        sakip.line_absorption(line)
    assert ("line", "9.9") == caught.value.inputs[0]


def test_stated_spending_that_disagrees_with_its_quarters_is_reported() -> None:
    """A year figure that is not the sum of its quarters is reported in the result."""
    line = sakip.BudgetLine(
        code="1.3", name="x", ceiling=100, spent=90, quarterly_spent=[10, 20, 30, 25]
    )
    result = sakip.line_absorption(line)
    assert D(90) == result.value
    assert result.check is not None
    assert not result.check.ok
    assert D(5) == result.check.difference
    assert result.explain().endswith(
        "realisasi tertulis berbeda dari jumlah triwulan: "
        "1.3 realisasi per triwulan: 10 + 20 + 30 + 25 = 85; tertulis 90: selisih 5"
    )


def test_stated_spending_that_matches_its_quarters_passes() -> None:
    """A matching year figure is checked and found right."""
    line = sakip.BudgetLine(
        code="1", name="x", ceiling=100, spent=85, quarterly_spent=[10, 20, 30, 25]
    )
    result = sakip.line_absorption(line)
    assert result.check is not None
    assert result.check.ok
    assert "85 / 100 × 100 = 85,00 %" == result.explain()


def test_line_absorption_refuses_other_arguments() -> None:
    """Only a BudgetLine and a Quarter are accepted."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=100, spent=1)
    with pytest.raises(sakip.InvalidValueError, match="'line' must be"):
        sakip.line_absorption("1")  # type: ignore[arg-type]
    with pytest.raises(sakip.InvalidValueError, match="'as_of' must be"):
        sakip.line_absorption(line, as_of=2)  # type: ignore[arg-type]


# --- totals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "parts", "stated"),
    [
        ("06.", [82, 105, 18, 15, 10, 11], 241),
        ("07.", [15, 88, 6], 109),
        ("08.", [235, 20, 27, 10, 5], 297),
        ("09.", [10, 5], 15),
        ("10.", [30], 30),
    ],
)
def test_seed_apbd_sub_item_totals_check_out(where: str, parts: list[int], stated: int) -> None:
    """The seed's APBD sub-item beneficiaries add up to the printed totals."""
    check = sakip.check_total(stated=stated, parts=parts, where=where, quantity="penerima")
    assert check.ok
    assert D(0) == check.difference
    assert D(stated) == check.computed


def test_seed_apbd_ceilings_add_up_to_the_printed_total() -> None:
    """The eighteen APBD ceilings of the seed add up to Rp 607.667.208."""
    ceilings_printed = [
        31531260, 78804600, 57452550, 125657700, 75238000, 33248000, 6577666, 15250000,
        30000000, 6250000, 17035900, 6577666, 53250000, 6577666, 18250000, 6250000, 6250000,
        33466200,
    ]  # fmt: skip
    check = sakip.check_total(stated="607667208", parts=ceilings_printed, where="Sumber APBD")
    assert check.ok


def test_seed_apbn_beneficiaries_mismatch_is_reported() -> None:
    """The seed's APBN beneficiaries 5.306 + 7.607 + 336 + 47 are 13.296, not 12.942."""
    check = sakip.check_total(stated=12942, parts=[5306, 7607, 336, 47], where="APBN")
    assert not check.ok
    assert D(13296) == check.computed
    assert D(-354) == check.difference
    assert "APBN jumlah: 5.306 + 7.607 + 336 + 47 = 13.296; tertulis 12.942: selisih -354" == (
        check.explain()
    )


def test_seed_apbn_money_checks_out() -> None:
    """The seed's APBN money adds up to Rp 32.191.063.620 as printed."""
    parts = [13768506120, 17321800000, 644787500, 455970000]
    assert sakip.check_total(stated=32191063620, parts=parts, where="APBN").ok


def _tree() -> sakip.BudgetLine:
    first = sakip.BudgetLine(
        code="1.1", name="a", level="kegiatan", ceiling=60, revised_ceiling=70, spent=50
    )
    second = sakip.BudgetLine(
        code="1.2", name="b", level="kegiatan", ceiling=40, quarterly_spent=[5, 5, 10, 10]
    )
    return sakip.BudgetLine(
        code="1",
        name="Program",
        ceiling=100,
        revised_ceiling=105,
        spent=80,
        children=[first, second],
    )


def test_check_totals_compares_every_total_with_its_children() -> None:
    """Ceiling, revised ceiling and spending of a line are checked against its children."""
    checks = sakip.check_totals(_tree())
    assert [("1", "pagu"), ("1", "pagu perubahan"), ("1", "realisasi")] == [
        (check.where, check.quantity) for check in checks
    ]
    ceiling, revised, spent = checks
    assert ceiling.ok
    assert (D(105), D(110), D(-5)) == (revised.stated, revised.computed, revised.difference)
    assert (D(80), D(80)) == (spent.stated, spent.computed)


def test_check_totals_skips_spending_when_a_child_has_none() -> None:
    """No spending check when a child reports no full year of spending."""
    child = sakip.BudgetLine(code="1.1", name="a", ceiling=60, quarterly_spent=[5, None])
    line = sakip.BudgetLine(code="1", name="p", ceiling=60, spent=5, children=[child])
    assert [("1", "pagu")] == [(c.where, c.quantity) for c in sakip.check_totals(line)]


def test_check_totals_checks_quarters_against_the_year() -> None:
    """A line stating both its year and its four quarters gets a check of the two."""
    line = sakip.BudgetLine(code="2", name="x", ceiling=100, spent=60, quarterly_spent=[10] * 4)
    (check,) = sakip.check_totals([line])
    assert ("2", "realisasi per triwulan", D(20)) == (
        check.where,
        check.quantity,
        check.difference,
    )


def test_check_totals_of_a_leaf_without_quarters_is_empty() -> None:
    """A line with nothing to add up has no checks."""
    assert () == sakip.check_totals(sakip.BudgetLine(code="3", name="x", ceiling=1))


def test_check_totals_walks_the_whole_tree() -> None:
    """Grandchildren are checked too."""
    leaf = sakip.BudgetLine(code="1.1.1", name="s", level="sub kegiatan", ceiling=5)
    middle = sakip.BudgetLine(code="1.1", name="k", level="kegiatan", ceiling=6, children=[leaf])
    top = sakip.BudgetLine(code="1", name="p", ceiling=6, children=[middle])
    checks = sakip.check_totals(top)
    assert [("1", True), ("1.1", False)] == [(c.where, c.ok) for c in checks]


def test_check_totals_refuses_other_objects() -> None:
    """Only budget lines can be checked."""
    with pytest.raises(sakip.InvalidValueError, match="'lines' must be"):
        sakip.check_totals(["1"])  # type: ignore[list-item]


def test_check_total_refuses_non_numbers() -> None:
    """A part that is no number is named by its position."""
    with pytest.raises(sakip.InvalidValueError, match=r"'parts\[1\]'"):
        sakip.check_total(stated=3, parts=[1, "dua"], where="x")


# --- efficiency ---------------------------------------------------------------------------------


def test_conventions_are_registered_with_sources() -> None:
    """E1-E4 are registered by name; E1-E3 are practice, E4 is PMK 249/2011 (REG-2nd)."""
    assert ["difference", "pmk-249-2011", "share", "unspent"] == EFFICIENCY_CONVENTIONS.names()
    for name in ("difference", "share", "unspent"):
        assert sakip.EvidenceGrade.PRACTICE is EFFICIENCY_CONVENTIONS.get(name).source.grade
    pmk = EFFICIENCY_CONVENTIONS.get("PMK_249_2011")
    assert sakip.EvidenceGrade.REGULATION_QUOTED is pmk.source.grade
    assert "PMK 249/2011" == pmk.source.reference
    assert "No official rating bands" in (pmk.source.note or "")


def test_difference_of_the_seed_line() -> None:
    """E1: achievement 100,42 % against absorption 85,35 % is 15,07 points, efficient."""
    achieved = sakip.achievement(realization=95, target="94.6")
    absorbed = sakip.absorption(spent=149338671, ceiling=174970600)
    result = sakip.efficiency("difference", achievement=achieved, absorption=absorbed)
    assert D("15.07") == result.percent
    assert achieved.value - absorbed.value == result.value
    assert result.efficient
    assert "capaian 100,42 % − serapan 85,35 % = 15,07 poin: efisien" == result.explain()


@pytest.mark.parametrize(
    ("achievement", "absorption", "efficient"),
    [(90, 95, False), (95, 95, False), ("95.01", 95, True)],
)
def test_difference_is_efficient_only_when_positive(
    achievement: object, absorption: object, efficient: bool
) -> None:
    """E1 calls a positive difference efficient; zero or below is not."""
    result = sakip.efficiency("difference", achievement=achievement, absorption=absorption)  # type: ignore[arg-type]
    assert efficient is result.efficient


def test_share_is_a_verdict() -> None:
    """E2: efficient when achievement exceeds absorption, with the comparison printed."""
    yes = sakip.efficiency("share", achievement=80, absorption=70)
    no = sakip.efficiency("share", achievement=70, absorption=70)
    assert (True, False) == (yes.efficient, no.efficient)
    assert "capaian 80,00 % > serapan 70,00 %: efisien" == yes.explain()
    assert "capaian 70,00 % ≤ serapan 70,00 %: tidak efisien" == no.explain()


def test_unspent_reads_savings_when_the_target_is_met() -> None:
    """E3: the unspent share counts as a saving only when the target is met."""
    met = sakip.efficiency("unspent", achievement="100.42", absorption="85.35")
    assert D("14.65") == met.value
    assert met.efficient
    assert "100 − serapan 85,35 % = 14,65 % tidak terserap (capaian 100,42 %): efisien" == (
        met.explain()
    )
    all_spent = sakip.efficiency("unspent", achievement=100, absorption=100)
    assert all_spent.efficient is False
    assert "tidak efisien" == all_spent.verdict


def test_verdicts_follow_the_printed_figures() -> None:
    """E1, E2 and E3 judge by the printed figures, so no printed line contradicts itself."""
    share = sakip.efficiency("share", achievement="85.351", absorption="85.35")
    assert "capaian 85,35 % ≤ serapan 85,35 %: tidak efisien" == share.explain()
    difference = sakip.efficiency("difference", achievement="85.354", absorption="85.35")
    assert "capaian 85,35 % − serapan 85,35 % = 0,00 poin: tidak efisien" == difference.explain()
    rounded_apart = sakip.efficiency("difference", achievement="100.424", absorption="85.345")
    assert "capaian 100,42 % − serapan 85,35 % = 15,07 poin: efisien" == rounded_apart.explain()
    unspent = sakip.efficiency("unspent", achievement="99.996", absorption="80")
    assert (True, "efisien") == (unspent.efficient, unspent.verdict)
    all_spent = sakip.efficiency("unspent", achievement=100, absorption="99.999")
    assert False is all_spent.efficient


def test_unspent_is_not_read_when_the_target_is_missed() -> None:
    """E3 gives no verdict below 100 % achievement: unspent money is no saving then."""
    result = sakip.efficiency("unspent", achievement=90, absorption=60)
    assert D(40) == result.value
    assert result.efficient is None
    assert result.explain().endswith("tidak dibaca: target tidak tercapai")


def test_pmk_worked_example() -> None:
    """E4: two outputs with E_i 10 % and 16,67 % give E 13,33 % and Nilai Efisiensi 83,33."""
    outputs = [
        sakip.OutputFigures(spent=90, volume=100, ceiling=100, target_volume=100, name="A"),
        sakip.OutputFigures(spent=50, volume=10, ceiling=60, target_volume=10, name="B"),
    ]
    result = sakip.efficiency("pmk-249-2011", outputs=outputs)
    assert (D("0.1"), D(1) - D(5) / D(6)) == result.components
    assert D("13.33") == round_half_up(result.e)  # type: ignore[arg-type]
    assert D("83.33") == result.percent
    assert not result.bounded
    assert result.efficient is None
    assert (
        "E = 13,33 %; nilai efisiensi = 50 % + 13,33 / 20 × 50 % = 83,33 % (tanpa kategori resmi)"
        == result.explain()
    )


def test_pmk_bounds_e_above() -> None:
    """E above +20 % is bounded to 20 %, giving 100, and the result says so."""
    output = sakip.OutputFigures(spent=50, volume=100, ceiling=100, target_volume=100)
    result = sakip.efficiency("pmk-249-2011", outputs=[output])
    assert (D(50), D(20), D(100)) == (result.e_unbounded, result.e, result.value)
    assert result.bounded
    assert result.explain().startswith("E = 50,00 %, dibatasi ±20 % = 20,00 %")


def test_pmk_bounds_e_below() -> None:
    """E below −20 % is bounded to −20 %, giving 0."""
    output = sakip.OutputFigures(spent=150, volume=100, ceiling=100, target_volume=100)
    result = sakip.efficiency("pmk-249-2011", outputs=[output])
    assert (D(-50), D(-20), D(0)) == (result.e_unbounded, result.e, result.value)
    assert result.bounded
    assert "50 % + (-20,00) / 20 × 50 % = 0,00 %" in result.explain()


def test_pmk_as_planned_scores_fifty() -> None:
    """Spending per output exactly as planned gives E 0 and Nilai Efisiensi 50."""
    output = sakip.OutputFigures(spent=100, volume=100, ceiling=100, target_volume=100)
    result = sakip.efficiency("pmk-249-2011", outputs=[output])
    assert (D(0), D(50)) == (result.e, result.value)


@pytest.mark.parametrize(
    ("figures", "named"),
    [
        ({"volume": 0}, "RVK"),
        ({"ceiling": 0}, "PAK"),
        ({"target_volume": 0}, "TVK"),
        ({"volume": 0, "ceiling": 0}, "RVK and PAK"),
    ],
)
def test_pmk_zero_denominators_are_not_computable(figures: dict[str, int], named: str) -> None:
    """A zero RVK, PAK or TVK makes E4 not computable, naming the figure and the output."""
    base = {"spent": 10, "volume": 10, "ceiling": 10, "target_volume": 10} | figures
    output = sakip.OutputFigures(**base, name="Bansos")
    with pytest.raises(sakip.UndefinedResultError, match=f"{named} of output Bansos is 0"):
        sakip.efficiency("pmk-249-2011", outputs=[output])


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        ([], "at least one output"),
        (sakip.OutputFigures(spent=1, volume=1, ceiling=1, target_volume=1), "a sequence"),
        (5, "a sequence"),
        ([(1, 1, 1, 1)], r"'outputs\[0\]' must be a sakip.OutputFigures"),
    ],
)
def test_pmk_refuses_malformed_outputs(outputs: object, message: str) -> None:
    """Outputs must be a non-empty sequence of OutputFigures."""
    with pytest.raises(sakip.InvalidValueError, match=message):
        sakip.efficiency("pmk-249-2011", outputs=outputs)  # type: ignore[arg-type]


def test_output_figures_name_the_bad_figure() -> None:
    """A bad RAK is named with its PMK abbreviation."""
    with pytest.raises(sakip.InvalidValueError, match=r"'spent \(RAK\)'"):
        sakip.OutputFigures(spent="x", volume=1, ceiling=1, target_volume=1)


def test_efficiency_needs_the_conventions_inputs() -> None:
    """A missing input raises, naming the input and the convention."""
    with pytest.raises(sakip.InvalidValueError, match="convention 'difference' needs it"):
        sakip.efficiency("difference", achievement=90)


def test_efficiency_refuses_inputs_the_convention_does_not_use() -> None:
    """An input the convention ignores would be silently dropped: it raises instead."""
    with pytest.raises(sakip.InvalidValueError, match="uses achievement, absorption"):
        sakip.efficiency(
            "share",
            achievement=90,
            absorption=80,
            outputs=[sakip.OutputFigures(spent=1, volume=1, ceiling=1, target_volume=1)],
        )


def test_efficiency_unknown_convention_lists_the_known_ones() -> None:
    """An unknown convention name lists every registered one."""
    with pytest.raises(sakip.UnknownRuleError, match="'difference', 'pmk-249-2011'"):
        sakip.efficiency("ratio", achievement=1, absorption=1)


def test_efficiency_takes_the_convention_object() -> None:
    """A convention object works as well as its name."""
    convention = EFFICIENCY_CONVENTIONS.get("difference")
    assert convention is sakip.efficiency(convention, achievement=2, absorption=1).convention


def test_efficiency_has_no_rating_bands() -> None:
    """No official bands exist, so no result carries a rating: only the convention's verdict."""
    result = sakip.efficiency(
        "pmk-249-2011",
        outputs=[sakip.OutputFigures(spent=90, volume=100, ceiling=100, target_volume=100)],
    )
    assert "tanpa kategori resmi" == result.verdict
    assert not hasattr(result, "rating")


# --- properties ---------------------------------------------------------------------------------


@given(st.lists(money, min_size=4, max_size=4), ceilings)
def test_absorption_of_summed_quarters_equals_absorption_of_the_year(
    quarters: list[D], ceiling: D
) -> None:
    """A line's four quarters give the absorption of their total stated as the year."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=ceiling, quarterly_spent=quarters)
    year = sakip.absorption(spent=sum(quarters, D(0)), ceiling=ceiling)
    assert year.value == sakip.line_absorption(line).value


@given(quarterly_money.filter(lambda q: None in q), ceilings)
def test_a_missing_quarter_is_never_read_as_zero(quarters: list[D | None], ceiling: D) -> None:
    """With a quarter missing, absorption raises, or (partial) lists it as missing."""
    line = sakip.BudgetLine(code="1", name="x", ceiling=ceiling, quarterly_spent=quarters)
    with pytest.raises(sakip.UndefinedResultError):
        sakip.line_absorption(line)
    missing = tuple(q for q, amount in enumerate(quarters, start=1) if amount is None)
    if len(missing) < 4:
        assert missing == sakip.line_absorption(line, partial=True).missing


@given(money, ceilings, decimals(min_value=0, max_value=200, places=2))
def test_results_ignore_the_callers_decimal_context(spent: D, ceiling: D, achieved: D) -> None:
    """A global context of precision 3 rounding down changes no absorption or efficiency."""
    absorbed = sakip.absorption(spent=spent, ceiling=ceiling)
    outputs = [sakip.OutputFigures(spent=spent + 1, volume=3, ceiling=ceiling, target_volume=7)]
    expected = (
        absorbed.value,
        sakip.efficiency("difference", achievement=achieved, absorption=absorbed).value,
        sakip.efficiency("unspent", achievement=achieved, absorption=absorbed).value,
        sakip.efficiency("pmk-249-2011", outputs=outputs).value,
    )
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        again = sakip.absorption(spent=spent, ceiling=ceiling)
        actual = (
            again.value,
            sakip.efficiency("difference", achievement=achieved, absorption=again).value,
            sakip.efficiency("unspent", achievement=achieved, absorption=again).value,
            sakip.efficiency("pmk-249-2011", outputs=outputs).value,
        )
    assert expected == actual


@given(st.lists(st.tuples(money, ceilings), min_size=1, max_size=5))
def test_pmk_score_stays_between_0_and_100(pairs: list[tuple[D, D]]) -> None:
    """The bound keeps E within ±20 % and the Nilai Efisiensi within 0-100."""
    outputs = [
        sakip.OutputFigures(spent=spent, volume=5, ceiling=ceiling, target_volume=4)
        for spent, ceiling in pairs
    ]
    result = sakip.efficiency("pmk-249-2011", outputs=outputs)
    assert D(-20) <= result.e <= D(20)  # type: ignore[operator]
    assert D(0) <= result.value <= D(100)
    assert result.bounded == (abs(result.e_unbounded) > 20)  # type: ignore[arg-type]


def test_a_custom_convention_computes_and_explains_itself() -> None:
    """A user's convention object works through efficiency() with its own explanation."""

    def ratio(
        convention: sakip.EfficiencyConvention, inputs: Mapping[str, object]
    ) -> sakip.Efficiency:
        value = D(str(inputs["achievement"])) / D(str(inputs["absorption"])) * 100
        return sakip.Efficiency(convention=convention, value=value, efficient=None)

    custom = sakip.EfficiencyConvention(
        name="ratio",
        title="achievement over absorption",
        expression="capaian % / serapan % × 100",
        inputs=("achievement", "absorption"),
        compute=ratio,
        explain=lambda result, lang, numbers: f"rasio {result.percent} ({lang}, {numbers})",
        source=sakip.Source(reference="Pedoman internal", grade=sakip.EvidenceGrade.POLICY),
    )
    result = sakip.efficiency(custom, achievement=90, absorption=60)
    assert "rasio 150.00 (id, id)" == result.explain()
    assert "rasio 150.00 (en, id)" == result.explain(lang="en", numbers="id")
    assert "tanpa kategori resmi" == result.verdict
    assert "no official category" == result.say_verdict("en")
