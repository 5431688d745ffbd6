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

import enum
import functools
import math
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TypeAlias

import attrs

from jarjestoyhteistyo.calc.meetings import workload
from jarjestoyhteistyo.calc.rotation import rotation_plan, term_months
from jarjestoyhteistyo.errors import ComparisonError, RotationError
from jarjestoyhteistyo.i18n import Text, pgettext
from jarjestoyhteistyo.model.categories import PRH_CATEGORIES
from jarjestoyhteistyo.model.composition import Composition, Role, SeatKind
from jarjestoyhteistyo.model.planner import skeleton
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    DeputyMode,
    FeePolicy,
    GeneralRuleSet,
    RuleSet,
    SeatSource,
    Swot,
)
from jarjestoyhteistyo.model.seats import NGO_SOURCES
from jarjestoyhteistyo.model.vocabulary import label

__all__ = [
    "METRIC_DEFINITIONS",
    "METRIC_LABELS",
    "NGO_SOURCES",
    "Metrics",
    "Value",
    "format_value",
    "metric_label",
    "metrics",
    "shown_value",
    "skeleton_composition",
    "unit_label",
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
        "fee policy is stated or the fees are still to be agreed.",
    ),
    (
        "annual_fee_cost",
        "currency/year",
        "fee_per_meeting × meetings_per_year × fee_seats; zero when the fee policy is "
        "none (FC-14, OF-9), empty when the fees, the fee per meeting or the rhythm are "
        "not known.",
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

#: The name of every metric of :data:`METRIC_DEFINITIONS` as a reader sees it: the
#: first column of a comparison in Finnish and Swedish (:func:`metric_label`). The
#: English tables keep the metric ids, which programs read (``to_records``, JSON).
METRIC_LABELS: Mapping[str, Text] = MappingProxyType(
    {
        "name": Text("name of the body"),
        "kind": Text("kind of rule set"),
        "ngo_seats": Text("NGO member seats"),
        "deputy_seats": Text("deputy seats"),
        "official_seats": Text("seats for officials"),
        "elected_seats": Text("seats for elected members"),
        "other_seats": Text("other fixed seats"),
        "headcount": Text("people at a meeting"),
        "coverage": Text("categories or networks with seats"),
        "coverage_count": Text("number of categories or networks with seats"),
        "open_registration": Text("open registration"),
        "continuous_joining": Text("joining at any time"),
        "appointing_authority": Text("who appoints the members"),
        "parent_organ": Text("attached to the organ"),
        "statutory_duties": Text("statutory duties"),
        "mid_term_changes": Text("who approves mid-term changes"),
        "chair": Text("how the chair is chosen"),
        "vice_chairs": Text("number of vice-chairs"),
        "meetings_per_year": Text("meetings a year"),
        "hours_per_member": Text("hours a member gives a year"),
        "person_hours_per_year": Text("person-hours a year"),
        "time_budget_hours_per_year": Text("time budget told to applicants"),
        "fee_policy": Text("meeting fees"),
        "fee_seats": Text("seats paid a meeting fee"),
        "annual_fee_cost": Text("meeting fee cost a year"),
        "term_months": Text("length of a term"),
        "continuity": Text("continuity after a changeover"),
        "swot": Text("strengths, weaknesses, opportunities, threats"),
        "seated": Text("seats held"),
        "vacant": Text("vacant seats"),
        "organisations": Text("organisations holding a seat"),
    }
)


def metric_label(metric: str, lang: str = "en") -> str:
    """The first column of a comparison row in ``lang``: the metric's words of
    :data:`METRIC_LABELS` in Finnish and Swedish, its id in English (the name a program
    knows it by); an unknown metric as it is.

    >>> metric_label("ngo_seats", "fi"), metric_label("ngo_seats", "sv")
    ('järjestöjen jäsenpaikat', 'organisationernas ledamotsplatser')
    >>> metric_label("ngo_seats")
    'ngo_seats'
    """
    words = METRIC_LABELS.get(metric)
    if words is None or lang not in ("fi", "sv"):
        return metric
    return words.text_in(lang)


@functools.cache
def _unit_words(lang: str) -> Mapping[str, str]:
    """The units of :data:`METRIC_DEFINITIONS` in ``lang``, by unit."""
    return {  # TRANSLATORS: the unit column of a comparison of structures
        "text": pgettext(lang, "unit", "text"),
        "seats": pgettext(lang, "unit", "seats"),
        "persons": pgettext(lang, "unit", "persons"),
        "codes": pgettext(lang, "unit", "codes"),
        "count": pgettext(lang, "unit", "count"),
        "yes/no": pgettext(lang, "unit", "yes/no"),
        "code": pgettext(lang, "unit", "code"),
        "meetings/year": pgettext(lang, "unit", "meetings/year"),
        "hours/year": pgettext(lang, "unit", "hours/year"),
        "person-hours/year": pgettext(lang, "unit", "person-hours/year"),
        "currency/year": pgettext(lang, "unit", "currency/year"),
        "months": pgettext(lang, "unit", "months"),
        "share": pgettext(lang, "unit", "share"),
        "lists": pgettext(lang, "unit", "lists"),
    }


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit of :data:`METRIC_DEFINITIONS` in ``lang``; another unit (``0–1``) as it is.

    >>> unit_label("seats", "fi"), unit_label("seats"), unit_label("0–1", "sv")
    ('paikkaa', 'seats', '0–1')
    """
    return _unit_words(lang).get(unit, unit)


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


def _swot_text(swot: Swot, lang: str = "en") -> str:
    """The SWOT as one line: ``S: ... | W: ...`` in English, each part named in words
    in Finnish and Swedish; the items as the rule set writes them."""
    parts = (  # TRANSLATORS: the parts of a SWOT: strengths, weaknesses, opportunities, threats
        (pgettext(lang, "SWOT", "S"), swot.strengths),
        (pgettext(lang, "SWOT", "W"), swot.weaknesses),
        (pgettext(lang, "SWOT", "O"), swot.opportunities),
        (pgettext(lang, "SWOT", "T"), swot.threats),
    )
    return " | ".join(f"{k}: {'; '.join(v)}" for k, v in parts if v)


class _SwotWords:
    """A SWOT as a reader of each language sees it (:class:`~jarjestoyhteistyo.i18n.Text`
    alike): ``str()`` is the English of :meth:`Metrics.values`.

    >>> from jarjestoyhteistyo.model.rulesets import Swot
    >>> _SwotWords(Swot(strengths=("a",), threats=("b",))).text_in("fi")
    'vahvuudet: a | uhat: b'
    """

    __slots__ = ("swot",)

    def __init__(self, swot: Swot) -> None:
        self.swot = swot

    def text_in(self, lang: str) -> str:
        """The SWOT in ``lang``."""
        return _swot_text(self.swot, lang)

    def __str__(self) -> str:
        return self.text_in("en")


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


def _fee_cost(
    fee_seats: int | None, meetings_per_year: int | None, fee_per_meeting: float | None
) -> float | None:
    """What the meeting fees cost a year: 0 for a body paying none, ``None`` when the
    policy, the rhythm or (for a body that pays) the fee per meeting is not known."""
    if fee_seats is None or meetings_per_year is None:
        return None
    if fee_seats == 0:
        return 0.0
    return (
        None if fee_per_meeting is None else float(fee_per_meeting) * meetings_per_year * fee_seats
    )


def metrics(
    rules: RuleSet,
    composition: Composition | None = None,
    *,
    fee_per_meeting: float | None = None,
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

    A body that pays fees costs what its fee per meeting makes it: without one given
    the cost is unknown (``None``), not zero.

    >>> vake = jy.load_preset("vantaa-kerava-formal")
    >>> metrics(vake).annual_fee_cost, metrics(vake, fee_per_meeting=50).annual_fee_cost
    (None, 5400.0)
    """
    if fee_per_meeting is not None and (fee_per_meeting < 0 or not math.isfinite(fee_per_meeting)):
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
    if rules.fee is not None and rules.fee is not FeePolicy.TO_BE_AGREED:
        fee_seats = 0 if rules.fee is FeePolicy.NONE else counts["ngo"] + counts["elected"]
    if fee_per_meeting is None and rules.fee is FeePolicy.FEE_RULE:
        fee_per_meeting = rules.fee_amount  # the rule set's own amount, when it states one
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
        annual_fee_cost=_fee_cost(fee_seats, meetings_per_year, fee_per_meeting),
        term_months=_term(rules),
        continuity=_continuity(rules, composition or skeleton_composition(rules)),
        swot=rules.swot,
        seated=seated,
        vacant=vacant,
        organisations=organisations,
    )


