"""Selecting members from registrations (`FC-3`, `FC-4`, `FC-5`, `OF-3`, `KU-7`, `WS-7`).

A :class:`Registration` is one organisation's application: the proposed member (and
the organisation's own deputy), by role; the categories (or theme networks) it
applies for; how it links to the wellbeing area's work (`OF-3`); the hours it can
give (`WS-9`); and which of the rule set's criteria it meets. There is no field for
party affiliation, and a rule set whose criteria refer to it is rejected (`WS-1`).

Four questions, four functions:

* :func:`feasibility` — can the registrations fill every NGO seat, members *and*
  personal deputies, with every seat a different organisation (`FC-9`) and a
  multi-category organisation usable in any one of its categories (`WS-7`,
  `FC-10`)? Exact (a maximum flow over registration *types*); if not, the smallest
  set of categories that cannot be covered (Hall's theorem) and what would fix it.
* :func:`propose` — a :class:`Proposal`: a composition that fills as many seats as
  possible, chosen by a documented lexicographic diversity objective and a seeded
  lottery, with an :class:`Explanation` for every registration.
* the open forum (`OF-3`, `OF-4`) inside :func:`propose`: everyone when the
  registrations fit the cap, otherwise criteria first, then the lottery.
* :func:`selection_probabilities` — the fair lottery: each organisation's exact
  probability of selection, maximin-fair over panels that really fill the
  distinct-organisation seats, and a panel drawn with exactly those probabilities.

How a registration reads (the library's decisions where the rules are silent):

* ``categories`` empty means *every* category (and theme network) the organisation
  has; a code the organisation does not have is ignored with a warning (`JY503`).
* An organisation registers once; a repeated registration is ignored (`JY504`).
* An organisation fills at most one seat of the whole body, member or deputy
  (`FC-9`, `WS-7`), even where the rule set would allow more.
* In a formal committee the registration's ``member`` person takes the seat,
  whether it is a member or a deputy seat: personal deputies come from *another*
  organisation (`FC-9`). The registration's own ``deputy`` is used only in an open
  forum, where deputies are agreed with the NGOs (`OF-8`).

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> rules = FormalCommittee(name="Example", area="Example area", members_per_category=1)
>>> regs = tuple(
...     Registration(organisation=Organisation(id=f"o{i}", categories=frozenset({c.code})),
...                  member=Person(role=Role.VOLUNTEER), link_description="x")
...     for i, c in enumerate(rules.categories * 2)
... )
>>> feasibility(rules, regs).feasible
True
>>> p = propose(rules, regs, seed=1)
>>> len([s for s in p.composition.seats if s.organisation]), p.ok
(16, True)
"""

from __future__ import annotations

import enum
import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any

import attrs

from jarjestoyhteistyo.calc.meetings import hours_per_member
from jarjestoyhteistyo.codes import SELECTION, Code, finding
from jarjestoyhteistyo.errors import NotFoundError, SelectionError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.model.composition import (
    Composition,
    Organisation,
    Person,
    Seat,
    SeatKind,
    SizeClass,
)
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    Need,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.rules.politics import JY108, mentions_party_politics
from jarjestoyhteistyo.rules.seats import JY201
from jarjestoyhteistyo.rules.validation import VALIDATION_CODES, validate
from jarjestoyhteistyo.selection._flow import FlowNetwork, Num

__all__ = [
    "OUT_OF_SCOPE",
    "Explanation",
    "FairLottery",
    "Feasibility",
    "Outcome",
    "Proposal",
    "Registration",
    "Registrations",
    "SelectionError",
    "Shortage",
    "feasibility",
    "in_scope",
    "load_registrations",
    "loads_registrations",
    "propose",
    "selection_probabilities",
]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

JY501 = Code(
    code="JY501",
    rule="FC-5",
    severity=W,
    title="Seats left vacant",
    en="group {group}: {vacant} of {seats} seat(s) left vacant; too few registrations",
    fi="ryhmä {group}: {vacant}/{seats} paikkaa jää täyttämättä; ilmoittautumisia liian vähän",
    fix="Open another call for registrations in this category (see the feasibility fix).",
)

JY502 = Code(
    code="JY502",
    rule="FC-5",
    severity=E,
    title="Registrations cannot fill the seats",
    en="groups {groups} have {seats} seats but only {organisations} organisations "
    "registered for any of them: {missing} more needed",
    fi="ryhmillä {groups} on {seats} paikkaa, mutta niihin ilmoittautui vain "
    "{organisations} järjestöä: tarvitaan {missing} lisää",
    fix="Another call for registrations in these categories (Hall's theorem: counting "
    "a multi-category organisation once).",
)

JY503 = Code(
    code="JY503",
    rule="FC-4",
    severity=W,
    title="Applies for a category the organisation does not have",
    en="registration {index} ({organisation}) applies for {category!r}, which the "
    "organisation does not have; ignored",
    fi="ilmoittautuminen {index} ({organisation}) hakee ryhmään {category!r}, johon "
    "järjestö ei kuulu; ohitetaan",
    fix="Apply only for the organisation's own categories or theme networks.",
)

JY504 = Code(
    code="JY504",
    rule="FC-9",
    severity=W,
    title="Duplicate registration",
    en="registration {index} repeats organisation {organisation} (first at {first}); "
    "ignored: an organisation takes one seat",
    fi="ilmoittautuminen {index} toistaa järjestön {organisation} (ensin kohdassa "
    "{first}); ohitetaan: järjestöllä on yksi paikka",
    fix="Register each organisation once, for all of its categories.",
)

JY505 = Code(
    code="JY505",
    rule="FC-8",
    severity=I,
    title="Kept in reserve",
    en="organisation {organisation} fits group {group}, but no other organisation is "
    "left to complete a member–deputy pair; kept in reserve",
    fi="järjestö {organisation} sopisi ryhmään {group}, mutta jäsen–varajäsen-pariin ei "
    "ole toista järjestöä; varalla",
    fix="One more registration in this category completes the pair (FC-8).",
)

JY506 = Code(
    code="JY506",
    rule="OF-3",
    severity=W,
    title="No link to the wellbeing area described",
    en="registration {index} ({organisation}) does not describe how it links to the "
    "wellbeing area's work",
    fi="ilmoittautuminen {index} ({organisation}) ei kerro kytköksestään hyvinvointialueen työhön",
    fix="Ask the registrant to describe its link (OF-3).",
)

JY507 = Code(
    code="JY507",
    rule="WS-9",
    severity=W,
    title="Less time than membership takes",
    en="registration {index} ({organisation}) offers {hours:g} h a year; membership "
    "takes up to {needed:g} h",
    fi="ilmoittautuminen {index} ({organisation}) tarjoaa {hours:g} h vuodessa; "
    "jäsenyys vie jopa {needed:g} h",
    fix="Make the time demands clear when applying (WS-9).",
)

JY508 = Code(
    code="JY508",
    rule="WS-9",
    severity=W,
    title="Unknown criterion answered",
    en="registration {index} ({organisation}) answers unknown criterion {criterion!r}",
    fi="ilmoittautuminen {index} ({organisation}) vastaa tuntemattomaan kriteeriin {criterion!r}",
    fix="Answer the rule set's criteria by their ids.",
)

JY509 = Code(
    code="JY509",
    rule="OF-3",
    severity=I,
    title="Oversubscribed: criteria applied",
    en="{count} registrations for {cap} places: selection by criteria, then lottery",
    fi="{count} ilmoittautumista {cap} paikkaan: valinta kriteerein, sitten arvalla",
    fix="",
)

JY510 = Code(
    code="JY510",
    rule="OF-3",
    severity=W,
    title="Oversubscribed without criteria",
    en="{count} registrations for {cap} places and no criteria: lottery only",
    fi="{count} ilmoittautumista {cap} paikkaan eikä kriteerejä: pelkkä arvonta",
    fix="Draft selection criteria with the NGOs (OF-3).",
)

