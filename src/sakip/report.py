"""Chapter III of a performance report (Bab III LKjIP) as data: tables, rules and sentences.

:func:`~sakip.build_report` turns a :class:`~sakip.Dataset` into a :class:`Report`: the tables that
PermenPANRB 53/2014 (Lampiran, Bab III) asks for, for every indicator: (a) target against
realization with achievement and rating; (b) the series of years; (c) the Renstra end target;
(d) the national standard; (f) efficiency; and B, the budget realization. Tables (a)-(d)
list the indicators goal by goal and objective by objective, as a report does: a row for each
goal and objective, table (a)'s with its achievement rolled up over its indicators. Each
:class:`Table` has its columns, rows of typed :class:`Cell` objects, a caption, the rule and
source behind its figures (shown once per table), and sentences generated from the computed
results, so that the words can never say what the numbers do not.

Everything a report says is in its language (:data:`LANGUAGES`): titles, sentences, why a
figure is missing (read from what the results hold, not from their English messages), and the
rules and sources of the built-in formulas, scales and conventions. A rule you register
yourself is shown in the words you gave it.

Nothing here prints or writes: :mod:`sakip.render` turns a report into text, Markdown, HTML,
JSON or XLSX without computing anything.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

import attrs

from sakip._decimal import Number
from sakip._display import Displayed
from sakip._gc import collector_paused
from sakip.achievement import (
    CAP_RULE,
    Achievement,
    AchievementFormula,
    LevelAchievement,
    LevelFormula,
)
from sakip.analysis.chapter import (
    BudgetResult,
    Chapter,
    CountedRealization,
    EfficiencyResult,
    GroupLevel,
    GroupResult,
    compute_chapter,
    report_year,
)
from sakip.analysis.settings import data_source_of, fixed_places
from sakip.budget import (
    Absorption,
    EfficiencyConvention,
)
from sakip.compare import (
    LEAST_SQUARES,
    Change,
    EndTargetComparison,
    IndicatorHistory,
    NoStandard,
    StandardComparison,
    YearRow,
)
from sakip.exceptions import InvalidValueError
from sakip.locale import format_number, format_percent
from sakip.model import (
    AuthorAnalysis,
    BudgetLine,
    ComparatorTarget,
    Dataset,
    Indicator,
    LevelTarget,
    Polarity,
    Target,
    TargetLike,
    TargetRange,
)
from sakip.periods import Period, Quarter
from sakip.ratios import Rate
from sakip.reasons import Reason
from sakip.rollup import RollupMethod
from sakip.scales import (
    PERMENDAGRI_86_2017,
    RatingScale,
)
from sakip.text import LANGUAGES, N_, check_lang, gettext
from sakip.text.reasons import (
    PHRASES,
    say_end_reason,
    say_history_reason,
    say_missing,
    say_row_reason,
)
from sakip.text.writer import Rule, Writer

__all__ = [
    "LANGUAGES",
    "AnalysisNote",
    "Cell",
    "CellKind",
    "Column",
    "GroupRow",
    "IndicatorSeries",
    "Rated",
    "Report",
    "RowLevel",
    "Table",
    "build_report",
    "report_of",
    "report_year",
    "unit_of",
]


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


class RowLevel(enum.Enum):
    """What a table row is: a goal's or an objective's row, or an item's (an indicator's)."""

    GOAL = "goal"
    """A goal's row (tujuan); the indicators below it, up to the next group, are its own."""
    OBJECTIVE = "objective"
    """A strategic objective's row (sasaran), over the indicators below it up to the next group."""
    ITEM = "item"
    """An item's row of figures (an indicator's, a budget line's)."""


@attrs.frozen(kw_only=True, repr=False)
class Cell(Displayed):
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

    @classmethod
    def blank(cls) -> Cell:
        """An empty cell, where no figure belongs (a goal's row has no unit or target)."""
        return cls(kind=CellKind.TEXT, value="")

    def _headline(self) -> str:
        return self.format()

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


@attrs.frozen(kw_only=True, repr=False)
class GroupRow(Displayed):
    """A goal's or an objective's row in a table (baris tujuan/sasaran).

    Attributes:
        level: :attr:`RowLevel.GOAL` or :attr:`RowLevel.OBJECTIVE`.
        code: The goal's or objective's code.
        before: The index of the item row (in :attr:`Table.rows`) it is printed before; the
            number of rows for a group printed after the last (a group with no items).
        cells: Its cells, one per column: the name, and in table (a) its rolled-up
            achievement and rating; blank where no figure belongs.
    """

    level: RowLevel
    code: str
    before: int
    cells: tuple[Cell, ...]

    def _headline(self) -> str:
        return f"{self.level.value} {self.code} before row {self.before}"


@attrs.frozen(kw_only=True, repr=False)
class Column(Displayed):
    """A column of a table.

    Attributes:
        key: A stable name for programs ("achievement").
        title: The heading as printed.
    """

    key: str
    title: str


@attrs.frozen(kw_only=True, repr=False)
class AnalysisNote(Displayed):
    """The author's analysis of one indicator and period, under its sentence (analisis).

    PermenPANRB 53/2014 asks chapter III to explain, indicator by indicator, the causes
    behind the result, the measures taken and the programs that support it; an LKjIP prints
    them under the indicator's figures. The texts are the author's, as written.

    Attributes:
        after: The index of the sentence (in :attr:`Table.sentences`) it is printed after:
            the last sentence about its indicator.
        indicator: The indicator's code.
        heading: Whose analysis, and of which period, as printed.
        lines: ``(label, text)`` pairs in the order an LKjIP prints them (supporting factors,
            obstacles, measures taken, follow-up, the programs behind the result), each text
            as the author wrote it, line breaks kept.
    """

    after: int
    indicator: str
    heading: str
    lines: tuple[tuple[str, str], ...]

    def _headline(self) -> str:
        return f"{self.heading}: {len(self.lines)} lines"


