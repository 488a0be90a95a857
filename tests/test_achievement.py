"""Achievement (capaian): the formulas, the range and zero-target rules, caps and floors."""

from __future__ import annotations

import copy
import decimal
import pickle
from decimal import Decimal as D

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import sakip
from sakip.achievement import (
    DIRECT,
    FORMULAS,
    INVERSE,
    MIRROR,
    TARGET_RANGE_RULE,
    ZERO_TARGET_RULE,
    AchievementFormula,
    default_formula,
)
from sakip.rules import EvidenceGrade, Registry, Source
from tests.strategies import decimals, formulas, positive_decimals, target_ranges

# --- the public API contract ------------------------------------------------------------------


def test_contract_positive() -> None:
    """95 against 94,6 is 100,42 %, with the unrounded quotient kept to 28 digits."""
    a = sakip.achievement(realization=95, target="94.6")
    assert D("100.42") == a.percent
    assert D("100.4228329809725158562367865") == a.value
    assert 28 == len(a.value.as_tuple().digits)


def test_contract_negative_mirror_is_the_default() -> None:
    """Lower is better: 8 against 10 is 120 % by the mirror formula."""
    assert D("120.00") == sakip.achievement(realization=8, target=10, polarity="negative").percent


def test_contract_negative_inverse_by_name() -> None:
    """The inverse formula is there by name: 8 against 10 is 125 %."""
    result = sakip.achievement(realization=8, target=10, polarity="negative", formula="inverse")
    assert D("125.00") == result.percent


@pytest.mark.parametrize(
    ("realization", "target", "polarity", "expected"),
    [
        (70, sakip.TargetRange(80, 90), "positive", "87.50"),
        (92, sakip.TargetRange(80, 90), "positive", "102.22"),
        (85, sakip.TargetRange(80, 90), "positive", "100.00"),
        (D("6.5"), sakip.TargetRange(7, 8), "negative", "107.14"),
        (9, sakip.TargetRange(7, 8), "negative", "87.50"),
        (D("7.5"), sakip.TargetRange(7, 8), "negative", "100.00"),
    ],
)
def test_range_targets_reproduce_permenpanrb_8_2021(
    realization: object, target: sakip.TargetRange, polarity: str, expected: str
) -> None:
    """The regulation's worked examples (p. 99-100, 110), with its own 113 % slip corrected."""
    result = sakip.achievement(realization=realization, target=target, polarity=polarity)  # type: ignore[arg-type]
    assert D(expected) == result.percent
    assert TARGET_RANGE_RULE in result.rules


def test_contract_zero_target_met() -> None:
    """A zero target met by a zero realization is 100 %, by sakip's stated policy."""
    result = sakip.achievement(realization=0, target=0, polarity="negative")
    assert D("100.00") == result.percent
    assert (MIRROR, ZERO_TARGET_RULE) == result.rules
    assert "T = 0 dan R = 0: target nol terpenuhi = 100,00 %" == result.explain()


def test_contract_zero_target_missed_is_not_computable() -> None:
    """5 against a target of 0 raises, naming both numbers and the reason."""
    with pytest.raises(sakip.UndefinedAchievementError) as caught:
        sakip.achievement(realization=5, target=0)
    assert isinstance(caught.value, sakip.SakipError)
    assert (D(5), D(0)) == (caught.value.realization, caught.value.target)
    assert "target of 0" in str(caught.value)


def test_contract_cap() -> None:
    """A cap limits the figure and keeps the uncapped value."""
    result = sakip.achievement(realization=130, target=100, cap=100)
    assert D("100.00") == result.percent
    assert D(130) == result.uncapped
    assert result.capped
    assert "130 / 100 × 100 = 130,00 %, dibatasi 100 = 100,00 %" == result.explain()


# --- the formulas --------------------------------------------------------------------------


def test_seed_nilai_sakip_achievement() -> None:
    """The seed prints 101,54 % for 69,16 against 68,14; the figure is 101,50 %."""
    result = sakip.achievement(realization=D("69.16"), target=D("68.14"))
    assert D("101.50") == result.percent
    assert "69,16 / 68,14 × 100 = 101,50 %" == result.explain()


def test_mirror_is_200_at_zero_and_negative_past_twice_the_target() -> None:
    """The mirror formula gives 200 at R = 0 and keeps values below 0."""
    assert D(200) == sakip.achievement(realization=0, target=10, polarity="negative").value
    assert D(-50) == sakip.achievement(realization=25, target=10, polarity="negative").value


