"""Values refer to what exists (`GEN-2`, codes JY140–JY142, JY240–JY244), and the
"did you mean" of the broken references JY207 and JY219.

Each test names one organisation (fictional, by id only) or one rule-set value that
breaks the rule, and asserts the code, its severity, rule id, path and parameters,
the suggestions included. The compositions are otherwise incomplete, so the tests
look only at the code under test.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from jarjestoyhteistyo import check, load_composition, load_preset, load_ruleset, validate
from jarjestoyhteistyo.codes import Code
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.model.composition import Composition, Organisation, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import DiversityPolicy, RuleSet
from jarjestoyhteistyo.presets import body_presets
from jarjestoyhteistyo.rules.consistency import JY219
from jarjestoyhteistyo.rules.deputies import JY207
from jarjestoyhteistyo.rules.values import (
    CODES,
    JY140,
    JY141,
    JY142,
    JY240,
    JY241,
    JY242,
    JY243,
    JY244,
    LANGUAGES,
    did_you_mean,
    language_suggestions,
)

W, I = Severity.WARNING, Severity.INFO
OURS = frozenset(c.code for c in CODES)


def formal() -> RuleSet:
    return load_preset("vantaa-kerava-formal")


def with_org(**kw: object) -> Composition:
    """One organisation ``o1`` and the member seat it holds."""
    org = Organisation(id="o1", **kw)  # type: ignore[arg-type]
    seat = Seat(id="m1", kind=SeatKind.MEMBER, group="pensioners", organisation="o1")
    return Composition(organisations=(org,), seats=(seat,))


def only(report: Report, code: Code) -> Finding:
    found = [f for f in report if f.code == code.code]
    assert len(found) == 1, report.to_text()
    return found[0]


def codes_of(report: Report) -> set[str]:
    return {f.code for f in report} & OURS


# ------------------------------------------------------------------ did you mean
def test_did_you_mean_ignores_case_and_never_suggests_the_value_itself() -> None:
    known = ["pensioners", "health-promotion", "older-people"]
    assert did_you_mean("Pensioners", known) == ["pensioners"]
    assert did_you_mean("pensioners", known) == []
    assert did_you_mean("helth-promotion", known) == ["health-promotion"]
    assert len(did_you_mean("m", [f"m{i}" for i in range(10)])) == 3


@pytest.mark.parametrize(
    ("code", "meant"),
    [("fin", "fi"), ("FI", "fi"), ("swe", "sv"), ("sv-FI", "sv"), ("fi_FI", "fi"), ("ee", "et")],
)
def test_a_language_code_under_another_name_suggests_the_known_one(code: str, meant: str) -> None:
    assert language_suggestions(code) == [meant]


def test_the_known_languages_hold_the_languages_of_finland() -> None:
    assert {"fi", "sv", "se", "smn", "sms", "fse", "fss", "rmf", "en"} <= LANGUAGES


# ------------------------------------------------------------------- JY240
def test_gen2_misspelt_category_is_warning_with_suggestion_JY240() -> None:
    report = validate(formal(), with_org(categories=frozenset({"helth-promotion", "pensioners"})))
    f = only(report, JY240)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "organisations[0].categories")
    assert dict(f.params) == {
        "organisation": "o1",
        "category": "helth-promotion",
        "suggestions": ("health-promotion",),
    }
    assert "did you mean" in f.message_en
    assert "health-promotion" in f.message_en
    assert "tarkoititko" in f.message_fi


# ------------------------------------------------------------------- JY243
def test_gen2_unknown_category_without_close_one_is_warning_JY243() -> None:
    report = validate(formal(), with_org(categories=frozenset({"zzz", "pensioners"})))
    f = only(report, JY243)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "organisations[0].categories")
    assert dict(f.params) == {"organisation": "o1", "category": "zzz", "suggestions": ()}
    assert "did you mean" not in f.message_en
    assert "JY240" not in report.codes


def test_gen2_categories_are_not_checked_when_the_rule_set_has_none() -> None:
    """A theme-network council seats by network; its general form has no categories."""
    council = load_preset("keski-uusimaa")
    report = validate(council, with_org(categories=frozenset({"helth-promotion"})))
    assert not codes_of(report) & {"JY240", "JY243"}


# ------------------------------------------------------------------- JY241
def test_gen2_misspelt_language_is_warning_with_suggestion_JY241() -> None:
    report = validate(formal(), with_org(languages=frozenset({"fin", "sv"})))
    f = only(report, JY241)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "organisations[0].languages")
    assert dict(f.params) == {"organisation": "o1", "language": "fin", "suggestions": ("fi",)}
    assert "did you mean" in f.message_en
    assert "tarkoititko" in f.message_fi


# ------------------------------------------------------------------- JY244
def test_gen2_unknown_language_without_close_one_is_warning_JY244() -> None:
    report = validate(formal(), with_org(languages=frozenset({"xx", "fi"})))
    f = only(report, JY244)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "organisations[0].languages")
    assert dict(f.params) == {"organisation": "o1", "language": "xx", "suggestions": ()}
    assert "JY241" not in report.codes


# ------------------------------------------------------------------- JY242
def test_gen2_se_without_sv_is_info_never_an_error_JY242() -> None:
    report = validate(formal(), with_org(languages=frozenset({"se"})))
    f = only(report, JY242)
    assert (f.severity, f.rule, f.path) == (I, "GEN-2", "organisations[0].languages")
    assert dict(f.params) == {"organisation": "o1", "language": "se", "suggestions": ("sv",)}
    assert "Northern Sámi" in f.message_en
    assert "pohjoissaame" in f.message_fi
    assert not codes_of(report) & {"JY241", "JY244"}  # se is a valid code


def test_gen2_se_with_sv_is_deliberate_and_passes() -> None:
    report = validate(formal(), with_org(languages=frozenset({"se", "sv", "fi"})))
    assert codes_of(report) == set()


# ------------------------------------------------------------------- JY140
def _wanting(*languages: str) -> RuleSet:
    rules = formal()
    return attrs.evolve(rules, diversity=DiversityPolicy(languages=frozenset(languages)))


def test_gen2_misspelt_wanted_language_is_warning_JY140() -> None:
    f = only(check(_wanting("swe")), JY140)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "diversity.languages")
    assert dict(f.params) == {
        "field": "diversity.languages",
        "language": "swe",
        "suggestions": ("sv",),
    }
    assert "did you mean" in f.message_en


def test_gen2_misspelt_working_language_is_warning_JY140() -> None:
    """The body's own working languages are checked like every language code."""
    rules = attrs.evolve(formal(), languages=frozenset({"fi", "swe"}))
    f = only(check(rules), JY140)
    assert (f.severity, f.path, f.params["suggestions"]) == (W, "languages", ("sv",))
    assert f.message_en.startswith("languages: unknown language code 'swe'")
    assert not codes_of(check(attrs.evolve(formal(), languages=frozenset({"fi", "sv"}))))


