"""Succession: apply events to a composition over time (`FC-8`, `FC-15`, `KU-7`).

An :class:`Event` says what happened to one seat on one day; a :class:`History` is an
immutable log of events. :func:`apply_event` applies one event and
:func:`composition_at` replays a history up to a day. Both are pure: they never
change their inputs, and a rejected event changes *nothing* (the composition comes
back as the very same object).

How events are read:

* ``resign`` — the holder leaves. For a member with a personal deputy (deputy mode
  ``personal`` or ``optional``, `FC-8`) the deputy becomes the member: the member seat
  takes the deputy's organisation, person and nomination, and the deputy seat is
  vacant. Without a deputy the member seat is vacant. In a theme-network council
  (deputy mode ``pair``, `KU-7`) nobody is promoted: the seat is vacant and the
  partner carries on alone until the seat is filled. Other modes (``ordered``,
  ``agreed``, ``none``) promote nobody either.
* ``vacate`` — the seat is emptied without promotion (e.g. a removal).
* ``fill`` — a vacant seat gets a holder.
* ``replace`` — the holder changes in one step: ``vacate`` then ``fill``.

A *departure* (``resign``, ``vacate``) cannot be refused, so it is never rejected for
what it leaves behind (a vacancy, a member without a deputy, an incomplete pair):
:func:`~jarjestoyhteistyo.rules.validation.validate` reports those on the result. An
*arrival* (``fill``, ``replace``) is validated: it must not introduce an error finding
of :func:`~jarjestoyhteistyo.rules.validation.validate` that the composition did not have
before (`JY343`), except shortfalls that a later arrival mends (a member still
without a deputy `JY208`, an incomplete pair `JY213`, a missing official `JY214`,
too few committee members `JY209`). Functions (chair, vice-chair, secretary, ...)
belong to the holder: they leave with the holder (`JY351`) and move with a promoted
deputy.

Mid-term changes (`FC-15`): when the rule set names an authority in
``mid_term_changes``, every ``fill``, ``replace`` and ``vacate`` must record it in
``approved_by`` (`JY341`, `JY342`). A resignation needs no approval (the member's own
act; the promotion follows `FC-8` itself), but an approval recorded on one must still
be the right authority.

An event was applied exactly when its report has no errors; an applied event may
leave ``info`` and ``warning`` notes (`JY349` … `JY352`).

>>> from jarjestoyhteistyo.model.composition import Composition, Organisation, Person, Role, Seat
>>> from jarjestoyhteistyo.model.rulesets import Authority, FormalCommittee
>>> rules = FormalCommittee(name="Example", area="Example area", members_per_category=1)
>>> orgs = tuple(Organisation(id=i, categories=frozenset({"pensioners"})) for i in "ab")
>>> comp = Composition(organisations=orgs, seats=(
...     Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", organisation="a",
...          person=Person(role=Role.VOLUNTEER)),
...     Seat(id="d1", kind=SeatKind.DEPUTY, deputy_of="m1", organisation="b",
...          person=Person(role=Role.NGO_EMPLOYEE)),
... ))
>>> history = History(events=(
...     Event(date=dt.date(2025, 9, 1), kind=EventKind.FILL, seat="d1", organisation="a",
...           person=Person(role=Role.VOLUNTEER), approved_by=Authority.COMMITTEE),
...     Event(date=dt.date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1"),
... ))
>>> now, report = composition_at(rules, comp, history, dt.date(2025, 12, 31))
>>> now.seat("m1").organisation, now.seat("d1").organisation
('b', 'a')
>>> sorted(report.codes), report.ok
(['JY349'], True)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.calc.rotation import RotationError, rotation_plan
from jarjestoyhteistyo.calc.terms import check_consecutive, check_proposal
from jarjestoyhteistyo.codes import SHORTFALL, Code, finding
from jarjestoyhteistyo.errors import SuccessionError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.model.composition import (
    Composition,
    Seat,
    SeatKind,
)
from jarjestoyhteistyo.model.history import Event, EventKind, History, Tenure
from jarjestoyhteistyo.model.rulesets import (
    DeputyMode,
    GeneralRuleSet,
    RuleSet,
    SeatSource,
)
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.rules.seats import JY209
from jarjestoyhteistyo.rules.validation import VALIDATION_CODES, validate

__all__ = [
    "Event",
    "EventKind",
    "History",
    "SuccessionError",
    "apply_event",
    "composition_at",
    "load_history",
    "loads_history",
    "served_before",
    "tenures",
    "term_limits",
]

_ONE_DAY = relativedelta(days=1)

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

JY340 = Code(
    code="JY340",
    rule="FC-15",
    severity=E,
    title="Unknown seat",
    en="{kind} event: the composition has no seat {seat!r}",
    fix="Name a seat of the composition; events do not create seats.",
)

JY341 = Code(
    code="JY341",
    rule="FC-15",
    severity=E,
    title="Approval missing",
    en="{kind} of seat {seat} is a mid-term change and needs the approval of {authority}",
    fix="Record the approving authority in approved_by (FC-15).",
)

JY342 = Code(
    code="JY342",
    rule="FC-15",
    severity=E,
    title="Wrong approver",
    en="{kind} of seat {seat} was approved by {approved_by}; the rules name {authority}",
    fix="Have the change approved by the authority the rule set names (FC-15).",
)

JY343 = Code(
    code="JY343",
    rule="FC-15",
    severity=E,
    title="Event breaks a rule",
    en="{kind} of seat {seat} would break {finding_code}: {detail}",
    fix="Choose a holder that keeps the composition's rules; the event was not applied.",
)

JY344 = Code(
    code="JY344",
    rule="FC-15",
    severity=E,
    title="Seat already held",
    en="cannot fill seat {seat}: it is held by {holder}",
    fix="Use replace to change the holder, or resign/vacate the seat first.",
)

JY345 = Code(
    code="JY345",
    rule="FC-15",
    severity=E,
    title="Seat already vacant",
    en="cannot {kind} seat {seat}: it is vacant",
    fix="Use fill for a vacant seat.",
)

JY346 = Code(
    code="JY346",
    rule="FC-15",
    severity=E,
    title="Event before the composition",
    en="{kind} of seat {seat} on {date} is before the composition's date {as_of}",
    fix="Start from a composition dated on or before the event.",
)

JY347 = Code(
    code="JY347",
    rule="FC-15",
    severity=E,
    title="Malformed event",
    en="{kind} of seat {seat}: {detail}",
    fix="fill and replace name a holder; resign and vacate name none.",
)

JY348 = Code(
    code="JY348",
    rule="FC-15",
    severity=E,
    title="Conflicting organisation record",
    en="organisation {organisation} already exists with other details",
    fix="Use a new id, or leave new_organisation out to refer to the existing one.",
)

JY349 = Code(
    code="JY349",
    rule="FC-8",
    severity=I,
    title="Deputy promoted",
    en="member {seat} resigned: deputy {deputy} became the member; {deputy} is vacant",
    fix="Name a new personal deputy (FC-8).",
)

JY350 = Code(
    code="JY350",
    rule="KU-7",
    severity=I,
    title="Pair partner carries on",
    en="pair seat {seat} is vacant; {partner} carries on alone until it is filled",
    fix="The theme network names a new pair member (KU-7).",
)

JY351 = Code(
    code="JY351",
    rule="FC-7",
    severity=W,
    title="Function left unheld",
    en="seat {seat}: {functions} left with the holder",
    fix="Choose a new holder for the function (FC-7).",
)

JY352 = Code(
    code="JY352",
    rule="FC-8",
    severity=I,
    title="No deputy to promote",
    en="member {seat} resigned with no deputy to take over; the seat is vacant",
    fix="Fill the seat and name a personal deputy (FC-8).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY340,
    JY341,
    JY342,
    JY343,
    JY344,
    JY345,
    JY346,
    JY347,
    JY348,
    JY349,
    JY350,
    JY351,
    JY352,
)


_ARRIVALS = frozenset({EventKind.FILL, EventKind.REPLACE})
_NEEDS_APPROVAL = frozenset({EventKind.FILL, EventKind.REPLACE, EventKind.VACATE})


def loads_history(text: str | bytes, *, source: str | None = None) -> History:
    """A :class:`History` from YAML or JSON text, through the project's one converter.

    An unknown event kind is a :class:`~jarjestoyhteistyo.errors.LoadError` with a path.

    >>> loads_history("events: [{date: 2025-03-01, kind: resign, seat: m1}]").events[0].kind
    <EventKind.RESIGN: 'resign'>
    >>> from jarjestoyhteistyo.errors import LoadError
    >>> try:
    ...     loads_history("events: [{date: 2025-03-01, kind: resing, seat: m1}]")
    ... except LoadError as e:
    ...     print(e.problems[0])
    events[0].kind: expected one of resign, fill, vacate, replace, assign (or their Finnish or \
Swedish words), got the text 'resing'; did you mean 'resign'?
    """
    return loads(text, History, source=source)


def load_history(path: str | Path) -> History:
    """A :class:`History` from a YAML or JSON file (a ``LoadError`` if unusable)."""
    return load(path, History)


# ----------------------------------------------------------------- applying events
def _join(base: str, field: str) -> str:
    return field if base == "$" else f"{base}.{field}"


def _holder_text(seat: Seat) -> str:
    parts = [p for p in (seat.organisation, seat.person and seat.person.role.value) if p]
    return " / ".join(parts)


def _vacated(seat: Seat) -> Seat:
    return attrs.evolve(
        seat, organisation=None, person=None, nominated_by=None, functions=frozenset()
    )


def _functions_text(functions: frozenset[str]) -> str:
    return ", ".join(sorted(functions))


def _replace_seat(comp: Composition, seat: Seat) -> Composition:
    return attrs.evolve(comp, seats=tuple(seat if s.id == seat.id else s for s in comp.seats))


def _structural(
    general: GeneralRuleSet, comp: Composition, event: Event, base: str
) -> Iterator[Finding]:
    """Problems that reject the event before it is tried."""
    kind, seat_id = event.kind.value, event.seat
    seat = comp.find_seat(event.seat)
    if seat is None:
        yield finding(JY340, _join(base, "seat"), kind=kind, seat=seat_id)
    if comp.as_of is not None and event.date < comp.as_of:
        yield finding(
            JY346,
            _join(base, "date"),
            kind=kind,
            seat=seat_id,
            date=event.date.isoformat(),
            as_of=comp.as_of.isoformat(),
        )
    authority = general.mid_term_changes
    if authority is not None:
        if event.approved_by is None and event.kind in _NEEDS_APPROVAL:
            yield finding(JY341, base, kind=kind, seat=seat_id, authority=term(authority))
        elif event.approved_by is not None and event.approved_by is not authority:
            yield finding(
                JY342,
                _join(base, "approved_by"),
                kind=kind,
                seat=seat_id,
                approved_by=event.approved_by.value,
                authority=authority.value,
            )
    yield from _shape(comp, event, base)
    if seat is None:
        return
    if event.kind is EventKind.FILL and not seat.vacant:
        yield finding(JY344, _join(base, "seat"), seat=seat_id, holder=_holder_text(seat))
    if event.kind is not EventKind.FILL and seat.vacant:
        yield finding(JY345, _join(base, "seat"), kind=kind, seat=seat_id)


def _shape(comp: Composition, event: Event, base: str) -> Iterator[Finding]:
    kind, seat_id = event.kind.value, event.seat
    if event.kind in _ARRIVALS and not event.holder_given:
        yield finding(
            JY347,
            base,
            kind=kind,
            seat=seat_id,
            detail=Text("no holder given (organisation or person)"),
        )
    if (event.kind is EventKind.ASSIGN) is not bool(event.functions):
        yield finding(
            JY347,
            _join(base, "functions"),
            kind=kind,
            seat=seat_id,
            detail=Text("an assign event names the functions, and only an assign event does"),
        )
    if event.kind not in _ARRIVALS and (event.holder_given or event.nominated_by is not None):
        yield finding(
            JY347,
            base,
            kind=kind,
            seat=seat_id,
            detail=Text("a departure names no new holder"),
        )
    new = event.new_organisation
    if new is None:
        return
    if event.organisation is not None and event.organisation != new.id:
        yield finding(
            JY347,
            _join(base, "organisation"),
            kind=kind,
            seat=seat_id,
            detail=Text(
                "organisation {organisation!r} is not new_organisation {new!r}",
                organisation=event.organisation,
                new=new.id,
            ),
        )
    known = comp.find_organisation(new.id)
    if known is not None and known != new:
        yield finding(JY348, _join(base, "new_organisation"), organisation=new.id)


def _depart(
    general: GeneralRuleSet, comp: Composition, seat: Seat, *, promote: bool, base: str
) -> tuple[Composition, list[Finding]]:
    """``seat``'s holder leaves; with ``promote`` a personal deputy takes over."""
    notes: list[Finding] = []
    if seat.functions:
        notes.append(
            finding(
                JY351,
                _join(base, "seat"),
                seat=seat.id,
                functions=_functions_text(seat.functions),
            )
        )
    group = next((g for g in general.seat_groups if g.id == seat.group), None)
    mode = general.deputies.mode
    if (
        promote
        and seat.kind is SeatKind.MEMBER
        and mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
    ):
        deputy = next(
            (
                s
                for s in comp.seats
                if s.kind is SeatKind.DEPUTY and s.deputy_of == seat.id and not s.vacant
            ),
            None,
        )
        if deputy is not None:
            promoted = attrs.evolve(
                seat,
                organisation=deputy.organisation,
                person=deputy.person,
                nominated_by=deputy.nominated_by,
                functions=deputy.functions,
            )
            comp = _replace_seat(_replace_seat(comp, promoted), _vacated(deputy))
            notes.append(finding(JY349, base, seat=seat.id, deputy=deputy.id))
            return comp, notes
        notes.append(finding(JY352, base, seat=seat.id))
    elif (
        mode is DeputyMode.PAIR
        and seat.kind is SeatKind.MEMBER
        and group is not None
        and group.source is SeatSource.NETWORK
    ):
        partners = [
            s.id
            for s in comp.seats
            if s.id != seat.id
            and s.group == seat.group
            and s.kind is SeatKind.MEMBER
            and not s.vacant
        ]
        notes.append(
            finding(
                JY350,
                base,
                seat=seat.id,
                partner=", ".join(partners) if partners else "nobody",
                partners=tuple(partners),
            )
        )
    return _replace_seat(comp, _vacated(seat)), notes


