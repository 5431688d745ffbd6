"""Tests of council terms, membership windows, consecutive terms and rotating duties.

Rules: the "Facts about terms" of DOMAIN.md, `FC-12`, `FC-13`, `KU-5`, `OF-8`, `WS-5`.
"""

from __future__ import annotations

import doctest
import itertools
from datetime import date

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from jarjestoyhteistyo.calc import terms
from jarjestoyhteistyo.calc.duties import (
    DutyPeriod,
    duty_holder,
    duty_periods,
    duty_turn,
    rotating_duty,
)
from jarjestoyhteistyo.calc.terms import (
    CouncilTerm,
    Tenure,
    TermError,
    check_consecutive,
    consecutive_terms,
    council_term_on,
    council_terms,
    membership_window,
)
from jarjestoyhteistyo.errors import JarjestoError
from jarjestoyhteistyo.model.rulesets import (
    Council,
    DutyTurn,
    RotatingDuty,
    TermMode,
    TermPolicy,
)

ONE_DAY = relativedelta(days=1)
# month ends and leap days are where month arithmetic goes wrong
DAYS = st.dates(min_value=date(2022, 3, 1), max_value=date(2120, 12, 31))
MONTH_ENDS = st.builds(
    lambda y, m: date(y, m, 1) + relativedelta(day=31),
    st.integers(min_value=2022, max_value=2100),
    st.integers(min_value=1, max_value=12),
).filter(lambda d: d >= date(2022, 3, 1))
STARTS = st.one_of(DAYS, MONTH_ENDS, st.just(date(2024, 2, 29)), st.just(date(2028, 2, 29)))


