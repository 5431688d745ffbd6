"""The register reader loses no row silently (issue #19, point 5).

Every data record of a CSV register is either read (an association) or reported (a
:class:`RowProblem` at its first line): a stray quote costs its own line, not the rest
of the file; a row with the wrong number of cells, an over-long cell, a number or a
date out of bounds is a reported row; nothing but a ``LoadError`` (a whole file that
cannot be used) escapes. The property test counts the records with a small model of
the definition in :func:`read_register`'s docstring (:func:`_model_records`), written
character by character, independently of the ``csv`` module the reader uses.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jarjestoyhteistyo.cli import main
from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.io import register
from jarjestoyhteistyo.io.register import MAX_CELL_CHARS, read_register
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT

HEADER = ["id", "nimi", "tapahtumat", "rekisteröity", "avustukset"]
WIDTH = len(HEADER)


def _ids(text: str) -> list[str]:
    return [a.id for a in read_register(text).associations]


def _lines(text: str) -> list[int]:
    return sorted({p.line for p in read_register(text).problems})


# ------------------------------------------------------------------ the reproducers
def test_an_unterminated_quote_costs_its_own_row_only() -> None:
    """Issue #19: ``a1;"Kyla ry;3`` swallowed the rows after it, silently."""
    text = 'id;nimi;tapahtumat\na1;"Kyla ry;3\na2;B;4\na3;C;5\n'
    r = read_register(text)
    assert [a.id for a in r.associations] == ["a2", "a3"]
    (problem,) = r.problems
    assert problem.line == 2
    assert "never closed" in problem.message


def test_the_reproducer_through_the_cli_reports_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.csv"
    path.write_text('id;nimi;tapahtumat\na1;"Kyla ry;3\na2;B;4\na3;C;5\n', encoding="utf-8")
    code = main(["ecosystem", str(path), "--as-of", "2024-06-01", "--format", "json"])
    assert code == 1  # a row not read is a finding, not a clean run
    assert "line 2: a quote" in capsys.readouterr().err


def test_a_stray_quote_closed_further_down_does_not_swallow_the_rows_between() -> None:
    # The quote opened on line 2 is closed on line 4 ("4"" then a line break), which
    # makes one record of three lines with two cells: not the header's three.
    text = 'id;nimi;tapahtumat\na1;"Kyla ry;3\na2;B;4\na3;C;5"\na4;D;6\n'
    r = read_register(text)
    assert [a.id for a in r.associations] == ["a2", "a4"]
    assert [p.line for p in r.problems] == [2, 4]  # a3's '5"' is no whole number
    assert "a stray quote?" in r.problems[0].message


def test_a_quote_closed_with_text_after_it_is_reported() -> None:
    assert _lines('id;nimi;tapahtumat\na1;"Kyla" ry;3\na2;B;4\n') == [2]
    assert _ids('id;nimi;tapahtumat\na1;"Kyla" ry;3\na2;B;4\n') == ["a2"]


def test_a_quote_inside_an_unquoted_cell_is_text() -> None:
    (a,) = read_register('id;nimi\na1;Seura "Pohjola" ry\n').associations
    assert a.name == 'Seura "Pohjola" ry'


def test_quoted_cells_with_line_breaks_as_excel_writes_them_still_read() -> None:
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerow(["a1", "Kylä-\nyhdistys ry", "3", "1.2.2000", "1 200,50"])
    w.writerow(["a2", 'Seura "Pohjola"\r\nry', "0", "", ""])
    w.writerow(["a3", "C", "1", "", ""])
    r = read_register(out.getvalue())
    assert r.problems == ()
    assert [a.name for a in r.associations] == ["Kylä-\nyhdistys ry", 'Seura "Pohjola"\r\nry', "C"]


def test_rows_with_too_few_or_too_many_cells_are_reported() -> None:
    text = "id;nimi;tapahtumat\na1;A\na2;B;1;x\na3;C;2;;\na4;D;3\n"
    r = read_register(text)
    assert [a.id for a in r.associations] == ["a3", "a4"]  # blank extra cells are allowed
    assert [(p.line, p.message) for p in r.problems] == [
        (2, "2 cells but the header has 3 (a missing ';', or a row cut short?)"),
        (3, "4 cells but the header has 3 (a ';' inside an unquoted value?)"),
    ]


