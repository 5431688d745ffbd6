"""Attrition: how often seats stand empty when people drop out (`WS-5`, `FC-8`, `KU-7`).

`WS-5` worries that long terms and ageing activists leave seats empty, and that this
makes deputies more important. :func:`simulate_attrition` answers it for a structure:
given an annual drop-out probability per person (optionally per :class:`Role`), the
structure's succession rules and a refill delay, it reports the probability that a
seat is vacant at some point, the expected vacant seat-months and the expected
number of replacements; :func:`compare_terms` does so for a 2-year term and the
council term (:data:`COUNCIL_TERM_MONTHS`, read from the council calendar in
:mod:`jarjestoyhteistyo.calc.terms`) over the same horizon.

**The model** (monthly steps, month 0 is the start):

* Each NGO member seat (`FC-4`, `KU-4`, `OF-3`) is held by a *line* of people — the
  member, and with personal deputies (`FC-8`) a second line, the deputy. A person
  present in a month leaves at its end with the monthly hazard
  ``h = 1 − (1 − p) ** (1 / 12)`` for an annual drop-out probability ``p``.
* A line whose person left is empty for ``refill_months`` months, then a new person
  (of the same role) is appointed: a *replacement*. ``refill_months=None`` means
  nobody is appointed mid-term: the line stays empty until the next changeover.
* At each of the seat's changeovers from :func:`~jarjestoyhteistyo.calc.rotation.rotation_plan`
  (`FC-13`, `KU-5`) a new tenure starts and every empty line is filled.
* **Personal deputy** (`FC-8`): when the member leaves, the deputy becomes the member
  and the deputy seat is refilled after the delay. Which person sits in which seat
  does not change *whether* the seat is held, so the seat is vacant exactly when
  both lines are empty.
* **Work pair** (`KU-7`) and every other deputy mode: each seat is its own line; the
  partner carries the network's message, but the empty seat counts as vacant until
  it is refilled.

Seats are independent given the rules, and each seat is a small Markov chain over
months (each line's state is *present* or *empty with r months to go*; a flag
records whether the seat has been vacant). Per-seat probabilities and expectations
are therefore computed **exactly** by propagating that chain (at most
``2 × (refill_months + 1)²`` states for 48 steps); identical seats share one
computation. Sums over seats are exact by linearity, and the probability that *any*
seat is vacant at some point is ``1 − Π(1 − p_seat)`` by independence.

The **aggregate distribution** — how many seats are empty *at the same time*, and
the spread of vacant seat-months — is not a per-seat quantity; it is estimated by
Monte Carlo with ``random.Random(seed)``: for each run and line, departure times are
drawn by inverting the geometric distribution (one uniform per departure, none of
the 48 monthly coin flips), and empty intervals are intersected and swept. The same
seed gives the same result; the exact figures do not depend on the seed. No numpy.

>>> import jarjestoyhteistyo as jy
>>> rules = jy.load_preset("vantaa-kerava-formal")
>>> r = simulate_attrition(rules, None, dropout_per_year=0.1, years=4, runs=200, seed=1)
>>> r.months, len(r.seats), round(r.p_seat_vacant, 4), round(r.expected_replacements, 2)
(48, 16, 0.0161, 11.61)
"""

from __future__ import annotations

import itertools
import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from jarjestoyhteistyo.analysis.metrics import skeleton_composition
from jarjestoyhteistyo.calc.rotation import rotation_plan, term_months
from jarjestoyhteistyo.calc.terms import COUNCIL_TERM_MONTHS, LATER_TERMS_START
from jarjestoyhteistyo.errors import RotationError, SimulationError
from jarjestoyhteistyo.i18n import Text, Translatable
from jarjestoyhteistyo.model.bounds import MAX_COUNT, MAX_HORIZON_YEARS, MAX_MONTHS
from jarjestoyhteistyo.model.composition import Composition, Role, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import DeputyMode, RuleSet, TermMode, TermPolicy
from jarjestoyhteistyo.model.vocabulary import term

