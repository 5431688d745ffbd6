"""Explanations: why each registration was or was not selected (`FC-3`, `OF-3`, `OF-4`).

Every registration gets one :class:`Explanation`: its :class:`Outcome`, its seat, its
lottery rank, the criteria it meets and a reason with the rule behind it. A proposal
computes them when first read (:attr:`~jarjestoyhteistyo.selection.Proposal.explanations`):
a national call has 100,000 registrations.

>>> x = Explanation(index=3, organisation="o3", outcome=Outcome.DEPUTY, seat="pensioners-d1",
...                 reason="drawn at lottery rank 5", rule="OF-4")
>>> x.selected, x.text()
(True, 'registration 3 (o3): deputy pensioners-d1 — drawn at lottery rank 5 (OF-4)')

Made by selection, an explanation says its reason in Finnish and Swedish too
(:meth:`Explanation.text`); one made with an English ``reason`` only keeps it:

>>> x.text("sv")
'anmälan 3 (o3): ersättare pensioners-d1 — drawn at lottery rank 5 (OF-4)'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from jarjestoyhteistyo.i18n import Term, Text, Translatable, gettext
from jarjestoyhteistyo.selection.pool import Pool

__all__ = ["Explanation", "Outcome"]

Reason: TypeAlias = tuple[Translatable | str, str]
"""A reason (a :class:`~jarjestoyhteistyo.i18n.Text`, or English) and the rule ids behind
it, e.g. ``(Text("brings the language {language!r}", language="sv"), "WS-7")``."""

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


class Shared:
    """A part many reasons share (a bar every registration left out is told), said once
    per language however many reasons hold it."""

    __slots__ = ("_said", "_text")

    def __init__(self, text: Translatable) -> None:
        self._text = text
        self._said: dict[str, str] = {}

    def text_in(self, lang: str) -> str:
        """The part in ``lang``, said the first time it is asked for."""
        said = self._said.get(lang)
        if said is None:
            said = self._said[lang] = self._text.text_in(lang)
        return said


#: The outcomes in words (the JSON keeps the value, ``not_selected``).
_OUTCOME_WORDS = {
    Outcome.MEMBER: Term("member", fi="jäsen", sv="ledamot"),
    Outcome.DEPUTY: Term("deputy", fi="varajäsen", sv="ersättare"),
    Outcome.RESERVE: Term("reserve", fi="varalla", sv="i reserv"),
    Outcome.NOT_SELECTED: Term("not selected", fi="ei valittu", sv="inte vald"),
    Outcome.INELIGIBLE: Term("ineligible", fi="ei kelpoinen", sv="inte behörig"),
    Outcome.DUPLICATE: Term("duplicate", fi="toistuva ilmoittautuminen", sv="dubblett"),
    Outcome.REJECTED: Term("rejected", fi="hylätty", sv="avvisad"),
}


@attrs.frozen(kw_only=True)
class Explanation:
    """Why a registration was or was not selected.

    ``rank`` is its place in the seeded lottery (1 is drawn first); ``criteria_met``
    counts the rule set's criteria it meets.

    >>> Explanation(index=0, organisation="o1", outcome=Outcome.NOT_SELECTED,
    ...             reason="seats full").text()
    'registration 0 (o1): not selected — seats full'
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
    #: :attr:`reason` in every language (``None``: English only); not compared, not in
    #: ``repr`` or the JSON form.
    reason_text: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def selected(self) -> bool:
        """True for a member or deputy seat."""
        return self.outcome in (Outcome.MEMBER, Outcome.DEPUTY)

    def text(self, lang: str = "en") -> str:
        """One line in ``lang`` (``fi``, ``sv``, ``en``): registration, outcome, seat and
        reason."""
        # the template looked up and filled in directly: a national call has 100,000 lines
        line = gettext(
            lang, "registration {index} ({organisation}): {outcome}{seat} — {reason}{rule}"
        )
        return line.format(
            index=self.index,
            organisation=self.organisation,
            outcome=_OUTCOME_WORDS[self.outcome].text_in(lang),
            seat=" " + self.seat if self.seat else "",
            reason=self.reason if self.reason_text is None else self.reason_text.text_in(lang),
            rule=" (" + self.rule + ")" if self.rule else "",
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
    # a reason shared by many registrations, in English once (by id: every reason stays
    # alive in its explanations)
    english: dict[int, str] = {}
    ineligible = Text("fits no seat group of this body")

    def explained(reason: Translatable | str, **fields: Any) -> Explanation:
        if isinstance(reason, str):
            return Explanation(reason=reason, **fields)
        key = id(reason)
        if key not in english:
            english[key] = reason.text_in("en")
        return Explanation(reason=english[key], reason_text=reason, **fields)

    for i, r in enumerate(pool.regs):
        org = r.organisation.id
        met = pool.criteria_met[i]
        if i in pool.duplicate_of:
            reason: Translatable | str = Text(
                "repeats registration {index}", index=pool.duplicate_of[i]
            )
            out.append(
                explained(
                    reason,
                    index=i,
                    organisation=org,
                    outcome=Outcome.DUPLICATE,
                    criteria_met=met,
                    rule="FC-9",
                )
            )
            continue
        rk = rank[i] + 1 if rank[i] >= 0 else None
        group: str | None
        if not pool.masks[i]:
            outcome, seat, group = Outcome.INELIGIBLE, "", None
            reason, rule = ineligible, "FC-4"
        elif i in placed:
            outcome, seat, group = placed[i]
            drawn: Reason = (Text("drawn at lottery rank {rank}", rank=rk), "OF-4")
            reason, rule = _seated(outcome, seat, why.get(i, drawn))
        else:
            outcome, seat, group = Outcome.NOT_SELECTED, "", None
            reason, rule = not_selected(i)
        out.append(
            explained(
                reason,
                index=i,
                organisation=org,
                outcome=outcome,
                seat=seat or None,
                group=group,
                rank=rk,
                criteria_met=met,
                rule=rule,
            )
        )
    return tuple(out)


def _seated(outcome: Outcome, seat: str, chosen: Reason) -> Reason:
    """The reason of a seated (or reserve) registration, given why it was chosen."""
    reason, rule = chosen
    if outcome is Outcome.RESERVE:
        return Text("no other organisation left to complete a member–deputy pair"), "FC-8"
    if outcome is Outcome.DEPUTY:
        left, _, num = seat.rpartition("-d")
        return (
            Text("{reason}; personal deputy of {seat}", reason=reason, seat=left + "-m" + num),
            f"{rule}, FC-8, FC-10",
        )
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
                Text(
                    "the seats of {groups} went to organisations chosen earlier (diversity "
                    "first, then criteria met, then the lottery rank)",
                    groups=groups,
                ),
                "FC-3, OF-4",
            )
        return cache[mask]

    return not_selected


def rejected(pool: Pool) -> tuple[Explanation, ...]:
    """Every registration's explanation when the rule set is party-political (`WS-1`)."""
    crit = ", ".join(repr(f.params["criterion"]) for f in pool.party)
    reason = Text(
        "the rule set is rejected: criterion {criteria} is party-political", criteria=crit
    )
    english = reason.text_in("en")
    return tuple(
        Explanation(
            index=i,
            organisation=r.organisation.id,
            outcome=Outcome.REJECTED,
            reason=english,
            reason_text=reason,
            rule="WS-1",
        )
        for i, r in enumerate(pool.regs)
    )