JY511 = Code(
    code="JY511",
    rule="FC-4",
    severity=I,
    title="Fits no seat group",
    en="registration {index} ({organisation}) fits no seat group of this body",
    fi="ilmoittautuminen {index} ({organisation}) ei sovi mihinkään paikkaryhmään",
    fix="Check the organisation's categories or theme networks.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY501,
    JY502,
    JY503,
    JY504,
    JY505,
    JY506,
    JY507,
    JY508,
    JY509,
    JY510,
    JY511,
)


#: Codes of :func:`~jarjestoyhteistyo.rules.validation.validate` about seats that selection
#: does not fill: those without the ``selection`` tag, i.e. committee members (`JY209`,
#: `FC-6`/`OF-7`, elected members), the chair and vice-chair (`JY210`, `FC-7`, chosen
#: in dialogue with the committee), the official contact persons (`JY214`, `KU-4`) and
#: the secretary or coordinator (`JY226`, `WS-8`). `JY201` is out of scope too for
#: groups that are not filled from registrations (committee, officials, sectors, experts).
OUT_OF_SCOPE: frozenset[str] = frozenset(
    c.code for c in VALIDATION_CODES if SELECTION not in c.tags
)

_NGO_SOURCES = (SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN)
_DEPUTY_MODES = (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)


# ----------------------------------------------------------------------- the model
@attrs.frozen(kw_only=True)
class Registration:
    """One organisation's registration (`FC-3`, `OF-3`, `KU-10`, `WS-7`, `WS-9`).

    ``categories`` lists the association categories (or theme networks) applied for;
    empty means all of the organisation's own. ``answers`` holds the ids of the rule
    set's criteria the registration meets. ``hours_available`` is the time a year the
    member can give. There is deliberately no party-affiliation field (`WS-1`).

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> r = Registration(organisation=Organisation(id="o1"), member=Person(role=Role.VOLUNTEER))
    >>> r.categories, r.deputy
    (frozenset(), None)
    """

    organisation: Organisation
    member: Person
    deputy: Person | None = None
    categories: frozenset[str] = frozenset()
    link_description: str = ""
    hours_available: float | None = None
    answers: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class Registrations:
    """A document of registrations (the file ``select`` reads).

    >>> Registrations().registrations
    ()
    """

    name: str = ""
    registrations: tuple[Registration, ...] = ()


def loads_registrations(text: str | bytes, *, source: str | None = None) -> Registrations:
    """Registrations from YAML or JSON text, through the project's one converter.

    >>> doc = loads_registrations(
    ...     "registrations:\\n"
    ...     "- organisation: {id: o1, categories: [pensioners]}\\n"
    ...     "  member: {role: volunteer}\\n")
    >>> doc.registrations[0].organisation.categories
    frozenset({'pensioners'})
    >>> loads_registrations("registrations: [{organisation: {id: o1}, "
    ...                     "member: {role: volunteer}, party: x}]")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: 1 problem
      registrations[0].party: unknown key 'party'...
    """
    return loads(text, Registrations, source=source)


def load_registrations(path: str | Path) -> Registrations:
    """Registrations from a YAML or JSON file; a missing file is a ``LoadError``.

    >>> load_registrations("/nonexistent.yaml")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /nonexistent.yaml: 1 problem
    ...
    """
    return load(path, Registrations)


class Outcome(enum.Enum):
    """What selection did with a registration."""

    MEMBER = "member"
    DEPUTY = "deputy"
    RESERVE = "reserve"  # fits, but its member–deputy pair cannot be completed (FC-8)
    NOT_SELECTED = "not_selected"
    INELIGIBLE = "ineligible"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"  # the rule set itself was rejected (WS-1)


@attrs.frozen(kw_only=True)
class Explanation:
    """Why a registration was or was not selected.

    ``rank`` is its place in the seeded lottery (1 is drawn first); ``criteria_met``
    counts the rule set's criteria it meets.

    >>> Explanation(index=0, organisation="o1", outcome=Outcome.NOT_SELECTED,
    ...             reason="seats full").text()
    'registration 0 (o1): not_selected — seats full'
    """

    index: int
    organisation: str
    outcome: Outcome
    seat: str | None = None
    group: str | None = None
    rank: int | None = None
    criteria_met: int = 0
    reason: str = ""
    rule: str = ""

    @property
    def selected(self) -> bool:
        """True for a member or deputy seat."""
        return self.outcome in (Outcome.MEMBER, Outcome.DEPUTY)

    def text(self) -> str:
        """One line: registration, outcome, seat and reason."""
        seat = f" {self.seat}" if self.seat else ""
        rule = f" ({self.rule})" if self.rule else ""
        return (
            f"registration {self.index} ({self.organisation}): "
            f"{self.outcome.value}{seat} — {self.reason}{rule}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form: every key always written, on purpose (the converter
        would leave defaults such as ``seat: null`` out)."""
        return {
            "index": self.index,
            "organisation": self.organisation,
            "outcome": self.outcome.value,
            "seat": self.seat,
            "group": self.group,
            "rank": self.rank,
            "criteria_met": self.criteria_met,
            "reason": self.reason,
            "rule": self.rule,
        }


@attrs.frozen(kw_only=True)
class Shortage:
    """A set of seat groups with more seats than organisations registered for any of them.

    By Hall's theorem the seats cannot all be filled exactly when such a set exists.

    >>> s = Shortage(groups=("pensioners", "older-people"), seats=8, organisations=6)
    >>> s.missing
    2
    """

    groups: tuple[str, ...]
    seats: int
    organisations: int

    @property
    def missing(self) -> int:
        """Seats minus organisations."""
        return self.seats - self.organisations


@attrs.frozen(kw_only=True)
class Feasibility:
    """The answer of :func:`feasibility`.

    ``seats`` counts the NGO seats (members and personal deputies), ``fillable`` the
    most of them the registrations can fill at once. When short, ``violator`` is the
    smallest :class:`Shortage` (fewest groups; then the largest shortfall) and
    ``call_for`` a minimal fix: how many more single-category registrations each group
    needs (they add up to :attr:`missing`).
    """

    seats: int
    fillable: int
    seats_by_group: Mapping[str, int] = attrs.field(factory=dict)
    violator: Shortage | None = None
    call_for: Mapping[str, int] = attrs.field(factory=dict)
    report: Report = attrs.field(factory=Report)

    @property
    def feasible(self) -> bool:
        """True when every seat can be filled."""
        return self.fillable >= self.seats

    @property
    def missing(self) -> int:
        """How many organisations are missing in all."""
        return self.seats - self.fillable

    def explain(self) -> str:
        """A preparer's explanation in English."""
        if self.feasible:
            return f"All {self.seats} seats can be filled from the registrations."
        lines = [f"Only {self.fillable} of {self.seats} seats can be filled."]
        v = self.violator
        if v is not None:
            lines.append(
                f"Groups {', '.join(v.groups)} have {v.seats} seats, but only "
                f"{v.organisations} organisations registered for any of them "
                "(an organisation counts once, FC-9, WS-7)."
            )
        need = ", ".join(f"{g} {n}" for g, n in self.call_for.items())
        lines.append(
            f"Fix: another call for registrations in {', '.join(self.call_for)}: "
            f"{self.missing} more organisation(s) ({need})."
        )
        return " ".join(lines)


