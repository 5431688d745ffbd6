"""The one composition planner: which seats a rule set needs and who may hold them.

:class:`Planner` turns any rule set (through its general form, `FC-4` … `WS-8`) into a
valid :class:`~jarjestoyhteistyo.model.composition.Composition`: how many holders
each seat group gets (its range, the open-forum cap `OF-3`, the recommended size
`KU-12`, room for a chair `FC-7`, for the size classes `WS-4` and the required
municipalities), the members and their organisations, personal or ordered deputies
(`FC-8` … `FC-10`), work pairs of a wanted mix (`KU-7`), the secretary or
coordinator (`WS-8`, `OF-5`), the chair and vice-chair (`FC-7`), vacancies (`FC-5`,
a warning) and the diversity wishes (`WS-4`, `WS-7`).

It decides the structure; two small interfaces supply the rest:

* a :class:`Chooser` makes every choice (``integer``, ``choice``, ``sample``,
  ``shuffle``, ``chance``): :class:`RandomChooser` from a seeded ``random.Random``
  (:func:`jarjestoyhteistyo.fictional.generate.generate`), a Hypothesis chooser from
  ``data.draw`` (:mod:`jarjestoyhteistyo.fictional.strategies`) and
  :class:`FirstChooser` the first choice every time;
* a :class:`Furnisher` makes an organisation for a seat group and a person for a
  role (fictional names in ``generate``, drawn facts in the strategies, nothing
  more than a role in :func:`skeleton`).

The planner lives at the model level (it imports only the model and the errors) so
that ``analysis`` can use it as well as ``fictional``.

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> body = FormalCommittee(name="Example body", area="Example area")
>>> comp = Planner(body, FirstChooser(), RoleFurnisher()).build()
>>> len(comp.seats_of(SeatKind.MEMBER)), len(comp.seats_of(SeatKind.DEPUTY))
(16, 16)
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Final, Protocol, TypeVar

import attrs

from jarjestoyhteistyo.errors import GenerateError, JarjestoError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.bounds import MAX_COUNT
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
    ChairMode,
    DeputyMode,
    GeneralRuleSet,
    Need,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import (
    KIND_OF_SOURCE,
    NGO_SOURCES,
    NOT_MEMBER_KINDS,
    deputy_mode_of,
)
from jarjestoyhteistyo.model.vocabulary import function_term

__all__ = [
    "KIND_OF_SOURCE",
    "NGO_ROLES",
    "NGO_SOURCES",
    "Chooser",
    "FirstChooser",
    "Furnisher",
    "Planner",
    "RandomChooser",
    "RoleFurnisher",
    "check_laid_out",
    "ensure_diversity",
    "laid_out_seats",
    "skeleton",
]

T = TypeVar("T")

_DEFAULT_ROLE: Final[Mapping[SeatSource, Role]] = {
    SeatSource.COMMITTEE: Role.ELECTED_MEMBER,
    SeatSource.OFFICIAL: Role.WELLBEING_AREA_OFFICIAL,
    SeatSource.EXPERT: Role.INVITED_EXPERT,
    SeatSource.SECTOR: Role.SECTOR_REPRESENTATIVE,
}
#: Roles of people who represent an NGO (`KU-7` work pairs mix these).
NGO_ROLES: Final[tuple[Role, ...]] = (
    Role.NGO_EMPLOYEE,
    Role.EXPERIENCE_EXPERT,
    Role.VOLUNTEER,
    Role.FEDERATION_REPRESENTATIVE,
)
_WITH_DEPUTIES = frozenset({DeputyMode.PERSONAL, DeputyMode.OPTIONAL, DeputyMode.ORDERED})
_PERSONAL = frozenset({DeputyMode.PERSONAL, DeputyMode.OPTIONAL})


# ------------------------------------------------------------------ the interfaces
class Chooser(Protocol):
    """Where the planner takes its choices from."""

    def integer(self, lo: int, hi: int) -> int:
        """An integer from ``lo`` to ``hi``, both included."""

    def choice(self, items: Sequence[T]) -> T:
        """One of ``items`` (not empty)."""

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        """``k`` distinct positions of ``items``, in the order chosen."""

    def shuffle(self, items: Sequence[T]) -> list[T]:
        """``items`` in a chosen order."""

    def chance(self, p: float) -> bool:
        """``True`` with probability ``p``."""


@attrs.frozen
class RandomChooser:
    """Choices from a seeded ``random.Random`` (never the global generator).

    >>> c = RandomChooser(random.Random(1))
    >>> c.integer(1, 6) == RandomChooser(random.Random(1)).integer(1, 6)
    True
    """

    rng: random.Random

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, items: Sequence[T]) -> T:
        return self.rng.choice(items)

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self.rng.sample(list(items), k)

    def shuffle(self, items: Sequence[T]) -> list[T]:
        out = list(items)
        self.rng.shuffle(out)
        return out

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


class FirstChooser:
    """The first choice every time: the lowest integer, the first item, no chance.

    >>> FirstChooser().integer(2, 5), FirstChooser().choice("ab"), FirstChooser().chance(0.9)
    (2, 'a', False)
    """

    def integer(self, lo: int, hi: int) -> int:
        return lo

    def choice(self, items: Sequence[T]) -> T:
        return items[0]

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return list(items[:k])

    def shuffle(self, items: Sequence[T]) -> list[T]:
        return list(items)

    def chance(self, p: float) -> bool:
        return False


class Furnisher(Protocol):
    """Makes the organisations and people the planner asks for."""

    def organisation(self, org_id: str, group: SeatGroup | None, eligible: bool) -> Organisation:
        """An organisation with id ``org_id`` for ``group`` (any NGO when ``None``);
        ``eligible=False``: one that group must not accept."""

    def person(self, role: Role, swedish: bool) -> Person:
        """A person in ``role`` (``swedish``: of a Swedish-speaking organisation)."""

    def municipality(self, j: int) -> str | None:
        """The municipality the ``j``-th municipal official speaks for."""


@attrs.frozen
class RoleFurnisher:
    """People by their role only and one organisation per need, of the group's
    first eligible category or its network, named by its id."""

    role: Role | None = None

    def organisation(self, org_id: str, group: SeatGroup | None, eligible: bool) -> Organisation:
        cats: frozenset[str] = frozenset()
        nets: frozenset[str] = frozenset()
        if group is not None and group.source is SeatSource.CATEGORY:
            cats = frozenset(sorted(group.eligible_categories)[:1])
        if group is not None and group.network is not None:
            nets = frozenset({group.network})
        return Organisation(id=org_id, name=org_id, categories=cats, networks=nets)

    def person(self, role: Role, swedish: bool) -> Person:
        return Person(role=self.role or role)

    def municipality(self, j: int) -> str | None:
        return None


# ------------------------------------------------------------------ small tools
def seated(comp: Composition) -> list[Organisation]:
    """Organisations in member or deputy seats, in the order of the organisations list."""
    ids = {
        s.organisation
        for s in comp.seats
        if s.organisation is not None and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    }
    return [o for o in comp.organisations if o.id in ids]


def replace_orgs(comp: Composition, changed: Mapping[str, Organisation]) -> Composition:
    """``comp`` with the organisations of ``changed`` replaced (by id)."""
    return attrs.evolve(comp, organisations=tuple(changed.get(o.id, o) for o in comp.organisations))


def replace_seats(comp: Composition, changed: Mapping[str, Seat]) -> Composition:
    """``comp`` with the seats of ``changed`` replaced (by id)."""
    return attrs.evolve(comp, seats=tuple(changed.get(s.id, s) for s in comp.seats))


def vacancy_group(rules: GeneralRuleSet, g: SeatGroup) -> bool:
    """Whether a seat of ``g`` may be left vacant with a warning only (`FC-5`): a
    ``wanted`` group (a ``required`` one errs, `GEN-5`) of a source whose vacancy is
    ``JY201``."""
    return g.need is Need.WANTED and (
        g.source in (SeatSource.CATEGORY, SeatSource.OPEN, SeatSource.SECTOR)
        or (g.source is SeatSource.NETWORK and rules.pairs is None)
    )


def ensure_diversity(rules: GeneralRuleSet, comp: Composition, chooser: Chooser) -> Composition:
    """Make the seated organisations meet the diversity wishes (`WS-4`, `WS-7`) and
    cover the required municipalities, changing as little as possible."""
    div = rules.diversity
    orgs = {o.id: o for o in seated(comp)}
    order = sorted(orgs)
    if order:
        if div.wants_volunteer_run and not any(o.volunteer_run for o in orgs.values()):
            pick = chooser.choice(order)
            orgs[pick] = attrs.evolve(orgs[pick], volunteer_run=True)
        for lang in sorted(div.languages):
            if not any(lang in o.languages for o in orgs.values()):
                pick = chooser.choice(order)
                orgs[pick] = attrs.evolve(
                    orgs[pick],
                    languages=orgs[pick].languages | {lang},
                    groups=orgs[pick].groups | {"multilingual"},
                )
        wanted = min(div.size_classes, len(SizeClass), len(order))
        sizes = Counter(o.size for o in orgs.values())
        missing = [s for s in SizeClass if s not in sizes]
        while len(sizes) < wanted and missing:
            shared = [i for i in order if sizes[orgs[i].size] > 1]
            if not shared:
                break
            pick = chooser.choice(shared)
            new = missing.pop(0)
            sizes[orgs[pick].size] -= 1
            sizes[new] += 1
            orgs[pick] = attrs.evolve(orgs[pick], size=new)
        comp = replace_orgs(comp, orgs)
    return _ensure_municipalities(rules, comp, chooser)


def _ensure_municipalities(
    rules: GeneralRuleSet, comp: Composition, chooser: Chooser
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
    seats: dict[str, Seat] = {}
    for m in sorted(rules.required_municipalities - seen):
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
            raise GenerateError(
                Text(
                    "no seat can represent the required municipality {municipality} (GEN-1)",
                    municipality=m,
                )
            )
        h = chooser.choice(takers)
        if h.organisation in orgs and not h.municipality:
            o = orgs[h.organisation or ""]
            orgs[o.id] = attrs.evolve(o, municipalities=o.municipalities | {m})
        else:
            seats[h.id] = attrs.evolve(h, municipality=m)
    return replace_seats(replace_orgs(comp, orgs), seats)


# ------------------------------------------------------------------ the planner
class Planner:
    """Plans one valid composition of ``rules`` from ``chooser`` and ``furnisher``.

    ``vacancies=True`` leaves some seats of vacancy groups empty (`FC-5`, a warning),
    never those the chair or the diversity need; ``every_deputy=False`` lets the
    chooser leave a member without a deputy where the policy allows it.
    """

    def __init__(
        self,
        rules: RuleSet,
        chooser: Chooser,
        furnisher: Furnisher,
        *,
        vacancies: bool = False,
        every_deputy: bool = True,
    ) -> None:
        self.source_rules = rules
        self.rules = rules.as_general()
        self.chooser = chooser
        self.furnisher = furnisher
        self.vacancies = vacancies
        self.every_deputy = every_deputy
        self.used_ids: set[str] = set()
        self.org_count = 0
        self.deputies = self.rules.deputies.mode in _WITH_DEPUTIES
        self.council = isinstance(rules, ThemeNetworkCouncil)

    # ---- ids, organisations and people
    def seat_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … when taken."""
        candidate, n = base, 1
        while candidate in self.used_ids:
            n += 1
            candidate = f"{base}-{n}"
        self.used_ids.add(candidate)
        return candidate

    def new_org(self, g: SeatGroup | None, *, eligible: bool = True) -> Organisation:
        """A new organisation for group ``g`` (any NGO when ``None``), id ``org-NN``."""
        self.org_count += 1
        org_id = f"org-{self.org_count:02d}"
        while org_id in self.used_ids:
            self.org_count += 1
            org_id = f"org-{self.org_count:02d}"
        self.used_ids.add(org_id)
        return self.furnisher.organisation(org_id, g, eligible)

    def ngo_role(self, org: Organisation) -> Role:
        """The role of an NGO's representative: volunteers for a volunteer-run one."""
        if org.volunteer_run:
            return self.chooser.choice((Role.VOLUNTEER, Role.EXPERIENCE_EXPERT))
        if org.umbrella:
            return self.chooser.choice((Role.NGO_EMPLOYEE, Role.FEDERATION_REPRESENTATIVE))
        return self.chooser.choice((Role.NGO_EMPLOYEE, Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT))

    # ---- seats
    def member(
        self, g: SeatGroup, j: int, role: Role | None = None
    ) -> tuple[Seat, Organisation | None]:
        """One filled seat of group ``g`` (and its organisation for an NGO group)."""
        kind = KIND_OF_SOURCE[g.source]
        ngo = g.source in NGO_SOURCES
        base = f"{g.id}-m{j}" if ngo or g.source is SeatSource.SECTOR else f"{g.id}-{j}"
        org: Organisation | None = None
        municipality: str | None = g.municipality  # a group for one municipality
        nominated: str | None = None
        if ngo:
            org = self.new_org(g)
            role = g.role or role or self.ngo_role(org)
            nominated = "theme network" if g.source is SeatSource.NETWORK else "registration"
        else:
            role = g.role or _DEFAULT_ROLE[g.source]
            if role is Role.MUNICIPAL_OFFICIAL and municipality is None:
                municipality = self.furnisher.municipality(j)
        seat = Seat(
            id=self.seat_id(base),
            kind=kind,
            group=g.id,
            organisation=None if org is None else org.id,
            person=self.furnisher.person(role, _swedish(org)),
            nominated_by=nominated,
            municipality=municipality,
        )
        return seat, org

    def deputy(
        self,
        g: SeatGroup,
        j: int,
        member: Seat | None,
        order: int | None = None,
        municipality: str | None = None,
    ) -> tuple[Seat, Organisation | None]:
        """A deputy for ``member`` (personal) or in the group's order (ordered): from
        another NGO in an NGO group (`FC-9`), a person of the group's role otherwise."""
        if g.source not in NGO_SOURCES:  # a sector, official or expert seat (GEN-4)
            role = g.role or _DEFAULT_ROLE[g.source]
            seat = Seat(
                id=self.seat_id(f"{g.id}-d{j}"),
                kind=SeatKind.DEPUTY,
                group=g.id,
                person=self.furnisher.person(role, False),
                deputy_of=None if member is None else member.id,
                order=order,
                municipality=municipality,
            )
            return seat, None
        org = self.new_org(g)
        seat = Seat(
            id=self.seat_id(f"{g.id}-d{j}"),
            kind=SeatKind.DEPUTY,
            group=g.id,
            organisation=org.id,
            person=self.furnisher.person(self.ngo_role(org), _swedish(org)),
            deputy_of=None if member is None else member.id,
            order=order,
            nominated_by="theme network" if g.source is SeatSource.NETWORK else "registration",
        )
        return seat, org

    # ---- counts
    def room(self, counts: Sequence[int], i: int) -> int | None:
        """How many more holders group ``i`` takes (``None``: no limit; cap `OF-3`)."""
        rules = self.rules
        g = rules.seat_groups[i]
        r = None if g.seats.max is None else g.seats.max - counts[i]
        if g.source is SeatSource.OPEN and rules.cap is not None:
            open_ids = [k for k, x in enumerate(rules.seat_groups) if x.source is SeatSource.OPEN]
            rc = rules.cap - sum(counts[k] for k in open_ids)
            r = rc if r is None else min(r, rc)
        return r

    def _free(self, counts: Sequence[int], among: Sequence[int]) -> list[int]:
        return [i for i in among if (r := self.room(counts, i)) is None or r > 0]

    def counts(self, organisations: int | None = None) -> list[int]:
        """Holders per seat group: ``organisations`` seated NGOs, or what the rule set
        needs with open ranges chosen (`FC-5`, `OF-3`, `KU-12`, `FC-7`, `WS-4`)."""
        groups = self.rules.seat_groups
        counts = [g.seats.min for g in groups]
        for i, g in enumerate(groups):
            if (r := self.room(counts, i)) is not None and r < 0:
                raise GenerateError(
                    Text(
                        "the seat group {group!r} needs {least} holders, more seats than the"
                        " body has room for",
                        group=g.id,
                        least=g.seats.min,
                    )
                )
        ngo = [i for i, g in enumerate(groups) if g.source in NGO_SOURCES]
        if organisations is None:
            self._choose_counts(counts)
            self._fit_size(counts)
            self._top_up_needs(counts, ngo)
        else:
            self._seat_organisations(counts, ngo, organisations)
        # a chair and vice-chair need holders (FC-7)
        chair = self.rules.chair
        wanted = 0 if chair is None else chair.officers
        others = [i for i in range(len(groups)) if i not in ngo]
        order = others if organisations is not None else [*ngo, *others]
        _check_seats(wanted)
        while (short := wanted - sum(counts)) > 0:
            free = self._free(counts, order)
            if not free:
                raise GenerateError(
                    Text("the seat groups leave no room for a chair and a vice-chair")
                )
            # the first free group takes what it has room for (not one seat a round:
            # a body with 100,000 vice-chairs would take 100,000 rounds)
            room = self.room(counts, free[0])
            counts[free[0]] += short if room is None else min(short, room)
        _check_seats(sum(counts))
        return counts

    def _choose_counts(self, counts: list[int]) -> None:
        rules = self.rules
        for i, g in enumerate(rules.seat_groups):
            r = self.room(counts, i)
            limit = 3 if r is None else r
            if g.source is SeatSource.OPEN:
                extra = max(0, self.chooser.integer(8, 16) - counts[i])
            elif g.source is SeatSource.NETWORK and rules.pairs is not None:
                extra = max(0, 2 - counts[i])
            else:
                extra = self.chooser.integer(0, 1)
            counts[i] += min(extra, limit)

    def _seat_organisations(self, counts: list[int], ngo: Sequence[int], wanted: int) -> None:
        per_seat = 2 if self.deputies else 1
        need = wanted - per_seat * sum(counts[i] for i in ngo)

        def cannot() -> GenerateError:
            low = per_seat * sum(counts[i] for i in ngo)
            return GenerateError(
                f"this rule set cannot seat {wanted} organisations: it seats at least"
                f" {low}, in steps of {per_seat}, up to what its seat groups allow"
            )

        if need < 0 or need % per_seat:
            raise cannot()
        k = 0
        while need > 0:
            open_groups = self._free(counts, ngo)
            if not open_groups:
                raise cannot()
            counts[open_groups[k % len(open_groups)]] += 1
            need -= per_seat
            k += 1

    def _top_up_needs(self, counts: list[int], ngo: Sequence[int]) -> None:
        rules = self.rules
        # a deputy brings an organisation only when every member surely gets one: an
        # optional or ordered deputy may be left out when not every deputy is drawn
        sure = self.every_deputy or rules.deputies.mode is DeputyMode.PERSONAL
        per_seat = 2 if self.deputies and sure else 1
        # required diversity needs enough NGOs for its size classes (WS-4)
        div = rules.diversity
        if div.need is Need.REQUIRED:
            wanted_orgs = min(div.size_classes, len(SizeClass))
            while per_seat * sum(counts[i] for i in ngo) < wanted_orgs:
                free = self._free(counts, ngo)
                if not free:
                    raise GenerateError(
                        Text("the NGO seat groups have no room for the required diversity")
                    )
                counts[free[0]] += 1
        # required municipalities need someone to speak for them (GEN-1): an NGO seat
        # covers any number, any other seat one (the staff seat is one of them)
        if rules.required_municipalities:
            free = self._free(counts, ngo)
            if free and not any(counts[i] for i in ngo):
                counts[free[0]] += 1
            while not any(counts[i] for i in ngo) and sum(counts) + 1 < len(
                rules.required_municipalities
            ):
                free = self._free(counts, range(len(counts)))
                if not free:
                    break
                counts[free[0]] += 1

    def _fit_size(self, counts: list[int]) -> None:
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
            up = self._free(counts, range(len(groups)))
            if not up:
                return
            counts[up[0]] += 1

    # ---- the composition
    def build(
        self, organisations: int | None = None, as_of: date | None = None, name: str | None = None
    ) -> Composition:
        """The planned composition; ``organisations`` as in :meth:`counts`."""
        rules = self.rules
        counts = self.counts(organisations)
        spare = _Spare(self, counts) if self.vacancies else None
        orgs: list[Organisation] = []
        seats: list[Seat] = []
        for g, n in zip(rules.seat_groups, counts, strict=True):
            self._fill_group(g, n, spare, orgs, seats)
        seats.append(self.staff())
        seats = self.place_chair(seats)
        seats = self.place_required(seats)
        comp = Composition(
            name=f"Example composition of the {self.source_rules.name} (fictional)"
            if name is None
            else name,
            as_of=as_of,
            organisations=tuple(orgs),
            seats=tuple(seats),
        )
        return ensure_diversity(rules, comp, self.chooser)

    def _fill_group(
        self,
        g: SeatGroup,
        n: int,
        spare: _Spare | None,
        orgs: list[Organisation],
        seats: list[Seat],
    ) -> None:
        mode = deputy_mode_of(self.rules, g)
        mixes = self.rules.pairs.mixes if self.rules.pairs is not None else ()
        roles: list[Role | None] = [None] * n
        if g.source is SeatSource.NETWORK and mixes and n == 2 and g.role is None:
            roles = list(self.chooser.shuffle(self.chooser.choice(mixes)))  # KU-7 work pair
        group_deputies: list[Seat] = []
        for j in range(1, n + 1):
            if spare is not None and spare.vacate(g):
                seats.append(
                    Seat(id=self.seat_id(f"{g.id}-v{j}"), kind=KIND_OF_SOURCE[g.source], group=g.id)
                )
                continue
            seat, org = self.member(g, j, roles[j - 1])
            seats.append(seat)
            if org is not None:
                orgs.append(org)
            elif g.source in NGO_SOURCES:
                continue
            if mode not in _WITH_DEPUTIES or (
                not self.every_deputy
                and mode is not DeputyMode.PERSONAL
                and not self.chooser.chance(0.5)
            ):
                continue
            if mode in _PERSONAL:  # FC-8, FC-9, FC-10
                d, d_org = self.deputy(g, j, seat, municipality=seat.municipality)
                seats.append(d)
            else:  # ordered
                order = len(group_deputies) + 1
                d, d_org = self.deputy(g, j, None, order=order, municipality=seat.municipality)
                group_deputies.append(d)
            if d_org is not None:
                orgs.append(d_org)
        seats.extend(group_deputies)

    def staff(self) -> Seat:
        """The secretary (`WS-8`; `KU-6` the umbrella association) or coordinator (`OF-5`),
        with every required function the rule set does not give to certain seats."""
        required = {r.function for r in self.rules.required_functions if not r.conditioned}
        if Function.COORDINATOR in required:
            role, ident, functions = (
                Role.WELLBEING_AREA_OFFICIAL,
                "coordinator",
                set(required),
            )
        elif self.council:
            role, ident, functions = (
                Role.NGO_EMPLOYEE,
                "secretary",
                set(required) | {Function.SECRETARY, Function.CONVENER},
            )
        else:
            functions = set(required) or {Function.SECRETARY}
            role, ident = Role.WELLBEING_AREA_OFFICIAL, "secretary"
        return Seat(
            id=self.seat_id(ident),
            kind=SeatKind.STAFF,
            person=self.furnisher.person(role, False),
            functions=frozenset(functions),
        )

    def place_chair(self, seats: list[Seat]) -> list[Seat]:
        """Chair and vice-chair on distinct held seats, NGO members first (`FC-7`)."""
        chair = self.rules.chair
        if chair is None or chair.mode is ChairMode.NONE:
            return seats
        wanted = [Function.CHAIR] + [Function.VICE_CHAIR] * chair.vice_chairs
        ngo = [i for i, s in enumerate(seats) if s.kind is SeatKind.MEMBER and s.organisation]
        taken = set(ngo)  # a set: `i not in ngo` on a list was quadratic in the seats
        other = [
            i
            for i, s in enumerate(seats)
            if i not in taken and s.kind not in NOT_MEMBER_KINDS and not s.vacant
        ]
        staff = (
            []
            if chair.from_members
            else [i for i, s in enumerate(seats) if s.kind is SeatKind.STAFF]
        )
        if chair.from_members:  # from among the voting members (GEN-3)
            groups = {g.id: g for g in self.rules.seat_groups}
            other = [
                i for i in other if seats[i].group in groups and groups[seats[i].group or ""].votes
            ]
        picked = self.chooser.sample(ngo, min(len(ngo), len(wanted)))
        for tier in (other, staff):
            if len(picked) < len(wanted):
                picked += self.chooser.sample(tier, min(len(tier), len(wanted) - len(picked)))
        if len(picked) < len(wanted):
            raise GenerateError(Text("no seat can hold the chair and the vice-chair (FC-7)"))
        out = list(seats)
        for i, f in zip(picked, wanted, strict=True):
            out[i] = attrs.evolve(out[i], functions=out[i].functions | {f})
        return out

    def place_required(self, seats: list[Seat]) -> list[Seat]:
        """Each required function the rule set gives to certain seats on a held one of
        them, a member before a deputy and a seat without a chair first (`GEN-3`)."""
        groups = {g.id: g for g in self.rules.seat_groups}
        by_id = {s.id: s for s in seats}

        def group_of(s: Seat) -> SeatGroup | None:
            member = by_id.get(s.deputy_of or "") if s.kind is SeatKind.DEPUTY else None
            return groups.get((member or s).group or "")

        out = list(seats)
        for req in self.rules.required_functions:
            if not req.conditioned:
                continue
            able = [
                i
                for i, s in enumerate(out)
                if not s.vacant and req.allows(group_of(s), s.person.role if s.person else None)
            ]
            if not able and req.roles and not (req.groups or req.sources):
                # only a role is asked for: a staff seat of that role holds the function
                role = min(req.roles, key=lambda r: r.value)
                out.append(
                    Seat(
                        id=self.seat_id(req.function),
                        kind=SeatKind.STAFF,
                        person=self.furnisher.person(role, False),
                        functions=frozenset({req.function}),
                    )
                )
                continue
            if not able:
                raise GenerateError(
                    Text(
                        "no seat can hold the function {function} (GEN-3)",
                        function=function_term(str(req.function)),
                    )
                )
            i = min(
                able,
                key=lambda i: (
                    out[i].kind is SeatKind.DEPUTY,
                    bool(out[i].functions & {Function.CHAIR, Function.VICE_CHAIR}),
                ),
            )
            out[i] = attrs.evolve(out[i], functions=out[i].functions | {req.function})
        return out


