"""Renderers (penyajian): a report or an audit as text, Markdown, HTML, JSON, XLSX or Word.

The renderers live in :mod:`sakip.present`, one module per format, registered in
:data:`~sakip.present.FORMATS`; this module keeps the names users import.

- :func:`to_text`, :func:`to_markdown`, :func:`to_html` (one standalone, print-friendly page
  with the charts embedded as SVG when matplotlib is installed), :func:`to_json` and
  :func:`to_xlsx` (the ``sakip[excel]`` extra) and :func:`to_docx` (the ``sakip[docx]``
  extra) render a :class:`~sakip.report.Report`;
  :func:`render` picks one by name and :func:`write` saves it atomically.
- :func:`audit_text` and :func:`audit_json` render an :class:`~sakip.audit.Audit`, in
  Indonesian (the default) or English.
"""

from __future__ import annotations

from sakip.extra.docx import to_docx
from sakip.extra.xlsx_writer import to_xlsx
from sakip.present import FORMATS, render, write
from sakip.present.audit import audit_data, audit_json, audit_text
from sakip.present.html import report_html, table_html, to_html
from sakip.present.json import report_data, to_json
from sakip.present.markdown import to_markdown
from sakip.present.text import to_text

__all__ = [
    "FORMATS",
    "audit_data",
    "audit_json",
    "audit_text",
    "render",
    "report_data",
    "report_html",
    "table_html",
    "to_docx",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "to_xlsx",
    "write",
]
