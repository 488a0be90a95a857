"""The audit of a report's stated figures: every kind, the printed precision, the seed."""

from __future__ import annotations

import decimal
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import render
from sakip.achievement import INVERSE
from sakip.audit import (
    CHECKS,
    CLAIMS,
    Audit,
    BadStatedFigureError,
    NotRecomputableError,
    Recomputation,
    StatedFigureError,
    Total,
    Verdict,
    audit,
    check,
    validate,
)
from sakip.exceptions import SakipError
from sakip.locale import format_number
from sakip.model import StatedFigure
from tests.strategies import decimals

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"


def figure(kind: str, stated: str, *operands: object, **fields: object) -> sakip.StatedFigure:
    # An achievement's operands need a polarity; these figures are of higher-is-better ones.
    if kind == "achievement" and operands and "indicator" not in fields:
        fields.setdefault("polarity", "positive")
    return sakip.StatedFigure(kind=kind, stated=stated, operands=operands, **fields)  # type: ignore[arg-type]


@pytest.fixture
def with_standard(seed_dataset: sakip.Dataset) -> sakip.Dataset:
    """The seed data with a national standard of 90 for PPKS."""
    standard = sakip.NationalStandard(indicator="PPKS", value=90, source="SPM")
    return attrs.evolve(seed_dataset, standards=[standard])


# --- the kinds ------------------------------------------------------------------------------


def test_every_kind_of_the_brief_is_registered() -> None:
    """The audit knows exactly the sixteen kinds a stated figure can have."""
    expected = [
        "absorption",
        "achievement",
        "category",
        "change",
        "claim",
        "efficiency",
        "gap",
        "growth",
        "objective-average",
        "percentage",
        "period-achievement",
        "period-realization",
        "progress",
        "revised-target",
        "sum",
        "unspent",
    ]
    assert expected == CHECKS.names()


@pytest.mark.parametrize(
    ("kind", "stated", "operands", "recomputed"),
    [
        ("achievement", "100,42", (95, "94.6"), "100,42"),
        ("percentage", "95,25", (13773, 14460), "95,25"),
        ("sum", "13.296", (5306, 7607, 336, 47), "13.296"),
        ("change", "2", (95, 93), "2"),
        ("growth", "2,15", (95, 93), "2,15"),
        ("gap", "0,84", (70, "69.16"), "0,84"),
        ("progress", "72,54", (95, "81.79", 100), "72,54"),
        ("absorption", "85,35", (149338671, 174970600), "85,35"),
    ],
)
def test_a_right_figure_agrees(
    kind: str, stated: str, operands: tuple[object, ...], recomputed: str
) -> None:
    """Each numeric kind recomputes the seed's correct figure and agrees with it."""
    finding = check(figure(kind, stated, *operands))
    assert Verdict.AGREES == finding.verdict
    assert recomputed == finding.recomputed
    assert finding.agrees


@pytest.mark.parametrize(
    ("kind", "stated", "operands", "recomputed"),
    [
        ("achievement", "101,1", (95, "94.6"), "100,42"),
        ("achievement", "101,54", ("69.16", "68.14"), "101,50"),
        ("percentage", "6,3", (7711, 12242), "62,99"),
        ("sum", "12.942", (5306, 7607, 336, 47), "13.296"),
        ("change", "3", (95, 93), "2"),
        ("growth", "2,3", (95, 93), "2,15"),
        ("gap", "-5%", (100, 95), "5"),
        ("progress", "72", (96, "81.79", 100), "78,03"),
        ("absorption", "86", (149338671, 174970600), "85,35"),
    ],
)
def test_a_wrong_figure_disagrees(
    kind: str, stated: str, operands: tuple[object, ...], recomputed: str
) -> None:
    """The seed's wrong figures (and others) disagree, with the recomputed value shown."""
    finding = check(figure(kind, stated, *operands))
    assert Verdict.DISAGREES == finding.verdict
    assert recomputed == finding.recomputed


def test_tolerance_is_the_printed_precision() -> None:
    """'95' agrees with 95,25 (no decimals printed); '101,1' is compared with 100,4."""
    assert check(figure("percentage", "95", 13773, 14460)).agrees
    assert check(figure("percentage", "95 %", 13773, 14460)).agrees
    wrong = check(figure("achievement", "101,1", 95, "94.6"))
    assert "100,4" == wrong.shown
    assert 1 == wrong.places
    assert not wrong.agrees


