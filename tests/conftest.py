"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (fast, for local runs) and ``ci`` (more examples). Choose one
with the ``HYPOTHESIS_PROFILE`` environment variable; ``default`` when unset.
"""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The ``examples/`` directory with example compositions named after presets."""
    return ROOT / "examples"
