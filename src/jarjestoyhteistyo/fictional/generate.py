"""Generated example structures: fictional, valid and the same for the same seed.

:func:`generate` builds a complete example for a rule set or a preset: fictional
organisations with plausible Finnish and Swedish association names made from the
word lists of this module ("Keravan Seniorikerho ry", "Föreningen för äldre i Vanda
rf"), their sizes, languages and municipalities, people by role only, and a
composition that passes :func:`~jarjestoyhteistyo.rules.validation.validate` with no
error. On request it adds registrations, a rotation plan and a meeting calendar.

**Determinism.** Every choice comes from one ``random.Random(seed)``: never the
global generator, never ``hash()`` of a string (it changes with ``PYTHONHASHSEED``),
and sets are sorted before anything is chosen from them. The same seed and
arguments give the same example on every machine and Python run.

**Invalid examples.** ``broken=`` names a rule id (``"FC-9"``) or a finding code
(``"JY205"``): the result is a valid example with exactly that rule broken, and
:attr:`Example.expected_code` / :attr:`Example.expected_severity` say what
:func:`~jarjestoyhteistyo.rules.validation.validate` reports for it. No other error is
reported (other warnings may be, e.g. a size outside the `KU-12` recommendation).
Every candidate is validated before it is returned, so this holds by construction.

==========  =========  ============================================================  =========
rule        code       what is broken                                                severity
==========  =========  ============================================================  =========
``FC-4``    ``JY203``  a member's organisation is outside the seat's category        error
``FC-5``    ``JY201``  seats of a category left vacant (a group under its quota)     warning
``FC-5``    ``JY202``  a seat group filled over its quota                            error
``FC-6``    ``JY209``  committee members outside the allowed number                  error
``FC-7``    ``JY210``  no chair                                                      error
``FC-8``    ``JY207``  a second personal deputy for one member (ordered: a gap)      error
``FC-8``    ``JY208``  a member without a personal deputy                            error [1]_
``FC-9``    ``JY205``  a deputy from its member's organisation                       policy [2]_
``FC-10``   ``JY204``  a deputy from an organisation of another category             policy [2]_
``OF-3``    ``JY212``  more organisations than the cap                               error
``OF-5``    ``JY211``  a chair in a body that has none                               error
``OF-7``    ``JY209``  no committee representative in an open forum                  error
``KU-4``    ``JY214``  an official seat (contact person) left out                    policy [2]_
``KU-7``    ``JY213``  a work pair with one person missing                           policy [2]_
``KU-7``    ``JY225``  a work pair whose roles are not one of the wanted mixes       policy [2]_
``KU-10``   ``JY223``  a network seat held by an organisation outside the network    error
``WS-1``    ``JY221``  a seat named by a council group (party politics)              error
``WS-7``    ``JY216``  no volunteer-run organisation                                 policy [2]_
``WS-7``    ``JY217``  no organisation working in a wanted language (e.g. ``sv``)    policy [2]_
==========  =========  ============================================================  =========

.. [1] a warning when deputies are ``optional``.
.. [2] an error when the rule set makes the rule ``required``, a warning when ``wanted``.

A rule id with two codes breaks the first one the rule set admits, in the order of
:data:`BROKEN_RULES`; pass the code to choose. A rule that does not apply to the rule
set's kind (``KU-7`` for a formal committee), or that this rule set cannot break
(``FC-9`` without deputies), raises :class:`GenerateError`; :func:`breakable` lists
what can be broken.

>>> ex = generate("vantaa-kerava-formal", seed=7)
>>> from jarjestoyhteistyo import load_preset, validate
>>> validate(load_preset("vantaa-kerava-formal"), ex.composition).ok
True
>>> len(ex.composition.organisations)  # 16 members and 16 personal deputies (FC-5, FC-8)
32
>>> bad = generate("vantaa-kerava-formal", seed=7, broken="FC-9")
>>> bad.expected_code, validate(load_preset("VAKE"), bad.composition).errors[0].code
('JY205', 'JY205')
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Final

import attrs

from jarjestoyhteistyo.calc.meetings import meeting_dates
from jarjestoyhteistyo.calc.rotation import RotationPlan, rotation_plan
from jarjestoyhteistyo.catalogue import CATALOGUE
from jarjestoyhteistyo.codes import BREAKABLE, Code
from jarjestoyhteistyo.errors import GenerateError, MeetingError, RotationError
from jarjestoyhteistyo.findings import Finding, Severity
from jarjestoyhteistyo.model.composition import (
    Composition,
    Function,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
)
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    ChairMode,
    DeputyMode,
    GeneralRuleSet,
    Need,
    PartyTies,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.presets import (
    Municipality,
    PresetArea,
    area_for,
    load_preset,
    resolve_preset,
)
from jarjestoyhteistyo.rules.chair import JY210, JY211
from jarjestoyhteistyo.rules.deputies import JY204, JY205, JY207, JY208
from jarjestoyhteistyo.rules.diversity import JY216, JY217
from jarjestoyhteistyo.rules.forum import JY212
from jarjestoyhteistyo.rules.politics import JY221
from jarjestoyhteistyo.rules.seats import JY201, JY202, JY203, JY209, JY213, JY214, JY223, JY225
from jarjestoyhteistyo.rules.validation import validate
from jarjestoyhteistyo.selection import Registration, Registrations

__all__ = [
    "BROKEN_RULES",
    "Example",
    "GenerateError",
    "GeneratedRegistration",
    "breakable",
    "generate",
    "to_registrations",
]


# ------------------------------------------------------------------ word lists
# An area's municipalities and theme networks come from its preset's header
# (presets.area_for); these are for any other area.
def _m(fi: str, genitive: str, sv: str) -> Municipality:
    return Municipality(fi=fi, genitive=genitive, sv=sv)


#: Fictional municipalities for any other area.
_GENERIC_AREA = (
    _m("Koskela", "Koskelan", "Forsby"),
    _m("Järvelä", "Järvelän", "Sjöby"),
    _m("Mäkelä", "Mäkelän", "Backby"),
    _m("Rantala", "Rantalan", "Strandby"),
    _m("Metsälä", "Metsälän", "Skogsby"),
)
_FI_DISTRICTS = ("Itä", "Länsi", "Pohjois", "Etelä", "Keski")
_SV_DISTRICTS = ("Östra", "Västra", "Norra", "Södra", "Mellersta")

#: Finnish and Swedish association name words per category code (`FC-4`).
_NOUNS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "child-family": (
        ("Perhekeskus", "Perhekerho", "Vanhempainyhdistys", "Lapsiperheyhdistys"),
        ("Familjeföreningen", "Familjeklubben", "Föreningen för barnfamiljer"),
    ),
    "illness-disability": (
        ("Potilasyhdistys", "Invalidiyhdistys", "Sydänyhdistys", "Kuuloyhdistys"),
        ("Patientföreningen", "Handikappföreningen", "Hjärtföreningen"),
    ),
    "pensioners": (
        ("Eläkeläiset", "Eläkkeensaajat", "Eläkeläisyhdistys"),
        ("Pensionärerna", "Pensionärsföreningen"),
    ),
    "health-promotion": (
        ("Terveysliikkujat", "Kansanterveysyhdistys", "Liikuntaseura"),
        ("Hälsomotionärerna", "Hälsoföreningen"),
    ),
    "other-social-health": (
        ("Sosiaaliturvayhdistys", "Mielenterveysseura", "Omaishoitajat"),
        ("Socialskyddsföreningen", "Närståendevårdarna"),
    ),
    "older-people": (
        ("Seniorikerho", "Vanhustyön yhdistys", "Ikäihmisten ystävät"),
        ("Föreningen för äldre", "Seniorklubben"),
    ),
    "employment": (
        ("Työpaja", "Työttömät", "Työllisyysyhdistys"),
        ("Arbetsverkstaden", "Sysselsättningsföreningen"),
    ),
    "substance-abuse": (
        ("Raittiusseura", "A-kilta", "Päihdetyön yhdistys"),
        ("Nykterhetssällskapet", "Nykterhetsföreningen"),
    ),
}
_GENERIC_NOUNS = (
    ("Kansalaisyhdistys", "Kyläyhdistys", "Toimintakeskus", "Yhteisöyhdistys"),
    ("Medborgarföreningen", "Byaföreningen", "Verksamhetsföreningen"),
)
_PRH_CODES = tuple(_NOUNS)
_FIRST_FI = ("Aino", "Eino", "Helmi", "Onni", "Kerttu", "Toivo", "Siiri", "Väinö", "Elli", "Oiva")
_LAST_FI = ("Esimerkki", "Kuvitelma", "Mallinen", "Testilä", "Keksitty", "Sepite")
_FIRST_SV = ("Ebba", "Gustav", "Saga", "Elis", "Stina", "Valter")
_LAST_SV = ("Exempelström", "Påhittson", "Modellberg", "Fiktivqvist")
#: How a registrant links to the wellbeing area's work (`OF-3`, `WS-7`).
_LINKS = (
    "runs peer groups in {municipality} that the wellbeing area's services refer people to",
    "offers volunteer visiting work in {municipality} together with home care",
    "organises low-threshold meeting places in {municipality}",
    "gives guidance and advice to clients of social and health services in {municipality}",
    "trains experience experts who take part in service development in {municipality}",
)

_E, _W = Severity.ERROR, Severity.WARNING
_NGO_SOURCES = frozenset({SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN})
_KIND_OF_SOURCE = {
    SeatSource.CATEGORY: SeatKind.MEMBER,
    SeatSource.NETWORK: SeatKind.MEMBER,
    SeatSource.OPEN: SeatKind.MEMBER,
    SeatSource.SECTOR: SeatKind.MEMBER,
    SeatSource.COMMITTEE: SeatKind.COMMITTEE,
    SeatSource.OFFICIAL: SeatKind.OFFICIAL,
    SeatSource.EXPERT: SeatKind.EXPERT,
}
_DEFAULT_ROLE = {
    SeatSource.COMMITTEE: Role.ELECTED_MEMBER,
    SeatSource.OFFICIAL: Role.WELLBEING_AREA_OFFICIAL,
    SeatSource.EXPERT: Role.INVITED_EXPERT,
    SeatSource.SECTOR: Role.SECTOR_REPRESENTATIVE,
}
_WITH_DEPUTIES = frozenset({DeputyMode.PERSONAL, DeputyMode.OPTIONAL, DeputyMode.ORDERED})
_NGO_ROLES = (
    Role.NGO_EMPLOYEE,
    Role.EXPERIENCE_EXPERT,
    Role.VOLUNTEER,
    Role.FEDERATION_REPRESENTATIVE,
)

# ------------------------------------------------------------- broken rules
#: The codes :func:`generate` can break: those tagged ``breakable`` (each has an entry
#: in :data:`_BREAKERS` below).
_BREAKABLE: Final[tuple[Code, ...]] = tuple(c for c in CATALOGUE if BREAKABLE in c.tags)
#: The order of the rule families in the domain brief, for listing rule ids.
_FAMILIES = ("FC", "OF", "KU", "WS")


def _rule_kinds(code: Code) -> dict[str, frozenset[str]]:
    """The rule ids ``code`` breaks, each with the rule-set kinds it breaks it in."""
    out = {code.rule: code.kinds or frozenset(KINDS)}
    for kind, rule in code.other_rules:
        out[rule] = out.get(rule, frozenset()) | {kind}
    return out


def _rule_order(rule: str) -> tuple[int, int]:
    family, _, number = rule.partition("-")
    return _FAMILIES.index(family), int(number)


#: The rule-set kinds each rule applies to.
_APPLIES: Mapping[str, frozenset[str]] = {
    rule: frozenset().union(*(_rule_kinds(c).get(rule, frozenset()) for c in _BREAKABLE))
    for rule in sorted({r for c in _BREAKABLE for r in _rule_kinds(c)}, key=_rule_order)
}

#: Rule ids that :func:`generate` can break, and the finding codes each gives (`JY2xx`);
#: made from the codes tagged ``breakable``.
BROKEN_RULES: Final[Mapping[str, tuple[str, ...]]] = {
    rule: tuple(c.code for c in _BREAKABLE if rule in _rule_kinds(c)) for rule in _APPLIES
}


# ------------------------------------------------------------------ results
@attrs.frozen(kw_only=True)
class GeneratedRegistration:
    """A generated :class:`~jarjestoyhteistyo.selection.Registration` with its answer key.

    ``registration`` is what selection reads (`FC-3`, `OF-3`, `WS-7`); ``group`` is the
    seat group it was generated for; ``eligible`` is ``False`` for a registration that
    cannot be accepted, for the reason in ``problem`` (``category``, ``network`` or
    ``area``); ``seated`` says whether the organisation holds a seat in the generated
    composition.
    """

    registration: Registration
    group: str
    eligible: bool = True
    problem: str = ""
    seated: bool = False

    @property
    def organisation(self) -> Organisation:
        """The registering organisation."""
        return self.registration.organisation

    @property
    def motivation(self) -> str:
        """How it links to the wellbeing area's work (`OF-3`)."""
        return self.registration.link_description