def _swedish(org: Organisation | None) -> bool:
    return org is not None and "sv" in org.languages and "fi" not in org.languages


class _Spare:
    """The seats that may be left vacant: never those the chair, diversity or a required
    function's holder need."""

    def __init__(self, planner: Planner, counts: Sequence[int]) -> None:
        rules = self.rules = planner.rules
        self.chooser = planner.chooser
        chair = 0 if rules.chair is None else rules.chair.officers
        div = rules.diversity
        orgs = div.size_classes if div.need is Need.REQUIRED else 0
        orgs = max(orgs, 1 if rules.required_municipalities else 0)
        ngo = sum(
            n for g, n in zip(rules.seat_groups, counts, strict=True) if g.source in NGO_SOURCES
        )
        self.ngo, self.all = ngo - orgs, sum(counts) - chair
        # the groups that may hold a required function the rule set gives to some seats
        self.keep = {
            g.id
            for g in rules.seat_groups
            if any((r.groups or r.sources) and r.allows_group(g) for r in rules.required_functions)
        }

    def vacate(self, g: SeatGroup) -> bool:
        ngo = g.source in NGO_SOURCES
        if (
            not vacancy_group(self.rules, g)
            or g.id in self.keep
            or self.all <= 0
            or (ngo and self.ngo <= 0)
        ):
            return False
        if not self.chooser.chance(0.2):
            return False
        self.all -= 1
        self.ngo -= int(ngo)
        return True


