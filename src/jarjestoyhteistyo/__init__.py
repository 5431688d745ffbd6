"""jarjestoyhteistyo — NGO cooperation structures of Finnish wellbeing areas.

Typed, immutable models and pure functions for cooperation bodies and their seats,
association categories, deputies, terms, and validation against the rules of
``DOMAIN.md`` (rule ids such as `FC-5` and `KU-7`).

>>> import jarjestoyhteistyo as jy
>>> rules = jy.load_preset("vantaa-kerava-formal")
>>> jy.check(rules).ok
True

Importing the package is light: it parses no preset and imports no optional library.
"""

from __future__ import annotations

from jarjestoyhteistyo.calc.rotation import rotation_plan
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
    "validate",
]
