"""Roadmaps, yearly implementation plans, carry-over and evaluation (`RM-1` … `RM-7`).

The module to import for roadmaps: it offers the nouns
(:mod:`jarjestoyhteistyo.model.roadmap`: :class:`Roadmap`, :class:`Plan`,
:class:`Measure`, ...), the checks (:mod:`jarjestoyhteistyo.rules.roadmap`:
:func:`check_document`, :func:`roadmap_check`, the loaders) and the evaluation's
results (:mod:`jarjestoyhteistyo.analysis.evaluation`: :class:`Evaluation`, ...) under
one name, and is the home of what follows.

A roadmap has goals, action areas with yearly milestones and a plan of measures per
year, and what was not reached moves to the next year's plan;
:mod:`jarjestoyhteistyo.model.roadmap` describes the model.

:func:`roadmap_check` reports what is wrong in the documents themselves;
:func:`evaluate` says, as of a date, which milestones were due and how far they got,
what is overdue, what was carried over and how often, which measures have no
responsible unit, which action areas have no measure in a year whose milestone is
due, and the state of each binding target. It also drafts the next year's plan
(:func:`draft_next_plan`). The result renders as text, Markdown, JSON and a
:class:`Table` (:func:`render`). The shipped example roadmaps are presets in
``jarjestoyhteistyo/presets/roadmaps`` (:func:`example_names`, :func:`load_example`).

Decisions where the source is silent:

* A milestone of year *Y* is due on 31 December of *Y*; its status is aggregated from
  the measures of that action area in the plan of *Y*, each taken at the end of its
  carry-over chain (a measure carried on and achieved later counts as achieved).
* A measure with no schedule is due at the end of its plan's year; otherwise at the
  end of its schedule's span.
* A status snapshot counts only from its date on: evaluating as of an earlier date
  ignores it (the status is then *not reported*).
* Completion share = (achieved + ½ × partly achieved) / milestones with a status.

>>> doc = load_example()
>>> ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
>>> sorted({c.origin_year for c in ev.chains})
[2023]
>>> len(ev.chains)
7
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.analysis.evaluation import (
    AreaResult,
    AssessmentResult,
    CarryChain,
    Evaluation,
    GoalNarrative,
    GoalResult,
    MeasureResult,
    MetricResult,
    MilestoneResult,
    Table,
    TargetResult,
    TargetState,
    status_term,
)
from jarjestoyhteistyo.calc.schedule import DEFAULT_SEASONS, Seasons, parse_schedule
from jarjestoyhteistyo.codes import finding
from jarjestoyhteistyo.errors import RenderError
from jarjestoyhteistyo.findings import Finding, Report
from jarjestoyhteistyo.i18n import Lang, Text
from jarjestoyhteistyo.model.roadmap import (
    ActionArea,
    Basis,
    BindingTarget,
    Goal,
    GoalAssessment,
    Level,
    Measure,
    Measurement,
    Metric,
    MetricKind,
    Milestone,
    MilestoneItem,
    Plan,
    Roadmap,
    RoadmapDocument,
    Snapshot,
    Status,
    YearAssessment,
    measure_ref,
)
from jarjestoyhteistyo.presets import PresetRegistry, shipped
from jarjestoyhteistyo.rules.roadmap import (
    JY425,
    JY430,
    JY431,
    JY432,
    JY433,
    JY434,
    JY442,
    JY444,
    RoadmapIndex,
    check_document,
    load_roadmap,
    loads_roadmap,
    roadmap_check,
)

__all__ = [
    "ActionArea",
    "AreaResult",
    "BindingTarget",
    "CarryChain",
    "Evaluation",
    "Goal",
    "GoalAssessment",
    "GoalResult",
    "Level",
    "Measure",
    "MeasureResult",
    "Measurement",
    "Metric",
    "MetricKind",
    "MetricResult",
    "Milestone",
    "MilestoneItem",
    "MilestoneResult",
    "Plan",
    "Roadmap",
    "RoadmapDocument",
    "Snapshot",
    "Status",
    "Table",
    "TargetResult",
    "TargetState",
    "YearAssessment",
    "check_document",
    "draft_next_plan",
    "evaluate",
    "example_names",
    "load_example",
    "load_roadmap",
    "loads_roadmap",
    "measure_ref",
    "render",
    "roadmap_check",
]

Format = Literal["text", "markdown", "json"]


# ----------------------------------------------------------- the shipped examples

#: The shipped example roadmaps: presets of ``kind: roadmap`` with a header like the
#: body presets' (title, source), read by the presets' registry machinery.
_EXAMPLES = PresetRegistry(folder=shipped("presets", "roadmaps"), kinds=("roadmap",))


def example_names() -> tuple[str, ...]:
    """The names of the shipped example roadmaps.

    >>> example_names()
    ('vantaa-kerava',)
    """
    return tuple(p.name for p in _EXAMPLES.presets())


def load_example(name: str = "vantaa-kerava") -> RoadmapDocument:
    """A shipped example: the Vantaa–Kerava roadmap 2022–2025 with the 2023 and 2024 plans.

    An unknown name raises :class:`~jarjestoyhteistyo.errors.PresetNotFoundError`
    naming the closest known names.

    >>> load_example().roadmap.id
    'vantaa-kerava-2022-2025'
    >>> load_example("vantaa-kereva")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.PresetNotFoundError: no preset 'vantaa-kereva'; did you mean ...
    """
    info = _EXAMPLES.resolve(name)
    return loads_roadmap(_EXAMPLES.text(info.name), source=info.filename)


# ------------------------------------------------------------------ evaluation


def _aggregate(statuses: Sequence[Status]) -> Status | None:
    """One status for several measures (dropped ones do not count).

    >>> _aggregate([Status.ACHIEVED, Status.NOT_STARTED])
    <Status.PARTLY_ACHIEVED: 'partly_achieved'>
    """
    live = [s for s in statuses if s is not Status.DROPPED]
    if not live:
        return Status.DROPPED if statuses else None
    kinds = set(live)
    if len(kinds) == 1:
        return live[0]
    if kinds & {Status.ACHIEVED, Status.PARTLY_ACHIEVED}:
        return Status.PARTLY_ACHIEVED
    if Status.IN_PROGRESS in kinds:
        return Status.IN_PROGRESS
    return Status.NOT_ACHIEVED


def _year_end(year: int) -> date:
    return date(year, 1, 1) + relativedelta(month=12, day=31)


def _measure_due(m: Measure, year: int, seasons: Seasons) -> date:
    dues: list[date] = []
    for phrase in m.schedule:
        parsed = parse_schedule(phrase, year=year, seasons=seasons)
        if parsed.schedule is not None and (d := parsed.schedule.due) is not None:
            dues.append(d)
    return max(dues) if dues else _year_end(year)


@attrs.frozen(kw_only=True)
class _Progress:
    """What an evaluation works from: the index, the date and each measure's status then."""

    idx: RoadmapIndex
    as_of: date
    seasons: Seasons
    status: Mapping[str, Status | None]  # ref -> status as of the date
    basis: Mapping[str, Basis | None]  # ref -> where that status comes from

    @classmethod
    def of(cls, idx: RoadmapIndex, as_of: date, seasons: Seasons) -> _Progress:
        snaps = {ref: e[2].snapshot_at(as_of) for ref, e in idx.measures.items()}
        status = {ref: None if s is None else s.status for ref, s in snaps.items()}
        basis = {ref: None if s is None else s.basis for ref, s in snaps.items()}
        return cls(idx=idx, as_of=as_of, seasons=seasons, status=status, basis=basis)

    def onward(self, ref: str) -> tuple[str, ...]:
        """The measures that carry ``ref`` on."""
        return tuple(s for s in self.idx.successors.get(ref, ()) if s in self.status)

    def final_basis(self, ref: str, depth: int = 0) -> Basis | None:
        """Where :meth:`final` comes from: inferred if any status it rests on is."""
        later = [b for s in self.onward(ref) if (b := self.final_basis(s, depth + 1)) is not None]
        if not later or depth > 50:
            return self.basis.get(ref)
        return Basis.INFERRED if Basis.INFERRED in later else Basis.SOURCE

    def final(self, ref: str, depth: int = 0) -> Status | None:
        """The status at the end of the carry-over line (a measure carried on and
        achieved later counts as achieved)."""
        own = self.status.get(ref)
        if depth > 50:
            return own
        later = [st for s in self.onward(ref) if (st := self.final(s, depth + 1)) is not None]
        return _aggregate(later) if later else own


