"""Seat groups and who fills them (`FC-4`, `FC-5`, `FC-6`, `KU-4`, `KU-7`, `KU-10`, `KU-12`).

Rule sets:

* ``JY105`` — members per category not 1 or 2 (`FC-5`);
* ``JY106`` — more seats than the recommended size (`KU-12`);
* ``JY110`` — committee members not 1–2 (`FC-6`; `OF-7` in a forum);
* ``JY126`` — no categories, networks or seat groups (`FC-4`; `KU-4` in a council).

Compositions, read on the general form of the rule set (every seat group by its source):

* ``JY201`` / ``JY202`` — a group under or over its quota (`FC-5`);
* ``JY203`` — an organisation outside the seat's category (`FC-4`);
* ``JY206`` — an organisation in several seats; a multi-sector one counts once (`FC-9`, `WS-7`);
* ``JY209`` — committee members out of bounds (`FC-6`; `OF-7`);
* ``JY213`` / ``JY225`` — a work pair incomplete, or not of a wanted mix of roles (`KU-7`);
* ``JY214`` — an official seat left empty (`KU-4`);
* ``JY215`` — filled seats outside the recommended size (`KU-12`);
* ``JY223`` — a network seat held by an organisation outside the network (`KU-10`);
* ``JY224`` — a seat held by a person of the wrong role (`KU-4`);
* ``JY230`` (info) — a vacant seat whose new holder has been asked for (``pending``).

A seat group's ``need`` sets the severity of its vacancies: ``wanted`` (the default)
warns, ``required`` errs. A vacant seat marked ``pending`` counts as filled for the
quota and is reported once as ``JY230``. Where a seed rule does not apply (a general
rule set), the seat rules cite `GEN-5`, the project's id for "seats as the rule set
states them".

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> body_size(FormalCommittee(name="x", area="y"))  # 8 × 2 + 2 committee members
18
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, SHORTFALL, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import (
    FormalCommittee,
    GeneralRuleSet,
    OpenForum,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.rules.base import (
    FC,
    GEN,
    KIND_OF_SOURCE,
    KU,
    OF,
    SEVERITY,
    Context,
    E,
    I,
    W,
)
from jarjestoyhteistyo.rules.consistency import inconsistent_range

__all__ = [
    "body_size",
    "check_seats",
    "check_size",
    "counted_size",
    "validate_one_seat",
    "validate_pending",
    "validate_quotas",
    "validate_size",
]

JY105 = Code(
    code="JY105",
    rule="FC-5",
    severity=W,
    title="Members per category not 1 or 2",
    en="{value} members per category; the model has 1 or 2",
    fix="Use 1 (8 members) or 2 (16 members), or write a general rule set.",
    kinds=frozenset({FC}),
)

JY106 = Code(
    code="JY106",
    rule="KU-12",
    severity=W,
    title="Larger than the recommended size",
    en="the body has up to {size} seats; recommended {recommended}",
    fix="Reduce seats or state why a larger body is needed.",
)

JY110 = Code(
    code="JY110",
    rule="FC-6",
    severity=W,
    title="Committee members not 1–2",
    en="committee members {value}; the model has 1–2",
    fix="Seat 1–2 committee members.",
    kinds=frozenset({FC}),
    other_rules=((OF, "OF-7"),),
)

JY126 = Code(
    code="JY126",
    rule="FC-4",
    severity=E,
    title="No seats",
    en="{detail}",
    fix="Define the categories, networks or seat groups.",
    kinds=frozenset({FC, GEN}),
    other_rules=((KU, "KU-4"),),
)

JY201 = Code(
    code="JY201",
    rule="FC-5",
    severity=W,
    title="Vacant seats",
    en="group {group}: {filled} of {wanted} seats filled",
    fix="Open another call for registrations for this group.",
    kinds=frozenset({FC, GEN}),
    other_rules=((GEN, "GEN-5"),),
    tags=frozenset({BREAKABLE, SELECTION, SHORTFALL}),
)

JY202 = Code(
    code="JY202",
    rule="FC-5",
    severity=E,
    title="Too many seats",
    en="group {group}: {filled} seats filled, at most {max} allowed",
    fix="Remove seats so the group keeps its quota.",
    other_rules=((GEN, "GEN-5"), (KU, "KU-4")),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY203 = Code(
    code="JY203",
    rule="FC-4",
    severity=E,
    title="Organisation outside the seat's category",
    en="seat {seat}: organisation {organisation} is not in category {group!r}",
    fix="Seat an organisation of the category, or add the category to it if it belongs.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY206 = Code(
    code="JY206",
    rule="FC-9",
    severity=E,
    title="Organisation in several seats",
    en="organisation {organisation} holds {count} {kind} seats: {seats}",
    fix="Each organisation takes one seat; a multi-sector one counts once (WS-7).",
    other_rules=((OF, "OF-3"), (KU, "GEN-5"), (GEN, "GEN-5")),
    tags=frozenset({SELECTION}),
)

JY209 = Code(
    code="JY209",
    rule="FC-6",
    severity=E,
    title="Committee members out of bounds",
    en="{filled} committee members; the rule set requires {bounds}",
    fix="Seat the required number of committee members.",
    kinds=frozenset({FC, GEN}),
    other_rules=((OF, "OF-7"),),
    tags=frozenset({BREAKABLE, SHORTFALL}),
)

JY213 = Code(
    code="JY213",
    rule="KU-7",
    severity=E,
    title="Work pair incomplete",
    en="network {group}: {filled} of 2 pair members",
    fix="Each theme network names a work pair.",
    kinds=frozenset({KU, GEN}),
    tags=frozenset({BREAKABLE, SELECTION, SHORTFALL}),
)

JY214 = Code(
    code="JY214",
    rule="KU-4",
    severity=E,
    title="Official seat missing",
    en="no {group} seat is filled",
    fix="Seat the official contact persons of KU-4.",
    kinds=frozenset({KU, GEN}),
    tags=frozenset({BREAKABLE, SHORTFALL}),
)

JY215 = Code(
    code="JY215",
    rule="KU-12",
    severity=W,
    title="Size outside the recommendation",
    en="{size} seats filled; recommended {recommended}",
    fix="10–12 members is suitable (KU-12).",
    other_rules=((GEN, "GEN-5"),),
    tags=frozenset({SELECTION}),
)

JY223 = Code(
    code="JY223",
    rule="KU-10",
    severity=E,
    title="Organisation outside the network",
    en="seat {seat}: organisation {organisation} is not in network {group!r}",
    fix="Seat a member of the theme network.",
    kinds=frozenset({KU, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY224 = Code(
    code="JY224",
    rule="KU-4",
    severity=E,
    title="Wrong role for the seat",
    en="seat {seat} is held by a {role}; group {group} needs a {needed}",
    fix="Seat a person of the required role.",
    tags=frozenset({SELECTION}),
)

JY225 = Code(
    code="JY225",
    rule="KU-7",
    severity=W,
    title="Work pair not mixed",
    en="network {group}: pair of {roles} is not one of the wanted mixes",
    fix="Pair e.g. an NGO employee with an experience expert (KU-7).",
    kinds=frozenset({KU, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY230 = Code(
    code="JY230",
    rule="GEN-5",
    severity=I,
    title="Holder pending",
    en="seat {seat} is vacant; a new holder has been asked for",
    fix="Nothing to do until the new holder is named; then fill the seat.",
    other_rules=((FC, "FC-8"),),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY105,
    JY106,
    JY110,
    JY126,
    JY201,
    JY202,
    JY203,
    JY206,
    JY209,
    JY213,
    JY214,
    JY215,
    JY223,
    JY224,
    JY225,
    JY230,
)


def body_size(rules: RuleSet) -> int:
    """The most seats the body can have (deputies not counted; `KU-12`).

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> body_size(FormalCommittee(name="x", area="y"))  # 8 × 2 + 2 committee members
    18
    """
    return sum(g.seats.upper for g in rules.as_general().seat_groups)


def counted_size(rules: RuleSet) -> int:
    """The most seats the recommended size counts (``recommended_size_of``; `KU-12`).

    >>> from jarjestoyhteistyo.model.rulesets import ThemeNetworkCouncil
    >>> counted_size(ThemeNetworkCouncil(name="x", area="y"))  # 5 networks × 2
    10
    """
    of = rules.recommended_size_of
    return sum(g.seats.upper for g in rules.as_general().seat_groups if not of or g.source in of)


def check_size(rules: RuleSet) -> Iterator[Finding]:
    """`KU-12`: the body is no larger than its recommended size."""
    yield from inconsistent_range(rules.recommended_size, "recommended_size", "KU-12")
    if rules.recommended_size is not None and rules.recommended_size.max is not None:
        size = counted_size(rules)
        if size > rules.recommended_size.max:
            yield finding(
                JY106, "recommended_size", size=size, recommended=str(rules.recommended_size)
            )


def check_seats(rules: RuleSet) -> Iterator[Finding]:
    """The seats each kind of rule set defines: categories, committee, networks, groups."""
    if isinstance(rules, FormalCommittee):
        if not rules.categories:
            yield finding(
                JY126,
                "categories",
                detail=Text("no association categories"),
            )
        if rules.members_per_category < 1:
            yield finding(
                JY105, "members_per_category", severity=E, value=rules.members_per_category
            )
        elif rules.members_per_category > 2:
            yield finding(JY105, "members_per_category", value=rules.members_per_category)
        yield from inconsistent_range(rules.committee_members, "committee_members", "FC-6")
        cm = rules.committee_members
        if cm.min < 1 or cm.max is None or cm.max > 2:
            yield finding(JY110, "committee_members", value=str(cm))
    elif isinstance(rules, OpenForum):
        yield from inconsistent_range(rules.committee_members, "committee_members", "OF-7")
        if rules.committee_members.min < 1:
            yield finding(
                JY110,
                "committee_members",
                severity=W,
                rule="OF-7",
                value=str(rules.committee_members),
            )
    elif isinstance(rules, ThemeNetworkCouncil):
        if not rules.networks:
            yield finding(
                JY126,
                "networks",
                rule="KU-4",
                detail=Text("no theme networks"),
            )
        for i, o in enumerate(rules.official_seats):
            yield from inconsistent_range(o.seats, f"official_seats[{i}].seats", "KU-4")
    else:
        yield from _check_groups(rules)


def _check_groups(rules: GeneralRuleSet) -> Iterator[Finding]:
    if not rules.seat_groups:
        yield finding(
            JY126,
            "seat_groups",
            rule="FC-4",
            detail=Text("no seat groups"),
        )
    for i, g in enumerate(rules.seat_groups):
        yield from inconsistent_range(g.seats, f"seat_groups[{i}].seats", g.rule or "FC-5")


def _group_seats(ctx: Context, g: SeatGroup) -> list[Seat]:
    kind = KIND_OF_SOURCE[g.source]
    return [s for s in ctx.members_by_group.get(g.id, []) if s.kind is kind]


def validate_quotas(ctx: Context) -> Iterator[Finding]:
    """Each seat group filled within its quota, by holders that fit it."""
    rules = ctx.rules
    for g in rules.seat_groups:
        seats = _group_seats(ctx, g)
        filled = [s for s in seats if not s.vacant]
        n = sum(1 for s in seats if ctx.counts(s))
        if g.source is SeatSource.COMMITTEE:
            if not g.seats.contains(n):
                yield finding(JY209, "seats", rule=g.rule or None, filled=n, bounds=str(g.seats))
            for s in filled:
                yield from _holder(ctx, g, s)
            continue
        over_cap = g.source is SeatSource.OPEN and g.seats.max == rules.cap  # JY212 says it
        if g.seats.max is not None and n > g.seats.max and not over_cap:
            yield finding(
                JY202, "seats", rule=g.rule or None, group=g.id, filled=n, max=g.seats.max
            )
        if n < g.seats.min:
            if g.source is SeatSource.OFFICIAL:
                yield finding(JY214, "seats", severity=SEVERITY[g.need], group=g.id)
            elif g.source is SeatSource.NETWORK and rules.pairs is not None:
                yield finding(JY213, "seats", severity=SEVERITY[g.need], group=g.id, filled=n)
            else:
                yield finding(
                    JY201,
                    "seats",
                    severity=SEVERITY[g.need],
                    rule=g.rule or None,
                    group=g.id,
                    filled=n,
                    wanted=g.seats.min,
                )
        for s in filled:
            yield from _holder(ctx, g, s)
        if g.source is SeatSource.NETWORK and rules.pairs is not None and len(filled) == 2:
            yield from _pair_mix(ctx, g, filled)


def _holder(ctx: Context, g: SeatGroup, s: Seat) -> Iterator[Finding]:
    org = ctx.comp.find_organisation(s.organisation)
    if g.role is not None and s.person is not None and s.person.role is not g.role:
        yield finding(
            JY224,
            ctx.path(s, "person.role"),
            rule=g.rule or None,
            seat=s.id,
            role=term(s.person.role),
            group=g.id,
            needed=term(g.role),
        )
    if org is None:
        return
    if g.source is SeatSource.CATEGORY and not (org.categories & g.eligible_categories):
        yield finding(
            JY203, ctx.path(s, "organisation"), seat=s.id, organisation=org.id, group=g.id
        )
    if g.source is SeatSource.NETWORK and g.network not in org.networks:
        yield finding(
            JY223, ctx.path(s, "organisation"), seat=s.id, organisation=org.id, group=g.network
        )


def _pair_mix(ctx: Context, g: SeatGroup, pair: list[Seat]) -> Iterator[Finding]:
    policy = ctx.rules.pairs
    if policy is None or not policy.mixes or any(s.person is None for s in pair):
        return
    roles = Counter(s.person.role for s in pair if s.person is not None)
    if not any(Counter(mix) == roles for mix in policy.mixes):
        names = " + ".join(sorted(r.value for r in roles.elements()))
        yield finding(JY225, "seats", severity=SEVERITY[policy.need], group=g.id, roles=names)


def validate_one_seat(ctx: Context) -> Iterator[Finding]:
    """`FC-9`, `WS-7`: an organisation holds one member and one deputy seat at most."""
    if not ctx.rules.selection.one_seat_per_organisation:
        return
    for kind in (SeatKind.MEMBER, SeatKind.DEPUTY):
        by_org: dict[str, list[str]] = defaultdict(list)
        for s in ctx.comp.seats_of(kind):
            if s.organisation is not None:
                by_org[s.organisation].append(s.id)
        for org, seats in sorted(by_org.items()):
            if len(seats) > 1:
                yield finding(
                    JY206,
                    "seats",
                    organisation=org,
                    count=len(seats),
                    kind=term(kind),
                    seats=seats,
                )


def validate_size(ctx: Context) -> Iterator[Finding]:
    """`KU-12`: the filled seats (deputies and staff not counted) within the recommendation.

    With ``recommended_size_of``, only seats of groups of those sources count.
    """
    of = ctx.rules.recommended_size_of
    filled = [
        s
        for s in ctx.comp.seats
        if s.kind is not SeatKind.DEPUTY
        and s.kind is not SeatKind.STAFF
        and not s.vacant
        and (not of or (s.group in ctx.groups and ctx.groups[s.group].source in of))
    ]
    rec = ctx.rules.recommended_size
    if rec is not None and not rec.contains(len(filled)):
        yield finding(JY215, "seats", size=len(filled), recommended=str(rec))


def validate_pending(ctx: Context) -> Iterator[Finding]:
    """``JY230``: each vacant seat whose new holder has been asked for (info)."""
    for s in ctx.comp.seats:
        if s.vacant and s.pending:
            yield finding(JY230, ctx.path(s), seat=s.id)
