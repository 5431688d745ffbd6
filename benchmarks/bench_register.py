"""Register reading (issue #20, point 3): ``read_register`` against ``csv.reader``.

A 100,000-row register as Finnish Excel writes it (Windows-1252, ``;``, decimal
commas, ``dd.mm.yyyy`` dates, ``kyllä``/``ei``), one row in 200 broken (a date that
is not a calendar date, a word for a count, a stray quote). Baselines, measured in
the same run with ``gc.collect()`` before each run, min and median of ``--repeat``
(default 7), taking turns: ``list(csv.reader(...))`` over the same decoded text (the
baseline of the issue and of ``bench_ecosystem.py``), ``bytes.decode`` + the same over
the cp1252 bytes, and ``csv.reader`` iterated with its rows dropped (no list of 100,000
rows for the garbage collector to walk: the strictest floor); ``pandas.read_csv`` with
the same dialect when pandas is installed. The problems reported are checked against the rows broken
on purpose. Then the streaming reader (``iter_register``) over a generated file of
``--stream-rows`` rows (default 1,000,000), its peak traced memory (``tracemalloc``)
beside the file's size and beside ``read_register`` of the same file.

Run: ``python benchmarks/bench_register.py`` (``--rows``, ``--repeat``,
``--stream-rows 0`` to leave the streaming part out).
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.io.register import RowProblem, iter_register, read_register

HEADER = [
    "tunnus", "nimi", "rekisteröity", "viimeisin yhteydenotto", "avustukset", "tilat",
    "tapahtumat", "verkostot", "vapaaehtoisvoimin", "kielet", "heikommassa asemassa",
]  # fmt: skip
BROKEN_EVERY = 200


def _fi(d: date | None) -> str:
    return "" if d is None else f"{d.day:02d}.{d.month:02d}.{d.year}"


def rows(n: int, seed: int = 20) -> list[list[str]]:
    """The cells of ``n`` rows; row ``i`` with ``i % BROKEN_EVERY == 7`` is broken."""
    rng = random.Random(seed)
    start = date(1960, 1, 1)
    as_of = date(2024, 6, 1)
    out = []
    for i in range(n):
        contact = None if rng.random() < 0.4 else as_of - relativedelta(months=rng.randrange(60))
        grant = rng.choice(("0", "0", "0", "1 200,00", "350,50", "2 500", "12 000,75"))
        row = [
            f"R{i:07d}",
            f"Yhdistys {i} ry",
            _fi(start + relativedelta(months=rng.randrange(773), days=rng.randrange(28))),
            _fi(contact),
            grant,
            rng.choice(("kyllä", "ei", "ei")),
            rng.choice(("0", "0", "1", "2", "5", "12")),
            rng.choice(("", "", "", "kulttuuri", "kulttuuri; liikunta", "hyte")),
            rng.choice(("kyllä", "kyllä", "ei")),
            rng.choice(("fi", "fi", "fi", "sv", "fi, sv")),
            rng.choice(("ei",) * 9 + ("kyllä",)),
        ]
        if i % BROKEN_EVERY == 7:
            kind = (i // BROKEN_EVERY) % 3
            if kind == 0:
                row[2] = "31.02.2020"
            elif kind == 1:
                row[6] = "monta"
            else:
                row[1] = '"Lainausmerkki ry'  # a stray quote: its own row is reported
        out.append(row)
    return out


def excel_bytes(table: list[list[str]]) -> bytes:
    """The rows as Finnish Excel's "CSV (semicolon-separated)": cp1252, CR LF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")  # quotes a cell with ";"
    writer.writerow(HEADER)
    for row in table:
        if row[1].startswith('"'):  # the stray quote, as a hand edit leaves it
            out.write(";".join(row) + "\r\n")
        else:
            writer.writerow(row)
    return out.getvalue().encode("cp1252")


