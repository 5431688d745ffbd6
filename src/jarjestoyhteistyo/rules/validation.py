"""Validation of a composition against a rule set: :func:`validate` returns a :class:`Report`.

Validation runs on the rule set's general form (:meth:`as_general`), so the three
seed kinds and any general rule set are validated by the same code. How the rules
are read:

* a **multi-sector organisation** (`WS-7`) may sit in a group of any of its
  categories, but it counts once: it holds at most one member seat and at most one
  deputy seat in the whole body (unless the rule set allows more);
* a **vacant** seat (nobody came forward) is a warning, not an error; a seat group
  with *too many* holders is an error;
* a deputy must be of a category eligible for its member's group (`FC-10`) and come
  from an organisation that holds no member seat (`FC-9`); each severity follows the
  rule set (``required`` → error, ``wanted`` → warning).

The checks live in the family modules of :mod:`jarjestoyhteistyo.rules`, each with
its ``JY2xx`` codes; :func:`validate` runs them in the order of
:data:`COMPOSITION_CHECKS`, each on one :class:`~jarjestoyhteistyo.rules.base.Context`.

>>> from jarjestoyhteistyo.model.rulesets import OpenForum
>>> from jarjestoyhteistyo.model.composition import Composition, Stage
>>> validate(OpenForum(name="Forum", area="Example area"), Composition()).codes
frozenset({'JY209'})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from jarjestoyhteistyo.calc.terms import check_proposal
from jarjestoyhteistyo.codes import Code
from jarjestoyhteistyo.findings import Finding, Report
from jarjestoyhteistyo.model.composition import Composition, Stage
from jarjestoyhteistyo.model.history import Tenure
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.rules import (
    chair,
    consistency,
    deputies,
    diversity,
    forum,
    politics,
    seats,
    values,
)
from jarjestoyhteistyo.rules.base import Context

__all__ = ["COMPOSITION_CHECKS", "VALIDATION_CODES", "validate"]

#: The checks :func:`validate` runs, in order.
COMPOSITION_CHECKS: Final[tuple[Callable[[Context], Iterable[Finding]], ...]] = (
    consistency.validate_references,
    seats.validate_quotas,
    forum.validate_cap,
    deputies.validate_deputies,
    seats.validate_one_seat,
    chair.validate_chair,
    chair.validate_functions,
    seats.validate_size,
    seats.validate_pending,
    diversity.validate_diversity,
    politics.validate_nominations,
    diversity.validate_municipalities,
    values.validate_values,
)

#: The codes :func:`validate` can report (the ``JY2xx`` codes of its families), sorted.
VALIDATION_CODES: Final[tuple[Code, ...]] = tuple(
    sorted(
        (
            c
            for family in (consistency, seats, forum, deputies, chair, diversity, politics, values)
            for c in family.CODES
            if c.code.startswith("JY2")
        ),
        key=lambda c: c.code,
    )
)


def validate(
    rules: RuleSet,
    composition: Composition,
    *,
    stage: Stage | None = None,
    kind: str | None = None,
    history: Sequence[Tenure] | None = None,
) -> Report:
    """Validate ``composition`` against ``rules`` and report every problem (`JY2xx`).

    Neither argument is changed. See the module docstring for how multi-sector
    organisations, vacancies and deputies are read. ``stage`` (else the
    composition's own ``stage``, else ``appointed``) says whether the body has had
    its constitutive meeting: at the ``proposal`` stage, the chair and vice-chairs it
    elects itself are reported as info (``JY227``), not as missing. Each finding
    cites the rule of the rule set's own kind (``JY226`` is `WS-8` in a formal
    committee and `KU-6` in a theme-network council); ``kind`` names the kind when
    ``rules`` is already the general form of another kind's rule set.

    With a ``history`` (the tenures served, as
    :func:`~jarjestoyhteistyo.selection.succession.tenures` gives them from a succession
    history), the composition is a proposal continuing from the history's last day: its
    holders (person refs and organisation ids) are checked against the rule set's
    limits of consecutive terms, ``JY301`` / ``JY302``
    (:func:`~jarjestoyhteistyo.calc.terms.check_proposal`). A rule set without
    ``max_consecutive_person`` / ``max_consecutive_organisation`` reports nothing.

    >>> from jarjestoyhteistyo import load_preset
    >>> from jarjestoyhteistyo.model.composition import Composition
    >>> report = validate(load_preset("keski-uusimaa"), Composition())
    >>> "JY213" in report.codes  # no work pairs yet (KU-7)
    True
    """
    stage = stage or composition.stage or Stage.APPOINTED
    kind = kind or rules.kind
    ctx = Context(rules.as_general(), composition, kind=kind, stage=stage)
    found = [_cited(f, kind) for part in COMPOSITION_CHECKS for f in part(ctx)]
    policy = ctx.rules.term
    if history is not None and policy is not None:
        found.extend(check_proposal(history, composition, policy))
    return Report(subject=composition.name or rules.title, findings=tuple(found))


_BY_CODE: Final = {c.code: c for c in VALIDATION_CODES}


def _cited(f: Finding, kind: str) -> Finding:
    """``f`` citing the rule its code enforces in a body of ``kind`` (``other_rules``)."""
    code = _BY_CODE.get(f.code)
    if code is None or f.rule != code.rule:
        return f  # not a validation code, or the check chose the rule itself
    other = dict(code.other_rules).get(kind)
    return f if other is None else attrs.evolve(f, rule=other)
