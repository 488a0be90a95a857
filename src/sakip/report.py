"""Chapter III of a performance report (Bab III LKjIP) as data: tables, rules and sentences.

:func:`~sakip.build_report` turns a :class:`~sakip.Dataset` into a :class:`Report`: the tables that
PermenPANRB 53/2014 (Lampiran, Bab III) asks for, for every indicator: (a) target against
realization with achievement and rating; (b) the series of years; (c) the Renstra end target;
(d) the national standard; (f) efficiency; and B, the budget realization. Each
:class:`Table` has its columns, rows of typed :class:`Cell` objects, a caption, the rule and
source behind its figures (shown once per table), and sentences generated from the computed
results, so that the words can never say what the numbers do not.

Nothing here prints or writes: :mod:`sakip.render` turns a report into text, Markdown, HTML,
JSON or XLSX without computing anything.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import round_half_up
from sakip.achievement import Achievement, AchievementFormula
from sakip.budget import (
    DIFFERENCE,
    EFFICIENCY_CONVENTIONS,
    Absorption,
    EfficiencyConvention,
    efficiency,
    line_absorption,
)
from sakip.compare import (
    EndTargetComparison,
    IndicatorHistory,
    NoStandard,
    StandardComparison,
    history,
)
from sakip.exceptions import InvalidValueError, SakipError
from sakip.locale import format_number, format_percent, format_rupiah
from sakip.model import BudgetLine, Dataset, Indicator, Polarity, TargetLike, TargetRange
from sakip.ratios import percentage
from sakip.scales import PERMENDAGRI_86_2017, RatingScale

__all__ = [
    "LANGUAGES",
    "Cell",
    "CellKind",
    "Column",
    "IndicatorSeries",
    "Rated",
    "Report",
    "Table",
    "build_report",
    "report_year",
]

LANGUAGES = ("id", "en")
"""The languages a report can be written in, Indonesian (the default) and English."""


class CellKind(enum.Enum):
    """What a table cell holds, which decides how it is printed."""

    TEXT = "text"
    """Words (an indicator's name)."""
    NUMBER = "number"
    """A number in the indicator's unit, printed with the digits it has."""
    PERCENT = "percent"
    """A percentage, printed with two decimals and the sign ("100,42 %")."""
    MONEY = "money"
    """An amount in rupiah, printed whole."""
    RATING = "rating"
    """A rating label ("Sangat Tinggi"), with its band code."""
    MISSING = "missing"
    """No figure (not reported, or not computable); :attr:`Cell.note` says why."""


@attrs.frozen(kw_only=True)
class Cell:
    """One cell of a table: a typed value, never a pre-formatted string of a number.

    Attributes:
        kind: What the cell holds.
        value: The number (exact) for numeric kinds, the words for text and ratings,
            ``None`` when missing.
        places: Decimals to print; ``None`` prints every digit the number has.
        code: A rating's band code ("ST"), used for colours.
        note: Why a cell is missing, or a remark.
    """

    kind: CellKind
    value: Decimal | str | None
    places: int | None = None
    code: str | None = None
    note: str | None = None

    @classmethod
    def text(cls, value: str) -> Cell:
        """A text cell."""
        return cls(kind=CellKind.TEXT, value=value)

    @classmethod
    def number(cls, value: Decimal | None, places: int | None = None, note: str = "") -> Cell:
        """A number, or a missing cell when ``value`` is ``None``."""
        if value is None:
            return cls.missing(note)
        return cls(kind=CellKind.NUMBER, value=value, places=places)

    @classmethod
    def percent(cls, value: Decimal | None, note: str = "") -> Cell:
        """A percentage printed with two decimals, or a missing cell."""
        if value is None:
            return cls.missing(note)
        return cls(kind=CellKind.PERCENT, value=value, places=2)

    @classmethod
    def money(cls, value: Decimal | None, note: str = "") -> Cell:
        """An amount in rupiah, or a missing cell."""
        if value is None:
            return cls.missing(note)
        return cls(kind=CellKind.MONEY, value=value, places=0)

    @classmethod
    def rating(cls, label: str | None, code: str | None, note: str = "") -> Cell:
        """A rating label with its band code, or a missing cell."""
        if label is None:
            return cls.missing(note)
        return cls(kind=CellKind.RATING, value=label, code=code)

    @classmethod
    def missing(cls, note: str = "") -> Cell:
        """No figure, with the reason."""
        return cls(kind=CellKind.MISSING, value=None, note=note or None)

    @property
    def numeric(self) -> bool:
        """Whether the cell holds a number."""
        return self.kind in (CellKind.NUMBER, CellKind.PERCENT, CellKind.MONEY)

    def format(self, lang: str = "id") -> str:
        """The cell as a report prints it (a missing cell prints ``—``).

        >>> from sakip.report import Cell
        >>> Cell.percent(Decimal("100.4228")).format()
        '100,42 %'
        >>> Cell.number(Decimal("13773")).format(lang="en")
        '13,773'
        """
        if self.value is None:
            return "—"
        if isinstance(self.value, str):
            return self.value
        if self.kind is CellKind.PERCENT:
            return format_percent(self.value, lang=lang)
        return format_number(self.value, self.places, lang=lang)


@attrs.frozen(kw_only=True)
class Column:
    """A column of a table.

    Attributes:
        key: A stable name for programs ("achievement").
        title: The heading as printed.
    """

    key: str
    title: str


@attrs.frozen(kw_only=True)
class Table:
    """One table of chapter III, with what it shows and why.

    Attributes:
        key: A stable name for programs ("target-realization").
        number: The table's number in the chapter ("3.1").
        title: The title as printed.
        columns: The columns.
        rows: The rows, each a tuple of cells in column order.
        rule: The rule behind the figures, shown once for the table.
        source: Where the rule comes from.
        sentences: What the numbers say, generated from them.
    """

    key: str
    number: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    rule: str
    source: str
    sentences: tuple[str, ...] = ()
    lang: str = "id"

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise InvalidValueError(
                    "row", row, f"{len(self.columns)} cells, one for each column"
                )

    @property
    def caption(self) -> str:
        """``Tabel 3.1 …`` (``Table 3.1 …`` in English)."""
        word = "Tabel" if self.lang == "id" else "Table"
        return f"{word} {self.number} {self.title}"

    def column(self, key: str) -> tuple[Cell, ...]:
        """The cells of one column, by its key."""
        keys = [column.key for column in self.columns]
        if key not in keys:
            raise InvalidValueError("key", key, f"one of {', '.join(keys)}")
        index = keys.index(key)
        return tuple(row[index] for row in self.rows)


@attrs.frozen(kw_only=True)
class IndicatorSeries:
    """What a chart of one indicator shows: yearly targets, realizations and the end target.

    Attributes:
        code: The indicator's code.
        name: Its name.
        unit: Its unit.
        years: The years of the baseline and the plan.
        targets: The target of each year as ``(low, high)`` (the same twice for a single
            number), ``None`` where there is none.
        realizations: The realization of each year, ``None`` where none is reported.
        end_year: The plan's last year.
        end_target: The end target as ``(low, high)``, ``None`` when there is none.
        report_year: The year the report covers.
    """

    code: str
    name: str
    unit: str
    years: tuple[int, ...]
    targets: tuple[tuple[Decimal, Decimal] | None, ...]
    realizations: tuple[Decimal | None, ...]
    end_year: int
    end_target: tuple[Decimal, Decimal] | None
    report_year: int


@attrs.frozen(kw_only=True)
class Rated:
    """One achievement and its rating, for the bar chart of achievements.

    Attributes:
        code: The indicator's code.
        name: Its name.
        percent: The printed achievement (2 places).
        label: The rating's label.
        band: The rating's band code ("ST").
        rank: The band's position on its scale, 0 for the lowest.
        bands: How many bands the scale has.
    """

    code: str
    name: str
    percent: Decimal
    label: str
    band: str
    rank: int
    bands: int


@attrs.frozen(kw_only=True)
class Report:
    """Chapter III of a performance report, as data.

    Attributes:
        title: The report's title.
        agency: The body that reports.
        year: The year reported.
        lang: ``"id"`` or ``"en"``.
        tables: The tables in order.
        series: What each indicator's chart shows.
        achievements: Every computable achievement of the year with its rating.
        scale: The name of the rating scale used.
    """

    title: str
    agency: str
    year: int
    lang: str
    tables: tuple[Table, ...]
    series: tuple[IndicatorSeries, ...] = ()
    achievements: tuple[Rated, ...] = ()
    scale: str = PERMENDAGRI_86_2017.name

    def table(self, key: str) -> Table:
        """The table with this key."""
        for table in self.tables:
            if table.key == key:
                return table
        keys = ", ".join(table.key for table in self.tables)
        raise InvalidValueError("key", key, f"one of {keys}")


# --- words --------------------------------------------------------------------------------

_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan Kinerja {year}",
        "chapter": "Bab III Akuntabilitas Kinerja",
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
    },
    "en": {
        "title": "Performance Report {year}",
        "chapter": "Chapter III Performance Accountability",
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
    },
}


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InvalidValueError("lang", lang, "one of 'id', 'en'")
    return lang


