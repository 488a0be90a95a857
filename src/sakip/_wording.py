"""Words and numbers in Indonesian and English, for the report, the audit and the renderers.

Results say why a figure is missing in English, the library's language, and with a
:class:`~sakip.Reason` code; the words here put codes, built-in rules and table labels into the
language a reader asked for.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

from sakip.achievement import DIRECT, INVERSE, MIRROR, Achievement, AchievementFormula
from sakip.budget import DIFFERENCE, SHARE, UNSPENT, EfficiencyConvention
from sakip.compare import (
    AVERAGE_CHANGE,
    LEAST_SQUARES,
    Change,
    Gap,
    IndicatorHistory,
    ProjectionMethod,
    StandardComparison,
    YearRow,
)
from sakip.exceptions import InvalidValueError
from sakip.locale import format_number, format_rupiah
from sakip.model import TargetLike, TargetRange
from sakip.reasons import Missing
from sakip.rules import Source
from sakip.scales import (
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    RatingScale,
)

__all__ = [
    "BUILTIN_RULES",
    "LANGUAGES",
    "RULE_WORDS",
    "WORDS",
    "Rule",
    "Writer",
    "check_lang",
    "explain_in",
    "say_history_reason",
    "say_missing",
    "say_row_reason",
    "say_source",
]

LANGUAGES = ("id", "en")
"""The languages a report can be written in, Indonesian (the default) and English."""


# --- words --------------------------------------------------------------------------------

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan Kinerja {year}",
        "no": "No",
        "indicator": "Indikator Kinerja",
        "unit": "Satuan",
        "target": "Target {year}",
        "realization": "Realisasi {year}",
        "achievement": "Capaian",
        "rating": "Kategori",
        "change": "Perubahan {a}–{b}",
        "growth": "Pertumbuhan",
        "trend": "Keterangan",
        "baseline": "Kondisi Awal ({year})",
        "end_target": "Target Akhir {year}",
        "gap": "Selisih",
        "end_achievement": "Capaian thd Target Akhir",
        "progress": "Kemajuan",
        "projection": "Proyeksi {year}",
        "on_track": "Keterangan",
        "standard": "Standar Nasional",
        "standard_source": "Sumber Standar",
        "standard_achievement": "Capaian thd Standar",
        "no_standard": "Tidak ada standar",
        "t_a": "Perbandingan target dan realisasi kinerja tahun {year}",
        "t_b": "Perbandingan realisasi kinerja tahun {year} dengan tahun-tahun sebelumnya",
        "t_c": "Perbandingan realisasi kinerja dengan target akhir Renstra {end}",
        "t_d": "Perbandingan realisasi kinerja tahun {year} dengan standar nasional",
        "improved": "membaik",
        "worsened": "memburuk",
        "unchanged": "tetap",
        "on_track_yes": "sesuai jalur",
        "on_track_no": "tidak sesuai jalur",
        "rule_a": "Capaian = {formulas}; kategori menurut {scale}",
        "rule_b": (
            "Perubahan = realisasi tahun ini − realisasi tahun lalu; pertumbuhan = perubahan / "
            "|realisasi tahun lalu| × 100; membaik atau memburuk menurut polaritas indikator"
        ),
        "rule_c": (
            "Selisih = target akhir − realisasi; capaian = rumus capaian terhadap target akhir; "
            "kemajuan = (realisasi − kondisi awal) / (target akhir − kondisi awal) × 100; "
            "proyeksi = {method}"
        ),
        "rule_d": "Capaian terhadap standar = rumus capaian dengan standar sebagai target",
        "source_53": "PermenPANRB 53/2014, Lampiran, Bab III",
        "t_efficiency": "Analisis efisiensi penggunaan sumber daya tahun {year}",
        "t_budget": "Realisasi anggaran tahun {year}",
        "code": "Kode",
        "line": "Program/Kegiatan",
        "funding": "Sumber Dana",
        "ceiling": "Pagu {year} (Rp)",
        "spent": "Realisasi {year} (Rp)",
        "absorption": "Serapan",
        "efficiency": "Efisiensi",
        "rule_budget": "Serapan = realisasi anggaran / pagu × 100 (pagu perubahan bila ada)",
        "rule_efficiency": "Efisiensi = {expression} ({title})",
        "no_spending": "realisasi anggaran tidak dilaporkan",
        "quarters_missing": "realisasi anggaran {quarters} tidak dilaporkan",
        "zero_ceiling": "pagu 0",
    },
    "en": {
        "title": "Performance Report {year}",
        "no": "No",
        "indicator": "Performance indicator",
        "unit": "Unit",
        "target": "Target {year}",
        "realization": "Realization {year}",
        "achievement": "Achievement",
        "rating": "Rating",
        "change": "Change {a}–{b}",
        "growth": "Growth",
        "trend": "Remark",
        "baseline": "Baseline ({year})",
        "end_target": "End target {year}",
        "gap": "Gap",
        "end_achievement": "Achievement vs end target",
        "progress": "Progress",
        "projection": "Projection {year}",
        "on_track": "Remark",
        "standard": "National standard",
        "standard_source": "Source of the standard",
        "standard_achievement": "Achievement vs standard",
        "no_standard": "No standard",
        "t_a": "Target and realization in {year}",
        "t_b": "Realization in {year} compared with earlier years",
        "t_c": "Realization compared with the Renstra end target for {end}",
        "t_d": "Realization in {year} compared with the national standard",
        "improved": "improved",
        "worsened": "worsened",
        "unchanged": "unchanged",
        "on_track_yes": "on track",
        "on_track_no": "off track",
        "rule_a": "Achievement = {formulas}; rated on {scale}",
        "rule_b": (
            "Change = this year's realization − last year's; growth = change / |last year's| "
            "× 100; improved or worsened by the indicator's polarity"
        ),
        "rule_c": (
            "Gap = end target − realization; achievement = the achievement formula against "
            "the end target; progress = (realization − baseline) / (end target − baseline) "
            "× 100; projection = {method}"
        ),
        "rule_d": "Achievement vs standard = the achievement formula with the standard as target",
        "source_53": "PermenPANRB 53/2014, Appendix, Chapter III",
        "t_efficiency": "Efficiency of resource use in {year}",
        "t_budget": "Budget realization in {year}",
        "code": "Code",
        "line": "Program/activity",
        "funding": "Funding source",
        "ceiling": "Ceiling {year} (Rp)",
        "spent": "Spent {year} (Rp)",
        "absorption": "Absorption",
        "efficiency": "Efficiency",
        "rule_budget": (
            "Absorption = spent / ceiling × 100 (the revised ceiling when there is one)"
        ),
        "rule_efficiency": "Efficiency = {expression} ({title})",
        "no_spending": "no spending is reported",
        "quarters_missing": "no spending is reported for {quarters}",
        "zero_ceiling": "the ceiling is 0",
    },
}

BUILTIN_RULES: tuple[object, ...] = (
    DIRECT,
    MIRROR,
    INVERSE,
    PERMENDAGRI_86_2017,
    PERMENDAGRI_86_2017_BAIK,
    SAKIP_PREDICATE,
    LEAST_SQUARES,
    AVERAGE_CHANGE,
    DIFFERENCE,
    SHARE,
    UNSPENT,
)
"""The built-in rules a report can show; each has its words in :data:`RULE_WORDS`."""

_PRACTICE_ID = "Praktik LKjIP yang diterbitkan"
_PRACTICE_EN = "Practice of published LKjIPs"

# The rules' own titles and sources are English, the library's language; a report prints a
# built-in rule in its own language from here, by registered name and part. A rule a user
# made is printed in the words it was given.
RULE_WORDS: dict[str, dict[tuple[str, str], str]] = {
    "id": {
        ("direct", "source"): (
            'PermenPANRB 8/2021, Lampiran, "kondisi normal"; juga format PermenPANRB 53/2014'
        ),
        ("mirror", "source"): (
            'PermenPANRB 8/2021, Lampiran, "kondisi khusus"; '
            "LKjIP yang mengutip Permendagri 54/2010"
        ),
        ("inverse", "source"): "Praktik LKjIP sebagian kabupaten",
        ("permendagri-86-2017", "source"): (
            "Permendagri 86/2017, melanjutkan Permendagri 54/2010, Lampiran, "
            "Skala Nilai Peringkat Kinerja"
        ),
        ("permendagri-86-2017-baik", "source"): (
            "Permendagri 86/2017, melanjutkan Permendagri 54/2010, Lampiran, "
            "Skala Nilai Peringkat Kinerja"
        ),
        ("sakip-predicate", "source"): (
            "PermenPANRB 12/2015, dipertahankan PermenPANRB 88/2021, Lampiran, "
            "kategori nilai hasil evaluasi"
        ),
        ("least-squares", "title"): (
            "garis lurus kuadrat terkecil melalui setiap tahun yang memiliki realisasi"
        ),
        ("average-change", "title"): (
            "rata-rata perubahan per tahun dari tahun pertama sampai tahun terakhir, "
            "dimulai dari nilai terakhir"
        ),
        ("difference", "label"): "selisih",
        ("difference", "expression"): "capaian % − serapan %",
        ("difference", "title"): "positif berarti efisien",
        ("difference", "source"): f"{_PRACTICE_ID}, E1",
        ("share", "label"): "perbandingan",
        ("share", "expression"): "capaian % > serapan %",
        ("share", "title"): (
            "efisien bila bagian kinerja yang dicapai melebihi bagian anggaran yang terpakai"
        ),
        ("share", "source"): f"{_PRACTICE_ID}, E2",
        ("unspent", "label"): "sisa anggaran",
        ("unspent", "expression"): "100 − serapan %",
        ("unspent", "title"): (
            "bagian pagu yang tidak terpakai, dibaca sebagai penghematan hanya bila target "
            "tercapai"
        ),
        ("unspent", "source"): f"{_PRACTICE_ID}, E3",
    },
    "en": {
        ("direct", "source"): (
            'PermenPANRB 8/2021, Appendix, "kondisi normal"; also the PermenPANRB 53/2014 format'
        ),
        ("mirror", "source"): (
            'PermenPANRB 8/2021, Appendix, "kondisi khusus"; LKjIPs citing Permendagri 54/2010'
        ),
        ("inverse", "source"): "Practice of some regencies' LKjIPs",
        ("permendagri-86-2017", "source"): (
            "Permendagri 86/2017, continuing Permendagri 54/2010, Appendix, "
            "Skala Nilai Peringkat Kinerja"
        ),
        ("permendagri-86-2017-baik", "source"): (
            "Permendagri 86/2017, continuing Permendagri 54/2010, Appendix, "
            "Skala Nilai Peringkat Kinerja"
        ),
        ("sakip-predicate", "source"): (
            "PermenPANRB 12/2015, kept by PermenPANRB 88/2021, Appendix, "
            "kategori nilai hasil evaluasi"
        ),
        ("least-squares", "title"): LEAST_SQUARES.title,
        ("average-change", "title"): AVERAGE_CHANGE.title,
        ("difference", "label"): "difference",
        ("difference", "expression"): "achievement % − absorption %",
        ("difference", "title"): "positive is efficient",
        ("difference", "source"): f"{_PRACTICE_EN}, E1",
        ("share", "label"): "share",
        ("share", "expression"): "achievement % > absorption %",
        ("share", "title"): SHARE.title,
        ("share", "source"): f"{_PRACTICE_EN}, E2",
        ("unspent", "label"): "unspent",
        ("unspent", "expression"): "100 − absorption %",
        ("unspent", "title"): UNSPENT.title,
        ("unspent", "source"): f"{_PRACTICE_EN}, E3",
    },
}


Rule: TypeAlias = AchievementFormula | RatingScale | ProjectionMethod | EfficiencyConvention


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidValueError("lang", lang, "one of 'id', 'en'")
    return lang


class Writer:
    """Words and numbers in one language.

    ``computed`` names the ``(indicator, year)`` realizations sakip computed (a ratio's year
    value from quarterly counts, say): they print rounded half-up to 2 places, while a value the
    data holds prints as it was typed.
    """

    def __init__(self, lang: str, computed: frozenset[tuple[str, int]] = frozenset()) -> None:
        self.lang = lang
        self.words = WORDS[lang]
        self.computed = computed

    def places(self, code: str, value: Decimal, *years: int) -> int | None:
        """The decimals a figure made from the realizations of ``years`` prints with."""
        exponent = value.as_tuple().exponent
        beyond = isinstance(exponent, int) and exponent < -2
        return 2 if beyond and any((code, year) in self.computed for year in years) else None

    def real(self, code: str, value: Decimal, *years: int) -> str:
        """A realization, or a figure made from realizations, as printed (see :meth:`places`)."""
        return self.n(value, self.places(code, value, *years))

    def __call__(self, key: str, **values: object) -> str:
        return self.words[key].format(**values)

    def n(self, value: Decimal, places: int | None = None) -> str:
        return format_number(value, places, lang=self.lang)

    def pct(self, value: Decimal) -> str:
        sign = " %" if self.lang == "id" else "%"
        return f"{format_number(value, 2, lang=self.lang)}{sign}"

    def target(self, target: TargetLike) -> str:
        if isinstance(target, TargetRange):
            return f"{self.n(target.low)}–{self.n(target.high)}"
        return self.n(target.value)

    def money(self, value: Decimal) -> str:
        return format_rupiah(value, lang=self.lang)

    def id_en(self, indonesian: str, english: str) -> str:
        return indonesian if self.lang == "id" else english

    def rule(self, rule: Rule, part: str, own: str) -> str:
        """A built-in rule's ``part`` in this language; ``own`` for a rule a user made."""
        if any(rule is builtin for builtin in BUILTIN_RULES):
            return RULE_WORDS[self.lang][rule.name, part]
        return own

    def source(self, rule: Rule) -> str:
        """Where a rule comes from, with its evidence grade."""
        said = self.rule(rule, "source", "")
        return f"{said} [{rule.source.grade.value}]" if said else str(rule.source)