def _check_seats(n: int, error: type[JarjestoError] = GenerateError) -> None:
    """A plan lays out every seat: it refuses a body of more than ``MAX_COUNT`` seats
    (no body has more, :mod:`~jarjestoyhteistyo.model.bounds`) at once, where laying
    them out would take time and memory in proportion."""
    if n > MAX_COUNT:
        raise error(
            Text(
                "a body of {seats} seats is larger than the {most} a plan lays out",
                seats=n,
                most=MAX_COUNT,
            )
        )


def laid_out_seats(rules: RuleSet) -> int:
    """The NGO seats a composition of ``rules`` lays out at most: every member seat at
    its group's upper end, twice over with personal or optional deputies (`FC-8`).

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> laid_out_seats(FormalCommittee(name="Body", area="Area"))  # 8 members, 8 deputies
    32
    """
    general = rules.as_general()
    members = sum(max(g.seats.upper, 0) for g in general.seat_groups if g.source in NGO_SOURCES)
    return members * (2 if general.deputies.mode in _PERSONAL else 1)


def check_laid_out(rules: RuleSet, error: type[JarjestoError] = GenerateError) -> None:
    """Raise ``error`` when ``rules`` would lay out more than ``MAX_COUNT`` seats
    (:func:`laid_out_seats`): the planner, the proposal and the generator lay out every
    seat, in time and memory in proportion, and no real body comes near."""
    _check_seats(laid_out_seats(rules), error)


