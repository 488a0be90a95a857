"""Analysis (analisis capaian kinerja): everything chapter III says about an indicator.

:mod:`sakip.analysis.history` builds one indicator's history in a year from a
:class:`~sakip.Dataset`: its year against the target, its series, the end target and the
national standard.
"""
