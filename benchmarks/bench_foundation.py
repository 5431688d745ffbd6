"""Foundation benchmark (issue 2): loading a preset and validating a 32-seat body.

Both figures are measured against a baseline in the same run:

* loading a preset with full structuring and checks, against ``yaml.load`` of the
  same text with PyYAML's pure-Python ``SafeLoader`` (target: ratio ≤ 1);
* validating the shipped 16 + 16 formal-committee composition (with its committee
  members), against reading that composition's YAML with the pure-Python loader.

Run: ``python benchmarks/bench_foundation.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call, report

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.presets import preset_text

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    for name in ("vantaa-kerava-formal", "keski-uusimaa"):
        text = preset_text(name)
        base = best_per_call(lambda t=text: yaml.load(t, Loader=yaml.SafeLoader), number=50)
        ours = best_per_call(lambda t=text: jy.check(jy.loads_ruleset(t)), number=50)
        report(f"load + check preset {name}", ours, base, "pure-Python safe_load")

    comp_text = (ROOT / "examples" / "vantaa-kerava-formal.yaml").read_text(encoding="utf-8")
    rules = jy.load_preset("vantaa-kerava-formal")
    comp = jy.loads_composition(comp_text)
    seats = len(comp.seats)
    base = best_per_call(lambda: yaml.load(comp_text, Loader=yaml.SafeLoader), number=20)
    ours = best_per_call(lambda: jy.validate(rules, comp), number=200)
    report(f"validate formal composition ({seats} seats)", ours, base, "pure-Python safe_load")
    full = best_per_call(lambda: jy.validate(rules, jy.loads_composition(comp_text)), number=20)
    report("load + validate the same composition", full, base, "pure-Python safe_load")


if __name__ == "__main__":
    main()
