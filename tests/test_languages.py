"""One language per output, in every format and on both examples.

`sakip report` and `sakip audit --all` in English hold no Indonesian program words, and in
Indonesian no English ones.

The data's own words (names, locations, quoted statements) are in the data's language whatever
the output's, so every string of the data file is taken out of the output before the words are
counted; so are the regulations' own names that sakip cites as they are written.
"""

from __future__ import annotations

import html
import io
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from sakip.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))

# Words a program writes in one language that the other never uses (the regulation's terms the
# English output keeps in quotes, "kondisi normal" say, are taken out with the cited names).
INDONESIAN = frozenset(
    [
        "tahun",
        "realisasi",
        "capaian",
        "kategori",
        "tidak",
        "dapat",
        "dihitung",
        "dengan",
        "sebesar",
        "terhadap",
        "tabel",
        "rumus",
        "sumber",
        "lampiran",
        "membaik",
        "memburuk",
        "tetap",
        "tercapai",
        "sesuai",
        "anggaran",
        "pagu",
        "serapan",
        "kemajuan",
        "selisih",
        "proyeksi",
        "standar",
        "keterangan",
        "efisien",
        "polaritas",
        "perbandingan",
        "menurut",
        "dari",
        "untuk",
        "sehingga",
        "belum",
        "telah",
        "masih",
        "yang",
        "bila",
        "grafik",
        "dinyatakan",
        "terbukti",
        "letak",
        "perubahan",
        "pertumbuhan",
        "rumus",
    ]
)
ENGLISH = frozenset(
    [
        "the",
        "year",
        "realization",
        "achievement",
        "rating",
        "cannot",
        "computed",
        "with",
        "against",
        "table",
        "rule",
        "source",
        "appendix",
        "improved",
        "worsened",
        "unchanged",
        "met",
        "budget",
        "ceiling",
        "absorption",
        "progress",
        "gap",
        "projection",
        "standard",
        "remark",
        "efficient",
        "polarity",
        "compared",
        "from",
        "for",
        "so",
        "not",
        "yet",
        "already",
        "which",
        "when",
        "chart",
        "stated",
        "holds",
        "location",
        "change",
        "growth",
        "of",
        "is",
        "and",
    ]
)
# Names sakip cites as the regulations write them, in either language's output.
CITED = (
    '"kondisi normal"',
    '"kondisi khusus"',
    "Skala Nilai Peringkat Kinerja",
    "kategori nilai hasil evaluasi",
)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _data_strings(example: Path) -> list[str]:
    """Every string of the data file, longest first, so a name goes before a word in it."""
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    return sorted({_flat(s) for s in _strings(data) if s.strip()}, key=len, reverse=True)


def _program_words(text: str, example: Path) -> set[str]:
    """The words of ``text`` once the data's strings and the cited names are taken out."""
    text = _flat(text)
    for known in [*_data_strings(example), *CITED]:
        text = text.replace(known, " ")
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


def _run(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(args), out=out, err=err) in (0, 1), err.getvalue()
    return out.getvalue()


def _report(example: Path, lang: str, format: str, tmp_path: Path) -> str:
    if format == "xlsx":
        path = tmp_path / "bab-iii.xlsx"
        _run("report", str(example), "--lang", lang, "--format", "xlsx", "--output", str(path))
        book = load_workbook(path, read_only=True)
        cells = [c for s in book.worksheets for row in s.iter_rows(values_only=True) for c in row]
        return "\n".join(cell for cell in cells if isinstance(cell, str))
    if format == "docx":
        path = tmp_path / "bab-iii.docx"
        _run("report", str(example), "--lang", lang, "--format", "docx", "--output", str(path))
        document = docx.Document(str(path))
        rows = [row for table in document.tables for row in table.rows]
        cells = [cell.text for row in rows for cell in row.cells]
        return "\n".join([*(p.text for p in document.paragraphs), *cells])
    text = _run("report", str(example), "--lang", lang, "--format", format)
    if format == "html":
        text = html.unescape(
            re.sub(r"<svg.*?</svg>|<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
        )
    if format == "json":
        text = "\n".join(_words_of_json(json.loads(text)))
    return text


def _words_of_json(data: object) -> Iterator[str]:
    """The values a person reads: every string but the keys and the codes beside them."""
    codes = {"format", "lang", "scale", "key", "kind", "number", "value", "verdict", "claim"}
    if isinstance(data, dict):
        for key, item in data.items():
            if key not in codes:
                yield from _words_of_json(item)
    elif isinstance(data, list):
        for item in data:
            yield from _words_of_json(item)
    elif isinstance(data, str):
        yield data


def _data_words(example: Path) -> set[str]:
    return {w.casefold() for s in _data_strings(example) for w in re.findall(r"[^\W\d_]+", s)}


def _leaks(text: str, example: Path, lang: str, *, wrapped: bool = False) -> set[str]:
    """The other language's program words in ``text``.

    A ``wrapped`` text (the text format, whose table cells wrap a long name over lines) cannot
    have the data's names taken out whole, so their words are left out of the count.
    """
    other = ENGLISH if lang == "id" else INDONESIAN
    found = _program_words(text, example) & other
    return found - _data_words(example) if wrapped else found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("format", ["text", "markdown", "html", "json", "xlsx", "docx"])
def test_a_report_speaks_one_language(
    example: Path, lang: str, format: str, tmp_path: Path
) -> None:
    """Every word of the report that is not the data's is in the language asked for."""
    text = _report(example, lang, format, tmp_path)
    assert set() == _leaks(text, example, lang, wrapped=format == "text")
    own = INDONESIAN if lang == "id" else ENGLISH
    assert len(_program_words(text, example) & own) > 10  # the check sees the report's words


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("format", ["text", "json"])
def test_an_audit_speaks_one_language(example: Path, lang: str, format: str) -> None:
    """Every word of `sakip audit --all` that is not the data's is in the language asked for."""
    text = _run("audit", str(example), "--all", "--lang", lang, "--format", format)
    if format == "json":
        text = "\n".join(_words_of_json(json.loads(text)))
    assert set() == _leaks(text, example, lang)
    own = INDONESIAN if lang == "id" else ENGLISH
    # the check sees the audit's words (a JSON of three figures has few of them)
    assert len(_program_words(text, example) & own) > 3
