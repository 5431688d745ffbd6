"""jarjestoyhteistyo — NGO cooperation structures of Finnish wellbeing areas.

Typed, immutable models and pure functions for cooperation bodies and their seats,
association categories, deputies, terms, and validation against the rules of
``DOMAIN.md`` (rule ids such as `FC-5` and `KU-7`).

>>> import jarjestoyhteistyo as jy
>>> rules = jy.load_preset("vantaa-kerava-formal")
>>> jy.check(rules).ok
True

Importing the package is light: it loads no module of its own until a name is used
(then only that name's module), parses no preset and imports no optional library.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what a type checker and an editor see; at run time, see __getattr__
    from jarjestoyhteistyo.calc.rotation import rotation_plan
    from jarjestoyhteistyo.display import set_display_language
    from jarjestoyhteistyo.errors import JarjestoError, LoadError, PresetNotFoundError, Problem
    from jarjestoyhteistyo.findings import Finding, Report, Severity
    from jarjestoyhteistyo.io.redact import redact
    from jarjestoyhteistyo.io.serialize import (
        dump_json,
        dump_yaml,
        load_composition,
        load_ruleset,
        loads_composition,
        loads_ruleset,
    )
    from jarjestoyhteistyo.model.categories import PRH_CATEGORIES, Category, Labels
    from jarjestoyhteistyo.model.composition import (
        Composition,
        Function,
        Organisation,
        Person,
        Role,
        Seat,
        SeatKind,
        SizeClass,
    )
    from jarjestoyhteistyo.model.rulesets import (
        FormalCommittee,
        GeneralRuleSet,
        OpenForum,
        RuleSet,
        ThemeNetworkCouncil,
    )
    from jarjestoyhteistyo.presets import list_presets, load_preset
    from jarjestoyhteistyo.rules.checks import check
    from jarjestoyhteistyo.rules.validation import validate
    from jarjestoyhteistyo.selection import Registration, feasibility, load_registrations, propose
    from jarjestoyhteistyo.selection.succession import (
        Event,
        EventKind,
        History,
        apply_event,
        composition_at,
    )

#: Where each public name lives: importing the package loads none of them, and the
#: first use of a name loads its module only (PEP 562), so ``import jarjestoyhteistyo``
#: costs almost nothing and a script that only checks a rule set loads no selection.
_HOMES: dict[str, str] = {
    "rotation_plan": "jarjestoyhteistyo.calc.rotation",
    "JarjestoError": "jarjestoyhteistyo.errors",
    "LoadError": "jarjestoyhteistyo.errors",
    "PresetNotFoundError": "jarjestoyhteistyo.errors",
    "Problem": "jarjestoyhteistyo.errors",
    "Finding": "jarjestoyhteistyo.findings",
    "Report": "jarjestoyhteistyo.findings",
    "Severity": "jarjestoyhteistyo.findings",
    "set_display_language": "jarjestoyhteistyo.display",
    "redact": "jarjestoyhteistyo.io.redact",
    "dump_json": "jarjestoyhteistyo.io.serialize",
    "dump_yaml": "jarjestoyhteistyo.io.serialize",
    "load_composition": "jarjestoyhteistyo.io.serialize",
    "load_ruleset": "jarjestoyhteistyo.io.serialize",
    "loads_composition": "jarjestoyhteistyo.io.serialize",
    "loads_ruleset": "jarjestoyhteistyo.io.serialize",
    "PRH_CATEGORIES": "jarjestoyhteistyo.model.categories",
    "Category": "jarjestoyhteistyo.model.categories",
    "Labels": "jarjestoyhteistyo.model.categories",
    "Composition": "jarjestoyhteistyo.model.composition",
    "Function": "jarjestoyhteistyo.model.composition",
    "Organisation": "jarjestoyhteistyo.model.composition",
    "Person": "jarjestoyhteistyo.model.composition",
    "Role": "jarjestoyhteistyo.model.composition",
    "Seat": "jarjestoyhteistyo.model.composition",
    "SeatKind": "jarjestoyhteistyo.model.composition",
    "SizeClass": "jarjestoyhteistyo.model.composition",
    "FormalCommittee": "jarjestoyhteistyo.model.rulesets",
    "GeneralRuleSet": "jarjestoyhteistyo.model.rulesets",
    "OpenForum": "jarjestoyhteistyo.model.rulesets",
    "RuleSet": "jarjestoyhteistyo.model.rulesets",
    "ThemeNetworkCouncil": "jarjestoyhteistyo.model.rulesets",
    "list_presets": "jarjestoyhteistyo.presets",
    "load_preset": "jarjestoyhteistyo.presets",
    "check": "jarjestoyhteistyo.rules.checks",
    "validate": "jarjestoyhteistyo.rules.validation",
    "Registration": "jarjestoyhteistyo.selection",
    "feasibility": "jarjestoyhteistyo.selection",
    "load_registrations": "jarjestoyhteistyo.selection",
    "propose": "jarjestoyhteistyo.selection",
    "Event": "jarjestoyhteistyo.selection.succession",
    "EventKind": "jarjestoyhteistyo.selection.succession",
    "History": "jarjestoyhteistyo.selection.succession",
    "apply_event": "jarjestoyhteistyo.selection.succession",
    "composition_at": "jarjestoyhteistyo.selection.succession",
}


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__version__ = "0.1.0"

__all__ = [
    "PRH_CATEGORIES",
    "Category",
    "Composition",
    "Event",
    "EventKind",
    "Finding",
    "FormalCommittee",
    "Function",
    "GeneralRuleSet",
    "History",
    "JarjestoError",
    "Labels",
    "LoadError",
    "OpenForum",
    "Organisation",
    "Person",
    "PresetNotFoundError",
    "Problem",
    "Registration",
    "Report",
    "Role",
    "RuleSet",
    "Seat",
    "SeatKind",
    "Severity",
    "SizeClass",
    "ThemeNetworkCouncil",
    "__version__",
    "apply_event",
    "check",
    "composition_at",
    "dump_json",
    "dump_yaml",
    "feasibility",
    "list_presets",
    "load_composition",
    "load_preset",
    "load_registrations",
    "load_ruleset",
    "loads_composition",
    "loads_ruleset",
    "propose",
    "redact",
    "rotation_plan",
    "set_display_language",
    "validate",
]
