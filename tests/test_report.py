"""Chapter III as data: tables, typed cells, rules shown once, sentences from the numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import sakip
from sakip import render
from sakip.analysis.chapter import compute_chapter
from sakip.io import load
from sakip.reasons import Figure
from sakip.report import (
    Cell,
    CellKind,
    Column,
    Report,
    Table,
    build_report,
    report_year,
)
from sakip.text.report_words import RULE_WORDS, rule_word

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
HEALTH = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"


@pytest.fixture(scope="module")
def seed() -> Report:
    return build_report(load(SEED))


def texts(table: Table, key: str) -> list[str]:
    return [cell.format(table.lang) for cell in table.column(key)]


def make(
    *indicators: sakip.Indicator,
    plans: tuple[sakip.IndicatorPlan, ...] = (),
    realizations: tuple[sakip.Realization, ...] = (),
    standards: tuple[sakip.NationalStandard, ...] = (),
    budget: tuple[sakip.BudgetLine, ...] = (),
) -> sakip.Dataset:
    """A small dataset of one goal holding the indicators."""
    plan = sakip.StrategicPlan(
        name="Renstra 2021-2026",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="G", name="Tujuan", indicators=indicators)],
        indicator_plans=plans,
    )
    return sakip.Dataset(
        agency=sakip.Agency(name="Dinas Contoh"),
        plan=plan,
        realizations=realizations,
        standards=standards,
        budget=budget,
    )


_GROUP_SENTENCES = (
    "Capaian tujuan ",
    "Capaian sasaran ",
    "Tidak dihitung dalam capaian ",
    "The achievement of the goal ",
    "The achievement of the objective ",
    "Left out of the achievement of ",
)


def said(table: Table) -> list[str]:
    """Table (a)'s sentences about its indicators, without those about goals and objectives."""
    return [s for s in table.sentences if not s.startswith(_GROUP_SENTENCES)]


def indicator(code: str, polarity: str = "positive", unit: str = "%") -> sakip.Indicator:
    return sakip.Indicator(code=code, name=f"Indikator {code}", unit=unit, polarity=polarity)


def real(code: str, year: int, value: object) -> sakip.Realization:
    return sakip.Realization(indicator=code, year=year, value=value)


def plan(
    code: str, baseline: object = None, end: object = None, **targets: object
) -> sakip.IndicatorPlan:
    return sakip.IndicatorPlan(
        indicator=code,
        baseline=baseline,
        baseline_year=None if baseline is None else 2020,
        targets={int(year[1:]): target for year, target in targets.items()},
        end_target=end,
    )


# --- the seed -------------------------------------------------------------------------------


def test_the_seed_report_has_the_six_tables_in_order(seed: Report) -> None:
    """(a), (b), (c), (d), (f) and B, numbered 3.1 to 3.6."""
    expected = ["target-realization", "years", "end-target", "standard", "efficiency", "budget"]
    assert expected == [table.key for table in seed.tables]
    assert ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"] == [t.number for t in seed.tables]
    assert "Dinas Sosial Kota Metro" == seed.agency
    assert 2024 == seed.year


def test_the_seed_figures_are_in_the_tables(seed: Report) -> None:
    """100,42 % Sangat Tinggi; 101,50 %; 72,54 %; 85,35 %; 94,74 %."""
    a = seed.table("target-realization")
    assert ["101,50 %", "—", "100,42 %"] == texts(a, "achievement")
    assert ["Sangat Tinggi", "—", "Sangat Tinggi"] == texts(a, "rating")
    assert Decimal("100.42") == a.column("achievement")[2].value
    c = seed.table("end-target")
    assert ["—", "—", "72,54 %"] == texts(c, "progress")
    assert ["0,84", "—", "5"] == texts(c, "gap")
    budget = texts(seed.table("budget"), "absorption")
    assert "94,74 %" == budget[0]
    assert "85,35 %" == budget[1]


def test_the_ratio_behind_a_realization_is_stated(seed: Report) -> None:
    """13.773 of 14.460 is 95,25 %, said under table (a)."""
    sentences = " ".join(seed.table("target-realization").sentences)
    assert "13.773 / 14.460 × 100 = 95,25 %; data mencatat 95" in sentences


def test_no_standard_is_never_above_or_below(seed: Report) -> None:
    """Without a standard the sentences say there is none and compare nothing."""
    table = seed.table("standard")
    assert ["Tidak ada standar"] * 3 == texts(table, "standard")
    for sentence in table.sentences:
        assert "Tidak ada standar nasional" in sentence
        assert "di bawah" not in sentence
        assert "di atas" not in sentence


def test_the_rule_is_shown_once_per_table(seed: Report) -> None:
    """Each table carries its rule and source once, not per row."""
    a = seed.table("target-realization")
    assert "R / T × 100 (polaritas positif)" in a.rule
    assert "PermenPANRB 8/2021" in a.source
    assert "Permendagri 86/2017" in a.source
    assert "PermenPANRB 53/2014" in seed.table("years").source


def test_missing_figures_are_missing_cells_with_a_reason(seed: Report) -> None:
    """The poverty indicator has no realization: its cells are missing, never 0."""
    row = seed.table("target-realization").rows[1]
    assert CellKind.MISSING == row[4].kind
    assert row[4].note is not None
    assert "tidak dapat dihitung" in said(seed.table("target-realization"))[1]


