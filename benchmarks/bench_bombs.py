"""Hostile YAML (issue #9): load time of bombs with the limits and without them.

* "billion laughs": nine levels of nine aliases (9^9 ≈ 387 million nodes when walked).
  The converter's strict types never walk it (no model field is recursive), so it is
  also measured the way any consumer of the parsed data meets it: ``json.dumps``;
* deep nesting: 100,000 nested brackets (libyaml's composer crashes the process on it);
* a 10 MB document.

With the default :class:`~jarjestoyhteistyo.io.yamldoor.Limits` each ends in a
``LoadError`` within milliseconds. Without limits the same bombs are measured at a
size that stays bounded on this machine (5 alias levels; 5,000 nesting levels), since
the full-size bombs would exhaust memory or crash the interpreter. Baseline in the
same run: ``yaml.safe_load`` of a normal preset.

Run: ``python benchmarks/bench_bombs.py``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call

from jarjestoyhteistyo import LoadError
from jarjestoyhteistyo.io.serialize import loads
from jarjestoyhteistyo.io.yamldoor import Limits, read_yaml
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.presets import preset_text

NO_LIMITS = Limits(max_bytes=10**9, max_depth=10**9, max_nodes=10**12)


def laughs(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"organisations: *a{levels}")
    return "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    return "seats: " + "[" * depth + "]" * depth + "\n"


def big(megabytes: int) -> str:
    row = "  - {id: org-%07d, categories: [pensioners]}\n"
    count = megabytes * 1_000_000 // len(row % 0)
    return "organisations:\n" + "".join(row % i for i in range(count))


def timed(text: str, limits: Limits | None) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        if limits is None:
            loads(text, Composition)
        else:
            loads(text, Composition, limits=limits)
        outcome = "loaded"
    except LoadError as exc:
        outcome = f"LoadError: {exc.problems[0].code}"
    return time.perf_counter() - start, outcome


def walked(text: str, limits: Limits) -> tuple[float, str]:
    """Parse, then walk the result as any consumer would (here: ``json.dumps``)."""
    start = time.perf_counter()
    try:
        size = len(json.dumps(read_yaml(text, limits=limits)))
        outcome = f"walked: {size / 1e6:.1f} MB of JSON"
    except LoadError as exc:
        outcome = f"LoadError: {exc.problems[0].code}"
    return time.perf_counter() - start, outcome


def main() -> None:
    base = best_per_call(
        lambda: yaml.load(preset_text("keski-uusimaa"), Loader=yaml.SafeLoader), number=20
    )
    print(f"baseline: pure-Python safe_load of a preset {base * 1e3:8.2f} ms")
    for label, text, limits in (
        ("laughs 9 levels, parse + walk (default limits)", laughs(9), Limits()),
        ("laughs 6 levels, parse + walk (no limits)", laughs(6), NO_LIMITS),
    ):
        seconds, outcome = walked(text, limits)
        print(f"{label:<48} {seconds * 1e3:10.2f} ms  ratio {seconds / base:8.1f}  {outcome}")
    cases = [
        ("billion laughs, 9 levels (default limits)", laughs(9), None),
        ("billion laughs, 9 levels (no limits)", laughs(9), NO_LIMITS),
        ("100,000 nested brackets (default limits)", nested(100_000), None),
        ("5,000 nested brackets (no limits)", nested(5_000), NO_LIMITS),
        ("10 MB document (default limits)", big(10), None),
        ("4 MB document (default limits)", big(4), None),
    ]
    for label, text, limits in cases:
        seconds, outcome = timed(text, limits)
        print(f"{label:<48} {seconds * 1e3:10.2f} ms  ratio {seconds / base:8.1f}  {outcome}")


if __name__ == "__main__":
    main()