@attrs.frozen(kw_only=True, repr=False)
class Table(Displayed):
    """One table of chapter III, with what it shows and why.

    Attributes:
        key: A stable name for programs ("target-realization").
        number: The table's number in the chapter ("3.1").
        title: The title as printed.
        columns: The columns.
        rows: The rows, each a tuple of cells in column order.
        rule: The rule behind the figures, shown once for the table.
        source: Where the rule comes from (the regulation), printed as "Dasar perhitungan".
        data_sources: Where the figures come from, as the data names each indicator's
            source (sumber data), printed as "Sumber"; empty when the data names none.
        sentences: What the numbers say, generated from them.
        groups: The goals' and objectives' rows, each printed before the item row it
            names, when the table lists its rows goal by goal and objective by objective;
            empty when it does not. :attr:`rows` holds the items only (an indicator's row
            each), so a program reading them is not handed a group's row.
        analyses: The author's analyses printed among the sentences, each after its
            indicator's; empty when the data has none (see :meth:`said`).
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
    data_sources: tuple[str, ...] = ()
    groups: tuple[GroupRow, ...] = ()
    analyses: tuple[AnalysisNote, ...] = ()

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise InvalidValueError(
                    "row", row, f"{len(self.columns)} cells, one for each column"
                )
        place = 0
        for group in self.groups:
            if len(group.cells) != len(self.columns):
                raise InvalidValueError(
                    "group", group, f"{len(self.columns)} cells, one for each column"
                )
            if not place <= group.before <= len(self.rows):
                raise InvalidValueError(
                    "group", group, f"a row from {place} to {len(self.rows)}, in order"
                )
            place = group.before
        for note in self.analyses:
            if not 0 <= note.after < len(self.sentences):
                raise InvalidValueError(
                    "analysis", note, f"a sentence from 0 to {len(self.sentences) - 1}"
                )

    def said(self) -> Iterator[str | AnalysisNote]:
        """The sentences as printed, each indicator's analysis after its sentences.

        Without analyses these are :attr:`sentences`, one by one.
        """
        notes = sorted(self.analyses, key=lambda note: note.after)  # stable: the data's order
        for index, sentence in enumerate(self.sentences):
            yield sentence
            yield from (note for note in notes if note.after == index)

    def printed(self) -> Iterator[tuple[RowLevel, tuple[Cell, ...]]]:
        """Every row as printed, each with its level: the groups' rows among the items'.

        >>> dataset = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
        >>> report = sakip.build_report(dataset)
        >>> [level.value for level, _ in report.table("target-realization").printed()]
        ['goal', 'item', 'item', 'objective', 'item']
        """
        groups = iter(self.groups)
        group = next(groups, None)
        for index, row in enumerate((*self.rows, None)):
            while group is not None and group.before == index:
                yield group.level, group.cells
                group = next(groups, None)
            if row is not None:
                yield RowLevel.ITEM, row

    def _headline(self) -> str:
        return f"{self.caption}: {len(self.rows)} rows"

    def _repr_html_(self) -> str:
        from sakip.present.html import table_html  # noqa: PLC0415 - present builds on this module

        return table_html(self)

    @property
    def caption(self) -> str:
        """``Tabel 3.1 …`` (``Table 3.1 …`` in English)."""
        return gettext(
            "Tabel {number} {title}", lang=self.lang, number=self.number, title=self.title
        )

    def column(self, key: str) -> tuple[Cell, ...]:
        """The cells of one column, by its key.

        The items' rows only; a goal's or objective's cells are in :attr:`groups`.
        """
        keys = [column.key for column in self.columns]
        if key not in keys:
            raise InvalidValueError("key", key, f"one of {', '.join(keys)}")
        index = keys.index(key)
        return tuple(row[index] for row in self.rows)


@attrs.frozen(kw_only=True, repr=False)
class IndicatorSeries(Displayed):
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
        places: The decimals each realization prints with: 2 for one sakip computed with
            more (a ratio's year value from its counts), ``None`` for one as the data has it;
            empty when every realization prints as it is.
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
    places: tuple[int | None, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether there is nothing to draw (no target, no realization, no end target)."""
        return self.end_target is None and not any(self.targets) and not any(self.realizations)


@attrs.frozen(kw_only=True, repr=False)
class Rated(Displayed):
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


@attrs.frozen(kw_only=True, repr=False)
class Report(Displayed):
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
        heading: The line under the title; ``None`` prints chapter III's ("Bab III
            Akuntabilitas Kinerja"). Another document (the Renja evaluation form) names its own.
    """

    title: str
    agency: str
    year: int
    lang: str
    tables: tuple[Table, ...]
    series: tuple[IndicatorSeries, ...] = ()
    achievements: tuple[Rated, ...] = ()
    scale: str = PERMENDAGRI_86_2017.name
    heading: str | None = None

    def _headline(self) -> str:
        return f"{self.title}, {self.agency}: {len(self.tables)} tables"

    def _repr_html_(self) -> str:
        from sakip.present.html import report_html  # noqa: PLC0415 - present builds on this module

        return report_html(self)

    def table(self, key: str) -> Table:
        """The table with this key."""
        for table in self.tables:
            if table.key == key:
                return table
        keys = ", ".join(table.key for table in self.tables)
        raise InvalidValueError("key", key, f"one of {keys}")


def _target_cell(w: Writer, code: str, target: TargetLike | None, note: str = "") -> Cell:
    """A target in the indicator's places when they are set, else as the data gives it."""
    if target is None:
        return Cell.missing(note)
    if isinstance(target, Target):
        return Cell.number(target.value, w.fixed.get(code))
    # a range, a comparator or a level is printed as a report writes it ("≥ 80", "WTP")
    return Cell.text(w.target(target, code))


def _real_cell(
    w: Writer, code: str, value: Decimal | str | None, *years: int, note: str = ""
) -> Cell:
    """A realization, or a figure made from realizations: 2 places when sakip computed it.

    A level ("WTP") is printed as its scale prints it.
    """
    if value is None:
        return Cell.missing(note)
    if isinstance(value, str):
        return Cell.text(value)
    return Cell.number(value, w.places(code, value, *years))


def _no(index: int) -> Cell:
    return Cell.text(str(index))


def _budget_reason(w: Writer, result: BudgetResult, year: int) -> str:
    """Why a budget line has no absorption: spending not reported, else a ceiling of 0."""
    missing = result.unreported
    if len(missing) == 4:
        return w("no_spending")
    if missing:
        quarters = ", ".join(f"TW {Quarter(year, q).roman}" for q in missing)
        return w("quarters_missing", quarters=quarters)
    return w("zero_ceiling")


# --- goals and objectives: the groups of tables (a)-(d) ---------------------------------------

_LEVELS = {GroupLevel.GOAL: RowLevel.GOAL, GroupLevel.OBJECTIVE: RowLevel.OBJECTIVE}
_GROUP_NAMES = {
    GroupLevel.GOAL: N_("Tujuan: {name}"),
    GroupLevel.OBJECTIVE: N_("Sasaran: {name}"),
}

Row = tuple[Cell, ...]


def _group_name(w: Writer, group: GroupResult) -> Cell:
    return Cell.text(w.gettext(_GROUP_NAMES[group.level], name=group.name))


def _group_heading(w: Writer, group: GroupResult, columns: int) -> Row:
    """A group's row with its name only: tables (b)-(d) have no figure for a group."""
    return (Cell.blank(), _group_name(w, group), *(Cell.blank() for _ in range(columns - 2)))


def _grouped(
    histories: Sequence[IndicatorHistory],
    groups: Sequence[GroupResult],
    item: Callable[[int, IndicatorHistory], Row],
    head: Callable[[GroupResult], Row],
) -> tuple[tuple[Row, ...], tuple[GroupRow, ...]]:
    """The items' rows, numbered 1…n in the plan's order, and the groups' rows among them.

    Without groups (a chapter built without them) the items stand alone, as before.
    """
    if not groups:
        return tuple(item(i, found) for i, found in enumerate(histories, 1)), ()
    by_code = {found.indicator.code: found for found in histories}
    rows: list[Row] = []
    heads: list[GroupRow] = []
    for group in groups:
        level = _LEVELS[group.level]
        heads.append(GroupRow(level=level, code=group.code, before=len(rows), cells=head(group)))
        for code in group.indicators:
            rows.append(item(len(rows) + 1, by_code[code]))
    return tuple(rows), tuple(heads)


def _group_row_a(w: Writer, group: GroupResult) -> Row:
    """A group's row in table (a): its achievement rolled up over its indicators, rated."""
    rolled, rating = group.rollup, group.rating
    why = say_missing(w, group.missing)
    return (
        Cell.blank(),
        _group_name(w, group),
        Cell.blank(),
        Cell.blank(),
        Cell.blank(),
        Cell.percent(None if rolled is None else rolled.percent, why),
        Cell.rating(
            None if rating is None else rating.label, None if rating is None else rating.code, why
        ),
    )


# By the group's level: a sentence is never glued from a word for the level.
_GROUP_ACHIEVED = {
    GroupLevel.GOAL: N_(
        "Capaian tujuan {name} tahun {year} sebesar {percent}, kategori {rating} ({rule}; "
        "indikator yang dapat dihitung: {count} dari {total})."
    ),
    GroupLevel.OBJECTIVE: N_(
        "Capaian sasaran {name} tahun {year} sebesar {percent}, kategori {rating} ({rule}; "
        "indikator yang dapat dihitung: {count} dari {total})."
    ),
}
_GROUP_NOT_ACHIEVED = {
    GroupLevel.GOAL: N_("Capaian tujuan {name} tahun {year} tidak dapat dihitung: {why}."),
    GroupLevel.OBJECTIVE: N_("Capaian sasaran {name} tahun {year} tidak dapat dihitung: {why}."),
}


