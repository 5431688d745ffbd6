"""The association register's door (`JP-3`): CSV from a spreadsheet, or YAML/JSON.

:func:`read_register` reads a register — a CSV exported from a spreadsheet (UTF-8
with or without a BOM, or the Windows-1252, semicolon-separated form Finnish Excel
writes) or a YAML/JSON document (a :class:`~jarjestoyhteistyo.model.associations.Register`,
through the one door of :mod:`jarjestoyhteistyo.io.serialize`) — into
:class:`~jarjestoyhteistyo.model.associations.Association` objects. Rows it cannot
read are reported with their line numbers (:class:`RowProblem`); every other row is
kept; a stray quote costs its own row, not the rows after it (see
:func:`read_register` for what a record is). The analysis of the register is
:mod:`jarjestoyhteistyo.analysis.ecosystem`.

>>> text = '''id;nimi;rekisteröity;avustukset
... a1;Kylätoimikunta ry;1.3.1990;2
... a2;Rikki ry;31.2.2020;0
... '''
>>> result = read_register(text)
>>> [a.id for a in result.associations], [str(p) for p in result.problems]
(['a1'], ["line 3, registered: '31.2.2020' is not a calendar date"])
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.io.serialize import loads, read_file
from jarjestoyhteistyo.model.associations import Association, Register
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT

__all__ = [
    "COLUMN_ALIASES",
    "MAX_CELL_CHARS",
    "RegisterReadResult",
    "RowProblem",
    "loads_register_yaml",
    "read_register",
]


@attrs.frozen(kw_only=True)
class RowProblem:
    """A row of a register that could not be read: the line its record starts on (the
    first line of the text is 1), the column and the cell's text when one cell is to
    blame, and why."""

    line: int
    message: str
    column: str = ""
    value: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@attrs.frozen(kw_only=True)
class RegisterReadResult:
    """What :func:`read_register` read: the associations and the rows it could not read.

    Every data row is either an association or has at least one problem (never
    both, never neither); blank rows are skipped.
    """

    associations: tuple[Association, ...]
    problems: tuple[RowProblem, ...] = ()
    delimiter: str = ","
    encoding: str = "utf-8"

    @property
    def ok(self) -> bool:
        """True when every row was read."""
        return not self.problems


# ------------------------------------------------------------------- the reader
#: Column names by field; headers are matched case-insensitively, with spaces,
#: underscores and hyphens treated alike (``Last_Contact`` = ``last contact``).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "tunnus", "yhdistystunnus", "rekisterinumero", "register number", "ref"),
    "name": ("name", "nimi", "yhdistys", "yhdistyksen nimi", "association", "namn"),
    "registered": (
        "registered",
        "registration date",
        "rekisteröity",
        "rekisteröintipäivä",
        "rekisteröintipvm",
        "perustettu",
        "founded",
    ),
    "last_contact": (
        "last contact",
        "viimeisin yhteydenotto",
        "viimeisin yhteys",
        "viimeisin kontakti",
        "yhteydenotto",
        "viimeksi yhteydessä",
    ),
    "grants_received": (
        "grants received",
        "grants",
        "avustukset",
        "saadut avustukset",
        "avustussumma",
        "avustukset €",
        "avustukset eur",
    ),
    "premises_used": (
        "premises used",
        "premises",
        "tilat",
        "tilojen käyttö",
        "käyttää tiloja",
        "kaupungin tilat",
    ),
    "events_attended": (
        "events attended",
        "events",
        "tapahtumat",
        "tapahtumiin osallistunut",
        "osallistunut tapahtumiin",
        "osallistumiset",
    ),
    "networks": ("networks", "verkostot", "verkostojäsenyydet", "nätverk"),
    "volunteer_run": (
        "volunteer run",
        "volunteer",
        "vapaaehtoisvoimin",
        "vapaaehtoisvetoinen",
        "vapaaehtoistoiminen",
    ),
    "languages": ("languages", "language", "kielet", "kieli", "språk"),
    "weaker_position": (
        "weaker position",
        "heikommassa asemassa",
        "heikommassa asemassa oleva",
        "heikompi asema",
    ),
}

_TRUE = frozenset({"kyllä", "kylla", "k", "yes", "y", "true", "tosi", "1", "x", "ja"})
_FALSE = frozenset({"ei", "e", "no", "n", "false", "epätosi", "0", "nej", ""})

#: The longest cell a register row may hold, in characters; a longer one makes its row
#: a :class:`RowProblem`. A register's longest real cell is a name or a list of
#: networks, a few hundred characters; 10,000 leaves room for notes in ignored columns
#: while bounding what each cell costs to parse and to quote in a message.
MAX_CELL_CHARS = 10_000

#: The most characters a number cell may hold once its spaces are removed: every
#: number within the bounds (:data:`~jarjestoyhteistyo.model.bounds.MAX_AMOUNT` with
#: cents, :data:`~jarjestoyhteistyo.model.bounds.MAX_COUNT`) fits, and ``int()`` and
#: ``float()`` of it are cheap and far from Python's 4,300-digit limit and from infinity.
_MAX_NUMBER_CHARS = 20

#: The characters the header row must end within (blank lines before it included): a
#: thousand columns of a hundred characters; what is read to find it stays bounded
#: however the rest of the file is broken.
_HEADER_CHARS = 100_000

#: The first characters of the text :class:`csv.Sniffer` is shown: its quote regex
#: costs the square of its sample (a 150 KB line of ``"a;`` took over two minutes),
#: and 2,000 characters hold the header and the first rows (the header decides anyway).
_SNIFF_CHARS = 2_000


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.replace("\ufeff", "")).strip().lower()


_BY_ALIAS = {_norm_header(a): f for f, aliases in COLUMN_ALIASES.items() for a in aliases}


class _CellError(ValueError):
    """A cell that cannot be read."""


def _s_str(cell: str) -> str:
    return cell.strip()


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_FI_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\.?")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_EUROS = re.compile(r"(?i)(€|eur|e)$")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")
_WHOLE = re.compile(r"[0-9]+")
_LIST_SEP = re.compile(r"[;,]")
_EMPTY: frozenset[str] = frozenset()


def _s_date(cell: str) -> date | None:
    text = cell.strip()
    if not text:
        return None
    m = _FI_DATE.fullmatch(text) or _ISO_DATE.fullmatch(text)
    if m is None:
        raise _CellError(f"{_clip(text)!r} is not a date (27.5.2024 or 2024-05-27)")
    groups = m.groups()
    a, b, c = map(int, groups)
    y, mo, d = (a, b, c) if len(groups[0]) == 4 else (c, b, a)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise _CellError(f"{text!r} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    try:
        return date(y, mo, d)
    except ValueError:
        raise _CellError(f"{text!r} is not a calendar date") from None


def _s_number(cell: str) -> float:
    if cell.isascii() and cell.isdigit() and len(cell) <= _MAX_NUMBER_CHARS:  # a plain count
        value = float(cell)
        return value if value <= MAX_AMOUNT else _amount(value, cell)
    text = _EUROS.sub("", _SPACES.sub("", cell))
    if not text:
        return 0.0
    if "," in text and "." in text:  # the later mark is the decimal one
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:  # Finnish decimal comma
        text = text.replace(",", ".")
    if not _DECIMAL.fullmatch(text):
        raise _CellError(f"{_clip(cell)!r} is not a number of zero or more (e.g. 1 234,50)")
    return _amount(float(text) if len(text) <= _MAX_NUMBER_CHARS else math.inf, cell)


def _amount(value: float, cell: str) -> float:
    if not (math.isfinite(value) and value <= MAX_AMOUNT):
        raise _CellError(f"{_clip(cell)!r} is more than {MAX_AMOUNT:,.0f}, the largest amount")
    return value


def _s_int(cell: str) -> int:
    if cell.isascii() and cell.isdigit() and len(cell) <= _MAX_NUMBER_CHARS:
        value = int(cell)
    else:
        text = _SPACES.sub("", cell)
        if not text:
            return 0
        if not _WHOLE.fullmatch(text):
            raise _CellError(f"{_clip(cell)!r} is not a whole number of zero or more")
        value = int(text) if len(text) <= _MAX_NUMBER_CHARS else MAX_COUNT + 1
    if value > MAX_COUNT:
        raise _CellError(f"{_clip(cell)!r} is more than {MAX_COUNT:,}, the largest count")
    return value


def _clip(cell: str, most: int = 40) -> str:
    """The cell's text for a message: stripped, and cut to ``most`` characters."""
    text = cell.strip()
    return text if len(text) <= most else text[:most] + "…"


