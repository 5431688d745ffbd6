"""The checks of a roadmap and its yearly plans, and the roadmap family's codes (`RM-1` … `RM-7`).

:func:`check_document` reports what is wrong in the documents themselves, whatever
the date: ids (`RM-2`), milestone years (`RM-3`), plans, measures, schedules and
responsible units (`RM-4`), carry-over links (`RM-5`, `RM-6`) and metrics (`RM-7`);
:func:`roadmap_check` does it for a file or a loaded document and gives a
:class:`~jarjestoyhteistyo.findings.Report`. The codes that depend on a date (a
milestone due and not achieved, a measure overdue, a metric not yet measured, ...)
are declared here too, with the family, and emitted by
:func:`jarjestoyhteistyo.analysis.roadmap.evaluate`. The schedule phrases' own codes
(``JY410`` … ``JY415``) are :mod:`jarjestoyhteistyo.calc.schedule`'s.

:class:`RoadmapIndex` holds the lookups the checks and the evaluation share.
:func:`loads_roadmap` and :func:`load_roadmap` read a
:class:`~jarjestoyhteistyo.model.roadmap.RoadmapDocument` through the one door
(:mod:`jarjestoyhteistyo.io.serialize`).

>>> doc = loads_roadmap('''
... roadmap:
...   id: r
...   title: R
...   first_year: 2023
...   last_year: 2024
...   goals: [{id: g, title: G, action_areas: [{id: a, title: A}]}]
... plans:
...   - year: 2023
...     measures: [{id: m, action_area: elsewhere, title: M, responsible: [HYTE team]}]
... ''')
>>> [(f.code, f.path) for f in check_document(doc.roadmap, doc.plans)]
[('JY402', 'plans[0].measures[0].action_area')]
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from jarjestoyhteistyo.calc.schedule import DEFAULT_SEASONS, Seasons, parse_schedule
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Term
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.model.ids import normal_id
from jarjestoyhteistyo.model.roadmap import (
    Measure,
    MetricKind,
    Plan,
    Roadmap,
    RoadmapDocument,
    Status,
    measure_ref,
)
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.rules.consistency import repeats

__all__ = [
    "CODES",
    "RoadmapIndex",
    "check_document",
    "load_roadmap",
    "loads_roadmap",
    "roadmap_check",
]

JY401 = Code(
    code="JY401",
    rule="RM-2",
    severity=Severity.ERROR,
    title="duplicate id",
    en="{what} id {id!r} is used again (first at {first})",
    fix="Give every goal, action area, milestone item and measure its own id.",
)

JY402 = Code(
    code="JY402",
    rule="RM-6",
    severity=Severity.ERROR,
    title="measure under an unknown action area",
    en="measure {measure!r} is under action area {area!r}, which the roadmap does not have",
    fix="Use an action area of the roadmap: a yearly plan sets no new goals (RM-6).",
)

JY403 = Code(
    code="JY403",
    rule="RM-3",
    severity=Severity.ERROR,
    title="milestone outside the roadmap's years",
    en="milestone year {year} is outside the roadmap's years {first}–{last}",
    fix="Move the milestone into the roadmap's years or extend the roadmap.",
)

JY404 = Code(
    code="JY404",
    rule="RM-3",
    severity=Severity.ERROR,
    title="two milestones for one year",
    en="action area {area!r} has more than one milestone for {year}",
    fix="Put all of the year's target states into one milestone's items.",
)

JY405 = Code(
    code="JY405",
    rule="RM-4",
    severity=Severity.ERROR,
    title="plan outside the roadmap's years",
    en="plan year {year} is outside the roadmap's years {first}–{last}",
    fix="Plan only the roadmap's years.",
)

JY406 = Code(
    code="JY406",
    rule="RM-4",
    severity=Severity.ERROR,
    title="two plans for one year",
    en="there is more than one implementation plan for {year}",
    fix="Merge the plans of the same year.",
)

JY407 = Code(
    code="JY407",
    rule="RM-4",
    severity=Severity.ERROR,
    title="unknown milestone item",
    en="measure {measure!r} names milestone item {item!r}, which action area {area!r} "
    "does not have (up to {year})",
    fix="Name an item of this action area's milestones of this year or earlier.",
)

JY416 = Code(
    code="JY416",
    rule="RM-4",
    severity=Severity.WARNING,
    title="measure without a responsible unit",
    en="measure {measure!r} has no responsible unit",
    fix="Name the responsible unit(s) (roles or units, never persons).",
)

JY417 = Code(
    code="JY417",
    rule="RM-4",
    severity=Severity.INFO,
    title="schedule outside the plan's year",
    en="measure {measure!r} is scheduled {start}–{end}, outside the plan year {year}",
    fix="Check the year of the schedule phrase.",
)

JY418 = Code(
    code="JY418",
    rule="RM-4",
    severity=Severity.WARNING,
    title="status snapshot dated before the plan year",
    en="measure {measure!r} has a status snapshot dated {on}, before its plan year {year}",
    fix="Check the snapshot's date.",
)

JY420 = Code(
    code="JY420",
    rule="RM-6",
    severity=Severity.ERROR,
    title="carried from an unknown measure",
    en="measure {measure!r} is carried from {source!r}, which no plan has",
    fix="Write the source as YEAR/MEASURE-ID of an earlier plan.",
)

JY421 = Code(
    code="JY421",
    rule="RM-6",
    severity=Severity.ERROR,
    title="carried from a later plan",
    en="measure {measure!r} of {year} is carried from {source!r}, which is not an earlier plan",
    fix="Carry items forward only, from an earlier year's plan.",
)

JY422 = Code(
    code="JY422",
    rule="RM-5",
    severity=Severity.WARNING,
    title="carried although achieved",
    en="measure {measure!r} is carried from {source!r}, which was achieved",
    fix="Carry over only what was not reached, or correct the source's status.",
)

JY423 = Code(
    code="JY423",
    rule="RM-5",
    severity=Severity.WARNING,
    title="not reached but not carried over",
    en="measure {source!r} was {status} but the {year} plan does not carry it over",
    fix="Carry it into the next plan (carried_from) or mark it dropped.",
)

JY424 = Code(
    code="JY424",
    rule="RM-6",
    severity=Severity.INFO,
    title="carried into another action area",
    en="measure {measure!r} ({area!r}) is carried from {source!r} of action area {source_area!r}",
    fix="Check that the carried item stays under its action area.",
)

JY425 = Code(
    code="JY425",
    rule="RM-5",
    severity=Severity.INFO,
    title="carried over several times",
    en="measure {measure!r} has been carried over {times} times, since {origin_year}",
    fix="Consider re-planning or dropping an item that keeps moving on.",
)

JY430 = Code(
    code="JY430",
    rule="RM-4",
    severity=Severity.WARNING,
    title="due milestone without a measure",
    en="action area {area!r} has a milestone for {year} but the {year} plan has no measure for it",
    fix="Add a measure under the action area in the year's plan.",
)

JY431 = Code(
    code="JY431",
    rule="RM-5",
    severity=Severity.WARNING,
    title="milestone due and not achieved",
    en="the {year} milestone of action area {area!r} was due {due} and is {status}",
    fix="Carry the open measures over or re-plan the milestone.",
)

JY432 = Code(
    code="JY432",
    rule="RM-4",
    severity=Severity.WARNING,
    title="measure overdue",
    en="measure {measure!r} was due {due} and is {status}",
    fix="Report its status, carry it over, or re-schedule it.",
)

JY433 = Code(
    code="JY433",
    rule="RM-4",
    severity=Severity.INFO,
    title="no plan for a year with due milestones",
    en="there is no implementation plan for {year}; its {count} milestone(s) cannot be assessed",
    fix="Add the year's plan with status snapshots.",
)

JY434 = Code(
    code="JY434",
    rule="RM-4",
    severity=Severity.WARNING,
    title="milestone item without a measure",
    en="the {year} milestone of action area {area!r} has the item {item!r}, which no measure"
    " of the {year} plan takes up",
    fix="Add a measure for the item (its milestone: names the item), or say in a measure"
    " that it covers the item.",
)

JY440 = Code(
    code="JY440",
    rule="RM-7",
    severity=Severity.ERROR,
    title="metric without baseline or target level",
    en="metric {metric!r} has no {missing}",
    fix="Give every metric a baseline and a target level.",
)

JY441 = Code(
    code="JY441",
    rule="RM-7",
    severity=Severity.ERROR,
    title="numeric metric without a number",
    en="numeric metric {metric!r}: {what} has no value",
    fix="Give the value, or make the metric qualitative.",
)

JY442 = Code(
    code="JY442",
    rule="RM-7",
    severity=Severity.INFO,
    title="metric not yet measured",
    en="metric {metric!r} of binding target {target!r} has no measurement by {as_of}",
    fix="Record the interim-report entry (OVK1, ...).",
)

JY443 = Code(
    code="JY443",
    rule="RM-7",
    severity=Severity.WARNING,
    title="measurement outside the target's year",
    en="metric {metric!r}: measurement dated {on} is outside the target year {year}",
    fix="Check the date of the entry.",
)

JY444 = Code(
    code="JY444",
    rule="RM-7",
    severity=Severity.WARNING,
    title="binding target not met",
    en="binding target {target!r} of {year} was not met",
    fix="Report the reasons to the executive board and council.",
)

JY445 = Code(
    code="JY445",
    rule="RM-7",
    severity=Severity.WARNING,
    title="target level equals baseline",
    en="numeric metric {metric!r} has the same baseline and target level ({value})",
    fix="Set a target level that differs from the baseline.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY401,
    JY402,
    JY403,
    JY404,
    JY405,
    JY406,
    JY407,
    JY416,
    JY417,
    JY418,
    JY420,
    JY421,
    JY422,
    JY423,
    JY424,
    JY425,
    JY430,
    JY431,
    JY432,
    JY433,
    JY434,
    JY440,
    JY441,
    JY442,
    JY443,
    JY444,
    JY445,
)


# -------------------------------------------------------------------- loading


def loads_roadmap(text: str | bytes, *, source: str | None = None) -> RoadmapDocument:
    """A :class:`~jarjestoyhteistyo.model.roadmap.RoadmapDocument` from YAML or JSON
    text (unusable input: :class:`~jarjestoyhteistyo.errors.LoadError`).

    >>> doc = loads_roadmap('''
    ... roadmap: {id: r, title: R, first_year: 2023, last_year: 2024}
    ... plans: [{year: 2023}]
    ... ''')
    >>> doc.plans[0].year
    2023
    """
    return loads(text, RoadmapDocument, source=source)


def load_roadmap(path: str | os.PathLike[str]) -> RoadmapDocument:
    """A :class:`~jarjestoyhteistyo.model.roadmap.RoadmapDocument` from a YAML or JSON
    file; a missing or unusable file is a :class:`~jarjestoyhteistyo.errors.LoadError`.

    >>> load_roadmap("/nonexistent/roadmap.yaml")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /nonexistent/roadmap.yaml: 1 problem
      $: cannot read the file: No such file or directory
    """
    return load(Path(path), RoadmapDocument)


# ------------------------------------------------------------------- the index


@attrs.frozen(kw_only=True)
class RoadmapIndex:
    """Lookups over a roadmap and its plans, shared by the checks and the evaluation.

    Of two plans of one year only the first counts; of two measures with one id in a
    plan, likewise.

    >>> doc = loads_roadmap('''
    ... roadmap: {id: r, title: R, first_year: 2023, last_year: 2024}
    ... plans:
    ...   - {year: 2023, measures: [{id: m, action_area: a, title: M}]}
    ...   - {year: 2024, measures: [{id: m, action_area: a, title: M, carried_from: [2023/m]}]}
    ... ''')
    >>> RoadmapIndex.of(doc.roadmap, doc.plans).successors
    {'2023/m': ('2024/m',)}
    """

    areas: Mapping[str, tuple[int, int]]  # area id -> (goal index, area index)
    items: Mapping[str, Mapping[str, int]]  # area id -> item id -> year
    plans: Mapping[int, tuple[int, Plan]]  # year -> (position, plan); first of duplicates
    measures: Mapping[str, tuple[int, int, Measure]]  # ref -> (plan pos, measure pos, m)
    successors: Mapping[str, tuple[str, ...]]  # ref -> refs carrying it on

    @classmethod
    def of(cls, roadmap: Roadmap, plans: Sequence[Plan]) -> RoadmapIndex:
        """The index of ``roadmap`` and ``plans`` (in the order given)."""
        areas: dict[str, tuple[int, int]] = {}
        items: dict[str, dict[str, int]] = {}
        for gi, g in enumerate(roadmap.goals):
            for ai, a in enumerate(g.action_areas):
                areas.setdefault(a.id, (gi, ai))
                bucket = items.setdefault(a.id, {})
                for ms in a.milestones:
                    for it in ms.items:
                        bucket.setdefault(it.id, ms.year)
        by_year: dict[int, tuple[int, Plan]] = {}
        measures: dict[str, tuple[int, int, Measure]] = {}
        successors: dict[str, list[str]] = defaultdict(list)
        for pi, plan in enumerate(plans):
            if plan.year in by_year:
                continue
            by_year[plan.year] = (pi, plan)
            for mi, m in enumerate(plan.measures):
                ref = measure_ref(plan.year, m.id)
                measures.setdefault(ref, (pi, mi, m))
                for src in m.carried_from:
                    successors[src].append(ref)
        return cls(
            areas=areas,
            items=items,
            plans=by_year,
            measures=measures,
            successors={k: tuple(v) for k, v in successors.items()},
        )

    def plan_of(self, entry: tuple[int, int, Measure]) -> Plan:
        """The plan of an entry of :attr:`measures`."""
        for pos, plan in self.plans.values():
            if pos == entry[0]:
                return plan
        raise NotFoundError(entry[0])  # pragma: no cover - entries come from self.plans


# --------------------------------------------------------------------- checking


def _duplicates(ids: Iterable[tuple[str, str]], what: str) -> list[Finding]:
    """``JY401`` at the ``id`` of each entry whose id an earlier entry has, compared in
    normal form (``M1`` is ``m1``), naming the first entry in ``first``."""
    return [
        finding(JY401, f"{path}.id", what=term(what), id=id_, first=first)
        for path, id_, first in repeats(ids, key=normal_id)
    ]


def _check_roadmap(roadmap: Roadmap) -> list[Finding]:
    out: list[Finding] = []
    out += _duplicates(((f"roadmap.goals[{i}]", g.id) for i, g in enumerate(roadmap.goals)), "goal")
    area_ids: list[tuple[str, str]] = []
    for gi, g in enumerate(roadmap.goals):
        for ai, a in enumerate(g.action_areas):
            path = f"roadmap.goals[{gi}].action_areas[{ai}]"
            area_ids.append((path, a.id))
            years: set[int] = set()
            item_ids: list[tuple[str, str]] = []
            for mi, ms in enumerate(a.milestones):
                mpath = f"{path}.milestones[{mi}]"
                if not roadmap.first_year <= ms.year <= roadmap.last_year:
                    out.append(
                        finding(
                            JY403,
                            f"{mpath}.year",
                            year=ms.year,
                            first=roadmap.first_year,
                            last=roadmap.last_year,
                        )
                    )
                if ms.year in years:
                    out.append(finding(JY404, mpath, area=a.id, year=ms.year))
                years.add(ms.year)
                item_ids += [(f"{mpath}.items[{ii}]", it.id) for ii, it in enumerate(ms.items)]
            out += _duplicates(item_ids, "milestone item")
    out += _duplicates(area_ids, "action area")
    return out


def _check_measure(
    idx: RoadmapIndex, plan: Plan, path: str, m: Measure, seasons: Seasons
) -> list[Finding]:
    out: list[Finding] = []
    ref = measure_ref(plan.year, m.id)
    if m.action_area not in idx.areas:
        out.append(finding(JY402, f"{path}.action_area", measure=ref, area=m.action_area))
    elif m.milestone is not None:
        item_year = idx.items.get(m.action_area, {}).get(m.milestone)
        if item_year is None or item_year > plan.year:
            out.append(
                finding(
                    JY407,
                    f"{path}.milestone",
                    measure=ref,
                    item=m.milestone,
                    area=m.action_area,
                    year=plan.year,
                )
            )
    if not any(r.strip() for r in m.responsible):
        out.append(finding(JY416, f"{path}.responsible", measure=ref))
    out += _check_schedule(plan, path, m, ref, seasons)
    for si, snap in enumerate(m.snapshots):
        if snap.as_of.year < plan.year:
            out.append(
                finding(
                    JY418,
                    f"{path}.snapshots[{si}].as_of",
                    measure=ref,
                    on=snap.as_of.isoformat(),
                    year=plan.year,
                )
            )
    out += _check_carried(idx, plan, path, m, ref)
    return out


def _check_schedule(plan: Plan, path: str, m: Measure, ref: str, seasons: Seasons) -> list[Finding]:
    """The phrases' own findings (``JY410`` …) and ``JY417`` for a span outside the year."""
    out: list[Finding] = []
    for si, phrase in enumerate(m.schedule):
        parsed = parse_schedule(
            phrase, year=plan.year, seasons=seasons, path=f"{path}.schedule[{si}]"
        )
        out += parsed.findings
        span = parsed.schedule.span if parsed.schedule else None
        if span is not None and span.year_span != (plan.year, plan.year):
            out.append(
                finding(
                    JY417,
                    f"{path}.schedule[{si}]",
                    measure=ref,
                    start=span.start.isoformat(),
                    end=span.end.isoformat(),
                    year=plan.year,
                )
            )
    return out


