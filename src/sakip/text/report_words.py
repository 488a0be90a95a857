"""The words of the report's tables (kata laporan): column heads, titles, rules and sources.

Each word is an Indonesian message looked up by a stable key, so that the code that builds a
table names what it prints (``"rating"``) and the catalog says how it reads (``Kategori``, or
``Rating`` in English, or ``Predikat`` in an agency's own wording). The built-in rules' words
are keyed by the rule's registered name and the part printed; a rule a user registers prints in
the words it was given.
"""

from __future__ import annotations

from sakip.text import N_, gettext, pgettext

__all__ = ["RULE_WORDS", "WORDS", "rule_word", "word"]

WORDS: dict[str, str] = {
    "title": N_("Laporan Kinerja {year}"),
    "no": N_("No"),
    "indicator": N_("Indikator Kinerja"),
    "unit": N_("Satuan"),
    "target": N_("Target {year}"),
    "realization": N_("Realisasi {year}"),
    "achievement": N_("Capaian"),
    "rating": N_("Kategori"),
    "change": N_("Perubahan {a}–{b}"),
    "growth": N_("Pertumbuhan"),
    "baseline": N_("Kondisi Awal ({year})"),
    "end_target": N_("Target Akhir {year}"),
    "gap": N_("Selisih"),
    "end_achievement": N_("Capaian thd Target Akhir"),
    "progress": N_("Kemajuan"),
    "projection": N_("Proyeksi {year}"),
    "standard": N_("Standar Nasional"),
    "standard_source": N_("Sumber Standar"),
    "standard_achievement": N_("Capaian thd Standar"),
    "no_standard": N_("Tidak ada standar"),
    "t_a": N_("Perbandingan target dan realisasi kinerja tahun {year}"),
    "t_b": N_("Perbandingan realisasi kinerja tahun {year} dengan tahun-tahun sebelumnya"),
    "t_c": N_("Perbandingan realisasi kinerja dengan target akhir Renstra {end}"),
    "t_d": N_("Perbandingan realisasi kinerja tahun {year} dengan standar nasional"),
    "improved": N_("membaik"),
    "worsened": N_("memburuk"),
    "unchanged": N_("tetap"),
    "on_track_yes": N_("sesuai jalur"),
    "on_track_no": N_("tidak sesuai jalur"),
    "rule_a": N_("Capaian = {formulas}; kategori menurut {scale}"),
    "rule_a_groups": N_(
        "Capaian = {formulas}; capaian tujuan dan sasaran = {rollup}, indikator yang tidak "
        "dapat dihitung tidak diikutkan dan tidak dianggap 0; kategori menurut {scale}"
    ),
    "rule_cap": N_("capaian di atas {cap} % dihitung {cap} %"),
    "rule_b": N_(
        "Perubahan = realisasi tahun ini − realisasi tahun lalu; pertumbuhan = "
        "perubahan / |realisasi tahun lalu| × 100; membaik atau memburuk menurut "
        "polaritas indikator"
    ),
    "rule_c": N_(
        "Selisih = target akhir − realisasi; capaian = rumus capaian terhadap target "
        "akhir; kemajuan = (realisasi − kondisi awal) / (target akhir − kondisi awal) ×"
        " 100; proyeksi = {method}"
    ),
    "rule_d": N_("Capaian terhadap standar = rumus capaian dengan standar sebagai target"),
    "source_53": N_("PermenPANRB 53/2014, Lampiran, Bab III"),
    "t_efficiency": N_("Analisis efisiensi penggunaan sumber daya tahun {year}"),
    "t_budget": N_("Realisasi anggaran tahun {year}"),
    "code": N_("Kode"),
    "line": N_("Program/Kegiatan"),
    "funding": N_("Sumber Dana"),
    "ceiling": N_("Pagu {year} (Rp)"),
    "spent": N_("Realisasi {year} (Rp)"),
    "absorption": N_("Serapan"),
    "efficiency": N_("Efisiensi"),
    "rule_budget": N_("Serapan = realisasi anggaran / pagu × 100 (pagu perubahan bila ada)"),
    "rule_efficiency": N_("Efisiensi = {expression} ({title})"),
    "no_spending": N_("realisasi anggaran tidak dilaporkan"),
    "quarters_missing": N_("realisasi anggaran {quarters} tidak dilaporkan"),
    "zero_ceiling": N_("pagu 0"),
}
"""The report's words by key, as Indonesian messages ("Keterangan" has two roles, see
:func:`word`)."""

