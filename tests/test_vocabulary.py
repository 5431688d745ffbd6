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
from jarjestoyhteistyo.model.cooperation import Channel, GrantType, Subject
from jarjestoyhteistyo.model.history import EventKind
from jarjestoyhteistyo.model.roadmap import Basis, MetricKind, Status
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    Council,
    DeputyMode,
    DiversityDimension,
    FeePolicy,
    MeetingPractice,
    Need,
    PartyTies,
    RotationPractice,
    SeatSource,
    TermMode,
)

#: The enums the documents hold — a rule set, a composition, a roadmap and its plans, a
#: cooperation model, a succession history: each value has its three words.
DOCUMENT_ENUMS: tuple[type[enum.Enum], ...] = (
    SizeClass, Role, SeatKind, Function, Stage, Need, SeatSource, DeputyMode, ChairMode,
    Authority, FeePolicy, PartyTies, TermMode, RotationPractice, Council,
    MeetingPractice, DiversityDimension,
    Status, Basis, MetricKind, Channel, GrantType, Subject, EventKind,
)  # fmt: skip


def test_the_table_lists_every_value_once() -> None:
    members = list(vocabulary.VOCABULARY)
    assert len(members) == len(set(members)) == len(vocabulary.VOCABULARY)
    assert {type(m) for m in members} == set(DOCUMENT_ENUMS)
    assert set(members) == {m for t in DOCUMENT_ENUMS for m in t}


def test_reading_a_rule_set_loads_no_other_documents_model() -> None:
    """The other documents' words are found by name: the vocabulary, which every rule
    set's reading imports, imports none of their models."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from jarjestoyhteistyo.model import vocabulary\n"
        "from jarjestoyhteistyo.model.composition import SizeClass\n"
        "assert vocabulary.value_of(SizeClass, 'pieni') is SizeClass.SMALL\n"
        "print(sorted(m for m in sys.modules if m.endswith(('roadmap', 'cooperation', 'history'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


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


ROADMAP_FI = """\
roadmap: {id: r, title: R, first_year: 2023, last_year: 2024,
          goals: [{id: g, title: G, action_areas: [{id: a, title: A}]}]}
plans:
  - year: 2023
    measures:
      - id: m
        action_area: a
        title: M
        snapshots:
          - {as_of: 2023-06-01, status: käynnissä}
          - {as_of: 2023-12-31, status: Osittain toteutunut}
    binding_targets:
      - id: t
        title: T
        year: 2023
        metrics:
          - {id: k, title: K, kind: määrällinen, baseline: {value: 1}, target: {value: 2},
             measurements: [{on: 2023-09-01, status: ei toteutunut}]}
"""


def test_a_roadmap_in_finnish_or_swedish_words_is_the_english_one() -> None:
    english = (
        ROADMAP_FI.replace("käynnissä", "in_progress")
        .replace("Osittain toteutunut", "partly_achieved")
        .replace("määrällinen", "numeric")
        .replace("ei toteutunut", "not_achieved")
    )
    swedish = (
        ROADMAP_FI.replace("käynnissä", "pågående")
        .replace("Osittain toteutunut", "delvis genomförd")
        .replace("määrällinen", "kvantitativ")
        .replace("ei toteutunut", "inte genomförd")
    )
    doc = loads(ROADMAP_FI, "roadmap")
    measure = doc.plans[0].measures[0]
    assert [s.status for s in measure.snapshots] == [Status.IN_PROGRESS, Status.PARTLY_ACHIEVED]
    metric = doc.plans[0].binding_targets[0].metrics[0]
    assert metric.kind is MetricKind.NUMERIC
    assert metric.measurements[0].status is Status.NOT_ACHIEVED
    assert doc == loads(english, "roadmap") == loads(swedish, "roadmap")
    data = yaml.safe_load(dump_yaml(doc))  # written back in the canonical form
    snapshots = data["plans"][0]["measures"][0]["snapshots"]
    assert [s["status"] for s in snapshots] == ["in_progress", "partly_achieved"]
    assert data["plans"][0]["binding_targets"][0]["metrics"][0]["kind"] == "numeric"


COOPERATION_FI = """\
kind: cooperation_model
name: City
area: City
channels: [strategian päivitys, osallisuusohjelma, Hyvinvointisuunnitelma, muu]
offers: {premises: true, grants: [toiminta-avustus, kohdeavustus, tila-avustus]}
processes:
  - {id: p1, subject: toiminta-avustus, steps: [{id: s1, action: A}]}
  - {id: p2, subject: tilat, steps: [{id: s1, action: A}]}
