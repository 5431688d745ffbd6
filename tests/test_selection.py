"""Selection from registrations (issue 6): every rule id broken and asserted, plus properties."""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jarjestoyhteistyo import LoadError, selection, validate
from jarjestoyhteistyo.io.serialize import document, dump_yaml
from jarjestoyhteistyo.model import registrations as model_registrations
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SeatKind, SizeClass
from jarjestoyhteistyo.model.rulesets import (
    Criterion,
    DeputyMode,
    DeputyPolicy,
    DiversityPolicy,
    FormalCommittee,
    GeneralRuleSet,
    IntRange,
    OpenForum,
    PairPolicy,
    SeatGroup,
    SeatSource,
    SelectionPolicy,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.selection import (
    Outcome,
    Registration,
    Registrations,
    feasibility,
    in_scope,
    loads_registrations,
    propose,
    selection_probabilities,
)

CATS = ("child-family", "pensioners", "older-people", "employment")


def org(oid: str, *cats: str, **kw: object) -> Organisation:
    return Organisation(id=oid, categories=frozenset(cats), **kw)  # type: ignore[arg-type]


def reg(o: Organisation, role: Role = Role.VOLUNTEER, **kw: object) -> Registration:
    kw.setdefault("link_description", "runs peer groups with the area's services")
    return Registration(organisation=o, member=Person(role=role), **kw)  # type: ignore[arg-type]


def formal(m: int = 1, cats: tuple[str, ...] = CATS) -> FormalCommittee:
    from jarjestoyhteistyo.model.categories import category_by_code

    return FormalCommittee(
        name="Test body",
        area="Test area (bilingual)",
        members_per_category=m,
        categories=tuple(category_by_code(c) for c in cats),
        diversity=DiversityPolicy(
            volunteer_run=True, min_size_classes=2, languages=frozenset({"sv"})
        ),
    )


def two_groups() -> GeneralRuleSet:
    """Two categories, one seat each, no deputies: the quota trap of sortition tools."""
    return GeneralRuleSet(
        name="Two",
        area="Test area",
        seat_groups=(
            SeatGroup(id="pensioners", source=SeatSource.CATEGORY),
            SeatGroup(id="older-people", source=SeatSource.CATEGORY),
        ),
    )


def full_pool(rules: FormalCommittee, per_cat: int) -> list[Registration]:
    return [reg(org(f"{c.code}-{i}", c.code)) for c in rules.categories for i in range(per_cat)]


def errors_in_scope(rules, comp) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in validate(rules, comp).errors if in_scope(rules, f)]


# ------------------------------------------------------------------ the model
def test_ws1_registration_has_no_party_field() -> None:
    names = {a.name for a in attrs.fields(Registration)}
    assert not any("part" in n or "politic" in n for n in names)


def test_ws1_party_key_is_rejected_when_loading() -> None:
    text = "registrations: [{organisation: {id: o1}, member: {role: volunteer}, party: x}]"
    with pytest.raises(LoadError) as exc:
        loads_registrations(text)
    assert exc.value.problems[0].path == "registrations[0].party"


def test_registrations_round_trip_through_the_one_converter() -> None:
    doc = Registrations(
        name="Call 2025",
        registrations=(
            reg(
                org("o1", "pensioners"),
                deputy=Person(role=Role.NGO_EMPLOYEE),
                hours_available=20.5,
                answers=frozenset({"c1"}),
                categories=frozenset({"pensioners"}),
            ),
        ),
    )
    assert loads_registrations(dump_yaml(doc)) == doc


def test_registrations_are_model_nouns_and_the_door_knows_them() -> None:
    """The nouns live in the model layer (issue #13); the door's table names that home."""
    assert Registration.__module__ == Registrations.__module__ == model_registrations.__name__
    assert document("registrations").model is model_registrations.Registrations
    assert document(Registrations).name == "registrations"


def test_the_package_face_keeps_every_name_it_had() -> None:
    """``from jarjestoyhteistyo.selection import ...`` keeps working after the split."""
    before = {
        "OUT_OF_SCOPE", "Explanation", "FairLottery", "Feasibility", "Outcome", "Proposal",
        "Registration", "Registrations", "SelectionError", "Shortage", "feasibility",
        "in_scope", "load_registrations", "loads_registrations", "propose",
        "selection_probabilities",
    }  # fmt: skip
    assert set(selection.__all__) == before
    assert all(hasattr(selection, name) for name in before)
    assert callable(selection.feasibility)  # the function, not the module ``feasible``


