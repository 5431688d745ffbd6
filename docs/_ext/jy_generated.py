"""Sphinx extension: the files and pictures the docs show, made at each build.

On ``builder-inited`` it writes into ``docs/_generated/`` (not kept in git):

- the draft rules of procedure of the Vantaa–Kerava preset with its example
  composition, in Finnish, as ``.docx`` and ``.html`` — :doc:`documents` offers them for
  download — and a picture of that HTML page as a browser draws it (headless
  Chromium); where no Chromium is installed, the picture committed in
  ``docs/_static/`` stands in and the build says so;
- the pictures of the shipped notebook ``examples/compare_presets.ipynb``: the notebook
  is executed in a real IPython kernel of this Python (as ``tests/test_notebook_kernel.py``
  does) and each ``image/png`` output is saved as ``notebook-figure-N.png``, so
  :doc:`tutorial-notebook` shows what the notebook shows today, never a stale copy.

Building the docs therefore needs the ``docs`` dependency group (which lists the
``documents`` and ``plot`` extras and the notebook runner).
"""

from __future__ import annotations

import base64
import logging as pylogging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from sphinx.util import logging

DOCS = Path(__file__).resolve().parents[1]
ROOT = DOCS.parent
GENERATED = DOCS / "_generated"
STATIC = DOCS / "_static"
COMPOSITION = ROOT / "examples" / "vantaa-kerava-formal.yaml"
NOTEBOOK = ROOT / "examples" / "compare_presets.ipynb"
RULES_PAGE = "vantaa-kerava-toimintasaanto"
# the notebook's pictures, in the order its cells draw them (tutorial-notebook.rst)
NOTEBOOK_FIGURES = 3

log = logging.getLogger(__name__)


def _documents() -> None:
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.render.documents import committee_document, write_document

    rules = jy.load_preset("vantaa-kerava-formal")
    composition = jy.load_composition(COMPOSITION)
    doc = committee_document(rules, composition, jy.validate(rules, composition), lang="fi")
    for suffix in (".docx", ".html"):
        write_document(doc, GENERATED / f"{RULES_PAGE}{suffix}")


def _screenshot() -> None:
    """The generated HTML page as headless Chromium draws it, 1,200 px wide."""
    png = GENERATED / f"{RULES_PAGE}.png"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        shutil.copyfile(STATIC / f"{RULES_PAGE}.png", png)
        log.info("jy_generated: no chromium, the committed picture of the rules page stands in")
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                "--hide-scrollbars",
                "--window-size=1200,1500",
                (GENERATED / f"{RULES_PAGE}.html").as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )


def _notebook_figures() -> None:
    """Execute the shipped notebook in a kernel and keep its pictures."""
    import nbclient
    import nbformat
    from ipykernel import kernelspec

    nb = nbformat.read(NOTEBOOK, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "jupyter"
        quiet = pylogging.getLogger("traitlets")
        level = quiet.level
        quiet.setLevel(pylogging.ERROR)  # its notes on the temporary kernelspec
        kernelspec.install(prefix=str(prefix), kernel_name="jarjestoyhteistyo-docs")
        saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR")}
        os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")
        os.environ["JUPYTER_RUNTIME_DIR"] = str(Path(tmp) / "runtime")
        try:
            nbclient.NotebookClient(
                nb,
                timeout=300,
                kernel_name="jarjestoyhteistyo-docs",
                resources={"metadata": {"path": str(NOTEBOOK.parent)}},
            ).execute()
        finally:
            quiet.setLevel(level)
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    pictures = [
        base64.b64decode(output["data"]["image/png"])
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    if len(pictures) != NOTEBOOK_FIGURES:
        raise RuntimeError(
            f"the notebook drew {len(pictures)} pictures, the docs show {NOTEBOOK_FIGURES}"
        )
    for number, data in enumerate(pictures, start=1):
        (GENERATED / f"notebook-figure-{number}.png").write_bytes(data)


def _generate(app: Any) -> None:
    GENERATED.mkdir(exist_ok=True)
    _documents()
    _screenshot()
    _notebook_figures()


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
