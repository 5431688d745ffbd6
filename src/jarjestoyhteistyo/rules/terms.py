"""The term policy of a rule set (`FC-12`, `FC-13`, `KU-5`).

* ``JY102`` — a rotation share outside 1/100,000 … 1 (`FC-13`);
* ``JY103`` — an impossible term: no length, longer than the council term allows,
  dates out of order, a consecutive-term limit below 1 (`FC-12`);
* ``JY118`` — a council's first term not staggered within the work pairs (`KU-5`);
* ``JY139`` (info) — a share of the seats changes, but the rule set does not say how
  (`FC-13`: "the body agrees the practice"); plans stagger the terms;
* rotating duties (`GEN-3`, the functions the rule set states): ``JY132`` a turn
  ending before it starts, ``JY133`` turns that overlap, ``JY134`` a gap between
  turns (no one is named for it), ``JY135`` a duty whose turns cannot be read (a
  period below one month, a period form without start or holders, no turns, both
  forms at once, or a date outside 1900–2200).

The council calendar itself lives in :mod:`jarjestoyhteistyo.calc.terms`; this module
only checks the policy against it.

>>> from jarjestoyhteistyo.model.rulesets import ThemeNetworkCouncil
>>> [f.code for f in check_term(ThemeNetworkCouncil(name="x", area="y"))]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jarjestoyhteistyo.calc.terms import (
    FIRST_YEAR,
    LAST_YEAR,
    _delta,  # dateutil's, imported on first use
    longest_term_months,
    practice,
)
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.bounds import MAX_COUNT
from jarjestoyhteistyo.model.rulesets import (
    RotatingDuty,
    RuleSet,
    TermMode,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.rules.base import KU, E, I, W

__all__ = ["check_duties", "check_staggered", "check_term"]

JY102 = Code(
    code="JY102",
    rule="FC-13",
    severity=E,
    title="Rotation share outside 1/100,000 … 1",
    en="rotation share {value} is outside 1/100,000 … 1",
    fix="Give the share of members that changes at each changeover, e.g. 0.5 (a share "
    "below 1/100,000 would make more cohorts than any body has seats).",
)

JY103 = Code(
    code="JY103",
    rule="FC-12",
    severity=E,
    title="Impossible term",
    en="term: {detail}",
    fix="Fix the term policy: a positive length no longer than max_months.",
)

JY118 = Code(
    code="JY118",
    rule="KU-5",
    severity=W,
    title="First term not staggered",
    en="the first term is not staggered within the pairs",
    fix="Give first_term_months, e.g. [12, 24].",
    kinds=frozenset({KU}),
)

JY132 = Code(
    code="JY132",
    rule="GEN-3",
    severity=E,
    title="Duty turn ends before it starts",
    en="duty {duty}: the turn of {holder} ends on {end}, before it starts on {start}",
    fix="Give the turn an end on or after its start.",
)

JY133 = Code(
    code="JY133",
    rule="GEN-3",
    severity=E,
    title="Duty turns overlap",
    en="duty {duty}: the turn of {holder} starts on {start}, before the previous turn"
    " ends on {previous_end}",
    fix="List the turns in order, each starting the day after the previous one ends.",
)

JY134 = Code(
    code="JY134",
    rule="GEN-3",
    severity=W,
    title="Gap between duty turns",
    en="duty {duty}: no one holds it from {gap_start} to {gap_end}, between two listed turns",
    fix="Let the next turn start the day after the previous one ends, or list a turn for the gap.",
)

JY135 = Code(
    code="JY135",
    rule="GEN-3",
    severity=E,
    title="Duty turns cannot be read",
    en="duty {duty}: {detail}",
    fix="List turns (holder, start, end), or give start, period_months >= 1 and holders.",
)

JY139 = Code(
    code="JY139",
    rule="FC-13",
    severity=I,
    title="Rotation practice not stated",
    en="{share:g} of the seats change, but term.rotation_practice does not say how; "
    "plans read it as {practice}",
    fix="State rotation_practice: each_term (the share changes once a term) or "
    "staggered_terms (one term each, staggered first terms).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY102, JY103, JY118, JY132, JY133, JY134, JY135, JY139)


def check_term(rules: RuleSet) -> Iterator[Finding]:
    """`FC-12`, `FC-13`: a term policy that the council calendar can hold."""
    t = rules.term
    if t is None:  # not stated: nothing to check
        return
    longest = longest_term_months(t)
    if not 0 < t.rotation <= 1 or t.rotation * MAX_COUNT < 1:
        yield finding(JY102, "term.rotation", value=t.rotation)
    if t.mode is TermMode.FIXED:
        if t.months is None or t.months <= 0:
            yield finding(
                JY103,
                "term.months",
                detail=Text("a fixed term needs months > 0"),
            )
        elif t.months > longest:
            yield finding(
                JY103,
                "term.months",
                detail=Text(
                    "{months} months is longer than {longest}", months=t.months, longest=longest
                ),
            )
    if t.mode is TermMode.COUNCIL_FRACTION and not (t.fraction and 0 < t.fraction <= 1):
        yield finding(
            JY103,
            "term.fraction",
            detail=Text("the fraction must be in (0, 1]"),
        )
    if t.mode is TermMode.FIXED_DATES and (t.start is None or t.end is None or t.end <= t.start):
        yield finding(
            JY103,
            "term",
            detail=Text("fixed dates need a start before the end"),
        )
    for i, months in enumerate(t.first_term_months):
        if months <= 0 or months > longest:
            yield finding(
                JY103,
                f"term.first_term_months[{i}]",
                detail=Text("first term of {months} months", months=months),
            )
    if (
        0 < t.rotation < 1
        and t.rotation_practice is None
        and not t.first_term_months
        and t.mode not in (TermMode.FIXED_DATES, TermMode.AGREED)
    ):
        yield finding(JY139, "term.rotation_practice", share=t.rotation, practice=practice(t).value)
    for name in ("max_consecutive_person", "max_consecutive_organisation"):
        value = getattr(t, name)
        if value is not None and value < 1:
            yield finding(
                JY103,
                f"term.{name}",
                detail=Text("{name} is {value}", name=name, value=value),
            )


def check_staggered(rules: RuleSet) -> Iterator[Finding]:
    """`KU-5`: a council staggers the first term within each work pair."""
    if isinstance(rules, ThemeNetworkCouncil) and (
        rules.term is None or len(set(rules.term.first_term_months)) < 2
    ):
        yield finding(JY118, "term.first_term_months")


def check_duties(rules: RuleSet) -> Iterator[Finding]:
    """`GEN-3`: each rotating duty's turns can be read and follow one another.

    >>> from datetime import date
    >>> from jarjestoyhteistyo.model.rulesets import GeneralRuleSet
    >>> bad = RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=0,
    ...                    holders=("org-a",))
    >>> [f.code for f in check_duties(GeneralRuleSet(name="x", area="y", duties=(bad,)))]
    ['JY135']
    """
    for i, duty in enumerate(rules.duties):
        yield from _check_duty(duty, f"duties[{i}]")


#: The years a duty's dates may fall in: those the command line accepts too.
def _check_duty(duty: RotatingDuty, path: str) -> Iterator[Finding]:
    dates = [(f"{path}.start", duty.start)] + [
        (f"{path}.turns[{j}].{end}", getattr(t, end))
        for j, t in enumerate(duty.turns)
        for end in ("start", "end")
    ]
    outside = [
        (where, day) for where, day in dates if day and not FIRST_YEAR <= day.year <= LAST_YEAR
    ]
    for where, day in outside:
        yield finding(
            JY135,
            where,
            duty=duty.duty,
            detail=Text(
                "{day} is outside the years {first}–{last}",
                day=day.isoformat(),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            ),
        )
    if outside:
        return
    if duty.by_period:
        yield from _check_period_form(duty, path)
        return
    if not duty.turns:
        yield finding(
            JY135,
            f"{path}.turns",
            duty=duty.duty,
            detail=Text("no turns are listed"),
        )
    previous = None
    for j, turn in enumerate(duty.turns):
        where = f"{path}.turns[{j}]"
        params: dict[str, Any] = {
            "duty": duty.duty,
            "holder": turn.holder,
            "start": turn.start.isoformat(),
        }
        if turn.end < turn.start:
            yield finding(JY132, where, end=turn.end.isoformat(), **params)
            continue
        if previous is not None:
            day_after = previous.end + _delta(days=1)
            if turn.start < day_after:
                yield finding(JY133, where, previous_end=previous.end.isoformat(), **params)
            elif turn.start > day_after:
                yield finding(
                    JY134,
                    where,
                    duty=duty.duty,
                    gap_start=day_after.isoformat(),
                    gap_end=(turn.start - _delta(days=1)).isoformat(),
                )
        previous = turn


def _check_period_form(duty: RotatingDuty, path: str) -> Iterator[Finding]:
    if duty.turns:
        yield finding(
            JY135,
            path,
            duty=duty.duty,
            detail=Text("both turns and a period (start, period_months, holders) are given"),
        )
    if duty.period_months is None or duty.period_months < 1:
        yield finding(
            JY135,
            f"{path}.period_months",
            duty=duty.duty,
            detail=Text(
                "period_months must be at least 1, got {months}", months=duty.period_months
            ),
        )
    for name, missing in (("start", duty.start is None), ("holders", not duty.holders)):
        if missing:
            yield finding(
                JY135,
                f"{path}.{name}",
                duty=duty.duty,
                detail=Text("a duty by period needs {name}", name=name),
            )
