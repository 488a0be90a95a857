"""The charts of a report drawn with matplotlib (the ``sakip[plot]`` extra); see :mod:`sakip.plot`.

matplotlib is imported only when a chart is drawn, so importing this module stays light.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sakip._optional import require
from sakip.locale import format_number, format_percent
from sakip.model import Dataset
from sakip.report import IndicatorSeries, Rated, build_report
from sakip.text import N_, check_lang, gettext

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "achievement_chart",
    "achievements_figure",
    "achievements_svg",
    "indicator_chart",
    "series_figure",
    "series_svg",
    "to_png",
    "to_svg",
]

_WORDS = {
    "realization": N_("Realisasi"),
    "target": N_("Target tahunan"),
    "end": N_("Target akhir {year}"),
    "year": N_("Tahun"),
    "achievement": N_("Capaian (%)"),
    "achievements": N_("Capaian kinerja {year}"),
}
"""The charts' labels by key, as Indonesian messages of sakip's catalog."""
# text.parse_math off: a name is words, never TeX, so "$\frac{x$" is drawn as it is written
_RC: Any = {
    "svg.hashsalt": "sakip",
    "svg.fonttype": "path",
    "font.size": 9,
    "text.parse_math": False,
}
# matplotlib's settings are global: one chart at a time, so that a thread drawing beside
# another never sees its settings change half-way (and every SVG stays the same).
_DRAWING = threading.RLock()
_LARGEST = Decimal(sys.float_info.max)
_REALIZATION = "#1f5fa8"
_TARGET = "#888888"
_END = "#c0392b"


def _words(lang: str, year: int | None) -> dict[str, str]:
    """The charts' labels in ``lang``, with the ``year`` a title or the end target names."""
    check_lang(lang)
    return {key: gettext(message, lang=lang, year=year) for key, message in _WORDS.items()}


