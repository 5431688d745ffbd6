"""The chair and the other functions (`FC-7`, `OF-5`, `WS-8`).

* ``JY112`` — an open forum with an official chair (`OF-5`);
* ``JY115`` — a formal committee's chair not chosen in dialogue, or its reasons not
  recorded (`FC-7`);
* ``JY210`` — no chair or vice-chair, or more than one (`FC-7`);
* ``JY211`` — a chair in a body that has none (`OF-5`);
* ``JY226`` — no seat prepares the meetings: a secretary, or a forum's coordinator (`WS-8`).
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.model.composition import Function
from jarjestoyhteistyo.model.rulesets import ChairMode, FormalCommittee, OpenForum, RuleSet
from jarjestoyhteistyo.rules.base import FC, GEN, KU, OF, Context, E, I, W

__all__ = ["check_chair", "validate_chair", "validate_preparer"]

JY112 = Code(
    code="JY112",
    rule="OF-5",
    severity=E,
    title="Open forum with a chair",
    en="an open forum has no official chair (chair mode {mode})",
    fi="vapaamuotoisella foorumilla ei ole virallista puheenjohtajaa ({mode})",
    fix="Set chair mode to none; the HYTE team coordinates.",
    kinds=frozenset({OF}),
)

JY115 = Code(
    code="JY115",
    rule="FC-7",
    severity=W,
    title="Chair procedure",
    en="{detail}",
    fi="{detail_fi}",
    fix="Choose chair and vice-chair in dialogue with the committee and record why.",
    kinds=frozenset({FC}),
)

JY210 = Code(
    code="JY210",
    rule="FC-7",
    severity=E,
    title="Chair missing or doubled",
    en="{detail}",
    fi="{detail_fi}",
    fix="Name exactly one chair (and vice-chair where required).",
    kinds=frozenset({FC, KU, GEN}),
    tags=frozenset({BREAKABLE}),
)

JY211 = Code(
    code="JY211",
    rule="OF-5",
    severity=E,
    title="Chair where there is none",
    en="seat {seat} holds {function}, but this body has no chair",
    fi="paikalla {seat} on tehtävä {function}, mutta elimellä ei ole puheenjohtajaa",
    fix="Remove the chair; the coordinator compiles the agenda.",
    kinds=frozenset({OF, GEN}),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY226 = Code(
    code="JY226",
    rule="WS-8",
    severity=W,
    title="No one prepares the meetings",
    en="no seat holds the {function} function",
    fi="millään paikalla ei ole tehtävää {function}",
    fix="Name a secretary (WS-8), or the coordinator of an open forum (OF-5).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY112, JY115, JY210, JY211, JY226)


def check_chair(rules: RuleSet) -> Iterator[Finding]:
    """`FC-7`: a formal committee's chair in dialogue; `OF-5`: a forum has none."""
    if isinstance(rules, FormalCommittee):
        if rules.chair.mode is ChairMode.NONE:
            yield finding(
                JY115,
                "chair.mode",
                severity=E,
                detail="a formal body needs a chair",
                detail_fi="virallinen toimielin tarvitsee puheenjohtajan",
            )
        elif rules.chair.mode is not ChairMode.DIALOGUE:
            yield finding(
                JY115,
                "chair.mode",
                severity=I,
                detail=f"chair chosen by {rules.chair.mode.value}, not in dialogue",
                detail_fi=f"puheenjohtaja valitaan: {rules.chair.mode.value}",
            )
        if not rules.chair.procedure_recorded:
            yield finding(
                JY115,
                "chair.procedure_recorded",
                detail="the reasons and procedure of the chair choice are not recorded",
                detail_fi="puheenjohtajan valinnan perusteita ja menettelyä ei kirjata",
            )
    elif isinstance(rules, OpenForum) and rules.chair.mode is not ChairMode.NONE:
        yield finding(JY112, "chair.mode", mode=rules.chair.mode.value)


def validate_chair(ctx: Context) -> Iterator[Finding]:
    """Exactly one chair (and vice-chair where wanted), or none where the body has none."""
    chair = ctx.rules.chair
    holders = {
        f: [s for s in ctx.comp.seats if f in s.functions]
        for f in (Function.CHAIR, Function.VICE_CHAIR)
    }
    if chair.mode is ChairMode.NONE:
        for f, seats in holders.items():
            for s in seats:
                yield finding(JY211, ctx.path(s, "functions"), seat=s.id, function=f.value)
        return
    wanted = [Function.CHAIR] + ([Function.VICE_CHAIR] if chair.vice_chair else [])
    for f in wanted:
        n = len(holders[f])
        if n != 1:
            name = f.value.replace("_", "-")
            yield finding(
                JY210,
                "seats",
                detail=f"{n} seats hold the {name} function",
                detail_fi=f"{n} paikalla on tehtävä {name}",
            )
    both = set(holders[Function.CHAIR]) & set(holders[Function.VICE_CHAIR])
    for s in sorted(both, key=lambda s: s.id):
        yield finding(
            JY210,
            ctx.path(s, "functions"),
            detail=f"seat {s.id} is both chair and vice-chair",
            detail_fi=f"paikka {s.id} on sekä puheenjohtaja että varapuheenjohtaja",
        )


def validate_preparer(ctx: Context) -> Iterator[Finding]:
    """`WS-8`: someone prepares the meetings: a secretary, or a forum's coordinator (`OF-5`)."""
    forum = ctx.rules.chair.mode is ChairMode.NONE
    wanted = Function.COORDINATOR if forum else Function.SECRETARY
    if ctx.comp.seats and not any(wanted in s.functions for s in ctx.comp.seats):
        yield finding(JY226, "seats", rule="OF-5" if forum else None, function=wanted.value)
