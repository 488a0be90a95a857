"""Raters side by side, logic checks and the KKE worksheets (sakip.lke)."""

from __future__ import annotations

from decimal import Decimal as D

import attrs
import pytest

import sakip
from sakip import lke
from sakip.exceptions import InvalidValueError, NotFoundError
from sakip.rules import EvidenceGrade

CAT = lke.CATALOGUES["permenpanrb-88-2021"]
BEST = {c.code: c.scale.best for c in CAT.criteria}

# --- raters -----------------------------------------------------------------------------------


def test_the_evaluator_counts_where_given() -> None:
    """The final score takes the evaluator's answer where given, the unit's elsewhere."""
    result = lke.compare_raters(CAT, BEST, {"1.a.1": "T", "2.a.1": "Y"})
    assert D(100) == result.self_score.total
    assert D("99.14") == result.final.score
    merged = lke.final_answers({"1.a.1": "Y", "1.a.2": "Y"}, {"1.a.1": "T"})
    assert {"1.a.1": "T", "1.a.2": "Y"} == merged


def test_differences_list_both_answers_and_the_effect() -> None:
    """Only criteria answered differently are listed, with what the evaluator's answer does."""
    result = lke.compare_raters(CAT, BEST, {"1.a.1": "T", "2.a.1": "Y", "1.b.1": "C"})
    table = [(d.criterion.code, d.self_answer, d.evaluator_answer) for d in result.differences]
    assert [("1.a.1", "Y", "T"), ("1.b.1", "A", "C")] == table
    assert D("-0.8571") == round(result.differences[0].effect, 4)  # type: ignore[arg-type]
    assert D("-0.45") == result.differences[1].effect  # (0,5 − 1) × 9 / 10
    assert (
        "1.b.1: mandiri A, evaluator C, pengaruh pada nilai -0,45"
        == result.differences[1].explain()
    )


def test_an_effect_needs_the_units_own_sub_component_complete() -> None:
    """A criterion the unit left blank, or in an incomplete sub-component, has no effect figure."""
    mine = {k: v for k, v in BEST.items() if k not in {"1.a.1", "1.b.2"}}
    result = lke.compare_raters(CAT, mine, {"1.a.1": "Y", "1.b.1": "B", "1.b.2": "A"})
    by_code = {d.criterion.code: d for d in result.differences}
    assert (None, None) == (by_code["1.a.1"].self_answer, by_code["1.a.1"].effect)
    assert "1.a.1: self –, evaluator Y, effect on the score –" == by_code["1.a.1"].explain("en")
    assert ("A", None) == (by_code["1.b.1"].self_answer, by_code["1.b.1"].effect)
    assert not result.self_score.complete
    assert result.final.complete


def test_the_final_score_is_partial_only_when_asked() -> None:
    """An answer missing from both raters raises unless partial is asked for."""
    mine = {k: v for k, v in BEST.items() if k != "4.c.5"}
    with pytest.raises(lke.UnansweredError):
        lke.compare_raters(CAT, mine, {})
    assert ("4.c.5",) == lke.compare_raters(CAT, mine, {}, partial=True).final.missing


# --- logic checks -----------------------------------------------------------------------------


def test_the_builtin_checks_are_practice_with_a_source() -> None:
    """Three built-in checks, each graded PRACTICE, registered by name."""
    assert 3 == len(lke.BUILTIN_CHECKS)
    assert {EvidenceGrade.PRACTICE} == {c.source.grade for c in lke.BUILTIN_CHECKS}
    assert lke.CHECKS.get("tanpa-perencanaan-jangka-pendek") is lke.BUILTIN_CHECKS[0]


def test_a_full_sheet_at_its_best_breaks_no_check() -> None:
    """The best answers are consistent."""
    assert () == lke.check(CAT, BEST)


def test_zero_if_lists_each_criterion_that_should_score_0() -> None:
    """Without 1.a.4 (T), 1.b.7 and 1.c.3 must score 0: both listed with value and limit."""
    violations = lke.check(CAT, {"1.a.4": "T", "1.b.7": "A", "1.c.3": "E"})
    assert [("1.b.7", "A", D(1), D(0))] == [
        (v.criterion, v.answer, v.value, v.limit) for v in violations
    ]
    assert "tanpa-perencanaan-jangka-pendek: 1.b.7 bernilai 1, melebihi batas 0" == (
        violations[0].explain()
    )
    assert () == lke.check(CAT, {"1.a.4": "Y", "1.b.7": "A"})
    assert () == lke.check(CAT, {"1.b.7": "A"})


