"""Rule sets: one general model and the three seed kinds as thin specialisations.

Every rule set is a frozen attrs class with a ``kind`` (the ``kind:`` key in YAML):

* :class:`GeneralRuleSet` (``general``) — seat groups with quotas, deputy policy,
  chair policy, term policy, limits. Any NGO council can be written with it.
* :class:`FormalCommittee` (``formal_committee``, `FC-1` … `FC-16`) — seats per
  association category, personal deputies, committee members, a chair.
* :class:`OpenForum` (``open_forum``, `OF-1` … `OF-10`) — open registration up to a
  cap, criteria only when oversubscribed, no chair.
* :class:`ThemeNetworkCouncil` (``theme_network_council``, `KU-1` … `KU-14`) — work
  pairs from theme networks plus official seats.

The specialised kinds keep their own vocabulary in YAML but are projected onto the
general model by :meth:`as_general`; composition validation runs on that projection,
so a general rule set and a specialised one that mean the same validate the same.

>>> fc = FormalCommittee(name="Example", area="Example area", members_per_category=1)
>>> general = fc.as_general()
>>> sum(g.seats.min for g in general.seat_groups if g.source is SeatSource.CATEGORY)
8
>>> general.deputies.mode.value
'personal'
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from datetime import time as _time
from typing import Any, ClassVar, TypeAlias

import attrs

from jarjestoyhteistyo.errors import InvalidValueError
from jarjestoyhteistyo.i18n import Term, Text
from jarjestoyhteistyo.model.categories import PRH_CATEGORIES, Category, Labels, name_term
from jarjestoyhteistyo.model.composition import Role

__all__ = [
    "EXPERTS_GROUP",
    "KINDS",
    "Authority",
    "ChairMode",
    "ChairPolicy",
    "Council",
    "Criterion",
    "DeputyMode",
    "DeputyPolicy",
    "DiversityDimension",
    "DiversityPolicy",
    "DutyTurn",
    "FeePolicy",
    "FormalCommittee",
    "GeneralRuleSet",
    "IntRange",
    "MeetingPolicy",
    "MeetingPractice",
    "Need",
    "OfficialSeat",
    "OpenForum",
    "PairPolicy",
    "PartyTies",
    "Provenance",
    "RequiredFunction",
    "RotatingDuty",
    "RotationPractice",
    "RuleSet",
    "SeatGroup",
    "SeatSource",
    "SelectionPolicy",
    "Swot",
    "TermMode",
    "TermPolicy",
    "ThemeNetwork",
    "ThemeNetworkCouncil",
    "provenance_of",
]


# --------------------------------------------------------------------------- enums
class Need(enum.Enum):
    """Whether a rule is ``required`` (breaking it is an error) or ``wanted`` (a warning)."""

    REQUIRED = "required"
    WANTED = "wanted"


class SeatSource(enum.Enum):
    """Where the holders of a seat group come from."""

    CATEGORY = "category"  # NGOs of given association categories (FC-4)
    NETWORK = "network"  # representatives of a theme network (KU-4)
    OPEN = "open"  # any NGO, by open registration (OF-3)
    COMMITTEE = "committee"  # elected members of the committee (FC-6, OF-7)
    OFFICIAL = "official"  # officials: contact persons (KU-4)
    SECTOR = "sector"  # fixed seats for other sectors (municipalities, parishes, ...)
    EXPERT = "expert"  # invited experts (KU-4)


class DeputyMode(enum.Enum):
    """How members are substituted (`FC-8`, `KU-7`, `OF-8`)."""

    PERSONAL = "personal"  # each member has one personal deputy (FC-8)
    OPTIONAL = "optional"  # personal deputies wanted, but a member may have none
    ORDERED = "ordered"  # deputies in a numbered substitution order (per group)
    PAIR = "pair"  # the work pair substitute for each other (KU-7)
    AGREED = "agreed"  # agreed with the NGOs (OF-8)
    NONE = "none"  # no deputies


class ChairMode(enum.Enum):
    """How the chair is chosen (`FC-7`, `OF-5`)."""

    DIALOGUE = "dialogue_with_committee"
    ELECTED = "elected_by_members"
    APPOINTED = "appointed_by_board"
    ROTATING = "rotating"
    NONE = "none"


class Authority(enum.Enum):
    """Who appoints the members (`FC-3`) or approves mid-term changes (`FC-15`)."""

    EXECUTIVE_BOARD = "executive_board"
    COMMITTEE = "committee"
    COMMITTEE_PROPOSES_BOARD_APPOINTS = "committee_proposes_board_appoints"
    THEME_NETWORKS = "theme_networks"
    OPEN_REGISTRATION = "open_registration"
    REGIONAL_COUNCIL = "regional_council"
    BODY_ITSELF = "body_itself"  # "neuvottelukunta päättää itse" (Päijät-Häme)
    OFFICE_HOLDER = "office_holder"  # an office holder's decision (Pirkanmaa)
    MUNICIPAL_BODIES = "municipal_bodies"  # each municipality's own body names (HVL 32 §)


class FeePolicy(enum.Enum):
    """Meeting fees (`FC-14`, `OF-9`)."""

    FEE_RULE = "fee_rule"
    OTHER_AGREED = "other_agreed"
    NONE = "none"
    #: The source says the fees are still to be clarified (Keski-Uusimaa, seed 002).
    TO_BE_AGREED = "to_be_agreed"


class MeetingPractice(enum.Enum):
    """How the body meets (`KU-14`: the members agree on remote or in-person meetings)."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    HYBRID = "hybrid"
    AGREED_BY_MEMBERS = "agreed_by_members"


