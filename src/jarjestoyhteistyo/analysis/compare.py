"""Compare structures side by side: metrics, a transparent scorecard and one table.

Three layers, each pure and each built on the one before:

* :func:`~jarjestoyhteistyo.analysis.metrics.metrics` — the facts of one structure,
  each with a definition and a unit in
  :data:`~jarjestoyhteistyo.analysis.metrics.METRIC_DEFINITIONS` (seats, deputies, who
  can join, the link to decision-making, meetings, person-hours, fee cost, term,
  continuity, SWOT as data; `FC-17`, `OF-11`, `KU-12`), in
  :mod:`jarjestoyhteistyo.analysis.metrics`.
* :func:`~jarjestoyhteistyo.analysis.scorecard.scorecard` — the structure against
  what the NGOs asked for in the workshops (`WS-1`, `WS-2`, `WS-4`, `WS-5`, `KU-9`):
  each line names the criterion, the facts it looked at, the verdict (1 good, 0.5
  partial, 0 weak) and why. The weights are data
  (:data:`~jarjestoyhteistyo.analysis.scorecard.DEFAULT_WEIGHTS`); the total is their
  weighted mean. In :mod:`jarjestoyhteistyo.analysis.scorecard`.
* :func:`compare` — a :class:`ComparisonTable` of several structures with
  ``to_records()``, ``to_markdown()``, ``to_text()``, ``to_json()``,
  ``_repr_html_()`` (Jupyter) and ``to_dataframe()`` (needs the ``pandas`` extra).

This module re-exports the names of the other two, so ``from
jarjestoyhteistyo.analysis.compare import metrics, scorecard`` works as before.
Nothing here imports pandas or matplotlib at import time.

>>> import jarjestoyhteistyo as jy
>>> m = metrics(jy.load_preset("vantaa-kerava-formal"))
>>> m.ngo_seats, m.deputy_seats, m.headcount, m.continuity
(16, 16, 18, 0.5)
>>> card = scorecard(jy.load_preset("keski-uusimaa"))
>>> [(line.criterion, line.verdict) for line in card.lines][:3]
[('decision_link', 0.5), ('openness', 1.0), ('equality', 0.5)]
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

import attrs

from jarjestoyhteistyo.analysis.metrics import (
    METRIC_DEFINITIONS,
    METRIC_LABELS,
    NGO_SOURCES,
    Metrics,
    Value,
    _SwotWords,
    format_value,
    metric_label,
    metrics,
    shown_value,
    skeleton_composition,
    unit_label,
)
from jarjestoyhteistyo.analysis.scorecard import (
    AGILE_MAX_SIZE,
    CRITERIA,
    DEFAULT_WEIGHTS,
    RESULT_STEMS,
    Scorecard,
    ScoreCriterion,
    ScoreLine,
    criterion_label,
    scorecard,
)
from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import ComparisonError, NotFoundError
from jarjestoyhteistyo.i18n import (
    Lang,
    Term,
    Text,
    Translatable,
    gettext,
    pgettext,
)
from jarjestoyhteistyo.io.tables import dataframe, html_page, html_table, markdown_table
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.rulesets import RuleSet

__all__ = [
    "AGILE_MAX_SIZE",
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "METRIC_DEFINITIONS",
    "METRIC_LABELS",
    "NGO_SOURCES",
    "RESULT_STEMS",
    "ComparisonRow",
    "ComparisonTable",
    "Metrics",
    "ScoreCriterion",
    "ScoreLine",
    "Scorecard",
    "Value",
    "compare",
    "criterion_label",
    "format_value",
    "metric_label",
    "metrics",
    "scorecard",
    "shown_value",
    "skeleton_composition",
    "unit_label",
]


@attrs.frozen(kw_only=True)
class ComparisonRow:
    """One row of a :class:`ComparisonTable`: a metric or a score, one value per structure.

    ``words`` are values a reader sees in words of their own in each language (a rule
    set's name, a SWOT), by column; ``None`` where :func:`shown_value` shows the value.
    """

    metric: str
    unit: str
    definition: str
    values: tuple[Value, ...]
    words: tuple[Translatable | None, ...] = attrs.field(default=(), eq=False)

    def label_in(self, lang: str) -> str:
        """The row's first column in ``lang``: the metric id in English (what programs
        read), the metric or the score in words in Finnish and Swedish."""
        if lang not in ("fi", "sv") or not self.metric.startswith("score:"):
            return metric_label(self.metric, lang)
        criterion = self.metric.removeprefix("score:")
        if criterion == "total":
            return Text("score: weighted total").text_in(lang)
        return Text("score: {criterion}", criterion=criterion_label(criterion, lang)).text_in(lang)

    def cells_in(self, lang: str) -> tuple[str, ...]:
        """The row as text in ``lang``: its label, its unit and one cell per structure."""
        shown = [
            word.text_in(lang)
            if lang in ("fi", "sv") and i < len(self.words) and (word := self.words[i]) is not None
            else shown_value(self.metric, v, lang)
            for i, v in enumerate(self.values)
        ]
        return (self.label_in(lang), unit_label(self.unit, lang), *shown)


_SCHEMA = "jarjestoyhteistyo.analysis.compare/1"


@attrs.frozen(kw_only=True)
class ComparisonTable:
    """Structures side by side: one column per structure, one row per metric or score.

    Rows are the metrics of :data:`METRIC_DEFINITIONS`, then one ``score:<criterion>``
    row per scorecard criterion and ``score:total``.
    """

    labels: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]
    #: The columns' headings in each language: the rule sets' names
    #: (:meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.name_in`) when the labels
    #: are those names, else the labels as given; empty: the labels.
    headings: tuple[Term, ...] = attrs.field(default=(), eq=False)

    def header_in(self, lang: str) -> tuple[str, ...]:
        """The header row in ``lang``: metric, unit and one heading per structure."""
        labels = (
            [h.text_in(lang) for h in self.headings]
            if len(self.headings) == len(self.labels)
            else list(self.labels)
        )
        if lang not in ("fi", "sv"):
            return ("metric", "unit", *labels)
        return (  # TRANSLATORS: the first two columns of a comparison of structures
            pgettext(lang, "comparison column", "metric"),
            pgettext(lang, "comparison column", "unit"),
            *labels,
        )

    def row(self, metric: str) -> ComparisonRow:
        """The row of one metric.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for r in self.rows:
            if r.metric == metric:
                return r
        raise NotFoundError(metric)

    def to_records(self) -> list[dict[str, Value]]:
        """One dict per row: ``metric``, ``unit`` and one key per structure label.

        >>> import jarjestoyhteistyo as jy
        >>> t = compare(jy.load_preset("vake"), jy.load_preset("ku"), labels=("VK", "KU"))
        >>> t.to_records()[2]
        {'metric': 'ngo_seats', 'unit': 'seats', 'VK': 16, 'KU': 10}
        """
        out: list[dict[str, Value]] = []
        for r in self.rows:
            record: dict[str, Value] = {"metric": r.metric, "unit": r.unit}
            record.update(zip(self.labels, r.values, strict=True))
            out.append(record)
        return out

    def to_markdown(self, *, lang: Lang = "en") -> str:
        """A Markdown table (for a committee paper or a notebook), in ``lang``.

        English shows the metric ids and codes programs read; Finnish and Swedish the
        metrics, units, codes and the rule sets' names in words.

        >>> import jarjestoyhteistyo as jy
        >>> t = compare(jy.load_preset("vake"), jy.load_preset("ku"))
        >>> print(t.to_markdown(lang="fi").splitlines()[4])
        | järjestöjen jäsenpaikat | paikkaa | 16 | 10 |
        """
        return markdown_table(self.header_in(lang), (r.cells_in(lang) for r in self.rows))

    def to_text(self, *, lang: Lang = "en") -> str:
        """Plain aligned columns for a terminal, in ``lang`` (see :meth:`to_markdown`)."""
        header = self.header_in(lang)
        body = [r.cells_in(lang) for r in self.rows]
        widths = [min(48, max(len(row[i]) for row in (header, *body))) for i in range(len(header))]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(
                (c if len(c) <= w else c[: w - 1] + "…").ljust(w)
                for c, w in zip(cells, widths, strict=True)
            ).rstrip()

        return "\n".join([line(header), *(line(row) for row in body)])

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON with a stable schema: ``schema``, ``labels`` and ``rows`` (each with
        ``metric``, ``unit``, ``definition`` and ``values`` in label order).

        >>> import json, jarjestoyhteistyo as jy
        >>> data = json.loads(compare(jy.load_preset("ku")).to_json())
        >>> data["schema"], data["labels"], data["rows"][0]["metric"]
        ('jarjestoyhteistyo.analysis.compare/1', ['NGO council fed by theme networks'], 'name')
        """
        data = {
            "schema": _SCHEMA,
            "labels": list(self.labels),
            "rows": [
                {
                    "metric": r.metric,
                    "unit": r.unit,
                    "definition": r.definition,
                    "values": list(r.values),
                }
                for r in self.rows
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=indent)

    def _repr_html_(self, *, lang: Lang | None = None) -> str:
        """An HTML table (Jupyter), in ``lang`` (see :meth:`to_markdown`; by default the
        display language, :func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        rows = [r.cells_in(lang) for r in self.rows]
        caption = pgettext(lang, "comparison", "Comparison of structures")
        return html_table(caption, self.header_in(lang), rows)

    def to_html(self, *, lang: Lang = "en") -> str:
        """A whole HTML page of the table in ``lang``: charset, title, the table and
        what an empty cell means (``compare --format html``).

        >>> import jarjestoyhteistyo as jy
        >>> page = compare(jy.load_preset("vake"), jy.load_preset("ku")).to_html(lang="fi")
        >>> "<title>Rakenteiden vertailu</title>" in page, 'lang="fi"' in page
        (True, True)
        """
        title = pgettext(lang, "comparison", "Comparison of structures")
        empty = gettext(
            lang,
            "— : not stated in the rule set, or not known (the fee cost of a body that pays"
            " fees, without a fee per meeting given)",
        )
        return html_page(title, self._repr_html_(lang=lang), lang=lang, notes=[empty])

    def to_dataframe(self, orient: Literal["structures", "metrics"] = "structures") -> Any:
        """A ``pandas.DataFrame`` (needs the ``pandas`` extra).

        ``"structures"`` (the default) is tidy: one row per structure, indexed by its
        label, one typed column per metric and score (pandas' nullable dtypes: a count
        is ``Int64``, a share ``Float64``, a name ``string``; a value the rule set does
        not state is ``<NA>``) — ready for ``groupby``, sorting and plotting.
        ``"metrics"`` is the table as it reads: one row per metric, a ``unit`` column
        and one column per structure (object columns, as each mixes metrics).
        """
        caller = "ComparisonTable.to_dataframe()"
        if orient == "metrics":
            return dataframe(
                self.to_records(), ("metric", "unit", *self.labels), caller=caller, index="metric"
            )
        metrics = tuple(r.metric for r in self.rows)
        records = [
            {"structure": label, **{r.metric: r.values[i] for r in self.rows}}
            for i, label in enumerate(self.labels)
        ]
        frame = dataframe(records, ("structure", *metrics), caller=caller, index="structure")
        return frame.astype({r.metric: _dtype(r.values) for r in self.rows})


def _dtype(values: Sequence[Value]) -> str:
    """pandas' nullable dtype for one metric's values: ``boolean``, ``Int64`` (counts),
    ``Float64`` (shares and scores, even when every one is whole), ``string``; else
    ``object``."""
    known = [v for v in values if v is not None]
    if known and all(isinstance(v, bool) for v in known):
        return "boolean"
    if known and all(isinstance(v, int) and not isinstance(v, bool) for v in known):
        return "Int64"
    if known and all(isinstance(v, int | float) and not isinstance(v, bool) for v in known):
        return "Float64"
    if known and all(isinstance(v, str) for v in known):
        return "string"
    return "object"


Structure: TypeAlias = RuleSet | tuple[RuleSet, Composition]
"""A rule set, or a rule set with the composition to measure."""


def compare(
    *structures: Structure,
    labels: Sequence[str] | None = None,
    fee_per_meeting: float | None = None,
    weights: Mapping[str, float] | None = None,
) -> ComparisonTable:
    """Compare structures side by side: metrics, then scorecard lines and the total.

    Each structure is a rule set or a ``(rule set, composition)`` pair. ``labels``
    name the columns (default: the rule sets' names, numbered when they clash).

    >>> import jarjestoyhteistyo as jy
    >>> names = ("vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa")
    >>> table = compare(*(jy.load_preset(n) for n in names), labels=("formal", "forum", "KU"))
    >>> table.row("ngo_seats").values, table.row("deputy_seats").values
    ((16, 20, 10), (16, None, 0))
    >>> print(table.to_markdown().splitlines()[0])
    | metric | unit | formal | forum | KU |
    """
    if not structures:
        raise ComparisonError(Text("compare() needs at least one structure"))
    pairs: list[tuple[RuleSet, Composition | None]] = []
    for s in structures:
        if isinstance(s, tuple):
            pairs.append((s[0], s[1]))
        else:
            pairs.append((s, None))
    headings: list[Term] | None = None
    if labels is None:
        names = [r.name for r, _ in pairs]
        labels = [n if names.count(n) == 1 else f"{n} ({i + 1})" for i, n in enumerate(names)]
        headings = [_heading(label, r) for label, (r, _) in zip(labels, pairs, strict=True)]
    if len(labels) != len(pairs):
        raise ComparisonError(
            Text(
                "{labels} label(s) for {structures} structure(s): give one label for each",
                labels=len(labels),
                structures=len(pairs),
            )
        )
    if len(set(labels)) != len(labels):
        raise ComparisonError(
            Text("the labels must differ from each other: {labels}", labels=", ".join(labels))
        )
    measured = [metrics(r, c, fee_per_meeting=fee_per_meeting).values() for r, c in pairs]
    cards = [scorecard(r, weights=weights) for r, _ in pairs]
    words: dict[str, tuple[Translatable | None, ...]] = {
        "name": tuple(r.title for r, _ in pairs),
        "swot": tuple(_SwotWords(r.swot) for r, _ in pairs),
    }
    rows = [
        ComparisonRow(
            metric=name,
            unit=unit,
            definition=definition,
            values=tuple(m[name] for m in measured),
            words=words.get(name, ()),
        )
        for name, unit, definition in METRIC_DEFINITIONS
    ]
    for i, c in enumerate(CRITERIA):
        rows.append(
            ComparisonRow(
                metric=f"score:{c.id}",
                unit="0–1",
                definition=f"Scorecard verdict on {c.label} ({', '.join(c.rules)}): "
                "1 good, 0.5 partial, 0 weak.",
                values=tuple(card.lines[i].verdict for card in cards),
            )
        )
    rows.append(
        ComparisonRow(
            metric="score:total",
            unit="0–1",
            definition="Weighted mean of the scorecard verdicts (weights: DEFAULT_WEIGHTS "
            "unless given).",
            values=tuple(round(card.total, 4) for card in cards),
        )
    )
    return ComparisonTable(
        labels=tuple(labels),
        rows=tuple(rows),
        headings=tuple(headings) if headings is not None else tuple(Term(x) for x in labels),
    )


def _heading(label: str, rules: RuleSet) -> Term:
    """A column's heading: ``label`` (a rule set's name, numbered when names clash) in
    English, the rule set's name in Finnish and Swedish, numbered alike."""
    suffix = label.removeprefix(rules.name)
    return Term(label, fi=rules.name_in("fi") + suffix, sv=rules.name_in("sv") + suffix)
