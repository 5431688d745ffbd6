"""Spreadsheets in and out (issue #17 point 2): registrations and compositions read from
an Excel workbook (``.xlsx``), and workbooks written for people to read.

Registrations arrive from an electronic form as a spreadsheet and compositions are kept
in Excel. :func:`read_registrations` and :func:`read_composition` read them with the
column layout of :data:`COLUMNS` (one row per registration; a composition's
organisations and seats on two sheets), headers in English (the YAML keys), Finnish or
Swedish, any case. Each row becomes the plain data its YAML would give and passes the
one converter (:mod:`jarjestoyhteistyo.io.converter`), so the values' Finnish and
Swedish words (``pieni``, ``vapaaehtoinen``) and every bound apply; every row that
cannot be read is reported by its sheet and row (``Ilmoittautumiset!7: categories:
...``) in one :class:`~jarjestoyhteistyo.errors.LoadError` listing every problem, and
blank rows are skipped. :func:`~jarjestoyhteistyo.io.serialize.load` reads a ``.xlsx``
file through :func:`load_workbook_document`, so ``load_registrations("x.xlsx")`` and
the command line's inputs read workbooks as they read YAML.

:func:`write_registrations`, :func:`write_composition` and :func:`write_findings` write
workbooks with headers in the chosen language (``fi``, ``sv``, ``en``), a bold and
frozen header row and fitting column widths, whole or not at all (a temporary file,
then a rename); :func:`write_sheets` writes any :class:`Sheet` objects so
(:mod:`jarjestoyhteistyo.render.excel` writes proposals, comparisons and rotation plans
with it). :func:`template_registrations` gives an empty registrations sheet with
drop-down lists for the rule set's categories, the size classes, the roles and the
yes/no columns, and a second sheet saying what each column means.

openpyxl is the optional extra ``excel``, imported when a workbook is read or written:
without it these raise :class:`~jarjestoyhteistyo.errors.MissingDependencyError`
naming ``pip install 'jarjestoyhteistyo[excel]'``.

>>> import tempfile, pathlib
>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.registrations import Registration, Registrations
>>> doc = Registrations(name="Call 2025", registrations=(
...     Registration(organisation=Organisation(id="o1", categories=frozenset({"pensioners"})),
...                  member=Person(role=Role.VOLUNTEER)),))
>>> with tempfile.TemporaryDirectory() as d:
...     path = pathlib.Path(d) / "ilmoittautumiset.xlsx"
...     write_registrations(doc, path, lang="fi")
...     read_registrations(path) == doc
True
"""

from __future__ import annotations

import enum
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, TypeVar

import attrs

from jarjestoyhteistyo.errors import (
    LoadError,
    MissingDependencyError,
    Problem,
    RenderError,
)
from jarjestoyhteistyo.findings import Finding, Report, severity_word
from jarjestoyhteistyo.i18n import Joined, Text, pgettext
from jarjestoyhteistyo.io.converter import structure, unstructure
from jarjestoyhteistyo.io.files import write_atomically
from jarjestoyhteistyo.io.register import MAX_CELL_CHARS
from jarjestoyhteistyo.io.serialize import document, read_file
from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS, Limits
from jarjestoyhteistyo.model.categories import Labels
from jarjestoyhteistyo.model.composition import (
    Composition,
    Organisation,
    Person,
    Role,
    Seat,
    SeatKind,
    SizeClass,
    Stage,
)
from jarjestoyhteistyo.model.meanings import meaning
from jarjestoyhteistyo.model.registrations import Registration, Registrations
from jarjestoyhteistyo.model.rulesets import RuleSet, SeatSource
from jarjestoyhteistyo.model.vocabulary import fold, function_term, label

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = [
    "COLUMNS",
    "INSTALL",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "SHEETS",
    "CellValue",
    "Column",
    "Sheet",
    "Validation",
    "composition_sheets",
    "findings_sheet",
    "load_workbook_document",
    "read_composition",
    "read_registrations",
    "registrations_sheets",
    "sheet_title",
    "template_registrations",
    "workbook_bytes",
    "write_bytes",
    "write_composition",
    "write_findings",
    "write_registrations",
    "write_sheets",
]

T = TypeVar("T")

#: What to install for workbooks.
INSTALL: Final = "pip install 'jarjestoyhteistyo[excel]'"

#: The most data rows one sheet may hold: a national call of 100,000 registrations.
MAX_ROWS: Final = 100_000
#: The columns read of each row: the layout has 23 at most, the rest is room for notes
#: (a note in a column without a header makes its row a problem).
MAX_COLUMNS: Final = 200
#: The most bytes a workbook may unpack to (its XML parts together): a workbook is a
#: zip file, and ten times the default input limit leaves room for any real sheet while a
#: few kilobytes that unpack to gigabytes are refused before anything is parsed.
MAX_UNZIPPED_BYTES: Final = 10 * DEFAULT_LIMITS.max_bytes
#: The most parts (files) a workbook's zip may hold.
_MAX_PARTS: Final = 10_000
#: The widest column written, in characters (longer texts wrap in Excel's view).
_MAX_WIDTH: Final = 60
#: The rows of the template that carry its drop-down lists.
_TEMPLATE_ROWS: Final = 1_000
#: The longest list Excel takes written into a validation's formula.
_MAX_INLINE_LIST: Final = 255

#: A value of a cell as it is written or read.
CellValue: TypeAlias = str | int | float | bool | date | datetime | time | None
#: How a column's cells are read: a text, a list (items separated by ``;`` or ``,``),
#: yes/no, a number, a whole number, a value of an enum (its words in any language),
#: a date.
Kind: TypeAlias = Literal["text", "list", "bool", "number", "whole", "choice", "date"]


def _openpyxl(caller: str) -> None:
    """Refuse with the extra to install when openpyxl is missing."""
    try:
        import openpyxl  # noqa: F401  (only to see whether it is there)
    except ImportError as exc:
        raise MissingDependencyError(
            Text("{caller} needs openpyxl: {install}", caller=caller, install=INSTALL)
        ) from exc


