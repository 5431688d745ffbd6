"""Who sat where, over time: the one history of events and the one tenure record.

A :class:`History` is the log of :class:`Event` objects that
:mod:`jarjestoyhteistyo.selection.succession` applies to a composition (`FC-8`,
`FC-15`, `KU-7`); a :class:`Tenure` is one stretch of one seat, served (from a
history, :func:`~jarjestoyhteistyo.selection.succession.tenures`) or planned
(:func:`~jarjestoyhteistyo.calc.rotation.rotation_plan`). The term limits of
:mod:`jarjestoyhteistyo.calc.terms` read tenures.
"""

from __future__ import annotations

import datetime as dt
import enum
from datetime import date

import attrs

from jarjestoyhteistyo.model.composition import Composition, Function, Organisation, Person
from jarjestoyhteistyo.model.rulesets import Authority

__all__ = ["Event", "EventKind", "History", "Tenure"]


class EventKind(enum.Enum):
    """What happened to a seat."""

    RESIGN = "resign"  # the holder leaves; a personal deputy takes over (FC-8)
    FILL = "fill"  # a vacant seat gets a holder
    VACATE = "vacate"  # the seat is emptied without promotion (e.g. removal)
    REPLACE = "replace"  # the holder changes in one step (vacate + fill)
    ASSIGN = "assign"  # the holder takes functions (chair, ...) from whoever had them (FC-7)


@attrs.frozen(kw_only=True)
class Event:
    """One change to one seat on one day.

    ``organisation`` and ``person`` are the new holder (``fill``, ``replace``);
    ``nominated_by`` who named them (`WS-1`). ``new_organisation`` is an organisation
    that joins the composition with this event; ``organisation`` then defaults to its
    id. ``approved_by`` records the approval of a mid-term change (`FC-15`).

    >>> Event(date=dt.date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1").holder_given
    False
    """

    date: dt.date
    kind: EventKind
    seat: str
    organisation: str | None = None
    person: Person | None = None
    nominated_by: str | None = attrs.field(default=None, metadata={"personal": "nominator"})
    new_organisation: Organisation | None = None
    approved_by: Authority | None = None
    functions: frozenset[Function] = frozenset()
    note: str = attrs.field(default="", metadata={"personal": "text"})

    @property
    def holder_given(self) -> bool:
        """True when the event names a holder (organisation, person or new organisation)."""
        return (
            self.organisation is not None
            or self.person is not None
            or self.new_organisation is not None
        )

    @property
    def holder_organisation(self) -> str | None:
        """The new holder's organisation id: ``organisation``, else ``new_organisation.id``.

        >>> Event(date=dt.date(2025, 3, 1), kind=EventKind.FILL, seat="d1",
        ...       new_organisation=Organisation(id="o9")).holder_organisation
        'o9'
        """
        if self.organisation is not None:
            return self.organisation
        return self.new_organisation.id if self.new_organisation is not None else None


def _by_date(event: Event) -> dt.date:
    return event.date


@attrs.frozen(kw_only=True)
class History:
    """An immutable log of events, in the order they were recorded.

    ``initial`` is the composition the events start from, when the history carries it
    (a history file for ``term-limits`` or ``validate --history`` needs it: who sat
    where is only known from a starting composition); ``None`` when the caller gives
    the starting composition separately
    (:func:`~jarjestoyhteistyo.selection.succession.composition_at`).

    >>> h = History(events=(
    ...     Event(date=dt.date(2025, 5, 1), kind=EventKind.FILL, seat="d1", organisation="o"),
    ...     Event(date=dt.date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1"),
    ... ))
    >>> [e.seat for e in h.sorted().events]
    ['m1', 'd1']
    """

    events: tuple[Event, ...] = ()
    initial: Composition | None = None

    def sorted(self) -> History:
        """The same events in date order; events of one day keep their recorded order.

        >>> History().sorted()
        History(events=(), initial=None)
        """
        return attrs.evolve(self, events=tuple(sorted(self.events, key=_by_date)))

    def added(self, *events: Event) -> History:
        """A new history with ``events`` appended (this one is unchanged).

        >>> len(History().added(Event(date=dt.date(2025, 1, 1), kind=EventKind.VACATE,
        ...                           seat="m1")).events)
        1
        """
        return attrs.evolve(self, events=self.events + events)

    def until(self, day: dt.date) -> History:
        """The events dated on or before ``day``, in recorded order.

        >>> History().until(dt.date(2025, 1, 1)).events
        ()
        """
        return attrs.evolve(self, events=tuple(e for e in self.events if e.date <= day))


@attrs.frozen(kw_only=True)
class Tenure:
    """One tenure of a seat, from ``start`` to ``end`` (both inclusive): the library's
    one record of who sat where, served or planned.

    In a record of what happened, ``organisation`` and a pseudonymous ``person_ref``
    (a :attr:`Person.ref <jarjestoyhteistyo.model.composition.Person.ref>`, never a name)
    say who held the seat; :func:`consecutive_terms` and :func:`check_consecutive` read
    them. ``term`` is the ``(start, end)`` of the term the record lies in when the
    record covers only part of it (a holder who took the seat mid-term, or moved to
    another seat within the term); ``None`` means the record's own dates are the term.
    In a :class:`~jarjestoyhteistyo.calc.rotation.RotationPlan` nobody is named yet:
    ``number`` counts the seat's tenures from 1 and ``cohort`` is the seat's rotation
    cohort (`FC-13`, `KU-5`; 0 when the record is not part of a plan).

    >>> Tenure(seat="m1", organisation="o1", person_ref="p1",
    ...        start=date(2024, 1, 1), end=date(2025, 12, 31)).person_ref
    'p1'
    """

    seat: str
    start: date
    end: date
    organisation: str | None = None
    person_ref: str | None = attrs.field(default=None, metadata={"personal": "ref"})
    number: int = 1
    cohort: int = 0
    term: tuple[date, date] | None = None

    @property
    def term_dates(self) -> tuple[date, date]:
        """The term the record lies in: ``term``, else ``(start, end)``.

        >>> Tenure(seat="m1", start=date(2025, 3, 3), end=date(2025, 12, 31),
        ...        term=(date(2025, 1, 1), date(2025, 12, 31))).term_dates[0]
        datetime.date(2025, 1, 1)
        """
        return self.term if self.term is not None else (self.start, self.end)
