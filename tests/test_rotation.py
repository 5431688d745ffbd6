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
from jarjestoyhteistyo.calc.rotation import RotationError, rotation_plan, term_months
from jarjestoyhteistyo.calc.terms import COUNCIL_TERM_MONTHS, council_term_on, membership_window
from jarjestoyhteistyo.model.rulesets import (
    Council,
    GeneralRuleSet,
    IntRange,
    RotationPractice,
    SeatGroup,
    SeatSource,
    TermMode,
    TermPolicy,
)

ONE_DAY = relativedelta(days=1)
EACH = RotationPractice.EACH_TERM
STAGGERED = RotationPractice.STAGGERED_TERMS


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
    """FC-12: the council term's nominal length is the calendar's (48 months); a
    fraction is its share."""
    assert term_months(TermPolicy(mode=TermMode.COUNCIL, months=None)) == COUNCIL_TERM_MONTHS
    assert COUNCIL_TERM_MONTHS == 4 * 12
    assert term_months(TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.25)) == 12


def test_term_too_short_to_stagger_is_a_clear_error() -> None:
    """FC-13: half of a 1-month term cannot change at once in whole months."""
    rules, comp = _body(1, 2)
    rules = attrs.evolve(rules, term=TermPolicy(months=1, rotation=0.5))
    with pytest.raises(RotationError, match="cannot be staggered"):
        rotation_plan(rules, comp, start=date(2025, 1, 1), years=2)


# ----------------------------------------------------- one council calendar
def _council_body(policy: TermPolicy, seats: int = 4) -> tuple[GeneralRuleSet, jy.Composition]:
    rules, comp = _body(1, seats)
    return attrs.evolve(rules, term=policy), comp


def test_council_term_first_tenure_ends_with_the_council_term() -> None:
    """FC-12 / WS-5 (issue #13): a council-term body starting 2024-05-01 ends the first
    tenure on 2025-05-31, the same day as its membership window; the next tenure is
    the whole next council term, from 1 June."""
    policy = TermPolicy(mode=TermMode.COUNCIL, months=None)
    rules, comp = _council_body(policy)
    start = date(2024, 5, 1)
    plan = rotation_plan(rules, comp, start=start, years=6)
    first, second, *_ = plan.of_seat("g0-s0")
    assert first.end == date(2025, 5, 31)
    assert first.end == membership_window(policy, start).end
    assert (second.start, second.end) == (date(2025, 6, 1), date(2029, 5, 31))
    assert [c.date for c in plan.changeovers] == [date(2025, 6, 1), date(2029, 6, 1)]


POLICIES = {
    "fixed": TermPolicy(mode=TermMode.FIXED, months=24, rotation=0.5),
    "fixed-ku5": TermPolicy(months=24, first_term_months=(12, 24), rotation=0.5),
    "council": TermPolicy(mode=TermMode.COUNCIL, months=None),
    "council-half-rotation": TermPolicy(mode=TermMode.COUNCIL, months=None, rotation=0.5),
    "council-fraction": TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5, months=None),
    "council-fraction-half": TermPolicy(
        mode=TermMode.COUNCIL_FRACTION, fraction=0.5, months=None, rotation=0.5
    ),
    "municipal": TermPolicy(mode=TermMode.COUNCIL, council=Council.MUNICIPAL, months=None),
    "fixed-dates": TermPolicy(
        mode=TermMode.FIXED_DATES, start=date(2022, 3, 1), end=date(2031, 5, 31), months=None
    ),
    "transitional": TermPolicy(months=24, first_term_end=date(2025, 5, 31), rotation=0.5),
    "transitional-council": TermPolicy(
        mode=TermMode.COUNCIL, months=None, first_term_end=date(2024, 12, 31)
    ),
    # issue #15: the each_term practice (FC-13 read as written) in every mode it applies to
    "each-term-fixed": TermPolicy(months=24, rotation=0.5, rotation_practice=EACH),
    "each-term-thirds": TermPolicy(months=12, rotation=1 / 3, rotation_practice=EACH),
    "each-term-council": TermPolicy(
        mode=TermMode.COUNCIL, months=None, rotation=0.5, rotation_practice=EACH
    ),
    "each-term-fraction": TermPolicy(
        mode=TermMode.COUNCIL_FRACTION,
        fraction=0.5,
        months=None,
        rotation=0.5,
        rotation_practice=EACH,
    ),
    "each-term-transitional": TermPolicy(
        months=24, first_term_end=date(2025, 5, 31), rotation=0.5, rotation_practice=EACH
    ),
}
COUNCIL_BOUND = {
    k for k, p in POLICIES.items() if p.mode in (TermMode.COUNCIL, TermMode.COUNCIL_FRACTION)
}


