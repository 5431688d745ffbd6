"""Validation of a composition against a rule set (``validate``, codes JY201–JY225).

Each test starts from a small valid composition built by hand for a preset, breaks
exactly one rule with :func:`attrs.evolve`, and asserts the code, its severity and
the rule id it cites. Organisation names are fictional; people are roles only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from jarjestoyhteistyo import load_composition, load_preset, validate
from jarjestoyhteistyo.catalogue import get_code
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.model.composition import (
    Composition,
    Function,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
)
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    DeputyPolicy,
    DiversityPolicy,
    FormalCommittee,
    IntRange,
    Need,
    OpenForum,
    PairPolicy,
    RuleSet,
    SelectionPolicy,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.presets import body_presets

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
SIZES = tuple(SizeClass)


# ------------------------------------------------------------------ builders
def formal_rules() -> FormalCommittee:
    rs = load_preset("vantaa-kerava-formal")
    assert isinstance(rs, FormalCommittee)
    return rs


def forum_rules() -> OpenForum:
    rs = load_preset("vantaa-kerava-open-forum")
    assert isinstance(rs, OpenForum)
    return rs


def council_rules() -> ThemeNetworkCouncil:
    rs = load_preset("keski-uusimaa")
    assert isinstance(rs, ThemeNetworkCouncil)
    return rs


def _org(i: int, **kw: object) -> Organisation:
    base: dict[str, object] = {
        "id": f"org-{i:02}",
        "name": f"Fictional association {i}",
        "size": SIZES[i % 3],
        "volunteer_run": i == 1,
        "languages": frozenset({"fi", "sv"}) if i == 2 else frozenset({"fi"}),
    }
    base.update(kw)
    return Organisation(**base)  # type: ignore[arg-type]


# WS-8: a wellbeing area employee prepares the meetings; OF-5: the forum's coordinator
SECRETARY = Seat(
    id="secretary",
    kind=SeatKind.STAFF,
    person=Person(role=Role.WELLBEING_AREA_OFFICIAL),
    functions=frozenset({Function.SECRETARY}),
)
COORDINATOR = attrs.evolve(SECRETARY, id="coordinator", functions=frozenset({Function.COORDINATOR}))


def formal_comp() -> Composition:
    """2 members + 2 personal deputies per PRH category, 1 committee member (FC-4…FC-10)."""
    orgs: list[Organisation] = []
    seats: list[Seat] = []
    for cat in formal_rules().categories:
        for k in range(2):
            m_org = _org(len(orgs) + 1, categories=frozenset({cat.code}))
            d_org = _org(len(orgs) + 2, categories=frozenset({cat.code}))
            orgs += [m_org, d_org]
            m_id = f"m-{cat.code}-{k + 1}"
            seats.append(
                Seat(
                    id=m_id,
                    kind=SeatKind.MEMBER,
                    group=cat.code,
                    organisation=m_org.id,
                    person=Person(role=Role.VOLUNTEER),
                )
            )
            seats.append(
                Seat(
                    id=f"d-{cat.code}-{k + 1}",
                    kind=SeatKind.DEPUTY,
                    organisation=d_org.id,
                    deputy_of=m_id,
                    person=Person(role=Role.NGO_EMPLOYEE),
                )
            )
    seats.append(
        Seat(
            id="c-1",
            kind=SeatKind.COMMITTEE,
            group="committee",
            person=Person(role=Role.ELECTED_MEMBER),
        )
    )
    seats[0] = attrs.evolve(seats[0], functions=frozenset({Function.CHAIR}))
    seats[2] = attrs.evolve(seats[2], functions=frozenset({Function.VICE_CHAIR}))
    seats.append(SECRETARY)
    return Composition(name="Fictional formal body", organisations=tuple(orgs), seats=tuple(seats))


def forum_comp() -> Composition:
    """Five registered organisations and one committee representative (OF-3, OF-7)."""
    codes = [c.code for c in forum_rules().categories]
    orgs = tuple(_org(i + 1, categories=frozenset({codes[i]})) for i in range(5))
    seats = (
        *(
            Seat(
                id=f"f-{i + 1}",
                kind=SeatKind.MEMBER,
                group="forum",
                organisation=o.id,
                person=Person(role=Role.NGO_EMPLOYEE),
            )
            for i, o in enumerate(orgs)
        ),
        Seat(
            id="c-1",
            kind=SeatKind.COMMITTEE,
            group="committee",
            person=Person(role=Role.ELECTED_MEMBER),
        ),
        COORDINATOR,
    )
    return Composition(name="Fictional forum", organisations=orgs, seats=seats)


def council_comp() -> Composition:
    """A work pair per theme network plus the KU-4 official seats (10 network seats, KU-12)."""
    orgs: list[Organisation] = []
    seats: list[Seat] = []
    for net in council_rules().networks:
        for role in (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT):  # KU-7 mix
            o = _org(len(orgs) + 1, networks=frozenset({net.id}))
            orgs.append(o)
            seats.append(
                Seat(
                    id=f"{net.id}-{len(seats) + 1}",
                    kind=SeatKind.MEMBER,
                    group=net.id,
                    organisation=o.id,
                    person=Person(role=role),
                )
            )
    seats.append(
        Seat(
            id="wa-1",
            kind=SeatKind.OFFICIAL,
            group="wellbeing-area-contact",
            person=Person(role=Role.WELLBEING_AREA_OFFICIAL),
        )
    )
    seats.extend(  # KU-4 item 3: a contact person of each member municipality
        Seat(
            id=f"mun-{i}",
            kind=SeatKind.OFFICIAL,
            group="municipal-contacts",
            person=Person(role=Role.MUNICIPAL_OFFICIAL),
        )
        for i in range(1, 7)
    )
    # KU-6: convened by the umbrella association, which is also the secretary; no chair
    seats.append(
        attrs.evolve(
            SECRETARY,
            person=Person(role=Role.NGO_EMPLOYEE),
            functions=frozenset({Function.SECRETARY, Function.CONVENER}),
        )
    )
    return Composition(name="Fictional council", organisations=tuple(orgs), seats=tuple(seats))


def replace_seat(comp: Composition, seat_id: str, **changes: object) -> Composition:
    seats = tuple(attrs.evolve(s, **changes) if s.id == seat_id else s for s in comp.seats)
    assert seats != comp.seats
    return attrs.evolve(comp, seats=seats)


def drop_seat(comp: Composition, seat_id: str) -> Composition:
    return attrs.evolve(comp, seats=tuple(s for s in comp.seats if s.id != seat_id))


def replace_org(comp: Composition, org_id: str, **changes: object) -> Composition:
    orgs = tuple(attrs.evolve(o, **changes) if o.id == org_id else o for o in comp.organisations)
    return attrs.evolve(comp, organisations=orgs)


def findings(report: Report, code: str) -> list[Finding]:
    return [f for f in report if f.code == code]


def assert_finding(
    rules: RuleSet,
    comp: Composition,
    code: str,
    severity: Severity,
    rule: str,
    *,
    alone: bool = True,
) -> Finding:
    """``code`` is reported with ``severity`` and ``rule``; with ``alone`` no other
    code of the same or higher severity appears (exactly one rule was broken)."""
    report = validate(rules, comp)
    found = findings(report, code)
    assert found, report.to_text()
    f = found[0]
    assert (f.severity, f.rule) == (severity, rule), report.to_text()
    assert report.ok is not any(x.severity is E for x in report)
    declared = get_code(code)  # the code's kinds and other rules say the same
    other = dict(declared.other_rules)
    if rules.kind in other:
        assert f.rule == other[rules.kind]
    elif f.rule == declared.rule:
        assert declared.applies_to(rules.kind), f"{code} does not name kind {rules.kind}"
    if alone:
        others = {x.code for x in report if x.severity.rank <= severity.rank} - {code}
        assert not others, report.to_text()
    return f


# ---------------------------------------------------------------- baselines
BASES: dict[str, tuple[Callable[[], RuleSet], Callable[[], Composition]]] = {
    "formal": (formal_rules, formal_comp),
    "forum": (forum_rules, forum_comp),
    "council": (council_rules, council_comp),
}


@pytest.mark.parametrize("name", BASES)
def test_hand_built_bases_are_clean(name: str) -> None:
    """The starting points have no error and no warning, so each test below
    shows the effect of one broken rule."""
    rules, comp = (f() for f in BASES[name])
    report = validate(rules, comp)  # type: ignore[arg-type]
    assert report.ok, report.to_text()
    assert not report.warnings, report.to_text()


@pytest.mark.parametrize("name", BASES)
def test_validate_does_not_change_its_inputs(name: str) -> None:
    rules, comp = (f() for f in BASES[name])
    r0, c0 = copy.deepcopy(rules), copy.deepcopy(comp)
    first = validate(rules, comp)  # type: ignore[arg-type]
    assert (rules, comp) == (r0, c0)
    assert validate(rules, comp) == first  # type: ignore[arg-type]


EXAMPLES = tuple(p.name for p in body_presets())  # every body preset of the registry


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_composition_validates_against_its_preset(name: str, examples_dir: Path) -> None:
    path = examples_dir / f"{name}.yaml"
    assert path.exists(), f"a body preset comes with its example composition: write {path}"
    report = validate(load_preset(name), load_composition(path))
    assert report.ok, report.to_text()


# ------------------------------------------------------------ JY201 / JY202
def test_fc5_vacant_member_seat_is_warning_JY201() -> None:
    """A seat nobody came forward for is a vacancy (warning), not an error."""
    comp = replace_seat(formal_comp(), "m-pensioners-2", organisation=None, person=None)
    f = assert_finding(formal_rules(), comp, "JY201", W, "FC-5")
    assert (f.params["group"], f.params["filled"], f.params["wanted"]) == ("pensioners", 1, 2)
    assert validate(formal_rules(), comp).ok


def test_fc5_too_many_members_in_a_category_is_error_JY202() -> None:
    comp = formal_comp()
    extra_m, extra_d = (
        _org(90, categories=frozenset({"pensioners"})),
        _org(91, categories=frozenset({"pensioners"}), size=SizeClass.LARGE),
    )
    comp = attrs.evolve(
        comp,
        organisations=(*comp.organisations, extra_m, extra_d),
        seats=(
            *comp.seats,
            Seat(
                id="m-extra",
                kind=SeatKind.MEMBER,
                group="pensioners",
                organisation=extra_m.id,
                person=Person(role=Role.VOLUNTEER),
            ),
            Seat(
                id="d-extra",
                kind=SeatKind.DEPUTY,
                deputy_of="m-extra",
                organisation=extra_d.id,
                person=Person(role=Role.VOLUNTEER),
            ),
        ),
    )
    f = assert_finding(formal_rules(), comp, "JY202", E, "FC-5")
    assert (f.params["filled"], f.params["max"]) == (3, 2)


# ------------------------------------------------------------------- JY203
def test_fc4_member_organisation_outside_category_is_error_JY203() -> None:
    comp = replace_org(formal_comp(), "org-01", categories=frozenset({"employment"}))
    f = assert_finding(formal_rules(), comp, "JY203", E, "FC-4")
    assert f.path == "seats[0].organisation"


def test_ws7_multi_sector_organisation_may_sit_for_any_of_its_categories() -> None:
    """WS-7: an organisation of several categories is usable in any one of them."""
    comp = replace_org(
        formal_comp(), "org-01", categories=frozenset({"employment", "child-family"})
    )
    assert validate(formal_rules(), comp).ok


# ------------------------------------------------------------------- JY204
def test_fc10_deputy_of_another_category_is_error_JY204() -> None:
    comp = replace_org(formal_comp(), "org-02", categories=frozenset({"employment"}))
    f = assert_finding(formal_rules(), comp, "JY204", E, "FC-10")
    assert f.params["member"] == "m-child-family-1"


def test_fc10_deputy_category_when_only_wanted_is_warning_JY204() -> None:
    rules = attrs.evolve(
        formal_rules(), deputies=DeputyPolicy(mode=DeputyMode.PERSONAL, same_category=Need.WANTED)
    )
    comp = replace_org(formal_comp(), "org-02", categories=frozenset({"employment"}))
    assert_finding(rules, comp, "JY204", W, "FC-10", alone=False)
    assert validate(rules, comp).ok


def test_ws7_multi_sector_deputy_of_members_category_passes() -> None:
    comp = replace_org(
        formal_comp(), "org-02", categories=frozenset({"employment", "child-family"})
    )
    assert "JY204" not in validate(formal_rules(), comp).codes


# ------------------------------------------------------------------- JY205
def test_fc9_deputy_from_members_organisation_is_error_JY205() -> None:
    comp = replace_seat(formal_comp(), "d-child-family-1", organisation="org-01")
    f = assert_finding(formal_rules(), comp, "JY205", E, "FC-9")
    assert f.params["member"] == "m-child-family-1"


def test_fc9_deputy_organisation_when_only_wanted_is_warning_JY205() -> None:
    rules = attrs.evolve(
        formal_rules(),
        deputies=DeputyPolicy(mode=DeputyMode.PERSONAL, different_organisation=Need.WANTED),
    )
    comp = replace_seat(formal_comp(), "d-child-family-1", organisation="org-01")
    assert_finding(rules, comp, "JY205", W, "FC-9", alone=False)


# ------------------------------------------------------------------- JY206
def test_ws7_multi_sector_organisation_seated_twice_is_error_JY206() -> None:
    """WS-7: a multi-sector organisation counts once: two member seats is an error."""
    comp = replace_org(
        formal_comp(), "org-01", categories=frozenset({"child-family", "pensioners"})
    )
    comp = replace_seat(comp, "m-pensioners-1", organisation="org-01")
    f = assert_finding(formal_rules(), comp, "JY206", E, "FC-9")
    assert (f.params["organisation"], f.params["count"], f.params["kind"]) == (
        "org-01",
        2,
        "member",
    )


def test_fc9_organisation_deputising_twice_is_error_JY206() -> None:
    comp = replace_org(
        formal_comp(), "org-02", categories=frozenset({"child-family", "pensioners"})
    )
    deputy_of_pensioners = next(
        s.id for s in comp.seats if s.kind is SeatKind.DEPUTY and s.id.startswith("d-pens")
    )
    comp = replace_seat(comp, deputy_of_pensioners, organisation="org-02")
    f = assert_finding(formal_rules(), comp, "JY206", E, "FC-9")
    assert f.params["kind"] == "deputy"


def test_two_seats_allowed_when_rule_set_allows() -> None:
    rules = attrs.evolve(
        formal_rules(),
        selection=attrs.evolve(formal_rules().selection, one_seat_per_organisation=False),
    )
    comp = replace_org(
        formal_comp(), "org-01", categories=frozenset({"child-family", "pensioners"})
    )
    comp = replace_seat(comp, "m-pensioners-1", organisation="org-01")
    assert "JY206" not in validate(rules, comp).codes


# ------------------------------------------------------------------- JY207
def test_fc8_deputy_of_unknown_seat_is_error_JY207() -> None:
    comp = replace_seat(formal_comp(), "d-pensioners-1", deputy_of="m-nobody")
    # the member also loses its deputy (JY208): two consequences of one broken tie
    assert_finding(formal_rules(), comp, "JY207", E, "FC-8", alone=False)


def test_fc8_deputy_of_committee_seat_is_error_JY220() -> None:
    """FC-8 gives NGO members personal deputies; the committee's seats have none."""
    comp = replace_seat(formal_comp(), "d-pensioners-1", deputy_of="c-1")
    f = assert_finding(formal_rules(), comp, "JY220", E, "FC-8", alone=False)
    assert f.params["seat"] == "d-pensioners-1"


