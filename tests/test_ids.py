"""Ids are compared normalised (issue #19, point 6): one id written two ways, ids that
look alike and invisible ids are findings; selection and term limits compare ids in
the same normal form."""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.calc.terms import check_proposal, consecutive_terms
from jarjestoyhteistyo.model.history import Tenure
from jarjestoyhteistyo.model.ids import CONFUSABLES, normal_id, skeleton
from jarjestoyhteistyo.model.rulesets import TermPolicy
from jarjestoyhteistyo.presets import load_cooperation_preset
from jarjestoyhteistyo.rules.consistency import id_clashes
from jarjestoyhteistyo.rules.cooperation import check_cooperation
from jarjestoyhteistyo.rules.roadmap import check_document, loads_roadmap
from jarjestoyhteistyo.selection.pool import Pool

CYRILLIC_O = "\u043e"
ZWSP = "\u200b"


def _comp_with_org_ids(*ids: str) -> jy.Composition:
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    orgs = tuple(
        attrs.evolve(comp.organisations[i % len(comp.organisations)], id=org_id)
        for i, org_id in enumerate(ids)
    )
    return attrs.evolve(comp, organisations=comp.organisations + orgs)


def _codes(report: jy.Report, *codes: str) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in report if f.code in codes]


# ------------------------------------------------------------------ the normal form
@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("org-01", "org-01"),
        ("ORG-01", "org-01"),
        ("ｏｒｇ-０１", "org-01"),  # full width (NFKC)
        (f"org{ZWSP}-01", "org-01"),
        ("org\u00ad-01", "org-01"),  # soft hyphen
        ("\u200eorg-01\u2060", "org-01"),  # LRM, word joiner
        (" org-01 ", "org-01"),
        ("Kylä-Yhdistys", "kylä-yhdistys"),
        ("Straße", "strasse"),
        (ZWSP, ""),
        ("\ufeff\u200d", ""),
    ],
)
def test_normal_id(raw: str, normal: str) -> None:
    assert normal_id(raw) == normal


@given(st.text(max_size=30))
def test_normal_id_is_idempotent_and_visible(value: str) -> None:
    once = normal_id(value)
    assert normal_id(once) == once
    assert not any(unicodedata.category(c) == "Cf" for c in once)
    assert skeleton(skeleton(value)) == skeleton(value)


def test_skeleton_maps_look_alikes_but_keeps_finnish_letters() -> None:
    assert skeleton(f"{CYRILLIC_O}rg-01") == "org-01"
    assert skeleton("ΑΒΕ-1") == "abe-1"  # Greek capitals
    assert skeleton("Кylä") == "kylä"  # Cyrillic К
    assert skeleton("\u04e7") == "ö"  # Cyrillic ӧ looks like ö
    for a, b in (("ä", "a"), ("ö", "o"), ("å", "a")):
        assert skeleton(a) != skeleton(b)
    assert all(len(v) == 1 and not k.isascii() for k, v in CONFUSABLES.items())
    assert all(normal_id(k) == k for k in CONFUSABLES)  # keys are in normal form


# --------------------------------------------------------------------- the findings
def test_same_id_written_differently_is_a_finding_JY136() -> None:
    rules = jy.load_preset("keski-uusimaa")
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    first = comp.organisations[0].id
    assert _codes(jy.validate(rules, comp), "JY136", "JY137", "JY138") == []
    broken = _comp_with_org_ids(first.upper())
    [f] = [f for f in jy.validate(rules, broken) if f.code == "JY136"]
    assert f.path == f"organisations[{len(comp.organisations)}].id"
    assert f.params["other"] == first
    assert f.params["value"] == first.upper()
    assert f.rule == "FC-4"
    assert f.severity is jy.Severity.ERROR
    assert first.upper() in f.message_en
    assert f.message_fi


def test_look_alike_ids_are_a_finding_JY137() -> None:
    rules = jy.load_preset("keski-uusimaa")
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    first = comp.organisations[0].id
    assert "o" in first or "e" in first or "a" in first
    spoof = first.replace("o", CYRILLIC_O).replace("e", "\u0435").replace("a", "\u0430")
    report = jy.validate(rules, _comp_with_org_ids(spoof))
    [f] = [f for f in report if f.code == "JY137"]
    assert f.params["other"] == first
    assert all("U+04" in letter for letter in f.params["letters"])
    assert "JY136" not in report.codes
    assert f.message_fi


def test_invisible_id_is_a_finding_JY138() -> None:
    rules = jy.load_preset("keski-uusimaa")
    comp = _comp_with_org_ids(ZWSP)  # loads: the model's check is strip(), and ZWSP is not space
    [f] = [f for f in jy.validate(rules, comp) if f.code == "JY138"]
    assert f.params["value"] == ZWSP
    assert "\\u200b" in f.message_en
    text = f'organisations:\n  - id: "{ZWSP}"\n'
    assert "JY138" in jy.validate(rules, jy.loads_composition(text)).codes