@attrs.frozen(kw_only=True)
class Example:
    """A generated example: what :func:`generate` returns.

    ``rules`` is the preset name (or the rule set's ``name``); ``composition`` passes
    :func:`~jarjestoyhteistyo.rules.validation.validate` with no error unless
    ``broken_rule`` is set, in which case ``validate`` reports ``expected_code`` at
    ``expected_severity`` and no other error. ``plan`` and ``meetings`` are present
    only when asked for.
    """

    rules: str
    composition: Composition
    registrations: tuple[GeneratedRegistration, ...] = ()
    plan: RotationPlan | None = None
    meetings: tuple[datetime, ...] | None = None
    broken_rule: str | None = None
    expected_code: str | None = None
    expected_severity: Severity | None = None


# ------------------------------------------------------------------ helpers
def _municipalities(area: PresetArea | None) -> tuple[Municipality, ...]:
    return area.municipalities if area is not None and area.municipalities else _GENERIC_AREA


def _share(value: float, name: str) -> float:
    if not 0.0 <= value <= 1.0:
        raise GenerateError(f"{name} must be between 0 and 1, not {value}")
    return value


def _seated(comp: Composition) -> list[Organisation]:
    """Organisations in member or deputy seats, in the order of the organisations list."""
    ids = {
        s.organisation
        for s in comp.seats
        if s.organisation is not None and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    }
    return [o for o in comp.organisations if o.id in ids]


def _replace_orgs(comp: Composition, changed: Mapping[str, Organisation]) -> Composition:
    return attrs.evolve(comp, organisations=tuple(changed.get(o.id, o) for o in comp.organisations))


def _replace_seats(comp: Composition, changed: Mapping[str, Seat]) -> Composition:
    return attrs.evolve(comp, seats=tuple(changed.get(s.id, s) for s in comp.seats))


def _prune(comp: Composition) -> Composition:
    """Drop organisations that no seat refers to."""
    used = {s.organisation for s in comp.seats}
    return attrs.evolve(comp, organisations=tuple(o for o in comp.organisations if o.id in used))


