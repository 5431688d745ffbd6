"""The fair lottery: exact, maximin-fair selection probabilities (`OF-4`, `FC-9`, `WS-7`).

When a pool is oversubscribed, :func:`selection_probabilities` gives every
organisation its exact probability of selection — maximin-fair (then leximin) over
the panels that really fill the distinct-organisation seats — and draws a panel with
exactly those probabilities. ``propose(..., fair=True)`` seats the panel drawn here.

The work depends on the number of registration *types* (the sets of groups a
registration may fill), not on the number of registrations: :class:`FairQuotas`
water-fills type quotas with exact maximum flows
(:class:`~jarjestoyhteistyo.selection._flow.TypeNetwork`, every capacity a whole
number: the exact :class:`~fractions.Fraction` quotas times their common
denominator), and :func:`dependent_rounding` rounds the fractional type → group flow
keeping every marginal. The flow to round and each type's registrations sorted by
organisation id are computed once per lottery, so a draw after the first costs a
millisecond or two whatever the number of registrations.

The probabilities are checked against an independent linear program over
registrations × seat groups (scipy's HiGHS, in the ``slow`` tests of
``tests/test_lottery.py``), level by level, and 20,000 drawn panels against them.

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

import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TypeAlias

import attrs

from jarjestoyhteistyo.errors import SelectionError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection.feasible import feasibility_of
from jarjestoyhteistyo.selection.pool import Pool

__all__ = ["FairLottery", "selection_probabilities"]


Edge: TypeAlias = tuple[int, int]
"""A type → group edge ``(type mask, group index)``; type ``-1`` is the unused seats."""


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
    """Leximin type quotas ``x_t`` and a dependent-rounding sampler.

    ``x`` and ``p`` are exact :class:`~fractions.Fraction` values; the maximum flows
    behind them run on whole numbers, every capacity multiplied by one common
    denominator (the same flows, scaled, without rational arithmetic). The fractional
    flow to round and each type's registrations sorted by organisation id are computed
    on the first :meth:`draw` and kept for the next ones.
    """

    def __init__(self, pool: Pool, fillable: int) -> None:
        self.pool = pool
        self.fillable = fillable
        types = sorted(pool.counts)
        self.types = types
        n = {t: pool.counts[t] for t in types}
        x: dict[int, Fraction] = {}
        active = set(types)
        self._net: tuple[TypeNetwork, dict[int, int]] | None = None
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
        self._rounding: tuple[int, dict[Edge, int], dict[Edge, int]] | None = None
        self._members: dict[int, list[int]] | None = None
        k = len(pool.slots)
        self._bits = [(t, [j for j in range(k) if t >> j & 1]) for t in types]

    def _build(
        self, x: Mapping[int, Fraction], n: Mapping[int, int], lam: Fraction, scale: int
    ) -> tuple[TypeNetwork, dict[int, int]]:
        """The type network with every capacity times ``scale`` (whole numbers).

        Every call gives the same nodes and edges, so the network is built once and
        refilled with the new capacities after that.
        """
        caps = [_scaled(x[t] if t in x else lam * n[t], scale) for t in self.types]
        slots = [s * scale for s in self.pool.slots]
        if self._net is None:
            net = TypeNetwork(slots)
            nodes: dict[int, int] = {}
            for t, cap in zip(self.types, caps, strict=True):
                idx = net.add_type(t, cap)
                nodes[t] = net.types[idx][1]
            self._net = net, nodes
        else:
            self._net[0].refill(slots, caps)
        return self._net

    def _level(
        self, x: Mapping[int, Fraction], active: set[int], n: Mapping[int, int]
    ) -> tuple[Fraction, TypeNetwork, dict[int, int]]:
        """The largest λ ≤ 1 with x_t = λ·n_t on active types still feasible (Dinkelbach)."""
        fixed = sum(x.values(), start=Fraction(0))
        lam = min(Fraction(1), (self.fillable - fixed) / sum(n[t] for t in active))
        while True:
            scale = _common_denominator([lam, *x.values()])
            net, nodes = self._build(x, n, lam, scale)
            demand = fixed + lam * sum(n[t] for t in active)
            if net.run() >= _scaled(demand, scale):
                return lam, net, nodes
            side = net.net.reachable(0)
            tight = [t for t in self.types if nodes[t] in side]
            groups = sum(self.pool.slots[j] for j in range(net.k) if 2 + j in side)
            tight_fixed = sum((x[t] for t in tight if t in x), start=Fraction(0))
            weight = sum(n[t] for t in tight if t in active)
            lam = (groups - tight_fixed) / weight

    def flows(self) -> dict[Edge, Fraction]:
        """Fractional type → group flows ``y`` realising the quotas.

        The dummy type ``-1`` holds each group's unused seats.
        """
        scale, whole = self._scaled_flows()
        return {e: Fraction(v, scale) for e, v in whole.items()}

    def _scaled_flows(self) -> tuple[int, dict[Edge, int]]:
        """:meth:`flows` times a common denominator: ``(scale, {edge: whole number})``."""
        scale = _common_denominator(self.x.values())
        net, _nodes = self._build(self.x, {}, Fraction(0), scale)
        net.run()
        y: dict[Edge, int] = {}
        for t_index, (mask, *_rest) in enumerate(net.types):
            for j, f in net.split(t_index).items():
                if f:
                    y[(mask, j)] = int(f)
        for j in range(net.k):
            spare = self.pool.slots[j] * scale - int(net.load(j))
            if spare:
                y[(-1, j)] = spare  # the dummy type: unused seats
        return scale, y

    def draw(self, rng: random.Random) -> list[tuple[int, int]]:
        """One panel: (registration index, group index) pairs; marginals exactly ``p``."""
        if self._rounding is None:
            scale, whole = self._scaled_flows()
            base = {e: v // scale for e, v in whole.items()}
            self._rounding = (scale, base, {e: v % scale for e, v in whole.items() if v % scale})
        scale, base, frac = self._rounding
        y = _round(base, frac, scale, rng)
        members = self._by_type()
        panel: list[tuple[int, int]] = []
        for t, bits in self._bits:
            quotas = [(j, y.get((t, j), 0)) for j in bits]
            need = sum(q for _, q in quotas)
            if not need:
                continue  # sample(ids, 0) draws nothing from rng: the same panels as before
            chosen = rng.sample(members[t], need)
            pos = 0
            for j, q in quotas:
                for i in chosen[pos : pos + q]:
                    panel.append((i, j))
                pos += q
        return panel

    def _by_type(self) -> dict[int, list[int]]:
        """Each type's registration indices sorted by organisation id (computed once)."""
        if self._members is None:
            regs = self.pool.regs
            ids = [r.organisation.id for r in regs]
            members: dict[int, list[int]] = {}
            for i, m in enumerate(self.pool.masks):
                if m:
                    members.setdefault(m, []).append(i)
            for lst in members.values():
                lst.sort(key=ids.__getitem__)
            self._members = members
        return self._members


