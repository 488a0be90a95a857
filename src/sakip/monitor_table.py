"""The monitoring table of a report (tabel pemantauan): quarters or months to date, in words.

``monitoring_table`` turns a :class:`~sakip.Monitoring` into a report
:class:`~sakip.report.Table`, so that every renderer (text, Markdown, HTML, JSON, XLSX, Word)
prints it as it prints chapter III's tables. :func:`sakip.build_report` adds it when given
``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sakip.locale import format_month
from sakip.model import TargetLike
from sakip.monitor import RUN_RATE, IndicatorMonitoring, Monitoring, PeriodRow, SubPeriod
from sakip.periods import Month
from sakip.reasons import Missing
from sakip.report import Cell, Column, Table
from sakip.text import N_
from sakip.text.writer import Writer

__all__ = ["monitoring_table"]

_COLUMNS = (
    ("no", N_("No")),
    ("indicator", N_("Indikator Kinerja")),
    ("period", N_("Periode")),
    ("target", N_("Target Periode")),
    ("realization", N_("Realisasi Periode")),
    ("to_date", N_("Realisasi s.d. Periode")),
    ("achievement", N_("Capaian thd Target Periode")),
    ("year_target", N_("Target Tahun")),
    ("year_achievement", N_("Capaian thd Target Tahun")),
    ("projection", N_("Proyeksi Tahun")),
)


def _period(w: Writer, period: SubPeriod) -> str:
    if isinstance(period, Month):
        return format_month(period.year, period.number, lang=w.lang)
    return w.gettext("TW {roman} {year}", roman=period.roman, year=period.year)


def _why(w: Writer, missing: Missing | None) -> str:
    return "" if missing is None else missing.explain(lang=w.lang)


def _target(w: Writer, code: str, target: TargetLike | None, note: str) -> Cell:
    if target is None:
        return Cell.missing(note)
    return Cell.text(w.target(target, code))


def _percent(value: Decimal | None, missing: Missing | None, w: Writer) -> Cell:
    return Cell.percent(value, _why(w, missing))


def _row(
    w: Writer, index: int, found: IndicatorMonitoring, row: PeriodRow, last: bool
) -> tuple[Cell, ...]:
    achieved, for_year = row.achievement, row.year_achievement
    code = found.indicator.code
    no_target = w.gettext("tidak ada target periode")
    tail = (Cell.text(""), Cell.text(""))
    if last:
        no_year = w.gettext("tidak ada target tahun {year}", year=found.year)
        tail = (
            _target(w, code, found.year_target, no_year),
            Cell.number(found.projection, w.fixed.get(code, 2), _why(w, found.projection_missing)),
        )
    return (
        Cell.text(str(index)) if row is found.rows[0] else Cell.text(""),
        Cell.text(found.indicator.name) if row is found.rows[0] else Cell.text(""),
        Cell.text(_period(w, row.period)),
        _target(w, code, row.target, no_target),
        Cell.number(
            row.realization, w.figure_places(code, row.realization), w.gettext("tidak dilaporkan")
        ),
        Cell.number(row.to_date, w.figure_places(code, row.to_date), _why(w, row.to_date_missing)),
        _percent(None if achieved is None else achieved.percent, row.achievement_missing, w),
        tail[0],
        _percent(None if for_year is None else for_year.percent, row.year_achievement_missing, w),
        tail[1],
    )


def _sentences(w: Writer, result: Monitoring) -> Iterable[str]:
    until = _period(w, result.as_of)
    for found in result.indicators:
        last, code = found.rows[-1], found.indicator.code
        if last.to_date is not None and last.year_achievement is not None:
            yield w.gettext(
                "Sampai dengan {period}, realisasi {name} {to_date}, {percent} dari target "
                "tahun {target}.",
                period=until,
                name=found.indicator.name,
                to_date=w.n(last.to_date, w.figure_places(code, last.to_date)),
                percent=w.pct(last.year_achievement.percent),
                target=w.target(found.year_target, code),  # type: ignore[arg-type]  # achieved
            )
        if found.missing_periods:
            periods = ", ".join(_period(w, period) for period in found.missing_periods)
            yield w.gettext(
                "Realisasi {name} tidak dilaporkan untuk {periods}.",
                name=found.indicator.name,
                periods=periods,
            )
    if not result.indicators:
        yield w.gettext(
            "Tidak ada target maupun realisasi periode sampai dengan {period}.", period=until
        )


def monitoring_table(w: Writer, result: Monitoring) -> Table:
    """The monitoring table up to the as-of period, in the writer's language."""
    rows = [
        _row(w, index, found, row, row is found.rows[-1])
        for index, found in enumerate(result.indicators, 1)
        for row in found.rows
    ]
    return Table(
        key="monitoring",
        number="3.7",
        title=w.gettext(
            "Pemantauan kinerja sampai dengan {period}", period=_period(w, result.as_of)
        ),
        columns=tuple(Column(key=key, title=w.gettext(title)) for key, title in _COLUMNS),
        rows=tuple(rows),
        rule=w.gettext(
            "Capaian thd target periode = realisasi s.d. periode (target kumulatif) atau "
            "realisasi periode (target per periode) terhadap target periode; capaian thd "
            "target tahun = realisasi s.d. periode terhadap target tahun (PK, atau Renstra); "
            "realisasi s.d. periode menurut cara agregasi indikator; proyeksi tahun = "
            "realisasi s.d. periode × jumlah periode setahun / periode berjalan untuk "
            "indikator jumlah, realisasi s.d. periode untuk lainnya"
        ),
        source=w.gettext(
            "Pemantauan rencana aksi PK (praktik); proyeksi: pilihan sakip ({grade})",
            grade=RUN_RATE.grade.value,
        ),
        sentences=tuple(_sentences(w, result)),
        lang=w.lang,
    )
