"""The Renja evaluation form in words (formulir evaluasi hasil Renja), for every format.

:func:`renja_report` turns a :class:`~sakip.renja.RenjaEvaluation` into a
:class:`~sakip.report.Report` holding one :class:`~sakip.report.Table`: columns 1 to 15 as the
form numbers them, each of 5 to 14 split into K (kinerja) and Rp (the money), the objectives'
rows among the programs', activities' and sub-activities', and the form's footer (average
achievement, predicate, the author's factors and follow-up, the note on the sums) as the
table's sentences. Every renderer of :data:`sakip.present.FORMATS` prints it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from sakip.analysis.settings import places_of
from sakip.model import BudgetLevel, Dataset, Target, TargetLike
from sakip.periods import Quarter
from sakip.reasons import Missing
from sakip.renja import RenjaEvaluation, RenjaFigures, RenjaRow, renja_evaluation
from sakip.report import Cell, Column, GroupRow, Report, RowLevel, Table
from sakip.scales import PERMENDAGRI_86_2017
from sakip.text import N_, check_lang
from sakip.text.writer import Writer

__all__ = ["KINDS", "renja_report", "renja_table"]

KINDS = ("K", "Rp")
"""The two figures of columns 5 to 14, K (kinerja, the indicator's) and Rp (rupiah)."""

_HEADS = (
    N_("Target Renstra akhir periode ({year})"),
    N_("Realisasi capaian Renstra s.d. Renja tahun lalu ({year})"),
    N_("Target Renja tahun {year}"),
    N_("Realisasi TW I"),
    N_("Realisasi TW II"),
    N_("Realisasi TW III"),
    N_("Realisasi TW IV"),
    N_("Realisasi capaian Renja tahun {year}"),
    N_("Realisasi capaian Renstra s.d. tahun {year}"),
    N_("Tingkat capaian Renstra s.d. tahun {year} (%)"),
)
"""The headings of columns 5 to 14, as the form prints them."""

_LEVELS = {
    BudgetLevel.PROGRAM: N_("Program"),
    BudgetLevel.ACTIVITY: N_("Kegiatan"),
    BudgetLevel.SUB_ACTIVITY: N_("Sub Kegiatan"),
}

_ANALYSIS = (
    ("supporting", N_("Faktor pendorong")),
    ("obstacles", N_("Faktor penghambat")),
    ("measures", N_("Upaya")),
    ("follow_up", N_("Tindak lanjut")),
)


def _year_of(index: int, form: RenjaEvaluation) -> int:
    return (form.plan_end, form.year - 1, form.year)[min(index, 2)]


def _columns(w: Writer, form: RenjaEvaluation) -> tuple[Column, ...]:
    first = (
        Column(key="1", title=w.gettext("(1) No")),
        Column(key="2", title=w.gettext("(2) Sasaran")),
        Column(key="3", title=w.gettext("(3) Program/Kegiatan/Sub Kegiatan")),
        Column(key="4", title=w.gettext("(4) Indikator kinerja (satuan)")),
    )
    figures = tuple(
        Column(
            key=f"{number}-{kind}",
            title=f"({number}) {w.gettext(head, year=_year_of(index, form))} {kind}",
        )
        for index, (number, head) in enumerate(zip(range(5, 15), _HEADS, strict=True))
        for kind in KINDS
    )
    last = Column(key="15", title=w.gettext("(15) Unit penanggung jawab"))
    return (*first, *figures, last)


def _cell(
    w: Writer, value: Decimal | TargetLike | Missing | None, money: bool, code: str | None = None
) -> Cell:
    """A figure of the form: an amount in rupiah, or a K figure of the indicator ``code``.

    A K figure prints in the indicator's places when they are set (``places`` of the
    indicator or of the data's settings), else as the data gives it, a mean or a ratio sakip
    computed to 2 places.
    """
    if value is None:  # the form leaves it empty (a quarter after the as-of quarter)
        return Cell.blank()
    if isinstance(value, Missing):
        return Cell.missing(value.explain(lang=w.lang))
    if isinstance(value, Target):
        value = value.value
    if not isinstance(value, Decimal):  # a range or a comparator target, as written
        return Cell.text(w.target(value, code))
    if money:
        return Cell.money(value)
    return Cell.number(value, w.figure_places(code, value))


def _figures(
    w: Writer, figures: RenjaFigures | None, money: bool, code: str | None = None
) -> list[Cell]:
    if figures is None:
        return [Cell.blank()] * 10
    cells = [
        _cell(w, value, money, code)
        for value in (
            figures.end_target,
            figures.before,
            figures.year_target,
            *figures.quarters,
            figures.year,
            figures.to_date,
        )
    ]
    reached = figures.achievement
    cells.append(
        Cell.percent(reached) if isinstance(reached, Decimal) else _cell(w, reached, money)
    )
    return cells


def _label(w: Writer, row: RenjaRow) -> str:
    return f"{w.gettext(_LEVELS[row.level])} {row.item.code} {row.item.name}"


def _rows(w: Writer, index: int, row: RenjaRow) -> Iterator[tuple[Cell, ...]]:
    lines = row.indicators or (None,)
    for place, line in enumerate(lines):
        head = place == 0
        k, code = (None, None) if line is None else (line.k, line.indicator.code)
        rp = _figures(w, row.rp if head else None, money=True)
        kinds = _figures(w, k, money=False, code=code)
        paired = [cell for pair in zip(kinds, rp, strict=True) for cell in pair]
        indicator = "" if line is None else f"{line.indicator.name} ({line.indicator.unit})"
        yield (
            Cell.text(str(index) if head else ""),
            Cell.blank(),
            Cell.text(_label(w, row) if head else ""),
            Cell.text(indicator),
            *paired,
            Cell.text((row.item.unit or "") if head else ""),
        )


def _table_rows(
    w: Writer, form: RenjaEvaluation, dataset: Dataset, width: int
) -> tuple[list[tuple[Cell, ...]], list[GroupRow]]:
    rows: list[tuple[Cell, ...]] = []
    groups: list[GroupRow] = []
    current: object = ()
    for index, row in enumerate(form.rows, 1):
        if row.objective != current:
            current = row.objective
            name = (
                w.gettext("(tanpa sasaran)")
                if row.objective is None
                else f"{row.objective} {dataset.plan.objective(row.objective).name}"
            )
            cells = (Cell.blank(), Cell.text(name), *([Cell.blank()] * (width - 2)))
            groups.append(
                GroupRow(
                    level=RowLevel.OBJECTIVE,
                    code=row.objective or "",
                    before=len(rows),
                    cells=cells,
                )
            )
        rows.extend(_rows(w, index, row))
    return rows, groups


def _period(w: Writer, quarter: Quarter) -> str:
    return w.gettext("TW {roman} {year}", roman=quarter.roman, year=quarter.year)


def _footer(w: Writer, form: RenjaEvaluation, dataset: Dataset) -> Iterable[str]:
    if isinstance(form.average, Decimal):
        yield w.gettext(
            "Rata-rata capaian kinerja: {percent} (rata-rata kolom 14 dari {count} indikator).",
            percent=w.pct(form.average),
            count=len(form.counted),
        )
    else:
        yield w.gettext(
            "Rata-rata capaian kinerja: tidak dapat dihitung ({why}).",
            why=form.average.explain(lang=w.lang),
        )
    if form.rating is not None:
        yield w.gettext(
            "Predikat kinerja: {label} (skala {scale}).",
            label=form.rating.label,
            scale=PERMENDAGRI_86_2017.name,
        )
    for analysis in form.analyses:
        name = dataset.indicator(analysis.indicator).name
        for field, label in _ANALYSIS:
            text = getattr(analysis, field)
            if text is not None:
                yield f"{w.gettext(label)} ({name}): {text}"
    if not form.analyses:
        yield w.gettext(
            "Faktor pendorong, faktor penghambat dan tindak lanjut: tidak ada dalam data."
        )
    if form.not_summed:
        names = ", ".join(dataset.indicator(code).name for code in form.not_summed)
        yield w.gettext(
            "Catatan: kolom 12 dan 13 {names} bukan jumlah triwulan atau tahun; menjumlahkan "
            "persentase atau nilai tingkat menyesatkan. sakip memakai cara agregasi yang "
            "dinyatakan indikator (nilai akhir, rata-rata atau rasio).",
            names=names,
        )


def renja_table(w: Writer, form: RenjaEvaluation, dataset: Dataset) -> Table:
    """The form as one table, in the writer's language."""
    columns = _columns(w, form)
    rows, groups = _table_rows(w, form, dataset, len(columns))
    return Table(
        key="renja-evaluation",
        number="1",
        title=w.gettext(
            "Evaluasi terhadap Hasil Renja Perangkat Daerah {agency} Periode Pelaksanaan {period}",
            agency=dataset.agency.name,
            period=_period(w, form.as_of),
        ),
        columns=columns,
        rows=tuple(rows),
        groups=tuple(groups),
        rule=w.gettext(
            "K = kinerja (angka indikator), Rp = anggaran; 12 = triwulan s.d. periode menurut "
            "cara agregasi indikator; 13 = 6 + 12 untuk indikator kumulatif, 12 untuk "
            "lainnya; 14 = 13 / 5 × 100 menurut rumus capaian indikator; Rp 7 = pagu "
            "(perubahan bila ada), Rp 8-12 = realisasi anggaran triwulan; triwulan sesudah "
            "periode dikosongkan; rata-rata capaian = rata-rata kolom 14"
        ),
        source=w.gettext(
            "Permendagri 86/2017, formulir evaluasi terhadap hasil Renja Perangkat Daerah; "
            "predikat: skala nilai peringkat kinerja Permendagri 86/2017"
        ),
        sentences=tuple(_footer(w, form, dataset)),
        lang=w.lang,
    )


def _fixed_places(dataset: Dataset, form: RenjaEvaluation) -> dict[str, int]:
    """The places of each indicator on the form whose figures have them set, by code."""
    chosen = (
        (line.indicator.code, places_of(dataset, line.indicator))
        for row in form.rows
        for line in row.indicators
    )
    return {code: places for code, places in chosen if places is not None}


def renja_report(dataset: Dataset, *, as_of: Quarter | str, lang: str = "id") -> Report:
    """The Renja evaluation form of ``dataset`` up to ``as_of``, as a report in ``lang``.

    >>> from sakip.renja_table import renja_report
    >>> dataset = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
    >>> report = renja_report(dataset, as_of="TW III 2024")
    >>> report.title, report.heading
    ('Evaluasi terhadap Hasil Renja Perangkat Daerah', 'Periode Pelaksanaan TW III 2024')
    >>> [column.key for column in report.tables[0].columns][:6]
    ['1', '2', '3', '4', '5-K', '5-Rp']
    """
    form = renja_evaluation(dataset, as_of=as_of)
    w = Writer(check_lang(lang), fixed=_fixed_places(dataset, form))
    return Report(
        title=w.gettext("Evaluasi terhadap Hasil Renja Perangkat Daerah"),
        agency=dataset.agency.name,
        year=form.year,
        lang=w.lang,
        tables=(renja_table(w, form, dataset),),
        heading=w.gettext("Periode Pelaksanaan {period}", period=_period(w, form.as_of)),
    )