def _is_shortfall(f: Finding, general: GeneralRuleSet) -> bool:
    """True for an error about something still *missing*, which a later arrival mends."""
    if f.code not in _SHORTFALLS:
        return False
    if f.code == JY209.code:  # too few committee members, not too many
        filled = f.params.get("filled")
        return isinstance(filled, int) and all(
            g.seats.max is None or filled <= g.seats.max
            for g in general.seat_groups
            if g.source is SeatSource.COMMITTEE
        )
    return True


#: Codes of :func:`~jarjestoyhteistyo.rules.validation.validate` tagged ``shortfall``.
_SHORTFALLS = frozenset(c.code for c in VALIDATION_CODES if SHORTFALL in c.tags)


def _new_errors(before: Report, after: Report, general: GeneralRuleSet) -> list[Finding]:
    seen = Counter(before.errors)
    out: list[Finding] = []
    for f in after.errors:
        if seen[f] > 0:
            seen[f] -= 1
        elif not _is_shortfall(f, general):
            out.append(f)
    return out


def _arrive(comp: Composition, seat: Seat, event: Event) -> Composition:
    new = event.new_organisation
    if new is not None and comp.find_organisation(new.id) is None:
        comp = attrs.evolve(comp, organisations=(*comp.organisations, new))
    filled = attrs.evolve(
        seat,
        organisation=event.holder_organisation,
        person=event.person,
        nominated_by=event.nominated_by,
    )
    return _replace_seat(comp, filled)


