"""Generated examples (issue 7): deterministic, valid, broken on request, round-trip, no
personal data; the strategies built on them; the Hypothesis type registrations."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jarjestoyhteistyo import JarjestoError, load_preset, validate
from jarjestoyhteistyo.analysis.roadmap import RoadmapDocument, check_document
from jarjestoyhteistyo.fictional.generate import (
    BROKEN_RULES,
    Example,
    GenerateError,
    breakable,
    generate,
)
from jarjestoyhteistyo.fictional.strategies import broken_compositions, roadmaps, rule_sets
from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.io.serialize import dump_yaml, loads, loads_composition
from jarjestoyhteistyo.model.composition import Composition, Organisation, Person, SeatKind
from jarjestoyhteistyo.model.rulesets import RuleSet, TermMode
from jarjestoyhteistyo.model.seats import NGO_SOURCES
from jarjestoyhteistyo.presets import body_presets

PRESETS = tuple(p.name for p in body_presets())  # every body preset of the registry
#: The presets NGOs register for: a statutory influence body (its members come from
#: the municipalities' own bodies, HVL 32 §) has no NGO seat group and no registrations.
REGISTERING = frozenset(
    p
    for p in PRESETS
    if any(g.source in NGO_SOURCES for g in load_preset(p).as_general().seat_groups)
)
CASES = [(p, code) for p in PRESETS for code in breakable(p)]
PHONE_OR_MAIL = re.compile(r"@|\+358|\b0\d{1,2}[ -]?\d{3}")


def _assert_broken(rules: RuleSet, comp: Composition, code: str) -> Severity:
    """``code`` is reported at error or warning level and no other error is."""
    report = validate(rules, comp)
    hits = [f for f in report if f.code == code]
    assert hits, report.to_text()
    assert hits[0].severity in (Severity.ERROR, Severity.WARNING)
    assert {f.code for f in report.errors} <= {code}, report.to_text()
    return hits[0].severity


# ------------------------------------------------------------------ determinism
@pytest.mark.parametrize("preset", PRESETS)
def test_same_seed_same_yaml(preset: str) -> None:
    kwargs: dict[str, object] = {"seed": 42, "names": True}
    if preset in REGISTERING:
        kwargs |= {"registrations": 60, "infeasible": True}
    assert dump_yaml(generate(preset, **kwargs)) == dump_yaml(generate(preset, **kwargs))


@pytest.mark.parametrize("preset", PRESETS)
def test_different_seeds_differ(preset: str) -> None:
    texts = {dump_yaml(generate(preset, seed=s).composition) for s in range(5)}
    assert len(texts) == 5


def test_same_output_whatever_the_hash_seed() -> None:
    """No ``hash()`` of strings and no unsorted set iteration: PYTHONHASHSEED does not matter."""
    code = (
        "from jarjestoyhteistyo.fictional.generate import generate;"
        "from jarjestoyhteistyo import dump_yaml;"
        "print(dump_yaml(generate('keski-uusimaa', seed=3, registrations=20,"
        " infeasible=True, broken='KU-7')))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": h},
        ).stdout
        for h in ("0", "1", "4242")
    }
    assert len(outs) == 1


# ---------------------------------------------------------------- valid examples
@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("seed", range(10))
def test_preset_examples_are_clean(preset: str, seed: int) -> None:
    """No error and, for the shipped presets, no warning either."""
    ex = generate(preset, seed=seed)
    report = validate(load_preset(preset), ex.composition)
    assert report.ok, report.to_text()
    assert not report.warnings, report.to_text()
    assert ex.broken_rule is ex.expected_code is ex.expected_severity is None
    assert ex.rules == preset


def test_formal_example_has_chair_vice_chair_secretary_and_deputies() -> None:
    comp = generate("vantaa-kerava-formal", seed=1).composition
    functions = [f for s in comp.seats for f in s.functions]
    assert sorted(functions) == ["chair", "secretary", "vice_chair"]
    assert len(comp.seats_of(SeatKind.DEPUTY)) == 16
    assert all(s.deputy_of for s in comp.seats_of(SeatKind.DEPUTY))


def test_forum_has_coordinator_and_no_chair() -> None:
    comp = generate("vantaa-kerava-open-forum", seed=1).composition
    functions = {f for s in comp.seats for f in s.functions}
    assert functions == {"coordinator"}


def test_council_secretary_is_convener_too() -> None:
    comp = generate("keski-uusimaa", seed=1).composition
    staff = comp.seats_of(SeatKind.STAFF)
    assert [sorted(s.functions) for s in staff] == [["convener", "secretary"]]


@pytest.mark.parametrize(
    ("preset", "towns"),
    [
        ("vantaa-kerava-formal", {"Vantaa", "Kerava"}),
        (
            "keski-uusimaa",
            {"Hyvinkää", "Järvenpää", "Mäntsälä", "Nurmijärvi", "Pornainen", "Tuusula"},
        ),
    ],
)
def test_organisations_come_from_the_area(preset: str, towns: set[str]) -> None:
    comp = generate(preset, seed=4).composition
    assert set().union(*(o.municipalities for o in comp.organisations)) <= towns
    assert all(o.name.endswith((" ry", " rf")) for o in comp.organisations)
    assert len({o.name for o in comp.organisations}) == len(comp.organisations)


def test_swedish_names_for_swedish_speaking_organisations() -> None:
    comp = generate("vantaa-kerava-formal", seed=2, swedish_share=1.0).composition
    assert all("sv" in o.languages for o in comp.organisations)
    assert all(o.name.endswith(" rf") for o in comp.organisations)
    assert any(" i Vanda " in o.name or " i Kervo " in o.name for o in comp.organisations)


def test_shares_do_not_override_diversity_wishes() -> None:
    """A volunteer-run and a Swedish-speaking organisation even with shares of zero (WS-7)."""
    ex = generate("vantaa-kerava-formal", seed=3, volunteer_share=0.0, swedish_share=0.0)
    orgs = ex.composition.organisations
    assert sum(o.volunteer_run for o in orgs) == 1
    assert sum("sv" in o.languages for o in orgs) == 1
    assert validate(load_preset("vantaa-kerava-formal"), ex.composition).ok


def test_multi_sector_share() -> None:
    none = generate("vantaa-kerava-formal", seed=3, multi_sector_share=0.0).composition
    every = generate("vantaa-kerava-formal", seed=3, multi_sector_share=1.0).composition
    assert not any(o.is_multi_sector for o in none.organisations)
    assert all(o.is_multi_sector for o in every.organisations)
    assert validate(load_preset("vantaa-kerava-formal"), every).ok


def test_number_of_organisations() -> None:
    ex = generate("vantaa-kerava-open-forum", seed=1, organisations=12)
    assert len(ex.composition.organisations) == 12
    assert validate(load_preset("vantaa-kerava-open-forum"), ex.composition).ok
    assert len(generate("vantaa-kerava-formal", seed=1, organisations=32).composition.seats) > 32
    with pytest.raises(GenerateError, match="cannot seat 20"):
        generate("vantaa-kerava-formal", seed=1, organisations=20)
    with pytest.raises(GenerateError):
        generate("vantaa-kerava-open-forum", seed=1, organisations=21)  # the cap is 20


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_shares_outside_zero_one_are_refused(share: float) -> None:
    with pytest.raises(GenerateError):
        generate("keski-uusimaa", seed=1, volunteer_share=share)


@pytest.mark.slow
@settings(max_examples=60)
@given(rule_sets(), st.integers(min_value=0, max_value=2**32 - 1))
def test_examples_for_drawn_rule_sets_validate(rules: RuleSet, seed: int) -> None:
    ex = generate(rules, seed=seed)
    report = validate(rules, ex.composition)
    assert report.ok, report.to_text()
    assert loads_composition(dump_yaml(ex.composition)) == ex.composition


# --------------------------------------------------------------- broken examples
@pytest.mark.parametrize(("preset", "code"), CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_broken_preset_example_reports_exactly_its_code(preset: str, code: str, seed: int) -> None:
    ex = generate(preset, seed=seed, broken=code)
    assert ex.expected_code == code
    assert ex.broken_rule in BROKEN_RULES
    assert code in BROKEN_RULES[ex.broken_rule]
    severity = _assert_broken(load_preset(preset), ex.composition, code)
    assert severity is ex.expected_severity


def test_every_listed_rule_is_breakable_in_some_preset() -> None:
    codes = {c for p in PRESETS for c in breakable(p)}
    wanted = {c for cs in BROKEN_RULES.values() for c in cs}
    assert wanted <= codes


@pytest.mark.parametrize(
    ("preset", "rule", "code", "severity"),
    [
        ("vantaa-kerava-formal", "FC-4", "JY203", Severity.ERROR),
        ("vantaa-kerava-formal", "FC-5", "JY201", Severity.WARNING),
        ("vantaa-kerava-formal", "JY202", "JY202", Severity.ERROR),
        ("vantaa-kerava-formal", "FC-6", "JY209", Severity.ERROR),
        ("vantaa-kerava-formal", "FC-7", "JY210", Severity.ERROR),
        ("vantaa-kerava-formal", "FC-8", "JY207", Severity.ERROR),
        ("vantaa-kerava-formal", "JY208", "JY208", Severity.ERROR),
        ("vantaa-kerava-formal", "fc-9", "JY205", Severity.ERROR),
        ("vantaa-kerava-formal", "FC-10", "JY204", Severity.ERROR),
        ("vantaa-kerava-open-forum", "OF-3", "JY212", Severity.ERROR),
        ("vantaa-kerava-open-forum", "OF-5", "JY211", Severity.ERROR),
        ("vantaa-kerava-open-forum", "JY209", "JY209", Severity.ERROR),
        ("keski-uusimaa", "KU-4", "JY202", Severity.ERROR),
        ("keski-uusimaa", "JY214", "JY214", Severity.WARNING),
        ("keski-uusimaa", "KU-7", "JY213", Severity.WARNING),
        ("keski-uusimaa", "JY225", "JY225", Severity.WARNING),
        ("keski-uusimaa", "KU-10", "JY223", Severity.ERROR),
        ("vantaa-kerava-formal", "WS-1", "JY221", Severity.ERROR),
        ("vantaa-kerava-formal", "WS-7", "JY216", Severity.WARNING),
        ("vantaa-kerava-formal", "JY217", "JY217", Severity.WARNING),
    ],
)
def test_documented_codes_and_severities(
    preset: str, rule: str, code: str, severity: Severity
) -> None:
    ex = generate(preset, seed=11, broken=rule)
    assert (ex.expected_code, ex.expected_severity) == (code, severity)
    assert _assert_broken(load_preset(preset), ex.composition, code) is severity


def test_fc9_deputy_from_members_organisation() -> None:
    comp = generate("vantaa-kerava-formal", seed=5, broken="FC-9").composition
    members = {s.id: s for s in comp.seats_of(SeatKind.MEMBER)}
    shared = [
        d
        for d in comp.seats_of(SeatKind.DEPUTY)
        if d.organisation in {m.organisation for m in members.values()}
    ]
    assert len(shared) == 1
    assert members[shared[0].deputy_of or ""].organisation == shared[0].organisation


def test_the_open_forum_rule_for_committee_seats_is_of7() -> None:
    assert generate("vantaa-kerava-open-forum", seed=1, broken="JY209").broken_rule == "OF-7"
    assert generate("vantaa-kerava-formal", seed=1, broken="JY209").broken_rule == "FC-6"


@pytest.mark.parametrize(
    ("preset", "broken"),
    [
        ("vantaa-kerava-formal", "KU-7"),
        ("vantaa-kerava-formal", "JY211"),
        ("keski-uusimaa", "FC-9"),
        ("vantaa-kerava-open-forum", "FC-4"),
        ("keski-uusimaa", "XX-1"),
        ("keski-uusimaa", "JY999"),
    ],
)
def test_rules_not_applicable_raise(preset: str, broken: str) -> None:
    with pytest.raises(GenerateError) as info:
        generate(preset, seed=1, broken=broken)
    assert isinstance(info.value, JarjestoError)
    assert isinstance(info.value, ValueError)


@pytest.mark.slow
@settings(max_examples=40)
@given(st.data(), rule_sets())
def test_broken_compositions_for_drawn_rule_sets(data: st.DataObject, rules: RuleSet) -> None:
    if not breakable(rules):
        return
    comp, code = data.draw(broken_compositions(rules))
    _assert_broken(rules, comp, code)
    assert loads_composition(dump_yaml(comp)) == comp


@settings(max_examples=30)
@given(
    st.sampled_from(PRESETS).flatmap(
        lambda p: st.tuples(st.just(p), broken_compositions(load_preset(p)))
    )
)
def test_broken_compositions_for_presets(case: tuple[str, tuple[Composition, str]]) -> None:
    preset, (comp, code) = case
    _assert_broken(load_preset(preset), comp, code)


def test_broken_compositions_needs_something_to_break() -> None:
    with pytest.raises(ValueError, match="no rule can be broken"):
        broken_compositions(load_preset("keski-uusimaa"), codes=[])


# ------------------------------------------------- registrations, plan, calendar
def test_registrations_more_than_seats_some_infeasible() -> None:
    ex = generate("vantaa-kerava-formal", seed=8, registrations=44, infeasible=True)
    regs = ex.registrations
    seated = [r for r in regs if r.seated]
    assert len(regs) == 44
    assert len(seated) == len(ex.composition.organisations) == 32
    assert [r.organisation for r in seated] == list(ex.composition.organisations)
    bad = [r for r in regs if not r.eligible]
    assert len(bad) == 3  # a quarter of the 12 unseated
    assert {r.problem for r in bad} == {"category"}
    assert all(r.motivation for r in regs)
    rules = load_preset("vantaa-kerava-formal").as_general()
    groups = {g.id: g for g in rules.seat_groups}
    for r in regs:
        fits = bool(r.organisation.categories & groups[r.group].eligible_categories)
        assert fits is r.eligible
    ids = [r.organisation.id for r in regs]
    assert len(set(ids)) == len(ids)


def test_registrations_of_a_council_name_their_network() -> None:
    ex = generate("keski-uusimaa", seed=8, registrations=18, infeasible=True)
    for r in ex.registrations:
        assert (r.group in r.organisation.networks) is r.eligible
        assert r.eligible or r.problem == "network"


def test_too_few_registrations_are_refused() -> None:
    with pytest.raises(GenerateError, match="fewer than"):
        generate("keski-uusimaa", seed=1, registrations=3)
    with pytest.raises(GenerateError, match="infeasible"):
        generate("keski-uusimaa", seed=1, registrations=10, infeasible=True)


def test_rotation_plan_and_calendar() -> None:
    ex = generate("keski-uusimaa", seed=2, rotation_years=4, calendar_year=2026)
    assert ex.plan is not None
    assert ex.plan.cohorts == 2  # KU-5: one of each pair changes at a time
    assert ex.meetings is not None
    assert len(ex.meetings) == 11
    assert all(m.year == 2026 for m in ex.meetings)


def test_forum_has_no_rotation_plan() -> None:
    with pytest.raises(GenerateError, match="rotation"):
        generate("vantaa-kerava-open-forum", seed=2, rotation_years=4)


# -------------------------------------------------------- YAML and personal data
@pytest.mark.parametrize("preset", PRESETS)
def test_everything_round_trips_through_yaml(preset: str) -> None:
    rules = load_preset(preset)
    term = rules.term
    # an agreed term has no length (OF-8), and a term not stated none either
    extra: dict[str, object] = (
        {} if term is None or term.mode is TermMode.AGREED else {"rotation_years": 4}
    )
    if rules.meetings.per_year is not None:  # a calendar needs a stated rhythm
        extra["calendar_year"] = 2026
    if preset in REGISTERING:
        extra |= {"registrations": 50, "infeasible": True}
    if "JY221" in breakable(preset):  # WS-1: only where party politics is ruled out
        extra["broken"] = "WS-1"
    ex = generate(preset, seed=9, names=True, **extra)
    text = dump_yaml(ex)
    assert loads(text, Example) == ex
    assert loads_composition(dump_yaml(ex.composition)) == ex.composition


@pytest.mark.parametrize("preset", PRESETS)
def test_people_by_role_only_by_default(preset: str) -> None:
    ex = generate(preset, seed=1, registrations=60 if preset in REGISTERING else 0)
    people = [s.person for s in ex.composition.seats if s.person is not None]
    assert people
    assert all(p.name is None and p.contact is None for p in people)
    assert not PHONE_OR_MAIL.search(dump_yaml(ex))


@pytest.mark.parametrize("preset", PRESETS)
def test_names_only_when_asked_and_marked_fictional(preset: str) -> None:
    ex = generate(preset, seed=1, names=True)
    people = [s.person for s in ex.composition.seats if s.person is not None]
    assert all(p.name and p.name.endswith(" (fictional)") for p in people)
    assert all(p.contact is None for p in people)
    assert not PHONE_OR_MAIL.search(dump_yaml(ex))


# ---------------------------------------------------------- roadmaps and types
@pytest.mark.slow
@given(roadmaps())
def test_generated_roadmaps_have_no_errors(doc: RoadmapDocument) -> None:
    errors = [f for f in check_document(doc.roadmap, doc.plans) if f.severity is Severity.ERROR]
    assert not errors, errors
    assert loads(dump_yaml(doc), RoadmapDocument) == doc


def test_from_type_after_the_setup_hook() -> None:
    from jarjestoyhteistyo.fictional._hypothesis_setup import _hypothesis_setup_hook

    _hypothesis_setup_hook()

    @settings(max_examples=10, database=None)
    @given(
        st.from_type(Organisation),
        st.from_type(Person),
        st.from_type(RoadmapDocument),
        st.from_type(type(load_preset("keski-uusimaa"))),
    )
    def inner(org: Organisation, person: Person, doc: RoadmapDocument, rules: RuleSet) -> None:
        assert isinstance(org, Organisation)
        assert org.categories  # drawn by strategies.organisations(), not from the type
        assert person.name is None
        assert isinstance(doc, RoadmapDocument)
        assert rules.kind == "theme_network_council"

    inner()


@pytest.mark.parametrize("preset", ["vantaa-kerava-formal", "keski-uusimaa"])
def test_answer_key_agrees_with_selection(preset: str) -> None:
    """FC-3, FC-4, KU-10: what generate marks ineligible, selection refuses; the rest it takes."""
    from jarjestoyhteistyo.fictional.generate import to_registrations
    from jarjestoyhteistyo.selection import propose

    ex = generate(preset, seed=11, registrations=60, infeasible=True)
    doc = to_registrations(ex)
    from jarjestoyhteistyo.presets import load_preset

    report = propose(load_preset(preset), doc.registrations, seed=1).report
    refused = {f.params.get("organisation") for f in report if f.code in {"JY503", "JY511"}}
    marked = {g.organisation.id for g in ex.registrations if not g.eligible}
    assert marked
    assert marked <= refused
    assert not refused & {g.organisation.id for g in ex.registrations if g.eligible}
