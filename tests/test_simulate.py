"""Attrition simulation (issue 5; `WS-5`, `FC-8`, `KU-7`)."""

from __future__ import annotations

import math
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis import simulate
from jarjestoyhteistyo.analysis.simulate import (
    AttritionResult,
    compare_terms,
    monthly_hazard,
    simulate_attrition,
)
from jarjestoyhteistyo.calc import terms
from jarjestoyhteistyo.calc.terms import COUNCIL_TERM_MONTHS, membership_window
from jarjestoyhteistyo.errors import SimulationError
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    DeputyPolicy,
    GeneralRuleSet,
    IntRange,
    SeatGroup,
    SeatSource,
    TermMode,
    TermPolicy,
)
from jarjestoyhteistyo.presets import body_presets

FORMAL, FORUM, KU = "vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"
PRESETS = tuple(p.name for p in body_presets())  # every body preset of the registry
refills = st.one_of(st.none(), st.integers(min_value=0, max_value=6))
# Up to 0.99 a year: beyond that a fixed refill delay can lock a member and a deputy in
# alternation, and the risk falls again (see the module text of simulate).
rates = st.floats(min_value=0.0, max_value=0.99, allow_nan=False)


def _formal_with_gaps() -> jy.Composition:
    """The example composition with two deputy seats empty at the start."""
    comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
    seats = tuple(
        attrs.evolve(s, organisation=None, person=None)
        if s.id in {"child-family-d1", "pensioners-d2"}
        else s
        for s in comp.seats
    )
    return attrs.evolve(comp, seats=seats)


def _run(
    preset: str, p: float, refill: int | None, years: int, gaps: bool = False
) -> AttritionResult:
    comp = _formal_with_gaps() if gaps and preset == FORMAL else None
    return simulate_attrition(
        jy.load_preset(preset),
        comp,
        dropout_per_year=p,
        refill_months=refill,
        years=years,
        runs=1,
        seed=0,
    )


class TestExactFigures:
    def test_hazard(self) -> None:
        h = monthly_hazard(0.2)
        assert (1 - h) ** 12 == pytest.approx(0.8)

    def test_single_line_without_refill(self) -> None:
        # no changeover within 12 months of a 24-month term for the first cohort? use
        # the forum: agreed term, no changeovers, no deputies
        r = _run(FORUM, 0.3, None, 2)
        h = monthly_hazard(0.3)
        assert r.seats[0].p_vacant == pytest.approx(1 - (1 - h) ** 23)
        assert r.p_any_vacant == pytest.approx(1 - (1 - h) ** (23 * 20))

    def test_immediate_refill_is_never_vacant(self) -> None:
        r = _run(FORUM, 0.3, 0, 2)
        h = monthly_hazard(0.3)
        assert r.p_seat_vacant == 0.0
        assert r.expected_replacements == pytest.approx(20 * 23 * h)
        assert r.expected_departures == pytest.approx(r.expected_replacements)

    def test_personal_deputy_needs_both_gone(self) -> None:
        rules = attrs.evolve(
            jy.load_preset(FORMAL), term=TermPolicy(months=48, rotation=1.0)
        )  # no changeover inside the horizon
        r = simulate_attrition(
            rules, None, dropout_per_year=0.3, refill_months=None, years=4, runs=1, seed=0
        )
        h = monthly_hazard(0.3)
        assert r.seats[0].lines == 2
        assert r.seats[0].p_vacant == pytest.approx((1 - (1 - h) ** 47) ** 2)

    def test_no_dropout_no_vacancy(self) -> None:
        r = _run(KU, 0.0, 3, 4)
        assert (r.p_any_vacant, r.expected_vacant_seat_months, r.expected_replacements) == (
            0.0,
            0.0,
            0.0,
        )
        assert r.peak_vacant == (1.0,)

    def test_deputies_lower_the_risk(self) -> None:
        # FC-8: a personal deputy steps in; without deputies the seat stands empty
        formal = jy.load_preset(FORMAL)
        bare = attrs.evolve(formal, deputies=DeputyPolicy(mode=DeputyMode.NONE))
        kw = {"dropout_per_year": 0.2, "years": 4, "runs": 1, "seed": 0}
        with_deputies = simulate_attrition(formal, None, **kw)  # type: ignore[arg-type]
        without = simulate_attrition(bare, None, **kw)  # type: ignore[arg-type]
        assert with_deputies.p_seat_vacant < without.p_seat_vacant
        assert with_deputies.seats[0].lines == 2
        assert without.seats[0].lines == 1

    def test_pairs_count_each_seat(self) -> None:
        r = _run(KU, 0.2, 3, 2)  # KU-7: a pair seat is vacant until refilled
        assert len(r.seats) == 10
        assert all(s.lines == 1 for s in r.seats)
        assert r.term_months == 24

    def test_no_refill_is_worse_than_a_refill(self) -> None:
        assert _run(FORMAL, 0.2, None, 4).expected_vacant_seat_months > (
            _run(FORMAL, 0.2, 3, 4).expected_vacant_seat_months
        )


