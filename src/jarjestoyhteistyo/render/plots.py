"""Pictures for notebooks and committee papers (optional extra ``jarjestoyhteistyo[plot]``).

* :func:`plot_rotation` — the rotation plan as a timeline of seats over years
  (`FC-13`, `KU-5`);
* :func:`plot_scorecard` — scorecards side by side (`WS-1`, `WS-2`);
* :func:`plot_vacancy_risk` — vacancy risk by term length (`WS-5`).

Each returns a :class:`matplotlib.figure.Figure` and, given ``path`` ending in
``.png`` or ``.svg``, also saves it there. Each has a legend below its axes, and each
takes ``lang="fi"``, ``"sv"`` or ``"en"`` (the default): its titles, axis labels,
tick labels and legend are in that language — the body's name by
:meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.name_in`, the scorecard's
criteria and verdicts in words, numbers with the decimal comma of Finnish and Swedish,
dates as numbers (``2027``, ``7/2026``); seat ids and the names a caller gives are
shown as written. Figures are drawn on the Agg canvas
directly (no ``pyplot``, no global backend switch), so they work in scripts, CI and
Jupyter alike. matplotlib is imported inside each function: ``import
jarjestoyhteistyo.render.plots`` works without it, and a call without it raises an
:class:`ImportError` that names the extra.

>>> import importlib.util
>>> import jarjestoyhteistyo as jy
>>> from jarjestoyhteistyo.analysis.scorecard import scorecard
>>> if importlib.util.find_spec("matplotlib") is not None:
...     fig = plot_scorecard(scorecard(jy.load_preset("keski-uusimaa")))
...     print(len(fig.axes), fig.axes[0].get_xticklabels()[0].get_text())
...     fig = plot_scorecard(jy.load_preset("keski-uusimaa"), lang="fi")
...     print(fig.axes[0].get_xticklabels()[0].get_text())
... else:
...     print(1, "weak")
...     print("heikko")
1 weak
heikko
"""

from __future__ import annotations

import importlib
import io
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jarjestoyhteistyo.analysis.metrics import skeleton_composition
from jarjestoyhteistyo.analysis.scorecard import Scorecard, ScoreLine, criterion_label, scorecard
from jarjestoyhteistyo.analysis.simulate import AttritionResult
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.errors import MissingDependencyError, RenderError
from jarjestoyhteistyo.i18n import Lang, ngettext, pgettext
from jarjestoyhteistyo.model.composition import Composition, SeatKind
from jarjestoyhteistyo.model.rulesets import RuleSet, TermMode
from jarjestoyhteistyo.model.vocabulary import label as vocabulary_label
from jarjestoyhteistyo.model.vocabulary import term

if TYPE_CHECKING:  # matplotlib's own hints; imported at run time only when drawing
    from matplotlib.figure import Figure

__all__ = ["SAVE_FORMATS", "plot_rotation", "plot_scorecard", "plot_vacancy_risk"]

#: File suffixes :func:`plot_rotation` and the others can save to.
SAVE_FORMATS = frozenset({".png", ".svg"})

_COLOURS = ("#1b6ca8", "#e07b39", "#3a9d5d", "#8e5ea2", "#c0392b", "#7f8c8d")


#: The figure class of this run (made on the first drawing, matplotlib being optional).
_SHOWN: list[type[Figure]] = []


def _shown_figure_class(figure: Any) -> type[Figure]:
    """A :class:`matplotlib.figure.Figure` that a notebook shows as a picture when it is
    a cell's last value, with no ``%matplotlib inline``: IPython asks it for
    ``_repr_png_`` (a figure made without ``pyplot`` has no formatter otherwise, and
    showed as ``<Figure size 900x470 with 1 Axes>``). With pyplot's inline backend
    active, IPython's own formatter for figures draws it instead: one picture either
    way. It pickles (and deep-copies) as a figure does: the class is made inside this
    function, so a pickle names :func:`_unpickled`, which makes it again."""
    if not _SHOWN:

        class ShownFigure(figure.Figure):  # type: ignore[misc]
            """A figure with its PNG for IPython's display."""

            def _repr_png_(self) -> bytes:
                buffer = io.BytesIO()
                self.savefig(buffer, format="png")
                return buffer.getvalue()

            def __reduce__(self) -> tuple[Any, ...]:
                return (_unpickled, (), self.__getstate__())

        _SHOWN.append(ShownFigure)
    return _SHOWN[0]


