"""Issue #15 points 3, 5, 6: history-backed term limits, ``succession``, ``term-limits``
and ``validate --history`` on the command line (pseudonymous refs only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jarjestoyhteistyo.calc.terms import check_proposal
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.io.serialize import loads
from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat, SeatKind
from jarjestoyhteistyo.model.history import Tenure
from jarjestoyhteistyo.model.rulesets import TermPolicy
from jarjestoyhteistyo.rules.validation import validate
from jarjestoyhteistyo.selection.succession import loads_history, served_before, term_limits

RULES = """\
kind: general
name: Example
area: Example area
term: {mode: fixed, months: 12, max_consecutive_person: 2, max_consecutive_organisation: 2}
seat_groups:
  - {id: g, source: open, seats: {max: 2}}
"""
ORGS = "[{id: o1}, {id: o2}, {id: o3}]"
HISTORY = f"""\
initial:
  as_of: 2024-01-01
  organisations: {ORGS}
  seats:
  - {{id: m1, kind: member, group: g, organisation: o1, person: {{role: volunteer, ref: p1}}}}
  - {{id: m2, kind: member, group: g, organisation: o2, person: {{role: volunteer, ref: p2}}}}
events:
  - {{date: 2025-01-01, kind: replace, seat: m2, organisation: o3,
     person: {{role: volunteer, ref: p3}}}}
"""


def _proposal(m1: tuple[str, str], m2: tuple[str, str], as_of: str = "2026-01-01") -> str:
    return f"""\
