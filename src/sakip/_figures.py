"""How a figure prints in an explanation: a typed figure as typed, a computed one to 2 places.

A result holds only Decimals and cannot always know whether a figure was typed or computed, so
the rule goes by the figure: one with at most :data:`TYPED_PLACES` decimals prints every place
it has (``9,20`` stays ``9,20``; a sum or difference of typed figures has no more places than
they had), and one with more is no one's typing (a quotient at the context's precision, an
aggregated year value) and prints half-up to 2 places. A quotient, a mean or a projection is
always computed and its result prints it with ``format_number(value, 2)`` whatever it holds.
"""

from typing import cast

from sakip._decimal import Number, to_decimal
from sakip.locale import format_number

__all__ = ["TYPED_PLACES", "typed"]

TYPED_PLACES = 6
"""The most decimals a typed figure has; a figure with more was computed."""


def typed(value: Number, *, lang: str = "id") -> str:
    """A figure as the user gave it, or half-up to 2 places when it has more than anyone types."""
    number = to_decimal(value, "value")
    exponent = cast(int, number.as_tuple().exponent)  # finite: to_decimal refuses NaN and ∞
    if -exponent > TYPED_PLACES:
        return format_number(number, 2, lang=lang)
    return format_number(number, lang=lang)
