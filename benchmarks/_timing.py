"""Shared timing helper for the benchmark scripts: best-of-N per call, in one run."""

from __future__ import annotations

import timeit
from collections.abc import Callable


def best_per_call(fn: Callable[[], object], *, number: int, repeat: int = 5) -> float:
    """Seconds per call: the best of ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def report(label: str, seconds: float, baseline: float, baseline_label: str) -> None:
    """Print one line: time per call, the baseline, and the ratio."""
    ratio = seconds / baseline
    print(
        f"{label:<44} {seconds * 1e3:9.3f} ms   baseline {baseline_label}: "
        f"{baseline * 1e3:8.3f} ms   ratio {ratio:5.2f}"
    )
