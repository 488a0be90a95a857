"""A chart that shows itself in a notebook: a matplotlib figure with an SVG display.

Imported only when a chart is drawn, since it needs the optional matplotlib.
"""

from __future__ import annotations

from matplotlib.figure import Figure

__all__ = ["Chart"]


class Chart(Figure):
    """A :class:`matplotlib.figure.Figure` that a notebook displays as SVG, no magic needed.

    A figure made outside pyplot is not shown by Jupyter unless the inline backend happens
    to be active; ``_repr_svg_`` is asked for whatever the backend.
    """

    def _repr_svg_(self) -> str:
        from sakip.extra.charts import to_svg  # noqa: PLC0415 - charts imports this lazily

        return to_svg(self)
