"""Roadmaps, yearly implementation plans, carry-over and evaluation (`RM-1` … `RM-7`).

A :class:`Roadmap` has a vision, goals and action areas, and for each action area a
:class:`Milestone` (target state) per year; cells may be empty (`RM-1` … `RM-3`).
Each year has a :class:`Plan` of :class:`Measure` objects under the action areas,
each with the actions needed, responsible units and partners, a schedule in words
(:mod:`jarjestoyhteistyo.calc.schedule`) and dated status :class:`Snapshot` objects
(`RM-4`). What was not reached moves to the next year's plan: the new measure names
its source in ``carried_from`` and is marked ``*`` (`RM-5`, `RM-6`). A plan may hold
:class:`BindingTarget` objects with metrics, baselines, target levels and dated
interim-report entries (`RM-7`).

:func:`roadmap_check` reports what is wrong in the documents themselves;
:func:`evaluate` says, as of a date, which milestones were due and how far they got,
what is overdue, what was carried over and how often, which measures have no
responsible unit, which action areas have no measure in a year whose milestone is
due, and the state of each binding target. It also drafts the next year's plan
(:func:`draft_next_plan`). The result renders as text, Markdown, JSON and a
:class:`Table`.

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

import enum
import importlib
import importlib.resources
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.calc.schedule import DEFAULT_SEASONS, Schedule, Seasons, parse_schedule
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import MissingDependencyError, NotFoundError, RenderError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.io.serialize import json_data, load, loads

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

JY401 = Code(
    code="JY401",
    rule="RM-2",
    severity=Severity.ERROR,
    title="duplicate id",
    en="{what} id {id!r} is used more than once",
    fi="{what}-tunnus {id!r} on käytössä useammin kuin kerran",
    fix="Give every goal, action area, milestone item and measure its own id.",
)

JY402 = Code(
    code="JY402",
    rule="RM-6",
    severity=Severity.ERROR,
    title="measure under an unknown action area",
    en="measure {measure!r} is under action area {area!r}, which the roadmap does not have",
    fi="toimenpide {measure!r} on toimenpidekokonaisuudessa {area!r}, jota tiekartassa ei ole",
    fix="Use an action area of the roadmap: a yearly plan sets no new goals (RM-6).",
)

JY403 = Code(
    code="JY403",
    rule="RM-3",
    severity=Severity.ERROR,
    title="milestone outside the roadmap's years",
    en="milestone year {year} is outside the roadmap's years {first}–{last}",
    fi="välitavoitteen vuosi {year} on tiekartan vuosien {first}–{last} ulkopuolella",
    fix="Move the milestone into the roadmap's years or extend the roadmap.",
)

JY404 = Code(
    code="JY404",
    rule="RM-3",
    severity=Severity.ERROR,
    title="two milestones for one year",
    en="action area {area!r} has more than one milestone for {year}",
    fi="toimenpidekokonaisuudella {area!r} on useampi välitavoite vuodelle {year}",
    fix="Put all of the year's target states into one milestone's items.",
)

JY405 = Code(
    code="JY405",
    rule="RM-4",
    severity=Severity.ERROR,
    title="plan outside the roadmap's years",
    en="plan year {year} is outside the roadmap's years {first}–{last}",
    fi="toimeenpanosuunnitelman vuosi {year} on tiekartan vuosien {first}–{last} ulkopuolella",
    fix="Plan only the roadmap's years.",
)

JY406 = Code(
    code="JY406",
    rule="RM-4",
    severity=Severity.ERROR,
    title="two plans for one year",
    en="there is more than one implementation plan for {year}",
    fi="vuodelle {year} on useampi toimeenpanosuunnitelma",
    fix="Merge the plans of the same year.",
)

JY407 = Code(
    code="JY407",
    rule="RM-4",
    severity=Severity.ERROR,
    title="unknown milestone item",
    en="measure {measure!r} names milestone item {item!r}, which action area {area!r} "
    "does not have (up to {year})",
    fi="toimenpide {measure!r} viittaa välitavoitteeseen {item!r}, jota "
    "toimenpidekokonaisuudella {area!r} ei ole (vuoteen {year} mennessä)",
    fix="Name an item of this action area's milestones of this year or earlier.",
)

JY416 = Code(
    code="JY416",
    rule="RM-4",
    severity=Severity.WARNING,
    title="measure without a responsible unit",
    en="measure {measure!r} has no responsible unit",
    fi="toimenpiteellä {measure!r} ei ole vastuutahoa",
    fix="Name the responsible unit(s) (roles or units, never persons).",
)

JY417 = Code(
    code="JY417",
    rule="RM-4",
    severity=Severity.INFO,
    title="schedule outside the plan's year",
    en="measure {measure!r} is scheduled {start}–{end}, outside the plan year {year}",
    fi="toimenpiteen {measure!r} aikataulu {start}–{end} on suunnitelmavuoden {year} ulkopuolella",
    fix="Check the year of the schedule phrase.",
)

JY418 = Code(
    code="JY418",
    rule="RM-4",
    severity=Severity.WARNING,
    title="status snapshot dated before the plan year",
    en="measure {measure!r} has a status snapshot dated {on}, before its plan year {year}",
    fi="toimenpiteen {measure!r} tilannekuva on päivätty {on}, ennen suunnitelmavuotta {year}",
    fix="Check the snapshot's date.",
)

JY420 = Code(
    code="JY420",
    rule="RM-6",
    severity=Severity.ERROR,
    title="carried from an unknown measure",
    en="measure {measure!r} is carried from {source!r}, which no plan has",
    fi="toimenpide {measure!r} on siirretty kohteesta {source!r}, jota ei ole missään "
    "suunnitelmassa",
    fix="Write the source as YEAR/MEASURE-ID of an earlier plan.",
)

JY421 = Code(
    code="JY421",
    rule="RM-6",
    severity=Severity.ERROR,
    title="carried from a later plan",
    en="measure {measure!r} of {year} is carried from {source!r}, which is not an earlier plan",
    fi="vuoden {year} toimenpide {measure!r} on siirretty kohteesta {source!r}, joka ei ole "
    "aiemman vuoden suunnitelmassa",
    fix="Carry items forward only, from an earlier year's plan.",
)

JY422 = Code(
    code="JY422",
    rule="RM-5",
    severity=Severity.WARNING,
    title="carried although achieved",
    en="measure {measure!r} is carried from {source!r}, which was achieved",
    fi="toimenpide {measure!r} on siirretty kohteesta {source!r}, joka toteutui",
    fix="Carry over only what was not reached, or correct the source's status.",
)

JY423 = Code(
    code="JY423",
    rule="RM-5",
    severity=Severity.WARNING,
    title="not reached but not carried over",
    en="measure {source!r} was {status} but the {year} plan does not carry it over",
    fi="toimenpide {source!r} jäi tilaan {status}, mutta vuoden {year} suunnitelma ei siirrä sitä",
    fix="Carry it into the next plan (carried_from) or mark it dropped.",
)

JY424 = Code(
    code="JY424",
    rule="RM-6",
    severity=Severity.INFO,
    title="carried into another action area",
    en="measure {measure!r} ({area!r}) is carried from {source!r} of action area {source_area!r}",
    fi="toimenpide {measure!r} ({area!r}) on siirretty toimenpidekokonaisuuden "
    "{source_area!r} kohteesta {source!r}",
    fix="Check that the carried item stays under its action area.",
)

JY425 = Code(
    code="JY425",
    rule="RM-5",
    severity=Severity.INFO,
    title="carried over several times",
    en="measure {measure!r} has been carried over {times} times, since {origin_year}",
    fi="toimenpide {measure!r} on siirretty {times} kertaa, vuodesta {origin_year} lähtien",
    fix="Consider re-planning or dropping an item that keeps moving on.",
)

JY430 = Code(
    code="JY430",
    rule="RM-4",
    severity=Severity.WARNING,
    title="due milestone without a measure",
    en="action area {area!r} has a milestone for {year} but the {year} plan has no measure for it",
    fi="toimenpidekokonaisuudella {area!r} on välitavoite vuodelle {year}, mutta vuoden "
    "{year} suunnitelmassa ei ole sille toimenpidettä",
    fix="Add a measure under the action area in the year's plan.",
)

JY431 = Code(
    code="JY431",
    rule="RM-5",
    severity=Severity.WARNING,
    title="milestone due and not achieved",
    en="the {year} milestone of action area {area!r} was due {due} and is {status}",
    fi="toimenpidekokonaisuuden {area!r} vuoden {year} välitavoite erääntyi {due} ja on "
    "tilassa {status}",
    fix="Carry the open measures over or re-plan the milestone.",
)

JY432 = Code(
    code="JY432",
    rule="RM-4",
    severity=Severity.WARNING,
    title="measure overdue",
    en="measure {measure!r} was due {due} and is {status}",
    fi="toimenpide {measure!r} erääntyi {due} ja on tilassa {status}",
    fix="Report its status, carry it over, or re-schedule it.",
)

JY433 = Code(
    code="JY433",
    rule="RM-4",
    severity=Severity.INFO,
    title="no plan for a year with due milestones",
    en="there is no implementation plan for {year}; its {count} milestone(s) cannot be assessed",
    fi="vuodelle {year} ei ole toimeenpanosuunnitelmaa; sen {count} välitavoitetta ei voi arvioida",
    fix="Add the year's plan with status snapshots.",
)

JY440 = Code(
    code="JY440",
    rule="RM-7",
    severity=Severity.ERROR,
    title="metric without baseline or target level",
    en="metric {metric!r} has no {missing}",
    fi="mittarilta {metric!r} puuttuu {missing}",
    fix="Give every metric a baseline and a target level.",
)

JY441 = Code(
    code="JY441",
    rule="RM-7",
    severity=Severity.ERROR,
    title="numeric metric without a number",
    en="numeric metric {metric!r}: {what} has no value",
    fi="numeerinen mittari {metric!r}: kohdalla {what} ei ole lukuarvoa",
    fix="Give the value, or make the metric qualitative.",
)

JY442 = Code(
    code="JY442",
    rule="RM-7",
    severity=Severity.INFO,
    title="metric not yet measured",
    en="metric {metric!r} of binding target {target!r} has no measurement by {as_of}",
    fi="sitovan tavoitteen {target!r} mittarilla {metric!r} ei ole mittausta {as_of} mennessä",
    fix="Record the interim-report entry (OVK1, ...).",
)

JY443 = Code(
    code="JY443",
    rule="RM-7",
    severity=Severity.WARNING,
    title="measurement outside the target's year",
    en="metric {metric!r}: measurement dated {on} is outside the target year {year}",
    fi="mittari {metric!r}: mittaus {on} on tavoitevuoden {year} ulkopuolella",
    fix="Check the date of the entry.",
)

JY444 = Code(
    code="JY444",
    rule="RM-7",
    severity=Severity.WARNING,
    title="binding target not met",
    en="binding target {target!r} of {year} was not met",
    fi="vuoden {year} sitova tavoite {target!r} ei toteutunut",
    fix="Report the reasons to the executive board and council.",
)

JY445 = Code(
    code="JY445",
    rule="RM-7",
    severity=Severity.WARNING,
    title="target level equals baseline",
    en="numeric metric {metric!r} has the same baseline and target level ({value})",
    fi="numeerisen mittarin {metric!r} lähtötaso ja tavoitetaso ovat samat ({value})",
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
    JY440,
    JY441,
    JY442,
    JY443,
    JY444,
    JY445,
)


# ------------------------------------------------------------------------- statuses


class Status(enum.Enum):
    """The status of a measure in a status snapshot (`RM-4`, `RM-5`)."""

    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    IN_PROGRESS = "in_progress"
    NOT_ACHIEVED = "not_achieved"
    NOT_STARTED = "not_started"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """True unless achieved or dropped: an open measure moves to next year (`RM-5`).

        >>> Status.PARTLY_ACHIEVED.is_open, Status.DROPPED.is_open
        (True, False)
        """
        return self not in (Status.ACHIEVED, Status.DROPPED)

    @property
    def credit(self) -> float:
        """The share of completion it counts for: 1, ½ for partly achieved, else 0."""
        return {Status.ACHIEVED: 1.0, Status.PARTLY_ACHIEVED: 0.5}.get(self, 0.0)

    @property
    def label(self) -> str:
        """The value with spaces (``partly achieved``)."""
        return self.value.replace("_", " ")


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


# --------------------------------------------------------------------------- models


@attrs.frozen(kw_only=True)
class MilestoneItem:
    """One target state in a milestone cell (`RM-3`)."""

    id: str
    text: str


@attrs.frozen(kw_only=True)
class Milestone:
    """An action area's target state for one year (`RM-3`); ``items`` may be empty."""

    year: int
    items: tuple[MilestoneItem, ...] = ()


