"""Sphinx configuration for the sakip documentation."""

from importlib.metadata import version as _version
from pathlib import Path

from sakip import vectors as _vectors

project = "sakip"
author = "The sakip developers"
copyright = "2026, The sakip developers"
release = _version("sakip")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
language = "en"
nitpicky = True
nitpick_ignore = [
    # attrs' generated field types and typing aliases that intersphinx cannot resolve
    ("py:class", "attr.Attribute"),
    ("py:class", "attrs.Attribute"),
    ("py:class", "TypeAliasForwardRef"),
]
# The docs build offline, so the standard library and third-party classes cannot be linked
# through intersphinx; their names are written out instead of being reported as broken links.
_OFFLINE_MODULES = (
    "decimal|collections\\.abc|typing|datetime|enum|attr|attrs|cattrs|pathlib|os|io|numbers"
    "|types|contextlib|pandas|numpy|matplotlib|openpyxl|hypothesis|babel|gettext"
)
_OFFLINE_NAMES = (
    "Decimal|Callable|Iterable|Iterator|Mapping|Sequence|Path|PathLike|Any|TypeAlias"
    "|ExceptionGroup|BaseExceptionGroup|date|datetime|DataFrame|Figure|Series|ndarray|Enum"
    "|Generic|Protocol"
)
nitpick_ignore_regex = [
    ("py:(class|obj|exc|data|func|meth)", rf"({_OFFLINE_MODULES})(\..*)?"),
    ("py:(class|obj|exc)", rf"({_OFFLINE_NAMES})"),
    ("py:class", r"sakip\.rules\.RuleT"),
    ("py:class", r".*\.Number"),
    ("py:class", r".*\.TargetLike"),
    ("py:class", r"st\.SearchStrategy"),
]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
autodoc_typehints = "description"
autodoc_typehints_format = "short"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_attr_annotations = True


# Docstring examples are written as if in the module they document; the public names make
# that work for the pages that include them.
# They also run under a hostile decimal context (3 digits, inexact results trapped), which
# proves that no figure sakip prints depends on the context of the program calling it.
doctest_global_setup = """
from decimal import Decimal
import decimal as _decimal
import sakip
import sakip.examples
from sakip import *
_caller_context = _decimal.getcontext()
_decimal.setcontext(_decimal.Context(
    prec=3, rounding=_decimal.ROUND_UP, traps=[_decimal.Inexact, _decimal.Rounded]
))
"""
doctest_global_cleanup = """
_decimal.setcontext(_caller_context)
"""

html_theme = "furo"
html_static_path = ["_static"]

# The conformance vectors and their schema are published with the documentation, generated
# from the installed sakip at every build so that the file never lags the code.
_PUBLISHED = Path(__file__).parent / "_build" / "published"
_PUBLISHED.mkdir(parents=True, exist_ok=True)
_vectors.write(_PUBLISHED / "vectors.json")
_vectors.write(_PUBLISHED / "vectors.schema.json", _vectors.json_schema())
html_extra_path = [str(_PUBLISHED)]
html_title = "sakip"
