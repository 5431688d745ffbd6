"""Values in Finnish and Swedish (issue #16 point 2): ``size: pieni``,
``functions: [ordförande]`` load as ``small`` and ``chair`` and are written back so."""

from __future__ import annotations

import enum

import pytest
import yaml

from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.io.serialize import dump_yaml, loads
from jarjestoyhteistyo.model import vocabulary
from jarjestoyhteistyo.model.composition import Function, Role, SeatKind, SizeClass, Stage
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    Council,
    DeputyMode,
    FeePolicy,
    Need,
    PartyTies,
    RotationPractice,
    SeatSource,
    TermMode,
)

#: The enums a rule set or a composition holds: each value has its three words.
DOCUMENT_ENUMS: tuple[type[enum.Enum], ...] = (
    SizeClass, Role, SeatKind, Function, Stage, Need, SeatSource, DeputyMode, ChairMode,
    Authority, FeePolicy, PartyTies, TermMode, RotationPractice, Council,
)  # fmt: skip


@pytest.mark.parametrize("enum_type", DOCUMENT_ENUMS, ids=lambda t: t.__name__)
def test_every_value_has_its_finnish_swedish_and_english_word(enum_type: type[enum.Enum]) -> None:
    for member in enum_type:
        labels = vocabulary.VOCABULARY[member]
        assert labels.fi, member
        assert labels.sv, member
        assert labels.en, member


@pytest.mark.parametrize("enum_type", DOCUMENT_ENUMS, ids=lambda t: t.__name__)
def test_no_word_names_two_values_of_one_enum(enum_type: type[enum.Enum]) -> None:
    seen: dict[str, enum.Enum] = {}
    for member in enum_type:
        for word in vocabulary._words(member):
            folded = vocabulary.fold(word)
            assert seen.setdefault(folded, member) is member, (word, member, seen[folded])


@pytest.mark.parametrize("enum_type", DOCUMENT_ENUMS, ids=lambda t: t.__name__)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_each_word_names_its_value(enum_type: type[enum.Enum], lang: str) -> None:
    for member in enum_type:
        word = vocabulary.label(member, lang)
        assert vocabulary.value_of(enum_type, word.upper()) is member


ENGLISH = """\
kind: general
name: Council
area: Area
deputies: personal
fee: none
seat_groups:
  - {id: a, source: category, categories: [pensioners], seats: 2}
required_functions: [chair, secretary]
"""
FINNISH = """\
kind: general
name: Council
area: Area
deputies: henkilökohtainen
fee: ei palkkiota
seat_groups:
  - {id: a, source: yhdistysluokka, categories: [pensioners], seats: 2}
required_functions: [puheenjohtaja, sihteeri]
"""
SWEDISH = """\
kind: general
name: Council
area: Area
deputies: Personlig
fee: inget arvode
seat_groups:
  - {id: a, source: föreningskategori, categories: [pensioners], seats: 2}
required_functions: [ordförande, {function: sekreterare}]
"""


@pytest.mark.parametrize("text", [FINNISH, SWEDISH], ids=["fi", "sv"])
def test_a_rule_set_in_finnish_or_swedish_words_is_the_english_one(text: str) -> None:
    rules = loads(text, "ruleset")
    assert rules == loads(ENGLISH, "ruleset")
    assert dump_yaml(rules) == dump_yaml(loads(ENGLISH, "ruleset"))  # written back so


def test_seat_functions_in_finnish_and_swedish() -> None:
    text = """\
name: C
organisations: [{id: o1, categories: [pensioners], size: pieni}]
seats:
  - {id: m1, kind: jäsen, group: a, organisation: o1, person: {role: vapaaehtoinen},
     functions: [puheenjohtaja]}
  - {id: m2, kind: ledamot, group: a, person: {role: frivillig}, functions: [vice ordförande,
     tiedottaja]}
"""
    comp = loads(text, "composition")
    assert comp.seats[0].functions == frozenset({"chair"})
    assert comp.seats[1].functions == frozenset({"vice_chair", "tiedottaja"})  # own stays
    assert comp.organisations[0].size is SizeClass.SMALL
    data = yaml.safe_load(dump_yaml(comp))
    assert data["seats"][0]["kind"] == "member"
    assert data["organisations"][0]["size"] == "small"


def test_an_unknown_word_says_the_languages_count() -> None:
    with pytest.raises(LoadError) as caught:
        loads(ENGLISH.replace("deputies: personal", "deputies: jokin"), "ruleset")
    (problem,) = caught.value.problems
    assert problem.path == "deputies.mode"
    assert "Finnish or Swedish words" in problem.message
