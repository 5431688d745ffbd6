"""The preset registry: names, aliases, errors with suggestions, lazy loading."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import jarjestoyhteistyo.presets as presets_module
from jarjestoyhteistyo import (
    LoadError,
    PresetNotFoundError,
    check,
    dump_yaml,
    list_presets,
    load_preset,
)
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.fictional.generate import generate
from jarjestoyhteistyo.io.serialize import loads
from jarjestoyhteistyo.io.yamldoor import read_yaml
from jarjestoyhteistyo.model.rulesets import KINDS, RuleSet
from jarjestoyhteistyo.presets import (
    COOPERATION_KIND,
    REGISTRY,
    PresetInfo,
    PresetRegistry,
    area_for,
    body_presets,
    preset_text,
    resolve_preset,
)

#: The body presets (the cooperation model of JP-1 … JP-7 has its own loader).
BODIES = [p.name for p in body_presets()]


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
    """Importing the package imports no optional library and reads no preset file."""
    code = (
        "import sys, json, jarjestoyhteistyo, jarjestoyhteistyo.presets as p\n"
        "heavy = ['hypothesis', 'pandas', 'holidays', 'icalendar', 'matplotlib']\n"
        "print(json.dumps({'loaded': [m for m in heavy if m in sys.modules],"
        " 'read': sorted(p.REGISTRY._cache)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out)
    assert result == {"loaded": [], "read": []}


def test_listing_parses_no_rule_set() -> None:
    """list_presets() reads headers only; a rule set is parsed when loaded, then cached."""
    registry = PresetRegistry(folder=REGISTRY.folder)
    assert [p.name for p in registry.presets()] == [p.name for p in list_presets()]
    assert "parsed" not in registry._cache
    assert registry.load("vake") is registry.load("vantaa-kerava-formal")
    assert list(registry._cache["parsed"]) == ["vantaa-kerava-formal"]


def test_cooperation_preset_jp1_jp7_checks_and_round_trips() -> None:
    """JP-1 … JP-7: the Järvenpää-style model is a preset of its own family."""
    from jarjestoyhteistyo.presets import PresetKindError, load_cooperation_preset
    from jarjestoyhteistyo.rules.cooperation import dump_cooperation, loads_cooperation

    model = load_cooperation_preset("Järvenpää")
    assert check(model).ok
    assert loads_cooperation(dump_cooperation(model)) == model
    with pytest.raises(PresetKindError):
        load_preset("jarvenpaa")
    with pytest.raises(PresetKindError):
        load_cooperation_preset("keski-uusimaa")


# ------------------------------------------------------------------ the header
@pytest.mark.parametrize("name", [p.name for p in list_presets()])
def test_header_kind_is_the_documents_kind(name: str) -> None:
    """The registry reads ``kind`` from the line after the header: it is what loads."""
    info = resolve_preset(name)
    document = read_yaml(preset_text(name))
    assert info.kind == document["kind"]
    assert info.title
    assert info.source
    assert set(info.alias_languages) <= {"fi", "sv", "en"}
    assert len(info.alias_languages) == len(info.aliases)


def test_aliases_carry_their_language() -> None:
    formal = resolve_preset("vantaa-kerava-formal")
    assert formal.aliases_in("sv") == ("vanda-kervo",)
    assert "vantaan-ja-keravan-järjestöneuvottelukunta" in formal.aliases_in("fi")
    assert resolve_preset("KU").aliases_in("sv") == ("mellersta-nyland",)


@pytest.mark.parametrize("name", [p.name for p in list_presets()])
def test_area_block_cites_its_source_and_matches_the_body(name: str) -> None:
    info = resolve_preset(name)
    area = info.area
    assert area.municipalities, "every shipped preset names its area's municipalities"
    assert area.source  # where the municipalities come from
    for m in area.municipalities:
        assert m.sv
        # "Pornaisten" for Pornainen; three letters, for consonant gradation:
        # "Hangon" for Hanko, "Vihdin" for Vihti
        assert m.genitive.startswith(m.fi[:3])
    if info.kind == COOPERATION_KIND:
        return
    rules = load_preset(name)
    assert area_for(rules.area) == area  # generate() finds the area from the rule set
    body_networks = {n.id for n in getattr(rules, "networks", ())}
    assert {n.id for n in area.networks} <= body_networks


def test_second_body_of_an_area_shares_its_area_block() -> None:
    forum, formal = resolve_preset("vake-forum"), resolve_preset("vake")
    assert forum.area == formal.area
    assert [m.fi for m in forum.area.municipalities] == ["Kerava", "Vantaa"]


# ------------------------------------------------- the recipe: a new preset is two files
#: A fictional preset (no real area): header, area block and a small open forum.
NEW_PRESET = """\
# A fictional area, for the recipe test only.
#
# preset:
#   title: "Esimerkkilä: open NGO forum (fictional)"
#   source: the recipe test (fictional)
#   aliases: {esimerkkifoorumi: fi, exempelforum: sv, example-forum: en}
#   area:
#     source: fictional
#     words: [esimerkkilä]
#     municipalities:
#       - {fi: Esimerkkilä, genitive: Esimerkkilän, sv: Exempelby}
kind: open_forum
name: Open NGO forum of Esimerkkilä
area: Esimerkkilä wellbeing area
cap: 12
"""


def _folder_with_new_preset(tmp_path: Path) -> Path:
    folder = tmp_path / "presets"
    folder.mkdir()
    for p in list_presets():
        (folder / p.filename).write_text(preset_text(p.name), encoding="utf-8")
    (folder / "esimerkkila.yaml").write_text(NEW_PRESET, encoding="utf-8")
    return folder


def test_adding_a_preset_is_its_yaml_and_its_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The recipe of the module docstring, followed once in a temporary folder."""
    registry = PresetRegistry(folder=_folder_with_new_preset(tmp_path))
    names = [p.name for p in registry.presets()]
    assert names == sorted([*(p.name for p in list_presets()), "esimerkkila"])
    info = registry.resolve("Exempelforum")
    assert (info.name, info.kind, info.aliases_in("en")) == (
        "esimerkkila",
        "open_forum",
        ("example-forum",),
    )
    rules = registry.load("esimerkkifoorumi")
    assert rules.cap == 12
    assert check(rules).ok, check(rules).to_text()

    # as the shipped registry: the tests' helper, generate() and the CLI all see it
    monkeypatch.setattr(presets_module, "REGISTRY", registry)
    assert "esimerkkila" in [p.name for p in body_presets()]
    example = generate("esimerkkila", seed=1).composition
    assert {m for o in example.organisations for m in o.municipalities} == {"Esimerkkilä"}
    path = tmp_path / "examples" / "esimerkkila.yaml"  # the second file of the recipe
    path.parent.mkdir()
    path.write_text(dump_yaml(example), encoding="utf-8")
    assert main(["presets", "--format", "json"]) == 0
    listed = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["esimerkkila"]["kind"] == "open_forum"
    assert main(["validate", "esimerkkila", str(path)]) == 0


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda t: t.replace("# preset:", "# presets:"), "missing-header"),
        (lambda t: t.replace("#   source: the", "#   sources: the"), "unknown-key"),
        (lambda t: t.replace("example-forum: en", "example-forum: de"), "invalid-value"),
        (lambda t: t.replace("kind: open_forum\n", "") + "kind: open_forum\n", "missing-kind"),
        (lambda t: t.replace("kind: open_forum", "kind: open_forun"), "unknown-kind"),
        (lambda t: t.replace("example-forum", "vake"), "duplicate-alias"),
    ],
)
def test_a_broken_header_is_a_load_error_with_its_code(
    tmp_path: Path, change: Callable[[str], str], code: str
) -> None:
    folder = _folder_with_new_preset(tmp_path)
    path = folder / "esimerkkila.yaml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        PresetRegistry(folder=folder).presets()
    assert code in {p.code for p in info.value.problems}, str(info.value)


def test_area_same_as_must_name_a_preset_with_an_area(tmp_path: Path) -> None:
    folder = _folder_with_new_preset(tmp_path)
    text = NEW_PRESET.split("#   area:")[0] + "#   area: {same_as: nowhere}\nkind: open_forum\n"
    (folder / "esimerkkila.yaml").write_text(text + "name: F\narea: A\n", encoding="utf-8")
    with pytest.raises(LoadError, match="nowhere"):
        PresetRegistry(folder=folder).presets()


BASE = {"name": "x", "kind": "open_forum", "title": "X", "source": "S"}


def test_preset_info_without_languages_still_builds() -> None:
    """PresetInfo keeps its old keywords: the languages are optional, not a second list."""
    info = PresetInfo(**BASE, aliases=("y", "z"))
    assert info.aliases_in("fi") == ()
    with pytest.raises(ValueError, match="one language per alias"):
        PresetInfo(**BASE, aliases=("y",), alias_languages=("fi", "sv"))
