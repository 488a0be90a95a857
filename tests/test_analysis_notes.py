"""The author's analysis under each indicator of table 3.1, in every format and language."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from openpyxl import load_workbook

import sakip
from sakip.extra.docx import to_docx
from sakip.extra.xlsx_writer import to_xlsx
from sakip.io import load
from sakip.present.html import to_html
from sakip.present.json import report_data, to_json
from sakip.present.markdown import to_markdown
from sakip.present.text import to_text
from sakip.report import AnalysisNote, Report, Table, build_report

ROOT = Path(__file__).resolve().parent.parent
CASCADE = ROOT / "tests" / "data" / "cascade.toml"
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
NAME = "Persentase PPKS yang tertangani"


@pytest.fixture(scope="module")
def data() -> sakip.Dataset:
    return load(CASCADE)


@pytest.fixture(scope="module")
def report(data: sakip.Dataset) -> Report:
    return build_report(data)


@pytest.fixture(scope="module")
def english(data: sakip.Dataset) -> Report:
    return build_report(data, lang="en")


def table_a(report: Report) -> Table:
    return report.table("target-realization")


def test_the_analysis_follows_its_indicators_sentence(report: Report) -> None:
    """The note comes right after the indicator's sentence, before the next group's."""
    said = list(table_a(report).said())
    (note,) = [item for item in said if isinstance(item, AnalysisNote)]
    before = said[said.index(note) - 1]
    assert isinstance(before, str)
    assert before.startswith(f"Capaian {NAME} tahun 2024")
    assert "IKU-1" == note.indicator
    assert f"Analisis capaian {NAME} (2024)" == note.heading
    assert table_a(report).sentences == tuple(s for s in said if isinstance(s, str))


def test_the_labels_of_an_lkjip_and_the_texts_as_written(report: Report, english: Report) -> None:
    """Supporting, obstacles, measures, follow-up, programs by code and name; texts untouched."""
    (note,) = table_a(report).analyses
    assert [
        ("Faktor pendukung", "Data PPKS diperbarui tiap triwulan."),
        ("Faktor penghambat", "Jumlah pendamping terbatas.\nSebagian PPKS berpindah alamat."),
        ("Upaya yang dilakukan", "Penjangkauan bersama kelurahan."),
        ("Rencana tindak lanjut", "Menambah pendamping pada 2025."),
        (
            "Program/kegiatan pendukung",
            "1.06 Program perlindungan dan jaminan sosial; 1.06.01 Kegiatan rehabilitasi sosial",
        ),
    ] == list(note.lines)
    (en,) = table_a(english).analyses
    assert f"Analysis of {NAME} (2024)" == en.heading
    assert [
        "Supporting factors",
        "Obstacles",
        "Measures taken",
        "Follow-up",
        "Supporting programs/activities",
    ] == [label for label, _ in en.lines]
    assert [text for _, text in note.lines] == [text for _, text in en.lines]


def test_the_years_analysis_then_the_quarters(data: sakip.Dataset) -> None:
    """A quarter's analysis follows the year's; an empty text and no programs print no line."""
    quarter = sakip.AuthorAnalysis(
        indicator="IKU-1", year=2024, quarter=2, measures="TW", obstacles=""
    )
    cascade = sakip.AuthorAnalysis(indicator="OP-1", year=2024, supporting="sub")
    other = attrs.evolve(data, analyses=[quarter, cascade, data.analyses[0]])
    notes = table_a(build_report(other)).analyses
    assert [f"Analisis capaian {NAME} (2024)", f"Analisis capaian {NAME} (TW II 2024)"] == [
        note.heading for note in notes
    ]
    assert (("Upaya yang dilakukan", "TW"),) == notes[1].lines
    # the cascade's indicator is not in table 3.1: its analysis stays in table 3.7 only
    assert {"IKU-1"} == {note.indicator for note in notes}
    listed = {row[1].format() for row in build_report(other).table("analysis").rows}
    assert {NAME, other.indicator("OP-1").name} == listed


def test_data_without_analyses_says_only_its_sentences() -> None:
    """No analysis: said() is the sentences, and JSON has no analyses key."""
    seed = build_report(load(SEED))
    for table in seed.tables:
        assert list(table.sentences) == list(table.said())
        assert () == table.analyses
    assert all("analyses" not in table for table in report_data(seed)["tables"])


def test_a_note_after_no_sentence_is_refused(report: Report) -> None:
    """An analysis must follow one of the table's sentences."""
    table = table_a(report)
    with pytest.raises(sakip.InvalidValueError, match="analysis"):
        attrs.evolve(table, analyses=(attrs.evolve(table.analyses[0], after=99),))


