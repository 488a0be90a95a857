"""The LKE catalogue, its answer scales and its scoring (sakip.lke)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import lke
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.rules import EvidenceGrade, Source

CAT = lke.CATALOGUES["permenpanrb-88-2021"]
BEST = {c.code: c.scale.best for c in CAT.criteria}
WORST = {c.code: c.scale.worst for c in CAT.criteria}
_SOURCE = Source(reference="test", grade=EvidenceGrade.POLICY)


def _small(texts: dict[str, list[str]] | None = None, name: str = "uji") -> lke.Catalogue:
    """A regional variant: one component of 100 with a criterion per sub-component."""
    return lke.build(
        name=name,
        title="LKE uji",
        source=_SOURCE,
        criteria_source=_SOURCE,
        weights={"1": ("perencanaan", "Perencanaan Kinerja", 100)},
        kinds={
            "a": ("keberadaan", lke.YES_NO),
            "b": ("kualitas", "a-e"),
            "c": ("pemanfaatan", "a-d"),
        },
        subtitles={"1.a": "Ada", "1.b": "Baik", "1.c": "Dipakai"},
        texts=texts if texts is not None else {"1.a": ["x", "y"], "1.b": ["z"], "1.c": ["w"]},
    )


# --- the catalogue ----------------------------------------------------------------------------


def test_the_88_2021_catalogue_has_its_structure() -> None:
    """4 components 30/30/15/25, 12 sub-components, 80 criteria as 7/10/8, 3/7/10, 6/9/7, 3/5/5."""
    assert [D(30), D(30), D(15), D(25)] == [c.weight for c in CAT.components]
    assert [D(6), D(9), D(15)] == [s.weight for s in CAT.components[0].subcomponents]
    assert [7, 10, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5] == [len(s.criteria) for s in CAT.subcomponents]
    assert 80 == len(CAT.criteria)


def test_criteria_carry_the_worksheet_words_and_their_source() -> None:
    """A criterion's text is the worksheet's Indonesian, graded PRACTICE with its app source."""
    criterion = CAT.criterion("1.a.1")
    assert "Terdapat pedoman teknis perencanaan kinerja." == criterion.text
    assert EvidenceGrade.PRACTICE == criterion.source.grade
    assert "t-SEMAR" in criterion.source.reference
    assert () == criterion.evidence
    assert "y-t" == criterion.scale.name
    assert "a-e" == CAT.criterion("1.b.1").scale.name


def test_weights_come_from_the_evaluation_structure() -> None:
    """The component weights are those of sakip.evaluation's 88/2021 structure, cited the same."""
    assert CAT.source == sakip.evaluation.PERMENPANRB_88_2021.source
    assert "permenpanrb-88-2021" == CAT.structure


def test_lookups_find_and_refuse() -> None:
    """criterion(), subcomponent() and the parents of each; unknown codes list the known ones."""
    sub = CAT.subcomponent("3.b")
    assert D("4.5") == sub.weight
    assert CAT.components[2] is CAT.component_of(sub)
    assert sub is CAT.subcomponent_of(CAT.criterion("3.b.9"))
    with pytest.raises(NotFoundError, match=r"1\.a\.1"):
        CAT.criterion("9.z.9")
    with pytest.raises(NotFoundError):
        CAT.subcomponent("9.z")
    with pytest.raises(sakip.UnknownRuleError):
        lke.CATALOGUES["permenpanrb-1-1999"]


def test_the_12_2015_catalogue_is_kept_at_component_level() -> None:
    """12/2015: five components 30/25/15/10/20 and no criteria."""
    old = lke.CATALOGUES["permenpanrb-12-2015"]
    assert [D(30), D(25), D(15), D(10), D(20)] == [c.weight for c in old.components]
    assert () == old.criteria


def test_kota_bima_2020_still_scores_68_48_b() -> None:
    """Kota Bima 2020's components give 68,48 → B, through lke and evaluation."""
    scores = {
        "perencanaan": "23.33",
        "pengukuran": "18.33",
        "pelaporan": "10.84",
        "evaluasi internal": "5.91",
        "capaian": "10.07",
    }
    via_lke = lke.score_components("permenpanrb-12-2015", scores)
    via_evaluation = sakip.evaluation_score(scores, structure="permenpanrb-12-2015")
    assert (D("68.48"), "B") == (via_lke.score, via_lke.predicate.label)
    assert via_evaluation == via_lke


