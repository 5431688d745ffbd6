"""The guard of the finding codes: one home per code, one catalogue, a test for each.

* every code in :data:`~jarjestoyhteistyo.catalogue.CATALOGUE` is named by a test file
  (it mentions the code's identifier, ``JY205``), in every range JY1xx–JY6xx;
* every code is in the catalogue exactly once, and every ``Code`` the package declares
  is in it (a module's ``CODES`` tuple holds what the module declares);
* a module emits only codes it declares or imports from the module that declares them;
  no finding is made from a string;
* the codes tagged ``breakable`` are exactly those generate has a breaker for, and
  the table in generate's docstring lists them.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections import Counter
from pathlib import Path

import pytest

import jarjestoyhteistyo
from jarjestoyhteistyo.catalogue import CATALOGUE, get_code
from jarjestoyhteistyo.codes import BREAKABLE, Code, finding
from jarjestoyhteistyo.fictional import breakers, generate
from jarjestoyhteistyo.findings import Severity

TESTS = Path(__file__).parent
SRC = Path(jarjestoyhteistyo.__file__).parent
IDENT = re.compile(r"^JY[1-6]\d\d$")


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


#: Every module of the package, by its dotted name below the package.
PATHS = {_dotted(p): p for p in sorted(SRC.rglob("*.py"))}


def _modules() -> dict[str, ast.Module]:
    return {name: ast.parse(p.read_text(encoding="utf-8")) for name, p in PATHS.items()}


def _declared(tree: ast.Module) -> dict[str, str]:
    """Module-level ``JY205 = Code(code="JY205", ...)``: name -> the ``code`` given."""
    out = {}
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not (isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Code"):
            continue
        assert isinstance(node, ast.Assign)
        (target,) = node.targets
        assert isinstance(target, ast.Name)
        given = {k.arg: k.value for k in value.keywords}
        code = given["code"]
        assert isinstance(code, ast.Constant)
        out[target.id] = str(code.value)
    return out


DECLARED = {name: _declared(tree) for name, tree in _modules().items()}


def test_every_code_is_named_by_a_test() -> None:
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(TESTS.glob("*.py"))
        if p.name != "test_codes.py"
    )
    named = set(re.findall(r"JY[1-6]\d\d", text))
    missing = [c.code for c in CATALOGUE if c.code not in named]
    assert not missing, f"no test names {missing}"
    assert {c.code[2] for c in CATALOGUE} == set("123456")  # every range has codes


def test_every_code_is_in_the_catalogue_exactly_once() -> None:
    counts = Counter(c.code for c in CATALOGUE)
    assert [code for code, n in counts.items() if n > 1] == []
    assert list(counts) == sorted(counts)
    declared = Counter(code for names in DECLARED.values() for code in names.values())
    assert declared == counts  # declared once, in one module, and catalogued
    assert all(get_code(c.code) is c for c in CATALOGUE)


@pytest.mark.parametrize("module", sorted(m for m, names in DECLARED.items() if names))
def test_a_module_declares_its_codes_in_its_codes_tuple(module: str) -> None:
    mod = importlib.import_module(f"jarjestoyhteistyo.{module}")
    assert [c.code for c in mod.CODES] == list(DECLARED[module].values())
    assert all(name == code for name, code in DECLARED[module].items())


def test_every_code_is_documented() -> None:
    for c in CATALOGUE:
        assert IDENT.match(c.code), c
        assert all((c.rule, c.title, c.en, c.fi)), c
        assert c.fix or c.severity is Severity.INFO, c  # a problem says how to fix it
        assert set(c.tags) <= {"breakable", "shortfall", "selection"}, c


_HOMES = {n: m for m, decl in DECLARED.items() for n in decl}


def _misplaced(module: str, tree: ast.Module) -> list[str]:
    """Codes ``module`` uses without declaring them or importing them from their home,
    and findings it makes from a string."""
    imported = {
        alias.asname or alias.name: node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and IDENT.match(node.id):
            home = f"jarjestoyhteistyo.{_HOMES.get(node.id)}"
            if node.id not in DECLARED.get(module, {}) and imported.get(node.id) != home:
                problems.append(f"{module}.py uses {node.id}, declared in {home}")
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "finding" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                problems.append(f"{module}.py line {node.lineno}: finding() of a string")
    return problems


@pytest.mark.parametrize("module", sorted(_modules()))
def test_a_module_emits_only_codes_it_declares_or_imports_from_their_home(module: str) -> None:
    tree = ast.parse(PATHS[module].read_text(encoding="utf-8"))
    assert _misplaced(module, tree) == []


def test_the_guard_sees_a_misplaced_code() -> None:
    wrong = (
        "from jarjestoyhteistyo.rules.checks import JY205\n"
        "finding(JY205, 'x')\nfinding('JY109', 'y')\n"
    )
    assert sorted(_misplaced("elsewhere", ast.parse(wrong))) == [
        "elsewhere.py line 3: finding() of a string",
        "elsewhere.py uses JY205, declared in jarjestoyhteistyo.rules.deputies",
    ]
    right = "from jarjestoyhteistyo.rules.deputies import JY205\nfinding(JY205, 'x')\n"
    assert _misplaced("elsewhere", ast.parse(right)) == []


def test_breakable_codes_are_exactly_those_with_a_breaker() -> None:
    tagged = {c for c in CATALOGUE if BREAKABLE in c.tags}
    assert tagged == set(breakers._BREAKERS)
    assert {c for codes in generate.BROKEN_RULES.values() for c in codes} == {
        c.code for c in tagged
    }


def test_a_code_carries_its_kinds_and_other_rules() -> None:
    jy209 = get_code("JY209")
    assert jy209.applies_to("open_forum")
    assert jy209.applies_to("formal_committee")
    assert not jy209.applies_to("theme_network_council")
    assert generate.BROKEN_RULES["OF-7"] == ("JY209",)
    assert breakers._APPLIES["OF-7"] == frozenset({"open_forum"})
    assert get_code("JY221").applies_to("theme_network_council")  # no kinds: every kind


def test_finding_fills_the_templates_of_its_code() -> None:
    code = Code(
        code="JY999",
        rule="XX-1",
        severity=get_code("JY205").severity,
        title="t",
        en="seat {seat}",
        fix="f",
    )
    f = finding(code, "seats[0]", seat="s1", rule="XX-2")
    assert (f.code, f.rule, f.message_en) == ("JY999", "XX-2", "seat s1")
    # no catalogue has a translation of a code of the test's own: every language reads
    # the English until a translator adds one (tools/catalogues.py check fails till then)
    assert f.message_fi == f.message_sv == "seat s1"
    shipped = finding(get_code("JY204"), "seats[1]", seat="d1", member="m1")
    assert shipped.message_fi == "varajäsen d1 ei edusta jäsenen m1 järjestötyyppiä tai verkostoa"
    assert shipped.message_sv.startswith("ersättaren d1 ")
    with pytest.raises(KeyError):
        get_code("JY999")  # not in the catalogue


def test_generate_docstring_table_lists_every_broken_rule() -> None:
    """The table in generate's docstring names each (rule, code) of BROKEN_RULES once."""
    rows = re.findall(r"^``([A-Z]+-\d+)``\s+``(JY\d{3})``", generate.__doc__ or "", re.MULTILINE)
    listed = [(rule, code) for rule, codes in generate.BROKEN_RULES.items() for code in codes]
    assert rows == listed
