"""Diagrams in the chosen language that fit a page (issue #16 point 1, issue #17 point 4).

``to_mermaid`` and ``to_dot`` of every preset, in every language: top-down, every line
of every label at most 28 characters, one DOT font, no English message of the library
left where the language has its own, and (with Graphviz installed) every preset's DOT
at most 1,200 px wide at 96 dpi without being scaled down.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.i18n import LANGUAGES, Lang
from jarjestoyhteistyo.model.composition import Function
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    GeneralRuleSet,
    IntRange,
    SeatGroup,
    SeatSource,
)
from jarjestoyhteistyo.model.vocabulary import label
from jarjestoyhteistyo.presets import body_presets
from jarjestoyhteistyo.render.diagrams import (
    WRAP,
    structure_graph,
    to_dot,
    to_mermaid,
    wrap_label,
)

PRESETS = [p.name for p in body_presets()]
FORMAL, FORUM, KU = "vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"
LOCALE = Path(jy.__file__).parent / "locale"
FIELD = re.compile(r"\{[^{}]*\}")
#: The widest line a label may have (the brief: wrapped at about 24–28 characters).
MOST = 28

MERMAID_NODE = re.compile(r'^    (\w+)(?:\["|\(\[")(.*?)(?:"\]|"\]\))$')
MERMAID_EDGE_LABEL = re.compile(r'\|"(.*?)"\|')
DOT_LABEL = re.compile(r'label="((?:[^"\\]|\\.)*)"')


def mermaid_labels(text: str) -> list[list[str]]:
    """Each node and edge label of a Mermaid text, as its lines."""
    found = []
    for line in text.splitlines():
        node = MERMAID_NODE.match(line)
        parts = [node.group(2)] if node else MERMAID_EDGE_LABEL.findall(line)
        found += [[p.replace("#quot;", '"') for p in part.split("<br/>")] for part in parts]
    return found


def dot_labels(text: str) -> list[list[str]]:
    """Each node and edge label of a DOT text, as its lines."""
    return [
        [p.replace('\\"', '"').replace("\\\\", "\\") for p in raw.split("\\n")]
        for raw in DOT_LABEL.findall(text)
    ]


def english_left(module: str, lang: Lang) -> set[str]:
    """The words of the English messages of ``module`` that ``lang``'s catalogue
    translates: a message's text between its fields, where the translation differs."""
    pofile = pytest.importorskip("babel.messages.pofile")
    with (LOCALE / lang / "LC_MESSAGES" / "jarjestoyhteistyo.po").open("rb") as fp:
        catalog = pofile.read_po(fp)
    words: set[str] = set()
    for message in catalog:
        if not message.id or not any(loc == module for loc, _ in message.locations):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{message.id!r} has no {lang} translation"
        translated = FIELD.sub(" ", " ".join(strings))
        for msgid in ids:
            for part in FIELD.split(msgid):
                part = part.strip(" :;,()+")
                if len(part) >= 4 and part not in translated:
                    words.add(part)
    return words


def english_in(texts: list[str], words: set[str]) -> list[str]:
    return sorted(w for w in words for t in texts if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t))


