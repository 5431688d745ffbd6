"""Statutory influence bodies (HVL 32 §, issue #14 point 4): the Länsi-Uusimaa disability
council preset and its example, and the template for any multi-municipality area.

Each rule the preset states is broken once here and its finding asserted: a
municipality without a seat (``JY222``), its reserved seat vacant (``JY231``), a fourth
vice-chair (``JY210``, ``JY101``), a chair on the secretary's staff seat (``JY228``), a
broken order of substitution (``JY207``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from jarjestoyhteistyo import check, load_preset, validate
from jarjestoyhteistyo.findings import Report, Severity
from jarjestoyhteistyo.io.serialize import load_composition, load_ruleset
from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat, SeatKind, Stage
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    ChairPolicy,
    Council,
    DeputyMode,
    GeneralRuleSet,
    RequiredFunction,
    SeatSource,
    TermMode,
)
from jarjestoyhteistyo.presets import resolve_preset

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
NAME = "lansi-uusimaa-disability-council"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "docs" / "examples" / "influence-body-template.yaml"
TEMPLATE_COMPOSITION = ROOT / "docs" / "examples" / "influence-body-composition.yaml"

#: Seats per municipality: the notes' own count of the appointed list (SOURCES.md s. 8).
SEATS = {
    "Espoo": 5,
    "Hanko": 1,
    "Inkoo": 1,
    "Karkkila": 1,
    "Kauniainen": 1,
    "Kirkkonummi": 3,
    "Lohja": 3,
    "Raasepori": 2,
    "Siuntio": 1,
    "Vihti": 2,
}


def rules() -> GeneralRuleSet:
    rs = load_preset(NAME)
    assert isinstance(rs, GeneralRuleSet)
    return rs


def example() -> Composition:
    return load_composition(ROOT / "examples" / f"{NAME}.yaml")


def findings(report: Report) -> list[tuple[str, Severity, str]]:
    """Every finding as (code, severity, path), in the report's order."""
    return [(f.code, f.severity, f.path) for f in report]


def edit(comp: Composition, change: Callable[[Seat], Seat | None]) -> Composition:
    """The composition with ``change`` applied to each seat (``None`` drops it)."""
    seats = tuple(s for s in (change(s) for s in comp.seats) if s is not None)
    return attrs.evolve(comp, seats=seats)


def only(report: Report, code: str) -> list[dict[str, object]]:
    """The params of every finding of ``code``."""
    return [dict(f.params) for f in report if f.code == code]


# ------------------------------------------------------------------ the preset
@pytest.mark.parametrize(
    ("alias", "language"),
    [
        ("länsi-uusimaa-vammaisneuvosto", "fi"),
        ("LUVN-vammaisneuvosto", "fi"),
        ("västra-nyland-rådet-för-personer-med-funktionsnedsättning", "sv"),
        ("West-Uusimaa-Disability-Council", "en"),
    ],
)
def test_preset_loads_by_its_name_and_its_aliases(alias: str, language: str) -> None:
    assert resolve_preset(alias).name == NAME
    assert alias.lower() in resolve_preset(NAME).aliases_in(language)
    assert load_preset(alias) is load_preset(NAME)


def test_preset_states_the_sources_rules() -> None:
    rs = rules()
    groups = {g.municipality: g for g in rs.seat_groups}
    assert {m: g.seats.min for m, g in groups.items()} == SEATS
    assert all(g.seats.max == g.seats.min for g in rs.seat_groups)
    assert sum(SEATS.values()) == 20
    assert {g.source for g in rs.seat_groups} == {SeatSource.SECTOR}  # no NGO seats
    assert {g.deputies for g in rs.seat_groups} == {DeputyMode.ORDERED}  # per municipality
    assert {g.nominated_by for g in rs.seat_groups} == {"municipal-disability-council"}
    assert rs.required_municipalities == frozenset(SEATS)
    area = resolve_preset(NAME).area
    assert [m.fi for m in area.municipalities] == sorted(SEATS)
    assert rs.chair == ChairPolicy(mode=ChairMode.ELECTED, vice_chairs=3, from_members=True)
    assert rs.selection.authority is Authority.EXECUTIVE_BOARD
    assert (rs.term.mode, rs.term.council) == (TermMode.COUNCIL, Council.REGIONAL)
    assert rs.required_functions == (RequiredFunction(function="secretary"),)
    assert rs.statutory_duties


def test_preset_checks_clean_JY130_stays_with_seed_001() -> None:
    """No finding at all: the time-budget info (JY130, WS-9) is the Vantaa–Kerava
    workshops' wish for seed-001 bodies, not a rule of a general rule set."""
    report = check(rules())
    assert not report.findings, report.to_text()


