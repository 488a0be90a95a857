"""Plain percentages and the rule registry."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

import sakip
from sakip.achievement import FORMULAS


def test_seed_ppks_handled() -> None:
    """13.773 of 14.460 PPKS handled is 95,25 % (the seed prints 95 %)."""
    share = sakip.percentage(part=13773, whole=14460)
    assert D("95.25") == share.percent
    assert "13.773 / 14.460 × 100 = 95,25 %" == share.explain()


def test_seed_poor_population() -> None:
    """7.711 of 12.242 is 62,99 % (the seed prints "6,3")."""
    assert D("62.99") == sakip.percentage(part=7711, whole=12242).percent


def test_percentage_of_nothing_is_not_computable() -> None:
    """A whole of 0 has no percentage; the error says so."""
    with pytest.raises(sakip.UndefinedResultError, match="the whole is 0"):
        sakip.percentage(part=1, whole=0)


def test_registry_membership_and_repr() -> None:
    """A registry answers `in` by name and shows what it holds."""
    assert "Mirror" in FORMULAS
    assert 5 not in FORMULAS
    assert 3 == len(FORMULAS)
    assert "<Registry of 3 achievement formulas: direct, inverse, mirror>" == repr(FORMULAS)
