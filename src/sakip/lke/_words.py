"""Every word the LKE modules print, in Indonesian and English, in one table.

Kept in one place so that the messages move to the gettext catalogues as a whole; each entry
is a whole sentence or label with named placeholders.
"""

from __future__ import annotations

from sakip.exceptions import InvalidValueError

__all__ = ["LANGUAGES", "say"]

LANGUAGES = ("id", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # scoring explanations
    "sub.mean": (
        "{code} {kind}: rata-rata ({terms}) / {n} × {weight} = {value} dari {weight}",
        "{code} {kind}: mean ({terms}) / {n} × {weight} = {value} of {weight}",
    ),
    "sub.sum": (
        "{code} {kind}: {terms} = {value} dari {weight}",
        "{code} {kind}: {terms} = {value} of {weight}",
    ),
    "sub.missing": (
        "{code} {kind}: belum dinilai, belum dijawab: {missing}",
        "{code} {kind}: not scored, unanswered: {missing}",
    ),
    "component": (
        "{code} {name}: {terms} = {value} dari {weight}",
        "{code} {name}: {terms} = {value} of {weight}",
    ),
    "total": (
        "{terms} = {value} → {label} ({meaning})",
        "{terms} = {value} → {label} ({meaning})",
    ),
    "total.partial": (
        (
            "{terms} = {value} (sementara, dari {covered} poin yang terjawab); "
            "belum dijawab: {missing}"
        ),
        "{terms} = {value} (partial, of the {covered} points answered); unanswered: {missing}",
    ),
    "criterion": (
        "{code}: {answer} = {value} → {points}",
        "{code}: {answer} = {value} → {points}",
    ),
    # share-based worksheets (KKE)
    "kke": (
        "{name}: {count} dari {total} = {share} % → {letter}",
        "{name}: {count} of {total} = {share} % → {letter}",
    ),
    "kke.smart": ("SMART-C indikator", "SMART-C of indicators"),
    "kke.cascading": ("Keselarasan (cascading) indikator", "Cascading alignment of indicators"),
    "kke.follow_up": ("Tindak lanjut rekomendasi", "Follow-up of recommendations"),
    # logic checks and raters
    "violation": (
        "{check}: {criterion} bernilai {value}, melebihi batas {limit}",
        "{check}: {criterion} scores {value}, above its limit {limit}",
    ),
    "difference": (
        "{code}: mandiri {mine}, evaluator {theirs}, pengaruh pada nilai {effect}",
        "{code}: self {mine}, evaluator {theirs}, effect on the score {effect}",
    ),
    # the report of `sakip lke`
    "title": ("Lembar Kerja Evaluasi: {title}", "Evaluation worksheet: {title}"),
    "col.code": ("Kode", "Code"),
    "col.name": ("Uraian", "Item"),
    "col.weight": ("Bobot", "Weight"),
    "col.self": ("Mandiri", "Self"),
    "col.evaluator": ("Evaluator", "Evaluator"),
    "col.score": ("Nilai", "Score"),
    "col.criterion": ("Kriteria", "Criterion"),
    "col.effect": ("Pengaruh pada nilai", "Effect on the score"),
    "col.check": ("Kerangka logis", "Logic check"),
    "col.value": ("Nilai kriteria", "Criterion value"),
    "col.limit": ("Batas", "Limit"),
    "section.scores": (
        "Nilai per komponen dan sub komponen",
        "Score by component and sub-component",
    ),
    "section.violations": ("Pelanggaran kerangka logis", "Logic-check violations"),
    "section.differences": (
        "Perbedaan jawaban mandiri dan evaluator",
        "Self vs evaluator answers",
    ),
    "total.label": ("Nilai SAKIP", "SAKIP score"),
    "predicate.label": ("Predikat", "Predicate"),
    "none": ("Tidak ada.", "None."),
}


def say(key: str, lang: str = "id", /, **values: object) -> str:
    """The message ``key`` in ``lang`` ("id" or "en"), its placeholders filled."""
    if lang not in LANGUAGES:
        raise InvalidValueError("lang", lang, "one of " + ", ".join(LANGUAGES))
    text = _WORDS[key][LANGUAGES.index(lang)]
    return text.format(**values)