# ------------------------------------------------------------- feasibility
def test_fc5_feasible_with_members_and_deputies() -> None:
    rules = formal(m=2)
    f = feasibility(rules, full_pool(rules, 4))
    assert (f.feasible, f.seats, f.fillable) == (True, 16, 16)
    assert feasibility(rules, full_pool(rules, 3)).fillable == 12


def test_fc5_short_category_explained() -> None:
    rules = formal(m=1)
    regs = [r for r in full_pool(rules, 2) if not r.organisation.id.startswith("employment")]
    f = feasibility(rules, regs)
    assert not f.feasible
    assert f.violator is not None
    assert (f.violator.groups, f.violator.missing) == (("employment",), 2)
    assert dict(f.call_for) == {"employment": 2}
    assert "JY502" in f.report.codes
    assert f.report.ok  # the seats are wanted (need: wanted): a shortfall is a warning
    assert "another call for registrations in employment: 2 more" in f.explain()


def test_fc9_ws7_multi_category_organisation_counts_once() -> None:
    """Each category has a registration, but one organisation cannot sit twice."""
    rules = two_groups()
    regs = [reg(org("both", "pensioners", "older-people"))]
    f = feasibility(rules, regs)
    assert not f.feasible
    assert f.violator is not None
    assert set(f.violator.groups) == {"pensioners", "older-people"}
    assert (f.violator.seats, f.violator.organisations) == (2, 1)
    # either category alone is fine: the smallest violator has two groups
    p = propose(rules, regs, seed=0)
    assert sum(x.selected for x in p.explanations) == 1
    assert "JY206" not in validate(rules, p.composition).codes


def test_ws7_multi_category_organisation_used_where_needed() -> None:
    rules = two_groups()
    regs = [reg(org("both", "pensioners", "older-people")), reg(org("p", "pensioners"))]
    p = propose(rules, regs, seed=4)
    assert p.composition.seat("older-people-m1").organisation == "both"
    assert p.composition.seat("pensioners-m1").organisation == "p"


def test_adding_a_registration_can_make_infeasible_feasible() -> None:
    rules = two_groups()
    regs = [reg(org("both", "pensioners", "older-people"))]
    assert feasibility(rules, [*regs, reg(org("x", "older-people"))]).feasible


# ------------------------------------------------------------------ proposal
def test_fc3_fc8_fc10_proposal_validates_with_personal_deputies() -> None:
    rules = formal(m=2)
    regs = full_pool(rules, 6)
    p = propose(rules, regs, seed=11)
    assert p.ok
    assert errors_in_scope(rules, p.composition) == []
    members = p.composition.seats_of(SeatKind.MEMBER)
    deputies = p.composition.seats_of(SeatKind.DEPUTY)
    assert len(members) == len(deputies) == 8
    for d in deputies:  # FC-8: personal; FC-10: same category
        m = p.composition.seat(d.deputy_of or "")
        assert d.group == m.group
        assert d.organisation != m.organisation
    # FC-3: every seated organisation registered; every registration explained
    registered = {r.organisation.id for r in regs}
    assert {s.organisation for s in members + deputies} <= registered
    assert [x.index for x in p.explanations] == list(range(len(regs)))
    assert sum(x.outcome is Outcome.NOT_SELECTED for x in p.explanations) == len(regs) - 16


def test_out_of_scope_codes_are_the_documented_ones() -> None:
    rules = formal(m=1)
    p = propose(rules, full_pool(rules, 2), seed=1)
    raw = validate(rules, p.composition)
    assert {f.code for f in raw.errors} <= {"JY209", "JY210"}
    assert not ({"JY209", "JY210", "JY226"} & p.report.codes)


def test_fc4_category_the_organisation_does_not_have() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 2)
    sneaky = reg(org("sneaky", "pensioners"), categories=frozenset({"employment"}))
    p = propose(rules, [*regs, sneaky], seed=2)
    hits = [f for f in p.report.findings if f.code == "JY503"]
    assert len(hits) == 1
    assert hits[0].rule == "FC-4"
    assert p.explanation("sneaky").outcome is Outcome.INELIGIBLE
    assert "JY203" not in validate(rules, p.composition).codes


