"""Results and model objects people and programs can read: repr, HTML and JSON-ready dicts."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

import sakip
import sakip.audit
import sakip.io
from sakip._display import Displayed, json_value
from sakip._results import PercentFigure
from sakip.achievement import TARGET_RANGE_RULE
from sakip.analysis.chapter import compute_chapter
from sakip.budget import EFFICIENCY_CONVENTIONS
from sakip.evaluation import STRUCTURES
from sakip.rules import builtin_registries

EXAMPLES = Path(__file__).parent.parent / "examples"
PAPER = Path(__file__).parent / "fixtures" / "kertas-kerja-2024.toml"


def _walk(value: object, found: dict[type, object]) -> None:
    """Every displayed object inside ``value``, the first of each class."""
    if isinstance(value, tuple | list):
        for item in value:
            _walk(item, found)
        return
    if not attrs.has(type(value)):
        return
    if isinstance(value, Displayed):
        found.setdefault(type(value), value)
    for field in attrs.fields(type(value)):
        _walk(getattr(value, field.name), found)


def _realistic() -> dict[type, object]:
    """One realistic instance of every displayed class, from the Kota Metro example."""
    dataset = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    found: dict[type, object] = {}
    report = sakip.build_report(dataset)
    year = report.year
    results: list[object] = [
        dataset,
        report,
        compute_chapter(dataset, efficiency="share"),
        sakip.audit.audit(dataset),
        [sakip.history(dataset, i.code, year) for i in dataset.plan.indicators],
        sakip.absorption(spent=149338671, ceiling=174970600),
        sakip.efficiency("share", achievement=D("100.42"), absorption=D("85.35")),
        sakip.rollup({"A": sakip.achievement(realization=95, target="94.6"), "B": "no data"}),
        sakip.check_totals(dataset.budget),
        sakip.percentage(part=13773, whole=14460),
        sakip.rate(part=51, whole=5350, per=1000),
        sakip.Missing(
            reason=sakip.Reason.NO_REALIZATION,
            part=sakip.Part.REALIZATION,
            values=(("year", 2024),),
        ),
        sakip.change(current=95, previous=93),
        sakip.progress(realization=95, baseline="81.79", end_target=100),
        sakip.gap(realization=95, end_target=100),
        [list(registry) for registry in builtin_registries().values()],
        [sakip.check_agreement(dataset.plan, a) for a in dataset.agreements],
        sakip.realization_to_date({2022: 120, 2023: 135}, missing=[2021]),
        sakip.compare_with_standard(
            realization=95,
            standard=sakip.NationalStandard(indicator="PPKS", value=100, source="SPM Sosial"),
        ),
        sakip.check_agreement(
            dataset.plan,
            sakip.PerformanceAgreement(
                year=year, targets={i.code: 1 for i in dataset.plan.indicators}
            ),
        ),
        sakip.audit.CHECKS.get("percentage").run(
            sakip.StatedFigure(kind="percentage", stated="95,25", operands=[13773, 14460]), None
        ),
        sakip.OutputFigures(
            spent=90_000_000, volume=95, ceiling=100_000_000, target_volume=100, name="Bantuan"
        ),
        TARGET_RANGE_RULE,
        sakip.year_value(
            sakip.Indicator(code="K1", name="Penerima", unit="orang", aggregation="sum"),
            [sakip.Realization(indicator="K1", year=2024, quarter=q, value=100) for q in (1, 2)],
            2024,
        ),
    ]
    table = sakip.io.read_table(EXAMPLES / "tables" / "dinsos-kota-metro.csv")
    results += [table, tuple(sakip.io.evaluate(table.rows)), *table.notations, sakip.io.Limits()]
    scores = {
        c.code: c.weight * D("0.7") for c in STRUCTURES.get("permenpanrb-88-2021").components
    }
    results.append(sakip.evaluation_score(scores))
    results.append(EFFICIENCY_CONVENTIONS.get("share"))
    results.append(sakip.Target("94.6"))
    results.append(sakip.TargetRange(60, 85))
    results.append(sakip.achievement(realization=84, target=sakip.parse_target("≥ 80")))
    results.append(
        sakip.achievement(realization="WDP", target=sakip.parse_target("WTP", scale="opini-bpk"))
    )
    results += _lke_results()
    periods = sakip.io.load(Path(__file__).parent / "data" / "monitoring.toml")
    results += [periods, sakip.monitoring(periods, as_of="TW II 2024")]
    results.append(sakip.audit.audit(sakip.io.load(PAPER)))  # averages, labels, PK-P
    from sakip.validate import check_dataset

    results.append(check_dataset(dataset))  # the seed's indicator with no figures for the year
    from sakip.cascade import cascade_absorption, check_cascade

    cascade = sakip.io.load(Path(__file__).parent / "data" / "cascade.toml")
    results += [cascade, check_cascade(cascade), cascade_absorption(cascade)]
    results.append(sakip.build_report(cascade).table("target-realization").analyses[0])
    from sakip.renja import renja_evaluation

    renja = sakip.io.load(Path(__file__).parent / "data" / "renja.toml")
    results.append(renja_evaluation(renja, as_of="TW III 2024"))
    for result in results:
        _walk(result, found)
    return found


def _lke_results() -> list[object]:
    """A scored worksheet with a difference and a violation, and the KKE worksheets."""
    from sakip import lke

    cat = lke.CATALOGUES["permenpanrb-88-2021"]
    best = {c.code: c.scale.best for c in cat.criteria}
    entries = [lke.Entry(code=code, self_answer=answer) for code, answer in best.items()]
    entries[0] = attrs.evolve(entries[0], evaluator_answer="T", note="Tidak ada pedoman")
    worksheet = lke.Worksheet(catalogue=cat, entries=entries, unit="Dinas Sosial", year=2024)
    qualities = dict.fromkeys(
        ["specific", "measurable", "achievable", "relevant", "time-bound", "challenging"], "Y"
    )
    return [
        lke.evaluate(worksheet),
        lke.score(cat, {"1.a.1": "Y"}, partial=True),
        lke.check(cat, {**best, "1.a.4": "T"}),
        lke.smart_c({"IKU-1": qualities}),
        lke.follow_up({"R1": "Tuntas", "R2": "Proses"}),
    ]


REALISTIC = _realistic()


def test_every_public_result_and_model_class_is_displayed() -> None:
    """Every attrs class sakip exports shows itself as a Displayed object."""
    exported = {getattr(sakip, name) for name in sakip.__all__} | {
        getattr(sakip.io, name) for name in sakip.io.__all__
    }
    periods = {sakip.FiscalYear, sakip.Quarter, sakip.Semester, sakip.Month}
    undisplayed = {
        cls.__name__
        for cls in exported
        if isinstance(cls, type) and attrs.has(cls) and not issubclass(cls, Displayed)
    }
    assert set() == undisplayed - {cls.__name__ for cls in periods}


@pytest.mark.parametrize(
    "cls", sorted(REALISTIC, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_repr_is_one_short_line(cls: type) -> None:
    """The repr is one line of at most 120 characters, naming the class."""
    text = repr(REALISTIC[cls])
    assert len(text) <= 120
    assert "\n" not in text
    assert text.startswith((f"<{cls.__name__}", f"{cls.__name__}("))


@pytest.mark.parametrize(
    "cls", sorted(REALISTIC, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_to_dict_is_json_ready(cls: type) -> None:
    """to_dict() goes through json.dumps as it is and back to the same data."""
    data = REALISTIC[cls].to_dict()  # type: ignore[attr-defined]
    assert data == json.loads(json.dumps(data))


@pytest.mark.parametrize(
    "cls", sorted(REALISTIC, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
def test_html_is_a_fragment(cls: type) -> None:
    """_repr_html_() gives HTML a notebook can place in a cell (no page of its own)."""
    text = REALISTIC[cls]._repr_html_()  # type: ignore[attr-defined]
    assert text.startswith("<")
    assert "<html" not in text
    assert "<body" not in text


def test_the_classes_seen_cover_the_displayed_ones() -> None:
    """The realistic values reach every displayed class sakip defines (none is untested)."""

    def subclasses(cls: type) -> set[type]:
        return {sub for direct in cls.__subclasses__() for sub in {direct, *subclasses(direct)}}

    defined = {c for c in subclasses(Displayed) if c.__module__.startswith("sakip")}
    defined.discard(PercentFigure)  # the base of the percentages, never built on its own
    assert set() == {c.__name__ for c in defined - set(REALISTIC)}


def test_achievement_repr_names_the_figure_the_target_and_the_rating() -> None:
    """The spirit of the repr: the printed figure, what it is of, the rating."""
    assert "<Achievement 100,42 % of 94,6: Sangat Tinggi>" == repr(
        sakip.achievement(realization=95, target="94.6")
    )
    assert "<Achievement 87,50 % of 80–90: Tinggi>" == repr(
        sakip.achievement(realization=70, target=sakip.TargetRange(80, 90))
    )


def test_achievement_dict_carries_exact_strings_codes_and_rule_names() -> None:
    """to_dict(): exact decimals as strings, the printed figure, the names of the rules."""
    data = sakip.achievement(realization=92, target=sakip.TargetRange(80, 90)).to_dict()
    assert "102.22" == data["percent"]
    assert "92" == data["realization"]
    assert {"low": "80", "high": "90"} == data["target"]
    assert "direct" == data["formula"]
    assert ["direct", "target-range"] == data["rules"]
    assert data["met"] is True  # beyond the range on the good side
    assert "di luar rentang, batas atas 90: 92 / 90 × 100 = 102,22 %" == data["explanation"]


def test_a_long_repr_is_cut_to_120_characters() -> None:
    """A name longer than a line is cut, and the cut is marked."""
    indicator = sakip.Indicator(code="X" * 200, name="n", unit="%")
    text = repr(indicator)
    assert 120 == len(text)
    assert text.endswith("…>")


def test_html_lists_at_most_twenty_items_of_a_field() -> None:
    """A long tuple field shows its first twenty items and how many more there are."""
    indicators = [sakip.Indicator(code=f"I{n}", name="n", unit="%") for n in range(25)]
    text = sakip.Objective(code="S1", name="Sasaran", indicators=indicators)._repr_html_()
    assert "<li>I19</li>" in text
    assert "<li>I20</li>" not in text
    assert "<li>… 5 more</li>" in text


def test_a_rating_given_as_a_label_shows_in_the_repr() -> None:
    """A table row's result names its rating label after the figure."""
    table = sakip.io.read_table(EXAMPLES / "tables" / "dinsos-kota-metro.csv")
    rated = next(r for r in sakip.io.evaluate(table.rows) if r.rating is not None)
    assert repr(rated).endswith(f": {rated.rating}>")


def test_a_value_of_no_known_kind_becomes_its_text() -> None:
    """json_value keeps JSON-ready anything else as its str()."""
    assert "a/b" == json_value(Path("a/b"))
    assert {"2024": ["1.5", None]} == json_value({2024: (D("1.5"), None)})


def test_report_html_is_the_report_without_its_page() -> None:
    """A report shows in a notebook as the HTML report's body: headings and tables."""
    dataset = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    report = sakip.build_report(dataset)
    text = report._repr_html_()
    assert text.startswith("<h1>")
    assert "<style>" not in text
    assert all(table.caption in text for table in report.tables)
    assert report.tables[0]._repr_html_() in text
