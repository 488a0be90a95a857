"""Presenting a report (penyajian): the renderers, one registry of formats, and writing a file.

A renderer only lays out what :mod:`sakip.report` built: every number it prints is a
:class:`~sakip.report.Cell` formatted as it stands, every word is the report's own. Each format
is a module here (``sakip.present.text``, ``.markdown``, ``.html``, ``.json``; XLSX in
``sakip.extra.xlsx_writer``, as it needs openpyxl; Word in ``sakip.extra.docx``, as it needs
python-docx), registered in :data:`FORMATS`, which
:func:`render`, :func:`write` and the ``--format`` choices of ``sakip report`` read. A format
of your own is one more :class:`Renderer`:

    >>> from sakip import present
    >>> present.FORMATS.names()
    ['docx', 'html', 'json', 'markdown', 'text', 'xlsx']
    >>> present.FORMATS["xlsx"].binary
    True

The other documents sakip writes have a registry each, which their command's ``--format``
choices read too: :data:`AUDIT_FORMATS` (``sakip audit``) and :data:`LKE_FORMATS`
(``sakip lke``).

    >>> present.AUDIT_FORMATS.names()
    ['docx', 'html', 'json', 'text', 'xlsx']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from sakip._lazy import submodules
from sakip.exceptions import InvalidValueError
from sakip.rules import Registry

if TYPE_CHECKING:
    from sakip.audit import Audit
    from sakip.lke.report import Evaluation
    from sakip.report import Report

__all__ = [
    "AUDIT_FORMATS",
    "FORMATS",
    "LKE_FORMATS",
    "DocumentRenderer",
    "Renderer",
    "render",
    "write",
]

__getattr__ = submodules(__name__)


@attrs.frozen
class Renderer:
    """A format a report can be shown in (format penyajian).

    Attributes:
        name: The name ``--format`` and :func:`render` take (``"markdown"``).
        title: What the format is, in a phrase.
        function: The report in this format: text, or bytes for a binary format.
        binary: Whether the format is bytes (a workbook), written to a file only.
        templated: The report in this format on a template file of the user's (a Word
            document whose styles and page setup it takes); ``None`` when the format takes none.
    """

    name: str
    title: str
    function: Callable[[Report], str | bytes] = attrs.field(repr=False)
    binary: bool = False
    templated: Callable[[Report, Path], bytes] | None = attrs.field(default=None, repr=False)

    def describe(self) -> str:
        """The format in one line: its name, what it is, and whether it needs a file."""
        needs = "; bytes, written to a file" if self.binary else ""
        return f"{self.name}: {self.title}{needs}"


# Each renderer loads its module when it renders, so that listing the formats (the command's
# --format choices) stays light and XLSX needs openpyxl only when it is written.
def _text(report: Report) -> str:
    from sakip.present.text import to_text  # noqa: PLC0415 - loaded when used

    return to_text(report)


def _markdown(report: Report) -> str:
    from sakip.present.markdown import to_markdown  # noqa: PLC0415 - loaded when used

    return to_markdown(report)


def _html(report: Report) -> str:
    from sakip.present.html import to_html  # noqa: PLC0415 - loaded when used

    return to_html(report)


def _json(report: Report) -> str:
    from sakip.present.json import to_json  # noqa: PLC0415 - loaded when used

    return to_json(report)


def _xlsx(report: Report) -> bytes:
    from sakip.extra.xlsx_writer import to_xlsx  # noqa: PLC0415 - needs the optional openpyxl

    return to_xlsx(report)


def _docx(report: Report) -> bytes:
    from sakip.extra.docx import to_docx  # noqa: PLC0415 - needs the optional python-docx

    return to_docx(report)


def _docx_on(report: Report, template: Path) -> bytes:
    from sakip.extra.docx import to_docx  # noqa: PLC0415 - needs the optional python-docx

    return to_docx(report, template=template)


FORMATS: Registry[Renderer] = Registry("format")
"""The formats a report can be rendered in, by name."""
FORMATS.register(Renderer("text", "plain text, columns aligned, for a terminal", _text))
FORMATS.register(Renderer("markdown", "Markdown pipe tables, to paste into a document", _markdown))
FORMATS.register(Renderer("html", "one standalone HTML page, charts included", _html))
FORMATS.register(Renderer("json", "JSON: every cell with its kind and exact value", _json))
FORMATS.register(
    Renderer("xlsx", "an XLSX workbook, one sheet per table (sakip[excel])", _xlsx, binary=True)
)
FORMATS.register(
    Renderer(
        "docx",
        "a Word document in Word's own styles, a template's kept (sakip[docx])",
        _docx,
        binary=True,
        templated=_docx_on,
    )
)


def render(
    report: Report, format: str = "text", *, template: str | os.PathLike[str] | None = None
) -> str | bytes:
    """The report in one of :data:`~sakip.present.FORMATS`; a binary format gives bytes.

    Args:
        report: The report.
        format: The format's name.
        template: A file of the user's the format builds on (a Word document for ``docx``).

    Raises:
        InvalidValueError: The format is not one of :data:`~sakip.present.FORMATS`, or a
            template is given to a format that takes none.
    """
    if format not in FORMATS:
        raise InvalidValueError("format", format, f"one of {', '.join(FORMATS.names())}")
    renderer = FORMATS[format]
    if template is None:
        return renderer.function(report)
    if renderer.templated is None:
        takes = [name for name in FORMATS.names() if FORMATS[name].templated is not None]
        raise InvalidValueError("format", format, f"one that takes a template: {', '.join(takes)}")
    return renderer.templated(report, Path(template))


def write(
    report: Report,
    path: str | os.PathLike[str],
    format: str = "text",
    *,
    template: str | os.PathLike[str] | None = None,
) -> None:
    """Render the report and write it to ``path`` atomically: the whole file or nothing."""
    from sakip.io._safe import atomic_write  # noqa: PLC0415 - the file layer loads when writing

    data = render(report, format, template=template)
    atomic_write(Path(path), data if isinstance(data, bytes) else data.encode("utf-8"))


# --- the other documents: an audit, an LKE score ---------------------------------------------


@attrs.frozen
class DocumentRenderer:
    """A format another document (an audit, an LKE score) is shown in (format dokumen).

    Attributes:
        name: The name its command's ``--format`` takes (``"json"``).
        title: What the format is, in a phrase.
        function: The document in this format, given the document and the options its kind
            takes (``lang`` always; an audit's ``name`` and ``everything``).
        binary: Whether the format is bytes (a workbook), written to a file only.
    """

    name: str
    title: str
    function: Callable[..., str | bytes] = attrs.field(repr=False)
    binary: bool = False

    def describe(self) -> str:
        """The format in one line: its name, what it is, and whether it needs a file."""
        needs = "; bytes, written to a file" if self.binary else ""
        return f"{self.name}: {self.title}{needs}"


def _audit_text(audit: Audit, *, name: str | None, everything: bool, lang: str) -> str:
    from sakip.present.audit import audit_text  # noqa: PLC0415 - loaded when used

    return audit_text(audit, name=name, everything=everything, lang=lang)


def _audit_json(audit: Audit, *, name: str | None, everything: bool, lang: str) -> str:
    from sakip.present.audit import audit_json  # noqa: PLC0415 - loaded when used

    return audit_json(audit, name=name, lang=lang)  # JSON lists every finding anyway


def _audit_html(audit: Audit, *, lang: str, **_: Any) -> str:
    from sakip.present.audit import audit_html  # noqa: PLC0415 - loaded when used

    return audit_html(audit, lang=lang)  # a working paper lists every finding anyway


def _audit_xlsx(audit: Audit, *, lang: str, **_: Any) -> bytes:
    from sakip.extra.xlsx_writer import paper_to_xlsx  # noqa: PLC0415 - needs openpyxl
    from sakip.present.audit import working_paper  # noqa: PLC0415

    return paper_to_xlsx(working_paper(audit, lang=lang))


def _audit_docx(audit: Audit, *, lang: str, **_: Any) -> bytes:
    from sakip.extra.docx import paper_to_docx  # noqa: PLC0415 - needs python-docx
    from sakip.present.audit import working_paper  # noqa: PLC0415

    return paper_to_docx(working_paper(audit, lang=lang))


AUDIT_FORMATS: Registry[DocumentRenderer] = Registry("audit format")
"""The formats an audit can be shown in, by name; ``sakip audit --format`` reads them."""
AUDIT_FORMATS.register(
    DocumentRenderer("text", "plain text: the findings, then a summary", _audit_text)
)
AUDIT_FORMATS.register(
    DocumentRenderer("json", "JSON: every finding with its exact numbers", _audit_json)
)
AUDIT_FORMATS.register(
    DocumentRenderer("html", "the reviewer's working paper, one standalone HTML page", _audit_html)
)
AUDIT_FORMATS.register(
    DocumentRenderer(
        "xlsx",
        "the reviewer's working paper, a print-ready XLSX workbook (sakip[excel])",
        _audit_xlsx,
        binary=True,
    )
)
AUDIT_FORMATS.register(
    DocumentRenderer(
        "docx",
        "the reviewer's working paper, a Word document (sakip[docx])",
        _audit_docx,
        binary=True,
    )
)


def _lke(format: str) -> Callable[..., str | bytes]:
    def function(result: Evaluation, *, lang: str, **_: Any) -> str | bytes:
        from sakip.lke.report import render  # noqa: PLC0415 - loaded when used

        return render(result, format, lang=lang)

    return function


LKE_FORMATS: Registry[DocumentRenderer] = Registry("LKE format")
"""The formats an evaluation worksheet's score can be shown in; ``sakip lke`` reads them."""
for _name, _title, _binary in (
    ("text", "plain text, columns aligned, for a terminal", False),
    ("markdown", "Markdown pipe tables", False),
    ("html", "one standalone HTML page", False),
    ("json", "JSON: every score exact", False),
    ("xlsx", "an XLSX workbook (sakip[excel])", True),
    ("docx", "a DOCX document (sakip[docx])", True),
):
    LKE_FORMATS.register(DocumentRenderer(_name, _title, _lke(_name), binary=_binary))
