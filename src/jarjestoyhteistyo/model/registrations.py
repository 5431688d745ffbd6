"""Registrations: organisations applying for the seats of a body (`FC-3`, `OF-3`, `WS-7`).

The nouns that :mod:`jarjestoyhteistyo.selection` reads: a :class:`Registration` is
one organisation's application, :class:`Registrations` the document of them that the
``select`` command reads (its door is
:func:`~jarjestoyhteistyo.selection.load_registrations`). There is deliberately no
field for party affiliation (`WS-1`).

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> doc = Registrations(name="Call 2025", registrations=(
...     Registration(organisation=Organisation(id="o1"), member=Person(role=Role.VOLUNTEER)),))
>>> doc.registrations[0].organisation.id
'o1'
"""

from __future__ import annotations

import attrs

from jarjestoyhteistyo.model.composition import Organisation, Person

__all__ = ["Registration", "Registrations"]


@attrs.frozen(kw_only=True)
class Registration:
    """One organisation's registration (`FC-3`, `OF-3`, `KU-10`, `WS-7`, `WS-9`).

    ``categories`` lists the association categories (or theme networks) applied for;
    empty means all of the organisation's own. ``answers`` holds the ids of the rule
    set's criteria the registration meets. ``hours_available`` is the time a year the
    member can give. There is deliberately no party-affiliation field (`WS-1`).

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> r = Registration(organisation=Organisation(id="o1"), member=Person(role=Role.VOLUNTEER))
    >>> r.categories, r.deputy
    (frozenset(), None)
    """

    organisation: Organisation
    member: Person
    deputy: Person | None = None
    categories: frozenset[str] = frozenset()
    link_description: str = attrs.field(default="", metadata={"personal": "text"})
    hours_available: float | None = None
    answers: frozenset[str] = frozenset()


@attrs.frozen(kw_only=True)
class Registrations:
    """A document of registrations (the file ``select`` reads).

    >>> Registrations().registrations
    ()
    """

    name: str = ""
    registrations: tuple[Registration, ...] = ()
