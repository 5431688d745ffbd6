"""Findings and reports: how every rule violation is reported.

A :class:`Finding` has a stable ``code`` (``JY203``), a :class:`Severity`, the
``path`` of the offending item, a message in Finnish, Swedish and English (from the
catalogues of :mod:`jarjestoyhteistyo.i18n`), and the ``rule`` id
of ``DOMAIN.md`` it enforces (``FC-10``). A :class:`Report` is an immutable sequence
of findings that knows whether it passes (no errors) and renders as text or JSON.

>>> from jarjestoyhteistyo.codes import finding
>>> from jarjestoyhteistyo.rules.deputies import JY204
>>> f = finding(JY204, "seats[1]", seat="d1", member="m1")
>>> f.code, f.severity.value, f.rule
('JY204', 'error', 'FC-10')
>>> Report(findings=(f,)).ok
False
"""

from __future__ import annotations

import ast
import enum
import html
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal

import attrs

from jarjestoyhteistyo.display import display_language
from jarjestoyhteistyo.errors import MissingDependencyError
from jarjestoyhteistyo.i18n import Text, Translatable, ngettext, pgettext
from jarjestoyhteistyo.params import Params, freeze_params
from jarjestoyhteistyo.text import html_table

__all__ = [
    "RULE_ID",
    "Finding",
    "Params",
    "Report",
    "Severity",
    "entries",
    "freeze_params",
    "natural_path",
    "rule_order",
    "severity_word",
    "shown_path",
]

Language = Literal["en", "fi", "sv", "both"]

#: A rule id a finding cites: family and number (``FC-9``, ``GEN-4``); a finding's
#: ``rule`` may name two (``"JP-5, JP-7"``).
RULE_ID: Final = re.compile(r"\b(?:FC|OF|KU|WS|RM|JP|GEN)-[0-9]+\b")
#: The rule families in the order of the domain brief.
RULE_FAMILIES: Final = ("FC", "OF", "KU", "WS", "RM", "JP", "GEN")


def rule_order(rule_id: str) -> tuple[int, int]:
    """A sort key for rule ids: the family in the order of the domain brief, then the number.

    >>> sorted(["GEN-1", "FC-10", "FC-9", "KU-7"], key=rule_order)
    ['FC-9', 'FC-10', 'KU-7', 'GEN-1']
    """
    family, _, number = rule_id.partition("-")
    index = RULE_FAMILIES.index(family) if family in RULE_FAMILIES else len(RULE_FAMILIES)
    return index, int(number) if number.isdigit() else 0


