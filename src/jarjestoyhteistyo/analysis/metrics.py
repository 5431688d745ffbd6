"""Metrics of one structure: each fact with a definition and a unit (`FC-17`, `OF-11`, `KU-12`).

:func:`metrics` gives the facts of one structure — seats, deputies, who can join, the
link to decision-making, meetings, person-hours, fee cost, term, continuity, SWOT as
data — each defined with its unit in :data:`METRIC_DEFINITIONS`.
:func:`skeleton_composition` is the composition they are counted on when no real one
is given. The scorecard (:mod:`jarjestoyhteistyo.analysis.scorecard`) and the
comparison table (:mod:`jarjestoyhteistyo.analysis.compare`) are built on these.

>>> import jarjestoyhteistyo as jy
>>> m = metrics(jy.load_preset("vantaa-kerava-formal"))
>>> m.ngo_seats, m.deputy_seats, m.headcount, m.continuity
(16, 16, 18, 0.5)
"""

from __future__ import annotations

import math
from datetime import date
from typing import TypeAlias

import attrs

from jarjestoyhteistyo.calc.meetings import workload
from jarjestoyhteistyo.calc.rotation import rotation_plan, term_months
from jarjestoyhteistyo.errors import ComparisonError, RotationError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Composition, Role, SeatKind
from jarjestoyhteistyo.model.planner import skeleton
from jarjestoyhteistyo.model.rulesets import (
    ChairMode,
    DeputyMode,
    FeePolicy,
    GeneralRuleSet,
    RuleSet,
    SeatSource,
    Swot,
)
from jarjestoyhteistyo.model.seats import NGO_SOURCES

__all__ = [
    "METRIC_DEFINITIONS",
    "NGO_SOURCES",
    "Metrics",
    "Value",
    "format_value",
    "metrics",
    "skeleton_composition",
]

Value: TypeAlias = str | int | float | bool | None
"""A plain value of a metric or a fact (JSON-friendly)."""


#: Where a synthetic rotation plan starts (any date gives the same shares).
_PLAN_START = date(2025, 6, 1)