def _check_carried(idx: RoadmapIndex, plan: Plan, path: str, m: Measure, ref: str) -> list[Finding]:
    """The measure's ``carried_from`` links (`RM-5`, `RM-6`)."""
    out: list[Finding] = []
    for ci, src in enumerate(m.carried_from):
        cpath = f"{path}.carried_from[{ci}]"
        source = idx.measures.get(src)
        if source is None:
            out.append(finding(JY420, cpath, measure=ref, source=src))
            continue
        if idx.plan_of(source).year >= plan.year:
            out.append(finding(JY421, cpath, measure=ref, year=plan.year, source=src))
            continue
        if source[2].final_status is Status.ACHIEVED:
            out.append(finding(JY422, cpath, measure=ref, source=src))
        if source[2].action_area != m.action_area:
            out.append(
                finding(
                    JY424,
                    cpath,
                    measure=ref,
                    area=m.action_area,
                    source=src,
                    source_area=source[2].action_area,
                )
            )
    return out


def _check_targets(plan: Plan, path: str) -> list[Finding]:
    out: list[Finding] = []
    for ti, t in enumerate(plan.binding_targets):
        tpath = f"{path}.binding_targets[{ti}]"
        out += _duplicates(
            ((f"{tpath}.metrics[{i}]", mt.id) for i, mt in enumerate(t.metrics)), "metric"
        )
        for mi, mt in enumerate(t.metrics):
            mpath = f"{tpath}.metrics[{mi}]"
            for name, level in (("baseline", mt.baseline), ("target", mt.target)):
                if level.empty:
                    out.append(finding(JY440, f"{mpath}.{name}", metric=mt.id, missing=name))
                elif mt.kind is MetricKind.NUMERIC and level.value is None:
                    out.append(finding(JY441, f"{mpath}.{name}", metric=mt.id, what=name))
            if (
                mt.kind is MetricKind.NUMERIC
                and mt.baseline.value is not None
                and mt.baseline.value == mt.target.value
            ):
                out.append(finding(JY445, mpath, metric=mt.id, value=mt.baseline.value))
            for ei, e in enumerate(mt.measurements):
                epath = f"{mpath}.measurements[{ei}]"
                if mt.kind is MetricKind.NUMERIC and e.value is None:
                    out.append(
                        finding(JY441, f"{epath}.value", metric=mt.id, what=e.on.isoformat())
                    )
                if e.on.year not in (t.year, t.year + 1):
                    out.append(
                        finding(
                            JY443, f"{epath}.on", metric=mt.id, on=e.on.isoformat(), year=t.year
                        )
                    )
    return out


