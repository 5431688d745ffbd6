"""Explanations: why each registration was or was not selected (`FC-3`, `OF-3`, `OF-4`).

Every registration gets one :class:`Explanation`: its :class:`Outcome`, its seat, its
lottery rank, the criteria it meets and a reason with the rule behind it. A proposal
computes them when first read (:attr:`~jarjestoyhteistyo.selection.Proposal.explanations`):
a national call has 100,000 registrations.

>>> x = Explanation(index=3, organisation="o3", outcome=Outcome.DEPUTY, seat="pensioners-d1",
...                 reason="drawn at lottery rank 5", rule="OF-4")
>>> x.selected, x.text()
(True, 'registration 3 (o3): deputy pensioners-d1 — drawn at lottery rank 5 (OF-4)')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from jarjestoyhteistyo.selection.pool import Pool

__all__ = ["Explanation", "Outcome"]

Reason: TypeAlias = tuple[str, str]
"""A reason and the rule ids behind it, e.g. ``("brings the language 'sv'", "WS-7")``."""

Placed: TypeAlias = Mapping[int, tuple["Outcome", str, str]]
"""Registration index → (outcome, seat id, group id) for those seated or in reserve."""


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


def explain(
    pool: Pool,
    rank: Sequence[int],
    placed: Placed,
    why: Mapping[int, Reason],
    not_selected: Callable[[int], Reason],
) -> tuple[Explanation, ...]:
    """One explanation per registration of ``pool``, in input order.

    ``placed`` holds the seated and reserve registrations, ``why`` the reason each
    selected one was chosen for (else its lottery rank), ``not_selected`` the reason
    for a registration that fits but got no seat.
    """
    out = []
    for i, r in enumerate(pool.regs):
        org = r.organisation.id
        met = pool.criteria_met[i]
        if i in pool.duplicate_of:
            reason = f"repeats registration {pool.duplicate_of[i]}"
            out.append(
                Explanation(
                    index=i,
                    organisation=org,
                    outcome=Outcome.DUPLICATE,
                    criteria_met=met,
                    reason=reason,
                    rule="FC-9",
                )
            )
            continue
        rk = rank[i] + 1 if rank[i] >= 0 else None
        group: str | None
        if not pool.masks[i]:
            outcome, seat, group = Outcome.INELIGIBLE, "", None
            reason, rule = "fits no seat group of this body", "FC-4"
        elif i in placed:
            outcome, seat, group = placed[i]
            drawn = (f"drawn at lottery rank {rk}", "OF-4")
            reason, rule = _seated(outcome, seat, why.get(i, drawn))
        else:
            outcome, seat, group = Outcome.NOT_SELECTED, "", None
            reason, rule = not_selected(i)
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
    return tuple(out)


def _seated(outcome: Outcome, seat: str, chosen: Reason) -> Reason:
    """The reason of a seated (or reserve) registration, given why it was chosen."""
    reason, rule = chosen
    if outcome is Outcome.RESERVE:
        return "no other organisation left to complete a member–deputy pair", "FC-8"
    if outcome is Outcome.DEPUTY:
        left, _, num = seat.rpartition("-d")
        return f"{reason}; personal deputy of {left}-m{num}", f"{rule}, FC-8, FC-10"
    return reason, rule


def crowded_out(pool: Pool) -> Callable[[int], Reason]:
    """The reason of a registration that fits but got no seat in a committee or council.

    One text per type, computed once (a national call has many registrations per type).
    """
    cache: dict[int, Reason] = {}

    def not_selected(i: int) -> Reason:
        mask = pool.masks[i]
        if mask not in cache:
            groups = ", ".join(pool.group_ids(mask))
            cache[mask] = (
                f"the seats of {groups} went to organisations chosen earlier (diversity "
                "first, then criteria met, then the lottery rank)",
                "FC-3, OF-4",
            )
        return cache[mask]

    return not_selected


def rejected(pool: Pool) -> tuple[Explanation, ...]:
    """Every registration's explanation when the rule set is party-political (`WS-1`)."""
    crit = ", ".join(repr(f.params["criterion"]) for f in pool.party)
    reason = f"the rule set is rejected: criterion {crit} is party-political"
    return tuple(
        Explanation(
            index=i,
            organisation=r.organisation.id,
            outcome=Outcome.REJECTED,
            reason=reason,
            rule="WS-1",
        )
        for i, r in enumerate(pool.regs)
    )
