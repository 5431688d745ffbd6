"""The ``jarjestoyhteistyo`` command line (also ``python -m jarjestoyhteistyo``).

Exit status: ``0`` the input passes (warnings allowed), ``1`` findings at error level
(also when a command refuses a rule set that ``check`` rejects), ``2`` unusable input
or usage (missing file, bad YAML, wrong types, unknown keys, a value out of bounds, an
output that cannot be written), ``3`` an internal error (a bug: please report it),
``130`` interrupted (Ctrl-C) — always with a message on stderr naming what is wrong and
where, never a traceback. Text output shows control characters escaped (``\\x1b``).

>>> main(["presets", "--format", "json"])  # doctest: +ELLIPSIS
[
  {
    "name": "...",
...
0

Each command is declared where its handler is, by :func:`command`: its name, its help,
its ``--format`` choices (the first is the default), whether it takes ``RULES`` and
``COMPOSITION``, and a function adding its own arguments. :data:`COMMANDS` is the one
table :func:`main` builds its parser from, in the order ``--help`` lists them:

>>> list(COMMANDS)[:4]
['presets', 'show', 'check', 'validate']
>>> COMMANDS["validate"].formats
('text', 'json', 'text-both', 'github', 'sarif')

A handler imports the heavy modules it needs itself, so that ``--help`` and the light
commands start fast (no pandas, matplotlib, hypothesis or icalendar). Files are read
through the one door (:mod:`jarjestoyhteistyo.io.serialize`); a model is written as JSON
by its converter, and a few commands write their own rows, which show computed values.
"""

from __future__ import annotations

import argparse
import io
import sys
import typing
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from jarjestoyhteistyo.errors import JarjestoError, LoadError
from jarjestoyhteistyo.findings import Finding, Language, Report
from jarjestoyhteistyo.i18n import LANGUAGES, Lang, Text, gettext, language_from_env, ngettext
from jarjestoyhteistyo.model.bounds import MAX_AMOUNT
from jarjestoyhteistyo.text import escape_unsafe

if TYPE_CHECKING:
    from jarjestoyhteistyo.io.redact import Redactor

__all__ = ["COMMANDS", "Command", "command", "main"]

#: The language of this run's texts: ``--lang``, else the environment's (``LANG``).
_LANG: ContextVar[str] = ContextVar("jarjestoyhteistyo_cli_lang", default="en")


def _(text: str) -> str:
    """``text`` in this run's language (:data:`_LANG`)."""
    return gettext(_LANG.get(), text)


def N_(text: str) -> str:
    """Mark ``text`` for the catalogues where it is declared; :func:`_` translates it
    where it is shown (a command's help, declared before the language is known)."""
    return text


#: The input limits of this run (``--max-bytes`` ...); ``None``: the defaults.
_LIMITS: ContextVar[Any] = ContextVar("jarjestoyhteistyo_cli_limits", default=None)


def _report_lang() -> Lang:
    """The language of this run's reports."""
    lang = _LANG.get()
    return "fi" if lang == "fi" else "sv" if lang == "sv" else "en"


def _count_errors(n: int) -> str:
    """``1 error``, ``2 virhettä``: a count of errors in this run's language."""
    return ngettext(_LANG.get(), "{n} error", "{n} errors", n).format(n=n)


#: The weekdays' short names, Monday first (``calendar``'s lines).
_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def _weekday(index: int) -> str:
    """The short name of weekday ``index`` (0 Monday) in this run's language: not the
    C locale's ``%a``, which is English whatever the language."""
    return _(_WEEKDAYS[index])


