"""An agency's own wording (redaksi instansi), layered over sakip's catalog.

A province that prints "Predikat" where sakip prints "Kategori" writes a gettext ``.po`` file
whose ``msgid`` are sakip's Indonesian messages and whose ``msgstr`` are its own words, and
prints inside :func:`sakip.text.layer` (or passes ``--wording FILE.po`` to the command).
The file is checked when it is read: a message sakip does not have is a typo that would
otherwise change nothing, and a placeholder the message does not fill would fail mid-report.
"""

from __future__ import annotations

import difflib
import functools
import gettext
import io
import os
import string
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from sakip.exceptions import SakipError

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message


__all__ = [
    "Wording",
    "WordingError",
    "known_messages",
    "message_ids",
    "message_strings",
    "placeholders",
]


class WordingError(SakipError, ValueError):
    """A wording file that cannot be layered over sakip's catalog.

    Attributes:
        path: The file.
        problems: One sentence per problem, each naming the line of the file.
    """

    def __init__(self, path: str, problems: Iterable[str]) -> None:
        problems = tuple(problems)
        super().__init__(path, problems)
        self.path = path
        self.problems = problems

    def __str__(self) -> str:
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        return f"{self.path}: the wording cannot be used:\n{lines}"


def placeholders(message: str) -> frozenset[str]:
    """The named ``{placeholders}`` of a message."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(message) if field)


@functools.cache
def known_messages() -> frozenset[str | tuple[str, str]]:
    """Every message id sakip prints, as its English catalog holds them (with their contexts)."""
    source = resources.files("sakip.text").joinpath("locale/en/LC_MESSAGES/sakip.po")
    with source.open("rb") as file:
        catalog = read_po(file)
    return frozenset(_key(message) for message in catalog if message.id)


def message_ids(message: Message) -> tuple[str, ...]:
    """A catalog entry's message id, and its plural id when it has one."""
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    return tuple(str(text) for text in ids)


def message_strings(message: Message) -> tuple[str, ...]:
    """A catalog entry's translations, one per plural form ("" where it has none)."""
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return tuple(text or "" for text in strings)


def _key(message: Message) -> str | tuple[str, str]:
    single = message_ids(message)[0]
    return single if message.context is None else (message.context, single)


@attrs.frozen
class Wording:
    """An agency's wording for one language, read and checked; layer it with ``wording()``."""

    path: str
    lang: str
    mo: bytes = attrs.field(eq=False, repr=False)
    """The wording compiled as a gettext ``.mo`` file."""

    @classmethod
    def read(cls, path: str | os.PathLike[str], *, lang: str = "id") -> Wording:
        """Read and check a ``.po`` file.

        Raises:
            WordingError: A message sakip does not have (with the nearest one it has), or a
                translation with a placeholder its message does not fill.
            OSError: The file cannot be read.
        """
        name = os.fspath(path)
        try:
            with Path(name).open("rb") as file:
                catalog = read_po(file, abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as error:
            raise WordingError(name, [f"not a gettext .po file: {error}"]) from None
        problems = list(_problems(catalog))
        if problems:
            raise WordingError(name, problems)
        return cls(name, lang, _compiled(catalog))

    def over(self, fallback: gettext.NullTranslations) -> gettext.NullTranslations:
        """This wording, falling back on ``fallback`` for the messages it leaves out."""
        layered = Translations(io.BytesIO(self.mo))
        layered.add_fallback(fallback)
        return layered


def _problems(catalog: Catalog) -> Iterable[str]:
    known = known_messages()
    for message in catalog:
        if not message.id:
            continue
        key = _key(message)
        if key not in known:
            yield _unknown(message, known)
            continue
        single = message_ids(message)[0]
        allowed = frozenset().union(*(placeholders(text) for text in message_ids(message)))
        for text in filter(None, message_strings(message)):
            extra = placeholders(text) - allowed
            if extra:
                names = ", ".join(f"{{{name}}}" for name in sorted(extra))
                yield (
                    f"line {message.lineno}: {names} is not a placeholder of {single!r}; "
                    f"it has {_listed(allowed)}"
                )


def _unknown(message: Message, known: frozenset[str | tuple[str, str]]) -> str:
    single = message_ids(message)[0]
    ids = [key if isinstance(key, str) else key[1] for key in known]
    near = difflib.get_close_matches(single, ids, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    return f"line {message.lineno}: sakip has no message {single!r}{hint}"


def _listed(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()
