"""Achievement formulas and rules (rumus capaian): the rules of :func:`sakip.achievement`.

``sakip.achievement`` is the function most users call first, so the module that defines it
cannot also be reached as ``sakip.achievement``. Its rules are published here, under a name
that resolves by attribute access: ``sakip.formulas.FORMULAS``, ``sakip.formulas.MIRROR``.
``from sakip.achievement import FORMULAS`` keeps working; both names hold the same objects.
"""

from __future__ import annotations

from sakip.achievement import CAP_RULE as _CAP_RULE
from sakip.achievement import COMPARATOR_TARGET_RULE as _COMPARATOR_TARGET_RULE
from sakip.achievement import DIRECT as _DIRECT
from sakip.achievement import FORMULAS as _FORMULAS
from sakip.achievement import INVERSE as _INVERSE
from sakip.achievement import LEVEL_FORMULAS as _LEVEL_FORMULAS
from sakip.achievement import MET_OR_NOT as _MET_OR_NOT
from sakip.achievement import MIRROR as _MIRROR
from sakip.achievement import RANK_RATIO as _RANK_RATIO
from sakip.achievement import TARGET_RANGE_RULE as _TARGET_RANGE_RULE
from sakip.achievement import ZERO_TARGET_RULE as _ZERO_TARGET_RULE
from sakip.achievement import (
    AchievementFormula,
    LevelFormula,
    Rule,
    default_formula,
)
from sakip.rules import Registry

__all__ = [
    "CAP_RULE",
    "COMPARATOR_TARGET_RULE",
    "DIRECT",
    "FORMULAS",
    "INVERSE",
    "LEVEL_FORMULAS",
    "MET_OR_NOT",
    "MIRROR",
    "RANK_RATIO",
    "TARGET_RANGE_RULE",
    "ZERO_TARGET_RULE",
    "AchievementFormula",
    "LevelFormula",
    "Rule",
    "default_formula",
]

# Each name is bound again here, not only imported, so that the reference documents it with
# the docstring below under the name users write.

FORMULAS: Registry[AchievementFormula] = _FORMULAS
"""Every achievement formula, by name; :meth:`~sakip.Registry.register` adds your own."""

DIRECT: AchievementFormula = _DIRECT
"""R / T × 100 for positive polarity; PermenPANRB 8/2021 [REG]."""

MIRROR: AchievementFormula = _MIRROR
"""(2T − R) / T × 100 for negative polarity, the default; PermenPANRB 8/2021 [REG]."""

INVERSE: AchievementFormula = _INVERSE
"""T / R × 100 for negative polarity, by name only; practice of some regencies [PRACTICE]."""

TARGET_RANGE_RULE: Rule = _TARGET_RANGE_RULE
"""Inside a range 100; outside, the formula against the nearer bound (PermenPANRB 8/2021)."""

ZERO_TARGET_RULE: Rule = _ZERO_TARGET_RULE
"""T = 0 and R = 0 scores 100; T = 0 with R ≠ 0 is not computable (sakip policy)."""

COMPARATOR_TARGET_RULE: Rule = _COMPARATOR_TARGET_RULE
"""≥ 80 is positive, ≤ 5 negative; the polarity's formula runs against the bound [PRACTICE]."""

CAP_RULE: Rule = _CAP_RULE
"""A cap on achievements, asked for (an option, a setting, ``--cap``) [PRACTICE]."""

LEVEL_FORMULAS: Registry[LevelFormula] = _LEVEL_FORMULAS
"""Every achievement rule for level targets, by name; register your own."""

RANK_RATIO: LevelFormula = _RANK_RATIO
"""rank(R) / rank(T) × 100, the default for level targets [PRACTICE]."""

MET_OR_NOT: LevelFormula = _MET_OR_NOT
"""100 when the level is reached, 0 when not, by name only [PRACTICE]."""
