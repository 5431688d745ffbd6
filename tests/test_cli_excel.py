"""Workbooks on the command line (issue #17 point 2): ``-o FILE.xlsx`` on check, validate,
select, compare and rotation; ``.xlsx`` inputs; ``template registrations``. Each file is
read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestoyhteistyo.cli import main

openpyxl = pytest.importorskip("openpyxl")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPOSITION = str(EXAMPLES / "vantaa-kerava-formal.yaml")
REGISTRATIONS = str(EXAMPLES / "vantaa-kerava-formal-registrations.yaml")


def _rows(path: Path, sheet: int = 0) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return list(book.worksheets[sheet].iter_rows(values_only=True))


def test_findings_in_finnish_with_their_lines(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = Path(COMPOSITION).read_text(encoding="utf-8")
    broken.write_text(text.replace("organisation: org-04", "organisation: org-01", 1), "utf-8")
    book = tmp_path / "havainnot.xlsx"
    assert main(["validate", "vake", str(broken), "--lang", "fi", "-o", str(book)]) == 1
    rows = _rows(book)
    header, found = rows[0], rows[1:]
    assert any("vakavuus" in str(h).lower() for h in header)
    assert found
    assert any("virhe" in str(cell).lower() for row in found for cell in row)
    assert any(isinstance(cell, int) and cell > 1 for row in found for cell in row)  # a line


def test_select_writes_a_proposal_that_validate_reads_back(tmp_path: Path) -> None:
    book = tmp_path / "proposal.xlsx"
    assert main(["select", "vake", REGISTRATIONS, "-o", str(book)]) == 0
    names = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert len(names) >= 3
    # a workbook is an input too: the composition part reads back
    assert main(["validate", "vake", str(book), "--stage", "proposal"]) in (0, 1)


def test_compare_rotation_and_check_as_workbooks(tmp_path: Path) -> None:
    table = tmp_path / "compare.xlsx"
    assert main(["compare", "vake", "ku", "-o", str(table)]) == 0
    rows = _rows(table)
    assert rows[0][:2] == ("metric", "unit")
    by_metric = {row[0]: row[2:] for row in rows[1:]}
    assert by_metric["ngo_seats"] == (16, 10)  # numbers stay numbers
    plan = tmp_path / "rotation.xlsx"
    assert main(["rotation", "vake", COMPOSITION, "-o", str(plan)]) == 0
    assert len(_rows(plan)) > 2
    clean = tmp_path / "check.xlsx"
    assert main(["check", "vake", "-o", str(clean)]) == 0
    assert len(_rows(clean)) == 1  # the header only: no finding


def test_the_registrations_template_has_drop_down_lists(tmp_path: Path) -> None:
    book = tmp_path / "lomake.xlsx"
    assert (
        main(["template", "registrations", "--rules", "vake", "--lang", "fi", "-o", str(book)]) == 0
    )
    sheet = openpyxl.load_workbook(book).worksheets[0]
    formulas = " ".join(str(v.formula1) for v in sheet.data_validations.dataValidation)
    assert "child-family" in formulas  # the rule set's category codes
    assert '"pieni,keskikokoinen,suuri"' in formulas  # the size classes in Finnish
    assert _rows(book)[0][0] == "järjestön tunnus"
    assert main(["template", "registrations"]) == 2  # no -o: nowhere to write
    plain = tmp_path / "registrations.xlsx"  # no rule set: the register's eight categories
    assert main(["template", "registrations", "-o", str(plain)]) == 0
    sheet = openpyxl.load_workbook(plain).worksheets[0]
    assert "substance-abuse" in " ".join(
        str(v.formula1) for v in sheet.data_validations.dataValidation
    )


def test_a_workbook_output_never_replaces_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "proposal.xlsx"
    assert main(["select", "vake", REGISTRATIONS, "-o", str(book)]) == 0
    before = book.read_bytes()
    assert main(["validate", "vake", str(book), "-o", str(book)]) == 2
    assert book.read_bytes() == before
    assert "inputs" in capsys.readouterr().err