def _unpickled() -> Figure:
    """An empty figure of the class :func:`_figure` makes, for a pickled one to be
    restored on (its ``__setstate__`` puts the pickled state back)."""
    shown = _shown_figure_class(importlib.import_module("matplotlib.figure"))
    return shown.__new__(shown)


def _figure(width: float, height: float) -> Figure:
    """A new Agg figure; :class:`ImportError` naming the extra without matplotlib."""
    try:
        figure = importlib.import_module("matplotlib.figure")
        agg = importlib.import_module("matplotlib.backends.backend_agg")
    except ImportError as exc:
        raise MissingDependencyError(
            "plotting needs matplotlib: pip install 'jarjestoyhteistyo[plot]'"
        ) from exc
    fig = _shown_figure_class(figure)(figsize=(width, height), layout="constrained")
    agg.FigureCanvasAgg(fig)
    return fig


def _check_path(path: str | Path | None) -> Path | None:
    if path is None:
        return None
    target = Path(path)
    if target.suffix.lower() not in SAVE_FORMATS:
        raise RenderError(f"save as .png or .svg, not {target.suffix or 'no suffix'!r}")
    return target


def _save(fig: Figure, target: Path | None) -> Figure:
    if target is not None:
        fig.savefig(target, format=target.suffix.lower().lstrip("."))
    return fig


def _wrapped(title: str, width: int = 80) -> str:
    """A title in lines of at most ``width`` characters, to stay within the figure."""
    return "\n".join(textwrap.wrap(title, width=width, break_on_hyphens=False)) or title


def _legend(fig: Any, handles: Sequence[Any] | None = None, *, columns: int = 4) -> None:
    """The figure's legend below the axes (every plot has one)."""
    if handles is None:
        handles = [h for ax in fig.axes for h in ax.get_legend_handles_labels()[0]]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=max(1, min(columns, len(handles))),
        fontsize=8,
        frameon=False,
    )


def _date_axis(ax: Any, first: date, last: date) -> None:
    """Year ticks (``2027``), or month/year ticks (``7/2026``) on a short span: no
    month names, which read the same in every language only as numbers."""
    dates = importlib.import_module("matplotlib.dates")
    ticker = importlib.import_module("matplotlib.ticker")
    ax.xaxis_date()
    span = (last - first).days / 365.25
    if span >= 3:
        ax.xaxis.set_major_locator(dates.YearLocator(base=max(1, round(span / 10))))
        ax.xaxis.set_major_formatter(dates.DateFormatter("%Y"))
        return
    ax.xaxis.set_major_locator(dates.MonthLocator(bymonth=(1, 7) if span > 1.5 else (1, 4, 7, 10)))

    def month_year(x: float, _pos: int | None = None) -> str:
        day = dates.num2date(x)
        return f"{day.month}/{day.year}"

    ax.xaxis.set_major_formatter(ticker.FuncFormatter(month_year))


