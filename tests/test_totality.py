"""Every computation is total on what loads (issue #19, point 2).

One property test per public function of the public modules (``__all__`` of
``analysis.*``, ``calc.*``, ``selection.*``, ``rules.*``, ``fictional.generate`` and the
text outputs of ``render.diagrams``; plotting is left out), over the library's own
strategies widened to the edges of :mod:`jarjestoyhteistyo.model.bounds`
(``wide=True``): each call returns, or raises a
:class:`~jarjestoyhteistyo.errors.JarjestoError` — never another exception — within the
stated hypothesis ``deadline``.

The table :data:`CASES` names each function and draws its arguments; one parametrised
test runs each row (``slow``: with the profile's examples), and a quick smoke run of
every row with a few examples keeps the default suite covering them. The crashes and
hangs the widened strategies found are regression tests below, with their inputs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis import compare as compare_mod
from jarjestoyhteistyo.analysis import ecosystem, evaluation, metrics, roadmap, scorecard, simulate
from jarjestoyhteistyo.calc import duties, meetings, rotation, schedule, terms
from jarjestoyhteistyo.errors import (
    GenerateError,
    JarjestoError,
    MeetingError,
    RotationError,
    SelectionError,
    TermError,
)
from jarjestoyhteistyo.fictional import generate as gen
from jarjestoyhteistyo.fictional.strategies import (
    any_rule_sets,
    compositions_for,
    registrations,
    roadmaps,
    rule_sets,
)
from jarjestoyhteistyo.model.associations import Association, SegmentRules
from jarjestoyhteistyo.model.bounds import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_AMOUNT,
    MAX_COUNT,
    MAX_HOURS_PER_MEETING,
    MAX_MEETINGS_PER_YEAR,
    MAX_MONTHS,
)
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.cooperation import AnnualActivity
from jarjestoyhteistyo.model.history import Tenure
from jarjestoyhteistyo.model.planner import laid_out_seats
from jarjestoyhteistyo.model.roadmap import Status
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    ChairPolicy,
    Council,
    DeputyMode,
    FormalCommittee,
    RotatingDuty,
    RuleSet,
    TermMode,
    TermPolicy,
)
from jarjestoyhteistyo.render import diagrams
from jarjestoyhteistyo.rules import (
    checks,
    consistency,
    politics,
    seats,
    validation,
    values,
)
from jarjestoyhteistyo.rules import roadmap as rules_roadmap
from jarjestoyhteistyo.selection import feasible, lottery, proposal, succession
from jarjestoyhteistyo.selection.succession import Event, EventKind, History

#: The longest a call may take on one input (the hypothesis deadline), in milliseconds:
#: a guard against hangs (an unbounded or quadratic loop shows as minutes), not a
#: performance figure — those are measured in ``benchmarks/``. At 2 s, a loaded CI
#: machine failed calls that take 1 s here.
DEADLINE_MS = 10_000

#: Bodies larger than this get the skeleton composition (laid out at once) rather than
#: one drawn seat by seat: drawing 100,000 seats is Hypothesis' time, not the library's.
DRAWN_SEATS = 300

FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(LAST_YEAR, 12, 31)


def edges(lo: int, hi: int) -> st.SearchStrategy[int]:
    """Whole numbers ``lo`` … ``hi``, the edges drawn often."""
    return st.integers(lo, hi) | st.sampled_from((lo, hi))


DAYS = st.dates(FIRST_DAY, LAST_DAY) | st.sampled_from((FIRST_DAY, LAST_DAY))
YEARS = edges(FIRST_YEAR, LAST_YEAR)
COUNTS = edges(0, MAX_COUNT)
MONTHS = edges(0, MAX_MONTHS)
SEEDS = st.integers(0, 2**32 - 1)

#: Rule sets: the fuzzing ones at the edges of the bounds, and valid ones.
RULES: st.SearchStrategy[RuleSet] = any_rule_sets(wide=True) | rule_sets()


def _small_or_refused(rules: RuleSet) -> bool:
    n = laid_out_seats(rules)
    return n <= DRAWN_SEATS or n > MAX_COUNT


#: Rule sets for the calls whose work grows with every seat (propose, generate, the
#: attrition simulation over up to 200 years): small bodies,
#: or bodies past ``MAX_COUNT`` seats, which are refused at once. Between the two the
#: time grows linearly with the seats (seconds at the bound, a benchmark's business,
#: not the deadline's): ``benchmarks/bench_generate.py``, "large bodies".
LAID_OUT: st.SearchStrategy[RuleSet] = RULES.filter(_small_or_refused)

#: Smaller still, for the attrition simulation, whose exact chains take time per seat,
#: month and state: up to 40 seats (or refused).
SMALL_BODIES: st.SearchStrategy[RuleSet] = RULES.filter(
    lambda r: laid_out_seats(r) <= 40 or laid_out_seats(r) > MAX_COUNT
)


@st.composite
def rules_and_composition(
    draw: st.DrawFn, rule_sets: st.SearchStrategy[RuleSet] = RULES
) -> tuple[RuleSet, Composition]:
    """A rule set and a composition for it: drawn by the planner when the rule set
    admits one, else the skeleton (no seats held); ``as_of`` anywhere in the bounds."""
    rules = draw(rule_sets)
    try:
        if seats.counted_size(rules) > DRAWN_SEATS:  # the planner draws seat by seat
            raise GenerateError("too many seats to draw")
        comp = draw(compositions_for(rules, wide=True))
    except JarjestoError:
        try:
            comp = metrics.skeleton_composition(rules)
        except JarjestoError:
            comp = Composition(name="empty", seats=())
        comp = attrs.evolve(comp, as_of=draw(st.none() | DAYS))
    return rules, comp


@st.composite
def rules_and_registrations(
    draw: st.DrawFn, rule_sets: st.SearchStrategy[RuleSet] = RULES
) -> tuple[RuleSet, tuple[Any, ...]]:
    rules = draw(rule_sets)
    return rules, draw(registrations(rules, max_size=12, wide=True))


def tenures() -> st.SearchStrategy[tuple[Tenure, ...]]:
    tenure = st.builds(
        lambda seat, start, months, org, number: Tenure(
            seat=seat,
            start=start,
            end=min(start + relativedelta(months=months), LAST_DAY),
            organisation=org,
            number=number,
        ),
        st.sampled_from(("m1", "m2", "d1")),
        DAYS,
        MONTHS,
        st.none() | st.sampled_from(("org-1", "org-2")),
        edges(1, MAX_COUNT),
    )
    return st.lists(tenure, max_size=6).map(tuple)


def events(seats_: tuple[str, ...]) -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        date=DAYS,
        kind=st.sampled_from(EventKind),
        seat=st.sampled_from(seats_ or ("m1",)),
        organisation=st.none() | st.sampled_from(("org-1", "org-2")),
    )


@st.composite
def with_history(draw: st.DrawFn) -> tuple[RuleSet, Composition, History, dt.date]:
    rules, comp = draw(rules_and_composition())
    seat_ids = tuple(s.id for s in comp.seats) if comp.seats else ("m1",)
    history = History(events=tuple(draw(st.lists(events(seat_ids), max_size=5))))
    return rules, comp, history, draw(DAYS)


def term_policies() -> st.SearchStrategy[TermPolicy]:
    return RULES.map(lambda r: r.term)


def rotating_duties() -> st.SearchStrategy[RotatingDuty]:
    return RULES.filter(lambda r: bool(r.duties)).map(lambda r: r.duties[0])


ACTIVITIES = st.builds(
    AnnualActivity,
    id=st.just("a"),
    label=st.just("activity"),
    month=st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    every_years=edges(1, MAX_COUNT),
    anchor_year=st.none() | YEARS,
    per_council_term=st.none() | st.sampled_from(Council),
)

ASSOCIATIONS = st.builds(
    Association,
    id=st.sampled_from(("a1", "a2", "a3")),
    registered=st.none() | DAYS,
    last_contact=st.none() | DAYS,
    grants_received=st.floats(0, MAX_AMOUNT) | st.just(MAX_AMOUNT),
    events_attended=COUNTS,
)

SEGMENT_RULES = st.builds(
    SegmentRules,
    active_min_events=COUNTS,
    active_min_networks=COUNTS,
    active_contact_months=MONTHS,
    support_min_grants=st.floats(0, MAX_AMOUNT),
    dependent_min_grants=st.none() | st.floats(0, MAX_AMOUNT),
    new_months=MONTHS,
    stale_contact_months=MONTHS,
)

MEETING_POLICIES = RULES.map(lambda r: r.meetings)
BUDGETS = st.floats(-10.0, 366 * 24.0) | st.just(366 * 24.0)
FEES = st.floats(0.0, MAX_AMOUNT) | st.just(MAX_AMOUNT)
DROPOUT = st.floats(0.0, 1.0)
TEXT = st.text(max_size=30)


def _compare(structures: list[Any], fee: float) -> Any:
    return compare_mod.compare(*structures, fee_per_meeting=fee)


def _to_ics(policy: Any, year: int, hours: float) -> str:
    dates = meetings.meeting_dates(policy, year)
    return meetings.to_ics(dates, name="Body", duration_hours=hours)


def _roadmap_doc() -> st.SearchStrategy[Any]:
    return roadmaps(wide=True)


#: (name, strategy of the arguments, the call). One row per public function.
CASES: list[tuple[str, st.SearchStrategy[tuple[Any, ...]], Callable[..., Any]]] = [
    # analysis.compare / metrics / scorecard
    (
        "compare.compare",
        st.tuples(st.lists(RULES | rules_and_composition(), min_size=1, max_size=3), FEES),
        _compare,
    ),
    (
        "metrics.metrics",
        st.tuples(rules_and_composition(), FEES),
        lambda rc, f: metrics.metrics(*rc, fee_per_meeting=f),
    ),
    ("metrics.skeleton_composition", st.tuples(RULES), metrics.skeleton_composition),
    (
        "metrics.format_value",
        st.tuples(st.none() | st.floats() | st.integers() | TEXT | st.booleans()),
        metrics.format_value,
    ),
    ("scorecard.scorecard", st.tuples(RULES), scorecard.scorecard),
    # analysis.ecosystem
    (
        "ecosystem.analyse",
        st.tuples(st.lists(ASSOCIATIONS, max_size=5), DAYS, SEGMENT_RULES),
        lambda a, d, r: ecosystem.analyse(a, as_of=d, rules=r),
    ),
    (
        "ecosystem.classify",
        st.tuples(ASSOCIATIONS, DAYS, SEGMENT_RULES),
        lambda a, d, r: ecosystem.classify(a, as_of=d, rules=r),
    ),
    # analysis.evaluation / roadmap
    (
        "evaluation.status_label",
        st.tuples(st.none() | st.sampled_from(Status)),
        evaluation.status_label,
    ),
    (
        "roadmap.evaluate",
        st.tuples(_roadmap_doc(), DAYS),
        lambda doc, d: roadmap.evaluate(doc.roadmap, doc.plans, as_of=d),
    ),
    (
        "roadmap.render",
        st.tuples(_roadmap_doc(), DAYS, st.sampled_from(("text", "json", "markdown"))),
        lambda doc, d, fmt: roadmap.render(roadmap.evaluate(doc.roadmap, doc.plans, as_of=d), fmt),
    ),
    (
        "roadmap.draft_next_plan",
        st.tuples(_roadmap_doc(), st.none() | DAYS),
        lambda doc, d: [roadmap.draft_next_plan(doc.roadmap, p, as_of=d) for p in doc.plans],
    ),
    (
        "roadmap.check_document",
        st.tuples(_roadmap_doc()),
        lambda doc: rules_roadmap.check_document(doc.roadmap, doc.plans),
    ),
    ("roadmap.roadmap_check", st.tuples(_roadmap_doc()), rules_roadmap.roadmap_check),
    # analysis.simulate
    (
        "simulate.simulate_attrition",
        st.tuples(
            rules_and_composition(SMALL_BODIES),
            DROPOUT,
            # up to half a year, or past any term (the same as none); up to 10 years
            # of up to 40 seats: the work grows with each, up to MAX_WORK (half a
            # minute), which test_simulate refuses at once, with the 200-year and
            # 2,400-month bounds
            st.none() | edges(0, 6) | st.just(MAX_MONTHS),
            st.floats(0, 10),
            SEEDS,
        ),
        lambda rc, p, refill, years, seed: simulate.simulate_attrition(
            *rc, dropout_per_year=p, refill_months=refill, years=years, runs=20, seed=seed
        ),
    ),
    (
        "simulate.compare_terms",
        st.tuples(
            rules_and_composition(SMALL_BODIES),
            DROPOUT,
            st.lists(MONTHS, min_size=1, max_size=2),
            SEEDS,
        ),
        lambda rc, p, t, seed: simulate.compare_terms(
            *rc, dropout_per_year=p, terms=t, runs=20, seed=seed
        ),
    ),
    ("simulate.monthly_hazard", st.tuples(st.floats(-1.0, 2.0)), simulate.monthly_hazard),
    # calc.duties
    ("duties.duty_holder", st.tuples(rotating_duties(), DAYS), duties.duty_holder),
    (
        "duties.duty_periods",
        st.tuples(rotating_duties(), DAYS, DAYS),
        lambda d, a, b: duties.duty_periods(
            d, min(a, b), min(max(a, b), min(a, b) + relativedelta(years=5))
        ),
    ),
    ("duties.duty_turn", st.tuples(rotating_duties(), COUNTS), duties.duty_turn),
    (
        "duties.rotating_duty",
        st.tuples(
            st.lists(st.sampled_from(("a", "b", "c")), max_size=3), DAYS, MONTHS, edges(0, 50)
        ),
        duties.rotating_duty,
    ),
    # calc.meetings
    (
        "meetings.annual_clock",
        st.tuples(st.lists(ACTIVITIES, max_size=3), YEARS),
        meetings.annual_clock,
    ),
    (
        "meetings.check_workload",
        st.tuples(MEETING_POLICIES, BUDGETS, st.none() | edges(0, MAX_MEETINGS_PER_YEAR)),
        lambda p, b, c: meetings.check_workload(p, b, count=c),
    ),
    (
        "meetings.hours_per_member",
        st.tuples(MEETING_POLICIES, st.none() | edges(0, MAX_MEETINGS_PER_YEAR)),
        lambda p, c: meetings.hours_per_member(p, count=c),
    ),
    (
        "meetings.meeting_dates",
        st.tuples(MEETING_POLICIES, YEARS, st.none() | edges(0, MAX_MEETINGS_PER_YEAR)),
        lambda p, y, c: meetings.meeting_dates(p, y, count=c),
    ),
    ("meetings.occurs_in", st.tuples(ACTIVITIES, YEARS), meetings.occurs_in),
    (
        "meetings.parse_time",
        st.tuples(TEXT | st.from_regex(r"\d{1,3}[:.]\d{1,3}", fullmatch=True)),
        meetings.parse_time,
    ),
    (
        "meetings.parse_weekday",
        st.tuples(TEXT | st.sampled_from(("ma", "tue", "fredag"))),
        meetings.parse_weekday,
    ),
    (
        "meetings.to_ics",
        st.tuples(MEETING_POLICIES, YEARS, st.floats(0.0, MAX_HOURS_PER_MEETING)),
        _to_ics,
    ),
    (
        "meetings.workload",
        st.tuples(
            MEETING_POLICIES, st.none() | edges(0, MAX_MEETINGS_PER_YEAR), st.none() | BUDGETS
        ),
        lambda p, c, b: meetings.workload(p, count=c, budget=b),
    ),
    # calc.rotation
    (
        "rotation.rotation_plan",
        st.tuples(rules_and_composition(), st.none() | DAYS, edges(0, 50)),
        lambda rc, s, y: rotation.rotation_plan(*rc, start=s, years=y),
    ),
    ("rotation.term_months", st.tuples(st.none() | term_policies()), rotation.term_months),
    # calc.schedule
    (
        "schedule.parse_schedule",
        st.tuples(
            TEXT
            | st.sampled_from(("syksy 2200", "kevät–syksy 1900", "1 krt/kk", "toukokuu 99999")),
            st.none() | YEARS,
        ),
        lambda t, y: schedule.parse_schedule(t, year=y),
    ),
    # calc.terms
    ("terms.check_consecutive", st.tuples(tenures(), term_policies()), terms.check_consecutive),
    (
        "terms.check_proposal",
        st.tuples(tenures(), rules_and_composition(), st.none() | DAYS),
        lambda h, rc, s: terms.check_proposal(h, rc[1], rc[0].term, start=s),
    ),
    ("terms.check_day", st.tuples(st.dates()), terms.check_day),
    ("terms.check_year", st.tuples(st.integers(-(10**6), 10**6)), terms.check_year),
    ("terms.cohorts", st.tuples(term_policies()), terms.cohorts),
    (
        "terms.consecutive_terms",
        st.tuples(tenures(), st.sampled_from(("person_ref", "organisation"))),
        terms.consecutive_terms,
    ),
    ("terms.council_term_on", st.tuples(DAYS, st.sampled_from(Council)), terms.council_term_on),
    (
        "terms.council_terms",
        st.tuples(YEARS, YEARS, st.sampled_from(Council)),
        terms.council_terms,
    ),
    ("terms.fixed_span", st.tuples(DAYS, MONTHS, edges(-3, MAX_COUNT)), terms.fixed_span),
    ("terms.longest_term_months", st.tuples(term_policies()), terms.longest_term_months),
    (
        "terms.membership_window",
        st.tuples(
            term_policies(),
            DAYS,
            st.booleans(),
            edges(0, MAX_COUNT),
            edges(0, MAX_COUNT),
            st.none() | DAYS,
        ),
        lambda p, d, f, pos, i, e: terms.membership_window(
            p, d, first=f, position=pos, index=i, end=e
        ),
    ),
    ("terms.practice", st.tuples(term_policies()), terms.practice),
    # selection
    (
        "feasible.feasibility",
        st.tuples(rules_and_registrations()),
        lambda rr: feasible.feasibility(*rr),
    ),
    (
        "lottery.selection_probabilities",
        st.tuples(rules_and_registrations(), SEEDS, st.integers(0, 50)),
        lambda rr, s, n: lottery.selection_probabilities(*rr, seed=s, runs=n),
    ),
    (
        "proposal.propose",
        st.tuples(rules_and_registrations(LAID_OUT), SEEDS, st.booleans()),
        lambda rr, s, fair: proposal.propose(*rr, seed=s, fair=fair),
    ),
    (
        "proposal.in_scope",
        st.tuples(rules_and_composition()),
        lambda rc: [proposal.in_scope(rc[0], f) for f in validation.validate(*rc).findings],
    ),
    (
        "succession.apply_event",
        st.tuples(with_history()),
        lambda x: [succession.apply_event(x[0], x[1], e) for e in x[2].events],
    ),
    (
        "succession.composition_at",
        st.tuples(with_history()),
        lambda x: succession.composition_at(*x),
    ),
    (
        "succession.served_before",
        st.tuples(with_history()),
        lambda x: succession.served_before(x[0], x[2], x[1], initial=x[1], until=x[3]),
    ),
    ("succession.tenures", st.tuples(with_history()), lambda x: succession.tenures(*x)),
    (
        "succession.term_limits",
        st.tuples(with_history()),
        lambda x: succession.term_limits(x[0], x[2], initial=x[1], proposal=x[1], until=x[3]),
    ),
    # rules
    ("checks.check", st.tuples(RULES), checks.check),
    ("seats.body_size", st.tuples(RULES), seats.body_size),
    ("seats.counted_size", st.tuples(RULES), seats.counted_size),
    (
        "validation.validate",
        st.tuples(rules_and_composition()),
        lambda rc: validation.validate(*rc),
    ),
    (
        "consistency.duplicates",
        st.tuples(st.lists(TEXT, max_size=5)),
        lambda ids: list(consistency.duplicates(ids, "seats", "seat")),
    ),
    ("politics.mentions_party_politics", st.tuples(TEXT), politics.mentions_party_politics),
    ("values.did_you_mean", st.tuples(TEXT, st.lists(TEXT, max_size=5)), values.did_you_mean),
    ("values.language_suggestions", st.tuples(TEXT), values.language_suggestions),
    # fictional.generate
    (
        "generate.generate",
        # up to 300 organisations and registrations: the bound itself (MAX_COUNT) is
        # refused or linear, see test_generate_counts_are_bounded and
        # test_generate_at_the_registration_bound_is_linear (seconds, not the deadline)
        st.tuples(LAID_OUT, SEEDS, st.none() | edges(0, 300), edges(0, 300), DAYS, edges(0, 50)),
        lambda r, s, n, reg, d, y: gen.generate(
            r, seed=s, organisations=n, registrations=reg, as_of=d, rotation_years=y
        ),
    ),
    (
        "generate.breakable",
        st.tuples(RULES),
        gen.breakable,
    ),
    (
        "generate.to_registrations",
        st.tuples(LAID_OUT, SEEDS, edges(0, 30)),
        lambda r, s, n: gen.to_registrations(gen.generate(r, seed=s, registrations=n)),
    ),
    # render.diagrams (text outputs)
    ("diagrams.structure_graph", st.tuples(RULES), diagrams.structure_graph),
    ("diagrams.to_dot", st.tuples(RULES), diagrams.to_dot),
    ("diagrams.to_mermaid", st.tuples(RULES), diagrams.to_mermaid),
]


def _total(call: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The property: the call returns, or raises the library's documented error."""
    with suppress(JarjestoError):
        call(*args)


