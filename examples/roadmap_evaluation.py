"""Evaluate the shipped Vantaa–Kerava roadmap as of a date (`RM-1` … `RM-7`).

Run: ``python examples/roadmap_evaluation.py [YYYY-MM-DD] [text|markdown|json]``
(default: 2024-05-27, text). Prints the check report, the evaluation and a per-measure
table; with pandas installed, also a DataFrame summary.
"""

from __future__ import annotations

import sys
from datetime import date

from jarjestoyhteistyo.analysis.roadmap import evaluate, load_example, render, roadmap_check

__all__ = ["main"]


def main(argv: list[str]) -> int:
    """Print the evaluation; returns the exit status."""
    as_of = date.fromisoformat(argv[0]) if argv else date(2024, 5, 27)
    fmt = argv[1] if len(argv) > 1 else "text"
    if fmt not in ("text", "markdown", "json"):
        print(f"unknown format {fmt!r}", file=sys.stderr)
        return 2
    doc = load_example("vantaa-kerava")
    print(roadmap_check(doc).to_text())
    print()
    evaluation = evaluate(doc.roadmap, doc.plans, as_of=as_of)
    print(render(evaluation, fmt))  # type: ignore[arg-type]
    if fmt == "text":
        print("\nCarried over from earlier years:")
        for chain in evaluation.chains:
            print(f"  * {chain.ref:32} from {chain.origin_year} ({chain.times}x)")
        records = evaluation.to_table("measure").to_records()
        print(f"\n{len(records)} measure rows; first: {records[0]}")
        try:
            frame = evaluation.to_table("measure").to_dataframe()
        except ImportError as exc:
            print(f"(no DataFrame: {exc})")
        else:
            print(frame.groupby(["year", "status"], dropna=False).size())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