@attrs.frozen(kw_only=True)
class Proposal:
    """The result of :func:`propose`: a composition, explanations and a report.

    ``report`` holds selection's findings (`JY5xx`) and those of
    :func:`~jarjestoyhteistyo.rules.validation.validate` on the composition that are in
    selection's scope (see :data:`OUT_OF_SCOPE`). :attr:`ok` is true when it has no
    errors: vacant seats are warnings.
    """

    composition: Composition
    report: Report
    feasibility: Feasibility
    seed: int
    explainer: Callable[[], tuple[Explanation, ...]] = attrs.field(eq=False, repr=False)

    @cached_property
    def explanations(self) -> tuple[Explanation, ...]:
        """One :class:`Explanation` per registration, in input order.

        Computed when first read (a national call has 100,000 registrations).
        """
        return self.explainer()

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return self.report.ok

    def explanation(self, organisation: str) -> Explanation:
        """The explanation of ``organisation``'s (first) registration.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for x in self.explanations:
            if x.organisation == organisation:
                return x
        raise NotFoundError(organisation)

    def to_text(self) -> str:
        """Seats, explanations and findings as text."""
        out = [f"Proposal (seed {self.seed}): {self.feasibility.explain()}"]
        for s in self.composition.seats:
            holder = s.organisation or "VACANT"
            role = f" [{s.person.role.value}]" if s.person else ""
            out.append(f"  {s.id:<28} {holder}{role}")
        out.append("Explanations:")
        out += [f"  {x.text()}" for x in self.explanations]
        out.append(self.report.to_text())
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form: ``ok``, ``seed``, ``feasibility``, ``explanations``, ``report``.

        A report view on purpose: it holds computed values (``ok``, the feasibility's
        explanation), not the model's fields.

        The composition itself is written by :func:`~jarjestoyhteistyo.io.serialize.dump_yaml`.
        """
        f = self.feasibility
        return {
            "ok": self.ok,
            "seed": self.seed,
            "feasibility": {
                "seats": f.seats,
                "fillable": f.fillable,
                "feasible": f.feasible,
                "violator": None
                if f.violator is None
                else {
                    "groups": list(f.violator.groups),
                    "seats": f.violator.seats,
                    "organisations": f.violator.organisations,
                },
                "call_for": dict(f.call_for),
                "explanation": f.explain(),
            },
            "explanations": [x.to_dict() for x in self.explanations],
            "report": self.report.to_dict(),
        }


# ---------------------------------------------------------------------- the pool
@attrs.frozen(kw_only=True)
class _Group:
    """An NGO seat group: ``members`` seats plus ``deputies`` personal-deputy seats."""

    index: int
    seat_group: SeatGroup
    members: int
    deputies: int

    @property
    def id(self) -> str:
        return self.seat_group.id

    @property
    def slots(self) -> int:
        return self.members + self.deputies


class _Pool:
    """Registrations read against one rule set: eligibility masks, duplicates, findings."""

    def __init__(self, rules: RuleSet, registrations: Sequence[Registration]) -> None:
        general = rules.as_general()
        self.rules = general
        self.kind = type(rules).kind
        self.regs = tuple(registrations)
        deputies = general.deputies.mode in _DEPUTY_MODES
        ngo = [g for g in general.seat_groups if g.source in _NGO_SOURCES]
        if len(ngo) > 24:
            raise SelectionError(f"{len(ngo)} NGO seat groups; selection handles up to 24")
        self.groups = tuple(
            _Group(
                index=i,
                seat_group=g,
                members=_wanted(g),
                deputies=_wanted(g) if deputies else 0,
            )
            for i, g in enumerate(ngo)
        )
        self.slots = [g.slots for g in self.groups]
        cat_mask: dict[str, int] = {}
        net_mask: dict[str, int] = {}
        open_mask = 0
        for g in self.groups:
            sg = g.seat_group
            if sg.source is SeatSource.CATEGORY:
                for c in sg.eligible_categories:
                    cat_mask[c] = cat_mask.get(c, 0) | 1 << g.index
            elif sg.source is SeatSource.NETWORK:
                key = sg.network or sg.id
                net_mask[key] = net_mask.get(key, 0) | 1 << g.index
            else:
                open_mask |= 1 << g.index
        criteria = {c.id for c in general.selection.criteria}
        needed = hours_per_member(general.meetings)
        rule_cat = "KU-10" if self.kind == ThemeNetworkCouncil.kind else "FC-4"
        found: list[Finding] = []
        masks: list[int] = []
        first: dict[str, int] = {}
        self.duplicate_of: dict[int, int] = {}
        self.criteria_met: list[int] = []
        mask_of: dict[tuple[frozenset[str], frozenset[str]], int] = {}
        met_append = self.criteria_met.append
        for i, r in enumerate(self.regs):
            org = r.organisation
            met_append(len(r.answers & criteria) if r.answers else 0)
            if org.id in first:
                self.duplicate_of[i] = first[org.id]
                found.append(
                    finding(
                        JY504,
                        f"registrations[{i}]",
                        index=i,
                        organisation=org.id,
                        first=first[org.id],
                    )
                )
                masks.append(0)
                continue
            first[org.id] = i
            applied = r.categories
            use: tuple[frozenset[str], frozenset[str]] = (org.categories, org.networks)
            if applied:
                own = org.categories | org.networks
                for code in sorted(applied - own):
                    found.append(
                        finding(
                            JY503,
                            f"registrations[{i}].categories",
                            rule=rule_cat,
                            index=i,
                            organisation=org.id,
                            category=code,
                        )
                    )
                use = (applied & own, frozenset())
            mask = mask_of.get(use)
            if mask is None:
                mask = open_mask
                for code in use[0] | use[1]:
                    mask |= cat_mask.get(code, 0) | net_mask.get(code, 0)
                mask_of[use] = mask
            masks.append(mask)
            if not mask:
                found.append(finding(JY511, f"registrations[{i}]", index=i, organisation=org.id))
            if not r.link_description or not r.link_description.strip():
                found.append(
                    finding(
                        JY506,
                        f"registrations[{i}].link_description",
                        index=i,
                        organisation=org.id,
                    )
                )
            if r.hours_available is not None and r.hours_available < needed:
                found.append(
                    finding(
                        JY507,
                        f"registrations[{i}].hours_available",
                        index=i,
                        organisation=org.id,
                        hours=r.hours_available,
                        needed=needed,
                    )
                )
            if r.answers:
                for c in sorted(r.answers - criteria):
                    found.append(
                        finding(
                            JY508,
                            f"registrations[{i}].answers",
                            index=i,
                            organisation=org.id,
                            criterion=c,
                        )
                    )
        self.masks = masks
        self.findings = found
        self.counts: Counter[int] = Counter(m for m in masks if m)
        self.party = [
            finding(JY108, f"selection.criteria[{i}]", criterion=c.id)
            for i, c in enumerate(general.selection.criteria)
            if mentions_party_politics(c.id, c.text, *c.uses)
        ]

    def group_ids(self, mask: int) -> list[str]:
        return [g.id for g in self.groups if mask >> g.index & 1]

    def lottery(self, seed: int) -> tuple[list[int], list[int]]:
        """The lottery: the drawing order of registration indices, and each one's rank.

        Registrations are sorted by organisation id before shuffling with
        ``random.Random(seed)``, so neither input order nor hashing matters.
        Duplicates are not drawn (rank ``-1``).
        """
        regs = self.regs
        dup = self.duplicate_of
        ids = [r.organisation.id for r in regs]
        order = sorted((i for i in range(len(regs)) if i not in dup), key=ids.__getitem__)
        random.Random(seed).shuffle(order)
        rank = [-1] * len(regs)
        for k, i in enumerate(order):
            rank[i] = k
        return order, rank


def _wanted(g: SeatGroup) -> int:
    return g.seats.upper