def test_floor_is_opt_in() -> None:
    """A floor applies only when asked for, and says so."""
    result = sakip.achievement(realization=25, target=10, polarity="negative", floor=0)
    assert (D(0), D(-50), True) == (result.value, result.uncapped, result.capped)
    assert "(2 × 10 − 25) / 10 × 100 = -50,00 %, dibatasi 0 = 0,00 %" == result.explain()


def test_floor_above_cap_is_refused() -> None:
    """A floor above the cap is a contradiction."""
    with pytest.raises(sakip.InvalidValueError, match="floor"):
        sakip.achievement(realization=1, target=1, cap=100, floor=120)


def test_inverse_is_undefined_at_zero_realization() -> None:
    """T / R has no value at R = 0."""
    with pytest.raises(sakip.UndefinedAchievementError, match="inverse"):
        sakip.achievement(realization=0, target=10, polarity="negative", formula=INVERSE)


@pytest.mark.parametrize("formula", [DIRECT, MIRROR, INVERSE])
def test_negative_targets_are_not_computable(formula: AchievementFormula) -> None:
    """The built-in formulas need a target above zero."""
    with pytest.raises(sakip.UndefinedAchievementError, match="above zero"):
        sakip.achievement(realization=1, target=-5, polarity=formula.polarity, formula=formula)


def test_a_formula_must_fit_the_polarity() -> None:
    """Asking for the inverse formula of a positive indicator is an error listing what fits."""
    with pytest.raises(sakip.InvalidValueError) as caught:
        sakip.achievement(realization=8, target=10, formula="inverse")
    assert "a formula for positive polarity (direct)" in str(caught.value)


def test_unknown_formula_lists_the_known_ones() -> None:
    """An unknown formula name raises UnknownRuleError with the registered names."""
    with pytest.raises(sakip.UnknownRuleError) as caught:
        sakip.achievement(realization=8, target=10, formula="ratio")
    assert ("direct", "inverse", "mirror") == caught.value.available


def test_polarity_accepts_indonesian_names() -> None:
    """Polaritas: positif/negatif and English synonyms."""
    assert sakip.Polarity.NEGATIVE is sakip.Polarity("Negatif")
    assert sakip.Polarity.NEGATIVE is sakip.Polarity("lower is better")
    assert sakip.Polarity.POSITIVE is sakip.Polarity("+")
    with pytest.raises(sakip.InvalidValueError, match="'positive', 'negative'"):
        sakip.achievement(realization=1, target=1, polarity="up")


def test_target_objects_are_accepted() -> None:
    """A Target works wherever a number does."""
    assert D("100.42") == sakip.achievement(realization=95, target=sakip.Target("94.6")).percent


def test_explain_names_the_bound_used_outside_a_range() -> None:
    """Outside a range the explanation says which bound was used."""
    below = sakip.achievement(realization=70, target=sakip.TargetRange(80, 90))
    assert "di luar rentang, batas bawah 80: 70 / 80 × 100 = 87,50 %" == below.explain()
    inside = sakip.achievement(realization=85, target=sakip.TargetRange(80, 90))
    assert "80 ≤ 85 ≤ 90: dalam rentang target = 100,00 %" == inside.explain()
    assert inside.compared_with is None


def test_default_formula_by_polarity() -> None:
    """The default is direct for positive polarity and mirror for negative."""
    assert DIRECT is default_formula("positif")
    assert MIRROR is default_formula(sakip.Polarity.NEGATIVE)


def test_users_can_register_their_own_formula() -> None:
    """A custom formula in a registry of one's own, used by object or by name."""
    registry: Registry[AchievementFormula] = Registry("achievement formula")
    squared = registry.register(
        AchievementFormula(
            name="squared",
            polarity="positive",
            title="squared ratio",
            expression="({R} / {T})² × 100",
            compute=lambda r, t: (r / t) ** 2 * 100,
            source=Source(reference="Our own rule", grade=EvidenceGrade.POLICY),
        )
    )
    result = sakip.achievement(realization=9, target=10, formula=squared)
    assert D("81.00") == result.percent
    assert "(9 / 10)² × 100 = 81,00 %" == result.explain()
    assert squared is registry.get("SQUARED") is registry["squared"]
    with pytest.raises(sakip.UnknownRuleError, match="squared"):
        registry["cubed"]
    with pytest.raises(sakip.DuplicateRuleError):
        registry.register(squared)


def test_the_built_in_formulas_cite_their_sources() -> None:
    """Each built-in formula has a source with a grade; inverse is practice only."""
    assert ["direct", "inverse", "mirror"] == FORMULAS.names()
    assert EvidenceGrade.REGULATION is DIRECT.source.grade
    assert EvidenceGrade.PRACTICE is INVERSE.source.grade
    assert "PermenPANRB 8/2021" in str(MIRROR.source)


