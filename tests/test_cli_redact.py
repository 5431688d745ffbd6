"""``--redact`` and ``--redact-key-file`` on the command line (issue #19, point 6).

A random key each run by default (two runs do not match); a key file gives the same
pseudonyms in every run; a key file that cannot be used is exit 2 with a message.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.cli import main

EXAMPLE = ["example", "ku", "--seed", "2", "--names"]
REGS = "examples/vantaa-kerava-formal-registrations.yaml"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _key_file(folder: Path, name: str = "redaction.key") -> Path:
    path = folder / name
    path.write_text(secrets.token_hex(32) + "\n", encoding="ascii")
    return path


def _names(text: str) -> list[str | None]:
    comp = jy.loads_composition(text)
    return [s.person.name for s in comp.seats if s.person is not None]


def test_redact_uses_a_new_key_each_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, named, _ = _run(EXAMPLE, capsys)
    assert code == 0
    assert "(fictional)" in named
    _, first, _ = _run([*EXAMPLE, "--redact"], capsys)
    _, second, _ = _run([*EXAMPLE, "--redact"], capsys)
    assert any("(fictional)" in (n or "") for n in _names(named))
    assert all(n is not None and n.startswith("person-") for n in _names(first))
    assert _names(first) != _names(second)  # nobody can link two runs


def test_key_file_gives_the_same_pseudonyms_every_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = _key_file(tmp_path)
    _, first, _ = _run([*EXAMPLE, "--redact", "--redact-key-file", str(key)], capsys)
    _, again, _ = _run([*EXAMPLE, "--redact-key-file", str(key)], capsys)  # implies --redact
    assert first == again
    assert all(n is not None and n.startswith("person-") for n in _names(first))
    other = _key_file(tmp_path, "other.key")
    _, different, _ = _run([*EXAMPLE, "--redact-key-file", str(other)], capsys)
    assert _names(different) != _names(first)


def test_select_with_a_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = _key_file(tmp_path)
    argv = ["select", "vake", REGS, "--format", "yaml", "--redact-key-file", str(key)]
    code, first, _ = _run(argv, capsys)
    assert code in (0, 1)
    code_again, again, _ = _run(argv, capsys)
    assert (code_again, again) == (code, first)
    redacted = jy.loads_composition(first)  # the comments are YAML comments
    assert redacted.seats
    refs = [s.person.ref for s in redacted.seats if s.person is not None and s.person.ref]
    assert all(r.startswith("ref-") for r in refs)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"short\n", "at least 16 bytes"),
        (b"", "at least 16 bytes"),
        (b"x" * 10_000, "longer than 4096 bytes"),
    ],
)
def test_unusable_key_file_is_exit_2(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "bad.key"
    key.write_bytes(content)
    code, out, err = _run([*EXAMPLE, "--redact-key-file", str(key)], capsys)
    assert code == 2
    assert out == ""  # nothing unredacted is printed
    assert message in err
    assert str(key) in err
    assert "Traceback" not in err


def test_missing_or_special_key_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, message in (
        (tmp_path / "missing.key", "cannot read it"),
        (tmp_path, "not a regular file"),
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
    ):
        code, out, err = _run([*EXAMPLE, "--redact-key-file", str(path)], capsys)
        assert code == 2, path
        assert out == ""
        assert message in err
        assert "Traceback" not in err
        code, _, err = _run(["select", "vake", REGS, "--redact-key-file", str(path)], capsys)
        assert code == 2
        assert message in err
