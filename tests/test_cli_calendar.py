"""The ``calendar`` command and the iCalendar export (issue #15, points 5-7).

Every produced file is read by two independent parsers: ``icalendar`` (which
writes it) and ``vobject`` (a separate implementation, in the ``test`` group).
"""

from __future__ import annotations

import io
from datetime import datetime, time
from pathlib import Path

import icalendar
import pytest
import vobject
import yaml

from jarjestoyhteistyo.calc.meetings import to_ics
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import LoadError, MeetingError
from jarjestoyhteistyo.io.converter import structure, unstructure
from jarjestoyhteistyo.model.rulesets import MeetingPolicy


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _both(text: str) -> tuple[icalendar.Calendar, object]:
    """Parse with both parsers; each must accept the whole text."""
    assert "\r\n" in text
    assert "\n" not in text.replace("\r\n", "")
    return icalendar.Calendar.from_ical(text), vobject.readOne(io.StringIO(text))


def test_vtimezone_has_yearly_rules_not_one_off_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["calendar", "vake", "--year", "2026", "--ics", "-"], capsys)
    assert code == 0
    cal, vcal = _both(out)
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Europe/Helsinki"
    rules = {p.name: p["RRULE"].to_ical().decode() for p in tz.subcomponents}
    assert rules == {
        "DAYLIGHT": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "STANDARD": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    }
    assert "RDATE" not in out
    assert all(len(p.subcomponents) == 0 and "RDATE" not in p for p in tz.subcomponents)
    assert "DTSTART;TZID=Europe/Helsinki:" in out
    assert "DTEND;TZID=Europe/Helsinki:" in out
    # vobject resolves the zone from the VTIMEZONE alone: summer +03, winter +02
    events = vcal.vevent_list  # type: ignore[attr-defined]
    assert len(events) == 6
    offsets = {e.dtstart.value.month: e.dtstart.value.utcoffset().total_seconds() for e in events}
    assert offsets[1] == 2 * 3600
    assert offsets[8] == 3 * 3600
    for e in events:
        assert e.uid.value
        assert e.dtstamp.value
        assert e.sequence.value == "0"


def test_a_moved_meeting_keeps_its_uid_and_sequence_is_written() -> None:
    first = [datetime(2026, 2, 3, 17), datetime(2026, 5, 5, 17)]
    moved = [datetime(2026, 2, 10, 18), datetime(2026, 5, 5, 17)]
    a, _ = _both(to_ics(first, name="C", duration_hours=2))
    b, vb = _both(to_ics(moved, name="C", duration_hours=2, sequence=1))
    uids_a = [str(e["UID"]) for e in a.walk("VEVENT")]
    uids_b = [str(e["UID"]) for e in b.walk("VEVENT")]
    assert uids_a == uids_b
    assert len(set(uids_a)) == 2
    assert [int(e["SEQUENCE"]) for e in b.walk("VEVENT")] == [1, 1]
    assert [e.sequence.value for e in vb.vevent_list] == ["1", "1"]  # type: ignore[attr-defined]
    assert uids_a != [
        str(e["UID"]) for e in _both(to_ics(first, name="D", duration_hours=2))[0].walk("VEVENT")
    ]
    with pytest.raises(MeetingError):
        to_ics(first, name="C", duration_hours=2, sequence=-1)
    with pytest.raises(MeetingError):
        to_ics(first, name="C", duration_hours=2, tz="Europe/Stockholm")
    with pytest.raises(MeetingError):
        to_ics([datetime(1995, 2, 7, 17)], name="C", duration_hours=2)


def _rules_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], **meetings: object) -> Path:
    assert main(["show", "vake", "--format", "yaml"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    data["meetings"].update(meetings)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_location_description_weekday_and_time_come_from_the_rule_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _rules_file(
        tmp_path,
        capsys,
        weekday="2th",
        time="18:30",
        location="Town hall, room 2",
        description="Agenda one week ahead",
    )
    code, out, err = _run(["calendar", str(path), "--year", "2026", "--format", "json"], capsys)
    assert code == 0, err
    assert '"2026-01-08T18:30"' in out  # second Thursday
    code, out, _ = _run(["calendar", str(path), "--year", "2026", "--ics", "-"], capsys)
    cal, vcal = _both(out)
    assert {str(e["LOCATION"]) for e in cal.walk("VEVENT")} == {"Town hall, room 2"}
    assert {e.description.value for e in vcal.vevent_list} == {"Agenda one week ahead"}  # type: ignore[attr-defined]
    # the command line overrides the rule set
    code, out, _ = _run(
        ["calendar", str(path), "--year", "2026", "--weekday", "mo", "--time", "09:15"], capsys
    )
    assert code == 0
    assert "Mon 2026-01-05 09:15" in out


def test_policy_time_and_weekday_load_and_round_trip() -> None:
    p = structure({"weekday": "2tu", "time": "17:30", "location": "L"}, MeetingPolicy)
    assert p.time == time(17, 30)
    assert p.weekday == "2tu"
    assert structure(unstructure(p), MeetingPolicy) == p
    assert unstructure(p)["time"] == "17:30"
    for bad in ({"time": 1050}, {"time": "25:00"}, {"time": "5pm"}, {"weekday": "5tu"}):
        with pytest.raises(LoadError):
            structure(bad, MeetingPolicy)
    with pytest.raises(LoadError, match="quote"):
        structure(yaml.safe_load("time: 17:30"), MeetingPolicy)  # YAML 1.1: 1050


def test_ics_file_is_written_whole_and_not_at_all_on_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "m.ics"
    code, out, _ = _run(["calendar", "vake", "--year", "2026", "--ics", str(target)], capsys)
    assert code == 0
    assert "6 meetings" in out
    _both(target.read_bytes().decode("utf-8"))
    before = target.read_bytes()
    code, _, err = _run(["calendar", "vake", "--year", "1990", "--ics", str(target)], capsys)
    assert code == 2
    assert "1996" in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.ics"]  # no temporary left


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--year", "0"),
        ("--year", "-1"),
        ("--year", "10000"),
        ("--year", "1899"),
        ("--year", "2201"),
        ("--year", "99999999999999999999"),
        ("--count", "-1"),
        ("--count", "13"),
        ("--count", "99999999999999999999"),
        ("--count", "x"),
        ("--sequence", "-1"),
        ("--sequence", "10001"),
        ("--time", "24:00"),
        ("--time", "-1:00"),
        ("--time", "0"),
        ("--time", "99999:99"),
        ("--weekday", "0tu"),
        ("--weekday", "-1tu"),
        ("--weekday", "5tu"),
        ("--weekday", "999999tu"),
        ("--weekday", "xx"),
    ],
)
def test_out_of_range_options_exit_2_with_a_message(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["calendar", "vake", "--year", "2026", option, value]
    try:
        code, out, err = _run(argv, capsys)
    except SystemExit as exc:  # argparse's own exit
        code = int(exc.code or 0)
        out, err = capsys.readouterr()
    assert code == 2
    assert err.strip()
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    "argv",
    [
        ["--year", "1900"],
        ["--year", "2200"],
        ["--year", "2026", "--count", "4"],
        ["--year", "2026", "--count", "4", "--sequence", "10000"],
        ["--year", "2026", "--time", "00:00", "--weekday", "4su"],
    ],
)
def test_the_bounds_themselves_are_accepted(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["calendar", "vake", *argv], capsys)
    assert code == 0, err


