"""Messages for people who fix files: the place by item or by line, in their language."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sakip.io import DataFileError, FieldError, datafile, load
from sakip.io.errors import Item, ItemKind, Problem, detailed, item_words

BAD = """\
format = "sakip-dataset"
version = 1

[agency]
name = "Dinas Sosial"

[plan]
name = "Renstra"
start_year = 2021
end_year = 2026

[[plan.goals]]
code = "T1"
name = "Tujuan"

[[plan.goals.indicators]]
code = "IKU-1"
name = "PPKS tertangani"
unit = "%"
polarty = "positif"

[[plan.goals.indicators]]
code = "IKU-2"
name = "Kemiskinan"
unit = "%"
polarity = "positip"

[[realizations]]
indicator = "IKU-3"
year = 2024
value = 5

[[realizations]]
indicator = "IKU-1"
year = 2024
value = "abc"
"""


@pytest.fixture
def bad(tmp_path: Path) -> DataFileError:
    path = tmp_path / "data.toml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load(path)
    return caught.value


def test_a_data_file_error_names_items_by_code_in_indonesian(bad: DataFileError) -> None:
    """``indikator IKU-1``, never ``indicators[0]``; the nearest key and word are suggested."""
    lines = [line.split(": ", 1)[1] for line in bad.describe().splitlines()]
    assert [
        "4 masalah",
        "indikator IKU-1: kunci `polarty` tidak dikenal; maksud Anda `polarity`?",
        (
            "indikator IKU-2: `polarity` tidak menerima 'positip'; maksud Anda `positif`? "
            "Kata yang diterima: `positif`, `negatif`, `positive`, `negative`"
        ),
        (
            "realisasi IKU-1 2024: `value` harus berupa angka, dalam notasi Indonesia atau "
            "Inggris (tertulis 'abc')"
        ),
        "realisasi IKU-3 2024: indikator 'IKU-3' tidak ada dalam rencana; maksud Anda `IKU-2`?",
    ] == lines
    assert "[0]" not in bad.describe()


def test_the_same_problems_in_english(bad: DataFileError) -> None:
    """``describe(lang="en")``: the command's ``--lang en``."""
    lines = [line.split(": ", 1)[1] for line in bad.describe(lang="en").splitlines()]
    assert "4 problems" == lines[0]
    assert "indicator IKU-1: unknown key `polarty`; did you mean `polarity`?" == lines[1]
    assert lines[2].endswith("The words accepted: `positif`, `negatif`, `positive`, `negative`")


def test_str_stays_english_for_python_callers(bad: DataFileError) -> None:
    """The exception's own message is unchanged: English, with the table path."""
    assert "plan.goals[0].indicators[0]:polarty: unknown field 'polarty' (misspelt?)" in str(bad)


def test_the_details_are_structured_and_pickle(bad: DataFileError) -> None:
    """Problem code, item, suggestion and accepted words survive a pickle."""
    first, second = bad.exceptions[0], bad.exceptions[1]
    assert isinstance(first, FieldError)
    assert isinstance(second, FieldError)
    assert Problem.UNKNOWN_KEY == first.problem
    assert Item(ItemKind.INDICATOR, "IKU-1", None, None, 1) == first.item
    assert ("positif", "negatif", "positive", "negative") == second.accepted
    copy = pickle.loads(pickle.dumps(bad))
    assert bad.describe() == copy.describe()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("agency", "instansi"),
        ("plan", "rencana strategis"),
        ("plan.goals[0]", "tujuan T1"),
        ("plan.goals[0].objectives[0]", "sasaran S1"),
        ("plan.goals[0].objectives[0].indicators[1]", "indikator nomor 2"),
        ("plan.indicator_plans[0]", "rencana indikator IKU-1"),
        ("realizations[0]", "realisasi IKU-1 2024 triwulan 2"),
        ("realizations[1]", "realisasi nomor 2"),
        ("realizations[9]", "realisasi nomor 10"),
        ("budget[0].children[0]", "anggaran 1.06.02"),
        ("agreements[0]", "perjanjian kinerja 2024"),
        ("agreements[1]", "perjanjian kinerja nomor 2"),
        ("standards[0]", "standar IKU-1"),
        ("stated[0]", "angka yang dinyatakan di Tabel 3.3"),
        ("stated[1]", "angka yang dinyatakan di IKU-1"),
        ("stated[2]", "angka yang dinyatakan nomor 3"),
    ],
)
def test_every_kind_of_item_is_named_as_a_person_names_it(path: str, expected: str) -> None:
    """By code, by indicator and year, or by its number among its kind when it has no code."""
    body = {
        "agency": {"name": "x"},
        "plan": {
            "goals": [{"code": "T1", "objectives": [{"code": "S1", "indicators": [{}, {}]}]}],
            "indicator_plans": [{"indicator": "IKU-1"}],
        },
        "realizations": [{"indicator": "IKU-1", "year": 2024, "quarter": 2}, {"indicator": 1}],
        "budget": [{"code": "1.06", "children": [{"code": "1.06.02"}]}],
        "agreements": [{"year": 2024}, {"year": "x"}],
        "standards": [{"indicator": "IKU-1"}],
        "stated": [{"location": "Tabel 3.3"}, {"indicator": "IKU-1"}, {}],
    }
    item = datafile._item(body, path)
    assert item is not None
    assert expected == item_words(item)


