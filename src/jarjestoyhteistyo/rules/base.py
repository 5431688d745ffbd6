"""What the rule families share: the kinds the codes name, and the context of a validation.

:class:`Context` holds a composition with the general form of its rule set and the
indexes every composition check reads; the family modules take it as their argument.
"""

from __future__ import annotations

from collections import defaultdict

from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.model.composition import Composition, Seat, SeatKind, Stage
from jarjestoyhteistyo.model.rulesets import (
    FormalCommittee,
    GeneralRuleSet,
    Need,
    OpenForum,
    SeatGroup,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import KIND_OF_SOURCE, NGO_SOURCES

__all__ = ["FC", "GEN", "KIND_OF_SOURCE", "KU", "NGO_SOURCES", "OF", "SEVERITY", "Context"]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
#: The rule-set kinds, as the codes' ``kinds`` name them.
FC, OF, KU = FormalCommittee.kind, OpenForum.kind, ThemeNetworkCouncil.kind
GEN = GeneralRuleSet.kind

#: The severity of a rule the rule set makes ``required`` (error) or ``wanted`` (warning).
SEVERITY = {Need.REQUIRED: E, Need.WANTED: W}


class Context:
    """What the composition checks share: the general rules, the composition and indexes.

    ``kind`` is the kind of the rule set as written (its general form does not say),
    so a check can cite the rule of that kind; ``stage`` is the composition's
    :class:`~jarjestoyhteistyo.model.composition.Stage`.
    """

    def __init__(
        self,
        rules: GeneralRuleSet,
        comp: Composition,
        *,
        kind: str = GEN,
        stage: Stage = Stage.APPOINTED,
    ) -> None:
        self.rules = rules
        self.comp = comp
        self.kind = kind
        self.stage = stage
        self.groups = {g.id: g for g in rules.seat_groups}
        # by id, the first seat of an id; by object, each seat itself, so that a
        # finding on the second of two seats with one id names the second (issue #16)
        self.index: dict[str, int] = {}
        self._at: dict[int, int] = {}
        for i, s in enumerate(comp.seats):
            self.index.setdefault(s.id, i)
            self._at.setdefault(id(s), i)
        self.members_by_group: dict[str, list[Seat]] = defaultdict(list)
        for s in comp.seats:
            if s.kind is not SeatKind.DEPUTY and s.group is not None:
                self.members_by_group[s.group].append(s)

    def group_of(self, seat: Seat) -> SeatGroup | None:
        """The seat group of a seat (a deputy's: its member's, or its own ``group``)."""
        if seat.kind is SeatKind.DEPUTY and seat.deputy_of is not None:
            member = self.comp.find_seat(seat.deputy_of)
            if member is not None:
                return self.groups.get(member.group or "")
        return self.groups.get(seat.group or "")

    def municipality_of(self, seat: Seat) -> str | None:
        """The municipality a seat is for: its own, or its group's."""
        if seat.municipality:
            return seat.municipality
        group = self.group_of(seat)
        return group.municipality if group is not None else None

    def nominator_of(self, seat: Seat) -> str | None:
        """Who named a seat's holder: the seat's ``nominated_by``, or its group's."""
        if seat.nominated_by:
            return seat.nominated_by
        group = self.group_of(seat)
        return group.nominated_by if group is not None else None

    @staticmethod
    def counts(seat: Seat) -> bool:
        """Whether a seat counts as filled: held, or vacant with a holder pending."""
        return not seat.vacant or seat.pending

    def path(self, seat: Seat, field: str = "") -> str:
        """The path of ``seat`` (and of one of its fields) in the composition."""
        at = self._at.get(id(seat))
        base = f"seats[{self.index[seat.id] if at is None else at}]"
        return f"{base}.{field}" if field else base