class TestMonteCarlo:
    def test_agrees_with_the_exact_figures(self) -> None:
        r = simulate_attrition(
            jy.load_preset(KU), None, dropout_per_year=0.2, years=4, runs=4000, seed=11
        )
        sd = math.sqrt(r.p_any_vacant * (1 - r.p_any_vacant) / r.runs)
        assert abs(r.mc_p_any_vacant - r.p_any_vacant) < 5 * sd + 1e-9
        assert r.mc_vacant_seat_months == pytest.approx(r.expected_vacant_seat_months, rel=0.1)

    def test_peak_distribution_sums_to_one(self) -> None:
        r = simulate_attrition(
            jy.load_preset(FORMAL), None, dropout_per_year=0.3, years=4, runs=500, seed=2
        )
        assert sum(r.peak_vacant) == pytest.approx(1.0)
        assert r.mc_p_any_vacant == pytest.approx(1 - r.peak_vacant[0])
        qs = [v for _q, v in r.vacant_seat_months_quantiles]
        assert qs == sorted(qs)

    def test_different_seeds_differ(self) -> None:
        rules = jy.load_preset(FORMAL)
        a = simulate_attrition(rules, None, dropout_per_year=0.3, runs=300, seed=1)
        b = simulate_attrition(rules, None, dropout_per_year=0.3, runs=300, seed=2)
        assert a.p_any_vacant == b.p_any_vacant  # exact: independent of the seed
        assert a.peak_vacant != b.peak_vacant


class TestProperties:
    @given(
        preset=st.sampled_from(PRESETS),
        p=rates,
        refill=refills,
        years=st.integers(min_value=1, max_value=4),
        gaps=st.booleans(),
    )
    def test_probabilities_are_probabilities(
        self, preset: str, p: float, refill: int | None, years: int, gaps: bool
    ) -> None:
        r = _run(preset, p, refill, years, gaps)
        values = [r.p_seat_vacant, r.p_any_vacant, r.mc_p_any_vacant, r.vacancy_share]
        values += [s.p_vacant for s in r.seats]
        assert all(0.0 <= v <= 1.0 for v in values)
        assert r.p_seat_vacant <= r.p_any_vacant + 1e-12
        assert 0.0 <= r.expected_vacant_seat_months <= len(r.seats) * r.months

    @given(
        preset=st.sampled_from(PRESETS),
        p1=rates,
        p2=rates,
        refill=refills,
        years=st.integers(min_value=1, max_value=4),
        gaps=st.booleans(),
    )
    def test_more_dropout_never_lowers_the_risk(
        self, preset: str, p1: float, p2: float, refill: int | None, years: int, gaps: bool
    ) -> None:
        low, high = sorted((p1, p2))
        a = _run(preset, low, refill, years, gaps)
        b = _run(preset, high, refill, years, gaps)
        for sa, sb in zip(a.seats, b.seats, strict=True):
            assert sb.p_vacant >= sa.p_vacant
            assert sb.vacant_months >= sa.vacant_months
        assert b.p_any_vacant >= a.p_any_vacant
        assert b.p_seat_vacant >= a.p_seat_vacant

    @given(seed=st.integers(min_value=0, max_value=2**32), p=rates, refill=refills)
    def test_same_seed_same_result(self, seed: int, p: float, refill: int | None) -> None:
        rules = jy.load_preset(KU)
        kw = {"dropout_per_year": p, "refill_months": refill, "runs": 30, "seed": seed}
        assert simulate_attrition(rules, None, **kw) == simulate_attrition(rules, None, **kw)  # type: ignore[arg-type]


class TestRoles:
    def test_rate_per_role(self) -> None:
        comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
        rules = jy.load_preset(FORMAL)
        roles = {s.person.role for s in comp.seats if s.person is not None}
        base = dict.fromkeys(roles, 0.1)
        a = simulate_attrition(rules, comp, dropout_per_year=base, runs=1, seed=0)
        older = base | {jy.Role.VOLUNTEER: 0.3}  # WS-5: ageing activists
        b = simulate_attrition(rules, comp, dropout_per_year=older, runs=1, seed=0)
        assert b.p_seat_vacant > a.p_seat_vacant
        same = simulate_attrition(rules, comp, dropout_per_year=0.1, runs=1, seed=0)
        assert same.p_seat_vacant == pytest.approx(a.p_seat_vacant)

    def test_missing_role_needs_a_default(self) -> None:
        comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
        rules = jy.load_preset(FORMAL)
        with pytest.raises(ValueError, match="default_dropout"):
            simulate_attrition(rules, comp, dropout_per_year={jy.Role.VOLUNTEER: 0.1}, seed=0)
        r = simulate_attrition(
            rules,
            comp,
            dropout_per_year={jy.Role.VOLUNTEER: 0.1},
            default_dropout=0.05,
            runs=1,
            seed=0,
        )
        assert r.p_seat_vacant > 0


