"""The data file's workbook written and read with openpyxl (``sakip[excel]``), imported lazily.

The layout (sheets, columns, help) is :mod:`sakip.io.workbook`; this module only puts it
into an XLSX file, with a drop-down for every column of choices and the help text of every
column as the header's comment and the cells' input message, and reads the cells back.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sakip._optional import require
from sakip.io.limits import Limits
from sakip.io.workbook import (
    HEADER_ROW,
    INSTRUCTIONS,
    LAYOUT,
    Column,
    Kind,
    Sheet,
    dataset_sheets,
    enum_words,
    read_sheets,
)
from sakip.model import Dataset
from sakip.text import gettext

__all__ = ["read_workbook", "write_workbook"]

_FIXED_TIME = datetime(2000, 1, 1)  # a constant, so that the bytes never vary
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_DATA_ROWS = 1000
"""How many rows below the header get the drop-downs and input messages."""
_HEADER_FILL = "EEEEEE"


def write_workbook(dataset: Dataset | None, *, lang: str = "id") -> bytes:
    """The workbook of ``dataset`` (the empty template when ``None``), as XLSX bytes.

    The same dataset always gives the same bytes.
    """
    require("openpyxl", "XLSX files")
    from openpyxl import Workbook  # noqa: PLC0415 - the optional excel extra

    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = gettext(INSTRUCTIONS[0], lang=lang)
    _write_instructions(instructions, lang)
    for sheet, rows in dataset_sheets(dataset):
        _write_sheet(book.create_sheet(gettext(sheet.name, lang=lang)), sheet, rows, lang)
    book.active = 1  # the agency's sheet: the first to fill in
    book.properties.creator = "sakip"
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable(buffer.getvalue())


def _write_instructions(sheet: Any, lang: str) -> None:
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - the excel extra

    sheet.append([gettext("Buku kerja data sakip", lang=lang)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            gettext(
                "Isi setiap lembar, satu baris per butir, mulai baris 2; baris 1 adalah judul "
                "kolom, jangan diubah. Arahkan kursor ke judul kolom untuk melihat petunjuknya. "
                "Angka boleh ditulis dengan koma desimal (94,6). Periksa hasilnya dengan "
                "perintah: sakip validate BERKAS.xlsx",
                lang=lang,
            )
        ]
    )
    sheet.append([])
    sheet.append(
        [gettext("Lembar", lang=lang), gettext("Kolom", lang=lang), gettext("Petunjuk", lang=lang)]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for part in LAYOUT:
        name = gettext(part.name, lang=lang)
        sheet.append([name, None, gettext(part.help, lang=lang)])
        for column in part.fields or part.columns:
            sheet.append([name, _header(column, lang), _help(column, lang)])
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 28
    sheet.column_dimensions["C"].width = 90
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _header(column: Column, lang: str) -> str:
    return column.header if lang == "id" else column.english


def _help(column: Column, lang: str) -> str:
    words = gettext(column.help, lang=lang)
    if _choices(column):
        choices = ", ".join(_choices(column))
        words += " " + gettext("Pilihan: {choices}.", lang=lang, choices=choices)
    return words


def _choices(column: Column) -> tuple[str, ...]:
    """The words a column's drop-down offers: an enumeration's, or a registry's names."""
    if column.choices is not None:
        return tuple(enum_words(column.choices).values())
    return column.options


def _write_sheet(target: Any, sheet: Sheet, rows: list[list[object]], lang: str) -> None:
    from openpyxl.comments import Comment  # noqa: PLC0415 - the excel extra
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415

    target.append([_header(column, lang) for column in sheet.columns])
    fill = PatternFill("solid", start_color=_HEADER_FILL)
    for column, cell in zip(sheet.columns, target[HEADER_ROW], strict=True):
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.comment = Comment(_help(column, lang), "sakip", width=300, height=120)
        target.column_dimensions[cell.column_letter].width = max(12, min(40, len(cell.value) + 4))
    for row in rows:
        target.append(row)
        for cell, value in zip(target[target.max_row], row, strict=True):
            if isinstance(value, str):
                cell.data_type = "s"  # a text, never a formula, whatever it starts with
    target.freeze_panes = target.cell(row=HEADER_ROW + 1, column=1)
    if sheet.fields:
        _field_validation(target, sheet, lang)
    else:
        _column_validation(target, sheet, lang)


def _validation(column: Column, lang: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    options: dict[str, Any] = {"allow_blank": True, "showInputMessage": True}
    if _choices(column):
        words = ",".join(_choices(column))
        options.update(type="list", formula1=f'"{words}"', showErrorMessage=True)
    elif column.kind is Kind.BOOLEAN:
        words = ",".join((gettext("ya", lang=lang), gettext("tidak", lang=lang)))
        options.update(type="list", formula1=f'"{words}"', showErrorMessage=True)
    return DataValidation(
        promptTitle=_header(column, lang)[:32], prompt=_help(column, lang)[:255], **options
    )


def _column_validation(target: Any, sheet: Sheet, lang: str) -> None:
    for index, column in enumerate(sheet.columns, 1):
        validation = _validation(column, lang)
        letter = target.cell(row=HEADER_ROW, column=index).column_letter
        validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + _DATA_ROWS}")
        target.add_data_validation(validation)


def _field_validation(target: Any, sheet: Sheet, lang: str) -> None:
    """A sheet of fields: each field's value cell gets its own help and drop-down."""
    fields = {field.header: field for field in sheet.fields}
    for row in target.iter_rows(min_row=HEADER_ROW + 1):
        validation = _validation(fields[row[0].value], lang)
        validation.add(row[1].coordinate)
        target.add_data_validation(validation)


def _stable(data: bytes) -> bytes:
    """The workbook's zip with every entry dated alike, so that its bytes never vary."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            part = source.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl dates it when it saves
                part = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", part)
            target.writestr(entry, part)
    return out.getvalue()


def read_workbook(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Dataset:
    """The dataset of a workbook file, every bad cell reported with its sheet, row and column."""
    from sakip.extra.xlsx_reader import workbook_cells  # noqa: PLC0415 - sakip.io imports it

    return read_sheets(workbook_cells(Path(path), limits=limits), file=str(path))