def _ensure_diversity(rules: GeneralRuleSet, comp: Composition, rng: random.Random) -> Composition:
    """Make the seated organisations meet the diversity wishes (`WS-4`, `WS-7`) and
    cover the required municipalities, changing as little as possible."""
    div = rules.diversity
    orgs = {o.id: o for o in _seated(comp)}
    order = sorted(orgs)
    if order:
        if div.volunteer_run and not any(o.volunteer_run for o in orgs.values()):
            pick = rng.choice(order)
            orgs[pick] = attrs.evolve(orgs[pick], volunteer_run=True)
        for lang in sorted(div.languages):
            if not any(lang in o.languages for o in orgs.values()):
                pick = rng.choice(order)
                langs = orgs[pick].languages | {lang}
                orgs[pick] = attrs.evolve(
                    orgs[pick],
                    languages=langs,
                    groups=orgs[pick].groups | {"multilingual"},
                )
        wanted = min(div.min_size_classes, len(SizeClass), len(order))
        sizes = Counter(o.size for o in orgs.values())
        missing = [s for s in SizeClass if s not in sizes]
        while len(sizes) < wanted and missing:
            shared = [i for i in order if sizes[orgs[i].size] > 1]
            if not shared:
                break
            pick = rng.choice(shared)
            new = missing.pop(0)
            sizes[orgs[pick].size] -= 1
            sizes[new] += 1
            orgs[pick] = attrs.evolve(orgs[pick], size=new)
        comp = _replace_orgs(comp, orgs)
    return _ensure_municipalities(rules, comp, rng)


def _ensure_municipalities(
    rules: GeneralRuleSet, comp: Composition, rng: random.Random
) -> Composition:
    if not rules.required_municipalities:
        return comp
    orgs = {o.id: o for o in comp.organisations}
    seen: set[str] = set()
    holders: list[Seat] = []
    for s in comp.seats:
        if s.vacant or s.kind is SeatKind.DEPUTY:
            continue
        holders.append(s)
        if s.municipality:
            seen.add(s.municipality)
        elif s.organisation in orgs:
            seen |= orgs[s.organisation or ""].municipalities
    missing = sorted(rules.required_municipalities - seen)
    seats: dict[str, Seat] = {}
    for m in missing:
        takers = [
            h
            for h in holders
            if not h.municipality and (h.organisation in orgs or h.id not in seats)
        ]
        if not takers:  # a seat speaking for a municipality that is not required
            takers = [
                h
                for h in holders
                if h.municipality not in rules.required_municipalities and h.id not in seats
            ]
        if not takers:
            raise GenerateError(f"no seat can represent the required municipality {m} (GEN-1)")
        h = rng.choice(takers)
        if h.organisation in orgs and not h.municipality:
            o = orgs[h.organisation or ""]
            orgs[o.id] = attrs.evolve(o, municipalities=o.municipalities | {m})
        else:
            seats[h.id] = attrs.evolve(h, municipality=m)
    return _replace_seats(_replace_orgs(comp, orgs), seats)