"""


def test_a_cooperation_model_in_finnish_or_swedish_words_is_the_english_one() -> None:
    pairs = [  # a process's subject first: its word is a grant type's too
        ("subject: toiminta-avustus", "subject: verksamhetsunderstöd", "subject: operating_grant"),
        ("subject: tilat", "subject: lokaler", "subject: premises"),
        ("strategian päivitys", "uppdatering av strategin", "strategy"),
        ("osallisuusohjelma", "delaktighetsprogram", "participation_programme"),
        ("Hyvinvointisuunnitelma", "välfärdsplan", "wellbeing_plan"),
        ("muu]", "annat]", "other]"),
        ("toiminta-avustus,", "verksamhetsunderstöd,", "operating,"),
        ("kohdeavustus", "riktat understöd", "targeted"),
        ("tila-avustus", "lokalunderstöd", "premises"),
    ]
    swedish, english = COOPERATION_FI, COOPERATION_FI
    for fi, sv, en in pairs:
        swedish, english = swedish.replace(fi, sv), english.replace(fi, en)
    model = loads(COOPERATION_FI, "cooperation")
    assert model.channels == {
        Channel.STRATEGY, Channel.PARTICIPATION_PROGRAMME, Channel.WELLBEING_PLAN, Channel.OTHER
    }  # fmt: skip
    assert model.offers.grants == set(GrantType)
    assert [p.subject for p in model.processes] == [Subject.OPERATING_GRANT, Subject.PREMISES]
    assert model == loads(english, "cooperation") == loads(swedish, "cooperation")
    data = yaml.safe_load(dump_yaml(model))
    assert "strategy" in data["channels"]
    assert data["processes"][1]["subject"] == "premises"


HISTORY_FI = """\
events:
  - {date: 2025-01-01, kind: ero, seat: m1}
  - {date: 2025-02-01, kind: täyttö, seat: m1, organisation: o2}
  - {date: 2025-03-01, kind: Vaihto, seat: m2, organisation: o3}
  - {date: 2025-04-01, kind: vapauttaminen, seat: m2}
  - {date: 2025-05-01, kind: tehtävien siirto, seat: m1, functions: [puheenjohtaja]}
"""


def test_a_history_in_finnish_or_swedish_words_is_the_english_one() -> None:
    words = [
        ("ero,", "avgång,", "resign,"),
        ("täyttö", "tillsättning", "fill"),
        ("Vaihto", "byte", "replace"),
        ("vapauttaminen", "entledigande", "vacate"),
        ("tehtävien siirto", "överföring av uppdrag", "assign"),
        ("puheenjohtaja", "ordförande", "chair"),
    ]
    swedish, english = HISTORY_FI, HISTORY_FI
    for fi, sv, en in words:
        swedish, english = swedish.replace(fi, sv), english.replace(fi, en)
    history = loads(HISTORY_FI, "history")
    assert [e.kind for e in history.events] == [
        EventKind.RESIGN, EventKind.FILL, EventKind.REPLACE, EventKind.VACATE, EventKind.ASSIGN
    ]  # fmt: skip
    assert history == loads(english, "history") == loads(swedish, "history")
    data = yaml.safe_load(dump_yaml(history))
    assert [e["kind"] for e in data["events"]] == ["resign", "fill", "replace", "vacate", "assign"]
