"""Renderers: golden text and Markdown, JSON and XLSX read back, HTML parsed with its charts."""

from __future__ import annotations

import io
import json
import os
import re
import textwrap
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import sakip
from sakip import render
from sakip.audit import Audit, audit
from sakip.io import load
from sakip.report import Report, build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def seed() -> Report:
    return build_report(load(SEED))


@pytest.fixture(scope="module")
def page_text(seed: Report) -> str:
    return render.to_html(seed)


def golden(name: str, actual: str) -> str:
    """The golden file's text; ``SAKIP_UPDATE_GOLDEN=1`` rewrites it from ``actual`` first."""
    path = GOLDEN / name
    if os.environ.get("SAKIP_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


# --- golden files ---------------------------------------------------------------------------


def test_text_matches_the_golden_file(seed: Report) -> None:
    """The seed's chapter III as text is exactly the reviewed golden file."""
    actual = render.to_text(seed)
    assert golden("dinsos-kota-metro-2024.txt", actual) == actual


def test_markdown_matches_the_golden_file(seed: Report) -> None:
    """The seed's chapter III as Markdown is exactly the reviewed golden file."""
    actual = render.to_markdown(seed)
    assert golden("dinsos-kota-metro-2024.md", actual) == actual


def test_english_text_matches_the_golden_file() -> None:
    """The English text report is the reviewed golden file too."""
    actual = render.to_text(build_report(load(SEED), lang="en"))
    assert golden("dinsos-kota-metro-2024-en.txt", actual) == actual


def test_audit_text_matches_the_golden_file() -> None:
    """The audit of the seed, as English text, is the reviewed golden file."""
    actual = render.audit_text(audit(load(SEED)), name=SEED.name, lang="en")
    assert golden("audit-dinsos-kota-metro-2024.txt", actual) == actual


def test_indonesian_audit_text_matches_the_golden_file() -> None:
    """The audit of the seed in Indonesian, the default, is the reviewed golden file too."""
    actual = render.audit_text(audit(load(SEED)), name=SEED.name)
    assert golden("audit-dinsos-kota-metro-2024-id.txt", actual) == actual


def test_text_carries_the_seed_figures(seed: Report) -> None:
    """95,25 %, 100,42 % Sangat Tinggi, 72,54 % and 85,35 % are printed."""
    text = render.to_text(seed)
    for figure in ("95,25 %", "100,42 %  Sangat Tinggi", "72,54 %", "85,35 %"):
        assert figure in text


def test_markdown_escapes_pipes() -> None:
    """A '|' inside a cell does not break the Markdown table."""
    data = load(SEED)
    goal = data.plan.goals[0]
    renamed = attrs.evolve(goal.indicators[0], name="Nilai | SAKIP")
    plan = attrs.evolve(
        data.plan, goals=[attrs.evolve(goal, indicators=[renamed, *goal.indicators[1:]])]
    )
    text = render.to_markdown(build_report(attrs.evolve(data, plan=plan)))
    assert "| Nilai \\| SAKIP |" in text


# --- JSON -----------------------------------------------------------------------------------


def test_json_is_data_with_exact_values(seed: Report) -> None:
    """Every cell has its kind, exact value and printed text; numbers are decimal strings."""
    data = json.loads(render.to_json(seed))
    assert "sakip-report" == data["format"]
    assert 2024 == data["year"]
    assert "heading" not in data  # chapter III is headed by its chapter, as before
    table = data["tables"][0]
    assert "target-realization" == table["key"]
    achievement = table["rows"][2][5]
    assert {"kind": "percent", "text": "100,42 %", "value": "100.42"} == achievement
    rating = table["rows"][2][6]
    assert "ST" == rating["code"]
    missing = table["rows"][1][4]
    assert None is missing["value"]
    assert "note" in missing
    assert "PermenPANRB 8/2021" in table["source"]
    series = next(s for s in data["series"] if s["code"] == "IKU-1")
    assert ["100", "100"] == series["end_target"]
    assert None is series["targets"][0]
    assert {
        "code": "IKU-1",
        "name": "Persentase PPKS yang tertangani",
        "percent": "100.42",
        "rating": "Sangat Tinggi",
    } == data["achievements"][1]


def test_audit_json_lists_every_finding() -> None:
    """The audit as JSON has every finding, agreeing or not, with exact values."""
    data = json.loads(render.audit_json(audit(load(SEED)), name="seed.toml"))
    assert data["ok"] is False
    assert data["checked"] == len(data["findings"])
    first = data["findings"][1]
    assert "disagrees" == first["verdict"]
    assert "101,1" == first["stated"]
    assert "100,42" == first["recomputed"]
    assert Decimal(first["recomputed_value"]).quantize(Decimal("0.01")) == Decimal("100.42")
    assert "PermenPANRB 8/2021" in first["source"]
    sums = [f for f in data["findings"] if f["kind"] == "sum"]
    assert None is sums[0]["source"]


@pytest.mark.parametrize(
    ("lang", "standard", "holds"),
    [
        ("id", "tidak ada standar nasional yang tercatat untuk IKU-1", "terbukti"),
        ("en", "no national standard is recorded for IKU-1", "holds"),
    ],
)
def test_audit_json_words_follow_the_language(lang: str, standard: str, holds: str) -> None:
    """The keys stay; the sentences and a claim's verdict word are in the chosen language."""
    english = json.loads(render.audit_json(audit(load(SEED)), name="seed.toml", lang="en"))
    data = json.loads(render.audit_json(audit(load(SEED)), name="seed.toml", lang=lang))
    assert english.keys() == data.keys()
    assert [f.keys() for f in english["findings"]] == [f.keys() for f in data["findings"]]
    claims = [f for f in data["findings"] if f["kind"] == "claim"]
    assert any(f["rule"].startswith(standard) for f in claims)
    assert holds == next(f["recomputed"] for f in claims if f["verdict"] == "agrees")
    assert "100,42" == data["findings"][1]["recomputed"]


def test_audit_of_a_claim_that_cannot_be_recomputed_in_indonesian() -> None:
    """A claim with no data shows "—" and says why in Indonesian."""
    figure = sakip.StatedFigure(
        kind="claim", stated="naik", claim="improved", indicator="MISKIN", year=2024
    )
    result = audit(load(SEED), [figure])
    (finding,) = render.audit_data(result)["findings"]
    assert "—" == finding["recomputed"]
    assert "tidak dapat dihitung ulang: tidak ada realisasi tahun 2024" == finding["rule"]
    english = render.audit_data(result, lang="en")["findings"][0]["rule"]
    assert "cannot be recomputed: no realization is reported for 2024" == english
    text = render.audit_text(result)
    assert "1. TIDAK DAPAT DIHITUNG ULANG: (letak tidak disebutkan) (MISKIN, 2024)" in text
    assert "pernyataan 'membaik': 'naik'" in text


@pytest.mark.parametrize("renderer", [render.audit_text, render.audit_json])
def test_audit_in_an_unknown_language_is_refused(renderer: Any) -> None:
    """A language other than id or en raises InvalidValueError naming it."""
    with pytest.raises(sakip.InvalidValueError, match="'fr'"):
        renderer(audit(load(SEED)), lang="fr")


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_reopens_with_numbers_as_numbers(seed: Report) -> None:
    """One sheet per table; captions, headings and numbers come back from openpyxl."""
    book = load_workbook(io.BytesIO(render.to_xlsx(seed)))
    assert ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"] == book.sheetnames
    sheet = book["3.1"]
    assert "Tabel 3.1 Perbandingan target dan realisasi kinerja tahun 2024" == sheet["A1"].value
    assert "Capaian" == sheet["F3"].value
    # row 4 is the goal's, 5 and 6 its own indicators, 7 the objective's, 8 its indicator
    assert 100.42 == pytest.approx(sheet["F8"].value)
    assert '#,##0.00" %"' == sheet["F8"].number_format
    assert "Sangat Tinggi" == sheet["G8"].value
    assert "—" == sheet["E6"].value
    budget = book["3.6"]
    assert 174970600 == budget["E5"].value
    assert "#,##0" == budget["E5"].number_format
    texts = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert any(isinstance(t, str) and t.startswith("Rumus: Capaian") for t in texts)


def test_xlsx_neutralises_formulas() -> None:
    """A name that a spreadsheet would run as a formula is stored as text."""
    data = load(SEED)
    goal = data.plan.goals[0]
    evil = attrs.evolve(goal.indicators[0], name="=HYPERLINK(0)")
    plan = attrs.evolve(
        data.plan, goals=[attrs.evolve(goal, indicators=[evil, *goal.indicators[1:]])]
    )
    book = load_workbook(io.BytesIO(render.to_xlsx(build_report(attrs.evolve(data, plan=plan)))))
    assert "'=HYPERLINK(0)" == book["3.1"]["B5"].value  # row 4 is the goal's


# --- HTML -----------------------------------------------------------------------------------


class Page(HTMLParser):
    """Counts what an HTML page holds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.captions: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count the tag; start collecting a caption's or a cell's text."""
        self.tags.append(tag)
        if tag in ("caption", "td"):
            self._in = tag
            (self.captions if tag == "caption" else self.cells).append("")

    def handle_endtag(self, tag: str) -> None:
        """Stop collecting at the end of the caption or cell."""
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        """Collect the text of the caption or cell being read."""
        if self._in == "caption":
            self.captions[-1] += data
        elif self._in == "td":
            self.cells[-1] += data


def test_html_is_one_page_with_tables_and_charts(seed: Report, page_text: str) -> None:
    """Six tables with captions, the seed's figures, and an inline SVG per chart."""
    page = Page()
    text = page_text
    page.feed(text)
    assert text.startswith("<!DOCTYPE html>")
    assert 6 == page.tags.count("table")
    assert "Tabel 3.1 Perbandingan target dan realisasi kinerja tahun 2024" == page.captions[0]
    assert "100,42 %" in page.cells
    drawn = [series for series in seed.series if not series.empty]
    assert len(drawn) + 1 == page.tags.count("svg")
    assert "<style>" in text
    assert "<script" not in text
    assert 'class="num rating' not in text
    assert 'class="rating-ST"' in text


def test_html_without_charts(seed: Report) -> None:
    """charts=False leaves the SVG out."""
    page = Page()
    page.feed(render.to_html(seed, charts=False))
    assert 0 == page.tags.count("svg")
    assert 6 == page.tags.count("table")


def test_html_is_the_same_every_time(seed: Report, page_text: str) -> None:
    """Two renderings are byte for byte equal (fixed SVG hash salt, no date)."""
    assert page_text == render.to_html(seed)


def test_html_without_achievements_has_no_bar_chart(seed: Report) -> None:
    """With no computable achievement there is no achievement chart, only the series."""
    page = Page()
    page.feed(render.to_html(attrs.evolve(seed, achievements=())))
    assert len([series for series in seed.series if not series.empty]) == page.tags.count("svg")


def test_html_escapes_text() -> None:
    """Names with markup are escaped, not interpreted."""
    data = load(SEED)
    goal = data.plan.goals[0]
    evil = attrs.evolve(goal.indicators[0], name="<b>SAKIP</b>")
    plan = attrs.evolve(
        data.plan, goals=[attrs.evolve(goal, indicators=[evil, *goal.indicators[1:]])]
    )
    text = render.to_html(build_report(attrs.evolve(data, plan=plan)), charts=False)
    assert "&lt;b&gt;SAKIP&lt;/b&gt;" in text
    assert "<b>SAKIP</b>" not in text


# --- choosing and writing -------------------------------------------------------------------


@pytest.mark.parametrize("name", [f for f in render.FORMATS.names() if f != "html"])
def test_render_by_name(seed: Report, name: str) -> None:
    """Each format renders by name; XLSX is bytes, the others text."""
    result = render.render(seed, name)
    assert isinstance(result, bytes if render.FORMATS[name].binary else str)


def test_an_unknown_format_is_refused(seed: Report) -> None:
    """An unknown format lists the known ones."""
    with pytest.raises(sakip.InvalidValueError, match="docx, html, json, markdown, text, xlsx"):
        render.render(seed, "pdf")


def test_write_replaces_the_file_whole(seed: Report, tmp_path: Path) -> None:
    """write() leaves the complete file, text or binary, and no temporary file."""
    target = tmp_path / "bab-iii.md"
    target.write_text("old", encoding="utf-8")
    render.write(seed, target, "markdown")
    assert render.to_markdown(seed) == target.read_text(encoding="utf-8")
    render.write(seed, tmp_path / "bab-iii.xlsx", "xlsx")
    assert (tmp_path / "bab-iii.xlsx").read_bytes().startswith(b"PK")
    assert ["bab-iii.md", "bab-iii.xlsx"] == sorted(p.name for p in tmp_path.iterdir())


def test_audit_text_can_list_everything() -> None:
    """everything=True lists the agreeing findings too."""
    result = audit(load(SEED))
    text = render.audit_text(result, everything=True, lang="en")
    assert text.count(". AGREES:") == len(result.findings) - len(result.disagreements)
    assert text.startswith(f"Audit: {len(result.findings)} stated figures checked")


def test_audit_text_of_one_agreeing_figure(seed_dataset: sakip.Dataset) -> None:
    """The summary reads right in the singular."""
    figure = sakip.StatedFigure(kind="sum", stated="3", operands=[1, 2])
    text = render.audit_text(audit(seed_dataset, [figure]), lang="en")
    assert "Audit: 1 stated figure checked, 1 agree, 0 do not.\n" == text
    wrong = sakip.StatedFigure(kind="sum", stated="4", operands=[1, 2])
    assert "1 does not." in render.audit_text(audit(seed_dataset, [wrong]), lang="en")


def test_indonesian_audit_text_of_figures_everywhere(seed_dataset: sakip.Dataset) -> None:
    """In Indonesian, the summary, verdicts, kinds and rounding note are all Indonesian."""
    figures = [
        sakip.StatedFigure(kind="percentage", stated="95", operands=[13773, 14460]),
        sakip.StatedFigure(kind="percentage", stated="0", operands=[1, 0]),
    ]
    text = render.audit_text(audit(seed_dataset, figures), everything=True)
    assert text.startswith("Reviu: 2 angka yang dinyatakan diperiksa, 1 sesuai, 1 tidak sesuai.\n")
    assert "1. SESUAI: (letak tidak disebutkan)" in text
    assert (
        "persentase: dinyatakan 95, dihitung ulang 95,25 (95 bila dibulatkan ke 0 desimal" in text
    )
    assert "2. TIDAK DAPAT DIHITUNG ULANG:" in text
    assert "rumus: tidak dapat dihitung ulang: keseluruhan bernilai 0" in text


def test_an_indicator_with_no_data_gets_no_empty_chart() -> None:
    """The Kota Metro poverty indicator has no target or realization: named, not drawn."""
    report = build_report(load(SEED))
    page = render.to_html(report)
    assert 3 == page.count("<figure>")  # two indicators and the achievements
    assert (
        "Tanpa grafik, karena tidak ada target maupun realisasi: Persentase Penduduk Miskin."
        in page
    )
    english = render.to_html(build_report(load(SEED), lang="en"))
    assert (
        "No chart, as there is no target and no realization: Persentase Penduduk Miskin."
        in english
    )


def test_every_indicator_with_data_gets_a_chart() -> None:
    """The invented health office has data for every indicator: no "no chart" line."""
    data = load(ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml")
    page = render.to_html(build_report(data))
    assert len(data.plan.indicators) + 1 == page.count("<figure>")
    assert "Tanpa grafik" not in page


# --- output from data is inert --------------------------------------------------------------


def _renamed(name: str) -> Report:
    """The seed's report with its first indicator renamed."""
    data = load(SEED)
    goal = data.plan.goals[0]
    renamed = attrs.evolve(goal.indicators[0], name=name)
    plan = attrs.evolve(
        data.plan, goals=[attrs.evolve(goal, indicators=[renamed, *goal.indicators[1:]])]
    )
    return build_report(attrs.evolve(data, plan=plan))


def test_markdown_renders_html_and_markdown_from_data_as_text() -> None:
    """An indicator named with HTML, a link, emphasis or code shows those characters only."""
    text = render.to_markdown(_renamed("<img src=x onerror=alert(1)> [a](javascript:x) _b_ `c`"))
    escaped = r"&lt;img src=x onerror=alert(1)&gt; \[a\](javascript:x) \_b\_ \`c\`"
    assert f"| {escaped} |" in text
    assert f"Capaian {escaped} tahun 2024" in text
    assert "<img" not in text
    assert "[a](" not in text


CONTROLS = "A\x1b[2J\x0bB\rC\u202eD\x00"
SHOWN = "A\\x1b[2J\\x0bB\\x0dC\\u202eD\\x00"


def test_text_shows_control_characters_from_data_as_escapes() -> None:
    """ESC, a vertical tab, a stray CR, a bidi override and NUL print as escapes, not act."""
    report = _renamed(CONTROLS)
    text, markdown = render.to_text(report), render.to_markdown(report)
    assert SHOWN in text
    assert "A\\\\x1b\\[2J" in markdown  # escaped, then its backslash and bracket for Markdown
    assert not any(ch in text + markdown for ch in "\x1b\x0b\r\u202e\x00")


def test_audit_text_shows_control_characters_from_data_as_escapes() -> None:
    """A location with an ANSI escape and a bidi override is printed with them escaped."""
    figure = sakip.StatedFigure(
        kind="percentage", stated="95", location=CONTROLS, operands=[13773, 14460]
    )
    text = render.audit_text(audit(load(SEED), [figure]), name=f"data{CONTROLS}.toml")
    assert f"1. SESUAI: {SHOWN}" not in text  # it agrees, so it is listed only with everything
    listed = render.audit_text(audit(load(SEED), [figure]), everything=True, lang="en")
    assert f"1. AGREES: {SHOWN}" in listed
    assert not any(ch in text + listed for ch in "\x1b\x0b\r\u202e\x00")


def test_xlsx_writes_control_characters_from_data_as_escapes() -> None:
    """An ESC or vertical tab in a name, which a workbook cannot hold, is written escaped."""
    book = load_workbook(io.BytesIO(render.to_xlsx(_renamed(CONTROLS))))
    assert SHOWN == book["3.1"]["B5"].value  # row 4 is the goal's


@given(
    st.text(alphabet=" ab\n\t\u00a0%,-é\x1b", max_size=80), st.integers(min_value=1, max_value=20)
)
def test_a_cell_wraps_as_textwrap_wraps_it(text: str, width: int) -> None:
    """The shortcuts (a short cell, single-spaced words) give exactly what textwrap gives."""
    from sakip.present import _layout

    visible = _layout.visible(text)
    expected = textwrap.wrap(visible, width=width, break_long_words=False) or [""]
    assert expected == _layout.wrapped(text, width)


@given(st.lists(st.text(alphabet="abé,.%()", min_size=1, max_size=12), max_size=30))
def test_single_spaced_words_wrap_as_textwrap_wraps_them(words: list[str]) -> None:
    """A sentence of words and single spaces, the common case, wraps as textwrap wraps it."""
    from sakip.present import _layout

    text = " ".join(words)
    for width in (1, 5, 12, 40, 78):
        expected = textwrap.wrap(text, width=width, break_long_words=False) or [""]
        assert expected == _layout.wrapped(text, width)


def test_every_format_is_a_registered_renderer() -> None:
    """The registry the command's --format reads: each renderer describes itself."""
    from sakip.present import FORMATS

    assert ["docx", "html", "json", "markdown", "text", "xlsx"] == FORMATS.names()
    assert (
        "xlsx: an XLSX workbook, one sheet per table (sakip[excel]); bytes, written to a file"
        == (FORMATS["xlsx"].describe())
    )
    assert FORMATS["text"].describe().startswith("text: plain text")


def test_the_audit_and_the_lke_have_a_registry_of_formats_each() -> None:
    """Each document kind's formats are registered; the LKE's are the ones it renders."""
    from sakip.lke.report import FORMATS as LKE_RENDERED
    from sakip.present import AUDIT_FORMATS, LKE_FORMATS

    assert ["docx", "html", "json", "text", "xlsx"] == AUDIT_FORMATS.names()
    assert [f.name for f in AUDIT_FORMATS if f.binary] == ["docx", "xlsx"]
    assert set(LKE_RENDERED) == set(LKE_FORMATS.names())
    assert [f.name for f in LKE_FORMATS if f.binary] == ["docx", "xlsx"]
    assert "docx: a DOCX document (sakip[docx]); bytes, written to a file" == (
        LKE_FORMATS["docx"].describe()
    )
    assert AUDIT_FORMATS["json"].describe().startswith("json: JSON")


def test_an_audit_format_of_ones_own_is_a_choice_of_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sakip audit --format`` reads its choices from the registry."""
    from sakip.cli import main
    from sakip.present import AUDIT_FORMATS, DocumentRenderer

    def count(audit: Audit, *, name: str | None, everything: bool, lang: str) -> str:
        return f"{name}: {len(audit.findings)}\n"

    own = DocumentRenderer("count", "the number of findings", count)
    monkeypatch.setitem(AUDIT_FORMATS._rules, "count", own)
    assert 1 == main(["audit", str(SEED), "--format", "count"])
    assert re.fullmatch(r"\S+: \d+\n", capsys.readouterr().out)
