"""Names and submodules that resolve by attribute access but load on first use.

The docs write ``sakip.present.html`` and ``sakip.extra.charts``; a package's module-level
``__getattr__`` made here imports such a submodule when it is first named, so that ``import
sakip`` stays light and a name the docs write still resolves. :func:`names` does the same for
the names a package exports from its modules (``sakip.achievement``, ``sakip.Dataset``).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

TYPE_CHECKING = False  # not typing's: ``import sakip`` does without loading typing
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

__all__ = ["keep_names", "names", "submodules"]


def submodules(package: str) -> Callable[[str], ModuleType]:
    """A module ``__getattr__`` for ``package`` that imports its public submodules on use."""

    def __getattr__(name: str) -> ModuleType:  # noqa: N807 - the module hook's own name
        import importlib.util  # noqa: PLC0415 - it loads contextlib, functools and collections

        if not name.startswith("_") and importlib.util.find_spec(f"{package}.{name}"):
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


def _where(table: Mapping[str, str]) -> dict[str, str]:
    """The module of each name: ``table`` maps a module to its names, separated by spaces."""
    return {name: module for module, words in table.items() for name in words.split()}


def names(package: str, table: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name of ``table`` from its module on use.

    The value found is bound in the package, so that the next use finds it at once; a name
    not in ``table`` is looked for as a submodule, as :func:`submodules` does.
    """
    where = _where(table)
    namespace = vars(sys.modules[package])
    submodule = submodules(package)

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        module = where.get(name)
        if module is None:
            return submodule(name)
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__


def keep_names(package: str, table: Mapping[str, str]) -> None:
    """Keep a name of ``table`` that is also a submodule's bound to the name, not the module.

    ``sakip.achievement`` is the function, from the module of the same name. Loading that
    module makes the import system bind it in the package under its name, which would hide
    the function; the package refuses that binding for these names (the module stays in
    :data:`sys.modules`, and ``from sakip.achievement import …`` works as ever).
    """
    kept = frozenset(name for name, module in _where(table).items() if module.endswith(f".{name}"))

    class Package(ModuleType):
        def __setattr__(self, name: str, value: Any) -> None:
            if name in kept and isinstance(value, ModuleType):
                return
            super().__setattr__(name, value)

    sys.modules[package].__class__ = Package