@given(value=decimals(min_value=-(10**6), max_value=10**6, places=6), places=st.integers(0, 4))
def test_a_figure_printed_at_any_precision_agrees(value: Decimal, places: int) -> None:
    """Any exact sum, printed rounded half-up to some decimals, agrees with itself."""
    printed = format_number(value, places)
    assert check(figure("sum", printed, value)).agrees


def test_more_printed_decimals_show_more_recomputed_decimals() -> None:
    """A percentage stated with three decimals is shown recomputed with three."""
    finding = check(figure("percentage", "95,249", 13773, 14460))
    assert "95,249" == finding.recomputed
    assert finding.agrees


def test_a_plain_figure_with_decimals_is_shown_with_them() -> None:
    """A gap printed with two decimals shows the recomputed gap with two."""
    finding = check(figure("gap", "1,00", 70, "69.16"))
    assert "0,84" == finding.recomputed
    assert not finding.agrees


def test_growth_against_zero_is_not_computable() -> None:
    """Growth from a previous value of 0 cannot be recomputed, and says why."""
    finding = check(figure("growth", "10", 5, 0))
    assert Verdict.NOT_COMPUTABLE == finding.verdict
    assert "—" == finding.recomputed
    assert finding.shown is None
    assert "the previous year's realization is 0" in finding.explanation


def test_progress_with_end_target_at_baseline_is_not_computable() -> None:
    """Progress needs an end target different from the baseline."""
    assert Verdict.NOT_COMPUTABLE == check(figure("progress", "50", 5, 10, 10)).verdict


def test_absorption_of_a_zero_ceiling_is_not_computable() -> None:
    """Absorption against a ceiling of 0 is not computable."""
    assert Verdict.NOT_COMPUTABLE == check(figure("absorption", "0", 0, 0)).verdict


def test_achievement_uses_the_indicators_polarity(seed_dataset: sakip.Dataset) -> None:
    """With an indicator named, its polarity and formula are used (mirror for negative)."""
    negative = sakip.Indicator(code="PPKS", name="x", unit="%", polarity="negatif")
    goal = attrs.evolve(seed_dataset.plan.goals[0], objectives=[], indicators=[negative])
    plan = attrs.evolve(seed_dataset.plan, goals=[goal], indicator_plans=[])
    data = sakip.Dataset(agency=seed_dataset.agency, plan=plan)
    finding = check(figure("achievement", "120", 8, 10, indicator="PPKS"), data)
    assert finding.agrees
    assert "(2 × 10 − 8) / 10 × 100 = 120,00 %" == finding.explanation


def test_achievement_from_the_data(seed_dataset: sakip.Dataset) -> None:
    """Without operands, the achievement is recomputed from the year's target and realization."""
    finding = check(figure("achievement", "101,1", indicator="PPKS", year=2024), seed_dataset)
    assert "100,42" == finding.recomputed
    assert not finding.agrees


def test_achievement_from_the_data_needs_the_data() -> None:
    """An achievement named by indicator and year cannot be checked without a dataset."""
    with pytest.raises(sakip.InvalidValueError, match="indicator and a year"):
        check(figure("achievement", "100", indicator="PPKS", year=2024))


def test_achievement_from_missing_data_is_not_computable(seed_dataset: sakip.Dataset) -> None:
    """A year without a realization gives no achievement to compare with."""
    finding = check(figure("achievement", "100", indicator="PPKS", year=2021), seed_dataset)
    assert Verdict.NOT_COMPUTABLE == finding.verdict


# --- claims ---------------------------------------------------------------------------------


def claim(kind: str, code: str = "PPKS", year: int = 2024) -> sakip.StatedFigure:
    return sakip.StatedFigure(
        kind="claim", claim=kind, stated="kalimat", indicator=code, year=year
    )


def test_a_standard_claim_without_a_standard_disagrees(seed_dataset: sakip.Dataset) -> None:
    """'Below the national standard' where no standard exists is a finding."""
    finding = check(claim("below-national-standard"), seed_dataset)
    assert Verdict.DISAGREES == finding.verdict
    assert "does not hold" == finding.recomputed
    assert "no national standard is recorded for PPKS" in finding.explanation


