"""Analyses built from the computations (analisis): chapter III as language-free data."""

from sakip._lazy import submodules

__getattr__ = submodules(__name__)
