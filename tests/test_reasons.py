"""Results without words: a Missing says why, errors carry its code, two languages explain."""

from __future__ import annotations

import pickle
import typing
from collections.abc import Callable
from decimal import Decimal as D

import attrs
import pytest

import sakip
from sakip.reasons import Figure, Missing, Part, Reason

# --- errors carry the code -------------------------------------------------------------------

_OUTPUT = sakip.OutputFigures(spent=10, volume=0, ceiling=100, target_volume=10)
_LINE = sakip.BudgetLine(code="1.06", name="Belanja", ceiling=100, quarterly_spent=[10, None, 5])
_ERRORS: list[tuple[Reason, Callable[[], object]]] = [
    (Reason.ZERO_TARGET, lambda: sakip.achievement(realization=5, target=0)),
    (
        Reason.FORMULA_UNDEFINED,
        lambda: sakip.achievement(realization=0, target=5, polarity="negative", formula="inverse"),
    ),
    (Reason.PREVIOUS_ZERO, lambda: sakip.change(current=5, previous=0).percent),
    (
        Reason.BASELINE_IS_END_TARGET,
        lambda: sakip.progress(realization=5, baseline=9, end_target=9),
    ),
    (Reason.TOO_FEW_YEARS, lambda: sakip.projection({2024: 5}, year=2026)),
    (
        Reason.LAST_PLAN_YEAR,
        lambda: sakip.needed_per_year(realization=5, end_target=9, year=2026, end_year=2026),
    ),
    (Reason.ZERO_WHOLE, lambda: sakip.percentage(part=3, whole=0)),
    (Reason.ZERO_CEILING, lambda: sakip.absorption(spent=3, ceiling=0)),
    (Reason.NO_SPENDING, lambda: sakip.line_absorption(_LINE)),
    (Reason.ZERO_OUTPUT_FIGURE, lambda: sakip.efficiency("pmk-249-2011", outputs=[_OUTPUT])),
    (Reason.NO_COMPUTABLE_CHILD, lambda: sakip.rollup({"A": "tidak ada realisasi"})),
]


@pytest.mark.parametrize(
    ("expected", "compute"), _ERRORS, ids=[reason.name for reason, _ in _ERRORS]
)
def test_a_figure_that_cannot_be_computed_raises_with_its_code(
    expected: Reason, compute: Callable[[], object]
) -> None:
    """Every "not computable" error names its Reason; its message stays English."""
    with pytest.raises(sakip.UndefinedResultError) as raised:
        compute()
    assert expected is raised.value.reason
    assert "is not computable: " in str(raised.value)
    assert raised.value.why in str(raised.value)


