"""The message catalogues (issue #16 point 1): every message in Finnish and Swedish.

The English of every message is in the code; ``tools/catalogues.py`` extracts it with
Babel, and the ``.po`` files hold its Finnish and Swedish. These tests fail when a
message has no translation, when a translation drops or invents a ``{field}``, when a
``.mo`` file is older than its ``.po``, and when a translated message shows a value
the reader has a word for (``chair`` in a Finnish message) as its English identifier.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from jarjestoyhteistyo import check, validate
from jarjestoyhteistyo.codes import finding
from jarjestoyhteistyo.fictional.generate import BROKEN_RULES, GenerateError, generate
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.i18n import Joined, Term, Text, gettext, language_from_env, ngettext
from jarjestoyhteistyo.model.vocabulary import NOUNS, VOCABULARY
from jarjestoyhteistyo.presets import list_presets, load_cooperation_preset, load_preset
from jarjestoyhteistyo.rules.deputies import JY111

pytest.importorskip("babel")

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "tools" / "catalogues.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogues"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


def test_every_message_has_its_finnish_and_swedish_and_the_mo_files_are_current(
    tool: ModuleType,
) -> None:
    assert tool.problems() == []


def test_the_check_reports_a_missing_translation_and_a_lost_field(
    tool: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = tool.read

    def broken(lang: str):  # type: ignore[no-untyped-def]
        catalog = real_read(lang)
        if lang == "sv":
            catalog.get("deputy mode is {mode}").string = "ersättarmodellen"  # lost field
            catalog.delete("min is {min}")  # a missing translation
        return catalog

    monkeypatch.setattr(tool, "read", broken)
    found = tool.problems()
    assert any("sv: no translation of 'min is {min}'" in p for p in found)
    assert any("'deputy mode is {mode}'" in p and "fields" in p for p in found)
    assert all(p.startswith("sv: ") for p in found), found  # the Finnish is untouched


def test_every_code_reads_in_three_languages() -> None:
    f = finding(JY111, "deputies.mode", detail=Text("deputy mode is {mode}", mode="agreed"))
    assert f.message_en == "deputy mode is agreed"
    assert f.message_fi == "varajäsenmalli on agreed"
    assert f.message_sv == "ersättarmodellen är agreed"
    assert f.to_dict()["message_sv"] == f.message_sv
    assert f.params["detail"] == "deputy mode is agreed"  # a program reads the English


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "sv_FI.UTF-8"}, "sv"),
        ({"LANG": "sv_SE"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "sv_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "sv"),  # LC_ALL first
        ({"LC_MESSAGES": "fi_FI", "LANG": "sv_FI"}, "fi"),
        ({"LANGUAGE": "sv:fi", "LANG": "fi_FI.UTF-8"}, "sv"),  # GNU's list first
        ({"LANGUAGE": "sv", "LANG": "C"}, "en"),  # ... unless the locale is C
        ({"LANG": "fi"}, "fi"),
    ],
)
def test_the_language_comes_from_the_environment(env: dict[str, str], lang: str) -> None:
    assert language_from_env(env) == lang


def test_plural_forms_and_lists_follow_the_language() -> None:
    assert [ngettext("fi", "{n} error", "{n} errors", n).format(n=n) for n in (1, 2)] == [
        "1 virhe",
        "2 virhettä",
    ]
    assert ngettext("sv", "{n} warning", "{n} warnings", 3).format(n=3) == "3 varningar"
    assert Joined(["a", "b", "c"], "and").text_in("sv") == "a, b och c"
    assert gettext("xx", "error") == "error"  # an unknown language reads English


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_report_says_everything_in_its_language(lang: str) -> None:
    f = finding(JY111, "deputies.mode", detail=Text("deputy mode is {mode}", mode="agreed"))
    text = Report(subject="S", findings=(f,)).to_text(lang, rules_pointer=True)  # type: ignore[arg-type]
    for english in ("error", "warning", "FAILED", "OK", "Rules:", "deputy mode"):
        assert english not in text, (english, text)
    assert {"fi": "VAROITUS", "sv": "VARNING"}[lang] in text


# --- no English identifier in a translated message -------------------------------------
#: Each value the reader has a word for, with its words: the enum values of the vocabulary
#: and the nouns messages name things by.
WORDS: dict[str, dict[str, str]] = {
    **{
        str(member.value): {"fi": labels.get("fi"), "sv": labels.get("sv")}
        for member, labels in VOCABULARY.items()
    },
    **{noun: {"fi": labels.get("fi"), "sv": labels.get("sv")} for noun, labels in NOUNS.items()},
}


#: The parameters that hold ids of the user's own (a seat named ``secretary``).
IDS = frozenset({"seat", "seats", "member", "deputy", "organisation", "organisations", "id"})


def _corpus() -> list[Finding]:
    """Findings of every shipped rule set: its check, and a composition broken on each
    rule generate() can break."""
    out: list[Finding] = []
    for info in list_presets():
        if info.kind == "cooperation_model":
            out += check(load_cooperation_preset(info.name)).findings
            continue
        rules = load_preset(info.name)
        out += check(rules).findings
        for code in sorted({c for codes in BROKEN_RULES.values() for c in codes}):
            try:
                example = generate(rules, seed=3, broken=code)
            except GenerateError:
                continue  # not a rule of this kind of body
            out += validate(rules, example.composition).findings
    return out


@pytest.fixture(scope="module")
def corpus() -> list[Finding]:
    return _corpus()


def test_the_corpus_covers_many_codes(corpus: list[Finding]) -> None:
    assert len({f.code for f in corpus}) >= 20
    assert any(f.severity is Severity.ERROR for f in corpus)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_translated_message_shows_an_identifier_the_reader_has_a_word_for(
    corpus: list[Finding], lang: str
) -> None:
    leaks = []
    for f in corpus:
        message = f.message(lang)  # type: ignore[arg-type]
        for name, value in f.params.items():
            if name in IDS:
                continue  # an id is the user's own, whatever word it happens to be
            for item in value if isinstance(value, tuple) else (value,):
                words = WORDS.get(item) if isinstance(item, str) else None
                if not words or words[lang] == item:
                    continue
                if re.search(rf"(?<![\w-]){re.escape(item)}(?![\w-])", message):
                    leaks.append(f"{f.code} {name}={item!r}: {message}")
    assert not leaks, "\n".join(sorted(set(leaks))[:40])


def test_a_term_keeps_its_value_for_programs() -> None:
    t = Term("chair", fi="puheenjohtaja", sv="ordförande")
    assert (str(t), t.text_in("sv"), t.text_in("en")) == ("chair", "ordförande", "chair")
    assert t == Term("chair")
    assert hash(t) == hash(Term("chair"))


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel reads an f-string as one token: ``f"{_('aliases')}"`` is never extracted,
    so the text would stay English in every language. The package marks none there."""
    hidden = re.compile(r"""\{\s*(?:_|N_|gettext|pgettext|ngettext|Text)\(""")
    found = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "src" / "jarjestoyhteistyo").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""\bf["']""", line) and hidden.search(line)
    ]
    assert found == []
