"""The fair lottery (issue #20): the same panels as before it got fast, and an LP oracle.

* ``_QuotasBefore`` and ``_rounding_before`` are the lottery as it was before issue #20
  (rational arithmetic in every flow, the registrations regrouped and sorted on every
  draw), kept here verbatim as the reference: the same seed must draw the same panels.
* The ``slow`` tests check the probabilities against an independent linear program over
  registrations x seat groups (scipy's HiGHS ``linprog``, a test-only dependency) on the
  anchor benchmark's pool (``../shared/bench/anchor_selection.py`` beside the checkout,
  or ``$JY_ANCHOR_BENCH``), and 20,000 drawn panels against the reported marginals.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import random
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.categories import category_by_code
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import FormalCommittee, RuleSet, SeatSource
from jarjestoyhteistyo.selection import propose, selection_probabilities
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection.feasible import feasibility_of
from jarjestoyhteistyo.selection.lottery import FairQuotas, dependent_rounding
from jarjestoyhteistyo.selection.pool import Pool

ROOT = Path(__file__).resolve().parent.parent
LINK = "links to the area's services"


# ------------------------------------------------- the lottery before issue #20
class _QuotasBefore:
    """``FairQuotas`` as it was before issue #20 (verbatim but for the names)."""

    def __init__(self, pool: Pool, fillable: int) -> None:
        self.pool = pool
        self.fillable = fillable
        types = sorted(pool.counts)
        self.types = types
        n = {t: pool.counts[t] for t in types}
        x: dict[int, Fraction] = {}
        active = set(types)
        while active:
            lam, net, nodes = self._level(x, active, n)
            reach = net.net.reaching(1)
            blocked = {t for t in active if nodes[t] not in reach}
            if lam >= 1 or not blocked:
                blocked = set(active)
            for t in blocked:
                x[t] = lam * n[t]
            active -= blocked
        self.x = x
        self.p = {t: x[t] / n[t] for t in types}

    def _build(
        self, x: Mapping[int, Fraction], active: set[int], n: Mapping[int, int], lam: Fraction
    ) -> tuple[TypeNetwork, dict[int, int]]:
        net = TypeNetwork(self.pool.slots)
        nodes: dict[int, int] = {}
        for t in self.types:
            cap = x[t] if t in x else lam * n[t]
            idx = net.add_type(t, cap)
            nodes[t] = net.types[idx][1]
        return net, nodes

    def _level(
        self, x: Mapping[int, Fraction], active: set[int], n: Mapping[int, int]
    ) -> tuple[Fraction, TypeNetwork, dict[int, int]]:
        """The largest λ ≤ 1 with x_t = λ·n_t on active types still feasible (Dinkelbach)."""
        fixed = sum(x.values(), start=Fraction(0))
        lam = min(Fraction(1), (self.fillable - fixed) / sum(n[t] for t in active))
        while True:
            net, nodes = self._build(x, active, n, lam)
            demand = fixed + lam * sum(n[t] for t in active)
            if net.run() >= demand:
                return lam, net, nodes
            side = net.net.reachable(0)
            tight = [t for t in self.types if nodes[t] in side]
            groups = sum(self.pool.slots[j] for j in range(net.k) if 2 + j in side)
            tight_fixed = sum((x[t] for t in tight if t in x), start=Fraction(0))
            weight = sum(n[t] for t in tight if t in active)
            lam = (groups - tight_fixed) / weight

    def flows(self) -> dict[tuple[int, int], Fraction]:
        """Fractional type → group flows ``y`` realising the quotas."""
        net, _nodes = self._build(self.x, set(), {}, Fraction(0))
        net.run()
        y: dict[tuple[int, int], Fraction] = {}
        for t_index, (mask, *_rest) in enumerate(net.types):
            for j, f in net.split(t_index).items():
                if f:
                    y[(mask, j)] = Fraction(f)
        for j in range(net.k):
            spare = self.pool.slots[j] - Fraction(net.load(j))
            if spare:
                y[(-1, j)] = spare  # the dummy type: unused seats
        return y

    def draw(self, rng: random.Random) -> list[tuple[int, int]]:
        """One panel: (registration index, group index) pairs; marginals exactly ``p``."""
        y = _rounding_before(self.flows(), rng)
        by_type: dict[int, list[int]] = {}
        for i, m in enumerate(self.pool.masks):
            if m:
                by_type.setdefault(m, []).append(i)
        panel: list[tuple[int, int]] = []
        for t in self.types:
            ids = sorted(by_type[t], key=lambda i: self.pool.regs[i].organisation.id)
            quotas = [(j, y.get((t, j), 0)) for j in range(len(self.pool.slots))]
            need = sum(q for _, q in quotas)
            chosen = rng.sample(ids, need)
            pos = 0
            for j, q in quotas:
                for i in chosen[pos : pos + q]:
                    panel.append((i, j))
                pos += q
        return panel


