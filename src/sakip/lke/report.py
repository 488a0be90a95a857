"""The report of a filled-in worksheet: scores, predicate, logic checks, rater differences.

:func:`evaluate` computes everything once (no words); :func:`render` shows it as text,
Markdown, HTML, JSON, XLSX or DOCX in Indonesian or English. XLSX needs openpyxl
(``sakip[excel]``) and DOCX python-docx (``sakip[docx]``), imported only when asked for.
"""

from __future__ import annotations

import html
import io
import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from sakip._decimal import round_half_up
from sakip._display import Displayed
from sakip._figures import typed
from sakip._optional import require
from sakip.exceptions import UnknownRuleError
from sakip.io._safe import atomic_write, neutralise
from sakip.lke._words import say
from sakip.lke.checks import Violation, check
from sakip.lke.raters import RaterComparison, compare_raters
from sakip.lke.scoring import MEAN_TIMES_WEIGHT, NO_ROUNDING, Rounding, Score, ScoringMethod
from sakip.lke.worksheet import Worksheet
from sakip.locale import format_number

__all__ = ["FORMATS", "Evaluation", "evaluate", "render", "write_report"]

FORMATS = ("text", "markdown", "html", "json", "xlsx", "docx")
"""The formats :func:`render` writes."""

_WIDEST = 60  # a column of names is cut there, so that a row stays one line of a screen
Table = tuple[str, list[str], list[list[str]]]


@attrs.frozen(kw_only=True, repr=False)
class Evaluation(Displayed):
    """A worksheet evaluated: both raters' scores, the logic checks and the differences.

    Attributes:
        worksheet: The worksheet.
        raters: The unit's and the final scores, and their differences.
        violations: The logic-check violations of the final answers.
    """

    worksheet: Worksheet
    raters: RaterComparison
    violations: tuple[Violation, ...]

    @property
    def final(self) -> Score:
        """The final score, from the evaluator's answers where given and the unit's elsewhere."""
        return self.raters.final


def evaluate(
    worksheet: Worksheet,
    *,
    method: ScoringMethod | str = MEAN_TIMES_WEIGHT,
    rounding: Rounding | str = NO_ROUNDING,
    partial: bool = False,
) -> Evaluation:
    """Score a filled-in worksheet and check it (penilaian LKE).

    Raises:
        UnansweredError: A criterion has no answer from either rater and ``partial`` is false.
    """
    raters = compare_raters(
        worksheet.catalogue,
        worksheet.self_answers,
        worksheet.evaluator_answers,
        method=method,
        rounding=rounding,
        partial=partial,
    )
    answers = {**worksheet.self_answers, **worksheet.evaluator_answers}
    return Evaluation(
        worksheet=worksheet, raters=raters, violations=check(worksheet.catalogue, answers)
    )


def _num(value: Decimal | None, lang: str) -> str:
    return "–" if value is None else format_number(round_half_up(value), 2, lang=lang)


def _tables(result: Evaluation, lang: str) -> list[Table]:
    own, final = result.raters.self_score, result.final
    headers = [say(f"col.{k}", lang) for k in ("code", "name", "weight", "self", "score")]
    rows = []
    for mine, theirs in zip(own.components, final.components, strict=True):
        component = theirs.component
        rows.append(
            [
                component.code,
                component.name,
                typed(component.weight, lang=lang),
                _num(mine.value, lang),
                _num(theirs.value, lang),
            ]
        )
        for sub_mine, sub in zip(mine.subscores, theirs.subscores, strict=True):
            s = sub.subcomponent
            rows.append(
                [
                    s.code,
                    s.kind.capitalize(),
                    typed(s.weight, lang=lang),
                    _num(sub_mine.value, lang),
                    _num(sub.value, lang),
                ]
            )
    rows.append(
        ["", say("total.label", lang), "100", _num(own.total, lang), _num(final.total, lang)]
    )
    checks = [
        [v.check.name, v.criterion, _num(v.value, lang), _num(v.limit, lang)]
        for v in result.violations
    ]
    differences = [
        [d.criterion.code, d.self_answer or "–", d.evaluator_answer, _num(d.effect, lang)]
        for d in result.raters.differences
    ]
    return [
        (say("section.scores", lang), headers, rows),
        (
            say("section.violations", lang),
            [say(f"col.{k}", lang) for k in ("check", "criterion", "value", "limit")],
            checks,
        ),
        (
            say("section.differences", lang),
            [say(f"col.{k}", lang) for k in ("criterion", "self", "evaluator", "effect")],
            differences,
        ),
    ]


def _heading(result: Evaluation, lang: str) -> list[str]:
    final = result.final
    lines = [say("title", lang, title=result.worksheet.catalogue.title)]
    lines.append(final.explain(lang))
    if final.predicate is not None:
        lines.append(f"{say('predicate.label', lang)}: {final.predicate.label}")
    return lines


