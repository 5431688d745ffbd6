"""Findings point into the file (issue #16 point 5): ``file:line:column`` of the key or
item a finding's path names, 1-based; in JSON as ``location``; ``--format github``
annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarjestoyhteistyo.cli import _github, main
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.io.yamldoor import position_of, positions

DOCS = Path("docs/examples")
RULES, COMPOSITION = DOCS / "general-council.yaml", DOCS / "general-composition.yaml"

TEXT = """\
name: X
seats:
  - id: m1
    organisation: a
  - {id: m2, organisation: b}
odd.key: 1
"""


def test_positions_of_keys_and_items() -> None:
    where = positions(TEXT)
    assert where["$"] == (1, 1)
    assert where["name"] == (1, 1)
    assert where["seats"] == (2, 1)
    assert where["seats[0]"] == (3, 5)
    assert where["seats[0].organisation"] == (4, 5)
    assert where["seats[1]"] == (5, 5)
    assert where["seats[1].organisation"] == (5, 14)
    assert where["$['odd.key']"] == (6, 1)  # written as the converter writes it


def test_a_missing_key_points_at_its_nearest_written_ancestor() -> None:
    where = positions(TEXT)
    assert position_of(where, "seats[1].person.role") == (5, 5)
    assert position_of(where, "meetings.per_year") == (1, 1)  # the document


@pytest.mark.parametrize("text", ["a: [", b"\xff\xfe", ""])
def test_a_text_that_does_not_parse_has_no_positions(text: str | bytes) -> None:
    assert positions(text) in ({}, {"$": (1, 1)})


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_validate_text_starts_each_finding_with_its_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION)]) == 1
    lines = capsys.readouterr().out.splitlines()
    jy205 = next(line for line in lines if " JY205 " in line)
    line = _line_of(COMPOSITION, "id: d3")
    column = COMPOSITION.read_text().splitlines()[line - 1].index("organisation") + 1
    assert jy205.startswith(f"{COMPOSITION}:{line}:{column}: ERROR")
    assert lines[-2].startswith("NGO council, first composition: FAILED")  # the summary
    assert lines[-1].startswith("Rules: jarjestoyhteistyo rules GEN-")  # the rules cited
    assert all(line.startswith(f"{COMPOSITION}:") for line in lines[:-2])


def test_validate_json_has_each_findings_location(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    jy205 = next(f for f in findings if f["code"] == "JY205")
    assert jy205["location"]["file"] == str(COMPOSITION)
    assert jy205["location"]["line"] == _line_of(COMPOSITION, "id: d3")
    assert all("location" in f for f in findings)


def test_a_preset_has_no_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "vake"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WARNING JY111")


def test_github_annotations_escape_what_the_syntax_reads() -> None:
    finding = Finding(
        code="JY205",
        severity=Severity.WARNING,
        path="seats[3].organisation",
        rule="GEN-4",
        message_fi="x",
        message_sv="x",
        message_en="100% wrong,\nreally: yes",
    )
    text = _github(Report(findings=(finding,)), "a,b:c.yaml", lambda _f: (4, 2))
    assert text == (
        "::warning file=a%2Cb%3Ac.yaml,line=4,col=2,"
        "title=JY205 [GEN-4] seats[3].organisation::100%25 wrong,%0Areally: yes\n"
    )


def test_validate_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::error file={COMPOSITION},line=")
    assert {line.split(" ", 1)[0] for line in lines} == {"::error", "::warning"}
