"""Hypothesis strategies for roadmap documents (`RM-1` … `RM-7`), re-exported by
:mod:`jarjestoyhteistyo.fictional.strategies`.

>>> s = roadmaps()
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from jarjestoyhteistyo.fictional._strategies_parts import (
    _sentences,
    _slugs,
    _titles,
    _unique_slugs,
)
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_NUMBER
from jarjestoyhteistyo.model.roadmap import (
    ActionArea,
    BindingTarget,
    Goal,
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
    measure_ref,
)

__all__ = ["roadmaps"]


# ------------------------------------------------------------------------ roadmaps
_PHRASES = (
    "koko vuosi {y}",
    "kevät–syksy {y}",
    "syksy {y}",
    "hösten {y}",
    "autumn {y}",
    "toukokuu {y}",
    "1 krt/kk",
    "min. 1 krt/v",
    "monthly",
)
_UNITS = (
    "HYTE team",
    "NGO coordinator",
    "communications unit",
    "local democracy and participation committee",
    "NGO development group",
    "regional umbrella association",
)


def roadmaps(*, wide: bool = False) -> st.SearchStrategy[RoadmapDocument]:
    """Roadmap documents (`RM-1` … `RM-7`) that
    :func:`~jarjestoyhteistyo.rules.roadmap.check_document` reports no error for:
    unique ids, milestones and plans inside the roadmap's years, measures under known
    action areas naming milestone items of their year or earlier,
    schedules in words that parse, carry-over only from earlier plans, and metrics with
    a baseline and a target level (numeric ones with values). Warnings may occur.
    Responsible units and partners are roles or units, never persons.

    With ``wide=True`` the years reach the edges of :mod:`jarjestoyhteistyo.model.bounds`
    (a roadmap may start in 1900 or end in 2200) and metric values the largest number
    a document may hold.

    >>> s = roadmaps(wide=True)
    """
    return _roadmaps(wide)


@st.composite
def _roadmaps(draw: st.DrawFn, wide: bool = False) -> RoadmapDocument:
    roadmap, items_of = draw(_roadmap_parts(wide))
    years = list(range(roadmap.first_year, roadmap.last_year + 1))
    area_ids = [a.id for g in roadmap.goals for a in g.action_areas]
    plan_years = sorted(draw(st.sets(st.sampled_from(years), max_size=len(years))))
    plans: list[Plan] = []
    open_refs: list[str] = []  # measures not reached: candidates to carry over (RM-5)
    for y in plan_years:
        ids = draw(_unique_slugs(min_size=0, max_size=4))
        drawn = [draw(_measures(y, mid, area_ids, items_of, open_refs)) for mid in ids]
        measures = [m for m, _ in drawn]
        open_refs = [measure_ref(y, m.id) for m, status in drawn if status.is_open]
        targets = draw(_binding_targets(y, wide)) if draw(st.booleans()) else ()
        plans.append(
            Plan(year=y, title=draw(_titles()), measures=tuple(measures), binding_targets=targets)
        )
    return RoadmapDocument(roadmap=roadmap, plans=tuple(plans))


@st.composite
def _roadmap_parts(
    draw: st.DrawFn, wide: bool = False
) -> tuple[Roadmap, dict[str, list[tuple[int, str]]]]:
    """A roadmap and the milestone items of each action area, with their years."""
    if wide:
        years_ = st.integers(FIRST_YEAR, LAST_YEAR) | st.sampled_from((FIRST_YEAR, LAST_YEAR))
        first = draw(years_)
        last = first + draw(st.integers(min_value=0, max_value=min(4, LAST_YEAR - first)))
    else:
        first = draw(st.integers(min_value=2020, max_value=2030))
        last = first + draw(st.integers(min_value=0, max_value=4))
    years = list(range(first, last + 1))
    area_ids = draw(_unique_slugs(min_size=1, max_size=6))
    n_goals = draw(st.integers(min_value=1, max_value=min(4, len(area_ids))))
    goal_ids = draw(_unique_slugs(min_size=n_goals, max_size=n_goals))
    items_of: dict[str, list[tuple[int, str]]] = {}
    areas: list[ActionArea] = []
    for area_id in area_ids:
        milestones: list[Milestone] = []
        item_ids = iter(draw(_unique_slugs(min_size=len(years) * 2, max_size=len(years) * 2)))
        for y in years:
            if not draw(st.booleans()):
                continue  # an empty cell (RM-3)
            items = tuple(
                MilestoneItem(id=next(item_ids), text=draw(_sentences()))
                for _ in range(draw(st.integers(min_value=1, max_value=2)))
            )
            milestones.append(Milestone(year=y, items=items))
            items_of.setdefault(area_id, []).extend((y, it.id) for it in items)
        areas.append(ActionArea(id=area_id, title=draw(_titles()), milestones=tuple(milestones)))
    goals = tuple(
        Goal(id=gid, title=draw(_titles()), action_areas=tuple(areas[i::n_goals]))
        for i, gid in enumerate(goal_ids)
    )
    roadmap = Roadmap(
        id=draw(_slugs()),
        title=draw(_titles()),
        area=draw(_titles()),
        first_year=first,
        last_year=last,
        vision=draw(_sentences()),
        goals=goals,
    )
    return roadmap, items_of


@st.composite
def _measures(
    draw: st.DrawFn,
    y: int,
    mid: str,
    area_ids: list[str],
    items_of: dict[str, list[tuple[int, str]]],
    open_refs: list[str],
) -> tuple[Measure, Status]:
    """A measure of year ``y`` under a known action area (`RM-4`), maybe carried over
    from an open one of the year before (`RM-5`), and its drawn status."""
    area = draw(st.sampled_from(area_ids))
    known = [i for (iy, i) in items_of.get(area, []) if iy <= y]
    status = draw(st.sampled_from(Status))
    carried: str | None = None
    carry: bool = draw(st.booleans())
    if open_refs and carry:
        carried = draw(st.sampled_from(open_refs))
    measure = Measure(
        id=mid,
        action_area=area,
        title=draw(_titles()),
        milestone=draw(st.none() | st.sampled_from(known)) if known else None,
        actions=tuple(draw(st.lists(_sentences(), max_size=2))),
        responsible=tuple(draw(st.lists(st.sampled_from(_UNITS), max_size=2))),
        partners=tuple(draw(st.lists(st.sampled_from(_UNITS), max_size=2))),
        schedule=tuple(
            p.format(y=y) for p in draw(st.lists(st.sampled_from(_PHRASES), max_size=2))
        ),
        snapshots=(Snapshot(as_of=date(y, 12, 31), status=status),) if draw(st.booleans()) else (),
        carried_from=(carried,) if carried else (),
    )
    return measure, status


@st.composite
def _binding_targets(draw: st.DrawFn, y: int, wide: bool = False) -> tuple[BindingTarget, ...]:
    """One binding target of year ``y`` with a metric (`RM-6`, `RM-7`)."""
    numeric = draw(st.booleans())
    top = int(MAX_NUMBER) - 10 if wide else 50
    base = draw(st.integers(min_value=0, max_value=top))
    metric = Metric(
        id=draw(_slugs()),
        title=draw(_titles()),
        kind=MetricKind.NUMERIC if numeric else MetricKind.QUALITATIVE,
        baseline=Level(text=draw(_sentences()), value=float(base) if numeric else None),
        target=Level(text=draw(_sentences()), value=float(base + 10) if numeric else None),
        measurements=(
            Measurement(
                on=date(y, 4, 30),
                report="OVK1",
                value=float(base + 5) if numeric else None,
            ),
        ),
    )
    return (
        BindingTarget(
            id=draw(_slugs()),
            title=draw(_titles()),
            year=y,
            reported_to=("executive board", "regional council"),
            metrics=(metric,),
        ),
    )
