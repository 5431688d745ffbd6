"""Tests of meeting dates, the ICS export, workload and the annual clock.

Rules: `FC-11`, `OF-6`, `WS-4` (meetings), `KU-9`, `WS-1` (workload), `JP-5`, `KU-2`
(annual clock).
"""

from __future__ import annotations

import doctest
from datetime import date, datetime, time

import holidays
import icalendar
import pytest
from dateutil.relativedelta import relativedelta
from dateutil.rrule import FR, TU, weekday
from hypothesis import given, settings
from hypothesis import strategies as st

from jarjestoyhteistyo.calc import meetings
from jarjestoyhteistyo.calc.meetings import (
    AnnualActivity,
    MeetingError,
    Workload,
    annual_clock,
    check_workload,
    hours_per_member,
    meeting_dates,
    to_ics,
    workload,
)
from jarjestoyhteistyo.calc.terms import council_terms
from jarjestoyhteistyo.model.rulesets import Council, IntRange, MeetingPolicy

FC11 = MeetingPolicy(per_year=IntRange(min=4, max=6))
KU9 = MeetingPolicy(
    per_year=IntRange(min=10, max=12), network_meetings_per_year=6, network_meeting_hours=2.0
)


def test_doctests_pass() -> None:
    """Every docstring example of the module runs."""
    result = doctest.testmod(meetings, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# -------------------------------------------------------------- meeting dates
@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(min_value=2022, max_value=2040),
    lo=st.integers(min_value=1, max_value=11),
    span=st.integers(min_value=0, max_value=3),
    day=st.sampled_from((TU, FR)),
)
def test_fc11_of6_meetings_never_in_july_nor_on_holidays(
    year: int, lo: int, span: int, day: weekday
) -> None:
    """FC-11/OF-6/WS-4: counts within the range, no July, no Finnish public holiday."""
    policy = MeetingPolicy(per_year=IntRange(min=lo, max=min(lo + span, 11)))
    days = meeting_dates(policy, year, weekday=day)
    public = holidays.country_holidays("FI", years=year)
    assert policy.per_year.contains(len(days))
    assert all(d.month != 7 for d in days)
    assert all(d.date() not in public for d in days)
    assert all(d.year == year and d.time() == time(17, 0) for d in days)
    assert list(days) == sorted(set(days))
    assert len({d.month for d in days}) == len(days)


def test_fc11_default_count_is_upper_end_and_deterministic() -> None:
    """FC-11: 4–6 a year gives 6 by default; the same call gives the same dates."""
    days = meeting_dates(FC11, 2026)
    assert len(days) == 6
    assert days == meeting_dates(FC11, 2026)
    assert all(d.weekday() == 1 for d in days)  # Tuesdays


def test_ku9_monthly_meetings_skip_july() -> None:
    """KU-9: monthly meetings (10–12) give 11 a year because July is skipped."""
    days = meeting_dates(KU9, 2026)
    assert [d.month for d in days] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]


def test_holiday_clash_moves_to_next_same_weekday() -> None:
    """WS-4: 6 Jan 2026 (Epiphany) is the first Tuesday: the meeting moves to 13 Jan."""
    days = meeting_dates(KU9, 2026)
    assert days[0] == datetime(2026, 1, 13, 17, 0)
    dec = meeting_dates(KU9, 2022)[-1]  # 6 Dec 2022 (Independence Day) is a Tuesday
    assert dec == datetime(2022, 12, 13, 17, 0)


def test_meeting_count_errors() -> None:
    """FC-11: a count outside the range or beyond the months available is refused."""
    with pytest.raises(MeetingError):
        meeting_dates(FC11, 2026, count=8)
    with pytest.raises(MeetingError):
        meeting_dates(MeetingPolicy(per_year=IntRange(min=12, max=12)), 2026)
    with pytest.raises(MeetingError):
        meeting_dates(FC11, 2026, holidays_country="XX")
    assert len(meeting_dates(FC11, 2026, count=12 - 8, skip_months=())) == 4


# ------------------------------------------------------------------------ ICS
def test_ics_parses_back_with_the_right_count() -> None:
    """WS-4 (agreed well in advance): the ICS imports with one event per meeting."""
    days = meeting_dates(FC11, 2026)
    text = to_ics(days, name="NGO advisory council", duration_hours=2.5)
    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(days)
    assert len({str(e["UID"]) for e in events}) == len(days)
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.replace(tzinfo=None) for s in starts] == list(days)
    first = events[0]
    assert (first.decoded("DTEND") - first.decoded("DTSTART")).total_seconds() == 2.5 * 3600
    assert first.decoded("DTSTAMP") == datetime(2026, 1, 1, tzinfo=first.decoded("DTSTAMP").tzinfo)
    assert list(cal.walk("VTIMEZONE"))


