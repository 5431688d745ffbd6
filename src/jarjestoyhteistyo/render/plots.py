"""Pictures for notebooks and committee papers (optional extra ``jarjestoyhteistyo[plot]``).

* :func:`plot_rotation` — the rotation plan as a timeline of seats over years
  (`FC-13`, `KU-5`);
* :func:`plot_scorecard` — scorecards side by side (`WS-1`, `WS-2`);
* :func:`plot_vacancy_risk` — vacancy risk by term length (`WS-5`).

Each returns a :class:`matplotlib.figure.Figure` and, given ``path`` ending in
``.png`` or ``.svg``, also saves it there. Figures are drawn on the Agg canvas
directly (no ``pyplot``, no global backend switch), so they work in scripts, CI and
Jupyter alike. matplotlib is imported inside each function: ``import
jarjestoyhteistyo.render.plots`` works without it, and a call without it raises an
:class:`ImportError` that names the extra.

>>> import importlib.util
>>> import jarjestoyhteistyo as jy
>>> from jarjestoyhteistyo.analysis.scorecard import scorecard
>>> if importlib.util.find_spec("matplotlib") is not None:
...     fig = plot_scorecard(scorecard(jy.load_preset("keski-uusimaa")))
...     print(len(fig.axes))
... else:
...     print(1)
1
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from jarjestoyhteistyo.analysis.metrics import skeleton_composition
from jarjestoyhteistyo.analysis.scorecard import Scorecard
from jarjestoyhteistyo.analysis.simulate import AttritionResult
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.errors import MissingDependencyError, RenderError
from jarjestoyhteistyo.model.composition import Composition, SeatKind
from jarjestoyhteistyo.model.rulesets import RuleSet

__all__ = ["SAVE_FORMATS", "plot_rotation", "plot_scorecard", "plot_vacancy_risk"]

#: File suffixes :func:`plot_rotation` and the others can save to.
SAVE_FORMATS = frozenset({".png", ".svg"})

_COLOURS = ("#1b6ca8", "#e07b39", "#3a9d5d", "#8e5ea2", "#c0392b", "#7f8c8d")


def _figure(width: float, height: float) -> Any:
    """A new Agg figure; :class:`ImportError` naming the extra without matplotlib."""
    try:
        figure = importlib.import_module("matplotlib.figure")
        agg = importlib.import_module("matplotlib.backends.backend_agg")
    except ImportError as exc:
        raise MissingDependencyError(
            "plotting needs matplotlib: pip install 'jarjestoyhteistyo[plot]'"
        ) from exc
    fig = figure.Figure(figsize=(width, height), layout="constrained")
    agg.FigureCanvasAgg(fig)
    return fig


def _check_path(path: str | Path | None) -> Path | None:
    if path is None:
        return None
    target = Path(path)
    if target.suffix.lower() not in SAVE_FORMATS:
        raise RenderError(f"save as .png or .svg, not {target.suffix or 'no suffix'!r}")
    return target


def _save(fig: Any, target: Path | None) -> Any:
    if target is not None:
        fig.savefig(target, format=target.suffix.lower().lstrip("."))
    return fig


def plot_rotation(
    rules: RuleSet,
    composition: Composition | None = None,
    *,
    start: date | None = None,
    years: int = 8,
    path: str | Path | None = None,
) -> Any:
    """The rotation plan as a timeline: one row per member seat, one bar per tenure.

    Bars are coloured by cohort (`FC-13`: half change each term; `KU-5`: one of each
    pair at a time); without a composition the
    :func:`~jarjestoyhteistyo.analysis.metrics.skeleton_composition` is planned from
    ``start`` (default 1 June 2025). An agreed term (`OF-8`) has no plan
    (:class:`~jarjestoyhteistyo.errors.RotationError`).
    """
    target = _check_path(path)
    comp = composition if composition is not None else skeleton_composition(rules)
    begin = start or comp.as_of or date(2025, 6, 1)
    plan = rotation_plan(rules, comp, start=begin, years=years)
    members = {s.id for s in comp.seats_of(SeatKind.MEMBER)}
    seats = sorted({t.seat for t in plan.tenures if t.seat in members})
    fig = _figure(10, max(2.5, 0.28 * len(seats) + 1.5))
    dates = importlib.import_module("matplotlib.dates")
    ax = fig.add_subplot()
    row = {seat: i for i, seat in enumerate(seats)}
    for t in plan.tenures:
        if t.seat not in row:
            continue
        left = dates.date2num(t.start)
        width = dates.date2num(t.end) + 1 - left
        ax.broken_barh(
            [(left, width)],
            (row[t.seat] - 0.4, 0.8),
            facecolors=_COLOURS[t.cohort % len(_COLOURS)],
            edgecolor="white",
        )
    for change in plan.changeovers:
        ax.axvline(dates.date2num(change.date), color="#555555", linewidth=0.6, linestyle=":")
    ax.set_yticks(range(len(seats)), labels=seats, fontsize=7)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set_xlabel("date")
    ax.set_title(
        f"{rules.name}: rotation plan ({plan.term_months}-month term, {plan.cohorts} cohort(s))"
    )
    return _save(fig, target)


def plot_scorecard(*cards: Scorecard, path: str | Path | None = None) -> Any:
    """Scorecards side by side: one bar per criterion and structure (0 weak … 1 good);
    the legend gives each structure's weighted total (`WS-1`, `WS-2`)."""
    if not cards:
        raise RenderError("plot_scorecard() needs at least one scorecard")
    target = _check_path(path)
    labels = [line.label for line in cards[0].lines]
    fig = _figure(9, 0.3 * len(labels) * max(1, len(cards)) ** 0.5 + 2.0)
    ax = fig.add_subplot()
    height = 0.8 / len(cards)
    for k, card in enumerate(cards):
        ys = [i + (k - (len(cards) - 1) / 2) * height for i in range(len(card.lines))]
        ax.barh(
            ys,
            [line.verdict for line in card.lines],
            height=height,
            color=_COLOURS[k % len(_COLOURS)],
            label=f"{card.name} (total {card.total:.2f})",
        )
    ax.set_yticks(range(len(labels)), labels=labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.5, 1], labels=["weak", "partial", "good"])
    ax.set_title("Scorecard against the workshops' criteria (WS-1, WS-2)")
    fig.legend(loc="outside lower center", fontsize=8)
    return _save(fig, target)


