"""Issue #14: any area's body validated right — what a general rule set states, and nothing more.

Each capability is broken once (the finding asserted) and shown clean once.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import attrs
import pytest

from jarjestoyhteistyo import dump_json, dump_yaml, load_preset
from jarjestoyhteistyo.analysis.metrics import metrics
from jarjestoyhteistyo.calc.meetings import workload
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import LoadError, MeetingError, RotationError
from jarjestoyhteistyo.fictional.generate import generate
from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.io.serialize import dump, loads
from jarjestoyhteistyo.model.composition import (
    Composition,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    Stage,
)
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    ChairPolicy,
    DeputyMode,
    GeneralRuleSet,
    IntRange,
    MeetingPolicy,
    Need,
    PartyTies,
    RequiredFunction,
    SeatGroup,
    SeatSource,
    SelectionPolicy,
    TermMode,
    TermPolicy,
)
from jarjestoyhteistyo.rules.checks import check
from jarjestoyhteistyo.rules.validation import validate

MUNICIPALITIES = ("Kunta A", "Kunta B")


def council() -> GeneralRuleSet:
    """An influence body: a member per municipality with a personal deputy, an official
    expert with a deputy, a chair and two vice-chairs from among the members."""
    groups = (
        *tuple(
            SeatGroup(
                id=f"m-{i}",
                source=SeatSource.SECTOR,
                municipality=m,
                deputies=DeputyMode.PERSONAL,
                nominated_by="municipal older people's council",
                seats=IntRange(min=2, max=2),
            )
            for i, m in enumerate(MUNICIPALITIES)
        ),
        SeatGroup(
            id="expert",
            source=SeatSource.EXPERT,
            deputies=DeputyMode.PERSONAL,
            role=Role.WELLBEING_AREA_OFFICIAL,
        ),
    )
    return GeneralRuleSet(
        name="Council for older people (fictional)",
        area="Example area",
        categories=(),
        seat_groups=groups,
        chair=ChairPolicy(mode=ChairMode.ELECTED, vice_chairs=2, from_members=True),
        required_municipalities=frozenset(MUNICIPALITIES),
        functions=("communications",),
        required_functions=(
            RequiredFunction(function="secretary"),
            RequiredFunction(function="presenter"),
        ),
    )


P = Person(role=Role.SECTOR_REPRESENTATIVE)


def comp() -> Composition:
    seats: list[Seat] = []
    for i, _m in enumerate(MUNICIPALITIES):
        for k in (1, 2):
            seats.append(Seat(id=f"m{i}{k}", kind=SeatKind.MEMBER, group=f"m-{i}", person=P))
            seats.append(Seat(id=f"d{i}{k}", kind=SeatKind.DEPUTY, deputy_of=f"m{i}{k}", person=P))
    off = Person(role=Role.WELLBEING_AREA_OFFICIAL)
    seats += [
        Seat(id="x", kind=SeatKind.EXPERT, group="expert", person=off),
        Seat(id="xd", kind=SeatKind.DEPUTY, deputy_of="x", person=off),
        Seat(id="staff", kind=SeatKind.STAFF, person=off, functions=frozenset({"secretary"})),
        Seat(id="pres", kind=SeatKind.STAFF, person=off, functions=frozenset({"presenter"})),
    ]
    seats[0] = attrs.evolve(seats[0], functions=frozenset({"chair"}))
    seats[2] = attrs.evolve(seats[2], functions=frozenset({"vice_chair", "communications"}))
    seats[4] = attrs.evolve(seats[4], functions=frozenset({"vice_chair"}))
    return Composition(name="fictional", seats=tuple(seats))


def seat(c: Composition, seat_id: str, **changes: object) -> Composition:
    return attrs.evolve(
        c, seats=tuple(attrs.evolve(s, **changes) if s.id == seat_id else s for s in c.seats)
    )


def codes(c: Composition, rules: GeneralRuleSet | None = None, **kw: object) -> set[str]:
    return {f.code for f in validate(rules or council(), c, **kw)}  # type: ignore[arg-type]


def test_a_correct_influence_body_raises_nothing() -> None:
    assert not check(council()).findings
    report = validate(council(), comp())
    assert not report.findings, report.to_text()


def test_general_kind_assumes_no_chair_deputies_diversity_or_one_seat() -> None:
    """Nothing the rule set does not say: no chair rule, no deputy rule, no WS-7 wishes,
    a work pair from one NGO allowed (seed 002 does not forbid it)."""
    rules = GeneralRuleSet(
        name="x",
        area="y",
        seat_groups=(
            SeatGroup(
                id="net", source=SeatSource.NETWORK, network="n", seats=IntRange(min=2, max=2)
            ),
        ),
    )
    org = Organisation(id="o", networks=frozenset({"n"}))
    pair = tuple(
        Seat(id=f"s{i}", kind=SeatKind.MEMBER, group="net", organisation="o", person=P)
        for i in (1, 2)
    )
    report = validate(rules, Composition(organisations=(org,), seats=pair))
    assert not report.findings, report.to_text()


def test_two_chairs_name_their_seats_JY210() -> None:
    c = seat(comp(), "m12", functions=frozenset({"chair"}))
    [f] = [f for f in validate(council(), c) if f.code == "JY210"]
    assert (f.params["count"], f.params["wanted"], f.params["seats"]) == (2, 1, ("m01", "m12"))
    assert f.rule == "GEN-3"
    assert "m01, m12" in f.message_en


def test_proposal_stage_reports_unelected_officers_as_info_JY227() -> None:
    bare = attrs.evolve(
        comp(),
        seats=tuple(
            attrs.evolve(s, functions=s.functions - {"chair", "vice_chair"}) for s in comp().seats
        ),
    )
    assert {"JY210"} <= codes(bare)
    report = validate(council(), bare, stage=Stage.PROPOSAL)
    assert {f.code for f in report} == {"JY227"}
    assert report.ok
    assert not report.warnings
    assert codes(attrs.evolve(bare, stage=Stage.PROPOSAL)) == {"JY227"}


def test_chair_on_a_staff_seat_is_not_from_among_the_members_JY228() -> None:
    c = seat(
        seat(comp(), "m01", functions=frozenset()),
        "staff",
        functions=frozenset({"secretary", "chair"}),
    )
    assert "JY228" in codes(c)
    expert_chair = seat(
        seat(comp(), "m01", functions=frozenset()), "x", functions=frozenset({"chair"})
    )
    [f] = [f for f in validate(council(), expert_chair) if f.code == "JY228"]
    assert f.params["seat"] == "x"  # an expert does not vote


def test_unknown_function_gets_did_you_mean_JY229() -> None:
    c = seat(comp(), "m02", functions=frozenset({"comunications"}))
    [f] = [f for f in validate(council(), c) if f.code == "JY229"]
    assert f.params["known"][0] == "communications"


def test_required_function_missing_JY226() -> None:
    c = attrs.evolve(comp(), seats=tuple(s for s in comp().seats if s.id != "pres"))
    [f] = [f for f in validate(council(), c) if f.code == "JY226"]
    assert (f.params["function"], f.rule) == ("presenter", "GEN-3")


# ------------------------------------------------------- who holds a required function
def given_to(
    *,
    groups: frozenset[str] = frozenset(),
    sources: frozenset[SeatSource] = frozenset(),
    roles: frozenset[Role] = frozenset(),
) -> GeneralRuleSet:
    """The council, with the presenter given to certain seats only (`GEN-3`)."""
    presenter = RequiredFunction(function="presenter", groups=groups, sources=sources, roles=roles)
    return attrs.evolve(
        council(), required_functions=(RequiredFunction(function="secretary"), presenter)
    )


def presenter_on(c: Composition, seat_id: str) -> Composition:
    """``c`` with the presenter function moved from the staff seat to ``seat_id``."""
    c = attrs.evolve(c, seats=tuple(s for s in c.seats if s.id != "pres"))
    holder = next(s for s in c.seats if s.id == seat_id)
    return seat(c, seat_id, functions=holder.functions | {"presenter"})


def test_required_function_held_by_a_seat_of_another_group_JY232() -> None:
    rules = given_to(groups=frozenset({"expert"}))
    assert not check(rules).findings
    report = validate(rules, comp())  # the presenter is a staff seat of no group
    [f] = report.findings
    assert (f.code, f.severity, f.rule) == ("JY232", Severity.ERROR, "GEN-3")
    assert f.path == f"seats[{[s.id for s in comp().seats].index('pres')}].functions"
    assert f.params == {
        "seat": "pres",
        "function": "presenter",
        "group": None,
        "source": None,
        "groups": ("expert",),
        "sources": (),
        "role": "wellbeing_area_official",
        "roles": (),
        "holders": "a seat of group expert",
    }
    assert f.message_en == (
        "seat pres holds the presenter function, but the rule set gives it to "
        "a seat of group expert"
    )
    assert f.message_fi == (
        "paikalla pres on tehtävä esittelijä, mutta sääntöjen mukaan sen hoitaa "
        "paikkaryhmän expert paikka"
    )
    # a member of another group: exactly JY232 (it is held, so not JY226)
    wrong = validate(rules, presenter_on(comp(), "m11"))
    assert [(f.code, f.params["seat"], f.params["group"]) for f in wrong] == [
        ("JY232", "m11", "m-1")
    ]


def test_required_function_held_where_the_rule_set_says_raises_nothing_JY232() -> None:
    rules = given_to(groups=frozenset({"expert"}))
    assert not validate(rules, presenter_on(comp(), "x")).findings
    # a deputy's group is its member's: the expert's deputy may hold it too
    assert not validate(rules, presenter_on(comp(), "xd")).findings
    # nobody holds it: JY226, not JY232
    gone = attrs.evolve(comp(), seats=tuple(s for s in comp().seats if s.id != "pres"))
    assert codes(gone, rules) == {"JY226"}


def test_required_function_given_by_source_and_by_both_JY232() -> None:
    by_source = given_to(sources=frozenset({SeatSource.EXPERT}))
    assert not validate(by_source, presenter_on(comp(), "x")).findings
    [f] = validate(by_source, presenter_on(comp(), "m01")).findings
    assert (f.code, f.params["source"], f.params["sources"]) == ("JY232", "sector", ("expert",))
    assert f.params["holders"] == "a seat of source expert"
    # both given: a holder must satisfy both (no seat of group m-0 is an expert seat)
    both = given_to(groups=frozenset({"m-0"}), sources=frozenset({SeatSource.EXPERT}))
    for holder in ("m01", "x"):
        [f] = validate(both, presenter_on(comp(), holder)).findings
        assert (f.code, f.params["seat"]) == ("JY232", holder)
    assert f.params["holders"] == "a seat of group m-0 and source expert"
    assert f.message_fi.endswith("paikkaryhmän m-0 ja lähteen asiantuntija paikka")


def test_required_function_given_by_the_holders_role_JY232() -> None:
    """ "Esittelijänä toimii hyvinvointialueen edustaja": an official, member or staff."""
    rules = given_to(roles=frozenset({Role.WELLBEING_AREA_OFFICIAL}))
    assert not check(rules).findings
    assert not validate(rules, comp()).findings  # the staff presenter is an official
    assert not validate(rules, presenter_on(comp(), "x")).findings  # so is the expert
    [f] = validate(rules, presenter_on(comp(), "m01")).findings
    assert (f.code, f.params["role"], f.params["roles"]) == (
        "JY232",
        "sector_representative",
        ("wellbeing_area_official",),
    )
    # the role in words of each language; the parameters keep its value
    assert f.message_en.endswith("gives it to a holder who is a wellbeing area official")
    assert f.message_fi.endswith("hoitaa henkilö, jonka rooli on hyvinvointialueen viranhaltija")
    # a role and a group: both must hold
    both = given_to(groups=frozenset({"m-0"}), roles=frozenset({Role.WELLBEING_AREA_OFFICIAL}))
    assert [f.code for f in validate(both, presenter_on(comp(), "m01"))] == ["JY232"]


def test_required_function_given_to_an_unknown_seat_group_JY119() -> None:
    report = check(given_to(groups=frozenset({"expret"})))
    [f] = report.findings
    assert (f.code, f.path, f.rule) == ("JY119", "required_functions[1].groups", "GEN-3")
    assert (f.params["group"], f.params["suggestions"]) == ("expret", ("expert",))
    assert (
        f.message_en
        == "required function presenter: unknown seat group 'expret'; did you mean expert?"
    )
    twice = attrs.evolve(
        council(),
        required_functions=(*council().required_functions, RequiredFunction(function="secretary")),
    )
    [f] = check(twice).findings
    later = f"required_functions[{len(twice.required_functions) - 1}].function"
    assert (f.code, f.path, f.rule) == ("JY119", later, "GEN-3")


def test_required_functions_read_as_names_or_mappings_and_round_trip_JY232() -> None:
    text = (
        "kind: general\nname: x\narea: y\nseat_groups: [{id: expert, source: expert}]\n"
        "required_functions:\n  - secretary\n"
        "  - {function: presenter, groups: [expert], sources: [expert]}\n"
    )
    rules = loads(text, "ruleset")
    assert rules.required_functions == (
        RequiredFunction(function="secretary"),
        RequiredFunction(
            function="presenter",
            groups=frozenset({"expert"}),
            sources=frozenset({SeatSource.EXPERT}),
        ),
    )
    assert rules.required_function_names == frozenset({"secretary", "presenter"})
    written = dump_yaml(rules)
    assert "required_functions:\n- secretary\n- function: presenter\n" in written
    assert loads(written, "ruleset") == rules
    assert loads(dump_json(rules), "ruleset") == rules
    with pytest.raises(LoadError) as e:
        loads(text.replace("groups: [expert]", "grups: [expert]"), "ruleset")
    [problem] = e.value.problems
    assert (problem.path, problem.code) == ("required_functions[1].grups", "unknown-key")
    assert problem.params["suggestion"] == "groups"
    with pytest.raises(LoadError) as e:
        loads(text.replace("- secretary", "- 3"), "ruleset")
    assert [p.path for p in e.value.problems] == ["required_functions[0]"]


def test_generated_composition_gives_the_function_to_a_seat_that_may_hold_it_JY232() -> None:
    rules = given_to(groups=frozenset({"expert"}))
    for seed in range(5):
        example = generate(rules, seed=seed)
        assert not {"JY226", "JY232"} & {f.code for f in validate(rules, example.composition)}


def test_deputy_of_an_expert_seat_is_allowed_and_required_JY208() -> None:
    c = attrs.evolve(comp(), seats=tuple(s for s in comp().seats if s.id != "xd"))
    [f] = [f for f in validate(council(), c) if f.code == "JY208"]
    assert (f.params["seat"], f.rule) == ("x", "GEN-4")


def test_pending_deputy_is_info_not_error_JY230() -> None:
    c = seat(comp(), "d01", person=None, pending=True)
    report = validate(council(), c)
    assert {f.code for f in report} == {"JY230"}
    assert report.ok
    assert "JY208" in codes(seat(comp(), "d01", person=None))


def test_reserved_municipal_seats_unfilled_is_incomplete_JY231() -> None:
    c = seat(seat(comp(), "m11", person=None), "m12", person=None)
    c = seat(seat(c, "m12", functions=frozenset()), "m11", functions=frozenset())
    c = seat(c, "m01", functions=frozenset({"chair"}))
    found = {f.code: f for f in validate(council(), c)}
    assert "JY231" in found
    assert "JY222" not in found
    assert found["JY231"].params == {"municipality": "Kunta B", "seats": ("m11", "m12")}
    gone = attrs.evolve(c, seats=tuple(s for s in c.seats if not s.id.startswith(("m1", "d1"))))
    assert "JY222" in codes(gone)


def test_group_named_by_council_groups_where_ties_forbidden_JY131_JY221() -> None:
    rules = council()
    groups = (
        attrs.evolve(rules.seat_groups[0], nominated_by="council groups"),
        *rules.seat_groups[1:],
    )
    forbidden = attrs.evolve(
        rules,
        seat_groups=groups,
        selection=SelectionPolicy(party_political_ties=PartyTies.FORBIDDEN),
    )
    [f] = [f for f in check(forbidden) if f.code == "JY131"]
    assert f.path == "seat_groups[0].nominated_by"
    assert "JY221" in codes(comp(), forbidden)  # the seats inherit their group's nominator
    unstated = attrs.evolve(rules, seat_groups=groups)  # nothing said of party politics
    assert "JY131" not in check(unstated).codes
    assert "JY221" not in codes(comp(), unstated)


def test_required_seat_group_vacancy_is_error_wanted_is_warning_JY201() -> None:
    rules = GeneralRuleSet(
        name="x",
        area="y",
        categories=(),
        seat_groups=(SeatGroup(id="g", source=SeatSource.SECTOR),),
    )
    [f] = validate(rules, Composition(seats=(Seat(id="s", kind=SeatKind.MEMBER, group="g"),)))
    assert (f.code, f.severity.value, f.rule) == ("JY201", "warning", "GEN-5")
    required = attrs.evolve(
        rules, seat_groups=(attrs.evolve(rules.seat_groups[0], need=Need.REQUIRED),)
    )
    [f] = validate(required, Composition(seats=(Seat(id="s", kind=SeatKind.MEMBER, group="g"),)))
    assert (f.code, f.severity.value) == ("JY201", "error")


def test_keski_uusimaa_as_seed_002_has_it_validates_clean() -> None:
    """KU-4, KU-6, KU-7: convener and secretary, no chair, a contact per municipality, an
    invited expert, no Swedish wish — the shipped example is clean."""
    from jarjestoyhteistyo.io.serialize import load

    report = validate(
        load_preset("keski-uusimaa"), load(Path("examples/keski-uusimaa.yaml"), "composition")
    )
    assert not report.findings, report.to_text()
    assert not check(load_preset("keski-uusimaa")).findings


@pytest.mark.parametrize(
    "preset", ["vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"]
)
def test_no_code_fires_outside_the_kinds_it_names(preset: str) -> None:
    """No leak between kinds: every finding on a generated broken composition is a code
    that applies to the rule set's kind."""
    from jarjestoyhteistyo.catalogue import get_code
    from jarjestoyhteistyo.fictional.generate import breakable, generate

    rules = load_preset(preset)
    for code in breakable(preset):
        ex = generate(preset, seed=3, broken=code)
        for f in validate(rules, ex.composition):
            assert get_code(f.code).applies_to(rules.kind), (code, f)