class TestTerms:
    def test_two_year_term_versus_council_term(self) -> None:
        short, council = compare_terms(
            jy.load_preset(FORMAL), dropout_per_year=0.2, refill_months=None, runs=50, seed=1
        )
        assert (short.term_months, council.term_months) == (24, 48)
        assert short.months == council.months == 48
        assert short.p_seat_vacant < council.p_seat_vacant  # WS-5
        assert short.expected_vacant_seat_months < council.expected_vacant_seat_months

    def test_default_horizon_is_one_term(self) -> None:
        assert _run(FORMAL, 0.1, 3, 2).months == 24
        r = simulate_attrition(jy.load_preset(FORMAL), None, dropout_per_year=0.1, seed=0, runs=1)
        assert r.months == 24

    def test_council_term_changes_over_on_the_council_calendar(self) -> None:
        """Issue #13 / WS-5: a council-term seat left empty on 1 May 2024 without a
        mid-term refill stays empty until the changeover on 1 June 2025 (13 months),
        the day after the council term in membership_window ends; not 48 months on."""
        rules = GeneralRuleSet(
            name="council body",
            area="example area",
            seat_groups=(SeatGroup(id="g", source=SeatSource.OPEN, seats=IntRange(min=0, max=1)),),
            term=TermPolicy(mode=TermMode.COUNCIL, months=None),
        )
        comp = jy.Composition(
            as_of=date(2024, 5, 1), seats=(jy.Seat(id="m1", kind=jy.SeatKind.MEMBER, group="g"),)
        )
        window = membership_window(rules.term, date(2024, 5, 1))
        assert window.end == date(2025, 5, 31)
        r = simulate_attrition(
            rules, comp, dropout_per_year=0.0, refill_months=None, years=3, runs=1, seed=0
        )
        assert r.term_months == COUNCIL_TERM_MONTHS
        assert r.seats[0].vacant_months == 13
        assert r.expected_replacements == 0

    def test_council_term_months_is_the_calendars(self) -> None:
        """One home: simulate's COUNCIL_TERM_MONTHS is the council calendar's value."""
        assert simulate.COUNCIL_TERM_MONTHS is terms.COUNCIL_TERM_MONTHS

    def test_agreed_term_needs_years(self) -> None:
        with pytest.raises(ValueError, match="years"):
            simulate_attrition(jy.load_preset(FORUM), None, dropout_per_year=0.1, seed=0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"dropout_per_year": 1.5},
        {"dropout_per_year": -0.1},
        {"dropout_per_year": 0.1, "runs": 0},
        {"dropout_per_year": 0.1, "refill_months": -1},
        {"dropout_per_year": 0.1, "years": 0},
        # the work grows with runs × years: each is bounded (issue #19), so a typo
        # cannot hang the caller (100 runs for 181 years of a large body took minutes)
        {"dropout_per_year": 0.1, "runs": 100_001},
        {"dropout_per_year": 0.1, "years": 200.5},
        {"dropout_per_year": 0.1, "years": 1e300},
        {"dropout_per_year": 0.1, "refill_months": 2401},
    ],
)
def test_bad_input(kwargs: dict[str, object]) -> None:
    with pytest.raises(SimulationError, match=r"must"):
        simulate_attrition(jy.load_preset(KU), None, seed=0, **kwargs)  # type: ignore[arg-type]


def test_the_bounds_themselves_are_allowed() -> None:
    """200 years and 100,000 runs are the edge, not past it."""
    r = simulate_attrition(
        jy.load_preset(KU), None, dropout_per_year=0.1, years=200, runs=1, seed=0
    )
    assert r.months == 200 * 12


@pytest.mark.parametrize("preset", PRESETS)
def test_a_refill_longer_than_every_stretch_between_changeovers_is_none(preset: str) -> None:
    """A refill that cannot end before the next changeover is the same as none: the
    chain runs with two states (refill_months=2,399 over 200 years hung the exact
    model, ~6 million states a month)."""
    rules = jy.load_preset(preset)
    years = 8.0
    kwargs = {"dropout_per_year": 0.2, "years": years, "runs": 200, "seed": 4}
    never = simulate_attrition(rules, None, refill_months=None, **kwargs)  # type: ignore[arg-type]
    long = simulate_attrition(
        rules,
        None,
        refill_months=int(years * 12) + 1,
        **kwargs,  # type: ignore[arg-type]
    )
    assert [attrs.astuple(s) for s in long.seats] == [attrs.astuple(s) for s in never.seats]
    assert long.mc_vacant_seat_months == never.mc_vacant_seat_months


def test_a_simulation_past_the_work_budget_is_refused_at_once() -> None:
    """100,000 runs of 16 seats for 200 years at high drop-out: about 10¹⁰ steps
    (hours); refused before any is taken, with what to cut. The default 10,000 runs
    of the same body over 40 years are well inside."""
    with pytest.raises(SimulationError, match="fewer runs, fewer years"):
        simulate_attrition(
            jy.load_preset(FORMAL), None, dropout_per_year=0.9, years=200, runs=100_000, seed=0
        )
    assert simulate.MAX_WORK == 2 * 10**7
    r = simulate_attrition(jy.load_preset(FORMAL), None, dropout_per_year=0.2, years=40, seed=0)
    assert r.runs == 10_000
