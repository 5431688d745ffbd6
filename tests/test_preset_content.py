"""The presets carry the seed documents' purpose, tasks and SWOT as data.

These rules are descriptive (no composition can break them); the tests make sure the
shipped presets keep them, so analysts comparing models read the source's facts.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.model.roadmap import Basis, Status
from jarjestoyhteistyo.model.rulesets import Authority, ChairMode


def _tasks(name: str) -> str:
    return " | ".join(jy.load_preset(name).tasks)


def test_fc1_fc2_formal_body_supports_the_committee_and_chooses_representatives() -> None:
    """FC-1: prepares initiatives for the committee; FC-2: chooses NGO representatives."""
    rules = jy.load_preset("vantaa-kerava-formal")
    assert rules.parent_organ == "local democracy and participation committee"
    tasks = _tasks("vantaa-kerava-formal")
    assert "initiatives" in tasks
    assert "choose NGO representatives for other groups" in tasks
    assert "roadmap" in tasks  # FC-2: support the roadmap's implementation


def test_fc17_of11_swot_is_data_in_both_options() -> None:
    """FC-17 and OF-11: the SWOT of each option travels with its rule set."""
    formal = jy.load_preset("vantaa-kerava-formal").swot
    forum = jy.load_preset("vantaa-kerava-open-forum").swot
    assert all((formal.strengths, formal.weaknesses, formal.opportunities, formal.threats))
    assert any("direct link to the committee" in s for s in formal.strengths)
    assert forum.strengths
    assert forum.weaknesses
    assert forum.threats
    assert "depends on one coordinator" in forum.weaknesses


def test_of1_of2_forum_is_coordinated_by_hyte_team_and_follows_the_roadmap() -> None:
    """OF-1: coordinated by the HYTE team; OF-2: takes part in the roadmap's follow-up."""
    forum = jy.load_preset("vantaa-kerava-open-forum")
    assert "HYTE" in forum.coordinator
    assert forum.chair.mode is ChairMode.NONE
    assert forum.selection.authority is Authority.OPEN_REGISTRATION
    assert "roadmap" in _tasks("vantaa-kerava-open-forum")


def test_ku1_ku3_council_gathers_networks_and_follows_up() -> None:
    """KU-1: gathers NGOs through open networks; KU-3: decides and follows up NGO matters."""
    council = jy.load_preset("keski-uusimaa")
    assert all(n.open for n in council.networks)
    assert "follow up their implementation" in _tasks("keski-uusimaa")
    assert "name the NGO representatives of the regional" in _tasks("keski-uusimaa")
    assert "(HYTE) group" in _tasks("keski-uusimaa")


def test_presets_label_every_network_and_category_in_three_languages() -> None:
    """FC-4 and KU-10: labels exist in Finnish, Swedish and English."""
    for c in jy.load_preset("vantaa-kerava-formal").categories:
        assert c.labels.fi
        assert c.labels.sv
        assert c.labels.en
    for n in jy.load_preset("keski-uusimaa").networks:
        assert n.label is not None
        assert n.label.fi
        assert n.label.sv
        assert n.label.en