def _language(argv: Sequence[str]) -> str:
    """The language ``argv`` asks for (``--lang sv``, ``--lang=sv``), else the
    environment's: read before the parser is built, since the help is in it."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    return language_from_env()


EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

Handler = Callable[[argparse.Namespace, TextIO], int]
Arguments = Callable[[argparse.ArgumentParser], None]


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    """A command with no arguments of its own."""


@attrs.frozen(kw_only=True)
class Command:
    """One sub-command: what ``--help`` says of it, its arguments and its handler.

    ``rules`` and ``composition`` add the ``RULES`` and ``COMPOSITION`` positionals
    every command that takes them shares; ``arguments`` adds the command's own,
    after ``--format``.
    """

    name: str
    help: str
    formats: tuple[str, ...]
    handler: Handler
    arguments: Arguments = _no_arguments
    rules: bool = False
    composition: bool = False

    def add_to(
        self, commands: argparse._SubParsersAction[argparse.ArgumentParser], *, full: bool = True
    ) -> None:
        """Add this command's parser to ``commands``; with ``full=False`` its name and
        help only (for ``--help`` and the other commands' runs: building every command's
        arguments would import what they need, such as the document table)."""
        p = commands.add_parser(self.name, help=_(self.help), description=_(self.help))
        p.set_defaults(handler=self.handler)
        if not full:
            return
        if self.rules:
            p.add_argument(
                "rules", metavar="RULES", help=_("preset name or alias, or a YAML/JSON file")
            )
        if self.composition:
            p.add_argument(
                "composition", metavar="COMPOSITION", help=_("composition YAML/JSON file")
            )
        p.add_argument(
            "--format",
            choices=list(self.formats),
            default=self.formats[0],
            help=_("output format (default {default})").format(default=self.formats[0]),
        )
        p.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help=_("write the output to FILE instead of stdout: whole or not at all"),
        )
        self.arguments(p)
        if self.name not in _READS_NOTHING:
            _limit_arguments(p)
        if "--lang" not in p._option_string_actions:  # rules: a --lang of its own
            p.add_argument(
                "--lang",
                choices=LANGUAGES,
                default=_LANG.get(),
                help=_("the language of messages and reports (default: from LANG, else English)"),
            )


#: Every command by name, in the order ``--help`` lists them (filled by :func:`command`).
COMMANDS: dict[str, Command] = {}

#: Commands that read no input file: they take no ``--max-bytes``.
_READS_NOTHING = frozenset({"presets", "codes", "rules", "init", "schema", "terms"})

#: The bounds of the limit options: a user may raise a limit knowingly, not past these
#: (what a run of this library can read at all without exhausting a machine).
_MOST_BYTES = 2_000_000_000
_MOST_NODES = 200_000_000


def _limit_arguments(p: argparse.ArgumentParser) -> None:
    from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS, PARSER_MAX_DEPTH

    p.add_argument(
        "--max-bytes",
        type=_int_in(1, _MOST_BYTES, N_("--max-bytes")),
        metavar="N",
        help=_(
            "read input files of at most N bytes (default {default}); raise it knowingly"
            " for a large file"
        ).format(default=DEFAULT_LIMITS.max_bytes),
    )
    p.add_argument(
        "--max-depth",
        type=_int_in(1, PARSER_MAX_DEPTH, N_("--max-depth")),
        metavar="N",
        help=_("nesting of at most N levels in an input document (default {default})").format(
            default=DEFAULT_LIMITS.max_depth
        ),
    )
    p.add_argument(
        "--max-nodes",
        type=_int_in(1, _MOST_NODES, N_("--max-nodes")),
        metavar="N",
        help=_(
            "at most N values in an input document, each alias counted in full (default {default})"
        ).format(default=DEFAULT_LIMITS.max_nodes),
    )


#: What to do about a limit an input passed (the problem's code): raise it knowingly.
_LIMIT_HINTS = {
    "too-large": N_("if the file is what you meant, raise the limit with --max-bytes N"),
    "too-deep": N_("if the nesting is what you meant, raise the limit with --max-depth N"),
    "too-many-nodes": N_("if the document is what you meant, raise the limit with --max-nodes N"),
}


def _limits() -> Any:
    """The input limits of this run: the defaults, or what the options raised."""
    from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS

    return _LIMITS.get() or DEFAULT_LIMITS


def command(
    name: str,
    help_: str,
    formats: Sequence[str],
    *,
    arguments: Arguments = _no_arguments,
    rules: bool = False,
    composition: bool = False,
) -> Callable[[Handler], Handler]:
    """Declare the decorated handler as the command ``name`` in :data:`COMMANDS`."""

    def declare(handler: Handler) -> Handler:
        COMMANDS[name] = Command(
            name=name,
            help=help_,
            formats=tuple(formats),
            handler=handler,
            arguments=arguments,
            rules=rules,
            composition=composition,
        )
        return handler

    return declare


# ------------------------------------------------------------------ shared helpers
#: The documents a RULES argument may be (names in
#: :data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`).
_RULES_DOCUMENTS = ("ruleset", "cooperation")


def _any_rules(arg: str) -> Any:
    """A body rule set or a cooperation model, from a file path or a preset name/alias.

    A file is read and parsed once; its ``kind:`` tag tells which it is.
    """
    from jarjestoyhteistyo.io.serialize import load_any
    from jarjestoyhteistyo.presets import (
        COOPERATION_KIND,
        load_cooperation_preset,
        load_preset,
        resolve_preset,
    )

    if arg == STDIN:
        from jarjestoyhteistyo.io.serialize import loads_any

        return loads_any(_stdin_bytes(), _RULES_DOCUMENTS, source="<stdin>", limits=_limits())[1]
    path = Path(arg)
    if path.suffix.lower() in {".yaml", ".yml", ".json"} or path.exists():
        return load_any(path, _RULES_DOCUMENTS, limits=_limits())[1]
    if resolve_preset(arg).kind == COOPERATION_KIND:
        return load_cooperation_preset(arg)
    return load_preset(arg)


class _Rejected(Exception):
    """The rule set does not pass ``check``: a command that acts on it stops (exit 1)."""

    def __init__(self, arg: str, report: Report) -> None:
        super().__init__(arg)
        self.arg, self.report = arg, report


def _rules(arg: str, *, goes_on: str | None = None) -> Any:
    """A body rule set (with seats) from a file path or a preset name/alias.

    A command acts only on a rule set that ``check`` passes (warnings allowed): a rule
    set with errors stops it with exit 1 and the errors on stderr. A command that can
    go on gives ``goes_on``, the reason it prints in a note on stderr instead.
    """
    from jarjestoyhteistyo.rules.checks import check
    from jarjestoyhteistyo.rules.cooperation import CooperationModel

    rules = _any_rules(arg)
    if isinstance(rules, CooperationModel):
        raise JarjestoError(
            _(
                "{file}: a cooperation model (JP-1 … JP-7) has no seats, terms or meetings; "
                "use it with 'check' or 'show'"
            ).format(file=arg)
        )
    report = check(rules)
    if not report.ok:
        if goes_on is None:
            raise _Rejected(arg, report)
        note = _("note: {file} does not pass 'check' ({errors}); {goes_on}")
        _err(
            note.format(file=arg, errors=_count_errors(len(report.errors)), goes_on=goes_on) + "\n"
        )
    return rules


def _places(file: str | None) -> Callable[[Finding], tuple[int, int] | None]:
    """Where each finding's path is written in ``file`` (1-based line and column), for
    a file the user named; nothing for a preset, stdin or a file that is not YAML."""
    if file is None or file == STDIN or Path(file).suffix.lower() not in _DOCUMENT_SUFFIXES:
        return lambda _f: None
    from jarjestoyhteistyo.io.serialize import read_file
    from jarjestoyhteistyo.io.yamldoor import position_of, positions

    try:
        where = positions(read_file(file))
    except JarjestoError:
        return lambda _f: None
    return lambda f: position_of(where, f.path)


#: What a file given as RULES or COMPOSITION ends in (else RULES is a preset's name).
_DOCUMENT_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


#: The CI formats of ``check`` and ``validate`` (:mod:`jarjestoyhteistyo.render.annotations`).
_CI_FORMATS = ("github", "sarif")


def _xlsx_target(args: argparse.Namespace) -> str | None:
    """The ``-o`` file when it is a workbook (``.xlsx``): the command writes it itself,
    whole or not at all, instead of its text output (issue #17 point 2)."""
    target = getattr(args, "output", None)
    if target in (None, STDIN) or Path(target).suffix.lower() != ".xlsx":
        return None
    if any(Path(target).resolve() == Path(i).resolve() for i in _inputs(args) if i != STDIN):
        raise JarjestoError(
            Text("{path} is one of this command's inputs; write elsewhere", path=target)
        )
    args.written_itself = True
    return str(target)


def _emit_report(
    report: Report, fmt: str, out: TextIO, *, file: str | None = None, document: Any = None
) -> int:
    """The report in ``fmt``; ``file`` is the file the findings are about: their places
    in it lead each text line (``file:line:column``) and are in JSON as ``location``;
    ``document`` is what they are about: a path shows its entries' ids beside their
    indexes (``seats[15] (d2).organisation``), in JSON as ``entry``."""
    place = _places(file)
    if fmt in _CI_FORMATS:
        from jarjestoyhteistyo.render.annotations import github, sarif

        render = github if fmt == "github" else sarif
        out.write(render(report, file, place, lang=_report_lang(), document=document))
    elif fmt == "json":
        data = report.to_dict(document=document)
        for row, f in zip(data["findings"], report.findings, strict=True):
            at = place(f)
            if at is not None:
                row["location"] = {"file": file, "line": at[0], "column": at[1]}
        import json

        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:

        def where(f: Finding) -> str | None:
            at = place(f)
            return None if at is None else f"{file}:{at[0]}:{at[1]}"

        lang: Language = "both" if fmt == "text-both" else _report_lang()
        out.write(report.to_text(lang, where=where, rules_pointer=True, document=document) + "\n")
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _write(text: str, out: TextIO) -> None:
    """Write ``text`` ending in one line break."""
    out.write(text if text.endswith("\n") else text + "\n")


def _dump_view(data: Any, out: TextIO) -> None:
    """Write a command's own rows as JSON (for views of computed values, not models)."""
    import json

    out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _iso_date(text: str) -> date:
    """A ``--date``-like option: ``YYYY-MM-DD`` in the years the library computes in."""
    from jarjestoyhteistyo.calc.terms import FIRST_YEAR, LAST_YEAR

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a date as YYYY-MM-DD, such as 2026-01-31, got '{text}'").format(text=text)
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("{text} is outside the years {first}–{last} the library computes in").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return day


def _int_in(low: int, high: int, what: str) -> Callable[[str], int]:
    """An integer option bounded to ``low``–``high`` (argparse type; exit 2 outside)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{what}: expected a whole number, got '{text}'").format(what=_(what), text=text)
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{what} must be {low}–{high}, not {value}").format(
                    what=_(what), low=low, high=high, value=value
                )
            )
        return value

    return parse


def _number_in(low: float, high: float, what: str) -> Callable[[str], float]:
    """A finite number option bounded to ``low``–``high`` (argparse type; exit 2 outside:
    ``1e308``, ``inf`` and ``nan`` are refused, so nothing computed from it overflows)."""

    def parse(text: str) -> float:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{what}: expected a number, got '{text}'").format(what=_(what), text=text)
            ) from None
        if not low <= value <= high:  # also false for nan

            def shown(x: float) -> str:
                return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"

            raise argparse.ArgumentTypeError(
                _("{what} must be {low}–{high}, not {value}").format(
                    what=_(what), low=shown(low), high=shown(high), value=text
                )
            )
        return value

    return parse


def _year(text: str) -> int:
    """A ``--year``-like option, in the years the library computes in."""
    from jarjestoyhteistyo.calc.terms import FIRST_YEAR, LAST_YEAR

    return _int_in(FIRST_YEAR, LAST_YEAR, N_("year"))(text)


#: The most registrations ``example`` generates (a national call is about 100,000).
MAX_REGISTRATIONS = 100_000
#: The largest seed ``select`` and ``example`` accept (a 64-bit number).
MAX_SEED = 2**63 - 1
#: The largest scorecard weight ``--weight`` accepts (weights are relative).
MAX_WEIGHT = 1000.0


#: The arguments that name a command's input files.
_INPUTS = (
    "rules",
    "composition",
    "registrations",
    "history",
    "register",
    "structures",
    "file",
)

#: An input file given as ``-`` is read from stdin (one per command).
STDIN = "-"


def _stdin_bytes() -> bytes:
    """What stdin holds, up to the door's size limit (refused past it, not read on)."""
    from jarjestoyhteistyo.errors import Problem

    limit = _limits().max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise LoadError(
            [
                Problem(
                    path="$",
                    code="too-large",
                    message=f"the input is more than {limit} bytes, the limit",
                    text=Text("the input is more than {limit} bytes, the limit", limit=limit),
                    params={"limit": limit},
                )
            ],
            source="<stdin>",
        )
    return data


def _load(arg: str | Path, what: str) -> Any:
    """The document ``what`` from the file ``arg``, or from stdin when ``arg`` is ``-``."""
    from jarjestoyhteistyo.io.serialize import load, loads

    if str(arg) == STDIN:
        return loads(_stdin_bytes(), what, source="<stdin>", limits=_limits())
    return load(arg, what, limits=_limits())


def _one_stdin(args: argparse.Namespace) -> None:
    """Stdin can be read once: two inputs given as ``-`` are a usage error."""
    if sum(1 for a in _inputs(args) if a == STDIN) > 1:
        raise JarjestoError(Text("only one input can be read from stdin ('-')"))


def _inputs(args: argparse.Namespace) -> list[str]:
    """The input files ``args`` names (for :func:`_write_file` to refuse)."""
    found: list[str] = []
    for name in _INPUTS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str))
    return found