def test_cli_stage_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = attrs.evolve(
        comp(),
        seats=tuple(
            attrs.evolve(s, functions=s.functions - {"chair", "vice_chair"}) for s in comp().seats
        ),
    )
    rules_file, comp_file = tmp_path / "rules.yaml", tmp_path / "comp.yaml"
    rules_file.write_text(dump(council()), encoding="utf-8")
    comp_file.write_text(dump(bare), encoding="utf-8")
    assert main(["validate", str(rules_file), str(comp_file)]) == 1
    capsys.readouterr()
    assert (
        main(
            ["validate", str(rules_file), str(comp_file), "--stage", "proposal", "--format", "json"]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert {f["code"] for f in out["findings"]} == {"JY227"}
    assert main(["validate", str(rules_file), str(comp_file), "--stage", "later"]) == 2


def test_seat_municipality_contradicting_its_group_JY219() -> None:
    """A seat of Kunta A's group that says it is for Kunta B is a broken reference."""
    c = seat(comp(), "m02", municipality="Kunta B")
    [f] = [f for f in validate(council(), c) if f.code == "JY219"]
    assert f.path.endswith("municipality")
    assert not codes(seat(comp(), "m02", municipality="Kunta A")) & {"JY219"}


# ------------------------------------------------- silence on term, fee and meetings
def test_silent_rule_set_states_no_term_fee_or_rhythm() -> None:
    """A general rule set that leaves out term, fee and meetings.per_year states none."""
    rules = GeneralRuleSet(name="x", area="y")
    assert (rules.term, rules.fee, rules.meetings.per_year) == (None, None, None)
    assert not {"JY102", "JY103", "JY113", "JY121", "JY129"} & check(rules).codes


def test_silent_term_has_no_rotation_plan() -> None:
    rules, c = council(), comp()
    with pytest.raises(RotationError, match="states no term"):
        rotation_plan(rules, c, start=date(2026, 1, 1), years=2)
    stated = attrs.evolve(rules, term=TermPolicy(mode=TermMode.FIXED, months=24))
    assert rotation_plan(stated, c, start=date(2026, 1, 1), years=2).term_months == 24


def test_silent_rhythm_has_no_workload() -> None:
    with pytest.raises(MeetingError, match=r"meetings\.per_year"):
        workload(MeetingPolicy())
    assert workload(MeetingPolicy(), count=4).total == 4 * 3.0


def test_cli_calendar_of_a_silent_rule_set_asks_for_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(dump(council()), encoding="utf-8")
    assert main(["calendar", str(rules_file), "--year", "2026"]) == 2
    assert "meetings.per_year" in capsys.readouterr().err
    assert main(["calendar", str(rules_file), "--year", "2026", "--count", "3"]) == 0
    assert "3 meetings in 2026" in capsys.readouterr().out


# ------------------------------------------------------- chair mode not stated
def _unstated_chair() -> GeneralRuleSet:
    return attrs.evolve(council(), chair=ChairPolicy(vice_chairs=2, from_members=True))


def test_chair_mode_not_stated_is_none() -> None:
    """A source that marks a chair ("pj.") but not how it is chosen (Soite, GAPS gap 4)."""
    rules = _unstated_chair()
    assert rules.chair is not None
    assert rules.chair.mode is None
    assert metrics(rules).chair == "not_stated"
    assert not validate(rules, comp()).findings  # a correct structure raises nothing


def test_chair_mode_not_stated_proposal_is_info_JY227() -> None:
    bare = seat(comp(), "m01", functions=frozenset())
    assert codes(bare, _unstated_chair(), stage=Stage.PROPOSAL) == {"JY227"}
    assert codes(bare, _unstated_chair()) == {"JY210"}  # appointed: one chair all the same


def test_seed_kinds_read_an_unstated_mode_as_their_seed() -> None:
    """FC-7 (dialogue) and OF-5 (none) fill a chair block that leaves the mode out."""
    fc = loads("kind: formal_committee\nname: x\narea: y\nchair: {vice_chairs: 1}\n", "ruleset")
    of = loads("kind: open_forum\nname: x\narea: y\nchair: {vice_chairs: 0}\n", "ruleset")
    assert (fc.chair.mode, of.chair.mode) == (ChairMode.DIALOGUE, ChairMode.NONE)
    assert "JY115" not in {f.code for f in check(fc) if f.path == "chair.mode"}
    assert "JY112" not in check(of).codes


def test_cap_below_the_open_groups_minimum_is_inconsistent_JY101() -> None:
    """A cap of 3 cannot seat two open groups of at least 2 each (found by the slow run)."""
    groups = (
        SeatGroup(id="a", source=SeatSource.OPEN, seats=IntRange(min=2, max=3)),
        SeatGroup(id="b", source=SeatSource.OPEN, seats=IntRange(min=2, max=2)),
    )
    rules = GeneralRuleSet(name="x", area="y", seat_groups=groups, cap=3)
    [f] = [f for f in check(rules) if f.code == "JY101"]
    assert (f.path, f.severity) == ("cap", Severity.ERROR)
    assert "below the 4 seats" in f.message_en
    assert "JY101" not in check(attrs.evolve(rules, cap=4)).codes