def test_doctests_pass() -> None:
    """Every docstring example of the module runs."""
    result = doctest.testmod(terms, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# ----------------------------------------------------------- council term facts
def test_facts_regional_first_term() -> None:
    """Facts about terms: the first regional term ran 1.3.2022–31.5.2025."""
    t = council_term_on(date(2022, 3, 1))
    assert t == CouncilTerm(
        council=Council.REGIONAL, start=date(2022, 3, 1), end=date(2025, 5, 31), number=1
    )
    assert council_term_on(date(2025, 5, 31)) == t


def test_facts_regional_later_terms_four_years_from_june() -> None:
    """Facts about terms: later regional terms are four years from 1 June."""
    assert (council_term_on(date(2025, 6, 1)).start, council_term_on(date(2025, 6, 1)).end) == (
        date(2025, 6, 1),
        date(2029, 5, 31),
    )
    t3 = council_term_on(date(2029, 6, 1))
    assert (t3.start, t3.end, t3.number) == (date(2029, 6, 1), date(2033, 5, 31), 3)


def test_facts_municipal_terms() -> None:
    """Facts about terms: municipal 1.8.2021–31.5.2025, then four years from 1 June."""
    first = council_term_on(date(2021, 8, 1), Council.MUNICIPAL)
    assert (first.start, first.end) == (date(2021, 8, 1), date(2025, 5, 31))
    second = council_term_on(date(2025, 6, 1), Council.MUNICIPAL)
    assert (second.start, second.end) == (date(2025, 6, 1), date(2029, 5, 31))


@pytest.mark.parametrize(
    ("day", "council"),
    [
        (date(2022, 2, 28), Council.REGIONAL),
        (date(2021, 8, 1), Council.REGIONAL),
        (date(2021, 7, 31), Council.MUNICIPAL),
    ],
)
def test_dates_before_first_term_raise(day: date, council: Council) -> None:
    """A day before the first known term raises TermError (a JarjestoError, a ValueError)."""
    with pytest.raises(TermError, match=r"no .* council term is known"):
        council_term_on(day, council)
    assert issubclass(TermError, JarjestoError)
    assert issubclass(TermError, ValueError)


def test_council_terms_list_and_errors() -> None:
    """council_terms lists the terms overlapping the years and refuses earlier years."""
    terms_ = council_terms(2021, 2029, Council.MUNICIPAL)
    assert [t.number for t in terms_] == [1, 2, 3]
    assert council_terms(2026, 2027) == (council_term_on(date(2026, 1, 1)),)
    with pytest.raises(TermError):
        council_terms(2021, 2025, Council.REGIONAL)
    with pytest.raises(TermError):
        council_terms(2026, 2025)


@given(day=DAYS, council=st.sampled_from(Council))
def test_council_term_on_contains_the_day(day: date, council: Council) -> None:
    """Facts about terms: the term in force on a day contains it; terms tile."""
    t = council_term_on(day, council)
    assert t.contains(day)
    if t.number > 1:
        before = council_term_on(t.start - ONE_DAY, council)
        assert before.number == t.number - 1
        assert before.end + ONE_DAY == t.start
        assert (t.start.month, t.start.day) == (6, 1)


# ------------------------------------------------------------------ windows
@given(start=STARTS, months=st.integers(min_value=1, max_value=60))
def test_fc12_fixed_window_ends_the_day_before_the_anniversary(start: date, months: int) -> None:
    """FC-12: a fixed term ends on start + relativedelta(months=m) - 1 day."""
    w = membership_window(TermPolicy(mode=TermMode.FIXED, months=months), start)
    assert w.start == start
    assert w.end == start + relativedelta(months=months) - ONE_DAY
    assert w.rule.startswith(f"fixed {months}-month term (FC-12)")


@given(
    start=STARTS,
    months=st.integers(min_value=1, max_value=48),
    k=st.integers(min_value=0, max_value=30),
)
def test_fc12_fixed_windows_tile_without_gaps(start: date, months: int, k: int) -> None:
    """FC-12: windows k and k+1 meet exactly and are computed from the anchor."""
    policy = TermPolicy(mode=TermMode.FIXED, months=months)
    a = membership_window(policy, start, index=k)
    b = membership_window(policy, start, index=k + 1)
    assert a.end is not None
    assert a.end + ONE_DAY == b.start
    assert b.start == start + relativedelta(months=months * (k + 1))


@given(
    start=STARTS,
    mode=st.sampled_from((TermMode.COUNCIL, TermMode.COUNCIL_FRACTION)),
    fraction=st.sampled_from((0.5, 0.25, 1.0)),
    council=st.sampled_from(Council),
    k=st.integers(min_value=0, max_value=8),
)
def test_ws5_council_windows_tile_without_gaps(
    start: date, mode: TermMode, fraction: float, council: Council, k: int
) -> None:
    """WS-5 / FC-12: council-term and council-fraction windows tile from the start."""
    policy = TermPolicy(mode=mode, council=council, fraction=fraction)
    a = membership_window(policy, start, index=k)
    b = membership_window(policy, start, index=k + 1)
    assert a.end is not None
    assert b.end is not None
    assert a.start <= a.end < b.start <= b.end
    assert a.end + ONE_DAY == b.start
    assert membership_window(policy, start).contains(start)


def test_fc12_mid_term_council_start_is_not_extended() -> None:
    """FC-12: a council-term membership started mid-term ends with that council term,
    while a 2-year membership started the same day runs on (the two rules differ)."""
    start = date(2024, 9, 1)
    council = membership_window(TermPolicy(mode=TermMode.COUNCIL), start)
    fixed = membership_window(TermPolicy(mode=TermMode.FIXED, months=24), start)
    assert council.end == date(2025, 5, 31)
    assert fixed.end == date(2026, 8, 31)
    assert "not extended" in council.rule


def test_fc12_month_end_rule() -> None:
    """FC-12: 31 Jan + 1 month is 28/29 Feb, so a 1-month term from 31 Jan ends 27/28 Feb."""
    policy = TermPolicy(mode=TermMode.FIXED, months=1)
    assert membership_window(policy, date(2025, 1, 31)).end == date(2025, 2, 27)
    assert membership_window(policy, date(2024, 1, 31)).end == date(2024, 2, 28)
    # anchored, not chained: the third window starts on 31 March, not 28 March
    assert membership_window(policy, date(2025, 1, 31), index=2).start == date(2025, 3, 31)


def test_fc13_half_council_term() -> None:
    """FC-13: half of a council term; the 39-month first term splits 19 + 20 months."""
    half = TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5)
    first = membership_window(half, date(2022, 3, 1))
    assert first.end == date(2023, 9, 30)
    second = membership_window(half, date(2022, 3, 1), index=1)
    assert (second.start, second.end) == (date(2023, 10, 1), date(2025, 5, 31))
    assert membership_window(half, date(2027, 6, 1)).end == date(2029, 5, 31)
    with pytest.raises(TermError):
        membership_window(
            TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.3), date(2026, 1, 1)
        )


