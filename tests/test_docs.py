"""The documentation site: every guide is reachable, and the commands it shows print that."""

from __future__ import annotations

import io
import re
import shlex
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import pytest

from sakip.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_TOCTREE = re.compile(r"```\{toctree\}\n(.*?)```", re.DOTALL)
_CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
_TITLED_ENTRY = re.compile(r".*<(?P<target>[^>]+)>$")
_STATUS = re.compile(r"^\$ echo \$\?\n(\d+)\n", re.MULTILINE)


def _docnames() -> set[str]:
    """Every page of the site by its Sphinx name ("howto/caps")."""
    return {
        path.relative_to(DOCS).with_suffix("").as_posix()
        for path in DOCS.rglob("*.md")
        if "_build" not in path.parts
    }


def _toctree_entries(docname: str, known: set[str]) -> set[str]:
    """The pages a page's toctrees list, glob patterns expanded, as Sphinx names."""
    text = (DOCS / f"{docname}.md").read_text(encoding="utf-8")
    folder = PurePosixPath(docname).parent
    found: set[str] = set()
    for block in _TOCTREE.findall(text):
        lines = [line.strip() for line in block.splitlines()]
        glob = ":glob:" in lines
        for line in lines:
            if not line or line.startswith(":"):
                continue
            titled = _TITLED_ENTRY.match(line)
            entry = titled.group("target") if titled else line
            name = entry.lstrip("/") if entry.startswith("/") else (folder / entry).as_posix()
            name = name.removeprefix("./")
            if glob:
                found |= {doc for doc in known if fnmatchcase(doc, name)}
            else:
                found.add(name)
    return found


def _reachable() -> set[str]:
    """The pages reachable from the root page through toctrees."""
    known = _docnames()
    seen, todo = {"index"}, ["index"]
    while todo:
        for entry in _toctree_entries(todo.pop(), known):
            if entry in known and entry not in seen:
                seen.add(entry)
                todo.append(entry)
    return seen


def _pages(section: str) -> list[str]:
    return sorted(doc for doc in _docnames() if doc.startswith(f"{section}/"))


@pytest.mark.parametrize("section", ["tutorial", "howto", "explanation"])
def test_every_guide_page_is_reachable_from_a_toctree(section: str) -> None:
    """Every tutorial, how-to and explanation page is listed, through toctrees, from the root."""
    pages = _pages(section)
    assert pages
    assert [] == [page for page in pages if page not in _reachable()]


def test_the_tutorial_lists_its_parts_in_reading_order() -> None:
    """The tutorial's toctree names model, compute, report and audit, in that order."""
    text = (DOCS / "tutorial" / "index.md").read_text(encoding="utf-8")
    (block,) = _TOCTREE.findall(text)
    entries = [line for line in block.splitlines() if line and not line.startswith(":")]
    assert ["model", "compute", "report", "audit"] == entries


def test_a_glob_toctree_lists_the_pages_of_its_folder() -> None:
    """A `:glob:` entry such as `*` stands for every page of the index's folder."""
    entries = _toctree_entries("howto/index", _docnames())
    assert {"howto/caps", "howto/custom-formula", "howto/zero-targets"} <= entries


# --- the commands the guides show print what the guides show --------------------------------

# Pages of the guides whose console blocks show a `sakip` command with its output. (The
# tutorial's report and audit pages are checked with the command's own tests.)
_PAGES_WITH_COMMANDS = [
    "tutorial/model.md",
    "tutorial/compute.md",
    "mulai-cepat.md",
    "explanation/seed-report.md",
    "howto/agency-wording.md",
]


def _commands(page: Path) -> list[tuple[list[str], str]]:
    """Each `$ sakip ...` command of the page's console blocks, with the output shown."""
    commands = []
    for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
        command, _, shown = block.partition("\n")
        if command.startswith("$ sakip "):
            commands.append((shlex.split(command.removeprefix("$ sakip ")), shown))
    return commands


def test_the_quickstart_shows_a_command() -> None:
    """The Bahasa Indonesia quickstart shows at least one command with its output."""
    assert _commands(DOCS / "mulai-cepat.md")