class _Writer:
    """Words and numbers in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.words = _WORDS[lang]

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


def _target_cell(target: TargetLike | None, note: str = "") -> Cell:
    if target is None:
        return Cell.missing(note)
    if isinstance(target, TargetRange):
        text = f"{format_number(target.low)}–{format_number(target.high)}"
        return Cell.text(text)
    return Cell.number(target.value)


def _no(index: int) -> Cell:
    return Cell.text(str(index))


# --- (a) target and realization -------------------------------------------------------------


def _target_met(result: Achievement) -> bool:
    """Whether the target is met: inside a range, else a printed achievement of 100 or more."""
    if isinstance(result.target, TargetRange):
        return result.compared_with is None
    return result.percent >= 100


def _sentence_a(w: _Writer, found: IndicatorHistory) -> str:
    ind, row = found.indicator, found.current
    if row.achievement is None or row.rating is None:
        why = row.reason or ""
        return w.id_en(
            f"Capaian {ind.name} tahun {found.year} tidak dapat dihitung: {why}.",
            f"The achievement of {ind.name} in {found.year} cannot be computed: {why}.",
        )
    a: Achievement = row.achievement
    met = _target_met(a)
    target = w.target(row.target) if row.target is not None else "—"
    real = w.n(a.realization)
    if w.lang == "id":
        state = "target tercapai" if met else "target belum tercapai"
        return (
            f"Capaian {ind.name} tahun {found.year} sebesar {w.pct(a.percent)} "
            f"(realisasi {real} terhadap target {target}), kategori {row.rating.label}; {state}."
        )
    state = "the target is met" if met else "the target is not met"
    return (
        f"The achievement of {ind.name} in {found.year} is {w.pct(a.percent)} "
        f"(realization {real} against a target of {target}), rated {row.rating.label}; "
        f"{state}."
    )


def _counted(w: _Writer, dataset: Dataset, found: IndicatorHistory) -> str | None:
    """How a ratio realization follows from its counts, when the data has them."""
    if found.indicator.unit.strip() != "%":
        return None  # a rate per 1.000 or 100.000 is not a share × 100
    for entry in dataset.realizations_of(found.indicator.code):
        if entry.year == found.year and entry.quarter is None and entry.numerator is not None:
            ratio = percentage(entry.numerator, entry.denominator)  # type: ignore[arg-type]  # set together
            steps = f"{w.n(ratio.part)} / {w.n(ratio.whole)} × 100 = {w.pct(ratio.percent)}"
            return w.id_en(
                f"Realisasi {found.indicator.name} tahun {found.year} dihitung dari "
                f"jumlahnya: {steps}; data mencatat {w.n(entry.value)}.",
                f"The realization of {found.indicator.name} in {found.year} follows from its "
                f"counts: {steps}; the data records {w.n(entry.value)}.",
            )
    return None


def _formulas(w: _Writer, used: Iterable[AchievementFormula]) -> str:
    parts = []
    for formula in sorted(set(used), key=lambda f: f.name):
        polarity = {
            Polarity.POSITIVE: w.id_en("polaritas positif", "higher is better"),
            Polarity.NEGATIVE: w.id_en("polaritas negatif", "lower is better"),
        }[formula.polarity]
        parts.append(f"{formula.expression.format(R='R', T='T')} ({polarity})")
    return "; ".join(parts) or "R / T × 100"


def _sources(formulas: Iterable[AchievementFormula], scale: RatingScale) -> str:
    chosen = sorted(set(formulas), key=lambda f: f.name)
    return "; ".join(str(source) for source in [*(f.source for f in chosen), scale.source])


def _sentences_a(
    w: _Writer, dataset: Dataset, histories: Sequence[IndicatorHistory]
) -> Iterable[str]:
    for found in histories:
        yield _sentence_a(w, found)
        counted = _counted(w, dataset, found)
        if counted is not None:
            yield counted


def _table_a(
    w: _Writer,
    dataset: Dataset,
    histories: Sequence[IndicatorHistory],
    year: int,
    scale: RatingScale,
) -> Table:
    rows = []
    used: list[AchievementFormula] = []
    for index, found in enumerate(histories, 1):
        row, ind = found.current, found.indicator
        a = row.achievement
        if a is not None:
            used.append(a.formula)
        reason = row.reason or ""
        rows.append(
            (
                _no(index),
                Cell.text(ind.name),
                Cell.text(ind.unit),
                _target_cell(row.target, reason),
                Cell.number(row.realization, note=reason),
                Cell.percent(None if a is None else a.percent, reason),
                Cell.rating(
                    None if row.rating is None else row.rating.label,
                    None if row.rating is None else row.rating.code,
                    reason,
                ),
            )
        )
    return Table(
        key="target-realization",
        number="3.1",
        title=w("t_a", year=year),
        columns=_columns(
            w,
            ("no", "no"),
            ("indicator", "indicator"),
            ("unit", "unit"),
            ("target", "target"),
            ("realization", "realization"),
            ("achievement", "achievement"),
            ("rating", "rating"),
            year=year,
        ),
        rows=tuple(rows),
        rule=w("rule_a", formulas=_formulas(w, used), scale=scale.title),
        source=_sources(used, scale),
        sentences=tuple(_sentences_a(w, dataset, histories)),
        lang=w.lang,
    )


def _columns(w: _Writer, *pairs: tuple[str, str], **values: object) -> tuple[Column, ...]:
    return tuple(Column(key=key, title=w(word, **values)) for key, word in pairs)


# --- (b) the years --------------------------------------------------------------------------


def _trend_word(w: _Writer, improved: bool | None) -> str:
    return w({True: "improved", False: "worsened", None: "unchanged"}[improved])


def _sentence_b(w: _Writer, found: IndicatorHistory) -> str:
    ind, row = found.indicator, found.current
    moved = row.change
    if moved is None:
        return w.id_en(
            f"Realisasi {ind.name} tahun {found.year} tidak dapat dibandingkan dengan tahun "
            f"{found.year - 1}: salah satu tahun tidak memiliki realisasi.",
            f"The realization of {ind.name} in {found.year} cannot be compared with "
            f"{found.year - 1}: one of the years has no realization.",
        )
    now, before = w.n(moved.current), w.n(moved.previous)
    diff = w.n(abs(moved.value))
    growth = "" if moved.growth is None else w.pct(abs(round_half_up(moved.growth)))
    if w.lang == "id":
        if moved.value == 0:
            return (
                f"Realisasi {ind.name} tahun {found.year} ({now}) sama dengan tahun "
                f"{found.year - 1}; kinerja tidak berubah."
            )
        verb = "naik" if moved.value > 0 else "turun"
        perf = "meningkat" if moved.improved else "menurun"
        polarity = "positif" if ind.polarity is Polarity.POSITIVE else "negatif"
        grow = f" ({growth})" if growth else ""
        return (
            f"Realisasi {ind.name} {verb} {diff}{grow} dari {before} pada tahun "
            f"{found.year - 1} menjadi {now} pada tahun {found.year}; karena polaritasnya "
            f"{polarity}, kinerja {perf}."
        )
    if moved.value == 0:
        return (
            f"The realization of {ind.name} in {found.year} ({now}) equals {found.year - 1}'s; "
            "performance is unchanged."
        )
    verb = "rose" if moved.value > 0 else "fell"
    perf = "improved" if moved.improved else "worsened"
    polarity = "higher" if ind.polarity is Polarity.POSITIVE else "lower"
    grow = f" ({growth})" if growth else ""
    return (
        f"The realization of {ind.name} {verb} by {diff}{grow} from {before} in "
        f"{found.year - 1} to {now} in {found.year}; as {polarity} is better, performance "
        f"{perf}."
    )


def _series_years(histories: Sequence[IndicatorHistory], year: int) -> tuple[int, ...]:
    years = {
        row.year
        for found in histories
        for row in found.series
        if row.year <= year and not row.baseline and row.realization is not None
    }
    years.add(year)
    return tuple(sorted(years))


def _table_b(w: _Writer, histories: Sequence[IndicatorHistory], year: int) -> Table:
    years = _series_years(histories, year)
    columns = [
        Column(key="no", title=w("no")),
        Column(key="indicator", title=w("indicator")),
        *(Column(key=f"realization-{y}", title=w("realization", year=y)) for y in years),
        Column(key="change", title=w("change", a=year - 1, b=year)),
        Column(key="growth", title=w("growth")),
        Column(key="trend", title=w("trend")),
    ]
    rows = []
    for index, found in enumerate(histories, 1):
        by_year = {row.year: row for row in found.series if not row.baseline}
        cells = [_no(index), Cell.text(found.indicator.name)]
        for y in years:
            row = by_year.get(y)
            cells.append(Cell.number(None if row is None else row.realization))
        moved = found.current.change
        if moved is None:
            cells += [Cell.missing(), Cell.missing(), Cell.missing()]
        else:
            cells += [
                Cell.number(moved.value),
                Cell.percent(moved.growth, moved.growth_reason or ""),
                Cell.text(_trend_word(w, moved.improved)),
            ]
        rows.append(tuple(cells))
    return Table(
        key="years",
        number="3.2",
        title=w("t_b", year=year),
        columns=tuple(columns),
        rows=tuple(rows),
        rule=w("rule_b"),
        source=w("source_53") + " (b)",
        sentences=tuple(_sentence_b(w, found) for found in histories),
        lang=w.lang,
    )


# --- (c) the end target ---------------------------------------------------------------------


def _sentence_c(w: _Writer, found: IndicatorHistory) -> str:
    ind, end = found.indicator, found.end
    if end is None or end.realization is None:
        why = _end_reason(w, found)
        return w.id_en(
            f"Realisasi {ind.name} tidak dapat dibandingkan dengan target akhir Renstra: {why}.",
            f"The realization of {ind.name} cannot be compared with the Renstra end target: "
            f"{why}.",
        )
    real, target = w.n(end.realization), w.target(end.end_target)
    subject = w.id_en(
        f"Realisasi {ind.name} tahun {found.year} ({real})",
        f"The realization of {ind.name} in {found.year} ({real})",
    )
    goal = w.id_en(
        f"target akhir Renstra {end.end_year} ({target})",
        f"the Renstra end target for {end.end_year} ({target})",
    )
    gap = end.gap
    if gap is None:  # only a range has no gap: the realization is inside it or not
        inside = end.achievement is not None and end.achievement.compared_with is None
        parts = [
            w.id_en(
                f"{subject} berada {'di dalam' if inside else 'di luar'} rentang {goal}",
                f"{subject} is {'inside' if inside else 'outside'} the range of {goal}",
            )
        ]
    elif gap.met:
        parts = [w.id_en(f"{subject} telah mencapai {goal}", f"{subject} already meets {goal}")]
    else:
        short = w.n(gap.remaining)
        parts = [
            w.id_en(
                f"{subject} masih kurang {short} dari {goal}",
                f"{subject} is {short} short of {goal}",
            )
        ]
    if end.achievement is not None:
        achieved = w.pct(end.achievement.percent)
        parts.append(
            w.id_en(
                f"capaian terhadap target akhir {achieved}",
                f"achievement against the end target {achieved}",
            )
        )
    if end.progress is not None and end.baseline is not None:
        base, moved = w.n(end.baseline), w.pct(end.progress.percent)
        parts.append(
            w.id_en(
                f"kemajuan dari kondisi awal ({base}) {moved}",
                f"progress from the baseline ({base}) {moved}",
            )
        )
    if end.projection is not None and end.on_track is not None:
        projected = w.n(end.projection.value, 2)
        parts.append(
            w.id_en(
                f"menurut tren, proyeksi {end.end_year} sebesar {projected} sehingga target akhir "
                + ("diperkirakan tercapai" if end.on_track else "diperkirakan belum tercapai"),
                f"on the trend, {end.end_year} is projected at {projected}, so the end target is "
                + ("expected to be met" if end.on_track else "not expected to be met"),
            )
        )
    return "; ".join(parts) + "."


def _end_reason(w: _Writer, found: IndicatorHistory) -> str:
    if found.end is None:
        return w.id_en(
            "Renstra tidak memuat target akhir untuk indikator ini",
            "the Renstra sets no end target for it",
        )
    return w.id_en(
        f"tidak ada realisasi tahun {found.year}", f"no realization is reported for {found.year}"
    )


def _end_rows(w: _Writer, index: int, found: IndicatorHistory) -> tuple[Cell, ...]:
    end: EndTargetComparison | None = found.end
    name = Cell.text(found.indicator.name)
    if end is None:
        why = _end_reason(w, found)
        return (_no(index), name, *(Cell.missing(why) for _ in range(8)))
    reasons = dict(end.reasons)
    baseline_row = next((row for row in found.series if row.baseline), None)
    on_track = (
        Cell.missing(reasons.get("projection", ""))
        if end.on_track is None
        else Cell.text(w("on_track_yes" if end.on_track else "on_track_no"))
    )
    return (
        _no(index),
        name,
        Cell.number(None if baseline_row is None else baseline_row.realization),
        Cell.number(end.realization),
        _target_cell(end.end_target),
        Cell.number(None if end.gap is None else end.gap.value, note=reasons.get("gap", "")),
        Cell.percent(
            None if end.achievement is None else end.achievement.percent,
            reasons.get("achievement", ""),
        ),
        Cell.percent(
            None if end.progress is None else end.progress.percent,
            reasons.get("progress", ""),
        ),
        Cell.number(
            None if end.projection is None else end.projection.value,
            2,
            reasons.get("projection", ""),
        ),
        on_track,
    )


def _table_c(
    w: _Writer, dataset: Dataset, histories: Sequence[IndicatorHistory], year: int
) -> Table:
    plan = dataset.plan
    baseline_years = sorted(
        {row.year for found in histories for row in found.series if row.baseline}
    )
    baseline_year = baseline_years[0] if baseline_years else plan.start_year - 1
    method = "least-squares"
    for found in histories:
        if found.end is not None and found.end.projection is not None:
            method = found.end.projection.method.title
            break
    return Table(
        key="end-target",
        number="3.3",
        title=w("t_c", end=plan.end_year),
        columns=(
            Column(key="no", title=w("no")),
            Column(key="indicator", title=w("indicator")),
            Column(key="baseline", title=w("baseline", year=baseline_year)),
            Column(key="realization", title=w("realization", year=year)),
            Column(key="end-target", title=w("end_target", year=plan.end_year)),
            Column(key="gap", title=w("gap")),
            Column(key="achievement", title=w("end_achievement")),
            Column(key="progress", title=w("progress")),
            Column(key="projection", title=w("projection", year=plan.end_year)),
            Column(key="on-track", title=w("on_track")),
        ),
        rows=tuple(_end_rows(w, i, found) for i, found in enumerate(histories, 1)),
        rule=w("rule_c", method=method),
        source=w("source_53") + " (c)",
        sentences=tuple(_sentence_c(w, found) for found in histories),
        lang=w.lang,
    )


# --- (d) the national standard --------------------------------------------------------------


def _sentence_d(w: _Writer, found: IndicatorHistory) -> str:
    ind, standard = found.indicator, found.standard
    if standard is None:
        why = dict(found.reasons).get("standard", "")
        return w.id_en(
            f"Realisasi {ind.name} tidak dapat dibandingkan dengan standar nasional: {why}.",
            f"The realization of {ind.name} cannot be compared with the national standard: {why}.",
        )
    if isinstance(standard, NoStandard):
        return w.id_en(
            f"Tidak ada standar nasional untuk {ind.name}, sehingga realisasinya tidak "
            "dibandingkan dengan standar.",
            f"There is no national standard for {ind.name}, so its realization is not compared "
            "with one.",
        )
    comparison: StandardComparison = standard
    real, value = w.n(comparison.realization), w.target(comparison.standard.value)
    where = {
        "above": w.id_en("di atas", "above"),
        "below": w.id_en("di bawah", "below"),
        "equal": w.id_en("sama dengan", "equal to"),
        "within": w.id_en("di dalam rentang", "within"),
    }[comparison.position]
    if w.lang == "id":
        meets = "memenuhi standar" if comparison.meets else "belum memenuhi standar"
        return (
            f"Realisasi {ind.name} tahun {found.year} ({real}) {where} standar nasional "
            f"{value} ({comparison.source}); capaian terhadap standar "
            f"{w.pct(comparison.achievement.percent)}, {meets}."
        )
    meets = "meets the standard" if comparison.meets else "does not yet meet the standard"
    return (
        f"The realization of {ind.name} in {found.year} ({real}) is {where} the national "
        f"standard {value} ({comparison.source}); achievement against the standard "
        f"{w.pct(comparison.achievement.percent)}, it {meets}."
    )


def _standard_row(w: _Writer, index: int, found: IndicatorHistory) -> tuple[Cell, ...]:
    standard = found.standard
    head = (_no(index), Cell.text(found.indicator.name), Cell.number(found.current.realization))
    if standard is None:
        why = dict(found.reasons).get("standard", "")
        return (*head, Cell.missing(why), Cell.missing(why), Cell.missing(why))
    if isinstance(standard, NoStandard):
        return (*head, Cell.text(w("no_standard")), Cell.missing(), Cell.missing())
    return (
        *head,
        _target_cell(standard.standard.value),
        Cell.text(standard.source),
        Cell.percent(standard.achievement.percent),
    )


def _table_d(w: _Writer, histories: Sequence[IndicatorHistory], year: int) -> Table:
    return Table(
        key="standard",
        number="3.4",
        title=w("t_d", year=year),
        columns=(
            Column(key="no", title=w("no")),
            Column(key="indicator", title=w("indicator")),
            Column(key="realization", title=w("realization", year=year)),
            Column(key="standard", title=w("standard")),
            Column(key="source", title=w("standard_source")),
            Column(key="achievement", title=w("standard_achievement")),
        ),
        rows=tuple(_standard_row(w, i, found) for i, found in enumerate(histories, 1)),
        rule=w("rule_d"),
        source=w("source_53") + " (d)",
        sentences=tuple(_sentence_d(w, found) for found in histories),
        lang=w.lang,
    )


# --- charts ---------------------------------------------------------------------------------


def _bounds(target: TargetLike | None) -> tuple[Decimal, Decimal] | None:
    if target is None:
        return None
    if isinstance(target, TargetRange):
        return target.low, target.high
    return target.value, target.value


def _series(found: IndicatorHistory, dataset: Dataset) -> IndicatorSeries:
    rows = found.series
    end = found.end
    return IndicatorSeries(
        code=found.indicator.code,
        name=found.indicator.name,
        unit=found.indicator.unit,
        years=tuple(row.year for row in rows),
        targets=tuple(_bounds(row.target) for row in rows),
        realizations=tuple(row.realization for row in rows),
        end_year=dataset.plan.end_year,
        end_target=None if end is None else _bounds(end.end_target),
        report_year=found.year,
    )


def _rated(found: IndicatorHistory) -> Rated | None:
    row = found.current
    if row.achievement is None or row.rating is None:
        return None
    scale = row.rating.scale
    return Rated(
        code=found.indicator.code,
        name=found.indicator.name,
        percent=row.achievement.percent,
        label=row.rating.label,
        band=row.rating.code,
        rank=scale.bands.index(row.rating.band),
        bands=len(scale.bands),
    )


# --- the report -----------------------------------------------------------------------------


def report_year(dataset: Dataset) -> int:
    """The year a report covers when none is named: the latest year with a realization.

    Raises:
        InvalidValueError: The dataset has no realization at all.
    """
    years = [realization.year for realization in dataset.realizations]
    if not years:
        raise InvalidValueError("year", None, "a year: the data has no realization to pick one")
    return max(years)


def build_report(
    dataset: Dataset,
    *,
    year: int | None = None,
    lang: str = "id",
    scale: RatingScale | str = PERMENDAGRI_86_2017,
    efficiency: EfficiencyConvention | str = DIFFERENCE,
) -> Report:
    """Chapter III of a performance report (Bab III LKjIP) from the data, as tables.

    Args:
        dataset: The plan, agreements, realizations, standards and budget.
        year: The year to report; the latest year with a realization when ``None``.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` for titles and sentences.
        scale: The rating scale for achievements, or its name.
        efficiency: The efficiency convention for table (f), or its name
            (:data:`sakip.budget.EFFICIENCY_CONVENTIONS`).

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``, or there is no year to report.
    """
    from sakip.scales import SCALES  # noqa: PLC0415 - keeps the import list short

    w = _Writer(_check_lang(lang))
    chosen = SCALES.resolve(scale)
    when = report_year(dataset) if year is None else year
    indicators: tuple[Indicator, ...] = dataset.plan.indicators
    histories = [history(dataset, ind.code, when, scale=chosen) for ind in indicators]
    tables = [
        _table_a(w, dataset, histories, when, chosen),
        _table_b(w, histories, when),
        _table_c(w, dataset, histories, when),
        _table_d(w, histories, when),
    ]
    convention = EFFICIENCY_CONVENTIONS.resolve(efficiency)
    if set(convention.inputs) != {"achievement", "absorption"}:
        readable = [
            c.name
            for c in EFFICIENCY_CONVENTIONS
            if set(c.inputs) == {"achievement", "absorption"}
        ]
        raise InvalidValueError(
            "efficiency",
            convention.name,
            f"a convention read from achievement and absorption ({', '.join(readable)})",
        )
    tables += [
        _table_efficiency(w, dataset, histories, when, convention),
        _table_budget(w, dataset, when),
    ]
    rated = [r for r in (_rated(found) for found in histories) if r is not None]
    return Report(
        title=w("title", year=when),
        agency=dataset.agency.name,
        year=when,
        lang=w.lang,
        tables=tuple(tables),
        series=tuple(_series(found, dataset) for found in histories),
        achievements=tuple(rated),
        scale=chosen.name,
    )


def _absorbed(line: BudgetLine) -> tuple[Absorption | None, str]:
    try:
        return line_absorption(line), ""
    except SakipError as error:
        return None, str(error)


def _table_budget(w: _Writer, dataset: Dataset, year: int) -> Table:
    rows = []
    sentences = []
    unreported = []
    for index, line in enumerate(dataset.budget, 1):
        absorbed, why = _absorbed(line)
        rows.append(
            (
                _no(index),
                Cell.text(line.code),
                Cell.text(line.name),
                Cell.text(str(line.funding_source)),
                Cell.money(line.effective_ceiling),
                Cell.money(line.spent if absorbed is None else absorbed.spent, why),
                Cell.percent(None if absorbed is None else absorbed.percent, why),
            )
        )
        if absorbed is None:
            unreported.append(line.name)
            continue
        spent, ceiling = w.money(absorbed.spent), w.money(absorbed.ceiling)
        sentences.append(
            w.id_en(
                f"Serapan anggaran {line.name} sebesar {w.pct(absorbed.percent)} "
                f"({spent} dari pagu {ceiling}).",
                f"Budget absorption of {line.name} is {w.pct(absorbed.percent)} "
                f"({spent} of a ceiling of {ceiling}).",
            )
        )
    if unreported:
        names = "; ".join(unreported)
        sentences.append(
            w.id_en(
                f"Realisasi anggaran tidak dilaporkan untuk: {names}.",
                f"No spending is reported for: {names}.",
            )
        )
    return Table(
        key="budget",
        number="3.6",
        title=w("t_budget", year=year),
        columns=(
            Column(key="no", title=w("no")),
            Column(key="code", title=w("code")),
            Column(key="line", title=w("line")),
            Column(key="funding", title=w("funding")),
            Column(key="ceiling", title=w("ceiling", year=year)),
            Column(key="spent", title=w("spent", year=year)),
            Column(key="absorption", title=w("absorption")),
        ),
        rows=tuple(rows),
        rule=w("rule_budget"),
        source=w("source_53") + " B",
        sentences=tuple(sentences),
        lang=w.lang,
    )


def _efficiency_row(
    w: _Writer,
    index: int,
    found: IndicatorHistory,
    line: BudgetLine,
    convention: EfficiencyConvention,
) -> tuple[tuple[Cell, ...], str | None]:
    achieved = found.current.achievement
    absorbed, why = _absorbed(line)
    head = (_no(index), Cell.text(found.indicator.name), Cell.text(line.name))
    achieved_cell = Cell.percent(
        None if achieved is None else achieved.percent, found.current.reason or ""
    )
    absorbed_cell = Cell.percent(None if absorbed is None else absorbed.percent, why)
    if achieved is None or absorbed is None:
        why = why or found.current.reason or ""
        return (*head, achieved_cell, absorbed_cell, Cell.missing(why), Cell.missing(why)), None
    result = efficiency(convention, achievement=achieved, absorption=absorbed)
    verdict = {
        True: w.id_en("efisien", "efficient"),
        False: w.id_en("tidak efisien", "not efficient"),
        None: w.id_en("tidak dibaca", "not read"),
    }[result.efficient]
    cells = (*head, achieved_cell, absorbed_cell, Cell.number(result.value, 2), Cell.text(verdict))
    a, b, e = w.pct(achieved.percent), w.pct(absorbed.percent), w.n(result.value, 2)
    sentence = w.id_en(
        f"Capaian {found.indicator.name} {a} dengan serapan anggaran {b} ({line.name}): "
        f"nilai {e} menurut konvensi {convention.name} ({convention.expression}), {verdict}.",
        f"{found.indicator.name} achieved {a} with a budget absorption of {b} ({line.name}): "
        f"{e} by the {convention.name} convention ({convention.expression}), {verdict}.",
    )
    return cells, sentence


def _table_efficiency(
    w: _Writer,
    dataset: Dataset,
    histories: Sequence[IndicatorHistory],
    year: int,
    convention: EfficiencyConvention,
) -> Table:
    rows: list[tuple[Cell, ...]] = []
    sentences: list[str] = []
    for found in histories:
        for line in dataset.budget:
            if found.indicator.code not in line.indicators:
                continue
            cells, sentence = _efficiency_row(w, len(rows) + 1, found, line, convention)
            rows.append(cells)
            if sentence is not None:
                sentences.append(sentence)
    if not rows:
        sentences.append(
            w.id_en(
                "Tidak ada anggaran yang dikaitkan dengan indikator, sehingga efisiensi tidak "
                "dapat dianalisis.",
                "No budget line is linked to an indicator, so efficiency cannot be analysed.",
            )
        )
    return Table(
        key="efficiency",
        number="3.5",
        title=w("t_efficiency", year=year),
        columns=(
            Column(key="no", title=w("no")),
            Column(key="indicator", title=w("indicator")),
            Column(key="line", title=w("line")),
            Column(key="achievement", title=w("achievement")),
            Column(key="absorption", title=w("absorption")),
            Column(key="efficiency", title=w("efficiency")),
            Column(key="verdict", title=w("trend")),
        ),
        rows=tuple(rows),
        rule=w("rule_efficiency", expression=convention.expression, title=convention.title),
        source=f"{w('source_53')} (f); {convention.source}",
        sentences=tuple(sentences),
        lang=w.lang,
    )
