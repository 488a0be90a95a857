"""Where the audit's rules come from, in words: its own sources as messages (sumber).

A source sakip cites is printed in the reader's language with its evidence grade; a source a
user gave is printed as it is.
"""

from __future__ import annotations

from sakip.rules import Source
from sakip.text import N_, check_lang, gettext

__all__ = ["say_source"]

_SOURCES = {
    ("PermenPANRB 53/2014", "Lampiran, Bab III (analisis capaian kinerja)"): N_(
        "PermenPANRB 53/2014, Lampiran, Bab III (analisis capaian kinerja)"
    ),
    ("PermenPANRB 53/2014", "Lampiran, Bab III B (realisasi anggaran)"): N_(
        "PermenPANRB 53/2014, Lampiran, Bab III B (realisasi anggaran)"
    ),
}


def say_source(source: Source, lang: str) -> str:
    """Where a rule comes from, with its grade, in ``lang`` where sakip knows the words."""
    message = _SOURCES.get((source.reference, source.location or ""))
    if message is None:
        return str(source)
    return f"{gettext(message, lang=check_lang(lang))} [{source.grade.value}]"
