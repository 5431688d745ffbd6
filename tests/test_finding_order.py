"""Findings in the order a reader looks for them (issue #16 point 5): errors first,
then by path with its numbers compared as numbers — ``seats[2]`` before
``seats[10]`` — then by code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.fictional.generate import generate
from jarjestoyhteistyo.findings import Finding, Report, Severity, natural_path


def _finding(path: str, code: str = "JY208", severity: Severity = Severity.WARNING) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        path=path,
        rule="FC-8",
        message_fi="x",
        message_sv="x",
        message_en="x",
    )


def test_seats_2_comes_before_seats_10() -> None:
    paths = ["seats[10]", "seats[2]", "seats[1].organisation", "seats[1]", "name"]
    report = Report(findings=tuple(_finding(p) for p in paths))
    assert [f.path for f in report] == [
        "name",
        "seats[1]",
        "seats[1].organisation",
        "seats[2]",
        "seats[10]",
    ]


def test_errors_still_come_first() -> None:
    report = Report(findings=(_finding("seats[1]"), _finding("seats[10]", "JY205", Severity.ERROR)))
    assert [f.path for f in report] == ["seats[10]", "seats[1]"]


def test_a_validated_composition_lists_its_seats_in_order() -> None:
    """Twelve seats without deputies: the text lists seats[0] … seats[11] in order."""
    rules = jy.load_preset("vake")
    comp = generate("vake", seed=3).composition
    members = [s for s in comp.seats if s.kind is jy.SeatKind.MEMBER]
    bare = jy.Composition(
        name="bare", as_of=comp.as_of, organisations=comp.organisations, seats=tuple(members)
    )
    report = jy.validate(rules, bare)
    indices = [
        int(f.path[len("seats[") : f.path.index("]")])
        for f in report
        if f.code == "JY208" and f.path.startswith("seats[")
    ]
    assert len(indices) > 10
    assert indices == sorted(indices)


@given(st.lists(st.text(alphabet="ab[].0123456789", max_size=12), max_size=8))
def test_the_key_is_a_total_order_that_keeps_numbers_apart_from_text(paths: list[str]) -> None:
    ordered = sorted(paths, key=natural_path)  # never a TypeError between int and str
    assert sorted(ordered, key=natural_path) == ordered
    assert sorted(paths) == sorted(ordered)  # nothing lost
