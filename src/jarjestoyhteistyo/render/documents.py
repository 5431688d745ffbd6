"""Committee documents: the rules of procedure, the composition appendix and the
validation summary (issue #17 point 1).

Three pure functions build a neutral :class:`Document` (a title, numbered
:class:`Section` objects with paragraphs, a list, a :class:`Table` and the rule ids each
section is traceable to) in the language asked for (``lang="fi"``, ``"sv"``, ``"en"``):

* :func:`rules_of_procedure` — a draft *toimintasääntö* / *verksamhetsstadga* from a rule
  set, in the register of Finnish municipal rules of procedure: ``1 § Tehtävät``,
  ``2 § Kokoonpano``, ... (``Section 1 Tasks`` in English). Each section says only what
  the rule set states, and says that a value is not stated where the rule set leaves it
  out (no fee, no term, no number of meetings): nothing is read into silence. Texts the
  rule set writes in words of its own (its description, tasks, criteria) are shown as
  written, in the language they are written in;
* :func:`composition_appendix` — the table of seats of a composition: seat, kind, group
  (the category's or network's label), organisation (its name, else its id), whose
  deputy, and the term's start and end where the composition's ``as_of`` and the rule
  set's term give them (:func:`~jarjestoyhteistyo.calc.terms.membership_window`, as
  :func:`~jarjestoyhteistyo.calc.terms.check_proposal` reads a proposal: every seat
  starts a term on ``as_of``); a person's name only when the composition has one;
* :func:`validation_summary` — a report's verdict and its findings (severity, code,
  rule, path, message) in the language.

:func:`committee_document` puts the three together, the appendix and the summary as
appendices. Four writers take any :class:`Document`: :func:`to_markdown` and
:func:`to_html` (a whole page: charset, title, ``lang``, print-friendly CSS) return text,
:func:`to_docx` (python-docx) and :func:`to_odt` (odfpy) write a file or a binary stream;
:func:`write_document` chooses the writer by the file's suffix. The writers need the
optional extra ``jarjestoyhteistyo[documents]`` (python-docx, odfpy, jinja2), imported
inside each writer: without it a writer raises
:class:`~jarjestoyhteistyo.errors.MissingDependencyError` naming the extra. Every
writer drops the characters of :data:`jarjestoyhteistyo.text.UNSAFE`, and HTML and
Markdown escape what they would otherwise read as markup.

>>> import jarjestoyhteistyo as jy
>>> doc = rules_of_procedure(jy.load_preset("vantaa-kerava-formal"), lang="fi")
>>> [s.title for s in doc.sections][:3]
['1 § Tehtävät', '2 § Kokoonpano', '3 § Puheenjohtaja ja sihteeri']
>>> doc.sections[4].rules
('FC-11', 'FC-14', 'WS-9')
>>> print(doc.sections[4].paragraphs[-1])
Kokouspalkkiot maksetaan palkkiosäännön mukaisesti.
>>> luvn = rules_of_procedure(jy.load_preset("lansi-uusimaa-disability-council"), lang="en")
>>> print("\\n".join(luvn.sections[4].paragraphs))
The rule set does not state how often the body meets.
The rule set does not state meeting fees.
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

import attrs

from jarjestoyhteistyo.calc.terms import membership_window
from jarjestoyhteistyo.errors import MissingDependencyError, RenderError, TermError
from jarjestoyhteistyo.findings import RULE_ID, Report, rule_order, severity_word
from jarjestoyhteistyo.i18n import Joined, Lang, Text, Translatable, ngettext, pgettext
from jarjestoyhteistyo.io.files import write_atomically
from jarjestoyhteistyo.model.categories import Labels
from jarjestoyhteistyo.model.composition import Composition, Function, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import (
    EXPERTS_GROUP,
    Authority,
    ChairMode,
    DeputyMode,
    FeePolicy,
    FormalCommittee,
    GeneralRuleSet,
    IntRange,
    OpenForum,
    PartyTies,
    RuleSet,
    SeatGroup,
    SeatSource,
    TermMode,
    TermPolicy,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import NGO_SOURCES, deputy_mode_of
from jarjestoyhteistyo.model.vocabulary import function_term
from jarjestoyhteistyo.model.vocabulary import label as word
from jarjestoyhteistyo.render.diagrams import _own  # the library's own words: one table
from jarjestoyhteistyo.rulebook import all_rules
from jarjestoyhteistyo.text import drop_unsafe

if TYPE_CHECKING:
    from jarjestoyhteistyo.findings import Finding

__all__ = [
    "SUFFIXES",
    "Document",
    "Section",
    "Table",
    "committee_document",
    "composition_appendix",
    "rules_of_procedure",
    "to_docx",
    "to_html",
    "to_markdown",
    "to_odt",
    "validation_summary",
    "write_document",
]

#: The file suffixes :func:`write_document` writes, each with its format.
SUFFIXES: Final = {
    ".docx": "docx",
    ".odt": "odt",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
}

_INSTALL: Final = "pip install 'jarjestoyhteistyo[documents]'"


# ---------------------------------------------------------------------------- model
@attrs.frozen(kw_only=True)
class Table:
    """A table: its column headings and its rows of cells, all text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@attrs.frozen(kw_only=True)