@pytest.mark.parametrize("year", [0, -1, 1899, 2201, 10**12])
def test_meeting_dates_refuses_years_outside_the_bounds(year: int) -> None:
    from jarjestoyhteistyo.calc.meetings import meeting_dates

    with pytest.raises(MeetingError, match="1900–2200"):
        meeting_dates(MeetingPolicy(), year, count=4)


def test_meeting_dates_and_examples_read_the_policys_weekday_and_time() -> None:
    """One reading of the policy's day and time: meeting_dates, and so generate()."""
    import datetime as dt

    import attrs

    from jarjestoyhteistyo import load_preset
    from jarjestoyhteistyo.calc.meetings import meeting_dates
    from jarjestoyhteistyo.fictional.generate import generate

    rules = load_preset("vantaa-kerava-formal")
    rules = attrs.evolve(
        rules, meetings=attrs.evolve(rules.meetings, weekday="2th", time=dt.time(18, 30))
    )
    days = meeting_dates(rules.meetings, 2026)
    assert {(d.weekday(), d.time()) for d in days} == {(3, dt.time(18, 30))}
    assert all(d.day >= 8 for d in days)  # the second Thursday, or later past a holiday
    example = generate(rules, seed=1, calendar_year=2026)
    assert example.meetings == days


@pytest.mark.parametrize(
    "name",
    ["Council\rX-INJECTED: yes", "Council\nX-INJECTED: yes", "Council\r\nX-INJECTED: 1\x1b[31m"],
)
def test_a_hostile_name_cannot_inject_a_content_line(name: str) -> None:
    """Issue #19: a carriage return in a rule set's name injected a content line, and a
    newline was an AssertionError. Now each is an escaped line break in the value."""
    import icalendar
    import vobject

    from jarjestoyhteistyo.calc.meetings import meeting_dates, to_ics
    from jarjestoyhteistyo.model.rulesets import IntRange

    days = meeting_dates(MeetingPolicy(per_year=IntRange(min=2, max=2)), 2026)
    text = to_ics(days, name=name, duration_hours=2, location=name, description=name)
    unfolded = text.replace("\r\n ", "").split("\r\n")
    assert not [line for line in unfolded if line.startswith("X-INJECTED")]
    assert all("\r" not in line and "\n" not in line and "\x1b" not in line for line in unfolded)
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 2
    assert str(events[0]["summary"]).startswith("Council\nX-INJECTED")
    assert vobject.readOne(text).vevent.location.value.startswith("Council\nX-INJECTED")


def test_a_calendar_is_never_written_through_a_symlink_nor_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #19: ``--ics cal.ics`` where cal.ics links to another file is refused
    (exit 2) and leaves both alone; so is writing over the command's own rule set; a
    new file has the usual permissions (not a temp file's 0600)."""
    import os
    import stat

    from jarjestoyhteistyo.cli import main

    precious = tmp_path / "rules.yaml"
    precious.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "cal.ics"
    link.symlink_to(precious)
    assert main(["calendar", "vake", "--year", "2026", "--ics", str(link)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_text(encoding="utf-8") == "precious\n"
    assert link.is_symlink()
    assert main(["show", "vake"]) == 0
    rules = tmp_path / "vake.yaml"
    rules.write_text(capsys.readouterr().out, encoding="utf-8")
    before = rules.read_bytes()
    assert main(["calendar", str(rules), "--year", "2026", "--ics", str(rules)]) == 2
    assert "one of this command's inputs" in capsys.readouterr().err
    assert rules.read_bytes() == before
    fresh = tmp_path / "new.ics"
    assert main(["calendar", "vake", "--year", "2026", "--ics", str(fresh)]) == 0
    capsys.readouterr()
    assert fresh.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 6
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