def test_score_components_needs_a_structure() -> None:
    """A catalogue with no component structure cannot be scored by component."""
    with pytest.raises(InvalidValueError, match="component structure"):
        lke.score_components(_small(), {"perencanaan": 1})


def test_a_regional_variant_registers_and_scores() -> None:
    """build() makes a catalogue a registry takes; the names are refused twice."""
    registry: sakip.Registry[lke.Catalogue] = sakip.Registry("LKE catalogue")
    variant = registry.register(_small())
    assert variant is registry["uji"]
    assert [D(20), D(30), D(50)] == [s.weight for s in variant.subcomponents]
    with pytest.raises(sakip.DuplicateRuleError):
        registry.register(_small())
    s = lke.score(variant, {"1.a.1": "Y", "1.a.2": "T", "1.b.1": "B", "1.c.1": "B"})
    assert D("65.50") == s.score  # 0,5 × 20 + 0,75 × 30 + 0,66 × 50


def test_catalogues_are_validated() -> None:
    """Weights must add up to 100 and to their component; codes are unique; no negative weight."""
    sub = lke.SubComponent(code="1.a", kind="keberadaan", name="x", weight=100)
    with pytest.raises(InvalidValueError, match="adding up to 100"):
        lke.Catalogue(
            name="x",
            title="x",
            components=[lke.Component(code="1", key="a", name="A", weight=90)],
            source=_SOURCE,
        )
    with pytest.raises(InvalidValueError, match="adding up to 90"):
        lke.Component(code="1", key="a", name="A", weight=90, subcomponents=[sub])
    with pytest.raises(InvalidValueError, match="every code once"):
        lke.Catalogue(
            name="x",
            title="x",
            components=[
                lke.Component(code="1.a", key="a", name="A", weight=100, subcomponents=[sub])
            ],
            source=_SOURCE,
        )
    with pytest.raises(InvalidValueError, match="0 or more"):
        lke.SubComponent(code="1.a", kind="keberadaan", name="x", weight=-1)


def test_weights_print_as_the_worksheet_prints_them() -> None:
    """30 × 0,2 is written 6, and 4,50 is written 4,5."""
    assert "6" == str(CAT.subcomponent("1.a").weight)
    assert "4.5" == str(lke.SubComponent(code="x", kind="k", name="n", weight="4.50").weight)


# --- answer scales ----------------------------------------------------------------------------


def test_answer_scales_are_cited_data() -> None:
    """Y/T 1/0, A–E 1/0,75/0,5/0,25/0, A–D 1/0,66/0,33/0, each PRACTICE with a source."""
    assert [D(1), D(0)] == [o.value for o in lke.YES_NO.options]
    assert [D(1), D("0.75"), D("0.5"), D("0.25"), D(0)] == [o.value for o in lke.A_TO_E.options]
    assert [D(1), D("0.66"), D("0.33"), D(0)] == [o.value for o in lke.A_TO_D.options]
    assert {EvidenceGrade.PRACTICE} == {s.source.grade for s in lke.ANSWER_SCALES}
    assert ("Y", "T") == (lke.YES_NO.best, lke.YES_NO.worst)
    assert ("A", "B", "C", "D", "E") == lke.A_TO_E.codes


def test_an_answer_is_read_by_code_or_alias_in_any_case() -> None:
    """'ya', 'Tidak' and 'y' are answers on Y/T; an unknown one lists the known codes."""
    assert D(1) == lke.YES_NO.value("ya")
    assert "T" == lke.YES_NO.option("Tidak").code
    assert D("0.75") == lke.A_TO_E.value("b")
    with pytest.raises(NotFoundError, match="'T', 'Y'"):
        lke.YES_NO.value("mungkin")


@pytest.mark.parametrize(
    ("share", "letter"),
    [
        (100, "A"),
        ("90.01", "A"),
        (90, "B"),
        (76, "B"),
        (75, "C"),
        (41, "C"),
        (40, "D"),
        ("10.5", "D"),
        (10, "E"),
        (0, "E"),
    ],
)
def test_letters_defined_on_a_share_take_the_share(share: object, letter: str) -> None:
    """Letters: a > 90 %, b > 75 %, c > 40 %, d > 10 %, e ≤ 10 %, lower bounds exclusive."""
    assert letter == lke.A_TO_E.from_share(share)  # type: ignore[arg-type]