def test_a_path_outside_any_item_has_no_item() -> None:
    """A top-level key (``format``) belongs to no item."""
    assert datafile._item({}, "") is None


@pytest.mark.parametrize(
    ("place", "indonesian", "english"),
    [
        (
            {"row": 5, "column": "Realisasi"},
            "baris 5, kolom Realisasi",
            "line 5, column Realisasi",
        ),
        (
            {"row": 5, "column": "Target", "sheet": "PK"},
            "lembar PK, baris 5, kolom Target",
            "sheet PK, line 5, column Target",
        ),
        ({"row": 1}, "baris 1", "line 1"),
    ],
)
def test_a_table_error_is_placed_by_line_and_column(
    place: dict[str, object], indonesian: str, english: str
) -> None:
    """A CSV or XLSX problem: the file, then its sheet, line and column."""
    error = FieldError("bad", file="data.csv", value="x", expected="a finite number", **place)  # type: ignore[arg-type]
    assert error.describe().startswith(f"data.csv: {indonesian}: ")
    assert error.describe(lang="en").startswith(f"data.csv: {english}: ")


def test_a_value_without_a_column_and_a_message_without_words() -> None:
    """A known expectation is translated; an unknown one keeps the English message."""
    known = FieldError("bad", value="x", expected="a finite number")
    assert "nilai 'x' harus berupa angka" == known.describe()
    unknown = FieldError("the row fills a cell right of the last header", row=3)
    assert "baris 3: the row fills a cell right of the last header" == unknown.describe()


def test_each_problem_without_a_suggestion() -> None:
    """Nothing near enough to suggest: the sentence says what is wrong, and what is accepted."""
    key = detailed(FieldError("x", column="zzz"), problem=Problem.UNKNOWN_KEY)
    assert "kunci `zzz` tidak dikenal" == key.describe()
    missing = detailed(FieldError("x", column="code"), problem=Problem.MISSING_KEY)
    assert "the key `code` is required" == missing.describe(lang="en")
    code = detailed(FieldError("x", value="Q"), problem=Problem.UNKNOWN_INDICATOR)
    assert "indikator 'Q' tidak ada dalam rencana" == code.describe()
    word = detailed(
        FieldError("x", column="polarity", value=7),
        problem=Problem.INVALID_VALUE,
        accepted=("positif", "negatif"),
    )
    assert "`polarity` tidak menerima 7; kata yang diterima: `positif`, `negatif`" == (
        word.describe()
    )


def test_a_long_list_is_cut_and_counted() -> None:
    """After twenty problems, one line says how many more; a foreign sub-error is its str."""
    errors = [FieldError("bad", row=n, value="x", expected="a text") for n in range(2, 24)]
    group = DataFileError("cannot read", [*errors, ValueError("odd")], file="a.csv")  # type: ignore[list-item]
    lines = group.describe().splitlines()
    assert "a.csv: 23 masalah" == lines[0]
    assert "… dan 3 lagi" == lines[-1]
    assert 22 == len(lines)
    unnamed = DataFileError("cannot read", [ValueError("odd")])  # type: ignore[list-item]
    assert ["data: 1 problem", "odd"] == unnamed.describe(lang="en").splitlines()


