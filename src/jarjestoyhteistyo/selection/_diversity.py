"""The diversity objective of :func:`~jarjestoyhteistyo.selection.propose` (`WS-4`, `WS-7`, `KU-7`).

Seats first, then diversity, lexicographically: :class:`Selector` accepts a
registration only while the chosen set can still be completed to the most seats the
pool can fill (a greedy step over a transversal matroid, checked with a maximum flow
over types), and :func:`diversity_levels` fills the levels of the objective in turn,
each greedily in lottery order — required municipalities, theme-network work pairs
(:func:`work_pair`), a volunteer-run association, the wanted languages, then new size
classes, municipalities and under-represented groups.
"""

from __future__ import annotations

import contextlib
import enum
import heapq
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from jarjestoyhteistyo.i18n import Term, Text, Translatable
from jarjestoyhteistyo.model.composition import Organisation, SizeClass
from jarjestoyhteistyo.model.rulesets import SeatSource
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.selection._flow import Num, TypeNetwork
from jarjestoyhteistyo.selection.explanation import Reason
from jarjestoyhteistyo.selection.pool import Group, Pool

__all__: list[str] = []

#: Up to this many distinct values a level finds the next registration of each by a
#: scan in C (at most this many passes over the pool); above, from one pass in Python.
_FEW = 64
#: The registrations a level reads one by one before it numbers the values.
_SCAN = 2048


class Selector:
    """Greedy selection over a transversal matroid that never loses a seat.

    A candidate is accepted when the chosen set plus it can still be completed to
    ``target`` seats from the rest of the pool. A candidate key (its type as chosen,
    its natural type) once refused stays refused (the closure only grows).

    One flow network serves every candidate: a node per natural type holding the
    registrations not chosen, a node per type as chosen, and a maximum flow that fills
    ``target`` seats with every chosen registration seated. A candidate moves one
    registration from its natural type to its type as chosen; the check reroutes one
    unit of flow (:meth:`_move`) and augments only when a seat was lost, and a refused
    candidate puts the capacities back. That is the answer of a network built anew
    with two maximum flows (chosen alone, then the rest), at the cost of a search over
    a few hundred edges.
    """

    def __init__(self, pool: Pool, target: int) -> None:
        self.pool = pool
        self.target = target
        self.dead: set[tuple[int, int]] = set()
        self.accepted: list[tuple[int, int]] = []  # (registration index, as-type mask)
        self.taken: set[int] = set()
        self._net: TypeNetwork | None = None  # built at the first candidate
        self._free: dict[int, int] = {}  # natural mask → its type in the network
        self._chosen: dict[int, int] = {}  # as-type mask → its type in the network
        self._value: Num = 0  # the flow: every chosen seated, ``target`` when not short
        self._free_back: set[int] = set()  # reverse source edges of the types not chosen

    @property
    def full(self) -> bool:
        return len(self.accepted) >= self.target

    def _network(self) -> TypeNetwork:
        if self._net is None:
            counts = self.pool.counts
            self._net = net = TypeNetwork(self.pool.slots)
            for mask in sorted(counts):
                self._free[mask] = net.add_type(mask, counts[mask])
            self._value = net.run()
            self._free_back = {net.types[t][2] ^ 1 for t in self._free.values()}
        return self._net

    def _move(self, net: TypeNetwork, a: int, nat: int) -> Num | None:
        """Move one registration of natural type ``nat`` to the chosen type ``a`` and
        seat it; returns the change of the flow (``-1``, ``0`` or ``1``), or ``None``
        when it cannot be seated with every chosen registration seated."""
        flow = net.net
        cap, orig = flow.cap, flow.orig
        change: Num = 0
        _m, _node, src, edges = net.types[self._free[nat]]
        if cap[src] == 0:  # every registration of the type is seated: unseat one
            e = next(e for e in edges if orig[e] - cap[e] > 0)
            sink = net.sink_edges[flow.to[e] - 2]
            for x in (src, e, sink):
                cap[x] += 1
                cap[x ^ 1] -= 1
            change = -1
        cap[src] -= 1
        orig[src] -= 1
        _m, node, csrc, _edges = net.types[self._chosen[a]]
        orig[csrc] += 1
        path = self._path(net, node)
        if path is None:
            return None
        for x in (csrc, *path):
            cap[x ^ 1] += 1
            if x != csrc:
                cap[x] -= 1
        # the chosen edge gained its unit of capacity and carries it at once
        if flow.to[path[-1]] == 1:
            change += 1
        return change

    def _path(self, net: TypeNetwork, start: int) -> list[int] | None:
        """A residual path from type node ``start`` to the sink, or back to the source
        through a registration not chosen (never unseating a chosen one)."""
        flow = net.net
        cap, to, adj = flow.cap, flow.to, flow.adj
        free_back = self._free_back
        back: dict[int, int] = {}
        seen = {start}
        queue = [start]
        for u in queue:
            for e in adj[u]:
                if cap[e] <= 0:
                    continue
                v = to[e]
                if v == 1 or (v == 0 and e in free_back):
                    edges = [e]
                    while u != start:
                        x = back[u]
                        edges.append(x)
                        u = to[x ^ 1]
                    return edges[::-1]
                if v > 1 and v not in seen:
                    seen.add(v)
                    back[v] = e
                    queue.append(v)
        return None

    def _completes(self, picks: Sequence[tuple[int, int]], nats: Sequence[int]) -> bool:
        """Whether ``picks`` can join the chosen set; if so the network keeps them."""
        net = self._network()
        for a, _ in picks:
            if a not in self._chosen:
                self._chosen[a] = net.add_type(a, 0)
        flow = net.net
        cap, orig = flow.cap[:], flow.orig[:]
        value = self._value
        for (a, _), nat in zip(picks, nats, strict=True):
            change = self._move(net, a, nat)
            if change is None:
                break
            value += change
        else:
            if value < self.target:
                value += net.run()
            if value >= self.target:
                self._value = value
                return True
        flow.cap, flow.orig = cap, orig
        return False

    def try_add(self, picks: Sequence[tuple[int, int]], *, remember: bool = True) -> bool:
        """Accept registrations ``(index, as-type mask)`` together, or none of them."""
        if self.full or len(self.accepted) + len(picks) > self.target:
            return False
        keys = [(a, self.pool.masks[i]) for i, a in picks]
        if any(k in self.dead for k in keys) or any(i in self.taken for i, _ in picks):
            return False
        if self._completes([(a, i) for i, a in picks], [nat for _, nat in keys]):
            self.accepted += picks
            self.taken.update(i for i, _ in picks)
            return True
        if remember and len(keys) == 1:
            self.dead.add(keys[0])
        return False