def _s_bool(cell: str) -> bool:
    text = cell.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _CellError(f"{_clip(cell)!r} is not yes or no (kyllä/ei, yes/no, true/false, 1/0)")


def _s_list(cell: str) -> frozenset[str]:
    if not cell or cell.isspace():
        return _EMPTY
    return frozenset(filter(None, map(str.strip, _LIST_SEP.split(cell))))


def _s_languages(cell: str) -> frozenset[str]:
    if not cell or cell.isspace():
        return _EMPTY
    return frozenset(filter(None, map(str.strip, _LIST_SEP.split(cell.lower()))))


_PARSERS: dict[str, Callable[[str], Any]] = {
    "id": _s_str,
    "name": _s_str,
    "registered": _s_date,
    "last_contact": _s_date,
    "grants_received": _s_number,
    "premises_used": _s_bool,
    "events_attended": _s_int,
    "networks": _s_list,
    "volunteer_run": _s_bool,
    "languages": _s_languages,
    "weaker_position": _s_bool,
}


def _decode(raw: bytes, source: str | None) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise LoadError(
            [
                Problem(
                    path="$",
                    code="not-text",
                    message=f"the file is neither UTF-8 nor Windows-1252 text (byte {exc.start})",
                    params={"offset": exc.start},
                )
            ],
            source=source,
        ) from None


