"""Rotation plans: which seats are up (*erovuoro*) at each changeover (`FC-13`, `KU-5`).

:func:`rotation_plan` renews the NGO member seats of a composition over a horizon.
Seats are split into *cohorts*; each cohort has its own first tenure, and after
that every tenure has the policy's full length, so changeovers are staggered:

* ``first_term_months`` given (`KU-5`: ``[12, 24]``): one cohort per entry, cohort
  ``i``'s first tenure is ``first_term_months[i]`` months;
* otherwise, from the rotation share ``f`` (`FC-13`: half change each term): there
  are ``k = ceil(1 / f)`` cohorts (the term must be at least ``k`` months, else
  :class:`RotationError`: whole-month changeovers cannot be staggered finer) and
  cohort ``i``'s first tenure is ``floor(term_months × (i + 1) / k)`` months.

**Rounding.** Cohort sizes differ by at most one, so at one changeover at most
``ceil(n / k)`` of the ``n`` seats change, which is never more than ``ceil(f × n)``.
Seats of one seat group are dealt to cohorts in turn, so the two seats of a work
pair (`KU-7`) always sit in different cohorts when there are two or more cohorts:
a pair is never renewed at once. A personal deputy (`FC-8`) follows its member's
tenures. Every date is computed from the plan's start with ``relativedelta``
(month ends clip: a tenure from 31 January of 12 months ends on 30 January).

>>> import jarjestoyhteistyo as jy
>>> from datetime import date
>>> rules = jy.load_preset("keski-uusimaa")
>>> comp = jy.Composition(seats=(
...     jy.Seat(id="a1", kind=jy.SeatKind.MEMBER, group="older-people"),
...     jy.Seat(id="a2", kind=jy.SeatKind.MEMBER, group="older-people")))
>>> plan = rotation_plan(rules, comp, start=date(2025, 6, 1), years=4)
>>> [(c.date.isoformat(), c.seats) for c in plan.changeovers]
[('2026-06-01', ('a1',)), ('2027-06-01', ('a2',)), ('2028-06-01', ('a1',))]
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.errors import RotationError
from jarjestoyhteistyo.models import Composition, SeatKind
from jarjestoyhteistyo.rules import RuleSet, SeatSource, TermMode, TermPolicy

__all__ = ["Changeover", "RotationError", "RotationPlan", "Tenure", "rotation_plan", "term_months"]

_ROTATING_SOURCES = frozenset(
    {SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN, SeatSource.SECTOR}
)
_COUNCIL_MONTHS = 48


@attrs.frozen(kw_only=True)
class Tenure:
    """One tenure of a seat: ``number`` counts from 1; ``end`` is the last day."""

    seat: str
    number: int
    cohort: int
    start: date
    end: date


@attrs.frozen(kw_only=True)
class Changeover:
    """A changeover date and the member seats whose new tenure starts then (erovuoro).

    Their personal deputies (`FC-8`) change with them; see :attr:`RotationPlan.tenures`.
    """

    date: date
    seats: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RotationPlan:
    """The renewal plan: tenures per seat and the changeovers, over a horizon."""

    start: date
    end: date
    term_months: int
    cohorts: int
    max_per_changeover: int
    tenures: tuple[Tenure, ...]
    changeovers: tuple[Changeover, ...]

    def of_seat(self, seat: str) -> tuple[Tenure, ...]:
        """The successive tenures of one seat."""
        return tuple(t for t in self.tenures if t.seat == seat)


def term_months(policy: TermPolicy) -> int:
    """The length of one term in months, for planning.

    ``council_term`` counts as 48 months and ``council_fraction`` as that share of it;
    ``fixed_dates`` as the months between its dates. ``agreed`` has no length
    (:class:`RotationError`).

    >>> from jarjestoyhteistyo.rules import TermPolicy, TermMode
    >>> term_months(TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5))
    24
    """
    if policy.mode is TermMode.FIXED and policy.months:
        return policy.months
    if policy.mode is TermMode.COUNCIL:
        return _COUNCIL_MONTHS
    if policy.mode is TermMode.COUNCIL_FRACTION and policy.fraction:
        return max(1, round(_COUNCIL_MONTHS * policy.fraction))
    if policy.mode is TermMode.FIXED_DATES and policy.start and policy.end:
        delta = relativedelta(policy.end, policy.start)
        return max(1, delta.years * 12 + delta.months + (1 if delta.days else 0))
    raise RotationError(
        f"a {policy.mode.value} term has no length to plan rotation with; "
        "give the term in months or as the council term"
    )


def _first_tenures(policy: TermPolicy, months: int) -> tuple[int, ...]:
    if policy.first_term_months:
        return tuple(policy.first_term_months)
    if not 0 < policy.rotation <= 1:
        raise RotationError(f"the rotation share {policy.rotation} is outside (0, 1]")
    k = max(1, math.ceil(1 / policy.rotation - 1e-9))
    if months < k:
        raise RotationError(
            f"a term of {months} month(s) cannot be staggered into {k} cohorts in whole "
            f"months, so no more than {policy.rotation:g} of the seats changing at once "
            "is impossible; lengthen the term or raise the share"
        )
    return tuple(months * (i + 1) // k for i in range(k))


def rotation_plan(
    rules: RuleSet, composition: Composition, *, start: date | None = None, years: int = 8
) -> RotationPlan:
    """Plan the renewal of the NGO member seats of ``composition`` over ``years``.

    ``start`` defaults to the composition's ``as_of`` date. Deputies follow their
    members; committee, official and staff seats are not rotated. The plan is the
    same for the same input. See the module docstring for cohorts and rounding.

    >>> import jarjestoyhteistyo as jy
    >>> from datetime import date
    >>> rules = jy.load_preset("vantaa-kerava-formal")
    >>> comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
    >>> plan = rotation_plan(rules, comp, start=date(2025, 1, 1), years=4)
    >>> plan.cohorts, plan.max_per_changeover, len(plan.changeovers[0].seats)
    (2, 8, 8)
    """
    begin = start or composition.as_of
    if begin is None:
        raise RotationError("give a start date or a composition with as_of")
    if years < 1:
        raise RotationError(f"the horizon must be at least one year, not {years}")
    months = term_months(rules.term)
    firsts = _first_tenures(rules.term, months)
    k = len(firsts)
    horizon = begin + relativedelta(years=years)

    groups = {g.id: g for g in rules.as_general().seat_groups}
    rotating = [
        s
        for s in composition.seats
        if s.kind is SeatKind.MEMBER
        and s.group in groups
        and groups[s.group].source in _ROTATING_SOURCES
    ]
    by_group: dict[str, list[str]] = defaultdict(list)
    for s in rotating:
        by_group[s.group or ""].append(s.id)
    # deal seats to cohorts in turn, group after group, so pairs are split
    cohort_of: dict[str, int] = {}
    turn = 0
    for group_id in sorted(by_group):
        for seat_id in sorted(by_group[group_id]):
            cohort_of[seat_id] = turn % k
            turn += 1
    deputies_of: dict[str, list[str]] = defaultdict(list)
    for s in composition.seats:
        if s.kind is SeatKind.DEPUTY and s.deputy_of in cohort_of:
            deputies_of[s.deputy_of or ""].append(s.id)

    tenures: list[Tenure] = []
    starts_by_date: dict[date, list[str]] = defaultdict(list)
    one_day = relativedelta(days=1)
    # every date is begin + n months (from the anchor); seats share a few cohorts, so
    # each offset is computed once
    at_offset: dict[int, date] = {}

    def on(offset: int) -> date:
        if offset not in at_offset:
            at_offset[offset] = begin + relativedelta(months=offset)
        return at_offset[offset]

    schedules: dict[int, tuple[tuple[int, date, date], ...]] = {}
    for cohort, first in enumerate(firsts):
        offsets = [0, first]
        while on(offsets[-1]) < horizon:
            offsets.append(offsets[-1] + months)
        schedules[cohort] = tuple(
            (number, on(a), on(b) - one_day)
            for number, (a, b) in enumerate(itertools.pairwise(offsets), start=1)
            if on(a) < horizon
        )
    for seat_id in sorted(cohort_of):
        cohort = cohort_of[seat_id]
        holders = (seat_id, *sorted(deputies_of.get(seat_id, ())))
        for number, t_start, t_end in schedules[cohort]:
            tenures.extend(
                Tenure(seat=h, number=number, cohort=cohort, start=t_start, end=t_end)
                for h in holders
            )
            if number > 1:
                starts_by_date[t_start].append(seat_id)
    changeovers = tuple(
        Changeover(date=d, seats=tuple(sorted(seats)))
        for d, seats in sorted(starts_by_date.items())
    )
    n = len(cohort_of)
    return RotationPlan(
        start=begin,
        end=horizon - one_day,
        term_months=months,
        cohorts=k,
        max_per_changeover=math.ceil(n / k) if n else 0,
        tenures=tuple(tenures),
        changeovers=changeovers,
    )
