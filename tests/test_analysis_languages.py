"""The comparison and the roadmap evaluation speak the reader's language (issue #16).

``compare`` and ``roadmap evaluate`` write their words in Finnish or Swedish with
``--lang fi|sv``: the metrics, units, yes/no, the column headings (the bodies' own
names), the SWOT's parts and the scorecard rows; the roadmap's words and statuses.
The English strings checked against are taken from the label tables, so a label that
stays English fails here. JSON stays English, with the metric ids programs read.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.compare import (
    CRITERIA,
    METRIC_DEFINITIONS,
    METRIC_LABELS,
    compare,
    criterion_label,
    unit_label,
)
from jarjestoyhteistyo.analysis.evaluation import TargetState, state_label, status_label
from jarjestoyhteistyo.analysis.roadmap import evaluate, load_example, render
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.i18n import gettext, pgettext
from jarjestoyhteistyo.model.roadmap import Basis, Status
from jarjestoyhteistyo.model.vocabulary import label as word_of

LANGS = ("fi", "sv")
ROADMAP = Path(jy.__file__).parent / "presets" / "roadmaps" / "vantaa-kerava.yaml"
AS_OF = "2026-06-01"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


# ------------------------------------------------------------------ comparison


def _first_cells(lines: list[str], split: str) -> list[list[str]]:
    if split == "text":
        return [re.split(r"\s{2,}", line.strip()) for line in lines if line.strip()]
    rows = [line.strip().strip("|").split(" | ") for line in lines if line.startswith("|")]
    return [[c.strip() for c in row] for row in rows if not row[0].startswith("---")]


def _html_rows(text: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", text)
    return [[html.unescape(c) for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", r)] for r in rows]


def _rows(fmt: str, out: str) -> list[list[str]]:
    if fmt == "html":
        return _html_rows(out)
    return _first_cells(out.splitlines(), fmt)


def test_every_metric_has_a_label_in_finnish_and_swedish() -> None:
    assert set(METRIC_LABELS) == {name for name, _unit, _definition in METRIC_DEFINITIONS}
    for lang in LANGS:
        for metric, label in METRIC_LABELS.items():
            assert label.text_in(lang) != str(label), (lang, metric)
        words = [label.text_in(lang) for label in METRIC_LABELS.values()]
        assert len(set(words)) == len(words), lang  # no two rows read alike


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_compare_speaks_the_language(
    capsys: pytest.CaptureFixture[str], lang: str, fmt: str
) -> None:
    out = run(capsys, "compare", "vake", "ku", "--lang", lang, "--format", fmt)
    rows = _rows(fmt, out)
    header, body = rows[0], rows[1:]
    vake, ku = jy.load_preset("vake"), jy.load_preset("ku")
    # the headings: metric, unit, the bodies' names in the language
    assert header[0] == pgettext(lang, "comparison column", "metric") != "metric"
    assert header[1] == pgettext(lang, "comparison column", "unit") != "unit"
    assert header[2:] == [vake.name_in(lang), ku.name_in(lang)]
    assert vake.name not in header
    assert ku.name not in header
    # the metrics' labels, not their ids or English labels
    firsts = [row[0] for row in body]
    english = {str(label) for label in METRIC_LABELS.values()} | set(METRIC_LABELS)
    truncated = fmt == "text"  # a terminal column is cut at 48 characters
    for metric, label in METRIC_LABELS.items():
        word = label.text_in(lang)
        assert (word[:47] if truncated and len(word) > 48 else word) in {
            f.rstrip("…") for f in firsts
        }, metric
    assert not english & set(firsts)
    assert not any(f.startswith("score:") for f in firsts)
    # the scorecard rows: each criterion in words
    for c in CRITERIA:
        assert any(criterion_label(c.id, lang) in f for f in firsts), c.id
        assert not any(c.label == f for f in firsts) or criterion_label(c.id, lang) == c.label
    # units and yes/no in the language
    units = {row[1] for row in body}
    for unit in ("seats", "persons", "yes/no", "months", "meetings/year"):
        assert unit_label(unit, lang) in units
        assert unit not in units
    by_metric = dict(zip(METRIC_LABELS, body, strict=False))
    yes, no = pgettext(lang, "answer", "yes"), pgettext(lang, "answer", "no")
    assert by_metric["open_registration"][2:] == [yes, yes]
    assert by_metric["continuous_joining"][2:] == [no, yes]
    cells = {c for row in body for c in row[2:]}
    assert not {"yes", "no"} & cells
    # the name row in the language, the codes in words
    assert by_metric["name"][2:] == header[2:]
    assert by_metric["appointing_authority"][2] != "committee"
    assert by_metric["chair"][2] != "dialogue_with_committee"
    # the SWOT's parts named in words, not S:/W:/O:/T:
    swot = by_metric["swot"][2]
    assert swot.startswith(pgettext(lang, "SWOT", "S") + ":")
    assert not swot.startswith("S: ")
    if fmt != "text":
        assert " | W: " not in out
        assert " | T: " not in out
    if fmt == "html":
        assert "Comparison of structures" not in out
        assert pgettext(lang, "comparison", "Comparison of structures") in out


@pytest.mark.parametrize("lang", LANGS)
def test_compare_json_stays_english(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    data = json.loads(run(capsys, "compare", "vake", "ku", "--lang", lang, "--format", "json"))
    english = json.loads(run(capsys, "compare", "vake", "ku", "--format", "json"))
    assert data == english
    assert [r["metric"] for r in data["rows"]][: len(METRIC_LABELS)] == list(METRIC_LABELS)
    assert data["labels"] == [jy.load_preset("vake").name, jy.load_preset("ku").name]
    assert data["rows"][2]["unit"] == "seats"


def test_compare_records_keep_the_ids() -> None:
    table = compare(jy.load_preset("vake"), jy.load_preset("ku"), labels=("VK", "KU"))
    assert table.to_records()[2] == {"metric": "ngo_seats", "unit": "seats", "VK": 16, "KU": 10}
    english = table.to_text()
    assert "ngo_seats" in english
    assert "yes/no" in english
    assert table.to_text(lang="en") == english
    finnish = table.to_text(lang="fi")
    assert finnish.splitlines()[0].split()[-2:] == ["VK", "KU"]  # given labels as given
    assert METRIC_LABELS["ngo_seats"].text_in("fi") in finnish


# --------------------------------------------------------------------- roadmap


def _roadmap_english() -> list[str]:
    """The English words the roadmap reports used to be written in."""
    return [
        "evaluation as of",
        "Completion of due milestones",
        " milestone: ",
        "not reported",
        "partly achieved",
        "no plan",
        "overdue: ",
        "(due ",
        "no responsible unit",
        "Carried over",
        "Binding targets",
        "baseline:",
        "Draft plan",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_evaluate_text_speaks_the_language(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = run(capsys, "roadmap", "evaluate", str(ROADMAP), "--as-of", AS_OF, "--lang", lang)
    for english in _roadmap_english():
        assert english not in out, english
    for status in (None, Status.PARTLY_ACHIEVED, Status.ACHIEVED):
        # the preset's statuses are inferred (seed 003 states none): said in the language
        inferred = word_of(Basis.INFERRED, lang)
        shown = status_label(status, lang) + ("" if status is None else f" ({inferred})")
        assert f": {shown} [" in out
    assert gettext(lang, "no plan") in out
    assert status_label(Status.ACHIEVED, lang) != status_label(Status.ACHIEVED)
    # the 2024 target's latest entry is April's interim report "in progress"
    assert state_label(TargetState.NO_FINAL_DATA, lang) in out
    assert state_label(TargetState.NOT_MET, lang) not in out
    assert "no final data" not in out
    assert " not met" not in out
    # the findings in the language too, their statuses in words
    assert "WARNING" not in out
    assert "not reported" not in out
    # the roadmap's own content stays as written
    assert "Common direction and metrics" in out


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_evaluate_markdown_speaks_the_language(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = run(
        capsys, "roadmap", "evaluate", str(ROADMAP), "--as-of", AS_OF, "--lang", lang,
        "--format", "markdown",
    )  # fmt: skip
    for english in (*_roadmap_english(), "Action area", "Milestone status", "Findings"):
        assert english not in out, english
    inferred = word_of(Basis.INFERRED, lang)
    assert f"| {status_label(Status.PARTLY_ACHIEVED, lang)} ({inferred}) |" in out
    assert f"({word_of(Basis.INFERRED)})" not in out
    assert f"| {status_label(None, lang)} |" in out
    assert pgettext(lang, "roadmap column", "No responsible unit") in out
    assert "**warning**" not in out


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_json_stays_english(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    argv = ("roadmap", "evaluate", str(ROADMAP), "--as-of", AS_OF, "--format", "json")
    data = json.loads(run(capsys, *argv, "--lang", lang))
    assert data["goals"][0]["areas"][0]["milestones"][1]["status"] == "partly_achieved"
    english = json.loads(run(capsys, *argv))
    assert {k: v for k, v in data.items() if k != "findings"} == {
        k: v for k, v in english.items() if k != "findings"
    }


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_check_speaks_the_language(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    out = run(capsys, "roadmap", "check", str(ROADMAP), "--lang", lang)
    assert "WARNING" not in out
    assert "no responsible unit" not in out


def test_roadmap_english_default_is_unchanged() -> None:
    doc = load_example()
    ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    text = ev.to_text()
    assert text.splitlines()[1] == "Completion of due milestones: 64 %"
    assert render(ev, "text", lang="en") == text
    assert "milestone: partly achieved (inferred)" in text
    assert render(ev, "markdown").startswith("# Vantaa–Kerava NGO cooperation roadmap")