def _run(
    name: str,
    strategy: st.SearchStrategy[tuple[Any, ...]],
    call: Callable[..., Any],
    *,
    examples: int | None,
) -> None:
    extra: dict[str, Any] = {} if examples is None else {"max_examples": examples}

    @settings(
        deadline=DEADLINE_MS,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        **extra,
    )
    @given(strategy)
    def prop(args: tuple[Any, ...]) -> None:
        _total(call, args)

    prop()


IDS = [name for name, _, _ in CASES]


@pytest.mark.parametrize(("name", "strategy", "call"), CASES, ids=IDS)
def test_smoke_total(name: str, strategy: Any, call: Any) -> None:
    """The default suite: a few examples of each row."""
    _run(name, strategy, call, examples=5)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "strategy", "call"), CASES, ids=IDS)
def test_total(name: str, strategy: Any, call: Any) -> None:
    """Every public function is total over the wide strategies (the profile's examples)."""
    _run(name, strategy, call, examples=None)


# ------------------------------------------------------------------ regressions
# Each crash or hang the wide strategies found, with its input.


def test_fixed_span_far_window_is_a_term_error() -> None:
    """Window 2370 of 41 months from 1900 ends in the year 10000: was a ValueError
    from dateutil; now counted in months first, a TermError."""
    with pytest.raises(TermError, match="outside the calendar"):
        terms.fixed_span(dt.date(1900, 1, 1), 41, 2370)
    assert terms.fixed_span(dt.date(2200, 12, 31), MAX_MONTHS, 1)[1].year == 2600


