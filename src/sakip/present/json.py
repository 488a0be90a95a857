"""A report as JSON: every cell with its kind, exact value and printed text."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sakip.report import Cell, IndicatorSeries, Report, Table

__all__ = ["exact", "report_data", "to_json"]


def exact(value: Decimal | None) -> str | None:
    """A figure as its exact decimal string (``None`` stays ``None``), as JSON holds numbers."""
    return None if value is None else str(value)


def _pair(bounds: tuple[Decimal, Decimal] | None) -> list[str] | None:
    return None if bounds is None else [str(bounds[0]), str(bounds[1])]


def _json_cell(cell: Cell, lang: str) -> dict[str, Any]:
    value = str(cell.value) if isinstance(cell.value, Decimal) else cell.value
    data: dict[str, Any] = {"kind": cell.kind.value, "text": cell.format(lang), "value": value}
    if cell.code is not None:
        data["code"] = cell.code
    if cell.note:
        data["note"] = cell.note
    return data


def _table_data(table: Table) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": table.key,
        "number": table.number,
        "caption": table.caption,
        "title": table.title,
        "columns": [{"key": c.key, "title": c.title} for c in table.columns],
        "rows": [[_json_cell(cell, table.lang) for cell in row] for row in table.rows],
        "groups": [
            {
                "level": group.level.value,
                "code": group.code,
                "before": group.before,
                "cells": [_json_cell(cell, table.lang) for cell in group.cells],
            }
            for group in table.groups
        ],
        "rule": table.rule,
        "source": table.source,
        "data_sources": list(table.data_sources),
        "sentences": list(table.sentences),
    }
    if table.analyses:  # a key only where there are analyses: data without them reads as before
        data["analyses"] = [
            {
                "after": note.after,
                "indicator": note.indicator,
                "heading": note.heading,
                "lines": [{"label": label, "text": text} for label, text in note.lines],
            }
            for note in table.analyses
        ]
    return data


def _series_data(series: IndicatorSeries) -> dict[str, Any]:
    return {
        "code": series.code,
        "name": series.name,
        "unit": series.unit,
        "years": list(series.years),
        "targets": [_pair(v) for v in series.targets],
        "realizations": [exact(v) for v in series.realizations],
        "end_year": series.end_year,
        "end_target": _pair(series.end_target),
    }


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data (numbers as exact decimal strings), as :func:`to_json` writes.

    A report headed by a line of its own (the Renja evaluation form's "Periode Pelaksanaan
    TW III 2024") carries it as ``heading``; chapter III, whose heading is the chapter's,
    has no such key, so its data reads as before.
    """
    data: dict[str, Any] = {
        "format": "sakip-report",
        "version": 1,
        "title": report.title,
        "agency": report.agency,
        "year": report.year,
        "lang": report.lang,
        "scale": report.scale,
        "tables": [_table_data(table) for table in report.tables],
        "series": [_series_data(series) for series in report.series],
        "achievements": [
            {"code": a.code, "name": a.name, "percent": str(a.percent), "rating": a.label}
            for a in report.achievements
        ],
    }
    if report.heading is not None:
        data["heading"] = report.heading
    return data


def to_json(report: Report) -> str:
    """The report as JSON: every cell with its kind, exact value and printed text."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
