"""Proposals: who sits where, explained (`FC-3`, `FC-5`, `FC-8`, `OF-3`, `OF-4`, `KU-7`).

:func:`propose` is the capability's main verb. It reads the pool
(:mod:`~jarjestoyhteistyo.selection.pool`), answers feasibility first
(:mod:`~jarjestoyhteistyo.selection.feasible`), then fills the seats: in a committee
or council by the diversity objective and the seeded lottery (or the fair lottery,
:mod:`~jarjestoyhteistyo.selection.lottery`), in an open forum everyone up to the cap
(`OF-3`, `OF-4`). The :class:`Proposal` holds the composition, an explanation for
every registration (:mod:`~jarjestoyhteistyo.selection.explanation`) and a report:
the proposal's own findings, declared here (`JY501`, `JY505`, `JY509`, `JY510`), and
those of :func:`~jarjestoyhteistyo.rules.validation.validate` that are in selection's
scope (:func:`in_scope`).
"""

from __future__ import annotations

import html
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import Any

import attrs

from jarjestoyhteistyo.codes import SELECTION, Code, finding
from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import NotFoundError, SelectionError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Lang, Text, pgettext
from jarjestoyhteistyo.model.composition import Composition, SeatKind
from jarjestoyhteistyo.model.planner import check_laid_out
from jarjestoyhteistyo.model.registrations import Registration
from jarjestoyhteistyo.model.rulesets import DeputyMode, RuleSet, SeatSource
from jarjestoyhteistyo.model.vocabulary import label
from jarjestoyhteistyo.rules.seats import JY201
from jarjestoyhteistyo.rules.validation import VALIDATION_CODES, validate
from jarjestoyhteistyo.selection._diversity import Selector, diversity_levels
from jarjestoyhteistyo.selection._seating import assign, build
from jarjestoyhteistyo.selection.explanation import (
    Explanation,
    Outcome,
    Placed,
    Reason,
    Shared,
    crowded_out,
    explain,
    rejected,
)
from jarjestoyhteistyo.selection.feasible import Feasibility, feasibility_of
from jarjestoyhteistyo.selection.lottery import FairQuotas
from jarjestoyhteistyo.selection.pool import NGO_SOURCES, Pool
from jarjestoyhteistyo.text import html_table

__all__ = ["OUT_OF_SCOPE", "Proposal", "in_scope", "propose"]

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

JY501 = Code(
    code="JY501",
    rule="FC-5",
    severity=W,
    title="Seats left vacant",
    en="group {group}: {vacant} of {seats} seat(s) left vacant; too few registrations",
    fix="Open another call for registrations in this category (see the feasibility fix).",
)

JY505 = Code(
    code="JY505",
    rule="FC-8",
    severity=I,
    title="Kept in reserve",
    en="organisation {organisation} fits group {group}, but no other organisation is "
    "left to complete a member–deputy pair; kept in reserve",
    fix="One more registration in this category completes the pair (FC-8).",
)

JY509 = Code(
    code="JY509",
    rule="OF-3",
    severity=I,
    title="Oversubscribed: criteria applied",
    en="{count} registrations for {cap} places: selection by criteria, then lottery",
    fix="",
)

