"""Checks of a rule set on its own (``check``, codes JY101–JY129).

Every registered JY1xx code has at least one test below that breaks the rule on a
preset (or a default kind) with :func:`attrs.evolve` and asserts the code, its
severity and the rule id of ``DOMAIN.md`` it cites. Test names carry the rule id
and the code; :func:`test_every_check_code_has_a_test` keeps that promise.
"""

from __future__ import annotations

import copy
from datetime import date

import attrs
import pytest

from jarjestoyhteistyo import check, load_preset
from jarjestoyhteistyo.catalogue import get_code
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.model.composition import Role
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    ChairPolicy,
    Criterion,
    DeputyMode,
    DeputyPolicy,
    DutyTurn,
    FeePolicy,
    FormalCommittee,
    GeneralRuleSet,
    IntRange,
    MeetingPolicy,
    MeetingPractice,
    Need,
    OfficialSeat,
    OpenForum,
    PairPolicy,
    PartyTies,
    RotatingDuty,
    RuleSet,
    SeatGroup,
    SeatSource,
    SelectionPolicy,
    TermMode,
    TermPolicy,
    ThemeNetwork,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.presets import body_presets

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
PRESETS = tuple(p.name for p in body_presets())  # every body preset of the registry


def formal() -> FormalCommittee:
    rs = load_preset("vantaa-kerava-formal")
    assert isinstance(rs, FormalCommittee)
    return rs


def forum() -> OpenForum:
    rs = load_preset("vantaa-kerava-open-forum")
    assert isinstance(rs, OpenForum)
    return rs


def council() -> ThemeNetworkCouncil:
    rs = load_preset("keski-uusimaa")
    assert isinstance(rs, ThemeNetworkCouncil)
    return rs


def general() -> GeneralRuleSet:
    """The formal preset written as a general rule set (every kind validates alike)."""
    return formal().as_general()


def only(report: Report, code: str, path: str | None = None) -> Finding:
    """The single finding with ``code`` (and ``path``): the rule was broken once."""
    found = [f for f in report if f.code == code and (path is None or f.path == path)]
    assert len(found) == 1, report.to_text()
    return found[0]


def assert_finding(
    rules: RuleSet, code: str, severity: Severity, rule: str, path: str | None = None
) -> Finding:
    report = check(rules)
    f = only(report, code, path)
    assert (f.severity, f.rule) == (severity, rule), f
    assert report.ok is not (severity is E or any(x.severity is E for x in report))
    assert f.message_en  # both languages are filled in
    assert f.message_fi
    assert get_code(code).applies_to(rules.kind), f"{code} does not name kind {rules.kind}"
    return f


# ---------------------------------------------------------------- baselines
@pytest.mark.parametrize("name", PRESETS)
def test_each_preset_passes_check(name: str) -> None:
    """The shipped presets are usable as they are: no error findings."""
    report = check(load_preset(name))
    assert report.ok, report.to_text()
    assert not report.errors


@pytest.mark.parametrize(
    "rules",
    [
        FormalCommittee(name="Formal body", area="Example area"),
        ThemeNetworkCouncil(name="Council", area="Example area"),
        general(),
    ],
    ids=["formal", "council", "general"],
)
def test_default_kinds_pass_check(rules: RuleSet) -> None:
    assert check(rules).ok


@pytest.mark.parametrize("name", PRESETS)
def test_check_does_not_change_its_input(name: str) -> None:
    rules = load_preset(name)
    before = copy.deepcopy(rules)
    first = check(rules)
    assert rules == before
    assert check(rules) == first  # deterministic: same findings in the same order


# ------------------------------------------------------------------- JY101
def test_fc11_meetings_min_above_max_is_error_JY101() -> None:
    rules = attrs.evolve(formal(), meetings=MeetingPolicy(per_year=IntRange(min=6, max=4)))
    assert_finding(rules, "JY101", E, "FC-11", "meetings.per_year")


def test_fc11_negative_meeting_minimum_is_error_JY101() -> None:
    rules = attrs.evolve(formal(), meetings=MeetingPolicy(per_year=IntRange(min=-1, max=4)))
    assert_finding(rules, "JY101", E, "FC-11", "meetings.per_year")


