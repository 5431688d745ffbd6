"""Replay a year of changes to the Vantaa–Kerava advisory council (user story: a preparer).

Run: ``python examples/succession.py``. Starts from ``examples/vantaa-kerava-formal.yaml``
(dated 1 January 2025) and a history of events: a member resigns and their personal
deputy takes over (FC-8); two attempts to name the new deputy are rejected — one from
a member's own organisation (FC-9), one without the committee's approval (FC-15) —
before a valid one, which brings a new organisation in; a removal. Prints the
history as YAML, the report of the replay, and who sits in the changed seats on a few
dates.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.composition import Function, Organisation, Person, Role
from jarjestoyhteistyo.model.rulesets import Authority
from jarjestoyhteistyo.selection.succession import (
    Event,
    EventKind,
    History,
    composition_at,
    loads_history,
)

HERE = Path(__file__).parent
COMMITTEE = Authority.COMMITTEE  # the preset's mid_term_changes (FC-15)


def history() -> History:
    volunteer = Person(role=Role.VOLUNTEER)
    newcomer = Organisation(
        id="org-33",
        name="Vantaan Lapsiperheyhdistys ry 33",
        categories=frozenset({"child-family"}),
        volunteer_run=True,
        municipalities=frozenset({"Vantaa"}),
    )
    return History(
        events=(
            Event(
                date=date(2025, 3, 3),
                kind=EventKind.RESIGN,
                seat="child-family-m1",
                note="moved away; the chair function ends with the seat holder",
            ),
            Event(  # org-03 holds member seat child-family-m2: breaks FC-9
                date=date(2025, 3, 20),
                kind=EventKind.FILL,
                seat="child-family-d1",
                organisation="org-03",
                person=volunteer,
                approved_by=COMMITTEE,
            ),
            Event(  # no approval recorded: breaks FC-15
                date=date(2025, 3, 20),
                kind=EventKind.FILL,
                seat="child-family-d1",
                new_organisation=newcomer,
                person=volunteer,
            ),
            Event(
                date=date(2025, 4, 14),
                kind=EventKind.FILL,
                seat="child-family-d1",
                new_organisation=newcomer,
                person=volunteer,
                approved_by=COMMITTEE,
                note="committee decision § 42",
            ),
            Event(  # FC-7: the chair left with its holder; the body names a new one
                date=date(2025, 4, 14),
                kind=EventKind.ASSIGN,
                seat="child-family-m1",
                functions=frozenset({Function.CHAIR}),
                note="chosen in dialogue with the committee",
            ),
            Event(
                date=date(2025, 9, 8),
                kind=EventKind.VACATE,
                seat="employment-d2",
                approved_by=COMMITTEE,
                note="removed after repeated absence",
            ),
        )
    )


def main() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    initial = jy.load_composition(HERE / "vantaa-kerava-formal.yaml")
    log = history()

    text = jy.dump_yaml(log)
    print(text)
    assert loads_history(text) == log  # the log reads back through the one converter

    final, report = composition_at(rules, initial, log, date(2025, 12, 31))
    print(report.to_text())
    print()

    for day in (date(2025, 1, 1), date(2025, 3, 3), date(2025, 4, 14), date(2025, 12, 31)):
        comp, _ = composition_at(rules, initial, log, day)
        seats = ", ".join(
            f"{sid}={comp.seat(sid).organisation or 'vacant'}"
            for sid in ("child-family-m1", "child-family-d1", "employment-d2")
        )
        print(f"{day.isoformat()}: {seats}")

    print()
    print(jy.validate(rules, final).to_text())


if __name__ == "__main__":
    main()
