"""Generation benchmark (issue 7): generating and validating 1,000 examples.

Each example is :func:`~jarjestoyhteistyo.fictional.generate.generate` for the Vantaa–Kerava
formal preset (32 organisations, 35 seats) with a new seed, then
:func:`~jarjestoyhteistyo.validate` of its composition. Baselines, in the same run:
validating the same 1,000 compositions only, and constructing them only (the
``Organisation`` and ``Seat`` objects, from their precomputed fields). A second line
does the same for broken examples (``broken="FC-9"``), whose generation validates each
candidate before returning it.

Large bodies (issue #19): one example of the same preset with 4,000 members per
category (64,000 seats with their deputies) against one with 400 (6,400 seats), in
the same run. The ratio is near 10 when the time grows linearly with the seats;
placing the chair was quadratic (a list membership test per seat: 20 s at 73,000
seats), which showed as a ratio near 100.

Run: ``python benchmarks/bench_generate.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import attrs
from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.fictional.generate import generate

N = 1_000
PRESET = "vantaa-kerava-formal"


def main() -> None:
    rules = jy.load_preset(PRESET)
    comps = [generate(PRESET, seed=s).composition for s in range(N)]
    fields = [
        (
            [attrs.asdict(o, recurse=False) for o in c.organisations],
            [attrs.asdict(s, recurse=False) for s in c.seats],
            c.name,
            c.as_of,
        )
        for c in comps
    ]

    def construct() -> object:
        return [
            jy.Composition(
                name=name,
                as_of=as_of,
                organisations=tuple(jy.Organisation(**o) for o in orgs),
                seats=tuple(jy.Seat(**s) for s in seats),
            )
            for orgs, seats, name, as_of in fields
        ]

    def validate_only() -> object:
        return [jy.validate(rules, c) for c in comps]

    def generate_and_validate() -> object:
        return [jy.validate(rules, generate(PRESET, seed=s).composition) for s in range(N)]

    def generate_broken_and_validate() -> object:
        return [
            jy.validate(rules, generate(PRESET, seed=s, broken="FC-9").composition)
            for s in range(N)
        ]

    base_construct = best_per_call(construct, number=1, repeat=3)
    base_validate = best_per_call(validate_only, number=1, repeat=3)
    ours = best_per_call(generate_and_validate, number=1, repeat=3)
    broken = best_per_call(generate_broken_and_validate, number=1, repeat=3)
    report(f"generate + validate {N} examples", ours, base_validate, "validate only")
    report(f"generate + validate {N} examples", ours, base_construct, "construct only")
    report(f"generate broken FC-9 + validate {N}", broken, base_validate, "validate only")

    def one_large(per_category: int) -> object:
        return generate(attrs.evolve(rules, members_per_category=per_category), seed=1)

    small = best_per_call(lambda: one_large(400), number=1, repeat=3)
    large = best_per_call(lambda: one_large(4_000), number=1, repeat=3)
    report("generate one body of 64,000 seats", large, small, "6,400 seats")


if __name__ == "__main__":
    main()