def _rounding_before(
    y: Mapping[tuple[int, int], Fraction], rng: random.Random
) -> dict[tuple[int, int], int]:
    """Round bipartite flows keeping every marginal ``E[Y_e] = y_e`` (Gandhi et al. 2006).

    Vertex degrees are rounded to floor or ceiling; integral degrees are kept exactly.
    """
    base = {e: int(v) for e, v in y.items()}  # floor for non-negative values
    z = {e: v - base[e] for e, v in y.items() if v != base[e]}
    while z:
        adj: dict[tuple[str, int], list[tuple[int, int]]] = {}
        for e in sorted(z):
            adj.setdefault(("t", e[0]), []).append(e)
            adj.setdefault(("g", e[1]), []).append(e)
        start = next((v for v in sorted(adj) if len(adj[v]) == 1), min(adj))
        walk_v = [start]
        walk_e: list[tuple[int, int]] = []
        seen = {start: 0}
        v = start
        while True:
            options = [e for e in adj[v] if not walk_e or e != walk_e[-1]]
            if not options:
                edges = walk_e  # a maximal path
                break
            e = options[0]
            u = ("g", e[1]) if v[0] == "t" else ("t", e[0])
            walk_e.append(e)
            if u in seen:
                edges = walk_e[seen[u] :]  # a cycle (even: the graph is bipartite)
                break
            seen[u] = len(walk_e)
            walk_v.append(u)
            v = u
        m1, m2 = edges[0::2], edges[1::2]
        alpha = min([1 - z[e] for e in m1] + [z[e] for e in m2])
        beta = min([z[e] for e in m1] + [1 - z[e] for e in m2])
        up = beta / (alpha + beta)
        step = alpha if rng.randrange(up.denominator) < up.numerator else -beta
        for e in m1:
            z[e] += step
        for e in m2:
            z[e] -= step
        for e in edges:
            if z[e] in (0, 1):
                base[e] += int(z.pop(e))
    return base


# ------------------------------------------------------------------ pools
CODES = tuple(c.code for c in FormalCommittee(name="x", area="y").categories)


def _rules(rng: random.Random) -> RuleSet:
    """A formal committee of 1-8 categories with one or two members per category."""
    cats = rng.sample(CODES, rng.randint(1, len(CODES)))
    return FormalCommittee(
        name="Lottery test",
        area="Test area",
        members_per_category=rng.randint(1, 2),
        categories=tuple(category_by_code(c) for c in cats),
    )


