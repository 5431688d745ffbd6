"""The preset registry: names, aliases, errors with suggestions, lazy loading."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from jarjestoyhteistyo import PresetNotFoundError, check, dump_yaml, list_presets, load_preset
from jarjestoyhteistyo.presets import COOPERATION_KIND, preset_text, resolve_preset
from jarjestoyhteistyo.rules import KINDS, RuleSet
from jarjestoyhteistyo.serialize import loads

#: The body presets (the cooperation model of JP-1 … JP-7 has its own loader).
BODIES = [p.name for p in list_presets() if p.kind != COOPERATION_KIND]


def test_list_presets_names_kinds_and_sources() -> None:
    presets = list_presets()
    names = [p.name for p in presets]
    assert names == sorted(names)
    assert {"vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"} <= set(names)
    for p in presets:
        assert p.source  # every preset cites the seed it comes from
        if p.kind == COOPERATION_KIND:
            continue
        assert p.kind in KINDS
        assert load_preset(p.name).kind == p.kind


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("VAKE", "vantaa-kerava-formal"),
        ("Vantaa-Kerava", "vantaa-kerava-formal"),
        ("vanda-kervo", "vantaa-kerava-formal"),
        ("  vake-forum ", "vantaa-kerava-open-forum"),
        ("Avoin-Foorumi", "vantaa-kerava-open-forum"),
        ("KU", "keski-uusimaa"),
        ("Mellersta-Nyland", "keski-uusimaa"),
    ],
)
def test_aliases_are_case_insensitive(alias: str, name: str) -> None:
    assert resolve_preset(alias).name == name
    assert load_preset(alias) == load_preset(name)


def test_aliases_are_unique_across_presets() -> None:
    keys = [k.lower() for p in list_presets() for k in (p.name, *p.aliases)]
    assert len(keys) == len(set(keys))


def test_unknown_preset_suggests_the_nearest_name() -> None:
    with pytest.raises(PresetNotFoundError) as info:
        load_preset("vantaa-kerava-formall")
    message = str(info.value)
    assert "did you mean" in message
    assert "vantaa-kerava-formal" in message
    assert isinstance(info.value, KeyError)  # callers may catch KeyError too


def test_unknown_preset_lists_known_presets() -> None:
    with pytest.raises(PresetNotFoundError) as info:
        load_preset("helsinki")
    assert all(p.name in str(info.value) for p in list_presets())


@pytest.mark.parametrize("name", BODIES)
def test_preset_round_trips(name: str) -> None:
    rules = load_preset(name)
    assert loads(dump_yaml(rules), RuleSet) == rules
    assert loads(preset_text(name), RuleSet) == rules  # the shipped text is what loads


@pytest.mark.parametrize("name", BODIES)
def test_preset_text_has_no_personal_data(name: str) -> None:
    text = preset_text(name)
    assert "@" not in text  # no e-mail addresses
    assert check(load_preset(name)).ok


def test_load_preset_is_cached_and_immutable() -> None:
    assert load_preset("vake") is load_preset("vantaa-kerava-formal")


def test_import_is_light() -> None:
    """Importing the package imports no optional library and parses no preset."""
    code = (
        "import sys, json, jarjestoyhteistyo, jarjestoyhteistyo.presets as p\n"
        "heavy = ['hypothesis', 'pandas', 'holidays', 'icalendar', 'matplotlib']\n"
        "print(json.dumps({'loaded': [m for m in heavy if m in sys.modules],"
        " 'parsed': p._load.cache_info().currsize}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out)
    assert result == {"loaded": [], "parsed": 0}


def test_cooperation_preset_jp1_jp7_checks_and_round_trips() -> None:
    """JP-1 … JP-7: the Järvenpää-style model is a preset of its own family."""
    from jarjestoyhteistyo.cooperation import dump_cooperation, loads_cooperation
    from jarjestoyhteistyo.presets import PresetKindError, load_cooperation_preset

    model = load_cooperation_preset("Järvenpää")
    assert check(model).ok
    assert loads_cooperation(dump_cooperation(model)) == model
    with pytest.raises(PresetKindError):
        load_preset("jarvenpaa")
    with pytest.raises(PresetKindError):
        load_cooperation_preset("keski-uusimaa")
