"""Selection benchmark (issue 6): 16 + 16 seats from 100,000 registrations.

Measured in one run against what a user would pick instead:

* merely constructing the 100,000 ``Registration`` objects (target: feasibility +
  proposal within 3× of it);
* ``networkx`` Hopcroft–Karp bipartite maximum matching on the same pool — every
  organisation × every member and deputy seat of its categories — (target: at least
  5× faster, same matching size);
* the fair lottery's probabilities for 1,000 and 10,000 registrations (target:
  1,000 within 10 s);
* ``sortition-algorithms``, the reference quota lottery for citizens' assemblies, on
  the same fictional pool. Its quotas are per *feature*, one value per person, so each
  PRH category is a yes/no feature with "yes" at least 4 (2 members + 2 deputies) in a
  panel of 32: a multi-category organisation counts in every category it has. Its
  fair algorithms (maximin, nash) run in a child process with a 60 s limit each, for
  100 and 1,000 applicants; its greedy ("legacy") algorithm draws 200 panels. Every
  panel is checked with :func:`~jarjestoyhteistyo.selection.feasibility`: can these 32
  organisations fill the 32 seats, each a different organisation in one of its
  categories? Then, for each size, the pool cut down so that one category has exactly
its minimum (4 organisations).

Run: ``python benchmarks/bench_selection.py`` (about 3 minutes); ``python
benchmarks/bench_selection.py floor [N ...] [--no-networkx] [--anchor-only]`` for the floor table of
issue #20 (the anchor pool of ``../shared/bench`` through ``_anchor.py``, that pool
with one category per organisation, and this benchmark's own), ``floor --memory N``
for the peak traced memory of ``propose`` alone. ``networkx`` and
``sortition-algorithms`` are not dependencies (``pip install networkx
sortition-algorithms``); a part whose tool is not importable is skipped.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import _anchor
from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.selection import (
    Registration,
    feasibility,
    propose,
    selection_probabilities,
)

try:
    import networkx as nx
    from networkx.algorithms import bipartite
except ImportError:  # optional: the comparison is skipped
    nx = None

try:
    import sortition_algorithms as sa
    from sortition_algorithms.committee_generation import (
        GUROBI_AVAILABLE,
        find_distribution_maximin,
        find_distribution_nash,
    )
    from sortition_algorithms.utils import set_random_provider
except ImportError:  # optional: the comparison is skipped
    sa = None

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


def networkx_matching(rules: jy.FormalCommittee, regs: list[Registration]) -> int:
    """Build the organisation × seat graph and match it (Hopcroft–Karp)."""
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


# ------------------------------------------------------------- sortition-algorithms
PANEL = 32  # 8 categories × (2 members + 2 deputies), each a different organisation
MINIMUM = 4  # per category: a quota "at least 4 organisations of the category"
LIMIT = 60.0  # seconds for each of its fair algorithms
PANELS = 200  # greedy panels drawn, and panels of ours checked
FAIR_SIZES = (100, 1_000)
OUR_SIZES = (100, 1_000, 10_000)


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def sortition_pool(codes: Sequence[str], regs: Sequence[Registration]) -> tuple[Any, Any]:
    """Its features (a yes/no feature per category, "yes" ≥ 4) and its people."""
    head = ["feature", "value", "min", "max"]
    body = [
        {"feature": c, "value": v, "min": str(MINIMUM if v == "yes" else 0), "max": str(PANEL)}
        for c in codes
        for v in ("yes", "no")
    ]
    features, _, _ = sa.read_in_features(head, body)
    settings = sa.Settings(id_column="id", columns_to_keep=[])
    people_rows = [
        {"id": r.organisation.id, **{c: yes_no(c in r.organisation.categories) for c in codes}}
        for r in regs
    ]
    people, _ = sa.read_in_people(["id", *codes], people_rows, features, settings)
    return features, people


def fills_seats(
    rules: jy.FormalCommittee,
    by_id: dict[str, Registration],
    panel: Sequence[str],
    seats: int = PANEL,
) -> bool:
    """Can exactly these organisations fill ``seats`` seats (distinct, each in its category)?"""
    if len(set(panel)) != len(panel) or len(panel) != seats:
        return False
    return feasibility(rules, [by_id[o] for o in panel]).fillable == seats


def _fair_worker(
    algorithm: str, rules: jy.FormalCommittee, regs: list[Registration], started: Any, conn: Any
) -> None:
    """Child process: one fair algorithm of sortition-algorithms; the result on ``conn``."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # HiGHS prints its banner on stdout
        logging.getLogger("sortition_algorithms").setLevel(logging.CRITICAL)
        set_random_provider(1)  # its column generation draws random numbers: reproducible
        codes = [c.code for c in rules.categories]
        features, people = sortition_pool(codes, regs)
        find = {"maximin": find_distribution_maximin, "nash": find_distribution_nash}[algorithm]
        started.set()
        t0 = time.perf_counter()
        committees, probs, _ = find(features, people, PANEL, [])
        seconds = time.perf_counter() - t0
        by_id = {r.organisation.id: r for r in regs}
        person: dict[str, float] = dict.fromkeys(by_id, 0.0)
        fill = 0.0
        for c, pr in zip(committees, probs, strict=True):
            for o in c:
                person[o] += pr
            if fills_seats(rules, by_id, sorted(c)):
                fill += pr
        conn.send(
            {
                "seconds": seconds,
                "panels": len(committees),
                "minimum": min(person.values()),
                "fill": fill / sum(probs),
            }
        )
    except Exception as e:  # reported, not raised: the benchmark goes on
        started.set()
        conn.send({"error": f"{type(e).__name__}: {e}"})


