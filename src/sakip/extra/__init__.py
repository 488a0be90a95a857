"""Code that needs an optional dependency, imported lazily: one module per use."""
