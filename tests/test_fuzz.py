"""Fuzzing of every loader (issue #9): bad input ends in a LoadError, never anything else.

Random documents, random wrong types, truncated and mutated valid files, wrong
encodings and binary junk. The loaders may only return a model or raise
:class:`~jarjestoyhteistyo.errors.LoadError`. Set ``JY_FUZZ_EXAMPLES`` (e.g. 5000) for
a larger run; the default keeps the suite fast.
"""

from __future__ import annotations

import datetime as _dt
import json
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
    ("categories", "FILE"),
    ("rules", "FILE"),
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


# ------------------------------------------------ issue #19: structural mutations
#: How many mutated documents each structural target tries (``.ci/run`` sets a fixed
#: budget; the count it tried is recorded in ``benchmarks/README.md``).
STRUCTURAL = settings(
    max_examples=int(os.environ.get("JY_FUZZ_STRUCTURAL", "40")),
    deadline=10_000,  # ms per input: a hang is a failure, not a slow test
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

#: The shipped documents the mutations start from, by document kind.
STRUCTURAL_SEEDS: dict[str, tuple[str, ...]] = {
    "ruleset": tuple(
        preset_text(p)
        for p in (
            "vantaa-kerava-formal",
            "vantaa-kerava-open-forum",
            "keski-uusimaa",
            "lansi-uusimaa-disability-council",
        )
    ),
    "composition": tuple(
        (EXAMPLES / f).read_text(encoding="utf-8")
        for f in (
            "vantaa-kerava-formal.yaml",
            "keski-uusimaa.yaml",
            "vantaa-kerava-open-forum.yaml",
        )
    ),
    "registrations": (SEEDS["registrations"],),
    "roadmap": (ROADMAP,),
    "cooperation": (preset_text("jarvenpaa"),),
    "history": (
        "initial: {}\nevents:\n  - {date: 2025-01-01, kind: resign, seat: child-family-m1}\n"
        "  - {date: 2025-02-01, kind: appoint, seat: child-family-m1, organisation: org-09}\n",
    ),
}

#: Values that load and then break computations, or break the outputs they reach.
HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(
        list("\x00\x1b\r\n\t\x7f\x85\x9b\u200b\u202e\u2028\ufeff#:'\"{}[]&*!|>%@` aä-")
    ),
    max_size=24,
)
HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [0, -1, 1, 2**31, 2**63, 10**30, 1e308, -1e308, 5e-324, 1e-9, 0.5, 366, 367, 100_001]
    ),
    st.sampled_from([float("nan"), float("inf"), float("-inf")]),
    st.sampled_from(
        [
            _dt.date(1, 1, 1),
            _dt.date(1899, 12, 31),
            _dt.date(2201, 1, 1),
            _dt.date(9999, 12, 31),
            "9999-12-31",
            "0001-01-01",
        ]
    ),
    HOSTILE_TEXT,
    st.sampled_from([None, True, False, [], {}, "", "x" * 20_000]),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed document, the root's children first; a scalar's place
    three times over (numbers, dates and texts are where computations break)."""
    leaf = not isinstance(node, dict | list)
    found = [path] * (3 if leaf else 1) if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_paths(value, (*path, i)))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


#: Terminal escapes, a right-to-left override, a carriage return, NUL and a YAML line break.
POISONS = ("\x1b[2J", "\x1b]0;title\x07", "\u202eevil", "\r", "\x00", "\x85", "\x9b31m")


def _poisoned(node: Any, poison: str) -> Any:
    """``node`` with ``poison`` appended to every string value (keys stay)."""
    if isinstance(node, dict):
        return {k: _poisoned(v, poison) for k, v in node.items()}
    if isinstance(node, list):
        return [_poisoned(v, poison) for v in node]
    return node + poison if isinstance(node, str) else node


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> str:
    """A shipped document of ``kind`` with one to three places changed structurally:
    a value swapped for a hostile one or for another type, a key dropped, a value
    wrapped in a list or a mapping, or a list grown a thousandfold."""
    doc = yaml.safe_load(draw(st.sampled_from(STRUCTURAL_SEEDS[kind])))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _get(doc, path[:-1]), path[-1]
        how = draw(st.sampled_from(["hostile", "hostile", "drop", "wrap", "grow", "key", "poison"]))
        if how == "poison":  # control characters in every string of the document
            doc = _poisoned(doc, draw(st.sampled_from(POISONS)))
        elif how == "drop":
            del parent[last]
        elif how == "wrap":
            parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
        elif how == "grow" and isinstance(parent[last], list) and parent[last]:
            parent[last] = parent[last] * 1000
        elif how == "key" and isinstance(parent, dict):
            parent[draw(HOSTILE_TEXT)] = parent.pop(last)
        else:
            parent[last] = draw(HOSTILE_VALUES)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


#: The loader of each kind, and the commands each kind is an input of (FILE marks it).
STRUCTURAL_COMMANDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ruleset": (
        ("check", "FILE"),
        ("show", "FILE", "--format", "json"),
        ("calendar", "FILE", "--year", "2026", "--ics", "-"),
        ("window", "FILE", "--start", "2026-01-01", "--count", "3"),
        ("duties", "FILE", "--year", "2027"),
        ("example", "FILE", "--seed", "1", "--registrations", "60"),
        ("compare", "FILE", "vake", "--format", "markdown"),
        ("validate", "FILE", str(EXAMPLES / "vantaa-kerava-formal.yaml")),
        ("select", "FILE", str(EXAMPLES / "vantaa-kerava-formal-registrations.yaml")),
    ),
    "composition": (
        ("validate", "vake", "FILE"),
        ("validate", "ku", "FILE"),
        ("rotation", "vake", "FILE"),
        ("show", "FILE"),
    ),
    "registrations": (
        ("select", "vake", "FILE", "--format", "yaml"),
        ("select", "vake", "FILE", "--fair"),
    ),
    "roadmap": (("roadmap", "check", "FILE"), ("roadmap", "evaluate", "FILE")),
    "cooperation": (("check", "FILE"), ("show", "FILE", "--format", "json")),
    "history": (
        ("term-limits", "vake", "FILE"),
        (
            "succession",
            "vake",
            str(EXAMPLES / "vantaa-kerava-formal.yaml"),
            "FILE",
            "--at",
            "2025-06-01",
        ),
    ),
}


def _no_constant(name: str) -> Any:
    raise AssertionError(f"JSON output holds {name}, which JSON cannot read back")


@pytest.mark.parametrize("kind", sorted(STRUCTURAL_SEEDS))
@STRUCTURAL
@given(data=st.data())
def test_structural_mutations_load_round_trip_and_run_cleanly(
    kind: str,
    data: st.DataObject,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue #19, point 9: a mutated shipped document either is refused with problems
    or loads; what loads writes back to what it was, and every command it is an input
    of exits 0, 1 or 2 with no traceback and no internal error, within the deadline."""
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml, loads

    text = data.draw(mutated(kind))
    what = "ruleset" if kind == "ruleset" else kind
    problems: tuple[jy.Problem, ...] = ()
    try:
        model = loads(text, what)
    except jy.LoadError as exc:
        problems, model = exc.problems or (jy.Problem(path="", code="", message=""),), None
    assert all(p.path and p.message for p in problems)
    if model is not None:
        assert loads(dump_yaml(model), what) == model
        json.loads(dump_json(model), parse_constant=_no_constant)
        assert loads(dump_json(model), what) == model
    path = tmp_path_factory.mktemp("structural") / "input.yaml"
    path.write_text(text, encoding="utf-8")
    for argv in STRUCTURAL_COMMANDS[kind]:
        code = main([str(path) if a == "FILE" else a for a in argv])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (argv, err[-2000:])
        assert "Traceback" not in out + err
        assert not {"\x1b", "\x9b", "\u202e"} & set(out + err), "a terminal escape got out"
        if "json" in argv and code == 0:
            json.loads(out, parse_constant=_no_constant)