def run_fair(algorithm: str, rules: jy.FormalCommittee, regs: list[Registration]) -> dict[str, Any]:
    """Run a fair algorithm in a child process; stop it after ``LIMIT`` seconds."""
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    recv, send = ctx.Pipe(duplex=False)
    started = ctx.Event()
    proc = ctx.Process(target=_fair_worker, args=(algorithm, rules, regs, started, send))
    proc.start()
    send.close()
    try:
        if not started.wait(LIMIT):  # the pool is built: the clock starts
            result = {"error": "its pool was not built within the limit"}
        else:
            result = recv.recv() if recv.poll(LIMIT) else {"timeout": True}
    except EOFError:
        result = {"error": f"child process died (exit code {proc.exitcode})"}
    proc.kill()
    proc.join()
    return result


def exact_minimum_pool(regs: Sequence[Registration], code: str) -> list[Registration]:
    """The pool with only ``MINIMUM`` organisations left in category ``code``."""
    keep = {r.organisation.id for r in regs if code in r.organisation.categories}
    keep = set(sorted(keep)[:MINIMUM])
    return [r for r in regs if code not in r.organisation.categories or r.organisation.id in keep]


def greedy(
    features: Any, people: Any, seed: int, *, max_attempts: int = 100
) -> tuple[list[str] | None, str]:
    """One panel of its greedy ("legacy") algorithm, as a user runs it; or its error."""
    settings = sa.Settings(
        id_column="id",
        columns_to_keep=[],
        selection_algorithm="legacy",
        random_number_seed=seed,
        max_attempts=max_attempts,
    )
    ok, panels, rep = sa.run_stratification(features, people, PANEL, settings)
    if not ok:
        err = rep.last_error()
        return None, f"{type(err).__name__}: {err}".splitlines()[0] if err else "failed"
    return sorted(panels[0]), ""


Row = tuple[str, ...]
CODE = "substance-abuse"  # the category cut down to exactly its minimum