# ------------------------------------------------------------------ builder
class _Builder:
    """Builds one valid composition from one ``random.Random``; holds the name pools."""

    def __init__(
        self,
        rules: RuleSet,
        rng: random.Random,
        *,
        multi_sector_share: float,
        volunteer_share: float,
        swedish_share: float,
        names: bool,
    ) -> None:
        self.source_rules = rules
        self.rules = rules.as_general()
        self.rng = rng
        self.multi = multi_sector_share
        self.volunteer = volunteer_share
        self.swedish = swedish_share
        self.names = names
        area = area_for(rules.area)
        self.munis = _municipalities(area)
        self.network_categories = {n.id: n.categories for n in area.networks} if area else {}
        self.codes = tuple(c.code for c in self.rules.categories) or _PRH_CODES
        self.used_names: set[str] = set()
        self.used_ids: set[str] = set()
        self.org_count = 0
        self.deputies = self.rules.deputies.mode in _WITH_DEPUTIES
        self.council = isinstance(rules, ThemeNetworkCouncil)

    # ---- ids, names and people
    def seat_id(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.used_ids:
            n += 1
            candidate = f"{base}-{n}"
        self.used_ids.add(candidate)
        return candidate

    def org_name(self, code: str | None, muni: Municipality, swedish: bool) -> str:
        fi_nouns, sv_nouns = _NOUNS.get(code or "", _GENERIC_NOUNS)
        nouns = sv_nouns if swedish else fi_nouns
        first = self.rng.choice(nouns)
        tries = [first, *[n for n in nouns if n != first]]
        districts = _SV_DISTRICTS if swedish else _FI_DISTRICTS
        for noun in tries:
            for district in ("", *districts):
                if swedish:
                    place = f"{district} {muni.sv}" if district else muni.sv
                    name = f"{noun} i {place} rf"
                else:
                    place = f"{district}-{muni.genitive}" if district else muni.genitive
                    name = f"{place} {noun} ry"
                if name not in self.used_names:
                    self.used_names.add(name)
                    return name
        n, suffix = 2, "rf" if swedish else "ry"
        while f"{first} {n} {suffix}" in self.used_names:
            n += 1
        self.used_names.add(f"{first} {n} {suffix}")
        return f"{first} {n} {suffix}"

    def person(self, role: Role, swedish: bool = False) -> Person:
        if not self.names:
            return Person(role=role)
        firsts, lasts = (_FIRST_SV, _LAST_SV) if swedish else (_FIRST_FI, _LAST_FI)
        name = f"{self.rng.choice(firsts)} {self.rng.choice(lasts)} (fictional)"
        return Person(role=role, name=name)

    # ---- organisations
    def new_org(self, g: SeatGroup | None, *, eligible: bool = True) -> Organisation:
        """A fictional organisation for group ``g`` (any NGO when ``g`` is ``None``)."""
        rng = self.rng
        self.org_count += 1
        org_id = f"org-{self.org_count:02d}"
        while org_id in self.used_ids:
            self.org_count += 1
            org_id = f"org-{self.org_count:02d}"
        self.used_ids.add(org_id)
        networks: frozenset[str] = frozenset()
        catch_all = False
        if g is not None and g.source is SeatSource.CATEGORY:
            pool = sorted(g.eligible_categories)
            if not eligible:
                pool = [c for c in self.codes if c not in g.eligible_categories] or [
                    "culture-and-sports"
                ]
            primary = rng.choice(pool)
            extras = [c for c in (self.codes if eligible else pool) if c != primary]
        elif g is not None and g.source is SeatSource.NETWORK and g.network is not None:
            if eligible:
                networks = frozenset({g.network})
            nets = {n.id: n for n in getattr(self.source_rules, "networks", ())}
            catch_all = g.network in nets and nets[g.network].catch_all
            primary = rng.choice(self.network_categories.get(g.network, _PRH_CODES))
            extras = [c for c in _PRH_CODES if c != primary]
        else:
            primary = rng.choice(self.codes)
            extras = [c for c in self.codes if c != primary]
        categories = {primary}
        if extras and (catch_all or rng.random() < self.multi):
            categories.add(rng.choice(extras))
        muni = rng.choice(self.munis)
        swedish = rng.random() < self.swedish
        if swedish:
            languages = {"sv"} if rng.random() < 0.5 else {"sv", "fi"}
        else:
            languages = {"fi", "en"} if rng.random() < 0.05 else {"fi"}
        volunteer = rng.random() < self.volunteer
        if volunteer:
            size = SizeClass.SMALL if rng.random() < 0.7 else SizeClass.MEDIUM
        else:
            size = rng.choice(
                (SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.MEDIUM, SizeClass.LARGE)
            )
        municipalities = {muni.fi}
        if g is not None and g.source is SeatSource.OPEN and not eligible:
            outside = [m for m in _GENERIC_AREA if m not in self.munis]
            muni = rng.choice(outside)
            municipalities = {muni.fi}
        return Organisation(
            id=org_id,
            name=self.org_name(primary if primary in _NOUNS else None, muni, swedish),
            categories=frozenset(categories),
            size=size,
            languages=frozenset(languages),
            volunteer_run=volunteer,
            municipalities=frozenset(municipalities),
            umbrella=size is SizeClass.LARGE and rng.random() < 0.3,
            service_provider=not volunteer and rng.random() < 0.3,
            networks=networks,
            groups=frozenset({"multilingual"}) if len(languages) > 1 else frozenset(),
        )

    def ngo_role(self, org: Organisation) -> Role:
        if org.volunteer_run:
            return self.rng.choice((Role.VOLUNTEER, Role.EXPERIENCE_EXPERT))
        if org.umbrella:
            return self.rng.choice((Role.NGO_EMPLOYEE, Role.FEDERATION_REPRESENTATIVE))
        return self.rng.choice((Role.NGO_EMPLOYEE, Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT))

    # ---- seats
    def member(
        self, g: SeatGroup, j: int, role: Role | None = None
    ) -> tuple[Seat, Organisation | None]:
        """One filled seat of group ``g`` (and its organisation for an NGO group)."""
        kind = _KIND_OF_SOURCE[g.source]
        if g.source in _NGO_SOURCES or g.source is SeatSource.SECTOR:
            base = f"{g.id}-m{j}"
        else:
            base = f"{g.id}-{j}"
        org: Organisation | None = None
        municipality: str | None = None
        nominated: str | None = None
        if g.source in _NGO_SOURCES:
            org = self.new_org(g)
            role = g.role or role or self.ngo_role(org)
            nominated = "theme network" if g.source is SeatSource.NETWORK else "registration"
        else:
            role = g.role or _DEFAULT_ROLE[g.source]
            if role is Role.MUNICIPAL_OFFICIAL:
                municipality = self.munis[(j - 1) % len(self.munis)].fi
        swedish = org is not None and "sv" in org.languages and "fi" not in org.languages
        seat = Seat(
            id=self.seat_id(base),
            kind=kind,
            group=g.id,
            organisation=None if org is None else org.id,
            person=self.person(role, swedish),
            nominated_by=nominated,
            municipality=municipality,
        )
        return seat, org

    def deputy(
        self, g: SeatGroup, j: int, member: Seat | None, order: int | None = None
    ) -> tuple[Seat, Organisation]:
        """A deputy for ``member`` (personal) or in the group's order (ordered)."""
        org = self.new_org(g)
        swedish = "sv" in org.languages and "fi" not in org.languages
        seat = Seat(
            id=self.seat_id(f"{g.id}-d{j}"),
            kind=SeatKind.DEPUTY,
            group=g.id,
            organisation=org.id,
            person=self.person(self.ngo_role(org), swedish),
            deputy_of=None if member is None else member.id,
            order=order,
            nominated_by="theme network" if g.source is SeatSource.NETWORK else "registration",
        )
        return seat, org

    # ---- counts
    def counts(self, organisations: int | None) -> list[int]:
        rules, rng = self.rules, self.rng
        groups = rules.seat_groups
        counts = [g.seats.min for g in groups]
        open_ids = [i for i, g in enumerate(groups) if g.source is SeatSource.OPEN]

        def room(i: int) -> int | None:
            g = groups[i]
            r = None if g.seats.max is None else g.seats.max - counts[i]
            if g.source is SeatSource.OPEN and rules.cap is not None:
                rc = rules.cap - sum(counts[k] for k in open_ids)
                r = rc if r is None else min(r, rc)
            return r

        for i, g in enumerate(groups):
            if (r := room(i)) is not None and r < 0:
                raise GenerateError(
                    f"seat group {g.id!r} needs {g.seats.min} holders, more than its room"
                )
        ngo = [i for i, g in enumerate(groups) if g.source in _NGO_SOURCES]
        per_seat = 2 if self.deputies else 1
        if organisations is None:
            for i, g in enumerate(groups):
                r = room(i)
                limit = 3 if r is None else r
                if g.source is SeatSource.OPEN:
                    extra = max(0, rng.randint(8, 16) - counts[i])
                elif g.source is SeatSource.NETWORK and rules.pairs is not None:
                    extra = max(0, 2 - counts[i])
                else:
                    extra = rng.randint(0, 1)
                counts[i] += min(extra, limit)
            self._fit_size(counts, room)
        else:
            need = organisations - per_seat * sum(counts[i] for i in ngo)
            if need < 0 or need % per_seat:
                raise GenerateError(self._seatable(organisations, room, ngo, per_seat, counts))
            k = 0
            while need > 0:
                open_groups = [i for i in ngo if (r := room(i)) is None or r > 0]
                if not open_groups:
                    raise GenerateError(self._seatable(organisations, room, ngo, per_seat, counts))
                i = open_groups[k % len(open_groups)]
                counts[i] += 1
                need -= per_seat
                k += 1
        # required diversity needs enough NGOs for its size classes (WS-4)
        div = rules.diversity
        if organisations is None and div.need is Need.REQUIRED:
            wanted_orgs = min(div.min_size_classes, len(SizeClass))
            while per_seat * sum(counts[i] for i in ngo) < wanted_orgs:
                free = [i for i in ngo if (r := room(i)) is None or r > 0]
                if not free:
                    raise GenerateError(
                        "the NGO seat groups have no room for the required diversity"
                    )
                counts[free[0]] += 1
        # required municipalities need someone to speak for them (GEN-1): an NGO seat
        # covers any number, any other seat one (the staff seat is one of them)
        if organisations is None and rules.required_municipalities:
            free = [i for i in ngo if (r := room(i)) is None or r > 0]
            if free and not any(counts[i] for i in ngo):
                counts[free[0]] += 1
            while not any(counts[i] for i in ngo) and sum(counts) + 1 < len(
                rules.required_municipalities
            ):
                free = [i for i in range(len(groups)) if (r := room(i)) is None or r > 0]
                if not free:
                    break
                counts[free[0]] += 1
        # a chair and vice-chair need holders (FC-7)
        chair = rules.chair
        wanted = 0 if chair.mode is ChairMode.NONE else 1 + int(chair.vice_chair)
        order = [*ngo, *[i for i in range(len(groups)) if i not in ngo]]
        if organisations is not None:
            order = [i for i in range(len(groups)) if i not in ngo]
        while sum(counts) < wanted:
            free = [i for i in order if (r := room(i)) is None or r > 0]
            if not free:
                raise GenerateError("the seat groups leave no room for a chair and vice-chair")
            counts[free[0]] += 1
        return counts

    @staticmethod
    def _seatable(
        organisations: int,
        room: Callable[[int], int | None],
        ngo: Sequence[int],
        per_seat: int,
        counts: Sequence[int],
    ) -> str:
        low = per_seat * sum(counts[i] for i in ngo)
        return (
            f"this rule set cannot seat {organisations} organisations: it seats at least"
            f" {low}, in steps of {per_seat}, up to what its seat groups allow"
        )

    def _fit_size(self, counts: list[int], room: Callable[[int], int | None]) -> None:
        """Move the filled size into the recommendation (`KU-12`) where ranges allow."""
        rec = self.rules.recommended_size
        groups = self.rules.seat_groups
        if rec is None:
            return
        while sum(counts) > (rec.max if rec.max is not None else sum(counts)):
            down = [i for i, g in enumerate(groups) if counts[i] > g.seats.min]
            if not down:
                return
            counts[down[-1]] -= 1
        while sum(counts) < rec.min:
            up = [i for i in range(len(groups)) if (r := room(i)) is None or r > 0]
            if not up:
                return
            counts[up[0]] += 1

    # ---- the composition
    def build(self, organisations: int | None, as_of: date) -> Composition:
        rules, rng = self.rules, self.rng
        counts = self.counts(organisations)
        mode = rules.deputies.mode
        orgs: list[Organisation] = []
        seats: list[Seat] = []
        mixes = rules.pairs.mixes if rules.pairs is not None else ()
        for g, n in zip(rules.seat_groups, counts, strict=True):
            roles: list[Role | None] = [None] * n
            if g.source is SeatSource.NETWORK and mixes and n == 2 and g.role is None:
                mix = list(rng.choice(mixes))  # KU-7: a work pair of a wanted mix
                rng.shuffle(mix)
                roles = list(mix)
            group_deputies: list[Seat] = []
            for j in range(1, n + 1):
                seat, org = self.member(g, j, roles[j - 1])
                seats.append(seat)
                if org is None:
                    continue
                orgs.append(org)
                if mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):  # FC-8, FC-9, FC-10
                    d, d_org = self.deputy(g, j, seat)
                    seats.append(d)
                    orgs.append(d_org)
                elif mode is DeputyMode.ORDERED:
                    d, d_org = self.deputy(g, j, None, order=j)
                    group_deputies.append(d)
                    orgs.append(d_org)
            seats.extend(group_deputies)
        seats.append(self.staff())
        seats = self.place_chair(seats)
        comp = Composition(
            name=f"Example composition of the {self.source_rules.name} (fictional)",
            as_of=as_of,
            organisations=tuple(orgs),
            seats=tuple(seats),
        )
        return _ensure_diversity(rules, comp, rng)

    def staff(self) -> Seat:
        """The secretary (`WS-8`; `KU-6` the umbrella association) or coordinator (`OF-5`)."""
        if self.rules.chair.mode is ChairMode.NONE:
            return Seat(
                id=self.seat_id("coordinator"),
                kind=SeatKind.STAFF,
                person=self.person(Role.WELLBEING_AREA_OFFICIAL),
                functions=frozenset({Function.COORDINATOR}),
            )
        if self.council:
            return Seat(
                id=self.seat_id("secretary"),
                kind=SeatKind.STAFF,
                person=self.person(Role.NGO_EMPLOYEE),
                functions=frozenset({Function.SECRETARY, Function.CONVENER}),
            )
        return Seat(
            id=self.seat_id("secretary"),
            kind=SeatKind.STAFF,
            person=self.person(Role.WELLBEING_AREA_OFFICIAL),
            functions=frozenset({Function.SECRETARY}),
        )

    def place_chair(self, seats: list[Seat]) -> list[Seat]:
        """Chair and vice-chair on distinct seats, NGO members first (`FC-7`)."""
        chair = self.rules.chair
        if chair.mode is ChairMode.NONE:
            return seats
        wanted = [Function.CHAIR] + ([Function.VICE_CHAIR] if chair.vice_chair else [])
        ngo = [i for i, s in enumerate(seats) if s.kind is SeatKind.MEMBER and s.organisation]
        other = [
            i
            for i, s in enumerate(seats)
            if i not in ngo and s.kind not in (SeatKind.DEPUTY, SeatKind.STAFF)
        ]
        staff = [i for i, s in enumerate(seats) if s.kind is SeatKind.STAFF]
        picked = self.rng.sample(ngo, min(len(ngo), len(wanted)))
        for tier in (other, staff):
            if len(picked) < len(wanted):
                picked += self.rng.sample(tier, min(len(tier), len(wanted) - len(picked)))
        if len(picked) < len(wanted):
            raise GenerateError("no seat can hold the chair and vice-chair (FC-7)")
        out = list(seats)
        for i, f in zip(picked, wanted, strict=True):
            out[i] = attrs.evolve(out[i], functions=out[i].functions | {f})
        return out


