"""The anchor pool of ``../shared/bench`` as the library's ``Registration`` objects.

``anchor_pool.py`` there imports a module the library no longer has
(``jarjestoyhteistyo.models``); this adapter loads its generator,
``anchor_selection.py`` (seed 7; smaller pools are prefixes of larger ones), and
builds the same rows and registrations with today's names, without editing the
shared directory. Set ``JY_ANCHOR_BENCH`` to its path when it is elsewhere.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.model.registrations import Registration

HERE = Path(__file__).resolve().parent
BENCH = Path(os.environ.get("JY_ANCHOR_BENCH", HERE.parent.parent / "shared" / "bench"))

RULES = jy.load_preset("vantaa-kerava-formal")
CODES = [c.code for c in RULES.categories]
ROLES = (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT, Role.VOLUNTEER)
SIZES = {"small": SizeClass.SMALL, "medium": SizeClass.MEDIUM, "large": SizeClass.LARGE}
LINK = "links to the area's services"

Row = tuple[str, frozenset[str], SizeClass, bool, frozenset[str], frozenset[str], Role]


def _load() -> ModuleType | None:
    path = BENCH / "anchor_selection.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("anchor_selection", path)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["anchor_selection"] = mod
    spec.loader.exec_module(mod)
    return mod


anchor = _load()


def rows(n: int, seed: int = 7, *, one_category: bool = False) -> list[Row]:
    """The anchor's rows (as ``anchor_pool.rows``); ``one_category`` keeps only the
    primary category of each organisation."""
    if anchor is None:
        raise RuntimeError(f"anchor benchmark not found in {BENCH}")
    out: list[Row] = []
    for i, o in enumerate(anchor.get_pool(n, seed)):
        cats = (o.primary,) if one_category else o.categories
        out.append(
            (
                o.org_id,
                frozenset(CODES[c] for c in cats),
                SIZES[o.size],
                o.volunteer_only,
                frozenset({o.language}),
                frozenset({o.municipality}),
                ROLES[i % 3],
            )
        )
    return out


def build(rs: list[Row]) -> list[Registration]:
    """Organisation + Person + Registration for every row (as ``anchor_pool.build``)."""
    return [
        Registration(
            organisation=Organisation(
                id=oid,
                categories=cats,
                size=size,
                volunteer_run=vol,
                languages=langs,
                municipalities=munis,
            ),
            member=Person(role=role),
            link_description=LINK,
        )
        for oid, cats, size, vol, langs, munis, role in rs
    ]
