"""The `sakip` command: report, audit and rules, their formats, errors and exit codes."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook

import sakip
from sakip.cli import EXIT_BAD_FILE, EXIT_DISAGREES, EXIT_INTERNAL, EXIT_OK, main
from sakip.io import save

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
SCRIPT = Path(sys.executable).parent / "sakip"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "rusak.toml"
    path.write_text(
        'format = "sakip-dataset"\nversion = 1\n[agency]\nname = ""\n', encoding="utf-8"
    )
    return path


# --- report ---------------------------------------------------------------------------------


def test_report_prints_the_seed_tables() -> None:
    """The main job: the seed's chapter III with its key figures, exit status 0."""
    code, out, err = run("report", str(SEED))
    assert EXIT_OK == code
    assert "" == err
    for figure in ("95,25 %", "100,42 %  Sangat Tinggi", "72,54 %", "85,35 %"):
        assert figure in out


def test_report_in_english_for_another_year() -> None:
    """--lang en and --year choose the language and the year."""
    code, out, _ = run("report", str(SEED), "--lang", "en", "--year", "2023")
    assert EXIT_OK == code
    assert "Table 3.1 Target and realization in 2023" in out


def test_report_as_json_to_standard_output() -> None:
    """--format json prints JSON that parses."""
    code, out, _ = run("report", str(SEED), "--format", "json")
    assert EXIT_OK == code
    assert "sakip-report" == json.loads(out)["format"]


@pytest.mark.parametrize("name", ["text", "markdown", "html", "json", "xlsx"])
def test_report_writes_every_format(tmp_path: Path, name: str) -> None:
    """--output writes the file and says so on standard error."""
    target = tmp_path / f"bab-iii.{name}"
    code, out, err = run("report", str(SEED), "--format", name, "--output", str(target))
    assert EXIT_OK == code
    assert "" == out
    assert f"ditulis: {target}\n" == err
    _, _, err = run("report", str(SEED), "--format", name, "--output", str(target), "--lang", "en")
    assert f"wrote {target}\n" == err
    assert target.stat().st_size > 0
    if name == "xlsx":
        assert "3.1" in load_workbook(target).sheetnames


def test_xlsx_needs_an_output_file() -> None:
    """A workbook is not printed to a terminal."""
    code, _, err = run("report", str(SEED), "--format", "xlsx")
    assert EXIT_BAD_FILE == code
    assert "sakip report: --format xlsx perlu --output PATH (sebuah berkas)\n" == err
    _, _, err = run("report", str(SEED), "--format", "xlsx", "--lang", "en")
    assert "sakip report: --format xlsx needs --output PATH (a file)\n" == err


def test_report_cannot_write_into_a_missing_folder(tmp_path: Path) -> None:
    """A path that cannot be written is a clear error, exit status 2."""
    target = tmp_path / "no" / "such" / "bab-iii.md"
    code, _, err = run("report", str(SEED), "--output", str(target))
    assert EXIT_BAD_FILE == code
    assert str(target) in err


def test_report_of_data_without_a_year(tmp_path: Path, seed_dataset: sakip.Dataset) -> None:
    """Data with no realization and no --year gives one line and exit status 2."""
    path = tmp_path / "kosong.toml"
    save(attrs.evolve(seed_dataset, realizations=[]), path)
    code, out, err = run("report", str(path))
    assert EXIT_BAD_FILE == code
    assert "" == out
    assert err.startswith(f"{path}: 'year' must be a year")


# --- bad files ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "audit"])
def test_a_bad_file_lists_every_problem(bad_file: Path, command: str) -> None:
    """Every problem on its own line, in Indonesian by default, exit status 2."""
    code, out, err = run(command, str(bad_file))
    assert EXIT_BAD_FILE == code
    assert "" == out
    assert [
        f"{bad_file}: 2 masalah",
        f"{bad_file}: instansi: nilai '' harus berupa teks yang tidak kosong",
        f"{bad_file}: kunci `plan` wajib diisi",
    ] == err.splitlines()
    assert "Traceback" not in err