def test_ku5_first_term_staggered_within_the_pair() -> None:
    """KU-5: the first term is 1 year for one of the pair and 2 years for the other."""
    policy = TermPolicy(mode=TermMode.FIXED, months=24, first_term_months=(12, 24))
    start = date(2025, 9, 1)
    ends = [membership_window(policy, start, first=True, position=i).end for i in range(4)]
    assert ends == [date(2026, 8, 31), date(2027, 8, 31), date(2026, 8, 31), date(2027, 8, 31)]
    # after the staggered first term, full 24-month terms follow without a gap
    later = [membership_window(policy, start, first=True, position=0, index=k) for k in (1, 2)]
    assert [(w.start, w.end) for w in later] == [
        (date(2026, 9, 1), date(2028, 8, 31)),
        (date(2028, 9, 1), date(2030, 8, 31)),
    ]
    assert "KU-5" in membership_window(policy, start, first=True).rule
    # a later (not first) term is the ordinary 24 months
    assert membership_window(policy, start).end == date(2027, 8, 31)


def test_transitional_first_term_end() -> None:
    """FC-12: a transitional first term ends on first_term_end; with KU-5 months the
    earlier end wins."""
    policy = TermPolicy(mode=TermMode.FIXED, months=24, first_term_end=date(2025, 5, 31))
    w = membership_window(policy, date(2024, 3, 1), first=True)
    assert w.end == date(2025, 5, 31)
    assert "transitional" in w.rule
    both = TermPolicy(first_term_months=(12, 24), first_term_end=date(2025, 5, 31))
    assert membership_window(both, date(2024, 3, 1), first=True, position=0).end == date(
        2025, 2, 28
    )
    assert membership_window(both, date(2024, 3, 1), first=True, position=1).end == date(
        2025, 5, 31
    )
    with pytest.raises(TermError):
        membership_window(policy, date(2025, 6, 1), first=True)


def test_of8_agreed_and_fixed_dates() -> None:
    """OF-8: agreed terms are open-ended unless an end is given; fixed dates end on end."""
    agreed = TermPolicy(mode=TermMode.AGREED)
    assert membership_window(agreed, date(2026, 1, 1)).end is None
    assert membership_window(agreed, date(2026, 1, 1), end=date(2026, 12, 31)).end == date(
        2026, 12, 31
    )
    dates = TermPolicy(mode=TermMode.FIXED_DATES, start=date(2026, 1, 1), end=date(2027, 12, 31))
    assert membership_window(dates, date(2026, 6, 1)).end == date(2027, 12, 31)
    with pytest.raises(TermError):
        membership_window(dates, date(2028, 1, 1))
    with pytest.raises(TermError):
        membership_window(TermPolicy(), date(2026, 1, 1), end=date(2026, 12, 31))


def test_invalid_policies_raise() -> None:
    """FC-12: a fixed term without months, or a negative index, cannot be computed."""
    with pytest.raises(TermError):
        membership_window(TermPolicy(mode=TermMode.FIXED, months=None), date(2026, 1, 1))
    with pytest.raises(TermError):
        membership_window(TermPolicy(), date(2026, 1, 1), index=-1)
    with pytest.raises(TermError):
        membership_window(TermPolicy(mode=TermMode.COUNCIL), date(2022, 1, 1))