#: (name, unit, definition) of every :class:`Metrics` field, in field order.
METRIC_DEFINITIONS: tuple[tuple[str, str, str], ...] = (
    ("name", "text", "The rule set's name."),
    ("kind", "text", "The rule-set kind (formal_committee, open_forum, ...)."),
    (
        "ngo_seats",
        "seats",
        "NGO member seats the rules allow at most: the upper end of every category, "
        "network and open seat group (an open-ended group counts its minimum); FC-5, "
        "KU-4, OF-3.",
    ),
    (
        "deputy_seats",
        "seats",
        "Deputy seats: one per NGO member seat with personal or optional deputies "
        "(FC-8), none with work pairs (KU-7) or without deputies; empty (not fixed) when "
        "deputies are agreed with the NGOs (OF-8) or in a numbered order. With a "
        "composition: its deputy seats.",
    ),
    (
        "official_seats",
        "seats",
        "Seats for officials of the wellbeing area and the municipalities (KU-4).",
    ),
    (
        "elected_seats",
        "seats",
        "Seats for elected members of the committee (FC-6, OF-7).",
    ),
    ("other_seats", "seats", "Other fixed seats: other sectors and invited experts (KU-4)."),
    (
        "headcount",
        "persons",
        "People at a meeting: every member, official, elected and other seat at its "
        "upper end, deputies not counted (the body size of KU-12).",
    ),
    (
        "coverage",
        "codes",
        "Association categories (FC-4) or theme networks (KU-10) with seats of their "
        "own; an open group (OF-3) reserves seats for none.",
    ),
    ("coverage_count", "count", "How many categories or networks have seats of their own."),
    (
        "open_registration",
        "yes/no",
        "Any NGO may register or apply (OF-3, FC-3, KU-10).",
    ),
    ("continuous_joining", "yes/no", "NGOs may join at any time, not only at a call (KU-10)."),
    (
        "appointing_authority",
        "code",
        "Who appoints the members or names them (FC-3, OF-3, KU-10).",
    ),
    ("parent_organ", "text", "The organ the body is attached to; empty when none (FC-1)."),
    ("statutory_duties", "yes/no", "The body has statutory duties (FC-16, OF-10)."),
    (
        "mid_term_changes",
        "code",
        "Who approves changes of the composition mid-term; empty when nobody is named (FC-15).",
    ),
    (
        "chair",
        "code",
        "How the chair is chosen (FC-7, OF-5); not_stated for a chair whose choice the "
        "rule set does not state; empty when the rule set has no chair rule.",
    ),
    ("vice_chairs", "count", "How many vice-chairs the body has (FC-7)."),
    (
        "meetings_per_year",
        "meetings/year",
        "The upper end of the meetings a year (FC-11, OF-6, KU-9): the worst case that "
        "meetings.workload uses; empty when the rule set states no rhythm.",
    ),
    (
        "hours_per_member",
        "hours/year",
        "Hours one member gives a year: meetings, preparation and theme-network "
        "meetings (meetings.workload; KU-9, WS-9); empty when no rhythm is stated.",
    ),
    (
        "person_hours_per_year",
        "person-hours/year",
        "hours_per_member × headcount (WS-1: realistic expectations).",
    ),
    (
        "time_budget_hours_per_year",
        "hours/year",
        "The time budget a member is told when applying (WS-9); empty when not stated.",
    ),
    ("fee_policy", "code", "Meeting fees (FC-14, OF-9); empty when the rule set says nothing."),
    (
        "fee_seats",
        "seats",
        "Seats paid a meeting fee: NGO member and elected seats (officials attend in "
        "their working time); zero when the fee policy is none (OF-9), empty when no "
        "fee policy is stated.",
    ),
    (
        "annual_fee_cost",
        "currency/year",
        "fee_per_meeting × meetings_per_year × fee_seats; zero when the fee policy is "
        "none (FC-14, OF-9), empty when the fees or the rhythm are not stated.",
    ),
    (
        "term_months",
        "months",
        "The length of one term (rotation.term_months: the council term is 48 months); "
        "empty when the term is agreed with the NGOs (OF-8).",
    ),
    (
        "continuity",
        "share",
        "The share of experienced NGO members after the worst changeover: 1 − (most "
        "seats changing at one changeover ÷ rotating seats), from rotation.rotation_plan "
        "(FC-13, KU-5, WS-5); empty without a term length.",
    ),
    ("swot", "lists", "Strengths, weaknesses, opportunities and threats as data (FC-17, OF-11)."),
    (
        "seated",
        "seats",
        "With a composition: member, elected, official and expert seats that are held.",
    ),
    ("vacant", "seats", "With a composition: member, elected, official and expert seats empty."),
    ("organisations", "count", "With a composition: distinct organisations holding a seat."),
)


@attrs.frozen(kw_only=True)
class Metrics:
    """The metrics of one structure; see :data:`METRIC_DEFINITIONS` for each field.

    The composition fields (``seated``, ``vacant``, ``organisations``) are ``None``
    when :func:`metrics` was given no composition.
    """

    name: str
    kind: str
    ngo_seats: int
    deputy_seats: int | None
    official_seats: int
    elected_seats: int
    other_seats: int
    headcount: int
    coverage: tuple[str, ...]
    coverage_count: int
    open_registration: bool
    continuous_joining: bool
    appointing_authority: str | None
    parent_organ: str | None
    statutory_duties: bool
    mid_term_changes: str | None
    chair: str | None
    vice_chairs: int
    meetings_per_year: int | None
    hours_per_member: float | None
    person_hours_per_year: float | None
    time_budget_hours_per_year: float | None
    fee_policy: str | None
    fee_seats: int | None
    annual_fee_cost: float | None
    term_months: int | None
    continuity: float | None
    swot: Swot
    seated: int | None = None
    vacant: int | None = None
    organisations: int | None = None

    def values(self) -> dict[str, Value]:
        """Every metric as a plain value (tuples and SWOT lists joined with semicolons).

        >>> import jarjestoyhteistyo as jy
        >>> metrics(jy.load_preset("vantaa-kerava-open-forum")).values()["term_months"] is None
        True
        """
        out: dict[str, Value] = {}
        for name, _unit, _definition in METRIC_DEFINITIONS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                value = "; ".join(value)
            elif isinstance(value, Swot):
                value = _swot_text(value)
            out[name] = value
        return out


