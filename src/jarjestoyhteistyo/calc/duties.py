"""Rotating duties: who holds a chair, secretary or convener duty in each period.

A rule set lists a duty's turns (:class:`~jarjestoyhteistyo.model.rulesets.RotatingDuty`),
as turns with dates or by period; :func:`duty_turn` is their one arithmetic, and
:func:`duty_periods`, :func:`duty_holder` and :func:`rotating_duty` are built on it.
Past the last listed turn the holder is "not specified" unless the duty repeats. Dates
come from :func:`~jarjestoyhteistyo.calc.terms.fixed_span`, the term arithmetic's
anchor rule (``relativedelta`` from the start, never chained).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.calc.terms import Window, fixed_span
from jarjestoyhteistyo.errors import TermError
from jarjestoyhteistyo.i18n import Term, Text
from jarjestoyhteistyo.model.rulesets import RotatingDuty
from jarjestoyhteistyo.model.vocabulary import function_term

__all__ = ["DutyPeriod", "duty_holder", "duty_periods", "duty_turn", "rotating_duty"]

_ONE_DAY = relativedelta(days=1)
#: The most turns a query walks through (a 1-month period for 300 years is 3,600).
_MAX_TURNS = 10_000


@attrs.frozen(kw_only=True)
class DutyPeriod:
    """Who holds a rotating duty in a period: ``holder`` is ``None`` and ``specified``
    false where the rule set states no turn (before the first turn, in a gap, or past
    the last turn of a list that does not repeat; ``window.end`` is then ``None`` when
    nothing more is stated). ``turn`` counts the stated turns from 0 (``None`` when
    not specified)."""

    duty: str
    holder: str | None
    window: Window
    turn: int | None

    @property
    def specified(self) -> bool:
        """Whether the rule set says who holds the duty in this period."""
        return self.holder is not None


def _duty(name: str) -> Term:
    """The duty as a text names it: as written in English (``vice_chair``, the rule
    set's own name), in words in Finnish and Swedish (*varapuheenjohtaja*)."""
    word = function_term(name)
    return Term(name, fi=word.text_in("fi"), sv=word.text_in("sv"))


def duty_turn(duty: RotatingDuty, k: int) -> DutyPeriod | None:
    """Turn ``k`` (0-based) of ``duty``, or ``None`` past the last stated turn of a list
    that does not repeat.

    By period, turn ``k`` runs from ``start + relativedelta(months=period_months * k)``
    to the day before the next one, computed from the anchor. A repeating list of
    turns starts over after its span (first start to the day after the last end), the
    ``c``-th time shifted by ``c`` spans from the anchor (a turn's end as the day
    before its shifted day after, so a turn to the end of February keeps doing so).

    >>> from jarjestoyhteistyo.model.rulesets import DutyTurn, RotatingDuty
    >>> chair = RotatingDuty(duty="chair", turns=(
    ...     DutyTurn(holder="org-a", start=date(2026, 1, 1), end=date(2026, 12, 31)),))
    >>> duty_turn(chair, 0).holder, duty_turn(chair, 1)
    ('org-a', None)
    """
    if k < 0:
        raise TermError(Text("turns are counted from 0, not {k}", k=k))
    try:
        return _duty_turn(duty, k)
    except TermError:
        raise
    except (OverflowError, ValueError):  # a date past the year 9999
        raise TermError(
            Text(
                "the rotating duty {duty}: turn {turn} falls outside the calendar",
                duty=_duty(duty.duty),
                turn=k + 1,
            )
        ) from None


def _duty_turn(duty: RotatingDuty, k: int) -> DutyPeriod | None:
    if duty.by_period:
        if duty.start is None or duty.period_months is None or not duty.holders:
            raise TermError(
                Text(
                    "the rotating duty {duty} goes by period and needs its start, its period"
                    " in months (period_months) and its holders",
                    duty=_duty(duty.duty),
                )
            )
        m = _period(duty)
        n = len(duty.holders)
        if k >= n and not duty.repeats:
            return None
        w_start, w_end = fixed_span(duty.start, m, k)
        words: dict[str, Any] = {
            "duty": _duty(duty.duty),
            "turn": k + 1,
            "months": m,
            "offset": m * k,
            "start": duty.start.isoformat(),
            "holder": k % n + 1,
            "holders": n,
        }
        rule = (
            Text(
                "rotating duty {duty}: turn {turn}, {months} months from start + {offset}"
                " months ({start}); holders in turn ({holder} of {holders}), the list repeats",
                **words,
            )
            if k >= n
            else Text(
                "rotating duty {duty}: turn {turn}, {months} months from start + {offset}"
                " months ({start}); holders in turn ({holder} of {holders})",
                **words,
            )
        )
        return DutyPeriod(
            duty=duty.duty,
            holder=duty.holders[k % n],
            window=Window.of(w_start, w_end, rule),
            turn=k,
        )
    if not duty.turns:
        raise TermError(Text("the rotating duty {duty} states no turns", duty=_duty(duty.duty)))
    n = len(duty.turns)
    cycle, i = divmod(k, n)
    if cycle and not duty.repeats:
        return None
    turn = duty.turns[i]
    anchor = duty.turns[0].start
    span = relativedelta(duty.turns[-1].end + _ONE_DAY, anchor)
    shift = relativedelta(
        years=span.years * cycle, months=span.months * cycle, days=span.days * cycle
    )
    rule = (
        Text(
            "rotating duty {duty}: listed turn {turn} of {n}, the list repeated {cycle} time(s)",
            duty=_duty(duty.duty),
            turn=i + 1,
            n=n,
            cycle=cycle,
        )
        if cycle
        else Text(
            "rotating duty {duty}: listed turn {turn} of {n}",
            duty=_duty(duty.duty),
            turn=i + 1,
            n=n,
        )
    )
    return DutyPeriod(
        duty=duty.duty,
        holder=turn.holder,
        window=Window.of(turn.start + shift, turn.end + _ONE_DAY + shift - _ONE_DAY, rule),
        turn=k,
    )


def _period(duty: RotatingDuty) -> int:
    if duty.period_months is None or duty.period_months < 1:
        raise TermError(
            Text(
                "the period of the rotating duty {duty} (period_months) must be at least one"
                " month, not {months}",
                duty=_duty(duty.duty),
                months=repr(duty.period_months),
            )
        )
    return duty.period_months


def _unspecified(duty: RotatingDuty, start: date, end: date | None) -> DutyPeriod:
    rule = Text(
        "rotating duty {duty}: not specified (the rule set states no turn here)",
        duty=_duty(duty.duty),
    )
    return DutyPeriod(duty=duty.duty, holder=None, window=Window.of(start, end, rule), turn=None)


def duty_periods(duty: RotatingDuty, first: date, last: date) -> tuple[DutyPeriod, ...]:
    """Every period of ``duty`` that overlaps ``first``–``last`` (both inclusive), in
    order, the stated turns and the stretches where no turn is stated ("not
    specified"): before the first turn, in a gap, and past the last turn of a list
    that does not repeat.

    >>> from jarjestoyhteistyo.model.rulesets import RotatingDuty
    >>> chair = RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=12,
    ...                      holders=("org-a", "org-b"))
    >>> [(p.window.start.year, p.holder) for p in duty_periods(
    ...     chair, date(2026, 1, 1), date(2028, 12, 31))]
    [(2026, 'org-a'), (2027, 'org-b'), (2028, None)]
    """
    if last < first:
        raise TermError(
            Text(
                "the last day {last} is before the first day {first}",
                last=last.isoformat(),
                first=first.isoformat(),
            )
        )
    try:
        return _duty_periods(duty, first, last)
    except TermError:
        raise
    except (OverflowError, ValueError):  # a date past the year 9999
        raise TermError(
            Text(
                "the rotating duty {duty}: a turn falls outside the calendar",
                duty=_duty(duty.duty),
            )
        ) from None


def _duty_periods(duty: RotatingDuty, first: date, last: date) -> tuple[DutyPeriod, ...]:
    out: list[DutyPeriod] = []
    cursor = first  # the first day not yet covered
    for k in range(_MAX_TURNS):
        p = duty_turn(duty, k)
        if p is None:  # the list ends: nothing more is stated
            if cursor <= last:
                out.append(_unspecified(duty, cursor, None))
            return tuple(out)
        w_start, w_end = p.window.start, p.window.end
        assert w_end is not None  # stated turns always end
        if w_start > last:
            if cursor <= last:
                out.append(_unspecified(duty, cursor, w_start - _ONE_DAY))
            return tuple(out)
        if w_end < first:
            continue
        if w_start > cursor:
            out.append(_unspecified(duty, cursor, w_start - _ONE_DAY))
        out.append(p)
        cursor = max(cursor, w_end + _ONE_DAY)
    raise TermError(
        Text(
            "the rotating duty {duty} has more than {most} turns before {last}; ask for a"
            " shorter time",
            duty=_duty(duty.duty),
            most=_MAX_TURNS,
            last=last.isoformat(),
        )
    )


def duty_holder(duty: RotatingDuty, day: date) -> DutyPeriod:
    """The period of ``duty`` that contains ``day``: who holds it, or "not specified".

    >>> from jarjestoyhteistyo.model.rulesets import RotatingDuty
    >>> chair = RotatingDuty(duty="chair", start=date(2026, 1, 1), period_months=12,
    ...                      holders=("org-a", "org-b", "org-c"))
    >>> duty_holder(chair, date(2027, 6, 1)).holder
    'org-b'
    >>> after = duty_holder(chair, date(2029, 1, 1))
    >>> after.specified, after.window.start
    (False, datetime.date(2029, 1, 1))
    >>> import attrs
    >>> duty_holder(attrs.evolve(chair, repeats=True), date(2029, 1, 1)).holder
    'org-a'
    """
    return next(p for p in duty_periods(duty, day, day) if p.window.contains(day))


def rotating_duty(
    organisations: Sequence[str], start: date, period_months: int, periods: int
) -> tuple[tuple[Window, str], ...]:
    """The first ``periods`` turns of a repeating duty by period (chair, secretary,
    convener): a shorthand for :func:`duty_turn` of a
    :class:`~jarjestoyhteistyo.model.rulesets.RotatingDuty` with ``repeats=True``.

    Period ``k`` runs from ``start + relativedelta(months=period_months * k)`` to the
    day before ``start + relativedelta(months=period_months * (k + 1))`` (computed from
    the anchor, so month ends never drift) and goes to ``organisations[k % n]``.

    >>> duty = rotating_duty(("o1", "o2"), date(2025, 1, 31), 1, 3)
    >>> [(w.start.isoformat(), org) for w, org in duty]
    [('2025-01-31', 'o1'), ('2025-02-28', 'o2'), ('2025-03-31', 'o1')]
    """
    if not organisations:
        raise TermError(Text("a rotating duty needs at least one organisation"))
    if periods < 0:
        raise TermError(
            Text("the number of periods must be zero or more, not {periods}", periods=periods)
        )
    duty = RotatingDuty(
        duty="duty",
        start=start,
        period_months=period_months,
        holders=tuple(organisations),
        repeats=True,
    )
    out: list[tuple[Window, str]] = []
    for k in range(periods):
        p = duty_turn(duty, k)
        assert p is not None  # a repeating duty always has a turn
        assert p.holder is not None
        out.append((p.window, p.holder))
    if periods == 0:
        _period(duty)
    return tuple(out)