# ------------------------------------------------------- consecutive terms
def _tenures(person: str, org: str, n: int, first_year: int = 2022) -> tuple[Tenure, ...]:
    start = date(first_year, 3, 1)
    return tuple(
        Tenure(
            seat="m1",
            organisation=org,
            person_ref=person,
            start=start + relativedelta(years=2 * k),
            end=start + relativedelta(years=2 * (k + 1)) - ONE_DAY,
        )
        for k in range(n)
    )


def test_fc13_consecutive_terms_and_gaps() -> None:
    """FC-13: a gap breaks a run; parallel seats in the same term count once."""
    history = (
        *_tenures("p1", "o1", 2),
        Tenure(
            seat="m2",
            organisation="o1",
            person_ref="p2",
            start=date(2022, 3, 1),
            end=date(2024, 2, 29),
        ),
        Tenure(
            seat="m1",
            organisation="o2",
            person_ref="p1",
            start=date(2026, 6, 1),  # a gap after 2026-02-28
            end=date(2028, 5, 31),
        ),
    )
    by_person = consecutive_terms(history, "person_ref")
    assert [(s.key, s.count) for s in by_person] == [("p1", 2), ("p1", 1), ("p2", 1)]
    by_org = consecutive_terms(history, "organisation")
    assert [(s.key, s.count) for s in by_org] == [("o1", 2), ("o2", 1)]


def test_fc13_ws5_check_consecutive_findings() -> None:
    """FC-13 (JY301, person) and WS-5 (JY302, organisation) over their limits."""
    history = _tenures("p1", "o1", 3)
    report = check_consecutive(
        history, TermPolicy(max_consecutive_person=2, max_consecutive_organisation=2)
    )
    assert report.codes == frozenset({"JY301", "JY302"})
    assert {f.path for f in report} == {"history[2]"}
    assert {f.rule for f in report} == {"FC-13", "WS-5"}
    assert not report.ok
    assert check_consecutive(history, TermPolicy(max_consecutive_person=3)).ok
    assert len(check_consecutive(history, TermPolicy())) == 0


# ---------------------------------------------------------------- rotation
@given(
    start=STARTS,
    period=st.integers(min_value=1, max_value=24),
    periods=st.integers(min_value=0, max_value=12),
    n=st.integers(min_value=1, max_value=4),
)
def test_rotating_duty_tiles_and_takes_turns(
    start: date, period: int, periods: int, n: int
) -> None:
    """Rotating chair/secretary: periods tile from the anchor, organisations in turn."""
    orgs = tuple(f"o{i}" for i in range(n))
    duty = rotating_duty(orgs, start, period, periods)
    assert len(duty) == periods
    for k, (w, org) in enumerate(duty):
        assert org == orgs[k % n]
        assert w.start == start + relativedelta(months=period * k)
    for (a, _), (b, _) in itertools.pairwise(duty):
        assert a.end is not None
        assert a.end + ONE_DAY == b.start


def test_rotating_duty_errors() -> None:
    """A rotating duty needs organisations and a positive period."""
    with pytest.raises(TermError):
        rotating_duty((), date(2026, 1, 1), 6, 2)
    with pytest.raises(TermError):
        rotating_duty(("o1",), date(2026, 1, 1), 0, 2)


def _tiles(periods: tuple[DutyPeriod, ...], first: date, last: date) -> None:
    """The periods cover first–last exactly once, in order."""
    windows = [p.window for p in periods]
    assert windows[0].start <= first
    assert windows[-1].end is None or windows[-1].end >= last
    for a, b in itertools.pairwise(windows):
        assert a.end is not None
        assert a.end + ONE_DAY == b.start