def _assign(comp: Composition, event: Event) -> Composition:
    """The event's seat takes its functions; every other seat gives them up (one holder)."""
    seats = tuple(
        attrs.evolve(s, functions=s.functions | event.functions)
        if s.id == event.seat
        else attrs.evolve(s, functions=s.functions - event.functions)
        if s.functions & event.functions
        else s
        for s in comp.seats
    )
    return attrs.evolve(comp, seats=seats)


def _apply(
    general: GeneralRuleSet, comp: Composition, event: Event, base: str, kind: str
) -> tuple[Composition, tuple[Finding, ...]]:
    problems = list(_structural(general, comp, event, base))
    if problems:
        return comp, tuple(problems)
    seat = comp.seat(event.seat)
    notes: list[Finding] = []
    if event.kind in (EventKind.RESIGN, EventKind.VACATE, EventKind.REPLACE):
        promote = event.kind is EventKind.RESIGN
        after, notes = _depart(general, comp, seat, promote=promote, base=base)
    else:
        after = comp
    if event.kind in _ARRIVALS or event.kind is EventKind.ASSIGN:
        before_report = validate(general, after, kind=kind)
        if event.kind is EventKind.ASSIGN:
            after = _assign(after, event)
        else:
            after = _arrive(after, after.seat(event.seat), event)
        broken = _new_errors(before_report, validate(general, after, kind=kind), general)
        if broken:
            codes = tuple(sorted({f.code for f in broken}))
            return comp, tuple(
                finding(
                    JY343,
                    base,
                    rule=f.rule,
                    kind=event.kind.value,
                    seat=event.seat,
                    finding_code=f.code,
                    codes=codes,
                    detail=f,
                )
                for f in broken
            )
        if event.kind is EventKind.REPLACE:
            # the vacate half only notes lost functions; the seat is held again
            notes = [n for n in notes if n.code == JY351.code]
    return attrs.evolve(after, as_of=event.date), tuple(notes)