def format_value(value: Value, lang: str = "en") -> str:
    """A metric's or a fact's value as table text: ``—`` for none, yes/no, trimmed
    decimals; in Finnish and Swedish (``lang``) the yes/no in words and a decimal comma.

    >>> format_value(None), format_value(True), format_value(0.5), format_value(48.0)
    ('—', 'yes', '0.5', '48')
    >>> format_value(True, "fi"), format_value(False, "sv"), format_value(0.5, "fi")
    ('kyllä', 'nej', '0,5')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return pgettext(lang, "answer", "yes") if value else pgettext(lang, "answer", "no")
    if isinstance(value, float):
        if not math.isfinite(value):  # nothing that loads gives one; still text, not a crash
            return str(value)
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
        return text.replace(".", ",") if lang in ("fi", "sv") else text
    return str(value)


#: The metrics whose values are codes of an enum, shown in its words of the vocabulary.
_CODED: Mapping[str, type[enum.Enum]] = MappingProxyType(
    {
        "appointing_authority": Authority,
        "mid_term_changes": Authority,
        "chair": ChairMode,
        "fee_policy": FeePolicy,
    }
)


def _code_words(enum_type: type[enum.Enum], code: str, lang: str) -> str:
    if enum_type is ChairMode and code == "not_stated":
        return pgettext(lang, "chair", "not stated")
    try:
        member = enum_type(code)
    except ValueError:  # a code of the rule set's own
        return code
    return label(member, lang)


def _coverage_words(codes: str, lang: str) -> str:
    """Association categories in words (`FC-4`); a network or a category of the rule
    set's own as its code."""
    words = {c.code: c.labels.get(lang) for c in PRH_CATEGORIES}
    return "; ".join(words.get(c, c) for c in codes.split("; ")) if codes else codes


#: How a metric's value is shown in Finnish and Swedish, beyond :func:`format_value`.
_SHOWN: Mapping[str, Callable[[str, str], str]] = MappingProxyType(
    {
        **{m: functools.partial(_code_words, e) for m, e in _CODED.items()},
        "coverage": _coverage_words,
    }
)


def shown_value(metric: str, value: Value, lang: str = "en") -> str:
    """The value of ``metric`` as a comparison shows it in ``lang``: in English as
    :func:`format_value` writes it (codes as programs know them), in Finnish and
    Swedish yes/no, codes of the vocabulary and association categories in words.

    >>> shown_value("appointing_authority", "committee", "fi"), shown_value("chair", "none", "sv")
    ('lautakunta', 'ingen ordförande')
    >>> shown_value("appointing_authority", "committee"), shown_value("continuity", 0.5, "sv")
    ('committee', '0,5')
    """
    if lang in ("fi", "sv") and isinstance(value, str):
        words = _SHOWN.get(metric)
        if words is not None:
            return words(value, lang)
    return format_value(value, lang)
