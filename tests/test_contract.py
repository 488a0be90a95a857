"""The public API contract, line by line, exactly as written."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

import sakip


def test_achievement_lines() -> None:
    """achievement(): positive, mirror, inverse, ranges, zero targets, caps."""
    a = sakip.achievement(realization=95, target="94.6")
    assert a.percent == D("100.42")
    assert 28 == len(a.value.as_tuple().digits)
    assert sakip.achievement(realization=8, target=10, polarity="negative").percent == D("120.00")
    assert sakip.achievement(
        realization=8, target=10, polarity="negative", formula="inverse"
    ).percent == D("125.00")
    assert sakip.achievement(realization=70, target=sakip.TargetRange(80, 90)).percent == D(
        "87.50"
    )
    assert sakip.achievement(
        realization=9, target=sakip.TargetRange(7, 8), polarity="negative"
    ).percent == D("87.50")
    assert sakip.achievement(realization=0, target=0, polarity="negative").percent == D("100.00")
    with pytest.raises(sakip.SakipError):
        sakip.achievement(realization=5, target=0)
    assert sakip.achievement(realization=130, target=100, cap=100).percent == D("100.00")


def test_classify_lines() -> None:
    """classify(): the default scale and the SAKIP predicate."""
    assert sakip.classify(D("100.42")).label == "Sangat Tinggi"
    assert sakip.classify(D("90.5")).label == "Sangat Tinggi"
    assert sakip.classify(90).label == "Tinggi"
    assert sakip.classify(D("69.16"), scale=sakip.scales.SAKIP_PREDICATE).label == "B"
    assert sakip.classify(90, scale=sakip.scales.SAKIP_PREDICATE).label == "A"


def test_analysis_lines() -> None:
    """percentage(), change(), progress(), absorption()."""
    assert sakip.percentage(part=13773, whole=14460).percent == D("95.25")
    c = sakip.change(current=95, previous=93)
    assert c.value == D(2)
    assert c.percent == D("2.15")
    assert sakip.progress(realization=95, baseline="81.79", end_target=100).percent == D("72.54")
    assert sakip.absorption(spent=149338671, ceiling=174970600).percent == D("85.35")


def test_locale_lines() -> None:
    """parse_number() and format_number()."""
    assert sakip.parse_number("13.773") == D("13773")
    assert sakip.parse_number("94,6") == D("94.6")
    assert sakip.parse_number("Rp. 174.970.600,-") == D("174970600")
    assert sakip.parse_number("98.80%") == D("98.80")
    assert sakip.format_number(D("95.2489"), places=2) == "95,25"
    assert sakip.format_number(13773) == "13.773"


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (sakip.achievement, {"realization", "target"}),
        (sakip.change, {"current", "previous"}),
        (sakip.absorption, {"spent", "ceiling"}),
        (sakip.progress, {"realization", "baseline", "end_target"}),
        (sakip.percentage, {"part", "whole"}),
    ],
)
def test_swappable_arguments_are_keyword_only(call: object, names: set[str]) -> None:
    """Arguments that could be swapped silently cannot be passed by position."""
    import inspect

    parameters = inspect.signature(call).parameters  # type: ignore[arg-type]
    assert {name for name in names if parameters[name].kind is inspect.Parameter.KEYWORD_ONLY} == (
        names
    )


def test_target_lines() -> None:
    """parse_target() and achievement(): comparator, range, number and level targets (§9.1)."""
    t = sakip.parse_target("≥ 80")
    assert sakip.achievement(realization=84, target=t).percent == D("105.00")
    assert sakip.achievement(realization=84, target=t).met
    assert not sakip.achievement(realization=78, target=sakip.parse_target("minimal 80")).met
    a = sakip.achievement(realization="0.5", target=sakip.parse_target("< 0,49"))
    assert a.percent == D("97.96")
    assert not a.met
    assert sakip.achievement(realization="0.4", target=sakip.parse_target("kurang dari 0,49")).met
    assert sakip.achievement(realization=4, target=sakip.parse_target("maksimal 5")).percent == D(
        "120.00"
    )
    with pytest.raises(sakip.SakipError):
        sakip.achievement(realization=84, target=sakip.parse_target("≥ 80"), polarity="negative")
    assert (
        sakip.parse_target("60 s.d. 85")
        == sakip.parse_target("60 – 85")
        == sakip.parse_target("60-85")
        == sakip.TargetRange(60, 85)
    )
    assert sakip.parse_target("94,6") == sakip.Target(D("94.6"))
    assert sakip.achievement(
        realization="WTP", target=sakip.parse_target("WTP", scale="opini-bpk")
    ).percent == D("100.00")
    assert not sakip.achievement(
        realization="WDP", target=sakip.parse_target("WTP", scale="opini-bpk")
    ).met
    assert sakip.achievement(
        realization="AA", target=sakip.parse_target("A", scale="sakip-predicate")
    ).met
    with pytest.raises(sakip.SakipError, match="TMP, TW, WDP, WTP"):
        sakip.parse_target("WTB", scale="opini-bpk")


def test_evaluation_worksheet_lines() -> None:
    """§9.3: the LKE catalogue, its weights, the best and worst sheets, no answers."""
    from sakip import lke

    cat = lke.CATALOGUES["permenpanrb-88-2021"]
    assert [c.weight for c in cat.components] == [D(30), D(30), D(15), D(25)]
    assert [[s.weight for s in c.subcomponents] for c in cat.components][2] == [
        D(3),
        D("4.5"),
        D("7.5"),
    ]
    best = lke.score(cat, {c.code: c.scale.best for c in cat.criteria})
    assert best.total == D(100)
    assert best.predicate.label == "AA"  # type: ignore[union-attr]
    worst = lke.score(cat, {c.code: c.scale.worst for c in cat.criteria})
    assert worst.total == D(0)
    assert worst.predicate.label == "D"  # type: ignore[union-attr]
    with pytest.raises(sakip.SakipError, match="unanswered criteria"):
        lke.score(cat, {})


def test_integrator_lines() -> None:
    """§9.4: keyword-only percentage, short repr, HTML, JSON-ready dict, examples, testing."""
    with pytest.raises(TypeError):
        sakip.percentage(13773, 14460)  # type: ignore[misc]
    assert len(repr(sakip.achievement(realization=95, target="94.6"))) <= 120
    assert "100,42" in sakip.achievement(realization=95, target="94.6")._repr_html_()
    assert sakip.achievement(realization=95, target="94.6").to_dict()["percent"] == "100.42"


def test_integrator_packaging_lines() -> None:
    """§9.4: the examples load by name, and the strategies import."""
    import sakip.examples
    import sakip.io

    sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    import sakip.testing

    assert callable(sakip.testing.datasets)
    assert callable(sakip.testing.targets)
    assert callable(sakip.testing.numbers)