@given(
    start=STARTS,
    period=st.integers(min_value=1, max_value=24),
    n=st.integers(min_value=1, max_value=4),
    repeats=st.booleans(),
    day=DAYS,
)
def test_duty_by_period_says_not_specified_past_the_list(
    start: date, period: int, n: int, repeats: bool, day: date
) -> None:
    """Issue #15 point 4: past the last stated turn the holder is "not specified",
    unless the list repeats; before it, turn k is holders[k % n] from the anchor."""
    holders = tuple(f"org-{i}" for i in range(n))
    duty = RotatingDuty(
        duty="chair", start=start, period_months=period, holders=holders, repeats=repeats
    )
    held = duty_holder(duty, day)
    assert held.window.contains(day)
    list_end = start + relativedelta(months=period * n)
    if day < start or (day >= list_end and not repeats):
        assert not held.specified
        assert held.holder is None
    else:
        assert held.turn is not None
        assert held.holder == holders[held.turn % n]
        assert held.window.start == start + relativedelta(months=period * held.turn)
    first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    _tiles(duty_periods(duty, first, last), first, last)


def test_listed_duty_turns_end_and_repeat() -> None:
    """A list of three turns says nothing of a fourth; repeated, it starts over after
    its span, a turn to the end of February keeping to the end of February."""
    turns = (
        DutyTurn(holder="org-a", start=date(2026, 3, 1), end=date(2027, 2, 28)),
        DutyTurn(holder="org-b", start=date(2027, 3, 1), end=date(2028, 2, 29)),
        DutyTurn(holder="org-c", start=date(2028, 3, 1), end=date(2029, 2, 28)),
    )
    duty = RotatingDuty(duty="secretary", turns=turns)
    assert duty_holder(duty, date(2028, 6, 1)).holder == "org-c"
    after = duty_holder(duty, date(2029, 3, 1))
    assert (after.specified, after.window.start, after.window.end) == (
        False,
        date(2029, 3, 1),
        None,
    )
    assert not duty_holder(duty, date(2026, 2, 28)).specified  # before the first turn
    assert duty_turn(duty, 3) is None
    again = attrs.evolve(duty, repeats=True)
    fourth = duty_turn(again, 3)
    assert fourth is not None
    assert (fourth.holder, fourth.window.start, fourth.window.end) == (
        "org-a",
        date(2029, 3, 1),
        date(2030, 2, 28),
    )
    fifth = duty_turn(again, 4)
    assert fifth is not None
    assert fifth.window.end == date(2031, 2, 28)
    assert duty_holder(again, date(2031, 2, 28)).holder == "org-b"
    periods = duty_periods(again, date(2026, 1, 1), date(2040, 12, 31))
    _tiles(periods, date(2026, 1, 1), date(2040, 12, 31))


def test_listed_duty_gap_is_not_specified() -> None:
    """A gap between listed turns is a period with no holder, not the neighbour's."""
    turns = (
        DutyTurn(holder="org-a", start=date(2026, 1, 1), end=date(2026, 5, 31)),
        DutyTurn(holder="org-b", start=date(2026, 7, 1), end=date(2026, 12, 31)),
    )
    periods = duty_periods(
        RotatingDuty(duty="chair", turns=turns), date(2026, 1, 1), date(2026, 12, 31)
    )
    assert [(p.window.start.month, p.holder) for p in periods] == [
        (1, "org-a"),
        (6, None),
        (7, "org-b"),
    ]


def test_duty_errors() -> None:
    """Unreadable duties raise TermError (a JarjestoError: exit 2 on the command line)."""
    for duty in (
        RotatingDuty(duty="chair"),
        RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=0, holders=("a",)),
        RotatingDuty(duty="chair", period_months=6, holders=("a",)),
    ):
        with pytest.raises(TermError, match=r"needs|states no turns|period_months"):
            duty_turn(duty, 0)
        with pytest.raises(TermError, match=r"needs|states no turns|period_months"):
            duty_holder(duty, date(2026, 1, 1))
    ok = RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=6, holders=("a",))
    with pytest.raises(TermError):
        duty_turn(ok, -1)
    with pytest.raises(TermError):
        duty_periods(ok, date(2027, 1, 1), date(2026, 1, 1))
    far = RotatingDuty(
        duty="chair", turns=(DutyTurn(holder="a", start=date(2026, 1, 1), end=date(9999, 12, 31)),)
    )
    with pytest.raises(TermError, match="outside the calendar"):
        duty_holder(far, date(2026, 6, 1))