def test_fc11_negative_meeting_maximum_with_budget_is_reported_not_raised_JY101() -> None:
    rules = attrs.evolve(
        formal(),
        meetings=MeetingPolicy(per_year=IntRange(min=0, max=-1)),
        time_budget_hours_per_year=40.0,
    )
    assert_finding(rules, "JY101", E, "FC-11", "meetings.per_year")


def test_of3_forum_cap_below_one_is_error_JY101() -> None:
    assert_finding(attrs.evolve(forum(), cap=0), "JY101", E, "OF-3", "cap")


def test_ku12_inconsistent_recommended_size_is_error_JY101() -> None:
    rules = attrs.evolve(council(), recommended_size=IntRange(min=12, max=10))
    assert_finding(rules, "JY101", E, "KU-12", "recommended_size")


# ------------------------------------------------------------------- JY102
@pytest.mark.parametrize("rotation", [0.0, -0.5, 1.5, 2.2250738585e-313, 9.9e-6])
def test_fc13_rotation_share_outside_unit_interval_is_error_JY102(rotation: float) -> None:
    """FC-13: a share of members changes each term; 0 or more than all is impossible,
    and a share below 1/100,000 would make more cohorts than any body has seats (CI's
    totality run: 1 / 2.2e-313 is infinity, an OverflowError in the rotation plan)."""
    rules = attrs.evolve(formal(), term=attrs.evolve(formal().term, rotation=rotation))
    assert_finding(rules, "JY102", E, "FC-13", "term.rotation")


@pytest.mark.parametrize("rotation", [1.0, 1e-5])
def test_fc13_whole_body_changing_is_allowed(rotation: float) -> None:
    rules = attrs.evolve(formal(), term=attrs.evolve(formal().term, rotation=rotation))
    assert "JY102" not in check(rules).codes


# ------------------------------------------------------------------- JY103
@pytest.mark.parametrize(
    ("term", "path"),
    [
        (TermPolicy(mode=TermMode.FIXED, months=0), "term.months"),
        (TermPolicy(mode=TermMode.FIXED, months=None), "term.months"),
        (TermPolicy(mode=TermMode.FIXED, months=60, max_months=48), "term.months"),
        (TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=1.5), "term.fraction"),
        (
            TermPolicy(mode=TermMode.FIXED_DATES, start=date(2025, 6, 1), end=date(2025, 6, 1)),
            "term",
        ),
        (TermPolicy(mode=TermMode.FIXED_DATES, start=date(2025, 6, 1)), "term"),
        (TermPolicy(first_term_months=(12, 0)), "term.first_term_months[1]"),
        (TermPolicy(max_consecutive_person=0), "term.max_consecutive_person"),
    ],
    ids=["zero", "none", "too-long", "fraction", "empty-dates", "no-end", "first", "consec"],
)
def test_fc12_impossible_term_is_error_JY103(term: TermPolicy, path: str) -> None:
    """FC-12: a term of e.g. 2 years or the council term; an impossible one is an error."""
    assert_finding(attrs.evolve(formal(), term=term), "JY103", E, "FC-12", path)


# ------------------------------------------------------------------- JY104
@pytest.mark.parametrize("field", ["hours", "preparation_hours", "network_meeting_hours"])
def test_fc11_negative_meeting_hours_is_error_JY104(field: str) -> None:
    meetings = attrs.evolve(formal().meetings, **{field: -1.0})
    rules = attrs.evolve(formal(), meetings=meetings)
    assert_finding(rules, "JY104", E, "FC-11", f"meetings.{field}")


def test_fc11_negative_time_budget_is_error_JY104() -> None:
    rules = attrs.evolve(formal(), time_budget_hours_per_year=-5.0)
    assert_finding(rules, "JY104", E, "FC-11", "time_budget_hours_per_year")


# ------------------------------------------------------------------- JY105
def test_fc5_three_members_per_category_is_warning_JY105() -> None:
    """FC-5 has 1 or 2 per category; 3 is workable but outside the model: a warning."""
    assert_finding(attrs.evolve(formal(), members_per_category=3), "JY105", W, "FC-5")


def test_fc5_zero_members_per_category_is_error_JY105() -> None:
    """No member at all makes the body unworkable: the same code becomes an error."""
    assert_finding(attrs.evolve(formal(), members_per_category=0), "JY105", E, "FC-5")


