"""The input limits as options (issue #17 point 5): ``--max-bytes``, ``--max-depth`` and
``--max-nodes`` on every command that reads a file, bounded themselves; a refusal says
which option raises the limit, and a file written larger than the default says so.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from jarjestoyhteistyo.cli import _READS_NOTHING, COMMANDS, main
from jarjestoyhteistyo.io import yamldoor
from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS, Limits

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPOSITION = EXAMPLES / "vantaa-kerava-formal.yaml"


def _padded(tmp_path: Path, size: int) -> Path:
    """The example composition with a comment that makes it ``size`` bytes or more."""
    text = COMPOSITION.read_text(encoding="utf-8")
    path = tmp_path / "big.yaml"
    padding = max(0, size - len(text.encode("utf-8")))
    path.write_text(text + "#" + "x" * padding + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - _READS_NOTHING))
def test_every_reading_command_takes_the_limit_options(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([name, "--help"]) == 0
    text = capsys.readouterr().out
    assert all(option in text for option in ("--max-bytes", "--max-depth", "--max-nodes"))


def test_a_file_over_the_limit_is_refused_with_the_option_to_raise_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _padded(tmp_path, DEFAULT_LIMITS.max_bytes + 10)
    assert main(["validate", "vake", str(big)]) == 2
    err = capsys.readouterr().err
    assert "--max-bytes N" in err
    assert main(["validate", "vake", str(big), "--max-bytes", "6000000"]) == 0


def test_the_limit_can_be_lowered_too_and_stdin_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["validate", "vake", str(COMPOSITION), "--max-bytes", "1000"]) == 2
    assert "1000 bytes" in capsys.readouterr().err
    data = COMPOSITION.read_bytes()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["validate", "vake", "-", "--max-bytes", "1000"]) == 2
    assert "--max-bytes N" in capsys.readouterr().err


def test_depth_and_nodes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("kind: general\nname: " + "[" * 150 + "]" * 150 + "\n", encoding="utf-8")
    assert main(["check", str(deep)]) == 2
    assert "--max-depth N" in capsys.readouterr().err
    assert main(["check", str(deep), "--max-depth", "200"]) == 2
    assert "--max-depth N" not in capsys.readouterr().err  # read now; refused for its content
    assert main(["check", "vake", "--max-nodes", "5"]) == 0  # a preset is not an input file
    capsys.readouterr()
    assert main(["validate", "vake", str(COMPOSITION), "--max-nodes", "5"]) == 2
    assert "--max-nodes N" in capsys.readouterr().err


@pytest.mark.parametrize(
    "option", [["--max-bytes", "0"], ["--max-bytes", "3000000000"], ["--max-depth", "5000"]]
)
def test_the_options_are_bounded(option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "vake", *option]) == 2
    err = capsys.readouterr().err
    assert option[0] in err
    assert "Traceback" not in err


def test_a_file_written_over_the_default_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamldoor, "DEFAULT_LIMITS", Limits(max_bytes=2000))
    out = tmp_path / "full.yaml"
    assert main(["show", "vake", "--full", "-o", str(out)]) == 0
    size = out.stat().st_size
    assert size > 2000
    err = capsys.readouterr().err
    assert f"--max-bytes {size}" in err
    data = tmp_path / "vake.json"  # JSON too, when over the limit
    assert main(["show", "vake", "--format", "json", "-o", str(data)]) == 0
    assert json.loads(data.read_text(encoding="utf-8"))["kind"] == "formal_committee"
    assert ("note:" in capsys.readouterr().err) == (data.stat().st_size > 2000)
    calendar = tmp_path / "meetings.ics"  # not a document a command reads: no note
    assert main(["calendar", "vake", "--year", "2027", "-o", str(calendar)]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_run_does_not_leave_its_limits_to_the_next(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "vake", str(COMPOSITION), "--max-bytes", "1000"]) == 2
    assert main(["validate", "vake", str(COMPOSITION)]) == 0