@attrs.frozen(kw_only=True)
class ActionArea:
    """An action area (toimenpidekokonaisuus) under a goal (`RM-2`)."""

    id: str
    title: str
    milestones: tuple[Milestone, ...] = ()

    def milestone(self, year: int) -> Milestone | None:
        """The milestone of ``year`` (``None`` for an empty cell)."""
        return next((m for m in self.milestones if m.year == year and m.items), None)


@attrs.frozen(kw_only=True)
class Goal:
    """A goal of the roadmap (`RM-1`)."""

    id: str
    title: str
    action_areas: tuple[ActionArea, ...] = ()


@attrs.frozen(kw_only=True)
class Roadmap:
    """Vision, goals and action areas with yearly milestones (`RM-1` … `RM-3`)."""

    id: str
    title: str
    area: str = ""
    first_year: int
    last_year: int
    vision: str = ""
    approved: date | None = None
    approved_by: str = ""
    notes: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()

    @property
    def action_areas(self) -> tuple[tuple[Goal, ActionArea], ...]:
        """Every action area with its goal, in order."""
        return tuple((g, a) for g in self.goals for a in g.action_areas)


@attrs.frozen(kw_only=True)
class Snapshot:
    """A dated status of a measure with short notes (`RM-4`, `RM-5`)."""

    as_of: date
    status: Status
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Measure:
    """A measure (toimenpide) of a yearly plan (`RM-4`).

    ``responsible`` and ``partners`` are units or roles, never persons.
    ``schedule`` holds phrases in words (:func:`~jarjestoyhteistyo.calc.schedule.parse_schedule`).
    ``carried_from`` names the measure(s) it continues as ``YEAR/ID`` (`RM-5`, `RM-6`);
    such a measure is marked ``*``.
    """

    id: str
    action_area: str
    title: str
    milestone: str | None = None
    actions: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    schedule: tuple[str, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()
    carried_from: tuple[str, ...] = ()

    @property
    def is_carried(self) -> bool:
        """True for an item carried over from an earlier year (marked ``*``, `RM-6`)."""
        return bool(self.carried_from)

    def status_at(self, day: date) -> Status | None:
        """The status of the latest snapshot dated on or before ``day``; ``None`` if none.

        >>> m = Measure(id="m", action_area="a", title="t", snapshots=(
        ...     Snapshot(as_of=date(2024, 5, 27), status=Status.ACHIEVED),))
        >>> m.status_at(date(2024, 5, 26)) is None, m.status_at(date(2024, 5, 27)).value
        (True, 'achieved')
        """
        best: Snapshot | None = None
        for s in self.snapshots:
            if s.as_of <= day and (best is None or s.as_of >= best.as_of):
                best = s
        return None if best is None else best.status


@attrs.frozen(kw_only=True)
class GoalAssessment:
    """The year's narrative for one goal (`RM-5`)."""

    goal: str
    summary: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class YearAssessment:
    """The evaluation of a plan year: an overall verdict and narratives (`RM-5`)."""

    as_of: date
    verdict: str
    goals: tuple[GoalAssessment, ...] = ()


class MetricKind(enum.Enum):
    """A metric is qualitative (text levels) or numeric (`RM-7`)."""

    QUALITATIVE = "qualitative"
    NUMERIC = "numeric"


@attrs.frozen(kw_only=True)
class Level:
    """A baseline or target level: a description and, for numeric metrics, a value."""

    text: str = ""
    value: float | None = None

    @property
    def empty(self) -> bool:
        """True when neither text nor value is given."""
        return not self.text.strip() and self.value is None

    def describe(self) -> str:
        """``value (text)``, or whichever is given."""
        if self.value is None:
            return self.text
        return f"{self.value:g}" + (f" ({self.text})" if self.text else "")


@attrs.frozen(kw_only=True)
class Measurement:
    """A dated measurement or interim-report entry (``report``: ``OVK1``, ...) (`RM-7`).

    A numeric metric's entry has a ``value``; a qualitative one may assess a ``status``.
    """

    on: date
    report: str = ""
    value: float | None = None
    status: Status | None = None
    notes: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Metric:
    """A metric of a binding target with a baseline and a target level (`RM-7`)."""

    id: str
    title: str
    kind: MetricKind = MetricKind.QUALITATIVE
    unit: str = ""
    higher_is_better: bool = True
    baseline: Level = Level()
    target: Level = Level()
    measurements: tuple[Measurement, ...] = ()


@attrs.frozen(kw_only=True)
class BindingTarget:
    """A binding target of the budget year, reported in interim reports (`RM-7`)."""

    id: str
    title: str
    year: int
    reported_to: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = ()


@attrs.frozen(kw_only=True)
class Plan:
    """The implementation plan of one year (`RM-4` … `RM-7`)."""

    year: int
    title: str = ""
    approved: date | None = None
    approved_by: str = ""
    notes: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = ()
    assessment: YearAssessment | None = None
    binding_targets: tuple[BindingTarget, ...] = ()


@attrs.frozen(kw_only=True)
class RoadmapDocument:
    """One file: a roadmap and its yearly plans (what ``roadmap check FILE`` reads)."""

    roadmap: Roadmap
    plans: tuple[Plan, ...] = ()


def measure_ref(year: int, measure_id: str) -> str:
    """The reference ``YEAR/ID`` used in ``carried_from``.

    >>> measure_ref(2023, "evaluation-model")
    '2023/evaluation-model'
    """
    return f"{year}/{measure_id}"


# -------------------------------------------------------------------- loading


def loads_roadmap(text: str | bytes, *, source: str | None = None) -> RoadmapDocument:
    """A :class:`RoadmapDocument` from YAML or JSON text (unusable input: ``LoadError``).

    >>> doc = loads_roadmap('''
    ... roadmap: {id: r, title: R, first_year: 2023, last_year: 2024}
    ... plans: [{year: 2023}]
    ... ''')
    >>> doc.plans[0].year
    2023
    """
    return loads(text, RoadmapDocument, source=source)


def load_roadmap(path: str | os.PathLike[str]) -> RoadmapDocument:
    """A :class:`RoadmapDocument` from a YAML or JSON file.

    >>> load_roadmap(_example_path("vantaa-kerava")).roadmap.first_year
    2022
    """
    return load(Path(path), RoadmapDocument)


def example_names() -> tuple[str, ...]:
    """The names of the shipped example roadmaps.

    >>> example_names()
    ('vantaa-kerava',)
    """
    folder = importlib.resources.files("jarjestoyhteistyo") / "presets" / "roadmaps"
    return tuple(
        sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))
    )


