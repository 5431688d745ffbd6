"""Finding codes: the :class:`Code` record and :func:`finding`, which makes a finding.

Every finding has a stable code. A code is a :class:`Code` object declared at the top
of the module that emits it (for ``JY1xx`` and ``JY2xx`` a family module of
:mod:`jarjestoyhteistyo.rules`), next to its check (the yamllint habit: a rule lives with
its documentation), and emitted as ``finding(JY205, path, ...)``.
:mod:`jarjestoyhteistyo.catalogue` gathers every module's codes into one tuple for the
docs and the ``codes`` command; it also says how to add a rule. Code ranges:

* ``JY1xx`` — checks of a rule set on its own (:func:`~jarjestoyhteistyo.rules.checks.check`);
* ``JY2xx`` — validation of a composition (:func:`~jarjestoyhteistyo.rules.validation.validate`);
* ``JY3xx`` — terms, rotation and succession;
* ``JY4xx`` — roadmaps and implementation plans;
* ``JY5xx`` — selection from registrations;
* ``JY6xx`` — cooperation models and the actor ecosystem.

>>> from jarjestoyhteistyo.rules.seats import JY203
>>> f = finding(JY203, "seats[0]", seat="m1", organisation="o1", group="pensioners")
>>> f.rule, f.severity.value
('FC-4', 'error')
>>> f.message_en
"seat m1: organisation o1 is not in category 'pensioners'"
>>> BREAKABLE in JY203.tags, JY203.applies_to("open_forum")
(True, False)
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from jarjestoyhteistyo.findings import Finding, Severity
from jarjestoyhteistyo.i18n import LANGUAGES, plain, shown
from jarjestoyhteistyo.i18n import gettext as _translated

__all__ = ["BREAKABLE", "SELECTION", "SHORTFALL", "Code", "finding"]

#: Tag: :func:`~jarjestoyhteistyo.fictional.generate.generate` can break the rule on purpose; the
#: code has an entry in generate's table of breakers.
BREAKABLE: Final = "breakable"
#: Tag: an error about something still *missing* (a vacant seat, a missing deputy), which
#: a later arrival mends; :mod:`~jarjestoyhteistyo.selection.succession` lets such errors stand.
SHORTFALL: Final = "shortfall"
#: Tag: a finding of :func:`~jarjestoyhteistyo.rules.validation.validate` about seats that
#: selection fills, so it is in the report of :func:`~jarjestoyhteistyo.selection.propose`.
SELECTION: Final = "selection"


@attrs.frozen(kw_only=True)
class Code:
    """A finding code: its rule id, default severity, message and how to fix it.

    ``en`` is the English :meth:`str.format` template filled from the finding's
    parameters; its Finnish and Swedish are in the message catalogues under the code
    (:mod:`jarjestoyhteistyo.i18n`), as are :attr:`title` and :attr:`fix` (under
    ``JY203 title`` and ``JY203 fix``). A list parameter stays a list in the finding's
    ``params`` and reads ``a, b`` in the message; a :class:`~jarjestoyhteistyo.i18n.Term`
    or :class:`~jarjestoyhteistyo.i18n.Text` reads in the message's language.
    """

    code: str
    rule: str
    severity: Severity
    title: str
    en: str
    fix: str = ""
    #: The rule-set kinds (``formal_committee``, ``open_forum``, ``general``, ...) the
    #: code applies to under its :attr:`rule`; empty: every kind.
    kinds: frozenset[str] = frozenset()
    #: ``(kind, rule id)`` pairs: the rule the code enforces instead in another kind of
    #: body (``JY209`` is ``FC-6`` in a formal committee and ``OF-7`` in an open forum).
    other_rules: tuple[tuple[str, str], ...] = ()
    #: :data:`BREAKABLE`, :data:`SHORTFALL`, :data:`SELECTION`.
    tags: frozenset[str] = frozenset()

    def template(self, lang: str) -> str:
        """The message template in ``lang`` (``fi``, ``sv``, ``en``).

        >>> from jarjestoyhteistyo.rules.deputies import JY204
        >>> JY204.template("sv")
        'ersättaren {seat} företräder inte kategorin eller nätverket för ledamoten {member}'
        """
        return _translated(lang, self.en, context=self.code)

    def title_in(self, lang: str) -> str:
        """The title in ``lang``."""
        return _translated(lang, self.title, context=f"{self.code} title")

    def fix_in(self, lang: str) -> str:
        """How to fix it, in ``lang`` (empty when the code says nothing)."""
        return _translated(lang, self.fix, context=f"{self.code} fix") if self.fix else ""

    @property
    def fi(self) -> str:
        """The Finnish message template (from the catalogue)."""
        return self.template("fi")

    @property
    def sv(self) -> str:
        """The Swedish message template (from the catalogue)."""
        return self.template("sv")

    def applies_to(self, kind: str) -> bool:
        """Whether the code applies to rule sets of ``kind``."""
        return not self.kinds or kind in self.kinds or any(k == kind for k, _ in self.other_rules)

    def rules_by_kind(self, every: frozenset[str]) -> dict[str, frozenset[str]]:
        """The rule ids the code cites, each with the kinds it cites it for.

        ``every`` is what "every kind" means for a code without :attr:`kinds`.

        >>> from jarjestoyhteistyo.rules.deputies import JY205
        >>> cited = JY205.rules_by_kind(frozenset({"formal_committee", "open_forum", "general"}))
        >>> {rule: sorted(kinds) for rule, kinds in cited.items()}
        {'FC-9': ['formal_committee', 'open_forum'], 'GEN-4': ['general', 'theme_network_council']}
        """
        elsewhere = {kind for kind, _ in self.other_rules}
        out = {self.rule: (self.kinds or every) - elsewhere}
        for kind, rule in self.other_rules:
            out[rule] = out.get(rule, frozenset()) | {kind}
        return out


def finding(
    code: Code,
    path: str,
    *,
    severity: Severity | None = None,
    rule: str | None = None,
    **params: Any,
) -> Finding:
    """Make a :class:`~jarjestoyhteistyo.findings.Finding` of ``code``.

    ``severity`` overrides the default (a *wanted* rule gives a warning where a
    *required* one gives an error); ``rule`` overrides the rule id where the same
    check enforces a different rule in another kind of body.
    """
    messages = {lang: _message(code, lang, params) for lang in LANGUAGES}
    return Finding(
        code=code.code,
        severity=severity or code.severity,
        path=path,
        rule=rule or code.rule,
        message_fi=messages["fi"],
        message_sv=messages["sv"],
        message_en=messages["en"],
        params={k: plain(v) for k, v in params.items()},
    )


def _message(code: Code, lang: str, params: dict[str, Any]) -> str:
    return code.template(lang).format(**{k: shown(v, lang) for k, v in params.items()})