def test_example_validates_with_karkkilas_pending_seats_as_info_JY230() -> None:
    """The example's only findings: Karkkila's member and deputy, asked for (info)."""
    comp = example()
    report = validate(rules(), comp)
    assert report.ok
    assert not report.warnings
    assert [(f.code, f.severity) for f in report] == [("JY230", I), ("JY230", I)]
    assert [p["seat"] for p in only(report, "JY230")] == ["karkkila-1", "karkkila-d1"]
    members = list(comp.seats_of(SeatKind.MEMBER))
    assert len(members) == 20
    assert all(s.person is None or s.person.name is None for s in comp.seats)  # roles only


def test_example_at_the_proposal_stage_has_its_officers_to_elect_JY227() -> None:
    """Before the constitutive meeting: no chair or vice-chair yet is info, not an error."""
    comp = edit(
        example(), lambda s: attrs.evolve(s, functions=s.functions - {"chair", "vice_chair"})
    )
    report = validate(rules(), attrs.evolve(comp, stage=Stage.PROPOSAL))
    assert report.ok
    assert not report.warnings
    assert [(p["function"], p["count"], p["wanted"]) for p in only(report, "JY227")] == [
        ("chair", 0, 1),
        ("vice_chair", 0, 3),
    ]
    assert "JY210" in validate(rules(), comp).codes  # appointed: the officers are missing


# ------------------------------------------------------ breaking its own rules
def test_gen1_municipality_without_a_seat_is_error_JY222() -> None:
    comp = edit(example(), lambda s: None if s.group == "hanko" else s)
    report = validate(rules(), comp)
    assert [(f.severity, f.params["municipality"]) for f in report if f.code == "JY222"] == [
        (E, "Hanko")
    ]
    assert only(report, "JY201") == [{"group": "hanko", "filled": 0, "wanted": 1}]


def test_gen1_municipalitys_seat_vacant_is_warning_JY231() -> None:
    """Hanko's seat is there but nobody holds it, and no holder is asked for."""
    comp = edit(example(), lambda s: attrs.evolve(s, person=None) if s.id == "hanko-1" else s)
    report = validate(rules(), comp)
    hits = [f for f in report if f.code == "JY231"]
    assert [(f.severity, f.params) for f in hits] == [
        (W, {"municipality": "Hanko", "seats": ("hanko-1",)})
    ]
    assert "JY222" not in report.codes  # reserved, not missing
    assert report.ok  # incomplete, not wrong


def test_gen1_pending_seat_no_longer_asked_for_is_warning_JY231() -> None:
    comp = edit(example(), lambda s: attrs.evolve(s, pending=False) if s.id == "karkkila-1" else s)
    report = validate(rules(), comp)
    assert only(report, "JY231") == [{"municipality": "Karkkila", "seats": ("karkkila-1",)}]
    assert only(report, "JY230") == [{"seat": "karkkila-d1"}]


def test_fc7_a_fourth_vice_chair_is_error_JY210() -> None:
    comp = edit(
        example(),
        lambda s: attrs.evolve(s, functions=frozenset({"vice_chair"})) if s.id == "espoo-2" else s,
    )
    report = validate(rules(), comp)
    hits = [f for f in report if f.code == "JY210"]
    assert [
        (f.severity, f.params["function"], f.params["count"], f.params["wanted"]) for f in hits
    ] == [(E, "vice_chair", 4, 3)]
    assert "espoo-2" in hits[0].params["seats"]


def test_fc7_a_rule_set_with_four_vice_chairs_is_error_JY101() -> None:
    four = attrs.evolve(rules(), chair=ChairPolicy(mode=ChairMode.ELECTED, vice_chairs=4))
    report = check(four)
    assert [(f.code, f.severity, f.path) for f in report.errors] == [
        ("JY101", E, "chair.vice_chairs")
    ]


def test_gen3_chair_on_the_secretarys_staff_seat_is_error_JY228() -> None:
    def move_chair(s: Seat) -> Seat:
        if s.id == "espoo-1":
            return attrs.evolve(s, functions=frozenset())
        if s.id == "secretary":
            return attrs.evolve(s, functions=s.functions | {"chair"})
        return s

    report = validate(rules(), edit(example(), move_chair))
    hits = [f for f in report if f.code == "JY228"]
    assert [(f.severity, f.params) for f in hits] == [
        (E, {"seat": "secretary", "function": "chair", "kind": "staff"})
    ]
    assert [f.code for f in report.errors] == ["JY228"]


def test_gen3_chair_on_a_deputy_seat_is_error_JY228() -> None:
    def move_chair(s: Seat) -> Seat:
        if s.id == "espoo-1":
            return attrs.evolve(s, functions=frozenset())
        if s.id == "espoo-d1":
            return attrs.evolve(s, functions=frozenset({"chair"}))
        return s

    report = validate(rules(), edit(example(), move_chair))
    assert only(report, "JY228") == [{"seat": "espoo-d1", "function": "chair", "kind": "deputy"}]


