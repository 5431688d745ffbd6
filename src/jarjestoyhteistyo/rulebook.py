"""The rule catalogue: what every rule id a finding cites (``FC-9``, ``KU-12``, ``GEN-4``) says.

Each rule has its title and text in Finnish, Swedish and English, the source it comes
from (a document by its title and a section or slide heading; no person is named) and
the rule-set kinds the source writes it for. The data is one file shipped in the
package, ``jarjestoyhteistyo/rulebook.yaml``, read once when first asked for. Which
codes enforce a rule is not written there: it is computed from the codes'
:attr:`~jarjestoyhteistyo.codes.Code.rule` and
:attr:`~jarjestoyhteistyo.codes.Code.other_rules` in
:data:`~jarjestoyhteistyo.catalogue.CATALOGUE`, so a new code shows under its rule at
once. Where findings cite a rule for kinds other than its own (``FC-9`` for an open
forum), the entry's :attr:`Rule.elsewhere` says how it applies there, and which
``GEN-`` rule a general rule set's findings cite instead.

The ``rules`` command prints the catalogue and the docs' rules page is made from it.

>>> r = rule("FC-9")
>>> r.text.en
'Members and deputies are chosen from different organisations.'
>>> r.text.sv
'De ordinarie ledamöterna och ersättarna väljs från olika organisationer.'
>>> r.codes
('JY111', 'JY205', 'JY206', 'JY504')
>>> r.cited_in["general"]
('JY504',)
>>> rule("GEN-4").source.document.id
'library'
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

import attrs
import yaml

from jarjestoyhteistyo import i18n
from jarjestoyhteistyo.catalogue import CATALOGUE
from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.findings import rule_order
from jarjestoyhteistyo.i18n import LANGUAGES, Lang
from jarjestoyhteistyo.model.rulesets import KINDS
from jarjestoyhteistyo.rules.values import did_you_mean

__all__ = [
    "LANGUAGES",
    "RULE_KINDS",
    "Document",
    "Rule",
    "Source",
    "Text",
    "all_rules",
    "rule",
]

#: The kinds a rule may be written for: the rule-set kinds, a cooperation model and a
#: roadmap (the ``RM`` rules are about roadmap documents, not bodies).
RULE_KINDS: Final[tuple[str, ...]] = (
    "formal_committee",
    "open_forum",
    "theme_network_council",
    "general",
    "cooperation_model",
    "roadmap",
)


@attrs.frozen(kw_only=True)
class Text:
    """One text in Finnish, Swedish and English."""

    fi: str
    sv: str
    en: str

    def in_lang(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return str(getattr(self, lang))


@attrs.frozen(kw_only=True)
class Document:
    """A source document: its own (Finnish) title, who published it and when, and the
    title's English and Swedish glosses. ``library`` is the library's own decision."""

    id: str
    title: str
    publisher: str
    en: str
    sv: str


@attrs.frozen(kw_only=True)
class Source:
    """Where a rule comes from: a document and its section (slide heading), or for a
    ``GEN-`` rule the library's reason."""

    document: Document
    section: str
    #: The library's own reasons (``GEN-`` rules) in Finnish and Swedish too; a source
    #: document's section is its own (Finnish) heading, the same in every language.
    section_fi: str | None = None
    section_sv: str | None = None

    def section_in(self, lang: str) -> str:
        """The section in ``lang`` where it has one, else as written."""
        own = {"fi": self.section_fi, "sv": self.section_sv}.get(lang)
        return own or self.section

    def cite(self, lang: str = "en") -> str:
        """``title (publisher): section``, one line; the library's own decision is
        named in ``lang``, a source document by its own title.

        >>> rule("GEN-1").source.cite("fi").split(":")[0]
        'Kirjaston oma päätös (jarjestoyhteistyo-kirjasto)'
        """
        d = self.document
        title = d.title
        if d.id == "library":
            title = {"sv": d.sv, "en": d.en}.get(lang, d.title)
        return f"{title} ({d.publisher}): {self.section_in(lang)}"


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the catalogue (:func:`rule`)."""

    id: str
    #: The kinds the source writes the rule for (:data:`RULE_KINDS`).
    kinds: tuple[str, ...]
    source: Source
    title: Text
    text: Text
    #: How the rule applies where findings cite it for other kinds, or ``None``.
    elsewhere: Text | None = None
    #: The codes citing this rule, by the kind they cite it for (computed from the
    #: codes catalogue when the rule is read).
    cited_in: Mapping[str, tuple[str, ...]] = attrs.field(factory=lambda: MappingProxyType({}))
    #: Codes whose check cites this rule itself where the finding is made (``JY101``
    #: cites the rule of the range it checks), beyond :attr:`cited_in`.
    chosen_by: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code that cites this rule in some kind, sorted."""
        cited = {c for codes in self.cited_in.values() for c in codes}
        return tuple(sorted(cited | set(self.chosen_by)))

    def to_text(
        self, langs: Iterable[Lang] = LANGUAGES, *, width: int = 88, ui: Lang | None = None
    ) -> str:
        """The rule as the ``rules`` command prints it: its texts in ``langs``, its
        labels (``source:``, ``codes:``) in ``ui`` (default: the first of ``langs``,
        English when all three are asked for).

        >>> print(rule("FC-9").to_text(["fi"]).splitlines()[0])
        FC-9  Jäsen ja varajäsen eri järjestöistä
        """
        langs = tuple(langs)
        if ui is None:
            ui = "en" if "en" in langs and len(langs) > 1 else langs[0]
        first = self.title.in_lang(ui if ui in langs else langs[0])
        lines = [f"{self.id}  {first}"]
        rows: list[tuple[str, str]] = []
        for lang in langs:
            rows.append((f"{lang}:", f"{self.title.in_lang(lang)}. {self.text.in_lang(lang)}"))
        rows.append((i18n.gettext(ui, "source:"), self.source.cite(ui)))
        rows.append((i18n.gettext(ui, "written for:"), ", ".join(self.kinds)))
        cited = "; ".join(f"{k}: {' '.join(v)}" for k, v in self.cited_in.items())
        none = i18n.gettext(ui, "none (the library cites it in its docs only)")
        rows.append((i18n.gettext(ui, "codes:"), cited or none))
        if self.chosen_by:
            chooses = i18n.gettext(ui, "the check chooses the rule")
            rows.append((i18n.gettext(ui, "also:"), f"{' '.join(self.chosen_by)} ({chooses})"))
        if self.elsewhere is not None:
            for lang in langs:
                label = i18n.gettext(ui, "elsewhere {lang}:").format(lang=lang)
                rows.append((label, self.elsewhere.in_lang(lang)))
        pad = max(14, *(len(label) + 1 for label, _ in rows))
        for label, body in rows:
            lines.extend(
                textwrap.wrap(
                    body,
                    width,
                    initial_indent=f"  {label:<{pad}}",
                    subsequent_indent=" " * (pad + 2),
                )
            )
        return "\n".join(lines)

    def to_dict(self, langs: Iterable[Lang] = LANGUAGES) -> dict[str, Any]:
        """The rule as JSON-ready data, its texts in ``langs``."""
        langs = tuple(langs)

        def text(t: Text | None) -> dict[str, str] | None:
            return None if t is None else {lang: t.in_lang(lang) for lang in langs}

        d = self.source.document
        return {
            "id": self.id,
            "title": text(self.title),
            "text": text(self.text),
            "kinds": list(self.kinds),
            "source": {
                "document": {
                    "id": d.id,
                    "title": d.title,
                    "publisher": d.publisher,
                    "en": d.en,
                    "sv": d.sv,
                },
                "section": self.source.section,
                "section_in": {lang: self.source.section_in(lang) for lang in langs},
            },
            "codes": list(self.codes),
            "cited_in": {k: list(v) for k, v in self.cited_in.items()},
            "chosen_by": list(self.chosen_by),
            "elsewhere": text(self.elsewhere),
        }


