"""A large plain table read column by column: the same reads and results as row by row."""

from __future__ import annotations

import builtins
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip.batch import Coded, achievements
from sakip.collection import read_collection
from sakip.io import plain_table
from sakip.io.csv_reader import read_csv
from sakip.io.rows import TableRows
from tests.strategies import TARGET_TEXTS

_CELLS = {
    "Instansi": st.sampled_from(["Pemda A", "Pemda B", " Pemda A ", ""]),
    "Kode": st.sampled_from(["IKU-1", "IKU-2", " IKU-3 ", "IKU-1", ""]),
    "Indikator": st.sampled_from(["Persentase PPKS", "Indeks", ""]),
    "Satuan": st.sampled_from(["%", "indeks", "", "'-5"]),
    "Rumus": st.sampled_from(["", "", "", "direct", "mirror", "inverse", "nope"]),
    "Tahun": st.sampled_from(["2024", "2023", " 2022", "2024", "", "dua"]),
    "Triwulan": st.sampled_from(["", "", "I", "TW II", "4", "5"]),
    "Polaritas": st.sampled_from(["", "positif", "negatif", "Negative", "naik"]),
    "Target": st.sampled_from([*TARGET_TEXTS, "94,60", ",5"]),
    "Realisasi": st.sampled_from(
        ["95", "100,42", "95,50", "2,500.75", "13.773", "0", "-3,5", "5,", "n/a", ""]
    ),
    "Target Atas": st.sampled_from(["", "", "90"]),
    "Catatan": st.sampled_from(["", "apa saja", "'=1+1"]),
    "Capaian": st.sampled_from(["", "101,1"]),
}
_REQUIRED = ["Kode", "Tahun", "Target", "Realisasi"]
_OPTIONAL = [h for h in _CELLS if h not in _REQUIRED and h != "Instansi"]


@st.composite
def _tables(draw: st.DrawFn, *, agency: bool = False) -> list[list[str]]:
    """A table's cells: mostly plain rows, now and then a bad cell, a row twice, a comparator."""
    headers = _REQUIRED + draw(st.lists(st.sampled_from(_OPTIONAL), unique=True, max_size=4))
    headers = draw(st.permutations(headers))
    if agency:
        headers = ["Instansi", *headers]
    if draw(st.integers(0, 30)) == 0:
        headers = [*headers, draw(st.sampled_from(["", "2024", "Realisai", "Kode", "'=Kode"]))]
    cells = [_CELLS.get(header, st.just("1")) for header in headers]
    rows = draw(st.lists(st.tuples(*cells).map(list), min_size=1, max_size=14))
    return [headers, *rows]


def _csv(table: list[list[str]], *, crlf: bool = False, bom: bool = False) -> bytes:
    end = "\r\n" if crlf else "\n"
    text = end.join(";".join(row) for row in table) + end
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


