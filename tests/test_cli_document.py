"""``jarjestoyhteistyo document RULES [COMPOSITION] --lang fi -o FILE`` (issue #17 point 1):
the file is the format its suffix names, read back; Markdown or HTML to stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarjestoyhteistyo.cli import main

docx = pytest.importorskip("docx")
pytest.importorskip("odf")
pytest.importorskip("jinja2")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPOSITION = str(EXAMPLES / "vantaa-kerava-formal.yaml")


def test_a_docx_in_finnish_with_the_appendix(tmp_path: Path) -> None:
    target = tmp_path / "toimintasaanto.docx"
    assert main(["document", "vake", COMPOSITION, "--lang", "fi", "-o", str(target)]) == 0
    read = docx.Document(str(target))
    text = "\n".join(p.text for p in read.paragraphs)
    assert "Toimintasääntö" in text
    assert "1 §" in text
    cells = {c.text for table in read.tables for row in table.rows for c in row.cells}
    assert "child-family-m1" in cells  # the composition's seats are the appendix


def test_markdown_to_stdout_and_html_by_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["document", "ku", "--lang", "sv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Mellersta Nylands organisationsdelegation")
    assert "1 § Uppgifter" in out
    page = tmp_path / "stadga.html"
    assert main(["document", "ku", "--lang", "sv", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'lang="sv"' in html


def test_an_odt_reads_back(tmp_path: Path) -> None:
    from odf import opendocument, teletype, text

    target = tmp_path / "rules.odt"
    assert main(["document", "vake-forum", "-o", str(target)]) == 0
    body = opendocument.load(str(target))
    words = " ".join(teletype.extractText(p) for p in body.getElementsByType(text.P))
    assert (
        "Section 1" in " ".join(teletype.extractText(h) for h in body.getElementsByType(text.H))
        or "Section 1" in words
    )


def test_findings_give_status_1_and_the_file_all_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    text = Path(COMPOSITION).read_text(encoding="utf-8")
    broken.write_text(text.replace("organisation: org-04", "organisation: org-01", 1), "utf-8")
    target = tmp_path / "with-findings.docx"
    assert main(["document", "vake", str(broken), "-o", str(target)]) == 1
    assert target.stat().st_size > 0


def test_an_input_is_never_written_over_and_a_wrong_suffix_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "composition.docx"
    own.write_bytes(Path(COMPOSITION).read_bytes())
    assert main(["document", "vake", str(own), "-o", str(own)]) == 2
    assert own.read_bytes() == Path(COMPOSITION).read_bytes()
    capsys.readouterr()
    assert main(["document", "vake", "-o", str(tmp_path / "rules.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err
    assert not (tmp_path / "rules.pdf").exists()