RULE_WORDS: dict[tuple[str, str], str] = {
    ("direct", "source"): N_(
        'PermenPANRB 8/2021, Lampiran, "kondisi normal"; juga format PermenPANRB 53/2014'
    ),
    ("mirror", "source"): N_(
        'PermenPANRB 8/2021, Lampiran, "kondisi khusus"; LKjIP yang mengutip Permendagri 54/2010'
    ),
    ("inverse", "source"): N_("Praktik LKjIP sebagian kabupaten"),
    ("rank-ratio", "source"): N_(
        "Aplikasi e-SAKIP pemerintah daerah dan LKjIP yang dihasilkannya"
    ),
    ("met-or-not", "source"): N_("LKjIP yang mencetak tercapai / tidak tercapai untuk tingkat"),
    ("achievement-cap", "source"): N_(
        "Praktik laporan yang membatasi capaian 100 %; PermenPANRB 8/2021 membatasi capaian "
        "kinerja individu 120 %"
    ),
    ("permendagri-86-2017", "source"): N_(
        "Permendagri 86/2017, melanjutkan Permendagri 54/2010, Lampiran, Skala Nilai "
        "Peringkat Kinerja"
    ),
    ("permendagri-86-2017-baik", "source"): N_(
        "Permendagri 86/2017, melanjutkan Permendagri 54/2010, Lampiran, Skala Nilai "
        "Peringkat Kinerja"
    ),
    ("sakip-predicate", "source"): N_(
        "PermenPANRB 12/2015, dipertahankan PermenPANRB 88/2021, Lampiran, kategori "
        "nilai hasil evaluasi"
    ),
    ("mean", "title"): N_("rata-rata capaian indikatornya, tanpa bobot dan tanpa batas atas"),
    ("mean", "source"): N_("Praktik Kemensetneg, diikuti beberapa LKjIP"),
    ("weighted-mean", "title"): N_("rata-rata tertimbang capaian indikatornya"),
    ("weighted-mean", "source"): N_("Praktik instansi yang memberi bobot pada indikatornya"),
    ("least-squares", "title"): N_(
        "garis lurus kuadrat terkecil melalui setiap tahun yang memiliki realisasi"
    ),
    ("average-change", "title"): N_(
        "rata-rata perubahan per tahun dari tahun pertama sampai tahun terakhir, "
        "dimulai dari nilai terakhir"
    ),
    ("difference", "label"): N_("selisih"),
    ("difference", "expression"): N_("capaian % − serapan %"),
    ("difference", "title"): N_("positif berarti efisien"),
    ("difference", "source"): N_("Praktik LKjIP yang diterbitkan"),
    ("share", "label"): N_("perbandingan"),
    ("share", "expression"): N_("capaian % > serapan %"),
    ("share", "title"): N_(
        "efisien bila bagian kinerja yang dicapai melebihi bagian anggaran yang terpakai"
    ),
    ("share", "source"): N_("Praktik LKjIP yang diterbitkan"),
    ("unspent", "label"): N_("sisa anggaran"),
    ("unspent", "expression"): N_("100 − serapan %"),
    ("unspent", "title"): N_(
        "bagian pagu yang tidak terpakai, dibaca sebagai penghematan hanya bila target tercapai"
    ),
    ("unspent", "source"): N_("Praktik LKjIP yang diterbitkan"),
}
"""The words of the built-in rules a report prints, by registered name and part."""


def _remark(key: str, lang: str) -> str | None:
    """The word "Keterangan" heads two columns, a trend and an outlook: one message each."""
    if key == "trend":
        return pgettext("kolom tren", "Keterangan", lang=lang)
    if key == "on_track":
        return pgettext("kolom jalur target akhir", "Keterangan", lang=lang)
    return None


def word(key: str, *, lang: str = "id", **values: object) -> str:
    """The report's word ``key`` in ``lang``, its ``{placeholders}`` filled from ``values``."""
    remark = _remark(key, lang)
    if remark is not None:
        return remark
    return gettext(WORDS[key], lang=lang, **values)


def rule_word(name: str, part: str, *, lang: str = "id") -> str:
    """A built-in rule's ``part`` (title, source, label, expression) in ``lang``."""
    return gettext(RULE_WORDS[name, part], lang=lang)
