"""Sphinx configuration for jarjestoyhteistyo (reStructuredText only, no network)."""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))
# The package is installed (editable) in the environment that builds the docs; the
# src path is a fallback so a plain checkout builds too.
sys.path.append(str(DOCS.parent / "src"))

import jarjestoyhteistyo  # noqa: E402

project = "jarjestoyhteistyo"
author = "jarjestoyhteistyo developers"
copyright = "jarjestoyhteistyo developers"
release = jarjestoyhteistyo.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "jy_catalogue",
    "jy_generated",
    "sphinx_copybutton",
]

# -- copy button: a console block copies its commands, not their output ---------
# (Pygments marks a console block's prompts .gp and its output .go)
copybutton_exclude = ".linenos, .gp, .go"

exclude_patterns = ["_build", "_generated", "examples", "Thumbs.db", ".DS_Store"]
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
language = "en"

# `FC-5` in docstrings and pages: rule ids and short values read as code.
default_role = "literal"
nitpicky = False

# -- autodoc -------------------------------------------------------------------
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- intersphinx: no network, ever ---------------------------------------------
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# -- doctest -------------------------------------------------------------------
# ``>>>`` blocks of autodoc'ed docstrings run too (the default). Module examples
# use the module's own names, as pytest's --doctest-modules does: a hidden
# ``_use("module")`` before each automodule puts that module's globals in scope.
doctest_test_doctest_blocks = "default"
doctest_global_setup = f"""
import importlib as _importlib
from pathlib import Path as _Path

DOCS = _Path({str(DOCS)!r})
EXAMPLES = DOCS / "examples"


# the tables Jupyter shows follow the environment's language; the pages read English
__import__("jarjestoyhteistyo").set_display_language("en")


def _use(name):
    module = _importlib.import_module(name)
    globals().update({{k: v for k, v in vars(module).items() if not k.startswith("__")}})
"""
import doctest  # noqa: E402

doctest_default_flags = (
    doctest.ELLIPSIS
    | doctest.IGNORE_EXCEPTION_DETAIL
    | doctest.DONT_ACCEPT_TRUE_FOR_1
    | doctest.NORMALIZE_WHITESPACE
)

# -- HTML ----------------------------------------------------------------------
try:
    import furo  # noqa: F401
except ImportError:  # pragma: no cover - depends on the docs environment
    html_theme = "alabaster"
else:
    html_theme = "furo"
html_title = f"jarjestoyhteistyo {release}"
# jy.css: the generated reference tables fit the page, their cells wrap
html_static_path = ["_static"]
html_css_files = ["jy.css"]
