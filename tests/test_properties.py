"""Properties: generated valid rule sets and compositions, purity and determinism."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jarjestoyhteistyo import check, load_preset, validate
from jarjestoyhteistyo.fictional.strategies import (
    any_rule_sets,
    categories,
    compositions_for,
    organisations,
    people,
    rule_sets,
)
from jarjestoyhteistyo.findings import Severity
from jarjestoyhteistyo.model.categories import Category
from jarjestoyhteistyo.model.composition import Composition, Organisation, Person
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.presets import body_presets

PRESETS = tuple(p.name for p in body_presets())  # every body preset of the registry


@pytest.mark.slow
@given(rule_sets())
def test_generated_rule_sets_pass_check(rules: RuleSet) -> None:
    assert check(rules).ok, check(rules).to_text()


@pytest.mark.slow
@given(st.data(), rule_sets(), st.booleans())
def test_generated_compositions_always_validate(
    data: st.DataObject, rules: RuleSet, vacancies: bool
) -> None:
    comp = data.draw(compositions_for(rules, vacancies=vacancies))
    report = validate(rules, comp)
    assert report.ok, report.to_text()


@given(st.sampled_from(PRESETS).flatmap(lambda n: compositions_for(load_preset(n))))
def test_compositions_for_presets_validate(comp: Composition) -> None:
    name = next(n for n in PRESETS if validate(load_preset(n), comp).ok)
    assert name in PRESETS


@pytest.mark.slow
@given(st.data(), rule_sets(kind="formal_committee"))
def test_vacancies_are_never_errors(data: st.DataObject, rules: RuleSet) -> None:
    """A vacant seat is a warning (JY201), never an error."""
    comp = data.draw(compositions_for(rules, vacancies=True))
    report = validate(rules, comp)
    assert all(f.severity is not Severity.ERROR for f in report)


@given(any_rule_sets())
def test_check_is_pure_and_deterministic_on_anything(rules: RuleSet) -> None:
    before = copy.deepcopy(rules)
    first = check(rules)
    assert rules == before
    assert check(rules) == first
    assert first.to_dict()["ok"] == first.ok


@pytest.mark.slow
@given(st.data(), rule_sets())
def test_validate_is_pure_and_deterministic(data: st.DataObject, rules: RuleSet) -> None:
    comp = data.draw(compositions_for(rules, vacancies=True))
    r0, c0 = copy.deepcopy(rules), copy.deepcopy(comp)
    first = validate(rules, comp)
    assert (rules, comp) == (r0, c0)
    assert validate(rules, comp) == first


@pytest.mark.slow
@given(any_rule_sets(), rule_sets().flatmap(compositions_for))
def test_validate_never_crashes_on_mismatched_inputs(rules: RuleSet, comp: Composition) -> None:
    """Any rule set against any composition gives a report, not an exception."""
    try:
        rules.as_general()
    except Exception:
        return
    report = validate(rules, comp)
    assert isinstance(report.ok, bool)


@given(categories(), people(), organisations())
def test_small_strategies_respect_the_model(
    cat: Category, person: Person, org: Organisation
) -> None:
    assert all(cat.labels.get(lang) for lang in ("fi", "sv", "en"))  # FC-4: three languages
    assert (person.name, person.contact) == (None, None)  # roles, not names
    assert org.categories  # every organisation has at least one category (WS-7)
