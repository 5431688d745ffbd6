"""The broken rules of :func:`~jarjestoyhteistyo.fictional.generate.generate`: one breaker per code.

A code tagged ``breakable`` in the catalogue has one entry in :data:`_BREAKERS`: a
``room`` test (whether a rule set gives room to break it, before any composition)
and a generator of ``candidates``, compositions with it broken. :func:`break_rule`
keeps the first candidate that
:func:`~jarjestoyhteistyo.rules.validation.validate` confirms: the code reported and
no other error. :data:`BROKEN_RULES` lists the rule ids and their codes.

>>> BROKEN_RULES["FC-9"]
('JY205',)
>>> breakable("keski-uusimaa")
('JY202', 'JY213', 'JY214', 'JY223', 'JY225')
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Final

import attrs

from jarjestoyhteistyo.catalogue import CATALOGUE
from jarjestoyhteistyo.codes import BREAKABLE, Code
from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.fictional.furnish import PRH_CODES
from jarjestoyhteistyo.findings import Finding, Severity, rule_order
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Composition, Function, Seat, SeatKind
from jarjestoyhteistyo.model.planner import (
    KIND_OF_SOURCE,
    NGO_ROLES,
    NGO_SOURCES,
    Planner,
    ensure_diversity,
    replace_orgs,
    replace_seats,
    seated,
)
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    ChairMode,
    DeputyMode,
    GeneralRuleSet,
    PartyTies,
    RuleSet,
    SeatGroup,
    SeatSource,
)
from jarjestoyhteistyo.presets import load_preset, resolve_preset
from jarjestoyhteistyo.rules.chair import JY210, JY211, JY228
from jarjestoyhteistyo.rules.deputies import JY204, JY205, JY207, JY208
from jarjestoyhteistyo.rules.diversity import JY216, JY217
from jarjestoyhteistyo.rules.forum import JY212
from jarjestoyhteistyo.rules.politics import JY221
from jarjestoyhteistyo.rules.seats import JY201, JY202, JY203, JY209, JY213, JY214, JY223, JY225
from jarjestoyhteistyo.rules.validation import validate

__all__ = ["BROKEN_RULES", "break_rule", "breakable", "rules_of"]

_E, _W = Severity.ERROR, Severity.WARNING
_WITH_DEPUTIES = frozenset({DeputyMode.PERSONAL, DeputyMode.OPTIONAL, DeputyMode.ORDERED})

#: The codes :func:`generate` can break: those tagged ``breakable`` (each has an entry
#: in :data:`_BREAKERS` below).
_BREAKABLE: Final[tuple[Code, ...]] = tuple(c for c in CATALOGUE if BREAKABLE in c.tags)


def _rule_kinds(code: Code) -> dict[str, frozenset[str]]:
    """The rule ids ``code`` breaks, each with the rule-set kinds it breaks it in."""
    return code.rules_by_kind(frozenset(KINDS))


#: The rule-set kinds each rule applies to.
_APPLIES: Mapping[str, frozenset[str]] = {
    rule: frozenset().union(*(_rule_kinds(c).get(rule, frozenset()) for c in _BREAKABLE))
    for rule in sorted({r for c in _BREAKABLE for r in _rule_kinds(c)}, key=rule_order)
}

#: Rule ids that :func:`generate` can break, and the finding codes each gives (`JY2xx`);
#: made from the codes tagged ``breakable``.
BROKEN_RULES: Final[Mapping[str, tuple[str, ...]]] = {
    rule: tuple(c.code for c in _BREAKABLE if rule in _rule_kinds(c)) for rule in _APPLIES
}


def _prune(comp: Composition) -> Composition:
    """Drop organisations that no seat refers to."""
    used = {s.organisation for s in comp.seats}
    return attrs.evolve(comp, organisations=tuple(o for o in comp.organisations if o.id in used))


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
            g.source in NGO_SOURCES
            and (
                g.seats.min >= 1
                or (g.source is SeatSource.OPEN and (g.seats.max is None or g.seats.max > 0))
            )
            for g in groups
        ) and (
            rules.cap is None
            or rules.cap > 0
            or any(
                g.source in NGO_SOURCES and g.source is not SeatSource.OPEN and g.seats.min >= 1
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


def resolve_broken(rules: RuleSet, broken: str) -> tuple[str, tuple[str, ...]]:
    """The rule id and the codes to try for ``broken`` (a rule id or a code)."""
    key = broken.strip().upper()
    if key in BROKEN_RULES:
        if rules.kind not in _APPLIES[key]:
            raise GenerateError(
                Text(
                    "rule {rule} does not apply to rule sets of kind {kind}; rules that do:"
                    " {rules}",
                    rule=key,
                    kind=rules.kind,
                    rules=", ".join(r for r, kinds in _APPLIES.items() if rules.kind in kinds),
                )
            )
        return key, BROKEN_RULES[key]
    owners = [r for r, codes in BROKEN_RULES.items() if key in codes]
    if not owners:
        known = ", ".join(BROKEN_RULES)
        raise GenerateError(
            Text(
                "cannot break {broken!r}: give one of {known} or one of their codes",
                broken=broken,
                known=known,
            )
        )
    for rule in owners:
        if rules.kind in _APPLIES[rule]:
            return rule, (key,)
    raise GenerateError(
        Text(
            "code {code} ({rules}) does not apply to rule sets of kind {kind}",
            code=key,
            rules=", ".join(owners),
            kind=rules.kind,
        )
    )


def breakable(rules_or_preset: RuleSet | str) -> tuple[str, ...]:
    """The finding codes :func:`generate` can break for this rule set, sorted.

    Accepts a rule set or a preset name. Pass any of them as ``broken=``.

    >>> breakable("keski-uusimaa")
    ('JY202', 'JY213', 'JY214', 'JY223', 'JY225')
    """
    rules = rules_of(rules_or_preset)[0]
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

    def __init__(self, planner: Planner, rng: random.Random, comp: Composition) -> None:
        self.planner = planner
        self.rules = planner.rules
        self.comp = comp
        self.rng = rng
        self.codes = tuple(c.code for c in self.rules.categories) or PRH_CODES
        self.groups = {g.id: g for g in self.rules.seat_groups}

    # ---- small tools
    def shuffled(self, items: Sequence[Seat]) -> list[Seat]:
        out = list(items)
        self.rng.shuffle(out)
        return out[:6]

    def filled(self, g: SeatGroup) -> list[Seat]:
        kind = KIND_OF_SOURCE[g.source]
        return [s for s in self.comp.seats if s.group == g.id and s.kind is kind and not s.vacant]

    def deputies_of(self, seat_id: str) -> list[Seat]:
        return [s for s in self.comp.seats if s.kind is SeatKind.DEPUTY and s.deputy_of == seat_id]

    def without(
        self, comp: Composition, remove: set[str], vacate: frozenset[str] = frozenset()
    ) -> Composition:
        """``comp`` without the ``remove`` seats and with the ``vacate`` seats emptied;
        their functions move to a remaining holder, and diversity is restored."""
        gone = remove | vacate
        moved: frozenset[str] = frozenset().union(
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
        for f in sorted(moved):
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
            return ensure_diversity(self.rules, comp, self.planner.chooser)
        except GenerateError:
            return comp

    def add(self, comp: Composition, g: SeatGroup, n: int) -> Composition:
        """``n`` more holders in group ``g``, with deputies where the policy wants them."""
        orgs = list(comp.organisations)
        seats = list(comp.seats)
        start = len(self.filled(g)) + 1
        for j in range(start, start + n):
            seat, org = self.planner.member(g, j)
            seats.append(seat)
            if org is None:
                continue
            orgs.append(org)
            if self.rules.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):
                d, d_org = self.planner.deputy(g, j, seat)
                seats.append(d)
                if d_org is not None:
                    orgs.append(d_org)
        return attrs.evolve(comp, organisations=tuple(orgs), seats=tuple(seats))

    def outside_categories(self, g: SeatGroup) -> frozenset[str]:
        pool = [c for c in self.codes if c not in g.eligible_categories]
        return frozenset({self.rng.choice(pool) if pool else "culture-and-sports"})

    # ---- one generator per code (see _BREAKERS)
    def outside_category(self) -> Iterator[Composition]:  # FC-4
        orgs = {o.id: o for o in self.comp.organisations}
        for g in self.rules.seat_groups:
            if g.source is SeatSource.CATEGORY:
                for s in self.shuffled(self.filled(g)):
                    o = orgs[s.organisation or ""]
                    new = attrs.evolve(o, categories=self.outside_categories(g))
                    yield replace_orgs(self.comp, {o.id: new})

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
                yield replace_seats(
                    self.comp, {s.id: attrs.evolve(s, functions=s.functions - {Function.CHAIR})}
                )

    def chair_to_staff(self) -> Iterator[Composition]:  # GEN-3: not from among the members
        chairs = [s for s in self.comp.seats if Function.CHAIR in s.functions]
        staff = [s for s in self.comp.seats if s.kind is SeatKind.STAFF]
        for c in chairs:
            for t in staff:
                yield replace_seats(
                    self.comp,
                    {
                        c.id: attrs.evolve(c, functions=c.functions - {Function.CHAIR}),
                        t.id: attrs.evolve(t, functions=t.functions | {Function.CHAIR}),
                    },
                )

    def extra_chair(self) -> Iterator[Composition]:  # OF-5
        holders = [s for s in self.comp.seats if s.kind is not SeatKind.DEPUTY and not s.vacant]
        for s in self.shuffled(holders):
            yield replace_seats(
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
                yield replace_orgs(self.comp, {o.id: attrs.evolve(o, networks=nets)})

    def council_group(self) -> Iterator[Composition]:  # WS-1
        comp = self.comp
        holders = [s for s in comp.seats if s.kind is SeatKind.MEMBER] or list(comp.seats)
        for s in self.shuffled(holders):
            yield replace_seats(comp, {s.id: attrs.evolve(s, nominated_by="council group")})

    def no_volunteer_run(self) -> Iterator[Composition]:  # WS-7 volunteer-run
        held = seated(self.comp)
        yield replace_orgs(self.comp, {o.id: attrs.evolve(o, volunteer_run=False) for o in held})

    def no_language(self) -> Iterator[Composition]:  # WS-7 language
        wanted = sorted(self.rules.diversity.languages)
        for lang in self.rng.sample(wanted, len(wanted)):
            spare = [x for x in ("fi", "sv", "en", "ru", "et") if x not in wanted]
            fallback = spare[0] if spare else "fi"
            changed = {}
            for o in seated(self.comp):
                if lang in o.languages:
                    langs = (o.languages - {lang}) or frozenset({fallback})
                    changed[o.id] = attrs.evolve(o, languages=langs)
            yield replace_orgs(self.comp, changed)

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
                yield replace_orgs(comp, {o.id: new})
            elif code is JY205:  # FC-9
                if member is None:  # ordered: a member of the same group
                    same = [s for s in self.filled(g) if s.organisation]
                    member = same[0] if same else None
                if member is not None and member.organisation:
                    new_d = attrs.evolve(d, organisation=member.organisation)
                    yield self.repair(replace_seats(comp, {d.id: new_d}))
            elif code is JY207:  # FC-8
                if ordered:
                    n = sum(1 for x in deputies if x.group == d.group)
                    yield replace_seats(comp, {d.id: attrs.evolve(d, order=n + 1)})
                elif self.rules.deputies.mode is DeputyMode.OPTIONAL:
                    # an optional deputy may be missing, so tie this one to a non-member
                    others = [s.id for s in comp.seats if s.kind is not SeatKind.MEMBER]
                    tied = attrs.evolve(d, deputy_of=others[0] if others else "no-such-seat")
                    yield replace_seats(comp, {d.id: tied})
                elif member is not None:
                    n = sum(1 for x in deputies if x.group == d.group)
                    extra, extra_org = self.planner.deputy(g, n + 1, member)
                    new_orgs = () if extra_org is None else (extra_org,)
                    yield attrs.evolve(
                        comp,
                        organisations=(*comp.organisations, *new_orgs),
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
                for role in NGO_ROLES:
                    if Counter((other.person.role, role)) not in mixes:
                        new = attrs.evolve(s, person=attrs.evolve(s.person, role=role))
                        yield replace_seats(self.comp, {s.id: new})
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
    JY210: _Break(
        lambda r: r.rules.chair is not None and r.rules.chair.mode is not ChairMode.NONE,
        _Breaker.no_chair,
    ),
    JY228: _Break(
        lambda r: (
            r.rules.chair is not None
            and r.rules.chair.mode is not ChairMode.NONE
            and r.rules.chair.from_members
        ),
        _Breaker.chair_to_staff,
    ),
    JY211: _Break(
        lambda r: r.rules.chair is not None and r.rules.chair.mode is ChairMode.NONE,
        _Breaker.extra_chair,
    ),
    JY212: _Break(_room_over_cap, _Breaker.over_cap),
    JY213: _Break(
        lambda r: r.pairs is not None and r.has(SeatSource.NETWORK), _Breaker.incomplete_pair
    ),
    JY214: _Break(lambda r: r.has(SeatSource.OFFICIAL), _Breaker.no_official),
    JY216: _Break(
        lambda r: r.rules.diversity.wants_volunteer_run and r.ngo_min, _Breaker.no_volunteer_run
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


def rules_of(rules_or_preset: RuleSet | str) -> tuple[RuleSet, str]:
    """The rule set and its label (the preset name or the rule set's name)."""
    if isinstance(rules_or_preset, str):
        return load_preset(rules_or_preset), resolve_preset(rules_or_preset).name
    return rules_or_preset, rules_or_preset.name


def break_rule(
    planner: Planner, rng: random.Random, comp: Composition, codes: Sequence[str]
) -> tuple[Composition, str, Severity] | None:
    """``comp`` with the first of ``codes`` broken that ``validate`` confirms, the
    code and its severity; ``None`` when the rule set gives room for none."""
    rules = planner.source_rules
    for code in codes:
        if not _can_break(planner.rules, code):
            continue
        for candidate in _BREAKER_OF[code].candidates(_Breaker(planner, rng, comp)):
            hit = _confirm(rules, candidate, code)
            if hit is not None:
                return candidate, code, hit.severity
    return None
