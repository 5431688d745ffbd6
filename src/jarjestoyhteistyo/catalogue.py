"""The catalogue: every finding code of the package, in one explicit tuple.

Each family module declares its codes as :class:`~jarjestoyhteistyo.codes.Code` objects
at its top, right under ``__all__``, and lists them in its ``CODES`` tuple;
:data:`CATALOGUE` joins those tuples, sorted by code. Nothing registers itself at
import and no module is looked up by name; ``tests/test_codes.py`` fails when a
declared code is missing from the catalogue, is in it twice, is named by no test, or
is emitted by a module that neither declares it nor imports it from its home.

**How to add a rule** (say ``FC-17``, a new check of a composition; the family modules
are listed in :mod:`jarjestoyhteistyo.rules`):

1. **Its family module** (here :mod:`jarjestoyhteistyo.rules.deputies`, if FC-17 is
   about deputies): declare the code at the top with the others and add it to the
   module's ``CODES`` tuple::

       JY227 = Code(
           code="JY227",
           rule="FC-17",
           severity=E,
           title="...",
           en="seat {seat}: ...",      # str.format templates, filled from the params
           fi="paikka {seat}: ...",
           fix="...",
           kinds=frozenset({FC, GEN}),  # the rule-set kinds of FC-17; omit for every kind
           tags=frozenset({SELECTION}),  # who else reads it; omit for nobody
       )

   Then emit it in a check below: ``yield finding(JY227, ctx.path(s), seat=s.id)``.
   A new check function gets one entry in the table of its entry point,
   :data:`~jarjestoyhteistyo.rules.validation.COMPOSITION_CHECKS` (or
   :data:`~jarjestoyhteistyo.rules.checks.RULE_SET_CHECKS` for a check of a rule set).
   Another module that emits the code imports the object
   (``from jarjestoyhteistyo.rules.deputies import JY227``) and never declares it again.
   The tags: ``SHORTFALL`` (an error about something still missing, which succession
   lets stand until someone arrives), ``SELECTION`` (about seats that selection fills,
   so it stays in a proposal's report), ``BREAKABLE`` (generate can break it).
2. **Its test**, in ``tests/test_validation.py`` (``tests/test_checks.py`` for a check
   of a rule set), named after the rule and the code (``test_fc17_..._JY227``): one that
   makes the check report ``JY227`` (the guard test fails until a test file mentions
   the code).
3. **If tagged** ``BREAKABLE``, **one breaker entry**: in ``_BREAKERS`` of
   :mod:`jarjestoyhteistyo.fictional.breakers`, ``JY227: _Break(room, _Breaker.method)``
   — whether a rule set gives room to break it, and a method yielding compositions that
   break it; :data:`~jarjestoyhteistyo.fictional.generate.BROKEN_RULES` follows from the
   tag. For readers, add its row to the table at the top of
   :mod:`jarjestoyhteistyo.fictional.generate`'s docstring (a test compares the table
   with ``BROKEN_RULES``).

The ``codes`` command, the docs' table of codes and ``get_code`` read it from here.
Only a new family module is added below, once (and, if it has ``JY2xx`` codes, to
:data:`~jarjestoyhteistyo.rules.validation.VALIDATION_CODES`).

>>> len(CATALOGUE) == len({c.code for c in CATALOGUE})
True
>>> get_code("JY205").rule
'FC-9'
"""

from __future__ import annotations

from typing import Final

from jarjestoyhteistyo.analysis import ecosystem
from jarjestoyhteistyo.calc import meetings, schedule, terms
from jarjestoyhteistyo.codes import Code
from jarjestoyhteistyo.errors import CatalogueError, NotFoundError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.rules import (
    chair,
    consistency,
    cooperation,
    council,
    deputies,
    diversity,
    formal,
    forum,
    politics,
    roadmap,
    seats,
    values,
)
from jarjestoyhteistyo.rules import meetings as meeting_rules
from jarjestoyhteistyo.rules import terms as term_rules
from jarjestoyhteistyo.selection import feasible, pool, proposal, succession

__all__ = ["CATALOGUE", "build_catalogue", "get_code"]


def build_catalogue(*families: tuple[Code, ...]) -> tuple[Code, ...]:
    """Join the families' ``CODES`` tuples, sorted by code.

    Raises :class:`~jarjestoyhteistyo.errors.CatalogueError` (a :class:`ValueError`)
    when two families declare the same code id (a bug in a module).

    >>> from jarjestoyhteistyo.rules.deputies import JY205
    >>> build_catalogue((JY205,), (JY205,))
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.CatalogueError: finding code JY205 is declared twice
    """
    seen: dict[str, Code] = {}
    for family in families:
        for code in family:
            if code.code in seen:
                raise CatalogueError(Text("finding code {code} is declared twice", code=code.code))
            seen[code.code] = code
    return tuple(sorted(seen.values(), key=lambda c: c.code))


#: Every finding code, sorted by code.
CATALOGUE: Final[tuple[Code, ...]] = build_catalogue(
    consistency.CODES,
    meeting_rules.CODES,
    meetings.CODES,
    term_rules.CODES,
    politics.CODES,
    seats.CODES,
    deputies.CODES,
    chair.CODES,
    formal.CODES,
    forum.CODES,
    council.CODES,
    diversity.CODES,
    values.CODES,
    terms.CODES,
    succession.CODES,
    schedule.CODES,
    roadmap.CODES,
    pool.CODES,
    feasible.CODES,
    proposal.CODES,
    cooperation.CODES,
    ecosystem.CODES,
)

_BY_CODE: Final = {c.code: c for c in CATALOGUE}


def get_code(code: str) -> Code:
    """The :class:`~jarjestoyhteistyo.codes.Code` for ``code``.

    Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if
    unknown.

    >>> get_code("JY109").title
    'Unrealistic workload'
    """
    try:
        return _BY_CODE[code]
    except KeyError:
        raise NotFoundError(code) from None