def _common_denominator(values: Iterable[Fraction]) -> int:
    """The least common multiple of the denominators of ``values``."""
    return math.lcm(1, *(v.denominator for v in values))


def _scaled(value: Fraction, scale: int) -> int:
    """``value * scale`` as a whole number (``scale`` a multiple of its denominator)."""
    whole, rest = divmod(value.numerator * scale, value.denominator)
    assert not rest, (value, scale)
    return whole


def dependent_rounding(
    y: Mapping[tuple[int, int], Fraction], rng: random.Random
) -> dict[tuple[int, int], int]:
    """Round bipartite flows keeping every marginal ``E[Y_e] = y_e`` (Gandhi et al. 2006).

    Vertex degrees are rounded to floor or ceiling; integral degrees are kept exactly.
    The work is on whole numbers: every ``y_e`` times the common denominator.

    >>> y = {(1, 0): Fraction(1, 2), (1, 1): Fraction(1, 2), (2, 0): Fraction(3, 2)}
    >>> r = dependent_rounding(y, random.Random(1))
    >>> r[(1, 0)] + r[(1, 1)], r[(2, 0)] in (1, 2)
    (1, True)
    """
    values = {e: Fraction(v) for e, v in y.items()}
    scale = _common_denominator(values.values())
    base = {e: int(v) for e, v in values.items()}  # floor for non-negative values
    frac = {e: _scaled(v - base[e], scale) for e, v in values.items() if v != base[e]}
    return _round(base, frac, scale, rng)


def _round(
    base: Mapping[Edge, int], frac: Mapping[Edge, int], scale: int, rng: random.Random
) -> dict[Edge, int]:
    """:func:`dependent_rounding` on whole numbers: ``y_e = base_e + frac_e / scale``.

    Each step walks a maximal path or a cycle of fractional edges, starting at the
    first vertex of degree one (groups before types, each in index order), else the
    first vertex, and moves it up by ``alpha`` with probability
    ``beta / (alpha + beta)``, else down by ``beta``: an edge reaching a whole number
    leaves the graph. The adjacency lists stay sorted as edges leave, and the vertices
    of degree one are kept in a set, rather than rebuilt on each step.
    """
    out = dict(base)
    z = dict(frac)
    # vertices as ints in the order of ("g", j) < ("t", mask): groups 0..k-1, then types
    k = 1 + max((j for _t, j in z), default=-1)
    adj: dict[int, list[Edge]] = {}
    for e in sorted(z):
        adj.setdefault(k + 1 + e[0], []).append(e)
        adj.setdefault(e[1], []).append(e)
    ones = {v for v, es in adj.items() if len(es) == 1}
    live = set(adj)
    while z:
        start = min(ones) if ones else min(live)
        walk_e: list[Edge] = []
        seen = {start: 0}
        v = start
        while True:
            options = [e for e in adj[v] if not walk_e or e != walk_e[-1]]
            if not options:
                edges = walk_e  # a maximal path
                break
            e = options[0]
            u = e[1] if v >= k else k + 1 + e[0]
            walk_e.append(e)
            if u in seen:
                edges = walk_e[seen[u] :]  # a cycle (even: the graph is bipartite)
                break
            seen[u] = len(walk_e)
            v = u
        m1, m2 = edges[0::2], edges[1::2]
        alpha = min([scale - z[e] for e in m1] + [z[e] for e in m2])
        beta = min([z[e] for e in m1] + [scale - z[e] for e in m2])
        g = math.gcd(beta, alpha + beta)  # up = beta / (alpha + beta) in lowest terms
        step = alpha if rng.randrange((alpha + beta) // g) < beta // g else -beta
        for e in m1:
            z[e] += step
        for e in m2:
            z[e] -= step
        for e in edges:
            if z[e] in (0, scale):
                out[e] += z.pop(e) // scale
                for w in (k + 1 + e[0], e[1]):
                    es = adj[w]
                    es.remove(e)
                    if len(es) == 1:
                        ones.add(w)
                    elif not es:
                        ones.discard(w)
                        live.discard(w)
    return out


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
      maximum flows, run on whole numbers: the rational capacities times their
      common denominator), fix those, repeat;
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
        raise SelectionError(
            Text("the number of lottery runs must be zero or more, not {runs}", runs=runs)
        )
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
