"""Start-up (issue #20 point 2): a plain import, ``--help`` and ``check PRESET`` against
importing the dependencies alone, each in a fresh interpreter, in the same run.

Wall times are the minimum and median of ``RUNS`` runs of each, the commands taking
turns (one run of each per round, so a change in the machine's load falls on all of
them); the sum of self times comes from ``python -X importtime`` (modules of the
package against the modules of attrs, cattrs, PyYAML and dateutil). Run from the
repository root: ``python benchmarks/bench_startup.py``.

Every interpreter reads compiled bytecode, as an installed package does (pip compiles
a wheel's modules when it installs them, as it did the dependencies'): the runs write
and read it in a private folder (``PYTHONPYCACHEPREFIX``), filled by one run of each
command before the timing. One more line times ``check PRESET`` in the caller's own
environment: with ``PYTHONDONTWRITEBYTECODE=1`` and a checkout with no bytecode, the
package's modules are compiled from source on every run while the dependencies' are not.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 30
BASELINE = "import yaml, attrs, cattrs, dateutil"
CHECK = "jarjestoyhteistyo check vantaa-kerava-formal"
CASES = {
    "import jarjestoyhteistyo": ["-c", "import jarjestoyhteistyo"],
    "jarjestoyhteistyo --help": ["-m", "jarjestoyhteistyo", "--help"],
    CHECK: [
        "-m",
        "jarjestoyhteistyo",
        "check",
        "vantaa-kerava-formal",
    ],
}
DEPENDENCIES = ("yaml", "_yaml", "attr", "attrs", "cattrs", "dateutil")


#: The children's environment: bytecode written and read in a private folder.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def _walls(commands: dict[str, list[str]], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Min and median wall time of each command, the commands taking turns."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(RUNS):
        for label, args in commands.items():
            times[label].append(_run(args, env))
    return {label: (min(ts), statistics.median(ts)) for label, ts in times.items()}


def _self_times(code: str) -> dict[str, int]:
    """Microseconds of self time per top-level package, from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=ENV,
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
    with tempfile.TemporaryDirectory(prefix="bench-startup-pyc-") as pyc:
        ENV["PYTHONPYCACHEPREFIX"] = pyc
        commands = {"baseline": ["-c", BASELINE], **CASES}
        for args in commands.values():  # compile every module once, as pip install does
            _run(args, ENV)
        walls = _walls(commands, ENV)
        _report(walls)
    own_env = _walls({"baseline": ["-c", BASELINE], "check": CASES[CHECK]}, dict(os.environ))
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE", "")
    (_, base), (low, median) = own_env["baseline"], own_env["check"]
    print(
        f"caller's environment (PYTHONDONTWRITEBYTECODE={flag!r}): baseline median "
        f"{base * 1e3:.0f} ms; {CHECK} min {low * 1e3:.0f} ms, median {median * 1e3:.0f} ms, "
        f"ratio (median) {median / base:4.2f}"
    )


def _report(walls: dict[str, tuple[float, float]]) -> None:
    base_min, base_median = walls.pop("baseline")
    print(f"baseline `{BASELINE}`: min {base_min * 1e3:.0f} ms, median {base_median * 1e3:.0f} ms")
    for label, (low, median) in walls.items():
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
