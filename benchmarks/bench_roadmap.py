"""Benchmark: evaluate a roadmap with 10,000 measures (`RM-4` … `RM-7`).

Builds a synthetic roadmap (4 goals × 10 action areas, milestones 2022–2025) and
plans for 2023 and 2024 with 5,000 measures each, half of 2023's carried into 2024.
Prints the time to build the objects (the baseline), to check them, and to evaluate
them, and the ratio of evaluation to baseline, measured in the same run.

Run: ``python benchmarks/bench_roadmap.py [N_MEASURES]``
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from jarjestoyhteistyo.analysis.roadmap import (
    ActionArea,
    Goal,
    Measure,
    Milestone,
    MilestoneItem,
    Plan,
    Roadmap,
    Snapshot,
    Status,
    check_document,
    evaluate,
)

__all__ = ["build", "main"]

T = TypeVar("T")
STATUSES = tuple(Status)
PHRASES = ("kevät 2023", "syksy 2023", "kevät–syksy 2023", "koko vuosi 2023", "1 krt/kk")


def build(n_measures: int) -> tuple[Roadmap, tuple[Plan, ...]]:
    """A roadmap and two plans holding ``n_measures`` measures in all."""
    areas_per_goal = 10
    goals = tuple(
        Goal(
            id=f"g{g}",
            title=f"Goal {g}",
            action_areas=tuple(
                ActionArea(
                    id=f"g{g}a{a}",
                    title=f"Area {g}.{a}",
                    milestones=tuple(
                        Milestone(year=y, items=(MilestoneItem(id=f"g{g}a{a}y{y}", text="target"),))
                        for y in range(2022, 2026)
                    ),
                )
                for a in range(areas_per_goal)
            ),
        )
        for g in range(4)
    )
    roadmap = Roadmap(id="bench", title="Benchmark", first_year=2022, last_year=2025, goals=goals)
    area_ids = [a.id for g in goals for a in g.action_areas]
    half = n_measures // 2
    first = tuple(
        Measure(
            id=f"m{i}",
            action_area=area_ids[i % len(area_ids)],
            title=f"Measure {i}",
            responsible=("unit",) if i % 7 else (),
            schedule=(PHRASES[i % len(PHRASES)],),
            snapshots=(Snapshot(as_of=date(2024, 2, 1), status=STATUSES[i % len(STATUSES)]),),
        )
        for i in range(half)
    )
    carried = tuple(
        Measure(
            id=f"m{i}",
            action_area=m.action_area,
            title=m.title,
            responsible=m.responsible,
            carried_from=(f"2023/m{i}",),
        )
        for i, m in enumerate(first)
        if m.snapshots[0].status.is_open
    )
    fresh = tuple(
        Measure(
            id=f"n{i}",
            action_area=area_ids[i % len(area_ids)],
            title=f"New {i}",
            responsible=("unit",),
            schedule=("syksy 2024",),
        )
        for i in range(n_measures - half - len(carried))
    )
    plans = (
        Plan(year=2023, measures=first),
        Plan(year=2024, measures=carried + fresh),
    )
    return roadmap, plans


def timed(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The best wall time of ``repeat`` runs, and the last result."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def main(argv: list[str]) -> int:
    """Run the benchmark and print the figures."""
    n = int(argv[0]) if argv else 10_000
    t_build, (roadmap, plans) = timed(lambda: build(n))
    count = sum(len(p.measures) for p in plans)
    t_check, findings = timed(lambda: check_document(roadmap, plans))
    t_eval, ev = timed(lambda: evaluate(roadmap, plans, as_of=date(2024, 5, 27)))
    t_json, text = timed(ev.to_json, repeat=1)
    print(f"measures:             {count}")
    print(f"build (baseline):     {t_build * 1000:8.1f} ms")
    print(f"check_document:       {t_check * 1000:8.1f} ms  ({len(findings)} findings)")
    print(f"evaluate:             {t_eval * 1000:8.1f} ms  ({len(ev.chains)} carry chains)")
    print(f"render JSON:          {t_json * 1000:8.1f} ms  ({len(text) // 1024} KiB)")
    print(f"evaluate / baseline:  {t_eval / t_build:8.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
