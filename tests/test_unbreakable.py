"""Issue #19 from the command line: input bounded before it is read, crashes with an
exit status of their own, rule sets that ``check`` rejects refused, outputs that read
back as what was meant, files never written through a link or partly, and cached
results nobody can change.

Each reproducer of the issue is a test here; the loaders' own bounds are in
``test_bounds.py``, the register's rows in ``test_register_rows.py``.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import jarjestoyhteistyo
from jarjestoyhteistyo import cli
from jarjestoyhteistyo.cli import COMMANDS, main
from jarjestoyhteistyo.io.serialize import load, loads

ESC = "\x1b"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def shell(*argv: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process (for stdout, limits and signals)."""
    return subprocess.run(
        [sys.executable, "-m", "jarjestoyhteistyo", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )


def preset_text(capsys: pytest.CaptureFixture[str], name: str) -> dict[str, Any]:
    assert main(["show", name]) == 0
    data: dict[str, Any] = yaml.safe_load(capsys.readouterr().out)
    return data


def vake_named(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> str:
    """The formal preset of Vantaa–Kerava, renamed ``name``, as a file."""
    data = preset_text(capsys, "vake")
    data["name"] = name
    return write_yaml(tmp_path / "rules.yaml", data)


def write_yaml(path: Path, data: Any) -> str:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return str(path)


@pytest.fixture
def registrations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """40 fictional registrations for the formal body of Vantaa–Kerava."""
    path = tmp_path / "reg.yaml"
    argv = ["example", "vake", "--registrations", "40", "--registrations-file", str(path)]
    assert main(argv) == 0
    capsys.readouterr()
    return path


# ---------------------------------------------------- 0. bounded before it is read
@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo", "folder"])
@pytest.mark.parametrize(
    "argv",
    [
        ("check", "{}"),
        ("validate", "vake", "{}"),
        ("select", "vake", "{}"),
        ("ecosystem", "{}"),
        ("roadmap", "check", "{}"),
    ],
)
def test_special_files_are_refused_before_reading(
    special: str, argv: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A device, a FIFO with no writer or a folder: exit 2 at once, never a hang."""
    if special == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        special = str(path)
    elif special == "folder":
        special = str(tmp_path)
    code, _, err = run(capsys, *(a.format(special) for a in argv))
    assert code == 2
    assert "not a regular file" in err


def test_a_huge_file_is_refused_after_reading_no_more_than_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 4 GB (sparse) file costs the limit, not 4 GB: the size is found by reading."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(4 * 2**30)
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "more than 5000000 bytes" in err


# ------------------------------------------------------------ exit statuses of crashes
def _breaking(exc: BaseException) -> Any:
    def handler(_args: Any, _out: Any) -> int:
        raise exc

    return handler


def test_a_crash_exits_3_with_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(
        COMMANDS, "presets", attrs.evolve(COMMANDS["presets"], handler=_breaking(ValueError("x")))
    )
    monkeypatch.delenv("JARJESTOYHTEISTYO_DEBUG", raising=False)
    code, _, err = run(capsys, "presets")
    assert code == cli.EXIT_INTERNAL == 3
    assert err.startswith("internal error: ValueError: x")
    assert "a bug in jarjestoyhteistyo" in err


def test_a_crash_shows_its_traceback_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(
        COMMANDS, "presets", attrs.evolve(COMMANDS["presets"], handler=_breaking(ValueError("x")))
    )
    monkeypatch.setenv("JARJESTOYHTEISTYO_DEBUG", "1")
    with pytest.raises(ValueError, match="x"):
        main(["presets"])


def test_ctrl_c_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(
        COMMANDS,
        "presets",
        attrs.evolve(COMMANDS["presets"], handler=_breaking(KeyboardInterrupt())),
    )
    monkeypatch.setattr(cli, "_silence_stdout", lambda: None)  # keep pytest's stdout
    code, _, err = run(capsys, "presets")
    assert (code, err) == (130, "interrupted\n")


def test_output_to_a_full_disk_exits_2_with_a_message() -> None:
    """``codes > /dev/full`` was an OSError traceback."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "jarjestoyhteistyo", "codes"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "error: cannot write the output: No space left on device\n"


# ------------------------------------------- rule sets that check rejects are refused
def test_select_refuses_a_rule_set_that_check_rejects_JY101(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], registrations: Path
) -> None:
    data = preset_text(capsys, "vake")
    data["meetings"]["per_year"] = {"min": 6, "max": 4}
    rules = write_yaml(tmp_path / "rules.yaml", data)
    assert run(capsys, "check", rules)[0] == 1
    for argv in (
        ("select", rules, str(registrations)),
        ("calendar", rules, "--year", "2026"),
        ("example", rules),
        ("validate", rules, str(tmp_path / "none.yaml")),
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, ""), argv
        assert "does not pass 'check' (1 error)" in err
        assert "JY101" in err
    code, out, err = run(capsys, "compare", "vake", rules)  # goes on, and says why
    assert code == 0
    assert out
    assert f"note: {rules} does not pass 'check' (1 error); compared as written" in err


def test_a_rule_set_that_passes_check_is_acted_on(
    capsys: pytest.CaptureFixture[str], registrations: Path
) -> None:
    code, _, err = run(capsys, "select", "vake", str(registrations))
    assert code == 0
    assert "does not pass" not in err


# ------------------------------------------------- outputs read back as what was meant
HOSTILE = "org-01\nas_of: 1999-01-01\n# \r\x00\x1b[31m \"quoted\" 'x' #"


def test_select_yaml_comments_cannot_become_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], registrations: Path
) -> None:
    """An organisation id with line breaks was a top-level ``as_of`` key."""
    data = yaml.safe_load(registrations.read_text("utf-8"))
    data["registrations"][0]["organisation"]["id"] = HOSTILE
    data["registrations"][0]["organisation"]["name"] = HOSTILE
    hostile = write_yaml(tmp_path / "hostile.yaml", data)
    code, out, _ = run(capsys, "select", "vake", hostile, "--format", "yaml")
    assert code in (0, 1)
    back = yaml.safe_load(out)
    assert "as_of" not in back
    comments = [line for line in out.splitlines() if line.startswith("#")]
    assert any(json.dumps(HOSTILE)[1:-1][:20] in line for line in comments)
    composition = loads(out, "composition")
    assert [s.organisation for s in composition.seats if s.organisation == HOSTILE]