@pytest.mark.parametrize(
    ("kind", "data", "indonesian", "english"),
    [
        ("toml", b"  ", "berkas kosong", "the file is empty"),
        (
            "toml",
            b"\xff\xfeabc",
            "berkas ini bukan teks UTF-8; simpan sebagai UTF-8",
            "the file is not UTF-8 text; save it as UTF-8",
        ),
        (
            "toml",
            b"format = \n",
            "baris 1, kolom 10: bukan TOML yang sah: Invalid value",
            "line 1, column 10: not valid TOML: Invalid value",
        ),
        (
            "json",
            b'{"a": }',
            "baris 1, kolom 7: bukan JSON yang sah: Expecting value",
            "line 1, column 7: not valid JSON: Expecting value",
        ),
        (
            "toml",
            b'format = "x"\nversion = 1\n',
            "`format` harus 'sakip-dataset'",
            "format must be 'sakip-dataset'",
        ),
        (
            "toml",
            b'format = "sakip-dataset"\nversion = 3\n',
            "versi 3 tidak didukung; sakip ini membaca versi 1 sampai 2",
            "version 3 is not supported; this sakip reads versions 1 to 2",
        ),
    ],
)
def test_a_file_that_is_no_dataset_says_so_in_the_readers_language(
    kind: str, data: bytes, indonesian: str, english: str
) -> None:
    """Empty, not UTF-8, not TOML or JSON, another format or version: one sentence each."""
    from sakip.io import loads_json, loads_toml

    reader = loads_toml if kind == "toml" else loads_json
    with pytest.raises(DataFileError) as caught:
        reader(data, file=f"d.{kind}")
    assert f"d.{kind}: {indonesian}" == caught.value.describe().splitlines()[1]
    assert f"d.{kind}: {english}" == caught.value.describe(lang="en").splitlines()[1]


def test_a_file_of_another_type_and_one_nested_too_deeply() -> None:
    """The suffix decides the reader; data deeper than Python can walk is one clear error."""
    with pytest.raises(DataFileError) as caught:
        load("catatan.txt")
    assert (
        "catatan.txt: jenis berkas .txt tidak dikenal; gunakan berkas .toml atau .json"
        == (caught.value.describe().splitlines()[1])
    )
    assert (
        "the data is nested too deeply to read"
        == (datafile._too_deep("d.json").describe(lang="en").splitlines()[1].split(": ", 1)[1])
    )


# --- tables: every problem in the reader's language -----------------------------------------

HEADER = "Kode;Indikator;Tahun;Target;Realisasi;Polaritas"


def _table_problems(tmp_path: Path, text: str, suffix: str = ".csv") -> list[FieldError]:
    from sakip.io import read_table

    path = tmp_path / f"tabel{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        read = read_table(path)
    except DataFileError as error:
        return [e for e in error.exceptions if isinstance(e, FieldError)]
    return list(read.errors)


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ("", "tabel kosong: tidak ada baris judul", "the table is empty: no header row"),
        (
            "Kode;Kode;Tahun;Realisasi\nA;A;2024;1\n",
            "kolom `Kode` muncul dua kali",
            "column `Kode` appears twice",
        ),
        (
            "Kode;Tahun;Realisasii\nA;2024;1\n",
            "kolom `Realisasii` tidak dikenal; maksud Anda `Realisasi`?",
            "unknown column `Realisasii`; did you mean `Realisasi`?",
        ),
        ("Kode;Tahun\nA;2024\n", "baris judul tidak memuat kolom", "the header has no column"),
        (
            f"{HEADER}\nA;X;2024;10;5;positif;9\n",
            "baris ini mengisi sel di kanan judul terakhir (kolom 6)",
            "the row fills a cell right of the last header (column 6)",
        ),
        (
            "Kode;;Tahun;Realisasi\nA;x;2024;1\n",
            "baris ini mengisi sel 2, yang kolomnya tidak berjudul",
            "the row fills cell 2, whose column has no header",
        ),
        (
            f"{HEADER}\nA;X;2024;10;5;positif\nA;X;2024;10;6;positif\n",
            "baris kedua untuk indikator dan periode yang sama (yang pertama baris 2)",
            "a second row for the same indicator and period (the first is row 2)",
        ),
        (
            f"{HEADER}\nA;X;2024;10;lima;positif\n",
            "`Realisasi` harus berupa angka (94,6 atau 94.6) (tertulis 'lima')",
            "`Realisasi` must be a number (94,6 or 94.6) (given 'lima')",
        ),
        (
            f"{HEADER}\nA;X;;10;5;positif\n",
            "`Tahun` kosong; harus diisi tahun",
            "`Tahun` is empty; must hold the year",
        ),
        (
            f"{HEADER}\nA;X;2024;10;5;naik\n",
            "`Polaritas` tidak menerima 'naik'; kata yang diterima: `positif`",
            "`Polaritas` does not take 'naik'; the words accepted: `positif`",
        ),
    ],
)
def test_a_table_problem_in_both_languages(
    tmp_path: Path, text: str, indonesian: str, english: str
) -> None:
    """Each problem a table reader finds is said in Indonesian and in English, placed."""
    problems = _table_problems(tmp_path, text)
    assert [] != problems
    assert any(indonesian in p.describe() for p in problems), [p.describe() for p in problems]
    assert any(english in p.describe(lang="en") for p in problems)