@pytest.mark.parametrize("name", sorted(POLICIES))
@given(
    start=st.one_of(
        st.dates(min_value=date(2022, 3, 1), max_value=date(2024, 12, 31)),
        st.sampled_from([date(2022, 3, 31), date(2024, 2, 29), date(2024, 5, 1)]),
    ),
    years=st.integers(min_value=1, max_value=12),
)
def test_every_tenure_is_a_membership_window(name: str, start: date, years: int) -> None:
    """Issue #13 / FC-12: for every term mode a plan's tenure k of a seat in cohort c is
    exactly membership_window(first=True, position=c, index=k - 1); a seat's tenures
    tile without gap or overlap; council-bound changeovers fall on the day after a
    council term or a fraction of it ends (1 June after the first term)."""
    policy = POLICIES[name]
    rules, comp = _council_body(policy)
    plan = rotation_plan(rules, comp, start=start, years=years)
    for t in plan.tenures:
        w = membership_window(policy, start, first=True, position=t.cohort, index=t.number - 1)
        assert (t.start, t.end) == (w.start, w.end)
    for seat in {t.seat for t in plan.tenures}:
        own = plan.of_seat(seat)
        assert own[0].start == start
        for a, b in itertools.pairwise(own):
            assert b.start == a.end + ONE_DAY
        if policy.mode is not TermMode.FIXED_DATES:
            assert own[-1].end >= plan.end
    if policy.first_term_end is not None:
        assert all(t.end <= policy.first_term_end for t in plan.tenures if t.number == 1)
    if name in COUNCIL_BOUND:
        for change in plan.changeovers:
            term = council_term_on(change.date, policy.council)
            if term.number > 1 and plan.cohorts * (2 if policy.fraction else 1) in (1, 2, 4):
                assert (change.date.month, change.date.day) == (6, 1), change
    if plan.tenures and policy.rotation == 1.0 and policy.first_term_end is None:
        # one cohort: the plan is the plain sequence of membership windows
        seat = plan.tenures[0].seat
        plain = [membership_window(policy, start, index=t.number - 1) for t in plan.of_seat(seat)]
        assert [(w.start, w.end) for w in plain] == [(t.start, t.end) for t in plan.of_seat(seat)]


def test_half_rotation_on_the_council_calendar() -> None:
    """FC-13 on the council calendar: with half changing, one cohort changes at
    mid-term and the other with the council term, always on 1 June."""
    policy = TermPolicy(mode=TermMode.COUNCIL, months=None, rotation=0.5)
    rules, comp = _council_body(policy)
    plan = rotation_plan(rules, comp, start=date(2025, 6, 1), years=8)
    assert [(c.date, len(c.seats)) for c in plan.changeovers] == [
        (date(2027, 6, 1), 2),
        (date(2029, 6, 1), 2),
        (date(2031, 6, 1), 2),
    ]
    assert plan.max_per_changeover == 2


def test_fixed_dates_plan_one_tenure_per_seat() -> None:
    """FC-12: a fixed-dates term gives one tenure per seat, to the last fixed date,
    and no changeover the dates do not state."""
    policy = POLICIES["fixed-dates"]
    rules, comp = _council_body(policy)
    plan = rotation_plan(rules, comp, start=date(2026, 1, 1), years=8)
    assert {(t.number, t.start, t.end) for t in plan.tenures} == {
        (1, date(2026, 1, 1), date(2031, 5, 31))
    }
    assert plan.changeovers == ()
    with pytest.raises(RotationError, match="outside the fixed dates"):
        rotation_plan(rules, comp, start=date(2021, 1, 1), years=2)


def test_transitional_first_term_then_staggered_terms() -> None:
    """A transitional first term (first_term_end) ends every first tenure no later
    than its date; the next tenure starts the day after, without overlap. The earliest
    end wins, so here both cohorts change together on 1 June 2025, and the plan says
    so (which practice FC-13 wants after a transition is issue #15's choice)."""
    policy = POLICIES["transitional"]
    rules, comp = _council_body(policy)
    plan = rotation_plan(rules, comp, start=date(2024, 9, 1), years=5)
    firsts = sorted({(t.cohort, t.end) for t in plan.tenures if t.number == 1})
    assert firsts == [(0, date(2025, 5, 31)), (1, date(2025, 5, 31))]
    seconds = sorted({(t.start, t.end) for t in plan.tenures if t.number == 2})
    assert seconds == [(date(2025, 6, 1), date(2027, 5, 31))]
    assert plan.max_per_changeover == 4 == len(plan.changeovers[0].seats)


