"""Succession: events applied to a composition over time (FC-8, FC-9, FC-10, FC-15, KU-7).

Every test names the rule it exercises. The shipped example compositions are the
starting points: ``examples/vantaa-kerava-formal.yaml`` (personal deputies such as
``child-family-d1`` tied to ``child-family-m1``) and ``examples/keski-uusimaa.yaml``
(work pairs of theme networks).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.calc.terms import check_consecutive, consecutive_terms
from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml, loads
from jarjestoyhteistyo.model.composition import (
    Composition,
    Function,
    Organisation,
    Person,
    Role,
    SeatKind,
)
from jarjestoyhteistyo.model.rulesets import Authority, RotationPractice, RuleSet
from jarjestoyhteistyo.selection import succession
from jarjestoyhteistyo.selection.succession import (
    Event,
    EventKind,
    History,
    SuccessionError,
    apply_event,
    composition_at,
    load_history,
    loads_history,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
D = dt.date
VOLUNTEER = Person(role=Role.VOLUNTEER)
OK = Authority.COMMITTEE  # the authority the Vantaa–Kerava preset names (FC-15)


@pytest.fixture(scope="module")
def fc_rules() -> RuleSet:
    """The formal preset with staggered terms (12- and 24-month first terms): the cuts
    these tests expect. The preset's own reading of FC-13, ``each_term``, is tested in
    tests/test_rotation.py."""
    rules = jy.load_preset("vantaa-kerava-formal")
    assert rules.term is not None
    return attrs.evolve(
        rules, term=attrs.evolve(rules.term, rotation_practice=RotationPractice.STAGGERED_TERMS)
    )


@pytest.fixture(scope="module")
def fc_comp() -> Composition:
    return jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")


@pytest.fixture(scope="module")
def ku_rules() -> RuleSet:
    return jy.load_preset("keski-uusimaa")


@pytest.fixture(scope="module")
def ku_comp() -> Composition:
    return jy.load_composition(EXAMPLES / "keski-uusimaa.yaml")


MARCH, APRIL = D(2025, 3, 1), D(2025, 4, 1)


def resign(seat: str, day: D = MARCH, **kw: object) -> Event:
    return Event(date=day, kind=EventKind.RESIGN, seat=seat, **kw)  # type: ignore[arg-type]


def fill(seat: str, org: str | None, day: D = APRIL, **kw: object) -> Event:
    kw.setdefault("person", VOLUNTEER)
    kw.setdefault("approved_by", OK)
    return Event(date=day, kind=EventKind.FILL, seat=seat, organisation=org, **kw)  # type: ignore[arg-type]


def error_codes(report: jy.Report) -> list[str]:
    return sorted(f.code for f in report.errors)


# ------------------------------------------------------------------ the examples
def test_examples_start_valid(fc_rules: RuleSet, fc_comp: Composition) -> None:
    assert jy.validate(fc_rules, fc_comp).ok
    assert fc_rules.mid_term_changes is Authority.COMMITTEE  # FC-15


def test_codes_are_in_the_succession_range() -> None:
    import jarjestoyhteistyo.selection.succession as mod

    assert all(340 <= int(c.code[2:]) <= 359 for c in mod.CODES)
    assert mod.__all__ == sorted(mod.__all__, key=lambda n: (n[0].islower(), n))


# ------------------------------------------------------------------------ FC-8
def test_fc8_resignation_promotes_personal_deputy(fc_rules: RuleSet, fc_comp: Composition) -> None:
    deputy = fc_comp.seat("child-family-d1")
    after, report = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    member = after.seat("child-family-m1")
    assert (member.organisation, member.person) == (deputy.organisation, deputy.person)
    assert member.kind is SeatKind.MEMBER
    assert member.group == "child-family"
    assert after.seat("child-family-d1").vacant
    assert after.seat("child-family-d1").deputy_of == "child-family-m1"  # tie kept
    assert report.ok
    assert {"JY349", "JY351"} <= report.codes  # promoted; the chair left with the holder
    assert Function.CHAIR not in member.functions
    assert after.as_of == D(2025, 3, 1)
    # a new deputy is needed (FC-8): validation says so on the result
    assert "JY208" in jy.validate(fc_rules, after).codes


def test_fc8_resignation_needs_no_approval(fc_rules: RuleSet, fc_comp: Composition) -> None:
    _, report = apply_event(fc_rules, fc_comp, resign("pensioners-m2"))
    assert report.ok
    assert "JY341" not in report.codes


def test_fc8_member_without_deputy_becomes_vacant(fc_rules: RuleSet, fc_comp: Composition) -> None:
    history = History(
        events=(resign("pensioners-d1", D(2025, 2, 1)), resign("pensioners-m1", D(2025, 3, 1)))
    )
    after, report = composition_at(fc_rules, fc_comp, history, D(2025, 3, 1))
    assert after.seat("pensioners-m1").vacant
    assert after.seat("pensioners-d1").vacant
    assert report.ok
    assert "JY352" in report.codes


def test_fc8_deputy_resigns_member_stays(fc_rules: RuleSet, fc_comp: Composition) -> None:
    after, report = apply_event(fc_rules, fc_comp, resign("employment-d2"))
    assert after.seat("employment-d2").vacant
    assert after.seat("employment-m2") == fc_comp.seat("employment-m2")
    assert report.ok


def test_fc8_refill_after_promotion_restores_a_valid_composition(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    # org-01 left the member seat, so it may name the new deputy (FC-9, FC-10 hold)
    history = History(events=(resign("child-family-m1"), fill("child-family-d1", "org-01")))
    after, report = composition_at(fc_rules, fc_comp, history, D(2025, 12, 31))
    assert report.ok, report.to_text()
    assert after.seat("child-family-d1").organisation == "org-01"
    # only the chair is missing: it left with its holder (FC-7)
    assert error_codes(jy.validate(fc_rules, after)) == ["JY210"]


# ---------------------------------------------------------------- FC-9, FC-10
def test_fc9_refill_from_a_members_organisation_is_rejected(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    after, report = apply_event(fc_rules, promoted, fill("child-family-d1", "org-03"))
    assert after is promoted  # nothing changed
    assert error_codes(report) == ["JY343"]
    (f,) = report.errors
    assert f.params["finding_code"] == "JY205"
    assert f.rule == "FC-9"
    assert "JY205" in f.params["codes"]
    assert f.path == "$"


def test_fc10_refill_from_another_category_is_rejected(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    outsider = Organisation(id="org-90", categories=frozenset({"employment"}))
    event = fill("child-family-d1", None, new_organisation=outsider)
    after, report = apply_event(fc_rules, promoted, event)
    assert after is promoted
    assert [(f.params["finding_code"], f.rule) for f in report.errors] == [("JY204", "FC-10")]
    assert outsider not in after.organisations  # the organisation did not join either


def test_fc10_new_organisation_of_the_category_joins(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    newcomer = Organisation(id="org-91", categories=frozenset({"child-family"}))
    after, report = apply_event(
        fc_rules, promoted, fill("child-family-d1", None, new_organisation=newcomer)
    )
    assert report.ok
    assert after.organisation("org-91") == newcomer
    assert after.seat("child-family-d1").organisation == "org-91"


def test_fc9_organisation_in_two_deputy_seats_is_rejected(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    # org-04 already holds deputy seat child-family-d2 (one seat per organisation)
    after, report = apply_event(fc_rules, promoted, fill("child-family-d1", "org-04"))
    assert after is promoted
    assert "JY206" in report.errors[0].params["codes"]


def test_unknown_organisation_is_rejected(fc_rules: RuleSet, fc_comp: Composition) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    after, report = apply_event(fc_rules, promoted, fill("child-family-d1", "org-nowhere"))
    assert after is promoted
    assert report.errors[0].params["finding_code"] == "JY219"


# ------------------------------------------------------------------------ KU-7
def test_ku7_pair_partner_carries_on(ku_rules: RuleSet, ku_comp: Composition) -> None:
    after, report = apply_event(ku_rules, ku_comp, resign("children-families-1"))
    assert after.seat("children-families-1").vacant
    assert after.seat("children-families-2") == ku_comp.seat("children-families-2")
    assert not any(s.kind is SeatKind.DEPUTY for s in after.seats)  # no promotion
    assert report.ok
    note = next(f for f in report if f.code == "JY350")
    assert note.rule == "KU-7"
    assert note.params["partners"] == ("children-families-2",)
    assert "JY213" in jy.validate(ku_rules, after).codes  # the pair is incomplete


def test_ku7_refill_must_come_from_the_network(ku_rules: RuleSet, ku_comp: Composition) -> None:
    left, _ = apply_event(ku_rules, ku_comp, resign("older-people-1"))
    stranger = Organisation(id="org-90", networks=frozenset({"multi-sector"}))
    event = Event(
        date=D(2025, 5, 1),
        kind=EventKind.FILL,
        seat="older-people-1",
        new_organisation=stranger,
        person=Person(role=Role.NGO_EMPLOYEE),
    )
    after, report = apply_event(ku_rules, left, event)
    assert after is left
    assert report.errors[0].params["finding_code"] == "JY223"
    member = attrs.evolve(stranger, networks=frozenset({"older-people"}))
    after, report = apply_event(ku_rules, left, attrs.evolve(event, new_organisation=member))
    assert report.ok  # no approval needed: the preset names no authority (FC-15)
    assert jy.validate(ku_rules, after).ok


def test_ku7_both_pair_members_leave(ku_rules: RuleSet, ku_comp: Composition) -> None:
    history = History(
        events=(resign("older-people-1", D(2025, 2, 1)), resign("older-people-2", D(2025, 3, 1)))
    )
    after, report = composition_at(ku_rules, ku_comp, history, D(2025, 3, 1))
    assert after.seat("older-people-1").vacant
    assert after.seat("older-people-2").vacant
    notes = [f for f in report if f.code == "JY350"]
    assert notes[-1].params["partners"] == ()


# ----------------------------------------------------------------------- FC-15
def test_fc15_fill_without_approval_changes_nothing(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    after, report = apply_event(
        fc_rules, promoted, fill("child-family-d1", "org-01", approved_by=None)
    )
    assert after is promoted
    assert error_codes(report) == ["JY341"]
    assert report.errors[0].rule == "FC-15"


@pytest.mark.parametrize("kind", [EventKind.VACATE, EventKind.REPLACE])
def test_fc15_vacate_and_replace_need_approval(
    fc_rules: RuleSet, fc_comp: Composition, kind: EventKind
) -> None:
    holder = {"organisation": "org-01", "person": VOLUNTEER} if kind is EventKind.REPLACE else {}
    event = Event(date=D(2025, 3, 1), kind=kind, seat="pensioners-d1", **holder)  # type: ignore[arg-type]
    after, report = apply_event(fc_rules, fc_comp, event)
    assert after is fc_comp
    assert "JY341" in report.codes


def test_fc15_wrong_approver(fc_rules: RuleSet, fc_comp: Composition) -> None:
    promoted, _ = apply_event(fc_rules, fc_comp, resign("child-family-m1"))
    event = fill("child-family-d1", "org-01", approved_by=Authority.EXECUTIVE_BOARD)
    after, report = apply_event(fc_rules, promoted, event)
    assert after is promoted
    assert error_codes(report) == ["JY342"]
    assert report.errors[0].path == "approved_by"
    # a resignation needs no approval, but a recorded one must be the right body
    _, report = apply_event(
        fc_rules, fc_comp, resign("pensioners-m1", approved_by=Authority.REGIONAL_COUNCIL)
    )
    assert error_codes(report) == ["JY342"]


# --------------------------------------------------------- malformed and misplaced
def test_unknown_seat(fc_rules: RuleSet, fc_comp: Composition) -> None:
    after, report = apply_event(fc_rules, fc_comp, resign("no-such-seat"))
    assert after is fc_comp
    assert error_codes(report) == ["JY340"]


def test_fill_on_an_occupied_seat(fc_rules: RuleSet, fc_comp: Composition) -> None:
    after, report = apply_event(fc_rules, fc_comp, fill("pensioners-d1", "org-01"))
    assert after is fc_comp
    assert error_codes(report) == ["JY344"]


@pytest.mark.parametrize("kind", [EventKind.RESIGN, EventKind.VACATE])
def test_departure_from_a_vacant_seat(
    fc_rules: RuleSet, fc_comp: Composition, kind: EventKind
) -> None:
    vacated, _ = apply_event(
        fc_rules,
        fc_comp,
        Event(date=D(2025, 2, 1), kind=EventKind.VACATE, seat="employment-d1", approved_by=OK),
    )
    event = Event(date=D(2025, 3, 1), kind=kind, seat="employment-d1", approved_by=OK)
    after, report = apply_event(fc_rules, vacated, event)
    assert after is vacated
    assert error_codes(report) == ["JY345"]


def test_event_before_the_composition(fc_rules: RuleSet, fc_comp: Composition) -> None:
    assert fc_comp.as_of == D(2025, 1, 1)
    after, report = apply_event(fc_rules, fc_comp, resign("pensioners-m1", D(2024, 12, 31)))
    assert after is fc_comp
    assert error_codes(report) == ["JY346"]


def test_malformed_events(fc_rules: RuleSet, fc_comp: Composition) -> None:
    vacated, _ = apply_event(fc_rules, fc_comp, resign("pensioners-d1"))
    no_holder = Event(date=D(2025, 4, 1), kind=EventKind.FILL, seat="pensioners-d1", approved_by=OK)
    assert error_codes(apply_event(fc_rules, vacated, no_holder)[1]) == ["JY347"]
    holder_on_leave = resign("pensioners-m2", organisation="org-01")
    assert error_codes(apply_event(fc_rules, fc_comp, holder_on_leave)[1]) == ["JY347"]
    mismatch = fill("pensioners-d1", "org-10", new_organisation=Organisation(id="org-77"))
    assert error_codes(apply_event(fc_rules, vacated, mismatch)[1]) == ["JY347"]


def test_conflicting_organisation_record(fc_rules: RuleSet, fc_comp: Composition) -> None:
    vacated, _ = apply_event(fc_rules, fc_comp, resign("pensioners-d1"))
    clash = Organisation(id="org-10", categories=frozenset({"employment"}))
    after, report = apply_event(
        fc_rules, vacated, fill("pensioners-d1", None, new_organisation=clash)
    )
    assert after is vacated
    assert error_codes(report) == ["JY348"]
    same = fc_comp.organisation("org-10")
    after, report = apply_event(
        fc_rules, vacated, fill("pensioners-d1", None, new_organisation=same)
    )
    assert report.ok
    assert after.organisations == vacated.organisations


# --------------------------------------------------------------------- replace
def test_replace_changes_holder_without_promotion(fc_rules: RuleSet, fc_comp: Composition) -> None:
    # org-09 leaves pensioners-m1; org-91 (new) takes it; the deputy stays a deputy
    newcomer = Organisation(id="org-91", categories=frozenset({"pensioners"}))
    event = Event(
        date=D(2025, 3, 1),
        kind=EventKind.REPLACE,
        seat="pensioners-m1",
        new_organisation=newcomer,
        person=Person(role=Role.NGO_EMPLOYEE),
        approved_by=OK,
    )
    after, report = apply_event(fc_rules, fc_comp, event)
    assert report.ok
    assert not report.findings
    assert after.seat("pensioners-m1").organisation == "org-91"
    assert after.seat("pensioners-d1") == fc_comp.seat("pensioners-d1")
    assert jy.validate(fc_rules, after).ok


def test_replace_is_validated_like_a_fill(fc_rules: RuleSet, fc_comp: Composition) -> None:
    # the deputy's own organisation cannot take the member seat (FC-9)
    event = Event(
        date=D(2025, 3, 1),
        kind=EventKind.REPLACE,
        seat="pensioners-m1",
        organisation="org-10",
        person=VOLUNTEER,
        approved_by=OK,
    )
    after, report = apply_event(fc_rules, fc_comp, event)
    assert after is fc_comp
    assert {f.params["finding_code"] for f in report.errors} & {"JY205", "JY206"}


def test_replace_of_the_chair_keeps_the_seat_but_not_the_function(
    fc_rules: RuleSet, fc_comp: Composition
) -> None:
    newcomer = Organisation(id="org-91", categories=frozenset({"child-family"}))
    event = Event(
        date=D(2025, 3, 1),
        kind=EventKind.REPLACE,
        seat="child-family-m1",
        new_organisation=newcomer,
        person=VOLUNTEER,
        approved_by=OK,
    )
    after, report = apply_event(fc_rules, fc_comp, event)
    assert report.ok
    assert sorted(report.codes) == ["JY351"]
    assert not after.seat("child-family-m1").functions


# -------------------------------------------------------------- composition_at
HISTORY = History(
    events=(
        fill("child-family-d1", "org-01", D(2025, 6, 1)),  # recorded first, happens later
        resign("child-family-m1", D(2025, 3, 1)),
        resign("older-people-m2", D(2025, 9, 1)),
    )
)


def test_composition_at_intermediate_dates(fc_rules: RuleSet, fc_comp: Composition) -> None:
    before, report = composition_at(fc_rules, fc_comp, HISTORY, D(2025, 2, 28))
    assert before == attrs.evolve(fc_comp, as_of=D(2025, 2, 28))
    assert not report.findings

    march, _ = composition_at(fc_rules, fc_comp, HISTORY, D(2025, 3, 1))
    assert march.seat("child-family-m1").organisation == "org-02"
    assert march.seat("child-family-d1").vacant

    june, report = composition_at(fc_rules, fc_comp, HISTORY, D(2025, 6, 1))
    assert june.seat("child-family-d1").organisation == "org-01"
    assert report.ok

    autumn, _ = composition_at(fc_rules, fc_comp, HISTORY, D(2025, 12, 31))
    assert autumn.seat("older-people-m2").organisation == "org-24"
    assert autumn.as_of == D(2025, 12, 31)


def test_composition_at_paths_use_recorded_indexes(fc_rules: RuleSet, fc_comp: Composition) -> None:
    history = HISTORY.added(fill("older-people-d2", "org-21", D(2025, 10, 1)))
    _, report = composition_at(fc_rules, fc_comp, history, D(2025, 12, 31))
    (err,) = report.errors
    assert err.path == "events[3]"
    assert err.code == "JY343"
    assert err.params["finding_code"] == "JY205"


def test_events_of_one_day_keep_their_order(fc_rules: RuleSet, fc_comp: Composition) -> None:
    day = D(2025, 3, 1)
    first = resign("pensioners-d1", day)
    second = resign("pensioners-m1", day)
    a, _ = composition_at(fc_rules, fc_comp, History(events=(first, second)), day)
    b, _ = composition_at(fc_rules, fc_comp, History(events=(second, first)), day)
    assert a.seat("pensioners-m1").vacant  # the deputy had gone: nobody to promote
    assert b.seat("pensioners-m1").organisation == "org-10"  # promoted, then left d1
    assert b.seat("pensioners-d1").vacant


def test_composition_at_before_the_initial_date(fc_rules: RuleSet, fc_comp: Composition) -> None:
    with pytest.raises(SuccessionError):
        composition_at(fc_rules, fc_comp, HISTORY, D(2024, 1, 1))
    with pytest.raises(jy.JarjestoError):
        composition_at(fc_rules, fc_comp, History(), D(2024, 1, 1))


def test_history_helpers() -> None:
    assert [e.date for e in HISTORY.sorted().events] == [
        D(2025, 3, 1),
        D(2025, 6, 1),
        D(2025, 9, 1),
    ]
    assert HISTORY.until(D(2025, 6, 1)).events == HISTORY.events[:2]
    assert len(HISTORY.added(resign("x")).events) == 4
    assert len(HISTORY.events) == 3


# ------------------------------------------------------------------ YAML, JSON
def test_history_yaml_round_trip_and_file(tmp_path: Path) -> None:
    text = dump_yaml(HISTORY)
    assert "kind: fill" in text
    assert "approved_by: committee" in text
    assert loads(text, History) == HISTORY
    path = tmp_path / "history.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_history(path) == HISTORY
    assert loads(dump_json(HISTORY), History) == HISTORY


def test_unknown_event_kind_is_a_load_error_with_a_path() -> None:
    text = (
        "events:\n"
        "- {date: 2025-03-01, kind: resign, seat: m1}\n"
        "- {date: 2025-03-02, kind: quit, seat: m2}\n"
    )
    with pytest.raises(LoadError) as info:
        loads_history(text)
    (problem,) = info.value.problems
    assert problem.path == "events[1].kind"
    assert "resign" in problem.message


def test_unknown_event_key_is_a_load_error_with_a_path() -> None:
    text = "events:\n- {date: 2025-03-01, kind: resign, seat: m1, approver: committee}\n"
    with pytest.raises(LoadError) as info:
        loads_history(text)
    (problem,) = info.value.problems
    assert problem.path == "events[0].approver"
    assert problem.code == "unknown-key"


@pytest.mark.parametrize("day", ["2025-02-30", "'2025-02-30'", "yesterday"])
def test_bad_event_date_is_a_load_error(day: str) -> None:
    with pytest.raises(LoadError):
        loads_history(f"events:\n- {{date: {day}, kind: resign, seat: m1}}\n")


# NEL (U+0085, a YAML line break) and lone surrogates do not survive dump_yaml, and
# dump_json writes C1 controls and U+FFFE/U+FFFF raw, which the reader then refuses
# (serialize.py limitations reported to the lead): leave them out here.
_NOT_JSON_SAFE = re.compile("[\x7f-\x9f\ufffe\uffff]")
_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x85"), max_size=30
)
_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
_PERSONS = st.builds(
    Person,
    role=st.sampled_from(Role),
    name=st.none() | _TEXT,
    contact=st.none() | _TEXT,
)
_ORGS = st.builds(
    Organisation,
    id=_IDS,
    name=_TEXT,
    categories=st.frozensets(st.sampled_from([c.code for c in jy.PRH_CATEGORIES]), max_size=3),
    volunteer_run=st.booleans(),
)


@st.composite
def events(
    draw: st.DrawFn, *, seats: list[str] | None = None, orgs: list[str] | None = None
) -> Event:
    kind = draw(st.sampled_from(EventKind))
    arrival = kind in (EventKind.FILL, EventKind.REPLACE)
    seat = draw(st.sampled_from(seats) if seats else _IDS)
    org_ids = st.sampled_from(orgs) if orgs else _IDS
    return Event(
        date=draw(st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31))),
        kind=kind,
        seat=seat,
        organisation=draw(org_ids) if arrival and draw(st.booleans()) else None,
        person=draw(_PERSONS) if arrival else None,
        nominated_by=draw(st.none() | _TEXT) if arrival else None,
        new_organisation=draw(st.none() | _ORGS) if arrival and not orgs else None,
        approved_by=draw(st.none() | st.sampled_from(Authority)),
        note=draw(_TEXT),
    )


@given(st.lists(events(), max_size=8).map(lambda es: History(events=tuple(es))))
def test_history_yaml_round_trip_property(history: History) -> None:
    assert loads(dump_yaml(history), History) == history
    text = dump_json(history)
    if not _NOT_JSON_SAFE.search(text):
        assert loads(text, History) == history


# --------------------------------------------------------------------- purity
def _fc_seats() -> list[str]:
    comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    return [s.id for s in comp.seats] + ["ghost"]


_FC_ORGS = [f"org-{i:02d}" for i in range(1, 33)]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(events(seats=_fc_seats(), orgs=_FC_ORGS), max_size=10),
    st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 1, 1)),
)
def test_replay_is_pure_and_rejected_events_change_nothing(
    fc_rules: RuleSet, fc_comp: Composition, evs: list[Event], day: D
) -> None:
    history = History(events=tuple(evs))
    rules_copy, comp_copy, history_copy = (copy.deepcopy(x) for x in (fc_rules, fc_comp, history))
    now, report = composition_at(fc_rules, fc_comp, history, day)
    assert (fc_rules, fc_comp, history) == (rules_copy, comp_copy, history_copy)
    # replaying by hand with apply_event gives the same result
    comp = fc_comp
    for event in history.sorted().until(day).events:
        after, rep = apply_event(fc_rules, comp, event)
        if not rep.ok:
            assert after is comp
        comp = after
    assert attrs.evolve(comp, as_of=day) == now
    # seats are never created, removed or re-ordered; error paths point at events
    assert [s.id for s in now.seats] == [s.id for s in fc_comp.seats]
    assert all(f.path.startswith("events[") for f in report)
    assert all(f.severity is not Severity.ERROR or f.code.startswith("JY34") for f in report)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(events(seats=_fc_seats(), orgs=_FC_ORGS), max_size=10))
def test_fill_never_adds_a_blocking_error(
    fc_rules: RuleSet, fc_comp: Composition, evs: list[Event]
) -> None:
    """FC-9, FC-10: an applied arrival leaves no error that was not there before it,
    apart from shortfalls (a member still without a deputy, a chair not yet chosen)."""
    comp = fc_comp
    for event in History(events=tuple(evs)).sorted().events:
        before = set(jy.validate(fc_rules, comp).errors)
        after, rep = apply_event(fc_rules, comp, event)
        if rep.ok and event.kind is EventKind.FILL:
            new = {f.code for f in set(jy.validate(fc_rules, after).errors) - before}
            assert new <= {"JY208", "JY209", "JY213", "JY214"}
        comp = after


def test_fc7_assign_moves_the_chair_and_mends_a_missing_one() -> None:
    """FC-7: after the chair resigns, an assign event names a new chair; one holder only."""
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.model.composition import Function

    rules = jy.load_preset("vantaa-kerava-formal")
    comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
    chair = next(s for s in comp.seats if Function.CHAIR in s.functions)
    other = next(s for s in comp.seats if s.kind is jy.SeatKind.MEMBER and not s.functions)
    when = comp.as_of or dt.date(2025, 1, 1)
    moved, report = apply_event(
        rules,
        comp,
        Event(
            date=when, kind=EventKind.ASSIGN, seat=other.id, functions=frozenset({Function.CHAIR})
        ),
    )
    assert report.ok
    assert Function.CHAIR in moved.seat(other.id).functions
    assert Function.CHAIR not in moved.seat(chair.id).functions
    assert jy.validate(rules, moved).ok  # still exactly one chair
    assert comp.seat(chair.id).functions == chair.functions  # input unchanged


def test_of5_assigning_a_chair_in_an_open_forum_is_rejected() -> None:
    """OF-5: the forum has no chair; the event changes nothing."""
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.model.composition import Function

    rules = jy.load_preset("vantaa-kerava-open-forum")
    comp = jy.load_composition("examples/vantaa-kerava-open-forum.yaml")
    seat = comp.seats_of(jy.SeatKind.MEMBER)[0]
    event = Event(
        date=dt.date(2026, 1, 1),
        kind=EventKind.ASSIGN,
        seat=seat.id,
        functions=frozenset({Function.CHAIR}),
    )
    after, report = apply_event(rules, comp, event)
    assert after is comp
    assert any(f.code == "JY343" and f.params["finding_code"] == "JY211" for f in report)


def test_assign_without_functions_or_functions_on_another_event_is_malformed() -> None:
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo.model.composition import Function

    rules = jy.load_preset("vantaa-kerava-formal")
    comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
    seat = comp.seats_of(jy.SeatKind.MEMBER)[3].id
    when = comp.as_of or dt.date(2025, 1, 1)
    for event in (
        Event(date=when, kind=EventKind.ASSIGN, seat=seat),
        Event(date=when, kind=EventKind.RESIGN, seat=seat, functions=frozenset({Function.CHAIR})),
    ):
        after, report = apply_event(rules, comp, event)
        assert after is comp
        assert "JY347" in report.codes


# --------------------------------------------------------------- who sat where
def _pair_comp() -> Composition:
    orgs = tuple(Organisation(id=i, categories=frozenset({"pensioners"})) for i in ("a", "b", "c"))
    return Composition(
        as_of=D(2025, 1, 1),
        organisations=orgs,
        seats=(
            jy.Seat(
                id="m1",
                kind=SeatKind.MEMBER,
                group="pensioners",
                organisation="a",
                person=VOLUNTEER,
            ),
            jy.Seat(
                id="d1",
                kind=SeatKind.DEPUTY,
                deputy_of="m1",
                organisation="b",
                person=Person(role=Role.NGO_EMPLOYEE),
            ),
        ),
    )


def test_tenures_from_the_history_feed_term_limits(fc_rules: RuleSet) -> None:
    """FC-8 / FC-13 / WS-5 (issue #13): the one history yields the one tenure record:
    who held each seat, cut at the rotation plan's changeovers (a 12-month first term
    for the single cohort-0 seat, FC-13), and check_consecutive reads them."""
    history = History(
        events=(
            resign("m1", D(2025, 3, 3)),
            fill("d1", "b", D(2025, 4, 1)),  # rejected (FC-9): no tenure for it
            fill("d1", "c", D(2025, 4, 14)),
        )
    )
    got = succession.tenures(fc_rules, _pair_comp(), history, D(2026, 12, 31))
    assert [(t.seat, t.organisation, t.start, t.end, t.number) for t in got] == [
        ("d1", "b", D(2025, 1, 1), D(2025, 3, 2), 1),
        ("d1", "c", D(2025, 4, 14), D(2025, 12, 31), 1),
        ("d1", "c", D(2026, 1, 1), D(2026, 12, 31), 2),
        ("m1", "a", D(2025, 1, 1), D(2025, 3, 2), 1),
        ("m1", "b", D(2025, 3, 3), D(2025, 12, 31), 1),
        ("m1", "b", D(2026, 1, 1), D(2026, 12, 31), 2),
    ]
    assert all(t.person_ref is None for t in got)
    policy = attrs.evolve(fc_rules.term, max_consecutive_organisation=1)
    over = {f.params["organisation"]: f.params["count"] for f in check_consecutive(got, policy)}
    assert over["c"] == 2
    assert over["b"] == 2  # d1 then m1 in the first term: one term, not two
    assert "a" not in over
    assert not check_consecutive(got, attrs.evolve(policy, max_consecutive_organisation=3)).codes


def _person(ref: str) -> Person:
    return Person(role=Role.VOLUNTEER, ref=ref)


def _replace(seat: str, org: str, ref: str, day: D) -> Event:
    return Event(
        date=day,
        kind=EventKind.REPLACE,
        seat=seat,
        organisation=org,
        person=_person(ref),
        approved_by=OK,
    )


def _with_refs(comp: Composition) -> Composition:
    """``_pair_comp`` with a ref on each holder: p-a in m1, p-b in d1."""
    return attrs.evolve(
        comp,
        seats=tuple(attrs.evolve(s, person=_person(f"p-{s.organisation}")) for s in comp.seats),
    )


# m1 is the single cohort-0 seat of a 24-month FC-13 rotation: terms 2025, 2026-27, 2028-29
TERM_2, TERM_3 = D(2026, 1, 1), D(2028, 1, 1)


def test_fc13_one_person_over_the_limit_by_ref_gives_jy301(fc_rules: RuleSet) -> None:
    """FC-13 (issue #13): tenures carry the holder's Person.ref, so the per-person
    limit runs on a history. The person in m1 serves three terms in a row, for two
    organisations (a, then c): JY301 for the person, no JY302 for either organisation."""
    history = History(events=(_replace("m1", "c", "p-a", TERM_2),))
    served = succession.tenures(fc_rules, _with_refs(_pair_comp()), history, D(2028, 6, 30))
    got = tuple(t for t in served if t.seat == "m1")  # the deputy (p-b of b) stays put
    assert [(t.organisation, t.person_ref, t.number) for t in got] == [
        ("a", "p-a", 1),
        ("c", "p-a", 2),
        ("c", "p-a", 3),
    ]
    policy = attrs.evolve(fc_rules.term, max_consecutive_person=2, max_consecutive_organisation=2)
    report = check_consecutive(got, policy)
    assert [(f.code, f.params["person_ref"], f.params["count"]) for f in report] == [
        ("JY301", "p-a", 3)
    ]
    assert report.findings[0].params["start"] == "2025-01-01"
    assert got[int(report.findings[0].path[8:-1])].start == TERM_3  # the first term over
    assert check_consecutive(got, attrs.evolve(policy, max_consecutive_person=3)).ok


def test_fc13_different_refs_give_no_jy301(fc_rules: RuleSet) -> None:
    """FC-13 / WS-5: the same organisation sends a new person each term: no person
    is over the limit, but the organisation is (JY302). A new person of the same
    organisation starts a new stint."""
    history = History(
        events=(_replace("m1", "a", "p-2", TERM_2), _replace("m1", "a", "p-3", TERM_3))
    )
    served = succession.tenures(fc_rules, _with_refs(_pair_comp()), history, D(2028, 6, 30))
    got = tuple(t for t in served if t.seat == "m1")  # the deputy (p-b of b) stays put
    assert [t.person_ref for t in got] == ["p-a", "p-2", "p-3"]
    policy = attrs.evolve(fc_rules.term, max_consecutive_person=1, max_consecutive_organisation=2)
    report = check_consecutive(got, policy)
    assert [(f.code, f.params.get("organisation"), f.params["count"]) for f in report] == [
        ("JY302", "a", 3)
    ]


def test_fc8_a_promoted_deputy_keeps_their_ref_and_its_term_counts_once(
    fc_rules: RuleSet,
) -> None:
    """FC-8 / FC-13 / WS-5 (issue #13): the deputy who becomes the member keeps their
    ref; their deputy stint and member stint lie in one term and count once, per person
    and per organisation (they used to count twice: a false JY302)."""
    history = History(events=(resign("m1", D(2025, 3, 3)),))
    got = succession.tenures(fc_rules, _with_refs(_pair_comp()), history, D(2026, 12, 31))
    b = [t for t in got if t.organisation == "b"]
    assert [(t.seat, t.person_ref, t.start, t.end) for t in b] == [
        ("d1", "p-b", D(2025, 1, 1), D(2025, 3, 2)),
        ("m1", "p-b", D(2025, 3, 3), D(2025, 12, 31)),
        ("m1", "p-b", D(2026, 1, 1), D(2026, 12, 31)),
    ]
    assert b[0].term_dates == b[1].term_dates == (D(2025, 1, 1), D(2025, 12, 31))
    assert b[2].term == (D(2026, 1, 1), D(2027, 12, 31))  # cut by until
    for key in ("person_ref", "organisation"):
        streaks = consecutive_terms(got, key)  # type: ignore[arg-type]
        assert [(s.key, s.count) for s in streaks if s.key in ("b", "p-b")] == [
            ("b" if key == "organisation" else "p-b", 2)
        ]
    two = attrs.evolve(fc_rules.term, max_consecutive_person=2, max_consecutive_organisation=2)
    assert check_consecutive(got, two).ok
    one = attrs.evolve(two, max_consecutive_person=1)
    assert [(f.params["person_ref"], f.params["count"]) for f in check_consecutive(got, one)] == [
        ("p-b", 2)
    ]


def test_tenures_of_people_without_an_organisation(fc_rules: RuleSet) -> None:
    """A seat held by a person with a ref but no organisation is still a tenure;
    a seat with neither is nobody's."""
    comp = attrs.evolve(
        _pair_comp(),
        seats=(
            jy.Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", person=_person("p-1")),
            jy.Seat(id="d1", kind=SeatKind.DEPUTY, deputy_of="m1"),
        ),
    )
    got = succession.tenures(fc_rules, comp, History(), D(2025, 6, 30))
    assert [(t.seat, t.organisation, t.person_ref, t.term) for t in got] == [
        ("m1", None, "p-1", (D(2025, 1, 1), D(2025, 12, 31)))
    ]


def test_tenures_need_a_dated_start(fc_rules: RuleSet) -> None:
    """The tenures start on the initial composition's date; without one, or with an
    end before it, there is nothing to say."""
    with pytest.raises(SuccessionError, match="as_of"):
        succession.tenures(
            fc_rules, attrs.evolve(_pair_comp(), as_of=None), History(), D(2026, 1, 1)
        )
    with pytest.raises(SuccessionError, match="as_of"):
        succession.tenures(fc_rules, _pair_comp(), History(), D(2024, 1, 1))
    agreed = jy.load_preset("vantaa-kerava-open-forum")
    comp = jy.Composition(
        as_of=D(2025, 1, 1),
        seats=(jy.Seat(id="s1", kind=SeatKind.MEMBER, group="x", organisation="o1"),),
    )
    # an agreed term (OF-8) has no plan: the stint is not cut
    assert [
        (t.start, t.end, t.number)
        for t in succession.tenures(agreed, comp, History(), D(2027, 6, 30))
    ] == [(D(2025, 1, 1), D(2027, 6, 30), 1)]
