"""Deputies (`FC-8`, `FC-9`, `FC-10`; the work pairs of `KU-7`).

* ``JY111`` — a rule set whose deputies are not personal, of the member's category and
  from another organisation (`FC-8`, `FC-10`, `FC-9`), or pair deputies without a
  pair policy (`KU-7`);
* ``JY204`` — a deputy of another category (or theme network) than its member (`FC-10`);
* ``JY205`` — a deputy from an organisation that holds a member seat (`FC-9`);
* ``JY207`` — a deputy not tied to exactly one member, or a broken substitution order (`FC-8`);
* ``JY208`` — a member without a personal deputy (`FC-8`);
* ``JY220`` — a deputy seat where the rule set has none, or the pair substitutes (`KU-7`);
* ``JY233`` — a group with ordered deputies whose members have none at all (`GEN-4`).

Each seat group has a deputy mode: its own ``deputies``, else the body's for an NGO
group, else none (:func:`group_mode`). So a sector, official or expert seat may have a
personal deputy where the rule set says so. ``JY204`` and ``JY205`` are checked only
where the rule set states ``same_category`` and ``different_organisation`` (a formal
committee always does, `FC-9`, `FC-10`); their severity follows it (``required`` →
error, ``wanted`` → warning). A vacant deputy seat marked ``pending`` counts as
present (``JY230``, info). In a general rule set these rules cite `GEN-4`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, SHORTFALL, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    FormalCommittee,
    GeneralRuleSet,
    Need,
    RuleSet,
    SeatGroup,
    SeatSource,
)
from jarjestoyhteistyo.model.seats import NOT_MEMBER_KINDS, deputy_mode_of
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.rules.base import FC, GEN, KU, SEVERITY, Context, E, W
from jarjestoyhteistyo.rules.values import did_you_mean, did_you_mean_text

__all__ = ["check_deputies", "group_mode", "validate_deputies"]

JY111 = Code(
    code="JY111",
    rule="FC-8",
    severity=W,
    title="Deputies not personal",
    en="{detail}",
    fix="Formal bodies have personal deputies of the same category from another organisation.",
    kinds=frozenset({FC, GEN}),
)

JY204 = Code(
    code="JY204",
    rule="FC-10",
    severity=E,
    title="Deputy of another category or network",
    en="deputy {seat} does not represent the category or network of member {member}",
    fix="Choose a deputy from an organisation of the member's category.",
    other_rules=((GEN, "GEN-4"), (KU, "GEN-4")),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY205 = Code(
    code="JY205",
    rule="FC-9",
    severity=E,
    title="Deputy from a member's organisation",
    en="deputy {seat} comes from organisation {organisation}, which holds member seat {member}",
    fix="Members and deputies come from different organisations.",
    other_rules=((GEN, "GEN-4"), (KU, "GEN-4")),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY207 = Code(
    code="JY207",
    rule="FC-8",
    severity=E,
    title="Deputy not tied to one member",
    en="deputy {seat}: {detail}",
    fix="Tie each personal deputy to exactly one member seat.",
    other_rules=((GEN, "GEN-4"), (KU, "GEN-4")),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY208 = Code(
    code="JY208",
    rule="FC-8",
    severity=E,
    title="Member without a deputy",
    en="member {seat} has no personal deputy",
    fix="Name a personal deputy for every member.",
    other_rules=((GEN, "GEN-4"), (KU, "GEN-4")),
    tags=frozenset({BREAKABLE, SELECTION, SHORTFALL}),
)

JY220 = Code(
    code="JY220",
    rule="KU-7",
    severity=E,
    title="Deputies where there are none",
    en="seat {seat} is a deputy, but deputies here are {mode}",
    fix="The work pair substitute for each other (KU-7).",
    tags=frozenset({SELECTION}),
)

JY233 = Code(
    code="JY233",
    rule="GEN-4",
    severity=W,
    title="No deputy in order",
    en="group {group}: {members} member seat(s) held, but no deputy in the substitution order",
    fix="Name the group's deputies with their order (1, 2, ...), or mark them pending.",
    tags=frozenset({SHORTFALL}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY111, JY204, JY205, JY207, JY208, JY220, JY233)


def check_deputies(rules: RuleSet) -> Iterator[Finding]:
    """`FC-8`–`FC-10` for a formal committee; a pair policy for pair deputies (`KU-7`)."""
    if isinstance(rules, FormalCommittee):
        d = rules.deputies
        if d.mode is not DeputyMode.PERSONAL:
            yield finding(
                JY111,
                "deputies.mode",
                detail=Text("deputy mode is {mode}", mode=term(d.mode)),
            )
        # unstated (None) is the formal body's own rule, REQUIRED (FormalCommittee.as_general)
        if d.same_category not in (None, Need.REQUIRED):
            yield finding(
                JY111,
                "deputies.same_category",
                rule="FC-10",
                detail=Text("a deputy need not be of the member's category"),
            )
        if d.different_organisation not in (None, Need.REQUIRED):
            yield finding(
                JY111,
                "deputies.different_organisation",
                rule="FC-9",
                detail=Text("a deputy may come from a member's organisation"),
            )
    elif (
        isinstance(rules, GeneralRuleSet)
        and rules.deputies.mode is DeputyMode.PAIR
        and rules.pairs is None
    ):
        yield finding(
            JY111,
            "pairs",
            rule="KU-7",
            detail=Text("pair deputies but no pair policy"),
        )


def group_mode(ctx: Context, group: SeatGroup | None) -> DeputyMode:
    """The deputy mode of a seat group (:func:`~jarjestoyhteistyo.model.seats.deputy_mode_of`)."""
    return deputy_mode_of(ctx.rules, group)


def _no_deputies_rule(ctx: Context, mode: DeputyMode) -> str:
    if mode is DeputyMode.PAIR:
        return "KU-7"
    return "FC-8" if ctx.kind == FC else "GEN-4"


def validate_deputies(ctx: Context) -> Iterator[Finding]:
    """Deputy seats against the deputy mode of their member's group: tied, eligible, present.

    Any seat may have deputies when its group's mode says so (a sector, official or
    expert seat with a personal deputy); a deputy ``pending`` counts as present.
    """
    comp = ctx.comp
    member_orgs = {
        s.organisation: s.id
        for s in comp.seats
        if s.kind is SeatKind.MEMBER and s.organisation is not None
    }
    tied: dict[str, list[Seat]] = defaultdict(list)
    ordered: list[Seat] = []
    for d in comp.seats_of(SeatKind.DEPUTY):
        member = comp.find_seat(d.deputy_of)
        group = ctx.group_of(d) if member is not None else ctx.groups.get(d.group or "")
        mode = group_mode(ctx, group)
        if mode in (DeputyMode.NONE, DeputyMode.PAIR):
            yield finding(
                JY220, ctx.path(d), rule=_no_deputies_rule(ctx, mode), seat=d.id, mode=term(mode)
            )
            continue
        if mode is DeputyMode.AGREED:
            continue
        if mode is DeputyMode.ORDERED and d.deputy_of is None:
            ordered.append(d)
            continue
        if member is None or member.kind in NOT_MEMBER_KINDS:
            near = did_you_mean(
                d.deputy_of or "", (m.id for m in comp.seats if m.kind not in NOT_MEMBER_KINDS)
            )
            yield finding(
                JY207,
                ctx.path(d, "deputy_of"),
                seat=d.id,
                detail=Text(
                    "{member!r} is not a member seat{hint}",
                    member=d.deputy_of,
                    hint=did_you_mean_text(near),
                ),
                suggestions=near,
            )
            continue
        tied[member.id].append(d)
        yield from _deputy_holder(ctx, d, group, member.id, member_orgs)
    yield from _ordered_deputies(ctx, tuple(ordered), member_orgs)
    yield from _personal_deputies(ctx, tied)


def _personal_deputies(ctx: Context, tied: dict[str, list[Seat]]) -> Iterator[Finding]:
    """`FC-8`: one personal deputy for each member of a group with personal deputies; at
    most one where they are optional (a member may have none, never two)."""
    for s in ctx.comp.seats:
        if s.kind in NOT_MEMBER_KINDS:
            continue
        mode = group_mode(ctx, ctx.groups.get(s.group or ""))
        ds = tied.get(s.id, [])
        if mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL) and len(ds) > 1:
            yield finding(
                JY207,
                ctx.path(ds[1], "deputy_of"),
                seat=ds[1].id,
                detail=Text(
                    "member {member} already has deputy {deputy}", member=s.id, deputy=ds[0].id
                ),
            )
        wants = mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL) and not s.vacant
        if wants and not any(ctx.counts(d) for d in ds):
            severity = E if mode is DeputyMode.PERSONAL else W
            yield finding(JY208, ctx.path(s), severity=severity, seat=s.id)


def _deputy_holder(
    ctx: Context, d: Seat, group: SeatGroup | None, member: str, member_orgs: dict[str, str]
) -> Iterator[Finding]:
    """`FC-10`: a deputy of the member's category (or network); `FC-9`: not from a
    member's organisation. Each only where the rule set states it."""
    if d.vacant:
        return
    policy = ctx.rules.deputies
    org = ctx.comp.find_organisation(d.organisation)
    if org is not None and group is not None and policy.same_category is not None:
        outside = (
            group.source is SeatSource.CATEGORY and not (org.categories & group.eligible_categories)
        ) or (group.source is SeatSource.NETWORK and group.network not in org.networks)
        if outside:
            yield finding(
                JY204,
                ctx.path(d, "organisation"),
                severity=SEVERITY[policy.same_category],
                seat=d.id,
                member=member,
            )
    if (
        policy.different_organisation is not None
        and d.organisation is not None
        and d.organisation in member_orgs
    ):
        yield finding(
            JY205,
            ctx.path(d, "organisation"),
            severity=SEVERITY[policy.different_organisation],
            seat=d.id,
            organisation=d.organisation,
            member=member_orgs[d.organisation],
        )


def _ordered_deputies(
    ctx: Context, deputies: tuple[Seat, ...], member_orgs: dict[str, str]
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
                detail=Text("an ordered deputy needs a known group and an order number from 1"),
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
                detail=Text(
                    "group {group}: substitution order {orders} is not 1, 2, ...",
                    group=group_id,
                    orders=str(orders),
                ),
            )
    # "varajäsenet sijaantulojärjestyksessä": a group with ordered deputies has some. How
    # many is not stated anywhere, so only an empty order is reported (a warning).
    for group in ctx.rules.seat_groups:
        if group_mode(ctx, group) is not DeputyMode.ORDERED:
            continue
        held = [s for s in ctx.comp.seats if s.group == group.id and s.kind not in NOT_MEMBER_KINDS]
        held = [s for s in held if not s.vacant]
        if held and not any(ctx.counts(d) for d in by_group.get(group.id, ())):
            yield finding(JY233, "seats", group=group.id, members=len(held))
