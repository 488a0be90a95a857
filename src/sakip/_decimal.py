"""Exact numbers: every input becomes a :class:`~decimal.Decimal`, every sum runs in one context.

sakip never uses the caller's decimal context. Arithmetic runs inside :data:`CONTEXT` (28
significant digits, the traps that turn silent NaN or infinity into errors) and every rounding
names its mode, so a result does not move when an application changes
``decimal.getcontext()``.
"""

from __future__ import annotations

import decimal
import numbers
import re
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeAlias

from sakip.exceptions import InvalidValueError

__all__ = [
    "CONTEXT",
    "HUNDRED",
    "HUNDREDTH",
    "IN_RANGE",
    "MAX_EXPONENT",
    "PRINTED_LEAN",
    "PRINTED_LEAN_MAX",
    "Number",
    "exact",
    "in_range",
    "round_half_up",
    "to_decimal",
    "to_hundredths",
]

Number: TypeAlias = int | float | str | Decimal
"""What a public function accepts wherever it wants a number."""

CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999999,
    Emax=999999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The one context sakip computes in (the IEEE 754 decimal128 precision of 28 digits)."""

HUNDRED = Decimal(100)
_FINITE = "a finite number"

MAX_EXPONENT = 400
"""Supported magnitude: below ``1E+400``, with at most 400 decimal places.

Every ``float`` fits; a figure beyond it (``Decimal("1E+999999")``, ``10**5000``,
``Decimal("1E-5000")``) is no measurement but a mistake or an attack, and would make a
formatted figure millions of digits long.
"""
IN_RANGE = (
    f"between -1E+{MAX_EXPONENT} and 1E+{MAX_EXPONENT}, with at most {MAX_EXPONENT} decimal places"
)
"""The supported magnitude, as a phrase for messages."""
_LIMIT = 10**MAX_EXPONENT
# Python notation, ASCII digits only: Decimal() itself also takes "1_000" and other scripts'
# digits ("١٢٣"), which the documentation does not promise and a reader would not expect.
_PYTHON_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def exact() -> AbstractContextManager[decimal.Context]:
    """Run the block in sakip's private context, whatever the caller's context is.

    ``decimal.localcontext`` itself, which enters a copy of :data:`CONTEXT` and gives it to
    ``as``: a report enters it thousands of times, and a generator-based context manager
    around it cost several times the switch itself.
    """
    return decimal.localcontext(CONTEXT)


def to_decimal(value: object, name: str) -> Decimal:
    """Turn an input into a finite ``Decimal``, or say which argument was wrong and why.

    ``int`` and ``Decimal`` are taken as they are, a ``str`` in Python notation is parsed
    (``"94.6"``; Indonesian notation goes through :func:`sakip.parse_number`), and a ``float``
    is read through its shortest repr, so ``94.6`` means ``Decimal("94.6")`` and not the binary
    fraction behind it. ``bool``, NaN, infinities and anything else are refused.
    """
    if type(value) is Decimal and value.is_finite() and in_range(value):
        return value  # the common case, already a number: no ABC checks
    if type(value) is int and -_LIMIT < value < _LIMIT:
        return Decimal(value)  # a whole number read from a file, as the ABC path converts it
    # before Decimal(): a huge int is slow to convert (a bool is never beyond the range)
    if isinstance(value, numbers.Integral) and not -_LIMIT < int(value) < _LIMIT:
        raise InvalidValueError(name, value, f"{_FINITE} {IN_RANGE}")
    result = _as_decimal(value)
    if result is None or not result.is_finite():
        raise InvalidValueError(name, value, _FINITE)
    if not in_range(result):
        raise InvalidValueError(name, value, f"{_FINITE} {IN_RANGE}")
    return result


def in_range(value: Decimal) -> bool:
    """Whether a finite decimal is within the supported magnitude (:data:`MAX_EXPONENT`)."""
    # The common case without building the digit tuple: a decimal printed without an exponent
    # (adjusted exponent of -6 or more) shows every decimal place, so its text bounds them.
    if -6 <= value.adjusted() < MAX_EXPONENT and len(str(value)) <= MAX_EXPONENT:
        return True
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite decimal's exponent is a number
    if -exponent > MAX_EXPONENT:
        return False
    return value.adjusted() < MAX_EXPONENT or value.is_zero()


def _as_decimal(value: object) -> Decimal | None:
    """The decimal a value stands for, NaN and infinities included; ``None`` for no number."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    text = _number_text(value)
    if text is None or (isinstance(value, str) and _PYTHON_NUMBER.fullmatch(text) is None):
        return None
    try:
        return Decimal(text)
    except decimal.InvalidOperation:
        return None


def _number_text(value: object) -> str | None:
    if isinstance(value, float):
        # float.__repr__, not repr(): NumPy 2 scalars repr as "np.float64(94.6)".
        return float.__repr__(value)
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational):
        # NumPy's float32 and float16 print their own shortest repr.
        return str(value)
    return value.strip() if isinstance(value, str) else None


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, half away from zero: the way reports print figures."""
    # quantize needs every digit of the result to fit the context's precision; widen it for
    # values beyond 28 digits rather than fail on a figure that is merely large.
    needed = value.adjusted() + places + 2
    if places == 2 and needed <= _PRECISION:  # the printed figure: the common call, kept lean
        return _HALF_UP.quantize(value, _HUNDREDTH)
    context = CONTEXT
    if needed > CONTEXT.prec:
        context = CONTEXT.copy()
        context.prec = needed
    quantum = _QUANTA[places] if 0 <= places < len(_QUANTA) else Decimal(1).scaleb(-places)
    return value.quantize(quantum, rounding=ROUND_HALF_UP, context=context)


_QUANTA = tuple(Decimal(1).scaleb(-places, context=CONTEXT) for places in range(7))
_HUNDREDTH = _QUANTA[2]
_PRECISION = CONTEXT.prec
_HALF_UP = CONTEXT.copy()
_HALF_UP.rounding = ROUND_HALF_UP  # CONTEXT's digits and traps, rounding as reports print

PRINTED_LEAN_MAX = _PRECISION - 4
"""The largest adjusted exponent whose printed figure :data:`PRINTED_LEAN` rounds exactly."""
PRINTED_LEAN = _HALF_UP.quantize
"""``PRINTED_LEAN(value, HUNDREDTH)`` is ``round_half_up(value)`` while ``value.adjusted()``
is at most :data:`PRINTED_LEAN_MAX`: the printed figure without a function call of its own."""
HUNDREDTH = _HUNDREDTH


def to_hundredths(value: Decimal) -> int:
    """The printed figure as a whole number of hundredths, exactly (``100.4228`` → ``10042``)."""
    sign, digits, _ = round_half_up(value).as_tuple()  # the exponent is -2 after rounding
    number = int("".join(map(str, digits)))
    return -number if sign else number