# ------------------------------------------------------ the rotation practice (#15)
def _changes(policy: TermPolicy, start: date, years: int) -> list[tuple[date, int]]:
    rules, comp = _body(1, 4)
    plan = rotation_plan(attrs.evolve(rules, term=policy), comp, start=start, years=years)
    return [(c.date, len(c.seats)) for c in plan.changeovers]


def test_fc13_each_term_half_change_once_a_term() -> None:
    """FC-13 read as written ("puolet ... vaihtuvat jäsenyyskausittain"): with 2-year
    terms, half of the seats change every two years and a seat serves two terms."""
    policy = TermPolicy(months=24, rotation=0.5, rotation_practice=EACH)
    assert _changes(policy, date(2025, 1, 1), 8) == [
        (date(2027, 1, 1), 2),
        (date(2029, 1, 1), 2),
        (date(2031, 1, 1), 2),
    ]
    rules, comp = _body(1, 4)
    plan = rotation_plan(attrs.evolve(rules, term=policy), comp, start=date(2025, 1, 1), years=8)
    firsts = sorted({(t.cohort, t.end) for t in plan.tenures if t.number == 1})
    assert firsts == [(0, date(2026, 12, 31)), (1, date(2028, 12, 31))]
    later = {(t.start, t.end) for t in plan.tenures if t.number == 2}
    assert (date(2027, 1, 1), date(2030, 12, 31)) in later  # two terms of 24 months


def test_fc13_staggered_terms_half_change_twice_a_term() -> None:
    """The other practice: one term each, staggered first terms (12 and 24 months), so
    half change every year and every seat changes within each 2-year term."""
    policy = TermPolicy(months=24, rotation=0.5, rotation_practice=STAGGERED)
    assert _changes(policy, date(2025, 1, 1), 4) == [
        (date(2026, 1, 1), 2),
        (date(2027, 1, 1), 2),
        (date(2028, 1, 1), 2),
    ]
    # left out, the practice is staggered_terms (and check() says so: JY139)
    assert _changes(attrs.evolve(policy, rotation_practice=None), date(2025, 1, 1), 4) == (
        _changes(policy, date(2025, 1, 1), 4)
    )


def test_fc13_each_term_on_the_council_calendar_changes_on_1_june() -> None:
    """A council-term body with half changing each term: 1 June, once a council term."""
    policy = TermPolicy(mode=TermMode.COUNCIL, months=None, rotation=0.5, rotation_practice=EACH)
    assert _changes(policy, date(2025, 6, 1), 12) == [
        (date(2029, 6, 1), 2),
        (date(2033, 6, 1), 2),
    ]


def test_the_formal_preset_states_each_term() -> None:
    """The decision for Vantaa–Kerava (FC-13 as written), and no JY139 for it."""
    rules = jy.load_preset("vantaa-kerava-formal")
    assert rules.term is not None
    assert rules.term.rotation_practice is EACH
    assert "JY139" not in jy.check(rules).codes


def test_fc13_rotation_practice_not_stated_is_info_JY139() -> None:
    rules, _ = _body(1, 2)
    unstated = attrs.evolve(rules, term=TermPolicy(months=24, rotation=0.5))
    [f] = [f for f in jy.check(unstated) if f.code == "JY139"]
    assert (f.severity, f.rule, f.path) == (jy.Severity.INFO, "FC-13", "term.rotation_practice")
    assert dict(f.params) == {"share": 0.5, "practice": "staggered_terms"}
    assert "rotation_practice" in f.message_fi
    for quiet in (
        TermPolicy(months=24, rotation=0.5, rotation_practice=EACH),
        TermPolicy(months=24, rotation=1.0),  # nobody stays: nothing to choose
        TermPolicy(months=24, rotation=0.5, first_term_months=(12, 24)),  # KU-5 staggers
    ):
        assert "JY139" not in jy.check(attrs.evolve(rules, term=quiet)).codes


@pytest.mark.parametrize("name", sorted(POLICIES))
@given(
    start=st.dates(min_value=date(2022, 3, 1), max_value=date(2030, 12, 31)),
    first=st.booleans(),
    position=st.integers(min_value=0, max_value=3),
)
def test_no_window_overlaps_the_next(name: str, start: date, first: bool, position: int) -> None:
    """Issue #15 point 1: for every mode, practice, transitional first term and start
    date (month ends included), window k + 1 starts the day after window k ends."""
    policy = POLICIES[name]
    if policy.mode is TermMode.FIXED_DATES:
        return  # a single window
    if policy.first_term_end is not None and start > policy.first_term_end:
        return
    windows = [
        membership_window(policy, start, first=first, position=position, index=k) for k in range(4)
    ]
    assert windows[0].start == start
    for a, b in itertools.pairwise(windows):
        assert a.end is not None
        assert a.start <= a.end
        assert b.start == a.end + ONE_DAY, (a, b)
