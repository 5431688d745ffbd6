"""The catalogue: every finding code of the package, in one explicit tuple.

Each family module declares its codes as :class:`~jarjestoyhteistyo.codes.Code` objects
at its top and lists them in its ``CODES`` tuple; :data:`CATALOGUE` joins those tuples,
sorted by code. Nothing registers itself at import and no module is looked up by
name: a module left out here is an import the tests see (every declared code must be
in the catalogue exactly once, and every code must be named by a test).

**How to add a rule** (say ``FC-17``, a new check of a composition):

1. In its family module (here :mod:`jarjestoyhteistyo.validation`), declare the code at
   the top with the others — ``JY227 = Code(code="JY227", rule="FC-17", severity=E,
   title=..., en=..., fi=..., fix=..., kinds=..., tags=...)`` — and add ``JY227`` to
   that module's ``CODES`` tuple. ``kinds`` are the rule-set kinds the rule belongs to
   (empty: every kind); ``tags`` say who else reads it: ``SHORTFALL`` (succession lets
   the error stand until someone arrives), ``SELECTION`` (selection fills what it is
   about), ``BREAKABLE`` (generate can break it).
2. Below, in the check, emit it: ``yield finding(JY227, path, **params)``. Another
   module that emits it imports the object from there
   (``from jarjestoyhteistyo.validation import JY227``); it never declares it again.
3. Add its test, one that makes the check report ``JY227`` (the guard test fails
   until some test names the code).
4. Only if tagged ``BREAKABLE``: add one entry to ``_BREAKERS`` in
   :mod:`jarjestoyhteistyo.generate` — whether a rule set has room to break it, and
   the candidate compositions that break it.

A new family module also adds its ``CODES`` to :data:`CATALOGUE` below.

>>> len(CATALOGUE) == len({c.code for c in CATALOGUE})
True
>>> get_code("JY205").rule
'FC-9'
"""

from __future__ import annotations

from typing import Final

from jarjestoyhteistyo import (
    checks,
    cooperation,
    ecosystem,
    meetings,
    roadmap,
    schedule,
    selection,
    succession,
    terms,
    validation,
)
from jarjestoyhteistyo.codes import Code

__all__ = ["CATALOGUE", "get_code"]

#: Every finding code, sorted by code.
CATALOGUE: Final[tuple[Code, ...]] = tuple(
    sorted(
        (
            *checks.CODES,
            *meetings.CODES,
            *validation.CODES,
            *terms.CODES,
            *succession.CODES,
            *schedule.CODES,
            *roadmap.CODES,
            *selection.CODES,
            *cooperation.CODES,
            *ecosystem.CODES,
        ),
        key=lambda c: c.code,
    )
)

_BY_CODE: Final = {c.code: c for c in CATALOGUE}


def get_code(code: str) -> Code:
    """The :class:`~jarjestoyhteistyo.codes.Code` for ``code``; :class:`KeyError` if unknown.

    >>> get_code("JY109").title
    'Unrealistic workload'
    """
    return _BY_CODE[code]