# --- why a figure is missing -----------------------------------------------------------------
# Results say why with a Missing (a Reason code and the values involved); its words come from
# the text layer in the report's language.


def say_missing(w: Writer, missing: Missing | None) -> str:
    """Why a figure is missing, in the report's language (``""`` when it is not)."""
    return "" if missing is None else missing.explain(lang=w.lang)


def say_row_reason(w: Writer, row: YearRow) -> str:
    """Why a year has no achievement."""
    return say_missing(w, row.missing)


def say_history_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of an indicator's history (``"end target"``, ``"standard"``) is missing."""
    return say_missing(w, found.missing_for(part.replace(" ", "-")))


def explain_in(result: Achievement | Change | Gap | StandardComparison, lang: str) -> str:
    """A result's explanation in ``lang``, its figures in Indonesian notation as a report's."""
    return result.explain(check_lang(lang), numbers="id")


# The audit's own sources, in English; a source a user gave is printed as it is.
_SOURCE_EN = {
    ("PermenPANRB 53/2014", "Lampiran, Bab III (analisis capaian kinerja)"): (
        "PermenPANRB 53/2014, Appendix, Chapter III (analysis of performance achievement)"
    ),
    ("PermenPANRB 53/2014", "Lampiran, Bab III B (realisasi anggaran)"): (
        "PermenPANRB 53/2014, Appendix, Chapter III B (budget realization)"
    ),
}


def say_source(source: Source, lang: str) -> str:
    """Where a rule comes from, with its grade, in ``lang`` where sakip knows the words."""
    english = _SOURCE_EN.get((source.reference, source.location or ""))
    if check_lang(lang) == "en" and english is not None:
        return f"{english} [{source.grade.value}]"
    return str(source)