# ------------------------------------------------------------ the layout, one table
@attrs.frozen(kw_only=True)
class Column:
    """One column of a sheet: the YAML ``key`` below a row (``organisation.size``),
    its ``header`` in each language, the other names a header may use (``aliases``,
    matched like the headers: any case, spaces, dots, hyphens and underscores alike),
    how its cells are read (``kind``; ``choice``: the values of ``enum``), and the
    class and field whose meaning explains it (:func:`~jarjestoyhteistyo.model.meanings.meaning`).

    An ``optional`` column (a person's pseudonym, name and contact: personal data,
    best left out) is written only when some row has a value, and not in the template.
    """

    key: str
    header: Labels
    kind: Kind = "text"
    aliases: tuple[str, ...] = ()
    home: type
    field: str
    enum: type[enum.Enum] | None = None
    optional: bool = False

    def names(self) -> tuple[str, ...]:
        """Every header this column is known by: its key, its headers, its aliases."""
        words = (self.header.fi, self.header.sv, self.header.en)
        return (self.key, *(w for w in words if w), *self.aliases)


def _h(en: str, fi: str, sv: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


def _org_columns(prefix: str) -> tuple[Column, ...]:
    """The organisation's columns, below ``prefix`` (``organisation.`` on a registration)."""
    own = not prefix
    o = Organisation
    return (
        Column(
            key=f"{prefix}id",
            header=_h("id", "tunnus", "beteckning")
            if own
            else _h("organisation id", "järjestön tunnus", "organisationens beteckning"),
            aliases=("organisation id", "järjestön tunnus", "organization id")
            if own
            else ("organisation", "organization", "järjestö", "id", "tunnus", "beteckning"),
            home=o,
            field="id",
        ),
        Column(
            key=f"{prefix}name",
            header=_h("name", "nimi", "namn")
            if own
            else _h("organisation name", "järjestön nimi", "organisationens namn"),
            aliases=("organisation name", "järjestön nimi")
            if own
            else ("name", "nimi", "namn", "organization name"),
            home=o,
            field="name",
        ),
        Column(
            key=f"{prefix}categories",
            header=_h("categories", "järjestötyypit", "kategorier")
            if own
            else _h("organisation categories", "järjestötyypit", "kategorier"),
            kind="list",
            aliases=("järjestön järjestötyypit", "organisationens kategorier", "luokat"),
            home=o,
            field="categories",
        ),
        Column(
            key=f"{prefix}size",
            header=_h("size", "koko", "storlek"),
            kind="choice",
            enum=SizeClass,
            aliases=("size class", "kokoluokka", "storleksklass"),
            home=o,
            field="size",
        ),
        Column(
            key=f"{prefix}languages",
            header=_h("languages", "kielet", "språk"),
            kind="list",
            aliases=("language", "kieli"),
            home=o,
            field="languages",
        ),
        Column(
            key=f"{prefix}volunteer_run",
            header=_h("volunteer run", "vapaaehtoisvoimin", "drivs av frivilliga"),
            kind="bool",
            aliases=("volunteer", "vapaaehtoisvetoinen", "frivilligdriven"),
            home=o,
            field="volunteer_run",
        ),
        Column(
            key=f"{prefix}municipalities",
            header=_h("municipalities", "kunnat", "kommuner"),
            kind="list",
            aliases=("municipality", "kunta", "kommun"),
            home=o,
            field="municipalities",
        ),
        Column(
            key=f"{prefix}umbrella",
            header=_h("umbrella organisation", "kattojärjestö", "takorganisation"),
            kind="bool",
            aliases=("umbrella",),
            home=o,
            field="umbrella",
        ),
        Column(
            key=f"{prefix}service_provider",
            header=_h("service provider", "palveluntuottaja", "serviceproducent"),
            kind="bool",
            aliases=("palvelujen tuottaja",),
            home=o,
            field="service_provider",
        ),
        Column(
            key=f"{prefix}networks",
            header=_h("networks", "verkostot", "nätverk"),
            kind="list",
            aliases=("theme networks", "teemaverkostot", "temanätverk"),
            home=o,
            field="networks",
        ),
        Column(
            key=f"{prefix}groups",
            header=_h("groups", "aliedustetut ryhmät", "underrepresenterade grupper"),
            kind="list",
            aliases=("ryhmät", "grupper", "under represented groups"),
            home=o,
            field="groups",
        ),
    )


def _person_columns(
    prefix: str, en: str, fi: str, sv: str, aliases: tuple[str, ...]
) -> tuple[Column, ...]:
    """A person's columns below ``prefix`` (``member.``); ``en``, ``fi``, ``sv``: whose;
    ``aliases``: the other names of the role column."""
    p = Person
    return (
        Column(
            key=f"{prefix}role",
            header=_h(f"{en} role", f"{fi} rooli", f"{sv} roll"),
            kind="choice",
            enum=Role,
            aliases=aliases,
            home=p,
            field="role",
        ),
        Column(
            key=f"{prefix}ref",
            header=_h(f"{en} ref", f"{fi} tunniste", f"{sv} referens"),
            aliases=(f"{en} pseudonym", f"{fi} pseudonyymi"),
            home=p,
            field="ref",
            optional=True,
        ),
        Column(
            key=f"{prefix}name",
            header=_h(f"{en} name", f"{fi} nimi", f"{sv} namn"),
            home=p,
            field="name",
            optional=True,
        ),
        Column(
            key=f"{prefix}contact",
            header=_h(f"{en} contact", f"{fi} yhteystiedot", f"{sv} kontaktuppgifter"),
            home=p,
            field="contact",
            optional=True,
        ),
    )


_R = Registration
_S = Seat

#: The columns of each sheet, by the sheet's name in :data:`SHEETS`: the one table of
#: the layout, read by the readers, the writers, the template and the docs.
COLUMNS: Final[Mapping[str, tuple[Column, ...]]] = {
    "registrations": (
        *_org_columns("organisation."),
        Column(
            key="categories",
            header=_h("categories applied for", "haetut järjestötyypit", "sökta kategorier"),
            kind="list",
            aliases=("haettu paikka", "seat wished", "toivottu paikka", "sökt plats"),
            home=_R,
            field="categories",
        ),
        Column(
            key="answers",
            header=_h("criteria met", "täytetyt kriteerit", "uppfyllda kriterier"),
            kind="list",
            aliases=("kriteerit", "vastaukset", "kriterier", "svar"),
            home=_R,
            field="answers",
        ),
        Column(
            key="hours_available",
            header=_h("hours available", "käytettävissä olevat tunnit", "tillgängliga timmar"),
            kind="number",
            aliases=("hours", "tunnit", "timmar", "tuntia vuodessa"),
            home=_R,
            field="hours_available",
        ),
        Column(
            key="link_description",
            header=_h(
                "link to the wellbeing area",
                "kytkös hyvinvointialueen työhön",
                "koppling till välfärdsområdets arbete",
            ),
            aliases=("link", "kytkös", "kuvaus", "koppling"),
            home=_R,
            field="link_description",
        ),
        *_person_columns(
            "member.", "member", "jäsenen", "ledamotens", ("member", "jäsen", "ledamot")
        ),
        *_person_columns(
            "deputy.", "deputy", "varajäsenen", "ersättarens", ("deputy", "varajäsen", "ersättare")
        ),
    ),
    "organisations": _org_columns(""),
    "seats": (
        Column(
            key="id",
            header=_h("seat", "paikka", "plats"),
            aliases=("seat id", "paikan tunnus", "platsens beteckning", "tunnus"),
            home=_S,
            field="id",
        ),
        Column(
            key="kind",
            header=_h("kind", "laji", "typ"),
            kind="choice",
            enum=SeatKind,
            aliases=("seat kind", "paikan laji", "platstyp", "tyyppi"),
            home=_S,
            field="kind",
        ),
        Column(
            key="group",
            header=_h("group", "paikkaryhmä", "platsgrupp"),
            aliases=("seat group", "ryhmä", "grupp"),
            home=_S,
            field="group",
        ),
        Column(
            key="organisation",
            header=_h("organisation", "järjestö", "organisation"),
            aliases=("organisation id", "organization", "järjestön tunnus"),
            home=_S,
            field="organisation",
        ),
        Column(
            key="person.role",
            header=_h("role", "rooli", "roll"),
            kind="choice",
            enum=Role,
            aliases=("person", "henkilö", "person role"),
            home=Person,
            field="role",
        ),
        Column(
            key="person.ref",
            header=_h("person ref", "henkilön tunniste", "personens referens"),
            aliases=("pseudonym", "pseudonyymi"),
            home=Person,
            field="ref",
            optional=True,
        ),
        Column(
            key="person.name",
            header=_h("person name", "henkilön nimi", "personens namn"),
            home=Person,
            field="name",
            optional=True,
        ),
        Column(
            key="person.contact",
            header=_h("person contact", "henkilön yhteystiedot", "personens kontaktuppgifter"),
            home=Person,
            field="contact",
            optional=True,
        ),
        Column(
            key="deputy_of",
            header=_h("deputy of", "varajäsen paikalle", "ersättare för"),
            aliases=("varajäsen paikkaan",),
            home=_S,
            field="deputy_of",
        ),
        Column(
            key="functions",
            header=_h("functions", "tehtävät", "uppdrag"),
            kind="list",
            aliases=("function", "tehtävä"),
            home=_S,
            field="functions",
        ),
        Column(
            key="nominated_by",
            header=_h("nominated by", "nimeäjä", "nominerad av"),
            aliases=("nimennyt",),
            home=_S,
            field="nominated_by",
        ),
        Column(
            key="municipality",
            header=_h("municipality", "kunta", "kommun"),
            home=_S,
            field="municipality",
        ),
        Column(
            key="order",
            header=_h("order", "järjestys", "ordning"),
            kind="whole",
            aliases=("sijaantulojärjestys", "inträdesordning"),
            home=_S,
            field="order",
        ),
        Column(
            key="pending",
            header=_h("pending", "haettavana", "under tillsättning"),
            kind="bool",
            aliases=("pyydetty",),
            home=_S,
            field="pending",
        ),
    ),
    # the document's own keys, one row each (key, value), on the sheet "document"
    "document": (
        Column(key="name", header=_h("name", "nimi", "namn"), home=Composition, field="name"),
        Column(
            key="as_of",
            header=_h("as of", "päivämäärä", "datum"),
            kind="date",
            aliases=("date", "pvm", "tilanne"),
            home=Composition,
            field="as_of",
        ),
        Column(
            key="stage",
            header=_h("stage", "vaihe", "skede"),
            kind="choice",
            enum=Stage,
            home=Composition,
            field="stage",
        ),
    ),
}

#: The sheets' names in each language, and the other names a reader takes.
SHEETS: Final[Mapping[str, tuple[Labels, tuple[str, ...]]]] = {
    "registrations": (
        _h("Registrations", "Ilmoittautumiset", "Anmälningar"),
        ("rekisteröinnit", "registreringar", "hakemukset", "ansökningar"),
    ),
    "organisations": (
        _h("Organisations", "Järjestöt", "Organisationer"),
        ("organizations", "yhdistykset", "föreningar"),
    ),
    "seats": (_h("Seats", "Paikat", "Platser"), ("jäsenpaikat", "kokoonpano", "sammansättning")),
    "document": (_h("Document", "Asiakirja", "Dokument"), ("tiedot", "uppgifter")),
    "columns": (_h("Columns", "Sarakkeet", "Kolumner"), ("ohjeet", "instructions", "anvisningar")),
    "lists": (_h("Lists", "Luettelot", "Listor"), ()),
}

#: The header of the document sheet: a key, its value.
_DOC_HEADER: Final = {
    "key": _h("key", "tieto", "uppgift"),
    "value": _h("value", "arvo", "värde"),
}


def _norm(text: str) -> str:
    """A header as headers are compared: any case; spaces, dots, hyphens, underscores
    alike (:func:`~jarjestoyhteistyo.model.vocabulary.fold`)."""
    text = unicodedata.normalize("NFC", text.replace(".", " ").replace("\ufeff", ""))
    return fold(text.strip())


def _by_name(columns: Iterable[Column]) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in columns:
        for name in column.names():
            table.setdefault(_norm(name), column)  # one column a name: the table's own test
    return table


_BY_NAME: Final = {sheet: _by_name(columns) for sheet, columns in COLUMNS.items()}
_SHEET_BY_NAME: Final = {
    _norm(name): sheet
    for sheet, (words, more) in SHEETS.items()
    for name in (sheet, words.fi or "", words.sv or "", words.en or "", *more)
    if name
}


def sheet_title(sheet: str, lang: str) -> str:
    """A sheet's name in ``lang`` (:data:`SHEETS`)."""
    return SHEETS[sheet][0].get(lang)


# ------------------------------------------------------------------- reading
_YES: Final = frozenset({"kyllä", "kylla", "k", "yes", "y", "true", "tosi", "x", "ja", "j"})
_NO: Final = frozenset({"ei", "e", "no", "n", "false", "epätosi", "nej"})
_EMPTY_LIST: Final = frozenset({"-", "—", "–"})
_LIST_SEP: Final = re.compile(r"[;,]")
_DECIMAL: Final = re.compile(r"[-+]?[0-9]+([.,][0-9]+)?")
_WHOLE: Final = re.compile(r"[0-9]+")
_FI_DATE: Final = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


class _Skip:
    """A cell that says nothing: its key is left out (the default applies)."""


_SKIP: Final = _Skip()


def _plain(value: Any, column: Column) -> Any:
    """A cell's value as its YAML would give it, for the converter to judge.

    Excel's own types are taken as they are; a text is read for the column's kind
    (a list split at ``;`` or ``,``, ``-`` an empty list; yes/no in three languages; a
    number with a decimal comma; a whole number written as text; a Finnish date). What
    does not fit is passed on as it is, so the converter reports it as for YAML.
    """
    if value is None:
        return _SKIP
    kind = column.kind
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return _SKIP
        if kind == "list":
            return (
                []
                if text in _EMPTY_LIST
                else [p.strip() for p in _LIST_SEP.split(text) if p.strip()]
            )
        if kind == "bool":
            word = text.casefold()
            return True if word in _YES else False if word in _NO else text
        if kind == "number" and _DECIMAL.fullmatch(text):
            return float(text.replace(",", "."))
        if kind == "whole" and _WHOLE.fullmatch(text) and len(text) <= 18:
            return int(text)
        if kind == "date" and (m := _FI_DATE.fullmatch(text)):
            return f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
        return text
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        if kind == "date" and value.time() == time(0):
            return value.date()
        return value
    if isinstance(value, int | float):
        whole = isinstance(value, int) or value.is_integer()
        if kind in ("text", "list") and whole and abs(value) < 10**15:  # an id Excel made a number
            text = str(int(value))
            return [text] if kind == "list" else text
        if kind == "bool" and value in (0, 1):
            return bool(value)
        if kind == "whole" and whole and abs(value) < 10**15:
            return int(value)
    return value


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """``value`` at the dotted ``key`` of ``data`` (``member.role``)."""
    *parents, last = key.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _letter(index: int) -> str:
    """The column letter of a 0-based index (0 is A, 26 is AA)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


@attrs.frozen(kw_only=True)
class _Row:
    """A data row: its number on the sheet and its plain data."""

    number: int
    data: dict[str, Any]


@attrs.frozen(kw_only=True)
class _Read:
    """What a sheet gave: its rows and the problems of the header and the cells."""

    title: str
    rows: tuple[_Row, ...]
    problems: tuple[Problem, ...]
    columns: Mapping[str, int]


def _cell_problem(
    title: str, row: int, column: int, code: str, text: Text, **params: Any
) -> Problem:
    return Problem.of(
        f"{title}!{_letter(column)}{row}",
        code,
        text,
        params={"sheet": title, "row": row, "column": _letter(column), **params},
    )


def _header(
    title: str, number: int, cells: Sequence[Any], sheet: str
) -> tuple[dict[int, Column], list[Problem]]:
    """The columns the header row names (by index), and the problems of its cells."""
    table = _BY_NAME[sheet]
    found: dict[int, Column] = {}
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for i, cell in enumerate(cells):
        name = "" if cell is None else str(cell).strip()
        if not name:
            continue
        column = table.get(_norm(name))
        if column is None:
            import difflib  # only for the message

            near = difflib.get_close_matches(_norm(name), list(table), n=1)
            tip = Text("; did you mean {near!r}?", near=table[near[0]].key) if near else ""
            problems.append(
                _cell_problem(
                    title,
                    number,
                    i,
                    "unknown-column",
                    Text("unknown column {column!r}{tip}", column=name[:80], tip=tip),
                    suggestion=table[near[0]].key if near else None,
                )
            )
            continue
        if column.key in first:
            problems.append(
                _cell_problem(
                    title,
                    number,
                    i,
                    "repeated-column",
                    Text(
                        "column {column!r} repeats {field!r} (column {first})",
                        column=name[:80],
                        field=column.key,
                        first=_letter(first[column.key]),
                    ),
                )
            )
            continue
        first[column.key] = i
        found[i] = column
    return found, problems


def _blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _read_sheet(ws: Any, title: str, sheet: str, max_rows: int) -> _Read:
    """The rows of a sheet laid out as :data:`COLUMNS` ``[sheet]`` says, in plain data.

    The first row that is not blank is the header; a blank row is skipped; a cell longer
    than :data:`~jarjestoyhteistyo.io.register.MAX_CELL_CHARS` characters, or a value in
    a column without a header, is a problem of its row. More than ``max_rows`` data rows
    is a ``LoadError`` (``too-many-rows``).
    """
    rows: list[_Row] = []
    problems: list[Problem] = []
    columns: dict[int, Column] | None = None
    for number, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
        if _blank(cells):
            continue
        if columns is None:
            columns, header_problems = _header(title, number, cells, sheet)
            if header_problems:
                raise LoadError(header_problems)
            continue
        if len(rows) >= max_rows:
            raise LoadError(
                [
                    Problem.of(
                        f"{title}!{number}",
                        "too-many-rows",
                        Text(
                            "the sheet {sheet} has more than {most} rows, the limit",
                            sheet=title,
                            most=max_rows,
                        ),
                        params={"sheet": title, "row": number, "max_rows": max_rows},
                    )
                ]
            )
        data: dict[str, Any] = {}
        for i, value in enumerate(cells):
            column = columns.get(i)
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                problems.append(
                    _cell_problem(
                        title,
                        number,
                        i,
                        "cell-too-long",
                        Text("a cell longer than {most} characters", most=MAX_CELL_CHARS),
                        max_chars=MAX_CELL_CHARS,
                    )
                )
                continue
            if column is None:
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    problems.append(
                        _cell_problem(
                            title,
                            number,
                            i,
                            "no-column",
                            Text(
                                "a value in a column without a header: {value!r}",
                                value=str(value)[:40],
                            ),
                        )
                    )
                continue
            plain = _plain(value, column)
            if plain is not _SKIP:
                _put(data, column.key, plain)
        rows.append(_Row(number=number, data=data))
    if columns is None:
        raise LoadError(
            [Problem.of(f"{title}!1", "no-header", Text("no header row"), params={"sheet": title})]
        )
    return _Read(
        title=title,
        rows=tuple(rows),
        problems=tuple(problems),
        columns={c.key: i for i, c in columns.items()},
    )


def _row_problem(read: _Read, row: int, problem: Problem) -> Problem:
    """A converter's problem of one row, at its sheet and row: ``Seats!7: kind``."""
    key = problem.path
    where = f"{read.title}!{row}" if key == "$" else f"{read.title}!{row}: {key}"
    column = next(
        (i for k, i in read.columns.items() if key == k or key.startswith((k + ".", k + "["))),
        None,
    )
    params = {**problem.params, "sheet": read.title, "row": row, "key": key}
    if column is not None:
        params["column"] = _letter(column)
    return attrs.evolve(problem, path=where, params=params)


def _row_problems(read: _Read, cls: type[Any]) -> list[Problem]:
    """The problems of the sheet's rows, in their order: each row is built as ``cls`` by
    the converter on its own, so every bad row is reported with all of its problems."""
    problems = list(read.problems)
    for row in read.rows:
        try:
            structure(row.data, cls)
        except LoadError as exc:
            problems.extend(_row_problem(read, row.number, p) for p in exc.problems)
    return sorted(problems, key=lambda p: int(p.params.get("row", 0)))  # stable: by row


def _read_document_sheet(
    ws: Any, title: str, keys: tuple[str, ...]
) -> tuple[dict[str, Any], list[Problem]]:
    """The document's own keys from its sheet: one row each, the key then the value."""
    table = {n: c for n, c in _BY_NAME["document"].items() if c.key in keys}
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    header_seen = False
    for number, cells in enumerate(ws.iter_rows(max_col=2, values_only=True), 1):
        if number > 1_000:
            break
        if _blank(cells):
            continue
        key_cell = "" if cells[0] is None else str(cells[0]).strip()
        if not header_seen:
            header_seen = True
            words = _DOC_HEADER["key"]
            if _norm(key_cell) in {_norm(w) for w in (words.fi, words.sv, words.en) if w}:
                continue
        column = table.get(_norm(key_cell))
        if column is None:
            problems.append(
                Problem.of(
                    f"{title}!A{number}",
                    "unknown-key",
                    Text("unknown key {key!r}{tip}", key=key_cell[:80], tip=""),
                    params={"sheet": title, "row": number, "key": key_cell[:80]},
                )
            )
            continue
        value = cells[1] if len(cells) > 1 else None
        plain = _plain(value, column)
        if plain is not _SKIP:
            data[column.key] = plain
    return data, problems


def _raw(source: str | os.PathLike[str] | bytes, max_bytes: int) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        if len(source) > max_bytes:
            raise LoadError(
                [
                    Problem.of(
                        "$",
                        "too-large",
                        Text("the file is more than {most} bytes, the limit", most=max_bytes),
                        params={"max_bytes": max_bytes},
                    )
                ]
            )
        return source, None
    return read_file(Path(source), max_bytes=max_bytes), str(source)


def _refuse(code: str, text: Text, source: str | None, **params: Any) -> LoadError:
    return LoadError([Problem.of("$", code, text, params=params)], source=source)


def _open(raw: bytes, source: str | None, caller: str) -> Workbook:
    """The workbook in ``raw``, read-only, refused unless it is a ``.xlsx`` zip whose
    parts unpack to at most :data:`MAX_UNZIPPED_BYTES`."""
    _openpyxl(caller)
    from openpyxl import load_workbook

    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            "not-xlsx",
            Text("an Excel 97–2003 workbook (.xls) is not read: save it as .xlsx"),
            source,
        )
    if not raw.startswith(b"PK"):
        raise _refuse(
            "not-xlsx",
            Text("not an Excel workbook (.xlsx): {reason}", reason=Text("not a zip file")),
            source,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refuse(
            "not-xlsx", Text("not an Excel workbook (.xlsx): {reason}", reason=str(exc)), source
        ) from None
    unpacked = sum(p.file_size for p in parts)
    if len(parts) > _MAX_PARTS or unpacked > MAX_UNZIPPED_BYTES:
        raise _refuse(
            "too-large",
            Text(
                "the workbook unpacks to more than {most} bytes, the limit", most=MAX_UNZIPPED_BYTES
            ),
            source,
            max_unzipped_bytes=MAX_UNZIPPED_BYTES,
        )
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl's own errors: a zip that is no workbook
        raise _refuse(
            "not-xlsx",
            Text("not an Excel workbook (.xlsx): {reason}", reason=str(exc)[:200]),
            source,
        ) from None


def _find(wb: Workbook, sheet: str) -> str | None:
    """The title of the workbook's sheet that is ``sheet`` (by any of its names)."""
    return next((t for t in wb.sheetnames if _SHEET_BY_NAME.get(_norm(t)) == sheet), None)


def _missing_sheet(sheet: str, source: str | None) -> LoadError:
    words, _ = SHEETS[sheet]
    names = Joined([w for w in dict.fromkeys((words.en, words.fi, words.sv)) if w])
    return _refuse("no-sheet", Text("no sheet named {names}", names=names), source, sheet=sheet)


def _finish(problems: list[Problem], source: str | None) -> None:
    if problems:
        raise LoadError(problems, source=source)


def _sourced(exc: LoadError, source: str | None) -> LoadError:
    return LoadError(exc.problems, source=source or exc.source)


def read_registrations(
    source: str | os.PathLike[str] | bytes,
    *,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    max_rows: int = MAX_ROWS,
) -> Registrations:
    """Registrations from a workbook (a path or its bytes), one row per registration.

    The sheet is the one named *Registrations* (*Ilmoittautumiset*, *Anmälningar*, ...:
    :data:`SHEETS`), else the first; its columns are :data:`COLUMNS` ``["registrations"]``,
    headers in any of the three languages and any order, columns that are not needed
    left out. A *Document* sheet may give the call's ``name``. Every row that cannot be
    read is a problem at its sheet and row, all of them in one ``LoadError``.

    >>> read_registrations(b"id;name\\n")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: 1 problem
      $: not an Excel workbook (.xlsx): not a zip file
    """
    raw, name = _raw(source, max_bytes)
    wb = _open(raw, name, "read_registrations()")
    try:
        title = _find(wb, "registrations") or next(
            (t for t in wb.sheetnames if _SHEET_BY_NAME.get(_norm(t)) is None), None
        )
        if title is None:
            raise _missing_sheet("registrations", name)
        try:
            read = _read_sheet(wb[title], title, "registrations", max_rows)
        except LoadError as exc:
            raise _sourced(exc, name) from None
        problems = _row_problems(read, Registration)
        doc_data: dict[str, Any] = {}
        doc_title = _find(wb, "document")
        if doc_title is not None:
            doc_data, doc_problems = _read_document_sheet(wb[doc_title], doc_title, ("name",))
            problems.extend(doc_problems)
    finally:
        wb.close()
    _finish(problems, name)
    return _document(Registrations, doc_data, doc_title, {"registrations": read}, name)


_INDEXED: Final = re.compile(r"([a-z_]+)\[([0-9]+)\](?:\.(.*))?")


def _document(
    cls: type[T],
    data: dict[str, Any],
    title: str | None,
    parts: Mapping[str, _Read],
    source: str | None,
) -> T:
    """The whole document through the converter, as its YAML would be: its own keys
    (from the document sheet) and the rows of its sheets, each row's problems at its
    sheet and row."""
    whole = {**data, **{k: [row.data for row in read.rows] for k, read in parts.items()}}
    try:
        return structure(whole, cls)
    except LoadError as exc:
        problems = []
        for p in exc.problems:
            m = _INDEXED.fullmatch(p.path)
            if m is not None and m[1] in parts and int(m[2]) < len(parts[m[1]].rows):
                read = parts[m[1]]
                inner = attrs.evolve(p, path=m[3] or "$")
                problems.append(_row_problem(read, read.rows[int(m[2])].number, inner))
            else:
                where = title or sheet_title("document", "en")
                problems.append(attrs.evolve(p, path=f"{where}: {p.path}"))
        raise LoadError(problems, source=source) from None


def read_composition(
    source: str | os.PathLike[str] | bytes,
    *,
    max_bytes: int = DEFAULT_LIMITS.max_bytes,
    max_rows: int = MAX_ROWS,
) -> Composition:
    """A composition from a workbook: its *Seats* sheet (*Paikat*, *Platser*), its
    *Organisations* sheet (*Järjestöt*, *Organisationer*) when it has organisations,
    and a *Document* sheet (*Asiakirja*, *Dokument*) for its ``name``, ``as_of`` and
    ``stage``; columns as :data:`COLUMNS` says. Problems as :func:`read_registrations`.
    """
    raw, name = _raw(source, max_bytes)
    wb = _open(raw, name, "read_composition()")
    try:
        seats_title = _find(wb, "seats")
        if seats_title is None:
            raise _missing_sheet("seats", name)
        problems: list[Problem] = []
        parts: dict[str, _Read] = {}
        for sheet, title, cls in (
            ("organisations", _find(wb, "organisations"), Organisation),
            ("seats", seats_title, Seat),
        ):
            if title is None:
                continue
            try:
                read = _read_sheet(wb[title], title, sheet, max_rows)
            except LoadError as exc:
                problems.extend(exc.problems)
                continue
            parts[sheet] = read
            problems.extend(_row_problems(read, cls))
        doc_data: dict[str, Any] = {}
        doc_title = _find(wb, "document")
        if doc_title is not None:
            doc_data, doc_problems = _read_document_sheet(
                wb[doc_title], doc_title, ("name", "as_of", "stage")
            )
            problems.extend(doc_problems)
    finally:
        wb.close()
    _finish(problems, name)
    return _document(Composition, doc_data, doc_title, parts, name)


def load_workbook_document(
    path: str | os.PathLike[str], what: str | type[Any], *, limits: Limits = DEFAULT_LIMITS
) -> Any:
    """The document ``what`` (``registrations`` or ``composition``, by name or class)
    from a workbook file: what :func:`~jarjestoyhteistyo.io.serialize.load` calls for a
    ``.xlsx`` file (its ``READERS``), held to ``limits.max_bytes``. Any other document
    is a ``LoadError`` (code ``not-in-a-workbook``).

    >>> load_workbook_document("rules.xlsx", "ruleset")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: rules.xlsx: 1 problem
      $: a workbook (.xlsx) holds registrations or a composition, not ruleset
    """
    doc = document(what).name if isinstance(what, str) else _document_of(what)
    if doc == "registrations":
        return read_registrations(path, max_bytes=limits.max_bytes)
    if doc == "composition":
        return read_composition(path, max_bytes=limits.max_bytes)
    raise _refuse(
        "not-in-a-workbook",
        Text(
            "a workbook (.xlsx) holds registrations or a composition, not {document}", document=doc
        ),
        str(path),
        document=doc,
    )


def _document_of(what: Any) -> str:
    if what is Registrations:
        return "registrations"
    if what is Composition:
        return "composition"
    return str(getattr(what, "__name__", what))


# ------------------------------------------------------------------- writing
@attrs.frozen(kw_only=True)
class Validation:
    """A drop-down list on one column of a sheet (from its second row): ``options``
    offered, ``strict`` (anything else is refused) or not (a warning: a list cell may
    hold several, separated by ``;``), ``prompt`` shown when the cell is chosen."""

    column: int
    options: tuple[str, ...] = ()
    strict: bool = True
    prompt: str = ""
    #: ``"list"``: the options; ``"decimal"``: a number of zero or more.
    kind: Literal["list", "decimal"] = "list"


@attrs.frozen(kw_only=True)
class Sheet:
    """One sheet to write: its ``title``, the ``header`` row and the ``rows`` below it,
    drop-down lists (``validations``), and whether it is ``hidden``."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...] = ()
    validations: tuple[Validation, ...] = ()
    hidden: bool = False
    rows_validated: int = _TEMPLATE_ROWS


#: Characters an ``.xlsx`` cannot hold (XML 1.0's control characters): written as U+FFFD.
_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: What a sheet's title may not hold.
_BAD_TITLE: Final = re.compile(r"[\[\]:*?/\\]")


def _text_width(value: CellValue) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _build(sheets: Sequence[Sheet]) -> Workbook:
    _openpyxl("writing a workbook")
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    bold = Font(bold=True)
    lists: list[tuple[str, ...]] = []
    for sheet in sheets:
        ws = wb.create_sheet(_BAD_TITLE.sub("_", sheet.title)[:31] or "Sheet")
        widths = [len(h) for h in sheet.header]
        for c, heading in enumerate(sheet.header, 1):
            cell = ws.cell(row=1, column=c)
            _set(cell, heading)
            cell.font = bold
        for r, row in enumerate(sheet.rows, 2):
            for c, value in enumerate(row, 1):
                _set(ws.cell(row=r, column=c), value)
                if c <= len(widths):
                    widths[c - 1] = max(widths[c - 1], _text_width(value))
                else:
                    widths.append(_text_width(value))
        for c, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = min(_MAX_WIDTH, max(8, width + 2))
        ws.freeze_panes = "A2"
        if sheet.rows and sheet.header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{len(sheet.rows) + 1}"
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for v in sheet.validations:
            _validate(ws, sheet, v, lists)
    if lists:
        _list_sheet(wb, lists, sheets)
    return wb


def _set(cell: Any, value: CellValue) -> None:
    """``value`` into ``cell``: a text always as text (``=1+1`` stays a text, never a
    formula), characters a workbook cannot hold as U+FFFD, a date as a date."""
    if isinstance(value, str):
        cell.value = _ILLEGAL.sub("\ufffd", value)
        cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, date) and not isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd"


#: The (hidden) sheet that holds drop-down lists too long to write in a formula.
_LISTS_TITLE: Final = "_lists"


def _validate(ws: Any, sheet: Sheet, v: Validation, lists: list[tuple[str, ...]]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(v.column + 1)
    if v.kind == "decimal":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    else:
        inline = ",".join(v.options)
        if len(inline) + 2 <= _MAX_INLINE_LIST and not any("," in o or '"' in o for o in v.options):
            formula = f'"{inline}"'
        else:
            lists.append(v.options)
            col = get_column_letter(len(lists))
            formula = f"'{_LISTS_TITLE}'!${col}$1:${col}${len(v.options)}"
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.errorStyle = "stop" if v.strict else "warning"
    dv.showErrorMessage = True
    if v.prompt:
        dv.prompt = v.prompt[:255]
        dv.showInputMessage = True
    dv.add(f"{letter}2:{letter}{sheet.rows_validated + 1}")
    ws.add_data_validation(dv)


def _list_sheet(wb: Any, lists: list[tuple[str, ...]], sheets: Sequence[Sheet]) -> None:
    ws = wb.create_sheet(_LISTS_TITLE)
    for c, options in enumerate(lists, 1):
        for r, option in enumerate(options, 1):
            _set(ws.cell(row=r, column=c), option)
    ws.sheet_state = "hidden"


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The ``.xlsx`` file of ``sheets``: bold, frozen header rows, fitting widths.

    >>> data = workbook_bytes([Sheet(title="T", header=("a",), rows=(("=1+1",),))])
    >>> data[:2]
    b'PK'
    """
    if not sheets:
        raise RenderError(Text("nothing to write: a workbook needs a sheet"))
    wb = _build(sheets)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, refusing a link or a path that is
    not a regular file (:func:`~jarjestoyhteistyo.io.files.write_atomically`)."""
    write_atomically(path, data)


def write_sheets(sheets: Sequence[Sheet], path: str | os.PathLike[str]) -> None:
    """Write ``sheets`` as a workbook to ``path`` (ending in ``.xlsx``), whole or not at
    all (:func:`workbook_bytes`, then :func:`write_bytes`)."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise RenderError(Text("a workbook is written to a .xlsx file, not {path}", path=str(path)))
    write_bytes(target, workbook_bytes(sheets))


def _lang(lang: str) -> str:
    return lang if lang in ("fi", "sv") else "en"


def _value(value: Any, column: Column, lang: str) -> CellValue:
    """A model's plain value as its column writes it: enums in the words of ``lang``,
    functions in words, lists joined with ``;`` (an empty list that is not the default
    as ``-``)."""
    if value is None:
        return None
    if column.kind == "choice" and column.enum is not None:
        return label(column.enum(value), lang)
    if column.kind == "list":
        items = sorted(str(v) for v in value)
        if column.key.endswith("functions"):
            items = [function_term(i).text_in(lang) for i in items]
        for item in items:
            if _LIST_SEP.search(item):
                raise RenderError(
                    Text(
                        "{value!r} holds ; or , which separate the items of a list cell",
                        value=item[:40],
                    )
                )
        return "; ".join(items) if items else "-"
    if isinstance(value, str | int | float | bool | date):
        return value
    return str(value)  # pragma: no cover - every column's value is one of the above


def _get(data: Mapping[str, Any], key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def _table(sheet: str, items: Sequence[Any], lang: str) -> Sheet:
    """The sheet ``sheet`` of :data:`COLUMNS` with one row per item (a model object)."""
    data = [unstructure(item, full=True) for item in items]
    columns = [
        c for c in COLUMNS[sheet] if not c.optional or any(_get(d, c.key) is not None for d in data)
    ]
    rows = tuple(tuple(_cell(d, c, lang) for c in columns) for d in data)
    return Sheet(
        title=sheet_title(sheet, lang),
        header=tuple(c.header.get(lang) for c in columns),
        rows=rows,
    )


def _cell(data: Mapping[str, Any], column: Column, lang: str) -> CellValue:
    value = _get(data, column.key)
    if (
        column.kind == "list"
        and value is not None
        and not value
        and column.key.endswith("languages")
    ):
        return "-"  # not the default (Finnish): written, so it reads back
    if column.kind == "list" and not value:
        return None
    return _value(value, column, lang)


def _document_sheet(values: Sequence[tuple[str, CellValue]], lang: str) -> Sheet:
    words = {c.key: c for c in COLUMNS["document"]}
    return Sheet(
        title=sheet_title("document", lang),
        header=(_DOC_HEADER["key"].get(lang), _DOC_HEADER["value"].get(lang)),
        rows=tuple((words[k].header.get(lang), v) for k, v in values),
    )


def registrations_sheets(doc: Registrations, lang: str = "en") -> tuple[Sheet, ...]:
    """The sheets of a registrations workbook: the registrations, and the call's name."""
    lang = _lang(lang)
    return (
        _table("registrations", doc.registrations, lang),
        _document_sheet((("name", doc.name or None),), lang),
    )


def composition_sheets(comp: Composition, lang: str = "en") -> tuple[Sheet, ...]:
    """The sheets of a composition workbook: organisations, seats, and the document's
    name, date and stage."""
    lang = _lang(lang)
    stage = _value(comp.stage.value, COLUMNS["document"][2], lang) if comp.stage else None
    return (
        _table("organisations", comp.organisations, lang),
        _table("seats", comp.seats, lang),
        _document_sheet(
            (("name", comp.name or None), ("as_of", comp.as_of), ("stage", stage)), lang
        ),
    )


def write_registrations(
    doc: Registrations, path: str | os.PathLike[str], *, lang: str = "en"
) -> None:
    """Write registrations as a workbook that :func:`read_registrations` reads back to
    an equal document, headers and values' words in ``lang``."""
    write_sheets(registrations_sheets(doc, lang), path)


def write_composition(comp: Composition, path: str | os.PathLike[str], *, lang: str = "en") -> None:
    """Write a composition as a workbook (organisations and seats) that
    :func:`read_composition` reads back to an equal composition."""
    write_sheets(composition_sheets(comp, lang), path)


def findings_sheet(
    report: Report,
    lang: str = "en",
    *,
    where: Callable[[Finding], tuple[int, int] | None] | None = None,
) -> Sheet:
    """The findings of ``report`` as a sheet: severity (in words), code, rule, path,
    line (``where`` gives a finding's line and column in its file, as the command line's
    places do) and the message in ``lang``."""
    lang = _lang(lang)
    words: Literal["fi", "sv", "en"] = "fi" if lang == "fi" else "sv" if lang == "sv" else "en"
    header = (
        pgettext(lang, "spreadsheet column", "severity"),
        pgettext(lang, "spreadsheet column", "code"),
        pgettext(lang, "spreadsheet column", "rule"),
        pgettext(lang, "spreadsheet column", "path"),
        pgettext(lang, "spreadsheet column", "line"),
        pgettext(lang, "spreadsheet column", "message"),
    )
    rows = []
    for f in report.findings:
        place = where(f) if where is not None else None
        rows.append(
            (
                severity_word(f.severity, lang),
                f.code,
                f.rule,
                f.path,
                place[0] if place else None,
                f.message(words),
            )
        )
    return Sheet(title=pgettext(lang, "spreadsheet", "Findings"), header=header, rows=tuple(rows))


def write_findings(
    report: Report,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    where: Callable[[Finding], tuple[int, int] | None] | None = None,
) -> None:
    """Write the findings of a report as a workbook (:func:`findings_sheet`), to send
    on by e-mail."""
    write_sheets((findings_sheet(report, lang, where=where),), path)


# ------------------------------------------------------------------ the template
def _yes_no(lang: str) -> tuple[str, str]:
    return pgettext(lang, "answer", "yes"), pgettext(lang, "answer", "no")


def _codes(rules: RuleSet) -> tuple[str, ...]:
    """The codes a registration may apply for: the rule set's categories, else its
    theme networks."""
    general = rules.as_general()
    codes = [c.code for c in general.categories]
    if not codes:
        codes = [g.network or g.id for g in general.seat_groups if g.source is SeatSource.NETWORK]
    return tuple(dict.fromkeys(codes))


def template_registrations(rules: RuleSet, lang: str = "en") -> bytes:
    """An empty registrations workbook for ``rules``: the header in ``lang`` and
    drop-down lists — the rule set's category codes (or theme networks), its criteria,
    the size classes, the roles, yes/no — and a second sheet saying what each column
    means. :func:`read_registrations` reads it once filled in.

    >>> import jarjestoyhteistyo as jy
    >>> template_registrations(jy.load_preset("vantaa-kerava-formal"), "fi")[:2]
    b'PK'
    """
    lang = _lang(lang)
    columns = [c for c in COLUMNS["registrations"] if not c.optional]
    codes = _codes(rules)
    criteria = tuple(c.id for c in rules.as_general().selection.criteria)
    several = Text("Choose a code, or write several separated by ;").text_in(lang)
    validations: list[Validation] = []
    for i, c in enumerate(columns):
        if c.key.endswith("categories") and codes:
            validations.append(Validation(column=i, options=codes, strict=False, prompt=several))
        elif c.key == "answers" and criteria:
            validations.append(Validation(column=i, options=criteria, strict=False, prompt=several))
        elif c.kind == "choice" and c.enum is not None:
            words = tuple(label(m, lang) for m in c.enum)
            validations.append(Validation(column=i, options=words))
        elif c.kind == "bool":
            validations.append(Validation(column=i, options=_yes_no(lang)))
        elif c.kind == "number":
            validations.append(
                Validation(
                    column=i,
                    kind="decimal",
                    prompt=Text("a number of zero or more").text_in(lang),
                )
            )
    options = {v.column: v.options for v in validations}
    explained = tuple(
        (
            c.header.get(lang),
            c.key,
            meaning(c.home, c.field, _meaning_lang(lang)),
            ", ".join(options.get(i, ())) or _kind_words(c, lang),
        )
        for i, c in enumerate(columns)
    )
    sheets = (
        Sheet(
            title=sheet_title("registrations", lang),
            header=tuple(c.header.get(lang) for c in columns),
            validations=tuple(validations),
        ),
        Sheet(
            title=sheet_title("columns", lang),
            header=(
                pgettext(lang, "spreadsheet column", "column"),
                pgettext(lang, "spreadsheet column", "YAML key"),
                pgettext(lang, "spreadsheet column", "meaning"),
                pgettext(lang, "spreadsheet column", "values"),
            ),
            rows=explained,
        ),
    )
    return workbook_bytes(sheets)


def _meaning_lang(lang: str) -> Literal["fi", "sv", "en"]:
    return "fi" if lang == "fi" else "sv" if lang == "sv" else "en"


def _kind_words(column: Column, lang: str) -> str:
    if column.kind == "list":
        return Text("items separated by ; or ,").text_in(lang)
    if column.kind == "number":
        return Text("a number of zero or more").text_in(lang)
    if column.kind == "date":
        return Text("a date (YYYY-MM-DD)").text_in(lang)
    return Text("a text").text_in(lang)
