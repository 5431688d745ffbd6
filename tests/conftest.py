"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs) and ``ci`` (more examples). Choose one
with the ``HYPOTHESIS_PROFILE`` environment variable; ``default`` when unset.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent

# The command line speaks the language of the environment (LANG, LC_ALL, LANGUAGE):
# the suite runs in English whatever the machine's locale, and a test that wants
# Finnish or Swedish says so (LANG=fi_FI.UTF-8 in its environment, or --lang).
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(scope="session", autouse=True)
def _run_from_the_checkout() -> Iterator[None]:
    """Tests name files as ``examples/...``: run them from the checkout (or unpacked
    sdist) whatever the directory pytest was started in."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The ``examples/`` directory with example compositions named after presets."""
    return ROOT / "examples"


def _examples(name: str) -> str:
    return (ROOT / "examples" / name).read_text(encoding="utf-8")


def _sample(name: str) -> Any:
    """One realistic document of each kind in ``DOCUMENTS``, from shipped files."""
    import jarjestoyhteistyo as jy
    from jarjestoyhteistyo import presets
    from jarjestoyhteistyo.analysis import roadmap
    from jarjestoyhteistyo.analysis.ecosystem import Association, Register
    from jarjestoyhteistyo.io.serialize import loads as door
    from jarjestoyhteistyo.selection import Registrations
    from jarjestoyhteistyo.selection.succession import Event, EventKind, History

    samples = {
        "ruleset": lambda: jy.load_preset("keski-uusimaa"),
        "composition": lambda: door(_examples("keski-uusimaa.yaml"), jy.Composition),
        "cooperation": lambda: presets.load_cooperation_preset("jarvenpaa"),
        "registrations": lambda: door(
            _examples("vantaa-kerava-formal-registrations.yaml"), Registrations
        ),
        "history": lambda: History(
            events=(Event(date=dt.date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1"),)
        ),
        "roadmap": roadmap.load_example,
        "register": lambda: Register(
            associations=(Association(id="a1", registered=dt.date(2020, 1, 2)),)
        ),
        "segment_rules": lambda: door(_examples("ecosystem-rules.yaml"), "segment_rules"),
    }
    return samples[name]()


@pytest.fixture(scope="session")
def document_sample() -> Callable[[str], Any]:
    """One document of a kind named in ``serialize.DOCUMENTS`` (shipped files mostly)."""
    return _sample
