"""Findings point into the file (issue #16 point 5): ``file:line:column`` of the key or
item a finding's path names, 1-based; in JSON as ``location``; the id of the entry a
path is in beside its index (``seats[3] (d3).organisation``, in JSON as ``entry``); a
duplicate id named at its later entry; ``--format github`` annotations and ``--format
sarif`` logs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.cli import COMMANDS, main
from jarjestoyhteistyo.findings import Finding, Report, Severity, entries, shown_path
from jarjestoyhteistyo.io.yamldoor import position_of, positions
from jarjestoyhteistyo.render.annotations import github, sarif_log

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
    assert main(["check", "vake-forum"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("INFO    JY130")  # no file:line: a preset is not a file


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
    text = github(Report(findings=(finding,)), "a,b:c.yaml", lambda _f: (4, 2))
    assert text == (
        "::warning file=a%2Cb%3Ac.yaml,line=4,col=2,"
        "title=JY205 [GEN-4] seats[3].organisation::100%25 wrong,%0Areally: yes\n"
    )


def test_validate_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::error file={COMPOSITION},line=")
    assert {line.split(" ", 1)[0] for line in lines} == {"::error", "::warning"}


# ------------------------------------------------------------ the entry's id
def test_a_path_shows_the_ids_of_the_entries_it_passes_through() -> None:
    doc = {
        "processes": [{"id": "p1", "steps": [{"id": "s1"}, {"id": "s2", "who": ""}]}],
        "categories": [{"code": "pensioners"}],
        "registrations": [{"organisation": {"id": "org-7"}, "member": {"role": "volunteer"}}],
        "units": ["youth services"],
    }
    assert shown_path("processes[0].steps[1].who", doc) == "processes[0] (p1).steps[1] (s2).who"
    assert shown_path("categories[0].code", doc) == "categories[0] (pensioners).code"
    assert shown_path("registrations[0].member", doc) == "registrations[0] (org-7).member"
    assert shown_path("units[0]", doc) == "units[0]"  # a string has no id
    assert shown_path("seats[3].organisation", doc) == "seats[3].organisation"  # not there
    assert entries("processes[9]", doc) == ()
    assert entries("line 3", doc) == ()


def test_the_model_and_its_plain_data_show_the_same_ids() -> None:
    composition = jy.load_composition(COMPOSITION)
    data = yaml.safe_load(COMPOSITION.read_text())
    for path in ("seats[3].organisation", "organisations[1]", "seats[10].person.role"):
        assert shown_path(path, composition) == shown_path(path, data)
    assert shown_path("seats[3].organisation", composition) == "seats[3] (d3).organisation"


def test_validate_text_shows_the_seats_id_beside_its_index(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION)]) == 1
    jy205 = next(line for line in capsys.readouterr().out.splitlines() if " JY205 " in line)
    assert " seats[3] (d3).organisation: deputy d3 " in jy205


def test_validate_json_names_the_entry_of_each_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    jy205 = next(f for f in findings if f["code"] == "JY205")
    assert jy205["path"] == "seats[3].organisation"  # the path stays as it was
    assert jy205["entry"] == {"path": "seats[3]", "id": "d3"}
    assert all("entry" not in f for f in findings if f["path"] == "seats")


def test_check_of_a_preset_shows_the_ids_too(capsys: pytest.CaptureFixture[str]) -> None:
    rules = jy.load_preset("vake-forum")
    report = jy.check(rules)
    assert report.findings
    text = report.to_text(document=rules)
    assert main(["check", "vake-forum"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == text.splitlines()[0]


# ------------------------------------------------------------ duplicate ids
def _with_line_replaced(source: Path, needle: str, new: str, tmp_path: Path) -> tuple[Path, int]:
    lines = source.read_text().splitlines()
    line = next(i for i, text in enumerate(lines) if needle in text)
    lines[line] = lines[line].replace(needle, new)
    target = tmp_path / source.name
    target.write_text("\n".join(lines) + "\n")
    return target, line + 1


def test_a_duplicate_seat_id_points_at_the_later_seat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """seats[5] given the id of seats[1]: the finding is at seats[5].id, on its line,
    and names seats[1], the entry it repeats (issue #16 point 5)."""
    broken, line = _with_line_replaced(COMPOSITION, "{id: m5,", "{id: m2,", tmp_path)
    assert main(["validate", str(RULES), str(broken), "--format", "json"]) == 1
    [dup] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "JY219"]
    assert dup["path"] == "seats[5].id"
    assert dup["params"]["first"] == "seats[1]"
    assert dup["params"]["id"] == "m2"
    column = broken.read_text().splitlines()[line - 1].index("id: m2") + 1
    assert dup["location"] == {"file": str(broken), "line": line, "column": column}
    assert dup["entry"] == {"path": "seats[5]", "id": "m2"}
    assert "(first at seats[1])" in dup["message"]
    assert "seats[1]" in dup["message_fi"]
    assert "seats[1]" in dup["message_sv"]


