"""Validate a shipped preset and a hand-written composition (user story: a preparer).

Run: ``python examples/validate_preset.py``. Prints the check of the Vantaa–Kerava
formal preset, then validates a small composition written in Python: one category
filled, one deputy from a member's own organisation (breaks FC-9) so that the
report shows what a preparer sees.
"""

from __future__ import annotations

from pathlib import Path

import jarjestoyhteistyo as jy
from jarjestoyhteistyo import Composition, Organisation, Person, Role, Seat, SeatKind

HERE = Path(__file__).parent


def main() -> None:
    rules = jy.load_preset("vantaa-kerava-formal")
    print(jy.check(rules).to_text())

    # The shipped, complete example passes.
    example = jy.load_composition(HERE / "vantaa-kerava-formal.yaml")
    print(jy.validate(rules, example).to_text())

    # A hand-written draft: pensioners' seats only, with a deputy from the member's own
    # organisation.
    orgs = (
        Organisation(id="pensioners-a", categories=frozenset({"pensioners"}), volunteer_run=True),
        Organisation(id="pensioners-b", categories=frozenset({"pensioners", "older-people"})),
    )
    seats = (
        Seat(
            id="p-m1",
            kind=SeatKind.MEMBER,
            group="pensioners",
            organisation="pensioners-a",
            person=Person(role=Role.VOLUNTEER),
        ),
        Seat(
            id="p-d1",
            kind=SeatKind.DEPUTY,
            deputy_of="p-m1",
            organisation="pensioners-a",
            person=Person(role=Role.VOLUNTEER),
        ),
        Seat(
            id="p-m2",
            kind=SeatKind.MEMBER,
            group="pensioners",
            organisation="pensioners-b",
            person=Person(role=Role.NGO_EMPLOYEE),
        ),
    )
    draft = Composition(name="Draft", organisations=orgs, seats=seats)
    report = jy.validate(rules, draft)
    print(report.to_text(lang="both"))
    print("passes:", report.ok, "| codes:", ", ".join(sorted(report.codes)))


if __name__ == "__main__":
    main()
