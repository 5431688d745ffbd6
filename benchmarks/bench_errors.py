"""Errors at scale (issue #19, point 8): the cost of reporting 100,000 wrong entries.

A composition whose seats are 100,000 wrong-typed entries (``- 5``) is structured by
the one converter; the load reports :data:`~jarjestoyhteistyo.model.bounds.MAX_PROBLEMS`
problems and one that says how many more. Baseline in the same run: structuring
100,000 *valid* seats (the cost of reading the same list when nothing is wrong). Also
timed end to end from YAML text (the 195 KB file of the issue, and the 2 MB file of
999,000 entries), with the YAML parse alone as that one's baseline.

Run: ``python benchmarks/bench_errors.py`` (``--small`` leaves out the 2 MB file, e.g.
to measure a version without the cap, where it costs gigabytes).
"""

from __future__ import annotations

import contextlib
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _timing import report

from jarjestoyhteistyo import LoadError
from jarjestoyhteistyo.io.converter import structure
from jarjestoyhteistyo.io.serialize import loads
from jarjestoyhteistyo.io.yamldoor import read_yaml
from jarjestoyhteistyo.model.composition import Composition

N = 100_000


def _once(fn: Any) -> tuple[float, int, str]:
    """Seconds, peak traced bytes and the last problem (or "loaded") of one call."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        fn()
        outcome = "loaded"
    except LoadError as exc:
        outcome = f"{len(exc.problems)} problems; last: {exc.problems[-1]}"
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, outcome


def _best(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(LoadError):
            fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    wrong = {"organisations": [], "seats": [5] * N}
    valid = {"organisations": [], "seats": [{"id": f"s{i}", "kind": "member"} for i in range(N)]}
    seconds = _best(lambda: structure(wrong, Composition))
    baseline = _best(lambda: structure(valid, Composition))
    report(f"structure {N:,} wrong seats", seconds, baseline, f"{N:,} valid seats")
    _, peak, outcome = _once(lambda: structure(wrong, Composition))
    print(f"  peak traced memory {peak / 1e6:.1f} MB; {outcome}")

    for count in (N,) if "--small" in sys.argv else (N, 999_000):
        text = "organisations: []\nseats: [" + ",".join(["5"] * count) + "]\n"
        seconds = _best(lambda text=text: loads(text, Composition), repeat=1)
        parse = _best(lambda text=text: read_yaml(text), repeat=1)
        label = f"load {len(text) / 1e6:.2f} MB, {count:,} wrong seats"
        report(label, seconds, parse, "YAML parse alone")
        _, peak, outcome = _once(lambda text=text: loads(text, Composition))
        print(f"  peak traced memory {peak / 1e6:.1f} MB; {outcome}")


if __name__ == "__main__":
    main()
