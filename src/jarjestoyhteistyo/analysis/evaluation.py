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
0.64 Completion of due milestones: 64 %
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

import attrs

from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.findings import Language, Report, Severity, severity_word
from jarjestoyhteistyo.i18n import (
    Lang,
    Term,
    Text,
    gettext,
    ngettext,
    pgettext,
)
from jarjestoyhteistyo.io.serialize import json_data
from jarjestoyhteistyo.io.tables import dataframe, html_table
from jarjestoyhteistyo.io.tables import markdown_escape as _md
from jarjestoyhteistyo.model.roadmap import Basis, Level, Measurement, MetricKind, Plan, Status
from jarjestoyhteistyo.model.vocabulary import label

__all__ = [
    "AreaResult",
    "AssessmentResult",
    "CarryChain",
    "Evaluation",
    "GoalNarrative",
    "GoalResult",
    "MeasureResult",
    "MetricResult",
    "MilestoneResult",
    "Table",
    "TargetResult",
    "TargetState",
    "state_label",
    "status_label",
    "status_term",
]


class TargetState(enum.Enum):
    """The state of a binding target or one of its metrics (`RM-7`)."""

    MET = "met"
    IN_PROGRESS = "in_progress"
    #: The year is over, but the latest report is an interim one (dated in the year,
    #: or "in progress"/"not started"): not known yet whether the target was met.
    NO_FINAL_DATA = "no_final_data"
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
    #: Where the status comes from (``None``: no status).
    basis: Basis | None = None

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
    #: The milestone's items (their ids) that no measure of the year's plan takes up
    #: (``JY434``).
    uncovered: tuple[str, ...] = ()
    #: Where the status comes from: inferred when any status it rests on is inferred.
    basis: Basis | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, a report view on purpose: ``planned`` second and always
        written (the converter would leave the default out)."""
        return {
            "year": self.year,
            "planned": self.planned,
            "due": self.due.isoformat(),
            "items": list(self.items),
            "status": None if self.status is None else self.status.value,
            "status_basis": None if self.basis is None else self.basis.value,
            "measures": list(self.measures),
            "uncovered": list(self.uncovered),
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
                "basis": latest.basis.value,
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
class GoalNarrative:
    """A plan year's narrative of one goal, as its evaluation wrote it (`RM-5`)."""

    goal: str
    title: str
    summary: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the converter's form."""
        data: dict[str, Any] = json_data(self)
        return data


