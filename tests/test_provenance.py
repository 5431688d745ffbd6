"""Where each value comes from (issue #18 point 1): ``sources:`` as data, the
``show --sources`` view, and fees that are still to be agreed (point 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.metrics import metrics
from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.io.provenance import render_sources, sourced_values
from jarjestoyhteistyo.model.rulesets import FeePolicy, provenance_of
from jarjestoyhteistyo.render.documents import committee_document

BASE = """\
kind: general
name: Vanhusneuvosto
area: Esimerkkialue
tasks: [hear the older people, give statements]
fee: {fee}
meetings: {{per_year: {{min: 6, max: 6}}}}
"""


def _rules(sources: str = "", fee: str = "fee_rule") -> jy.RuleSet:
    return jy.loads_ruleset(BASE.format(fee=fee) + sources)


def test_a_value_is_covered_by_its_own_or_a_parent_entry() -> None:
    rules = _rules(
        "sources:\n"
        "  - {path: tasks, source: 'rules of procedure, § 2'}\n"
        "  - {path: meetings, decision: monthly but for summer}\n"
        "  - {path: 'tasks[1]', source: 'rules of procedure, § 3'}\n"
    )
    rows = {r.path: r.provenance for r in sourced_values(rules)}
    assert rows["tasks[0]"] is not None
    assert rows["tasks[0]"].source == "rules of procedure, § 2"
    assert rows["tasks[1]"] is not None
    assert rows["tasks[1]"].source == "rules of procedure, § 3"  # the longest path wins
    assert rows["meetings.per_year.min"] is not None
    assert rows["meetings.per_year.min"].decision == "monthly but for summer"
    assert rows["name"] is None
    assert "sources" not in {p.partition(".")[0].partition("[")[0] for p in rows}
    assert provenance_of(rules.sources, "tasksx") is None


@pytest.mark.parametrize(
    "entry",
    [
        "{path: tasks}",
        "{path: tasks, source: a, decision: b}",
        "{path: ' ', source: a}",
    ],
)
def test_an_entry_needs_a_path_and_either_a_source_or_a_decision(entry: str) -> None:
    with pytest.raises(jy.LoadError) as exc:
        _rules(f"sources:\n  - {entry}\n")
    assert exc.value.problems[0].path.startswith("sources[0]")
    assert exc.value.problems[0].message_in("fi") != exc.value.problems[0].message_in("en")


def test_show_sources_prints_every_value_and_marks_the_unsourced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        BASE.format(fee="fee_rule") + "sources:\n  - {path: tasks, source: 'rules, § 2'}\n",
        encoding="utf-8",
    )
    assert main(["show", str(path), "--sources", "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert "tasks[0]: hear the older people\n    källa: rules, § 2" in out
    assert "name: Vanhusneuvosto\n    !! ingen källa och inget beslut" in out
    assert main(["show", str(path), "--sources", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"path": "tasks[1]", "value": "give statements", "source": "rules, § 2",
            "decision": None} in rows  # fmt: skip
    assert len(rows) == len(sourced_values(jy.load_ruleset(path)))


def test_render_sources_names_a_decision() -> None:
    rules = _rules("sources:\n  - {path: fee, decision: as the other councils}\n")
    text = render_sources(sourced_values(rules), "fi")
    assert "fee: fee_rule\n    päätös: as the other councils" in text


@pytest.mark.parametrize("name", ["vantaa-kerava-formal", "vantaa-kerava-open-forum",
                                  "keski-uusimaa", "lansi-uusimaa-disability-council"])  # fmt: skip
def test_every_value_of_a_shipped_body_preset_has_a_source_or_a_decision(name: str) -> None:
    rows = sourced_values(jy.load_preset(name))
    assert [r.path for r in rows if r.provenance is None] == []
    # the values its kind's defaults give it too (show --sources --full)
    everything = sourced_values(jy.load_preset(name), full=True)
    assert len(everything) > len(rows)
    assert [r.path for r in everything if r.provenance is None] == []
    for entry in jy.load_preset(name).sources:
        if entry.source:  # a source names a document and where in it
            assert re.search(r"seed 00[0-4]|SOURCES\.md", entry.source), entry
            assert re.search(r"[0-9]", entry.source), entry


def test_a_fee_still_to_be_agreed_costs_nothing_known() -> None:
    agreed = _rules(fee="to_be_agreed")
    assert agreed.fee is FeePolicy.TO_BE_AGREED
    m = metrics(agreed, fee_per_meeting=50)
    assert m.fee_seats is None
    assert m.annual_fee_cost is None
    assert metrics(_rules(fee="none"), fee_per_meeting=50).annual_fee_cost == 0
    text = " ".join(p for s in committee_document(agreed, lang="fi").sections for p in s.paragraphs)
    assert "Kokouspalkkioista sovitaan vielä." in text
    assert jy.loads_ruleset(BASE.format(fee="vielä selvitettävä")).fee is FeePolicy.TO_BE_AGREED


def test_a_stated_fee_amount_prices_the_fee_rule() -> None:
    rules = _rules(fee="fee_rule\nfee_amount: 40")
    m = metrics(rules)
    assert m.fee_seats is not None
    assert m.annual_fee_cost == 40 * 6 * m.fee_seats
    assert metrics(rules, fee_per_meeting=10).annual_fee_cost == 10 * 6 * m.fee_seats


def test_show_sources_full_lists_the_kind_s_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    """The formal body's term is the kind's default (FC-12): not written in the preset's
    file, still a value, and --full shows where it comes from."""
    assert main(["show", "vantaa-kerava-formal", "--sources"]) == 0
    assert "\nterm.months:" not in "\n" + capsys.readouterr().out
    assert main(["show", "vantaa-kerava-formal", "--sources", "--full"]) == 0
    out = capsys.readouterr().out
    assert "\nterm.months: 24\n    decision: " in out
    assert "!!" not in out


def test_every_value_of_the_shipped_roadmap_has_a_source_or_a_decision() -> None:
    """The roadmap preset too (seed 003): its statuses are decisions, being inferred."""
    from jarjestoyhteistyo.analysis.roadmap import load_example

    doc = load_example()
    for full in (False, True):
        rows = sourced_values(doc, full=full)
        assert rows
        assert [r.path for r in rows if r.provenance is None] == []
    snapshots = [r for r in sourced_values(doc) if ".snapshots[" in r.path]
    assert snapshots
    assert all(r.provenance is not None and r.provenance.decision for r in snapshots)
    assert all(re.search(r"seed 00[13]", e.source) for e in doc.sources if e.source)


def test_every_value_of_the_shipped_cooperation_model_has_a_source_or_a_decision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Järvenpää's city model (seed 004), and ``show --sources`` reads it."""
    from jarjestoyhteistyo.presets import load_cooperation_preset

    model = load_cooperation_preset("jarvenpaa")
    for full in (False, True):
        assert [r.path for r in sourced_values(model, full=full) if r.provenance is None] == []
    assert main(["show", "jarvenpaa", "--sources", "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert "!!" not in out
    assert "    lähde: seed 004, " in out