def _group_sentences(
    w: Writer, group: GroupResult, year: int, method: RollupMethod, dataset: Dataset
) -> Iterable[str]:
    """A group's achievement and the rule behind it, then which indicators it leaves out."""
    rolled, rating = group.rollup, group.rating
    if rolled is None or rating is None:
        why = say_missing(w, group.missing)
        yield w.gettext(_GROUP_NOT_ACHIEVED[group.level], name=group.name, year=year, why=why)
    else:
        yield w.gettext(
            _GROUP_ACHIEVED[group.level],
            name=group.name,
            year=year,
            percent=w.pct(rolled.percent),
            rating=rating.label,
            rule=w.rule(method, "title", method.title),
            count=rolled.computed,
            total=len(group.children),
        )
    if group.excluded:
        left = "; ".join(
            f"{dataset.plan.indicator(child.code).name} ({child.why(w.lang)})"
            for child in group.excluded
        )
        yield w.gettext(
            "Tidak dihitung dalam capaian {name}, dan tidak dianggap 0: {indicators}.",
            name=group.name,
            indicators=left,
        )


# --- (a) target and realization -------------------------------------------------------------


def _sentence_a(w: Writer, found: IndicatorHistory) -> str:
    ind, row = found.indicator, found.current
    if row.achievement is None or row.rating is None:
        why = say_row_reason(w, row)
        return w.gettext(
            "Capaian {name} tahun {year} tidak dapat dihitung: {why}.",
            name=ind.name,
            year=found.year,
            why=why,
        )
    a = row.achievement
    met = a.met
    target = w.target(row.target, ind.code) if row.target is not None else "—"
    if isinstance(a, LevelAchievement):
        real = a.realization
    else:
        real = w.real(ind.code, a.realization, found.year)
    sentence = (
        N_(
            "Capaian {name} tahun {year} sebesar {percent} (realisasi {realization} terhadap "
            "target {target}), kategori {rating}; target tercapai."
        )
        if met
        else N_(
            "Capaian {name} tahun {year} sebesar {percent} (realisasi {realization} terhadap "
            "target {target}), kategori {rating}; target belum tercapai."
        )
    )
    said = w.gettext(
        sentence,
        name=ind.name,
        year=found.year,
        percent=w.pct(a.percent),
        realization=real,
        target=target,
        rating=row.rating.label,
    )
    return said + _partial_year(w, row)


def _partial_year(w: Writer, row: YearRow) -> str:
    """A warning when the year's value was built from fewer quarters than the year has."""
    if not row.missing_quarters:
        return ""
    absent = ", ".join(f"TW {Quarter(row.year, q).roman}" for q in row.missing_quarters)
    # a second sentence after the first, so it opens with the space between them
    return " " + w.gettext(
        "Realisasi tahun ini dihitung tanpa {quarters}, yang tidak dilaporkan.", quarters=absent
    )


def unit_of(indicator: Indicator, lang: str = "id") -> str:
    """The unit as a report prints it: with its multiplier, for a rate per N (satuan).

    A rate's unit that does not name its ``per`` already gets it in front, in the
    notation of ``lang``; any other unit prints as the data gives it.

    >>> akb = sakip.Indicator(code="AKB", name="Angka kematian bayi", unit="KH", per=1000)
    >>> from sakip.report import unit_of
    >>> unit_of(akb), unit_of(akb, "en")
    ('per 1.000 KH', 'per 1,000 KH')
    >>> unit_of(sakip.Indicator(code="AKB", name="AKB", unit="per 1.000 KH", per=1000))
    'per 1.000 KH'
    """
    unit = indicator.unit
    if not indicator.per_unit:
        return unit
    digits = format(indicator.per, "f")  # no context: the caller's could round it
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    if digits in "".join(c for c in unit if c not in ".,  "):
        return unit  # "per 1.000 KH" names it already
    return f"per {format_number(Decimal(digits), lang=lang)} {unit}"  # 1.000, not 1.000,00


def _counts_sentence(w: Writer, found: IndicatorHistory, counted: CountedRealization) -> str:
    """How a ratio realization follows from its counts, against what the data records."""
    ind, year = found.indicator, found.year
    name, data = ind.name, w.n(counted.recorded, w.fixed.get(ind.code))
    ratio = counted.ratio
    if ratio is None:
        steps = f"{w.n(counted.part)} / 0"
        return w.gettext(
            "Realisasi {name} tahun {year} tidak dapat dihitung dari jumlahnya: {steps}, "
            "penyebutnya 0; data mencatat {recorded}.",
            name=name,
            year=year,
            steps=steps,
            recorded=data,
        )
    if isinstance(ratio, Rate):
        steps = ratio.explain(w.lang)
    else:
        steps = f"{w.n(ratio.part)} / {w.n(ratio.whole)} × 100 = {w.pct(ratio.percent)}"
    if not counted.stated:
        return w.gettext(
            "Realisasi {name} tahun {year} dihitung dari jumlahnya: {steps}.",
            name=name,
            year=year,
            steps=steps,
        )
    return w.gettext(
        "Realisasi {name} tahun {year} dihitung dari jumlahnya: {steps}; data mencatat "
        "{recorded}.",
        name=name,
        year=year,
        steps=steps,
        recorded=data,
    )


_POLARITY = {
    Polarity.POSITIVE: N_("polaritas positif"),
    Polarity.NEGATIVE: N_("polaritas negatif"),
}


_LEVEL_RULES = {
    "rank-ratio": N_("peringkat(R) / peringkat(T) × 100 (target tingkatan)"),
    "met-or-not": N_("100 bila tingkatan target tercapai, 0 bila tidak (target tingkatan)"),
}
"""How the rule line names a built-in level rule."""


def _formulas(w: Writer, used: Iterable[AchievementFormula | LevelFormula]) -> str:
    parts = []
    for formula in sorted(set(used), key=lambda f: f.name):
        if isinstance(formula, LevelFormula):
            said = _LEVEL_RULES.get(formula.name)
            parts.append(w.gettext(said) if said else formula.name)
            continue
        polarity = w.gettext(_POLARITY[formula.polarity])
        parts.append(f"{formula.expression.format(R='R', T='T')} ({polarity})")
    return "; ".join(parts) or "—"  # no row has an achievement, so none uses a formula


def _sources(
    w: Writer,
    formulas: Iterable[AchievementFormula | LevelFormula],
    scales: Sequence[RatingScale],
    method: RollupMethod | None = None,
    *,
    capped: bool = False,
) -> str:
    chosen = sorted(set(formulas), key=lambda f: f.name)
    rules: list[Rule] = [
        *chosen,
        *([CAP_RULE] if capped else []),
        *([] if method is None else [method]),
        *scales,
    ]
    return "; ".join(w.basis(rule) for rule in rules)


def _scales(histories: Sequence[IndicatorHistory], scale: RatingScale) -> list[RatingScale]:
    """The scales the ratings use, each once; the chapter's when none is rated."""
    rated = (found.current.rating for found in histories)
    used = dict.fromkeys(rating.scale for rating in rated if rating is not None)
    return list(used) or [scale]


def _caps(achieved: Iterable[Achievement | LevelAchievement | None]) -> list[Decimal]:
    """The caps the achievements were computed with, each once, lowest first."""
    return sorted({a.cap for a in achieved if a is not None and a.cap is not None})


def _sentences_a(
    w: Writer, histories: Sequence[IndicatorHistory], counted: Sequence[CountedRealization]
) -> Iterable[tuple[str | None, str]]:
    by_code = {counts.indicator: counts for counts in counted}
    for found in histories:
        yield found.indicator.code, _sentence_a(w, found)
        counts = by_code.get(found.indicator.code)
        if counts is not None:
            yield found.indicator.code, _counts_sentence(w, found, counts)


