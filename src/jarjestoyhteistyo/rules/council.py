"""Rules of a theme-network council (`KU-4`, `KU-6`, `KU-7`, `KU-10`, `KU-14`).

* ``JY116`` — no catch-all network for NGOs that fit no theme (`KU-10`);
* ``JY117`` — representatives per network not a work pair of 2 (`KU-7`);
* ``JY124`` — an official seat of `KU-4` missing from the rule set;
* ``JY127`` — a theme network not open to every NGO (`KU-10`);
* ``JY128`` — no convener or secretary named (`KU-6`);
* ``JY143`` — the written mandate, the communication plan or the meeting practice of
  `KU-14` not stated.

A council's staggered first term is :mod:`~jarjestoyhteistyo.rules.terms`'s; its work
pairs and official seats in a composition are :mod:`~jarjestoyhteistyo.rules.seats`'s.
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Role
from jarjestoyhteistyo.model.rulesets import RuleSet, ThemeNetworkCouncil
from jarjestoyhteistyo.rules.base import KU, E, I, W
from jarjestoyhteistyo.rules.formal import JY114

__all__ = ["check_council"]

JY116 = Code(
    code="JY116",
    rule="KU-10",
    severity=W,
    title="No catch-all network",
    en="no catch-all network for NGOs that fit no theme",
    fix="Mark one network catch_all.",
    kinds=frozenset({KU}),
)

JY117 = Code(
    code="JY117",
    rule="KU-7",
    severity=W,
    title="Not a work pair",
    en="{value} representatives per network; a work pair is 2",
    fix="Use 2 (a work pair).",
    kinds=frozenset({KU}),
)

JY124 = Code(
    code="JY124",
    rule="KU-4",
    severity=E,
    title="Official seat missing",
    en="no seat for the {what}",
    fix="Add the official seats of KU-4.",
    kinds=frozenset({KU}),
)

JY127 = Code(
    code="JY127",
    rule="KU-10",
    severity=W,
    title="Closed theme network",
    en="theme network {network} is not open to every NGO",
    fix="Theme networks are open and joinable at any time.",
    kinds=frozenset({KU}),
)

JY128 = Code(
    code="JY128",
    rule="KU-6",
    severity=W,
    title="No convener or secretary",
    en="{what} is not named",
    fix="Name the convener and the secretary.",
    kinds=frozenset({KU}),
)

JY143 = Code(
    code="JY143",
    rule="KU-14",
    severity=I,
    title="Council's written basis not stated",
    en="the rule set does not say {what}",
    fix="State it (KU-14): the council's position, duties and responsibilities agreed in "
    "writing (written_mandate), its communication plan (communication_plan) and how its "
    "members meet (meetings.practice).",
    kinds=frozenset({KU}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY116, JY117, JY124, JY127, JY128, JY143)


def check_council(rules: RuleSet) -> Iterator[Finding]:
    """Networks, work pairs, official seats, convener and secretary of a council."""
    if not isinstance(rules, ThemeNetworkCouncil):
        return
    if rules.networks and not any(n.catch_all for n in rules.networks):
        yield finding(JY116, "networks")
    for i, n in enumerate(rules.networks):
        if not n.open:
            yield finding(JY127, f"networks[{i}].open", network=n.id)
    if rules.representatives_per_network != 2:
        sev = E if rules.representatives_per_network < 1 else W
        yield finding(
            JY117,
            "representatives_per_network",
            severity=sev,
            value=rules.representatives_per_network,
        )
    roles = {o.role for o in rules.official_seats}
    if Role.WELLBEING_AREA_OFFICIAL not in roles:
        yield finding(JY124, "official_seats", what="wellbeing area's NGO contact person")
    if Role.MUNICIPAL_OFFICIAL not in roles:
        yield finding(
            JY124, "official_seats", severity=W, what="municipalities' NGO contact persons"
        )
    for name in ("convener", "secretary"):
        if not getattr(rules, name).strip():
            yield finding(JY128, name, what=name)
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties", rule="KU-14")
    unstated = (
        ("written_mandate", rules.written_mandate, Text("that its mandate is agreed in writing")),
        (
            "communication_plan",
            rules.communication_plan,
            Text("whether it has a communication plan"),
        ),
        ("meetings.practice", rules.meetings.practice, Text("how its members meet")),
    )
    for path, value, what in unstated:
        if value is None:
            yield finding(JY143, path, what=what)