def _first_record(text: str, delimiter: str) -> list[str]:
    try:
        sample = io.StringIO(text[:_HEADER_CHARS], newline="")
        return next(csv.reader(sample, delimiter=delimiter), [])
    except csv.Error:
        return []


def _sniff(text: str) -> str:
    """The delimiter: ``csv.Sniffer`` restricted to ``; , TAB``, checked on the header.

    The candidate whose header row names the most known columns wins; the sniffed one
    first on a tie, then ``;``, ``,``, TAB.
    """
    sample = "\n".join(text[:_SNIFF_CHARS].splitlines()[:20])
    candidates = [";", ",", "\t"]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
        candidates.remove(sniffed)
        candidates.insert(0, sniffed)
    except csv.Error:
        pass

    def known(delimiter: str) -> int:
        cells = _first_record(text, delimiter)
        return len({_BY_ALIAS.get(_norm_header(c)) for c in cells} - {None})

    return max(candidates, key=known)


def _header_map(header: list[str], extra_columns: str, source: str | None) -> list[tuple[int, str]]:
    problems: list[Problem] = []
    used: dict[str, int] = {}
    columns: list[tuple[int, str]] = []
    for i, cell in enumerate(header):
        name = _norm_header(cell)
        field = _BY_ALIAS.get(name)
        if field is None:
            if not name or extra_columns == "ignore":
                continue
            near = difflib.get_close_matches(name, list(_BY_ALIAS), n=1)
            tip = f"; did you mean {near[0]!r}?" if near else ""
            problems.append(
                Problem(
                    path=f"line 1, column {i + 1}",
                    code="unknown-column",
                    message=f"unknown column {cell.strip()!r}{tip}",
                    params={"column": cell.strip(), "suggestion": near[0] if near else None},
                )
            )
            continue
        if field in used:
            problems.append(
                Problem(
                    path=f"line 1, column {i + 1}",
                    code="duplicate-column",
                    message=f"column {cell.strip()!r} repeats {field!r} (column {used[field] + 1})",
                    params={"field": field},
                )
            )
            continue
        used[field] = i
        columns.append((i, field))
    if "id" not in used:
        problems.append(
            Problem(
                path="line 1",
                code="missing-column",
                message="no id column (id, tunnus, ...); the header is the first line",
                params={"field": "id"},
            )
        )
    if problems:
        raise LoadError(problems, source=source)
    return columns