def test_example_of_a_rule_set_with_a_line_break_in_its_name_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = vake_named(capsys, tmp_path, "Council\nkind: general\r\x1b[2J")
    code, out, _ = run(capsys, "example", rules)
    assert code == 0
    path = tmp_path / "example.yaml"
    path.write_text(out, encoding="utf-8")
    assert load(path, "composition").seats
    assert run(capsys, "validate", rules, str(path))[0] == 0


def test_text_output_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], registrations: Path
) -> None:
    """Registration data printed raw could drive the terminal."""
    data = yaml.safe_load(registrations.read_text("utf-8"))
    data["registrations"][0]["organisation"]["id"] = f"org{ESC}[2J\u202eevil\r"
    hostile = write_yaml(tmp_path / "hostile.yaml", data)
    code, out, err = run(capsys, "select", "vake", hostile)
    assert code == 0
    assert ESC not in out + err
    assert "\u202e" not in out + err
    assert "\r" not in out
    assert "org\\x1b[2J\\u202eevil\\x0d" in out
    _, out, err = run(capsys, "select", "vake", hostile, "--format", "json")
    assert ESC not in out
    back = json.loads(out)  # still JSON, and the same text
    ids = [e["organisation"] for e in back["explanations"]]
    assert f"org{ESC}[2J\u202eevil\r" in ids