def test_fc8_two_personal_deputies_for_one_member_is_error_JY207() -> None:
    comp = replace_seat(formal_comp(), "d-pensioners-2", deputy_of="m-pensioners-1")
    report = validate(formal_rules(), comp)
    f = next(f for f in findings(report, "JY207") if "already" in f.message_en)
    assert (f.severity, f.rule) == (E, "FC-8")


# ------------------------------------------------------------------- JY208
def test_fc8_member_without_personal_deputy_is_error_JY208() -> None:
    comp = drop_seat(formal_comp(), "d-employment-1")
    f = assert_finding(formal_rules(), comp, "JY208", E, "FC-8")
    assert f.params["seat"] == "m-employment-1"


def test_fc8_optional_deputies_missing_is_warning_JY208() -> None:
    rules = attrs.evolve(formal_rules(), deputies=DeputyPolicy(mode=DeputyMode.OPTIONAL))
    comp = drop_seat(formal_comp(), "d-employment-1")
    assert_finding(rules, comp, "JY208", W, "FC-8")
    assert validate(rules, comp).ok


def test_fc8_vacant_member_needs_no_deputy() -> None:
    comp = replace_seat(formal_comp(), "m-employment-1", organisation=None, person=None)
    comp = drop_seat(comp, "d-employment-1")
    assert "JY208" not in validate(formal_rules(), comp).codes


