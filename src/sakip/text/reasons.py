"""Why a figure is not computable, in words: one phrase per :class:`~sakip.reasons.Reason`.

Each phrase may name the values of its :class:`~sakip.reasons.Missing`: ``{year}``,
``{realization}``, ``{target}``, ``{years}`` (the years concerned, listed), ``{rule}`` (a
rule's name), ``{quarters}`` (quarters, as TW I…), ``{figures}``, ``{output}`` and
``{periods}`` (quarters or months, as ``TW I 2024`` or ``2024-01``). A figure is
written in the reader's notation, as typed where it was typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sakip._figures import typed
from sakip.reasons import Missing, Reason, Value
from sakip.text import N_, gettext

if TYPE_CHECKING:  # only for the signatures: the comparisons import this module's phrases
    from sakip.compare import IndicatorHistory, YearRow
    from sakip.text.writer import Writer

# The say_* helpers below serve the report's tables; they are not part of the documented API.
__all__ = ["PHRASES", "say"]

PHRASES: dict[Reason, str] = {
    Reason.NO_REALIZATION: N_("tidak ada realisasi tahun {year}"),
    Reason.NO_TARGET: N_("tidak ada target untuk tahun {year}"),
    Reason.AFTER_REPORT_YEAR: N_("tahun {year} sesudah tahun laporan"),
    Reason.ZERO_TARGET: N_("realisasi {realization} terhadap target 0 tidak memiliki persentase"),
    Reason.FORMULA_UNDEFINED: N_(
        "rumus capaian tidak terdefinisi untuk realisasi {realization} terhadap target {target}"
    ),
    Reason.PREVIOUS_ZERO: N_("realisasi tahun sebelumnya 0"),
    Reason.NO_END_TARGET: N_("Renstra tidak memuat target akhir untuk indikator ini"),
    Reason.RANGE_END_TARGET: N_("target akhir berupa rentang"),
    Reason.LEVELS: N_("indikator diukur dengan tingkatan, bukan angka"),
    Reason.NO_BASELINE: N_("Renstra tidak memuat kondisi awal untuk indikator ini"),
    Reason.BASELINE_IS_END_TARGET: N_("target akhir sama dengan kondisi awal"),
    Reason.LAST_PLAN_YEAR: N_("tahun laporan adalah tahun terakhir Renstra"),
    Reason.YEARS_MISSING: N_(
        "realisasi kumulatif memerlukan setiap tahun; tidak ada realisasi tahun {years}"
    ),
    Reason.PERIODS_MISSING: N_("tidak ada realisasi {periods}"),
    Reason.TOO_FEW_YEARS: N_("tren memerlukan realisasi sekurang-kurangnya dua tahun"),
    Reason.RULE_REFUSED: N_("aturan {rule} tidak dapat menghitung dari angka ini"),
    Reason.ZERO_WHOLE: N_("keseluruhan bernilai 0"),
    Reason.ZERO_CEILING: N_("pagu 0"),
    Reason.NO_SPENDING: N_("realisasi anggaran {quarters} tidak dilaporkan"),
    Reason.ZERO_OUTPUT_FIGURE: N_("{figures} keluaran {output} bernilai 0"),
    Reason.ZERO_DENOMINATOR: N_("jumlah penyebut 0"),
    Reason.NO_COMPUTABLE_CHILD: N_("tidak ada unsur yang capaiannya dapat dihitung"),
    Reason.ZERO_WEIGHTS: N_("bobot unsur yang dapat dihitung berjumlah 0"),
    Reason.TARGET_NOT_MET: N_("tidak dibaca: target tidak tercapai"),
    Reason.NO_OFFICIAL_BANDS: N_("tanpa kategori resmi"),
    Reason.NO_PERIOD_TARGET: N_("data tidak memuat target triwulan tahun {year}"),
    Reason.NOT_REVISED: N_("PK tahun {year} tidak memuat target perubahan (PK-P) indikator ini"),
}
"""The phrase of every reason, as its Indonesian message id; a test checks none is missing."""


def _shown(value: Value | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return typed(value, lang=lang)
    if isinstance(value, tuple):
        return ", ".join(str(year) for year in value)
    return str(value)


def say(missing: Missing, *, lang: str = "id") -> str:
    """Why ``missing`` is not computable, as a phrase in ``lang``."""
    values = {name: _shown(missing.value(name), lang) for name in _NAMES}
    return gettext(PHRASES[missing.reason], lang=lang, **values)


_NAMES = (
    "year",
    "realization",
    "target",
    "years",
    "rule",
    "quarters",
    "figures",
    "output",
    "periods",
)


# --- why a report's figure is missing, in the report's language ------------------------


def say_missing(w: Writer, missing: Missing | None) -> str:
    """Why a figure is missing, in the report's language (``""`` when it is not)."""
    return "" if missing is None else missing.explain(lang=w.lang)


def say_row_reason(w: Writer, row: YearRow) -> str:
    """Why a year has no achievement."""
    return say_missing(w, row.missing)


def say_history_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of an indicator's history (``"end target"``, ``"standard"``) is missing."""
    return say_missing(w, found.missing_for(part.replace(" ", "-")))


def say_end_reason(w: Writer, found: IndicatorHistory, part: str) -> str:
    """Why a part of the end-target comparison (table c) is missing."""
    end = found.end
    if end is None:
        return say_history_reason(w, found, "end target")
    return say_missing(w, end.missing_for(part.replace(" ", "-")))