def test_json_output_escapes_c1_characters_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = vake_named(capsys, tmp_path, "Council \x9b2J \u2028 end")
    code, out, _ = run(capsys, "show", rules, "--format", "json")
    assert code == 0
    assert "\x9b" not in out
    assert "\u2028" not in out
    assert json.loads(out)["name"] == "Council \x9b2J \u2028 end"


# ---------------------------------------- files never written through a link or partly
def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_a_write_over_the_file_size_limit_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """``ulimit -f``: the write fails; the old calendar is left as it was, no temp file."""
    target = tmp_path / "cal.ics"
    target.write_text("old calendar\n", encoding="utf-8")
    argv = ["calendar", "vake", "--year", "2026", "--ics", str(target)]
    done = shell(*argv, preexec_fn=_limit_file_size)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: cannot write {target}: File too large")
    assert target.read_text(encoding="utf-8") == "old calendar\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cal.ics"]


def test_a_device_pipe_or_folder_is_never_replaced_by_an_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rename over a device node would replace it (as root, ``--ics /dev/full`` did):
    refused, and the node is still there. A FIFO stands in for the device here."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        code, _, err = run(capsys, "calendar", "vake", "--year", "2026", "--ics", str(target))
        assert code == 2
        assert err == f"error: {target} is not a regular file (a device, a pipe or a folder)\n"
    assert fifo.is_fifo()


def test_registrations_file_is_never_written_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = preset_text(capsys, "vake")
    rules = write_yaml(tmp_path / "rules.yaml", data)
    before = Path(rules).read_bytes()
    code, _, err = run(
        capsys, "example", rules, "--registrations", "40", "--registrations-file", rules
    )
    assert code == 2
    assert "one of this command's inputs" in err
    assert Path(rules).read_bytes() == before


# ----------------------------------------------------------------- bounded options
def test_terms_first_year_0_is_refused_not_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "terms", "--first-year", "0")
    assert (code, out) == (2, "")
    assert "year must be 1900–2200, not 0" in err