def _check_carry_over(idx: RoadmapIndex) -> list[Finding]:
    """`RM-5`: what was not reached moves to the next year's plan (when that plan exists)."""
    out: list[Finding] = []
    for year, (pi, plan) in idx.plans.items():
        if year + 1 not in idx.plans:
            continue
        for mi, m in enumerate(plan.measures):
            status = m.final_status
            ref = measure_ref(year, m.id)
            if status is not None and status.is_open and ref not in idx.successors:
                out.append(
                    finding(
                        JY423,
                        f"plans[{pi}].measures[{mi}]",
                        source=ref,
                        # its words in the finding's language, as JY432's status
                        status=Term(
                            status.label,
                            fi=term(status).text_in("fi"),
                            sv=term(status).text_in("sv"),
                        ),
                        year=year + 1,
                    )
                )
    return out


def check_document(
    roadmap: Roadmap, plans: Sequence[Plan] = (), *, seasons: Seasons = DEFAULT_SEASONS
) -> tuple[Finding, ...]:
    """The findings of the roadmap and its plans on their own, independent of any date.

    Covers ids (`RM-2`), milestone years (`RM-3`), plans, measures, schedules and
    responsible units (`RM-4`), carry-over links (`RM-5`, `RM-6`) and metrics (`RM-7`).

    >>> doc = loads_roadmap('''
    ... roadmap: {id: r, title: R, first_year: 2023, last_year: 2024}
    ... plans: [{year: 2023}, {year: 2026}, {year: 2023}]
    ... ''')
    >>> [(f.code, f.path) for f in check_document(doc.roadmap, doc.plans)]
    [('JY405', 'plans[1].year'), ('JY406', 'plans[2]')]
    """
    out = _check_roadmap(roadmap)
    idx = RoadmapIndex.of(roadmap, plans)
    seen_years: set[int] = set()
    for pi, plan in enumerate(plans):
        path = f"plans[{pi}]"
        if not roadmap.first_year <= plan.year <= roadmap.last_year:
            out.append(
                finding(
                    JY405,
                    f"{path}.year",
                    year=plan.year,
                    first=roadmap.first_year,
                    last=roadmap.last_year,
                )
            )
        if plan.year in seen_years:
            out.append(finding(JY406, path, year=plan.year))
            continue
        seen_years.add(plan.year)
        out += _duplicates(
            ((f"{path}.measures[{i}]", m.id) for i, m in enumerate(plan.measures)), "measure"
        )
        for mi, m in enumerate(plan.measures):
            out += _check_measure(idx, plan, f"{path}.measures[{mi}]", m, seasons)
        out += _check_targets(plan, path)
    out += _check_carry_over(idx)
    return tuple(out)


def roadmap_check(
    path_or_obj: str | os.PathLike[str] | RoadmapDocument,
    *,
    seasons: Seasons = DEFAULT_SEASONS,
) -> Report:
    """Check a roadmap file (or a loaded :class:`~jarjestoyhteistyo.model.roadmap.RoadmapDocument`)
    and report findings.

    A file that cannot be read or structured raises
    :class:`~jarjestoyhteistyo.errors.LoadError`; rule violations are findings.

    >>> doc = loads_roadmap('''
    ... roadmap: {id: r, title: R, first_year: 2023, last_year: 2024}
    ... plans: [{year: 2023, measures: [{id: m, action_area: a, title: M}]}]
    ... ''')
    >>> report = roadmap_check(doc)
    >>> report.ok, report.subject, sorted(report.codes)
    (False, 'r', ['JY402', 'JY416'])
    """
    doc = path_or_obj if isinstance(path_or_obj, RoadmapDocument) else load_roadmap(path_or_obj)
    return Report(
        subject=doc.roadmap.id,
        findings=check_document(doc.roadmap, doc.plans, seasons=seasons),
    )
