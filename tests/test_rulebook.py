"""The rule catalogue (issue #16 point 3): every rule id the library cites is explained.

``jarjestoyhteistyo/rulebook.yaml`` holds each rule's text in Finnish, Swedish and
English, its source and the kinds it is written for; the codes enforcing it come from
the codes catalogue. These tests fail when a cited rule id has no entry, when an entry
lacks a language, names a code or kind that does not exist, or is cited for another
kind without saying how it applies there.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

import jarjestoyhteistyo
from jarjestoyhteistyo.catalogue import CATALOGUE
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.findings import RULE_ID, Report
from jarjestoyhteistyo.rulebook import LANGUAGES, RULE_KINDS, Rule, Text, all_rules, rule

SRC = Path(jarjestoyhteistyo.__file__).resolve().parent
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CODE_ID = re.compile(r"\bJY[0-9]{3}\b")
CODES = {c.code for c in CATALOGUE}
RAW = yaml.safe_load(resources.files("jarjestoyhteistyo").joinpath("rulebook.yaml").read_text())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _texts(r: Rule) -> list[Text]:
    return [r.title, r.text, *([r.elsewhere] if r.elsewhere else [])]


# ------------------------------------------------------------------ every cited rule
def test_every_rule_a_code_cites_has_an_entry() -> None:
    cited = {c.rule for c in CATALOGUE} | {r for c in CATALOGUE for _, r in c.other_rules}
    known = {r.id for r in all_rules()}
    assert sorted(cited - known, key=str) == []


def test_every_rule_id_in_the_package_has_an_entry() -> None:
    """The sources, the presets and the catalogue itself: a finding's rule may be chosen
    by a check (``rule="KU-7"``) and a preset's comment cites its rules."""
    known = {r.id for r in all_rules()}
    missing = {}
    for path in [*SRC.rglob("*.py"), *SRC.rglob("*.yaml")]:
        unknown = set(RULE_ID.findall(path.read_text(encoding="utf-8"))) - known
        if unknown:
            missing[str(path.relative_to(SRC))] = sorted(unknown)
    assert missing == {}


def test_fc9_is_explained_in_three_languages() -> None:
    """The issue's done-criterion, on the library side."""
    r = rule("FC-9")
    assert r.text.fi == "Varsinaiset jäsenet ja varajäsenet valitaan eri järjestöistä."
    assert r.text.sv == "De ordinarie ledamöterna och ersättarna väljs från olika organisationer."
    assert r.text.en == "Members and deputies are chosen from different organisations."
    assert r.kinds == ("formal_committee",)
    assert "Vaihtoehto 1" in r.source.section
    assert set(r.codes) == {"JY111", "JY205", "JY206", "JY504"}
    assert r.chosen_by == ("JY111",)  # deputies not personal: the check cites FC-9


# ----------------------------------------------------------------- every entry whole
@pytest.mark.parametrize("rid", list(RAW["rules"]))
def test_every_entry_has_fi_sv_and_en(rid: str) -> None:
    entry = RAW["rules"][rid]
    for field in ("title", "text", "elsewhere"):
        if field == "elsewhere" and field not in entry:
            continue
        assert set(entry[field]) == set(LANGUAGES), (rid, field)
        assert all(isinstance(v, str) and v.strip() for v in entry[field].values()), (rid, field)
    assert set(entry) <= {"kinds", "source", "title", "text", "elsewhere", "chosen_by"}


def test_a_missing_language_is_caught() -> None:
    with pytest.raises(TypeError):
        Text(fi="x", en="y")  # type: ignore[call-arg]


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_every_entry_names_existing_codes_kinds_and_documents(r: Rule) -> None:
    named = {c for t in _texts(r) for lang in LANGUAGES for c in CODE_ID.findall(t.in_lang(lang))}
    assert named <= CODES, f"{r.id} names unknown codes {sorted(named - CODES)}"
    assert set(r.codes) <= CODES
    assert r.kinds
    assert set(r.kinds) <= set(RULE_KINDS)
    assert set(r.cited_in) <= set(RULE_KINDS)
    assert r.source.document.id in RAW["documents"]
    assert r.source.section.strip()
    rules_named = {
        i for t in _texts(r) for lang in LANGUAGES for i in RULE_ID.findall(t.in_lang(lang))
    }
    assert all(rule(i) for i in rules_named)  # a rule another rule names exists too


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_a_rule_cited_for_another_kind_says_how_it_applies_there(r: Rule) -> None:
    """Why KU-12 is cited for a formal committee, FC-9 for an open forum: each such
    entry has an ``elsewhere`` in all three languages that names the codes concerned."""
    other = set(r.cited_in) - set(r.kinds)
    if not other:
        return
    assert r.elsewhere is not None, f"{r.id} is cited for {sorted(other)}: say how"
    codes_there = {c for k in other for c in r.cited_in[k]}
    for lang in LANGUAGES:
        named = set(CODE_ID.findall(r.elsewhere.in_lang(lang)))
        spans = re.findall(r"JY([0-9]{3})–JY([0-9]{3})", r.elsewhere.in_lang(lang))
        named |= {f"JY{n}" for lo, hi in spans for n in range(int(lo), int(hi) + 1)}
        assert codes_there <= named, (r.id, lang, sorted(codes_there - named))


def test_the_gen_rules_are_the_librarys_own_and_only_they() -> None:
    for r in all_rules():
        assert (r.source.document.id == "library") == r.id.startswith("GEN-"), r.id


