"""The dispatch tables of ``check`` and ``validate`` hold every family's checks.

A family module's public ``check_*`` functions (of a rule set) are in
``RULE_SET_CHECKS`` and its ``validate_*`` functions (of a composition) in
``COMPOSITION_CHECKS``, each once, so a check written in a family cannot be left out
of its entry point; ``VALIDATION_CODES`` is every JY2xx code of the catalogue.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import jarjestoyhteistyo.rules as rules_pkg
from jarjestoyhteistyo.catalogue import CATALOGUE
from jarjestoyhteistyo.rules.checks import RULE_SET_CHECKS
from jarjestoyhteistyo.rules.validation import COMPOSITION_CHECKS, VALIDATION_CODES

#: The entry points and their helpers, and the families of other documents (a
#: cooperation model, a roadmap), which check() and validate() do not dispatch to.
NOT_FAMILIES = {"base", "checks", "validation", "cooperation", "roadmap"}


def _family_functions(prefix: str) -> set[Callable[..., Any]]:
    found = set()
    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if info.name in NOT_FAMILIES:
            continue
        mod = importlib.import_module(f"jarjestoyhteistyo.rules.{info.name}")
        assert mod.__doc__, info.name  # a family names its rules and codes
        assert mod.CODES, info.name
        found |= {getattr(mod, n) for n in mod.__all__ if n.startswith(prefix)}
    return found


def test_every_rule_set_check_is_in_the_table_once() -> None:
    assert len(set(RULE_SET_CHECKS)) == len(RULE_SET_CHECKS)
    assert set(RULE_SET_CHECKS) == _family_functions("check_")


def test_every_composition_check_is_in_the_table_once() -> None:
    assert len(set(COMPOSITION_CHECKS)) == len(COMPOSITION_CHECKS)
    assert set(COMPOSITION_CHECKS) == _family_functions("validate_")


def test_validation_codes_are_the_jy2xx_codes_of_the_catalogue() -> None:
    jy2 = [c for c in CATALOGUE if c.code.startswith("JY2")]
    assert list(VALIDATION_CODES) == jy2
    assert "JY205" in {c.code for c in VALIDATION_CODES}
