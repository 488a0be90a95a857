"""Many agencies at once: a folder of data files or a table with an agency column."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from openpyxl import Workbook

import sakip
from sakip.cli import EXIT_BAD_FILE, EXIT_OK, main
from sakip.collection import (
    CONSOLIDATED_COLUMNS,
    Collection,
    Member,
    consolidate,
    read_collection,
    write_reports,
)
from sakip.io import DataFileError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HEADER = ["Instansi", "Kode", "Indikator", "Polaritas", "Tahun", "Triwulan", "Target", "Realisasi"]
BODY = [
    ["Kota A", "IK-1", "Persentase", "positif", 2023, "", "90", "85"],
    ["Kota A", "IK-1", "Persentase", "positif", 2024, "", "94,6", "95"],
    ["Kota A", "IK-1", "Persentase", "positif", 2024, "1", "", "20"],
    ["Kota A", "IK-2", "Kemiskinan", "negatif", 2024, "", "10", "8"],
    ["Kota-A", "IK-1", "Persentase", "positif", 2024, "", "0", "5"],
    ["Kabupaten B", "IK-1", "Persentase", "positif", 2024, "", "80 - 90", "70"],
    ["Kabupaten B", "IK-2", "Kemiskinan", "negatif", 2024, "", "10", ""],
    ["", "IK-1", "Persentase", "positif", 2024, "", "50", "40"],
]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_table(path: Path, rows: list[list[object]]) -> Path:
    if path.suffix == ".xlsx":
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    else:
        with path.open("w", newline="", encoding="utf-8") as stream:
            csv.writer(stream, delimiter=";").writerows(rows)
    return path


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def folder_of_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("dinsos-kota-metro-2024.toml", "dinkes-kabupaten-contoh-2024.toml"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_a_folder_reads_one_agency_per_data_file() -> None:
    """Every data file of a folder is one member, in name order, named by its agency."""
    agencies = read_collection(EXAMPLES)
    assert [
        "dinkes-kabupaten-contoh-2024",
        "dinkes-kabupaten-contoh-2025",
        "dinsos-kota-metro-2024",
    ] == [m.key for m in agencies.members]
    assert "Dinas Sosial Kota Metro" == agencies.members[2].name
    assert () == agencies.problems


def test_a_bad_file_is_a_problem_and_the_others_are_kept(tmp_path: Path) -> None:
    """A data file that cannot be read is listed; the good ones are read all the same."""
    folder = folder_of_examples(tmp_path)
    (folder / "rusak.json").write_text("{", encoding="utf-8")
    agencies = read_collection(folder)
    assert 2 == len(agencies.members)
    assert 1 == len(agencies.problems)
    assert "rusak.json" in str(agencies.problems[0])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_table_is_grouped_by_its_agency_column(tmp_path: Path, suffix: str) -> None:
    """A table's rows go to their agency; names that look alike get distinct file keys."""
    table = write_table(tmp_path / f"nasional{suffix}", [HEADER, *BODY])
    agencies = read_collection(table)
    assert ["Kota A", "Kota-A", "Kabupaten B", "—"] == [m.name for m in agencies.members]
    assert ["kota-a", "kota-a-2", "kabupaten-b", "instansi"] == [m.key for m in agencies.members]
    assert [4, 1, 2, 1] == [len(m.rows) for m in agencies.members]


def test_consolidated_rows_of_a_table_are_the_scalar_results(tmp_path: Path) -> None:
    """One row per agency × indicator of its latest year, as the scalar API gives it."""
    table = write_table(tmp_path / "nasional.csv", [HEADER, *BODY])
    rows = consolidate(read_collection(table))

    def scalar(realization: str, target: object, polarity: str = "positive") -> object:
        return sakip.achievement(realization=realization, target=target, polarity=polarity).percent

    assert [
        ("Kota A", "IK-1", scalar("95", "94.6"), "Sangat Tinggi"),
        ("Kota A", "IK-2", scalar("8", "10", "negative"), "Sangat Tinggi"),
        ("Kota-A", "IK-1", None, None),
        ("Kabupaten B", "IK-1", scalar("70", sakip.TargetRange(80, 90)), "Tinggi"),
        ("Kabupaten B", "IK-2", None, None),
        ("—", "IK-1", D("80.00"), "Tinggi"),
    ] == [(r.agency, r.code, r.percent, r.rating) for r in rows]
    assert [None, None, "zero", None, "no realization", None] == [
        r.reason and ("zero" if "target of 0" in r.reason else "no realization") for r in rows
    ]
    assert [2023] == [r.year for r in consolidate(read_collection(table), year=2023)]


