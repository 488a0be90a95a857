"""Many agencies at once (banyak instansi sekaligus): a province or a ministry consolidating.

A :class:`Collection` holds the data of many bodies, read in one process: a folder of data
files (one agency each, as :func:`sakip.io.load` reads them) or one flat table with an
agency column (``Instansi``). :func:`consolidate` gives one row per agency × indicator with
its achievement and rating, the table a province or KemenPANRB compares the bodies with, and
:func:`write_reports` writes one report per agency and that table (what
``sakip report DIR_OR_TABLE --output DIR`` does).
"""

from __future__ import annotations

import concurrent.futures
import csv
import functools
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from sakip._gc import collector_paused
from sakip.analysis.chapter import Chapter, compute_chapter
from sakip.analysis.history import YearRow
from sakip.compare import year_row
from sakip.exceptions import InvalidValueError, SakipError
from sakip.io._safe import sync_directory_of
from sakip.io.datafile import load
from sakip.io.errors import DataFileError, Problem, single
from sakip.io.plain_table import read_plain_groups, tokenize_csv
from sakip.io.tables import TableRow, evaluate, read_rows, write_csv, write_xlsx
from sakip.model import Dataset, Indicator, TargetLike
from sakip.report import report_of, report_year
from sakip.scales import PERMENDAGRI_86_2017, SCALES, RatingScale
from sakip.text import check_lang

__all__ = [
    "AGENCY_HEADERS",
    "CONSOLIDATED_COLUMNS",
    "Collection",
    "ConsolidatedRow",
    "Member",
    "consolidate",
    "read_collection",
    "write_reports",
]

AGENCY_HEADERS: Final = ("instansi", "agency", "nama instansi", "pemda", "perangkat daerah")
"""Headers that name a table's agency column (any case)."""

CONSOLIDATED_COLUMNS: Final = (
    "Instansi",
    "Kode",
    "Indikator",
    "Tahun",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
    "Keterangan",
)
"""The header of the consolidated table."""

_DATA_FILES = (".toml", ".json")
_TABLES = (".csv", ".xlsx", ".xlsm")
_EXTENSIONS = {
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
    "json": ".json",
    "xlsx": ".xlsx",
}
_CONSOLIDATED = "konsolidasi"


@attrs.frozen(kw_only=True)
class Member:
    """One agency of a collection: its dataset (from a data file) or its table rows.

    Attributes:
        name: The agency's name.
        key: A name for its files, unique in the collection (the data file's stem, or the
            agency's name in lower case with dashes).
        dataset: The agency's dataset, when it comes from a data file.
        rows: The agency's table rows, when it comes from a table.
    """

    name: str
    key: str
    dataset: Dataset | None = None
    rows: Sequence[TableRow] = ()


@attrs.frozen(kw_only=True)
class Collection:
    """The data of many agencies (kumpulan data instansi), read in one process.

    Attributes:
        members: Every agency read, in the order of the files (or of first appearance in a
            table).
        problems: One error per data file that could not be read, or the bad cells of a
            table; what was good is in :attr:`members` all the same.
        source: The folder or table read.
    """

    members: tuple[Member, ...]
    problems: tuple[DataFileError, ...] = ()
    source: str | None = None


@attrs.frozen(kw_only=True)
class ConsolidatedRow:
    """One agency × indicator of the consolidated table: the year's achievement and rating.

    Attributes:
        agency: The agency's name.
        code: The indicator's code (or its name, in a table without codes).
        indicator: The indicator's name, when known.
        year: The year compared.
        target: The year's target, or ``None``.
        realization: The year's realization, or ``None``.
        percent: The printed achievement (2 places, half-up), or ``None``.
        rating: The rating's label, or ``None``.
        reason: Why there is no figure or no rating, else ``None``.
    """

    agency: str
    code: str
    indicator: str | None
    year: int
    target: TargetLike | None
    realization: Decimal | None
    percent: Decimal | None
    rating: str | None
    reason: str | None

    def cells(self) -> tuple[object, ...]:
        """The row's cells, in the order of :data:`CONSOLIDATED_COLUMNS`."""
        return (
            self.agency,
            self.code,
            self.indicator,
            self.year,
            self.target,
            self.realization,
            self.percent,
            self.rating,
            self.reason,
        )


# --- reading ------------------------------------------------------------------------------