def _with_revisions(w: Writer, dataset: Dataset, year: int, table: Table) -> Table:
    """Table (a) with a sentence for each target the year's PK revised (PK Perubahan).

    The table measures against the revised target; a report shows the first one beside it.
    """
    said = [
        w.gettext(
            "Target {name} tahun {year} adalah target PK Perubahan, {revised}; target PK semula "
            "{original}.",
            name=dataset.plan.indicator(code).name,
            year=year,
            revised=w.target(revised, code),
            original=w.target(agreement.original_target(code), code),
        )
        for agreement in dataset.agreements
        if agreement.year == year
        for code, revised in agreement.revised_targets
    ]
    return attrs.evolve(table, sentences=(*table.sentences, *said)) if said else table


def _grouped_sentences_a(w: Writer, chapter: Chapter) -> Iterable[tuple[str | None, str]]:
    """Each group's achievement, then the sentences of the indicators listed under it.

    Each sentence comes with the code of the indicator it is about (``None`` for a group's).
    """
    if not chapter.groups:
        yield from _sentences_a(w, chapter.histories, chapter.counted)
        return
    by_code = {found.indicator.code: found for found in chapter.histories}
    for group in chapter.groups:
        for sentence in _group_sentences(
            w, group, chapter.year, chapter.rollup_method, chapter.dataset
        ):
            yield None, sentence
        listed = [by_code[code] for code in group.indicators]
        yield from _sentences_a(w, listed, chapter.counted)


def _analysis_notes(
    w: Writer, chapter: Chapter, about: Sequence[str | None]
) -> Iterable[AnalysisNote]:
    """Each analysis of an indicator of the table, after the last sentence about it."""
    last = {code: index for index, code in enumerate(about) if code is not None}
    for analysis in chapter.analyses:  # the year's, then the quarters', as the chapter has them
        if analysis.indicator in last:
            yield AnalysisNote(
                after=last[analysis.indicator],
                indicator=analysis.indicator,
                heading=w.gettext(
                    "Analisis capaian {indicator} ({period})",
                    indicator=chapter.dataset.indicator(analysis.indicator).name,
                    period=_period(analysis),
                ),
                lines=tuple(_note_lines(w, chapter.dataset, analysis)),
            )


def _achievement_row(w: Writer, index: int, found: IndicatorHistory) -> tuple[Cell, ...]:
    row, ind, a = found.current, found.indicator, found.current.achievement
    reason = "" if a is not None else say_row_reason(w, row)
    return (
        _no(index),
        Cell.text(ind.name),
        Cell.text(unit_of(ind, w.lang)),
        _target_cell(
            w, ind.code, row.target, gettext(PHRASES[Reason.NO_TARGET], lang=w.lang, year=row.year)
        ),
        _real_cell(
            w,
            ind.code,
            row.level or row.realization,
            row.year,
            note=gettext(PHRASES[Reason.NO_REALIZATION], lang=w.lang, year=row.year),
        ),
        Cell.percent(None if a is None else a.percent, reason),
        Cell.rating(
            None if row.rating is None else row.rating.label,
            None if row.rating is None else row.rating.code,
            reason,
        ),
    )


def _table_a(w: Writer, chapter: Chapter) -> Table:
    histories, year, scale = chapter.histories, chapter.year, chapter.scale
    achieved = [found.current.achievement for found in histories]
    used = [a.formula for a in achieved if a is not None]
    rows, groups = _grouped(
        histories,
        chapter.groups,
        lambda i, found: _achievement_row(w, i, found),
        lambda group: _group_row_a(w, group),
    )
    scales = _scales(histories, scale)
    caps = _caps(achieved)
    titles = ", ".join(s.title for s in scales)
    # the roll-up's rule is named where a group has an achievement, as a formula where a row has
    method = chapter.rollup_method
    rolled = any(group.rollup is not None for group in chapter.groups)
    rule = (
        w(
            "rule_a_groups",
            formulas=_formulas(w, used),
            rollup=w.rule(method, "title", method.title),
            scale=titles,
        )
        if rolled
        else w("rule_a", formulas=_formulas(w, used), scale=titles)
    )
    if caps:
        rule += "; " + w("rule_cap", cap=" / ".join(w.n(cap) for cap in caps))
    said = list(_grouped_sentences_a(w, chapter))
    return Table(
        key="target-realization",
        number="3.1",
        title=w("t_a", year=year),
        columns=tuple(
            _column(w, key, year=year)
            for key in (
                "no",
                "indicator",
                "unit",
                "target",
                "realization",
                "achievement",
                "rating",
            )
        ),
        rows=rows,
        rule=rule,
        source=_sources(w, used, scales, method if rolled else None, capped=bool(caps)),
        sentences=tuple(sentence for _, sentence in said),
        lang=w.lang,
        groups=groups,
        analyses=tuple(_analysis_notes(w, chapter, [code for code, _ in said])),
    )


_TABLE_A_COLUMNS = ("no", "indicator", "unit", "target", "realization", "achievement", "rating")


def _column(w: Writer, key: str, word: str | None = None, **values: object) -> Column:
    """A column titled by the word of its key (or of ``word``) in the report's language."""
    return Column(key=key, title=w(word or key, **values))


# --- (b) the years --------------------------------------------------------------------------


def _trend_word(w: Writer, improved: bool | None) -> str:
    return w({True: "improved", False: "worsened", None: "unchanged"}[improved])


_LEVEL_MOVED = {
    1: N_(
        "Realisasi {name} naik dari {before} pada tahun {previous} menjadi {now} pada tahun "
        "{year}; kinerja meningkat."
    ),
    0: N_(
        "Realisasi {name} tahun {year} ({now}) sama dengan tahun {previous}; kinerja tidak "
        "berubah."
    ),
    -1: N_(
        "Realisasi {name} turun dari {before} pada tahun {previous} menjadi {now} pada tahun "
        "{year}; kinerja menurun."
    ),
}
"""A level that rose, stayed or fell on its scale (a higher level is better)."""


def _level_sentence(w: Writer, found: IndicatorHistory) -> str | None:
    """Year on year for an indicator measured in levels: by their ranks, or ``None``."""
    scale, year = found.indicator.levels, found.year
    now, before = found.current.level, _level_of(found, year - 1)
    if scale is None or now is None or before is None:
        return None
    moved = scale.rank(now) - scale.rank(before)
    return w.gettext(
        _LEVEL_MOVED[(moved > 0) - (moved < 0)],
        name=found.indicator.name,
        year=year,
        previous=year - 1,
        now=now,
        before=before,
    )


def _level_trend(w: Writer, found: IndicatorHistory) -> Cell:
    """A level's trend by rank (a level has no difference nor growth), or a missing cell."""
    scale, now = found.indicator.levels, found.current.level
    before = _level_of(found, found.year - 1)
    if scale is None or now is None or before is None:
        return Cell.missing()
    moved = scale.rank(now) - scale.rank(before)
    return Cell.text(_trend_word(w, None if moved == 0 else moved > 0))


def _level_of(found: IndicatorHistory, year: int) -> str | None:
    return next((row.level for row in found.series if row.year == year), None)


def _sentence_b(w: Writer, found: IndicatorHistory) -> str:
    name, year, moved = found.indicator.name, found.year, found.current.change
    level = _level_sentence(w, found)
    if level is not None:
        return level
    if moved is None:
        return w.gettext(
            "Realisasi {name} tahun {year} tidak dapat dibandingkan dengan tahun {previous}: "
            "salah satu tahun tidak memiliki realisasi.",
            name=name,
            year=year,
            previous=year - 1,
        )
    if moved.value == 0:
        now = w.real(found.indicator.code, moved.current, year)
        return w.gettext(
            "Realisasi {name} tahun {year} ({now}) sama dengan tahun {previous}; kinerja tidak "
            "berubah.",
            name=name,
            year=year,
            now=now,
            previous=year - 1,
        )
    return _moved_sentence(w, found, moved)


