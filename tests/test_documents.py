"""Committee documents (issue #17 point 1): the rules of procedure, the composition
appendix and the validation summary, written as .docx, .odt, HTML and Markdown and
read back.

Every body preset with its example composition, in Finnish, Swedish and English: the
.docx read with python-docx (paragraph texts, the appendix table's cells equal the
composition's seats), the .odt with odfpy (its text elements), the HTML with
``html.parser`` (charset, title, ``lang``, table rows), the Markdown line by line; a
value the rule set leaves out is said to be unstated; every section's rule ids are rule
ids of the rulebook; no person's name appears unless the composition has one; and the
HTML page renders in headless Chromium (skipped without it).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.errors import JarjestoError, MissingDependencyError, RenderError
from jarjestoyhteistyo.i18n import LANGUAGES, Lang, pgettext
from jarjestoyhteistyo.io.serialize import loads
from jarjestoyhteistyo.model.composition import Composition, Person, Role, Seat, SeatKind
from jarjestoyhteistyo.model.rulesets import GeneralRuleSet, IntRange, RuleSet
from jarjestoyhteistyo.presets import body_presets
from jarjestoyhteistyo.render import documents
from jarjestoyhteistyo.render.documents import (
    Document,
    committee_document,
    composition_appendix,
    rules_of_procedure,
    to_docx,
    to_html,
    to_markdown,
    to_odt,
    validation_summary,
    write_document,
)
from jarjestoyhteistyo.rulebook import all_rules

ROOT = Path(__file__).resolve().parent.parent
PRESETS = [p.name for p in body_presets()]
CASES = [(name, lang) for name in PRESETS for lang in LANGUAGES]


def _inputs(name: str) -> tuple[RuleSet, Composition]:
    rules = jy.load_preset(name)
    text = (ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8")
    return rules, loads(text, Composition)


def _document(name: str, lang: Lang) -> tuple[Document, Composition]:
    rules, composition = _inputs(name)
    report = jy.validate(rules, composition)
    return committee_document(rules, composition, report, lang=lang), composition


def _seat_label(lang: str) -> str:
    return pgettext(lang, "document", "Seat")


def _seat_rows(rows: list[list[str]], lang: str) -> list[str]:
    """The first cell of each row of the seats table (the header row found by its word)."""
    header = next(i for i, row in enumerate(rows) if row and row[0] == _seat_label(lang))
    width = len(rows[header])
    found = []
    for row in rows[header + 1 :]:
        if len(row) != width:  # the next table (the findings) begins
            break
        found.append(row[0])
    return found


def test_every_preset_has_an_example() -> None:
    assert PRESETS
    for name in PRESETS:
        assert (ROOT / "examples" / f"{name}.yaml").is_file()


# --------------------------------------------------------------------------- .docx
@pytest.mark.parametrize(("name", "lang"), CASES)
def test_docx_reads_back(name: str, lang: Lang, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    doc, composition = _document(name, lang)
    path = tmp_path / "document.docx"
    to_docx(doc, path)
    read = docx.Document(str(path))
    texts = [p.text for p in read.paragraphs]
    assert texts[0] == doc.title
    assert read.core_properties.language == lang
    assert read.core_properties.title == doc.page_title
    for section in doc.sections:
        assert section.title in texts
        for paragraph in section.paragraphs:
            assert paragraph in texts
        for item in section.items:
            assert item in texts
        if section.rules:
            assert section.rules_line in texts
    assert texts.count(doc.sections[0].title) == 1
    assert doc.sections[0].title.startswith("1 §" if lang != "en" else "Section 1")
    headings = [p.text for p in read.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.title for s in doc.sections]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in read.tables]
    seats = next(t for t in tables if t[0][0] == _seat_label(lang))
    assert [row[0] for row in seats[1:]] == [s.id for s in composition.seats]
    expected = [s.table for s in doc.sections if s.table is not None]
    assert len(tables) == len(expected)
    for got, table in zip(tables, expected, strict=True):
        assert tuple(got[0]) == table.header
        assert [tuple(r) for r in got[1:]] == list(table.rows)


# ---------------------------------------------------------------------------- .odt
def _odt_texts(path: Path) -> tuple[list[str], list[str], list[list[str]]]:
    pytest.importorskip("odf")
    from odf import table, teletype, text
    from odf.opendocument import load

    odt = load(str(path))
    headings = [teletype.extractText(h) for h in odt.getElementsByType(text.H)]
    paragraphs = [teletype.extractText(p) for p in odt.getElementsByType(text.P)]
    rows = [
        [teletype.extractText(c) for c in row.getElementsByType(table.TableCell)]
        for row in odt.getElementsByType(table.TableRow)
    ]
    return headings, paragraphs, rows


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_odt_reads_back(name: str, lang: Lang, tmp_path: Path) -> None:
    pytest.importorskip("odf")
    doc, composition = _document(name, lang)
    path = tmp_path / "document.odt"
    to_odt(doc, path)
    headings, paragraphs, rows = _odt_texts(path)
    assert headings == [s.title for s in doc.sections]
    assert paragraphs[0] == doc.title
    for section in doc.sections:
        for paragraph in (*section.paragraphs, *section.items):
            assert paragraph in paragraphs
    assert _seat_rows(rows, lang) == [s.id for s in composition.seats]


def test_odt_to_a_stream_has_its_language_and_title() -> None:
    pytest.importorskip("odf")
    from odf import dc
    from odf.opendocument import load

    doc = rules_of_procedure(jy.load_preset("keski-uusimaa"), lang="sv")
    buffer = io.BytesIO()
    to_odt(doc, buffer)
    assert buffer.getvalue()[:2] == b"PK"
    buffer.seek(0)
    odt = load(buffer)
    assert [str(x) for x in odt.meta.getElementsByType(dc.Language)] == ["sv"]
    assert [str(x) for x in odt.meta.getElementsByType(dc.Title)] == [doc.page_title]


# ---------------------------------------------------------------------------- HTML
class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.charset: str | None = None
        self.title = ""
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._in: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        elif tag in ("title", "h2"):
            self._in = tag
            if tag == "h2":
                self.headings.append("")
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "h2"):
            self._in = None
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h2":
            self.headings[-1] += data
        if self._cell is not None:
            self._cell.append(data)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_html_reads_back(name: str, lang: Lang) -> None:
    pytest.importorskip("jinja2")
    doc, composition = _document(name, lang)
    page = to_html(doc)
    assert page.startswith("<!DOCTYPE html>")
    parsed = _Page()
    parsed.feed(page)
    assert parsed.lang == lang
    assert parsed.charset == "utf-8"
    assert parsed.title == doc.page_title
    assert parsed.headings == [s.title for s in doc.sections]
    assert _seat_rows(parsed.rows, lang) == [s.id for s in composition.seats]
    tables = [s.table for s in doc.sections if s.table is not None]
    assert len(parsed.rows) == sum(1 + len(t.rows) for t in tables)


def test_html_escapes_what_the_input_says() -> None:
    pytest.importorskip("jinja2")
    rules = GeneralRuleSet(name="<script>alert(1)</script>", area="A & B\x1b[2J")
    page = to_html(rules_of_procedure(rules))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "A &amp; B[2J" in page
    assert "\x1b" not in page


# ------------------------------------------------------------------------ Markdown
@pytest.mark.parametrize(("name", "lang"), CASES)
def test_markdown_lines(name: str, lang: Lang) -> None:
    pytest.importorskip("jinja2")
    doc, composition = _document(name, lang)
    lines = to_markdown(doc).splitlines()
    assert lines[0] == f"# {doc.title}"
    assert [line[3:] for line in lines if line.startswith("## ")] == [s.title for s in doc.sections]
    assert f"**{doc.subtitle}**" in lines
    header = f"| {_seat_label(lang)} |"
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    assert set(lines[start + 1].replace("|", "").split()) == {"---"}
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line.strip("| ").split(" | ")[0].replace("\\", ""))
    assert rows == [s.id for s in composition.seats]
    for section in doc.sections:
        if section.rules:
            assert f"*{section.rules_line}*" in lines
    assert "\n\n\n" not in to_markdown(doc)


def test_markdown_escapes_markup() -> None:
    pytest.importorskip("jinja2")
    rules = GeneralRuleSet(name="# Not | a *heading*", area="1. area", tasks=("- x",))
    text = to_markdown(rules_of_procedure(rules))
    assert text.splitlines()[0] == "# \\# Not \\| a \\*heading\\*"
    assert "- \\- x" in text.splitlines()


# ------------------------------------------------------------- what the text says
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unstated_value_is_said_to_be_unstated(lang: Lang) -> None:
    rules = GeneralRuleSet(name="Council", area="Area")
    assert rules.fee is None
    assert rules.term is None
    assert rules.meetings.per_year is None
    doc = rules_of_procedure(rules, lang=lang)
    said = [p for s in doc.sections for p in s.paragraphs]
    for unstated in (
        "The rule set does not state meeting fees.",
        "The rule set does not state the term.",
        "The rule set does not state how often the body meets.",
        "The rule set does not state who appoints the members.",
        "The rule set does not state who decides on changes in the composition during the term.",
        "The rule set states no tasks.",
        "The rule set has no provision on a chair.",
        "The rule set does not state a secretary.",
    ):
        assert pgettext(lang, "document", unstated) in said
    for invented in (
        "Meeting fees are paid according to the fee rule.",
        "No meeting fees are paid.",
        "Instead of meeting fees, other compensation is paid as agreed.",
        "The term is agreed with the organisations.",
    ):
        assert pgettext(lang, "document", invented) not in said


def test_the_disability_council_states_no_fee_and_no_meetings() -> None:
    doc = rules_of_procedure(jy.load_preset("lansi-uusimaa-disability-council"), lang="fi")
    meetings = doc.sections[4]
    assert meetings.title == "5 § Kokoukset ja kokouspalkkiot"
    assert meetings.paragraphs == (
        "Sääntökokoelmassa ei määrätä, kuinka usein toimielin kokoontuu.",
        "Sääntökokoelmassa ei määrätä kokouspalkkioista.",
    )


def test_a_stated_value_is_stated() -> None:
    doc = rules_of_procedure(jy.load_preset("vantaa-kerava-formal"), lang="sv")
    said = [p for s in doc.sections for p in s.paragraphs]
    assert "Mötesarvoden betalas enligt arvodesstadgan." in said
    assert "Mandatperioden är 24 månader." in said
    assert "Organet sammanträder 4–6 gånger om året." in said
    assert doc.sections[0].title == "1 § Uppgifter"


@pytest.mark.parametrize("name", PRESETS)
def test_every_section_cites_rules_of_the_rulebook(name: str) -> None:
    known = {r.id for r in all_rules()}
    doc, _ = _document(name, "en")
    for section in doc.sections:
        assert set(section.rules) <= known, section.title
    for section in rules_of_procedure(jy.load_preset(name)).sections[1:]:
        assert section.rules, section.title


@pytest.mark.parametrize("name", PRESETS)
def test_an_appendix_names_no_person_without_names(name: str) -> None:
    rules, composition = _inputs(name)
    assert not any(s.person is not None and s.person.name for s in composition.seats)
    for lang in LANGUAGES:
        table = composition_appendix(rules, composition, lang=lang).sections[0].table
        assert table is not None
        assert pgettext(lang, "document", "Name") not in table.header
        assert len(table.header) == 7
        assert [row[0] for row in table.rows] == [s.id for s in composition.seats]


def test_a_name_given_is_shown() -> None:
    rules = jy.load_preset("vake")
    seat = Seat(
        id="m1",
        kind=SeatKind.MEMBER,
        group="pensioners",
        person=Person(role=Role.VOLUNTEER, name="N. N."),
    )
    table = composition_appendix(rules, Composition(seats=(seat,)), lang="fi").sections[0].table
    assert table is not None
    assert table.header[-1] == "Nimi"
    assert table.rows == (("m1", "jäsen", "eläkeläiset", "", "", "", "", "N. N."),)


def test_term_dates_come_from_the_term_calculator() -> None:
    rules, composition = _inputs("vantaa-kerava-formal")
    dated = attrs.evolve(composition, as_of=date(2026, 3, 1))
    rows = composition_appendix(rules, dated, lang="en").sections[0].table.rows  # type: ignore[union-attr]
    member = next(r for r, s in zip(rows, dated.seats, strict=True) if s.kind is SeatKind.MEMBER)
    assert member[-2:] == ("2026-03-01", "2028-02-29")
    undated = attrs.evolve(composition, as_of=None)
    appendix = composition_appendix(rules, undated, lang="en").sections[0]
    assert all(r[-2:] == ("", "") for r in appendix.table.rows)  # type: ignore[union-attr]
    assert "Term start and end are left blank: the composition gives no date." in (
        appendix.paragraphs
    )


def test_council_term_dates_end_with_the_council_term() -> None:
    rules, composition = _inputs("lansi-uusimaa-disability-council")
    dated = attrs.evolve(composition, as_of=date(2025, 10, 2))
    rows = composition_appendix(rules, dated, lang="fi").sections[0].table.rows  # type: ignore[union-attr]
    assert rows[0][-2:] == ("2.10.2025", "31.5.2029")


def test_validation_summary_lists_every_finding() -> None:
    rules = jy.load_preset("vake")
    report = jy.validate(rules, Composition())
    doc = validation_summary(report, lang="fi")
    table = doc.sections[0].table
    assert table is not None
    assert len(table.rows) == len(report.findings)
    assert {row[1] for row in table.rows} == report.codes
    assert {row[0] for row in table.rows} <= {"virhe", "varoitus", "huomautus", "tieto", "info"}
    assert [row[4] for row in table.rows] == [f.message_fi for f in report.findings]
    clean = validation_summary(jy.Report(subject="x"), lang="sv")
    assert clean.sections[0].table is None
    assert "Inga iakttagelser." in clean.sections[0].paragraphs


# ----------------------------------------------------------------- the writers
def test_write_document_chooses_by_suffix(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    pytest.importorskip("odf")
    pytest.importorskip("jinja2")
    doc = rules_of_procedure(jy.load_preset("keski-uusimaa"), lang="fi")
    for suffix, kind in documents.SUFFIXES.items():
        path = tmp_path / f"out{suffix}"
        assert write_document(doc, path) == kind
        assert path.stat().st_size > 0
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == to_markdown(doc)
    with pytest.raises(RenderError, match=r"\.pdf"):
        write_document(doc, tmp_path / "out.pdf")


def test_a_symbolic_link_is_not_written_through(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    target = tmp_path / "target.docx"
    target.write_bytes(b"keep")
    link = tmp_path / "link.docx"
    link.symlink_to(target)
    with pytest.raises(JarjestoError, match="symbolic link"):
        to_docx(rules_of_procedure(jy.load_preset("vake")), link)
    assert target.read_bytes() == b"keep"


@pytest.mark.parametrize("module", ["jinja2", "docx", "odf"])
def test_a_missing_library_names_the_extra(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)
    doc = rules_of_procedure(jy.load_preset("vake"))
    writer = {"jinja2": to_html, "docx": to_docx, "odf": to_odt}[module]
    args = () if module == "jinja2" else (io.BytesIO(),)
    with pytest.raises(MissingDependencyError, match=r"jarjestoyhteistyo\[documents\]") as exc:
        writer(doc, *args)
    assert isinstance(exc.value, ImportError)
    assert "pip install" in exc.value.message_in("fi")


# ---------------------------------------------------------------- in a browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium")
def test_the_html_page_renders_in_a_browser(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    doc, _ = _document("vantaa-kerava-formal", "fi")
    page = tmp_path / "document.html"
    page.write_text(to_html(doc), encoding="utf-8")
    png = tmp_path / "document.png"
    chromium = shutil.which("chromium")
    assert chromium is not None
    subprocess.run(
        [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000  # a page of text and tables, not a blank one


def test_the_sources_new_captures_reach_the_document() -> None:
    """KU-14, KU-9, KU-2 (issue #18 point 6): the council's written basis, meeting
    practice, prerequisites and representation are in its rules of procedure, in the
    language asked."""
    pytest.importorskip("jinja2")
    rules = jy.load_preset("keski-uusimaa")
    fi = committee_document(rules, lang="fi")
    text = " ".join(p for s in fi.sections for p in s.paragraphs)
    assert "Toimielimen asema, tehtävät ja vastuut sovitaan kirjallisesti." in text
    assert "Toimielin laatii viestintäsuunnitelman." in text
    assert "Kokouskäytäntö: jäsenet sopivat." in text
    assert "Jäseneltä edellytetään: " + rules.prerequisites[0] in text
    assert "Toimielin valitsee järjestöjen edustajat: " in text
    assert "Kokouspalkkioista sovitaan vielä." in text
    start = attrs.evolve(
        rules,
        meetings=attrs.evolve(
            rules.meetings, start_up_per_year=IntRange(min=10, max=10), start_up_months=6
        ),
    )
    sv = committee_document(start, lang="sv")
    said = " ".join(p for s in sv.sections for p in s.paragraphs)
    assert "Under de första 6 månaderna sammanträder organet 10 gånger per år" in said
