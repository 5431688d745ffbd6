"""Real bodies of other wellbeing areas as tests (issue #14 point 5).

Each body of ``tests/data/peers/`` is a ``kind: general`` rule set written from the quoted
sources of ``SOURCES.md`` plus a fictional composition. For each body: the rule set
checks clean, the composition gets exactly the verdict its source implies, and breaking
one of the body's own stated rules gives the finding that rule stands for. Where the
library cannot say what a source says, the test is a strict xfail and the gap is written
down in ``tests/data/peers/GAPS.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from jarjestoyhteistyo.analysis.metrics import metrics
from jarjestoyhteistyo.calc.meetings import meeting_dates
from jarjestoyhteistyo.errors import LoadError, MeetingError
from jarjestoyhteistyo.fictional.generate import generate
from jarjestoyhteistyo.findings import Report, Severity
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat, SeatKind, Stage
from jarjestoyhteistyo.model.rulesets import FeePolicy, IntRange, MeetingPolicy
from jarjestoyhteistyo.rules.checks import check
from jarjestoyhteistyo.rules.validation import validate

PEERS = Path(__file__).parent / "data" / "peers"

PAIJAT_HAME = "paijat-hame-ngo-council"
PIRKANMAA = "pirkanmaa-ngo-cooperation-group"
KESKI_SUOMI = "keski-suomi-ngo-parish-influence-body"
POHJANMAA = "pohjanmaa-older-people-council"
SOITE = "keski-pohjanmaa-older-people-council"
POHJOIS_SAVO = "pohjois-savo-older-people-council"


def _rules(body: str) -> Any:
    return load(PEERS / f"{body}.rules.yaml", "ruleset")


def _comp(body: str) -> Composition:
    comp: Composition = load(PEERS / f"{body}.composition.yaml", "composition")
    return comp


def _found(report: Report) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in report.findings}


# ------------------------------------------------------------------ the verdicts
# body, expected composition findings (code: count), why. Every rule set checks with one
# finding only: JY130 (info), because no source states the time a member gives a year.
VERDICTS: list[tuple[str, dict[str, int], str]] = [
    (PAIJAT_HAME, {}, "every seat filled, personal deputies, chair from the NGO members"),
    (
        PIRKANMAA,
        {"JY208": 2},
        "19 members, 17 deputies: patients and youth got no deputy (a shortfall, a warning)",
    ),
    (KESKI_SUOMI, {}, "12 NGO + 3 parish seats and, as the source says, no deputies"),
    (POHJANMAA, {}, "a member and a deputy per municipality, experts, an official secretary"),
    (SOITE, {}, "municipal members, board members, officials, expert; presenter + secretary"),
    (
        POHJOIS_SAVO,
        {"JY201": 1, "JY231": 1, "JY227": 2, "JY230": 2},
        "proposal stage: officers not elected yet (info), Vieremä pending (info), "
        "Vesanto's seat not filled yet (warning: incomplete, not JY222 missing)",
    ),
]


@pytest.mark.parametrize("body", [b for b, _, _ in VERDICTS])
def test_rule_set_checks_clean(body: str) -> None:
    rules = _rules(body)
    assert rules.kind == "general"
    report = check(rules)
    # no source states a time budget, and WS-9 (the Vantaa–Kerava workshops' wish for
    # one) does not apply to a general rule set: nothing at all
    assert Counter(f.code for f in report.findings) == Counter()
    assert report.ok


@pytest.mark.parametrize(("body", "expected", "why"), VERDICTS, ids=[b for b, _, _ in VERDICTS])
def test_composition_verdict(body: str, expected: dict[str, int], why: str) -> None:
    report = validate(_rules(body), _comp(body))
    assert Counter(f.code for f in report.findings) == Counter(expected), why
    assert not [f for f in report.findings if f.severity is Severity.ERROR]


def test_pirkanmaa_missing_deputies_are_the_two_single_candidate_categories() -> None:
    report = validate(_rules(PIRKANMAA), _comp(PIRKANMAA))
    comp = _comp(PIRKANMAA)
    without = {comp.seat(f.params["seat"]).group for f in report.findings}
    assert without == {"patients", "youth"}
    assert {f.severity for f in report.findings} == {Severity.WARNING}


def test_pohjois_savo_vacancies_by_municipality() -> None:
    comp = _comp(POHJOIS_SAVO)
    report = validate(_rules(POHJOIS_SAVO), comp)
    [incomplete] = [f for f in report.findings if f.code == "JY231"]
    assert incomplete.params["municipality"] == "Vesanto"
    assert incomplete.severity is Severity.WARNING
    assert "JY222" not in report.codes
    pending = {f.params["seat"] for f in report.findings if f.code == "JY230"}
    assert pending == {s.id for s in comp.seats if s.pending}
    assert {comp.seat(s).municipality for s in pending} - {None} == {"Vieremä"}


# ------------------------------------------------------------------ breaking the rules
def _index(comp: Composition, seat_id: str) -> int:
    return [s.id for s in comp.seats].index(seat_id)


def _with(comp: Composition, *seats: Seat) -> Composition:
    return attrs.evolve(comp, seats=(*comp.seats, *seats))


def _edit(comp: Composition, seat_id: str, **changes: Any) -> Composition:
    return attrs.evolve(
        comp,
        seats=tuple(attrs.evolve(s, **changes) if s.id == seat_id else s for s in comp.seats),
    )


def _without(comp: Composition, *seat_ids: str) -> Composition:
    return attrs.evolve(comp, seats=tuple(s for s in comp.seats if s.id not in seat_ids))


def _deputy(seat_id: str, of: str) -> Seat:
    return Seat(id=seat_id, kind=SeatKind.DEPUTY, deputy_of=of, person=Person(role=Role.VOLUNTEER))


Break = Callable[[Composition], tuple[Composition, str]]


def _chair_on_deputy(c: Composition) -> tuple[Composition, str]:
    # "valitsee keskuudestaan puheenjohtajan": a deputy is not one of the members
    c = _edit(_edit(c, "n02", functions=frozenset()), "n02-d", functions=frozenset({"chair"}))
    return c, f"seats[{_index(c, 'n02-d')}].functions"


def _second_personal_deputy(member: str) -> Break:
    def br(c: Composition) -> tuple[Composition, str]:
        c = _with(c, _deputy("extra-deputy", member))
        return c, f"seats[{_index(c, 'extra-deputy')}].deputy_of"

    return br


def _second_member_in_category(c: Composition) -> tuple[Composition, str]:
    # "kaksi jäsentä, joista toinen valitaan varsinaiseksi jäseneksi": one member a category
    extra = Seat(
        id="p-sports-2",
        kind=SeatKind.MEMBER,
        group="sports",
        organisation="ngo-07-b",
        person=Person(role=Role.VOLUNTEER),
    )
    return _with(c, extra), "seats"


def _deputy_where_none(member: str) -> Break:
    def br(c: Composition) -> tuple[Composition, str]:
        c = _with(c, _deputy("extra-deputy", member))
        return c, f"seats[{_index(c, 'extra-deputy')}]"

    return br


def _municipality_missing(c: Composition) -> tuple[Composition, str]:
    # the table has a row for Vöyri: drop its member and deputy altogether
    vöyri = next(s.id for s in c.seats if s.municipality == "Vöyri")
    return _without(c, vöyri, f"{vöyri}-d"), "seats"


def _municipal_member_without_deputy(c: Composition) -> tuple[Composition, str]:
    c = _without(c, "v07-d")  # Vaasa's deputy
    return c, f"seats[{_index(c, 'v07')}]"


def _chair_on_expert(c: Composition) -> tuple[Composition, str]:
    # "pj." is on a member row; the permanent expert member has no vote
    c = _edit(_edit(c, "v04", functions=frozenset()), "expert", functions=frozenset({"chair"}))
    return c, f"seats[{_index(c, 'expert')}].functions"


def _appointed_without_officers(c: Composition) -> tuple[Composition, str]:
    # once the body has met, it must have elected its chair and vice-chair
    return attrs.evolve(c, stage=Stage.APPOINTED), "seats"


BREAKS: list[tuple[str, str, Break, str]] = [
    (PAIJAT_HAME, "chair-on-a-deputy-seat", _chair_on_deputy, "JY228"),
    (
        PAIJAT_HAME,
        "second-personal-deputy-of-the-liitto-seat",
        _second_personal_deputy("liitto"),
        "JY207",
    ),
    (PIRKANMAA, "second-member-in-one-category", _second_member_in_category, "JY202"),
    (
        PIRKANMAA,
        "deputy-of-a-speaking-right-coordinator",
        _deputy_where_none("s-coordinator-1"),
        "JY220",
    ),
    (KESKI_SUOMI, "a-deputy-although-none-are-named", _deputy_where_none("k01"), "JY220"),
    (POHJANMAA, "vöyri-missing", _municipality_missing, "JY222"),
    (POHJANMAA, "vaasa-member-without-deputy", _municipal_member_without_deputy, "JY208"),
    (SOITE, "chair-on-the-permanent-expert", _chair_on_expert, "JY228"),
    (
        POHJOIS_SAVO,
        "second-deputy-of-kuopio",
        _second_personal_deputy("v06"),
        "JY207",
    ),
    (POHJOIS_SAVO, "appointed-without-officers", _appointed_without_officers, "JY210"),
]


@pytest.mark.parametrize(
    ("body", "breaks", "code"),
    [(b, br, code) for b, _, br, code in BREAKS],
    ids=[f"{b}:{name}" for b, name, _, _ in BREAKS],
)
def test_breaking_a_stated_rule(body: str, breaks: Break, code: str) -> None:
    rules, good = _rules(body), _comp(body)
    broken, path = breaks(good)
    before, after = validate(rules, good), validate(rules, broken)
    assert (code, path) in _found(after)
    assert (code, path) not in _found(before)
    assert any(f.severity is not Severity.INFO for f in after.findings if f.code == code)


# ------------------------------------------------------------------ gaps (GAPS.md)
def test_presenter_is_the_wellbeing_areas_representative_JY232() -> None:
    """Päijät-Häme (was GAPS.md gap 1): "Esittelijänä toimii hyvinvointialueen edustaja"."""
    rules, good = _rules(PAIJAT_HAME), _comp(PAIJAT_HAME)
    for not_official in ("n03", "wa2", "liitto"):  # an NGO, a trustee, a sector seat
        broken = _edit(
            _edit(good, "presenter", functions=frozenset()),
            not_official,
            functions=frozenset({"presenter"}),
        )
        assert _found(validate(rules, broken)) - _found(validate(rules, good)) == {
            ("JY232", f"seats[{_index(broken, not_official)}].functions")
        }
    # the wellbeing area's official member, or the official's deputy, may present too
    for holder in ("wa1", "wa1-d"):
        moved = _edit(
            _edit(good, "presenter", functions=frozenset()),
            holder,
            functions=frozenset({"presenter"}),
        )
        assert not validate(rules, moved).findings


def test_generated_composition_has_the_wellbeing_area_present() -> None:
    """The generator gives the presenter to a seat the rule set gives it to."""
    rules = _rules(PAIJAT_HAME)
    comp = generate(rules, seed=1).composition
    [holder] = [s for s in comp.seats if "presenter" in s.functions]
    assert holder.person is not None
    assert holder.person.role is Role.WELLBEING_AREA_OFFICIAL
    assert not {"JY226", "JY232"} & validate(rules, comp).codes


def test_optional_deputy_is_still_one_deputy() -> None:
    """Pirkanmaa (was GAPS.md gap 6): one deputy that may be missing, never two."""
    rules, good = _rules(PIRKANMAA), _comp(PIRKANMAA)
    broken, path = _second_personal_deputy("p-sports")(good)
    assert ("JY207", path) in _found(validate(rules, broken))


def test_silence_on_fees_and_meetings_is_not_a_rule() -> None:
    """Keski-Suomi (was GAPS.md gap 2): a fee clause of unknown reach and no meeting rule.

    Left out, ``fee`` and ``meetings.per_year`` stay "not stated": no fee of zero, no
    4–6 meetings, and so no cost or workload computed from them.
    """
    rules = _rules(KESKI_SUOMI)
    assert rules.fee is None
    assert rules.meetings.per_year is None
    m = metrics(rules)
    assert (m.fee_policy, m.fee_seats, m.annual_fee_cost) == (None, None, None)
    assert (m.meetings_per_year, m.hours_per_member, m.person_hours_per_year) == (None,) * 3
    with pytest.raises(MeetingError, match=r"meetings\.per_year"):
        meeting_dates(rules.meetings, 2026)
    assert len(meeting_dates(rules.meetings, 2026, count=4)) == 4


def test_stated_fee_is_read() -> None:
    """The same body with the fee stated gets a cost (the counterpart of the test above)."""
    rules = attrs.evolve(
        _rules(KESKI_SUOMI),
        fee=FeePolicy.FEE_RULE,
        meetings=MeetingPolicy(per_year=IntRange(min=4, max=4)),
    )
    m = metrics(rules, fee_per_meeting=10)
    assert m.fee_policy == "fee_rule"
    assert m.fee_seats is not None
    assert m.fee_seats > 0
    assert m.annual_fee_cost == 10 * 4 * m.fee_seats


def test_bilingual_body_states_its_working_languages() -> None:
    """Pohjanmaa (was GAPS.md gap 3): "Vaikuttamistoimielimet toimivat kaksikielisesti"."""
    rules = _rules(POHJANMAA)
    assert rules.languages == frozenset({"fi", "sv"})
    assert rules.name_in("sv") == "Österbottens välfärdsområdes äldreråd"
    assert rules.name_in("fi") == rules.name == "Pohjanmaan hyvinvointialueen vanhusneuvosto"
    assert not {"JY140", "JY141", "JY142"} & check(rules).codes
    # the working languages are not a wish about the members: no JY217 without NGOs
    assert "JY217" not in validate(rules, _comp(POHJANMAA)).codes


def test_category_with_the_sources_finnish_label_only() -> None:
    """Pirkanmaa (was GAPS.md gap 5): its 19 categories are named in Finnish only."""
    text = (
        "kind: general\nname: x\narea: y\n"
        "categories: [{code: patients, labels: {fi: Potilastoiminta}}]\n"
        "seat_groups: [{id: patients, source: category}]\n"
    )
    labels = loads(text, "ruleset").categories[0].labels
    assert (labels.fi, labels.sv, labels.en) == ("Potilastoiminta", None, None)
    assert labels.get("sv") == labels.get("en") == "Potilastoiminta"
    rules = _rules(PIRKANMAA)
    assert all(c.labels.sv is None and c.labels.en is None for c in rules.categories)


def test_category_without_any_label_is_refused() -> None:
    """The counterpart: a label in no language at all is unusable input."""
    text = (
        "kind: general\nname: x\narea: y\n"
        "categories: [{code: patients, labels: {}}]\n"
        "seat_groups: [{id: patients, source: category}]\n"
    )
    with pytest.raises(LoadError, match="at least one of fi, sv and en"):
        loads(text, "ruleset")