def _write_file(
    path: str, text: str, *, newline: str | None = None, inputs: Sequence[str] = ()
) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temporary file in the same
    folder, then a rename (an interrupted or failed write leaves the old file).

    A path that is a symbolic link, a device, a pipe or a folder, or that is one of the
    command's ``inputs``, is refused: the output would replace the link or the device
    node, or what was just read.
    """
    import os

    from jarjestoyhteistyo.io.files import write_atomically

    target = Path(path)
    for source in inputs:
        try:
            same = target.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            raise JarjestoError(
                Text("{path} is one of this command's inputs; write elsewhere", path=path)
            )
    ends = os.linesep if newline is None else newline or "\n"  # as open(newline=) would
    data = (text if ends == "\n" else text.replace("\n", ends)).encode("utf-8")
    write_atomically(target, data)
    _note_if_over_the_limit(target, len(text.encode("utf-8")))


def _note_if_over_the_limit(target: Path, size: int) -> None:
    """A document written larger than a reading command takes by default says so: the
    next command would refuse it (issue #17 point 5)."""
    from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS

    limit = DEFAULT_LIMITS.max_bytes
    if size > limit and target.suffix.lower() in (".yaml", ".yml", ".json"):
        _err(
            _(
                "note: {file} is {size} bytes, more than the {limit} bytes a command reads by"
                " default: read it with --max-bytes {size}"
            ).format(file=target, size=size, limit=limit)
            + "\n"
        )


def _add_redact(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--redact",
        action="store_true",
        help=_(
            "replace names, contact details, person refs and notes with pseudonyms in the output"
        ),
    )
    p.add_argument(
        "--redact-key-file",
        metavar="FILE",
        help=_(
            "secret key (16+ bytes) for pseudonyms that stay the same across runs "
            "(implies --redact; default: a random key each run)"
        ),
    )


def _redactor(args: argparse.Namespace) -> Redactor | None:
    """The :class:`~jarjestoyhteistyo.io.redact.Redactor` the options ask for, or ``None``."""
    from jarjestoyhteistyo.io.redact import Redactor, load_key

    if args.redact_key_file:
        return Redactor(key=load_key(args.redact_key_file))
    return Redactor() if args.redact else None


# ------------------------------------------------------------ presets and rule sets
@command("presets", N_("list the shipped presets"), ("text", "json"))
def _cmd_presets(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.presets import list_presets

    presets = list_presets()
    if args.format == "json":  # a view: four of PresetInfo's fields, as always
        rows = [
            {"name": p.name, "kind": p.kind, "title": p.title, "aliases": list(p.aliases)}
            for p in presets
        ]
        _dump_view(rows, out)
    else:
        width = max(len(p.name) for p in presets)
        lang = _LANG.get()
        aliases = _("aliases")
        for p in presets:
            out.write(f"{p.name:<{width}}  {p.kind:<22}  {p.title_in(lang)}\n")
            out.write(f"{'':<{width}}  {aliases}: {', '.join(p.aliases)}\n")
    return EXIT_OK


def _show_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sources",
        action="store_true",
        help=_(
            "list every value with where it comes from: the source document and section, "
            "or the decision and its reason (the rule set's sources:); with --full the "
            "kind's defaults too"
        ),
    )
    p.add_argument(
        "--full",
        action="store_true",
        help=_(
            "write every field, the defaults too (categories, deputies, term, chair, ...): "
            "the rule set as the library uses it, a start for a rule set of your own"
        ),
    )


@command(
    "show",
    N_("print a rule set (preset name or file) as YAML"),
    ("yaml", "json"),
    arguments=_show_arguments,
    rules=True,
)
def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml

    rules = _any_rules(args.rules)
    if args.sources:
        from jarjestoyhteistyo.io.provenance import render_sources, sourced_values

        rows = sourced_values(rules, full=args.full)
        if args.format == "json":
            _dump_view([r.to_dict() for r in rows], out)
        else:
            out.write(render_sources(rows, _LANG.get()) + "\n")
        return EXIT_OK
    if args.format == "json":
        out.write(dump_json(rules, full=args.full) + "\n")
    else:
        out.write(dump_yaml(rules, full=args.full))
    return EXIT_OK


@command(
    "check",
    N_("check a rule set on its own"),
    ("text", "json", "text-both", *_CI_FORMATS),
    rules=True,
)
def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.rules.checks import check

    rules = _any_rules(args.rules)
    report = check(rules)
    if (book := _xlsx_target(args)) is not None:
        return _findings_workbook(report, book, file=args.rules)
    return _emit_report(report, args.format, out, file=args.rules, document=rules)


def _findings_workbook(report: Report, path: str, *, file: str | None) -> int:
    """The findings as a workbook, their lines from ``file`` where it has them."""
    from jarjestoyhteistyo.io.excel import write_findings

    place = _places(file)
    write_findings(report, path, lang=_report_lang(), where=place)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _validate_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--history",
        metavar="FILE",
        help=_(
            "a succession history (with its initial composition) the composition "
            "continues: checks the limits of consecutive terms (JY301, JY302)"
        ),
    )
    p.add_argument(
        "--stage",
        choices=["proposal", "appointed"],
        default=None,
        help=_(
            "proposal: before the constitutive meeting, so the chair and vice-chairs the "
            "body elects itself are info, not errors (default: the composition's stage, "
            "else appointed)"
        ),
    )


@command(
    "validate",
    N_("validate a composition against a rule set"),
    ("text", "json", "text-both", *_CI_FORMATS),
    arguments=_validate_arguments,
    rules=True,
    composition=True,
)
def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.model.composition import Stage
    from jarjestoyhteistyo.render.progress import Stages
    from jarjestoyhteistyo.rules.validation import validate

    with Stages((_("reading the composition"), _("validating"))) as stages:
        rules = _rules(args.rules)
        composition = _load(args.composition, "composition")
        stage = None if args.stage is None else Stage(args.stage)
        served = None
        if args.history is not None:
            from jarjestoyhteistyo.selection.succession import served_before

            served = served_before(rules, _load(args.history, "history"), composition)
        stages.next()
        report = validate(rules, composition, stage=stage, history=served)
    if (book := _xlsx_target(args)) is not None:
        return _findings_workbook(report, book, file=args.composition)
    return _emit_report(report, args.format, out, file=args.composition, document=composition)


def _init_arguments(p: argparse.ArgumentParser) -> None:
    from jarjestoyhteistyo.io.starter import STARTER_KINDS

    p.add_argument(
        "kind",
        metavar="KIND",
        help=_("the kind of file: {kinds}").format(kinds=", ".join(STARTER_KINDS)),
    )


@command(
    "init",
    N_("write a commented starter YAML file of a kind, each key with its meaning"),
    ("yaml",),
    arguments=_init_arguments,
)
def _cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.starter import starter

    lang = _LANG.get()
    out.write(starter(args.kind, "fi" if lang == "fi" else "sv" if lang == "sv" else "en"))
    return EXIT_OK


def _codes_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help=_("only these codes, e.g. JY210 (a rule id such as FC-9 lists its codes)"),
    )


@command(
    "codes",
    N_("list every finding code with its rule id"),
    ("text", "json"),
    arguments=_codes_arguments,
)
def _cmd_codes(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.catalogue import CATALOGUE

    codes = list(CATALOGUE)
    if args.codes:
        wanted = [w.strip().upper() for w in args.codes]
        unknown = [w for w in wanted if not any(w in (c.code, c.rule.upper()) for c in codes)]
        if unknown:
            from jarjestoyhteistyo.rules.values import did_you_mean

            close = did_you_mean(unknown[0], [c.code for c in codes])
            if close:
                raise JarjestoError(
                    Text(
                        "no finding code {codes}; did you mean {close}? "
                        "('jarjestoyhteistyo codes' lists them all)",
                        codes=", ".join(unknown),
                        close=", ".join(close),
                    )
                )
            raise JarjestoError(
                Text(
                    "no finding code {codes} ('jarjestoyhteistyo codes' lists them all)",
                    codes=", ".join(unknown),
                )
            )
        codes = [c for c in codes if c.code in wanted or c.rule.upper() in wanted]
    if args.format == "json":  # a view: the listing's columns, the severity as its value
        rows = [
            {
                "code": c.code,
                "rule": c.rule,
                "severity": c.severity.value,
                "title": c.title,
                "fix": c.fix,
            }
            for c in codes
        ]
        _dump_view(rows, out)
    else:
        from jarjestoyhteistyo.findings import severity_word

        lang = _report_lang()
        words = {c.severity: severity_word(c.severity, lang) for c in codes}
        width = max((len(w) for w in words.values()), default=7)
        fix = _("fix")
        for c in codes:
            word = words[c.severity]
            out.write(f"{c.code}  {c.rule:<6} {word:<{width}} {c.title_in(lang)}\n")
            if len(codes) <= 3:  # a few codes asked for by name: what to do as well
                out.write(f"       {fix}: {c.fix_in(lang)}\n")
    return EXIT_OK


def _rules_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help=_("only these rules, e.g. FC-9 GEN-4"))
    p.add_argument(
        "--lang",
        choices=["fi", "sv", "en", "all"],
        default="all",
        help=_("the language of the texts (default: all three)"),
    )


