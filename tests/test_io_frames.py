"""pandas DataFrames: model to frame and back, results identical to the scalar API."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sakip
import sakip.io
from sakip.io import DataFileError, from_frame, results_frame, to_frame
from sakip.io.frames import DETAIL_COLUMNS, FRAME_COLUMNS, RESULT_FRAME_COLUMNS
from sakip.io.tables import read_rows, table_rows
from tests.strategies import decimals, polarities, positive_decimals

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
INVENTED = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"


def test_to_frame_has_one_row_per_realization() -> None:
    """A dataset's frame has the documented columns and exact Decimal numbers."""
    dataset = sakip.io.load(SEED)
    frame = to_frame(dataset)
    assert list(FRAME_COLUMNS) == list(frame.columns)
    assert len(dataset.realizations) == len(frame)
    row = frame[(frame["code"] == "IKU-1") & (frame["year"] == 2024)].iloc[0]
    assert (Decimal("94.6"), Decimal(95), Decimal(13773)) == (
        row["target"],
        row["realization"],
        row["numerator"],
    )


def test_from_frame_reads_back_what_to_frame_wrote() -> None:
    """to_frame then from_frame gives the same rows, ranges and quarters included."""
    rows = table_rows(sakip.io.load(INVENTED))
    read = from_frame(to_frame(rows))
    assert () == read.errors
    assert list(rows) == [attrs.evolve(row, line=None) for row in read.rows]
    assert list(range(len(rows))) == [row.line for row in read.rows]


def test_a_dataset_frame_gives_back_its_realizations() -> None:
    """to_frame then from_frame then realizations() gives the dataset's realizations."""
    dataset = sakip.io.load(INVENTED)
    realizations = from_frame(to_frame(dataset)).realizations()
    assert dataset.realizations == realizations
    rebuilt = attrs.evolve(dataset, realizations=realizations)
    assert dataset == rebuilt


def test_rows_without_a_realization_are_not_realizations() -> None:
    """A row with no realization is left out; a row without a code uses its name."""
    frame = pd.DataFrame(
        {"Indikator": ["Cakupan", "Rasio"], "Tahun": [2024, 2024], "Realisasi": [5, None]}
    )
    assert (sakip.Realization(indicator="Cakupan", year=2024, value=5),) == (
        from_frame(frame).realizations()
    )


def test_from_frame_reports_bad_cells_by_index_label() -> None:
    """A bad cell names its row by the frame's index label; NaN is a missing cell."""
    frame = pd.DataFrame(
        {"Kode": ["A", "B", "C"], "Tahun": [2024, 2024, 2024], "Realisasi": [1.5, "x", None]},
        index=["satu", "dua", "tiga"],
    )
    frame["Target"] = [float("nan"), 1, pd.NA]
    read = from_frame(frame)
    assert ["DataFrame:dua:Realisasi: expected a number (94,6 or 94.6) (got 'x')"] == [
        str(e) for e in read.errors
    ]
    assert [(None, Decimal("1.5")), (None, None)] == [
        (row.target, row.realization) for row in read.rows
    ]


def test_results_frame_keeps_every_row_and_says_why() -> None:
    """Results have the input's index; a row without a figure has a reason."""
    frame = pd.DataFrame(
        {
            "year": [2024, 2024, "x", 2024],
            "code": ["IKU-1", "SAKIP", "BAD", "NONE"],
            "target": [94.6, "68,14", 1, 0],
            "realization": [95, Decimal("69.16"), 1, 5],
        },
        index=[10, 20, 30, 40],
    )
    results = results_frame(frame)
    assert list(RESULT_FRAME_COLUMNS) == list(results.columns)
    assert [10, 20, 30, 40] == list(results.index)
    assert ["100,42", "101,50", None, None] == list(results["printed"])
    assert [Decimal("100.42"), Decimal("101.50")] == list(results["percent"][:2])
    assert "direct" == results.loc[10, "formula"]
    assert "Tahun" not in str(results.loc[30, "reason"])
    assert "year: expected a year (2024) (got 'x')" == results.loc[30, "reason"]
    assert str(results.loc[40, "reason"]).startswith("achievement is not computable")
    detailed = results_frame(frame, detail=True)
    assert [*RESULT_FRAME_COLUMNS, *DETAIL_COLUMNS] == list(detailed.columns)
    assert "95 / 94,6 × 100 = 100,42 %" == detailed.loc[10, "explanation"]
    assert Decimal("100.4228329809725158562367865") == detailed.loc[10, "achievement"]
    assert [None, None] == [detailed.loc[30, "achievement"], detailed.loc[40, "explanation"]]


def test_results_frame_needs_the_key_columns() -> None:
    """A frame without a year column is one error, raised."""
    with pytest.raises(DataFileError) as caught:
        results_frame(pd.DataFrame({"code": ["A"], "realization": [1]}))
    assert ["DataFrame:1: no column 'Tahun' in the header"] == [
        str(e) for e in caught.value.exceptions
    ]