# ------------------------------------------------------------------ breaking
class _Room:
    """What a rule set gives room for, before any composition: the facts the breakers'
    ``room`` tests read."""

    def __init__(self, rules: GeneralRuleSet) -> None:
        self.rules = rules
        self.groups = groups = rules.seat_groups
        self.mode = rules.deputies.mode
        self.pairs = rules.pairs
        self.ngo_min = any(
            g.source in _NGO_SOURCES
            and (
                g.seats.min >= 1
                or (g.source is SeatSource.OPEN and (g.seats.max is None or g.seats.max > 0))
            )
            for g in groups
        ) and (
            rules.cap is None
            or rules.cap > 0
            or any(
                g.source in _NGO_SOURCES and g.source is not SeatSource.OPEN and g.seats.min >= 1
                for g in groups
            )
        )
        self.cat_min = any(g.source is SeatSource.CATEGORY and g.seats.min >= 1 for g in groups)
        self.deputies = self.mode in _WITH_DEPUTIES

    def has(self, source: SeatSource) -> bool:
        """A group of ``source`` with at least one seat to fill."""
        return any(g.source is source and g.seats.min >= 1 for g in self.groups)


def _room_vacancy(r: _Room) -> bool:
    return any(
        g.seats.min >= 1
        and (
            g.source in (SeatSource.CATEGORY, SeatSource.OPEN, SeatSource.SECTOR)
            or (g.source is SeatSource.NETWORK and r.pairs is None)
        )
        for g in r.groups
    )


def _room_over_quota(r: _Room) -> bool:
    cap = r.rules.cap
    return any(
        g.source is not SeatSource.COMMITTEE
        and g.seats.max is not None
        and not (g.source is SeatSource.OPEN and cap is not None and g.seats.max >= cap)
        for g in r.groups
    )


def _room_committee(r: _Room) -> bool:
    return any(
        g.source is SeatSource.COMMITTEE and (g.seats.min >= 1 or g.seats.max is not None)
        for g in r.groups
    )


def _room_over_cap(r: _Room) -> bool:
    cap = r.rules.cap
    return cap is not None and any(
        g.source is SeatSource.OPEN and (g.seats.max is None or g.seats.max >= cap)
        for g in r.groups
    )


def _room_pair_mix(r: _Room) -> bool:
    return (
        r.pairs is not None
        and bool(r.pairs.mixes)
        and any(
            g.source is SeatSource.NETWORK
            and g.role is None
            and g.seats.min <= 2
            and (g.seats.max is None or g.seats.max >= 2)
            for g in r.groups
        )
    )


def _can_break(rules: GeneralRuleSet, code: str) -> bool:
    """Whether the rule set gives room to break ``code`` (before any composition)."""
    return _BREAKER_OF[code].room(_Room(rules))


def _resolve(rules: RuleSet, broken: str) -> tuple[str, tuple[str, ...]]:
    """The rule id and the codes to try for ``broken`` (a rule id or a code)."""
    key = broken.strip().upper()
    if key in BROKEN_RULES:
        if rules.kind not in _APPLIES[key]:
            raise GenerateError(
                f"rule {key} does not apply to rule sets of kind {rules.kind}; rules that do:"
                f" {', '.join(r for r, kinds in _APPLIES.items() if rules.kind in kinds)}"
            )
        return key, BROKEN_RULES[key]
    owners = [r for r, codes in BROKEN_RULES.items() if key in codes]
    if not owners:
        known = ", ".join(BROKEN_RULES)
        raise GenerateError(f"cannot break {broken!r}: give one of {known} or one of their codes")
    for rule in owners:
        if rules.kind in _APPLIES[rule]:
            return rule, (key,)
    raise GenerateError(
        f"code {key} ({', '.join(owners)}) does not apply to rule sets of kind {rules.kind}"
    )


def breakable(rules_or_preset: RuleSet | str) -> tuple[str, ...]:
    """The finding codes :func:`generate` can break for this rule set, sorted.

    Accepts a rule set or a preset name. Pass any of them as ``broken=``.

    >>> breakable("keski-uusimaa")
    ('JY210', 'JY213', 'JY214', 'JY216', 'JY217', 'JY221', 'JY223', 'JY225')
    """
    rules = _rules(rules_or_preset)[0]
    general = rules.as_general()
    out = {
        code
        for rule, codes in BROKEN_RULES.items()
        if rules.kind in _APPLIES[rule]
        for code in codes
        if _can_break(general, code)
    }
    return tuple(sorted(out))