@command(
    "rules",
    N_("explain rule ids such as FC-9 in fi/sv/en"),
    ("text", "json"),
    arguments=_rules_arguments,
)
def _cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.rulebook import LANGUAGES, all_rules, rule

    chosen = [rule(i) for i in args.ids] if args.ids else list(all_rules())
    langs = LANGUAGES if args.lang == "all" else (args.lang,)
    if args.format == "json":
        _dump_view([r.to_dict(langs) for r in chosen], out)
    else:
        ui = _report_lang()
        out.write("\n\n".join(r.to_text(langs, ui=ui) for r in chosen) + "\n")
    return EXIT_OK


def _categories_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "rules",
        nargs="?",
        metavar="RULES",
        help=_("a rule set whose categories to list (default: the eight PRH categories)"),
    )


@command(
    "categories",
    N_("list category codes with their fi/sv/en labels"),
    ("text", "json"),
    arguments=_categories_arguments,
)
def _cmd_categories(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.model.categories import PRH_CATEGORIES

    categories = PRH_CATEGORIES
    if args.rules is not None:
        rules = _any_rules(args.rules)
        categories = getattr(rules, "categories", None) or ()
        if not categories:
            raise JarjestoError(
                Text(
                    "{file} has no list of categories of its own; "
                    "'jarjestoyhteistyo categories' lists the eight PRH ones",
                    file=args.rules,
                )
            )
    if args.format == "json":
        rows = [
            {"code": c.code, "fi": c.labels.fi, "sv": c.labels.sv, "en": c.labels.en}
            for c in categories
        ]
        _dump_view(rows, out)
    else:
        width = max(len(c.code) for c in categories)
        for c in categories:
            out.write(f"{c.code:<{width}}  fi: {c.labels.get('fi')}\n")
            out.write(f"{'':<{width}}  sv: {c.labels.get('sv')}\n")
            out.write(f"{'':<{width}}  en: {c.labels.get('en')}\n")
    return EXIT_OK


# ------------------------------------------------------------- terms and meetings
def _terms_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=_iso_date, help=_("the date (default today), YYYY-MM-DD"))
    p.add_argument("--council", choices=["regional", "municipal"], default="regional")
    p.add_argument("--list", action="store_true", help=_("list terms across a span of years"))
    p.add_argument("--first-year", type=_year, help=_("first year of the list"))
    p.add_argument("--last-year", type=_year, help=_("last year of the list"))


@command(
    "terms",
    N_("council terms: which term contains a date"),
    ("text", "json"),
    arguments=_terms_arguments,
)
def _cmd_terms(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.terms import council_term_on, council_terms
    from jarjestoyhteistyo.model.rulesets import Council

    council = Council(args.council)
    day: date = args.date or date.today()
    term = council_term_on(day, council)
    listed = (
        council_terms(
            args.first_year or term.start.year, args.last_year or term.end.year + 4, council
        )
        if args.list
        else (term,)
    )
    rows = [  # a view: each term with whether it contains the date asked about
        {
            "council": t.council.value,
            "number": t.number,
            "start": t.start.isoformat(),
            "end": t.end.isoformat(),
            "contains_date": t.contains(day),
        }
        for t in listed
    ]
    if args.format == "json":
        _dump_view({"date": day.isoformat(), "terms": rows}, out)
    else:
        line = {
            "regional": _("regional council term {number}: {start} – {end}"),
            "municipal": _("municipal council term {number}: {start} – {end}"),
        }
        for r in rows:
            mark = "  <- " + day.isoformat() if r["contains_date"] else ""
            out.write(
                line[str(r["council"])].format(number=r["number"], start=r["start"], end=r["end"])
                + f"{mark}\n"
            )
    return EXIT_OK


def _rotation_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--years",
        type=_int_in(1, 200, N_("the horizon in years")),
        default=8,
        help=_("horizon in years, 1–200 (default 8)"),
    )
    p.add_argument(
        "--start", type=_iso_date, help=_("start date (default: the composition's as_of)")
    )


@command(
    "rotation",
    N_("renewal plan: which seats are up at each changeover"),
    ("text", "json"),
    arguments=_rotation_arguments,
    rules=True,
    composition=True,
)
def _cmd_rotation(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.rotation import rotation_plan
    from jarjestoyhteistyo.io.serialize import json_data

    rules = _rules(args.rules)
    composition = _load(args.composition, "composition")
    plan = rotation_plan(rules, composition, start=args.start, years=args.years)
    if (book := _xlsx_target(args)) is not None:
        from jarjestoyhteistyo.render.excel import write_rotation_plan

        write_rotation_plan(plan, book, lang=_report_lang())
        return EXIT_OK
    if args.format == "json":
        data = json_data(plan)  # the plan's own form, in the order this command always had
        last = ("changeovers", "tenures")
        _dump_view(
            {k: v for k, v in data.items() if k not in last} | {k: data[k] for k in last}, out
        )
    else:
        lang = _LANG.get()
        cohorts = ngettext(lang, "{n} cohort", "{n} cohorts", plan.cohorts)
        most = ngettext(
            lang,
            "at most {n} seat changes at once",
            "at most {n} seats change at once",
            plan.max_per_changeover,
        )
        out.write(
            _("Rotation plan {start} – {end}: term {months} months, {cohorts}, {most}").format(
                start=plan.start,
                end=plan.end,
                months=plan.term_months,
                cohorts=cohorts.format(n=plan.cohorts),
                most=most.format(n=plan.max_per_changeover),
            )
            + "\n"
        )
        for c in plan.changeovers:
            up = ngettext(lang, "{n} seat up", "{n} seats up", len(c.seats))
            out.write(f"{c.date}: {up.format(n=len(c.seats))}: {', '.join(c.seats)}\n")
    return EXIT_OK


def _window_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--start", type=_iso_date, required=True, help=_("the seat's start date, YYYY-MM-DD")
    )
    p.add_argument(
        "--count",
        type=_int_in(1, 100, N_("the number of windows")),
        default=3,
        help=_("how many windows, 1–100 (default 3)"),
    )
    p.add_argument(
        "--first", action="store_true", help=_("the seat starts with a (staggered) first term")
    )
    p.add_argument(
        "--position",
        type=_int_in(0, 100, N_("the position")),
        default=None,
        help=_("the seat's position in the staggered group, 0–100 (with --first; default 0)"),
    )


@command(
    "window",
    N_("membership windows of a seat starting on a date (the term policy)"),
    ("text", "json"),
    arguments=_window_arguments,
    rules=True,
)
def _cmd_window(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.terms import membership_window
    from jarjestoyhteistyo.model.rulesets import TermMode

    rules = _rules(args.rules, goes_on=_("the windows are read from its term as written"))
    policy = rules.term
    if policy is None:
        raise JarjestoError(
            Text(
                "{name}: the rule set states no term, so there are no membership windows",
                name=rules.title,
            )
        )
    if args.position is not None and not args.first:
        raise JarjestoError(Text("--position is the place in a staggered first term: use --first"))
    position = args.position or 0
    single = policy.mode in (TermMode.FIXED_DATES, TermMode.AGREED)
    count = 1 if single else args.count
    windows = [
        membership_window(policy, args.start, first=args.first, position=position, index=k)
        for k in range(count)
    ]
    rows = [  # a view: each window with the rule that produced it
        {
            "index": k,
            "start": w.start.isoformat(),
            "end": None if w.end is None else w.end.isoformat(),
            "rule": w.rule,
        }
        for k, w in enumerate(windows)
    ]
    if args.format == "json":
        _dump_view(
            {
                "name": rules.name,
                "term": policy.mode.value,
                "start": args.start.isoformat(),
                "first": args.first,
                "position": position,
                "windows": rows,
            },
            out,
        )
        return EXIT_OK
    from jarjestoyhteistyo.model.vocabulary import term

    lang = _LANG.get()
    mode = term(policy.mode).text_in(lang)
    head = (
        _("{name}: membership windows of a seat from {start} ({mode}, first term)")
        if args.first
        else _("{name}: membership windows of a seat from {start} ({mode})")
    )
    out.write(head.format(name=rules.name_in(lang), start=args.start.isoformat(), mode=mode))
    out.write("\n")
    for k, w in enumerate(windows):
        end = _("open") if w.end is None else w.end.isoformat()
        out.write(f"  {k + 1}. {w.start.isoformat()} – {end}: {_window_rule(w, lang)}\n")
    if single and args.count > 1:
        out.write("  (" + _("{mode}: a single window").format(mode=mode) + ")\n")
    return EXIT_OK


def _window_rule(window: Any, lang: str) -> str:
    """How ``window`` was computed, in ``lang`` where the window can say it."""
    rule_in = getattr(window, "rule_in", None)
    return str(rule_in(lang)) if callable(rule_in) else str(window.rule)


def _duties_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=_year, required=True, help=_("the year, 1900–2200"))