def plot_rotation(
    rules: RuleSet,
    composition: Composition | None = None,
    *,
    start: date | None = None,
    years: int = 8,
    path: str | Path | None = None,
    lang: Lang = "en",
) -> Figure:
    """The rotation plan as a timeline: one row per member seat, one bar per tenure.

    Bars are coloured by cohort (`FC-13`: half change each term; `KU-5`: one of each
    pair at a time), and the legend names each cohort and its seats' number and the
    changeovers (dotted lines); without a composition the
    :func:`~jarjestoyhteistyo.analysis.metrics.skeleton_composition` is planned from
    ``start`` (default 1 June 2025). An agreed term (`OF-8`) has no plan
    (:class:`~jarjestoyhteistyo.errors.RotationError`). The title (the body's name
    by :meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.name_in`), the axes and
    the legend are in ``lang``; the seats are their ids.
    """
    target = _check_path(path)
    comp = composition if composition is not None else skeleton_composition(rules)
    begin = start or comp.as_of or date(2025, 6, 1)
    plan = rotation_plan(rules, comp, start=begin, years=years)
    members = {s.id for s in comp.seats_of(SeatKind.MEMBER)}
    seats = sorted({t.seat for t in plan.tenures if t.seat in members})
    fig = _figure(10, max(2.5, 0.28 * len(seats) + 2.0))
    dates = importlib.import_module("matplotlib.dates")
    patches = importlib.import_module("matplotlib.patches")
    lines = importlib.import_module("matplotlib.lines")
    ax = fig.add_subplot()
    row = {seat: i for i, seat in enumerate(seats)}
    cohort_seats: dict[int, set[str]] = {}
    for t in plan.tenures:
        if t.seat not in row:
            continue
        cohort_seats.setdefault(t.cohort, set()).add(t.seat)
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
    if plan.tenures:
        _date_axis(ax, min(t.start for t in plan.tenures), max(t.end for t in plan.tenures))
    ax.set_xlabel(pgettext(lang, "plot", "date"))
    ax.set_ylabel(term("seat").text_in(lang))
    cohorts = ngettext(lang, "{n} cohort", "{n} cohorts", plan.cohorts).format(n=plan.cohorts)
    title = pgettext(lang, "plot", "{name}: rotation plan ({months}-month term, {cohorts})")
    ax.set_title(
        _wrapped(title.format(name=rules.name_in(lang), months=plan.term_months, cohorts=cohorts))
    )
    handles: list[Any] = [
        patches.Patch(
            facecolor=_COLOURS[cohort % len(_COLOURS)],
            label=ngettext(
                lang, "cohort {cohort}: {n} seat", "cohort {cohort}: {n} seats", len(held)
            ).format(cohort=cohort + 1, n=len(held)),
        )
        for cohort, held in sorted(cohort_seats.items())
    ]
    handles.append(
        lines.Line2D(
            [],
            [],
            color="#555555",
            linewidth=0.6,
            linestyle=":",
            label=pgettext(lang, "plot", "changeover"),
        )
    )
    _legend(fig, handles)
    return _save(fig, target)


def _line_label(line: ScoreLine, lang: str) -> str:
    """A line's criterion in ``lang``: the library's own criterion in words, one of a
    caller's own as labelled."""
    if line.label == criterion_label(line.criterion):  # the library's own criterion
        return criterion_label(line.criterion, lang)
    return line.label


def _decimal(text: str, lang: str) -> str:
    """A number's text with the decimal comma of Finnish and Swedish."""
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def _decimal_axis(axis: Any, lang: str) -> None:
    """Decimal commas on a Finnish or Swedish axis of fractions (``0,25``)."""
    if lang in ("fi", "sv"):
        ticker = importlib.import_module("matplotlib.ticker")
        axis.set_major_formatter(ticker.FuncFormatter(lambda x, _pos: _decimal(f"{x:g}", lang)))


