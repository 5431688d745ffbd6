"""The package's imports run one way (issue #13, points 5 and 9).

``LAYER`` maps every module to a layer and ``LAYERS`` orders the layers, lowest
first. A module may import modules of its own layer and of lower layers, never of a
higher one. When modules move into folders, map the folder (``"io": "io"``) or the
module (``"io.schema": "io"``): a name not in the table falls back to its package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import jarjestoyhteistyo

SRC = Path(jarjestoyhteistyo.__file__).resolve().parent
PACKAGE = "jarjestoyhteistyo"

#: The layers, lowest first; every folder of the package is one layer.
LAYERS = (
    "base",  # errors, findings, codes, text, i18n: what every other module may use
    "model",  # model/: nouns only (categories, compositions, rule sets)
    "io",  # io/: the YAML door, the converter and its DOCUMENTS table, schema, redaction
    "calc",  # calc/: the one council calendar, terms, rotation, meetings, schedule phrases
    "rules",  # rules/: the checks of rule sets, compositions and cooperation models
    "presets",  # presets/: the registry and the shipped YAML
    "selection",  # selection/: who takes a seat (selection, succession, the flow network)
    "analysis",  # analysis/: comparison, simulation, ecosystem, roadmap evaluation
    "catalogue",  # catalogue.py: the explicit tuple of every family's codes
    "render",  # render/: diagrams and plots
    "fictional",  # fictional/: generated examples and the hypothesis strategies
    "entry",  # the package root and the command line
)

#: Module or folder (dotted, below the package) -> layer; a module not named falls
#: back to its folder. ``__init__`` is the package root.
LAYER = {
    "errors": "base",
    "findings": "base",
    "params": "base",
    "text": "base",
    "codes": "base",
    "i18n": "base",
    "display": "base",
    "model": "model",
    "io": "io",
    "calc": "calc",
    "rules": "rules",
    "presets": "presets",
    "selection": "selection",
    "analysis": "analysis",
    "catalogue": "catalogue",
    "rulebook": "catalogue",
    "render": "render",
    "fictional": "fictional",
    "cli": "entry",
    "__main__": "entry",
    "__init__": "entry",
}

#: Modules whose functions may import the package lazily: the command line imports
#: per command, and the hypothesis entry point must not import the strategies while
#: hypothesis itself is being imported (a circular import). Issue #20 (a ``check`` of a
#: preset that starts at once): ``check`` imports the cooperation family, the registry a
#: cooperation model's loader, only for a cooperation model; the calendars import the
#: ``Tenure`` and ``AnnualActivity`` they offer on first use (their one home stays in
#: ``model``). ``tests/test_public_api.py`` asserts what ``check PRESET`` loads.
LAZY_ALLOWED = {
    "cli",
    "fictional._hypothesis_setup",
    "rules.checks",
    "presets",
    "calc.meetings",
    "calc.terms",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, ast.Module]:
    return {
        _module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p))
        for p in sorted(SRC.rglob("*.py"))
    }


def layer_of(module: str) -> str | None:
    """The layer of ``module``: its own entry, else its nearest package's."""
    name = module
    while name:
        if name in LAYER:
            return LAYER[name]
        name = name.rpartition(".")[0]
    return None


def _package_of(module: str, is_package: bool) -> list[str]:
    parts = module.split(".") if module != "__init__" else []
    return parts if is_package else parts[:-1]


def imported(module: str, tree: ast.Module, *, is_package: bool = False) -> list[tuple[str, int]]:
    """``(module, line)`` for each import of the package's own modules in ``tree``."""
    out: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [
                (_below(a.name), node.lineno)
                for a in node.names
                if a.name == PACKAGE or a.name.startswith(PACKAGE + ".")
            ]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = _package_of(module, is_package)
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])]) or "__init__"
            elif node.module == PACKAGE or (node.module or "").startswith(PACKAGE + "."):
                target = _below(node.module or "")
            else:
                continue
            for alias in node.names:  # ``from jarjestoyhteistyo import rules``
                sub = f"{target}.{alias.name}" if target != "__init__" else alias.name
                out.append((sub if _is_module(sub) else target, node.lineno))
    return out