def test_consolidated_rows_of_datasets_follow_their_reports() -> None:
    """A dataset's row is its report's: the PK target, the year's realization, the rating."""
    rows = consolidate(read_collection(EXAMPLES))
    metro = {r.code: r for r in rows if r.agency == "Dinas Sosial Kota Metro"}
    assert (D("100.42"), "Sangat Tinggi") == (metro["IKU-1"].percent, metro["IKU-1"].rating)
    assert metro["MISKIN"].percent is None
    assert metro["MISKIN"].reason is not None
    assert {2024, 2025} == {r.year for r in rows}  # the invented 2025 example's year


def test_a_dataset_without_realizations_has_no_consolidated_row() -> None:
    """No realization, no year to compare, unless one is given."""
    data = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    empty = Member(
        name="Kosong", key="kosong", dataset=sakip.Dataset(agency=data.agency, plan=data.plan)
    )
    agencies = Collection(members=(empty,))
    assert () == consolidate(agencies)
    assert 3 == len(consolidate(agencies, year=2024))


def test_write_reports_writes_one_report_per_agency_and_the_table(tmp_path: Path) -> None:
    """Each agency's report, then konsolidasi.csv with a row per agency × indicator."""
    out = tmp_path / "laporan"
    written, failed = write_reports(read_collection(EXAMPLES), out, format="markdown")
    assert [] == failed
    assert [
        "dinkes-kabupaten-contoh-2024.md",
        "dinkes-kabupaten-contoh-2025.md",
        "dinsos-kota-metro-2024.md",
        "konsolidasi.csv",
    ] == [p.name for p in written]
    with (out / "konsolidasi.csv").open(encoding="utf-8") as stream:
        table = list(csv.reader(stream))
    assert list(CONSOLIDATED_COLUMNS) == table[0]
    assert 1 + len(consolidate(read_collection(EXAMPLES))) == len(table)


def test_a_report_that_cannot_be_made_is_listed(tmp_path: Path) -> None:
    """An agency whose report fails is named with the reason; the others are written."""
    data = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    empty = Member(
        name="Kosong", key="kosong", dataset=sakip.Dataset(agency=data.agency, plan=data.plan)
    )
    written, failed = write_reports(Collection(members=(empty,)), tmp_path)
    assert ["konsolidasi.csv"] == [p.name for p in written]
    assert 1 == len(failed)
    assert failed[0].startswith("Kosong: ")


def test_a_table_gives_results_tables(tmp_path: Path) -> None:
    """From a table, each agency gets its results table; xlsx when asked for."""
    table = write_table(tmp_path / "nasional.csv", [HEADER, *BODY])
    written, _ = write_reports(read_collection(table), tmp_path / "out", format="xlsx")
    assert [
        "kota-a.xlsx",
        "kota-a-2.xlsx",
        "kabupaten-b.xlsx",
        "instansi.xlsx",
        "konsolidasi.xlsx",
    ] == [p.name for p in written]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "kosong", "no .toml or .json data file"),
        (lambda tmp: tmp / "data.txt", "neither a folder nor a table"),
        (lambda tmp: tmp / "tidak-ada.csv", "cannot read the table"),
        (lambda tmp: write_text(tmp / "rusak.xlsx", "bukan workbook"), "not a readable XLSX"),
        (
            lambda tmp: write_table(tmp / "t.csv", [HEADER[1:], BODY[0][1:]]),
            "no agency column",
        ),
    ],
)
def test_what_is_not_a_collection_is_refused(tmp_path: Path, make: object, message: str) -> None:
    """An empty folder, another file, a table without an agency column: a clear error."""
    (tmp_path / "kosong").mkdir()
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(DataFileError) as caught:
        read_collection(path)
    assert message in caught.value.exceptions[0].message


