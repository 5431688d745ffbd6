"""The ``duties`` and ``window`` commands (issue #15, points 4–6): rotating duties
that say "not specified" past their list, membership windows from the one term
arithmetic, and bounded options (exit 2 with a message, never a traceback)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from jarjestoyhteistyo.calc.terms import membership_window
from jarjestoyhteistyo.cli import COMMANDS, main
from jarjestoyhteistyo.io.serialize import loads

RULES = """\
kind: general
name: Example council
area: Example area
term: {mode: council_fraction, fraction: 0.5}
duties:
  - duty: chair
    turns:
      - {holder: org-a, start: 2026-01-01, end: 2026-12-31}
      - {holder: org-b, start: 2027-01-01, end: 2027-12-31}
      - {holder: org-c, start: 2028-01-01, end: 2028-06-30}
  - duty: secretary
    start: 2026-01-01
    period_months: 6
    holders: [org-c, org-d]
    repeats: true
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def rules(tmp_path: Path) -> str:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES, encoding="utf-8")
    return str(path)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# ------------------------------------------------------------------- duties
def test_duties_lists_each_period_of_the_year(
    capsys: pytest.CaptureFixture[str], rules: str
) -> None:
    code, out, _ = run(capsys, "duties", rules, "--year", "2027")
    assert code == 0
    assert "chair:\n  2027-01-01 – 2027-12-31  org-b\n" in out
    assert "2027-01-01 – 2027-06-30  org-c" in out
    assert "2027-07-01 – 2027-12-31  org-d" in out
    assert "not specified" not in out


def test_duties_past_the_list_is_not_specified(
    capsys: pytest.CaptureFixture[str], rules: str
) -> None:
    """Point 4: three listed turns say nothing of the fourth; a repeating list does."""
    code, out, _ = run(capsys, "duties", rules, "--year", "2028", "--format", "json")
    assert code == 0
    data = json.loads(out)
    chair, secretary = data["duties"]
    assert [(p["start"], p["end"], p["holder"], p["specified"]) for p in chair["periods"]] == [
        ("2028-01-01", "2028-06-30", "org-c", True),
        ("2028-07-01", None, None, False),
    ]
    assert [p["holder"] for p in secretary["periods"]] == ["org-c", "org-d"]
    assert all(p["rule"] for p in chair["periods"] + secretary["periods"])
    _, text, _ = run(capsys, "duties", rules, "--year", "2028")
    assert "2028-07-01 – …           not specified" in text


def test_duties_before_the_first_turn_is_not_specified(
    capsys: pytest.CaptureFixture[str], rules: str
) -> None:
    code, out, _ = run(capsys, "duties", rules, "--year", "2025", "--format", "json")
    assert code == 0
    periods = json.loads(out)["duties"][0]["periods"]
    assert [(p["start"], p["specified"]) for p in periods] == [("2025-01-01", False)]


def test_duties_without_duties_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "duties", "vake", "--year", "2026")
    assert code == 0
    assert "states no rotating duties" in out
    assert (
        json.loads(run(capsys, "duties", "vake", "--year", "2026", "--format", "json")[1])["duties"]
        == []
    )


def test_duties_with_broken_turns_exit_1_with_the_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = RULES.replace(
        "start: 2027-01-01, end: 2027-12-31", "start: 2026-12-01, end: 2027-12-31"
    )
    code, out, _ = run(capsys, "duties", write(tmp_path, broken), "--year", "2027")
    assert code == 1
    assert "JY133" in out
    bad_period = RULES.replace("period_months: 6", "period_months: 0")
    code, out, _ = run(capsys, "duties", write(tmp_path, bad_period), "--year", "2027")
    assert code == 1
    assert "JY135" in out


