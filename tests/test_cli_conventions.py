"""Command-line conventions (issue #16 point 7): ``--version``, ``codes CODE...``,
and output that encodes safely whatever the terminal's encoding.

``PYTHONIOENCODING=ascii jarjestoyhteistyo check ku`` ended in a UnicodeEncodeError
(exit 3). Now text for people shows what the encoding cannot write escaped
(``\\u2014``), and JSON, YAML and iCalendar — UTF-8 by their standards — go out as
UTF-8 bytes, so they read back as written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml


def _cli(
    argv: list[str], stdin: bytes = b"", *, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[bytes]:
    """The command line in a fresh interpreter: stdin given, stdout and stderr bytes."""
    return subprocess.run(
        [sys.executable, "-m", "jarjestoyhteistyo", *argv],
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        check=False,
        timeout=60,
    )


def _run(*argv: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    return _cli(list(argv), encoding=encoding)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_text_for_people_escapes_what_the_encoding_cannot_write(encoding: str) -> None:
    done = _run("check", "ku", encoding=encoding)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"OK \\u2014 0 errors" in done.stdout  # the dash, escaped


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_yaml_and_json_are_utf8_and_read_back(encoding: str) -> None:
    native = _run("show", "ku", encoding="utf-8")
    narrow = _run("show", "ku", encoding=encoding)
    assert narrow.returncode == 0, narrow.stderr
    assert narrow.stdout == native.stdout  # the same UTF-8 bytes
    assert max(native.stdout) > 127  # the preset has letters outside ASCII (ä, ö, –)
    assert yaml.safe_load(narrow.stdout.decode("utf-8")) == yaml.safe_load(native.stdout)
    as_json = _run("show", "ku", "--format", "json", encoding=encoding)
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout.decode("utf-8")) == yaml.safe_load(native.stdout)


def test_an_icalendar_on_stdout_is_utf8() -> None:
    argv = ("calendar", "ku", "--year", "2026", "--ics", "-")
    native = _run(*argv, encoding="utf-8")
    narrow = _run(*argv, encoding="ascii")
    assert narrow.returncode == 0, narrow.stderr
    assert narrow.stdout == native.stdout
    assert narrow.stdout.startswith(b"BEGIN:VCALENDAR")


def test_an_error_message_escapes_too() -> None:
    done = _run("check", "kylä-neuvosto", encoding="ascii")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"kyl\\xe4-neuvosto" in done.stderr


# ---------------------------------------------- --version and codes CODE (point 7)
def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    from jarjestoyhteistyo import __version__
    from jarjestoyhteistyo.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"jarjestoyhteistyo {__version__}\n"


def test_codes_lists_the_codes_and_rule_ids_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from jarjestoyhteistyo.catalogue import CATALOGUE
    from jarjestoyhteistyo.cli import main

    assert main(["codes", "jy210", "FC-9", "--format", "json"]) == 0
    listed = {row["code"] for row in json.loads(capsys.readouterr().out)}
    assert listed == {c.code for c in CATALOGUE if c.code == "JY210" or c.rule == "FC-9"}
    assert "JY210" in listed
    assert len(listed) > 1


def test_an_unknown_code_is_status_2_with_a_suggestion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from jarjestoyhteistyo.cli import main

    assert main(["codes", "JY2100"]) == 2
    err = capsys.readouterr().err
    assert "no finding code JY2100" in err
    assert "did you mean JY210" in err


# ------------------------------------ --format json: unusable input as JSON (point 7)
def test_unusable_input_with_format_json_is_a_json_error_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: general\nname: X\narea: Y\nseat_group: []\n", encoding="utf-8")
    assert main(["check", str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    error = json.loads(captured.out)["error"]
    assert error["kind"] == "LoadError"
    assert error["source"] == str(bad)
    [problem] = error["problems"]
    assert (problem["path"], problem["code"]) == ("seat_group", "unknown-key")
    assert problem["params"]["suggestion"] == "seat_groups"
    assert "unknown key 'seat_group'" in captured.err  # people still read stderr


def test_an_unknown_preset_with_format_json_is_a_json_error_object(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from jarjestoyhteistyo.cli import main

    assert main(["validate", "no-such-body", "x.yaml", "--format", "json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "PresetNotFoundError"
    assert "no preset 'no-such-body'" in error["message"]
    assert error["problems"] == []


def test_unusable_input_in_text_leaves_stdout_empty(capsys: pytest.CaptureFixture[str]) -> None:
    from jarjestoyhteistyo.cli import main

    assert main(["check", "no-such-body"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: no preset")


# ------------------------------------------------------- '-' reads stdin (point 7)
EXAMPLE = Path("examples/vantaa-kerava-formal.yaml")


def test_a_composition_from_stdin_validates_like_the_file() -> None:
    from_file = _cli(["validate", "vake", str(EXAMPLE), "--format", "json"], b"")
    from_stdin = _cli(["validate", "vake", "-", "--format", "json"], EXAMPLE.read_bytes())
    assert from_stdin.returncode == from_file.returncode == 0
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_a_rule_set_from_stdin() -> None:
    shown = _cli(["show", "ku"], b"").stdout
    done = _cli(["check", "-"], shown)
    assert done.returncode == 0, done.stderr
    assert b"NGO council fed by theme networks: OK" in done.stdout


def test_bad_input_on_stdin_is_named_stdin() -> None:
    done = _cli(["check", "-"], b"kind: general\nname: X\narea: Y\nseat_group: []\n")
    assert done.returncode == 2
    assert b"error: <stdin>: cannot use this input" in done.stderr
    assert b"seat_group" in done.stderr


def test_stdin_is_read_once() -> None:
    done = _cli(["validate", "-", "-"], b"")
    assert done.returncode == 2
    assert b"only one input can be read from stdin" in done.stderr


def test_stdin_past_the_size_limit_is_refused() -> None:
    from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS

    done = _cli(["check", "-"], b"#" * (DEFAULT_LIMITS.max_bytes + 10))
    assert done.returncode == 2
    assert b"more than" in done.stderr
    assert b"Traceback" not in done.stderr


# --------------------------------------------- -o FILE: whole or not at all (point 7)
def test_output_file_holds_what_stdout_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import main

    argv = ["validate", "vake", str(EXAMPLE), "--format", "json"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    target = tmp_path / "report.json"
    assert main([*argv, "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == printed
    assert json.loads(target.read_text(encoding="utf-8"))["ok"] is True


def test_output_file_is_left_whole_when_the_command_fails(tmp_path: Path) -> None:
    from jarjestoyhteistyo.cli import main

    target = tmp_path / "report.json"
    target.write_text("the old report\n", encoding="utf-8")
    assert main(["validate", "no-such-body", str(EXAMPLE), "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary left


def test_output_file_is_never_an_input_or_a_link(tmp_path: Path) -> None:
    from jarjestoyhteistyo.cli import main

    composition = tmp_path / "composition.yaml"
    composition.write_bytes(EXAMPLE.read_bytes())
    assert main(["validate", "vake", str(composition), "-o", str(composition)]) == 2
    assert composition.read_bytes() == EXAMPLE.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    assert main(["check", "ku", "-o", str(link)]) == 2
    assert not (tmp_path / "elsewhere.txt").exists()


# ------------------------------------------------- shell completion (point 7)
@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_the_completion_script_knows_every_command(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import COMMANDS, main

    assert main(["--print-completion", shell]) == 0
    script = capsys.readouterr().out
    assert script.startswith("#")
    for name in COMMANDS:
        assert name in script, name
    assert "redact-key-file" in script  # a command's own option, not only the names


def test_completion_without_shtab_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jarjestoyhteistyo.cli import main

    monkeypatch.setitem(sys.modules, "shtab", None)  # import shtab raises ImportError
    assert main(["--print-completion", "bash"]) == 2
    assert "jarjestoyhteistyo[completion]" in capsys.readouterr().err


# ------------------------------------- categories: codes and labels (issue #16 point 4)
def test_categories_lists_the_prh_codes_in_three_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from jarjestoyhteistyo.cli import main
    from jarjestoyhteistyo.model.categories import PRH_CATEGORIES

    assert main(["categories", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == [c.code for c in PRH_CATEGORIES]
    assert all(r["fi"] and r["sv"] and r["en"] for r in rows)
    assert main(["categories"]) == 0
    text = capsys.readouterr().out
    assert text.count(" fi: ") == text.count(" sv: ") == len(PRH_CATEGORIES)


def test_categories_of_a_rule_set_and_of_one_without(capsys: pytest.CaptureFixture[str]) -> None:
    from jarjestoyhteistyo.cli import main

    assert main(["categories", "vake", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 8
    assert main(["categories", "ku"]) == 2
    assert "no list of categories" in capsys.readouterr().err