# --- every format ---------------------------------------------------------------------------


def _between(text: str, first: str, last: str) -> str:
    start = text.index(first)
    return text[start : text.index(last, start)]


def test_text(report: Report, english: Report) -> None:
    """Heading, each label and its text, the author's second line indented."""
    printed = to_text(report)
    block = _between(printed, f"Analisis capaian {NAME}", "Capaian sasaran Sasaran dua")
    assert "Faktor penghambat: Jumlah pendamping terbatas.\n  Sebagian PPKS berpindah alamat." in (
        block
    )
    assert "Upaya yang dilakukan: Penjangkauan bersama kelurahan." in block
    assert printed.index(f"Capaian {NAME} tahun 2024") < printed.index("Analisis capaian")
    assert "Follow-up: Menambah pendamping pada 2025." in to_text(english)


def test_markdown(report: Report, english: Report) -> None:
    """A bold heading, italic labels, the author's line break kept."""
    printed = to_markdown(report)
    assert f"**Analisis capaian {NAME} (2024)**  \n*Faktor pendukung:* Data" in printed
    assert "Jumlah pendamping terbatas.  \nSebagian PPKS berpindah alamat." in printed
    assert "*Supporting programs/activities:* 1.06 Program" in to_markdown(english)


def test_html(report: Report, english: Report) -> None:
    """A div of labelled paragraphs, the line break a <br>, the texts escaped."""
    page = to_html(report, charts=False)
    block = _between(page, '<div class="analysis">', "</div>")
    assert "<p><b>Faktor penghambat:</b> Jumlah pendamping terbatas.<br>Sebagian" in block
    assert "<b>Obstacles:</b>" in to_html(english, charts=False)


def test_json(report: Report, english: Report) -> None:
    """Table 3.1 carries its analyses: after which sentence, heading, labelled texts."""
    (table,) = [t for t in json.loads(to_json(report))["tables"] if t["number"] == "3.1"]
    (note,) = table["analyses"]
    assert table["sentences"][note["after"]].startswith(f"Capaian {NAME}")
    assert {
        "label": "Faktor penghambat",
        "text": "Jumlah pendamping terbatas.\nSebagian PPKS berpindah alamat.",
    } == note["lines"][1]
    en = next(t for t in report_data(english)["tables"] if t["number"] == "3.1")
    assert "Measures taken" == en["analyses"][0]["lines"][2]["label"]


def _sheet_lines(report: Report) -> list[Any]:
    book = load_workbook(io.BytesIO(to_xlsx(report)))
    sheet = book.worksheets[0]
    return [row[0].value for row in sheet.iter_rows() if row[0].value is not None]


def test_xlsx(report: Report, english: Report) -> None:
    """Under table 3.1's sentence, a bold heading and a line per line of the author."""
    lines = _sheet_lines(report)
    at = lines.index(f"Analisis capaian {NAME} (2024)")
    assert str(lines[at - 1]).startswith(f"Capaian {NAME}")
    assert [
        "Faktor pendukung: Data PPKS diperbarui tiap triwulan.",
        "Faktor penghambat: Jumlah pendamping terbatas.",
        "Sebagian PPKS berpindah alamat.",
    ] == lines[at + 1 : at + 4]
    assert "Follow-up: Menambah pendamping pada 2025." in _sheet_lines(english)


def test_docx(report: Report, english: Report) -> None:
    """Bold heading and labels, the author's line break a break in the paragraph."""
    document = docx.Document(io.BytesIO(to_docx(report, charts=False)))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == f"Analisis capaian {NAME} (2024)")
    assert paragraphs[at].runs[0].bold
    assert paragraphs[at - 1].text.startswith(f"Capaian {NAME}")
    obstacles = paragraphs[at + 2]
    assert "Faktor penghambat: Jumlah pendamping terbatas.\nSebagian PPKS berpindah alamat." == (
        obstacles.text
    )
    assert obstacles.runs[0].bold
    assert not obstacles.runs[1].bold
    english_document = docx.Document(io.BytesIO(to_docx(english, charts=False)))
    assert any(p.text.startswith("Supporting factors: ") for p in english_document.paragraphs)
