"""Nothing is lost (issue #9): every document type round-trips through YAML and JSON.

Hypothesis draws from the public strategies; a rewrite by the library keeps every key
it understood, and a key it did not understand is refused before anything can be
dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.roadmap import RoadmapDocument
from jarjestoyhteistyo.errors import DocumentKindError
from jarjestoyhteistyo.fictional.strategies import (
    compositions_for,
    registrations,
    roadmaps,
    rule_sets,
)
from jarjestoyhteistyo.io.serialize import (
    DOCUMENTS,
    document,
    dump,
    dump_json,
    dump_yaml,
    load,
    load_any,
    loads,
    loads_any,
    unstructure,
)
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR
from jarjestoyhteistyo.selection import Registrations
from jarjestoyhteistyo.selection.succession import Event, EventKind, History

Sample = Callable[[str], Any]
BOTH = pytest.mark.parametrize("dump", [dump_yaml, dump_json], ids=["yaml", "json"])


def _round_trip(obj: Any, cls: Any, dump: Any) -> None:
    assert loads(dump(obj), cls) == obj


@pytest.mark.slow
@BOTH
@settings(max_examples=25, deadline=None)
@given(doc=roadmaps())
def test_roadmaps(dump: Any, doc: RoadmapDocument) -> None:
    """RM-1 … RM-7 documents."""
    _round_trip(doc, RoadmapDocument, dump)


@BOTH
@settings(max_examples=25, deadline=None)
@given(pool=registrations(jy.load_preset("vantaa-kerava-formal"), max_size=6))
def test_registrations(dump: Any, pool: tuple[jy.Registration, ...]) -> None:
    _round_trip(Registrations(name="drawn", registrations=pool), Registrations, dump)


@pytest.mark.slow
@BOTH
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_rule_sets_and_compositions(dump: Any, data: st.DataObject) -> None:
    rules = data.draw(rule_sets())
    _round_trip(rules, jy.RuleSet, dump)
    _round_trip(data.draw(compositions_for(rules)), jy.Composition, dump)


@BOTH
@settings(max_examples=25, deadline=None)
@given(
    events=st.lists(
        st.builds(
            Event,
            date=st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)),
            kind=st.sampled_from(EventKind),
            seat=st.sampled_from(["m1", "d1", "pair-1"]),
            person=st.none()
            | st.builds(
                jy.Person,
                role=st.sampled_from(jy.Role),
                ref=st.none() | st.text(min_size=1, max_size=12).filter(str.strip),
            ),
            note=st.text(max_size=20),
        ),
        max_size=5,
    )
)
def test_histories(dump: Any, events: list[Event]) -> None:
    """FC-8, FC-15: a succession log survives both formats."""
    _round_trip(History(events=tuple(events)), History, dump)


@BOTH
def test_cooperation_preset(dump: Any) -> None:
    """JP-1 … JP-7: the kind tag is written first by either dumper."""
    from jarjestoyhteistyo.presets import load_cooperation_preset
    from jarjestoyhteistyo.rules.cooperation import loads_cooperation

    model = load_cooperation_preset("jarvenpaa")
    assert loads_cooperation(dump(model)) == model


def test_rewrite_keeps_understood_keys_and_refuses_unknown_ones() -> None:
    """A rewrite never drops a key silently: unknown keys stop the load first."""
    from jarjestoyhteistyo.presets import preset_text

    text = preset_text("keski-uusimaa")
    rules = jy.loads_ruleset(text)
    rewritten = dump_yaml(rules)
    assert jy.loads_ruleset(rewritten) == rules  # every understood key kept
    with pytest.raises(jy.LoadError) as info:
        jy.loads_ruleset(text + "extra_key_we_do_not_know: 1\n")
    assert info.value.problems[0].code == "unknown-key"


# ------------------------------------------------------- every kind in the table
def test_every_document_kind_has_a_sample(document_sample: Sample) -> None:
    """A new entry in DOCUMENTS fails here until the tests below cover it."""
    for name, doc in DOCUMENTS.items():
        assert isinstance(document_sample(name), doc.classes)
        assert all(document(cls) is doc for cls in (doc.cls, *doc.classes))  # refs are right


@pytest.mark.parametrize("name", list(DOCUMENTS))
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_every_document_kind_loads_dumps_and_round_trips(
    name: str, fmt: Literal["yaml", "json"], tmp_path: Path, document_sample: Sample
) -> None:
    """One door: by name, by class, from text and from a file, through YAML and JSON."""
    obj = document_sample(name)
    text = dump(obj, fmt)
    assert loads(text, name) == obj
    assert loads(text, type(obj)) == obj
    path = tmp_path / f"{name}.{fmt}"
    path.write_text(text, encoding="utf-8")
    assert load(path, name) == obj
    others = [d for d in DOCUMENTS if d != name]
    if not DOCUMENTS[name].tagged:  # told apart from other untagged kinds by a tag only
        path.write_text(dump({"kind": name, **unstructure(obj)}, fmt), encoding="utf-8")
    found, value = load_any(path, [*others, name])
    assert (found.name, value) == (name, obj)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_a_wrong_kind_is_the_same_problem_in_every_kind(name: str, document_sample: Sample) -> None:
    doc = DOCUMENTS[name]
    data = unstructure(document_sample(name))
    for wrong in ("not_a_kind", next(k for d in DOCUMENTS.values() for k in d.kinds if d != doc)):
        with pytest.raises(jy.LoadError) as info:
            loads(json.dumps({**data, "kind": wrong}, default=str), name)
        assert [(p.path, p.code) for p in info.value.problems] == [("kind", "unknown-kind")]
        assert info.value.problems[0].params["kinds"] == tuple(doc.kinds)
    # a tagged document needs its tag; any other may name itself
    plain = {k: v for k, v in data.items() if k != "kind"}
    if doc.tagged:
        with pytest.raises(jy.LoadError) as info:
            loads(json.dumps(plain, default=str), name)
        assert [p.code for p in info.value.problems] == ["unknown-kind"]
    else:
        tagged = json.dumps({"kind": name, **plain}, default=str)
        assert loads(tagged, name) == loads(json.dumps(plain, default=str), name)


def test_load_any_tells_which_and_suggests_across_kinds() -> None:
    from jarjestoyhteistyo.presets import preset_text

    found, model = loads_any(preset_text("jarvenpaa"), ["ruleset", "cooperation"])
    assert (found.name, model.kind) == ("cooperation", "cooperation_model")
    found, rules = loads_any(preset_text("keski-uusimaa"), ["ruleset", "cooperation"])
    assert (found.name, rules.kind) == ("ruleset", "theme_network_council")
    with pytest.raises(jy.LoadError) as info:
        loads_any("kind: cooperation_modle\nname: C\narea: A\n", ["ruleset", "cooperation"])
    (p,) = info.value.problems
    assert p.params["suggestion"] == "cooperation_model"
    assert {"cooperation_model", "general"} <= set(p.params["kinds"])


def test_unknown_document_names_are_refused_with_a_suggestion() -> None:
    with pytest.raises(DocumentKindError, match="did you mean 'history'"):
        loads("events: []", "histroy")
    with pytest.raises(DocumentKindError):
        document(int)


def test_a_register_with_a_repeated_id_is_refused_with_its_path() -> None:
    text = "associations: [{id: a1}, {id: a2}, {id: a1}]"
    with pytest.raises(jy.LoadError) as info:
        loads(text, "register")
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("associations[2].id", "duplicate-id")
    ]


#: The kind of every shipped example document (a new example fails the guard below).
EXAMPLE_KINDS = {
    "ecosystem-rules.yaml": "segment_rules",
    "keski-uusimaa.yaml": "composition",
    "lansi-uusimaa-disability-council.yaml": "composition",
    "vantaa-kerava-formal-registrations.yaml": "registrations",
    "vantaa-kerava-formal.yaml": "composition",
    "vantaa-kerava-open-forum.yaml": "composition",
}
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_every_shipped_example_is_named_with_its_kind() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXAMPLE_KINDS)


@pytest.mark.parametrize(("filename", "name"), sorted(EXAMPLE_KINDS.items()))
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_shipped_examples_round_trip(
    filename: str, name: str, fmt: Literal["yaml", "json"]
) -> None:
    obj = load(EXAMPLES / filename, name)
    assert loads(dump(obj, fmt), name) == obj
    assert dump(loads(dump(obj, fmt), name), fmt) == dump(obj, fmt)  # a rewrite is stable


def test_every_document_class_lives_in_the_model_layer() -> None:
    """The door names each document's class directly: all of them are model nouns, so
    the table needs no import of a higher layer (issue #13)."""
    from jarjestoyhteistyo.io.serialize import DOCUMENTS

    for doc in DOCUMENTS.values():
        for cls in doc.classes:
            assert cls.__module__.startswith("jarjestoyhteistyo.model."), (doc.name, cls)
