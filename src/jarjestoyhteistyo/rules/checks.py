"""Checks of a rule set on its own: :func:`check` returns a :class:`Report`.

Every finding cites the rule id it enforces. A rule the source documents only
*suggest* ("e.g. 4–6 meetings a year", `FC-11`) gives ``info``; a rule they *want*
gives a ``warning``; a rule that makes the body unworkable or breaks a firm
principle (`WS-1`: no party-political selection criteria) gives an ``error``.

The checks live in the family modules of :mod:`jarjestoyhteistyo.rules`, each with
its ``JY1xx`` codes; :func:`check` runs them in the order of :data:`RULE_SET_CHECKS`.

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee, OpenForum
>>> check(FormalCommittee(name="Example", area="Example area")).ok
True
>>> r = check(OpenForum(name="Forum", area="Example area", cap=20))
>>> sorted(r.codes)  # a cap but no criteria (OF-3), no time budget stated (WS-9)
['JY107', 'JY130']
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from jarjestoyhteistyo.findings import Finding, Report
from jarjestoyhteistyo.model.rulesets import KINDS, RuleSet
from jarjestoyhteistyo.rules import (
    chair,
    consistency,
    council,
    deputies,
    diversity,
    formal,
    forum,
    meetings,
    politics,
    seats,
    terms,
    values,
)
from jarjestoyhteistyo.rules.politics import mentions_party_politics
from jarjestoyhteistyo.rules.seats import body_size

if TYPE_CHECKING:
    from jarjestoyhteistyo.model.cooperation import CooperationModel

__all__ = ["RULE_SET_CHECKS", "body_size", "check", "mentions_party_politics"]

#: The checks :func:`check` runs, in order: first those of every kind, then those of one
#: kind (each returns nothing for a rule set of another kind).
RULE_SET_CHECKS: Final[tuple[Callable[[RuleSet], Iterable[Finding]], ...]] = (
    meetings.check_meetings,
    terms.check_term,
    terms.check_duties,
    diversity.check_size_classes,
    seats.check_size,
    politics.check_criteria,
    consistency.check_references,
    seats.check_seats,
    deputies.check_deputies,
    chair.check_chair,
    formal.check_formal,
    forum.check_cap,
    forum.check_forum,
    council.check_council,
    terms.check_staggered,
    meetings.check_rhythm,
    values.check_languages,
)

#: The rule-set classes: anything else :func:`check` is given is a cooperation model,
#: whose family (:mod:`jarjestoyhteistyo.rules.cooperation`) is imported only then.
_RULE_SET_CLASSES: Final = tuple(KINDS.values())


def check(rules: RuleSet | CooperationModel) -> Report:
    """Check a rule set on its own and report every problem (`JY1xx` codes).

    Looks at inconsistent numbers, the seats against categories × members (`FC-5`),
    the recommended size (`KU-12`), a cap without criteria (`OF-3`), party-political
    criteria (`WS-1`), meeting load against the time budget (`WS-1`, `KU-9`), and the
    rules of each kind. The rule set is not changed.

    >>> from jarjestoyhteistyo.model.rulesets import ThemeNetworkCouncil
    >>> check(ThemeNetworkCouncil(name="Council", area="Example area")).ok
    True
    """
    if isinstance(rules, _RULE_SET_CLASSES):
        found = [f for part in RULE_SET_CHECKS for f in part(rules)]
        return Report(subject=rules.title, findings=tuple(found))
    # JP-1 … JP-7: a city's cooperation model, no seats; its family is imported only now
    from jarjestoyhteistyo.rules.cooperation import check_cooperation

    return check_cooperation(typing.cast("CooperationModel", rules))