@pytest.mark.parametrize(
    ("claimed", "holds"),
    [("above-national-standard", True), ("below-national-standard", False)],
)
def test_a_standard_claim_is_checked_against_the_standard(
    with_standard: sakip.Dataset, claimed: str, holds: bool
) -> None:
    """95 against a standard of 90 is above it."""
    finding = check(claim(claimed), with_standard)
    assert holds == finding.agrees
    assert ("holds" if holds else "does not hold") == finding.recomputed


def test_a_standard_claim_without_a_realization_is_not_computable(
    with_standard: sakip.Dataset,
) -> None:
    """A year with a standard but no realization cannot be placed above or below it."""
    assert (
        Verdict.NOT_COMPUTABLE
        == check(claim("above-national-standard", year=2021), with_standard).verdict
    )


@pytest.mark.parametrize(("claimed", "holds"), [("improved", True), ("worsened", False)])
def test_a_trend_claim_follows_the_polarity(
    seed_dataset: sakip.Dataset, claimed: str, holds: bool
) -> None:
    """PPKS rose from 93 to 95 and higher is better: it improved."""
    assert holds == check(claim(claimed), seed_dataset).agrees


def test_a_trend_claim_needs_two_years(seed_dataset: sakip.Dataset) -> None:
    """SAKIP has 2024 only in this data: no trend can be checked."""
    finding = check(claim("improved", code="SAKIP"), seed_dataset)
    assert Verdict.NOT_COMPUTABLE == finding.verdict


@pytest.mark.parametrize(("claimed", "holds"), [("target-met", True), ("target-not-met", False)])
def test_a_target_claim_reads_the_achievement(
    seed_dataset: sakip.Dataset, claimed: str, holds: bool
) -> None:
    """95 against 94,6 meets the target."""
    finding = check(claim(claimed), seed_dataset)
    assert holds == finding.agrees
    assert finding.explanation_in("id").endswith("100,42 %: target tercapai")
    assert finding.explanation_in("en").endswith("100,42 %: target met")


def test_a_target_claim_without_an_achievement_is_not_computable(
    seed_dataset: sakip.Dataset,
) -> None:
    """2021 has no realization, so whether its target was met is unknown."""
    assert Verdict.NOT_COMPUTABLE == check(claim("target-met", year=2021), seed_dataset).verdict


def test_every_claim_is_known() -> None:
    """The six claims of the brief are the ones checked."""
    assert 6 == len(CLAIMS)


# --- bad figures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (figure("median", "5", 1), sakip.UnknownRuleError, "unknown stated figure kind"),
        (figure("achievement", "5", 1), sakip.InvalidValueError, "2 operands"),
        (figure("sum", "5"), sakip.InvalidValueError, "at least one item"),
        (figure("achievement", "5"), sakip.InvalidValueError, "realization and target"),
        (figure("percentage", "lima", 1, 2), sakip.InvalidValueError, "a number as printed"),
        (
            sakip.StatedFigure(kind="claim", stated="x", indicator="A", year=2024),
            sakip.InvalidValueError,
            "one of below-national-standard",
        ),
        (
            sakip.StatedFigure(kind="claim", claim="improved", stated="x"),
            sakip.InvalidValueError,
            "an indicator and a year",
        ),
    ],
)
def test_a_figure_that_does_not_fit_its_kind_is_refused(
    bad: sakip.StatedFigure, error: type[Exception], message: str
) -> None:
    """Unknown kinds, wrong operands and unknown claims are clear errors."""
    with pytest.raises(error, match=message):
        validate(bad)


def test_an_unknown_claim_is_refused_when_the_figure_is_made() -> None:
    """A claim is a :class:`~sakip.Claim`: a word it does not know names the accepted codes."""
    with pytest.raises(sakip.InvalidValueError, match="'claim' must be one of 'below-national"):
        sakip.StatedFigure(kind="claim", claim="great", stated="x", indicator="A", year=2024)


