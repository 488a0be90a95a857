"""The data file as a workbook (buku kerja): one sheet per part of a dataset, declared as data.

A workbook holds a whole :class:`~sakip.Dataset` in sheets a person fills in a spreadsheet
program: the agency and plan as a sheet of fields and values, then one sheet per list of
the data file (goals, objectives, indicators, targets, realizations, budget, agreements,
standards, stated figures, period targets, the cascade, the author's analyses), one row
per item; the settings are fields of the agency's sheet. Each sheet is one :class:`Sheet` in
:data:`LAYOUT`: its name, its columns (an Indonesian and an English header each, the data
file's field it holds), and how its rows become the data file's tables. Adding a part is
adding a declaration.

This module is the layout and the translation between rows of cells and the data file's
plain data; it never touches a spreadsheet library. Reading goes through
:func:`sakip.io.datafile.structure_dataset`, so a workbook is read exactly as the same data
written as TOML, and every problem is placed by its sheet, row and column.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

import attrs

from sakip import model
from sakip._decimal import to_decimal
from sakip.budget import EFFICIENCY_CONVENTIONS
from sakip.exceptions import InvalidValueError, SakipError
from sakip.io._cells import whole_number
from sakip.io.datafile import FORMAT, VERSION, converter, structure_dataset, unstructure_dataset
from sakip.io.errors import DataFileError, FieldError, Problem, detailed
from sakip.levels import LEVEL_SCALES
from sakip.model import Dataset
from sakip.scales import SCALES
from sakip.targets import parse_target
from sakip.text import N_, gettext

__all__ = [
    "HEADER_ROW",
    "INSTRUCTIONS",
    "LAYOUT",
    "Column",
    "Kind",
    "Sheet",
    "dataset_sheets",
    "decode_text",
    "encode_text",
    "enum_words",
    "read_sheets",
]

HEADER_ROW: Final = 1
"""The row of every sheet that holds the column headers; the data starts below it."""
INSTRUCTIONS: Final = (N_("Petunjuk"), "Instructions")
"""The Indonesian and English names of the sheet of help text, which a reader skips."""


class Kind(enum.Enum):
    """What a column's cells hold, which decides how a cell is written and read."""

    TEXT = "text"
    NUMBER = "number"
    WHOLE = "whole"
    TARGET = "target"
    """A number, or a target as a report prints it (``60 s.d. 85``), read by parse_target."""
    BOOLEAN = "boolean"
    DATE = "date"
    CHOICE = "choice"
    """One of an enumeration's words; the sheet offers them in a drop-down."""
    TEXTS = "texts"
    """Several texts, one per line of the cell."""
    NUMBERS = "numbers"
    """Several numbers, separated by ``;``."""
    ANY = "any"
    """A sheet of fields' values, each read as its field's kind."""


@attrs.frozen
class Column:
    """One column of a sheet: its headers, the field it holds, its help text.

    Attributes:
        key: The data file's field (``code``, ``baseline``), or the sheet's own key.
        header: The Indonesian header, the one written.
        english: The English header, also accepted when read.
        help: What to write in it, in Indonesian (a message id of the text layer).
        kind: What its cells hold.
        choices: The enumeration a :attr:`Kind.CHOICE` column offers.
        options: The names a :attr:`Kind.CHOICE` column of a registry offers (the rating
            scales), written and read as they are.
    """

    key: str
    header: str
    english: str
    help: str
    kind: Kind = Kind.TEXT
    choices: type[model.AliasedEnum] | None = None
    options: tuple[str, ...] = ()


@attrs.frozen
class Sheet:
    """One sheet of the workbook: its names, its columns, how its rows become plain data.

    Attributes:
        name: The Indonesian name, the one written.
        english: The English name, also accepted when read.
        help: What the sheet holds, in Indonesian (a message id of the text layer).
        columns: Its columns, in the order written.
        rows: The rows of the sheet from the data file's plain data: each a mapping of
            column key to value, in order.
        read: Puts the rows read into the plain data being built, with each value's place.
        fields: For a sheet of fields and values, the fields, each a :class:`Column` whose
            key is the dotted path in the data file (``agency.name``).
    """

    name: str
    english: str
    help: str
    columns: tuple[Column, ...]
    rows: Callable[[Mapping[str, Any]], Iterator[dict[str, Any]]]
    read: Callable[..., None]
    fields: tuple[Column, ...] = ()


# --- cells: escapes for what a workbook cannot hold ---------------------------------------

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def encode_text(text: str, *, lines: bool = False) -> str:
    r"""A text as a workbook cell holds it: characters XML cannot carry as ``_xHHHH_``.

    This is the escape of the Office Open XML standard (ECMA-376, ST_Xstring), so a
    spreadsheet program shows the character; an underscore that would start such an escape
    is escaped itself. With ``lines``, a line break is escaped too (a cell of several texts
    separates them by line breaks).

    >>> from sakip.io.workbook import decode_text, encode_text
    >>> encode_text("a\rb")
    'a_x000D_b'
    >>> decode_text(encode_text("_x0041_"))
    '_x0041_'
    """
    unsafe = re.compile(_UNSAFE.pattern + "|\n") if lines else _UNSAFE
    return unsafe.sub(lambda found: f"_x{ord(found[0]):04X}_", text)


def decode_text(text: str) -> str:
    """A cell's text as written before :func:`encode_text`."""
    return _ESCAPE.sub(lambda found: chr(int(found[1], 16)), text)


def enum_words(choices: type[model.AliasedEnum]) -> dict[Any, str]:
    """The Indonesian word of each member of an enumeration, as a workbook writes it."""
    words: dict[Any, str] = {}
    for word in choices.accepted_words():
        words.setdefault(choices(word), word)
    return words


# --- the columns --------------------------------------------------------------------------


def _column(key: str, header: str, english: str, help_: str, kind: Kind = Kind.TEXT) -> Column:
    return Column(key, header, english, help_, kind)


def _choice(key: str, header: str, english: str, help_: str, choices: Any) -> Column:
    return Column(key, header, english, help_, Kind.CHOICE, choices)


def _target_columns(key: str, header: str, english: str) -> tuple[Column, ...]:
    """A target as three columns: one number (or text) or a range's two bounds."""
    return (
        _column(
            key,
            header,
            english,
            N_("Angka target, atau target seperti tertulis di dokumen (60 s.d. 85)."),
            Kind.TARGET,
        ),
        _column(
            f"{key}.low",
            f"{header} (batas bawah)",
            f"{english} (low)",
            N_("Batas bawah target berupa rentang; isi bersama batas atas."),
            Kind.NUMBER,
        ),
        _column(
            f"{key}.high",
            f"{header} (batas atas)",
            f"{english} (high)",
            N_("Batas atas target berupa rentang; isi bersama batas bawah."),
            Kind.NUMBER,
        ),
    )


