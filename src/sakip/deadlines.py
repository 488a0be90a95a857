"""Report deadlines (batas waktu penyampaian laporan kinerja), by the kind of body.

A regional government (province, regency, city) and its departments submit the LKjIP of a
fiscal year by 31 March; a ministry or institution by the end of February. Each deadline is a
cited rule in :data:`DEADLINES`.
"""

from __future__ import annotations

from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from sakip._display import Displayed
from sakip.model import Agency, AgencyLevel
from sakip.periods import FiscalYear
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "CENTRAL_DEADLINE",
    "DEADLINES",
    "REGIONAL_DEADLINE",
    "ReportDeadline",
    "deadline_rule",
    "report_deadline",
]


@attrs.frozen(kw_only=True, repr=False)
class ReportDeadline(Displayed, DescribedRule):
    """A report deadline (batas waktu penyampaian laporan kinerja) for some kinds of body.

    Attributes:
        name: The registered name.
        title: What it is, in a phrase.
        levels: The kinds of body it applies to.
        months_after: Months after the fiscal year ends by which the report is due; the day is
            the last day of that month (31 March for 3 months, 28 or 29 February for 2).
        source: Where the rule comes from.
    """

    rule_kind = N_("Batas waktu laporan")

    name: str
    title: str
    levels: frozenset[AgencyLevel]
    months_after: int
    source: Source

    def due(self, year: int) -> date:
        """The due date of the report on fiscal ``year``."""
        return FiscalYear(year).end + relativedelta(months=self.months_after, day=31)


DEADLINES: Registry[ReportDeadline] = Registry("report deadline")
"""The report deadlines, by name."""

_DEADLINE_SOURCE_NOTE = (
    "As quoted by reports and official portals, not read in the regulations' text: an LKjIP "
    "of a regional government is due 3 months after the fiscal year, of a ministry 2 months."
)

REGIONAL_DEADLINE = DEADLINES.register(
    ReportDeadline(
        name="regional-government",
        title="LKjIP of a regional government: 3 months after the fiscal year (31 March)",
        levels=frozenset(level for level in AgencyLevel if level.is_regional),
        months_after=3,
        source=Source(
            reference="Perpres 29/2014; PermenPANRB 53/2014",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_DEADLINE_SOURCE_NOTE
            + " Regional departments (OPD) are given their government's deadline here.",
        ),
    )
)
"""Regional governments and their departments, due 31 March (3 months)."""
CENTRAL_DEADLINE = DEADLINES.register(
    ReportDeadline(
        name="ministry-institution",
        title="LKjIP of a ministry or institution: 2 months after the fiscal year (end of "
        "February)",
        levels=frozenset({AgencyLevel.MINISTRY, AgencyLevel.INSTITUTION}),
        months_after=2,
        source=Source(
            reference="Perpres 29/2014; PermenPANRB 53/2014",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_DEADLINE_SOURCE_NOTE,
        ),
    )
)
"""Ministries and institutions, due at the end of February (2 months)."""


def _level(level: AgencyLevel | Agency | str) -> AgencyLevel:
    if isinstance(level, Agency):
        return level.level
    result: AgencyLevel = AgencyLevel.parse(level, "level")
    return result


def deadline_rule(level: AgencyLevel | Agency | str) -> ReportDeadline:
    """The deadline rule for a kind of body, with its source.

    >>> print(sakip.deadline_rule("kota").source)
    Perpres 29/2014; PermenPANRB 53/2014 [REG-2nd]
    """
    wanted = _level(level)
    return next(rule for rule in DEADLINES if wanted in rule.levels)


def report_deadline(year: int, level: AgencyLevel | Agency | str) -> date:
    """Report deadline: the last day to submit the LKjIP on fiscal ``year``.

    A regional government (province, regency, city) and its departments: 3 months after the
    fiscal year, 31 March. A ministry or institution: 2 months, 28 or 29 February. The rule
    and its source are :func:`deadline_rule`.

    Args:
        year: The fiscal year the report covers.
        level: The kind of body: an :class:`~sakip.AgencyLevel`, its name (Indonesian names
            work: ``"kota"``, ``"kementerian"``) or an :class:`~sakip.Agency`.

    >>> sakip.report_deadline(2024, "kota")
    datetime.date(2025, 3, 31)
    >>> sakip.report_deadline(2023, "kementerian")
    datetime.date(2024, 2, 29)
    """
    return deadline_rule(level).due(year)
