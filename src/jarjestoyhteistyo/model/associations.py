"""The association register's record (`JP-3`) and its relation to a composition's organisation.

An :class:`Association` is what a city's register knows of one association: when it
was registered, when the city last reached it, the grants and premises it used, the
events it attended. A :class:`~jarjestoyhteistyo.model.composition.Organisation` is
the same kind of actor seen from a cooperation body: its categories, size and groups,
what seat rules need (`FC-4`, `WS-4`, `WS-7`). They are two records of one actor,
not two models of it: they share :data:`SHARED_FIELDS` (the same names, types and
meaning), the ``id`` joins them, and :meth:`Association.to_organisation` gives the
organisation for a composition, taking the facts a register does not hold as
arguments. Both keep their own YAML forms, so every register and composition file
that loads today still loads.

>>> a = Association(id="a1", name="Example ry", networks=frozenset({"hyte"}),
...                 languages=frozenset({"sv"}))
>>> org = a.to_organisation(categories=frozenset({"pensioners"}))
>>> org.id, org.name, sorted(org.languages), sorted(org.categories), sorted(org.networks)
('a1', 'Example ry', ['sv'], ['pensioners'], ['hyte'])
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Organisation, SizeClass

__all__ = ["SHARED_FIELDS", "Association", "Register", "SegmentRules"]

#: The fields an :class:`Association` and an
#: :class:`~jarjestoyhteistyo.model.composition.Organisation` share: same name, same
#: type, same meaning; :meth:`Association.to_organisation` carries them over.
SHARED_FIELDS: tuple[str, ...] = ("id", "name", "languages", "networks", "volunteer_run")


def _non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise InvalidValueError(
            Text("{field} must be zero or more, not {value}", field=attribute.name, value=value)
        )


@attrs.frozen(kw_only=True)
class Association:
    """One association of the register (`JP-3`), with what is known of it.

    The register's record of an actor; :meth:`to_organisation` gives the same actor
    as the organisation of a composition (see the module text). ``grants_received``
    is the number of grants or their sum — whichever the register holds
    (:class:`~jarjestoyhteistyo.analysis.ecosystem.SegmentRules` thresholds are in
    the same unit); ``events_attended``
    counts the city's events and meetings the association took part in;
    ``networks`` the networks it belongs to. Unknown facts stay at their defaults.

    >>> Association(id="a1", name="Example ry", events_attended=2).premises_used
    False
    """

    id: str
    name: str = ""
    registered: date | None = None
    last_contact: date | None = None
    grants_received: float = attrs.field(default=0.0, validator=_non_negative)
    premises_used: bool = False
    events_attended: int = attrs.field(default=0, validator=_non_negative)
    networks: frozenset[str] = frozenset()
    volunteer_run: bool = False
    languages: frozenset[str] = frozenset()
    weaker_position: bool = False

    def to_organisation(
        self,
        *,
        categories: frozenset[str] = frozenset(),
        size: SizeClass = SizeClass.MEDIUM,
        municipalities: frozenset[str] = frozenset(),
        groups: frozenset[str] = frozenset(),
        umbrella: bool = False,
        service_provider: bool = False,
    ) -> Organisation:
        """This association as the :class:`~jarjestoyhteistyo.model.composition.Organisation`
        of a composition.

        The :data:`SHARED_FIELDS` are carried over; the register's ``languages`` only
        when it names some (unknown languages keep the organisation's default,
        ``{"fi"}``). What a register does not hold — categories, size, municipalities,
        the under-represented ``groups`` of `WS-7`, umbrella, service provider — is
        given here, with the organisation's defaults. The register's activity facts
        (dates, grants, premises, events, weaker position) have no place in a
        composition and are left out; ``weaker_position`` (`JP-4`) is not one of the
        ``groups``. An empty ``id`` is an
        :class:`~jarjestoyhteistyo.errors.InvalidValueError`, as for any organisation.

        >>> Association(id="a2", volunteer_run=True).to_organisation(size=SizeClass.SMALL)
        ... # doctest: +NORMALIZE_WHITESPACE
        Organisation(id='a2', name='', categories=frozenset(), size=<SizeClass.SMALL: 'small'>,
                     languages=frozenset({'fi'}), volunteer_run=True, municipalities=frozenset(),
                     umbrella=False, service_provider=False, networks=frozenset(),
                     groups=frozenset())
        """
        org = Organisation(
            id=self.id,
            name=self.name,
            networks=self.networks,
            volunteer_run=self.volunteer_run,
            categories=categories,
            size=size,
            municipalities=municipalities,
            groups=groups,
            umbrella=umbrella,
            service_provider=service_provider,
        )
        return attrs.evolve(org, languages=self.languages) if self.languages else org


def _unique_ids(_inst: object, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for i, a in enumerate(value):
        if a.id in first:
            problems.append(
                Problem.of(
                    f"associations[{i}].id",
                    "duplicate-id",
                    Text(
                        "duplicate id {id!r} (first at associations[{first}])",
                        id=a.id,
                        first=first[a.id],
                    ),
                    params={"id": a.id},
                )
            )
        first.setdefault(a.id, i)
    if problems:
        raise LoadError(problems)


@attrs.frozen(kw_only=True)
class Register:
    """The YAML/JSON form of a register, ``associations: [...]``; ids are unique.

    >>> Register(associations=(Association(id="a1"), Association(id="a1")))
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: 1 problem
      associations[1].id: duplicate id 'a1' (first at associations[0])
    """

    associations: tuple[Association, ...] = attrs.field(default=(), validator=_unique_ids)


# ----------------------------------------------------- the rules of the analysis
def _ge(n: int) -> Callable[[object, attrs.Attribute[Any], float], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
        if value < n:
            raise InvalidValueError(
                Text(
                    "{field} must be {least} or more, not {value}",
                    field=attribute.name,
                    least=n,
                    value=value,
                )
            )

    return check


@attrs.frozen(kw_only=True)
class SegmentRules:
    """The classification rules of `JP-4` as data; the defaults are documented here.

    An association is **active** (*actively committed*) when it attended at least
    ``active_min_events`` (2) events, belongs to at least ``active_min_networks`` (1)
    networks, or had contact within ``active_contact_months`` (12) of the as-of date
    (0 turns the events or networks criterion off). It **receives grants** when
    ``grants_received`` ≥ ``support_min_grants`` (1) and has **support** when it
    receives grants or uses premises. It is **dependent** — the source's "very
    dependent on the city's support, premises and/or grants" (seed 004, *and/or*) —
    when it uses the city's premises (``dependent_premises_alone``, on), receives grants
    and uses premises (``dependent_grants_and_premises``, on), or its grants reach
    ``dependent_min_grants`` (3; ``null`` turns it off). Turn
    ``dependent_premises_alone`` off to ask for grants *and* premises. Thresholds are in the unit of
    the register's grants column: for sums in euros set e.g. ``support_min_grants:
    1`` and ``dependent_min_grants: 5000``.

    The first that applies is the segment: active → *actively committed*; dependent →
    *dependent on the city's support*; support → *using resources without seeking
    cooperation*; any contact, event or network ever → *little active, little
    dependent*; none → *unaware — potential*. *Weaker position* is the register's
    flag and overlaps the others.

    Blind spots (`JP-7`): registered within ``new_months`` (24) and never reached (no
    contact, no event) — *new, not reached*; no contact within
    ``stale_contact_months`` (12), never contacted included, new ones not repeated —
    *no recent contact*; weaker position and no support. A contact exactly
    ``N`` months before the as-of date is within ``N`` months; months are counted
    with ``relativedelta`` from the as-of date (31 May − 3 months = 28/29 February).

    >>> SegmentRules().active_min_events
    2
    """

    active_min_events: int = attrs.field(default=2, validator=_ge(0))
    active_min_networks: int = attrs.field(default=1, validator=_ge(0))
    active_contact_months: int = attrs.field(default=12, validator=_ge(0))
    support_min_grants: float = attrs.field(default=1.0, validator=_ge(0))
    dependent_min_grants: float | None = 3.0
    dependent_grants_and_premises: bool = True
    dependent_premises_alone: bool = True
    new_months: int = attrs.field(default=24, validator=_ge(0))
    stale_contact_months: int = attrs.field(default=12, validator=_ge(0))