@attrs.frozen(kw_only=True)
class _Measures:
    """The measure results per action area, and their refs per action area and year."""

    per_area: Mapping[str, tuple[MeasureResult, ...]]
    refs: Mapping[tuple[str, int], tuple[str, ...]]


def _measure_results(p: _Progress) -> tuple[_Measures, list[Finding]]:
    """Every measure as of the date; ``JY432`` for one overdue and not carried on."""
    per_area: dict[str, list[MeasureResult]] = defaultdict(list)
    refs: dict[tuple[str, int], list[str]] = defaultdict(list)
    findings: list[Finding] = []
    for year, (pi, plan) in sorted(p.idx.plans.items()):
        for mi, m in enumerate(plan.measures):
            ref = measure_ref(year, m.id)
            due = _measure_due(m, year, p.seasons)
            st = p.status[ref]
            onward = p.onward(ref)
            overdue = due < p.as_of and (st is None or st.is_open)
            if overdue and not onward:
                findings.append(
                    finding(
                        JY432,
                        f"plans[{pi}].measures[{mi}]",
                        measure=ref,
                        due=due.isoformat(),
                        status=status_term(st),
                    )
                )
            per_area[m.action_area].append(
                MeasureResult(
                    ref=ref,
                    year=year,
                    title=m.title,
                    action_area=m.action_area,
                    status=st,
                    basis=p.basis[ref],
                    due=due,
                    overdue=overdue,
                    carried=m.is_carried,
                    carried_to=onward,
                    responsible=tuple(r for r in m.responsible if r.strip()),
                )
            )
            refs[(m.action_area, year)].append(ref)
    measures = _Measures(
        per_area={k: tuple(v) for k, v in per_area.items()},
        refs={k: tuple(v) for k, v in refs.items()},
    )
    return measures, findings