def test_membership_window_far_index_is_a_term_error() -> None:
    """A fixed 43-month term's window 100,000 (was ValueError: year 360230)."""
    policy = TermPolicy(mode=TermMode.FIXED, months=43, max_months=58)
    with pytest.raises(TermError):
        terms.membership_window(policy, dt.date(1900, 1, 1), index=MAX_COUNT)
    council = TermPolicy(mode=TermMode.COUNCIL)
    with pytest.raises(TermError):
        terms.membership_window(council, dt.date(2200, 1, 1), index=MAX_COUNT)


def test_many_vice_chairs_are_refused_at_once() -> None:
    """100,000 vice-chairs: the planner added a seat a round, checking every group
    each round (a hang); now it fills each group's room at once and refuses a body
    larger than MAX_COUNT seats."""
    rules = FormalCommittee(
        name="Body", area="Area", chair=ChairPolicy(mode=ChairMode.DIALOGUE, vice_chairs=MAX_COUNT)
    )
    started = time.perf_counter()
    with pytest.raises(GenerateError, match="larger than"):
        gen.generate(rules, seed=0)
    assert time.perf_counter() - started < 1.0


def test_format_value_of_infinity_is_text() -> None:
    """``format_value(inf)`` was an OverflowError (int(inf))."""
    assert metrics.format_value(float("inf")) == "inf"
    assert metrics.format_value(float("nan")) == "nan"


