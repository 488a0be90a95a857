"""Code that needs an optional dependency (kode dengan dependensi opsional), in one place.

Each module here needs a library that ``pip install sakip`` does not install, and imports it
only when one of its functions runs; the modules themselves are imported only by the public
modules that offer them:

- :mod:`sakip.extra.batch`: the exact batch core on NumPy (``sakip[pandas]``), offered as
  :mod:`sakip.batch`;
- :mod:`sakip.extra.frames`: pandas DataFrames in and out (``sakip[pandas]``), offered as
  ``sakip.io.frames`` and :mod:`sakip.io`;
- :mod:`sakip.extra.xlsx_reader`: XLSX tables read with openpyxl (``sakip[excel]``), offered
  as :func:`sakip.io.read_table` and ``sakip.io.tables``;
- :mod:`sakip.extra.xlsx_writer`: a report written as XLSX (``sakip[excel]``), offered as
  :func:`sakip.render.to_xlsx` and ``--format xlsx``;
- :mod:`sakip.extra.charts`: charts drawn with matplotlib (``sakip[plot]``), offered as
  :mod:`sakip.plot`;
- :mod:`sakip.extra.docx`: chapter III as a Word document with python-docx
  (``sakip[docx]``), offered as ``--format docx`` and ``sakip.render.to_docx``.

A missing library is a :class:`~sakip.MissingDependencyError` that names the extra to install.
"""

from sakip._lazy import submodules

__getattr__ = submodules(__name__)
