"""The natural shorthands of a rule set (issue #16 point 6): ``seats: 2``,
``per_year: 4-6`` and ``deputies: personal`` load; problems say in words what was
expected; the JSON Schema accepts the same."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.io.converter import RANGE_WORDS
from jarjestoyhteistyo.io.schema import json_schema
from jarjestoyhteistyo.io.serialize import dump_yaml, loads
from jarjestoyhteistyo.model.rulesets import DeputyMode, DeputyPolicy, IntRange

SHORT = """\
kind: general
name: Neuvosto
area: Esimerkkialue
deputies: personal
meetings:
  per_year: {per_year}
seat_groups:
  - id: pensioners
    source: category
    categories: [pensioners]
    seats: {seats}
"""


def _rules(per_year: str = "4-6", seats: str = "2") -> object:
    return loads(SHORT.format(per_year=per_year, seats=seats), "ruleset")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4-6", IntRange(min=4, max=6)),
        ("4–6", IntRange(min=4, max=6)),
        ("4", IntRange(min=4, max=4)),
        (" 4 - 6 ", IntRange(min=4, max=6)),
        ("{min: 4}", IntRange(min=4)),
    ],
)
def test_a_range_as_text_or_one_number(text: str, expected: IntRange) -> None:
    assert _rules(per_year=text).meetings.per_year == expected  # type: ignore[attr-defined]


def test_seats_as_one_number_is_exactly_that_many() -> None:
    (group,) = _rules(seats="2").seat_groups  # type: ignore[attr-defined]
    assert group.seats == IntRange(min=2, max=2)


def test_deputies_as_their_mode() -> None:
    assert _rules().deputies == DeputyPolicy(mode=DeputyMode.PERSONAL)  # type: ignore[attr-defined]


def test_the_long_forms_are_written_back() -> None:
    """Ranges as ``{min, max}``; deputies that set only their mode as the mode, the
    converter's rule for every shorthand (a required function is written the same way)."""
    data = yaml.safe_load(dump_yaml(_rules()))
    assert data["meetings"]["per_year"] == {"min": 4, "max": 6}
    assert data["seat_groups"][0]["seats"] == {"min": 2, "max": 2}
    assert data["deputies"] == "personal"
    assert loads(dump_yaml(_rules()), "ruleset") == _rules()


@pytest.mark.parametrize(("per_year", "seats"), [("pieni", "2"), ("4-6", "[2]")])
def test_a_wrong_range_says_in_words_what_a_range_is(per_year: str, seats: str) -> None:
    with pytest.raises(LoadError) as caught:
        _rules(per_year=per_year, seats=seats)
    (problem,) = caught.value.problems
    assert problem.code == "wrong-type"
    assert RANGE_WORDS in problem.message
    assert "IntRange" not in problem.message  # no class names for a preparer


def test_a_range_upside_down_loads_and_check_reports_it() -> None:
    """Like ``{min: 6, max: 4}``: a rule-set finding, not a load problem."""
    from jarjestoyhteistyo.rules.checks import check

    report = check(_rules(per_year="6-4"))  # type: ignore[arg-type]
    assert [(f.code, f.path) for f in report.errors] == [("JY101", "meetings.per_year")]


def test_an_unknown_deputy_mode_names_the_allowed_ones() -> None:
    with pytest.raises(LoadError) as caught:
        loads(SHORT.format(per_year="4", seats="2").replace("personal", "somebody"), "ruleset")
    (problem,) = caught.value.problems
    assert problem.path == "deputies.mode"
    assert "personal" in problem.message


def test_the_schema_accepts_the_shorthands_and_refuses_nonsense() -> None:
    schema = json_schema("ruleset")
    jsonschema.validate(yaml.safe_load(SHORT.format(per_year="4-6", seats="2")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(SHORT.format(per_year="pieni", seats="2")), schema)