class _Levels:
    """One pass of the objective: ``order`` is the lottery order, ``why`` collects reasons.

    A level looks at one field of the organisations (size, municipalities, languages,
    ...). :meth:`_walk` visits, in lottery order, only the registrations whose value
    the level still wants, instead of every registration: past the first ``_SCAN``,
    the next one of each value is found from the values' numbers (by
    :meth:`list.index`, a scan in C, when they are few), and a level with no value
    left to want stops.
    """

    def __init__(self, pool: Pool, sel: Selector, order: list[int], why: dict[int, Reason]) -> None:
        self.pool, self.sel, self.order, self.why = pool, sel, order, why
        self._orgs: list[Organisation] | None = None
        self._distinct: dict[str, tuple[list[Any], dict[Any, int], list[Any]]] = {}
        self._codes: dict[str, list[int]] = {}

    def chosen_orgs(self) -> list[Organisation]:
        regs = self.pool.regs
        return [regs[i].organisation for i, _ in self.sel.accepted]

    def _values(self, field: str) -> tuple[list[Any], dict[Any, int], list[Any]]:
        """``field`` of each registration's organisation in input order (the order the
        objects lie in memory: read in lottery order they are several times slower),
        the number of each distinct value, and the distinct values."""
        found = self._distinct.get(field)
        if found is None:
            if self._orgs is None:
                self._orgs = [r.organisation for r in self.pool.regs]
            values = list(map(attrgetter(field), self._orgs))
            if values and isinstance(values[0], enum.Enum):  # hashed in Python: by value
                kind = type(values[0])
                values = list(map(attrgetter(field + "._value_"), self._orgs))
                number = {v: k for k, v in enumerate(dict.fromkeys(values))}
                found = (values, number, [kind(v) for v in number])
            else:
                number = {v: k for k, v in enumerate(dict.fromkeys(values))}
                found = (values, number, list(number))
            self._distinct[field] = found
        return found

    def _walk(self, field: str, wanted: Callable[[Any], bool]) -> Iterator[int]:
        """The registrations, in lottery order, whose ``field`` value is ``wanted`` when
        reached; a value found unwanted is never wanted again (the levels only gain).

        The first ``_SCAN`` are read one by one (a level is often done by then); after
        them the next registration of each value still wanted is found from the values'
        numbers in lottery order, by a scan in C (few values) or one pass (many).
        """
        order, regs = self.order, self.pool.regs
        get = attrgetter(field)
        for pos in range(min(_SCAN, len(order))):
            i = order[pos]
            if wanted(get(regs[i].organisation)):
                yield i
        if len(order) <= _SCAN:
            return
        values, number, distinct = self._values(field)
        live = [c for c, v in enumerate(distinct) if wanted(v)]
        if not live:
            return
        codes = self._codes.get(field)
        if codes is None:
            mine = list(map(number.__getitem__, values))
            codes = self._codes[field] = list(map(mine.__getitem__, order))
        heap: list[tuple[int, int]] = []
        nxt: list[int] | None = None
        if len(live) <= _FEW:  # the next of each value: a scan in C
            for c in live:
                with contextlib.suppress(ValueError):  # none left after the first ones
                    heap.append((codes.index(c, _SCAN), c))
        else:  # many values: where each one comes next, from one pass
            nxt = [-1] * len(codes)
            last: dict[int, int] = {}
            for pos in range(len(codes) - 1, _SCAN - 1, -1):
                c = codes[pos]
                nxt[pos] = last.get(c, -1)
                last[c] = pos
            heap = [(pos, c) for c, pos in last.items()]
        heapq.heapify(heap)
        while heap:
            pos, c = heap[0]
            if not wanted(distinct[c]):
                heapq.heappop(heap)
                continue
            yield order[pos]
            if nxt is None:
                try:
                    heapq.heapreplace(heap, (codes.index(c, pos + 1), c))
                except ValueError:  # the value's last registration
                    heapq.heappop(heap)
            elif nxt[pos] >= 0:
                heapq.heapreplace(heap, (nxt[pos], c))
            else:
                heapq.heappop(heap)

    def first(
        self, field: str, test: Callable[[Any], bool], reason: Translatable, rule: str
    ) -> bool:
        """Accept the first registration in lottery order whose organisation's ``field``
        passes ``test``."""
        pool, sel = self.pool, self.sel
        if sel.full:
            return False
        for i in self._walk(field, test):
            if sel.full:
                return False
            if i not in sel.taken and sel.try_add([(i, pool.masks[i])]):
                self.why[i] = (reason, rule)
                return True
        return False

    def cover(
        self,
        field: str,
        what: str,
        rule: str,
        universe: int | None = None,
        *,
        single: bool = False,
    ) -> None:
        """Accept, in lottery order, every registration that brings a new value of
        ``field`` (a set of values, or one value with ``single``)."""
        sel, regs = self.sel, self.pool.regs
        get = attrgetter(field)
        have: set[Any] = set()
        for o in self.chosen_orgs():
            have |= {get(o)} if single else get(o)
        if sel.full or (universe is not None and len(have) >= universe):
            return

        def wanted(v: Any) -> bool:
            return v not in have if single else not v <= have

        masks, taken, dead = self.pool.masks, sel.taken, sel.dead
        for i in self._walk(field, wanted):
            if sel.full or (universe is not None and len(have) >= universe):
                return
            if i in taken or (masks[i], masks[i]) in dead:
                continue
            if sel.try_add([(i, masks[i])]):
                value = get(regs[i].organisation)
                new = ({value} if single else set(value)) - have
                have |= new
                self.why[i] = (_brings_new(what, new), rule)