def _is_module(name: str) -> bool:
    path = SRC / Path(*name.split("."))
    return name in LAYER or path.is_dir() or path.with_suffix(".py").is_file()


def _below(name: str) -> str:
    rest = name[len(PACKAGE) + 1 :]
    return rest or "__init__"


def upward_imports(sources: dict[str, ast.Module]) -> list[str]:
    """One message per import of a higher layer, naming both modules and layers."""
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    out = []
    for module, tree in sorted(sources.items()):
        here = layer_of(module)
        if here is None:
            continue  # test_every_module_has_a_layer reports it
        is_package = (SRC / Path(*module.split("."))).is_dir()
        for target, line in imported(module, tree, is_package=is_package):
            there = layer_of(target)
            if there is not None and rank[there] > rank[here]:
                out.append(
                    f"{module} (layer {here}) imports {target} (layer {there}) at line {line}"
                )
    return out


def test_every_module_has_a_layer() -> None:
    sources = _sources()
    assert {"__init__", "errors", "cli"} <= set(sources)
    missing = sorted(m for m in sources if layer_of(m) is None)
    assert missing == [], f"add these to LAYER in {__name__}: {missing}"
    assert set(LAYER.values()) <= set(LAYERS)


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports(_sources()) == []


def test_an_upward_import_is_named() -> None:
    fake = {
        "findings": ast.parse("from jarjestoyhteistyo.selection import propose\n"),
        "model.rulesets": ast.parse("import jarjestoyhteistyo.errors\nfrom .. import cli\n"),
        "io.serialize": ast.parse("from jarjestoyhteistyo import rules, check\n"),
    }
    assert upward_imports(fake) == [
        "findings (layer base) imports selection (layer selection) at line 1",
        "io.serialize (layer io) imports rules (layer rules) at line 1",
        "io.serialize (layer io) imports __init__ (layer entry) at line 1",
        "model.rulesets (layer model) imports cli (layer entry) at line 2",
    ]


def test_a_folder_falls_back_to_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(LAYER, "calc")
    monkeypatch.setitem(LAYER, "calc", "calc")
    assert layer_of("calc.terms") == "calc"
    assert layer_of("io.serialize") == "io"
    assert layer_of("nowhere.at_all") is None


def in_function_imports(tree: ast.Module) -> list[str]:
    """``function: line`` for each import of the package inside a function body."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                own = (
                    isinstance(inner, ast.ImportFrom)
                    and (inner.level > 0 or (inner.module or "").split(".")[0] == PACKAGE)
                ) or (
                    isinstance(inner, ast.Import)
                    and any(a.name.split(".")[0] == PACKAGE for a in inner.names)
                )
                if own:
                    out.append(f"{node.name}: line {inner.lineno}")
    return sorted(set(out))


def test_no_in_function_import_of_the_package() -> None:
    """Import the package's modules at the top (point 5 of issue #13); only the CLI's
    per-command imports and the hypothesis entry point stay lazy."""
    sources = _sources()
    found = {
        module: hits
        for module, tree in sources.items()
        if module not in LAZY_ALLOWED and (hits := in_function_imports(tree))
    }
    assert found == {}
    assert all(in_function_imports(sources[m]) for m in LAZY_ALLOWED)  # still lazy there


def test_the_in_function_guard_sees_an_import() -> None:
    tree = ast.parse(
        "import json\n"
        "def f():\n"
        "    from jarjestoyhteistyo.model.rulesets import RuleSet\n"
        "    import pandas\n"
        "    from . import errors\n"
    )
    assert in_function_imports(tree) == ["f: line 3", "f: line 5"]
