"""Deputies in a numbered substitution order per group (issue #2: other areas' bodies)."""

from __future__ import annotations

import attrs

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    ChairPolicy,
    DeputyMode,
    DeputyPolicy,
    GeneralRuleSet,
    IntRange,
    Need,
    SeatGroup,
    SeatSource,
)

RULES = GeneralRuleSet(
    name="municipal substitution order",
    area="example area",
    seat_groups=(SeatGroup(id="north", source=SeatSource.OPEN, seats=IntRange(min=1, max=1)),),
    deputies=DeputyPolicy(mode=DeputyMode.ORDERED, different_organisation=Need.REQUIRED),
    chair=ChairPolicy(mode=ChairMode.NONE, vice_chairs=0),
)
ORGS = tuple(
    jy.Organisation(
        id=f"o{i}",
        categories=frozenset({"pensioners"}),
        volunteer_run=True,
        languages=frozenset({"fi", "sv"}),
        size=size,
    )
    for i, size in enumerate((jy.SizeClass.SMALL, jy.SizeClass.LARGE, jy.SizeClass.MEDIUM))
)
PERSON = jy.Person(role=jy.Role.VOLUNTEER)
GOOD = jy.Composition(
    organisations=ORGS,
    seats=(
        jy.Seat(id="m", kind=jy.SeatKind.MEMBER, group="north", organisation="o0", person=PERSON),
        jy.Seat(
            id="d1",
            kind=jy.SeatKind.DEPUTY,
            group="north",
            order=1,
            organisation="o1",
            person=PERSON,
        ),
        jy.Seat(
            id="d2",
            kind=jy.SeatKind.DEPUTY,
            group="north",
            order=2,
            organisation="o2",
            person=PERSON,
        ),
    ),
)


def test_ordered_deputies_valid() -> None:
    assert jy.validate(RULES, GOOD).ok


def test_ordered_deputies_need_consecutive_order_fc8() -> None:
    """FC-8 (generalised): an ordered list 1, 3 has a gap → JY207."""
    seats = (*GOOD.seats[:2], attrs.evolve(GOOD.seats[2], order=3))
    report = jy.validate(RULES, attrs.evolve(GOOD, seats=seats))
    assert "JY207" in report.codes
    assert not report.ok


def test_ordered_deputy_from_member_organisation_fc9() -> None:
    """FC-9 as the rule set states it (``different_organisation: required``; GEN-4 in a
    general rule set): an ordered deputy from the member's organisation → JY205."""
    seats = (GOOD.seats[0], attrs.evolve(GOOD.seats[1], organisation="o0"), GOOD.seats[2])
    report = jy.validate(RULES, attrs.evolve(GOOD, seats=seats))
    assert any(f.code == "JY205" and f.rule == "GEN-4" for f in report)
    unstated = attrs.evolve(RULES, deputies=DeputyPolicy(mode=DeputyMode.ORDERED))
    assert "JY205" not in jy.validate(unstated, attrs.evolve(GOOD, seats=seats)).codes


def test_ordered_deputy_round_trips() -> None:
    assert jy.loads_composition(jy.dump_yaml(GOOD)) == GOOD


def test_gen4_ordered_group_without_any_deputy_is_warning_JY233() -> None:
    """ "Varajäsenet sijaantulojärjestyksessä": a held group whose order is empty warns."""
    report = jy.validate(RULES, attrs.evolve(GOOD, seats=GOOD.seats[:1]))
    [f] = [f for f in report if f.code == "JY233"]
    assert (f.severity, f.rule, f.path) == (jy.Severity.WARNING, "GEN-4", "seats")
    assert dict(f.params) == {"group": "north", "members": 1}
    assert "north" in f.message_en
    assert "sijaantulojärjestyksessä" in f.message_fi
    assert "JY233" not in jy.validate(RULES, GOOD).codes  # one deputy in order is enough


def test_gen4_pending_ordered_deputy_counts_JY233() -> None:
    """A deputy asked for (``pending``) fills the order; a vacant group needs none."""
    pending = jy.Seat(id="d1", kind=jy.SeatKind.DEPUTY, group="north", order=1, pending=True)
    assert (
        "JY233" not in jy.validate(RULES, attrs.evolve(GOOD, seats=(GOOD.seats[0], pending))).codes
    )
    vacant = jy.Seat(id="m", kind=jy.SeatKind.MEMBER, group="north")
    assert "JY233" not in jy.validate(RULES, attrs.evolve(GOOD, seats=(vacant,))).codes
