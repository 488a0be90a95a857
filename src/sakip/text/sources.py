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
    ("Kemensetneg practice, reproduced in several LKjIPs", ""): N_(
        "praktik Kemensetneg, diikuti beberapa LKjIP"
    ),
    ("Practice of published LKjIPs", "counts and money are summed"): N_(
        "praktik LKjIP yang terbit: jumlah dan uang dijumlahkan"
    ),
    ("Practice of published LKjIPs", "levels take the last reported value"): N_(
        "praktik LKjIP yang terbit: tingkat memakai nilai terakhir yang dilaporkan"
    ),
    ("Practice of published LKjIPs", "some use the average"): N_(
        "praktik LKjIP yang terbit: sebagian memakai rata-rata"
    ),
    (
        "Practice of published LKjIPs",
        "ratio indicators aggregate as Σnumerator / Σdenominator",
    ): N_("praktik LKjIP yang terbit: indikator rasio dihitung Σ pembilang / Σ penyebut"),
    (
        "Practice of agencies' quarterly monitoring (rencana aksi, e-SAKIP applications)",
        "",
    ): N_("praktik pemantauan triwulanan instansi (rencana aksi, aplikasi e-SAKIP)"),
    ("Practice of published revised performance agreements (PK Perubahan)", ""): N_(
        "praktik PK Perubahan yang terbit"
    ),
    (
        (
            "sakip policy: a printed figure agrees when the recomputed figure, rounded half-up "
            "to the decimals printed, equals it"
        ),
        "",
    ): N_(
        "kebijakan sakip: angka yang dicetak sesuai bila nilai hitung ulang, dibulatkan "
        "setengah ke atas ke jumlah desimal yang dicetak, sama dengannya"
    ),
}


def say_source(source: Source, lang: str) -> str:
    """Where a rule comes from, with its grade, in ``lang`` where sakip knows the words."""
    message = _SOURCES.get((source.reference, source.location or ""))
    if message is None:
        return str(source)
    return f"{gettext(message, lang=check_lang(lang))} [{source.grade.value}]"