def _swot_text(swot: Swot) -> str:
    parts = (
        ("S", swot.strengths),
        ("W", swot.weaknesses),
        ("O", swot.opportunities),
        ("T", swot.threats),
    )
    return " | ".join(f"{k}: {'; '.join(v)}" for k, v in parts if v)


def skeleton_composition(rules: RuleSet, *, role: Role = Role.VOLUNTEER) -> Composition:
    """A composition with every NGO member seat of ``rules`` held (at its upper end).

    Each NGO seat (category, network or open group; `FC-4`, `KU-4`, `OF-3`) gets a
    member held by a person of ``role``, and a personal deputy when the rules have
    personal or optional deputies (`FC-8`). Used for the continuity metric and the
    attrition simulation when no real composition is given. No organisations: the
    skeleton is for counting, not for validation.

    >>> import jarjestoyhteistyo as jy
    >>> comp = skeleton_composition(jy.load_preset("vantaa-kerava-formal"))
    >>> len(comp.seats_of(jy.SeatKind.MEMBER)), len(comp.seats_of(jy.SeatKind.DEPUTY))
    (16, 16)
    """
    return skeleton(rules, role=role)


def _continuity(rules: RuleSet, composition: Composition) -> float | None:
    try:
        term = term_months(rules.term)
        years = max(2, math.ceil(2 * term / 12))
        plan = rotation_plan(
            rules, composition, start=composition.as_of or _PLAN_START, years=years
        )
    except RotationError:
        return None
    rotating = {t.seat for t in plan.tenures} & {
        s.id for s in composition.seats_of(SeatKind.MEMBER)
    }
    if not rotating:
        return None
    changed = max((len(c.seats) for c in plan.changeovers), default=0)
    return 1 - changed / len(rotating)


_HELD_KINDS = frozenset({SeatKind.MEMBER, SeatKind.COMMITTEE, SeatKind.OFFICIAL, SeatKind.EXPERT})


def _seat_counts(general: GeneralRuleSet) -> tuple[dict[str, int], tuple[str, ...]]:
    """Seats by holder (ngo, official, elected, other) at their upper ends, and the
    categories or networks with seats of their own."""
    counts = {"ngo": 0, "official": 0, "elected": 0, "other": 0}
    coverage: list[str] = []
    for g in general.seat_groups:
        n = g.seats.upper
        if g.source in NGO_SOURCES:
            counts["ngo"] += n
            if g.source is SeatSource.CATEGORY:
                coverage.extend(c for c in sorted(g.eligible_categories) if c not in coverage)
            elif g.source is SeatSource.NETWORK:
                net = g.network or g.id
                if net not in coverage:
                    coverage.append(net)
        elif g.source is SeatSource.OFFICIAL:
            counts["official"] += n
        elif g.source is SeatSource.COMMITTEE:
            counts["elected"] += n
        else:
            counts["other"] += n
    return counts, tuple(coverage)


def _deputy_seats(mode: DeputyMode, composition: Composition | None, ngo: int) -> int | None:
    if composition is not None:
        return len(composition.seats_of(SeatKind.DEPUTY))
    if mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):
        return ngo
    if mode in (DeputyMode.PAIR, DeputyMode.NONE):
        return 0
    return None


def _chair_mode(mode: ChairMode | None) -> str:
    """The chair column: the mode, or ``not_stated`` for a chair chosen as not said."""
    return "not_stated" if mode is None else mode.value


def _term(rules: RuleSet) -> int | None:
    try:
        return term_months(rules.term)
    except RotationError:
        return None


