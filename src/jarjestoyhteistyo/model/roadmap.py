"""The nouns of a roadmap and its yearly implementation plans (`RM-1` … `RM-7`).

A :class:`Roadmap` has a vision, goals and action areas, and for each action area a
:class:`Milestone` (target state) per year; cells may be empty (`RM-1` … `RM-3`).
Each year has a :class:`Plan` of :class:`Measure` objects under the action areas,
each with the actions needed, responsible units and partners, a schedule in words
(:mod:`jarjestoyhteistyo.calc.schedule`) and dated status :class:`Snapshot` objects
(`RM-4`). What was not reached moves to the next year's plan: the new measure names
its source in ``carried_from`` (:func:`measure_ref`) and is marked ``*`` (`RM-5`,
`RM-6`). A plan may hold :class:`BindingTarget` objects with metrics, baselines,
target levels and dated interim-report entries (`RM-7`). One file holds a roadmap and
its plans: a :class:`RoadmapDocument`.

Nouns only: the checks are in :mod:`jarjestoyhteistyo.rules.roadmap`, the evaluation
as of a date in :mod:`jarjestoyhteistyo.analysis.roadmap`.

>>> m = Measure(id="meeting-places", action_area="premises", title="Meeting places",
...             carried_from=(measure_ref(2023, "meeting-places"),))
>>> m.is_carried, m.status_at(date(2024, 5, 27)) is None
(True, True)
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from jarjestoyhteistyo.model.rulesets import Provenance

__all__ = [
    "ActionArea",
    "Basis",
    "BindingTarget",
    "Goal",
    "GoalAssessment",
    "Level",
    "Measure",
    "Measurement",
    "Metric",
    "MetricKind",
    "Milestone",
    "MilestoneItem",
    "Plan",
    "Roadmap",
    "RoadmapDocument",
    "Snapshot",
    "Status",
    "YearAssessment",
    "measure_ref",
]


# ------------------------------------------------------------------------ statuses


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


class Basis(enum.Enum):
    """Where a status comes from (issue #18): the document says it (``source``), or
    whoever wrote the file inferred it from what the document says (``inferred``).

    The evaluation shows an inferred status as such, in every format.
    """

    SOURCE = "source"
    INFERRED = "inferred"


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
    notes: tuple[str, ...] = attrs.field(default=(), metadata={"personal": "text"})
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
    basis: Basis = Basis.SOURCE
    notes: tuple[str, ...] = attrs.field(default=(), metadata={"personal": "text"})


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
    responsible: tuple[str, ...] = attrs.field(default=(), metadata={"personal": "role"})
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
        best = self.snapshot_at(day)
        return None if best is None else best.status

    def snapshot_at(self, day: date) -> Snapshot | None:
        """The latest snapshot dated on or before ``day``; ``None`` if none."""
        best: Snapshot | None = None
        for s in self.snapshots:
            if s.as_of <= day and (best is None or s.as_of >= best.as_of):
                best = s
        return best

    @property
    def final_status(self) -> Status | None:
        """The status of the latest snapshot, whatever its date; ``None`` if none.

        >>> m = Measure(id="m", action_area="a", title="t", snapshots=(
        ...     Snapshot(as_of=date(2024, 5, 27), status=Status.ACHIEVED),
        ...     Snapshot(as_of=date(2023, 12, 31), status=Status.IN_PROGRESS)))
        >>> m.final_status.value
        'achieved'
        """
        if not self.snapshots:
            return None
        return max(self.snapshots, key=lambda s: s.as_of).status


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

    def describe(self, lang: str = "en") -> str:
        """``value (text)``, or whichever is given; the value with a decimal comma in
        Finnish and Swedish (``lang``), the text as written.

        >>> Level(text="kysely", value=2.5).describe(), Level(value=2.5).describe("fi")
        ('2.5 (kysely)', '2,5')
        """
        if self.value is None:
            return self.text
        value = f"{self.value:g}"
        if lang in ("fi", "sv"):
            value = value.replace(".", ",")
        return value + (f" ({self.text})" if self.text else "")


@attrs.frozen(kw_only=True)
class Measurement:
    """A dated measurement or interim-report entry (``report``: ``OVK1``, ...) (`RM-7`).

    A numeric metric's entry has a ``value``; a qualitative one may assess a ``status``.
    """

    on: date
    report: str = ""
    value: float | None = None
    status: Status | None = None
    basis: Basis = Basis.SOURCE
    notes: tuple[str, ...] = attrs.field(default=(), metadata={"personal": "text"})


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
    notes: tuple[str, ...] = attrs.field(default=(), metadata={"personal": "text"})
    measures: tuple[Measure, ...] = ()
    assessment: YearAssessment | None = None
    binding_targets: tuple[BindingTarget, ...] = ()


@attrs.frozen(kw_only=True)
class RoadmapDocument:
    """One file: a roadmap and its yearly plans (what ``roadmap check FILE`` reads)."""

    roadmap: Roadmap
    plans: tuple[Plan, ...] = ()
    #: Where each value comes from (:class:`~jarjestoyhteistyo.model.rulesets.Provenance`),
    #: as a rule set's ``sources``.
    sources: tuple[Provenance, ...] = ()


def measure_ref(year: int, measure_id: str) -> str:
    """The reference ``YEAR/ID`` used in ``carried_from``.

    >>> measure_ref(2023, "evaluation-model")
    '2023/evaluation-model'
    """
    return f"{year}/{measure_id}"
