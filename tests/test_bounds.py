"""Issue #19, points 1 and 8: every number, date and count of every document is bounded
in the converter (model.bounds is the one table; the JSON Schemas state the same), the
JSON writer never writes NaN or Infinity, YAML merge keys take overrides, and a load
with 100,000 problems reports at most MAX_PROBLEMS of them, quickly, and says how many
more there were."""

from __future__ import annotations

import json
import math
import re
import time
import tracemalloc
import types
import typing
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from jarjestoyhteistyo import check, load_preset
from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.io.converter import capped, structure
from jarjestoyhteistyo.io.schema import json_schema
from jarjestoyhteistyo.io.serialize import DOCUMENTS, dump_json, loads
from jarjestoyhteistyo.io.yamldoor import read_yaml
from jarjestoyhteistyo.model.bounds import (
    FIELDS,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_HOURS_PER_MEETING,
    MAX_MAGNITUDE,
    MAX_MEETINGS_PER_YEAR,
    MAX_PROBLEMS,
    bound_of,
)
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.rulesets import FormalCommittee, MeetingPolicy
from jarjestoyhteistyo.presets import list_presets, load_cooperation_preset, preset_text

RULES = """\
kind: formal_committee
name: Example committee
area: Example area
meetings:
  per_year: {min: 4, max: 6}
  hours: 2
"""


def _problems(text: str, what: Any = "ruleset") -> list[Problem]:
    with pytest.raises(LoadError) as info:
        loads(text, what)
    return list(info.value.problems)


def _one(text: str, what: Any = "ruleset") -> Problem:
    (p,) = _problems(text, what)
    return p


# ----------------------------------------------------------------- the reproducers
@pytest.mark.parametrize("value", [".nan", ".NaN", "1e999", "-1e999", ".inf", "-.inf"])
def test_hours_nan_or_infinite_is_refused_at_load_with_its_path(value: str) -> None:
    p = _one(RULES.replace("hours: 2", f"hours: {value}"))
    assert p.path == "meetings.hours"
    assert p.code == "out-of-range"
    assert "expected a finite number" in p.message


def test_nan_in_json_text_is_refused_too() -> None:
    # Python's json reads NaN; the door reads JSON as YAML, where NaN is a string
    problems = _problems(
        '{"kind": "formal_committee", "name": "x", "area": "y", "meetings": {"hours": NaN}}'
    )
    assert [p.path for p in problems] == ["meetings.hours"]


def test_composition_as_of_9999_is_refused() -> None:
    p = _one("as_of: 9999-12-31\norganisations: []\nseats: []\n", Composition)
    assert p.path == "as_of"
    assert p.code == "out-of-range"
    assert p.message == (
        "9999-12-31 is outside the years 1900–2200 (the years the library computes in)"
    )


@pytest.mark.parametrize("text", ["1899-12-31", "2201-01-01", "0001-01-01"])
def test_dates_outside_the_years_are_refused_also_as_iso_strings(text: str) -> None:
    for written in (text, f'"{text}"'):
        p = _one(f"as_of: {written}\norganisations: []\nseats: []\n", Composition)
        assert (p.path, p.code) == ("as_of", "out-of-range")


def test_dates_at_the_edges_of_the_years_load() -> None:
    for day in (date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)):
        c = loads(f"as_of: {day}\norganisations: []\nseats: []\n", Composition)
        assert c.as_of == day


def test_a_datetime_is_still_refused_as_a_date() -> None:
    with pytest.raises(LoadError) as info:
        structure(
            {"as_of": datetime(2025, 1, 1, 12), "organisations": [], "seats": []}, Composition
        )
    assert info.value.problems[0].code == "wrong-type"


def test_an_enormous_meetings_per_year_is_refused_with_its_reason() -> None:
    p = _one(RULES.replace("max: 6", "max: 100000"))
    assert str(p) == "meetings.per_year.max: 100000 is more than 366 (at most one meeting a day)"
    assert p.params == {
        "value": 100000,
        "min": -MAX_MEETINGS_PER_YEAR,
        "max": MAX_MEETINGS_PER_YEAR,
        "reason": "at most one meeting a day",
    }