def skeleton(rules: RuleSet, *, role: Role = Role.VOLUNTEER) -> Composition:
    """Every NGO member seat of ``rules`` held by a person of ``role`` (each group at
    its upper end), with a personal deputy each when the
    rules have personal or optional deputies (`FC-8`); no organisations, no other
    seats: a plan for counting, not for validation.

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> comp = skeleton(FormalCommittee(name="Example body", area="Example area"))
    >>> [s.id for s in comp.seats][:2]
    ['child-family-1', 'child-family-1-deputy']
    """
    check_laid_out(rules)
    general = rules.as_general()
    deputies = general.deputies.mode in _PERSONAL
    person = RoleFurnisher(role).person(role, False)
    seats: list[Seat] = []
    for g in general.seat_groups:
        if g.source not in NGO_SOURCES:
            continue
        for i in range(1, g.seats.upper + 1):
            member = f"{g.id}-{i}"
            seats.append(Seat(id=member, kind=SeatKind.MEMBER, group=g.id, person=person))
            if deputies:
                seats.append(
                    Seat(
                        id=f"{member}-deputy",
                        kind=SeatKind.DEPUTY,
                        group=g.id,
                        deputy_of=member,
                        person=person,
                    )
                )
    return Composition(name=f"skeleton of {rules.name}", seats=tuple(seats))