def apply_event(
    rules: RuleSet, composition: Composition, event: Event
) -> tuple[Composition, Report]:
    """Apply one event; return the new composition and a report.

    A rejected event (the report has errors) returns ``composition`` itself,
    unchanged. An applied event returns a new composition dated ``event.date``.
    Finding paths point into the event (``seat``, ``approved_by``; ``$`` is the event).

    >>> from jarjestoyhteistyo.model.composition import (
    ...     Composition, Organisation, Person, Role, Seat
    ... )
    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> rules = FormalCommittee(name="Example", area="Example area", members_per_category=1)
    >>> org = Organisation(id="a", categories=frozenset({"pensioners"}))
    >>> comp = Composition(organisations=(org,), seats=(
    ...     Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", organisation="a",
    ...          person=Person(role=Role.VOLUNTEER)),
    ...     Seat(id="d1", kind=SeatKind.DEPUTY, deputy_of="m1"),
    ... ))
    >>> fill = Event(date=dt.date(2025, 3, 1), kind=EventKind.FILL, seat="d1",
    ...              organisation="a", person=Person(role=Role.VOLUNTEER))
    >>> after, report = apply_event(rules, comp, fill)
    >>> after is comp, sorted(report.codes)  # no approval (FC-15), own member's org (FC-9)
    (True, ['JY341'])
    >>> import attrs
    >>> from jarjestoyhteistyo.model.rulesets import Authority
    >>> approved = attrs.evolve(fill, approved_by=Authority.COMMITTEE)
    >>> after, report = apply_event(rules, comp, approved)
    >>> after is comp, [(f.code, f.params["finding_code"], f.rule) for f in report]
    (True, [('JY343', 'JY205', 'FC-9')])
    """
    general = rules.as_general()
    after, found = _apply(general, composition, event, "$", rules.kind)
    return after, Report(subject=composition.name or rules.title, findings=found)