def test_a_body_beyond_max_count_seats_is_refused_before_it_is_laid_out() -> None:
    """8 categories × 100,000 members (each with a deputy): 1.6 million seats took
    minutes in scorecard and compare (skeleton_composition); now a GenerateError."""
    rules = FormalCommittee(name="Body", area="Area", members_per_category=MAX_COUNT)
    started = time.perf_counter()
    with pytest.raises(GenerateError, match="larger than"):
        metrics.skeleton_composition(rules)
    with pytest.raises(GenerateError):
        compare_mod.compare(rules)
    assert time.perf_counter() - started < 1.0


def test_propose_refuses_a_body_beyond_max_count_seats_at_once() -> None:
    """2 networks × 100,000 representatives: propose laid out and validated 200,000
    seats (5 s on CI, past the 2 s deadline); now a SelectionError before any work."""
    rules = attrs.evolve(jy.load_preset("keski-uusimaa"), representatives_per_network=MAX_COUNT)
    assert laid_out_seats(rules) > MAX_COUNT
    with pytest.raises(SelectionError, match="larger than"):
        proposal.propose(rules, (), seed=1)


def test_laid_out_seats_counts_members_and_their_deputies() -> None:
    """The bound the planner, the proposal and the generator share: member seats at
    their upper end, doubled by personal deputies, none for a body without them."""
    formal = FormalCommittee(name="Body", area="Area", members_per_category=3)
    per_seat = 2 if formal.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL) else 1
    assert laid_out_seats(formal) == 3 * len(formal.categories) * per_seat
    none = attrs.evolve(formal, deputies=attrs.evolve(formal.deputies, mode=DeputyMode.NONE))
    assert laid_out_seats(none) == 3 * len(formal.categories)
    assert laid_out_seats(none) <= laid_out_seats(formal)


