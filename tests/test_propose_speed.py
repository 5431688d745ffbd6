"""The proposal at the floor (issue #20, point 1): the same proposals as before it got fast.

``_SelectorBefore``, ``_LevelsBefore``, ``_diversity_levels_before``,
``_work_pair_before``, ``_lottery_before`` and ``_choose_before`` are selection as it
was before issue #20 point 1 (a new flow network and two maximum flows for every
candidate, the diversity levels scanning every registration, the rest sorted by a
tuple key), kept here verbatim but for the names as the reference: the same seed must
give the same proposal — the same seats, explanations and findings — on the anchor
benchmark's pool (``../shared/bench`` beside the checkout, or ``$JY_ANCHOR_BENCH``),
on that pool with one category per organisation, on Hypothesis pools of every preset
and on pools with duplicates, criteria and required municipalities. No timing here:
the figures are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.errors import SelectionError
from jarjestoyhteistyo.fictional.strategies import registrations
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.model.planner import check_laid_out
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import Criterion, RuleSet, SeatSource
from jarjestoyhteistyo.selection import proposal as P
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection._seating import assign, build
from jarjestoyhteistyo.selection.explanation import Reason, crowded_out, explain
from jarjestoyhteistyo.selection.feasible import feasibility_of
from jarjestoyhteistyo.selection.pool import Group, Pool
from jarjestoyhteistyo.selection.proposal import Proposal, propose

ROOT = Path(__file__).resolve().parent.parent
LINK = "links to the area's services"


# ------------------------------------------ selection before issue #20, point 1
class _SelectorBefore:
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


class _LevelsBefore:
    """One pass of the objective: ``order`` is the lottery order, ``why`` collects reasons."""

    def __init__(
        self, pool: Pool, sel: _SelectorBefore, order: list[int], why: dict[int, Reason]
    ) -> None:
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


def _holds_before(
    attr: Callable[[Organisation], frozenset[str]], value: str
) -> Callable[[Organisation], bool]:
    return lambda o: value in attr(o)


def _diversity_levels_before(
    pool: Pool, sel: _SelectorBefore, order: list[int], why: dict[int, Reason]
) -> None:
    """The lexicographic objective, level by level, each greedy in lottery order."""
    rules = pool.rules
    levels = _LevelsBefore(pool, sel, order, why)
    # 0. required municipalities (an error when missing)
    for m in sorted(rules.required_municipalities):
        if not any(m in o.municipalities for o in levels.chosen_orgs()):
            levels.first(
                _holds_before(lambda o: o.municipalities, m),
                f"covers the required municipality {m}",
                "GEN-1",
            )
    # 1. work pairs of a wanted role mix in each theme network (KU-7)
    if rules.pairs is not None and rules.pairs.mixes:
        for g in pool.groups:
            if g.seat_group.source is SeatSource.NETWORK and g.members == 2:
                _work_pair_before(pool, sel, order, g, why)
    div = rules.diversity
    # 2. a volunteer-run organisation (WS-7)
    if div.volunteer_run and not any(o.volunteer_run for o in levels.chosen_orgs()):
        levels.first(lambda o: o.volunteer_run, "brings a volunteer-run association", "WS-7")
    # 3. the wanted languages (WS-7)
    for lang in sorted(div.languages):
        if not any(lang in o.languages for o in levels.chosen_orgs()):
            levels.first(
                _holds_before(lambda o: o.languages, lang),
                f"brings the language {lang!r}",
                "WS-7",
            )
    # 4.-6. new size classes (WS-4), municipalities, under-represented groups (WS-7)
    levels.cover(lambda o: frozenset({o.size}), "size class", "WS-4", universe=len(SizeClass))
    levels.cover(lambda o: o.municipalities, "municipality", "WS-7")
    levels.cover(lambda o: o.groups, "under-represented group", "WS-7")


def _work_pair_before(
    pool: Pool, sel: _SelectorBefore, order: list[int], g: Group, why: dict[int, Reason]
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


def _lottery_before(self: Pool, seed: int) -> tuple[list[int], list[int]]:
    """The lottery: the drawing order of registration indices, and each one's rank.

    Registrations are sorted by organisation id before shuffling with
    ``random.Random(seed)``, so neither input order nor hashing matters.
    Duplicates are not drawn (rank ``-1``).
    """
    regs = self.regs
    dup = self.duplicate_of
    ids = [r.organisation.id for r in regs]
    order = sorted((i for i in range(len(regs)) if i not in dup), key=ids.__getitem__)
    random.Random(seed).shuffle(order)
    rank = [-1] * len(regs)
    for k, i in enumerate(order):
        rank[i] = k
    return order, rank


def _choose_before(
    pool: Pool, sel: _SelectorBefore, drawn: list[int], rank: Sequence[int], why: dict[int, Reason]
) -> None:
    """Diversity first, then criteria met, then the lottery rank (`FC-3`, `WS-7`)."""
    masks = pool.masks
    order = [i for i in drawn if masks[i]]
    _diversity_levels_before(pool, sel, order, why)
    if sel.full:
        return
    rest = sorted(order, key=lambda i: (-pool.criteria_met[i], rank[i]))
    for i in rest:
        if sel.full:
            break
        if i not in sel.taken and sel.try_add([(i, masks[i])]):
            met = pool.criteria_met[i]
            text = f"lottery rank {rank[i] + 1}"
            why[i] = (f"meets {met} criteria; {text}" if met else f"drawn at {text}", "FC-3")


def _propose_before(rules: RuleSet, regs: Sequence[Registration], seed: int) -> Proposal:
    """``propose(rules, regs, seed=seed)`` with the selection above."""
    check_laid_out(rules, SelectionError)
    pool = Pool(rules, regs)
    feas, fillable = feasibility_of(pool)
    if pool.party:
        return P._rejected(pool, feas, seed)
    drawn, rank = _lottery_before(pool, seed)
    if P._is_forum(pool):
        return P._forum(pool, feas, rank, seed)
    sel = _SelectorBefore(pool, fillable)
    why: dict[int, Reason] = {}
    _choose_before(pool, sel, drawn, rank, why)
    comp, placed = build(pool, assign(pool, sel))  # type: ignore[arg-type]
    not_selected = crowded_out(pool)
    return P._finish(
        pool,
        feas,
        comp,
        lambda: explain(pool, rank, placed, why, not_selected),
        placed,
        (),
        seed,
    )


def same(rules: RuleSet, regs: Sequence[Registration], seed: int) -> None:
    """The new proposal is the old one: seats, explanations, findings, feasibility."""
    new = propose(rules, regs, seed=seed)
    old = _propose_before(rules, regs, seed)
    assert new.composition == old.composition
    assert new.to_dict() == old.to_dict()


# ------------------------------------------------------------------ the pools
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


_SIZES = {"small": SizeClass.SMALL, "medium": SizeClass.MEDIUM, "large": SizeClass.LARGE}
_ROLES = (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT, Role.VOLUNTEER)


@pytest.fixture(scope="module")
def anchor_pool() -> Callable[[int, bool], list[Registration]]:
    """The anchor pool of ``n`` (seed 7) as ``anchor_pool.build`` makes it; with
    ``one`` only each organisation's primary category."""
    module = _anchor()
    codes = [c.code for c in jy.load_preset("vantaa-kerava-formal").categories]
    orgs = module.get_pool(10_000, 7)

    def make(n: int, one: bool) -> list[Registration]:
        return [
            Registration(
                organisation=Organisation(
                    id=o.org_id,
                    categories=frozenset(codes[c] for c in ((o.primary,) if one else o.categories)),
                    size=_SIZES[o.size],
                    volunteer_run=o.volunteer_only,
                    languages=frozenset({o.language}),
                    municipalities=frozenset({o.municipality}),
                ),
                member=Person(role=_ROLES[i % 3]),
                link_description=LINK,
            )
            for i, o in enumerate(orgs[:n])
        ]

    return make


