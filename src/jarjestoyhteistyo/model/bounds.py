"""The bounds of every number, date and count a document may hold: the one table the
converter refuses values by, the JSON Schemas state and the YAML reference lists.

A value outside its bound is unusable input (a :class:`~jarjestoyhteistyo.errors.LoadError`
with the value's path), not a finding: nothing that loads can overflow later. Each bound
is a decision with its reason, next to it.

>>> FIRST_YEAR, LAST_YEAR
(1900, 2200)
>>> MAX_COUNT
100000
"""

from __future__ import annotations

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_HORIZON_YEARS",
    "MAX_HOURS_PER_MEETING",
    "MAX_HOURS_PER_YEAR",
    "MAX_MEETINGS_PER_YEAR",
    "MAX_MONTHS",
    "MAX_NUMBER",
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
