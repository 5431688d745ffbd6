"""Read a fictional association register and analyse the actor ecosystem (`JP-4`, `JP-7`).

Run from the repository root::

    python examples/ecosystem.py [REGISTER.csv] [--markdown]

``jarvenpaa-register.csv`` is written the way Finnish Excel saves "CSV (semicolon
separated)": Windows-1252, semicolons, decimal commas, dates like ``27.5.2024``. Four
of its rows are deliberately broken; the reader reports them with their line numbers
and keeps every other row. The grants column holds euro sums, so the segment rules
come from ``ecosystem-rules.yaml`` (euro thresholds). The associations are fictional.
"""

from __future__ import annotations

import sys
from datetime import date
from importlib import resources
from pathlib import Path

from jarjestoyhteistyo.analysis.ecosystem import analyse, load_segment_rules, read_register
from jarjestoyhteistyo.rules.cooperation import check_cooperation, loads_cooperation

HERE = Path(__file__).resolve().parent
AS_OF = date(2024, 6, 1)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    register_path = Path(args[0]) if args else HERE / "jarvenpaa-register.csv"

    # 1. the cooperation model the register belongs to (JP-1 … JP-7)
    preset = resources.files("jarjestoyhteistyo") / "presets" / "bodies" / "jarvenpaa.yaml"
    model = loads_cooperation(preset.read_text(encoding="utf-8"), source="jarvenpaa.yaml")
    print(check_cooperation(model).to_text())
    print()

    # 2. the register (JP-3): bad rows are reported, the rest are kept
    result = read_register(register_path, as_of=AS_OF)
    print(
        f"{register_path.name}: {len(result.associations)} association(s) read "
        f"({result.encoding}, delimiter {result.delimiter!r}), {len(result.problems)} problem(s)"
    )
    for problem in result.problems:
        print(f"  {problem}")
    print()

    # 3. segments, blind spots and suggested actions (JP-4, JP-7)
    rules = load_segment_rules(HERE / "ecosystem-rules.yaml")
    report = analyse(result.associations, as_of=AS_OF, rules=rules)
    print(report.to_markdown() if "--markdown" in argv else report.to_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