@pytest.mark.parametrize("name", PRESETS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_layout_is_top_down_and_labels_are_wrapped(name: str, lang: Lang) -> None:
    rules = jy.load_preset(name)
    mermaid, dot = to_mermaid(rules, lang=lang), to_dot(rules, lang=lang)
    assert mermaid.splitlines()[0] == "flowchart TD"
    assert "    rankdir=TB;" in dot.splitlines()
    graph = structure_graph(rules, lang=lang)
    labelled = sum(1 for e in graph.edges if e.label)
    assert len(mermaid_labels(mermaid)) == len(graph.nodes) + labelled
    assert len(dot_labels(dot)) == len(graph.nodes) + labelled
    for lines in mermaid_labels(mermaid) + dot_labels(dot):
        assert all(0 < len(line) <= MOST for line in lines), lines


@pytest.mark.parametrize("name", PRESETS)
def test_dot_has_one_font(name: str) -> None:
    text = to_dot(jy.load_preset(name))
    fonts = set(re.findall(r'fontname="([^"]+)"', text))
    assert len(fonts) == 1
    for statement in ("graph [", "node [", "edge ["):
        line = next(x for x in text.splitlines() if x.strip().startswith(statement))
        assert "fontname=" in line, statement


@pytest.mark.parametrize("name", PRESETS)
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_where_the_language_has_its_own(name: str, lang: Lang) -> None:
    rules = jy.load_preset(name)
    words = english_left("jarjestoyhteistyo/render/diagrams.py", lang)
    for value in (Function.COORDINATOR, Function.CONVENER, Function.SECRETARY, *Authority):
        if label(value, lang) != label(value, "en"):
            words.add(label(value, "en"))
    words |= {"regional executive board", "committee proposes, executive board appoints"}
    texts = [" ".join(lines) for lines in mermaid_labels(to_mermaid(rules, lang=lang))]
    texts += [" ".join(lines) for lines in dot_labels(to_dot(rules, lang=lang))]
    assert english_in(texts, words) == []


def test_the_english_control_finds_english() -> None:
    """The check above would see an untranslated label (it is not vacuous)."""
    words = english_left("jarjestoyhteistyo/render/diagrams.py", "fi")
    texts = [" ".join(lines) for lines in dot_labels(to_dot(jy.load_preset(FORMAL)))]
    assert {"appoints members", "attached to", "category"} <= set(english_in(texts, words))


def test_labels_in_each_language() -> None:
    formal, ku, forum = (jy.load_preset(n) for n in (FORMAL, KU, FORUM))
    fi = structure_graph(formal, lang="fi")
    assert fi.title == formal.name_in("fi") == fi.node("body").label
    assert fi.node("cat_pensioners").label == "järjestötyyppi: eläkeläiset"  # its Labels
    assert fi.node("parent").label == "lähidemokratia- ja osallisuuslautakunta"
    assert fi.node("committee").label == "lautakunnan jäsenet (1–2)"
    edge = next(e for e in fi.edges if e.source == "cat_pensioners")
    assert edge.label == "2 jäsentä + 2 henkilökohtaista varajäsentä"
    sv = structure_graph(ku, lang="sv")
    assert sv.node("net_older_people").label == "temanätverk: äldre"
    assert sv.node("secretary").label.startswith("sekreterare: ")
    assert sv.node("net_multi_sector").label.endswith("(för alla övriga)")
    assert structure_graph(forum, lang="fi").node("coordinator").label == (
        "koordinaattori: hyvinvointialueen HYTE-tiimi"
    )
    assert structure_graph(forum, lang="sv").node("body").label == forum.name_in("sv")


def test_english_is_the_default() -> None:
    rules = jy.load_preset(FORMAL)
    assert to_mermaid(rules) == to_mermaid(rules, lang="en")
    assert to_dot(rules) == to_dot(rules, lang="en")
    g = structure_graph(rules)
    assert g.node("cat_pensioners").label == "category: pensioners"
    assert next(e for e in g.edges if e.source == "cat_pensioners").label == (
        "2 members + 2 personal deputies"
    )


def test_a_rule_sets_own_words_are_shown_as_written() -> None:
    rules = attrs.evolve(jy.load_preset(FORMAL), parent_organ="sote-lautakunta X")
    assert structure_graph(rules, lang="sv").node("parent").label == "sote-lautakunta X"


def test_many_groups_are_split_above_and_below_the_body() -> None:
    text = to_dot(jy.load_preset(KU))
    # the arrow still points at the body: drawn from below with dir=back
    assert '"body" -> "convener" [label="convenes", style=dashed, dir=back];' in text
    assert '"body" -> "seat_wellbeing_area_contact" [dir=none];' in text
    assert '"net_older_people" -> "body" [label="names 2 (work pair)"];' in text
    assert "    body --- seat_wellbeing_area_contact" in to_mermaid(jy.load_preset(KU))
    # a body whose groups fit one row keeps them above it
    forum = to_dot(jy.load_preset(FORUM))
    assert "dir=back" not in forum
    assert '"registration" -> "body"' in forum


def test_wrap_label() -> None:
    text = "category: substance abuse, drugs and other addictions; temperance"
    lines = wrap_label(text)
    assert all(len(line) <= WRAP for line in lines)
    assert " ".join(lines) == text
    assert wrap_label("x" * 60) == ("x" * 26, "x" * 26, "x" * 8)  # a long word is broken
    assert wrap_label("") == ("",)


def _many_groups(n: int) -> GeneralRuleSet:
    groups = tuple(
        SeatGroup(
            id=f"group-{i}",
            source=SeatSource.SECTOR,
            label=f"a rather long seat group label number {i}",
            seats=IntRange(min=1, max=1),
        )
        for i in range(n)
    )
    return GeneralRuleSet(name="A body of many groups", area="X", seat_groups=groups)


def test_many_groups_keep_short_lines() -> None:
    rules = _many_groups(30)
    for lines in mermaid_labels(to_mermaid(rules)) + dot_labels(to_dot(rules)):
        assert all(len(line) <= MOST for line in lines)
    assert 'size="12.5,100"' in to_dot(rules)  # wider than a page: scaled down to it


DOT = shutil.which("dot")


def _png_width(dot_text: str) -> int:
    assert DOT is not None
    png = subprocess.run([DOT, "-Tpng"], input=dot_text.encode(), capture_output=True, check=True)
    assert png.stdout[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(png.stdout[16:20], "big")


def _scale(dot_text: str) -> float:
    assert DOT is not None
    plain = subprocess.run([DOT, "-Tplain"], input=dot_text, capture_output=True, text=True)
    return float(plain.stdout.split()[1])


@pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed")
@pytest.mark.parametrize("name", PRESETS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_preset_fits_1200_px(name: str, lang: Lang) -> None:
    text = to_dot(jy.load_preset(name), lang=lang)
    assert _png_width(text) <= 1200  # 96 dpi, dot's default for PNG
    assert _scale(text) == 1.0  # it fits as drawn, not by being scaled down


@pytest.mark.skipif(DOT is None, reason="Graphviz dot is not installed")
def test_a_very_wide_body_is_scaled_to_the_page() -> None:
    assert _png_width(to_dot(_many_groups(30))) <= 1200