@pytest.mark.parametrize(
    ("suffix", "data", "indonesian", "english"),
    [
        (".txt", b"x", "jenis tabel .txt tidak dikenal", "unknown table type .txt"),
        (".csv", b"\xff\xfeK\x00", "berkas ini bukan teks UTF-8", "is not UTF-8 text"),
        (".csv", b"a\x00b", "berkas ini bukan teks UTF-8", "is not UTF-8 text"),
        (".xlsx", b"not a zip", "bukan buku kerja XLSX", "not a readable XLSX workbook"),
    ],
)
def test_a_file_that_is_no_table_says_so(
    tmp_path: Path, suffix: str, data: bytes, indonesian: str, english: str
) -> None:
    """A table of the wrong type, encoding or content is named in the reader's language."""
    from sakip.io import read_table

    path = tmp_path / f"tabel{suffix}"
    path.write_bytes(data)
    with pytest.raises(DataFileError) as caught:
        read_table(path)
    assert indonesian in caught.value.describe()
    assert english in caught.value.describe(lang="en")


def test_a_workbook_problem_names_the_sheets_it_has(tmp_path: Path) -> None:
    """A missing sheet lists the sheets there are; a hidden-only workbook says to name one."""
    openpyxl = pytest.importorskip("openpyxl")
    from sakip.io import read_table

    book = openpyxl.Workbook()
    book.active.title = "Data"
    path = tmp_path / "buku.xlsx"
    book.save(path)
    with pytest.raises(DataFileError) as caught:
        read_table(path, sheet="Realisasi")
    assert "tidak ada lembar `Realisasi`; lembar yang ada: `Data`" in caught.value.describe()
    assert "no sheet `Realisasi`; the workbook has: `Data`" in caught.value.describe(lang="en")


def test_a_collection_problem_in_both_languages(tmp_path: Path) -> None:
    """A path that is no data, a folder without files, a table without its agency column."""
    from sakip.collection import read_collection

    cases = []
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("x", encoding="utf-8")
    empty = tmp_path / "kosong"
    empty.mkdir()
    table = tmp_path / "nasional.csv"
    table.write_text("Kode;Tahun;Realisasi\nA;2024;1\n", encoding="utf-8")
    for path in (nothing, empty, table):
        with pytest.raises(DataFileError) as caught:
            read_collection(path)
        cases.append((caught.value.describe(), caught.value.describe(lang="en")))
    assert "bukan folder dan bukan tabel" in cases[0][0]
    assert "neither a folder nor a table" in cases[0][1]
    assert "folder tidak memuat berkas data" in cases[1][0]
    assert "tabel tidak memuat kolom instansi; beri salah satu judul ini: `" in cases[2][0]
    assert "the table has no agency column; name one of: `" in cases[2][1]


def test_an_unknown_claim_in_a_data_file_names_the_accepted_claims(tmp_path: Path) -> None:
    """A stated claim is a word of :class:`~sakip.Claim`: the nearest and the accepted ones."""
    path = tmp_path / "data.toml"
    claim = '\n[[stated]]\nkind = "claim"\nstated = "naik"\nindicator = "IKU-1"\nyear = 2024\n'
    text = BAD.replace("polarty", "polarity").replace('"positip"', '"negatif"')
    text = text.split("[[realizations]]")[0] + claim + 'claim = "membaek"\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load(path)
    said = caught.value.describe()
    assert "`claim` tidak menerima 'membaek'; maksud Anda `membaik`?" in said
    assert "`di bawah standar nasional`, `di atas standar nasional`, `membaik`" in said
    assert "`target-not-met`" in caught.value.describe(lang="en")