# --- properties ----------------------------------------------------------------------------


@given(formulas(), positive_decimals())
def test_meeting_the_target_exactly_is_100(formula: AchievementFormula, target: D) -> None:
    """achievement(t, t) == 100 for every polarity and formula."""
    result = sakip.achievement(
        realization=target, target=target, polarity=formula.polarity, formula=formula
    )
    assert D(100) == result.value


@given(positive_decimals(), positive_decimals(), positive_decimals())
def test_positive_rises_and_negative_falls_with_realization(t: D, r1: D, r2: D) -> None:
    """A higher realization never scores lower when higher is better, nor higher when lower is."""
    low, high = sorted((r1, r2))
    for formula in FORMULAS:
        a_low = sakip.achievement(
            realization=low, target=t, polarity=formula.polarity, formula=formula
        )
        a_high = sakip.achievement(
            realization=high, target=t, polarity=formula.polarity, formula=formula
        )
        if formula.polarity is sakip.Polarity.POSITIVE:
            assert a_low.value <= a_high.value
        else:
            assert a_low.value >= a_high.value


@given(
    target_ranges(),
    decimals(min_value=0, max_value=3 * 10**6),
    st.sampled_from(list(sakip.Polarity)),
)
def test_range_is_100_inside_and_below_100_on_the_bad_side(
    target: sakip.TargetRange, realization: D, polarity: sakip.Polarity
) -> None:
    """Inside the range 100; outside on the polarity's bad side, below 100."""
    assume(realization > 0)
    result = sakip.achievement(realization=realization, target=target, polarity=polarity)
    if target.low <= realization <= target.high:
        assert D(100) == result.value
    elif (realization < target.low) == (polarity is sakip.Polarity.POSITIVE):
        assert result.value < 100
    else:
        assert result.value > 100


@given(decimals(min_value=0, max_value=10**6), positive_decimals(10**6), decimals(0, 300))
def test_a_cap_never_raises_a_value(realization: D, target: D, cap: D) -> None:
    """Capping only lowers."""
    capped = sakip.achievement(realization=realization, target=target, cap=cap)
    assert capped.value <= capped.uncapped
    assert capped.value <= cap


@given(decimals(min_value=0, max_value=10**6), positive_decimals(10**6))
def test_results_are_frozen_values(realization: D, target: D) -> None:
    """Results compare by value and cannot be changed."""
    one = sakip.achievement(realization=realization, target=target)
    assert one == sakip.achievement(realization=realization, target=target)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        one.value = D(0)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("realization", "target", "polarity", "met"),
    [
        (95, "94.6", "positive", True),
        (D("99.996"), 100, "positive", True),  # prints 100,00
        (D("99.994"), 100, "positive", False),  # prints 99,99
        (130, 100, "positive", True),
        (8, 10, "negative", True),
        (11, 10, "negative", False),
        (85, sakip.TargetRange(80, 90), "positive", True),
        (92, sakip.TargetRange(80, 90), "positive", True),  # 102,22 %: beyond, on the good side
        (70, sakip.TargetRange(80, 90), "positive", False),
        (8, sakip.TargetRange(10, 15), "negative", True),  # 120,00 %: lower is better
        (16, sakip.TargetRange(10, 15), "negative", False),
    ],
)
def test_met_follows_the_printed_figure_and_the_range(
    realization: object, target: object, polarity: str, met: bool
) -> None:
    """A target or a range is met exactly when the printed achievement is 100 or more."""
    result = sakip.achievement(realization=realization, target=target, polarity=polarity)  # type: ignore[arg-type]
    assert met is result.met


def test_a_cap_does_not_decide_whether_the_target_is_met() -> None:
    """A cap below 100 still leaves a target met when the realization meets it."""
    assert sakip.achievement(realization=100, target=100, cap=90).met


@pytest.mark.parametrize("polarity", [5, 1.5, ["positive"]])
def test_a_polarity_that_is_no_text_is_refused(polarity: object) -> None:
    """A polarity given as anything but a text or a Polarity names the known ones."""
    with pytest.raises(sakip.InvalidValueError, match="'positive', 'negative'"):
        sakip.achievement(realization=1, target=1, polarity=polarity)  # type: ignore[arg-type]


def test_no_polarity_means_positive_for_a_number_target() -> None:
    """polarity=None, the default, is higher-is-better unless a comparator says otherwise."""
    assert D("80.00") == sakip.achievement(realization=8, target=10, polarity=None).percent


