"""Errors in the reader's language (issue #16 points 1 and 6).

Every error a command-line user can meet says, in Finnish and Swedish as in English,
what was expected and what was given. For a sample of the error sites of each module,
the error is raised and its message read in each language: the Finnish and the Swedish
differ from the English and hold none of the English template's words (a message left
untranslated, or half translated, fails). The texts the modules compose for the
command line (a membership window's rule, a rhythm, a feasibility, an explanation)
are read in each language too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.errors import JarjestoError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text

#: Words of the English templates that a translation keeps on purpose: names of keys,
#: arguments, functions, formats and programs the reader types as they are (a
#: ``key_name`` with an underscore is kept in any case).
_KEPT = {
    "fraction",
    "json",
    "markdown",
    "text",
    "jarjestoyhteistyo",
    "rules",
    "load_cooperation_preset",
    "load_preset",
    "pseudonym",
    "redactor",
    # the same word in English and Swedish (or the key or word the English quotes)
    "byte",
    "compare",
    "format",
    "organisation",
    "plan",
    "start",
    "term",
    "tunnus",
    "windows",
}


def _words(text: str) -> set[str]:
    """The words of four letters or more in ``text``, lower-cased (identifiers whole)."""
    return {w.lower() for w in re.findall(r"[^\W\d]{4,}(?:_[^\W\d]+)*", text)}


def _template_words(text: Text) -> set[str]:
    """The English words of ``text``'s template (placeholders left out), and of the
    templates of the texts among its parameters."""
    words = _words(re.sub(r"\{[^{}]*\}", " ", text.template))
    for value in text.params.values():
        if isinstance(value, Text):
            words |= _template_words(value)
    return {w for w in words if "_" not in w} - _KEPT  # a key_name is kept as it is


def _assert_translated(text: Text | None, english: str, in_lang: Callable[[str], str]) -> None:
    assert text is not None, f"not translatable: {english!r}"
    assert in_lang("en") == english
    msgid_words = _template_words(text)
    for lang in ("fi", "sv"):
        message = in_lang(lang)
        assert message != english, f"{lang}: the same as the English: {english!r}"
        left = msgid_words & _words(message)
        assert not left, f"{lang}: English words {sorted(left)} in {message!r}"


def _error(call: Callable[[], Any], kind: type[Exception] = JarjestoError) -> JarjestoError:
    with pytest.raises(kind) as info:
        call()
    exc = info.value
    assert isinstance(exc, JarjestoError)
    return exc


def _check(call: Callable[[], Any], kind: type[Exception] = JarjestoError) -> JarjestoError:
    exc = _error(call, kind)
    text = exc.text if isinstance(exc.text, Text) else None
    _assert_translated(text, str(exc), exc.message_in)
    return exc


def _check_problem(problem: Problem) -> None:
    text = problem.text if isinstance(problem.text, Text) else None
    _assert_translated(text, problem.message, problem.message_in)


# ------------------------------------------------------------------------- calc
def test_terms() -> None:
    from jarjestoyhteistyo.calc.terms import check_year, council_term_on, membership_window
    from jarjestoyhteistyo.model.rulesets import TermMode, TermPolicy

    exc = _check(lambda: check_year(10_000), ValueError)
    assert exc.message_in("fi") == "vuosi 10000 ei osu vuosille 1900–2200"
    _check(lambda: council_term_on(date(2022, 2, 28)))
    agreed = TermPolicy(mode=TermMode.AGREED)
    exc = _check(lambda: membership_window(agreed, date(2026, 1, 1), index=1))
    assert "sovittava" in exc.message_in("fi")  # the term mode in words
    _check(
        lambda: membership_window(TermPolicy(months=1, rotation=0.5), date(2026, 1, 1), first=True)
    )


def test_meetings() -> None:
    from jarjestoyhteistyo.calc.meetings import meeting_dates, parse_time, parse_weekday
    from jarjestoyhteistyo.model.rulesets import IntRange, MeetingPolicy

    _check(lambda: parse_weekday("5tu"))
    _check(lambda: parse_time("25:00"))
    policy = MeetingPolicy(per_year=IntRange(min=4, max=6))
    _check(lambda: meeting_dates(policy, 2026, count=9))
    exc = _check(lambda: meeting_dates(policy, 1800))  # a TermError, carried over
    assert "1800" in exc.message_in("sv")


def test_schedule() -> None:
    from jarjestoyhteistyo.calc.schedule import SeasonSpan

    _check(lambda: SeasonSpan(start_month=13, end_month=12))


def test_duties() -> None:
    from jarjestoyhteistyo.calc.duties import duty_periods, rotating_duty
    from jarjestoyhteistyo.model.rulesets import RotatingDuty

    _check(lambda: rotating_duty((), date(2026, 1, 1), 12, 2))
    chair = RotatingDuty(duty="vice_chair", turns=())
    exc = _check(lambda: duty_periods(chair, date(2026, 1, 1), date(2026, 12, 31)))
    assert "varapuheenjohtaja" in exc.message_in("fi")  # the duty in words


def test_rotation() -> None:
    from jarjestoyhteistyo.calc.rotation import term_months
    from jarjestoyhteistyo.model.rulesets import TermMode, TermPolicy

    _check(lambda: term_months(None))
    _check(lambda: term_months(TermPolicy(mode=TermMode.AGREED)))


# --------------------------------------------------------------------------- io
def test_register_load_problems_and_rows() -> None:
    from jarjestoyhteistyo.io.register import read_register

    exc = _error(lambda: read_register("nimi;tapahtumat\nA;2\n"), LoadError)
    assert isinstance(exc, LoadError)
    _check_problem(exc.problems[0])
    exc = _error(lambda: read_register(b"id\n\x81\x8d\x8f\n"), LoadError)
    assert isinstance(exc, LoadError)
    _check_problem(exc.problems[0])
    rows = read_register("id;tapahtumat;rekisteröity\na1;paljon;31.2.2020\na2;1;\na2;2;\n").problems
    assert len(rows) == 3
    for row in rows:
        text = row.text if isinstance(row.text, Text) else None
        _assert_translated(text, row.message, row.message_in)


def test_redact(tmp_path: Path) -> None:
    from jarjestoyhteistyo.io.redact import load_key, pseudonym

    short = tmp_path / "short.key"
    short.write_bytes(b"too short")
    exc = _check(lambda: load_key(short))
    assert str(short) in exc.message_in("fi")
    _check(lambda: pseudonym("Aino"))


def test_tables_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from jarjestoyhteistyo.io import tables

    real = importlib.import_module

    def no_pandas(name: str, *args: Any) -> Any:
        if name == "pandas":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(tables.importlib, "import_module", no_pandas)
    exc = _error(lambda: tables.dataframe([], ("a",), caller="to_frame()"), ImportError)
    assert "pip install 'jarjestoyhteistyo[pandas]'" in exc.message_in("sv")
    assert exc.message_in("fi") != str(exc)


def test_schema() -> None:
    from jarjestoyhteistyo.io import schema

    builder = schema._Builder()  # a type no model uses: a bug, said in words
    exc = _error(lambda: builder.type(complex), TypeError)
    assert exc.message_in("fi").startswith("tyypille")


# --------------------------------------------------------------------- analysis
def test_simulate() -> None:
    from jarjestoyhteistyo.analysis.simulate import simulate_attrition

    rules = jy.load_preset("keski-uusimaa")
    _check(lambda: simulate_attrition(rules, None, dropout_per_year=1.5, seed=0))
    _check(lambda: simulate_attrition(rules, None, dropout_per_year=0.1, runs=0, seed=0))


def test_compare_scorecard_metrics() -> None:
    from jarjestoyhteistyo.analysis.compare import compare
    from jarjestoyhteistyo.analysis.metrics import metrics
    from jarjestoyhteistyo.analysis.scorecard import scorecard

    rules = jy.load_preset("keski-uusimaa")
    _check(lambda: compare())
    _check(lambda: compare(rules, rules, labels=["a"]))
    _check(lambda: scorecard(rules, weights={"xyz": 1.0}))
    _check(lambda: scorecard(rules, weights=dict.fromkeys(("openness",), -1.0)))
    _check(lambda: metrics(rules, fee_per_meeting=-1.0))


def test_ecosystem_and_roadmap() -> None:
    from jarjestoyhteistyo.analysis.ecosystem import classify
    from jarjestoyhteistyo.analysis.roadmap import render
    from jarjestoyhteistyo.model.associations import Association

    _check(lambda: classify(Association(id="a1"), as_of=date(1800, 1, 1)))
    _check(lambda: render(None, "pdf"))  # type: ignore[arg-type]


# ------------------------------------------------------------------------ model
def test_model_values() -> None:
    from jarjestoyhteistyo.model.associations import Association
    from jarjestoyhteistyo.model.categories import Labels
    from jarjestoyhteistyo.model.composition import Organisation
    from jarjestoyhteistyo.model.planner import check_laid_out

    exc = _check(lambda: Organisation(id=" ", name="Yhdistys ry"))
    assert exc.message_in("sv") == "id får inte vara tomt"
    _check(lambda: Labels())
    _check(lambda: Association(id="a1", events_attended=-1))
    huge = jy.FormalCommittee(name="x", area="y", members_per_category=100_000)
    _check(lambda: check_laid_out(huge))


def test_register_document_duplicate_ids() -> None:
    from jarjestoyhteistyo.io.register import loads_register_yaml

    exc = _error(lambda: loads_register_yaml("associations: [{id: a1}, {id: a1}]"), LoadError)
    assert isinstance(exc, LoadError)
    problem = exc.problems[0]
    assert problem.message_in("fi").startswith("tunnus 'a1' toistuu")


# -------------------------------------------------------------------- selection
def test_selection_errors() -> None:
    from jarjestoyhteistyo.selection.lottery import selection_probabilities
    from jarjestoyhteistyo.selection.succession import History, composition_at

    rules = jy.load_preset("keski-uusimaa")
    _check(lambda: selection_probabilities(rules, [], runs=-1))
    initial = jy.Composition(as_of=date(2026, 1, 1))
    _check(lambda: composition_at(rules, initial, History(), date(2025, 1, 1)))


def test_selection_texts() -> None:
    from jarjestoyhteistyo.model.composition import Organisation, Person, Role
    from jarjestoyhteistyo.model.registrations import Registration
    from jarjestoyhteistyo.selection import propose
    from jarjestoyhteistyo.selection.feasible import feasibility

    rules = jy.FormalCommittee(name="x", area="y", members_per_category=1)
    one = [
        Registration(
            organisation=Organisation(id="p", categories=frozenset({"pensioners"})),
            member=Person(role=Role.VOLUNTEER),
        )
    ]
    f = feasibility(rules, one)
    for lang in ("fi", "sv"):
        assert f.explain(lang) != f.explain()
        assert not {"seats", "filled", "registrations", "another"} & _words(f.explain(lang))
    proposal = propose(rules, one, seed=0)
    x = proposal.explanations[0]
    seat = f" {x.seat}" if x.seat else ""
    assert x.text() == f"registration 0 (p): {x.outcome.value}{seat} — {x.reason} ({x.rule})"
    assert x.text("fi").startswith("ilmoittautuminen 0 (p): ")
    assert x.reason not in x.text("fi")
    assert x.reason not in x.text("sv")
    text_fi = proposal.to_text("fi")
    assert text_fi.startswith("Ehdotus (siemenluku 0): Vain ")
    assert "Perustelut:" in text_fi
    assert proposal.to_dict()["explanations"][0]["reason"] == x.reason  # JSON stays English


# -------------------------------------------------------------------- fictional
def test_fictional() -> None:
    from jarjestoyhteistyo.fictional.breakers import resolve_broken
    from jarjestoyhteistyo.fictional.furnish import share
    from jarjestoyhteistyo.fictional.generate import generate

    rules = jy.load_preset("keski-uusimaa")
    _check(lambda: generate("keski-uusimaa", seed=0, registrations=-1))
    _check(lambda: generate("keski-uusimaa", seed=0, registrations=1))
    exc = _check(lambda: resolve_broken(rules, "XX-1"))
    assert "'XX-1'" in exc.message_in("sv")
    _check(lambda: share(2.0, "volunteer_share"))


# ------------------------------------------------------ presets, codes, rules
def test_presets_catalogue_rulebook() -> None:
    from jarjestoyhteistyo.catalogue import build_catalogue
    from jarjestoyhteistyo.presets import load_cooperation_preset
    from jarjestoyhteistyo.rulebook import rule
    from jarjestoyhteistyo.rules.deputies import JY205

    exc = _check(lambda: jy.load_preset("vantaa-kereva"), KeyError)
    assert "vantaa-kerava" in exc.message_in("fi")  # the suggestion, in every language
    _check(lambda: load_cooperation_preset("keski-uusimaa"), TypeError)
    _check(lambda: build_catalogue((JY205,), (JY205,)))
    exc = _check(lambda: rule("fc-99"), KeyError)
    assert "FC-9" in exc.message_in("sv")


# ------------------------------------------------------------ texts, not errors
def test_window_rule_in_every_language() -> None:
    from jarjestoyhteistyo.calc.duties import duty_turn
    from jarjestoyhteistyo.calc.terms import Window, membership_window
    from jarjestoyhteistyo.model.rulesets import RotatingDuty, TermMode, TermPolicy

    windows = [
        membership_window(TermPolicy(mode=TermMode.FIXED, months=24), date(2026, 1, 1)),
        membership_window(TermPolicy(mode=TermMode.COUNCIL), date(2026, 1, 1), index=1),
        membership_window(
            TermPolicy(mode=TermMode.COUNCIL_FRACTION, fraction=0.5), date(2026, 1, 1)
        ),
        membership_window(
            TermPolicy(months=24, first_term_months=(12, 24)), date(2026, 1, 1), first=True
        ),
        membership_window(
            TermPolicy(months=24, rotation=0.5, first_term_end=date(2026, 6, 30)),
            date(2026, 1, 1),
            first=True,
            index=1,
        ),
        membership_window(TermPolicy(mode=TermMode.AGREED), date(2026, 1, 1)),
    ]
    chair = RotatingDuty(
        duty="vice_chair",
        start=date(2026, 1, 1),
        period_months=12,
        holders=("a", "b"),
        repeats=True,
    )
    turn = duty_turn(chair, 2)
    assert turn is not None
    windows.append(turn.window)
    for w in windows:
        text = w.text if isinstance(w.text, Text) else None
        _assert_translated(text, w.rule, w.rule_in)
    assert "aluevaltuuston" in windows[1].rule_in("fi")
    assert "varapuheenjohtaja" in turn.window.rule_in("fi")
    assert turn.window.rule.startswith("rotating duty vice_chair: turn 3")  # as before
    plain = Window(start=date(2026, 1, 1), end=None, rule="agreed (OF-8)")
    assert plain.rule_in("fi") == "agreed (OF-8)"  # made with English only: kept


def test_ecosystem_report_in_every_language() -> None:
    from jarjestoyhteistyo.analysis.ecosystem import analyse
    from jarjestoyhteistyo.io.register import read_register

    read = read_register("id;tapahtumat\na1;2\na2;paljon\n")
    report = analyse(read.associations, as_of=date(2026, 1, 1), problems=read.problems)
    english = report.to_text()
    assert english.startswith("Actor ecosystem (JP-4): 1 association on 2026-01-01")
    assert "line 3, events_attended: 'paljon' is not a whole number" in english
    finnish, swedish = report.render("text", "fi"), report.to_markdown("sv")
    assert finnish.startswith("Toimijaekosysteemi (JP-4): 1 yhdistys 2026-01-01")
    assert "rivi 3, events_attended: 'paljon' ei ole kokonaisluku" in finnish
    assert "Suggested actions" not in finnish
    assert swedish.startswith("# Aktörsekosystemet den 2026-01-01")
    assert all(a.text_in("sv") != a.text for a in report.actions)
    data = report.to_dict()  # the JSON form stays English, with the keys it had
    assert set(data["register_problems"][0]) == {"line", "message", "column", "value"}
    assert set(data["actions"][0]) == {"rule", "about", "count", "text"}
    assert data["actions"][0]["text"] == report.actions[0].text


def test_rhythm_and_level_in_every_language() -> None:
    from fractions import Fraction

    from jarjestoyhteistyo.calc.schedule import Recurrence, Unit
    from jarjestoyhteistyo.model.roadmap import Level

    r = Recurrence(times=1, every=Fraction(3, 2), unit=Unit.MONTH, at_least=True)
    assert r.describe() == "at least 1 time(s) every 1.5 month(s)"
    assert r.describe("fi") == "vähintään 1 krt / 1,5 kk"
    assert r.describe("sv") == "minst 1 gång(er) per 1,5 mån"
    assert Level(value=0.5, text="kysely").describe("sv") == "0,5 (kysely)"


# ------------------------------------------------------------ a plain message
def test_a_plain_string_message_still_works() -> None:
    """An error raised with an English string (a caller's own, or an older site) keeps
    it as the message in every language."""
    exc = JarjestoError("something went wrong")
    assert str(exc) == "something went wrong"
    assert exc.text is None
    assert [exc.message_in(lang) for lang in ("fi", "sv", "en")] == ["something went wrong"] * 3
    empty = JarjestoError()
    assert empty.message_in("fi") == ""
    specific = jy.errors.TermError("a term of no length")
    assert isinstance(specific, ValueError)
    assert specific.message_in("sv") == "a term of no length"
    with pytest.raises(ValueError, match="no length"):
        raise specific


def test_a_models_own_check_reaches_the_load_problem_in_the_language() -> None:
    """A value a model class refuses itself (an empty label) is a load problem whose
    reason is in the reader's language, not the English of the exception."""
    text = "kind: formal_committee\nname: X\narea: Y\ncategories:\n  - code: a\n    labels: {}\n"
    with pytest.raises(LoadError) as caught:
        jy.loads_ruleset(text)
    [problem] = caught.value.problems
    assert problem.path == "categories[0].labels"
    english = problem.message_in("en")
    assert "at least one of fi, sv and en" in english
    assert "vähintään yhden" in problem.message_in("fi")
    assert "at least one" not in problem.message_in("sv")


def test_the_system_s_reason_is_in_the_reader_s_language(tmp_path: Path) -> None:
    """A missing file was "tiedostoa ei voi lukea: No such file or directory": the
    common reasons of the system are said in Finnish and Swedish too, any other stays
    the system's own words."""
    import errno

    from jarjestoyhteistyo.io.files import os_reason

    with pytest.raises(jy.LoadError) as exc:
        jy.load_ruleset(tmp_path / "missing.yaml")
    (problem,) = exc.value.problems
    assert problem.message_in("fi") == "tiedostoa ei voi lukea: tiedostoa tai kansiota ei ole"
    assert problem.message_in("sv").endswith("filen eller mappen finns inte")
    assert "No such file or directory" in problem.message_in("en")
    denied = os_reason(PermissionError(errno.EACCES, "Permission denied"))
    assert (denied.text_in("fi"), denied.text_in("sv")) == (
        "ei käyttöoikeutta",
        "behörighet saknas",
    )
    other = os_reason(OSError(errno.EIO, "Input/output error"))
    assert other.text_in("fi") == other.text_in("en") == "Input/output error"
