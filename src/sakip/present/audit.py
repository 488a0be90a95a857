"""An audit as text, JSON or a reviewer's working paper (reviu), in Indonesian or English.

The working paper (kertas kerja reviu) is one table, headed by the report's agency and year:
every stated figure numbered, where the report prints it, stated against recomputed, the
verdict, the rule with its numbers and its source, then a summary line.
:func:`working_paper` builds it as a :class:`~sakip.report.Table`, so that the report's own
renderers lay it out: :func:`audit_html` here, and the print-ready workbook and Word document
in :mod:`sakip.extra.xlsx_writer` and :mod:`sakip.extra.docx`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

import attrs

from sakip.audit import PRINTED_PRECISION_RULE, Audit, Finding, Verdict
from sakip.budget import EfficiencyConvention
from sakip.model import Claim
from sakip.present._layout import WIDTH, visible, wrapped
from sakip.present.html import page_html, table_html
from sakip.present.json import exact
from sakip.report import Cell, CellKind, Column, Table
from sakip.scales import RatingScale
from sakip.text import N_, check_lang, gettext, ngettext, pgettext
from sakip.text.sources import say_source
from sakip.text.writer import Writer

__all__ = [
    "WorkingPaper",
    "audit_data",
    "audit_html",
    "audit_json",
    "audit_text",
    "working_paper",
]


# The audit's framing words. The numbers are the report's own (stated as printed, recomputed
# in Indonesian notation beside them) and the rules are formulas, so they read the same in
# both languages.
_VERDICTS = {
    "agrees": N_("SESUAI"),
    "disagrees": N_("TIDAK SESUAI"),
    "not-computable": N_("TIDAK DAPAT DIHITUNG ULANG"),
}
_HOLDS = {"holds": N_("terbukti"), "does not hold": N_("tidak terbukti")}


def _kind(name: str, lang: str) -> str:
    """A built-in kind of figure by its name, in the language; a user's kind by its name."""
    kinds = {
        "achievement": pgettext("jenis angka", "capaian", lang=lang),
        "percentage": pgettext("jenis angka", "persentase", lang=lang),
        "sum": pgettext("jenis angka", "jumlah", lang=lang),
        "change": pgettext("jenis angka", "perubahan", lang=lang),
        "growth": pgettext("jenis angka", "pertumbuhan", lang=lang),
        "gap": pgettext("jenis angka", "selisih", lang=lang),
        "progress": pgettext("jenis angka", "kemajuan", lang=lang),
        "absorption": pgettext("jenis angka", "serapan", lang=lang),
        "unspent": pgettext("jenis angka", "sisa anggaran", lang=lang),
        "objective-average": pgettext("jenis angka", "capaian sasaran", lang=lang),
        "category": pgettext("jenis angka", "kategori", lang=lang),
        "efficiency": pgettext("jenis angka", "efisiensi", lang=lang),
        "period-realization": pgettext("jenis angka", "realisasi triwulan", lang=lang),
        "period-achievement": pgettext("jenis angka", "capaian triwulan", lang=lang),
        "revised-target": pgettext("jenis angka", "target PK-P", lang=lang),
    }
    return kinds.get(name, name)


def _claim(claim: Claim, lang: str) -> str:
    """What a claim says, in the language."""
    claims = {
        Claim.BELOW_NATIONAL_STANDARD: pgettext(
            "pernyataan", "di bawah standar nasional", lang=lang
        ),
        Claim.ABOVE_NATIONAL_STANDARD: pgettext(
            "pernyataan", "di atas standar nasional", lang=lang
        ),
        Claim.IMPROVED: pgettext("pernyataan", "membaik", lang=lang),
        Claim.WORSENED: pgettext("pernyataan", "memburuk", lang=lang),
        Claim.TARGET_MET: pgettext("pernyataan", "target tercapai", lang=lang),
        Claim.TARGET_NOT_MET: pgettext("pernyataan", "target tidak tercapai", lang=lang),
    }
    return claims[claim]


def _recomputed(finding: Finding, lang: str) -> str:
    """The recomputed figure as printed; a claim's "holds" in the language."""
    recomputed = finding.recomputed
    if finding.figure.claim is not None and recomputed in _HOLDS:  # else "—"
        return gettext(_HOLDS[recomputed], lang=lang)
    return recomputed


def _figure_line(finding: Finding, lang: str) -> str:
    what = gettext(
        "{kind}: dinyatakan {stated}, dihitung ulang {recomputed}",
        lang=lang,
        kind=_kind(finding.check.name, lang),
        stated=finding.figure.stated,
        recomputed=finding.recomputed,
    )
    shown, places = finding.shown, finding.places
    if shown is not None and shown != finding.recomputed and places is not None:
        what += " " + ngettext(
            "({shown} bila dibulatkan ke {places} desimal seperti yang dicetak)",
            "({shown} bila dibulatkan ke {places} desimal seperti yang dicetak)",
            places,
            lang=lang,
            shown=shown,
            places=places,
        )
    return what