def plot_vacancy_risk(
    results: Mapping[str, Sequence[AttritionResult]] | Sequence[AttritionResult],
    *,
    path: str | Path | None = None,
) -> Any:
    """Vacancy risk by term length (`WS-5`): the probability that a seat is vacant
    at some point, and the expected vacant seat-months, per term length.

    ``results`` is a sequence from :func:`~jarjestoyhteistyo.analysis.simulate.compare_terms`,
    or a mapping from a structure's label to such a sequence.
    """
    target = _check_path(path)
    groups: Mapping[str, Sequence[AttritionResult]] = (
        results if isinstance(results, Mapping) else {"": results}
    )
    terms = sorted({r.term_months or 0 for rs in groups.values() for r in rs})
    fig = _figure(10, 4)
    left, right = fig.subplots(1, 2)
    width = 0.8 / max(1, len(groups))
    for k, (label, rs) in enumerate(groups.items()):
        by_term = {r.term_months or 0: r for r in rs}
        xs = [i + (k - (len(groups) - 1) / 2) * width for i in range(len(terms))]
        colour = _COLOURS[k % len(_COLOURS)]
        left.bar(
            xs,
            [by_term[t].p_seat_vacant if t in by_term else 0.0 for t in terms],
            width=width,
            color=colour,
            label=label or None,
        )
        right.bar(
            xs,
            [by_term[t].expected_vacant_seat_months if t in by_term else 0.0 for t in terms],
            width=width,
            color=colour,
            label=label or None,
        )
    names = [f"{t} months" if t else "agreed" for t in terms]
    for ax, title in (
        (left, "probability a seat is vacant at some point"),
        (right, "expected vacant seat-months"),
    ):
        ax.set_xticks(range(len(terms)), labels=names)
        ax.set_xlabel("term length")
        ax.set_title(title, fontsize=10)
    if any(groups):
        left.legend(fontsize=8)
    some = next((r for rs in groups.values() for r in rs), None)
    if some is not None:
        refill = (
            "no mid-term refill"
            if some.refill_months is None
            else (f"refill after {some.refill_months} months")
        )
        fig.suptitle(f"Vacancy risk over {some.months} months ({refill}; WS-5)")
    return _save(fig, target)