def test_fc4_applied_categories_restrict_a_multi_category_organisation() -> None:
    rules = two_groups()
    o = org("both", "pensioners", "older-people")
    p = propose(rules, [reg(o, categories=frozenset({"older-people"}))], seed=0)
    assert p.explanation("both").seat == "older-people-m1"


def test_fc5_under_subscription_leaves_vacancies_as_warnings() -> None:
    rules = formal(m=2)
    regs = [r for r in full_pool(rules, 4) if not r.organisation.id.startswith("employment")]
    regs.append(reg(org("employment-0", "employment")))
    regs.append(reg(org("employment-1", "employment")))
    p = propose(rules, regs, seed=3)
    assert p.ok  # vacancies are warnings
    vac = [f for f in p.report.findings if f.code == "JY501"]
    assert len(vac) == 1
    assert vac[0].params["group"] == "employment"
    assert vac[0].severity.value == "warning"
    assert p.feasibility.call_for == {"employment": 2}
    assert "JY502" in p.feasibility.report.codes  # the seats cannot all be filled


def test_fc8_odd_organisation_kept_in_reserve() -> None:
    rules = formal(m=2)
    regs = [r for r in full_pool(rules, 4) if r.organisation.id != "employment-3"]
    p = propose(rules, regs, seed=5)
    reserve = [x for x in p.explanations if x.outcome is Outcome.RESERVE]
    assert len(reserve) == 1
    assert reserve[0].group == "employment"
    assert "JY505" in p.report.codes
    assert "JY208" not in validate(rules, p.composition).codes


def test_fc8_parity_is_evened_out_through_multi_category_organisations() -> None:
    """Three single-category in A, one in B, one in both: A 3 + B 2 beats A 4 + B 1."""
    rules = GeneralRuleSet(
        name="Pairs",
        area="Test area",
        seat_groups=(
            SeatGroup(id="pensioners", source=SeatSource.CATEGORY, seats=IntRange(min=2, max=2)),
            SeatGroup(id="older-people", source=SeatSource.CATEGORY, seats=IntRange(min=2, max=2)),
        ),
        deputies=DeputyPolicy(mode=DeputyMode.PERSONAL),
    )
    regs = [reg(org(f"p{i}", "pensioners")) for i in range(3)]
    regs += [reg(org("o0", "older-people")), reg(org("both", "pensioners", "older-people"))]
    for seed in range(10):
        p = propose(rules, regs, seed=seed)
        seated = sum(x.selected for x in p.explanations)
        assert seated == 4, seed  # two full pairs; one organisation in reserve


def test_fc9_duplicate_registration() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 2)
    p = propose(rules, [*regs, regs[0]], seed=1)
    assert "JY504" in p.report.codes
    assert p.explanations[-1].outcome is Outcome.DUPLICATE
    assert "JY206" not in validate(rules, p.composition).codes


def test_same_seed_same_proposal_and_input_order_does_not_matter() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 5)
    a = propose(rules, regs, seed=42)
    assert a == propose(rules, regs, seed=42)
    assert propose(rules, regs[::-1], seed=42).composition == a.composition
    assert any(propose(rules, regs, seed=s).composition != a.composition for s in range(1, 6))


def test_ws7_volunteer_run_and_swedish_are_preferred() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 6)
    regs.append(reg(org("volunteers", "pensioners", volunteer_run=True)))
    regs.append(reg(org("svenska", "older-people", languages=frozenset({"sv"}))))
    for seed in range(5):
        p = propose(rules, regs, seed=seed)
        assert p.explanation("volunteers").selected
        assert p.explanation("svenska").selected
        assert "WS-7" in p.explanation("volunteers").rule
        assert not {"JY216", "JY217"} & p.report.codes


def test_ws4_size_classes_are_covered() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 6)  # all medium
    regs.append(reg(org("tiny", "employment", size=SizeClass.SMALL)))
    assert propose(rules, regs, seed=1).explanation("tiny").selected


def test_ws1_party_political_criterion_rejects_the_rule_set() -> None:
    rules = attrs.evolve(
        formal(m=1),
        selection=SelectionPolicy(criteria=(Criterion(id="council-group", text="party"),)),
    )
    p = propose(rules, full_pool(rules, 2), seed=1)
    assert "JY108" in p.report.codes
    assert not p.ok
    assert all(x.outcome is Outcome.REJECTED for x in p.explanations)
    assert all(s.vacant for s in p.composition.seats)