def test_a_share_needs_a_share_scale_and_a_share() -> None:
    """Y/T has no share letters; a share is from 0 to 100."""
    with pytest.raises(InvalidValueError, match="defined on a share"):
        lke.YES_NO.from_share(50)
    with pytest.raises(InvalidValueError, match="0 to 100"):
        lke.A_TO_E.from_share(101)


def test_answer_scales_are_validated() -> None:
    """Two answers at least, each spelling once, values 0–1, share bands matching the answers."""
    option = lke.AnswerOption(code="Y", value=1)
    with pytest.raises(InvalidValueError, match="two or more"):
        lke.AnswerScale(name="x", title="x", options=[option], source=_SOURCE)
    with pytest.raises(InvalidValueError, match="each spelling once"):
        lke.AnswerScale(
            name="x",
            title="x",
            options=[option, lke.AnswerOption(code="N", value=0, aliases=["y"])],
            source=_SOURCE,
        )
    with pytest.raises(InvalidValueError, match="0 to 1"):
        lke.AnswerOption(code="Y", value=2)
    with pytest.raises(InvalidValueError, match="one band per answer"):
        lke.AnswerScale(
            name="x",
            title="x",
            options=[option, lke.AnswerOption(code="T", value=0)],
            source=_SOURCE,
            shares=lke.SHARE_LETTERS,
        )


def test_a_criterion_has_its_own_list_of_answers() -> None:
    """A per-criterion list of answers is an AnswerScale like any other."""
    own = lke.AnswerScale(
        name="iku-berkelanjutan",
        title="IKU",
        options=[
            lke.AnswerOption(code="Ya", value=1, meaning="IKU menggambarkan sasaran strategis"),
            lke.AnswerOption(code="Tidak", value="0.5"),
        ],
        source=_SOURCE,
    )
    criterion = lke.Criterion(code="1.b.6", text="IKU", scale=own, source=_SOURCE)
    assert ("Tidak", D("0.5")) == lke.answer_value(criterion, "tidak")


# --- scoring ----------------------------------------------------------------------------------


def test_best_and_worst_answers_score_100_aa_and_0_d() -> None:
    """§9.3: every criterion at its best gives 100 → AA; at its worst, 0 → D."""
    best, worst = lke.score(CAT, BEST), lke.score("permenpanrb-88-2021", WORST)
    assert (D(100), "AA") == (best.total, best.predicate.label)
    assert (D(0), "D") == (worst.total, worst.predicate.label)
    assert best.complete
    assert D(100) == best.covered


def test_no_answer_raises_naming_the_unanswered() -> None:
    """§9.3: scoring with answers missing raises, naming them, never counting 0."""
    with pytest.raises(
        sakip.SakipError, match=r"80 unanswered criteria \(1\.a\.1, 1\.a\.2"
    ) as info:
        lke.score(CAT, {})
    assert CAT.criteria[-1].code == info.value.missing[-1]  # type: ignore[attr-defined]
    assert "partial=True" in str(info.value)
    with pytest.raises(lke.UnansweredError, match=r"^1 unanswered criteria \(4\.c\.5\);"):
        lke.score(CAT, {k: v for k, v in BEST.items() if k != "4.c.5"})


def test_a_partial_score_says_what_is_missing() -> None:
    """A partial score leaves incomplete sub-components unscored and has no predicate."""
    answers = {c.code: "Y" for c in CAT.subcomponent("1.a").criteria} | {"1.b.1": "A"}
    s = lke.score(CAT, answers, partial=True)
    assert not s.complete
    assert s.predicate is None
    assert D(6) == s.total == s.covered
    assert None is s.subscore("1.b").value
    assert ("1.b.2",) == s.subscore("1.b").missing[:1]
    assert "1.b.2" in s.components[0].missing
    assert s.explain().startswith("6,00 + 0,00 + 0,00 + 0,00 = 6,00 (sementara, dari 6 poin")
    assert s.explain().endswith(", … (72)")
    assert "(partial, of the 6 points answered); unanswered: 1.b.2" in s.explain(lang="en")
    short = lke.score(CAT, {k: v for k, v in BEST.items() if k != "2.a.1"}, partial=True)
    assert short.explain().endswith("belum dijawab: 2.a.1")