# ------------------------------------------------------------------- JY209
def test_fc6_no_committee_member_is_error_JY209() -> None:
    comp = drop_seat(formal_comp(), "c-1")
    assert_finding(formal_rules(), comp, "JY209", E, "FC-6")


def test_of7_forum_without_committee_representative_is_error_JY209() -> None:
    comp = drop_seat(forum_comp(), "c-1")
    assert_finding(forum_rules(), comp, "JY209", E, "OF-7")


def test_fc6_three_committee_members_is_error_JY209() -> None:
    comp = formal_comp()
    more = tuple(
        Seat(
            id=f"c-{i}",
            kind=SeatKind.COMMITTEE,
            group="committee",
            person=Person(role=Role.ELECTED_MEMBER),
        )
        for i in (2, 3)
    )
    comp = attrs.evolve(comp, seats=comp.seats + more)
    f = assert_finding(formal_rules(), comp, "JY209", E, "FC-6")
    assert f.params["filled"] == 3


# ------------------------------------------------------------------- JY210
def test_fc7_no_chair_is_error_JY210() -> None:
    comp = replace_seat(formal_comp(), "m-child-family-1", functions=frozenset())
    assert_finding(formal_rules(), comp, "JY210", E, "FC-7")


def test_fc7_two_chairs_is_error_JY210() -> None:
    comp = replace_seat(formal_comp(), "c-1", functions=frozenset({Function.CHAIR}))
    assert_finding(formal_rules(), comp, "JY210", E, "FC-7")


