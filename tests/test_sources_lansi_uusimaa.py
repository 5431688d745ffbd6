"""The Länsi-Uusimaa disability council preset says where every value comes from
(issue #18): each value is covered by a ``sources:`` entry, each ``source:`` cites a
line of the research notes ``tests/data/peers/SOURCES.md`` section 8 that exists and
quotes what the entry says it quotes, and the key values agree with the cited lines.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml

import jarjestoyhteistyo as jy
from jarjestoyhteistyo import presets
from jarjestoyhteistyo.calc.terms import membership_window
from jarjestoyhteistyo.io.provenance import sourced_values
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    Council,
    DeputyMode,
    Provenance,
    RuleSet,
    TermMode,
)

NAME = "lansi-uusimaa-disability-council"
NOTES = Path(__file__).parent / "data" / "peers" / "SOURCES.md"
NOTES_NAME = "tests/data/peers/SOURCES.md"

#: A ``source:`` opens with the notes, section 8 and one line: ``… §8, line 211 (…)``.
SOURCE_RE = re.compile(r"^tests/data/peers/SOURCES\.md §8, line (\d+) \((.+)\)$")
#: A citation inside any entry: ``§6, line 162``, ``line 213, I:``, ``lines 211 and 219``.
CITATION_RE = re.compile(r"§(\d+)|lines? (\d+)(?: and (\d+))?(?:, (S|I):?)?")


@cache
def notes() -> tuple[str, ...]:
    """The lines of the notes; ``notes()[n - 1]`` is line ``n``."""
    return tuple(NOTES.read_text(encoding="utf-8").splitlines())


def line(n: int) -> str:
    assert 1 <= n <= len(notes()), f"SOURCES.md has no line {n}"
    return notes()[n - 1]


@cache
def section(k: int) -> range:
    """The line numbers of section ``k`` of the notes, its heading to the next one."""
    starts = {
        int(m.group(1)): i
        for i, text in enumerate(notes(), start=1)
        if (m := re.match(r"## (\d+)\. ", text))
    }
    assert k in starts, f"SOURCES.md has no section {k}"
    after = [i for i in starts.values() if i > starts[k]]
    return range(starts[k], min(after, default=len(notes()) + 1))


def _bullet(n: int) -> str:
    """Line ``n`` with the bullets it sits under (a sub-item of an ``S (sv):`` item)."""
    text, indent = line(n), len(line(n)) - len(line(n).lstrip())
    for i in range(n - 1, section_of(n).start, -1):
        above = line(i)
        if above.strip() and len(above) - len(above.lstrip()) < indent:
            text, indent = above + "\n" + text, len(above) - len(above.lstrip())
    return text


def section_of(n: int) -> range:
    return next(section(k) for k in range(1, 12) if n in section(k))


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return jy.load_preset(NAME)


def test_every_value_has_a_source_or_a_decision(rules: RuleSet) -> None:
    rows = sourced_values(rules)
    assert {"seat_groups[9].nominated_by", "chair.vice_chairs", "term.mode"} <= {
        r.path for r in rows
    }
    assert [r.path for r in rows if r.provenance is None] == []


def _written(data: object, path: str) -> bool:
    """Whether the preset's YAML writes a value at ``path`` (``seat_groups[3].seats``)."""
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        if key and isinstance(data, dict) and key in data:
            data = data[key]
        elif index and isinstance(data, list) and int(index) < len(data):
            data = data[int(index)]
        else:
            return False
    return True


