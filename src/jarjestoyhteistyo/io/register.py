"""The association register's door (`JP-3`): CSV from a spreadsheet, or YAML/JSON.

:func:`read_register` reads a register — a CSV exported from a spreadsheet (UTF-8
with or without a BOM, or the Windows-1252, semicolon-separated form Finnish Excel
writes) or a YAML/JSON document (a :class:`~jarjestoyhteistyo.model.associations.Register`,
through the one door of :mod:`jarjestoyhteistyo.io.serialize`) — into
:class:`~jarjestoyhteistyo.model.associations.Association` objects. Rows it cannot
read are reported with their line numbers (:class:`RowProblem`); every other row is
kept. The analysis of the register is :mod:`jarjestoyhteistyo.analysis.ecosystem`.

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
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs

from jarjestoyhteistyo.errors import LoadError, Problem
from jarjestoyhteistyo.io.serialize import loads, read_file
from jarjestoyhteistyo.model.associations import Association, Register

__all__ = [
    "COLUMN_ALIASES",
    "RegisterReadResult",
    "RowProblem",
    "loads_register_yaml",
    "read_register",
]


@attrs.frozen(kw_only=True)
class RowProblem:
    """A row of a register that could not be read: its line (1 is the header), the
    column and the cell's text when one cell is to blame, and why."""

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
        raise _CellError(f"{text!r} is not a date (27.5.2024 or 2024-05-27)")
    a, b, c = (int(g) for g in m.groups())
    y, mo, d = (a, b, c) if len(m.group(1)) == 4 else (c, b, a)
    try:
        return date(y, mo, d)
    except ValueError:
        raise _CellError(f"{text!r} is not a calendar date") from None


def _s_number(cell: str) -> float:
    if cell.isascii() and cell.isdigit():  # the common case: a plain count
        return float(cell)
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
        raise _CellError(f"{cell.strip()!r} is not a number of zero or more (e.g. 1 234,50)")
    return float(text)


def _s_int(cell: str) -> int:
    if cell.isascii() and cell.isdigit():
        return int(cell)
    text = _SPACES.sub("", cell)
    if not text:
        return 0
    if not _WHOLE.fullmatch(text):
        raise _CellError(f"{cell.strip()!r} is not a whole number of zero or more")
    return int(text)


def _s_bool(cell: str) -> bool:
    text = cell.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _CellError(f"{cell.strip()!r} is not yes or no (kyllä/ei, yes/no, true/false, 1/0)")


def _s_list(cell: str) -> frozenset[str]:
    if not cell or cell.isspace():
        return _EMPTY
    return frozenset(p.strip() for p in _LIST_SEP.split(cell) if p.strip())


def _s_languages(cell: str) -> frozenset[str]:
    if not cell or cell.isspace():
        return _EMPTY
    return frozenset(p.lower() for p in _s_list(cell))


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
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def _sniff(text: str) -> str:
    """The delimiter: ``csv.Sniffer`` restricted to ``; , TAB``, checked on the header.

    The candidate whose header row names the most known columns wins; the sniffed one
    first on a tie, then ``;``, ``,``, TAB.
    """
    sample = "\n".join(text.splitlines()[:20])
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


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | None, str]]:
    """``(first line, cells, error)``; cells is None for a record csv cannot read."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield last + 1, None, str(exc)
            if reader.line_num <= last:  # pragma: no cover - csv made no progress
                return
            last = reader.line_num
            continue
        yield last + 1, row, ""
        last = reader.line_num


_SEP_LINE = re.compile(r"(?i)sep=(.)[ \t]*(\r\n|\n|\r)")  # Excel's "sep=;" first line


def _dialect(text: str) -> tuple[str, str, int]:
    """The text without its BOM and Excel's ``sep=;`` line, the delimiter, the lines cut."""
    text = text.removeprefix("\ufeff")
    sep = _SEP_LINE.match(text)
    if sep:
        return text[sep.end() :], sep.group(1), 1
    return text, _sniff(text), 0


def _header(records: Iterator[tuple[int, list[str] | None, str]], source: str | None) -> list[str]:
    """The first non-blank record; none (or an unreadable one first) is a ``LoadError``."""
    for _line, cells, _err in records:
        if cells is not None and any(c.strip() for c in cells):
            return cells
        if cells is None:
            break
    raise LoadError(
        [Problem(path="line 1", code="no-header", message="no header row")], source=source
    )


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
    if len(cells) > cols.width and any(c.strip() for c in cells[cols.width :]):
        problems.append(
            RowProblem(
                line=line,
                message=f"{len(cells)} cells but the header has {cols.width}"
                f" (a {cols.delimiter!r} inside an unquoted value?)",
            )
        )
    values: dict[str, Any] = {}
    for index, field, parse in cols.parsers:
        cell = cells[index] if index < len(cells) else ""
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
    records = _records(text, delimiter)
    header = _header(records, source)
    cols = _columns(header, delimiter, _header_map(header, extra_columns, source), as_of)
    associations: list[Association] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for line0, cells, error in records:
        line = line0 + offset
        if cells is None:
            problems.append(RowProblem(line=line, message=f"not readable as CSV: {error}"))
            continue
        joined = "".join(cells)
        if not joined or joined.isspace():
            continue
        values, row_problems = _row_values(line, cells, cols)
        row_problems += _id_problems(line, values, row_problems, seen)
        row_problems += _date_problems(line, values, cells, cols)
        if row_problems:
            problems.extend(row_problems)
            continue
        seen[values["id"]] = line
        associations.append(Association(**values))
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
    * a row with a cell that cannot be read, an empty or repeated id, extra cells, or
      (with ``as_of``) a date after ``as_of`` is reported as :class:`RowProblem`
      objects with its line number and left out; every other row is kept.

    >>> r = read_register("id,name,events\\na1,One,2\\na2,Two,many\\n")
    >>> [a.id for a in r.associations], [str(p) for p in r.problems]
    (['a1'], ["line 3, events_attended: 'many' is not a whole number of zero or more"])
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
