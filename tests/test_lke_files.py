"""LKE worksheet files, the report in every format, and `sakip lke`."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

import sakip
from sakip import lke
from sakip.cli import main
from sakip.io import DataFileError

CAT = lke.CATALOGUES["permenpanrb-88-2021"]
BEST = {c.code: c.scale.best for c in CAT.criteria}


def _filled(**changes: str) -> lke.Worksheet:
    """A full worksheet: the unit answers its best, the evaluator differs where told."""
    entries = [
        lke.Entry(
            code=code,
            self_answer=answer,
            evaluator_answer=changes.get(code),
            evidence="Renstra 2021-2026" if code == "1.a.3" else None,
            note="=cek" if code == "1.a.3" else None,
        )
        for code, answer in BEST.items()
    ]
    return lke.Worksheet(catalogue=CAT, entries=entries, unit="Dinas Sosial", year=2024)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


# --- worksheet files --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".toml", ".json"])
def test_a_worksheet_reads_back_as_written(tmp_path: Path, suffix: str) -> None:
    """write_worksheet then read_worksheet gives the same worksheet, in each format."""
    sheet = _filled(**{"1.a.1": "T", "2.b.1": "C"})
    path = tmp_path / f"lke{suffix}"
    lke.write_worksheet(sheet, path)
    back = lke.read_worksheet(path)
    assert sheet.self_answers == back.self_answers
    assert {"1.a.1": "T", "2.b.1": "C"} == back.evaluator_answers
    assert ("Dinas Sosial", 2024) == (back.unit, back.year)
    row = next(e for e in back.entries if e.code == "1.a.3")
    assert "Renstra 2021-2026" == row.evidence
    assert ("'=cek" if suffix == ".xlsx" else "=cek") == row.note


@pytest.mark.parametrize("format", ["xlsx", "toml", "json"])
def test_an_empty_template_has_every_criterion(tmp_path: Path, format: str) -> None:
    """The template lists all 80 criteria with no answer, whatever the file's suffix."""
    path = tmp_path / "templat.bin"
    lke.write_template(path, format=format)
    sheet = lke.read_worksheet(path, format=format)
    assert [c.code for c in CAT.criteria] == [e.code for e in sheet.entries]
    assert {} == sheet.self_answers == sheet.evaluator_answers
    assert (None, None) == (sheet.unit, sheet.year)


def test_the_xlsx_template_has_the_evaluators_layout(tmp_path: Path) -> None:
    """Component, sub-component and criterion rows under one header of eight columns."""
    path = tmp_path / "lke.xlsx"
    lke.write_template(path)
    rows = list(openpyxl.load_workbook(path)["LKE"].iter_rows(values_only=True))
    assert lke.COLUMNS == rows[4]
    assert ("1", "Perencanaan Kinerja", "30") == rows[5][:3]
    assert ("1.a", CAT.subcomponent("1.a").name, "6") == rows[6][:3]
    assert ("1.a.1", CAT.criterion("1.a.1").text, None, "Y/T") == rows[7][:4]
    assert 5 + 4 + 12 + 80 == len(rows)


def test_a_share_is_an_answer_in_a_file(tmp_path: Path) -> None:
    """An XLSX cell holding 80 answers an A–E criterion with B."""
    path = tmp_path / "lke.xlsx"
    lke.write_template(path)
    book = openpyxl.load_workbook(path)
    book["LKE"]["E20"] = 80  # 1.b.5, SMART
    book["LKE"]["E8"] = "ya"
    book.save(path)
    sheet = lke.read_worksheet(path)
    assert {"1.a.1": "Y", "1.b.5": "B"} == sheet.self_answers


def test_every_bad_answer_is_reported_with_its_row(tmp_path: Path) -> None:
    """XLSX: sheet, row and column of each bad answer, all in one DataFileError."""
    path = tmp_path / "lke.xlsx"
    lke.write_template(path)
    book = openpyxl.load_workbook(path)
    book["LKE"]["E8"] = "mungkin"
    book["LKE"]["F9"] = "B"
    book["LKE"]["A200"] = "9.z.9"
    book["LKE"]["E10"] = True
    book["LKE"]["F10"] = datetime.date(2024, 1, 1)
    book["LKE"]["B4"] = "tahun ini"
    book.save(path)
    with pytest.raises(DataFileError) as info:
        lke.read_worksheet(path)
    lines = str(info.value).splitlines()
    assert f"cannot read {path}: 6 problems" == lines[0]
    assert (
        f"{path}[LKE]:8:Jawaban mandiri: 'mungkin' is not an answer to 1.a.1; expected Y/T"
        == lines[1]
    )
    assert (
        f"{path}[LKE]:9:Jawaban evaluator: 'B' is not an answer to 1.a.2; expected Y/T" == lines[2]
    )
    assert (
        f"{path}[LKE]:10:Jawaban mandiri: True is not an answer to 1.a.3; expected Y/T" == lines[3]
    )
    assert lines[4].startswith(f"{path}[LKE]:10:Jawaban evaluator: datetime.datetime(2024, 1, 1")
    assert f"{path}[LKE]:200:Kode: unknown criterion '9.z.9'" == lines[5]
    assert f"{path}[LKE]:4:B: 'tahun ini' is not a year" == lines[6]
    assert 80 == len(info.value.rows)  # every criterion's row, the bad cells left blank


