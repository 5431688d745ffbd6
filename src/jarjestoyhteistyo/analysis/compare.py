"""Compare structures: metrics, a transparent scorecard and a side-by-side table.

Three layers, each pure and each built on the one before:

* :func:`metrics` — the facts of one structure, each with a definition and a unit in
  :data:`METRIC_DEFINITIONS` (seats, deputies, who can join, the link to
  decision-making, meetings, person-hours, fee cost, term, continuity, SWOT as data;
  `FC-17`, `OF-11`, `KU-12`).
* :func:`scorecard` — the structure against what the NGOs asked for in the
  workshops (`WS-1`, `WS-2`, `WS-4`, `WS-5`, `KU-9`): each line names the criterion,
  the facts it looked at, the verdict (1 good, 0.5 partial, 0 weak) and why. The
  weights are data (:data:`DEFAULT_WEIGHTS`); the total is their weighted mean.
* :func:`compare` — a :class:`ComparisonTable` of several structures with
  ``to_records()``, ``to_markdown()``, ``to_text()``, ``to_json()``,
  ``_repr_html_()`` (Jupyter) and ``to_dataframe()`` (needs the ``pandas`` extra).

Nothing here imports pandas or matplotlib at import time.

>>> import jarjestoyhteistyo as jy
>>> m = metrics(jy.load_preset("vantaa-kerava-formal"))
>>> m.ngo_seats, m.deputy_seats, m.headcount, m.continuity
(16, 16, 18, 0.5)
>>> card = scorecard(jy.load_preset("keski-uusimaa"))
>>> [(line.criterion, line.verdict) for line in card.lines][:3]
[('decision_link', 0.5), ('openness', 1.0), ('equality', 1.0)]
"""

from __future__ import annotations

import html
import importlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from jarjestoyhteistyo.calc.meetings import workload
from jarjestoyhteistyo.calc.rotation import rotation_plan, term_months
from jarjestoyhteistyo.errors import (
    ComparisonError,
    MissingDependencyError,
    NotFoundError,
    RotationError,
)
from jarjestoyhteistyo.model.composition import Composition, Role, SeatKind
from jarjestoyhteistyo.model.planner import skeleton
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    DeputyMode,
    FeePolicy,
    GeneralRuleSet,
    PartyTies,
    RuleSet,
    SeatSource,
    Swot,
)
from jarjestoyhteistyo.rules.checks import body_size, mentions_party_politics

__all__ = [
    "AGILE_MAX_SIZE",
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "METRIC_DEFINITIONS",
    "NGO_SOURCES",
    "ComparisonRow",
    "ComparisonTable",
    "Criterion",
    "Metrics",
    "ScoreLine",
    "Scorecard",
    "compare",
    "metrics",
    "scorecard",
    "skeleton_composition",
]

Value: TypeAlias = str | int | float | bool | None
"""A plain value of a metric or a fact (JSON-friendly)."""

#: Seat sources whose holders are NGO representatives (`FC-4`, `KU-4`, `OF-3`).
NGO_SOURCES = frozenset({SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN})