# By whether the realization rose and whether the polarity is positive: a rise is better when
# higher is better, a fall when lower is.
_MOVED = {
    (True, True): N_(
        "Realisasi {name} naik {difference}{growth} dari "
        "{before} pada tahun {previous} menjadi {now} pada tahun {year}; karena polaritasnya "
        "positif, kinerja meningkat."
    ),
    (True, False): N_(
        "Realisasi {name} naik {difference}{growth} dari "
        "{before} pada tahun {previous} menjadi {now} pada tahun {year}; karena polaritasnya "
        "negatif, kinerja menurun."
    ),
    (False, True): N_(
        "Realisasi {name} turun {difference}{growth} dari "
        "{before} pada tahun {previous} menjadi {now} pada tahun {year}; karena polaritasnya "
        "positif, kinerja menurun."
    ),
    (False, False): N_(
        "Realisasi {name} turun {difference}{growth} dari "
        "{before} pada tahun {previous} menjadi {now} pada tahun {year}; karena polaritasnya "
        "negatif, kinerja meningkat."
    ),
}


def _moved_sentence(w: Writer, found: IndicatorHistory, moved: Change) -> str:
    """A realization that rose or fell, and whether that is better by the polarity."""
    name, year, positive = found.indicator.name, found.year, found.polarity is Polarity.POSITIVE
    code = found.indicator.code
    now, before = w.real(code, moved.current, year), w.real(code, moved.previous, year - 1)
    diff = w.real(code, moved.value.copy_abs(), year, year - 1)
    grow = "" if moved.growth is None else f" ({w.pct(moved.growth.copy_abs())})"
    return w.gettext(
        _MOVED[moved.value > 0, positive],
        name=name,
        difference=diff,
        growth=grow,
        before=before,
        previous=year - 1,
        now=now,
        year=year,
    )


def _series_years(histories: Sequence[IndicatorHistory], year: int) -> tuple[int, ...]:
    years = {
        row.year
        for found in histories
        for row in found.series
        if row.year <= year
        and not row.baseline
        and (row.realization is not None or row.level is not None)
    }
    years.add(year)
    if any(found.current.change is not None for found in histories):
        years.add(year - 1)  # the year a change compares with, a baseline before the plan too
    return tuple(sorted(years))


def _years_row(
    w: Writer, index: int, found: IndicatorHistory, years: Sequence[int]
) -> tuple[Cell, ...]:
    # a baseline before the plan is the previous year of a change in the plan's first year
    by_year = {row.year: row.level or row.realization for row in found.series}
    code = found.indicator.code
    realizations = [_real_cell(w, code, by_year.get(year), year) for year in years]
    moved = found.current.change
    if moved is None:
        changes = [Cell.missing(), Cell.missing(), _level_trend(w, found)]
    else:
        changes = [
            _real_cell(w, code, moved.value, found.year, found.year - 1),
            Cell.percent(
                moved.growth,
                say_missing(w, moved.growth_missing),
            ),
            Cell.text(_trend_word(w, moved.improved)),
        ]
    return (_no(index), Cell.text(found.indicator.name), *realizations, *changes)


def _table_b(
    w: Writer,
    histories: Sequence[IndicatorHistory],
    year: int,
    *,
    groups: Sequence[GroupResult] = (),
) -> Table:
    years = _series_years(histories, year)
    columns = [
        _column(w, "no"),
        _column(w, "indicator"),
        *(_column(w, f"realization-{y}", "realization", year=y) for y in years),
        _column(w, "change", a=year - 1, b=year),
        _column(w, "growth"),
        _column(w, "trend"),
    ]
    rows, heads = _grouped(
        histories,
        groups,
        lambda index, found: _years_row(w, index, found, years),
        lambda group: _group_heading(w, group, len(columns)),
    )
    return Table(
        key="years",
        number="3.2",
        title=w("t_b", year=year),
        columns=tuple(columns),
        rows=rows,
        rule=w("rule_b"),
        source=w("source_53") + " (b)",
        sentences=tuple(_sentence_b(w, found) for found in histories),
        lang=w.lang,
        groups=heads,
    )


# --- (c) the end target ---------------------------------------------------------------------


def _sentence_c(w: Writer, found: IndicatorHistory) -> str:
    ind, end = found.indicator, found.end
    if end is None or end.realization is None:
        # with no realization every part has the same reason; the achievement's stands for all
        why = say_end_reason(w, found, "achievement")
        return w.gettext(
            "Realisasi {name} tidak dapat dibandingkan dengan target akhir Renstra: {why}.",
            name=ind.name,
            why=why,
        )
    state = _end_state(w, found, end, end.realization)
    return "; ".join([state, *_end_figures(w, end, ind.code)]) + "."


_INSIDE = N_(
    "Realisasi {name} tahun {year} ({now}) berada di dalam rentang target akhir Renstra {end} "
    "({target})"
)
_OUTSIDE = N_(
    "Realisasi {name} tahun {year} ({now}) berada di luar rentang target akhir Renstra {end} "
    "({target})"
)


def _end_state(
    w: Writer, found: IndicatorHistory, end: EndTargetComparison, realization: Decimal
) -> str:
    """Where the realization stands against the end target: met, short, inside or outside."""
    code, year = found.indicator.code, found.year
    name, real, target = (
        found.indicator.name,
        w.real(code, realization, year),
        w.target(end.end_target, code),
    )
    values = {"name": name, "year": year, "now": real, "end": end.end_year, "target": target}
    achieved = end.achievement
    if end.gap is None:  # only a range has no gap: the realization is inside it or not
        inside = achieved is not None and achieved.compared_with is None
        if inside or achieved is None or not achieved.met:
            return w.gettext(_INSIDE if inside else _OUTSIDE, **values)
    # met as the printed achievement says, so that the sentence never contradicts the figure
    if end.gap is None or (end.gap.met if achieved is None else achieved.met):
        return w.gettext(
            "Realisasi {name} tahun {year} ({now}) telah mencapai target akhir Renstra {end} "
            "({target})",
            **values,
        )
    return w.gettext(
        "Realisasi {name} tahun {year} ({now}) masih kurang {short} dari target akhir Renstra "
        "{end} ({target})",
        short=w.real(code, end.gap.remaining, year),
        **values,
    )


_ON_TRACK = N_(
    "menurut tren, proyeksi {end} sebesar {projection} sehingga target akhir diperkirakan tercapai"
)
_OFF_TRACK = N_(
    "menurut tren, proyeksi {end} sebesar {projection} sehingga target akhir diperkirakan "
    "belum tercapai"
)


def _end_figures(w: Writer, end: EndTargetComparison, code: str) -> Iterable[str]:
    """The achievement against the end target, the progress and the projection, when known.

    The baseline and the projection print in the indicator's places when they are set; a
    projection otherwise prints to 2, as every figure sakip computes.
    """
    if end.achievement is not None:
        achieved = w.pct(end.achievement.percent)
        yield w.gettext("capaian terhadap target akhir {percent}", percent=achieved)
    if end.progress is not None and end.baseline is not None:
        base, moved = w.n(end.baseline, w.fixed.get(code)), w.pct(end.progress.percent)
        yield w.gettext(
            "kemajuan dari kondisi awal ({baseline}) {percent}", baseline=base, percent=moved
        )
    if end.projection is not None and end.on_track is not None:
        projected = w.n(end.projection.value, w.fixed.get(code, 2))
        yield w.gettext(
            _ON_TRACK if end.on_track else _OFF_TRACK, end=end.end_year, projection=projected
        )