def test_bad_answers_in_toml_and_json_name_their_table(tmp_path: Path) -> None:
    """TOML/JSON: the criterion's table and field, and a share scale's expected answers."""
    data = json.loads(lke.dumps_worksheet(lke.Worksheet.empty(CAT), "json"))
    data["criteria"][7]["self"] = "F"
    data["criteria"][0] = "Y"
    data["criteria"][1]["code"] = "1.z.1"
    data["year"] = "2024"
    path = tmp_path / "lke.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        lke.read_worksheet(path)
    assert [
        f"{path}:criteria[0]: each criterion's row must be a table",
        f"{path}:criteria[1]:code: unknown criterion '1.z.1'",
        (
            f"{path}:criteria[7]:self: 'F' is not an answer to 1.b.1; "
            "expected A/B/C/D/E or a share from 0 to 100"
        ),
    ] == str(info.value).splitlines()[1:]


def test_a_worksheet_file_must_be_one(tmp_path: Path) -> None:
    """Wrong suffix, unknown format, bad syntax, a list, an unknown catalogue, bad criteria."""
    cases = {
        "a.txt": ("x", "cannot tell the format from '.txt'"),
        "b.toml": ("catalogue = ", "not a TOML file"),
        "c.json": ("[1]", "holds a table at its top"),
        "d.json": ('{"catalogue": "lke-kota"}', "unknown catalogue 'lke-kota'; known: "),
        "e.json": ('{"catalogue": "permenpanrb-88-2021", "criteria": 1}', "must be a list"),
        "f.xlsx": ("not a zip", "not an XLSX workbook"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            lke.read_worksheet(path)
        assert message in str(info.value), name
    with pytest.raises(DataFileError) as info:
        lke.read_worksheet(tmp_path / "a.txt", format="csv")
    assert "unknown worksheet format 'csv'" in str(info.value)
    book = openpyxl.Workbook()
    book.active.title = "Lain"
    book.save(tmp_path / "g.xlsx")
    with pytest.raises(DataFileError) as info:
        lke.read_worksheet(tmp_path / "g.xlsx")
    assert "no worksheet named 'LKE'" in str(info.value)


def test_a_toml_worksheet_reads_blank_answers_as_unanswered(tmp_path: Path) -> None:
    """Empty strings are blanks; a share written in TOML as a number is read exactly."""
    path = tmp_path / "lke.toml"
    path.write_text(
        'catalogue = "permenpanrb-88-2021"\nyear = 2024\n'
        '[[criteria]]\ncode = "1.b.5"\nself = 62.5\nevaluator = ""\n'
        '[[criteria]]\ncode = "1.a.1"\nself = "  "\n',
        encoding="utf-8",
    )
    sheet = lke.read_worksheet(path)
    assert {"1.b.5": "C"} == sheet.self_answers
    assert 2024 == sheet.year
    assert sheet.entries[0].self_answer == "C"


def test_decimal_shares_are_written_as_text() -> None:
    """A share answer given as a Decimal is written exactly."""
    sheet = lke.Worksheet(catalogue=CAT, entries=[lke.Entry(code="1.b.5", self_answer=D("80.5"))])
    assert '"self": "80.5"' in lke.dumps_worksheet(sheet, "json").decode()
    book = openpyxl.load_workbook(io.BytesIO(lke.dumps_worksheet(sheet, "xlsx")))
    assert "80.5" == book["LKE"]["E20"].value


# --- the report -------------------------------------------------------------------------------


def test_evaluate_scores_checks_and_compares() -> None:
    """evaluate(): final score, violations of the final answers, rater differences."""
    result = lke.evaluate(_filled(**{"4.a.1": "T", "4.a.2": "T"}))
    assert D("96.67") == result.final.score
    assert "AA" == result.final.predicate.label  # type: ignore[union-attr]
    assert ["4.c.1"] == [v.criterion for v in result.violations]
    assert ["4.a.1", "4.a.2"] == [d.criterion.code for d in result.raters.differences]


def test_the_text_report_shows_scores_checks_and_differences() -> None:
    """Scores by component and sub-component, predicate, violations and differences."""
    text = lke.render(lke.evaluate(_filled(**{"1.a.4": "T"})), "text")
    assert "Lembar Kerja Evaluasi: Lembar Kerja Evaluasi Akuntabilitas Kinerja" in text
    assert "  1.a   Keberadaan                               6      6,00     5,14" in text
    assert "Predikat: AA" in text
    assert "  tanpa-perencanaan-jangka-pendek  1.b.7     1,00            0,00" in text
    assert "  1.a.4     Y        T          -0,86" in text
    assert text.endswith("\n")


def test_an_empty_section_says_so_in_both_languages() -> None:
    """No violation and no difference: 'Tidak ada.' / 'None.'."""
    result = lke.evaluate(_filled())
    assert "Pelanggaran kerangka logis\n  Tidak ada." in lke.render(result, "text")
    assert "## Logic-check violations\n\nNone." in lke.render(result, "markdown", lang="en")
    assert "<p>Tidak ada.</p>" in lke.render(result, "html")


def test_markdown_and_html_reports() -> None:
    """Markdown pipe tables and an escaped HTML page, in English."""
    result = lke.evaluate(_filled(**{"1.a.4": "T"}))
    markdown = lke.render(result, "markdown", lang="en")
    assert "| 1.a | Keberadaan | 6 | 6.00 | 5.14 |" in markdown
    assert "| Criterion | Self | Evaluator | Effect on the score |" in markdown
    page = lke.render(result, "html", lang="en")
    assert page.startswith("<!DOCTYPE html>")  # type: ignore[union-attr]
    assert "<td>1.a.4</td><td>Y</td><td>T</td><td>-0.86</td>" in page


def test_the_json_report_holds_exact_figures() -> None:
    """JSON: exact decimals as strings, the predicate, violations and differences."""
    data = json.loads(lke.render(lke.evaluate(_filled(**{"1.a.4": "T"})), "json"))
    assert ("permenpanrb-88-2021", "99.14", "AA") == (
        data["catalogue"],
        data["score"],
        data["predicate"],
    )
    assert "6" == data["components"][0]["subcomponents"][0]["weight"]
    assert {"criterion": "1.a.4", "self": "Y", "evaluator": "T"} == {
        k: data["differences"][0][k] for k in ("criterion", "self", "evaluator")
    }
    assert "1.b.7" == data["violations"][0]["criterion"]


def test_a_partial_report_has_no_predicate() -> None:
    """A partial evaluation shows what is missing and no predicate."""
    sheet = lke.Worksheet(catalogue=CAT, entries=[lke.Entry(code="1.a.1", self_answer="Y")])
    result = lke.evaluate(sheet, partial=True)
    text = lke.render(result, "text")
    assert "Predikat" not in text
    assert None is json.loads(lke.render(result, "json"))["predicate"]


def test_xlsx_and_docx_reports(tmp_path: Path) -> None:
    """The report as a workbook and as a Word document."""
    result = lke.evaluate(_filled(**{"1.a.4": "T"}))
    lke.write_report(result, tmp_path / "hasil.xlsx", "xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "hasil.xlsx")["LKE"].iter_rows(values_only=True))
    assert ("1.a", "Keberadaan", "6", "6,00", "5,14") == rows[7][:5]
    lke.write_report(result, tmp_path / "hasil.docx", "docx", lang="en")
    import docx

    document = docx.Document(str(tmp_path / "hasil.docx"))
    assert "Evaluation worksheet: " in document.paragraphs[0].text
    assert "1.a.4" == document.tables[2].rows[1].cells[0].text
    empty = lke.evaluate(_filled())
    lke.write_report(empty, tmp_path / "kosong.docx", "docx")
    assert "Tidak ada." in [
        p.text for p in docx.Document(str(tmp_path / "kosong.docx")).paragraphs
    ]
    lke.write_report(empty, tmp_path / "hasil.md", "markdown")
    assert (tmp_path / "hasil.md").read_text(encoding="utf-8").startswith("# Lembar Kerja")


def test_an_unknown_report_format_lists_the_known() -> None:
    """render() refuses a format it does not write."""
    with pytest.raises(sakip.UnknownRuleError, match="docx"):
        lke.render(lke.evaluate(_filled()), "pdf")


# --- the command ------------------------------------------------------------------------------


def test_the_command_writes_a_template_and_scores_it(tmp_path: Path) -> None:
    """`sakip lke --template xlsx --output FILE`, then `sakip lke FILE`."""
    path = tmp_path / "lke.xlsx"
    assert (0, "", f"ditulis: {path}\n") == _run(
        "lke", "--template", "xlsx", "--output", str(path)
    )
    status, out, err = _run("lke", str(path))
    assert 2 == status
    assert f"{path}: 80 kriteria belum dijawab (1.a.1, " in err
    assert err.endswith("…); atau pakai --partial\n")
    status, out, err = _run("lke", str(path), "--lang", "en")
    assert f"{path}: 80 unanswered criteria (1.a.1, " in err
    assert err.endswith("…); or use --partial\n")
    status, out, _ = _run("lke", str(path), "--partial", "--lang", "en")
    assert 0 == status
    assert out.startswith("Evaluation worksheet: ")


def test_the_command_prints_every_format(tmp_path: Path) -> None:
    """Text, Markdown, HTML and JSON to the screen; XLSX and DOCX to a file only."""
    path = tmp_path / "lke.json"
    lke.write_worksheet(_filled(**{"1.a.4": "T"}), path)
    assert "Predikat: AA" in _run("lke", str(path))[1]
    assert json.loads(_run("lke", str(path), "--format", "json")[1])["score"] == "99.14"
    assert (
        "criterion-2"
        == json.loads(_run("lke", str(path), "--format", "json", "--rounding", "criterion-2")[1])[
            "rounding"
        ]
    )
    assert (2, "", "sakip lke: --format docx perlu --output PATH\n") == _run(
        "lke", str(path), "--format", "docx"
    )
    assert (2, "", "sakip lke: --format docx needs --output PATH\n") == _run(
        "lke", str(path), "--format", "docx", "--lang", "en"
    )
    assert _run("lke", str(path)) == _run("lke", str(path), "--output", "-")
    assert 2 == _run("lke", str(path), "--form", "json")[0]  # options never abbreviate
    out_path = tmp_path / "hasil.docx"
    assert (0, "", f"wrote {out_path}\n") == _run(
        "lke", str(path), "--format", "docx", "--output", str(out_path), "--lang", "en"
    )
    assert out_path.stat().st_size > 0


def test_the_command_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    """Neither or both of FILE and --template; a template without --output; bad files."""
    message = "sakip lke: berikan FILE untuk dinilai, atau --template FORMAT (bukan keduanya)\n"
    assert (2, "", message) == _run("lke")
    english = "sakip lke: give a FILE to score, or --template FORMAT (not both)\n"
    assert (2, "", english) == _run("lke", "x.toml", "--template", "toml", "--lang", "en")
    assert (2, "", "sakip lke: --template perlu --output PATH\n") == _run(
        "lke", "--template", "toml"
    )
    missing = tmp_path / "tidak-ada.toml"
    status, _, err = _run("lke", str(missing))
    assert (2, f"{missing}: No such file or directory\n") == (status, err)
    bad = tmp_path / "rusak.toml"
    bad.write_text('catalogue = "lke-kota"\n', encoding="utf-8")
    status, _, err = _run("lke", str(bad))
    assert 2 == status
    assert err.startswith(f"{bad}: cannot read {bad}: 1 problem\n")


def test_the_command_names_a_missing_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without python-docx, DOCX output names the extra that installs it."""
    path = tmp_path / "lke.json"
    lke.write_worksheet(_filled(), path)

    def missing(module: str, purpose: str) -> object:
        raise sakip.MissingDependencyError(module, "docx", purpose)

    monkeypatch.setattr("sakip.lke.report.require", missing)
    status, _, err = _run(
        "lke", str(path), "--format", "docx", "--output", str(tmp_path / "x.docx")
    )
    assert 2 == status
    assert (
        'sakip lke: modul docx belum terpasang; pasang dengan pip install "sakip[docx]"\n' == err
    )
    status, _, err = _run(
        "lke", str(path), "--format", "docx", "--output", str(tmp_path / "x.docx"), "--lang", "en"
    )
    assert err.startswith("sakip lke: module docx is not installed; install it with pip")


def test_the_commands_help_speaks_its_language() -> None:
    """``sakip lke --help`` is Indonesian by default, English with ``--lang en``."""
    status, out, _ = _run("lke", "--help")
    assert 0 == status
    assert "lembar kerja yang sudah diisi" in out
    assert "status keluar: 0 selesai" in out
    assert "\\" not in out
    _, out, _ = _run("lke", "--help", "--lang", "en")
    assert "a filled-in worksheet" in out
    assert "exit status: 0 done" in out