@pytest.mark.parametrize(
    ("word", "claim"),
    [
        ("improved", sakip.Claim.IMPROVED),
        ("Target Tidak Tercapai", sakip.Claim.TARGET_NOT_MET),
        ("di bawah standar nasional", sakip.Claim.BELOW_NATIONAL_STANDARD),
        ("target_met", sakip.Claim.TARGET_MET),
    ],
)
def test_a_claim_is_read_from_its_code_or_its_indonesian_words(
    word: str, claim: sakip.Claim
) -> None:
    """A data file may write the code or the Indonesian words, in any case."""
    assert claim is sakip.StatedFigure(kind="claim", claim=word, stated="x").claim


def test_the_audit_checks_every_claim() -> None:
    """CLAIMS is every member of the enumeration, and the words list the Indonesian first."""
    assert tuple(sakip.Claim) == sakip.audit.CLAIMS
    assert "membaik" == sakip.Claim.accepted_words()[2]
    assert "improved" in sakip.Claim.accepted_words()


def test_audit_lists_every_bad_figure_at_once(seed_dataset: sakip.Dataset) -> None:
    """All bad figures are reported together, each with its position and location."""
    data = attrs.evolve(
        seed_dataset,
        stated=[
            figure("median", "5", 1, location="Tabel 3.1"),
            figure("sum", "3", 1, 2),
            figure("percentage", "5", 1),
        ],
    )
    with pytest.raises(StatedFigureError) as caught:
        audit(data)
    problems = caught.value.exceptions
    assert 2 == len(problems)
    assert all(isinstance(p, BadStatedFigureError) for p in problems)
    assert str(problems[0]).startswith("stated[0]:kind: unknown stated figure kind 'median'")
    assert str(problems[0]).endswith("(Tabel 3.1)")
    assert "stated[2]:operands" == problems[1].place
    assert isinstance(caught.value, sakip.SakipError)


# --- the audit as a whole -------------------------------------------------------------------


def test_audit_of_the_seed_example_names_its_errors() -> None:
    """The seed's four wrong figures and its standard claim are found; the rest agree."""
    from sakip.io import load

    result = audit(load(SEED))
    wrong = {(f.figure.stated, f.recomputed) for f in result.disagreements}
    assert {
        ("101,1", "100,42"),
        ("101,54", "101,50"),
        ("6,3", "62,99"),
        ("12.942", "13.296"),
    } <= wrong
    claims = [
        f for f in result.disagreements if f.figure.claim is sakip.Claim.BELOW_NATIONAL_STANDARD
    ]
    assert claims
    assert not result.ok
    assert result.explain().endswith("do not agree with the data")


def test_an_audit_of_agreeing_figures_is_ok(seed_dataset: sakip.Dataset) -> None:
    """Figures that agree make an audit with no disagreement."""
    result = audit(seed_dataset, [figure("percentage", "95,25", 13773, 14460)])
    assert result.ok
    assert () == result.disagreements
    assert "1 stated figures checked, 0 do not agree with the data" == result.explain()
    assert isinstance(result, Audit)


def test_the_dataset_figures_are_checked_by_default(seed_dataset: sakip.Dataset) -> None:
    """Without figures given, the dataset's own stated figures are checked."""
    data = attrs.evolve(seed_dataset, stated=[figure("sum", "3", 1, 2)])
    assert 1 == len(audit(data).findings)


def test_finding_location_and_explanation() -> None:
    """A finding says where, what was stated, what the data gives and the verdict."""
    finding = check(figure("sum", "3", 1, 1, location="Tabel 3.2", indicator="A", year=2024))
    assert "Tabel 3.2 (A, 2024)" == finding.location
    assert "total (jumlah): stated 3, recomputed 2 — disagrees" == finding.explain()
    assert "(location not given)" == check(figure("sum", "2", 1, 1)).location


def test_finding_location_in_indonesian() -> None:
    """Without a location, an Indonesian finding says so in Indonesian."""
    assert "(letak tidak disebutkan)" == check(figure("sum", "2", 1, 1)).location_in("id")
    located = check(figure("sum", "2", 1, 1, location="Tabel 3.2", year=2024))
    assert "Tabel 3.2 (2024)" == located.location_in("id")


