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

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.calc.terms import Window, fixed_span
from jarjestoyhteistyo.errors import TermError
from jarjestoyhteistyo.model.rulesets import RotatingDuty

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
        raise TermError(f"turns count from 0, not {k}")
    try:
        return _duty_turn(duty, k)
    except TermError:
        raise
    except (OverflowError, ValueError):  # a date past the year 9999
        raise TermError(f"duty {duty.duty}: turn {k + 1} falls outside the calendar") from None


def _duty_turn(duty: RotatingDuty, k: int) -> DutyPeriod | None:
    if duty.by_period:
        if duty.start is None or duty.period_months is None or not duty.holders:
            raise TermError(
                f"duty {duty.duty}: a duty by period needs start, period_months and holders"
            )
        m = _period(duty)
        n = len(duty.holders)
        if k >= n and not duty.repeats:
            return None
        w_start, w_end = fixed_span(duty.start, m, k)
        rule = (
            f"rotating duty {duty.duty}: turn {k + 1}, {m} months from start +"
            f" {m * k} months ({duty.start.isoformat()}); holders in turn ({k % n + 1} of {n})"
            + (", the list repeats" if k >= n else "")
        )
        return DutyPeriod(
            duty=duty.duty,
            holder=duty.holders[k % n],
            window=Window(start=w_start, end=w_end, rule=rule),
            turn=k,
        )
    if not duty.turns:
        raise TermError(f"duty {duty.duty}: states no turns")
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
    rule = f"rotating duty {duty.duty}: listed turn {i + 1} of {n}" + (
        f", the list repeated {cycle} time(s)" if cycle else ""
    )
    return DutyPeriod(
        duty=duty.duty,
        holder=turn.holder,
        window=Window(
            start=turn.start + shift, end=turn.end + _ONE_DAY + shift - _ONE_DAY, rule=rule
        ),
        turn=k,
    )


def _period(duty: RotatingDuty) -> int:
    if duty.period_months is None or duty.period_months < 1:
        raise TermError(f"duty {duty.duty}: period_months must be >= 1, got {duty.period_months!r}")
    return duty.period_months


def _unspecified(duty: RotatingDuty, start: date, end: date | None) -> DutyPeriod:
    rule = f"rotating duty {duty.duty}: not specified (the rule set states no turn here)"
    return DutyPeriod(
        duty=duty.duty, holder=None, window=Window(start=start, end=end, rule=rule), turn=None
    )


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
        raise TermError(f"{last.isoformat()} is before {first.isoformat()}")
    try:
        return _duty_periods(duty, first, last)
    except TermError:
        raise
    except (OverflowError, ValueError):  # a date past the year 9999
        raise TermError(f"duty {duty.duty}: a turn falls outside the calendar") from None


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
    raise TermError(f"duty {duty.duty}: more than {_MAX_TURNS} turns before {last.isoformat()}")


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
        raise TermError("a rotating duty needs at least one organisation")
    if periods < 0:
        raise TermError(f"periods must be >= 0, got {periods}")
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
