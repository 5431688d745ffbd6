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

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from jarjestoyhteistyo.model.composition import Organisation, SizeClass
from jarjestoyhteistyo.model.rulesets import SeatSource
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection.explanation import Reason
from jarjestoyhteistyo.selection.pool import Group, Pool

__all__: list[str] = []


class Selector:
    """Greedy selection over a transversal matroid that never loses a seat.

    A candidate is accepted when the chosen set plus it can still be completed to
    ``target`` seats from the rest of the pool. A candidate key (its type as chosen,
    its natural type) once refused stays refused (the closure only grows).
    """

    def __init__(self, pool: Pool, target: int) -> None:
        self.pool = pool
        self.target = target
        self.chosen: Counter[int] = Counter()  # as-type mask → count
        self.free: Counter[int] = Counter(pool.counts)  # natural mask → unchosen count
        self.dead: set[tuple[int, int]] = set()
        self.accepted: list[tuple[int, int]] = []  # (registration index, as-type mask)
        self.taken: set[int] = set()

    @property
    def full(self) -> bool:
        return len(self.accepted) >= self.target

    def _completes(self) -> bool:
        net = TypeNetwork(self.pool.slots)
        for mask in sorted(self.chosen):
            if self.chosen[mask]:
                net.add_type(mask, self.chosen[mask])
        if net.run() < len(self.accepted):
            return False
        for mask in sorted(self.free):
            if self.free[mask]:
                net.add_type(mask, self.free[mask])
        net.run()
        total = sum((net.load(j) for j in range(net.k)), start=0)
        return total >= self.target

    def try_add(self, picks: Sequence[tuple[int, int]], *, remember: bool = True) -> bool:
        """Accept registrations ``(index, as-type mask)`` together, or none of them."""
        if self.full or len(self.accepted) + len(picks) > self.target:
            return False
        keys = [(a, self.pool.masks[i]) for i, a in picks]
        if any(k in self.dead for k in keys) or any(i in self.taken for i, _ in picks):
            return False
        for (i, a), (_, nat) in zip(picks, keys, strict=True):
            self.chosen[a] += 1
            self.free[nat] -= 1
            self.accepted.append((i, a))
        if self._completes():
            self.taken.update(i for i, _ in picks)
            return True
        for (_i, a), (_, nat) in zip(picks, keys, strict=True):
            self.chosen[a] -= 1
            self.free[nat] += 1
            self.accepted.pop()
        if remember and len(keys) == 1:
            self.dead.add(keys[0])
        return False


class _Levels:
    """One pass of the objective: ``order`` is the lottery order, ``why`` collects reasons."""

    def __init__(self, pool: Pool, sel: Selector, order: list[int], why: dict[int, Reason]) -> None:
        self.pool, self.sel, self.order, self.why = pool, sel, order, why

    def chosen_orgs(self) -> list[Organisation]:
        regs = self.pool.regs
        return [regs[i].organisation for i, _ in self.sel.accepted]

    def first(self, pred: Callable[[Organisation], bool], reason: str, rule: str) -> bool:
        """Accept the first registration in lottery order whose organisation has ``pred``."""
        pool, sel = self.pool, self.sel
        for i in self.order:
            if sel.full:
                return False
            if (
                i not in sel.taken
                and pred(pool.regs[i].organisation)
                and sel.try_add([(i, pool.masks[i])])
            ):
                self.why[i] = (reason, rule)
                return True
        return False

    def cover(
        self,
        attr: Callable[[Organisation], frozenset[Any]],
        what: str,
        rule: str,
        universe: int | None = None,
    ) -> None:
        """Accept, in lottery order, every registration that brings a new value of ``attr``."""
        sel, regs = self.sel, self.pool.regs
        have: set[Any] = set()
        for o in self.chosen_orgs():
            have |= attr(o)
        masks, taken, dead = self.pool.masks, sel.taken, sel.dead
        for i in self.order:
            if sel.full or (universe is not None and len(have) >= universe):
                return
            values = attr(regs[i].organisation)
            if values <= have or i in taken or (masks[i], masks[i]) in dead:
                continue
            if sel.try_add([(i, masks[i])]):
                new = values - have
                have |= new
                names = ", ".join(sorted(str(getattr(v, "value", v)) for v in new))
                self.why[i] = (f"brings a new {what}: {names}", rule)


def _holds(
    attr: Callable[[Organisation], frozenset[str]], value: str
) -> Callable[[Organisation], bool]:
    return lambda o: value in attr(o)


def diversity_levels(pool: Pool, sel: Selector, order: list[int], why: dict[int, Reason]) -> None:
    """The lexicographic objective, level by level, each greedy in lottery order."""
    rules = pool.rules
    levels = _Levels(pool, sel, order, why)
    # 0. required municipalities (an error when missing)
    for m in sorted(rules.required_municipalities):
        if not any(m in o.municipalities for o in levels.chosen_orgs()):
            levels.first(
                _holds(lambda o: o.municipalities, m),
                f"covers the required municipality {m}",
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
        levels.first(lambda o: o.volunteer_run, "brings a volunteer-run association", "WS-7")
    # 3. the wanted languages (WS-7)
    for lang in sorted(div.languages):
        if not any(lang in o.languages for o in levels.chosen_orgs()):
            levels.first(
                _holds(lambda o: o.languages, lang),
                f"brings the language {lang!r}",
                "WS-7",
            )
    # 4.-6. new size classes (WS-4), municipalities, under-represented groups (WS-7)
    levels.cover(lambda o: frozenset({o.size}), "size class", "WS-4", universe=len(SizeClass))
    levels.cover(lambda o: o.municipalities, "municipality", "WS-7")
    levels.cover(lambda o: o.groups, "under-represented group", "WS-7")


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
                    text = f"work pair {mix[0].value} + {mix[1].value} for network {g.id}"
                    why[a] = why[b] = (text, "KU-7")
                    return
                if tried >= 64:
                    return