@pytest.mark.parametrize("n", [1, 2])
def test_fc5_one_or_two_members_per_category_pass(n: int) -> None:
    assert "JY105" not in check(attrs.evolve(formal(), members_per_category=n)).codes


# ------------------------------------------------------------------- JY106
def test_ku12_body_larger_than_recommended_is_warning_JY106() -> None:
    """KU-12: 10–12 members is suitable; a larger body is a warning with its size."""
    rules = attrs.evolve(council(), recommended_size=IntRange(min=4, max=6))
    f = assert_finding(rules, "JY106", W, "KU-12")
    # the recommendation counts the network seats (recommended_size_of): 5 networks × 2
    assert f.params["size"] == 5 * 2


# ------------------------------------------------------------------- JY107
def test_of3_cap_without_criteria_is_warning_JY107() -> None:
    """OF-3: criteria apply if more register than the cap, so they must exist."""
    rules = attrs.evolve(forum(), selection=attrs.evolve(forum().selection, criteria=()))
    f = assert_finding(rules, "JY107", W, "OF-3")
    assert f.params["cap"] == forum().cap


def test_of3_general_cap_without_criteria_is_warning_JY107() -> None:
    rules = attrs.evolve(general(), cap=10, selection=SelectionPolicy(criteria=()))
    assert_finding(rules, "JY107", W, "OF-3")


# ------------------------------------------------------------------- JY108
@pytest.mark.parametrize(
    "criterion",
    [
        Criterion(id="party", text="balance between parties"),
        Criterion(id="fair", text="reflects the regional election result"),
        Criterion(id="groups", uses=frozenset({"council_group"})),
        Criterion(id="ryhma", text="valtuustoryhmien voimasuhteet"),
        Criterion(id="parti", text="partipolitisk balans"),
    ],
    ids=["en", "election", "uses", "fi", "sv"],
)
def test_ws1_party_criterion_is_error_JY108(criterion: Criterion) -> None:
    """WS-1: party-political positions must not affect member selection (fi, sv, en)."""
    sel = attrs.evolve(formal().selection, criteria=(*formal().selection.criteria, criterion))
    f = assert_finding(attrs.evolve(formal(), selection=sel), "JY108", E, "WS-1")
    assert f.params["criterion"] == criterion.id


# ------------------------------------------------------------------- JY109
def test_ws1_workload_over_time_budget_is_warning_JY109() -> None:
    """WS-1 realistic expectations: 6 meetings × (2.5 + 1.5) h = 24 h > 10 h budget."""
    rules = attrs.evolve(formal(), time_budget_hours_per_year=10.0)
    f = assert_finding(rules, "JY109", W, "WS-1")
    assert f.params["hours"] == 6 * (2.5 + 1.5)


def test_ws1_workload_within_budget_passes() -> None:
    rules = attrs.evolve(formal(), time_budget_hours_per_year=24.0)
    assert "JY109" not in check(rules).codes


# ------------------------------------------------------------------- JY110
@pytest.mark.parametrize(
    "rng", [IntRange(min=0, max=2), IntRange(min=1, max=3), IntRange(min=1, max=None)]
)
def test_fc6_committee_members_not_one_or_two_is_warning_JY110(rng: IntRange) -> None:
    assert_finding(attrs.evolve(formal(), committee_members=rng), "JY110", W, "FC-6")


def test_of7_forum_without_committee_representative_is_warning_JY110() -> None:
    rules = attrs.evolve(forum(), committee_members=IntRange(min=0, max=None))
    assert_finding(rules, "JY110", W, "OF-7")


# ------------------------------------------------------------------- JY111
@pytest.mark.parametrize("mode", [m for m in DeputyMode if m is not DeputyMode.PERSONAL])
def test_fc8_formal_body_deputies_not_personal_is_warning_JY111(mode: DeputyMode) -> None:
    rules = attrs.evolve(formal(), deputies=DeputyPolicy(mode=mode))
    assert_finding(rules, "JY111", W, "FC-8", "deputies.mode")