def read_collection(path: str | os.PathLike[str]) -> Collection:
    """Read many agencies: a folder of data files, or a table with an agency column.

    A folder's ``.toml`` and ``.json`` files are read in name order, one agency each; a file
    that cannot be read becomes a problem and the others are kept. A ``.csv`` or ``.xlsx``
    table needs an agency column (``Instansi``, see :data:`AGENCY_HEADERS`) beside the
    columns :func:`sakip.io.read_table` reads; its rows are grouped by agency.

    Raises:
        DataFileError: The path is neither a folder nor a table, the folder holds no data
            file, or the table cannot be read or has no agency column.

    >>> from sakip.collection import read_collection
    >>> agencies = read_collection("examples")
    >>> [member.key for member in agencies.members]
    ['dinkes-kabupaten-contoh-2024', 'dinkes-kabupaten-contoh-2025', 'dinsos-kota-metro-2024']
    """
    folder = Path(path)
    if folder.is_dir():
        return _read_folder(folder)
    if folder.suffix.casefold() in _TABLES:
        return _read_table(folder)
    raise single(
        "neither a folder nor a table",
        file=str(folder),
        expected="a folder, .csv or .xlsx",
        problem=Problem.NOT_DATA,
    )


@collector_paused  # every agency's data stays alive; see sakip._gc
def _read_folder(folder: Path) -> Collection:
    members, problems = [], []
    for file in _data_files(folder):
        try:
            dataset = load(file)
        except DataFileError as error:
            problems.append(error)
            continue
        members.append(Member(name=dataset.agency.name, key=file.stem, dataset=dataset))
    return Collection(members=tuple(members), problems=tuple(problems), source=str(folder))


def _data_files(folder: Path) -> list[Path]:
    """The folder's data files, in name order."""
    files = sorted(p for p in folder.iterdir() if p.suffix.casefold() in _DATA_FILES)
    if not files:
        raise single(
            "the folder holds no .toml or .json data file",
            file=str(folder),
            problem=Problem.NO_DATA_FILES,
        )
    return files


@collector_paused  # every agency's rows stay alive; see sakip._gc
def _read_table(table: Path) -> Collection:
    """Split the table's rows by agency, then read each agency's rows as one table."""
    xlsx = table.suffix.casefold() != ".csv"
    plain = None if xlsx else _plain_table(table)
    if plain is not None:
        return plain
    cells = _xlsx_rows(table) if xlsx else _csv_rows(table)
    header = cells[0] if cells else []
    names = [str(cell or "").strip().casefold() for cell in header]
    column = next((i for i, name in enumerate(names) if name in AGENCY_HEADERS), None)
    if column is None:
        raise single(
            "the table has no agency column",
            file=str(table),
            expected=f"a column named one of {', '.join(AGENCY_HEADERS)}",
            problem=Problem.NO_AGENCY_COLUMN,
            accepted=AGENCY_HEADERS,
        )
    groups = _by_agency(cells, column)
    del cells  # so that each agency's cells are freed once its rows are read
    members, problems = [], []
    for key in _unique_keys(groups):
        name, (lines, rows) = next(iter(groups.items()))
        del groups[name]
        read = read_rows([header, *rows], file=str(table), labels=lines)
        del rows
        if not read.ok:
            try:
                read.raise_for_errors()
            except DataFileError as error:
                problems.append(error)
        members.append(Member(name=name or "—", key=key, rows=read.rows))
    return Collection(members=tuple(members), problems=tuple(problems), source=str(table))


def _plain_table(table: Path) -> Collection | None:
    """A large plain CSV table split by agency column by column; ``None`` for the row reader.

    See :mod:`sakip.io.plain_table`: the same members as the row reader's, without a row
    object per row; any table with a problem is left to the row reader, which reports it.
    """
    try:
        data = table.read_bytes().removeprefix(b"\xef\xbb\xbf")
        if not data.isascii():
            data.decode()
    except (OSError, UnicodeDecodeError):
        return None  # the row reader says why
    header = data.partition(b"\n")[0].decode()
    raw = tokenize_csv(data, max((";", ",", "\t"), key=header.count))
    if raw is None:
        return None
    names = [cell.strip().casefold() for cell in raw.header]
    column = next((i for i, name in enumerate(names) if name in AGENCY_HEADERS), None)
    groups = None if column is None else read_plain_groups(raw, column)
    if groups is None:
        return None
    keys = _unique_keys(name for name, _ in groups)
    members = tuple(
        Member(name=name or "—", key=key, rows=rows)
        for (name, rows), key in zip(groups, keys, strict=True)
    )
    return Collection(members=members, problems=(), source=str(table))