class Section:
    """One section of a document.

    ``number`` is the section's number (``None``: an unnumbered section, an appendix);
    ``marker`` how the number is written in the document's language (``2 §``,
    ``Section 2``, ``Liite 1``); ``paragraphs`` come first, then the bulleted ``items``,
    then the ``table``; ``rules`` are the rule ids of
    :mod:`jarjestoyhteistyo.rulebook` the section is traceable to, in the order of the
    domain brief.

    >>> Section(number=2, marker="2 §", heading="Kokoonpano").title
    '2 § Kokoonpano'
    """

    number: int | None
    heading: str
    marker: str = ""
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    table: Table | None = None
    rules: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The heading as the document shows it: the marker, then the heading."""
        return f"{self.marker} {self.heading}" if self.marker else self.heading

    @property
    def rules_line(self) -> str:
        """The rule ids as the document shows them, ``(FC-5, FC-8)``; empty without."""
        return f"({', '.join(self.rules)})" if self.rules else ""


@attrs.frozen(kw_only=True)
class Document:
    """A document in one language: ``title`` (the body's name), ``subtitle`` (what the
    document is), ``preamble`` paragraphs before the sections, and the sections."""

    title: str
    lang: Lang
    subtitle: str = ""
    preamble: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()

    @property
    def page_title(self) -> str:
        """The title and the subtitle in one line (an HTML page's ``<title>``)."""
        return f"{self.title} – {self.subtitle}" if self.subtitle else self.title


# ------------------------------------------------------------------------- words
def _not_stated(lang: str) -> str:
    return pgettext(lang, "document", "not stated")


def _count(rng: IntRange, lang: str) -> str:
    """``4``, ``4–6`` or ``at least 4`` in ``lang``."""
    if rng.max is None and rng.min == 0:
        return pgettext(lang, "document", "as many as needed")
    if rng.max is None:
        return Text("at least {n}", n=rng.min).text_in(lang)
    return str(rng.min) if rng.min == rng.max else f"{rng.min}–{rng.max}"


def _plural_of(rng: IntRange) -> int:
    """The number a plural form is chosen by: the one count, else many."""
    return rng.min if rng.max == rng.min else 2


def _date(day: date, lang: str) -> str:
    """``2.10.2025`` in Finnish and Swedish, ``2025-10-02`` in English."""
    return f"{day.day}.{day.month}.{day.year}" if lang in ("fi", "sv") else day.isoformat()


def _number(value: float, lang: str) -> str:
    """``40`` or ``2,5`` (a decimal comma in Finnish and Swedish)."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def _language(code: str, lang: str) -> str:
    names = {
        "fi": pgettext(lang, "language", "Finnish"),
        "sv": pgettext(lang, "language", "Swedish"),
        "en": pgettext(lang, "language", "English"),
    }
    return names.get(code, code)


def _group_label(rules: RuleSet, group: SeatGroup, lang: str) -> str:
    """A seat group as a reader names it: its categories' or network's label, the
    library's words for the groups a kind makes, else the group's label as written."""
    if group.source is SeatSource.CATEGORY:
        by_code = {c.code: c for c in rules.as_general().categories}
        eligible = sorted(group.eligible_categories)
        if all(code in by_code for code in eligible) and (
            not group.label
            or len(eligible) != 1
            or group.label in _labels_of(by_code[eligible[0]].labels)
        ):
            return "; ".join(by_code[code].labels.get(lang) for code in eligible)
    if group.source is SeatSource.NETWORK and isinstance(rules, ThemeNetworkCouncil):
        net = group.network or group.id
        found = next((n for n in rules.networks if n.id == net), None)
        if found is not None and found.label is not None:
            return found.label.get(lang)
    if group.id == EXPERTS_GROUP and isinstance(rules, ThemeNetworkCouncil):
        return _own("experts invited as needed", lang)
    return _own(group.label, lang) if group.label else group.id


def _labels_of(labels: Labels) -> tuple[str, ...]:
    return tuple(w for w in (labels.fi, labels.sv, labels.en) if w)


@functools.cache
def _known_rules() -> frozenset[str]:
    return frozenset(r.id for r in all_rules())


def _rules(ids: Iterable[str]) -> tuple[str, ...]:
    """``ids`` that are rule ids of the catalogue, once each, in the brief's order."""
    known = _known_rules()
    found = {i for text in ids for i in RULE_ID.findall(text) if i in known}
    return tuple(sorted(found, key=rule_order))


def _kind_rule(rules: RuleSet, formal: str, forum: str, council: str, general: str) -> str:
    """The rule id a section cites for the rule set's kind."""
    if isinstance(rules, FormalCommittee):
        return formal
    if isinstance(rules, OpenForum):
        return forum
    if isinstance(rules, ThemeNetworkCouncil):
        return council
    return general


def _marker(number: int, lang: str) -> str:
    return pgettext(lang, "document", "Section {number}").format(number=number)


@attrs.define
class _Draft:
    """A section being written in ``lang``: its paragraphs and the rules behind them."""

    lang: str
    paragraphs: list[str] = attrs.field(factory=list)
    items: list[str] = attrs.field(factory=list)
    rules: list[str] = attrs.field(factory=list)

    def say(self, text: str | Translatable, *rules: str) -> None:
        self.paragraphs.append(text if isinstance(text, str) else text.text_in(self.lang))
        self.rules.extend(r for r in rules if r)

    def section(self, number: int, heading: str, lang: str, table: Table | None = None) -> Section:
        return Section(
            number=number,
            heading=heading,
            marker=_marker(number, lang),
            paragraphs=tuple(self.paragraphs),
            items=tuple(self.items),
            table=table,
            rules=_rules(self.rules),
        )


# -------------------------------------------------------------- rules of procedure
def rules_of_procedure(rules: RuleSet, *, lang: Lang = "en") -> Document:
    """A draft of the body's rules of procedure from its rule set, in ``lang``.

    Six numbered sections: tasks (1 §), composition (2 §: the seat groups as a table,
    deputies, committee members, who appoints), chair and secretary (3 §), term and
    rotation (4 §), meetings and fees (5 §), changes during the term (6 §). Each lists
    the rule ids it is traceable to (:attr:`Section.rules`).

    >>> import jarjestoyhteistyo as jy
    >>> doc = rules_of_procedure(jy.load_preset("keski-uusimaa"), lang="sv")
    >>> doc.title, doc.subtitle
    ('Mellersta Nylands organisationsdelegation', 'Verksamhetsstadga (utkast)')
    >>> doc.sections[3].paragraphs[:2]
    ('Mandatperioden är 24 månader.', 'De första mandatperioderna är 12 och 24 månader, så att inte alla ledamöter byts på en gång.')
    >>> doc.sections[3].rules
    ('KU-5',)
    """  # noqa: E501
    preamble = (
        pgettext(
            lang,
            "document",
            "DRAFT. Made from the body's rule set: the text states only what the rule set"
            " states, and says so where the rule set states nothing. The rule ids in"
            " parentheses refer to the library's rule catalogue (jarjestoyhteistyo rules).",
        ),
        Text("Wellbeing area: {area}", area=rules.area).text_in(lang),
    )
    return Document(
        title=rules.name_in(lang),
        lang=lang,
        subtitle=pgettext(lang, "document", "Rules of procedure (draft)"),
        preamble=preamble,
        sections=(
            _tasks(rules, lang),
            _composition(rules, lang),
            _chair(rules, lang),
            _term(rules, lang),
            _meetings(rules, lang),
            _changes(rules, lang),
        ),
    )


def _tasks(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    purpose = _kind_rule(rules, "FC-1", "OF-1", "KU-1", "")
    tasks = _kind_rule(rules, "FC-2", "OF-2", "KU-2", "")
    if rules.description:
        d.say(rules.description.strip(), purpose)
    if rules.parent_organ:
        d.say(Text("Attached to: {organ}.", organ=_own(rules.parent_organ, lang)).text_in(lang))
    duties = _kind_rule(rules, "FC-16", "OF-10", "", "")
    if rules.statutory_duties:
        d.say(pgettext(lang, "document", "The body has statutory duties."), duties)
    elif duties:
        d.say(pgettext(lang, "document", "The body has no statutory duties."), duties)
    if rules.languages:
        names = Joined(sorted(_language(c, lang) for c in rules.languages), "and")
        d.say(Text("Working languages: {languages}.", languages=names).text_in(lang))
    if rules.representation:
        groups = Joined(list(rules.representation), "and")
        chooses = Text("The body chooses the NGO representatives for {groups}.", groups=groups)
        d.say(chooses, _kind_rule(rules, "FC-2", "", "KU-2", ""))
    if rules.written_mandate:
        written = pgettext(
            lang,
            "document",
            "The body's position, duties and responsibilities are agreed in writing.",
        )
        d.say(written, "KU-14")
    if rules.communication_plan:
        d.say(pgettext(lang, "document", "The body draws up a communication plan."), "KU-14")
    if rules.tasks:
        d.say(
            pgettext(lang, "document", "The tasks of the body, as the rule set lists them:"), tasks
        )
        d.items.extend(rules.tasks)
    else:
        d.say(pgettext(lang, "document", "The rule set states no tasks."), tasks)
    return d.section(1, pgettext(lang, "document", "Tasks"), lang)


def _total(groups: Sequence[SeatGroup]) -> IntRange:
    low = sum(g.seats.min for g in groups)
    highs = [g.seats.max for g in groups]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    return IntRange(min=low, max=high)


def _composition(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    text: str | Translatable
    general = rules.as_general()
    groups = general.seat_groups
    seat_rule = _kind_rule(rules, "FC-4", "OF-3", "KU-4", "GEN-5")
    deputy_rule = _kind_rule(rules, "FC-8", "OF-8", "KU-7", "GEN-4")
    if groups:
        total = _count(_total(groups), lang)
        d.say(Text("Seats in all: {count}.", count=total).text_in(lang), seat_rule)
        d.rules.extend(g.rule for g in groups)
    else:
        d.say(pgettext(lang, "document", "The rule set states no seat groups."), seat_rule)
    if rules.recommended_size is not None:
        size = _count(rules.recommended_size, lang)
        if rules.recommended_size_of:
            sources = Joined(sorted(word(s, lang) for s in rules.recommended_size_of), "and")
            text = Text("Recommended size: {size} ({sources}).", size=size, sources=sources)
        else:
            text = Text("Recommended size: {size}.", size=size)
        d.say(text, "KU-12")
    if rules.required_municipalities:
        places = Joined(sorted(rules.required_municipalities), "and")
        text = Text("Municipalities that must be represented: {municipalities}.",
                    municipalities=places)  # fmt: skip
        d.say(text, "GEN-1")
    committee = [g for g in groups if g.source is SeatSource.COMMITTEE]
    for g in committee:
        count = _count(g.seats, lang)
        text = Text("Members named from the committee: {count}.", count=count)
        d.say(text, g.rule or _kind_rule(rules, "FC-6", "OF-7", "", ""))
    _deputies(rules, general, lang, d, deputy_rule)
    _selection(rules, general, lang, d)
    header = (
        pgettext(lang, "document", "Seat group"),
        pgettext(lang, "document", "Seats from"),
        pgettext(lang, "document", "Seats"),
        pgettext(lang, "document", "Deputies"),
        pgettext(lang, "document", "Nominated by"),
    )
    rows = tuple(
        (
            _group_label(rules, g, lang),
            word(g.source, lang),
            _count(g.seats, lang),
            word(deputy_mode_of(general, g), lang),
            g.nominated_by or _not_stated(lang),
        )
        for g in groups
    )
    table = Table(header=header, rows=rows) if rows else None
    return d.section(2, pgettext(lang, "document", "Composition"), lang, table)


def _deputy_text(mode: DeputyMode, lang: str) -> str:
    # each a literal msgid for the extractor
    if mode is DeputyMode.PERSONAL:
        return pgettext(lang, "document", "Each member has a personal deputy.")
    if mode is DeputyMode.OPTIONAL:
        return pgettext(lang, "document", "A member may have a personal deputy.")
    if mode is DeputyMode.ORDERED:
        return pgettext(
            lang, "document", "The deputies of each seat group step in in a numbered order."
        )
    if mode is DeputyMode.PAIR:
        return pgettext(
            lang, "document", "The two members of a work pair substitute for each other."
        )
    if mode is DeputyMode.AGREED:
        return pgettext(lang, "document", "Deputies are agreed with the organisations.")
    return pgettext(lang, "document", "The body has no deputies.")


def _deputies(
    rules: RuleSet, general: GeneralRuleSet, lang: str, d: _Draft, deputy_rule: str
) -> None:
    text: str | Translatable
    # the NGO groups follow the body's deputies; another group has its own, if any
    own = [g for g in general.seat_groups if g.deputies is not None or g.source in NGO_SOURCES]
    modes = {deputy_mode_of(general, g) for g in own} or {general.deputies.mode}
    if len(modes) == 1:
        (mode,) = modes
        d.say(_deputy_text(mode, lang), deputy_rule)
        if len(own) < len(general.seat_groups):
            text = pgettext(lang, "document", "The table shows the deputies of each seat group.")
            d.say(text, deputy_rule)
    else:
        text = pgettext(
            lang, "document", "The deputies differ by seat group; the table shows each group's."
        )
        d.say(text, deputy_rule)
    policy = general.deputies
    if policy.same_category is not None:
        text = Text(
            "A deputy represents the same category or network as the member ({need}).",
            need=word(policy.same_category, lang),
        )
        d.say(text, _kind_rule(rules, "FC-10", "FC-10", "GEN-4", "GEN-4"))
    if policy.different_organisation is not None:
        text = Text(
            "A deputy comes from an organisation other than the members' ({need}).",
            need=word(policy.different_organisation, lang),
        )
        d.say(text, _kind_rule(rules, "FC-9", "FC-9", "GEN-4", "GEN-4"))
    if general.pairs is not None and general.pairs.mixes:
        mixes = [f"{word(a, lang)} + {word(b, lang)}" for a, b in general.pairs.mixes]
        text = Text("Accepted work pairs: {mixes}.", mixes="; ".join(mixes))
        d.say(text, "KU-7")


def _selection(rules: RuleSet, general: GeneralRuleSet, lang: str, d: _Draft) -> None:
    text: str | Translatable
    sel = general.selection
    appoint = _kind_rule(rules, "FC-3", "OF-3", "KU-10", "GEN-5")
    if sel.authority is not None:
        text = Text("Members are appointed by: {authority}.", authority=word(sel.authority, lang))
        d.say(text, appoint)
    else:
        d.say(
            pgettext(lang, "document", "The rule set does not state who appoints the members."),
            appoint,
        )
    if sel.open_registration:
        text = pgettext(lang, "document", "Organisations register for the seats openly.")
        d.say(text, _kind_rule(rules, "OF-3", "OF-3", "KU-10", "OF-3"))
    if sel.continuous_joining:
        d.say(pgettext(lang, "document", "Organisations may join at any time."), "KU-10")
    if sel.criteria:
        criteria = "; ".join(c.text or c.id for c in sel.criteria)
        d.say(Text("Selection criteria: {criteria}.", criteria=criteria).text_in(lang), "WS-7")
    if sel.criteria_only_when_oversubscribed:
        text = pgettext(
            lang,
            "document",
            "The criteria apply only when more organisations register than there are seats.",
        )
        d.say(text, "OF-3")
    if sel.party_political_ties is PartyTies.FORBIDDEN:
        d.say(pgettext(lang, "document", "Seats are not tied to party politics."), "WS-1")
    if sel.one_seat_per_organisation:
        d.say(pgettext(lang, "document", "An organisation holds at most one seat."), "WS-7")
    if rules.prerequisites:
        asked = "; ".join(rules.prerequisites)
        text = Text("What membership asks of a member: {asked}.", asked=asked)
        d.say(text, _kind_rule(rules, "WS-9", "WS-9", "KU-9", "WS-9"))


def _chair_text(mode: ChairMode, lang: str) -> str:
    if mode is ChairMode.DIALOGUE:
        return pgettext(lang, "document", "The chair is chosen in dialogue with the committee.")
    if mode is ChairMode.ELECTED:
        return pgettext(lang, "document", "The body elects its chair.")
    if mode is ChairMode.APPOINTED:
        return pgettext(lang, "document", "The regional executive board appoints the chair.")
    if mode is ChairMode.ROTATING:
        return pgettext(lang, "document", "The chair rotates among the members.")
    return pgettext(lang, "document", "The body has no chair.")


def _chair(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    text: str | Translatable
    general = rules.as_general()
    chair_rule = _kind_rule(rules, "FC-7", "OF-5", "KU-6", "GEN-3")
    chair = general.chair
    if chair is None:
        d.say(pgettext(lang, "document", "The rule set has no provision on a chair."), "GEN-3")
    elif chair.mode is None:
        text = pgettext(
            lang,
            "document",
            "The body has a chair; the rule set does not state how the chair is chosen.",
        )
        d.say(text, chair_rule)
    else:
        d.say(_chair_text(chair.mode, lang), chair_rule)
    if chair is not None and chair.mode is not ChairMode.NONE:
        if chair.vice_chairs:
            n = chair.vice_chairs
            form = ngettext(
                lang, "The body has {n} vice-chair.", "The body has {n} vice-chairs.", n
            )
            d.say(form.format(n=n), chair_rule)
        else:
            d.say(pgettext(lang, "document", "The body has no vice-chair."), chair_rule)
        if chair.from_members:
            text = pgettext(
                lang,
                "document",
                "The chair and the vice-chairs are elected from among the voting members.",
            )
            d.say(text, chair_rule)
        if chair.procedure_recorded:
            text = pgettext(
                lang, "document", "The way the chair is chosen is recorded with its reasons."
            )
            d.say(text, chair_rule)
    secretary = False
    if isinstance(rules, OpenForum) and rules.coordinator:
        who = _own(rules.coordinator, lang)
        d.say(Text("Coordinator: {who}.", who=who).text_in(lang), "OF-5")
    if isinstance(rules, ThemeNetworkCouncil):
        if rules.convener:
            who = _own(rules.convener, lang)
            d.say(Text("Convener: {who}.", who=who).text_in(lang), "KU-6")
        if rules.secretary:
            who = _own(rules.secretary, lang)
            d.say(Text("Secretary: {who}.", who=who).text_in(lang), "KU-6")
            secretary = True
    functions = general.required_functions
    if functions:
        names = Joined([function_term(f.function) for f in functions], "and")
        text = Text("Functions that must be held: {functions}.", functions=names)
        d.say(text, _kind_rule(rules, "WS-8", "OF-5", "KU-6", "GEN-3"))
        secretary = secretary or any(f.function == Function.SECRETARY for f in functions)
    groups = {g.id: g for g in general.seat_groups}
    for f in functions:
        if not f.conditioned:
            continue
        holders = [
            _group_label(rules, groups[g], lang) if g in groups else g for g in sorted(f.groups)
        ]
        holders += [word(s, lang) for s in sorted(f.sources, key=lambda s: s.value)]
        holders += [word(r, lang) for r in sorted(f.roles, key=lambda r: r.value)]
        text = Text(
            "Who may hold the function {function}: {who}.",
            function=function_term(f.function),
            who=Joined(holders, "and"),
        )
        d.say(text, "GEN-3")
    if not secretary:
        d.say(pgettext(lang, "document", "The rule set does not state a secretary."), "GEN-3")
    if general.duties:
        duties = Joined([function_term(x.duty) for x in general.duties], "and")
        text = Text("Rotating duties, in the turns the rule set lists: {duties}.", duties=duties)
        d.say(text, "GEN-3")
    return d.section(3, pgettext(lang, "document", "Chair and secretary"), lang)


def _fraction(value: float) -> str:
    parts = round(1 / value) if value > 0 else 0
    return f"1/{parts}" if parts and abs(parts * value - 1) < 1e-9 else f"{value:g}"


def _term_length(policy: TermPolicy, lang: str) -> str:
    council = word(policy.council, lang)
    if policy.mode is TermMode.FIXED:
        if policy.months is None:
            return pgettext(
                lang, "document", "The term is fixed, but the rule set does not state its length."
            )
        m = policy.months
        return ngettext(
            lang, "The term is {months} month.", "The term is {months} months.", m
        ).format(months=m)
    if policy.mode is TermMode.COUNCIL:
        return Text("The term follows the council term ({council}).", council=council).text_in(lang)
    if policy.mode is TermMode.COUNCIL_FRACTION:
        if policy.fraction is None:
            return Text(
                "The term is a part of the council term ({council}); the part is not stated.",
                council=council,
            ).text_in(lang)
        return Text(
            "The term is {fraction} of the council term ({council}).",
            fraction=_fraction(policy.fraction),
            council=council,
        ).text_in(lang)
    if policy.mode is TermMode.FIXED_DATES:
        start = _date(policy.start, lang) if policy.start else _not_stated(lang)
        end = _date(policy.end, lang) if policy.end else _not_stated(lang)
        return Text("The term runs from {start} to {end}.", start=start, end=end).text_in(lang)
    return pgettext(lang, "document", "The term is agreed with the organisations.")


def _term(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    text: str | Translatable
    length = _kind_rule(rules, "FC-12", "OF-8", "KU-5", "FC-12")
    rotation = _kind_rule(rules, "FC-13", "FC-13", "KU-5", "FC-13")
    policy = rules.term
    if policy is None:
        d.say(pgettext(lang, "document", "The rule set does not state the term."), length)
        return d.section(4, pgettext(lang, "document", "Term and rotation"), lang)
    d.say(_term_length(policy, lang), length)
    if policy.first_term_months:
        months = Joined(list(policy.first_term_months), "and")
        text = Text(
            "The first terms are {months} months, so that not all members change at once.",
            months=months,
        )
        d.say(text, rotation)
    if policy.first_term_end is not None:
        text = Text("The first term ends on {date}.", date=_date(policy.first_term_end, lang))
        d.say(text, length)
    if policy.rotation < 1 and not policy.first_term_months:
        percent = _number(round(policy.rotation * 100, 1), lang)
        text = Text("At each changeover, {percent} % of the members change.", percent=percent)
        d.say(text, rotation)
    if policy.rotation_practice is not None:
        practice = word(policy.rotation_practice, lang)
        d.say(Text("Rotation practice: {practice}.", practice=practice).text_in(lang), rotation)
    elif policy.rotation < 1 and not policy.first_term_months:
        d.say(
            pgettext(lang, "document", "The rule set does not state the rotation practice."),
            rotation,
        )
    if policy.max_consecutive_person is not None:
        n = policy.max_consecutive_person
        form = ngettext(
            lang,
            "A person may serve at most {n} term in a row.",
            "A person may serve at most {n} terms in a row.",
            n,
        )
        d.say(form.format(n=n), "FC-13")
    if policy.max_consecutive_organisation is not None:
        n = policy.max_consecutive_organisation
        form = ngettext(
            lang,
            "An organisation may hold a seat for at most {n} term in a row.",
            "An organisation may hold a seat for at most {n} terms in a row.",
            n,
        )
        d.say(form.format(n=n), "WS-5")
    if policy.max_months is not None:
        text = Text("The longest term accepted is {months} months.", months=policy.max_months)
        d.say(text, length)
    return d.section(4, pgettext(lang, "document", "Term and rotation"), lang)


def _fee_text(fee: FeePolicy | None, lang: str) -> str:
    if fee is None:
        return pgettext(lang, "document", "The rule set does not state meeting fees.")
    if fee is FeePolicy.FEE_RULE:
        return pgettext(lang, "document", "Meeting fees are paid according to the fee rule.")
    if fee is FeePolicy.OTHER_AGREED:
        return pgettext(
            lang, "document", "Instead of meeting fees, other compensation is paid as agreed."
        )
    if fee is FeePolicy.TO_BE_AGREED:
        return pgettext(lang, "document", "Meeting fees are still to be agreed.")
    return pgettext(lang, "document", "No meeting fees are paid.")


def _meetings(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    text: str | Translatable
    meeting_rule = _kind_rule(rules, "FC-11", "OF-6", "FC-11", "FC-11")
    fee_rule = _kind_rule(rules, "FC-14", "OF-9", "FC-14", "FC-14")
    policy = rules.meetings
    if policy.per_year is None:
        text = pgettext(lang, "document", "The rule set does not state how often the body meets.")
        d.say(text, meeting_rule)
    else:
        count = _count(policy.per_year, lang)
        form = ngettext(
            lang,
            "The body meets {count} time a year.",
            "The body meets {count} times a year.",
            _plural_of(policy.per_year),
        )
        d.say(form.format(count=count), meeting_rule)
    if policy.agreed_jointly:
        text = pgettext(
            lang,
            "document",
            "The meetings are agreed jointly by the wellbeing area and the organisations.",
        )
        d.say(text, "OF-6")
    if policy.practice is not None:
        how = word(policy.practice, lang)
        d.say(Text("How the body meets: {how}.", how=how).text_in(lang), "KU-14")
    if policy.start_up_per_year is not None:
        text = Text(
            "At the start the body meets {count} times a year; the rhythm is then re-assessed.",
            count=_count(policy.start_up_per_year, lang),
        )
        if policy.start_up_months:
            text = Text(
                "For its first {months} months the body meets {count} times a year; the "
                "rhythm is then re-assessed.",
                months=policy.start_up_months,
                count=_count(policy.start_up_per_year, lang),
            )
        d.say(text, "WS-4")
    if policy.network_meetings_per_year:
        n = policy.network_meetings_per_year
        text = Text("Members also take part in {n} theme-network meetings a year.", n=n)
        d.say(text, "KU-9")
    if policy.location:
        d.say(Text("Meeting place: {location}.", location=policy.location).text_in(lang))
    if rules.time_budget_hours_per_year is not None:
        hours = _number(rules.time_budget_hours_per_year, lang)
        text = Text("The time expected of a member: {hours} hours a year.", hours=hours)
        d.say(text, "WS-9")
    d.say(_fee_text(rules.fee, lang), fee_rule)
    if rules.fee_amount is not None and rules.fee is FeePolicy.FEE_RULE:
        amount = _number(rules.fee_amount, lang)
        d.say(Text("The meeting fee is {amount} euros a meeting.", amount=amount), fee_rule)
    return d.section(5, pgettext(lang, "document", "Meetings and fees"), lang)


def _changes(rules: RuleSet, lang: str) -> Section:
    d = _Draft(lang)
    text: str | Translatable
    who: Authority | None = rules.mid_term_changes
    if who is None:
        text = pgettext(
            lang,
            "document",
            "The rule set does not state who decides on changes in the composition during"
            " the term.",
        )
        d.say(text, "FC-15")
    else:
        text = Text(
            "Changes in the composition during the term are decided by: {authority}.",
            authority=word(who, lang),
        ).text_in(lang)
        d.say(text, "FC-15")
    return d.section(6, pgettext(lang, "document", "Changes during the term"), lang)


# -------------------------------------------------------------- the appendix
def _window(rules: RuleSet, composition: Composition) -> tuple[date, date | None] | Text:
    """The term every seat starts on the composition's date, or why there is none."""
    if composition.as_of is None:
        return Text("the composition gives no date")
    if rules.term is None:
        return Text("the rule set does not state the term")
    try:
        w = membership_window(rules.term, composition.as_of)
    except TermError:
        return Text("the term cannot be computed from the composition's date")
    return (w.start, w.end)


def _seat_group_of(seat: Seat, composition: Composition) -> str | None:
    """A seat's group: its own, else (a deputy) its member's."""
    if seat.group is not None:
        return seat.group
    member = composition.find_seat(seat.deputy_of)
    return member.group if member is not None else None


def _organisation_cell(seat: Seat, composition: Composition, lang: str) -> str:
    if seat.organisation is not None:
        org = composition.find_organisation(seat.organisation)
        return org.name if org is not None and org.name else seat.organisation
    if seat.person is not None:
        return ""
    if seat.pending:
        return pgettext(lang, "document", "vacant, a holder asked for")
    return pgettext(lang, "document", "vacant")


def _deputy_cell(seat: Seat, lang: str) -> str:
    if seat.deputy_of is not None:
        return seat.deputy_of
    if seat.kind is SeatKind.DEPUTY and seat.order is not None:
        return Text("no. {order} in the order of substitution", order=seat.order).text_in(lang)
    return ""


def composition_appendix(
    rules: RuleSet, composition: Composition, *, lang: Lang = "en"
) -> Document:
    """The composition as an appendix: one table row per seat, in the composition's order.

    Columns: seat, kind, group, organisation (its name, else its id; a vacant seat says
    so), whose deputy, term start and end — the window the rule set's term gives a
    member starting on the composition's ``as_of`` (left blank, with the reason, when
    there is no date or no term) — and a *Name* column only when some seat's person has
    a name.

    >>> import jarjestoyhteistyo as jy
    >>> from datetime import date
    >>> from jarjestoyhteistyo.model.composition import Seat, SeatKind
    >>> comp = jy.Composition(as_of=date(2026, 1, 1), seats=(
    ...     Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", organisation="o1"),
    ...     Seat(id="d1", kind=SeatKind.DEPUTY, deputy_of="m1")))
    >>> table = composition_appendix(jy.load_preset("vake"), comp, lang="fi").sections[0].table
    >>> table.header
    ('Paikka', 'Laji', 'Ryhmä', 'Järjestö', 'Kenen varajäsen', 'Toimikausi alkaa', 'Toimikausi päättyy')
    >>> table.rows[1]
    ('d1', 'varajäsen', 'eläkeläiset', 'avoin', 'm1', '1.1.2026', '31.12.2027')
    """  # noqa: E501
    general = rules.as_general()
    groups = {g.id: g for g in general.seat_groups}
    d = _Draft(lang)
    text: str | Translatable
    if composition.name:
        d.say(Text("Composition: {name}.", name=composition.name).text_in(lang))
    if composition.as_of is not None:
        when = _date(composition.as_of, lang)
        d.say(Text("Date of the composition: {date}.", date=when).text_in(lang))
    if composition.stage is not None:
        d.say(Text("Stage: {stage}.", stage=word(composition.stage, lang)).text_in(lang))
    window = _window(rules, composition)
    if isinstance(window, Text):
        text = Text("Term start and end are left blank: {reason}.", reason=window)
        d.say(text)
        start = end = ""
    else:
        text = pgettext(
            lang,
            "document",
            "Term start and end: a term starting on the composition's date, by the rule"
            " set's term.",
        )
        d.say(text, _kind_rule(rules, "FC-12", "OF-8", "KU-5", "FC-12"))
        start = _date(window[0], lang)
        end = _date(window[1], lang) if window[1] is not None else ""
    names = any(s.person is not None and s.person.name for s in composition.seats)
    header = [
        pgettext(lang, "document", "Seat"),
        pgettext(lang, "document", "Kind"),
        pgettext(lang, "document", "Group"),
        pgettext(lang, "document", "Organisation"),
        pgettext(lang, "document", "Deputy of"),
        pgettext(lang, "document", "Term starts"),
        pgettext(lang, "document", "Term ends"),
    ]
    if names:
        header.append(pgettext(lang, "document", "Name"))
    rows = []
    for seat in composition.seats:
        gid = _seat_group_of(seat, composition)
        group = groups.get(gid) if gid is not None else None
        served = seat.kind is not SeatKind.STAFF
        row = [
            seat.id,
            word(seat.kind, lang),
            _group_label(rules, group, lang) if group is not None else (gid or ""),
            _organisation_cell(seat, composition, lang),
            _deputy_cell(seat, lang),
            start if served else "",
            end if served else "",
        ]
        if names:
            row.append(seat.person.name or "" if seat.person is not None else "")
        rows.append(tuple(row))
    d.rules.append(_kind_rule(rules, "FC-4", "OF-3", "KU-4", "GEN-5"))
    section = Section(
        number=None,
        heading=pgettext(lang, "document", "Seats"),
        paragraphs=tuple(d.paragraphs),
        table=Table(header=tuple(header), rows=tuple(rows)),
        rules=_rules(d.rules),
    )
    return Document(
        title=rules.name_in(lang),
        lang=lang,
        subtitle=pgettext(lang, "document", "Appendix: composition"),
        sections=(section,),
    )


# ---------------------------------------------------------------- the summary
def _finding_row(f: Finding, lang: Lang) -> tuple[str, ...]:
    message = f.message(lang)
    return (severity_word(f.severity, lang), f.code, f.rule, f.path, message)


def validation_summary(report: Report, *, lang: Lang = "en") -> Document:
    """A report as a document: its verdict line, then a table of its findings
    (severity, code, rule, path, message) in ``lang``; a clean report says it has no
    findings.

    >>> import jarjestoyhteistyo as jy
    >>> rules = jy.load_preset("vake")
    >>> doc = validation_summary(jy.validate(rules, jy.Composition()), lang="sv")
    >>> doc.sections[0].paragraphs[0]
    'Delegationen för organisationssamarbete: INTE I ORDNING — 3 fel, 8 varningar'
    >>> doc.sections[0].table.rows[0][:3]
    ('fel', 'JY209', 'FC-6')
    """
    section = Section(
        number=None,
        heading=pgettext(lang, "document", "Findings"),
        paragraphs=(report.summary(lang),)
        + (() if report.findings else (pgettext(lang, "document", "No findings."),)),
        table=Table(
            header=(
                pgettext(lang, "document", "Severity"),
                pgettext(lang, "document", "Code"),
                pgettext(lang, "document", "Rule"),
                pgettext(lang, "document", "Path"),
                pgettext(lang, "document", "Message"),
            ),
            rows=tuple(_finding_row(f, lang) for f in report.findings),
        )
        if report.findings
        else None,
        rules=_rules(report.rule_ids()),
    )
    return Document(
        title=report.subject_in(lang) or pgettext(lang, "document", "Validation summary"),
        lang=lang,
        subtitle=pgettext(lang, "document", "Validation summary"),
        sections=(section,),
    )


def committee_document(
    rules: RuleSet,
    composition: Composition | None = None,
    report: Report | None = None,
    *,
    lang: Lang = "en",
) -> Document:
    """The rules of procedure with the composition appendix (given a composition) and
    the validation summary (given a report) as appendices 1 and 2: what the command line's
    ``document`` writes.

    >>> import jarjestoyhteistyo as jy
    >>> rules = jy.load_preset("vake")
    >>> doc = committee_document(rules, jy.Composition(), jy.validate(rules, jy.Composition()))
    >>> [s.title for s in doc.sections][-3:]
    ['Section 6 Changes during the term', 'Appendix 1 Composition', 'Appendix 2 Validation summary']
    """
    doc = rules_of_procedure(rules, lang=lang)
    appendices: list[Section] = []
    parts: list[tuple[Document, str]] = []
    if composition is not None:
        heading = pgettext(lang, "document", "Composition")
        parts.append((composition_appendix(rules, composition, lang=lang), heading))
    if report is not None:
        heading = pgettext(lang, "document", "Validation summary")
        parts.append((validation_summary(report, lang=lang), heading))
    for n, (part, heading) in enumerate(parts, start=1):
        marker = pgettext(lang, "document", "Appendix {number}").format(number=n)
        for section in part.sections:
            appendices.append(attrs.evolve(section, marker=marker, heading=heading))
    return attrs.evolve(doc, sections=doc.sections + tuple(appendices))


# ----------------------------------------------------------------- the writers
def _need(module: str) -> Any:
    """The optional library ``module``, or :class:`MissingDependencyError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            Text(
                "writing this document needs {library}: {command}",
                library=module.partition(".")[0],
                command=_INSTALL,
            )
        ) from exc


def _clean(value: Any) -> Any:
    """A string without the unsafe characters (the templates' ``finalize``)."""
    return drop_unsafe(value) if isinstance(value, str) else value


_MD_SPECIAL: Final = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>|#~"})


def _md(value: Any) -> Any:
    """A value as Markdown text: markup characters escaped, on one line, a leading list
    or heading marker escaped (the Markdown template's ``finalize``)."""
    if not isinstance(value, str):
        return value
    text = " ".join(drop_unsafe(value).split()).translate(_MD_SPECIAL)
    if text[:1] in ("-", "+", "="):
        return "\\" + text
    return _MD_ORDERED.sub(r"\1\\\2", text, count=1)


_MD_ORDERED: Final = re.compile(r"^(\d+)([.)])")

_MARKDOWN: Final = """\
# {{ doc.title }}

{% if doc.subtitle %}
**{{ doc.subtitle }}**

{% endif %}
{% for p in doc.preamble %}
{{ p }}

{% endfor %}
{% for s in doc.sections %}
## {{ s.title }}

{% for p in s.paragraphs %}
{{ p }}

{% endfor %}
{% for i in s.items %}
- {{ i }}
{% endfor %}

{% if s.table %}
| {% for h in s.table.header %}{{ h }} | {% endfor %}

|{% for h in s.table.header %} --- |{% endfor %}

{% for row in s.table.rows %}
| {% for c in row %}{{ c }} | {% endfor %}

{% endfor %}

{% endif %}
{% if s.rules %}
*{{ s.rules_line }}*

{% endif %}
{% endfor %}
"""

_HTML: Final = """\
<!DOCTYPE html>
<html lang="{{ doc.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ doc.page_title }}</title>
<style>
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt;
       line-height: 1.4; color: #000; background: #fff; max-width: 48em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
.subtitle { font-size: 14pt; font-weight: bold; margin-top: 0; }
h2 { font-size: 13pt; margin-top: 1.6em; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 10pt; }
th, td { border: 1px solid #444; padding: 0.25em 0.4em; text-align: left;
         vertical-align: top; }
th { background: #eee; }
tr { page-break-inside: avoid; }
.rules { font-style: italic; color: #333; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<header>
<h1>{{ doc.title }}</h1>
{% if doc.subtitle %}<p class="subtitle">{{ doc.subtitle }}</p>{% endif %}
{% for p in doc.preamble %}<p class="preamble">{{ p }}</p>
{% endfor %}
</header>
<main>
{% for s in doc.sections %}
<section>
<h2>{{ s.title }}</h2>
{% for p in s.paragraphs %}<p>{{ p }}</p>
{% endfor %}
{% if s.items %}<ul>
{% for i in s.items %}<li>{{ i }}</li>
{% endfor %}</ul>
{% endif %}
{% if s.table %}<table>
<thead><tr>{% for h in s.table.header %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in s.table.rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table>
{% endif %}
{% if s.rules %}<p class="rules">{{ s.rules_line }}</p>
{% endif %}
</section>
{% endfor %}
</main>
</body>
</html>
"""


def to_markdown(doc: Document) -> str:
    """The document as Markdown: ``#`` title, ``##`` sections, lists, pipe tables.

    >>> d = Document(title="Body", lang="en", sections=(
    ...     Section(number=1, marker="Section 1", heading="Tasks", paragraphs=("A | b *c*",),
    ...             table=Table(header=("x",), rows=(("1",),)), rules=("FC-1",)),))
    >>> print(to_markdown(d))
    # Body
    <BLANKLINE>
    ## Section 1 Tasks
    <BLANKLINE>
    A \\| b \\*c\\*
    <BLANKLINE>
    | x |
    | --- |
    | 1 |
    <BLANKLINE>
    *(FC-1)*
    """
    jinja2 = _need("jinja2")
    env = jinja2.Environment(
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_md,
        keep_trailing_newline=True,
    )
    text = env.from_string(_MARKDOWN).render(doc=doc)
    out: list[str] = []
    for line in text.splitlines():  # one blank line between blocks
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def to_html(doc: Document) -> str:
    """The document as a whole HTML page: ``<!DOCTYPE html>``, ``<meta charset="utf-8">``,
    ``<title>``, the ``lang`` attribute, print-friendly CSS; every value escaped.

    >>> page = to_html(Document(title="A <b>", lang="fi"))
    >>> '<html lang="fi">' in page, "<title>A &lt;b&gt;</title>" in page
    (True, True)
    """
    jinja2 = _need("jinja2")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, finalize=_clean)
    return str(env.from_string(_HTML).render(doc=doc))


def _docx_bytes(doc: Document) -> bytes:
    docx = _need("docx")
    shared = _need("docx.shared")
    word_doc = docx.Document()
    props = word_doc.core_properties
    props.title = _clean(doc.page_title)
    props.language = doc.lang
    word_doc.add_heading(_clean(doc.title), level=0)
    if doc.subtitle:
        word_doc.add_paragraph(_clean(doc.subtitle), style="Subtitle")
    for p in doc.preamble:
        word_doc.add_paragraph(_clean(p))
    for s in doc.sections:
        word_doc.add_heading(_clean(s.title), level=1)
        for p in s.paragraphs:
            word_doc.add_paragraph(_clean(p))
        for item in s.items:
            word_doc.add_paragraph(_clean(item), style="List Bullet")
        if s.table is not None:
            table = word_doc.add_table(rows=1 + len(s.table.rows), cols=len(s.table.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, s.table.header, strict=True):
                cell.text = ""
                run = cell.paragraphs[0].add_run(_clean(text))
                run.bold = True
            for row, cells in zip(table.rows[1:], s.table.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = _clean(text)
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = shared.Pt(9)
        if s.rules:
            run = word_doc.add_paragraph().add_run(s.rules_line)
            run.italic = True
    buffer = io.BytesIO()
    word_doc.save(buffer)
    return buffer.getvalue()


def _odt_bytes(doc: Document) -> bytes:
    opendocument = _need("odf.opendocument")
    style = _need("odf.style")
    text = _need("odf.text")
    table = _need("odf.table")
    dc = _need("odf.dc")
    odt = opendocument.OpenDocumentText()
    odt.meta.addElement(dc.Title(text=_clean(doc.page_title)))
    odt.meta.addElement(dc.Language(text=doc.lang))

    def para_style(name: str, size: str, *, bold: bool = False, italic: bool = False) -> Any:
        s = style.Style(name=name, family="paragraph")
        props: dict[str, str] = {"fontsize": size}
        if bold:
            props["fontweight"] = "bold"
        if italic:
            props["fontstyle"] = "italic"
        s.addElement(style.TextProperties(**props))
        s.addElement(style.ParagraphProperties(margintop="0.2cm", marginbottom="0.2cm"))
        odt.styles.addElement(s)
        return s

    title = para_style("Title", "18pt", bold=True)
    subtitle = para_style("Subtitle", "14pt", bold=True)
    heading = para_style("Heading_20_1", "13pt", bold=True)
    heading.setAttribute("displayname", "Heading 1")
    body = para_style("Text_20_body", "11pt")
    body.setAttribute("displayname", "Text body")
    rules_style = para_style("Rules", "10pt", italic=True)
    cell_style = para_style("Table_20_Contents", "9pt")
    head_style = para_style("Table_20_Heading", "9pt", bold=True)
    cell = style.Style(name="Cell", family="table-cell")
    cell.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.05cm"))
    odt.automaticstyles.addElement(cell)
    odt.text.addElement(text.P(stylename=title, text=_clean(doc.title)))
    if doc.subtitle:
        odt.text.addElement(text.P(stylename=subtitle, text=_clean(doc.subtitle)))
    for p in doc.preamble:
        odt.text.addElement(text.P(stylename=body, text=_clean(p)))
    for n, s in enumerate(doc.sections):
        odt.text.addElement(text.H(outlinelevel=1, stylename=heading, text=_clean(s.title)))
        for p in s.paragraphs:
            odt.text.addElement(text.P(stylename=body, text=_clean(p)))
        if s.items:
            items = text.List()
            for item in s.items:
                entry = text.ListItem()
                entry.addElement(text.P(stylename=body, text=_clean(item)))
                items.addElement(entry)
            odt.text.addElement(items)
        if s.table is not None:
            grid = table.Table(name=f"Table{n + 1}")
            grid.addElement(table.TableColumn(numbercolumnsrepeated=len(s.table.header)))
            lines = [(s.table.header, head_style), *((r, cell_style) for r in s.table.rows)]
            for cells, cell_para in lines:
                row = table.TableRow()
                for value in cells:
                    c = table.TableCell(stylename=cell, valuetype="string")
                    c.addElement(text.P(stylename=cell_para, text=_clean(value)))
                    row.addElement(c)
                grid.addElement(row)
            odt.text.addElement(grid)
        if s.rules:
            odt.text.addElement(text.P(stylename=rules_style, text=s.rules_line))
    buffer = io.BytesIO()
    odt.write(buffer)
    return buffer.getvalue()


def _save(data: bytes, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """``data`` into a binary stream, or into a file whole or not at all
    (:func:`~jarjestoyhteistyo.io.files.write_atomically`)."""
    if isinstance(target, str | os.PathLike):
        write_atomically(target, data)
    else:
        target.write(data)


def to_docx(doc: Document, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the document as Word ``.docx`` (python-docx) to a path or a binary stream:
    the title, the sections as level-1 headings with their numbers (``2 § Kokoonpano``),
    bulleted lists, tables with a header row, the document's language in its properties.
    """
    _save(_docx_bytes(doc), target)


def to_odt(doc: Document, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the document as OpenDocument ``.odt`` (odfpy) to a path or a binary stream:
    headings of outline level 1, paragraphs, lists and tables, the title and language
    in its metadata."""
    _save(_odt_bytes(doc), target)


def write_document(doc: Document, path: str | os.PathLike[str]) -> str:
    """Write ``doc`` to ``path`` in the format its suffix names (:data:`SUFFIXES`), whole
    or not at all; returns the format. :class:`~jarjestoyhteistyo.errors.RenderError` for
    another suffix."""
    suffix = Path(path).suffix.lower()
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise RenderError(
            Text(
                "cannot write a document as '{suffix}': give a file ending in {suffixes}",
                suffix=suffix,
                suffixes=Joined(list(SUFFIXES)),
            )
        )
    if kind == "docx":
        to_docx(doc, path)
    elif kind == "odt":
        to_odt(doc, path)
    elif kind == "html":
        _save(to_html(doc).encode("utf-8"), path)
    else:
        _save(to_markdown(doc).encode("utf-8"), path)
    return kind