def test_fc10_deputy_category_only_wanted_is_warning_JY111() -> None:
    rules = attrs.evolve(
        formal(), deputies=DeputyPolicy(mode=DeputyMode.PERSONAL, same_category=Need.WANTED)
    )
    assert_finding(rules, "JY111", W, "FC-10", "deputies.same_category")


def test_fc9_deputy_organisation_only_wanted_is_warning_JY111() -> None:
    rules = attrs.evolve(
        formal(),
        deputies=DeputyPolicy(mode=DeputyMode.PERSONAL, different_organisation=Need.WANTED),
    )
    assert_finding(rules, "JY111", W, "FC-9", "deputies.different_organisation")


def test_fc9_fc10_unstated_in_a_formal_body_are_its_own_rules_no_JY111() -> None:
    """``deputies: {mode: personal}`` leaves both needs unstated: the formal body's
    rules FC-9 and FC-10 apply (as validation enforces them), nothing to warn of."""
    rules = attrs.evolve(formal(), deputies=DeputyPolicy(mode=DeputyMode.PERSONAL))
    assert "JY111" not in check(rules).codes
    assert check(load_preset("vantaa-kerava-formal")).findings == ()


def test_ku7_pair_deputies_without_pair_policy_is_warning_JY111() -> None:
    rules = attrs.evolve(general(), deputies=DeputyPolicy(mode=DeputyMode.PAIR), pairs=None)
    assert_finding(rules, "JY111", W, "KU-7", "pairs")


# ------------------------------------------------------------------- JY112
@pytest.mark.parametrize("mode", [m for m in ChairMode if m is not ChairMode.NONE])
def test_of5_open_forum_with_chair_is_error_JY112(mode: ChairMode) -> None:
    """OF-5: the forum has no official chair; the HYTE team coordinates."""
    rules = attrs.evolve(forum(), chair=ChairPolicy(mode=mode))
    assert_finding(rules, "JY112", E, "OF-5")


# ------------------------------------------------------------------- JY113
@pytest.mark.parametrize("fee", [FeePolicy.FEE_RULE, FeePolicy.OTHER_AGREED])
def test_of9_open_forum_with_fee_is_warning_JY113(fee: FeePolicy) -> None:
    assert_finding(attrs.evolve(forum(), fee=fee), "JY113", W, "OF-9")


def test_fc14_formal_body_may_pay_fees() -> None:
    """FC-14 lists three fee options; none of them is a finding for a formal body."""
    for fee in FeePolicy:
        assert "JY113" not in check(attrs.evolve(formal(), fee=fee)).codes


# ------------------------------------------------------------------- JY114
@pytest.mark.parametrize(
    ("make", "rule"),
    [(formal, "FC-16"), (forum, "OF-10"), (council, "KU-14")],
    ids=["formal", "forum", "council"],
)
def test_fc16_of10_ku14_statutory_duties_is_error_JY114(make: object, rule: str) -> None:
    """None of the three seed bodies has statutory duties (FC-16, OF-10, KU-14)."""
    assert callable(make)
    rules = attrs.evolve(make(), statutory_duties=True)
    assert_finding(rules, "JY114", E, rule, "statutory_duties")


def test_general_rule_set_may_have_statutory_duties() -> None:
    """An influence body written as a general rule set may have statutory duties."""
    assert "JY114" not in check(attrs.evolve(general(), statutory_duties=True)).codes


# ------------------------------------------------------------------- JY115
def test_fc7_formal_body_without_chair_is_error_JY115() -> None:
    rules = attrs.evolve(formal(), chair=ChairPolicy(mode=ChairMode.NONE))
    assert_finding(rules, "JY115", E, "FC-7", "chair.mode")


@pytest.mark.parametrize("mode", [ChairMode.ELECTED, ChairMode.APPOINTED, ChairMode.ROTATING])
def test_fc7_chair_not_in_dialogue_is_info_JY115(mode: ChairMode) -> None:
    """FC-7 suggests dialogue with the committee; another way is only noted (info)."""
    rules = attrs.evolve(formal(), chair=ChairPolicy(mode=mode, procedure_recorded=True))
    assert_finding(rules, "JY115", I, "FC-7", "chair.mode")
    assert check(rules).ok


