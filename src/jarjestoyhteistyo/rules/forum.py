"""Rules of an open forum and of any capped body (`OF-3`, `OF-4`, `OF-8`, `OF-9`, `OF-10`).

* ``JY107`` — a cap on the organisations but no criteria for oversubscription (`OF-3`;
  a general rule set with a cap too);
* ``JY113`` — a meeting fee in an open forum (`OF-9`);
* ``JY125`` — a forum that is not open: registration closed, or criteria applied even
  when not oversubscribed (`OF-4`, `OF-3`);
* ``JY129`` — term or deputies fixed instead of agreed with the NGOs (`OF-8`);
* ``JY212`` — a composition with more organisations than the cap (`OF-3`).

A forum's chair is :mod:`~jarjestoyhteistyo.rules.chair`'s, its committee
representative :mod:`~jarjestoyhteistyo.rules.seats`'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import SeatKind
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    FeePolicy,
    GeneralRuleSet,
    OpenForum,
    RuleSet,
    SeatSource,
    TermMode,
)
from jarjestoyhteistyo.rules.base import GEN, OF, Context, E, I, W
from jarjestoyhteistyo.rules.consistency import JY101
from jarjestoyhteistyo.rules.formal import JY114

__all__ = ["check_cap", "check_forum", "validate_cap"]

JY107 = Code(
    code="JY107",
    rule="OF-3",
    severity=W,
    title="Cap without criteria",
    en="cap of {cap} organisations but no criteria for oversubscription",
    fix="Draft selection criteria with the NGOs for when more register than the cap.",
    kinds=frozenset({OF, GEN}),
)

JY113 = Code(
    code="JY113",
    rule="OF-9",
    severity=W,
    title="Open forum with a fee",
    en="an open forum pays no meeting fee (fee {fee})",
    fix="Set fee to none.",
    kinds=frozenset({OF}),
)

JY125 = Code(
    code="JY125",
    rule="OF-4",
    severity=E,
    title="Forum not open",
    en="{detail}",
    fix="An open forum takes open registrations; criteria apply only when oversubscribed.",
    kinds=frozenset({OF}),
)

JY129 = Code(
    code="JY129",
    rule="OF-8",
    severity=I,
    title="Term or deputies fixed in a forum",
    en="{detail}",
    fix="In an open forum, agree term and deputies with the NGOs.",
    kinds=frozenset({OF}),
)

JY212 = Code(
    code="JY212",
    rule="OF-3",
    severity=E,
    title="Over the cap",
    en="{count} organisations; the cap is {cap}",
    fix="Apply the criteria for oversubscription (OF-3).",
    kinds=frozenset({OF, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY107, JY113, JY125, JY129, JY212)


def check_cap(rules: RuleSet) -> Iterator[Finding]:
    """`OF-3`: a positive cap, and criteria for when more register than it."""
    if isinstance(rules, OpenForum):
        if rules.cap < 1:
            yield finding(
                JY101,
                "cap",
                rule="OF-3",
                what="cap",
                detail=Text("cap is {cap}", cap=rules.cap),
            )
        elif not rules.selection.criteria:
            yield finding(JY107, "selection.criteria", cap=rules.cap)
    elif isinstance(rules, GeneralRuleSet) and rules.cap is not None:
        if not rules.selection.criteria:
            yield finding(JY107, "selection.criteria", cap=rules.cap)
        least = sum(g.seats.min for g in rules.seat_groups if g.source is SeatSource.OPEN)
        if least > rules.cap:  # the open groups need more seats than the cap allows
            yield finding(
                JY101,
                "cap",
                rule="OF-3",
                what="cap",
                detail=Text(
                    "cap {cap} is below the {least} seats the open groups need",
                    cap=rules.cap,
                    least=least,
                ),
            )


def check_forum(rules: RuleSet) -> Iterator[Finding]:
    """`OF-4`, `OF-8`, `OF-9`, `OF-10`: an open, agreed, unpaid forum without statutory duties."""
    if not isinstance(rules, OpenForum):
        return
    sel = rules.selection
    if not sel.open_registration:
        yield finding(
            JY125,
            "selection.open_registration",
            rule="OF-3",
            detail=Text("registration is not open"),
        )
    if not sel.criteria_only_when_oversubscribed:
        yield finding(
            JY125,
            "selection.criteria_only_when_oversubscribed",
            detail=Text("criteria apply even when not oversubscribed"),
        )
    if rules.fee is not None and rules.fee is not FeePolicy.NONE:
        yield finding(JY113, "fee", fee=rules.fee.value)
    if rules.term is not None and rules.term.mode is not TermMode.AGREED:
        yield finding(
            JY129,
            "term.mode",
            detail=Text("term is fixed, not agreed with the NGOs"),
        )
    if rules.deputies.mode is not DeputyMode.AGREED:
        yield finding(
            JY129,
            "deputies.mode",
            detail=Text("deputies are fixed, not agreed"),
        )
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties", rule="OF-10")


def validate_cap(ctx: Context) -> Iterator[Finding]:
    """`OF-3`: the cap counts the organisations of *all* open groups together."""
    cap = ctx.rules.cap
    if cap is None:
        return
    open_ids = {g.id for g in ctx.rules.seat_groups if g.source is SeatSource.OPEN}
    n = sum(
        1
        for s in ctx.comp.seats
        if s.kind is SeatKind.MEMBER and s.group in open_ids and not s.vacant
    )
    if n > cap:
        yield finding(JY212, "seats", count=n, cap=cap)