def test_generate_counts_are_bounded() -> None:
    """``registrations=10**9`` hung (issue #19: example --registrations 1000000000)."""
    for kwargs in ({"registrations": 10**9}, {"organisations": 10**9}, {"registrations": -1}):
        with pytest.raises(GenerateError, match="must be 0"):
            gen.generate("keski-uusimaa", seed=1, **kwargs)


@pytest.mark.slow
def test_generate_at_the_registration_bound_is_linear() -> None:
    """100,000 registrations: org_name counted from 2 for every numbered name
    (quadratic, minutes); now it counts on (seconds)."""
    started = time.perf_counter()
    ex = gen.generate("keski-uusimaa", seed=1, registrations=MAX_COUNT)
    assert len(ex.registrations) == MAX_COUNT
    assert time.perf_counter() - started < 60


def test_to_ics_refuses_far_years_and_durations() -> None:
    """A meeting in 9999 overflowed (OverflowError); a duration of 1e308 hours too."""
    with pytest.raises(MeetingError, match="after 2200"):
        meetings.to_ics([dt.datetime(9999, 12, 31, 23, 0)], name="x", duration_hours=2)
    for hours in (1e308, float("nan"), -1.0):
        with pytest.raises(MeetingError, match="duration_hours"):
            meetings.to_ics([dt.datetime(2026, 2, 3, 17, 0)], name="x", duration_hours=hours)
    text = meetings.to_ics(
        [dt.datetime(2200, 12, 31, 12, 0)], name="x", duration_hours=MAX_HOURS_PER_MEETING
    )
    assert "DTSTART;TZID=Europe/Helsinki:22001231T120000" in text