def test_ws9_time_and_unknown_criteria() -> None:
    rules = attrs.evolve(formal(m=1), selection=SelectionPolicy(criteria=(Criterion(id="c1"),)))
    regs = full_pool(rules, 2)
    regs.append(reg(org("busy", "pensioners"), hours_available=1.0, answers=frozenset({"c9"})))
    p = propose(rules, regs, seed=1)
    assert {"JY507", "JY508"} <= p.report.codes


def test_criteria_met_come_before_the_lottery() -> None:
    rules = attrs.evolve(formal(m=1), selection=SelectionPolicy(criteria=(Criterion(id="c1"),)))
    regs = full_pool(rules, 5)
    regs.append(reg(org("keen", "pensioners"), answers=frozenset({"c1"})))
    for seed in range(5):
        assert propose(rules, regs, seed=seed).explanation("keen").selected


# ----------------------------------------------------------------- open forum
def forum(cap: int, criteria: tuple[str, ...] = ()) -> OpenForum:
    return OpenForum(
        name="Forum",
        area="Test area",
        cap=cap,
        selection=SelectionPolicy(
            criteria=tuple(Criterion(id=c) for c in criteria),
            criteria_only_when_oversubscribed=True,
        ),
    )


def test_of3_everyone_admitted_up_to_the_cap() -> None:
    rules = forum(5, ("c1",))
    regs = [reg(org(f"o{i}", "pensioners")) for i in range(5)]
    p = propose(rules, regs, seed=1)
    assert all(x.outcome is Outcome.MEMBER for x in p.explanations)
    assert "JY509" not in p.report.codes
    assert "JY212" not in p.report.codes


def test_of3_criteria_only_when_oversubscribed() -> None:
    rules = forum(3, ("c1", "c2"))
    regs = [reg(org(f"o{i}", "pensioners")) for i in range(6)]
    regs.append(reg(org("both-criteria", "pensioners"), answers=frozenset({"c1", "c2"})))
    regs.append(reg(org("one-criterion", "pensioners"), answers=frozenset({"c1"})))
    p = propose(rules, regs, seed=7)
    assert "JY509" in p.report.codes
    assert p.explanation("both-criteria").selected
    assert p.explanation("one-criterion").selected
    assert sum(x.selected for x in p.explanations) == 3
    assert "JY212" not in validate(rules, p.composition).codes
    assert "JY510" in propose(forum(3), regs, seed=7).report.codes


def test_of3_link_description_missing() -> None:
    p = propose(forum(5), [reg(org("o1", "pensioners"), link_description="")], seed=1)
    assert "JY506" in p.report.codes


def test_of8_forum_keeps_the_organisations_own_deputy() -> None:
    r = reg(org("o1", "pensioners"), deputy=Person(role=Role.NGO_EMPLOYEE))
    p = propose(forum(5), [r], seed=1)
    d = p.composition.seat("forum-d1")
    assert (d.organisation, d.deputy_of) == ("o1", "forum-m1")
    assert errors_in_scope(forum(5), p.composition) == []


def test_of4_equal_chance_in_the_fair_lottery() -> None:
    regs = [reg(org(f"o{i:02d}", "pensioners")) for i in range(40)]
    lot = selection_probabilities(forum(20), regs, seed=1)
    assert set(lot.probabilities.values()) == {Fraction(1, 2)}
    assert lot.seats == 20
    assert len(lot.panel) == 20


def test_of4_lottery_gives_every_rank_a_chance() -> None:
    regs = [reg(org(f"o{i}", "pensioners")) for i in range(4)]
    winners = {
        next(x.organisation for x in propose(forum(1), regs, seed=s).explanations if x.selected)
        for s in range(40)
    }
    assert winners == {"o0", "o1", "o2", "o3"}


# -------------------------------------------------------------- theme networks
def council() -> ThemeNetworkCouncil:
    return ThemeNetworkCouncil(name="Council", area="Test area")


def net_org(oid: str, *nets: str, **kw: object) -> Organisation:
    return Organisation(id=oid, networks=frozenset(nets), **kw)  # type: ignore[arg-type]


def council_pool() -> list[Registration]:
    rules = council()
    roles = (Role.VOLUNTEER, Role.VOLUNTEER, Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT)
    return [
        reg(net_org(f"{n.id}-{i}", n.id), role=roles[i]) for n in rules.networks for i in range(4)
    ]


