"""Redaction (issue #9): no name or contact detail survives in any output."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.calc.terms import check_consecutive
from jarjestoyhteistyo.io.redact import pseudonym, redact
from jarjestoyhteistyo.model.rulesets import Authority, RotationPractice
from jarjestoyhteistyo.selection.succession import tenures

NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöå ", min_size=3, max_size=20).filter(
    lambda s: s.strip() and len(s.strip()) >= 3
)


def _named(comp: jy.Composition, names: list[str]) -> jy.Composition:
    seats = tuple(
        attrs.evolve(
            s,
            person=attrs.evolve(
                s.person,
                name=names[i % len(names)],
                contact=f"{names[i % len(names)]}@example.invalid",
            ),
        )
        if s.person is not None
        else s
        for i, s in enumerate(comp.seats)
    )
    return attrs.evolve(comp, seats=seats)


@given(names=st.lists(NAMES, min_size=1, max_size=5))
def test_no_name_survives_in_yaml_or_json(names: list[str]) -> None:
    comp = _named(jy.load_composition("examples/keski-uusimaa.yaml"), names)
    red = redact(comp)
    for text in (jy.dump_yaml(red), jy.dump_json(red)):
        back = jy.loads_composition(text)  # what any reader of the output sees
        for seat in back.seats:
            if seat.person is not None and seat.person.name is not None:
                assert seat.person.name.startswith("person-")
                assert seat.person.name not in names
            if seat.person is not None and seat.person.contact is not None:
                assert seat.person.contact.startswith("contact-")
        assert "@example.invalid" not in text
    # roles, seats and organisations are untouched; the input is unchanged
    assert [s.person.role for s in red.seats if s.person] == [
        s.person.role for s in comp.seats if s.person
    ]
    assert red.organisations == comp.organisations
    assert comp.seats[0].person is not None
    assert comp.seats[0].person.name in names


def test_same_person_same_pseudonym_and_redacted_still_validates() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    comp = _named(jy.load_composition("examples/vantaa-kerava-formal.yaml"), ["same person"])
    red = redact(comp)
    pseudonyms = {s.person.name for s in red.seats if s.person}
    assert pseudonyms == {pseudonym("same person")}
    assert jy.validate(rules, red).ok
    assert redact(comp, salt="secret") != red


def test_redact_reaches_nested_models() -> None:
    """Succession events carry people too."""
    person = jy.Person(role=jy.Role.VOLUNTEER, name="Example Name")
    event = jy.Event(
        date=jy.load_composition("examples/keski-uusimaa.yaml").as_of
        or __import__("datetime").date(2025, 1, 1),
        kind=jy.EventKind.FILL,
        seat="older-people-1",
        person=person,
    )
    history = jy.History(events=(event,))
    out = redact(history)
    assert out.events[0].person is not None
    assert out.events[0].person.name == pseudonym("Example Name")


def test_cli_redact_leaves_no_name(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #9: --redact on the commands that print people."""
    from jarjestoyhteistyo.cli import main

    assert main(["example", "ku", "--seed", "2", "--names"]) == 0
    named = capsys.readouterr().out
    assert "(fictional)" in named
    assert main(["example", "ku", "--seed", "2", "--names", "--redact"]) == 0
    redacted = jy.loads_composition(capsys.readouterr().out)
    people = [s.person for s in redacted.seats if s.person is not None]
    assert people
    assert all(p.name is not None and p.name.startswith("person-") for p in people)


def test_refs_are_pseudonymised_and_per_person_rules_still_hold() -> None:
    """Issue #13: a ref may be a register id, so redaction hashes it (prefix ref-);
    one person's ref keeps one pseudonym, so JY301 finds the same after redaction."""
    preset = jy.load_preset("vantaa-kerava-formal")
    assert preset.term is not None  # staggered terms: three terms by mid-2028
    staggered = attrs.evolve(preset.term, rotation_practice=RotationPractice.STAGGERED_TERMS)
    rules = attrs.evolve(preset, term=staggered)
    who = jy.Person(role=jy.Role.VOLUNTEER, ref="register-17")
    comp = jy.Composition(
        as_of=dt.date(2025, 1, 1),
        organisations=(jy.Organisation(id="a", categories=frozenset({"pensioners"})),),
        seats=(
            jy.Seat(
                id="m1", kind=jy.SeatKind.MEMBER, group="pensioners", organisation="a", person=who
            ),
        ),
    )
    history = jy.History(
        events=(
            jy.Event(
                date=dt.date(2026, 1, 1),
                kind=jy.EventKind.REPLACE,
                seat="m1",
                organisation="a",
                person=who,
                approved_by=Authority.COMMITTEE,
            ),
        )
    )
    red_comp, red_history = redact(comp, salt="s"), redact(history, salt="s")
    red_ref = red_comp.seats[0].person.ref  # type: ignore[union-attr]
    assert red_ref == pseudonym("register-17", prefix="ref", salt="s")
    assert red_history.events[0].person.ref == red_ref  # type: ignore[union-attr]
    assert "register-17" not in jy.dump_json(red_comp) + jy.dump_json(red_history)
    policy = attrs.evolve(rules.term, max_consecutive_person=2)
    until = dt.date(2028, 6, 30)
    before = check_consecutive(tenures(rules, comp, history, until), policy)
    after = check_consecutive(tenures(rules, red_comp, red_history, until), policy)
    assert [f.params["person_ref"] for f in before] == ["register-17"]
    assert [f.params["person_ref"] for f in after] == [red_ref]
    assert [(f.code, f.path, f.params["count"]) for f in after] == [
        (f.code, f.path, f.params["count"]) for f in before
    ]