class DiversityDimension(enum.Enum):
    """Diversity within the types of NGOs that a selection wishes for (`WS-7`)."""

    MULTILINGUAL = "multilingual"
    MULTICULTURAL = "multicultural"
    WOMEN_SPECIFIC = "women_specific"


class PartyTies(enum.Enum):
    """Whether seats may be tied to party politics (`WS-1`)."""

    FORBIDDEN = "forbidden"
    ALLOWED = "allowed"


class TermMode(enum.Enum):
    """Kinds of term policy (`FC-12`, `KU-5`, `OF-8`, `WS-5`)."""

    FIXED = "fixed"  # a fixed number of months
    COUNCIL = "council_term"  # ends with the council term in force
    COUNCIL_FRACTION = "council_fraction"  # a fraction of the council term
    FIXED_DATES = "fixed_dates"  # explicit start and end
    AGREED = "agreed"  # agreed with the NGOs, open-ended


class RotationPractice(enum.Enum):
    """How a share of the seats changes (`FC-13`: "the body agrees the practice").

    ``each_term``: changeovers once a term, and at each the share ``rotation`` of the
    seats changes, so a seat serves ``1 / rotation`` terms ("puolet jäsenistä vaihtuvat
    jäsenyyskausittain", read as written). ``staggered_terms``: every seat serves one
    term, and shortened first terms stagger the cohorts, so the share changes at each of
    ``1 / rotation`` changeovers a term (`KU-5`'s 1-year/2-year work pairs).
    """

    EACH_TERM = "each_term"
    STAGGERED_TERMS = "staggered_terms"


class Council(enum.Enum):
    """Which council's term a term policy follows."""

    REGIONAL = "regional"
    MUNICIPAL = "municipal"


# --------------------------------------------------------------------- small parts
@attrs.frozen(kw_only=True)
class IntRange:
    """An inclusive range of whole numbers; ``max=None`` means no upper limit."""

    min: int = 0
    max: int | None = None

    @property
    def upper(self) -> int:
        """The upper end; ``min`` when there is none (what a count can rely on).

        >>> IntRange(min=4, max=6).upper, IntRange(min=1).upper
        (6, 1)
        """
        return self.max if self.max is not None else self.min

    def contains(self, value: int) -> bool:
        """True when ``min <= value <= max``."""
        return value >= self.min and (self.max is None or value <= self.max)

    def __str__(self) -> str:
        if self.max is None:
            return f"≥{self.min}"
        return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"


@attrs.frozen(kw_only=True)
class Swot:
    """Strengths, weaknesses, opportunities and threats as data (`FC-17`, `OF-11`)."""

    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    opportunities: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class SeatGroup:
    """A group of seats with a quota: the building block of the general model.

    ``seats`` is how many member seats the group has; ``need`` says whether an unfilled
    seat is a warning (``wanted``, the default: the body can start and the fix is
    another call) or an error (``required``). ``categories`` lists eligible
    association categories for ``source: category`` (empty means the group's own
    ``id``); ``network`` names the theme network for ``source: network``; ``role`` is
    the role required of the holder (e.g. ``wellbeing_area_official``).

    What the rule set says of the group, and nothing more, is checked:

    * ``voting``: whether holders vote; left out, every source but ``expert`` votes
      (a speaking-right seat is ``voting: false``). The chair elected *from among the
      members* must hold a voting seat.
    * ``deputies``: the group's own deputy mode; left out, NGO groups follow the
      body's ``deputies`` and other groups have none.
    * ``municipality``: the municipality the group's seats are for.
    * ``nominated_by``: who names its holders (``council-groups``, an umbrella
      organisation, ``municipal-influence-body``, ...); where the rule set forbids
      party-political ties, a party-political nominator is an error (`WS-1`).

    >>> SeatGroup(id="experts", source=SeatSource.EXPERT).votes
    False
    """

    id: str
    source: SeatSource
    label: str = ""
    seats: IntRange = IntRange(min=1, max=1)
    need: Need = Need.WANTED
    categories: frozenset[str] = frozenset()
    network: str | None = None
    role: Role | None = None
    rule: str = ""
    voting: bool | None = None
    deputies: DeputyMode | None = None
    municipality: str | None = None
    nominated_by: str | None = None

    @property
    def eligible_categories(self) -> frozenset[str]:
        """The categories an organisation needs one of, to sit in this group."""
        return self.categories or frozenset({self.id})

    @property
    def votes(self) -> bool:
        """Whether the holders vote: ``voting``, or every source but ``expert``."""
        return self.voting if self.voting is not None else self.source is not SeatSource.EXPERT


