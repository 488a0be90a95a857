"""sakip: exact SAKIP performance figures for Indonesian government bodies.

Achievement (capaian), rating scales, comparisons, budget absorption and efficiency, roll-ups
and SAKIP evaluation scores, each rule named and citing its regulation, computed in exact
decimals.

>>> import sakip
>>> a = sakip.achievement(realization=95, target="94.6")
>>> a.explain()
'95 / 94,6 × 100 = 100,42 %'
>>> sakip.classify(a).label
'Sangat Tinggi'
"""

from __future__ import annotations

from sakip import _lazy

TYPE_CHECKING = False  # not typing's: ``import sakip`` does without loading typing
if TYPE_CHECKING:  # every name is loaded on first use, see _NAMES
    from typing import Any

    from sakip import batch, formulas, levels, lke, rollup_methods, scales
    from sakip.achievement import (
        Achievement,
        AchievementFormula,
        LevelAchievement,
        LevelFormula,
        achievement,
    )
    from sakip.agreement import AgreementDifference, DifferenceKind, check_agreement
    from sakip.audit import Audit, Finding
    from sakip.budget import (
        Absorption,
        Efficiency,
        EfficiencyConvention,
        OutputFigures,
        TotalCheck,
        absorption,
        check_parts,
        check_total,
        check_totals,
        efficiency,
        line_absorption,
    )
    from sakip.compare import (
        AchievementChange,
        Change,
        Direction,
        EndTargetComparison,
        Gap,
        IndicatorHistory,
        NeededPerYear,
        NoStandard,
        Position,
        Progress,
        Projection,
        ProjectionMethod,
        RealizationToDate,
        StandardComparison,
        TargetSource,
        YearRow,
        achievement_change,
        change,
        compare_with_standard,
        gap,
        history,
        needed_per_year,
        progress,
        projection,
        realization_to_date,
        year_row,
    )
    from sakip.evaluation import (
        ComponentScore,
        EvaluationScore,
        EvaluationStructure,
        evaluation_score,
        score_from_answers,
    )
    from sakip.exceptions import (
        DuplicateRuleError,
        InvalidValueError,
        MissingDependencyError,
        NotFoundError,
        SakipError,
        UndefinedAchievementError,
        UndefinedResultError,
        UnknownRuleError,
    )
    from sakip.levels import LevelScale
    from sakip.locale import (
        format_date,
        format_month,
        format_number,
        format_percent,
        format_rupiah,
        parse_date,
        parse_month,
        parse_number,
    )
    from sakip.model import (
        Agency,
        AgencyLevel,
        Aggregation,
        AuthorAnalysis,
        BudgetLevel,
        BudgetLine,
        CascadeItem,
        Claim,
        Dataset,
        FundingSource,
        Goal,
        Indicator,
        IndicatorPlan,
        NationalStandard,
        Objective,
        PerformanceAgreement,
        Polarity,
        Realization,
        StatedFigure,
        StrategicPlan,
        Target,
        TargetRange,
    )
    from sakip.periods import (
        Aggregate,
        AggregationMethod,
        FiscalYear,
        Month,
        Quarter,
        ReportDeadline,
        Semester,
        aggregate,
        deadline_rule,
        report_deadline,
        year_value,
    )
    from sakip.ratios import Percentage, percentage
    from sakip.reasons import Figure, Missing, Part, Reason
    from sakip.report import Report, build_report
    from sakip.rollup import (
        Rollup,
        RollupChild,
        RollupMethod,
        goal_achievement,
        objective_achievement,
        rollup,
    )
    from sakip.rules import EvidenceGrade, Registry, Source
    from sakip.scales import Band, Rating, RatingScale, classify
    from sakip.targets import Comparator, ComparatorTarget, LevelTarget, parse_target

