"""The command line's words: argparse's own messages and sakip's help, in the command's language.

sakip's help texts are Indonesian message ids in ``sakip.cli``, translated when the help is
formatted; argparse's own English messages ("usage: ", "unrecognized arguments: %s") are
mapped to Indonesian message ids here. The language is the command's ``--lang``, read from
the arguments before parsing, so that ``--help`` and a usage error speak it too: Indonesian
unless the arguments hold ``--lang en``.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import textwrap
from collections.abc import Iterator, Sequence

from sakip.text import LANGUAGES, N_, gettext

__all__ = ["HelpFormatter", "command_lang", "speaking"]

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("sakip_cli_lang", default="id")

# argparse's own messages (Python 3.11 to 3.13), as its gettext calls name them.
_ARGPARSE = {
    "usage: ": N_("pemakaian: "),
    "positional arguments": N_("argumen posisi"),
    "options": N_("opsi"),
    "show this help message and exit": N_("tampilkan bantuan ini lalu keluar"),
    "show program's version number and exit": N_("tampilkan versi program lalu keluar"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: galat: %(message)s\n"),
    "unrecognized arguments: %s": N_("argumen tidak dikenal: %s"),
    "the following arguments are required: %s": N_("argumen berikut wajib diberikan: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "pilihan tidak sah: %(value)r (pilih salah satu dari %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": N_("argumen %(argument_name)s: %(message)s"),
    "expected one argument": N_("perlu satu nilai"),
    "invalid %(type)s value: %(value)r": N_("nilai %(type)s tidak sah: %(value)r"),
}


def command_lang(arguments: Sequence[str]) -> str:
    """The language a command line asks for: ``--lang en`` or ``--lang=en``, else Indonesian."""
    for index, argument in enumerate(arguments):
        if argument.startswith("--lang="):
            wanted = argument.removeprefix("--lang=")
        elif argument == "--lang" and index + 1 < len(arguments):
            wanted = arguments[index + 1]
        else:
            continue
        return wanted if wanted in LANGUAGES else "id"
    return "id"


def words(text: str) -> str:
    """``text`` (argparse's English or a message id of sakip's) in the command's language."""
    lang = _LANG.get()
    return gettext(_ARGPARSE.get(text, text), lang=lang) if text else text


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, help, usage and argparse's errors are in ``lang``."""
    token = _LANG.set(lang)
    # argparse looks its gettext up in its module globals at each call: swapped for the block.
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
        _LANG.reset(token)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter with every text translated: descriptions, help, section headings.

    A description written on one line is wrapped to 79 columns after translation; a text of
    several lines (the examples) keeps its lines.
    """

    def _format_text(self, text: str) -> str:
        translated = words(text)
        if "\n" not in translated:
            translated = textwrap.fill(translated, width=79) + "\n"
        return super()._format_text(translated)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return None if action.help is None else words(action.help)

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else words(heading))
