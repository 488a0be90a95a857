"""Reading one value: numbers written as text, whole numbers, texts."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from sakip._decimal import to_decimal
from sakip.exceptions import InvalidValueError

__all__ = ["number", "text_number", "whole_number"]

NUMBER = "a number"


def text_number(text: str, name: str, decimal: str | None = None) -> Decimal:
    """A number written as text, in Indonesian or English notation (``"13.773"``, ``"94,6"``).

    Goes through :func:`sakip.parse_number`, so the rules for ambiguous separators are those
    of that function; ``decimal`` names the decimal separator of an ambiguous text.
    """
    from sakip.locale import parse_number  # noqa: PLC0415 - keeps import sakip.io light

    return parse_number(text, name=name, decimal=decimal)


def number(value: object, name: str) -> Decimal:
    """A finite number from a parsed file: a ``Decimal``, an ``int``, a ``float`` or a text."""
    if type(value) is Decimal or type(value) is int:
        return to_decimal(value, name)  # what a JSON or TOML file gives: checked there at once
    if isinstance(value, str):
        return text_number(value, name)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidValueError(name, value, "a finite number")
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        raise InvalidValueError(name, value, NUMBER)
    return to_decimal(value, name)


def whole_number(value: Any, name: str, expected: str = "a whole number") -> int:
    """An ``int`` from an ``int``, a whole ``Decimal``/``float`` or a text of digits."""
    if isinstance(value, bool):
        raise InvalidValueError(name, value, expected)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii():
        return int(value.strip())
    if isinstance(value, Decimal | float):
        try:
            # through to_decimal first: int(Decimal("1E+999999")) would build a huge number
            integral = value == int(to_decimal(value, name))
        except (InvalidValueError, ValueError, OverflowError, ArithmeticError):
            integral = False
        if integral:
            return int(value)
    raise InvalidValueError(name, value, expected)
