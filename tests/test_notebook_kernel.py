"""The shipped notebook in a real Jupyter kernel (issue #17 point 3).

``tests/test_notebook.py`` runs the cells with ``exec``; this runs the notebook as a
reader does, in an IPython kernel of this Python (a kernelspec written to a temporary
folder), and asserts that no cell fails and that every cell ending in a ``plot_`` call
shows a picture — with no ``%matplotlib`` line anywhere in the notebook.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _execute(nb: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``nb`` in a kernel of this Python (its kernelspec written under ``tmp_path``),
    in the examples folder."""
    prefix = tmp_path / "jupyter"
    kernelspec.install(prefix=str(prefix), kernel_name="jarjestoyhteistyo-test")
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.delenv("MPLBACKEND", raising=False)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="jarjestoyhteistyo-test",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()


def test_the_notebook_runs_in_a_kernel_and_shows_its_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    _execute(nb, tmp_path, monkeypatch)
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


def test_one_picture_with_pyplot_inline_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notebook that has imported pyplot (the inline backend registers IPython's own
    formatter for figures) still shows each figure once, as a picture."""
    cells = [
        "%matplotlib inline\nimport matplotlib.pyplot as plt\nimport jarjestoyhteistyo as jy",
        "from jarjestoyhteistyo.render.plots import plot_scorecard\n"
        'plot_scorecard(jy.load_preset("ku"))',
        "len(plt.get_fignums())",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    _execute(nb, tmp_path, monkeypatch)
    assert not [o for c in nb.cells for o in c.outputs if o.output_type == "error"]
    outputs = nb.cells[1].outputs
    assert [sorted(o.get("data", {})) for o in outputs] == [["image/png", "text/plain"]]
    assert nb.cells[2].outputs[0]["data"]["text/plain"] == "0"  # nothing left in pyplot


def test_a_figure_pickles_and_comes_back_as_a_picture() -> None:
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.render.plots import plot_rotation

    fig = plot_rotation(jy.load_preset("ku"), years=6)
    data = pickle.dumps(fig)
    back = pickle.loads(data)
    assert type(back) is type(fig)
    assert back.axes[0].get_title() == fig.axes[0].get_title()
    assert back._repr_png_().startswith(b"\x89PNG")
    code = (
        "import pickle, sys\n"
        "fig = pickle.loads(sys.stdin.buffer.read())\n"
        "assert fig._repr_png_().startswith(b'\\x89PNG')\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
