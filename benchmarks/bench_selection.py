"""Selection benchmark (issue 6): 16 + 16 seats from 100,000 registrations.

Measured in one run against what a user would do instead:

* merely constructing the 100,000 ``Registration`` objects (target: feasibility +
  proposal within 3× of it);
* ``networkx`` Hopcroft–Karp bipartite maximum matching on the same pool — every
  organisation × every member and deputy seat of its categories — when
  ``networkx`` is importable (target: at least 5× faster, same matching size);
* the fair lottery's probabilities for 1,000 and 10,000 registrations (target:
  1,000 within 10 s);
* ``sortition-algorithms`` is not called: it is optional and skipped when absent.

Run: ``python benchmarks/bench_selection.py``. ``networkx`` is not a dependency; to
include it without installing it into the environment, put a directory holding only
the ``networkx`` package on ``PYTHONPATH``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.models import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.selection import (
    Registration,
    feasibility,
    propose,
    selection_probabilities,
)

N = 100_000
ROLES = (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT, Role.VOLUNTEER)


def specs(n: int, codes: list[str], seed: int = 5) -> list[tuple[object, ...]]:
    """Fictional organisations: 1–3 categories, sizes, languages, 300 municipalities."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(
            (
                f"org-{i:06d}",
                frozenset(rng.sample(codes, rng.choice((1, 1, 1, 2, 3)))),
                rng.choice(list(SizeClass)),
                rng.random() < 0.3,
                frozenset({"sv"} if rng.random() < 0.06 else {"fi"}),
                frozenset({f"municipality-{rng.randrange(300)}"}),
                ROLES[i % 3],
            )
        )
    return out


def build(rows: list[tuple[object, ...]]) -> list[Registration]:
    return [
        Registration(
            organisation=Organisation(
                id=oid,  # type: ignore[arg-type]
                categories=cats,  # type: ignore[arg-type]
                size=size,  # type: ignore[arg-type]
                volunteer_run=vol,  # type: ignore[arg-type]
                languages=langs,  # type: ignore[arg-type]
                municipalities=munis,  # type: ignore[arg-type]
            ),
            member=Person(role=role),  # type: ignore[arg-type]
            link_description="links to the area's services",
        )
        for oid, cats, size, vol, langs, munis, role in rows
    ]


def networkx_matching(rules: jy.FormalCommittee, regs: list[Registration]) -> int | None:
    try:
        import networkx as nx
        from networkx.algorithms import bipartite
    except ImportError:
        return None
    g = nx.Graph()
    seats = [
        (c.code, kind, n)
        for c in rules.categories
        for kind in ("m", "d")
        for n in range(rules.members_per_category)
    ]
    by_cat: dict[str, list[tuple[str, str, int]]] = {}
    for s in seats:
        by_cat.setdefault(s[0], []).append(s)
    orgs = [r.organisation.id for r in regs]
    g.add_nodes_from(orgs, bipartite=0)
    g.add_nodes_from(seats, bipartite=1)
    g.add_edges_from(
        (r.organisation.id, s) for r in regs for c in r.organisation.categories for s in by_cat[c]
    )
    matching = bipartite.hopcroft_karp_matching(g, top_nodes=orgs)
    return len(matching) // 2


def main() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")  # 8 categories × (2 members + 2 deputies)
    codes = [c.code for c in rules.categories]
    rows = specs(N, codes)
    regs = build(rows)
    orgs = [r.organisation for r in regs]
    people = [r.member for r in regs]

    def construct_registrations() -> object:
        return [
            Registration(organisation=o, member=p, link_description="links to the area's services")
            for o, p in zip(orgs, people, strict=True)
        ]

    def ours() -> object:
        # propose() answers feasibility first; its Proposal carries the Feasibility
        return propose(rules, regs, seed=1)

    base_all = best_per_call(lambda: build(rows), number=1, repeat=3)
    base = best_per_call(construct_registrations, number=1, repeat=3)
    t_ours = best_per_call(ours, number=1, repeat=3)
    p = propose(rules, regs, seed=1)
    f = feasibility(rules, regs)
    assert p.ok, p.report.to_text()
    print(f"{N:,} registrations, {f.seats} seats (16 members + 16 deputies); fillable {f.fillable}")
    t_feas = best_per_call(lambda: feasibility(rules, regs), number=1, repeat=3)
    report("feasibility alone", t_feas, base, "construct Registrations")
    report("feasibility + proposal", t_ours, base, "construct Registrations")
    report("feasibility + proposal", t_ours, base_all, "construct + Organisations")

    start = time.perf_counter()
    size = networkx_matching(rules, regs)
    t_nx = time.perf_counter() - start
    if size is None:
        print("networkx not importable: matching comparison skipped")
    else:
        assert size == f.fillable, (size, f.fillable)
        report("feasibility + proposal", t_ours, t_nx, "networkx build + match")
        print(f"{'':<44} networkx / ours: {t_nx / t_ours:5.1f}x, matching size {size} (same)")

    for n in (1_000, 10_000):
        sub = regs[:n]
        t = best_per_call(
            lambda sub=sub: selection_probabilities(rules, sub, seed=1), number=1, repeat=3
        )
        lot = selection_probabilities(rules, sub, seed=1)
        print(
            f"fair lottery, {n:>6,} registrations: {t * 1e3:9.1f} ms   "
            f"minimum probability {float(lot.minimum):.4f}, seats {lot.seats}"
        )
    try:
        import sortition_algorithms  # noqa: F401
    except ImportError:
        print("sortition-algorithms not installed: comparison skipped")
    else:  # pragma: no cover - optional
        print("sortition-algorithms installed: see docs/selection.rst for the comparison")


if __name__ == "__main__":
    main()
