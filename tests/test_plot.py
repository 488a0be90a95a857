"""Charts: an indicator over the plan period, achievements by rating, stable SVG."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.figure import Figure

import sakip
from sakip import plot
from sakip.io import load
from sakip.report import IndicatorSeries, Rated, build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
HEALTH = ROOT / "examples" / "dinkes-kabupaten-contoh-2024.toml"


@pytest.fixture(scope="module")
def seed() -> sakip.Dataset:
    return load(SEED)


def test_indicator_chart_draws_realizations_targets_and_the_end_target(
    seed: sakip.Dataset,
) -> None:
    """The PPKS chart has the targets, the realizations from the baseline, and the end line."""
    figure = plot.indicator_chart(seed, "IKU-1")
    assert isinstance(figure, Figure)
    axes = figure.axes[0]
    labels = [line.get_label() for line in axes.get_lines()]
    assert ["Target tahunan", "Realisasi", "Target akhir 2026"] == labels
    realization = axes.get_lines()[1]
    assert [2020, 2022, 2023, 2024] == list(realization.get_xdata())
    assert [81.79, 88.32, 93.0, 95.0] == list(realization.get_ydata())
    assert "Persentase PPKS yang tertangani (%)" == axes.get_title()
    assert ["81,79", "88,32", "93", "95"] == [t.get_text() for t in axes.texts]


def test_tick_labels_follow_the_language(seed: sakip.Dataset) -> None:
    """Axis numbers are written 97,5 in Indonesian and 97.5 in English."""
    indonesian = plot.indicator_chart(seed, "IKU-1")
    indonesian.canvas.draw()
    ticks = [t.get_text() for t in indonesian.axes[0].get_yticklabels()]
    assert "97,5" in ticks
    english = plot.indicator_chart(seed, "IKU-1", lang="en")
    english.canvas.draw()
    assert "97.5" in [t.get_text() for t in english.axes[0].get_yticklabels()]
    assert "Realization" == english.axes[0].get_lines()[1].get_label()


def test_a_range_target_is_a_band() -> None:
    """Yearly and end targets that are ranges are drawn as shaded bands."""
    figure = plot.indicator_chart(load(HEALTH), "BOR")
    axes = figure.axes[0]
    labels = [c.get_label() for c in axes.collections] + [p.get_label() for p in axes.patches]
    assert "Target tahunan" in labels
    assert "Target akhir 2026" in labels


def test_achievement_bars_are_coloured_by_rating(seed: sakip.Dataset) -> None:
    """One bar per computable achievement, labelled with the figure and the rating."""
    figure = plot.achievement_chart(seed)
    axes = figure.axes[0]
    assert 2 == len(axes.patches)
    labels = [t.get_text() for t in axes.texts]
    assert ["101,50 % · Sangat Tinggi", "100,42 % · Sangat Tinggi"] == labels
    assert "Capaian kinerja 2024" == axes.get_title()


def test_lower_bands_get_warmer_colours() -> None:
    """A low rating and a high rating are drawn in different colours."""
    bars = [
        Rated(
            code="A",
            name="A",
            percent=Decimal(40),
            label="Sangat Rendah",
            band="SR",
            rank=0,
            bands=5,
        ),
        Rated(
            code="B",
            name="B",
            percent=Decimal(95),
            label="Sangat Tinggi",
            band="ST",
            rank=4,
            bands=5,
        ),
    ]
    patches = plot.achievements_figure(bars).axes[0].patches
    assert patches[0].get_facecolor() != patches[1].get_facecolor()
    assert "" == plot.achievements_figure(bars).axes[0].get_title()


def test_an_empty_series_draws_an_empty_chart() -> None:
    """No target and no realization: an empty chart without a legend, not an error."""
    series = IndicatorSeries(
        code="X",
        name="Kosong",
        unit="%",
        years=(),
        targets=(),
        realizations=(),
        end_year=2026,
        end_target=None,
        report_year=2024,
    )
    axes = plot.series_figure(series).axes[0]
    assert [] == axes.get_lines()
    assert axes.get_legend() is None


def test_svg_is_stable_and_embeddable(seed: sakip.Dataset) -> None:
    """The SVG text starts at <svg, has no date, and is the same on every run."""
    report = build_report(seed)
    first = plot.series_svg(report.series[0])
    assert first.startswith("<svg")
    assert first == plot.series_svg(report.series[0])
    assert "<dc:date>" not in first
    bars = plot.achievements_svg(report.achievements, year=2024)
    assert bars == plot.achievements_svg(report.achievements, year=2024)


def test_an_unknown_language_is_refused(seed: sakip.Dataset) -> None:
    """Only Indonesian and English labels exist."""
    report = build_report(seed)
    with pytest.raises(sakip.InvalidValueError, match="'id', 'en'"):
        plot.series_figure(report.series[0], lang="fr")


def test_an_unknown_indicator_is_refused(seed: sakip.Dataset) -> None:
    """A code the plan does not have lists the known ones."""
    with pytest.raises(sakip.NotFoundError, match="IKU-1"):
        plot.indicator_chart(seed, "NOPE")


def test_no_window_and_no_pyplot() -> None:
    """Drawing a chart never imports pyplot nor opens a window."""
    code = (
        "import sys; from sakip import plot, io; "
        "plot.achievement_chart(io.load(sys.argv[1])); "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True
    )
    assert "False" == result.stdout.strip()


def test_achievement_labels_use_the_reports_percent_notation(seed: sakip.Dataset) -> None:
    """Bars read "101,50 % · …" in Indonesian and "101.50% · …" in English, as the tables do."""
    indonesian = plot.achievement_chart(seed).axes[0].texts[0].get_text()
    english = plot.achievement_chart(seed, lang="en").axes[0].texts[0].get_text()
    assert "101,50 % · Sangat Tinggi" == indonesian
    assert "101.50% · Sangat Tinggi" == english


def test_a_chart_displays_itself_in_a_notebook(seed: sakip.Dataset) -> None:
    """A chart has an SVG display of its own: a notebook shows it with no magic command."""
    chart = plot.indicator_chart(seed, "SAKIP", year=2024)
    assert isinstance(chart, Figure)
    assert plot.to_svg(chart) == chart._repr_svg_()  # type: ignore[attr-defined]


def _series(name: str, value: Decimal, **extra: object) -> IndicatorSeries:
    fields: dict[str, object] = {
        "code": "X",
        "name": name,
        "unit": "%",
        "years": (2023, 2024),
        "targets": ((Decimal(90), Decimal(90)), None),
        "realizations": (Decimal(80), value),
        "end_year": 2026,
        "end_target": None,
        "report_year": 2024,
    }
    fields.update(extra)
    return IndicatorSeries(**fields)  # type: ignore[arg-type]


def test_a_name_written_like_tex_is_drawn_as_words() -> None:
    r"""A name "$\frac{x$" is neither parsed as mathtext nor an error: the title is the name."""
    name = "Indeks $\\frac{x$ 100%"
    figure = plot.series_figure(_series(name, Decimal(85)))
    assert f"{name} (%)" == figure.axes[0].get_title()
    assert "<svg" in plot.to_svg(figure)
    rated = Rated(
        code="$x^", name=name, percent=Decimal(95), label="$T$", band="T", rank=3, bands=5
    )
    assert "<svg" in plot.achievements_svg([rated])


@pytest.mark.parametrize(
    "extra",
    [
        {"realizations": (Decimal(80), Decimal("1E+400"))},
        {"targets": ((Decimal("-1E+309"), Decimal(1)), None)},
        {"end_target": (Decimal("1E+999"), Decimal("1E+999"))},
    ],
)
def test_a_value_beyond_a_charts_range_is_a_clear_error(extra: dict[str, object]) -> None:
    """A value no float can hold is an InvalidValueError naming it, not matplotlib's error."""
    with pytest.raises(sakip.InvalidValueError, match="a number a chart can draw"):
        plot.series_figure(_series("X", Decimal(85), **extra))
    huge = Decimal("1E+400")
    rated = Rated(code="X", name="X", percent=huge, label="", band="", rank=0, bands=5)
    with pytest.raises(sakip.InvalidValueError, match="'achievement'"):
        plot.achievements_figure([rated])


def test_a_computed_realization_is_labelled_rounded() -> None:
    """A realization sakip computed with many decimals is labelled with 2; a typed one as is."""
    series = _series("X", Decimal(200) / Decimal(6), places=(None, 2))
    figure = plot.series_figure(series)
    assert ["80", "33,33"] == [text.get_text() for text in figure.axes[0].texts]