def test_a_formula_explains_itself_alike_in_both_languages() -> None:
    """A recomputed figure's explanation is its formula, the same in Indonesian and English."""
    finding = check(figure("percentage", "6,3", 7711, 12242))
    assert isinstance(finding.basis, sakip.Percentage)
    assert finding.missing is None
    assert "7.711 / 12.242 × 100 = 62,99 %" == finding.explanation_in("id")
    assert finding.explanation == finding.explanation_in("en")


@pytest.mark.parametrize(
    ("stated", "reason"),
    [
        (figure("percentage", "0", 1, 0), "keseluruhan bernilai 0"),
        (figure("absorption", "0", 0, 0), "pagu 0"),
        (figure("progress", "50", 5, 10, 10), "target akhir sama dengan kondisi awal"),
        (figure("growth", "10", 5, 0), "realisasi tahun sebelumnya 0"),
        (
            figure("achievement", "0", 5, 0),
            "realisasi 5 terhadap target 0 tidak memiliki persentase",
        ),
        (
            figure("achievement", "0", 5, -1),
            "rumus capaian tidak terdefinisi untuk realisasi 5 terhadap target -1",
        ),
        (
            figure("achievement", "100", indicator="PPKS", year=2021),
            "tidak ada realisasi tahun 2021",
        ),
        (claim("target-met", year=2021), "tidak ada realisasi tahun 2021"),
        (claim("improved", code="SAKIP"), "tidak ada realisasi tahun 2023"),
        (claim("improved", year=2021), "tidak ada realisasi tahun 2021"),
    ],
)
def test_why_a_figure_is_not_computable_in_indonesian(
    seed_dataset: sakip.Dataset, stated: sakip.StatedFigure, reason: str
) -> None:
    """Each reason a figure cannot be recomputed has its Indonesian words, from its kind."""
    finding = check(stated, seed_dataset)
    assert Verdict.NOT_COMPUTABLE == finding.verdict
    assert f"tidak dapat dihitung ulang: {reason}" == finding.explanation_in("id")
    assert finding.explanation == finding.explanation_in("en")
    assert finding.explanation.startswith("cannot be recomputed: ")
    assert finding.missing is not None
    assert finding.basis is None


def test_a_standard_claim_without_a_realization_says_why_in_indonesian(
    with_standard: sakip.Dataset,
) -> None:
    """The reason comes from the history's reason code, as the report words it."""
    finding = check(claim("above-national-standard", year=2021), with_standard)
    expected = "tidak dapat dihitung ulang: tidak ada realisasi tahun 2021"
    assert expected == finding.explanation_in("id")


def test_a_missing_standard_is_worded_in_indonesian(seed_dataset: sakip.Dataset) -> None:
    """'No national standard' is the audit's own sentence, so it has an Indonesian form."""
    finding = check(claim("below-national-standard"), seed_dataset)
    assert finding.explanation_in("id").startswith(
        "tidak ada standar nasional yang tercatat untuk PPKS"
    )


def test_results_do_not_depend_on_the_callers_context() -> None:
    """A coarse global decimal context changes nothing in a finding."""
    expected = check(figure("achievement", "101,1", 95, "94.6"))
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        actual = check(figure("achievement", "101,1", 95, "94.6"))
    assert expected.value == actual.value
    assert expected.recomputed == actual.recomputed


