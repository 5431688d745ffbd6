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

from datetime import date
from typing import Any

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.model.composition import Organisation, SizeClass

__all__ = ["SHARED_FIELDS", "Association", "Register"]

#: The fields an :class:`Association` and an
#: :class:`~jarjestoyhteistyo.model.composition.Organisation` share: same name, same
#: type, same meaning; :meth:`Association.to_organisation` carries them over.
SHARED_FIELDS: tuple[str, ...] = ("id", "name", "languages", "networks", "volunteer_run")


def _non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise InvalidValueError(f"{attribute.name} must be zero or more, got {value}")


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
                Problem(
                    path=f"associations[{i}].id",
                    code="duplicate-id",
                    message=f"duplicate id {a.id!r} (first at associations[{first[a.id]}])",
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