def test_an_over_long_cell_is_reported() -> None:
    long = "x" * (MAX_CELL_CHARS + 1)
    text = f"id;nimi\na1;{long}\na2;{'y' * MAX_CELL_CHARS}\na3;C\n"
    r = read_register(text)
    assert [a.id for a in r.associations] == ["a2", "a3"]
    (problem,) = r.problems
    assert problem.line == 2
    assert f"{MAX_CELL_CHARS + 1:,} characters" in problem.message
    # beyond csv's own field limit too (131,072), quoted or not: one row each
    huge = "z" * 200_000
    assert _lines(f'id;nimi\na1;{huge}\na2;"{huge}"\na3;C\n') == [2, 3]
    assert _ids(f'id;nimi\na1;{huge}\na2;"{huge}"\na3;C\n') == ["a3"]


# ------------------------------------------------------------ numbers and dates
def test_a_5000_digit_cell_is_a_row_problem_not_a_crash() -> None:
    """Issue #19: a 5,000-digit cell ended in Python's int-string limit error."""
    digits = "9" * 5000
    text = f"id;tapahtumat;avustukset\na1;{digits};\na2;;{digits}\na3;1;1\n"
    r = read_register(text)
    assert [a.id for a in r.associations] == ["a3"]
    assert [(p.line, p.column) for p in r.problems] == [
        (2, "events_attended"),
        (3, "grants_received"),
    ]
    assert all(len(p.message) < 200 for p in r.problems)  # the cell is cut in the message


@pytest.mark.parametrize(
    "cell", ["NaN", "nan", "inf", "-inf", "Infinity", "1e999", "1E5", "1" + "0" * 400, "-1"]
)
def test_numbers_that_are_not_finite_amounts_are_row_problems(cell: str) -> None:
    r = read_register(f"id;avustukset\na1;{cell}\n")
    assert r.associations == ()
    assert [p.column for p in r.problems] == ["grants_received"]


def test_amounts_and_counts_are_bounded() -> None:
    amount = f"{MAX_AMOUNT:.0f}"
    ok = read_register(f"id;avustukset;tapahtumat\na1;{amount};{MAX_COUNT}\n")
    assert ok.problems == ()
    assert ok.associations[0].grants_received == MAX_AMOUNT
    assert ok.associations[0].events_attended == MAX_COUNT
    bad = read_register(f"id;avustukset;tapahtumat\na1;{amount},01;\na2;;{MAX_COUNT + 1}\n")
    assert [(p.line, p.column) for p in bad.problems] == [
        (2, "grants_received"),
        (3, "events_attended"),
    ]
    assert "100,000, the largest count" in bad.problems[1].message


@pytest.mark.parametrize(
    ("cell", "ok"),
    [
        (f"1.1.{FIRST_YEAR}", True),
        (f"31.12.{LAST_YEAR}", True),
        (f"31.12.{FIRST_YEAR - 1}", False),
        (f"{LAST_YEAR + 1}-01-01", False),
        ("0000-01-01", False),
        ("9999-12-31", False),
    ],
)
def test_dates_are_bounded_to_the_supported_years(cell: str, ok: bool) -> None:
    r = read_register(f"id;rekisteröity\na1;{cell}\n")
    assert r.ok is ok
    if not ok:
        assert r.problems[0].column == "registered"


# -------------------------------------------------------- the cell parsers are total
@given(st.text(max_size=60) | st.from_regex(r"[0-9 ,.€e]{0,30}", fullmatch=True))
def test_every_cell_parser_returns_or_reports(cell: str) -> None:
    for parse in set(register._PARSERS.values()):
        message = ""
        try:
            parse(cell)
        except register._CellError as exc:
            message = str(exc)
        assert len(message) < 600  # a cut cell: 40 characters, each at most 10 in repr


