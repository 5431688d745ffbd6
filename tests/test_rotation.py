"""Rotation plans (`FC-13`, `KU-5`, `KU-7`, `FC-8`): examples and hypothesis properties."""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from datetime import date

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.rotation import RotationError, rotation_plan, term_months
from jarjestoyhteistyo.rules import (
    GeneralRuleSet,
    IntRange,
    SeatGroup,
    SeatSource,
    TermMode,
    TermPolicy,
)

ONE_DAY = relativedelta(days=1)


def _month(d: date) -> int:
    return d.year * 12 + d.month


def _body(groups: int, per_group: int) -> tuple[GeneralRuleSet, jy.Composition]:
    rules = GeneralRuleSet(
        name="generated",
        area="example area",
        seat_groups=tuple(
            SeatGroup(id=f"g{i}", source=SeatSource.OPEN, seats=IntRange(min=0, max=per_group))
            for i in range(groups)
        ),
    )
    seats = tuple(
        jy.Seat(id=f"g{i}-s{j}", kind=jy.SeatKind.MEMBER, group=f"g{i}")
        for i in range(groups)
        for j in range(per_group)
    )
    return rules, jy.Composition(seats=seats)


policies = st.sampled_from([1.0, 0.5, 1 / 3, 0.25, 0.4, 0.75, 0.1]).flatmap(
    lambda rotation: st.builds(
        lambda months: TermPolicy(mode=TermMode.FIXED, months=months, rotation=rotation),
        # whole-month changeovers need at least ceil(1 / f) months to stagger
        months=st.integers(min_value=math.ceil(1 / rotation - 1e-9), max_value=60),
    )
)


@given(
    policy=policies,
    groups=st.integers(min_value=1, max_value=6),
    per_group=st.integers(min_value=1, max_value=4),
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)),
    years=st.integers(min_value=1, max_value=12),
)
def test_rotation_properties(
    policy: TermPolicy, groups: int, per_group: int, start: date, years: int
) -> None:
    """FC-13: never more than ceil(f × n) seats change at once; seats never empty;
    tenures after the first have the policy's length; same input, same plan."""
    rules, comp = _body(groups, per_group)
    rules = attrs.evolve(rules, term=policy)
    plan = rotation_plan(rules, comp, start=start, years=years)
    n = len(comp.seats)
    assert plan.max_per_changeover <= math.ceil(policy.rotation * n - 1e-9)
    for change in plan.changeovers:
        assert len(change.seats) <= plan.max_per_changeover
    by_seat: dict[str, list[jy.Seat | object]] = defaultdict(list)
    for t in plan.tenures:
        by_seat[t.seat].append(t)
    assert set(by_seat) == {s.id for s in comp.seats}
    for seat, tenures in by_seat.items():
        tenures = sorted(tenures, key=lambda t: t.number)  # type: ignore[attr-defined]
        assert tenures[0].start == start  # type: ignore[attr-defined]
        for a, b in itertools.pairwise(tenures):
            assert b.start == a.end + ONE_DAY  # type: ignore[attr-defined]  # no gap
            # a full term: policy.months calendar months, dates clipped from the anchor
            assert _month(b.end + ONE_DAY) - _month(b.start) == policy.months  # type: ignore[attr-defined]
        assert tenures[-1].end >= plan.end  # type: ignore[attr-defined]  # covers horizon
        assert seat  # every seat id is non-empty
    assert rotation_plan(rules, comp, start=start, years=years) == plan


def test_ku5_first_term_staggered_within_each_pair() -> None:
    """KU-5: first term 1 year for one of the pair and 2 years for the other."""
    rules = jy.load_preset("keski-uusimaa")
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    start = date(2025, 6, 1)
    plan = rotation_plan(rules, comp, start=start, years=8)
    for net in rules.networks:
        firsts = sorted(t.end for t in plan.tenures if t.seat.startswith(net.id) and t.number == 1)
        assert firsts == [
            start + relativedelta(months=12) - ONE_DAY,
            start + relativedelta(months=24) - ONE_DAY,
        ]


def test_ku7_work_pair_never_renewed_at_once() -> None:
    """KU-7: in each work pair one person changes at a time."""
    rules = jy.load_preset("keski-uusimaa")
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    plan = rotation_plan(rules, comp, start=date(2025, 6, 1), years=10)
    group_of = {s.id: s.group for s in comp.seats}
    for change in plan.changeovers:
        per_group = Counter(group_of[s] for s in change.seats)
        assert max(per_group.values()) == 1, change


def test_fc13_half_of_members_change_each_year_and_deputies_follow() -> None:
    """FC-13: half change at each changeover; FC-8: personal deputies follow members."""
    rules = jy.load_preset("vantaa-kerava-formal")
    comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
    plan = rotation_plan(rules, comp, start=date(2025, 1, 1), years=6)
    members = [s for s in comp.seats if s.kind is jy.SeatKind.MEMBER]
    assert plan.cohorts == 2
    assert all(len(c.seats) == len(members) // 2 for c in plan.changeovers)
    for deputy in comp.seats_of(jy.SeatKind.DEPUTY):
        own = [(t.start, t.end) for t in plan.of_seat(deputy.id)]
        assert own == [(t.start, t.end) for t in plan.of_seat(deputy.deputy_of or "")]
    # committee members are not rotated by the NGO plan
    assert not plan.of_seat("committee-1")


def test_month_end_start_is_computed_from_the_anchor() -> None:
    """A plan from 31 January: every changeover stays on the 31st where the month has one."""
    rules, comp = _body(1, 2)
    rules = attrs.evolve(rules, term=TermPolicy(months=13, rotation=0.5))
    plan = rotation_plan(rules, comp, start=date(2024, 1, 31), years=6)
    for change in plan.changeovers:
        months = (change.date.year - 2024) * 12 + change.date.month - 1
        assert change.date == date(2024, 1, 31) + relativedelta(months=months)


def test_agreed_term_cannot_be_planned() -> None:
    """OF-8: an agreed term has no length to rotate on: a clear, documented error."""
    with pytest.raises(RotationError, match="agreed"):
        term_months(jy.load_preset("vantaa-kerava-open-forum").term)
    rules, comp = _body(1, 1)
    with pytest.raises(RotationError, match="start date"):
        rotation_plan(rules, comp)


def test_council_term_lengths() -> None:
    """FC-12: the council term plans as 48 months; a fraction as its share."""
    assert term_months(TermPolicy(mode=TermMode.COUNCIL, months=None)) == 48
    assert term_months(TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.25)) == 12


def test_term_too_short_to_stagger_is_a_clear_error() -> None:
    """FC-13: half of a 1-month term cannot change at once in whole months."""
    rules, comp = _body(1, 2)
    rules = attrs.evolve(rules, term=TermPolicy(months=1, rotation=0.5))
    with pytest.raises(RotationError, match="cannot be staggered"):
        rotation_plan(rules, comp, start=date(2025, 1, 1), years=2)