@command(
    "duties",
    N_("who holds each rotating duty in a year ('not specified' past the listed turns)"),
    ("text", "json"),
    arguments=_duties_arguments,
    rules=True,
)
def _cmd_duties(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.duties import duty_periods
    from jarjestoyhteistyo.findings import Severity
    from jarjestoyhteistyo.rules.terms import check_duties

    rules = _rules(args.rules, goes_on=_("the duties are read as written"))
    broken = [f for f in check_duties(rules) if f.severity is Severity.ERROR]
    if broken:  # turns that cannot be read, or overlap: the findings, not a guess
        return _emit_report(Report(subject=rules.title, findings=tuple(broken)), args.format, out)
    first, last = date(args.year, 1, 1), date(args.year, 12, 31)
    duties = [  # a view: each duty's periods overlapping the year
        {
            "duty": d.duty,
            "repeats": d.repeats,
            "periods": [
                {
                    "start": p.window.start.isoformat(),
                    "end": None if p.window.end is None else p.window.end.isoformat(),
                    "holder": p.holder,
                    "specified": p.specified,
                    "rule": p.window.rule,
                }
                for p in duty_periods(d, first, last)
            ],
        }
        for d in rules.duties
    ]
    if args.format == "json":
        _dump_view({"name": rules.name, "year": args.year, "duties": duties}, out)
        return EXIT_OK
    lang = _LANG.get()
    out.write(
        _("{name}: rotating duties in {year}").format(name=rules.name_in(lang), year=args.year)
        + "\n"
    )
    if not duties:
        out.write("  (" + _("the rule set states no rotating duties") + ")\n")
    for d in duties:
        from jarjestoyhteistyo.model.vocabulary import function_term

        out.write(f"{function_term(d['duty']).text_in(lang)}:\n")
        for p in d["periods"]:
            who = p["holder"] if p["specified"] else _("not specified")
            out.write(f"  {p['start']} – {p['end'] or '…':<10}  {who}\n")
    return EXIT_OK


def _calendar_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=_year, required=True, help=_("the calendar year (1900–2200)"))
    p.add_argument(
        "--count",
        type=_int_in(0, 12, N_("the number of meetings")),
        help=_("number of meetings, 0–12, one a month at most (default: policy maximum)"),
    )
    p.add_argument(
        "--weekday",
        help=_(
            "meeting day mo..su, optionally after an ordinal 1–4: 2tu = second Tuesday "
            "(default: the rule set's meetings.weekday, else tu)"
        ),
    )
    p.add_argument(
        "--time",
        metavar="HH:MM",
        help=_("local start time (default: the rule set's meetings.time, else 17:00)"),
    )
    p.add_argument(
        "--ics",
        metavar="FILE",
        help=_(
            "also write an iCalendar file; '-' writes it to standard output instead of the list"
        ),
    )
    p.add_argument(
        "--sequence",
        type=_int_in(0, 10_000, N_("the sequence")),
        default=0,
        help=_(
            "iCalendar SEQUENCE, 0–10000: raise it by one each time a changed calendar "
            "is published again (default 0)"
        ),
    )


@command(
    "calendar",
    N_("meeting dates for a year (Finnish holidays skipped)"),
    ("text", "json"),
    arguments=_calendar_arguments,
    rules=True,
)
def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.meetings import meeting_dates, parse_time, parse_weekday, to_ics

    rules = _rules(args.rules)
    policy = rules.meetings
    day = parse_weekday(args.weekday) if args.weekday else None  # None: the rule set's
    at = parse_time(args.time) if args.time else None
    dates = meeting_dates(policy, args.year, count=args.count, weekday=day, at=at)
    if args.ics:
        text = to_ics(
            dates,
            name=rules.name,
            duration_hours=policy.hours,
            location=policy.location,
            description=policy.description,
            sequence=args.sequence,
        )
        if args.ics == "-":  # the iCalendar text is the output; it escapes its own text
            _raw(out).write(text)
            return EXIT_OK
        _write_file(args.ics, text, newline="", inputs=_inputs(args))
    if args.format == "json":  # a view: the computed dates, to the minute
        meetings = [d.isoformat(timespec="minutes") for d in dates]
        _dump_view({"name": rules.name, "year": args.year, "meetings": meetings}, out)
    else:
        lang = _LANG.get()
        count = ngettext(lang, "{n} meeting in {year}", "{n} meetings in {year}", len(dates))
        out.write(f"{rules.name_in(lang)}: {count.format(n=len(dates), year=args.year)}\n")
        for d in dates:
            out.write(f"  {_weekday(d.weekday())} {d:%Y-%m-%d %H:%M}\n")
    return EXIT_OK


# ------------------------------------------------------------ roadmaps and schemas
def _roadmap_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["check", "evaluate"], help=_("what to do"))
    p.add_argument("file", metavar="FILE", help=_("roadmap YAML/JSON file"))
    p.add_argument("--as-of", type=_iso_date, help=_("evaluation date (default today)"))


@command(
    "roadmap",
    N_("check or evaluate a roadmap and its implementation plans"),
    ("text", "markdown", "json", "text-both"),
    arguments=_roadmap_arguments,
)
def _cmd_roadmap(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.roadmap import evaluate, render, roadmap_check

    if args.action == "check":
        doc = _load(Path(args.file), "roadmap")
        return _emit_report(roadmap_check(doc), args.format, out, file=args.file, document=doc)
    if args.format == "text-both":
        raise JarjestoError(Text("--format text-both is for check; use text, markdown or json"))
    as_of: date = args.as_of or date.today()
    doc = _load(Path(args.file), "roadmap")
    evaluation = evaluate(doc.roadmap, doc.plans, as_of=as_of)
    _write(render(evaluation, args.format, lang=_report_lang()), out)
    return EXIT_OK if evaluation.report.ok else EXIT_FINDINGS


def _schema_arguments(p: argparse.ArgumentParser) -> None:
    from jarjestoyhteistyo.io.serialize import DOCUMENTS

    p.add_argument("document", choices=list(DOCUMENTS), help=_("which document"))


@command(
    "schema",
    N_("print the JSON Schema of a YAML document kind"),
    ("json",),
    arguments=_schema_arguments,
)
def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.schema import schema_json

    out.write(schema_json(args.document))
    return EXIT_OK


# ------------------------------------------------------------------ the ecosystem
def _ecosystem_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "register", metavar="REGISTER", help=_("register as CSV (UTF-8 or Excel) or YAML")
    )
    p.add_argument("--rules", metavar="FILE", help=_("segment rules YAML (default: built in)"))
    p.add_argument("--as-of", type=_iso_date, help=_("date of the analysis (default today)"))
    p.add_argument(
        "--extra-columns",
        choices=["error", "ignore"],
        default="error",
        help=_("columns the register layout does not know: an error (default) or ignored"),
    )
    p.add_argument(
        "--ytj",
        metavar="FILE",
        help=_(
            "the national business register's open bulk data (the YTJ zip or its JSON):"
            " associations the city's register does not know join the analysis as not reached"
        ),
    )
    p.add_argument(
        "--municipality",
        action="append",
        metavar="CODE",
        help=_("with --ytj: a municipality code such as 092 (repeatable; default: every one)"),
    )