def test_no_report_means_no_report_quality() -> None:
    """Without a report (3.a.1 T), every 3.b and 3.c criterion answered above E is listed."""
    answers = dict(BEST) | {"3.a.1": "T", "3.b.1": "E"}
    found = [v.criterion for v in lke.check(CAT, answers)]
    assert 15 == len(found)
    assert "3.b.2" == found[0]


def test_not_above_mean_caps_a_criterion_by_a_sub_component() -> None:
    """4.c.1 may not exceed the mean of 4.a, once 4.a is answered."""
    answers = dict(BEST) | {"4.a.2": "T", "4.c.1": "B"}
    (found,) = lke.check(CAT, answers)
    assert ("tindak-lanjut-tidak-melebihi-pelaksanaan", "4.c.1", D("0.75")) == (
        found.check.name,
        found.criterion,
        found.value,
    )
    assert D(2) / 3 == found.limit
    text = "tindak-lanjut-tidak-melebihi-pelaksanaan: 4.c.1 scores 0.75, above its limit 0.6667"
    assert text == found.explain(lang="en")
    partial = {k: v for k, v in answers.items() if k != "4.a.3"}
    assert () == lke.check(CAT, partial)


def test_checks_are_chosen_per_catalogue() -> None:
    """Another catalogue gets no built-in checks; a custom list is applied as given."""
    assert () == lke.check("permenpanrb-12-2015", {})
    rule = lke.ZeroIf(
        name="x", title="x", when="1.a.1", answer="tidak", then=["1.a.2"], source=CAT.source
    )
    assert ["1.a.2"] == [v.criterion for v in lke.check(CAT, {"1.a.1": "T", "1.a.2": "Y"}, [rule])]


# --- KKE worksheets ---------------------------------------------------------------------------

_ALL_Y = dict.fromkeys(lke.SMART_C, "Y")


def test_smart_c_counts_every_quality_of_every_indicator() -> None:
    """2 indicators × 6 qualities, 11 met: 91,67 % → A; the share answers a criterion."""
    result = lke.smart_c({"IKU-1": _ALL_Y, "IKU-2": _ALL_Y | {"challenging": "T"}})
    assert (11, 12, "A") == (result.count, result.total, result.letter)
    assert D(1100) / 12 == result.share
    assert ("IKU-2.challenging", False) == result.items[-1]
    assert "SMART-C indikator: 11 dari 12 = 91,67 % → A" == result.explain()
    assert "SMART-C of indicators: 11 of 12 = 91.67 % → A" == result.explain("en")
    assert ("A", D(1)) == lke.answer_value(CAT.criterion("1.b.5"), result.share)


def test_smart_c_accepts_indonesian_quality_names_and_booleans() -> None:
    """'Spesifik', 'terukur' … and True/False answer as well as Y/T."""
    answers = {
        "spesifik": True,
        "terukur": "ya",
        "dapat dicapai": "Y",
        "Relevan": False,
        "berjangka waktu": "T",
        "menantang": "T",
    }
    result = lke.smart_c({"IKU-1": answers})
    assert (3, "C") == (result.count, result.letter)


def test_smart_c_refuses_what_it_cannot_count() -> None:
    """A missing quality, an unknown one, an answer that is not Y/T, or nothing to count."""
    with pytest.raises(InvalidValueError, match="Y/T for challenging"):
        lke.smart_c({"IKU-1": dict.fromkeys(lke.SMART_C[:5], "Y")})
    with pytest.raises(NotFoundError, match="SMART-C quality"):
        lke.smart_c({"IKU-1": _ALL_Y | {"lucu": "Y"}})
    with pytest.raises(InvalidValueError, match="Y or T"):
        lke.smart_c({"IKU-1": _ALL_Y | {"specific": 1}})
    with pytest.raises(InvalidValueError, match="at least one item"):
        lke.smart_c({})


