"""The association register's door (`JP-3`): CSV from a spreadsheet, or YAML/JSON.

:func:`read_register` reads a register — a CSV exported from a spreadsheet (UTF-8
with or without a BOM, or the Windows-1252, semicolon-separated form Finnish Excel
writes) or a YAML/JSON document (a :class:`~jarjestoyhteistyo.model.associations.Register`,
through the one door of :mod:`jarjestoyhteistyo.io.serialize`) — into
:class:`~jarjestoyhteistyo.model.associations.Association` objects. Rows it cannot
read are reported with their line numbers (:class:`RowProblem`); every other row is
kept; a stray quote costs its own row, not the rows after it (see
:func:`read_register` for what a record is). :func:`iter_register` is the same reader
streamed, for a register too large to hold: it yields each association and each
reported row as it reads a file or a binary stream. The analysis of the register is
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

import codecs
import csv
import difflib
import functools
import io
import itertools
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, Literal

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text, Translatable
from jarjestoyhteistyo.io.serialize import loads, open_regular, read_file
from jarjestoyhteistyo.io.ytj import normal_business_id
from jarjestoyhteistyo.model.associations import Association, Register
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_AMOUNT, MAX_COUNT

__all__ = [
    "COLUMN_ALIASES",
    "MAX_CELL_CHARS",
    "RegisterReadResult",
    "RowProblem",
    "iter_register",
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
    #: The message in every language (:meth:`message_in`); ``None``: :attr:`message` is
    #: English only. Not compared, not in ``repr``.
    text: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, line: int, text: Translatable, *, column: str = "", value: str = "") -> RowProblem:
        """A row problem whose :attr:`message` is ``text`` (in English)."""
        return cls(line=line, message=text.text_in("en"), column=column, value=value, text=text)

    def message_in(self, lang: str) -> str:
        """Why the row was not read, in ``lang`` (``fi``, ``sv``, ``en``).

        >>> read_register("id;tapahtumat\\na1;paljon\\n").problems[0].message_in("fi")
        "'paljon' ei ole kokonaisluku, joka on nolla tai enemmän"
        """
        return self.message if self.text is None else self.text.text_in(lang)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


def _read_only(ids: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(ids))


@attrs.frozen(kw_only=True)
class RegisterReadResult:
    """What :func:`read_register` read: the associations and the rows it could not read.

    Every data row is either an association or has at least one problem (never
    both, never neither); blank rows are skipped. ``business_ids`` maps an
    association's id to its Business ID (*Y-tunnus*, in the form ``1234567-8``) when
    the register has a Business ID column and the row names one; the national
    register's data (:mod:`jarjestoyhteistyo.io.ytj`) is joined on it. ``encoding``
    is ``utf-8``, ``cp1252``, ``utf-16`` (Excel's "Unicode text") or ``text`` (a
    ``str`` was given).
    """

    associations: tuple[Association, ...]
    problems: tuple[RowProblem, ...] = ()
    delimiter: str = ","
    encoding: str = "utf-8"
    business_ids: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)

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
    "business_id": (
        "business id",
        "y-tunnus",
        "ytunnus",
        "business identity code",
        "fo-nummer",
    ),
}

#: The fields a register row reads that are not an :class:`Association`'s: the
#: Business ID goes to :attr:`RegisterReadResult.business_ids`.
_SIDE_FIELDS = frozenset({"business_id"})

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
    """A cell that cannot be read; ``text`` says why in every language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.text_in("en"))
        self.text = text