@attrs.frozen(kw_only=True)
class RequiredFunction:
    """A function some seat must hold (`GEN-3`), and who may hold it.

    ``groups`` lists the seat groups (:attr:`SeatGroup.id`) and ``sources`` the seat
    sources whose seats may hold the function; a deputy's group is its member's.
    ``roles`` lists the roles its holder may have (``wellbeing_area_official``: "the
    presenter is the wellbeing area's representative", whether a member or staff).
    Left empty, any seat may; given several, a holder must satisfy each. In YAML an
    entry is the bare function name (``- secretary``) or a mapping: ``{function:
    presenter, roles: [wellbeing_area_official]}``.

    >>> anyone = RequiredFunction(function="secretary")
    >>> anyone.allows(None)
    True
    >>> presenter = RequiredFunction(function="presenter", groups=frozenset({"wellbeing-area"}))
    >>> group = SeatGroup(id="wellbeing-area", source=SeatSource.SECTOR)
    >>> presenter.allows(group), presenter.allows(None)
    (True, False)
    >>> official = RequiredFunction(function="presenter",
    ...                             roles=frozenset({Role.WELLBEING_AREA_OFFICIAL}))
    >>> official.allows(None, Role.WELLBEING_AREA_OFFICIAL), official.allows(group, None)
    (True, False)
    """

    function: str
    groups: frozenset[str] = frozenset()
    sources: frozenset[SeatSource] = frozenset()
    roles: frozenset[Role] = frozenset()

    @property
    def conditioned(self) -> bool:
        """Whether the rule set says who may hold the function."""
        return bool(self.groups or self.sources or self.roles)

    def allows(self, group: SeatGroup | None, role: Role | None = None) -> bool:
        """Whether a seat of ``group`` (``None``: a seat of no group) whose holder has
        ``role`` (``None``: no holder named) may hold the function."""
        return self.allows_group(group) and (not self.roles or role in self.roles)

    def allows_group(self, group: SeatGroup | None) -> bool:
        """The ``groups`` and ``sources`` part of :meth:`allows`."""
        if self.groups and (group is None or group.id not in self.groups):
            return False
        return not self.sources or (group is not None and group.source in self.sources)


@attrs.frozen(kw_only=True)
class DeputyPolicy:
    """Deputies (`FC-8`, `FC-9`, `FC-10`, `KU-7`, `OF-8`, `WS-7`).

    ``same_category``: a deputy of an NGO seat is of its member's category (or
    network); ``different_organisation``: from an organisation without a member seat.
    Left out (``None``), the rule is not checked — except in a formal committee,
    whose `FC-9` and `FC-10` make both ``required``.
    """

    mode: DeputyMode = DeputyMode.NONE
    same_category: Need | None = None
    different_organisation: Need | None = None


@attrs.frozen(kw_only=True)
class PairPolicy:
    """Work pairs (`KU-7`): two people of one network who substitute for each other.

    ``mixes`` lists acceptable role pairs (e.g. NGO employee + experience expert); an
    empty tuple accepts any two roles. ``need`` says whether a pair outside ``mixes``
    is an error or a warning.
    """

    mixes: tuple[tuple[Role, Role], ...] = ()
    need: Need = Need.WANTED


@attrs.frozen(kw_only=True)
class ChairPolicy:
    """The chair and vice-chairs (`FC-7`, `OF-5`).

    ``vice_chairs`` is how many vice-chairs the body has (0–3; a disability council
    may have a first, second and third). ``from_members``: the body elects them from
    among its voting members ("valitsee keskuudestaan"), so a staff, deputy or
    speaking-right seat cannot hold them. ``mode`` left out (``None``) is "not stated":
    the body has a chair, but the rule set does not say how it is chosen (a formal
    committee reads it as `FC-7`'s dialogue, an open forum as `OF-5`'s none).
    """

    mode: ChairMode | None = None
    vice_chairs: int = 1
    from_members: bool = False
    procedure_recorded: bool = False

    @property
    def officers(self) -> int:
        """How many seats hold the chair or a vice-chair (0 when the body has no chair)."""
        return 0 if self.mode is ChairMode.NONE else 1 + self.vice_chairs

    @property
    def self_elected(self) -> bool:
        """Whether the body may choose its chair itself, at its constitutive meeting
        (also when the mode is not stated: nothing says otherwise)."""
        return self.mode in (None, ChairMode.ELECTED, ChairMode.DIALOGUE, ChairMode.ROTATING)


@attrs.frozen(kw_only=True)
class TermPolicy:
    """Terms and rotation (`FC-12`, `FC-13`, `KU-5`, `OF-8`, `WS-5`).

    ``months`` is the length for ``fixed``; ``fraction`` for ``council_fraction``;
    ``start``/``end`` for ``fixed_dates``; ``first_term_months`` staggers the first
    term (`KU-5`: ``[12, 24]`` — one of the pair 1 year, the other 2);
    ``first_term_end`` ends a transitional first term on a date; ``rotation`` is the
    share of members that changes at each changeover (`FC-13`: 0.5), and
    ``rotation_practice`` how (:class:`RotationPractice`; left out, the terms are
    staggered, and ``check`` says so with an info when ``rotation`` is below 1).
    ``max_months`` is the longest term the body accepts; left out (``None``), it is one
    council term, read from the council calendar by
    :func:`jarjestoyhteistyo.calc.terms.longest_term_months`.
    """

    mode: TermMode = TermMode.FIXED
    months: int | None = 24
    council: Council = Council.REGIONAL
    fraction: float | None = None
    start: date | None = None
    end: date | None = None
    first_term_months: tuple[int, ...] = ()
    first_term_end: date | None = None
    rotation: float = 1.0
    rotation_practice: RotationPractice | None = None
    max_consecutive_person: int | None = None
    max_consecutive_organisation: int | None = None
    max_months: int | None = None


