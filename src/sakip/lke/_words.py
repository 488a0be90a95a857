"""Every word the LKE modules print, as messages of sakip's catalog, in one table.

Each entry is a whole sentence or label with named placeholders, keyed so that the modules
name what they print; the catalog gives the English, and an agency's wording its own words.
"""

from __future__ import annotations

from sakip.text import LANGUAGES, N_, gettext

__all__ = ["LANGUAGES", "say"]

_WORDS: dict[str, str] = {
    "sub.mean": N_("{code} {kind}: rata-rata ({terms}) / {n} × {weight} = {value} dari {weight}"),
    "sub.sum": N_("{code} {kind}: {terms} = {value} dari {weight}"),
    "sub.missing": N_("{code} {kind}: belum dinilai, belum dijawab: {missing}"),
    "component": N_("{code} {name}: {terms} = {value} dari {weight}"),
    "total": N_("{terms} = {value} → {label} ({meaning})"),
    "total.partial": N_(
        "{terms} = {value} (sementara, dari {covered} poin yang terjawab); belum dijawab: "
        "{missing}"
    ),
    "criterion": N_("{code}: {answer} = {value} → {points}"),
    "kke": N_("{name}: {count} dari {total} = {share} % → {letter}"),
    "kke.smart": N_("SMART-C indikator"),
    "kke.cascading": N_("Keselarasan (cascading) indikator"),
    "kke.follow_up": N_("Tindak lanjut rekomendasi"),
    "violation": N_("{check}: {criterion} bernilai {value}, melebihi batas {limit}"),
    "difference": N_("{code}: mandiri {mine}, evaluator {theirs}, pengaruh pada nilai {effect}"),
    "title": N_("Lembar Kerja Evaluasi: {title}"),
    "col.code": N_("Kode"),
    "col.name": N_("Uraian"),
    "col.weight": N_("Bobot"),
    "col.self": N_("Mandiri"),
    "col.evaluator": N_("Evaluator"),
    "col.score": N_("Nilai"),
    "col.criterion": N_("Kriteria"),
    "col.effect": N_("Pengaruh pada nilai"),
    "col.check": N_("Kerangka logis"),
    "col.value": N_("Nilai kriteria"),
    "col.limit": N_("Batas"),
    "section.scores": N_("Nilai per komponen dan sub komponen"),
    "section.violations": N_("Pelanggaran kerangka logis"),
    "section.differences": N_("Perbedaan jawaban mandiri dan evaluator"),
    "total.label": N_("Nilai SAKIP"),
    "predicate.label": N_("Predikat"),
    "none": N_("Tidak ada."),
}
"""Every word of the LKE modules by key, as an Indonesian message of sakip's catalog."""


def say(key: str, lang: str = "id", /, **values: object) -> str:
    """The message ``key`` in ``lang`` ("id" or "en"), its placeholders filled."""
    return gettext(_WORDS[key], lang=lang, **values)