def _word(value: Any) -> Term | str:
    """A value as a reason names it: as written in English (``small``, a municipality),
    an enum value in words in Finnish and Swedish."""
    if not isinstance(value, enum.Enum):
        return str(value)
    word = term(value)
    return Term(str(value.value), fi=word.text_in("fi"), sv=word.text_in("sv"))


def _brings_new(what: str, new: set[Any]) -> Text:
    """The reason of a registration that brings new values of a level (``what``)."""
    names = sorted((_word(v) for v in new), key=str)
    if what == "size class":
        return Text("brings a new size class: {names}", names=names)
    if what == "municipality":
        return Text("brings a new municipality: {names}", names=names)
    return Text("brings a new under-represented group: {names}", names=names)


def _has(value: str) -> Callable[[frozenset[str]], bool]:
    return lambda values: value in values


def diversity_levels(pool: Pool, sel: Selector, order: list[int], why: dict[int, Reason]) -> None:
    """The lexicographic objective, level by level, each greedy in lottery order."""
    rules = pool.rules
    levels = _Levels(pool, sel, order, why)
    # 0. required municipalities (an error when missing)
    for m in sorted(rules.required_municipalities):
        if not any(m in o.municipalities for o in levels.chosen_orgs()):
            levels.first(
                "municipalities",
                _has(m),
                Text("covers the required municipality {municipality}", municipality=m),
                "GEN-1",
            )
    # 1. work pairs of a wanted role mix in each theme network (KU-7)
    if rules.pairs is not None and rules.pairs.mixes:
        for g in pool.groups:
            if g.seat_group.source is SeatSource.NETWORK and g.members == 2:
                work_pair(pool, sel, order, g, why)
    div = rules.diversity
    # 2. a volunteer-run organisation (WS-7)
    if div.volunteer_run and not any(o.volunteer_run for o in levels.chosen_orgs()):
        levels.first("volunteer_run", bool, Text("brings a volunteer-run association"), "WS-7")
    # 3. the wanted languages (WS-7)
    for lang in sorted(div.languages):
        if not any(lang in o.languages for o in levels.chosen_orgs()):
            levels.first(
                "languages",
                _has(lang),
                Text("brings the language {language!r}", language=lang),
                "WS-7",
            )
    # 4.-6. new size classes (WS-4), municipalities, under-represented groups (WS-7)
    levels.cover("size", "size class", "WS-4", universe=len(SizeClass), single=True)
    levels.cover("municipalities", "municipality", "WS-7")
    levels.cover("groups", "under-represented group", "WS-7")