@given(
    st.integers(min_value=0, max_value=6000).flatmap(
        lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)
    )
    | st.text(alphabet="0123456789 ,.", max_size=6000)
)
def test_long_digit_strings_are_reported(cell: str) -> None:
    for parse in (register._s_int, register._s_number):
        try:
            value = parse(cell)
        except register._CellError:
            continue
        assert 0 <= value <= MAX_AMOUNT


# ------------------------------------------------------------------ costs stay linear
def test_the_sniffer_sees_a_bounded_sample() -> None:
    """``csv.Sniffer``'s quote regex costs the square of its sample: 150 KB of ``"a;``
    on one line took over two minutes before the sample was bounded."""
    started = time.perf_counter()
    with contextlib.suppress(LoadError):
        read_register("id;nimi\n" + '"a;' * 50_000 + "\n")
    with pytest.raises(LoadError):
        read_register('"a;' * 50_000 + "\n")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "line",
    ['"x', '"x""', '""x', '";"x', '"";"x', 'a;"', '"\r', '"a\n"b', 'x"', 'x";"', 'xx";"'],
    ids=repr,
)
def test_many_stray_quotes_cost_time_in_proportion(line: str) -> None:
    """``x";"`` opens a quote read afresh and closes and reopens it read inside one: every
    line's quote runs to the end of the file, so reading on from the next line each time
    was quadratic (8,000 lines took 3 s); the lines a stray quote ran over are read one
    line each instead."""
    text = "id;nimi\n" + "\n".join([line] * 20_000) + "\n"
    started = time.perf_counter()
    r = read_register(text)
    assert time.perf_counter() - started < 3
    assert len(r.associations) + len({p.line for p in r.problems}) <= 40_000


def test_the_header_is_looked_for_in_a_bounded_prefix() -> None:
    with pytest.raises(LoadError, match="within the first 100,000 characters"):
        read_register("id;" + "x;" * 100_000 + "\na1;b\n")
    with pytest.raises(LoadError, match="no header row"):
        read_register("\n" * 200_000 + "id\na1\n")
    rows = "".join(f"a{i};b\n" for i in range(50_000))  # the rows after it are not bounded
    assert len(_ids("id;nimi\n" + rows)) == 50_000


# --------------------------------------------------- the invariant: no row is lost
_LINE_END = re.compile(r"\r\n|\r|\n")


def _physical_lines(text: str) -> list[str]:
    """The lines of the text, each with its end (CR LF, LF or CR)."""
    out, start = [], 0
    for m in _LINE_END.finditer(text):
        out.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


_FIELD_LIMIT = csv.field_size_limit()


def _model_parse(lines: list[str], i: int, sep: str) -> tuple[list[str] | None, int]:
    """A record read from line ``i`` on, as the docstring defines it: ``(cells, lines
    used)``, cells None for a quote that is never closed, or closed with text after it,
    or a cell past csv's field limit."""
    cells: list[str] = []
    field: list[str] = []
    quoted = after_quote = False
    j = i
    while j < len(lines):
        line = lines[j]
        j += 1
        body = line.rstrip("\r\n")
        ends = line[len(body) :]
        for ch in body:
            if after_quote:  # just after a quote inside a quoted cell
                if ch == '"':
                    field.append('"')
                    after_quote = False
                elif ch == sep:
                    cells.append("".join(field))
                    field, quoted, after_quote = [], False, False
                    continue
                else:
                    return None, j - i  # text after the closing quote
                if len(field) > _FIELD_LIMIT:
                    return None, j - i
                continue
            if quoted:
                if ch == '"':
                    after_quote = True
                else:
                    field.append(ch)
            elif ch == '"' and not field:  # a quote opens a cell only at its start
                quoted = True
            elif ch == sep:
                cells.append("".join(field))
                field = []
            else:
                field.append(ch)
            if len(field) > _FIELD_LIMIT:
                return None, j - i
        if quoted and not after_quote:
            field.extend(ends)  # the line break is part of the quoted cell
            if len(field) > _FIELD_LIMIT:
                return None, j - i
            continue
        cells.append("".join(field))
        return cells, j - i
    return None, j - i  # the end of the text inside a quoted cell