def _finding_lines(index: int, finding: Finding, lang: str) -> list[str]:
    verdict = gettext(_VERDICTS[finding.verdict.value], lang=lang)
    head = f"{index}. {verdict}: {visible(finding.location_in(lang))}"
    explanation = finding.explanation_in(lang)
    if finding.figure.claim is not None:
        what = gettext(
            "pernyataan {claim}: {stated}",
            lang=lang,
            claim=repr(_claim(finding.figure.claim, lang)),
            stated=repr(finding.figure.stated),
        )
        result = gettext("menurut data: {explanation}", lang=lang, explanation=explanation)
    else:
        what = _figure_line(finding, lang)
        result = gettext("rumus: {explanation}", lang=lang, explanation=explanation)
    lines = [head, *(_indented(what)), *(_indented(result))]
    source = _finding_source(finding, lang)
    if source is not None:
        lines += _indented(gettext("sumber: {source}", lang=lang, source=source))
    return lines


def _finding_source(finding: Finding, lang: str) -> str | None:
    """The source of the rule a finding used, in the language: a formula's own, else its kind's."""
    if finding.formula is not None:
        return Writer(lang).source(finding.formula)
    if isinstance(finding.cited, RatingScale | EfficiencyConvention):
        return Writer(lang).source(finding.cited)  # a built-in one in the reader's words
    return None if finding.source is None else say_source(finding.source, lang)


def _indented(text: str) -> list[str]:
    return ["   " + line for line in wrapped(text, WIDTH - 3)]


def _summary(audit: Audit, name: str | None, lang: str) -> str:
    """The audit's first line: how many figures were checked, and how many disagree."""
    count, bad = len(audit.findings), len(audit.disagreements)
    verdicts = ngettext(
        "{agree} sesuai, {bad} tidak sesuai",
        "{agree} sesuai, {bad} tidak sesuai",
        bad,
        lang=lang,
        agree=count - bad,
        bad=bad,
    )
    if name:
        return ngettext(
            "Reviu atas {name}: {count} angka yang dinyatakan diperiksa, {verdicts}.",
            "Reviu atas {name}: {count} angka yang dinyatakan diperiksa, {verdicts}.",
            count,
            lang=lang,
            name=name,
            count=count,
            verdicts=verdicts,
        )
    return ngettext(
        "Reviu: {count} angka yang dinyatakan diperiksa, {verdicts}.",
        "Reviu: {count} angka yang dinyatakan diperiksa, {verdicts}.",
        count,
        lang=lang,
        count=count,
        verdicts=verdicts,
    )


def audit_text(
    audit: Audit, *, name: str | None = None, everything: bool = False, lang: str = "id"
) -> str:
    """The audit as text: a summary line, then each finding that does not agree.

    Args:
        audit: The audit.
        name: The file audited, for the summary line.
        everything: List the findings that agree too.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` for every word around the
            figures; the figures and the formulas are in Indonesian notation in both, as the
            report printed them.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    check_lang(lang)
    out = [visible(_summary(audit, name, lang))]
    shown: Iterable[Finding] = audit.findings if everything else audit.disagreements
    for index, finding in enumerate(shown, 1):
        out.append("")
        out += _finding_lines(index, finding, lang)
    return "\n".join(out) + "\n"


def audit_data(audit: Audit, *, name: str | None = None, lang: str = "id") -> dict[str, Any]:
    """The audit as plain data, as :func:`audit_json` writes it.

    The keys are the same in both languages; ``lang`` (``"id"``, the default, or ``"en"``)
    chooses the language of the values that are words: ``rule`` and a claim's ``recomputed``.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    check_lang(lang)
    return {
        "format": "sakip-audit",
        "version": 1,
        "file": name,
        "agency": audit.agency,
        "year": audit.year,
        "ok": audit.ok,
        "checked": len(audit.findings),
        "disagreements": len(audit.disagreements),
        "findings": [
            {
                "verdict": f.verdict.value,
                "kind": f.check.name,
                "stated": f.figure.stated,
                "stated_value": exact(f.stated_value),
                "places": f.places,
                "recomputed": _recomputed(f, lang),
                "recomputed_value": exact(f.value),
                "rule": f.explanation_in(lang),
                "source": _finding_source(f, lang),
                "location": f.figure.location,
                "indicator": f.figure.indicator,
                "year": f.figure.year,
                "claim": None if f.figure.claim is None else f.figure.claim.value,
            }
            for f in audit.findings
        ],
    }