_SCALE = Column(
    "scale",
    "Skala penilaian",
    "Rating scale",
    N_("Nama skala penilaian capaian; kosong memakai bawaan."),
    Kind.CHOICE,
    options=tuple(SCALES.names()),
)
_CAP = _column(
    "cap",
    "Batas capaian",
    "Achievement cap",
    N_("Batas atas capaian dalam persen (100, 120); boleh kosong."),
    Kind.NUMBER,
)
_PLACES = _column(
    "places",
    "Desimal",
    "Decimal places",
    N_("Banyak desimal angka indikator di laporan (0-6, misalnya 2); kosong seperti diisi."),
    Kind.WHOLE,
)
_MONTH = _column(
    "month", "Bulan", "Month", N_("Bulan 1-12; kosong bila bukan bulanan."), Kind.WHOLE
)
_QUARTER = _column(
    "quarter", "Triwulan", "Quarter", N_("Triwulan 1-4; kosong untuk setahun."), Kind.WHOLE
)


_CODE = N_("Kode, sama persis dengan di dokumen Renstra (misalnya T1, S1, IKU-1).")
_INDICATOR = _column(
    "indicator",
    "Kode indikator",
    "Indicator code",
    N_("Kode indikator sesuai lembar Indikator."),
)
_YEAR = _column("year", "Tahun", "Year", N_("Tahun, empat angka (2024)."), Kind.WHOLE)
_POLARITY = _choice(
    "polarity",
    "Polaritas",
    "Polarity",
    N_("positif bila makin tinggi makin baik; negatif bila makin rendah makin baik."),
    model.Polarity,
)


# --- rows in ------------------------------------------------------------------------------


@dataclass
class _Row:
    """A row read from a sheet: its number and its cells by column key (empty ones left out)."""

    sheet: str
    number: int
    cells: dict[str, Any]
    headers: dict[str, str]


@dataclass
class _Book:
    """The plain data being built from the sheets, with where each value came from."""

    file: str | None
    body: dict[str, Any] = field(default_factory=dict)
    places: dict[tuple[str, str | None], tuple[str, int, str | None]] = field(default_factory=dict)
    problems: list[FieldError] = field(default_factory=list)

    def put(self, row: _Row, path: str, keys: Iterable[str] = ()) -> dict[str, Any]:
        """The table of one item, from the row's cells for ``keys`` (all of them if none)."""
        chosen = list(keys) or list(row.headers)
        table: dict[str, Any] = {}
        self.places[path, None] = (row.sheet, row.number, None)
        for key in chosen:
            if key in row.cells:
                name = key.partition(".")[0]
                table[name] = row.cells[key]
                self.places[path, name] = (row.sheet, row.number, row.headers.get(key))
        for name in {key.partition(".")[0] for key in chosen}:
            self.places.setdefault((path, name), (row.sheet, row.number, row.headers.get(name)))
        return table

    def problem(
        self,
        row: _Row,
        key: str | None,
        message: str,
        *,
        problem: Problem = Problem.INVALID_VALUE,
        value: object = None,
        expected: str | None = None,
        suggestion: str | None = None,
        column: str | None = None,
    ) -> None:
        """Report a bad cell (or a bad row, when ``key`` is ``None``)."""
        if column is None and key is not None:
            column = row.headers.get(key)
        self.problems.append(
            detailed(
                FieldError(
                    message,
                    file=self.file,
                    sheet=row.sheet,
                    row=row.number,
                    column=column,
                    value=value,
                    expected=expected,
                ),
                problem=problem,
                suggestion=suggestion,
            )
        )


def _target_cell(row: _Row, book: _Book, key: str) -> None:
    """Turn a target's three cells into one value of the data file, in the row's cells."""
    low, high = row.cells.pop(f"{key}.low", None), row.cells.pop(f"{key}.high", None)
    if low is None and high is None:
        return
    if key in row.cells:
        book.problem(
            row,
            key,
            "a target and a range's bounds are both given",
            value=row.cells[key],
            expected="either a target or a range",
        )
        return
    row.cells[key] = {"low": low, "high": high}


def _read_target(value: str) -> object:
    """A target cell's text through :func:`sakip.parse_target`; a bad one as it reads."""
    try:
        return converter.unstructure(parse_target(value))
    except SakipError:
        return value  # the data file's reader says what is wrong with it, placed


# --- rows out -----------------------------------------------------------------------------


def _target_out(row: dict[str, Any], key: str, value: object) -> None:
    if isinstance(value, Mapping) and set(value) == {"low", "high"}:
        row[f"{key}.low"], row[f"{key}.high"] = value["low"], value["high"]
    elif value is not None:
        row[key] = value


def _listed(body: Mapping[str, Any], *path: str) -> list[Any]:
    node: Any = body
    for name in path:
        node = node.get(name, {}) if isinstance(node, Mapping) else {}
    return node if isinstance(node, list) else []


# --- the sheets ---------------------------------------------------------------------------

_AGENCY_FIELDS = (
    _column("format", "Format", "Format", N_("Jangan diubah: menandai berkas data sakip.")),
    _column("version", "Versi", "Version", N_("Jangan diubah: versi format berkas."), Kind.WHOLE),
    _column("agency.name", "Nama instansi", "Agency name", N_("Nama resmi instansi.")),
    _choice(
        "agency.level",
        "Jenis instansi",
        "Agency level",
        N_("Kementerian, lembaga, provinsi, kabupaten, kota, atau perangkat daerah."),
        model.AgencyLevel,
    ),
    _column(
        "agency.region", "Wilayah", "Region", N_("Wilayah instansi (Kota Metro); boleh kosong.")
    ),
    _column("plan.name", "Nama Renstra", "Plan name", N_("Nama dokumen Renstra atau RPJMD.")),
    _column(
        "plan.start_year",
        "Tahun awal Renstra",
        "Plan start year",
        N_("Tahun pertama periode Renstra."),
        Kind.WHOLE,
    ),
    _column(
        "plan.end_year",
        "Tahun akhir Renstra",
        "Plan end year",
        N_("Tahun terakhir periode Renstra."),
        Kind.WHOLE,
    ),
    _column("plan.vision", "Visi", "Vision", N_("Visi; boleh kosong.")),
    _column(
        "plan.missions",
        "Misi",
        "Mission",
        N_("Satu misi per baris; ulangi baris Misi untuk misi berikutnya."),
        Kind.TEXTS,
    ),
    attrs.evolve(
        _SCALE,
        key="settings.scale",
        header="Skala penilaian (pengaturan)",
        english="Rating scale (settings)",
        help=N_("Skala penilaian capaian untuk semua indikator; kosong memakai bawaan."),
    ),
    _column(
        "settings.formula",
        "Rumus capaian (pengaturan)",
        "Achievement formula (settings)",
        N_("Rumus capaian bagi indikator yang tidak menyebut rumusnya; boleh kosong."),
    ),
    attrs.evolve(
        _CAP,
        key="settings.cap",
        header="Batas capaian (pengaturan)",
        english="Achievement cap (settings)",
        help=N_("Batas atas setiap capaian dalam persen (100, 120); boleh kosong."),
    ),
    Column(
        "settings.efficiency",
        "Cara efisiensi (pengaturan)",
        "Efficiency convention (settings)",
        N_("Cara menghitung efisiensi anggaran; kosong memakai bawaan."),
        Kind.CHOICE,
        options=tuple(EFFICIENCY_CONVENTIONS.names()),
    ),
    _column(
        "settings.data_source",
        "Sumber data (pengaturan)",
        "Data source (settings)",
        N_("Sumber data bagi indikator yang tidak menyebut sumbernya; boleh kosong."),
    ),
    attrs.evolve(
        _PLACES,
        key="settings.places",
        header="Desimal (pengaturan)",
        english="Decimal places (settings)",
        help=N_("Banyak desimal angka semua indikator di laporan (0-6); boleh kosong."),
    ),
)
_FIELD_COLUMNS = (
    _column("field", "Isian", "Field", N_("Nama isian; jangan diubah.")),
    _column("value", "Nilai", "Value", N_("Isi nilainya di kolom ini."), Kind.ANY),
)