def _example_path(name: str) -> str:
    return str(
        importlib.resources.files("jarjestoyhteistyo") / "presets" / "roadmaps" / f"{name}.yaml"
    )


def load_example(name: str = "vantaa-kerava") -> RoadmapDocument:
    """A shipped example: the Vantaa–Kerava roadmap 2022–2025 with the 2023 and 2024 plans.

    >>> load_example().roadmap.id
    'vantaa-kerava-2022-2025'
    """
    resource = importlib.resources.files("jarjestoyhteistyo") / "presets" / "roadmaps"
    return loads_roadmap((resource / f"{name}.yaml").read_bytes(), source=f"{name}.yaml")


# --------------------------------------------------------------------- checking


@attrs.frozen(kw_only=True)
class _Index:
    """Lookups shared by the checks and the evaluation (built once per call)."""

    areas: Mapping[str, tuple[int, int]]  # area id -> (goal index, area index)
    items: Mapping[str, Mapping[str, int]]  # area id -> item id -> year
    plans: Mapping[int, tuple[int, Plan]]  # year -> (position, plan); first of duplicates
    measures: Mapping[str, tuple[int, int, Measure]]  # ref -> (plan pos, measure pos, m)
    successors: Mapping[str, tuple[str, ...]]  # ref -> refs carrying it on