def test_the_series_and_achievements_feed_the_charts(seed: Report) -> None:
    """Each indicator has a series; each computable achievement a rated bar."""
    ppks = next(s for s in seed.series if s.code == "IKU-1")
    assert 2020 == ppks.years[0]
    assert Decimal("81.79") == ppks.realizations[0]
    assert (Decimal(100), Decimal(100)) == ppks.end_target
    assert ["SAKIP", "IKU-1"] == [a.code for a in seed.achievements]
    assert "ST" == seed.achievements[0].band
    assert 4 == seed.achievements[0].rank


def test_the_report_in_english() -> None:
    """lang="en" gives English titles and sentences, numbers in English notation."""
    report = build_report(load(SEED), lang="en")
    a = report.table("target-realization")
    assert "Table 3.1 Target and realization in 2024" == a.caption
    assert "100.42%" == texts(a, "achievement")[2]
    assert any("the target is met" in s for s in a.sentences)
    assert "Performance Report 2024" == report.title


# --- sentences follow the numbers ----------------------------------------------------------


def test_lower_is_better_falls_and_improves() -> None:
    """A falling mortality rate is 'turun' and the performance 'meningkat'."""
    report = build_report(load(HEALTH))
    sentence = report.table("years").sentences[0]
    assert "turun 8,59 (7,64 %)" in sentence
    assert "kinerja meningkat" in sentence
    english = build_report(load(HEALTH), lang="en").table("years").sentences[0]
    assert "fell by 8.59" in english
    assert "performance improved" in english


def test_a_range_passed_on_the_good_side_is_met_as_its_figure_says() -> None:
    """88,6 against 60–85, higher is better, scores 104,24 %: the sentences say it is met."""
    report = build_report(load(HEALTH))
    sentence = report.table("target-realization").sentences[-1]
    assert "104,24 %" in sentence
    assert sentence.endswith("target tercapai.")
    end = report.table("end-target").sentences[-1]
    assert "telah mencapai target akhir Renstra 2026 (60–85)" in end


def test_a_standard_below_and_above() -> None:
    """With a standard, the sentence says above or below, and whether it is met."""
    data = make(
        indicator("A"),
        indicator("B"),
        indicator("C"),
        indicator("D"),
        realizations=(real("A", 2024, 80), real("B", 2024, 95), real("C", 2024, 90)),
        standards=(
            sakip.NationalStandard(indicator="A", value=90, source="SPM"),
            sakip.NationalStandard(indicator="B", value=90, source="SPM"),
            sakip.NationalStandard(indicator="C", value=90, source="SPM"),
            sakip.NationalStandard(indicator="D", value=sakip.TargetRange(1, 2), source="SPM"),
        ),
    )
    id_sentences = build_report(data).table("standard").sentences
    assert "di bawah standar nasional 90" in id_sentences[0]
    assert "belum memenuhi standar" in id_sentences[0]
    assert "di atas standar nasional 90" in id_sentences[1]
    assert "sama dengan standar nasional 90" in id_sentences[2]
    assert "tidak dapat dibandingkan dengan standar nasional" in id_sentences[3]
    en = build_report(data, lang="en").table("standard")
    assert "below the national standard 90" in en.sentences[0]
    assert "does not yet meet the standard" in en.sentences[0]
    assert "meets the standard" in en.sentences[1]
    assert ["80", "95", "90", "—"] == texts(en, "realization")
    assert "—" == texts(en, "standard")[3]


def test_within_a_standard_range() -> None:
    """Inside a range standard the sentence says within."""
    data = make(
        indicator("A"),
        realizations=(real("A", 2024, 5),),
        standards=(
            sakip.NationalStandard(indicator="A", value=sakip.TargetRange(1, 9), source="S"),
        ),
    )
    assert (
        "di dalam rentang standar nasional 1–9"
        in build_report(data).table("standard").sentences[0]
    )


def test_change_sentences_in_every_direction() -> None:
    """Rising, unchanged and worsening changes, and a growth from zero, are all told right."""
    data = make(
        indicator("UP"),
        indicator("SAME"),
        indicator("WORSE", polarity="negative"),
        indicator("ZERO"),
        realizations=(
            real("UP", 2023, 10),
            real("UP", 2024, 12),
            real("SAME", 2023, 7),
            real("SAME", 2024, 7),
            real("WORSE", 2023, 3),
            real("WORSE", 2024, 4),
            real("ZERO", 2023, 0),
            real("ZERO", 2024, 4),
        ),
    )
    table = build_report(data).table("years")
    up, same, worse, zero = table.sentences
    assert "naik 2 (20,00 %)" in up
    assert "kinerja meningkat" in up
    assert "sama dengan tahun 2023; kinerja tidak berubah" in same
    assert "naik 1 (33,33 %)" in worse
    assert "polaritasnya negatif, kinerja menurun" in worse
    assert "naik 4 dari 0" in zero
    assert ["20,00 %", "0,00 %", "33,33 %", "—"] == texts(table, "growth")
    assert ["membaik", "tetap", "memburuk", "membaik"] == texts(table, "trend")
    en = build_report(data, lang="en").table("years").sentences
    assert "rose by 2 (20.00%)" in en[0]
    assert "performance is unchanged" in en[1]
    assert "as lower is better, performance worsened" in en[2]
    assert "rose by 4 from 0" in en[3]


