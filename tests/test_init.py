"""``jarjestoyhteistyo init KIND`` (issue #16 point 4): a commented starter file.

Every kind's starter, in every language, names each placeholder left in it when
loaded as written, loads once they are replaced, and ``check`` (or ``validate``) then
runs on it without a load problem; every key of the kind is in it with
its meaning in the reader's language; what is commented out is YAML once uncommented.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
import yaml

from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.i18n import LANGUAGES, Lang
from jarjestoyhteistyo.io.serialize import loads_any
from jarjestoyhteistyo.io.starter import _CLASSES, STARTER_KINDS, starter
from jarjestoyhteistyo.model.meanings import KIND, MEANINGS

CASES = [(kind, lang) for kind in STARTER_KINDS for lang in LANGUAGES]


def _uncommented(text: str) -> str:
    """``text`` with every key uncommented: ``#key: v`` and ``#  key: v`` lose their ``#``,
    a comment (``# text``) stays."""
    return "\n".join(
        line[1:] if line.startswith("#") and not re.match(r"# \S", line) else line
        for line in text.splitlines()
    )


def test_the_kinds_are_the_tagged_documents_and_a_composition() -> None:
    assert STARTER_KINDS == (
        "general",
        "formal_committee",
        "open_forum",
        "theme_network_council",
        "cooperation_model",
        "composition",
    )


def _filled(text: str) -> str:
    """``text`` with each required key's placeholder replaced, as the reader would."""
    return text.replace(': "..."', ": Example")


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_a_starter_loads_once_its_placeholders_are_replaced(kind: str, lang: Lang) -> None:
    _, value = loads_any(_filled(starter(kind, lang)), ("ruleset", "cooperation", "composition"))
    assert type(value) is _CLASSES[kind]
    assert getattr(value, "name", "Example") in ("Example", "")


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_a_placeholder_left_is_named_not_taken_for_a_value(kind: str, lang: Lang) -> None:
    text = starter(kind, lang)
    left = [m.group(1) for m in re.finditer(r'^(\w+): "\.\.\."$', text, re.M)]
    kinds = ("ruleset", "cooperation", "composition")
    if not left:  # a composition has no required key of its own
        loads_any(text, kinds)
        return
    with pytest.raises(LoadError) as caught:
        loads_any(text, kinds)
    assert sorted(p.path for p in caught.value.problems) == sorted(left)
    assert all("placeholder" in str(p) for p in caught.value.problems)


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_check_runs_on_a_starter_without_a_load_problem(
    kind: str, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{kind}.yaml"
    assert main(["init", kind, "--lang", lang, "-o", str(path)]) == 0
    path.write_text(_filled(path.read_text(encoding="utf-8")), encoding="utf-8")
    argv = ["validate", "vake", str(path)] if kind == "composition" else ["check", str(path)]
    status = main([*argv, "--lang", lang])
    err = capsys.readouterr().err
    assert status in (0, 1), err  # findings, maybe; never unusable input (2)
    assert "cannot use" not in err


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_every_key_is_there_and_uncommented_it_is_yaml(kind: str, lang: Lang) -> None:
    data = yaml.safe_load(_uncommented(starter(kind, lang)))
    cls = _CLASSES[kind]
    assert list(data) == ["kind", *(f.name for f in attrs.fields(cls))]
    assert data["kind"] == kind


def test_nested_keys_and_list_entries_are_written_out() -> None:
    data = yaml.safe_load(_uncommented(starter("general")))
    [group] = data["seat_groups"]
    assert {"id", "source", "seats", "need", "categories", "nominated_by"} <= set(group)
    assert group["id"] == "..."  # required: a placeholder
    assert data["meetings"]["hours"] == 2.0  # optional: its default
    assert data["term"]["rotation"] == 1.0
    # a kind's own defaults of a nested mapping are shown
    formal = yaml.safe_load(_uncommented(starter("formal_committee")))
    assert formal["term"]["rotation"] == 0.5
    assert formal["meetings"]["per_year"] == {"min": 4, "max": 6}
    assert formal["required_functions"][0] == "secretary"  # the default entry, then the form
    composition = yaml.safe_load(_uncommented(starter("composition")))
    assert composition["seats"][0]["person"]["role"] == "..."


def _comments(text: str) -> set[str]:
    """Every comment's text, its wrapped lines joined."""
    out, current = [], []
    for line in text.splitlines():
        m = re.match(r"#?\s*# (.*)$", line)
        if m:
            current.append(m[1])
            continue
        if current:
            out.append(" ".join(current))
            current = []
    return set(out)


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("kind", STARTER_KINDS)
def test_a_translated_starter_has_no_english_meaning(kind: str, lang: Lang) -> None:
    text = starter(kind, lang)
    english = set(MEANINGS.values()) | {KIND}
    comments = _comments(text)
    assert not any(m in c for c in comments for m in english), kind
    assert "replace the placeholder" not in text
    assert "one of:" not in text
    assert "Check the file" not in text
    assert _comments(starter(kind)) != comments


def test_the_meaning_is_above_its_key() -> None:
    text = starter("formal_committee", "sv")
    i = text.index("\n#members_per_category: 2\n")
    assert text[:i].endswith("# Antalet ledamöter per föreningskategori: 1 eller 2.")
    j = text.index('\nname: "..."\n')
    assert text[:j].endswith("# obligatorisk: ersätt platshållaren med ditt eget värde")
    assert "# Kontrollera filen med: jarjestoyhteistyo check FILE" in text
    assert "jarjestoyhteistyo validate RULES FILE" in starter("composition", "fi")


def test_an_unknown_kind_is_status_2_naming_the_kinds_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["init", "formal_comittee", "--lang", "fi"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "tarkoititko 'formal_committee'?" in captured.err
    assert ", ".join(STARTER_KINDS) in captured.err
    assert main(["init", "xyz", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert "det finns ingen startfil av typen 'xyz'; typerna: general," in err


def test_output_file_is_written_whole_and_stdout_stays_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "council.yaml"
    assert main(["init", "theme_network_council", "--lang", "sv", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == starter("theme_network_council", "sv")
    assert main(["init", "open_forum"]) == 0
    assert capsys.readouterr().out == starter("open_forum", "en")


def test_an_unknown_kind_writes_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.yaml"
    assert main(["init", "nothing", "-o", str(target)]) == 2
    assert not target.exists()


def test_help_names_the_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--help", "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert "tiedoston laji: general, formal_committee" in out
    assert "YAML-aloitustiedosto" in out
