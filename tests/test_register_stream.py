"""The register at csv speed and streamed (issue #20, point 3).

:func:`read_register` now reads the common row in one generated pass over memoised
cell parsers, and :func:`iter_register` streams a file or a binary stream through the
same reader. What must not change is what is read and what is reported: the property
tests compare both with the reader as it was after issue #19, kept verbatim in
``tests/_register_issue19.py`` as the oracle, on registers made to break it (stray
quotes, repeated and broken cells, duplicate ids, dates after ``as_of``, blank rows,
Excel's ``sep=`` line, cut line ends), and the streamed reader chunk by chunk down to
one byte at a time.
"""

from __future__ import annotations

import csv
import gc
import importlib.util
import io
import os
import re
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.io import register
from jarjestoyhteistyo.io.register import (
    MAX_CELL_CHARS,
    Association,
    RowProblem,
    iter_register,
    read_register,
)

_spec = importlib.util.spec_from_file_location(
    "_register_issue19", Path(__file__).with_name("_register_issue19.py")
)
assert _spec is not None
assert _spec.loader is not None
before: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(before)

HEADER = ["tunnus", "nimi", "rekisteröity", "avustukset", "tilat", "tapahtumat", "kielet"]
AS_OF = date(2024, 6, 1)

_CELL = st.sampled_from(
    [
        "", " ", "a1", "a2", "a1 ", "Kylä ry", "1 234,50", "1.234,50", "3", "12", "monta",
        "27.5.2024", "31.2.2020", "1.1.1800", "2025-01-01", "kyllä", "ei", "x", "ehkä",
        "fi", "fi, sv", "FI;sv", "1e999", "9" * 30, '"', '""', "a;b", "a\nb", "\ufeff",
    ]
)  # fmt: skip
_GOOD = [
    st.sampled_from(["a1", "a2", "a3", " a1", "b1"]),
    st.sampled_from(["", "Kylä ry", "B"]),
    st.sampled_from(["", "27.5.2024", "1.6.2024", "2.6.2024", "2024-06-02"]),
    st.sampled_from(["", "0", "1 234,50", "12,5 €"]),
    st.sampled_from(["", "kyllä", "ei"]),
    st.sampled_from(["", "0", "3"]),
    st.sampled_from(["", "fi", "fi, sv"]),
]
_ROW = st.one_of(
    st.tuples(*(g | _CELL if i % 3 == 0 else g for i, g in enumerate(_GOOD))).map(list),
    st.tuples(*_GOOD).map(list),
    st.lists(_CELL, min_size=0, max_size=len(HEADER) + 2),
)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    sep = draw(st.sampled_from(["", f"sep={delimiter}\n"]))
    writer.writerow(HEADER)
    for row in draw(st.lists(_ROW, max_size=14)):
        if draw(st.integers(0, 5)) == 0:  # raw: stray quotes and cut rows as typed
            out.write(delimiter.join(row) + "\n")
        else:
            writer.writerow(row)
    text = sep + out.getvalue()
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", end)
    if draw(st.booleans()):
        text = text.removesuffix(end)
    return draw(st.sampled_from(["", "\ufeff"])) + text


_LINE_IN_MESSAGE = re.compile(r"(runs on to line |stray quote of line )([0-9]+)")


def _was(message: str, text: str | bytes) -> str:
    """The old reader's message as it is now: with Excel's ``sep=`` line it counted the
    lines a stray quote ran to (and the line of the quote, in the messages of the lines
    after it) from after that line, one less than the row's own line number; fixed."""
    head = text.lstrip(b"\xef\xbb\xbf" if isinstance(text, bytes) else "\ufeff")[:4]
    if head.lower() not in ("sep=", b"sep="):
        return message
    return _LINE_IN_MESSAGE.sub(lambda m: f"{m[1]}{int(m[2]) + 1}", message)


def _refused(read: Any) -> Any:
    """What ``read()`` returns, or its LoadError's problems as ``(code, path, message)``."""
    try:
        return read()
    except LoadError as exc:
        return [(p.code, p.path, p.message) for p in exc.problems]


def _same(text: str | bytes, **options: Any) -> None:
    """The reader now and as it was give the same result, or the same LoadError."""
    old = _refused(lambda: before.read_register(text, **options))
    if isinstance(old, list):
        with pytest.raises(LoadError) as now:
            read_register(text, **options)
        assert [(p.code, p.path, p.message) for p in now.value.problems] == old
        return
    new = read_register(text, **options)
    assert new.associations == old.associations
    assert [(p.line, p.message, p.column, p.value) for p in new.problems] == [
        (p.line, _was(p.message, text), p.column, p.value) for p in old.problems
    ]
    assert (new.delimiter, new.encoding) == (old.delimiter, old.encoding)


