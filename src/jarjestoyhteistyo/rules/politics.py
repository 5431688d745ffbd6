"""Party politics stays out of member selection (`WS-1`).

Where the rule set forbids party-political ties (``selection.party_political_ties:
forbidden``; the bodies of seed 001 do unless they say otherwise): a general rule
set or a theme-network council that says nothing has no such rule.

* ``JY108`` — a selection criterion that uses party-political affiliation;
* ``JY120`` — a rule set that allows seats tied to party politics;
* ``JY131`` — a seat group named by a party-political body where ties are forbidden;
* ``JY221`` — a seat of a composition named by a party-political body.

>>> mentions_party_politics("council group", "size")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.model.rulesets import FormalCommittee, OpenForum, PartyTies, RuleSet
from jarjestoyhteistyo.rules.base import FC, OF, Context, E, W

__all__ = ["check_criteria", "mentions_party_politics", "validate_nominations"]

JY108 = Code(
    code="JY108",
    rule="WS-1",
    severity=E,
    title="Party-political criterion",
    en="criterion {criterion!r} uses party-political affiliation",
    fix="Remove it: party-political positions must not affect member selection.",
)

JY120 = Code(
    code="JY120",
    rule="WS-1",
    severity=W,
    title="Party-political ties allowed",
    en="seats may be tied to party politics",
    fix="Forbid party-political ties unless the body is meant to have them.",
    kinds=frozenset({FC, OF}),
)

JY221 = Code(
    code="JY221",
    rule="WS-1",
    severity=E,
    title="Party-political nomination",
    en="seat {seat} was named by {nominated_by!r}; party-political ties are forbidden",
    fix="Select members without regard to party politics (WS-1).",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY131 = Code(
    code="JY131",
    rule="WS-1",
    severity=E,
    title="Seat group named by a party-political body",
    en="seat group {group} is named by {nominated_by!r}; party-political ties are forbidden",
    fix="Let someone else name the group, or allow party-political ties if the body is "
    "meant to have them.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY108, JY120, JY221, JY131)


# Words that reveal a party-political criterion (Finnish, Swedish, English).
_PARTY = re.compile(
    r"puolue|valtuustoryhm|vaalitulos|poliittinen|\bparti|fullmäktigegrupp|valresultat"
    r"|\bparty\b|\bparties\b|party[-_ ]?political|council[-_ ]group|election result|politic",
    re.IGNORECASE,
)


def mentions_party_politics(*texts: str) -> bool:
    """True when any text refers to party politics (`WS-1`).

    >>> mentions_party_politics("council group", "size")
    True
    >>> mentions_party_politics("volunteer_run")
    False
    """
    return any(_PARTY.search(t) for t in texts)


def check_criteria(rules: RuleSet) -> Iterator[Finding]:
    """No party-political criterion (``JY108``) and no seats tied to parties (``JY120``)."""
    sel = rules.selection
    general = rules.as_general()
    forbidden = general.selection.party_political_ties is PartyTies.FORBIDDEN
    for i, c in enumerate(sel.criteria):
        if forbidden and mentions_party_politics(c.id, c.text, *c.uses):
            yield finding(JY108, f"selection.criteria[{i}]", criterion=c.id)
    seed_001 = isinstance(rules, FormalCommittee | OpenForum)
    if sel.party_political_ties is PartyTies.ALLOWED and seed_001:
        yield finding(JY120, "selection.party_political_ties")
    if forbidden:
        for i, g in enumerate(general.seat_groups):
            if g.nominated_by and mentions_party_politics(g.nominated_by):
                yield finding(
                    JY131, f"seat_groups[{i}].nominated_by", group=g.id, nominated_by=g.nominated_by
                )


def validate_nominations(ctx: Context) -> Iterator[Finding]:
    """``JY221``: no seat named by a party-political body where ties are forbidden (the
    seat's ``nominated_by``, or its group's)."""
    if ctx.rules.selection.party_political_ties is PartyTies.FORBIDDEN:
        for s in ctx.comp.seats:
            by = ctx.nominator_of(s)
            if by and mentions_party_politics(by):
                yield finding(JY221, ctx.path(s, "nominated_by"), seat=s.id, nominated_by=by)
