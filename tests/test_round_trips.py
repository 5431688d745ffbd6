"""Nothing is lost (issue #9): every document type round-trips through YAML and JSON.

Hypothesis draws from the public strategies; a rewrite by the library keeps every key
it understood, and a key it did not understand is refused before anything can be
dropped.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.roadmap import RoadmapDocument
from jarjestoyhteistyo.selection import Registrations
from jarjestoyhteistyo.serialize import dump_json, dump_yaml, loads
from jarjestoyhteistyo.strategies import compositions_for, registrations, roadmaps, rule_sets
from jarjestoyhteistyo.succession import Event, EventKind, History

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
            date=st.dates(),
            kind=st.sampled_from(EventKind),
            seat=st.sampled_from(["m1", "d1", "pair-1"]),
            person=st.none() | st.builds(jy.Person, role=st.sampled_from(jy.Role)),
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
    from jarjestoyhteistyo.cooperation import loads_cooperation
    from jarjestoyhteistyo.presets import load_cooperation_preset

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