def _replay(
    general: GeneralRuleSet, comp: Composition, indexed: Iterable[tuple[int, Event]], kind: str
) -> tuple[Composition, list[Finding]]:
    found: list[Finding] = []
    for i, event in indexed:
        comp, notes = _apply(general, comp, event, f"events[{i}]", kind)
        found.extend(notes)
    return comp, found


def composition_at(
    rules: RuleSet, initial: Composition, history: History, day: dt.date
) -> tuple[Composition, Report]:
    """The composition on ``day``: ``initial`` with every event dated on or before it.

    Events apply in date order (events of one day in recorded order); a rejected
    event is skipped and its findings are reported with paths like ``events[3].seat``
    (the index in ``history.events`` as recorded). The result is dated ``day``.
    Raises :class:`SuccessionError` for a day before ``initial.as_of``.

    >>> from jarjestoyhteistyo.model.composition import Composition, Seat
    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> rules = FormalCommittee(name="Example", area="Example area")
    >>> comp = Composition(seats=(Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners"),))
    >>> h = History(events=(Event(date=dt.date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1"),))
    >>> now, report = composition_at(rules, comp, h, dt.date(2025, 6, 1))
    >>> now.as_of, [(f.code, f.path) for f in report]
    (datetime.date(2025, 6, 1), [('JY345', 'events[0].seat')])
    """
    if initial.as_of is not None and day < initial.as_of:
        raise SuccessionError(
            Text(
                "no composition is known on {day}: the initial composition is dated {as_of}",
                day=day.isoformat(),
                as_of=initial.as_of.isoformat(),
            )
        )
    general = rules.as_general()
    indexed = sorted(
        ((i, e) for i, e in enumerate(history.events) if e.date <= day), key=lambda p: p[1].date
    )
    comp, found = _replay(general, initial, indexed, rules.kind)
    return (
        attrs.evolve(comp, as_of=day),
        Report(subject=initial.name or rules.title, findings=tuple(found)),
    )


