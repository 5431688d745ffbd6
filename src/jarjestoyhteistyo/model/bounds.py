"""The bounds of every number, date and count a document may hold: the one table the
converter refuses values by, the JSON Schemas state and the YAML reference lists.

A value outside its bound is unusable input (a :class:`~jarjestoyhteistyo.errors.LoadError`
with the value's path), not a finding: nothing that loads can overflow later. Each bound
is a decision with its reason, next to it.

>>> FIRST_YEAR, LAST_YEAR
(1900, 2200)
>>> MAX_COUNT
100000

Every number field of every document declares its bound once, in :data:`FIELDS`, keyed
by ``Class.field`` (a base class's entry covers its subclasses); the converter
(:mod:`jarjestoyhteistyo.io.converter`) refuses a value outside it, the JSON Schemas
(:mod:`jarjestoyhteistyo.io.schema`) state it as ``minimum``/``maximum``, and the YAML
reference lists it. On top, for every field: a number is finite (no NaN, no infinity)
and at most :data:`MAX_MAGNITUDE` either way, and a date lies in
:data:`FIRST_YEAR`–:data:`LAST_YEAR`.

>>> FIELDS["MeetingPolicy.per_year"]
Bound(low=-366, high=366, reason='at most one meeting a day')
>>> str(FIELDS["Roadmap.first_year"])
'1900 … 2200'

A count whose negative value a rule reports (a negative range bound is ``JY101``, a
negative meeting length ``JY104``, a term of no months ``JY103``) keeps that finding: its
bound is symmetric and refuses only what would overflow. Errors stay cheap at scale:
a load reports at most :data:`MAX_PROBLEMS` problems and says how many more there were.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

__all__ = [
    "FIELDS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_HORIZON_YEARS",
    "MAX_HOURS_PER_MEETING",
    "MAX_HOURS_PER_YEAR",
    "MAX_MAGNITUDE",
    "MAX_MEETINGS_PER_YEAR",
    "MAX_MONTHS",
    "MAX_NUMBER",
    "MAX_PROBLEMS",
    "Bound",
    "bound_of",
]

#: The years the library computes dates in (a decision: the council facts are known
#: from 2021, and the four-year rhythm is carried forward; 1900–2200 covers any history
#: and any plan while keeping every derived date, even 200 years on, a valid date).
FIRST_YEAR = 1900
LAST_YEAR = 2200

#: The longest horizon of a plan or simulation, in years.
MAX_HORIZON_YEARS = 200

#: The largest whole number any count in a document may be (seats, caps, members per
#: category, representatives, limits of consecutive terms): a national call is about
#: 100,000 registrations, and no body has more seats than that.
MAX_COUNT = 100_000

#: The longest span in months (a term, a period, a cap on membership): the horizon.
MAX_MONTHS = MAX_HORIZON_YEARS * 12

#: At most one meeting a day, in a leap year.
MAX_MEETINGS_PER_YEAR = 366

#: A meeting (or its preparation) lasts at most a day.
MAX_HOURS_PER_MEETING = 24.0

#: Hours in a leap year: the most any yearly time budget can be.
MAX_HOURS_PER_YEAR = 366 * 24.0

#: The largest sum of money (euros) a fee or a cost may be: ten million.
MAX_AMOUNT = 10_000_000.0

#: The largest magnitude of any other number (shares, weights, rotation fractions):
#: every finite number a document means fits well inside it.
MAX_NUMBER = 1_000_000.0

#: The largest magnitude of any number in any field, whatever its own bound: the
#: largest bound of :data:`FIELDS` (a sum of money), far inside what a float or an
#: integer computation can hold.
MAX_MAGNITUDE = MAX_AMOUNT

#: The most problems one load reports; past it, the loader stops collecting and says how
#: many more there were (100,000 wrong seats report in well under a second).
MAX_PROBLEMS = 100


@attrs.frozen
class Bound:
    """The inclusive range ``low`` … ``high`` a number field may hold, and why.

    For a field holding a range (:class:`~jarjestoyhteistyo.model.rulesets.IntRange`) or
    a list of whole numbers, the bound holds for each of its numbers.

    >>> Bound(1, 12, "a month of the year").admits(13)
    False
    """

    low: float
    high: float
    reason: str

    def admits(self, value: float) -> bool:
        """Whether ``low <= value <= high``."""
        return self.low <= value <= self.high

    def __str__(self) -> str:
        return f"{_num(self.low)} … {_num(self.high)}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _either_way(high: float, reason: str) -> Bound:
    """A bound that refuses only magnitudes past ``high`` (negatives are the rules')."""
    return Bound(-high, high, reason)


_YEAR = Bound(FIRST_YEAR, LAST_YEAR, "the years the library computes in")
_COUNT = _either_way(MAX_COUNT, "no body or call has more")
_MONTHS = _either_way(MAX_MONTHS, "at most the longest horizon")
_PER_MEETING = _either_way(MAX_HOURS_PER_MEETING, "a meeting lasts at most a day")
_PER_YEAR = _either_way(MAX_HOURS_PER_YEAR, "the hours in a leap year")
_MEETINGS = _either_way(MAX_MEETINGS_PER_YEAR, "at most one meeting a day")
_AMOUNT = _either_way(MAX_AMOUNT, "at most ten million")
_NUMBER = _either_way(MAX_NUMBER, "a share, weight or measure")

#: The bound of every number field of every document, by ``Class.field``.
FIELDS: Final[Mapping[str, Bound]] = {
    # rule sets (model.rulesets)
    "IntRange.min": _COUNT,
    "IntRange.max": _COUNT,
    "ChairPolicy.vice_chairs": _COUNT,
    "TermPolicy.months": _MONTHS,
    "TermPolicy.fraction": _NUMBER,
    "TermPolicy.first_term_months": _MONTHS,
    "TermPolicy.rotation": _NUMBER,
    "TermPolicy.max_consecutive_person": _COUNT,
    "TermPolicy.max_consecutive_organisation": _COUNT,
    "TermPolicy.max_months": _MONTHS,
    "RotatingDuty.period_months": _MONTHS,
    "MeetingPolicy.per_year": _MEETINGS,
    "MeetingPolicy.hours": _PER_MEETING,
    "MeetingPolicy.preparation_hours": _PER_MEETING,
    "MeetingPolicy.network_meetings_per_year": _MEETINGS,
    "MeetingPolicy.network_meeting_hours": _PER_MEETING,
    "DiversityPolicy.min_size_classes": _COUNT,
    "MeetingPolicy.start_up_per_year": _MEETINGS,
    "MeetingPolicy.start_up_months": _MONTHS,
    "_Common.time_budget_hours_per_year": _PER_YEAR,
    "_Common.fee_amount": _AMOUNT,
    "GeneralRuleSet.cap": _COUNT,
    "FormalCommittee.members_per_category": _COUNT,
    "OpenForum.cap": _COUNT,
    "ThemeNetworkCouncil.representatives_per_network": _COUNT,
    # compositions and registrations
    "Seat.order": _COUNT,
    "Registration.hours_available": _PER_YEAR,
    # cooperation models
    "AnnualActivity.month": Bound(1, 12, "a month of the year"),
    "AnnualActivity.day": Bound(1, 31, "a day of the month"),
    "AnnualActivity.every_years": Bound(1, MAX_HORIZON_YEARS, "at most the longest horizon"),
    "AnnualActivity.anchor_year": _YEAR,
    # roadmaps
    "Roadmap.first_year": _YEAR,
    "Roadmap.last_year": _YEAR,
    "Milestone.year": _YEAR,
    "Plan.year": _YEAR,
    "BindingTarget.year": _YEAR,
    "Level.value": _NUMBER,
    "Measurement.value": _NUMBER,
    # association registers and segment rules
    "Association.grants_received": _AMOUNT,
    "Association.events_attended": _COUNT,
    "SegmentRules.active_min_events": _COUNT,
    "SegmentRules.active_min_networks": _COUNT,
    "SegmentRules.active_contact_months": _MONTHS,
    "SegmentRules.support_min_grants": _AMOUNT,
    "SegmentRules.dependent_min_grants": _AMOUNT,
    "SegmentRules.new_months": _MONTHS,
    "SegmentRules.stale_contact_months": _MONTHS,
}


def bound_of(cls: type, field: str) -> Bound | None:
    """The bound :data:`FIELDS` declares for ``cls.field`` (or a base class's), if any.

    >>> from jarjestoyhteistyo.model.rulesets import OpenForum
    >>> bound_of(OpenForum, "time_budget_hours_per_year")
    Bound(low=-8784.0, high=8784.0, reason='the hours in a leap year')
    """
    for c in cls.__mro__:
        found = FIELDS.get(f"{c.__name__}.{field}")
        if found is not None:
            return found
    return None