def test_a_bad_file_speaks_the_commands_language(bad_file: Path) -> None:
    """``--lang en``: the same problems in English, placed by item, not by list index."""
    code, _, err = run("report", str(bad_file), "--lang", "en")
    assert EXIT_BAD_FILE == code
    assert [
        f"{bad_file}: 2 problems",
        f"{bad_file}: agency: the value '' must be a non-empty text",
        f"{bad_file}: the key `plan` is required",
    ] == err.splitlines()


def test_a_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is named, exit status 2."""
    missing = tmp_path / "tidak-ada.toml"
    code, _, err = run("report", str(missing))
    assert EXIT_BAD_FILE == code
    assert str(missing) in err


def test_an_unreadable_path(tmp_path: Path) -> None:
    """A folder given as the file is refused with the system's reason."""
    folder = tmp_path / "data.toml"
    folder.mkdir()
    code, _, err = run("audit", str(folder))
    assert EXIT_BAD_FILE == code
    assert str(folder) in err


def test_the_installed_command_never_shows_a_traceback(bad_file: Path) -> None:
    """Run as a program, a bad file still gives one screen and exit status 2."""
    result = subprocess.run(
        [str(SCRIPT), "audit", str(bad_file)], capture_output=True, text=True, check=False
    )
    assert EXIT_BAD_FILE == result.returncode
    assert "Traceback" not in result.stderr
    assert f"{bad_file}: instansi: nilai ''" in result.stderr


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """Piping the report into a reader that closes early exits cleanly."""
    process = subprocess.Popen(
        [str(SCRIPT), "report", str(SEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()
    _, err = process.communicate()
    assert b"Traceback" not in err


# --- audit ----------------------------------------------------------------------------------


def test_audit_of_the_seed_names_its_errors() -> None:
    """Exit status 1 and the four wrong figures and the standard claim named (--lang en)."""
    code, out, _ = run("audit", str(SEED), "--lang", "en")
    assert EXIT_DISAGREES == code
    for stated, recomputed in (
        ("101,1", "100,42"),
        ("101,54", "101,50"),
        ("6,3", "62,99"),
        ("12.942", "13.296"),
    ):
        assert f"stated {stated}, recomputed {recomputed}" in out
    assert "claim 'below-national-standard'" in out
    assert "no national standard is recorded for IKU-1" in out


def test_audit_speaks_indonesian_by_default() -> None:
    """Without --lang the audit is in Indonesian, the same as --lang id, exit status 1."""
    code, out, err = run("audit", str(SEED))
    assert (EXIT_DISAGREES, "") == (code, err)
    assert (code, out, err) == run("audit", str(SEED), "--lang", "id")
    first = "Reviu atas dinsos-kota-metro-2024.toml: 19 angka yang dinyatakan diperiksa, "
    assert out.startswith(first + "12 sesuai, 7 tidak sesuai.\n")
    assert "capaian: dinyatakan 101,1, dihitung ulang 100,42" in out
    assert "menurut data: tidak ada standar nasional yang tercatat untuk IKU-1" in out
    for english in ("stated", "recomputed", "DISAGREES", "rule:", "source:", "the data"):
        assert english not in out


def test_audit_in_english_is_the_english_golden_file() -> None:
    """--lang en prints the English audit, unchanged, with the same exit status."""
    code, out, _ = run("audit", str(SEED), "--lang", "en")
    assert EXIT_DISAGREES == code
    golden = ROOT / "tests" / "golden" / "audit-dinsos-kota-metro-2024.txt"
    assert golden.read_text(encoding="utf-8") == out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_audit_as_json_in_either_language(lang: str) -> None:
    """--format json parses in both languages, with the same keys and figures."""
    code, out, _ = run("audit", str(SEED), "--format", "json", "--lang", lang)
    assert EXIT_DISAGREES == code
    data = json.loads(out)
    _, english, _ = run("audit", str(SEED), "--format", "json", "--lang", "en")
    assert json.loads(english).keys() == data.keys()
    assert 7 == data["disagreements"]
    assert "100,42" == data["findings"][1]["recomputed"]


def test_audit_refuses_an_unknown_language() -> None:
    """--lang accepts id and en only: a usage error, exit status 2."""
    code, out, err = run("audit", str(SEED), "--lang", "fr")
    assert (EXIT_BAD_FILE, "") == (code, out)
    assert "pilihan tidak sah: 'fr'" in err


def test_audit_as_json() -> None:
    """--format json parses and holds every finding."""
    code, out, _ = run("audit", str(SEED), "--format", "json")
    assert EXIT_DISAGREES == code
    data = json.loads(out)
    assert "dinsos-kota-metro-2024.toml" == data["file"]
    wrong = {(f["stated"], f["recomputed"]) for f in data["findings"] if f["verdict"] != "agrees"}
    assert ("101,1", "100,42") in wrong
    assert ("12.942", "13.296") in wrong


def test_audit_exits_0_when_everything_agrees(tmp_path: Path, seed_dataset: sakip.Dataset) -> None:
    """Figures that all agree give exit status 0; --all lists them."""
    figures = [
        sakip.StatedFigure(kind="percentage", stated="95", operands=[13773, 14460]),
        sakip.StatedFigure(
            kind="achievement", stated="100,42", operands=[95, "94.6"], indicator="PPKS"
        ),
    ]
    path = tmp_path / "benar.toml"
    save(attrs.evolve(seed_dataset, stated=figures), path)
    code, out, _ = run("audit", str(path), "--all", "--lang", "en")
    assert EXIT_OK == code
    assert "2 stated figures checked, 2 agree, 0 do not." in out
    assert 2 == out.count(". AGREES:")
    code, out, _ = run("audit", str(path), "--all")
    assert EXIT_OK == code
    assert "2 angka yang dinyatakan diperiksa, 2 sesuai, 0 tidak sesuai." in out
    assert 2 == out.count(". SESUAI:")


def test_audit_of_figures_that_do_not_fit_their_kind(tmp_path: Path) -> None:
    """Unknown kinds and wrong operands are listed as file:stated[i]:field, exit status 2."""
    path = tmp_path / "angka.toml"
    text = SEED.read_text(encoding="utf-8")
    text += '\n[[stated]]\nkind = "median"\nstated = "1"\noperands = [1]\n'
    text += '\n[[stated]]\nkind = "gap"\nstated = "1"\noperands = [1]\n'
    path.write_text(text, encoding="utf-8")
    code, out, err = run("audit", str(path))
    assert EXIT_BAD_FILE == code
    assert "" == out
    lines = err.splitlines()
    assert f"{path}: 2 angka yang dinyatakan tidak dapat diperiksa" == lines[0]
    assert lines[1].startswith(
        f"{path}: angka yang dinyatakan nomor 20: jenis angka `median` tidak dikenal; "
        "yang dikenal: `absorption`, "
    )
    assert f"{path}: angka yang dinyatakan nomor 21: banyaknya operan tidak sesuai " in lines[2]
    assert "(1 angka diberikan)" in lines[2]


def test_audit_stops_on_a_rule_that_does_not_fit(
    tmp_path: Path, seed_dataset: sakip.Dataset
) -> None:
    """An indicator whose formula does not fit its polarity is a bad file, exit status 2."""
    goal = seed_dataset.plan.goals[0]
    objective = goal.objectives[0]
    wrong = attrs.evolve(objective.indicators[0], formula="inverse")
    objective = attrs.evolve(objective, indicators=[wrong])
    plan = attrs.evolve(
        seed_dataset.plan,
        goals=[attrs.evolve(goal, objectives=[objective, *goal.objectives[1:]])],
    )
    figure = sakip.StatedFigure(kind="achievement", stated="1", indicator="PPKS", operands=[1, 2])
    path = tmp_path / "rumus.toml"
    save(attrs.evolve(seed_dataset, plan=plan, stated=[figure]), path)
    code, _, err = run("audit", str(path))
    assert EXIT_BAD_FILE == code
    assert "'formula' must be a formula for positive polarity" in err


# --- rules, help, version -------------------------------------------------------------------


def test_rules_lists_every_registry_with_sources() -> None:
    """Formulas, scales, conventions and structures appear with their sources."""
    code, out, _ = run("rules")
    assert EXIT_OK == code
    for text in (
        "Rumus capaian (sakip.formulas.FORMULAS)",
        "  direct: realization over target (higher is better)",
        "      R / T × 100",
        "Skala penilaian capaian (sakip.scales.SCALES)",
        "Sangat Tinggi > 90",
        "Konvensi efisiensi (sakip.budget.EFFICIENCY_CONVENTIONS)",
        "Struktur evaluasi SAKIP (sakip.evaluation.STRUCTURES)",
        "Perencanaan Kinerja 30",
        "Pemeriksaan angka laporan (sakip.audit.CHECKS)",
        "      sumber: PermenPANRB 8/2021",
        "      catatan: ",
    ):
        assert text in out
    assert "source:" not in out


def test_rules_in_english() -> None:
    """``--lang en``: the kinds of rule and the labels in English."""
    code, out, _ = run("rules", "--lang", "en")
    assert EXIT_OK == code
    assert "Achievement formula (sakip.formulas.FORMULAS)" in out
    assert "      source: PermenPANRB 8/2021" in out
    assert "      note: " in out
    assert "sumber:" not in out


def test_rules_notes_of_the_baik_label_set_speak_its_labels() -> None:
    """The Sangat Kurang … Sangat Baik scale's note says "Sangat Baik", not "Sangat Tinggi"."""
    code, out, _ = run("rules", "--format", "json")
    assert EXIT_OK == code
    scales = next(r for r in json.loads(out) if r["kind"] == "rating scale")["rules"]
    notes = {rule["name"]: rule["note"] for rule in scales}
    assert notes["permendagri-86-2017-baik"].endswith("Above 100 is Sangat Baik.")
    assert notes["permendagri-86-2017"].endswith("Above 100 is Sangat Tinggi.")


def test_rules_as_json() -> None:
    """--format json lists each registry and its rules with source and grade."""
    code, out, _ = run("rules", "--format", "json")
    assert EXIT_OK == code
    data = json.loads(out)
    formulas = next(r for r in data if r["kind"] == "achievement formula")
    direct = next(r for r in formulas["rules"] if r["name"] == "direct")
    assert "REG" == direct["grade"]
    checks = next(r for r in data if r["kind"] == "stated figure kind")
    total = next(r for r in checks["rules"] if r["name"] == "sum")
    assert None is total["source"]


@pytest.mark.parametrize("command", [[], ["report"], ["audit"], ["rules"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    """--help prints the usage and examples, exit status 0."""
    code, out, _ = run(*command, "--help")
    assert EXIT_OK == code
    assert "contoh:" in out
    code, out, _ = run(*command, "--help", "--lang", "en")
    assert EXIT_OK == code
    assert "examples:" in out


def test_version() -> None:
    """--version prints the installed version."""
    assert (EXIT_OK, f"sakip {sakip.__version__}\n", "") == run("--version")


def test_a_wrong_command_line_is_exit_status_2() -> None:
    """An unknown option, a missing command or an abbreviated option is a usage error, 2."""
    assert EXIT_BAD_FILE == run("report", str(SEED), "--format", "pdf")[0]
    code, _, err = run("--debug")
    assert EXIT_BAD_FILE == code
    assert "pemakaian: sakip" in err
    code, _, err = run("report", str(SEED), "--form", "json")
    assert EXIT_BAD_FILE == code
    assert "sakip: galat: argumen tidak dikenal: --form json" in err


def test_sakip_alone_prints_the_help() -> None:
    """`sakip` with no arguments prints the help and its commands, exit status 0."""
    code, out, err = run()
    assert (EXIT_OK, "") == (code, err)
    assert out.startswith("pemakaian: sakip")
    assert "report" in out
    assert "status keluar: 0 selesai; 1 ada temuan audit; 2 masukan atau pemakaian salah" in out


def test_main_reads_the_process_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without arguments given, main() reads sys.argv and prints to the real streams."""
    monkeypatch.setattr(sys, "argv", ["sakip", "rules", "--format", "json"])
    assert EXIT_OK == main()


# --- the tutorials show real output ---------------------------------------------------------

_CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _console_blocks(page: Path) -> list[tuple[list[str], str]]:
    """Each ``$ sakip ...`` command of a page's console blocks with the output shown."""
    blocks = []
    for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
        command, _, output = block.partition("\n")
        if command.startswith("$ sakip "):
            args = shlex.split(command.removeprefix("$ sakip ").split(";")[0])
            blocks.append((args, output))
    return blocks


@pytest.mark.parametrize(
    "page",
    ["docs/tutorial/report.md", "docs/tutorial/audit.md", "docs/reference/cli.md"],
)
def test_the_documented_commands_print_what_the_page_shows(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every `$ sakip ...` block of the page is run and its output compared with the page."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    blocks = _console_blocks(ROOT / page)
    assert blocks
    for args, shown in blocks:
        out, err = io.StringIO(), io.StringIO()
        code = main(args, out=out, err=err)
        printed = out.getvalue() + err.getvalue()
        status = re.search(r"^\$ echo \$\?\n(\d+)\n", shown, re.MULTILINE)
        body = shown.split("$ echo $?")[0]
        assert body == printed, " ".join(args)
        if status:
            assert int(status.group(1)) == code


def test_a_system_error_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """An operating-system error while reading is one line with its reason, exit status 2."""

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("sakip.io.load", refuse)
    assert (EXIT_BAD_FILE, "", "data.toml: Permission denied\n") == run("audit", "data.toml")


# --- every console, every output ----------------------------------------------------------


def test_a_year_outside_the_plan_is_an_error_naming_its_years() -> None:
    """--year 2030 for a 2021–2026 plan is refused with the plan's years, exit status 2."""
    code, out, err = run("report", str(SEED), "--year", "2030")
    assert (EXIT_BAD_FILE, "") == (code, out)
    assert "--year 2030 di luar rencana" in err
    assert "(2021–2026)" in err


def test_output_dash_is_standard_output() -> None:
    """--output - prints the report, as with no --output."""
    assert run("report", str(SEED)) == run("report", str(SEED), "--output", "-")


def test_output_to_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    """The link still points at its target, which holds the report."""
    target = tmp_path / "bab-iii.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, _ = run("report", str(SEED), "--format", "markdown", "--output", str(link))
    assert EXIT_OK == code
    assert (True, target) == (link.is_symlink(), link.resolve())
    assert target.read_text(encoding="utf-8").startswith("# Laporan Kinerja 2024")


def test_output_to_a_fifo_writes_into_it(tmp_path: Path) -> None:
    """A named pipe is written into (not replaced by a file), and its reader gets the report."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run("report", str(SEED), "--output", str(fifo))
    reader.join(timeout=30)
    assert EXIT_OK == code
    assert fifo.is_fifo()
    assert received[0].decode("utf-8").startswith("Laporan Kinerja 2024")


def test_output_to_the_data_file_is_refused(tmp_path: Path) -> None:
    """--output naming the data file, directly or through a link, leaves it untouched."""
    data = tmp_path / "data.toml"
    data.write_bytes(SEED.read_bytes())
    link = tmp_path / "link.toml"
    link.symlink_to(data)
    for output in (data, link):
        code, _, err = run("report", str(data), "--output", str(output))
        assert EXIT_BAD_FILE == code
        assert f"--output {output} adalah berkas data; pilih path lain" in err
    assert SEED.read_bytes() == data.read_bytes()


def test_an_internal_error_is_one_line_and_exit_status_3(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault inside sakip is exit status 3 with one line; --debug adds the traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sakip.report.build_report", broken)
    code, out, err = run("report", str(SEED))
    assert (EXIT_INTERNAL, "") == (code, out)
    expected = (
        "sakip: galat internal (RuntimeError: boom), mohon laporkan; jalankan dengan --debug "
        "untuk jejaknya"
    )
    assert [expected] == err.splitlines()
    _, _, err = run("report", str(SEED), "--lang", "en")
    expected = (
        "sakip: internal error (RuntimeError: boom), please report it; run with --debug for "
        "the traceback"
    )
    assert [expected] == err.splitlines()
    code, _, err = run("report", str(SEED), "--debug", "--lang", "en")
    assert EXIT_INTERNAL == code
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("sakip: internal error (RuntimeError: boom), please report it\n")
    _, _, err = run("report", str(SEED), "--debug")
    assert err.endswith("sakip: galat internal (RuntimeError: boom), mohon laporkan\n")
    assert EXIT_INTERNAL == run("--debug", "report", str(SEED))[0]


def test_output_is_utf8_whatever_the_console_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cp1252 console (Windows) gets UTF-8: "≤" and "−" are written, not an encoding error."""
    console = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", console)
    assert EXIT_OK == main(["rules"])
    console.flush()
    assert "Sangat Rendah ≤ 50" in console.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def test_a_cp1252_console_writes_a_utf8_file(tmp_path: Path) -> None:
    """PYTHONIOENCODING=cp1252 sakip report … > out.txt works and the file is UTF-8."""
    target = tmp_path / "out.txt"
    with target.open("wb") as stream:
        result = subprocess.run(
            [str(SCRIPT), "report", str(SEED), "--lang", "en"],
            stdout=stream,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONIOENCODING": "cp1252"},
            check=False,
        )
    assert (EXIT_OK, b"") == (result.returncode, result.stderr)
    assert "Table 3.2 Realization in 2024 compared with earlier years" in target.read_text(
        encoding="utf-8"
    )


# --- an agency's own wording ------------------------------------------------------------------


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A province's wording: "Predikat" for "Kategori", "Persentase Capaian" for "Capaian"."""
    path = tmp_path / "provinsi.po"
    path.write_text(
        'msgid "Kategori"\nmsgstr "Predikat"\n\nmsgid "Capaian"\nmsgstr "Persentase Capaian"\n',
        encoding="utf-8",
    )
    return path


def test_report_prints_in_the_agency_wording(province: Path) -> None:
    """--wording renames the columns; the rest reads as sakip writes it."""
    code, out, err = run("report", str(SEED), "--wording", str(province))
    assert (EXIT_OK, "") == (code, err)
    head = out.splitlines()[5:7]
    assert "Persentase  Predikat" in head[0]
    assert "Capaian" in head[1]
    assert "Kategori" not in out.split("Rumus:")[0]
    assert "Rumus: Capaian = R / T × 100" in out  # a sentence the file leaves out is sakip's


def test_the_wording_holds_for_the_command_only(province: Path) -> None:
    """After the command, sakip prints its own words again."""
    run("report", str(SEED), "--wording", str(province))
    assert "Kategori" in run("report", str(SEED))[1]


def test_a_wording_in_english_applies_to_english_only(tmp_path: Path) -> None:
    """The file is read in the language of --lang: an English wording for an English report."""
    path = tmp_path / "en.po"
    path.write_text('msgid "Kategori"\nmsgstr "Grade"\n', encoding="utf-8")
    code, out, _ = run("report", str(SEED), "--lang", "en", "--wording", str(path))
    assert EXIT_OK == code
    assert "Grade" in out
    assert "Rating" not in out.split("Rule:")[0]


def test_audit_and_lke_take_a_wording_too(tmp_path: Path) -> None:
    """The audit's verdicts and the LKE's labels are messages an agency can reword."""
    path = tmp_path / "audit.po"
    path.write_text(
        'msgid "TIDAK SESUAI"\nmsgstr "BERBEDA"\n\n'
        'msgid "Pelanggaran kerangka logis"\nmsgstr "Pelanggaran logika"\n',
        encoding="utf-8",
    )
    code, out, _ = run("audit", str(SEED), "--wording", str(path))
    assert EXIT_DISAGREES == code
    assert "1. BERBEDA: " in out
    assert "TIDAK SESUAI:" not in out
    worksheet = tmp_path / "lke.xlsx"
    run("lke", "--template", "xlsx", "--output", str(worksheet))
    code, out, _ = run("lke", str(worksheet), "--partial", "--wording", str(path))
    assert EXIT_OK == code
    assert "\nPelanggaran logika\n" in out


def test_a_bad_wording_file_lists_its_problems(tmp_path: Path) -> None:
    """A message sakip does not have is named with its line, and nothing is printed; exit 2."""
    path = tmp_path / "salah.po"
    path.write_text('msgid "Kategory"\nmsgstr "Predikat"\n', encoding="utf-8")
    code, out, err = run("report", str(SEED), "--wording", str(path))
    assert (EXIT_BAD_FILE, "") == (code, out)
    assert f"{path}: redaksi tidak dapat dipakai:" in err
    assert "baris 1: sakip tidak memiliki pesan 'Kategory'; maksud Anda 'Kategori'?" in err
    code, out, err = run("report", str(SEED), "--lang", "en", "--wording", str(path))
    assert f"{path}: the wording cannot be used:" in err
    assert "line 1: sakip has no message 'Kategory'; did you mean 'Kategori'?" in err


def test_a_missing_wording_file(tmp_path: Path) -> None:
    """A wording file that is not there is named, with exit status 2."""
    missing = tmp_path / "tidak-ada.po"
    code, out, err = run("audit", str(SEED), "--wording", str(missing))
    assert (EXIT_BAD_FILE, "") == (code, out)
    assert err.startswith(f"{missing}: ")


@pytest.mark.parametrize(
    ("arguments", "first_line"),
    [
        (["report", "--help"], "pemakaian: sakip report"),
        (["report", "--help", "--lang", "en"], "usage: sakip report"),
        (["report", "--help", "--lang=en"], "usage: sakip report"),
        (["report", "--help", "--lang=fr"], "pemakaian: sakip report"),
        (["report", "--help", "--lang"], "pemakaian: sakip report"),
    ],
)
def test_help_speaks_the_lang_the_arguments_hold(arguments: list[str], first_line: str) -> None:
    """Indonesian by default; ``--lang en`` (either spelling) makes the help English."""
    code, out, _ = run(*arguments)
    assert EXIT_OK == code
    assert out.startswith(first_line)


def test_the_english_help_is_the_words_of_before() -> None:
    """``--lang en`` gives argparse's own words and sakip's English help, unchanged."""
    code, out, _ = run("audit", "--help", "--lang", "en")
    assert EXIT_OK == code
    for text in (
        "positional arguments:",
        "options:",
        "show this help message and exit",
        "list the figures that agree too (text format)",
        "exit status: 0 every stated figure agrees; 1 some figure does not; 2 the file is bad;",
    ):
        assert text in out
    assert "Recompute every figure the data file says the report states ([[stated]]" in out


def test_a_usage_error_in_english() -> None:
    """The parser's own error path speaks the command's language too."""
    code, _, err = run("audit", str(SEED), "--lang", "en", "--bogus")
    assert EXIT_BAD_FILE == code
    assert "sakip: error: unrecognized arguments: --bogus" in err
    code, _, err = run("report", str(SEED), "--year", "x")
    assert EXIT_BAD_FILE == code
    assert "argumen --year: nilai int tidak sah: 'x'" in err


def test_argparse_keeps_its_own_words_after_a_command() -> None:
    """The translation holds for the command only: argparse is left as it was."""
    import argparse

    run("--help")
    assert "usage: " == argparse._("usage: ")  # type: ignore[attr-defined]


def test_a_file_beyond_a_limit_says_which_limit(tmp_path: Path) -> None:
    """A limit refused before the data is read is printed as the limit's own message."""
    deep: object = 0
    for _ in range(100):
        deep = {"a": deep}
    path = tmp_path / "dalam.json"
    path.write_text(json.dumps(deep), encoding="utf-8")
    code, _, err = run("report", str(path))
    assert EXIT_BAD_FILE == code
    assert f"{path}: kedalaman susunan data adalah " in err
    assert "bila berkas ini tepercaya, naikkan batasnya dengan limits=sakip.io.Limits(" in err
    _, _, err = run("report", str(path), "--lang", "en")
    assert f"{path}: the data's nesting depth is " in err
    assert "above the limit of 64 (nesting_depth)" in err


def test_a_limit_of_ones_own_is_described_by_what_it_measured() -> None:
    """A limit sakip has no words for says what its ``what`` says; no file, no place."""
    error = sakip.io.LimitError("rows", 1_000_000, 10, what="rows")
    assert error.describe().startswith("rows adalah 1.000.000, di atas batas 10 (rows); ")
    assert error.describe(lang="en").startswith("rows is 1,000,000, above the limit of 10 ")


def test_the_audit_says_in_english_how_many_figures_cannot_be_checked(tmp_path: Path) -> None:
    """``--lang en``: the count line in English, one figure singular."""
    path = tmp_path / "angka.toml"
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text + '\n[[stated]]\nkind = "median"\nstated = "1"\n', encoding="utf-8")
    _, _, err = run("audit", str(path), "--lang", "en")
    assert f"{path}: 1 stated figure cannot be checked" == err.splitlines()[0]
    assert err.splitlines()[1].startswith(
        f"{path}: stated figure number 20: unknown kind of figure `median`; known: "
    )


def test_a_report_outside_the_plan_in_english(tmp_path: Path) -> None:
    """The year refused, in English with ``--lang en``."""
    _, _, err = run("report", str(SEED), "--year", "2030", "--lang", "en")
    assert "--year 2030 is outside the plan " in err
    assert err.rstrip().endswith("; choose one of its years")


def test_another_refusal_of_the_reader_prints_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A refusal that is neither a file's problem nor a limit prints as it is, exit status 2."""

    def refuse(path: object) -> None:
        raise sakip.InvalidValueError("file", str(path), "a data file")

    monkeypatch.setattr("sakip.io.load", refuse)
    code, _, err = run("report", str(SEED))
    assert EXIT_BAD_FILE == code
    assert err.startswith("'file' must be a data file")


def test_the_vectors_help_speaks_the_command_language() -> None:
    """``sakip vectors --help`` is Indonesian by default and English with ``--lang en``."""
    code, out, _ = run("vectors", "--help")
    assert (EXIT_OK, True) == (code, out.startswith("pemakaian: sakip vectors"))
    assert "tulis JSON Schema berkas itu" in out
    code, out, _ = run("vectors", "--lang", "en", "--help")
    assert (EXIT_OK, True) == (code, out.startswith("usage: sakip vectors"))
    assert "the JSON Schema of that file" in out