def test_rotation_of_a_composition_as_of_9999_is_a_rotation_error() -> None:
    """The issue's reproducer: a composition with ``as_of: 9999-12-31``."""
    rules = jy.load_preset("keski-uusimaa")
    comp = jy.load_composition("examples/keski-uusimaa.yaml")
    with pytest.raises(RotationError):
        rotation.rotation_plan(rules, attrs.evolve(comp, as_of=dt.date(9999, 12, 31)))
    plan = rotation.rotation_plan(rules, attrs.evolve(comp, as_of=LAST_DAY), years=200)
    assert plan.end.year == LAST_YEAR + 200


def test_analyse_as_of_outside_the_bounds_is_an_error() -> None:
    """``as_of`` 0001-01-01 less 200 years was a ValueError from dateutil."""
    rules = SegmentRules(new_months=MAX_MONTHS)
    assoc = [Association(id="a", registered=dt.date(2020, 1, 1))]
    with pytest.raises(JarjestoError):
        ecosystem.analyse(assoc, as_of=dt.date.min, rules=rules)
    ecosystem.analyse(assoc, as_of=FIRST_DAY, rules=rules)


def test_compositions_for_a_large_body_draws() -> None:
    """The strategy drew a chair among 8,400 seats as a unique list (Hypothesis refuses
    lists that long); now one seeded sample above 100 picks."""
    rules = FormalCommittee(name="Body", area="Area", members_per_category=13)

    @settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
    @given(compositions_for(rules))
    def prop(comp: Composition) -> None:
        assert len(comp.seats) >= 8 * 13

    prop()


def test_a_rotation_share_of_a_subnormal_float_is_a_term_error() -> None:
    """CI's totality run: ``rotation: 2.2e-313`` made ``1 / rotation`` infinite and the
    rotation plan (behind simulate_attrition) an OverflowError; now a TermError, and
    ``check`` reports it (JY102)."""
    term = TermPolicy(mode=TermMode.COUNCIL, rotation=2.2250738585e-313)
    rules = FormalCommittee(name="Body", area="Area", term=term)
    with pytest.raises(TermError, match="cohorts"):
        terms.cohorts(term)
    with pytest.raises(JarjestoError):
        simulate.simulate_attrition(rules, None, dropout_per_year=0.0, years=1.0, seed=0)
