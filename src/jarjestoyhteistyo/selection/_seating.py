"""Seating: from the registrations accepted to a composition (`FC-8`, `FC-9`, `FC-10`, `OF-8`).

:func:`assign` splits the accepted registrations over the seat groups with a maximum
flow over types (and, with personal deputies, evens the groups out so that as few as
possible are left with an odd organisation, :func:`even_out`); :func:`build` turns
the seated registrations into a :class:`~jarjestoyhteistyo.model.composition.Composition`
— members first, their personal deputies next (member *n* ↔ deputy *n*), an
organisation without a partner kept in reserve — and says where each one sits.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence

from jarjestoyhteistyo.model.composition import Composition, Organisation, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import DeputyMode, SeatGroup, SeatSource
from jarjestoyhteistyo.selection._diversity import Selector
from jarjestoyhteistyo.selection._flow import TypeNetwork
from jarjestoyhteistyo.selection.explanation import Outcome
from jarjestoyhteistyo.selection.pool import Group, Pool

__all__: list[str] = []

#: The seats of groups that selection does not fill but lists, by their source.
_LISTED = {SeatSource.COMMITTEE: SeatKind.COMMITTEE, SeatSource.OFFICIAL: SeatKind.OFFICIAL}


def assign(pool: Pool, sel: Selector) -> dict[int, list[int]]:
    """Seat the accepted registrations: group index → registration indices in order."""
    counts = Counter(a for _, a in sel.accepted)
    net = TypeNetwork(pool.slots)
    index_of: dict[int, int] = {}
    for mask in sorted(counts):
        index_of[mask] = net.add_type(mask, counts[mask])
    net.run()
    if pool.rules.deputies.mode is DeputyMode.PERSONAL:
        even_out(pool, net)
    quota = {mask: dict(net.split(t)) for mask, t in index_of.items()}
    seated: dict[int, list[int]] = {g.index: [] for g in pool.groups}
    for i, mask in sel.accepted:  # acceptance order: diversity picks first
        for j, n in quota[mask].items():
            if n > 0:
                seated[j].append(i)
                quota[mask][j] = n - 1
                break
    return seated


def even_out(pool: Pool, net: TypeNetwork) -> None:
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


def _seat_id(g: Group, kind: str, n: int) -> str:
    return f"{g.id}-{kind}{n}"


class _Seating:
    """The seats, organisations and placements of a composition being built."""

    def __init__(self, pool: Pool, *, own_deputies: bool) -> None:
        self.regs = pool.regs
        self.own_deputies = own_deputies
        self.personal = pool.rules.deputies.mode is DeputyMode.PERSONAL
        self.seats: list[Seat] = []
        self.orgs: list[Organisation] = []
        self.placed: dict[int, tuple[Outcome, str, str]] = {}

    def unfilled(self, sg: SeatGroup) -> None:
        """List the committee and official seats of a group selection does not fill."""
        if sg.source in _LISTED:
            self.seats += [
                Seat(id=f"{sg.id}-{n}", kind=_LISTED[sg.source], group=sg.id)
                for n in range(1, max(sg.seats.min, 1) + 1)
            ]

    def group(self, g: Group, who: list[int]) -> None:
        """Seat ``who`` (in order) in ``g``: members, then their personal deputies."""
        if g.deputies and self.personal:
            pairs = min(g.members, len(who) // 2)
            members, deputies = who[:pairs], who[pairs : 2 * pairs]
            reserve = who[2 * pairs :]
        elif g.deputies:
            members, deputies, reserve = who[: g.members], who[g.members :], []
        else:
            members, deputies, reserve = who[: g.members], [], who[g.members :]
        # list every seat of the group's minimum; above it, only the filled ones
        listed = max(g.seat_group.seats.min, len(members))
        for n in range(1, listed + 1):
            mid = self._member(g, n, members[n - 1] if n <= len(members) else None)
            if g.deputies:
                self._deputy(g, n, mid, deputies[n - 1] if n <= len(deputies) else None)
        for i in reserve:
            self.placed[i] = (Outcome.RESERVE, "", g.id)

    def _member(self, g: Group, n: int, i: int | None) -> str:
        """Member seat ``n`` of ``g`` for registration ``i`` (vacant if ``None``); its id."""
        mid = _seat_id(g, "m", n)
        r = self.regs[i] if i is not None else None
        self.seats.append(
            Seat(
                id=mid,
                kind=SeatKind.MEMBER,
                group=g.id,
                organisation=r.organisation.id if r else None,
                person=r.member if r else None,
            )
        )
        if r is not None and i is not None:
            self.orgs.append(r.organisation)
            self.placed[i] = (Outcome.MEMBER, mid, g.id)
            if self.own_deputies and r.deputy is not None:  # the forum's own deputy (OF-8)
                self.seats.append(
                    Seat(
                        id=_seat_id(g, "d", n),
                        kind=SeatKind.DEPUTY,
                        group=g.id,
                        organisation=r.organisation.id,
                        person=r.deputy,
                        deputy_of=mid,
                    )
                )
        return mid

    def _deputy(self, g: Group, n: int, mid: str, j: int | None) -> None:
        """Personal-deputy seat ``n`` of ``g`` (of member seat ``mid``) for registration ``j``."""
        d = self.regs[j] if j is not None else None
        did = _seat_id(g, "d", n)
        self.seats.append(
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
            self.orgs.append(d.organisation)
            self.placed[j] = (Outcome.DEPUTY, did, g.id)


def build(
    pool: Pool, seated: Mapping[int, Sequence[int]], *, own_deputies: bool = False
) -> tuple[Composition, dict[int, tuple[Outcome, str, str]]]:
    """The composition and each seated (or reserve) registration's seat.

    Seat groups come in the rule set's order; groups selection does not fill list
    their committee and official seats vacant (see ``OUT_OF_SCOPE``).
    """
    rules = pool.rules
    seating = _Seating(pool, own_deputies=own_deputies)
    by_id = {g.id: g for g in pool.groups}
    for sg in rules.seat_groups:
        g = by_id.get(sg.id)
        if g is None:
            seating.unfilled(sg)
        else:
            seating.group(g, list(seated.get(g.index, ())))
    name = f"Proposal for {rules.name}" if rules.name else "Proposal"
    seats, orgs = tuple(seating.seats), tuple(seating.orgs)
    return Composition(name=name, organisations=orgs, seats=seats), seating.placed