def test_explanations_at_every_level_in_both_languages() -> None:
    """explain() of a criterion, sub-component, component and total, in id and en."""
    answers = dict(BEST) | {"1.a.1": "T", "3.b.2": "C"}
    s = lke.score(CAT, answers)
    sub = s.subscore("1.a")
    assert (
        "1.a Keberadaan: rata-rata (0 + 1 + 1 + 1 + 1 + 1 + 1) / 7 × 6 = 5,14 dari 6"
        == sub.explain()
    )
    assert "1.a Keberadaan: mean (0 + 1 + 1 + 1 + 1 + 1 + 1) / 7 × 6 = 5.14 of 6" == sub.explain(
        "en"
    )
    assert "1.a.1: T = 0 → 0,00" == sub.criteria[0].explain()
    assert "3.b.2: C = 0.5 → 0.25" == s.subscore("3.b").criteria[1].explain("en")
    assert (
        "1 Perencanaan Kinerja: 5,14 + 9,00 + 15,00 = 29,14 dari 30" == s.components[0].explain()
    )
    assert "3 Pelaporan Kinerja: 3.00 + 4.25 + 7.50 = 14.75 of 15" == s.components[2].explain("en")
    assert "29,14 + 30,00 + 14,75 + 25,00 = 98,89 → AA (Sangat Memuaskan)" == s.explain()
    with pytest.raises(InvalidValueError, match="lang"):
        s.explain(lang="fr")
    with pytest.raises(InvalidValueError, match="one of 'id', 'en'"):
        lke._words.say("none", "fr")


def test_an_unscored_sub_component_explains_what_it_lacks() -> None:
    """A partial score's incomplete sub-component lists its unanswered criteria."""
    s = lke.score(CAT, {"4.a.1": "Y"}, partial=True)
    assert (
        "4.a Keberadaan: belum dinilai, belum dijawab: 4.a.2, 4.a.3" == s.subscore("4.a").explain()
    )
    assert "4.a Keberadaan: not scored, unanswered: 4.a.2, 4.a.3" == s.subscore("4.a").explain(
        "en"
    )


def test_the_weighted_sum_method_uses_each_criterion_weight() -> None:
    """Weighted sum: Σ value × the criterion's weight; unweighted criteria share equally."""
    variant = _small()
    weighted = [
        lke.Criterion(code="1.a.1", text="x", scale="y-t", source=_SOURCE, weight="12"),
        lke.Criterion(code="1.a.2", text="y", scale="y-t", source=_SOURCE),
    ]
    sub = lke.SubComponent(code="1.a", kind="keberadaan", name="Ada", weight=20, criteria=weighted)
    component = variant.components[0]
    rebuilt = lke.Catalogue(
        name="uji-bobot",
        title="x",
        components=[
            lke.Component(
                code="1",
                key=component.key,
                name=component.name,
                weight=100,
                subcomponents=[sub, *component.subcomponents[1:]],
            )
        ],
        source=_SOURCE,
    )
    answers = {"1.a.1": "Y", "1.a.2": "Y", "1.b.1": "A", "1.c.1": "A"}
    mean = lke.score(rebuilt, answers)
    summed = lke.score(rebuilt, answers, method="weighted-sum")
    assert D(100) == mean.total
    assert D(102) == summed.total  # 12 + 20/2 + 30 + 50
    assert "1.a Keberadaan: 12,00 + 10,00 = 22,00 dari 20" == summed.subscore("1.a").explain()
    assert lke.WEIGHTED_SUM is summed.method


def test_rounding_is_a_named_choice() -> None:
    """The policies none (default), criterion-2, subcomponent-2 give the apps' totals."""
    answers = dict(BEST) | {"1.a.1": "T", "1.a.2": "T"}
    exact = lke.score(CAT, answers)
    per_criterion = lke.score(CAT, answers, rounding="criterion-2")
    per_sub = lke.score(CAT, answers, rounding=lke.SUBCOMPONENT_2)
    assert D(6) * 5 / 7 == exact.subscore("1.a").value
    assert D("4.30") == per_criterion.subscore("1.a").value  # 5 × 0,86
    assert D("4.29") == per_sub.subscore("1.a").value
    assert lke.NO_ROUNDING is exact.rounding
    assert (D("98.29"), D("98.37"), D("98.29")) == (
        exact.score,
        per_criterion.score,
        per_sub.score,
    )


def test_rounding_each_criterion_can_pass_100() -> None:
    """Rounding 6/7 to 0,86 before the sum gives a perfect sheet 100,09: why it is not default."""
    assert D("100.09") == lke.score(CAT, BEST, rounding="criterion-2").total
    assert D("0.86") == lke.CRITERION_2.apply("criterion", D(6) / 7)
    assert D(6) / 7 == lke.CRITERION_2.apply("subcomponent", D(6) / 7)