#: A meeting weekday: ``mo`` … ``su``, optionally after an ordinal 1–4 (``2tu``).
WEEKDAY_PATTERN = r"[1-4]?(mo|tu|we|th|fr|sa|su)"


@attrs.frozen(kw_only=True)
class DutyTurn:
    """One listed turn of a rotating duty: ``holder`` (an organisation id or a role,
    never a name) holds it from ``start`` to ``end``, both inclusive."""

    holder: str
    start: date
    end: date


@attrs.frozen(kw_only=True)
class RotatingDuty:
    """A duty (chair, secretary, convener) passing between holders turn by turn (`GEN-3`).

    The turns are stated one of two ways: listed, ``turns`` (each with its dates), or
    by period, ``start`` + ``period_months`` + ``holders`` (turn ``k`` is
    ``holders[k]``, from ``start + relativedelta(months=period_months * k)``). Past the
    last stated turn the holder is *not specified*, unless ``repeats`` says the list
    starts over (:func:`jarjestoyhteistyo.calc.duties.duty_holder`).

    >>> chair = RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=12,
    ...                      holders=("org-a", "org-b"))
    >>> chair.by_period, len(chair.holders)
    (True, 2)
    """

    duty: str
    turns: tuple[DutyTurn, ...] = ()
    start: date | None = None
    period_months: int | None = None
    holders: tuple[str, ...] = ()
    repeats: bool = False

    @property
    def by_period(self) -> bool:
        """Whether the turns are stated by period (``start`` and ``period_months``)."""
        return self.start is not None or self.period_months is not None or bool(self.holders)


@attrs.frozen(kw_only=True)
class MeetingPolicy:
    """Meetings and the time they take (`FC-11`, `OF-6`, `KU-9`, `WS-4`).

    Hours are per meeting and per member; ``network_meetings_per_year`` counts the
    theme-network meetings a council member also attends (`KU-9`). The hours a member
    gives a year are computed by :func:`jarjestoyhteistyo.calc.meetings.workload`.
    ``per_year`` left out (``None``) is "not stated": no rhythm is assumed, and nothing
    that needs a number of meetings (a workload, a calendar without ``count``) is
    computed from it. ``hours`` and ``preparation_hours`` are estimates for the
    workload, not rules (a decision: 2 + 1 hours when the rule set gives none).

    ``weekday``, ``time``, ``location`` and ``description`` are what a calendar
    needs and a source may state: the ``calendar`` command reads them (its
    ``--weekday`` and ``--time`` override them) and the iCalendar export writes
    ``location`` and ``description`` into each event. ``weekday`` is ``mo`` … ``su``,
    optionally after an ordinal 1–4 (``2tu`` = the second Tuesday of the month);
    ``time`` is a local time written ``"17:00"`` (quoted in YAML). Left out, the
    calendar uses the first Tuesday at 17:00 (a default, not a rule).

    ``practice`` is how the body meets (in person, remote, hybrid, or as its members
    agree, `KU-14`); ``start_up_per_year`` the rhythm of the first ``start_up_months``
    months — "more meetings at the start, re-assessed later" (`WS-4`). Data the sources
    state; no check reads them.
    """

    per_year: IntRange | None = None
    hours: float = 2.0
    preparation_hours: float = 1.0
    network_meetings_per_year: int = 0
    network_meeting_hours: float = 0.0
    agreed_jointly: bool = False
    practice: MeetingPractice | None = None
    start_up_per_year: IntRange | None = None
    start_up_months: int | None = None
    weekday: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.matches_re(WEEKDAY_PATTERN)),
    )
    time: _time | None = None
    location: str | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
class Criterion:
    """A selection criterion (`OF-3`, `WS-7`, `WS-9`).

    ``uses`` names the facts the criterion looks at (``size``, ``languages``,
    ``volunteer_run``, ...). A criterion that uses party-political affiliation is an
    error (`WS-1`).
    """

    id: str
    text: str = ""
    uses: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class SelectionPolicy:
    """How members are chosen (`FC-3`, `OF-3`, `OF-4`, `KU-10`, `WS-1`, `WS-7`)."""

    authority: Authority | None = None
    open_registration: bool = False
    continuous_joining: bool = False
    criteria: tuple[Criterion, ...] = ()
    criteria_only_when_oversubscribed: bool = False
    party_political_ties: PartyTies | None = None
    one_seat_per_organisation: bool | None = None


