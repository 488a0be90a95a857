"""Errors raised by sakip.

Every error is a :class:`SakipError`, so ``except sakip.SakipError`` catches all of them. Each
concrete error also subclasses the builtin that fits it (:class:`ValueError`,
:class:`LookupError`, :class:`ArithmeticError`), so code that already handles those keeps
working. Errors carry their details as attributes, read like a sentence and pickle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sakip.reasons import Reason

__all__ = [
    "DuplicateRuleError",
    "InvalidValueError",
    "MissingDependencyError",
    "NotFoundError",
    "SakipError",
    "UndefinedAchievementError",
    "UndefinedResultError",
    "UnknownRuleError",
]


class SakipError(Exception):
    """Root of every error sakip raises."""


class InvalidValueError(SakipError, ValueError):
    """A value is not what an argument, field or cell accepts.

    Attributes:
        name: The argument, field or column that received the value.
        value: The value as given.
        expected: What would have been accepted, as a phrase ("a finite number").
    """

    def __init__(self, name: str, value: object, expected: str) -> None:
        super().__init__(name, value, expected)
        self.name = name
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.name!r} must be {self.expected} (got {_shown(self.value)})"


def _shown(value: object) -> str:
    """``repr(value)``; for an int too long to print, its size (``repr`` would raise)."""
    try:
        return repr(value)
    except ValueError:
        assert isinstance(value, int)  # only int's repr refuses (sys.get_int_max_str_digits)
        return f"an integer of {value.bit_length()} bits"


class NotFoundError(SakipError, LookupError):
    """Something was looked up by a name or code that is not there.

    Attributes:
        kind: What was looked up ("indicator").
        name: The name asked for.
        available: The names that are registered, sorted.
    """

    def __init__(self, kind: str, name: str, available: Iterable[str]) -> None:
        available = tuple(sorted(available))
        super().__init__(kind, name, available)
        self.kind = kind
        self.name = name
        self.available = available

    def __str__(self) -> str:
        known = ", ".join(repr(name) for name in self.available) or "none"
        return f"unknown {self.kind} {self.name!r}; known: {known}"


class UnknownRuleError(NotFoundError):
    """A rule (formula, scale, convention) was asked for by a name nobody registered."""


class DuplicateRuleError(SakipError, ValueError):
    """A rule was registered under a name that is already taken.

    Attributes:
        kind: What kind of rule it is.
        name: The name that is taken.
    """

    def __init__(self, kind: str, name: str) -> None:
        super().__init__(kind, name)
        self.kind = kind
        self.name = name

    def __str__(self) -> str:
        return f"a {self.kind} named {self.name!r} is already registered"


class MissingDependencyError(SakipError, ImportError):
    """A feature needs an optional dependency that is not installed.

    Attributes:
        module: The module that is missing ("openpyxl").
        extra: The sakip extra that installs it ("excel").
        purpose: What needs it, as a phrase ("XLSX files").
    """

    def __init__(self, module: str, extra: str, purpose: str) -> None:
        super().__init__(module, extra, purpose)
        self.module = module
        self.extra = extra
        self.purpose = purpose

    def __str__(self) -> str:
        return f'{self.purpose} need {self.module}: pip install "sakip[{self.extra}]"'

    def describe(self, lang: str = "id") -> str:
        """What is missing and how to install it, in ``lang``, for a person (``str()`` is English).

        >>> sakip.MissingDependencyError("docx", "docx", "DOCX files").describe()
        'modul docx belum terpasang; pasang dengan pip install "sakip[docx]"'
        """
        from sakip.text import gettext  # noqa: PLC0415 - the text layer loads when speaking

        return gettext(
            'modul {module} belum terpasang; pasang dengan pip install "sakip[{extra}]"',
            lang=lang,
            module=self.module,
            extra=self.extra,
        )


class UndefinedResultError(SakipError, ArithmeticError):
    """A figure cannot be computed from these inputs (a division by zero, say).

    The figure is never replaced by 0, 100 or infinity: the caller decides what to print.

    Attributes:
        quantity: What was being computed ("growth").
        why: Why it cannot be computed, as an English phrase.
        inputs: The inputs, as ``(name, value)`` pairs.
        reason: Why, as a stable :class:`~sakip.Reason` code (the one a result's
            :class:`~sakip.Missing` carries); ``None`` for an error a user's own rule raised.
    """

    def __init__(
        self,
        quantity: str,
        why: str,
        inputs: Sequence[tuple[str, object]] = (),
        reason: Reason | None = None,
    ) -> None:
        inputs = tuple(inputs)
        super().__init__(quantity, why, inputs, reason)
        self.quantity = quantity
        self.why = why
        self.inputs = inputs
        self.reason = reason

    def __str__(self) -> str:
        given = ", ".join(f"{name}={value}" for name, value in self.inputs)
        suffix = f" ({given})" if given else ""
        return f"{self.quantity} is not computable: {self.why}{suffix}"


class UndefinedAchievementError(UndefinedResultError):
    """An achievement (capaian) cannot be computed, e.g. a realization against a zero target.

    Its ``reason`` is :attr:`~sakip.Reason.ZERO_TARGET` against a target of 0, else
    :attr:`~sakip.Reason.FORMULA_UNDEFINED`.

    Attributes:
        realization: The realization given.
        target: The target given.
    """

    def __init__(self, why: str, realization: object, target: object) -> None:
        from sakip.reasons import Reason  # noqa: PLC0415 - reasons loads after the errors

        SakipError.__init__(self, why, realization, target)
        self.quantity = "achievement"
        self.why = why
        self.inputs = (("realization", realization), ("target", target))
        self.realization = realization
        self.target = target
        zero = isinstance(target, (int, Decimal)) and target == 0
        self.reason = Reason.ZERO_TARGET if zero else Reason.FORMULA_UNDEFINED