def test_a_short_row_has_no_agency(tmp_path: Path) -> None:
    """A row that ends before the agency column belongs to no named agency."""
    header = [*HEADER[1:], "Instansi"]
    table = write_table(tmp_path / "t.csv", [header, [*BODY[0][1:], "Kota A"], BODY[1][1:5]])
    agencies = read_collection(table)
    assert ["Kota A", "—"] == [m.name for m in agencies.members]


def test_bad_cells_of_a_table_are_a_problem(tmp_path: Path) -> None:
    """A bad cell is listed; the table's good rows are kept."""
    table = write_table(
        tmp_path / "t.csv", [HEADER, BODY[0], ["Kota A", "IK-1", "x", "positif", "20x4"]]
    )
    agencies = read_collection(table)
    assert 1 == len(agencies.problems)
    assert 1 == sum(len(m.rows) for m in agencies.members)


def test_the_command_reports_a_folder(tmp_path: Path) -> None:
    """`sakip report DIR --output OUT` writes every report and the consolidated table."""
    folder = folder_of_examples(tmp_path)
    code, _, err = run("report", str(folder), "--output", str(tmp_path / "out"))
    assert EXIT_OK == code
    assert f"3 berkas ditulis ke {tmp_path / 'out'}" in err
    assert (tmp_path / "out" / "konsolidasi.csv").exists()


def test_the_command_needs_an_output_folder_and_readable_input(tmp_path: Path) -> None:
    """Without --output, with a bad file, or with a table it cannot read: exit status 2."""
    folder = folder_of_examples(tmp_path)
    assert EXIT_BAD_FILE == run("report", str(folder))[0]
    (folder / "rusak.json").write_text("{", encoding="utf-8")
    code, _, err = run("report", str(folder), "--output", str(tmp_path / "out"))
    assert EXIT_BAD_FILE == code
    assert "rusak.json" in err
    missing = tmp_path / "tidak-ada.csv"
    assert EXIT_BAD_FILE == run("report", str(missing), "--output", str(tmp_path / "o"))[0]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run("report", str(folder), "--output", str(tmp_path / "file" / "o"))
    assert EXIT_BAD_FILE == code


def mixed_folder(tmp_path: Path) -> Path:
    """Two good data files, one that cannot be read and one whose report cannot be made."""
    folder = folder_of_examples(tmp_path)
    (folder / "b-rusak.json").write_text("{", encoding="utf-8")
    data = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    sakip.io.save(sakip.Dataset(agency=data.agency, plan=data.plan), folder / "c-kosong.toml")
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_folder_gives_the_same_files_in_any_number_of_processes(
    tmp_path: Path, lang: str
) -> None:
    """Two processes write the files, failures and table that one process does, in order."""
    folder = mixed_folder(tmp_path)
    one = write_reports(folder, tmp_path / "satu", lang=lang, jobs=1)
    two = write_reports(folder, tmp_path / "dua", lang=lang, jobs=2)
    assert [p.name for p in one[0]] == [p.name for p in two[0]]
    assert one[1] == two[1]
    assert files_of(tmp_path / "satu") == files_of(tmp_path / "dua")
    assert "b-rusak.json" in one[1][0]
    assert one[1][1].startswith("Dinas Sosial Kota Metro: ")
    assert 2 == len(one[1])


def test_a_folder_by_its_path_gives_what_its_collection_gives(tmp_path: Path) -> None:
    """Reporting a folder's path writes what reading it first and reporting it writes."""
    folder = mixed_folder(tmp_path)
    agencies = read_collection(folder)
    _, failed = write_reports(agencies, tmp_path / "dibaca", format="markdown")
    _, by_path = write_reports(folder, tmp_path / "path", format="markdown")
    assert [*map(str, agencies.problems), *failed] == by_path
    assert files_of(tmp_path / "dibaca") == files_of(tmp_path / "path")


def test_a_folder_of_one_file_is_reported_in_this_process(tmp_path: Path) -> None:
    """One data file needs no second process; its report and table are written."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(EXAMPLES / "dinsos-kota-metro-2024.toml", folder)
    written, failed = write_reports(folder, tmp_path / "out", jobs=4)
    assert [] == failed
    assert ["dinsos-kota-metro-2024.txt", "konsolidasi.csv"] == [p.name for p in written]


def test_a_built_in_scale_is_named_in_the_report_language_in_any_process(
    tmp_path: Path,
) -> None:
    """The scale's source reads as the built-in's, not as a copy's, in another process."""
    folder = folder_of_examples(tmp_path)
    scale = sakip.scales.PERMENDAGRI_86_2017
    write_reports(folder, tmp_path / "dua", scale=scale, jobs=2)
    write_reports(folder, tmp_path / "nama", scale=scale.name, jobs=1)
    text = (tmp_path / "dua" / "dinsos-kota-metro-2024.txt").read_text(encoding="utf-8")
    assert "melanjutkan Permendagri 54/2010" in " ".join(text.split())
    assert files_of(tmp_path / "dua") == files_of(tmp_path / "nama")


