"""Analyses built from the computations (analisis): chapter III as language-free data."""