def test_fc7_chair_procedure_not_recorded_is_warning_JY115() -> None:
    rules = attrs.evolve(formal(), chair=ChairPolicy(mode=ChairMode.DIALOGUE))
    assert_finding(rules, "JY115", W, "FC-7", "chair.procedure_recorded")


# ------------------------------------------------------------------- JY116
def test_ku10_no_catch_all_network_is_warning_JY116() -> None:
    networks = tuple(attrs.evolve(n, catch_all=False) for n in council().networks)
    assert_finding(attrs.evolve(council(), networks=networks), "JY116", W, "KU-10")


# ------------------------------------------------------------------- JY117
def test_ku7_three_per_network_is_warning_JY117() -> None:
    rules = attrs.evolve(council(), representatives_per_network=3)
    assert_finding(rules, "JY117", W, "KU-7")


def test_ku7_no_representative_per_network_is_error_JY117() -> None:
    rules = attrs.evolve(council(), representatives_per_network=0)
    assert_finding(rules, "JY117", E, "KU-7")


# ------------------------------------------------------------------- JY118
@pytest.mark.parametrize("first", [(), (24,), (24, 24)])
def test_ku5_first_term_not_staggered_is_warning_JY118(first: tuple[int, ...]) -> None:
    """KU-5: one of the pair serves 1 year, the other 2, in the first term."""
    term = attrs.evolve(council().term, first_term_months=first)
    assert_finding(attrs.evolve(council(), term=term), "JY118", W, "KU-5")


# ------------------------------------------------------------------- JY119
def test_fc4_duplicate_category_is_error_JY119() -> None:
    cats = (*formal().categories, formal().categories[0])
    f = assert_finding(attrs.evolve(formal(), categories=cats), "JY119", E, "FC-4")
    assert formal().categories[0].code in f.message_en
    # the later entry is named, with the one it repeats (issue #16 point 5)
    assert f.path == f"categories[{len(cats) - 1}].code"
    assert f.params["first"] == "categories[0]"
    assert "(first at categories[0])" in f.message_en


def test_fc4_duplicate_network_is_error_JY119() -> None:
    nets = (*council().networks, ThemeNetwork(id=council().networks[0].id))
    path = f"networks[{len(nets) - 1}].id"
    f = assert_finding(attrs.evolve(council(), networks=nets), "JY119", E, "FC-4", path)
    assert (f.params["id"], f.params["first"]) == (nets[0].id, "networks[0]")


def test_fc4_duplicate_official_seat_is_error_JY119() -> None:
    seats = (*council().official_seats, council().official_seats[0])
    rules = attrs.evolve(council(), official_seats=seats)
    f = assert_finding(rules, "JY119", E, "FC-4", f"official_seats[{len(seats) - 1}].id")
    assert f.params["first"] == "official_seats[0]"


def test_fc4_duplicate_seat_group_is_error_JY119() -> None:
    groups = (*general().seat_groups, general().seat_groups[0])
    rules = attrs.evolve(general(), seat_groups=groups)
    f = assert_finding(rules, "JY119", E, "FC-4", f"seat_groups[{len(groups) - 1}].id")
    assert f.params["first"] == "seat_groups[0]"


def test_fc4_seat_group_with_unknown_category_is_error_JY119() -> None:
    group = SeatGroup(id="sports", source=SeatSource.CATEGORY)  # not a defined category
    rules = attrs.evolve(general(), seat_groups=(*general().seat_groups, group))
    f = assert_finding(rules, "JY119", E, "FC-4")
    assert f.path.startswith("seat_groups[")


def test_fc4_network_and_official_seat_sharing_an_id_is_error_JY119() -> None:
    seat = OfficialSeat(id=council().networks[0].id, role=Role.MUNICIPAL_OFFICIAL)
    rules = attrs.evolve(council(), official_seats=(*council().official_seats, seat))
    ids = [g.id for g in rules.as_general().seat_groups]
    assert len(ids) != len(set(ids))  # the general form really is ambiguous
    assert "JY119" in check(rules).codes
    f = only(check(rules), "JY119", f"official_seats[{len(rules.official_seats) - 1}].id")
    assert f.params["first"] == "networks[0]"


