"""A city's or wellbeing area's cooperation model with associations (`JP-1` … `JP-7`).

Not every area runs a council: Järvenpää (seed 004) cooperates with associations
through a *cooperation model* — a named responsible person or group and contact
persons in the units (`JP-1`), channels through which associations take part in the
city's work (`JP-2`), what the city offers: premises and grants (`JP-3`), documented
internal processes for premises and grants, each step with who does it and who
decides (`JP-5`), an association register (`JP-3`), a web page of links (`JP-5`) and
an annual clock (`JP-5`, `JP-7`).

:class:`CooperationModel` is that model as data (``kind: cooperation_model`` in YAML)
and :func:`check_cooperation` checks it like any rule set: every problem is a
:class:`~jarjestoyhteistyo.findings.Finding` with a code ``JY601`` … ``JY620`` and a
rule id. Roles only, never named people.

>>> from jarjestoyhteistyo.model.cooperation import AnnualActivity
>>> model = CooperationModel(
...     name="Example city", area="Example city",
...     responsible="association cooperation group",
...     units=("culture",),
...     contact_persons=(ContactPerson(unit="culture", role="culture producer"),),
...     channels=frozenset({Channel.STRATEGY}),
...     offers=Offers(premises=True),
...     processes=(
...         Process(id="premises", subject=Subject.PREMISES, steps=(
...             Step(id="book", action="booking", who="customer service",
...                  decides="premises manager", decision=True),
...         )),
...     ),
...     annual_clock=(AnnualActivity(id="info", label="association info evening", month=9),),
...     register=True, web_page="links page on the city's site",
... )
>>> check_cooperation(model).ok, len(check_cooperation(model))
(True, 0)
>>> bare = CooperationModel(name="Bare", area="Example city")
>>> sorted(check_cooperation(bare).codes)
['JY601', 'JY603', 'JY607', 'JY608', 'JY609', 'JY616', 'JY617']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.io.serialize import dump, load, loads
from jarjestoyhteistyo.model.cooperation import (
    KIND,
    Channel,
    ContactPerson,
    CooperationModel,
    GrantType,
    Offers,
    Process,
    Step,
    Subject,
)
from jarjestoyhteistyo.model.ids import normal_id
from jarjestoyhteistyo.model.vocabulary import term
from jarjestoyhteistyo.rules.consistency import repeats

__all__ = [
    "KIND",
    "Channel",
    "ContactPerson",
    "CooperationModel",
    "GrantType",
    "Offers",
    "Process",
    "Step",
    "Subject",
    "check_cooperation",
    "dump_cooperation",
    "load_cooperation",
    "loads_cooperation",
]


# ------------------------------------------------------------------------- codes
E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


JY601 = Code(
    code="JY601",
    rule="JP-1",
    severity=E,
    title="No responsible person or group",
    en="no person or group is responsible for cooperation",
    fix="Name the role or group responsible for cooperation with associations.",
    kinds=frozenset({KIND}),
)

JY602 = Code(
    code="JY602",
    rule="JP-1",
    severity=E,
    title="Unit without a contact person",
    en="unit {unit!r} has no contact person for associations",
    fix="Add a contact person (a role) for the unit.",
    kinds=frozenset({KIND}),
)

JY603 = Code(
    code="JY603",
    rule="JP-1",
    severity=E,
    title="No contact persons",
    en="no unit has a contact person for associations",
    fix="List the units and a contact person (a role) in each.",
    kinds=frozenset({KIND}),
)

JY604 = Code(
    code="JY604",
    rule="JP-1",
    severity=E,
    title="Contact person without unit or role",
    en="contact person {index}: the {what} is empty",
    fix="Give both the unit and the role.",
    kinds=frozenset({KIND}),
)

JY605 = Code(
    code="JY605",
    rule="JP-1",
    severity=W,
    title="Contact person of an unlisted unit",
    en="contact person of unit {unit!r}, which is not among the units",
    fix="Add the unit to units, or fix its name.",
    kinds=frozenset({KIND}),
)

JY606 = Code(
    code="JY606",
    rule="JP-1",
    severity=W,
    title="Contact persons not published",
    en="the responsible group and the contact persons are not published",
    fix="Publish them (e.g. on the web page of JP-5).",
    kinds=frozenset({KIND}),
)

JY607 = Code(
    code="JY607",
    rule="JP-2",
    severity=W,
    title="No channels",
    en="associations have no channel to take part in the city's work",
    fix="List channels: strategy, service network planning, participation programme, ...",
    kinds=frozenset({KIND}),
)

JY608 = Code(
    code="JY608",
    rule="JP-3",
    severity=W,
    title="Nothing offered",
    en="the model offers associations neither premises nor grants",
    fix="State the premises and the grant types (operating, targeted, premises).",
    kinds=frozenset({KIND}),
)

JY609 = Code(
    code="JY609",
    rule="JP-3",
    severity=W,
    title="No association register",
    en="there is no association register (CRM)",
    fix="Keep an association register; it is also the input of the ecosystem analysis.",
    kinds=frozenset({KIND}),
)

JY610 = Code(
    code="JY610",
    rule="JP-5",
    severity=E,
    title="Grant type without a process",
    en="grant type {grant!r} is offered but has no documented process",
    fix="Describe the process: steps, who does each, who decides.",
    kinds=frozenset({KIND}),
)

JY611 = Code(
    code="JY611",
    rule="JP-5",
    severity=W,
    title="Premises without a process",
    en="premises are offered but there is no documented premises process",
    fix="Describe how premises are booked and who decides.",
    kinds=frozenset({KIND}),
)

JY612 = Code(
    code="JY612",
    rule="JP-5",
    severity=E,
    title="Step with no one responsible",
    en="process {process!r}, step {step!r}: no one is responsible",
    fix="Name the role or unit that does the step.",
    kinds=frozenset({KIND}),
)

JY613 = Code(
    code="JY613",
    rule="JP-5",
    severity=E,
    title="Decision step without a decider",
    en="process {process!r}, step {step!r}: the step needs a decision but no one decides",
    fix="Name who decides (a role or an organ).",
    kinds=frozenset({KIND}),
)

JY614 = Code(
    code="JY614",
    rule="JP-5",
    severity=E,
    title="Process without a decider",
    en="process {process!r}: no step says who decides",
    fix="Mark the decision step and name who decides.",
    kinds=frozenset({KIND}),
)

JY615 = Code(
    code="JY615",
    rule="JP-5",
    severity=E,
    title="Process without steps",
    en="process {process!r} has no steps",
    fix="List the steps: who does what, who decides.",
    kinds=frozenset({KIND}),
)

JY616 = Code(
    code="JY616",
    rule="JP-5",
    severity=W,
    title="Empty annual clock",
    en="the annual clock is empty",
    fix="Add the recurring work of the year: application periods, info events, reviews.",
    kinds=frozenset({KIND}),
)

JY617 = Code(
    code="JY617",
    rule="JP-5",
    severity=W,
    title="No web page",
    en="there is no web page of cooperation links",
    fix="Collect the links on one page of the city's electronic platform.",
    kinds=frozenset({KIND}),
)

JY618 = Code(
    code="JY618",
    rule="JP-5",
    severity=E,
    title="Duplicate id",
    en="{what} id {id!r} is used again (first at {first})",
    fix="Use each id once.",
    kinds=frozenset({KIND}),
)

JY619 = Code(
    code="JY619",
    rule="JP-5",
    severity=E,
    title="Annual-clock activity never placed",
    en="activity {id!r}: every_years > 1 needs an anchor_year",
    fix="Give the year the activity first occurs.",
    kinds=frozenset({KIND}),
)

JY620 = Code(
    code="JY620",
    rule="JP-5",
    severity=I,
    title="Process for a grant type not offered",
    en="process {process!r} handles {subject!r}, which the model does not offer",
    fix="Offer it in offers, or drop the process.",
    kinds=frozenset({KIND}),
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (
    JY601,
    JY602,
    JY603,
    JY604,
    JY605,
    JY606,
    JY607,
    JY608,
    JY609,
    JY610,
    JY611,
    JY612,
    JY613,
    JY614,
    JY615,
    JY616,
    JY617,
    JY618,
    JY619,
    JY620,
)


# ------------------------------------------------------------------------- checks
def _blank(text: str) -> bool:
    return not text.strip()


def _duplicates(ids: list[str], what: str, path: str, field: str = "id") -> Iterator[Finding]:
    """``JY618`` at each entry of ``path`` (its ``field``) whose id an earlier entry has,
    compared in normal form (``Unit`` is ``unit``), naming the first in ``first``;
    ``count`` is how many entries have the id."""
    counts = Counter(normal_id(i) for i in ids)
    entries = ((f"{path}[{n}]", i) for n, i in enumerate(ids))
    for entry, value, first in repeats(entries, key=normal_id):
        at = f"{entry}.{field}" if field else entry
        yield finding(
            JY618, at, what=term(what), id=value, first=first, count=counts[normal_id(value)]
        )


def _check_jp1(m: CooperationModel) -> Iterator[Finding]:
    if _blank(m.responsible):
        yield finding(JY601, "responsible")
    covered = {normal_id(c.unit) for c in m.contact_persons if not _blank(c.role)}
    for i, c in enumerate(m.contact_persons):
        path = f"contact_persons[{i}]"
        if _blank(c.unit):
            yield finding(JY604, path, index=i, what=term("unit"))
        if _blank(c.role):
            yield finding(JY604, path, index=i, what=term("role"))
        units = {normal_id(u) for u in m.units}  # "Youth services" is "youth services"
        if m.units and not _blank(c.unit) and normal_id(c.unit) not in units:
            yield finding(JY605, path, unit=c.unit)
    if not covered:
        yield finding(JY603, "contact_persons")
    else:
        for i, unit in enumerate(m.units):
            if normal_id(unit) not in covered:
                yield finding(JY602, f"units[{i}]", unit=unit)
    yield from _duplicates(list(m.units), "unit", "units", field="")
    if not m.published and (m.contact_persons or not _blank(m.responsible)):
        yield finding(JY606, "published")


def _check_jp2_jp3(m: CooperationModel) -> Iterator[Finding]:
    if not m.channels:
        yield finding(JY607, "channels")
    if not m.offers.premises and not m.offers.grants:
        yield finding(JY608, "offers")
    if not m.register:
        yield finding(JY609, "register")


def _check_processes(m: CooperationModel) -> Iterator[Finding]:
    subjects = {p.subject for p in m.processes if p.steps}
    for grant in sorted(m.offers.grants, key=lambda g: g.value):
        if grant.subject not in subjects:
            yield finding(JY610, "offers.grants", grant=grant.value)
    if m.offers.premises and Subject.PREMISES not in subjects:
        yield finding(JY611, "offers.premises")
    offered = {g.subject for g in m.offers.grants}
    yield from _duplicates([p.id for p in m.processes], "process", "processes")
    for i, p in enumerate(m.processes):
        path = f"processes[{i}]"
        if p.subject.value.endswith("_grant") and p.subject not in offered:
            yield finding(JY620, f"{path}.subject", process=p.id, subject=p.subject.value)
        if not p.steps:
            yield finding(JY615, f"{path}.steps", process=p.id)
            continue
        yield from _duplicates([s.id for s in p.steps], "step", f"{path}.steps")
        for j, s in enumerate(p.steps):
            if _blank(s.who):
                yield finding(JY612, f"{path}.steps[{j}].who", process=p.id, step=s.id)
            if s.decision and _blank(s.decides):
                yield finding(JY613, f"{path}.steps[{j}].decides", process=p.id, step=s.id)
        if all(_blank(s.decides) for s in p.steps) and not any(s.decision for s in p.steps):
            # a grant or premises decision is always made by someone (JP-5)
            sev = W if p.subject is Subject.OTHER else None
            yield finding(JY614, f"{path}.steps", severity=sev, process=p.id)


def _check_jp5(m: CooperationModel) -> Iterator[Finding]:
    if not m.annual_clock:
        yield finding(JY616, "annual_clock", rule="JP-5, JP-7")
    ids = [a.id for a in m.annual_clock]
    yield from _duplicates(ids, "activity", "annual_clock")
    for i, a in enumerate(m.annual_clock):
        if a.every_years > 1 and a.anchor_year is None and a.per_council_term is None:
            yield finding(JY619, f"annual_clock[{i}]", id=a.id)
    if _blank(m.web_page):
        yield finding(JY617, "web_page")


def check_cooperation(model: CooperationModel) -> Report:
    """Check a cooperation model and report every problem (codes ``JY601`` … ``JY620``).

    Checks the responsible person or group and the units' contact persons (`JP-1`),
    the channels (`JP-2`), the offers and the register (`JP-3`), the internal
    processes — every grant type offered has one, every step names who does it, a
    decision step names who decides — the annual clock and the web page (`JP-5`,
    `JP-7`). The model is not changed.

    >>> m = CooperationModel(
    ...     name="City", area="City", responsible="cooperation group",
    ...     offers=Offers(grants=frozenset({GrantType.OPERATING})),
    ...     processes=(Process(id="op", subject=Subject.OPERATING_GRANT, steps=(
    ...         Step(id="apply", action="application", who=""),
    ...         Step(id="decide", action="decision", who="grants officer", decision=True),
    ...     )),),
    ... )
    >>> for f in check_cooperation(m).errors:
    ...     print(f.code, f.rule, f.path)
    JY603 JP-1 contact_persons
    JY612 JP-5 processes[0].steps[0].who
    JY613 JP-5 processes[0].steps[1].decides
    """
    found = [
        *_check_jp1(model),
        *_check_jp2_jp3(model),
        *_check_processes(model),
        *_check_jp5(model),
    ]
    return Report(subject=model.title, findings=tuple(found))


# ------------------------------------------------------------------------ YAML door
def loads_cooperation(text: str | bytes, *, source: str | None = None) -> CooperationModel:
    """A :class:`CooperationModel` from YAML or JSON text with ``kind: cooperation_model``.

    The text goes through the one door (:func:`jarjestoyhteistyo.io.serialize.loads`); a
    wrong or missing ``kind`` is reported together with every other problem in one
    :class:`~jarjestoyhteistyo.errors.LoadError`.

    >>> loads_cooperation("kind: cooperation_model\\nname: C\\narea: A\\nregister: true").register
    True
    >>> from jarjestoyhteistyo.errors import LoadError
    >>> try:
    ...     loads_cooperation("kind: cooperation_modle\\nname: C\\narea: A\\nregistr: true")
    ... except LoadError as e:
    ...     print(*e.problems, sep="\\n")
    kind: unknown kind 'cooperation_modle'; did you mean 'cooperation_model'?
    registr: unknown key 'registr'; did you mean 'register'?
    """
    return loads(text, CooperationModel, source=source)


def load_cooperation(path: str | Path) -> CooperationModel:
    """A :class:`CooperationModel` from a YAML or JSON file; a missing file is a ``LoadError``.

    >>> load_cooperation("/nonexistent/model.yaml")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /nonexistent/model.yaml: 1 problem
      $: cannot read the file: No such file or directory
    """
    return load(path, CooperationModel)


def dump_cooperation(model: CooperationModel) -> str:
    """The model as YAML with ``kind: cooperation_model`` first; :func:`loads_cooperation`
    reads it back to an equal model.

    >>> text = dump_cooperation(CooperationModel(name="C", area="A", register=True))
    >>> print(text, end="")
    kind: cooperation_model
    name: C
    area: A
    register: true
    >>> loads_cooperation(text) == CooperationModel(name="C", area="A", register=True)
    True
    """
    return dump(model)  # the one converter writes a model's kind tag first