def work_pair(
    pool: Pool, sel: Selector, order: list[int], g: Group, why: dict[int, Reason]
) -> None:
    """Choose a work pair of a wanted role mix for network ``g`` (`KU-7`, `KU-10`)."""
    policy = pool.rules.pairs
    if policy is None:
        return
    bit = 1 << g.index
    # best (lowest lottery) registration per (role, natural type) eligible for g
    best: dict[tuple[Any, int], list[int]] = {}
    for i in order:
        if i in sel.taken or not pool.masks[i] & bit:
            continue
        key = (pool.regs[i].member.role, pool.masks[i])
        slot = best.setdefault(key, [])
        if len(slot) < 2:
            slot.append(i)
    for mix in policy.mixes:
        a_keys = [k for k in best if k[0] is mix[0]]
        b_keys = [k for k in best if k[0] is mix[1]]
        tried = 0
        for ka in a_keys:
            for kb in b_keys:
                a = best[ka][0]
                b = next((x for x in best[kb] if x != a), None)
                if b is None:
                    continue
                tried += 1
                if sel.try_add([(a, bit), (b, bit)], remember=False):
                    text = Text(
                        "work pair {first} + {second} for network {network}",
                        first=_word(mix[0]),
                        second=_word(mix[1]),
                        network=g.id,
                    )
                    why[a] = why[b] = (text, "KU-7")
                    return
                if tried >= 64:
                    return
