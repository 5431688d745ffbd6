"""The command line: exit codes 0/1/2, JSON schema, and no traceback for bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.cli import COMMANDS, _parser, main
from jarjestoyhteistyo.fictional.generate import breakable
from jarjestoyhteistyo.model.seats import NGO_SOURCES
from jarjestoyhteistyo.presets import body_presets, load_preset

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PRESETS = tuple(p.name for p in body_presets())  # every body preset of the registry
#: The presets NGOs register for, with WS-1 to break: a statutory influence body (its
#: members come from the municipalities' own bodies, HVL 32 §) has neither.
REGISTERING = tuple(
    p
    for p in PRESETS
    if any(g.source in NGO_SOURCES for g in load_preset(p).as_general().seat_groups)
    and "JY221" in breakable(p)
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("preset", PRESETS)
def test_check_and_validate_presets_pass(capsys: pytest.CaptureFixture[str], preset: str) -> None:
    assert run(capsys, "check", preset)[0] == 0
    code, out, _ = run(
        capsys, "validate", preset, str(EXAMPLES / f"{preset}.yaml"), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["ok"] is True


def test_validate_errors_exit_1_with_json_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """FC-9: a deputy from a member's organisation → an error finding → exit 1."""
    text = (EXAMPLES / "vantaa-kerava-formal.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "- id: child-family-d1\n  kind: deputy\n  group: child-family\n  organisation: org-02",
        "- id: child-family-d1\n  kind: deputy\n  group: child-family\n  organisation: org-01",
    )
    assert broken != text
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    code, out, _ = run(capsys, "validate", "vake", str(path), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["ok"] is False
    assert {"code", "severity", "path", "message", "rule"} <= set(data["findings"][0])
    assert any(f["code"] == "JY205" and f["rule"] == "FC-9" for f in data["findings"])


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "kind: formal_committee\nname: x\narea: y\nmembers_per_categroy: 2\n",
            "did you mean 'members_per_category'",
        ),
        ("kind: formal_comittee\nname: x\n", "did you mean 'formal_committee'"),
        (
            "kind: open_forum\nname: x\narea: y\nmeetings: {per_year: {min: four}}\n",
            "meetings.per_year.min",
        ),
        ("a: [\n", "not valid YAML"),
        ("a: 1\na: 2\n", "duplicate key"),
        ("1: 2\n", "missing 'kind'"),
        ("kind: cooperation_modle\nname: x\narea: y\n", "did you mean 'cooperation_model'"),
        ("kind: general\nname: x\narea: y\nnull: 3\n2024-01-01: 4\n", "unknown key 'None'"),
    ],
)
def test_unusable_rules_exit_2_with_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, needle: str
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert needle in err
    assert "Traceback" not in err + out


def test_missing_file_and_unknown_preset_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "no-such-file.yaml")[0] == 2
    code, _, err = run(capsys, "check", "vake-formall")
    assert code == 2
    assert "did you mean" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bogus")[0] == 2
    assert run(capsys, "terms", "--date", "2026-02-30")[0] == 2
    assert run(capsys, "terms", "--date", "2019-01-01")[0] == 2  # before the first term
    assert run(capsys, "--help")[0] == 0


def test_terms_rotation_calendar(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "terms", "--date", "2026-01-15", "--format", "json")
    assert code == 0
    assert json.loads(out)["terms"][0]["start"] == "2025-06-01"
    code, out, _ = run(
        capsys,
        "rotation",
        "ku",
        str(EXAMPLES / "keski-uusimaa.yaml"),
        "--start",
        "2025-06-01",
        "--years",
        "4",
        "--format",
        "json",
    )
    plan = json.loads(out)
    assert code == 0
    assert plan["cohorts"] == 2  # KU-5: staggered first term
    ics = tmp_path / "meetings.ics"
    code, out, _ = run(
        capsys, "calendar", "vake", "--year", "2026", "--ics", str(ics), "--format", "json"
    )
    assert code == 0
    assert len(json.loads(out)["meetings"]) == ics.read_text(encoding="utf-8").count("BEGIN:VEVENT")


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_junk_input_never_tracebacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, blob: bytes
) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(blob)
    for argv in (("check", str(path)), ("validate", "vake", str(path))):
        code, out, err = run(capsys, *argv)
        assert code in (0, 1, 2)
        assert "Traceback" not in out + err