def _end_rows(w: Writer, index: int, found: IndicatorHistory) -> tuple[Cell, ...]:
    end: EndTargetComparison | None = found.end
    name = Cell.text(found.indicator.name)
    code = found.indicator.code
    baseline_row = next((row for row in found.series if row.baseline), None)
    baseline = Cell.number(
        None if baseline_row is None else baseline_row.realization, w.fixed.get(code)
    )
    if end is None:  # the year's realization and the baseline stand without an end target
        reason = say_end_reason(w, found, "end target")
        realization = _real_cell(w, code, found.current.realization, found.year, note=reason)
        return (_no(index), name, baseline, realization, *(Cell.missing(reason) for _ in range(6)))

    def why(part: str, value: object) -> str:
        return "" if value is not None else say_end_reason(w, found, part)

    achieved, moved, projected = end.achievement, end.progress, end.projection
    on_track = (
        Cell.missing(why("projection", None))
        if end.on_track is None
        else Cell.text(w("on_track_yes" if end.on_track else "on_track_no"))
    )
    return (
        _no(index),
        name,
        baseline,
        _real_cell(w, code, end.realization, found.year),
        _target_cell(w, code, end.end_target),
        _real_cell(
            w,
            code,
            None if end.gap is None else end.gap.value,
            found.year,
            note=why("gap", end.gap),
        ),
        Cell.percent(None if achieved is None else achieved.percent, why("achievement", achieved)),
        Cell.percent(None if moved is None else moved.percent, why("progress", moved)),
        Cell.number(
            None if projected is None else projected.value,
            w.fixed.get(code, 2),
            why("projection", projected),
        ),
        on_track,
    )


def _table_c(
    w: Writer,
    dataset: Dataset,
    histories: Sequence[IndicatorHistory],
    year: int,
    *,
    groups: Sequence[GroupResult] = (),
) -> Table:
    plan = dataset.plan
    baseline_years = sorted(
        {row.year for found in histories for row in found.series if row.baseline}
    )
    baseline_year = baseline_years[0] if baseline_years else plan.start_year - 1
    rows, heads = _grouped(
        histories,
        groups,
        lambda i, found: _end_rows(w, i, found),
        lambda group: _group_heading(w, group, 10),
    )
    return Table(
        key="end-target",
        number="3.3",
        title=w("t_c", end=plan.end_year),
        columns=(
            _column(w, "no"),
            _column(w, "indicator"),
            _column(w, "baseline", year=baseline_year),
            _column(w, "realization", year=year),
            _column(w, "end-target", "end_target", year=plan.end_year),
            _column(w, "gap"),
            _column(w, "achievement", "end_achievement"),
            _column(w, "progress"),
            _column(w, "projection", year=plan.end_year),
            _column(w, "on-track", "on_track"),
        ),
        rows=rows,
        rule=w("rule_c", method=w.rule(LEAST_SQUARES, "title", LEAST_SQUARES.title)),
        source=w("source_53") + " (c)",
        sentences=tuple(_sentence_c(w, found) for found in histories),
        lang=w.lang,
        groups=heads,
    )


# --- (d) the national standard --------------------------------------------------------------


# By the realization's position against the standard and whether it meets the standard.
_AGAINST_STANDARD = {
    ("above", True): N_(
        "Realisasi {name} tahun {year} ({now}) di atas standar nasional {standard} ({source}); "
        "capaian terhadap standar {percent}, memenuhi standar."
    ),
    ("above", False): N_(
        "Realisasi {name} tahun {year} ({now}) di atas standar nasional {standard} ({source}); "
        "capaian terhadap standar {percent}, belum memenuhi standar."
    ),
    ("below", True): N_(
        "Realisasi {name} tahun {year} ({now}) di bawah standar nasional {standard} ({source}); "
        "capaian terhadap standar {percent}, memenuhi standar."
    ),
    ("below", False): N_(
        "Realisasi {name} tahun {year} ({now}) di bawah standar nasional {standard} ({source}); "
        "capaian terhadap standar {percent}, belum memenuhi standar."
    ),
    ("equal", True): N_(
        "Realisasi {name} tahun {year} ({now}) sama dengan standar nasional {standard} "
        "({source}); "
        "capaian terhadap standar {percent}, memenuhi standar."
    ),
    ("equal", False): N_(
        "Realisasi {name} tahun {year} ({now}) sama dengan standar nasional {standard} "
        "({source}); "
        "capaian terhadap standar {percent}, belum memenuhi standar."
    ),
    ("within", True): N_(
        "Realisasi {name} tahun {year} ({now}) di dalam rentang standar nasional {standard} "
        "({source}); "
        "capaian terhadap standar {percent}, memenuhi standar."
    ),
    ("within", False): N_(
        "Realisasi {name} tahun {year} ({now}) di dalam rentang standar nasional {standard} "
        "({source}); "
        "capaian terhadap standar {percent}, belum memenuhi standar."
    ),
}


def _sentence_d(w: Writer, found: IndicatorHistory) -> str:
    ind, standard = found.indicator, found.standard
    if standard is None:  # a standard exists, but the year has no realization
        why = say_history_reason(w, found, "standard")
        return w.gettext(
            "Realisasi {name} tidak dapat dibandingkan dengan standar nasional: {why}.",
            name=ind.name,
            why=why,
        )
    if isinstance(standard, NoStandard):
        return w.gettext(
            "Tidak ada standar nasional untuk {name}, sehingga realisasinya tidak dibandingkan "
            "dengan standar.",
            name=ind.name,
        )
    comparison: StandardComparison = standard
    real = w.real(ind.code, comparison.realization, found.year)
    value = w.target(comparison.standard.value, ind.code)
    return w.gettext(
        _AGAINST_STANDARD[comparison.position, comparison.meets],
        name=ind.name,
        year=found.year,
        now=real,
        standard=value,
        source=comparison.source,
        percent=w.pct(comparison.achievement.percent),
    )


def _standard_row(w: Writer, index: int, found: IndicatorHistory) -> tuple[Cell, ...]:
    standard = found.standard
    code, real = found.indicator.code, found.current.realization
    head = (_no(index), Cell.text(found.indicator.name), _real_cell(w, code, real, found.year))
    if standard is None:  # a standard exists, but the year has no realization
        why = say_history_reason(w, found, "standard")
        return (*head, Cell.missing(why), Cell.missing(why), Cell.missing(why))
    if isinstance(standard, NoStandard):
        return (*head, Cell.text(w("no_standard")), Cell.missing(), Cell.missing())
    return (
        *head,
        _target_cell(w, code, standard.standard.value),
        Cell.text(standard.source),
        Cell.percent(standard.achievement.percent),
    )


def _table_d(
    w: Writer,
    histories: Sequence[IndicatorHistory],
    year: int,
    *,
    groups: Sequence[GroupResult] = (),
) -> Table:
    rows, heads = _grouped(
        histories,
        groups,
        lambda i, found: _standard_row(w, i, found),
        lambda group: _group_heading(w, group, 6),
    )
    return Table(
        key="standard",
        number="3.4",
        title=w("t_d", year=year),
        columns=(
            _column(w, "no"),
            _column(w, "indicator"),
            _column(w, "realization", year=year),
            _column(w, "standard"),
            _column(w, "source", "standard_source"),
            _column(w, "achievement", "standard_achievement"),
        ),
        rows=rows,
        rule=w("rule_d"),
        source=w("source_53") + " (d)",
        sentences=tuple(_sentence_d(w, found) for found in histories),
        lang=w.lang,
        groups=heads,
    )


# --- charts ---------------------------------------------------------------------------------


