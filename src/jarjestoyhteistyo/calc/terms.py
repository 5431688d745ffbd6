"""Council terms, membership windows, consecutive-term limits and rotating duties.

Facts (``DOMAIN.md``, "Facts about terms"):

* regional councils: the first term ran 1 March 2022 – 31 May 2025; later terms are
  four years from 1 June (2025-06-01 – 2029-05-31, 2029-06-01 – 2033-05-31, ...);
* municipal councils: 1 August 2021 – 31 May 2025, then four-year terms from 1 June.

Terms are numbered from the first term the library knows (``number=1``).

Date arithmetic follows one rule throughout: every date is computed from its anchor
with :class:`dateutil.relativedelta.relativedelta` (``start + relativedelta(months=m * k)``),
never by chaining steps. ``relativedelta`` clips to the end of the month, so
31 January + 1 month is 28 February (29 in a leap year). A window *ends* on the day
before its anniversary: ``start + relativedelta(months=m) - relativedelta(days=1)``.

A "2-year" membership started mid-term and a council-term membership end on different
dates (`FC-12`, `WS-5`); every :class:`Window` says in ``rule`` which rule produced it.

This module is the library's one council calendar and its one term arithmetic:
:func:`~jarjestoyhteistyo.calc.rotation.rotation_plan` takes every tenure from
:func:`membership_window`, and :mod:`~jarjestoyhteistyo.analysis.simulate` and
:class:`~jarjestoyhteistyo.model.rulesets.TermPolicy` read the council term's length from
:data:`COUNCIL_TERM_MONTHS`. Council-bound windows end on the last day of a council
term (or of its fraction), so their changeovers fall on the day after: 1 June in every
term after the first.

>>> council_term_on(date(2024, 5, 1))
CouncilTerm(council=<Council.REGIONAL: 'regional'>, start=datetime.date(2022, 3, 1), \
end=datetime.date(2025, 5, 31), number=1)
>>> w = membership_window(TermPolicy(mode=TermMode.FIXED, months=24), date(2024, 5, 1))
>>> (w.start, w.end)
(datetime.date(2024, 5, 1), datetime.date(2026, 4, 30))
>>> w = membership_window(TermPolicy(mode=TermMode.COUNCIL), date(2024, 5, 1))
>>> w.end
datetime.date(2025, 5, 31)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import MAXYEAR, MINYEAR, date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import TermError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Term, Text, Translatable
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_COUNT, MAX_HORIZON_YEARS
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.ids import normal_id
from jarjestoyhteistyo.model.rulesets import (
    Council,
    RotationPractice,
    TermMode,
    TermPolicy,
)
from jarjestoyhteistyo.model.vocabulary import term as _word

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

    from jarjestoyhteistyo.model.history import Tenure

__all__ = [
    "COUNCIL_TERM_MONTHS",
    "FIRST_TERMS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "LATER_TERMS_START",
    "MAX_HORIZON_YEARS",
    "TERM_YEARS",
    "CouncilTerm",
    "Streak",
    "Tenure",
    "TenureKey",
    "TermError",
    "Window",
    "check_consecutive",
    "check_day",
    "check_proposal",
    "check_year",
    "cohorts",
    "consecutive_terms",
    "council_term_on",
    "council_terms",
    "fixed_span",
    "longest_term_months",
    "membership_window",
    "practice",
]


JY301 = Code(
    code="JY301",
    rule="FC-13",
    severity=Severity.ERROR,
    title="person over the limit of consecutive terms",
    en="person {person_ref} has served {count} consecutive terms"
    " ({start}–{end}); at most {max} are allowed",
    fix="Replace the member at the next changeover, or raise max_consecutive_person.",
)

JY302 = Code(
    code="JY302",
    rule="WS-5",
    severity=Severity.ERROR,
    title="organisation over the limit of consecutive terms",
    en="organisation {organisation} has held a seat for {count} consecutive terms"
    " ({start}–{end}); at most {max} are allowed",
    fix="Let another organisation take the seat at the next changeover, or raise"
    " max_consecutive_organisation.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY301, JY302)


#: What :func:`check_year` and :func:`check_day` call the value they check by default.
_THE_YEAR: Translatable = Text("the year")
_THE_DATE: Translatable = Text("the date")


def check_year(year: int, what: str | Translatable = _THE_YEAR) -> None:
    """:class:`TermError` unless ``FIRST_YEAR <= year <= LAST_YEAR``; ``what`` names the
    value in the message (a :class:`~jarjestoyhteistyo.i18n.Text` says it in every
    language).

    >>> check_year(2026)
    >>> try:
    ...     check_year(10000)
    ... except TermError as exc:
    ...     print(exc, "/", exc.message_in("fi"))
    the year 10000 is outside 1900–2200 / vuosi 10000 ei osu vuosille 1900–2200
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TermError(
            Text(
                "{what} {year} is outside {first}–{last}",
                what=what,
                year=year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )


def check_day(day: date, what: str | Translatable = _THE_DATE) -> None:
    """:class:`TermError` unless ``day`` falls in the years :func:`check_year` accepts."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise TermError(
            Text(
                "{what} {day} is outside {first}–{last}",
                what=what,
                day=day.isoformat(),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )


#: Length of a council term after the first one, in years.
TERM_YEARS = 4

#: Length of a council term after the first one, in months: the one value that
#: rotation plans, the attrition simulation and ``TermPolicy.max_months`` read.
COUNCIL_TERM_MONTHS = TERM_YEARS * 12

#: Later terms of both councils start on 1 June 2025 + 4k years.
LATER_TERMS_START = date(2025, 6, 1)


def _delta(*args: Any, **kwargs: Any) -> relativedelta:
    """``dateutil.relativedelta.relativedelta(*args, **kwargs)``, named in full: dateutil
    imports the module on first use, so a check of a rule set's terms (which computes
    no dates) does not load it (dateutil before 2.9 imports no submodule itself)."""
    import dateutil.relativedelta

    return dateutil.relativedelta.relativedelta(*args, **kwargs)


#: The first term the library knows, per council: ``(start, end)``.
FIRST_TERMS: Mapping[Council, tuple[date, date]] = MappingProxyType(
    {
        Council.REGIONAL: (date(2022, 3, 1), date(2025, 5, 31)),
        Council.MUNICIPAL: (date(2021, 8, 1), date(2025, 5, 31)),
    }
)


@attrs.frozen(kw_only=True)
class CouncilTerm:
    """One term of a regional or municipal council; ``number`` counts from 1 (the
    first term the library knows); ``start`` and ``end`` are both inclusive."""

    council: Council
    start: date
    end: date
    number: int

    def contains(self, day: date) -> bool:
        """True when ``start <= day <= end``.

        >>> council_term_on(date(2026, 1, 1)).contains(date(2029, 5, 31))
        True
        """
        return self.start <= day <= self.end


def _term_by_number(council: Council, number: int) -> CouncilTerm:
    """The ``number``-th known term of ``council`` (1 = the first)."""
    if number < 1:
        raise TermError(Text("council terms are numbered from 1, not {number}", number=number))
    if number == 1:
        start, end = FIRST_TERMS[council]
        return CouncilTerm(council=council, start=start, end=end, number=1)
    k = number - 2
    if LATER_TERMS_START.year + TERM_YEARS * (k + 1) >= MAXYEAR:
        raise TermError(
            Text(
                "council term {number} would end after the year {year}, past the calendar",
                number=number,
                year=MAXYEAR,
            )
        )
    return CouncilTerm(
        council=council,
        start=LATER_TERMS_START + _delta(years=TERM_YEARS * k),
        end=LATER_TERMS_START + _delta(years=TERM_YEARS * (k + 1)) - _delta(days=1),
        number=number,
    )


def council_term_on(day: date, council: Council = Council.REGIONAL) -> CouncilTerm:
    """The council term in force on ``day``.

    Raises :class:`TermError` for a day before the first known term (regional:
    1 March 2022; municipal: 1 August 2021).

    >>> council_term_on(date(2025, 6, 1)).start
    datetime.date(2025, 6, 1)
    >>> council_term_on(date(2025, 5, 31), Council.MUNICIPAL).start
    datetime.date(2021, 8, 1)
    >>> council_term_on(date(2022, 2, 28))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    TermError: no regional council term is known before 2022-03-01 (asked for 2022-02-28)
    """
    first_start, first_end = FIRST_TERMS[council]
    if day < first_start:
        raise TermError(
            Text(
                "no {council} council term is known before {first} (asked for {day})",
                council=_council_of(council),
                first=first_start.isoformat(),
                day=day.isoformat(),
            )
        )
    check_day(day)
    if day <= first_end:
        return _term_by_number(council, 1)
    k = _delta(day, LATER_TERMS_START).years // TERM_YEARS
    return _term_by_number(council, k + 2)


def council_terms(
    first_year: int, last_year: int, council: Council = Council.REGIONAL
) -> tuple[CouncilTerm, ...]:
    """The council terms that overlap the calendar years ``first_year``–``last_year``.

    Raises :class:`TermError` when ``first_year`` is before the year the first known
    term starts, or when ``last_year < first_year``.

    >>> [(t.start.year, t.end.year) for t in council_terms(2022, 2030)]
    [(2022, 2025), (2025, 2029), (2029, 2033)]
    """
    first_start, _ = FIRST_TERMS[council]
    if first_year < first_start.year:
        raise TermError(
            Text(
                "no {council} council term is known before {first} (asked for the year {year})",
                council=_council_of(council),
                first=first_start.isoformat(),
                year=first_year,
            )
        )
    if last_year < first_year:
        raise TermError(
            Text(
                "the last year {last} is before the first year {first}",
                last=last_year,
                first=first_year,
            )
        )
    check_year(last_year, Text("the last year"))
    period_start = max(date(first_year, 1, 1), first_start)
    term = council_term_on(period_start, council)
    last_day = date(last_year, 12, 31)
    out: list[CouncilTerm] = []
    while term.start <= last_day:
        out.append(term)
        term = _term_by_number(council, term.number + 1)
    return tuple(out)


def _council_of(council: Council) -> Term:
    """The council as a text names it before "council term": ``regional`` in English,
    the council's genitive in Finnish and Swedish (*aluevaltuuston*,
    *välfärdsområdesfullmäktiges*)."""
    if council is Council.MUNICIPAL:
        return Term(council.value, fi="kunnanvaltuuston", sv="kommunfullmäktiges")
    return Term(council.value, fi="aluevaltuuston", sv="välfärdsområdesfullmäktiges")


# ---------------------------------------------------------------------- windows
@attrs.frozen(kw_only=True)
class Window:
    """A period of membership or duty; ``end=None`` means open-ended.

    ``rule`` is a one-line English statement of the rule that produced the window, and
    ``text`` the same statement in every language (:meth:`rule_in`; ``None``: the
    window was made with an English ``rule`` only). :meth:`of` makes a window from its
    :class:`~jarjestoyhteistyo.i18n.Text`.

    >>> Window(start=date(2025, 1, 1), end=None, rule="agreed (OF-8)").contains(date(2099, 1, 1))
    True
    >>> w = membership_window(TermPolicy(mode=TermMode.AGREED), date(2026, 1, 1))
    >>> w.rule, w.rule_in("sv")
    ('agreed with the NGOs (OF-8): open-ended', 'enligt överenskommelse med organisationerna \
(OF-8): tills vidare')
    """

    start: date
    end: date | None
    rule: str
    #: The rule in every language; not compared, not shown in ``repr``.
    text: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, start: date, end: date | None, text: Translatable) -> Window:
        """A window whose :attr:`rule` is ``text`` (in English)."""
        return cls(start=start, end=end, rule=text.text_in("en"), text=text)

    def rule_in(self, lang: str) -> str:
        """The rule that produced the window in ``lang`` (``fi``, ``sv``, ``en``):
        :attr:`rule` where the window has no translation."""
        return self.rule if self.text is None else self.text.text_in(lang)

    def contains(self, day: date) -> bool:
        """True when ``day`` falls inside the window (both ends inclusive).

        >>> Window(start=date(2025, 1, 1), end=date(2025, 12, 31), rule="x").contains(
        ...     date(2026, 1, 1))
        False
        """
        return self.start <= day and (self.end is None or day <= self.end)


def _months_between(start: date, end_exclusive: date) -> int:
    delta = _delta(end_exclusive, start)
    return delta.years * 12 + delta.months


def fixed_span(start: date, months: int, k: int) -> tuple[date, date]:
    """Window ``k`` of ``months`` months counted from the anchor ``start`` (also the
    arithmetic of rotating duties, :mod:`jarjestoyhteistyo.calc.duties`).

    :class:`TermError` when the window falls outside the years a date can hold (a far
    window of a long period): counted in whole months first, so nothing overflows.

    >>> fixed_span(date(2025, 1, 31), 1, 1)
    (datetime.date(2025, 2, 28), datetime.date(2025, 3, 30))
    >>> fixed_span(date(2200, 1, 1), 2400, 41)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    TermError: window 41 of 2400 months from 2200-01-01 falls outside the calendar (years 1–9999)
    """
    for n in (months * k, months * (k + 1)):
        year = (start.year * 12 + start.month - 1 + n) // 12
        if not MINYEAR < year < MAXYEAR:  # one year's margin for the day before
            raise TermError(
                Text(
                    "window {k} of {months} months from {start} falls outside the calendar"
                    " (years {first}–{last})",
                    k=k,
                    months=months,
                    start=start.isoformat(),
                    first=MINYEAR,
                    last=MAXYEAR,
                )
            )
    return (
        start + _delta(months=months * k),
        start + _delta(months=months * (k + 1)) - _delta(days=1),
    )


def _parts(fraction: float | None) -> int:
    if fraction is None:
        raise TermError(
            Text("a term that is a part of the council term needs the part (fraction, e.g. 0.5)")
        )
    if not 1e-5 <= fraction <= 1:  # a smaller part: 1 / fraction overflows
        raise TermError(
            Text(
                "the part of the council term (fraction) must be above 0 and at most 1,"
                " such as 0.5; it is {fraction}",
                fraction=fraction,
            )
        )
    n = round(1 / fraction)
    if abs(n * fraction - 1) > 1e-9:
        raise TermError(
            Text(
                "the part {fraction} does not split a council term into equal parts;"
                " give 1/2, 1/3, 1/4 and so on (0.5, 0.25)",
                fraction=fraction,
            )
        )
    return n


def _part(term: CouncilTerm, n: int, p: int) -> tuple[date, date]:
    """Part ``p`` (0-based) of ``n`` of ``term``, boundaries rounded down to whole months."""
    total = _months_between(term.start, term.end + _delta(days=1))
    if total < n:
        raise TermError(
            Text(
                "the council term {start}–{end} has {months} months and cannot be split into"
                " {parts} parts of whole months",
                start=term.start.isoformat(),
                end=term.end.isoformat(),
                months=total,
                parts=n,
            )
        )
    return (
        term.start + _delta(months=(total * p) // n),
        term.start + _delta(months=(total * (p + 1)) // n) - _delta(days=1),
    )


def _check_index(index: int, name: str = "index") -> None:
    if index < 0:
        raise TermError(Text("{name} must be zero or more, not {index}", name=name, index=index))


def longest_term_months(policy: TermPolicy) -> int:
    """The longest term in months the body accepts: ``policy.max_months``, or when that
    is not given, one council term (:data:`COUNCIL_TERM_MONTHS`).

    >>> longest_term_months(TermPolicy()), longest_term_months(TermPolicy(max_months=36))
    (48, 36)
    """
    return COUNCIL_TERM_MONTHS if policy.max_months is None else policy.max_months


def practice(policy: TermPolicy) -> RotationPractice:
    """The rotation practice a plan follows: the stated one; otherwise staggered terms
    (the library's reading when the rule set does not say; ``check`` reports it).

    >>> from jarjestoyhteistyo.model.rulesets import RotationPractice
    >>> practice(TermPolicy(rotation=0.5)).value
    'staggered_terms'
    >>> practice(TermPolicy(rotation=0.5, rotation_practice=RotationPractice.EACH_TERM)).value
    'each_term'
    """
    if policy.first_term_months:  # KU-5: the first terms themselves stagger
        return RotationPractice.STAGGERED_TERMS
    return policy.rotation_practice or RotationPractice.STAGGERED_TERMS


def cohorts(policy: TermPolicy) -> int:
    """How many staggered cohorts a first term (``first=True``) has (`FC-13`, `KU-5`).

    ``first_term_months`` gives one cohort per entry (`KU-5`: two); otherwise the
    rotation share ``f`` gives ``ceil(1 / f)`` (`FC-13`: half change each term, two
    cohorts). ``fixed_dates`` and ``agreed`` terms have a single window, so one cohort.

    >>> cohorts(TermPolicy(rotation=0.5)), cohorts(TermPolicy(first_term_months=(12, 24)))
    (2, 2)
    >>> cohorts(TermPolicy(mode=TermMode.FIXED_DATES, rotation=0.5))
    1
    """
    if policy.mode in (TermMode.FIXED_DATES, TermMode.AGREED):
        return 1
    if policy.first_term_months:
        return len(policy.first_term_months)
    if not 0 < policy.rotation <= 1:
        raise TermError(
            Text(
                "the share of seats that change at once (rotation) must be above 0 and at"
                " most 1, such as 0.5; it is {share}",
                share=policy.rotation,
            )
        )
    if policy.rotation * MAX_COUNT < 1:  # 1 / 2.2e-313 is infinity: no body has as many
        raise TermError(
            Text(
                "the rotation share {share} would make more than {most} cohorts; give a share"
                " of at least 1/{most}",
                share=policy.rotation,
                most=MAX_COUNT,
            )
        )
    return max(1, math.ceil(1 / policy.rotation - 1e-9))


def membership_window(
    policy: TermPolicy,
    start: date,
    *,
    first: bool = False,
    position: int = 0,
    index: int = 0,
    end: date | None = None,
) -> Window:
    """The membership window that a term policy gives a member starting on ``start``.

    Rules by :class:`~jarjestoyhteistyo.model.rulesets.TermMode` (`FC-12`, `KU-5`, `OF-8`, `WS-5`):

    * ``fixed`` — ``months`` months: the window ends the day before the anniversary,
      ``start + relativedelta(months=m) - relativedelta(days=1)``. Month ends clip:
      a term from 31 January of 1 month ends on 27 February (28 in a leap year),
      because 31 January + 1 month is 28/29 February.
    * ``council_term`` — ends with the council term in force on the start date. A
      mid-term start ends with *that* council term; it is not extended into the next.
      The next window starts the day after, on 1 June.
    * ``council_fraction`` — the council term is split into ``1 / fraction`` parts of
      equal whole months (when the months do not divide, earlier parts are rounded
      down: the 39-month first regional term halves into 19 + 20 months); the window
      runs from ``start`` to the end of the part containing it.
    * ``fixed_dates`` — from ``start`` (not before ``policy.start``) to ``policy.end``.
    * ``agreed`` — agreed with the NGOs (`OF-8`): open-ended unless ``end`` is given.

    ``index`` counts successive windows of one seat from ``start`` (0 = the window
    that begins on ``start``): window ``index + 1`` always starts the day after window
    ``index`` ends, and every date is computed from an anchor, never chained.

    ``first=True`` asks for the windows of a seat that starts with a *first* term, at
    ``position`` in a staggered group of :func:`cohorts` cohorts (cohort
    ``position % cohorts``):

    * ``fixed`` — the first term of cohort ``c`` lasts ``first_term_months[c]`` months
      (`KU-5`: ``(12, 24)``, one of the pair 1 year, the other 2), or without them
      ``floor(months × (c + 1) / cohorts)`` months (`FC-13`: with half changing, 12 and
      24 of a 24-month term); later windows have the full length, from the anchor
      ``start``;
    * ``council_term`` / ``council_fraction`` — each term (or part) is split into
      ``cohorts`` slots of whole months; cohort ``c`` changes over after slot ``c`` of
      each part, the last cohort with the council term (or part) itself, so every
      changeover falls on the day after a council term or a fraction of it ends;
      ``first_term_months`` may end the first window earlier;
    * ``first_term_end`` ends a transitional first term on that date; when several
      ends apply, the earliest wins. The next window starts the day after it.

    Raises :class:`TermError` for a start before the first known council term
    (council modes), a start outside fixed dates, or a policy missing what its mode
    needs.

    >>> ku5 = TermPolicy(mode=TermMode.FIXED, months=24, first_term_months=(12, 24))
    >>> [membership_window(ku5, date(2025, 9, 1), first=True, position=p).end for p in (0, 1)]
    [datetime.date(2026, 8, 31), datetime.date(2027, 8, 31)]
    >>> membership_window(ku5, date(2025, 9, 1), first=True, index=1)
    Window(start=datetime.date(2026, 9, 1), end=datetime.date(2028, 8, 31), ...)
    >>> membership_window(TermPolicy(mode=TermMode.FIXED, months=1), date(2024, 1, 31)).end
    datetime.date(2024, 2, 28)
    >>> half = TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5)
    >>> membership_window(half, date(2026, 1, 1)).end
    datetime.date(2027, 5, 31)
    >>> membership_window(TermPolicy(mode=TermMode.AGREED), date(2026, 1, 1)).end is None
    True
    """
    _check_index(index)
    _check_index(position, "position")
    check_day(start, Text("the start date"))
    if end is not None and policy.mode is not TermMode.AGREED:
        raise TermError(
            Text(
                "an agreed end date applies only to a term agreed with the NGOs, not to a"
                " term of the kind '{mode}'",
                mode=_word(policy.mode),
            )
        )
    if policy.mode in (TermMode.FIXED_DATES, TermMode.AGREED):
        if index != 0:
            raise TermError(
                Text(
                    "a term of the kind '{mode}' gives a single window (window 0), not window"
                    " {index}",
                    mode=_word(policy.mode),
                    index=index,
                )
            )
        window = _single(policy, start, end)
        return _transitional(policy, start, window) if first else window
    if not first:
        return _plain(policy, start, index)
    return _staggered(policy, start, position % cohorts(policy), index)


def _plain(policy: TermPolicy, start: date, k: int) -> Window:
    """Window ``k`` from ``start`` of a fixed or council-bound term, not staggered."""
    if policy.mode is TermMode.FIXED:
        m = _months(policy.months)
        w_start, w_end = fixed_span(start, m, k)
        return Window.of(
            w_start,
            w_end,
            Text(
                "fixed {months}-month term (FC-12), term {k} from {start}: ends the day before"
                " start + {until} months; month ends clip (31 Jan + 1 month = 28/29 Feb)",
                months=m,
                k=k,
                start=start.isoformat(),
                until=m * (k + 1),
            ),
        )
    return _council(policy, start, 1, 0, k)


def _single(policy: TermPolicy, start: date, end: date | None) -> Window:
    """The one window of a ``fixed_dates`` or ``agreed`` term."""
    if policy.mode is TermMode.FIXED_DATES:
        if policy.end is None:
            raise TermError(Text("a term on fixed dates needs its end date (end)"))
        lo = policy.start or start
        if not lo <= start <= policy.end:
            raise TermError(
                Text(
                    "the start {start} is outside the fixed dates {first}–{last} of the term",
                    start=start.isoformat(),
                    first=lo.isoformat(),
                    last=policy.end.isoformat(),
                )
            )
        return Window.of(
            start,
            policy.end,
            Text("fixed dates (FC-12): ends on {end}", end=policy.end.isoformat()),
        )
    if end is not None and end < start:
        raise TermError(
            Text(
                "the agreed end {end} is before the start {start}",
                end=end.isoformat(),
                start=start.isoformat(),
            )
        )
    return Window.of(
        start,
        end,
        Text("agreed with the NGOs (OF-8): open-ended")
        if end is None
        else Text(
            "agreed with the NGOs (OF-8): ends on the agreed date {end}", end=end.isoformat()
        ),
    )


def _council(
    policy: TermPolicy, start: date, k: int, c: int, j: int, *, split: bool = True
) -> Window:
    """Window ``j`` from ``start`` of cohort ``c`` of ``k`` on the council calendar.

    Every term is split into ``n × k`` slots (``n`` parts of the term, ``k`` cohorts;
    ``split=False``, the ``each_term`` practice: ``n`` slots, a window spanning ``k`` of
    them); slots are numbered across terms, and cohort ``c``'s windows end after the
    slots whose number is ``c`` modulo ``k``.
    """
    n = 1 if policy.mode is TermMode.COUNCIL else _parts(policy.fraction)
    slots = n * k if split else n
    term0 = council_term_on(start, policy.council)
    p0 = next(p for p in range(slots) if start <= _part(term0, slots, p)[1])
    flat0 = (term0.number - 1) * slots + p0
    last = flat0 + (c - flat0) % k + k * j

    def slot(flat: int) -> tuple[CouncilTerm, tuple[date, date]]:
        term = _term_by_number(policy.council, flat // slots + 1)
        return term, _part(term, slots, flat % slots)

    term, (_, w_end) = slot(last)
    w_start = start if j == 0 else slot(last - k + 1)[1][0]
    span = f"{term.start.isoformat()}–{term.end.isoformat()}"
    council = _council_of(policy.council)
    rule: Text
    if n == 1 and k == 1 and j == 0:
        rule = Text(
            "council term (FC-12, WS-5): ends with the {council} council term {span} in force"
            " on the start date; a mid-term start is not extended",
            council=council,
            span=span,
        )
    elif n == 1 and k == 1:
        rule = Text(
            "council term (FC-12, WS-5): ends with the {council} council term {span}, the {j}."
            " term after the one in force on {start}",
            council=council,
            span=span,
            j=j,
            start=start.isoformat(),
        )
    elif k == 1:
        rule = Text(
            "1/{n} of a {council} council term (FC-12): part {part} of {n} of the term {span},"
            " split into equal whole months (earlier parts rounded down)",
            n=n,
            council=council,
            part=last % n + 1,
            span=span,
        )
    elif not split:
        rule = Text(
            "cohort {c} of {k} (FC-13, each_term) on the {council} council calendar: ends with"
            " part {part} of {slots} of the term {span}; a seat serves {k} parts, and the"
            " cohorts change over in turn",
            c=c + 1,
            k=k,
            council=council,
            part=last % slots + 1,
            slots=slots,
            span=span,
        )
    else:
        rule = Text(
            "cohort {c} of {k} (FC-13) on the {council} council calendar: ends after slot"
            " {slot} of {slots} of the term {span} (1/{n} of the term per window, split into"
            " {k} slots of whole months, earlier slots rounded down)",
            c=c + 1,
            k=k,
            council=council,
            slot=last % slots + 1,
            slots=slots,
            span=span,
            n=n,
        )
    return Window.of(w_start, w_end, rule)


def _each_term(policy: TermPolicy, start: date, c: int, index: int) -> Window:
    """Window ``index`` of cohort ``c`` under the ``each_term`` practice (`FC-13`): the
    share changes once a term, so a seat serves ``k`` terms and cohort ``c``'s first
    window is ``c + 1`` terms (the cohorts change over in turn, one term apart)."""
    k = cohorts(policy)
    if policy.mode is not TermMode.FIXED:
        return _council(policy, start, k, c, index, split=False)
    m = _months(policy.months)
    lo = 0 if index == 0 else m * (c + 1) + k * m * (index - 1)
    hi = m * (c + 1) + k * m * index
    rule = Text(
        "each_term (FC-13): cohort {c} of {k}, window {window}, from start + {lo} months to"
        " the day before start + {hi} months; a seat serves {k} terms of {months} months, and"
        " the cohorts change over one term apart",
        c=c + 1,
        k=k,
        window=index + 1,
        lo=lo,
        hi=hi,
        months=m,
    )
    end = fixed_span(start, hi, 0)[1]  # TermError past the years a date holds (lo <= hi)
    return Window.of(start + _delta(months=lo), end, rule)


def _staggered(policy: TermPolicy, start: date, c: int, index: int) -> Window:
    """Window ``index`` of a seat of cohort ``c`` that starts with a first term."""
    if practice(policy) is RotationPractice.EACH_TERM:
        first = _transitional(policy, start, _each_term(policy, start, c, 0))
        if index == 0:
            return first
        assert first.end is not None  # fixed and council windows always end
        if first.rule.startswith("transitional"):  # the practice begins after it
            return _each_term(policy, first.end + _delta(days=1), c, index - 1)
        return _each_term(policy, start, c, index)
    k = cohorts(policy)
    if policy.mode is TermMode.FIXED:
        m = _months(policy.months)
        rule: Text
        if policy.first_term_months:
            first_months = _months(policy.first_term_months[c])
            rule = Text(
                "staggered first term (KU-5): {first} months for position {position} of {k},"
                " ending the day before start + {first} months",
                first=first_months,
                position=c + 1,
                k=k,
            )
        else:
            if m < k:
                raise TermError(
                    Text(
                        "a term of {months} month(s) cannot be staggered into {k} cohorts of"
                        " whole months, so changing no more than {share} of the seats at once"
                        " is impossible; lengthen the term or raise the share",
                        months=m,
                        k=k,
                        share=format(policy.rotation, "g"),
                    )
                )
            first_months = m * (c + 1) // k
            rule = Text(
                "staggered first term (FC-13): {first} of {months} months for cohort {c} of"
                " {k}, ending the day before start + {first} months",
                first=first_months,
                months=m,
                c=c + 1,
                k=k,
            )
        first = Window.of(start, fixed_span(start, first_months, 0)[1], rule)
    else:
        first = _council(policy, start, k, c, 0)
        if policy.first_term_months:
            months = _months(policy.first_term_months[c])
            capped = fixed_span(start, months, 0)[1]
            if first.end is not None and capped < first.end:
                first = Window.of(
                    start,
                    capped,
                    Text(
                        "staggered first term (KU-5): {months} months for position {position}",
                        months=months,
                        position=c + 1,
                    ),
                )
    window0 = _transitional(policy, start, first)
    if index == 0:
        return window0
    assert window0.end is not None  # fixed and council windows always end
    after = window0.end + _delta(days=1)
    if policy.mode is not TermMode.FIXED:
        return _council(policy, after, k, c, index - 1)
    if window0 is first:  # the stagger ended the first term: anchor on start
        offset = first_months + m * (index - 1)
        w_end = fixed_span(start, offset + m, 0)[1]  # TermError past the years a date holds
        w_start = start + _delta(months=offset)
        rule = Text(
            "fixed {months}-month term (FC-12), term {index} of cohort {c} from {start}: from"
            " start + {offset} months to the day before start + {until} months; month ends clip",
            months=m,
            index=index,
            c=c + 1,
            start=start.isoformat(),
            offset=offset,
            until=offset + m,
        )
        return Window.of(w_start, w_end, rule)
    later = _plain(policy, after, index - 1)
    return Window.of(
        later.start,
        later.end,
        Text(
            "after the transitional first term: {rule}",
            rule=later.text if later.text is not None else later.rule,
        ),
    )


def _transitional(policy: TermPolicy, start: date, window: Window) -> Window:
    """``window``, ended earlier by a transitional ``first_term_end``."""
    fte = policy.first_term_end
    if fte is None:
        return window
    if fte < start:
        raise TermError(
            Text(
                "the transitional first term ends (first_term_end) on {end}, before the start"
                " {start}",
                end=fte.isoformat(),
                start=start.isoformat(),
            )
        )
    if window.end is not None and window.end <= fte:
        return window
    return Window.of(
        start, fte, Text("transitional first term: ends on {end}", end=fte.isoformat())
    )


def _months(months: int | None) -> int:
    if months is None:
        raise TermError(Text("a fixed term needs its length in months (months), 1 or more"))
    if months < 1:
        raise TermError(Text("a term lasts at least one month, not {months}", months=months))
    return months


# ---------------------------------------------------------- consecutive terms


TenureKey: TypeAlias = Literal["person_ref", "organisation"]
"""Which holder :func:`consecutive_terms` follows."""


@attrs.frozen(kw_only=True)
class Streak:
    """A maximal run of consecutive terms of one holder (``key`` is its id).

    ``tenures`` are the indices into the history of the tenures in the run, in order.
    """

    key: str
    count: int
    start: date
    end: date
    tenures: tuple[int, ...]


def consecutive_terms(history: Iterable[Tenure], key: TenureKey) -> tuple[Streak, ...]:
    """Every maximal run of consecutive terms per person (``"person_ref"``) or per
    organisation (``"organisation"``), sorted by holder and start.

    Terms are consecutive when the next starts no later than the day after the
    previous one ended (a gap of one day or more breaks the run). Tenures of one
    holder in the same term (the same :attr:`Tenure.term_dates`: parallel seats, or a
    move to another seat within the term, as a promoted deputy's) count as one term.
    Seats do not matter: moving to another seat continues the run.
    Tenures that do not name the holder (``None``, as in a rotation plan) are skipped.
    Holders are compared in :func:`~jarjestoyhteistyo.model.ids.normal_id` form
    (``P1`` is ``p1``); a streak's ``key`` is the id as first written.

    >>> from jarjestoyhteistyo.model.history import Tenure
    >>> h = (
    ...     Tenure(seat="m1", organisation="o1", person_ref="p1",
    ...            start=date(2022, 3, 1), end=date(2024, 2, 29)),
    ...     Tenure(seat="m1", organisation="o1", person_ref="p1",
    ...            start=date(2024, 3, 1), end=date(2026, 2, 28)),
    ... )
    >>> [(s.key, s.count) for s in consecutive_terms(h, "person_ref")]
    [('p1', 2)]
    """
    items = tuple(history)
    by_key: dict[str, list[int]] = {}
    shown: dict[str, str] = {}  # normal form -> the holder's id as first written
    for i, t in enumerate(items):
        who: str | None = getattr(t, key)
        if who is not None:
            norm = normal_id(who)
            shown.setdefault(norm, who)
            by_key.setdefault(norm, []).append(i)
    out: list[Streak] = []
    for norm in sorted(by_key, key=lambda n: shown[n]):
        holder = shown[norm]
        idx = sorted(by_key[norm], key=lambda i: (items[i].start, items[i].end, i))
        run: list[int] = []
        run_end: date | None = None
        for i in idx:
            t = items[i]
            if run_end is not None and t.start > run_end + _delta(days=1):
                out.append(_streak(holder, items, run))
                run = []
                run_end = None
            run.append(i)
            run_end = t.end if run_end is None else max(run_end, t.end)
        if run:
            out.append(_streak(holder, items, run))
    return tuple(out)


def _streak(holder: str, items: Sequence[Tenure], run: Sequence[int]) -> Streak:
    terms = {items[i].term_dates for i in run}
    return Streak(
        key=holder,
        count=len(terms),
        start=min(items[i].start for i in run),
        end=max(items[i].end for i in run),
        tenures=tuple(run),
    )


def check_consecutive(history: Sequence[Tenure], policy: TermPolicy) -> Report:
    """Findings for holders over the policy's limits of consecutive terms.

    ``JY301`` (`FC-13`) when a person serves more than ``max_consecutive_person``
    consecutive terms; ``JY302`` (`WS-5`: a shorter stay lets more NGOs take part)
    when an organisation holds a seat for more than ``max_consecutive_organisation``.
    The path points at the first tenure over the limit (``history[3]``). A limit of
    ``None`` is not checked.

    >>> from jarjestoyhteistyo.model.history import Tenure
    >>> h = tuple(
    ...     Tenure(seat="m1", organisation="o1", person_ref="p1",
    ...            start=date(2022 + 2 * k, 3, 1), end=date(2024 + 2 * k, 2, 28 + (k == 0)))
    ...     for k in range(3)
    ... )
    >>> check_consecutive(h, TermPolicy(max_consecutive_person=2)).codes
    frozenset({'JY301'})
    """
    limits: tuple[tuple[TenureKey, int | None, Code], ...] = (
        ("person_ref", policy.max_consecutive_person, JY301),
        ("organisation", policy.max_consecutive_organisation, JY302),
    )
    found: list[Finding] = []
    for key, limit, code in limits:
        if limit is None:
            continue
        for s in consecutive_terms(history, key):
            if s.count <= limit:
                continue
            over = _first_over(history, s, limit)
            params: dict[str, Any] = {
                key: s.key,
                "count": s.count,
                "max": limit,
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
            }
            found.append(finding(code, f"history[{over}]", **params))
    return Report(subject=Text("consecutive terms"), findings=tuple(found))


def _first_over(history: Sequence[Tenure], streak: Streak, limit: int) -> int:
    seen: set[tuple[date, date]] = set()
    for i in streak.tenures:
        seen.add(history[i].term_dates)
        if len(seen) > limit:
            return i
    return streak.tenures[-1]  # pragma: no cover - count > limit guarantees a return


def _proposed(policy: TermPolicy, proposal: Composition, start: date) -> tuple[Tenure, ...]:
    """Each held seat of the proposal as one new term from ``start``: the membership
    window the policy gives a member starting that day (an open-ended or unplannable
    window is one day long here; only its start matters for counting)."""
    try:
        end = membership_window(policy, start).end or start
    except TermError:
        end = start
    from jarjestoyhteistyo.model.history import Tenure  # its home, loaded on first use

    return tuple(
        Tenure(
            seat=s.id,
            organisation=s.organisation,
            person_ref=s.person.ref if s.person is not None else None,
            start=start,
            end=end,
        )
        for s in proposal.seats
        if s.organisation is not None or (s.person is not None and s.person.ref is not None)
    )


def check_proposal(
    history: Sequence[Tenure],
    proposal: Composition,
    policy: TermPolicy,
    *,
    start: date | None = None,
) -> tuple[Finding, ...]:
    """``JY301`` / ``JY302`` for a proposed composition that continues ``history``.

    Every held seat of ``proposal`` is one more term from ``start`` (else
    ``proposal.as_of``, else the day after the history's last tenure): a holder
    (organisation, person ref) continues a run when they held a seat up to the day
    before. Only runs that reach into the proposal are reported, with the path of the
    proposal's seat (``seats[2]``); a limit of ``None`` is not checked. Raises
    :class:`~jarjestoyhteistyo.errors.TermError` when the history reaches ``start``.

    >>> from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat, SeatKind
    >>> from jarjestoyhteistyo.model.history import Tenure
    >>> served = tuple(Tenure(seat="m1", organisation="o1", person_ref="p1",
    ...     start=date(2023 + k, 1, 1), end=date(2023 + k, 12, 31)) for k in range(2))
    >>> proposal = Composition(as_of=date(2025, 1, 1), seats=(
    ...     Seat(id="m1", kind=SeatKind.MEMBER, group="g", organisation="o2",
    ...          person=Person(role=Role.VOLUNTEER, ref="p1")),))
    >>> policy = TermPolicy(months=12, max_consecutive_person=2, max_consecutive_organisation=2)
    >>> [(f.code, f.path, f.params["count"]) for f in check_proposal(served, proposal, policy)]
    [('JY301', 'seats[0]', 3)]
    """
    if policy.max_consecutive_person is None and policy.max_consecutive_organisation is None:
        return ()
    if start is None:
        start = proposal.as_of
    if start is None:
        start = max((t.end for t in history), default=date.today()) + _delta(days=1)
    late = [t for t in history if t.end >= start]
    if late:
        raise TermError(
            Text(
                "the proposal starts on {start}, but the history runs to {end}: a proposal"
                " starts after the history",
                start=start.isoformat(),
                end=max(t.end for t in late).isoformat(),
            )
        )
    proposed = _proposed(policy, proposal, start)
    seat_index = {s.id: j for j, s in enumerate(proposal.seats)}
    found: list[Finding] = []
    for f in check_consecutive((*history, *proposed), policy):
        if str(f.params["end"]) < start.isoformat():
            continue  # a run that ended before the proposal: not the proposal's doing
        key: TenureKey = "person_ref" if f.code == JY301.code else "organisation"
        holder = normal_id(f.params[key])  # the streak's key may be the history's spelling
        seat = next(t.seat for t in proposed if normal_id(getattr(t, key) or "") == holder)
        found.append(attrs.evolve(f, path=f"seats[{seat_index[seat]}]"))
    return tuple(found)


def __getattr__(name: str) -> Any:
    """``Tenure``, offered here too, is imported from its home on first use (PEP 562):
    a check of a rule set's terms loads no history."""
    if name == "Tenure":
        from jarjestoyhteistyo.model.history import Tenure

        return Tenure
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
