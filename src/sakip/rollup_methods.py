"""Roll-up methods (cara agregasi capaian): the rules of :func:`sakip.rollup`.

``sakip.rollup`` is the function, so the module that defines it cannot also be reached as
``sakip.rollup``. Its rules are published here, under a name that resolves by attribute
access: ``sakip.rollup_methods.MEAN``. ``from sakip.rollup import MEAN`` keeps working; both
names hold the same objects.
"""

from __future__ import annotations

from sakip.achievement import Rule
from sakip.rollup import CAP_BEFORE_MEAN as _CAP_BEFORE_MEAN
from sakip.rollup import MEAN as _MEAN
from sakip.rollup import ROLLUP_METHODS as _ROLLUP_METHODS
from sakip.rollup import WEIGHTED_MEAN as _WEIGHTED_MEAN
from sakip.rollup import RollupMethod
from sakip.rules import Registry

__all__ = ["CAP_BEFORE_MEAN", "MEAN", "ROLLUP_METHODS", "WEIGHTED_MEAN", "RollupMethod"]

# Each name is bound again here, not only imported, so that the reference documents it with
# the docstring below under the name users write.

ROLLUP_METHODS: Registry[RollupMethod] = _ROLLUP_METHODS
"""Every roll-up method, by name."""

MEAN: RollupMethod = _MEAN
"""The unweighted mean of uncapped achievements, the default [PRACTICE, Kemensetneg]."""

WEIGHTED_MEAN: RollupMethod = _WEIGHTED_MEAN
"""The mean weighted by a weight per indicator [PRACTICE]."""

CAP_BEFORE_MEAN: Rule = _CAP_BEFORE_MEAN
"""The opt-in cap applied to each indicator before the mean [PRACTICE]."""
