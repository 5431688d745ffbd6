"""Select the Vantaa–Kerava NGO advisory council from a fictional registration pool.

The pool is built in code: fictional organisations, people by role only (no
personal data). The script checks feasibility, proposes a composition with
explanations, shows what an under-subscribed call looks like, and reports the fair
lottery's selection probabilities. Run: ``python examples/selection.py``.
"""

from __future__ import annotations

import random

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.selection import (
    Outcome,
    Registration,
    feasibility,
    propose,
    selection_probabilities,
)

ROLES = (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT, Role.VOLUNTEER)
MUNICIPALITIES = ("Vantaa", "Kerava")


def pool(codes: list[str], n: int, seed: int = 2025) -> list[Registration]:
    """``n`` fictional registrations; about one in five is multi-sector (WS-7)."""
    rng = random.Random(seed)
    regs = []
    for i in range(n):
        cats = rng.sample(codes, 2 if rng.random() < 0.2 else 1)
        org = Organisation(
            id=f"association-{i:03d}",
            categories=frozenset(cats),
            size=rng.choice(list(SizeClass)),
            languages=frozenset({"sv"} if rng.random() < 0.1 else {"fi"}),
            volunteer_run=rng.random() < 0.3,
            municipalities=frozenset({rng.choice(MUNICIPALITIES)}),
        )
        regs.append(
            Registration(
                organisation=org,
                member=Person(role=ROLES[i % 3]),
                link_description="works with the wellbeing area's services for its members",
                hours_available=rng.choice((30.0, 40.0, 60.0)),
            )
        )
    return regs


def main() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")  # 2 members + 2 deputies per category
    codes = [c.code for c in rules.categories]
    regs = pool(codes, 60)

    print("== Feasibility")
    print(feasibility(rules, regs).explain())

    print("\n== Proposal (seed 2025)")
    p = propose(rules, regs, seed=2025)
    for seat in p.composition.seats:
        if seat.organisation:
            x = p.explanation(seat.organisation)
            print(f"  {seat.id:<26} {seat.organisation}  — {x.reason}")
    counts: dict[str, int] = {}
    for x in p.explanations:
        counts[x.outcome.value] = counts.get(x.outcome.value, 0) + 1
    print(f"  outcomes: {counts}")
    print(f"  {p.report.to_text().splitlines()[-1]}")

    print("\n== An under-subscribed call: only 20 registrations")
    small = propose(rules, regs[:20], seed=2025)
    print(small.feasibility.explain())
    for f in small.report:
        if f.code in ("JY501", "JY505"):
            print(f"  {f.severity.value} {f.code}: {f.message_en}")
    reserve = [x.organisation for x in small.explanations if x.outcome is Outcome.RESERVE]
    print(f"  in reserve: {reserve}")

    print("\n== Fair lottery over the 60 registrations")
    lot = selection_probabilities(rules, regs, seed=2025, runs=500)
    print(f"  seats {lot.seats}, minimum probability {float(lot.minimum):.3f}")
    for org_id, prob in sorted(lot.probabilities.items())[:6]:
        seen = lot.empirical[org_id]
        print(f"  {org_id}: {float(prob):.3f} (drawn in {seen:.3f} of {lot.runs} panels)")


if __name__ == "__main__":
    main()
