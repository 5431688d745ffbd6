"""The actor ecosystem of a city's associations (`JP-4`) and its blind spots (`JP-7`).

Three steps, all pure:

1. :func:`read_register` reads an association register — a CSV exported from a
   spreadsheet (UTF-8 with or without a BOM, or the Windows-1252, semicolon-separated
   form Finnish Excel writes) or a YAML/JSON document — into :class:`Association`
   objects. Rows it cannot read are reported with their line numbers
   (:class:`RowProblem`); every other row is kept.
2. :func:`classify` puts an association into one of the five activity/dependence
   segments of `JP-4` and flags a weaker position, following :class:`SegmentRules` —
   data with documented defaults, loadable from YAML (:func:`load_segment_rules`).
3. :func:`analyse` counts the segments, finds the blind spots of `JP-7` (new
   associations not yet reached, no contact in 12 months, weaker-position
   associations without support) and suggests actions. The
   :class:`EcosystemReport` renders as text, Markdown, JSON, records and a pandas
   ``DataFrame``; :func:`plot_segments` draws it when matplotlib is installed.

>>> text = '''id;nimi;rekisteröity;viimeisin yhteydenotto;avustukset;tilat;tapahtumat
... a1;Kylätoimikunta ry;1.3.1990;15.4.2024;2;kyllä;3
... a2;Uusi yhdistys ry;2.1.2024;;0;ei;0
... a3;Rikki ry;31.2.2020;;0;ei;0
... '''
>>> result = read_register(text)
>>> [a.id for a in result.associations], [(p.line, p.column) for p in result.problems]
(['a1', 'a2'], [(4, 'registered')])
>>> report = analyse(result.associations, as_of=date(2024, 6, 1))
>>> [(s.segment.value, s.count) for s in report.segments if s.count]
[('actively_committed', 1), ('unaware_potential', 1)]
>>> [(b.kind.value, b.ids) for b in report.blind_spots]
[('new_not_reached', ('a2',))]
"""

from __future__ import annotations

import csv
import enum
import importlib
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs
from dateutil.relativedelta import relativedelta

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import InvalidValueError, LoadError, MissingDependencyError, Problem
from jarjestoyhteistyo.findings import Finding, Report, Severity
from jarjestoyhteistyo.io.serialize import load, loads, read_file
from jarjestoyhteistyo.model.categories import Labels

__all__ = [
    "COLUMN_ALIASES",
    "DEFAULT_SEGMENT_RULES",
    "Action",
    "Association",
    "BlindSpot",
    "BlindSpotKind",
    "Classification",
    "EcosystemReport",
    "Register",
    "RegisterReadResult",
    "RowProblem",
    "Segment",
    "SegmentCount",
    "SegmentRules",
    "analyse",
    "classify",
    "load_segment_rules",
    "loads_register_yaml",
    "loads_segment_rules",
    "plot_segments",
    "read_register",
]


JY621 = Code(
    code="JY621",
    rule="JP-7",
    severity=Severity.WARNING,
    title="New associations not yet reached",
    en="{count} new association(s) not yet reached: {ids}",
    fi="{count} uutta yhdistystä, joita ei ole vielä tavoitettu: {ids}",
    fix="Welcome newcomers: invite them and tell them what the city offers.",
)

JY622 = Code(
    code="JY622",
    rule="JP-7",
    severity=Severity.WARNING,
    title="No recent contact",
    en="{count} association(s) with no contact in {months} months: {ids}",
    fi="{count} yhdistystä, joihin ei ole oltu yhteydessä {months} kuukauteen: {ids}",
    fix="Reach the less active associations.",
)