def _bounds(target: TargetLike | None) -> tuple[Decimal, Decimal] | None:
    if target is None or isinstance(target, LevelTarget):  # a level has no place on the axis
        return None
    if isinstance(target, TargetRange):
        return target.low, target.high
    if isinstance(target, ComparatorTarget):
        return target.bound, target.bound
    return target.value, target.value


def _series(w: Writer, found: IndicatorHistory, dataset: Dataset) -> IndicatorSeries:
    rows = found.series
    end = found.end
    code = found.indicator.code
    places = tuple(
        None if row.realization is None else w.places(code, row.realization, row.year)
        for row in rows
    )
    return IndicatorSeries(
        code=found.indicator.code,
        name=found.indicator.name,
        unit=unit_of(found.indicator, w.lang),
        years=tuple(row.year for row in rows),
        targets=tuple(_bounds(row.target) for row in rows),
        realizations=tuple(row.realization for row in rows),
        end_year=dataset.plan.end_year,
        end_target=None if end is None else _bounds(end.end_target),
        report_year=found.year,
        places=places if any(p is not None for p in places) else (),
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


@collector_paused  # builds thousands of small objects; see sakip._gc
def build_report(
    dataset: Dataset,
    *,
    year: int | None = None,
    lang: str = "id",
    scale: RatingScale | str | None = None,
    efficiency: EfficiencyConvention | str | None = None,
    cap: Number | None = None,
    as_of: Period | str | None = None,
    places: int | None = None,
) -> Report:
    """Chapter III of a performance report (Bab III LKjIP) from the data, as tables.

    A setting left ``None`` comes from the indicator, else the dataset's
    :class:`~sakip.Settings`, else sakip's default; one given here wins over both
    (:mod:`sakip.analysis.settings`).

    Args:
        dataset: The plan, agreements, realizations, standards and budget.
        year: The year to report; the latest year with a realization when ``None``.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` for every word: titles,
            sentences, reasons, rules and sources.
        scale: The rating scale for achievements, or its name; by default Permendagri 86/2017.
        efficiency: The efficiency convention for table (f), or its name
            (:data:`sakip.budget.EFFICIENCY_CONVENTIONS`); by default ``difference``.
        cap: A cap on each year's achievement (100, 120), the uncapped figure kept; the
            table's rule line says so (:data:`sakip.formulas.CAP_RULE`). None by default.
        as_of: A quarter or a month (or its text, ``"TW II 2024"``): adds the monitoring
            table (key ``"monitoring"``, :func:`sakip.monitoring`) up to it; its year is the
            report's year when ``year`` is ``None``.
        places: The decimals every indicator's own figures print with (targets,
            realizations, changes, projections), 0 to 6, rounded half-up; by default the
            indicator's or the dataset's ``places``, else each figure as the data gives it.
            Achievements keep 2 places.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``, there is no year to report,
            the cap is not a positive number, ``places`` is not a whole number from 0 to 6,
            or ``as_of`` names no period or one of a year other than ``year``.
    """
    check_lang(lang)
    fixed = fixed_places(dataset, places)
    if as_of is None:
        chapter = compute_chapter(dataset, year=year, scale=scale, efficiency=efficiency, cap=cap)
        return report_of(chapter, lang=lang, places=places)
    from sakip.monitor import monitoring, parse_period  # noqa: PLC0415 - it builds on this module
    from sakip.monitor_table import monitoring_table  # noqa: PLC0415

    period = parse_period(as_of) if isinstance(as_of, str) else as_of
    if year is not None and period.year != year:
        raise InvalidValueError("as_of", str(period), f"a period of the report's year {year}")
    result = monitoring(dataset, as_of=period)
    chapter = compute_chapter(
        dataset, year=result.year, scale=scale, efficiency=efficiency, cap=cap
    )
    report = report_of(chapter, lang=lang, places=places)
    table = monitoring_table(Writer(report.lang, chapter.computed, fixed), result)
    # numbered after the chapter's own tables, however many the data gives it
    table = attrs.evolve(table, number=f"3.{len(report.tables) + 1}")
    return attrs.evolve(report, tables=(*report.tables, table))


def report_of(chapter: Chapter, *, lang: str = "id", places: int | None = None) -> Report:
    """Chapter III's tables in ``lang``, from the chapter computed once (tabel bab III).

    The same :class:`~sakip.analysis.chapter.Chapter` shows in Indonesian and in English
    without computing it again (:meth:`Chapter.report <sakip.analysis.chapter.Chapter.report>`
    calls this), and in other places: ``places`` as for :func:`~sakip.build_report`.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``, or ``places`` is not a whole
            number from 0 to 6.
    """
    fixed = fixed_places(chapter.dataset, places)
    w = Writer(check_lang(lang), chapter.computed, fixed)
    dataset, when, histories = chapter.dataset, chapter.year, chapter.histories
    sources = _data_sources(dataset, histories)
    indicators = [
        _with_revisions(w, dataset, when, _table_a(w, chapter)),
        _table_b(w, histories, when, groups=chapter.groups),
        _table_c(w, dataset, histories, when, groups=chapter.groups),
        _table_d(w, histories, when, groups=chapter.groups),
    ]
    tables = [
        *(attrs.evolve(table, data_sources=sources) for table in indicators),
        _table_efficiency(w, chapter),
        _table_budget(w, chapter.budget, when),
    ]
    if chapter.analyses:  # the author's texts, when the data has them
        tables.append(_table_analysis(w, dataset, chapter.analyses, when))
    rated = [r for r in (_rated(found) for found in histories) if r is not None]
    return Report(
        title=w("title", year=when),
        agency=dataset.agency.name,
        year=when,
        lang=w.lang,
        tables=tuple(tables),
        series=tuple(_series(w, found, dataset) for found in histories),
        achievements=tuple(rated),
        scale=chapter.scale.name,
    )


def _data_sources(dataset: Dataset, histories: Sequence[IndicatorHistory]) -> tuple[str, ...]:
    """The indicators' data sources as the data names them, each once, in the plan's order.

    An indicator without its own takes the dataset's (:class:`~sakip.Settings`).
    """
    named = (data_source_of(dataset, found.indicator) for found in histories)
    return tuple(dict.fromkeys(source for source in named if source))


def _absorption_reason(w: Writer, result: BudgetResult, year: int) -> str:
    """Why the line has no absorption ("" when it has one)."""
    return "" if result.absorption is not None else _budget_reason(w, result, year)


def _budget_row(
    index: int, line: BudgetLine, absorbed: Absorption | None, why: str
) -> tuple[Cell, ...]:
    return (
        _no(index),
        Cell.text(line.code),
        Cell.text(line.name),
        Cell.text(str(line.funding_source)),
        Cell.money(line.effective_ceiling),
        Cell.money(line.spent if absorbed is None else absorbed.spent, why),
        Cell.percent(None if absorbed is None else absorbed.percent, why),
    )


# By whether the line's name already says "Anggaran …" (see _named_budget).
_ABSORBED = {
    True: N_("Serapan {name} sebesar {percent} ({spent} dari pagu {ceiling})."),
    False: N_("Serapan anggaran {name} sebesar {percent} ({spent} dari pagu {ceiling})."),
}
_NOT_ABSORBED = {
    True: N_("Serapan {name} tidak dapat dihitung: {why}."),
    False: N_("Serapan anggaran {name} tidak dapat dihitung: {why}."),
}


def _named_budget(line: BudgetLine) -> bool:
    """Whether the line's name already says ``Anggaran …``, so a sentence does not repeat it."""
    return line.name.casefold().startswith("anggaran")


def _absorption_sentence(w: Writer, line: BudgetLine, absorbed: Absorption) -> str:
    spent, ceiling = w.money(absorbed.spent), w.money(absorbed.ceiling)
    return w.gettext(
        _ABSORBED[_named_budget(line)],
        name=line.name,
        percent=w.pct(absorbed.percent),
        spent=spent,
        ceiling=ceiling,
    )


def _budget_sentences(w: Writer, budget: Sequence[BudgetResult], year: int) -> Iterable[str]:
    unreported = []
    for result in budget:
        line, absorbed = result.line, result.absorption
        why = _absorption_reason(w, result, year)
        if absorbed is not None:
            yield _absorption_sentence(w, line, absorbed)
        elif result.unreported:
            unreported.append(line.name)
        else:
            yield w.gettext(
                _NOT_ABSORBED[_named_budget(line)],
                name=line.name,
                why=why,
            )
    if unreported:
        names = "; ".join(unreported)
        yield w.gettext("Realisasi anggaran tidak dilaporkan untuk: {names}.", names=names)


def _table_budget(w: Writer, budget: Sequence[BudgetResult], year: int) -> Table:
    rows = [
        _budget_row(index, result.line, result.absorption, _absorption_reason(w, result, year))
        for index, result in enumerate(budget, 1)
    ]
    return Table(
        key="budget",
        number="3.6",
        title=w("t_budget", year=year),
        columns=(
            _column(w, "no"),
            _column(w, "code"),
            _column(w, "line"),
            _column(w, "funding"),
            _column(w, "ceiling", year=year),
            _column(w, "spent", year=year),
            _column(w, "absorption"),
        ),
        rows=tuple(rows),
        rule=w("rule_budget"),
        source=w("source_53") + " B",
        sentences=tuple(_budget_sentences(w, budget, year)),
        lang=w.lang,
    )


_VERDICT = {True: N_("efisien"), False: N_("tidak efisien"), None: N_("tidak dibaca")}


def _efficiency_row(
    w: Writer, index: int, pair: EfficiencyResult, convention: EfficiencyConvention
) -> tuple[tuple[Cell, ...], str | None]:
    found, line, result = pair.history, pair.budget.line, pair.efficiency
    achieved, absorbed = found.current.achievement, pair.budget.absorption
    why = _absorption_reason(w, pair.budget, found.year)
    unachieved = "" if achieved is not None else say_row_reason(w, found.current)
    head = (_no(index), Cell.text(found.indicator.name), Cell.text(line.name))
    achieved_cell = Cell.percent(None if achieved is None else achieved.percent, unachieved)
    absorbed_cell = Cell.percent(None if absorbed is None else absorbed.percent, why)
    if achieved is None or absorbed is None or result is None:
        why = why or unachieved
        return (*head, achieved_cell, absorbed_cell, Cell.missing(why), Cell.missing(why)), None
    verdict = w.gettext(_VERDICT[result.efficient])
    cells = (*head, achieved_cell, absorbed_cell, Cell.number(result.value, 2), Cell.text(verdict))
    a, b, e = w.pct(achieved.percent), w.pct(absorbed.percent), w.n(result.value, 2)
    label = w.rule(convention, "label", convention.name)
    expression = w.rule(convention, "expression", convention.expression)
    sentence = w.gettext(
        "Capaian {name} {achievement} dengan serapan anggaran {absorption} ({budget}): nilai "
        "{value} menurut konvensi {label} ({expression}), {verdict}.",
        name=found.indicator.name,
        achievement=a,
        absorption=b,
        budget=line.name,
        value=e,
        label=label,
        expression=expression,
        verdict=verdict,
    )
    return cells, sentence


def _table_efficiency(w: Writer, chapter: Chapter) -> Table:
    year, convention = chapter.year, chapter.convention
    done = [
        _efficiency_row(w, index, pair, convention)
        for index, pair in enumerate(chapter.efficiencies, 1)
    ]
    rows = [cells for cells, _ in done]
    sentences = [sentence for _, sentence in done if sentence is not None]
    if not rows:
        sentences.append(
            w.gettext(
                "Tidak ada anggaran yang dikaitkan dengan indikator, sehingga efisiensi tidak "
                "dapat dianalisis."
            )
        )
    return Table(
        key="efficiency",
        number="3.5",
        title=w("t_efficiency", year=year),
        columns=(
            _column(w, "no"),
            _column(w, "indicator"),
            _column(w, "line"),
            _column(w, "achievement"),
            _column(w, "absorption"),
            _column(w, "efficiency"),
            _column(w, "verdict", "trend"),
        ),
        rows=tuple(rows),
        rule=w(
            "rule_efficiency",
            expression=w.rule(convention, "expression", convention.expression),
            title=w.rule(convention, "title", convention.title),
        ),
        source=f"{w('source_53')} (f); {w.basis(convention)}",
        sentences=tuple(sentences),
        lang=w.lang,
    )


# --- the author's analysis (PermenPANRB 53/2014, Bab III (e) and (g)) ----------------------

_ASPECTS = {
    "supporting": N_("Faktor pendukung"),
    "obstacles": N_("Faktor penghambat"),
    "measures": N_("Upaya / solusi"),
    "follow_up": N_("Rencana tindak lanjut"),
}


def _period(analysis: AuthorAnalysis) -> str:
    if analysis.quarter is None:
        return str(analysis.year)
    return str(Quarter(analysis.year, analysis.quarter))  # "TW II 2024", as reports print it


# The labels an LKjIP prints over the author's texts under an indicator.
_NOTE_LABELS = {
    "supporting": N_("Faktor pendukung"),
    "obstacles": N_("Faktor penghambat"),
    "measures": N_("Upaya yang dilakukan"),
    "follow_up": N_("Rencana tindak lanjut"),
}


def _note_lines(
    w: Writer, dataset: Dataset, analysis: AuthorAnalysis
) -> Iterable[tuple[str, str]]:
    """Each text as written, under its label; then the programs, each by code and name."""
    for field, text in analysis.texts:
        if text.strip():
            yield w.gettext(_NOTE_LABELS[field]), text
    if analysis.programs:
        names = "; ".join(
            f"{code} {dataset.cascade_item(code).name}" for code in analysis.programs
        )
        yield w.gettext("Program/kegiatan pendukung"), names


def _analysis_rows(
    w: Writer, dataset: Dataset, index: int, analysis: AuthorAnalysis
) -> Iterable[tuple[Cell, ...]]:
    """One row per line of each text, as written; then the programs behind the result."""
    head = (_no(index), Cell.text(dataset.indicator(analysis.indicator).name))
    period = Cell.text(_period(analysis))
    for field, text in analysis.texts:
        aspect = Cell.text(w.gettext(_ASPECTS[field]))
        for line in text.splitlines() or [text]:
            if line.strip():
                yield (*head, period, aspect, Cell.text(line))
    if analysis.programs:
        names = "; ".join(
            f"{code} {dataset.cascade_item(code).name}" for code in analysis.programs
        )
        yield (*head, period, Cell.text(w.gettext("Program pendukung")), Cell.text(names))


def _table_analysis(
    w: Writer, dataset: Dataset, analyses: Sequence[AuthorAnalysis], year: int
) -> Table:
    rows = [
        row
        for index, analysis in enumerate(analyses, 1)
        for row in _analysis_rows(w, dataset, index, analysis)
    ]
    return Table(
        key="analysis",
        number="3.7",
        title=w.gettext("Analisis capaian kinerja tahun {year}", year=year),
        columns=(
            _column(w, "no"),
            _column(w, "indicator"),
            Column(key="period", title=w.gettext("Periode")),
            Column(key="aspect", title=w.gettext("Aspek")),
            Column(key="text", title=w.gettext("Uraian")),
        ),
        rows=tuple(rows),
        rule=w.gettext("Analisis penyusun laporan, dimuat sebagaimana ditulis"),
        source=w("source_53") + " (e), (g)",
        lang=w.lang,
    )
