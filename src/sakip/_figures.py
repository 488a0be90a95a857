"""How a figure prints in an explanation: a typed figure as typed, a computed one to 2 places.

A result holds only Decimals and cannot always know whether a figure was typed or computed, so
the rule goes by the figure: one with at most :data:`TYPED_PLACES` decimals prints every place
it has (``9,20`` stays ``9,20``; a sum or difference of typed figures has no more places than
they had), and one with more is no one's typing (a quotient at the context's precision, an
aggregated year value) and prints half-up to 2 places. A quotient, a mean or a projection is
always computed and its result prints it with ``format_number(value, 2)`` whatever it holds.
"""

from __future__ import annotations

from typing import cast

import attrs

from sakip._decimal import Number, to_decimal
from sakip.locale import format_number
from sakip.text import check_lang, gettext, pgettext

__all__ = ["TYPED_PLACES", "Writing", "percent", "typed"]

TYPED_PLACES = 6
"""The most decimals a typed figure has; a figure with more was computed."""


def typed(value: Number, *, lang: str = "id") -> str:
    """A figure as the user gave it, or half-up to 2 places when it has more than anyone types."""
    number = to_decimal(value, "value")
    exponent = cast(int, number.as_tuple().exponent)  # finite: to_decimal refuses NaN and ∞
    if -exponent > TYPED_PLACES:
        return format_number(number, 2, lang=lang)
    return format_number(number, lang=lang)


def percent(value: Number, *, lang: str = "id") -> str:
    """A computed percentage as printed, to 2 places: ``100,42 %`` or ``100.42%``."""
    sign = " %" if lang == "id" else "%"
    return f"{format_number(to_decimal(value, 'value'), 2, lang=lang)}{sign}"


@attrs.frozen
class Writing:
    """How an explanation writes: words in ``lang``, numbers in the notation of ``numbers``.

    The two differ only where an English explanation quotes figures as an Indonesian report
    printed them (the audit of such a report).
    """

    lang: str
    numbers: str

    @classmethod
    def of(cls, lang: str, numbers: str | None) -> Writing:
        """The writing of ``explain(lang=..., numbers=...)``: numbers default to ``lang``."""
        return cls(check_lang(lang), check_lang(numbers or lang))

    def gettext(self, message: str, /, **values: object) -> str:
        """``message`` in this language (:func:`sakip.text.gettext`)."""
        return gettext(message, lang=self.lang, **values)

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """``message`` in the role ``context`` names (:func:`sakip.text.pgettext`)."""
        return pgettext(context, message, lang=self.lang, **values)

    def n(self, value: Number) -> str:
        """A figure as typed (:func:`typed`)."""
        return typed(value, lang=self.numbers)

    def n2(self, value: Number) -> str:
        """A computed figure, half-up to 2 places."""
        return format_number(to_decimal(value, "value"), 2, lang=self.numbers)

    def pct(self, value: Number) -> str:
        """A computed percentage with its sign (:func:`percent`)."""
        return percent(value, lang=self.numbers)