def _by_agency(
    cells: list[list[object]], column: int
) -> dict[str, tuple[list[int], list[Sequence[object]]]]:
    """The data rows of each agency, with their line numbers, in the order they first come."""
    groups: dict[str, tuple[list[int], list[Sequence[object]]]] = {}
    for line, row in enumerate(itertools.islice(cells, 1, None), 2):
        name = str(row[column] or "").strip() if column < len(row) else ""
        lines, rows = groups.setdefault(name, ([], []))
        lines.append(line)
        rows.append(row)
    return groups


def _csv_rows(table: Path) -> list[list[object]]:
    """The cells of a CSV table (UTF-8), delimited as its header line says.

    The file is read as a stream, never whole, and a text that recurs (an agency's name, a
    polarity, a year) is kept once: the cells take a fraction of the memory they would.
    """
    try:
        with table.open(encoding="utf-8-sig", newline="") as stream:
            header = stream.readline()
            delimiter = max((";", ",", "\t"), key=header.count)
            stream.seek(0)
            kept: dict[str, str] = {}
            keep = kept.setdefault
            return [[*map(keep, row, row)] for row in csv.reader(stream, delimiter=delimiter)]
    except (OSError, UnicodeDecodeError) as error:
        raise single(
            f"cannot read the table: {error}",
            file=str(table),
            value=str(error),
            problem=Problem.UNREADABLE,
        ) from None


def _xlsx_rows(table: Path) -> list[list[object]]:
    """The cells of the sheet :func:`~sakip.io.read_table` would read, as it reads them."""
    from sakip.extra.xlsx_reader import sheet_cells  # noqa: PLC0415 - it imports sakip.io

    return sheet_cells(table)


def _unique_keys(names: Iterable[str]) -> list[str]:
    keys: list[str] = []
    for name in names:
        base = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-") or "instansi"
        key, number = base, 2
        while key in keys:
            key, number = f"{base}-{number}", number + 1
        keys.append(key)
    return keys


# --- computing ----------------------------------------------------------------------------


def consolidate(
    collection: Collection,
    *,
    year: int | None = None,
    scale: RatingScale | str = PERMENDAGRI_86_2017,
) -> tuple[ConsolidatedRow, ...]:
    """One row per agency × indicator: the year's target, realization, achievement, rating.

    Args:
        collection: The agencies.
        year: The year to compare; by default each agency's latest year with a realization
            (the year its own report covers).
        scale: The rating scale.

    A dataset's row is its report's (the PK target, else the Renstra's; a year built from
    quarters where the indicator says so); a table's row is its yearly row (no quarter).

    >>> from sakip.collection import consolidate, read_collection
    >>> rows = consolidate(read_collection("examples"))
    >>> [(r.agency, r.code, r.percent, r.rating) for r in rows if r.code == "IKU-1"]
    [('Dinas Sosial Kota Metro', 'IKU-1', Decimal('100.42'), 'Sangat Tinggi')]
    """
    rows: list[ConsolidatedRow] = []
    for member in collection.members:
        if member.dataset is not None:
            rows += _dataset_rows(member.name, member.dataset, year, scale)
        else:
            rows += _table_rows(member.name, member.rows, year, scale)
    return tuple(rows)


def _dataset_rows(
    name: str, dataset: Dataset, year: int | None, scale: RatingScale | str
) -> Iterator[ConsolidatedRow]:
    if not dataset.realizations and year is None:
        return
    when = report_year(dataset) if year is None else year
    for indicator in dataset.plan.indicators:
        yield _consolidated(
            name, indicator, when, year_row(dataset, indicator.code, when, scale=scale)
        )


def _chapter_rows(
    name: str, chapter: Chapter, scale: RatingScale | str
) -> Iterator[ConsolidatedRow]:
    """:func:`_dataset_rows` from a report's chapter, for the year it reports.

    Each indicator's history holds the row :func:`~sakip.compare.year_row` gives for that
    year, computed with the same scale (and no cap, as here); only a baseline dated in the
    report year stands in its place, and that indicator's row is computed as
    :func:`_dataset_rows` does.
    """
    dataset, when = chapter.dataset, chapter.year
    for found in chapter.histories:
        code = found.indicator.code
        row = found.current
        if row.baseline:
            row = year_row(dataset, code, when, scale=scale)
        yield _consolidated(name, found.indicator, when, row)