def test_fc7_chair_and_vice_chair_in_one_seat_is_error_JY210() -> None:
    comp = replace_seat(formal_comp(), "m-child-family-2", functions=frozenset())
    comp = replace_seat(
        comp, "m-child-family-1", functions=frozenset({Function.CHAIR, Function.VICE_CHAIR})
    )
    report = validate(formal_rules(), comp)
    both = [f for f in findings(report, "JY210") if f.params["function"] == ("chair", "vice_chair")]
    assert [f.params["seats"] for f in both] == [("m-child-family-1",)]
    # the message names both functions in words
    assert "puheenjohtaja ja varapuheenjohtaja" in both[0].message_fi
    assert not report.ok


def test_fc7_vice_chair_not_needed_when_policy_says_so() -> None:
    rules = attrs.evolve(formal_rules(), chair=attrs.evolve(formal_rules().chair, vice_chairs=0))
    comp = replace_seat(formal_comp(), "m-child-family-2", functions=frozenset())
    assert validate(rules, comp).ok


# ------------------------------------------------------------------- JY211
@pytest.mark.parametrize("function", [Function.CHAIR, Function.VICE_CHAIR])
def test_of5_chair_in_open_forum_is_error_JY211(function: Function) -> None:
    comp = replace_seat(forum_comp(), "f-1", functions=frozenset({function}))
    f = assert_finding(forum_rules(), comp, "JY211", E, "OF-5")
    assert f.params["function"] == function.value


