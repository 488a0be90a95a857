"""Charts (grafik) of a report: an indicator over the plan period, and achievements by rating.

Needs the optional ``sakip[plot]`` extra (matplotlib), imported only when a chart is drawn.
Every function returns a :class:`matplotlib.figure.Figure` drawn on the non-interactive Agg
canvas (no window ever opens, and pyplot's global state is not touched), so it works in
notebooks, scripts and servers alike; :func:`to_svg` turns a figure into SVG text that is the
same byte for byte on every run, which is how the HTML report embeds it.

- :func:`series_figure` draws one indicator: realizations against the yearly targets and the
  end target, from the baseline to the plan's last year (:func:`indicator_chart` builds it
  straight from a dataset);
- :func:`achievements_figure` draws the year's achievements as bars coloured by rating
  (:func:`achievement_chart` from a dataset).

The drawing lives in ``sakip.extra.charts`` with the other code that needs an optional
dependency; this module keeps the names users import.
"""

from __future__ import annotations

from sakip.extra.charts import (
    achievement_chart,
    achievements_figure,
    achievements_svg,
    indicator_chart,
    series_figure,
    series_svg,
    to_svg,
)

__all__ = [
    "achievement_chart",
    "achievements_figure",
    "achievements_svg",
    "indicator_chart",
    "series_figure",
    "series_svg",
    "to_svg",
]
