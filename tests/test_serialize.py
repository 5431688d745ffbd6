"""The YAML door and the converter: strict reading, every problem with its path,
hostile input refused with a stable ``Problem.code``, and lossless round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from jarjestoyhteistyo import (
    LoadError,
    dump_json,
    dump_yaml,
    load_preset,
    loads_composition,
    loads_ruleset,
)
from jarjestoyhteistyo.errors import LimitsError
from jarjestoyhteistyo.fictional.strategies import KIND_NAMES, compositions_for, rule_sets
from jarjestoyhteistyo.io.serialize import load_file, loads
from jarjestoyhteistyo.io.yamldoor import PARSER_MAX_DEPTH, Limits, read_yaml
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.rulesets import FormalCommittee, OpenForum, RuleSet
from jarjestoyhteistyo.presets import body_presets

FORUM = "kind: open_forum\nname: Forum\narea: Example area\n"


def problems(text: str | bytes, cls: object = RuleSet) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as info:
        loads(text, cls)
    assert str(info.value)  # a readable message listing the problems
    return [(p.path, p.code) for p in info.value.problems]


# ----------------------------------------------------------- unknown keys, types
def test_unknown_key_has_full_path_and_suggestion() -> None:
    with pytest.raises(LoadError) as info:
        loads_ruleset(FORUM + "meetings:\n  per_year:\n    mni: 4\n")
    (p,) = info.value.problems
    assert (p.path, p.code) == ("meetings.per_year.mni", "unknown-key")
    assert p.params["suggestion"] == "min"
    assert "did you mean 'min'" in p.message


def test_unknown_key_in_list_item_has_index_in_path() -> None:
    text = "organisations:\n  - id: o1\n    categries: [pensioners]\n"
    assert problems(text, Composition) == [("organisations[0].categries", "unknown-key")]


def test_kind_is_not_an_unknown_key_but_a_wrong_kind_is_reported() -> None:
    assert loads_ruleset(FORUM).kind == "open_forum"
    with pytest.raises(LoadError) as info:
        loads_ruleset("kind: opne_forum\nname: x\narea: y\n")
    (p,) = info.value.problems
    assert (p.path, p.code, p.params["suggestion"]) == ("kind", "unknown-kind", "open_forum")


def test_missing_required_key_is_reported() -> None:
    assert problems("kind: open_forum\narea: y\n") == [("name", "missing-key")]


@pytest.mark.parametrize(
    ("snippet", "path"),
    [
        ("cap: '12'", "cap"),
        ("cap: 2.5", "cap"),
        ("cap: true", "cap"),
        ("statutory_duties: 1", "statutory_duties"),
        ("meetings: {hours: two}", "meetings.hours"),
        ("name: [a, b]", "name"),
        ("tasks: just one task", "tasks"),
        ("fee: free", "fee"),
        ("term: {start: next spring, mode: fixed_dates}", "term.start"),
    ],
)
def test_wrong_type_reports_its_path(snippet: str, path: str) -> None:
    text = FORUM.replace("name: Forum\n", "") + snippet + "\n"
    if not snippet.startswith("name"):
        text += "name: Forum\n"
    assert (path, "wrong-type") in problems(text)


def test_all_errors_are_reported_together() -> None:
    text = FORUM + "cap: '3'\nstatutory_duties: no\nmeetings: {hours: x, per_year: {mx: 2}}\n"
    found = problems(text)
    assert set(found) == {
        ("cap", "wrong-type"),
        ("statutory_duties", "wrong-type"),
        ("meetings.hours", "wrong-type"),
        ("meetings.per_year.mx", "unknown-key"),
    }
    assert [p for p, _ in found] == sorted(p for p, _ in found)  # stable order


# ---------------------------------------------------------- YAML surprises
def test_yaml_no_is_a_string_not_false() -> None:
    """``no`` is not a boolean (YAML 1.2): a boolean field reports a type error."""
    assert problems(FORUM + "statutory_duties: no\n") == [("statutory_duties", "wrong-type")]
    rs = loads_ruleset(FORUM.replace("Forum", "no"))
    assert rs.name == "no"


def test_leading_zero_is_not_octal() -> None:
    with pytest.raises(LoadError) as info:
        loads_ruleset(FORUM + "cap: 010\n")
    (p,) = info.value.problems
    assert (p.path, p.code) == ("cap", "wrong-type")
    assert "leading zero" in p.message


def test_duplicate_keys_are_refused() -> None:
    assert problems(FORUM + "cap: 10\ncap: 12\n") == [("cap", "duplicate-key")]


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['true']",
        "!!python/name:os.system",
        "!!python/tuple [1, 2]",
    ],
)
def test_python_tags_are_refused(tag: str) -> None:
    [(path, code)] = problems(FORUM + f"description: {tag}\n")
    assert code == "bad-yaml"
    assert path.startswith("line ")


def test_billion_laughs_is_refused_before_expansion() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    # 9**9 items once expanded: refused while reading, long before the last line
    [(path, code)] = problems("\n".join(lines) + "\n")
    assert code == "too-many-nodes"
    assert path.startswith("line ")


LOADERS = [pytest.param(True, id="pure-python"), pytest.param(False, id="default")]
DEEP = [
    # beyond libyaml's own scanner cap (PyYAML >= 6.0.4): its error must become ours
    pytest.param("[" * 5000 + "]" * 5000, 1, id="flow-5000"),
    pytest.param("{a: " * 2000 + "}" * 2000, 1, id="flow-mapping-2000"),
    pytest.param("".join("  " * i + "- \n" for i in range(1500)), 101, id="block-1500"),
    # between the library's limit and libyaml's: the library's own pass sees it
    pytest.param("[" * 150 + "]" * 150, 1, id="flow-150"),
    pytest.param("".join("  " * i + "k:\n" for i in range(150)), 101, id="block-150"),
]


@pytest.mark.parametrize("pure", LOADERS)
@pytest.mark.parametrize(("text", "line"), DEEP)
def test_deep_nesting_is_refused_whatever_the_parser(pure: bool, text: str, line: int) -> None:
    with pytest.raises(LoadError) as info:
        read_yaml(text, pure_python=pure)
    [problem] = info.value.problems
    assert problem.code == "too-deep"
    assert problem.params["max_depth"] == 100
    # the pure pass stops at the 101st level; libyaml stops where its scanner is
    assert problem.path.startswith("line ")
    assert int(problem.path.removeprefix("line ")) >= line


def test_deep_nesting_through_the_converter() -> None:
    [(path, code)] = problems("[" * 5000 + "]" * 5000)
    assert (path, code) == ("line 1", "too-deep")


@pytest.mark.parametrize("pure", LOADERS)
def test_nesting_at_the_limit_is_read(pure: bool) -> None:
    text = "[" * 100 + "]" * 100
    value = read_yaml(text, pure_python=pure)
    for _ in range(99):
        value = value[0]
    assert value == []


@pytest.mark.parametrize("pure", LOADERS)
def test_a_raised_depth_limit_holds_under_both_loaders(pure: bool) -> None:
    limits = Limits(max_depth=PARSER_MAX_DEPTH)
    with pytest.raises(LoadError) as info:
        read_yaml("[" * 3000 + "]" * 3000, limits=limits, pure_python=pure)
    assert [p.code for p in info.value.problems] == ["too-deep"]


@pytest.mark.parametrize(
    "kwargs", [{"max_depth": 0}, {"max_depth": PARSER_MAX_DEPTH + 1}, {"max_bytes": -1}]
)
def test_limits_outside_what_can_be_enforced_are_refused(kwargs: dict[str, int]) -> None:
    with pytest.raises(LimitsError):
        Limits(**kwargs)


def test_limits_can_be_tightened() -> None:
    with pytest.raises(LoadError) as info:
        loads(FORUM, RuleSet, limits=Limits(max_bytes=10))
    assert info.value.problems[0].code == "too-large"


@pytest.mark.parametrize("day", ["2024-02-30", "2023-02-29", "2024-04-31"])
def test_invalid_calendar_date_is_a_load_error(day: str) -> None:
    """PyYAML raises a bare ValueError for these; the door turns it into a LoadError."""
    [(_, code)] = problems(FORUM + f"term: {{mode: fixed_dates, start: {day}}}\n")
    assert code == "bad-date"


def test_invalid_calendar_date_reports_where_it_is() -> None:
    [(path, _)] = problems(FORUM + "term: {mode: fixed_dates, start: 2024-02-30}\n")
    assert path != "$"


def test_non_utf8_is_refused_with_offset() -> None:
    data = FORUM.encode() + b"description: caf\xe9\n"
    with pytest.raises(LoadError) as info:
        loads(data, RuleSet)
    (p,) = info.value.problems
    assert p.code == "not-utf8"
    assert p.params["offset"] == len(FORUM.encode()) + len("description: caf")


def test_utf8_bom_is_accepted() -> None:
    assert loads_ruleset(b"\xef\xbb\xbf" + FORUM.encode()).name == "Forum"


def test_not_yaml_at_all_is_a_load_error() -> None:
    [(_, code)] = problems("kind: [unclosed\n")
    assert code == "bad-yaml"


# ------------------------------------------------------------- JSON and files
def test_json_input_works() -> None:
    text = json.dumps({"kind": "open_forum", "name": "Forum", "area": "Example", "cap": 12})
    rs = loads_ruleset(text)
    assert isinstance(rs, OpenForum)
    assert rs.cap == 12


def test_json_errors_have_paths_too() -> None:
    text = json.dumps({"kind": "open_forum", "name": "F", "area": "A", "meetings": {"hourz": 1}})
    assert problems(text) == [("meetings.hourz", "unknown-key")]


def test_load_file_missing_is_load_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(LoadError) as info:
        load_file(missing, RuleSet)
    assert info.value.problems[0].code == "unreadable"
    assert info.value.source == str(missing)


def test_load_file_reads_yaml_and_names_source(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(FORUM + "cap: -\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_file(path, RuleSet)
    assert str(path) in str(info.value)
    path.write_text(FORUM + "cap: 7\n", encoding="utf-8")
    rs = load_file(path, RuleSet)
    assert isinstance(rs, OpenForum)
    assert rs.cap == 7


def test_quoted_iso_date_is_accepted() -> None:
    comp = loads_composition("as_of: '2025-06-01'\n")
    assert comp.as_of is not None
    assert comp.as_of.isoformat() == "2025-06-01"


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("name", [p.name for p in body_presets()])
def test_preset_round_trips(name: str) -> None:
    rs = load_preset(name)
    assert loads(dump_yaml(rs), RuleSet) == rs
    assert loads(dump_json(rs), RuleSet) == rs


@pytest.mark.slow
@pytest.mark.parametrize("kind", KIND_NAMES)
def test_rule_sets_round_trip_through_yaml_and_json(kind: str) -> None:
    @given(rule_sets(kind=kind))  # type: ignore[arg-type]
    def run(rs: RuleSet) -> None:
        assert loads(dump_yaml(rs), RuleSet) == rs
        assert loads(dump_json(rs), RuleSet) == rs
        assert dump_yaml(rs).startswith("kind: ")  # the tag comes first

    run()


@pytest.mark.slow
@given(rule_sets(kind="formal_committee").flatmap(compositions_for))
def test_compositions_round_trip_through_yaml_and_json(comp: Composition) -> None:
    assert loads(dump_yaml(comp), Composition) == comp
    assert loads(dump_json(comp), Composition) == comp


@pytest.mark.slow
@given(rule_sets().flatmap(lambda rs: compositions_for(rs, vacancies=True)))
def test_compositions_of_any_kind_round_trip(comp: Composition) -> None:
    assert loads_composition(dump_yaml(comp)) == comp
    assert loads_composition(dump_json(comp)) == comp


def test_string_that_looks_like_yaml12_octal_round_trips() -> None:
    rs = FormalCommittee(name="0o17", area="Example area")
    assert loads(dump_yaml(rs), RuleSet) == rs


@pytest.mark.parametrize("dump", [dump_yaml, dump_json], ids=["yaml", "json"])
def test_string_with_next_line_character_round_trips(dump: object) -> None:
    assert callable(dump)
    rs = FormalCommittee(name="a\x85b", area="Example area")
    assert loads(dump(rs), RuleSet) == rs


@pytest.mark.parametrize("hours", [1e-09, 2.5e-05])
def test_float_in_exponent_form_round_trips_through_json(hours: float) -> None:
    # 1e16 was here too; it is past the yearly bound now (tests/test_bounds.py)
    rs = FormalCommittee(name="Example body", area="Example area", time_budget_hours_per_year=hours)
    assert loads(dump_json(rs), RuleSet) == rs


def test_a_rule_set_class_takes_only_its_own_kind() -> None:
    assert loads(FORUM, OpenForum).kind == "open_forum"
    with pytest.raises(LoadError) as info:
        loads(FORUM, FormalCommittee)
    (p,) = info.value.problems
    assert (p.path, p.code, p.params["kinds"]) == ("kind", "unknown-kind", ("formal_committee",))


def test_person_ref_loads_round_trips_and_is_optional() -> None:
    """Issue #13: a person may carry a pseudonymous ref; files without one still load,
    an empty or non-string ref is refused at its path."""
    seat = "seats: [{id: m1, kind: member, person: {role: volunteer%s}}]"
    assert loads_composition(seat % "").seats[0].person.ref is None  # type: ignore[union-attr]
    comp = loads_composition(seat % ", ref: member-17")
    assert comp.seats[0].person is not None
    assert comp.seats[0].person.ref == "member-17"
    assert loads_composition(dump_yaml(comp)) == comp
    assert loads_composition(dump_json(comp)) == comp
    assert "ref" not in dump_json(loads_composition(seat % ""))  # omitted when not given
    # like a seat's empty id, an empty ref is reported at the mapping that holds it
    assert problems(seat % ", ref: ' '", Composition) == [("seats[0].person", "invalid-value")]
    assert problems(seat % ", ref: 17", Composition) == [("seats[0].person.ref", "wrong-type")]