def _consolidated(name: str, indicator: Indicator, year: int, row: YearRow) -> ConsolidatedRow:
    return ConsolidatedRow(
        agency=name,
        code=indicator.code,
        indicator=indicator.name,
        year=year,
        target=row.target,
        realization=row.realization,
        percent=None if row.achievement is None else row.achievement.percent,
        rating=None if row.rating is None else row.rating.label,
        reason=None if row.missing is None else row.missing.explain(lang="en"),
    )


def _table_rows(
    name: str, rows: Sequence[TableRow], year: int | None, scale: RatingScale | str
) -> Iterator[ConsolidatedRow]:
    yearly = [row for row in rows if row.quarter is None]
    reported = [row.year for row in yearly if row.realization is not None]
    when = year if year is not None else max(reported, default=None)
    chosen = [row for row in yearly if row.year == when]
    for result in evaluate(chosen, scale=scale):
        row = result.row
        yield ConsolidatedRow(
            agency=name,
            code=row.key[0],
            indicator=row.indicator,
            year=row.year,
            target=row.target,
            realization=row.realization,
            percent=result.percent,
            rating=result.rating,
            reason=result.reason,
        )


# --- writing ------------------------------------------------------------------------------


@collector_paused  # every agency's data stays alive; see sakip._gc
def write_reports(
    collection: Collection | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    format: str = "text",
    year: int | None = None,
    lang: str = "id",
    scale: RatingScale | str = PERMENDAGRI_86_2017,
    jobs: int | None = None,
) -> tuple[list[Path], list[str]]:
    """Write one report per agency into ``output``, and the consolidated table.

    An agency from a data file gets its chapter III report in ``format`` (``KEY.txt``,
    ``KEY.html``, ...); an agency from a table gets its results table (``KEY.csv``, or
    ``KEY.xlsx`` for ``format="xlsx"``). The consolidated table is ``konsolidasi.csv`` (or
    ``konsolidasi.xlsx``).

    Args:
        collection: A collection already read, or the path :func:`read_collection` reads.
        output: The folder to write into (made when missing).
        format: The reports' format.
        year: The year to report; by default each agency's latest year with a realization.
        lang: The reports' language.
        scale: The rating scale.
        jobs: For a folder's path, how many processes load and report its data files, each
            a share of them (``1``: all in this process); by default one per processor this
            process may use. The files written, the failures and the consolidated table are
            the same, in the same order, for any number. A collection already read and a
            table are reported in this process.

    Returns:
        The files written, and one message per agency whose report could not be made. For a
        path, the data files or cells that could not be read come first (the collection's
        :attr:`~Collection.problems`), each as its error's message.

    Raises:
        InvalidValueError: ``jobs`` is not a whole number of 1 or more.
        DataFileError: The path is not a collection (see :func:`read_collection`).

    Each file is whole on disk before it replaces an old one of the same name; the folder's
    entries are synced once, at the end.
    """
    workers = _jobs(jobs)
    folder = Path(output)
    options = _Options(folder=folder, format=format, year=year, lang=lang, scale=_named(scale))
    if not isinstance(collection, Collection) and Path(collection).is_dir():
        files = _data_files(Path(collection))  # a folder without any is refused before writing
        folder.mkdir(parents=True, exist_ok=True)
        written, failed, rows = _report_files(files, options, workers)
    else:
        read = collection if isinstance(collection, Collection) else read_collection(collection)
        folder.mkdir(parents=True, exist_ok=True)
        written, failed = _report_members(read, options)
        if read is not collection:  # given a path: what could not be read comes first
            failed = [*map(str, read.problems), *failed]
        rows = list(consolidate(read, year=year, scale=scale))
    path = folder / (_CONSOLIDATED + options.table_suffix)
    (write_xlsx if format == "xlsx" else write_csv)(
        path, CONSOLIDATED_COLUMNS, [row.cells() for row in rows]
    )
    written.append(path)
    sync_directory_of(folder)
    return written, failed


def _jobs(jobs: object) -> int:
    """The number of processes: ``jobs``, or one per processor this process may use."""
    if jobs is None:
        count = getattr(os, "process_cpu_count", os.cpu_count)  # process_cpu_count: 3.13+
        return max(1, count() or 1)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InvalidValueError("jobs", jobs, "a whole number of processes, 1 or more")
    return jobs