def test_roadmap_check_and_evaluate(capsys: pytest.CaptureFixture[str]) -> None:
    """RM-5, RM-6: the Vantaa–Kerava evaluation as of 27 May 2024 shows the carried items."""
    from importlib import resources

    path = resources.files("jarjestoyhteistyo") / "presets" / "roadmaps" / "vantaa-kerava.yaml"
    assert run(capsys, "roadmap", "check", str(path))[0] == 0
    code, out, _ = run(
        capsys, "roadmap", "evaluate", str(path), "--as-of", "2024-05-27", "--format", "json"
    )
    data = json.loads(out)
    assert code in (0, 1)
    assert data["carried_over"], "items carried over from 2023 must be shown"
    code, out, _ = run(
        capsys, "roadmap", "evaluate", str(path), "--as-of", "2024-05-27", "--format", "markdown"
    )
    assert out.lstrip().startswith("#")


def test_a_rules_file_is_parsed_once_and_its_kind_tells_what_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cooperation-model file and a rule-set file both work as RULES, read once each."""
    from jarjestoyhteistyo.io import serialize
    from jarjestoyhteistyo.presets import preset_text

    reads: list[object] = []
    original = serialize.read_yaml
    monkeypatch.setattr(
        serialize, "read_yaml", lambda *a, **k: reads.append(a) or original(*a, **k)
    )
    for preset, kind in (("jarvenpaa", "cooperation_model"), ("keski-uusimaa", "theme_")):
        path = tmp_path / f"{preset}.yaml"
        path.write_text(preset_text(preset), encoding="utf-8")
        reads.clear()
        code, out, _ = run(capsys, "show", str(path), "--format", "json")
        assert code == 0
        assert json.loads(out)["kind"].startswith(kind)
        assert len(reads) == 1


def test_cooperation_model_and_ecosystem_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """JP-1 … JP-7 from the command line; body-only commands refuse a city model."""
    assert run(capsys, "check", "jarvenpaa")[0] == 0
    code, _, err = run(capsys, "validate", "jarvenpaa", str(EXAMPLES / "keski-uusimaa.yaml"))
    assert code == 2
    assert "cooperation model" in err
    code, out, err = run(
        capsys,
        "ecosystem",
        str(EXAMPLES / "jarvenpaa-register.csv"),
        "--as-of",
        "2024-06-01",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 1  # the example register has rows that cannot be read ...
    assert "line " in err  # ... and each is reported with its line number
    assert data["segments"]


def test_select_proposes_a_composition_validate_accepts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """FC-3, FC-9, FC-10: a proposal from registrations; validate sees no selection error."""
    regs = str(EXAMPLES / "vantaa-kerava-formal-registrations.yaml")
    code, out, _ = run(capsys, "select", "vake", regs, "--seed", "1", "--format", "yaml")
    assert code == 0
    path = tmp_path / "proposal.yaml"
    path.write_text(out, encoding="utf-8")
    _, report, _ = run(capsys, "validate", "vake", str(path), "--format", "json")
    codes = {f["code"] for f in json.loads(report)["findings"] if f["severity"] == "error"}
    # only what selection leaves to the preparer: committee members and the chair
    assert codes <= {"JY209", "JY210"}
    again = run(capsys, "select", "vake", regs, "--seed", "1", "--format", "yaml")[1]
    assert again == out  # same input and seed, same proposal


def test_compare_command(capsys: pytest.CaptureFixture[str]) -> None:
    """FC-17, OF-11, KU-12: the three presets side by side, as JSON and HTML."""
    code, out, _ = run(
        capsys, "compare", "vake", "vake-forum", "ku", "--format", "json", "--fee-per-meeting", "50"
    )
    assert code == 0
    assert "ngo_seats" in out
    code, out, _ = run(capsys, "compare", "vake", "--format", "html")
    assert code == 0
    assert out.lstrip().startswith("<")
    assert run(capsys, "compare", "vake", "--weight", "nonsense=1")[0] == 2
    assert run(capsys, "compare", "jarvenpaa")[0] == 2  # a city model has no seats


@pytest.mark.parametrize("preset", REGISTERING)
def test_example_command_writes_what_validate_and_select_accept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, preset: str
) -> None:
    """Issue #7: a generated example validates; a broken one reports its code."""
    regs = tmp_path / "registrations.yaml"
    code, out, _ = run(
        capsys,
        "example",
        preset,
        "--seed",
        "5",
        "--registrations",
        "40",
        "--registrations-file",
        str(regs),
    )
    assert code == 0
    comp = tmp_path / "example.yaml"
    comp.write_text(out, encoding="utf-8")
    assert run(capsys, "validate", preset, str(comp))[0] == 0
    assert run(capsys, "select", preset, str(regs), "--seed", "1")[0] in (0, 1)
    if jy.load_preset(preset).as_general().selection.party_political_ties is None:
        return  # seed 002 has no WS-1 to break
    code, out, _ = run(capsys, "example", preset, "--seed", "5", "--broken", "WS-1")
    assert code == 0
    comp.write_text(out, encoding="utf-8")
    _, report, _ = run(capsys, "validate", preset, str(comp), "--format", "json")
    assert any(f["code"] == "JY221" for f in json.loads(report)["findings"])  # WS-1


