"""Validation of a composition against a rule set: :func:`validate` returns a :class:`Report`.

Validation runs on the rule set's general form (:meth:`as_general`), so the three
seed kinds and any general rule set are validated by the same code. How the rules
are read:

* a **multi-sector organisation** (`WS-7`) may sit in a group of any of its
  categories, but it counts once: it holds at most one member seat and at most one
  deputy seat in the whole body (unless the rule set allows more);
* a **vacant** seat (nobody came forward) is a warning, not an error; a seat group
  with *too many* holders is an error;
* a deputy must be of a category eligible for its member's group (`FC-10`) and come
  from an organisation that holds no member seat (`FC-9`); each severity follows the
  rule set (``required`` → error, ``wanted`` → warning).

>>> from jarjestoyhteistyo.model.rulesets import OpenForum
>>> from jarjestoyhteistyo.model.composition import Composition
>>> validate(OpenForum(name="Forum", area="Example area"), Composition()).codes
frozenset({'JY209'})
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, SHORTFALL, Code, finding
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.model.composition import Composition, Function, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    DeputyMode,
    GeneralRuleSet,
    Need,
    PartyTies,
    RuleSet,
    SeatGroup,
    SeatSource,
)
from jarjestoyhteistyo.rules.checks import FC, GEN, KU, OF, mentions_party_politics

__all__ = ["validate"]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

JY201 = Code(
    code="JY201",
    rule="FC-5",
    severity=W,
    title="Vacant seats",
    en="group {group}: {filled} of {wanted} seats filled",
    fi="ryhmä {group}: {filled}/{wanted} paikkaa täytetty",
    fix="Open another call for registrations for this group.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION, SHORTFALL}),
)

JY202 = Code(
    code="JY202",
    rule="FC-5",
    severity=E,
    title="Too many seats",
    en="group {group}: {filled} seats filled, at most {max} allowed",
    fi="ryhmä {group}: {filled} paikkaa täytetty, enintään {max} sallittu",
    fix="Remove seats so the group keeps its quota.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY203 = Code(
    code="JY203",
    rule="FC-4",
    severity=E,
    title="Organisation outside the seat's category",
    en="seat {seat}: organisation {organisation} is not in category {group!r}",
    fi="paikka {seat}: järjestö {organisation} ei kuulu järjestötyyppiin {group!r}",
    fix="Seat an organisation of the category, or add the category to it if it belongs.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY204 = Code(
    code="JY204",
    rule="FC-10",
    severity=E,
    title="Deputy of another category",
    en="deputy {seat} does not represent the category of member {member}",
    fi="varajäsen {seat} ei edusta jäsenen {member} järjestötyyppiä",
    fix="Choose a deputy from an organisation of the member's category.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY205 = Code(
    code="JY205",
    rule="FC-9",
    severity=E,
    title="Deputy from a member's organisation",
    en="deputy {seat} comes from organisation {organisation}, which holds member seat {member}",
    fi="varajäsen {seat} on järjestöstä {organisation}, jolla on jäsenpaikka {member}",
    fix="Members and deputies come from different organisations.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY206 = Code(
    code="JY206",
    rule="FC-9",
    severity=E,
    title="Organisation in several seats",
    en="organisation {organisation} holds {count} {kind} seats: {seats}",
    fi="järjestöllä {organisation} on {count} paikkaa ({kind}): {seats}",
    fix="Each organisation takes one seat; a multi-sector one counts once (WS-7).",
    tags=frozenset({SELECTION}),
)

JY207 = Code(
    code="JY207",
    rule="FC-8",
    severity=E,
    title="Deputy not tied to one member",
    en="deputy {seat}: {detail}",
    fi="varajäsen {seat}: {detail_fi}",
    fix="Tie each personal deputy to exactly one member seat.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY208 = Code(
    code="JY208",
    rule="FC-8",
    severity=E,
    title="Member without a deputy",
    en="member {seat} has no personal deputy",
    fi="jäsenellä {seat} ei ole henkilökohtaista varajäsentä",
    fix="Name a personal deputy for every member.",
    kinds=frozenset({FC, GEN}),
    tags=frozenset({BREAKABLE, SELECTION, SHORTFALL}),
)

JY209 = Code(
    code="JY209",
    rule="FC-6",
    severity=E,
    title="Committee members out of bounds",
    en="{filled} committee members; the rule set requires {bounds}",
    fi="lautakunnan jäseniä {filled}; sääntö edellyttää {bounds}",
    fix="Seat the required number of committee members.",
    kinds=frozenset({FC, GEN}),
    other_rules=((OF, "OF-7"),),
    tags=frozenset({BREAKABLE, SHORTFALL}),
)

JY210 = Code(
    code="JY210",
    rule="FC-7",
    severity=E,
    title="Chair missing or doubled",
    en="{detail}",
    fi="{detail_fi}",
    fix="Name exactly one chair (and vice-chair where required).",
    kinds=frozenset({FC, KU, GEN}),
    tags=frozenset({BREAKABLE}),
)

JY211 = Code(
    code="JY211",
    rule="OF-5",
    severity=E,
    title="Chair where there is none",
    en="seat {seat} holds {function}, but this body has no chair",
    fi="paikalla {seat} on tehtävä {function}, mutta elimellä ei ole puheenjohtajaa",
    fix="Remove the chair; the coordinator compiles the agenda.",
    kinds=frozenset({OF, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY212 = Code(
    code="JY212",
    rule="OF-3",
    severity=E,
    title="Over the cap",
    en="{count} organisations; the cap is {cap}",
    fi="{count} järjestöä; enimmäismäärä on {cap}",
    fix="Apply the criteria for oversubscription (OF-3).",
    kinds=frozenset({OF, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY213 = Code(
    code="JY213",
    rule="KU-7",
    severity=E,
    title="Work pair incomplete",
    en="network {group}: {filled} of 2 pair members",
    fi="verkosto {group}: {filled}/2 työparista",
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
    fi="paikkaa {group} ei ole täytetty",
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
    fi="{size} paikkaa täytetty; suositus {recommended}",
    fix="10–12 members is suitable (KU-12).",
    tags=frozenset({SELECTION}),
)

JY216 = Code(
    code="JY216",
    rule="WS-7",
    severity=W,
    title="No volunteer-run organisation",
    en="no volunteer-run organisation takes part",
    fi="mukana ei ole vapaaehtoisvoimin toimivaa yhdistystä",
    fix="Volunteer-run associations must be able to take part (WS-7).",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY217 = Code(
    code="JY217",
    rule="WS-7",
    severity=W,
    title="Language missing",
    en="no organisation works in {language}",
    fi="mikään järjestö ei toimi kielellä {language}",
    fix="Reach organisations working in this language.",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY218 = Code(
    code="JY218",
    rule="WS-4",
    severity=W,
    title="Few organisation sizes",
    en="organisations of only {count} size class(es); wanted {wanted}",
    fi="järjestöjä vain {count} kokoluokasta; toivottu {wanted}",
    fix="Seat organisations of different sizes (WS-4).",
    tags=frozenset({SELECTION}),
)

JY219 = Code(
    code="JY219",
    rule="FC-4",
    severity=E,
    title="Broken reference",
    en="{detail}",
    fi="{detail_fi}",
    fix="Refer only to defined seats, groups and organisations.",
    tags=frozenset({SELECTION}),
)

JY220 = Code(
    code="JY220",
    rule="KU-7",
    severity=E,
    title="Deputies where there are none",
    en="seat {seat} is a deputy, but deputies here are {mode}",
    fi="paikka {seat} on varajäsen, mutta varajäsenet ovat tässä: {mode}",
    fix="The work pair substitute for each other (KU-7).",
    tags=frozenset({SELECTION}),
)

JY221 = Code(
    code="JY221",
    rule="WS-1",
    severity=E,
    title="Party-political nomination",
    en="seat {seat} was named by {nominated_by!r}; party-political ties are forbidden",
    fi="paikan {seat} nimesi {nominated_by!r}; puoluepoliittiset kytkökset on kielletty",
    fix="Select members without regard to party politics (WS-1).",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY222 = Code(
    code="JY222",
    rule="GEN-1",
    severity=E,
    title="Municipality not represented",
    en="no seat from municipality {municipality}",
    fi="kunnasta {municipality} ei ole paikkaa",
    fix="Seat at least one member from each required municipality.",
    tags=frozenset({SELECTION}),
)

JY223 = Code(
    code="JY223",
    rule="KU-10",
    severity=E,
    title="Organisation outside the network",
    en="seat {seat}: organisation {organisation} is not in network {group!r}",
    fi="paikka {seat}: järjestö {organisation} ei kuulu verkostoon {group!r}",
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
    fi="paikalla {seat} on {role}; ryhmä {group} edellyttää: {needed}",
    fix="Seat a person of the required role.",
    tags=frozenset({SELECTION}),
)

JY225 = Code(
    code="JY225",
    rule="KU-7",
    severity=W,
    title="Work pair not mixed",
    en="network {group}: pair of {roles} is not one of the wanted mixes",
    fi="verkosto {group}: työpari {roles} ei ole toivottu yhdistelmä",
    fix="Pair e.g. an NGO employee with an experience expert (KU-7).",
    kinds=frozenset({KU, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY226 = Code(
    code="JY226",
    rule="WS-8",
    severity=W,
    title="No one prepares the meetings",
    en="no seat holds the {function} function",
    fi="millään paikalla ei ole tehtävää {function}",
    fix="Name a secretary (WS-8), or the coordinator of an open forum (OF-5).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY201,
    JY202,
    JY203,
    JY204,
    JY205,
    JY206,
    JY207,
    JY208,
    JY209,
    JY210,
    JY211,
    JY212,
    JY213,
    JY214,
    JY215,
    JY216,
    JY217,
    JY218,
    JY219,
    JY220,
    JY221,
    JY222,
    JY223,
    JY224,
    JY225,
    JY226,
)


_SEVERITY = {Need.REQUIRED: E, Need.WANTED: W}

#: The seat kind that holds the seats of each source.
_KIND_OF_SOURCE = {
    SeatSource.CATEGORY: SeatKind.MEMBER,
    SeatSource.NETWORK: SeatKind.MEMBER,
    SeatSource.OPEN: SeatKind.MEMBER,
    SeatSource.SECTOR: SeatKind.MEMBER,
    SeatSource.COMMITTEE: SeatKind.COMMITTEE,
    SeatSource.OFFICIAL: SeatKind.OFFICIAL,
    SeatSource.EXPERT: SeatKind.EXPERT,
}
_NGO_SOURCES = frozenset({SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN})


class _Ctx:
    """What the checks share: the general rules, the composition and indexes."""

    def __init__(self, rules: GeneralRuleSet, comp: Composition) -> None:
        self.rules = rules
        self.comp = comp
        self.groups = {g.id: g for g in rules.seat_groups}
        self.index = {s.id: i for i, s in enumerate(comp.seats)}
        self.members_by_group: dict[str, list[Seat]] = defaultdict(list)
        for s in comp.seats:
            if s.kind is not SeatKind.DEPUTY and s.group is not None:
                self.members_by_group[s.group].append(s)

    def path(self, seat: Seat, field: str = "") -> str:
        base = f"seats[{self.index[seat.id]}]"
        return f"{base}.{field}" if field else base


def _references(ctx: _Ctx) -> Iterator[Finding]:
    comp = ctx.comp
    for what, ids, path in (
        ("seat", [s.id for s in comp.seats], "seats"),
        ("organisation", [o.id for o in comp.organisations], "organisations"),
    ):
        for value, n in sorted(Counter(ids).items()):
            if n > 1:
                yield finding(
                    JY219,
                    path,
                    detail=f"{what} id {value!r} used {n} times",
                    detail_fi=f"tunnus {value!r} käytössä {n} kertaa",
                )
    for s in comp.seats:
        if s.organisation is not None and comp.find_organisation(s.organisation) is None:
            yield finding(
                JY219,
                ctx.path(s, "organisation"),
                detail=f"seat {s.id}: unknown organisation {s.organisation!r}",
                detail_fi=f"paikka {s.id}: tuntematon järjestö {s.organisation!r}",
            )
        if s.kind is not SeatKind.DEPUTY and s.kind is not SeatKind.STAFF:
            if s.group not in ctx.groups:
                yield finding(
                    JY219,
                    ctx.path(s, "group"),
                    detail=f"seat {s.id}: unknown seat group {s.group!r}",
                    detail_fi=f"paikka {s.id}: tuntematon paikkaryhmä {s.group!r}",
                )
            elif _KIND_OF_SOURCE[ctx.groups[s.group].source] is not s.kind:
                yield finding(
                    JY219,
                    ctx.path(s, "kind"),
                    detail=f"seat {s.id} is a {s.kind.value} seat in group {s.group}",
                    detail_fi=f"paikka {s.id} on tyyppiä {s.kind.value} ryhmässä {s.group}",
                )


def _group_seats(ctx: _Ctx, g: SeatGroup) -> list[Seat]:
    kind = _KIND_OF_SOURCE[g.source]
    return [s for s in ctx.members_by_group.get(g.id, []) if s.kind is kind]


def _quotas(ctx: _Ctx) -> Iterator[Finding]:
    rules = ctx.rules
    for g in rules.seat_groups:
        seats = _group_seats(ctx, g)
        filled = [s for s in seats if not s.vacant]
        n = len(filled)
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
                yield finding(JY214, "seats", severity=_SEVERITY[g.need], group=g.id)
            elif g.source is SeatSource.NETWORK and rules.pairs is not None:
                yield finding(JY213, "seats", severity=_SEVERITY[g.need], group=g.id, filled=n)
            else:
                yield finding(
                    JY201, "seats", rule=g.rule or None, group=g.id, filled=n, wanted=g.seats.min
                )
        for s in filled:
            yield from _holder(ctx, g, s)
        if g.source is SeatSource.NETWORK and rules.pairs is not None and len(filled) == 2:
            yield from _pair_mix(ctx, g, filled)


def _cap(ctx: _Ctx) -> Iterator[Finding]:
    """`OF-3`: the cap counts the organisations of *all* open groups together."""
    cap = ctx.rules.cap
    if cap is None:
        return
    open_ids = {g.id for g in ctx.rules.seat_groups if g.source is SeatSource.OPEN}
    n = sum(
        1
        for s in ctx.comp.seats
        if s.kind is SeatKind.MEMBER and s.group in open_ids and not s.vacant
    )
    if n > cap:
        yield finding(JY212, "seats", count=n, cap=cap)


def _holder(ctx: _Ctx, g: SeatGroup, s: Seat) -> Iterator[Finding]:
    org = ctx.comp.find_organisation(s.organisation)
    if g.role is not None and s.person is not None and s.person.role is not g.role:
        yield finding(
            JY224,
            ctx.path(s, "person.role"),
            rule=g.rule or None,
            seat=s.id,
            role=s.person.role.value,
            group=g.id,
            needed=g.role.value,
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


def _pair_mix(ctx: _Ctx, g: SeatGroup, pair: list[Seat]) -> Iterator[Finding]:
    policy = ctx.rules.pairs
    if policy is None or not policy.mixes or any(s.person is None for s in pair):
        return
    roles = Counter(s.person.role for s in pair if s.person is not None)
    if not any(Counter(mix) == roles for mix in policy.mixes):
        names = " + ".join(sorted(r.value for r in roles.elements()))
        yield finding(JY225, "seats", severity=_SEVERITY[policy.need], group=g.id, roles=names)


def _deputies(ctx: _Ctx) -> Iterator[Finding]:
    rules, comp = ctx.rules, ctx.comp
    policy = rules.deputies
    deputies = comp.seats_of(SeatKind.DEPUTY)
    if policy.mode in (DeputyMode.NONE, DeputyMode.PAIR):
        for d in deputies:
            yield finding(
                JY220,
                ctx.path(d),
                rule="KU-7" if policy.mode is DeputyMode.PAIR else "FC-8",
                seat=d.id,
                mode=policy.mode.value,
            )
        return
    if policy.mode is DeputyMode.AGREED:
        return
    member_orgs = {
        s.organisation: s.id
        for s in comp.seats
        if s.kind is SeatKind.MEMBER and s.organisation is not None
    }
    tied: dict[str, list[Seat]] = defaultdict(list)
    if policy.mode is DeputyMode.ORDERED:
        yield from _ordered_deputies(ctx, deputies, member_orgs)
        return
    for d in deputies:
        member = comp.find_seat(d.deputy_of)
        if member is None or member.kind is not SeatKind.MEMBER:
            yield finding(
                JY207,
                ctx.path(d, "deputy_of"),
                seat=d.id,
                detail=f"{d.deputy_of!r} is not a member seat",
                detail_fi=f"{d.deputy_of!r} ei ole jäsenpaikka",
            )
            continue
        tied[member.id].append(d)
        yield from _deputy_holder(
            ctx, d, ctx.groups.get(member.group or ""), member.id, member_orgs
        )
    if policy.mode is DeputyMode.PERSONAL:
        for member_id, ds in sorted(tied.items()):
            if len(ds) > 1:
                yield finding(
                    JY207,
                    ctx.path(ds[1], "deputy_of"),
                    seat=ds[1].id,
                    detail=f"member {member_id} already has deputy {ds[0].id}",
                    detail_fi=f"jäsenellä {member_id} on jo varajäsen {ds[0].id}",
                )
    if policy.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):
        severity = E if policy.mode is DeputyMode.PERSONAL else W
        for s in comp.seats_of(SeatKind.MEMBER):
            group = ctx.groups.get(s.group or "")
            if s.vacant or group is None or group.source not in _NGO_SOURCES:
                continue
            if not any(not d.vacant for d in tied.get(s.id, [])):
                yield finding(JY208, ctx.path(s), severity=severity, seat=s.id)


def _deputy_holder(
    ctx: _Ctx, d: Seat, group: SeatGroup | None, member: str, member_orgs: dict[str, str]
) -> Iterator[Finding]:
    """`FC-10`: a deputy of the member's category; `FC-9`: not from a member's organisation."""
    if d.vacant:
        return
    policy = ctx.rules.deputies
    org = ctx.comp.find_organisation(d.organisation)
    if (
        org is not None
        and group is not None
        and group.source is SeatSource.CATEGORY
        and not (org.categories & group.eligible_categories)
    ):
        yield finding(
            JY204,
            ctx.path(d, "organisation"),
            severity=_SEVERITY[policy.same_category],
            seat=d.id,
            member=member,
        )
    if d.organisation is not None and d.organisation in member_orgs:
        yield finding(
            JY205,
            ctx.path(d, "organisation"),
            severity=_SEVERITY[policy.different_organisation],
            seat=d.id,
            organisation=d.organisation,
            member=member_orgs[d.organisation],
        )


def _ordered_deputies(
    ctx: _Ctx, deputies: tuple[Seat, ...], member_orgs: dict[str, str]
) -> Iterator[Finding]:
    """Deputies in a numbered substitution order per group (e.g. per municipality)."""
    by_group: dict[str, list[Seat]] = defaultdict(list)
    for d in deputies:
        group = ctx.groups.get(d.group or "")
        if group is None or d.order is None or d.order < 1:
            yield finding(
                JY207,
                ctx.path(d),
                seat=d.id,
                detail="an ordered deputy needs a known group and an order number from 1",
                detail_fi="järjestyksessä olevalla varajäsenellä on oltava ryhmä ja numero 1:stä",
            )
            continue
        by_group[group.id].append(d)
        yield from _deputy_holder(ctx, d, group, group.id, member_orgs)
    for group_id, seats in sorted(by_group.items()):
        orders = sorted(d.order or 0 for d in seats)
        if orders != list(range(1, len(orders) + 1)):
            yield finding(
                JY207,
                "seats",
                seat=", ".join(d.id for d in seats),
                detail=f"group {group_id}: substitution order {orders} is not 1, 2, ...",
                detail_fi=f"ryhmä {group_id}: varajärjestys {orders} ei ole 1, 2, ...",
            )


def _one_seat(ctx: _Ctx) -> Iterator[Finding]:
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
                    kind=kind.value,
                    seats=", ".join(seats),
                )


def _preparer(ctx: _Ctx) -> Iterator[Finding]:
    """`WS-8`: someone prepares the meetings: a secretary, or a forum's coordinator (`OF-5`)."""
    forum = ctx.rules.chair.mode is ChairMode.NONE
    wanted = Function.COORDINATOR if forum else Function.SECRETARY
    if ctx.comp.seats and not any(wanted in s.functions for s in ctx.comp.seats):
        yield finding(JY226, "seats", rule="OF-5" if forum else None, function=wanted.value)