def test_end_target_sentences() -> None:
    """Met, short and on or off track are told from the numbers."""
    data = make(
        indicator("MET"),
        indicator("SHORT"),
        indicator("NOREAL"),
        indicator("ZERO"),
        plans=(
            plan("MET", 50, y2023=70, y2024=80, y2026=90),
            plan("SHORT", 50, y2023=70, y2024=80, y2026=100),
            plan("NOREAL", None, y2026=10),
            plan("ZERO", None, y2026=0),
        ),
        realizations=(
            real("MET", 2023, 91),
            real("MET", 2024, 95),
            real("SHORT", 2023, 60),
            real("SHORT", 2024, 60),
            real("ZERO", 2024, 5),
        ),
    )
    report = build_report(data, year=2024)
    met, short, missing, zero = report.table("end-target").sentences
    assert zero.endswith("telah mencapai target akhir Renstra 2026 (0).")  # no achievement vs 0
    assert "telah mencapai target akhir Renstra 2026 (90)" in met
    assert "diperkirakan tercapai" in met
    assert "masih kurang 40 dari target akhir Renstra 2026 (100)" in short
    assert "diperkirakan belum tercapai" in short
    assert "tidak ada realisasi tahun 2024" in missing
    assert ["sesuai jalur", "tidak sesuai jalur", "—", "—"] == texts(
        report.table("end-target"), "on-track"
    )
    en = build_report(data, year=2024, lang="en").table("end-target").sentences
    assert "already meets the Renstra end target" in en[0]
    assert "is 40 short of" in en[1]
    assert "not expected to be met" in en[1]
    assert "no realization is reported for 2024" in en[2]


def test_a_range_end_target_met_inside() -> None:
    """A realization inside a range end target is said to be inside it."""
    data = make(
        indicator("R"),
        plans=(
            sakip.IndicatorPlan(
                indicator="R",
                targets={2024: sakip.TargetRange(60, 85)},
                end_target=sakip.TargetRange(60, 85),
            ),
        ),
        realizations=(real("R", 2024, 70),),
    )
    report = build_report(data, lang="en")
    assert (
        "is inside the range of the Renstra end target" in report.table("end-target").sentences[0]
    )
    assert "the target is met" in said(report.table("target-realization"))[0]


def test_an_indicator_without_a_plan_line() -> None:
    """No Renstra line: no end target, said so, and no target in (a)."""
    data = make(indicator("A"), realizations=(real("A", 2024, 5),))
    report = build_report(data, lang="en")
    assert "the Renstra sets no end target for it" in report.table("end-target").sentences[0]
    assert "cannot be computed" in report.table("target-realization").sentences[0]
    assert () == report.achievements


# --- budget and efficiency ------------------------------------------------------------------


def test_efficiency_of_the_seed(seed: Report) -> None:
    """Nilai SAKIP: 101,50 % achieved with 85,35 % absorbed is 16,15 points, efficient."""
    table = seed.table("efficiency")
    assert "16,15" == texts(table, "efficiency")[0]
    assert "efisien" == texts(table, "verdict")[0]
    assert "capaian % − serapan %" in table.rule
    assert "nilai 16,15 menurut konvensi selisih (capaian % − serapan %)" in table.sentences[0]


def test_efficiency_by_another_convention() -> None:
    """The unspent convention reads nothing when the target is not met."""
    line = sakip.BudgetLine(code="B", name="Belanja", ceiling=100, spent=80, indicators=["A"])
    data = make(
        indicator("A"),
        plans=(plan("A", None, y2024=100),),
        realizations=(real("A", 2024, 90),),
        budget=(line,),
    )
    report = build_report(data, efficiency="unspent")
    assert "tidak dibaca" == texts(report.table("efficiency"), "verdict")[0]
    english = build_report(data, efficiency="share", lang="en").table("efficiency")
    assert "efficient" == texts(english, "verdict")[0]
    assert "by the share convention" in english.sentences[0]
    not_efficient = build_report(
        attrs.evolve(data, budget=[attrs.evolve(line, spent=100)]), lang="en"
    )
    assert "not efficient" == texts(not_efficient.table("efficiency"), "verdict")[0]


def test_efficiency_needs_achievement_and_absorption() -> None:
    """A convention that needs output figures cannot fill table (f)."""
    with pytest.raises(sakip.InvalidValueError, match="difference, share, unspent"):
        build_report(load(SEED), efficiency="pmk-249-2011")


def test_no_linked_budget_means_no_efficiency() -> None:
    """Without budget lines for the indicators, table (f) says why it is empty."""
    data = make(indicator("A"), realizations=(real("A", 2024, 5),))
    report = build_report(data, lang="en")
    assert () == report.table("efficiency").rows
    assert "No budget line is linked" in report.table("efficiency").sentences[0]
    assert "No spending" not in " ".join(report.table("budget").sentences)


def test_unreported_spending_is_listed(seed: Report) -> None:
    """Lines without spending are named, never read as zero."""
    sentence = seed.table("budget").sentences[-1]
    assert sentence.startswith("Realisasi anggaran tidak dilaporkan untuk: Program Keluarga")
    english = build_report(load(SEED), lang="en").table("budget").sentences
    assert english[-1].startswith("No spending is reported for:")
    assert english[0].startswith("Budget absorption of Belanja Dinas Sosial")