def test_of5_coordinator_function_is_fine_in_open_forum() -> None:
    comp = replace_seat(forum_comp(), "c-1", functions=frozenset({Function.COORDINATOR}))
    assert validate(forum_rules(), comp).ok


# ------------------------------------------------------------------- JY212
def test_of3_more_organisations_than_cap_is_error_JY212() -> None:
    rules = attrs.evolve(forum_rules(), cap=4)
    f = assert_finding(rules, forum_comp(), "JY212", E, "OF-3")
    assert (f.params["count"], f.params["cap"]) == (5, 4)


# ------------------------------------------------------------------- JY213
def test_ku7_incomplete_work_pair_is_warning_JY213() -> None:
    """A vacancy is a warning in every kind: the pair is completed by the network."""
    comp = drop_seat(council_comp(), "older-people-6")
    f = assert_finding(council_rules(), comp, "JY213", W, "KU-7", alone=False)
    assert (f.params["group"], f.params["filled"]) == ("older-people", 1)


def test_ku7_incomplete_required_work_pair_is_error_JY213() -> None:
    """A general rule set that makes a network's pair ``required`` gets an error."""
    general = council_rules().as_general()
    groups = tuple(
        attrs.evolve(g, need=Need.REQUIRED) if g.id == "older-people" else g
        for g in general.seat_groups
    )
    rules = attrs.evolve(general, seat_groups=groups)
    comp = drop_seat(council_comp(), "older-people-6")
    f = assert_finding(rules, comp, "JY213", E, "KU-7", alone=False)
    assert f.params["group"] == "older-people"