def _area_result(
    p: _Progress, measures: _Measures, area: ActionArea, path: str
) -> tuple[AreaResult, list[Finding], list[int]]:
    """An action area's due milestones with ``JY430`` and ``JY431``; and the years of
    its due milestones that have no plan (for ``JY433``)."""
    findings: list[Finding] = []
    milestones: list[MilestoneResult] = []
    missing: list[int] = []
    unplanned: list[int] = []
    for ms in sorted(area.milestones, key=lambda m: m.year):
        due = _year_end(ms.year)
        if not ms.items or due > p.as_of:
            continue
        refs = measures.refs.get((area.id, ms.year), ())
        if ms.year not in p.idx.plans:
            unplanned.append(ms.year)
        elif not refs:
            missing.append(ms.year)
            findings.append(finding(JY430, path, area=area.id, year=ms.year))
        uncovered = _uncovered(ms, refs, p) if refs else ()
        for item in uncovered:
            findings.append(finding(JY434, path, area=area.id, year=ms.year, item=item))
        agg = _aggregate([s for s in (p.final(r) for r in refs) if s is not None])
        bases = {b for r in refs if (b := p.final_basis(r)) is not None}
        basis = None if agg is None else Basis.INFERRED if Basis.INFERRED in bases else Basis.SOURCE
        if refs and agg is not Status.ACHIEVED:
            findings.append(
                finding(
                    JY431,
                    path,
                    area=area.id,
                    year=ms.year,
                    due=due.isoformat(),
                    status=status_term(agg),
                )
            )
        milestones.append(
            MilestoneResult(
                year=ms.year,
                due=due,
                items=tuple(it.text for it in ms.items),
                status=agg,
                measures=refs,
                planned=ms.year in p.idx.plans,
                uncovered=uncovered,
                basis=basis,
            )
        )
    result = AreaResult(
        id=area.id,
        title=area.title,
        milestones=tuple(milestones),
        measures=measures.per_area.get(area.id, ()),
        missing_years=tuple(missing),
    )
    return result, findings, unplanned


def _uncovered(ms: Milestone, refs: Sequence[str], p: _Progress) -> tuple[str, ...]:
    """The items of a due milestone that no measure of its year takes up (`RM-4`).

    A measure takes up the item its ``milestone`` names; a measure that names none
    stands for the whole milestone only when the milestone has a single item.
    """
    measures = [p.idx.measures[r][2] for r in refs if r in p.idx.measures]
    named = {m.milestone for m in measures if m.milestone}
    if len(ms.items) == 1 and any(not m.milestone for m in measures):
        return ()
    return tuple(item.id for item in ms.items if item.id not in named)