# ------------------------------------------------------------ who sat where
#: Who holds a seat: its organisation and its person's pseudonymous ref.
_Holder = tuple[str | None, str | None]


def _holder(seat: Seat) -> _Holder:
    return seat.organisation, seat.person.ref if seat.person is not None else None


def _holder_changes(
    general: GeneralRuleSet, initial: Composition, history: History, until: dt.date, kind: str
) -> dict[str, list[tuple[dt.date, _Holder]]]:
    """Per seat, the days its holder (organisation and person ref) changed, replaying
    the history as :func:`composition_at` does; ``(None, None)`` is nobody named."""
    start = initial.as_of or until
    changes = {s.id: [(start, _holder(s))] for s in initial.seats}
    indexed = sorted(
        ((i, e) for i, e in enumerate(history.events) if e.date <= until), key=lambda p: p[1].date
    )
    comp = initial
    for i, event in indexed:
        after, _ = _apply(general, comp, event, f"events[{i}]", kind)
        if after is comp:  # rejected: nothing changed
            continue
        for seat in after.seats:
            own, holder = changes[seat.id], _holder(seat)
            if own[-1][1] == holder:
                continue
            if own[-1][0] == event.date:  # several changes on one day: the last counts
                own.pop()
            if not own or own[-1][1] != holder:
                own.append((event.date, holder))
        comp = after
    return changes


def _planned(
    rules: RuleSet, initial: Composition, start: dt.date, until: dt.date
) -> dict[str, list[Tenure]]:
    """The rotation plan's tenures per seat (none when the term cannot be planned)."""
    try:
        years = relativedelta(until, start).years + 1
        planned = rotation_plan(rules, initial, start=start, years=years).tenures
    except RotationError:
        planned = ()
    terms_of: dict[str, list[Tenure]] = {}
    for t in planned:
        terms_of.setdefault(t.seat, []).append(t)
    return terms_of


