"""Feasibility: can the registrations fill every NGO seat? (`FC-4`, `FC-5`, `FC-9`, `WS-7`).

:func:`feasibility` answers exactly with a maximum flow over registration *types*
(:mod:`~jarjestoyhteistyo.selection._flow`); when the answer is no, Hall's theorem
names the smallest set of seat groups that cannot be covered (:class:`Shortage`)
and the flow says how many more organisations each group needs. It declares `JY502`.

(The module is named ``feasible`` so that it does not shadow the function
:func:`~jarjestoyhteistyo.selection.feasibility` of the package.)

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.registrations import Registration
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> rules = FormalCommittee(name="x", area="y", members_per_category=1)
>>> one = [Registration(organisation=Organisation(id="p", categories=frozenset({"pensioners"})),
...                     member=Person(role=Role.VOLUNTEER))]
>>> f = feasibility(rules, one)
>>> f.fillable, f.seats, f.violator.groups, f.call_for["pensioners"]
(1, 16, ('child-family',), 1)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import Need, RuleSet
from jarjestoyhteistyo.selection._flow import TypeNetwork, max_flow_of_types
from jarjestoyhteistyo.selection.pool import Pool

__all__ = ["Feasibility", "Shortage", "feasibility"]

E, W = Severity.ERROR, Severity.WARNING

JY502 = Code(
    code="JY502",
    rule="FC-5",
    severity=E,
    title="Registrations cannot fill the seats",
    en="groups {groups} have {seats} seats but only {organisations} organisations "
    "registered for any of them: {missing} more needed",
    fix="Another call for registrations in these categories (Hall's theorem: counting "
    "a multi-category organisation once).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY502,)


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

    def explain(self, lang: str = "en") -> str:
        """A preparer's explanation in ``lang`` (``fi``, ``sv``, ``en``); group ids as
        written.

        >>> Feasibility(seats=4, fillable=4).explain("fi")
        'Kaikki 4 paikkaa voidaan täyttää ilmoittautuneista.'
        """
        if self.feasible:
            return Text(
                "All {seats} seats can be filled from the registrations.", seats=self.seats
            ).text_in(lang)
        lines = [
            Text(
                "Only {fillable} of {seats} seats can be filled.",
                fillable=self.fillable,
                seats=self.seats,
            )
        ]
        v = self.violator
        if v is not None:
            lines.append(
                Text(
                    "Groups {groups} have {seats} seats, but only {organisations} organisations"
                    " registered for any of them (an organisation counts once, FC-9, WS-7).",
                    groups=", ".join(v.groups),
                    seats=v.seats,
                    organisations=v.organisations,
                )
            )
        need = ", ".join(f"{g} {n}" for g, n in self.call_for.items())
        lines.append(
            Text(
                "Fix: another call for registrations in {groups}: {missing} more"
                " organisation(s) ({need}).",
                groups=", ".join(self.call_for),
                missing=self.missing,
                need=need,
            )
        )
        return " ".join(line.text_in(lang) for line in lines)


def hall_violator(pool: Pool) -> Shortage | None:
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


def feasibility_of(pool: Pool) -> tuple[Feasibility, int]:
    """:func:`feasibility` of a pool already read, and the number of seats it can fill."""
    fillable, net = max_flow_of_types(pool.slots, pool.counts)
    seats = sum(pool.slots)
    by_group = {g.id: g.slots for g in pool.groups}
    if fillable >= seats:
        return Feasibility(seats=seats, fillable=fillable, seats_by_group=by_group), fillable
    violator = hall_violator(pool)
    call_for = _call_for(pool, net)
    found: list[Finding] = [] if violator is None else [_short(pool, violator, call_for)]
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


def _call_for(pool: Pool, net: TypeNetwork) -> dict[str, int]:
    """How many more organisations each group needs, after the maximum flow."""
    return {
        g.id: g.slots - int(net.load(g.index))
        for g in pool.groups
        if g.slots - int(net.load(g.index)) > 0
    }


def _short(pool: Pool, violator: Shortage, call_for: Mapping[str, int]) -> Finding:
    """`JY502`: an error when a group of the violator is required, else a warning."""
    names = set(violator.groups)
    required = any(
        g.seat_group.need is Need.REQUIRED and g.seat_group.seats.min > 0
        for g in pool.groups
        if g.id in names
    )
    return finding(
        JY502,
        "registrations",
        severity=E if required else W,
        groups=", ".join(violator.groups),
        seats=violator.seats,
        organisations=violator.organisations,
        missing=violator.missing,
        call_for=call_for,
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
    return feasibility_of(Pool(rules, registrations))[0]