@settings(max_examples=500)
@given(_texts(), st.booleans())
def test_the_reader_reads_and_reports_what_it_did_before(text: str, with_as_of: bool) -> None:
    _same(text, as_of=AS_OF if with_as_of else None)


@settings(max_examples=200)
@given(_texts())
def test_the_same_from_bytes_in_either_encoding(text: str) -> None:
    _same(text.encode("utf-8"))
    _same(text.encode("cp1252", errors="replace"))


def test_the_issue_cases_read_as_before() -> None:
    cases = [
        'id;nimi;tapahtumat\na1;"Kyla ry;3\na2;B;4\na3;C;5\n',
        'id;nimi;tapahtumat\na1;"Kyla\nry";3\na2;"B;4\na3;C";5\na4;D;6\n',
        "id;nimi\na1;" + "x" * (MAX_CELL_CHARS + 1) + "\na2;B\n",
        'id;nimi\na1;"' + "x\n" * (MAX_CELL_CHARS // 2) + '"\na2;B\n',
        "id;tapahtumat\na1;x\na2;x\na1;1\na3;1\na3;1\n",  # a bad cell each time; duplicates
        "id,name,events\n\n,,\na1,One,2\n ,Two,3\n",
    ]
    for text in cases:
        _same(text)


def _chunked(data: bytes, size: int) -> io.BufferedReader:
    """A binary stream that gives at most ``size`` bytes per read."""

    class Raw(io.RawIOBase):
        def __init__(self) -> None:
            self.pos = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            piece = data[self.pos : self.pos + min(size, len(buffer))]
            buffer[: len(piece)] = piece
            self.pos += len(piece)
            return len(piece)

    return io.BufferedReader(Raw(), buffer_size=size)


def _split(items: Iterator[Association | RowProblem]) -> tuple[list[Any], list[Any]]:
    found = list(items)
    return (
        [a for a in found if isinstance(a, Association)],
        [(p.line, p.message) for p in found if isinstance(p, RowProblem)],
    )


@settings(max_examples=300)
@given(_texts(), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), st.sampled_from([1, 2, 7]))
def test_a_stream_read_in_small_chunks_gives_what_the_bytes_give(
    text: str, encoding: str, chunk: int
) -> None:
    data = text.encode(encoding, errors="replace")
    whole = _refused(lambda: read_register(data))
    if isinstance(whole, list):
        with pytest.raises(LoadError) as streamed:
            list(iter_register(_chunked(data, chunk)))
        assert [(p.code, p.path, p.message) for p in streamed.value.problems] == whole
        return
    old_chunk = register._STREAM_CHUNK
    register._STREAM_CHUNK = chunk
    try:
        got = _split(iter_register(_chunked(data, chunk)))
    finally:
        register._STREAM_CHUNK = old_chunk
    assert got == (list(whole.associations), [(p.line, p.message) for p in whole.problems])


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_a_long_stream_split_anywhere_gives_what_the_bytes_give(chunk: int) -> None:
    """Past the header's prefix (which is read whole), lines cut between chunks — a CR
    in one and its LF in the next, a character's bytes in two — join as they should."""
    rows = [
        f"a{i};Yhdistys {i} ry;{i % 4 or 'x'};" + ("Käpylä" if i % 3 else "") for i in range(9000)
    ]
    for encoding in ("utf-8", "cp1252"):
        for end in ("\r\n", "\r", "\n"):
            data = ("id;nimi;tapahtumat;x\n" + end.join(rows) + end).encode(encoding)
            whole = read_register(data, extra_columns="ignore")
            old_chunk = register._STREAM_CHUNK
            register._STREAM_CHUNK = chunk
            try:
                got = _split(iter_register(_chunked(data, chunk), extra_columns="ignore"))
            finally:
                register._STREAM_CHUNK = old_chunk
            assert len(data) > 2 * register._HEADER_CHARS
            assert got == (list(whole.associations), [(p.line, p.message) for p in whole.problems])


def test_iter_register_of_a_file_path_and_text(tmp_path: Path) -> None:
    text = "tunnus;nimi;tapahtumat\r\na1;Käpylä ry;2\r\na2;B;x\r\n"
    path = tmp_path / "r.csv"
    path.write_bytes(text.encode("cp1252"))
    want = read_register(path)
    for source in (path, str(path), text, text.encode("cp1252"), path.open("rb")):
        assert _split(iter_register(source)) == (
            list(want.associations),
            [(p.line, p.message) for p in want.problems],
        )


def test_a_stream_ascii_at_first_then_windows_1252_reads_as_the_whole_file() -> None:
    rows = "".join(f"a{i};Yhdistys {i} ry\r\n" for i in range(20_000))  # > one chunk of ASCII
    data = ("id;nimi\r\n" + rows + "z1;Käpylä ry\r\n").encode("cp1252")
    assert len(data) > register._STREAM_CHUNK
    streamed = [a for a in iter_register(io.BytesIO(data)) if isinstance(a, Association)]
    assert streamed[-1].name == "Käpylä ry"
    assert tuple(streamed) == read_register(data).associations


