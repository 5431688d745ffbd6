"""Findings for continuous integration: GitHub Actions workflow annotations and SARIF.

The one home of the command line's CI output formats (``--format github`` and
``--format sarif`` of ``check`` and ``validate``, issue #16 point 5). Each renderer
takes the :class:`~jarjestoyhteistyo.findings.Report`, the ``file`` the findings are
about (``None``: a preset or stdin, no place in a file), ``place`` — a finding's 1-based
``(line, column)`` in that file, or ``None`` — and the ``document`` the findings are
about, whose entries' ids the paths show (``seats[15] (health-promotion-d2).organisation``,
:func:`~jarjestoyhteistyo.findings.shown_path`).

* :func:`github` writes one workflow command a finding (``::error file=…,line=…::…``):
  GitHub shows it on the line of the file, in the job summary and the pull request.
* :func:`sarif` writes a `SARIF 2.1.0 <https://docs.oasis-open.org/sarif/sarif/v2.1.0/>`__
  log (one run) for code-scanning tools (GitHub's ``upload-sarif``, GitLab, IDEs):
  the codes that occur as the run's rules (their title, fix and default level),
  each finding as a result with its code as ``ruleId``, its level (``error``,
  ``warning``, ``note`` for info), its message in the report's language and its place
  in the file. The tool's ``informationUri`` and each rule's ``helpUri`` (the codes
  page, ``reference/codes.html#code-jy205``) come from the distribution's
  ``Project-URL`` entries (``Homepage``, ``Documentation``); without them they are
  left out, as SARIF allows, rather than guessed.

>>> from jarjestoyhteistyo.codes import finding
>>> from jarjestoyhteistyo.findings import Report
>>> from jarjestoyhteistyo.rules.deputies import JY205
>>> report = Report(findings=(finding(JY205, "seats[1].organisation",
...                                   seat="d1", organisation="o1", member="m1"),))
>>> log = sarif_log(report, "comp.yaml", lambda f: (7, 5), version="1.0")
>>> result = log["runs"][0]["results"][0]
>>> result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]
('JY205', 'error', {'startLine': 7, 'startColumn': 5})
>>> print(github(report, "comp.yaml", lambda f: (7, 5)))  # doctest: +NORMALIZE_WHITESPACE
::error file=comp.yaml,line=7,col=5,title=JY205 [FC-9] seats[1].organisation::deputy d1
comes from organisation o1, which holds member seat m1
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import metadata
from pathlib import PurePath
from typing import Any, Final
from urllib.parse import quote

from jarjestoyhteistyo.catalogue import get_code
from jarjestoyhteistyo.codes import Code
from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.findings import Finding, Language, Report, Severity, entries, shown_path

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "github", "sarif", "sarif_log"]

#: Where a finding is in the file it is about: 1-based ``(line, column)``, or ``None``.
Place = Callable[[Finding], tuple[int, int] | None]

#: The SARIF version written, and the schema that describes it.
SARIF_VERSION: Final = "2.1.0"
SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
#: The distribution whose metadata names the tool.
_DISTRIBUTION: Final = "jarjestoyhteistyo"
#: SARIF's word for each severity (``info`` is a ``note``); GitHub's workflow commands'.
_SARIF_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL: Final = {**_SARIF_LEVEL, Severity.INFO: "notice"}


def _path(f: Finding, document: Any) -> str:
    return f.path if document is None else shown_path(f.path, document)


def github(
    report: Report,
    file: str | None,
    place: Place,
    *,
    lang: Language = "en",
    document: Any = None,
) -> str:
    """GitHub Actions workflow commands, one annotation a finding (``--format github``):
    its level, the file, line and column when the finding has a place in ``file``, a
    title (code, rule, path) and the message in ``lang``, escaped as the syntax reads.
    """

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    lines = []
    for f in report.findings:
        props = []
        at = place(f)
        if file is not None and at is not None:
            props += [f"file={prop(file)}", f"line={at[0]}", f"col={at[1]}"]
        props.append(f"title={prop(f'{f.code} [{f.rule}] {_path(f, document)}')}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{data(f.message(lang))}")
    return "\n".join(lines) + ("\n" if lines else "")


def _urls() -> dict[str, str]:
    """The distribution's ``Project-URL`` entries by lower-case label (none when the
    package is not installed or names none)."""
    try:
        entries_ = metadata.metadata(_DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    out: dict[str, str] = {}
    for entry in entries_:
        label, _, url = entry.partition(",")
        if url.strip():
            out[label.strip().lower()] = url.strip()
    return out


def _version() -> str:
    try:
        return metadata.version(_DISTRIBUTION)
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return ""


def _uri(file: str) -> str:
    """``file`` as a SARIF artifact URI: a relative path as a relative reference
    (``docs/a%20b.yaml``), an absolute one as a ``file://`` URI."""
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix())


