"""Organisations, people by role, seats and compositions.

A :class:`Composition` says who sits where: the :class:`Organisation` objects taking
part and the :class:`Seat` objects of the body. People are described by their
:class:`Role`; a name is optional because it is personal data.

>>> org = Organisation(id="o1", categories=frozenset({"pensioners"}))
>>> seat = Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", organisation="o1",
...             person=Person(role=Role.VOLUNTEER))
>>> comp = Composition(organisations=(org,), seats=(seat,))
>>> comp.organisation("o1").is_multi_sector
False
>>> seat.vacant
False
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from functools import cached_property

import attrs

from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import InvalidValueError, NotFoundError
from jarjestoyhteistyo.i18n import Lang, Text, pgettext
from jarjestoyhteistyo.text import html_table

__all__ = [
    "Composition",
    "Function",
    "Organisation",
    "Person",
    "Role",
    "Seat",
    "SeatKind",
    "SizeClass",
    "Stage",
]


class SizeClass(enum.Enum):
    """Size of an organisation (`WS-4`: members from organisations of different sizes)."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class Role(enum.Enum):
    """What a person is in the body: roles, not names (no personal data)."""

    NGO_EMPLOYEE = "ngo_employee"
    EXPERIENCE_EXPERT = "experience_expert"
    VOLUNTEER = "volunteer"
    FEDERATION_REPRESENTATIVE = "federation_representative"
    WELLBEING_AREA_OFFICIAL = "wellbeing_area_official"
    MUNICIPAL_OFFICIAL = "municipal_official"
    ELECTED_MEMBER = "elected_member"
    INVITED_EXPERT = "invited_expert"
    SECTOR_REPRESENTATIVE = "sector_representative"


class SeatKind(enum.Enum):
    """The kind of a seat (`FC-6`, `FC-8`, `KU-4`, `OF-5`)."""

    MEMBER = "member"
    DEPUTY = "deputy"
    COMMITTEE = "committee"
    OFFICIAL = "official"
    EXPERT = "expert"
    STAFF = "staff"


class Function(enum.StrEnum):
    """The functions the library knows (`FC-7`, `OF-5`, `KU-6`, `WS-8`).

    A seat's ``functions`` are strings: these, or any function the rule set defines
    in its ``functions`` list (a communications lead, a working group's responsible
    person, ...). A member of this enum *is* its string, so
    ``Function.CHAIR in seat.functions`` works either way.

    >>> Function.PRESENTER == "presenter"
    True
    """

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    CONVENER = "convener"
    COORDINATOR = "coordinator"
    PRESENTER = "presenter"  # esittelijä / föredragande


class Stage(enum.Enum):
    """Where a composition is in its life (issue #14).

    ``proposal``: before the constitutive meeting; what the body elects itself (its
    chair and vice-chairs) is not yet there, and validation says so as *info*.
    ``appointed``: the body has met and organised itself; everything is checked.
    """

    PROPOSAL = "proposal"
    APPOINTED = "appointed"


