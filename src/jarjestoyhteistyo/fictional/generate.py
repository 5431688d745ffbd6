"""Generated example structures: fictional, valid and the same for the same seed.

:func:`generate` builds a complete example for a rule set or a preset: fictional
organisations with plausible Finnish and Swedish association names made from the
word lists of :mod:`~jarjestoyhteistyo.fictional.furnish` ("Keravan Seniorikerho ry",
"Föreningen för äldre i Vanda rf"), their sizes, languages and municipalities, people
by role only, and a composition that passes
:func:`~jarjestoyhteistyo.rules.validation.validate` with no error. On request it adds
registrations (:mod:`~jarjestoyhteistyo.fictional.registrations`), a rotation plan and
a meeting calendar. The seats are decided by the one composition planner,
:class:`~jarjestoyhteistyo.model.planner.Planner`, driven by a
:class:`~jarjestoyhteistyo.model.planner.RandomChooser`.

**Determinism.** Every choice comes from one ``random.Random(seed)``: never the
global generator, never ``hash()`` of a string (it changes with ``PYTHONHASHSEED``),
and sets are sorted before anything is chosen from them. The same seed and
arguments give the same example on every machine and Python run.

**Invalid examples.** ``broken=`` names a rule id (``"FC-9"``) or a finding code
(``"JY205"``): the result is a valid example with exactly that rule broken, and
:attr:`Example.expected_code` / :attr:`Example.expected_severity` say what
:func:`~jarjestoyhteistyo.rules.validation.validate` reports for it. No other error is
reported (other warnings may be, e.g. a size outside the `KU-12` recommendation).
Every candidate is validated before it is returned, so this holds by construction.

==========  =========  ============================================================  =========
rule        code       what is broken                                                severity
==========  =========  ============================================================  =========
``FC-4``    ``JY203``  a member's organisation is outside the seat's category        error
``FC-5``    ``JY201``  seats of a category left vacant (a group under its quota)     policy [2]_
``FC-5``    ``JY202``  a seat group filled over its quota                            error
``FC-6``    ``JY209``  committee members outside the allowed number                  error
``FC-7``    ``JY210``  no chair                                                      error
``FC-8``    ``JY207``  a second personal deputy for one member (ordered: a gap)      error
``FC-8``    ``JY208``  a member without a personal deputy                            error [1]_
``FC-9``    ``JY205``  a deputy from its member's organisation                       policy [2]_
``FC-10``   ``JY204``  a deputy from an organisation of another category             policy [2]_
``OF-3``    ``JY212``  more organisations than the cap                               error
``OF-5``    ``JY211``  a chair in a body that has none                               error
``OF-7``    ``JY209``  no committee representative in an open forum                  error
``KU-4``    ``JY202``  more contact persons than the official seats                  error
``KU-4``    ``JY214``  an official seat (contact person) left out                    policy [2]_
``KU-7``    ``JY213``  a work pair with one person missing                           policy [2]_
``KU-7``    ``JY225``  a work pair whose roles are not one of the wanted mixes       policy [2]_
``KU-10``   ``JY223``  a network seat held by an organisation outside the network    error
``WS-1``    ``JY221``  a seat named by a council group (party politics)              error
``WS-7``    ``JY216``  no volunteer-run organisation                                 policy [2]_
``WS-7``    ``JY217``  no organisation working in a wanted language (e.g. ``sv``)    policy [2]_
``GEN-3``   ``JY210``  no chair, or not as many vice-chairs as the rule set has      error
``GEN-3``   ``JY211``  a chair in a body whose rule set has none                     error
``GEN-3``   ``JY228``  a chair on a seat that is not a voting member's               error
``GEN-4``   ``JY204``  a deputy of another category or network                       policy [2]_
``GEN-4``   ``JY205``  a deputy from its member's organisation                       policy [2]_
``GEN-4``   ``JY207``  a second personal deputy for one member (ordered: a gap)      error
``GEN-4``   ``JY208``  a member without a personal deputy                            error [1]_
``GEN-5``   ``JY201``  seats of a group left vacant                                  policy [2]_
``GEN-5``   ``JY202``  a seat group filled over its quota                            error
==========  =========  ============================================================  =========

.. [1] a warning when deputies are ``optional``.
.. [2] an error when the rule set makes the rule ``required``, a warning when ``wanted``
   (the default for seats).

The ``GEN-`` rules are the project's ids for what a general rule set states itself:
``GEN-3`` its officers and functions, ``GEN-4`` its deputies, ``GEN-5`` its seats.

The breakers live in :mod:`~jarjestoyhteistyo.fictional.breakers`, one per code.
A rule id with two codes breaks the first one the rule set admits, in the order of
:data:`BROKEN_RULES`; pass the code to choose. A rule that does not apply to the rule
set's kind (``KU-7`` for a formal committee), or that this rule set cannot break
(``FC-9`` without deputies), raises :class:`GenerateError`; :func:`breakable` lists
what can be broken.

>>> ex = generate("vantaa-kerava-formal", seed=7)
>>> from jarjestoyhteistyo import load_preset, validate
>>> validate(load_preset("vantaa-kerava-formal"), ex.composition).ok
True
>>> len(ex.composition.organisations)  # 16 members and 16 personal deputies (FC-5, FC-8)
32
>>> bad = generate("vantaa-kerava-formal", seed=7, broken="FC-9")
>>> bad.expected_code, validate(load_preset("VAKE"), bad.composition).errors[0].code
('JY205', 'JY205')
"""

