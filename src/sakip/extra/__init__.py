"""Code that needs an optional dependency, imported lazily: one module per use."""

from sakip._lazy import submodules

__getattr__ = submodules(__name__)