# ------------------------------------------------------------------- the network
class _Net:
    """Source → types → groups → sink, built from type counts."""

    def __init__(self, slots: Sequence[Num]) -> None:
        self.k = len(slots)
        self.net = FlowNetwork(2 + self.k)
        self.sink_edges = [self.net.add_edge(2 + j, 1, slots[j]) for j in range(self.k)]
        self.big: Num = sum(slots, start=0) + 1
        self.types: list[tuple[int, int, int, list[int]]] = []  # (mask, node, src edge, edges)

    def add_type(self, mask: int, capacity: Num) -> int:
        node = self.net.add_node()
        src = self.net.add_edge(0, node, capacity)
        edges = [self.net.add_edge(node, 2 + j, self.big) for j in range(self.k) if mask >> j & 1]
        self.types.append((mask, node, src, edges))
        return len(self.types) - 1

    def run(self) -> Num:
        return self.net.max_flow(0, 1)

    def load(self, j: int) -> Num:
        return self.net.flow(self.sink_edges[j])

    def split(self, t: int) -> dict[int, Num]:
        """Flow of type ``t`` to each group index."""
        mask, _node, _src, edges = self.types[t]
        bits = [j for j in range(self.k) if mask >> j & 1]
        return {j: self.net.flow(e) for j, e in zip(bits, edges, strict=True)}


def _max_flow(slots: Sequence[int], counts: Mapping[int, int]) -> tuple[int, _Net]:
    net = _Net(slots)
    for mask in sorted(counts):
        net.add_type(mask, counts[mask])
    return int(net.run()), net


# ------------------------------------------------------------------- feasibility
def _hall_violator(pool: _Pool) -> Shortage | None:
    """The smallest set S of groups with seats(S) > organisations eligible for any of S."""
    groups = [g for g in pool.groups if g.slots > 0]
    items = sorted(pool.counts.items())
    for size in range(1, len(groups) + 1):
        best: tuple[int, Shortage] | None = None
        for combo in itertools.combinations(groups, size):
            smask = 0
            seats = 0
            for g in combo:
                smask |= 1 << g.index
                seats += g.slots
            orgs = sum(n for m, n in items if m & smask)
            if orgs < seats and (best is None or seats - orgs > best[0]):
                best = (
                    seats - orgs,
                    Shortage(groups=tuple(g.id for g in combo), seats=seats, organisations=orgs),
                )
        if best is not None:
            return best[1]
    return None


def _feasibility(pool: _Pool) -> tuple[Feasibility, int]:
    fillable, net = _max_flow(pool.slots, pool.counts)
    seats = sum(pool.slots)
    by_group = {g.id: g.slots for g in pool.groups}
    if fillable >= seats:
        return Feasibility(seats=seats, fillable=fillable, seats_by_group=by_group), fillable
    violator = _hall_violator(pool)
    call_for = {
        g.id: g.slots - int(net.load(g.index))
        for g in pool.groups
        if g.slots - int(net.load(g.index)) > 0
    }
    found: list[Finding] = []
    if violator is not None:
        names = set(violator.groups)
        required = any(
            g.seat_group.need is Need.REQUIRED and g.seat_group.seats.min > 0
            for g in pool.groups
            if g.id in names
        )
        found.append(
            finding(
                JY502,
                "registrations",
                severity=E if required else W,
                groups=", ".join(violator.groups),
                seats=violator.seats,
                organisations=violator.organisations,
                missing=violator.missing,
                call_for=call_for,
            )
        )
    return (
        Feasibility(
            seats=seats,
            fillable=fillable,
            seats_by_group=by_group,
            violator=violator,
            call_for=call_for,
            report=Report(subject=pool.rules.name, findings=tuple(found)),
        ),
        fillable,
    )


def feasibility(rules: RuleSet, registrations: Sequence[Registration]) -> Feasibility:
    """Can ``registrations`` fill every NGO seat of ``rules``? (`FC-4`, `FC-5`, `FC-9`, `WS-7`).

    Seats are those of the rule set's general form: per category (or theme network,
    or open group) its members, plus as many personal deputies where deputies are
    personal (`FC-8`, `FC-10`). Every seat is a different organisation; a
    multi-category organisation may fill a seat of any one of its categories.

    Exact: a maximum flow source → registration type → seat group → sink, where a
    *type* is the set of groups a registration may fill (at most ``2**k`` of them for
    ``k`` groups, however many registrations there are). When short, the smallest
    Hall violator is found by searching the sets of groups by size, and ``call_for``
    says how many more organisations each group needs (from the maximum flow).
    ``JY502`` is an error when a group of the violator is required, else a warning.

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
    >>> both = Organisation(id="both", categories=frozenset({"pensioners", "older-people"}))
    >>> regs = [Registration(organisation=o, member=Person(role=Role.VOLUNTEER))
    ...         for o in (both, Organisation(id="p", categories=frozenset({"pensioners"})),
    ...                   Organisation(id="o", categories=frozenset({"older-people"})))]
    >>> f = feasibility(rules, regs)
    >>> f.feasible, f.seats, f.fillable
    (False, 16, 3)
    >>> f.violator
    Shortage(groups=('child-family',), seats=2, organisations=0)
    >>> f.call_for.get("pensioners", 0) + f.call_for.get("older-people", 0)
    1
    """
    return _feasibility(_Pool(rules, registrations))[0]


# ---------------------------------------------------------------------- proposal
class _Selector:
    """Greedy selection over a transversal matroid that never loses a seat.

    A candidate is accepted when the chosen set plus it can still be completed to
    ``target`` seats from the rest of the pool. A candidate key (its type as chosen,
    its natural type) once refused stays refused (the closure only grows).
    """

    def __init__(self, pool: _Pool, target: int) -> None:
        self.pool = pool
        self.target = target
        self.chosen: Counter[int] = Counter()  # as-type mask → count
        self.free: Counter[int] = Counter(pool.counts)  # natural mask → unchosen count
        self.dead: set[tuple[int, int]] = set()
        self.accepted: list[tuple[int, int]] = []  # (registration index, as-type mask)
        self.taken: set[int] = set()

    @property
    def full(self) -> bool:
        return len(self.accepted) >= self.target

    def _completes(self) -> bool:
        net = _Net(self.pool.slots)
        for mask in sorted(self.chosen):
            if self.chosen[mask]:
                net.add_type(mask, self.chosen[mask])
        if net.run() < len(self.accepted):
            return False
        for mask in sorted(self.free):
            if self.free[mask]:
                net.add_type(mask, self.free[mask])
        net.run()
        total = sum((net.load(j) for j in range(net.k)), start=0)
        return total >= self.target

    def try_add(self, picks: Sequence[tuple[int, int]], *, remember: bool = True) -> bool:
        """Accept registrations ``(index, as-type mask)`` together, or none of them."""
        if self.full or len(self.accepted) + len(picks) > self.target:
            return False
        keys = [(a, self.pool.masks[i]) for i, a in picks]
        if any(k in self.dead for k in keys) or any(i in self.taken for i, _ in picks):
            return False
        for (i, a), (_, nat) in zip(picks, keys, strict=True):
            self.chosen[a] += 1
            self.free[nat] -= 1
            self.accepted.append((i, a))
        if self._completes():
            self.taken.update(i for i, _ in picks)
            return True
        for (_i, a), (_, nat) in zip(picks, keys, strict=True):
            self.chosen[a] -= 1
            self.free[nat] += 1
            self.accepted.pop()
        if remember and len(keys) == 1:
            self.dead.add(keys[0])
        return False