from __future__ import annotations

import random
from datetime import date, datetime

import attrs

from jarjestoyhteistyo.calc.meetings import meeting_dates
from jarjestoyhteistyo.calc.rotation import RotationPlan, rotation_plan
from jarjestoyhteistyo.errors import GenerateError, MeetingError, RotationError
from jarjestoyhteistyo.fictional.breakers import (
    BROKEN_RULES,
    break_rule,
    breakable,
    resolve_broken,
    rules_of,
)
from jarjestoyhteistyo.fictional.furnish import Furnisher, share
from jarjestoyhteistyo.fictional.registrations import GeneratedRegistration
from jarjestoyhteistyo.fictional.registrations import registrations as registrations_for
from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.bounds import MAX_COUNT
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.planner import Planner, RandomChooser
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.selection import Registrations

__all__ = [
    "BROKEN_RULES",
    "Example",
    "GenerateError",
    "GeneratedRegistration",
    "breakable",
    "generate",
    "to_registrations",
]

#: The most organisations or registrations one example holds: a national call of
#: :data:`~jarjestoyhteistyo.model.bounds.MAX_COUNT` registrations.
_MAX_GENERATED = MAX_COUNT


@attrs.frozen(kw_only=True)
class Example:
    """A generated example: what :func:`generate` returns.

    ``rules`` is the preset name (or the rule set's ``name``); ``composition`` passes
    :func:`~jarjestoyhteistyo.rules.validation.validate` with no error unless
    ``broken_rule`` is set, in which case ``validate`` reports ``expected_code`` at
    ``expected_severity`` and no other error. ``plan`` and ``meetings`` are present
    only when asked for.
    """

    rules: str
    composition: Composition
    registrations: tuple[GeneratedRegistration, ...] = ()
    plan: RotationPlan | None = None
    meetings: tuple[datetime, ...] | None = None
    broken_rule: str | None = None
    expected_code: str | None = None
    expected_severity: Severity | None = None


