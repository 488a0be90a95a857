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

from importlib.metadata import version as _version

from sakip import scales
from sakip.achievement import Achievement, AchievementFormula, achievement
from sakip.exceptions import (
    DuplicateRuleError,
    InvalidValueError,
    NotFoundError,
    SakipError,
    UndefinedAchievementError,
    UndefinedResultError,
    UnknownRuleError,
)
from sakip.locale import format_number
from sakip.model import (
    Agency,
    AgencyLevel,
    Aggregation,
    BudgetLevel,
    BudgetLine,
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
from sakip.ratios import Percentage, percentage
from sakip.rules import EvidenceGrade, Registry, Source
from sakip.scales import Band, Rating, RatingScale, classify

__version__ = _version("sakip")

__all__ = [
    "Achievement",
    "AchievementFormula",
    "Agency",
    "AgencyLevel",
    "Aggregation",
    "Band",
    "BudgetLevel",
    "BudgetLine",
    "Dataset",
    "DuplicateRuleError",
    "EvidenceGrade",
    "FundingSource",
    "Goal",
    "Indicator",
    "IndicatorPlan",
    "InvalidValueError",
    "NationalStandard",
    "NotFoundError",
    "Objective",
    "Percentage",
    "PerformanceAgreement",
    "Polarity",
    "Rating",
    "RatingScale",
    "Realization",
    "Registry",
    "SakipError",
    "Source",
    "StatedFigure",
    "StrategicPlan",
    "Target",
    "TargetRange",
    "UndefinedAchievementError",
    "UndefinedResultError",
    "UnknownRuleError",
    "__version__",
    "achievement",
    "classify",
    "format_number",
    "percentage",
    "scales",
]