def _nonempty(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise InvalidValueError(Text("{field} must not be empty", field=attribute.name))


@attrs.frozen(kw_only=True)
class Organisation:
    """An NGO or association taking part (`FC-4`, `WS-7`, `KU-10`).

    ``categories`` may hold several codes: a multi-sector organisation (`WS-7`) may
    be seated for any one of them, but counts once (see :mod:`jarjestoyhteistyo.rules.validation`).
    ``groups`` marks under-represented groups of `WS-7` (``multilingual``,
    ``multicultural``, ``women``, ...).
    """

    id: str = attrs.field(validator=_nonempty)
    name: str = ""
    categories: frozenset[str] = frozenset()
    size: SizeClass = SizeClass.MEDIUM
    languages: frozenset[str] = frozenset({"fi"})
    volunteer_run: bool = False
    municipalities: frozenset[str] = frozenset()
    umbrella: bool = False
    service_provider: bool = False
    networks: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()

    @property
    def is_multi_sector(self) -> bool:
        """True when the organisation has more than one category (`WS-7`)."""
        return len(self.categories) > 1


def _optional_id(_inst: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not value.strip():
        raise InvalidValueError(Text("{field} must not be empty", field=attribute.name))


@attrs.frozen(kw_only=True)
class Person:
    """A person in a seat, by :class:`Role`. ``ref``, ``name`` and ``contact`` are optional.

    ``ref`` is a stable, pseudonymous reference to the person — the preparer's own
    register id or a pseudonym such as ``member-17``, never a name or a contact
    detail. It is an identifier like a seat's ``id``: the same person carries the same
    ``ref`` in every seat and event, so per-person rules can follow them (the limit of
    consecutive terms, `FC-13`, ``JY301``; see
    :func:`~jarjestoyhteistyo.selection.succession.tenures`). ``name`` and ``contact``
    are personal data the library never needs; :func:`~jarjestoyhteistyo.io.redact.redact`
    replaces all three with pseudonyms (the same value gets the same one, so a
    redacted history still follows each person).

    >>> Person(role=Role.VOLUNTEER, ref="member-17").ref
    'member-17'
    """

    role: Role
    ref: str | None = attrs.field(
        default=None, validator=_optional_id, metadata={"personal": "ref"}
    )
    name: str | None = attrs.field(default=None, metadata={"personal": "name"})
    contact: str | None = attrs.field(default=None, metadata={"personal": "contact"})


@attrs.frozen(kw_only=True)
class Seat:
    """One seat of a body.

    ``group`` is the seat group the seat belongs to (a category code, a theme network
    id, an official seat id, ...). A deputy names its member seat in ``deputy_of``
    (`FC-8`); with deputies in a numbered substitution order, a deputy instead names
    its ``group`` and its place in the ``order`` (1, 2, ...). ``nominated_by`` records
    who named the holder (e.g. ``council-group``; `WS-1` forbids party-political ties
    where the rule set says so); left out, the seat group's ``nominated_by`` applies.
    ``municipality`` is the municipality the seat is for (left out: its group's). A
    seat with neither organisation nor person is *vacant*; ``pending: true`` on a
    vacant seat says a new holder has been asked for (a deputy who stepped up to
    member, `FC-8`; a municipality that has not yet named its member), so the
    vacancy is reported as *info*.
    """

    id: str = attrs.field(validator=_nonempty)
    kind: SeatKind
    group: str | None = None
    organisation: str | None = None
    person: Person | None = None
    deputy_of: str | None = None
    functions: frozenset[str] = frozenset()
    nominated_by: str | None = attrs.field(default=None, metadata={"personal": "nominator"})
    municipality: str | None = None
    order: int | None = None
    pending: bool = False

    @property
    def vacant(self) -> bool:
        """True when nobody holds the seat."""
        return self.organisation is None and self.person is None


@attrs.frozen(kw_only=True)
class Composition:
    """Who sits where: organisations and seats, optionally as of a date.

    ``stage`` says whether the body has had its constitutive meeting (see
    :class:`Stage`); left out, a composition is validated as ``appointed`` unless
    :func:`~jarjestoyhteistyo.rules.validation.validate` is told otherwise.
    """

    name: str = ""
    as_of: date | None = None
    stage: Stage | None = None
    organisations: tuple[Organisation, ...] = ()
    seats: tuple[Seat, ...] = ()

    def _repr_html_(self, lang: Lang | None = None) -> str:
        """The seats as an HTML table for Jupyter: id, kind, group, organisation (its
        name when given), deputy of, functions; every text escaped. The headers in
        ``lang``, by default the display language
        (:func:`~jarjestoyhteistyo.display.set_display_language`); the kind as the
        composition file writes it.

        >>> c = Composition(seats=(Seat(id="m1", kind=SeatKind.MEMBER),))
        >>> "<td>m1</td>" in c._repr_html_(), "<th>paikka</th>" in c._repr_html_("fi")
        (True, True)
        """
        lang = lang or display_language()
        names = {o.id: o.name or o.id for o in self.organisations}
        rows = [
            (
                s.id,
                s.kind.value,  # as the file writes it, in every language
                s.group or "",
                names.get(s.organisation, s.organisation) if s.organisation else "",
                s.deputy_of or "",
                ", ".join(sorted(s.functions)),
            )
            for s in self.seats
        ]
        header = (  # TRANSLATORS: the columns of a composition's table in a notebook
            pgettext(lang, "table column", "seat"),
            pgettext(lang, "table column", "kind"),
            pgettext(lang, "table column", "group"),
            pgettext(lang, "table column", "organisation"),
            pgettext(lang, "table column", "deputy of"),
            pgettext(lang, "table column", "functions"),
        )
        return html_table(self.name, header, rows)

    @cached_property
    def _orgs(self) -> Mapping[str, Organisation]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def _seats(self) -> Mapping[str, Seat]:
        return {s.id: s for s in self.seats}

    def organisation(self, org_id: str) -> Organisation:
        """The organisation with this id.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        try:
            return self._orgs[org_id]
        except KeyError:
            raise NotFoundError(org_id) from None

    def find_organisation(self, org_id: str | None) -> Organisation | None:
        """The organisation with this id, or ``None``."""
        return None if org_id is None else self._orgs.get(org_id)

    def seat(self, seat_id: str) -> Seat:
        """The seat with this id.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        try:
            return self._seats[seat_id]
        except KeyError:
            raise NotFoundError(seat_id) from None

    def find_seat(self, seat_id: str | None) -> Seat | None:
        """The seat with this id, or ``None``."""
        return None if seat_id is None else self._seats.get(seat_id)

    def seats_of(self, kind: SeatKind) -> tuple[Seat, ...]:
        """The seats of one kind, in order."""
        return tuple(s for s in self.seats if s.kind is kind)