JY623 = Code(
    code="JY623",
    rule="JP-7",
    severity=Severity.WARNING,
    title="Weaker-position associations without support",
    en="{count} weaker-position association(s) without support: {ids}",
    fi="{count} heikommassa asemassa olevaa yhdistystä ilman tukea: {ids}",
    fix="Reach actors in a weaker position; tell them about premises and grants.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY621, JY622, JY623)


Format = Literal["text", "markdown", "json"]


# ---------------------------------------------------------------------- the data
def _non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise InvalidValueError(f"{attribute.name} must be zero or more, got {value}")


@attrs.frozen(kw_only=True)
class Association:
    """One association of the register (`JP-3`), with what is known of it.

    ``grants_received`` is the number of grants or their sum — whichever the register
    holds (:class:`SegmentRules` thresholds are in the same unit); ``events_attended``
    counts the city's events and meetings the association took part in;
    ``networks`` the networks it belongs to. Unknown facts stay at their defaults.

    >>> Association(id="a1", name="Example ry", events_attended=2).premises_used
    False
    """

    id: str
    name: str = ""
    registered: date | None = None
    last_contact: date | None = None
    grants_received: float = attrs.field(default=0.0, validator=_non_negative)
    premises_used: bool = False
    events_attended: int = attrs.field(default=0, validator=_non_negative)
    networks: frozenset[str] = frozenset()
    volunteer_run: bool = False
    languages: frozenset[str] = frozenset()
    weaker_position: bool = False


def _unique_ids(_inst: object, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for i, a in enumerate(value):
        if a.id in first:
            problems.append(
                Problem(
                    path=f"associations[{i}].id",
                    code="duplicate-id",
                    message=f"duplicate id {a.id!r} (first at associations[{first[a.id]}])",
                    params={"id": a.id},
                )
            )
        first.setdefault(a.id, i)
    if problems:
        raise LoadError(problems)


@attrs.frozen(kw_only=True)
class Register:
    """The YAML/JSON form of a register, ``associations: [...]``; ids are unique.

    >>> Register(associations=(Association(id="a1"), Association(id="a1")))
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: 1 problem
      associations[1].id: duplicate id 'a1' (first at associations[0])
    """

    associations: tuple[Association, ...] = attrs.field(default=(), validator=_unique_ids)


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
            import difflib

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


def _read_csv(
    text: str,
    *,
    as_of: date | None,
    extra_columns: str,
    source: str | None,
    encoding: str,
) -> RegisterReadResult:
    text = text.removeprefix("\ufeff")
    offset = 0
    sep = re.match(r"(?i)sep=(.)[ \t]*(\r\n|\n|\r)", text)  # Excel's "sep=;" first line
    if sep:
        delimiter = sep.group(1)
        text = text[sep.end() :]
        offset = 1
    else:
        delimiter = _sniff(text)
    records = _records(text, delimiter)
    header: list[str] | None = None
    for _line, cells, _err in records:
        if cells is not None and any(c.strip() for c in cells):
            header = cells
            break
        if cells is None:
            break
    if header is None:
        raise LoadError(
            [Problem(path="line 1", code="no-header", message="no header row")], source=source
        )
    columns = _header_map(header, extra_columns, source)
    width = len(header)
    index_of = {field: i for i, field in columns}
    parsers = [(i, field, _PARSERS[field]) for i, field in columns]
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
        row_problems: list[RowProblem] = []
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            row_problems.append(
                RowProblem(
                    line=line,
                    message=f"{len(cells)} cells but the header has {width}"
                    f" (a {delimiter!r} inside an unquoted value?)",
                )
            )
        values: dict[str, Any] = {}
        for index, field, parse in parsers:
            cell = cells[index] if index < len(cells) else ""
            try:
                values[field] = parse(cell)
            except _CellError as exc:
                row_problems.append(
                    RowProblem(line=line, message=str(exc), column=field, value=cell)
                )
        ident = values.get("id", "")
        if not ident and not any(p.column == "id" for p in row_problems):
            row_problems.append(RowProblem(line=line, message="the id is empty", column="id"))
        elif ident in seen:
            row_problems.append(
                RowProblem(
                    line=line,
                    message=f"duplicate id {ident!r} (first at line {seen[ident]})",
                    column="id",
                    value=ident,
                )
            )
        if as_of is not None:
            for field in ("registered", "last_contact"):
                when = values.get(field)
                if when is not None and when > as_of:
                    row_problems.append(
                        RowProblem(
                            line=line,
                            message=f"{when.isoformat()} is after the as-of date {as_of}",
                            column=field,
                            value=cells[index_of[field]],
                        )
                    )
        if row_problems:
            problems.extend(row_problems)
            continue
        seen[ident] = line
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
        raw = read_file(path)
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


# ----------------------------------------------------------------- segment rules
def _ge(n: int) -> Callable[[object, attrs.Attribute[Any], float], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
        if value < n:
            raise InvalidValueError(f"{attribute.name} must be {n} or more, got {value}")

    return check


@attrs.frozen(kw_only=True)
class SegmentRules:
    """The classification rules of `JP-4` as data; the defaults are documented here.

    An association is **active** (*actively committed*) when it attended at least
    ``active_min_events`` (2) events, belongs to at least ``active_min_networks`` (1)
    networks, or had contact within ``active_contact_months`` (12) of the as-of date
    (0 turns the events or networks criterion off). It **receives grants** when
    ``grants_received`` ≥ ``support_min_grants`` (1) and has **support** when it
    receives grants or uses premises. It is **dependent** when it receives grants and
    uses premises (``dependent_grants_and_premises``, on) or its grants reach
    ``dependent_min_grants`` (3; ``null`` turns it off). Thresholds are in the unit of
    the register's grants column: for sums in euros set e.g. ``support_min_grants:
    1`` and ``dependent_min_grants: 5000``.

    The first that applies is the segment: active → *actively committed*; dependent →
    *dependent on the city's support*; support → *using resources without seeking
    cooperation*; any contact, event or network ever → *little active, little
    dependent*; none → *unaware — potential*. *Weaker position* is the register's
    flag and overlaps the others.

    Blind spots (`JP-7`): registered within ``new_months`` (24) and never reached (no
    contact, no event) — *new, not reached*; no contact within
    ``stale_contact_months`` (12), never contacted included, new ones not repeated —
    *no recent contact*; weaker position and no support. A contact exactly
    ``N`` months before the as-of date is within ``N`` months; months are counted
    with ``relativedelta`` from the as-of date (31 May − 3 months = 28/29 February).

    >>> SegmentRules().active_min_events
    2
    """

    active_min_events: int = attrs.field(default=2, validator=_ge(0))
    active_min_networks: int = attrs.field(default=1, validator=_ge(0))
    active_contact_months: int = attrs.field(default=12, validator=_ge(0))
    support_min_grants: float = attrs.field(default=1.0, validator=_ge(0))
    dependent_min_grants: float | None = 3.0
    dependent_grants_and_premises: bool = True
    new_months: int = attrs.field(default=24, validator=_ge(0))
    stale_contact_months: int = attrs.field(default=12, validator=_ge(0))


#: The default rules (see :class:`SegmentRules`).
DEFAULT_SEGMENT_RULES = SegmentRules()


def loads_segment_rules(text: str | bytes, *, source: str | None = None) -> SegmentRules:
    """:class:`SegmentRules` from YAML or JSON text (missing keys keep their defaults).

    >>> loads_segment_rules("active_min_events: 3\\ndependent_min_grants: 5000").active_min_events
    3
    """
    return loads(text, SegmentRules, source=source)


def load_segment_rules(path: str | Path) -> SegmentRules:
    """:class:`SegmentRules` from a YAML or JSON file (the CLI's ``--rules FILE``)."""
    return load(path, SegmentRules)


# ------------------------------------------------------------------ classification
class Segment(enum.Enum):
    """The segments of the actor ecosystem (`JP-4`)."""

    ACTIVE = "actively_committed"
    DEPENDENT = "dependent_on_support"
    USING = "using_resources"
    LITTLE = "little_active"
    UNAWARE = "unaware_potential"
    WEAKER = "weaker_position"

    @property
    def labels(self) -> Labels:
        """The segment's name in Finnish, Swedish and English."""
        return _SEGMENT_LABELS[self]


_SEGMENT_LABELS = {
    Segment.ACTIVE: Labels(
        fi="aktiivisesti yhteistoimintaan sitoutuneet",
        sv="aktivt engagerade i samarbetet",
        en="actively committed",
    ),
    Segment.DEPENDENT: Labels(
        fi="riippuvaisia kaupungin tuesta, tiloista tai avustuksista",
        sv="beroende av stadens stöd, lokaler eller understöd",
        en="dependent on the city's support",
    ),
    Segment.USING: Labels(
        fi="käyttävät kaupungin resursseja, eivät pyri yhteistoimintaan",
        sv="använder stadens resurser utan att söka samarbete",
        en="using resources without seeking cooperation",
    ),
    Segment.LITTLE: Labels(
        fi="vain vähän aktiivisia ja vähän riippuvaisia",
        sv="lite aktiva och lite beroende",
        en="little active, little dependent",
    ),
    Segment.UNAWARE: Labels(
        fi="eivät tietoisia mahdollisuuksista (potentiaalia)",
        sv="inte medvetna om möjligheterna (potential)",
        en="unaware of the opportunities (potential)",
    ),
    Segment.WEAKER: Labels(
        fi="heikommassa asemassa olevat",
        sv="aktörer i svagare ställning",
        en="in a weaker position",
    ),
}

#: The five exclusive segments, in order of precedence.
_PRIMARY = (Segment.ACTIVE, Segment.DEPENDENT, Segment.USING, Segment.LITTLE, Segment.UNAWARE)


class BlindSpotKind(enum.Enum):
    """The blind spots of `JP-7`."""

    NEW_NOT_REACHED = "new_not_reached"
    NO_RECENT_CONTACT = "no_recent_contact"
    WEAKER_WITHOUT_SUPPORT = "weaker_without_support"


_SPOT_CODES = {
    BlindSpotKind.NEW_NOT_REACHED: JY621,
    BlindSpotKind.NO_RECENT_CONTACT: JY622,
    BlindSpotKind.WEAKER_WITHOUT_SUPPORT: JY623,
}


@attrs.frozen(kw_only=True)
class Classification:
    """Where one association sits: its segment, the weaker-position flag, blind spots."""

    id: str
    name: str
    segment: Segment
    weaker_position: bool
    supported: bool
    blind_spots: frozenset[BlindSpotKind] = frozenset()


@attrs.frozen(kw_only=True)
class _Cutoffs:
    active_contact: date
    stale_contact: date
    new_since: date


def _cutoffs(as_of: date, rules: SegmentRules) -> _Cutoffs:
    return _Cutoffs(
        active_contact=as_of - relativedelta(months=rules.active_contact_months),
        stale_contact=as_of - relativedelta(months=rules.stale_contact_months),
        new_since=as_of - relativedelta(months=rules.new_months),
    )


def _classify(a: Association, rules: SegmentRules, cut: _Cutoffs) -> Classification:
    contact = a.last_contact
    active = (
        (rules.active_min_events > 0 and a.events_attended >= rules.active_min_events)
        or (rules.active_min_networks > 0 and len(a.networks) >= rules.active_min_networks)
        or (contact is not None and contact >= cut.active_contact)
    )
    grants = a.grants_received > 0 and a.grants_received >= rules.support_min_grants
    supported = grants or a.premises_used
    if active:
        segment = Segment.ACTIVE
    elif (rules.dependent_grants_and_premises and grants and a.premises_used) or (
        rules.dependent_min_grants is not None
        and a.grants_received >= rules.dependent_min_grants
        and a.grants_received > 0
    ):
        segment = Segment.DEPENDENT
    elif supported:
        segment = Segment.USING
    elif contact is not None or a.events_attended or a.networks:
        segment = Segment.LITTLE
    else:
        segment = Segment.UNAWARE
    spots: set[BlindSpotKind] = set()
    new = (
        a.registered is not None
        and a.registered >= cut.new_since
        and contact is None
        and not a.events_attended
    )
    if new:
        spots.add(BlindSpotKind.NEW_NOT_REACHED)
    elif contact is None or contact < cut.stale_contact:
        spots.add(BlindSpotKind.NO_RECENT_CONTACT)
    if a.weaker_position and not supported:
        spots.add(BlindSpotKind.WEAKER_WITHOUT_SUPPORT)
    return Classification(
        id=a.id,
        name=a.name,
        segment=segment,
        weaker_position=a.weaker_position,
        supported=supported,
        blind_spots=frozenset(spots),
    )


def classify(
    association: Association, *, as_of: date, rules: SegmentRules = DEFAULT_SEGMENT_RULES
) -> Classification:
    """The `JP-4` segment and `JP-7` blind spots of one association on ``as_of``.

    >>> a = Association(id="a1", grants_received=2, premises_used=True,
    ...                 last_contact=date(2022, 1, 10))
    >>> c = classify(a, as_of=date(2024, 6, 1))
    >>> c.segment.value, sorted(s.value for s in c.blind_spots)
    ('dependent_on_support', ['no_recent_contact'])
    """
    return _classify(association, rules, _cutoffs(as_of, rules))


# ------------------------------------------------------------------------ the report
@attrs.frozen(kw_only=True)
class SegmentCount:
    """How many associations are in a segment and their share of all (0–1)."""

    segment: Segment
    count: int
    share: float


@attrs.frozen(kw_only=True)
class BlindSpot:
    """A blind spot of `JP-7` and the ids of the associations in it."""

    kind: BlindSpotKind
    rule: str
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Action:
    """A suggested action, tied to the rule it serves (`JP-7`, `JP-5`, ...)."""

    rule: str
    about: str
    count: int
    text: str


_SPOT_LABELS = {
    BlindSpotKind.NEW_NOT_REACHED: "new associations not yet reached",
    BlindSpotKind.NO_RECENT_CONTACT: "no contact in {months} months",
    BlindSpotKind.WEAKER_WITHOUT_SUPPORT: "weaker-position associations without support",
}


def _spot_label(kind: BlindSpotKind, rules: SegmentRules) -> str:
    return _SPOT_LABELS[kind].format(months=rules.stale_contact_months)


@attrs.frozen(kw_only=True)
class EcosystemReport:
    """The result of :func:`analyse`: segments, blind spots, actions and findings.

    ``segments`` lists the five exclusive segments (their shares add up to 1) and
    then *weaker position*, which overlaps them. ``findings`` holds one warning per
    blind spot found (``JY621`` … ``JY623``), so tools that act on findings see them.
    ``problems`` are the register rows that could not be read (passed to
    :func:`analyse`), shown so that a reader of the report knows what is missing.
    """

    as_of: date
    rules: SegmentRules
    classifications: tuple[Classification, ...]
    segments: tuple[SegmentCount, ...]
    blind_spots: tuple[BlindSpot, ...]
    actions: tuple[Action, ...]
    findings: Report
    problems: tuple[RowProblem, ...] = ()

    @property
    def total(self) -> int:
        """How many associations were analysed."""
        return len(self.classifications)

    def count(self, segment: Segment) -> int:
        """The number of associations in ``segment``."""
        return next(s.count for s in self.segments if s.segment is segment)

    def blind_spot(self, kind: BlindSpotKind) -> tuple[str, ...]:
        """The ids in blind spot ``kind`` (empty when there are none)."""
        return next((b.ids for b in self.blind_spots if b.kind is kind), ())

    def to_dict(self, *, associations: bool = True) -> dict[str, Any]:
        """The stable JSON form; ``associations=False`` leaves out the per-association rows.

        A report view on purpose (labels, shares, computed segments), not the converter's.
        """
        out: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "total": self.total,
            "rules": attrs.asdict(self.rules),
            "segments": [
                {
                    "segment": s.segment.value,
                    "label": s.segment.labels.en,
                    "label_fi": s.segment.labels.fi,
                    "count": s.count,
                    "share": round(s.share, 4),
                    "overlapping": s.segment is Segment.WEAKER,
                }
                for s in self.segments
            ],
            "blind_spots": [
                {
                    "kind": b.kind.value,
                    "rule": b.rule,
                    "label": _spot_label(b.kind, self.rules),
                    "count": len(b.ids),
                    "ids": list(b.ids),
                }
                for b in self.blind_spots
            ],
            "actions": [attrs.asdict(a) for a in self.actions],
            "findings": self.findings.to_dict(),
            "register_problems": [attrs.asdict(p) for p in self.problems],
        }
        if associations:
            out["associations"] = self.to_records()
        return out

    def to_json(self, *, indent: int | None = 2, associations: bool = True) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(
            self.to_dict(associations=associations), ensure_ascii=False, indent=indent
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per association: id, name, segment, weaker position, support, blind spots."""
        return [
            {
                "id": c.id,
                "name": c.name,
                "segment": c.segment.value,
                "weaker_position": c.weaker_position,
                "supported": c.supported,
                "blind_spots": ",".join(sorted(k.value for k in c.blind_spots)),
            }
            for c in self.classifications
        ]

    def segment_records(self) -> list[dict[str, Any]]:
        """One dict per segment: segment, label, count, share."""
        return [
            {
                "segment": s.segment.value,
                "label": s.segment.labels.en,
                "count": s.count,
                "share": s.share,
            }
            for s in self.segments
        ]

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:
            raise MissingDependencyError(
                "EcosystemReport.to_dataframe() needs pandas: "
                "pip install 'jarjestoyhteistyo[pandas]'"
            ) from exc
        columns = ["id", "name", "segment", "weaker_position", "supported", "blind_spots"]
        return pd.DataFrame.from_records(self.to_records(), columns=columns)

    def to_text(self) -> str:
        """A plain-text report."""
        return _render_text(self)

    def to_markdown(self) -> str:
        """A Markdown report."""
        return _render_markdown(self)

    def render(self, fmt: Format = "text") -> str:
        """The report as ``"text"``, ``"markdown"`` or ``"json"``."""
        if fmt == "json":
            return self.to_json()
        return self.to_markdown() if fmt == "markdown" else self.to_text()


def _short_ids(ids: tuple[str, ...], n: int = 10) -> str:
    head = ", ".join(ids[:n])
    return head if len(ids) <= n else f"{head} … and {len(ids) - n} more"


def _actions(
    counts: Counter[Segment], spots: dict[BlindSpotKind, int], rules: SegmentRules
) -> tuple[Action, ...]:
    out: list[Action] = []

    def add(rule: str, about: str, n: int, text: str) -> None:
        if n:
            out.append(Action(rule=rule, about=about, count=n, text=text.format(n=n)))

    add(
        "JP-7",
        BlindSpotKind.NEW_NOT_REACHED.value,
        spots.get(BlindSpotKind.NEW_NOT_REACHED, 0),
        "Welcome the {n} new association(s) not yet reached: invite them to the next "
        "info event and tell them about premises, grants and the register.",
    )
    add(
        "JP-7",
        BlindSpotKind.NO_RECENT_CONTACT.value,
        spots.get(BlindSpotKind.NO_RECENT_CONTACT, 0),
        f"Contact the {{n}} association(s) with no contact in {rules.stale_contact_months}"
        " months: ask what they do now and what they need.",
    )
    add(
        "JP-4, JP-7",
        BlindSpotKind.WEAKER_WITHOUT_SUPPORT.value,
        spots.get(BlindSpotKind.WEAKER_WITHOUT_SUPPORT, 0),
        "Reach the {n} weaker-position association(s) without support: tell them about "
        "grants and premises and lower the threshold to take part.",
    )
    add(
        "JP-7",
        Segment.UNAWARE.value,
        counts[Segment.UNAWARE],
        "Find the potential: tell the {n} association(s) unaware of the opportunities "
        "about the cooperation model and its web page of links (JP-5).",
    )
    add(
        "JP-2, JP-7",
        Segment.USING.value,
        counts[Segment.USING],
        "Invite the {n} association(s) that use city resources without cooperating into "
        "the channels of JP-2: strategy, service network planning, wellbeing plan.",
    )
    add(
        "JP-7",
        Segment.LITTLE.value,
        counts[Segment.LITTLE],
        "Ask the {n} little-active association(s) what would help them take part; use "
        "participatory methods at meetings.",
    )
    add(
        "JP-5",
        Segment.DEPENDENT.value,
        counts[Segment.DEPENDENT],
        "Keep the grant and premises processes predictable for the {n} dependent "
        "association(s): documented steps, who decides, dates in the annual clock.",
    )
    add(
        "JP-5, JP-7",
        "annual_clock",
        sum(counts[s] for s in _PRIMARY),
        "Put this review of the {n} association(s) in the annual clock and repeat it yearly.",
    )
    return tuple(out)


def analyse(
    associations: Iterable[Association],
    *,
    as_of: date,
    rules: SegmentRules = DEFAULT_SEGMENT_RULES,
    problems: Iterable[RowProblem] = (),
) -> EcosystemReport:
    """Classify every association (`JP-4`), find the blind spots and suggest actions (`JP-7`).

    ``problems`` (the rows :func:`read_register` could not read) are carried into the
    report and rendered with it.

    >>> regs = (
    ...     Association(id="a", events_attended=3),
    ...     Association(id="b", premises_used=True, last_contact=date(2020, 1, 1)),
    ...     Association(id="c", weaker_position=True),
    ... )
    >>> r = analyse(regs, as_of=date(2024, 6, 1))
    >>> [(s.segment.value, s.count, round(s.share, 2)) for s in r.segments if s.count]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('actively_committed', 1, 0.33), ('using_resources', 1, 0.33),
     ('unaware_potential', 1, 0.33), ('weaker_position', 1, 0.33)]
    >>> [(b.kind.value, b.ids) for b in r.blind_spots]
    [('no_recent_contact', ('a', 'b', 'c')), ('weaker_without_support', ('c',))]
    >>> r.actions[0].rule, r.actions[0].count
    ('JP-7', 3)
    """
    cut = _cutoffs(as_of, rules)
    classified = tuple(_classify(a, rules, cut) for a in associations)
    total = len(classified)
    counts: Counter[Segment] = Counter(c.segment for c in classified)
    counts[Segment.WEAKER] = sum(1 for c in classified if c.weaker_position)
    segments = tuple(
        SegmentCount(segment=s, count=counts[s], share=counts[s] / total if total else 0.0)
        for s in (*_PRIMARY, Segment.WEAKER)
    )
    spot_ids: dict[BlindSpotKind, list[str]] = {k: [] for k in BlindSpotKind}
    for c in classified:
        for k in c.blind_spots:
            spot_ids[k].append(c.id)
    blind = tuple(
        BlindSpot(kind=k, rule="JP-7", ids=tuple(spot_ids[k])) for k in BlindSpotKind if spot_ids[k]
    )
    found: list[Finding] = [
        finding(
            _SPOT_CODES[b.kind],
            f"blind_spots.{b.kind.value}",
            count=len(b.ids),
            ids=_short_ids(b.ids),
            months=rules.stale_contact_months,
        )
        for b in blind
    ]
    actions = _actions(counts, {b.kind: len(b.ids) for b in blind}, rules)
    return EcosystemReport(
        as_of=as_of,
        rules=rules,
        classifications=classified,
        segments=segments,
        blind_spots=blind,
        actions=actions,
        findings=Report(subject=f"ecosystem on {as_of.isoformat()}", findings=tuple(found)),
        problems=tuple(problems),
    )


# ------------------------------------------------------------------------ rendering
def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def _render_text(r: EcosystemReport) -> str:
    lines = [f"Actor ecosystem (JP-4): {r.total} association(s) on {r.as_of.isoformat()}", ""]
    width = max(len(s.labels.en) for s in Segment) + 2
    lines.append(f"{'segment':<{width}} {'count':>6} {'share':>6}")
    for s in r.segments:
        label = s.segment.labels.en + (" *" if s.segment is Segment.WEAKER else "")
        lines.append(f"{label:<{width}} {s.count:>6} {_pct(s.share):>6}")
    lines.append("* overlaps the other segments")
    lines += ["", "Blind spots (JP-7)"]
    if not r.blind_spots:
        lines.append("  none")
    for b in r.blind_spots:
        lines.append(f"  {_spot_label(b.kind, r.rules)}: {len(b.ids)} — {_short_ids(b.ids)}")
    lines += ["", "Suggested actions"]
    if not r.actions:
        lines.append("  none")
    lines += [f"  [{a.rule}] {a.text}" for a in r.actions]
    if r.problems:
        lines += ["", f"Rows not read ({len({p.line for p in r.problems})})"]
        lines += [f"  {p}" for p in r.problems]
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def _render_markdown(r: EcosystemReport) -> str:
    lines = [
        f"# Actor ecosystem on {r.as_of.isoformat()}",
        "",
        f"{r.total} association(s), classified by the segments of JP-4.",
        "",
        "| segment | count | share |",
        "|---|---:|---:|",
    ]
    for s in r.segments:
        label = s.segment.labels.en + (" (overlaps)" if s.segment is Segment.WEAKER else "")
        lines.append(f"| {label} | {s.count} | {_pct(s.share)} |")
    lines += ["", "## Blind spots (JP-7)", ""]
    if not r.blind_spots:
        lines.append("None.")
    for b in r.blind_spots:
        ids = _md_escape(_short_ids(b.ids))
        lines.append(f"- **{_spot_label(b.kind, r.rules)}**: {len(b.ids)} — {ids}")
    lines += ["", "## Suggested actions", ""]
    if not r.actions:
        lines.append("None.")
    lines += [f"- **{a.rule}** — {a.text}" for a in r.actions]
    if r.problems:
        lines += ["", "## Rows not read", ""]
        lines += [f"- {_md_escape(str(p))}" for p in r.problems]
    return "\n".join(lines) + "\n"


def plot_segments(
    report: EcosystemReport, path: str | Path | None = None, *, lang: str = "en"
) -> Any:
    """A horizontal bar chart of the segments; saved to ``path`` when given.

    Returns the ``matplotlib.figure.Figure`` (no pyplot state is touched). Needs the
    ``plot`` extra: ``pip install 'jarjestoyhteistyo[plot]'``.
    """
    try:
        figure = importlib.import_module("matplotlib.figure")
    except ImportError as exc:
        raise MissingDependencyError(
            "plot_segments() needs matplotlib: pip install 'jarjestoyhteistyo[plot]'"
        ) from exc
    fig = figure.Figure(figsize=(8, 4), layout="constrained")
    ax = fig.subplots()
    segs = list(reversed(report.segments))
    labels = [
        s.segment.labels.get(lang) + (" *" if s.segment is Segment.WEAKER else "") for s in segs
    ]
    bars = ax.barh(
        labels, [s.count for s in segs], color=["#b0b0b0"] + ["#3b6ea5"] * (len(segs) - 1)
    )
    ax.bar_label(bars, labels=[f"{s.count} ({_pct(s.share)})" for s in segs], padding=3)
    ax.margins(x=0.2)
    ax.set_xlabel("associations (* overlaps the other segments)")
    ax.set_title(f"Actor ecosystem (JP-4), {report.as_of.isoformat()}")
    if path is not None:
        fig.savefig(path)
    return fig
