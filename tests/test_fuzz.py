"""Fuzzing the way in: whatever a reader or a parser is given, it returns or raises SakipError.

Each test gives its function 10 000 inputs (100 000 with ``pytest --slow``; see conftest.py),
drawn by Hypothesis in batches of 50 per example, since one example costs far more than one
input. An exception other than :class:`sakip.SakipError` escaping fails the test, and
Hypothesis shrinks the batch to the one input that raised it.
"""

from __future__ import annotations

import datetime
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip._decimal import to_decimal
from sakip.io.tables import COLUMNS, read_csv, read_rows, read_xlsx
from tests.conftest import FUZZ_BATCH

pytestmark = pytest.mark.fuzz
FUZZ = settings.get_profile("fuzz")

_WORKDIR = Path(tempfile.mkdtemp(prefix="sakip-fuzz-"))


def batch(*strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    """A batch of inputs, each a tuple drawn from ``strategies``."""
    return st.lists(st.tuples(*strategies), min_size=FUZZ_BATCH, max_size=FUZZ_BATCH)


def refused_cleanly(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``function``; a SakipError is a clean refusal, anything else escapes and fails."""
    try:
        return function(*args, **kwargs)
    except sakip.SakipError:
        return None


# --- what the inputs are made of ----------------------------------------------------------

_NUMBER_CHARACTERS = [
    *("0123456789" * 3 + ".,.,-+ ()%-eE_"),
    "Rp",
    "Rp.",
    "IDR",
    ",-",
    ".-",
    "\N{NO-BREAK SPACE}",
    "\N{THIN SPACE}",
    "\N{MINUS SIGN}",
    "\x1b",
    "\x0b",
    "\t",
    "\n",
    "\u200b",
    "\u202e",
    "١",
    "NaN",
    "inf",
]
number_texts = st.one_of(
    st.lists(st.sampled_from(_NUMBER_CHARACTERS), max_size=14).map("".join),
    st.text(max_size=20),
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=10**350, max_value=10**450),
    st.floats(),
    st.decimals(),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: d.scaleb(5000)),
    st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: d.scaleb(-5000)),
    st.fractions(),
    st.complex_numbers(),
    st.booleans(),
    st.none(),
    number_texts,
)
_HEADERS = [alias for aliases in COLUMNS.values() for alias in aliases]
headers = st.lists(
    st.one_of(
        st.sampled_from(_HEADERS),
        st.sampled_from(_HEADERS).map(str.upper),
        st.text(max_size=10),
        st.none(),
    ),
    max_size=8,
)
cells = st.one_of(
    st.none(),
    number_texts,
    st.integers(min_value=1800, max_value=2300),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.booleans(),
    st.sampled_from(["I", "TW II", "Q3", "positif", "negatif", "60-85", "60 s.d. 85", "-"]),
    st.datetimes(),
    st.dates(),
)
tables = st.tuples(headers, st.lists(st.lists(cells, max_size=9), max_size=6)).map(
    lambda parts: [parts[0], *parts[1]]
)


def _csv_text(rows: list[list[object]], delimiter: str, quote: bool) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return f'"{text}"' if quote else text

    return "\n".join(delimiter.join(cell(value) for value in row) for row in rows)


csv_bytes = st.one_of(
    st.binary(max_size=200),
    st.builds(_csv_text, tables, st.sampled_from([";", ",", "\t"]), st.booleans()).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    ),
)

# A small workbook, its parts, and random parts in their place.


def _workbook_parts() -> dict[str, bytes]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["Kode", "Tahun", "Target", "Realisasi"], ["A", 2024, "94,6", 0.95]]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


_PARTS = _workbook_parts()


def _mutated(data: bytes, start: int, length: int, insert: bytes) -> bytes:
    start = start % (len(data) + 1)
    return data[:start] + insert + data[start + length :]


part_contents = st.one_of(
    st.binary(max_size=100),
    st.builds(
        _mutated,
        st.sampled_from(sorted(_PARTS.values())),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=20),
        st.binary(max_size=20),
    ),
)
archives = st.dictionaries(
    st.one_of(
        st.sampled_from(sorted(_PARTS)),
        st.text(
            st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
            min_size=1,
            max_size=10,
        ),
    ),
    part_contents,
    max_size=len(_PARTS) + 1,
)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_DATASET = json.loads(sakip.io.dumps_json(sakip.io.load("examples/dinsos-kota-metro-2024.toml")))


def _replace(data: Any, path: list[int], value: Any) -> Any:
    """``data`` with the value at a path of indices (each modulo the container's size) swapped."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = _replace(data[key], path[1:], value)  # type: ignore[index]
    return copy


datasets = st.builds(
    _replace,
    st.just(_DATASET),
    st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=6),
    json_values,
)


# --- the scalar functions -----------------------------------------------------------------


@FUZZ
@given(batch(number_texts, st.sampled_from([None, ".", ",", ";", 5])))
def test_parse_number_returns_a_finite_decimal_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """parse_number gives a finite Decimal or raises SakipError."""
    for text, decimal in inputs:
        result = refused_cleanly(sakip.parse_number, text, decimal=decimal)
        assert result is None or (isinstance(result, Decimal) and result.is_finite())


@FUZZ
@given(batch(numbers))
def test_to_decimal_returns_a_finite_decimal_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """to_decimal, behind every model constructor, gives a finite Decimal or raises SakipError."""
    for (value,) in inputs:
        result = refused_cleanly(to_decimal, value, "value")
        assert result is None or (isinstance(result, Decimal) and result.is_finite())


@FUZZ
@given(
    batch(
        numbers,
        st.one_of(st.none(), st.integers(min_value=-3, max_value=30), st.booleans()),
        st.sampled_from(["id", "en", "fr"]),
    )
)
def test_format_functions_return_text_or_refuse(inputs: list[tuple[Any, ...]]) -> None:
    """format_number, format_percent and format_rupiah give text or raise SakipError."""
    for value, places, lang in inputs:
        for function in (sakip.format_number, sakip.format_percent, sakip.format_rupiah):
            result = refused_cleanly(function, value, places, lang=lang)
            assert result is None or isinstance(result, str)


@FUZZ
@given(batch(st.one_of(st.text(max_size=30), numbers)))
def test_parse_date_and_month_return_dates_or_refuse(inputs: list[tuple[Any, ...]]) -> None:
    """parse_date and parse_month give a date and a (year, month) or raise SakipError."""
    for (text,) in inputs:
        day = refused_cleanly(sakip.parse_date, text)
        assert day is None or isinstance(day, datetime.date)
        month = refused_cleanly(sakip.parse_month, text)
        assert month is None or isinstance(month, tuple)


@FUZZ
@given(batch(numbers, numbers))
def test_model_constructors_accept_or_refuse(inputs: list[tuple[Any, ...]]) -> None:
    """Targets and realizations, built from any values, are built or refused with SakipError."""
    for low, high in inputs:
        refused_cleanly(sakip.TargetRange, low, high)
        refused_cleanly(sakip.Target, low)
        refused_cleanly(
            sakip.Realization, indicator="A", year=2024, numerator=low, denominator=high
        )
        assert isinstance(low in sakip.TargetRange(0, 100), bool)


# --- the readers --------------------------------------------------------------------------


@FUZZ
@given(batch(tables, st.sampled_from([None, ".", ","])))
def test_read_rows_reads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """read_rows (from_frame's reader) returns a TableRead or raises SakipError."""
    for rows, decimal in inputs:
        result = refused_cleanly(read_rows, rows, decimal=decimal)
        assert result is None or isinstance(result, sakip.io.TableRead)


@FUZZ
@given(batch(csv_bytes, st.integers(min_value=1, max_value=3)))
def test_read_csv_reads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """read_csv returns a TableRead or raises SakipError, whatever the bytes."""
    for data, header_row in inputs:
        result = refused_cleanly(read_csv, data, header_row=header_row)
        assert result is None or isinstance(result, sakip.io.TableRead)


@FUZZ
@given(batch(archives))
def test_read_xlsx_reads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """read_xlsx on any zip of workbook parts (real, broken or random) reads or refuses."""
    path = _WORKDIR / "fuzz.xlsx"
    for (parts,) in inputs:
        path.write_bytes(_zip(parts))
        result = refused_cleanly(read_xlsx, path)
        assert result is None or isinstance(result, sakip.io.TableRead)


@FUZZ
@given(batch(st.one_of(csv_bytes, st.builds(_zip, archives)), st.sampled_from([".csv", ".xlsx"])))
def test_read_table_reads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """read_table, CSV or XLSX by the suffix, reads or refuses whatever the file holds."""
    for data, suffix in inputs:
        path = _WORKDIR / f"fuzz{suffix}"
        path.write_bytes(data)
        result = refused_cleanly(sakip.io.read_table, path)
        assert result is None or isinstance(result, sakip.io.TableRead)


@FUZZ
@given(batch(st.one_of(datasets, json_values)))
def test_loads_json_loads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """loads_json on any JSON (a real dataset with one value swapped, or any) loads or refuses."""
    for (data,) in inputs:
        text = json.dumps(data)
        result = refused_cleanly(sakip.io.loads_json, text)
        assert result is None or isinstance(result, sakip.Dataset)


def _toml(data: Any) -> str:
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):  # tomli_w writes only tables of what TOML can hold
        return str(data)


@FUZZ
@given(batch(st.one_of(datasets.map(_toml), st.text(max_size=200))))
def test_loads_toml_loads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """loads_toml on any text (a real dataset with one value swapped, or any) loads or refuses."""
    for (text,) in inputs:
        result = refused_cleanly(sakip.io.loads_toml, text)
        assert result is None or isinstance(result, sakip.Dataset)


@FUZZ
@given(batch(st.one_of(st.binary(max_size=200), datasets.map(json.dumps).map(str.encode))))
def test_load_loads_or_refuses(inputs: list[tuple[Any, ...]]) -> None:
    """load, TOML or JSON by the suffix, loads or refuses whatever the file holds."""
    for (data,) in inputs:
        for suffix in (".toml", ".json"):
            path = _WORKDIR / f"fuzz{suffix}"
            path.write_bytes(data)
            result = refused_cleanly(sakip.io.load, path)
            assert result is None or isinstance(result, sakip.Dataset)