def _index(roadmap: Roadmap, plans: Sequence[Plan]) -> _Index:
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
    return _Index(
        areas=areas,
        items=items,
        plans=by_year,
        measures=measures,
        successors={k: tuple(v) for k, v in successors.items()},
    )


def _duplicates(ids: Iterable[tuple[str, str]], what: str) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    for path, id_ in ids:
        if id_ in seen:
            out.append(finding(JY401, path, what=what, id=id_))
        seen.add(id_)
    return out


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
    roadmap: Roadmap,
    idx: _Index,
    plan: Plan,
    path: str,
    m: Measure,
    seasons: Seasons,
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
    for ci, src in enumerate(m.carried_from):
        cpath = f"{path}.carried_from[{ci}]"
        source = idx.measures.get(src)
        if source is None:
            out.append(finding(JY420, cpath, measure=ref, source=src))
            continue
        src_plan = _plan_of(idx, source)
        if src_plan.year >= plan.year:
            out.append(finding(JY421, cpath, measure=ref, year=plan.year, source=src))
            continue
        last = _final_status(source[2])
        if last is Status.ACHIEVED:
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


def _plan_of(idx: _Index, entry: tuple[int, int, Measure]) -> Plan:
    for _pos, plan in idx.plans.values():
        if _pos == entry[0]:
            return plan
    raise NotFoundError(entry[0])  # pragma: no cover - entries come from idx.plans


def _final_status(m: Measure) -> Status | None:
    """The status of the latest snapshot, whatever its date."""
    if not m.snapshots:
        return None
    return max(m.snapshots, key=lambda s: s.as_of).status


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


def check_document(
    roadmap: Roadmap, plans: Sequence[Plan] = (), *, seasons: Seasons = DEFAULT_SEASONS
) -> tuple[Finding, ...]:
    """The findings of the roadmap and its plans on their own, independent of any date.

    Covers ids (`RM-2`), milestone years (`RM-3`), plans, measures, schedules and
    responsible units (`RM-4`), carry-over links (`RM-5`, `RM-6`) and metrics (`RM-7`).

    >>> doc = load_example()
    >>> sorted({f.code for f in check_document(doc.roadmap, doc.plans)})  # new 2024 items
    ['JY416']
    """
    out = _check_roadmap(roadmap)
    idx = _index(roadmap, plans)
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
            out += _check_measure(roadmap, idx, plan, f"{path}.measures[{mi}]", m, seasons)
        out += _check_targets(plan, path)
    # RM-5: what was not reached moves to the next year's plan (when that plan exists)
    for year, (pi, plan) in idx.plans.items():
        if year + 1 not in idx.plans:
            continue
        for mi, m in enumerate(plan.measures):
            status = _final_status(m)
            ref = measure_ref(year, m.id)
            if status is not None and status.is_open and ref not in idx.successors:
                out.append(
                    finding(
                        JY423,
                        f"plans[{pi}].measures[{mi}]",
                        source=ref,
                        status=status.label,
                        year=year + 1,
                    )
                )
    return tuple(out)


