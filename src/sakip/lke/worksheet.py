"""A filled-in worksheet: each criterion's answers from the unit and the evaluator, as files.

The evaluators' layout (component, sub-component and criterion rows; the unit's answer, the
evaluator's answer, evidence and notes) is written empty by :func:`write_template` as XLSX,
TOML or JSON, and read back by :func:`read_worksheet`, which reports every bad answer with its
row in one :class:`~sakip.io.DataFileError`.
"""

from __future__ import annotations

import io
import json
import os
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from sakip._display import Displayed
from sakip._optional import require
from sakip.io._safe import atomic_write, neutralise
from sakip.io.errors import DataFileError, FieldError, short, single
from sakip.lke.catalogue import CATALOGUES, Catalogue, Criterion
from sakip.lke.scoring import Answer, answer_value

__all__ = [
    "COLUMNS",
    "Entry",
    "Worksheet",
    "dumps_worksheet",
    "read_worksheet",
    "write_template",
    "write_worksheet",
]

COLUMNS = (
    "Kode",
    "Komponen / Sub Komponen / Kriteria",
    "Bobot",
    "Skala jawaban",
    "Jawaban mandiri",
    "Jawaban evaluator",
    "Bukti dukung",
    "Catatan",
)
"""The worksheet's columns, as the XLSX header row reads."""

_FIELDS = ("self", "evaluator", "evidence", "note")
_SHEET = "LKE"
_HEADER_ROW = 5
_FORMATS = {".xlsx": "xlsx", ".toml": "toml", ".json": "json"}


@attrs.frozen(kw_only=True, repr=False)
class Entry(Displayed):
    """One criterion's row of a filled-in worksheet.

    Attributes:
        code: The criterion's code.
        self_answer: The unit's own answer (jawaban mandiri); ``None`` when blank.
        evaluator_answer: The evaluator's answer (penetapan); ``None`` when blank.
        evidence: The evidence offered (bukti dukung), as written.
        note: The evaluator's note (catatan).
    """

    code: str
    self_answer: Answer | None = None
    evaluator_answer: Answer | None = None
    evidence: str | None = None
    note: str | None = None