# ------------------------------------------------------------------- JY120
@pytest.mark.parametrize("make", [formal, forum], ids=["formal", "forum"])
def test_ws1_party_ties_allowed_is_warning_JY120(make: object) -> None:
    assert callable(make)
    rules = make()
    sel = attrs.evolve(rules.selection, party_political_ties=PartyTies.ALLOWED)
    assert_finding(attrs.evolve(rules, selection=sel), "JY120", W, "WS-1")


@pytest.mark.parametrize("make", [council, general], ids=["council", "general"])
def test_ws1_is_not_assumed_outside_seed_001_JY120(make: object) -> None:
    """WS-1 is the Vantaa–Kerava workshops' wish: seed 002's council and a general rule
    set may allow party-political ties without a warning."""
    assert callable(make)
    rules = make()
    sel = attrs.evolve(rules.selection, party_political_ties=PartyTies.ALLOWED)
    assert "JY120" not in check(attrs.evolve(rules, selection=sel)).codes


# ------------------------------------------------------------------- JY121
@pytest.mark.parametrize(
    ("make", "rule"), [(formal, "FC-11"), (forum, "OF-6")], ids=["formal", "forum"]
)
def test_fc11_of6_monthly_meetings_outside_suggestion_is_info_JY121(
    make: object, rule: str
) -> None:
    """FC-11 and OF-6 only *suggest* 4–6 meetings a year: more is information."""
    assert callable(make)
    rules = attrs.evolve(make(), meetings=MeetingPolicy(per_year=IntRange(min=10, max=12)))
    assert_finding(rules, "JY121", I, rule, "meetings.per_year")
    assert check(rules).ok


# ------------------------------------------------------------------- JY122
def test_fc15_no_approver_for_mid_term_changes_is_warning_JY122() -> None:
    rules = attrs.evolve(formal(), mid_term_changes=None)
    assert_finding(rules, "JY122", W, "FC-15", "mid_term_changes")


# ------------------------------------------------------------------- JY123
@pytest.mark.parametrize(
    "authority",
    [Authority.THEME_NETWORKS, Authority.OPEN_REGISTRATION, Authority.REGIONAL_COUNCIL],
)
def test_fc3_appointing_authority_outside_options_is_error_JY123(authority: Authority) -> None:
    sel = attrs.evolve(formal().selection, authority=authority)
    assert_finding(attrs.evolve(formal(), selection=sel), "JY123", E, "FC-3")


@pytest.mark.parametrize(
    "authority",
    [Authority.EXECUTIVE_BOARD, Authority.COMMITTEE, Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS],
)
def test_fc3_the_three_appointing_options_pass(authority: Authority) -> None:
    sel = attrs.evolve(formal().selection, authority=authority)
    assert "JY123" not in check(attrs.evolve(formal(), selection=sel)).codes


# ------------------------------------------------------------------- JY124
def test_ku4_no_wellbeing_area_contact_seat_is_error_JY124() -> None:
    seats = tuple(o for o in council().official_seats if o.role is not Role.WELLBEING_AREA_OFFICIAL)
    assert_finding(attrs.evolve(council(), official_seats=seats), "JY124", E, "KU-4")


def test_ku4_no_municipal_contact_seat_is_warning_JY124() -> None:
    """The municipalities' contact persons are wanted; the area's one is required."""
    seats = tuple(o for o in council().official_seats if o.role is not Role.MUNICIPAL_OFFICIAL)
    assert_finding(attrs.evolve(council(), official_seats=seats), "JY124", W, "KU-4")


# ------------------------------------------------------------------- JY125
def test_of3_forum_without_open_registration_is_error_JY125() -> None:
    sel = attrs.evolve(forum().selection, open_registration=False)
    rules = attrs.evolve(forum(), selection=sel)
    assert_finding(rules, "JY125", E, "OF-3", "selection.open_registration")


def test_of4_criteria_applied_when_not_oversubscribed_is_error_JY125() -> None:
    """OF-3/OF-4: every NGO has an equal chance; criteria only when oversubscribed."""
    sel = attrs.evolve(forum().selection, criteria_only_when_oversubscribed=False)
    rules = attrs.evolve(forum(), selection=sel)
    assert_finding(rules, "JY125", E, "OF-4", "selection.criteria_only_when_oversubscribed")


