"""Seat arithmetic shared by every layer: which seat sources NGOs hold, and which seat
kind holds the seats of each source (`FC-4`, `KU-4`, `KU-10`, `OF-3`).

>>> from jarjestoyhteistyo.model.rulesets import SeatSource
>>> SeatSource.NETWORK in NGO_SOURCES, KIND_OF_SOURCE[SeatSource.OFFICIAL].value
(True, 'official')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from jarjestoyhteistyo.model.composition import SeatKind
from jarjestoyhteistyo.model.rulesets import DeputyMode, GeneralRuleSet, SeatGroup, SeatSource

__all__ = [
    "KIND_OF_SOURCE",
    "NGO_SOURCES",
    "NGO_SOURCE_ORDER",
    "NOT_MEMBER_KINDS",
    "deputy_mode_of",
]

#: Seat sources held by NGO representatives, in the order reports list them:
#: association categories (`FC-4`), theme networks (`KU-10`), open registration (`OF-3`).
NGO_SOURCE_ORDER: Final = (SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN)
#: The same sources as a set, for membership tests.
NGO_SOURCES: Final = frozenset(NGO_SOURCE_ORDER)

#: Seat kinds that are not members of the body: a deputy stands in for a member, and
#: staff (secretary, presenter, coordinator) serve it. They belong to no seat group of
#: their own, hold no chair elected from among the members and have no deputy.
NOT_MEMBER_KINDS: Final = frozenset({SeatKind.DEPUTY, SeatKind.STAFF})

#: The seat kind that holds the seats of each source.
KIND_OF_SOURCE: Final[Mapping[SeatSource, SeatKind]] = {
    SeatSource.CATEGORY: SeatKind.MEMBER,
    SeatSource.NETWORK: SeatKind.MEMBER,
    SeatSource.OPEN: SeatKind.MEMBER,
    SeatSource.SECTOR: SeatKind.MEMBER,
    SeatSource.COMMITTEE: SeatKind.COMMITTEE,
    SeatSource.OFFICIAL: SeatKind.OFFICIAL,
    SeatSource.EXPERT: SeatKind.EXPERT,
}


def deputy_mode_of(rules: GeneralRuleSet, group: SeatGroup | None) -> DeputyMode:
    """The deputy mode of a seat group: its own ``deputies``, else the body's for an NGO
    group (or an unknown one), else none (`GEN-4`: a sector, official or expert seat has
    deputies only where its group says so). The one reading that validation and the
    example planner share.

    >>> from jarjestoyhteistyo.model.rulesets import DeputyPolicy
    >>> rules = GeneralRuleSet(name="x", area="y", deputies=DeputyPolicy(mode=DeputyMode.PERSONAL))
    >>> sector = SeatGroup(id="s", source=SeatSource.SECTOR)
    >>> deputy_mode_of(rules, sector).value, deputy_mode_of(rules, None).value
    ('none', 'personal')
    """
    if group is not None and group.deputies is not None:
        return group.deputies
    if group is None or group.source in NGO_SOURCES:
        return rules.deputies.mode
    return DeputyMode.NONE