def _model_records(text: str, sep: str) -> tuple[list[str] | None, list[tuple[int, bool]]]:
    """The header's cells (None: unusable) and the data records ``(first line, blank)``."""
    lines = _physical_lines(text)
    i = 0
    header: list[str] | None = None
    while i < len(lines):
        cells, used = _model_parse(lines, i, sep)
        if cells is None:
            return None, []
        i += used
        if "".join(cells).strip():
            header = cells
            break
    if header is None:
        return None, []
    records = []
    while i < len(lines):
        cells, used = _model_parse(lines, i, sep)
        if cells is not None and (used == 1 or _fits(cells, len(header)) or _blank(cells)):
            records.append((i + 1, _blank(cells)))
            i += used
            continue
        records.append((i + 1, False))  # not read: its first line only
        if used == 1:
            i += 1
            continue
        # a stray quote: the lines it ran over, but the last, are records of one line
        for k in range(i + 1, i + used - 1):
            one, _ = _model_parse([lines[k]], 0, sep)
            records.append((k + 1, one is not None and _blank(one)))
        i += used - 1
    return header, records


def _fits(cells: list[str], width: int) -> bool:
    return len(cells) == width or (len(cells) > width and not "".join(cells[width:]).strip())


def _blank(cells: list[str]) -> bool:
    joined = "".join(cells)
    return not joined or joined.isspace()


_TEXT = st.text(alphabet=st.sampled_from(list('ab1 ;,."\t\n\r\x00\x1b\ufeffäö€')), max_size=8)
_GOOD_CELL = st.sampled_from(["", "a1", "Kylä ry", "1 234,50", "3", "27.5.2024", "2024-05-27"])
_GOOD_ROW = st.lists(_GOOD_CELL | _TEXT, min_size=WIDTH, max_size=WIDTH)
_BROKEN = st.sampled_from(
    [
        'a1;"Kyla ry;3',  # the unterminated quote
        'a1;"x"y;3;;',  # text after a closing quote
        'a1;x";3;;',  # a quote at the end of a cell
        '"',
        '""',
        '";',
        "a1;b",  # too few cells
        "a1;b;c;d;e;f;g",  # too many
        "a1;" + "9" * 5000 + ";;;",  # the int-string limit
        "a1;" + "x" * (MAX_CELL_CHARS + 1) + ";;;",  # an over-long cell
        "a1;;;1.1.1800;",  # a date out of bounds
        "a1;;;;1e999",
        "\ufeffa1;;;;",
        "\x00;\x1b[31m;;;",
        "   ",
        ";;;;",
    ]
)


@st.composite
def _registers(draw: st.DrawFn) -> str:
    pieces: list[str] = []
    for kind in draw(st.lists(st.sampled_from(["good", "broken", "text"]), max_size=12)):
        if kind == "good":
            out = io.StringIO()
            quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
            csv.writer(out, delimiter=";", lineterminator="", quoting=quoting).writerow(
                draw(_GOOD_ROW)
            )
            pieces.append(out.getvalue())
        elif kind == "broken":
            pieces.append(draw(_BROKEN))
        else:
            pieces.append(draw(_TEXT))
    ends = draw(st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=len(pieces) + 1))
    body = "".join(p + e for p, e in zip(pieces, ends[1:], strict=False))
    if pieces and draw(st.booleans()):
        body = body[: -len(ends[len(pieces)])]  # no line break at the end
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + ";".join(HEADER) + ends[0] + body


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_registers())
def test_every_record_is_read_or_reported(text: str) -> None:
    """rows read + rows reported == the file's non-blank data records, exactly."""
    header, records = _model_records(text.removeprefix("\ufeff"), ";")
    assert header is not None  # the generated header always reads
    r = read_register(text)
    assert r.delimiter == ";"
    starts = {line for line, blank in records if not blank}
    reported = {p.line for p in r.problems}
    assert reported <= starts
    assert len(r.associations) + len(reported) == len(starts)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list('id;nimi,\t"\n\r\x00 \ufeffa1')), max_size=80))
def test_any_text_is_read_reported_or_a_load_error(text: str) -> None:
    try:
        r = read_register(text + "\n")
    except LoadError:
        return
    assert all(p.line >= 1 for p in r.problems)
    assert all(a.id for a in r.associations)
