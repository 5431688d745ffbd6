"""Ecosystem benchmark (issue 8): classifying a register of 100,000 associations.

Baselines, in the same run: constructing the 100,000 ``Association`` objects (the
least any classification of them must do per row), and ``csv.reader`` over the same
CSV text (the least any reader must do). Measured: ``analyse`` (classification,
counts, blind spots, actions) and ``read_register`` of the CSV text. Run:
``python benchmarks/bench_ecosystem.py``.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_per_call, report
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.analysis.ecosystem import analyse
from jarjestoyhteistyo.io.register import read_register
from jarjestoyhteistyo.model.associations import Association

N = 100_000
AS_OF = date(2024, 6, 1)


def _rows(n: int) -> list[dict[str, object]]:
    rng = random.Random(8)
    start = date(1960, 1, 1)
    rows = []
    for i in range(n):
        contact = None if rng.random() < 0.4 else AS_OF - relativedelta(months=rng.randrange(0, 60))
        rows.append(
            {
                "id": f"r{i:06d}",
                "name": f"Yhdistys {i} ry",
                "registered": start + relativedelta(months=rng.randrange(0, 773)),
                "last_contact": contact,
                "grants_received": rng.choice((0.0, 0.0, 0.0, 1.0, 2.0, 4.0)),
                "premises_used": rng.random() < 0.3,
                "events_attended": rng.choice((0, 0, 0, 1, 2, 5)),
                "networks": frozenset({"kulttuuri"}) if rng.random() < 0.1 else frozenset(),
                "volunteer_run": rng.random() < 0.7,
                "languages": frozenset({"fi"}),
                "weaker_position": rng.random() < 0.08,
            }
        )
    return rows


def _csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["tunnus", "nimi", "rekisteröity", "viimeisin yhteydenotto", "avustukset",
                "tilat", "tapahtumat", "verkostot", "vapaaehtoisvoimin", "kielet",
                "heikommassa asemassa"])  # fmt: skip

    def fi(d: object) -> str:
        return f"{d.day}.{d.month}.{d.year}" if isinstance(d, date) else ""

    for r in rows:
        w.writerow(
            [r["id"], r["name"], fi(r["registered"]), fi(r["last_contact"]),
             str(r["grants_received"]).replace(".", ","), "kyllä" if r["premises_used"] else "ei",
             r["events_attended"], ";".join(sorted(r["networks"])),  # type: ignore[call-overload]
             "kyllä" if r["volunteer_run"] else "ei", "fi",
             "kyllä" if r["weaker_position"] else "ei"]
        )  # fmt: skip
    return out.getvalue()


def main() -> None:
    rows = _rows(N)
    associations = tuple(Association(**r) for r in rows)  # type: ignore[arg-type]
    text = _csv(rows)

    build = best_per_call(
        lambda: [Association(**r) for r in rows],  # type: ignore[arg-type]
        number=1,
        repeat=3,
    )
    ours = best_per_call(lambda: analyse(associations, as_of=AS_OF), number=1, repeat=3)
    report(f"analyse {N:,} associations", ours, build, "constructing the Associations")

    def csv_only() -> object:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

    base = best_per_call(csv_only, number=1, repeat=3)
    read = best_per_call(lambda: read_register(text), number=1, repeat=3)
    report(f"read_register {N:,} rows ({len(text) / 1e6:.1f} MB)", read, base, "csv.reader")

    result = read_register(text)
    assert len(result.associations) == N, result.problems[:3]
    counts = {s.segment.value: s.count for s in analyse(result.associations, as_of=AS_OF).segments}
    print("segments:", counts)


if __name__ == "__main__":
    main()
