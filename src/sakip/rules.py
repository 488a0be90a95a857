"""Rules as data: where each rule comes from, and registries that find rules by name.

Every built-in formula, rating scale, efficiency convention and evaluation structure is a
frozen object that carries its :class:`Source`: the regulation, the article or page, and how
firmly the rule is established (:class:`EvidenceGrade`). Each kind of rule has a
:class:`Registry`; public functions take either the rule object or its registered name.

Every registered rule, of whatever kind, answers to one protocol, :class:`RegisteredRule`: a
``name``, a ``title``, a ``source``, the ``years`` it applies to and ``describe(lang)``.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterator
from typing import Any, ClassVar, Generic, Protocol, TypeAlias, TypeVar, runtime_checkable

import attrs

from sakip._display import Displayed
from sakip.exceptions import DuplicateRuleError, UnknownRuleError
from sakip.text import N_, gettext

__all__ = [
    "DescribedRule",
    "EvidenceGrade",
    "Named",
    "RegisteredRule",
    "Registry",
    "Source",
    "YearSpan",
    "builtin_registries",
    "markdown_table",
]

YearSpan: TypeAlias = tuple[int | None, int | None]
"""First and last year a rule applies to; ``None`` leaves that end open."""


class EvidenceGrade(enum.Enum):
    """How firmly a rule is established (the evidence grades of sakip's rules)."""

    REGULATION = "REG"
    """Read in the regulation's own text."""
    REGULATION_QUOTED = "REG-2nd"
    """A regulation as quoted by reports or official portals."""
    PRACTICE = "PRACTICE"
    """What published reports do; no regulation prescribes it."""
    POLICY = "POLICY"
    """sakip's own policy where regulations are silent; documented and overridable."""


@attrs.frozen(kw_only=True, repr=False)
class Source(Displayed):
    """Where a rule comes from (dasar hukum).

    Attributes:
        reference: The regulation or body of practice ("PermenPANRB 8/2021").
        location: Article, page or appendix within it ("p. 99-100"), when known.
        grade: How firmly the rule is established.
        years: First and last year the rule applies to; ``None`` leaves that end open.
        note: Anything a reader should know (a known slip in the regulation, say).
    """

    reference: str
    grade: EvidenceGrade
    location: str | None = None
    years: tuple[int | None, int | None] = (None, None)
    note: str | None = None

    def __str__(self) -> str:
        where = f", {self.location}" if self.location else ""
        return f"{self.reference}{where} [{self.grade.value}]"

    def _headline(self) -> str:
        return str(self)


# How firmly a rule is established, as a reader of describe() is told.
_GRADE_WORDS = {
    EvidenceGrade.REGULATION: N_("tertulis dalam teks peraturan"),
    EvidenceGrade.REGULATION_QUOTED: N_("peraturan sebagaimana dikutip laporan atau portal resmi"),
    EvidenceGrade.PRACTICE: N_("praktik laporan yang terbit, tanpa dasar peraturan"),
    EvidenceGrade.POLICY: N_("kebijakan sakip sendiri karena peraturan tidak mengaturnya"),
}

_ARITHMETIC = N_("hitungan biasa, tanpa dasar peraturan")


@runtime_checkable
class RegisteredRule(Protocol):
    """A rule of any kind (aturan): what every registry's rules have in common.

    Achievement formulas, rating scales, level scales, report deadlines, aggregation,
    projection and roll-up methods, efficiency conventions, evaluation structures and the LKE's
    catalogues, answer scales, scoring methods, roundings and checks all satisfy it.
    """

    @property
    def name(self) -> str:  # pragma: no cover - a protocol has no body to run
        """The name the rule is registered under ("mirror")."""

    @property
    def title(self) -> str:  # pragma: no cover - a protocol has no body to run
        """What the rule is, in a phrase."""

    @property
    def source(self) -> Source | None:  # pragma: no cover - a protocol has no body to run
        """Where the rule comes from; ``None`` for plain arithmetic (an audit's sum check)."""

    @property
    def years(self) -> YearSpan:  # pragma: no cover - a protocol has no body to run
        """First and last year the rule applies to (its source's ``years``)."""

    def describe(self, lang: str = "id") -> str:  # pragma: no cover - a protocol has no body
        """One sentence that says what kind of rule it is, how firm, and for which years."""


class DescribedRule:
    """What a rule class inherits to satisfy :class:`RegisteredRule` from its ``source``.

    A subclass is an attrs class with ``name``, ``title`` and ``source`` fields and sets
    ``rule_kind``, the kind of rule as a message marked with :func:`sakip.text.N_`
    (``N_("Rumus capaian")``).
    """

    __slots__ = ()
    rule_kind: ClassVar[str]
    name: str
    source: Source | None

    @property
    def years(self) -> YearSpan:
        """First and last year the rule applies to; ``None`` leaves that end open."""
        return (None, None) if self.source is None else self.source.years

    def applies_to(self, year: int) -> bool:
        """Whether the rule applies to ``year`` (its source's ``years`` include it)."""
        first, last = self.years
        return (first is None or first <= year) and (last is None or year <= last)

    def describe(self, lang: str = "id") -> str:
        """One sentence: the kind of rule, its name, how firm it is and the years it covers.

        >>> from sakip.formulas import MIRROR
        >>> MIRROR.describe()
        'Rumus capaian mirror: tertulis dalam teks peraturan; berlaku untuk semua tahun.'
        >>> MIRROR.describe(lang="en")
        "Achievement formula mirror: set in the regulation's own text; applies to every year."
        """
        first, last = self.years
        grade = _ARITHMETIC if self.source is None else _GRADE_WORDS[self.source.grade]
        words = {
            "kind": gettext(self.rule_kind, lang=lang),
            "name": self.name,
            "grade": gettext(grade, lang=lang),
            "first": first,
            "last": last,
        }
        if first is None and last is None:
            return gettext(
                "{kind} {name}: {grade}; berlaku untuk semua tahun.", lang=lang, **words
            )
        if last is None:
            return gettext("{kind} {name}: {grade}; berlaku sejak {first}.", lang=lang, **words)
        if first is None:
            return gettext("{kind} {name}: {grade}; berlaku sampai {last}.", lang=lang, **words)
        return gettext("{kind} {name}: {grade}; berlaku {first}–{last}.", lang=lang, **words)


class Named(Protocol):
    """Anything a registry can hold: it has a ``name``."""

    @property
    def name(self) -> str:  # pragma: no cover - a protocol has no body to run
        """The name the rule is registered under."""


RuleT = TypeVar("RuleT", bound=Named)


class Registry(Generic[RuleT]):
    """Rules of one kind, by name; a name can be registered once.

    Names are matched case-insensitively, with ``_`` and ``-`` treated alike, so
    ``"PERMENDAGRI_86_2017"`` finds ``"permendagri-86-2017"``.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._rules: dict[str, RuleT] = {}

    @staticmethod
    def _key(name: str) -> str:
        return name.strip().casefold().replace("_", "-")

    def register(self, rule: RuleT) -> RuleT:
        """Add ``rule`` under its name and return it; a taken name raises."""
        key = self._key(rule.name)
        if key in self._rules:
            raise DuplicateRuleError(self.kind, rule.name)
        self._rules[key] = rule
        return rule

    def get(self, name: str) -> RuleT:
        """The rule registered as ``name``; an unknown name lists the known ones."""
        try:
            return self._rules[self._key(name)]
        except KeyError:
            raise UnknownRuleError(self.kind, name, self.names()) from None

    def __getitem__(self, name: str) -> RuleT:
        """``registry[name]`` is :meth:`get`: the rule registered as ``name``."""
        return self.get(name)

    def resolve(self, rule: RuleT | str) -> RuleT:
        """``rule`` itself when it is a rule object, else the rule registered under that name."""
        return self.get(rule) if isinstance(rule, str) else rule

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(rule.name for rule in self._rules.values())

    def applying_to(self, year: int) -> list[RuleT]:
        """The rules that apply to ``year``, by name: ``STRUCTURES.applying_to(2015)``.

        A rule without ``applies_to`` (one of your own, say) applies to every year.
        """
        return [rule for rule in self if _applies(rule, year)]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) in self._rules

    def __iter__(self) -> Iterator[RuleT]:
        return iter(sorted(self._rules.values(), key=lambda rule: rule.name))

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} {self.kind}s: {', '.join(self.names())}>"


def _applies(rule: object, year: int) -> bool:
    applies = getattr(rule, "applies_to", None)
    return applies is None or bool(applies(year))


# The modules that define built-in rules, in the order a reader meets them.
_RULE_MODULES = (
    "sakip.formulas",
    "sakip.levels",
    "sakip.scales",
    "sakip.aggregation",
    "sakip.deadlines",
    "sakip.compare",
    "sakip.rollup_methods",
    "sakip.budget",
    "sakip.evaluation",
    "sakip.lke",
    "sakip.audit",
)


def builtin_registries() -> dict[str, Registry[Any]]:
    """Every registry of built-in rules, keyed by its public name (``"sakip.scales.SCALES"``).

    A registry that a module merely imports from another is listed once, under the first public
    name it has; every key resolves by attribute access from ``sakip``.
    """
    found: dict[str, Registry[Any]] = {}
    for module_name in _RULE_MODULES:
        module = importlib.import_module(module_name)
        for attribute, value in vars(module).items():
            public = not attribute.startswith("_")
            if (
                public
                and isinstance(value, Registry)
                and all(value is not r for r in found.values())
            ):
                found[f"{module_name}.{attribute}"] = value
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(kind: str, rule: Any) -> str:
    source: Source | None = rule.source
    reference = "—" if source is None else _cell(source.reference)
    grade = "—" if source is None else source.grade.value
    first, last = rule.years
    years = "all" if first is None and last is None else f"{first or ''}–{last or ''}"
    return f"| {kind} | `{rule.name}` | {_cell(rule.title)} | {reference} | {grade} | {years} |"


def markdown_table() -> str:
    """The table of built-in rules the README shows, made from the registries.

    Regenerate the README's table with ``sakip rules --format markdown`` and paste its output
    between the ``rules-start`` and ``rules-end`` markers; a test checks that they agree.
    """
    lines = [
        "| kind | name | title | source | grade | years |",
        "|---|---|---|---|---|---|",
    ]
    for registry in builtin_registries().values():
        lines += [_row(registry.kind, rule) for rule in registry]
    return "\n".join(lines) + "\n"