@command(
    "ecosystem",
    N_("classify an association register (JP-4, JP-7)"),
    ("text", "markdown", "json"),
    arguments=_ecosystem_arguments,
)
def _cmd_ecosystem(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.ecosystem import DEFAULT_SEGMENT_RULES, analyse, read_register

    as_of: date = args.as_of or date.today()
    source = _stdin_bytes() if args.register == STDIN else Path(args.register)
    raised = {"max_bytes": args.max_bytes} if args.max_bytes else {}  # else its own 50 MB
    result = read_register(  # the CSV reader, or the door
        source, as_of=as_of, extra_columns=args.extra_columns, **raised
    )
    rules = _load(args.rules, "segment_rules") if args.rules else DEFAULT_SEGMENT_RULES
    if args.ytj is not None:
        from jarjestoyhteistyo.analysis.ecosystem import analyse_national
        from jarjestoyhteistyo.io.ytj import load_ytj

        national = load_ytj(Path(args.ytj), municipalities=args.municipality)
        report = analyse_national(result, national, as_of=as_of, rules=rules)
        for missed in national.problems:  # records of the national file not read
            _err(missed.message_in(_LANG.get()) + "\n")
    else:
        if args.municipality:
            raise JarjestoError(
                Text("--municipality chooses the records of --ytj: give --ytj FILE")
            )
        report = analyse(result.associations, as_of=as_of, rules=rules, problems=result.problems)
    _write(report.render(args.format, _report_lang()), out)
    for problem in result.problems:  # rows that could not be read, by line (none lost)
        message = problem.message_in(_LANG.get())
        _err(_("line {line}: {message}").format(line=problem.line, message=message) + "\n")
    return EXIT_FINDINGS if result.problems else EXIT_OK


# ------------------------------------------------- selection, comparison, examples
def _select_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("registrations", metavar="REGISTRATIONS", help=_("registrations YAML/JSON"))
    p.add_argument(
        "--seed",
        type=_int_in(0, MAX_SEED, N_("the seed")),
        default=0,
        help=_("lottery seed (default 0)"),
    )
    p.add_argument(
        "--fair", action="store_true", help=_("maximin-fair lottery when oversubscribed")
    )
    _add_redact(p)


@command(
    "select",
    N_("propose members from registrations (FC-3, OF-3, KU-7)"),
    ("text", "json", "yaml"),
    arguments=_select_arguments,
    rules=True,
)
def _cmd_select(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.converter import yaml_comment
    from jarjestoyhteistyo.io.serialize import dump_yaml, unstructure
    from jarjestoyhteistyo.render.progress import Stages
    from jarjestoyhteistyo.selection import propose

    redactor = _redactor(args)
    with Stages((_("reading the registrations"), _("proposing members"))) as stages:
        rules = _rules(args.rules)
        pool = _load(args.registrations, "registrations")
        stages.next()
        proposal = propose(rules, pool.registrations, seed=args.seed, fair=args.fair)
    composition = (
        proposal.composition if redactor is None else redactor.redact(proposal.composition)
    )
    if (book := _xlsx_target(args)) is not None:
        from jarjestoyhteistyo.render.excel import write_proposal

        shown = proposal if redactor is None else attrs.evolve(proposal, composition=composition)
        write_proposal(shown, book, lang=_report_lang())
        return EXIT_OK if proposal.ok else EXIT_FINDINGS
    if args.format == "json":  # the proposal's report view, with the composition's own form
        _dump_view({**proposal.to_dict(), "composition": unstructure(composition)}, out)
    elif args.format == "yaml":  # a composition file that `validate` accepts
        from jarjestoyhteistyo.findings import severity_word

        lang = _report_lang()
        out.write(
            yaml_comment(
                _(
                    "Selection does not choose committee members, the chair, the vice-chair "
                    "or the secretary (FC-6, FC-7, WS-8): assign them before "
                    "`jarjestoyhteistyo validate`."
                )
            )
        )
        for explanation in proposal.explanations:  # data in comments: through the emitter
            out.write(yaml_comment(_explained(explanation, lang)))
        for f in proposal.report:
            word = severity_word(f.severity, lang)
            out.write(yaml_comment(f"{word} {f.code} [{f.rule}]: {f.message(lang)}"))
        out.write(dump_yaml(composition))
    else:
        lang = _report_lang()
        out.write(proposal.to_text(lang, rules_pointer=True) + "\n")
    return EXIT_OK if proposal.ok else EXIT_FINDINGS


def _explained(explanation: Any, lang: str) -> str:
    """An organisation's explanation in ``lang`` where it can say it, else its text."""
    try:
        return str(explanation.text(lang=lang))
    except TypeError:  # an explanation with no language of its own
        return str(explanation.text())


def _compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("structures", metavar="RULES", nargs="+", help=_("presets or rule-set files"))
    p.add_argument("--labels", help=_("column labels, comma-separated"))
    p.add_argument(
        "--fee-per-meeting",
        type=_number_in(0, MAX_AMOUNT, N_("the fee per meeting")),
        default=None,
        help=_(
            "fee per meeting (€, 0–{most}); without it a fee-paying body's fee cost is unknown"
        ).format(most=f"{MAX_AMOUNT:,.0f}"),
    )
    p.add_argument(
        "--weight", action="append", metavar="CRITERION=W", help=_("scorecard weight (repeatable)")
    )


def _weights(items: Sequence[str]) -> dict[str, float]:
    """``--weight CRITERION=NUMBER`` options as a mapping."""
    weights: dict[str, float] = {}
    number = _number_in(0, MAX_WEIGHT, N_("the weight"))
    for item in items:
        key, _, value = item.partition("=")
        try:
            weights[key.strip()] = number(value)
        except argparse.ArgumentTypeError as exc:
            raise JarjestoError(
                Text(
                    "--weight '{item}': expected CRITERION=NUMBER; {reason}",
                    item=item,
                    reason=str(exc),
                )
            ) from None
    return weights


@command(
    "compare",
    N_("compare structures side by side (metrics and scorecard)"),
    ("text", "markdown", "json", "html"),
    arguments=_compare_arguments,
)
def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.compare import compare

    weights = _weights(args.weight or ())
    table = compare(  # a comparison shows flawed drafts too, and says so
        *(_rules(arg, goes_on=_("compared as written")) for arg in args.structures),
        labels=tuple(args.labels.split(",")) if args.labels else None,
        fee_per_meeting=args.fee_per_meeting,
        weights=weights or None,
    )
    lang = _report_lang()  # JSON stays English: metric ids and codes
    if (book := _xlsx_target(args)) is not None:
        from jarjestoyhteistyo.render.excel import write_comparison

        write_comparison(table, book, lang=lang)
    elif args.format == "json":
        _write(table.to_json(), out)
    elif args.format == "markdown":
        _write(table.to_markdown(lang=lang), out)
    elif args.format == "html":
        _write(table.to_html(lang=lang), out)
    else:
        _write(table.to_text(lang=lang), out)
    return EXIT_OK


def _example_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--seed",
        type=_int_in(0, MAX_SEED, N_("the seed")),
        default=0,
        help=_("seed (same seed, same output)"),
    )
    p.add_argument("--broken", metavar="RULE_ID", help=_("break one rule, e.g. FC-9 or JY205"))
    p.add_argument(
        "--registrations",
        type=_int_in(0, MAX_REGISTRATIONS, N_("the number of registrations")),
        metavar="N",
        help=_("also generate N registrations (more than seats; at most {most})").format(
            most=f"{MAX_REGISTRATIONS:,}"
        ),
    )
    p.add_argument("--infeasible", action="store_true", help=_("make some registrations unusable"))
    p.add_argument(
        "--registrations-file",
        metavar="FILE",
        help=_("write the registrations to FILE (for 'select')"),
    )
    p.add_argument("--names", action="store_true", help=_("give people clearly fictional names"))
    _add_redact(p)


def _template_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["registrations"], help=_("what the sheet is for"))
    p.add_argument(
        "--rules",
        metavar="PRESET_OR_FILE",
        help=_(
            "the rule set whose categories, networks and criteria the lists offer (preset"
            " or file; default: the eight categories of the association register)"
        ),
    )


@command(
    "template",
    N_("write an empty registrations workbook (.xlsx) with drop-down lists"),
    ("xlsx",),
    arguments=_template_arguments,
)
def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.excel import template_registrations, write_bytes

    target = _xlsx_target(args)
    if target is None:
        raise JarjestoError(Text("give the workbook to write with -o FILE.xlsx"))
    if args.rules is None:  # the library's default categories, no body's own
        from jarjestoyhteistyo.model.rulesets import FormalCommittee

        rules = FormalCommittee(name="registrations", area="-")
    else:
        rules = _rules(args.rules)
    write_bytes(target, template_registrations(rules, _report_lang()))
    return EXIT_OK


def _document_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "composition",
        nargs="?",
        metavar="COMPOSITION",
        help=_("composition YAML/JSON file: adds the appendix of seats and the validation"),
    )


#: Document files the ``document`` command writes itself (binary, with their library).
_BINARY_DOCUMENTS = (".docx", ".odt")


