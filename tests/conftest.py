"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs) and ``ci`` (more examples). Choose one
with the ``HYPOTHESIS_PROFILE`` environment variable; ``default`` when unset.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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
