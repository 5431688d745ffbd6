"""Attrition benchmark (issue 5): 10,000 runs of a 32-seat body over 4 years.

The body is the Vantaa–Kerava formal council: 16 member seats, each with a personal
deputy (`FC-8`) — 32 seats, 32 people. Refill after 3 months, 20 % drop-out a year.

Baseline, in the same run: the naive simulation — a monthly loop that flips a coin
for every present person in every month (the same model, 48 × 32 draws per run) —
timed on 500 runs and scaled to 10,000. Run: ``python benchmarks/bench_simulate.py``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.simulate import AttritionResult, monthly_hazard, simulate_attrition

RUNS, YEARS, P, REFILL = 10_000, 4, 0.2, 3
BASELINE_RUNS = 500


def naive(runs: int, seats: int, months: int, hazard: float, seed: int) -> float:
    """Month-by-month coin flips for member + deputy lines; mean vacant seat-months."""
    rng = random.Random(seed)
    total = 0
    for _ in range(runs):
        for _seat in range(seats):
            lines = [0, 0]  # 0 present, r > 0 months left empty
            for _month in range(months):
                if lines[0] and lines[1]:
                    total += 1
                for i in (0, 1):
                    if lines[i] == 0:
                        if rng.random() < hazard:
                            lines[i] = REFILL
                    else:
                        lines[i] -= 1
    return total / runs


def main() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")

    def ours() -> AttritionResult:
        return simulate_attrition(
            rules,
            None,
            dropout_per_year=P,
            refill_months=REFILL,
            years=YEARS,
            runs=RUNS,
            seed=1,
        )

    result = ours()
    seats = len(result.seats)
    h = monthly_hazard(P)
    base = best_per_call(
        lambda: naive(BASELINE_RUNS, seats, YEARS * 12, h, 1), number=1, repeat=3
    ) * (RUNS / BASELINE_RUNS)
    t = best_per_call(ours, number=1, repeat=3)
    report(
        f"attrition {RUNS} runs x {2 * seats} seats x {YEARS} y",
        t,
        base,
        f"naive monthly loop ({BASELINE_RUNS} runs scaled)",
    )
    print(
        f"  exact: P(seat vacant) {result.p_seat_vacant:.4f}, P(any vacant) "
        f"{result.p_any_vacant:.4f}, vacant seat-months {result.expected_vacant_seat_months:.2f}"
        f" (Monte Carlo {result.mc_vacant_seat_months:.2f}), replacements "
        f"{result.expected_replacements:.2f}"
    )


if __name__ == "__main__":
    main()