def test_every_command_is_declared_once_in_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The parser is built from COMMANDS alone: its sub-commands are the table's, in order."""
    sub = next(a for a in _parser()._actions if a.dest == "command")
    assert list(sub.choices or ()) == list(COMMANDS)
    code, out, _ = run(capsys, "--help")
    assert code == 0
    listed = re.findall(r"^    ([a-z][a-z-]*)\b", out, flags=re.MULTILINE)
    assert listed == list(COMMANDS)
    for name, cmd in COMMANDS.items():
        code, out, _ = run(capsys, name, "--help")
        assert code == 0
        assert cmd.help in out
        assert f"output format (default {cmd.formats[0]})" in out
        assert ("RULES" in out) is (cmd.rules or name in ("compare", "categories"))


def test_help_imports_no_heavy_library() -> None:
    """`--help` of the command line and of every command starts fast."""
    code = (
        "import contextlib, io, sys\n"
        "from jarjestoyhteistyo.cli import COMMANDS, main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    codes = [main(['--help'])] + [main([c, '--help']) for c in COMMANDS]\n"
        "heavy = ('pandas', 'matplotlib', 'hypothesis', 'icalendar', 'holidays', 'numpy')\n"
        "print(set(codes), sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "{0} []"


def test_an_unusable_input_reads_the_same_from_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """compare reported a LoadError as '1 problem' where the others say 'cannot use'."""
    path = tmp_path / "bad.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    errs = set()
    for argv in (("check", str(path)), ("compare", "vake", str(path))):
        code, _, err = run(capsys, *argv)
        assert code == 2
        errs.add(err.splitlines()[0])
    assert errs == {f"error: {path}: cannot use this input"}


def test_roadmap_evaluation_ends_with_one_line_break(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib import resources

    path = resources.files("jarjestoyhteistyo") / "presets" / "roadmaps" / "vantaa-kerava.yaml"
    for fmt in ("text", "markdown", "json"):
        code, out, _ = run(
            capsys, "roadmap", "evaluate", str(path), "--as-of", "2024-05-27", "--format", fmt
        )
        assert code in (0, 1)
        assert out.endswith("\n")
        assert not out.endswith("\n\n")