# ------------------------------------------------ one calendar, one arithmetic
def test_the_council_term_length_is_the_calendars() -> None:
    """Issue #13: the council term's length is written once, in the calendar, and
    TermPolicy.max_months defaults to it."""
    later = council_term_on(date(2025, 6, 1))
    months = relativedelta(later.end + ONE_DAY, later.start)
    assert terms.COUNCIL_TERM_MONTHS == months.years * 12 + months.months == 48
    assert TermPolicy().max_months is None
    assert terms.longest_term_months(TermPolicy()) == terms.COUNCIL_TERM_MONTHS
    assert terms.longest_term_months(TermPolicy(max_months=30)) == 30
    assert later.start == terms.LATER_TERMS_START


@given(
    start=STARTS,
    months=st.integers(min_value=1, max_value=48),
    ends_after=st.integers(min_value=0, max_value=60),
    k=st.integers(min_value=1, max_value=6),
)
def test_no_overlap_after_a_transitional_first_term(
    start: date, months: int, ends_after: int, k: int
) -> None:
    """FC-12 (issue #13): window 1 starts the day after a transitional first term
    ends, whatever the term's length, and later windows keep tiling."""
    fte = start + relativedelta(months=ends_after)
    policy = TermPolicy(mode=TermMode.FIXED, months=months, first_term_end=fte)
    first = membership_window(policy, start, first=True)
    assert first.end is not None
    assert first.end <= fte
    after = membership_window(policy, start, first=True, index=1)
    assert after.start == first.end + ONE_DAY
    a = membership_window(policy, start, first=True, index=k)
    b = membership_window(policy, start, first=True, index=k + 1)
    assert a.end is not None
    assert a.end + ONE_DAY == b.start


MODES = st.sampled_from(
    (
        TermPolicy(mode=TermMode.FIXED, months=24, rotation=0.5),
        TermPolicy(mode=TermMode.FIXED, months=13, rotation=1 / 3),
        TermPolicy(mode=TermMode.FIXED, months=24, first_term_months=(12, 24)),
        TermPolicy(mode=TermMode.COUNCIL, rotation=0.5),
        TermPolicy(mode=TermMode.COUNCIL, council=Council.MUNICIPAL, rotation=0.25),
        TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5, rotation=0.5),
        TermPolicy(mode=TermMode.COUNCIL, first_term_months=(6, 18)),
        TermPolicy(mode=TermMode.COUNCIL, first_term_end=date(2026, 12, 31)),
    )
)


@given(
    policy=MODES,
    start=st.dates(min_value=date(2022, 3, 1), max_value=date(2026, 12, 31)),
    position=st.integers(min_value=0, max_value=5),
    k=st.integers(min_value=0, max_value=8),
)
def test_staggered_windows_tile(policy: TermPolicy, start: date, position: int, k: int) -> None:
    """FC-13 / KU-5: a seat's windows after a staggered first term tile without gaps
    or overlaps, and no later window is shorter than the first."""
    a = membership_window(policy, start, first=True, position=position, index=k)
    b = membership_window(policy, start, first=True, position=position, index=k + 1)
    assert a.end is not None
    assert b.end is not None
    assert a.start <= a.end < b.start <= b.end
    assert a.end + ONE_DAY == b.start
    if k == 0:
        assert a.start == start


