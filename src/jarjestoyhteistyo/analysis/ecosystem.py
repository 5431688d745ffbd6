"""The actor ecosystem of a city's associations (`JP-4`) and its blind spots (`JP-7`).

Three steps, all pure:

1. :func:`~jarjestoyhteistyo.io.register.read_register` (the register's door in
   :mod:`jarjestoyhteistyo.io.register`, re-exported here) reads an association
   register — a CSV exported from a spreadsheet (UTF-8 with or without a BOM, or the
   Windows-1252, semicolon-separated form Finnish Excel writes) or a YAML/JSON
   document — into :class:`~jarjestoyhteistyo.model.associations.Association`
   objects (the register's record, :mod:`jarjestoyhteistyo.model.associations`).
   Rows it cannot read are reported with their line numbers
   (:class:`~jarjestoyhteistyo.io.register.RowProblem`); every other row is kept.
2. :func:`classify` puts an association into one of the five activity/dependence
   segments of `JP-4` and flags a weaker position, following :class:`SegmentRules` —
   data with documented defaults, loadable from YAML (:func:`load_segment_rules`).
3. :func:`analyse` counts the segments, finds the blind spots of `JP-7` (new
   associations not yet reached, no contact in 12 months, weaker-position
   associations without support) and suggests actions. The
   :class:`EcosystemReport` renders as text, Markdown, JSON, records and a pandas
   ``DataFrame``; :func:`plot_segments` draws it when matplotlib is installed.
4. :func:`analyse_national` does the same over the city's register joined with the
   national register's associations (:func:`~jarjestoyhteistyo.io.ytj.load_ytj`) on
   the Business ID: the associations the city does not know are analysed too (never
   reached: *new, not reached* or *no recent contact*), and
   :attr:`EcosystemReport.national` (:class:`NationalCoverage`) says how many they are.

>>> text = '''id;nimi;rekisteröity;viimeisin yhteydenotto;avustukset;tilat;tapahtumat
... a1;Kylätoimikunta ry;1.3.1990;15.4.2024;2;kyllä;3
... a2;Uusi yhdistys ry;2.1.2024;;0;ei;0
... a3;Rikki ry;31.2.2020;;0;ei;0
... '''
>>> result = read_register(text)
>>> [a.id for a in result.associations], [(p.line, p.column) for p in result.problems]
(['a1', 'a2'], [(4, 'registered')])
>>> report = analyse(result.associations, as_of=date(2024, 6, 1))
>>> [(s.segment.value, s.count) for s in report.segments if s.count]
[('actively_committed', 1), ('unaware_potential', 1)]
>>> [(b.kind.value, b.ids) for b in report.blind_spots]
[('new_not_reached', ('a2',))]
"""

from __future__ import annotations

import enum
import importlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import InvalidValueError, MissingDependencyError
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Plural, Text, Translatable, pgettext
from jarjestoyhteistyo.io.register import (
    COLUMN_ALIASES,
    MAX_CELL_CHARS,
    RegisterReadResult,
    RowProblem,
    iter_register,
    loads_register_yaml,
    read_register,
)
from jarjestoyhteistyo.io.serialize import load, loads
from jarjestoyhteistyo.io.tables import dataframe, markdown_escape
from jarjestoyhteistyo.io.ytj import YtjProblem, YtjReadResult, YtjRecord, normal_business_id
from jarjestoyhteistyo.model.associations import Association, Register, SegmentRules
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR
from jarjestoyhteistyo.model.categories import Labels

__all__ = [
    "COLUMN_ALIASES",
    "DEFAULT_SEGMENT_RULES",
    "MAX_CELL_CHARS",
    "Action",
    "Association",
    "BlindSpot",
    "BlindSpotKind",
    "Classification",
    "EcosystemReport",
    "NationalCoverage",
    "Register",
    "RegisterReadResult",
    "RowProblem",
    "Segment",
    "SegmentCount",
    "SegmentRules",
    "analyse",
    "analyse_national",
    "classify",
    "iter_register",
    "load_segment_rules",
    "loads_register_yaml",
    "loads_segment_rules",
    "plot_segments",
    "read_register",
]


JY621 = Code(
    code="JY621",
    rule="JP-7",
    severity=Severity.WARNING,
    title="New associations not yet reached",
    en="{count} new association(s) not yet reached: {ids}",
    fix="Welcome newcomers: invite them and tell them what the city offers.",
)

JY622 = Code(
    code="JY622",
    rule="JP-7",
    severity=Severity.WARNING,
    title="No recent contact",
    en="{count} association(s) with no contact in {months} months: {ids}",
    fix="Reach the less active associations.",
)

