"""pandas DataFrames in and out (tabel data pandas): indicator-years in, results out.

The public home of :func:`from_frame`, :func:`to_frame` and :func:`results_frame`, which live
in :mod:`sakip.extra.frames` with the rest of the code that needs an optional dependency
(pandas, imported only when a function runs).
"""

from sakip.extra.frames import (
    DETAIL_COLUMNS,
    FRAME_COLUMNS,
    RESULT_FRAME_COLUMNS,
    from_frame,
    results_frame,
    to_frame,
)

__all__ = [
    "DETAIL_COLUMNS",
    "FRAME_COLUMNS",
    "RESULT_FRAME_COLUMNS",
    "from_frame",
    "results_frame",
    "to_frame",
]