def _registrations(rng: random.Random, n: int) -> list[Registration]:
    """``n`` registrations with skewed, overlapping categories, ids out of input order,
    some applying for part of their categories and some registering twice."""
    weights = [2**-i for i in range(len(CODES))]
    regs: list[Registration] = []
    for i in range(n):
        cats = frozenset(rng.choices(CODES, weights, k=rng.choice((1, 1, 1, 2, 3))))
        oid = f"org-{rng.randrange(10**6):06d}-{i}"
        if regs and rng.random() < 0.05:
            oid = regs[rng.randrange(len(regs))].organisation.id.upper()  # a duplicate
        applied = frozenset(rng.sample(sorted(cats), 1)) if rng.random() < 0.1 else frozenset()
        regs.append(
            Registration(
                organisation=Organisation(id=oid, categories=cats, size=SizeClass.SMALL),
                member=Person(role=Role.VOLUNTEER),
                categories=applied,
                link_description=LINK,
            )
        )
    return regs


def _quotas(rules: RuleSet, regs: Sequence[Registration]) -> tuple[FairQuotas, _QuotasBefore]:
    pool = Pool(rules, regs)
    fillable = feasibility_of(pool)[1]
    return FairQuotas(pool, fillable), _QuotasBefore(pool, fillable)


def _assert_same_as_before(rules: RuleSet, regs: Sequence[Registration], seeds: range) -> None:
    new, old = _quotas(rules, regs)
    assert new.x == old.x
    assert new.p == old.p
    assert all(isinstance(v, Fraction) for v in new.p.values())
    assert new.flows() == old.flows()
    for seed in seeds:
        rng_new, rng_old = random.Random(seed), random.Random(seed)
        for _ in range(3):  # successive draws from one generator, as runs= makes them
            assert new.draw(rng_new) == old.draw(rng_old)
        assert rng_new.getstate() == rng_old.getstate()


# -------------------------------------------- the same panels as before issue #20
def test_the_same_seed_draws_the_same_panels_as_before() -> None:
    """60 pools of 0-120 registrations x 10 seeds x 3 draws, against the old lottery."""
    rng = random.Random(20)
    for _ in range(60):
        rules = _rules(rng)
        _assert_same_as_before(rules, _registrations(rng, rng.randint(0, 120)), range(10))


@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=60))
def test_property_the_same_panels_as_before(pool_seed: int, n: int) -> None:
    rng = random.Random(pool_seed)
    _assert_same_as_before(
        _rules(rng), _registrations(rng, n), range(pool_seed % 7, 3 + pool_seed % 7)
    )


def test_the_same_proposal_and_panel_as_before_on_a_large_pool() -> None:
    """600 registrations on the preset: ``selection_probabilities`` and ``propose(fair=True)``."""
    rules = jy.load_preset("vantaa-kerava-formal")
    regs = _registrations(random.Random(6), 600)
    _assert_same_as_before(rules, regs, range(5))
    _new, old = _quotas(rules, regs)
    for seed in range(5):
        lot = selection_probabilities(rules, regs, seed=seed)
        pool = old.pool
        drawn = old.draw(random.Random(seed))
        ids = [(pool.regs[i].organisation.id, pool.groups[j].id) for i, j in drawn]
        assert lot.panel == tuple(sorted(ids))
        fair = propose(rules, regs, seed=seed, fair=True)
        seated = {s.organisation for s in fair.composition.seats if s.organisation}
        assert seated <= {oid for oid, _g in ids}  # propose seats the panel drawn


@given(
    st.dictionaries(
        st.tuples(st.integers(-1, 6), st.integers(0, 5)),
        st.fractions(min_value=0, max_value=5, max_denominator=60),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=2**32),
)
def test_property_dependent_rounding_as_before(
    y: dict[tuple[int, int], Fraction], seed: int
) -> None:
    rng_new, rng_old = random.Random(seed), random.Random(seed)
    rounded = dependent_rounding(y, rng_new)
    assert rounded == _rounding_before(y, rng_old)
    assert rng_new.getstate() == rng_old.getstate()
    assert all(abs(rounded[e] - v) < 1 for e, v in y.items())