# ------------------------------------------------------------------- JY126
def test_fc4_formal_body_without_categories_is_error_JY126() -> None:
    assert_finding(attrs.evolve(formal(), categories=()), "JY126", E, "FC-4", "categories")


def test_ku4_council_without_networks_is_error_JY126() -> None:
    assert_finding(attrs.evolve(council(), networks=()), "JY126", E, "KU-4", "networks")


def test_fc4_general_without_seat_groups_is_error_JY126() -> None:
    rules = attrs.evolve(general(), seat_groups=())
    assert_finding(rules, "JY126", E, "FC-4", "seat_groups")


# ------------------------------------------------------------------- JY127
def test_ku10_closed_theme_network_is_warning_JY127() -> None:
    nets = (attrs.evolve(council().networks[0], open=False), *council().networks[1:])
    f = assert_finding(attrs.evolve(council(), networks=nets), "JY127", W, "KU-10")
    assert f.path == "networks[0].open"


# ------------------------------------------------------------------- JY128
@pytest.mark.parametrize("field", ["convener", "secretary"])
def test_ku6_convener_or_secretary_not_named_is_warning_JY128(field: str) -> None:
    rules = attrs.evolve(council(), **{field: "  "})
    assert_finding(rules, "JY128", W, "KU-6", field)


# ------------------------------------------------------------------- JY143
@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("written_mandate", "written_mandate"),
        ("communication_plan", "communication_plan"),
        ("practice", "meetings.practice"),
    ],
)
def test_ku14_council_without_its_written_basis_is_info_JY143(field: str, path: str) -> None:
    stated = attrs.evolve(
        council(),
        written_mandate=True,
        communication_plan=True,
        meetings=attrs.evolve(council().meetings, practice=MeetingPractice.AGREED_BY_MEMBERS),
    )
    assert "JY143" not in {f.code for f in check(stated)}
    if field == "practice":
        broken = attrs.evolve(stated, meetings=attrs.evolve(stated.meetings, practice=None))
    else:
        broken = attrs.evolve(stated, **{field: None})
    f = assert_finding(broken, "JY143", I, "KU-14", path)
    assert f.message("fi") != f.message("en")


def test_ku14_is_not_asked_of_another_kind_JY143() -> None:
    assert "JY143" not in {f.code for f in check(formal())}
    assert "JY143" not in {f.code for f in check(general())}


# ------------------------------------------------------------------- JY129
def test_of8_forum_term_fixed_is_info_JY129() -> None:
    """OF-8: term and deputies are agreed with the NGOs; fixing them is only noted."""
    rules = attrs.evolve(forum(), term=TermPolicy(mode=TermMode.FIXED, months=24))
    assert_finding(rules, "JY129", I, "OF-8", "term.mode")
    assert check(rules).ok


def test_of8_forum_deputies_fixed_is_info_JY129() -> None:
    rules = attrs.evolve(forum(), deputies=DeputyPolicy(mode=DeputyMode.PERSONAL))
    assert_finding(rules, "JY129", I, "OF-8", "deputies.mode")


# ------------------------------------------------------- wanted vs required
def test_severity_follows_how_firm_the_rule_is() -> None:
    """One code may carry different severities: what breaks the body is an error,
    what the source merely wants is a warning, what it suggests is information."""
    cases = {
        "JY105": (attrs.evolve(formal(), members_per_category=0), E),
        "JY117": (attrs.evolve(council(), representatives_per_network=3), W),
        "JY115": (
            attrs.evolve(
                formal(), chair=ChairPolicy(mode=ChairMode.ELECTED, procedure_recorded=True)
            ),
            I,
        ),
    }
    for code, (rules, severity) in cases.items():
        assert only(check(rules), code).severity is severity


def test_pairs_policy_need_does_not_affect_check() -> None:
    """Pair mixes are judged on a composition (JY225), not on the rule set alone."""
    rules = attrs.evolve(council(), pairs=PairPolicy(mixes=(), need=Need.REQUIRED))
    assert check(rules).codes == check(council()).codes


# ------------------------------------------------------------------- JY130
def test_ws9_time_demands_not_stated_is_info_JY130() -> None:
    """WS-9: prerequisites and time demands must be clear when applying."""
    rules = attrs.evolve(formal(), time_budget_hours_per_year=None)
    assert_finding(rules, "JY130", I, "WS-9", "time_budget_hours_per_year")
    assert "JY130" not in check(formal()).codes  # the preset states its budget


