"""The national register's bulk file (issue #17, point 6): ``read_ytj`` against ``zipfile``.

Generates a synthetic "all companies" zip in the layout of the YTJ open data API v3
(``--size-mb`` of JSON unzipped, default 200; the real file is about 1,450 MB), one
record in 5 an association, municipalities spread over 300 codes (``--malformed-every
N``: one record in N not valid JSON, which makes the ijson path hand over to the
stdlib decoder at the first), then reads it in fresh processes, one measurement each, so that the
peak resident memory (``resource.getrusage``, ``ru_maxrss``) is that measurement's:

* the baseline: ``zipfile`` reading the member through in 1 MiB chunks (inflate only);
* ``read_ytj(..., backend="stdlib")`` and ``read_ytj(..., backend="ijson")`` keeping
  the associations of Vantaa and Kerava (``092``, ``245``).

Each is run ``--repeat`` times (default 3), taking turns; min and median of the time,
the ratio to the baseline's min, and the largest peak are printed. The file is deleted
afterwards unless ``--keep``.

Run: ``python benchmarks/bench_ytj.py`` (``--size-mb 1000`` for the 1 GB run;
``--dir`` for where the file goes, default the system's temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from jarjestoyhteistyo.io.ytj import normal_business_id, read_ytj

MUNICIPALITIES = [f"{n:03d}" for n in range(5, 1000, 3)][:300]
KEEP = ("092", "245")


def _business_id(n: int) -> str:
    while True:
        digits = f"{n:07d}"
        for check in range(10):
            if normal_business_id(f"{digits}-{check}"):
                return f"{digits}-{check}"
        n += 1


def _record(rng: random.Random, n: int) -> dict[str, object]:
    association = n % 5 == 0
    form = "6" if association else rng.choice(("16", "16", "13", "14", "17"))
    municipality = rng.choice(MUNICIPALITIES + list(KEEP) * 3)
    registered = (
        f"{rng.randrange(1950, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    )
    offices = [
        {"city": "KAUPUNKI", "languageCode": "1", "municipalityCode": municipality},
        {"city": "STAD", "languageCode": "2", "municipalityCode": municipality},
    ]
    name = f"Esimerkkiyhdistys {n} ry" if association else f"Esimerkkiyritys {n} Oy"
    return {
        "businessId": {"value": _business_id(n), "registrationDate": registered, "source": "3"},
        "euId": {"value": f"FIFPRO.{_business_id(n)}", "source": "1"},
        "names": [
            {
                "name": name,
                "type": "1",
                "registrationDate": registered,
                "endDate": None,
                "version": 1,
                "source": "1",
            },
            {
                "name": f"Vanha nimi {n}",
                "type": "1",
                "registrationDate": "1990-01-01",
                "endDate": registered,
                "version": 2,
                "source": "1",
            },
        ],
        "mainBusinessLine": {
            "type": "94991",
            "descriptions": [
                {"languageCode": "1", "description": "Muualla luokittelemattomat järjestöt"},
                {"languageCode": "2", "description": "Övriga intresseorganisationer"},
                {"languageCode": "3", "description": "Activities of other organisations"},
            ],
            "typeCodeSet": "TOIMI3",
            "registrationDate": registered,
            "source": "2",
        },
        "website": None,
        "companyForms": [
            {
                "type": form,
                "version": 1,
                "registrationDate": registered,
                "endDate": None,
                "source": "1",
                "descriptions": [{"languageCode": "1", "description": "Muoto"}],
            },
        ],
        "companySituations": [],
        "registeredEntries": [
            {
                "type": "1",
                "register": "4",
                "authority": "2",
                "registrationDate": registered,
                "endDate": None,
                "descriptions": [{"languageCode": "1", "description": "Rekisterissä"}],
            },
        ],
        "addresses": [
            {
                "type": 1,
                "street": "Esimerkkikatu",
                "buildingNumber": str(n % 90 + 1),
                "postCode": "01300",
                "postOffices": offices,
                "registrationDate": registered,
                "source": "0",
            },
            {
                "type": 2,
                "street": "PL 1",
                "postCode": "01301",
                "postOffices": offices,
                "registrationDate": registered,
                "source": "0",
            },
        ],
        "tradeRegisterStatus": "1",
        "status": "2",
        "registrationDate": registered,
        "endDate": None,
        "lastModified": "2024-11-21T01:49:24",
    }


def generate(path: Path, megabytes: int, malformed_every: int = 0) -> tuple[int, int]:
    """The zip at ``path``: records and bytes of its JSON."""
    rng = random.Random(17)
    size = n = 0
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("data_2024-11-21.json", "w", force_zip64=True) as out,
    ):
        out.write(b"[")
        batch: list[bytes] = []
        while size < megabytes * 1_000_000:
            if malformed_every and n % malformed_every == malformed_every - 1:
                data = b'{"businessId": {"value": "x"}, "names": [ , ]}'
            else:
                data = json.dumps(_record(rng, n), ensure_ascii=False).encode()
            data = (b",\n" if n else b"\n") + data
            batch.append(data)
            size += len(data)
            n += 1
            if len(batch) == 1000:
                out.write(b"".join(batch))
                batch.clear()
        out.write(b"".join(batch) + b"\n]\n")
    return n, size + 4


def one(kind: str, path: str) -> None:
    """One measurement, in this process: prints seconds, peak RSS (KiB), counts."""
    start = time.perf_counter()
    if kind == "zipfile":
        kept = read = 0
        with zipfile.ZipFile(path) as archive, archive.open(archive.infolist()[0]) as member:
            while chunk := member.read(1 << 20):
                read += len(chunk)
        problems = 0
    else:
        stream = read_ytj(path, municipalities=KEEP, backend=kind)  # type: ignore[arg-type]
        kept = sum(1 for _ in stream)
        read, problems = stream.read, len(stream.problems) + stream.more_problems
        kind = stream.backend  # ijson hands over to stdlib at a malformed record
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kib": peak, "kept": kept, "read": read,
                      "problems": problems, "backend": kind}))  # fmt: skip


def measure(kind: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    result: dict[str, float] = json.loads(out.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--malformed-every", type=int, default=0)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(*args.one)
        return
    folder = Path(tempfile.mkdtemp(prefix="bench_ytj_", dir=args.dir))
    path = folder / "all_companies.zip"
    try:
        start = time.perf_counter()
        records, size = generate(path, args.size_mb, args.malformed_every)
        print(
            f"generated {records:,} records, {size / 1e6:,.0f} MB of JSON, "
            f"{path.stat().st_size / 1e6:,.0f} MB zipped, in {time.perf_counter() - start:.0f} s"
        )
        kinds = ("zipfile", "stdlib", "ijson")
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        for _ in range(args.repeat):
            for kind in kinds:
                runs[kind].append(measure(kind, path))
        base = min(r["seconds"] for r in runs["zipfile"])
        base_peak = max(r["peak_kib"] for r in runs["zipfile"])
        for kind in kinds:
            times = [r["seconds"] for r in runs[kind]]
            peak = max(r["peak_kib"] for r in runs[kind])
            last = runs[kind][-1]
            print(
                f"{kind:<8} min {min(times):7.2f} s  median {statistics.median(times):7.2f} s  "
                f"ratio {min(times) / base:5.2f} (median {statistics.median(times) / base:5.2f})  "
                f"peak RSS {peak / 1024:6.1f} MiB (baseline {base_peak / 1024:.1f})  "
                f"{last['read']:,.0f} read, {last['kept']:,.0f} kept, "
                f"{last['problems']:,.0f} problems, ended on {last.get('backend', kind)}"
            )
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)
            folder.rmdir()


if __name__ == "__main__":
    main()