# --- the data types -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "indonesian", "english"),
    [
        (Cell.text("Sangat Tinggi"), "Sangat Tinggi", "Sangat Tinggi"),
        (Cell.number(Decimal("13773")), "13.773", "13,773"),
        (Cell.number(Decimal("70.2412"), 2), "70,24", "70.24"),
        (Cell.percent(Decimal("100.4228")), "100,42 %", "100.42%"),
        (Cell.money(Decimal("174970600")), "174.970.600", "174,970,600"),
        (Cell.rating("Tinggi", "T"), "Tinggi", "Tinggi"),
        (Cell.missing("no data"), "—", "—"),
        (Cell.number(None), "—", "—"),
        (Cell.percent(None), "—", "—"),
        (Cell.money(None, "none"), "—", "—"),
        (Cell.rating(None, None), "—", "—"),
    ],
)
def test_cells_print_as_reports_do(cell: Cell, indonesian: str, english: str) -> None:
    """Each kind of cell prints in Indonesian notation by default, English on request."""
    assert indonesian == cell.format()
    assert english == cell.format("en")


def test_numeric_cells_say_so() -> None:
    """Numbers, percentages and money are numeric; text and missing cells are not."""
    assert Cell.money(Decimal(1)).numeric
    assert not Cell.text("x").numeric
    assert not Cell.missing().numeric
    assert Cell.missing().note is None


def test_a_row_must_fill_every_column() -> None:
    """A table refuses a row with the wrong number of cells."""
    with pytest.raises(sakip.InvalidValueError, match="2 cells"):
        Table(
            key="t",
            number="1",
            title="T",
            columns=(Column(key="a", title="A"), Column(key="b", title="B")),
            rows=((Cell.text("x"),),),
            rule="r",
            source="s",
        )


def test_unknown_keys_name_the_known_ones(seed: Report) -> None:
    """Asking for a missing table or column lists what exists."""
    with pytest.raises(sakip.InvalidValueError, match="target-realization"):
        seed.table("nope")
    with pytest.raises(sakip.InvalidValueError, match="achievement"):
        seed.table("target-realization").column("nope")


def test_the_year_defaults_to_the_latest_realization(seed_dataset: sakip.Dataset) -> None:
    """2024 is the latest year with a realization; an empty dataset has no year."""
    assert 2024 == report_year(seed_dataset)
    with pytest.raises(sakip.InvalidValueError, match="no realization"):
        report_year(attrs.evolve(seed_dataset, realizations=[]))


def test_an_unknown_language_is_refused(seed_dataset: sakip.Dataset) -> None:
    """Only Indonesian and English are written."""
    with pytest.raises(sakip.InvalidValueError, match="'id', 'en'"):
        build_report(seed_dataset, lang="fr")


def test_another_scale_and_year(seed_dataset: sakip.Dataset) -> None:
    """A named scale relabels the ratings; an earlier year reports that year."""
    report = build_report(seed_dataset, scale="permendagri-86-2017-baik")
    assert "Sangat Baik" == texts(report.table("target-realization"), "rating")[0]
    earlier = build_report(seed_dataset, year=2023)
    assert "Target 2023" == earlier.table("target-realization").columns[3].title


# --- one language per report ----------------------------------------------------------------


def notes(table: Table, key: str) -> list[str | None]:
    return [cell.note for cell in table.column(key)]


def test_every_built_in_rule_a_report_shows_has_its_words_in_both_languages() -> None:
    """Formulas, level rules, the cap, scales, projections, conventions: each in id and en."""
    from sakip.achievement import CAP_RULE, FORMULAS, LEVEL_FORMULAS
    from sakip.budget import EFFICIENCY_CONVENTIONS
    from sakip.compare import PROJECTIONS
    from sakip.rollup import ROLLUP_METHODS
    from sakip.scales import SCALES
    from sakip.text.writer import BUILTIN_RULES

    readable = [c for c in EFFICIENCY_CONVENTIONS if "outputs" not in c.inputs]
    shown = [*FORMULAS, *LEVEL_FORMULAS, CAP_RULE, *SCALES, *PROJECTIONS, *readable]
    shown += ROLLUP_METHODS
    assert [] == [rule.name for rule in shown if all(rule is not b for b in BUILTIN_RULES)]
    untranslated = [key for key in RULE_WORDS if rule_word(*key, lang="en") == RULE_WORDS[key]]
    assert [] == untranslated
    named = {name for name, _ in RULE_WORDS}
    assert {rule.name for rule in shown} == named


def test_the_indonesian_report_says_every_reason_and_rule_in_indonesian(seed: Report) -> None:
    """No English reason, rule or source in the seed's Indonesian report."""
    poverty = said(seed.table("target-realization"))[1]
    assert poverty.endswith("tidak dapat dihitung: tidak ada realisasi tahun 2024.")
    assert "tidak ada realisasi tahun 2024" == seed.table("target-realization").rows[1][5].note
    assert "garis lurus kuadrat terkecil" in seed.table("end-target").rule
    assert "Efisiensi = capaian % − serapan % (positif berarti efisien)" == (
        seed.table("efficiency").rule
    )
    words = " ".join(
        [t.rule for t in seed.tables]
        + [t.source for t in seed.tables]
        + [s for t in seed.tables for s in t.sentences]
    )
    for english in ("also the", "no realization", "straight line", "Practice", "continuing"):
        assert english not in words


def test_the_english_report_says_rules_in_english() -> None:
    """The English report names the appendix and the efficiency formula in English."""
    report = build_report(load(HEALTH), lang="en")
    assert "Lampiran" not in report.table("target-realization").source
    assert 'PermenPANRB 8/2021, Appendix, "kondisi khusus"' in (
        report.table("target-realization").source
    )
    assert "Efficiency = achievement % − absorption % (positive is efficient)" == (
        report.table("efficiency").rule
    )
    assert "serapan" not in " ".join(report.table("efficiency").sentences)