def table(title: str, head: Row, rows: list[Row]) -> None:
    """Print a plain-text table."""
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(r: Row) -> str:
        rest = [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join([r[0].ljust(widths[0]), *rest]).rstrip()

    print()
    print(title)
    print(line(head))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def share(good: int, total: int) -> str:
    return f"{good}/{total} = {100 * good / total:.0f} %"


def fair_rows(rules: jy.FormalCommittee, regs: list[Registration]) -> list[Row]:
    """Its maximin and nash, full pool and exact-minimum pool, in child processes."""
    rows: list[Row] = []
    for algorithm in ("maximin", "nash"):
        for n in FAIR_SIZES:
            label = f"sortition-algorithms {algorithm}"
            res = run_fair(algorithm, rules, regs[:n])
            if "timeout" in res:
                rows.append((label, f"{n:,}", f"did not finish in {LIMIT:.0f} s", "—", "—", "—"))
                continue  # the exact-minimum pool is as large: not run
            if "error" in res:
                rows.append((label, f"{n:,}", "error", "—", res["error"][:60], "—"))
                continue
            tight = run_fair(algorithm, rules, exact_minimum_pool(regs[:n], CODE))
            if "timeout" in tight:
                at_min = f"did not finish in {LIMIT:.0f} s"
            elif "error" in tight:
                at_min = "error: " + tight["error"][:60]
            else:
                at_min = f"ok ({tight['seconds']:.1f} s, {100 * tight['fill']:.0f} % fill)"
            rows.append(
                (
                    label,
                    f"{n:,}",
                    f"{res['seconds']:.1f} s",
                    f"{res['minimum']:.4f}",
                    f"{100 * res['fill']:.0f} % of the probability ({res['panels']} panels)",
                    at_min,
                )
            )
    if not GUROBI_AVAILABLE:
        row = ("sortition-algorithms leximin", "—", "needs Gurobi (not installed)", "—", "—", "—")
        rows.append(row)
    return rows


def greedy_row(rules: jy.FormalCommittee, regs: list[Registration], notes: list[str]) -> Row:
    """Its greedy algorithm: ``PANELS`` panels, then the exact-minimum pool."""
    codes = [c.code for c in rules.categories]
    features, people = sortition_pool(codes, regs)
    by_id = {r.organisation.id: r for r in regs}
    good = errors = 0
    start = time.perf_counter()
    for seed in range(1, PANELS + 1):
        panel, _err = greedy(features, people, seed)
        if panel is None:
            errors += 1
        else:
            good += fills_seats(rules, by_id, panel)
    per = (time.perf_counter() - start) / PANELS
    fill = share(good, PANELS - errors) if errors < PANELS else "—"
    features, people = sortition_pool(codes, exact_minimum_pool(regs, CODE))
    got, err = greedy(features, people, 1)
    if got is None:
        notes.append(f"legacy, exactly the minimum: {err}")
    return (
        "sortition-algorithms legacy (greedy)",
        f"{len(regs):,}",
        f"{per * 1e3:.0f} ms per panel",
        "—",
        fill + (f"; {errors} errors" if errors else ""),
        "ok" if got is not None else "error after 100 attempts (*)",
    )


def our_row(rules: jy.FormalCommittee, regs: list[Registration], notes: list[str]) -> Row:
    """Ours: time, minimum probability, ``PANELS`` panels checked, the exact-minimum pool."""
    n = len(regs)
    t = best_per_call(lambda: selection_probabilities(rules, regs, seed=1), number=1, repeat=3)
    by_id = {r.organisation.id: r for r in regs}
    lot = selection_probabilities(rules, regs, seed=1)
    good = 0
    for seed in range(PANELS):
        panel = [o for o, _g in selection_probabilities(rules, regs, seed=seed).panel]
        good += fills_seats(rules, by_id, panel, lot.seats)
    tight = exact_minimum_pool(regs, CODE)
    tlot = selection_probabilities(rules, tight, seed=1)
    drawn = [o for o, _g in tlot.panel]
    ok = fills_seats(rules, {r.organisation.id: r for r in tight}, drawn, tlot.seats)
    few = sorted(
        {
            float(tlot.probabilities[r.organisation.id])
            for r in tight
            if CODE in r.organisation.categories
        }
    )
    notes.append(
        f"ours, exactly the minimum, {n:,} applicants: the {MINIMUM} organisations of {CODE} "
        f"have probability {', '.join(f'{x:g}' for x in few)}; minimum {float(tlot.minimum):.4f}"
    )
    return (
        "ours: selection_probabilities",
        f"{n:,}",
        f"{t * 1e3:.0f} ms",
        f"{float(lot.minimum):.4f}",
        share(good, PANELS) + ("" if lot.seats == PANEL else f" ({lot.seats} fillable)"),
        f"ok, panel fills the {tlot.seats} seats" if ok else "panel does NOT fill the seats",
    )


def compare_lotteries(rules: jy.FormalCommittee, regs: list[Registration]) -> None:
    """sortition-algorithms against ours on the same pool; one table."""
    rows: list[Row] = []
    notes: list[str] = []
    if sa is None:
        print("sortition-algorithms not importable: its rows are skipped")
    else:
        logging.getLogger("sortition_algorithms").setLevel(logging.CRITICAL)
        logging.getLogger("sortition_algorithms_user").setLevel(logging.CRITICAL)
        rows += fair_rows(rules, regs)
        rows.append(greedy_row(rules, regs[: FAIR_SIZES[-1]], notes))
    rows += [our_row(rules, regs[:n], notes) for n in OUR_SIZES]
    table(
        f"Quota lottery, same fictional pool: {PANEL} seats = 8 PRH categories × (2 members + "
        f"2 deputies), distinct organisations; quota: at least {MINIMUM} per category",
        (
            "algorithm",
            "applicants",
            "time",
            "min. probability",
            "panels that fill the seats",
            f"{CODE} has exactly {MINIMUM}",
        ),
        rows,
    )
    print(
        "min. probability: sortition-algorithms' over the panels meeting its quotas, ours over "
        "the panels\n  that fill the seats. Panels that fill the seats: of the share of the fair "
        f"distribution, of {PANELS}\n  greedy panels, or of {PANELS} of ours (seeds 0–"
        f"{PANELS - 1}), those whose organisations can take all {PANEL} seats,\n  each a "
        "different organisation in one of its categories (feasibility of the panel alone)."
    )
    for note in notes:
        print(f"(*) {note}" if note.startswith("legacy") else f"    {note}")


# ------------------------------------------------- selection at the floor (issue #20)
FLOOR_SIZES = (1_000, 10_000, 100_000)
FLOOR_ROUNDS = 5


def _timed(fn: Any) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _floor_pools(n: int) -> list[tuple[str, jy.FormalCommittee, list[Any]]]:
    """The pools of the floor table: the anchor's (as ``anchor_pool.build``), the anchor's
    with one category per organisation, and this benchmark's own (300 municipalities)."""
    rules = jy.load_preset("vantaa-kerava-formal")
    pools: list[tuple[str, jy.FormalCommittee, list[Any]]] = []
    if _anchor.anchor is not None:
        pools.append(("anchor", rules, _anchor.rows(n)))
        pools.append(("anchor, one category", rules, _anchor.rows(n, one_category=True)))
    pools.append(
        ("project (300 municipalities)", rules, specs(n, [c.code for c in rules.categories]))
    )
    return pools


def _min_med(xs: list[float]) -> str:
    return f"{min(xs) * 1e3:.1f} / {statistics.median(xs) * 1e3:.1f} ms" if xs else "—"


def floor(
    sizes: Sequence[int],
    *,
    rounds: int = FLOOR_ROUNDS,
    matching: bool = True,
    anchor_only: bool = False,
) -> None:
    """``propose(seed=1)`` against building the wrappers and against networkx, per pool
    and size: each round times the three in turn, ``gc.collect()`` before each; min and
    median of ``rounds``, and the ratio of the medians with its range over the rounds."""
    print(f"selection at the floor: {rounds} rounds, gc.collect() before each run")
    head = (
        "pool",
        "registrations",
        "wrappers min/med",
        "propose min/med",
        "networkx min/med",
        "propose / wrappers",
        "networkx / propose",
    )
    rows: list[Row] = []
    for n in sizes:
        for name, rules, spec in _floor_pools(n)[: 1 if anchor_only else None]:
            regs = build(spec)
            orgs = [r.organisation for r in regs]
            people = [r.member for r in regs]

            def wrappers(orgs: list[Any] = orgs, people: list[Any] = people) -> object:
                return [
                    Registration(organisation=o, member=p, link_description=_anchor.LINK)
                    for o, p in zip(orgs, people, strict=True)
                ]

            def ours(rules: Any = rules, regs: list[Any] = regs) -> object:
                return propose(rules, regs, seed=1)

            def theirs(rules: Any = rules, regs: list[Any] = regs) -> object:
                return networkx_matching(rules, regs)

            with_nx = matching and nx is not None
            if with_nx:
                size = networkx_matching(rules, regs)
                assert size == propose(rules, regs, seed=1).feasibility.fillable
            w, p, x = [], [], []
            for _ in range(rounds):
                w.append(_timed(wrappers))
                p.append(_timed(ours))
                if with_nx:
                    x.append(_timed(theirs))
            pw = [b / a for a, b in zip(w, p, strict=True)]
            med = statistics.median

            ratio_x = "—"
            if x:
                xp = [b / a for a, b in zip(p, x, strict=True)]
                ratio_x = f"{med(x) / med(p):.2f} ({min(xp):.2f}–{max(xp):.2f})"
            rows.append(
                (
                    name,
                    f"{n:,}",
                    _min_med(w),
                    _min_med(p),
                    _min_med(x),
                    f"{med(p) / med(w):.2f} ({min(pw):.2f}–{max(pw):.2f})",
                    ratio_x,
                )
            )
            print("  " + "  ".join(rows[-1]), flush=True)
    table("Selection at the floor: propose(seed=1), 16 + 16 seats", head, rows)


def floor_memory(n: int) -> None:
    """Peak traced memory of ``propose`` alone (the registrations already built)."""
    rules = jy.load_preset("vantaa-kerava-formal")
    spec = (
        _anchor.rows(n)
        if _anchor.anchor is not None
        else specs(n, [c.code for c in rules.categories])
    )
    regs = build(spec)
    gc.collect()
    tracemalloc.start()
    propose(rules, regs, seed=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"propose, {n:,} registrations: peak traced memory {peak / 2**20:.0f} MiB")


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

    def propose_all() -> object:
        # propose() answers feasibility first; its Proposal carries the Feasibility
        return propose(rules, regs, seed=1)

    base_all = best_per_call(lambda: build(rows), number=1, repeat=3)
    base = best_per_call(construct_registrations, number=1, repeat=3)
    t_ours = best_per_call(propose_all, number=1, repeat=3)
    p = propose(rules, regs, seed=1)
    f = feasibility(rules, regs)
    assert p.ok, p.report.to_text()
    print(f"{N:,} registrations, {f.seats} seats (16 members + 16 deputies); fillable {f.fillable}")
    t_feas = best_per_call(lambda: feasibility(rules, regs), number=1, repeat=3)
    report("feasibility alone", t_feas, base, "construct Registrations")
    report("feasibility + proposal", t_ours, base, "construct Registrations")
    report("feasibility + proposal", t_ours, base_all, "construct + Organisations")

    if nx is None:
        print("networkx not importable: matching comparison skipped")
    else:
        start = time.perf_counter()
        size = networkx_matching(rules, regs)
        t_nx = time.perf_counter() - start
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

    compare_lotteries(rules, regs)


if __name__ == "__main__":
    if sys.argv[1:2] == ["floor"]:  # floor [N ...] [--no-networkx] [--memory N]
        args = sys.argv[2:]
        if "--memory" in args:
            floor_memory(int(args[args.index("--memory") + 1]))
        else:
            without_nx = "--no-networkx" in args
            sizes = [int(a) for a in args if a.isdigit()] or list(FLOOR_SIZES)
            floor(sizes, matching=not without_nx, anchor_only="--anchor-only" in args)
    else:
        main()
