"""Fair-lottery benchmark (issue #20, point 4): a panel draw and the probabilities.

Measured in one run on the anchor benchmark's pool (``../shared/bench`` beside the
checkout, or ``$JY_ANCHOR_BENCH``) at 1,000, 10,000 and 100,000 registrations for the
``vantaa-kerava-formal`` preset, against the lottery as it was before issue #20 (kept
verbatim in ``tests/test_lottery.py`` as the reference that the same seed draws the
same panels):

* one panel draw (``FairQuotas.draw``): before, every draw regrouped all registrations
  by type, re-sorted each type's ids and solved the rational flow again; now the first
  draw does that once and later draws reuse it (both are shown);
* ``selection_probabilities`` (reading the pool, feasibility, the leximin quotas, one
  panel), and the quotas alone (``FairQuotas``: exact maximum flows);
* ``selection_probabilities(runs=1000)``.

Each figure is the minimum and the median of at least 5 runs, ``gc.collect()`` before
each. Run: ``python benchmarks/bench_lottery.py`` (about a minute; ``--quick`` skips
100,000). Needs pytest and hypothesis (the reference lives in a test module).
"""

from __future__ import annotations

import gc
import importlib.util
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jarjestoyhteistyo.selection import selection_probabilities  # noqa: E402
from jarjestoyhteistyo.selection.feasible import feasibility_of  # noqa: E402
from jarjestoyhteistyo.selection.lottery import FairQuotas  # noqa: E402
from jarjestoyhteistyo.selection.pool import Pool  # noqa: E402


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_lottery_tests", ROOT / "tests" / "test_lottery.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_lottery_tests"] = module
    spec.loader.exec_module(module)
    return module


def timed(fn: Callable[[], object], *, repeat: int = 5, number: int = 1) -> tuple[float, float]:
    """(min, median) seconds per call over ``repeat`` runs of ``number`` calls."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return min(runs), statistics.median(runs)


def row(label: str, new: tuple[float, float], old: tuple[float, float]) -> None:
    print(
        f"| {label} | {new[0] * 1e3:,.2f} / {new[1] * 1e3:,.2f} ms "
        f"| {old[0] * 1e3:,.2f} / {old[1] * 1e3:,.2f} ms "
        f"| {old[0] / new[0]:,.1f}× / {old[1] / new[1]:,.1f}× |"
    )


def old_selection_probabilities(
    ref: ModuleType, rules: object, regs: list[object], runs: int = 0
) -> object:
    """``selection_probabilities(seed=1, runs=runs)`` as before: the same steps, the old
    quotas and draws."""
    pool = Pool(rules, regs)  # type: ignore[arg-type]
    fillable = feasibility_of(pool)[1]
    q = ref._QuotasBefore(pool, fillable)
    probs = {}
    for i, r in enumerate(pool.regs):
        if i not in pool.duplicate_of:
            probs[r.organisation.id] = q.p[pool.masks[i]] if pool.masks[i] else 0
    rng = random.Random(1)
    panel = q.draw(rng)
    tally: Counter[str] = Counter()
    for _ in range(runs):
        tally.update(pool.regs[i].organisation.id for i, _j in q.draw(rng))
    return probs, sorted((pool.regs[i].organisation.id, pool.groups[j].id) for i, j in panel)


def measure(ref: ModuleType, n: int) -> None:
    """The rows for the anchor pool of ``n``."""
    rules, regs = ref.anchor_registrations(n)
    pool = Pool(rules, regs)
    fillable = feasibility_of(pool)[1]
    new_q, old_q = FairQuotas(pool, fillable), ref._QuotasBefore(pool, fillable)
    rng_new, rng_old = random.Random(1), random.Random(1)
    assert new_q.draw(rng_new) == old_q.draw(rng_old)  # the same panels
    draws = max(5, 20_000 // n)
    old_draw = timed(lambda: old_q.draw(rng_old), number=max(1, draws // 4))
    row(f"{n:,}: one panel draw", timed(lambda: new_q.draw(rng_new), number=draws * 10), old_draw)
    row(
        f"{n:,}: quotas and the first draw",
        timed(lambda: FairQuotas(pool, fillable).draw(random.Random(1))),
        timed(lambda: ref._QuotasBefore(pool, fillable).draw(random.Random(1))),
    )
    row(
        f"{n:,}: quotas (`FairQuotas`)",
        timed(lambda: FairQuotas(pool, fillable)),
        timed(lambda: ref._QuotasBefore(pool, fillable)),
    )
    row(
        f"{n:,}: `selection_probabilities`",
        timed(lambda: selection_probabilities(rules, regs, seed=1)),
        timed(lambda: old_selection_probabilities(ref, rules, regs)),
    )
    runs = 1000 if n <= 1000 else 100
    row(
        f"{n:,}: `selection_probabilities(runs={runs})`",
        timed(lambda: selection_probabilities(rules, regs, seed=1, runs=runs)),
        timed(lambda: old_selection_probabilities(ref, rules, regs, runs)),
    )
    low, mid = timed(lambda: Pool(rules, regs))
    print(
        f"| {n:,}: reading the pool (`Pool`, for scale) "
        f"| {low * 1e3:,.2f} / {mid * 1e3:,.2f} ms | | |"
    )


def main() -> None:
    ref = _reference()
    sizes = (1000, 10_000) if "--quick" in sys.argv else (1000, 10_000, 100_000)
    print("| anchor pool | now: min / median | before: min / median | speed-up: min / median |")
    print("|---|---:|---:|---:|")
    for n in sizes:
        measure(ref, n)


if __name__ == "__main__":
    main()
