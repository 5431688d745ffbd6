"""Terms, rotation and the meeting calendar of a preset (issue #3 user story).

Run: ``python examples/terms_rotation_calendar.py``. Prints which regional council
term contains a date, the membership window of a member who starts mid-term, the
renewal plan of the Keski-Uusimaa work pairs (KU-5), the 2026 meeting dates of the
Vantaa–Kerava body with Finnish holidays skipped, a member's workload against the
time budget, and the annual clock.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.calc.meetings import AnnualActivity, annual_clock, meeting_dates, workload
from jarjestoyhteistyo.calc.terms import council_term_on, membership_window
from jarjestoyhteistyo.model.rulesets import Council

HERE = Path(__file__).parent


def main() -> None:
    term = council_term_on(date(2026, 1, 15))
    print(f"Regional council term {term.number}: {term.start} – {term.end}")

    formal = jy.load_preset("vantaa-kerava-formal")
    window = membership_window(formal.term, date(2026, 1, 31))
    print(f"A member starting 2026-01-31 sits until {window.end} ({window.rule})")

    council = jy.load_preset("keski-uusimaa")
    pairs = jy.load_composition(HERE / "keski-uusimaa.yaml")
    plan = jy.rotation_plan(council, pairs, start=date(2025, 6, 1), years=4)
    for change in plan.changeovers:
        print(f"{change.date}: up for renewal {', '.join(change.seats)}")

    for moment in meeting_dates(formal.meetings, 2026):
        print(f"meeting {moment:%a %d.%m.%Y %H:%M}")
    hours = workload(formal.meetings, budget=formal.time_budget_hours_per_year)
    print(f"workload {hours.total:g} h a year, budget {hours.budget:g} h")

    clock = (
        AnnualActivity(
            id="hyte-negotiation", label="wellbeing-promotion negotiation", month=9, rule="KU-2"
        ),
        AnnualActivity(
            id="support-principles",
            label="principles for supporting NGOs",
            month=10,
            per_council_term=Council.REGIONAL,
            rule="KU-2",
        ),
    )
    for year in (2025, 2026):
        for day, activity in annual_clock(clock, year):
            print(f"{day}: {activity.label} ({activity.rule})")


if __name__ == "__main__":
    main()