@pytest.fixture
def plain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any CSV file counts as large: the column-wise path is tried first."""
    monkeypatch.setattr(plain_table, "LARGE_FILE", 0)
    return


def _both(data: bytes, **options: object) -> tuple[object, object]:
    """The read through the column-wise path (when taken) and through the row reader."""

    def read() -> object:
        try:
            return read_csv(data, file="t.csv", **options)  # type: ignore[arg-type]
        except sakip.SakipError as error:
            return error

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plain_table, "LARGE_FILE", 0)
        fast = read()
        patch.setattr(plain_table, "LARGE_FILE", 10**12)
        slow = read()
    return fast, slow


def _same_results(fast: sakip.io.TableRead, slow: sakip.io.TableRead) -> None:
    for scale in ("permendagri-86-2017", "sakip-predicate"):
        quick = sakip.io.evaluate(fast.rows, scale=scale)
        exact = sakip.io.evaluate(slow.rows, scale=scale)
        assert list(exact) == list(quick)
        assert exact.printed == quick.printed
        assert exact.percents == quick.percents
        assert exact.hundredths == quick.hundredths
        assert (exact.ratings, exact.reasons) == (quick.ratings, quick.reasons)
        assert exact.formulas == quick.formulas
        assert list(exact[1:]) == list(quick[1:])
        assert exact.rows == quick.rows


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _tables(),
    st.sampled_from([None, ",", "."]),
    st.sampled_from([40, 3]),
    st.booleans(),
    st.booleans(),
)
def test_a_plain_table_reads_as_the_row_reader_reads_it(
    table: list[list[str]], decimal: str | None, digits: int, crlf: bool, bom: bool
) -> None:
    """Both notations, ranges, comparators, quarters, bad cells, a row twice, limits."""
    limits = sakip.io.Limits(digits_per_number=digits)
    fast, slow = _both(_csv(table, crlf=crlf, bom=bom), decimal=decimal, limits=limits)
    assert repr(slow) == repr(fast)
    if isinstance(slow, sakip.io.TableRead):
        assert isinstance(fast, sakip.io.TableRead)
        assert [(repr(e), str(e)) for e in slow.errors] == [(repr(e), str(e)) for e in fast.errors]
        assert attrs.evolve(slow, errors=()) == attrs.evolve(fast, errors=())
        assert slow.warnings == fast.warnings
        _same_results(fast, slow)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tables(agency=True))
def test_a_plain_national_table_splits_as_the_row_reader_splits_it(
    table: list[list[str]],
) -> None:
    """Each agency's rows, in the notation its own cells decide, and their results."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        path = Path(folder) / "nasional.csv"
        path.write_bytes(_csv(table))
        patch.setattr(plain_table, "LARGE_FILE", 0)
        fast = read_collection(path)
        patch.setattr(plain_table, "LARGE_FILE", 10**12)
        slow = read_collection(path)
    assert [(m.name, m.key) for m in slow.members] == [(m.name, m.key) for m in fast.members]
    assert [str(p) for p in slow.problems] == [str(p) for p in fast.problems]
    for quick, exact in zip(fast.members, slow.members, strict=True):
        assert exact.rows == quick.rows
        assert list(sakip.io.evaluate(exact.rows)) == list(sakip.io.evaluate(quick.rows))
        assert sakip.io.evaluate(exact.rows).printed == sakip.io.evaluate(quick.rows).printed


_PLAIN = [
    ["Kode", "Indikator", "Tahun", "Triwulan", "Polaritas", "Target", "Realisasi"],
    ["IKU-1", "Persentase PPKS", "2023", "", "positif", "91,5", "90"],
    ["IKU-1", "Persentase PPKS", "2024", "", "positif", "94,6", "95"],
    ["IKU-1", "Persentase PPKS", "2024", "II", "positif", "", "47,5"],
    ["IKU-2", "Angka kemiskinan", "2024", "", "negatif", "60 - 85", "9,5"],
    ["IKU-3", "Indeks", "2024", "", "positif", "0", ""],
]


def test_a_large_plain_table_is_held_as_columns(plain: None) -> None:
    """The rows are built when asked for, equal to the tuple of the row reader's rows."""
    read = read_csv(_csv(_PLAIN), file="t.csv")
    assert isinstance(read.rows, TableRows)
    _, slow = _both(_csv(_PLAIN))
    assert isinstance(slow, sakip.io.TableRead)
    rows = slow.rows
    assert isinstance(rows, tuple)
    assert read.rows == rows
    assert rows == read.rows  # the tuple's own comparison gives way to the rows'
    assert read.rows != list(rows)
    assert hash(read.rows) == hash(rows)
    assert repr(read.rows) == repr(rows)
    assert read.rows[-1] == rows[-1]
    assert read.rows[1:3] == rows[1:3]
    assert read.rows[1:][1:] == rows[2:]
    assert isinstance(read.rows[1:], TableRows)
    with pytest.raises(IndexError):
        read.rows[5]
    assert read.to_dict() == slow.to_dict()
    assert read._repr_html_() == slow._repr_html_()
    assert [row.line for row in read.rows] == [2, 3, 4, 5, 6]
    assert read.notations[0].rows == (2, 3)  # the rows proving the decimal comma
    assert read.notations == slow.notations
    results = sakip.io.evaluate(read.rows)
    assert results.rows is read.rows
    assert ("100,42", "Sangat Tinggi") == (results.printed[1], results.ratings[1])
    assert (None, "no target") == (results.printed[2], results.reasons[2])
    assert "no realization reported" == results.reasons[4]


