"""``show --full`` and ``dump(..., full=True)``: every field, defaults too (issue #16
point 4). ``show vake`` printed no ``categories``, ``members_per_category``,
``deputies``, ``term`` or ``chair`` although the docs promised everything."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.fictional.strategies import rule_sets
from jarjestoyhteistyo.io.serialize import dump, dump_yaml, loads
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.presets import body_presets

PRESETS = tuple(p.name for p in body_presets())


@pytest.mark.parametrize("preset", PRESETS)
def test_full_reads_back_as_the_same_rule_set(preset: str) -> None:
    rules = jy.load_preset(preset)
    for form in ("yaml", "json"):
        assert loads(dump(rules, form, full=True), "ruleset") == rules  # type: ignore[arg-type]


@pytest.mark.parametrize("preset", PRESETS)
def test_full_writes_every_field_of_the_kind(preset: str) -> None:
    import attrs

    rules = jy.load_preset(preset)
    full = yaml.safe_load(dump_yaml(rules, full=True))
    short = yaml.safe_load(dump_yaml(rules))
    fields = {a.name for a in attrs.fields(type(rules)) if a.init}
    assert set(full) == fields | {"kind"}
    assert set(short) < set(full)  # the short form leaves defaults out


def test_show_full_of_the_formal_preset_has_its_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "vake", "--full"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["members_per_category"] == 2
    assert data["deputies"]["mode"] == "personal"
    assert [c["code"] for c in data["categories"]][:2] == ["child-family", "illness-disability"]
    assert {"term", "chair"} <= set(data)
    assert main(["show", "vake"]) == 0
    assert "categories" not in yaml.safe_load(capsys.readouterr().out)


def test_show_full_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "ku", "--full", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert loads(json.dumps(data), "ruleset") == jy.load_preset("ku")


@given(rule_sets())
def test_any_valid_rule_set_round_trips_in_full(rules: RuleSet) -> None:
    assert loads(dump(rules, full=True), "ruleset") == rules
