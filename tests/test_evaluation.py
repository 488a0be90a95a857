"""SAKIP evaluation score: LKE structures as cited data, scores checked against maxima."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given

import sakip
from sakip.evaluation import (
    ANSWER_MEAN,
    PERMENPANRB_12_2015,
    PERMENPANRB_88_2021,
    STRUCTURES,
    Component,
    EvaluationStructure,
    SubComponent,
)
from sakip.scales import SAKIP_PREDICATE
from tests.strategies import decimals

KOTA_BIMA_2020 = {
    "perencanaan": "23.33",
    "pengukuran": "18.33",
    "pelaporan": "10.84",
    "evaluasi internal": "5.91",
    "capaian": "10.07",
}


def test_kota_bima_2020_is_68_48_and_b() -> None:
    """23,33 + 18,33 + 10,84 + 5,91 + 10,07 = 68,48 → B under PermenPANRB 12/2015."""
    score = sakip.evaluation_score(KOTA_BIMA_2020, structure="permenpanrb-12-2015")
    assert (D("68.48"), "B") == (score.score, score.predicate.label)
    assert PERMENPANRB_12_2015 is score.structure
    assert "23,33 + 18,33 + 10,84 + 5,91 + 10,07 = 68,48 → B (Baik)" == score.explain()


def test_structure_of_permenpanrb_88_2021() -> None:
    """Four components 30/30/15/25, each split 20/30/50 % into sub-components."""
    weights = [c.weight for c in PERMENPANRB_88_2021.components]
    assert [D(30), D(30), D(15), D(25)] == weights
    maxima = [sub.maximum for sub in PERMENPANRB_88_2021.component("pelaporan").subcomponents]
    assert [D(3), D("4.5"), D("7.5")] == maxima
    assert sakip.EvidenceGrade.REGULATION_QUOTED is PERMENPANRB_88_2021.source.grade


def test_structure_of_permenpanrb_12_2015() -> None:
    """Five components 30/25/15/10/20."""
    weights = [c.weight for c in PERMENPANRB_12_2015.components]
    assert [D(30), D(25), D(15), D(10), D(20)] == weights
    assert ["permenpanrb-12-2015", "permenpanrb-88-2021"] == STRUCTURES.names()


def test_components_are_found_by_code_or_name() -> None:
    """Codes and names match in any case, with -, _ and spaces alike."""
    structure = PERMENPANRB_88_2021
    assert structure.component("Evaluasi_Internal") is structure.component(
        "evaluasi akuntabilitas kinerja internal"
    )
    with pytest.raises(sakip.NotFoundError, match="'pelaporan'"):
        structure.component("capaian")
    with pytest.raises(sakip.NotFoundError, match="'keberadaan'"):
        structure.component("pelaporan").subcomponent("isi")


def test_score_from_sub_component_scores() -> None:
    """Sub-component scores add up to the component, components to the total."""
    score = sakip.evaluation_score(
        {
            "perencanaan": {"keberadaan": 6, "kualitas": 7, "pemanfaatan": 10},
            "pengukuran": 20,
            "Pelaporan Kinerja": 10,
            "evaluasi-internal": 15,
        }
    )
    assert (D(68), "B") == (score.value, score.predicate.label)
    assert "Perencanaan Kinerja: 6 + 7 + 10 = 23 dari 30" == score.components[0].explain()
    assert "Pengukuran Kinerja: 20 dari 30" == score.components[1].explain()


@pytest.mark.parametrize(
    ("scores", "match"),
    [
        ({"perencanaan": 31, "pengukuran": 0, "pelaporan": 0, "evaluasi internal": 0}, "0 to 30"),
        ({"perencanaan": -1, "pengukuran": 0, "pelaporan": 0, "evaluasi internal": 0}, "0 to 30"),
        (
            {
                "perencanaan": {"keberadaan": 7, "kualitas": 0, "pemanfaatan": 0},
                "pengukuran": 0,
                "pelaporan": 0,
                "evaluasi internal": 0,
            },
            "0 to 6",
        ),
        (
            {
                "perencanaan": {"keberadaan": 6},
                "pengukuran": 0,
                "pelaporan": 0,
                "evaluasi internal": 0,
            },
            "missing: kualitas, pemanfaatan",
        ),
        ({"perencanaan": 1, "pengukuran": 0}, "missing: pelaporan, evaluasi-internal"),
        (
            {
                "perencanaan": 1,
                "Perencanaan Kinerja": 1,
                "pengukuran": 0,
                "pelaporan": 0,
                "evaluasi internal": 0,
            },
            "one entry for perencanaan",
        ),
    ],
)
def test_bad_scores_are_refused(scores: dict[str, object], match: str) -> None:
    """Scores above their maximum or below 0, missing or doubled are refused, never zeroed."""
    with pytest.raises(sakip.InvalidValueError, match=match):
        sakip.evaluation_score(scores)  # type: ignore[arg-type]


def test_sub_component_scores_for_a_component_without_them_are_refused() -> None:
    """PermenPANRB 12/2015 components take one number each here."""
    scores = dict(KOTA_BIMA_2020, capaian={"output": 5})
    with pytest.raises(sakip.InvalidValueError, match="no sub-components"):
        sakip.evaluation_score(scores, structure=PERMENPANRB_12_2015)  # type: ignore[arg-type]


def test_score_from_answers() -> None:
    """Answers are averaged per sub-component and scaled to its maximum (sakip's convention)."""
    score = sakip.score_from_answers(
        {
            "perencanaan": {"keberadaan": [1, 1], "kualitas": [1, 0.5], "pemanfaatan": [0.5]},
            "pengukuran": {"keberadaan": [1], "kualitas": [0.5], "pemanfaatan": [0.5]},
            "pelaporan": {"keberadaan": [1], "kualitas": [1], "pemanfaatan": [0.5]},
            "evaluasi internal": {"keberadaan": [1], "kualitas": [0.5], "pemanfaatan": [0]},
        }
    )
    assert (D("58.25"), "CC") == (score.score, score.predicate.label)
    assert (ANSWER_MEAN,) == score.rules
    assert sakip.EvidenceGrade.POLICY is ANSWER_MEAN.source.grade


def test_score_from_answers_per_component() -> None:
    """A component without sub-components scores the mean of its answers times its weight."""
    answers = {
        "perencanaan": [1, 0.5],
        "pengukuran": [1],
        "pelaporan": [0],
        "evaluasi internal": [0.5],
        "capaian": [0.25, 0.75],
    }
    score = sakip.score_from_answers(answers, structure="permenpanrb-12-2015")
    assert D("62.5") == score.value


@pytest.mark.parametrize("answers", [[], [D("1.1")], [-1], "1", 1])
def test_bad_answers_are_refused(answers: object) -> None:
    """Answers must be a non-empty list of fractions from 0 to 1."""
    given_answers = {
        "perencanaan": answers,
        "pengukuran": [1],
        "pelaporan": [1],
        "evaluasi internal": [1],
        "capaian": [1],
    }
    with pytest.raises(sakip.InvalidValueError):
        sakip.score_from_answers(given_answers, structure="permenpanrb-12-2015")  # type: ignore[arg-type]


def test_structures_are_validated() -> None:
    """Weights must add up to 100, sub-components to their component, codes be unique."""
    with pytest.raises(sakip.InvalidValueError, match="adding up to 100"):
        EvaluationStructure(
            name="x",
            title="x",
            components=[Component(code="a", name="A", weight=90)],
            source=PERMENPANRB_88_2021.source,
        )
    with pytest.raises(sakip.InvalidValueError, match="a different code"):
        EvaluationStructure(
            name="x",
            title="x",
            components=[
                Component(code="a", name="A", weight=50),
                Component(code="a", name="B", weight=50),
            ],
            source=PERMENPANRB_88_2021.source,
        )
    with pytest.raises(sakip.InvalidValueError, match="maxima adding up to 10"):
        Component(
            code="a",
            name="A",
            weight=10,
            subcomponents=[SubComponent(code="s", name="S", maximum=9)],
        )


def test_a_custom_scale_can_rate_the_score() -> None:
    """The predicate scale is a choice."""
    scale = SAKIP_PREDICATE.relabel(["1", "2", "3", "4", "5", "6", "7"], name="angka")
    score = sakip.evaluation_score(KOTA_BIMA_2020, structure=PERMENPANRB_12_2015, scale=scale)
    assert "4" == score.predicate.label
    assert score.explain().endswith("→ 4")


@given(
    decimals(min_value=0, max_value=100, places=2), decimals(min_value=0, max_value=100, places=2)
)
def test_the_predicate_never_falls_as_the_score_rises(a: D, b: D) -> None:
    """A higher score never gets a lower predicate."""
    low, high = sorted((a, b))
    order = list(SAKIP_PREDICATE.labels)

    def predicate(total: D) -> str:
        scores = {
            "perencanaan": total * D("0.3"),
            "pengukuran": total * D("0.3"),
            "pelaporan": total * D("0.15"),
            "evaluasi internal": total * D("0.25"),
        }
        return sakip.evaluation_score(scores).predicate.label

    assert order.index(predicate(low)) <= order.index(predicate(high))


@given(decimals(min_value="6.0001", max_value=1000, places=4))
def test_a_sub_component_above_its_maximum_is_refused(value: D) -> None:
    """No Keberadaan score above its maximum of 6 gets through."""
    scores = {
        "perencanaan": {"keberadaan": value, "kualitas": 0, "pemanfaatan": 0},
        "pengukuran": 0,
        "pelaporan": 0,
        "evaluasi internal": 0,
    }
    with pytest.raises(sakip.InvalidValueError, match="from 0 to 6"):
        sakip.evaluation_score(scores)  # type: ignore[arg-type]


def test_the_score_does_not_depend_on_the_callers_context() -> None:
    """A coarse global context with floor rounding moves no score."""
    import decimal

    with decimal.localcontext() as context:
        context.prec, context.rounding = 3, decimal.ROUND_FLOOR
        score = sakip.evaluation_score(KOTA_BIMA_2020, structure="permenpanrb-12-2015")
        assert D("68.48") == score.score