def test_a_table_with_a_large_figure_prints_it_whole(plain: None) -> None:
    """Hundredths beyond 64 bits take the scalar path, and print with thousands grouped."""
    table = [["Kode", "Tahun", "Target", "Realisasi"], ["A", "2024", "0,000001", "9" * 15]]
    fast, slow = _both(_csv(table))
    assert isinstance(fast, sakip.io.TableRead)
    assert isinstance(slow, sakip.io.TableRead)
    assert isinstance(fast.rows, TableRows)
    assert sakip.io.evaluate(slow.rows).printed == sakip.io.evaluate(fast.rows).printed


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'Kode;Tahun;Target;Realisasi\n"A";2024;1;1\n', id="a quote"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\rA;2024;1;1\r", id="a lone CR"),
        pytest.param(b"\nKode;Tahun;Target;Realisasi\nA;2024;1;1\n", id="a blank first line"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\n\nA;2024;1;1\n", id="a blank line"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\r\n\r\nA;2024;1;1\r\n", id="a blank CRLF"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\nA;2024;1;1;\n", id="a cell too many"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\nA;2024;1\n", id="a cell too few"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\n", id="no data row"),
        pytest.param(b"Kode;Tahun;2024;Realisasi\nA;2024;1;1\n", id="a numeric header"),
        pytest.param(b"Kode;Tahun;Target;Realisasi;\nA;2024;1;1;\n", id="a blank header"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\nA;2024;1;1\nA;2024;2;2\n", id="a row twice"),
        pytest.param(b"Kode;Indikator;Tahun;Realisasi\nA;X;2024;1\n;X;2024;1\n", id="code, name"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\n;2024;1;1\n", id="no indicator"),
        pytest.param(b"Kode;Tahun;Target;Realisasi\nA;2024;94,6;2.500,5\n", id="plain"),
    ],
)
def test_only_a_plain_table_takes_the_column_wise_path(plain: None, data: bytes) -> None:
    """Anything else goes to the row reader, which reports each problem; the reads agree."""
    fast, slow = _both(data)
    assert repr(slow) == repr(fast)
    if isinstance(fast, sakip.io.TableRead):
        plain_read = fast.ok and fast.rows and b"94,6" in data
        assert isinstance(fast.rows, TableRows) == bool(plain_read)


def test_the_limits_hold_on_the_column_wise_path(plain: None) -> None:
    """Too many cells, a cell too long: refused as the row reader refuses them."""
    data = _csv(_PLAIN)
    for limits in (
        sakip.io.Limits(cells_per_sheet=20),
        sakip.io.Limits(characters_per_cell=10),
    ):
        fast, slow = _both(data, limits=limits)
        assert isinstance(fast, sakip.io.LimitError)
        assert str(slow) == str(fast)


def test_a_hint_the_cells_contradict_goes_to_the_row_reader(plain: None) -> None:
    fast, slow = _both(_csv(_PLAIN), decimal=".")
    assert isinstance(fast, sakip.io.TableRead)
    assert not isinstance(fast.rows, TableRows)
    assert repr(slow) == repr(fast)
    bad = _both(_csv(_PLAIN), decimal=";")
    assert str(bad[0]) == str(bad[1])


def test_without_pandas_the_row_reader_reads_a_large_table(
    plain: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def without_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", without_pandas)
    read = read_csv(_csv(_PLAIN), file="t.csv")
    assert isinstance(read.rows, tuple)


def test_a_small_file_is_read_row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under LARGE_FILE, pandas would cost more than it saves.

    Before pandas is imported, under COLD_FACTOR times that: importing it takes seconds.
    """
    data = _csv(_PLAIN)
    assert isinstance(read_csv(data, file="t.csv").rows, tuple)
    monkeypatch.setattr(plain_table, "LARGE_FILE", len(data) // 4)
    assert isinstance(read_csv(data, file="t.csv").rows, TableRows)
    monkeypatch.setattr(plain_table, "_pandas_imported", lambda: False)
    assert isinstance(read_csv(data, file="t.csv").rows, tuple)
    monkeypatch.setattr(plain_table, "LARGE_FILE", len(data) // plain_table.COLD_FACTOR)
    assert isinstance(read_csv(data, file="t.csv").rows, TableRows)


def test_too_many_keys_to_number_go_to_the_row_reader(
    plain: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plain_table, "_KEY_LIMIT", 4)
    fast, slow = _both(_csv(_PLAIN))
    assert isinstance(fast, sakip.io.TableRead)
    assert isinstance(fast.rows, tuple)
    assert repr(fast) == repr(slow)


def test_a_national_table_without_an_agency_column_is_refused(plain: None, tmp_path: Path) -> None:
    path = tmp_path / "nasional.csv"
    path.write_bytes(_csv(_PLAIN))
    with pytest.raises(sakip.io.DataFileError) as raised:
        read_collection(path)
    assert "no agency column" in str(raised.value.exceptions[0])


def test_a_national_table_that_is_not_utf8_is_refused(plain: None, tmp_path: Path) -> None:
    path = tmp_path / "nasional.csv"
    path.write_bytes(_csv([["Instansi", *_PLAIN[0]], ["Dinas", *_PLAIN[1]]]) + b"\xff")
    with pytest.raises(sakip.io.DataFileError) as raised:
        read_collection(path)
    assert "cannot read the table" in str(raised.value.exceptions[0])


def test_agencies_in_the_order_they_first_come(plain: None, tmp_path: Path) -> None:
    header = ["Instansi", "Kode", "Tahun", "Target", "Realisasi"]
    table = [
        header,
        ["Kota B", "IKU-1", "2023", "90", "91"],
        ["Kota A", "IKU-1", "2023", "90", "91"],
        ["Kota A", "IKU-1", "2024", "90", "91"],
        [" Kota B", "IKU-1", "2024", "90", "91"],
    ]
    path = tmp_path / "nasional.csv"
    path.write_bytes(_csv(table))
    members = read_collection(path).members
    assert [("Kota B", "kota-b"), ("Kota A", "kota-a")] == [(m.name, m.key) for m in members]
    assert isinstance(members[0].rows, TableRows)
    assert [[2, 5], [3, 4]] == [[row.line for row in m.rows] for m in members]
    # A row twice in one agency: the row reader reads the table, and says so.
    path.write_bytes(_csv([*table, ["Kota A", "IKU-1", "2024", "90", "92"]]))
    again = read_collection(path)
    assert not isinstance(again.members[0].rows, TableRows)
    assert "a second row for IKU-1 2024" in str(again.problems[0].exceptions[0])


@pytest.mark.parametrize(
    ("figures", "columnar"),
    [
        pytest.param(["94.6", "95.5"], True, id="English, proven"),
        pytest.param(["94.6", "13.773"], False, id="English and ambiguous"),
        pytest.param(["94,6", "13.773"], True, id="Indonesian and ambiguous"),
    ],
)
def test_each_agency_reads_its_own_notation(
    plain: None, tmp_path: Path, figures: list[str], columnar: bool
) -> None:
    table = [["Instansi", "Kode", "Tahun", "Target", "Realisasi"]]
    table += [
        ["Kota A", "IKU-1", "2024", "90", figures[0]],
        ["Kota B", "IKU-1", "2024", "90", figures[1]],
    ]
    path = tmp_path / "nasional.csv"
    path.write_bytes(_csv(table))
    fast = read_collection(path)
    assert isinstance(fast.members[0].rows, TableRows) == columnar
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plain_table, "LARGE_FILE", 10**12)
        slow = read_collection(path)
    assert [m.rows for m in slow.members] == [m.rows for m in fast.members]


def test_a_table_of_names_without_codes(plain: None) -> None:
    table = [["Indikator", "Tahun", "Target", "Realisasi"], ["Persentase", "2024", "90", "91"]]
    fast, slow = _both(_csv(table))
    assert isinstance(fast, sakip.io.TableRead)
    assert isinstance(fast.rows, TableRows)
    assert fast.rows == slow.rows  # type: ignore[union-attr]
    assert ("Persentase", 2024, None) == fast.rows[0].key


def test_a_guarded_text_goes_to_the_row_reader(plain: None) -> None:
    """The row reader takes the apostrophe off a formula's start ('-5 is the text -5)."""
    table = [["Kode", "Satuan", "Tahun", "Target", "Realisasi"], ["A", "'-5", "2024", "1", "1"]]
    fast, slow = _both(_csv(table))
    assert isinstance(fast, sakip.io.TableRead)
    assert not isinstance(fast.rows, TableRows)
    assert repr(fast) == repr(slow)
    assert fast.rows[0].unit == "-5"


def test_many_possible_keys_are_sorted_not_counted(plain: None) -> None:
    table = [["Kode", "Tahun", "Target", "Realisasi"]]
    table += [[f"IKU-{n}", str(1900 + n), "90", "91"] for n in range(100)]
    fast, slow = _both(_csv(table))
    assert isinstance(fast, sakip.io.TableRead)
    assert isinstance(fast.rows, TableRows)
    assert fast.rows == slow.rows  # type: ignore[union-attr]
    fast, slow = _both(_csv([*table, table[-1]]))
    assert isinstance(fast, sakip.io.TableRead)
    assert not isinstance(fast.rows, TableRows)
    assert repr(fast) == repr(slow)


def test_a_formula_that_does_not_fit_gives_each_row_its_reason(plain: None) -> None:
    """An unknown formula, or one for the other polarity, stops only its own rows."""
    table = [
        ["Kode", "Tahun", "Polaritas", "Rumus", "Target", "Realisasi"],
        ["A", "2024", "positif", "nope", "90", "91"],
        ["B", "2024", "negatif", "direct", "90", "91"],
        ["C", "2024", "positif", "direct", "90", "91"],
        ["D", "2024", "negatif", "", "90", "91"],
    ]
    fast, slow = _both(_csv(table))
    assert isinstance(fast, sakip.io.TableRead)
    assert isinstance(fast.rows, TableRows)
    assert isinstance(slow, sakip.io.TableRead)
    _same_results(fast, slow)
    results = sakip.io.evaluate(fast.rows)
    assert [None, None, "101,11", "98,89"] == list(results.printed)
    assert "unknown" in str(results.reasons[0])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,-–+ sd%≥", max_size=12))
def test_a_text_that_proves_no_notation_reads_alike_under_any_hint(text: str) -> None:
    """Why one hint serves every agency of a national table (see _notation)."""
    from sakip.io._notation import evidence
    from sakip.io.row_reader import plain_text

    limits = sakip.io.Limits()
    if evidence(text) == (None, False):
        for column in ("target", "realization"):
            readings = {repr(plain_text(column, text, hint, limits)) for hint in (",", ".", None)}
            assert len(readings) == 1


# --- the batch core takes a column as its distinct values and codes ---------------------------


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["95", "94.60", "0", "-3", "x", None, 7, 1.5, "1e-9"]), min_size=1),
    st.lists(st.integers(0, 100), max_size=20),
    st.sampled_from(["positive", "negative"]),
)
def test_a_coded_column_computes_as_the_column_written_out(
    values: list[object], picks: list[int], polarity: str
) -> None:
    codes = np.array([pick % len(values) for pick in picks], dtype=np.intp)
    written = [values[code] for code in codes.tolist()]
    targets = ["94.6", sakip.TargetRange(Decimal(60), Decimal(85)), sakip.Target(Decimal(0))]
    t_codes = np.array([pick % 3 for pick in picks[::-1]], dtype=np.intp)
    t_written = [targets[code] for code in t_codes.tolist()]
    coded = achievements(
        Coded(values, codes),
        Coded(targets, t_codes),
        polarity=Coded([polarity, None], np.zeros(len(codes), dtype=np.intp)),
    )
    plain = achievements(written, t_written, polarity=[polarity] * len(written))
    assert coded.hundredths.tolist() == plain.hundredths.tolist()
    assert coded.label.tolist() == plain.label.tolist()
    assert coded.reason.tolist() == plain.reason.tolist()


def test_a_coded_column_with_a_missing_polarity_or_bad_codes() -> None:
    codes = np.array([0, 1], dtype=np.intp)
    result = achievements(["95", "95"], ["94.6", "94.6"], polarity=Coded(["positif", None], codes))
    assert result.reason[1] == str(
        sakip.InvalidValueError("polarity", None, "'positive' or 'negative'")
    )
    with pytest.raises(sakip.InvalidValueError, match="codes from 0 to 1"):
        achievements(Coded(["95", "96"], np.array([0, 2])), ["1", "1"])
    with pytest.raises(sakip.InvalidValueError, match="1-D"):
        achievements(Coded(["95"], np.zeros((1, 1), dtype=np.intp)), ["1"])
    with pytest.raises(sakip.InvalidValueError, match="one or 1 values"):
        achievements(["95"], ["1"], polarity=Coded(["positif"], np.array([0, 0])))
