"""JSON Schema generated from the models (issue #9): presets and examples validate."""

from __future__ import annotations

import itertools
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from jarjestoyhteistyo import dump_json, load_preset
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.fictional.strategies import compositions_for, rule_sets
from jarjestoyhteistyo.io.schema import json_schema
from jarjestoyhteistyo.io.serialize import DOCUMENTS
from jarjestoyhteistyo.io.yamldoor import read_yaml
from jarjestoyhteistyo.presets import list_presets, preset_text

jsonschema = pytest.importorskip("jsonschema")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _plain(data: Any) -> Any:
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()))


def _validator(name: str) -> Any:
    schema = json_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


RULESET = _validator("ruleset")
COMPOSITION = _validator("composition")


@pytest.mark.parametrize(
    "preset", [p.name for p in list_presets() if p.kind != "cooperation_model"]
)
def test_presets_and_their_examples_match_the_schema(preset: str) -> None:
    assert not list(RULESET.iter_errors(_plain(read_yaml(preset_text(preset)))))
    text = (EXAMPLES / f"{preset}.yaml").read_text(encoding="utf-8")
    assert not list(COMPOSITION.iter_errors(_plain(read_yaml(text))))


def test_schema_refuses_unknown_keys_and_wrong_enum_values() -> None:
    """Like the converter: unknown keys and values outside an enum are refused."""
    good = _plain(read_yaml(preset_text("vantaa-kerava-open-forum")))
    assert RULESET.is_valid(good)
    assert not RULESET.is_valid({**good, "cpa": 20})
    assert not RULESET.is_valid({**good, "fee": "sometimes"})
    assert not RULESET.is_valid({**good, "kind": "forum"})


def test_the_finnish_and_swedish_words_of_values_match_the_schema_too() -> None:
    """What the converter takes as an alias, the schema takes: a preparer's editor that
    checks the file against the schema does not flag ``size: pieni`` (issue #16)."""
    tutorial = (Path(__file__).resolve().parents[1] / "docs" / "fi" / "tutorial.rst").read_text(
        encoding="utf-8"
    )
    after = tutorial.split(":caption: kokoonpano.yaml", 1)[1].splitlines()[2:]
    block = itertools.takewhile(lambda line: not line or line.startswith(" "), after)
    data = _plain(read_yaml(textwrap.dedent("\n".join(block))))
    assert COMPOSITION.is_valid(data), list(COMPOSITION.iter_errors(data))
    sizes = {o.get("size") for o in data["organisations"]}
    assert {"pieni", "suuri"} <= sizes
    wrong = {**data, "organisations": [{**data["organisations"][0], "size": "huge"}]}
    assert not COMPOSITION.is_valid(wrong)


@pytest.mark.slow
@given(rules=rule_sets())
def test_generated_rule_sets_match_the_schema(rules: Any) -> None:
    assert RULESET.is_valid(json.loads(dump_json(rules)))


@given(comp=compositions_for(load_preset("keski-uusimaa")))
def test_generated_compositions_match_the_schema(comp: Any) -> None:
    assert COMPOSITION.is_valid(json.loads(dump_json(comp)))


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "ruleset"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert main(["schema", "nonsense"]) == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cooperation", preset_text("jarvenpaa")),
        (
            "registrations",
            (EXAMPLES / "vantaa-kerava-formal-registrations.yaml").read_text(encoding="utf-8"),
        ),
        (
            "roadmap",
            (
                Path(__file__).resolve().parents[1]
                / "src/jarjestoyhteistyo/presets/roadmaps/vantaa-kerava.yaml"
            ).read_text(encoding="utf-8"),
        ),
        ("history", "events:\n  - {date: 2025-01-01, kind: resign, seat: m1}\n"),
    ],
)
def test_every_yaml_kind_has_a_schema_its_shipped_document_matches(name: str, text: str) -> None:
    """Issue #9: a JSON Schema for each YAML kind, tested against the shipped documents."""
    validator = _validator(name)
    assert not list(validator.iter_errors(_plain(read_yaml(text))))
    assert not validator.is_valid({**_plain(read_yaml(text)), "not_a_key": 1})


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_document_in_the_table_has_a_schema_its_dump_matches(
    name: str, document_sample: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON Schema covers every kind of the door; the schema allows what the door reads."""
    validator = _validator(name)
    data = json.loads(dump_json(document_sample(name)))
    assert not list(validator.iter_errors(data))
    assert not validator.is_valid({**data, "kind": "not_a_kind"})
    if not DOCUMENTS[name].tagged:  # an untagged document may name itself
        assert validator.is_valid({"kind": name, **data})
    assert main(["schema", name]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema(name)


def test_person_ref_is_an_optional_string_in_the_schema() -> None:
    """Issue #13: Person.ref is in the composition and history schemas, optional."""
    for name in ("composition", "history"):
        person = json_schema(name)["$defs"]["Person"]
        assert person["properties"]["ref"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
        assert person["required"] == ["role"]
    seat = {"id": "m1", "kind": "member", "person": {"role": "volunteer", "ref": "member-17"}}
    assert not list(COMPOSITION.iter_errors({"seats": [seat]}))
    seat["person"] = {"role": "volunteer", "ref": 17}
    assert list(COMPOSITION.iter_errors({"seats": [seat]}))


def test_required_functions_are_names_or_mappings_in_the_schema() -> None:
    """Issue #14 gap 1: a required function is a bare name or a mapping saying who holds it."""
    base = {"kind": "general", "name": "x", "area": "y"}
    entry = {"function": "presenter", "groups": ["wellbeing-area"], "sources": ["official"]}
    assert RULESET.is_valid({**base, "required_functions": ["secretary", entry]})
    assert not RULESET.is_valid({**base, "required_functions": [{**entry, "grups": ["x"]}]})
    assert not RULESET.is_valid({**base, "required_functions": [{"groups": ["x"]}]})
    assert not RULESET.is_valid({**base, "required_functions": [{**entry, "sources": ["nope"]}]})