JY510 = Code(
    code="JY510",
    rule="OF-3",
    severity=W,
    title="Oversubscribed without criteria",
    en="{count} registrations for {cap} places and no criteria: lottery only",
    fix="Draft selection criteria with the NGOs (OF-3).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY501, JY505, JY509, JY510)

#: Codes of :func:`~jarjestoyhteistyo.rules.validation.validate` about seats that selection
#: does not fill: those without the ``selection`` tag, i.e. committee members (`JY209`,
#: `FC-6`/`OF-7`, elected members), the chair and vice-chair (`JY210`, `FC-7`, chosen
#: in dialogue with the committee), the official contact persons (`JY214`, `KU-4`) and
#: the secretary or coordinator (`JY226`, `WS-8`). `JY201` is out of scope too for
#: groups that are not filled from registrations (committee, officials, sectors, experts).
OUT_OF_SCOPE: frozenset[str] = frozenset(
    c.code for c in VALIDATION_CODES if SELECTION not in c.tags
)


@attrs.frozen(kw_only=True)
class Proposal:
    """The result of :func:`propose`: a composition, explanations and a report.

    ``report`` holds selection's findings (`JY5xx`) and those of
    :func:`~jarjestoyhteistyo.rules.validation.validate` on the composition that are in
    selection's scope (see :data:`OUT_OF_SCOPE`). :attr:`ok` is true when it has no
    errors: vacant seats are warnings.
    """

    composition: Composition
    report: Report
    feasibility: Feasibility
    seed: int
    explainer: Callable[[], tuple[Explanation, ...]] = attrs.field(eq=False, repr=False)

    @cached_property
    def explanations(self) -> tuple[Explanation, ...]:
        """One :class:`Explanation` per registration, in input order.

        Computed when first read (a national call has 100,000 registrations).
        """
        return self.explainer()

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return self.report.ok

    def explanation(self, organisation: str) -> Explanation:
        """The explanation of ``organisation``'s (first) registration.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for x in self.explanations:
            if x.organisation == organisation:
                return x
        raise NotFoundError(organisation)

    def to_text(self, lang: Lang = "en", *, rules_pointer: bool = False) -> str:
        """Seats, explanations and findings as text in ``lang`` (``fi``, ``sv``, ``en``;
        ``rules_pointer``: as :meth:`~jarjestoyhteistyo.findings.Report.to_text`). Ids
        stay as written; roles are shown by their label in ``lang``."""
        feasible = self.feasibility.explain(lang)  # already in ``lang``
        head = Text("Proposal (seed {seed}): {feasibility}", seed=self.seed, feasibility=feasible)
        out = [head.text_in(lang)]
        vacant = Text("VACANT").text_in(lang)
        for s in self.composition.seats:
            holder = s.organisation or vacant
            role = f" [{label(s.person.role, lang)}]" if s.person else ""
            out.append(f"  {s.id:<28} {holder}{role}")
        out.append(Text("Explanations:").text_in(lang))
        out += [f"  {x.text(lang)}" for x in self.explanations]
        out.append(self.report.to_text(lang, rules_pointer=rules_pointer))
        return "\n".join(out)

    def _repr_html_(self, lang: Lang | None = None) -> str:
        """The proposal for Jupyter: its feasibility, the seats (seat, organisation or
        vacant, role) and why each registration was or was not chosen, escaped; in
        ``lang``, by default the display language
        (:func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        vacant = Text("VACANT").text_in(lang)
        seats = [
            (
                s.id,
                s.organisation or vacant,
                label(s.person.role, lang) if s.person else "",
            )
            for s in self.composition.seats
        ]
        why = [(x.text(lang),) for x in self.explanations]
        head = html.escape(self.feasibility.explain(lang))
        columns = (  # TRANSLATORS: the columns of a proposal's tables in a notebook
            pgettext(lang, "table column", "seat"),
            pgettext(lang, "table column", "organisation"),
            pgettext(lang, "table column", "role"),
        )
        explanation = (pgettext(lang, "table column", "explanation"),)
        return (
            f"<div><p>{head}</p>{html_table('', columns, seats)}"
            f"{html_table('', explanation, why)}{self.report._repr_html_(lang)}</div>"
        )

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form: ``ok``, ``seed``, ``feasibility``, ``explanations``, ``report``.

        A report view on purpose: it holds computed values (``ok``, the feasibility's
        explanation), not the model's fields.

        The composition itself is written by :func:`~jarjestoyhteistyo.io.serialize.dump_yaml`.
        """
        f = self.feasibility
        return {
            "ok": self.ok,
            "seed": self.seed,
            "feasibility": {
                "seats": f.seats,
                "fillable": f.fillable,
                "feasible": f.feasible,
                "violator": None
                if f.violator is None
                else {
                    "groups": list(f.violator.groups),
                    "seats": f.violator.seats,
                    "organisations": f.violator.organisations,
                },
                "call_for": dict(f.call_for),
                "explanation": f.explain(),
            },
            "explanations": [x.to_dict() for x in self.explanations],
            "report": self.report.to_dict(),
        }


def in_scope(rules: RuleSet, f: Finding) -> bool:
    """True when finding ``f`` of ``validate`` is about what selection fills.

    >>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
    >>> from jarjestoyhteistyo.codes import finding
    >>> from jarjestoyhteistyo.rules.chair import JY210
    >>> from jarjestoyhteistyo.rules.seats import JY201
    >>> rules = FormalCommittee(name="x", area="y")
    >>> in_scope(rules, finding(JY210, "seats", function="chair", count=0, wanted=1, seats=[]))
    False
    >>> in_scope(rules, finding(JY201, "seats", group="pensioners", filled=1, wanted=2))
    True
    """
    if f.code in OUT_OF_SCOPE:
        return False
    if f.code == JY201.code:
        general = rules.as_general()
        ngo = {g.id for g in general.seat_groups if g.source in NGO_SOURCES}
        return f.params.get("group") in ngo
    return True


def _vacancies(pool: Pool, comp: Composition) -> list[Finding]:
    found = []
    for g in pool.groups:
        seats = [
            s
            for s in comp.seats
            if s.group == g.id and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY)
        ]
        vacant = sum(1 for s in seats if s.vacant)
        if vacant:
            found.append(
                finding(
                    JY501,
                    "seats",
                    rule=g.seat_group.rule or None,
                    group=g.id,
                    vacant=vacant,
                    seats=len(seats),
                )
            )
    return found


def _finish(
    pool: Pool,
    feas: Feasibility,
    comp: Composition,
    explainer: Callable[[], tuple[Explanation, ...]],
    placed: Placed,
    extra: Iterable[Finding],
    seed: int,
) -> Proposal:
    """The proposal: its findings in a fixed order (the rule set's, the registrations',
    ``extra``, vacancies, reserves, then ``validate``'s in scope) and its feasibility."""
    reserve = [
        finding(
            JY505,
            f"registrations[{i}]",
            organisation=pool.regs[i].organisation.id,
            group=group,
        )
        for i, (outcome, _seat, group) in sorted(placed.items())
        if outcome is Outcome.RESERVE
    ]
    if not feas.feasible:
        feas = _fix_after_vacancies(pool, feas, comp, placed)
    checked = validate(pool.rules, comp, kind=pool.kind)
    found = (
        *pool.party,
        *pool.findings,
        *extra,
        *_vacancies(pool, comp),
        *reserve,
        *(f for f in checked if in_scope(pool.rules, f)),
    )
    return Proposal(
        composition=comp,
        explainer=explainer,
        report=Report(subject=pool.rules.name, findings=found),
        feasibility=feas,
        seed=seed,
    )


def _fix_after_vacancies(
    pool: Pool, feas: Feasibility, comp: Composition, placed: Placed
) -> Feasibility:
    """Name the fix after the proposal's own vacancies (a reserve needs only a partner),
    when they add up to what is missing; else keep the maximum flow's."""
    short = Counter(
        s.group
        for s in comp.seats
        if s.vacant and s.kind in (SeatKind.MEMBER, SeatKind.DEPUTY) and s.group
    )
    short.subtract(group for outcome, _seat, group in placed.values() if outcome is Outcome.RESERVE)
    call_for = {g.id: short[g.id] for g in pool.groups if short[g.id] > 0}
    if sum(call_for.values()) == feas.missing:
        return attrs.evolve(feas, call_for=call_for)
    return feas


def _rejected(pool: Pool, feas: Feasibility, seed: int) -> Proposal:
    """A rule set with a party-political criterion: nobody is selected (`JY108`, `WS-1`)."""
    comp, _ = build(pool, {})
    explanations = rejected(pool)
    return _finish(pool, feas, comp, lambda: explanations, {}, (), seed)


def _is_forum(pool: Pool) -> bool:
    return bool(pool.groups) and all(g.seat_group.source is SeatSource.OPEN for g in pool.groups)


def _forum(pool: Pool, feas: Feasibility, rank: Sequence[int], seed: int) -> Proposal:
    """`OF-3`, `OF-4`: everyone up to the cap; when oversubscribed criteria, then lottery."""
    rules = pool.rules
    cap = rules.cap if rules.cap is not None else sum(g.members for g in pool.groups)
    cap = min(cap, sum(g.members for g in pool.groups))
    eligible = [i for i in range(len(pool.regs)) if pool.masks[i]]
    extra: list[Finding] = []
    crit = bool(rules.selection.criteria)
    if len(eligible) <= cap:
        admitted = sorted(eligible, key=lambda i: rank[i])
        fit: Reason = (Text("registrations fit the cap: everyone admitted"), "OF-3")
        why = dict.fromkeys(eligible, fit)
    else:
        extra.append(
            finding(JY509 if crit else JY510, "registrations", count=len(eligible), cap=cap)
        )
        ordered = sorted(eligible, key=lambda i: (-pool.criteria_met[i], rank[i]))
        admitted = ordered[:cap]
        why = {
            i: (
                Text(
                    "meets {met} criteria; place {place} by criteria, then lottery rank {rank}",
                    met=pool.criteria_met[i],
                    place=n + 1,
                    rank=rank[i] + 1,
                ),
                "OF-3, OF-4",
            )
            for n, i in enumerate(admitted)
        }
    # fill the open groups in order
    seated: dict[int, list[int]] = {g.index: [] for g in pool.groups}
    queue = list(admitted)
    for g in pool.groups:
        take, queue = queue[: g.members], queue[g.members :]
        seated[g.index] = take
    own = rules.deputies.mode is DeputyMode.AGREED
    comp, placed = build(pool, seated, own_deputies=own)
    last = admitted[-1] if admitted else None
    bar = Shared(
        Text(
            "{cap} places went to registrations meeting more criteria or drawn earlier"
            " (last admitted: {met} criteria, lottery rank {rank})",
            cap=cap,
            met=pool.criteria_met[last],
            rank=rank[last] + 1,
        )
        if last is not None
        else Text("no places")
    )

    def not_selected(i: int) -> Reason:
        return (
            Text(
                "meets {met} criteria, lottery rank {rank}; {bar}",
                met=pool.criteria_met[i],
                rank=rank[i] + 1,
                bar=bar,
            ),
            "OF-3, OF-4",
        )

    return _finish(
        pool,
        feas,
        comp,
        lambda: explain(pool, rank, placed, why, not_selected),
        placed,
        extra,
        seed,
    )


def propose(
    rules: RuleSet,
    registrations: Sequence[Registration],
    *,
    seed: int,
    fair: bool = False,
) -> Proposal:
    """Propose who sits where, with an explanation for every registration.

    1. **Seats first**: the proposal fills the most seats the registrations can fill
       (:func:`feasibility`), members and personal deputies, one seat per
       organisation (`FC-9`), deputies of their member's category (`FC-10`).
    2. **Diversity**, lexicographically — a level is never traded for a lower one;
       each is filled greedily in lottery order while keeping step 1:

       0. a member from each required municipality (``required_municipalities``);
       1. theme networks: a work pair of a wanted role mix (``pairs.mixes``, `KU-7`);
       2. a volunteer-run association (`WS-7`);
       3. each wanted language (``diversity.languages``, e.g. Swedish; `WS-7`);
       4. organisations of new size classes (`WS-4`);
       5. new municipalities;
       6. new under-represented groups (``Organisation.groups``: multicultural,
          women, ...; `WS-7`).
    3. **The rest** by the number of the rule set's criteria met, then the **seeded
       lottery** (:class:`random.Random` ``(seed)``, registrations sorted by
       organisation id before shuffling: the input order does not matter).

    Within a group the earliest picks are members, the next their personal deputies
    (member *n* ↔ deputy *n*). With personal deputies a group never gets a member
    without a deputy: an odd organisation is kept in reserve (`JY505`). Vacant seats
    are warnings (`JY501`). An open forum (all NGO groups ``open``) admits everyone
    when the registrations fit the cap, otherwise by criteria met, then lottery
    (`OF-3`, `OF-4`). ``fair=True`` draws the panel with the maximin-fair lottery of
    :func:`selection_probabilities` instead of steps 2–3.

    Not selection's job (see :data:`OUT_OF_SCOPE`): the chair and vice-chair (`FC-7`),
    committee members (`FC-6`), official seats (`KU-4`) and the secretary (`WS-8`);
    their seats are left vacant or absent, and their validation codes are left out of
    :attr:`Proposal.report`. A rule set with a party-political criterion is rejected
    (`JY108`, `WS-1`): nobody is selected. A body of more than ``MAX_COUNT`` NGO seats
    (deputies counted, :func:`~jarjestoyhteistyo.model.planner.laid_out_seats`) is
    refused with :class:`~jarjestoyhteistyo.errors.SelectionError`: the proposal lays
    out every seat, and no real body comes near.

    >>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    >>> from jarjestoyhteistyo.model.rulesets import Criterion, OpenForum, SelectionPolicy
    >>> forum = OpenForum(name="Forum", area="Example area", cap=2, selection=SelectionPolicy(
    ...     criteria=(Criterion(id="c"),), criteria_only_when_oversubscribed=True))
    >>> regs = [Registration(organisation=Organisation(id=f"o{i}"),
    ...                      member=Person(role=Role.VOLUNTEER), link_description="x",
    ...                      answers=frozenset({"c"} if i == 2 else ()))
    ...         for i in range(4)]
    >>> p = propose(forum, regs, seed=3)
    >>> p.explanation("o2").outcome.value  # meets the criterion: admitted first (OF-3)
    'member'
    >>> sum(x.selected for x in p.explanations)
    2
    """
    check_laid_out(rules, SelectionError)
    pool = Pool(rules, registrations)
    feas, fillable = feasibility_of(pool)
    if pool.party:
        return _rejected(pool, feas, seed)
    drawn, rank = pool.lottery(seed)
    if _is_forum(pool) and not fair:
        return _forum(pool, feas, rank, seed)
    sel = Selector(pool, fillable)
    why: dict[int, Reason] = {}
    if fair:
        _draw_fair(pool, sel, fillable, seed, why)
    else:
        _choose(pool, sel, drawn, rank, why)
    comp, placed = build(pool, assign(pool, sel))
    not_selected = crowded_out(pool)
    return _finish(
        pool,
        feas,
        comp,
        lambda: explain(pool, rank, placed, why, not_selected),
        placed,
        (),
        seed,
    )


def _draw_fair(pool: Pool, sel: Selector, fillable: int, seed: int, why: dict[int, Reason]) -> None:
    """Accept the panel drawn by the maximin-fair lottery (`OF-4`)."""
    lottery = FairQuotas(pool, fillable)
    panel = lottery.draw(random.Random(seed))
    for i, j in panel:
        sel.accepted.append((i, 1 << j))
        sel.taken.add(i)
        why[i] = (
            Text(
                "drawn by the fair lottery (probability {probability})",
                probability=format(float(lottery.p[pool.masks[i]]), ".3f"),
            ),
            "OF-4",
        )


def _choose(
    pool: Pool, sel: Selector, drawn: list[int], rank: Sequence[int], why: dict[int, Reason]
) -> None:
    """Diversity first, then criteria met, then the lottery rank (`FC-3`, `WS-7`)."""
    masks = pool.masks
    order = drawn if all(masks) else [i for i in drawn if masks[i]]
    diversity_levels(pool, sel, order, why)
    if sel.full:
        return
    # criteria met, then lottery rank: ``order`` is in rank order, so a stable sort on
    # the criteria alone (none when nobody meets one)
    criteria_met = pool.criteria_met
    rest = sorted(order, key=[-m for m in criteria_met].__getitem__) if any(criteria_met) else order
    for i in rest:
        if sel.full:
            break
        if i not in sel.taken and sel.try_add([(i, masks[i])]):
            met = pool.criteria_met[i]
            why[i] = (
                Text("meets {met} criteria; lottery rank {rank}", met=met, rank=rank[i] + 1)
                if met
                else Text("drawn at lottery rank {rank}", rank=rank[i] + 1),
                "FC-3",
            )
