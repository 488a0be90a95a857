"""Optional dependencies, imported when a feature first needs them.

``import sakip`` loads none of them; a feature whose dependency is missing raises
:class:`~sakip.MissingDependencyError`, which names the extra that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from sakip.exceptions import MissingDependencyError

__all__ = ["require"]

_EXTRAS = {
    "numpy": "pandas",
    "pandas": "pandas",
    "openpyxl": "excel",
    "matplotlib": "plot",
    "docx": "docx",
    "hypothesis": "testing",
}


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module``, or raise an error saying which sakip extra installs it.

    Args:
        module: The module to import ("openpyxl", "matplotlib.figure").
        purpose: What needs it, as a plural phrase ("XLSX files"), for the message.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        raise MissingDependencyError(top, _EXTRAS[top], purpose) from None
