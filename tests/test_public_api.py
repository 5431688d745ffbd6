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


# ------------------------------------------------ issue #20 point 2: a light import
def _modules_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running ``code``."""
    import json
    import subprocess
    import sys

    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_a_plain_import_loads_no_module_of_its_own_nor_a_dependency() -> None:
    loaded = _modules_after("import jarjestoyhteistyo")
    own = {m for m in loaded if m.startswith("jarjestoyhteistyo")}
    assert own == {"jarjestoyhteistyo"}
    assert not {"yaml", "attrs", "attr", "cattrs", "dateutil"} & loaded


def test_using_a_name_loads_what_it_needs_and_no_more() -> None:
    loaded = _modules_after("import jarjestoyhteistyo as jy\njy.check(jy.load_preset('vake'))")
    assert "jarjestoyhteistyo.rules.checks" in loaded
    assert not {m for m in loaded if m.startswith("jarjestoyhteistyo.selection")}
    assert not {"icalendar", "matplotlib", "pandas", "hypothesis"} & loaded


def test_every_public_name_resolves_and_is_listed() -> None:
    import jarjestoyhteistyo as jy

    for name in jy.__all__:
        assert getattr(jy, name) is not None
        assert name in dir(jy)
    with pytest.raises(AttributeError):
        jy.no_such_name  # noqa: B018


def _cli_modules(*argv: str) -> tuple[int, str, set[str]]:
    """The CLI's ``main`` run on ``argv`` in a fresh interpreter: its exit status, its
    output and the modules loaded by its end."""
    import ast
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from jarjestoyhteistyo.cli import main\n"
        f"status = main({list(argv)!r})\n"
        "print(status, repr(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    *output, last = done.stdout.splitlines()
    status, _, modules = last.partition(" ")
    return int(status), "\n".join(output), set(ast.literal_eval(modules))


#: What ``jarjestoyhteistyo check PRESET`` of a body preset needs no module of: the
#: other documents' models, the families of other documents' rules, the other
#: commands' work, and standard modules only an error message or another output uses.
CHECK_PRESET_NEEDS_NONE_OF = (
    "jarjestoyhteistyo.model.roadmap",
    "jarjestoyhteistyo.model.cooperation",
    "jarjestoyhteistyo.model.associations",
    "jarjestoyhteistyo.model.registrations",
    "jarjestoyhteistyo.model.history",
    "jarjestoyhteistyo.model.planner",
    "jarjestoyhteistyo.rules.cooperation",
    "jarjestoyhteistyo.rules.roadmap",
    "jarjestoyhteistyo.rules.validation",
    "jarjestoyhteistyo.io.schema",
    "jarjestoyhteistyo.io.register",
    "jarjestoyhteistyo.io.redact",
    "jarjestoyhteistyo.calc.schedule",
    "jarjestoyhteistyo.calc.rotation",
    "jarjestoyhteistyo.catalogue",
    "dateutil.relativedelta",
    "dateutil.rrule",
    "difflib",
    "json",
    "hashlib",
    "fractions",
    "importlib.resources",
    "tempfile",
    "zipfile",
)


def test_check_of_a_preset_loads_no_other_document_kind() -> None:
    """``check PRESET``'s code path (the CLI's ``main``, in a fresh interpreter) imports
    the rule sets' model and the rule families, and none of the modules above."""
    status, output, loaded = _cli_modules("check", "vantaa-kerava-formal")
    assert status == 0
    assert "OK" in output
    assert {
        "jarjestoyhteistyo.model.rulesets",
        "jarjestoyhteistyo.rules.checks",
        "jarjestoyhteistyo.rules.seats",
        "jarjestoyhteistyo.presets",
    } <= loaded
    assert sorted(set(CHECK_PRESET_NEEDS_NONE_OF) & loaded) == []
    others = ("jarjestoyhteistyo.selection", "jarjestoyhteistyo.analysis")
    assert not {m for m in loaded if m.startswith(others)}


def test_check_of_a_cooperation_preset_still_loads_its_family() -> None:
    """The other side: a cooperation model's check imports the cooperation family (its
    checks run, JY6xx)."""
    status, output, loaded = _cli_modules("check", "jarvenpaa")
    assert "jarjestoyhteistyo.rules.cooperation" in loaded
    assert "cooperation" in output.lower()
    assert status == 0
