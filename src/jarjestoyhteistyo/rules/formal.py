"""Rules of a formal committee's mandate (`FC-3`, `FC-15`, `FC-16`).

* ``JY114`` — statutory duties, which none of these bodies has (`FC-16`; `OF-10` in a
  forum, `KU-14` in a council, whose families emit it too);
* ``JY122`` — nobody approves mid-term changes to the composition (`FC-15`);
* ``JY123`` — an appointing authority that is not one of the options of `FC-3`.

The seats, deputies, chair and meetings of a formal committee are checked by those
families (:mod:`~jarjestoyhteistyo.rules.seats`, ...).
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.model.rulesets import Authority, FormalCommittee, RuleSet
from jarjestoyhteistyo.rules.base import FC, KU, OF, E, W

__all__ = ["check_formal"]

JY114 = Code(
    code="JY114",
    rule="FC-16",
    severity=E,
    title="Statutory duties",
    en="this kind of body has no statutory duties",
    fix="Set statutory_duties to false, or write a general rule set.",
    kinds=frozenset({FC}),
    other_rules=(
        (OF, "OF-10"),
        (KU, "KU-14"),
    ),
)

JY122 = Code(
    code="JY122",
    rule="FC-15",
    severity=W,
    title="Mid-term changes without approval",
    en="nobody approves changes to the composition mid-term",
    fix="Name the committee or the executive board as the approver.",
    kinds=frozenset({FC}),
)

JY123 = Code(
    code="JY123",
    rule="FC-3",
    severity=E,
    title="Appointing authority",
    en="appointing authority {value} is not one of the options of FC-3",
    fix="Use executive_board, committee or committee_proposes_board_appoints.",
    kinds=frozenset({FC}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY114, JY122, JY123)


#: The appointing authorities `FC-3` allows.
_AUTHORITIES = frozenset(
    {
        Authority.EXECUTIVE_BOARD,
        Authority.COMMITTEE,
        Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
    }
)


def check_formal(rules: RuleSet) -> Iterator[Finding]:
    """`FC-3`, `FC-15`, `FC-16` for a formal committee."""
    if not isinstance(rules, FormalCommittee):
        return
    if rules.selection.authority not in _AUTHORITIES:
        authority = rules.selection.authority
        yield finding(JY123, "selection.authority", value=authority and authority.value)
    if rules.mid_term_changes is None:
        yield finding(JY122, "mid_term_changes")
    if rules.statutory_duties:
        yield finding(JY114, "statutory_duties")
