"""An agency's own wording (redaksi instansi), layered over sakip's catalog.

A province that prints "Predikat" where sakip prints "Kategori" writes a gettext ``.po`` file
whose ``msgid`` are sakip's Indonesian messages and whose ``msgstr`` are its own words, and
prints inside :func:`sakip.text.layer` (or passes ``--wording FILE.po`` to the command).
The file is checked when it is read: a message sakip does not have is a typo that would
otherwise change nothing, and a placeholder the message does not fill would fail mid-report.
"""

from __future__ import annotations

import difflib
import enum
import functools
import io
import os
import string
from collections.abc import Iterable
from gettext import NullTranslations
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from sakip.exceptions import SakipError
from sakip.text import N_, gettext

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message


__all__ = [
    "Flaw",
    "Wording",
    "WordingError",
    "WordingProblem",
    "known_messages",
    "message_ids",
    "message_strings",
    "placeholders",
]


class Flaw(enum.Enum):
    """What is wrong with an entry of a wording file (a stable code)."""

    NOT_A_CATALOG = "not-a-catalog"
    """The file is not a gettext ``.po`` file."""
    UNKNOWN_MESSAGE = "unknown-message"
    """A ``msgid`` sakip does not have (a typo, most often)."""
    FOREIGN_PLACEHOLDER = "foreign-placeholder"
    """A ``msgstr`` with a placeholder its message does not fill."""


@attrs.frozen(kw_only=True)
class WordingProblem:
    """One problem of a wording file, with its line, said in either language.

    Attributes:
        flaw: What is wrong.
        line: The line of the file, where one is known.
        message: The message concerned (a ``msgid``), or the parser's own words.
        nearest: The message sakip has that is nearest an unknown one.
        extra: The placeholders a translation uses that its message does not fill.
        allowed: The placeholders the message fills.
    """

    flaw: Flaw
    line: int | None = None
    message: str = ""
    nearest: str | None = None
    extra: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()

    def describe(self, lang: str = "id") -> str:
        """The problem for the person who fixes the file, in ``lang``."""
        words = {
            "line": self.line,
            "message": repr(self.message),
            "nearest": repr(self.nearest),
            "names": _listed(self.extra),
            "allowed": _listed(self.allowed) or gettext("tidak ada", lang=lang),
        }
        return gettext(_FLAW_WORDS[self.flaw, self.nearest is not None], lang=lang, **words)

    def __str__(self) -> str:
        return self.describe(lang="en")


class WordingError(SakipError, ValueError):
    """A wording file that cannot be layered over sakip's catalog.

    ``str()`` is English, as every exception sakip raises; :meth:`describe` says it in the
    command's language.

    Attributes:
        path: The file.
        problems: Each problem, with the line of the file it is on.
    """

    def __init__(self, path: str, problems: Iterable[WordingProblem]) -> None:
        problems = tuple(problems)
        super().__init__(path, problems)
        self.path = path
        self.problems = problems

    def describe(self, lang: str = "id") -> str:
        """Every problem, one per line, under a line naming the file, in ``lang``."""
        lines = "".join(f"\n  {problem.describe(lang)}" for problem in self.problems)
        head = gettext("{path}: redaksi tidak dapat dipakai:", lang=lang, path=self.path)
        return head + lines

    def __str__(self) -> str:
        return self.describe(lang="en")


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
            problem = WordingProblem(flaw=Flaw.NOT_A_CATALOG, message=str(error))
            raise WordingError(name, [problem]) from None
        problems = list(_problems(catalog))
        if problems:
            raise WordingError(name, problems)
        return cls(name, lang, _compiled(catalog))

    def over(self, fallback: NullTranslations) -> NullTranslations:
        """This wording, falling back on ``fallback`` for the messages it leaves out."""
        layered = Translations(io.BytesIO(self.mo))
        layered.add_fallback(fallback)
        return layered


def _problems(catalog: Catalog) -> Iterable[WordingProblem]:
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
                yield WordingProblem(
                    flaw=Flaw.FOREIGN_PLACEHOLDER,
                    line=message.lineno,
                    message=single,
                    extra=tuple(sorted(extra)),
                    allowed=tuple(sorted(allowed)),
                )


def _unknown(message: Message, known: frozenset[str | tuple[str, str]]) -> WordingProblem:
    single = message_ids(message)[0]
    ids = [key if isinstance(key, str) else key[1] for key in known]
    near = difflib.get_close_matches(single, ids, n=1)
    return WordingProblem(
        flaw=Flaw.UNKNOWN_MESSAGE,
        line=message.lineno,
        message=single,
        nearest=near[0] if near else None,
    )


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


# The words of each flaw, by whether a nearest message is known.
_FLAW_WORDS = {
    (Flaw.NOT_A_CATALOG, False): N_("bukan berkas .po gettext: {message}"),
    (Flaw.UNKNOWN_MESSAGE, False): N_("baris {line}: sakip tidak memiliki pesan {message}"),
    (Flaw.UNKNOWN_MESSAGE, True): N_(
        "baris {line}: sakip tidak memiliki pesan {message}; maksud Anda {nearest}?"
    ),
    (Flaw.FOREIGN_PLACEHOLDER, False): N_(
        "baris {line}: {names} bukan placeholder {message}; placeholder-nya: {allowed}"
    ),
}


def _compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()
