"""Sphinx extension: the committee documents the docs link, made at each build.

On ``builder-inited`` it writes the draft rules of procedure of the Vantaa–Kerava
preset with its example composition, in Finnish, as ``docs/_generated/`` files
(``.docx`` and ``.html``) that :doc:`documents` offers for download: the page shows
what the library writes today, never a stale copy. The folder is not kept in git.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[1]
GENERATED = DOCS / "_generated"
COMPOSITION = DOCS.parent / "examples" / "vantaa-kerava-formal.yaml"


def _write(app: Any) -> None:
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.render.documents import committee_document, write_document

    rules = jy.load_preset("vantaa-kerava-formal")
    composition = jy.load_composition(COMPOSITION)
    doc = committee_document(rules, composition, jy.validate(rules, composition), lang="fi")
    GENERATED.mkdir(exist_ok=True)
    for suffix in (".docx", ".html"):
        write_document(doc, GENERATED / f"vantaa-kerava-toimintasaanto{suffix}")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