def spread(n: int, seed: int, *, municipalities: int = 300, dup: float = 0.0) -> list[Registration]:
    """The project benchmark's shape: 1-3 categories, ``municipalities`` municipalities,
    some under-represented groups, criteria answered, ``dup`` of them registering twice."""
    rules = jy.load_preset("vantaa-kerava-formal")
    codes = [c.code for c in rules.categories]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randrange(n) if out and rng.random() < dup else i
        out.append(
            Registration(
                organisation=Organisation(
                    id=f"org-{k:06d}" if rng.random() < 0.5 else f"ORG-{k:06d}",
                    categories=frozenset(rng.sample(codes, rng.choice((1, 1, 1, 2, 3)))),
                    size=rng.choice(list(SizeClass)),
                    volunteer_run=rng.random() < 0.3,
                    languages=frozenset({"sv"} if rng.random() < 0.06 else {"fi"}),
                    municipalities=frozenset({f"m-{rng.randrange(municipalities)}"}),
                    groups=frozenset({"women"} if rng.random() < 0.05 else ()),
                ),
                member=Person(role=_ROLES[i % 3]),
                link_description=LINK,
                answers=frozenset(rng.sample(("a", "b"), rng.randrange(3))),
            )
        )
    return out


# ------------------------------------------------------------------ the tests
@pytest.mark.parametrize("n", [40, 300, 1_000, 3_000])
@pytest.mark.parametrize("one", [False, True], ids=["anchor", "one-category"])
def test_anchor_pool_same_proposal(
    anchor_pool: Callable[[int, bool], list[Registration]], n: int, one: bool
) -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    regs = anchor_pool(n, one)
    for seed in (1, 2, 7, 1234) if n > 300 else range(12):
        same(rules, regs, seed)