def test_ku7_work_pairs_of_a_wanted_mix() -> None:
    rules = council()
    for seed in range(4):
        p = propose(rules, council_pool(), seed=seed)
        assert p.ok
        assert "JY225" not in validate(rules, p.composition).codes
        roles = {
            s.group: sorted(
                x.person.role.value for x in p.composition.seats if x.group == s.group and x.person
            )
            for s in p.composition.seats_of(SeatKind.MEMBER)
        }
        assert all(r == ["experience_expert", "ngo_employee"] for r in roles.values())
        assert all(d.kind is not SeatKind.DEPUTY for d in p.composition.seats)


def test_ku7_incomplete_pair_is_a_warning() -> None:
    """A vacancy is a warning in every kind (issue #14): the network completes its pair."""
    rules = council()
    regs = [r for r in council_pool() if not r.organisation.id.startswith("older-people")]
    regs.append(reg(net_org("older-people-0", "older-people")))
    p = propose(rules, regs, seed=1)
    assert "JY213" in p.report.codes
    assert p.ok
    assert "JY501" in p.report.codes


def test_ku7_pair_mix_wanted_only_warns() -> None:
    rules = attrs.evolve(council(), pairs=PairPolicy(mixes=((Role.NGO_EMPLOYEE, Role.VOLUNTEER),)))
    regs = [r for r in council_pool() if r.member.role is not Role.NGO_EMPLOYEE]
    p = propose(rules, regs, seed=1)
    assert p.ok
    assert "JY225" in p.report.codes


def test_ku10_network_the_organisation_is_not_in() -> None:
    rules = council()
    regs = council_pool()
    regs.append(reg(net_org("outsider", "older-people"), categories=frozenset({"multi-sector"})))
    p = propose(rules, regs, seed=1)
    hit = [f for f in p.report.findings if f.code == "JY503"]
    assert len(hit) == 1
    assert hit[0].rule == "KU-10"
    assert "JY223" not in validate(rules, p.composition).codes


def test_ku10_multi_network_organisation_counts_once() -> None:
    rules = council()
    regs = [r for r in council_pool() if not r.organisation.id.startswith(("older", "multi"))]
    both = net_org("both", "older-people", "multi-sector")
    regs += [reg(both, role=Role.NGO_EMPLOYEE), reg(net_org("x", "older-people"))]
    regs += [reg(net_org("y", "multi-sector"))]
    p = propose(rules, regs, seed=1)
    assert p.feasibility.fillable == 9
    assert "JY206" not in validate(rules, p.composition).codes


# -------------------------------------------------------------- fair lottery
def test_fair_lottery_maximin_with_a_multi_category_organisation() -> None:
    rules = formal(m=1)
    regs = full_pool(rules, 3)
    regs.append(reg(org("multi", "pensioners", "older-people")))
    lot = selection_probabilities(rules, regs, seed=3, runs=300)
    assert sum(lot.probabilities.values()) == lot.seats == 8
    assert lot.minimum == min(lot.probabilities.values())
    assert lot.minimum == Fraction(4, 7)  # pensioners, older-people and multi share 4 seats
    assert all(abs(lot.empirical[k] - float(v)) < 0.15 for k, v in lot.probabilities.items())
    pf = propose(rules, regs, seed=3, fair=True)
    assert pf.ok
    assert sum(x.selected for x in pf.explanations) == 8


def test_fair_lottery_for_1000_registrations_is_fast() -> None:
    import time

    rules = formal(m=2, cats=tuple(c.code for c in FormalCommittee(name="x", area="y").categories))
    codes = [c.code for c in rules.categories]
    regs = [reg(org(f"o{i:04d}", *{codes[i % 8], codes[(i * 7) % 8]})) for i in range(1000)]
    start = time.perf_counter()
    lot = selection_probabilities(rules, regs, seed=1)
    assert time.perf_counter() - start < 10
    assert sum(lot.probabilities.values()) == 32


