"""Submodules that resolve by attribute access but load on first use.

The docs write ``sakip.present.html`` and ``sakip.extra.charts``; a package's module-level
``__getattr__`` made here imports such a submodule when it is first named, so that ``import
sakip`` stays light and a name the docs write still resolves.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from types import ModuleType

__all__ = ["submodules"]


def submodules(package: str) -> Callable[[str], ModuleType]:
    """A module ``__getattr__`` for ``package`` that imports its public submodules on use."""

    def __getattr__(name: str) -> ModuleType:  # noqa: N807 - the module hook's own name
        if not name.startswith("_") and importlib.util.find_spec(f"{package}.{name}"):
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