def test_anchor_pool_10k_same_proposal(
    anchor_pool: Callable[[int, bool], list[Registration]],
) -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    for one in (False, True):
        same(rules, anchor_pool(10_000, one), 1)


@pytest.mark.parametrize("municipalities", [2, 20, 300])
def test_spread_pool_with_criteria_and_duplicates(municipalities: int) -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    crit = attrs.evolve(
        rules,
        selection=attrs.evolve(rules.selection, criteria=(Criterion(id="a"), Criterion(id="b"))),
    )
    for seed in range(6):
        regs = spread(400, seed, municipalities=municipalities, dup=0.1)
        same(rules, regs, seed)
        same(crit, regs, seed + 100)


def test_required_municipalities_and_languages() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    wide = attrs.evolve(
        rules,
        required_municipalities=frozenset({"m-3", "m-7"}),
        diversity=attrs.evolve(rules.diversity, languages=frozenset({"sv", "en"})),
    )
    for seed in range(6):
        same(wide, spread(300, seed, municipalities=10), seed)


def test_too_few_registrations() -> None:
    """Infeasible pools: reserves, vacancies and refused keys take the same turns."""
    rules = jy.load_preset("vantaa-kerava-formal")
    for n in (0, 1, 5, 17, 31, 33, 60):
        for seed in range(4):
            same(rules, spread(n, seed, municipalities=4), seed)


_PRESETS = [
    "vantaa-kerava-formal",
    "vantaa-kerava-open-forum",
    "keski-uusimaa",
    "lansi-uusimaa-disability-council",
]


@settings(max_examples=25, deadline=None)
@given(data=st.data(), name=st.sampled_from(_PRESETS), seed=st.integers(0, 2**32))
def test_hypothesis_pools_same_proposal(data: st.DataObject, name: str, seed: int) -> None:
    rules = jy.load_preset(name)
    regs = data.draw(registrations(rules, max_size=80))
    same(rules, regs, seed)


@settings(max_examples=12, deadline=None)
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_theme_network_work_pairs_same_proposal(data: st.DataObject, seed: int) -> None:
    """A theme network council: work pairs of two picks tried together (`KU-7`)."""
    rules = jy.load_preset("keski-uusimaa")
    regs = data.draw(registrations(rules, min_size=10, max_size=80))
    same(rules, regs, seed)


@pytest.mark.parametrize(("scan", "few"), [(0, 64), (0, 0), (7, 1), (50, 3)])
def test_level_walk_after_the_first_ones(
    monkeypatch: pytest.MonkeyPatch,
    anchor_pool: Callable[[int, bool], list[Registration]],
    scan: int,
    few: int,
) -> None:
    """The levels past their first registrations, by a scan in C (few values) or one
    pass (many): ``_SCAN`` and ``_FEW`` made small so that small pools reach them."""
    from jarjestoyhteistyo.selection import _diversity

    monkeypatch.setattr(_diversity, "_SCAN", scan)
    monkeypatch.setattr(_diversity, "_FEW", few)
    rules = jy.load_preset("vantaa-kerava-formal")
    wide = attrs.evolve(
        rules,
        required_municipalities=frozenset({"m-3", "m-7", "Helsinki"}),
        diversity=attrs.evolve(
            rules.diversity, languages=frozenset({"sv", "other"}), volunteer_run=True
        ),
    )
    for seed in range(4):
        for municipalities in (2, 40, 300):
            regs = spread(500, seed, municipalities=municipalities, dup=0.05)
            same(rules, regs, seed)
            same(wide, regs, seed)
        same(wide, anchor_pool(2_000, seed % 2 == 0), seed)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(_PRESETS), seed=st.integers(0, 2**32))
def test_many_hypothesis_pools_same_proposal(data: st.DataObject, name: str, seed: int) -> None:
    """The comparison above on many more pools (``python -m pytest -m slow``)."""
    rules = jy.load_preset(name)
    regs = data.draw(registrations(rules, max_size=160))
    same(rules, regs, seed)