def tenures(
    rules: RuleSet, initial: Composition, history: History, until: dt.date
) -> tuple[Tenure, ...]:
    """Who sat where from ``initial.as_of`` to ``until``, as the library's one tenure
    record (:class:`~jarjestoyhteistyo.calc.terms.Tenure`), derived from the one history.

    The history is replayed as by :func:`composition_at`. A seat's holder is its
    organisation and its person's :attr:`~jarjestoyhteistyo.model.composition.Person.ref`
    (``person_ref``; a promoted deputy keeps theirs); a stint runs from the day the
    holder takes the seat to the day before the next change of either (or ``until``),
    cut at the seat's changeovers in
    :func:`~jarjestoyhteistyo.calc.rotation.rotation_plan` from ``initial.as_of``, so a
    record lies within one term, carries that tenure's ``number`` and ``cohort``, and
    names the planned term in ``term`` when it covers only part of it (unplanned seats
    and `OF-8` terms are not cut; ``number`` counts stints). The records feed
    :func:`~jarjestoyhteistyo.calc.terms.check_consecutive`: per person (`FC-13`,
    ``JY301``) and per organisation (`WS-5`, ``JY302``), a term counts once however
    many seats the holder had in it. Raises :class:`SuccessionError` without
    ``initial.as_of`` or for ``until`` before it.

    >>> from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat
    >>> from jarjestoyhteistyo.model.rulesets import GeneralRuleSet, IntRange, SeatGroup, TermPolicy
    >>> rules = GeneralRuleSet(name="Example", area="Example area", term=TermPolicy(months=12),
    ...     seat_groups=(SeatGroup(id="g", source=SeatSource.OPEN, seats=IntRange(max=1)),))
    >>> comp = Composition(as_of=dt.date(2025, 1, 1), seats=(
    ...     Seat(id="m1", kind=SeatKind.MEMBER, group="g", organisation="o1",
    ...          person=Person(role=Role.VOLUNTEER, ref="p1")),))
    >>> gone = History(events=(Event(date=dt.date(2026, 7, 1), kind=EventKind.VACATE,
    ...                              seat="m1"),))
    >>> [(t.organisation, t.person_ref, str(t.start), str(t.end), t.number)
    ...  for t in tenures(rules, comp, gone, dt.date(2026, 12, 31))]
    [('o1', 'p1', '2025-01-01', '2025-12-31', 1), ('o1', 'p1', '2026-01-01', '2026-06-30', 2)]
    """
    start = initial.as_of
    if start is None or until < start:
        raise SuccessionError(
            Text(
                "tenures need an initial composition dated (as_of) on or before {until}, not"
                " {as_of}",
                until=until.isoformat(),
                as_of=start.isoformat(),
            )
            if start is not None
            else Text(
                "tenures need an initial composition dated (as_of) on or before {until}; it"
                " has no date",
                until=until.isoformat(),
            )
        )
    terms_of = _planned(rules, initial, start, until)
    out: list[Tenure] = []
    for seat, changes in sorted(
        _holder_changes(rules.as_general(), initial, history, until, rules.kind).items()
    ):
        held = 0
        for j, (begin, (organisation, ref)) in enumerate(changes):
            end = changes[j + 1][0] - _ONE_DAY if j + 1 < len(changes) else until
            if (organisation is None and ref is None) or end < begin:
                continue
            held += 1
            cuts = [
                (max(begin, p.start), min(end, p.end), p.number, p.cohort, (p.start, p.end))
                for p in terms_of.get(seat, ())
                if p.start <= end and begin <= p.end
            ] or [(begin, end, held, 0, (begin, end))]
            out.extend(
                Tenure(
                    seat=seat,
                    organisation=organisation,
                    person_ref=ref,
                    start=a,
                    end=b,
                    number=n,
                    cohort=c,
                    term=None if term == (a, b) else term,
                )
                for a, b, n, c, term in cuts
            )
    return tuple(out)


# ------------------------------------------------------------------ term limits
def _last_day(initial: Composition, history: History) -> dt.date:
    """The history's last date: its last event, else the initial composition's date."""
    days = [e.date for e in history.events]
    if initial.as_of is not None:
        days.append(initial.as_of)
    if not days:
        raise SuccessionError(Text("term limits need a dated initial composition (as_of)"))
    return max(days)


