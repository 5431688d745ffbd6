"""Generated example structures (issue 7): one valid example per preset and a broken one.

Everything printed is fictional: organisations with made-up association names, people
by role only. Run from the repository root with the package installed::

    python examples/generate_examples.py [SEED]
"""

from __future__ import annotations

import sys

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.fictional.generate import generate
from jarjestoyhteistyo.model.rulesets import KINDS


def main(seed: int = 2025) -> None:
    bodies = [p for p in jy.list_presets() if p.kind in KINDS]  # not cooperation models
    for info in bodies:
        rules = jy.load_preset(info.name)
        ex = generate(info.name, seed=seed)
        report = jy.validate(rules, ex.composition)
        print(f"# {info.title} (seed {seed}): {report.to_text().splitlines()[0]}")
        print(jy.dump_yaml(ex.composition))

    bad = generate("vantaa-kerava-formal", seed=seed, broken="FC-9", registrations=36)
    rules = jy.load_preset("vantaa-kerava-formal")
    print(f"# Broken on purpose: rule {bad.broken_rule}, validate must report {bad.expected_code}")
    print(jy.validate(rules, bad.composition).to_text())
    unseated = [r for r in bad.registrations if not r.seated]
    print(f"# {len(bad.registrations)} registrations, {len(unseated)} without a seat:")
    for r in unseated:
        print(f"#   {r.organisation.name} ({r.group}): {r.motivation}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2025)
