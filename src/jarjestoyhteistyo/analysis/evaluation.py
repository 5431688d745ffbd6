"""The result of a roadmap evaluation, and its views: JSON, rows, text and Markdown.

:func:`jarjestoyhteistyo.analysis.roadmap.evaluate` returns an :class:`Evaluation`:
per goal (:class:`GoalResult`) and action area (:class:`AreaResult`) the milestones
that were due (:class:`MilestoneResult`) and the measures (:class:`MeasureResult`),
the carry-over chains (:class:`CarryChain`), the binding targets
(:class:`TargetResult`, :class:`MetricResult`), the findings and a draft of the next
plan. :meth:`Evaluation.to_dict` is the stable JSON form, :meth:`Evaluation.to_table`
the rows for analysts (:class:`Table`), :meth:`Evaluation.to_text` and
:meth:`Evaluation.to_markdown` the reports.

Completion share = (achieved + ½ × partly achieved) / milestones with a status:

>>> from jarjestoyhteistyo.analysis.roadmap import evaluate, load_example
>>> doc = load_example()
>>> ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
>>> print(f"{ev.completion:.2f}", ev.to_text().splitlines()[1])
0.68 Completion of due milestones: 68 %
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

import attrs

from jarjestoyhteistyo.findings import Report
from jarjestoyhteistyo.io.serialize import json_data
from jarjestoyhteistyo.io.tables import dataframe
from jarjestoyhteistyo.io.tables import markdown_escape as _md
from jarjestoyhteistyo.model.roadmap import Level, Measurement, MetricKind, Plan, Status

__all__ = [
    "AreaResult",
    "CarryChain",
    "Evaluation",
    "GoalResult",
    "MeasureResult",
    "MetricResult",
    "MilestoneResult",
    "Table",
    "TargetResult",
    "TargetState",
    "status_label",
]


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
        return dataframe(self.to_records(), self.columns, caller="Table.to_dataframe()")


@attrs.frozen(kw_only=True)
class Evaluation:
    """The result of :func:`~jarjestoyhteistyo.analysis.roadmap.evaluate` (see the
    module text of :mod:`jarjestoyhteistyo.analysis.roadmap` for what each part means)."""

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


# -------------------------------------------------------------------- rendering


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def status_label(status: Status | None) -> str:
    """A status as words; ``not reported`` for none.

    >>> status_label(Status.PARTLY_ACHIEVED), status_label(None)
    ('partly achieved', 'not reported')
    """
    return "not reported" if status is None else status.label


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
                lines.append(f"    {ms.year} milestone: {status_label(ms.status)} [{refs}]")
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


def _render_markdown(ev: Evaluation) -> str:
    out = [
        f"# {_md(ev.title)} — evaluation as of {ev.as_of.isoformat()}",
        "",
        f"Completion of due milestones: **{_pct(ev.completion)}**",
    ]
    for g in ev.goals:
        out += ["", f"## {_md(g.title)} ({_md(g.id)}) — {_pct(g.completion)}", ""]
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
                measures = ", ".join(_md(x) for x in ms.measures) or (
                    "**none**" if ms.year in a.missing_years else "–"
                )
                out.append(
                    f"| {_md(a.title)} | {ms.year} | {status_label(ms.status)} | {measures} | "
                    f"{_md(', '.join(overdue)) or '–'} | {_md(', '.join(unassigned)) or '–'} |"
                )
    out += ["", "## Carried over", ""]
    if ev.chains:
        out += ["| Measure | From | Times | Path |", "|---|---|---|---|"]
        out += [
            f"| {_md(c.title)} \\* | {c.origin_year} | {c.times} | {_md(' → '.join(c.path))} |"
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
                f"| {_md(latest.strip())} | {m.state.value.replace('_', ' ')} |"
            )
        out.append("")
    if not ev.targets:
        out.append("None.")
    if ev.draft is not None:
        out += ["", f"## Draft plan {ev.draft.year}", ""]
        star = " \\*"
        out += [
            f"- {_md(m.title)}{star if m.is_carried else ''} ({_md(m.action_area)})"
            for m in ev.draft.measures
        ]
    out += ["", "## Findings", ""]
    out += [
        f"- **{f.severity.value}** `{f.code}` [{_md(f.rule)}] {_md(f.path)}: {_md(f.message_en)}"
        for f in ev.report
    ] or ["None."]
    return "\n".join(out) + "\n"