def _goal_results(
    roadmap: Roadmap, p: _Progress, measures: _Measures
) -> tuple[tuple[GoalResult, ...], list[Finding]]:
    """Every goal with its action areas; ``JY433`` for a year of due milestones and no plan."""
    goals: list[GoalResult] = []
    findings: list[Finding] = []
    unplanned: Counter[int] = Counter()
    for gi, g in enumerate(roadmap.goals):
        areas: list[AreaResult] = []
        for ai, a in enumerate(g.action_areas):
            path = f"roadmap.goals[{gi}].action_areas[{ai}]"
            result, found, years = _area_result(p, measures, a, path)
            areas.append(result)
            findings += found
            unplanned.update(years)
        goals.append(GoalResult(id=g.id, title=g.title, areas=tuple(areas)))
    for year, count in sorted(unplanned.items()):
        findings.append(finding(JY433, "plans", year=year, count=count))
    return tuple(goals), findings


def _chain(
    ref: str, idx: RoadmapIndex, memo: dict[str, tuple[int, tuple[str, ...]]]
) -> tuple[int, tuple[str, ...]]:
    """(times carried, path from the origin) along the longest line of sources."""
    if ref in memo:
        return memo[ref]
    memo[ref] = (0, (ref,))  # guards against cycles in bad input
    entry = idx.measures.get(ref)
    best: tuple[int, tuple[str, ...]] = (0, (ref,))
    if entry is not None:
        for src in entry[2].carried_from:
            if src in idx.measures and idx.plan_of(idx.measures[src]).year < int(
                ref.split("/", 1)[0]
            ):
                times, path = _chain(src, idx, memo)
                if times + 1 > best[0]:
                    best = (times + 1, (*path, ref))
    memo[ref] = best
    return best


def _carry_chains(p: _Progress) -> tuple[tuple[CarryChain, ...], list[Finding]]:
    """One chain per carried measure at the end of its line; ``JY425`` from two times on."""
    memo: dict[str, tuple[int, tuple[str, ...]]] = {}
    chains: list[CarryChain] = []
    findings: list[Finding] = []
    for ref, (pi, mi, m) in p.idx.measures.items():
        if not m.is_carried or p.onward(ref):
            continue
        times, path = _chain(ref, p.idx, memo)
        if times == 0:
            continue
        origin = path[0]
        origin_year = int(origin.split("/", 1)[0])
        chains.append(
            CarryChain(
                ref=ref,
                title=m.title,
                origin=origin,
                origin_year=origin_year,
                times=times,
                path=path,
            )
        )
        if times >= 2:
            findings.append(
                finding(
                    JY425,
                    f"plans[{pi}].measures[{mi}]",
                    measure=ref,
                    times=times,
                    origin_year=origin_year,
                )
            )
    return tuple(chains), findings


def _metric_result(metric: Metric, target: BindingTarget, as_of: date) -> MetricResult:
    seen = [e for e in metric.measurements if e.on <= as_of]
    latest = max(seen, key=lambda e: e.on) if seen else None
    year_over = as_of > _year_end(target.year)
    progress: float | None = None
    met: bool | None = None
    if latest is not None and metric.kind is MetricKind.NUMERIC and latest.value is not None:
        b, t, v = metric.baseline.value, metric.target.value, latest.value
        if b is not None and t is not None and t != b:
            progress = (v - b) / (t - b)
        if t is not None:
            met = v >= t if metric.higher_is_better else v <= t
    elif latest is not None and latest.status is not None:
        met = latest.status is Status.ACHIEVED
    if latest is None:
        state = TargetState.NO_DATA
    elif met:
        state = TargetState.MET
    elif not year_over:
        state = TargetState.IN_PROGRESS
    elif _final(latest, target.year):
        state = TargetState.NOT_MET
    else:
        state = TargetState.NO_FINAL_DATA
    return MetricResult(
        id=metric.id,
        title=metric.title,
        kind=metric.kind,
        baseline=metric.baseline,
        target=metric.target,
        latest=latest,
        state=state,
        progress=progress,
    )


def _final(latest: Measurement, year: int) -> bool:
    """Whether ``latest`` is a final word on a target of ``year`` once the year is over:
    dated after the year, or a status that closes it (not in progress, not unstarted).
    An interim report "in progress" says nothing final: the target then has "no final
    data yet", not "not met" (`RM-7`)."""
    if latest.status in (Status.IN_PROGRESS, Status.NOT_STARTED):
        return False
    return latest.status is not None or latest.on > _year_end(year)


