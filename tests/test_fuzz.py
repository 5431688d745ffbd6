"""Fuzzing of every loader (issue #9): bad input ends in a LoadError, never anything else.

Random documents, random wrong types, truncated and mutated valid files, wrong
encodings and binary junk. The loaders may only return a model or raise
:class:`~jarjestoyhteistyo.errors.LoadError`. Set ``JY_FUZZ_EXAMPLES`` (e.g. 5000) for
a larger run; the default keeps the suite fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.ecosystem import read_register
from jarjestoyhteistyo.analysis.roadmap import loads_roadmap
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.presets import preset_text
from jarjestoyhteistyo.rules.cooperation import loads_cooperation
from jarjestoyhteistyo.selection import loads_registrations
from jarjestoyhteistyo.selection.succession import loads_history

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROADMAP = (Path(jy.__file__).parent / "presets" / "roadmaps" / "vantaa-kerava.yaml").read_text(
    encoding="utf-8"
)

FUZZ = settings(
    max_examples=int(os.environ.get("JY_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

pytestmark = pytest.mark.slow

LOADERS: dict[str, Callable[[Any], Any]] = {
    "ruleset": jy.loads_ruleset,
    "composition": jy.loads_composition,
    "roadmap": loads_roadmap,
    "history": loads_history,
    "registrations": loads_registrations,
    "cooperation": loads_cooperation,
}
SEEDS: dict[str, str] = {
    "ruleset": preset_text("keski-uusimaa"),
    "composition": (EXAMPLES / "keski-uusimaa.yaml").read_text(encoding="utf-8"),
    "roadmap": ROADMAP,
    "history": "events:\n  - {date: 2025-01-01, kind: resign, seat: m1}\n",
    "registrations": (EXAMPLES / "vantaa-kerava-formal-registrations.yaml").read_text(
        encoding="utf-8"
    ),
    "cooperation": preset_text("jarvenpaa"),
}

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates()
)
trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=30,
)


def _survives(loader: Callable[[Any], Any], text: str | bytes) -> None:
    problems: tuple[jy.Problem, ...] | None = None
    try:
        loader(text)
    except jy.LoadError as exc:
        problems = exc.problems
    if problems is not None:
        assert problems, "a LoadError names at least one problem"
        assert all(p.path and p.message for p in problems)


@pytest.mark.parametrize("name", sorted(LOADERS))
@FUZZ
@given(tree=trees)
def test_random_documents(name: str, tree: Any) -> None:
    _survives(LOADERS[name], yaml.safe_dump(tree, allow_unicode=True))


@pytest.mark.parametrize("name", sorted(LOADERS))
@FUZZ
@given(data=st.data())
def test_truncated_and_mutated_valid_documents(name: str, data: st.DataObject) -> None:
    text = SEEDS[name]
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    _survives(LOADERS[name], text[:cut])
    # replace one scalar value by something of another type
    doc = yaml.safe_load(text)
    if isinstance(doc, dict) and doc:
        key = data.draw(st.sampled_from(sorted(doc, key=str)))
        doc[key] = data.draw(trees)
        _survives(LOADERS[name], yaml.safe_dump(doc, allow_unicode=True))


@pytest.mark.parametrize("name", sorted(LOADERS))
@FUZZ
@given(blob=st.binary(max_size=400))
def test_binary_junk_and_wrong_encodings(name: str, blob: bytes) -> None:
    _survives(LOADERS[name], blob)
    _survives(LOADERS[name], SEEDS[name].encode("utf-16"))
    _survives(LOADERS[name], SEEDS[name].encode("cp1252", errors="replace"))


def test_python_object_tags_are_refused() -> None:
    """No code execution from data: python/* tags are not constructed."""
    for name, loader in LOADERS.items():
        with pytest.raises(jy.LoadError):
            loader("!!python/object/apply:os.system ['true']\n")
        with pytest.raises(jy.LoadError):
            loader(f"x: !!python/name:os.system\n# {name}\n")


@FUZZ
@given(blob=st.binary(max_size=600) | st.text(max_size=600).map(str.encode))
def test_register_reader_reads_or_reports_every_row(blob: bytes) -> None:
    """JP-3 register CSV: junk is read, reported row by row, or a LoadError — nothing else."""
    try:
        result = read_register(blob)
    except jy.LoadError:
        return
    lines = {p.line for p in result.problems}
    assert all(line >= 1 for line in lines)


#: Every command that reads a file the user names, with the file's place marked FILE.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check", "FILE"),
    ("show", "FILE"),
    ("validate", "vake", "FILE"),
    ("validate", "FILE", str(EXAMPLES / "keski-uusimaa.yaml")),
    ("rotation", "ku", "FILE", "--start", "2025-06-01"),
    ("calendar", "FILE", "--year", "2026"),
    ("window", "FILE", "--start", "2026-01-01", "--count", "5"),
    ("duties", "FILE", "--year", "2027"),
    ("calendar", "FILE", "--year", "2026", "--weekday", "2th", "--time", "18:30", "--ics", "-"),
    ("select", "vake", "FILE"),
    ("example", "FILE", "--seed", "1"),
    ("example", "ku", "--names", "--redact-key-file", "FILE"),
    ("compare", "FILE", "vake"),
    ("roadmap", "check", "FILE"),
    ("roadmap", "evaluate", "FILE", "--as-of", "2024-05-27"),
    ("ecosystem", "FILE", "--as-of", "2024-06-01"),
    (
        "succession",
        "vake",
        str(EXAMPLES / "vantaa-kerava-formal.yaml"),
        "FILE",
        "--at",
        "2025-06-01",
    ),
    ("term-limits", "vake", "FILE"),
    ("validate", "vake", str(EXAMPLES / "vantaa-kerava-formal.yaml"), "--history", "FILE"),
)


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
@settings(
    max_examples=int(os.environ.get("JY_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=st.binary(max_size=300)
    | trees.map(lambda t: yaml.safe_dump(t, allow_unicode=True).encode())
    | st.sampled_from(sorted(SEEDS)).flatmap(
        lambda k: st.integers(0, len(SEEDS[k])).map(lambda n, k=k: SEEDS[k][:n].encode())
    )
)
def test_every_command_on_junk_exits_cleanly(
    argv: tuple[str, ...],
    content: bytes,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue #9: the command line never prints a traceback and exits 0, 1 or 2."""
    path = tmp_path_factory.mktemp("fuzz") / "input.yaml"
    path.write_bytes(content)
    code = main([str(path) if a == "FILE" else a for a in argv])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
