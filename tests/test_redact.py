"""Redaction (issue #9): no name or contact detail survives in any output."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.redact import pseudonym, redact

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
        for name in names:
            assert f"name: {name.strip()}\n" not in text
            assert f'"{name}"' not in text
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
