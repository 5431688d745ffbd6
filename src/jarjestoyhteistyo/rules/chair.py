"""The chair and the other functions (`FC-7`, `OF-5`, `KU-6`, `WS-8`, `GEN-3`).

Only what the rule set states is checked (`GEN-3`, the project's rule id for "the
officers and functions the rule set itself states"): a general rule set or a
theme-network council without a ``chair`` policy has no chair rule at all.

* ``JY112`` — an open forum with an official chair (`OF-5`);
* ``JY115`` — a formal committee's chair not chosen in dialogue, or its reasons not
  recorded (`FC-7`);
* ``JY210`` — not one chair, or not as many vice-chairs as the rule set has (`FC-7`);
* ``JY211`` — a chair in a body that has none (`OF-5`);
* ``JY226`` — nobody holds a function the rule set requires: the secretary (`WS-8`),
  a forum's coordinator (`OF-5`), a council's convener and secretary (`KU-6`);
* ``JY227`` (info) — at the proposal stage, the chair or vice-chairs the body elects
  itself are not yet elected;
* ``JY228`` — a chair or vice-chair who is not a voting member, where the body elects
  them from among its members;
* ``JY229`` — a function that is neither known nor defined by the rule set (`GEN-2`);
* ``JY232`` — a seat holds a required function the rule set gives to other seats: a
  required function may name the seat groups or sources whose seats hold it
  (:class:`~jarjestoyhteistyo.model.rulesets.RequiredFunction`; Päijät-Häme: "Esittelijänä
  toimii hyvinvointialueen edustaja"). ``JY226`` is for a function nobody holds,
  ``JY232`` for one held by the wrong seat.
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import BREAKABLE, SELECTION, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Joined, Text
from jarjestoyhteistyo.model.composition import Function, Stage
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    FormalCommittee,
    OpenForum,
    RequiredFunction,
    RuleSet,
)
from jarjestoyhteistyo.model.seats import NOT_MEMBER_KINDS
from jarjestoyhteistyo.model.vocabulary import function_term, term
from jarjestoyhteistyo.rules.base import FC, GEN, KU, OF, Context, E, I, W
from jarjestoyhteistyo.rules.consistency import JY101
from jarjestoyhteistyo.rules.values import did_you_mean

__all__ = ["check_chair", "holders", "validate_chair", "validate_functions"]

JY112 = Code(
    code="JY112",
    rule="OF-5",
    severity=E,
    title="Open forum with a chair",
    en="an open forum has no official chair (chair mode {mode})",
    fix="Set chair mode to none; the HYTE team coordinates.",
    kinds=frozenset({OF}),
)

JY115 = Code(
    code="JY115",
    rule="FC-7",
    severity=W,
    title="Chair procedure",
    en="{detail}",
    fix="Choose chair and vice-chair in dialogue with the committee and record why.",
    kinds=frozenset({FC}),
)

JY210 = Code(
    code="JY210",
    rule="FC-7",
    severity=E,
    title="Chair or vice-chair missing or doubled",
    en="{count} seats hold the {function} function, wanted {wanted}: {seats}",
    fix="Name exactly one chair and as many vice-chairs as the rule set has.",
    other_rules=((KU, "GEN-3"), (GEN, "GEN-3")),
    tags=frozenset({BREAKABLE}),
)

JY211 = Code(
    code="JY211",
    rule="OF-5",
    severity=E,
    title="Chair where there is none",
    en="seat {seat} holds {function}, but this body has no chair",
    fix="Remove the chair; the coordinator compiles the agenda.",
    other_rules=((FC, "GEN-3"), (KU, "GEN-3"), (GEN, "GEN-3")),
    tags=frozenset({BREAKABLE, SELECTION}),
)

JY226 = Code(
    code="JY226",
    rule="WS-8",
    severity=W,
    title="A required function is not held",
    en="no seat holds the {function} function",
    fix="Name a secretary (WS-8), the coordinator of an open forum (OF-5), the convener "
    "of a council (KU-6), or whoever holds the function the rule set requires.",
    other_rules=((OF, "OF-5"), (KU, "KU-6"), (GEN, "GEN-3")),
)

JY227 = Code(
    code="JY227",
    rule="FC-7",
    severity=I,
    title="To be elected at the constitutive meeting",
    en="{function}: {count} of {wanted} elected; the body elects them itself at its "
    "constitutive meeting",
    fix="Nothing to do before the constitutive meeting; validate again after it.",
    other_rules=((KU, "GEN-3"), (GEN, "GEN-3")),
)

JY228 = Code(
    code="JY228",
    rule="GEN-3",
    severity=E,
    title="Chair not from among the members",
    en="seat {seat} holds {function}, but it is not a voting member seat ({kind}); "
    "the body elects its chair from among its members",
    fix="Give the function to a voting member, or set chair.from_members: false.",
    tags=frozenset({BREAKABLE}),
)

JY229 = Code(
    code="JY229",
    rule="GEN-2",
    severity=W,
    title="Unknown function",
    en="seat {seat}: unknown function {function!r}; known: {known}",
    fix="Use a known function, or list the body's own functions in the rule set's functions.",
)

JY232 = Code(
    code="JY232",
    rule="GEN-3",
    severity=E,
    title="A required function held by the wrong seat",
    en="seat {seat} holds the {function} function, but the rule set gives it to {holders}",
    fix="Give the function to a seat of the groups or sources the rule set names, or "
    "change who may hold it in the rule set's required_functions.",
)

#: The most vice-chairs a body has (a disability council's first, second and third).
MAX_VICE_CHAIRS = 3

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY112, JY115, JY210, JY211, JY226, JY227, JY228, JY229, JY232)


def check_chair(rules: RuleSet) -> Iterator[Finding]:
    """`FC-7`: a formal committee's chair in dialogue; `OF-5`: a forum has none; 0–3
    vice-chairs (``JY101``)."""
    if rules.chair is not None and not 0 <= rules.chair.vice_chairs <= MAX_VICE_CHAIRS:
        yield finding(
            JY101,
            "chair.vice_chairs",
            rule="FC-7",
            what="chair.vice_chairs",
            detail=Text(
                "{count} vice-chairs; 0–{most} allowed",
                count=rules.chair.vice_chairs,
                most=MAX_VICE_CHAIRS,
            ),
        )
    if isinstance(rules, FormalCommittee):
        if rules.chair.mode is ChairMode.NONE:
            yield finding(
                JY115,
                "chair.mode",
                severity=E,
                detail=Text("a formal body needs a chair"),
            )
        elif rules.chair.mode is not ChairMode.DIALOGUE and rules.chair.mode is not None:
            yield finding(
                JY115,
                "chair.mode",
                severity=I,
                detail=Text("chair chosen by {mode}, not in dialogue", mode=term(rules.chair.mode)),
            )
        if not rules.chair.procedure_recorded:
            yield finding(
                JY115,
                "chair.procedure_recorded",
                detail=Text("the reasons and procedure of the chair choice are not recorded"),
            )
    elif isinstance(rules, OpenForum) and rules.chair.mode not in (ChairMode.NONE, None):
        yield finding(
            JY112, "chair.mode", mode=term(rules.chair.mode) if rules.chair.mode else "None"
        )


def validate_chair(ctx: Context) -> Iterator[Finding]:
    """The chair and vice-chairs the rule set states; nothing where it states none.

    No ``chair`` policy: nothing is checked. Mode ``none``: nobody holds a chair
    (``JY211``). Otherwise one chair and ``vice_chairs`` vice-chairs (``JY210``) —
    at the proposal stage a body that elects them itself has not done so yet
    (``JY227``, info) — and with ``from_members`` they hold voting member seats
    (``JY228``).
    """
    chair = ctx.rules.chair
    if chair is None:
        return
    holders = {
        f: [s for s in ctx.comp.seats if f in s.functions]
        for f in (Function.CHAIR, Function.VICE_CHAIR)
    }
    if chair.mode is ChairMode.NONE:
        for f, seats in holders.items():
            for s in seats:
                yield finding(JY211, ctx.path(s, "functions"), seat=s.id, function=term(f))
        return
    wanted = {Function.CHAIR: 1, Function.VICE_CHAIR: chair.vice_chairs}
    for f, n in wanted.items():
        seats = holders[f]
        if len(seats) == n:
            continue
        ids = [s.id for s in seats]
        if len(seats) < n and ctx.stage is Stage.PROPOSAL and chair.self_elected:
            yield finding(JY227, "seats", function=term(f), count=len(seats), wanted=n)
        else:
            yield finding(JY210, "seats", function=term(f), count=len(seats), wanted=n, seats=ids)
    both = set(holders[Function.CHAIR]) & set(holders[Function.VICE_CHAIR])
    for s in sorted(both, key=lambda s: s.id):
        yield finding(
            JY210,
            ctx.path(s, "functions"),
            function=Joined([term(Function.CHAIR), term(Function.VICE_CHAIR)], "and"),
            count=1,
            wanted=0,
            seats=[s.id],
        )
    if chair.from_members:
        for f, seats in holders.items():
            for s in seats:
                group = ctx.groups.get(s.group or "")
                if s.kind in NOT_MEMBER_KINDS or group is None or not group.votes:
                    yield finding(
                        JY228,
                        ctx.path(s, "functions"),
                        seat=s.id,
                        function=term(f),
                        kind=term(s.kind) if group is None or group.votes else Text("no vote"),
                    )


def validate_functions(ctx: Context) -> Iterator[Finding]:
    """Each function a seat holds is known (``JY229``); each required one is held
    (``JY226``), and only by the seats the rule set gives it to (``JY232``)."""
    known = {f.value for f in Function} | set(ctx.rules.functions)
    for s in ctx.comp.seats:
        for f in sorted(s.functions - known):
            yield finding(
                JY229,
                ctx.path(s, "functions"),
                seat=s.id,
                function=function_term(f),
                known=did_you_mean(f, known) or sorted(known),
            )
    if ctx.comp.seats:
        held = {f for s in ctx.comp.seats for f in s.functions}
        for f in sorted(ctx.rules.required_function_names - held):
            yield finding(JY226, "seats", function=function_term(f))
    for req in ctx.rules.required_functions:
        if not req.conditioned:
            continue
        for s in ctx.comp.seats:
            group = ctx.group_of(s)
            role = None if s.person is None else s.person.role
            if req.function in s.functions and not req.allows(group, role):
                yield finding(
                    JY232,
                    ctx.path(s, "functions"),
                    seat=s.id,
                    function=function_term(req.function),
                    group=group.id if group is not None else None,
                    source=term(group.source) if group is not None else None,
                    groups=sorted(req.groups),
                    sources=sorted(x.value for x in req.sources),
                    role=None if role is None else term(role),
                    roles=sorted(x.value for x in req.roles),
                    holders=holders(req),
                )


def holders(req: RequiredFunction) -> Text:
    """Who may hold a required function, in words in any language (``str()``: English).

    >>> from jarjestoyhteistyo.model.rulesets import RequiredFunction
    >>> presenter = RequiredFunction(function="presenter", groups=frozenset({"wellbeing-area"}))
    >>> str(holders(presenter)), holders(presenter).text_in("fi")
    ('a seat of group wellbeing-area', 'paikkaryhmän wellbeing-area paikka')
    """
    parts: list[Text] = []
    if req.groups:
        parts.append(Text("group {names}", names=Joined(sorted(req.groups))))
    if req.sources:
        names = Joined(term(s) for s in sorted(req.sources, key=lambda s: s.value))
        parts.append(Text("source {names}", names=names))
    roles = Joined(term(r) for r in sorted(req.roles, key=lambda r: r.value))
    if not parts:
        return Text("a holder who is a {roles}", roles=roles) if req.roles else Text("any seat")
    if req.roles:
        return Text("a seat of {parts} held by a {roles}", parts=Joined(parts, "and"), roles=roles)
    return Text("a seat of {parts}", parts=Joined(parts, "and"))