def roadmap_check(
    path_or_obj: str | os.PathLike[str] | RoadmapDocument,
    *,
    seasons: Seasons = DEFAULT_SEASONS,
) -> Report:
    """Check a roadmap file (or a loaded :class:`RoadmapDocument`) and report findings.

    A file that cannot be read or structured raises
    :class:`~jarjestoyhteistyo.errors.LoadError`; rule violations are findings.

    >>> report = roadmap_check(load_example())
    >>> report.ok, report.subject
    (True, 'vantaa-kerava-2022-2025')
    """
    doc = path_or_obj if isinstance(path_or_obj, RoadmapDocument) else load_roadmap(path_or_obj)
    return Report(
        subject=doc.roadmap.id,
        findings=check_document(doc.roadmap, doc.plans, seasons=seasons),
    )


# ------------------------------------------------------------------- evaluation


class TargetState(enum.Enum):
    """The state of a binding target or one of its metrics (`RM-7`)."""

    MET = "met"
    IN_PROGRESS = "in_progress"
    NOT_MET = "not_met"
    NO_DATA = "no_data"


@attrs.frozen(kw_only=True)
class MeasureResult:
    """A measure as of the evaluation date."""

    ref: str
    year: int
    title: str
    action_area: str
    status: Status | None
    due: date
    overdue: bool
    carried: bool
    carried_to: tuple[str, ...]
    responsible: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the converter's form (every field, dates as ISO strings)."""
        data: dict[str, Any] = json_data(self)
        return data


@attrs.frozen(kw_only=True)
class MilestoneResult:
    """A milestone that was due by the evaluation date and its status."""

    year: int
    due: date
    items: tuple[str, ...]
    status: Status | None
    measures: tuple[str, ...]
    planned: bool = True

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, a report view on purpose: ``planned`` second and always
        written (the converter would leave the default out)."""
        return {
            "year": self.year,
            "planned": self.planned,
            "due": self.due.isoformat(),
            "items": list(self.items),
            "status": None if self.status is None else self.status.value,
            "measures": list(self.measures),
        }


def _share(statuses: Iterable[Status | None]) -> float | None:
    known = [s for s in statuses if s is not None and s is not Status.DROPPED]
    return sum(s.credit for s in known) / len(known) if known else None


@attrs.frozen(kw_only=True)
class AreaResult:
    """An action area: due milestones, completion, overdue and unassigned measures."""

    id: str
    title: str
    milestones: tuple[MilestoneResult, ...]
    measures: tuple[MeasureResult, ...]
    missing_years: tuple[int, ...]

    @property
    def completion(self) -> float | None:
        """Completion share of the due milestones with a status (`RM-5`)."""
        return _share(m.status for m in self.milestones)

    @property
    def overdue(self) -> tuple[str, ...]:
        """Refs of the overdue measures."""
        return tuple(m.ref for m in self.measures if m.overdue)

    @property
    def unassigned(self) -> tuple[str, ...]:
        """Refs of the measures with no responsible unit (`RM-4`)."""
        return tuple(m.ref for m in self.measures if not m.responsible)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, a report view on purpose: with the computed completion,
        overdue and unassigned measures, which are not fields."""
        return {
            "id": self.id,
            "title": self.title,
            "completion": self.completion,
            "milestones": [m.to_dict() for m in self.milestones],
            "overdue": list(self.overdue),
            "unassigned": list(self.unassigned),
            "missing_years": list(self.missing_years),
            "measures": [m.to_dict() for m in self.measures],
        }


@attrs.frozen(kw_only=True)
class GoalResult:
    """A goal and its action areas."""

    id: str
    title: str
    areas: tuple[AreaResult, ...]

    @property
    def completion(self) -> float | None:
        """Completion share over the goal's due milestones."""
        return _share(m.status for a in self.areas for m in a.milestones)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, a report view on purpose: with the computed completion."""
        return {
            "id": self.id,
            "title": self.title,
            "completion": self.completion,
            "areas": [a.to_dict() for a in self.areas],
        }


@attrs.frozen(kw_only=True)
class CarryChain:
    """A measure carried over: from where and how many times (`RM-5`, `RM-6`)."""

    ref: str
    title: str
    origin: str
    origin_year: int
    times: int
    path: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the converter's form (every field)."""
        data: dict[str, Any] = json_data(self)
        return data


