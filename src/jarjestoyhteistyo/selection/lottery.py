"""The fair lottery: exact, maximin-fair selection probabilities (`OF-4`, `FC-9`, `WS-7`).

When a pool is oversubscribed, :func:`selection_probabilities` gives every
organisation its exact probability of selection — maximin-fair (then leximin) over
the panels that really fill the distinct-organisation seats — and draws a panel with
exactly those probabilities. ``propose(..., fair=True)`` seats the panel drawn here.

The work depends on the number of registration *types* (the sets of groups a
registration may fill), not on the number of registrations: :class:`FairQuotas`
water-fills type quotas with exact maximum flows
(:class:`~jarjestoyhteistyo.selection._flow.TypeNetwork` with
:class:`~fractions.Fraction` capacities), and :func:`dependent_rounding` rounds the
fractional type → group flow keeping every marginal.

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.registrations import Registration
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
>>> regs = [Registration(organisation=Organisation(id=f"o{i}", categories=frozenset({c.code})),
...                      member=Person(role=Role.VOLUNTEER))
...         for i, c in enumerate(rules.categories * 3)]
>>> lot = selection_probabilities(rules, regs, seed=1)
>>> set(lot.probabilities.values()), lot.seats
({Fraction(2, 3)}, 16)
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from jarjestoyhteistyo.errors import SelectionError
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection.feasible import feasibility_of
from jarjestoyhteistyo.selection.pool import Pool

__all__ = ["FairLottery", "selection_probabilities"]


@attrs.frozen(kw_only=True)
class FairLottery:
    """The result of :func:`selection_probabilities`.

    ``probabilities`` maps each organisation id to its exact probability of being
    selected (a :class:`~fractions.Fraction`); ``minimum`` is the smallest among the
    eligible ones (the maximin value). ``seats`` is the number of seats a panel fills;
    the probabilities add up to it. ``panel`` is one panel drawn with these
    probabilities: ``(organisation, group)`` pairs. With ``runs`` > 0, ``empirical``
    holds the observed selection frequencies over that many draws.
    """

    probabilities: Mapping[str, Fraction]
    minimum: Fraction
    seats: int
    panel: tuple[tuple[str, str], ...]
    runs: int = 0
    empirical: Mapping[str, float] = attrs.field(factory=dict)

    def as_floats(self) -> dict[str, float]:
        """The probabilities as floats.

        >>> FairLottery(probabilities={"o1": Fraction(1, 2)}, minimum=Fraction(1, 2),
        ...             seats=1, panel=()).as_floats()
        {'o1': 0.5}
        """
        return {k: float(v) for k, v in self.probabilities.items()}


class FairQuotas:
    """Leximin type quotas ``x_t`` and a dependent-rounding sampler."""

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
        y = dependent_rounding(self.flows(), rng)
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


def dependent_rounding(
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


def selection_probabilities(
    rules: RuleSet,
    registrations: Sequence[Registration],
    *,
    seed: int = 0,
    runs: int = 0,
) -> FairLottery:
    """Maximin-fair lottery over panels that really fill the seats (`OF-4`, `FC-9`, `WS-7`).

    A *panel* fills the most seats the registrations can fill (:func:`feasibility`),
    each with a different organisation in one of its categories. Over all such
    panels, the lottery maximises the smallest selection probability of any eligible
    organisation, then the next smallest, and so on (leximin):

    * registrations of one *type* (the same set of eligible groups) are
      interchangeable, so an optimal lottery gives them the same probability
      ``x_t / n_t``, where ``x_t`` is the expected number of seats of type ``t``;
    * the feasible ``x`` form the base polytope of a polymatroid (a flow over types),
      so the leximin ``x`` is found by water-filling: raise a common level λ for all
      unfixed types until a set of types is tight (an exact Dinkelbach iteration on
      maximum flows with :class:`~fractions.Fraction` capacities), fix those, repeat;
    * a panel is drawn by dependent rounding of the fractional type → group flow
      (each type's count is rounded down or up, each group keeps its seats), then
      a uniform choice within each type: every probability reported is *exact*.

    The work depends on the number of types (at most ``2**k - 1`` for ``k`` groups),
    not on the number of registrations, beyond one pass to group them.

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
    >>> cats = [c.code for c in rules.categories]
    >>> orgs = [Organisation(id=f"o{i:02d}", categories=frozenset({cats[i % 8]}))
    ...         for i in range(24)]
    >>> orgs.append(Organisation(id="multi", categories=frozenset(cats[:2])))
    >>> regs = [Registration(organisation=o, member=Person(role=Role.VOLUNTEER)) for o in orgs]
    >>> lot = selection_probabilities(rules, regs, seed=1)
    >>> lot.minimum, lot.probabilities["multi"], lot.probabilities["o07"]
    (Fraction(4, 7), Fraction(4, 7), Fraction(2, 3))
    >>> sum(lot.probabilities.values()) == lot.seats == len(lot.panel) == 16
    True
    """
    if runs < 0:
        raise SelectionError(f"runs must be >= 0, got {runs}")
    pool = Pool(rules, registrations)
    fillable = feasibility_of(pool)[1]
    q = FairQuotas(pool, fillable)
    probs: dict[str, Fraction] = {}
    for i, r in enumerate(pool.regs):
        if i in pool.duplicate_of:
            continue
        m = pool.masks[i]
        probs[r.organisation.id] = q.p[m] if m else Fraction(0)
    eligible = [q.p[t] for t in q.types]
    rng = random.Random(seed)
    ids = [(pool.regs[i].organisation.id, pool.groups[j].id) for i, j in q.draw(rng)]
    empirical: dict[str, float] = {}
    if runs:
        tally: Counter[str] = Counter()
        for _ in range(runs):
            tally.update(pool.regs[i].organisation.id for i, _j in q.draw(rng))
        empirical = {k: tally[k] / runs for k in probs}
    return FairLottery(
        probabilities=probs,
        minimum=min(eligible, default=Fraction(0)),
        seats=fillable,
        panel=tuple(sorted(ids)),
        runs=runs,
        empirical=empirical,
    )