def test_duties_with_dates_off_the_calendar_exit_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A turn to 9999-12-31 and a period too long for the calendar are unusable input
    (exit 2, refused at load by the bounds of model.bounds, with the value's path);
    neither is a traceback."""
    far = RULES.replace("end: 2028-06-30", "end: 9999-12-31")
    code, _, err = run(capsys, "duties", write(tmp_path, far), "--year", "2027")
    assert code == 2
    assert "9999-12-31 is outside the years 1900–2200" in err
    huge = RULES.replace("period_months: 6", "period_months: 100000000")
    code, _, err = run(capsys, "duties", write(tmp_path, huge), "--year", "2027")
    assert code == 2
    assert "period_months: 100000000 is more than" in err


# ------------------------------------------------------------------- window
def test_window_lists_the_windows_of_membership_window(
    capsys: pytest.CaptureFixture[str], rules: str
) -> None:
    """Each row is exactly membership_window(..., index=k), with its rule."""
    code, out, _ = run(
        capsys, "window", rules, "--start", "2026-01-01", "--count", "3", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    term = loads(RULES, "ruleset").term
    assert term is not None
    expected = [membership_window(term, date(2026, 1, 1), index=k) for k in range(3)]
    assert [(w["start"], w["end"], w["rule"]) for w in data["windows"]] == [
        (w.start.isoformat(), w.end.isoformat() if w.end else None, w.rule) for w in expected
    ]
    assert data["windows"][0]["end"] == "2027-05-31"  # the council term's half, not 24 months
    assert data["windows"][1]["start"] == "2027-06-01"


def test_window_first_term_positions_stagger(capsys: pytest.CaptureFixture[str]) -> None:
    ends = []
    for position in ("0", "1"):
        code, out, _ = run(
            capsys,
            "window",
            "keski-uusimaa",
            "--start",
            "2025-09-01",
            "--first",
            "--position",
            position,
            "--count",
            "1",
            "--format",
            "json",
        )
        assert code == 0
        ends.append(json.loads(out)["windows"][0]["end"])
    assert ends == ["2026-08-31", "2027-08-31"]  # KU-5: one of the pair 1 year, the other 2


def test_window_text_names_each_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "window", "vake", "--start", "2026-01-31", "--count", "2")
    assert code == 0
    assert "1. 2026-01-31 – 2028-01-30: fixed 24-month term (FC-12)" in out
    assert "2. 2028-01-31 – 2030-01-30" in out


def test_window_single_window_terms(capsys: pytest.CaptureFixture[str]) -> None:
    """An agreed term (OF-8) gives one open-ended window, whatever --count says."""
    code, out, _ = run(capsys, "window", "vantaa-kerava-open-forum", "--start", "2026-01-01")
    assert code == 0
    assert "1. 2026-01-01 – open" in out
    assert "single window" in out


def test_window_without_a_term_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    no_term = RULES.replace("term: {mode: council_fraction, fraction: 0.5}\n", "")
    code, out, err = run(capsys, "window", write(tmp_path, no_term), "--start", "2026-01-01")
    assert code == 2
    assert out == ""
    assert "states no term" in err


def test_window_position_needs_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "window", "vake", "--start", "2026-01-01", "--position", "1")
    assert code == 2
    assert "--first" in err


def test_window_before_the_council_calendar_exits_2(
    capsys: pytest.CaptureFixture[str], rules: str
) -> None:
    """A council-bound term before the first known council term: a message, exit 2."""
    code, _, err = run(capsys, "window", rules, "--start", "1950-01-01")
    assert code == 2
    assert "no regional council term is known" in err


# ------------------------------------------------------------------- bounds
@pytest.mark.parametrize("year", ["0", "-1", "1899", "2201", "10000", "99999999999999999999", "x"])
def test_duties_year_out_of_range_exits_2(
    capsys: pytest.CaptureFixture[str], rules: str, year: str
) -> None:
    code, out, err = run(capsys, "duties", rules, f"--year={year}")
    assert code == 2
    assert out == ""
    assert "--year" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--start", "0000-01-01"),
        ("--start", "-2026-01-01"),
        ("--start", "1899-12-31"),
        ("--start", "2201-01-01"),
        ("--start", "9999-12-31"),
        ("--start", "2026-02-30"),
        ("--count", "0"),
        ("--count", "-1"),
        ("--count", "101"),
        ("--count", "10000000000000000000"),
        ("--position", "-1"),
        ("--position", "101"),
        ("--position", "10000000000000000000"),
    ],
)
def test_window_options_out_of_range_exit_2(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    argv = ["window", "vake", "--first"]
    if option != "--start":
        argv += ["--start", "2026-01-01"]
    code, out, err = run(capsys, *argv, f"{option}={value}")
    assert code == 2
    assert out == ""
    assert option in err


@pytest.mark.parametrize("argv", [["--year", "1900"], ["--year", "2200"]])
def test_duties_year_bounds_are_inclusive(
    capsys: pytest.CaptureFixture[str], rules: str, argv: list[str]
) -> None:
    assert run(capsys, "duties", rules, *argv)[0] == 0


def test_window_extremes_within_bounds(capsys: pytest.CaptureFixture[str]) -> None:
    """The largest count and position from the last accepted date still compute."""
    code, out, _ = run(
        capsys,
        "window",
        "vake",
        "--start",
        "2200-12-31",
        "--first",
        "--position",
        "100",
        "--count",
        "100",
        "--format",
        "json",
    )
    assert code == 0
    assert len(json.loads(out)["windows"]) == 100


def test_commands_are_listed() -> None:
    assert {"duties", "window"} <= set(COMMANDS)
    assert COMMANDS["duties"].formats == COMMANDS["window"].formats == ("text", "json")