@attrs.frozen
class _Grouped:
    """A whole number with its digits grouped as the reader's language writes them:
    ``100,000`` in English, ``100 000`` (a no-break space) in Finnish and Swedish."""

    number: int

    def text_in(self, lang: str) -> str:
        grouped = f"{self.number:,}"
        return grouped.replace(",", "\u00a0") if lang in ("fi", "sv") else grouped


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
        raise _CellError(Text("{cell!r} is not a date (27.5.2024 or 2024-05-27)", cell=_clip(text)))
    groups = m.groups()
    a, b, c = map(int, groups)
    y, mo, d = (a, b, c) if len(groups[0]) == 4 else (c, b, a)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise _CellError(
            Text(
                "{cell!r} is outside the years {first}–{last}",
                cell=text,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    try:
        return date(y, mo, d)
    except ValueError:
        raise _CellError(Text("{cell!r} is not a calendar date", cell=text)) from None


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
        raise _CellError(
            Text("{cell!r} is not a number of zero or more (e.g. 1 234,50)", cell=_clip(cell))
        )
    return _amount(float(text) if len(text) <= _MAX_NUMBER_CHARS else math.inf, cell)


def _amount(value: float, cell: str) -> float:
    if not (math.isfinite(value) and value <= MAX_AMOUNT):
        raise _CellError(
            Text(
                "{cell!r} is more than {most}, the largest amount",
                cell=_clip(cell),
                most=_Grouped(int(MAX_AMOUNT)),
            )
        )
    return value


def _s_int(cell: str) -> int:
    if cell.isascii() and cell.isdigit() and len(cell) <= _MAX_NUMBER_CHARS:
        value = int(cell)
    else:
        text = _SPACES.sub("", cell)
        if not text:
            return 0
        if not _WHOLE.fullmatch(text):
            raise _CellError(
                Text("{cell!r} is not a whole number of zero or more", cell=_clip(cell))
            )
        value = int(text) if len(text) <= _MAX_NUMBER_CHARS else MAX_COUNT + 1
    if value > MAX_COUNT:
        raise _CellError(
            Text(
                "{cell!r} is more than {most}, the largest count",
                cell=_clip(cell),
                most=_Grouped(MAX_COUNT),
            )
        )
    return value


def _clip(cell: str, most: int = 40) -> str:
    """The cell's text for a message: stripped, and cut to ``most`` characters."""
    text = cell.strip()
    return text if len(text) <= most else text[:most] + "…"


def _s_business_id(cell: str) -> str:
    text = cell.strip()
    if not text:
        return ""
    normal = normal_business_id(text)
    if normal is None:
        raise _CellError(
            Text(
                "{cell!r} is not a Business ID (1234567-8, check digit included)",
                cell=_clip(text),
            )
        )
    return normal


def _s_bool(cell: str) -> bool:
    text = cell.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _CellError(
        Text("{cell!r} is not yes or no (kyllä/ei, yes/no, true/false, 1/0)", cell=_clip(cell))
    )


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
    "business_id": _s_business_id,
}


def _decode(raw: bytes, source: str | None) -> tuple[str, str]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _not_text(_not_utf16(exc.start), exc.start, source) from None
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise _not_text(_neither(exc.start), exc.start, source) from None


def _not_utf16(offset: int) -> Text:
    return Text("the file starts as UTF-16 text but is not (byte {offset})", offset=offset)


def _neither(offset: int) -> Text:
    return Text("the file is neither UTF-8 nor Windows-1252 text (byte {offset})", offset=offset)


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
            tip = Text("; did you mean {near!r}?", near=near[0]) if near else ""
            problems.append(
                Problem.of(
                    f"line 1, column {i + 1}",
                    "unknown-column",
                    Text("unknown column {column!r}{tip}", column=cell.strip(), tip=tip),
                    params={"column": cell.strip(), "suggestion": near[0] if near else None},
                )
            )
            continue
        if field in used:
            problems.append(
                Problem.of(
                    f"line 1, column {i + 1}",
                    "duplicate-column",
                    Text(
                        "column {column!r} repeats {field!r} (column {first})",
                        column=cell.strip(),
                        field=field,
                        first=used[field] + 1,
                    ),
                    params={"field": field},
                )
            )
            continue
        used[field] = i
        columns.append((i, field))
    if "id" not in used:
        problems.append(
            Problem.of(
                "line 1",
                "missing-column",
                Text("no id column (id, tunnus, ...); the header is the first line"),
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
_CSV_ERRORS: tuple[tuple[str, Text], ...] = (
    ("unexpected end of data", Text('a quote (") that is never closed')),
    (
        "field larger than field limit",
        Text("a cell longer than {most} characters", most=_Grouped(MAX_CELL_CHARS)),
    ),
)


def _csv_error(exc: csv.Error) -> Text:
    text = str(exc)
    for start, ours in _CSV_ERRORS:
        if text.startswith(start):
            return ours
    if text.endswith("expected after '\"'"):
        return Text('a quoted cell goes on after its closing quote (")')
    return Text("not readable as CSV: {reason}", reason=text)  # pragma: no cover - csv's other


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
    message = Text("no header row")
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(text) == len(sample) or _ends_within(sample, reader.line_num):
                    return cells, reader.line_num
                message = Text(
                    "no header row within the first {most} characters",
                    most=_Grouped(_HEADER_CHARS),
                )
                break
    except csv.Error as exc:
        message = Text("the header row is not readable: {reason}", reason=_csv_error(exc))
    raise LoadError(
        [Problem.of(f"line {max(reader.line_num, 1)}", "no-header", message)],
        source=source,
    )


def _ends_within(sample: str, count: int) -> bool:
    """The sample holds ``count`` whole lines (the last one with its line break)."""
    lines = io.StringIO(sample, newline="").readlines()
    return len(lines) > count or (len(lines) == count and lines[-1].endswith(("\n", "\r")))


#: The most distinct texts a column's memo keeps; a full memo starts over, so a column
#: of unique cells costs a bounded dictionary, not one entry per row.
_MEMO_SIZE = 1 << 16


class _Memo(dict[str, Any]):
    """One column's parsed cells by their text, for one read.

    A register's dates, amounts, yes/no cells and lists repeat, so each distinct text
    is parsed once and every other cell is one dictionary look-up (in C, through
    ``memo[cell]``). The values are immutable (dates, numbers, booleans, frozensets),
    so sharing them changes nothing; a cell that cannot be read is not kept (its
    ``_CellError`` is raised each time).
    """

    __slots__ = ("_parse",)

    def __init__(self, parse: Callable[[str], Any]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, cell: str) -> Any:
        value = self._parse(cell)
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[cell] = value
        return value


@attrs.frozen(kw_only=True)
class _Columns:
    """What every data row is read against: the header's width and column parsers
    (memoised for this read), and for the common row: the fields, their parsers and
    the cells they read, in the same order."""

    width: int
    delimiter: str
    parsers: tuple[tuple[int, str, Callable[[str], Any]], ...]
    index_of: dict[str, int]
    as_of: date | None
    quick: Callable[[list[str], dict[str, int]], Association | None]
    #: The Business IDs of the rows read so far, by association id (filled as they are).
    business_ids: dict[str, str]


def _columns(
    header: list[str], delimiter: str, columns: list[tuple[int, str]], as_of: date | None
) -> _Columns:
    def getter(field: str) -> Callable[[str], Any]:
        parse = _PARSERS[field]
        return str.strip if parse is _s_str else _Memo(parse).__getitem__

    parsers = tuple((i, field, getter(field)) for i, field in columns)
    business_ids: dict[str, str] = {}
    return _Columns(
        width=len(header),
        delimiter=delimiter,
        parsers=parsers,
        index_of={field: i for i, field in columns},
        as_of=as_of,
        quick=_quick(parsers, as_of, business_ids),
        business_ids=business_ids,
    )


def _quick(
    parsers: tuple[tuple[int, str, Callable[[str], Any]], ...],
    as_of: date | None,
    business_ids: dict[str, str],
) -> Callable[[list[str], dict[str, int]], Association | None]:
    """The common row's reader for these columns: its association, or None when its id
    is empty or seen or (with ``as_of``) a date is after ``as_of``; a cell that cannot
    be read raises (``_CellError``), a bound the model keeps ``InvalidValueError``.
    :func:`_row` reads such rows again, the long way, and says what is wrong.

    The function is written for the header's columns, as attrs writes ``__init__``:
    ``Association(id=cells[0].strip(), registered=m_registered[cells[2]], ...)``, each
    parser a memo look-up, no loop and no dictionary per row. Only field names (from
    :data:`COLUMN_ALIASES`) and column numbers go into its text. A Business ID is not
    the association's: it goes into ``business_ids`` once the association is made.
    """
    namespace: dict[str, Any] = {"Association": Association, "as_of": as_of}
    namespace["business_ids"] = business_ids
    body = []
    for index, field, parse in parsers:
        if parse is str.strip:
            body.append(f"    {field} = cells[{index}].strip()")
        else:  # the memo itself: a subscript is cheaper than a call of its __getitem__
            namespace[f"m_{field}"] = getattr(parse, "__self__", None)
            body.append(f"    {field} = m_{field}[cells[{index}]]")
        if field == "id":
            body.append("    if not id or id in seen:\n        return None")
    if as_of is not None:
        for field in ("registered", "last_contact"):
            if any(f == field for _, f, _ in parsers):
                body.append(f"    if {field} is not None and {field} > as_of:\n        return None")
    names = ", ".join(f"{field}={field}" for _, field, _ in parsers if field not in _SIDE_FIELDS)
    body.append(f"    association = Association({names})")
    if any(field == "business_id" for _, field, _ in parsers):
        body.append("    if business_id:\n        business_ids[id] = business_id")
    source = "def quick(cells, seen):\n" + "\n".join(body) + "\n    return association\n"
    exec(compile(source, "<jarjestoyhteistyo register row>", "exec"), namespace)
    quick: Callable[[list[str], dict[str, int]], Association | None] = namespace["quick"]
    return quick


def _row_values(
    line: int, cells: list[str], cols: _Columns
) -> tuple[dict[str, Any], list[RowProblem]]:
    """The row's parsed values by field, and its cells that cannot be read."""
    problems: list[RowProblem] = []
    if len(cells) < cols.width:
        problems.append(
            RowProblem.of(
                line,
                Text(
                    "{cells} cells but the header has {width}"
                    " (a missing {delimiter!r}, or a row cut short?)",
                    cells=len(cells),
                    width=cols.width,
                    delimiter=cols.delimiter,
                ),
            )
        )
        cells = cells + [""] * (cols.width - len(cells))  # its cells are still checked
    elif len(cells) > cols.width and any(c.strip() for c in cells[cols.width :]):
        problems.append(
            RowProblem.of(
                line,
                Text(
                    "{cells} cells but the header has {width}"
                    " (a {delimiter!r} inside an unquoted value?)",
                    cells=len(cells),
                    width=cols.width,
                    delimiter=cols.delimiter,
                ),
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
            problems.append(RowProblem.of(line, exc.text, column=field, value=cell))
    return values, problems


def _id_problems(
    line: int, values: dict[str, Any], problems: list[RowProblem], seen: dict[str, int]
) -> list[RowProblem]:
    """An empty id (unless its cell is already reported) or one seen on an earlier row."""
    ident = values.get("id", "")
    if not ident and not any(p.column == "id" for p in problems):
        return [RowProblem.of(line, Text("the id is empty"), column="id")]
    if ident in seen:
        return [
            RowProblem.of(
                line,
                Text("duplicate id {id!r} (first at line {first})", id=ident, first=seen[ident]),
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
                RowProblem.of(
                    line,
                    Text(
                        "{day} is after the as-of date {as_of}",
                        day=when.isoformat(),
                        as_of=cols.as_of.isoformat(),
                    ),
                    column=field,
                    value=cells[cols.index_of[field]],
                )
            )
    return out


def _row(
    line: int,
    cells: list[str] | None,
    error: Translatable | None,
    cols: _Columns,
    seen: dict[str, int],
) -> list[Association | RowProblem]:
    """One record read the long way: its association, or its problems (none for a blank
    row); ``cells`` None is a record that is not read, ``error`` says why."""
    if cells is None:
        return [RowProblem.of(line, error or Text("not readable as CSV"))]
    joined = "".join(cells)
    if not joined or joined.isspace():
        return []
    if len(joined) > MAX_CELL_CHARS and max(map(len, cells)) > MAX_CELL_CHARS:
        longest = max(map(len, cells))
        return [
            RowProblem.of(
                line,
                Text(
                    "a cell of {longest} characters; the most is {most}",
                    longest=_Grouped(longest),
                    most=_Grouped(MAX_CELL_CHARS),
                ),
            )
        ]
    values, row_problems = _row_values(line, cells, cols)
    row_problems += _id_problems(line, values, row_problems, seen)
    row_problems += _date_problems(line, values, cells, cols)
    business_id = values.pop("business_id", "")
    if not row_problems:
        try:
            association = Association(**values)
        except InvalidValueError as exc:  # a bound the model keeps and the cells do not
            row_problems.append(RowProblem(line=line, message=str(exc), text=exc.text))
    if row_problems:
        out: list[Association | RowProblem] = [*row_problems]
        return out
    seen[values["id"]] = line
    if business_id:
        cols.business_ids[values["id"]] = business_id
    return [association]


def _items(src: Iterator[str], cols: _Columns, base: int) -> Iterator[Association | RowProblem]:
    """The associations and row problems of the data lines ``src`` (each with its line
    end), whose first is line ``base + 1``, in order.

    A record is one physical line (ended by CR LF, LF or CR), or more when a quoted cell
    holds line breaks. A quote that runs over a line break and then is never closed,
    is closed with text after it, or leaves the row without the header's number of
    cells is a stray one: the record is its first line only, not read; the lines it ran
    over up to the one where it was found broken are read one line each, and reading
    goes on as usual from that line — so a stray quote costs one row, not the rest of
    the file, and each line is read at most twice (no quadratic cost however many
    stray quotes there are). Only the current record's lines are kept (csv's field
    limit bounds what an unclosed quote runs over), so memory does not grow with the
    file but for the ids seen, which the duplicate check needs.

    A record of one line with the header's width, no line longer than a cell may be,
    whose cells all read, with a new non-empty id and no date after ``as_of``, is the
    common case, read in one pass over the memoised parsers; any other goes through
    :func:`_row`, which finds the same values and says what is wrong.
    """
    kept: list[str] = []  # the lines of the record being read
    keep = kept.append

    def tape(lines: Iterable[str]) -> Iterator[str]:
        for text in lines:
            keep(text)
            yield text

    delimiter, width = cols.delimiter, cols.width
    quick = cols.quick
    seen: dict[str, int] = {}
    reader = csv.reader(tape(src), delimiter=delimiter, strict=True)
    last = 0  # reader.line_num after the previous record
    while True:
        problem: Text | None = None
        try:
            cells: list[str] | None = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            cells, problem = None, _csv_error(exc)
        num = reader.line_num
        start = base + last + 1
        span = num - last
        last = num
        if span == 1:
            if len(kept.pop()) <= MAX_CELL_CHARS and cells is not None and len(cells) == width:
                try:
                    association = quick(cells, seen)
                except (_CellError, InvalidValueError):
                    association = None
                if association is not None:
                    seen[association.id] = start
                    yield association
                    continue
            yield from _row(start, cells, problem, cols, seen)
            continue
        lines = kept.copy()
        kept.clear()
        if cells is not None and (_fits(cells, width) or _blank(cells)):
            yield from _row(start, cells, None, cols, seen)
            continue
        # A quote ran over line breaks into a record that does not fit: a stray quote.
        if cells is not None:
            problem = Text(
                "a quoted cell runs over {span} lines into a row of {cells} cells,"
                " the header has {width}",
                span=span,
                cells=len(cells),
                width=width,
            )
        elif problem is None or not str(problem).startswith('a quote (")'):
            problem = Text(
                'a quote (") that runs on to line {line} and does not end there',
                line=start + span - 1,
            )
        yield RowProblem.of(
            start,
            Text("{problem}: a stray quote? the next line is read as a row", problem=problem),
        )
        for k in range(1, span - 1):  # the lines it ran over, one record each
            try:
                one = next(csv.reader((lines[k],), delimiter=delimiter, strict=True), [])
            except csv.Error as exc:
                why = Text(
                    "{problem} on its line (after the stray quote of line {line})",
                    problem=_csv_error(exc),
                    line=start,
                )
                yield RowProblem.of(start + k, why)
                continue
            yield from _row(start + k, one, None, cols, seen)
        # From the line where the quote was found broken on, as usual.
        reader = csv.reader(
            tape(itertools.chain(lines[span - 1 :], src)), delimiter=delimiter, strict=True
        )
        base, last = start + span - 2, 0


def _start(
    lines: Iterator[str], *, as_of: date | None, extra_columns: str, source: str | None
) -> tuple[str, Iterator[Association | RowProblem], dict[str, str]]:
    """The delimiter and the rows of a CSV text given as its lines (each with its line
    end, as ``io.StringIO(text, newline="")`` gives them), and the Business IDs of the
    rows by id, filled as the rows are read.

    The dialect and the header are found on a prefix of whole lines (past
    ``_HEADER_CHARS`` after the first line, or all of them), so they are what the
    whole text would give; a text with no readable header is a ``LoadError`` here, before
    any row is read.
    """
    head: list[str] = []
    size = 0
    for text in lines:
        head.append(text)
        size += len(text)
        if size - len(head[0]) > _HEADER_CHARS:
            break
    prefix, delimiter, offset = _dialect("".join(head))
    header, skip = _header(prefix, delimiter, source)
    cols = _columns(header, delimiter, _header_map(header, extra_columns, source), as_of)
    rest = io.StringIO(prefix, newline="")
    for _ in range(skip):
        rest.readline()
    return delimiter, _items(itertools.chain(rest, lines), cols, skip + offset), cols.business_ids


def _read_csv(
    text: str,
    *,
    as_of: date | None,
    extra_columns: str,
    source: str | None,
    encoding: str,
) -> RegisterReadResult:
    delimiter, items, business_ids = _start(
        iter(io.StringIO(text, newline="")),
        as_of=as_of,
        extra_columns=extra_columns,
        source=source,
    )
    associations: list[Association] = []
    problems: list[RowProblem] = []
    association, problem = associations.append, problems.append
    for item in items:
        if item.__class__ is Association:
            association(item)
        else:
            problem(item)  # type: ignore[arg-type]
    return RegisterReadResult(
        associations=tuple(associations),
        problems=tuple(problems),
        delimiter=delimiter,
        encoding=encoding,
        business_ids=business_ids,
    )


#: How much a streamed file or binary stream is read at a time.
_STREAM_CHUNK = 1 << 16


def _stream_lines(
    read: Callable[[int], bytes], source: str | None, max_bytes: int
) -> Iterator[str]:
    """The lines of a binary stream, decoded as they are read (as :func:`_decode` does
    for whole bytes): UTF-16 when it starts with its BOM (Excel's "Unicode text"), else
    :func:`_stream_lines_8`."""
    head = b""
    while len(head) < 2:
        chunk = read(_STREAM_CHUNK)
        if not chunk:
            break
        head += chunk
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from _utf16_lines(head, read, source, max_bytes)
        return
    given = [head] if head else []

    def again(size: int) -> bytes:
        return given.pop() if given else read(size)

    yield from _stream_lines_8(again, source, max_bytes)


def _too_large_stream(max_bytes: int, source: str | None) -> LoadError:
    return LoadError(
        [
            Problem.of(
                "$",
                "too-large",
                Text("the file is more than {most} bytes, the limit", most=max_bytes),
                params={"max_bytes": max_bytes},
            )
        ],
        source=source,
    )


def _split_lines(parts: list[str], final: bool) -> list[str]:
    """The whole lines of the text in ``parts``; a line cut by the chunk (or a CR that a
    LF may follow) is left in ``parts``."""
    lines = io.StringIO("".join(parts), newline="").readlines()
    parts.clear()
    if not final and lines and not lines[-1].endswith("\n"):
        parts.append(lines.pop())
    return lines


def _utf16_lines(
    head: bytes, read: Callable[[int], bytes], source: str | None, max_bytes: int
) -> Iterator[str]:
    """The lines of a UTF-16 stream (with its BOM) whose first bytes are ``head``."""
    decoder = codecs.getincrementaldecoder("utf-16")()
    offset = 0
    parts: list[str] = []
    chunk = head
    while True:
        final = not chunk
        if offset + len(chunk) > max_bytes:
            raise _too_large_stream(max_bytes, source)
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            where = offset + exc.start
            raise _not_text(_not_utf16(where), where, source) from None
        offset += len(chunk)
        parts.append(text)
        if final or "\n" in text or "\r" in text:
            yield from _split_lines(parts, final)
        if final:
            return
        chunk = read(_STREAM_CHUNK)


def _stream_lines_8(
    read: Callable[[int], bytes], source: str | None, max_bytes: int
) -> Iterator[str]:
    """The lines of a binary stream, decoded as they are read: UTF-8 with or without a
    BOM, else Windows-1252.

    The stream is UTF-8 until a byte that is not; if every byte before it was ASCII
    (which both encodings read alike) the stream is Windows-1252 from its start, as the
    whole file would be; after other UTF-8 text it is a ``LoadError`` (``not-text``),
    since what was read cannot be read again. More than ``max_bytes`` is a
    ``LoadError`` (``too-large``) when the limit is passed.
    """
    decoder: codecs.IncrementalDecoder = codecs.getincrementaldecoder("utf-8-sig")()
    utf8 = ascii_so_far = True  # every character decoded so far is ASCII
    first = b""  # the first bytes: a BOM is not ASCII
    offset = 0  # the bytes before this chunk
    parts: list[str] = []  # the line under way
    while True:
        chunk = read(_STREAM_CHUNK)
        final = not chunk
        if offset + len(chunk) > max_bytes:
            raise LoadError(
                [
                    Problem.of(
                        "$",
                        "too-large",
                        Text("the file is more than {most} bytes, the limit", most=max_bytes),
                        params={"max_bytes": max_bytes},
                    )
                ],
                source=source,
            )
        if len(first) < 3:
            first = (first + chunk)[:3]
        if utf8:
            pending = decoder.getstate()[0]  # the bytes of a character cut by the chunk
            try:
                text = decoder.decode(chunk, final)
            except UnicodeDecodeError as exc:
                where = offset - len(pending) + exc.start
                if not ascii_so_far or first.startswith(codecs.BOM_UTF8):
                    raise _not_text(
                        Text("the file is UTF-8 up to byte {offset}, then not", offset=where),
                        where,
                        source,
                    ) from None
                utf8 = False  # all before was ASCII: Windows-1252 from the start
                decoder = codecs.getincrementaldecoder("cp1252")()
                chunk = pending + chunk
                offset -= len(pending)
            else:
                ascii_so_far = ascii_so_far and text.isascii()
        if not utf8:
            try:
                text = decoder.decode(chunk, final)
            except UnicodeDecodeError as exc:
                raise _not_text(_neither(offset + exc.start), offset + exc.start, source) from None
        offset += len(chunk)
        if not final and "\n" not in text and "\r" not in text:
            parts.append(text)  # a long line: kept in parts, joined once
            continue
        parts.append(text)
        lines = io.StringIO("".join(parts), newline="").readlines()
        parts.clear()
        if not final and lines and not lines[-1].endswith("\n"):
            parts.append(lines.pop())  # cut, or a CR that a LF may follow
        yield from lines
        if final:
            return


def _not_text(message: Text, offset: int, source: str | None) -> LoadError:
    return LoadError(
        [Problem.of("$", "not-text", message, params={"offset": offset})],
        source=source,
    )


def _file_lines(path: Path, max_bytes: int) -> Iterator[str]:
    """The lines of a regular file, streamed (:func:`_stream_lines`); the file is refused
    as :func:`~jarjestoyhteistyo.io.serialize.read_file` refuses it."""
    fd = open_regular(path)
    try:
        yield from _stream_lines(functools.partial(os.read, fd), str(path), max_bytes)
    finally:
        os.close(fd)


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

    * bytes are UTF-16 when they start with its BOM (Excel's "Unicode text", which is
      also tab-separated), else UTF-8 (with or without a BOM), else Windows-1252
      (Finnish Excel);
    * the delimiter is sniffed among ``;``, ``,`` and TAB (an Excel ``sep=;`` first
      line is honoured); the first non-blank row is the header, matched against
      :data:`COLUMN_ALIASES` (Finnish or English, any case); ``id`` is required; an
      unknown column is a ``LoadError`` unless ``extra_columns="ignore"``; a Business
      ID column (``Y-tunnus``, ``business id``, ``business_id``) is read into
      :attr:`RegisterReadResult.business_ids` (:func:`~jarjestoyhteistyo.io.ytj.normal_business_id`:
      a wrong check digit is a reported row);
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

    Excel's "Unicode text" with a Business ID column:

    >>> text = "tunnus\\tnimi\\tY-tunnus\\r\\na1\\tKäpylä ry\\t0112038-9\\r\\n"
    >>> r = read_register(text.encode("utf-16"))
    >>> r.encoding, r.delimiter, dict(r.business_ids)
    ('utf-16', '\\t', {'a1': '0112038-9'})
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


def iter_register(
    source: str | bytes | os.PathLike[str] | IO[bytes],
    *,
    as_of: date | None = None,
    extra_columns: Literal["error", "ignore"] = "error",
    max_bytes: int = 50_000_000,
) -> Iterator[Association | RowProblem]:
    """The associations and row problems of a register, in order, as they are read:
    :func:`read_register`'s reader (the same rules, rows and problems), for a register
    too large to hold, such as the national register's bulk data.

    ``source`` is what :func:`read_register` takes, or a binary stream (an open file,
    ``sys.stdin.buffer``, a response body). A file or a stream is read in chunks and
    decoded as it goes: memory holds one record and the ids seen (for the duplicate
    check), not the file. A file is refused as :func:`read_register` refuses it
    (``not-a-file``); more than ``max_bytes`` is a ``LoadError`` (``too-large``) when the
    limit is passed, after the rows before it. The encoding is UTF-8 until a byte that is
    not; if all before it was ASCII, the stream is Windows-1252 from its start (as the
    whole file would be read), else it is a ``LoadError`` (``not-text``). The header is
    read, or refused, when this is called; YAML and JSON files are read whole.

    >>> import io
    >>> stream = io.BytesIO(b"tunnus;nimi;tapahtumat\\r\\na1;K\\xe4pyl\\xe4 ry;2\\r\\na2;B;x\\r\\n")
    >>> for item in iter_register(stream):
    ...     print(repr(item.name) if isinstance(item, Association) else item)
    'Käpylä ry'
    line 3, events_attended: 'x' is not a whole number of zero or more
    """
    options: dict[str, Any] = {"as_of": as_of, "extra_columns": extra_columns}
    if isinstance(source, bytes) or (isinstance(source, str) and not _is_path(source)):
        return _read_csv_items(source, max_bytes=max_bytes, **options)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            raw = read_file(path, max_bytes=max_bytes)
            return iter(loads_register_yaml(raw, source=str(path)))
        lines = _file_lines(path, max_bytes)
        name: str | None = str(path)
    else:
        label = getattr(source, "name", None)
        name = label if isinstance(label, str) else None
        lines = _stream_lines(source.read, name, max_bytes)
    return _start(lines, source=name, **options)[1]


def _is_path(source: str | bytes) -> bool:
    """A ``str`` with no line break names a file; bytes and other text are content."""
    return isinstance(source, str) and "\n" not in source and "\r" not in source


def _read_csv_items(
    source: str | bytes, *, max_bytes: int, as_of: date | None, extra_columns: str
) -> Iterator[Association | RowProblem]:
    if len(source) > max_bytes:
        raise LoadError([_too_big(len(source), max_bytes)])
    text = source if isinstance(source, str) else _decode(source, None)[0]
    lines = iter(io.StringIO(text, newline=""))
    return _start(lines, as_of=as_of, extra_columns=extra_columns, source=None)[1]


def _too_big(size: int, max_bytes: int) -> Problem:
    return Problem.of(
        "$",
        "too-large",
        Text("the register is {size} bytes; the limit is {most}", size=size, most=max_bytes),
        params={"size": size, "max_bytes": max_bytes},
    )