@command(
    "document",
    N_("write the body's draft rules of procedure as .docx, .odt, .html or .md"),
    ("markdown", "html"),
    arguments=_document_arguments,
    rules=True,
)
def _cmd_document(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.render.documents import (
        SUFFIXES,
        committee_document,
        to_html,
        to_markdown,
        write_document,
    )
    from jarjestoyhteistyo.rules.validation import validate

    rules = _rules(args.rules)
    comp = None if args.composition is None else _load(args.composition, "composition")
    report = None if comp is None else validate(rules, comp)
    doc = committee_document(rules, comp, report, lang=_report_lang())
    target = args.output if args.output not in (None, STDIN) else None
    status = EXIT_OK if report is None or report.ok else EXIT_FINDINGS
    if target is not None and Path(target).suffix.lower() not in SUFFIXES:
        write_document(doc, target)  # refuses the suffix, naming the ones it writes
    if target is not None and Path(target).suffix.lower() in _BINARY_DOCUMENTS:
        if any(Path(target).resolve() == Path(i).resolve() for i in _inputs(args) if i != STDIN):
            raise JarjestoError(
                Text("{path} is one of this command's inputs; write elsewhere", path=target)
            )
        write_document(doc, target)  # whole or not at all, refusing links and devices
        args.written_itself = True
        return status
    suffix = "" if target is None else Path(target).suffix.lower()
    html = args.format == "html" or suffix in (".html", ".htm")
    _write(to_html(doc) if html else to_markdown(doc), out)
    return status


@command(
    "example",
    N_("write a fictional, valid (or deliberately broken) composition"),
    ("yaml", "json"),
    arguments=_example_arguments,
    rules=True,
)
def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.fictional.generate import generate, to_registrations
    from jarjestoyhteistyo.io.converter import yaml_comment
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml
    from jarjestoyhteistyo.render.progress import Stages

    redactor = _redactor(args)
    rules = _rules(args.rules)
    with Stages((_("generating the example"), _("writing it out"))) as stages:
        example = generate(
            rules,
            seed=args.seed,
            broken=args.broken,
            registrations=args.registrations or 0,
            infeasible=args.infeasible,
            names=args.names,
        )
        if redactor is not None:
            example = redactor.redact(example)
        stages.next()
        dump = dump_json if args.format == "json" else dump_yaml
        text = dump(example.composition)
        registrations = dump(to_registrations(example)) if args.registrations_file else None
    if args.format == "yaml":
        from jarjestoyhteistyo.findings import severity_word

        lang = _report_lang()
        head = yaml_comment(
            _("Fictional example for {name} (seed {seed}); roles only.").format(
                name=rules.name_in(lang), seed=args.seed
            )
        )
        if example.expected_code:
            sev = (
                severity_word(example.expected_severity, lang).lower()
                if example.expected_severity
                else "?"
            )
            head += yaml_comment(
                _("Broken on purpose: {rule} -> validate reports {code} ({severity}).").format(
                    rule=example.broken_rule, code=example.expected_code, severity=sev
                )
            )
        text = head + text
    _write(text, out)
    if args.registrations_file and registrations is not None:
        _write_file(args.registrations_file, registrations, inputs=_inputs(args))
    return EXIT_OK


# ------------------------------------------------------ succession and term limits
def _history(path: str) -> Any:

    return _load(path, "history")


def _succession_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("history", metavar="HISTORY", help=_("succession history YAML/JSON file"))
    p.add_argument(
        "--at", type=_iso_date, required=True, help=_("the date, YYYY-MM-DD (1900–2200)")
    )


@command(
    "succession",
    N_("the composition on a date after a history's events"),
    ("text", "json", "yaml"),
    arguments=_succession_arguments,
    rules=True,
    composition=True,
)
def _cmd_succession(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.serialize import dump_yaml, json_data
    from jarjestoyhteistyo.selection.succession import composition_at

    rules = _rules(args.rules)
    initial = _load(args.composition, "composition")
    comp, report = composition_at(rules, initial, _history(args.history), args.at)
    if args.format == "json":
        import json

        _dump_view({"composition": json_data(comp), "report": json.loads(report.to_json())}, out)
    elif args.format == "yaml":
        out.write(dump_yaml(comp))
    else:
        lang = _LANG.get()
        name = comp.name or rules.name_in(lang)
        out.write(_("{name} on {date}:").format(name=name, date=args.at.isoformat()) + "\n")
        for seat in comp.seats:
            ref = seat.person.ref if seat.person is not None and seat.person.ref else None
            holder = " / ".join(x for x in (seat.organisation, ref) if x) or _("vacant")
            out.write(f"  {seat.id}: {holder}\n")
        if report.findings:
            out.write(report.to_text(lang=_report_lang(), rules_pointer=True) + "\n")
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _term_limits_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "history", metavar="HISTORY", help=_("succession history with its initial composition")
    )
    p.add_argument(
        "--composition",
        metavar="FILE",
        help=_("a proposed composition continuing from the history (only its findings)"),
    )
    p.add_argument(
        "--until",
        type=_iso_date,
        help=_("read the history to this date (default its last date), YYYY-MM-DD"),
    )


@command(
    "term-limits",
    N_("consecutive-term limits (JY301, JY302) on a succession history"),
    ("text", "json", "text-both"),
    arguments=_term_limits_arguments,
    rules=True,
)
def _cmd_term_limits(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.selection.succession import term_limits

    rules = _rules(args.rules)
    proposal = None if args.composition is None else _load(args.composition, "composition")
    report = term_limits(rules, _history(args.history), proposal=proposal, until=args.until)
    if proposal is None:
        return _emit_report(report, args.format, out)
    # the findings are about the proposal's seats: their places are in its file
    return _emit_report(report, args.format, out, file=args.composition, document=proposal)


# --------------------------------------------------------------------- the parser
class _Version(argparse.Action):
    """``--version``: the installed version, on stdout, exit 0 (read when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from jarjestoyhteistyo import __version__

        sys.stdout.write(f"jarjestoyhteistyo {__version__}\n")
        parser.exit(0)


#: The shells ``--print-completion`` writes a script for (shtab's).
_SHELLS = ("bash", "zsh", "tcsh")


class _Completion(argparse.Action):
    """``--print-completion SHELL``: shtab's completion script of the whole command
    line (every command with its arguments), on stdout, exit 0."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        try:
            import shtab
        except ImportError:
            from jarjestoyhteistyo.errors import MissingDependencyError

            raise MissingDependencyError(
                Text("tab completion needs shtab: pip install 'jarjestoyhteistyo[completion]'")
            ) from None
        sys.stdout.write(shtab.complete(_parser(None), shell=str(values)))
        parser.exit(0)


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the command line; given ``argv``, only the command it names gets
    its arguments (the others are listed by name and help), so the command line starts
    without importing what the other commands need. When ``argv`` starts with a
    command's name, the parser has that command only: nothing else it could print
    (the command's usage and errors, the top level's usage) names the others, and
    building the parsers it will not use was a twentieth of ``check PRESET``."""
    chosen = None if argv is None else next((a for a in argv if not a.startswith("-")), None)
    alone = argv is not None and len(argv) > 0 and argv[0] in COMMANDS
    parser = argparse.ArgumentParser(
        prog="jarjestoyhteistyo",
        description=_(
            "NGO cooperation structures of Finnish wellbeing areas: presets, "
            "checks of rule sets and validation of compositions."
        ),
        epilog=_(
            "Exit status: 0 passes, 1 findings at error level, 2 unusable input or "
            "usage, 3 internal error (a bug), 130 interrupted."
        ),
    )
    parser.add_argument(
        "--version", action=_Version, help=_("print the version of jarjestoyhteistyo and exit")
    )
    parser.add_argument(
        "--print-completion",
        action=_Completion,
        choices=_SHELLS,
        metavar="SHELL",
        help=_(
            "print a tab-completion script for SHELL ({shells}) and exit; "
            "needs the 'completion' extra (shtab)"
        ).format(shells=", ".join(_SHELLS)),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for cmd in [COMMANDS[str(chosen)]] if alone else COMMANDS.values():
        cmd.add_to(commands, full=argv is None or cmd.name == chosen)
    return parser


class _SafeOut:
    """A text stream that shows the characters of :data:`jarjestoyhteistyo.text.UNSAFE`
    escaped instead of passing them to the terminal: ``\\x1b`` for ESC, ``\\u202e`` for a
    right-to-left override; in JSON and YAML the ``\\u202e`` form, which reads back as
    the character inside a string (YAML's emitter double-quotes any string holding one).
    iCalendar output drops them itself."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        self._stream = stream
        self._fix: Callable[[str], str] | None = None
        if fmt in ("json", "yaml", "sarif"):  # inside a (double-quoted) string: \\u escapes
            self._fix = lambda text: escape_unsafe(text, json=True)
        elif fmt != "ics":  # the calendar drops them itself
            self._fix = escape_unsafe
        # A terminal or pipe whose encoding cannot write every character (an ASCII or
        # Latin-1 locale, PYTHONIOENCODING=ascii): JSON, YAML and iCalendar are UTF-8
        # by their standards, so they go out as UTF-8 bytes; text for people shows the
        # characters it cannot write escaped (\\xe4), never a UnicodeEncodeError.
        encoding = getattr(stream, "encoding", None) or "utf-8"
        self._encoding = None if _writes_everything(encoding) else encoding
        self._utf8 = (
            self._encoding is not None
            and fmt in ("json", "yaml", "sarif", "ics")
            and hasattr(stream, "buffer")
        )
        self._fmt = fmt

    def write(self, text: str) -> int:
        if self._fix:
            text = self._fix(text)
        if self._utf8:
            self._stream.flush()
            self._stream.buffer.write(text.encode("utf-8"))
            return len(text)
        if self._encoding is not None:
            text = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        return self._stream.write(text)

    def flush(self) -> None:
        if self._utf8:
            self._stream.buffer.flush()
        self._stream.flush()


def _writes_everything(encoding: str) -> bool:
    """Whether text in ``encoding`` can hold every character (a UTF encoding)."""
    import codecs

    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def _raw(out: TextIO) -> TextIO:
    """The stream under ``out`` without the escaping, for a format that escapes its own
    text (iCalendar); still written in an encoding that holds it."""
    return typing.cast(TextIO, _SafeOut(out._stream, "ics")) if isinstance(out, _SafeOut) else out


def _err(text: str) -> None:
    """Write ``text`` to stderr, control characters shown escaped, and characters the
    stream's encoding cannot write as escapes (``\\xe4``) rather than an error."""
    text = escape_unsafe(text)
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    if not _writes_everything(encoding):
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    sys.stderr.write(text)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of what a
    closed pipe or a full disk refused does not print an error of its own."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a descriptor
        pass


def _json_error(args: argparse.Namespace, out: TextIO, exc: JarjestoError) -> None:
    """With ``--format json``, unusable input is a JSON object on stdout as well, so a
    program reading stdout learns why there is no result: ``{"error": {"kind", "message",
    "source", "problems": [{"path", "code", "message", "params"}]}}``."""
    if getattr(args, "format", None) != "json":
        return
    problems = getattr(exc, "problems", ())
    error = {
        "kind": type(exc).__name__,
        "message": str(exc).split("\n", 1)[0],
        "message_fi": exc.message_in("fi").split("\n", 1)[0],
        "message_sv": exc.message_in("sv").split("\n", 1)[0],
        "source": getattr(exc, "source", None),
        "problems": [
            {
                "path": p.path,
                "code": p.code,
                "message": p.message,
                "message_fi": p.message_in("fi"),
                "message_sv": p.message_in("sv"),
                "params": dict(p.params),
            }
            for p in problems
        ],
    }
    import json

    try:
        text = json.dumps({"error": error}, ensure_ascii=False, indent=2, default=str)
        out.write(text + "\n")
        out.flush()
    except OSError:  # stdout is gone as well: stderr said it
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring).

    Every text is in the language of ``--lang`` or, without it, of the environment
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``fi_FI.UTF-8`` is Finnish, ``sv_FI``
    Swedish, anything else English), argparse's own words included.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    token = _LANG.set(_language(argv))
    limits = _LIMITS.set(None)  # each run its own limits, in a long-lived process too
    own_words = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_words  # type: ignore[attr-defined]
    try:
        return _main(argv)
    finally:
        argparse._ = own_words  # type: ignore[attr-defined]
        _LIMITS.reset(limits)
        _LANG.reset(token)


def NP_(context: str, text: str) -> str:
    """Mark ``text`` for the catalogues under ``context``."""
    return text


#: argparse's own texts (Python 3.11 to 3.13), marked for the catalogues: argparse
#: asks for them through its module's ``_``, which :func:`main` points at
#: :func:`_argparse_words` while it runs.
_ARGPARSE = (
    NP_("argparse", "usage: "),
    NP_("argparse", "positional arguments"),
    NP_("argparse", "options"),
    NP_("argparse", "show this help message and exit"),
    NP_("argparse", "the following arguments are required: %s"),
    NP_("argparse", "unrecognized arguments: %s"),
    NP_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NP_("argparse", "argument %(argument_name)s: %(message)s"),
    NP_("argparse", "%(prog)s: error: %(message)s\n"),
    NP_("argparse", "expected one argument"),
    NP_("argparse", "expected at least one argument"),
    NP_("argparse", "invalid %(type)s value: %(value)r"),
    NP_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NP_("argparse", "one of the arguments %s is required"),
    NP_("argparse", "not allowed with argument %s"),
)


def _argparse_words(text: str) -> str:
    """argparse's own texts ("usage: ", "options", "the following arguments are
    required: %s") in this run's language: they are in the catalogues under the
    context ``argparse`` (:data:`_ARGPARSE`)."""
    return gettext(_LANG.get(), text, context="argparse")


def _main(argv: list[str]) -> int:
    import os

    parser = _parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help gives 0, usage errors 2
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    except JarjestoError as exc:  # an option's own action (--print-completion)
        _err(_("error: {reason}").format(reason=exc.message_in(_LANG.get())) + "\n")
        return EXIT_INPUT
    if getattr(args, "lang", None) in LANGUAGES:
        _LANG.set(args.lang)
    raised = {
        k: getattr(args, k)
        for k in ("max_bytes", "max_depth", "max_nodes")
        if getattr(args, k, None)
    }
    if raised:
        from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS

        _LIMITS.set(attrs.evolve(DEFAULT_LIMITS, **raised))
    handler: Handler = args.handler
    target = getattr(args, "output", None)
    target = None if target in (None, STDIN) else target
    sink: TextIO = io.StringIO() if target else sys.stdout  # -o: written once, at the end
    out = _SafeOut(sink, getattr(args, "format", "text"))
    try:
        _one_stdin(args)
        status = handler(args, typing.cast(TextIO, out))
        out.flush()
        if target and not getattr(args, "written_itself", False):
            assert isinstance(sink, io.StringIO)
            _write_file(target, sink.getvalue(), newline="", inputs=_inputs(args))
        return status
    except _Rejected as exc:
        errors = exc.report.errors
        _err(
            _(
                "error: {file}: the rule set does not pass 'check' ({errors}), so "
                "'{command}' does not act on it; fix these first ({check}):"
            ).format(
                file=exc.arg,
                errors=_count_errors(len(errors)),
                command=args.command,
                check=f"jarjestoyhteistyo check {exc.arg}",
            )
            + "\n"
        )
        failed = Report(subject=exc.report.subject, findings=errors)
        _err(failed.to_text(lang=_report_lang(), rules_pointer=True) + "\n")
        return EXIT_FINDINGS
    except LoadError as exc:
        if exc.source:
            _err(_("error: {source}: cannot use this input").format(source=exc.source) + "\n")
        else:
            _err(_("error: cannot use this input") + "\n")
        for problem in exc.problems:
            _err(f"  {problem.path}: {problem.message_in(_LANG.get())}\n")
        hint = _LIMIT_HINTS.get(next((p.code for p in exc.problems if p.code in _LIMIT_HINTS), ""))
        if hint is not None and getattr(args, "max_bytes", "absent") != "absent":
            _err("  " + _(hint) + "\n")
        _json_error(args, typing.cast(TextIO, out), exc)
        return EXIT_INPUT
    except JarjestoError as exc:
        _err(_("error: {reason}").format(reason=exc.message_in(_LANG.get())) + "\n")
        _json_error(args, typing.cast(TextIO, out), exc)
        return EXIT_INPUT
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _silence_stdout()
        _err(_("interrupted") + "\n")
        return EXIT_INTERRUPTED
    except OSError as exc:  # reading goes through the door; this is the output
        _silence_stdout()
        from jarjestoyhteistyo.io.files import os_reason

        reason = os_reason(exc).text_in(_LANG.get())
        _err(_("error: cannot write the output: {reason}").format(reason=reason) + "\n")
        return EXIT_INPUT
    except Exception as exc:  # a bug: say so, with its own exit status
        if os.environ.get("JARJESTOYHTEISTYO_DEBUG"):
            raise
        _err(
            f"internal error: {type(exc).__name__}: {exc}\n"
            + _(
                "This is a bug in jarjestoyhteistyo, not a problem with your input; please "
                "report it with the command that caused it (set JARJESTOYHTEISTYO_DEBUG=1 "
                "for the traceback)."
            )
            + "\n"
        )
        return EXIT_INTERNAL