def _diversity_levels(
    pool: _Pool, sel: _Selector, order: list[int], why: dict[int, tuple[str, str]]
) -> None:
    """The lexicographic objective, level by level, each greedy in lottery order."""
    rules = pool.rules
    regs = pool.regs

    def first(pred: Callable[[int], bool], reason: str, rule: str) -> bool:
        for i in order:
            if sel.full:
                return False
            if i not in sel.taken and pred(i) and sel.try_add([(i, pool.masks[i])]):
                why[i] = (reason, rule)
                return True
        return False

    def holds(attr: Callable[[Organisation], frozenset[str]], value: str) -> Callable[[int], bool]:
        return lambda i: value in attr(regs[i].organisation)

    def chosen_orgs() -> list[Organisation]:
        return [regs[i].organisation for i, _ in sel.accepted]

    # 0. required municipalities (an error when missing)
    for m in sorted(rules.required_municipalities):
        if not any(m in o.municipalities for o in chosen_orgs()):
            first(
                holds(lambda o: o.municipalities, m),
                f"covers the required municipality {m}",
                "GEN-1",
            )
    # 1. work pairs of a wanted role mix in each theme network (KU-7)
    if rules.pairs is not None and rules.pairs.mixes:
        for g in pool.groups:
            if g.seat_group.source is SeatSource.NETWORK and g.members == 2:
                _pair(pool, sel, order, g, why)
    div = rules.diversity
    # 2. a volunteer-run organisation (WS-7)
    if div.volunteer_run and not any(o.volunteer_run for o in chosen_orgs()):
        first(
            lambda i: regs[i].organisation.volunteer_run,
            "brings a volunteer-run association",
            "WS-7",
        )
    # 3. the wanted languages (WS-7)
    for lang in sorted(div.languages):
        if not any(lang in o.languages for o in chosen_orgs()):
            first(
                holds(lambda o: o.languages, lang),
                f"brings the language {lang!r}",
                "WS-7",
            )

    # 4.-6. new size classes (WS-4), municipalities, under-represented groups (WS-7)
    def cover(
        attr: Callable[[Organisation], frozenset[Any]],
        what: str,
        rule: str,
        universe: int | None = None,
    ) -> None:
        have: set[Any] = set()
        for o in chosen_orgs():
            have |= attr(o)
        masks, taken, dead = pool.masks, sel.taken, sel.dead
        for i in order:
            if sel.full or (universe is not None and len(have) >= universe):
                return
            values = attr(regs[i].organisation)
            if values <= have or i in taken or (masks[i], masks[i]) in dead:
                continue
            if sel.try_add([(i, masks[i])]):
                new = values - have
                have |= new
                names = ", ".join(sorted(str(getattr(v, "value", v)) for v in new))
                why[i] = (f"brings a new {what}: {names}", rule)

    cover(lambda o: frozenset({o.size}), "size class", "WS-4", universe=len(SizeClass))
    cover(lambda o: o.municipalities, "municipality", "WS-7")
    cover(lambda o: o.groups, "under-represented group", "WS-7")


def _pair(
    pool: _Pool, sel: _Selector, order: list[int], g: _Group, why: dict[int, tuple[str, str]]
) -> None:
    """Choose a work pair of a wanted role mix for network ``g`` (`KU-7`, `KU-10`)."""
    policy = pool.rules.pairs
    if policy is None:
        return
    bit = 1 << g.index
    # best (lowest lottery) registration per (role, natural type) eligible for g
    best: dict[tuple[Any, int], list[int]] = {}
    for i in order:
        if i in sel.taken or not pool.masks[i] & bit:
            continue
        key = (pool.regs[i].member.role, pool.masks[i])
        slot = best.setdefault(key, [])
        if len(slot) < 2:
            slot.append(i)
    for mix in policy.mixes:
        a_keys = [k for k in best if k[0] is mix[0]]
        b_keys = [k for k in best if k[0] is mix[1]]
        tried = 0
        for ka in a_keys:
            for kb in b_keys:
                a = best[ka][0]
                b = next((x for x in best[kb] if x != a), None)
                if b is None:
                    continue
                tried += 1
                if sel.try_add([(a, bit), (b, bit)], remember=False):
                    text = f"work pair {mix[0].value} + {mix[1].value} for network {g.id}"
                    why[a] = why[b] = (text, "KU-7")
                    return
                if tried >= 64:
                    return


def _assign(pool: _Pool, sel: _Selector) -> dict[int, list[int]]:
    """Seat the accepted registrations: group index → registration indices in order."""
    counts = Counter(a for _, a in sel.accepted)
    net = _Net(pool.slots)
    index_of: dict[int, int] = {}
    for mask in sorted(counts):
        index_of[mask] = net.add_type(mask, counts[mask])
    net.run()
    if pool.rules.deputies.mode is DeputyMode.PERSONAL:
        _even_out(pool, net)
    quota = {mask: dict(net.split(t)) for mask, t in index_of.items()}
    seated: dict[int, list[int]] = {g.index: [] for g in pool.groups}
    for i, mask in sel.accepted:  # acceptance order: diversity picks first
        for j, n in quota[mask].items():
            if n > 0:
                seated[j].append(i)
                quota[mask][j] = n - 1
                break
    return seated


def _even_out(pool: _Pool, net: _Net) -> None:
    """Move organisations so that as few groups as possible have an odd count (`FC-8`).

    An odd count leaves one organisation without a member–deputy pair. Rerouting one
    unit from an odd group to another odd group along a residual path keeps the total.
    """
    sink = 1
    while True:
        odd = [j for j in range(net.k) if int(net.load(j)) % 2 == 1]
        moved = False
        for a, b in itertools.permutations(odd, 2):
            if net.load(b) >= pool.slots[b]:
                continue
            path = net.net.path(2 + a, 2 + b, exclude=frozenset({0, sink}))
            if path is None:
                continue
            for e in path:
                net.net.push(e, 1)
            net.net.push(net.sink_edges[b], 1)
            net.net.push(net.sink_edges[a] ^ 1, 1)
            moved = True
            break
        if not moved:
            return


def _seat_ids(g: _Group, kind: str, n: int) -> str:
    return f"{g.id}-{kind}{n}"