@pytest.mark.parametrize("target", [D("1E+999"), D("-1E+401"), D("1E-999")])
def test_a_decimal_target_beyond_the_supported_range_is_refused(target: D) -> None:
    """A Decimal target is checked like any other: never a silent 0,00 against 1E+999."""
    with pytest.raises(sakip.InvalidValueError, match="between -1E\\+400 and 1E\\+400"):
        sakip.achievement(realization=1, target=target)


# Numbers the lean path must take or leave exactly as the general path does: any decimal
# (NaN, infinities, any exponent), the edges of the supported range, ints around its limit.
_EDGES = [
    D("1E+399"),
    D("1E+400"),
    D("-" + "9" * 400),
    D("9" * 400),
    D("0." + "0" * 398 + "1"),
    D("0." + "0" * 399 + "1"),
    D("1." + "0" * 398),
    D("1." + "0" * 399),
    D("1E-7"),
    D("12E+3"),
    D("0E-3"),
    D("-0"),
]
# Contexts a caller might have set: low precision, odd rounding, traps, small exponents.
_CONTEXTS = [
    decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR, Emax=10, Emin=-10, capitals=0),
    decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded]),
]
any_numbers = st.one_of(
    decimals(),
    st.decimals(),
    st.sampled_from(_EDGES),
    st.integers(-(10**20), 10**20),
    st.integers(10**15 - 2, 10**15 + 2),
)


def _fields(result: object) -> list[tuple[str, str]]:
    """Each field with the repr of its value: equal decimals can differ in their exponent."""
    return [(f.name, repr(getattr(result, f.name))) for f in attrs.fields(type(result))]


@given(
    st.one_of(any_numbers, positive_decimals()),
    st.one_of(any_numbers, positive_decimals(), st.integers(1, 10**20)),
    st.sampled_from([None, sakip.Polarity.POSITIVE, sakip.Polarity.NEGATIVE]),
    st.sampled_from([None, *_CONTEXTS]),
)
def test_the_common_call_gives_what_the_general_path_gives(
    realization: D | int,
    target: D | int,
    polarity: sakip.Polarity | None,
    context: decimal.Context | None,
) -> None:
    """Numbers and a built-in polarity take a lean path; a polarity's name, the general one.

    Both give the same fields, to the exponent of each decimal, or the same error, whatever
    the caller's decimal context is.
    """
    name = "positive" if polarity is None else polarity.value
    try:
        general = sakip.achievement(realization=realization, target=target, polarity=name)
    except sakip.SakipError as error:
        with pytest.raises(type(error)), decimal.localcontext(context or decimal.getcontext()):
            sakip.achievement(realization=realization, target=target, polarity=polarity)
        return
    with decimal.localcontext(context or decimal.getcontext()):
        lean = sakip.achievement(realization=realization, target=target, polarity=polarity)
    assert _fields(general) == _fields(lean)
    assert general == lean
    assert hash(general) == hash(lean)


def test_a_lean_result_behaves_as_any_other() -> None:
    """A result of the common call pickles, copies, evolves and compares like the general one."""
    lean = sakip.achievement(realization=D("95"), target=D("94.6"))
    general = sakip.achievement(realization="95", target="94.6")
    assert lean == general
    assert repr(general) == repr(lean)
    assert lean == pickle.loads(pickle.dumps(lean))
    assert general == copy.deepcopy(sakip.achievement(realization=95, target=D("94.6")))
    assert attrs.asdict(general) == attrs.asdict(lean)
    assert general.to_dict() == lean.to_dict()
    evolved = attrs.evolve(lean, cap=D(200))
    assert attrs.evolve(general, cap=D(200)) == evolved
    assert (D(200), lean.value) == (evolved.cap, evolved.uncapped)
    assert lean.target == evolved.compared_with
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        lean.cap = D(1)  # type: ignore[misc]
    with pytest.raises(AttributeError, match="'Achievement' object has no attribute 'cp'"):
        lean.cp  # type: ignore[attr-defined]  # noqa: B018 - the look-up is the test


def test_a_huge_decimal_is_refused_whatever_the_context_prints() -> None:
    """A context that prints exponents in small letters (1e+500) hides no huge target."""
    with (
        decimal.localcontext(decimal.Context(capitals=0)),
        pytest.raises(sakip.InvalidValueError, match="between -1E\\+400 and 1E\\+400"),
    ):
        sakip.achievement(realization=D(1), target=D("1E+500"))


def test_a_figure_beyond_28_digits_prints_to_the_hundredth() -> None:
    """A huge achievement (its 28 digits, then zeros) still prints to two places."""
    figure = sakip.achievement(realization=D("1E+30"), target=D(3)).percent
    assert D("33333333333333333333333333330000.00") == figure
    assert -2 == figure.as_tuple().exponent
