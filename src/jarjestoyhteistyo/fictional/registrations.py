"""Generated registrations with their answer key (`FC-3`, `OF-3`, `WS-7`).

:func:`registrations` registers every seated organisation of a generated composition,
then unseated ones the planner makes, some ineligible on purpose; each
:class:`GeneratedRegistration` says whether it may be accepted and why not.

>>> from jarjestoyhteistyo.fictional.generate import generate
>>> ex = generate("vantaa-kerava-formal", seed=1, registrations=40, infeasible=True)
>>> sum(not r.eligible for r in ex.registrations) >= 1
True
"""

from __future__ import annotations

import random

import attrs

from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.fictional.furnish import LINKS
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Composition, Organisation, Person, Role, SeatKind
from jarjestoyhteistyo.model.planner import Planner
from jarjestoyhteistyo.model.rulesets import SeatSource
from jarjestoyhteistyo.model.seats import NGO_SOURCES
from jarjestoyhteistyo.selection import Registration

__all__ = ["GeneratedRegistration", "registrations"]


@attrs.frozen(kw_only=True)
class GeneratedRegistration:
    """A generated :class:`~jarjestoyhteistyo.selection.Registration` with its answer key.

    ``registration`` is what selection reads (`FC-3`, `OF-3`, `WS-7`); ``group`` is the
    seat group it was generated for; ``eligible`` is ``False`` for a registration that
    cannot be accepted, for the reason in ``problem`` (``category``, ``network`` or
    ``area``); ``seated`` says whether the organisation holds a seat in the generated
    composition.
    """

    registration: Registration
    group: str
    eligible: bool = True
    problem: str = ""
    seated: bool = False

    @property
    def organisation(self) -> Organisation:
        """The registering organisation."""
        return self.registration.organisation

    @property
    def motivation(self) -> str:
        """How it links to the wellbeing area's work (`OF-3`)."""
        return self.registration.link_description


def registrations(
    planner: Planner, rng: random.Random, comp: Composition, count: int, infeasible: bool
) -> tuple[GeneratedRegistration, ...]:
    """``count`` registrations for ``comp``: its seated organisations, then new ones
    from ``planner`` (a quarter of them, at least one, ineligible when ``infeasible``)."""
    rules = planner.rules
    orgs = {o.id: o for o in comp.organisations}
    ngo_groups = [g for g in rules.seat_groups if g.source in NGO_SOURCES]
    if not ngo_groups:
        raise GenerateError(Text("the rule set has no NGO seat group to register for"))
    seated = [
        (orgs[s.organisation], s.group or "")
        for s in comp.seats
        if s.organisation in orgs and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
    ]
    if count < len(seated):
        raise GenerateError(
            Text(
                "{count} registrations are fewer than the {seated} seated organisations,"
                " which all registered",
                count=count,
                seated=len(seated),
            )
        )
    extra = count - len(seated)
    bad = max(1, extra // 4) if infeasible else 0
    if bad > extra:
        raise GenerateError(Text("infeasible registrations need more registrations than seats"))

    groups = {g.id: g for g in rules.seat_groups}
    people = {
        s.organisation: s.person
        for s in comp.seats
        if s.organisation is not None and s.person is not None
    }
    volunteer = Person(role=Role.VOLUNTEER)

    def registration(o: Organisation, group: str) -> Registration:
        town = sorted(o.municipalities)[0] if o.municipalities else "the area"
        source = groups[group].source if group in groups else SeatSource.OPEN
        return Registration(
            organisation=o,
            member=people.get(o.id, volunteer),
            deputy=volunteer,
            # a category or network is applied for by name; an open group takes any NGO
            categories=frozenset({group}) if source is not SeatSource.OPEN else frozenset(),
            link_description=rng.choice(LINKS).format(municipality=town),
        )

    out = [
        GeneratedRegistration(registration=registration(o, g), group=g, seated=True)
        for o, g in seated
    ]
    for k in range(extra):
        g = rng.choice(ngo_groups)
        eligible = k < extra - bad
        o = planner.new_org(g, eligible=eligible)
        problem = ""
        if not eligible:
            problem = {
                SeatSource.CATEGORY: "category",
                SeatSource.NETWORK: "network",
                SeatSource.OPEN: "area",
            }[g.source]
        out.append(
            GeneratedRegistration(
                registration=registration(o, g.id),
                group=g.id,
                eligible=eligible,
                problem=problem,
            )
        )
    return tuple(out)