def test_a_rule_a_user_made_is_shown_in_its_own_words() -> None:
    """A convention or scale outside the built-ins prints its own title, expression and source."""
    own = attrs.evolve(sakip.budget.DIFFERENCE, name="own", title="my title", expression="A − B")
    scale = attrs.evolve(
        sakip.scales.PERMENDAGRI_86_2017,
        name="own-scale",
        source=sakip.Source(reference="Perbup 1/2024", grade=sakip.EvidenceGrade.POLICY),
    )
    line = sakip.BudgetLine(code="B", name="Belanja", ceiling=100, spent=80, indicators=["A"])
    data = make(
        indicator("A"),
        plans=(plan("A", None, y2024=100),),
        realizations=(real("A", 2024, 90),),
        budget=(line,),
    )
    report = build_report(data, efficiency=own, scale=scale)
    assert "Efisiensi = A − B (my title)" == report.table("efficiency").rule
    assert "menurut konvensi own (A − B)" in report.table("efficiency").sentences[0]
    assert report.table("target-realization").source.endswith("; Perbup 1/2024")


@pytest.mark.parametrize(
    ("lang", "zero", "undefined", "no_target"),
    [
        (
            "id",
            "realisasi 5 terhadap target 0 tidak memiliki persentase",
            "rumus capaian tidak terdefinisi untuk realisasi 0 terhadap target 4",
            "tidak ada target untuk tahun 2024",
        ),
        (
            "en",
            "a realization of 5 against a target of 0 has no percentage",
            "the achievement formula is undefined for a realization of 0 against 4",
            "2024 has no target",
        ),
    ],
)
def test_why_an_achievement_is_missing(
    lang: str, zero: str, undefined: str, no_target: str
) -> None:
    """A zero target, a formula's own limit and a missing target each say why, in the language."""
    inverse = attrs.evolve(indicator("INV", "negative"), formula="inverse")
    data = make(
        indicator("ZERO"),
        inverse,
        indicator("NOTARGET"),
        plans=(plan("ZERO", None, y2024=0), plan("INV", None, y2024=4)),
        realizations=(real("ZERO", 2024, 5), real("INV", 2024, 0), real("NOTARGET", 2024, 3)),
    )
    table = build_report(data, lang=lang).table("target-realization")
    assert [zero, undefined, no_target] == notes(table, "achievement")
    assert [None, None, no_target] == notes(table, "target")
    assert all(
        reason in sentence
        for reason, sentence in zip(notes(table, "rating"), said(table), strict=True)
    )


def test_why_growth_is_missing() -> None:
    """Growth from 0 is not computable, and the cell says so in the report's language."""
    data = make(indicator("A"), realizations=(real("A", 2023, 0), real("A", 2024, 4)))
    assert ["realisasi tahun sebelumnya 0"] == notes(build_report(data).table("years"), "growth")
    english = build_report(data, lang="en").table("years")
    assert ["the previous year's realization is 0"] == notes(english, "growth")


def test_why_parts_of_the_end_target_comparison_are_missing() -> None:
    """No baseline, a range, a baseline equal to the end target, too few years: each said."""
    data = make(
        indicator("NOBASE"),
        indicator("RANGE"),
        indicator("FLAT"),
        plans=(
            plan("NOBASE", None, y2024=10, y2026=20),
            sakip.IndicatorPlan(
                indicator="RANGE",
                baseline=70,
                baseline_year=2020,
                end_target=sakip.TargetRange(60, 85),
            ),
            plan("FLAT", 50, y2026=50),
        ),
        realizations=(real("NOBASE", 2024, 9), real("RANGE", 2024, 90), real("FLAT", 2024, 50)),
    )
    table = build_report(data, year=2024).table("end-target")
    assert [None, "target akhir berupa rentang", None] == notes(table, "gap")
    expected = [
        "Renstra tidak memuat kondisi awal untuk indikator ini",
        "target akhir berupa rentang",
        "target akhir sama dengan kondisi awal",
    ]
    assert expected == notes(table, "progress")
    trend = "tren memerlukan realisasi sekurang-kurangnya dua tahun"
    assert [trend, None, None] == notes(table, "projection")
    assert [trend, None, None] == notes(table, "on-track")


def test_why_a_projection_is_missing() -> None:
    """The plan's last year, or a year missing from a running total, is said in the language."""
    data = make(
        indicator("LAST"),
        attrs.evolve(indicator("SUM", unit="orang"), cumulative=True),
        plans=(plan("LAST", None, y2026=10), plan("SUM", None, end=100, y2026=100)),
        realizations=(
            real("LAST", 2026, 9),
            real("SUM", 2021, 5),
            real("SUM", 2023, 5),
            real("SUM", 2024, 5),
        ),
    )
    last = build_report(data, year=2026, lang="en").table("end-target")
    assert "the report year is the Renstra's last year" == notes(last, "projection")[0]
    running = build_report(data, year=2024).table("end-target")
    expected = "realisasi kumulatif memerlukan setiap tahun; tidak ada realisasi tahun 2022"
    assert expected == notes(running, "projection")[1]


def test_why_a_standard_comparison_is_missing() -> None:
    """A standard with no realization that year says why, in the language."""
    standard = sakip.NationalStandard(indicator="A", value=100, source="SPM")
    data = make(indicator("A"), realizations=(real("A", 2023, 5),), standards=(standard,))
    table = build_report(data, year=2024).table("standard")
    assert ["tidak ada realisasi tahun 2024"] == notes(table, "achievement")
    assert table.sentences[0].endswith("dengan standar nasional: tidak ada realisasi tahun 2024.")


