"""A transparent scorecard: a structure against what the NGOs asked for (`WS-1`, `WS-2`).

:func:`scorecard` scores a structure against :data:`CRITERIA` — the wishes of the
workshops (`WS-1`, `WS-2`, `WS-4`, `WS-5`, `KU-9`, `KU-12`): each line names the
criterion, the facts it looked at, the verdict (1 good, 0.5 partial, 0 weak) and
why. The weights are data (:data:`DEFAULT_WEIGHTS`); the total is their weighted
mean. A :class:`ScoreCriterion` is a criterion of this scorecard — not a selection
criterion (:class:`~jarjestoyhteistyo.model.rulesets.Criterion`, `OF-3`), which is
part of a rule set.

>>> import jarjestoyhteistyo as jy
>>> card = scorecard(jy.load_preset("keski-uusimaa"))
>>> [(line.criterion, line.verdict) for line in card.lines][:3]
[('decision_link', 0.5), ('openness', 1.0), ('equality', 0.5)]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from jarjestoyhteistyo.analysis.metrics import (
    Value,
    _continuity,
    format_value,
    skeleton_composition,
)
from jarjestoyhteistyo.calc.meetings import workload
from jarjestoyhteistyo.calc.rotation import term_months
from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import ComparisonError, NotFoundError, RotationError
from jarjestoyhteistyo.i18n import Lang, Text, pgettext
from jarjestoyhteistyo.io.tables import Markdown, dataframe, html_table, markdown_table
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    DeputyMode,
    FormalCommittee,
    OpenForum,
    PartyTies,
    RuleSet,
    SeatSource,
)
from jarjestoyhteistyo.rules.politics import mentions_party_politics
from jarjestoyhteistyo.rules.seats import body_size

__all__ = [
    "AGILE_MAX_SIZE",
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "RESULT_STEMS",
    "ScoreCriterion",
    "ScoreLine",
    "Scorecard",
    "criterion_label",
    "scorecard",
]

#: The largest body the scorecard calls agile (`KU-12`: 10–12 members is suitable).
AGILE_MAX_SIZE = 12

GOOD, PARTIAL, WEAK = 1.0, 0.5, 0.0
_VERDICT_WORDS = {GOOD: "good", PARTIAL: "partial", WEAK: "weak"}

Facts: TypeAlias = Mapping[str, Value]


def _facts(values: Mapping[str, Value]) -> Facts:
    return MappingProxyType(dict(values))


@attrs.frozen(kw_only=True)
class ScoreLine:
    """One criterion of a :class:`Scorecard`: the facts looked at, the verdict and why.

    ``verdict`` is 1 (good), 0.5 (partial) or 0 (weak); ``weight`` the weight used.
    """

    criterion: str
    label: str
    rules: tuple[str, ...]
    facts: Facts = attrs.field(converter=_facts, eq=False)
    verdict: float
    why: str
    weight: float

    @property
    def word(self) -> str:
        """The verdict as a word: ``good``, ``partial`` or ``weak``."""
        return _VERDICT_WORDS.get(self.verdict, f"{self.verdict:g}")


@attrs.frozen(kw_only=True)
class ScoreCriterion:
    """A scorecard criterion: an id, a label, the rule ids it rests on, a judge.

    Not a selection criterion of a rule set
    (:class:`~jarjestoyhteistyo.model.rulesets.Criterion`): this one judges a
    structure, that one chooses members.

    ``judge`` maps a rule set to ``(facts, verdict, why)``; every judge is a plain
    function of this module, so the judgement is readable code, not hidden.
    """

    id: str
    label: str
    rules: tuple[str, ...]
    judge: Callable[[RuleSet], tuple[dict[str, Value], float, str]] = attrs.field(eq=False)


def _three(good: bool, partial: bool) -> float:
    return GOOD if good else PARTIAL if partial else WEAK


_ORGANS = frozenset(
    {
        Authority.COMMITTEE,
        Authority.EXECUTIVE_BOARD,
        Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
        Authority.REGIONAL_COUNCIL,
    }
)


def _decision_link(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    official = any(g.source is SeatSource.OFFICIAL for g in general.seat_groups)
    organ = general.selection.authority in _ORGANS
    facts: dict[str, Value] = {
        "parent_organ": rules.parent_organ,
        "appointing_authority": None
        if general.selection.authority is None
        else general.selection.authority.value,
        "statutory_duties": rules.statutory_duties,
        "official_seats": official,
    }
    has_parent = rules.parent_organ is not None
    verdict = _three(has_parent and organ, has_parent or organ or official)
    why = {
        GOOD: "attached to an organ of the wellbeing area, which also appoints the members",
        PARTIAL: "a link exists (a parent organ, an appointing organ or an official seat) "
        "but not both a parent organ and an appointing organ",
        WEAK: "no parent organ, no appointing organ and no official seat",
    }[verdict]
    return facts, verdict, why


def _openness(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    sel = rules.as_general().selection
    facts: dict[str, Value] = {
        "open_registration": sel.open_registration,
        "continuous_joining": sel.continuous_joining,
        "criteria_only_when_oversubscribed": sel.criteria_only_when_oversubscribed,
    }
    verdict = _three(
        sel.open_registration and (sel.continuous_joining or sel.criteria_only_when_oversubscribed),
        sel.open_registration,
    )
    why = {
        GOOD: "any NGO may register, and joining is continuous or criteria apply only "
        "when oversubscribed",
        PARTIAL: "any NGO may register, but the appointing authority selects",
        WEAK: "no open registration",
    }[verdict]
    return facts, verdict, why


def _equality(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    sel = general.selection
    reserved = [
        g.seats.upper
        for g in general.seat_groups
        if g.source in (SeatSource.CATEGORY, SeatSource.NETWORK)
    ]
    equal_fields = bool(reserved) and len(set(reserved)) == 1
    equal_chance = sel.open_registration and sel.criteria_only_when_oversubscribed
    facts: dict[str, Value] = {
        "equal_seats_per_field": equal_fields,
        "equal_chance_to_join": equal_chance,
        "one_seat_per_organisation": bool(sel.one_seat_per_organisation),
    }
    fair = equal_fields or equal_chance
    one_seat = bool(sel.one_seat_per_organisation)
    verdict = _three(fair and one_seat, fair or one_seat)
    why = {
        GOOD: "every field gets the same seats, or every registrant the same chance, and "
        "no organisation holds two seats",
        PARTIAL: "only one of: equal seats per field / equal chance; one seat per organisation",
        WEAK: "neither equal seats per field nor an equal chance, and organisations may "
        "hold several seats",
    }[verdict]
    return facts, verdict, why


def _workload(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    per_year = rules.meetings.per_year
    hours = None if per_year is None else workload(rules.meetings).total
    budget = rules.time_budget_hours_per_year
    facts: dict[str, Value] = {
        "hours_per_member": hours,
        "time_budget_hours_per_year": budget,
        "meetings_per_year": None if per_year is None else per_year.upper,
    }
    if hours is None:
        return facts, PARTIAL, "no meeting rhythm stated, so the time a member gives is unknown"
    if budget is None:
        return facts, PARTIAL, "no time budget stated, so applicants cannot judge it (WS-9)"
    if hours <= budget:
        return facts, GOOD, f"{hours:g} h a year fits the stated budget of {budget:g} h"
    return facts, WEAK, f"{hours:g} h a year exceeds the stated budget of {budget:g} h"


_SUBSTITUTES = frozenset(
    {DeputyMode.PERSONAL, DeputyMode.OPTIONAL, DeputyMode.ORDERED, DeputyMode.PAIR}
)


def _continuity_line(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    share = _continuity(rules, skeleton_composition(rules))
    try:
        term: int | None = term_months(rules.term)
    except RotationError:
        term = None
    substitutes = general.deputies.mode in _SUBSTITUTES
    facts: dict[str, Value] = {
        "term_months": term,
        "continuity": share,
        "deputy_mode": general.deputies.mode.value,
    }
    staggered = share is not None and share >= 0.5
    verdict = _three(staggered and substitutes, staggered or substitutes)
    why = {
        GOOD: "at least half stay at every changeover, and deputies or a pair partner "
        "step in (WS-5)",
        PARTIAL: "only one of: staggered changeovers keeping half; deputies or pairs",
        WEAK: "no staggered changeover keeping half, and no fixed substitutes",
    }[verdict]
    return facts, verdict, why


_DIVERSITY_FACTS = frozenset({"size", "languages", "volunteer_run"})


def _diversity(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    d = general.diversity
    wanted = d.wants_volunteer_run and bool(d.languages) and d.size_classes >= 2
    used = sorted({u for c in general.selection.criteria for u in c.uses} & _DIVERSITY_FACTS)
    mixes = general.pairs is not None and bool(general.pairs.mixes)
    facts: dict[str, Value] = {
        "volunteer_run_wanted": d.wants_volunteer_run,
        "languages_wanted": ", ".join(sorted(d.languages)),
        "min_size_classes": d.size_classes,
        "criteria_on_diversity": ", ".join(used),
        "pair_mixes": mixes,
    }
    verdict = _three(wanted and (bool(used) or mixes), wanted or bool(used) or mixes)
    why = {
        GOOD: "diversity is wanted (volunteer-run, languages, sizes) and built into "
        "selection criteria or work-pair mixes",
        PARTIAL: "diversity is wanted or built into selection, not both",
        WEAK: "no diversity wish and nothing in selection",
    }[verdict]
    return facts, verdict, why


def _independence(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    sel = general.selection
    political = [c.id for c in sel.criteria if mentions_party_politics(c.id, c.text, *c.uses)]
    elected = sum(g.seats.upper for g in general.seat_groups if g.source is SeatSource.COMMITTEE)
    # the committee members the kind itself requires (FC-6, OF-7) are the body's link
    # to decision-making, not a political exposure the area chose
    required = elected if isinstance(rules, FormalCommittee | OpenForum) else 0
    forbidden = sel.party_political_ties is PartyTies.FORBIDDEN
    facts: dict[str, Value] = {
        "party_political_ties": None
        if sel.party_political_ties is None
        else sel.party_political_ties.value,
        "political_criteria": ", ".join(political),
        "elected_seats": elected,
        "elected_seats_the_kind_requires": required,
    }
    clean = forbidden and not political
    verdict = _three(clean and elected - required == 0, clean)
    why = {
        GOOD: "party-political ties are forbidden and no elected members sit in the body "
        "beyond the committee members its kind requires (FC-6, OF-7)",
        PARTIAL: "party-political ties are forbidden, but elected members sit in the body "
        "beyond what its kind requires (FC-17: exposure to political lines)",
        WEAK: "party-political ties are allowed or a criterion refers to party politics",
    }[verdict]
    return facts, verdict, why


def _agility(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    general = rules.as_general()
    size = body_size(rules)  # the same count as the KU-12 check
    limit = AGILE_MAX_SIZE
    if rules.recommended_size is not None and rules.recommended_size.max is not None:
        limit = rules.recommended_size.max
    adaptable = (
        rules.mid_term_changes is not None
        or general.selection.continuous_joining
        or rules.meetings.agreed_jointly
    )
    facts: dict[str, Value] = {
        "headcount": size,
        "agile_max_size": limit,
        "mid_term_changes": None
        if rules.mid_term_changes is None
        else rules.mid_term_changes.value,
        "continuous_joining": general.selection.continuous_joining,
        "meetings_agreed_jointly": rules.meetings.agreed_jointly,
    }
    small = size <= limit
    verdict = _three(small and adaptable, small or adaptable)
    why = {
        GOOD: f"at most {limit} people, and the body can change (mid-term changes, "
        "continuous joining or jointly agreed meetings)",
        PARTIAL: f"only one of: at most {limit} people (KU-12); a way to change mid-term",
        WEAK: f"more than {limit} people and no way to change mid-term",
    }[verdict]
    return facts, verdict, why


#: The word stems of a task with a concrete output (FC-2, KU-2) — naming
#: representatives, statements and positions, proposals and initiatives, negotiations
#: — in English, Finnish and Swedish, so that a rule set written in any of the three
#: scores the same. Matched in the casefolded task text.
RESULT_STEMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "en": ("representative", "statement", "position", "proposal", "initiative", "negotiat"),
        "fi": ("edustaj", "lausun", "kannanot", "esity", "aloitte", "neuvottel"),
        "sv": (
            "representant",
            "utlåtande",
            "ställningstagande",
            "förslag",
            "initiativ",
            "förhandl",
        ),
    }
)


def _concrete(task: str) -> bool:
    text = task.casefold()
    return any(stem in text for stems in RESULT_STEMS.values() for stem in stems)


def _results(rules: RuleSet) -> tuple[dict[str, Value], float, str]:
    concrete = [t for t in rules.tasks if _concrete(t)]
    facts: dict[str, Value] = {
        "tasks": len(rules.tasks),
        "concrete_output_tasks": "; ".join(concrete),
        "statutory_duties": rules.statutory_duties,
    }
    verdict = _three(bool(concrete), bool(rules.tasks))
    why = {
        GOOD: "tasks with concrete outputs: naming representatives, statements, "
        "proposals or negotiations (FC-2, KU-2)",
        PARTIAL: "tasks are written down, none with a concrete output",
        WEAK: "no tasks written down",
    }[verdict]
    return facts, verdict, why


#: The scorecard's criteria, in order (`WS-1`, `WS-2`, `WS-4`, `WS-5`, `KU-9`, `KU-12`).
CRITERIA: tuple[ScoreCriterion, ...] = (
    ScoreCriterion(
        id="decision_link",
        label="link to decision-making",
        rules=("WS-1", "FC-17", "OF-11"),
        judge=_decision_link,
    ),
    ScoreCriterion(
        id="openness", label="openness", rules=("WS-2", "OF-4", "KU-10"), judge=_openness
    ),
    ScoreCriterion(
        id="equality", label="equality", rules=("WS-2", "OF-4", "FC-4"), judge=_equality
    ),
    ScoreCriterion(
        id="workload",
        label="realistic workload",
        rules=("WS-1", "WS-4", "KU-9", "WS-9"),
        judge=_workload,
    ),
    ScoreCriterion(
        id="continuity",
        label="continuity",
        rules=("WS-5", "FC-13", "KU-5", "FC-8", "KU-7"),
        judge=_continuity_line,
    ),
    ScoreCriterion(
        id="diversity", label="diversity", rules=("WS-7", "WS-4", "KU-7"), judge=_diversity
    ),
    ScoreCriterion(
        id="party_independence",
        label="independence from party politics",
        rules=("WS-1", "FC-17"),
        judge=_independence,
    ),
    ScoreCriterion(id="agility", label="agility", rules=("WS-2", "KU-12", "FC-15"), judge=_agility),
    ScoreCriterion(
        id="concrete_results",
        label="concrete results",
        rules=("WS-2", "FC-2", "KU-2"),
        judge=_results,
    ),
)

#: Equal weights for every criterion: change them with ``scorecard(weights=...)``.
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType({c.id: 1.0 for c in CRITERIA})


def _weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in merged:
            known = ", ".join(merged)
            raise ComparisonError(
                Text(
                    "unknown scorecard criterion {key!r} (criteria: {known})", key=key, known=known
                )
            )
        if not math.isfinite(value) or value < 0:
            raise ComparisonError(
                Text(
                    "the weight of {key} must be a number of zero or more, not {value}",
                    key=key,
                    value=value,
                )
            )
        merged[key] = float(value)
    if not any(merged.values()):
        raise ComparisonError(Text("at least one scorecard weight must be above zero"))
    return merged


@attrs.frozen(kw_only=True)
class Scorecard:
    """A structure scored against `WS-1` and `WS-2`: lines and their weighted mean.

    >>> import jarjestoyhteistyo as jy
    >>> card = scorecard(jy.load_preset("vantaa-kerava-open-forum"))
    >>> card.line("workload").word, card.line("workload").why
    ('partial', 'no time budget stated, so applicants cannot judge it (WS-9)')
    """

    name: str
    lines: tuple[ScoreLine, ...]

    @property
    def total(self) -> float:
        """The weighted mean of the verdicts (0 … 1)."""
        weight = sum(line.weight for line in self.lines)
        return sum(line.verdict * line.weight for line in self.lines) / weight

    def line(self, criterion: str) -> ScoreLine:
        """The line of one criterion.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for line in self.lines:
            if line.criterion == criterion:
                return line
        raise NotFoundError(criterion)

    def to_records(self) -> list[dict[str, Value]]:
        """One plain dict per line (facts as ``key=value; ...`` text)."""
        return [
            {
                "criterion": line.criterion,
                "label": line.label,
                "rules": ", ".join(line.rules),
                "facts": _facts_text(line.facts),
                "verdict": line.verdict,
                "word": line.word,
                "weight": line.weight,
                "why": line.why,
            }
            for line in self.lines
        ]

    def to_dataframe(self) -> Any:
        """A tidy ``pandas.DataFrame``: one row per criterion, ``verdict`` and
        ``weight`` as floats, the texts as strings (needs the ``pandas`` extra).

        >>> import importlib.util, jarjestoyhteistyo as jy
        >>> if importlib.util.find_spec("pandas") is not None:
        ...     frame = scorecard(jy.load_preset("ku")).to_dataframe()
        ...     print(len(frame), str(frame["verdict"].dtype), str(frame["weight"].dtype))
        ... else:
        ...     print("9 float64 float64")
        9 float64 float64
        """
        columns = ("criterion", "label", "rules", "facts", "verdict", "word", "weight", "why")
        frame = dataframe(self.to_records(), columns, caller="Scorecard.to_dataframe()")
        for column in ("verdict", "weight"):
            frame[column] = frame[column].astype("float64")
        for column in ("criterion", "label", "rules", "facts", "word", "why"):
            frame[column] = frame[column].astype("string")
        return frame

    def to_markdown(self, *, lang: Lang = "en") -> str:
        """A Markdown table: criterion, verdict, weight, why, facts; then the total.

        In Finnish and Swedish (``lang``) the columns, criteria and verdicts are in
        words; the reasons and the facts' keys are in English.

        >>> import jarjestoyhteistyo as jy
        >>> print(scorecard(jy.load_preset("keski-uusimaa")).to_markdown().splitlines()[0])
        | criterion | rules | verdict | weight | why | facts |
        >>> print(scorecard(jy.load_preset("ku")).to_markdown(lang="fi").splitlines()[0])
        | kriteeri | säännöt | arvio | paino | perustelu | tosiasiat |
        """
        total = Markdown(f"**{_total_word(lang)}** ({_mean_word(lang)})")
        return markdown_table(_header(lang), self._rows(total, lang))

    def _repr_html_(self, *, lang: Lang | None = None) -> str:
        """The scorecard as an HTML table for Jupyter, in ``lang`` (by default the
        display language, :func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        caption = pgettext(lang, "scorecard", "Scorecard: {name}").format(name=self.name)
        total = f"{_total_word(lang)} ({_mean_word(lang)})"
        return html_table(caption, _header(lang), self._rows(total, lang))

    def _rows(
        self, total_label: str, lang: str = "en"
    ) -> list[tuple[str, str, str, str, str, str]]:
        """One row a criterion, then the total: the table of Markdown and HTML alike."""
        rows = [
            (
                _line_label(line, lang),
                ", ".join(line.rules),
                f"{_verdict_word(line, lang)} ({_g(line.verdict, lang)})",
                _g(line.weight, lang),
                line.why,
                _facts_text(line.facts, lang),
            )
            for line in self.lines
        ]
        rows.append((total_label, "", _decimals(self.total, lang), "", "", ""))
        return rows


def _decimals(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def _g(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def _total_word(lang: str) -> str:
    return pgettext(lang, "scorecard", "total")


def _mean_word(lang: str) -> str:
    return pgettext(lang, "scorecard", "weighted mean")


def _verdict_word(line: ScoreLine, lang: str) -> str:
    """The verdict in words in ``lang`` (the words of :attr:`ScoreLine.word`)."""
    if line.verdict == GOOD:
        return pgettext(lang, "verdict", "good")
    if line.verdict == PARTIAL:
        return pgettext(lang, "verdict", "partial")
    if line.verdict == WEAK:
        return pgettext(lang, "verdict", "weak")
    return line.word


def _criterion_words(lang: str) -> dict[str, str]:
    """The criteria of :data:`CRITERIA` in ``lang``, by id."""
    return {
        "decision_link": pgettext(lang, "scorecard criterion", "link to decision-making"),
        "openness": pgettext(lang, "scorecard criterion", "openness"),
        "equality": pgettext(lang, "scorecard criterion", "equality"),
        "workload": pgettext(lang, "scorecard criterion", "realistic workload"),
        "continuity": pgettext(lang, "scorecard criterion", "continuity"),
        "diversity": pgettext(lang, "scorecard criterion", "diversity"),
        "party_independence": pgettext(
            lang, "scorecard criterion", "independence from party politics"
        ),
        "agility": pgettext(lang, "scorecard criterion", "agility"),
        "concrete_results": pgettext(lang, "scorecard criterion", "concrete results"),
    }


def criterion_label(criterion: str, lang: str = "en") -> str:
    """A criterion of :data:`CRITERIA` in ``lang``, by its id; another id as it is.

    >>> criterion_label("openness", "fi"), criterion_label("openness", "sv")
    ('avoimuus', 'öppenhet')
    >>> criterion_label("decision_link")
    'link to decision-making'
    """
    return _criterion_words(lang).get(criterion, criterion)


def _line_label(line: ScoreLine, lang: str) -> str:
    """A line's criterion in ``lang``: the library's own in words, another as labelled."""
    english = _criterion_words("en").get(line.criterion)
    return criterion_label(line.criterion, lang) if line.label == english else line.label


def _header(lang: str) -> tuple[str, ...]:
    """The columns of the scorecard's tables in ``lang``."""
    if lang not in ("fi", "sv"):
        return _HEADER
    return (  # TRANSLATORS: the columns of a scorecard's table
        pgettext(lang, "scorecard column", "criterion"),
        pgettext(lang, "scorecard column", "rules"),
        pgettext(lang, "scorecard column", "verdict"),
        pgettext(lang, "scorecard column", "weight"),
        pgettext(lang, "scorecard column", "why"),
        pgettext(lang, "scorecard column", "facts"),
    )