def test_a_stream_utf8_then_not_is_refused_where_it_stops_being_utf8() -> None:
    data = ("id;nimi\na1;Käpylä ry\n" + "a2;B\n" * 20_000).encode() + b"a3;K\xe4pyl\xe4\n"
    with pytest.raises(LoadError) as exc:
        list(iter_register(io.BytesIO(data)))
    (problem,) = exc.value.problems
    assert problem.code == "not-text"
    assert problem.params["offset"] == data.index(b"\xe4")


def test_a_stream_that_is_not_text_is_refused_at_its_byte() -> None:
    data = b"id;nimi\na1;\x81\n"  # 0x81: no character in either encoding
    with pytest.raises(LoadError) as exc:
        list(iter_register(io.BytesIO(data)))
    assert exc.value.problems[0].code == "not-text"
    assert exc.value.problems[0].params["offset"] == data.index(b"\x81")


def test_iter_register_refuses_what_read_register_refuses(tmp_path: Path) -> None:
    for path in (Path("/dev/zero"), tmp_path):
        with pytest.raises(LoadError) as exc:
            iter_register(path)
        assert exc.value.problems[0].code == "not-a-file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with pytest.raises(LoadError) as exc:
            iter_register(fifo)
        assert exc.value.problems[0].code == "not-a-file"
    big = tmp_path / "big.csv"
    big.write_text("id;nimi\n" + "a;b\n" * 100)
    with pytest.raises(LoadError) as exc:
        list(iter_register(big, max_bytes=50))
    assert exc.value.problems[0].code == "too-large"
    with pytest.raises(LoadError) as exc:
        list(iter_register(io.BytesIO(big.read_bytes()), max_bytes=50))
    assert exc.value.problems[0].code == "too-large"
    with pytest.raises(LoadError) as exc:
        iter_register(tmp_path / "missing.csv")
    assert exc.value.problems[0].code == "unreadable"
    with pytest.raises(LoadError) as exc:
        iter_register(io.BytesIO(b"nimi;x\na;b\n"))  # no id column: refused at once
    assert "missing-column" in {p.code for p in exc.value.problems}


def test_a_register_yaml_file_is_read_through_the_door(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("associations: [{id: a1}, {id: a2}]\n")
    assert [a.id for a in iter_register(path)] == ["a1", "a2"]  # type: ignore[union-attr]


def test_a_cell_that_cannot_be_read_is_reported_every_time() -> None:
    """The memo keeps values, not errors: each row with the bad text is reported."""
    r = read_register("id;tapahtumat;rekisteröity\na1;x;\na2;x;\na3;1;31.2.2020\na4;1;31.2.2020\n")
    assert [(p.line, p.column) for p in r.problems] == [
        (2, "events_attended"),
        (3, "events_attended"),
        (4, "registered"),
        (5, "registered"),
    ]


def test_a_full_memo_starts_over_and_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "id;tapahtumat;kielet\n" + "".join(f"a{i};{i % 7};fi,sv\n" for i in range(50))
    want = read_register(text)
    monkeypatch.setattr(register, "_MEMO_SIZE", 2)
    assert read_register(text) == want


def _bulk(rows: int, notes: int) -> Iterator[bytes]:
    yield b"tunnus;nimi;tapahtumat;muistiinpanot\r\n"
    for i in range(rows):
        yield f"R{i:07d};Yhdistys {i} ry;{i % 9};{'x' * notes}\r\n".encode("cp1252")


class _Generated(io.RawIOBase):
    """A binary stream of generated bytes, never held whole."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self.pieces = pieces
        self.rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while len(self.rest) < len(buffer):
            piece = next(self.pieces, b"")
            if not piece:
                break
            self.rest += piece
        n = min(len(buffer), len(self.rest))
        buffer[:n] = self.rest[:n]
        self.rest = self.rest[n:]
        return n


def test_streaming_memory_does_not_grow_with_the_rows_but_for_their_ids() -> None:
    """20,000 rows of 1,000 bytes (20 MB): the peak is a small part of the stream."""
    size = sum(map(len, _bulk(20_000, 960)))
    gc.collect()
    tracemalloc.start()
    read = 0
    for item in iter_register(
        io.BufferedReader(_Generated(_bulk(20_000, 960))), extra_columns="ignore"
    ):
        read += isinstance(item, Association)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert read == 20_000
    assert peak < size / 4, (peak, size)


def test_a_memo_keeps_at_most_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(register, "_MEMO_SIZE", 3)
    memo = register._Memo(register._s_int)
    for i in range(10):
        assert memo[str(i)] == i
        assert len(memo) <= 3
    with pytest.raises(register._CellError):
        memo["x"]
    assert "x" not in memo