class _Breaker:
    """Yields candidate compositions with one rule broken; :func:`generate` keeps the
    first one that ``validate`` confirms."""

    def __init__(self, builder: _Builder, comp: Composition) -> None:
        self.b = builder
        self.rules = builder.rules
        self.comp = comp
        self.rng = builder.rng
        self.groups = {g.id: g for g in self.rules.seat_groups}

    # ---- small tools
    def shuffled(self, items: Sequence[Seat]) -> list[Seat]:
        out = list(items)
        self.rng.shuffle(out)
        return out[:6]

    def filled(self, g: SeatGroup) -> list[Seat]:
        kind = _KIND_OF_SOURCE[g.source]
        return [s for s in self.comp.seats if s.group == g.id and s.kind is kind and not s.vacant]

    def deputies_of(self, seat_id: str) -> list[Seat]:
        return [s for s in self.comp.seats if s.kind is SeatKind.DEPUTY and s.deputy_of == seat_id]

    def without(
        self, comp: Composition, remove: set[str], vacate: frozenset[str] = frozenset()
    ) -> Composition:
        """``comp`` without the ``remove`` seats and with the ``vacate`` seats emptied;
        their functions move to a remaining holder, and diversity is restored."""
        gone = remove | vacate
        moved: frozenset[Function] = frozenset().union(
            *(s.functions for s in comp.seats if s.id in gone)
        )
        keep: list[Seat] = []
        for s in comp.seats:
            if s.id in remove:
                continue
            if s.id in vacate:
                s = attrs.evolve(
                    s, organisation=None, person=None, functions=frozenset(), nominated_by=None
                )
            keep.append(s)
        for f in sorted(moved, key=lambda f: f.value):
            takers = [
                i
                for i, s in enumerate(keep)
                if s.kind not in (SeatKind.DEPUTY, SeatKind.STAFF)
                and not s.vacant
                and not s.functions & {Function.CHAIR, Function.VICE_CHAIR}
            ]
            staff = [i for i, s in enumerate(keep) if s.kind is SeatKind.STAFF]
            if f in (Function.SECRETARY, Function.COORDINATOR, Function.CONVENER):
                takers = staff or takers
            elif not takers:  # a small body: the secretary's seat takes the function
                takers = [i for i in staff if not keep[i].functions & {Function.CHAIR, f}]
            if takers:
                i = takers[0]
                keep[i] = attrs.evolve(keep[i], functions=keep[i].functions | {f})
        return self.repair(attrs.evolve(comp, seats=tuple(keep)))

    def repair(self, comp: Composition) -> Composition:
        """Restore diversity after organisations left; unrepairable: ``validate`` rejects it."""
        comp = _prune(comp)
        try:
            return _ensure_diversity(self.rules, comp, self.rng)
        except GenerateError:
            return comp

    def add(self, comp: Composition, g: SeatGroup, n: int) -> Composition:
        """``n`` more holders in group ``g``, with deputies where the policy wants them."""
        orgs = list(comp.organisations)
        seats = list(comp.seats)
        start = len(self.filled(g)) + 1
        for j in range(start, start + n):
            seat, org = self.b.member(g, j)
            seats.append(seat)
            if org is None:
                continue
            orgs.append(org)
            if self.rules.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):
                d, d_org = self.b.deputy(g, j, seat)
                seats.append(d)
                orgs.append(d_org)
        return attrs.evolve(comp, organisations=tuple(orgs), seats=tuple(seats))

    def outside_categories(self, g: SeatGroup) -> frozenset[str]:
        pool = [c for c in self.b.codes if c not in g.eligible_categories]
        return frozenset({self.rng.choice(pool) if pool else "culture-and-sports"})

    # ---- one generator per code (see _BREAKERS)
    def outside_category(self) -> Iterator[Composition]:  # FC-4
        orgs = {o.id: o for o in self.comp.organisations}
        for g in self.rules.seat_groups:
            if g.source is SeatSource.CATEGORY:
                for s in self.shuffled(self.filled(g)):
                    o = orgs[s.organisation or ""]
                    new = attrs.evolve(o, categories=self.outside_categories(g))
                    yield _replace_orgs(self.comp, {o.id: new})

    def vacancy(self) -> Iterator[Composition]:  # FC-5 vacancy
        for g in self.rules.seat_groups:
            filled = self.filled(g)
            drop = len(filled) - g.seats.min + 1
            vacancy_group = g.source in (
                SeatSource.CATEGORY,
                SeatSource.OPEN,
                SeatSource.SECTOR,
            ) or (g.source is SeatSource.NETWORK and self.rules.pairs is None)
            if not vacancy_group or g.seats.min < 1 or drop < 1:
                continue
            plain = [s for s in filled if not s.functions]
            self.rng.shuffle(plain)
            chosen = (plain + [s for s in filled if s.functions])[:drop]
            gone = {d.id for s in chosen for d in self.deputies_of(s.id)}
            yield self.without(self.comp, gone, frozenset(s.id for s in chosen))

    def over_quota(self) -> Iterator[Composition]:  # FC-5 over the quota
        for g in self.rules.seat_groups:
            if g.source is SeatSource.COMMITTEE or g.seats.max is None:
                continue
            extra = g.seats.max - len(self.filled(g)) + 1
            yield self.repair(self.add(self.comp, g, extra))

    def committee_count(self) -> Iterator[Composition]:  # FC-6, OF-7
        for g in self.rules.seat_groups:
            if g.source is not SeatSource.COMMITTEE:
                continue
            filled = self.filled(g)
            if g.seats.min >= 1:
                yield self.without(self.comp, {s.id for s in filled})
            if g.seats.max is not None:
                yield self.add(self.comp, g, g.seats.max - len(filled) + 1)

    def no_chair(self) -> Iterator[Composition]:  # FC-7
        for s in self.comp.seats:
            if Function.CHAIR in s.functions:
                yield _replace_seats(
                    self.comp, {s.id: attrs.evolve(s, functions=s.functions - {Function.CHAIR})}
                )

    def extra_chair(self) -> Iterator[Composition]:  # OF-5
        holders = [s for s in self.comp.seats if s.kind is not SeatKind.DEPUTY and not s.vacant]
        for s in self.shuffled(holders):
            yield _replace_seats(
                self.comp, {s.id: attrs.evolve(s, functions=s.functions | {Function.CHAIR})}
            )

    def over_cap(self) -> Iterator[Composition]:  # OF-3
        groups, cap = self.rules.seat_groups, self.rules.cap
        n = sum(len(self.filled(g)) for g in groups if g.source is SeatSource.OPEN)
        for g in groups:
            if g.source is SeatSource.OPEN and cap is not None:
                yield self.repair(self.add(self.comp, g, cap - n + 1))

    def incomplete_pair(self) -> Iterator[Composition]:  # KU-7 incomplete pair
        for g in self.rules.seat_groups:
            filled = self.filled(g)
            keep_n = g.seats.min - 1
            if keep_n == 2:  # two left would be judged as a pair (JY225): keep one
                keep_n = 1
            drop = len(filled) - keep_n
            if g.source is SeatSource.NETWORK and g.seats.min >= 1 and drop >= 1:
                chosen = self.rng.sample(filled, min(drop, len(filled)))
                gone = {d.id for s in chosen for d in self.deputies_of(s.id)}
                yield self.without(self.comp, gone | {s.id for s in chosen})

    def no_official(self) -> Iterator[Composition]:  # KU-4
        for g in self.rules.seat_groups:
            if g.source is SeatSource.OFFICIAL and g.seats.min >= 1:
                yield self.without(self.comp, {s.id for s in self.filled(g)})

    def outside_network(self) -> Iterator[Composition]:  # KU-10
        groups = self.rules.seat_groups
        orgs = {o.id: o for o in self.comp.organisations}
        for g in groups:
            if g.source is not SeatSource.NETWORK:
                continue
            others = sorted({x.network for x in groups if x.network and x.network != g.network})
            for s in self.shuffled(self.filled(g)):
                o = orgs[s.organisation or ""]
                nets = frozenset({self.rng.choice(others)}) if others else frozenset()
                yield _replace_orgs(self.comp, {o.id: attrs.evolve(o, networks=nets)})

    def council_group(self) -> Iterator[Composition]:  # WS-1
        comp = self.comp
        holders = [s for s in comp.seats if s.kind is SeatKind.MEMBER] or list(comp.seats)
        for s in self.shuffled(holders):
            yield _replace_seats(comp, {s.id: attrs.evolve(s, nominated_by="council group")})

    def no_volunteer_run(self) -> Iterator[Composition]:  # WS-7 volunteer-run
        seated = _seated(self.comp)
        yield _replace_orgs(self.comp, {o.id: attrs.evolve(o, volunteer_run=False) for o in seated})

    def no_language(self) -> Iterator[Composition]:  # WS-7 language
        wanted = sorted(self.rules.diversity.languages)
        for lang in self.rng.sample(wanted, len(wanted)):
            spare = [x for x in ("fi", "sv", "en", "ru", "et") if x not in wanted]
            fallback = spare[0] if spare else "fi"
            changed = {}
            for o in _seated(self.comp):
                if lang in o.languages:
                    langs = (o.languages - {lang}) or frozenset({fallback})
                    changed[o.id] = attrs.evolve(o, languages=langs)
            yield _replace_orgs(self.comp, changed)

    def deputy_outside_category(self) -> Iterator[Composition]:  # FC-10
        return self.deputy_candidates(JY204)

    def deputy_of_member_org(self) -> Iterator[Composition]:  # FC-9
        return self.deputy_candidates(JY205)

    def second_deputy(self) -> Iterator[Composition]:  # FC-8
        return self.deputy_candidates(JY207)

    def missing_deputy(self) -> Iterator[Composition]:  # FC-8
        return self.deputy_candidates(JY208)

    def deputy_candidates(self, code: Code) -> Iterator[Composition]:
        comp = self.comp
        orgs = {o.id: o for o in comp.organisations}
        members = {s.id: s for s in comp.seats if s.kind is SeatKind.MEMBER}
        deputies = [s for s in comp.seats if s.kind is SeatKind.DEPUTY and not s.vacant]
        ordered = self.rules.deputies.mode is DeputyMode.ORDERED
        for d in self.shuffled(deputies):
            g = self.groups.get(d.group or "")
            if g is None:
                continue
            member = members.get(d.deputy_of or "")
            if code is JY204 and g.source is SeatSource.CATEGORY:  # FC-10
                o = orgs[d.organisation or ""]
                new = attrs.evolve(o, categories=self.outside_categories(g))
                yield _replace_orgs(comp, {o.id: new})
            elif code is JY205:  # FC-9
                if member is None:  # ordered: a member of the same group
                    same = [s for s in self.filled(g) if s.organisation]
                    member = same[0] if same else None
                if member is not None and member.organisation:
                    new_d = attrs.evolve(d, organisation=member.organisation)
                    yield self.repair(_replace_seats(comp, {d.id: new_d}))
            elif code is JY207:  # FC-8
                if ordered:
                    n = sum(1 for x in deputies if x.group == d.group)
                    yield _replace_seats(comp, {d.id: attrs.evolve(d, order=n + 1)})
                elif self.rules.deputies.mode is DeputyMode.OPTIONAL:
                    # an optional deputy may be missing, so tie this one to a non-member
                    others = [s.id for s in comp.seats if s.kind is not SeatKind.MEMBER]
                    tied = attrs.evolve(d, deputy_of=others[0] if others else "no-such-seat")
                    yield _replace_seats(comp, {d.id: tied})
                elif member is not None:
                    n = sum(1 for x in deputies if x.group == d.group)
                    extra, extra_org = self.b.deputy(g, n + 1, member)
                    yield attrs.evolve(
                        comp,
                        organisations=(*comp.organisations, extra_org),
                        seats=(*comp.seats, extra),
                    )
            elif code is JY208 and member is not None and not ordered:
                yield self.without(comp, {d.id})

    def pair_candidates(self) -> Iterator[Composition]:
        pairs = self.rules.pairs
        if pairs is None or not pairs.mixes:
            return
        mixes = [Counter(m) for m in pairs.mixes]
        for g in self.rules.seat_groups:
            filled = self.filled(g)
            if g.source is not SeatSource.NETWORK or g.role is not None or len(filled) != 2:
                continue
            for s in self.shuffled(filled):
                other = next(x for x in filled if x.id != s.id)
                if other.person is None or s.person is None:
                    continue
                for role in _NGO_ROLES:
                    if Counter((other.person.role, role)) not in mixes:
                        new = attrs.evolve(s, person=attrs.evolve(s.person, role=role))
                        yield _replace_seats(self.comp, {s.id: new})
                        break


