"""Meeting calendars, an ICS export, the workload of a member and the annual clock.

* :func:`meeting_dates` spreads a year's meetings evenly (`FC-11`, `OF-6`, `WS-4`:
  regular meetings agreed well in advance), skipping July and Finnish public holidays.
* :func:`to_ics` writes them as an iCalendar file that Outlook, Google and Apple
  import (a ``VTIMEZONE`` with yearly rules, stable ``UID`` s, ``SEQUENCE``).
* :func:`workload` / :func:`hours_per_member` say how many hours a member gives a
  year (`KU-9`, `WS-1`: realistic expectations, `WS-9`: time demands clear when
  applying); :func:`check_workload` compares that with a time budget.
* :func:`annual_clock` lays out recurring activities of a year (`JP-5` "vuosikello",
  `KU-2`), including those that come once per council term.

The calendar libraries (``holidays``, ``icalendar``) are imported inside the functions
that need them, so ``import jarjestoyhteistyo`` stays light.

>>> from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy
>>> days = meeting_dates(MeetingPolicy(per_year=IntRange(min=4, max=4)), 2026)
>>> [d.date().isoformat() for d in days]
['2026-02-03', '2026-05-05', '2026-08-04', '2026-11-03']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import attrs
import dateutil

from jarjestoyhteistyo.calc.terms import check_year, council_term_on
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import MeetingError, TermError
from jarjestoyhteistyo.findings import Report, Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.bounds import LAST_YEAR, MAX_HOURS_PER_MEETING
from jarjestoyhteistyo.model.rulesets import WEEKDAY_PATTERN, IntRange, MeetingPolicy
from jarjestoyhteistyo.text import drop_unsafe

if TYPE_CHECKING:
    import dateutil.relativedelta
    import dateutil.rrule
    from dateutil.rrule import weekday

    from jarjestoyhteistyo.model.cooperation import AnnualActivity

# ``dateutil.relativedelta`` and ``dateutil.rrule`` are imported where dates are
# computed, so a check of a rule set's meetings (which computes none) loads neither.

__all__ = [
    "AnnualActivity",
    "MeetingError",
    "Workload",
    "annual_clock",
    "check_workload",
    "hours_per_member",
    "meeting_dates",
    "occurs_in",
    "parse_time",
    "parse_weekday",
    "to_ics",
    "workload",
]

JY109 = Code(
    code="JY109",
    rule="WS-1",
    severity=Severity.WARNING,
    title="Unrealistic workload",
    en="up to {hours:g} h a year per member exceeds the time budget of {budget:g} h",
    fix="Fewer or shorter meetings, or a realistic budget (WS-1, KU-9).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY109,)


# ---------------------------------------------------------------- meeting dates
_NOT_STATED = Text(
    "the rule set states no number of meetings a year (meetings.per_year): "
    "state it, or give the count"
)


def _relativedelta() -> type[dateutil.relativedelta.relativedelta]:
    """dateutil's ``relativedelta``, its module imported on first use (a rule set's
    check computes no dates; dateutil before 2.9 imports no submodule by itself)."""
    import dateutil.relativedelta

    return dateutil.relativedelta.relativedelta


def _meeting_count(policy: MeetingPolicy, count: int | None, available: int) -> int:
    rng = policy.per_year
    if rng is None:  # not stated: only an explicit count gives a calendar
        if count is None:
            raise MeetingError(_NOT_STATED)
        rng = IntRange(min=0, max=None)
    if count is None:
        upper = rng.upper
        count = min(upper, available)
        if not rng.contains(count):
            raise MeetingError(
                Text(
                    "the rule set asks for {range} meetings a year, but only {available}"
                    " months are available (one meeting a month)",
                    range=str(rng),
                    available=available,
                )
            )
        return count
    if not rng.contains(count):
        raise MeetingError(
            Text(
                "{count} meetings a year is outside the rule set's range {range}",
                count=count,
                range=str(rng),
            )
        )
    if count > available:
        raise MeetingError(
            Text(
                "{count} meetings a year do not fit in the {available} months available"
                " (one meeting a month)",
                count=count,
                available=available,
            )
        )
    return count


def parse_weekday(text: str) -> weekday:
    """A meeting weekday from ``mo`` … ``su``, optionally after an ordinal 1–4.

    ``tu`` is the first Tuesday of the month, ``2tu`` the second (every month has
    at least four of each weekday, so 5 is not offered: it would drop months).

    >>> parse_weekday("2tu"), parse_weekday("fr")
    (TU(+2), FR(+1))
    >>> parse_weekday("5tu")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.MeetingError: expected a weekday mo..su, ... got '5tu'
    """
    key = text.strip().lower()
    if not re.fullmatch(WEEKDAY_PATTERN, key):
        raise MeetingError(
            Text(
                "expected a weekday mo..su, optionally after an ordinal 1-4 "
                "(2tu = second Tuesday), got {text!r}",
                text=text,
            )
        )
    import dateutil.rrule as rr  # on first use; dateutil < 2.9 loads no submodule itself

    days = {
        "mo": rr.MO,
        "tu": rr.TU,
        "we": rr.WE,
        "th": rr.TH,
        "fr": rr.FR,
        "sa": rr.SA,
        "su": rr.SU,
    }
    return days[key[-2:]](int(key[:-2] or 1))


def parse_time(text: str) -> time:
    """A local meeting time from ``HH:MM`` (00:00–23:59).

    >>> parse_time("18:30")
    datetime.time(18, 30)
    """
    try:
        if len(text) == 5 and text[2] == ":":
            return time.fromisoformat(text)
    except ValueError:
        pass
    raise MeetingError(Text("expected a time as HH:MM (00:00-23:59), got {text!r}", text=text))


def meeting_dates(
    policy: MeetingPolicy,
    year: int,
    *,
    count: int | None = None,
    weekday: weekday | None = None,
    at: time | None = None,
    skip_months: Sequence[int] = (7,),
    holidays_country: str = "FI",
) -> tuple[datetime, ...]:
    """Evenly spread meeting times of ``year`` (naive local times), one per chosen month.

    ``count`` defaults to the upper end of ``policy.per_year`` (`FC-11`/`OF-6`: 4–6
    gives 6; `KU-9` monthly meetings, 10–12, give 11 because July is skipped), capped
    at the months available. An explicit ``count`` outside the range raises
    :class:`MeetingError`, and so does a policy that states no ``per_year`` when no
    ``count`` is given (nothing is read into silence), and a ``year`` outside
    1900–2200 (:data:`~jarjestoyhteistyo.calc.terms.FIRST_YEAR` –
    :data:`~jarjestoyhteistyo.calc.terms.LAST_YEAR`).

    Months: the months not in ``skip_months`` are split into ``count`` equal spans
    and the middle month of each span is taken. Day: the first ``weekday`` of the
    month (``weekday=TU(+2)`` asks for the second Tuesday; left out, the policy's
    ``weekday``, else Tuesday) at ``at`` (left out, the policy's ``time``, else 17:00),
    found with
    :func:`dateutil.rrule.rrule` from a fixed ``dtstart`` on 1 January. A meeting that
    falls on a public holiday of ``holidays_country`` (the maintained ``holidays``
    library) moves to the next same weekday of the same month that is not a holiday
    (an ``rruleset`` with the holidays as ``exdate``). The result is deterministic.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy
    >>> policy = MeetingPolicy(per_year=IntRange(min=10, max=12))
    >>> days = meeting_dates(policy, 2026)
    >>> len(days), days[0].isoformat()
    (11, '2026-01-13T17:00:00')
    """
    import holidays  # imported here: keeps ``import jarjestoyhteistyo`` light

    try:
        check_year(year)
    except TermError as exc:
        raise MeetingError(exc.text or str(exc)) from exc
    try:
        public = holidays.country_holidays(holidays_country, years=year)
    except NotImplementedError as exc:
        raise MeetingError(
            Text(
                "no public holidays are known for the country {country!r}; give a country"
                " code such as FI",
                country=holidays_country,
            )
        ) from exc
    skipped = frozenset(skip_months)
    months = tuple(m for m in range(1, 13) if m not in skipped)
    n = _meeting_count(policy, count, len(months))
    if n == 0:
        return ()
    chosen = tuple(months[((2 * i + 1) * len(months)) // (2 * n)] for i in range(n))
    import dateutil.rrule as rr  # on first use; dateutil < 2.9 loads no submodule itself

    if weekday is None:
        weekday = parse_weekday(policy.weekday) if policy.weekday else rr.TU
    if at is None:
        at = policy.time or time(17, 0)
    nth = weekday if weekday.n is not None else weekday(+1)
    plain = weekday.weekday
    dtstart = datetime.combine(date(year, 1, 1), at)
    firsts = rr.rrule(
        rr.MONTHLY,
        dtstart=dtstart,
        until=datetime.combine(date(year, 12, 31), at),
        bymonth=chosen,
        byweekday=nth,
    )
    out: list[datetime] = []
    for first in firsts:
        month_end = datetime.combine(first.date() + _relativedelta()(day=31), at)
        options = rr.rruleset()
        options.rrule(rr.rrule(rr.WEEKLY, dtstart=first, until=month_end, byweekday=plain))
        for day in public:
            options.exdate(datetime.combine(day, at))
        moved = options.after(first, inc=True)
        if moved is None:
            raise MeetingError(
                Text(
                    "no suitable day for a meeting is left in the month {month}",
                    month=first.strftime("%Y-%m"),
                )
            )
        out.append(moved)
    return tuple(out)


# --------------------------------------------------------------------------- ICS
#: The first year the Europe/Helsinki rules written in the ``VTIMEZONE`` hold
#: (summer time from the last Sunday of March to the last Sunday of October, the EU
#: rule Finland has followed since 1996).
ICS_FIRST_YEAR = 1996


def _helsinki() -> Any:
    """The Europe/Helsinki ``VTIMEZONE`` as two yearly rules (RFC 5545 3.6.5).

    Written by hand: icalendar's generated timezones list one-off transitions,
    which some clients keep only for the years listed.
    """
    import icalendar

    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/Helsinki")
    tz.add("x-lic-location", "Europe/Helsinki")
    for kind, name, start, before, after, month in (
        (icalendar.TimezoneDaylight, "EEST", datetime(1970, 3, 29, 3, 0), 2, 3, 3),
        (icalendar.TimezoneStandard, "EET", datetime(1970, 10, 25, 4, 0), 3, 2, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def to_ics(
    meetings: Iterable[datetime],
    *,
    name: str,
    duration_hours: float,
    tz: str = "Europe/Helsinki",
    location: str | None = None,
    description: str | None = None,
    sequence: int = 0,
) -> str:
    """The meetings as an iCalendar (RFC 5545) text that Outlook, Google and Apple import.

    Naive times are local times in ``tz``, which must be ``Europe/Helsinki`` (the
    one zone this library's bodies meet in); aware times are converted to it. The
    file carries the zone as a ``VTIMEZONE`` with two yearly ``RRULE`` s (summer time
    from the last Sunday of March to the last Sunday of October), so a client needs
    no timezone database and every year is covered; meetings before
    :data:`ICS_FIRST_YEAR` (1996), when Finland's rules differed, raise
    :class:`MeetingError`.

    Re-importing updates rather than duplicates:

    * ``UID`` is a hash of ``name``, the meeting's year and its ordinal in that year
      (1st, 2nd, …, in time order), *not* of its date: a meeting moved to another
      day keeps its UID. A calendar of a different number of meetings renumbers
      the meetings after the change.
    * ``SEQUENCE`` is the ``sequence`` argument (default 0): the revision number.
      It is not computed, since the library cannot know what was published
      before; raise it by one each time a changed calendar is published again, so
      that clients take the new times.
    * ``DTSTAMP`` is 1 January 00:00 UTC of the earliest meeting's year, never
      "now": the same meetings give the same text.

    ``location`` and ``description`` go into every event when given. The end
    time is ``start + relativedelta(minutes=round(duration_hours * 60))``. A meeting
    after :data:`~jarjestoyhteistyo.model.bounds.LAST_YEAR` or a duration outside
    0–24 hours (:mod:`~jarjestoyhteistyo.model.bounds`) is a :class:`MeetingError`.

    >>> text = to_ics([datetime(2026, 2, 3, 17, 0)], name="NGO council", duration_hours=2)
    >>> "DTSTART;TZID=Europe/Helsinki:20260203T170000" in text
    True
    >>> "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    True
    >>> text == to_ics([datetime(2026, 2, 3, 17, 0)], name="NGO council", duration_hours=2)
    True
    """
    from hashlib import sha256  # the events' ids: imported here, as icalendar

    import icalendar  # imported here: keeps ``import jarjestoyhteistyo`` light

    if tz != "Europe/Helsinki":
        raise MeetingError(
            Text("the iCalendar export knows the rules of Europe/Helsinki only, not {tz}", tz=tz)
        )
    if sequence < 0:
        raise MeetingError(
            Text("the sequence number must be zero or more, not {sequence}", sequence=sequence)
        )
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    starts = sorted(
        m.replace(tzinfo=zone) if m.tzinfo is None else m.astimezone(zone) for m in meetings
    )
    if starts and starts[0].year < ICS_FIRST_YEAR:
        raise MeetingError(
            Text(
                "the iCalendar export writes the Europe/Helsinki rules in force since {first};"
                " a meeting in {year} is earlier",
                first=ICS_FIRST_YEAR,
                year=starts[0].year,
            )
        )
    if starts and starts[-1].year > LAST_YEAR:
        raise MeetingError(
            Text(
                "a meeting in {year} is after {last}, the last year the library handles",
                year=starts[-1].year,
                last=LAST_YEAR,
            )
        )
    if not 0 <= duration_hours <= MAX_HOURS_PER_MEETING:  # NaN fails too
        raise MeetingError(
            Text(
                "a meeting lasts 0–{most} hours (duration_hours), not {hours}",
                most=format(MAX_HOURS_PER_MEETING, "g"),
                hours=repr(duration_hours),
            )
        )
    minutes = round(duration_hours * 60)
    name = _ics_text(name)
    location = None if location is None else _ics_text(location)
    description = None if description is None else _ics_text(description)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//jarjestoyhteistyo//meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", icalendar.vText(name))  # escaped like every text value
    cal.add("x-wr-timezone", tz)
    if starts:
        cal.add_component(_helsinki())
        stamp = datetime(starts[0].year, 1, 1, tzinfo=UTC)
        ordinal: dict[int, int] = {}
        for start in starts:
            ordinal[start.year] = ordinal.get(start.year, 0) + 1
            key = f"{name}\n{start.year}\n{ordinal[start.year]}"
            digest = sha256(key.encode()).hexdigest()
            event = icalendar.Event()
            event.add("uid", f"{digest[:32]}@jarjestoyhteistyo")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + _relativedelta()(minutes=minutes))
            event.add("summary", name)
            if location:
                event.add("location", location)
            if description:
                event.add("description", description)
            event.add("sequence", sequence)
            cal.add_component(event)
    return bytes(cal.to_ical()).decode("utf-8")


def _ics_text(value: str) -> str:
    """A text value for the calendar file: line breaks as ``\\n`` (escaped by
    icalendar), the other characters of :data:`jarjestoyhteistyo.text.UNSAFE` dropped
    (controls, bidirectional overrides), so no value can start a content line of its
    own (a rule set's name with a carriage return injected one) or reorder a title.

    >>> _ics_text("Council\\r\\nX-INJECTED: 1\\x1b[31m\\u202e")
    'Council\\nX-INJECTED: 1[31m'
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    for brk in ("\x85", "\u2028", "\u2029"):
        text = text.replace(brk, "\n")
    return drop_unsafe(text)


# ---------------------------------------------------------------------- workload
@attrs.frozen(kw_only=True)
class Workload:
    """Hours a member spends a year, by kind, and the time budget if one is set.

    >>> Workload(meetings=12.0, preparation=6.0, network_meetings=0.0, budget=15.0).over_budget
    True
    """

    meetings: float
    preparation: float
    network_meetings: float
    budget: float | None = None

    @property
    def total(self) -> float:
        """All hours together.

        >>> Workload(meetings=12.0, preparation=6.0, network_meetings=2.0).total
        20.0
        """
        return self.meetings + self.preparation + self.network_meetings

    @property
    def remaining(self) -> float | None:
        """Budget left (negative when over), or ``None`` without a budget.

        >>> Workload(meetings=12.0, preparation=6.0, network_meetings=0.0, budget=20).remaining
        2.0
        """
        return None if self.budget is None else self.budget - self.total

    @property
    def over_budget(self) -> bool:
        """True when a budget is set and the total exceeds it.

        >>> Workload(meetings=1.0, preparation=0.0, network_meetings=0.0).over_budget
        False
        """
        return self.budget is not None and self.total > self.budget


def workload(
    policy: MeetingPolicy, *, count: int | None = None, budget: float | None = None
) -> Workload:
    """A member's hours a year under ``policy`` (`KU-9`, `WS-9`).

    ``count`` meetings a year defaults to the upper end of ``per_year`` (the worst
    case; this is the one definition of workload that :func:`~jarjestoyhteistyo.check` uses);
    each takes ``hours`` plus ``preparation_hours``; theme-network meetings add
    ``network_meetings_per_year * network_meeting_hours``. A policy that states no
    ``per_year`` has no workload without ``count`` (:class:`MeetingError`).

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy
    >>> w = workload(MeetingPolicy(per_year=IntRange(min=4, max=6)), budget=24)
    >>> w.meetings, w.preparation, w.total, w.over_budget
    (12.0, 6.0, 18.0, False)
    """
    if count is None:
        if policy.per_year is None:
            raise MeetingError(_NOT_STATED)
        count = policy.per_year.upper
    if count < 0:
        raise MeetingError(
            Text("the number of meetings must be zero or more, not {count}", count=count)
        )
    return Workload(
        meetings=count * float(policy.hours),
        preparation=count * float(policy.preparation_hours),
        network_meetings=policy.network_meetings_per_year * float(policy.network_meeting_hours),
        budget=budget,
    )


def hours_per_member(policy: MeetingPolicy, *, count: int | None = None) -> float:
    """Total hours a member gives a year (:func:`workload`'s ``total``).

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy
    >>> hours_per_member(MeetingPolicy(per_year=IntRange(min=10, max=12),
    ...                                network_meetings_per_year=6, network_meeting_hours=2))
    48.0
    """
    return workload(policy, count=count).total


def check_workload(
    policy: MeetingPolicy,
    budget_hours: float,
    *,
    count: int | None = None,
    path: str = "meetings",
) -> Report:
    """A ``JY109`` warning (`WS-1`: realistic expectations) when a member's hours a year
    exceed ``budget_hours``; an empty report otherwise.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy
    >>> check_workload(MeetingPolicy(per_year=IntRange(min=10, max=12)), 20).codes
    frozenset({'JY109'})
    """
    w = workload(policy, count=count, budget=budget_hours)
    if not w.over_budget:
        return Report(subject=Text("workload"))
    f = finding(JY109, path, hours=round(w.total, 1), budget=budget_hours)
    return Report(subject=Text("workload"), findings=(f,))


# ------------------------------------------------------------------ annual clock
def occurs_in(activity: AnnualActivity, year: int) -> date | None:
    """The date of ``activity`` in ``year``, or ``None`` when it does not occur
    (the rules are on :class:`~jarjestoyhteistyo.model.cooperation.AnnualActivity`).

    >>> from jarjestoyhteistyo.model.cooperation import AnnualActivity
    >>> from jarjestoyhteistyo.model.rulesets import Council
    >>> a = AnnualActivity(id="p", label="principles", month=9,
    ...                    per_council_term=Council.REGIONAL, rule="KU-2")
    >>> occurs_in(a, 2025), occurs_in(a, 2026)
    (datetime.date(2025, 9, 1), None)
    >>> occurs_in(AnnualActivity(id="hyte", label="HYTE negotiation", month=10), 2026)
    datetime.date(2026, 10, 1)
    """
    delta = _relativedelta()
    when = date(year, activity.month, 1) + delta(day=activity.day or 1)
    if activity.per_council_term is not None:
        try:
            term = council_term_on(when, activity.per_council_term)
        except TermError:
            return None
        return when if when - delta(years=1) < term.start else None
    if activity.every_years > 1 and activity.anchor_year is None:
        raise MeetingError(
            Text(
                "the annual activity {id} repeats every {years} years (every_years) and needs"
                " the year to count from (anchor_year)",
                id=activity.id,
                years=activity.every_years,
            )
        )
    anchor = activity.anchor_year
    if anchor is not None and (year < anchor or (year - anchor) % activity.every_years):
        return None
    return when


def annual_clock(
    activities: Iterable[AnnualActivity], year: int
) -> tuple[tuple[date, AnnualActivity], ...]:
    """The activities occurring in ``year`` with their dates, sorted by date and id
    (`JP-5`: keep an annual clock; `KU-2`: yearly and per-council-term negotiations).

    >>> from jarjestoyhteistyo.model.cooperation import AnnualActivity
    >>> from jarjestoyhteistyo.model.rulesets import Council
    >>> acts = (
    ...     AnnualActivity(id="hyte-goals", label="wellbeing-promotion negotiation",
    ...                    month=10, rule="KU-2"),
    ...     AnnualActivity(id="support-principles", label="NGO support principles",
    ...                    month=9, per_council_term=Council.REGIONAL, rule="KU-2"),
    ... )
    >>> [(d.isoformat(), a.id) for d, a in annual_clock(acts, 2025)]
    [('2025-09-01', 'support-principles'), ('2025-10-01', 'hyte-goals')]
    >>> [a.id for _, a in annual_clock(acts, 2026)]
    ['hyte-goals']
    """
    found: list[tuple[date, AnnualActivity]] = []
    for a in activities:
        when = occurs_in(a, year)
        if when is not None:
            found.append((when, a))
    return tuple(sorted(found, key=lambda pair: (pair[0], pair[1].id)))


def __getattr__(name: str) -> Any:
    """``AnnualActivity``, offered here too, is imported on first use (PEP 562): a
    check of a rule set's meetings loads no cooperation model."""
    if name == "AnnualActivity":
        from jarjestoyhteistyo.model.cooperation import AnnualActivity

        return AnnualActivity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
