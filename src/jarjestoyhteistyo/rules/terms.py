"""The term policy of a rule set (`FC-12`, `FC-13`, `KU-5`).

* ``JY102`` — a rotation share outside (0, 1] (`FC-13`);
* ``JY103`` — an impossible term: no length, longer than the council term allows,
  dates out of order, a consecutive-term limit below 1 (`FC-12`);
* ``JY118`` — a council's first term not staggered within the work pairs (`KU-5`);
* ``JY139`` (info) — a share of the seats changes, but the rule set does not say how
  (`FC-13`: "the body agrees the practice"); plans stagger the terms.

The council calendar itself lives in :mod:`jarjestoyhteistyo.calc.terms`; this module
only checks the policy against it.

>>> from jarjestoyhteistyo.model.rulesets import ThemeNetworkCouncil
>>> [f.code for f in check_term(ThemeNetworkCouncil(name="x", area="y"))]
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from jarjestoyhteistyo.calc.terms import longest_term_months, practice
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.model.rulesets import RuleSet, TermMode, ThemeNetworkCouncil
from jarjestoyhteistyo.rules.base import KU, E, I, W

__all__ = ["check_staggered", "check_term"]

JY102 = Code(
    code="JY102",
    rule="FC-13",
    severity=E,
    title="Rotation share outside (0, 1]",
    en="rotation share {value} is outside (0, 1]",
    fi="vaihtuvien osuus {value} ei ole välillä (0, 1]",
    fix="Give the share of members that changes at each changeover, e.g. 0.5.",
)

JY103 = Code(
    code="JY103",
    rule="FC-12",
    severity=E,
    title="Impossible term",
    en="term: {detail}",
    fi="toimikausi: {detail_fi}",
    fix="Fix the term policy: a positive length no longer than max_months.",
)

JY118 = Code(
    code="JY118",
    rule="KU-5",
    severity=W,
    title="First term not staggered",
    en="the first term is not staggered within the pairs",
    fi="ensimmäistä toimikautta ei ole porrastettu työparin sisällä",
    fix="Give first_term_months, e.g. [12, 24].",
    kinds=frozenset({KU}),
)

JY139 = Code(
    code="JY139",
    rule="FC-13",
    severity=I,
    title="Rotation practice not stated",
    en="{share:g} of the seats change, but term.rotation_practice does not say how; "
    "plans read it as {practice}",
    fi="{share:g} paikoista vaihtuu, mutta term.rotation_practice ei kerro miten; "
    "suunnitelmat tulkitsevat sen näin: {practice}",
    fix="State rotation_practice: each_term (the share changes once a term) or "
    "staggered_terms (one term each, staggered first terms).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY102, JY103, JY118, JY139)


def check_term(rules: RuleSet) -> Iterator[Finding]:
    """`FC-12`, `FC-13`: a term policy that the council calendar can hold."""
    t = rules.term
    if t is None:  # not stated: nothing to check
        return
    longest = longest_term_months(t)
    if not 0 < t.rotation <= 1:
        yield finding(JY102, "term.rotation", value=t.rotation)
    if t.mode is TermMode.FIXED:
        if t.months is None or t.months <= 0:
            yield finding(
                JY103,
                "term.months",
                detail="a fixed term needs months > 0",
                detail_fi="kiinteä kausi tarvitsee kuukaudet > 0",
            )
        elif t.months > longest:
            yield finding(
                JY103,
                "term.months",
                detail=f"{t.months} months is longer than {longest}",
                detail_fi=f"{t.months} kk on pidempi kuin {longest}",
            )
    if t.mode is TermMode.COUNCIL_FRACTION and not (t.fraction and 0 < t.fraction <= 1):
        yield finding(
            JY103,
            "term.fraction",
            detail="the fraction must be in (0, 1]",
            detail_fi="osuuden on oltava välillä (0, 1]",
        )
    if t.mode is TermMode.FIXED_DATES and (t.start is None or t.end is None or t.end <= t.start):
        yield finding(
            JY103,
            "term",
            detail="fixed dates need a start before the end",
            detail_fi="kiinteät päivät tarvitsevat alun ennen loppua",
        )
    for i, months in enumerate(t.first_term_months):
        if months <= 0 or months > longest:
            yield finding(
                JY103,
                f"term.first_term_months[{i}]",
                detail=f"first term of {months} months",
                detail_fi=f"ensimmäinen kausi {months} kk",
            )
    if (
        0 < t.rotation < 1
        and t.rotation_practice is None
        and not t.first_term_months
        and t.mode not in (TermMode.FIXED_DATES, TermMode.AGREED)
    ):
        yield finding(JY139, "term.rotation_practice", share=t.rotation, practice=practice(t).value)
    for name in ("max_consecutive_person", "max_consecutive_organisation"):
        value = getattr(t, name)
        if value is not None and value < 1:
            yield finding(
                JY103, f"term.{name}", detail=f"{name} is {value}", detail_fi=f"{name} on {value}"
            )


def check_staggered(rules: RuleSet) -> Iterator[Finding]:
    """`KU-5`: a council staggers the first term within each work pair."""
    if isinstance(rules, ThemeNetworkCouncil) and (
        rules.term is None or len(set(rules.term.first_term_months)) < 2
    ):
        yield finding(JY118, "term.first_term_months")