def test_ics_is_deterministic_and_uids_follow_content() -> None:
    """The same meetings give the same text; another name gives other UIDs."""
    days = meeting_dates(FC11, 2026)
    a = to_ics(days, name="A", duration_hours=2)
    assert a == to_ics(days, name="A", duration_hours=2)
    b = to_ics(days, name="B", duration_hours=2)
    uids_a = {str(e["UID"]) for e in icalendar.Calendar.from_ical(a).walk("VEVENT")}
    uids_b = {str(e["UID"]) for e in icalendar.Calendar.from_ical(b).walk("VEVENT")}
    assert not uids_a & uids_b
    empty = icalendar.Calendar.from_ical(to_ics((), name="A", duration_hours=2))
    assert list(empty.walk("VEVENT")) == []


# ------------------------------------------------------------------- workload
def test_ku9_workload_breakdown() -> None:
    """KU-9: monthly meetings plus the theme network's meetings."""
    w = workload(KU9, budget=40)
    assert w == Workload(meetings=24.0, preparation=12.0, network_meetings=12.0, budget=40)
    assert w.total == 48.0 == hours_per_member(KU9)
    assert w.over_budget
    assert w.remaining == -8.0
    assert hours_per_member(FC11, count=4) == 12.0


def test_ws1_check_workload() -> None:
    """WS-1: realistic expectations — a warning (JY109) when over the time budget."""
    report = check_workload(KU9, 40)
    assert report.codes == frozenset({"JY109"})
    assert report.ok  # a warning, not an error
    assert report.findings[0].rule == "WS-1"
    assert len(check_workload(FC11, 40)) == 0


# --------------------------------------------------------------- annual clock
HYTE = AnnualActivity(
    id="hyte-goals", label="wellbeing-promotion goals negotiation", month=10, rule="KU-2"
)
PRINCIPLES = AnnualActivity(
    id="support-principles",
    label="principles of NGO support",
    month=9,
    per_council_term=Council.REGIONAL,
    rule="KU-2",
)


def test_ku2_annual_negotiation_every_year() -> None:
    """KU-2: the wellbeing-promotion negotiation comes every year."""
    for year in range(2022, 2035):
        assert (date(year, 10, 1), HYTE) in annual_clock((HYTE, PRINCIPLES), year)


@given(year=st.integers(min_value=2022, max_value=2080), month=st.integers(1, 12))
def test_ku2_per_council_term_only_in_first_years(year: int, month: int) -> None:
    """KU-2: the per-term negotiation falls once, in the first 12 months of each term."""
    act = AnnualActivity(
        id="p", label="principles", month=month, per_council_term=Council.REGIONAL, rule="KU-2"
    )
    expected = []
    for t in council_terms(2022, year):
        d = date(t.start.year, month, 1)
        if d < t.start:
            d = date(t.start.year + 1, month, 1)
        assert d - relativedelta(years=1) < t.start <= d
        if d.year == year:
            expected.append(d)
    clock = annual_clock((act,), year)
    assert [d for d, _ in clock] == expected
    assert len(clock) <= 1


def test_ku2_per_council_term_examples() -> None:
    """KU-2: with September, the principles come in 2022, 2025, 2029 only."""
    years = [y for y in range(2020, 2035) if annual_clock((PRINCIPLES,), y)]
    assert years == [2022, 2025, 2029, 2033]


def test_jp5_clock_sorted_and_every_n_years() -> None:
    """JP-5: the annual clock is sorted by date; every_years repeats from the anchor."""
    spring = AnnualActivity(id="survey", label="cooperation survey", month=3, day=31, rule="RM-7")
    biennial = AnnualActivity(
        id="evaluation", label="evaluation", month=2, day=30, every_years=2, anchor_year=2024
    )
    clock = annual_clock((HYTE, spring, biennial), 2026)
    assert [a.id for _, a in clock] == ["evaluation", "survey", "hyte-goals"]
    assert clock[0][0] == date(2026, 2, 28)  # day 30 clips to the month end
    assert [a.id for _, a in annual_clock((biennial,), 2025)] == []
    assert [a.id for _, a in annual_clock((biennial,), 2022)] == []
    with pytest.raises(MeetingError):
        annual_clock((AnnualActivity(id="x", label="x", month=1, every_years=2),), 2026)
    with pytest.raises(ValueError, match="month"):
        AnnualActivity(id="x", label="x", month=13)
