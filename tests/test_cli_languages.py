"""The command line in Finnish, Swedish and English (issue #16 point 1).

``--lang fi|sv|en`` on every command, else the language of ``LC_ALL``/``LC_MESSAGES``/
``LANG`` (``fi_FI`` Finnish, ``sv_FI`` Swedish, anything else English): findings,
severity words, the summary, load errors, help texts and argparse's own words.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestoyhteistyo.cli import COMMANDS, main

#: English words that have no business in a Finnish or Swedish report (whole words).
ENGLISH = re.compile(
    r"\b(error|errors|warning|warnings|FAILED|Rules|expected|got|seat|member|deputy|"
    r"usage|options|the|cannot|file|show this help)\b"
)


def _cli(*argv: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    if lang is not None:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "jarjestoyhteistyo", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def _broken(tmp_path: Path) -> Path:
    """The shipped example composition with the chair's seat given a second chair."""
    text = Path("examples/vantaa-kerava-formal.yaml").read_text(encoding="utf-8")
    broken = re.sub(r"(functions:\s*\n\s*- )vice_chair", r"\1chair", text, count=1)
    assert broken != text
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "word"), [("fi_FI.UTF-8", "KUNNOSSA"), ("sv_FI.UTF-8", "I ORDNING")]
)
def test_the_issue_command_speaks_the_language_of_LANG(lang: str, word: str) -> None:
    done = _cli("validate", "vake", "examples/vantaa-kerava-formal.yaml", lang=lang)
    assert done.returncode == 0, done.stderr
    assert word in done.stdout
    assert not ENGLISH.search(done.stdout), done.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi_FI.UTF-8", ("VIRHE", "EI KUNNOSSA", "Säännöt:", "puheenjohtaja")),
        ("sv_FI.UTF-8", ("FEL", "INTE I ORDNING", "Regler:", "ordförande")),
    ],
)
def test_findings_severity_summary_and_rules_line_follow_the_language(
    tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    done = _cli("validate", "vake", str(_broken(tmp_path)), lang=lang)
    assert done.returncode == 1, done.stderr
    for word in words:
        assert word in done.stdout, (word, done.stdout)
    body = "\n".join(line.split(": ", 1)[-1] for line in done.stdout.splitlines())
    assert not ENGLISH.search(body), done.stdout


def test_lang_option_wins_over_the_environment(tmp_path: Path) -> None:
    done = _cli("validate", "vake", str(_broken(tmp_path)), "--lang", "sv", lang="fi_FI.UTF-8")
    assert "INTE I ORDNING" in done.stdout
    english = _cli("validate", "vake", str(_broken(tmp_path)), "--lang=en", lang="sv_FI.UTF-8")
    assert "FAILED" in english.stdout
    assert "2 errors" in english.stdout


def test_without_a_finnish_or_swedish_locale_the_command_line_is_english(tmp_path: Path) -> None:
    for lang in (None, "C", "de_DE.UTF-8", "en_US.UTF-8"):
        done = _cli("validate", "vake", str(_broken(tmp_path)), lang=lang)
        assert "FAILED" in done.stdout, lang


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", ("käyttö:", "valitsimet:", "näytä tämä ohje")),
        ("sv", ("användning:", "alternativ:", "visa detta hjälpmeddelande")),
    ],
)
def test_help_and_argparse_words_are_translated(
    lang: str, expected: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--help", "--lang", lang]) == 0
    out = capsys.readouterr().out
    for text in expected:
        assert text in out, (text, out)
    assert "show this help message" not in out
    assert "output format" not in out


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_in_every_language(
    name: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse %-formats each help text: a translation with a stray % would crash here."""
    assert main([name, "--help", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "--lang" in out
    if lang != "en":
        assert "show this help message" not in out


def test_a_usage_error_is_in_the_language_too() -> None:
    done = _cli("validte", lang="fi_FI.UTF-8")
    assert done.returncode == 2
    assert "virheellinen valinta" in done.stderr
    assert "invalid choice" not in done.stderr


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi_FI.UTF-8", ("tätä syötettä ei voi käyttää", "pitäisi olla kokonaisluku")),
        ("sv_FI.UTF-8", ("indata går inte att använda", "ska vara ett heltal")),
    ],
)
def test_load_errors_are_in_the_language(tmp_path: Path, lang: str, words: tuple[str, ...]) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("kind: general\nname: N\narea: A\ncap: lots\n", encoding="utf-8")
    done = _cli("check", str(rules), lang=lang)
    assert done.returncode == 2
    for word in words:
        assert word in done.stderr, (word, done.stderr)
    assert "expected" not in done.stderr


def test_json_keeps_english_for_programs_and_carries_every_language(tmp_path: Path) -> None:
    done = _cli("validate", "vake", str(_broken(tmp_path)), "--format", "json", lang="fi_FI.UTF-8")
    data = json.loads(done.stdout)
    first = data["findings"][0]
    assert {"message", "message_fi", "message_sv"} <= first.keys()
    assert first["message"] != first["message_fi"]
    rules = tmp_path / "rules.yaml"
    rules.write_text("kind: general\nname: N\narea: A\ncap: lots\n", encoding="utf-8")
    failed = json.loads(_cli("check", str(rules), "--format", "json", lang="sv_FI").stdout)
    [problem] = failed["error"]["problems"]
    assert problem["message"].startswith("expected a whole number")
    assert problem["message_sv"].startswith("ska vara ett heltal")
    assert failed["error"]["message"].endswith(": 1 problem")
    assert failed["error"]["message_fi"].endswith(": 1 ongelma")


def test_rules_explains_a_rule_in_all_three_languages_whatever_the_locale() -> None:
    done = _cli("rules", "FC-9", lang="fi_FI.UTF-8")
    assert done.returncode == 0
    assert all(
        f"[{lang}]" in done.stdout or f"{lang}:" in done.stdout for lang in ("fi", "sv", "en")
    )


@pytest.mark.parametrize(("lang", "label"), [("fi", "lähde:"), ("sv", "källa:")])
def test_rules_labels_its_parts_in_the_language_asked_for(
    lang: str, label: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "FC-9", "--lang", lang]) == 0
    text = capsys.readouterr().out
    assert label in text
    english = ("source:", "written for:", "codes:", "also:", "elsewhere", "chooses the rule")
    assert [w for w in english if w in text] == [], text


def _cli_phrases() -> list[str]:
    """The English phrases of the command line's own messages: each msgid of the
    catalogue found in ``cli.py``, cut at its ``{placeholders}``, pieces of two words
    or more. A Finnish or Swedish output holding one was not translated."""
    from babel.messages.pofile import read_po

    po = Path("src/jarjestoyhteistyo/locale/fi/LC_MESSAGES/jarjestoyhteistyo.po")
    with po.open("rb") as f:
        catalog = read_po(f)
    phrases: set[str] = set()
    for message in catalog:
        if not message.id or not any(p.endswith("cli.py") for p, _ in message.locations):
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        for text in ids:
            for piece in re.split(r"\{[^}]*\}|%\(?\w*\)?s|[():;'`]", text):
                piece = piece.strip(" ,.-–")
                if len(piece.split()) >= 2 and "jarjestoyhteistyo" not in piece:
                    phrases.add(piece)  # a command quoted is the same in every language
    return sorted(phrases)


#: Commands whose every line is the command line's own (their outputs, not a report).
_OUTPUTS = (
    ("presets",),
    ("terms", "--date", "2026-05-01", "--list"),
    ("rotation", "vake", "examples/vantaa-kerava-formal.yaml"),
    ("window", "vake", "--start", "2026-01-01"),
    ("window", "vake", "--start", "2026-01-01", "--first"),
    ("duties", "ku", "--year", "2027"),
    ("calendar", "vake", "--year", "2027"),
    ("codes", "JY210"),
    ("example", "vake", "--broken", "FC-9"),
    ("window", "ku", "--start", "2026-01-01", "--position", "2"),
    ("codes", "JY999"),
    ("rotation", "vake", "examples/vantaa-kerava-formal.yaml", "--years", "500"),
)


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("argv", _OUTPUTS, ids=" ".join)
def test_command_outputs_have_no_english_phrase_left(
    argv: tuple[str, ...], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    phrases = _cli_phrases()
    assert "membership windows of a seat from" in phrases  # the catalogue was read
    main([*argv, "--lang", lang])
    done = capsys.readouterr()
    text = done.out + done.err
    assert text.strip()
    left = [p for p in phrases if p in text]
    assert left == [], text


@pytest.mark.parametrize(("lang", "day"), [("fi", "ti 2027-01-05"), ("sv", "tis 2027-01-05")])
def test_the_calendar_names_weekdays_in_the_language(
    lang: str, day: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", "vake", "--year", "2027", "--lang", lang]) == 0
    assert day in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("fi", "Järjestöyhteistyön neuvottelukunta"),
        ("sv", "Delegationen för organisationssamarbete"),
        ("en", "NGO advisory council (formal cooperation body)"),
    ],
)
def test_the_body_is_named_in_the_language_of_the_report(
    lang: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "vake", "--lang", lang]) == 0
    summary = [line for line in capsys.readouterr().out.splitlines() if " — " in line]
    assert summary[-1].startswith(f"{name}: ")