def _build(
    pool: _Pool, seated: Mapping[int, Sequence[int]], *, own_deputies: bool = False
) -> tuple[Composition, dict[int, tuple[Outcome, str, str]]]:
    """The composition and each seated (or reserve) registration's seat."""
    rules = pool.rules
    regs = pool.regs
    seats: list[Seat] = []
    orgs: list[Organisation] = []
    placed: dict[int, tuple[Outcome, str, str]] = {}
    personal = rules.deputies.mode is DeputyMode.PERSONAL
    by_id = {g.id: g for g in pool.groups}
    for sg in rules.seat_groups:
        if sg.id not in by_id:
            kind = {
                SeatSource.COMMITTEE: SeatKind.COMMITTEE,
                SeatSource.OFFICIAL: SeatKind.OFFICIAL,
            }
            if sg.source in kind:
                seats += [
                    Seat(id=f"{sg.id}-{n}", kind=kind[sg.source], group=sg.id)
                    for n in range(1, max(sg.seats.min, 1) + 1)
                ]
            continue
        g = by_id[sg.id]
        who = list(seated.get(g.index, ()))
        if g.deputies and personal:
            pairs = min(g.members, len(who) // 2)
            members, deputies = who[:pairs], who[pairs : 2 * pairs]
            reserve = who[2 * pairs :]
        elif g.deputies:
            members, deputies = who[: g.members], who[g.members :]
            reserve = []
        else:
            members, deputies, reserve = who[: g.members], [], who[g.members :]
        # list every seat of the group's minimum; above it, only the filled ones
        listed = max(g.seat_group.seats.min, len(members))
        for n in range(1, listed + 1):
            mid = _seat_ids(g, "m", n)
            i = members[n - 1] if n <= len(members) else None
            r = regs[i] if i is not None else None
            seats.append(
                Seat(
                    id=mid,
                    kind=SeatKind.MEMBER,
                    group=g.id,
                    organisation=r.organisation.id if r else None,
                    person=r.member if r else None,
                )
            )
            if r is not None and i is not None:
                orgs.append(r.organisation)
                placed[i] = (Outcome.MEMBER, mid, g.id)
                if own_deputies and r.deputy is not None:
                    seats.append(
                        Seat(
                            id=_seat_ids(g, "d", n),
                            kind=SeatKind.DEPUTY,
                            group=g.id,
                            organisation=r.organisation.id,
                            person=r.deputy,
                            deputy_of=mid,
                        )
                    )
            if g.deputies:
                j = deputies[n - 1] if n <= len(deputies) else None
                d = regs[j] if j is not None else None
                did = _seat_ids(g, "d", n)
                seats.append(
                    Seat(
                        id=did,
                        kind=SeatKind.DEPUTY,
                        group=g.id,
                        organisation=d.organisation.id if d else None,
                        person=d.member if d else None,
                        deputy_of=mid,
                    )
                )
                if d is not None and j is not None:
                    orgs.append(d.organisation)
                    placed[j] = (Outcome.DEPUTY, did, g.id)
        for i in reserve:
            placed[i] = (Outcome.RESERVE, "", g.id)
    name = f"Proposal for {rules.name}" if rules.name else "Proposal"
    return Composition(name=name, organisations=tuple(orgs), seats=tuple(seats)), placed


def in_scope(rules: RuleSet, f: Finding) -> bool:
    """True when finding ``f`` of ``validate`` is about what selection fills.

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> from jarjestoyhteistyo.codes import finding
    >>> from jarjestoyhteistyo.rules.chair import JY210
    >>> from jarjestoyhteistyo.rules.seats import JY201
    >>> rules = FormalCommittee(name="x", area="y")
    >>> in_scope(rules, finding(JY210, "seats", detail="", detail_fi=""))
    False
    >>> in_scope(rules, finding(JY201, "seats", group="pensioners", filled=1, wanted=2))
    True
    """
    if f.code in OUT_OF_SCOPE:
        return False
    if f.code == JY201.code:
        general = rules.as_general()
        ngo = {g.id for g in general.seat_groups if g.source in _NGO_SOURCES}
        return f.params.get("group") in ngo
    return True


def _vacancies(pool: _Pool, comp: Composition) -> list[Finding]:
    found = []
    for g in pool.groups:
        seats = [
            s
            for s in comp.seats
            if s.group == g.id and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
        ]
        vacant = sum(1 for s in seats if s.vacant)
        if vacant:
            found.append(
                finding(
                    JY501,
                    "seats",
                    rule=g.seat_group.rule or None,
                    group=g.id,
                    vacant=vacant,
                    seats=len(seats),
                )
            )
    return found


def _explain(
    pool: _Pool,
    rank: Sequence[int],
    placed: Mapping[int, tuple[Outcome, str, str]],
    why: Mapping[int, tuple[str, str]],
    not_selected: Callable[[int], tuple[str, str]],
) -> tuple[Explanation, ...]:
    out = []
    for i, r in enumerate(pool.regs):
        org = r.organisation.id
        met = pool.criteria_met[i]
        if i in pool.duplicate_of:
            out.append(
                Explanation(
                    index=i,
                    organisation=org,
                    outcome=Outcome.DUPLICATE,
                    criteria_met=met,
                    reason=f"repeats registration {pool.duplicate_of[i]}",
                    rule="FC-9",
                )
            )
            continue
        rk = rank[i] + 1 if rank[i] >= 0 else None
        if not pool.masks[i]:
            out.append(
                Explanation(
                    index=i,
                    organisation=org,
                    outcome=Outcome.INELIGIBLE,
                    rank=rk,
                    criteria_met=met,
                    reason="fits no seat group of this body",
                    rule="FC-4",
                )
            )
            continue
        if i in placed:
            outcome, seat, group = placed[i]
            reason, rule = why.get(i, (f"drawn at lottery rank {rk}", "OF-4"))
            if outcome is Outcome.RESERVE:
                reason, rule = "no other organisation left to complete a member–deputy pair", "FC-8"
            elif outcome is Outcome.DEPUTY:
                left, _, num = seat.rpartition("-d")
                reason = f"{reason}; personal deputy of {left}-m{num}"
                rule = f"{rule}, FC-8, FC-10"
            out.append(
                Explanation(
                    index=i,
                    organisation=org,
                    outcome=outcome,
                    seat=seat or None,
                    group=group,
                    rank=rk,
                    criteria_met=met,
                    reason=reason,
                    rule=rule,
                )
            )
            continue
        reason, rule = not_selected(i)
        out.append(
            Explanation(
                index=i,
                organisation=org,
                outcome=Outcome.NOT_SELECTED,
                rank=rk,
                criteria_met=met,
                reason=reason,
                rule=rule,
            )
        )
    return tuple(out)


def _finish(
    pool: _Pool,
    feas: Feasibility,
    comp: Composition,
    explainer: Callable[[], tuple[Explanation, ...]],
    placed: Mapping[int, tuple[Outcome, str, str]],
    extra: Iterable[Finding],
    seed: int,
) -> Proposal:
    reserve = [
        finding(
            JY505,
            f"registrations[{i}]",
            organisation=pool.regs[i].organisation.id,
            group=group,
        )
        for i, (outcome, _seat, group) in sorted(placed.items())
        if outcome is Outcome.RESERVE
    ]
    if not feas.feasible:
        # name the fix after the proposal's own vacancies (a reserve needs only a partner)
        short = Counter(
            s.group
            for s in comp.seats
            if s.vacant and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY) and s.group
        )
        short.subtract(
            group for outcome, _seat, group in placed.values() if outcome is Outcome.RESERVE
        )
        call_for = {g.id: short[g.id] for g in pool.groups if short[g.id] > 0}
        if sum(call_for.values()) == feas.missing:
            feas = attrs.evolve(feas, call_for=call_for)
    checked = validate(pool.rules, comp)
    found = (
        *pool.party,
        *pool.findings,
        *extra,
        *_vacancies(pool, comp),
        *reserve,
        *(f for f in checked if in_scope(pool.rules, f)),
    )
    return Proposal(
        composition=comp,
        explainer=explainer,
        report=Report(subject=pool.rules.name, findings=found),
        feasibility=feas,
        seed=seed,
    )


def _rejected(pool: _Pool, feas: Feasibility, seed: int) -> Proposal:
    comp, _ = _build(pool, {})
    crit = ", ".join(repr(f.params["criterion"]) for f in pool.party)
    reason = f"the rule set is rejected: criterion {crit} is party-political"
    explanations = tuple(
        Explanation(
            index=i,
            organisation=r.organisation.id,
            outcome=Outcome.REJECTED,
            reason=reason,
            rule="WS-1",
        )
        for i, r in enumerate(pool.regs)
    )
    return _finish(pool, feas, comp, lambda: explanations, {}, (), seed)


def _is_forum(pool: _Pool) -> bool:
    return bool(pool.groups) and all(g.seat_group.source is SeatSource.OPEN for g in pool.groups)


def _forum(pool: _Pool, feas: Feasibility, rank: Sequence[int], seed: int) -> Proposal:
    """`OF-3`, `OF-4`: everyone up to the cap; when oversubscribed criteria, then lottery."""
    rules = pool.rules
    cap = rules.cap if rules.cap is not None else sum(g.members for g in pool.groups)
    cap = min(cap, sum(g.members for g in pool.groups))
    eligible = [i for i in range(len(pool.regs)) if pool.masks[i]]
    extra: list[Finding] = []
    crit = bool(rules.selection.criteria)
    if len(eligible) <= cap:
        admitted = sorted(eligible, key=lambda i: rank[i])
        why = dict.fromkeys(eligible, ("registrations fit the cap: everyone admitted", "OF-3"))
    else:
        extra.append(
            finding(JY509 if crit else JY510, "registrations", count=len(eligible), cap=cap)
        )
        ordered = sorted(eligible, key=lambda i: (-pool.criteria_met[i], rank[i]))
        admitted = ordered[:cap]
        why = {
            i: (
                f"meets {pool.criteria_met[i]} criteria; place {n + 1} by criteria, then "
                f"lottery rank {rank[i] + 1}",
                "OF-3, OF-4",
            )
            for n, i in enumerate(admitted)
        }
    # fill the open groups in order
    seated: dict[int, list[int]] = {g.index: [] for g in pool.groups}
    queue = list(admitted)
    for g in pool.groups:
        take, queue = queue[: g.members], queue[g.members :]
        seated[g.index] = take
    own = rules.deputies.mode is DeputyMode.AGREED
    comp, placed = _build(pool, seated, own_deputies=own)
    last = admitted[-1] if admitted else None
    bar = (
        f"{cap} places went to registrations meeting more criteria or drawn earlier "
        f"(last admitted: {pool.criteria_met[last]} criteria, lottery rank {rank[last] + 1})"
        if last is not None
        else "no places"
    )

    def not_selected(i: int) -> tuple[str, str]:
        return (
            f"meets {pool.criteria_met[i]} criteria, lottery rank {rank[i] + 1}; {bar}",
            "OF-3, OF-4",
        )

    return _finish(
        pool,
        feas,
        comp,
        lambda: _explain(pool, rank, placed, why, not_selected),
        placed,
        extra,
        seed,
    )