def test_every_entry_names_a_value_the_yaml_writes(rules: RuleSet) -> None:
    """No entry is left over from a value the preset no longer has: one the YAML writes
    (``show`` leaves out defaults, such as a group's one seat, so this reads the YAML
    itself) or one it takes from its kind's defaults (``show --sources --full``)."""
    text = (Path(presets.__file__).parent / "bodies" / f"{NAME}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    full = {r.path for r in sourced_values(rules, full=True)}
    left_over = [
        e.path
        for e in rules.sources
        if not _written(data, e.path)
        and not any(p == e.path or p.startswith((e.path + ".", e.path + "[")) for p in full)
    ]
    assert left_over == []
    assert len({e.path for e in rules.sources}) == len(rules.sources)


def _sources(rules: RuleSet) -> list[Provenance]:
    return [e for e in rules.sources if e.source]


def test_sources_name_section_8_and_a_line_there(rules: RuleSet) -> None:
    entries = _sources(rules)
    assert len(entries) >= 4  # secretary, authority, vice-chairs, deputies
    eight = section(8)
    for entry in entries:
        m = SOURCE_RE.match(entry.source)
        assert m, f"{entry.path}: {entry.source!r} names no line of {NOTES_NAME} §8"
        n = int(m.group(1))
        assert n in eight, f"{entry.path}: line {n} is not in section 8 ({eight})"
        cited = line(n)
        assert "**I:**" not in cited, f"{entry.path}: line {n} is the notes' inference"
        for quote in re.findall(r'"([^"]+)"', m.group(2)):
            assert quote in cited, f"{entry.path}: line {n} does not say {quote!r}"
        page = m.group(2).split(maxsplit=1)[0].rstrip(",:")
        listed = "\n".join(line(i) for i in eight if line(i).startswith("- https://"))
        assert page in listed, f"{entry.path}: {page} is not among section 8's sources"


def test_every_cited_line_exists_in_its_section_and_carries_its_mark(rules: RuleSet) -> None:
    """Decisions cite lines too (``line 213, I:``): each is in the section it names
    (section 8 unless the entry names another), and an ``S``/``I`` mark is the line's."""
    cited = 0
    for entry in rules.sources:
        k = 8
        for m in CITATION_RE.finditer(entry.source or entry.decision):
            if m.group(1):
                k = int(m.group(1))
                continue
            for n in filter(None, (m.group(2), m.group(3))):
                cited += 1
                assert int(n) in section(k), f"{entry.path}: line {n} is not in §{k}"
                if m.group(4):
                    assert f"**{m.group(4)}" in _bullet(int(n)), (
                        f"{entry.path}: line {n} is not an {m.group(4)}: line"
                    )
    assert cited >= len(rules.sources)


def test_the_term_is_the_one_line_211_states(rules: RuleSet) -> None:
    said = "Aluehallitus asetti vammaisneuvoston toimikaudelle 2.10.2025 – 31.5.2029."
    assert said in line(211)
    assert rules.selection.authority is Authority.EXECUTIVE_BOARD
    assert rules.term is not None
    assert (rules.term.mode, rules.term.council) == (TermMode.COUNCIL, Council.REGIONAL)
    window = membership_window(rules.term, date(2025, 10, 2))
    assert (window.start, window.end) == (date(2025, 10, 2), date(2029, 5, 31))
    entry = next(e for e in rules.sources if e.path == "term")
    assert "line 211" in entry.decision
    assert "2.10.2025 – 31.5.2029" in entry.decision


def test_the_statutory_basis_is_the_one_the_notes_quote(rules: RuleSet) -> None:
    assert rules.statutory_duties is True
    assert "Statutory" in line(203)
    assert section(8).start == 203
    assert "611/2021 § 32" in line(162)
    assert 162 in section(5)
    assert "611/2021 s. 32" in rules.description
    entry = next(e for e in rules.sources if e.path == "statutory_duties")
    assert "line 203" in entry.decision
    assert "§5, line 162" in entry.decision


def test_seats_deputies_and_vice_chairs_agree_with_their_lines(rules: RuleSet) -> None:
    counted = line(213).split("my count from the list):", 1)[1]
    seats = {m: int(n) for m, n in re.findall(r"([A-ZÄÖ][a-zäö]+) (\d+)\b", counted)}
    total = seats.pop("Total")
    assert sum(seats.values()) == total == 20
    assert {g.municipality: (g.seats.min, g.seats.max) for g in rules.seat_groups} == {
        m: (n, n) for m, n in seats.items()
    }
    assert "varajäsenet sijaantulojärjestyksessä" in line(212)
    assert {g.deputies for g in rules.seat_groups} == {DeputyMode.ORDERED}
    assert rules.chair.mode is ChairMode.ELECTED
    assert rules.chair.vice_chairs == line(219).count("vice ordf.") == 3