def test_each_bound_is_held_at_its_path() -> None:
    text = RULES + "term:\n  mode: fixed\n  months: 24\n  first_term_months: [12, 99999]\n"
    text += "time_budget_hours_per_year: 9000\n"
    text = text.replace("hours: 2", "hours: 25\n  network_meetings_per_year: 400")
    problems = {p.path: p.message for p in _problems(text)}
    assert problems == {
        "meetings.hours": "25 is more than 24 (a meeting lasts at most a day)",
        "meetings.network_meetings_per_year": "400 is more than 366 (at most one meeting a day)",
        "term.first_term_months[1]": "99999 is more than 2400 (at most the longest horizon)",
        "time_budget_hours_per_year": "9000 is more than 8784 (the hours in a leap year)",
    }


def test_a_roadmap_year_outside_the_years_is_refused() -> None:
    p = _one("roadmap:\n  id: r\n  title: t\n  first_year: 1000\n  last_year: 2030\n", "roadmap")
    assert p.path == "roadmap.first_year"
    assert p.message == "1000 is less than 1900 (the years the library computes in)"


def test_a_huge_whole_number_is_refused_without_printing_its_digits() -> None:
    with pytest.raises(LoadError) as info:
        structure({"per_year": {"min": 10**5000}}, MeetingPolicy)
    (p,) = info.value.problems
    assert p.path == "per_year.min"
    assert "about 5001 digits" in p.message
    assert len(p.message) < 200


def test_a_number_past_the_magnitude_of_any_number_is_refused() -> None:
    with pytest.raises(LoadError) as info:
        structure({"per_year": {"min": 4}, "hours": 1e16}, MeetingPolicy)
    assert [p.path for p in info.value.problems] == ["hours"]
    assert str(MAX_MAGNITUDE).startswith("10000000")


def test_values_at_the_bounds_load() -> None:
    text = RULES.replace("max: 6", f"max: {MAX_MEETINGS_PER_YEAR}")
    text = text.replace("hours: 2", f"hours: {MAX_HOURS_PER_MEETING}")
    rs = loads(text, "ruleset")
    assert rs.meetings.per_year is not None
    assert rs.meetings.per_year.max == MAX_MEETINGS_PER_YEAR


# ---------------------------------------------- negatives stay the rules' findings
def test_negative_range_and_hours_still_load_and_are_findings() -> None:
    text = RULES.replace("min: 4", "min: -1").replace("hours: 2", "hours: -1")
    rs = loads(text, "ruleset")
    codes = {f.code for f in check(rs).findings}
    assert {"JY101", "JY104"} <= codes


# ------------------------------------------------------------- one table, complete
def _number_fields() -> set[tuple[type, str]]:
    """Every (class, field) holding a number, reachable from the DOCUMENTS table."""
    seen: set[type] = set()
    out: set[tuple[type, str]] = set()

    def numeric(t: Any) -> bool:
        args = [a for a in typing.get_args(t) if a is not Ellipsis] or [t]
        return any(a in (int, float) for a in args)

    def walk(t: Any) -> None:
        origin = typing.get_origin(t)
        if isinstance(t, types.UnionType) or origin in (typing.Union, tuple, frozenset, dict):
            for a in typing.get_args(t):
                if a is not Ellipsis:
                    walk(a)
            return
        if not (isinstance(t, type) and attrs.has(t)) or t in seen:
            return
        seen.add(t)
        hints = typing.get_type_hints(t)
        for a in attrs.fields(t):
            if numeric(hints[a.name]):
                out.add((t, a.name))
            walk(hints[a.name])

    for doc in DOCUMENTS.values():
        walk(doc.cls)
    return out


def test_every_number_field_of_every_document_has_a_bound() -> None:
    fields = _number_fields()
    assert len(fields) > 40
    missing = sorted(f"{c.__name__}.{f}" for c, f in fields if bound_of(c, f) is None)
    assert missing == [], "declare these in model.bounds.FIELDS"


def test_every_entry_of_the_table_names_a_field() -> None:
    from jarjestoyhteistyo.model import rulesets

    for key in FIELDS:
        cls_name, field = key.split(".")
        holders = [c for c, _ in _number_fields() if cls_name in {b.__name__ for b in c.__mro__}]
        holders += [getattr(rulesets, cls_name)] if hasattr(rulesets, cls_name) else []
        assert any(field in attrs.fields_dict(c) for c in holders), key
    assert max(b.high for b in FIELDS.values()) <= MAX_MAGNITUDE