@attrs.frozen(kw_only=True)
class DiversityPolicy:
    """Diversity wishes checked as warnings (`WS-4`, `WS-7`).

    ``languages`` lists languages that should be present among the organisations
    (a bilingual area sets ``sv``); ``min_size_classes`` the number of distinct size
    classes; ``dimensions`` the diversity within types the workshops wished for
    (multilingual, multicultural, women-specific NGOs, `WS-7`), recorded as wishes: a
    composition does not say these of its organisations, so no check reads them.
    Nothing is wished unless the rule set says so — except in the bodies of
    seed 001 (formal committee, open forum), where the workshops' `WS-7` and `WS-4`
    wish for a volunteer-run association and two size classes when these are left out.
    """

    need: Need = Need.WANTED
    volunteer_run: bool | None = None
    languages: frozenset[str] = frozenset()
    min_size_classes: int | None = None
    dimensions: frozenset[DiversityDimension] = frozenset()

    @property
    def wants_volunteer_run(self) -> bool:
        """Whether a volunteer-run organisation is wished for (``volunteer_run: true``)."""
        return bool(self.volunteer_run)

    @property
    def size_classes(self) -> int:
        """The number of size classes wished for (0: no wish)."""
        return self.min_size_classes or 0


@attrs.frozen(kw_only=True)
class ThemeNetwork:
    """A theme network feeding a council (`KU-10`); ``catch_all`` for multi-sector."""

    id: str
    label: Labels | None = None
    open: bool = True
    catch_all: bool = False


@attrs.frozen(kw_only=True)
class OfficialSeat:
    """A fixed seat for an official or a sector (`KU-4`)."""

    id: str
    role: Role
    label: str = ""
    seats: IntRange = IntRange(min=1, max=1)
    need: Need = Need.WANTED


def _dialogue_unless_stated(chair: ChairPolicy) -> ChairPolicy:
    """A formal committee's chair: chosen in dialogue (`FC-7`) where no mode is stated."""
    return chair if chair.mode is not None else attrs.evolve(chair, mode=ChairMode.DIALOGUE)