@attrs.frozen
class _Break:
    """How :func:`generate` breaks one code: whether a rule set gives ``room`` for it,
    and the ``candidates`` (compositions with it broken) that ``validate`` confirms."""

    room: Callable[[_Room], bool]
    candidates: Callable[[_Breaker], Iterator[Composition]]


#: One entry per code tagged ``breakable``.
_BREAKERS: Final[Mapping[Code, _Break]] = {
    JY201: _Break(_room_vacancy, _Breaker.vacancy),
    JY202: _Break(_room_over_quota, _Breaker.over_quota),
    JY203: _Break(lambda r: r.cat_min, _Breaker.outside_category),
    JY204: _Break(lambda r: r.deputies and r.cat_min, _Breaker.deputy_outside_category),
    JY205: _Break(lambda r: r.deputies and r.ngo_min, _Breaker.deputy_of_member_org),
    JY207: _Break(lambda r: r.deputies and r.ngo_min, _Breaker.second_deputy),
    JY208: _Break(
        lambda r: r.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL) and r.ngo_min,
        _Breaker.missing_deputy,
    ),
    JY209: _Break(_room_committee, _Breaker.committee_count),
    JY210: _Break(lambda r: r.rules.chair.mode is not ChairMode.NONE, _Breaker.no_chair),
    JY211: _Break(lambda r: r.rules.chair.mode is ChairMode.NONE, _Breaker.extra_chair),
    JY212: _Break(_room_over_cap, _Breaker.over_cap),
    JY213: _Break(
        lambda r: r.pairs is not None and r.has(SeatSource.NETWORK), _Breaker.incomplete_pair
    ),
    JY214: _Break(lambda r: r.has(SeatSource.OFFICIAL), _Breaker.no_official),
    JY216: _Break(
        lambda r: r.rules.diversity.volunteer_run and r.ngo_min, _Breaker.no_volunteer_run
    ),
    JY217: _Break(lambda r: bool(r.rules.diversity.languages) and r.ngo_min, _Breaker.no_language),
    JY221: _Break(
        lambda r: r.rules.selection.party_political_ties is PartyTies.FORBIDDEN,
        _Breaker.council_group,
    ),
    JY223: _Break(lambda r: r.has(SeatSource.NETWORK), _Breaker.outside_network),
    JY225: _Break(_room_pair_mix, _Breaker.pair_candidates),
}
_BREAKER_OF: Final[Mapping[str, _Break]] = {c.code: b for c, b in _BREAKERS.items()}