def _fits(cells: list[str], width: int) -> bool:
    """The row has the header's number of cells (extra blank cells at its end allowed)."""
    return len(cells) == width or (len(cells) > width and not any(c.strip() for c in cells[width:]))


def _blank(cells: list[str]) -> bool:
    """Every cell is empty or white space: a row with nothing in it, skipped."""
    joined = "".join(cells)
    return not joined or joined.isspace()


#: What csv's strict mode says, in the reader's words (the start of its message, ours).
_CSV_ERRORS = (
    ("unexpected end of data", 'a quote (") that is never closed'),
    ("field larger than field limit", f"a cell longer than {MAX_CELL_CHARS:,} characters"),
)


def _csv_error(exc: csv.Error) -> str:
    text = str(exc)
    for start, ours in _CSV_ERRORS:
        if text.startswith(start):
            return ours
    if text.endswith("expected after '\"'"):
        return 'a quoted cell goes on after its closing quote (")'
    return f"not readable as CSV: {text}"  # pragma: no cover - csv's other messages


def _records(
    text: str, delimiter: str, width: int, skip: int
) -> Iterator[tuple[int, list[str] | None, str]]:
    """The data records after the first ``skip`` lines: ``(first line, cells, problem)``,
    cells None for a record that is not read (``problem`` says why).

    A record is one physical line (ended by CR LF, LF or CR), or more when a quoted cell
    holds line breaks. A quote that runs over a line break and then is never closed,
    is closed with text after it, or leaves the row without the header's number of
    cells is a stray one: the record is its first line only, not read; the lines it ran
    over up to the one where it was found broken are read one line each, and reading
    goes on as usual from that line — so a stray quote costs one row, not the rest of
    the file, and each line is read at most twice (no quadratic cost however many
    stray quotes there are).
    """
    stream = io.StringIO(text, newline="")
    for _ in range(skip):
        stream.readline()
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    lines: list[str] | None = None
    base = skip  # the physical lines before the reader's first one
    last = 0  # reader.line_num after the previous record
    while True:
        problem = ""
        try:
            cells: list[str] | None = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            cells, problem = None, _csv_error(exc)
        start = base + last + 1
        span = reader.line_num - last
        if span == 1 or (cells is not None and (_fits(cells, width) or _blank(cells))):
            yield start, cells, problem
            last = reader.line_num
            continue
        # A quote ran over line breaks into a record that does not fit: a stray quote.
        if cells is not None:
            problem = (
                f"a quoted cell runs over {span} lines into a row of {len(cells)} cells,"
                f" the header has {width}"
            )
        elif not problem.startswith('a quote (")'):
            problem = f'a quote (") that runs on to line {start + span - 1} and does not end there'
        yield start, None, f"{problem}: a stray quote? the next line is read as a row"
        if lines is None:
            lines = io.StringIO(text, newline="").readlines()
        end = max(start + span - 1, start + 1)  # the line where the quote was found broken
        yield from _single_lines(lines, start, end, delimiter)
        reader = csv.reader(
            map(lines.__getitem__, range(end - 1, len(lines))), delimiter=delimiter, strict=True
        )
        base, last = end - 1, 0


def _single_lines(
    lines: list[str], stray: int, end: int, delimiter: str
) -> Iterator[tuple[int, list[str] | None, str]]:
    """The records of lines ``stray + 1`` to ``end - 1``, each of one line: the lines a
    stray quote (on line ``stray``) ran over; a quote on them must close on its line."""
    for index in range(stray, end - 1):
        try:
            cells = next(csv.reader((lines[index],), delimiter=delimiter, strict=True), [])
        except csv.Error as exc:
            yield (
                index + 1,
                None,
                f"{_csv_error(exc)} on its line (after the stray quote of line {stray})",
            )
            continue
        yield index + 1, cells, ""


