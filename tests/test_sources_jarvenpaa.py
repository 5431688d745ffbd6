"""The Järvenpää cooperation-model preset is true to seed 004 (issue #18).

Every value the preset states — and, with ``full``, every default of the model that
carries a value — is covered by a ``sources:`` entry: a ``source:`` that cites seed
004, its section and its lines (``seed 004, … (004:48)``), or a ``decision:`` with its
reason. The seed asks for an annual clock but gives no activities or months, and names
no units, roles or process steps: those are decisions, never sources. The key values
are pinned to the seed's words: the grant types (004:48), the channels (004:30), the
register (004:50) and the title (004:3).

Where the seed documents are at hand (``JY_SEEDS``, by default ``../shared/seeds``
beside the repository, as in ``test_no_personal_data.py``), the cited lines are read
and must exist, hold text and say what the pins rest on; elsewhere those tests skip.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.io.provenance import sourced_values
from jarjestoyhteistyo.model.cooperation import Channel, CooperationModel, GrantType
from jarjestoyhteistyo.model.rulesets import Provenance, provenance_of
from jarjestoyhteistyo.presets import load_cooperation_preset, preset_text

NAME = "jarvenpaa"
ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("JY_SEEDS", ROOT.parent / "shared" / "seeds"))

#: The seed a text names: ``seed 004``.
SEED_RE = re.compile(r"\bseed (00[0-4])\b")
#: Its lines: ``(004:48)``, ``(004:156-157)``, ``(004:44, 51)``, ``(004:3, 14)``.
LINES_RE = re.compile(r"\b(00[0-4]):(\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)")


@pytest.fixture(scope="module")
def model() -> CooperationModel:
    m = load_cooperation_preset(NAME)
    assert isinstance(m, CooperationModel)
    return m


def spans(text: str) -> list[tuple[str, int, int]]:
    """Every (document, first, last) line span a text cites."""
    found: list[tuple[str, int, int]] = []
    for doc, written in LINES_RE.findall(text):
        for span in written.split(", "):
            first, _, last = span.partition("-")
            found.append((doc, int(first), int(last or first)))
    return found


def cited_lines(text: str) -> set[tuple[str, int]]:
    """Every (document, line) a text cites, ranges written out."""
    return {(doc, n) for doc, a, b in spans(text) for n in range(a, b + 1)}


def says(entry: Provenance) -> str:
    return entry.source or entry.decision


def entry_of(model: CooperationModel, path: str) -> Provenance:
    entry = provenance_of(model.sources, path)
    assert entry is not None, f"nothing covers {path}"
    return entry


@cache
def seed(doc: str) -> tuple[str, ...]:
    """The lines of seed ``doc`` (``"004"``); ``seed(doc)[n - 1]`` is line ``n``."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS} (set JY_SEEDS)")
    [path] = SEEDS.glob(f"{doc}_*.txt")
    return tuple(path.read_text(encoding="utf-8").splitlines())


def seed_line(n: int, doc: str = "004") -> str:
    lines = seed(doc)
    assert 1 <= n <= len(lines), f"seed {doc} has no line {n}"
    return lines[n - 1]


def resolve(obj: Any, path: str) -> Any:
    """The value a ``sources:`` path names (``processes[2].steps``)."""
    for name, index in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", path):
        obj = obj[int(index)] if index else getattr(obj, name)
    return obj


# ------------------------------------------------------------------ coverage
@pytest.mark.parametrize("full", [False, True], ids=["stated", "full"])
def test_no_value_is_uncovered(model: CooperationModel, full: bool) -> None:
    rows = sourced_values(model, full=full)
    assert len(rows) > 100, "the preset states its values"
    assert [r.path for r in rows if r.provenance is None] == []


def test_full_adds_the_defaults_and_they_are_covered(model: CooperationModel) -> None:
    stated = {r.path for r in sourced_values(model)}
    full = {r.path: r for r in sourced_values(model, full=True)}
    added = set(full) - stated
    assert "published" in added  # true, the model's default, stated in the YAML
    assert "annual_clock[0].every_years" in added
    assert all(full[p].provenance is not None for p in added)


def test_every_entry_names_a_value_the_model_has(model: CooperationModel) -> None:
    """A mistyped path would cover nothing and hide behind a parent's entry."""
    paths = [e.path for e in model.sources]
    assert len(paths) == len(set(paths)), "a path has two entries"
    for entry in model.sources:
        try:
            resolve(model, entry.path)
        except (AttributeError, IndexError, TypeError) as exc:
            pytest.fail(f"{entry.path}: {exc}")


def test_sources_is_the_last_top_level_key() -> None:
    keys = re.findall(r"^([a-z_]+):", preset_text(NAME), flags=re.MULTILINE)
    assert keys[0] == "kind"
    assert keys[-1] == "sources"