def test_a_range_passed_on_the_good_side_is_met_as_its_figure_says() -> None:
    """88,6 against 60–85 scores 104,24 %: "target met" holds, "target not met" does not."""
    from sakip.io import load

    health = load(ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml")
    met = check(claim("target-met", code="BOR"), health)
    not_met = check(claim("target-not-met", code="BOR"), health)
    assert (Verdict.AGREES, Verdict.DISAGREES) == (met.verdict, not_met.verdict)
    assert met.explanation_in("id").endswith("104,24 %: target tercapai")
    assert met.explanation.endswith("104,24 %: target met")


def test_audit_lists_every_figure_about_an_unknown_indicator(seed_dataset: sakip.Dataset) -> None:
    """Figures naming an indicator the data lacks are all listed, not the first one raised."""
    figures = [
        sakip.StatedFigure(
            kind="claim", claim="improved", indicator="NOPE", year=2024, stated="x"
        ),
        sakip.StatedFigure(kind="percentage", stated="50", operands=[1, 2], indicator="NADA"),
    ]
    with pytest.raises(StatedFigureError) as caught:
        audit(seed_dataset, figures)
    problems = caught.value.exceptions
    assert ["indicator", "indicator"] == [p.field for p in problems]  # type: ignore[attr-defined]
    assert "unknown indicator 'NADA'" in str(problems[1])


def test_an_inverse_achievement_cites_its_own_practice_source() -> None:
    """The audit cites the formula it used: inverse is practice, not PermenPANRB 8/2021."""
    indicator = sakip.Indicator(
        code="W", name="Waktu tunggu", unit="hari", polarity="negative", formula="inverse"
    )
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="G", name="Tujuan", indicators=[indicator])],
    )
    data = sakip.Dataset(agency=sakip.Agency(name="Dinas"), plan=plan)
    figure = sakip.StatedFigure(kind="achievement", stated="125", operands=[8, 10], indicator="W")
    finding = check(figure, data)
    assert (True, INVERSE.source) == (finding.agrees, finding.source)
    english = render.audit_text(audit(data, [figure]), everything=True, lang="en")
    indonesian = render.audit_text(audit(data, [figure]), everything=True)
    assert "source: Practice of some regencies' LKjIPs [PRACTICE]" in english
    assert "sumber: Praktik LKjIP sebagian kabupaten [PRACTICE]" in indonesian
    assert "8/2021" not in english + indonesian