# ------------------------------------------------------------------- JY214
def test_ku4_required_official_seat_missing_is_error_JY214() -> None:
    rules = council_rules()
    seats = tuple(
        attrs.evolve(o, need=Need.REQUIRED) if o.id == "wellbeing-area-contact" else o
        for o in rules.official_seats
    )
    comp = drop_seat(council_comp(), "wa-1")
    assert_finding(attrs.evolve(rules, official_seats=seats), comp, "JY214", E, "KU-4")


def test_ku4_wanted_official_seat_missing_is_warning_JY214() -> None:
    rules = council_rules()
    seats = tuple(
        attrs.evolve(o, need=Need.WANTED) if o.id == "municipal-contacts" else o
        for o in rules.official_seats
    )
    comp = drop_seat(council_comp(), "mun-1")
    f = assert_finding(
        attrs.evolve(rules, official_seats=seats), comp, "JY214", W, "KU-4", alone=False
    )
    assert f.params["group"] == "municipal-contacts"


# ------------------------------------------------------------------- JY215
def test_ku12_more_than_recommended_size_is_warning_JY215() -> None:
    """Counted over every member seat (no ``recommended_size_of``), 17 seats exceed 10–12."""
    rules = attrs.evolve(council_rules(), recommended_size_of=frozenset())
    f = assert_finding(rules, council_comp(), "JY215", W, "KU-12")
    assert f.params["size"] == 5 * 2 + 1 + 6
    assert validate(rules, council_comp()).ok


def test_ku12_recommended_size_counts_the_network_seats_JY215() -> None:
    """The preset counts only the network representatives (decision on KU-12)."""
    comp = drop_seat(council_comp(), "older-people-6")
    f = assert_finding(council_rules(), comp, "JY215", W, "KU-12", alone=False)
    assert f.params["size"] == 9


# ------------------------------------------------------------- JY216–JY218
def test_ws7_no_volunteer_run_organisation_is_warning_JY216() -> None:
    comp = replace_org(formal_comp(), "org-01", volunteer_run=False)
    assert_finding(formal_rules(), comp, "JY216", W, "WS-7")


def test_ws7_required_diversity_makes_it_an_error_JY216() -> None:
    rules = attrs.evolve(formal_rules(), diversity=DiversityPolicy(need=Need.REQUIRED))
    comp = replace_org(formal_comp(), "org-01", volunteer_run=False)
    assert_finding(rules, comp, "JY216", E, "WS-7")


def test_ws7_swedish_speaking_organisation_missing_is_warning_JY217() -> None:
    comp = replace_org(formal_comp(), "org-02", languages=frozenset({"fi"}))
    f = assert_finding(formal_rules(), comp, "JY217", W, "WS-7")
    assert f.params["language"] == "sv"


def test_ws4_organisations_of_one_size_is_warning_JY218() -> None:
    comp = formal_comp()
    comp = attrs.evolve(
        comp, organisations=tuple(attrs.evolve(o, size=SizeClass.LARGE) for o in comp.organisations)
    )
    f = assert_finding(formal_rules(), comp, "JY218", W, "WS-4")
    assert f.params["count"] == 1


# ------------------------------------------------------------------- JY219
def test_fc4_duplicate_seat_id_is_error_JY219() -> None:
    comp = formal_comp()
    comp = attrs.evolve(comp, seats=(*comp.seats, comp.seats[-1]))
    # the later entry, naming the one it repeats (issue #16 point 5)
    [f] = [f for f in findings(validate(formal_rules(), comp), "JY219") if "first" in f.params]
    assert f.path == f"seats[{len(comp.seats) - 1}].id"
    assert f.params["first"] == f"seats[{len(comp.seats) - 2}]"
    assert f.params["id"] == comp.seats[-1].id
    assert_finding(formal_rules(), comp, "JY219", E, "FC-4", alone=False)