__all__ = [
    "COUNCIL_TERM_MONTHS",
    "MAX_WORK",
    "AttritionResult",
    "SeatRisk",
    "compare_terms",
    "monthly_hazard",
    "simulate_attrition",
]

# COUNCIL_TERM_MONTHS (`WS-5`: the majority favoured the council term) is the council
# calendar's own value, imported from terms and named here for compare_terms' callers.
_PLAN_START = LATER_TERMS_START
_UNTIL_CHANGEOVER = -1  # line state: empty until the next changeover (no mid-term refill)
_QUANTILES = (0.5, 0.9, 0.99)


def monthly_hazard(per_year: float) -> float:
    """The monthly drop-out probability equivalent to ``per_year``: ``1 − (1 − p)^(1/12)``.

    >>> round(monthly_hazard(0.2), 6)
    0.018423
    >>> monthly_hazard(0.0), monthly_hazard(1.0)
    (0.0, 1.0)
    """
    _check_probability(per_year, Text("a drop-out probability"))
    if per_year >= 1.0:
        return 1.0
    return 1.0 - math.pow(1.0 - per_year, 1.0 / 12.0)


def _check_probability(p: float, what: str | Translatable) -> None:
    if not (isinstance(p, int | float) and 0.0 <= p <= 1.0):
        raise SimulationError(
            Text("{what} must be between 0 and 1, not {value}", what=what, value=repr(p))
        )


@attrs.frozen(kw_only=True)
class SeatRisk:
    """Exact figures for one member seat over the horizon.

    ``lines`` is 2 for a member with a personal deputy (`FC-8`), else 1;
    ``p_vacant`` the probability that the seat is vacant in at least one month;
    ``vacant_months``, ``replacements`` and ``departures`` are expectations.
    """

    seat: str
    group: str | None
    lines: int
    p_vacant: float
    vacant_months: float
    replacements: float
    departures: float


@attrs.frozen(kw_only=True)
class AttritionResult:
    """The result of :func:`simulate_attrition`.

    Exact (Markov chain): ``seats``, ``p_seat_vacant`` (the mean over seats of the
    probability that the seat is vacant at some point), ``p_any_vacant``,
    ``expected_vacant_seat_months``, ``expected_replacements``,
    ``expected_departures``. Monte Carlo over ``runs`` with ``seed``:
    ``mc_p_any_vacant`` and ``mc_vacant_seat_months`` (checks of the exact figures),
    ``vacant_seat_months_quantiles`` as ``(q, value)`` pairs, and ``peak_vacant``,
    where ``peak_vacant[k]`` is the share of runs in which at most ``k`` seats — and
    at some month exactly ``k`` — were vacant at the same time.
    """

    months: int
    term_months: int | None
    refill_months: int | None
    seats: tuple[SeatRisk, ...]
    p_seat_vacant: float
    p_any_vacant: float
    expected_vacant_seat_months: float
    expected_replacements: float
    expected_departures: float
    runs: int
    seed: int
    mc_p_any_vacant: float
    mc_vacant_seat_months: float
    vacant_seat_months_quantiles: tuple[tuple[float, float], ...]
    peak_vacant: tuple[float, ...]

    @property
    def vacancy_share(self) -> float:
        """Expected vacant seat-months ÷ (seats × months): the share of seat time lost.

        >>> import jarjestoyhteistyo as jy
        >>> r = simulate_attrition(jy.load_preset("ku"), None, dropout_per_year=0.0,
        ...                        runs=1, seed=0)
        >>> r.vacancy_share
        0.0
        """
        seat_months = len(self.seats) * self.months
        return self.expected_vacant_seat_months / seat_months if seat_months else 0.0

    @property
    def mean_peak_vacant(self) -> float:
        """The Monte Carlo mean of the most seats vacant at the same time."""
        return sum(k * p for k, p in enumerate(self.peak_vacant))


# ------------------------------------------------------------------ seat specs
@attrs.frozen
class _Line:
    hazard: float
    empty_at_start: bool


