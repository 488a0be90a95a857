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

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from sakip import batch, formulas, levels, rollup_methods, scales

if TYPE_CHECKING:  # loaded on first use, see __getattr__
    from sakip import lke
from sakip.achievement import (
    Achievement,
    AchievementFormula,
    LevelAchievement,
    LevelFormula,
    achievement,
)
from sakip.aggregation import combine, period_of
from sakip.agreement import AgreementDifference, DifferenceKind, check_agreement
from sakip.audit import Audit, Finding
from sakip.budget import (
    Absorption,
    Efficiency,
    EfficiencyConvention,
    OutputFigures,
    TotalCheck,
    absorption,
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
    BudgetLevel,
    BudgetLine,
    Claim,
    Dataset,
    FundingSource,
    Goal,
    Indicator,
    IndicatorPlan,
    NationalStandard,
    Objective,
    PerformanceAgreement,
    PeriodBasis,
    PeriodTarget,
    Polarity,
    Realization,
    StatedFigure,
    StrategicPlan,
    Target,
    TargetRange,
)
from sakip.monitor import (
    IndicatorMonitoring,
    Monitoring,
    PeriodRow,
    monitoring,
    parse_period,
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


def __getattr__(name: str) -> Any:
    # The version is read from the package metadata on first use: importlib.metadata costs
    # about 40 % of `import sakip`, and most programs never ask.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - deliberately lazy

        return version("sakip")
    # Every public module resolves by attribute access (``sakip.plot.to_svg``, as the docs
    # write it) but loads on first use: the file layer, the evaluation worksheet, the charts
    # and the command line pull in libraries most programs never need.
    if not name.startswith("_") and importlib.util.find_spec(f"sakip.{name}") is not None:
        return importlib.import_module(f"sakip.{name}")
    raise AttributeError(f"module 'sakip' has no attribute {name!r}")


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
    "Band",
    "BudgetLevel",
    "BudgetLine",
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
    "IndicatorMonitoring",
    "IndicatorPlan",
    "InvalidValueError",
    "LevelAchievement",
    "LevelFormula",
    "LevelScale",
    "LevelTarget",
    "Missing",
    "MissingDependencyError",
    "Monitoring",
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
    "PeriodBasis",
    "PeriodRow",
    "PeriodTarget",
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
    "check_total",
    "check_totals",
    "classify",
    "combine",
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
    "monitoring",
    "needed_per_year",
    "objective_achievement",
    "parse_date",
    "parse_month",
    "parse_number",
    "parse_period",
    "parse_target",
    "percentage",
    "period_of",
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