def test_fc4_duplicate_organisation_id_is_error_JY219() -> None:
    comp = formal_comp()
    comp = attrs.evolve(comp, organisations=(*comp.organisations, comp.organisations[0]))
    f = assert_finding(formal_rules(), comp, "JY219", E, "FC-4")
    assert f.path == f"organisations[{len(comp.organisations) - 1}].id"
    assert f.params["first"] == "organisations[0]"
    assert f.message_fi != f.message_en  # the sentence is translated


def test_fc4_unknown_organisation_is_error_JY219() -> None:
    comp = replace_seat(formal_comp(), "c-1", organisation="org-missing")
    assert_finding(formal_rules(), comp, "JY219", E, "FC-4")


def test_fc4_unknown_seat_group_is_error_JY219() -> None:
    comp = replace_seat(formal_comp(), "c-1", group="sports")
    assert_finding(formal_rules(), comp, "JY219", E, "FC-4", alone=False)


def test_fc4_seat_kind_not_matching_group_is_error_JY219() -> None:
    comp = replace_seat(formal_comp(), "c-1", kind=SeatKind.OFFICIAL)
    f = assert_finding(formal_rules(), comp, "JY219", E, "FC-4", alone=False)
    assert f.path.endswith(".kind")


# ------------------------------------------------------------------- JY220
def test_ku7_deputy_in_work_pair_body_is_error_JY220() -> None:
    """KU-7: the pair substitute for each other; a separate deputy is an error."""
    comp = council_comp()
    org = _org(50, networks=frozenset({"older-people"}))
    comp = attrs.evolve(
        comp,
        organisations=(*comp.organisations, org),
        seats=(
            *comp.seats,
            Seat(
                id="dep-1",
                kind=SeatKind.DEPUTY,
                organisation=org.id,
                deputy_of="older-people-5",
                person=Person(role=Role.VOLUNTEER),
            ),
        ),
    )
    assert_finding(council_rules(), comp, "JY220", E, "KU-7")


def test_fc8_deputy_where_rule_set_has_none_is_error_JY220() -> None:
    rules = attrs.evolve(formal_rules(), deputies=DeputyPolicy(mode=DeputyMode.NONE))
    f = assert_finding(rules, formal_comp(), "JY220", E, "FC-8")
    assert f.params["mode"] == "none"


def test_of8_agreed_deputies_accept_anything() -> None:
    comp = forum_comp()
    org = _org(60, categories=frozenset({"employment"}))
    comp = attrs.evolve(
        comp,
        organisations=(*comp.organisations, org),
        seats=(
            *comp.seats,
            Seat(
                id="dep-1",
                kind=SeatKind.DEPUTY,
                organisation=org.id,
                deputy_of="f-1",
                person=Person(role=Role.VOLUNTEER),
            ),
        ),
    )
    assert validate(forum_rules(), comp).ok


# ------------------------------------------------------------------- JY221
@pytest.mark.parametrize("nominator", ["council group", "party office", "puolueen piiri"])
def test_ws1_party_political_nomination_is_error_JY221(nominator: str) -> None:
    comp = replace_seat(formal_comp(), "m-pensioners-1", nominated_by=nominator)
    f = assert_finding(formal_rules(), comp, "JY221", E, "WS-1")
    assert f.params["nominated_by"] == nominator


def test_ws1_neutral_nomination_passes() -> None:
    comp = replace_seat(formal_comp(), "m-pensioners-1", nominated_by="theme network")
    assert "JY221" not in validate(formal_rules(), comp).codes


# ------------------------------------------------------------------- JY222
def test_gen1_required_municipality_without_seat_is_error_JY222() -> None:
    rules = attrs.evolve(formal_rules(), required_municipalities=frozenset({"kerava"}))
    f = assert_finding(rules, formal_comp(), "JY222", E, "GEN-1")
    assert f.params["municipality"] == "kerava"


def test_gen1_municipality_by_organisation_or_seat_passes() -> None:
    rules = attrs.evolve(formal_rules(), required_municipalities=frozenset({"kerava", "vantaa"}))
    comp = replace_org(formal_comp(), "org-01", municipalities=frozenset({"kerava"}))
    comp = replace_seat(comp, "c-1", municipality="vantaa")
    assert validate(rules, comp).ok