def generate(
    rules_or_preset: RuleSet | str,
    *,
    seed: int,
    organisations: int | None = None,
    multi_sector_share: float = 0.15,
    volunteer_share: float = 0.35,
    swedish_share: float = 0.1,
    names: bool = False,
    registrations: int = 0,
    infeasible: bool = False,
    broken: str | None = None,
    as_of: date = date(2025, 6, 1),
    rotation_years: int = 0,
    calendar_year: int | None = None,
) -> Example:
    """A complete fictional example for a rule set or a preset name, from ``seed``.

    * ``organisations``: how many organisations hold a seat (members and deputies);
      default: what the rule set needs, with open ranges drawn from the seed. Raises
      :class:`GenerateError` when the rule set cannot seat that many.
    * ``multi_sector_share``, ``volunteer_share``, ``swedish_share``: the share of
      organisations in several categories (`WS-7`), run by volunteers (`WS-7`), and
      working in Swedish. The diversity wishes of the rule set are met whatever the
      shares (one volunteer-run and one Swedish-speaking organisation at least).
    * ``names``: give people clearly fictional names ("Aino Esimerkki (fictional)");
      by default people are described by role only. Contact details never.
    * ``registrations``: that many registrations (every seated organisation, then
      unseated ones); ``infeasible`` makes a quarter of the unseated ones (at least
      one) ineligible on purpose.
    * ``broken``: a rule id or code of :data:`BROKEN_RULES` to break (see the table in
      the module docstring).
    * ``as_of``: the composition's date; ``rotation_years``: add a rotation plan over
      so many years from ``as_of`` (`FC-13`, `KU-5`); ``calendar_year``: add that
      year's meeting dates (`FC-11`).

    >>> ex = generate("keski-uusimaa", seed=1)
    >>> [s.person.role.value for s in ex.composition.seats if s.group == "older-people"]
    ['volunteer', 'federation_representative']
    >>> generate("keski-uusimaa", seed=1) == ex
    True
    >>> ex.composition.organisations[0].name
    'Nurmijärven Lapsiperheyhdistys ry'
    """
    rules, label = rules_of(rules_or_preset)
    if organisations is not None and organisations < 0:
        raise GenerateError(
            Text(
                "the number of organisations must not be negative, not {count}",
                count=organisations,
            )
        )
    if not 0 <= (organisations or 0) <= _MAX_GENERATED:  # the work is in proportion
        raise GenerateError(
            Text(
                "the number of organisations must be 0–{most}, not {count}",
                most=_MAX_GENERATED,
                count=organisations,
            )
        )
    if not 0 <= registrations <= _MAX_GENERATED:
        raise GenerateError(
            Text(
                "the number of registrations must be 0–{most}, not {count}",
                most=_MAX_GENERATED,
                count=registrations,
            )
        )
    rng = random.Random(seed)
    furnisher = Furnisher(
        rules,
        rng,
        multi_sector_share=share(multi_sector_share, "multi_sector_share"),
        volunteer_share=share(volunteer_share, "volunteer_share"),
        swedish_share=share(swedish_share, "swedish_share"),
        names=names,
    )
    planner = Planner(rules, RandomChooser(rng), furnisher)
    comp = planner.build(organisations, as_of)
    ex = Example(rules=label, composition=comp)
    if broken is not None:
        ex = _broken(ex, planner, rng, broken)
    if registrations:
        regs = registrations_for(planner, rng, ex.composition, registrations, infeasible)
        ex = attrs.evolve(ex, registrations=regs)
    return _with_calendar(ex, rules, as_of, rotation_years, calendar_year)


def _broken(ex: Example, planner: Planner, rng: random.Random, broken: str) -> Example:
    rules = planner.source_rules
    rule, codes = resolve_broken(rules, broken)
    hit = break_rule(planner, rng, ex.composition, codes)
    if hit is None:
        raise GenerateError(
            Text(
                "cannot break {broken} in the rule set {name!r}: it gives no room for it"
                " ({codes}); see breakable()",
                broken=broken,
                name=rules.name,
                codes=", ".join(codes),
            )
        )
    comp, code, severity = hit
    return attrs.evolve(
        ex, composition=comp, broken_rule=rule, expected_code=code, expected_severity=severity
    )


def _with_calendar(
    ex: Example, rules: RuleSet, as_of: date, rotation_years: int, calendar_year: int | None
) -> Example:
    plan: RotationPlan | None = None
    if rotation_years:
        try:
            plan = rotation_plan(rules, ex.composition, start=as_of, years=rotation_years)
        except RotationError as exc:
            raise GenerateError(
                Text("no rotation plan: {reason}", reason=exc.text or str(exc))
            ) from exc
    meetings: tuple[datetime, ...] | None = None
    if calendar_year is not None:
        try:
            meetings = meeting_dates(rules.meetings, calendar_year)
        except MeetingError as exc:
            raise GenerateError(
                Text("no meeting calendar: {reason}", reason=exc.text or str(exc))
            ) from exc
    return attrs.evolve(ex, plan=plan, meetings=meetings)


def to_registrations(example: Example) -> Registrations:
    """The example's registrations as a :class:`~jarjestoyhteistyo.selection.Registrations`
    document, the file format that ``jarjestoyhteistyo select`` reads (`FC-3`, `OF-3`).

    Seated organisations propose the people of their seats; the others a volunteer.
    Ineligible registrations apply for their group all the same, so selection reports
    them.

    >>> ex = generate("vantaa-kerava-formal", seed=1, registrations=40)
    >>> doc = to_registrations(ex)
    >>> len(doc.registrations)
    40
    """
    return Registrations(
        name=f"Fictional registrations for {example.rules}",
        registrations=tuple(g.registration for g in example.registrations),
    )