def test_the_librarys_own_reasons_are_given_in_every_language() -> None:
    """A Finnish reader of ``rules GEN-4`` reads the library's reason in Finnish."""
    for r in all_rules():
        if r.source.document.id != "library":
            continue
        fi, sv, en = (r.source.cite(lang) for lang in ("fi", "sv", "en"))
        assert len({fi, sv, en}) == 3, r.id
        assert fi.startswith("Kirjaston oma päätös"), r.id
        assert "library" not in fi + sv, r.id


def test_a_general_rule_set_cites_gen_rules_where_a_seed_rule_does_not_apply() -> None:
    """The issue's complaint: JY215 and JY226 of a general rule set cited KU-12 and OF-5."""
    assert "JY215" not in rule("KU-12").cited_in.get("general", ())
    assert "JY215" in rule("GEN-5").cited_in["general"]
    assert "JY226" in rule("GEN-3").cited_in["general"]
    assert "JY226" not in rule("OF-5").cited_in.get("general", ())


def test_the_catalogue_holds_no_personal_data() -> None:
    text = resources.files("jarjestoyhteistyo").joinpath("rulebook.yaml").read_text()
    assert "@" not in text  # no e-mail address
    assert not re.search(r"\+358|\b0[0-9]{1,2}[ -]?[0-9]{3}[ -]?[0-9]{3,4}\b", text)  # no phone


def test_an_unknown_rule_is_not_found_with_a_suggestion() -> None:
    with pytest.raises(NotFoundError, match="did you mean FC-9"):
        rule("FC-99")
    assert rule(" ku-7 ") is rule("KU-7")


def test_the_catalogue_cannot_be_changed_by_a_caller() -> None:
    with pytest.raises(TypeError):
        rule("FC-9").cited_in["general"] = ()  # type: ignore[index]


# ----------------------------------------------------------------------- the command
def test_rules_fc9_explains_the_rule_in_three_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "rules", "FC-9")
    assert code == 0
    flat = " ".join(out.split())
    for lang in LANGUAGES:
        assert " ".join(rule("FC-9").text.in_lang(lang).split()) in flat
    assert "JY205" in out
    assert "elsewhere sv:" in out


def test_rules_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "KU-12", "--lang", "sv")
    assert code == 0
    assert "10–12 är lämpligt" in out
    assert "suitable" not in out
    assert "sopiva" not in out


def test_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data] == [r.id for r in all_rules()]
    fc9 = next(d for d in data if d["id"] == "FC-9")
    assert set(fc9["text"]) == {"fi", "sv", "en"}
    assert fc9["cited_in"]["open_forum"] == ["JY205", "JY504"]


def test_rules_unknown_id_exits_2_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules", "FC-9", "WS-3")
    assert (code, out) == (2, "")
    assert "no rule WS-3; did you mean" in err


def test_a_findings_text_form_ends_with_a_pointer_to_its_rules(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "validate", "vake", str(EXAMPLES / "keski-uusimaa.yaml"))
    assert code == 1
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("Rules: jarjestoyhteistyo rules ")
    cited = last.removeprefix("Rules: jarjestoyhteistyo rules ").split()
    assert "FC-4" in cited
    assert all(rule(i) for i in cited)
    code, out, _ = run(capsys, "validate", "vake", str(EXAMPLES / "vantaa-kerava-formal.yaml"))
    assert "Rules:" not in out or out.rstrip().splitlines()[-1].startswith("Rules:")
    code, out, _ = run(
        capsys, "validate", "vake", str(EXAMPLES / "keski-uusimaa.yaml"), "--format", "json"
    )
    assert "Rules:" not in out


def test_report_rule_ids_split_a_two_rule_finding() -> None:
    from jarjestoyhteistyo.codes import finding
    from jarjestoyhteistyo.rules.cooperation import JY616

    report = Report(findings=(finding(JY616, "annual_clock", rule="JP-5, JP-7"),))
    assert report.rule_ids() == ("JP-5", "JP-7")
    assert "Rules:" not in report.to_text()
    assert report.to_text(rules_pointer=True).endswith("Rules: jarjestoyhteistyo rules JP-5 JP-7")


def test_a_proposals_text_form_ends_with_the_pointer_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    registrations = str(EXAMPLES / "vantaa-kerava-formal-registrations.yaml")
    code, out, _ = run(capsys, "select", "ku", registrations)
    assert code == 1
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("Rules: jarjestoyhteistyo rules ")
    assert "KU-7" in last.split()  # the work pairs of the theme-network council
    code, out, _ = run(capsys, "select", "vake", registrations)
    assert code == 0
    assert "Rules:" not in out  # no findings, no pointer


@pytest.mark.parametrize("r", [r for r in all_rules() if r.chosen_by], ids=lambda r: r.id)
def test_a_rule_chosen_by_a_check_is_written_at_the_check(r: Rule) -> None:
    """``chosen_by`` lists codes whose check passes the rule id where it makes the
    finding: the code exists, does not cite the rule by its declaration already, and
    the id is written as a string in a check of the package."""
    checks = "\n".join(p.read_text(encoding="utf-8") for p in (SRC / "rules").glob("*.py"))
    for code in r.chosen_by:
        assert code in CODES
        declared = next(c for c in CATALOGUE if c.code == code)
        assert r.id not in {declared.rule, *(rid for _, rid in declared.other_rules)}
    assert re.search(rf'"[^"\n]*\b{r.id}\b[^"\n]*"', checks), f"{r.id} is in no check"
