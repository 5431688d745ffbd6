"""Hypothesis strategies for rule sets, organisations and compositions.

Install the ``hypothesis`` extra to use this module; nothing else in the package
imports it. Every function returns a strategy and takes keyword-only arguments.
Cross-field rules are satisfied *by construction* (``st.composite``), never by
filtering, and ``st.from_type`` is not used because it ignores attrs validators.

* :func:`rule_sets` draws rule sets that pass :func:`~jarjestoyhteistyo.check`
  (warnings and info allowed, no errors), of one kind or of any kind;
* :func:`any_rule_sets` draws structurally typed rule sets that may break any rule,
  for fuzzing;
* :func:`compositions_for` draws compositions that pass
  :func:`~jarjestoyhteistyo.validate` against a given rule set;
* :func:`broken_compositions` draws a valid composition with one rule broken, with
  the finding code :func:`~jarjestoyhteistyo.validate` must report for it (built by
  :func:`jarjestoyhteistyo.fictional.generate.generate` from a drawn seed);
* :func:`roadmaps` draws roadmap documents (`RM-1` … `RM-7`) whose
  :func:`~jarjestoyhteistyo.rules.roadmap.check_document` reports no error.

After installation the package registers type strategies with Hypothesis (the
``hypothesis`` entry point, :mod:`jarjestoyhteistyo.fictional._hypothesis_setup`), so
``st.from_type(Organisation)`` draws from :func:`organisations`.

This module is the public face: the strategies live per document kind in
``_strategies_rulesets`` (rule sets), ``_strategies_compositions`` (compositions,
through the one planner :class:`~jarjestoyhteistyo.model.planner.Planner`, and
registrations), ``_strategies_roadmaps`` and ``_strategies_parts`` (the small parts).

Generated text is fictional and holds no personal data: people are described by
their role only.

>>> from jarjestoyhteistyo.fictional.strategies import compositions_for, rule_sets
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> s = rule_sets(kind="formal_committee")
>>> c = compositions_for(FormalCommittee(name="Example body", area="Example area"))
"""

from __future__ import annotations

from jarjestoyhteistyo.fictional._strategies_compositions import (
    broken_compositions,
    compositions_for,
    registrations,
)
from jarjestoyhteistyo.fictional._strategies_parts import (
    KIND_NAMES,
    NGO_ROLES,
    categories,
    organisations,
    people,
)
from jarjestoyhteistyo.fictional._strategies_roadmaps import roadmaps
from jarjestoyhteistyo.fictional._strategies_rulesets import any_rule_sets, rule_sets

__all__ = [
    "KIND_NAMES",
    "NGO_ROLES",
    "any_rule_sets",
    "broken_compositions",
    "categories",
    "compositions_for",
    "organisations",
    "people",
    "registrations",
    "roadmaps",
    "rule_sets",
]