def _none_unless_stated(chair: ChairPolicy) -> ChairPolicy:
    """An open forum's chair: none (`OF-5`) where no mode is stated."""
    return chair if chair.mode is not None else attrs.evolve(chair, mode=ChairMode.NONE)


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a value of a rule set comes from (issue #18): a ``source`` — the document
    and its section — or a ``decision`` with its reason, never both, never neither.

    ``path`` names the value as the YAML does (``tasks``, ``meetings.per_year``,
    ``seat_groups[2]``); an entry covers the values below its path too, and the longest
    path that matches a value is its provenance (:func:`provenance_of`).

    >>> Provenance(path="tasks", source="seed 001, option 1").says
    'source: seed 001, option 1'
    >>> Provenance(path="term", decision="the project's choice: half the council term").says
    "decision: the project's choice: half the council term"
    """

    path: str
    source: str = ""
    decision: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.path.strip():
            raise InvalidValueError(Text("a source entry needs the path of the value it covers"))
        if bool(self.source.strip()) == bool(self.decision.strip()):
            raise InvalidValueError(
                Text(
                    "the source entry of {path} needs either source: or decision:, not both",
                    path=self.path,
                )
            )

    @property
    def says(self) -> str:
        """``source: …`` or ``decision: …``, as ``show --sources`` prints it."""
        return f"source: {self.source}" if self.source else f"decision: {self.decision}"


def provenance_of(sources: Sequence[Provenance], path: str) -> Provenance | None:
    """The entry of ``sources`` that covers ``path``: the longest whose path is
    ``path`` or a parent of it (``tasks`` covers ``tasks[3]``); ``None`` if none.

    >>> src = (Provenance(path="meetings", source="seed 002"),
    ...        Provenance(path="meetings.hours", decision="two hours, the usual"))
    >>> provenance_of(src, "meetings.hours").decision
    'two hours, the usual'
    >>> provenance_of(src, "meetings.per_year.min").source
    'seed 002'
    >>> provenance_of(src, "meetings_x") is None
    True
    """
    best: Provenance | None = None
    for entry in sources:
        p = entry.path
        covers = path == p or path.startswith((p + ".", p + "["))
        if covers and (best is None or len(p) > len(best.path)):
            best = entry
    return best


# ------------------------------------------------------------------ rule-set kinds
@attrs.frozen(kw_only=True)
class _Common:
    """Fields every rule set carries.

    ``recommended_size_of`` names the seat sources the recommended size counts (left
    out: every member seat). ``functions`` are functions of the body's own beyond
    :class:`~jarjestoyhteistyo.model.composition.Function` (``communications``, a
    working group's ``responsible_person``, ...); ``required_functions`` must each be
    held by some seat (a secretary, a convener, a presenter), and where an entry says
    who may hold it (:class:`RequiredFunction`), only by such a seat. ``names`` gives
    the body's name in its languages (a bilingual body's Swedish name; :meth:`name_in`),
    and ``languages`` the languages the body works in ("toimivat kaksikielisesti":
    ``[fi, sv]``; empty: not stated). It is not ``diversity.languages``, which wishes for
    organisations working in a language among the members. ``term`` and ``fee`` left
    out (``None``) are "not stated", and ``meetings.per_year`` too: nothing is read into
    silence (the seed kinds state theirs). ``fee_amount`` is the fee per meeting in
    euros where the rule set states it (it prices the fees in ``compare``).
    ``written_mandate`` says the body's position, duties and responsibilities are agreed
    in writing and ``communication_plan`` that it has (or drafts) one (`KU-14`, `WS-9`);
    ``representation`` names the groups and events the body chooses NGO representatives
    for (`FC-2`, `KU-2`: the regional HYTE group). ``prerequisites`` lists what
    membership asks of a member — time, competence, motivation, equipment — to be told
    to applicants (`KU-9`, `WS-9`).
    ``sources`` says where each value comes from (:class:`Provenance`): a presets'
    every value has one. ``duties`` lists rotating duties
    (:class:`RotatingDuty`); empty, none is stated.
    """

    name: str
    area: str
    names: Labels | None = None
    languages: frozenset[str] = frozenset()
    description: str = ""
    parent_organ: str | None = None
    tasks: tuple[str, ...] = ()
    swot: Swot = Swot()
    term: TermPolicy | None = None
    meetings: MeetingPolicy = MeetingPolicy()
    fee: FeePolicy | None = None
    fee_amount: float | None = None
    written_mandate: bool | None = None
    communication_plan: bool | None = None
    representation: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    mid_term_changes: Authority | None = None
    statutory_duties: bool = False
    time_budget_hours_per_year: float | None = None
    recommended_size: IntRange | None = None
    recommended_size_of: frozenset[SeatSource] = frozenset()
    required_municipalities: frozenset[str] = frozenset()
    diversity: DiversityPolicy = DiversityPolicy()
    functions: tuple[str, ...] = ()
    required_functions: tuple[RequiredFunction, ...] = ()
    duties: tuple[RotatingDuty, ...] = ()
    sources: tuple[Provenance, ...] = ()

    @property
    def required_function_names(self) -> frozenset[str]:
        """The names of the :attr:`required_functions`.

        >>> sorted(ThemeNetworkCouncil(name="x", area="y").required_function_names)
        ['convener', 'secretary']
        """
        return frozenset(r.function for r in self.required_functions)

    def name_in(self, lang: str) -> str:
        """The body's name in ``lang`` when ``names`` gives it, else ``name``.

        >>> rs = GeneralRuleSet(name="Vanhusneuvosto", area="X",
        ...                     names=Labels(fi="Vanhusneuvosto", sv="Äldrerådet"))
        >>> rs.name_in("sv"), rs.name_in("en")
        ('Äldrerådet', 'Vanhusneuvosto')
        """
        return self.title.text_in(lang)

    @property
    def title(self) -> Term:
        """The body's name as a :class:`~jarjestoyhteistyo.i18n.Term`: ``name`` for a
        program, :meth:`name_in` for a reader (a report's subject).

        >>> rs = GeneralRuleSet(name="Vanhusneuvosto", area="X",
        ...                     names=Labels(sv="Äldrerådet"))
        >>> rs.title.text_in("sv"), str(rs.title)
        ('Äldrerådet', 'Vanhusneuvosto')
        """
        return name_term(self.name, self.names)


@attrs.frozen(kw_only=True)
class GeneralRuleSet(_Common):
    """The general kind: any body as seat groups with quotas (``kind: general``).

    It assumes nothing the rule set does not say: no chair unless ``chair`` is given,
    no deputies unless ``deputies`` (or a group's own ``deputies``) says so, no
    diversity wish, no one-seat-per-organisation rule and no party-politics rule.

    >>> GeneralRuleSet(name="x", area="y").chair is None
    True
    """

    kind: ClassVar[str] = "general"
    categories: tuple[Category, ...] = PRH_CATEGORIES
    seat_groups: tuple[SeatGroup, ...] = ()
    deputies: DeputyPolicy = DeputyPolicy()
    pairs: PairPolicy | None = None
    chair: ChairPolicy | None = None
    selection: SelectionPolicy = SelectionPolicy()
    cap: int | None = None

    def as_general(self) -> GeneralRuleSet:
        """This rule set itself (already general)."""
        return self


@attrs.frozen(kw_only=True)
class FormalCommittee(_Common):
    """A formal cooperation body attached to a committee (`FC-1` … `FC-16`)."""

    kind: ClassVar[str] = "formal_committee"
    categories: tuple[Category, ...] = PRH_CATEGORIES
    members_per_category: int = 2
    committee_members: IntRange = IntRange(min=1, max=2)
    deputies: DeputyPolicy = DeputyPolicy(
        mode=DeputyMode.PERSONAL,
        same_category=Need.REQUIRED,
        different_organisation=Need.REQUIRED,
    )
    chair: ChairPolicy = attrs.field(
        default=ChairPolicy(mode=ChairMode.DIALOGUE, procedure_recorded=True),
        converter=_dialogue_unless_stated,  # FC-7
    )
    selection: SelectionPolicy = SelectionPolicy(
        authority=Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
        open_registration=True,
        party_political_ties=PartyTies.FORBIDDEN,
        one_seat_per_organisation=True,
    )
    diversity: DiversityPolicy = DiversityPolicy(volunteer_run=True, min_size_classes=2)
    required_functions: tuple[RequiredFunction, ...] = (
        RequiredFunction(function="secretary"),  # WS-8
    )
    fee: FeePolicy | None = FeePolicy.FEE_RULE  # FC-14 (one of three; the preset's choice)
    mid_term_changes: Authority | None = Authority.COMMITTEE
    # FC-12, FC-13; each_term is a decision: "puolet ... vaihtuvat jäsenyyskausittain"
    term: TermPolicy | None = TermPolicy(
        mode=TermMode.FIXED,
        months=24,
        rotation=0.5,
        rotation_practice=RotationPractice.EACH_TERM,
    )
    meetings: MeetingPolicy = MeetingPolicy(per_year=IntRange(min=4, max=6))  # FC-11

    def as_general(self) -> GeneralRuleSet:
        """The same body as a :class:`GeneralRuleSet`: one group per category (`FC-4`)."""
        committee = SeatGroup(
            id="committee",
            source=SeatSource.COMMITTEE,
            label="committee members",
            seats=self.committee_members,
            role=Role.ELECTED_MEMBER,
            rule="FC-6",
        )
        per_category = IntRange(min=self.members_per_category, max=self.members_per_category)
        groups = (
            *(
                SeatGroup(
                    id=c.code,
                    source=SeatSource.CATEGORY,
                    label=c.labels.get("en"),
                    seats=per_category,
                    rule="FC-5",
                )
                for c in self.categories
            ),
            committee,
        )
        return GeneralRuleSet(
            **_seed_001_fields(self),
            categories=self.categories,
            seat_groups=groups,
            deputies=attrs.evolve(
                self.deputies,
                same_category=self.deputies.same_category or Need.REQUIRED,  # FC-10
                different_organisation=self.deputies.different_organisation
                or Need.REQUIRED,  # FC-9
            ),
            chair=self.chair,
            selection=_seed_001_selection(self.selection),
        )


@attrs.frozen(kw_only=True)
class OpenForum(_Common):
    """An open forum coordinated by the wellbeing area (`OF-1` … `OF-10`)."""

    kind: ClassVar[str] = "open_forum"
    categories: tuple[Category, ...] = PRH_CATEGORIES
    cap: int = 20
    coordinator: str = "wellbeing area's HYTE team"
    committee_members: IntRange = IntRange(min=1, max=None)
    chair: ChairPolicy = attrs.field(
        default=ChairPolicy(mode=ChairMode.NONE, vice_chairs=0),
        converter=_none_unless_stated,  # OF-5
    )
    deputies: DeputyPolicy = DeputyPolicy(mode=DeputyMode.AGREED)
    selection: SelectionPolicy = SelectionPolicy(
        authority=Authority.OPEN_REGISTRATION,
        open_registration=True,
        criteria_only_when_oversubscribed=True,
        party_political_ties=PartyTies.FORBIDDEN,
        one_seat_per_organisation=True,
    )
    term: TermPolicy | None = TermPolicy(mode=TermMode.AGREED, months=None)  # OF-8
    meetings: MeetingPolicy = MeetingPolicy(
        per_year=IntRange(min=4, max=6), agreed_jointly=True
    )  # OF-6
    fee: FeePolicy | None = FeePolicy.NONE  # OF-9
    diversity: DiversityPolicy = DiversityPolicy(volunteer_run=True, min_size_classes=2)
    required_functions: tuple[RequiredFunction, ...] = (
        RequiredFunction(function="coordinator"),  # OF-5
    )

    def as_general(self) -> GeneralRuleSet:
        """The forum as a :class:`GeneralRuleSet`: one open group up to the cap (`OF-3`)."""
        groups = (
            SeatGroup(
                id="forum",
                source=SeatSource.OPEN,
                label="organisations",
                seats=IntRange(min=0, max=self.cap),
                need=Need.WANTED,
                rule="OF-3",
            ),
            SeatGroup(
                id="committee",
                source=SeatSource.COMMITTEE,
                label="committee representatives",
                seats=self.committee_members,
                role=Role.ELECTED_MEMBER,
                rule="OF-7",
            ),
        )
        return GeneralRuleSet(
            **_seed_001_fields(self),
            categories=self.categories,
            seat_groups=groups,
            deputies=self.deputies,
            chair=self.chair,
            selection=_seed_001_selection(self.selection),
            cap=self.cap,
        )


def _default_networks() -> tuple[ThemeNetwork, ...]:
    return (
        ThemeNetwork(id="children-families"),
        ThemeNetwork(id="mental-health-substance-abuse"),
        ThemeNetwork(id="older-people"),
        ThemeNetwork(id="disability-long-term-illness"),
        ThemeNetwork(id="multi-sector", catch_all=True),
    )


def _default_official_seats() -> tuple[OfficialSeat, ...]:
    return (
        OfficialSeat(
            id="wellbeing-area-contact",
            role=Role.WELLBEING_AREA_OFFICIAL,
            label="wellbeing area's NGO contact person",
        ),
        OfficialSeat(
            id="municipal-contacts",
            role=Role.MUNICIPAL_OFFICIAL,
            label="municipalities' NGO contact persons",
            seats=IntRange(min=1, max=None),
        ),
    )


#: The seat group of `KU-4` item 4, "experts invited as needed".
EXPERTS_GROUP = "invited-experts"


@attrs.frozen(kw_only=True)
class ThemeNetworkCouncil(_Common):
    """A council fed by theme networks with work pairs (`KU-1` … `KU-14`).

    As seed 002 has it: a convener and a secretary (`KU-6`) and no chair unless
    ``chair`` says so; the pair substitute for each other (`KU-7`); experts invited
    as needed (`KU-4` item 4, ``experts``; they do not vote unless
    ``experts_vote``); the recommended 10–12 members (`KU-12`) counts the network
    representatives (a decision: 5–6 networks of two).
    """

    kind: ClassVar[str] = "theme_network_council"
    networks: tuple[ThemeNetwork, ...] = attrs.field(factory=_default_networks)
    representatives_per_network: int = 2
    pairs: PairPolicy = PairPolicy(
        mixes=(
            (Role.NGO_EMPLOYEE, Role.EXPERIENCE_EXPERT),
            (Role.FEDERATION_REPRESENTATIVE, Role.VOLUNTEER),
        )
    )
    official_seats: tuple[OfficialSeat, ...] = attrs.field(factory=_default_official_seats)
    experts: IntRange = IntRange(min=0, max=None)
    experts_vote: bool = False
    convener: str = "regional NGO umbrella association with the integration director"
    secretary: str = "regional NGO umbrella association"
    chair: ChairPolicy | None = None
    selection: SelectionPolicy = SelectionPolicy(
        authority=Authority.THEME_NETWORKS, open_registration=True, continuous_joining=True
    )
    term: TermPolicy | None = TermPolicy(
        mode=TermMode.FIXED, months=24, first_term_months=(12, 24)
    )  # KU-5
    # fee: not stated — seed 002 says fees and compensation are still to be looked into
    meetings: MeetingPolicy = MeetingPolicy(
        per_year=IntRange(min=10, max=12), network_meetings_per_year=6, network_meeting_hours=2.0
    )
    recommended_size: IntRange | None = IntRange(min=10, max=12)
    recommended_size_of: frozenset[SeatSource] = frozenset({SeatSource.NETWORK})
    required_functions: tuple[RequiredFunction, ...] = (
        RequiredFunction(function="convener"),  # KU-6
        RequiredFunction(function="secretary"),  # KU-6
    )

    def as_general(self) -> GeneralRuleSet:
        """The council as a :class:`GeneralRuleSet`: a pair per network plus `KU-4` seats."""
        n = self.representatives_per_network
        groups = (
            tuple(
                SeatGroup(
                    id=net.id,
                    source=SeatSource.NETWORK,
                    network=net.id,
                    seats=IntRange(min=n, max=n),
                    rule="KU-4",
                )
                for net in self.networks
            )
            + tuple(
                SeatGroup(
                    id=o.id,
                    source=SeatSource.OFFICIAL,
                    label=o.label,
                    seats=o.seats,
                    need=o.need,
                    role=o.role,
                    rule="KU-4",
                )
                for o in self.official_seats
            )
            + (
                SeatGroup(
                    id=EXPERTS_GROUP,
                    source=SeatSource.EXPERT,
                    label="experts invited as needed",
                    seats=self.experts,
                    voting=self.experts_vote,
                    rule="KU-4",
                ),
            )
        )
        return GeneralRuleSet(
            **_common_fields(self),
            categories=(),
            seat_groups=groups,
            deputies=DeputyPolicy(mode=DeputyMode.PAIR),
            pairs=self.pairs,
            chair=self.chair,
            selection=self.selection,
        )


_COMMON_NAMES = tuple(a.name for a in attrs.fields(_Common))


def _common_fields(rs: _Common) -> dict[str, Any]:
    return {name: getattr(rs, name) for name in _COMMON_NAMES}


def _seed_001_fields(rs: _Common) -> dict[str, Any]:
    """The common fields of a seed-001 body, with the workshops' diversity wishes
    (`WS-7` volunteer-run, `WS-4` two size classes) where the rule set leaves them out."""
    fields = _common_fields(rs)
    div = rs.diversity
    fields["diversity"] = attrs.evolve(
        div,
        volunteer_run=True if div.volunteer_run is None else div.volunteer_run,
        min_size_classes=2 if div.min_size_classes is None else div.min_size_classes,
    )
    return fields


def _seed_001_selection(sel: SelectionPolicy) -> SelectionPolicy:
    """A seed-001 body's selection: party politics kept out (`WS-1`) and one seat per
    organisation (`FC-9`, `WS-7`) where the rule set leaves them out."""
    return attrs.evolve(
        sel,
        party_political_ties=sel.party_political_ties or PartyTies.FORBIDDEN,
        one_seat_per_organisation=(
            True if sel.one_seat_per_organisation is None else sel.one_seat_per_organisation
        ),
    )


RuleSet: TypeAlias = GeneralRuleSet | FormalCommittee | OpenForum | ThemeNetworkCouncil
"""Any rule-set kind (a tagged union on ``kind``)."""

#: Rule-set classes by their ``kind`` tag: the one list of rule-set kinds, which the
#: door (:data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`), JSON Schema and the Hypothesis
#: strategies read.
KINDS: dict[str, type[RuleSet]] = {
    cls.kind: cls for cls in (GeneralRuleSet, FormalCommittee, OpenForum, ThemeNetworkCouncil)
}
