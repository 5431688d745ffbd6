"""Diversity of the seated organisations (`WS-4`, `WS-7`, `GEN-1`).

* ``JY216`` — no volunteer-run organisation takes part (`WS-7`);
* ``JY217`` — no organisation works in a wanted language (`WS-7`);
* ``JY218`` — organisations of too few size classes (`WS-4`);
* ``JY222`` — a required municipality has no seat (`GEN-1`);
* ``JY231`` — a required municipality's reserved seats are not filled yet (`GEN-1`).

The severity of ``JY216``–``JY218`` follows the rule set's ``diversity.need``. A rule
set that wants more size classes than exist is ``JY101``
(:mod:`~jarjestoyhteistyo.rules.consistency`).
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, SHORTFALL, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import SeatKind, SizeClass
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.rules.base import SEVERITY, Context, E, W
from jarjestoyhteistyo.rules.consistency import JY101

__all__ = ["check_size_classes", "validate_diversity", "validate_municipalities"]

JY216 = Code(
    code="JY216",
    rule="WS-7",
    severity=W,
    title="No volunteer-run organisation",
    en="no volunteer-run organisation takes part",
    fix="Volunteer-run associations must be able to take part (WS-7).",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY217 = Code(
    code="JY217",
    rule="WS-7",
    severity=W,
    title="Language missing",
    en="no organisation works in {language}",
    fix="Reach organisations working in this language.",
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY218 = Code(
    code="JY218",
    rule="WS-4",
    severity=W,
    title="Few organisation sizes",
    en="organisations of only {count} size class(es); wanted {wanted}",
    fix="Seat organisations of different sizes (WS-4).",
    tags=frozenset({SELECTION}),
)

JY222 = Code(
    code="JY222",
    rule="GEN-1",
    severity=E,
    title="Municipality not represented",
    en="no seat from municipality {municipality}",
    fix="Seat at least one member from each required municipality.",
    tags=frozenset({SELECTION}),
)

JY231 = Code(
    code="JY231",
    rule="GEN-1",
    severity=W,
    title="Municipality's seat not yet filled",
    en="municipality {municipality}: its seats {seats} are not filled yet; the composition "
    "is incomplete",
    fix="Ask the municipality to name its member; mark the seat pending once asked.",
    tags=frozenset({SHORTFALL}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY216, JY217, JY218, JY222, JY231)


def check_size_classes(rules: RuleSet) -> Iterator[Finding]:
    """`WS-4`: a rule set cannot want more size classes than there are."""
    sizes = len(SizeClass)
    if rules.diversity.size_classes > sizes:
        yield finding(
            JY101,
            "diversity.min_size_classes",
            rule="WS-4",
            what="diversity.min_size_classes",
            detail=Text(
                "{wanted} size classes wanted; there are {sizes}",
                wanted=rules.diversity.min_size_classes,
                sizes=sizes,
            ),
        )


def validate_diversity(ctx: Context) -> Iterator[Finding]:
    """`WS-7`, `WS-4`: volunteer-run organisations, languages and sizes among the NGOs."""
    rules, comp = ctx.rules, ctx.comp
    ngo_ids = {
        s.organisation
        for s in comp.seats
        if s.organisation is not None and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    }
    orgs = [o for o in comp.organisations if o.id in ngo_ids]
    div = rules.diversity
    if not orgs:
        return
    severity = SEVERITY[div.need]
    if div.wants_volunteer_run and not any(o.volunteer_run for o in orgs):
        yield finding(JY216, "organisations", severity=severity)
    present = frozenset().union(*(o.languages for o in orgs))
    for lang in sorted(div.languages - present):
        yield finding(JY217, "organisations", severity=severity, language=lang)
    sizes = {o.size for o in orgs}
    if len(sizes) < div.size_classes:
        yield finding(
            JY218,
            "organisations",
            severity=severity,
            count=len(sizes),
            wanted=div.size_classes,
        )


def validate_municipalities(ctx: Context) -> Iterator[Finding]:
    """`GEN-1`: every required municipality has a seat (its own or its organisation's).

    A municipality whose reserved seats (a seat's or its group's ``municipality``) are
    all still vacant has an incomplete composition (``JY231``, a warning; info-level
    ``JY230`` instead when each is ``pending``), not a missing one (``JY222``).
    """
    rules, comp = ctx.rules, ctx.comp
    if not rules.required_municipalities:
        return
    orgs = {o.id: o for o in comp.organisations}
    seen: set[str] = set()
    reserved: dict[str, list[str]] = {}
    for s in comp.seats:
        if s.kind is SeatKind.DEPUTY:
            continue
        m = ctx.municipality_of(s)
        if s.vacant:
            if m and not s.pending:
                reserved.setdefault(m, []).append(s.id)
            elif m:
                seen.add(m)  # asked for: JY230 says it
            continue
        if m:
            seen.add(m)
        elif s.organisation in orgs:
            seen |= orgs[s.organisation].municipalities
    for m in sorted(rules.required_municipalities - seen):
        if m in reserved:
            yield finding(JY231, "seats", municipality=m, seats=reserved[m])
        else:
            yield finding(JY222, "seats", municipality=m)
