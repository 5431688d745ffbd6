"""Objects a notebook shows (issue #17 point 3): ``print(report)`` is its text, a report
is true when it is ok, the results have HTML tables (escaped) and tidy DataFrames."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.roadmap import evaluate
from jarjestoyhteistyo.analysis.scorecard import scorecard
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.fictional.generate import generate, to_registrations
from jarjestoyhteistyo.rules.roadmap import load_roadmap

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROADMAP = Path(jy.__file__).parent / "presets" / "roadmaps" / "vantaa-kerava.yaml"


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._cell = tag in ("td", "th")
        if self._cell:
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        self._cell = False

    def handle_data(self, data: str) -> None:
        if self._cell:
            self.cells[-1] += data


def _cells(html: str) -> _Cells:
    parsed = _Cells()
    parsed.feed(html)
    return parsed


@pytest.fixture(autouse=True)
def _english_display(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read English headers unless they choose a language: the display
    language follows the environment, so the environment is English here."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    jy.set_display_language(None)


def _broken() -> tuple[jy.RuleSet, jy.Composition]:
    rules = jy.load_preset("vake")
    comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    seats = tuple(
        attrs.evolve(s, organisation="<b>x</b>") if s.id == "child-family-d1" else s
        for s in comp.seats
    )
    return rules, attrs.evolve(comp, seats=seats)


def test_a_report_prints_as_its_text_and_is_true_when_ok() -> None:
    clean = jy.validate(
        jy.load_preset("vake"), jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    )
    failed = jy.validate(*_broken())
    assert str(clean) == clean.to_text()
    assert str(failed) == failed.to_text()
    assert bool(clean) is True
    assert bool(failed) is False
    warned = jy.check(jy.load_preset("vake-forum"))  # an info finding: still ok
    assert len(warned) > 0
    assert bool(warned) is True


def test_the_report_html_escapes_and_lists_each_finding() -> None:
    report = jy.validate(*_broken())
    html = report._repr_html_()
    assert "<b>x</b>" not in html
    cells = _cells(html).cells
    assert cells[:5] == ["severity", "code", "rule", "path", "message"]
    assert len(cells) == 5 * (len(report) + 1)
    assert "&lt;b&gt;" in html
    fi = report._repr_html_("fi")
    assert "virhe" in _cells(fi).cells


def test_the_report_dataframe_is_tidy() -> None:
    pd = pytest.importorskip("pandas")
    report = jy.validate(*_broken())
    frame = report.to_dataframe()
    assert len(frame) == len(report)
    assert isinstance(frame["severity"].dtype, pd.CategoricalDtype)
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["info", "warning", "error"]
    assert str(frame["code"].dtype) == "string"
    assert set(frame["code"]) == report.codes
    assert report.to_dataframe("sv")["message"].iloc[0] == report.findings[0].message_sv


def test_composition_plan_proposal_and_evaluation_have_html_tables() -> None:
    comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    cells = _cells(comp._repr_html_()).cells
    assert cells[:6] == ["seat", "kind", "group", "organisation", "deputy of", "functions"]
    assert len(cells) == 6 * (len(comp.seats) + 1)

    plan = rotation_plan(jy.load_preset("vake"), comp, years=8)
    cells = _cells(plan._repr_html_()).cells
    assert len(cells) == 3 * (len(plan.changeovers) + 1)

    example = generate(jy.load_preset("vake"), seed=1, registrations=40)
    registrations = to_registrations(example).registrations
    proposal = jy.propose(jy.load_preset("vake"), registrations, seed=1)
    html = proposal._repr_html_("fi")
    assert "table" in _cells(html).tags
    assert all(x.organisation in html for x in proposal.explanations)

    doc = load_roadmap(ROADMAP)
    evaluation = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    cells = _cells(evaluation._repr_html_()).cells
    milestones = [m for g in evaluation.goals for a in g.areas for m in a.milestones]
    assert len(cells) == 5 * (len(milestones) + 1)


def test_scorecard_and_rotation_dataframes_have_typed_columns() -> None:
    pytest.importorskip("pandas")
    card = scorecard(jy.load_preset("ku")).to_dataframe()
    assert str(card["verdict"].dtype) == "float64"
    assert str(card["weight"].dtype) == "float64"
    assert card["criterion"].is_unique
    comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    plan = rotation_plan(jy.load_preset("vake"), comp, years=8)
    frame = plan.to_dataframe()
    assert len(frame) == len(plan.tenures)
    assert str(frame["start"].dtype).startswith("datetime64")
    assert (frame["end"] >= frame["start"]).all()


def test_the_report_dataframe_has_the_line_where_the_place_is_known() -> None:
    pd = pytest.importorskip("pandas")
    from jarjestoyhteistyo.io.yamldoor import position_of, positions

    text = (EXAMPLES / "vantaa-kerava-formal.yaml").read_text(encoding="utf-8")
    report = jy.validate(*_broken())
    where = positions(text)
    frame = report.to_dataframe(place=lambda f: position_of(where, f.path))
    assert list(frame.columns) == ["severity", "code", "rule", "path", "line", "message"]
    assert isinstance(frame["line"].dtype, pd.Int64Dtype)
    for f, line in zip(report.findings, frame["line"], strict=True):
        at = position_of(where, f.path)
        assert (line is pd.NA) if at is None else (line == at[0])
    unknown = report.to_dataframe(place=lambda f: None)
    assert unknown["line"].isna().all()
    assert "line" not in report.to_dataframe().columns


def _every_display() -> dict[str, object]:
    """One object of each kind a notebook shows as a table."""
    from jarjestoyhteistyo.analysis.compare import compare

    comp = jy.load_composition(EXAMPLES / "vantaa-kerava-formal.yaml")
    example = generate(jy.load_preset("vake"), seed=1, registrations=40)
    doc = load_roadmap(ROADMAP)
    return {
        "report": jy.validate(*_broken()),
        "composition": comp,
        "plan": rotation_plan(jy.load_preset("vake"), comp, years=8),
        "proposal": jy.propose(
            jy.load_preset("vake"), to_registrations(example).registrations, seed=1
        ),
        "evaluation": evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27)),
        "scorecard": scorecard(jy.load_preset("ku")),
        "comparison": compare(jy.load_preset("ku")),
    }


#: A header each kind shows in English, Finnish and Swedish.
_HEADERS = {
    "report": ("severity", "vakavuus", "allvarlighet"),
    "composition": ("deputy of", "varajäsen paikalle", "ersättare för"),
    "plan": ("changeover", "vaihdos", "byte"),
    "proposal": ("organisation", "järjestö", "organisation"),
    "evaluation": ("action area", "toimenpidealue", "åtgärdsområde"),
    "scorecard": ("criterion", "kriteeri", "kriterium"),
    "comparison": ("metric", "mittari", "mätare"),
}


def test_the_tables_speak_the_display_language(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _every_display()
    for lang, index in (("en", 0), ("fi", 1), ("sv", 2)):
        jy.set_display_language(lang)  # type: ignore[arg-type]
        for kind, obj in shown.items():
            headers = _cells(obj._repr_html_()).cells  # type: ignore[attr-defined]
            assert _HEADERS[kind][index] in headers, (lang, kind, headers[:8])
    jy.set_display_language(None)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")  # a kernel started in Finnish
    for kind, obj in shown.items():
        headers = _cells(obj._repr_html_()).cells  # type: ignore[attr-defined]
        assert _HEADERS[kind][1] in headers, (kind, headers[:8])
    # an explicit language wins over the display language
    assert "byte" in _cells(shown["plan"]._repr_html_("sv")).cells  # type: ignore[attr-defined]


def test_a_display_language_outside_the_three_is_refused() -> None:
    with pytest.raises(jy.JarjestoError) as exc:
        jy.set_display_language("de")  # type: ignore[arg-type]
    assert "fi, sv, en" in exc.value.message_in("sv")
    assert isinstance(exc.value, ValueError)


def test_the_evaluation_dataframe_has_typed_columns() -> None:
    pytest.importorskip("pandas")
    doc = load_roadmap(ROADMAP)
    evaluation = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    milestones = evaluation.to_dataframe()
    assert len(milestones) == sum(len(a.milestones) for g in evaluation.goals for a in g.areas)
    assert str(milestones["year"].dtype) == "int64"
    measures = evaluation.to_dataframe("measure")
    assert len(measures) == sum(len(a.measures) for g in evaluation.goals for a in g.areas)
    assert set(measures["overdue"].unique()) <= {True, False}
