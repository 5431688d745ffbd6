"""Hypothesis strategies for rule sets: valid ones of each kind and structurally typed
ones that may break any rule (re-exported by :mod:`jarjestoyhteistyo.fictional.strategies`).

>>> s = rule_sets(kind="open_forum")
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
from hypothesis import strategies as st

from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.fictional._strategies_parts import (
    KIND_NAMES,
    _category_tuples,
    _common,
    _deputies,
    _fit_diversity,
    _labels,
    _pairs,
    _ranges,
    _selection,
    _slugs,
    _titles,
    _unique_slugs,
)
from jarjestoyhteistyo.model.bounds import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_COUNT,
    MAX_HOURS_PER_MEETING,
    MAX_HOURS_PER_YEAR,
    MAX_MEETINGS_PER_YEAR,
    MAX_MONTHS,
    MAX_NUMBER,
)
from jarjestoyhteistyo.model.categories import PRH_CATEGORIES, Category
from jarjestoyhteistyo.model.composition import (
    Role,
)
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    Authority,
    ChairMode,
    ChairPolicy,
    Criterion,
    DeputyMode,
    DeputyPolicy,
    DiversityPolicy,
    DutyTurn,
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
    RequiredFunction,
    RotatingDuty,
    RuleSet,
    SeatGroup,
    SeatSource,
    SelectionPolicy,
    TermMode,
    TermPolicy,
    ThemeNetwork,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import NGO_SOURCE_ORDER

__all__ = ["any_rule_sets", "rule_sets"]


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
                vice_chairs=st.integers(min_value=0, max_value=1),
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
        chair=ChairPolicy(mode=ChairMode.NONE, vice_chairs=0),  # OF-5
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
        chair=draw(_stated_chairs()),
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
_NGO_SOURCES = NGO_SOURCE_ORDER


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
    # the cap holds at least the open groups' minimum seats (else check() says JY101)
    open_min = sum(g.seats.min for g in groups if g.source is SeatSource.OPEN)
    cap = draw(st.none() | st.integers(min_value=max(3, open_min), max_value=30))
    return GeneralRuleSet(
        **draw(_common()),
        categories=cats,
        seat_groups=tuple(groups),
        deputies=deputies,
        pairs=pairs,
        chair=draw(_stated_chairs()),
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
@attrs.frozen
class _Span:
    """How far the fuzzing strategies reach: the small numbers of the default, or
    (``wide=True``) the edges of :mod:`jarjestoyhteistyo.model.bounds`, the largest
    values a document may hold and still load."""

    count: int = 100
    months: int = 100
    per_year: int = 40
    hours: float = 1e4
    budget: float = 1e4
    number: float = 2.0
    first: date = date(2000, 1, 1)
    last: date = date(2100, 12, 31)
    any_date: bool = True
    edges: bool = False

    def ints(self, hi: int, lo: int = -3) -> st.SearchStrategy[int]:
        """Whole numbers up to ``hi`` (wide: the edges drawn often)."""
        ints = st.integers(min_value=lo, max_value=hi)
        return ints | st.sampled_from((lo, 0, 1, hi)) if self.edges else ints

    def floats(self, hi: float, lo: float = -10.0) -> st.SearchStrategy[float]:
        floats = st.floats(min_value=lo, max_value=hi, allow_nan=False)
        return floats | st.sampled_from((lo, 0.0, hi)) if self.edges else floats

    def dates(self) -> st.SearchStrategy[date]:
        if self.any_date:
            return st.dates()
        return st.dates(self.first, self.last) | st.sampled_from((self.first, self.last))


_NARROW = _Span()
_WIDE = _Span(
    count=MAX_COUNT,
    months=MAX_MONTHS,
    per_year=MAX_MEETINGS_PER_YEAR,
    hours=MAX_HOURS_PER_MEETING,
    budget=MAX_HOURS_PER_YEAR,
    number=MAX_NUMBER,
    first=date(FIRST_YEAR, 1, 1),
    last=date(LAST_YEAR, 12, 31),
    any_date=False,
    edges=True,
)


def _span(wide: bool) -> _Span:
    return _WIDE if wide else _NARROW


def _any_text() -> st.SearchStrategy[str]:
    return st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


def _any_ranges(span: _Span = _NARROW, hi: int | None = None) -> st.SearchStrategy[IntRange]:
    top = (span.count if hi is None else hi) if span.edges else 40
    ints = span.ints(top)
    return st.builds(IntRange, min=ints, max=st.none() | ints)


def _any_floats(span: _Span = _NARROW, hi: float | None = None) -> st.SearchStrategy[float]:
    if not span.edges:
        return st.floats(min_value=-10, max_value=1e4, allow_nan=False, allow_infinity=False)
    return span.floats(span.hours if hi is None else hi)


def _any_common(span: _Span = _NARROW) -> dict[str, st.SearchStrategy[Any]]:
    ints = span.ints(span.count)
    months = span.ints(span.months)
    per_year = span.ints(span.per_year)
    fractions = span.floats(span.number, -1.0) if span.edges else span.floats(2.0, -1.0)
    dates = span.dates()
    return {
        "name": _any_text(),
        "area": _any_text(),
        "description": _any_text(),
        "tasks": st.lists(_any_text(), max_size=2).map(tuple),
        "term": st.builds(
            TermPolicy,
            mode=st.sampled_from(TermMode),
            months=st.none() | months,
            fraction=st.none() | fractions,
            start=st.none() | dates,
            end=st.none() | dates,
            first_term_months=st.lists(months, max_size=3).map(tuple),
            rotation=fractions,
            max_consecutive_person=st.none() | ints,
            max_consecutive_organisation=st.none() | ints,
            max_months=months,
        ),
        "meetings": st.builds(
            MeetingPolicy,
            per_year=_any_ranges(span, span.per_year),
            hours=_any_floats(span),
            preparation_hours=_any_floats(span),
            network_meetings_per_year=per_year if span.edges else ints,
            network_meeting_hours=_any_floats(span),
        ),
        "fee": st.sampled_from(FeePolicy),
        "mid_term_changes": st.none() | st.sampled_from(Authority),
        "statutory_duties": st.booleans(),
        "time_budget_hours_per_year": st.none() | _any_floats(span, span.budget),
        "recommended_size": st.none() | _any_ranges(span),
        "required_municipalities": st.frozensets(_any_text(), max_size=2),
        "required_functions": st.lists(
            st.builds(
                RequiredFunction,
                function=_any_text(),
                groups=st.frozensets(_any_text(), max_size=2),
                sources=st.frozensets(st.sampled_from(SeatSource), max_size=2),
            ),
            max_size=3,
        ).map(tuple),
        "duties": st.lists(
            st.builds(
                RotatingDuty,
                duty=_any_text(),
                turns=st.lists(
                    st.builds(DutyTurn, holder=_any_text(), start=dates, end=dates),
                    max_size=3,
                ).map(tuple),
                start=st.none() | dates,
                period_months=st.none() | months,
                holders=st.lists(_any_text(), max_size=3).map(tuple),
                repeats=st.booleans(),
            ),
            max_size=2,
        ).map(tuple),
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
        party_political_ties=st.none() | st.sampled_from(PartyTies),
        one_seat_per_organisation=st.none() | st.booleans(),
    )


def _stated_chairs() -> st.SearchStrategy[ChairPolicy | None]:
    """No chair policy (nothing stated), or any mode with 0–1 vice-chairs: what every
    drawn body has room for (more vice-chairs and ``from_members`` are tested by hand)."""
    return st.none() | st.builds(
        ChairPolicy,
        mode=st.sampled_from(ChairMode),
        vice_chairs=st.integers(min_value=0, max_value=1),
    )


def _any_ids() -> st.SearchStrategy[str]:
    return st.sampled_from(("a", "b", "child-family", "pensioners", "x y"))


def any_rule_sets(*, wide: bool = False) -> st.SearchStrategy[RuleSet]:
    """Structurally typed rule sets of any kind that may break any rule (fuzzing).

    Numbers may be negative or inconsistent, ids may repeat, a criterion may be
    party-political, an open forum may have a chair. Use it to test that your
    tool survives what :func:`~jarjestoyhteistyo.check` reports.

    With ``wide=True`` every number and date reaches the edges of
    :mod:`jarjestoyhteistyo.model.bounds` — the largest counts, months, meetings a
    year, hours and amounts, dates from 1900 to 2200 — the most a document may hold
    and still load, and what every computation must be total on.

    >>> s = any_rule_sets(wide=True)
    """
    span = _span(wide)
    common = _any_common(span)
    small = span.ints(span.count, -1) if wide else st.integers(-1, 5)
    chair = st.builds(
        ChairPolicy,
        mode=st.sampled_from(ChairMode),
        vice_chairs=span.ints(span.count, -1) if wide else st.integers(min_value=-1, max_value=4),
        from_members=st.booleans(),
    )
    deputies = st.builds(
        DeputyPolicy,
        mode=st.sampled_from(DeputyMode),
        same_category=st.none() | st.sampled_from(Need),
        different_organisation=st.none() | st.sampled_from(Need),
    )
    cats = st.one_of(
        st.just(PRH_CATEGORIES),
        st.lists(st.builds(Category, code=_any_ids(), labels=_labels()), max_size=4).map(tuple),
    )
    formal = st.builds(
        FormalCommittee,
        **common,
        categories=cats,
        members_per_category=small,
        committee_members=_any_ranges(span),
        deputies=deputies,
        chair=chair,
        selection=_any_selection(),
    )
    forum = st.builds(
        OpenForum,
        **common,
        categories=cats,
        cap=span.ints(span.count, -2) if wide else st.integers(-2, 40),
        committee_members=_any_ranges(span),
        deputies=deputies,
        chair=chair,
        selection=_any_selection(),
    )
    council = _any_councils(common, st.none() | chair, span)
    general = _any_generals(common, st.none() | chair, deputies, cats, span)
    return st.one_of(formal, forum, council, general)


def _any_councils(
    common: dict[str, st.SearchStrategy[Any]],
    chair: st.SearchStrategy[ChairPolicy | None],
    span: _Span = _NARROW,
) -> st.SearchStrategy[ThemeNetworkCouncil]:
    return st.builds(
        ThemeNetworkCouncil,
        **common,
        networks=st.lists(
            st.builds(ThemeNetwork, id=_any_ids(), open=st.booleans(), catch_all=st.booleans()),
            max_size=4,
        ).map(tuple),
        representatives_per_network=span.ints(span.count, -1) if span.edges else st.integers(-1, 4),
        pairs=_pairs(),
        official_seats=st.lists(
            st.builds(
                OfficialSeat, id=_any_ids(), role=st.sampled_from(Role), seats=_any_ranges(span)
            ),
            max_size=3,
        ).map(tuple),
        convener=_any_text(),
        secretary=_any_text(),
        chair=chair,
        selection=_any_selection(),
    )


def _any_generals(
    common: dict[str, st.SearchStrategy[Any]],
    chair: st.SearchStrategy[ChairPolicy | None],
    deputies: st.SearchStrategy[DeputyPolicy],
    cats: st.SearchStrategy[tuple[Category, ...]],
    span: _Span = _NARROW,
) -> st.SearchStrategy[GeneralRuleSet]:
    return st.builds(
        GeneralRuleSet,
        **common,
        categories=cats,
        seat_groups=st.lists(
            st.builds(
                SeatGroup,
                id=_any_ids(),
                source=st.sampled_from(SeatSource),
                seats=_any_ranges(span),
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
        cap=st.none() | (span.ints(span.count, -2) if span.edges else st.integers(-2, 40)),
    )
