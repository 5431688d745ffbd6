"""The presets carry the seed documents' purpose, tasks and SWOT as data.

These rules are descriptive (no composition can break them); the tests make sure the
shipped presets keep them, so analysts comparing models read the source's facts.
"""

from __future__ import annotations

import jarjestoyhteistyo as jy
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
    assert "direct link to the committee" in formal.strengths
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
    assert "follow up NGO matters" in _tasks("keski-uusimaa")
    assert "name the NGO representatives of the regional HYTE group" in _tasks("keski-uusimaa")


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
