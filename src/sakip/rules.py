"""Rules as data: where each rule comes from, and registries that find rules by name.

Every built-in formula, rating scale, efficiency convention and evaluation structure is a
frozen object that carries its :class:`Source`: the regulation, the article or page, and how
firmly the rule is established (:class:`EvidenceGrade`). Each kind of rule has a
:class:`Registry`; public functions take either the rule object or its registered name.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterator
from typing import Any, Generic, Protocol, TypeVar

import attrs

from sakip._display import Displayed
from sakip.exceptions import DuplicateRuleError, UnknownRuleError

__all__ = ["EvidenceGrade", "Named", "Registry", "Source", "builtin_registries"]


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

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) in self._rules

    def __iter__(self) -> Iterator[RuleT]:
        return iter(sorted(self._rules.values(), key=lambda rule: rule.name))

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} {self.kind}s: {', '.join(self.names())}>"


# The modules that define built-in rules, in the order a reader meets them.
_RULE_MODULES = (
    "sakip.formulas",
    "sakip.levels",
    "sakip.scales",
    "sakip.periods",
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
