"""The cyclic collector is paused for a bulk run, and left as it was."""

from __future__ import annotations

import gc

from sakip._gc import collector_paused, paused_collector


@collector_paused
def _enabled() -> bool:
    return gc.isenabled()


def test_a_bulk_run_pauses_the_collector_and_enables_it_again() -> None:
    """Inside the run the collector is paused; afterwards it runs again."""
    assert gc.isenabled()
    assert not _enabled()
    assert gc.isenabled()


def test_a_collector_the_application_paused_stays_paused() -> None:
    """A collector paused before the run is never enabled by it."""
    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_runs_again_after_an_error() -> None:
    """An exception inside the run still enables the collector."""
    try:
        with paused_collector():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
