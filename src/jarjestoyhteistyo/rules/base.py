"""What the rule families share: the kinds the codes name, and the context of a validation.

:class:`Context` holds a composition with the general form of its rule set and the
indexes every composition check reads; the family modules take it as their argument.
"""

from __future__ import annotations

from collections import defaultdict

from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.model.composition import Composition, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import (
    FormalCommittee,
    GeneralRuleSet,
    Need,
    OpenForum,
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
    """What the composition checks share: the general rules, the composition and indexes."""

    def __init__(self, rules: GeneralRuleSet, comp: Composition) -> None:
        self.rules = rules
        self.comp = comp
        self.groups = {g.id: g for g in rules.seat_groups}
        self.index = {s.id: i for i, s in enumerate(comp.seats)}
        self.members_by_group: dict[str, list[Seat]] = defaultdict(list)
        for s in comp.seats:
            if s.kind is not SeatKind.DEPUTY and s.group is not None:
                self.members_by_group[s.group].append(s)

    def path(self, seat: Seat, field: str = "") -> str:
        """The path of ``seat`` (and of one of its fields) in the composition."""
        base = f"seats[{self.index[seat.id]}]"
        return f"{base}.{field}" if field else base
