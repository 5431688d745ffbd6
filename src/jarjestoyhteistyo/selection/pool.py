"""The pool: registrations read against one rule set (`FC-4`, `FC-9`, `OF-3`, `WS-9`).

:class:`Pool` is where selection starts. It takes the rule set's general form and its
NGO seat groups (categories, theme networks, open groups; members plus personal
deputies), and reads each registration once:

* its *type* — the bit mask of the seat groups it may fill. Registrations of one type
  are interchangeable for the flow network, so :attr:`Pool.counts` (type → number)
  is all that :mod:`~jarjestoyhteistyo.selection.feasible` and
  :mod:`~jarjestoyhteistyo.selection.lottery` need, however many registrations there are;
* the findings about the registration itself (`JY503`, `JY504`, `JY506`, `JY507`,
  `JY508`, `JY511`), declared here, and a party-political criterion of the rule set
  (`JY108`, `WS-1`);
* how many of the rule set's criteria it meets, and the seeded lottery order.

It also holds the door for registration documents, :func:`loads_registrations` and
:func:`load_registrations` (the nouns are in :mod:`jarjestoyhteistyo.model.registrations`).

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
>>> both = Organisation(id="both", categories=frozenset({"pensioners", "older-people"}))
>>> pool = Pool(rules, [Registration(organisation=both, member=Person(role=Role.VOLUNTEER))])
>>> pool.group_ids(pool.masks[0]), pool.slots[:3]
(['pensioners', 'older-people'], [2, 2, 2])
>>> [f.code for f in pool.findings]
['JY506']
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from jarjestoyhteistyo.calc.meetings import hours_per_member
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import SelectionError
from jarjestoyhteistyo.findings import Finding, Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.model.composition import Organisation
from jarjestoyhteistyo.model.ids import normal_id
from jarjestoyhteistyo.model.registrations import Registration, Registrations
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    GeneralRuleSet,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import NGO_SOURCE_ORDER
from jarjestoyhteistyo.rules.politics import JY108, mentions_party_politics

__all__ = ["load_registrations", "loads_registrations"]

W, I = Severity.WARNING, Severity.INFO

JY503 = Code(
    code="JY503",
    rule="FC-4",
    severity=W,
    title="Applies for a category the organisation does not have",
    en="registration {index} ({organisation}) applies for {category!r}, which the "
    "organisation does not have; ignored",
    fix="Apply only for the organisation's own categories or theme networks.",
)

JY504 = Code(
    code="JY504",
    rule="FC-9",
    severity=W,
    title="Duplicate registration",
    en="registration {index} repeats organisation {organisation} (first at {first}); "
    "ignored: an organisation takes one seat",
    fix="Register each organisation once, for all of its categories.",
)

JY506 = Code(
    code="JY506",
    rule="OF-3",
    severity=W,
    title="No link to the wellbeing area described",
    en="registration {index} ({organisation}) does not describe how it links to the "
    "wellbeing area's work",
    fix="Ask the registrant to describe its link (OF-3).",
)

JY507 = Code(
    code="JY507",
    rule="WS-9",
    severity=W,
    title="Less time than membership takes",
    en="registration {index} ({organisation}) offers {hours:g} h a year; membership "
    "takes up to {needed:g} h",
    fix="Make the time demands clear when applying (WS-9).",
)

JY508 = Code(
    code="JY508",
    rule="WS-9",
    severity=W,
    title="Unknown criterion answered",
    en="registration {index} ({organisation}) answers unknown criterion {criterion!r}",
    fix="Answer the rule set's criteria by their ids.",
)

JY511 = Code(
    code="JY511",
    rule="FC-4",
    severity=I,
    title="Fits no seat group",
    en="registration {index} ({organisation}) fits no seat group of this body",
    fix="Check the organisation's categories or theme networks.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY503, JY504, JY506, JY507, JY508, JY511)

#: The seat sources that selection fills from registrations, in report order.
NGO_SOURCES = NGO_SOURCE_ORDER
_DEPUTY_MODES = (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
_MAX_GROUPS = 24


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


@attrs.frozen(kw_only=True)
class Group:
    """An NGO seat group: ``members`` seats plus ``deputies`` personal-deputy seats.

    ``index`` is its bit in a type mask and its place in :attr:`Pool.slots`.
    """

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


def wanted(g: SeatGroup) -> int:
    """The members a seat group is filled to: the upper end of its seat range."""
    return g.seats.upper


def ngo_groups(general: GeneralRuleSet) -> tuple[Group, ...]:
    """The NGO seat groups of a general rule set, with their personal deputies.

    Raises :class:`~jarjestoyhteistyo.errors.SelectionError` above 24 groups (a type
    is a bit mask, and the lottery's work grows with the number of types).
    """
    deputies = general.deputies.mode in _DEPUTY_MODES
    ngo = [g for g in general.seat_groups if g.source in NGO_SOURCES]
    if len(ngo) > _MAX_GROUPS:
        raise SelectionError(
            Text(
                "the rule set has {groups} NGO seat groups; selection handles up to {most}",
                groups=len(ngo),
                most=_MAX_GROUPS,
            )
        )
    return tuple(
        Group(index=i, seat_group=g, members=wanted(g), deputies=wanted(g) if deputies else 0)
        for i, g in enumerate(ngo)
    )


@attrs.frozen(kw_only=True)
class _Masks:
    """Which groups a code opens: category code → mask, network key → mask, open groups."""

    categories: dict[str, int]
    networks: dict[str, int]
    open: int

    @classmethod
    def of(cls, groups: Sequence[Group]) -> _Masks:
        cat_mask: dict[str, int] = {}
        net_mask: dict[str, int] = {}
        open_mask = 0
        for g in groups:
            sg = g.seat_group
            if sg.source is SeatSource.CATEGORY:
                for c in sg.eligible_categories:
                    cat_mask[c] = cat_mask.get(c, 0) | 1 << g.index
            elif sg.source is SeatSource.NETWORK:
                key = sg.network or sg.id
                net_mask[key] = net_mask.get(key, 0) | 1 << g.index
            else:
                open_mask |= 1 << g.index
        return cls(categories=cat_mask, networks=net_mask, open=open_mask)

    def mask(self, codes: frozenset[str]) -> int:
        """The type of a registration that may use ``codes`` (categories and networks)."""
        mask = self.open
        for code in codes:
            mask |= self.categories.get(code, 0) | self.networks.get(code, 0)
        return mask


class Pool:
    """Registrations read against one rule set: eligibility masks, duplicates, findings.

    ``masks[i]`` is registration ``i``'s type (``0``: a duplicate, or fits no group);
    ``duplicate_of[i]`` the index of the first registration of the same organisation (ids
    compared in :func:`~jarjestoyhteistyo.model.ids.normal_id` form: ``ORG-01`` is ``org-01``);
    ``criteria_met[i]`` how many of the rule set's criteria it meets; ``counts`` the
    number of registrations of each non-empty type; ``findings`` the registration
    findings in input order; ``party`` the `JY108` findings of the rule set.
    """

    def __init__(self, rules: RuleSet, registrations: Sequence[Registration]) -> None:
        general = rules.as_general()
        self.rules = general
        self.kind = type(rules).kind
        self.regs = tuple(registrations)
        self.groups = ngo_groups(general)
        self.slots = [g.slots for g in self.groups]
        self.duplicate_of: dict[int, int] = {}
        self.criteria_met: list[int] = []
        self.masks: list[int] = []
        self.findings: list[Finding] = []
        self._read(_Masks.of(self.groups))
        self.counts: Counter[int] = Counter(self.masks)  # counted in C, then 0 dropped
        del self.counts[0]
        self.party = [
            finding(JY108, f"selection.criteria[{i}]", criterion=c.id)
            for i, c in enumerate(general.selection.criteria)
            if mentions_party_politics(c.id, c.text, *c.uses)
        ]

    def _read(self, groups_of: _Masks) -> None:
        """One pass over the registrations: masks, duplicates, criteria met, findings.

        The hot loop of a national call (100,000 registrations): a type is computed
        once per distinct (categories, networks) pair, findings only when one applies.
        """
        criteria = {c.id for c in self.rules.selection.criteria}
        # a rhythm the rule set does not state demands no hours that could be checked
        stated = self.rules.meetings.per_year is not None
        needed = hours_per_member(self.rules.meetings) if stated else None
        rule_cat = "KU-10" if self.kind == ThemeNetworkCouncil.kind else "FC-4"
        found, masks = self.findings, self.masks
        first: dict[str, int] = {}
        mask_of: dict[tuple[frozenset[str], frozenset[str]], int] = {}
        mask_of_categories: dict[frozenset[str], int] = {}  # no networks: the common case
        met_append, mask_append = self.criteria_met.append, masks.append
        for i, r in enumerate(self.regs):
            org = r.organisation
            met_append(len(r.answers & criteria) if r.answers else 0)
            oid = org.id
            # normal_id, its common case inlined: ORG-01 and org-01 are one organisation
            key = oid.strip().lower() if oid.isascii() else normal_id(oid)
            if key in first:
                self.duplicate_of[i] = first[key]
                found.append(_duplicate(i, org, first[key]))
                mask_append(0)
                continue
            first[key] = i
            applied = r.categories
            if not applied and not org.networks:
                mask = mask_of_categories.get(org.categories)
                if mask is None:
                    mask = mask_of_categories[org.categories] = groups_of.mask(org.categories)
            else:
                use: tuple[frozenset[str], frozenset[str]] = (org.categories, org.networks)
                if applied:
                    own = org.categories | org.networks
                    if not applied <= own:
                        found += _foreign(i, org, applied - own, rule_cat)
                    use = (applied & own, frozenset())
                mask = mask_of.get(use)
                if mask is None:
                    mask = mask_of[use] = groups_of.mask(use[0] | use[1])
            mask_append(mask)
            if not mask:
                found.append(finding(JY511, f"registrations[{i}]", index=i, organisation=org.id))
            link = r.link_description
            if not link or not link.strip():
                found.append(_no_link(i, org))
            if needed is not None and r.hours_available is not None and r.hours_available < needed:
                found.append(_short_of_time(i, org, r.hours_available, needed))
            if r.answers and not r.answers <= criteria:
                found += _unknown_answers(i, org, r.answers - criteria)

    def group_ids(self, mask: int) -> list[str]:
        """The ids of the groups in ``mask``, in the rule set's order."""
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
        drawn = (i for i in range(len(regs)) if i not in dup) if dup else range(len(regs))
        order = sorted(drawn, key=ids.__getitem__)
        random.Random(seed).shuffle(order)
        rank = [-1] * len(regs)
        for k, i in enumerate(order):
            rank[i] = k
        return order, rank


def _duplicate(i: int, org: Organisation, first: int) -> Finding:
    return finding(JY504, f"registrations[{i}]", index=i, organisation=org.id, first=first)


def _foreign(i: int, org: Organisation, codes: frozenset[str], rule: str) -> list[Finding]:
    """`JY503` for each code applied for that the organisation does not have."""
    return [
        finding(
            JY503,
            f"registrations[{i}].categories",
            rule=rule,
            index=i,
            organisation=org.id,
            category=code,
        )
        for code in sorted(codes)
    ]


def _no_link(i: int, org: Organisation) -> Finding:
    return finding(JY506, f"registrations[{i}].link_description", index=i, organisation=org.id)


def _short_of_time(i: int, org: Organisation, hours: float, needed: float) -> Finding:
    return finding(
        JY507,
        f"registrations[{i}].hours_available",
        index=i,
        organisation=org.id,
        hours=hours,
        needed=needed,
    )


def _unknown_answers(i: int, org: Organisation, unknown: frozenset[str]) -> list[Finding]:
    return [
        finding(JY508, f"registrations[{i}].answers", index=i, organisation=org.id, criterion=c)
        for c in sorted(unknown)
    ]