_SEP_LINE = re.compile(r"(?i)sep=(.)[ \t]*(\r\n|\n|\r)")  # Excel's "sep=;" first line


def _dialect(text: str) -> tuple[str, str, int]:
    """The text without its BOM and Excel's ``sep=;`` line, the delimiter, the lines cut."""
    text = text.removeprefix("\ufeff")
    sep = _SEP_LINE.match(text)
    if sep:
        return text[sep.end() :], sep.group(1), 1
    return text, _sniff(text), 0


def _header(text: str, delimiter: str, source: str | None) -> tuple[list[str], int]:
    """The first non-blank record and the lines up to its end; none, or an unreadable
    one first, is a ``LoadError``."""
    sample = text[:_HEADER_CHARS]
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=True)
    message = "no header row"
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(text) == len(sample) or _ends_within(sample, reader.line_num):
                    return cells, reader.line_num
                message = f"no header row within the first {_HEADER_CHARS:,} characters"
                break
    except csv.Error as exc:
        message = f"the header row is not readable: {_csv_error(exc)}"
    raise LoadError(
        [Problem(path=f"line {max(reader.line_num, 1)}", code="no-header", message=message)],
        source=source,
    )


def _ends_within(sample: str, count: int) -> bool:
    """The sample holds ``count`` whole lines (the last one with its line break)."""
    lines = io.StringIO(sample, newline="").readlines()
    return len(lines) > count or (len(lines) == count and lines[-1].endswith(("\n", "\r")))


@attrs.frozen(kw_only=True)
class _Columns:
    """What every data row is read against: the header's width and column parsers."""

    width: int
    delimiter: str
    parsers: tuple[tuple[int, str, Callable[[str], Any]], ...]
    index_of: dict[str, int]
    as_of: date | None


def _columns(
    header: list[str], delimiter: str, columns: list[tuple[int, str]], as_of: date | None
) -> _Columns:
    return _Columns(
        width=len(header),
        delimiter=delimiter,
        parsers=tuple((i, field, _PARSERS[field]) for i, field in columns),
        index_of={field: i for i, field in columns},
        as_of=as_of,
    )


def _row_values(
    line: int, cells: list[str], cols: _Columns
) -> tuple[dict[str, Any], list[RowProblem]]:
    """The row's parsed values by field, and its cells that cannot be read."""
    problems: list[RowProblem] = []
    if len(cells) < cols.width:
        problems.append(
            RowProblem(
                line=line,
                message=f"{len(cells)} cells but the header has {cols.width}"
                f" (a missing {cols.delimiter!r}, or a row cut short?)",
            )
        )
        cells = cells + [""] * (cols.width - len(cells))  # its cells are still checked
    elif len(cells) > cols.width and any(c.strip() for c in cells[cols.width :]):
        problems.append(
            RowProblem(
                line=line,
                message=f"{len(cells)} cells but the header has {cols.width}"
                f" (a {cols.delimiter!r} inside an unquoted value?)",
            )
        )
    try:  # the common case: every cell reads
        return {field: parse(cells[index]) for index, field, parse in cols.parsers}, problems
    except _CellError:
        pass
    values: dict[str, Any] = {}
    for index, field, parse in cols.parsers:
        cell = cells[index]
        try:
            values[field] = parse(cell)
        except _CellError as exc:
            problems.append(RowProblem(line=line, message=str(exc), column=field, value=cell))
    return values, problems


def _id_problems(
    line: int, values: dict[str, Any], problems: list[RowProblem], seen: dict[str, int]
) -> list[RowProblem]:
    """An empty id (unless its cell is already reported) or one seen on an earlier row."""
    ident = values.get("id", "")
    if not ident and not any(p.column == "id" for p in problems):
        return [RowProblem(line=line, message="the id is empty", column="id")]
    if ident in seen:
        return [
            RowProblem(
                line=line,
                message=f"duplicate id {ident!r} (first at line {seen[ident]})",
                column="id",
                value=ident,
            )
        ]
    return []