def _held(composition: Composition | None) -> tuple[int | None, int | None, int | None]:
    """Seated, vacant and organisations of a composition (all ``None`` without one)."""
    if composition is None:
        return None, None, None
    held = [s for s in composition.seats if s.kind in _HELD_KINDS]
    seated = sum(1 for s in held if not s.vacant)
    organisations = len({s.organisation for s in composition.seats if s.organisation})
    return seated, len(held) - seated, organisations


def metrics(
    rules: RuleSet, composition: Composition | None = None, *, fee_per_meeting: float = 0.0
) -> Metrics:
    """The metrics of one structure (definitions and units: :data:`METRIC_DEFINITIONS`).

    With a ``composition``, deputies and continuity are counted from it and the
    composition fields are filled; otherwise from :func:`skeleton_composition`.

    >>> import jarjestoyhteistyo as jy
    >>> ku = metrics(jy.load_preset("keski-uusimaa"))
    >>> ku.ngo_seats, ku.official_seats, ku.coverage_count, ku.deputy_seats
    (10, 7, 5, 0)
    >>> forum = metrics(jy.load_preset("vantaa-kerava-open-forum"), fee_per_meeting=50)
    >>> forum.ngo_seats, forum.annual_fee_cost, forum.continuity
    (20, 0.0, None)
    """
    if fee_per_meeting < 0 or not math.isfinite(fee_per_meeting):
        raise ComparisonError(
            Text(
                "the fee per meeting (fee_per_meeting) must be a number of zero or more, not {fee}",
                fee=fee_per_meeting,
            )
        )
    general = rules.as_general()
    counts, coverage = _seat_counts(general)
    headcount = sum(counts.values())
    per_year = rules.meetings.per_year
    meetings_per_year = None if per_year is None else per_year.upper
    hours = None if per_year is None else workload(rules.meetings).total
    fee_seats: int | None = None  # a fee the rule set does not state has no seats or cost
    if rules.fee is not None:
        fee_seats = 0 if rules.fee is FeePolicy.NONE else counts["ngo"] + counts["elected"]
    seated, vacant, organisations = _held(composition)
    sel = general.selection
    return Metrics(
        name=rules.name,
        kind=rules.kind,
        ngo_seats=counts["ngo"],
        deputy_seats=_deputy_seats(general.deputies.mode, composition, counts["ngo"]),
        official_seats=counts["official"],
        elected_seats=counts["elected"],
        other_seats=counts["other"],
        headcount=headcount,
        coverage=coverage,
        coverage_count=len(coverage),
        open_registration=sel.open_registration,
        continuous_joining=sel.continuous_joining,
        appointing_authority=None if sel.authority is None else sel.authority.value,
        parent_organ=rules.parent_organ,
        statutory_duties=rules.statutory_duties,
        mid_term_changes=None if rules.mid_term_changes is None else rules.mid_term_changes.value,
        chair=None if general.chair is None else _chair_mode(general.chair.mode),
        vice_chairs=0 if general.chair is None else general.chair.vice_chairs,
        meetings_per_year=meetings_per_year,
        hours_per_member=hours,
        person_hours_per_year=None if hours is None else hours * headcount,
        time_budget_hours_per_year=rules.time_budget_hours_per_year,
        fee_policy=None if rules.fee is None else rules.fee.value,
        fee_seats=fee_seats,
        annual_fee_cost=None
        if fee_seats is None or meetings_per_year is None
        else float(fee_per_meeting) * meetings_per_year * fee_seats,
        term_months=_term(rules),
        continuity=_continuity(rules, composition or skeleton_composition(rules)),
        swot=rules.swot,
        seated=seated,
        vacant=vacant,
        organisations=organisations,
    )


def format_value(value: Value) -> str:
    """A metric's or a fact's value as table text: ``—`` for none, yes/no, trimmed decimals.

    >>> format_value(None), format_value(True), format_value(0.5), format_value(48.0)
    ('—', 'yes', '0.5', '48')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):  # nothing that loads gives one; still text, not a crash
            return str(value)
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)
