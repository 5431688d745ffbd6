"""The shell sessions of the docs run as written (issue #16 point 8).

A page opts in with an rST comment, invisible on the site::

    .. shell-session: LANG=fi_FI.UTF-8 files=examples

Then, after that comment (what comes before it, such as installing, is not run), in
the page's order,

* a ``.. code-block:: yaml`` (or ``csv``) with a ``:caption:`` that is a file name is
  the file the reader is asked to save: it is written into the session's folder;
* a ``.. code-block:: console`` is run: each ``$ command`` (with ``\\`` continuation
  lines) in ``bash`` in that folder, its output compared with the lines below it up to
  the next ``$`` (``...`` matches anything, as in doctest). ``$ echo $?`` shows the
  status of the command before it, as a shell does.

A ``--help`` output is compared on Python 3.11 only, whose argparse wrote the pages
(3.13 wraps usage lines and joins ``-o, --output FILE``); elsewhere it must succeed.

``files=examples`` copies ``docs/examples`` into the folder first (the pages offer
those files for download); ``files=repo`` copies ``docs/examples`` and ``examples`` to
the same paths under the folder, for pages whose commands run from a checkout's root.
The command is the ``jarjestoyhteistyo`` of this Python: a shim earlier on ``PATH``
runs ``python -m jarjestoyhteistyo``.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
MARK = re.compile(r"^\.\. shell-session:(?P<options>.*)$", re.M)
DIRECTIVE = re.compile(r"^\.\. code-block:: (?P<lang>\w+)\s*$")


@attrs.frozen
class Step:
    """One thing a page asks of the reader: save a file or run a command."""

    line: int
    file: str | None = None
    content: str = ""
    command: str | None = None
    expected: str = ""


def _blocks(text: str) -> list[tuple[int, str, dict[str, str], str]]:
    """Each code block of an rST page: its line, language, options and content."""
    lines = text.splitlines()
    out = []
    i = 0
    while i < len(lines):
        m = DIRECTIVE.match(lines[i])
        if not m:
            i += 1
            continue
        start, i = i + 1, i + 1
        options: dict[str, str] = {}
        while i < len(lines) and (o := re.match(r"^\s+:(\w+):\s*(.*)$", lines[i])):
            options[o.group(1)] = o.group(2).strip()
            i += 1
        body: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" ")):
            body.append(lines[i])
            i += 1
        out.append((start, m.group("lang"), options, textwrap.dedent("\n".join(body)).strip()))
    return out


def _steps(text: str) -> list[Step]:
    steps: list[Step] = []
    for line, lang, options, body in _blocks(text):
        caption = options.get("caption", "")
        if lang in ("yaml", "csv") and re.fullmatch(r"[\w.-]+\.(yaml|yml|csv)", caption):
            steps.append(Step(line=line, file=caption, content=body + "\n"))
        elif lang == "console":
            command: list[str] | None = None
            expected: list[str] = []
            for row in [*body.splitlines(), "$ "]:
                if command is not None and command[-1].endswith("\\"):
                    command.append(row)
                    continue
                if row.startswith("$ "):
                    if command is not None:
                        steps.append(
                            Step(
                                line=line, command="\n".join(command), expected="\n".join(expected)
                            )
                        )
                    command, expected = [row[2:]], []
                elif command is not None:
                    expected.append(row)
    return [s for s in steps if s.command != ""]


def _pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.rst") if MARK.search(p.read_text(encoding="utf-8")))


def _environment(options: str, bin_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        COLUMNS="80",
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
    )
    env.pop("PYTHONHASHSEED", None)
    for pair in options.split():
        key, _, value = pair.partition("=")
        if key.isupper():
            env[key] = value
    return env


def _shim(folder: Path) -> Path:
    """A ``jarjestoyhteistyo`` command that runs this Python's package."""
    bin_dir = folder / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "jarjestoyhteistyo"
    src = Path(__file__).resolve().parents[1] / "src"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH="{src}${{PYTHONPATH:+:$PYTHONPATH}}" '
        f'exec "{sys.executable}" -m jarjestoyhteistyo "$@"\n',
        encoding="utf-8",
    )
    shim.chmod(0o755)
    return bin_dir


CHECKER = doctest.OutputChecker()
#: The Python whose argparse wrote the help texts the pages show (the one ``.ci/run``
#: and the README's command use): on another, a ``--help`` block must only succeed.
HELP_PYTHON = (3, 11)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the sessions are bash sessions")
@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_the_page_runs_as_written(page: Path, tmp_path: Path) -> None:
    text = page.read_text(encoding="utf-8")
    options = MARK.search(text)
    assert options is not None
    work = tmp_path / "work"
    work.mkdir()
    if "files=examples" in options["options"]:
        for f in (DOCS / "examples").iterdir():
            if f.is_file():
                shutil.copy(f, work / f.name)
    if "files=repo" in options["options"]:  # the paths as from the repository's root
        for folder in (DOCS / "examples", DOCS.parent / "examples"):
            target = work / folder.relative_to(DOCS.parent)
            target.mkdir(parents=True)
            for f in folder.iterdir():
                if f.is_file():
                    shutil.copy(f, target / f.name)
    env = _environment(options["options"], _shim(tmp_path))
    steps = _steps(text[options.end() :])  # what comes before (installing) is not run
    assert any(s.command for s in steps), "a page with a shell session runs something"
    status = 0
    for step in steps:
        if step.file is not None:
            (work / step.file).write_text(step.content, encoding="utf-8")
            continue
        assert step.command is not None
        if step.command.strip() == "echo $?":
            got = f"{status}\n"
        else:
            done = subprocess.run(
                ["bash", "-c", step.command],
                cwd=work,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                timeout=120,
                check=False,
            )
            status, got = done.returncode, done.stdout
        if "--help" in step.command and sys.version_info[:2] != HELP_PYTHON:
            assert status == 0, f"{page.relative_to(DOCS)}: $ {step.command}\n{got}"
            continue  # argparse lays its help out differently in each Python
        got = "\n".join(row.rstrip() for row in got.splitlines())
        want = step.expected.strip("\n")
        ok = CHECKER.check_output(want + "\n", got + "\n", doctest.ELLIPSIS)
        line = step.line + text[: options.end()].count("\n")
        where = f"{page.relative_to(DOCS)}:{line}: $ {step.command}"
        assert ok, f"{where}\n--- expected\n{want}\n--- got\n{got}"


def test_the_sessions_are_found_and_every_shell_page_opts_in() -> None:
    pages = {str(p.relative_to(DOCS)) for p in _pages()}
    shell_only = ("tutorial.rst", "fi/tutorial.rst", "howto/cli.rst")
    assert {*shell_only, "fi/index.rst", "sv/index.rst"} <= pages
    for name in shell_only:
        text = (DOCS / name).read_text(encoding="utf-8")
        assert ">>>" not in text, f"{name} is shell only"


def test_a_wrong_output_is_caught(tmp_path: Path) -> None:
    page = textwrap.dedent(
        """
        .. code-block:: yaml
           :caption: x.yaml

           a: 1

        .. code-block:: console

           $ cat x.yaml
           a: 2
        """
    )
    [save, run] = _steps(page)
    assert (save.file, save.content) == ("x.yaml", "a: 1\n")
    assert (run.command, run.expected) == ("cat x.yaml", "a: 2")
    assert not CHECKER.check_output("a: 2\n", "a: 1\n", doctest.ELLIPSIS)