def _date_problems(
    line: int, values: dict[str, Any], cells: list[str], cols: _Columns
) -> list[RowProblem]:
    """The row's dates after the as-of date (none without one)."""
    if cols.as_of is None:
        return []
    out: list[RowProblem] = []
    for field in ("registered", "last_contact"):
        when = values.get(field)
        if when is not None and when > cols.as_of:
            out.append(
                RowProblem(
                    line=line,
                    message=f"{when.isoformat()} is after the as-of date {cols.as_of}",
                    column=field,
                    value=cells[cols.index_of[field]],
                )
            )
    return out


def _read_csv(
    text: str,
    *,
    as_of: date | None,
    extra_columns: str,
    source: str | None,
    encoding: str,
) -> RegisterReadResult:
    text, delimiter, offset = _dialect(text)
    header, skip = _header(text, delimiter, source)
    cols = _columns(header, delimiter, _header_map(header, extra_columns, source), as_of)
    associations: list[Association] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for line0, cells, error in _records(text, delimiter, cols.width, skip):
        line = line0 + offset
        if cells is None:
            problems.append(RowProblem(line=line, message=error))
            continue
        joined = "".join(cells)
        if not joined or joined.isspace():
            continue
        if len(joined) > MAX_CELL_CHARS and max(map(len, cells)) > MAX_CELL_CHARS:
            longest = max(map(len, cells))
            problems.append(
                RowProblem(
                    line=line,
                    message=f"a cell of {longest:,} characters; the most is {MAX_CELL_CHARS:,}",
                )
            )
            continue
        values, row_problems = _row_values(line, cells, cols)
        row_problems += _id_problems(line, values, row_problems, seen)
        row_problems += _date_problems(line, values, cells, cols)
        if not row_problems:
            try:
                association = Association(**values)
            except InvalidValueError as exc:  # a bound the model keeps and the cells do not
                row_problems.append(RowProblem(line=line, message=str(exc)))
        if row_problems:
            problems.extend(row_problems)
            continue
        seen[values["id"]] = line
        associations.append(association)
    return RegisterReadResult(
        associations=tuple(associations),
        problems=tuple(problems),
        delimiter=delimiter,
        encoding=encoding,
    )


def loads_register_yaml(text: str | bytes, *, source: str | None = None) -> tuple[Association, ...]:
    """Associations from a YAML or JSON document ``associations: [...]`` (a :class:`Register`),
    through the one door; unusable input or a repeated id is a ``LoadError``.

    >>> text = "associations: [{id: a1}, {id: a2, events_attended: 3}]"
    >>> [a.id for a in loads_register_yaml(text)]
    ['a1', 'a2']
    """
    return loads(text, Register, source=source).associations


