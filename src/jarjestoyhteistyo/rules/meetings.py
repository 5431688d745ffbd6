"""Meetings and time demands (`FC-11`, `OF-6`, `WS-9`; the workload of `WS-1`, `KU-9`).

* ``JY104`` — negative meeting hours or time budget (`FC-11`);
* ``JY121`` — meetings a year outside the suggested 4–6 (`FC-11`; `OF-6` in a forum);
* ``JY130`` — no time budget, so applicants cannot see what membership demands (`WS-9`,
  a wish of the Vantaa–Kerava workshops: formal committees and open forums only).

The meeting load against the time budget is ``JY109``, declared and computed with
the meeting calendar in :func:`jarjestoyhteistyo.calc.meetings.check_workload`; an
inconsistent range of meetings is ``JY101`` (:mod:`~jarjestoyhteistyo.rules.consistency`).

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> [f.code for f in check_meetings(FormalCommittee(name="x", area="y"))]  # no time budget
['JY130']
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.calc.meetings import check_workload
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.model.rulesets import FormalCommittee, OpenForum, RuleSet
from jarjestoyhteistyo.rules.base import FC, OF, E, I
from jarjestoyhteistyo.rules.consistency import inconsistent_range

__all__ = ["check_meetings", "check_rhythm"]

JY104 = Code(
    code="JY104",
    rule="FC-11",
    severity=E,
    title="Negative hours",
    en="{what} is negative ({value})",
    fix="Hours and budgets are zero or more.",
)

JY121 = Code(
    code="JY121",
    rule="FC-11",
    severity=I,
    title="Meetings outside the usual range",
    en="{value} meetings a year; the source suggests {usual}",
    fix="Consider the suggested rhythm; more meetings at the start (WS-4).",
    kinds=frozenset({FC}),
    other_rules=((OF, "OF-6"),),
)

JY130 = Code(
    code="JY130",
    rule="WS-9",
    severity=I,
    title="Time demands not stated",
    en="no time budget: applicants cannot see what membership demands",
    fix="State time_budget_hours_per_year so the demands are clear when applying.",
    kinds=frozenset({FC, OF}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY104, JY121, JY130)


def check_meetings(rules: RuleSet) -> Iterator[Finding]:
    """The meeting range and hours, the time budget and the workload it allows."""
    m = rules.meetings
    if m.per_year is not None:
        yield from inconsistent_range(m.per_year, "meetings.per_year", "FC-11")
    for name in ("hours", "preparation_hours", "network_meeting_hours"):
        value = getattr(m, name)
        if value < 0:
            yield finding(JY104, f"meetings.{name}", what=f"meetings.{name}", value=value)
    if rules.time_budget_hours_per_year is None:
        if isinstance(rules, FormalCommittee | OpenForum):  # WS-9: the seed-001 workshops
            yield finding(JY130, "time_budget_hours_per_year")
    else:
        budget = rules.time_budget_hours_per_year
        if budget < 0:
            yield finding(JY104, "time_budget_hours_per_year", what="time budget", value=budget)
        elif (
            m.per_year is not None
            and m.per_year.min >= 0
            and (m.per_year.max is None or m.per_year.max >= m.per_year.min)
        ):
            # an inconsistent range is already JY101, and a rhythm not stated has no
            # workload to compute
            yield from check_workload(m, budget, path="time_budget_hours_per_year")


def check_rhythm(rules: RuleSet) -> Iterator[Finding]:
    """`FC-11`, `OF-6`: a formal committee or forum meets about 4–6 times a year."""
    if isinstance(rules, FormalCommittee | OpenForum):
        rule = "FC-11" if isinstance(rules, FormalCommittee) else "OF-6"
        rng = rules.meetings.per_year
        if rng is not None and (rng.min < 4 or (rng.max is not None and rng.max > 6)):
            yield finding(JY121, "meetings.per_year", rule=rule, value=str(rng), usual="4–6")