def test_the_audit_in_english_has_no_indonesian_words(seed_dataset: sakip.Dataset) -> None:
    """Every word the audit writes in English is English (the report's own quotes set aside)."""
    from sakip.io import load

    words = ("tercapai", "membaik", "memburuk", "naik", "turun", "pertumbuhan", "polaritas")
    words += ("kurang", "Lampiran", "rentang", "standar ", "memenuhi", "dibatasi", "tahun")
    for data in (seed_dataset, load(ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml")):
        # what the report says (where, its sentences, a standard's source) is its own words
        quiet = attrs.evolve(
            data,
            stated=[
                attrs.evolve(f, location="p. 1", stated="quoted" if f.claim else f.stated)
                for f in data.stated
            ],
            standards=[attrs.evolve(s, source="SPM") for s in data.standards],
        )
        text = render.audit_text(audit(quiet), everything=True, lang="en")
        assert [] == [word for word in words if word in text]


def test_an_achievement_without_indicator_or_polarity_is_refused() -> None:
    """Operands alone cannot say the polarity: refused, asking for the indicator."""
    figure = sakip.StatedFigure(kind="achievement", stated="125", operands=[8, 10])
    with pytest.raises(sakip.InvalidValueError, match="the indicator the achievement belongs"):
        sakip.audit.validate(figure)
    with pytest.raises(sakip.InvalidValueError, match="polarity="):
        sakip.audit.check(figure)


def test_an_explicit_polarity_and_formula_decide_the_recomputation() -> None:
    """polarity= and formula= on the figure stand in for the indicator's."""
    mirror = sakip.StatedFigure(
        kind="achievement", stated="120", operands=[8, 10], polarity="negatif"
    )
    inverse = attrs.evolve(mirror, stated="125", formula="inverse")
    assert sakip.audit.check(mirror).agrees
    assert sakip.audit.check(inverse).agrees
    assert sakip.Polarity.NEGATIVE is mirror.polarity


def test_an_indicator_without_the_data_cannot_give_the_polarity() -> None:
    """An indicator named, but no dataset to read it from: refused, not read as positive."""
    figure = sakip.StatedFigure(kind="achievement", stated="125", operands=[8, 10], indicator="W")
    with pytest.raises(sakip.InvalidValueError, match="the indicator the achievement belongs"):
        sakip.audit.check(figure)


def test_a_check_whose_own_rule_refuses_says_the_rule_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An undefined result with no reason code (a user's rule) is the rule refusing."""

    def refuse(stated: sakip.StatedFigure, dataset: sakip.Dataset | None) -> Recomputation:
        raise sakip.UndefinedResultError("median", "no middle")

    own = attrs.evolve(CHECKS["percentage"], run=refuse)
    monkeypatch.setitem(CHECKS._rules, "percentage", own)
    finding = check(figure("percentage", "5", 1, 2))
    assert Verdict.NOT_COMPUTABLE == finding.verdict
    assert sakip.Reason.RULE_REFUSED == getattr(finding.missing, "reason", None)
    expected = "tidak dapat dihitung ulang: aturan median tidak dapat menghitung dari angka ini"
    assert expected == finding.explanation_in("id")


def test_a_figure_of_the_data_that_cannot_be_recomputed_raises_with_its_reason(
    seed_dataset: sakip.Dataset,
) -> None:
    """A check run directly raises NotRecomputableError: English text, the Missing kept."""
    with pytest.raises(NotRecomputableError) as caught:
        CHECKS["claim"].run(claim("improved", code="SAKIP"), seed_dataset)
    assert sakip.Reason.NO_REALIZATION == caught.value.reason
    assert 2023 == caught.value.missing.value("year")
    assert "claim is not computable: no realization is reported for 2023" == str(caught.value)


def test_a_total_explains_itself_in_either_notation() -> None:
    """A sum's explanation is its terms; the notation follows ``numbers``, else ``lang``."""
    total = Total(items=(Decimal("1.5"), Decimal(2)), value=Decimal("3.5"))
    assert "1.5 + 2 = 3.5" == total.explain(lang="en")
    assert "1,5 + 2 = 3,5" == total.explain(lang="en", numbers="id")
    assert isinstance(check(figure("sum", "3,5", "1.5", 2)).basis, Total)


@pytest.mark.parametrize(
    ("figure", "indonesian", "english"),
    [
        (
            {"kind": "claim", "stated": "x"},
            "`claim` wajib diisi, salah satu dari `below-national-standard`",
            "`claim` is required, one of `below-national-standard`",
        ),
        (
            {"kind": "claim", "stated": "x", "claim": "improved"},
            "sebuah pernyataan memerlukan indikator dan tahun",
            "a claim needs an indicator and a year",
        ),
        (
            {"kind": "achievement", "stated": "1"},
            "capaian memerlukan realisasi dan target, atau indikator dan tahun",
            "an achievement needs a realization and a target, or an indicator and a year",
        ),
        (
            {"kind": "achievement", "stated": "1", "operands": (1, 2)},
            "capaian memerlukan indikatornya (atau polarity=",
            "an achievement needs its indicator (or polarity=",
        ),
        (
            {"kind": "sum", "stated": "1"},
            "jumlah memerlukan sekurang-kurangnya satu angka",
            "a sum needs at least one number",
        ),
        (
            {"kind": "sum", "stated": "satu", "operands": (1,)},
            "angka yang dinyatakan harus berupa angka seperti dicetak",
            "the stated figure must be a number as printed",
        ),
        (
            {"kind": "percentage", "stated": "1", "operands": (1, 2, 3)},
            "banyaknya operan tidak sesuai dengan jenis angkanya (3 angka diberikan)",
            "the operands do not fit the kind of figure (3 numbers given)",
        ),
        (
            {"kind": "claim", "stated": "x", "claim": "improved", "indicator": "X", "year": 2024},
            "indikator `X` tidak ada dalam rencana",
            "indicator `X` is not in the plan",
        ),
    ],
)
def test_a_figure_that_cannot_be_checked_is_said_in_either_language(
    seed_dataset: sakip.Dataset, figure: dict[str, object], indonesian: str, english: str
) -> None:
    """Each reason a stated figure cannot be checked has its words in both languages."""
    with pytest.raises(StatedFigureError) as caught:
        audit(seed_dataset, [StatedFigure(location="hal. 1", **figure)])  # type: ignore[arg-type]
    (problem,) = caught.value.exceptions
    assert problem.describe().startswith("angka yang dinyatakan nomor 1 (hal. 1): ")
    assert indonesian in problem.describe()
    assert english in problem.describe(lang="en")


def test_a_registered_check_words_its_own_errors() -> None:
    """An error sakip has no words for keeps the words it was raised with."""
    problem = BadStatedFigureError(0, "stated", None, "the check refused it", SakipError("x"))
    assert "angka yang dinyatakan nomor 1: the check refused it" == problem.describe()
