"""Keep the catalogs in step with the code: ``python -m sakip.text._catalogs update|compile``.

``update`` extracts every message the code marks (:func:`sakip.text.gettext`, ``ngettext``,
``pgettext``, ``N_``) with Babel's extractor and merges it into each language's ``.po``: a new
message arrives untranslated, a message no longer used is dropped. Translate the new entries
in the ``.po``, then ``compile`` writes the ``.mo`` that sakip loads. ``check`` prints what
the catalog-completeness test would refuse. CONTRIBUTING.md says when to run which.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from sakip.text import DOMAIN, LANGUAGES
from sakip.text.layer import message_ids, message_strings, placeholders

__all__ = ["KEYWORDS", "check", "compile_catalogs", "extract", "main", "update"]

PACKAGE = Path(__file__).resolve().parents[1]
LOCALE = PACKAGE / "text" / "locale"
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "id")
"""The languages with a catalog: every one but Indonesian, whose words are the message ids."""

KEYWORDS = {
    "gettext": None,
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
"""The marking functions and where their messages are, in Babel's extractor's notation."""

_WIDTH = 99


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every message the code marks, as a template catalog."""
    template = Catalog(project="sakip", version="", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
    ):
        template.add(
            message,
            locations=[(f"sakip/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def read(lang: str) -> Catalog:
    """The ``.po`` catalog of ``lang`` as it is in the source tree."""
    with _po(lang).open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    # Without source locations and sorted, an entry moves only when its message changes, so
    # two changes that add messages merge cleanly.
    write_po(
        buffer, catalog, width=_WIDTH, sort_output=True, ignore_obsolete=True, no_location=True
    )
    path.write_bytes(buffer.getvalue())


def _mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> None:
    """Merge the code's messages into every ``.po``: new ones untranslated, unused ones gone."""
    template = extract()
    for lang in TRANSLATED:
        catalog = read(lang)
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created  # the header changes only when a person edits it
        catalog.revision_date = created
        catalog.version, catalog.msgid_bugs_address = "", ""
        catalog.last_translator = catalog.language_team = "The sakip developers"
        _write(catalog, _po(lang))


def compile_catalogs() -> None:
    """Write each ``.po`` as the ``.mo`` sakip loads."""
    for lang in TRANSLATED:
        _po(lang).with_suffix(".mo").write_bytes(_mo(read(lang)))


def _key(message: Message) -> tuple[str | None, str]:
    return message.context, message_ids(message)[0]


def _message_problems(lang: str, message: Message) -> Iterator[str]:
    where = f"{lang}: {message_ids(message)[0]!r}"
    if message.fuzzy:
        yield f"{where} is marked fuzzy"
    if not all(message_strings(message)):
        yield f"{where} is not translated"
        return
    expected = frozenset().union(*(placeholders(text) for text in message_ids(message)))
    for text in message_strings(message):
        if placeholders(text) != expected:
            yield f"{where}: translation {text!r} has other placeholders than the message"


def check() -> list[str]:
    """Every way the catalogs fall short of the code; empty when they are complete."""
    used = {_key(message) for message in extract() if message.id}
    problems: list[str] = []
    for lang in TRANSLATED:
        catalog = read(lang)
        held = {_key(message) for message in catalog if message.id}
        problems += [
            f"{lang}: {m!r} is used in the code but not in the catalog"
            for _, m in sorted(used - held, key=str)
        ]
        problems += [
            f"{lang}: {m!r} is in the catalog but no longer used"
            for _, m in sorted(held - used, key=str)
        ]
        problems += (
            [f"{lang}: {len(catalog.obsolete)} obsolete entries"] if catalog.obsolete else []
        )
        for message in catalog:
            if message.id:
                problems += _message_problems(lang, message)
        if _po(lang).with_suffix(".mo").read_bytes() != _mo(catalog):
            problems.append(f"{lang}: the .mo is older than the .po (run compile)")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``update``, ``compile`` or ``check``; ``check`` exits 1 when anything is wrong."""
    command = (argv if argv is not None else sys.argv[1:]) or ["check"]
    if command == ["update"]:
        update()
    elif command == ["compile"]:
        compile_catalogs()
    elif command == ["check"]:
        problems = check()
        print("\n".join(problems) or "the catalogs are complete")
        return 1 if problems else 0
    else:
        print("usage: python -m sakip.text._catalogs update|compile|check")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