def test_person_refs_and_seat_ids_are_checked_too() -> None:
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    seats = list(comp.seats)
    seats[0] = attrs.evolve(seats[0], person=jy.Person(role=jy.Role.VOLUNTEER, ref="p-17"))
    seats[1] = attrs.evolve(seats[1], person=jy.Person(role=jy.Role.VOLUNTEER, ref="P-17"))
    seats[2] = attrs.evolve(seats[2], id=seats[3].id.upper())
    report = jy.validate(jy.load_preset("keski-uusimaa"), attrs.evolve(comp, seats=tuple(seats)))
    assert ("JY136", "seats[1].person.ref") in _codes(report, "JY136")
    assert ("JY136", "seats[3].id") in _codes(report, "JY136")


def test_rule_set_ids_are_checked_JY136_JY137() -> None:
    rules = jy.load_preset("keski-uusimaa")
    assert _codes(jy.check(rules), "JY136", "JY137", "JY138") == []
    general = rules.as_general()
    g0 = general.seat_groups[0]
    twin = attrs.evolve(g0, id=g0.id.upper())
    broken = attrs.evolve(general, seat_groups=(*general.seat_groups, twin))
    n = len(general.seat_groups)
    assert ("JY136", f"seat_groups[{n}].id") in _codes(jy.check(broken), "JY136")


def test_exact_duplicates_stay_jy219_not_jy136() -> None:
    assert list(id_clashes(["a", "a", "b"], "x", "thing")) == []
    assert [f.code for f in id_clashes(["a", "A", "A"], "x", "thing")] == ["JY136"]
    assert [f.code for f in id_clashes([None, ZWSP], "x", "thing")] == ["JY138"]


# --------------------------------------------------- comparisons in the computations
def test_selection_counts_org_01_and_ORG_01_as_one_organisation() -> None:
    rules = jy.load_preset("keski-uusimaa")
    org = jy.Organisation(id="org-01", categories=frozenset({"pensioners"}))
    member = jy.Person(role=jy.Role.VOLUNTEER)
    regs = [
        jy.Registration(organisation=org, member=member),
        jy.Registration(organisation=attrs.evolve(org, id="ORG-01"), member=member),
        jy.Registration(organisation=attrs.evolve(org, id=f"org-01{ZWSP}"), member=member),
    ]
    assert Pool(rules, regs).duplicate_of == {1: 0, 2: 0}


def test_term_limits_follow_one_person_written_two_ways() -> None:
    served = (
        Tenure(seat="m1", person_ref="p1", start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)),
        Tenure(seat="m1", person_ref="P1", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)),
    )
    assert [(s.key, s.count) for s in consecutive_terms(served, "person_ref")] == [("p1", 2)]
    proposal = jy.Composition(
        as_of=dt.date(2024, 1, 1),
        seats=(
            jy.Seat(
                id="m1",
                kind=jy.SeatKind.MEMBER,
                group="g",
                person=jy.Person(role=jy.Role.VOLUNTEER, ref=f"p1{ZWSP}"),
            ),
        ),
    )
    policy = TermPolicy(months=12, max_consecutive_person=2)
    [f] = check_proposal(served, proposal, policy)
    assert (f.code, f.path, f.params["count"]) == ("JY301", "seats[0]", 3)


def test_roadmap_ids_are_compared_normalised_JY401() -> None:
    doc = loads_roadmap(
        "roadmap: {id: r, title: R, first_year: 2023, last_year: 2024,\n"
        "  goals: [{id: g1, title: A}, {id: G1, title: B}, {id: g2, title: C}]}\n"
    )
    assert [(f.code, f.path) for f in check_document(doc.roadmap) if f.code == "JY401"] == [
        ("JY401", "roadmap.goals[1].id")
    ]


def test_cooperation_units_are_compared_normalised_JY618() -> None:
    model = load_cooperation_preset("jarvenpaa")
    assert model.units
    assert model.contact_persons
    assert check_cooperation(model).ok
    first = model.units[0]
    shouting = attrs.evolve(
        model,
        contact_persons=tuple(
            attrs.evolve(c, unit=c.unit.upper()) if c.unit == first else c
            for c in model.contact_persons
        ),
    )
    assert {"JY602", "JY605"}.isdisjoint(check_cooperation(shouting).codes)  # still covered
    twice = attrs.evolve(model, units=(*model.units, first.upper()))
    [f] = [f for f in check_cooperation(twice) if f.code == "JY618"]
    assert f.params["id"] == first.upper()  # the later one, as written
    assert f.params["first"] == "units[0]"
    assert f.path == f"units[{len(twice.units) - 1}]"
    assert f.params["count"] == 2