def timed(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Min and median seconds of ``repeat`` runs of each, ``gc.collect()`` before each run;
    the functions take turns, so a change in the machine's load touches them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return {name: (min(ts), statistics.median(ts)) for name, ts in times.items()}


def line(label: str, t: tuple[float, float], base: tuple[float, float], what: str) -> None:
    print(
        f"{label:<40} min {t[0] * 1e3:8.1f} ms  median {t[1] * 1e3:8.1f} ms   "
        f"{what}: min {base[0] * 1e3:7.1f} ms, median {base[1] * 1e3:7.1f} ms   "
        f"ratio min {t[0] / base[0]:5.2f}, median {t[1] / base[1]:5.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--stream-rows", type=int, default=1_000_000)
    args = ap.parse_args()

    table = rows(args.rows)
    raw = excel_bytes(table)
    text = raw.decode("cp1252")
    print(f"{args.rows:,} rows, {len(raw) / 1e6:.1f} MB of cp1252")

    result = read_register(raw)
    broken = sum(1 for i in range(args.rows) if i % BROKEN_EVERY == 7)
    assert result.encoding == "cp1252"
    assert result.delimiter == ";"
    assert len(result.problems) == broken, (len(result.problems), broken)
    assert len(result.associations) + len(result.problems) == args.rows
    assert read_register(text).problems == result.problems
    print(f"read {len(result.associations):,}, reported {len(result.problems):,} (as broken)")

    def csv_text() -> object:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

    def csv_iterate() -> None:  # the rows parsed and dropped: no list of 100,000 kept
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
            pass

    def csv_bytes() -> object:
        return list(csv.reader(io.StringIO(raw.decode("cp1252"), newline=""), delimiter=";"))

    def streamed() -> None:
        for _ in iter_register(io.BytesIO(raw)):
            pass

    fns: dict[str, Callable[[], object]] = {
        "csv text": csv_text,
        "csv bytes": csv_bytes,
        "csv iterate": csv_iterate,
        "ours text": lambda: read_register(text),
        "ours bytes": lambda: read_register(raw),
        "stream": streamed,
    }
    try:
        import pandas as pd
    except ImportError:
        pd = None
    else:

        def pandas_bytes() -> object:
            return pd.read_csv(io.BytesIO(raw), sep=";", encoding="cp1252", decimal=",",
                               thousands=" ", dtype=str, keep_default_na=False)  # fmt: skip

        fns["pandas"] = pandas_bytes
    t = timed(fns, args.repeat)
    line("read_register(text)", t["ours text"], t["csv text"], "csv.reader(text)")
    line("read_register(bytes)", t["ours bytes"], t["csv bytes"], "decode + csv.reader")
    line("iter_register(binary stream)", t["stream"], t["csv bytes"], "decode + csv.reader")
    line("read_register(text)", t["ours text"], t["csv iterate"], "csv.reader, rows dropped")
    if pd is None:
        print("pandas.read_csv: skipped (pandas is not installed)")
    else:
        line("read_register(bytes)", t["ours bytes"], t["pandas"], "pandas.read_csv")

    if args.stream_rows:
        stream(args.stream_rows, args.rows, len(raw))


def _peak(fn: Callable[[], object]) -> tuple[float, int]:
    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    fn()
    seconds = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak


def stream(n: int, chunk_rows: int, chunk_bytes: int) -> None:
    """``iter_register`` over a file of ``n`` rows written chunk by chunk: peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "bulk.csv")
        chunk = rows(chunk_rows)
        with path.open("wb") as f:
            f.write((";".join(HEADER) + "\r\n").encode("cp1252"))
            for k in range(0, n, chunk_rows):
                part = [[f"R{k + i:07d}", *row[1:]] for i, row in enumerate(chunk[: n - k])]
                f.write(excel_bytes(part).split(b"\r\n", 1)[1])
        size = path.stat().st_size
        counts = [0, 0]

        def streamed() -> None:
            for item in iter_register(path, max_bytes=size):
                counts[isinstance(item, RowProblem)] += 1

        seconds, peak = _peak(streamed)
        print(
            f"iter_register, {n:,} rows ({size / 1e6:.0f} MB): {seconds:.2f} s, "
            f"peak traced {peak / 1e6:.1f} MB; read {counts[0]:,}, reported {counts[1]:,}"
        )
        assert sum(counts) == n
        # The same file read whole, for comparison (its peak grows with the file).
        seconds, peak = _peak(lambda: read_register(path, max_bytes=size))
        print(f"read_register of the same file: {seconds:.2f} s, peak traced {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
