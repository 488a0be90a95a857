"""sakip.examples: the example files by name, from a source checkout and from a wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import sakip
import sakip.examples
import sakip.io

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_example_is_named_and_loads() -> None:
    """Each example data file is listed by name and reads as a dataset or a table."""
    assert [
        "dinkes-kabupaten-contoh-2024",
        "dinkes-kabupaten-contoh-2025",
        "dinkes-kabupaten-contoh-2025-buku-kerja",
        "dinsos-kota-metro-2024",
        "dinsos-kota-metro-2024-buku-kerja",
    ] == [name for name in sakip.examples.names() if not name.startswith("tables/")]
    for name in sakip.examples.names():
        found = sakip.examples.path(name)
        if name.startswith("tables/"):
            assert sakip.io.read_table(found).ok
        else:
            assert isinstance(sakip.io.load(found), sakip.Dataset)


def test_the_files_are_the_examples_folders_own() -> None:
    """Installed or in a checkout, each file is byte for byte the one in examples/."""
    for name in sakip.examples.names():
        found = sakip.examples.path(name)
        original = ROOT / "examples" / f"{name}{found.suffix}"
        assert original.read_bytes() == found.read_bytes()


def test_a_name_may_carry_its_suffix() -> None:
    """A name with its suffix (".toml") finds the same file as the name without it."""
    assert sakip.examples.path("dinsos-kota-metro-2024") == sakip.examples.path(
        "dinsos-kota-metro-2024.toml"
    )


def test_an_unknown_example_lists_the_known_ones() -> None:
    """A name that is no example raises NotFoundError naming those that exist."""
    with pytest.raises(sakip.NotFoundError, match="dinsos-kota-metro-2024"):
        sakip.examples.path("dinsos-kota-metro-2023")


def test_installed_package_data_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the package carries the files (a wheel), they are the ones found."""
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "x.csv").write_text("Kode,Tahun\nA,2024\n", encoding="utf-8")
    monkeypatch.setattr(sakip.examples, "_PACKAGED", tmp_path)
    assert tmp_path / "tables" / "x.csv" == sakip.examples.path("tables/x")


def test_the_wheel_carries_the_examples_as_package_data() -> None:
    """The build copies examples/ into the package where sakip.examples looks for it."""
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert {"examples": "sakip/examples/data"} == wheel["force-include"]
    assert Path("sakip/examples/data") == Path(*sakip.examples._PACKAGED.parts[-3:])


def test_the_project_urls_point_to_the_documentation() -> None:
    """Documentation, changelog and source are named in the package metadata."""
    urls = PYPROJECT["project"]["urls"]
    assert {"Documentation", "Changelog", "Source"} <= set(urls)
    assert all(url.startswith("https://sakip.readthedocs.io/") for url in urls.values())