# ------------------------------------------------------ the anchor benchmark's pool
@functools.cache
def _anchor() -> ModuleType:
    """``anchor_selection.py`` of the anchor benchmark beside the checkout."""
    where = Path(os.environ.get("JY_ANCHOR_BENCH", ROOT.parent / "shared" / "bench"))
    path = where / "anchor_selection.py"
    if not path.is_file():
        pytest.skip(f"the anchor benchmark is not at {path} (set JY_ANCHOR_BENCH)")
    spec = importlib.util.spec_from_file_location("anchor_selection", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["anchor_selection"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


ANCHOR_RULES = "vantaa-kerava-formal"
_SIZES = {"small": SizeClass.SMALL, "medium": SizeClass.MEDIUM, "large": SizeClass.LARGE}
_ROLES = (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT, Role.VOLUNTEER)


def anchor_registrations(n: int) -> tuple[RuleSet, list[Registration]]:
    """The anchor pool of ``n`` (seed 7) as ``anchor_pool.build`` makes it: anchor
    category ``i`` is the preset's ``i``-th category."""
    rules = jy.load_preset(ANCHOR_RULES)
    codes = [c.code for c in rules.categories]
    regs = [
        Registration(
            organisation=Organisation(
                id=o.org_id,
                categories=frozenset(codes[c] for c in o.categories),
                size=_SIZES[o.size],
                volunteer_run=o.volunteer_only,
                languages=frozenset({o.language}),
                municipalities=frozenset({o.municipality}),
            ),
            member=Person(role=_ROLES[i % 3]),
            link_description=LINK,
        )
        for i, o in enumerate(_anchor().get_pool(n, 7))
    ]
    return rules, regs


def test_the_same_panels_as_before_on_the_anchor_pool() -> None:
    _assert_same_as_before(*anchor_registrations(1000), range(20))


@pytest.mark.slow
@pytest.mark.parametrize("n", [10_000, 100_000])
def test_the_same_panels_as_before_on_the_large_anchor_pools(n: int) -> None:
    _assert_same_as_before(*anchor_registrations(n), range(10))


# ------------------------------------------------------------------ the LP oracle
class Oracle:
    """The lottery's question as one linear program over registrations x seat groups.

    ``y[i, g]`` is the probability that registration ``i`` takes a seat of group ``g``
    (an edge where the organisation has one of the group's categories, read here from
    the rule set, not from the library's types); each group fills at most its seats,
    each organisation at most one, and a panel fills the most seats there are. The
    bipartite b-matching polytope is integral, so every such ``y`` is a lottery over
    real panels, and ``p_i = sum_g y[i, g]`` are its selection probabilities. Solved
    with scipy's HiGHS, in floating point: values agree within ``TOL``.
    """

    TOL = 1e-6

    def __init__(self, rules: RuleSet, regs: Sequence[Registration]) -> None:
        from scipy import sparse

        general = rules.as_general()
        personal = general.deputies.mode.value in ("personal", "optional")
        # the anchor's seats: the category groups (the committee's own seats are not NGOs')
        groups = [g for g in general.seat_groups if g.source is SeatSource.CATEGORY]
        assert len({r.organisation.id for r in regs}) == len(regs)  # the anchor's ids are unique
        assert not any(r.categories for r in regs)  # nobody applies for part of its own
        self.ids = [r.organisation.id for r in regs]
        self.slots = [g.seats.upper * (2 if personal else 1) for g in groups]
        edges = [
            (i, j)
            for i, r in enumerate(regs)
            for j, g in enumerate(groups)
            if r.organisation.categories & g.eligible_categories
        ]
        self.m = len(edges)
        self.eligible = sorted({i for i, _j in edges})
        row = {i: k for k, i in enumerate(self.eligible)}
        ones = [1.0] * self.m
        cols = list(range(self.m))
        # p = P @ y: each eligible registration's probability; G @ y: each group's seats
        self.P = sparse.csr_array(
            (ones, ([row[i] for i, _j in edges], cols)), shape=(len(self.eligible), self.m)
        )
        self.G = sparse.csr_array(
            (ones, ([j for _i, j in edges], cols)), shape=(len(groups), self.m)
        )
        self.fillable = 0
        best = self.solve([-1.0] * self.m)  # the most seats: a matching (integral polytope)
        assert best.status == 0, best.message
        self.fillable = round(-best.fun)
        assert abs(best.fun + self.fillable) < self.TOL

    def solve(
        self,
        cost: Sequence[float],
        ub: tuple[Any, Sequence[float]] | None = None,
        eq: tuple[Any, Sequence[float]] | None = None,
        level: bool = False,
    ) -> Any:
        """Minimise ``cost`` over the lotteries (and a free level ``t`` as the last
        column when ``level``), with extra rows ``ub`` (<=) and ``eq`` (=)."""
        from scipy import sparse
        from scipy.optimize import linprog

        extra = 1 if level else 0

        def wide(a: Any) -> Any:
            return sparse.hstack([a, sparse.csr_array((a.shape[0], 1))]) if extra else a

        a_ub = [wide(self.G), wide(self.P)]
        b_ub = [*map(float, self.slots), *[1.0] * self.P.shape[0]]
        if ub is not None:
            a_ub.append(ub[0])
            b_ub += list(ub[1])
        a_eq, b_eq = [], []
        if self.fillable:  # every panel fills the most seats
            a_eq.append(wide(sparse.csr_array([[1.0] * self.m])))
            b_eq.append(float(self.fillable))
        if eq is not None:
            a_eq.append(eq[0])
            b_eq += list(eq[1])
        res = linprog(
            cost,
            A_ub=sparse.vstack(a_ub, format="csr"),
            b_ub=b_ub,
            A_eq=sparse.vstack(a_eq, format="csr") if a_eq else None,
            b_eq=b_eq or None,
            bounds=[(0, 1)] * self.m + [(None, None)] * extra,
            method="highs",
        )
        return res

    def problems(self, probabilities: Mapping[str, Fraction]) -> list[str]:
        """What is wrong with ``probabilities`` as the leximin lottery (``[]``: nothing).

        1. They are the marginals of a lottery over panels (the equality rows solve).
        2. Water-filling, level by level: with the registrations of the lower levels at
           least at theirs, the largest common level ``t`` of all the others is the
           next reported level ``L`` (the maximin of what is left), and
        3. that level is *tight*: with every other registration at least at ``L``, the
           registrations reported at ``L`` cannot together get more than ``L`` each.
        Together these say the reported vector is the leximin one.
        """
        from scipy import sparse

        p = [float(probabilities[self.ids[i]]) for i in self.eligible]
        found: list[str] = []
        achievable = self.solve([0.0] * self.m, eq=(self.P, p))
        if achievable.status != 0:
            found.append(f"not the marginals of any lottery: {achievable.message}")
        exact = sorted({probabilities[self.ids[i]] for i in self.eligible})
        levels = [float(v) for v in exact]
        level_of = [levels.index(float(probabilities[self.ids[i]])) for i in self.eligible]
        minus_p = -self.P
        for k, value in enumerate(levels):
            later = [1.0 if lv >= k else 0.0 for lv in level_of]
            floor = [-levels[lv] if lv < k else 0.0 for lv in level_of]
            t_col = sparse.csr_array([[x] for x in later])
            stage = self.solve(
                [0.0] * self.m + [-1.0], ub=(sparse.hstack([minus_p, t_col]), floor), level=True
            )
            if stage.status != 0:
                found.append(f"level {k}: {stage.message}")
            elif abs(-stage.fun - value) > self.TOL:
                found.append(f"level {k}: the LP's maximin is {-stage.fun!r}, reported {exact[k]}")
            at = [1.0 if lv == k else 0.0 for lv in level_of]
            bound = [-levels[min(lv, k)] for lv in level_of]
            most = self.solve(list(-(self.P.T @ at)), ub=(minus_p, bound))
            if most.status != 0:
                found.append(f"level {k}: {most.message}")
            elif -most.fun > sum(at) * value + self.TOL:
                found.append(
                    f"level {k} ({exact[k]}) is not tight: {sum(at):.0f} get {-most.fun!r}"
                )
        return found


@pytest.mark.slow
@pytest.mark.parametrize("n", [1000, 10_000])
def test_probabilities_agree_with_an_lp_and_every_level_is_tight(n: int) -> None:
    pytest.importorskip("scipy.optimize")
    rules, regs = anchor_registrations(n)
    lot = selection_probabilities(rules, regs, seed=1)
    oracle = Oracle(rules, regs)
    assert oracle.fillable == lot.seats
    assert oracle.problems(lot.probabilities) == []
    # the oracle can fail: swap the probabilities of two registrations of different levels
    low = min(oracle.eligible, key=lambda i: lot.probabilities[oracle.ids[i]])
    high = max(oracle.eligible, key=lambda i: lot.probabilities[oracle.ids[i]])
    wrong = dict(lot.probabilities)
    wrong[oracle.ids[low]], wrong[oracle.ids[high]] = (
        wrong[oracle.ids[high]],
        wrong[oracle.ids[low]],
    )
    assert oracle.problems(wrong)


def _chi_square(counts: Sequence[int], marginals: Sequence[Fraction], runs: int) -> float:
    """The p-value of the selection counts of ``runs`` panels against ``marginals``.

    Each count is binomial with mean ``runs * p`` and variance ``runs * p * (1 - p)``, so
    the sum of the squared standardised counts has mean the number of terms; it is read
    against the chi-square distribution of that many degrees of freedom (the panels'
    negative correlation only makes it smaller). A certain registration (``p`` 0 or 1)
    must be drawn never or always.
    """
    from scipy.stats import chi2

    stat, df = 0.0, 0
    for o, p in zip(counts, marginals, strict=True):
        if p in (0, 1):
            if o != runs * p:
                return 0.0
            continue
        e = runs * float(p)
        stat += (o - e) ** 2 / (e * (1 - float(p)))
        df += 1
    return float(chi2.sf(stat, df))


@pytest.mark.slow
def test_20000_drawn_panels_match_the_reported_marginals() -> None:
    pytest.importorskip("scipy.stats")
    rules, regs = anchor_registrations(1000)
    runs = 20_000
    pool = Pool(rules, regs)
    quotas = FairQuotas(pool, feasibility_of(pool)[1])
    rng = random.Random(20)
    tally: Counter[int] = Counter()
    for _ in range(runs):
        panel = quotas.draw(rng)
        assert len({i for i, _j in panel}) == len(panel) == quotas.fillable
        assert all(pool.masks[i] >> j & 1 for i, j in panel)
        seats = Counter(j for _i, j in panel)
        assert all(seats[j] <= s for j, s in enumerate(pool.slots))
        tally.update(i for i, _j in panel)
    counts = [tally[i] for i in range(len(regs))]
    reported = [quotas.p[m] for m in pool.masks]
    assert _chi_square(counts, reported, runs) > 1e-3
    # the test can fail: the same panels are far from an equal chance for everyone
    equal = [Fraction(quotas.fillable, len(regs))] * len(regs)
    assert _chi_square(counts, equal, runs) < 1e-9
    # and ``runs=`` reports the same frequencies for the same seed
    lot = selection_probabilities(rules, regs, seed=20, runs=200)
    again = FairQuotas(pool, quotas.fillable)
    rng = random.Random(20)
    again.draw(rng)  # the reported panel comes first
    seen: Counter[str] = Counter()
    for _ in range(200):
        seen.update(pool.regs[i].organisation.id for i, _j in again.draw(rng))
    assert lot.empirical == {r.organisation.id: seen[r.organisation.id] / 200 for r in regs}