def _chair(ctx: _Ctx) -> Iterator[Finding]:
    chair = ctx.rules.chair
    holders = {
        f: [s for s in ctx.comp.seats if f in s.functions]
        for f in (Function.CHAIR, Function.VICE_CHAIR)
    }
    if chair.mode is ChairMode.NONE:
        for f, seats in holders.items():
            for s in seats:
                yield finding(JY211, ctx.path(s, "functions"), seat=s.id, function=f.value)
        return
    wanted = [Function.CHAIR] + ([Function.VICE_CHAIR] if chair.vice_chair else [])
    for f in wanted:
        n = len(holders[f])
        if n != 1:
            name = f.value.replace("_", "-")
            yield finding(
                JY210,
                "seats",
                detail=f"{n} seats hold the {name} function",
                detail_fi=f"{n} paikalla on tehtävä {name}",
            )
    both = set(holders[Function.CHAIR]) & set(holders[Function.VICE_CHAIR])
    for s in sorted(both, key=lambda s: s.id):
        yield finding(
            JY210,
            ctx.path(s, "functions"),
            detail=f"seat {s.id} is both chair and vice-chair",
            detail_fi=f"paikka {s.id} on sekä puheenjohtaja että varapuheenjohtaja",
        )


def _size_and_diversity(ctx: _Ctx) -> Iterator[Finding]:
    rules, comp = ctx.rules, ctx.comp
    filled = [
        s
        for s in comp.seats
        if s.kind is not SeatKind.DEPUTY and s.kind is not SeatKind.STAFF and not s.vacant
    ]
    rec = rules.recommended_size
    if rec is not None and not rec.contains(len(filled)):
        yield finding(JY215, "seats", size=len(filled), recommended=str(rec))
    ngo_ids = {
        s.organisation
        for s in comp.seats
        if s.organisation is not None and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    }
    orgs = [o for o in comp.organisations if o.id in ngo_ids]
    div = rules.diversity
    if not orgs:
        return
    severity = _SEVERITY[div.need]
    if div.volunteer_run and not any(o.volunteer_run for o in orgs):
        yield finding(JY216, "organisations", severity=severity)
    present = frozenset().union(*(o.languages for o in orgs))
    for lang in sorted(div.languages - present):
        yield finding(JY217, "organisations", severity=severity, language=lang)
    sizes = {o.size for o in orgs}
    if len(sizes) < div.min_size_classes:
        yield finding(
            JY218,
            "organisations",
            severity=severity,
            count=len(sizes),
            wanted=div.min_size_classes,
        )