def _target_state(metrics: Sequence[MetricResult]) -> TargetState:
    states = {m.state for m in metrics}
    if not states or states == {TargetState.NO_DATA}:
        return TargetState.NO_DATA
    if TargetState.NOT_MET in states:
        return TargetState.NOT_MET
    if states == {TargetState.MET}:
        return TargetState.MET
    if TargetState.NO_FINAL_DATA in states:
        return TargetState.NO_FINAL_DATA
    return TargetState.IN_PROGRESS


def _target_results(p: _Progress) -> tuple[tuple[TargetResult, ...], list[Finding]]:
    """Every binding target's state; ``JY442`` for a metric with no data, ``JY444`` not met."""
    targets: list[TargetResult] = []
    findings: list[Finding] = []
    for _year, (pi, plan) in sorted(p.idx.plans.items()):
        for ti, t in enumerate(plan.binding_targets):
            path = f"plans[{pi}].binding_targets[{ti}]"
            results = tuple(_metric_result(mt, t, p.as_of) for mt in t.metrics)
            for mi, r in enumerate(results):
                if r.state is TargetState.NO_DATA:
                    findings.append(
                        finding(
                            JY442,
                            f"{path}.metrics[{mi}]",
                            metric=r.id,
                            target=t.id,
                            as_of=p.as_of.isoformat(),
                        )
                    )
            state = _target_state(results)
            if state is TargetState.NOT_MET:
                findings.append(finding(JY444, path, target=t.id, year=t.year))
            targets.append(
                TargetResult(id=t.id, title=t.title, year=t.year, state=state, metrics=results)
            )
    return tuple(targets), findings


def draft_next_plan(
    roadmap: Roadmap, plan: Plan, *, as_of: date | None = None, title: str = ""
) -> Plan:
    """Draft the plan of the year after ``plan`` (`RM-5`, `RM-6`).

    Every measure of ``plan`` whose status (as of ``as_of``; the latest snapshot when
    ``None``) an evaluation found open — not achieved, not dropped — is carried over,
    marked by ``carried_from``. A measure with no status is not evaluated yet: it is
    not carried (a draft made before the year is evaluated carries nothing with ``*``;
    :attr:`Evaluation.unevaluated <jarjestoyhteistyo.analysis.evaluation.Evaluation.unevaluated>`
    lists such measures). Then each action area's milestone items
    for the new year that no carried measure already covers become new measures, with
    the responsible units of the area's measures in ``plan``. No new goals (`RM-6`).

    >>> doc = load_example()
    >>> draft = draft_next_plan(doc.roadmap, doc.plans[0], as_of=date(2024, 5, 27))
    >>> draft.year, sum(m.is_carried for m in draft.measures)
    (2024, 8)
    """
    year = plan.year + 1
    carried: list[Measure] = []
    used_ids: set[str] = set()
    units: dict[str, tuple[str, ...]] = {}
    for m in plan.measures:
        units.setdefault(m.action_area, ())
        units[m.action_area] += tuple(u for u in m.responsible if u not in units[m.action_area])
        status = m.status_at(as_of) if as_of is not None else m.final_status
        if status is None or not status.is_open:
            continue
        carried.append(
            Measure(
                id=m.id,
                action_area=m.action_area,
                title=m.title,
                milestone=m.milestone,
                actions=m.actions,
                responsible=m.responsible,
                partners=m.partners,
                carried_from=(measure_ref(plan.year, m.id),),
            )
        )
        used_ids.add(m.id)
    covered = {(m.action_area, m.milestone) for m in carried}
    fresh: list[Measure] = []
    for _goal, area in roadmap.action_areas:
        ms = area.milestone(year)
        if ms is None:
            continue
        for item in ms.items:
            if (area.id, item.id) in covered or item.id in used_ids:
                continue
            used_ids.add(item.id)
            fresh.append(
                Measure(
                    id=item.id,
                    action_area=area.id,
                    title=item.text,
                    milestone=item.id,
                    responsible=units.get(area.id, ()),
                )
            )
    # keep the roadmap's order of action areas
    order = {a.id: i for i, (_g, a) in enumerate(roadmap.action_areas)}
    measures = sorted(carried + fresh, key=lambda m: order.get(m.action_area, len(order)))
    return Plan(
        year=year,
        title=title or f"Draft implementation plan {year}",
        notes=(f"Drafted from the {plan.year} plan; carried items are marked *.",),
        measures=tuple(measures),
    )


