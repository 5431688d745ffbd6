"""Rotation benchmark (issue 3): a plan for 1,000 seats over 100 years.

Baseline, in the same run: merely constructing the same number of ``Tenure`` objects
with precomputed dates (the least any plan must do). Run:
``python benchmarks/bench_rotation.py``.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.model.history import Tenure
from jarjestoyhteistyo.model.rulesets import (
    GeneralRuleSet,
    IntRange,
    SeatGroup,
    SeatSource,
    TermPolicy,
)

SEATS, YEARS = 1_000, 100


def main() -> None:
    groups = tuple(
        SeatGroup(id=f"g{i:03d}", source=SeatSource.OPEN, seats=IntRange(min=0, max=10))
        for i in range(SEATS // 10)
    )
    rules = GeneralRuleSet(
        name="bench", area="bench", seat_groups=groups, term=TermPolicy(months=24, rotation=0.5)
    )
    comp = jy.Composition(
        seats=tuple(
            jy.Seat(id=f"{g.id}-{j}", kind=jy.SeatKind.MEMBER, group=g.id)
            for g in groups
            for j in range(10)
        )
    )
    start = date(2025, 6, 1)
    plan = rotation_plan(rules, comp, start=start, years=YEARS)
    n = len(plan.tenures)
    stamps = [(t.seat, t.number, t.cohort, t.start, t.end) for t in plan.tenures]

    def baseline() -> object:
        return [Tenure(seat=s, number=k, cohort=c, start=a, end=b) for s, k, c, a, b in stamps]

    base = best_per_call(baseline, number=1, repeat=3)
    ours = best_per_call(
        lambda: rotation_plan(rules, comp, start=start, years=YEARS), number=1, repeat=3
    )
    report(
        f"rotation plan {SEATS} seats x {YEARS} years ({n} tenures)",
        ours,
        base,
        "construct tenures",
    )


if __name__ == "__main__":
    main()
