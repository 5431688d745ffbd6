"""Hypothesis strategies for compositions and registrations, re-exported by
:mod:`jarjestoyhteistyo.fictional.strategies`.

:func:`compositions_for` drives the one composition planner
(:class:`~jarjestoyhteistyo.model.planner.Planner`) with Hypothesis draws: a chooser
that answers each choice with ``data.draw`` and a furnisher that draws the facts of
each organisation, so what shrinks is the planner's choices.

>>> from jarjestoyhteistyo.model.rulesets import OpenForum
>>> s = compositions_for(OpenForum(name="Forum", area="Example area"))
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.fictional._strategies_parts import (
    _MUNICIPALITIES,
    _PRH_CODES,
    NGO_ROLES,
    _hours,
    _sentences,
    _titles,
    organisations,
    people,
)
from jarjestoyhteistyo.fictional.generate import breakable, generate
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_HOURS_PER_YEAR
from jarjestoyhteistyo.model.composition import (
    Composition,
    Organisation,
    Person,
    Role,
    SizeClass,
)
from jarjestoyhteistyo.model.planner import FirstChooser, Planner, RoleFurnisher
from jarjestoyhteistyo.model.rulesets import (
    RuleSet,
    SeatGroup,
    SeatSource,
)
from jarjestoyhteistyo.selection import Registration

__all__ = ["broken_compositions", "compositions_for", "registrations"]

# more picks than this are drawn as one seeded sample (Hypothesis caps list sizes)
_LARGEST_DRAWN_SAMPLE = 100

# the edges of model.bounds the wide strategies reach
_FIRST_DAY = date(FIRST_YEAR, 1, 1)
_LAST_DAY = date(LAST_YEAR, 12, 31)
_WIDE_DATES = st.dates(_FIRST_DAY, _LAST_DAY) | st.sampled_from((_FIRST_DAY, _LAST_DAY))
_WIDE_HOURS = st.floats(0.0, MAX_HOURS_PER_YEAR) | st.sampled_from((0.0, MAX_HOURS_PER_YEAR))

T = TypeVar("T")


# ------------------------------------------------------------------ compositions
@attrs.frozen
class _DrawChooser:
    """The planner's choices as Hypothesis draws (they shrink to the first choice)."""

    draw: st.DrawFn

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(min_value=lo, max_value=hi))

    def choice(self, items: Sequence[T]) -> T:
        return self.draw(st.sampled_from(items))

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        if k <= 0:
            return []
        if k > _LARGEST_DRAWN_SAMPLE:  # a body at the bounds: one drawn shuffle, not k draws
            rng = random.Random(self.draw(st.integers(min_value=0, max_value=2**32 - 1)))
            return rng.sample(list(items), k)
        picked = self.draw(
            st.lists(
                st.integers(min_value=0, max_value=len(items) - 1),
                min_size=k,
                max_size=k,
                unique=True,
            )
        )
        return [items[i] for i in picked]

    def shuffle(self, items: Sequence[T]) -> list[T]:
        return list(self.draw(st.permutations(list(items))))

    def chance(self, p: float) -> bool:
        return p >= 1 or (p > 0 and self.draw(st.booleans()))


@attrs.frozen
class _DrawFurnisher:
    """Organisations with drawn facts (extra categories make some multi-sector,
    `WS-7`) and people by role only."""

    draw: st.DrawFn
    codes: tuple[str, ...]

    def organisation(self, org_id: str, group: SeatGroup | None, eligible: bool) -> Organisation:
        draw = self.draw
        cats: frozenset[str] = frozenset()
        nets: frozenset[str] = frozenset()
        if group is not None and group.source is SeatSource.CATEGORY:
            cats = frozenset({draw(st.sampled_from(sorted(group.eligible_categories)))})
        if group is not None and group.network is not None:
            nets = frozenset({group.network})
        if self.codes:
            cats |= draw(st.frozensets(st.sampled_from(self.codes), max_size=2))
        return Organisation(
            id=org_id,
            name=f"Fictional association {org_id.removeprefix('org-')}",
            categories=cats,
            size=draw(st.sampled_from(SizeClass)),
            languages=frozenset({"fi"}),
            volunteer_run=draw(st.booleans()),
            networks=nets,
            umbrella=draw(st.booleans()),
        )

    def person(self, role: Role, swedish: bool) -> Person:
        return Person(role=role)

    def municipality(self, j: int) -> str | None:
        return self.draw(st.none() | st.sampled_from(_MUNICIPALITIES))


