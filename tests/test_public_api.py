"""The package root's public names stay (issue #13, point 8): a redesign may move
modules, never what users import from ``jarjestoyhteistyo`` itself."""

from __future__ import annotations

import importlib

import pytest

import jarjestoyhteistyo

#: Every name the package root offered before the redesign (0.1.0).
ROOT_NAMES = (
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
    "PRH_CATEGORIES",
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
)


@pytest.mark.parametrize("name", ROOT_NAMES)
def test_root_name_is_still_importable(name: str) -> None:
    module = importlib.import_module("jarjestoyhteistyo")
    assert getattr(module, name) is not None
    assert name in jarjestoyhteistyo.__all__


def test_root_all_names_resolve() -> None:
    missing = [n for n in jarjestoyhteistyo.__all__ if not hasattr(jarjestoyhteistyo, n)]
    assert missing == []
