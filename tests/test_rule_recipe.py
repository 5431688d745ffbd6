"""The recipe for adding a rule (architecture page, ``rules/__init__``), followed once
with a fictional rule: a family module's code and check, the dispatch table, the
catalogue and a test are all it takes (issue #13, point 6).

The rule, ``TEST-1`` ("a formal committee names at least one task"), is fictional
and exists only in this test.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

import attrs
import pytest

from jarjestoyhteistyo.catalogue import CATALOGUE, build_catalogue
from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding, Severity
from jarjestoyhteistyo.model.rulesets import FormalCommittee, RuleSet
from jarjestoyhteistyo.presets import load_preset
from jarjestoyhteistyo.rules import checks

# --- step 1: the family module (code object at the top, its check below) -----------
FAMILY_SOURCE = """
from jarjestoyhteistyo.codes import Code, finding

JY199 = Code(code="JY199", rule="TEST-1", severity=E, title="no tasks",
             en="the body names no tasks",
             fix="Name the tasks.", kinds=frozenset({"formal_committee"}))
CODES = (JY199,)

def check_tasks(rules):
    if rules.kind == "formal_committee" and not rules.tasks:
        yield finding(JY199, "tasks")
"""

JY199 = Code(
    code="JY199",
    rule="TEST-1",
    severity=Severity.ERROR,
    title="no tasks",
    en="the body names no tasks",
    fix="Name the tasks.",
    kinds=frozenset({"formal_committee"}),
)
CODES = (JY199,)


def check_tasks(rules: RuleSet) -> Iterator[Finding]:
    if isinstance(rules, FormalCommittee) and not rules.tasks:
        yield finding(JY199, "tasks")


# --- step 1 continued: its entry in the dispatch table -------------------------------
@pytest.fixture
def with_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "RULE_SET_CHECKS", (*checks.RULE_SET_CHECKS, check_tasks))


# --- step 2: its tests -------------------------------------------------------------
@pytest.mark.usefixtures("with_the_rule")
def test_test1_a_body_without_tasks_gives_JY199() -> None:
    rules = attrs.evolve(load_preset("vantaa-kerava-formal"), tasks=())
    report = checks.check(rules)
    [found] = [f for f in report if f.code == "JY199"]
    assert (found.rule, found.severity, found.path) == ("TEST-1", Severity.ERROR, "tasks")
    # the translations come from the catalogues (step 3 of the recipe): until then the
    # message reads the same in every language
    assert found.message_fi == found.message_sv == "the body names no tasks"


@pytest.mark.usefixtures("with_the_rule")
def test_test1_a_body_with_tasks_raises_nothing_new() -> None:
    rules = load_preset("vantaa-kerava-formal")
    assert rules.tasks
    assert "JY199" not in checks.check(rules).codes
    # another kind of body is not touched by a formal committee's rule
    assert "JY199" not in checks.check(load_preset("keski-uusimaa")).codes


def test_without_its_table_entry_the_rule_does_not_run() -> None:
    rules = attrs.evolve(load_preset("vantaa-kerava-formal"), tasks=())
    assert "JY199" not in checks.check(rules).codes


# --- the catalogue: one more family's CODES -----------------------------------------
def test_the_catalogue_takes_the_new_family_in_one_line() -> None:
    catalogue = build_catalogue(CATALOGUE, CODES)
    assert JY199 in catalogue
    assert [c.code for c in catalogue] == sorted(c.code for c in catalogue)
    assert len(catalogue) == len(CATALOGUE) + 1


def test_the_family_source_follows_the_declaration_form() -> None:
    """The family module's source declares its code at module level and emits it by
    object, which is what tests/test_codes.py reads in every real family module."""
    tree = ast.parse(FAMILY_SOURCE)
    declared = [
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", "") == "Code"
    ]
    emitted = [
        node.args[0].id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "finding"
        and isinstance(node.args[0], ast.Name)
    ]
    assert declared == emitted == ["JY199"]