def test_a_standard_of_zero_is_a_missing_cell_not_an_error() -> None:
    """A standard of 0 against a non-zero realization gives a missing cell with its reason."""
    zero = sakip.NationalStandard(indicator="A", value=0, source="SPM")
    data = make(indicator("A"), realizations=(real("A", 2024, 5),), standards=(zero,))
    chapter = compute_chapter(data, year=2024)
    (missing,) = [m for m in chapter.histories[0].missing if m.figure is Figure.STANDARD]
    assert sakip.Reason.ZERO_TARGET == missing.reason
    assert None is chapter.histories[0].standard
    table = build_report(data, year=2024).table("standard")
    assert "—" == texts(table, "achievement")[0]
    assert "target 0" in notes(table, "achievement")[0]
    english = build_report(data, year=2024, lang="en").table("standard")
    assert "against a target of 0" in notes(english, "achievement")[0]


def test_quarters_of_a_ratio_with_no_denominator_leave_the_year_without_a_value() -> None:
    """Quarters whose denominators add up to 0 give no realization and say why, not an error."""
    ratio = sakip.Indicator(
        code="A", name="Indikator A", unit="%", aggregation=sakip.Aggregation.RATIO
    )
    quarters = tuple(
        sakip.Realization(indicator="A", year=2024, quarter=q, value=0, numerator=0, denominator=0)
        for q in (1, 2, 3, 4)
    )
    data = make(ratio, plans=(plan("A", None, y2024=50),), realizations=quarters)
    row = compute_chapter(data, year=2024).histories[0].current
    assert None is row.realization
    assert row.missing is not None
    assert sakip.Reason.ZERO_DENOMINATOR == row.missing.reason
    table = build_report(data, year=2024).table("target-realization")
    assert "—" == texts(table, "achievement")[0]
    assert "jumlah penyebut 0" == notes(table, "achievement")[0]


def test_why_absorption_is_missing() -> None:
    """No spending, quarters missing and a ceiling of 0 are told apart, never read as 0."""
    lines = (
        sakip.BudgetLine(code="N", name="Tanpa realisasi", ceiling=100),
        sakip.BudgetLine(code="Q", name="Dua triwulan", ceiling=100, quarterly_spent=[10, 20]),
        sakip.BudgetLine(code="Z", name="Pagu nol", ceiling=0, spent=5),
    )
    data = make(indicator("A"), realizations=(real("A", 2024, 5),), budget=lines)
    table = build_report(data).table("budget")
    expected = [
        "realisasi anggaran tidak dilaporkan",
        "realisasi anggaran TW III, TW IV tidak dilaporkan",
        "pagu 0",
    ]
    assert expected == notes(table, "absorption")
    assert [
        "Serapan anggaran Pagu nol tidak dapat dihitung: pagu 0.",
        "Realisasi anggaran tidak dilaporkan untuk: Tanpa realisasi; Dua triwulan.",
    ] == list(table.sentences)
    english = build_report(data, lang="en").table("budget")
    assert "no spending is reported for TW III, TW IV" == notes(english, "absorption")[1]
    assert (
        "The budget absorption of Pagu nol cannot be computed: the ceiling is 0."
        == (english.sentences[0])
    )


def test_counts_of_zero_of_zero_do_not_stop_the_report() -> None:
    """A realization counted as 0 of 0 says its ratio has no value instead of failing."""
    counted = sakip.Realization(indicator="A", year=2024, value=0, numerator=0, denominator=0)
    data = make(indicator("A"), plans=(plan("A", None, y2024=50),), realizations=(counted,))
    sentences = said(build_report(data).table("target-realization"))
    expected = (
        "Realisasi Indikator A tahun 2024 tidak dapat dihitung dari jumlahnya: 0 / 0, "
        "penyebutnya 0; data mencatat 0."
    )
    assert expected == sentences[1]
    english = said(build_report(data, lang="en").table("target-realization"))
    assert "cannot follow from its counts: 0 / 0, the denominator is 0;" in english[1]


def test_a_range_target_cell_is_in_the_reports_notation() -> None:
    """A range with decimals prints 7.5–8.5 in English and 7,5–8,5 in Indonesian."""
    data = make(
        indicator("R"),
        plans=(
            sakip.IndicatorPlan(
                indicator="R",
                targets={2024: sakip.TargetRange("7.5", "8.5")},
                end_target=sakip.TargetRange("7.5", "8.5"),
            ),
        ),
        realizations=(real("R", 2024, 8),),
    )
    english = build_report(data, lang="en")
    assert ["7.5–8.5"] == texts(english.table("target-realization"), "target")
    assert ["7.5–8.5"] == texts(english.table("end-target"), "end-target")
    assert ["7,5–8,5"] == texts(build_report(data).table("target-realization"), "target")


def test_a_year_built_from_some_quarters_says_which_are_missing() -> None:
    """A year summed from TW I, II and IV says that TW III is missing, in the language."""
    counted = attrs.evolve(indicator("Q", unit="orang"), aggregation="sum")
    quarters = tuple(
        sakip.Realization(indicator="Q", year=2024, quarter=q, value=10) for q in (1, 2, 4)
    )
    data = make(counted, plans=(plan("Q", y2024=40),), realizations=quarters)
    indonesian = said(build_report(data, year=2024).table("target-realization"))[0]
    assert indonesian.endswith(
        "target belum tercapai. Realisasi tahun ini dihitung tanpa TW III, yang tidak dilaporkan."
    )
    english = said(build_report(data, year=2024, lang="en").table("target-realization"))[0]
    assert english.endswith("not met. The year's realization leaves out TW III, not reported.")