#: The largest body the scorecard calls agile (`KU-12`: 10–12 members is suitable).
AGILE_MAX_SIZE = 12

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
    ("chair", "code", "How the chair is chosen (FC-7, OF-5)."),
    ("vice_chair", "yes/no", "The body has a vice-chair (FC-7)."),
    (
        "meetings_per_year",
        "meetings/year",
        "The upper end of the meetings a year (FC-11, OF-6, KU-9): the worst case that "
        "meetings.workload uses.",
    ),
    (
        "hours_per_member",
        "hours/year",
        "Hours one member gives a year: meetings, preparation and theme-network "
        "meetings (meetings.workload; KU-9, WS-9).",
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
    ("fee_policy", "code", "Meeting fees (FC-14, OF-9)."),
    (
        "fee_seats",
        "seats",
        "Seats paid a meeting fee: NGO member and elected seats (officials attend in "
        "their working time); zero when the fee policy is none (OF-9).",
    ),
    (
        "annual_fee_cost",
        "currency/year",
        "fee_per_meeting × meetings_per_year × fee_seats; zero when the fee policy is "
        "none (FC-14, OF-9).",
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
    appointing_authority: str
    parent_organ: str | None
    statutory_duties: bool
    mid_term_changes: str | None
    chair: str
    vice_chair: bool
    meetings_per_year: int
    hours_per_member: float
    person_hours_per_year: float
    time_budget_hours_per_year: float | None
    fee_policy: str
    fee_seats: int
    annual_fee_cost: float
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
    skeleton is for counting, not for validation. Planned by the one composition
    planner (:func:`jarjestoyhteistyo.model.planner.skeleton`).

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


def metrics(
    rules: RuleSet, composition: Composition | None = None, *, fee_per_meeting: float = 0.0
) -> Metrics:
    """The metrics of one structure (definitions and units: :data:`METRIC_DEFINITIONS`).

    With a ``composition``, deputies and continuity are counted from it and the
    composition fields are filled; otherwise from :func:`skeleton_composition`.

    >>> import jarjestoyhteistyo as jy
    >>> ku = metrics(jy.load_preset("keski-uusimaa"))
    >>> ku.ngo_seats, ku.official_seats, ku.coverage_count, ku.deputy_seats
    (10, 3, 5, 0)
    >>> forum = metrics(jy.load_preset("vantaa-kerava-open-forum"), fee_per_meeting=50)
    >>> forum.ngo_seats, forum.annual_fee_cost, forum.continuity
    (20, 0.0, None)
    """
    if fee_per_meeting < 0 or not math.isfinite(fee_per_meeting):
        raise ComparisonError(
            f"fee_per_meeting must be a finite number >= 0, not {fee_per_meeting}"
        )
    general: GeneralRuleSet = rules.as_general()
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
    mode = general.deputies.mode
    deputy_seats: int | None
    if composition is not None:
        deputy_seats = len(composition.seats_of(SeatKind.DEPUTY))
    elif mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL):
        deputy_seats = counts["ngo"]
    elif mode in (DeputyMode.PAIR, DeputyMode.NONE):
        deputy_seats = 0
    else:
        deputy_seats = None
    headcount = sum(counts.values())
    meetings_per_year = rules.meetings.per_year.upper
    hours = workload(rules.meetings).total
    fee_seats = 0 if rules.fee is FeePolicy.NONE else counts["ngo"] + counts["elected"]
    try:
        term: int | None = term_months(rules.term)
    except RotationError:
        term = None
    seated = vacant = organisations = None
    if composition is not None:
        held = [s for s in composition.seats if s.kind in _HELD_KINDS]
        seated = sum(1 for s in held if not s.vacant)
        vacant = len(held) - seated
        organisations = len({s.organisation for s in composition.seats if s.organisation})
    sel = general.selection
    return Metrics(
        name=rules.name,
        kind=rules.kind,
        ngo_seats=counts["ngo"],
        deputy_seats=deputy_seats,
        official_seats=counts["official"],
        elected_seats=counts["elected"],
        other_seats=counts["other"],
        headcount=headcount,
        coverage=tuple(coverage),
        coverage_count=len(coverage),
        open_registration=sel.open_registration,
        continuous_joining=sel.continuous_joining,
        appointing_authority=sel.authority.value,
        parent_organ=rules.parent_organ,
        statutory_duties=rules.statutory_duties,
        mid_term_changes=None if rules.mid_term_changes is None else rules.mid_term_changes.value,
        chair=general.chair.mode.value,
        vice_chair=general.chair.vice_chair,
        meetings_per_year=meetings_per_year,
        hours_per_member=hours,
        person_hours_per_year=hours * headcount,
        time_budget_hours_per_year=rules.time_budget_hours_per_year,
        fee_policy=rules.fee.value,
        fee_seats=fee_seats,
        annual_fee_cost=float(fee_per_meeting) * meetings_per_year * fee_seats,
        term_months=term,
        continuity=_continuity(rules, composition or skeleton_composition(rules)),
        swot=rules.swot,
        seated=seated,
        vacant=vacant,
        organisations=organisations,
    )


# --------------------------------------------------------------------- scorecard
GOOD, PARTIAL, WEAK = 1.0, 0.5, 0.0
_VERDICT_WORDS = {GOOD: "good", PARTIAL: "partial", WEAK: "weak"}

Facts: TypeAlias = Mapping[str, Value]


def _facts(values: Mapping[str, Value]) -> Facts:
    return MappingProxyType(dict(values))


@attrs.frozen(kw_only=True)
class ScoreLine:
    """One criterion of a :class:`Scorecard`: the facts looked at, the verdict and why.

    ``verdict`` is 1 (good), 0.5 (partial) or 0 (weak); ``weight`` the weight used.
    """

    criterion: str
    label: str
    rules: tuple[str, ...]
    facts: Facts = attrs.field(converter=_facts, eq=False)
    verdict: float
    why: str
    weight: float

    @property
    def word(self) -> str:
        """The verdict as a word: ``good``, ``partial`` or ``weak``."""
        return _VERDICT_WORDS.get(self.verdict, f"{self.verdict:g}")


@attrs.frozen(kw_only=True)
class Criterion:
    """A scorecard criterion: an id, a label, the rule ids it rests on, a judge.

    ``judge`` maps a rule set to ``(facts, verdict, why)``; every judge is a plain
    function of this module, so the judgement is readable code, not hidden.
    """

    id: str
    label: str
    rules: tuple[str, ...]
    judge: Callable[[RuleSet], tuple[dict[str, Value], float, str]] = attrs.field(eq=False)


def _three(good: bool, partial: bool) -> float:
    return GOOD if good else PARTIAL if partial else WEAK


_ORGANS = frozenset(
    {
        Authority.COMMITTEE,
        Authority.EXECUTIVE_BOARD,
        Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
        Authority.REGIONAL_COUNCIL,
    }
)


def _decision_link(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    official = any(g.source is SeatSource.OFFICIAL for g in general.seat_groups)
    organ = general.selection.authority in _ORGANS
    facts: dict[str, Value] = {
        "parent_organ": rules.parent_organ,
        "appointing_authority": general.selection.authority.value,
        "statutory_duties": rules.statutory_duties,
        "official_seats": official,
    }
    has_parent = rules.parent_organ is not None
    verdict = _three(has_parent and organ, has_parent or organ or official)
    why = {
        GOOD: "attached to an organ of the wellbeing area, which also appoints the members",
        PARTIAL: "a link exists (a parent organ, an appointing organ or an official seat) "
        "but not both a parent organ and an appointing organ",
        WEAK: "no parent organ, no appointing organ and no official seat",
    }[verdict]
    return facts, verdict, why


def _openness(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    sel = rules.as_general().selection
    facts: dict[str, Value] = {
        "open_registration": sel.open_registration,
        "continuous_joining": sel.continuous_joining,
        "criteria_only_when_oversubscribed": sel.criteria_only_when_oversubscribed,
    }
    verdict = _three(
        sel.open_registration and (sel.continuous_joining or sel.criteria_only_when_oversubscribed),
        sel.open_registration,
    )
    why = {
        GOOD: "any NGO may register, and joining is continuous or criteria apply only "
        "when oversubscribed",
        PARTIAL: "any NGO may register, but the appointing authority selects",
        WEAK: "no open registration",
    }[verdict]
    return facts, verdict, why


def _equality(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    sel = general.selection
    reserved = [
        g.seats.upper
        for g in general.seat_groups
        if g.source in (SeatSource.CATEGORY, SeatSource.NETWORK)
    ]
    equal_fields = bool(reserved) and len(set(reserved)) == 1
    equal_chance = sel.open_registration and sel.criteria_only_when_oversubscribed
    facts: dict[str, Value] = {
        "equal_seats_per_field": equal_fields,
        "equal_chance_to_join": equal_chance,
        "one_seat_per_organisation": sel.one_seat_per_organisation,
    }
    fair = equal_fields or equal_chance
    verdict = _three(fair and sel.one_seat_per_organisation, fair or sel.one_seat_per_organisation)
    why = {
        GOOD: "every field gets the same seats, or every registrant the same chance, and "
        "no organisation holds two seats",
        PARTIAL: "only one of: equal seats per field / equal chance; one seat per organisation",
        WEAK: "neither equal seats per field nor an equal chance, and organisations may "
        "hold several seats",
    }[verdict]
    return facts, verdict, why


def _workload(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    hours = workload(rules.meetings).total
    budget = rules.time_budget_hours_per_year
    facts: dict[str, Value] = {
        "hours_per_member": hours,
        "time_budget_hours_per_year": budget,
        "meetings_per_year": rules.meetings.per_year.upper,
    }
    if budget is None:
        return facts, PARTIAL, "no time budget stated, so applicants cannot judge it (WS-9)"
    if hours <= budget:
        return facts, GOOD, f"{hours:g} h a year fits the stated budget of {budget:g} h"
    return facts, WEAK, f"{hours:g} h a year exceeds the stated budget of {budget:g} h"


_SUBSTITUTES = frozenset(
    {DeputyMode.PERSONAL, DeputyMode.OPTIONAL, DeputyMode.ORDERED, DeputyMode.PAIR}
)


def _continuity_line(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    share = _continuity(rules, skeleton_composition(rules))
    try:
        term: int | None = term_months(rules.term)
    except RotationError:
        term = None
    substitutes = general.deputies.mode in _SUBSTITUTES
    facts: dict[str, Value] = {
        "term_months": term,
        "continuity": share,
        "deputy_mode": general.deputies.mode.value,
    }
    staggered = share is not None and share >= 0.5
    verdict = _three(staggered and substitutes, staggered or substitutes)
    why = {
        GOOD: "at least half stay at every changeover, and deputies or a pair partner "
        "step in (WS-5)",
        PARTIAL: "only one of: staggered changeovers keeping half; deputies or pairs",
        WEAK: "no staggered changeover keeping half, and no fixed substitutes",
    }[verdict]
    return facts, verdict, why


_DIVERSITY_FACTS = frozenset({"size", "languages", "volunteer_run"})


def _diversity(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    d = rules.diversity
    wanted = d.volunteer_run and bool(d.languages) and d.min_size_classes >= 2
    used = sorted({u for c in general.selection.criteria for u in c.uses} & _DIVERSITY_FACTS)
    mixes = general.pairs is not None and bool(general.pairs.mixes)
    facts: dict[str, Value] = {
        "volunteer_run_wanted": d.volunteer_run,
        "languages_wanted": ", ".join(sorted(d.languages)),
        "min_size_classes": d.min_size_classes,
        "criteria_on_diversity": ", ".join(used),
        "pair_mixes": mixes,
    }
    verdict = _three(wanted and (bool(used) or mixes), wanted or bool(used) or mixes)
    why = {
        GOOD: "diversity is wanted (volunteer-run, languages, sizes) and built into "
        "selection criteria or work-pair mixes",
        PARTIAL: "diversity is wanted or built into selection, not both",
        WEAK: "no diversity wish and nothing in selection",
    }[verdict]
    return facts, verdict, why


def _independence(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    sel = general.selection
    political = [c.id for c in sel.criteria if mentions_party_politics(c.id, c.text, *c.uses)]
    elected = sum(g.seats.upper for g in general.seat_groups if g.source is SeatSource.COMMITTEE)
    forbidden = sel.party_political_ties is PartyTies.FORBIDDEN
    facts: dict[str, Value] = {
        "party_political_ties": sel.party_political_ties.value,
        "political_criteria": ", ".join(political),
        "elected_seats": elected,
    }
    clean = forbidden and not political
    verdict = _three(clean and elected == 0, clean)
    why = {
        GOOD: "party-political ties are forbidden and no elected members sit in the body",
        PARTIAL: "party-political ties are forbidden, but elected members sit in the body "
        "(FC-17: exposure to political lines)",
        WEAK: "party-political ties are allowed or a criterion refers to party politics",
    }[verdict]
    return facts, verdict, why


def _agility(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    size = body_size(rules)  # the same count as the KU-12 check
    limit = AGILE_MAX_SIZE
    if rules.recommended_size is not None and rules.recommended_size.max is not None:
        limit = rules.recommended_size.max
    adaptable = (
        rules.mid_term_changes is not None
        or general.selection.continuous_joining
        or rules.meetings.agreed_jointly
    )
    facts: dict[str, Value] = {
        "headcount": size,
        "agile_max_size": limit,
        "mid_term_changes": None
        if rules.mid_term_changes is None
        else rules.mid_term_changes.value,
        "continuous_joining": general.selection.continuous_joining,
        "meetings_agreed_jointly": rules.meetings.agreed_jointly,
    }
    small = size <= limit
    verdict = _three(small and adaptable, small or adaptable)
    why = {
        GOOD: f"at most {limit} people, and the body can change (mid-term changes, "
        "continuous joining or jointly agreed meetings)",
        PARTIAL: f"only one of: at most {limit} people (KU-12); a way to change mid-term",
        WEAK: f"more than {limit} people and no way to change mid-term",
    }[verdict]
    return facts, verdict, why


_RESULT_WORDS = ("representative", "statement", "proposal", "initiative", "negotiat")


def _results(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    concrete = [t for t in rules.tasks if any(w in t.lower() for w in _RESULT_WORDS)]
    facts: dict[str, Value] = {
        "tasks": len(rules.tasks),
        "concrete_output_tasks": "; ".join(concrete),
        "statutory_duties": rules.statutory_duties,
    }
    verdict = _three(bool(concrete), bool(rules.tasks))
    why = {
        GOOD: "tasks with concrete outputs: naming representatives, statements, "
        "proposals or negotiations (FC-2, KU-2)",
        PARTIAL: "tasks are written down, none with a concrete output",
        WEAK: "no tasks written down",
    }[verdict]
    return facts, verdict, why


#: The scorecard's criteria, in order (`WS-1`, `WS-2`, `WS-4`, `WS-5`, `KU-9`, `KU-12`).
CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        id="decision_link",
        label="link to decision-making",
        rules=("WS-1", "FC-17", "OF-11"),
        judge=_decision_link,
    ),
    Criterion(id="openness", label="openness", rules=("WS-2", "OF-4", "KU-10"), judge=_openness),
    Criterion(id="equality", label="equality", rules=("WS-2", "OF-4", "FC-4"), judge=_equality),
    Criterion(
        id="workload",
        label="realistic workload",
        rules=("WS-1", "WS-4", "KU-9", "WS-9"),
        judge=_workload,
    ),
    Criterion(
        id="continuity",
        label="continuity",
        rules=("WS-5", "FC-13", "KU-5", "FC-8", "KU-7"),
        judge=_continuity_line,
    ),
    Criterion(id="diversity", label="diversity", rules=("WS-7", "WS-4", "KU-7"), judge=_diversity),
    Criterion(
        id="party_independence",
        label="independence from party politics",
        rules=("WS-1", "FC-17"),
        judge=_independence,
    ),
    Criterion(id="agility", label="agility", rules=("WS-2", "KU-12", "FC-15"), judge=_agility),
    Criterion(
        id="concrete_results",
        label="concrete results",
        rules=("WS-2", "FC-2", "KU-2"),
        judge=_results,
    ),
)

#: Equal weights for every criterion: change them with ``scorecard(weights=...)``.
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({c.id: 1.0 for c in CRITERIA})


def _weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in merged:
            known = ", ".join(merged)
            raise ComparisonError(f"unknown scorecard criterion {key!r} (criteria: {known})")
        if not math.isfinite(value) or value < 0:
            raise ComparisonError(f"the weight of {key} must be a finite number >= 0, not {value}")
        merged[key] = float(value)
    if not any(merged.values()):
        raise ComparisonError("at least one scorecard weight must be above zero")
    return merged


@attrs.frozen(kw_only=True)
class Scorecard:
    """A structure scored against `WS-1` and `WS-2`: lines and their weighted mean.

    >>> import jarjestoyhteistyo as jy
    >>> card = scorecard(jy.load_preset("vantaa-kerava-open-forum"))
    >>> card.line("workload").word, card.line("workload").why
    ('partial', 'no time budget stated, so applicants cannot judge it (WS-9)')
    """

    name: str
    lines: tuple[ScoreLine, ...]

    @property
    def total(self) -> float:
        """The weighted mean of the verdicts (0 … 1)."""
        weight = sum(line.weight for line in self.lines)
        return sum(line.verdict * line.weight for line in self.lines) / weight

    def line(self, criterion: str) -> ScoreLine:
        """The line of one criterion.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for line in self.lines:
            if line.criterion == criterion:
                return line
        raise NotFoundError(criterion)

    def to_records(self) -> list[dict[str, Value]]:
        """One plain dict per line (facts as ``key=value; ...`` text)."""
        return [
            {
                "criterion": line.criterion,
                "label": line.label,
                "rules": ", ".join(line.rules),
                "facts": _facts_text(line.facts),
                "verdict": line.verdict,
                "word": line.word,
                "weight": line.weight,
                "why": line.why,
            }
            for line in self.lines
        ]

    def to_markdown(self) -> str:
        """A Markdown table: criterion, verdict, weight, why, facts; then the total.

        >>> import jarjestoyhteistyo as jy
        >>> print(scorecard(jy.load_preset("keski-uusimaa")).to_markdown().splitlines()[0])
        | criterion | rules | verdict | weight | why | facts |
        """
        header = ("criterion", "rules", "verdict", "weight", "why", "facts")
        rows = [
            (
                line.label,
                ", ".join(line.rules),
                f"{line.word} ({line.verdict:g})",
                f"{line.weight:g}",
                line.why,
                _facts_text(line.facts),
            )
            for line in self.lines
        ]
        rows.append(("**total** (weighted mean)", "", f"{self.total:.2f}", "", "", ""))
        return _markdown(header, rows)

    def _repr_html_(self) -> str:
        header = ("criterion", "rules", "verdict", "weight", "why", "facts")
        rows = [
            (
                line.label,
                ", ".join(line.rules),
                f"{line.word} ({line.verdict:g})",
                f"{line.weight:g}",
                line.why,
                _facts_text(line.facts),
            )
            for line in self.lines
        ]
        rows.append(("total (weighted mean)", "", f"{self.total:.2f}", "", "", ""))
        return _html(f"Scorecard: {self.name}", header, rows)


def _facts_text(facts: Facts) -> str:
    return "; ".join(f"{k}={_fmt(v)}" for k, v in facts.items())


def scorecard(rules: RuleSet, *, weights: Mapping[str, float] | None = None) -> Scorecard:
    """Score ``rules`` against :data:`CRITERIA` with ``weights`` (default: equal).

    ``weights`` overrides the default weight of the criteria it names; a weight of
    zero leaves a criterion out of the total. Unknown criteria, negative weights and
    all-zero weights raise :class:`~jarjestoyhteistyo.errors.ComparisonError` (a
    :class:`ValueError`).

    >>> import jarjestoyhteistyo as jy
    >>> formal = jy.load_preset("vantaa-kerava-formal")
    >>> round(scorecard(formal).total, 3)
    0.833
    >>> scorecard(formal, weights={"openness": 0, "agility": 0, "party_independence": 0}).total
    1.0
    >>> scorecard(formal, weights={"openness": 3}).line("openness").weight
    3.0
    """
    w = _weights(weights)
    lines = []
    for c in CRITERIA:
        facts, verdict, why = c.judge(rules)
        lines.append(
            ScoreLine(
                criterion=c.id,
                label=c.label,
                rules=c.rules,
                facts=facts,
                verdict=verdict,
                why=why,
                weight=w[c.id],
            )
        )
    return Scorecard(name=rules.name, lines=tuple(lines))


# ------------------------------------------------------------------- comparison
def _fmt(value: Value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(_md_cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def _html(caption: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


@attrs.frozen(kw_only=True)
class ComparisonRow:
    """One row of a :class:`ComparisonTable`: a metric or a score, one value per structure."""

    metric: str
    unit: str
    definition: str
    values: tuple[Value, ...]


_SCHEMA = "jarjestoyhteistyo.analysis.compare/1"


@attrs.frozen(kw_only=True)
class ComparisonTable:
    """Structures side by side: one column per structure, one row per metric or score.

    Rows are the metrics of :data:`METRIC_DEFINITIONS`, then one ``score:<criterion>``
    row per scorecard criterion and ``score:total``.
    """

    labels: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]

    def row(self, metric: str) -> ComparisonRow:
        """The row of one metric.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for r in self.rows:
            if r.metric == metric:
                return r
        raise NotFoundError(metric)

    def to_records(self) -> list[dict[str, Value]]:
        """One dict per row: ``metric``, ``unit`` and one key per structure label.

        >>> import jarjestoyhteistyo as jy
        >>> t = compare(jy.load_preset("vake"), jy.load_preset("ku"), labels=("VK", "KU"))
        >>> t.to_records()[2]
        {'metric': 'ngo_seats', 'unit': 'seats', 'VK': 16, 'KU': 10}
        """
        out: list[dict[str, Value]] = []
        for r in self.rows:
            record: dict[str, Value] = {"metric": r.metric, "unit": r.unit}
            record.update(zip(self.labels, r.values, strict=True))
            out.append(record)
        return out

    def to_markdown(self) -> str:
        """A Markdown table (for a committee paper or a notebook)."""
        header = ("metric", "unit", *self.labels)
        return _markdown(
            header, ((r.metric, r.unit, *(_fmt(v) for v in r.values)) for r in self.rows)
        )

    def to_text(self) -> str:
        """Plain aligned columns for a terminal."""
        header = ("metric", "unit", *self.labels)
        body = [(r.metric, r.unit, *(_fmt(v) for v in r.values)) for r in self.rows]
        widths = [min(48, max(len(row[i]) for row in (header, *body))) for i in range(len(header))]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                (c if len(c) <= w else c[: w - 1] + "…").ljust(w)
                for c, w in zip(cells, widths, strict=True)
            ).rstrip()

        return "\n".join([line(header), *(line(row) for row in body)])

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON with a stable schema: ``schema``, ``labels`` and ``rows`` (each with
        ``metric``, ``unit``, ``definition`` and ``values`` in label order).

        >>> import json, jarjestoyhteistyo as jy
        >>> data = json.loads(compare(jy.load_preset("ku")).to_json())
        >>> data["schema"], data["labels"], data["rows"][0]["metric"]
        ('jarjestoyhteistyo.analysis.compare/1', ['NGO council fed by theme networks'], 'name')
        """
        data = {
            "schema": _SCHEMA,
            "labels": list(self.labels),
            "rows": [
                {
                    "metric": r.metric,
                    "unit": r.unit,
                    "definition": r.definition,
                    "values": list(r.values),
                }
                for r in self.rows
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=indent)

    def _repr_html_(self) -> str:
        header = ("metric", "unit", *self.labels)
        rows = [(r.metric, r.unit, *(_fmt(v) for v in r.values)) for r in self.rows]
        return _html("Comparison of structures", header, rows)

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame`` indexed by metric (needs the ``pandas`` extra)."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:
            raise MissingDependencyError(
                "ComparisonTable.to_dataframe() needs pandas: "
                "pip install 'jarjestoyhteistyo[pandas]'"
            ) from exc
        frame = pd.DataFrame.from_records(
            self.to_records(), columns=["metric", "unit", *self.labels]
        )
        return frame.set_index("metric")


Structure: TypeAlias = RuleSet | tuple[RuleSet, Composition]
"""A rule set, or a rule set with the composition to measure."""


def compare(
    *structures: Structure,
    labels: Sequence[str] | None = None,
    fee_per_meeting: float = 0.0,
    weights: Mapping[str, float] | None = None,
) -> ComparisonTable:
    """Compare structures side by side: metrics, then scorecard lines and the total.

    Each structure is a rule set or a ``(rule set, composition)`` pair. ``labels``
    name the columns (default: the rule sets' names, numbered when they clash).

    >>> import jarjestoyhteistyo as jy
    >>> names = ("vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa")
    >>> table = compare(*(jy.load_preset(n) for n in names), labels=("formal", "forum", "KU"))
    >>> table.row("ngo_seats").values, table.row("deputy_seats").values
    ((16, 20, 10), (16, None, 0))
    >>> print(table.to_markdown().splitlines()[0])
    | metric | unit | formal | forum | KU |
    """
    if not structures:
        raise ComparisonError("compare() needs at least one structure")
    pairs: list[tuple[RuleSet, Composition | None]] = []
    for s in structures:
        if isinstance(s, tuple):
            pairs.append((s[0], s[1]))
        else:
            pairs.append((s, None))
    if labels is None:
        names = [r.name for r, _ in pairs]
        labels = [n if names.count(n) == 1 else f"{n} ({i + 1})" for i, n in enumerate(names)]
    if len(labels) != len(pairs):
        raise ComparisonError(f"{len(labels)} label(s) for {len(pairs)} structure(s)")
    if len(set(labels)) != len(labels):
        raise ComparisonError(f"labels must be unique: {list(labels)}")
    measured = [metrics(r, c, fee_per_meeting=fee_per_meeting).values() for r, c in pairs]
    cards = [scorecard(r, weights=weights) for r, _ in pairs]
    rows = [
        ComparisonRow(
            metric=name,
            unit=unit,
            definition=definition,
            values=tuple(m[name] for m in measured),
        )
        for name, unit, definition in METRIC_DEFINITIONS
    ]
    for i, c in enumerate(CRITERIA):
        rows.append(
            ComparisonRow(
                metric=f"score:{c.id}",
                unit="0–1",
                definition=f"Scorecard verdict on {c.label} ({', '.join(c.rules)}): "
                "1 good, 0.5 partial, 0 weak.",
                values=tuple(card.lines[i].verdict for card in cards),
            )
        )
    rows.append(
        ComparisonRow(
            metric="score:total",
            unit="0–1",
            definition="Weighted mean of the scorecard verdicts (weights: DEFAULT_WEIGHTS "
            "unless given).",
            values=tuple(round(card.total, 4) for card in cards),
        )
    )
    return ComparisonTable(labels=tuple(labels), rows=tuple(rows))