@pytest.mark.parametrize(
    ("policy", "ends"),
    [
        # FC-13 on the council calendar: one cohort at mid-term, one with the term
        (TermPolicy(mode=TermMode.COUNCIL, rotation=0.5), ["2027-05-31", "2029-05-31"]),
        # half a council term, half changing: yearly changeovers on 1 June
        (
            TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5, rotation=0.5),
            ["2026-05-31", "2027-05-31"],
        ),
        # FC-13 with a fixed term: 12 and 24 months
        (TermPolicy(mode=TermMode.FIXED, months=24, rotation=0.5), ["2026-05-31", "2027-05-31"]),
    ],
)
def test_fc13_first_terms_per_cohort(policy: TermPolicy, ends: list[str]) -> None:
    """FC-13: the rotation share staggers the first term, cohort by cohort; council-bound
    first terms end on 31 May, so changeovers fall on 1 June."""
    start = date(2025, 6, 1)
    got = [membership_window(policy, start, first=True, position=p).end for p in (0, 1)]
    assert [d.isoformat() for d in got if d is not None] == ends
    assert terms.cohorts(policy) == 2


def test_cohorts_and_impossible_staggers() -> None:
    """FC-13: a share outside (0, 1] or a term too short to stagger is a TermError."""
    assert terms.cohorts(TermPolicy(rotation=1 / 3)) == 3
    assert terms.cohorts(TermPolicy(mode=TermMode.AGREED, rotation=0.5)) == 1
    with pytest.raises(TermError, match="above 0 and at most 1"):
        terms.cohorts(TermPolicy(rotation=0.0))
    with pytest.raises(TermError, match="cannot be staggered"):
        membership_window(TermPolicy(months=1, rotation=0.5), date(2026, 1, 1), first=True)
    many = TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.25, rotation=0.1)
    with pytest.raises(TermError, match="whole months"):
        membership_window(many, date(2022, 3, 1), first=True)
    with pytest.raises(TermError, match="position"):
        membership_window(TermPolicy(), date(2026, 1, 1), first=True, position=-1)
    with pytest.raises(TermError, match="single window"):
        membership_window(TermPolicy(mode=TermMode.AGREED), date(2026, 1, 1), index=1)


def test_consecutive_terms_skip_tenures_without_a_holder() -> None:
    """A planned tenure names nobody: it does not count for any holder."""
    planned = Tenure(seat="m1", start=date(2022, 3, 1), end=date(2024, 2, 29), number=1)
    history = (*_tenures("p1", "o1", 1), planned)
    assert [(s.key, s.tenures) for s in consecutive_terms(history, "person_ref")] == [("p1", (0,))]


@given(
    n=st.integers(min_value=1, max_value=4),
    splits=st.lists(st.integers(min_value=1, max_value=700), min_size=4, max_size=4),
)
def test_a_move_to_another_seat_within_a_term_counts_the_term_once(
    n: int, splits: list[int]
) -> None:
    """FC-13 / WS-5 (issue #13): a holder who moves to another seat within a term (a
    promoted deputy) shows as two records of that term; each names the term it lies
    in, and the count of consecutive terms is the same as without the move."""
    whole = _tenures("p1", "o1", n)
    moved: list[Tenure] = []
    for t, days in zip(whole, splits, strict=False):
        cut = min(t.start + relativedelta(days=days), t.end)
        term = (t.start, t.end)
        moved.append(attrs.evolve(t, seat="d1", end=cut - ONE_DAY, term=term))
        moved.append(attrs.evolve(t, start=cut, term=term))
    for key in ("person_ref", "organisation"):
        assert [s.count for s in consecutive_terms(moved, key)] == [n]  # type: ignore[arg-type]
    policy = TermPolicy(max_consecutive_person=n, max_consecutive_organisation=n)
    assert check_consecutive(moved, policy).ok
    over = check_consecutive(moved, TermPolicy(max_consecutive_person=n - 1 or None))
    assert [f.params["count"] for f in over] == ([n] if n > 1 else [])
    # without the term named, the two parts of every term count as two terms
    plain = [attrs.evolve(t, term=None) for t in moved]
    assert [s.count for s in consecutive_terms(plain, "organisation")] == [2 * n]
