"""Excel in and out (issue #17 point 2): workbooks read through the one converter with
every bad row reported at its sheet and row, workbooks written atomically with
headers in the chosen language, and the registration template with drop-down lists.

People appear by role only; the generated examples' names are fictional organisations.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

openpyxl = pytest.importorskip("openpyxl")

import jarjestoyhteistyo as jy  # noqa: E402
from jarjestoyhteistyo.analysis.compare import compare  # noqa: E402
from jarjestoyhteistyo.calc.rotation import rotation_plan  # noqa: E402
from jarjestoyhteistyo.errors import (  # noqa: E402
    JarjestoError,
    LoadError,
    MissingDependencyError,
    RenderError,
)
from jarjestoyhteistyo.fictional.generate import generate, to_registrations  # noqa: E402
from jarjestoyhteistyo.findings import Report  # noqa: E402
from jarjestoyhteistyo.i18n import LANGUAGES  # noqa: E402
from jarjestoyhteistyo.io import excel  # noqa: E402
from jarjestoyhteistyo.io.excel import (  # noqa: E402
    COLUMNS,
    read_composition,
    read_registrations,
    template_registrations,
    write_composition,
    write_findings,
    write_registrations,
)
from jarjestoyhteistyo.io.serialize import load, load_composition  # noqa: E402
from jarjestoyhteistyo.model.composition import (  # noqa: E402
    Composition,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
    Stage,
)
from jarjestoyhteistyo.model.meanings import meaning  # noqa: E402
from jarjestoyhteistyo.model.registrations import Registrations  # noqa: E402
from jarjestoyhteistyo.render import excel as render_excel  # noqa: E402
from jarjestoyhteistyo.rules.validation import validate  # noqa: E402
from jarjestoyhteistyo.selection import load_registrations  # noqa: E402
from jarjestoyhteistyo.selection.proposal import propose  # noqa: E402

FORMAL = "vantaa-kerava-formal"


def _workbook(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook written by openpyxl itself: ``{title: rows}``."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _rows(path: Path, title: str | None = None) -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[title] if title else wb.worksheets[0]
    return list(ws.iter_rows(values_only=True))


# ------------------------------------------------------------------ round trips
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("preset", [FORMAL, "keski-uusimaa", "vantaa-kerava-open-forum"])
def test_generated_composition_round_trips(tmp_path: Path, preset: str, lang: str) -> None:
    ex = generate(preset, seed=7, names=True)
    comp = attrs.evolve(ex.composition, stage=Stage.PROPOSAL)
    path = tmp_path / "kokoonpano.xlsx"
    write_composition(comp, path, lang=lang)
    assert read_composition(path) == comp
    assert load_composition(path) == comp  # the door picks the workbook by its suffix
    assert load(path, "composition") == comp


@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_registrations_round_trip(tmp_path: Path, lang: str) -> None:
    doc = to_registrations(generate(FORMAL, seed=3, registrations=60))
    path = tmp_path / "ilmoittautumiset.xlsx"
    write_registrations(doc, path, lang=lang)
    assert read_registrations(path) == doc
    assert load_registrations(path) == doc
    assert read_registrations(path.read_bytes()) == doc


def test_values_that_need_care_round_trip(tmp_path: Path) -> None:
    """No languages (not the default Finnish), a text that looks like a formula, a
    deputy with a pseudonym, a numbered deputy order, a function in words."""
    comp = Composition(
        name="=HYPERLINK(\"http://x\")",
        as_of=date(2025, 1, 31),
        organisations=(
            Organisation(id="101", name="=1+1", languages=frozenset(), size=SizeClass.LARGE),
        ),
        seats=(
            Seat(id="m1", kind=SeatKind.MEMBER, group="g", organisation="101",
                 person=Person(role=Role.VOLUNTEER, ref="member-1"),
                 functions=frozenset({"chair", "tiedottaja"})),
            Seat(id="d1", kind=SeatKind.DEPUTY, group="g", order=1, pending=True),
        ),
    )  # fmt: skip
    path = tmp_path / "c.xlsx"
    write_composition(comp, path, lang="fi")
    assert read_composition(path) == comp
    cells = [c for row in _rows(path, "Järjestöt") for c in row]
    assert "=1+1" in cells  # written as text, not as a formula
    wb = openpyxl.load_workbook(path)
    assert wb["Järjestöt"]["B2"].data_type == "s"


# ------------------------------------------------------------------ headers
def test_finnish_headers_any_case(tmp_path: Path) -> None:
    data = _workbook(
        {
            "Ilmoittautumiset": [
                ["JÄRJESTÖN TUNNUS", "Järjestötyypit", "koko", "Vapaaehtoisvoimin",
                 "jäsenen rooli", "varajäsenen rooli", "haetut järjestötyypit", "tunnit"],
                ["o1", "pensioners; older-people", "pieni", "kyllä", "vapaaehtoinen",
                 "kokemusasiantuntija", "pensioners", "40,5"],
            ]
        }
    )  # fmt: skip
    reg = read_registrations(data).registrations[0]
    assert reg.organisation.categories == {"pensioners", "older-people"}
    assert reg.organisation.size is SizeClass.SMALL
    assert reg.organisation.volunteer_run is True
    assert reg.member.role is Role.VOLUNTEER
    assert reg.deputy is not None
    assert reg.deputy.role is Role.EXPERIENCE_EXPERT
    assert reg.categories == {"pensioners"}
    assert reg.hours_available == 40.5


def test_swedish_headers_and_sheets() -> None:
    data = _workbook(
        {
            "Organisationer": [
                ["Beteckning", "namn", "kategorier", "storlek", "språk"],
                ["o1", "Förening", "pensioners", "liten", "sv, fi"],
            ],
            "Platser": [
                ["plats", "typ", "platsgrupp", "organisation", "roll", "uppdrag"],
                ["m1", "ledamot", "pensioners", "o1", "frivillig", "ordförande"],
            ],
            "Dokument": [
                ["uppgift", "värde"],
                ["datum", datetime(2025, 3, 1)],
                ["skede", "förslag"],
            ],
        }
    )
    comp = read_composition(data)
    assert comp.organisations[0].languages == {"sv", "fi"}
    assert comp.organisations[0].size is SizeClass.SMALL
    assert comp.seats[0].kind is SeatKind.MEMBER
    assert comp.seats[0].functions == {"chair"}
    assert comp.as_of == date(2025, 3, 1)
    assert comp.stage is Stage.PROPOSAL


def test_every_alias_names_one_column_and_has_a_meaning() -> None:
    for sheet, columns in COLUMNS.items():
        seen: dict[str, str] = {}
        for column in columns:
            for name in column.names():
                key = excel._norm(name)
                assert seen.setdefault(key, column.key) == column.key, (sheet, name)
            for lang in LANGUAGES:
                assert meaning(column.home, column.field, lang)
                assert column.header.get(lang)


def test_unknown_and_repeated_columns_are_reported_at_their_cells() -> None:
    data = _workbook({"Registrations": [["organisation id", "sizee", "koko", "size"], ["o1"]]})
    with pytest.raises(LoadError) as caught:
        read_registrations(data)
    shown = [str(p) for p in caught.value.problems]
    assert shown[0].startswith("Registrations!B1: unknown column 'sizee'; did you mean")
    assert shown[1].startswith("Registrations!D1: column 'size' repeats 'organisation.size'")


# ------------------------------------------------------------- bad rows, none lost
def test_every_bad_row_is_reported_by_sheet_and_row() -> None:
    rows: list[list[Any]] = [["järjestön tunnus", "koko", "jäsenen rooli", "tunnit"]]
    rows.append(["ok-1", "pieni", "vapaaehtoinen", 10])
    rows.append([])  # a blank row: skipped, yet it keeps its number
    bad = 150  # more than the converter keeps of one document (MAX_PROBLEMS)
    rows += [[f"o{i}", "huge", "vapaaehtoinen", 1] for i in range(bad)]
    rows.append(["ok-2", "suuri", "volunteer", None])
    with pytest.raises(LoadError) as caught:
        read_registrations(_workbook({"Rekisteröinnit": rows}))
    problems = caught.value.problems
    assert len(problems) == bad
    assert [p.params["row"] for p in problems] == list(range(4, 4 + bad))
    first = problems[0]
    assert str(first).startswith("Rekisteröinnit!4: organisation.size: expected one of small")
    assert first.params["column"] == "B"
    assert first.params["sheet"] == "Rekisteröinnit"
    assert first.message_in("fi").startswith("pitäisi olla jokin seuraavista")


def test_wrong_types_written_by_openpyxl() -> None:
    data = _workbook(
        {
            "Seats": [
                ["id", "kind", "order", "pending", "organisation", "functions"],
                ["m1", "member", "first", "maybe", True, None],
                [datetime(2025, 1, 1, 12, 30), 3, 2.5, 7, "o1", None],
                ["m3", "member", None, None, None, "chair"],
            ]
        }
    )
    with pytest.raises(LoadError) as caught:
        read_composition(data)
    shown = [str(p) for p in caught.value.problems]
    keys = {p.params["key"] for p in caught.value.problems}
    assert keys == {"order", "pending", "organisation", "id", "kind"}
    assert "Seats!2: order: expected a whole number, got the text 'first'" in shown
    assert "Seats!2: organisation: expected a text, got the value true" in shown[1]
    assert any(s.startswith("Seats!3: id: expected a text, got the date and time") for s in shown)
    assert "Seats!3: order: expected a whole number, got the number 2.5" in shown
    assert {p.params["row"] for p in caught.value.problems} == {2, 3}


def test_long_cells_and_stray_values_are_problems_of_their_rows() -> None:
    long = "x" * (excel.MAX_CELL_CHARS + 1)
    data = _workbook({"Seats": [["id", "kind"], ["m1", "member", "note"], ["m2", long]]})
    with pytest.raises(LoadError) as caught:
        read_composition(data)
    codes = [(p.path, p.code) for p in caught.value.problems]
    # the long cell is not read, so its row lacks its kind too
    assert codes == [
        ("Seats!C2", "no-column"),
        ("Seats!B3", "cell-too-long"),
        ("Seats!3: kind", "missing-key"),
    ]


def test_rows_are_bounded() -> None:
    data = _workbook({"Seats": [["id", "kind"], *[[f"m{i}", "member"] for i in range(6)]]})
    with pytest.raises(LoadError) as caught:
        read_composition(data, max_rows=5)
    assert caught.value.problems[0].code == "too-many-rows"
    assert len(read_composition(data, max_rows=6).seats) == 6


def test_a_document_that_is_not_in_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "rules.xlsx"
    path.write_bytes(_workbook({"Seats": [["id"]]}))
    with pytest.raises(LoadError) as caught:
        load(path, "ruleset")
    assert caught.value.problems[0].code == "not-in-a-workbook"


# ------------------------------------------------------------- not a workbook
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"organisation id;size\no1;small\n", "not a zip file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "(.xls) is not read"),
        (b"PK\x03\x04broken", "not an Excel workbook"),
    ],
)
def test_a_file_that_is_not_xlsx_is_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "ilmoittautumiset.xlsx"
    path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        load_registrations(path)
    assert words in str(caught.value)
    assert caught.value.source == str(path)
    assert caught.value.problems[0].code == "not-xlsx"


def test_a_zip_that_is_no_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(LoadError, match="not an Excel workbook"):
        read_registrations(out.getvalue())


def test_a_workbook_that_unpacks_too_far_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/big.xml", b"\0" * 2_000_000)
    monkeypatch.setattr(excel, "MAX_UNZIPPED_BYTES", 1_000_000)
    with pytest.raises(LoadError) as caught:
        read_registrations(out.getvalue())
    assert caught.value.problems[0].code == "too-large"


def test_the_file_size_limit_applies(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    write_composition(generate(FORMAL, seed=1).composition, path)
    with pytest.raises(LoadError, match="more than 100 bytes"):
        read_composition(path, max_bytes=100)


def test_missing_sheet_is_named_in_every_language() -> None:
    with pytest.raises(LoadError) as caught:
        read_composition(_workbook({"Something": [["id"]]}))
    assert "Seats, Paikat or Platser" in str(caught.value)


def test_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"jarjestoyhteistyo\[excel\]"):
        excel.workbook_bytes([excel.Sheet(title="T", header=("a",))])


# ------------------------------------------------------------------ the template
def test_template_has_the_drop_down_lists_of_the_rule_set(tmp_path: Path) -> None:
    rules = jy.load_preset(FORMAL)
    codes = [c.code for c in rules.as_general().categories]
    path = tmp_path / "lomake.xlsx"
    path.write_bytes(template_registrations(rules, "fi"))
    wb = openpyxl.load_workbook(path)
    ws = wb["Ilmoittautumiset"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["järjestön tunnus", "järjestön nimi", "järjestötyypit"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    formulas = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    categories = formulas["C2:C1001"]
    assert categories.type == "list"
    assert all(code in categories.formula1 for code in codes)
    size = formulas["D2:D1001"]
    assert size.formula1 == '"pieni,keskikokoinen,suuri"'
    assert size.errorStyle == "stop"
    volunteer = formulas["F2:F1001"]
    assert volunteer.formula1 == '"kyllä,ei"'
    roles = [dv for dv in formulas.values() if "vapaaehtoinen" in (dv.formula1 or "")]
    assert len(roles) == 2  # the member's and the deputy's
    explained = list(wb["Sarakkeet"].iter_rows(values_only=True))
    assert explained[0] == ("sarake", "YAML-avain", "merkitys", "arvot")
    sizes = next(row for row in explained if row[1] == "organisation.size")
    assert sizes[2] == meaning(Organisation, "size", "fi")
    # once filled in, the template reads as registrations
    ws.append(["o1", "Yhdistys", codes[0], "pieni", None, "kyllä"])
    ws["P2"] = "vapaaehtoinen"
    wb.save(path)
    doc = read_registrations(path)
    assert doc.registrations[0].organisation.categories == {codes[0]}
    assert doc.registrations[0].member.role is Role.VOLUNTEER


def test_template_lists_theme_networks_when_there_are_no_categories() -> None:
    rules = jy.load_preset("keski-uusimaa")
    networks = [g.network or g.id for g in rules.as_general().seat_groups if g.network]
    wb = openpyxl.load_workbook(io.BytesIO(template_registrations(rules, "sv")))
    lists = " ".join(str(dv.formula1) for dv in wb["Anmälningar"].data_validations.dataValidation)
    assert networks
    assert all(n in lists for n in networks)


def test_template_of_an_empty_form_reads_as_no_registrations() -> None:
    data = template_registrations(jy.load_preset(FORMAL), "en")
    assert read_registrations(data) == Registrations()


# ------------------------------------------------------------------ writing
def test_findings_sheet_in_finnish(tmp_path: Path) -> None:
    rules = jy.load_preset(FORMAL)
    comp = generate(FORMAL, seed=1, broken="FC-9").composition
    report = validate(rules, comp)
    assert report.findings
    path = tmp_path / "havainnot.xlsx"
    write_findings(report, path, lang="fi", where=lambda f: (12, 5))
    rows = _rows(path, "Havainnot")
    assert rows[0] == ("vakavuus", "koodi", "sääntö", "polku", "rivi", "viesti")
    first = report.findings[0]
    assert rows[1] == ("virhe" if first.severity.value == "error" else rows[1][0],
                       first.code, first.rule, first.path, 12, first.message("fi"))  # fmt: skip
    assert len(rows) == len(report.findings) + 1
    wb = openpyxl.load_workbook(path)
    assert wb.active.freeze_panes == "A2"
    assert wb.active["A1"].font.bold
    assert wb.active.column_dimensions["F"].width > 10


def test_an_empty_report_still_writes_its_header(tmp_path: Path) -> None:
    path = tmp_path / "findings.xlsx"
    write_findings(Report(), path)
    assert _rows(path) == [("severity", "code", "rule", "path", "line", "message")]


def test_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    comp = generate(FORMAL, seed=1).composition
    path = tmp_path / "c.xlsx"

    def interrupted(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_composition(comp, path)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    write_composition(comp, path)
    before = path.read_bytes()

    def failing(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(JarjestoError, match="No space left"):
        write_composition(attrs.evolve(comp, name="changed"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.xlsx"]


def test_writing_refuses_links_and_other_suffixes(tmp_path: Path) -> None:
    comp = Composition()
    target = tmp_path / "real.xlsx"
    target.write_bytes(b"")
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    with pytest.raises(JarjestoError, match="symbolic link"):
        write_composition(comp, link)
    with pytest.raises(RenderError, match=r"\.xlsx"):
        write_composition(comp, tmp_path / "c.xls")


def test_a_list_item_with_a_separator_is_refused() -> None:
    org = Organisation(id="o1", municipalities=frozenset({"Kerava, Vantaa"}))
    with pytest.raises(RenderError, match="separate the items"):
        excel.composition_sheets(Composition(organisations=(org,)))


def test_proposal_comparison_and_rotation_plan(tmp_path: Path) -> None:
    rules = jy.load_preset(FORMAL)
    ex = generate(FORMAL, seed=2, registrations=50)
    proposal = propose(rules, to_registrations(ex).registrations, seed=1)
    path = tmp_path / "ehdotus.xlsx"
    render_excel.write_proposal(proposal, path, lang="fi")
    assert read_composition(path) == proposal.composition
    names = openpyxl.load_workbook(path).sheetnames
    assert names == ["Järjestöt", "Paikat", "Asiakirja", "Perustelut", "Havainnot"]
    why = _rows(path, "Perustelut")
    assert why[0][:3] == ("ilmoittautuminen", "järjestö", "perustelu")
    assert len(why) == len(proposal.explanations) + 1

    table = compare(jy.load_preset("vake"), jy.load_preset("ku"), labels=("VK", "KU"))
    path = tmp_path / "vertailu.xlsx"
    render_excel.write_comparison(table, path, lang="fi")
    rows = _rows(path, "Vertailu")
    assert rows[0][:2] == ("mittari", "yksikkö")
    seats = next(r for r in rows if r[0] == "järjestöjen jäsenpaikat")
    assert seats[2:] == (16, 10)  # numbers stay numbers

    plan = rotation_plan(rules, ex.composition)
    path = tmp_path / "kierto.xlsx"
    render_excel.write_rotation_plan(plan, path, lang="sv")
    tenures = _rows(path, "Mandatperioder")
    assert tenures[0] == ("plats", "mandatperiod", "avgångsgrupp", "börjar", "slutar")
    assert tenures[1][3] == datetime.combine(plan.tenures[0].start, datetime.min.time())
    assert len(_rows(path, "Byten")) == len(plan.changeovers) + 1


def test_a_long_drop_down_list_goes_to_a_hidden_sheet() -> None:
    options = tuple(f"category-{i:03d}" for i in range(40))  # far more than 255 characters
    sheet = excel.Sheet(
        title="T", header=("a",), validations=(excel.Validation(column=0, options=options),)
    )
    wb = openpyxl.load_workbook(io.BytesIO(excel.workbook_bytes([sheet])))
    (dv,) = wb["T"].data_validations.dataValidation
    assert dv.formula1 == "'_lists'!$A$1:$A$40"
    assert wb["_lists"].sheet_state == "hidden"
    assert [r[0] for r in wb["_lists"].iter_rows(values_only=True)] == list(options)


def test_the_docs_page_shows_every_column() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "excel.rst").read_text("utf-8")
    for columns in COLUMNS.values():
        for column in columns:
            assert f"``{column.key}``" in page
            for lang in LANGUAGES:
                assert f"- {column.header.get(lang)}\n" in page, (column.key, lang)
