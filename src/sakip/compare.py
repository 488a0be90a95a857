"""Comparisons (perbandingan kinerja) of chapter III of a performance report.

PermenPANRB 53/2014 (Lampiran, Bab III) asks a report to compare, for every indicator, this
year's realization with its target, with earlier years, with the Renstra end target and with a
national standard. Each comparison is a small frozen result with its numbers, its direction
and the indicator's polarity, and ``.explain(lang=...)`` prints the computation in Indonesian
or English. They live in the module named for each, and this module gathers them:

- :mod:`sakip.year_on_year`: :func:`~sakip.change` (difference and growth %) and
  :func:`~sakip.achievement_change` (in percentage points);
- :mod:`sakip.end_target`: :func:`~sakip.gap`, :func:`~sakip.progress`,
  :func:`~sakip.realization_to_date`, :func:`~sakip.projection` (by a method of
  :data:`~sakip.end_target.PROJECTIONS`) and :func:`~sakip.needed_per_year`;
- :mod:`sakip.standard`: :func:`~sakip.compare_with_standard`, or the explicit
  :class:`~sakip.NoStandard` state;
- :mod:`sakip.analysis.history`: :func:`~sakip.history`, all of it for one indicator and year
  of a :class:`~sakip.Dataset`, the one call a report makes to build an indicator's part of
  chapter III.
"""

from sakip.analysis.history import (
    EndTargetComparison,
    IndicatorHistory,
    TargetSource,
    YearRow,
    history,
    year_row,
)
from sakip.end_target import (
    AVERAGE_CHANGE,
    LEAST_SQUARES,
    PROJECTIONS,
    Gap,
    NeededPerYear,
    Progress,
    Projection,
    ProjectionMethod,
    RealizationToDate,
    gap,
    needed_per_year,
    progress,
    projection,
    realization_to_date,
)
from sakip.reasons import Reason
from sakip.standard import NoStandard, Position, StandardComparison, compare_with_standard
from sakip.year_on_year import (
    AchievementChange,
    Change,
    Direction,
    achievement_change,
    change,
)

__all__ = [
    "AVERAGE_CHANGE",
    "LEAST_SQUARES",
    "PROJECTIONS",
    "AchievementChange",
    "Change",
    "Direction",
    "EndTargetComparison",
    "Gap",
    "IndicatorHistory",
    "NeededPerYear",
    "NoStandard",
    "Position",
    "Progress",
    "Projection",
    "ProjectionMethod",
    "RealizationToDate",
    "Reason",
    "StandardComparison",
    "TargetSource",
    "YearRow",
    "achievement_change",
    "change",
    "compare_with_standard",
    "gap",
    "history",
    "needed_per_year",
    "progress",
    "projection",
    "realization_to_date",
    "year_row",
]
