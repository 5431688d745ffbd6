"""Start-up (issue #20 point 2): a plain import, ``--help`` and ``check PRESET`` against
importing the dependencies alone, each in a fresh interpreter, in the same run.

Wall times are the minimum and median of ``RUNS`` runs of each; the sum of self times
comes from ``python -X importtime`` (modules of the package against the modules of
attrs, cattrs, PyYAML and dateutil). Run from the repository root:
``python benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 30
BASELINE = "import yaml, attrs, cattrs, dateutil"
CASES = {
    "import jarjestoyhteistyo": ["-c", "import jarjestoyhteistyo"],
    "jarjestoyhteistyo --help": ["-m", "jarjestoyhteistyo", "--help"],
    "jarjestoyhteistyo check vantaa-kerava-formal": [
        "-m",
        "jarjestoyhteistyo",
        "check",
        "vantaa-kerava-formal",
    ],
}
DEPENDENCIES = ("yaml", "_yaml", "attr", "attrs", "cattrs", "dateutil")


def _wall(args: list[str]) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def _self_times(code: str) -> dict[str, int]:
    """Microseconds of self time per top-level package, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True, text=True
    )
    out: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative, name = (part.strip() for part in line[12:].split("|"))
        top = name.split(".")[0]
        out[top] = out.get(top, 0) + int(self_us)
    return out


def main() -> None:
    base_min, base_median = _wall(["-c", BASELINE])
    print(f"baseline `{BASELINE}`: min {base_min * 1e3:.0f} ms, median {base_median * 1e3:.0f} ms")
    for label, args in CASES.items():
        low, median = _wall(args)
        print(
            f"{label:<46} min {low * 1e3:5.0f} ms  median {median * 1e3:5.0f} ms  "
            f"ratio (median) {median / base_median:4.2f}"
        )
    deps = _self_times(BASELINE)
    dep_sum = sum(v for k, v in deps.items() if k in DEPENDENCIES)
    for code in ("import jarjestoyhteistyo", "from jarjestoyhteistyo.cli import main"):
        own = _self_times(code).get("jarjestoyhteistyo", 0)
        print(
            f"self times `{code}`: own modules {own / 1e3:.1f} ms; attrs, cattrs, PyYAML and "
            f"dateutil {dep_sum / 1e3:.1f} ms; ratio {own / dep_sum:.2f}"
        )
    loaded = _self_times("import jarjestoyhteistyo as jy\njy.check(jy.load_preset('vake'))")
    print(
        f"self times of a check: own modules {loaded.get('jarjestoyhteistyo', 0) / 1e3:.1f} ms; "
        f"dependencies {dep_sum / 1e3:.1f} ms; "
        f"ratio {loaded.get('jarjestoyhteistyo', 0) / dep_sum:.2f}"
    )


if __name__ == "__main__":
    main()