def read_register(
    source: str | bytes | os.PathLike[str],
    *,
    as_of: date | None = None,
    extra_columns: Literal["error", "ignore"] = "error",
    max_bytes: int = 50_000_000,
) -> RegisterReadResult:
    """Read an association register (`JP-3`) from a file, CSV text or bytes.

    ``source`` is a path (a ``Path``, or a ``str`` with no line break) or the content
    (``bytes``, or a ``str`` with a line break). Files ending in ``.yaml``, ``.yml``
    or ``.json`` are read through the converter (:func:`loads_register_yaml`);
    anything else is CSV:

    * bytes are UTF-8 (with or without a BOM), else Windows-1252 (Finnish Excel);
    * the delimiter is sniffed among ``;``, ``,`` and TAB (an Excel ``sep=;`` first
      line is honoured); the first non-blank row is the header, matched against
      :data:`COLUMN_ALIASES` (Finnish or English, any case); ``id`` is required; an
      unknown column is a ``LoadError`` unless ``extra_columns="ignore"``;
    * dates ``27.5.2024`` or ``2024-05-27``; numbers with a decimal comma or point and
      spaces as thousand separators (``1 234,50 €``); yes/no as
      ``kyllä/ei/yes/no/true/false/1/0``; lists separated by ``;`` or ``,``;
    * bounds (:mod:`~jarjestoyhteistyo.model.bounds`): years 1900–2200, counts at most
      ``MAX_COUNT``, amounts at most ``MAX_AMOUNT`` (so no NaN, infinity, ``1e999`` or
      5,000-digit number), cells at most :data:`MAX_CELL_CHARS` characters;
    * a row with a cell that cannot be read or is out of bounds, an empty or repeated
      id, fewer cells than the header or extra cells that are not blank, a stray quote,
      or (with ``as_of``) a date after ``as_of`` is reported as :class:`RowProblem`
      objects with its line number and left out; every other row is kept.

    **Records.** Lines end at CR LF, LF or CR, and are counted from 1 (the first line
    of the text, after a BOM; Excel's ``sep=`` line counts). A *record* is one line, or
    more when a quoted cell holds line breaks, as Excel writes them: a cell that starts
    with ``"`` runs to the ``"`` that ends it (``""`` is a quote inside it), which must
    be followed by the delimiter or the line's end. The quote is a *stray* one — the
    record is its first line only, reported — when it is never closed, when its
    closing quote has text after it, or when it runs over a line break into a row that
    has not the header's number of cells; the lines it ran over, up to the one where it
    was found broken, are then records of one line each (a quote on them must close on
    its line), and from that line on records are as usual. A record whose cells are all
    blank is skipped. Every other record after the header is read or reported, at its
    first line: associations + reported lines = records. The header must end within
    the first 100,000 characters.

    >>> r = read_register("id,name,events\\na1,One,2\\na2,Two,many\\n")
    >>> [a.id for a in r.associations], [str(p) for p in r.problems]
    (['a1'], ["line 3, events_attended: 'many' is not a whole number of zero or more"])

    An unterminated quote costs its own row, not the rows after it:

    >>> r = read_register('id;nimi;tapahtumat\\na1;"Kyla ry;3\\na2;B;4\\na3;C;5\\n')
    >>> [a.id for a in r.associations]
    ['a2', 'a3']
    >>> for problem in r.problems:
    ...     print(problem)
    line 2: a quote (") that is never closed: a stray quote? the next line is read as a row

    A quoted cell may hold line breaks:

    >>> r = read_register('id;nimi\\na1;"Kylä-\\nyhdistys ry"\\na2;B\\n')
    >>> [a.name for a in r.associations], r.problems
    (['Kylä-\\nyhdistys ry', 'B'], ())
    >>> read_register(b"id;nimi\\r\\na1;K\\xe4pyl\\xe4 ry\\r\\n").associations[0].name
    'Käpylä ry'
    """
    name: str | None = None
    if isinstance(source, bytes):
        raw = source
    elif isinstance(source, str) and ("\n" in source or "\r" in source):
        if len(source) > max_bytes:
            raise LoadError([_too_big(len(source), max_bytes)])
        return _read_csv(
            source, as_of=as_of, extra_columns=extra_columns, source=None, encoding="text"
        )
    else:
        path = Path(source)
        name = str(path)
        raw = read_file(path, max_bytes=max_bytes)
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            return RegisterReadResult(
                associations=loads_register_yaml(raw, source=name), encoding="utf-8"
            )
    if len(raw) > max_bytes:
        raise LoadError([_too_big(len(raw), max_bytes)], source=name)
    text, encoding = _decode(raw, name)
    return _read_csv(text, as_of=as_of, extra_columns=extra_columns, source=name, encoding=encoding)


def _too_big(size: int, max_bytes: int) -> Problem:
    return Problem(
        path="$",
        code="too-large",
        message=f"the register is {size} bytes; the limit is {max_bytes}",
        params={"size": size, "max_bytes": max_bytes},
    )
