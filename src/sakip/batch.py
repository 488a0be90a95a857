"""Batch achievement (capaian kinerja massal): many indicator-years at once, exactly.

The public home of :func:`achievements` and :class:`BatchResult`, which live in
:mod:`sakip.extra.batch` with the rest of the code that needs an optional dependency (NumPy,
imported only when a function runs). See :mod:`sakip.extra.batch` for how it stays exact.
"""

from sakip.extra.batch import MAX_PLACES, BatchResult, Coded, achievements, printed_hundredths

__all__ = ["MAX_PLACES", "BatchResult", "Coded", "achievements", "printed_hundredths"]