class Severity(enum.Enum):
    """How serious a finding is: an ``error`` fails the report, the others do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info (sort key)."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


def severity_word(severity: Severity, lang: str = "en") -> str:
    """The word for ``severity`` in ``lang`` (``virhe``, ``varning``).

    >>> severity_word(Severity.WARNING, "fi"), severity_word(Severity.ERROR, "sv")
    ('varoitus', 'fel')
    """
    if severity is Severity.ERROR:
        return pgettext(lang, "severity", "error")
    if severity is Severity.WARNING:
        return pgettext(lang, "severity", "warning")
    return pgettext(lang, "severity", "info")


@attrs.frozen(kw_only=True)
class Finding:
    """One rule violation or remark; see :mod:`jarjestoyhteistyo.catalogue` for the codes."""

    code: str
    severity: Severity
    path: str
    rule: str
    message_fi: str
    message_sv: str
    message_en: str
    params: Mapping[str, Any] = attrs.field(
        factory=Params, converter=freeze_params, eq=False, hash=False
    )

    def message(self, lang: Language = "en") -> str:
        """The message in ``"fi"``, ``"sv"``, ``"en"`` or ``"both"`` (English / Finnish)."""
        if lang == "fi":
            return self.message_fi
        if lang == "sv":
            return self.message_sv
        if lang == "both":
            return f"{self.message_en} / {self.message_fi}"
        return self.message_en

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form: ``code``, ``severity``, ``path``, ``rule``, messages."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "rule": self.rule,
            "message": self.message_en,
            "message_fi": self.message_fi,
            "message_sv": self.message_sv,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        return [_jsonable(v) for v in items]
    return str(value)


_DIGITS = re.compile(r"(\d+)")


def natural_path(path: str) -> tuple[str | int, ...]:
    """The sort key of a finding's path: its numbers compared as numbers, so
    ``seats[2]`` comes before ``seats[10]`` (issue #16 point 5), text as text.

    >>> sorted(["seats[10]", "seats[2]", "seats[1].organisation"], key=natural_path)
    ['seats[1].organisation', 'seats[2]', 'seats[10]']
    """
    parts = _DIGITS.split(path)  # text, number, text, number, ..., text: always aligned
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


#: One step of a finding's path: a key (``seats``, ``.organisation``), an index
#: (``[15]``) or a key written in brackets (``['odd.key']``).
_STEP = re.compile(r"\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]|\.?([^.\[\]]+)")


def _field(node: Any, name: str) -> Any:
    """``node``'s ``name``: a mapping's key or a model object's field, else ``None``."""
    if isinstance(node, Mapping):
        return node.get(name)
    if attrs.has(type(node)) and name in attrs.fields_dict(type(node)):
        return getattr(node, name)
    return None


def _id_of(node: Any) -> str | None:
    """The id an entry is known by: its ``id``, a category's ``code``, or the ``id`` of
    the organisation it is (a registration's)."""
    for key in ("id", "code"):
        value = _field(node, key)
        if isinstance(value, str) and value:
            return value
    organisation = _field(node, "organisation")
    value = None if isinstance(organisation, str) else _field(organisation, "id")
    return value if isinstance(value, str) and value else None


def entries(path: str, document: Any) -> tuple[tuple[str, str], ...]:
    """The list entries that ``path`` passes through in ``document`` and that have an
    id, each as its path and its id (issue #16 point 5: the seat's id beside its index).

    ``document`` is what the findings are about — a model object (a composition, a
    rule set) or its plain data as read from YAML. An entry's id is its ``id`` (a
    category's ``code``, a registration's organisation's ``id``); a step that
    ``document`` does not hold ends the walk.

    >>> doc = {"seats": [{"id": "m1"}, {"id": "d1", "organisation": "o1"}]}
    >>> entries("seats[1].organisation", doc), entries("seats[7]", doc)
    ((('seats[1]', 'd1'),), ())
    """
    node, end, found = document, 0, []
    for step in _STEP.finditer(path):
        if step.start() != end:  # not a path as the library writes one
            break
        end = step.end()
        index, quoted, key = step.groups()
        if index is not None:
            i = int(index)
            items = node if isinstance(node, list | tuple) else ()
            node = items[i] if i < len(items) else None
            ident = _id_of(node)
            if ident is not None:
                found.append((path[:end], ident))
        elif step.start() == 0 and key == "$":  # the document itself
            continue
        else:
            node = _field(node, ast.literal_eval(quoted) if quoted else key)
        if node is None:
            break
    return tuple(found)


def shown_path(path: str, document: Any) -> str:
    """``path`` with the id of each entry it passes through beside the entry's index,
    as a report shows it: ``seats[15] (health-promotion-d2).organisation``.

    >>> shown_path("seats[1].organisation", {"seats": [{"id": "m1"}, {"id": "d1"}]})
    'seats[1] (d1).organisation'
    """
    parts, last = [], 0
    for at, ident in entries(path, document):
        parts += [path[last : len(at)], f" ({ident})"]
        last = len(at)
    return "".join(parts) + path[last:]


def _sort_key(f: Finding) -> tuple[int, tuple[str | int, ...], str]:
    return (f.severity.rank, natural_path(f.path), f.code)


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=_sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`~jarjestoyhteistyo.check` or :func:`~jarjestoyhteistyo.validate`.

    Findings are kept sorted (errors first, then by path — numbers as numbers,
    ``seats[2]`` before ``seats[10]`` — and code), so two reports of
    the same input are equal and render the same way.
    """

    #: What was checked: a name, or a :class:`~jarjestoyhteistyo.i18n.Term` naming it in
    #: each language (a rule set's :attr:`~jarjestoyhteistyo.model.rulesets.RuleSet.title`).
    subject: str | Translatable = ""
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted_findings)

    def subject_in(self, lang: str) -> str:
        """The subject as a reader of ``lang`` sees it.

        >>> from jarjestoyhteistyo.i18n import Term
        >>> Report(subject=Term("Council", sv="Delegationen")).subject_in("sv")
        'Delegationen'
        """
        return self.subject if isinstance(self.subject, str) else self.subject.text_in(lang)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and info are allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def codes(self) -> frozenset[str]:
        """The set of codes present: handy in tests (``"JY205" in report.codes``)."""
        return frozenset(f.code for f in self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __bool__(self) -> bool:
        """A report is true when it is :attr:`ok` (no error; warnings allowed), so that
        ``if validate(rules, composition):`` reads as it says — not when it merely has
        findings (``len(report)`` counts those).

        >>> bool(Report()), bool(Report(findings=(_example(Severity.WARNING),)))
        (True, True)
        >>> bool(Report(findings=(_example(Severity.ERROR),)))
        False
        """
        return self.ok

    def __str__(self) -> str:
        """The report as text (:meth:`to_text`), so ``print(report)`` shows it."""
        return self.to_text()

    def to_records(self, lang: str = "en") -> list[dict[str, Any]]:
        """One plain row per finding: ``severity``, ``code``, ``rule``, ``path`` and the
        ``message`` in ``lang`` (``fi``, ``sv``, ``en``), in the report's order."""
        words: Language = "fi" if lang == "fi" else "sv" if lang == "sv" else "en"
        return [
            {
                "severity": f.severity.value,
                "code": f.code,
                "rule": f.rule,
                "path": f.path,
                "message": f.message(words),
            }
            for f in self.findings
        ]

    def to_dataframe(
        self,
        lang: str = "en",
        *,
        place: Callable[[Finding], tuple[int, int] | None] | None = None,
    ) -> Any:
        """A tidy ``pandas.DataFrame``: one row per finding, the columns of
        :meth:`to_records`, ``severity`` an ordered categorical (error > warning >
        info) and the others strings. Needs the ``pandas`` extra.

        With ``place`` — where a finding is written in its file, ``(line, column)`` or
        ``None``, as the command line and :mod:`jarjestoyhteistyo.render.annotations`
        take it (``lambda f: position_of(positions(text), f.path)`` of
        :mod:`jarjestoyhteistyo.io.yamldoor`) — a ``line`` column (nullable integers:
        empty where the place is not known) follows ``path``.

        >>> import importlib.util
        >>> if importlib.util.find_spec("pandas") is not None:
        ...     frame = Report(findings=(_example(Severity.ERROR),)).to_dataframe()
        ...     print(list(frame.columns), str(frame["severity"].dtype))
        ...     frame = Report(findings=(_example(Severity.ERROR),)).to_dataframe(
        ...         place=lambda f: (12, 5)
        ...     )
        ...     print(list(frame.columns)[3:5], str(frame["line"].dtype), frame["line"][0])
        ... else:
        ...     print("['severity', 'code', 'rule', 'path', 'message'] category")
        ...     print("['path', 'line'] Int64 12")
        ['severity', 'code', 'rule', 'path', 'message'] category
        ['path', 'line'] Int64 12
        """
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:
            raise MissingDependencyError(
                Text(
                    "{caller} needs pandas: pip install 'jarjestoyhteistyo[pandas]'",
                    caller="Report.to_dataframe()",
                )
            ) from exc
        columns = ["severity", "code", "rule", "path", "message"]
        frame = pd.DataFrame.from_records(self.to_records(lang), columns=columns)
        order = [s.value for s in sorted(Severity, key=lambda s: s.rank)][::-1]
        frame["severity"] = pd.Categorical(frame["severity"], categories=order, ordered=True)
        for column in columns[1:]:
            frame[column] = frame[column].astype("string")
        if place is not None:
            lines = [at[0] if (at := place(f)) is not None else None for f in self.findings]
            frame.insert(columns.index("path") + 1, "line", pd.array(lines, dtype="Int64"))
        return frame

    def _repr_html_(self, lang: str | None = None) -> str:
        """The report as an HTML table for Jupyter: severity, code, rule, path and
        message, every text escaped, then the summary line; in ``lang``, by default the
        display language (:func:`~jarjestoyhteistyo.display.set_display_language`)."""
        lang = lang or display_language()
        words: Language = "fi" if lang == "fi" else "sv" if lang == "sv" else "en"
        rows = [
            (severity_word(f.severity, words), f.code, f.rule, f.path, f.message(words))
            for f in self.findings
        ]
        header = (  # TRANSLATORS: the columns of a report's table in a notebook
            pgettext(words, "table column", "severity"),
            pgettext(words, "table column", "code"),
            pgettext(words, "table column", "rule"),
            pgettext(words, "table column", "path"),
            pgettext(words, "table column", "message"),
        )
        table = html_table("", header, rows) if rows else ""
        e = html.escape
        return f"<div><p><strong>{e(self.summary(words))}</strong></p>{table}</div>"

    def merged(self, other: Report) -> Report:
        """A report with the findings of both (the subject of this one)."""
        return Report(subject=self.subject, findings=self.findings + other.findings)

    def to_dict(self, *, document: Any = None) -> dict[str, Any]:
        """``{"subject", "ok", "counts", "findings": [...]}`` — the stable JSON schema.

        With the ``document`` the findings are about, a finding inside a list entry
        that has an id has ``entry``: the innermost such entry's ``path`` and ``id``
        (:func:`entries`).
        """
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity.value] += 1
        rows = [f.to_dict() for f in self.findings]
        if document is not None:
            for row, f in zip(rows, self.findings, strict=True):
                found = entries(f.path, document)
                if found:
                    row["entry"] = {"path": found[-1][0], "id": found[-1][1]}
        return {
            "subject": self.subject_in("en"),
            "ok": self.ok,
            "counts": counts,
            "findings": rows,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        import json  # only for JSON output

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def summary(self, lang: str = "en") -> str:
        """The last line of :meth:`to_text`: the verdict and the counts, in ``lang``.

        >>> Report(subject="vake").summary("fi")
        'vake: KUNNOSSA — 0 virhettä, 0 varoitusta'
        """
        n_err, n_warn = len(self.errors), len(self.warnings)
        verdict = pgettext(lang, "report", "OK") if self.ok else pgettext(lang, "report", "FAILED")
        errors = ngettext(lang, "{n} error", "{n} errors", n_err).format(n=n_err)
        warnings = ngettext(lang, "{n} warning", "{n} warnings", n_warn).format(n=n_warn)
        subject = self.subject_in(lang)
        head = f"{subject}: " if subject else ""
        return f"{head}{verdict} — {errors}, {warnings}"

    def rule_ids(self) -> tuple[str, ...]:
        """The rule ids the findings cite, once each, in the order of the domain brief.

        >>> from jarjestoyhteistyo.codes import finding
        >>> from jarjestoyhteistyo.rules.deputies import JY204, JY205
        >>> Report(findings=(finding(JY205, "s", seat="d", organisation="o", member="m"),
        ...                  finding(JY204, "s", seat="d", member="m"))).rule_ids()
        ('FC-9', 'FC-10')
        """
        ids = {i for f in self.findings for i in RULE_ID.findall(f.rule)}
        return tuple(sorted(ids, key=rule_order))

    def to_text(
        self,
        lang: Language = "en",
        *,
        where: Callable[[Finding], str | None] | None = None,
        rules_pointer: bool = False,
        document: Any = None,
    ) -> str:
        """A human-readable listing, one finding per line, and a summary line, in
        ``lang`` (``"both"``: English words, each message in English / Finnish).

        ``where`` gives a finding's place in the file it is about (the command line's
        ``composition.yaml:12:5``), written first on its line; ``None``: no place. With
        ``rules_pointer``, a last line names the command that explains the rule ids
        cited (``jarjestoyhteistyo rules FC-9 ...``), as the command line prints it.
        With the ``document`` the findings are about, each path shows the ids of the
        entries it passes through (``seats[15] (health-promotion-d2).organisation``,
        :func:`shown_path`).
        """
        words = "en" if lang == "both" else lang
        lines = []
        for f in self.findings:
            at = where(f) if where is not None else None
            head = f"{at}: " if at else ""
            path = f.path if document is None else shown_path(f.path, document)
            lines.append(
                f"{head}{severity_word(f.severity, words).upper():7} {f.code} [{f.rule}] "
                f"{path}: {f.message(lang)}"
            )
        lines.append(self.summary(words))
        ids = self.rule_ids() if rules_pointer else ()
        if ids:
            command = f"jarjestoyhteistyo rules {' '.join(ids)}"
            lines.append(pgettext(words, "report", "Rules: {command}").format(command=command))
        return "\n".join(lines)


def _example(severity: Severity) -> Finding:
    """A finding of ``severity`` for the examples in the docstrings."""
    return Finding(
        code="JY999",
        severity=severity,
        path="seats[0]",
        rule="GEN-5",
        message_fi="esimerkki",
        message_sv="exempel",
        message_en="example",
    )
