"""The one door: every YAML and JSON document goes through it.

:data:`DOCUMENTS` names every document kind (rule sets, compositions, cooperation
models, registrations, histories, roadmaps, registers, segment rules) with its class,
its schema name and its ``kind:`` tags. :func:`load`, :func:`loads` and :func:`dump`
read and write any of them; :func:`load_any` reads a file that may be one of several
kinds, parsing it once, and tells which. The named loaders of the other modules
(``load_ruleset``, ``loads_cooperation``, ``load_roadmap``, ...) are these with the
document filled in. The text passes the bounded YAML door
(:mod:`jarjestoyhteistyo.io.yamldoor`) and the one converter
(:mod:`jarjestoyhteistyo.io.converter`, whose :data:`converter`, :func:`structure`,
:func:`unstructure` and :func:`json_data` this module offers too).

>>> loads_ruleset("kind: open_forum\\nname: Forum\\narea: Example area\\n").kind
'open_forum'
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs

from jarjestoyhteistyo.errors import DocumentKindError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.converter import (
    capped,
    converter,
    json_data,
    json_text,
    kind_problem,
    structure,
    unstructure,
    yaml_text,
)
from jarjestoyhteistyo.io.files import os_reason
from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS, Limits, read_yaml
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.rulesets import KINDS, RuleSet

__all__ = [
    "DOCUMENTS",
    "READERS",
    "Document",
    "converter",
    "document",
    "dump",
    "dump_json",
    "dump_yaml",
    "json_data",
    "load",
    "load_any",
    "load_composition",
    "load_file",
    "load_ruleset",
    "loads",
    "loads_any",
    "loads_composition",
    "loads_ruleset",
    "read_file",
    "structure",
    "unstructure",
]

T = TypeVar("T")

_RULESET: type[RuleSet] = typing.cast(type[RuleSet], RuleSet)


# ------------------------------------------------------------- the document table
@attrs.frozen(kw_only=True)
class Document:
    """One kind of document the door reads and writes.

    ``name`` is the document's name (also its JSON Schema's, ``jarjestoyhteistyo
    schema NAME``), ``home`` where its model class lives (``module:name``; every
    document's nouns live in :mod:`jarjestoyhteistyo.model`, below this layer), and
    ``tagged`` says whether its ``kind:`` tag is required: a rule set's tag chooses its
    class and a cooperation model's says what it is, both named once by the classes'
    ``kind`` attribute. An untagged document may still say ``kind: NAME``.

    The model's module is imported when :attr:`model` is first asked for, so reading
    one kind of document loads no other kind's classes.

    >>> DOCUMENTS["ruleset"].kinds
    ('general', 'formal_committee', 'open_forum', 'theme_network_council')
    >>> DOCUMENTS["cooperation"].kinds, DOCUMENTS["composition"].kinds
    (('cooperation_model',), ('composition',))
    >>> DOCUMENTS["roadmap"].home
    'jarjestoyhteistyo.model.roadmap:RoadmapDocument'
    """

    name: str
    title: str
    home: str
    tagged: bool = False

    @property
    def model(self) -> Any:
        """The model class, its module imported on first use (for a rule set, the union
        :data:`~jarjestoyhteistyo.model.rulesets.RuleSet`)."""
        module, _, name = self.home.partition(":")
        return getattr(importlib.import_module(module), name)

    @property
    def cls(self) -> Any:
        """The model class (for a rule set, the union
        :data:`~jarjestoyhteistyo.model.rulesets.RuleSet`)."""
        return self.model

    @property
    def classes(self) -> tuple[type, ...]:
        """The concrete classes: the rule-set kinds of a union, else the one class."""
        return typing.get_args(self.cls) or (self.cls,)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The ``kind:`` tags this document accepts."""
        if not self.tagged:
            return (self.name,)
        return tuple(str(getattr(c, "kind")) for c in self.classes)  # noqa: B009

    def holds(self, cls: Any) -> bool:
        """Whether ``cls`` is this document's model class, told without importing the
        model (a class not yet imported cannot be it)."""
        module, _, name = self.home.partition(":")
        loaded = sys.modules.get(module)
        return loaded is not None and getattr(loaded, name, None) is cls


#: Every document kind, by name: one table for the loaders, the CLI, JSON Schema and
#: the tests. The association register's CSV form is not here: it is rows read with a
#: report of the unreadable ones (:func:`~jarjestoyhteistyo.io.register.read_register`),
#: not a document; its YAML/JSON form (``register``) is.
DOCUMENTS: dict[str, Document] = {
    d.name: d
    for d in (
        Document(
            name="ruleset",
            title="A rule set of any kind (formal_committee, open_forum, ...).",
            home="jarjestoyhteistyo.model.rulesets:RuleSet",
            tagged=True,
        ),
        Document(
            name="composition",
            title="A composition: organisations and seats.",
            home="jarjestoyhteistyo.model.composition:Composition",
        ),
        Document(
            name="cooperation",
            title="A city's cooperation model (kind: cooperation_model, JP-1 … JP-7).",
            home="jarjestoyhteistyo.model.cooperation:CooperationModel",
            tagged=True,
        ),
        Document(
            name="registrations",
            title="Registrations for selection (FC-3, OF-3).",
            home="jarjestoyhteistyo.model.registrations:Registrations",
        ),
        Document(
            name="history",
            title="A succession history: events applied to a composition (FC-8, FC-15).",
            home="jarjestoyhteistyo.model.history:History",
        ),
        Document(
            name="roadmap",
            title="A roadmap with its implementation plans (RM-1 … RM-7).",
            home="jarjestoyhteistyo.model.roadmap:RoadmapDocument",
        ),
        Document(
            name="register",
            title="An association register as YAML/JSON: associations: [...] (JP-3).",
            home="jarjestoyhteistyo.model.associations:Register",
        ),
        Document(
            name="segment_rules",
            title="Segment rules of the actor ecosystem (JP-4, JP-7).",
            home="jarjestoyhteistyo.model.associations:SegmentRules",
        ),
    )
}


def document(what: str | type[Any]) -> Document:
    """The :data:`DOCUMENTS` entry for a document name or model class.

    A rule-set class (``FormalCommittee``) gives the rule-set entry.

    >>> document("history").model.__name__
    'History'
    >>> document("histroy")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.DocumentKindError: no document 'histroy'; did you mean 'history'? ...
    """
    if isinstance(what, str):
        found = DOCUMENTS.get(what)
        if found is None:
            import difflib  # only for the message

            near = difflib.get_close_matches(what, list(DOCUMENTS), n=1)
            tip = f"; did you mean {near[0]!r}?" if near else ""
            raise DocumentKindError(
                f"no document {what!r}{tip} (documents: {', '.join(DOCUMENTS)})"
            )
        return found
    doc = _by_class(what)
    if doc is None:
        raise DocumentKindError(f"{getattr(what, '__name__', what)!r} is not a document class")
    return doc


def _by_class(cls: Any) -> Document | None:
    if cls == RuleSet or cls in KINDS.values():
        return DOCUMENTS["ruleset"]
    return next((d for d in DOCUMENTS.values() if d.holds(cls)), None)


def _build(
    data: Any,
    doc: Document,
    *,
    source: str | None,
    accepted: tuple[str, ...],
    expected: tuple[str, ...],
) -> Any:
    """Build a document from plain data: its tag checked, every problem in one error."""
    if not isinstance(data, dict):
        return structure(data, doc.cls, source=source)
    problem = kind_problem(data, accepted, expected, optional=not doc.tagged)
    classes = [c for c in doc.classes if not doc.tagged or getattr(c, "kind") in accepted]  # noqa: B009
    if problem is not None and len(classes) > 1:  # no tag, no class to build
        raise LoadError([problem], source=source)
    cls = classes[0] if len(classes) == 1 else KINDS[data["kind"]]
    rest = {k: v for k, v in data.items() if k != "kind"}
    try:
        value: Any = structure(rest, cls, source=source)
    except LoadError as exc:
        problems = [*([problem] if problem else []), *exc.problems]
        raise LoadError(capped(problems), source=source) from None
    if problem is not None:
        raise LoadError([problem], source=source)
    return value


def _accepted(doc: Document, what: Any) -> tuple[str, ...]:
    kind = getattr(what, "kind", None)  # one rule-set class: only its own tag
    return (kind,) if isinstance(kind, str) and isinstance(what, type) else doc.kinds


@typing.overload
def loads(
    text: str | bytes, what: type[T], *, source: str | None = ..., limits: Limits = ...
) -> T: ...
@typing.overload
def loads(
    text: str | bytes, what: str, *, source: str | None = ..., limits: Limits = ...
) -> Any: ...
def loads(
    text: str | bytes,
    what: str | type[T],
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """Parse YAML or JSON ``text`` safely and build a document from it.

    ``what`` is a document name from :data:`DOCUMENTS` or a class: a document's class
    gets its ``kind:`` tag checked like its name, any other attrs class is built as it is.

    >>> loads("kind: general\\nname: Body\\narea: Example area\\n", "ruleset").kind
    'general'
    >>> from jarjestoyhteistyo.model.rulesets import IntRange
    >>> loads("min: 1\\nmax: 2\\n", IntRange)
    IntRange(min=1, max=2)
    >>> try:
    ...     loads("kind: roadmap\\nseats: []", "composition")
    ... except LoadError as e:
    ...     print(*e.problems)
    kind: unknown kind 'roadmap'; expected 'composition'
    """
    data = read_yaml(text, source=source, limits=limits)
    doc = document(what) if isinstance(what, str) else _by_class(what)
    if doc is None:
        return structure(data, typing.cast(type[T], what), source=source)
    accepted = _accepted(doc, what)
    return _build(data, doc, source=source, accepted=accepted, expected=accepted)


def loads_any(
    text: str | bytes,
    whats: Sequence[str],
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Document, Any]:
    """A document of any of the kinds named in ``whats``, and which one it is.

    The text is parsed once; its ``kind:`` tag chooses among the documents (with no
    tag, the first untagged one, else the first). A wrong tag is reported with every
    tag the caller would have taken.

    >>> text = "kind: cooperation_model\\nname: C\\narea: A"
    >>> doc, model = loads_any(text, ["ruleset", "cooperation"])
    >>> doc.name, model.name
    ('cooperation', 'C')
    >>> try:
    ...     loads_any(text.replace("model", "modle"), ["ruleset", "cooperation"])
    ... except LoadError as e:
    ...     print(*e.problems)
    kind: unknown kind 'cooperation_modle'; did you mean 'cooperation_model'?
    """
    docs = [document(w) for w in whats]
    data = read_yaml(text, source=source, limits=limits)
    kind = data.get("kind") if isinstance(data, dict) else None
    chosen = next((d for d in docs if kind in d.kinds), None)
    if chosen is None and (kind is None or not isinstance(data, dict)):
        chosen = next((d for d in docs if not d.tagged), None)
    chosen = chosen or docs[0]
    expected = tuple(k for d in docs for k in d.kinds if d.tagged or d is chosen)
    value = _build(data, chosen, source=source, accepted=chosen.kinds, expected=expected)
    return chosen, value


#: How much :func:`read_file` reads at a time.
_CHUNK = 1 << 16


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_LIMITS.max_bytes) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, for every reader of files
    (the CSV register's included).

    The file is refused before anything is read if it is not a regular file (a FIFO,
    a device such as ``/dev/zero``, a folder: code ``not-a-file``), and read in chunks
    that stop one byte past the limit (code ``too-large``), so neither a huge file nor
    an endless one costs more than ``max_bytes`` of memory. An unreadable one is code
    ``unreadable``; each is a ``LoadError``.

    >>> read_file("/dev/zero")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /dev/zero: 1 problem
      $: not a regular file (a device, a pipe or a folder); give the path of a file
    """
    p = Path(path)

    def refuse(code: str, text: Text, **params: Any) -> LoadError:
        return LoadError([Problem.of("$", code, text, params=params)], source=str(p))

    fd = open_regular(p)
    try:
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise refuse("unreadable", _cannot_read(exc)) from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise refuse(
            "too-large",
            Text("the file is more than {most} bytes, the limit", most=max_bytes),
            max_bytes=max_bytes,
        )
    return b"".join(chunks)


def _cannot_read(exc: OSError) -> Text:
    """Why a file could not be read: the system's reason, in the reader's words where
    the library knows them (:func:`~jarjestoyhteistyo.io.files.os_reason`)."""
    return Text("cannot read the file: {reason}", reason=os_reason(exc))


def open_regular(path: str | Path) -> int:
    """A descriptor open for reading on a regular file, for :func:`read_file` and for the
    readers that stream a file (:func:`~jarjestoyhteistyo.io.register.iter_register`):
    anything else is refused before a byte is read (code ``not-a-file``; ``unreadable``
    when it cannot be opened). The caller reads at most its limit and closes it.
    """
    p = Path(path)

    def refuse(code: str, text: Text) -> LoadError:
        return LoadError([Problem.of("$", code, text)], source=str(p))

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait; a regular file ignores it.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise refuse("unreadable", _cannot_read(exc)) from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError as exc:  # pragma: no cover - fstat of an open descriptor
        os.close(fd)
        raise refuse("unreadable", _cannot_read(exc)) from None
    if not regular:
        os.close(fd)
        raise refuse(
            "not-a-file",
            Text("not a regular file (a device, a pipe or a folder); give the path of a file"),
        )
    return fd


@typing.overload
def load(path: str | Path, what: type[T], *, limits: Limits = ...) -> T: ...
@typing.overload
def load(path: str | Path, what: str, *, limits: Limits = ...) -> Any: ...
def load(path: str | Path, what: str | type[T], *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """:func:`loads` for a YAML or JSON file; a missing file is a ``LoadError``.

    A file whose suffix is in :data:`READERS` (a workbook, ``.xlsx``) is read by its reader.

    >>> load("/nonexistent/body.yaml", "ruleset")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /nonexistent/body.yaml: 1 problem
      $: cannot read the file: No such file or directory
    """
    reader = READERS.get(Path(path).suffix.lower())
    if reader is not None:
        module, _, name = reader.partition(":")
        return getattr(importlib.import_module(module), name)(path, what, limits=limits)
    return loads(read_file(path, max_bytes=limits.max_bytes), what, source=str(path), limits=limits)


#: The readers of files that are not YAML or JSON, by suffix: ``module:function``,
#: imported on first use (as a document's model is), called as ``function(path, what,
#: limits=...)`` by :func:`load`. A workbook holds registrations or a composition
#: (:func:`jarjestoyhteistyo.io.excel.load_workbook_document`; needs the ``excel`` extra).
READERS: dict[str, str] = {".xlsx": "jarjestoyhteistyo.io.excel:load_workbook_document"}

#: The former name of :func:`load`.
load_file = load


def load_any(
    path: str | Path, whats: Sequence[str], *, limits: Limits = DEFAULT_LIMITS
) -> tuple[Document, Any]:
    """:func:`loads_any` for a YAML or JSON file, read and parsed once."""
    return loads_any(
        read_file(path, max_bytes=limits.max_bytes), whats, source=str(path), limits=limits
    )


def dump(
    obj: Any,
    format: Literal["yaml", "json"] = "yaml",
    *,
    indent: int | None = 2,
    full: bool = False,
) -> str:
    """``obj`` as YAML or JSON text that :func:`loads` reads back to an equal object.

    Defaults are left out (``full=True``: written too, so every value the library
    uses is on the page); a class with a ``kind`` tag gets it first. JSON has dates as
    ISO strings; ``indent`` is JSON's.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange
    >>> print(dump(IntRange(min=4, max=6)), end="")
    min: 4
    max: 6
    >>> dump(IntRange(min=4, max=6), "json", indent=None)
    '{"min": 4, "max": 6}'
    """
    if format == "json":
        return json_text(obj, indent, full=full)
    return yaml_text(obj, full=full)


# ------------------------------------------------ the named loaders, one line each
def dump_yaml(obj: Any, *, full: bool = False) -> str:
    """:func:`dump` as YAML.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange
    >>> print(dump_yaml(IntRange(min=4, max=6)), end="")
    min: 4
    max: 6
    """
    return dump(obj, "yaml", full=full)


def dump_json(obj: Any, *, indent: int | None = 2, full: bool = False) -> str:
    """:func:`dump` as JSON (dates as ISO strings)."""
    return dump(obj, "json", indent=indent, full=full)


def loads_ruleset(text: str | bytes, *, source: str | None = None) -> RuleSet:
    """A rule set of any kind from YAML or JSON text (the ``kind:`` key chooses).

    >>> loads_ruleset("kind: open_forum\\nname: Forum\\narea: Example area\\ncap: 12").cap
    12
    """
    return loads(text, _RULESET, source=source)


def load_ruleset(path: str | Path) -> RuleSet:
    """A rule set of any kind from a YAML or JSON file."""
    return load(path, _RULESET)


def loads_composition(text: str | bytes, *, source: str | None = None) -> Composition:
    """A :class:`~jarjestoyhteistyo.model.composition.Composition` from YAML or JSON text.

    >>> loads_composition("seats: [{id: m1, kind: member, group: pensioners}]").seats[0].vacant
    True
    """
    return loads(text, Composition, source=source)


def load_composition(path: str | Path) -> Composition:
    """A :class:`~jarjestoyhteistyo.model.composition.Composition` from a YAML or JSON file."""
    return load(path, Composition)