def propose(
    rules: RuleSet,
    registrations: Sequence[Registration],
    *,
    seed: int,
    fair: bool = False,
) -> Proposal:
    """Propose who sits where, with an explanation for every registration.

    1. **Seats first**: the proposal fills the most seats the registrations can fill
       (:func:`feasibility`), members and personal deputies, one seat per
       organisation (`FC-9`), deputies of their member's category (`FC-10`).
    2. **Diversity**, lexicographically — a level is never traded for a lower one;
       each is filled greedily in lottery order while keeping step 1:

       0. a member from each required municipality (``required_municipalities``);
       1. theme networks: a work pair of a wanted role mix (``pairs.mixes``, `KU-7`);
       2. a volunteer-run association (`WS-7`);
       3. each wanted language (``diversity.languages``, e.g. Swedish; `WS-7`);
       4. organisations of new size classes (`WS-4`);
       5. new municipalities;
       6. new under-represented groups (``Organisation.groups``: multicultural,
          women, ...; `WS-7`).
    3. **The rest** by the number of the rule set's criteria met, then the **seeded
       lottery** (:class:`random.Random` ``(seed)``, registrations sorted by
       organisation id before shuffling: the input order does not matter).

    Within a group the earliest picks are members, the next their personal deputies
    (member *n* ↔ deputy *n*). With personal deputies a group never gets a member
    without a deputy: an odd organisation is kept in reserve (`JY505`). Vacant seats
    are warnings (`JY501`). An open forum (all NGO groups ``open``) admits everyone
    when the registrations fit the cap, otherwise by criteria met, then lottery
    (`OF-3`, `OF-4`). ``fair=True`` draws the panel with the maximin-fair lottery of
    :func:`selection_probabilities` instead of steps 2–3.

    Not selection's job (see :data:`OUT_OF_SCOPE`): the chair and vice-chair (`FC-7`),
    committee members (`FC-6`), official seats (`KU-4`) and the secretary (`WS-8`);
    their seats are left vacant or absent, and their validation codes are left out of
    :attr:`Proposal.report`. A rule set with a party-political criterion is rejected
    (`JY108`, `WS-1`): nobody is selected.

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> from jarjestoyhteistyo.model.rulesets import Criterion, OpenForum, SelectionPolicy
    >>> forum = OpenForum(name="Forum", area="Example area", cap=2, selection=SelectionPolicy(
    ...     criteria=(Criterion(id="c"),), criteria_only_when_oversubscribed=True))
    >>> regs = [Registration(organisation=Organisation(id=f"o{i}"),
    ...                      member=Person(role=Role.VOLUNTEER), link_description="x",
    ...                      answers=frozenset({"c"} if i == 2 else ()))
    ...         for i in range(4)]
    >>> p = propose(forum, regs, seed=3)
    >>> p.explanation("o2").outcome.value  # meets the criterion: admitted first (OF-3)
    'member'
    >>> sum(x.selected for x in p.explanations)
    2
    """
    pool = _Pool(rules, registrations)
    feas, fillable = _feasibility(pool)
    if pool.party:
        return _rejected(pool, feas, seed)
    drawn, rank = pool.lottery(seed)
    if _is_forum(pool) and not fair:
        return _forum(pool, feas, rank, seed)
    sel = _Selector(pool, fillable)
    why: dict[int, tuple[str, str]] = {}
    if fair:
        lottery = _fair(pool, fillable)
        panel = lottery.draw(random.Random(seed))
        for i, j in panel:
            sel.accepted.append((i, 1 << j))
            sel.taken.add(i)
            why[i] = (
                f"drawn by the fair lottery (probability {float(lottery.p[pool.masks[i]]):.3f})",
                "OF-4",
            )
    else:
        masks = pool.masks
        order = [i for i in drawn if masks[i]]
        _diversity_levels(pool, sel, order, why)
        if not sel.full:
            rest = sorted(order, key=lambda i: (-pool.criteria_met[i], rank[i]))
            for i in rest:
                if sel.full:
                    break
                if i not in sel.taken and sel.try_add([(i, pool.masks[i])]):
                    met = pool.criteria_met[i]
                    text = f"lottery rank {rank[i] + 1}"
                    why[i] = (
                        f"meets {met} criteria; {text}" if met else f"drawn at {text}",
                        "FC-3",
                    )
    seated = _assign(pool, sel)
    comp, placed = _build(pool, seated)

    cache: dict[int, tuple[str, str]] = {}

    def not_selected(i: int) -> tuple[str, str]:
        mask = pool.masks[i]
        if mask not in cache:
            groups = ", ".join(pool.group_ids(mask))
            cache[mask] = (
                f"the seats of {groups} went to organisations chosen earlier (diversity "
                "first, then criteria met, then the lottery rank)",
                "FC-3, OF-4",
            )
        return cache[mask]

    return _finish(
        pool,
        feas,
        comp,
        lambda: _explain(pool, rank, placed, why, not_selected),
        placed,
        (),
        seed,
    )


# --------------------------------------------------------------------- fair lottery
@attrs.frozen(kw_only=True)
class FairLottery:
    """The result of :func:`selection_probabilities`.

    ``probabilities`` maps each organisation id to its exact probability of being
    selected (a :class:`~fractions.Fraction`); ``minimum`` is the smallest among the
    eligible ones (the maximin value). ``seats`` is the number of seats a panel fills;
    the probabilities add up to it. ``panel`` is one panel drawn with these
    probabilities: ``(organisation, group)`` pairs. With ``runs`` > 0, ``empirical``
    holds the observed selection frequencies over that many draws.
    """

    probabilities: Mapping[str, Fraction]
    minimum: Fraction
    seats: int
    panel: tuple[tuple[str, str], ...]
    runs: int = 0
    empirical: Mapping[str, float] = attrs.field(factory=dict)

    def as_floats(self) -> dict[str, float]:
        """The probabilities as floats.

        >>> FairLottery(probabilities={"o1": Fraction(1, 2)}, minimum=Fraction(1, 2),
        ...             seats=1, panel=()).as_floats()
        {'o1': 0.5}
        """
        return {k: float(v) for k, v in self.probabilities.items()}


