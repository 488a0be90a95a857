"""No result depends on the caller's decimal context: reports, renderers, the command, charts."""

from __future__ import annotations

import decimal
import doctest
import functools
import importlib
import io
import threading
import types
from collections.abc import Callable
from decimal import Context
from pathlib import Path

import pytest

from sakip.cli import main
from sakip.io import load
from sakip.render import FORMATS, audit_json, audit_text, render, to_html, to_xlsx
from sakip.report import build_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def hostile_contexts() -> list[Context]:
    """Contexts a caller might have set: low precision, odd rounding, inexact results trapped."""
    trapping = Context(prec=3, traps=[decimal.Inexact, decimal.Rounded])
    return [
        Context(prec=5, rounding=decimal.ROUND_UP),
        trapping,
        Context(prec=3, rounding=decimal.ROUND_FLOOR, Emax=10, Emin=-10),
    ]


def workbook_cells(data: bytes) -> list[list[object]]:
    """What a workbook holds, cell by cell and with each number format (not its timestamps)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [
        [(cell.value, cell.number_format) for row in sheet.iter_rows() for cell in row]
        for sheet in book.worksheets
    ]


def everything(path: Path, *, charts: bool = False) -> list[object]:
    """Every output sakip gives for a data file, in both languages."""
    from sakip.audit import audit

    dataset = load(path)
    outputs: list[object] = []
    for lang in ("id", "en"):
        report = build_report(dataset, lang=lang)
        outputs += [render(report, f) for f in FORMATS.names() if f not in ("html", "xlsx")]
        outputs.append(workbook_cells(to_xlsx(report)))
        outputs.append(to_html(report, charts=charts))
        found = audit(dataset)
        outputs += [audit_text(found, everything=True, lang=lang), audit_json(found, lang=lang)]
    return outputs


@functools.cache
def default_outputs(path: Path, *, charts: bool) -> list[object]:
    """:func:`everything` under the default context, computed once."""
    return everything(path, charts=charts)


def command(path: Path) -> list[str]:
    """What the command prints for a data file."""
    printed = []
    for args in (["report", str(path)], ["audit", str(path), "--all", "--lang", "en"]):
        out, err = io.StringIO(), io.StringIO()
        code = main(args, out=out, err=err)
        printed.append(f"{code}\n{out.getvalue()}\n{err.getvalue()}")
    return printed


def under(context: Context, work: Callable[[], object]) -> object:
    with decimal.localcontext(context):
        return work()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("index", range(3))
def test_reports_and_audits_do_not_move_with_the_callers_context(path: Path, index: int) -> None:
    """Under precision 5 ROUND_UP, precision 3 with Inexact trapped, every output is the same."""
    # the charts once, under the harshest context (Inexact trapped): they are slow to draw
    charts = path.name.startswith("dinsos") and index == 1
    expected = default_outputs(path, charts=charts)
    context = hostile_contexts()[index]
    assert expected == under(context, lambda: everything(path, charts=charts))


@pytest.mark.parametrize("index", range(3))
def test_the_command_does_not_move_with_the_callers_context(index: int) -> None:
    """The command prints the same under a hostile context, and never crashes."""
    path = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
    expected = command(path)
    assert expected == under(hostile_contexts()[index], lambda: command(path))


def test_eight_threads_each_with_its_own_hostile_context_agree() -> None:
    """Eight threads, each with its own hostile context, all give the default's output."""
    path = ROOT / "examples" / "dinsos-kota-metro-2024.toml"
    expected = default_outputs(path, charts=False)
    results: dict[int, object] = {}

    def work(number: int) -> None:
        context = hostile_contexts()[number % 3]
        context.prec = 3 + number
        try:
            results[number] = under(context, lambda: everything(path))
        except Exception as error:  # the failure is the assertion below
            results[number] = error

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [expected] * 8 == [results[n] for n in range(8)]


def test_charts_drawn_from_four_threads_are_the_same() -> None:
    """Matplotlib's settings are global; charts drawn side by side still come out identical."""
    from sakip import plot

    series = build_report(load(ROOT / "examples" / "dinsos-kota-metro-2024.toml")).series[-1]
    expected = plot.series_svg(series)
    results: dict[int, str] = {}

    def work(number: int) -> None:
        context = hostile_contexts()[number % 3]
        results[number] = str(under(context, lambda: plot.series_svg(series)))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [expected] * 4 == [results[n] for n in range(4)]


def _modules() -> list[str]:
    package = ROOT / "src" / "sakip"
    modules = [path.stem for path in package.glob("[!_]*.py")]
    packages = [name for name in ("io", "lke") if (package / name).is_dir()]
    inner = [
        f"{name}.{path.stem}" for name in packages for path in (package / name).glob("[!_]*.py")
    ]
    return sorted(modules + inner)


def _run_doctests(module: object, context: Context) -> doctest.TestResults:
    import sakip

    names = {"Decimal": decimal.Decimal, "sakip": sakip} | {
        n: getattr(sakip, n) for n in sakip.__all__
    }
    with decimal.localcontext(context):  # the examples run in this thread, so in this context
        return doctest.testmod(
            module, extraglobs=names, optionflags=doctest.ELLIPSIS, verbose=False, report=False
        )


@pytest.mark.parametrize("index", range(3))
@pytest.mark.parametrize("name", _modules())
def test_every_docstring_example_passes_under_a_hostile_context(name: str, index: int) -> None:
    """Each module's docstring examples give their documented output under every context."""
    module = importlib.import_module(f"sakip.{name}")
    assert 0 == _run_doctests(module, hostile_contexts()[index]).failed


def test_the_hostile_context_really_reaches_the_examples() -> None:
    """A docstring example run this way sees the hostile context (the test above is real)."""
    probe = types.ModuleType("probe")
    probe.__doc__ = """
    >>> import decimal
    >>> decimal.getcontext().prec, decimal.getcontext().traps[decimal.Inexact]
    (3, True)
    >>> decimal.Decimal(1) / 3
    Traceback (most recent call last):
      ...
    decimal.Inexact: [<class 'decimal.Inexact'>, ...]
    """
    result = _run_doctests(probe, hostile_contexts()[1])
    assert (0, 3) == (result.failed, result.attempted)


@pytest.mark.parametrize("index", range(3))
def test_the_readme_example_passes_under_a_hostile_context(index: int) -> None:
    """The README's doctest gives its documented output under every hostile context."""
    with decimal.localcontext(hostile_contexts()[index]):
        result = doctest.testfile(
            str(ROOT / "README.md"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        )
    assert (0, True) == (result.failed, result.attempted > 0)
