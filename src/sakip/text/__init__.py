"""The text layer (lapisan teks): every word sakip prints to a person, in Indonesian or English.

Messages are whole sentences with named placeholders. Their ids are Indonesian, the language of
the regulations and of the default output, as python-holidays keeps its Indonesian names; the
English words live in a gettext catalog, ``locale/en/LC_MESSAGES/sakip.po``, compiled to the
``sakip.mo`` beside it. Catalogs load on first use through :class:`babel.support.Translations`,
so ``import sakip`` stays light, and Indonesian needs no catalog at all unless an agency layers
its own wording over sakip's (:func:`wording`).

Code that prints words calls :func:`gettext`, :func:`ngettext` or :func:`pgettext` with the
Indonesian message, the ``lang`` and the placeholder values, which the caller has already
written in the reader's notation::

    >>> from sakip import text
    >>> text.gettext("tidak ada target untuk tahun {year}", lang="en", year=2024)
    '2024 has no target'
    >>> text.ngettext("{agree} sesuai, {bad} tidak sesuai",
    ...               "{agree} sesuai, {bad} tidak sesuai", 1, lang="en", agree=6, bad=1)
    '6 agree, 1 does not'

A message defined apart from where it is printed (a phrase per reason code, say) is marked with
:func:`N_` so that the catalog tools find it, and translated where it is used.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext as _gettext
import os
import types
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING

from sakip._lazy import submodules
from sakip.exceptions import InvalidValueError

if TYPE_CHECKING:
    from sakip.text.layer import Wording

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "check_lang",
    "gettext",
    "ngettext",
    "pgettext",
    "wording",
]


# ``sakip.text.layer`` resolves as the docs write it, but Babel's tools behind it load only
# when it is first used.
__getattr__ = submodules(__name__)


LANGUAGES = ("id", "en")
"""The languages sakip writes in, Indonesian (the default, and the message ids) and English."""

DOMAIN = "sakip"
"""The gettext domain of sakip's catalogs, ``locale/<lang>/LC_MESSAGES/sakip.mo``."""


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for a marked message
    """Mark ``message`` for the catalogs without translating it (gettext's ``gettext_noop``)."""
    return message


def check_lang(lang: str) -> str:
    """``lang`` when sakip writes in it, else an :class:`~sakip.InvalidValueError`."""
    if lang not in LANGUAGES:
        raise InvalidValueError("lang", lang, "one of 'id', 'en'")
    return lang


@functools.cache
def _builtin(lang: str) -> _gettext.NullTranslations:
    """The catalog sakip ships for ``lang``; Indonesian needs none, the ids are its words."""
    from babel.support import Translations  # noqa: PLC0415 - Babel loads on first use

    if lang == "id":
        return _gettext.NullTranslations()
    folder = resources.files(__name__).joinpath("locale")
    with resources.as_file(folder) as path:
        return Translations.load(os.fspath(path), [lang], DOMAIN)


_LAYERS: contextvars.ContextVar[Mapping[str, _gettext.NullTranslations]] = contextvars.ContextVar(
    "sakip_wording", default=types.MappingProxyType({})
)
"""Per language, the agency's wording in force here, which falls back on sakip's catalog."""


def _catalog(lang: str) -> _gettext.NullTranslations:
    return _LAYERS.get().get(check_lang(lang)) or _builtin(lang)


def gettext(message: str, /, *, lang: str = "id", **values: object) -> str:
    """``message`` in ``lang``, with its ``{placeholders}`` filled from ``values``."""
    return _catalog(lang).gettext(message).format(**values)


def ngettext(singular: str, plural: str, n: int, /, *, lang: str = "id", **values: object) -> str:
    """The form of a message that fits the count ``n`` (CLDR's plural rule of ``lang``).

    Indonesian has one form, English two; ``n`` only chooses the form, so a placeholder that
    shows the count is passed in ``values`` as written in the reader's notation.
    """
    return _catalog(lang).ngettext(singular, plural, n).format(**values)


def pgettext(context: str, message: str, /, *, lang: str = "id", **values: object) -> str:
    """``message`` in the role ``context`` names, where one word has two roles.

    ``pgettext("kolom", "Keterangan")`` is a table column, translated apart from the word's
    other uses.
    """
    return _catalog(lang).pgettext(context, message).format(**values)


@contextlib.contextmanager
def wording(source: str | os.PathLike[str] | Wording, *, lang: str = "id") -> Iterator[Wording]:
    """Print with an agency's own wording over sakip's, inside a ``with`` block.

    ``source`` is a gettext ``.po`` file (or a :class:`~sakip.text.layer.Wording` read from
    one) whose ``msgid`` are sakip's Indonesian messages and whose ``msgstr`` are the agency's
    words for them, in ``lang``. A message the file leaves out prints as sakip writes it.
    Layers stack: the innermost ``with`` wins. The layer holds for this thread or task only.

    Raises:
        sakip.text.layer.WordingError: The file names a message sakip does not have, or a
            translation uses a placeholder its message does not.
    """
    from sakip.text.layer import Wording  # noqa: PLC0415 - Babel's tools load on first use

    check_lang(lang)
    layer = source if isinstance(source, Wording) else Wording.read(source, lang=lang)
    catalog = layer.over(_catalog(lang))
    token = _LAYERS.set(types.MappingProxyType({**_LAYERS.get(), lang: catalog}))
    try:
        yield layer
    finally:
        _LAYERS.reset(token)