# -------------------------------------------------------------- 7. no shared state
def _cached_functions() -> list[Any]:
    """Every ``functools`` cache in the package's modules."""
    import importlib
    import pkgutil

    found = []
    for info in pkgutil.walk_packages(jarjestoyhteistyo.__path__, "jarjestoyhteistyo."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                found.append(value)
    return found


def test_the_caches_are_known() -> None:
    names = sorted(f"{f.__module__}.{f.__qualname__}" for f in _cached_functions())
    assert names == [
        # the comparison's unit words in a language: private, read by unit_label() only
        "jarjestoyhteistyo.analysis.metrics._unit_words",
        "jarjestoyhteistyo.calc.schedule._parse_cached",
        # a message catalogue: read by gettext(), never handed to a caller
        "jarjestoyhteistyo.i18n._catalogue",
        # the diagrams' own words in a language: private, never handed to a caller
        "jarjestoyhteistyo.render.diagrams._own_words",
        # the rule ids a document may cite: a frozenset, read by documents._rules()
        "jarjestoyhteistyo.render.documents._known_rules",
        "jarjestoyhteistyo.rulebook._book",  # frozen rules and read-only mappings
    ]


def test_a_cached_schedule_cannot_be_changed_by_the_caller_who_got_it() -> None:
    """``parse_schedule`` caches its findings: a caller's change must not reach the
    next caller."""
    from jarjestoyhteistyo.calc.schedule import parse_schedule

    first = parse_schedule("syksy", path="p")
    params = first.findings[0].params
    with pytest.raises(TypeError):
        params["part"] = "changed"  # type: ignore[index]
    with pytest.raises(AttributeError):
        params.clear()  # type: ignore[attr-defined]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.findings[0].path = "q"  # type: ignore[misc]
    second = parse_schedule("syksy", path="p")
    assert second == first
    assert dict(second.findings[0].params) == dict(params)
    assert second.findings[0].params["part"] == "syksy"


def test_list_parameters_are_frozen_too() -> None:
    from jarjestoyhteistyo.codes import finding
    from jarjestoyhteistyo.rules.values import JY140

    seats = ["m1", "m2"]
    f = finding(JY140, "languages", field="languages", language="se", suggestions=seats)
    seats.append("m3")
    assert f.params["suggestions"] == ("m1", "m2")
    assert "m3" not in f.message_en


# ------------------------------------------------------ 3. every writer reads back
#: Text full of what breaks writers: line breaks of every kind, NUL, ESC, quotes, ``#``,
#: Markdown and HTML.
NASTY = (
    "a\nb\r\nc\rd\x85e\u2028f\x00g\x1b[31mh\"i'j#k: l|m*n*`o` [p](javascript:q) "
    "<script>alert(1)</script> &amp; - ? \t\u202e\ufeff"
)


def _nasty_rules(capsys: pytest.CaptureFixture[str]) -> Any:
    from jarjestoyhteistyo.io.serialize import loads

    data = preset_text(capsys, "vake")
    data["name"] = NASTY
    return loads(yaml.safe_dump(data, allow_unicode=True), "ruleset")


def test_yaml_and_json_writers_read_back_the_same_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml

    rules = _nasty_rules(capsys)
    assert rules.name == NASTY
    assert loads(dump_yaml(rules), "ruleset") == rules
    assert loads(dump_json(rules), "ruleset") == rules
    assert json.loads(dump_json(rules))["name"] == NASTY


def test_a_yaml_comment_never_becomes_data() -> None:
    from jarjestoyhteistyo.io.converter import yaml_comment

    for text in (NASTY, "x\n- y", "\n", "", "#", "a: b\nc: d"):
        comment = yaml_comment(text)
        assert comment.count("\n") == 1
        assert comment.endswith("\n")
        assert yaml.safe_load(f"a: 1\n{comment}b: 2\n") == {"a": 1, "b": 2}


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row, split at unescaped ``|``."""
    import re

    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_tables_keep_their_shape_and_pass_no_html() -> None:
    from jarjestoyhteistyo.io.tables import markdown_table

    table = markdown_table(("name", "seats"), [(NASTY, "2"), ("plain", NASTY)])
    lines = table.split("\n")
    assert len(lines) == 4
    assert [len(_cells(line)) for line in lines] == [2, 2, 2, 2]
    assert "<" not in table
    assert ">" not in table
    assert "\x1b" in table  # the writer keeps text; the terminal layer escapes it


def test_html_tables_read_back_as_the_text() -> None:
    from html.parser import HTMLParser

    from jarjestoyhteistyo.io.tables import html_table

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Cells()
    parser.feed(html_table(NASTY, ("name",), [(NASTY,)]))
    assert "script" not in parser.tags
    assert parser.text.count(NASTY) == 2


def test_compare_markdown_shows_html_in_names_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``compare --format markdown`` passed raw HTML from names."""
    rules = vake_named(capsys, tmp_path, "<img src=x onerror=alert(1)>")
    code, out, _ = run(capsys, "compare", rules, "vake", "--format", "markdown")
    assert code == 0
    assert "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_roadmap_markdown_escapes_every_text_from_the_file() -> None:
    from jarjestoyhteistyo.analysis.roadmap import evaluate, load_example, render

    doc = load_example()
    plan = doc.plans[0]
    measure = plan.measures[0]
    hostile = attrs.evolve(measure, action_area="<b>x</b>|y")
    doc = attrs.evolve(
        doc, plans=(attrs.evolve(plan, measures=(hostile, *plan.measures[1:])), *doc.plans[1:])
    )
    text = render(evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27)), "markdown")
    assert "&lt;b&gt;x&lt;/b&gt;\\|y" in text
    assert "<b>" not in text