def test_the_other_seat_with_the_id_keeps_its_own_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Findings about the two seats of one id each name their own seat, not the last."""
    broken, _line = _with_line_replaced(COMPOSITION, "{id: m5,", "{id: m2,", tmp_path)
    assert main(["validate", str(RULES), str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    missing = sorted(line for line in lines if " JY208 " in line and "member m2 " in line)
    assert len(missing) == 2
    assert " seats[1] (m2): " in missing[0]
    assert " seats[5] (m2): " in missing[1]


def test_a_duplicate_organisation_id_points_at_the_later_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken, line = _with_line_replaced(
        COMPOSITION, "{id: sobriety-assoc,", "{id: seniors,", tmp_path
    )
    assert main(["validate", str(RULES), str(broken)]) == 1
    [dup] = [x for x in capsys.readouterr().out.splitlines() if "is used again" in x]
    assert dup.startswith(f"{broken}:{line}:")
    assert " organisations[5] (seniors).id: organisation id 'seniors' " in dup
    assert dup.endswith("(first at organisations[2])")


def test_a_duplicate_seat_group_of_a_rule_set_points_at_the_later_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "{id: children-families," in RULES.read_text()  # seat_groups[0]
    broken, line = _with_line_replaced(RULES, "{id: youth,", "{id: children-families,", tmp_path)
    assert main(["check", str(broken), "--format", "json"]) == 1
    [dup] = [f for f in json.loads(capsys.readouterr().out)["findings"] if "first" in f["params"]]
    assert (dup["code"], dup["path"], dup["params"]["first"]) == (
        "JY119",
        "seat_groups[1].id",
        "seat_groups[0]",
    )
    assert dup["location"]["line"] == line


# ------------------------------------------------------------ SARIF
SARIF_LEVELS = {"none", "note", "warning", "error"}


def _check_sarif(log: dict[str, object]) -> None:
    """The essentials of the SARIF 2.1.0 schema, with the standard library only."""
    assert log["version"] == "2.1.0"
    assert str(log["$schema"]).endswith("sarif-2.1.0.json")
    runs = log["runs"]
    assert isinstance(runs, list)
    assert len(runs) == 1
    run = runs[0]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str)
    assert driver["name"]
    assert isinstance(driver["version"], str)
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert set(rule) <= {
            "id", "shortDescription", "help", "helpUri", "defaultConfiguration", "properties"
        }  # fmt: skip
        assert isinstance(rule.get("shortDescription", {"text": ""})["text"], str)
        assert rule.get("defaultConfiguration", {"level": "none"})["level"] in SARIF_LEVELS
    assert run["columnKind"] in {"utf16CodeUnits", "unicodeCodePoints"}
    for result in run["results"]:
        assert result["ruleId"] in ids
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in SARIF_LEVELS
        assert isinstance(result["message"]["text"], str)
        assert result["message"]["text"]
        for location in result["locations"]:
            physical = location.get("physicalLocation")
            if physical is not None:
                assert isinstance(physical["artifactLocation"]["uri"], str)
                region = physical["region"]
                assert region["startLine"] >= 1
                assert region["startColumn"] >= 1


@pytest.mark.parametrize("command", ["check", "validate"])
def test_sarif_is_a_format_of_check_and_validate(command: str) -> None:
    assert "sarif" in COMMANDS[command].formats


def test_validate_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(RULES), str(COMPOSITION), "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    _check_sarif(log)
    [run] = log["runs"]
    assert run["tool"]["driver"]["version"] == jy.__version__
    results = run["results"]
    report = jy.validate(jy.load_ruleset(RULES), jy.load_composition(COMPOSITION))
    assert [r["ruleId"] for r in results] == [f.code for f in report]
    assert {r["level"] for r in results} == {"error", "warning"}
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted(report.codes)
    jy205 = next(r for r in results if r["ruleId"] == "JY205")
    [location] = jy205["locations"]
    line = _line_of(COMPOSITION, "id: d3")
    column = COMPOSITION.read_text().splitlines()[line - 1].index("organisation") + 1
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": COMPOSITION.as_posix()},
        "region": {"startLine": line, "startColumn": column},
    }
    assert location["logicalLocations"] == [{"fullyQualifiedName": "seats[3].organisation"}]
    assert jy205["message"]["text"].startswith("seats[3] (d3).organisation: deputy d3 ")
    assert jy205["properties"]["entry"] == {"path": "seats[3]", "id": "d3"}


def test_sarif_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["validate", str(RULES), str(COMPOSITION), "--format", "sarif", "--lang", "fi"]
    assert main(argv) == 1
    out = capsys.readouterr().out
    log = json.loads(out)
    jy205 = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "JY205")
    assert "varajäsen d3" in jy205["message"]["text"]


def test_sarif_of_a_preset_has_no_physical_location(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "vake-forum", "--format", "sarif"]) == 0
    log = json.loads(capsys.readouterr().out)
    _check_sarif(log)
    results = log["runs"][0]["results"]
    assert results
    assert all("physicalLocation" not in r["locations"][0] for r in results)
    assert {r["level"] for r in results} <= {"warning", "note"}


def test_sarif_levels_and_uris() -> None:
    def one(severity: Severity) -> Finding:
        return Finding(
            code="JY999",
            severity=severity,
            path="seats[0]",
            rule="GEN-4",
            message_fi="x",
            message_sv="x",
            message_en="x",
        )

    report = Report(findings=tuple(one(s) for s in Severity))
    log = sarif_log(report, "a dir/c.yaml", lambda _f: (2, 3), version="9")
    _check_sarif(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert run["tool"]["driver"]["rules"] == [{"id": "JY999"}]  # not in the catalogue
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%20dir/c.yaml"
    absolute = sarif_log(report, "/tmp/c.yaml", lambda _f: (1, 1), version="9")
    physical = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "file:///tmp/c.yaml"