def test_shares_answer_share_letter_criteria() -> None:
    """A share (number or text) answers an A–E criterion; text that is neither raises."""
    criterion = CAT.criterion("1.b.5")
    assert ("B", D("0.75")) == lke.answer_value(criterion, D("80"))
    assert ("A", D(1)) == lke.answer_value(criterion, "95")
    assert ("C", D("0.5")) == lke.answer_value(criterion, "c")
    with pytest.raises(InvalidValueError):
        lke.answer_value(criterion, "baik sekali")
    with pytest.raises(InvalidValueError, match="defined on a share"):
        lke.answer_value(CAT.criterion("1.a.1"), 95)


def test_unknown_criteria_and_answers_raise() -> None:
    """An answer to an unknown criterion, or an unknown answer, is an error."""
    with pytest.raises(NotFoundError, match="criterion"):
        lke.score(CAT, dict(BEST) | {"9.9.9": "Y"})
    with pytest.raises(NotFoundError, match="answer"):
        lke.score(CAT, dict(BEST) | {"1.a.1": "A"})


def test_catalogues_without_criteria_are_scored_by_component() -> None:
    """score() refuses the 12/2015 catalogue; a sub-component without criteria is refused too."""
    with pytest.raises(InvalidValueError, match="score it by component"):
        lke.score("permenpanrb-12-2015", {})
    holed = _small({"1.a": ["x"], "1.b": ["y"]}, name="berlubang")
    with pytest.raises(InvalidValueError, match="with criteria"):
        lke.score(holed, {"1.a.1": "Y", "1.b.1": "A"})


def test_scores_do_not_depend_on_the_callers_decimal_context() -> None:
    """A caller's precision of 3 and ROUND_FLOOR move nothing."""
    import decimal

    answers = dict(BEST) | {"1.a.1": "T", "2.b.3": "D"}
    expected = lke.score(CAT, answers)
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR)):
        assert expected == lke.score(CAT, answers)


# --- properties -------------------------------------------------------------------------------

answer_sheets = st.fixed_dictionaries(
    {c.code: st.sampled_from(c.scale.codes) for c in CAT.criteria}
)


@given(answer_sheets)
def test_the_total_stays_within_0_and_100(answers: dict[str, str]) -> None:
    """Whatever the answers, 0 ≤ total ≤ 100 for both methods without per-criterion rounding."""
    for method in lke.METHODS:
        for rounding in (lke.NO_ROUNDING, lke.SUBCOMPONENT_2):
            total = lke.score(CAT, answers, method=method, rounding=rounding).total
            assert D(0) <= total <= D(100)
    rounded = lke.score(CAT, answers, rounding=lke.CRITERION_2).total
    assert D(0) <= rounded <= D("100.40")  # 80 criteria, each rounded by at most 0,005


@given(answer_sheets, st.sampled_from([c.code for c in CAT.criteria]))
def test_the_total_never_falls_when_an_answer_improves(answers: dict[str, str], code: str) -> None:
    """Replacing one answer by a better one never lowers the total."""
    scale = CAT.criterion(code).scale
    before = lke.score(CAT, answers).total
    for better in scale.codes[: scale.codes.index(answers[code])]:
        assert before <= lke.score(CAT, answers | {code: better}).total


@given(answer_sheets)
def test_the_predicate_follows_the_total(answers: dict[str, str]) -> None:
    """The predicate is the SAKIP predicate of the printed total."""
    s = lke.score(CAT, answers)
    assert sakip.classify(s.score, scale=sakip.scales.SAKIP_PREDICATE) == s.predicate


def test_a_partial_score_says_what_it_lacks_in_its_repr() -> None:
    """A partial score and an unscored sub-component name how many answers are missing."""
    cat = lke.CATALOGUES["permenpanrb-88-2021"]
    partial = lke.score(cat, {"1.a.1": "Y"}, partial=True)
    assert "<Score permenpanrb-88-2021: partial, 79 criteria unanswered>" == repr(partial)
    unscored = partial.components[0].subscores[1]
    assert "<SubComponentScore 1.b: unscored, 10 unanswered>" == repr(unscored)


def test_sakip_lke_loads_on_first_use() -> None:
    """`sakip.lke` is the evaluation worksheet's package, loaded when first asked for."""
    assert lke is sakip.__getattr__("lke")
    with pytest.raises(AttributeError, match="no attribute 'lkf'"):
        sakip.__getattr__("lkf")