def test_smart_c_from_a_dataset_fills_in_what_the_data_shows(seed_dataset: sakip.Dataset) -> None:
    """A dataset's indicators are counted; measurable and time-bound come from its data."""
    evaluator = dict.fromkeys(["specific", "achievable", "relevant", "challenging"], "Y")
    result = lke.smart_c({"PPKS": evaluator, "SAKIP": evaluator}, dataset=seed_dataset)
    shown = dict(result.items)
    # No definisi operasional in the seed: not measurable from the data alone.
    assert (False, True) == (shown["PPKS.measurable"], shown["PPKS.time-bound"])
    assert (False, False) == (shown["SAKIP.measurable"], shown["SAKIP.time-bound"])
    overridden = lke.smart_c(
        {"PPKS": evaluator | {"measurable": "Y"}, "SAKIP": _ALL_Y}, dataset=seed_dataset
    )
    assert dict(overridden.items)["PPKS.measurable"]


def test_smart_c_from_a_dataset_with_a_defined_indicator() -> None:
    """An indicator with a definition and targets every year is measurable and time-bound."""
    indicator = sakip.Indicator(code="I", name="x", unit="%", description="x / y × 100")
    other = sakip.Indicator(code="J", name="y", unit="%")
    plan = sakip.StrategicPlan(
        name="R",
        start_year=2024,
        end_year=2025,
        goals=[
            sakip.Goal(
                code="G",
                name="g",
                objectives=[sakip.Objective(code="O", name="o", indicators=[indicator, other])],
            )
        ],
        indicator_plans=[sakip.IndicatorPlan(indicator="I", targets={2024: 1, 2025: 2})],
    )
    dataset = sakip.Dataset(agency=sakip.Agency(name="A"), plan=plan)
    evaluator = dict.fromkeys(["specific", "achievable", "relevant", "challenging"], "Y")
    result = lke.smart_c({"I": evaluator, "J": evaluator}, dataset=dataset)
    shown = dict(result.items)
    assert (True, True) == (shown["I.measurable"], shown["I.time-bound"])
    assert (False, False) == (shown["J.measurable"], shown["J.time-bound"])


def test_cascading_counts_aligned_indicators() -> None:
    """Aligned / all, Y/T or True/False."""
    result = lke.cascading({"IKU-1": "Y", "IKU-2": True, "IKU-3": "T", "IKU-4": "Y"})
    assert (3, 4, D(75), "C") == (result.count, result.total, result.share, result.letter)
    assert "Keselarasan (cascading) indikator: 3 dari 4 = 75,00 % → C" == result.explain()


def test_cascading_from_a_dataset_counts_budget_lines_serving_the_plan(
    seed_dataset: sakip.Dataset,
) -> None:
    """Each budget line is aligned when it serves an indicator of the plan; the evaluator rules."""
    budget = sakip.BudgetLine(
        code="1.06.02",
        name="Program",
        level="program",
        ceiling=100,
        indicators=["PPKS"],
        children=[
            sakip.BudgetLine(code="1.06.02.1", name="Kegiatan", level="kegiatan", ceiling=60),
            sakip.BudgetLine(
                code="1.06.02.2", name="Kegiatan", level="kegiatan", ceiling=40, indicators=["X"]
            ),
        ],
    )
    dataset = attrs.evolve(seed_dataset, budget=[budget])
    result = lke.cascading(dataset=dataset)
    assert [("1.06.02", True), ("1.06.02.1", False), ("1.06.02.2", False)] == list(result.items)
    assert (1, 3, "D") == (result.count, result.total, result.letter)
    judged = lke.cascading({"1.06.02.1": "Y"}, dataset=dataset)
    assert (2, 3) == (judged.count, judged.total)


def test_follow_up_counts_completed_recommendations() -> None:
    """Tuntas / all; Belum and Proses are not completed; an unknown state raises."""
    result = lke.follow_up(
        {"R1": "Tuntas", "R2": lke.FollowUp.PROSES, "R3": "belum", "R4": lke.FollowUp.TUNTAS}
    )
    assert (2, 4, "C") == (result.count, result.total, result.letter)
    assert "Follow-up of recommendations: 2 of 4 = 50.00 % → C" == result.explain("en")
    with pytest.raises(NotFoundError, match="Tuntas"):
        lke.follow_up({"R1": "Selesai"})
