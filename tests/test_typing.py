"""Types users rely on: ``mypy --strict`` in a user's project reads sakip's constructors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

CASES = Path(__file__).resolve().parent / "typing_cases"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for both scripts: the second run reuses sakip's analysis."""
    return tmp_path_factory.mktemp("mypy-cache")


def _mypy(script: Path, cache: Path) -> tuple[str, int]:
    out, err, status = api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(cache), str(script)]
    )
    return out + err, status


def test_typical_correct_use_passes_mypy_strict(cache: Path) -> None:
    """A script that builds a plan, realizations and a budget line the usual way is clean."""
    report, status = _mypy(CASES / "correct_use.py", cache)
    assert (0, "") == (status, report)


def test_each_wrong_argument_is_reported_by_mypy_strict(cache: Path) -> None:
    """``Target([1, 2])``, ``polarity=3.5`` and ``year="2024"`` are each an error, on its line."""
    script = CASES / "wrong_use.py"
    marked = {
        number
        for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1)
        if line.endswith("# error")
    }
    report, status = _mypy(script, cache)
    reported = {int(n) for n in re.findall(r"wrong_use\.py:(\d+): error:", report)}
    assert 1 == status
    assert {5, 6, 7} == marked
    assert marked == reported
