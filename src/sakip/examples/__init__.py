"""The example data files (contoh data), shipped with sakip so that every guide runs anywhere.

>>> import sakip.examples
>>> sakip.examples.names()  # doctest: +NORMALIZE_WHITESPACE
['dinkes-kabupaten-contoh-2024', 'dinkes-kabupaten-contoh-2025',
 'dinkes-kabupaten-contoh-2025-buku-kerja', 'dinsos-kota-metro-2024',
 'dinsos-kota-metro-2024-buku-kerja', 'tables/dinsos-kota-metro']
>>> dataset = sakip.io.load(sakip.examples.path("dinsos-kota-metro-2024"))
>>> dataset.agency.name
'Dinas Sosial Kota Metro'

``dinsos-kota-metro-2024`` is the Dinas Sosial Kota Metro LKjIP 2024 with the figures it
states (its wrong ones included), and ``dinsos-kota-metro-2024-buku-kerja`` the same data as
a workbook (the layout of ``sakip template --format xlsx``); ``dinkes-kabupaten-contoh-2024``
an invented regency health office; ``dinkes-kabupaten-contoh-2025`` the same office a year on,
monitored to TW II 2025, with every part of the format (settings, rates per 1.000 and
100.000, quarterly and monthly targets, the revised agreement, the cascade, the author's
analyses), and ``dinkes-kabupaten-contoh-2025-buku-kerja`` the same data as a workbook;
``tables/dinsos-kota-metro`` the Kota Metro figures as a flat CSV table.
"""

from __future__ import annotations

from pathlib import Path

from sakip.exceptions import NotFoundError

__all__ = ["names", "path"]

# In a wheel the build copies the repository's examples/ folder here; in a source checkout
# (an editable install) they are read where they are, so there is one copy only.
_PACKAGED = Path(__file__).with_name("data")
_CHECKOUT = Path(__file__).resolve().parents[3] / "examples"
_SUFFIXES = (".toml", ".json", ".xlsx", ".csv")


def _folder() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def _files() -> dict[str, Path]:
    folder = _folder()
    found = (p for p in folder.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
    return {p.relative_to(folder).with_suffix("").as_posix(): p for p in found}


def names() -> list[str]:
    """The names of the example files, sorted, without their suffix."""
    return sorted(_files())


def path(name: str) -> Path:
    """The path of an example file, by name (``"dinsos-kota-metro-2024"``).

    Raises:
        NotFoundError: No example has that name; the message lists those that exist.
    """
    files = _files()
    key = name.removesuffix(Path(name).suffix) if Path(name).suffix in _SUFFIXES else name
    if key not in files:
        raise NotFoundError("example", name, sorted(files))
    return files[key]