@attrs.frozen(kw_only=True)
class MetricResult:
    """A metric's state as of the evaluation date (`RM-7`)."""

    id: str
    title: str
    kind: MetricKind
    baseline: Level
    target: Level
    latest: Measurement | None
    state: TargetState
    progress: float | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, a stable view on purpose: every key of a level and a
        measurement always written (the converter would leave defaults out)."""
        latest = self.latest
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "baseline": {"text": self.baseline.text, "value": self.baseline.value},
            "target": {"text": self.target.text, "value": self.target.value},
            "state": self.state.value,
            "progress": self.progress,
            "latest": None
            if latest is None
            else {
                "on": latest.on.isoformat(),
                "report": latest.report,
                "value": latest.value,
                "status": None if latest.status is None else latest.status.value,
                "notes": list(latest.notes),
            },
        }


@attrs.frozen(kw_only=True)
class TargetResult:
    """A binding target's state (`RM-7`)."""

    id: str
    title: str
    year: int
    state: TargetState
    metrics: tuple[MetricResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON; the metrics in their stable view (:meth:`MetricResult.to_dict`)."""
        return {
            "id": self.id,
            "title": self.title,
            "year": self.year,
            "state": self.state.value,
            "metrics": [m.to_dict() for m in self.metrics],
        }


@attrs.frozen(kw_only=True)
class Table:
    """Rows for analysts: :meth:`to_records` for plain dicts, :meth:`to_dataframe` for pandas.

    >>> t = Table(columns=("a", "b"), rows=((1, 2),))
    >>> t.to_records()
    [{'a': 1, 'b': 2}]
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise MissingDependencyError(
                "Table.to_dataframe() needs pandas: pip install 'jarjestoyhteistyo[pandas]'"
            ) from exc
        return pd.DataFrame.from_records(self.to_records(), columns=list(self.columns))


@attrs.frozen(kw_only=True)
class Evaluation:
    """The result of :func:`evaluate` (see the module text for what each part means)."""

    roadmap: str
    title: str
    as_of: date
    goals: tuple[GoalResult, ...]
    chains: tuple[CarryChain, ...]
    targets: tuple[TargetResult, ...]
    report: Report
    draft: Plan | None

    @property
    def completion(self) -> float | None:
        """Completion share over every due milestone with a status."""
        return _share(m.status for g in self.goals for a in g.areas for m in a.milestones)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form, a report view on purpose (computed completion, the
        findings' own JSON form); the draft plan is the converter's."""
        return {
            "roadmap": self.roadmap,
            "title": self.title,
            "as_of": self.as_of.isoformat(),
            "completion": self.completion,
            "goals": [g.to_dict() for g in self.goals],
            "carried_over": [c.to_dict() for c in self.chains],
            "binding_targets": [t.to_dict() for t in self.targets],
            "findings": self.report.to_dict(),
            "draft": None if self.draft is None else json_data(self.draft),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_table(self, level: Literal["milestone", "measure"] = "milestone") -> Table:
        """One row per due milestone (``"milestone"``) or per measure (``"measure"``)."""
        cols: tuple[str, ...]
        if level == "measure":
            cols = (
                "goal",
                "action_area",
                "ref",
                "year",
                "title",
                "status",
                "due",
                "overdue",
                "carried",
                "carried_to",
                "responsible",
            )
            rows = tuple(
                (
                    g.id,
                    a.id,
                    m.ref,
                    m.year,
                    m.title,
                    None if m.status is None else m.status.value,
                    m.due,
                    m.overdue,
                    m.carried,
                    ", ".join(m.carried_to),
                    ", ".join(m.responsible),
                )
                for g in self.goals
                for a in g.areas
                for m in a.measures
            )
            return Table(columns=cols, rows=rows)
        cols = ("goal", "action_area", "year", "due", "status", "credit", "measures")
        return Table(
            columns=cols,
            rows=tuple(
                (
                    g.id,
                    a.id,
                    ms.year,
                    ms.due,
                    None if ms.status is None else ms.status.value,
                    None if ms.status is None else ms.status.credit,
                    len(ms.measures),
                )
                for g in self.goals
                for a in g.areas
                for ms in a.milestones
            ),
        )

    def to_text(self) -> str:
        """A plain-text report."""
        return _render_text(self)

    def to_markdown(self) -> str:
        """A Markdown report."""
        return _render_markdown(self)


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def _year_end(year: int) -> date:
    return date(year, 1, 1) + relativedelta(month=12, day=31)


def _measure_due(m: Measure, year: int, seasons: Seasons) -> date:
    dues: list[date] = []
    for phrase in m.schedule:
        parsed = parse_schedule(phrase, year=year, seasons=seasons)
        if parsed.schedule is not None and (d := _due_of(parsed.schedule)) is not None:
            dues.append(d)
    return max(dues) if dues else _year_end(year)


def _due_of(schedule: Schedule) -> date | None:
    return schedule.due


def _chain(
    ref: str, idx: _Index, memo: dict[str, tuple[int, tuple[str, ...]]]
) -> tuple[int, tuple[str, ...]]:
    """(times carried, path from the origin) along the longest line of sources."""
    if ref in memo:
        return memo[ref]
    memo[ref] = (0, (ref,))  # guards against cycles in bad input
    entry = idx.measures.get(ref)
    best: tuple[int, tuple[str, ...]] = (0, (ref,))
    if entry is not None:
        for src in entry[2].carried_from:
            if src in idx.measures and _plan_of(idx, idx.measures[src]).year < int(
                ref.split("/", 1)[0]
            ):
                times, path = _chain(src, idx, memo)
                if times + 1 > best[0]:
                    best = (times + 1, (*path, ref))
    memo[ref] = best
    return best


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
    elif year_over:
        state = TargetState.NOT_MET
    else:
        state = TargetState.IN_PROGRESS
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


def _target_state(metrics: Sequence[MetricResult]) -> TargetState:
    states = {m.state for m in metrics}
    if not states or states == {TargetState.NO_DATA}:
        return TargetState.NO_DATA
    if TargetState.NOT_MET in states:
        return TargetState.NOT_MET
    if states == {TargetState.MET}:
        return TargetState.MET
    return TargetState.IN_PROGRESS


def draft_next_plan(
    roadmap: Roadmap, plan: Plan, *, as_of: date | None = None, title: str = ""
) -> Plan:
    """Draft the plan of the year after ``plan`` (`RM-5`, `RM-6`).

    Every measure of ``plan`` whose status (as of ``as_of``; the latest snapshot when
    ``None``) is not achieved or dropped is carried over, marked by ``carried_from``;
    measures with no status are carried too. Then each action area's milestone items
    for the new year that no carried measure already covers become new measures, with
    the responsible units of the area's measures in ``plan``. No new goals (`RM-6`).

    >>> doc = load_example()
    >>> draft = draft_next_plan(doc.roadmap, doc.plans[0], as_of=date(2024, 5, 27))
    >>> draft.year, sum(m.is_carried for m in draft.measures)
    (2024, 7)
    """
    year = plan.year + 1
    carried: list[Measure] = []
    used_ids: set[str] = set()
    units: dict[str, tuple[str, ...]] = {}
    for m in plan.measures:
        units.setdefault(m.action_area, ())
        units[m.action_area] += tuple(u for u in m.responsible if u not in units[m.action_area])
        status = m.status_at(as_of) if as_of is not None else _final_status(m)
        if status is not None and not status.is_open:
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
    findings = list(check_document(roadmap, plans, seasons=seasons))
    idx = _index(roadmap, plans)

    # the status of each measure as of the date, and at the end of its carry-over line
    status: dict[str, Status | None] = {
        ref: e[2].status_at(as_of) for ref, e in idx.measures.items()
    }

    def final(ref: str, depth: int = 0) -> Status | None:
        own = status.get(ref)
        if depth > 50:
            return own
        later = [
            st
            for s in idx.successors.get(ref, ())
            if s in status and (st := final(s, depth + 1)) is not None
        ]
        return _aggregate(later) if later else own

    # measures per action area
    per_area: dict[str, list[MeasureResult]] = defaultdict(list)
    by_area_year: dict[tuple[str, int], list[str]] = defaultdict(list)
    for year, (pi, plan) in sorted(idx.plans.items()):
        for mi, m in enumerate(plan.measures):
            ref = measure_ref(year, m.id)
            due = _measure_due(m, year, seasons)
            st = status[ref]
            onward = tuple(s for s in idx.successors.get(ref, ()) if s in status)
            overdue = due < as_of and (st is None or st.is_open)
            if overdue and not onward:
                findings.append(
                    finding(
                        JY432,
                        f"plans[{pi}].measures[{mi}]",
                        measure=ref,
                        due=due.isoformat(),
                        status="not reported" if st is None else st.label,
                    )
                )
            per_area[m.action_area].append(
                MeasureResult(
                    ref=ref,
                    year=year,
                    title=m.title,
                    action_area=m.action_area,
                    status=st,
                    due=due,
                    overdue=overdue,
                    carried=m.is_carried,
                    carried_to=onward,
                    responsible=tuple(r for r in m.responsible if r.strip()),
                )
            )
            by_area_year[(m.action_area, year)].append(ref)

    goals: list[GoalResult] = []
    unplanned: dict[int, int] = defaultdict(int)
    for gi, g in enumerate(roadmap.goals):
        areas: list[AreaResult] = []
        for ai, a in enumerate(g.action_areas):
            milestones: list[MilestoneResult] = []
            missing: list[int] = []
            for ms in sorted(a.milestones, key=lambda m: m.year):
                due = _year_end(ms.year)
                if not ms.items or due > as_of:
                    continue
                refs = tuple(by_area_year.get((a.id, ms.year), ()))
                if ms.year not in idx.plans:
                    unplanned[ms.year] += 1
                elif not refs:
                    missing.append(ms.year)
                    findings.append(
                        finding(
                            JY430,
                            f"roadmap.goals[{gi}].action_areas[{ai}]",
                            area=a.id,
                            year=ms.year,
                        )
                    )
                agg = _aggregate([s for s in (final(r) for r in refs) if s is not None])
                if refs and agg is not Status.ACHIEVED:
                    findings.append(
                        finding(
                            JY431,
                            f"roadmap.goals[{gi}].action_areas[{ai}]",
                            area=a.id,
                            year=ms.year,
                            due=due.isoformat(),
                            status="not reported" if agg is None else agg.label,
                        )
                    )
                milestones.append(
                    MilestoneResult(
                        year=ms.year,
                        due=due,
                        items=tuple(it.text for it in ms.items),
                        status=agg,
                        measures=refs,
                        planned=ms.year in idx.plans,
                    )
                )
            areas.append(
                AreaResult(
                    id=a.id,
                    title=a.title,
                    milestones=tuple(milestones),
                    measures=tuple(per_area.get(a.id, ())),
                    missing_years=tuple(missing),
                )
            )
        goals.append(GoalResult(id=g.id, title=g.title, areas=tuple(areas)))
    for year, count in sorted(unplanned.items()):
        findings.append(finding(JY433, "plans", year=year, count=count))

    # carry-over chains, one per measure at the end of its line
    memo: dict[str, tuple[int, tuple[str, ...]]] = {}
    chains: list[CarryChain] = []
    for ref, (pi, mi, m) in idx.measures.items():
        if not m.is_carried or any(s in status for s in idx.successors.get(ref, ())):
            continue
        times, path = _chain(ref, idx, memo)
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

    # binding targets
    targets: list[TargetResult] = []
    for _year, (pi, plan) in sorted(idx.plans.items()):
        for ti, t in enumerate(plan.binding_targets):
            results = tuple(_metric_result(mt, t, as_of) for mt in t.metrics)
            for mi, r in enumerate(results):
                if r.state is TargetState.NO_DATA:
                    findings.append(
                        finding(
                            JY442,
                            f"plans[{pi}].binding_targets[{ti}].metrics[{mi}]",
                            metric=r.id,
                            target=t.id,
                            as_of=as_of.isoformat(),
                        )
                    )
            state = _target_state(results)
            if state is TargetState.NOT_MET:
                findings.append(
                    finding(JY444, f"plans[{pi}].binding_targets[{ti}]", target=t.id, year=t.year)
                )
            targets.append(
                TargetResult(id=t.id, title=t.title, year=t.year, state=state, metrics=results)
            )

    draft: Plan | None = None
    if plans:
        last = plans[-1]
        if last.year < roadmap.last_year or any(
            (status.get(measure_ref(last.year, m.id)) or Status.NOT_STARTED).is_open
            for m in last.measures
        ):
            draft = draft_next_plan(roadmap, last, as_of=as_of)
    return Evaluation(
        roadmap=roadmap.id,
        title=roadmap.title,
        as_of=as_of,
        goals=tuple(goals),
        chains=tuple(chains),
        targets=tuple(targets),
        report=Report(subject=roadmap.id, findings=findings),
        draft=draft,
    )


# -------------------------------------------------------------------- rendering


def _status_label(s: Status | None) -> str:
    return "not reported" if s is None else s.label


def _render_text(ev: Evaluation) -> str:
    lines = [
        f"{ev.title} ({ev.roadmap}) — evaluation as of {ev.as_of.isoformat()}",
        f"Completion of due milestones: {_pct(ev.completion)}",
    ]
    for g in ev.goals:
        lines.append("")
        lines.append(f"{g.id}: {g.title} — {_pct(g.completion)}")
        for a in g.areas:
            lines.append(f"  {a.id}: {a.title} — {_pct(a.completion)}")
            for ms in a.milestones:
                refs = ", ".join(ms.measures) or ("no measure" if ms.planned else "no plan")
                lines.append(f"    {ms.year} milestone: {_status_label(ms.status)} [{refs}]")
            for m in a.measures:
                if m.overdue:
                    onward = f" → {', '.join(m.carried_to)}" if m.carried_to else ""
                    lines.append(f"    overdue: {m.ref} (due {m.due.isoformat()}){onward}")
            for ref in a.unassigned:
                lines.append(f"    no responsible unit: {ref}")
            for year in a.missing_years:
                lines.append(f"    no measure in the {year} plan for a due milestone")
    lines += ["", "Carried over (* in the plans):"]
    lines += [
        f"  * {c.ref}: {c.title} — from {c.origin_year}, carried {c.times}× ({' → '.join(c.path)})"
        for c in ev.chains
    ] or ["  none"]
    lines += ["", "Binding targets:"]
    for t in ev.targets:
        lines.append(f"  {t.year} {t.id}: {t.title} — {t.state.value.replace('_', ' ')}")
        for mr in t.metrics:
            latest = (
                "no measurement"
                if mr.latest is None
                else f"{mr.latest.report or 'entry'} {mr.latest.on.isoformat()}"
            )
            lines.append(
                f"    {mr.id}: {mr.state.value.replace('_', ' ')} ({latest}); baseline: "
                f"{mr.baseline.describe()}; target: {mr.target.describe()}"
            )
    if not ev.targets:
        lines.append("  none")
    if ev.draft is not None:
        n_carried = sum(m.is_carried for m in ev.draft.measures)
        lines += [
            "",
            f"Draft plan {ev.draft.year}: {len(ev.draft.measures)} measures, "
            f"{n_carried} carried over (*)",
        ]
        lines += [
            f"  {'*' if m.is_carried else '-'} {m.action_area}: {m.title}"
            for m in ev.draft.measures
        ]
    lines += ["", ev.report.to_text()]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _render_markdown(ev: Evaluation) -> str:
    out = [
        f"# {_md(ev.title)} — evaluation as of {ev.as_of.isoformat()}",
        "",
        f"Completion of due milestones: **{_pct(ev.completion)}**",
    ]
    for g in ev.goals:
        out += ["", f"## {_md(g.title)} ({g.id}) — {_pct(g.completion)}", ""]
        out += [
            "| Action area | Year | Milestone status | Measures | Overdue | No responsible unit |",
            "|---|---|---|---|---|---|",
        ]
        for a in g.areas:
            rows = a.milestones or ()
            if not rows:
                out.append(f"| {_md(a.title)} | – | – | – | – | – |")
            for ms in rows:
                overdue = [m.ref for m in a.measures if m.overdue and m.year == ms.year]
                unassigned = [m.ref for m in a.measures if not m.responsible and m.year == ms.year]
                measures = ", ".join(ms.measures) or (
                    "**none**" if ms.year in a.missing_years else "–"
                )
                out.append(
                    f"| {_md(a.title)} | {ms.year} | {_status_label(ms.status)} | {measures} | "
                    f"{', '.join(overdue) or '–'} | {', '.join(unassigned) or '–'} |"
                )
    out += ["", "## Carried over", ""]
    if ev.chains:
        out += ["| Measure | From | Times | Path |", "|---|---|---|---|"]
        out += [
            f"| {_md(c.title)} \\* | {c.origin_year} | {c.times} | {' → '.join(c.path)} |"
            for c in ev.chains
        ]
    else:
        out.append("None.")
    out += ["", "## Binding targets", ""]
    for t in ev.targets:
        out += [f"### {_md(t.title)} ({t.year}): {t.state.value.replace('_', ' ')}", ""]
        out += ["| Metric | Baseline | Target | Latest | State |", "|---|---|---|---|---|"]
        for m in t.metrics:
            latest = "–" if m.latest is None else f"{m.latest.report} {m.latest.on.isoformat()}"
            out.append(
                f"| {_md(m.title)} | {_md(m.baseline.describe())} | {_md(m.target.describe())} "
                f"| {latest.strip()} | {m.state.value.replace('_', ' ')} |"
            )
        out.append("")
    if not ev.targets:
        out.append("None.")
    if ev.draft is not None:
        out += ["", f"## Draft plan {ev.draft.year}", ""]
        star = " \\*"
        out += [
            f"- {_md(m.title)}{star if m.is_carried else ''} ({m.action_area})"
            for m in ev.draft.measures
        ]
    out += ["", "## Findings", ""]
    out += [
        f"- **{f.severity.value}** `{f.code}` [{f.rule}] `{f.path}`: {_md(f.message_en)}"
        for f in ev.report
    ] or ["None."]
    return "\n".join(out) + "\n"


def render(evaluation: Evaluation, fmt: Format = "text") -> str:
    """Render an evaluation as ``"text"``, ``"markdown"`` or ``"json"``.

    >>> doc = load_example()
    >>> ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    >>> render(ev, "markdown").splitlines()[0]
    '# Vantaa–Kerava NGO cooperation roadmap 2022–2025 — evaluation as of 2024-05-27'
    >>> json.loads(render(ev, "json"))["as_of"]
    '2024-05-27'
    """
    if fmt == "markdown":
        return evaluation.to_markdown()
    if fmt == "json":
        return evaluation.to_json()
    if fmt == "text":
        return evaluation.to_text()
    raise RenderError(f"unknown format {fmt!r}; expected text, markdown or json")
