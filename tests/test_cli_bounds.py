"""Issues #15 (point 6) and #19 (point 1): every date, count and number option is
bounded — a message and exit 2.

Each option is run with 0, a negative, a huge and an out-of-range value; none may end
in a traceback (exit 1 is the "findings" status, so a crash would hide there).
"""

from __future__ import annotations

from datetime import date

import pytest

from jarjestoyhteistyo.calc.meetings import meeting_dates
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.calc.terms import (
    LAST_YEAR,
    MAX_HORIZON_YEARS,
    council_term_on,
    council_terms,
    membership_window,
)
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import MeetingError, RotationError, TermError
from jarjestoyhteistyo.io.serialize import load
from jarjestoyhteistyo.model.rulesets import MeetingPolicy, TermMode, TermPolicy
from jarjestoyhteistyo.presets import load_preset

COMP = "examples/vantaa-kerava-formal.yaml"
REGS = "examples/vantaa-kerava-formal-registrations.yaml"

#: (command line before the value, option, values that must be refused)
OPTIONS: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (
    (("calendar", "vake"), "--year", ("0", "-1", "10000", "2201", "1899", "x")),
    (("calendar", "vake", "--year", "2026"), "--count", ("-1", "13", "99999999999", "x")),
    (("terms",), "--date", ("0001-01-01", "9999-12-31", "2201-01-01", "2026-13-01")),
    (("terms", "--list"), "--first-year", ("0", "-5", "99999")),
    (("terms", "--list"), "--last-year", ("0", "-5", "99999", "2201")),
    (("rotation", "vake", COMP), "--years", ("0", "-1", "8000", "201")),
    (("rotation", "vake", COMP), "--start", ("0001-01-01", "9998-01-01", "2201-06-01")),
    (("example", "vake"), "--seed", ("-1", str(2**64))),
    (("example", "vake"), "--registrations", ("-1", "999999999")),
    (("select", "vake", REGS), "--seed", ("-1", str(2**64))),
    (("compare", "vake", "ku"), "--fee-per-meeting", ("-1", "1e308", "inf", "nan", "x")),
    (("compare", "vake"), "--weight", ("openness=1e999", "openness=nan", "openness=-1")),
)


@pytest.mark.parametrize(
    ("argv", "value"),
    [((*before, option, v), v) for before, option, values in OPTIONS for v in values],
    ids=lambda x: " ".join(x) if isinstance(x, tuple) else x,
)
def test_out_of_range_option_is_exit_2_with_a_message(
    argv: tuple[str, ...], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error" in err
    assert value in err or "outside" in err or "must be" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("calendar", "vake", "--year", "2200", "--count", "4"),
        ("calendar", "vake", "--year", "1900", "--count", "6"),
        ("terms", "--date", "2200-12-31"),
        ("rotation", "vake", COMP, "--years", "200", "--start", "2200-01-01"),
        ("compare", "vake", "ku", "--fee-per-meeting", "10000000"),
        ("compare", "vake", "ku", "--fee-per-meeting", "12,5", "--weight", "openness=1000"),
    ],
    ids=" ".join,
)
def test_the_ends_of_each_range_are_accepted(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(list(argv)) == 0, capsys.readouterr().err


def test_the_library_refuses_the_same_range() -> None:
    """The bounds live in calc.terms, so Python callers get the same clear errors."""
    with pytest.raises(TermError, match="outside 1900–2200"):
        council_term_on(date(LAST_YEAR + 1, 1, 1))
    with pytest.raises(TermError, match="outside 1900–2200"):
        council_terms(2022, LAST_YEAR + 1)
    with pytest.raises(TermError, match="outside 1900–2200"):
        membership_window(TermPolicy(mode=TermMode.FIXED, months=24), date(9999, 1, 1))
    with pytest.raises(MeetingError, match="outside 1900–2200"):
        meeting_dates(MeetingPolicy(), 0, count=4)
    rules, comp = load_preset("vantaa-kerava-formal"), load(COMP, "composition")
    with pytest.raises(RotationError, match="1–200 years"):
        rotation_plan(rules, comp, start=date(2026, 1, 1), years=MAX_HORIZON_YEARS + 1)
    with pytest.raises(RotationError, match="outside 1900–2200"):
        rotation_plan(rules, comp, start=date(9998, 1, 1), years=1)