@attrs.frozen
class _Spec:
    lines: tuple[_Line, ...]
    changeovers: tuple[int, ...]  # months (> 0, < horizon) when a new tenure starts


def _hazard_of(
    seat: Seat,
    dropout: float | Mapping[Role, float],
    default: float | None,
) -> float:
    if not isinstance(dropout, Mapping):
        return monthly_hazard(dropout)
    role = seat.person.role if seat.person is not None else None
    if role is not None and role in dropout:
        return monthly_hazard(dropout[role])
    if default is not None:
        return monthly_hazard(default)
    if role is None:
        raise SimulationError(
            Text(
                "the seat {seat} has no person with a role, and dropout_per_year gives a"
                " drop-out probability by role only; give default_dropout",
                seat=seat.id,
            )
        )
    raise SimulationError(
        Text(
            "the seat {seat} has the role {role}, and dropout_per_year gives no drop-out"
            " probability for it; add the role or give default_dropout",
            seat=seat.id,
            role=term(role),
        )
    )


def _changeovers(
    rules: RuleSet, composition: Composition, months: int
) -> tuple[dict[str, tuple[int, ...]], int | None]:
    try:
        term = term_months(rules.term)
    except RotationError:
        return {}, None
    begin = composition.as_of or _PLAN_START
    plan = rotation_plan(
        rules, composition, start=begin, years=min(months // 12 + 2, MAX_HORIZON_YEARS)
    )
    found: dict[str, list[int]] = defaultdict(list)
    for t in plan.tenures:
        offset = (t.start.year - begin.year) * 12 + t.start.month - begin.month
        if t.number > 1 and 0 < offset < months:
            found[t.seat].append(offset)
    return {k: tuple(sorted(v)) for k, v in found.items()}, term


def _specs(
    rules: RuleSet,
    composition: Composition,
    dropout: float | Mapping[Role, float],
    default: float | None,
    months: int,
) -> tuple[list[tuple[Seat, _Spec]], int | None]:
    changeovers, term = _changeovers(rules, composition, months)
    personal = rules.as_general().deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
    deputies: dict[str, list[Seat]] = defaultdict(list)
    if personal:
        for s in composition.seats_of(SeatKind.DEPUTY):
            if s.deputy_of is not None:
                deputies[s.deputy_of].append(s)
    out: list[tuple[Seat, _Spec]] = []
    for seat in composition.seats_of(SeatKind.MEMBER):
        holders = (seat, *deputies.get(seat.id, ()))
        lines = tuple(
            _Line(hazard=_hazard_of(h, dropout, default), empty_at_start=h.vacant) for h in holders
        )
        out.append((seat, _Spec(lines=lines, changeovers=changeovers.get(seat.id, ()))))
    return out, term


# ---------------------------------------------------------------- exact chain
@attrs.frozen
class _Exact:
    p_vacant: float
    vacant_months: float
    replacements: float
    departures: float


# one line's move from month t to t + 1: (probability, new state, refills, departures)
_Move = tuple[float, int, int, int]


def _line_moves(state: int, hazard: float, refill: int | None) -> tuple[_Move, ...]:
    if state == 0:
        if refill is None:
            gone = _UNTIL_CHANGEOVER
            return ((1.0 - hazard, 0, 0, 0), (hazard, gone, 0, 1))
        if refill == 0:  # replaced at once
            return ((1.0 - hazard, 0, 0, 0), (hazard, 0, 1, 1))
        return ((1.0 - hazard, 0, 0, 0), (hazard, refill, 0, 1))
    if state == _UNTIL_CHANGEOVER:
        return ((1.0, state, 0, 0),)
    if state == 1:
        return ((1.0, 0, 1, 0),)
    return ((1.0, state - 1, 0, 0),)


def _step(
    dist: Mapping[tuple[int, ...], float],
    spec: _Spec,
    refill: int | None,
    renew: bool,
    cache: dict[tuple[int, int], tuple[_Move, ...]],
) -> tuple[dict[tuple[int, ...], float], float, float]:
    """One month of the seat's chain: the next distribution and the expected refills
    and departures of the move."""
    nxt: dict[tuple[int, ...], float] = defaultdict(float)
    refills = departures = 0.0
    for states, p in dist.items():
        options: list[tuple[float, tuple[int, ...], int, int]] = [(p, (), 0, 0)]
        for i, s in enumerate(states):
            key = (i, s)
            if key not in cache:
                cache[key] = _line_moves(s, spec.lines[i].hazard, refill)
            options = [
                (q * mq, (*ns, s2), r + r2, d + d2)
                for q, ns, r, d in options
                for mq, s2, r2, d2 in cache[key]
                if mq > 0.0
            ]
        for q, ns, r, d in options:
            refills += q * r
            departures += q * d
            nxt[tuple(0 for _ in ns) if renew else ns] += q
    return nxt, refills, departures


def _exact(spec: _Spec, months: int, refill: int | None) -> _Exact:
    """Propagate the seat's chain: the state distribution for the expectations, and
    the sub-distribution of paths not yet vacant; ``p_vacant`` is the (exactly
    summed) mass that leaves it, so a vacancy that cannot happen has probability 0."""
    start_empty = _UNTIL_CHANGEOVER if refill is None else refill
    initial = tuple(start_empty if line.empty_at_start else 0 for line in spec.lines)
    dist: dict[tuple[int, ...], float] = {initial: 1.0}
    never: dict[tuple[int, ...], float] = {} if all(initial) else {initial: 1.0}
    entered = [] if never else [1.0]  # mass of paths that become vacant, month by month
    changeovers = frozenset(spec.changeovers)
    vacant_months = replacements = departures = 0.0
    cache: dict[tuple[int, int], tuple[_Move, ...]] = {}
    for t in range(months):
        vacant_months += sum(p for states, p in dist.items() if all(states))
        if t == months - 1:
            break
        renew = (t + 1) in changeovers
        dist, r, d = _step(dist, spec, refill, renew, cache)
        replacements += r
        departures += d
        moved, _r, _d = _step(never, spec, refill, renew, cache)
        never = {}
        for states, p in moved.items():
            if all(states):
                entered.append(p)
            else:
                never[states] = p
    return _Exact(
        p_vacant=min(1.0, math.fsum(entered)),
        vacant_months=vacant_months,
        replacements=replacements,
        departures=departures,
    )


# ----------------------------------------------------------------- Monte Carlo
def _line_intervals(
    rng: random.Random,
    hazard: float,
    log_keep: float,
    next_change: Sequence[int],
    months: int,
    refill: int | None,
    empty_from: int,
    u: float,
) -> list[tuple[int, int]]:
    """Empty months ``[a, b)`` of one line in one run.

    The line is empty from month ``empty_from`` (``-1``: present from month 0);
    departures are drawn by inverting the geometric distribution, ``u`` being the
    first uniform in ``(0, 1]``.
    """
    out: list[tuple[int, int]] = []
    present_from = 0
    while True:
        if empty_from >= 0:
            change = next_change[empty_from] if empty_from < months else months
            back = change if refill is None else min(empty_from + refill, change)
            if back > empty_from and empty_from < months:
                out.append((empty_from, min(back, months)))
            present_from = back
            if present_from >= months - 1:
                return out
            u = 1.0 - rng.random()
        if hazard >= 1.0:
            gap = 0
        else:
            if math.log(u) <= (months - 1 - present_from) * log_keep:
                return out  # no departure before the horizon
            gap = int(math.log(u) / log_keep)
        leave = present_from + gap  # leaves at the end of this month
        if leave > months - 2:
            return out
        empty_from = leave + 1


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


# per line: hazard, log(1 − hazard), P(present all horizon from month 0), empty at start
_PreparedLine = tuple[float, float, float, bool]


def _prepare(spec: _Spec, months: int) -> tuple[list[int], tuple[_PreparedLine, ...]]:
    next_change = [months] * (months + 1)
    later = months
    changes = frozenset(spec.changeovers)
    for m in range(months, -1, -1):
        if m in changes:
            later = m
        next_change[m] = later
    lines = tuple(
        (
            line.hazard,
            math.log1p(-line.hazard) if 0.0 < line.hazard < 1.0 else 0.0,
            (1.0 - line.hazard) ** max(0, months - 1),
            line.empty_at_start,
        )
        for line in spec.lines
    )
    return next_change, lines


def _monte_carlo(
    specs: Sequence[_Spec], months: int, refill: int | None, runs: int, seed: int
) -> tuple[list[int], list[int]]:
    """Vacant seat-months and the peak of simultaneous vacancies, per run.

    A line present from month 0 stays present the whole horizon with probability
    ``quiet``: one uniform decides it, and a seat with such a line cannot be vacant,
    so its other lines need no draws. Only the other runs walk the departures.
    """
    rng = random.Random(seed)
    draw = rng.random
    prepared = [_prepare(spec, months) for spec in specs]
    totals: list[int] = []
    peaks: list[int] = []
    for _ in range(runs):
        events: list[tuple[int, int]] = []
        total = 0
        for next_change, lines in prepared:
            vacant: list[tuple[int, int]] | None = None
            for hazard, log_keep, quiet, empty_at_start in lines:
                if empty_at_start:
                    empty = _line_intervals(
                        rng, hazard, log_keep, next_change, months, refill, 0, 1.0
                    )
                else:
                    if hazard <= 0.0:
                        vacant = []
                        break
                    u = 1.0 - draw()  # in (0, 1]
                    if u <= quiet and hazard < 1.0:
                        vacant = []  # present all horizon: the seat is never vacant
                        break
                    empty = _line_intervals(
                        rng, hazard, log_keep, next_change, months, refill, -1, u
                    )
                vacant = empty if vacant is None else _intersect(vacant, empty)
                if not vacant:
                    break
            if vacant:
                for a, b in vacant:
                    total += b - a
                    events.append((a, 1))
                    events.append((b, -1))
        peak = level = 0
        if events:
            for _month, step in sorted(events):  # an end (-1) sorts before a start
                level += step
                peak = max(peak, level)
        totals.append(total)
        peaks.append(peak)
    return totals, peaks


def _quantile(ordered: Sequence[int], q: float) -> float:
    rank = max(1, math.ceil(q * len(ordered)))
    return float(ordered[rank - 1])


def _check_arguments(
    dropout_per_year: float | Mapping[Role, float],
    default_dropout: float | None,
    refill_months: int | None,
    runs: int,
) -> None:
    if isinstance(dropout_per_year, Mapping):
        for role, p in dropout_per_year.items():
            _check_probability(
                p, Text("the drop-out probability of the role {role}", role=term(role))
            )
    else:
        _check_probability(
            dropout_per_year, Text("the drop-out probability a year (dropout_per_year)")
        )
    if default_dropout is not None:
        _check_probability(
            default_dropout, Text("the default drop-out probability (default_dropout)")
        )
    if refill_months is not None and not 0 <= refill_months <= MAX_MONTHS:
        raise SimulationError(
            Text(
                "the months to fill a vacant seat (refill_months) must be 0 to {most}, or"
                " nothing, not {months}",
                most=MAX_MONTHS,
                months=refill_months,
            )
        )
    if not 1 <= runs <= MAX_COUNT:  # the work is in proportion: bounded like any count
        raise SimulationError(
            Text(
                "the number of simulation runs must be 1 to {most}, not {runs}",
                most=MAX_COUNT,
                runs=runs,
            )
        )


def _horizon(rules: RuleSet, years: float | None) -> int:
    """The horizon in months: ``years``, else one term (an agreed term needs ``years``)."""
    if years is None:
        try:
            return term_months(rules.term)
        except RotationError as exc:
            if rules.term is None:
                raise SimulationError(
                    Text("the rule set states no term: give the horizon in years")
                ) from exc
            raise SimulationError(
                Text(
                    "a term of the kind '{mode}' has no length (OF-8): give the horizon in years",
                    mode=term(rules.term.mode),
                )
            ) from exc
    if not (math.isfinite(years) and 0 < years <= MAX_HORIZON_YEARS):
        raise SimulationError(
            Text(
                "the horizon must be more than 0 and at most {most} years, not {years}",
                most=MAX_HORIZON_YEARS,
                years=years,
            )
        )
    return max(1, round(years * 12))


def _effective_refill(refill: int | None, spec: _Spec, months: int) -> int | None:
    """``refill`` as the seat's chain needs it: a delay longer than every stretch
    between two changeovers (and the horizon's ends) never ends before the next
    changeover, which is what ``None`` says — the same figures, with a chain of two
    states instead of ``refill + 1``."""
    if refill is None:
        return None
    marks = (0, *sorted(spec.changeovers), months)
    longest = max(b - a for a, b in itertools.pairwise(marks))
    return None if refill > longest else refill


#: The most steps of the model one simulation takes on: ten for each state and month
#: of the exact chains (measured: 3–11 µs each) plus one for each of the Monte
#: Carlo's runs × lines × (1 + expected departures) (about 1.5 µs each): half a minute
#: at most. Past it a SimulationError says what to cut. 10,000 runs of a 16-seat body
#: with deputies over 40 years at a drop-out of 0.2 a year take about 3 million.
MAX_WORK: Final = 2 * 10**7

#: What one state-month of an exact chain costs, in Monte Carlo steps.
_EXACT_STEP: Final = 10


def _check_work(specs: Sequence[_Spec], months: int, refill: int | None, runs: int) -> None:
    exact = 0
    for spec in set(specs):
        eff = _effective_refill(refill, spec, months)
        exact += _EXACT_STEP * months * (2 if eff is None else eff + 2) ** len(spec.lines)
    monte_carlo = runs * sum(1 + line.hazard * months for spec in specs for line in spec.lines)
    if exact + monte_carlo > MAX_WORK:
        raise SimulationError(
            Text(
                "this simulation would take about {steps} steps, more than the {most} it takes"
                " on (minutes): give fewer runs, fewer years or a shorter refill_months",
                steps=int(exact + monte_carlo),
                most=MAX_WORK,
            )
        )


def _seat_risks(
    seated: Sequence[tuple[Seat, _Spec]], months: int, refill: int | None
) -> list[SeatRisk]:
    """The exact figures of every seat; identical seats share one computation."""
    cache: dict[_Spec, _Exact] = {}
    risks: list[SeatRisk] = []
    for seat, spec in seated:
        if spec not in cache:
            cache[spec] = _exact(spec, months, _effective_refill(refill, spec, months))
        e = cache[spec]
        risks.append(
            SeatRisk(
                seat=seat.id,
                group=seat.group,
                lines=len(spec.lines),
                p_vacant=e.p_vacant,
                vacant_months=e.vacant_months,
                replacements=e.replacements,
                departures=e.departures,
            )
        )
    return risks


# --------------------------------------------------------------------- the API
def simulate_attrition(
    rules: RuleSet,
    composition: Composition | None,
    *,
    dropout_per_year: float | Mapping[Role, float],
    refill_months: int | None = 3,
    years: float | None = None,
    runs: int = 10_000,
    seed: int,
    default_dropout: float | None = None,
) -> AttritionResult:
    """Simulate drop-out over a horizon under the structure's succession rules (`WS-5`).

    ``composition`` gives the member seats, their deputies and the people's roles;
    ``None`` uses :func:`~jarjestoyhteistyo.analysis.metrics.skeleton_composition` (every NGO
    seat held by a volunteer, with personal deputies where the rules have them).
    ``dropout_per_year`` is one probability for everybody or one per :class:`Role`
    (``default_dropout`` for roles it does not name and for seats empty at the start).
    ``years`` defaults to one term (`FC-12`); an agreed term (`OF-8`) needs ``years``.
    See the module text for the model, what is exact and what is Monte Carlo.

    >>> import jarjestoyhteistyo as jy
    >>> ku = jy.load_preset("keski-uusimaa")
    >>> r = simulate_attrition(ku, None, dropout_per_year=0.15, runs=500, seed=7)
    >>> r.months, r.term_months, len(r.seats)
    (24, 24, 10)
    >>> 0 < r.p_seat_vacant < r.p_any_vacant < 1
    True
    >>> r == simulate_attrition(ku, None, dropout_per_year=0.15, runs=500, seed=7)
    True
    """
    _check_arguments(dropout_per_year, default_dropout, refill_months, runs)
    comp = composition if composition is not None else skeleton_composition(rules)
    months = _horizon(rules, years)
    seated, term = _specs(rules, comp, dropout_per_year, default_dropout, months)
    _check_work([s for _, s in seated], months, refill_months, runs)
    risks = _seat_risks(seated, months, refill_months)
    totals, peaks = _monte_carlo([s for _, s in seated], months, refill_months, runs, seed)
    ordered = sorted(totals)
    top = max(peaks, default=0)
    peak_counts = [0] * (top + 1)
    for k in peaks:
        peak_counts[k] += 1
    n = len(risks)
    return AttritionResult(
        months=months,
        term_months=term,
        refill_months=refill_months,
        seats=tuple(risks),
        p_seat_vacant=sum(r.p_vacant for r in risks) / n if n else 0.0,
        p_any_vacant=1.0 - math.prod(1.0 - r.p_vacant for r in risks),
        expected_vacant_seat_months=math.fsum(r.vacant_months for r in risks),
        expected_replacements=math.fsum(r.replacements for r in risks),
        expected_departures=math.fsum(r.departures for r in risks),
        runs=runs,
        seed=seed,
        mc_p_any_vacant=sum(1 for k in peaks if k > 0) / runs,
        mc_vacant_seat_months=sum(totals) / runs,
        vacant_seat_months_quantiles=tuple((q, _quantile(ordered, q)) for q in _QUANTILES),
        peak_vacant=tuple(c / runs for c in peak_counts),
    )


def compare_terms(
    rules: RuleSet,
    composition: Composition | None = None,
    *,
    dropout_per_year: float | Mapping[Role, float],
    refill_months: int | None = 3,
    terms: Iterable[int] = (24, COUNCIL_TERM_MONTHS),
    years: float = COUNCIL_TERM_MONTHS / 12,
    runs: int = 10_000,
    seed: int,
    default_dropout: float | None = None,
) -> tuple[AttritionResult, ...]:
    """:func:`simulate_attrition` with each term length of ``terms`` over one horizon
    (`WS-5`: a 2-year term versus the council term).

    Each run replaces the term by a fixed term of that many months, keeping the
    structure's rotation share (`FC-13`: half change each term) but not a staggered
    first term; everything else is the structure's own. The horizon is the same for
    every term length (default: one council term), so the figures compare.

    >>> import jarjestoyhteistyo as jy
    >>> formal = jy.load_preset("vantaa-kerava-formal")
    >>> short, council = compare_terms(formal, dropout_per_year=0.2, refill_months=None,
    ...                                runs=200, seed=3)
    >>> short.term_months, council.term_months
    (24, 48)
    >>> short.expected_vacant_seat_months < council.expected_vacant_seat_months
    True
    """
    out = []
    for months in terms:
        if months < 1:
            raise SimulationError(
                Text("a term lasts at least one month, not {months}", months=months)
            )
        term = attrs.evolve(
            rules.term or TermPolicy(),
            mode=TermMode.FIXED,
            months=months,
            first_term_months=(),
            first_term_end=None,
        )
        out.append(
            simulate_attrition(
                attrs.evolve(rules, term=term),
                composition,
                dropout_per_year=dropout_per_year,
                refill_months=refill_months,
                years=years,
                runs=runs,
                seed=seed,
                default_dropout=default_dropout,
            )
        )
    return tuple(out)