def test_a_table_by_its_path_lists_its_bad_cells_first(tmp_path: Path) -> None:
    """A table's path: the bad cells' error comes before any agency's failure."""
    table = write_table(
        tmp_path / "t.csv", [HEADER, BODY[0], ["Kota A", "IK-1", "x", "positif", "20x4"]]
    )
    written, failed = write_reports(table, tmp_path / "out")
    assert [str(p) for p in read_collection(table).problems] == failed
    assert ["kota-a.csv", "konsolidasi.csv"] == [p.name for p in written]


def test_an_error_in_the_consolidated_table_is_raised_after_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As for a collection, the reports are written, then the table's error is raised."""
    folder = folder_of_examples(tmp_path)

    def refuse(*_: object) -> object:
        raise sakip.InvalidValueError("year", 1, "a year")

    monkeypatch.setattr(sakip.collection, "_consolidated", refuse)
    with pytest.raises(sakip.InvalidValueError):
        write_reports(folder, tmp_path / "out", jobs=1)
    assert ["dinkes-kabupaten-contoh-2024.txt", "dinsos-kota-metro-2024.txt"] == sorted(
        path.name for path in (tmp_path / "out").iterdir()
    )


def test_a_folder_consolidates_each_report_year_as_a_collection_does(tmp_path: Path) -> None:
    """The table made beside the reports is the one of the collection read first.

    A folder's table takes each year row from the report's chapter; one dataset reports the
    year of its plan's baseline, whose history row is the baseline's, not the year's.
    """
    folder = folder_of_examples(tmp_path)
    data = sakip.io.load(EXAMPLES / "dinsos-kota-metro-2024.toml")
    early = [sakip.Realization(indicator="IKU-1", year=2020, value="80.5")]
    sakip.io.save(attrs.evolve(data, realizations=early), folder / "awal.toml")
    write_reports(folder, tmp_path / "folder", jobs=1)
    write_reports(read_collection(folder), tmp_path / "read")
    table = (tmp_path / "folder" / "konsolidasi.csv").read_text(encoding="utf-8")
    assert (tmp_path / "read" / "konsolidasi.csv").read_text(encoding="utf-8") == table
    assert "IKU-1,Persentase PPKS yang tertangani,2020,,80.5," in table


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5, "2"])
def test_a_number_of_processes_below_one_is_refused(tmp_path: Path, jobs: object) -> None:
    """``jobs`` is a whole number of 1 or more; nothing is written otherwise."""
    with pytest.raises(sakip.InvalidValueError, match="jobs"):
        write_reports(EXAMPLES, tmp_path / "out", jobs=jobs)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_a_folder_without_data_files_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """An empty folder's path is refused, and no output folder is made."""
    (tmp_path / "kosong").mkdir()
    with pytest.raises(DataFileError):
        write_reports(tmp_path / "kosong", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_command_takes_a_number_of_processes(tmp_path: Path) -> None:
    """`--jobs 2` writes what `--jobs 1` writes; `--jobs 0` is refused with the option."""
    folder = mixed_folder(tmp_path)
    results = [
        run("report", str(folder), "--output", str(tmp_path / jobs), "--jobs", jobs)
        for jobs in ("1", "2")
    ]
    assert results[0][0] == results[1][0] == EXIT_BAD_FILE
    assert results[0][2].replace(str(tmp_path / "1"), "") == results[1][2].replace(
        str(tmp_path / "2"), ""
    )
    assert files_of(tmp_path / "1") == files_of(tmp_path / "2")
    code, _, err = run("report", str(folder), "--output", str(tmp_path / "0"), "--jobs", "0")
    assert EXIT_BAD_FILE == code
    assert "--jobs 0" in err