def audit_json(audit: Audit, *, name: str | None = None, lang: str = "id") -> str:
    """The audit as JSON: every finding, agreeing or not, with its numbers as exact strings.

    ``lang`` is as for :func:`audit_data`.
    """
    data = audit_data(audit, name=name, lang=lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- the working paper ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class WorkingPaper:
    """A reviewer's working paper (kertas kerja reviu): a heading, one table, a summary.

    Attributes:
        heading: The report reviewed: its agency and year.
        table: Every finding, numbered, with where the report prints the figure, stated
            against recomputed, the verdict, the rule with its numbers and its source.
        summary: How many figures were checked and how many disagree.
        lang: The language of its words.
    """

    heading: str
    table: Table
    summary: str
    lang: str


_PAPER_COLUMNS = (
    ("no", N_("No")),
    ("location", N_("Letak dalam laporan")),
    ("kind", N_("Angka")),
    ("stated", N_("Dinyatakan")),
    ("recomputed", N_("Dihitung ulang")),
    ("verdict", N_("Simpulan")),
    ("rule", N_("Aturan dan perhitungan")),
    ("source", N_("Sumber")),
)
_VERDICT_SHADES = {
    Verdict.AGREES: "ST",
    Verdict.DISAGREES: "SR",
    Verdict.NOT_COMPUTABLE: "S",
}
"""Each verdict's colour, by the rating band whose colour it takes: green, red, yellow."""


def _heading(audit: Audit, lang: str) -> str:
    if audit.agency is not None and audit.year is not None:
        return gettext(
            "Kertas Kerja Reviu Laporan Kinerja {agency} Tahun {year}",
            lang=lang,
            agency=audit.agency,
            year=audit.year,
        )
    if audit.agency is not None:
        return gettext(
            "Kertas Kerja Reviu Laporan Kinerja {agency}", lang=lang, agency=audit.agency
        )
    return gettext("Kertas Kerja Reviu Laporan Kinerja", lang=lang)


def _stated_words(finding: Finding, lang: str) -> str:
    """The stated figure as printed; a claim as what it says, in quotes."""
    if finding.figure.claim is None:
        return finding.figure.stated
    said = _claim(finding.figure.claim, lang)
    return f"{said}: {finding.figure.stated!r}"


def _paper_row(index: int, finding: Finding, lang: str) -> tuple[Cell, ...]:
    verdict = Cell(
        kind=CellKind.RATING,
        value=gettext(_VERDICTS[finding.verdict.value], lang=lang),
        code=_VERDICT_SHADES[finding.verdict],
    )
    recomputed = _recomputed(finding, lang)
    return (
        Cell.text(str(index)),
        Cell.text(finding.location_in(lang)),
        Cell.text(_kind(finding.check.name, lang)),
        Cell.text(_stated_words(finding, lang)),
        Cell(kind=CellKind.MISSING, value=None) if recomputed == "—" else Cell.text(recomputed),
        verdict,
        Cell.text(finding.explanation_in(lang)),
        Cell.text(_finding_source(finding, lang) or "—"),
    )


def working_paper(audit: Audit, *, lang: str = "id") -> WorkingPaper:
    """The audit as a reviewer's working paper: every finding, numbered, in one table.

    Every figure checked is listed, agreeing or not, as a working paper records each check.
    The figures (stated as printed, recomputed beside them) are in Indonesian notation in
    both languages, as the report printed them.

    Args:
        audit: The audit; its agency and year head the paper.
        lang: ``"id"`` (Indonesian, the default) or ``"en"`` for every word.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    check_lang(lang)
    columns = tuple(
        Column(key=key, title=gettext(title, lang=lang)) for key, title in _PAPER_COLUMNS
    )
    rows = tuple(_paper_row(i, finding, lang) for i, finding in enumerate(audit.findings, 1))
    summary = _summary(audit, None, lang)
    table = Table(
        key="audit-findings",
        number="1",
        title=gettext("Hasil reviu angka yang dinyatakan laporan", lang=lang),
        columns=columns,
        rows=rows,
        rule=gettext(
            "sebuah angka sesuai bila nilai hitung ulang, dibulatkan ke jumlah desimal yang "
            "dicetak, sama dengannya; sebuah label sesuai bila katanya sama",
            lang=lang,
        ),
        source=say_source(PRINTED_PRECISION_RULE, lang),
        sentences=(summary,),
        lang=lang,
    )
    return WorkingPaper(heading=_heading(audit, lang), table=table, summary=summary, lang=lang)


def audit_html(audit: Audit, *, lang: str = "id") -> str:
    """The working paper as one standalone, print-friendly HTML page.

    Raises:
        InvalidValueError: ``lang`` is not ``"id"`` or ``"en"``.
    """
    paper = working_paper(audit, lang=lang)
    body = [
        f"<h1>{html.escape(visible(paper.heading))}</h1>",
        f"<p>{html.escape(paper.summary)}</p>",
        table_html(paper.table),
    ]
    return page_html(paper.heading, body, lang=lang)
