"""Consistency: numbers and references that contradict themselves (`FC-4`, `FC-11`).

* ``JY101`` — a range with min > max or a negative bound (each range's own rule id);
* ``JY119`` — an id of a rule set used twice, or a reference to an undefined one (`FC-4`):
  among them a required function named twice, or one given to an unknown seat group
  (`GEN-3`, with the close known groups as ``suggestions``);
* ``JY219`` — a broken reference in a composition: a duplicate seat or organisation id,
  an unknown organisation or seat group, a seat of the wrong kind for its group (`FC-4`);
  an unknown id carries the close known ids as ``suggestions`` ("did you mean", `GEN-2`);
* ``JY136`` — two ids that are one id written differently (case, full-width letters,
  invisible characters: equal in :func:`~jarjestoyhteistyo.model.ids.normal_id` form),
  ``JY137`` — two ids that look alike (a Cyrillic or Greek letter for a Latin one: equal
  :func:`~jarjestoyhteistyo.model.ids.skeleton`), ``JY138`` — an id of invisible
  characters only; in a rule set and in a composition alike (`FC-4`).

:func:`inconsistent_range`, :func:`duplicates`, :func:`repeats` and :func:`id_clashes` are
the helpers the other families use for their own ranges and ids. An id given twice is
reported at the *later* entry, which names the one it repeats (``first``): the first
entry is where the id belongs, the later one is what to change (issue #16 point 5).

>>> from jarjestoyhteistyo.model.rulesets import IntRange
>>> [f.code for f in inconsistent_range(IntRange(min=3, max=1), "meetings.per_year", "FC-11")]
['JY101']
>>> ids = ["org-01", "ORG-01", "\\u043erg-01", "\\u200b"]
>>> [(f.code, f.path) for f in id_clashes(ids, "organisations", "organisation")]
[('JY136', 'organisations[1]'), ('JY137', 'organisations[2]'), ('JY138', 'organisations[3]')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from jarjestoyhteistyo.codes import SELECTION, Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.ids import CONFUSABLES, normal_id, skeleton
from jarjestoyhteistyo.model.rulesets import (
    GeneralRuleSet,
    IntRange,
    RuleSet,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.seats import NOT_MEMBER_KINDS
from jarjestoyhteistyo.model.vocabulary import function_term, term
from jarjestoyhteistyo.rules.base import KIND_OF_SOURCE, Context, E
from jarjestoyhteistyo.rules.values import did_you_mean, did_you_mean_text

__all__ = [
    "check_references",
    "duplicates",
    "id_clashes",
    "inconsistent_range",
    "repeats",
    "validate_references",
]

JY101 = Code(
    code="JY101",
    rule="FC-11",
    severity=E,
    title="Inconsistent range",
    en="{what}: {detail}",
    fix="Make min ≤ max and both non-negative.",
)

JY119 = Code(
    code="JY119",
    rule="FC-4",
    severity=E,
    title="Duplicate or unknown reference",
    en="{detail}",
    fix="Use each id once and refer only to defined ids.",
)

JY219 = Code(
    code="JY219",
    rule="FC-4",
    severity=E,
    title="Broken reference",
    en="{detail}",
    fix="Refer only to defined seats, groups and organisations.",
    tags=frozenset({SELECTION}),
)

JY136 = Code(
    code="JY136",
    rule="FC-4",
    severity=E,
    title="One id written two ways",
    en="{what} id {value!r} is {other!r} written differently (case, width or invisible "
    "characters), so it counts as another {what}",
    fix="Write the id exactly as it is written elsewhere.",
)

JY137 = Code(
    code="JY137",
    rule="FC-4",
    severity=E,
    title="Ids that look alike",
    en="{what} id {value!r} looks like {other!r} but is another id (a letter of another "
    "script: {letters})",
    fix="Retype the id with Latin letters, or give the two clearly different ids.",
)

JY138 = Code(
    code="JY138",
    rule="FC-4",
    severity=E,
    title="Invisible id",
    en="{what} id {value!r} has no visible character",
    fix="Give the id visible letters or digits; remove invisible characters.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY101, JY119, JY219, JY136, JY137, JY138)


def inconsistent_range(rng: IntRange | None, path: str, rule: str) -> Iterator[Finding]:
    """``JY101`` for a range with a negative minimum or a minimum above its maximum."""
    if rng is None:
        return
    if rng.min < 0:
        yield finding(
            JY101,
            path,
            rule=rule,
            what=path,
            detail=Text("min is {min}", min=rng.min),
        )
    if rng.max is not None and rng.max < rng.min:
        yield finding(
            JY101,
            path,
            rule=rule,
            what=path,
            detail=Text("min {min} > max {max}", min=rng.min, max=rng.max),
        )


def repeats(
    entries: Iterable[tuple[str, str]], *, key: Callable[[str], str] | None = None
) -> Iterator[tuple[str, str, str]]:
    """Each entry whose id an earlier entry has, as ``(its path, its id, the path of the
    first entry with the id)``; ``entries`` are ``(path, id)`` in the document's order,
    ``key`` the form ids are compared in (:func:`~jarjestoyhteistyo.model.ids.normal_id`).

    >>> list(repeats([("seats[0]", "m1"), ("seats[1]", "m2"), ("seats[2]", "m1")]))
    [('seats[2]', 'm1', 'seats[0]')]
    """
    first: dict[str, str] = {}
    for path, value in entries:
        k = value if key is None else key(value)
        if k in first:
            yield path, value, first[k]
        else:
            first[k] = path


def _at(entry: str, field: str) -> str:
    return f"{entry}.{field}" if field else entry


def duplicates(
    ids: Iterable[str], path: str, what: str, *, field: str = "", rule: str | None = None
) -> Iterator[Finding]:
    """``JY119`` for each entry of the list at ``path`` whose id (its ``field``) an earlier
    entry has, at the later one (``categories[3].code``), naming the first in ``first``
    (``rule``: the rule id it cites)."""
    yield from _defined_again(
        ((f"{path}[{i}]", value) for i, value in enumerate(ids)), what, field=field, rule=rule
    )


def _defined_again(
    entries: Iterable[tuple[str, str]], what: str, *, field: str, rule: str | None = None
) -> Iterator[Finding]:
    for entry, value, first in repeats(entries):
        yield finding(
            JY119,
            _at(entry, field),
            rule=rule,
            detail=Text(
                "{what} {value!r} defined again (first at {first})",
                what=term(what),
                value=value,
                first=first,
            ),
            id=value,
            first=first,
        )


#: The Finnish genitive of each kind of id :func:`id_clashes` is given ("järjestön tunnus").
_WHAT_FI = {
    "organisation": "järjestön",
    "seat": "paikan",
    "person": "henkilön",
    "category": "järjestötyypin",
    "network": "teemaverkoston",
    "official seat": "viranhaltijapaikan",
    "seat group": "paikkaryhmän",
}


def id_clashes(
    ids: Iterable[str | None], path: str, what: str, *, field: str = ""
) -> Iterator[Finding]:
    """``JY136``, ``JY137`` and ``JY138`` for the ids at ``path[i]`` (``path[i].field``).

    Each distinct spelling is reported once, at its first place, against the first
    spelling met with the same :func:`~jarjestoyhteistyo.model.ids.normal_id` form
    (``JY136``) or the same :func:`~jarjestoyhteistyo.model.ids.skeleton` (``JY137``).
    Ids given twice in the same spelling are :func:`duplicates`' business; ``None``
    (an id left out) is skipped.
    """
    what_term = term(what)
    by_normal: dict[str, str] = {}
    by_skeleton: dict[str, str] = {}
    seen: set[str] = set()
    for i, value in enumerate(ids):
        if value is None or value in seen:
            continue
        seen.add(value)
        where = f"{path}[{i}].{field}" if field else f"{path}[{i}]"
        normal = normal_id(value)
        if not normal:
            yield finding(JY138, where, what=what_term, value=value)
            continue
        if normal in by_normal:
            other = by_normal[normal]
            yield finding(JY136, where, what=what_term, value=value, other=other)
            continue
        by_normal[normal] = value
        shape = skeleton(value)
        if shape in by_skeleton:
            other = by_skeleton[shape]
            letters = sorted({c for c in normal + normal_id(other) if c in CONFUSABLES})
            yield finding(
                JY137,
                where,
                what=what_term,
                value=value,
                other=other,
                letters=[f"{c} U+{ord(c):04X}" for c in letters],
            )
            continue
        by_skeleton[shape] = value


def check_references(rules: RuleSet) -> Iterator[Finding]:
    """`FC-4`: the ids of categories, networks and seat groups are unique and known."""
    categories = getattr(rules, "categories", ())
    yield from duplicates((c.code for c in categories), "categories", "category", field="code")
    yield from id_clashes((c.code for c in categories), "categories", "category", field="code")
    if isinstance(rules, ThemeNetworkCouncil):
        yield from duplicates((n.id for n in rules.networks), "networks", "network", field="id")
        yield from id_clashes((n.id for n in rules.networks), "networks", "network", field="id")
        yield from id_clashes(
            (o.id for o in rules.official_seats), "official_seats", "official seat", field="id"
        )
        # networks and official seats become seat groups of one body: ids must not clash
        # (a network's own second entry is the networks' duplicate, reported above)
        networks: dict[str, str] = {}
        for i, n in enumerate(rules.networks):
            networks.setdefault(n.id, f"networks[{i}]")
        yield from _defined_again(
            [
                *((entry, value) for value, entry in networks.items()),
                *((f"official_seats[{i}]", o.id) for i, o in enumerate(rules.official_seats)),
            ],
            "seat group",
            field="id",
        )
    yield from _required_functions(rules)
    if isinstance(rules, GeneralRuleSet):
        yield from duplicates(
            (g.id for g in rules.seat_groups), "seat_groups", "seat group", field="id"
        )
        yield from id_clashes(
            (g.id for g in rules.seat_groups), "seat_groups", "seat group", field="id"
        )
        known = {c.code for c in rules.categories}
        for i, g in enumerate(rules.seat_groups):
            if g.source is SeatSource.CATEGORY:
                for code in sorted(g.eligible_categories - known):
                    yield finding(
                        JY119,
                        f"seat_groups[{i}].categories",
                        detail=Text("unknown category {code!r}", code=code),
                    )


def _required_functions(rules: RuleSet) -> Iterator[Finding]:
    """`GEN-3`: each required function named once, given only to seat groups that exist."""
    yield from duplicates(
        (r.function for r in rules.required_functions),
        "required_functions",
        "required function",
        field="function",
        rule="GEN-3",
    )
    if not any(r.groups for r in rules.required_functions):
        return
    groups = [g.id for g in rules.as_general().seat_groups]
    for i, req in enumerate(rules.required_functions):
        for g in sorted(req.groups - set(groups)):
            suggestions = did_you_mean(g, groups)
            yield finding(
                JY119,
                f"required_functions[{i}].groups",
                rule="GEN-3",
                detail=Text(
                    "required function {function}: unknown seat group {group!r}{hint}",
                    function=function_term(req.function),
                    group=g,
                    hint=did_you_mean_text(suggestions),
                ),
                group=g,
                suggestions=suggestions,
            )


def validate_references(ctx: Context) -> Iterator[Finding]:
    """`FC-4`: the composition's ids are unique and its seats refer to what exists."""
    comp = ctx.comp
    for what, ids, path in (
        ("seat", [s.id for s in comp.seats], "seats"),
        ("organisation", [o.id for o in comp.organisations], "organisations"),
    ):
        for entry, value, first in repeats((f"{path}[{i}]", v) for i, v in enumerate(ids)):
            yield finding(
                JY219,
                f"{entry}.id",
                detail=Text(
                    "{what} id {value!r} is used again (first at {first})",
                    what=term(what),
                    value=value,
                    first=first,
                ),
                id=value,
                first=first,
            )
    yield from id_clashes((s.id for s in comp.seats), "seats", "seat", field="id")
    yield from id_clashes(
        (o.id for o in comp.organisations), "organisations", "organisation", field="id"
    )
    refs = (s.person.ref if s.person is not None else None for s in comp.seats)
    yield from id_clashes(refs, "seats", "person", field="person.ref")
    org_ids = [o.id for o in comp.organisations]
    for s in comp.seats:
        if s.organisation is not None and comp.find_organisation(s.organisation) is None:
            suggestions = did_you_mean(s.organisation, org_ids)
            yield finding(
                JY219,
                ctx.path(s, "organisation"),
                detail=Text(
                    "seat {seat}: unknown organisation {organisation!r}{hint}",
                    seat=s.id,
                    organisation=s.organisation,
                    hint=did_you_mean_text(suggestions),
                ),
                suggestions=suggestions,
            )
        if s.kind not in NOT_MEMBER_KINDS:
            if s.group not in ctx.groups:
                suggestions = did_you_mean(s.group or "", ctx.groups)
                yield finding(
                    JY219,
                    ctx.path(s, "group"),
                    detail=Text(
                        "seat {seat}: unknown seat group {group!r}{hint}",
                        seat=s.id,
                        group=s.group,
                        hint=did_you_mean_text(suggestions),
                    ),
                    suggestions=suggestions,
                )
            elif (
                ctx.groups[s.group].municipality
                and s.municipality
                and s.municipality != ctx.groups[s.group].municipality
            ):
                yield finding(
                    JY219,
                    ctx.path(s, "municipality"),
                    detail=Text(
                        "seat {seat} is for {municipality}, but its group {group} is for {other}",
                        seat=s.id,
                        municipality=s.municipality,
                        group=s.group,
                        other=ctx.groups[s.group].municipality,
                    ),
                )
            if s.group in ctx.groups and KIND_OF_SOURCE[ctx.groups[s.group].source] is not s.kind:
                yield finding(
                    JY219,
                    ctx.path(s, "kind"),
                    detail=Text(
                        "seat {seat} is a {seat_kind} seat in group {group}",
                        seat=s.id,
                        seat_kind=term(s.kind),
                        group=s.group,
                    ),
                )