def compositions_for(
    rules: RuleSet, *, vacancies: bool = False, wide: bool = False
) -> st.SearchStrategy[Composition]:
    """Compositions that pass :func:`~jarjestoyhteistyo.validate` against ``rules``.

    The one planner (:class:`~jarjestoyhteistyo.model.planner.Planner`) decides the
    seats with Hypothesis draws: each group gets holders within its range (the cap for
    open groups, `OF-3`); NGO seats are held by distinct organisations of an eligible
    category (`FC-4`) or network (`KU-10`), some of them multi-sector (`WS-7`);
    personal deputies come from other organisations of the member's category (`FC-8`,
    `FC-9`, `FC-10`), optional and ordered ones for some members only; work pairs mix
    roles per ``pairs.mixes`` (`KU-7`); official and committee seats have the
    required role (`KU-4`, `FC-6`); a chair and vice-chair are named where the chair
    policy needs them (`FC-7`) and never in an open forum (`OF-5`); the diversity
    wishes and required municipalities are met (`WS-4`, `WS-7`). With
    ``vacancies=True`` some seats are left vacant, which is a warning, never an error.
    With ``wide=True`` the date ``as_of`` reaches the edges of
    :mod:`jarjestoyhteistyo.model.bounds` (1900-01-01 … 2200-12-31).

    Raises :class:`~jarjestoyhteistyo.errors.GenerateError` (a :class:`ValueError`)
    at once when no composition can satisfy ``rules`` (e.g. no room for a chair).
    Every rule set drawn from :func:`rule_sets` is satisfiable.

    >>> from jarjestoyhteistyo.model.rulesets import OpenForum
    >>> s = compositions_for(OpenForum(name="Forum", area="Example area"))
    """
    Planner(rules, FirstChooser(), RoleFurnisher()).counts()  # raises when infeasible
    codes = tuple(c.code for c in rules.as_general().categories)
    as_of = _WIDE_DATES if wide else st.dates(date(2023, 1, 1), date(2030, 12, 31))

    @st.composite
    def build(draw: st.DrawFn) -> Composition:
        planner = Planner(
            rules,
            _DrawChooser(draw),
            _DrawFurnisher(draw, codes),
            vacancies=vacancies,
            every_deputy=False,
        )
        return planner.build(
            name=draw(st.just("") | _titles()),
            as_of=draw(st.none() | as_of),
        )

    return build()


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


def registrations(
    rules: RuleSet, *, min_size: int = 0, max_size: int = 40, wide: bool = False
) -> st.SearchStrategy[tuple[Registration, ...]]:
    """Registrations for the NGO seats of ``rules`` (`FC-3`, `OF-3`, `KU-10`, `WS-7`).

    Each organisation belongs to one or more of the rule set's categories (or theme
    networks for a council) and registers for them; ids are distinct, so no
    organisation registers twice. The pool may be too small, exactly enough or
    oversubscribed — feasibility is what it is. There is no party-affiliation field.
    With ``wide=True`` the hours available reach the edges of
    :mod:`jarjestoyhteistyo.model.bounds` (0 … the hours of a leap year).

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
    hours = _WIDE_HOURS if wide else _hours()

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
            hours_available=draw(st.none() | hours),
        )

    @st.composite
    def pool(draw: st.DrawFn) -> tuple[Registration, ...]:
        n = draw(st.integers(min_value=min_size, max_value=max_size))
        return tuple(draw(one(f"reg-org-{i:04d}")) for i in range(n))

    return pool()