def _politics_and_places(ctx: _Ctx) -> Iterator[Finding]:
    rules, comp = ctx.rules, ctx.comp
    if rules.selection.party_political_ties is PartyTies.FORBIDDEN:
        for s in comp.seats:
            if s.nominated_by and mentions_party_politics(s.nominated_by):
                yield finding(
                    JY221, ctx.path(s, "nominated_by"), seat=s.id, nominated_by=s.nominated_by
                )
    if rules.required_municipalities:
        orgs = {o.id: o for o in comp.organisations}
        seen: set[str] = set()
        for s in comp.seats:
            if s.vacant or s.kind is SeatKind.DEPUTY:
                continue
            if s.municipality:
                seen.add(s.municipality)
            elif s.organisation in orgs:
                seen |= orgs[s.organisation].municipalities
        for m in sorted(rules.required_municipalities - seen):
            yield finding(JY222, "seats", municipality=m)


def validate(rules: RuleSet, composition: Composition) -> Report:
    """Validate ``composition`` against ``rules`` and report every problem (`JY2xx`).

    Neither argument is changed. See the module docstring for how multi-sector
    organisations, vacancies and deputies are read.

    >>> from jarjestoyhteistyo import load_preset
    >>> from jarjestoyhteistyo.model.composition import Composition
    >>> report = validate(load_preset("keski-uusimaa"), Composition())
    >>> "JY213" in report.codes  # no work pairs yet (KU-7)
    True
    """
    general = rules.as_general()
    ctx = _Ctx(general, composition)
    found: list[Finding] = []
    for part in (
        _references,
        _quotas,
        _cap,
        _deputies,
        _one_seat,
        _chair,
        _preparer,
        _size_and_diversity,
        _politics_and_places,
    ):
        found.extend(part(ctx))
    return Report(subject=composition.name or rules.name, findings=tuple(found))