def _agency_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for column in _AGENCY_FIELDS:
        part, _, name = column.key.rpartition(".")
        node = body.get(part, {}) if part else body
        value = node.get(name) if isinstance(node, Mapping) else None
        values = value if isinstance(value, list) else [value]
        for item in values or [None]:
            yield {"field": column.header, "value": item, "@kind": column}


def _agency_read(book: _Book, rows: list[_Row]) -> None:
    by_label: dict[str, Column] = {}
    for field_ in _AGENCY_FIELDS:
        for name in (field_.header, field_.english, field_.key):
            by_label[_fold(name)] = field_
    for row in rows:
        label = row.cells.get("field")
        column = by_label.get(_fold(label)) if isinstance(label, str) else None
        if column is None:
            book.problem(
                row,
                "field",
                f"unknown field {label!r}",
                problem=Problem.UNKNOWN_KEY,
                value=label,
                expected="a field the sheet names",
                column=str(label),
                suggestion=_nearest(label, [c.header for c in _AGENCY_FIELDS]),
            )
            continue
        part, _, name = column.key.rpartition(".")
        place = (row.sheet, row.number, str(label))
        if "value" not in row.cells:
            book.places.setdefault((part, name), place)  # an empty value: said missing here
            continue
        table = book.body.setdefault(part, {}) if part else book.body
        value = _cell_in(row.cells["value"], column.kind)
        if column.kind is Kind.TEXTS:
            table.setdefault(name, []).extend(value)
            book.places[part, name] = place
        elif name in table:
            book.problem(
                row,
                "field",
                f"{column.header!r} is given twice",
                problem=Problem.SECOND_ROW,
                value=book.places[part or "", name][1],
            )
        else:
            table[name] = value
            book.places[part, name] = place
            if not part:
                book.places[name, None] = place  # the header's own place: format, version


_FIELD_HEADERS = {
    (column.key.rpartition(".")[0], column.key.rpartition(".")[2]): column.header
    for column in _AGENCY_FIELDS
}
_AGENCY = Sheet(
    N_("Instansi"),
    "Agency",
    N_("Instansi dan Renstra: satu isian per baris, nilainya di kolom Nilai."),
    _FIELD_COLUMNS,
    _agency_rows,
    _agency_read,
    _AGENCY_FIELDS,
)


def _goal_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for goal in _listed(body, "plan", "goals"):
        yield {"code": goal.get("code"), "name": goal.get("name")}


def _goal_read(book: _Book, rows: list[_Row]) -> None:
    goals = book.body.setdefault("plan", {}).setdefault("goals", [])
    for row in rows:
        goals.append(book.put(row, f"plan.goals[{len(goals)}]"))


_GOALS = Sheet(
    N_("Tujuan"),
    "Goals",
    N_("Tujuan Renstra: satu tujuan per baris."),
    (
        _column("code", "Kode tujuan", "Goal code", _CODE),
        _column("name", "Tujuan", "Goal", N_("Rumusan tujuan.")),
    ),
    _goal_rows,
    _goal_read,
)


def _objective_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for goal in _listed(body, "plan", "goals"):
        for objective in goal.get("objectives", []):
            yield {"goal": goal.get("code"), "code": objective.get("code"), **objective}


def _find_goal(book: _Book, row: _Row) -> tuple[int, dict[str, Any]] | None:
    goals = book.body.setdefault("plan", {}).setdefault("goals", [])
    return _find_coded(book, row, "goal", goals, ("goal", "the sheet of goals", "a goal code"))


def _find_coded(
    book: _Book,
    row: _Row,
    column: str,
    entries: list[dict[str, Any]],
    words: tuple[str, str, str],
) -> tuple[int, dict[str, Any]] | None:
    """The entry whose code the row's ``column`` names, with its index; else a placed problem.

    ``words``: what an entry is ("goal"), the sheet that lists them ("the sheet of goals"),
    and what its code is called ("a goal code").
    """
    what, sheet, kind = words
    code = row.cells.get(column)
    for index, entry in enumerate(entries):
        if entry.get("code") == code:
            return index, entry
    codes = [known for entry in entries if isinstance(known := entry.get("code"), str)]
    book.problem(
        row,
        column,
        f"no {what} {code!r} in {sheet}",
        value=code,
        expected=f"{kind} of {sheet}",
        suggestion=_nearest(code, codes),
    )
    return None


def _objective_read(book: _Book, rows: list[_Row]) -> None:
    for row in rows:
        found = _find_goal(book, row)
        if found is None:
            continue
        index, goal = found
        objectives = goal.setdefault("objectives", [])
        path = f"plan.goals[{index}].objectives[{len(objectives)}]"
        objectives.append(book.put(row, path, ("code", "name")))


_OBJECTIVES = Sheet(
    N_("Sasaran"),
    "Objectives",
    N_("Sasaran strategis: satu sasaran per baris, dengan kode tujuannya."),
    (
        _column("goal", "Kode tujuan", "Goal code", N_("Kode tujuan yang dicapai sasaran ini.")),
        _column("code", "Kode sasaran", "Objective code", _CODE),
        _column("name", "Sasaran", "Objective", N_("Rumusan sasaran strategis.")),
    ),
    _objective_rows,
    _objective_read,
)

_INDICATOR_COLUMNS = (
    _column("goal", "Kode tujuan", "Goal code", N_("Kode tujuan tempat indikator ini.")),
    _column(
        "objective",
        "Kode sasaran",
        "Objective code",
        N_("Kode sasaran tempat indikator ini; kosong bila indikator tujuan."),
    ),
    _column("code", "Kode indikator", "Indicator code", _CODE),
    _column("name", "Indikator", "Indicator", N_("Nama indikator kinerja.")),
    _column("unit", "Satuan", "Unit", N_("Satuan (%, orang, nilai).")),
    _POLARITY,
    _column(
        "formula", "Rumus capaian", "Achievement formula", N_("Nama rumus capaian; boleh kosong.")
    ),
    _choice(
        "aggregation",
        "Cara agregasi",
        "Aggregation",
        N_("Cara menggabungkan realisasi triwulan: jumlah, akhir, rata-rata, atau rasio."),
        model.Aggregation,
    ),
    _column(
        "cumulative",
        "Kumulatif",
        "Cumulative",
        N_("ya bila realisasi triwulan sudah kumulatif; bawaan tidak."),
        Kind.BOOLEAN,
    ),
    _column("description", "Definisi", "Description", N_("Definisi atau cara menghitung.")),
    _column("data_source", "Sumber data", "Data source", N_("Sumber data realisasi.")),
    _column(
        "per",
        "Per",
        "Per",
        N_("Angka rate per berapa penduduk (1.000, 100.000); kosong berarti persen (100)."),
        Kind.NUMBER,
    ),
    _SCALE,
    _CAP,
    _PLACES,
    _choice(
        "period_basis",
        "Dasar periode",
        "Period basis",
        N_("Target dan realisasi triwulan/bulan: kumulatif atau per periode; boleh kosong."),
        model.PeriodBasis,
    ),
    Column(
        "levels",
        "Skala tingkat",
        "Level scale",
        N_(
            "Untuk indikator berupa tingkat (opini BPK, predikat, akreditasi): nama skalanya; "
            "target dan realisasinya ditulis sebagai tingkat (WTP)."
        ),
        Kind.CHOICE,
        options=tuple(LEVEL_SCALES.names()),
    ),
)
_INDICATOR_FIELDS = tuple(c.key for c in _INDICATOR_COLUMNS if c.key not in {"goal", "objective"})