def _text(result: Evaluation, lang: str) -> str:
    out = [*_heading(result, lang), ""]
    for title, headers, rows in _tables(result, lang):
        out.append(title)
        if not rows:
            out += [f"  {say('none', lang)}", ""]
            continue
        widths = [
            min(max(len(r[i]) for r in [headers, *rows]), _WIDEST) for i in range(len(headers))
        ]
        for row in [headers, *rows]:
            cells = [c[: widths[i]].ljust(widths[i]) for i, c in enumerate(row)]
            out.append("  " + "  ".join(cells).rstrip())
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown(result: Evaluation, lang: str) -> str:
    head = _heading(result, lang)
    out = [f"# {head[0]}", "", *[f"{line}  " for line in head[1:]], ""]
    for title, headers, rows in _tables(result, lang):
        out += [f"## {title}", ""]
        if not rows:
            out += [say("none", lang), ""]
            continue
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "|".join("---" for _ in headers) + "|")
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        out.append("")
    return "\n".join(out)


def _html(result: Evaluation, lang: str) -> str:
    esc = html.escape
    head = _heading(result, lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(head[0])}</title></head>',
        "<body>",
        f"<h1>{esc(head[0])}</h1>",
        *[f"<p>{esc(line)}</p>" for line in head[1:]],
    ]
    for title, headers, rows in _tables(result, lang):
        out.append(f"<h2>{esc(title)}</h2>")
        if not rows:
            out.append(f"<p>{esc(say('none', lang))}</p>")
            continue
        out.append("<table><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers))
        out.append("</tr></thead><tbody>")
        out += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows]
        out.append("</tbody></table>")
    out.append("</body></html>\n")
    return "\n".join(out)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(result: Evaluation, lang: str) -> str:
    final, own = result.final, result.raters.self_score
    data: dict[str, Any] = {
        "catalogue": result.worksheet.catalogue.name,
        "unit": result.worksheet.unit,
        "year": result.worksheet.year,
        "method": final.method.name,
        "rounding": final.rounding.name,
        "total": _dec(final.total),
        "score": _dec(final.score),
        "predicate": final.predicate.label if final.predicate is not None else None,
        "self_total": _dec(own.total),
        "missing": list(final.missing),
        "explanation": final.explain(lang),
        "components": [
            {
                "code": c.component.code,
                "name": c.component.name,
                "weight": _dec(c.component.weight),
                "score": _dec(c.value),
                "subcomponents": [
                    {
                        "code": s.subcomponent.code,
                        "weight": _dec(s.subcomponent.weight),
                        "score": _dec(s.value),
                    }
                    for s in c.subscores
                ],
            }
            for c in final.components
        ],
        "violations": [
            {
                "check": v.check.name,
                "criterion": v.criterion,
                "value": _dec(v.value),
                "limit": _dec(v.limit),
            }
            for v in result.violations
        ],
        "differences": [
            {
                "criterion": d.criterion.code,
                "self": d.self_answer,
                "evaluator": d.evaluator_answer,
                "effect": _dec(d.effect),
            }
            for d in result.raters.differences
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _xlsx(result: Evaluation, lang: str) -> bytes:
    openpyxl = require("openpyxl", "XLSX files")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "LKE"
    for line in _heading(result, lang):
        sheet.append([neutralise(line)])
    for title, headers, rows in _tables(result, lang):
        sheet.append([])
        sheet.append([title])
        sheet.append(headers)
        for row in rows:
            sheet.append([neutralise(c) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(result: Evaluation, lang: str) -> bytes:
    docx = require("docx", "DOCX files")
    document = docx.Document()
    head = _heading(result, lang)
    document.add_heading(head[0], level=1)
    for line in head[1:]:
        document.add_paragraph(line)
    for title, headers, rows in _tables(result, lang):
        document.add_heading(title, level=2)
        if not rows:
            document.add_paragraph(say("none", lang))
            continue
        table = document.add_table(rows=1, cols=len(headers))
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_RENDERERS: dict[str, Callable[[Evaluation, str], str | bytes]] = {
    "text": _text,
    "markdown": _markdown,
    "html": _html,
    "json": _json,
    "xlsx": _xlsx,
    "docx": _docx,
}


def render(result: Evaluation, format: str = "text", *, lang: str = "id") -> str | bytes:
    """The evaluation in one of :data:`FORMATS`: text for text formats, bytes for XLSX/DOCX."""
    if format not in _RENDERERS:
        raise UnknownRuleError("LKE report format", format, FORMATS)
    return _RENDERERS[format](result, lang)


def write_report(
    result: Evaluation, path: str | os.PathLike[str], format: str = "text", *, lang: str = "id"
) -> None:
    """Render the evaluation and write it to ``path`` atomically."""
    data = render(result, format, lang=lang)
    atomic_write(Path(path), data if isinstance(data, bytes) else data.encode("utf-8"))