#: The columns of the scorecard's tables.
_HEADER = ("criterion", "rules", "verdict", "weight", "why", "facts")


def _facts_text(facts: Facts, lang: str = "en") -> str:
    return "; ".join(f"{k}={format_value(v, lang)}" for k, v in facts.items())


def scorecard(rules: RuleSet, *, weights: Mapping[str, float] | None = None) -> Scorecard:
    """Score ``rules`` against :data:`CRITERIA` with ``weights`` (default: equal).

    ``weights`` overrides the default weight of the criteria it names; a weight of
    zero leaves a criterion out of the total. Unknown criteria, negative weights and
    all-zero weights raise :class:`~jarjestoyhteistyo.errors.ComparisonError` (a
    :class:`ValueError`).

    >>> import jarjestoyhteistyo as jy
    >>> formal = jy.load_preset("vantaa-kerava-formal")
    >>> round(scorecard(formal).total, 3)
    0.833
    >>> scorecard(formal, weights={"openness": 0, "agility": 0, "diversity": 0}).total
    1.0
    >>> scorecard(formal, weights={"openness": 3}).line("openness").weight
    3.0
    """
    w = _weights(weights)
    lines = []
    for c in CRITERIA:
        facts, verdict, why = c.judge(rules)
        lines.append(
            ScoreLine(
                criterion=c.id,
                label=c.label,
                rules=c.rules,
                facts=facts,
                verdict=verdict,
                why=why,
                weight=w[c.id],
            )
        )
    return Scorecard(name=rules.name, lines=tuple(lines))


# ------------------------------------------------------------------- comparison