# ------------------------------------------------------- the schemas say the same
def _schema_property(cls: type, field: str) -> dict[str, Any]:
    for name in DOCUMENTS:
        defs = json_schema(name)["$defs"]
        if cls.__name__ in defs:
            prop: dict[str, Any] = defs[cls.__name__]["properties"][field]
            return prop
        schema = json_schema(name)
        for shape in schema.get("oneOf", [schema]):
            if field in shape["properties"] and getattr(cls, "kind", name) in (
                shape["properties"].get("kind", {}).get("const"),
                name,
            ):
                prop = shape["properties"][field]
                return prop
    raise AssertionError(f"{cls.__name__}.{field} not in any schema")


def _numbers_in(schema: Any) -> list[dict[str, Any]]:
    if isinstance(schema, dict):
        if schema.get("type") in ("integer", "number"):
            return [schema]
        return [n for v in schema.values() for n in _numbers_in(v)]
    if isinstance(schema, list):
        return [n for v in schema for n in _numbers_in(v)]
    return []


def test_the_schemas_state_every_bound() -> None:
    for cls, field in sorted(_number_fields(), key=lambda cf: (cf[0].__name__, cf[1])):
        bound = bound_of(cls, field)
        assert bound is not None
        numbers = _numbers_in(_schema_property(cls, field))
        assert numbers, (cls, field)
        for n in numbers:
            assert (n["minimum"], n["maximum"]) == (bound.low, bound.high), (cls, field)


def test_every_number_and_date_in_every_schema_is_bounded() -> None:
    for name in DOCUMENTS:
        text = json.dumps(json_schema(name))
        for n in _numbers_in(json.loads(text)):
            assert -MAX_MAGNITUDE <= n["minimum"] <= n["maximum"] <= MAX_MAGNITUDE
        for found in re.finditer(r'"format": "date"', text):
            assert '"pattern"' in text[found.start() - 200 : found.end() + 200]


def test_the_date_pattern_of_the_schemas_is_the_years() -> None:
    pattern = json_schema("composition")["properties"]["as_of"]["anyOf"][0]["pattern"]
    ok = ["1900-01-01", "2025-06-30", "2199-12-31", "2200-12-31"]
    bad = ["1899-12-31", "2201-01-01", "9999-12-31", "0001-01-01"]
    assert all(re.match(pattern, d) for d in ok)
    assert not any(re.match(pattern, d) for d in bad)


# ----------------------------------------------------- JSON never NaN or Infinity
def _refuse(constant: str) -> Any:
    raise AssertionError(f"JSON holds {constant}")


@pytest.mark.parametrize("name", [p.name for p in list_presets()])
def test_every_preset_dumps_to_strict_json(name: str) -> None:
    info = next(p for p in list_presets() if p.name == name)
    model = load_cooperation_preset(name) if info.kind == "cooperation_model" else load_preset(name)
    data = json.loads(dump_json(model), parse_constant=_refuse)
    assert data
    assert preset_text(name)


def test_the_json_writer_refuses_nan_as_a_last_guard() -> None:
    rs = FormalCommittee(name="x", area="y", meetings=MeetingPolicy(hours=math.nan))
    with pytest.raises(InvalidValueError, match="NaN or infinity"):
        dump_json(rs)
    rs = FormalCommittee(name="x", area="y", time_budget_hours_per_year=math.inf)
    with pytest.raises(InvalidValueError):
        dump_json(rs)


# ------------------------------------------------------------------ merge keys
def test_a_merge_key_with_an_override_loads_the_override() -> None:
    text = "base: &m {hours: 2, preparation_hours: 1}\nmeetings:\n  <<: *m\n  hours: 3\n"
    assert read_yaml(text)["meetings"] == {"hours": 3, "preparation_hours": 1}
    assert read_yaml(text, pure_python=True)["meetings"] == {"hours": 3, "preparation_hours": 1}


def test_a_merge_key_into_a_rule_set_loads() -> None:
    text = RULES.replace("  hours: 2\n", "  <<: {hours: 2, preparation_hours: 5}\n  hours: 3\n")
    rs = loads(text, "ruleset")
    assert (rs.meetings.hours, rs.meetings.preparation_hours) == (3, 5)


def test_of_several_merged_mappings_the_first_wins() -> None:
    text = "a: &a {k: 1}\nb: &b {k: 2, j: 2}\nc:\n  <<: [*a, *b]\n"
    assert read_yaml(text)["c"] == {"k": 1, "j": 2}


