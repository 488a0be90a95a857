"""Data in and out (baca dan tulis data): data files, flat tables, spreadsheets, DataFrames.

- :func:`load` and :func:`save` read and write a whole :class:`~sakip.Dataset` as a TOML file
  (written by hand) or a JSON file (exchanged between programs); the format is versioned and
  described in the reference; :func:`upgrade` rewrites a file of an earlier version as the
  current one.
- :func:`read_table` reads a flat table, one row per indicator and year (or quarter), from CSV
  or XLSX (the ``sakip[excel]`` extra), keeping every good row and reporting every bad cell;
  :func:`evaluate` computes each row's achievement; :func:`write_table` and
  :func:`write_results` write tables back.
- :func:`to_frame`, :func:`from_frame` and :func:`results_frame` work with pandas DataFrames
  (the ``sakip[pandas]`` extra).

- :class:`Limits` bounds what a reader accepts from a file (size, cells, digits, a
  workbook's unzipped size, nesting), so that a hostile file is refused with a
  :class:`LimitError` before it exhausts memory.

openpyxl and pandas are imported only when a function that needs them runs.
"""

from sakip import _lazy
from sakip.io.datafile import (
    FORMAT,
    VERSION,
    VERSIONS,
    dumps_json,
    dumps_toml,
    load,
    loads_json,
    loads_toml,
    save,
)
from sakip.io.errors import DataFileError, FieldError
from sakip.io.limits import DEFAULT_LIMITS, LimitError, Limits
from sakip.io.schema import json_schema
from sakip.io.tables import (
    ColumnNotation,
    ResultRow,
    Results,
    TableRead,
    TableRow,
    TableRows,
    evaluate,
    read_table,
    table_rows,
    write_results,
    write_table,
)
from sakip.io.upgrading import upgrade

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sakip.io.frames import from_frame, results_frame, to_frame

# The DataFrame functions resolve on first use: their module imports this package, so
# importing it here would fail whenever it is the first module a program imports.
__getattr__ = _lazy.names(__name__, {"sakip.io.frames": "from_frame results_frame to_frame"})

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT",
    "VERSION",
    "VERSIONS",
    "ColumnNotation",
    "DataFileError",
    "FieldError",
    "LimitError",
    "Limits",
    "ResultRow",
    "Results",
    "TableRead",
    "TableRow",
    "TableRows",
    "dumps_json",
    "dumps_toml",
    "evaluate",
    "from_frame",
    "json_schema",
    "load",
    "loads_json",
    "loads_toml",
    "read_table",
    "results_frame",
    "save",
    "table_rows",
    "to_frame",
    "upgrade",
    "write_results",
    "write_table",
]