def _indicator_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for goal in _listed(body, "plan", "goals"):
        for indicator in goal.get("indicators", []):
            yield {"goal": goal.get("code"), **indicator}
        for objective in goal.get("objectives", []):
            for indicator in objective.get("indicators", []):
                yield {"goal": goal.get("code"), "objective": objective.get("code"), **indicator}


def _indicator_read(book: _Book, rows: list[_Row]) -> None:
    for row in rows:
        found = _find_goal(book, row)
        if found is None:
            continue
        index, goal = found
        owner, path = goal, f"plan.goals[{index}]"
        if "objective" in row.cells:
            objectives = goal.get("objectives", [])
            at = [i for i, o in enumerate(objectives) if o.get("code") == row.cells["objective"]]
            if not at:
                codes = [o.get("code") for o in objectives if isinstance(o.get("code"), str)]
                book.problem(
                    row,
                    "objective",
                    f"no objective {row.cells['objective']!r} under goal {goal.get('code')!r}",
                    value=row.cells["objective"],
                    expected="an objective code of the goal, in the sheet of objectives",
                    suggestion=_nearest(row.cells["objective"], codes),
                )
                continue
            owner, path = objectives[at[0]], f"{path}.objectives[{at[0]}]"
        indicators = owner.setdefault("indicators", [])
        indicators.append(
            book.put(row, f"{path}.indicators[{len(indicators)}]", _INDICATOR_FIELDS)
        )


_INDICATORS = Sheet(
    N_("Indikator"),
    "Indicators",
    N_("Indikator kinerja: satu indikator per baris, dengan kode tujuan dan sasarannya."),
    _INDICATOR_COLUMNS,
    _indicator_rows,
    _indicator_read,
)


class _Grouped:
    """Rows grouped by a key column into one item each, its other cells per row.

    The item's own cells (``once``) may be given on any row of the group, and when given on
    several must agree; a saved workbook gives them on the group's first row.
    """

    def __init__(self, book: _Book, key: str, once: Sequence[str]) -> None:
        self.book, self.key, self.once = book, key, once
        self.items: dict[object, tuple[str, dict[str, Any]]] = {}

    def item(self, row: _Row, path: Callable[[int], str]) -> tuple[str, dict[str, Any]] | None:
        value = row.cells.get(self.key)
        marker = repr(value)  # a bad key (a list, a float) still groups, and is reported
        if marker not in self.items:
            where = path(len(self.items))
            self.items[marker] = (where, self.book.put(row, where, (self.key, *self.once)))
            return self.items[marker]
        where, table = self.items[marker]
        for key in self.once:
            if key not in row.cells:
                continue
            if key not in table:
                table.update(self.book.put(row, where, (key,)))
            elif table[key] != row.cells[key]:
                self.book.problem(
                    row,
                    key,
                    f"differs from the value given above ({table[key]!r})",
                    value=row.cells[key],
                    expected="the same value on every row of the item, or left empty",
                )
        return where, table


def _plan_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    yield from _plan_rows_of(_listed(body, "plan", "indicator_plans"), {})


