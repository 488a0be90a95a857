"""Analyses built from the computations (analisis capaian kinerja), with no words.

:mod:`sakip.analysis.history` builds one indicator's history in a year from a
:class:`~sakip.Dataset`: its year against the target, its series, the end target and the
national standard. :mod:`sakip.analysis.chapter` computes chapter III of a report from those
histories and the budget, as language-free data that :mod:`sakip.report` shows in a language.
"""

from sakip._lazy import submodules

__getattr__ = submodules(__name__)