def _rule(code: str, lang: str, docs: str | None) -> dict[str, Any]:
    """The run's reporting descriptor of ``code``: its title, fix, default level, the
    rule id it enforces and its tags, and its row of the codes page."""
    rule: dict[str, Any] = {"id": code}
    try:
        known: Code | None = get_code(code)
    except NotFoundError:
        known = None
    if known is not None:
        rule["shortDescription"] = {"text": known.title_in(lang)}
        fix = known.fix_in(lang)
        if fix:
            rule["help"] = {"text": fix}
        rule["defaultConfiguration"] = {"level": _SARIF_LEVEL[known.severity]}
        rule["properties"] = {"rule": known.rule, "tags": sorted(known.tags)}
    if docs is not None:
        rule["helpUri"] = f"{docs.rstrip('/')}/reference/codes.html#code-{code.lower()}"
    return rule


def sarif_log(
    report: Report,
    file: str | None,
    place: Place,
    *,
    lang: Language = "en",
    document: Any = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The SARIF 2.1.0 log of ``report`` as data (:func:`sarif` writes it as JSON).

    ``version`` is the tool's version (default: the installed distribution's). A
    finding with a place in ``file`` has a physical location (the file's URI, its
    line and column, counted in characters: the run's ``columnKind``); every finding
    has its path as a logical location and, with ``document``, the entry it is in.
    """
    urls = _urls()
    docs = urls.get("documentation")
    home = urls.get("homepage") or docs or urls.get("source") or urls.get("repository")
    words = "en" if lang == "both" else lang
    codes = sorted({f.code for f in report.findings})
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, Any] = {
        "name": _DISTRIBUTION,
        "version": _version() if version is None else version,
        "rules": [_rule(code, words, docs) for code in codes],
    }
    if home is not None:
        driver["informationUri"] = home
    results = []
    for f in report.findings:
        location: dict[str, Any] = {"logicalLocations": [{"fullyQualifiedName": f.path}]}
        at = place(f)
        if file is not None and at is not None:
            location["physicalLocation"] = {
                "artifactLocation": {"uri": _uri(file)},
                "region": {"startLine": at[0], "startColumn": at[1]},
            }
        properties: dict[str, Any] = {"path": f.path, "rule": f.rule}
        found = entries(f.path, document) if document is not None else ()
        if found:
            properties["entry"] = {"path": found[-1][0], "id": found[-1][1]}
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f"{_path(f, document)}: {f.message(lang)}"},
                "locations": [location],
                "properties": properties,
            }
        )
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def sarif(
    report: Report,
    file: str | None,
    place: Place,
    *,
    lang: Language = "en",
    document: Any = None,
    version: str | None = None,
) -> str:
    """The SARIF 2.1.0 log of ``report`` as JSON text (``--format sarif``), ending in a
    line break; see :func:`sarif_log`."""
    log = sarif_log(report, file, place, lang=lang, document=document, version=version)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