@attrs.frozen(kw_only=True)
class AssessmentResult:
    """A plan year's own evaluation, dated on or before the evaluation date: its
    overall verdict in the roadmap's words and the goals' narratives (`RM-5`)."""

    year: int
    as_of: date
    verdict: str
    goals: tuple[GoalNarrative, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: year, date, verdict and each goal's narrative."""
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "verdict": self.verdict,
            "goals": [g.to_dict() for g in self.goals],
        }


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
    #: The plan years' own evaluations dated by the evaluation date (`RM-5`).
    assessments: tuple[AssessmentResult, ...] = ()
    #: The measures of the drafted-from plan that have no status yet (as ``YEAR/ID``):
    #: not evaluated, so the draft does not carry them over (`RM-5`).
    unevaluated: tuple[str, ...] = ()

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
            "assessments": [a.to_dict() for a in self.assessments],
            "findings": self.report.to_dict(),
            "draft": None if self.draft is None else json_data(self.draft),
            "not_yet_evaluated": list(self.unevaluated),
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
                "basis",
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
                    None if m.basis is None else m.basis.value,
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
        cols = ("goal", "action_area", "year", "due", "status", "basis", "credit", "measures")
        return Table(
            columns=cols,
            rows=tuple(
                (
                    g.id,
                    a.id,
                    ms.year,
                    ms.due,
                    None if ms.status is None else ms.status.value,
                    None if ms.basis is None else ms.basis.value,
                    None if ms.status is None else ms.status.credit,
                    len(ms.measures),
                )
                for g in self.goals
                for a in g.areas
                for ms in a.milestones
            ),
        )

    def to_text(self, *, lang: Lang = "en") -> str:
        """A plain-text report in ``lang``: its words, statuses and findings; the
        roadmap's own titles as written."""
        return _render_text(self, lang)

    def to_markdown(self, *, lang: Lang = "en") -> str:
        """A Markdown report in ``lang`` (see :meth:`to_text`)."""
        return _render_markdown(self, lang)

    def to_dataframe(self, level: Literal["milestone", "measure"] = "milestone") -> Any:
        """:meth:`to_table` as a ``pandas.DataFrame`` (needs the ``pandas`` extra): one
        row per due milestone or per measure, typed columns."""
        return self.to_table(level).to_dataframe()

    def _repr_html_(self, *, lang: Lang | None = None) -> str:
        """The milestones as an HTML table for Jupyter (goal, area, year, due, status),
        under the roadmap's title, the date and the completion; in ``lang``, by default
        the display language (:func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        caption = f"{self.title} — {self.as_of.isoformat()}: {_pct(self.completion)}"
        rows = [
            (g.id, a.id, str(ms.year), ms.due.isoformat(), status_label(ms.status, lang))
            for g in self.goals
            for a in g.areas
            for ms in a.milestones
        ]
        header = (  # TRANSLATORS: the columns of a roadmap evaluation's table in a notebook
            pgettext(lang, "table column", "goal"),
            pgettext(lang, "table column", "action area"),
            pgettext(lang, "table column", "year"),
            pgettext(lang, "table column", "due"),
            pgettext(lang, "table column", "status"),
        )
        return html_table(caption, header, rows)


# -------------------------------------------------------------------- rendering


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def status_label(status: Status | None, lang: str = "en") -> str:
    """A status as words in ``lang`` (the roadmap's words of the vocabulary);
    ``not reported`` for none.

    >>> status_label(Status.PARTLY_ACHIEVED), status_label(None)
    ('partly achieved', 'not reported')
    >>> status_label(Status.PARTLY_ACHIEVED, "fi"), status_label(None, "sv")
    ('osittain toteutunut', 'inte rapporterad')
    """
    if status is None:
        return pgettext(lang, "roadmap status", "not reported")
    if lang not in ("fi", "sv"):
        return status.label
    return label(status, lang)


def status_term(status: Status | None) -> Term:
    """A status as a finding's message names it: its English words (:func:`status_label`)
    in the finding's parameters, its words in each language in the message.

    >>> t = status_term(None)
    >>> str(t), t.text_in("fi")
    ('not reported', 'ei raportoitu')
    """
    return Term(status_label(status), fi=status_label(status, "fi"), sv=status_label(status, "sv"))


def state_label(state: TargetState, lang: str = "en") -> str:
    """A binding target's or a metric's state in words in ``lang`` (`RM-7`).

    >>> state_label(TargetState.NOT_MET), state_label(TargetState.NOT_MET, "fi")
    ('not met', 'ei saavutettu')
    >>> state_label(TargetState.NO_FINAL_DATA)
    'no final data yet'
    """
    if state is TargetState.MET:
        return pgettext(lang, "target state", "met")
    if state is TargetState.IN_PROGRESS:
        return pgettext(lang, "target state", "in progress")
    if state is TargetState.NOT_MET:
        return pgettext(lang, "target state", "not met")
    if state is TargetState.NO_FINAL_DATA:
        return pgettext(lang, "target state", "no final data yet")
    return pgettext(lang, "target state", "no data")


def _render_text(ev: Evaluation, lang: str = "en") -> str:
    lines = [
        Text(
            "{title} ({roadmap}) — evaluation as of {date}",
            title=ev.title,
            roadmap=ev.roadmap,
            date=ev.as_of.isoformat(),
        ).text_in(lang),
        Text("Completion of due milestones: {share}", share=_pct(ev.completion)).text_in(lang),
    ]
    for g in ev.goals:
        lines.append("")
        lines.append(f"{g.id}: {g.title} — {_pct(g.completion)}")
        for a in g.areas:
            lines.append(f"  {a.id}: {a.title} — {_pct(a.completion)}")
            for ms in a.milestones:
                refs = ", ".join(ms.measures) or (
                    gettext(lang, "no measure") if ms.planned else gettext(lang, "no plan")
                )
                milestone = Text(
                    "{year} milestone: {status} [{refs}]",
                    year=str(ms.year),
                    status=_with_basis(status_label(ms.status, lang), ms.basis, lang),
                    refs=refs,
                )
                lines.append("    " + milestone.text_in(lang))
                for item in ms.uncovered:
                    uncovered = Text("no measure for the milestone item {item}", item=item)
                    lines.append("      " + uncovered.text_in(lang))
            for m in a.measures:
                if m.overdue:
                    onward = f" → {', '.join(m.carried_to)}" if m.carried_to else ""
                    overdue = Text("overdue: {ref} (due {due})", ref=m.ref, due=m.due.isoformat())
                    lines.append("    " + overdue.text_in(lang) + onward)
            for ref in a.unassigned:
                lines.append("    " + Text("no responsible unit: {ref}", ref=ref).text_in(lang))
            for year in a.missing_years:
                missing = Text("no measure in the {year} plan for a due milestone", year=str(year))
                lines.append("    " + missing.text_in(lang))
    lines += _assessment_lines(ev, lang)
    lines += ["", gettext(lang, "Carried over (* in the plans):")]
    lines += [
        "  * "
        + Text(
            "{ref}: {title} — from {year}, carried {times}× ({path})",
            ref=c.ref,
            title=c.title,
            year=str(c.origin_year),
            times=c.times,
            path=" → ".join(c.path),
        ).text_in(lang)
        for c in ev.chains
    ] or ["  " + pgettext(lang, "list", "none")]
    lines += ["", gettext(lang, "Binding targets:")]
    for t in ev.targets:
        lines.append(f"  {t.year} {t.id}: {t.title} — {state_label(t.state, lang)}")
        for mr in t.metrics:
            if mr.latest is None:
                latest = gettext(lang, "no measurement")
            else:  # TRANSLATORS: a measurement that names no report
                report = mr.latest.report or pgettext(lang, "measurement", "entry")
                latest = f"{report} {mr.latest.on.isoformat()}"
            metric = Text(
                "{id}: {state} ({latest}); baseline: {baseline}; target: {target}",
                id=mr.id,
                state=_with_basis(
                    state_label(mr.state, lang),
                    None if mr.latest is None else mr.latest.basis,
                    lang,
                ),
                latest=latest,
                baseline=mr.baseline.describe(lang),
                target=mr.target.describe(lang),
            )
            lines.append("    " + metric.text_in(lang))
    if not ev.targets:
        lines.append("  " + pgettext(lang, "list", "none"))
    if ev.draft is not None:
        n_carried = sum(m.is_carried for m in ev.draft.measures)
        n = len(ev.draft.measures)
        measures = ngettext(lang, "{n} measure", "{n} measures", n).format(n=n)
        draft = Text(
            "Draft plan {year}: {measures}, {carried} carried over (*)",
            year=str(ev.draft.year),
            measures=measures,
            carried=n_carried,
        )
        lines += ["", draft.text_in(lang)]
        if ev.unevaluated:
            lines.append("  " + _unevaluated(ev, lang))
        lines += [
            f"  {'*' if m.is_carried else '-'} {m.action_area}: {m.title}"
            for m in ev.draft.measures
        ]
    lines += ["", ev.report.to_text(_report_lang(lang))]
    return "\n".join(lines)


def _with_basis(words: str, basis: Basis | None, lang: str) -> str:
    """A status in words, marked when it is inferred, not stated by the source."""
    if basis is not Basis.INFERRED:
        return words
    return f"{words} ({label(basis, lang)})"


def _assessment_lines(ev: Evaluation, lang: str) -> list[str]:
    """The plan years' own evaluations: the verdict, then each goal's narrative, as the
    roadmap wrote them."""
    lines: list[str] = []
    for a in ev.assessments:
        head = Text(
            "Evaluation of the {year} plan ({date}): {verdict}",
            year=str(a.year),
            date=a.as_of.isoformat(),
            verdict=a.verdict,
        )
        lines += ["", head.text_in(lang)]
        for g in a.goals:
            lines.append(f"  {g.title} ({g.goal}):")
            lines += [f"    - {s}" for s in g.summary]
    return lines


def _unevaluated(ev: Evaluation, lang: str) -> str:
    n = len(ev.unevaluated)
    year = ev.unevaluated[0].partition("/")[0]
    return ngettext(
        lang,
        "not yet evaluated: {n} measure of the {year} plan has no status, so it is not"
        " carried over",
        "not yet evaluated: {n} measures of the {year} plan have no status, so they are not"
        " carried over",
        n,
    ).format(n=n, year=year)


def _report_lang(lang: str) -> Language:
    return "fi" if lang == "fi" else "sv" if lang == "sv" else "en"


def _render_markdown(ev: Evaluation, lang: str = "en") -> str:
    none = gettext(lang, "None.")
    share = "**" + _pct(ev.completion) + "**"
    out = [
        "# "
        + Text(
            "{title} — evaluation as of {date}", title=_md(ev.title), date=ev.as_of.isoformat()
        ).text_in(lang),
        "",
        Text("Completion of due milestones: {share}", share=share).text_in(lang),
    ]
    area_header = (  # TRANSLATORS: the columns of a roadmap evaluation's table
        pgettext(lang, "roadmap column", "Action area"),
        pgettext(lang, "roadmap column", "Year"),
        pgettext(lang, "roadmap column", "Milestone status"),
        pgettext(lang, "roadmap column", "Measures"),
        pgettext(lang, "roadmap column", "Overdue"),
        pgettext(lang, "roadmap column", "No responsible unit"),
    )
    for g in ev.goals:
        out += ["", f"## {_md(g.title)} ({_md(g.id)}) — {_pct(g.completion)}", ""]
        out += [_md_row(area_header), "|---|---|---|---|---|---|"]
        for a in g.areas:
            rows = a.milestones or ()
            if not rows:
                out.append(f"| {_md(a.title)} | – | – | – | – | – |")
            for ms in rows:
                overdue = [m.ref for m in a.measures if m.overdue and m.year == ms.year]
                unassigned = [m.ref for m in a.measures if not m.responsible and m.year == ms.year]
                measures = ", ".join(_md(x) for x in ms.measures) or (
                    "**" + pgettext(lang, "list", "none") + "**"
                    if ms.year in a.missing_years
                    else "–"
                )
                status = _with_basis(status_label(ms.status, lang), ms.basis, lang)
                if ms.uncovered:
                    status += (
                        " ("
                        + Text("no measure for {items}", items=", ".join(ms.uncovered)).text_in(
                            lang
                        )
                        + ")"
                    )
                out.append(
                    f"| {_md(a.title)} | {ms.year} | {status} | {measures} | "
                    f"{_md(', '.join(overdue)) or '–'} | {_md(', '.join(unassigned)) or '–'} |"
                )
    for assessment in ev.assessments:
        head = Text(
            "Evaluation of the {year} plan ({date}): {verdict}",
            year=str(assessment.year),
            date=assessment.as_of.isoformat(),
            verdict=_md(assessment.verdict),
        )
        out += ["", "## " + head.text_in(lang)]
        for narrative in assessment.goals:
            out += ["", f"**{_md(narrative.title)}** ({_md(narrative.goal)})", ""]
            out += [f"- {_md(s)}" for s in narrative.summary]
    out += ["", "## " + gettext(lang, "Carried over"), ""]
    if ev.chains:
        chain_header = (
            pgettext(lang, "roadmap column", "Measure"),
            pgettext(lang, "roadmap column", "From"),
            pgettext(lang, "roadmap column", "Times"),
            pgettext(lang, "roadmap column", "Path"),
        )
        out += [_md_row(chain_header), "|---|---|---|---|"]
        out += [
            f"| {_md(c.title)} \\* | {c.origin_year} | {c.times} | {_md(' → '.join(c.path))} |"
            for c in ev.chains
        ]
    else:
        out.append(none)
    out += ["", "## " + gettext(lang, "Binding targets"), ""]
    metric_header = (
        pgettext(lang, "roadmap column", "Metric"),
        pgettext(lang, "roadmap column", "Baseline"),
        pgettext(lang, "roadmap column", "Target"),
        pgettext(lang, "roadmap column", "Latest"),
        pgettext(lang, "roadmap column", "State"),
    )
    for t in ev.targets:
        out += [f"### {_md(t.title)} ({t.year}): {state_label(t.state, lang)}", ""]
        out += [_md_row(metric_header), "|---|---|---|---|---|"]
        for m in t.metrics:
            latest = "–" if m.latest is None else f"{m.latest.report} {m.latest.on.isoformat()}"
            out.append(
                f"| {_md(m.title)} | {_md(m.baseline.describe(lang))} "
                f"| {_md(m.target.describe(lang))} "
                f"| {_md(latest.strip())} | {state_label(m.state, lang)} |"
            )
        out.append("")
    if not ev.targets:
        out.append(none)
    if ev.draft is not None:
        draft = Text("Draft plan {year}", year=str(ev.draft.year)).text_in(lang)
        out += ["", "## " + draft, ""]
        if ev.unevaluated:
            out += [_md(_unevaluated(ev, lang)), ""]
        star = " \\*"
        out += [
            f"- {_md(m.title)}{star if m.is_carried else ''} ({_md(m.action_area)})"
            for m in ev.draft.measures
        ]
    out += ["", "## " + gettext(lang, "Findings"), ""]
    report_lang = _report_lang(lang)
    out += [
        f"- **{_severity(f.severity, lang)}** `{f.code}` [{_md(f.rule)}] {_md(f.path)}: "
        f"{_md(f.message(report_lang))}"
        for f in ev.report
    ] or [none]
    return "\n".join(out) + "\n"


def _severity(severity: Severity, lang: str) -> str:
    """The severity as the Markdown report writes it: its value in English, its word
    in Finnish and Swedish."""
    return severity_word(severity, lang) if lang in ("fi", "sv") else severity.value


def _md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_md(c) for c in cells) + " |"
