"""The ``jarjestoyhteistyo`` command line (also ``python -m jarjestoyhteistyo``).

Exit status: ``0`` the input passes (warnings allowed), ``1`` findings at error level,
``2`` unusable input or usage (missing file, bad YAML, wrong types, unknown keys) —
always with a message on stderr naming what is wrong and where, never a traceback.

>>> main(["presets", "--format", "json"])  # doctest: +ELLIPSIS
[
  {
    "name": "keski-uusimaa",
...
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from jarjestoyhteistyo.errors import JarjestoError, LoadError
from jarjestoyhteistyo.findings import Report

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _rules(arg: str) -> Any:
    """A rule set from a file path or a preset name/alias."""
    from jarjestoyhteistyo.presets import load_preset
    from jarjestoyhteistyo.serialize import load_ruleset

    path = Path(arg)
    if path.suffix.lower() in {".yaml", ".yml", ".json"} or path.exists():
        return load_ruleset(path)
    return load_preset(arg)


def _emit_report(report: Report, fmt: str, out: TextIO) -> int:
    if fmt == "json":
        out.write(report.to_json() + "\n")
    else:
        out.write(report.to_text(lang="both" if fmt == "text-both" else "en") + "\n")
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _cmd_presets(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.presets import list_presets

    presets = list_presets()
    if args.format == "json":
        rows = [
            {"name": p.name, "kind": p.kind, "title": p.title, "aliases": list(p.aliases)}
            for p in presets
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        width = max(len(p.name) for p in presets)
        for p in presets:
            out.write(f"{p.name:<{width}}  {p.kind:<22}  {p.title}\n")
            out.write(f"{'':<{width}}  aliases: {', '.join(p.aliases)}\n")
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.serialize import dump_json, dump_yaml

    rules = _rules(args.rules)
    out.write(dump_json(rules) + "\n" if args.format == "json" else dump_yaml(rules))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.checks import check

    return _emit_report(check(_rules(args.rules)), args.format, out)


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.serialize import load_composition
    from jarjestoyhteistyo.validation import validate

    rules = _rules(args.rules)
    composition = load_composition(args.composition)
    return _emit_report(validate(rules, composition), args.format, out)


def _cmd_codes(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.codes import catalogue

    codes = catalogue()
    if args.format == "json":
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
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for c in codes:
            out.write(f"{c.code}  {c.rule:<6} {c.severity.value:<7} {c.title}\n")
    return EXIT_OK


Handler = Callable[[argparse.Namespace, TextIO], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jarjestoyhteistyo",
        description="NGO cooperation structures of Finnish wellbeing areas: presets, "
        "checks of rule sets and validation of compositions.",
        epilog="Exit status: 0 passes, 1 findings at error level, 2 unusable input or usage.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_: str, formats: Sequence[str]) -> Any:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument(
            "--format",
            choices=list(formats),
            default=formats[0],
            help=f"output format (default {formats[0]})",
        )
        p.set_defaults(handler=handler)
        return p

    add("presets", _cmd_presets, "list the shipped presets", ("text", "json"))
    p = add("show", _cmd_show, "print a rule set (preset name or file) as YAML", ("yaml", "json"))
    p.add_argument("rules", metavar="RULES", help="preset name or alias, or a YAML/JSON file")
    p = add("check", _cmd_check, "check a rule set on its own", ("text", "json", "text-both"))
    p.add_argument("rules", metavar="RULES", help="preset name or alias, or a YAML/JSON file")
    p = add(
        "validate",
        _cmd_validate,
        "validate a composition against a rule set",
        ("text", "json", "text-both"),
    )
    p.add_argument("rules", metavar="RULES", help="preset name or alias, or a YAML/JSON file")
    p.add_argument("composition", metavar="COMPOSITION", help="composition YAML/JSON file")
    add("codes", _cmd_codes, "list every finding code with its rule id", ("text", "json"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help gives 0, usage errors 2
        return int(exc.code) if isinstance(exc.code, int) else EXIT_INPUT
    handler: Handler = args.handler
    try:
        return handler(args, sys.stdout)
    except LoadError as exc:
        where = f"{exc.source}: " if exc.source else ""
        sys.stderr.write(f"error: {where}cannot use this input\n")
        for problem in exc.problems:
            sys.stderr.write(f"  {problem.path}: {problem.message}\n")
        return EXIT_INPUT
    except JarjestoError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_INPUT
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK
