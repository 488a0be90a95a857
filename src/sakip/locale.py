"""Indonesian numbers in and out (angka dalam format Indonesia).

Reports write ``13.773`` for thirteen thousand and ``94,6`` for ninety-four point six. The
formatting functions use Babel's CLDR locale data, imported only when first needed so that
``import sakip`` stays light.
"""

from __future__ import annotations

from sakip._decimal import Number, exact, round_half_up, to_decimal
from sakip.exceptions import InvalidValueError

__all__ = ["format_number"]

_LANGUAGES = {"id": "id", "en": "en"}


def _locale(lang: str) -> str:
    try:
        return _LANGUAGES[lang]
    except KeyError:
        raise InvalidValueError("lang", lang, "one of 'id', 'en'") from None


def format_number(value: Number, places: int | None = None, *, lang: str = "id") -> str:
    """Write a number the way a report prints it (format angka).

    Args:
        value: The number.
        places: Decimal places to print, rounding half-up; ``None`` prints every digit the
            value has and rounds nothing.
        lang: ``"id"`` (``13.773,5``, the default) or ``"en"`` (``13,773.5``).

    >>> format_number(Decimal("95.2489"), places=2)
    '95,25'
    >>> format_number(13773)
    '13.773'
    >>> format_number(Decimal("1004422800"), lang="en")
    '1,004,422,800'
    """
    from babel.numbers import format_decimal  # noqa: PLC0415 - Babel loads its locale data lazily

    number = to_decimal(value, "value")
    if places is None:
        pattern = "#,##0.###"
    elif not isinstance(places, bool) and places >= 0:
        number = round_half_up(number, places)
        if number.is_zero():
            number = abs(number)  # a figure that rounds to zero prints as 0,00, never -0,00
        pattern = "#,##0." + "0" * places if places else "#,##0"
    else:
        raise InvalidValueError("places", places, "a whole number of places, 0 or more")
    with exact():
        return format_decimal(
            number, format=pattern, locale=_locale(lang), decimal_quantization=places is not None
        )
