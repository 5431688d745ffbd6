"""The ``jarjestoyhteistyo`` command line (also ``python -m jarjestoyhteistyo``).

Exit status: ``0`` the input passes (warnings allowed), ``1`` findings at error level,
``2`` unusable input or usage (missing file, bad YAML, wrong types, unknown keys) —
always with a message on stderr naming what is wrong and where, never a traceback.

>>> main(["presets", "--format", "json"])  # doctest: +ELLIPSIS
[
  {
    "name": "...",
...
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from jarjestoyhteistyo.errors import JarjestoError, LoadError
from jarjestoyhteistyo.findings import Report
from jarjestoyhteistyo.io.serialize import DOCUMENTS

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

#: The documents a RULES argument may be (names in
#: :data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`).
_RULES_DOCUMENTS = ("ruleset", "cooperation")


def _any_rules(arg: str) -> Any:
    """A body rule set or a cooperation model, from a file path or a preset name/alias.

    A file is read and parsed once; its ``kind:`` tag tells which it is.
    """
    from jarjestoyhteistyo.io.serialize import load_any
    from jarjestoyhteistyo.presets import load_cooperation_preset, load_preset, resolve_preset

    path = Path(arg)
    if path.suffix.lower() in {".yaml", ".yml", ".json"} or path.exists():
        return load_any(path, _RULES_DOCUMENTS)[1]
    if resolve_preset(arg).kind in DOCUMENTS["cooperation"].kinds:
        return load_cooperation_preset(arg)
    return load_preset(arg)


def _rules(arg: str) -> Any:
    """A body rule set (with seats) from a file path or a preset name/alias."""
    from jarjestoyhteistyo.rules.cooperation import CooperationModel

    rules = _any_rules(arg)
    if isinstance(rules, CooperationModel):
        raise JarjestoError(
            f"{arg}: a cooperation model (JP-1 … JP-7) has no seats, terms or meetings; "
            "use it with 'check' or 'show'"
        )
    return rules


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
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml

    rules = _any_rules(args.rules)
    out.write(dump_json(rules) + "\n" if args.format == "json" else dump_yaml(rules))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.rules.checks import check

    return _emit_report(check(_any_rules(args.rules)), args.format, out)


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.serialize import load_composition
    from jarjestoyhteistyo.rules.validation import validate

    rules = _rules(args.rules)
    composition = load_composition(args.composition)
    return _emit_report(validate(rules, composition), args.format, out)


def _cmd_codes(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.catalogue import CATALOGUE as codes

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


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _dump(data: Any, out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


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
    rows = [
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
        _dump({"date": day.isoformat(), "terms": rows}, out)
    else:
        for r in rows:
            mark = "  <- " + day.isoformat() if r["contains_date"] else ""
            out.write(
                f"{r['council']} council term {r['number']}: {r['start']} – {r['end']}{mark}\n"
            )
    return EXIT_OK


def _cmd_rotation(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.rotation import rotation_plan
    from jarjestoyhteistyo.io.serialize import json_data, load_composition

    rules = _rules(args.rules)
    plan = rotation_plan(
        rules, load_composition(args.composition), start=args.start, years=args.years
    )
    if args.format == "json":
        data = json_data(plan)  # the plan's own form, in the order this command always had
        last = ("changeovers", "tenures")
        _dump({k: v for k, v in data.items() if k not in last} | {k: data[k] for k in last}, out)
    else:
        out.write(
            f"Rotation plan {plan.start} – {plan.end}: term {plan.term_months} months, "
            f"{plan.cohorts} cohort(s), at most {plan.max_per_changeover} seats change at "
            "once\n"
        )
        for c in plan.changeovers:
            out.write(f"{c.date}: {len(c.seats)} seat(s) up: {', '.join(c.seats)}\n")
    return EXIT_OK


def _cmd_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.calc.meetings import meeting_dates, to_ics

    rules = _rules(args.rules)
    dates = meeting_dates(rules.meetings, args.year, count=args.count)
    if args.ics:
        text = to_ics(dates, name=rules.name, duration_hours=rules.meetings.hours)
        try:
            Path(args.ics).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise JarjestoError(f"cannot write {args.ics}: {exc.strerror}") from None
    if args.format == "json":
        _dump(
            {
                "name": rules.name,
                "year": args.year,
                "meetings": [d.isoformat(timespec="minutes") for d in dates],
            },
            out,
        )
    else:
        out.write(f"{rules.name}: {len(dates)} meetings in {args.year}\n")
        for d in dates:
            out.write(f"  {d:%a %Y-%m-%d %H:%M}\n")
    return EXIT_OK


def _cmd_roadmap(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.roadmap import evaluate, load_roadmap, render, roadmap_check

    if args.action == "check":
        return _emit_report(roadmap_check(args.file), args.format, out)
    if args.format == "text-both":
        raise JarjestoError("--format text-both is for check; use text, markdown or json")
    as_of: date = args.as_of or date.today()
    doc = load_roadmap(args.file)
    evaluation = evaluate(doc.roadmap, doc.plans, as_of=as_of)
    out.write(render(evaluation, "text" if args.format == "text" else args.format))
    if not render(evaluation, "text").endswith("\n"):
        out.write("\n")
    return EXIT_OK if evaluation.report.ok else EXIT_FINDINGS


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.schema import schema_json

    out.write(schema_json(args.document))
    return EXIT_OK


def _cmd_ecosystem(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.ecosystem import (
        DEFAULT_SEGMENT_RULES,
        analyse,
        load_segment_rules,
        read_register,
    )

    as_of: date = args.as_of or date.today()
    result = read_register(Path(args.register), as_of=as_of)
    rules = load_segment_rules(args.rules) if args.rules else DEFAULT_SEGMENT_RULES
    report = analyse(result.associations, as_of=as_of, rules=rules, problems=result.problems)
    text = report.render(args.format)
    out.write(text if text.endswith("\n") else text + "\n")
    for problem in result.problems:  # rows that could not be read, by line (none lost)
        sys.stderr.write(f"line {problem.line}: {problem.message}\n")
    return EXIT_FINDINGS if result.problems else EXIT_OK


def _cmd_select(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.io.redact import redact
    from jarjestoyhteistyo.io.serialize import dump_yaml, unstructure
    from jarjestoyhteistyo.selection import load_registrations, propose

    rules = _rules(args.rules)
    pool = load_registrations(args.registrations)
    proposal = propose(rules, pool.registrations, seed=args.seed, fair=args.fair)
    composition = redact(proposal.composition) if args.redact else proposal.composition
    if args.format == "json":
        _dump({**proposal.to_dict(), "composition": unstructure(composition)}, out)
    elif args.format == "yaml":  # a composition file that `validate` accepts
        out.write(
            "# Selection does not choose committee members, the chair, the vice-chair or the\n"
            "# secretary (FC-6, FC-7, WS-8): assign them before `jarjestoyhteistyo validate`.\n"
        )
        for explanation in proposal.explanations:
            out.write(f"# {explanation.text()}\n")
        for f in proposal.report:
            out.write(f"# {f.severity.value} {f.code} [{f.rule}]: {f.message_en}\n")
        out.write(dump_yaml(composition))
    else:
        out.write(proposal.to_text() + "\n")
    return EXIT_OK if proposal.ok else EXIT_FINDINGS


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.analysis.compare import compare

    weights: dict[str, float] = {}
    for item in args.weight or ():
        key, _, value = item.partition("=")
        try:
            weights[key.strip()] = float(value)
        except ValueError:
            raise JarjestoError(f"--weight {item!r}: expected CRITERION=NUMBER") from None
    labels = tuple(args.labels.split(",")) if args.labels else None
    try:
        table = compare(
            *(_rules(arg) for arg in args.structures),
            labels=labels,
            fee_per_meeting=args.fee_per_meeting,
            weights=weights or None,
        )
    except ValueError as exc:  # e.g. an unknown criterion or a label count mismatch
        raise JarjestoError(str(exc)) from None
    render = {
        "text": table.to_text,
        "markdown": table.to_markdown,
        "json": table.to_json,
        "html": table._repr_html_,
    }[args.format]
    text = render()
    out.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    from jarjestoyhteistyo.fictional.generate import GenerateError, generate, to_registrations
    from jarjestoyhteistyo.io.serialize import dump_json, dump_yaml

    rules = _rules(args.rules)
    try:
        example = generate(
            rules,
            seed=args.seed,
            broken=args.broken,
            registrations=args.registrations or 0,
            infeasible=args.infeasible,
            names=args.names,
        )
    except GenerateError as exc:
        raise JarjestoError(str(exc)) from None
    from jarjestoyhteistyo.io.redact import redact

    if args.redact:
        example = redact(example)
    dump = dump_json if args.format == "json" else dump_yaml
    text = dump(example.composition)
    if args.format == "yaml":
        head = f"# Fictional example for {rules.name} (seed {args.seed}); roles only.\n"
        if example.expected_code:
            sev = example.expected_severity.value if example.expected_severity else "?"
            head += (
                f"# Broken on purpose: {example.broken_rule} -> validate reports "
                f"{example.expected_code} ({sev}).\n"
            )
        text = head + text
    out.write(text if text.endswith("\n") else text + "\n")
    if args.registrations_file:
        try:
            Path(args.registrations_file).write_text(
                dump(to_registrations(example)), encoding="utf-8"
            )
        except OSError as exc:
            raise JarjestoError(f"cannot write {args.registrations_file}: {exc.strerror}") from None
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

    def add(
        name: str,
        handler: Handler,
        help_: str,
        formats: Sequence[str],
        *,
        rules: bool = False,
        composition: bool = False,
    ) -> Any:
        p = sub.add_parser(name, help=help_, description=help_)
        if rules:
            p.add_argument(
                "rules", metavar="RULES", help="preset name or alias, or a YAML/JSON file"
            )
        if composition:
            p.add_argument("composition", metavar="COMPOSITION", help="composition YAML/JSON file")
        p.add_argument(
            "--format",
            choices=list(formats),
            default=formats[0],
            help=f"output format (default {formats[0]})",
        )
        p.set_defaults(handler=handler)
        return p

    add("presets", _cmd_presets, "list the shipped presets", ("text", "json"))
    p = add(
        "show",
        _cmd_show,
        "print a rule set (preset name or file) as YAML",
        ("yaml", "json"),
        rules=True,
    )
    p = add(
        "check",
        _cmd_check,
        "check a rule set on its own",
        ("text", "json", "text-both"),
        rules=True,
    )
    p = add(
        "validate",
        _cmd_validate,
        "validate a composition against a rule set",
        ("text", "json", "text-both"),
        rules=True,
        composition=True,
    )
    add("codes", _cmd_codes, "list every finding code with its rule id", ("text", "json"))
    p = add("terms", _cmd_terms, "council terms: which term contains a date", ("text", "json"))
    p.add_argument("--date", type=_iso_date, help="the date (default today), YYYY-MM-DD")
    p.add_argument("--council", choices=["regional", "municipal"], default="regional")
    p.add_argument("--list", action="store_true", help="list terms across a span of years")
    p.add_argument("--first-year", type=int, help="first year of the list")
    p.add_argument("--last-year", type=int, help="last year of the list")
    p = add(
        "rotation",
        _cmd_rotation,
        "renewal plan: which seats are up at each changeover",
        ("text", "json"),
        rules=True,
        composition=True,
    )
    p.add_argument("--years", type=int, default=8, help="horizon in years (default 8)")
    p.add_argument("--start", type=_iso_date, help="start date (default: the composition's as_of)")
    p = add(
        "calendar",
        _cmd_calendar,
        "meeting dates for a year (Finnish holidays skipped)",
        ("text", "json"),
        rules=True,
    )
    p.add_argument("--year", type=int, required=True, help="the calendar year")
    p.add_argument("--count", type=int, help="number of meetings (default: policy maximum)")
    p.add_argument("--ics", metavar="FILE", help="also write an iCalendar file")
    p = add(
        "roadmap",
        _cmd_roadmap,
        "check or evaluate a roadmap and its implementation plans",
        ("text", "markdown", "json", "text-both"),
    )
    p.add_argument("action", choices=["check", "evaluate"], help="what to do")
    p.add_argument("file", metavar="FILE", help="roadmap YAML/JSON file")
    p.add_argument("--as-of", type=_iso_date, help="evaluation date (default today)")
    p = add("schema", _cmd_schema, "print the JSON Schema of a YAML document kind", ("json",))
    p.add_argument("document", choices=list(DOCUMENTS), help="which document")
    p = add(
        "ecosystem",
        _cmd_ecosystem,
        "classify an association register (JP-4, JP-7)",
        ("text", "markdown", "json"),
    )
    p.add_argument("register", metavar="REGISTER", help="register as CSV (UTF-8 or Excel) or YAML")
    p.add_argument("--rules", metavar="FILE", help="segment rules YAML (default: built in)")
    p.add_argument("--as-of", type=_iso_date, help="date of the analysis (default today)")
    p = add(
        "select",
        _cmd_select,
        "propose members from registrations (FC-3, OF-3, KU-7)",
        ("text", "json", "yaml"),
        rules=True,
    )
    p.add_argument("registrations", metavar="REGISTRATIONS", help="registrations YAML/JSON")
    p.add_argument("--seed", type=int, default=0, help="lottery seed (default 0)")
    p.add_argument("--fair", action="store_true", help="maximin-fair lottery when oversubscribed")
    p.add_argument(
        "--redact",
        action="store_true",
        help="replace names and contact details with pseudonyms in the output",
    )
    p = add(
        "compare",
        _cmd_compare,
        "compare structures side by side (metrics and scorecard)",
        ("text", "markdown", "json", "html"),
    )
    p.add_argument("structures", metavar="RULES", nargs="+", help="presets or rule-set files")
    p.add_argument("--labels", help="column labels, comma-separated")
    p.add_argument("--fee-per-meeting", type=float, default=0.0, help="fee per meeting (€)")
    p.add_argument(
        "--weight", action="append", metavar="CRITERION=W", help="scorecard weight (repeatable)"
    )
    p = add(
        "example",
        _cmd_example,
        "write a fictional, valid (or deliberately broken) composition",
        ("yaml", "json"),
        rules=True,
    )
    p.add_argument("--seed", type=int, default=0, help="seed (same seed, same output)")
    p.add_argument("--broken", metavar="RULE_ID", help="break one rule, e.g. FC-9 or JY205")
    p.add_argument(
        "--registrations",
        type=int,
        metavar="N",
        help="also generate N registrations (more than seats)",
    )
    p.add_argument("--infeasible", action="store_true", help="make some registrations unusable")
    p.add_argument(
        "--registrations-file",
        metavar="FILE",
        help="write the registrations to FILE (for 'select')",
    )
    p.add_argument("--names", action="store_true", help="give people clearly fictional names")
    p.add_argument(
        "--redact",
        action="store_true",
        help="replace names and contact details with pseudonyms in the output",
    )
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