def _plan_rows_of(plans: list[Any], owner: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of indicator plans: one per year's target, each with the ``owner`` cells."""
    for plan in plans:
        first: dict[str, Any] = {**owner, "indicator": plan.get("indicator")}
        for key in ("baseline", "baseline_year"):
            if key in plan:
                first[key] = plan[key]
        _target_out(first, "end_target", plan.get("end_target"))
        targets = list(plan.get("targets", {}).items())
        if not targets:
            yield first
        for year, target in targets:
            row = {**first, "year": int(year)}
            _target_out(row, "target", target)
            yield row
            first = {**owner, "indicator": plan.get("indicator")}


def _plans_grouped(book: _Book) -> _Grouped:
    return _Grouped(book, "indicator", ("baseline", "baseline_year", "end_target"))


def _plan_read(book: _Book, rows: list[_Row]) -> None:
    plans = book.body.setdefault("plan", {}).setdefault("indicator_plans", [])
    grouped = _plans_grouped(book)
    for row in rows:
        _plan_row(book, row, plans, "plan.indicator_plans", grouped)


def _plan_row(book: _Book, row: _Row, plans: list[Any], path: str, grouped: _Grouped) -> None:
    """Put a row of a sheet of targets into the plans at ``path``, grouped by indicator."""
    _target_cell(row, book, "end_target")
    _target_cell(row, book, "target")
    found = grouped.item(row, lambda n: f"{path}[{n}]")
    assert found is not None
    where, table = found
    if len(plans) < len(grouped.items):
        plans.append(table)
    _year_target(book, row, where, table, key="year", value="target")


def _year_target(
    book: _Book,
    row: _Row,
    where: str,
    table: dict[str, Any],
    *,
    key: str,
    value: str,
    into: str = "targets",
) -> None:
    """Put a row's target into its item's table ``into`` by ``key`` (a year or a code)."""
    if key not in row.cells:
        if value in row.cells:
            book.problem(row, key, f"a target without its {key}", problem=Problem.MISSING_KEY)
        return
    if key == "year":
        try:
            whole_number(row.cells[key], "year", "a year")
        except InvalidValueError as error:
            book.problem(row, key, str(error), value=row.cells[key], expected="a year")
            return
    targets = table.setdefault(into, {})
    name = str(row.cells[key])
    if name in targets:
        book.problem(
            row,
            key,
            f"a second row for {name}",
            problem=Problem.SECOND_ROW,
            value=book.places[f"{where}.{into}", name][1],
        )
        return
    targets[name] = row.cells.get(value)
    place = (row.sheet, row.number, row.headers.get(value) or row.headers.get(key))
    book.places[f"{where}.{into}", name] = place
    book.places[f"{where}.{into}.{name}", None] = place


_PLANS = Sheet(
    N_("Target"),
    "Targets",
    N_(
        "Rencana indikator: satu baris per indikator dan tahun. Kondisi awal dan target akhir "
        "cukup diisi di baris pertama indikator."
    ),
    (
        _INDICATOR,
        _YEAR,
        *_target_columns("target", "Target", "Target"),
        _column(
            "baseline", "Kondisi awal", "Baseline", N_("Kondisi awal (baseline)."), Kind.NUMBER
        ),
        _column(
            "baseline_year",
            "Tahun kondisi awal",
            "Baseline year",
            N_("Tahun kondisi awal."),
            Kind.WHOLE,
        ),
        *_target_columns("end_target", "Target akhir", "End target"),
    ),
    _plan_rows,
    _plan_read,
)


def _realization_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    yield from _listed(body, "realizations")


def _list_read(section: str) -> Callable[[_Book, list[_Row]], None]:
    def read(book: _Book, rows: list[_Row]) -> None:
        items = book.body.setdefault(section, [])
        for row in rows:
            items.append(book.put(row, f"{section}[{len(items)}]"))

    return read


_REALIZATIONS = Sheet(
    N_("Realisasi"),
    "Realizations",
    N_(
        "Realisasi: satu baris per indikator dan tahun, atau per triwulan. Isi nilai, atau "
        "pembilang dan penyebutnya."
    ),
    (
        _INDICATOR,
        _YEAR,
        _QUARTER,
        _column("value", "Realisasi", "Value", N_("Nilai realisasi."), Kind.NUMBER),
        _column("numerator", "Pembilang", "Numerator", N_("Pembilang rasio."), Kind.NUMBER),
        _column("denominator", "Penyebut", "Denominator", N_("Penyebut rasio."), Kind.NUMBER),
        _MONTH,
        _column(
            "level",
            "Tingkat",
            "Level",
            N_("Untuk indikator berupa tingkat: tingkat yang dicapai (WTP); kosongkan Realisasi."),
        ),
    ),
    _realization_rows,
    _list_read("realizations"),
)

_BUDGET_FIELDS = (
    "code",
    "name",
    "level",
    "funding_source",
    "ceiling",
    "revised_ceiling",
    "spent",
    "quarterly_spent",
    "indicators",
)
_QUARTERS = tuple(f"quarterly_spent.{quarter}" for quarter in range(1, 5))


def _budget_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    def walk(lines: list[Any], parent: object, year: object) -> Iterator[dict[str, Any]]:
        for line in lines:
            row = {key: value for key, value in line.items() if key != "children"}
            for quarter, amount in row.pop("quarterly_spent", {}).items():
                row[f"quarterly_spent.{quarter}"] = amount
            yield {"agreement": year, "parent": parent, **row}
            yield from walk(line.get("children", []), line.get("code"), year)

    yield from walk(_listed(body, "budget"), None, None)
    for agreement in _listed(body, "agreements"):
        yield from walk(agreement.get("budget", []), None, agreement.get("year"))


def _budget_read(book: _Book, rows: list[_Row]) -> None:
    # Each budget (the dataset's, each agreement's) is a tree: a line's parent is the
    # outermost open line (an ancestor of the row above, or that row) with the parent code.
    stacks: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for row in rows:
        base = _budget_owner(book, row)
        if base is None:
            continue
        stack = stacks.setdefault(base, [])
        for quarter in _QUARTERS:
            if quarter in row.cells:
                row.cells.setdefault("quarterly_spent", {})[quarter[-1]] = row.cells.pop(quarter)
        if "parent" not in row.cells:
            del stack[:]
            owner, where = _budget_list(book, base), base
        else:
            at = [
                i for i, (_, line) in enumerate(stack) if line.get("code") == row.cells["parent"]
            ]
            if not at:
                book.problem(
                    row,
                    "parent",
                    f"no budget line {row.cells['parent']!r} above this row",
                    value=row.cells["parent"],
                    expected="the code of a budget line in a row above, of the same budget",
                )
                continue
            del stack[at[0] + 1 :]
            where, parent = stack[at[0]]
            owner, where = parent.setdefault("children", []), f"{where}.children"
        path = f"{where}[{len(owner)}]"
        line = book.put(row, path, _BUDGET_FIELDS)
        book.places[f"{path}.quarterly_spent", None] = (row.sheet, row.number, None)
        owner.append(line)
        stack.append((path, line))


def _budget_owner(book: _Book, row: _Row) -> str | None:
    """The path of the budget a row belongs to: the dataset's, or an agreement's."""
    if "agreement" not in row.cells:
        return "budget"
    wanted = row.cells["agreement"]
    for index, agreement in enumerate(book.body.get("agreements", [])):
        if str(agreement.get("year")) == str(wanted):
            return f"agreements[{index}].budget"
    book.problem(
        row,
        "agreement",
        f"no performance agreement of {wanted!r} in the sheet of agreements",
        value=wanted,
        expected="a year of the sheet of agreements, or empty",
    )
    return None


def _budget_list(book: _Book, path: str) -> list[Any]:
    if path == "budget":
        return book.body.setdefault("budget", [])  # type: ignore[no-any-return]
    index = int(path.split("[", 1)[1].split("]", 1)[0])
    return book.body["agreements"][index].setdefault("budget", [])  # type: ignore[no-any-return]


_BUDGET = Sheet(
    N_("Anggaran"),
    "Budget",
    N_(
        "Anggaran: satu baris per program, kegiatan, atau sub kegiatan. Baris di bawah "
        "program mengisi kode induknya; anggaran perjanjian kinerja mengisi tahun PK."
    ),
    (
        _column(
            "agreement",
            "Tahun PK",
            "Agreement year",
            N_(
                "Tahun perjanjian kinerja bila baris ini anggaran PK; kosong untuk anggaran "
                "Renstra."
            ),
            Kind.WHOLE,
        ),
        _column("code", "Kode", "Code", N_("Kode program, kegiatan, atau sub kegiatan.")),
        _column(
            "parent",
            "Kode induk",
            "Parent code",
            N_("Kode baris induknya (di atas baris ini); kosong untuk program."),
        ),
        _column("name", "Nama", "Name", N_("Nama program, kegiatan, atau sub kegiatan.")),
        _choice(
            "level",
            "Tingkat",
            "Level",
            N_("program, kegiatan, atau sub kegiatan."),
            model.BudgetLevel,
        ),
        _choice(
            "funding_source",
            "Sumber dana",
            "Funding source",
            N_("APBN, APBD, atau lainnya."),
            model.FundingSource,
        ),
        _column("ceiling", "Pagu", "Ceiling", N_("Pagu anggaran (rupiah)."), Kind.NUMBER),
        _column(
            "revised_ceiling",
            "Pagu perubahan",
            "Revised ceiling",
            N_("Pagu setelah perubahan; boleh kosong."),
            Kind.NUMBER,
        ),
        _column(
            "spent", "Realisasi anggaran", "Spent", N_("Realisasi setahun (rupiah)."), Kind.NUMBER
        ),
        *(
            _column(
                key,
                f"Realisasi TW {roman}",
                f"Spent Q{key[-1]}",
                N_("Realisasi anggaran pada triwulan ini (rupiah)."),
                Kind.NUMBER,
            )
            for key, roman in zip(_QUARTERS, ("I", "II", "III", "IV"), strict=True)
        ),
        _column(
            "indicators",
            "Indikator",
            "Indicators",
            N_("Kode indikator yang didukung, satu kode per baris dalam sel."),
            Kind.TEXTS,
        ),
    ),
    _budget_rows,
    _budget_read,
)


_AGREED = ("signed_on", "signatory", "revised_on")


def _pair(target: object) -> object:
    """An agreement's range target, a pair in the data file, as a range's two bounds."""
    return {"low": target[0], "high": target[1]} if isinstance(target, list) else target


def _agreement_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for agreement in _listed(body, "agreements"):
        first = {key: agreement[key] for key in ("year", *_AGREED) if key in agreement}
        targets = list(agreement.get("targets", {}).items())
        revised = agreement.get("revised_targets", {})
        # A revised target shares its indicator's row, unless the revision lists them in
        # another order: then it has rows of its own below, so that the order is kept.
        together = [code for code, _ in targets if code in revised] == list(revised)
        if not targets:
            yield first
        for code, target in targets:
            row = {**first, "indicator": code}
            _target_out(row, "target", _pair(target))
            if together:
                _target_out(row, "revised_target", _pair(revised.get(code)))
            yield row
            first = {"year": agreement.get("year")}
        for code, target in [] if together else revised.items():
            row = {"year": agreement.get("year"), "indicator": code}
            _target_out(row, "revised_target", _pair(target))
            yield row


def _agreement_read(book: _Book, rows: list[_Row]) -> None:
    agreements = book.body.setdefault("agreements", [])
    grouped = _Grouped(book, "year", _AGREED)
    for row in rows:
        _target_cell(row, book, "target")
        _target_cell(row, book, "revised_target")
        found = grouped.item(row, lambda n: f"agreements[{n}]")
        assert found is not None
        where, table = found
        if len(agreements) < len(grouped.items):
            table.setdefault("targets", {})
            agreements.append(table)
        if "target" in row.cells or "revised_target" not in row.cells:
            _year_target(book, row, where, table, key="indicator", value="target")
        if "revised_target" in row.cells:
            _year_target(
                book, row, where, table, key="indicator", value="revised_target", into=_REVISED
            )


_REVISED = "revised_targets"
_AGREEMENTS = Sheet(
    N_("Perjanjian Kinerja"),
    "Agreements",
    N_(
        "Perjanjian kinerja (PK): satu baris per tahun dan indikator, dengan target yang "
        "ditandatangani."
    ),
    (
        _YEAR,
        _column(
            "signed_on",
            "Tanggal tanda tangan",
            "Signed on",
            N_("Tanggal penandatanganan (2024-01-31)."),
            Kind.DATE,
        ),
        _column(
            "signatory", "Penanda tangan", "Signatory", N_("Nama pejabat yang menandatangani.")
        ),
        _INDICATOR,
        *_target_columns("target", "Target", "Target"),
        _column(
            "revised_on",
            "Tanggal PK perubahan",
            "Revised on",
            N_("Tanggal penandatanganan PK perubahan (PK-P); boleh kosong."),
            Kind.DATE,
        ),
        *_target_columns("revised_target", "Target PK perubahan", "Revised target"),
    ),
    _agreement_rows,
    _agreement_read,
)


def _targeted_rows(
    section: str, field: str
) -> Callable[[Mapping[str, Any]], Iterator[dict[str, Any]]]:
    """The rows of a list whose ``field`` is a target (written as a report prints it)."""

    def rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        for entry in _listed(body, section):
            row = {key: value for key, value in entry.items() if key != field}
            _target_out(row, field, entry.get(field))
            yield row

    return rows


def _targeted_read(section: str, field: str) -> Callable[[_Book, list[_Row]], None]:
    """Read such a list back, its target cells through parse_target."""

    def read(book: _Book, rows: list[_Row]) -> None:
        for row in rows:
            _target_cell(row, book, field)
        _list_read(section)(book, rows)

    return read


_standard_rows = _targeted_rows("standards", "value")
_standard_read = _targeted_read("standards", "value")


_STANDARDS = Sheet(
    N_("Standar"),
    "Standards",
    N_("Standar nasional (SPM, target nasional): satu baris per indikator."),
    (
        _INDICATOR,
        *_target_columns("value", "Standar", "Standard"),
        _column("source", "Sumber", "Source", N_("Peraturan atau dokumen sumber standar.")),
        _column("year", "Tahun", "Year", N_("Tahun berlakunya; boleh kosong."), Kind.WHOLE),
    ),
    _standard_rows,
    _standard_read,
)

_STATED = Sheet(
    N_("Angka Dinyatakan"),
    "Stated figures",
    N_("Angka yang tercetak di laporan, untuk diperiksa ulang oleh sakip audit."),
    (
        _column("kind", "Jenis", "Kind", N_("Jenis angka (achievement, absorption, ...).")),
        _column("stated", "Angka tercetak", "Stated", N_("Angka persis seperti tercetak.")),
        _column("location", "Letak", "Location", N_("Bab, tabel, atau halaman tempat angka itu.")),
        _column(
            "indicator", "Kode indikator", "Indicator code", N_("Kode indikator; boleh kosong.")
        ),
        _column("year", "Tahun", "Year", N_("Tahun angka itu; boleh kosong."), Kind.WHOLE),
        _column(
            "operands",
            "Operan",
            "Operands",
            N_("Angka-angka yang dipakai menghitungnya, dipisah titik koma (;)."),
            Kind.NUMBERS,
        ),
        _choice(
            "claim",
            "Klaim",
            "Claim",
            N_("Klaim laporan tentang angka itu; boleh kosong."),
            model.Claim,
        ),
        _choice(
            "polarity",
            "Polaritas",
            "Polarity",
            N_("positif atau negatif; boleh kosong."),
            model.Polarity,
        ),
        _column("formula", "Rumus", "Formula", N_("Rumus yang dipakai laporan; boleh kosong.")),
        _column(
            "objective",
            "Kode sasaran",
            "Objective code",
            N_("Untuk rata-rata capaian sasaran, kode sasarannya; boleh kosong."),
        ),
        _column(
            "budget_line",
            "Kode anggaran",
            "Budget line code",
            N_("Untuk angka anggaran (penyerapan, sisa), kode baris anggarannya; boleh kosong."),
        ),
        _column(
            "quarter",
            "Triwulan",
            "Quarter",
            N_("Untuk angka satu triwulan, triwulan 1-4; boleh kosong."),
            Kind.WHOLE,
        ),
        attrs.evolve(
            _SCALE, help=N_("Untuk predikat capaian, nama skala penilaiannya; boleh kosong.")
        ),
        Column(
            "convention",
            "Cara efisiensi",
            "Efficiency convention",
            N_("Untuk angka efisiensi, cara menghitungnya; boleh kosong."),
            Kind.CHOICE,
            options=tuple(EFFICIENCY_CONVENTIONS.names()),
        ),
    ),
    lambda body: iter(_listed(body, "stated")),
    _list_read("stated"),
)


_period_target_rows = _targeted_rows("period_targets", "target")
_period_target_read = _targeted_read("period_targets", "target")


_PERIOD_TARGETS = Sheet(
    N_("Target Periode"),
    "Period targets",
    N_(
        "Target triwulan atau bulanan: satu baris per indikator dan periode; isi triwulan "
        "atau bulan."
    ),
    (
        _INDICATOR,
        _YEAR,
        _column(
            "quarter", "Triwulan", "Quarter", N_("Triwulan 1-4; kosong bila bulanan."), Kind.WHOLE
        ),
        _MONTH,
        *_target_columns("target", "Target", "Target"),
    ),
    _period_target_rows,
    _period_target_read,
)

_ITEM = _column(
    "item",
    "Kode program/kegiatan",
    "Program or activity code",
    N_("Kode program, kegiatan, atau sub kegiatan sesuai lembar Kaskade."),
)


def _find_item(book: _Book, row: _Row) -> tuple[int, dict[str, Any]] | None:
    items = book.body.get("cascade", [])
    words = ("program or activity", "the sheet of the cascade", "a code")
    return _find_coded(book, row, "item", items, words)


_CASCADE = Sheet(
    N_("Kaskade"),
    "Cascade",
    N_(
        "Kaskade kinerja: satu baris per program, kegiatan, atau sub kegiatan. Kegiatan dan "
        "sub kegiatan mengisi kode induknya; program mengisi sasaran yang didukungnya."
    ),
    (
        _column("code", "Kode", "Code", N_("Kode program, kegiatan, atau sub kegiatan.")),
        _column("name", "Nama", "Name", N_("Nama program, kegiatan, atau sub kegiatan.")),
        _choice(
            "level",
            "Tingkat",
            "Level",
            N_("program, kegiatan, atau sub kegiatan."),
            model.BudgetLevel,
        ),
        _column(
            "parent",
            "Kode induk",
            "Parent code",
            N_("Kode program (untuk kegiatan) atau kegiatan (untuk sub kegiatan)."),
        ),
        _column(
            "objectives",
            "Sasaran",
            "Objectives",
            N_("Untuk program: kode sasaran yang didukung, satu kode per baris dalam sel."),
            Kind.TEXTS,
        ),
        _column(
            "budget",
            "Kode anggaran",
            "Budget line code",
            N_("Kode barisnya di lembar Anggaran (pagu dan realisasi); boleh kosong."),
        ),
        _column("unit", "Unit penanggung jawab", "Responsible unit", N_("Boleh kosong.")),
    ),
    lambda body: (
        {key: value for key, value in item.items() if key not in {"indicators", "plans"}}
        for item in _listed(body, "cascade")
    ),
    _list_read("cascade"),
)


def _cascade_indicator_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for item in _listed(body, "cascade"):
        for indicator in item.get("indicators", []):
            yield {"item": item.get("code"), **indicator}


def _cascade_indicator_read(book: _Book, rows: list[_Row]) -> None:
    for row in rows:
        found = _find_item(book, row)
        if found is None:
            continue
        index, item = found
        indicators = item.setdefault("indicators", [])
        path = f"cascade[{index}].indicators[{len(indicators)}]"
        indicators.append(book.put(row, path, _INDICATOR_FIELDS))


_CASCADE_INDICATORS = Sheet(
    N_("Indikator Kaskade"),
    "Cascade indicators",
    N_(
        "Indikator program (outcome), kegiatan dan sub kegiatan (output): satu indikator per "
        "baris, dengan kode program atau kegiatannya."
    ),
    (_ITEM, *(c for c in _INDICATOR_COLUMNS if c.key in _INDICATOR_FIELDS)),
    _cascade_indicator_rows,
    _cascade_indicator_read,
)


def _cascade_plan_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for item in _listed(body, "cascade"):
        yield from _plan_rows_of(item.get("plans", []), {"item": item.get("code")})


def _cascade_plan_read(book: _Book, rows: list[_Row]) -> None:
    groups: dict[int, _Grouped] = {}
    for row in rows:
        found = _find_item(book, row)
        if found is None:
            continue
        index, item = found
        grouped = groups.setdefault(index, _plans_grouped(book))
        _plan_row(book, row, item.setdefault("plans", []), f"cascade[{index}].plans", grouped)


_CASCADE_PLANS = Sheet(
    N_("Target Kaskade"),
    "Cascade targets",
    N_(
        "Target indikator program, kegiatan dan sub kegiatan: satu baris per indikator dan "
        "tahun, dengan kode program atau kegiatannya."
    ),
    (_ITEM, *_PLANS.columns),
    _cascade_plan_rows,
    _cascade_plan_read,
)

_ANALYSES = Sheet(
    N_("Analisis"),
    "Analyses",
    N_(
        "Analisis penulis laporan: satu baris per indikator dan tahun (atau triwulan); "
        "faktor pendukung, hambatan, upaya, dan tindak lanjut."
    ),
    (
        _INDICATOR,
        _YEAR,
        _QUARTER,
        _column("supporting", "Faktor pendukung", "Supporting", N_("Boleh kosong.")),
        _column("obstacles", "Hambatan", "Obstacles", N_("Boleh kosong.")),
        _column("measures", "Upaya", "Measures", N_("Upaya yang telah dilakukan; boleh kosong.")),
        _column("follow_up", "Tindak lanjut", "Follow-up", N_("Rencana tindak lanjut.")),
        _column(
            "programs",
            "Program/kegiatan",
            "Programs",
            N_("Kode program atau kegiatan terkait, satu kode per baris dalam sel."),
            Kind.TEXTS,
        ),
    ),
    lambda body: iter(_listed(body, "analyses")),
    _list_read("analyses"),
)

LAYOUT: Final = (
    _AGENCY,
    _GOALS,
    _OBJECTIVES,
    _INDICATORS,
    _PLANS,
    _REALIZATIONS,
    _PERIOD_TARGETS,
    _AGREEMENTS,
    _BUDGET,
    _CASCADE,
    _CASCADE_INDICATORS,
    _CASCADE_PLANS,
    _STANDARDS,
    _ANALYSES,
    _STATED,
)
"""The sheets of a workbook, in the order written and read (a sheet may name items of an
earlier one)."""


# --- writing ------------------------------------------------------------------------------


def _cell_out(value: object, column: Column) -> object:
    """A plain value as its cell holds it: numbers exact, texts escaped, choices in words."""
    if column.kind is Kind.CHOICE and column.choices is not None and isinstance(value, str):
        return enum_words(column.choices)[column.choices(value)]
    if isinstance(value, list):
        if column.kind is Kind.NUMBERS:
            return "; ".join(_number_text(item) for item in value)
        return "\n".join(encode_text(item, lines=True) for item in value)
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, str):
        return encode_text(value, lines=column.kind is Kind.TEXTS)
    return value