def _entries(value: Sequence[Entry]) -> tuple[Entry, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Worksheet(Displayed):
    """A worksheet being filled in (LKE terisi): the catalogue and the rows answered so far.

    Attributes:
        catalogue: The worksheet's catalogue.
        entries: The criteria's rows, in the worksheet's order.
        unit: The unit evaluated (unit kerja / perangkat daerah), when given.
        year: The year evaluated, when given.
    """

    catalogue: Catalogue
    entries: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    unit: str | None = None
    year: int | None = None

    @property
    def self_answers(self) -> dict[str, Answer]:
        """The unit's answers, by criterion code."""
        return {e.code: e.self_answer for e in self.entries if e.self_answer is not None}

    @property
    def evaluator_answers(self) -> dict[str, Answer]:
        """The evaluator's answers, by criterion code."""
        return {e.code: e.evaluator_answer for e in self.entries if e.evaluator_answer is not None}

    @classmethod
    def empty(cls, catalogue: Catalogue | str) -> Worksheet:
        """A worksheet with every criterion's row and no answer."""
        chosen = CATALOGUES.resolve(catalogue)
        return cls(catalogue=chosen, entries=[Entry(code=c.code) for c in chosen.criteria])


def _format(path: str | os.PathLike[str], format: str | None) -> str:
    if format is not None:
        if format not in _FORMATS.values():
            raise single(
                f"unknown worksheet format {format!r}; expected xlsx, toml or json", file=str(path)
            )
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise single(
            f"cannot tell the format from {suffix or 'no suffix'!r}; use .xlsx, .toml or .json",
            file=str(path),
        )
    return _FORMATS[suffix]


# --- writing ------------------------------------------------------------------------------


def _rows(worksheet: Worksheet) -> Iterator[list[Any]]:
    """The worksheet's rows in the evaluators' layout, below the header."""
    given = {e.code: e for e in worksheet.entries}
    for component in worksheet.catalogue.components:
        yield [component.code, component.name, component.weight, None, None, None, None, None]
        for sub in component.subcomponents:
            yield [sub.code, sub.name, sub.weight, None, None, None, None, None]
            for criterion in sub.criteria:
                entry = given.get(criterion.code, Entry(code=criterion.code))
                yield [
                    criterion.code,
                    criterion.text,
                    None,
                    "/".join(criterion.scale.codes),
                    _cell(entry.self_answer),
                    _cell(entry.evaluator_answer),
                    entry.evidence,
                    entry.note,
                ]


def _cell(answer: Answer | None) -> Any:
    return str(answer) if isinstance(answer, Decimal) else answer


def _xlsx_cell(value: Any) -> Any:
    """A cell's value; text that a spreadsheet would run as a formula is made plain."""
    if isinstance(value, Decimal):
        return str(value)
    return neutralise(value) if isinstance(value, str) else value


def _xlsx(worksheet: Worksheet) -> bytes:
    openpyxl = require("openpyxl", "XLSX worksheets")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = _SHEET
    sheet.append([worksheet.catalogue.title])
    sheet.append(["Katalog", worksheet.catalogue.name])
    sheet.append(["Unit", worksheet.unit])
    sheet.append(["Tahun", worksheet.year])
    sheet.append(list(COLUMNS))
    for row in _rows(worksheet):
        sheet.append([_xlsx_cell(v) for v in row])
    for letter, width in zip("ABCDEFGH", (8, 70, 8, 12, 10, 10, 30, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"C{_HEADER_ROW + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _data(worksheet: Worksheet) -> dict[str, Any]:
    head: dict[str, Any] = {"catalogue": worksheet.catalogue.name}
    if worksheet.unit is not None:
        head["unit"] = worksheet.unit
    if worksheet.year is not None:
        head["year"] = worksheet.year
    given = {e.code: e for e in worksheet.entries}
    rows = []
    for criterion in worksheet.catalogue.criteria:
        entry = given.get(criterion.code, Entry(code=criterion.code))
        rows.append(
            {
                "code": criterion.code,
                "text": criterion.text,
                "scale": "/".join(criterion.scale.codes),
                "self": _cell(entry.self_answer) or "",
                "evaluator": _cell(entry.evaluator_answer) or "",
                "evidence": entry.evidence or "",
                "note": entry.note or "",
            }
        )
    return {**head, "criteria": rows}


def dumps_worksheet(worksheet: Worksheet, format: str) -> bytes:
    """The worksheet as the bytes of an XLSX, TOML or JSON file."""
    if format == "xlsx":
        return _xlsx(worksheet)
    data = _data(worksheet)
    if format == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return tomli_w.dumps(data).encode("utf-8")


def write_worksheet(
    worksheet: Worksheet, path: str | os.PathLike[str], format: str | None = None
) -> None:
    """Write the worksheet to ``path`` (XLSX, TOML or JSON, by its suffix), atomically."""
    atomic_write(Path(path), dumps_worksheet(worksheet, _format(path, format)))


def write_template(
    path: str | os.PathLike[str],
    catalogue: Catalogue | str = "permenpanrb-88-2021",
    format: str | None = None,
) -> None:
    """Write an empty worksheet (templat LKE) to ``path``, ready to fill in.

    >>> import pathlib, tempfile
    >>> from sakip import lke
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lke.toml"
    >>> lke.write_template(path)
    >>> len(lke.read_worksheet(path).entries)
    80
    """
    write_worksheet(Worksheet.empty(catalogue), path, format)


# --- reading ------------------------------------------------------------------------------


def _answer(
    criterion: Criterion, value: Any, place: dict[str, Any], errors: list[FieldError]
) -> Answer | None:
    """The answer in a cell, or ``None`` for a blank; a bad one is added to ``errors``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise TypeError(value)  # a date or a TRUE cell is no answer
        return answer_value(criterion, value.strip() if isinstance(value, str) else value)[0]
    except (LookupError, ValueError, TypeError):
        expected = "/".join(criterion.scale.codes)
        if criterion.scale.shares is not None:
            expected += " or a share from 0 to 100"
        errors.append(
            FieldError(
                f"{short(value)} is not an answer to {criterion.code}; expected {expected}",
                value=value,
                expected=expected,
                **place,
            )
        )
        return None


def _text(value: Any) -> str | None:
    return None if value is None or not str(value).strip() else str(value).strip()


def _catalogue(name: Any, file: str, place: dict[str, Any]) -> Catalogue:
    if not isinstance(name, str) or name not in CATALOGUES:
        message = f"unknown catalogue {short(name)}; known: {', '.join(CATALOGUES.names())}"
        raise DataFileError(
            f"cannot read {file}", [FieldError(message, file=file, value=name, **place)], file=file
        )
    return CATALOGUES.get(name)


def _entry(
    catalogue: Catalogue, code: Any, cells: Mapping[str, Any], place: Any, errors: list[FieldError]
) -> Entry | None:
    """One criterion's row; ``place(column)`` gives the place of a cell for an error."""
    try:
        criterion = catalogue.criterion(str(code))
    except LookupError:
        errors.append(FieldError(f"unknown criterion {short(code)}", value=code, **place("code")))
        return None
    return Entry(
        code=criterion.code,
        self_answer=_answer(criterion, cells.get("self"), place("self"), errors),
        evaluator_answer=_answer(criterion, cells.get("evaluator"), place("evaluator"), errors),
        evidence=_text(cells.get("evidence")),
        note=_text(cells.get("note")),
    )


def _from_data(data: Any, file: str) -> Worksheet:
    if not isinstance(data, dict):
        raise single("a worksheet file holds a table at its top", file=file)
    catalogue = _catalogue(data.get("catalogue"), file, {"column": "catalogue"})
    rows = data.get("criteria", [])
    if not isinstance(rows, list):
        raise single("'criteria' must be a list of tables", file=file, column="criteria")
    errors: list[FieldError] = []
    entries = []
    for index, row in enumerate(rows):
        where = f"criteria[{index}]"
        if not isinstance(row, dict):
            errors.append(FieldError("each criterion's row must be a table", file=file, row=where))
            continue
        entry = _entry(
            catalogue,
            row.get("code"),
            row,
            lambda column, where=where: {"file": file, "row": where, "column": column},
            errors,
        )
        if entry is not None:
            entries.append(entry)
    return _finish(
        catalogue,
        entries,
        errors,
        file=file,
        head=(data.get("unit"), data.get("year"), {"column": "year"}),
    )


def _year(value: Any, place: dict[str, Any], errors: list[FieldError]) -> int | None:
    """The year evaluated, or ``None`` when blank; anything else is added to ``errors``."""
    text = _text(value)
    if text is None:
        return None
    if isinstance(value, int) or text.isdigit():
        return int(text)
    errors.append(FieldError(f"{short(value)} is not a year", value=value, **place))
    return None


def _finish(
    catalogue: Catalogue, entries: list[Entry], errors: list[FieldError], *, file: str, head: Any
) -> Worksheet:
    unit, year, place = head
    found = _year(year, {"file": file, **place}, errors)
    if errors:
        raise DataFileError(f"cannot read {file}", errors, file=file, rows=entries)
    return Worksheet(catalogue=catalogue, entries=entries, unit=_text(unit), year=found)


def _from_xlsx(data: bytes, file: str) -> Worksheet:
    openpyxl = require("openpyxl", "XLSX worksheets")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise single(f"not an XLSX workbook ({type(error).__name__})", file=file) from None
    if _SHEET not in book.sheetnames:
        raise single(f"no worksheet named {_SHEET!r}", file=file)
    rows = list(book[_SHEET].iter_rows(values_only=True))
    head = {str(r[0]).strip(): r[1] for r in rows[: _HEADER_ROW - 1] if r and r[0] and len(r) > 1}
    catalogue = _catalogue(head.get("Katalog"), file, {"sheet": _SHEET, "row": 2, "column": "B"})
    errors: list[FieldError] = []
    entries = []
    structural = {c.code for c in catalogue.components} | {s.code for s in catalogue.subcomponents}
    for number, row in enumerate(rows[_HEADER_ROW:], start=_HEADER_ROW + 1):
        cells = dict(zip(("code", "text", "weight", "scale", *_FIELDS), row, strict=False))
        code = cells.get("code")
        if code is None or str(code).strip() in structural:
            continue
        entry = _entry(
            catalogue,
            str(code).strip(),
            cells,
            lambda column, number=number: {
                "file": file,
                "sheet": _SHEET,
                "row": number,
                "column": COLUMNS[("code", "text", "weight", "scale", *_FIELDS).index(column)],
            },
            errors,
        )
        if entry is not None:
            entries.append(entry)
    return _finish(
        catalogue,
        entries,
        errors,
        file=file,
        head=(head.get("Unit"), head.get("Tahun"), {"sheet": _SHEET, "row": 4, "column": "B"}),
    )


def read_worksheet(path: str | os.PathLike[str], format: str | None = None) -> Worksheet:
    """Read a filled-in worksheet (XLSX, TOML or JSON, by its suffix).

    Raises:
        DataFileError: Every bad answer and unknown criterion, each with its row and column.
        OSError: The file cannot be read.
    """
    file = str(path)
    kind = _format(path, format)
    data = Path(path).read_bytes()
    if kind == "xlsx":
        return _from_xlsx(data, file)
    try:
        parsed = tomllib.loads(data.decode("utf-8")) if kind == "toml" else json.loads(data)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise single(f"not a {kind.upper()} file: {error}", file=file) from None
    return _from_data(parsed, file)