as_of: {as_of}
organisations: {ORGS}
seats:
  - {{id: m1, kind: member, group: g, organisation: {m1[0]},
      person: {{role: volunteer, ref: {m1[1]}}}}}
  - {{id: m2, kind: member, group: g, organisation: {m2[0]},
      person: {{role: volunteer, ref: {m2[1]}}}}}
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    out = {}
    for name, text in {
        "rules": RULES,
        "history": HISTORY,
        "initial": _proposal(("o1", "p1"), ("o2", "p2"), as_of="2024-01-01"),
        "over": _proposal(("o1", "p1"), ("o2", "p2")),  # p1/o1 third term; p2/o2 had a gap
        "fresh": _proposal(("o2", "p2"), ("o3", "p9")),
        "early": _proposal(("o2", "p2"), ("o3", "p9"), as_of="2024-06-01"),
        "nolimits": RULES.replace(
            ", max_consecutive_person: 2, max_consecutive_organisation: 2", ""
        ),
    }.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        out[name] = str(path)
    return out


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_term_limits_history_within_the_limit(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(
        ["term-limits", files["rules"], files["history"], "--until", "2025-12-31"], capsys
    )
    assert code == 0
    assert "OK" in out


def _limits_until_2026(files: dict[str, str], capsys) -> tuple[int, list[dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """``term-limits`` over the history until the end of 2026, as JSON findings."""
    argv = ["term-limits", files["rules"], files["history"], "--until", "2026-12-31"]
    code, out, _ = _run([*argv, "--format", "json"], capsys)
    return code, json.loads(out)["findings"]


def test_term_limits_person_over_the_limit_JY301(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    code, found = _limits_until_2026(files, capsys)
    assert code == 1
    assert {(f["code"], f["params"].get("person_ref")) for f in found if f["code"] == "JY301"} == {
        ("JY301", "p1")
    }


def test_term_limits_organisation_over_the_limit_JY302(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    code, found = _limits_until_2026(files, capsys)
    assert code == 1
    assert {f["params"]["organisation"] for f in found if f["code"] == "JY302"} == {"o1"}


def test_a_gap_resets_the_count(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    """p2 and o2 sat in 2024, not in 2025: back in 2026 they start again at one term."""
    code, out, _ = _run(
        [
            "validate",
            files["rules"],
            files["over"],
            "--history",
            files["history"],
            "--format",
            "json",
        ],
        capsys,
    )
    found = json.loads(out)["findings"]
    assert code == 1
    assert {(f["code"], f["path"]) for f in found} == {("JY301", "seats[0]"), ("JY302", "seats[0]")}


def test_the_proposal_pushes_someone_over(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(
        [
            "term-limits",
            files["rules"],
            files["history"],
            "--composition",
            files["over"],
            "--format",
            "json",
        ],
        capsys,
    )
    assert code == 1
    found = json.loads(out)["findings"]
    assert {f["code"] for f in found} == {"JY301", "JY302"}
    # the findings point into the proposal's file, its seat named by id (issue #16 point 5)
    assert {f["location"]["file"] for f in found} == {files["over"]}
    assert all(f["location"]["line"] >= 1 for f in found)
    assert {f["entry"]["id"] for f in found} == {"m1"}


def test_clean_proposal_has_no_findings(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (
        ["validate", files["rules"], files["fresh"], "--history", files["history"]],
        ["term-limits", files["rules"], files["history"], "--composition", files["fresh"]],
    ):
        code, out, _ = _run(argv, capsys)
        assert code == 0, out


def test_no_limits_no_findings(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (
        ["validate", files["nolimits"], files["over"], "--history", files["history"]],
        ["term-limits", files["nolimits"], files["history"], "--composition", files["over"]],
    ):
        code, out, _ = _run(argv, capsys)
        assert code == 0, out


def test_proposal_inside_the_history_is_unusable(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(
        ["validate", files["rules"], files["early"], "--history", files["history"]], capsys
    )
    assert code == 2
    assert "not after the history's last date" in err


def test_history_without_initial_is_unusable(files: dict[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bare = tmp_path / "bare.yaml"
    bare.write_text("events: []\n", encoding="utf-8")
    code, _, err = _run(["term-limits", files["rules"], str(bare)], capsys)
    assert code == 2
    assert "initial" in err


def test_succession_on_a_date(files: dict[str, str], capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["succession", files["rules"], files["initial"], files["history"]]
    code, out, _ = _run([*base, "--at", "2025-06-01"], capsys)
    assert code == 0
    assert "m2: o3 / p3" in out
    assert "m1: o1 / p1" in out
    code, out, _ = _run([*base, "--at", "2024-06-01", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["composition"]["seats"][1]["organisation"] == "o2"
    code, out, _ = _run([*base, "--at", "2025-06-01", "--format", "yaml"], capsys)
    assert code == 0
    assert "as_of: 2025-06-01" in out


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "-1",
        "99999999999999999999",
        "9999-12-31",
        "1899-12-31",
        "2201-01-01",
        "2025-13-01",
        "2025-02-30",
        "tomorrow",
        "",
    ],
)
def test_dates_are_bounded(files: dict[str, str], value: str, capsys) -> None:  # type: ignore[no-untyped-def]
    for argv in (
        ["succession", files["rules"], files["initial"], files["history"], "--at", value],
        ["term-limits", files["rules"], files["history"], "--until", value],
    ):
        code, _, err = _run(argv, capsys)
        assert code == 2
        assert "error: argument" in err


def test_python_api_matches() -> None:
    rules = loads(RULES, "ruleset")
    history = loads_history(HISTORY)
    proposal = loads(_proposal(("o1", "p1"), ("o3", "p3")), "composition")
    served = served_before(rules, history, proposal)
    report = validate(rules, proposal, history=served)
    assert {(f.code, f.path) for f in report} == {("JY301", "seats[0]"), ("JY302", "seats[0]")}
    assert term_limits(rules, history, proposal=proposal).codes == report.codes
    assert validate(rules, proposal).ok  # no history, no limits read


def test_check_proposal_ignores_past_runs() -> None:
    """A run that ended before the proposal is not the proposal's doing."""
    old = tuple(
        Tenure(
            seat="m1",
            organisation="o1",
            person_ref="p1",
            start=__import__("datetime").date(2020 + k, 1, 1),
            end=__import__("datetime").date(2020 + k, 12, 31),
        )
        for k in range(3)
    )
    proposal = Composition(
        as_of=__import__("datetime").date(2025, 1, 1),
        seats=(
            Seat(
                id="m1",
                kind=SeatKind.MEMBER,
                group="g",
                organisation="o2",
                person=Person(role=Role.VOLUNTEER, ref="p2"),
            ),
        ),
    )
    assert check_proposal(old, proposal, TermPolicy(months=12, max_consecutive_person=1)) == ()