def test_only_dataframes_are_read() -> None:
    """Something that is not a DataFrame is refused."""
    with pytest.raises(sakip.InvalidValueError):
        from_frame([["Kode", "Tahun"]])  # type: ignore[arg-type]


def test_numpy_numbers_are_read_as_their_python_values() -> None:
    """int64 and float64 cells are read as int and through the float's shortest repr."""
    frame = pd.DataFrame({"Kode": ["A"], "Tahun": [2024], "Target": [94.6], "Realisasi": [95]})
    row = from_frame(frame).rows[0]
    assert (2024, sakip.Target("94.6"), Decimal(95)) == (row.year, row.target, row.realization)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            decimals(min_value=0, max_value=10**6, places=3),
            positive_decimals(max_value=10**6, places=3),
            polarities,
            st.booleans(),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_results_frame_equals_the_scalar_api_row_for_row(
    rows: list[tuple[Decimal, Decimal, sakip.Polarity, bool]],
) -> None:
    """Every row's figure, rating and formula is what sakip.achievement gives for it.

    Floats are read through their shortest repr, Decimals as they are.
    """
    frame = pd.DataFrame(
        {
            "Kode": [f"I{n}" for n in range(len(rows))],
            "Tahun": [2024] * len(rows),
            "Realisasi": [float(r) if as_float else r for r, _, _, as_float in rows],
            "Target": [t for _, t, _, _ in rows],
            "Polaritas": [p.value for _, _, p, _ in rows],
        }
    )
    results = results_frame(frame, detail=True)
    for index, (realization, target, polarity, as_float) in enumerate(rows):
        value = Decimal(repr(float(realization))) if as_float else realization
        expected = sakip.achievement(realization=value, target=target, polarity=polarity)
        assert expected.value == results.loc[index, "achievement"]
        assert expected.percent == results.loc[index, "percent"]
        assert sakip.format_number(expected.percent, 2) == results.loc[index, "printed"]
        assert expected.formula.name == results.loc[index, "formula"]
        assert expected.explain() == results.loc[index, "explanation"]
        assert sakip.classify(expected).label == results.loc[index, "rating"]


def test_numpy_scalars_in_object_columns_are_plain_numbers() -> None:
    """NumPy scalars stored in an object column are read as the numbers they hold."""
    import numpy as np

    frame = pd.DataFrame(
        {
            "Kode": ["A"],
            "Tahun": [np.int64(2024)],
            "Target": [np.float64(94.6)],
            "Realisasi": [np.float64(95)],
        },
        dtype=object,
    )
    row = from_frame(frame).rows[0]
    assert (2024, sakip.Target("94.6")) == (row.year, row.target)


def test_from_frame_and_read_rows_agree() -> None:
    """A frame reads as the same rows as its header and cells given to read_rows."""
    frame = pd.DataFrame({"Kode": ["A", "B"], "Tahun": [2023, 2024], "Target": ["1,5", 2]})
    direct = read_rows([list(frame.columns), *frame.values.tolist()])
    assert [r.target for r in direct.rows] == [r.target for r in from_frame(frame).rows]


@pytest.mark.parametrize("dtype", ["float32", "Float32", "float16"])
def test_float32_cells_are_read_as_they_print(dtype: str) -> None:
    """A float32 column holding 6.4 reads 6.4, so 5 of 6.4 prints 78,13, not 78,12."""
    frame = pd.DataFrame(
        {"Kode": ["A", "B"], "Tahun": [2024, 2024], "Realisasi": [5, 5]}
        | {"Target": pd.array([6.4, None], dtype=dtype)}
    )
    assert Decimal("6.4") == from_frame(frame).rows[0].target.value  # type: ignore[union-attr]
    assert None is from_frame(frame).rows[1].target
    assert ["78,13", None] == list(results_frame(frame)["printed"])


def test_results_frame_of_texts_equals_the_scalar_api() -> None:
    """A frame of texts (read with dtype=str): plain rows, a range, a bad cell, a blank."""
    frame = pd.DataFrame(
        {
            "Kode": ["A", "B", "C", "D", "E"],
            "Tahun": ["2024", "2024", "2024", "2024", "2024"],
            "Target": ["94,6", "60 - 85", "100", "0", "80"],
            "Realisasi": ["95", "90", "sembilan", "5", ""],
            "Polaritas": ["positif", "", "positif", "negatif", "positif"],
        },
        dtype=str,
    )
    results = results_frame(frame)
    expected = [
        sakip.achievement(realization=Decimal(95), target=sakip.Target("94.6")),
        sakip.achievement(realization=Decimal(90), target=sakip.TargetRange(60, 85)),
    ]
    assert [figure.percent for figure in expected] == list(results["percent"][:2])
    assert [sakip.classify(figure).label for figure in expected] == list(results["rating"][:2])
    assert results.loc[2, "reason"].startswith("Realisasi: expected a number")
    assert results.loc[3, "percent"] is None
    assert "no realization reported" == results.loc[4, "reason"]
