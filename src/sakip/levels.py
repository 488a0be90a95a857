"""Level scales (skala tingkatan): ordered levels that a target and a realization can be.

Some indicators are measured in levels, not numbers: the audit opinion of BPK on the financial
statements (WTP, WDP, ...), the predicate of a SAKIP evaluation (AA ... D), an accreditation.
A :class:`LevelScale` lists its levels from the lowest to the highest, with the other
spellings reports use, and cites where the levels come from. Four are built in and registered
in :data:`LEVEL_SCALES`; register your own for a ladder of your sector.

>>> from sakip.levels import OPINI_BPK
>>> OPINI_BPK.levels
('TMP', 'TW', 'WDP', 'WTP')
>>> OPINI_BPK.level("wajar tanpa pengecualian")
'WTP'
>>> OPINI_BPK.rank("WDP")
3
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from sakip._display import Displayed
from sakip.exceptions import InvalidValueError
from sakip.rules import DescribedRule, EvidenceGrade, Registry, Source
from sakip.text import N_

__all__ = [
    "AKREDITASI",
    "AKREDITASI_RUMAH_SAKIT",
    "LEVEL_SCALES",
    "OPINI_BPK",
    "SAKIP_PREDICATE_LEVELS",
    "LevelScale",
]


def _key(text: str) -> str:
    """A spelling folded for comparison: case, spaces and hyphens do not matter."""
    return " ".join(text.replace("-", " ").casefold().split())


def _levels(value: Any) -> tuple[str, ...]:
    return tuple(str(level).strip() for level in value)


def _aliases(value: Mapping[str, str]) -> Mapping[str, str]:
    return {str(alias): str(level) for alias, level in value.items()}


@attrs.frozen(kw_only=True, repr=False)
class LevelScale(Displayed, DescribedRule):
    """An ordered scale of levels (skala tingkatan), the lowest first.

    Attributes:
        name: The registered name ("opini-bpk").
        title: What the scale is, in a phrase.
        levels: The levels as printed, the lowest first; a level's rank is its place,
            counted from 1.
        aliases: Other spellings of a level (the words an abbreviation stands for), each
            mapped to the level as printed.
        source: Where the levels and their order come from.
    """

    rule_kind = N_("Skala tingkat")

    name: str
    title: str
    levels: tuple[str, ...] = attrs.field(converter=_levels)
    aliases: Mapping[str, str] = attrs.field(factory=dict, converter=_aliases, eq=False)
    source: Source
    _lookup: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if len(self.levels) < 2:
            raise InvalidValueError("levels", self.levels, "at least two levels")
        lookup: dict[str, str] = {}
        spellings = [(level, level) for level in self.levels] + list(self.aliases.items())
        for spelling, level in spellings:
            if level not in self.levels:
                raise InvalidValueError("aliases", spelling, f"an alias of one of {self.levels}")
            if lookup.setdefault(_key(spelling), level) != level:
                raise InvalidValueError("levels", spelling, "a spelling of one level only")
        object.__setattr__(self, "_lookup", lookup)

    def level(self, text: object, name: str = "level") -> str:
        """The level ``text`` spells, as printed; case and spacing do not matter.

        ``name`` says what the text is (``"realization"``) in the error message.

        Raises:
            InvalidValueError: No level of this scale is spelled so; the message lists the
                levels.
        """
        found = self._lookup.get(_key(text)) if isinstance(text, str) else None
        if found is None:
            known = ", ".join(self.levels)
            raise InvalidValueError(name, text, f"a level of {self.name!r} ({known})")
        return found

    def rank(self, level: object) -> int:
        """The place of ``level`` on the scale, counted from 1 at the lowest level."""
        return self.levels.index(self.level(level)) + 1

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and _key(text) in self._lookup


LEVEL_SCALES: Registry[LevelScale] = Registry("level scale")
"""Every level scale, by name; :meth:`~sakip.Registry.register` adds your own."""

_RANKS_IN_PRACTICE = (
    "The ranks of the e-SAKIP apps of regional governments (Kab. Pringsewu's app: "
    "TMP 1, TW 2, WDP 3, WTP 4; D 1 ... AA 7)."
)

OPINI_BPK = LEVEL_SCALES.register(
    LevelScale(
        name="opini-bpk",
        title="audit opinion of BPK on financial statements (opini BPK)",
        levels=("TMP", "TW", "WDP", "WTP"),
        aliases={
            "Tidak Menyatakan Pendapat": "TMP",
            "Tidak Memberikan Pendapat": "TMP",
            "Disclaimer": "TMP",
            "Tidak Wajar": "TW",
            "Wajar Dengan Pengecualian": "WDP",
            "Wajar Tanpa Pengecualian": "WTP",
        },
        source=Source(
            reference="UU 15/2004",
            location="Penjelasan Pasal 16 ayat (1): the four kinds of opinion",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=f"The order, worst first, is practice. {_RANKS_IN_PRACTICE}",
        ),
    )
)
"""The BPK audit opinion, TMP < TW < WDP < WTP (UU 15/2004) [REG-2nd]."""

SAKIP_PREDICATE_LEVELS = LEVEL_SCALES.register(
    LevelScale(
        name="sakip-predicate",
        title="predicate of a SAKIP evaluation (predikat SAKIP)",
        levels=("D", "C", "CC", "B", "BB", "A", "AA"),
        source=Source(
            reference="PermenPANRB 12/2015, kept by PermenPANRB 88/2021",
            location="Lampiran, the predicates of the evaluation score",
            grade=EvidenceGrade.REGULATION_QUOTED,
            note=_RANKS_IN_PRACTICE,
        ),
    )
)
"""The SAKIP predicate as a target, D < C < CC < B < BB < A < AA [REG-2nd]."""

AKREDITASI = LEVEL_SCALES.register(
    LevelScale(
        name="akreditasi",
        title="accreditation grade of a school or a public service (akreditasi)",
        levels=("C", "B", "A"),
        source=Source(
            reference="Practice of LKjIPs with an accreditation indicator",
            grade=EvidenceGrade.PRACTICE,
        ),
    )
)
"""An accreditation grade, C < B < A, as LKjIPs print it [PRACTICE]."""

AKREDITASI_RUMAH_SAKIT = LEVEL_SCALES.register(
    LevelScale(
        name="akreditasi-rumah-sakit",
        title="hospital accreditation level (akreditasi rumah sakit, KARS)",
        levels=("Dasar", "Madya", "Utama", "Paripurna"),
        source=Source(
            reference="Practice of LKjIPs of regional hospitals and health departments",
            grade=EvidenceGrade.PRACTICE,
        ),
    )
)
"""A hospital accreditation level, Dasar < Madya < Utama < Paripurna [PRACTICE]."""