# Where each public name is defined. ``import sakip`` loads none of these modules: a name is
# imported from its module when it is first used (``sakip.achievement(...)``), so that a
# program pays only for what it uses; the list above is what type checkers read.
_NAMES: dict[str, str] = {
    "sakip.achievement": (
        "Achievement AchievementFormula LevelAchievement LevelFormula achievement"
    ),
    "sakip.agreement": "AgreementDifference DifferenceKind check_agreement",
    "sakip.audit": "Audit Finding",
    "sakip.budget": (
        "Absorption Efficiency EfficiencyConvention OutputFigures TotalCheck absorption "
        "check_parts check_total check_totals efficiency line_absorption"
    ),
    "sakip.compare": (
        "AchievementChange Change Direction EndTargetComparison Gap IndicatorHistory "
        "NeededPerYear NoStandard Position Progress Projection ProjectionMethod RealizationToDate "
        "StandardComparison TargetSource YearRow achievement_change change compare_with_standard "
        "gap history needed_per_year progress projection realization_to_date year_row"
    ),
    "sakip.evaluation": (
        "ComponentScore EvaluationScore EvaluationStructure evaluation_score score_from_answers"
    ),
    "sakip.exceptions": (
        "DuplicateRuleError InvalidValueError MissingDependencyError NotFoundError SakipError "
        "UndefinedAchievementError UndefinedResultError UnknownRuleError"
    ),
    "sakip.levels": "LevelScale",
    "sakip.locale": (
        "format_date format_month format_number format_percent format_rupiah parse_date "
        "parse_month parse_number"
    ),
    "sakip.model": (
        "Agency AgencyLevel Aggregation AuthorAnalysis BudgetLevel BudgetLine CascadeItem Claim "
        "Dataset FundingSource Goal Indicator IndicatorPlan NationalStandard Objective "
        "PerformanceAgreement Polarity Realization StatedFigure StrategicPlan Target "
        "TargetRange"
    ),
    "sakip.periods": (
        "Aggregate AggregationMethod FiscalYear Month Quarter ReportDeadline Semester aggregate "
        "deadline_rule report_deadline year_value"
    ),
    "sakip.ratios": "Percentage percentage",
    "sakip.reasons": "Figure Missing Part Reason",
    "sakip.report": "Report build_report",
    "sakip.rollup": (
        "Rollup RollupChild RollupMethod goal_achievement objective_achievement rollup"
    ),
    "sakip.rules": "EvidenceGrade Registry Source",
    "sakip.scales": "Band Rating RatingScale classify",
    "sakip.targets": "Comparator ComparatorTarget LevelTarget parse_target",
}


_attribute = _lazy.names(__name__, _NAMES)
_lazy.keep_names(__name__, _NAMES)


def __getattr__(name: str) -> Any:
    # The version is read from the package metadata on first use: importlib.metadata costs
    # about 40 % of `import sakip`, and most programs never ask.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - deliberately lazy

        return version("sakip")
    # A public module resolves by attribute access too (``sakip.plot.to_svg``, as the docs
    # write it) and loads on first use: the file layer, the evaluation worksheet, the charts
    # and the command line pull in libraries most programs never need.
    return _attribute(name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Absorption",
    "Achievement",
    "AchievementChange",
    "AchievementFormula",
    "Agency",
    "AgencyLevel",
    "Aggregate",
    "Aggregation",
    "AggregationMethod",
    "AgreementDifference",
    "Audit",
    "AuthorAnalysis",
    "Band",
    "BudgetLevel",
    "BudgetLine",
    "CascadeItem",
    "Change",
    "Claim",
    "Comparator",
    "ComparatorTarget",
    "ComponentScore",
    "Dataset",
    "DifferenceKind",
    "Direction",
    "DuplicateRuleError",
    "Efficiency",
    "EfficiencyConvention",
    "EndTargetComparison",
    "EvaluationScore",
    "EvaluationStructure",
    "EvidenceGrade",
    "Figure",
    "Finding",
    "FiscalYear",
    "FundingSource",
    "Gap",
    "Goal",
    "Indicator",
    "IndicatorHistory",
    "IndicatorPlan",
    "InvalidValueError",
    "LevelAchievement",
    "LevelFormula",
    "LevelScale",
    "LevelTarget",
    "Missing",
    "MissingDependencyError",
    "Month",
    "NationalStandard",
    "NeededPerYear",
    "NoStandard",
    "NotFoundError",
    "Objective",
    "OutputFigures",
    "Part",
    "Percentage",
    "PerformanceAgreement",
    "Polarity",
    "Position",
    "Progress",
    "Projection",
    "ProjectionMethod",
    "Quarter",
    "Rating",
    "RatingScale",
    "Realization",
    "RealizationToDate",
    "Reason",
    "Registry",
    "Report",
    "ReportDeadline",
    "Rollup",
    "RollupChild",
    "RollupMethod",
    "SakipError",
    "Semester",
    "Source",
    "StandardComparison",
    "StatedFigure",
    "StrategicPlan",
    "Target",
    "TargetRange",
    "TargetSource",
    "TotalCheck",
    "UndefinedAchievementError",
    "UndefinedResultError",
    "UnknownRuleError",
    "YearRow",
    "__version__",
    "absorption",
    "achievement",
    "achievement_change",
    "aggregate",
    "batch",
    "build_report",
    "change",
    "check_agreement",
    "check_parts",
    "check_total",
    "check_totals",
    "classify",
    "compare_with_standard",
    "deadline_rule",
    "efficiency",
    "evaluation_score",
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_rupiah",
    "formulas",
    "gap",
    "goal_achievement",
    "history",
    "levels",
    "line_absorption",
    "lke",
    "needed_per_year",
    "objective_achievement",
    "parse_date",
    "parse_month",
    "parse_number",
    "parse_target",
    "percentage",
    "progress",
    "projection",
    "realization_to_date",
    "report_deadline",
    "rollup",
    "rollup_methods",
    "scales",
    "score_from_answers",
    "year_row",
    "year_value",
]