def _confirm(rules: RuleSet, comp: Composition, code: str) -> Finding | None:
    """The finding for ``code`` when it is the only error ``validate`` reports."""
    report = validate(rules, comp)
    hits = [f for f in report if f.code == code and f.severity in (_E, _W)]
    if not hits or any(f.severity is _E and f.code != code for f in report):
        return None
    return hits[0]


# ------------------------------------------------------------------ registrations
def _registrations(
    builder: _Builder, comp: Composition, count: int, infeasible: bool
) -> tuple[GeneratedRegistration, ...]:
    rules, rng = builder.rules, builder.rng
    orgs = {o.id: o for o in comp.organisations}
    ngo_groups = [g for g in rules.seat_groups if g.source in _NGO_SOURCES]
    if not ngo_groups:
        raise GenerateError("the rule set has no NGO seat group to register for")
    seated = [
        (orgs[s.organisation], s.group or "")
        for s in comp.seats
        if s.organisation in orgs and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    ]
    if count < len(seated):
        raise GenerateError(
            f"{count} registrations are fewer than the {len(seated)} seated organisations,"
            " which all registered"
        )
    extra = count - len(seated)
    bad = max(1, extra // 4) if infeasible else 0
    if bad > extra:
        raise GenerateError("infeasible registrations need more registrations than seats")

    groups = {g.id: g for g in rules.seat_groups}
    people = {
        s.organisation: s.person
        for s in comp.seats
        if s.organisation is not None and s.person is not None
    }
    volunteer = Person(role=Role.VOLUNTEER)

    def registration(o: Organisation, group: str) -> Registration:
        town = sorted(o.municipalities)[0] if o.municipalities else "the area"
        source = groups[group].source if group in groups else SeatSource.OPEN
        return Registration(
            organisation=o,
            member=people.get(o.id, volunteer),
            deputy=volunteer,
            # a category or network is applied for by name; an open group takes any NGO
            categories=frozenset({group}) if source is not SeatSource.OPEN else frozenset(),
            link_description=rng.choice(_LINKS).format(municipality=town),
        )

    out = [
        GeneratedRegistration(registration=registration(o, g), group=g, seated=True)
        for o, g in seated
    ]
    for k in range(extra):
        g = rng.choice(ngo_groups)
        eligible = k < extra - bad
        o = builder.new_org(g, eligible=eligible)
        problem = ""
        if not eligible:
            problem = {
                SeatSource.CATEGORY: "category",
                SeatSource.NETWORK: "network",
                SeatSource.OPEN: "area",
            }[g.source]
        out.append(
            GeneratedRegistration(
                registration=registration(o, g.id),
                group=g.id,
                eligible=eligible,
                problem=problem,
            )
        )
    return tuple(out)


# ------------------------------------------------------------------ the verb
def _rules(rules_or_preset: RuleSet | str) -> tuple[RuleSet, str]:
    if isinstance(rules_or_preset, str):
        return load_preset(rules_or_preset), resolve_preset(rules_or_preset).name
    return rules_or_preset, rules_or_preset.name


def generate(
    rules_or_preset: RuleSet | str,
    *,
    seed: int,
    organisations: int | None = None,
    multi_sector_share: float = 0.15,
    volunteer_share: float = 0.35,
    swedish_share: float = 0.1,
    names: bool = False,
    registrations: int = 0,
    infeasible: bool = False,
    broken: str | None = None,
    as_of: date = date(2025, 6, 1),
    rotation_years: int = 0,
    calendar_year: int | None = None,
) -> Example:
    """A complete fictional example for a rule set or a preset name, from ``seed``.

    * ``organisations``: how many organisations hold a seat (members and deputies);
      default: what the rule set needs, with open ranges drawn from the seed. Raises
      :class:`GenerateError` when the rule set cannot seat that many.
    * ``multi_sector_share``, ``volunteer_share``, ``swedish_share``: the share of
      organisations in several categories (`WS-7`), run by volunteers (`WS-7`), and
      working in Swedish. The diversity wishes of the rule set are met whatever the
      shares (one volunteer-run and one Swedish-speaking organisation at least).
    * ``names``: give people clearly fictional names ("Aino Esimerkki (fictional)");
      by default people are described by role only. Contact details never.
    * ``registrations``: that many registrations (every seated organisation, then
      unseated ones); ``infeasible`` makes a quarter of the unseated ones (at least
      one) ineligible on purpose.
    * ``broken``: a rule id or code of :data:`BROKEN_RULES` to break (see the table in
      the module docstring).
    * ``as_of``: the composition's date; ``rotation_years``: add a rotation plan over
      so many years from ``as_of`` (`FC-13`, `KU-5`); ``calendar_year``: add that
      year's meeting dates (`FC-11`).

    >>> ex = generate("keski-uusimaa", seed=1)
    >>> [s.person.role.value for s in ex.composition.seats if s.group == "older-people"]
    ['volunteer', 'federation_representative']
    >>> generate("keski-uusimaa", seed=1) == ex
    True
    >>> ex.composition.organisations[0].name
    'Nurmijärven Lapsiperheyhdistys ry'
    """
    rules, label = _rules(rules_or_preset)
    if organisations is not None and organisations < 0:
        raise GenerateError(f"organisations must not be negative, not {organisations}")
    rng = random.Random(seed)
    builder = _Builder(
        rules,
        rng,
        multi_sector_share=_share(multi_sector_share, "multi_sector_share"),
        volunteer_share=_share(volunteer_share, "volunteer_share"),
        swedish_share=_share(swedish_share, "swedish_share"),
        names=names,
    )
    comp = builder.build(organisations, as_of)
    broken_rule: str | None = None
    code: str | None = None
    severity: Severity | None = None
    if broken is not None:
        broken_rule, codes = _resolve(rules, broken)
        for candidate_code in codes:
            if not _can_break(builder.rules, candidate_code):
                continue
            for candidate in _BREAKER_OF[candidate_code].candidates(_Breaker(builder, comp)):
                hit = _confirm(rules, candidate, candidate_code)
                if hit is not None:
                    comp, code, severity = candidate, candidate_code, hit.severity
                    break
            if code is not None:
                break
        if code is None:
            raise GenerateError(
                f"cannot break {broken} in the rule set {rules.name!r}: it gives no room for"
                f" it ({', '.join(codes)}); see breakable()"
            )
    regs = _registrations(builder, comp, registrations, infeasible) if registrations else ()
    plan: RotationPlan | None = None
    if rotation_years:
        try:
            plan = rotation_plan(rules, comp, start=as_of, years=rotation_years)
        except RotationError as exc:
            raise GenerateError(f"no rotation plan: {exc}") from exc
    meetings: tuple[datetime, ...] | None = None
    if calendar_year is not None:
        try:
            meetings = meeting_dates(rules.meetings, calendar_year)
        except MeetingError as exc:
            raise GenerateError(f"no meeting calendar: {exc}") from exc
    return Example(
        rules=label,
        composition=comp,
        registrations=regs,
        plan=plan,
        meetings=meetings,
        broken_rule=broken_rule,
        expected_code=code,
        expected_severity=severity,
    )


def to_registrations(example: Example) -> Registrations:
    """The example's registrations as a :class:`~jarjestoyhteistyo.selection.Registrations`
    document, the file format that ``jarjestoyhteistyo select`` reads (`FC-3`, `OF-3`).

    Seated organisations propose the people of their seats; the others a volunteer.
    Ineligible registrations apply for their group all the same, so selection reports
    them.

    >>> ex = generate("vantaa-kerava-formal", seed=1, registrations=40)
    >>> doc = to_registrations(ex)
    >>> len(doc.registrations)
    40
    """
    return Registrations(
        name=f"Fictional registrations for {example.rules}",
        registrations=tuple(g.registration for g in example.registrations),
    )