# ---------------------------------------------------------------- properties
def _matching_size(rules, regs) -> int:  # type: ignore[no-untyped-def]
    """Brute-force maximum bipartite matching: organisations × individual seats."""
    general = rules.as_general()
    deputies = general.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
    slots = []
    for g in general.seat_groups:
        if g.source is SeatSource.CATEGORY:
            n = g.seats.max if g.seats.max is not None else g.seats.min
            slots += [g.eligible_categories] * (n * (2 if deputies else 1))
    seen_orgs: set[str] = set()
    orgs = []
    for r in regs:
        if r.organisation.id not in seen_orgs:
            seen_orgs.add(r.organisation.id)
            orgs.append(r.organisation.categories)
    match: dict[int, int] = {}

    def augment(o: int, visited: set[int]) -> bool:
        for s, cats in enumerate(slots):
            if cats & orgs[o] and s not in visited:
                visited.add(s)
                if s not in match or augment(match[s], visited):
                    match[s] = o
                    return True
        return False

    return sum(augment(o, set()) for o in range(len(orgs)))


@st.composite
def pools(draw: st.DrawFn, max_size: int = 12) -> tuple[FormalCommittee, list[Registration]]:
    k = draw(st.integers(min_value=1, max_value=4))
    m = draw(st.integers(min_value=1, max_value=2))
    rules = formal(m=m, cats=CATS[:k])
    n = draw(st.integers(min_value=0, max_value=max_size))
    regs = []
    for i in range(n):
        cats = draw(st.frozensets(st.sampled_from(CATS), min_size=1, max_size=3))
        regs.append(
            reg(
                org(
                    f"o{i:02d}",
                    *cats,
                    size=draw(st.sampled_from(SizeClass)),
                    volunteer_run=draw(st.booleans()),
                    languages=draw(st.sampled_from([frozenset({"fi"}), frozenset({"sv"})])),
                )
            )
        )
    return rules, regs


@given(pools(), st.integers(min_value=0, max_value=2**32))
def test_property_proposal_validates(
    pool: tuple[FormalCommittee, list[Registration]], seed: int
) -> None:
    rules, regs = pool
    p = propose(rules, regs, seed=seed)
    assert errors_in_scope(rules, p.composition) == []
    assert p.ok
    assert len(p.explanations) == len(regs)
    assert p == propose(rules, regs, seed=seed)


@given(pools())
def test_property_flow_equals_brute_force_matching(
    pool: tuple[FormalCommittee, list[Registration]],
) -> None:
    rules, regs = pool
    assert feasibility(rules, regs).fillable == _matching_size(rules, regs)


@given(pools(), st.frozensets(st.sampled_from(CATS), min_size=1))
def test_property_adding_a_registration_keeps_feasibility(
    pool: tuple[FormalCommittee, list[Registration]], cats: frozenset[str]
) -> None:
    rules, regs = pool
    before = feasibility(rules, regs)
    after = feasibility(rules, [*regs, reg(org("newcomer", *cats))])
    assert after.fillable >= before.fillable
    if before.feasible:
        assert after.feasible


@given(pools())
def test_property_violator_is_a_real_and_smallest_hall_violator(
    pool: tuple[FormalCommittee, list[Registration]],
) -> None:
    rules, regs = pool
    f = feasibility(rules, regs)
    groups = list(f.seats_by_group)

    def deficit(subset: tuple[str, ...]) -> int:
        seats = sum(f.seats_by_group[g] for g in subset)
        orgs = sum(1 for r in regs if r.organisation.categories & set(subset))
        return seats - orgs

    violators = [
        s
        for n in range(1, len(groups) + 1)
        for s in itertools.combinations(groups, n)
        if deficit(s) > 0
    ]
    assert (f.violator is None) == f.feasible == (not violators)
    if f.violator is not None:
        assert deficit(f.violator.groups) == f.violator.missing > 0
        assert len(f.violator.groups) == min(len(s) for s in violators)
        assert sum(f.call_for.values()) == f.missing


@settings(max_examples=30)
@given(pools(max_size=16), st.integers(min_value=0, max_value=1000))
def test_property_probabilities(
    pool: tuple[FormalCommittee, list[Registration]], seed: int
) -> None:
    rules, regs = pool
    lot = selection_probabilities(rules, regs, seed=seed)
    assert all(0 <= p <= 1 for p in lot.probabilities.values())
    assert sum(lot.probabilities.values()) == lot.seats == feasibility(rules, regs).fillable
    assert len(lot.panel) == lot.seats
    assert len({o for o, _ in lot.panel}) == lot.seats
    by_id = {r.organisation.id: r.organisation for r in regs}
    assert all(g in by_id[o].categories for o, g in lot.panel)
