"""Execute the comparison notebook in CI without jupyter (issue 5).

Every code cell of ``examples/compare_presets.ipynb`` runs in order with ``exec`` in
one namespace; cells tagged ``plot`` are skipped when matplotlib is missing. The
script twin ``examples/compare_presets.py`` must hold the same code cells.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "compare_presets.ipynb"
SCRIPT = EXAMPLES / "compare_presets.py"


def _notebook() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return data


def _code_cells() -> list[dict[str, Any]]:
    return [c for c in _notebook()["cells"] if c["cell_type"] == "code"]


def test_notebook_is_nbformat_4() -> None:
    nb = _notebook()
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    ids = [c["id"] for c in nb["cells"]]
    assert len(set(ids)) == len(ids)
    for cell in nb["cells"]:
        assert cell["cell_type"] in {"code", "markdown"}
        assert isinstance(cell["source"], list)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []  # stored without outputs
            assert cell["execution_count"] is None


def test_script_has_the_same_code_cells() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    parts = re.split(r"^# %%(.*)\n", text, flags=re.MULTILINE)
    script = [
        body.strip("\n")
        for head, body in zip(parts[1::2], parts[2::2], strict=True)
        if "[markdown]" not in head
    ]
    notebook = ["".join(c["source"]) for c in _code_cells()]
    assert script == notebook


def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    have_plot = importlib.util.find_spec("matplotlib") is not None
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(NOTEBOOK)}
    out = io.StringIO()
    ran = 0
    for i, cell in enumerate(_code_cells()):
        if "plot" in cell["metadata"].get("tags", ()) and not have_plot:
            continue
        code = compile("".join(cell["source"]), f"{NOTEBOOK.name}[{i}]", "exec")
        with contextlib.redirect_stdout(out):
            exec(code, namespace)
        ran += 1
    assert ran >= 5
    text = out.getvalue()
    assert "| ngo_seats | seats | 16 | 20 | 10 |" in text
    assert "flowchart TD" in text
    assert "term 48 months" in text
