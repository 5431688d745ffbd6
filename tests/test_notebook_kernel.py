"""The shipped notebook in a real Jupyter kernel (issue #17 point 3).

``tests/test_notebook.py`` runs the cells with ``exec``; this runs the notebook as a
reader does, in an IPython kernel of this Python (a kernelspec written to a temporary
folder), and asserts that no cell fails and that every cell ending in a ``plot_`` call
shows a picture — with no ``%matplotlib`` line anywhere in the notebook.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
kernelspec = pytest.importorskip("ipykernel.kernelspec")
pytest.importorskip("matplotlib")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOK = EXAMPLES / "compare_presets.ipynb"


def test_the_notebook_has_no_magic() -> None:
    text = "".join(
        "".join(c["source"])
        for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    )
    assert "%matplotlib" not in text
    assert "plot_" in text


def test_the_notebook_runs_in_a_kernel_and_shows_its_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = tmp_path / "jupyter"
    kernelspec.install(prefix=str(prefix), kernel_name="jarjestoyhteistyo-test")
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="jarjestoyhteistyo-test",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()
    plotted = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        last = cell.source.strip().splitlines()[-1]
        if last.startswith("plot_"):
            plotted += 1
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(images) == 1, (cell.source, cell.outputs)
    assert plotted == 3
