"""The flow network of :mod:`jarjestoyhteistyo.selection`: Dinic's maximum flow over types.

Selection never builds a node per registration: registrations are grouped into
*types* (the set of seat groups they may fill, a bit mask), so a network has at most
a few hundred nodes — a source, one node per type, one per seat group and a sink.
:class:`TypeNetwork` builds that network (source ``0``, sink ``1``, group ``j`` at
node ``2 + j``); :class:`FlowNetwork` is the plain, iterative Dinic underneath, fast
and easy to check at that size. Capacities may be ``int`` or
:class:`fractions.Fraction`; the fair lottery keeps its quotas exact by multiplying
every capacity by a common denominator and running on whole numbers, which is the
same flow, scaled, at the speed of integer arithmetic.

>>> net = FlowNetwork(4)
>>> a = net.add_edge(0, 1, 2)
>>> b = net.add_edge(0, 2, 1)
>>> c = net.add_edge(1, 3, 1)
>>> d = net.add_edge(2, 3, 5)
>>> net.max_flow(0, 3), net.flow(a), net.flow(d)
(2, 1, 1)
>>> sorted(net.reachable(0))  # the source side of a minimum cut
[0, 1]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TypeAlias

__all__ = ["FlowNetwork", "Num", "TypeNetwork", "max_flow_of_types"]

Num: TypeAlias = int | Fraction
"""A capacity: a whole number or an exact fraction."""


class FlowNetwork:
    """A directed network with residual capacities; edges come in forward/reverse pairs.

    ``add_edge`` returns the forward edge's index; its reverse is ``index ^ 1``.
    :meth:`max_flow` may be called again after more edges are added: it continues
    from the current flow (augmenting paths never reduce the flow on source edges).

    >>> net = FlowNetwork(2)
    >>> e = net.add_edge(0, 1, 3)
    >>> net.max_flow(0, 1), net.residual(e)
    (3, 0)
    """

    __slots__ = ("adj", "cap", "orig", "to")

    def __init__(self, nodes: int) -> None:
        self.adj: list[list[int]] = [[] for _ in range(nodes)]
        self.to: list[int] = []
        self.cap: list[Num] = []
        self.orig: list[Num] = []

    def add_node(self) -> int:
        """Add a node and return its index.

        >>> FlowNetwork(3).add_node()
        3
        """
        self.adj.append([])
        return len(self.adj) - 1

    def add_edge(self, u: int, v: int, capacity: Num) -> int:
        """Add an edge ``u → v`` with ``capacity``; returns its index.

        >>> FlowNetwork(2).add_edge(0, 1, 1)
        0
        """
        e = len(self.to)
        self.to += [v, u]
        self.cap += [capacity, 0]
        self.orig += [capacity, 0]
        self.adj[u].append(e)
        self.adj[v].append(e + 1)
        return e

    def flow(self, e: int) -> Num:
        """The flow on edge ``e`` (capacity minus residual).

        >>> net = FlowNetwork(2); e = net.add_edge(0, 1, 4); _ = net.max_flow(0, 1)
        >>> net.flow(e)
        4
        """
        return self.orig[e] - self.cap[e]

    def residual(self, e: int) -> Num:
        """The residual capacity of edge ``e``.

        >>> FlowNetwork(2).add_edge(0, 1, 4) == 0
        True
        """
        return self.cap[e]

    def push(self, e: int, amount: Num) -> None:
        """Push ``amount`` along edge ``e`` (used to reroute flow around a cycle).

        >>> net = FlowNetwork(2); e = net.add_edge(0, 1, 4); net.push(e, 1); net.flow(e)
        1
        """
        self.cap[e] -= amount
        self.cap[e ^ 1] += amount

    def _levels(self, s: int, t: int) -> list[int]:
        level = [-1] * len(self.adj)
        level[s] = 0
        queue = deque([s])
        cap, to, adj = self.cap, self.to, self.adj
        while queue:
            u = queue.popleft()
            for e in adj[u]:
                v = to[e]
                if level[v] < 0 and cap[e] > 0:
                    level[v] = level[u] + 1
                    queue.append(v)
        return level

    def max_flow(self, s: int, t: int) -> Num:
        """Augment from ``s`` to ``t`` until no path is left; returns the flow added.

        >>> net = FlowNetwork(3); _ = net.add_edge(0, 1, 2); _ = net.add_edge(1, 2, 1)
        >>> net.max_flow(0, 2)
        1
        """
        total: Num = 0
        cap, to, adj = self.cap, self.to, self.adj
        while True:
            level = self._levels(s, t)
            if level[t] < 0:
                return total
            it = [0] * len(adj)
            while True:
                # one augmenting path in the level graph, found iteratively
                path: list[int] = []
                u = s
                pushed: Num = 0
                while True:
                    if u == t:
                        pushed = min(cap[e] for e in path)
                        for e in path:
                            cap[e] -= pushed
                            cap[e ^ 1] += pushed
                        break
                    edges = adj[u]
                    i = it[u]
                    while i < len(edges):
                        e = edges[i]
                        if cap[e] > 0 and level[to[e]] == level[u] + 1:
                            break
                        i += 1
                    it[u] = i
                    if i < len(edges):
                        path.append(edges[i])
                        u = to[edges[i]]
                        continue
                    if u == s:
                        break
                    level[u] = -1  # dead end: never visit again in this phase
                    e = path.pop()
                    u = to[e ^ 1]
                    it[u] += 1
                if not pushed:
                    break
                total += pushed

    def reachable(self, s: int, *, exclude: frozenset[int] = frozenset()) -> set[int]:
        """Nodes reachable from ``s`` along edges with residual capacity.

        >>> net = FlowNetwork(3); _ = net.add_edge(0, 1, 1); sorted(net.reachable(0))
        [0, 1]
        """
        seen = {s}
        queue = deque([s])
        cap, to, adj = self.cap, self.to, self.adj
        while queue:
            u = queue.popleft()
            for e in adj[u]:
                v = to[e]
                if cap[e] > 0 and v not in seen and v not in exclude:
                    seen.add(v)
                    queue.append(v)
        return seen

    def reaching(self, t: int) -> set[int]:
        """Nodes from which ``t`` can be reached along edges with residual capacity.

        >>> net = FlowNetwork(3); _ = net.add_edge(0, 1, 1); sorted(net.reaching(1))
        [0, 1]
        """
        seen = {t}
        queue = deque([t])
        cap, to, adj = self.cap, self.to, self.adj
        while queue:
            v = queue.popleft()
            for e in adj[v]:  # e leaves v; its reverse e ^ 1 enters v from to[e]
                u = to[e]
                if cap[e ^ 1] > 0 and u not in seen:
                    seen.add(u)
                    queue.append(u)
        return seen

    def path(self, s: int, t: int, *, exclude: frozenset[int] = frozenset()) -> list[int] | None:
        """Edges of a shortest residual path ``s ⇝ t`` avoiding ``exclude``, or ``None``.

        >>> net = FlowNetwork(3); a = net.add_edge(0, 1, 1); b = net.add_edge(1, 2, 1)
        >>> net.path(0, 2) == [a, b]
        True
        """
        back: dict[int, int] = {}
        queue = deque([s])
        seen = {s}
        cap, to, adj = self.cap, self.to, self.adj
        while queue:
            u = queue.popleft()
            if u == t:
                edges: list[int] = []
                while u != s:
                    e = back[u]
                    edges.append(e)
                    u = to[e ^ 1]
                return edges[::-1]
            for e in adj[u]:
                v = to[e]
                if cap[e] > 0 and v not in seen and v not in exclude:
                    seen.add(v)
                    back[v] = e
                    queue.append(v)
        return None


class TypeNetwork:
    """Source → registration types → seat groups → sink, built from type counts.

    Group ``j`` has capacity ``slots[j]`` to the sink; a type (a mask of the groups
    its registrations may fill) gets a source edge of its capacity and an unbounded
    edge to each of its groups. ``types`` holds ``(mask, node, source edge, group
    edges)`` in the order added.

    >>> net = TypeNetwork([1, 2])
    >>> net.add_type(0b11, 2), net.add_type(0b01, 5)
    (0, 1)
    >>> net.run(), net.load(0), net.load(1)
    (3, 1, 2)
    """

    def __init__(self, slots: Sequence[Num]) -> None:
        self.k = len(slots)
        self.net = FlowNetwork(2 + self.k)
        self.sink_edges = [self.net.add_edge(2 + j, 1, slots[j]) for j in range(self.k)]
        self.big: Num = sum(slots, start=0) + 1
        self.types: list[tuple[int, int, int, list[int]]] = []  # (mask, node, src edge, edges)

    def add_type(self, mask: int, capacity: Num) -> int:
        """Add a type of ``capacity`` registrations; returns its index in :attr:`types`."""
        node = self.net.add_node()
        src = self.net.add_edge(0, node, capacity)
        edges = [self.net.add_edge(node, 2 + j, self.big) for j in range(self.k) if mask >> j & 1]
        self.types.append((mask, node, src, edges))
        return len(self.types) - 1

    def refill(self, slots: Sequence[Num], capacities: Sequence[Num]) -> None:
        """New capacities on the same network, without any flow: ``slots[j]`` for group
        ``j``, ``capacities[t]`` for type ``t`` (in the order added).

        The nodes and edges stay as they were, so a maximum flow runs exactly as on a
        network built anew with these capacities, without building it.

        >>> net = TypeNetwork([1, 2]); _ = net.add_type(0b11, 2); net.run()
        2
        >>> net.refill([3, 3], [5]); net.run(), net.load(0), net.load(1)
        (5, 3, 2)
        """
        cap, orig = self.net.cap, self.net.orig
        cap[1::2] = orig[1::2] = [0] * (len(cap) // 2)  # reverse edges: no flow
        self.big = sum(slots, start=0) + 1
        for e, c in zip(self.sink_edges, slots, strict=True):
            cap[e] = orig[e] = c
        for (_mask, _node, src, edges), c in zip(self.types, capacities, strict=True):
            cap[src] = orig[src] = c
            for e in edges:
                cap[e] = orig[e] = self.big

    def run(self) -> Num:
        """Augment to a maximum flow; returns the flow added."""
        return self.net.max_flow(0, 1)

    def load(self, j: int) -> Num:
        """The flow into group ``j`` (the seats it fills)."""
        return self.net.flow(self.sink_edges[j])

    def split(self, t: int) -> dict[int, Num]:
        """Flow of type ``t`` to each group index."""
        mask, _node, _src, edges = self.types[t]
        bits = [j for j in range(self.k) if mask >> j & 1]
        return {j: self.net.flow(e) for j, e in zip(bits, edges, strict=True)}


def max_flow_of_types(slots: Sequence[int], counts: Mapping[int, int]) -> tuple[int, TypeNetwork]:
    """The most seats the typed registrations ``counts`` (mask → number) fill, and the network.

    >>> max_flow_of_types([1, 1], {0b01: 3})[0]
    1
    """
    net = TypeNetwork(slots)
    for mask in sorted(counts):
        net.add_type(mask, counts[mask])
    return int(net.run()), net
