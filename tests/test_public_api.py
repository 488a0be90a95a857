"""The public surface: exports, documentation of every name, the README."""

from __future__ import annotations

import ast
import doctest
import importlib
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

import sakip
from sakip.rules import markdown_table

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"
SRC = ROOT / "src"


def test_all_is_sorted_and_importable() -> None:
    """__all__ is sorted and every name in it exists."""
    assert sorted(sakip.__all__) == sakip.__all__
    for name in sakip.__all__:
        assert hasattr(sakip, name), name


def test_version_comes_from_the_package_metadata() -> None:
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert version("sakip") == sakip.__version__


def _documented_names() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))


@pytest.mark.parametrize("name", [n for n in sakip.__all__ if not n.startswith("__")])
def test_every_public_name_is_in_the_reference(name: str) -> None:
    """Each exported name is documented by its public or its defining module's path."""
    obj = getattr(sakip, name)
    paths = {f"sakip.{name}"}
    module = getattr(obj, "__module__", None)
    if isinstance(module, str):
        paths.add(f"{module}.{name}")
    text = _documented_names()
    assert any(re.search(rf"{re.escape(path)}\b", text) for path in paths), paths


def test_readme_examples_run() -> None:
    """The README's example is a doctest that passes."""
    result = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert 0 == result.failed
    assert result.attempted > 0


def test_readme_rules_table_is_the_generated_one() -> None:
    """The README's table of built-in rules is what ``sakip rules --format markdown`` prints."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- rules-start -->\n")[1].split("<!-- rules-end -->")[0]
    assert markdown_table() == table


def test_importing_sakip_stays_light() -> None:
    """The optional libraries, dateutil's parser and the file layer load only when used."""
    import subprocess
    import sys

    heavy = (
        "('babel', 'pandas', 'numpy', 'openpyxl', 'matplotlib', 'docx', 'dateutil.parser',"
        " 'hypothesis', 'cattrs', 'sakip.io', 'sakip.lke')"
    )
    code = f"import sys, sakip; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()