#: The source's list of the eight categories, verbatim (issue #18: *Järjestöjen
#: yhteistyöryhmän / järjestöneuvottelukunnan ... asettaminen*, option 1, 2/5,
#: "Järjestöt valitaan järjestötyypeittäin (8)"), and for each the words of it the
#: Finnish label must keep: none of the source's qualifiers left out or swapped.
SOURCE_CATEGORIES = (
    (
        "Lastensuojeluun, -hoitoon, sekä vanhemmuuteen ja huoltajuuteen liittyvät yhdistykset",
        ("lastensuojelu", "lastenhoito", "vanhemmuus", "huoltajuus"),
    ),
    (
        "Sairauteen ja vammaan liittyvät yhdistykset (mm. potilas- ja vammaisyhdistykset,"
        " sotainvalidit)",
        ("sairaus", "vamma", "potilas-", "vammaisyhdistykset", "sotainvalidit"),
    ),
    ("Eläkeläisyhdistykset", ("eläkeläis",)),
    (
        "Terveysten ja hyvinvoinnin edistämiseen sekä syrjäytymisen ehkäisemiseen liittyvät"
        " yhdistykset",
        ("terveyden", "hyvinvoinnin", "edistäminen", "syrjäytymisen", "ehkäisy"),
    ),
    ("Muut sosiaali- ja terveysalan yhdistykset", ("muut", "sosiaali-", "terveysalan")),
    ("Vanhusten hyvinvointiin liittyvät yhdistykset", ("vanhusten", "hyvinvointi")),
    (
        "Työllisyyden ja työllistymisen edistämiseen liittyvät yhdistykset",
        ("työllisyyden", "työllistymisen", "edistäminen"),
    ),
    (
        "Päihde-, huume- ym. riippuvuuksiin liittyvät yhdistykset, raittiusyhdistykset",
        ("päihteet", "huumeet", "riippuvuudet", "raittius"),
    ),
)


def test_the_prh_category_labels_keep_the_sources_words() -> None:
    from jarjestoyhteistyo.model.categories import PRH_CATEGORIES

    assert len(PRH_CATEGORIES) == len(SOURCE_CATEGORIES) == 8
    for category, (source, words) in zip(PRH_CATEGORIES, SOURCE_CATEGORIES, strict=True):
        label = category.labels.fi or ""
        missing = [w for w in words if w not in label.lower()]
        assert missing == [], (category.code, source, label)
    assert "ikäihmisten" not in (PRH_CATEGORIES[5].labels.fi or "")  # the source: vanhusten


# ------------------------------------------------ the roadmap, true to seed 003


def _roadmap() -> Any:
    from jarjestoyhteistyo.analysis.roadmap import load_example

    return load_example()


def _measure(year: int, measure_id: str) -> Any:
    plan = next(p for p in _roadmap().plans if p.year == year)
    return next(m for m in plan.measures if m.id == measure_id)


def test_rm4_responsible_units_and_partners_as_seed_003_lists_them() -> None:
    """003:100, 101, 119, 120: "Vastuu:" lists the responsible units; only the bullets
    beginning "Kumppaneina" are partners."""
    expected = {
        "accessible-information": (
            (
                "communications",
                "expert and development services",
                "divisions of the wellbeing area",
                "NGOs",
            ),
            (),
        ),
        "communication-plan": (
            (
                "communications",
                "expert and development services",
                "divisions of the wellbeing area",
            ),
            ("NGOs",),
        ),
        "co-development": (
            ("expert and development services", "divisions of the wellbeing area", "NGOs"),
            (),
        ),
        "participation": (
            ("expert and development services", "divisions of the wellbeing area", "NGOs"),
            (),
        ),
    }
    for measure_id, (responsible, partners) in expected.items():
        m = _measure(2023, measure_id)
        assert (m.responsible, m.partners) == (responsible, partners), measure_id
    carried = _measure(2024, "communication-plan")  # keeps its 2023 units
    assert (carried.responsible, carried.partners) == expected["communication-plan"]


def test_rm4_the_source_s_words_and_notes_are_kept() -> None:
    """003:45 miepä (mental health and substance abuse); 003:47, 72, 73, 100 notes;
    seed 001:15 the approval 6.3.2023 § 14."""
    actions = " ".join(_measure(2023, "knowing-each-other").actions)
    assert "mental health and substance abuse (miepä)" in actions
    assert "advice and client guidance" in actions
    notes = {
        m: " ".join(_measure(2023, m).snapshots[0].notes)
        for m in ("ngo-council", "grant-process", "accessible-information")
    }
    assert "evaluated and developed together" in notes["ngo-council"]
    assert "Feedback on the grant process" in notes["grant-process"]
    assert "HyväHyte" in notes["accessible-information"]
    road = _roadmap().roadmap
    assert road.approved == date(2023, 3, 6)
    assert any("6.3.2023 § 14" in n for n in road.notes)
    assert next(p for p in _roadmap().plans if p.year == 2023).approved == date(2023, 3, 6)