# --- reason codes -------------------------------------------------------------------------------


def test_every_reason_code_has_its_words_in_both_languages() -> None:
    """Each Reason has an Indonesian and an English phrase, and the phrases differ."""
    from sakip.text.reasons import PHRASES

    assert set(sakip.Reason) == set(PHRASES)
    phrases = [sakip.Missing(reason=code) for code in sakip.Reason]
    assert [] == [m.reason for m in phrases if m.explain(lang="en") == m.explain(lang="id")]


def test_a_reason_is_phrased_by_its_code() -> None:
    """A row that says why it has no achievement prints the phrase of its code."""
    from sakip.text.reasons import say_row_reason
    from sakip.text.writer import Writer

    row = sakip.YearRow(
        year=2024,
        target=None,
        target_source=None,
        realization=None,
        missing=sakip.Missing(reason=sakip.Reason.NO_REALIZATION, values=(("year", 2024),)),
    )
    assert "tidak ada realisasi tahun 2024" == say_row_reason(Writer("id"), row)
    assert "no realization is reported for 2024" == say_row_reason(Writer("en"), row)


def test_a_rule_that_refuses_is_named_in_the_report() -> None:
    """An error sakip has no code for (an unregistered formula) names the rule that refused."""
    from sakip.text.reasons import say_missing
    from sakip.text.writer import Writer

    unknown = attrs.evolve(indicator("A"), formula="no-such-formula")
    data = make(
        unknown, plans=(plan("A", None, y2024=90, y2026=100),), realizations=(real("A", 2024, 5),)
    )
    found = sakip.history(data, "A", 2024)
    assert found.end is not None
    said = say_missing(Writer("id"), found.current.missing)
    assert "aturan no-such-formula tidak dapat menghitung dari angka ini" == said
    report = build_report(data)
    assert [said] == notes(report.table("target-realization"), "achievement")
    assert [said] == notes(report.table("end-target"), "achievement")


# --- smaller defects ------------------------------------------------------------------------


def test_a_budget_line_named_anggaran_is_not_called_anggaran_twice(seed: Report) -> None:
    """A line named "Anggaran pendukung …" reads "Serapan Anggaran pendukung …", once."""
    sentences = " ".join(seed.table("budget").sentences)
    assert "Serapan Anggaran pendukung Nilai SAKIP Kota Metro sebesar 85,35 %" in sentences
    assert "anggaran Anggaran" not in sentences


def test_a_table_with_no_achievement_names_no_formula() -> None:
    """Only a negative indicator without a realization: no "R / T × 100" in the rule line."""
    data = make(indicator("N", "negative"), plans=(plan("N", T2024=10),))
    rule = build_report(data, year=2024).table("target-realization").rule
    assert rule.startswith("Capaian = —; kategori")


def test_table_b_shows_the_baseline_year_a_change_compares_with() -> None:
    """Reported in the plan's first year, the change is on the baseline: its year has a column."""
    data = make(
        indicator("A"),
        plans=(plan("A", baseline=80, T2021=85),),
        realizations=(real("A", 2021, 86),),
    )
    table = build_report(data, year=2021).table("years")
    assert ["no", "indicator", "realization-2020", "realization-2021"] == [
        column.key for column in table.columns[:4]
    ]
    assert ["80", "86", "6"] == [cell.format() for cell in table.rows[0][2:5]]


def test_table_c_keeps_the_realization_and_baseline_without_an_end_target() -> None:
    """No end target: the baseline and the year's realization are still shown."""
    data = make(
        indicator("A"),
        plans=(plan("A", baseline=80, T2024=85),),
        realizations=(real("A", 2024, 86),),
    )
    row = build_report(data, year=2024).table("end-target").rows[0]
    assert ["80", "86", "—"] == [cell.format() for cell in row[2:5]]


# --- computed figures print rounded ---------------------------------------------------------


def _quarterly_ratio() -> sakip.Dataset:
    """A ratio indicator whose 2024 value sakip computes from counts: 2 / 6 × 100."""
    ratio = sakip.Indicator(code="R", name="Rasio R", unit="%", aggregation="ratio")
    quarters = tuple(
        sakip.Realization(indicator="R", year=2024, quarter=q, value=v, numerator=n, denominator=d)
        for q, v, n, d in ((1, 50, 1, 2), (2, 25, 1, 4))
    )
    return make(
        ratio,
        plans=(plan("R", T2023=30, T2024=40),),
        realizations=(real("R", 2023, "30.125"), *quarters),
    )


def test_a_computed_year_value_prints_rounded_and_a_typed_one_as_typed() -> None:
    """33,333… % from counts prints 33,33 everywhere; the typed 30,125 keeps its 3 places."""
    report = build_report(_quarterly_ratio(), year=2024)
    assert ["33,33"] == texts(report.table("target-realization"), "realization")
    years = report.table("years")
    assert ["30,125", "33,33", "3,21"] == [cell.format() for cell in years.rows[0][2:5]]
    sentences = " ".join(years.sentences + report.table("target-realization").sentences)
    assert "naik 3,21 (10,65 %) dari 30,125 pada tahun 2023 menjadi 33,33" in sentences
    assert "(realisasi 33,33 terhadap target 40)" in sentences
    assert "33333" not in render.to_text(report) + render.to_markdown(report)
    assert ("33,33",) == tuple(texts(report.table("end-target"), "realization"))
    series = report.series[0]
    by_year = dict(zip(series.years, series.places, strict=True))
    assert (None, 2) == (by_year[2023], by_year[2024])