def test_importing_sakip_loads_no_module_of_it() -> None:
    """``import sakip`` loads only the package and its lazy attribute hook; names load on use."""
    import subprocess
    import sys

    code = (
        "import sys; before = set(sys.modules); import sakip; "
        "print(sorted(m for m in set(sys.modules) - before if not m.startswith('_')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = ast.literal_eval(out.stdout.strip())
    assert {"sakip", "sakip._lazy"} == {m for m in loaded if m.startswith("sakip")}
    assert [] == [m for m in loaded if m.split(".")[0] in _HEAVY]


_HEAVY = {"numpy", "pandas", "openpyxl", "babel", "matplotlib", "docx", "attrs", "attr", "typing"}


def _type_checked_names() -> dict[str, str]:
    """The names ``sakip/__init__.py`` imports for type checkers, with their modules."""
    tree = ast.parse((SRC / "sakip" / "__init__.py").read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    found = {}
    for node in block.body:
        if isinstance(node, ast.ImportFrom) and node.module != "typing":
            for alias in node.names:
                module = node.module if node.module != "sakip" else f"sakip.{alias.name}"
                found[alias.name] = module
    return found


def test_every_public_name_loads_from_where_type_checkers_see_it() -> None:
    """The lazy table, the imports type checkers read and __all__ name the same things."""
    checked = _type_checked_names()
    lazy = {name: module for module, words in sakip._NAMES.items() for name in words.split()}
    assert {name for name in sakip.__all__ if name != "__version__"} == set(checked)
    for name, module in checked.items():
        assert lazy.get(name, module) == module, name
        expected = importlib.import_module(module)
        value = getattr(sakip, name)
        assert value is (
            expected if module == f"sakip.{name}" and name not in lazy else getattr(expected, name)
        ), name
    assert set(sakip.__all__) <= set(dir(sakip))


def test_a_function_named_as_its_module_stays_the_function() -> None:
    """Loading ``sakip.achievement`` (the module) leaves ``sakip.achievement`` the function."""
    import subprocess
    import sys

    code = (
        "import sakip, sakip.achievement, sakip.rollup; from sakip.audit import audit; "
        "print(callable(sakip.achievement), callable(sakip.rollup)); "
        "sakip.batch = 1; print(sakip.batch)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "True True\n1" == out.stdout.strip()


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name sakip does not have is refused as any module refuses it."""
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        sakip.nothing_here  # noqa: B018 - the access is the test


def test_every_module_imports_first() -> None:
    """Each module of sakip imports as the first one a program imports: no import cycle.

    The moved names (``sakip.periods.aggregate``, ``sakip.io.from_frame``,
    ``sakip.io.tables.read_xlsx``) resolve on use, and still resolve.
    """
    import subprocess
    import sys

    code = """
import importlib, pkgutil, sys
import sakip
failed = []
for found in list(pkgutil.walk_packages(sakip.__path__, "sakip.")):
    for name in [m for m in sys.modules if m == "sakip" or m.startswith("sakip.")]:
        del sys.modules[name]
    try:
        importlib.import_module(found.name)
    except Exception as error:
        failed.append(f"{found.name}: {error!r}")
from sakip.periods import aggregate, report_deadline
from sakip.io import from_frame
from sakip.io.tables import read_xlsx
print(failed)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        importlib.import_module("sakip.periods").nothing_here  # noqa: B018 - the access is the test
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        importlib.import_module("sakip.io.tables").nothing_here  # noqa: B018


def _modules() -> list[str]:
    package = ROOT / "src" / "sakip"
    modules = [path.stem for path in package.glob("[!_]*.py")]
    modules += [f"io.{path.stem}" for path in (package / "io").glob("[!_]*.py")]
    modules += [f"extra.{path.stem}" for path in (package / "extra").glob("[!_]*.py")]
    modules += ["lke", *(f"lke.{path.stem}" for path in (package / "lke").glob("[!_]*.py"))]
    return sorted(modules)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_pass(name: str) -> None:
    """Every module's docstring examples run, with the names the docs build gives them."""
    module = importlib.import_module(f"sakip.{name}")
    names = {"Decimal": Decimal, "sakip": sakip} | {n: getattr(sakip, n) for n in sakip.__all__}
    result = doctest.testmod(
        module, extraglobs=names, optionflags=doctest.ELLIPSIS, verbose=False, report=False
    )
    assert 0 == result.failed


def test_readme_report_excerpt_is_real_output() -> None:
    """Every line the README shows of `sakip report` is a line the command prints."""
    from sakip.cli import main

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ uv run sakip report examples/dinsos-kota-metro-2024.toml\n"
    shown = text.split(command)[1].split("```")[0].splitlines()
    out = io.StringIO()
    assert 0 == main(["report", str(ROOT / "examples" / "dinsos-kota-metro-2024.toml")], out=out)
    printed = out.getvalue().splitlines()
    for line in shown:
        if line != "…":
            assert line in printed
    assert any("100,42 %  Sangat Tinggi" in line for line in shown)


def test_the_quickstart_script_prints_the_key_figures() -> None:
    """examples/quickstart.py prints 95,25 %, 100,42 % Sangat Tinggi, 101,50 % and B."""
    import subprocess
    import sys

    script = ROOT / "examples" / "quickstart.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].endswith("13.773 / 14.460 × 100 = 95,25 %")
    assert lines[1].endswith("95 / 94,6 × 100 = 100,42 % → Sangat Tinggi")
    assert lines[2].endswith("69,16 / 68,14 × 100 = 101,50 % → Sangat Tinggi")
    assert lines[3].endswith("B (Baik)")


def _private_imports(path: Path) -> list[str]:
    """The private names ``path`` imports from another sakip module (private modules aside)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("sakip"):
            continue
        package = SRC.joinpath(*(node.module or "").split("."))
        for alias in node.names:
            is_module = (package / f"{alias.name}.py").exists() or (package / alias.name).is_dir()
            dunder = alias.name.startswith("__")
            if alias.name.startswith("_") and not (is_module or dunder):
                found.append(f"{path.name}: {node.module}.{alias.name}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    """A name that another module needs is public in its module, not reached into."""
    sources = sorted((SRC / "sakip").rglob("*.py"))
    assert sources
    found = {name for path in sources for name in _private_imports(path)}
    assert set() == found


def test_the_private_import_check_finds_one(tmp_path: Path) -> None:
    """The check above would see a private name imported (so that its silence means something)."""
    module = tmp_path / "m.py"
    module.write_text("from sakip.audit import _history\nfrom sakip import _decimal\n")
    assert _private_imports(module) == ["m.py: sakip.audit._history"]


def test_the_changelog_dates_this_version() -> None:
    """Keep a Changelog: the version being built has its dated section under Unreleased."""
    text = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert "## [Unreleased]" == headings[0]
    assert re.fullmatch(
        rf"## \[{re.escape(sakip.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}", headings[1]
    )
