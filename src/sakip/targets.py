"""Targets that are not one number, and reading a target from the text a report prints.

Beside a single number (:class:`~sakip.Target`) and a range (:class:`~sakip.TargetRange`),
reports print two more kinds of target:

- a **comparator target** (:class:`ComparatorTarget`): ``≥ 80``, ``minimal 80``,
  ``< 0,49``, ``kurang dari 0,49``. The bound is the target; the comparator says the
  polarity (at least: higher is better; at most: lower is better) and whether the bound
  itself meets it;
- a **level target** (:class:`LevelTarget`): a level of an ordered scale, such as the audit
  opinion ``WTP`` or the SAKIP predicate ``A`` (see :mod:`sakip.levels`).

:func:`parse_target` reads all four from text.

Mind the two senses of *minimal*: as a target, ``minimal 80`` means *at least* 80 (higher
is better), while the polarity word ``minimal`` (see :class:`~sakip.Polarity`) means that
lower is better. :func:`parse_target` reads the target's sense.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.exceptions import InvalidValueError
from sakip.levels import LEVEL_SCALES, LevelScale
from sakip.locale import parse_number

# The four kinds are model objects (a plan, an agreement and a standard hold them); this
# module reads them from text and keeps the names importable from here.
from sakip.model import Comparator, ComparatorTarget, LevelTarget, Target, TargetRange

__all__ = ["Comparator", "ComparatorTarget", "LevelTarget", "parse_target", "target_text"]


# Longer phrases first, so "tidak lebih dari" is not read as "lebih dari".
_COMPARATOR_WORDS: tuple[tuple[str, Comparator], ...] = (
    ("sekurang-kurangnya", Comparator.AT_LEAST),
    ("tidak kurang dari", Comparator.AT_LEAST),
    ("tidak lebih dari", Comparator.AT_MOST),
    ("paling sedikit", Comparator.AT_LEAST),
    ("paling banyak", Comparator.AT_MOST),
    ("kurang dari", Comparator.LESS_THAN),
    ("lebih dari", Comparator.MORE_THAN),
    ("maksimal", Comparator.AT_MOST),
    ("minimal", Comparator.AT_LEAST),
    ("maks.", Comparator.AT_MOST),
    ("min.", Comparator.AT_LEAST),
    ("maks", Comparator.AT_MOST),
    ("min", Comparator.AT_LEAST),
    (">=", Comparator.AT_LEAST),
    ("=>", Comparator.AT_LEAST),
    ("<=", Comparator.AT_MOST),
    ("=<", Comparator.AT_MOST),
    ("≥", Comparator.AT_LEAST),
    ("≤", Comparator.AT_MOST),
    (">", Comparator.MORE_THAN),
    ("<", Comparator.LESS_THAN),
)

_NUMBER = r"[-−+]?\s*(?:Rp\.?\s*)?[0-9][0-9.,]*\s*%?"
# A range's two numbers stand either side of "s.d.", "s/d", "sd", "sampai (dengan)",
# "hingga" or a dash; the dash needs a digit or space before it so "-5" keeps its sign.
_RANGE = re.compile(
    rf"^(?P<low>{_NUMBER}?)\s*(?:s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|[–—]|(?<=[0-9%\s])-)"
    rf"\s*(?P<high>{_NUMBER})$",
    re.IGNORECASE,
)

_KINDS = (
    "a number (94,6), a range (60 s.d. 85), a comparator target (≥ 80, minimal 80, "
    "kurang dari 0,49) or, with scale=, a level of that scale"
)


def _comparator(text: str) -> tuple[Comparator, str] | None:
    folded = text.casefold()
    for word, comparator in _COMPARATOR_WORDS:
        if folded.startswith(word):
            rest = text[len(word) :].strip()
            # A word must end where the bound starts ("min" is not "mineral").
            if word[-1].isalpha() and rest == text[len(word) :]:
                continue
            return comparator, rest
    return None


def _level_hint(text: str) -> str:
    scales = [scale.name for scale in LEVEL_SCALES if text in scale]
    if not scales:
        return _KINDS
    names = " or ".join(repr(name) for name in scales)
    return f"{_KINDS}; {text!r} is a level of {names}: pass scale={scales[0]!r}"


def parse_target(
    text: str,
    *,
    scale: LevelScale | str | None = None,
    decimal: str | None = None,
) -> Target | TargetRange | ComparatorTarget | LevelTarget:
    """Read a target from the text a report or a spreadsheet cell prints (membaca target).

    - A number in Indonesian or English notation is a :class:`~sakip.Target`
      (``"94,6"``; see :func:`~sakip.parse_number`).
    - Two numbers joined by ``s.d.``, ``s/d``, ``sampai``, ``hingga`` or a dash are a
      :class:`~sakip.TargetRange` (``"60 s.d. 85"``, ``"60 – 85"``, ``"60-85"``).
    - A comparator before a number is a :class:`ComparatorTarget`: ``≥``, ``>=``,
      ``minimal``, ``min.``, ``paling sedikit``, ``sekurang-kurangnya`` and
      ``tidak kurang dari`` mean at least; ``>`` and ``lebih dari`` more than; ``≤``,
      ``<=``, ``maksimal``, ``maks.``, ``paling banyak`` and ``tidak lebih dari`` at most;
      ``<`` and ``kurang dari`` less than.
    - With ``scale``, the text is a level of that :class:`~sakip.LevelScale` (a
      :class:`LevelTarget`): ``parse_target("WTP", scale="opini-bpk")``.

    Args:
        text: The target as printed.
        scale: A level scale or its registered name, for a level target.
        decimal: ``"."`` or ``","``, the decimal separator of an ambiguous number such as
            ``13.773`` (see :func:`~sakip.parse_number`); Indonesian by default.

    Raises:
        InvalidValueError: The text is none of these; with ``scale``, the message lists
            the scale's levels.
        UnknownRuleError: No level scale has the name ``scale``.

    >>> parse_target("≥ 80")
    ComparatorTarget(comparator=<Comparator.AT_LEAST: '≥'>, bound=Decimal('80'))
    >>> parse_target("60 s.d. 85")
    TargetRange(low=Decimal('60'), high=Decimal('85'))
    >>> parse_target("94,6")
    Target(value=Decimal('94.6'))
    >>> parse_target("WTP", scale="opini-bpk").level
    'WTP'
    """
    if not isinstance(text, str):
        raise InvalidValueError("target", text, "a text")
    cleaned = " ".join(text.split())
    if scale is not None:
        return LevelTarget(cleaned, scale)
    found = _comparator(cleaned)
    if found is not None:
        comparator, rest = found
        return ComparatorTarget(comparator, _number(rest, decimal, cleaned))
    match = _RANGE.match(cleaned)
    if match is not None and match["low"]:
        low = _number(match["low"], decimal, cleaned)
        return TargetRange(low, _number(match["high"], decimal, cleaned))
    return Target(_number(cleaned, decimal, cleaned))


def _number(part: str, decimal: str | None, text: str) -> Decimal:
    try:
        return parse_number(part, decimal=decimal, name="target")
    except InvalidValueError:
        raise InvalidValueError("target", text, _level_hint(text)) from None


def target_text(target: ComparatorTarget | LevelTarget, *, decimal: str = ",") -> str:
    """The text :func:`~sakip.parse_target` reads back to the same target (a file's or a cell's).

    A comparator and its bound without thousands separators, so that no digit is lost or
    misread, its decimal separator ``decimal`` (Indonesian ``","`` by default; a table that
    writes its numbers as ``94.6`` passes ``"."``); a level as its scale prints it (the scale
    is the indicator's, named elsewhere).

    >>> from sakip.targets import target_text
    >>> target_text(sakip.parse_target("minimal 1.234,5"))
    '≥ 1234,5'
    >>> below = sakip.parse_target("< 0,49")
    >>> sakip.parse_target(target_text(below)) == below
    True
    """
    if isinstance(target, LevelTarget):
        return target.level
    if decimal not in (",", "."):
        raise InvalidValueError("decimal", decimal, "',' or '.'")
    bound = format(target.bound, "f").replace(".", decimal)
    return f"{target.comparator.value} {bound}"