JY623 = Code(
    code="JY623",
    rule="JP-7",
    severity=Severity.WARNING,
    title="Weaker-position associations without support",
    en="{count} weaker-position association(s) without support: {ids}",
    fix="Reach actors in a weaker position; tell them about premises and grants.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY621, JY622, JY623)


Format = Literal["text", "markdown", "json"]


# ----------------------------------------------------------------- segment rules


#: The default rules (see :class:`SegmentRules`).
DEFAULT_SEGMENT_RULES = SegmentRules()


def loads_segment_rules(text: str | bytes, *, source: str | None = None) -> SegmentRules:
    """:class:`SegmentRules` from YAML or JSON text (missing keys keep their defaults).

    >>> loads_segment_rules("active_min_events: 3\\ndependent_min_grants: 5000").active_min_events
    3
    """
    return loads(text, SegmentRules, source=source)


def load_segment_rules(path: str | Path) -> SegmentRules:
    """:class:`SegmentRules` from a YAML or JSON file (the CLI's ``--rules FILE``)."""
    return load(path, SegmentRules)


# ------------------------------------------------------------------ classification
class Segment(enum.Enum):
    """The segments of the actor ecosystem (`JP-4`)."""

    ACTIVE = "actively_committed"
    DEPENDENT = "dependent_on_support"
    USING = "using_resources"
    LITTLE = "little_active"
    UNAWARE = "unaware_potential"
    WEAKER = "weaker_position"

    @property
    def labels(self) -> Labels:
        """The segment's name in Finnish, Swedish and English."""
        return _SEGMENT_LABELS[self]


_SEGMENT_LABELS = {
    Segment.ACTIVE: Labels(
        fi="aktiivisesti yhteistoimintaan sitoutuneet",
        sv="aktivt engagerade i samarbetet",
        en="actively committed",
    ),
    Segment.DEPENDENT: Labels(
        fi="riippuvaisia kaupungin tuesta, tiloista tai avustuksista",
        sv="beroende av stadens stöd, lokaler eller understöd",
        en="dependent on the city's support",
    ),
    Segment.USING: Labels(
        fi="käyttävät kaupungin resursseja, eivät pyri yhteistoimintaan",
        sv="använder stadens resurser utan att söka samarbete",
        en="using resources without seeking cooperation",
    ),
    Segment.LITTLE: Labels(
        fi="vain vähän aktiivisia ja vähän riippuvaisia",
        sv="lite aktiva och lite beroende",
        en="little active, little dependent",
    ),
    Segment.UNAWARE: Labels(
        fi="eivät tietoisia mahdollisuuksista (potentiaalia)",
        sv="inte medvetna om möjligheterna (potential)",
        en="unaware of the opportunities (potential)",
    ),
    Segment.WEAKER: Labels(
        fi="heikommassa asemassa olevat",
        sv="aktörer i svagare ställning",
        en="in a weaker position",
    ),
}

#: The five exclusive segments, in order of precedence.
_PRIMARY = (Segment.ACTIVE, Segment.DEPENDENT, Segment.USING, Segment.LITTLE, Segment.UNAWARE)


class BlindSpotKind(enum.Enum):
    """The blind spots of `JP-7`."""

    NEW_NOT_REACHED = "new_not_reached"
    NO_RECENT_CONTACT = "no_recent_contact"
    WEAKER_WITHOUT_SUPPORT = "weaker_without_support"


_SPOT_CODES = {
    BlindSpotKind.NEW_NOT_REACHED: JY621,
    BlindSpotKind.NO_RECENT_CONTACT: JY622,
    BlindSpotKind.WEAKER_WITHOUT_SUPPORT: JY623,
}


@attrs.frozen(kw_only=True)
class Classification:
    """Where one association sits: its segment, the weaker-position flag, blind spots."""

    id: str
    name: str
    segment: Segment
    weaker_position: bool
    supported: bool
    blind_spots: frozenset[BlindSpotKind] = frozenset()


@attrs.frozen(kw_only=True)
class _Cutoffs:
    active_contact: date
    stale_contact: date
    new_since: date


def _cutoffs(as_of: date, rules: SegmentRules) -> _Cutoffs:
    # the as-of date within the bounds keeps every cutoff a date (months <= MAX_MONTHS)
    if not FIRST_YEAR <= as_of.year <= LAST_YEAR:
        raise InvalidValueError(
            Text(
                "the as-of date {as_of} is outside the years {first}–{last}",
                as_of=as_of.isoformat(),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return _Cutoffs(
        active_contact=as_of - relativedelta(months=rules.active_contact_months),
        stale_contact=as_of - relativedelta(months=rules.stale_contact_months),
        new_since=as_of - relativedelta(months=rules.new_months),
    )


def _classify(a: Association, rules: SegmentRules, cut: _Cutoffs) -> Classification:
    contact = a.last_contact
    active = (
        (rules.active_min_events > 0 and a.events_attended >= rules.active_min_events)
        or (rules.active_min_networks > 0 and len(a.networks) >= rules.active_min_networks)
        or (contact is not None and contact >= cut.active_contact)
    )
    grants = a.grants_received > 0 and a.grants_received >= rules.support_min_grants
    supported = grants or a.premises_used
    if active:
        segment = Segment.ACTIVE
    elif (
        (rules.dependent_premises_alone and a.premises_used)
        or (rules.dependent_grants_and_premises and grants and a.premises_used)
        or (
            rules.dependent_min_grants is not None
            and a.grants_received >= rules.dependent_min_grants
            and a.grants_received > 0
        )
    ):
        segment = Segment.DEPENDENT
    elif supported:
        segment = Segment.USING
    elif contact is not None or a.events_attended or a.networks:
        segment = Segment.LITTLE
    else:
        segment = Segment.UNAWARE
    spots: set[BlindSpotKind] = set()
    new = (
        a.registered is not None
        and a.registered >= cut.new_since
        and contact is None
        and not a.events_attended
    )
    if new:
        spots.add(BlindSpotKind.NEW_NOT_REACHED)
    elif contact is None or contact < cut.stale_contact:
        spots.add(BlindSpotKind.NO_RECENT_CONTACT)
    if a.weaker_position and not supported:
        spots.add(BlindSpotKind.WEAKER_WITHOUT_SUPPORT)
    return Classification(
        id=a.id,
        name=a.name,
        segment=segment,
        weaker_position=a.weaker_position,
        supported=supported,
        blind_spots=frozenset(spots),
    )


def classify(
    association: Association, *, as_of: date, rules: SegmentRules = DEFAULT_SEGMENT_RULES
) -> Classification:
    """The `JP-4` segment and `JP-7` blind spots of one association on ``as_of``.

    >>> a = Association(id="a1", grants_received=2, premises_used=True,
    ...                 last_contact=date(2022, 1, 10))
    >>> c = classify(a, as_of=date(2024, 6, 1))
    >>> c.segment.value, sorted(s.value for s in c.blind_spots)
    ('dependent_on_support', ['no_recent_contact'])
    """
    return _classify(association, rules, _cutoffs(as_of, rules))


# ------------------------------------------------------------------------ the report
@attrs.frozen(kw_only=True)
class SegmentCount:
    """How many associations are in a segment and their share of all (0–1)."""

    segment: Segment
    count: int
    share: float


@attrs.frozen(kw_only=True)
class BlindSpot:
    """A blind spot of `JP-7` and the ids of the associations in it."""

    kind: BlindSpotKind
    rule: str
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Action:
    """A suggested action, tied to the rule it serves (`JP-7`, `JP-5`, ...)."""

    rule: str
    about: str
    count: int
    text: str
    #: :attr:`text` in every language (:meth:`text_in`; ``None``: English only); not
    #: compared, not in ``repr`` or the JSON form.
    translated: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    def text_in(self, lang: str) -> str:
        """The action in ``lang`` (``fi``, ``sv``, ``en``)."""
        return self.text if self.translated is None else self.translated.text_in(lang)


def _spot_label(kind: BlindSpotKind, rules: SegmentRules, lang: str = "en") -> str:
    if kind is BlindSpotKind.NEW_NOT_REACHED:
        label = Text("new associations not yet reached")
    elif kind is BlindSpotKind.NO_RECENT_CONTACT:
        label = Text("no contact in {months} months", months=rules.stale_contact_months)
    else:
        label = Text("weaker-position associations without support")
    return label.text_in(lang)


#: The columns of :meth:`EcosystemReport.to_records`, in order.
_RECORD_COLUMNS = ("id", "name", "segment", "weaker_position", "supported", "blind_spots")


@attrs.frozen(kw_only=True)
class EcosystemReport:
    """The result of :func:`analyse`: segments, blind spots, actions and findings.

    ``segments`` lists the five exclusive segments (their shares add up to 1) and
    then *weaker position*, which overlaps them. ``findings`` holds one warning per
    blind spot found (``JY621`` … ``JY623``), so tools that act on findings see them.
    ``problems`` are the register rows that could not be read (passed to
    :func:`analyse`), shown so that a reader of the report knows what is missing.
    """

    as_of: date
    rules: SegmentRules
    classifications: tuple[Classification, ...]
    segments: tuple[SegmentCount, ...]
    blind_spots: tuple[BlindSpot, ...]
    actions: tuple[Action, ...]
    findings: Report
    problems: tuple[RowProblem, ...] = ()
    #: The join with the national register (:func:`analyse_national`); ``None`` (the
    #: report of :func:`analyse`) adds nothing to any output.
    national: NationalCoverage | None = None

    @property
    def total(self) -> int:
        """How many associations were analysed."""
        return len(self.classifications)

    def count(self, segment: Segment) -> int:
        """The number of associations in ``segment``."""
        return next(s.count for s in self.segments if s.segment is segment)

    def blind_spot(self, kind: BlindSpotKind) -> tuple[str, ...]:
        """The ids in blind spot ``kind`` (empty when there are none)."""
        return next((b.ids for b in self.blind_spots if b.kind is kind), ())

    def to_dict(self, *, associations: bool = True) -> dict[str, Any]:
        """The stable JSON form; ``associations=False`` leaves out the per-association rows.

        A report view on purpose (labels, shares, computed segments), not the converter's.
        """
        out: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "total": self.total,
            "rules": attrs.asdict(self.rules),
            "segments": [
                {
                    "segment": s.segment.value,
                    "label": s.segment.labels.get("en"),
                    "label_fi": s.segment.labels.get("fi"),
                    "count": s.count,
                    "share": round(s.share, 4),
                    "overlapping": s.segment is Segment.WEAKER,
                }
                for s in self.segments
            ],
            "blind_spots": [
                {
                    "kind": b.kind.value,
                    "rule": b.rule,
                    "label": _spot_label(b.kind, self.rules),
                    "count": len(b.ids),
                    "ids": list(b.ids),
                }
                for b in self.blind_spots
            ],
            "actions": [
                {"rule": a.rule, "about": a.about, "count": a.count, "text": a.text}
                for a in self.actions
            ],
            "findings": self.findings.to_dict(),
            "register_problems": [
                {"line": p.line, "message": p.message, "column": p.column, "value": p.value}
                for p in self.problems
            ],
        }
        if self.national is not None:
            out["national"] = self.national.to_dict()
        if associations:
            out["associations"] = self.to_records()
        return out

    def to_json(self, *, indent: int | None = 2, associations: bool = True) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(
            self.to_dict(associations=associations), ensure_ascii=False, indent=indent
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per association: id, name, segment, weaker position, support, blind spots."""
        return [
            {
                "id": c.id,
                "name": c.name,
                "segment": c.segment.value,
                "weaker_position": c.weaker_position,
                "supported": c.supported,
                "blind_spots": ",".join(sorted(k.value for k in c.blind_spots)),
            }
            for c in self.classifications
        ]

    def segment_records(self) -> list[dict[str, Any]]:
        """One dict per segment: segment, label, count, share."""
        return [
            {
                "segment": s.segment.value,
                "label": s.segment.labels.get("en"),
                "count": s.count,
                "share": s.share,
            }
            for s in self.segments
        ]

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        return dataframe(
            self.to_records(), _RECORD_COLUMNS, caller="EcosystemReport.to_dataframe()"
        )

    def to_text(self, lang: str = "en") -> str:
        """A plain-text report in ``lang`` (``fi``, ``sv``, ``en``)."""
        return _render_text(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        """A Markdown report in ``lang`` (``fi``, ``sv``, ``en``)."""
        return _render_markdown(self, lang)

    def render(self, fmt: Format = "text", lang: str = "en") -> str:
        """The report as ``"text"``, ``"markdown"`` (in ``lang``) or ``"json"`` (the
        stable form: English labels)."""
        if fmt == "json":
            return self.to_json()
        return self.to_markdown(lang) if fmt == "markdown" else self.to_text(lang)


def _short_ids(ids: tuple[str, ...], n: int = 10, lang: str = "en") -> str:
    head = ", ".join(ids[:n])
    if len(ids) <= n:
        return head
    return Text("{ids} … and {more} more", ids=head, more=len(ids) - n).text_in(lang)


def _row_problem(p: RowProblem, lang: str) -> str:
    """A row that could not be read, as the report lists it: its line, column and why."""
    message = p.message_in(lang)
    if p.column:
        return Text(
            "line {line}, {column}: {message}", line=p.line, column=p.column, message=message
        ).text_in(lang)
    return Text("line {line}: {message}", line=p.line, message=message).text_in(lang)


def _actions(
    counts: Counter[Segment], spots: dict[BlindSpotKind, int], rules: SegmentRules
) -> tuple[Action, ...]:
    out: list[Action] = []

    def add(rule: str, about: str, n: int, text: Plural) -> None:
        if n:
            out.append(
                Action(rule=rule, about=about, count=n, text=text.text_in("en"), translated=text)
            )

    n = spots.get(BlindSpotKind.NEW_NOT_REACHED, 0)
    add(
        "JP-7",
        BlindSpotKind.NEW_NOT_REACHED.value,
        n,
        Plural(
            "Welcome the {n} new association not yet reached: invite it to the next info "
            "event and tell it about premises, grants and the register.",
            "Welcome the {n} new associations not yet reached: invite them to the next "
            "info event and tell them about premises, grants and the register.",
            n=n,
        ),
    )
    n = spots.get(BlindSpotKind.NO_RECENT_CONTACT, 0)
    add(
        "JP-7",
        BlindSpotKind.NO_RECENT_CONTACT.value,
        n,
        Plural(
            "Contact the {n} association with no contact in {months} months: ask what it"
            " does now and what it needs.",
            "Contact the {n} associations with no contact in {months} months: ask what"
            " they do now and what they need.",
            n=n,
            months=rules.stale_contact_months,
        ),
    )
    n = spots.get(BlindSpotKind.WEAKER_WITHOUT_SUPPORT, 0)
    add(
        "JP-4, JP-7",
        BlindSpotKind.WEAKER_WITHOUT_SUPPORT.value,
        n,
        Plural(
            "Reach the {n} weaker-position association without support: tell it about "
            "grants and premises and lower the threshold to take part.",
            "Reach the {n} weaker-position associations without support: tell them about "
            "grants and premises and lower the threshold to take part.",
            n=n,
        ),
    )
    n = counts[Segment.UNAWARE]
    add(
        "JP-7",
        Segment.UNAWARE.value,
        n,
        Plural(
            "Find the potential: tell the {n} association unaware of the opportunities "
            "about the cooperation model and its web page of links (JP-5).",
            "Find the potential: tell the {n} associations unaware of the opportunities "
            "about the cooperation model and its web page of links (JP-5).",
            n=n,
        ),
    )
    n = counts[Segment.USING]
    add(
        "JP-2, JP-7",
        Segment.USING.value,
        n,
        Plural(
            "Invite the {n} association that uses city resources without cooperating into "
            "the channels of JP-2: strategy, service network planning, wellbeing plan.",
            "Invite the {n} associations that use city resources without cooperating into "
            "the channels of JP-2: strategy, service network planning, wellbeing plan.",
            n=n,
        ),
    )
    n = counts[Segment.LITTLE]
    add(
        "JP-7",
        Segment.LITTLE.value,
        n,
        Plural(
            "Ask the {n} little-active association what would help it take part; use "
            "participatory methods at meetings.",
            "Ask the {n} little-active associations what would help them take part; use "
            "participatory methods at meetings.",
            n=n,
        ),
    )
    n = counts[Segment.DEPENDENT]
    add(
        "JP-5",
        Segment.DEPENDENT.value,
        n,
        Plural(
            "Keep the grant and premises processes predictable for the {n} dependent "
            "association: documented steps, who decides, dates in the annual clock.",
            "Keep the grant and premises processes predictable for the {n} dependent "
            "associations: documented steps, who decides, dates in the annual clock.",
            n=n,
        ),
    )
    n = sum(counts[s] for s in _PRIMARY)
    add(
        "JP-5, JP-7",
        "annual_clock",
        n,
        Plural(
            "Put this review of the {n} association in the annual clock and repeat it yearly.",
            "Put this review of the {n} associations in the annual clock and repeat it yearly.",
            n=n,
        ),
    )
    return tuple(out)


def analyse(
    associations: Iterable[Association],
    *,
    as_of: date,
    rules: SegmentRules = DEFAULT_SEGMENT_RULES,
    problems: Iterable[RowProblem] = (),
) -> EcosystemReport:
    """Classify every association (`JP-4`), find the blind spots and suggest actions (`JP-7`).

    ``problems`` (the rows :func:`read_register` could not read) are carried into the
    report and rendered with it.

    >>> regs = (
    ...     Association(id="a", events_attended=3),
    ...     Association(id="b", grants_received=1, last_contact=date(2020, 1, 1)),
    ...     Association(id="c", weaker_position=True),
    ... )
    >>> r = analyse(regs, as_of=date(2024, 6, 1))
    >>> [(s.segment.value, s.count, round(s.share, 2)) for s in r.segments if s.count]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('actively_committed', 1, 0.33), ('using_resources', 1, 0.33),
     ('unaware_potential', 1, 0.33), ('weaker_position', 1, 0.33)]
    >>> [(b.kind.value, b.ids) for b in r.blind_spots]
    [('no_recent_contact', ('a', 'b', 'c')), ('weaker_without_support', ('c',))]
    >>> r.actions[0].rule, r.actions[0].count
    ('JP-7', 3)
    """
    cut = _cutoffs(as_of, rules)
    classified = tuple(_classify(a, rules, cut) for a in associations)
    total = len(classified)
    counts: Counter[Segment] = Counter(c.segment for c in classified)
    counts[Segment.WEAKER] = sum(1 for c in classified if c.weaker_position)
    segments = tuple(
        SegmentCount(segment=s, count=counts[s], share=counts[s] / total if total else 0.0)
        for s in (*_PRIMARY, Segment.WEAKER)
    )
    spot_ids: dict[BlindSpotKind, list[str]] = {k: [] for k in BlindSpotKind}
    for c in classified:
        for k in c.blind_spots:
            spot_ids[k].append(c.id)
    blind = tuple(
        BlindSpot(kind=k, rule="JP-7", ids=tuple(spot_ids[k])) for k in BlindSpotKind if spot_ids[k]
    )
    found: list[Finding] = [
        finding(
            _SPOT_CODES[b.kind],
            f"blind_spots.{b.kind.value}",
            count=len(b.ids),
            ids=_short_ids(b.ids),
            months=rules.stale_contact_months,
        )
        for b in blind
    ]
    actions = _actions(counts, {b.kind: len(b.ids) for b in blind}, rules)
    return EcosystemReport(
        as_of=as_of,
        rules=rules,
        classifications=classified,
        segments=segments,
        blind_spots=blind,
        actions=actions,
        findings=Report(
            subject=Text("ecosystem on {date}", date=as_of.isoformat()), findings=tuple(found)
        ),
        problems=tuple(problems),
    )


# ------------------------------------------------------- the national register
@attrs.frozen(kw_only=True)
class NationalCoverage:
    """How the city's register covers the national register's associations
    (:func:`analyse_national`).

    ``national``: the YTJ records given (the associations of the chosen
    ``municipalities`` and ``forms``); ``known``: those the register knows by their
    Business ID; ``not_known``: the Business IDs of the rest, analysed as associations
    the city never reached (their id in the report is the Business ID);
    ``not_in_national``: register ids whose Business ID is not among the records (ended,
    in another municipality or of another form, or not active); ``without_business_id``:
    register associations with no Business ID (none in a column, nor an id that is
    one); ``dates_from_national``: register ids whose empty registration date was taken
    from the national register; ``problems`` (and ``more_problems``, their count past
    the kept ones) and ``read``: the YTJ file's unreadable records and its size.
    """

    municipalities: tuple[str, ...]
    forms: tuple[str, ...]
    national: int
    known: int
    not_known: tuple[str, ...]
    not_in_national: tuple[str, ...] = ()
    without_business_id: tuple[str, ...] = ()
    dates_from_national: tuple[str, ...] = ()
    problems: tuple[YtjProblem, ...] = ()
    more_problems: int = 0
    read: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (the ``national`` key of :meth:`EcosystemReport.to_dict`)."""
        return {
            "municipalities": list(self.municipalities),
            "forms": list(self.forms),
            "national": self.national,
            "known": self.known,
            "not_known": len(self.not_known),
            "not_known_ids": list(self.not_known),
            "not_in_national": list(self.not_in_national),
            "without_business_id": list(self.without_business_id),
            "dates_from_national": list(self.dates_from_national),
            "records_read": self.read,
            "problems": [
                {"index": p.index, "business_id": p.business_id, "message": p.message}
                for p in self.problems
            ],
            "more_problems": self.more_problems,
        }


def _national_lines(n: NationalCoverage, lang: str) -> list[str]:
    def t(text: Text | Plural) -> str:
        return text.text_in(lang)

    where = ", ".join(n.municipalities) or t(Text("every municipality"))
    lines = [
        t(Text("National register (YTJ), municipalities {where}", where=where)),
        "  "
        + t(
            Plural(
                "{n} association in the national register; the city's register knows"
                " {known}, not {unknown}",
                "{n} associations in the national register; the city's register knows"
                " {known}, not {unknown}",
                n=n.national,
                known=n.known,
                unknown=len(n.not_known),
            )
        ),
    ]
    if n.not_known:
        ids = _short_ids(n.not_known, lang=lang)
        lines.append("  " + t(Text("not in the city's register: {ids}", ids=ids)))
    if n.not_in_national:
        ids = _short_ids(n.not_in_national, lang=lang)
        lines.append(
            "  " + t(Text("in the city's register, not among them (ended, moved?): {ids}", ids=ids))
        )
    if n.without_business_id:
        count = len(n.without_business_id)
        lines.append("  " + t(Text("without a Business ID in the register: {n}", n=count)))
    if n.problems or n.more_problems:
        count = len(n.problems) + n.more_problems
        lines.append("  " + t(Text("records of the national file not read: {n}", n=count)))
        lines += [f"    {p.index}: {p.message_in(lang)}" for p in n.problems]
    return lines


def analyse_national(
    register: RegisterReadResult | Iterable[Association],
    national: YtjReadResult | Iterable[YtjRecord],
    *,
    as_of: date,
    rules: SegmentRules = DEFAULT_SEGMENT_RULES,
    problems: Iterable[RowProblem] | None = None,
    business_ids: Mapping[str, str] | None = None,
) -> EcosystemReport:
    """:func:`analyse` over the city's register and the national register's associations
    joined on the Business ID (`JP-4`, `JP-7` over every registered association).

    ``register`` is a :class:`~jarjestoyhteistyo.io.register.RegisterReadResult` (its
    associations, Business IDs and problems) or associations (then ``business_ids``
    maps their ids to Business IDs; an id that is itself a Business ID counts as one).
    ``national`` is a :class:`~jarjestoyhteistyo.io.ytj.YtjReadResult` or the
    :class:`~jarjestoyhteistyo.io.ytj.YtjRecord` objects of the chosen municipalities.

    A national association the register does not know joins the analysis as an
    association the city never reached — its id its Business ID, its name and
    registration date the national register's — so it is *new, not reached* when
    registered within ``rules.new_months``, else *no recent contact*, and *unaware —
    potential*; a register association with no registration date takes the national
    one. The register's own associations are classified as :func:`analyse` does.
    :attr:`EcosystemReport.national` says how many the register knows and does not.

    >>> from jarjestoyhteistyo.io.ytj import YtjRecord
    >>> city = [Association(id="a1", last_contact=date(2024, 3, 1))]
    >>> ytj = [YtjRecord(business_id="0112038-9", name="Tuttu ry", municipality="245"),
    ...        YtjRecord(business_id="0000001-9", name="Uusi ry", municipality="245",
    ...                  registered=date(2024, 1, 15))]
    >>> r = analyse_national(city, ytj, as_of=date(2024, 6, 1),
    ...                      business_ids={"a1": "0112038-9"})
    >>> r.national.known, r.national.not_known, r.blind_spot(BlindSpotKind.NEW_NOT_REACHED)
    (1, ('0000001-9',), ('0000001-9',))
    """
    if isinstance(register, RegisterReadResult):
        associations = register.associations
        ids: Mapping[str, str] = {**register.business_ids, **(business_ids or {})}
        rows = register.problems if problems is None else tuple(problems)
    else:
        associations = tuple(register)
        ids = business_ids or {}
        rows = () if problems is None else tuple(problems)
    if isinstance(national, YtjReadResult):
        records, result = national.records, national
    else:
        records, result = tuple(national), None
    by_id: dict[str, YtjRecord] = {}
    for record in records:
        by_id.setdefault(record.business_id, record)
    known: set[str] = set()
    merged: list[Association] = []
    not_in: list[str] = []
    without: list[str] = []
    filled: list[str] = []
    for a in associations:
        bid = ids.get(a.id) or normal_business_id(a.id) or ""
        match = by_id.get(bid) if bid else None
        if not bid:
            without.append(a.id)
        elif match is None:
            not_in.append(a.id)
        else:
            known.add(bid)
            if a.registered is None and match.registered is not None:
                a = attrs.evolve(a, registered=match.registered)
                filled.append(a.id)
        merged.append(a)
    taken = {a.id for a in merged}
    unknown: list[str] = []
    for bid, record in by_id.items():
        if bid in known:
            continue
        ident = bid if bid not in taken else f"YTJ:{bid}"
        unknown.append(ident)
        merged.append(Association(id=ident, name=record.name, registered=record.registered))
    report = analyse(merged, as_of=as_of, rules=rules, problems=rows)
    if result is not None and result.municipalities is not None:
        municipalities = tuple(sorted(result.municipalities))
    else:
        municipalities = tuple(sorted({r.municipality for r in by_id.values() if r.municipality}))
    forms = result.forms if result is not None else {r.form for r in by_id.values() if r.form}
    coverage = NationalCoverage(
        municipalities=municipalities,
        forms=tuple(sorted(forms or ())),
        national=len(by_id),
        known=len(known),
        not_known=tuple(unknown),
        not_in_national=tuple(not_in),
        without_business_id=tuple(without),
        dates_from_national=tuple(filled),
        problems=result.problems if result is not None else (),
        more_problems=result.more_problems if result is not None else 0,
        read=result.read if result is not None else len(records),
    )
    return attrs.evolve(report, national=coverage)


# ------------------------------------------------------------------------ rendering
def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def _render_text(r: EcosystemReport, lang: str = "en") -> str:
    def t(text: Text | Plural) -> str:
        return text.text_in(lang)

    head = Plural(
        "Actor ecosystem (JP-4): {n} association on {date}",
        "Actor ecosystem (JP-4): {n} associations on {date}",
        n=r.total,
        date=r.as_of.isoformat(),
    )
    lines = [t(head), ""]
    width = max(len(s.labels.get(lang)) for s in Segment) + 2
    segment, count, share = t(Text("segment")), t(Text("count")), t(Text("share"))
    lines.append(f"{segment:<{width}} {count:>6} {share:>6}")
    for s in r.segments:
        label = s.segment.labels.get(lang) + (" *" if s.segment is Segment.WEAKER else "")
        lines.append(f"{label:<{width}} {s.count:>6} {_pct(s.share):>6}")
    lines.append(t(Text("* overlaps the other segments")))
    none = "  " + pgettext(lang, "list", "none")
    lines += ["", t(Text("Blind spots (JP-7)"))]
    if not r.blind_spots:
        lines.append(none)
    for b in r.blind_spots:
        label, ids = _spot_label(b.kind, r.rules, lang), _short_ids(b.ids, lang=lang)
        lines.append(f"  {label}: {len(b.ids)} — {ids}")
    lines += ["", t(Text("Suggested actions"))]
    if not r.actions:
        lines.append(none)
    lines += [f"  [{a.rule}] {a.text_in(lang)}" for a in r.actions]
    if r.problems:
        rows = len({p.line for p in r.problems})
        lines += ["", t(Text("Rows not read ({rows})", rows=rows))]
        lines += [f"  {_row_problem(p, lang)}" for p in r.problems]
    if r.national is not None:
        lines += ["", *_national_lines(r.national, lang)]
    return "\n".join(lines)


def _render_markdown(r: EcosystemReport, lang: str = "en") -> str:
    def t(text: Text | Plural) -> str:
        return text.text_in(lang)

    segment, count, share = t(Text("segment")), t(Text("count")), t(Text("share"))
    lines = [
        t(Text("# Actor ecosystem on {date}", date=r.as_of.isoformat())),
        "",
        t(
            Plural(
                "{n} association, classified by the segments of JP-4.",
                "{n} associations, classified by the segments of JP-4.",
                n=r.total,
            )
        ),
        "",
        f"| {segment} | {count} | {share} |",
        "|---|---:|---:|",
    ]
    overlaps = t(Text(" (overlaps)"))
    for s in r.segments:
        label = s.segment.labels.get(lang) + (overlaps if s.segment is Segment.WEAKER else "")
        lines.append(f"| {markdown_escape(label)} | {s.count} | {_pct(s.share)} |")
    lines += ["", t(Text("## Blind spots (JP-7)")), ""]
    if not r.blind_spots:
        lines.append(t(Text("None.")))
    for b in r.blind_spots:
        ids = markdown_escape(_short_ids(b.ids, lang=lang))
        label = markdown_escape(_spot_label(b.kind, r.rules, lang))
        lines.append(f"- **{label}**: {len(b.ids)} — {ids}")
    lines += ["", t(Text("## Suggested actions")), ""]
    if not r.actions:
        lines.append(t(Text("None.")))
    lines += [
        f"- **{markdown_escape(a.rule)}** — {markdown_escape(a.text_in(lang))}" for a in r.actions
    ]
    if r.problems:
        lines += ["", t(Text("## Rows not read")), ""]
        lines += [f"- {markdown_escape(_row_problem(p, lang))}" for p in r.problems]
    if r.national is not None:
        head, *rest = _national_lines(r.national, lang)
        lines += ["", f"## {markdown_escape(head)}", ""]
        lines += [f"- {markdown_escape(line.strip())}" for line in rest]
    return "\n".join(lines) + "\n"


def plot_segments(
    report: EcosystemReport, path: str | Path | None = None, *, lang: str = "en"
) -> Any:
    """A horizontal bar chart of the segments; saved to ``path`` when given.

    Returns the ``matplotlib.figure.Figure`` (no pyplot state is touched). Needs the
    ``plot`` extra: ``pip install 'jarjestoyhteistyo[plot]'``.
    """
    try:
        figure = importlib.import_module("matplotlib.figure")
    except ImportError as exc:
        raise MissingDependencyError(
            Text("plot_segments() needs matplotlib: pip install 'jarjestoyhteistyo[plot]'")
        ) from exc
    fig = figure.Figure(figsize=(8, 4), layout="constrained")
    ax = fig.subplots()
    segs = list(reversed(report.segments))
    labels = [
        s.segment.labels.get(lang) + (" *" if s.segment is Segment.WEAKER else "") for s in segs
    ]
    bars = ax.barh(
        labels, [s.count for s in segs], color=["#b0b0b0"] + ["#3b6ea5"] * (len(segs) - 1)
    )
    ax.bar_label(bars, labels=[f"{s.count} ({_pct(s.share)})" for s in segs], padding=3)
    ax.margins(x=0.2)
    ax.set_xlabel("associations (* overlaps the other segments)")
    ax.set_title(f"Actor ecosystem (JP-4), {report.as_of.isoformat()}")
    if path is not None:
        fig.savefig(path)
    return fig