def _named(scale: RatingScale | str) -> RatingScale | str:
    """A built-in scale by its name, so that another process finds the very same object.

    A report names a built-in rule's source in its own language, and a copy's as written.
    """
    if isinstance(scale, RatingScale) and scale.name in SCALES and SCALES[scale.name] is scale:
        return scale.name
    return scale


@attrs.frozen(kw_only=True)
class _Options:
    """What every agency's report is made with; small, so that it goes to each process."""

    folder: Path
    format: str
    year: int | None
    lang: str
    scale: RatingScale | str

    @property
    def table_suffix(self) -> str:
        return ".xlsx" if self.format == "xlsx" else ".csv"


def _report_members(collection: Collection, options: _Options) -> tuple[list[Path], list[str]]:
    """Each member's report, in this process: the files written and the failures."""
    from sakip.io.tables import write_results  # noqa: PLC0415 - loads only when writing

    written: list[Path] = []
    failed: list[str] = []
    for member in collection.members:
        try:
            if member.dataset is not None:
                path, _ = _write_report(member.key, member.dataset, options)
            else:
                path = options.folder / (member.key + options.table_suffix)
                write_results(evaluate(member.rows, scale=options.scale), path)
        except SakipError as error:
            failed.append(f"{member.name}: {error}")
            continue
        written.append(path)
    return written, failed


def _write_report(key: str, dataset: Dataset, options: _Options) -> tuple[Path, Chapter]:
    """Build, render and write one agency's report; its folder is synced by the caller.

    Returns the file and the chapter computed for it, whose year rows the consolidated table
    takes (:func:`_chapter_rows`) rather than computing them again.
    """
    from sakip.io._safe import atomic_write  # noqa: PLC0415 - loads only when writing
    from sakip.render import render  # noqa: PLC0415 - the renderers load only when writing

    path = options.folder / (key + _EXTENSIONS[options.format])
    # build_report's own steps (it has no monitoring period here), keeping the chapter
    check_lang(options.lang)
    chapter = compute_chapter(dataset, year=options.year, scale=options.scale)
    data = render(report_of(chapter, lang=options.lang), options.format)
    atomic_write(
        path, data if isinstance(data, bytes) else data.encode("utf-8"), sync_directory=False
    )
    return path, chapter


@attrs.frozen(kw_only=True)
class _Outcome:
    """What one data file gave: what a process sends back instead of the dataset."""

    problem: str | None = None
    written: Path | None = None
    failure: str | None = None
    rows: tuple[ConsolidatedRow, ...] = ()
    error: SakipError | None = None  # the consolidated rows' error, raised in file order


def _report_files(
    files: Sequence[Path], options: _Options, workers: int
) -> tuple[list[Path], list[str], list[ConsolidatedRow]]:
    """Load and report every data file, in ``workers`` processes."""
    if workers == 1 or len(files) == 1:
        outcomes = [_report_file(file, options) for file in files]
    else:
        workers = min(workers, len(files))
        # small shares, so that a slow process holds up no others; map keeps the file order
        share = max(1, len(files) // (workers * 8))
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
            task = functools.partial(_report_file, options=options)
            outcomes = list(pool.map(task, files, chunksize=share))
    problems = [outcome.problem for outcome in outcomes if outcome.problem is not None]
    failures = [outcome.failure for outcome in outcomes if outcome.failure is not None]
    written = [outcome.written for outcome in outcomes if outcome.written is not None]
    rows: list[ConsolidatedRow] = []
    for outcome in outcomes:
        if outcome.error is not None:
            raise outcome.error
        rows += outcome.rows
    return written, [*problems, *failures], rows


@collector_paused  # the agency's data stays alive while it is reported; see sakip._gc
def _report_file(file: Path, options: _Options) -> _Outcome:
    """One data file, loaded, reported and consolidated (a process pool's task)."""
    try:
        dataset = load(file)
    except DataFileError as error:
        return _Outcome(problem=str(error))
    name = dataset.agency.name
    written = failure = chapter = None
    try:
        written, chapter = _write_report(file.stem, dataset, options)
    except SakipError as error:
        failure = f"{name}: {error}"
    try:
        if chapter is None:
            rows = tuple(_dataset_rows(name, dataset, options.year, options.scale))
        else:
            rows = tuple(_chapter_rows(name, chapter, options.scale))
    except SakipError as error:
        return _Outcome(written=written, failure=failure, error=error)
    return _Outcome(written=written, failure=failure, rows=rows)