def _draft(roadmap: Roadmap, plans: Sequence[Plan], p: _Progress) -> Plan | None:
    """The next plan's draft, unless the last plan is the roadmap's last year's and
    nothing in it is open."""
    if not plans:
        return None
    last = plans[-1]
    if last.year < roadmap.last_year or any(
        (p.status.get(measure_ref(last.year, m.id)) or Status.NOT_STARTED).is_open
        for m in last.measures
    ):
        return draft_next_plan(roadmap, last, as_of=p.as_of)
    return None


def evaluate(
    roadmap: Roadmap,
    plans: Sequence[Plan] = (),
    *,
    as_of: date,
    seasons: Seasons = DEFAULT_SEASONS,
) -> Evaluation:
    """Evaluate the roadmap and its plans as of a date (`RM-3` … `RM-7`).

    Plans of years after ``as_of`` are left out. See :class:`Evaluation`.

    >>> doc = load_example()
    >>> ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    >>> [c.ref for c in ev.chains][:2]
    ['2024/evaluation-model', '2024/knowing-each-other']
    >>> ev.targets[0].state.value
    'in_progress'
    >>> ev.draft.year
    2025
    """
    plans = tuple(sorted((p for p in plans if p.year <= as_of.year), key=lambda p: p.year))
    progress = _Progress.of(RoadmapIndex.of(roadmap, plans), as_of, seasons)
    draft = _draft(roadmap, plans, progress)
    unevaluated = (
        ()
        if draft is None
        else tuple(
            ref
            for m in plans[-1].measures
            if progress.status.get(ref := measure_ref(plans[-1].year, m.id)) is None
        )
    )
    measures, overdue = _measure_results(progress)
    goals, unreached = _goal_results(roadmap, progress, measures)
    chains, carried = _carry_chains(progress)
    targets, unmet = _target_results(progress)
    findings = [
        *check_document(roadmap, plans, seasons=seasons),
        *overdue,
        *unreached,
        *carried,
        *unmet,
    ]
    return Evaluation(
        roadmap=roadmap.id,
        title=roadmap.title,
        as_of=as_of,
        goals=goals,
        chains=chains,
        targets=targets,
        report=Report(subject=roadmap.id, findings=tuple(findings)),
        draft=draft,
        assessments=_assessments(roadmap, plans, as_of),
        unevaluated=unevaluated,
    )


def _assessments(
    roadmap: Roadmap, plans: Sequence[Plan], as_of: date
) -> tuple[AssessmentResult, ...]:
    """Each plan's own evaluation dated by ``as_of``: the verdict and the narratives,
    each goal named by its title (`RM-5`)."""
    titles = {g.id: g.title for g in roadmap.goals}
    return tuple(
        AssessmentResult(
            year=plan.year,
            as_of=a.as_of,
            verdict=a.verdict,
            goals=tuple(
                GoalNarrative(goal=g.goal, title=titles.get(g.goal, g.goal), summary=g.summary)
                for g in a.goals
            ),
        )
        for plan in plans
        if (a := plan.assessment) is not None and a.as_of <= as_of
    )


# -------------------------------------------------------------------- rendering


def render(evaluation: Evaluation, fmt: Format = "text", *, lang: Lang = "en") -> str:
    """Render an evaluation as ``"text"``, ``"markdown"`` or ``"json"``; the text and
    the Markdown in ``lang``, the JSON in English (its keys and values are data).

    >>> doc = load_example()
    >>> ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    >>> render(ev, "markdown").splitlines()[0]
    '# Vantaa–Kerava NGO cooperation roadmap 2022–2025 — evaluation as of 2024-05-27'
    >>> import json
    >>> json.loads(render(ev, "json"))["as_of"]
    '2024-05-27'
    """
    if fmt == "markdown":
        return evaluation.to_markdown(lang=lang)
    if fmt == "json":
        return evaluation.to_json()
    if fmt == "text":
        return evaluation.to_text(lang=lang)
    raise RenderError(
        Text("unknown format {format!r}; expected text, markdown or json", format=fmt)
    )