@attrs.frozen(kw_only=True)
class _Book:
    rules: tuple[Rule, ...]
    by_id: Mapping[str, Rule]


@functools.cache
def _book() -> _Book:
    """The catalogue, read once: nothing in it can be changed by a caller."""
    raw = yaml.safe_load(
        resources.files("jarjestoyhteistyo").joinpath("rulebook.yaml").read_text("utf-8")
    )
    documents = {
        key: Document(id=key, title=v["title"], publisher=v["publisher"], en=v["en"], sv=v["sv"])
        for key, v in raw["documents"].items()
    }
    own = {rid: tuple(v["kinds"]) for rid, v in raw["rules"].items()}
    citing = _citing(own)
    rules = [
        Rule(
            id=rid,
            kinds=own[rid],
            source=Source(
                document=documents[v["source"]["document"]],
                section=v["source"]["section"],
                section_fi=v["source"].get("section_fi"),
                section_sv=v["source"].get("section_sv"),
            ),
            title=Text(**v["title"]),
            text=Text(**v["text"]),
            elsewhere=Text(**v["elsewhere"]) if "elsewhere" in v else None,
            cited_in=MappingProxyType(citing.get(rid, {})),
            chosen_by=tuple(v.get("chosen_by", ())),
        )
        for rid, v in raw["rules"].items()
    ]
    rules.sort(key=lambda r: rule_order(r.id))
    return _Book(rules=tuple(rules), by_id=MappingProxyType({r.id: r for r in rules}))


def all_rules() -> tuple[Rule, ...]:
    """Every rule of the catalogue, in the order of the domain brief (read once).

    >>> [r.id for r in all_rules()][:3], all_rules()[-1].id
    (['FC-1', 'FC-2', 'FC-3'], 'GEN-5')
    """
    return _book().rules


def rule(rule_id: str) -> Rule:
    """The rule ``rule_id`` (case ignored).

    Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) with
    the close ids suggested.

    >>> rule("fc-9").title.fi
    'Jäsen ja varajäsen eri järjestöistä'
    >>> rule("fc-99")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.NotFoundError: no rule fc-99; did you mean FC-9, OF-9, FC-8? ...
    """
    key = rule_id.strip().upper()
    by_id = _book().by_id
    found = by_id.get(key)
    if found is None:
        close = did_you_mean(key, by_id)
        hint = i18n.Text("; did you mean {names}?", names=", ".join(close)) if close else ""
        raise NotFoundError(
            i18n.Text(
                "no rule {rule}{hint} ('jarjestoyhteistyo rules' lists them all)",
                rule=rule_id,
                hint=hint,
            )
        )
    return found


def _citing(own: Mapping[str, tuple[str, ...]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Rule id → rule-set kind → the codes citing the rule for that kind.

    A code without ``kinds`` applies to every rule-set kind when its rule is written for
    a rule-set kind, else to its rule's own kinds (a roadmap's, a cooperation model's).
    """
    out: dict[str, dict[str, set[str]]] = {}
    for code in CATALOGUE:
        kinds = frozenset(own.get(code.rule, ()))
        every = frozenset(KINDS) if kinds & frozenset(KINDS) else kinds
        for rid, cited in code.rules_by_kind(every).items():
            for kind in cited:
                out.setdefault(rid, {}).setdefault(kind, set()).add(code.code)
    order = {k: i for i, k in enumerate(RULE_KINDS)}
    return {
        rid: {k: tuple(sorted(v)) for k, v in sorted(by.items(), key=lambda kv: order[kv[0]])}
        for rid, by in out.items()
    }
