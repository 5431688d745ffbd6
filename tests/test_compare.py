"""Metrics, scorecard, comparison table and diagrams (issue 5; `FC-17`, `OF-11`, `KU-12`,
`WS-1`, `WS-2`)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis import compare as compare_module
from jarjestoyhteistyo.analysis import metrics as metrics_module
from jarjestoyhteistyo.analysis import scorecard as scorecard_module
from jarjestoyhteistyo.analysis.compare import ComparisonTable, compare
from jarjestoyhteistyo.analysis.metrics import (
    METRIC_DEFINITIONS,
    Metrics,
    format_value,
    metrics,
    skeleton_composition,
)
from jarjestoyhteistyo.analysis.scorecard import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    ScoreCriterion,
    scorecard,
)
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    Criterion,
    FeePolicy,
    TermMode,
    TermPolicy,
)
from jarjestoyhteistyo.render.diagrams import structure_graph, to_dot, to_mermaid

FORMAL, FORUM, KU = "vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"


def test_compare_still_offers_the_metrics_and_scorecard_names() -> None:
    """metrics and scorecard live in their own modules; compare re-exports their
    public names (the same objects), so imports from compare keep working."""
    for module in (metrics_module, scorecard_module):
        for name in module.__all__:
            assert getattr(compare_module, name) is getattr(module, name), name
            assert name in compare_module.__all__, name


def test_the_scorecard_criterion_is_not_the_selection_criterion() -> None:
    """Two concepts, two names: a scorecard criterion judges a structure, a rule set's
    selection criterion (OF-3) chooses members."""
    assert ScoreCriterion is not Criterion
    assert ScoreCriterion.__name__ != Criterion.__name__
    assert not hasattr(compare_module, "Criterion")
    assert {c.id for c in CRITERIA} == set(DEFAULT_WEIGHTS)


def test_format_value() -> None:
    assert [format_value(v) for v in (None, False, 2, 2.0, 0.125, "x")] == [
        "—",
        "no",
        "2",
        "2",
        "0.12",
        "x",
    ]


@pytest.fixture(scope="module")
def formal() -> jy.RuleSet:
    return jy.load_preset(FORMAL)


@pytest.fixture(scope="module")
def forum() -> jy.RuleSet:
    return jy.load_preset(FORUM)


@pytest.fixture(scope="module")
def ku() -> jy.RuleSet:
    return jy.load_preset(KU)


class TestDefinitions:
    def test_every_field_has_one_definition(self) -> None:
        names = [name for name, _unit, _text in METRIC_DEFINITIONS]
        assert names == [a.name for a in attrs.fields(Metrics)]

    def test_every_definition_has_a_unit_and_text(self) -> None:
        for name, unit, text in METRIC_DEFINITIONS:
            assert unit, name
            assert text.endswith("."), name


class TestSeats:
    def test_formal_has_16_ngo_seats_and_16_deputies(self, formal: jy.RuleSet) -> None:
        m = metrics(formal)
        assert (m.ngo_seats, m.deputy_seats) == (16, 16)  # FC-5, FC-8
        assert (m.elected_seats, m.official_seats, m.other_seats) == (2, 0, 0)  # FC-6
        assert m.headcount == 18

    def test_forum_cap_is_20_and_deputies_are_agreed(self, forum: jy.RuleSet) -> None:
        m = metrics(forum)
        assert m.ngo_seats == 20  # OF-3 cap
        assert m.deputy_seats is None  # OF-8: agreed with the NGOs
        assert m.elected_seats == 1  # OF-7: at least one
        assert m.headcount == 21

    def test_ku_has_10_network_seats_and_no_deputies(self, ku: jy.RuleSet) -> None:
        m = metrics(ku)
        assert m.ngo_seats == 10  # KU-4: two per network
        assert m.deputy_seats == 0  # KU-7: the pair substitute
        # KU-4: the area's contact + one per member municipality (a decision: the seed
        # names no number); invited experts are optional
        assert m.official_seats == 1 + 6
        assert m.headcount == 10 + 1 + 6

    def test_composition_counts_seats_and_deputies(self, formal: jy.RuleSet) -> None:
        comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
        m = metrics(formal, comp)
        assert m.deputy_seats == 16
        assert m.seated == 18  # 16 members + 2 committee members; staff not counted
        assert m.vacant == 0
        assert m.organisations == 32


class TestCoverageAndJoining:
    def test_formal_covers_the_eight_categories(self, formal: jy.RuleSet) -> None:
        m = metrics(formal)
        assert m.coverage_count == 8
        assert m.coverage == tuple(c.code for c in jy.PRH_CATEGORIES)

    def test_ku_covers_five_networks(self, ku: jy.RuleSet) -> None:
        m = metrics(ku)
        assert m.coverage_count == 5
        assert "multi-sector" in m.coverage

    def test_forum_reserves_nothing(self, forum: jy.RuleSet) -> None:
        assert metrics(forum).coverage == ()

    def test_who_can_join(self, formal: jy.RuleSet, forum: jy.RuleSet, ku: jy.RuleSet) -> None:
        assert metrics(ku).continuous_joining  # KU-10
        assert not metrics(formal).continuous_joining
        assert metrics(forum).appointing_authority == "open_registration"  # OF-3
        assert metrics(ku).appointing_authority == "theme_networks"


class TestDecisionLinkAndChair:
    def test_parent_organ_and_duties(self, formal: jy.RuleSet, ku: jy.RuleSet) -> None:
        assert metrics(formal).parent_organ == "local democracy and participation committee"
        assert metrics(ku).parent_organ is None
        assert not metrics(formal).statutory_duties  # FC-16
        assert metrics(formal).mid_term_changes == "committee"  # FC-15

    def test_chair(self, formal: jy.RuleSet, forum: jy.RuleSet) -> None:
        assert metrics(formal).chair == "dialogue_with_committee"  # FC-7
        assert (metrics(forum).chair, metrics(forum).vice_chairs) == ("none", 0)  # OF-5


class TestWorkloadAndFees:
    def test_meetings_and_person_hours(self, formal: jy.RuleSet, ku: jy.RuleSet) -> None:
        m = metrics(formal)
        assert m.meetings_per_year == 6  # FC-11 upper end
        assert m.hours_per_member == pytest.approx(6 * (2.5 + 1.5))
        assert m.person_hours_per_year == pytest.approx(m.hours_per_member * m.headcount)
        k = metrics(ku)
        # KU-9: monthly (read as up to 12 a year) plus the network meetings the rule set
        # counts (the seed gives no number: none are counted)
        meetings = ku.meetings
        network = meetings.network_meetings_per_year * meetings.network_meeting_hours
        per_meeting = meetings.hours + meetings.preparation_hours
        assert k.hours_per_member == pytest.approx(12 * per_meeting + network)

    def test_fee_cost(self, formal: jy.RuleSet) -> None:
        m = metrics(formal, fee_per_meeting=40.0)
        assert m.fee_seats == 18
        assert m.annual_fee_cost == pytest.approx(40.0 * 6 * 18)

    def test_no_fee_costs_nothing(self, forum: jy.RuleSet, formal: jy.RuleSet) -> None:
        assert metrics(forum, fee_per_meeting=100.0).annual_fee_cost == 0.0  # OF-9
        free = attrs.evolve(formal, fee=FeePolicy.NONE)
        assert metrics(free, fee_per_meeting=100.0).annual_fee_cost == 0.0

    def test_negative_fee_is_refused(self, formal: jy.RuleSet) -> None:
        with pytest.raises(ValueError, match="fee_per_meeting"):
            metrics(formal, fee_per_meeting=-1)


class TestTermAndContinuity:
    def test_term_months(self, formal: jy.RuleSet, forum: jy.RuleSet) -> None:
        assert metrics(formal).term_months == 24
        assert metrics(forum).term_months is None  # OF-8
        council = attrs.evolve(formal, term=TermPolicy(mode=TermMode.COUNCIL, rotation=0.5))
        assert metrics(council).term_months == 48

    def test_half_stay_at_each_changeover(self, formal: jy.RuleSet, ku: jy.RuleSet) -> None:
        assert metrics(formal).continuity == 0.5  # FC-13
        assert metrics(ku).continuity == 0.5  # KU-5

    def test_everyone_changing_at_once_keeps_nobody(self, formal: jy.RuleSet) -> None:
        whole = attrs.evolve(formal, term=TermPolicy(months=24, rotation=1.0))
        assert metrics(whole).continuity == 0.0

    def test_swot_is_data(self, formal: jy.RuleSet) -> None:
        strengths = metrics(formal).swot.strengths  # FC-17
        assert any("direct link to the committee" in s for s in strengths)


class TestSkeleton:
    def test_ku_skeleton_has_no_deputies(self, ku: jy.RuleSet) -> None:
        comp = skeleton_composition(ku)
        assert len(comp.seats_of(jy.SeatKind.MEMBER)) == 10
        assert comp.seats_of(jy.SeatKind.DEPUTY) == ()


class TestScorecard:
    def test_lines_follow_criteria(self, formal: jy.RuleSet) -> None:
        card = scorecard(formal)
        assert [line.criterion for line in card.lines] == [c.id for c in CRITERIA]
        for line in card.lines:
            assert line.verdict in (0.0, 0.5, 1.0)
            assert line.why
            assert line.facts
            assert all(r.split("-")[0] in {"WS", "FC", "OF", "KU"} for r in line.rules)

    def test_default_weights_are_equal(self, formal: jy.RuleSet) -> None:
        card = scorecard(formal)
        assert set(DEFAULT_WEIGHTS) == {c.id for c in CRITERIA}
        mean = sum(line.verdict for line in card.lines) / len(card.lines)
        assert card.total == pytest.approx(mean)

    def test_weights_change_the_total(self, forum: jy.RuleSet) -> None:
        base = scorecard(forum).total
        heavy = scorecard(forum, weights={"openness": 10.0}).total  # the forum is open
        assert heavy > base
        assert scorecard(forum, weights={"openness": 10.0}).line("openness").weight == 10.0

    def test_zero_weight_drops_a_criterion(self, forum: jy.RuleSet) -> None:
        weights = {c.id: 0.0 for c in CRITERIA} | {"continuity": 1.0}
        assert scorecard(forum, weights=weights).total == 0.0  # agreed term, agreed deputies

    @pytest.mark.parametrize(
        "weights", [{"nonsense": 1.0}, {"openness": -1.0}, {c.id: 0.0 for c in CRITERIA}]
    )
    def test_bad_weights(self, formal: jy.RuleSet, weights: dict[str, float]) -> None:
        with pytest.raises(ValueError, match=r"weight|criterion"):
            scorecard(formal, weights=weights)

    def test_verdicts_on_the_presets(
        self, formal: jy.RuleSet, forum: jy.RuleSet, ku: jy.RuleSet
    ) -> None:
        assert scorecard(formal).line("decision_link").word == "good"  # FC-17 strength
        assert scorecard(forum).line("decision_link").word == "partial"  # OF-11 weakness
        assert scorecard(forum).line("openness").word == "good"  # OF-4
        # FC-6 requires its committee members: they do not count against independence
        assert scorecard(formal).line("party_independence").word == "good"
        assert scorecard(forum).line("party_independence").word == "good"  # OF-7 likewise
        # seed 002 says nothing of party politics, so nothing keeps it out
        assert scorecard(ku).line("party_independence").word == "weak"
        assert scorecard(forum).line("workload").word == "partial"  # WS-9: no budget
        assert scorecard(forum).line("concrete_results").word == "partial"

    def test_elected_seats_an_area_chose_count_against_independence(
        self, formal: jy.RuleSet
    ) -> None:
        general = formal.as_general()  # the same body, as an area's own general rule set
        line = scorecard(general).line("party_independence")
        assert line.word == "partial"
        assert line.facts["elected_seats"] == 2
        assert line.facts["elected_seats_the_kind_requires"] == 0
        required = scorecard(formal).line("party_independence").facts
        assert required["elected_seats_the_kind_requires"] == required["elected_seats"] == 2

    @pytest.mark.parametrize(
        "tasks",
        [
            ("prepare statements and proposals for the committee",),
            ("valmistella lausuntoja ja esityksiä lautakunnalle",),
            ("nimetä järjestöjen edustajat muihin ryhmiin",),
            ("bereda utlåtanden och förslag till nämnden",),
            ("utse organisationernas representanter till andra grupper",),
        ],
    )
    def test_concrete_results_read_finnish_and_swedish(
        self, ku: jy.RuleSet, tasks: tuple[str, ...]
    ) -> None:
        assert scorecard(attrs.evolve(ku, tasks=tasks)).line("concrete_results").verdict == 1.0
        vague = attrs.evolve(ku, tasks=("tavata säännöllisesti",))
        assert scorecard(vague).line("concrete_results").verdict == 0.5

    def test_scorecard_renders(self, ku: jy.RuleSet) -> None:
        card = scorecard(ku)
        assert "**total**" in card.to_markdown()
        assert card._repr_html_().startswith("<table>")
        assert len(card.to_records()) == len(CRITERIA)


@pytest.fixture(scope="module")
def table() -> ComparisonTable:
    return compare(
        jy.load_preset(FORMAL),
        jy.load_preset(FORUM),
        jy.load_preset(KU),
        labels=("formal", "forum", "KU"),
        fee_per_meeting=50.0,
    )


class TestCompare:
    def test_rows(self, table: ComparisonTable) -> None:
        assert table.row("ngo_seats").values == (16, 20, 10)
        # seed 002 leaves fees to be looked into: no stated fee, no cost to compute
        assert table.row("annual_fee_cost").values == (50.0 * 6 * 18, 0.0, None)
        assert table.row("score:total").values[1] < table.row("score:total").values[0]
        assert len(table.rows) == len(METRIC_DEFINITIONS) + len(CRITERIA) + 1

    def test_records(self, table: ComparisonTable) -> None:
        records = table.to_records()
        assert records[0]["metric"] == "name"
        assert set(records[0]) == {"metric", "unit", "formal", "forum", "KU"}

    def test_markdown_and_text(self, table: ComparisonTable) -> None:
        md = table.to_markdown()
        assert md.splitlines()[0] == "| metric | unit | formal | forum | KU |"
        assert "| ngo_seats | seats | 16 | 20 | 10 |" in md
        assert "ngo_seats" in table.to_text()

    def test_html_escapes(self) -> None:
        rules = attrs.evolve(jy.load_preset(KU), name="<b>x</b> & y")
        html = compare(rules)._repr_html_()
        assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html
        assert "<b>" not in html

    def test_json_schema(self, table: ComparisonTable) -> None:
        data = json.loads(table.to_json())
        assert data["schema"] == "jarjestoyhteistyo.analysis.compare/1"
        assert data["labels"] == ["formal", "forum", "KU"]
        row = next(r for r in data["rows"] if r["metric"] == "deputy_seats")
        assert row["values"] == [16, None, 0]
        assert row["unit"] == "seats"
        assert row["definition"]

    def test_default_labels_are_unique(self) -> None:
        rules = jy.load_preset(KU)
        table = compare(rules, rules)
        assert len(set(table.labels)) == 2

    def test_with_composition(self) -> None:
        comp = jy.load_composition("examples/vantaa-kerava-formal.yaml")
        table = compare((jy.load_preset(FORMAL), comp), labels=("formal",))
        assert table.row("seated").values == (18,)

    def test_errors(self) -> None:
        with pytest.raises(ValueError, match="at least one"):
            compare()
        with pytest.raises(ValueError, match="label"):
            compare(jy.load_preset(KU), labels=("a", "b"))

    def test_dataframe(self, table: ComparisonTable) -> None:
        if importlib.util.find_spec("pandas") is None:
            with pytest.raises(ImportError, match=r"jarjestoyhteistyo\[pandas\]"):
                table.to_dataframe()
        else:  # pragma: no cover - pandas is optional
            frame = table.to_dataframe()
            assert frame.loc["forum", "ngo_seats"] == table.row("ngo_seats").values[1]
            assert str(frame["ngo_seats"].dtype) == "Int64"
            assert str(frame["score:total"].dtype) == "Float64"
            assert frame.index.tolist() == list(table.labels)
            wide = table.to_dataframe(orient="metrics")
            assert wide.loc["ngo_seats"].tolist()[1:] == list(table.row("ngo_seats").values)

    def test_import_stays_light(self) -> None:
        code = (
            "import sys, json, jarjestoyhteistyo, jarjestoyhteistyo.analysis.compare, "
            "jarjestoyhteistyo.analysis.simulate, jarjestoyhteistyo.render.diagrams, "
            "jarjestoyhteistyo.render.plots\n"
            "print(json.dumps([m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules]))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert json.loads(out.stdout) == []


class TestDiagrams:
    def test_formal_nodes(self) -> None:
        g = structure_graph(jy.load_preset(FORMAL))
        kinds = [n.kind for n in g.nodes]
        assert kinds.count("seats") == 8  # FC-4: one node per category
        assert g.node("parent").label == "local democracy and participation committee"
        assert g.node("committee").kind == "committee"  # FC-6

    def test_ku_networks_and_officials(self) -> None:
        text = to_mermaid(jy.load_preset(KU))
        assert text.startswith("flowchart TD")
        for net in ("children_families", "older_people", "multi_sector"):
            assert f"net_{net} -->" in text  # KU-10 networks feed the council
        assert "wellbeing area's NGO<br/>contact person (1)" in text  # KU-4, wrapped
        assert "secretary: regional NGO<br/>umbrella association" in text  # KU-6

    def test_forum_registration_and_coordinator(self) -> None:
        text = to_dot(jy.load_preset(FORUM))
        assert '"registration" -> "body"' in text  # OF-3
        assert '"coordinator" -> "body"' in text  # OF-5
        assert text.rstrip().endswith("}")

    def test_appointing_authority_node(self) -> None:
        rules = attrs.evolve(
            jy.load_preset(FORMAL),
            selection=attrs.evolve(
                jy.load_preset(FORMAL).selection,
                authority=Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS,
            ),
        )
        g = structure_graph(rules)
        assert g.node("authority").label == "committee proposes, executive board appoints"

    def test_quotes_are_escaped(self) -> None:
        rules = attrs.evolve(jy.load_preset(KU), name='say "hi"', names=None)
        assert 'body["say #quot;hi#quot;"]' in to_mermaid(rules)
        assert 'label="say \\"hi\\""' in to_dot(rules)

    def test_deterministic(self) -> None:
        rules = jy.load_preset(FORMAL)
        assert to_mermaid(rules) == to_mermaid(rules)
        assert to_dot(rules) == to_dot(rules)


class TestPlots:
    def test_missing_matplotlib_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from jarjestoyhteistyo.render.plots import plot_scorecard

        monkeypatch.setitem(sys.modules, "matplotlib", None)
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
        with pytest.raises(ImportError, match=r"jarjestoyhteistyo\[plot\]"):
            plot_scorecard(scorecard(jy.load_preset(KU)))

    def test_bad_suffix(self) -> None:
        from jarjestoyhteistyo.render.plots import plot_scorecard

        with pytest.raises(ValueError, match="png"):
            plot_scorecard(scorecard(jy.load_preset(KU)), path="x.jpg")

    def test_figures_and_files(self, tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        from jarjestoyhteistyo.analysis.simulate import compare_terms
        from jarjestoyhteistyo.render.plots import plot_rotation, plot_scorecard, plot_vacancy_risk

        fig = plot_scorecard(
            scorecard(jy.load_preset(FORMAL)),
            scorecard(jy.load_preset(KU)),
            path=tmp_path / "card.svg",
        )
        assert fig.axes
        assert (tmp_path / "card.svg").read_text().lstrip().startswith("<?xml")
        plot_rotation(jy.load_preset(KU), years=4, path=tmp_path / "rotation.png")
        assert (tmp_path / "rotation.png").read_bytes()[:4] == b"\x89PNG"
        results = compare_terms(jy.load_preset(KU), dropout_per_year=0.1, runs=20, seed=1)
        fig = plot_vacancy_risk({"KU": results}, path=tmp_path / "risk.png")
        assert len(fig.axes) == 2


def test_compare_html_is_a_whole_page_and_an_unknown_fee_cost_is_not_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue #17 point 4: charset, title, language; a fee-paying body's cost without a
    fee per meeting is unknown (empty), a body paying none costs 0."""
    from html.parser import HTMLParser

    from jarjestoyhteistyo.cli import main

    class Page(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []
            self.cells: list[str] = []
            self.title = ""
            self._in: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))
            self._in = tag

        def handle_endtag(self, tag: str) -> None:
            self._in = None

        def handle_data(self, data: str) -> None:
            if self._in == "title":
                self.title += data
            elif self._in == "td":
                self.cells.append(data)

    def page(*argv: str) -> Page:
        assert main(["compare", "vake", "vake-forum", "--format", "html", *argv]) == 0
        parsed = Page()
        parsed.feed(capsys.readouterr().out)
        return parsed

    fi = page("--lang", "fi")
    assert ("html", {"lang": "fi"}) in fi.tags
    assert ("meta", {"charset": "utf-8"}) in fi.tags
    assert fi.title == "Rakenteiden vertailu"

    def fee_cost(p: Page) -> list[str]:
        i = p.cells.index("annual_fee_cost")
        return p.cells[i + 2 : i + 4]  # after the unit: formal body, forum

    assert fee_cost(page()) == ["—", "0"]
    assert fee_cost(page("--fee-per-meeting", "50")) == ["5400", "0"]