# ------------------------------------------------------------------- JY141
def test_gen2_unknown_wanted_language_is_warning_JY141() -> None:
    f = only(check(_wanting("qq", "sv")), JY141)
    assert (f.severity, f.rule, f.path) == (W, "GEN-2", "diversity.languages")
    assert dict(f.params) == {"field": "diversity.languages", "language": "qq", "suggestions": ()}


# ------------------------------------------------------------------- JY142
def test_gen2_wanted_se_without_sv_is_info_JY142() -> None:
    report = check(_wanting("se"))
    f = only(report, JY142)
    assert (f.severity, f.rule, f.path) == (I, "GEN-2", "diversity.languages")
    assert dict(f.params) == {
        "field": "diversity.languages",
        "language": "se",
        "suggestions": ("sv",),
    }
    assert not codes_of(report) & {"JY140", "JY141"}
    assert codes_of(check(_wanting("se", "sv"))) == set()


# ------------------------------------------------------- JY219, JY207 suggestions
def test_fc4_unknown_organisation_suggests_a_close_one_JY219() -> None:
    comp = with_org(categories=frozenset({"pensioners"}))
    comp = attrs.evolve(comp, seats=(attrs.evolve(comp.seats[0], organisation="o-1"),))
    f = only(validate(formal(), comp), JY219)
    assert f.path == "seats[0].organisation"
    assert f.params["suggestions"] == ("o1",)
    assert f.message_en == "seat m1: unknown organisation 'o-1'; did you mean o1?"
    assert f.message_fi == "paikka m1: tuntematon järjestö 'o-1'; tarkoititko o1?"


def test_fc4_unknown_seat_group_suggests_a_close_one_JY219() -> None:
    comp = with_org(categories=frozenset({"pensioners"}))
    comp = attrs.evolve(comp, seats=(attrs.evolve(comp.seats[0], group="pensionrs"),))
    f = only(validate(formal(), comp), JY219)
    assert f.path == "seats[0].group"
    assert f.params["suggestions"] == ("pensioners",)
    assert f.message_en.endswith("'pensionrs'; did you mean pensioners?")


def test_fc4_unknown_reference_with_nothing_close_keeps_its_message_JY219() -> None:
    comp = with_org(categories=frozenset({"pensioners"}))
    comp = attrs.evolve(comp, seats=(attrs.evolve(comp.seats[0], organisation="zzz"),))
    f = only(validate(formal(), comp), JY219)
    assert f.params["suggestions"] == ()
    assert f.message_en == "seat m1: unknown organisation 'zzz'"


def test_fc8_deputy_of_unknown_seat_suggests_a_member_seat_JY207() -> None:
    comp = with_org(categories=frozenset({"pensioners"}))
    deputy = Seat(id="d1", kind=SeatKind.DEPUTY, deputy_of="m-1")
    comp = attrs.evolve(comp, seats=(*comp.seats, deputy))
    f = next(f for f in validate(formal(), comp) if f.code == JY207.code)
    assert f.path == "seats[1].deputy_of"
    assert f.params["suggestions"] == ("m1",)
    assert f.message_en == "deputy d1: 'm-1' is not a member seat; did you mean m1?"
    assert f.message_fi == "varajäsen d1: 'm-1' ei ole jäsenpaikka; tarkoititko m1?"


# ------------------------------------------------------------------ correct
def test_gen2_known_values_give_none_of_the_codes(examples_dir: Path) -> None:
    docs = examples_dir.parent / "docs" / "examples"
    rules = load_ruleset(docs / "general-council.yaml")
    comp = load_composition(docs / "general-composition.yaml")
    assert codes_of(validate(rules, comp)) == set()
    for preset in body_presets():  # the shipped example composition of each preset
        comp = load_composition(examples_dir / f"{preset.name}.yaml")
        assert codes_of(validate(load_preset(preset.name), comp)) == set(), preset.name
    comp = with_org(categories=frozenset({"pensioners"}), languages=frozenset({"fi", "smn"}))
    assert codes_of(validate(formal(), comp)) == set()
    for preset in body_presets():
        assert codes_of(check(load_preset(preset.name))) == set(), preset.name