@pytest.mark.parametrize(("seat", "order"), [("espoo-d5", 6), ("espoo-d5", 4), ("espoo-d1", 0)])
def test_gen4_broken_order_of_substitution_is_error_JY207(seat: str, order: int) -> None:
    """A gap (1, 2, 3, 4, 6), a number twice (1, 2, 3, 4, 4), or an order below 1."""
    comp = edit(example(), lambda s: attrs.evolve(s, order=order) if s.id == seat else s)
    report = validate(rules(), comp)
    hits = [f for f in report if f.code == "JY207"]
    assert hits
    assert all(f.severity is E for f in hits)
    assert any(seat in str(f.params["seat"]) for f in hits)
    assert {f.code for f in report.errors} == {"JY207"}


def test_gen4_secretary_missing_is_warning_JY226() -> None:
    comp = edit(example(), lambda s: None if s.id == "secretary" else s)
    report = validate(rules(), comp)
    assert [(f.code, f.severity) for f in report if f.code == "JY226"] == [("JY226", W)]
    assert only(report, "JY226") == [{"function": "secretary"}]


# ------------------------------------------------------------------ the template
def test_template_loads_and_checks_clean_JY130() -> None:
    rs = load_ruleset(TEMPLATE)
    assert isinstance(rs, GeneralRuleSet)
    assert [(g.municipality, g.seats.min, g.deputies) for g in rs.seat_groups] == [
        ("Kunta A", 2, DeputyMode.PERSONAL),
        ("Kunta B", 1, DeputyMode.PERSONAL),
    ]
    assert rs.required_municipalities == frozenset({"Kunta A", "Kunta B"})
    assert rs.term.mode is TermMode.COUNCIL
    assert rs.chair is not None
    assert rs.chair.from_members
    report = check(rs)
    assert not report.findings, report.to_text()  # JY130 (WS-9) is seed 001's only


def test_template_composition_validates_with_a_pending_deputy_JY230() -> None:
    report = validate(load_ruleset(TEMPLATE), load_composition(TEMPLATE_COMPOSITION))
    assert findings(report) == [("JY230", I, "seats[5]")]


def test_template_personal_deputy_missing_is_error_JY208() -> None:
    comp = edit(
        load_composition(TEMPLATE_COMPOSITION), lambda s: None if s.id == "a2-deputy" else s
    )
    report = validate(load_ruleset(TEMPLATE), comp)
    assert [(f.severity, f.params) for f in report if f.code == "JY208"] == [(E, {"seat": "a2"})]


def test_template_with_the_ordered_alternative_takes_ordered_deputies() -> None:
    """The template's comment: ``deputies: ordered`` on a group, deputies by ``order``."""
    rs = load_ruleset(TEMPLATE)
    assert isinstance(rs, GeneralRuleSet)
    ordered = attrs.evolve(
        rs,
        seat_groups=tuple(attrs.evolve(g, deputies=DeputyMode.ORDERED) for g in rs.seat_groups),
    )
    person = Person(role=Role.VOLUNTEER)

    def by_order(s: Seat) -> Seat:
        if s.kind is not SeatKind.DEPUTY:
            return s
        member = load_composition(TEMPLATE_COMPOSITION).seat(s.deputy_of or "")
        n = 2 if s.id == "a2-deputy" else 1
        return attrs.evolve(s, deputy_of=None, group=member.group, order=n, person=person)

    comp = edit(load_composition(TEMPLATE_COMPOSITION), by_order)
    assert validate(ordered, comp).codes == frozenset()
    assert validate(rs, comp).codes >= {"JY207", "JY208"}  # personal: not tied to a member


# ---------------------------------------------- generated examples have the deputies
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_influence_body_has_ordered_deputies_per_municipality(seed: int) -> None:
    """Members drawn from municipal bodies have deputies in order (no organisations), and
    the generated example validates clean against the preset it was made from."""
    from jarjestoyhteistyo.fictional.generate import generate

    rules = load_preset("lansi-uusimaa-disability-council")
    comp = generate("lansi-uusimaa-disability-council", seed=seed).composition
    deputies = [s for s in comp.seats if s.kind is SeatKind.DEPUTY]
    assert deputies
    assert all(d.organisation is None and d.deputy_of is None for d in deputies)
    for group in {d.group for d in deputies}:
        orders = sorted(d.order or 0 for d in deputies if d.group == group)
        assert orders == list(range(1, len(orders) + 1))
        members = [s for s in comp.seats if s.group == group and s.kind is SeatKind.MEMBER]
        assert {d.municipality for d in deputies if d.group == group} == {
            m.municipality for m in members
        }
    assert not [f for f in validate(rules, comp) if f.severity is not Severity.INFO]