def test_gen1_deputy_does_not_represent_a_municipality_JY222() -> None:
    """Only seated members count: a deputy's organisation does not cover a municipality."""
    rules = attrs.evolve(formal_rules(), required_municipalities=frozenset({"kerava"}))
    comp = replace_org(formal_comp(), "org-02", municipalities=frozenset({"kerava"}))
    assert "JY222" in validate(rules, comp).codes


# ------------------------------------------------------------------- JY223
def test_ku10_organisation_outside_network_is_error_JY223() -> None:
    comp = replace_org(council_comp(), "org-01", networks=frozenset({"older-people"}))
    f = assert_finding(council_rules(), comp, "JY223", E, "KU-10")
    assert f.params["group"] == "children-families"


# ------------------------------------------------------------------- JY224
def test_ku4_official_seat_held_by_wrong_role_is_error_JY224() -> None:
    comp = replace_seat(council_comp(), "wa-1", person=Person(role=Role.NGO_EMPLOYEE))
    f = assert_finding(council_rules(), comp, "JY224", E, "KU-4")
    assert f.params["needed"] == "wellbeing_area_official"


def test_fc6_committee_seat_held_by_non_elected_is_error_JY224() -> None:
    comp = replace_seat(formal_comp(), "c-1", person=Person(role=Role.VOLUNTEER))
    assert_finding(formal_rules(), comp, "JY224", E, "FC-6")


# ------------------------------------------------------------------- JY225
def test_ku7_work_pair_not_mixed_is_warning_JY225() -> None:
    comp = replace_seat(
        council_comp(), "children-families-2", person=Person(role=Role.NGO_EMPLOYEE)
    )
    f = assert_finding(council_rules(), comp, "JY225", W, "KU-7")
    assert f.params["roles"] == "ngo_employee + ngo_employee"


def test_ku7_work_pair_mix_required_is_error_JY225() -> None:
    rules = attrs.evolve(
        council_rules(), pairs=attrs.evolve(council_rules().pairs, need=Need.REQUIRED)
    )
    comp = replace_seat(council_comp(), "children-families-2", person=Person(role=Role.VOLUNTEER))
    assert_finding(rules, comp, "JY225", E, "KU-7")


def test_ku7_federation_and_volunteer_is_a_wanted_mix() -> None:
    comp = replace_seat(council_comp(), "children-families-1", person=Person(role=Role.VOLUNTEER))
    comp = replace_seat(
        comp, "children-families-2", person=Person(role=Role.FEDERATION_REPRESENTATIVE)
    )
    assert "JY225" not in validate(council_rules(), comp).codes


def test_ku7_any_pair_accepted_without_mixes() -> None:
    rules = attrs.evolve(council_rules(), pairs=PairPolicy(mixes=(), need=Need.REQUIRED))
    comp = replace_seat(council_comp(), "children-families-2", person=Person(role=Role.VOLUNTEER))
    assert validate(rules, comp).ok


# ------------------------------------------------------- general form agrees
def test_general_form_validates_the_same() -> None:
    """A specialised rule set and its general form give the same findings."""
    comp = drop_seat(formal_comp(), "d-employment-1")
    assert validate(formal_rules(), comp).codes == validate(formal_rules().as_general(), comp).codes


def test_unused_selection_policy_fields_do_not_matter() -> None:
    rules = attrs.evolve(formal_rules(), selection=SelectionPolicy())
    assert validate(rules, formal_comp()).ok
    assert validate(rules, formal_comp()).codes == frozenset()
    assert IntRange(min=1, max=2).contains(1)


# ------------------------------------------------------------------- JY226
def test_ws8_no_secretary_is_warning_JY226() -> None:
    """WS-8: a wellbeing area employee as secretary who compiles the agenda."""
    comp = formal_comp()
    comp = attrs.evolve(comp, seats=tuple(s for s in comp.seats if s.id != "secretary"))
    f = assert_finding(formal_rules(), comp, "JY226", W, "WS-8")
    assert f.params["function"] == "secretary"


def test_of5_forum_without_coordinator_is_warning_JY226() -> None:
    """OF-5: no chair; the HYTE team coordinates and compiles the agenda."""
    comp = forum_comp()
    comp = attrs.evolve(comp, seats=tuple(s for s in comp.seats if s.id != "coordinator"))
    f = assert_finding(forum_rules(), comp, "JY226", W, "OF-5")
    assert f.params["function"] == "coordinator"
