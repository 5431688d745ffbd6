"""Rotation plans: which seats are up (*erovuoro*) at each changeover (`FC-13`, `KU-5`).

:func:`rotation_plan` renews the NGO member seats of a composition over a horizon.
Seats are split into *cohorts*, and every tenure of every seat is a window of the one
term arithmetic, :func:`jarjestoyhteistyo.calc.terms.membership_window`: tenure ``k`` of
a seat in cohort ``c`` is ``membership_window(policy, start, first=True, position=c,
index=k - 1)``. So a plan and a membership window never disagree, and the council
term's dates come from the one council calendar in :mod:`jarjestoyhteistyo.calc.terms`:

* ``first_term_months`` given (`KU-5`: ``[12, 24]``): one cohort per entry, cohort
  ``i``'s first tenure is ``first_term_months[i]`` months;
* otherwise, from the rotation share ``f`` (`FC-13`: half change each term): there
  are ``k = ceil(1 / f)`` cohorts. With a fixed term, cohort ``i``'s first tenure is
  ``floor(term_months × (i + 1) / k)`` months (the term must be at least ``k``
  months, else :class:`RotationError`: whole-month changeovers cannot be staggered
  finer). With a council-bound term each council term (or fraction of it) is split
  into ``k`` slots of whole months and cohort ``i`` changes after slot ``i``; the
  last cohort changes with the council term itself;
* ``council_term`` and ``council_fraction`` tenures end on the last day of a council
  term or of its fraction, so changeovers fall on the day after: **1 June** in every
  term after the first (the first regional term ends on 31 May 2025);
* a transitional first term (``first_term_end``) ends the first tenure on that date
  when it is earlier; the next tenure starts the day after;
* ``fixed_dates`` gives one tenure per seat, ending on the last fixed date;
  ``agreed`` (`OF-8`) has no length to plan with (:class:`RotationError`).

**Rounding.** Cohort sizes differ by at most one, so at one changeover at most
``ceil(n / k)`` of the ``n`` seats change, which is never more than ``ceil(f × n)``.
Seats of one seat group are dealt to cohorts in turn, so the two seats of a work
pair (`KU-7`) always sit in different cohorts when there are two or more cohorts:
a pair is never renewed at once. A personal deputy (`FC-8`) follows its member's
tenures. Every date is computed from an anchor with ``relativedelta`` (month ends
clip: a tenure from 31 January of 12 months ends on 30 January).

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

import importlib
import math
from collections import defaultdict
from datetime import date
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.calc.terms import (
    COUNCIL_TERM_MONTHS,
    MAX_HORIZON_YEARS,
    Tenure,
    TermError,
    check_day,
    cohorts,
    membership_window,
)
from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import MissingDependencyError, RotationError
from jarjestoyhteistyo.i18n import Lang, Text, ngettext, pgettext
from jarjestoyhteistyo.model.composition import Composition, SeatKind
from jarjestoyhteistyo.model.rulesets import RuleSet, SeatSource, TermMode, TermPolicy
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.text import html_table

__all__ = ["Changeover", "RotationError", "RotationPlan", "rotation_plan", "term_months"]

_ROTATING_SOURCES = frozenset(
    {SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN, SeatSource.SECTOR}
)
_ONE_DAY = relativedelta(days=1)


@attrs.frozen(kw_only=True)
class Changeover:
    """A changeover date and the member seats whose new tenure starts then (erovuoro).

    Their personal deputies (`FC-8`) change with them; see :attr:`RotationPlan.tenures`.
    """

    date: date
    seats: tuple[str, ...]


@attrs.frozen(kw_only=True)
class RotationPlan:
    """The renewal plan: tenures per seat and the changeovers, over a horizon.

    ``tenures`` are :class:`~jarjestoyhteistyo.calc.terms.Tenure` records (the library's one
    tenure record) with ``number`` and ``cohort`` set and no holder named.
    """

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

    def to_records(self) -> list[dict[str, Any]]:
        """One plain row per seat and tenure: ``seat``, ``number``, ``cohort``,
        ``start``, ``end`` (dates), in the plan's order."""
        return [
            {"seat": t.seat, "number": t.number, "cohort": t.cohort, "start": t.start, "end": t.end}
            for t in self.tenures
        ]

    def to_dataframe(self) -> Any:
        """A tidy ``pandas.DataFrame`` of :meth:`to_records`: one row per seat per
        tenure, ``start`` and ``end`` as datetimes (needs the ``pandas`` extra)."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:
            raise MissingDependencyError(
                Text(
                    "{caller} needs pandas: pip install 'jarjestoyhteistyo[pandas]'",
                    caller="RotationPlan.to_dataframe()",
                )
            ) from exc
        columns = ["seat", "number", "cohort", "start", "end"]
        frame = pd.DataFrame.from_records(self.to_records(), columns=columns)
        frame["seat"] = frame["seat"].astype("string")
        for column in ("start", "end"):
            frame[column] = pd.to_datetime(frame[column])
        return frame

    def _repr_html_(self, lang: Lang | None = None) -> str:
        """The changeovers as an HTML table for Jupyter: date, how many seats, which; in
        ``lang``, by default the display language
        (:func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        rows = [
            (c.date.isoformat(), str(len(c.seats)), ", ".join(c.seats)) for c in self.changeovers
        ]
        months = ngettext(lang, "{n} month", "{n} months", self.term_months).format(
            n=self.term_months
        )
        caption = f"{self.start.isoformat()} – {self.end.isoformat()}: {months}"
        header = (  # TRANSLATORS: the columns of a rotation plan's table in a notebook
            pgettext(lang, "table column", "changeover"),
            pgettext(lang, "table column", "seats"),
            pgettext(lang, "table column", "which"),
        )
        return html_table(caption, header, rows)


def term_months(policy: TermPolicy | None) -> int:
    """The nominal length of one term in months (for summaries and the simulation).

    ``council_term`` counts as one council term after the first
    (:data:`~jarjestoyhteistyo.calc.terms.COUNCIL_TERM_MONTHS`, 48) and ``council_fraction``
    as that share of it; ``fixed_dates`` as the months between its dates. ``agreed``
    has no length (:class:`RotationError`), and neither has a term the rule set does
    not state (``None``). The plan's dates themselves come from
    :func:`~jarjestoyhteistyo.calc.terms.membership_window`.

    >>> from jarjestoyhteistyo.model.rulesets import TermPolicy, TermMode
    >>> term_months(TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5))
    24
    """
    if policy is None:
        raise RotationError(Text("the rule set states no term (term:); state it to plan the terms"))
    if policy.mode is TermMode.FIXED and policy.months:
        return policy.months
    if policy.mode is TermMode.COUNCIL:
        return COUNCIL_TERM_MONTHS
    if policy.mode is TermMode.COUNCIL_FRACTION and policy.fraction:
        return max(1, round(COUNCIL_TERM_MONTHS * policy.fraction))
    if policy.mode is TermMode.FIXED_DATES and policy.start and policy.end:
        delta = relativedelta(policy.end, policy.start)
        return max(1, delta.years * 12 + delta.months + (1 if delta.days else 0))
    raise RotationError(
        Text(
            "a term of the kind '{mode}' has no length to plan the rotation with; give the"
            " term in months or as the council term",
            mode=term(policy.mode),
        )
    )


def _schedule(policy: TermPolicy, begin: date, horizon: date, cohort: int) -> list[Tenure]:
    """The tenures of one cohort's seats from ``begin`` until ``horizon`` (exclusive),
    each one membership window (``seat`` is filled in by the caller)."""
    out: list[Tenure] = []
    single = policy.mode is TermMode.FIXED_DATES
    while not out or (out[-1].end + _ONE_DAY < horizon and not single):
        w = membership_window(policy, begin, first=True, position=cohort, index=len(out))
        if w.end is None:  # pragma: no cover - fixed and council windows always end
            break
        out.append(Tenure(seat="", number=len(out) + 1, cohort=cohort, start=w.start, end=w.end))
    return out


def _deal(
    rules: RuleSet, composition: Composition, k: int
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """The rotating member seats' cohorts, and each one's personal deputies.

    Seats are dealt to the ``k`` cohorts in turn, group after group (sorted by id), so
    the seats of a group, such as a work pair, are split.
    """
    groups = {g.id: g for g in rules.as_general().seat_groups}
    by_group: dict[str, list[str]] = defaultdict(list)
    for s in composition.seats:
        if (
            s.kind is SeatKind.MEMBER
            and s.group in groups
            and groups[s.group].source in _ROTATING_SOURCES
        ):
            by_group[s.group or ""].append(s.id)
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
    return cohort_of, deputies_of


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
        raise RotationError(
            Text("give a start date, or a composition with its date (as_of), to plan from")
        )
    if not 1 <= years <= MAX_HORIZON_YEARS:
        raise RotationError(
            Text("the plan covers 1–{most} years, not {years}", most=MAX_HORIZON_YEARS, years=years)
        )
    try:
        check_day(begin, Text("the start date"))
    except TermError as exc:
        raise RotationError(exc.text or str(exc)) from exc
    policy = rules.term
    months = term_months(policy)  # RotationError when the rule set states no term
    assert policy is not None
    horizon = begin + relativedelta(years=years)
    try:
        k = cohorts(policy)
        schedules = {c: _schedule(policy, begin, horizon, c) for c in range(k)}
    except TermError as exc:
        raise RotationError(exc.text or str(exc)) from exc

    cohort_of, deputies_of = _deal(rules, composition, k)
    tenures: list[Tenure] = []
    starts_by_date: dict[date, list[str]] = defaultdict(list)
    for seat_id in sorted(cohort_of):
        holders = (seat_id, *sorted(deputies_of.get(seat_id, ())))
        for planned in schedules[cohort_of[seat_id]]:
            tenures.extend(attrs.evolve(planned, seat=h) for h in holders)
            if planned.number > 1:
                starts_by_date[planned.start].append(seat_id)
    changeovers = tuple(
        Changeover(date=d, seats=tuple(sorted(seats)))
        for d, seats in sorted(starts_by_date.items())
    )
    n = len(cohort_of)
    largest = max((len(c.seats) for c in changeovers), default=0)
    return RotationPlan(
        start=begin,
        end=horizon - _ONE_DAY,
        term_months=months,
        cohorts=k,
        max_per_changeover=max(math.ceil(n / k) if n else 0, largest),
        tenures=tuple(tenures),
        changeovers=changeovers,
    )