def plot_scorecard(
    *cards: Scorecard | RuleSet, path: str | Path | None = None, lang: Lang = "en"
) -> Figure:
    """Scorecards side by side: one bar per criterion and structure (0 weak … 1 good);
    the legend gives each structure's weighted total (`WS-1`, `WS-2`).

    A card is a :class:`~jarjestoyhteistyo.analysis.scorecard.Scorecard`, named in the
    legend as it names itself, or a rule set, scored with the default weights and
    named by :meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.name_in`. The
    criteria, the verdicts, the title and the legend are in ``lang``.
    """
    if not cards:
        raise RenderError("plot_scorecard() needs at least one scorecard")
    target = _check_path(path)
    named = [
        (card.name, card) if isinstance(card, Scorecard) else (card.name_in(lang), scorecard(card))
        for card in cards
    ]
    labels = [_line_label(line, lang) for line in named[0][1].lines]
    fig = _figure(9, 0.3 * len(labels) * max(1, len(named)) ** 0.5 + 2.3)
    ax = fig.add_subplot()
    height = 0.8 / len(named)
    total = pgettext(lang, "plot", "{name} (total {total})")
    for k, (name, card) in enumerate(named):
        ys = [i + (k - (len(named) - 1) / 2) * height for i in range(len(card.lines))]
        ax.barh(
            ys,
            [line.verdict for line in card.lines],
            height=height,
            color=_COLOURS[k % len(_COLOURS)],
            label=total.format(name=name, total=_decimal(f"{card.total:.2f}", lang)),
        )
    ax.set_yticks(range(len(labels)), labels=labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xticks(
        [0, 0.5, 1],
        labels=[
            pgettext(lang, "verdict", "weak"),
            pgettext(lang, "verdict", "partial"),
            pgettext(lang, "verdict", "good"),
        ],
    )
    title = pgettext(lang, "plot", "Scorecard against the workshops' criteria (WS-1, WS-2)")
    ax.set_title(_wrapped(title, 70))
    _legend(fig, columns=2)
    return _save(fig, target)


def plot_vacancy_risk(
    results: Mapping[str, Sequence[AttritionResult]] | Sequence[AttritionResult],
    *,
    path: str | Path | None = None,
    lang: Lang = "en",
) -> Figure:
    """Vacancy risk by term length (`WS-5`): the probability that a seat is vacant
    at some point, and the expected vacant seat-months, per term length.

    ``results`` is a sequence from :func:`~jarjestoyhteistyo.analysis.simulate.compare_terms`,
    or a mapping from a structure's label to such a sequence. The legend names each
    structure by its label (a sequence by its number of seats); the titles, the axes
    and the term lengths are in ``lang``.
    """
    target = _check_path(path)
    groups: Mapping[str, Sequence[AttritionResult]] = (
        results if isinstance(results, Mapping) else {"": results}
    )
    terms = sorted({r.term_months or 0 for rs in groups.values() for r in rs})
    fig = _figure(10, 4.3)
    left, right = fig.subplots(1, 2)
    width = 0.8 / max(1, len(groups))
    for k, (label, rs) in enumerate(groups.items()):
        by_term = {r.term_months or 0: r for r in rs}
        xs = [i + (k - (len(groups) - 1) / 2) * width for i in range(len(terms))]
        colour = _COLOURS[k % len(_COLOURS)]
        if not label:
            n = max((len(r.seats) for r in rs), default=0)
            label = ngettext(lang, "structure with {n} seat", "structure with {n} seats", n).format(
                n=n
            )
        left.bar(
            xs,
            [by_term[t].p_seat_vacant if t in by_term else 0.0 for t in terms],
            width=width,
            color=colour,
            label=label,
        )
        right.bar(
            xs,
            [by_term[t].expected_vacant_seat_months if t in by_term else 0.0 for t in terms],
            width=width,
            color=colour,
        )
    names = [
        ngettext(lang, "{n} month", "{n} months", t).format(n=t)
        if t
        else vocabulary_label(TermMode.AGREED, lang)
        for t in terms
    ]
    for ax, title in (
        (left, pgettext(lang, "plot", "probability a seat is vacant at some point")),
        (right, pgettext(lang, "plot", "expected vacant seat-months")),
    ):
        ax.set_xticks(range(len(terms)), labels=names)
        ax.set_xlabel(pgettext(lang, "plot", "term length"))
        ax.set_title(_wrapped(title, 55), fontsize=10)
        _decimal_axis(ax.yaxis, lang)
    _legend(fig)
    some = next((r for rs in groups.values() for r in rs), None)
    if some is not None:
        if some.refill_months is None:
            refill = pgettext(lang, "plot", "no mid-term refill")
        else:
            refill = ngettext(
                lang, "refill after {n} month", "refill after {n} months", some.refill_months
            ).format(n=some.refill_months)
        title = pgettext(lang, "plot", "Vacancy risk over {months} months ({refill}; WS-5)")
        fig.suptitle(_wrapped(title.format(months=some.months, refill=refill)))
    return _save(fig, target)