class _FairQuotas:
    """Leximin type quotas ``x_t`` and a dependent-rounding sampler."""

    def __init__(self, pool: _Pool, fillable: int) -> None:
        self.pool = pool
        self.fillable = fillable
        types = sorted(pool.counts)
        self.types = types
        n = {t: pool.counts[t] for t in types}
        x: dict[int, Fraction] = {}
        active = set(types)
        while active:
            lam, net, nodes = self._level(x, active, n)
            reach = net.net.reaching(1)
            blocked = {t for t in active if nodes[t] not in reach}
            if lam >= 1 or not blocked:
                blocked = set(active)
            for t in blocked:
                x[t] = lam * n[t]
            active -= blocked
        self.x = x
        self.p = {t: x[t] / n[t] for t in types}

    def _build(
        self, x: Mapping[int, Fraction], active: set[int], n: Mapping[int, int], lam: Fraction
    ) -> tuple[_Net, dict[int, int]]:
        net = _Net(self.pool.slots)
        nodes: dict[int, int] = {}
        for t in self.types:
            cap = x[t] if t in x else lam * n[t]
            idx = net.add_type(t, cap)
            nodes[t] = net.types[idx][1]
        return net, nodes

    def _level(
        self, x: Mapping[int, Fraction], active: set[int], n: Mapping[int, int]
    ) -> tuple[Fraction, _Net, dict[int, int]]:
        """The largest λ ≤ 1 with x_t = λ·n_t on active types still feasible (Dinkelbach)."""
        fixed = sum(x.values(), start=Fraction(0))
        lam = min(Fraction(1), (self.fillable - fixed) / sum(n[t] for t in active))
        while True:
            net, nodes = self._build(x, active, n, lam)
            demand = fixed + lam * sum(n[t] for t in active)
            if net.run() >= demand:
                return lam, net, nodes
            side = net.net.reachable(0)
            tight = [t for t in self.types if nodes[t] in side]
            groups = sum(self.pool.slots[j] for j in range(net.k) if 2 + j in side)
            tight_fixed = sum((x[t] for t in tight if t in x), start=Fraction(0))
            weight = sum(n[t] for t in tight if t in active)
            lam = (groups - tight_fixed) / weight

    def flows(self) -> dict[tuple[int, int], Fraction]:
        """Fractional type → group flows ``y`` realising the quotas."""
        net, _nodes = self._build(self.x, set(), {}, Fraction(0))
        net.run()
        y: dict[tuple[int, int], Fraction] = {}
        for t_index, (mask, *_rest) in enumerate(net.types):
            for j, f in net.split(t_index).items():
                if f:
                    y[(mask, j)] = Fraction(f)
        for j in range(net.k):
            spare = self.pool.slots[j] - Fraction(net.load(j))
            if spare:
                y[(-1, j)] = spare  # the dummy type: unused seats
        return y

    def draw(self, rng: random.Random) -> list[tuple[int, int]]:
        """One panel: (registration index, group index) pairs; marginals exactly ``p``."""
        y = _dependent_rounding(self.flows(), rng)
        by_type: dict[int, list[int]] = {}
        for i, m in enumerate(self.pool.masks):
            if m:
                by_type.setdefault(m, []).append(i)
        panel: list[tuple[int, int]] = []
        for t in self.types:
            ids = sorted(by_type[t], key=lambda i: self.pool.regs[i].organisation.id)
            quotas = [(j, y.get((t, j), 0)) for j in range(len(self.pool.slots))]
            need = sum(q for _, q in quotas)
            chosen = rng.sample(ids, need)
            pos = 0
            for j, q in quotas:
                for i in chosen[pos : pos + q]:
                    panel.append((i, j))
                pos += q
        return panel


def _fair(pool: _Pool, fillable: int) -> _FairQuotas:
    return _FairQuotas(pool, fillable)


def _dependent_rounding(
    y: Mapping[tuple[int, int], Fraction], rng: random.Random
) -> dict[tuple[int, int], int]:
    """Round bipartite flows keeping every marginal ``E[Y_e] = y_e`` (Gandhi et al. 2006).

    Vertex degrees are rounded to floor or ceiling; integral degrees are kept exactly.
    """
    base = {e: int(v) for e, v in y.items()}  # floor for non-negative values
    z = {e: v - base[e] for e, v in y.items() if v != base[e]}
    while z:
        adj: dict[tuple[str, int], list[tuple[int, int]]] = {}
        for e in sorted(z):
            adj.setdefault(("t", e[0]), []).append(e)
            adj.setdefault(("g", e[1]), []).append(e)
        start = next((v for v in sorted(adj) if len(adj[v]) == 1), min(adj))
        walk_v = [start]
        walk_e: list[tuple[int, int]] = []
        seen = {start: 0}
        v = start
        while True:
            options = [e for e in adj[v] if not walk_e or e != walk_e[-1]]
            if not options:
                edges = walk_e  # a maximal path
                break
            e = options[0]
            u = ("g", e[1]) if v[0] == "t" else ("t", e[0])
            walk_e.append(e)
            if u in seen:
                edges = walk_e[seen[u] :]  # a cycle (even: the graph is bipartite)
                break
            seen[u] = len(walk_e)
            walk_v.append(u)
            v = u
        m1, m2 = edges[0::2], edges[1::2]
        alpha = min([1 - z[e] for e in m1] + [z[e] for e in m2])
        beta = min([z[e] for e in m1] + [1 - z[e] for e in m2])
        up = beta / (alpha + beta)
        step = alpha if rng.randrange(up.denominator) < up.numerator else -beta
        for e in m1:
            z[e] += step
        for e in m2:
            z[e] -= step
        for e in edges:
            if z[e] in (0, 1):
                base[e] += int(z.pop(e))
    return base


def selection_probabilities(
    rules: RuleSet,
    registrations: Sequence[Registration],
    *,
    seed: int = 0,
    runs: int = 0,
) -> FairLottery:
    """Maximin-fair lottery over panels that really fill the seats (`OF-4`, `FC-9`, `WS-7`).

    A *panel* fills the most seats the registrations can fill (:func:`feasibility`),
    each with a different organisation in one of its categories. Over all such
    panels, the lottery maximises the smallest selection probability of any eligible
    organisation, then the next smallest, and so on (leximin):

    * registrations of one *type* (the same set of eligible groups) are
      interchangeable, so an optimal lottery gives them the same probability
      ``x_t / n_t``, where ``x_t`` is the expected number of seats of type ``t``;
    * the feasible ``x`` form the base polytope of a polymatroid (a flow over types),
      so the leximin ``x`` is found by water-filling: raise a common level λ for all
      unfixed types until a set of types is tight (an exact Dinkelbach iteration on
      maximum flows with :class:`~fractions.Fraction` capacities), fix those, repeat;
    * a panel is drawn by dependent rounding of the fractional type → group flow
      (each type's count is rounded down or up, each group keeps its seats), then
      a uniform choice within each type: every probability reported is *exact*.

    The work depends on the number of types (at most ``2**k - 1`` for ``k`` groups),
    not on the number of registrations, beyond one pass to group them.

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
    >>> cats = [c.code for c in rules.categories]
    >>> orgs = [Organisation(id=f"o{i:02d}", categories=frozenset({cats[i % 8]}))
    ...         for i in range(24)]
    >>> orgs.append(Organisation(id="multi", categories=frozenset(cats[:2])))
    >>> regs = [Registration(organisation=o, member=Person(role=Role.VOLUNTEER)) for o in orgs]
    >>> lot = selection_probabilities(rules, regs, seed=1)
    >>> lot.minimum, lot.probabilities["multi"], lot.probabilities["o07"]
    (Fraction(4, 7), Fraction(4, 7), Fraction(2, 3))
    >>> sum(lot.probabilities.values()) == lot.seats == len(lot.panel) == 16
    True
    """
    if runs < 0:
        raise SelectionError(f"runs must be >= 0, got {runs}")
    pool = _Pool(rules, registrations)
    fillable = _feasibility(pool)[1]
    q = _fair(pool, fillable)
    probs: dict[str, Fraction] = {}
    for i, r in enumerate(pool.regs):
        if i in pool.duplicate_of:
            continue
        m = pool.masks[i]
        probs[r.organisation.id] = q.p[m] if m else Fraction(0)
    eligible = [q.p[t] for t in q.types]
    rng = random.Random(seed)
    ids = [(pool.regs[i].organisation.id, pool.groups[j].id) for i, j in q.draw(rng)]
    empirical: dict[str, float] = {}
    if runs:
        tally: Counter[str] = Counter()
        for _ in range(runs):
            tally.update(pool.regs[i].organisation.id for i, _j in q.draw(rng))
        empirical = {k: tally[k] / runs for k in probs}
    return FairLottery(
        probabilities=probs,
        minimum=min(eligible, default=Fraction(0)),
        seats=fillable,
        panel=tuple(sorted(ids)),
        runs=runs,
        empirical=empirical,
    )
