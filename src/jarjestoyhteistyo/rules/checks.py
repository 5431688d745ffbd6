"""Checks of a rule set on its own: :func:`check` returns a :class:`Report`.

Every finding cites the rule id it enforces. A rule the source documents only
*suggest* ("e.g. 4–6 meetings a year", `FC-11`) gives ``info``; a rule they *want*
gives a ``warning``; a rule that makes the body unworkable or breaks a firm
principle (`WS-1`: no party-political selection criteria) gives an ``error``.

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee, OpenForum
>>> check(FormalCommittee(name="Example", area="Example area")).ok
True
>>> r = check(OpenForum(name="Forum", area="Example area", cap=20))
>>> sorted(r.codes)  # a cap but no criteria (OF-3), no time budget stated (WS-9)
['JY107', 'JY130']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from jarjestoyhteistyo.calc.meetings import check_workload
from jarjestoyhteistyo.calc.terms import longest_term_months
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.model.categories import Category
from jarjestoyhteistyo.model.composition import Role, SizeClass
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    DeputyMode,
    FormalCommittee,
    GeneralRuleSet,
    IntRange,
    Need,
    OpenForum,
    PartyTies,
    RuleSet,
    SeatSource,
    TermMode,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.rules.cooperation import CooperationModel, check_cooperation

__all__ = ["body_size", "check", "mentions_party_politics"]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
#: The rule-set kinds, as the codes' ``kinds`` name them.
FC, OF, KU = FormalCommittee.kind, OpenForum.kind, ThemeNetworkCouncil.kind
GEN = GeneralRuleSet.kind


JY101 = Code(
    code="JY101",
    rule="FC-11",
    severity=E,
    title="Inconsistent range",
    en="{what}: {detail}",
    fi="{what}: {detail_fi}",
    fix="Make min ≤ max and both non-negative.",
)

JY102 = Code(
    code="JY102",
    rule="FC-13",
    severity=E,
    title="Rotation share outside (0, 1]",
    en="rotation share {value} is outside (0, 1]",
    fi="vaihtuvien osuus {value} ei ole välillä (0, 1]",
    fix="Give the share of members that changes at each changeover, e.g. 0.5.",
)

JY103 = Code(
    code="JY103",
    rule="FC-12",
    severity=E,
    title="Impossible term",
    en="term: {detail}",
    fi="toimikausi: {detail_fi}",
    fix="Fix the term policy: a positive length no longer than max_months.",
)

JY104 = Code(
    code="JY104",
    rule="FC-11",
    severity=E,
    title="Negative hours",
    en="{what} is negative ({value})",
    fi="{what} on negatiivinen ({value})",
    fix="Hours and budgets are zero or more.",
)

JY105 = Code(
    code="JY105",
    rule="FC-5",
    severity=W,
    title="Members per category not 1 or 2",
    en="{value} members per category; the model has 1 or 2",
    fi="{value} jäsentä järjestötyyppiä kohden; mallissa 1 tai 2",
    fix="Use 1 (8 members) or 2 (16 members), or write a general rule set.",
    kinds=frozenset({FC}),
)

JY106 = Code(
    code="JY106",
    rule="KU-12",
    severity=W,
    title="Larger than the recommended size",
    en="the body has up to {size} seats; recommended {recommended}",
    fi="toimielimessä on enintään {size} paikkaa; suositus {recommended}",
    fix="Reduce seats or state why a larger body is needed.",
)

JY107 = Code(
    code="JY107",
    rule="OF-3",
    severity=W,
    title="Cap without criteria",
    en="cap of {cap} organisations but no criteria for oversubscription",
    fi="enintään {cap} järjestöä, mutta valintakriteerejä ylitilanteeseen ei ole",
    fix="Draft selection criteria with the NGOs for when more register than the cap.",
    kinds=frozenset({OF, GEN}),
)

JY108 = Code(
    code="JY108",
    rule="WS-1",
    severity=E,
    title="Party-political criterion",
    en="criterion {criterion!r} uses party-political affiliation",
    fi="kriteeri {criterion!r} perustuu puoluepoliittiseen kytkökseen",
    fix="Remove it: party-political positions must not affect member selection.",
)

JY110 = Code(
    code="JY110",
    rule="FC-6",
    severity=W,
    title="Committee members not 1–2",
    en="committee members {value}; the model has 1–2",
    fi="lautakunnan jäseniä {value}; mallissa 1–2",
    fix="Seat 1–2 committee members.",
    kinds=frozenset({FC}),
    other_rules=((OF, "OF-7"),),
)

JY111 = Code(
    code="JY111",
    rule="FC-8",
    severity=W,
    title="Deputies not personal",
    en="{detail}",
    fi="{detail_fi}",
    fix="Formal bodies have personal deputies of the same category from another organisation.",
    kinds=frozenset({FC, GEN}),
)

JY112 = Code(
    code="JY112",
    rule="OF-5",
    severity=E,
    title="Open forum with a chair",
    en="an open forum has no official chair (chair mode {mode})",
    fi="vapaamuotoisella foorumilla ei ole virallista puheenjohtajaa ({mode})",
    fix="Set chair mode to none; the HYTE team coordinates.",
    kinds=frozenset({OF}),
)

JY113 = Code(
    code="JY113",
    rule="OF-9",
    severity=W,
    title="Open forum with a fee",
    en="an open forum pays no meeting fee (fee {fee})",
    fi="vapaamuotoinen foorumi ei maksa kokouspalkkiota ({fee})",
    fix="Set fee to none.",
    kinds=frozenset({OF}),
)

JY114 = Code(
    code="JY114",
    rule="FC-16",
    severity=E,
    title="Statutory duties",
    en="this kind of body has no statutory duties",
    fi="tällaisella toimielimellä ei ole lakisääteisiä tehtäviä",
    fix="Set statutory_duties to false, or write a general rule set.",
    kinds=frozenset({FC}),
    other_rules=(
        (OF, "OF-10"),
        (KU, "KU-14"),
    ),
)

JY115 = Code(
    code="JY115",
    rule="FC-7",
    severity=W,
    title="Chair procedure",
    en="{detail}",
    fi="{detail_fi}",
    fix="Choose chair and vice-chair in dialogue with the committee and record why.",
    kinds=frozenset({FC}),
)

JY116 = Code(
    code="JY116",
    rule="KU-10",
    severity=W,
    title="No catch-all network",
    en="no catch-all network for NGOs that fit no theme",
    fi="ei kaikille avointa monialaista verkostoa",
    fix="Mark one network catch_all.",
    kinds=frozenset({KU}),
)

JY117 = Code(
    code="JY117",
    rule="KU-7",
    severity=W,
    title="Not a work pair",
    en="{value} representatives per network; a work pair is 2",
    fi="{value} edustajaa verkostoa kohden; työpari on 2",
    fix="Use 2 (a work pair).",
    kinds=frozenset({KU}),
)

JY118 = Code(
    code="JY118",
    rule="KU-5",
    severity=W,
    title="First term not staggered",
    en="the first term is not staggered within the pairs",
    fi="ensimmäistä toimikautta ei ole porrastettu työparin sisällä",
    fix="Give first_term_months, e.g. [12, 24].",
    kinds=frozenset({KU}),
)

JY119 = Code(
    code="JY119",
    rule="FC-4",
    severity=E,
    title="Duplicate or unknown reference",
    en="{detail}",
    fi="{detail_fi}",
    fix="Use each id once and refer only to defined ids.",
)

JY120 = Code(
    code="JY120",
    rule="WS-1",
    severity=W,
    title="Party-political ties allowed",
    en="seats may be tied to party politics",
    fi="paikat voidaan sitoa puoluepolitiikkaan",
    fix="Forbid party-political ties unless the body is meant to have them.",
    kinds=frozenset({FC, OF, KU}),
)

JY121 = Code(
    code="JY121",
    rule="FC-11",
    severity=I,
    title="Meetings outside the usual range",
    en="{value} meetings a year; the source suggests {usual}",
    fi="{value} kokousta vuodessa; lähteen esimerkki {usual}",
    fix="Consider the suggested rhythm; more meetings at the start (WS-4).",
    kinds=frozenset({FC}),
    other_rules=((OF, "OF-6"),),
)

JY122 = Code(
    code="JY122",
    rule="FC-15",
    severity=W,
    title="Mid-term changes without approval",
    en="nobody approves changes to the composition mid-term",
    fi="kokoonpanon muutoksia kesken kauden ei hyväksy kukaan",
    fix="Name the committee or the executive board as the approver.",
    kinds=frozenset({FC}),
)

JY123 = Code(
    code="JY123",
    rule="FC-3",
    severity=E,
    title="Appointing authority",
    en="appointing authority {value} is not one of the options of FC-3",
    fi="nimeävä taho {value} ei ole mikään FC-3:n vaihtoehdoista",
    fix="Use executive_board, committee or committee_proposes_board_appoints.",
    kinds=frozenset({FC}),
)

JY124 = Code(
    code="JY124",
    rule="KU-4",
    severity=E,
    title="Official seat missing",
    en="no seat for the {what}",
    fi="paikka puuttuu: {what}",
    fix="Add the official seats of KU-4.",
    kinds=frozenset({KU}),
)

JY125 = Code(
    code="JY125",
    rule="OF-4",
    severity=E,
    title="Forum not open",
    en="{detail}",
    fi="{detail_fi}",
    fix="An open forum takes open registrations; criteria apply only when oversubscribed.",
    kinds=frozenset({OF}),
)

JY126 = Code(
    code="JY126",
    rule="FC-4",
    severity=E,
    title="No seats",
    en="{detail}",
    fi="{detail_fi}",
    fix="Define the categories, networks or seat groups.",
    kinds=frozenset({FC, GEN}),
    other_rules=((KU, "KU-4"),),
)

JY127 = Code(
    code="JY127",
    rule="KU-10",
    severity=W,
    title="Closed theme network",
    en="theme network {network} is not open to every NGO",
    fi="teemaverkosto {network} ei ole avoin kaikille järjestöille",
    fix="Theme networks are open and joinable at any time.",
    kinds=frozenset({KU}),
)

JY128 = Code(
    code="JY128",
    rule="KU-6",
    severity=W,
    title="No convener or secretary",
    en="{what} is not named",
    fi="{what} puuttuu",
    fix="Name the convener and the secretary.",
    kinds=frozenset({KU}),
)

JY129 = Code(
    code="JY129",
    rule="OF-8",
    severity=I,
    title="Term or deputies fixed in a forum",
    en="{detail}",
    fi="{detail_fi}",
    fix="In an open forum, agree term and deputies with the NGOs.",
    kinds=frozenset({OF}),
)

JY130 = Code(
    code="JY130",
    rule="WS-9",
    severity=I,
    title="Time demands not stated",
    en="no time budget: applicants cannot see what membership demands",
    fi="aikabudjettia ei ole: hakijat eivät näe jäsenyyden aikavaatimusta",
    fix="State time_budget_hours_per_year so the demands are clear when applying.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY101,
    JY102,
    JY103,
    JY104,
    JY105,
    JY106,
    JY107,
    JY108,
    JY110,
    JY111,
    JY112,
    JY113,
    JY114,
    JY115,
    JY116,
    JY117,
    JY118,
    JY119,
    JY120,
    JY121,
    JY122,
    JY123,
    JY124,
    JY125,
    JY126,
    JY127,
    JY128,
    JY129,
    JY130,
)


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


def _range(rng: IntRange | None, path: str, rule: str) -> Iterator[Finding]:
    if rng is None:
        return
    if rng.min < 0:
        yield finding(
            JY101,
            path,
            rule=rule,
            what=path,
            detail=f"min is {rng.min}",
            detail_fi=f"minimi on {rng.min}",
        )
    if rng.max is not None and rng.max < rng.min:
        yield finding(
            JY101,
            path,
            rule=rule,
            what=path,
            detail=f"min {rng.min} > max {rng.max}",
            detail_fi=f"minimi {rng.min} > maksimi {rng.max}",
        )


def body_size(rules: RuleSet) -> int:
    """The most seats the body can have (deputies not counted; `KU-12`).

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> body_size(FormalCommittee(name="x", area="y"))  # 8 × 2 + 2 committee members
    18
    """
    return sum(g.seats.upper for g in rules.as_general().seat_groups)


def _common(rules: RuleSet) -> Iterator[Finding]:
    m = rules.meetings
    yield from _range(m.per_year, "meetings.per_year", "FC-11")
    for name in ("hours", "preparation_hours", "network_meeting_hours"):
        value = getattr(m, name)
        if value < 0:
            yield finding(JY104, f"meetings.{name}", what=f"meetings.{name}", value=value)
    if rules.time_budget_hours_per_year is None:
        yield finding(JY130, "time_budget_hours_per_year")
    else:
        budget = rules.time_budget_hours_per_year
        if budget < 0:
            yield finding(JY104, "time_budget_hours_per_year", what="time budget", value=budget)
        elif m.per_year.min >= 0 and (m.per_year.max is None or m.per_year.max >= m.per_year.min):
            # an inconsistent range is already JY101; there is no workload to compute
            yield from check_workload(m, budget, path="time_budget_hours_per_year")
    yield from _term(rules)
    sizes = len(SizeClass)
    if rules.diversity.min_size_classes > sizes:
        yield finding(
            JY101,
            "diversity.min_size_classes",
            rule="WS-4",
            what="diversity.min_size_classes",
            detail=f"{rules.diversity.min_size_classes} size classes wanted; there are {sizes}",
            detail_fi=f"toivottu {rules.diversity.min_size_classes} kokoluokkaa; niitä on {sizes}",
        )
    yield from _range(rules.recommended_size, "recommended_size", "KU-12")
    if rules.recommended_size is not None and rules.recommended_size.max is not None:
        size = body_size(rules)
        if size > rules.recommended_size.max:
            yield finding(
                JY106, "recommended_size", size=size, recommended=str(rules.recommended_size)
            )
    sel = rules.selection
    for i, c in enumerate(sel.criteria):
        if mentions_party_politics(c.id, c.text, *c.uses):
            yield finding(JY108, f"selection.criteria[{i}]", criterion=c.id)
    if sel.party_political_ties is PartyTies.ALLOWED and not isinstance(rules, GeneralRuleSet):
        yield finding(JY120, "selection.party_political_ties")
    categories: tuple[Category, ...] = getattr(rules, "categories", ())
    yield from _duplicates((c.code for c in categories), "categories", "category")


def _term(rules: RuleSet) -> Iterator[Finding]:
    t = rules.term
    longest = longest_term_months(t)
    if not 0 < t.rotation <= 1:
        yield finding(JY102, "term.rotation", value=t.rotation)
    if t.mode is TermMode.FIXED:
        if t.months is None or t.months <= 0:
            yield finding(
                JY103,
                "term.months",
                detail="a fixed term needs months > 0",
                detail_fi="kiinteä kausi tarvitsee kuukaudet > 0",
            )
        elif t.months > longest:
            yield finding(
                JY103,
                "term.months",
                detail=f"{t.months} months is longer than {longest}",
                detail_fi=f"{t.months} kk on pidempi kuin {longest}",
            )
    if t.mode is TermMode.COUNCIL_FRACTION and not (t.fraction and 0 < t.fraction <= 1):
        yield finding(
            JY103,
            "term.fraction",
            detail="the fraction must be in (0, 1]",
            detail_fi="osuuden on oltava välillä (0, 1]",
        )
    if t.mode is TermMode.FIXED_DATES and (t.start is None or t.end is None or t.end <= t.start):
        yield finding(
            JY103,
            "term",
            detail="fixed dates need a start before the end",
            detail_fi="kiinteät päivät tarvitsevat alun ennen loppua",
        )
    for i, months in enumerate(t.first_term_months):
        if months <= 0 or months > longest:
            yield finding(
                JY103,
                f"term.first_term_months[{i}]",
                detail=f"first term of {months} months",
                detail_fi=f"ensimmäinen kausi {months} kk",
            )
    for name in ("max_consecutive_person", "max_consecutive_organisation"):
        value = getattr(t, name)
        if value is not None and value < 1:
            yield finding(
                JY103, f"term.{name}", detail=f"{name} is {value}", detail_fi=f"{name} on {value}"
            )


def _duplicates(ids: Iterable[str], path: str, what: str) -> Iterator[Finding]:
    for value, n in sorted(Counter(ids).items()):
        if n > 1:
            yield finding(
                JY119,
                path,
                detail=f"{what} {value!r} defined {n} times",
                detail_fi=f"{what} {value!r} määritelty {n} kertaa",
            )


def _usual_meetings(rules: RuleSet, rule: str) -> Iterator[Finding]:
    rng = rules.meetings.per_year
    if rng.min < 4 or (rng.max is not None and rng.max > 6):
        yield finding(JY121, "meetings.per_year", rule=rule, value=str(rng), usual="4–6")


def _formal(rules: FormalCommittee) -> Iterator[Finding]:
    if not rules.categories:
        yield finding(
            JY126,
            "categories",
            detail="no association categories",
            detail_fi="järjestötyyppejä ei ole",
        )
    if rules.members_per_category < 1:
        yield finding(JY105, "members_per_category", severity=E, value=rules.members_per_category)
    elif rules.members_per_category > 2:
        yield finding(JY105, "members_per_category", value=rules.members_per_category)
    yield from _range(rules.committee_members, "committee_members", "FC-6")
    cm = rules.committee_members
    if cm.min < 1 or cm.max is None or cm.max > 2:
        yield finding(JY110, "committee_members", value=str(cm))
    d = rules.deputies
    if d.mode is not DeputyMode.PERSONAL:
        yield finding(
            JY111,
            "deputies.mode",
            detail=f"deputy mode is {d.mode.value}",
            detail_fi=f"varajäsenmalli on {d.mode.value}",
        )
    if d.same_category is not Need.REQUIRED:
        yield finding(
            JY111,
            "deputies.same_category",
            rule="FC-10",
            detail="a deputy need not be of the member's category",
            detail_fi="varajäsenen ei tarvitse edustaa jäsenen järjestötyyppiä",
        )
    if d.different_organisation is not Need.REQUIRED:
        yield finding(
            JY111,
            "deputies.different_organisation",
            rule="FC-9",
            detail="a deputy may come from a member's organisation",
            detail_fi="varajäsen voi tulla jäsenen järjestöstä",
        )
    if rules.chair.mode is ChairMode.NONE:
        yield finding(
            JY115,
            "chair.mode",
            severity=E,
            detail="a formal body needs a chair",
            detail_fi="virallinen toimielin tarvitsee puheenjohtajan",
        )
    elif rules.chair.mode is not ChairMode.DIALOGUE:
        yield finding(
            JY115,
            "chair.mode",
            severity=I,
            detail=f"chair chosen by {rules.chair.mode.value}, not in dialogue",
            detail_fi=f"puheenjohtaja valitaan: {rules.chair.mode.value}",
        )
    if not rules.chair.procedure_recorded:
        yield finding(
            JY115,
            "chair.procedure_recorded",
            detail="the reasons and procedure of the chair choice are not recorded",
            detail_fi="puheenjohtajan valinnan perusteita ja menettelyä ei kirjata",
        )
    options = {
        Authority.EXECUTIVE_BOARD,
        Authority.COMMITTEE,
        Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
    }
    if rules.selection.authority not in options:
        yield finding(JY123, "selection.authority", value=rules.selection.authority.value)
    if rules.mid_term_changes is None:
        yield finding(JY122, "mid_term_changes")
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties")
    yield from _usual_meetings(rules, "FC-11")


def _forum(rules: OpenForum) -> Iterator[Finding]:
    sel = rules.selection
    if rules.cap < 1:
        yield finding(
            JY101,
            "cap",
            rule="OF-3",
            what="cap",
            detail=f"cap is {rules.cap}",
            detail_fi=f"enimmäismäärä on {rules.cap}",
        )
    elif not sel.criteria:
        yield finding(JY107, "selection.criteria", cap=rules.cap)
    if not sel.open_registration:
        yield finding(
            JY125,
            "selection.open_registration",
            rule="OF-3",
            detail="registration is not open",
            detail_fi="ilmoittautuminen ei ole avoin",
        )
    if not sel.criteria_only_when_oversubscribed:
        yield finding(
            JY125,
            "selection.criteria_only_when_oversubscribed",
            detail="criteria apply even when not oversubscribed",
            detail_fi="kriteerejä sovelletaan, vaikka paikkoja riittää",
        )
    if rules.chair.mode is not ChairMode.NONE:
        yield finding(JY112, "chair.mode", mode=rules.chair.mode.value)
    if rules.fee.value != "none":
        yield finding(JY113, "fee", fee=rules.fee.value)
    yield from _range(rules.committee_members, "committee_members", "OF-7")
    if rules.committee_members.min < 1:
        yield finding(
            JY110,
            "committee_members",
            severity=W,
            rule="OF-7",
            value=str(rules.committee_members),
        )
    if rules.term.mode is not TermMode.AGREED:
        yield finding(
            JY129,
            "term.mode",
            detail="term is fixed, not agreed with the NGOs",
            detail_fi="toimikausi on kiinnitetty eikä sovittu järjestöjen kanssa",
        )
    if rules.deputies.mode is not DeputyMode.AGREED:
        yield finding(
            JY129,
            "deputies.mode",
            detail="deputies are fixed, not agreed",
            detail_fi="varajäsenkäytäntö on kiinnitetty eikä sovittu",
        )
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties", rule="OF-10")
    yield from _usual_meetings(rules, "OF-6")


def _council(rules: ThemeNetworkCouncil) -> Iterator[Finding]:
    if not rules.networks:
        yield finding(
            JY126,
            "networks",
            rule="KU-4",
            detail="no theme networks",
            detail_fi="teemaverkostoja ei ole",
        )
    yield from _duplicates((n.id for n in rules.networks), "networks", "network")
    # networks and official seats become seat groups of one body: ids must not clash
    yield from _duplicates(
        (*(o.id for o in rules.official_seats), *{n.id for n in rules.networks}),
        "official_seats",
        "seat group",
    )
    if rules.networks and not any(n.catch_all for n in rules.networks):
        yield finding(JY116, "networks")
    for i, n in enumerate(rules.networks):
        if not n.open:
            yield finding(JY127, f"networks[{i}].open", network=n.id)
    if rules.representatives_per_network != 2:
        sev = E if rules.representatives_per_network < 1 else W
        yield finding(
            JY117,
            "representatives_per_network",
            severity=sev,
            value=rules.representatives_per_network,
        )
    if len(set(rules.term.first_term_months)) < 2:
        yield finding(JY118, "term.first_term_months")
    roles = {o.role for o in rules.official_seats}
    for i, o in enumerate(rules.official_seats):
        yield from _range(o.seats, f"official_seats[{i}].seats", "KU-4")
    if Role.WELLBEING_AREA_OFFICIAL not in roles:
        yield finding(JY124, "official_seats", what="wellbeing area's NGO contact person")
    if Role.MUNICIPAL_OFFICIAL not in roles:
        yield finding(
            JY124, "official_seats", severity=W, what="municipalities' NGO contact persons"
        )
    for name in ("convener", "secretary"):
        if not getattr(rules, name).strip():
            yield finding(JY128, name, what=name)
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties", rule="KU-14")


def _general(rules: GeneralRuleSet) -> Iterator[Finding]:
    if not rules.seat_groups:
        yield finding(
            JY126,
            "seat_groups",
            rule="FC-4",
            detail="no seat groups",
            detail_fi="paikkaryhmiä ei ole",
        )
    yield from _duplicates((g.id for g in rules.seat_groups), "seat_groups", "seat group")
    known = {c.code for c in rules.categories}
    for i, g in enumerate(rules.seat_groups):
        yield from _range(g.seats, f"seat_groups[{i}].seats", g.rule or "FC-5")
        if g.source is SeatSource.CATEGORY:
            for code in sorted(g.eligible_categories - known):
                yield finding(
                    JY119,
                    f"seat_groups[{i}].categories",
                    detail=f"unknown category {code!r}",
                    detail_fi=f"tuntematon järjestötyyppi {code!r}",
                )
    if rules.cap is not None and not rules.selection.criteria:
        yield finding(JY107, "selection.criteria", cap=rules.cap)
    if rules.deputies.mode is DeputyMode.PAIR and rules.pairs is None:
        yield finding(
            JY111,
            "pairs",
            rule="KU-7",
            detail="pair deputies but no pair policy",
            detail_fi="työparit varajäseninä, mutta työparisääntö puuttuu",
        )


def check(rules: RuleSet | CooperationModel) -> Report:
    """Check a rule set on its own and report every problem (`JY1xx` codes).

    Looks at inconsistent numbers, the seats against categories × members (`FC-5`),
    the recommended size (`KU-12`), a cap without criteria (`OF-3`), party-political
    criteria (`WS-1`), meeting load against the time budget (`WS-1`, `KU-9`), and the
    rules of each kind. The rule set is not changed.

    >>> from jarjestoyhteistyo.model.rulesets import ThemeNetworkCouncil
    >>> check(ThemeNetworkCouncil(name="Council", area="Example area")).ok
    True
    """
    if isinstance(rules, CooperationModel):  # JP-1 … JP-7: a city's model, no seats
        return check_cooperation(rules)
    found = list(_common(rules))
    if isinstance(rules, FormalCommittee):
        found += _formal(rules)
    elif isinstance(rules, OpenForum):
        found += _forum(rules)
    elif isinstance(rules, ThemeNetworkCouncil):
        found += _council(rules)
    else:
        found += _general(rules)
    return Report(subject=rules.name, findings=tuple(found))