def _new_figure(width: float, height: float) -> Figure:
    """A figure on the Agg canvas, outside pyplot."""
    require("matplotlib", "charts")
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 - optional

    from sakip.extra._chart import Chart  # noqa: PLC0415 - optional extra

    figure = Chart(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _settled(figure: Figure) -> Figure:
    """Lay the figure out once and keep that layout, so every later save is the same."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return figure


def _axis_numbers(axis: Any, lang: str) -> None:
    """Tick labels in the report's notation (``97,5`` in Indonesian)."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - the optional plot extra

    axis.set_major_formatter(
        FuncFormatter(lambda value, _: format_number(round(float(value), 6), lang=lang))
    )


def _draw_targets(axes: Any, series: IndicatorSeries, words: dict[str, str]) -> None:
    """Yearly targets: a dashed line, or a shaded band where a target is a range."""
    found = [
        (year, _drawable(bounds[0], "target"), _drawable(bounds[1], "target"))
        for year, bounds in zip(series.years, series.targets, strict=True)
        if bounds is not None
    ]
    if not found:
        return
    years = [year for year, _, _ in found]
    lows = [low for _, low, _ in found]
    highs = [high for _, _, high in found]
    if lows == highs:
        axes.plot(years, lows, linestyle="--", marker="s", color=_TARGET, label=words["target"])
    else:
        axes.fill_between(years, lows, highs, color=_TARGET, alpha=0.3, label=words["target"])


def _drawable(value: Decimal, name: str) -> float:
    """The value as a float a chart can place; a value beyond a float's range is refused."""
    if value.copy_abs() > _LARGEST:
        from sakip.exceptions import InvalidValueError  # noqa: PLC0415 - error path only

        raise InvalidValueError(name, value, "a number a chart can draw (at most about 1,8E+308)")
    return float(value)


def _points(
    years: Sequence[int], values: Sequence[Decimal | None]
) -> tuple[list[int], list[float]]:
    pairs = [
        (year, _drawable(value, "realization"))
        for year, value in zip(years, values, strict=True)
        if value is not None
    ]
    return [year for year, _ in pairs], [value for _, value in pairs]


def _draw_realizations(
    axes: Any, series: IndicatorSeries, words: dict[str, str], lang: str
) -> None:
    """Realizations: a line with each value written above its point; no point where none."""
    years, values = _points(series.years, series.realizations)
    if not years:
        return
    axes.plot(years, values, marker="o", color=_REALIZATION, label=words["realization"])
    places = series.places or (None,) * len(series.realizations)
    reported = [
        (value, shown)
        for value, shown in zip(series.realizations, places, strict=True)
        if value is not None
    ]
    for year, value, (raw, shown) in zip(years, values, reported, strict=True):
        axes.annotate(
            format_number(raw, shown, lang=lang),
            (year, value),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
        )


def _draw_end_target(axes: Any, series: IndicatorSeries, words: dict[str, str]) -> None:
    """The end target: a dotted line, or a shaded band for a range."""
    if series.end_target is None:
        return
    low, high = series.end_target
    label = words["end"]
    bottom, top = _drawable(low, "end_target"), _drawable(high, "end_target")
    if low == high:
        axes.axhline(bottom, linestyle=":", color=_END, label=label)
    else:
        axes.axhspan(bottom, top, color=_END, alpha=0.1, label=label)


def series_figure(series: IndicatorSeries, *, lang: str = "id") -> Figure:
    """An indicator over the plan period: realizations, yearly targets and the end target.

    Args:
        series: What to draw (:attr:`sakip.Report.series`).
        lang: ``"id"`` or ``"en"`` for the labels.
    """
    mpl = require("matplotlib", "charts")
    words = _words(lang, series.end_year)
    with _DRAWING, mpl.rc_context(_RC):
        figure = _new_figure(6.4, 3.4)
        axes = figure.add_subplot()
        _draw_targets(axes, series, words)
        _draw_realizations(axes, series, words, lang)
        _draw_end_target(axes, series, words)
        axes.set_title(f"{series.name} ({series.unit})", fontsize=10)
        axes.set_xlabel(words["year"])
        if series.years:
            axes.set_xticks(list(series.years))
        _axis_numbers(axes.yaxis, lang)
        axes.grid(visible=True, alpha=0.3)
        if axes.get_legend_handles_labels()[0]:
            axes.legend(loc="best", fontsize=8)
    return _settled(figure)


def achievements_figure(
    achievements: Sequence[Rated], *, year: int | None = None, lang: str = "id"
) -> Figure:
    """The year's achievements as horizontal bars, coloured by rating, with a line at 100 %.

    Args:
        achievements: The rated achievements (:attr:`sakip.Report.achievements`).
        year: The year, for the title.
        lang: ``"id"`` or ``"en"`` for the labels.
    """
    mpl = require("matplotlib", "charts")
    words = _words(lang, year)
    with _DRAWING, mpl.rc_context(_RC):
        colours = mpl.colormaps["RdYlGn"]
        figure = _new_figure(6.4, 0.6 + 0.5 * max(1, len(achievements)))
        axes = figure.add_subplot()
        names = [rated.code for rated in achievements]
        values = [_drawable(rated.percent, "achievement") for rated in achievements]
        shades = [
            colours(0.15 + 0.7 * rated.rank / max(1, rated.bands - 1)) for rated in achievements
        ]
        bars = axes.barh(names, values, color=shades, edgecolor="#333333", linewidth=0.5)
        labels = [
            f"{format_percent(rated.percent, lang=lang)} · {rated.label}" for rated in achievements
        ]
        axes.bar_label(bars, labels=labels, padding=3, fontsize=8)
        axes.axvline(100, color="#333333", linewidth=0.8, linestyle="--")
        axes.invert_yaxis()
        axes.set_xlabel(words["achievement"])
        _axis_numbers(axes.xaxis, lang)
        highest = max([100.0, *values])
        axes.set_xlim(0, highest * 1.35)
        if year is not None:
            axes.set_title(words["achievements"], fontsize=10)
    return _settled(figure)


def to_svg(figure: Figure) -> str:
    """The figure as SVG text, the same on every run (fixed hash salt, no date).

    The XML declaration and doctype are left out, so the text can be placed inside an HTML
    page as it is.
    """
    import io  # noqa: PLC0415 - small, used here only

    import matplotlib as mpl  # noqa: PLC0415 - the optional plot extra

    buffer = io.StringIO()
    with _DRAWING, mpl.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def to_png(figure: Figure, *, dpi: int = 200) -> bytes:
    """The figure as PNG bytes, the same on every run (no software or date stamp).

    A Word document takes images, not SVG; ``dpi`` sets how sharp the picture prints.
    """
    import io  # noqa: PLC0415 - small, used here only

    import matplotlib as mpl  # noqa: PLC0415 - the optional plot extra

    buffer = io.BytesIO()
    with _DRAWING, mpl.rc_context(_RC):
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def series_svg(series: IndicatorSeries, *, lang: str = "id") -> str:
    """:func:`series_figure` as SVG text (see :func:`to_svg`)."""
    return to_svg(series_figure(series, lang=lang))


def achievements_svg(
    achievements: Sequence[Rated], *, year: int | None = None, lang: str = "id"
) -> str:
    """:func:`achievements_figure` as SVG text (see :func:`to_svg`)."""
    return to_svg(achievements_figure(achievements, year=year, lang=lang))


def indicator_chart(
    dataset: Dataset, code: str, *, year: int | None = None, lang: str = "id"
) -> Figure:
    """The chart of one indicator of a dataset (see :func:`series_figure`).

    Args:
        dataset: The data.
        code: The indicator's code.
        year: The report year; the latest year with a realization when ``None``.
        lang: ``"id"`` or ``"en"``.
    """
    dataset.plan.indicator(code)
    report = build_report(dataset, year=year, lang=lang)
    series = next(s for s in report.series if s.code == code)
    return series_figure(series, lang=lang)


def achievement_chart(dataset: Dataset, *, year: int | None = None, lang: str = "id") -> Figure:
    """The achievements of a dataset's indicators in a year (see :func:`achievements_figure`)."""
    report = build_report(dataset, year=year, lang=lang)
    return achievements_figure(report.achievements, year=report.year, lang=lang)