# ------------------------------------------------------- rotating duties (GEN-3)
def _turn(holder: str, start: date, end: date) -> DutyTurn:
    return DutyTurn(holder=holder, start=start, end=end)


#: Three turns of a chair, each starting the day after the previous one ends.
TURNS = (
    _turn("org-a", date(2026, 1, 1), date(2026, 12, 31)),
    _turn("org-b", date(2027, 1, 1), date(2027, 12, 31)),
    _turn("org-c", date(2028, 1, 1), date(2028, 12, 31)),
)


def with_duty(**fields: object) -> FormalCommittee:
    """The formal preset with one rotating chair duty."""
    return attrs.evolve(formal(), duties=(RotatingDuty(duty="chair", **fields),))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fields",
    [
        {"turns": TURNS},
        {"turns": TURNS, "repeats": True},
        {"start": date(2026, 1, 31), "period_months": 1, "holders": ("org-a", "org-b")},
    ],
)
def test_gen3_duty_turns_in_order_pass(fields: dict[str, object]) -> None:
    """Turns that follow one another, or a whole period form, give no duty finding."""
    assert not {"JY132", "JY133", "JY134", "JY135"} & check(with_duty(**fields)).codes


def test_gen3_duty_turn_ending_before_it_starts_is_error_JY132() -> None:
    """A turn whose end is before its start cannot be held."""
    turns = (*TURNS[:2], _turn("org-c", date(2028, 1, 1), date(2027, 12, 1)))
    f = assert_finding(with_duty(turns=turns), "JY132", E, "GEN-3", "duties[0].turns[2]")
    assert f.params["holder"] == "org-c"


def test_gen3_duty_turns_that_overlap_are_error_JY133() -> None:
    """Two organisations cannot hold the chair on the same day."""
    turns = (TURNS[0], _turn("org-b", date(2026, 12, 1), date(2027, 12, 31)))
    f = assert_finding(with_duty(turns=turns), "JY133", E, "GEN-3", "duties[0].turns[1]")
    assert f.params["previous_end"] == "2026-12-31"


def test_gen3_gap_between_duty_turns_is_warning_JY134() -> None:
    """A month between two turns is a month for which no holder is named."""
    turns = (TURNS[0], _turn("org-b", date(2027, 2, 1), date(2027, 12, 31)))
    f = assert_finding(with_duty(turns=turns), "JY134", W, "GEN-3", "duties[0].turns[1]")
    assert (f.params["gap_start"], f.params["gap_end"]) == ("2027-01-01", "2027-01-31")


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"start": date(2026, 1, 1), "period_months": 0, "holders": ("a",)}, "period_months"),
        ({"start": date(2026, 1, 1), "period_months": -6, "holders": ("a",)}, "period_months"),
        ({"start": date(2026, 1, 1), "holders": ("a",)}, "period_months"),
        ({"period_months": 12, "holders": ("a",)}, "start"),
        ({"start": date(2026, 1, 1), "period_months": 12}, "holders"),
        ({}, "turns"),
        ({"start": date(9999, 12, 1), "period_months": 1, "holders": ("a",)}, "start"),
        ({"turns": (_turn("org-a", date(2026, 1, 1), date(9999, 12, 31)),)}, "turns[0].end"),
        ({"turns": (_turn("org-a", date(1, 1, 1), date(2026, 12, 31)),)}, "turns[0].start"),
    ],
)
def test_gen3_duty_turns_that_cannot_be_read_are_error_JY135(
    fields: dict[str, object], path: str
) -> None:
    """A period below one month, a period form missing a part, no turns at all, or a
    date outside 1900–2200 (where the calendar would overflow)."""
    assert_finding(with_duty(**fields), "JY135", E, "GEN-3", f"duties[0].{path}")


def test_gen3_duty_in_both_forms_is_error_JY135() -> None:
    """Listed turns and a period at once: which one holds is not said."""
    rules = with_duty(turns=TURNS, start=date(2026, 1, 1), period_months=12, holders=("a",))
    assert_finding(rules, "JY135", E, "GEN-3", "duties[0]")