def test_an_error_keeps_its_code_through_pickling() -> None:
    """The code survives pickling, as every attribute does."""
    error = sakip.UndefinedResultError(
        "growth", "the previous value is 0", (), Reason.PREVIOUS_ZERO
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (Reason.PREVIOUS_ZERO, str(error)) == (copy.reason, str(copy))


def test_an_error_a_user_raises_may_have_no_code() -> None:
    """An error raised without a code (a user's own rule) has ``None``."""
    assert None is sakip.UndefinedResultError("mine", "no data").reason


# --- a Missing -------------------------------------------------------------------------------


def test_every_phrase_fills_its_placeholders_in_both_languages() -> None:
    """Every reason's phrase reads in both languages with the values it names."""
    values = (
        ("year", 2024),
        ("realization", D("5.5")),
        ("target", D(0)),
        ("years", (2022, 2023)),
        ("rule", "mine"),
        ("quarters", "TW III"),
        ("figures", "RVK"),
        ("output", "A"),
    )
    for reason in Reason:
        missing = Missing(reason=reason, values=values)
        assert "{" not in missing.explain() + missing.explain(lang="en")
    years = Missing(reason=Reason.YEARS_MISSING, values=(("years", (2022, 2023)),))
    assert years.explain(lang="en").endswith("no realization in 2022, 2023")
    zero = Missing(reason=Reason.ZERO_TARGET, values=(("realization", D("5.5")),))
    assert "realisasi 5,5 terhadap target 0 tidak memiliki persentase" == zero.explain()


def test_a_missing_value_names_its_figure_and_part() -> None:
    """A Missing is a value: its figure and part are codes, and it is equal by value."""
    one = Missing(reason=Reason.NO_BASELINE, part=Part.BASELINE, figure=Figure.PROGRESS)
    assert one == Missing(reason=Reason.NO_BASELINE, part=Part.BASELINE, figure=Figure.PROGRESS)
    shown = one.to_dict()
    assert ("no-baseline", "baseline", "progress") == (
        shown["reason"],
        shown["part"],
        shown["figure"],
    )
    assert None is one.value("year")


# --- results hold no words -------------------------------------------------------------------

_RESULTS = (
    sakip.Achievement,
    sakip.LevelAchievement,
    sakip.Change,
    sakip.AchievementChange,
    sakip.Progress,
    sakip.Gap,
    sakip.RealizationToDate,
    sakip.Projection,
    sakip.NeededPerYear,
    sakip.StandardComparison,
    sakip.NoStandard,
    sakip.YearRow,
    sakip.EndTargetComparison,
    sakip.IndicatorHistory,
    sakip.Percentage,
    sakip.Rollup,
    sakip.RollupChild,
    sakip.Absorption,
    sakip.Efficiency,
    sakip.TotalCheck,
    sakip.Aggregate,
    sakip.ComponentScore,
    sakip.EvaluationScore,
    sakip.AgreementDifference,
    sakip.Missing,
    sakip.audit.Finding,
    sakip.audit.Recomputation,
    sakip.audit.Total,
    sakip.audit.Mean,
    sakip.audit.Remainder,
    sakip.audit.Label,
    sakip.audit.Revision,
)
"""The comparison, achievement, percentage, roll-up and audit results this module checks."""

_NAMES = {
    # codes and names, never sentences
    ("LevelAchievement", "realization"),  # a level's code ("BB")
    ("YearRow", "level"),  # a level as its scale prints it ("WTP")
    ("NoStandard", "indicator"),  # an indicator's code
    ("RollupChild", "code"),  # a child's code
    ("RollupChild", "note"),  # the caller's own words, printed as given
    ("Missing", "values"),  # a value may be a rule's name or a code
    ("Absorption", "line"),  # a budget line's code
    ("TotalCheck", "where"),  # the caller's label of where the total is printed
    ("TotalCheck", "quantity"),  # the caller's label of what is totalled
    ("Aggregate", "indicator"),  # an indicator's code
    ("AgreementDifference", "indicator"),  # an indicator's code
    ("Finding", "label"),  # a band's label, the rating scale's data ("Sangat Tinggi")
    ("Recomputation", "label"),  # likewise
    ("Label", "label"),  # likewise
    ("Label", "scale"),  # the scale's registered name
}


def test_no_result_has_a_field_of_words() -> None:
    """A result's text fields hold codes and names only; why is a Missing, not a sentence."""
    worded = [
        (cls.__name__, field.name)
        for cls in _RESULTS
        for field in attrs.fields(cls)
        if "str" in repr(typing.get_type_hints(cls)[field.name])
    ]
    assert [] == [found for found in worded if found not in _NAMES]


# --- every result explains itself in both languages --------------------------------------------

_INDONESIAN = ("tidak", "dapat", "dihitung", "tahun", "membaik", "memburuk", "tercapai", "naik")
_ENGLISH = ("cannot", "year", "improved", "worsened", "target met", "computed", "short of")


def _explained(seed: sakip.Dataset) -> list[object]:
    """One of every result, several not computable."""
    spm = sakip.NationalStandard(indicator="X", value=sakip.TargetRange(80, 90), source="SPM")
    a = sakip.achievement(realization=95, target="94.6")
    return [
        a,
        sakip.achievement(realization=70, target=sakip.TargetRange(80, 90)),
        sakip.achievement(realization=130, target=100, cap=100),
        sakip.achievement(
            realization="BB", target=sakip.parse_target("A", scale="sakip-predicate")
        ),
        sakip.change(current=5, previous=0),
        sakip.change(current=93, previous=95, polarity="negatif"),
        sakip.achievement_change(current=a, previous=sakip.achievement(realization=93, target=91)),
        sakip.progress(realization=95, baseline="81.79", end_target=100),
        sakip.gap(realization=95, end_target=100),
        sakip.gap(realization=101, end_target=100),
        sakip.realization_to_date({2021: 120, 2023: 150}, missing=[2022]),
        sakip.projection({2022: 90, 2023: 92}, year=2026),
        sakip.needed_per_year(realization=95, end_target=100, year=2024, end_year=2026),
        sakip.compare_with_standard(realization=85, standard=spm),
        sakip.compare_with_standard(realization=85, standard=None),
        sakip.percentage(part=3, whole=4),
        sakip.rollup({"A": a, "B": "-"}, cap=100),
        sakip.line_absorption(_LINE, partial=True),
        sakip.absorption(spent=80, ceiling=100),
        *(
            sakip.efficiency(name, achievement=a, absorption="85.35")
            for name in ("difference", "share", "unspent")
        ),
        sakip.efficiency("unspent", achievement=90, absorption=50),
        sakip.efficiency(
            "pmk-249-2011",
            outputs=[sakip.OutputFigures(spent=50, volume=10, ceiling=100, target_volume=10)],
        ),
        sakip.check_total(stated=9, parts=[4, 4], where="A", quantity="pagu"),
        *_aggregates(),
        *_evaluation(),
        *(sakip.history(seed, code, 2024) for code in ("PPKS", "SAKIP")),
        sakip.history(seed, "PPKS", 2021),
    ]


def _evaluation() -> list[object]:
    """An evaluation score with its components, and the differences of a PK from its plan."""
    scores = {
        "perencanaan": {"keberadaan": 6, "kualitas": 7, "pemanfaatan": 10},
        "pengukuran": 20,
        "pelaporan": 10,
        "evaluasi internal": 15,
    }
    score = sakip.evaluation_score(scores)
    indicators = [sakip.Indicator(code=code, name=code, unit="%") for code in ("A", "B")]
    plan = sakip.StrategicPlan(
        name="Renstra",
        start_year=2021,
        end_year=2026,
        goals=[sakip.Goal(code="T1", name="Tujuan", indicators=indicators)],
        indicator_plans=[sakip.IndicatorPlan(indicator="A", targets={2024: 90})],
    )
    pk = sakip.PerformanceAgreement(year=2024, targets={"A": 95, "B": 5, "C": 1})
    return [score, *score.components, *sakip.check_agreement(plan, pk)]


def _aggregates() -> list[sakip.Aggregate]:
    """A year's value by each method, one with a quarter missing, and a yearly value."""
    found = []
    for method in ("sum", "last", "average", "ratio"):
        indicator = sakip.Indicator(code="K", name="k", unit="%", aggregation=method)
        values = [
            sakip.Realization(indicator="K", year=2024, quarter=q, numerator=n, denominator=10)
            for q, n in ((1, 3), (2, 4), (4, 5))
        ]
        found.append(sakip.aggregate(indicator, values, 2024))
    indicator = sakip.Indicator(code="K", name="k", unit="%")
    yearly = [sakip.Realization(indicator="K", year=2024, value=7)]
    return [*found, sakip.year_value(indicator, yearly, 2024)]


def _words(text: str) -> set[str]:
    return set(text.lower().replace(":", " ").replace(";", " ").replace(",", " ").split())


def test_every_result_explains_itself_in_each_language(seed_dataset: sakip.Dataset) -> None:
    """English has none of the Indonesian program words, nor Indonesian the English ones."""
    for result in _explained(seed_dataset):
        english = result.explain(lang="en")  # type: ignore[attr-defined]
        indonesian = result.explain()  # type: ignore[attr-defined]
        names = _data_words(result)
        assert [] == [w for w in _INDONESIAN if w in _words(english) - names], english
        assert [] == [w for w in _ENGLISH if f" {w}" in f" {indonesian.lower()}"], indonesian


def _data_words(result: object) -> set[str]:
    """The words of the data's own names (an indicator's, a standard's source)."""
    if isinstance(result, sakip.IndicatorHistory):
        return _words(f"{result.indicator.name} {result.indicator.unit}")
    return set()


def test_an_explanation_in_english_quotes_figures_as_a_report_printed_them() -> None:
    """``numbers="id"`` writes English words with Indonesian figures, as the audit does."""
    a = sakip.achievement(realization=95, target="94.6")
    assert "95 / 94.6 × 100 = 100.42%" == a.explain(lang="en")
    assert "95 / 94,6 × 100 = 100,42 %" == a.explain(lang="en", numbers="id")
    with pytest.raises(sakip.InvalidValueError):
        a.explain(lang="fr")


def test_a_year_row_with_missing_quarters_says_which_in_each_language() -> None:
    """A year built from quarters names the quarters not reported."""
    row = sakip.YearRow(
        year=2024,
        target=sakip.Target(90),
        target_source="PK",
        realization=D(40),
        missing_quarters=(3, 4),
        baseline=True,
    )
    assert sakip.TargetSource.AGREEMENT is row.target_source
    expected = "2024 (kondisi awal): target 90, realisasi 40 (TW III, TW IV tidak dilaporkan)"
    assert expected == row.explain()
    expected = "2024 (baseline): target 90, realization 40 (quarter III, quarter IV not reported)"
    assert expected == row.explain(lang="en")


def test_a_total_check_names_sakips_own_labels_in_the_readers_language() -> None:
    """The labels sakip's checks use are translated; a caller's own label prints as given."""
    line = sakip.BudgetLine(
        code="1",
        name="Program",
        ceiling=100,
        revised_ceiling=90,
        spent=80,
        children=[sakip.BudgetLine(code="1.1", name="a", ceiling=100, spent=80)],
    )
    said = [check.explain(lang="en") for check in sakip.check_totals(line)]
    assert ["1 ceiling", "1 revised ceiling", "1 spending"] == [s.split(":")[0] for s in said]
    assert "1 pagu perubahan" == sakip.check_totals(line)[1].explain().split(":")[0]
    own = sakip.check_total(stated=3, parts=[1, 2], where="B", quantity="penerima")
    assert own.explain(lang="en").startswith("B penerima: 1 + 2 = 3; stated 3: agrees")


def test_a_position_and_a_target_source_still_compare_as_their_old_strings() -> None:
    """The enums that replaced strings compare equal to the strings they replaced."""
    s = sakip.NationalStandard(indicator="X", value=90, source="SPM")
    compared = sakip.compare_with_standard(realization=90, standard=s)
    assert isinstance(compared, sakip.StandardComparison)
    assert (sakip.Position.EQUAL, "equal") == (compared.position, compared.position)
    assert "Renstra" == sakip.TargetSource.PLAN
    claim = sakip.StatedFigure(kind="claim", stated="x", claim="membaik").claim
    assert (sakip.Claim.IMPROVED, "improved") == (claim, str(claim))


def test_an_end_target_comparison_built_by_hand_explains_what_it_has() -> None:
    """A part that is neither computed nor said missing is left out of the explanation."""
    end = sakip.EndTargetComparison(
        year=2024,
        end_year=2026,
        end_target=sakip.Target(100),
        polarity=sakip.Polarity.POSITIVE,
        baseline=None,
        realization=None,
    )
    assert "target akhir 2026: 100" == end.explain()
    assert "end target 2026: 100" == end.explain(lang="en")


def test_the_catalog_tool_runs_as_a_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m sakip.text._catalogs check`` exits 0 on sakip's complete catalogs."""
    import runpy
    import sys

    monkeypatch.setattr(sys, "argv", ["_catalogs", "check"])
    # run fresh, as ``-m`` does: runpy warns about a module already imported
    monkeypatch.delitem(sys.modules, "sakip.text._catalogs", raising=False)
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("sakip.text._catalogs", run_name="__main__")
    assert 0 == exited.value.code