@pytest.mark.parametrize("page", _PAGES_WITH_COMMANDS)
def test_the_commands_a_page_shows_print_what_it_shows(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every `$ sakip ...` console block of the page prints exactly the output shown."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    for args, shown in _commands(DOCS / page):
        out, err = io.StringIO(), io.StringIO()
        status = main(args, out=out, err=err)
        assert shown.split("$ echo $?")[0] == out.getvalue() + err.getvalue(), " ".join(args)
        expected_status = _STATUS.search(shown)
        if expected_status:
            assert int(expected_status.group(1)) == status


# --- every dotted name the docs write resolves -----------------------------------------------

# A dotted name as prose and code write it: not part of a path, a URL or a file name
# (``locale/en/LC_MESSAGES/sakip.po``, ``sakip.readthedocs.io``).
_DOTTED = re.compile(r"(?<![\w./\\-])sakip(?:\.[A-Za-z_]\w*)+")
_NOT_NAMES = {"sakip.readthedocs.io", "sakip.po", "sakip.mo"}


def _written_names() -> dict[str, str]:
    """Every public ``sakip.`` dotted name in the docs, the README and the docstrings."""
    files = [*DOCS.rglob("*.md"), ROOT / "README.md", *(ROOT / "src" / "sakip").rglob("*.py")]
    found: dict[str, str] = {}
    for path in sorted(files):
        for name in _DOTTED.findall(path.read_text(encoding="utf-8")):
            if name not in _NOT_NAMES and not any(p.startswith("_") for p in name.split(".")):
                found.setdefault(name, path.relative_to(ROOT).as_posix())
    return found


_RESOLVE = """
import json, sys
import sakip
failed = []
for name in json.load(sys.stdin):
    value = sakip
    try:
        for part in name.split(".")[1:]:
            value = getattr(value, part)
    except AttributeError:
        failed.append(name)
print(json.dumps(failed))
"""


def test_every_dotted_name_the_docs_write_resolves_by_attribute_access() -> None:
    """``sakip.formulas.FORMULAS``, ``sakip.plot.to_svg``: after ``import sakip`` alone."""
    import json
    import subprocess
    import sys

    names = _written_names()
    assert {"sakip.formulas.FORMULAS", "sakip.rollup_methods.MEAN"} <= names.keys()
    # A fresh interpreter: in this one, other tests have imported modules already.
    done = subprocess.run(
        [sys.executable, "-c", _RESOLVE],
        input=json.dumps(sorted(names)),
        capture_output=True,
        text=True,
        check=True,
    )
    failed = {name: names[name] for name in json.loads(done.stdout)}
    assert {} == failed


def test_the_function_and_its_module_keep_their_names() -> None:
    """``sakip.achievement`` is the function; ``from sakip.achievement import`` the module's."""
    import sakip
    from sakip.achievement import FORMULAS
    from sakip.rollup import MEAN

    assert callable(sakip.achievement)
    assert callable(sakip.rollup)
    assert FORMULAS is sakip.formulas.FORMULAS
    assert MEAN is sakip.rollup_methods.MEAN


@pytest.mark.parametrize("module", ["sakip", "sakip.text"])
def test_a_name_no_module_has_is_still_an_attribute_error(module: str) -> None:
    """Loading modules on first use does not turn a typo into an import or a silent None."""
    import importlib

    with pytest.raises(AttributeError, match="no attribute 'formula'"):
        getattr(importlib.import_module(module), "formula")  # noqa: B009 - the name is the test


def test_a_text_module_loads_on_first_access(monkeypatch: pytest.MonkeyPatch) -> None:
    """``sakip.text.layer`` resolves even before anything imported it."""
    import sys

    import sakip.text
    import sakip.text.layer

    layer = sys.modules["sakip.text.layer"]
    monkeypatch.delattr(sakip.text, "layer")
    assert layer is sakip.text.layer


def test_the_catalog_tool_runs_as_a_script(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m sakip.text._catalogs`` checks the catalogs and exits 0 when complete."""
    import runpy
    import sys
    import warnings

    monkeypatch.setattr(sys, "argv", ["_catalogs", "check"])
    with warnings.catch_warnings():
        # runpy warns that the module is imported already; running it again is the point.
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(SystemExit) as exit_:
            runpy.run_module("sakip.text._catalogs", run_name="__main__")
    assert 0 == exit_.value.code
    assert "the catalogs are complete" in capsys.readouterr().out
