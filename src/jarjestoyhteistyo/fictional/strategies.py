"""Hypothesis strategies for rule sets, organisations and compositions.

Install the ``hypothesis`` extra to use this module; nothing else in the package
imports it. Every function returns a strategy and takes keyword-only arguments.
Cross-field rules are satisfied *by construction* (``st.composite``), never by
filtering, and ``st.from_type`` is not used because it ignores attrs validators.

* :func:`rule_sets` draws rule sets that pass :func:`~jarjestoyhteistyo.check`
  (warnings and info allowed, no errors), of one kind or of any kind;
* :func:`any_rule_sets` draws structurally typed rule sets that may break any rule,
  for fuzzing;
* :func:`compositions_for` draws compositions that pass
  :func:`~jarjestoyhteistyo.validate` against a given rule set;
* :func:`broken_compositions` draws a valid composition with one rule broken, with
  the finding code :func:`~jarjestoyhteistyo.validate` must report for it (built by
  :func:`jarjestoyhteistyo.fictional.generate.generate` from a drawn seed);
* :func:`roadmaps` draws roadmap documents (`RM-1` … `RM-7`) whose
  :func:`~jarjestoyhteistyo.analysis.roadmap.check_document` reports no error.

After installation the package registers type strategies with Hypothesis (the
``hypothesis`` entry point, :mod:`jarjestoyhteistyo.fictional._hypothesis_setup`), so
``st.from_type(Organisation)`` draws from :func:`organisations`.

Generated text is fictional and holds no personal data: people are described by
their role only.

>>> from jarjestoyhteistyo.fictional.strategies import compositions_for, rule_sets
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> s = rule_sets(kind="formal_committee")
>>> c = compositions_for(FormalCommittee(name="Example body", area="Example area"))
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.fictional.generate import breakable, generate
from jarjestoyhteistyo.model.categories import PRH_CATEGORIES, Category, Labels
from jarjestoyhteistyo.model.composition import (
    Composition,
    Function,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
)
from jarjestoyhteistyo.model.roadmap import (
    ActionArea,
    BindingTarget,
    Goal,
    Level,
    Measure,
    Measurement,
    Metric,
    MetricKind,
    Milestone,
    MilestoneItem,
    Plan,
    Roadmap,
    RoadmapDocument,
    Snapshot,
    Status,
    measure_ref,
)
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    Authority,
    ChairMode,
    ChairPolicy,
    Council,
    Criterion,
    DeputyMode,
    DeputyPolicy,
    DiversityPolicy,
    FeePolicy,
    FormalCommittee,
    GeneralRuleSet,
    IntRange,
    MeetingPolicy,
    Need,
    OfficialSeat,
    OpenForum,
    PairPolicy,
    PartyTies,
    RuleSet,
    SeatGroup,
    SeatSource,
    SelectionPolicy,
    Swot,
    TermMode,
    TermPolicy,
    ThemeNetwork,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.selection import Registration

__all__ = [
    "KIND_NAMES",
    "any_rule_sets",
    "broken_compositions",
    "categories",
    "compositions_for",
    "organisations",
    "people",
    "registrations",
    "roadmaps",
    "rule_sets",
]

#: The rule-set kinds :func:`rule_sets` accepts for ``kind`` (the ``kind:`` tags of
#: :data:`~jarjestoyhteistyo.model.rulesets.KINDS`).
KIND_NAMES: tuple[str, ...] = tuple(KINDS)

#: Roles of people who represent an NGO (`KU-7` work pairs mix these).
NGO_ROLES: tuple[Role, ...] = (
    Role.NGO_EMPLOYEE,
    Role.EXPERIENCE_EXPERT,
    Role.VOLUNTEER,
    Role.FEDERATION_REPRESENTATIVE,
)

_PRH_CODES = tuple(c.code for c in PRH_CATEGORIES)
# Facts a selection criterion may look at; none of them is party-political (WS-1).
_CRITERION_FACTS = (
    "categories",
    "description",
    "size",
    "languages",
    "volunteer_run",
    "municipalities",
    "networks",
    "groups",
)
_NOMINATORS = ("theme-network", "registration", "umbrella-association", "committee-proposal")
_LANGUAGES = ("fi", "sv", "en", "se", "ru", "so", "ar")
_MUNICIPALITIES = ("north-town", "south-town", "lake-village", "river-city", "hill-parish")
_TITLE_WORDS = (
    "NGO",
    "council",
    "forum",
    "network",
    "wellbeing",
    "area",
    "cooperation",
    "body",
    "association",
    "Järjestö",
    "yhteistyö",
    "förening",
    "Åland-style",
    "pilot",
)


# ------------------------------------------------------------------- small parts
def _slugs() -> st.SearchStrategy[str]:
    """Identifiers such as ``older-people-2``: lower-case words joined by hyphens."""
    word = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=8)
    return st.builds(
        lambda ws, n: "-".join(ws) + (f"-{n}" if n else ""),
        st.lists(word, min_size=1, max_size=3),
        st.integers(min_value=0, max_value=9),
    )


def _titles() -> st.SearchStrategy[str]:
    """Short fictional titles made of domain words (no personal data)."""
    return st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=4).map(" ".join)


def _sentences() -> st.SearchStrategy[str]:
    """Free text that reads back from YAML and JSON as the same string."""
    return st.from_regex(r"[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9 ,.'()–-]{0,40}", fullmatch=True)


def _unique_slugs(*, min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_slugs(), min_size=min_size, max_size=max_size, unique=True)


def _labels() -> st.SearchStrategy[Labels]:
    return st.builds(Labels, fi=_titles(), sv=_titles(), en=_titles())


def categories() -> st.SearchStrategy[Category]:
    """Association categories (`FC-4`) with a slug code and labels in fi, sv and en.

    >>> s = categories()
    """
    return st.builds(Category, code=_slugs(), labels=_labels())


def _category_tuples() -> st.SearchStrategy[tuple[Category, ...]]:
    """Either the eight PRH categories or 1–5 custom ones with distinct codes."""
    custom = st.lists(categories(), min_size=1, max_size=5, unique_by=lambda c: c.code).map(tuple)
    return st.one_of(st.just(PRH_CATEGORIES), custom)


def people(*, roles: Sequence[Role] | None = None) -> st.SearchStrategy[Person]:
    """People described by their :class:`~jarjestoyhteistyo.model.composition.Role` only.

    ``roles`` limits the roles drawn (default: every role). Names and contact
    details are never generated: they would be personal data.

    >>> s = people(roles=[Role.VOLUNTEER])
    """
    pool = tuple(roles) if roles is not None else tuple(Role)
    return st.builds(Person, role=st.sampled_from(pool))


def organisations(
    *,
    categories: Sequence[str] = _PRH_CODES,
    networks: Sequence[str] = (),
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organisation]:
    """Organisations (NGOs) belonging to one or more of ``categories`` (`WS-7`).

    An organisation with several categories is multi-sector. ``networks`` are
    theme networks (`KU-10`) it may belong to. ``ids`` draws the id (default: a
    slug).

    >>> s = organisations(categories=["pensioners", "older-people"])
    """
    codes = tuple(categories)
    nets = tuple(networks)
    cat_sets = (
        st.frozensets(st.sampled_from(codes), min_size=1, max_size=min(3, len(codes)))
        if codes
        else st.just(frozenset[str]())
    )
    net_sets = (
        st.frozensets(st.sampled_from(nets), max_size=min(2, len(nets)))
        if nets
        else st.just(frozenset[str]())
    )
    return st.builds(
        Organisation,
        id=ids if ids is not None else _slugs(),
        name=_titles(),
        categories=cat_sets,
        size=st.sampled_from(SizeClass),
        languages=st.frozensets(st.sampled_from(_LANGUAGES), min_size=1, max_size=3),
        volunteer_run=st.booleans(),
        municipalities=st.frozensets(st.sampled_from(_MUNICIPALITIES), max_size=2),
        umbrella=st.booleans(),
        service_provider=st.booleans(),
        networks=net_sets,
        groups=st.frozensets(st.sampled_from(("multilingual", "multicultural", "women"))),
    )


# ---------------------------------------------------------------- valid policies
def _ranges(
    *, min_lo: int = 0, min_hi: int = 3, span: int = 3, unbounded: bool = True
) -> st.SearchStrategy[IntRange]:
    """Consistent ranges: ``min_lo ≤ min ≤ min_hi`` and ``max`` ≥ ``min`` or ``None``."""

    @st.composite
    def build(draw: st.DrawFn) -> IntRange:
        lo = draw(st.integers(min_value=min_lo, max_value=min_hi))
        if unbounded and draw(st.booleans()):
            return IntRange(min=lo, max=None)
        return IntRange(min=lo, max=lo + draw(st.integers(min_value=0, max_value=span)))

    return build()


def _hours() -> st.SearchStrategy[float]:
    """Hours in quarter hours (0–8 h), as people write them."""
    return st.integers(min_value=0, max_value=32).map(lambda q: q / 4)


def _meetings() -> st.SearchStrategy[MeetingPolicy]:
    return st.builds(
        MeetingPolicy,
        per_year=_ranges(min_lo=0, min_hi=12, span=6),
        hours=_hours(),
        preparation_hours=_hours(),
        network_meetings_per_year=st.integers(min_value=0, max_value=12),
        network_meeting_hours=_hours(),
        agreed_jointly=st.booleans(),
    )


@st.composite
def _terms(draw: st.DrawFn) -> TermPolicy:
    """Term policies without an impossible term (`FC-12`, `FC-13`, `KU-5`)."""
    max_months = draw(st.integers(min_value=12, max_value=60))
    mode = draw(st.sampled_from(TermMode))
    months: int | None = None
    fraction: float | None = None
    start: date | None = None
    end: date | None = None
    if mode is TermMode.FIXED:
        months = draw(st.integers(min_value=1, max_value=max_months))
    elif mode is TermMode.COUNCIL_FRACTION:
        fraction = draw(st.sampled_from((0.25, 0.5, 0.75, 1.0)))
    elif mode is TermMode.FIXED_DATES:
        start = draw(st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31)))
        end = date.fromordinal(start.toordinal() + draw(st.integers(1, 4 * 366)))
    first = draw(st.lists(st.integers(min_value=1, max_value=max_months), max_size=2).map(tuple))
    return TermPolicy(
        mode=mode,
        months=months,
        council=draw(st.sampled_from(Council)),
        fraction=fraction,
        start=start,
        end=end,
        first_term_months=first,
        first_term_end=draw(st.none() | st.dates(date(2023, 1, 1), date(2030, 12, 31))),
        rotation=draw(st.sampled_from((0.25, 1 / 3, 0.5, 1.0))),
        max_consecutive_person=draw(st.none() | st.integers(min_value=1, max_value=4)),
        max_consecutive_organisation=draw(st.none() | st.integers(min_value=1, max_value=4)),
        max_months=max_months,
    )


def _criteria() -> st.SearchStrategy[tuple[Criterion, ...]]:
    """Selection criteria that never use party-political affiliation (`WS-1`)."""
    crit = st.builds(
        Criterion,
        id=st.sampled_from(_CRITERION_FACTS).map(lambda f: f"by-{f.replace('_', '-')}"),
        text=_sentences(),
        uses=st.frozensets(st.sampled_from(_CRITERION_FACTS), max_size=3),
    )
    return st.lists(crit, max_size=3, unique_by=lambda c: c.id).map(tuple)


def _selection(
    *, authorities: Sequence[Authority] = tuple(Authority)
) -> st.SearchStrategy[SelectionPolicy]:
    return st.builds(
        SelectionPolicy,
        authority=st.sampled_from(tuple(authorities)),
        open_registration=st.booleans(),
        continuous_joining=st.booleans(),
        criteria=_criteria(),
        criteria_only_when_oversubscribed=st.booleans(),
        party_political_ties=st.just(PartyTies.FORBIDDEN),
        one_seat_per_organisation=st.booleans(),
    )


def _diversity() -> st.SearchStrategy[DiversityPolicy]:
    return st.builds(
        DiversityPolicy,
        need=st.sampled_from(Need),
        volunteer_run=st.booleans(),
        languages=st.frozensets(st.sampled_from(("sv", "en", "se")), max_size=2),
        min_size_classes=st.integers(min_value=0, max_value=3),
    )


def _swot() -> st.SearchStrategy[Swot]:
    items = st.lists(_sentences(), max_size=2).map(tuple)
    return st.builds(Swot, strengths=items, weaknesses=items, opportunities=items, threats=items)


@st.composite
def _common(draw: st.DrawFn) -> dict[str, Any]:
    """The fields every kind shares, all consistent (`FC-11`, `FC-12`, `WS-1`)."""
    return {
        "name": draw(_titles()),
        "area": draw(_titles()),
        "description": draw(st.just("") | _sentences()),
        "parent_organ": draw(st.none() | _titles()),
        "tasks": tuple(draw(st.lists(_sentences(), max_size=3))),
        "swot": draw(_swot()),
        "term": draw(_terms()),
        "meetings": draw(_meetings()),
        "fee": draw(st.sampled_from(FeePolicy)),
        "mid_term_changes": draw(st.none() | st.sampled_from(Authority)),
        "statutory_duties": False,
        "time_budget_hours_per_year": draw(
            st.none() | st.integers(min_value=0, max_value=800).map(lambda h: h / 2)
        ),
        "recommended_size": draw(st.none() | _ranges(min_lo=0, min_hi=12, span=10)),
        "required_municipalities": draw(
            st.frozensets(st.sampled_from(_MUNICIPALITIES), max_size=2)
        ),
        "diversity": draw(_diversity()),
    }


def _deputies(
    *, modes: Sequence[DeputyMode] = tuple(DeputyMode)
) -> st.SearchStrategy[DeputyPolicy]:
    return st.builds(
        DeputyPolicy,
        mode=st.sampled_from(tuple(modes)),
        same_category=st.sampled_from(Need),
        different_organisation=st.sampled_from(Need),
    )


_MIXES = tuple((a, b) for i, a in enumerate(NGO_ROLES) for b in NGO_ROLES[i:])


def _pairs() -> st.SearchStrategy[PairPolicy]:
    return st.builds(
        PairPolicy,
        mixes=st.lists(st.sampled_from(_MIXES), max_size=3, unique=True).map(tuple),
        need=st.sampled_from(Need),
    )


def _fit_diversity(common: dict[str, Any], ngo_seats: int) -> dict[str, Any]:
    """Lower a *required* number of size classes to what the NGO seats can hold."""
    div: DiversityPolicy = common["diversity"]
    if div.need is Need.REQUIRED and div.min_size_classes > ngo_seats:
        common["diversity"] = DiversityPolicy(
            need=div.need,
            volunteer_run=div.volunteer_run,
            languages=div.languages,
            min_size_classes=ngo_seats,
        )
    return common


# ------------------------------------------------------------------ valid kinds
@st.composite
def _formal_committees(draw: st.DrawFn) -> FormalCommittee:
    """Formal bodies (`FC-1` … `FC-16`) that pass :func:`check`."""
    cats = draw(_category_tuples())
    per_category = draw(st.integers(min_value=1, max_value=3))
    return FormalCommittee(
        **_fit_diversity(draw(_common()), len(cats) * per_category),
        categories=cats,
        members_per_category=per_category,
        committee_members=draw(_ranges(min_lo=1, min_hi=2, span=1)),
        deputies=draw(_deputies()),
        chair=draw(
            st.builds(
                ChairPolicy,
                mode=st.sampled_from([m for m in ChairMode if m is not ChairMode.NONE]),
                vice_chair=st.booleans(),
                procedure_recorded=st.booleans(),
            )
        ),
        selection=draw(
            _selection(
                authorities=(
                    Authority.EXECUTIVE_BOARD,
                    Authority.COMMITTEE,
                    Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
                )
            )
        ),
    )


@st.composite
def _open_forums(draw: st.DrawFn) -> OpenForum:
    """Open forums (`OF-1` … `OF-10`) that pass :func:`check`."""
    selection = draw(_selection(authorities=(Authority.OPEN_REGISTRATION,)))
    selection = SelectionPolicy(
        authority=selection.authority,
        open_registration=True,  # OF-3, OF-4
        continuous_joining=selection.continuous_joining,
        criteria=selection.criteria,
        criteria_only_when_oversubscribed=True,  # OF-3
        party_political_ties=PartyTies.FORBIDDEN,
        one_seat_per_organisation=selection.one_seat_per_organisation,
    )
    cap = draw(st.integers(min_value=1, max_value=30))
    return OpenForum(
        **_fit_diversity(draw(_common()), cap),
        categories=draw(_category_tuples()),
        cap=cap,
        coordinator=draw(_titles()),
        committee_members=draw(_ranges(min_lo=0, min_hi=3, span=2)),
        chair=ChairPolicy(mode=ChairMode.NONE, vice_chair=False),  # OF-5
        deputies=draw(_deputies()),
        selection=selection,
    )


@st.composite
def _councils(draw: st.DrawFn) -> ThemeNetworkCouncil:
    """Theme-network councils (`KU-1` … `KU-14`) that pass :func:`check`."""
    net_ids = draw(_unique_slugs(min_size=1, max_size=6))
    networks = tuple(
        ThemeNetwork(
            id=n,
            label=draw(st.none() | _labels()),
            open=draw(st.booleans()),
            catch_all=draw(st.booleans()),
        )
        for n in net_ids
    )
    official_roles = draw(
        st.lists(
            st.sampled_from(
                (Role.MUNICIPAL_OFFICIAL, Role.SECTOR_REPRESENTATIVE, Role.INVITED_EXPERT)
            ),
            max_size=2,
        )
    )
    roles = [Role.WELLBEING_AREA_OFFICIAL, *official_roles]  # KU-4
    # seat ids differ from network ids: both become seat groups of one body
    seat_ids = draw(
        st.lists(
            _slugs().filter(lambda x: x not in net_ids),
            min_size=len(roles),
            max_size=len(roles),
            unique=True,
        )
    )
    officials = tuple(
        OfficialSeat(
            id=seat_id,
            role=role,
            label=draw(_titles()),
            # the wellbeing area's contact person always has a seat (KU-4)
            seats=draw(_ranges(min_lo=int(role is Role.WELLBEING_AREA_OFFICIAL), min_hi=2, span=2)),
            need=draw(st.sampled_from(Need)),
        )
        for seat_id, role in zip(seat_ids, roles, strict=True)
    )
    per_network = draw(st.integers(min_value=1, max_value=3))
    return ThemeNetworkCouncil(
        **_fit_diversity(draw(_common()), len(networks) * per_network),
        networks=networks,
        representatives_per_network=per_network,
        pairs=draw(_pairs()),
        official_seats=officials,
        convener=draw(st.just("") | _titles()),
        secretary=draw(st.just("") | _titles()),
        chair=draw(st.builds(ChairPolicy, mode=st.sampled_from(ChairMode))),
        selection=draw(_selection()),
    )


_ROLE_OF_SOURCE: dict[SeatSource, tuple[Role | None, ...]] = {
    SeatSource.CATEGORY: (None, None, Role.VOLUNTEER),
    SeatSource.NETWORK: (None,),
    SeatSource.OPEN: (None, None, Role.NGO_EMPLOYEE),
    SeatSource.COMMITTEE: (Role.ELECTED_MEMBER, None),
    SeatSource.OFFICIAL: (Role.WELLBEING_AREA_OFFICIAL, Role.MUNICIPAL_OFFICIAL, None),
    SeatSource.SECTOR: (Role.SECTOR_REPRESENTATIVE, None),
    SeatSource.EXPERT: (Role.INVITED_EXPERT, None),
}
_NGO_SOURCES = (SeatSource.CATEGORY, SeatSource.NETWORK, SeatSource.OPEN)


@st.composite
def _generals(draw: st.DrawFn) -> GeneralRuleSet:
    """General rule sets that pass :func:`check` and admit a valid composition.

    The first seat group is always an NGO group with room for at least three
    organisations, so a chair, a vice-chair and the diversity wishes fit.
    """
    cats = draw(_category_tuples())
    codes = [c.code for c in cats]
    n_groups = draw(st.integers(min_value=1, max_value=5))
    ids = draw(_unique_slugs(min_size=n_groups, max_size=n_groups))
    groups: list[SeatGroup] = []
    for i, gid in enumerate(ids):
        source = (
            draw(st.sampled_from(_NGO_SOURCES)) if i == 0 else draw(st.sampled_from(SeatSource))
        )
        seats = draw(_ranges(min_lo=0, min_hi=2, span=3)) if i else IntRange(min=0, max=None)
        if i == 0 and draw(st.booleans()):
            seats = IntRange(min=draw(st.integers(0, 3)), max=draw(st.integers(3, 6)))
        eligible: frozenset[str] = frozenset()
        if source is SeatSource.CATEGORY:
            eligible = draw(st.frozensets(st.sampled_from(codes), min_size=1, max_size=3))
        groups.append(
            SeatGroup(
                id=gid,
                source=source,
                label=draw(_titles()),
                seats=seats,
                need=draw(st.sampled_from(Need)),
                categories=eligible,
                network=gid if source is SeatSource.NETWORK else None,
                role=draw(st.sampled_from(_ROLE_OF_SOURCE[source])),
                rule=draw(st.sampled_from(("", "FC-5", "KU-4", "OF-3", "GEN-1"))),
            )
        )
    deputies = draw(_deputies())
    pairs = draw(st.none() | _pairs())
    if deputies.mode is DeputyMode.PAIR and pairs is None:
        pairs = PairPolicy()
    cap = draw(st.none() | st.integers(min_value=3, max_value=30))
    return GeneralRuleSet(
        **draw(_common()),
        categories=cats,
        seat_groups=tuple(groups),
        deputies=deputies,
        pairs=pairs,
        chair=draw(st.builds(ChairPolicy, mode=st.sampled_from(ChairMode))),
        selection=draw(_selection()),
        cap=cap,
    )


_BY_CLASS: dict[type[RuleSet], st.SearchStrategy[Any]] = {
    FormalCommittee: _formal_committees(),
    OpenForum: _open_forums(),
    ThemeNetworkCouncil: _councils(),
    GeneralRuleSet: _generals(),
}


def rule_sets(*, kind: str | None = None) -> st.SearchStrategy[RuleSet]:
    """Rule sets that pass :func:`~jarjestoyhteistyo.check` (no errors).

    ``kind`` is a tag of :data:`~jarjestoyhteistyo.model.rulesets.KINDS` (``formal_committee``,
    ``open_forum``, ...); ``None`` draws any kind. Warnings and
    info findings may occur (a body may, say, choose its chair by election), errors
    never do. Every drawn rule set admits a valid composition
    (:func:`compositions_for`).

    >>> s = rule_sets(kind="open_forum")
    """
    if kind is None:
        return st.one_of(*(_BY_CLASS[cls] for cls in KINDS.values()))
    if kind not in KINDS:
        raise GenerateError(f"unknown kind {kind!r}; expected one of {', '.join(KIND_NAMES)}")
    strategy: st.SearchStrategy[RuleSet] = _BY_CLASS[KINDS[kind]]
    return strategy


# ---------------------------------------------------------------- any rule sets
def _any_text() -> st.SearchStrategy[str]:
    return st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


def _any_ranges() -> st.SearchStrategy[IntRange]:
    ints = st.integers(min_value=-3, max_value=40)
    return st.builds(IntRange, min=ints, max=st.none() | ints)


def _any_floats() -> st.SearchStrategy[float]:
    return st.floats(min_value=-10, max_value=1e4, allow_nan=False, allow_infinity=False)


def _any_common() -> dict[str, st.SearchStrategy[Any]]:
    ints = st.integers(min_value=-3, max_value=100)
    return {
        "name": _any_text(),
        "area": _any_text(),
        "description": _any_text(),
        "tasks": st.lists(_any_text(), max_size=2).map(tuple),
        "term": st.builds(
            TermPolicy,
            mode=st.sampled_from(TermMode),
            months=st.none() | ints,
            fraction=st.none() | st.floats(-1, 2, allow_nan=False),
            start=st.none() | st.dates(),
            end=st.none() | st.dates(),
            first_term_months=st.lists(ints, max_size=3).map(tuple),
            rotation=st.floats(-1, 2, allow_nan=False),
            max_consecutive_person=st.none() | ints,
            max_consecutive_organisation=st.none() | ints,
            max_months=ints,
        ),
        "meetings": st.builds(
            MeetingPolicy,
            per_year=_any_ranges(),
            hours=_any_floats(),
            preparation_hours=_any_floats(),
            network_meetings_per_year=ints,
            network_meeting_hours=_any_floats(),
        ),
        "fee": st.sampled_from(FeePolicy),
        "mid_term_changes": st.none() | st.sampled_from(Authority),
        "statutory_duties": st.booleans(),
        "time_budget_hours_per_year": st.none() | _any_floats(),
        "recommended_size": st.none() | _any_ranges(),
        "required_municipalities": st.frozensets(_any_text(), max_size=2),
        "diversity": st.builds(
            DiversityPolicy,
            need=st.sampled_from(Need),
            languages=st.frozensets(_any_text(), max_size=2),
            min_size_classes=ints,
        ),
    }


def _any_selection() -> st.SearchStrategy[SelectionPolicy]:
    return st.builds(
        SelectionPolicy,
        authority=st.sampled_from(Authority),
        open_registration=st.booleans(),
        criteria=st.lists(
            st.builds(
                Criterion,
                id=_any_text().filter(str.strip) | st.just("party affiliation"),
                text=_any_text(),
                uses=st.frozensets(_any_text(), max_size=2),
            ),
            max_size=3,
        ).map(tuple),
        criteria_only_when_oversubscribed=st.booleans(),
        party_political_ties=st.sampled_from(PartyTies),
        one_seat_per_organisation=st.booleans(),
    )


def _any_ids() -> st.SearchStrategy[str]:
    return st.sampled_from(("a", "b", "child-family", "pensioners", "x y"))


def any_rule_sets() -> st.SearchStrategy[RuleSet]:
    """Structurally typed rule sets of any kind that may break any rule (fuzzing).

    Numbers may be negative or inconsistent, ids may repeat, a criterion may be
    party-political, an open forum may have a chair. Use it to test that your
    tool survives what :func:`~jarjestoyhteistyo.check` reports.

    >>> s = any_rule_sets()
    """
    common = _any_common()
    chair = st.builds(ChairPolicy, mode=st.sampled_from(ChairMode), vice_chair=st.booleans())
    deputies = st.builds(
        DeputyPolicy,
        mode=st.sampled_from(DeputyMode),
        same_category=st.sampled_from(Need),
        different_organisation=st.sampled_from(Need),
    )
    cats = st.one_of(
        st.just(PRH_CATEGORIES),
        st.lists(st.builds(Category, code=_any_ids(), labels=_labels()), max_size=4).map(tuple),
    )
    formal = st.builds(
        FormalCommittee,
        **common,
        categories=cats,
        members_per_category=st.integers(-1, 5),
        committee_members=_any_ranges(),
        deputies=deputies,
        chair=chair,
        selection=_any_selection(),
    )
    forum = st.builds(
        OpenForum,
        **common,
        categories=cats,
        cap=st.integers(-2, 40),
        committee_members=_any_ranges(),
        deputies=deputies,
        chair=chair,
        selection=_any_selection(),
    )
    council = st.builds(
        ThemeNetworkCouncil,
        **common,
        networks=st.lists(
            st.builds(ThemeNetwork, id=_any_ids(), open=st.booleans(), catch_all=st.booleans()),
            max_size=4,
        ).map(tuple),
        representatives_per_network=st.integers(-1, 4),
        pairs=_pairs(),
        official_seats=st.lists(
            st.builds(OfficialSeat, id=_any_ids(), role=st.sampled_from(Role), seats=_any_ranges()),
            max_size=3,
        ).map(tuple),
        convener=_any_text(),
        secretary=_any_text(),
        chair=chair,
        selection=_any_selection(),
    )
    general = st.builds(
        GeneralRuleSet,
        **common,
        categories=cats,
        seat_groups=st.lists(
            st.builds(
                SeatGroup,
                id=_any_ids(),
                source=st.sampled_from(SeatSource),
                seats=_any_ranges(),
                need=st.sampled_from(Need),
                categories=st.frozensets(_any_ids(), max_size=2),
                network=st.none() | _any_ids(),
                role=st.none() | st.sampled_from(Role),
            ),
            max_size=4,
        ).map(tuple),
        deputies=deputies,
        pairs=st.none() | _pairs(),
        chair=chair,
        selection=_any_selection(),
        cap=st.none() | st.integers(-2, 40),
    )
    return st.one_of(formal, forum, council, general)


# ------------------------------------------------------------------ compositions
class _Plan:
    """Per-group seat counts worked out before anything is drawn for the seats."""

    def __init__(self, rules: GeneralRuleSet) -> None:
        self.rules = rules
        self.groups = rules.seat_groups

    def upper(self, g: SeatGroup) -> int | None:
        """The most holders the group takes without an error (``None``: no limit)."""
        if g.source is SeatSource.OPEN and self.rules.cap is not None:
            return self.rules.cap if g.seats.max is None else min(self.rules.cap, g.seats.max)
        return g.seats.max

    def needs(self) -> tuple[int, int]:
        """(non-deputy seats needed for the chair, NGO organisations for diversity)."""
        r = self.rules
        chair = 0 if r.chair.mode is ChairMode.NONE else 1 + int(r.chair.vice_chair)
        div = r.diversity
        orgs = div.min_size_classes if div.need is Need.REQUIRED else 0
        return chair, max(orgs, 1 if r.required_municipalities else 0)


def _feasible(rules: GeneralRuleSet) -> None:
    plan = _Plan(rules)
    chair, orgs = plan.needs()
    if rules.diversity.need is Need.REQUIRED and rules.diversity.min_size_classes > len(SizeClass):
        raise GenerateError(
            f"diversity requires {rules.diversity.min_size_classes} size classes;"
            f" there are only {len(SizeClass)}"
        )
    uppers = [plan.upper(g) for g in rules.seat_groups]
    if None not in uppers and sum(u or 0 for u in uppers) < chair:
        raise GenerateError("the seat groups have no room for a chair and vice-chair (FC-7)")
    ngo = [plan.upper(g) for g in rules.seat_groups if g.source in _NGO_SOURCES]
    if orgs and None not in ngo and sum(n or 0 for n in ngo) < orgs:
        raise GenerateError("the NGO seat groups have no room for the required diversity (WS-7)")


def compositions_for(rules: RuleSet, *, vacancies: bool = False) -> st.SearchStrategy[Composition]:
    """Compositions that pass :func:`~jarjestoyhteistyo.validate` against ``rules``.

    Seats follow ``rules.as_general().seat_groups``: each group gets between its
    minimum and maximum holders (the cap for open groups, `OF-3`); NGO seats are
    held by distinct organisations of an eligible category (`FC-4`) or network
    (`KU-10`), some of them multi-sector (`WS-7`); personal deputies come from
    other organisations of the member's category (`FC-8`, `FC-9`, `FC-10`); work
    pairs mix roles per ``pairs.mixes`` (`KU-7`); official and committee seats
    have the required role (`KU-4`, `FC-6`); a chair and vice-chair are named
    where the chair policy needs them (`FC-7`) and never in an open forum
    (`OF-5`). With ``vacancies=True`` some NGO member seats are left vacant, which
    is a warning, never an error.

    Raises :class:`~jarjestoyhteistyo.errors.GenerateError` (a :class:`ValueError`)
    at once when no composition can satisfy ``rules`` (e.g. no room for a chair).
    Every rule set drawn from :func:`rule_sets` is satisfiable.

    >>> from jarjestoyhteistyo.model.rulesets import OpenForum
    >>> s = compositions_for(OpenForum(name="Forum", area="Example area"))
    """
    general = rules.as_general()
    _feasible(general)
    return _compositions(general, vacancies)


@st.composite
def _compositions(draw: st.DrawFn, rules: GeneralRuleSet, vacancies: bool) -> Composition:
    plan = _Plan(rules)
    chair_seats, min_orgs = plan.needs()
    all_codes = [c.code for c in rules.categories]

    # 1. how many holders each group gets
    counts: list[int] = []
    for g in rules.seat_groups:
        upper = plan.upper(g)
        lo = min(g.seats.min, upper) if upper is not None else g.seats.min
        hi = upper if upper is not None else lo + 3
        hi = min(hi, lo + 3)
        counts.append(draw(st.integers(min_value=lo, max_value=max(lo, hi))))

    def top_up(wanted: int, sources: tuple[SeatSource, ...] | None) -> None:
        have = sum(
            n
            for g, n in zip(rules.seat_groups, counts, strict=True)
            if sources is None or g.source in sources
        )
        for i, g in enumerate(rules.seat_groups):
            if have >= wanted:
                return
            if sources is not None and g.source not in sources:
                continue
            upper = plan.upper(g)
            room = wanted - have if upper is None else min(wanted - have, upper - counts[i])
            if room > 0:
                counts[i] += room
                have += room

    top_up(min_orgs, _NGO_SOURCES)
    top_up(chair_seats, None)

    organisations: list[Organisation] = []
    seats: list[Seat] = []

    def new_org(cats: frozenset[str], nets: frozenset[str]) -> str:
        k = len(organisations)
        extra = (
            draw(st.frozensets(st.sampled_from(all_codes), max_size=2))
            if all_codes
            else frozenset[str]()
        )
        organisations.append(
            Organisation(
                id=f"org-{k + 1}",
                name=f"Fictional association {k + 1}",
                categories=cats | extra,  # extra categories make it multi-sector (WS-7)
                size=tuple(SizeClass)[k % len(SizeClass)],
                languages=frozenset({"fi"}),
                volunteer_run=draw(st.booleans()),
                networks=nets,
                umbrella=draw(st.booleans()),
            )
        )
        return organisations[-1].id

    pair_mixes = rules.pairs.mixes if rules.pairs is not None else ()
    # vacancies may not take away the seats the chair and the diversity need
    planned_ngo = sum(
        n for g, n in zip(rules.seat_groups, counts, strict=True) if g.source in _NGO_SOURCES
    )
    spare_ngo, spare_all = planned_ngo - min_orgs, sum(counts) - chair_seats
    member_of: dict[str, SeatGroup] = {}
    for g, n in zip(rules.seat_groups, counts, strict=True):
        kind = {
            SeatSource.COMMITTEE: SeatKind.COMMITTEE,
            SeatSource.OFFICIAL: SeatKind.OFFICIAL,
            SeatSource.EXPERT: SeatKind.EXPERT,
        }.get(g.source, SeatKind.MEMBER)
        roles: list[Role] | None = None
        if (
            g.source is SeatSource.NETWORK
            and rules.pairs is not None
            and n == 2
            and g.role is None
            and pair_mixes
        ):
            mix = draw(st.sampled_from(pair_mixes))  # KU-7
            roles = list(draw(st.permutations(mix)))
        can_be_vacant = vacancies and (
            g.source in (SeatSource.CATEGORY, SeatSource.OPEN, SeatSource.SECTOR)
            or (g.source is SeatSource.NETWORK and rules.pairs is None)
        )
        for j in range(n):
            seat_id = f"{kind.value}-{len(seats) + 1}"
            ngo = g.source in _NGO_SOURCES
            if (
                can_be_vacant
                and spare_all > 0
                and (spare_ngo > 0 or not ngo)
                and draw(st.integers(0, 4)) == 0
            ):
                spare_all -= 1
                spare_ngo -= int(ngo)
                seats.append(Seat(id=seat_id, kind=kind, group=g.id))
                continue
            if g.role is not None:
                role = g.role
            elif roles is not None:
                role = roles[j]
            elif g.source in _NGO_SOURCES:
                role = draw(st.sampled_from(NGO_ROLES))
            else:
                role = {
                    SeatSource.COMMITTEE: Role.ELECTED_MEMBER,
                    SeatSource.OFFICIAL: Role.WELLBEING_AREA_OFFICIAL,
                    SeatSource.EXPERT: Role.INVITED_EXPERT,
                    SeatSource.SECTOR: Role.SECTOR_REPRESENTATIVE,
                }[g.source]
            org: str | None = None
            if g.source in _NGO_SOURCES:
                cats = (
                    frozenset({draw(st.sampled_from(sorted(g.eligible_categories)))})
                    if g.source is SeatSource.CATEGORY
                    else frozenset()
                )
                nets = frozenset({g.network}) if g.network is not None else frozenset()
                org = new_org(cats, nets)
            seats.append(
                Seat(
                    id=seat_id,
                    kind=kind,
                    group=g.id,
                    organisation=org,
                    person=Person(role=role),
                    nominated_by=draw(st.none() | st.sampled_from(_NOMINATORS)),
                )
            )
            if kind is SeatKind.MEMBER:
                member_of[seat_id] = g

    # 2. deputies (FC-8, FC-9, FC-10; none where the pair substitute, KU-7)
    mode = rules.deputies.mode
    ordered = mode is DeputyMode.ORDERED
    next_order: dict[str, int] = {}  # the next substitution number per group
    if mode not in (DeputyMode.NONE, DeputyMode.PAIR):
        for s in list(seats):
            mg = member_of.get(s.id)
            if mg is None or s.vacant or mg.source not in _NGO_SOURCES:
                continue
            if mode is not DeputyMode.PERSONAL and not draw(st.booleans()):
                continue  # optional, ordered or agreed: not every member has one
            cats = (
                frozenset({draw(st.sampled_from(sorted(mg.eligible_categories)))})
                if mg.source is SeatSource.CATEGORY
                else frozenset()
            )
            nets = frozenset({mg.network}) if mg.network is not None else frozenset()
            seats.append(
                Seat(
                    id=f"deputy-{len(seats) + 1}",
                    kind=SeatKind.DEPUTY,
                    group=mg.id,
                    organisation=new_org(cats, nets),
                    person=Person(role=draw(st.sampled_from(NGO_ROLES))),
                    # ordered deputies name their group and place instead of a member
                    deputy_of=None if ordered else s.id,
                    order=next_order.setdefault(mg.id, 1) if ordered else None,
                )
            )
            if ordered:
                next_order[mg.id] += 1

    # 3. diversity (WS-4, WS-7) and required municipalities
    if organisations:
        langs = sorted(rules.diversity.languages)
        fixed: list[Organisation] = []
        for k, o in enumerate(organisations):
            extra_langs = frozenset(
                lang for i, lang in enumerate(langs) if i % len(organisations) == k
            )
            fixed.append(
                attrs.evolve(
                    o,
                    languages=o.languages | extra_langs,
                    volunteer_run=o.volunteer_run or k == 0,
                    municipalities=frozenset(rules.required_municipalities)
                    if k == 0
                    else o.municipalities,
                )
            )
        organisations = fixed
    elif rules.required_municipalities:
        holders = [i for i, s in enumerate(seats) if s.kind is not SeatKind.DEPUTY and not s.vacant]
        for n_m, m in enumerate(sorted(rules.required_municipalities)):
            i = holders[n_m % len(holders)] if holders else None
            if i is None:
                break
            s = seats[i]
            seats[i] = attrs.evolve(seats[i], municipality=m)

    # 4. chair and vice-chair (FC-7); none in an open forum (OF-5)
    if rules.chair.mode is not ChairMode.NONE:
        holders = [i for i, s in enumerate(seats) if s.kind is not SeatKind.DEPUTY and not s.vacant]
        wanted = [Function.CHAIR] + ([Function.VICE_CHAIR] if rules.chair.vice_chair else [])
        picked = draw(
            st.lists(
                st.sampled_from(holders), min_size=len(wanted), max_size=len(wanted), unique=True
            )
        )
        for i, function in zip(picked, wanted, strict=True):
            s = seats[i]
            seats[i] = attrs.evolve(seats[i], functions=frozenset({function}))

    return Composition(
        name=draw(st.just("") | _titles()),
        as_of=draw(st.none() | st.dates(date(2023, 1, 1), date(2030, 12, 31))),
        organisations=tuple(organisations),
        seats=tuple(seats),
    )


# ------------------------------------------------------------ broken compositions
def broken_compositions(
    rules: RuleSet, *, codes: Sequence[str] | None = None
) -> st.SearchStrategy[tuple[Composition, str]]:
    """Pairs of (composition, expected finding code): a valid composition for ``rules``
    with exactly one rule broken, ready-made negative test cases.

    Each draw picks a code and a seed and calls
    :func:`jarjestoyhteistyo.fictional.generate.generate` with ``broken=code``;
    :func:`~jarjestoyhteistyo.validate` reports that code (at error or warning level,
    see :mod:`jarjestoyhteistyo.fictional.generate`) and no other error. ``codes`` limits the
    codes drawn (default: every code :func:`~jarjestoyhteistyo.fictional.generate.breakable`
    lists for ``rules``). Raises :class:`~jarjestoyhteistyo.errors.GenerateError` (a
    :class:`ValueError`) when there is none to break.

    >>> from jarjestoyhteistyo import load_preset
    >>> s = broken_compositions(load_preset("keski-uusimaa"), codes=["JY213"])
    """
    pool = tuple(codes) if codes is not None else breakable(rules)
    if not pool:
        raise GenerateError(f"no rule can be broken in the rule set {rules.name!r}")

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Composition, str]:
        first = draw(st.integers(min_value=0, max_value=len(pool) - 1))
        seed = draw(st.integers(min_value=0, max_value=2**32 - 1))
        # a rare rule set leaves no room for one code with one seed: try the others
        for k in range(len(pool)):
            code = pool[(first + k) % len(pool)]
            try:
                ex = generate(rules, seed=seed, broken=code)
            except GenerateError:
                continue
            assert ex.expected_code is not None
            return ex.composition, ex.expected_code
        reject()

    return build()


# ------------------------------------------------------------------------ roadmaps
_PHRASES = (
    "koko vuosi {y}",
    "kevät–syksy {y}",
    "syksy {y}",
    "hösten {y}",
    "autumn {y}",
    "toukokuu {y}",
    "1 krt/kk",
    "min. 1 krt/v",
    "monthly",
)
_UNITS = (
    "HYTE team",
    "NGO coordinator",
    "communications unit",
    "local democracy and participation committee",
    "NGO development group",
    "regional umbrella association",
)


def roadmaps() -> st.SearchStrategy[RoadmapDocument]:
    """Roadmap documents (`RM-1` … `RM-7`) that
    :func:`~jarjestoyhteistyo.analysis.roadmap.check_document` reports no error for:
    unique ids, milestones and plans inside the roadmap's years, measures under known
    action areas naming milestone items of their year or earlier,
    schedules in words that parse, carry-over only from earlier plans, and metrics with
    a baseline and a target level (numeric ones with values). Warnings may occur.
    Responsible units and partners are roles or units, never persons.

    >>> s = roadmaps()
    """
    return _roadmaps()


@st.composite
def _roadmaps(draw: st.DrawFn) -> RoadmapDocument:
    first = draw(st.integers(min_value=2020, max_value=2030))
    last = first + draw(st.integers(min_value=0, max_value=4))
    years = list(range(first, last + 1))
    area_ids = draw(_unique_slugs(min_size=1, max_size=6))
    n_goals = draw(st.integers(min_value=1, max_value=min(4, len(area_ids))))
    goal_ids = draw(_unique_slugs(min_size=n_goals, max_size=n_goals))
    items_of: dict[str, list[tuple[int, str]]] = {}
    areas: list[ActionArea] = []
    for area_id in area_ids:
        milestones: list[Milestone] = []
        item_ids = iter(draw(_unique_slugs(min_size=len(years) * 2, max_size=len(years) * 2)))
        for y in years:
            if not draw(st.booleans()):
                continue  # an empty cell (RM-3)
            items = tuple(
                MilestoneItem(id=next(item_ids), text=draw(_sentences()))
                for _ in range(draw(st.integers(min_value=1, max_value=2)))
            )
            milestones.append(Milestone(year=y, items=items))
            items_of.setdefault(area_id, []).extend((y, it.id) for it in items)
        areas.append(ActionArea(id=area_id, title=draw(_titles()), milestones=tuple(milestones)))
    goals = tuple(
        Goal(id=gid, title=draw(_titles()), action_areas=tuple(areas[i::n_goals]))
        for i, gid in enumerate(goal_ids)
    )
    roadmap = Roadmap(
        id=draw(_slugs()),
        title=draw(_titles()),
        area=draw(_titles()),
        first_year=first,
        last_year=last,
        vision=draw(_sentences()),
        goals=goals,
    )
    plan_years = sorted(draw(st.sets(st.sampled_from(years), max_size=len(years))))
    plans: list[Plan] = []
    open_refs: list[str] = []  # measures not reached: candidates to carry over (RM-5)
    for y in plan_years:
        ids = draw(_unique_slugs(min_size=0, max_size=4))
        measures: list[Measure] = []
        next_open: list[str] = []
        for mid in ids:
            area = draw(st.sampled_from(area_ids))
            known = [i for (iy, i) in items_of.get(area, []) if iy <= y]
            status = draw(st.sampled_from(Status))
            carried: str | None = None
            carry: bool = draw(st.booleans())
            if open_refs and carry:
                carried = draw(st.sampled_from(open_refs))
            measures.append(
                Measure(
                    id=mid,
                    action_area=area,
                    title=draw(_titles()),
                    milestone=draw(st.none() | st.sampled_from(known)) if known else None,
                    actions=tuple(draw(st.lists(_sentences(), max_size=2))),
                    responsible=tuple(draw(st.lists(st.sampled_from(_UNITS), max_size=2))),
                    partners=tuple(draw(st.lists(st.sampled_from(_UNITS), max_size=2))),
                    schedule=tuple(
                        p.format(y=y) for p in draw(st.lists(st.sampled_from(_PHRASES), max_size=2))
                    ),
                    snapshots=(Snapshot(as_of=date(y, 12, 31), status=status),)
                    if draw(st.booleans())
                    else (),
                    carried_from=(carried,) if carried else (),
                )
            )
            if status.is_open:
                next_open.append(measure_ref(y, mid))
        targets: tuple[BindingTarget, ...] = ()
        if draw(st.booleans()):
            numeric = draw(st.booleans())
            base = draw(st.integers(min_value=0, max_value=50))
            metric = Metric(
                id=draw(_slugs()),
                title=draw(_titles()),
                kind=MetricKind.NUMERIC if numeric else MetricKind.QUALITATIVE,
                baseline=Level(text=draw(_sentences()), value=float(base) if numeric else None),
                target=Level(text=draw(_sentences()), value=float(base + 10) if numeric else None),
                measurements=(
                    Measurement(
                        on=date(y, 4, 30),
                        report="OVK1",
                        value=float(base + 5) if numeric else None,
                    ),
                ),
            )
            targets = (
                BindingTarget(
                    id=draw(_slugs()),
                    title=draw(_titles()),
                    year=y,
                    reported_to=("executive board", "regional council"),
                    metrics=(metric,),
                ),
            )
        plans.append(
            Plan(year=y, title=draw(_titles()), measures=tuple(measures), binding_targets=targets)
        )
        open_refs = next_open
    return RoadmapDocument(roadmap=roadmap, plans=tuple(plans))


def registrations(
    rules: RuleSet, *, min_size: int = 0, max_size: int = 40
) -> st.SearchStrategy[tuple[Registration, ...]]:
    """Registrations for the NGO seats of ``rules`` (`FC-3`, `OF-3`, `KU-10`, `WS-7`).

    Each organisation belongs to one or more of the rule set's categories (or theme
    networks for a council) and registers for them; ids are distinct, so no
    organisation registers twice. The pool may be too small, exactly enough or
    oversubscribed — feasibility is what it is. There is no party-affiliation field.

    >>> from jarjestoyhteistyo.presets import load_preset
    >>> s = registrations(load_preset("vantaa-kerava-formal"), max_size=10)
    """
    general = rules.as_general()
    cats = tuple(
        sorted(
            {
                c
                for g in general.seat_groups
                if g.source is SeatSource.CATEGORY
                for c in g.eligible_categories
            }
        )
    )
    nets = tuple(
        sorted(
            {g.network for g in general.seat_groups if g.source is SeatSource.NETWORK and g.network}
        )
    )
    if not cats and not nets:  # an open forum: any association may register
        cats = tuple(c.code for c in general.categories) or _PRH_CODES

    @st.composite
    def one(draw: st.DrawFn, org_id: str) -> Registration:
        org = draw(organisations(categories=cats, networks=nets, ids=st.just(org_id)))
        if nets and not org.networks:
            org = attrs.evolve(org, networks=frozenset({draw(st.sampled_from(nets))}))
        applied = org.networks if nets else org.categories
        return Registration(
            organisation=org,
            member=draw(people(roles=NGO_ROLES)),
            deputy=draw(st.none() | people(roles=NGO_ROLES)),
            categories=frozenset(applied),
            link_description=draw(_sentences()),
            hours_available=draw(st.none() | _hours()),
        )

    @st.composite
    def pool(draw: st.DrawFn) -> tuple[Registration, ...]:
        n = draw(st.integers(min_value=min_size, max_value=max_size))
        return tuple(draw(one(f"reg-org-{i:04d}")) for i in range(n))

    return pool()