def test_the_workbook_stores_the_printed_figure_and_json_the_exact_one() -> None:
    """XLSX holds 33.33 (what is printed); JSON keeps the unrounded value beside its text."""
    import io

    from openpyxl import load_workbook

    report = build_report(_quarterly_ratio(), year=2024)
    book = load_workbook(io.BytesIO(render.to_xlsx(report)))
    # row 4 is the goal's, row 5 the indicator's
    assert Decimal("33.33") == Decimal(str(book["3.1"]["E5"].value))
    assert Decimal("83.33") == Decimal(str(book["3.1"]["F5"].value))  # 83,3333… % printed
    cell = render.report_data(report)["tables"][0]["rows"][0][4]
    assert ("33,33", "33.33333333333333333333333333") == (cell["text"], cell["value"])


# --- chapter III computed once ----------------------------------------------------------------


def test_a_chapter_computed_once_shows_in_both_languages(seed_dataset: sakip.Dataset) -> None:
    """The chapter's data is the same for both languages; each report is build_report's."""
    from sakip.analysis.chapter import compute_chapter
    from sakip.report import report_of

    chapter = compute_chapter(seed_dataset, year=2024)
    for lang in ("id", "en"):
        assert build_report(seed_dataset, year=2024, lang=lang) == chapter.report(lang=lang)
    assert report_of(chapter) == chapter.report(lang="id")
    codes = tuple(ind.code for ind in seed_dataset.plan.indicators)
    assert codes == tuple(found.indicator.code for found in chapter.histories)
    assert [r.line.code for r in chapter.budget] == [line.code for line in seed_dataset.budget]


def test_a_chapter_holds_numbers_and_codes() -> None:
    """Absorptions and efficiencies are results, not words; a missing one is None."""
    from sakip.analysis.chapter import compute_chapter

    chapter = compute_chapter(load(SEED), year=2024, efficiency="share")
    assert "share" == chapter.convention.name
    absorbed = {r.line.code: r.absorption for r in chapter.budget}
    assert Decimal("85.35") == round(absorbed["B-SAKIP"].percent, 2)  # type: ignore[union-attr]
    assert any(value is None for value in absorbed.values())  # a line with no spending
    read = [pair for pair in chapter.efficiencies if pair.efficiency is not None]
    assert read
    assert all(pair.efficiency.efficient is not None for pair in read)  # type: ignore[union-attr]
    assert repr(chapter).startswith("<Chapter Dinas Sosial Kota Metro 2024: ")
    assert repr(chapter.budget[0]).startswith(f"<BudgetResult {chapter.budget[0].line.code}: ")
    assert repr(read[0]).startswith(f"<EfficiencyResult {read[0].history.indicator.code} × ")


def test_a_chapter_refuses_a_convention_tables_cannot_read(seed_dataset: sakip.Dataset) -> None:
    """A convention that reads outputs cannot fill table (f): the readable ones are listed."""
    from sakip.analysis.chapter import compute_chapter

    unreadable = [c for c in sakip.budget.EFFICIENCY_CONVENTIONS if "outputs" in c.inputs]
    with pytest.raises(sakip.InvalidValueError, match="read from achievement and absorption"):
        compute_chapter(seed_dataset, efficiency=unreadable[0])


# --- where the figures come from --------------------------------------------------------------


def test_sumber_names_the_indicators_data_sources_each_once() -> None:
    """Tables (a)-(d) say where the figures come from as the data does; budget tables do not."""
    sources = {"A": "BPS", "B": "Dinas Sosial", "C": "BPS"}
    indicators = [attrs.evolve(indicator(c), data_source=s) for c, s in sources.items()]
    data = make(*indicators, plans=tuple(plan(c, None, y2024=100) for c in sources))
    report = build_report(data, year=2024)
    for key in ("target-realization", "years", "end-target", "standard"):
        assert ("BPS", "Dinas Sosial") == report.table(key).data_sources
    assert () == report.table("budget").data_sources
    text = render.to_text(report)
    assert "Sumber: BPS; Dinas Sosial\nRumus: Capaian" in text
    assert "[REG" not in text
    assert "[PRACTICE]" not in text


def test_no_data_source_no_sumber_line() -> None:
    """A source the data does not name is never invented: the line is left out."""
    report = build_report(make(indicator("A"), plans=(plan("A", None, y2024=100),)), year=2024)
    assert () == report.table("target-realization").data_sources
    text = render.to_text(report)
    assert "Sumber:" not in text
    assert "Dasar perhitungan: PermenPANRB" in text


def test_a_users_rule_is_based_on_its_reference_and_place() -> None:
    """A scale a user made names its regulation and article, without sakip's grade."""
    scale = attrs.evolve(
        sakip.scales.PERMENDAGRI_86_2017,
        name="own-scale",
        source=sakip.Source(
            reference="Perbup 1/2024", location="Pasal 3", grade=sakip.EvidenceGrade.POLICY
        ),
    )
    data = make(indicator("A"), plans=(plan("A", None, y2024=100),))
    source = build_report(data, year=2024, scale=scale).table("target-realization").source
    assert "Perbup 1/2024, Pasal 3" == source  # no achievement, so no formula before it