_EXCEL_DIGITS = 15


def _number(value: Decimal) -> Decimal | str:
    """A number as a spreadsheet keeps it exactly: a number, else a text of its digits.

    A spreadsheet holds a number as a binary fraction and shows 15 significant digits, and
    drops trailing zeros; a number it cannot hold and show exactly as written (``70.00``,
    ``0.1000000000000000055511151231257827``) is written as its text in Indonesian notation
    (``70,00``), read back exactly, decimals kept.
    """
    _, digits, exponent = value.as_tuple()
    if len(digits) > _EXCEL_DIGITS:
        return _number_text(value)
    if exponent == 0 or str(to_decimal(float(value), "number")) == str(value):
        return value  # read back as written: 70.00 would read as 70, a text keeps its places
    return _number_text(value)


def _number_text(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def dataset_sheets(dataset: Dataset | None) -> list[tuple[Sheet, list[list[object]]]]:
    """The rows of every sheet of the workbook of ``dataset`` (the template's when ``None``).

    Each sheet's rows are cell values below its header: numbers (exact), texts (escaped
    with :func:`encode_text`), dates, booleans, ``None`` for an empty cell.
    """
    body = unstructure_dataset(dataset) if dataset is not None else _template_body()
    sheets = []
    for sheet in LAYOUT:
        rows = []
        for item in sheet.rows(body):
            kind: Column | None = item.pop("@kind", None)
            row = []
            for column in sheet.columns:
                shown = kind if kind is not None and column.key == "value" else column
                row.append(_cell_out(item.get(column.key), shown))
            rows.append(row)
        sheets.append((sheet, rows))
    return sheets


def _template_body() -> dict[str, Any]:
    """An empty dataset's plain data: the fields sheet names every field, all empty."""
    return {"format": FORMAT, "version": VERSION}


# --- reading ------------------------------------------------------------------------------


def _fold(text: object) -> str:
    return " ".join(str(text).casefold().split())


def _nearest(given: object, known: Iterable[str]) -> str | None:
    if not isinstance(given, str):
        return None
    by_key = {_fold(word): word for word in known}
    found = difflib.get_close_matches(_fold(given), by_key, n=1, cutoff=0.6)
    return by_key[found[0]] if found else None


_YES = {"ya", "yes", "true", "benar", "y"}
_NO = {"tidak", "no", "false", "salah", "t", "n"}


def _cell_in(value: object, kind: Kind) -> Any:
    """A cell's value as the data file holds it; a value that fits nothing as it reads."""
    if kind is Kind.ANY:
        return value
    if kind in (Kind.TEXTS, Kind.NUMBERS):
        return _cells_in(value, kind)
    if isinstance(value, str):
        return _text_in(value, kind)
    if (
        kind is Kind.TEXT
        and isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
    ):
        return str(value)  # a code typed as a number (2024) is the code "2024"
    return value


def _cells_in(value: object, kind: Kind) -> list[Any]:
    """A cell of several texts (one per line) or numbers (separated by ``;``)."""
    if not isinstance(value, str):
        return [_cell_in(value, Kind.TEXT if kind is Kind.TEXTS else Kind.NUMBER)]
    if kind is Kind.TEXTS:
        return [decode_text(item) for item in value.split("\n")]
    return [item.strip() for item in value.split(";")]


def _text_in(value: str, kind: Kind) -> Any:
    """A text cell: read as the column's kind when it has one reading, else as it is."""
    folded = _fold(value)
    if kind is Kind.WHOLE and value.strip().isdecimal() and value.strip().isascii():
        return int(value)
    if kind is Kind.BOOLEAN and folded in _YES | _NO:
        return folded in _YES
    if kind is Kind.TARGET:
        return _read_target(value)
    return decode_text(value) if kind in (Kind.TEXT, Kind.CHOICE) else value


def _headers(book: _Book, sheet: Sheet, title: str, header: Sequence[object]) -> dict[int, Column]:
    by_name: dict[str, Column] = {}
    for known in sheet.columns:
        for name in (known.header, known.english):
            by_name[_fold(name)] = known
    found: dict[int, Column] = {}
    for index, cell in enumerate(header):
        if cell is None or not str(cell).strip():
            continue
        column = by_name.get(_fold(cell))
        place = _Row(title, HEADER_ROW, {"_": cell}, {"_": str(cell)})
        if column is None:
            book.problem(
                place,
                "_",
                f"unknown column {cell!r}",
                problem=Problem.UNKNOWN_COLUMN,
                value=cell,
                expected="a column the sheet defines",
                suggestion=_nearest(cell, [c.header for c in sheet.columns]),
            )
        elif column in found.values():
            book.problem(
                place,
                "_",
                f"column {cell!r} appears twice",
                problem=Problem.DUPLICATE_COLUMN,
                value=cell,
            )
        else:
            found[index] = column
    return found


def _sheet_rows(book: _Book, sheet: Sheet, title: str, cells: list[list[object]]) -> list[_Row]:
    if not cells:
        return []
    columns = _headers(book, sheet, title, cells[0])
    named = {
        index for index, cell in enumerate(cells[0]) if cell is not None and str(cell).strip()
    }
    headers = {column.key: str(cells[0][index]) for index, column in columns.items()}
    rows = []
    for number, raw in enumerate(cells[1:], HEADER_ROW + 1):
        values: dict[str, Any] = {}
        for index, value in enumerate(raw):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            column = columns.get(index)
            if column is None and index in named:
                continue  # under a header already reported as unknown or repeated
            if column is None:
                letter = _letter(index)
                book.problems.append(
                    detailed(
                        FieldError(
                            f"cell {letter}{number} has no column header",
                            file=book.file,
                            sheet=title,
                            row=number,
                            column=letter,
                            value=letter,
                        ),
                        problem=Problem.UNNAMED_CELL,
                    )
                )
                continue
            values[column.key] = _cell_in(value, column.kind)
        if values:
            rows.append(_Row(title, number, values, headers))
    return rows


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_sheets(sheets: Mapping[str, list[list[object]]], *, file: str | None = None) -> Dataset:
    """A dataset from the cells of a workbook's sheets, by sheet name (header in row 1).

    Sheets are named in Indonesian or English (case and spaces aside), as are columns; the
    instructions sheet is skipped. Every problem is reported with its sheet, row and
    column, in one :class:`~sakip.io.DataFileError`.
    """
    book = _Book(file)
    by_name: dict[str, Sheet] = {}
    for part in LAYOUT:
        by_name[_fold(part.name)] = by_name[_fold(part.english)] = part
        # the name an English workbook is written with, which may word it otherwise
        by_name.setdefault(_fold(gettext(part.name, lang="en")), part)
    skipped = {_fold(name) for name in INSTRUCTIONS}
    found: dict[Sheet, tuple[str, list[list[object]]]] = {}
    for title, cells in sheets.items():
        sheet = by_name.get(_fold(title))
        if (
            sheet is None
            and _fold(title) not in skipped
            and any(any(v is not None for v in r) for r in cells)
        ):
            book.problems.append(
                detailed(
                    FieldError(
                        f"unknown sheet {title!r}",
                        file=file,
                        sheet=title,
                        column=title,
                        value=title,
                        expected="a sheet the workbook layout defines",
                    ),
                    problem=Problem.UNKNOWN_KEY,
                    suggestion=_nearest(title, [s.name for s in LAYOUT]),
                )
            )
        elif sheet is not None:
            found[sheet] = (title, cells)
    for sheet in LAYOUT:
        if sheet in found:
            title, cells = found[sheet]
            sheet.read(book, _sheet_rows(book, sheet, title, cells))
    book.body.setdefault("plan", {})
    book.body.setdefault("agency", {})
    try:
        dataset = structure_dataset(book.body, file=file)
    except DataFileError as error:
        problems = [*book.problems, *(_placed(book, problem) for problem in _fields(error))]
        raise DataFileError(error.message, problems, file=file) from None
    if book.problems:
        message = f"{file or 'the workbook'} is not a valid sakip dataset"
        raise DataFileError(message, book.problems, file=file)
    return dataset


def _fields(error: DataFileError) -> list[FieldError]:
    return [problem for problem in error.exceptions if isinstance(problem, FieldError)]


def _placed(book: _Book, problem: FieldError) -> FieldError:
    """A data file's problem placed in the workbook: sheet, row and column of its cell."""
    path = problem.row if isinstance(problem.row, str) else ""
    column = problem.column
    place = book.places.get((path, column)) or book.places.get((path, None))
    field = _FIELD_HEADERS.get((path, column or ""))
    if place is None and field is not None:  # a field whose row is not in the sheet
        problem.sheet, problem.row, problem.column = _AGENCY.name, None, field
        return problem
    while place is None and path:
        shorter = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path)
        path = "" if shorter == path else shorter
        place = book.places.get((path, None))
    if place is None:
        place = book.places.get((column or "", None))
    if place is not None:
        sheet, row, header = place
        problem.sheet, problem.row = sheet, row
        problem.column = header if header is not None else problem.column
    return problem