def test_rm5_every_2023_status_says_it_is_inferred() -> None:
    """Seed 003 states no status: each is inferred, and the one whose snapshot says
    work remains for 2024 (003:47) is partly achieved, not achieved."""
    doc = _roadmap()
    snapshots = [s for p in doc.plans for m in p.measures for s in m.snapshots]
    assert len(snapshots) == 14
    assert {s.basis for s in snapshots} == {Basis.INFERRED}
    entries = [
        e for p in doc.plans for t in p.binding_targets for mt in t.metrics for e in mt.measurements
    ]
    assert entries
    assert {e.basis for e in entries} == {Basis.INFERRED}
    assert _measure(2023, "ngo-activity-description").snapshots[0].status is (
        Status.PARTLY_ACHIEVED
    )


def test_rm4_the_schedules_are_seed_003_s_phrases_as_written() -> None:
    """The schedules are verbatim (003:45, 72), and every one is understood."""
    from jarjestoyhteistyo.calc.schedule import parse_schedule

    knowing = _measure(2023, "knowing-each-other").schedule
    assert knowing == (
        "Koko vuosi 2023 (koordinaatioryhmä ja kehittämisryhmä kokoontuvat 1 krt/kk, "
        "infoillat 1 krt/1,5 kk)",
        "Kumppanuusfoorumi tms. min. 1 krt/v.",
    )
    council = _measure(2023, "ngo-council").schedule
    assert council[1] == (
        "(rakenteesta päättäminen kevät 2023, toiminnan käynnistyminen syky 2023)"
    )
    for plan in _roadmap().plans:
        for m in plan.measures:
            for phrase in m.schedule:
                assert parse_schedule(phrase, year=plan.year).ok, phrase


def test_rm5_an_inferred_status_is_shown_as_inferred_in_every_format() -> None:
    from jarjestoyhteistyo.analysis.roadmap import evaluate

    doc = _roadmap()
    ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    assert "partly achieved (inferred)" in ev.to_text()
    assert "osittain toteutunut (päätelty)" in ev.to_text(lang="fi")
    assert "delvis genomförd (härledd)" in ev.to_markdown(lang="sv")
    data = json.loads(ev.to_json())
    milestones = [ms for g in data["goals"] for a in g["areas"] for ms in a["milestones"]]
    assert {ms["status_basis"] for ms in milestones if ms["status"]} == {"inferred"}
    latest = data["binding_targets"][0]["metrics"][0]["latest"]
    assert latest["basis"] == "inferred"
    measures = ev.to_table("measure").to_records()
    assert {r["basis"] for r in measures if r["year"] == 2023} == {"inferred"}
    assert {r["basis"] for r in measures if r["status"] is None} == {None}


def test_ku9_ws7_fc2_what_the_sources_ask_is_captured() -> None:
    """KU-9 (002:59-90): the prerequisites of a member; WS-7 (000:184): multilingual,
    multicultural and women-specific NGOs; FC-2 and KU-2: whom the body names
    representatives for; KU-14: agreed in writing, a communication plan, practice
    agreed by the members (002:155-156)."""
    from jarjestoyhteistyo.model.rulesets import DiversityDimension, FeePolicy, MeetingPractice

    ku = jy.load_preset("keski-uusimaa")
    asked = " ".join(ku.prerequisites)
    for need in ("monthly meetings", "IT skills", "negotiation skills", "Teams", "travelling"):
        assert need in asked, need
    assert ku.written_mandate is True
    assert ku.communication_plan is True
    assert ku.meetings.practice is MeetingPractice.AGREED_BY_MEMBERS
    assert ku.fee is FeePolicy.TO_BE_AGREED
    assert any("HYTE" in r for r in ku.representation)
    formal = jy.load_preset("vantaa-kerava-formal")
    assert formal.diversity.dimensions == frozenset(DiversityDimension)
    assert any("HYTE negotiations" in r for r in formal.representation)
