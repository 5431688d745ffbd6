"""Small Hypothesis strategies shared by the strategies of every document kind.

Slugs, titles, free text, labels, categories, people, organisations and the valid
policies of a rule set; :mod:`jarjestoyhteistyo.fictional.strategies` is the public
face that re-exports the public ones.

>>> s = categories()
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import date
from typing import Any

from hypothesis import strategies as st

from jarjestoyhteistyo.model.categories import PRH_CATEGORIES, Category, Labels
from jarjestoyhteistyo.model.composition import (
    Organisation,
    Person,
    Role,
    SizeClass,
)
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    Authority,
    Council,
    Criterion,
    DeputyMode,
    DeputyPolicy,
    DiversityPolicy,
    FeePolicy,
    IntRange,
    MeetingPolicy,
    Need,
    PairPolicy,
    PartyTies,
    SelectionPolicy,
    Swot,
    TermMode,
    TermPolicy,
)

__all__ = ["KIND_NAMES", "NGO_ROLES", "categories", "organisations", "people"]


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

    >>> from jarjestoyhteistyo.model.composition import Role
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
    if div.need is Need.REQUIRED and div.size_classes > ngo_seats:
        common["diversity"] = DiversityPolicy(
            need=div.need,
            volunteer_run=div.volunteer_run,
            languages=div.languages,
            min_size_classes=ngo_seats,
        )
    return common