def term_limits(
    rules: RuleSet,
    history: History,
    *,
    initial: Composition | None = None,
    proposal: Composition | None = None,
    until: dt.date | None = None,
) -> Report:
    """Consecutive-term limits (``JY301`` per person, ``JY302`` per organisation) on
    the tenures of ``history``, and of a ``proposal`` continuing from it.

    The tenures are :func:`tenures` from ``initial`` (else ``history.initial``) to
    ``until`` (else the history's last date: its last event or the initial
    composition's ``as_of``), read by
    :func:`~jarjestoyhteistyo.calc.terms.check_consecutive` against the rule set's
    ``term.max_consecutive_person`` / ``max_consecutive_organisation``. A term is a
    membership window of the rule set's term policy (a seat's planned term in
    :func:`~jarjestoyhteistyo.calc.rotation.rotation_plan`); a holder counts it once
    however many seats they had in it, and a day without a seat resets the count.

    With a ``proposal``, every held seat of it is one more term, from
    ``proposal.as_of`` (else the day after the history's last date): its holders
    continue a run when they held a seat up to that day. Then only findings whose run
    reaches into the proposal are reported, with the path of the proposal's seat
    (``seats[2]``). Without any limit in the rule set nothing is reported and nothing
    is read. Raises :class:`SuccessionError` without a starting composition, or for a
    proposal dated on or before the history's last date.

    >>> from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat
    >>> from jarjestoyhteistyo.model.rulesets import GeneralRuleSet, IntRange, SeatGroup, TermPolicy
    >>> rules = GeneralRuleSet(name="Example", area="Example area",
    ...     term=TermPolicy(months=12, max_consecutive_person=2),
    ...     seat_groups=(SeatGroup(id="g", source=SeatSource.OPEN, seats=IntRange(max=1)),))
    >>> held = Composition(as_of=dt.date(2024, 1, 1), seats=(
    ...     Seat(id="m1", kind=SeatKind.MEMBER, group="g", organisation="o1",
    ...          person=Person(role=Role.VOLUNTEER, ref="p1")),))
    >>> h = History(initial=held)
    >>> term_limits(rules, h, until=dt.date(2025, 12, 31)).ok  # two terms: at the limit
    True
    >>> again = attrs.evolve(held, as_of=dt.date(2026, 1, 1))
    >>> [(f.code, f.path, f.params["count"])
    ...  for f in term_limits(rules, h, proposal=again, until=dt.date(2025, 12, 31))]
    [('JY301', 'seats[0]', 3)]
    """
    general = rules.as_general()
    policy = general.term
    if policy is None or (
        policy.max_consecutive_person is None and policy.max_consecutive_organisation is None
    ):
        return Report(subject=Text("consecutive terms"))
    if proposal is None:
        start_comp = _initial(history, initial)
        last = until if until is not None else _last_day(start_comp, history)
        return check_consecutive(tenures(rules, start_comp, history, last), policy)
    served = served_before(rules, history, proposal, initial=initial, until=until)
    begin = proposal.as_of if proposal.as_of is not None else _served_end(served)
    found = check_proposal(served, proposal, policy, start=begin)
    return Report(subject=proposal.name or rules.title, findings=found)


def _initial(history: History, initial: Composition | None) -> Composition:
    start_comp = initial if initial is not None else history.initial
    if start_comp is None:
        raise SuccessionError(
            Text(
                "term limits need the composition the history starts from: give the history"
                " an 'initial' composition"
            )
        )
    return start_comp


def _served_end(served: tuple[Tenure, ...]) -> dt.date | None:
    """The day after the last tenure of ``served`` (``None`` for none)."""
    return max(t.end for t in served) + _ONE_DAY if served else None


def served_before(
    rules: RuleSet,
    history: History,
    proposal: Composition,
    *,
    initial: Composition | None = None,
    until: dt.date | None = None,
) -> tuple[Tenure, ...]:
    """The tenures of ``history`` up to the day before ``proposal`` starts: its
    ``as_of``, else the day after the history's last date (``until``, else its last
    event or the initial composition's date). These are what
    :func:`~jarjestoyhteistyo.rules.validation.validate` takes as ``history``.
    Raises :class:`SuccessionError` without a starting composition (``initial``, else
    ``history.initial``) or for a proposal dated on or before the history's last date.
    """
    start_comp = _initial(history, initial)
    last = until if until is not None else _last_day(start_comp, history)
    begin = proposal.as_of if proposal.as_of is not None else last + _ONE_DAY
    if begin <= last:
        raise SuccessionError(
            Text(
                "the proposal starts on {start}, not after the history's last date {last}",
                start=begin.isoformat(),
                last=last.isoformat(),
            )
        )
    return tenures(rules, start_comp, history, begin - _ONE_DAY)
