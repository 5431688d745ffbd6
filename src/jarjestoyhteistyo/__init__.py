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

from jarjestoyhteistyo.categories import PRH_CATEGORIES, Category, Labels
from jarjestoyhteistyo.checks import check
from jarjestoyhteistyo.errors import JarjestoError, LoadError, PresetNotFoundError, Problem
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.models import (
    Composition,
    Function,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
)
from jarjestoyhteistyo.presets import list_presets, load_preset
from jarjestoyhteistyo.redact import redact
from jarjestoyhteistyo.rotation import rotation_plan
from jarjestoyhteistyo.rules import (
    FormalCommittee,
    GeneralRuleSet,
    OpenForum,
    RuleSet,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.selection import Registration, feasibility, load_registrations, propose
from jarjestoyhteistyo.serialize import (
    dump_json,
    dump_yaml,
    load_composition,
    load_ruleset,
    loads_composition,
    loads_ruleset,
)
from jarjestoyhteistyo.succession import Event, EventKind, History, apply_event, composition_at
from jarjestoyhteistyo.validation import validate

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
