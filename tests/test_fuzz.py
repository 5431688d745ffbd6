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
from jarjestoyhteistyo.presets import preset_text
from jarjestoyhteistyo.roadmap import loads_roadmap
from jarjestoyhteistyo.succession import loads_history

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROADMAP = (Path(jy.__file__).parent / "data" / "roadmaps" / "vantaa-kerava.yaml").read_text(
    encoding="utf-8"
)

FUZZ = settings(
    max_examples=int(os.environ.get("JY_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LOADERS: dict[str, Callable[[Any], Any]] = {
    "ruleset": jy.loads_ruleset,
    "composition": jy.loads_composition,
    "roadmap": loads_roadmap,
    "history": loads_history,
}
SEEDS: dict[str, str] = {
    "ruleset": preset_text("keski-uusimaa"),
    "composition": (EXAMPLES / "keski-uusimaa.yaml").read_text(encoding="utf-8"),
    "roadmap": ROADMAP,
    "history": "events:\n  - {date: 2025-01-01, kind: resign, seat: m1}\n",
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