def test_a_real_duplicate_key_beside_a_merge_key_is_still_refused() -> None:
    with pytest.raises(LoadError) as info:
        read_yaml("x:\n  <<: {h: 1}\n  h: 2\n  h: 3\n")
    (p,) = info.value.problems
    assert p.code == "duplicate-key"


# ------------------------------------------------------------ errors at scale
def _wrong_seats(n: int) -> dict[str, Any]:
    return {"organisations": [], "seats": [5] * n}


def test_100000_wrong_seats_report_the_cap_and_how_many_more() -> None:
    started = time.perf_counter()
    with pytest.raises(LoadError) as info:
        structure(_wrong_seats(100_000), Composition)
    elapsed = time.perf_counter() - started
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert {p.path for p in problems[:-1]} == {f"seats[{i}]" for i in range(MAX_PROBLEMS)}
    assert all(p.code == "wrong-type" for p in problems[:-1])
    last = problems[-1]
    assert last.code == "more-problems"
    assert last.params["count"] == 100_000 - MAX_PROBLEMS
    assert last.message == "… and at least 99,900 more problems"
    assert elapsed < 10, "a sanity bound only; benchmarks/bench_errors.py measures it"


def test_errors_at_scale_keep_memory_bounded() -> None:
    data = _wrong_seats(100_000)
    tracemalloc.start()
    try:
        with pytest.raises(LoadError):
            structure(data, Composition)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # was ~0.5 GB: an exception group per seat


def test_problems_of_the_kept_entries_past_the_cap_are_counted_exactly() -> None:
    # 60 seats with three problems each: every one walked, 180 problems, 80 past the cap
    seat = {"id": 5, "kind": "nope", "order": "x"}
    with pytest.raises(LoadError) as info:
        structure({"organisations": [], "seats": [seat] * 60}, Composition)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].params == {"count": 80, "at_least": False, "shown": MAX_PROBLEMS}
    assert problems[-1].message == "… and 80 more problems"


def test_entries_past_the_cap_count_once_each() -> None:
    seat = {"id": 5, "kind": "nope", "order": "x"}
    with pytest.raises(LoadError) as info:
        structure({"organisations": [], "seats": [seat] * 102}, Composition)
    last = info.value.problems[-1]
    # 100 entries kept (300 problems, 200 past the cap) + 2 entries counted once each
    assert last.params == {"count": 202, "at_least": True, "shown": MAX_PROBLEMS}


def test_the_cap_through_the_loader_keeps_the_more_problem_last() -> None:
    text = "kind: composition\norganisations: []\nseats:\n" + "- 5\n" * 150
    problems = _problems(text, "composition")
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].code == "more-problems"
    assert problems[-1].params["count"] == 50


def test_capped_leaves_a_short_list_alone() -> None:
    ps = [Problem(path="b", code="x", message="m"), Problem(path="a", code="x", message="m")]
    assert [p.path for p in capped(ps)] == ["a", "b"]


def test_the_cli_reports_the_cap(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from jarjestoyhteistyo.cli import main

    path = tmp_path / "comp.yaml"
    path.write_text("organisations: []\nseats:\n" + "- 5\n" * 1000, encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    code = main(["validate", str(rules), str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "$: … and at least 900 more problems" in err
    assert err.count("expected a mapping") == MAX_PROBLEMS


def test_bound_reasons_are_stated() -> None:
    for key, bound in FIELDS.items():
        assert bound.reason, key
        assert bound.low <= bound.high, key


def _refuse_constant(name: str) -> Any:
    raise AssertionError(f"not strict JSON: {name}")


@pytest.mark.parametrize("value", [".nan", "1e999"])
def test_show_json_refuses_a_file_with_nan_or_infinity(
    value: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import main

    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES.replace("hours: 2", f"hours: {value}"), encoding="utf-8")
    code = main(["show", str(rules), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    # stdout holds no rule set with NaN in it, only the strict JSON error object
    error = json.loads(captured.out, parse_constant=_refuse_constant)["error"]
    assert [p["path"] for p in error["problems"]] == ["meetings.hours"]
    assert "meetings.hours: expected a finite number" in captured.err


@pytest.mark.parametrize("name", [p.name for p in list_presets()])
def test_show_json_of_every_preset_is_strict_json(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import main

    assert main(["show", name, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out, parse_constant=_refuse)