# ------------------------------------------------------------------ citations
def test_every_source_cites_seed_004_and_its_lines(model: CooperationModel) -> None:
    sources = [e for e in model.sources if e.source]
    assert len(sources) >= 10
    for entry in sources:
        assert entry.source.startswith("seed 004, "), entry
        assert set(SEED_RE.findall(entry.source)) == {"004"}, entry
        cited = spans(entry.source)
        assert cited, entry  # line numbers, not only the document
        assert {doc for doc, _, _ in cited} == {"004"}, entry
        assert all(first <= last for _, first, last in cited), entry


def test_every_decision_gives_its_reason(model: CooperationModel) -> None:
    decisions = [e for e in model.sources if e.decision]
    assert decisions
    for entry in decisions:
        assert len(entry.decision.split()) >= 8, entry  # a reason, not a label
        assert "project" in entry.decision, entry  # whose choice it is


def test_the_cited_lines_exist_and_hold_text(model: CooperationModel) -> None:
    for entry in model.sources:
        for doc, first, last in spans(says(entry)):
            for n in (first, last):  # a cited line, or a span's ends, hold text
                assert seed_line(n, doc).strip(), (entry.path, doc, n)
            for n in range(first, last + 1):
                seed_line(n, doc)


def test_no_entry_cites_the_authors_line(model: CooperationModel) -> None:
    """Seed 004 names its authors (004:8); the preset cites roles, never them."""
    authors = [w for w in seed_line(8).replace("&", " ").split() if w[:1].isupper()]
    assert len(authors) >= 2
    text = preset_text(NAME)
    assert not [w for w in authors if w in text]
    assert all(("004", 8) not in cited_lines(says(e)) for e in model.sources)


# ------------------------------------------------------------------ the seed's words
def test_the_grant_types_are_the_seeds_three(model: CooperationModel) -> None:
    assert model.offers.grants == frozenset(GrantType)
    assert model.offers.premises is True
    for path in ("offers.grants", "offers.premises"):
        entry = entry_of(model, path)
        assert entry.path == path
        assert entry.source
        assert ("004", 48) in cited_lines(entry.source)
    assert "toiminta-, kohde- ja tila-avustukset" in seed_line(48)
    assert "kaupungin tilojen käyttömahdollisuudet" in seed_line(48)


def test_the_channels_are_the_seeds_list(model: CooperationModel) -> None:
    assert model.channels == frozenset(Channel) - {Channel.OTHER}
    entry = entry_of(model, "channels")
    assert entry.source
    assert ("004", 30) in cited_lines(entry.source)
    for words in (
        "strategian päivitys",
        "palveluverkkosuunnittelu",
        "osallisuusohjelma",
        "hyvinvointisuunnitelma",
        "yhteistoiminnan ja avustuskäytäntöjen kehittäminen",
    ):
        assert words in seed_line(30)


def test_the_register_and_the_title(model: CooperationModel) -> None:
    assert model.register is True
    assert ("004", 50) in cited_lines(entry_of(model, "register").source)
    assert "Yhdistysrekisteri (CRM)" in seed_line(50)
    assert model.names is not None
    assert ("004", 3) in cited_lines(entry_of(model, "names.fi").source)
    assert seed_line(3) == f"# {model.names.fi}"


def test_the_annual_clock_is_the_seeds_but_its_contents_are_decisions(
    model: CooperationModel,
) -> None:
    """The seed asks for a vuosikello whose planning has only begun: no months."""
    clock = entry_of(model, "annual_clock")
    assert clock.source
    assert {("004", 107), ("004", 202)} <= cited_lines(clock.source)
    assert "Vuosikello" in seed_line(107)
    assert "vuosikellon toteutuksen suunnittelu on aloitettu" in seed_line(202)
    assert model.annual_clock
    for i in range(len(model.annual_clock)):
        for leaf in ("month", "id", "rule", "label", "every_years"):
            entry = entry_of(model, f"annual_clock[{i}].{leaf}")
            assert entry.decision, (i, leaf)
            assert not entry.source, (i, leaf)


def test_units_roles_and_steps_are_decisions(model: CooperationModel) -> None:
    """The seed names no units (but the wellbeing service area), roles or steps."""
    assert entry_of(model, "responsible").decision
    assert entry_of(model, "contact_persons").decision
    assert ("004", 26) in cited_lines(entry_of(model, "contact_persons").decision)
    assert "yhteyshenkilöt" in seed_line(26)
    for i in range(1, len(model.units)):
        assert entry_of(model, f"units[{i}]").decision
    assert "hyvinvoinnin palvelualue" in seed_line(200)
    for i, process in enumerate(model.processes):
        assert process.steps
        for j in range(len(process.steps)):
            assert entry_of(model, f"processes[{i}].steps[{j}].who").decision


def test_the_preset_checks_clean(model: CooperationModel) -> None:
    assert not jy.check(model).findings
