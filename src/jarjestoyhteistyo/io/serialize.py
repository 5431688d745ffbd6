"""The one door and the one converter: every YAML and JSON document goes through them.

:data:`DOCUMENTS` names every document kind (rule sets, compositions, cooperation
models, registrations, histories, roadmaps, registers, segment rules) with its class,
its schema name and its ``kind:`` tags. :func:`load`, :func:`loads` and :func:`dump`
read and write any of them; :func:`load_any` reads a file that may be one of several
kinds, parsing it once, and tells which. The named loaders of the other modules
(``load_ruleset``, ``loads_cooperation``, ``load_roadmap``, ...) are these with the
document filled in.

:data:`converter` is a ``cattrs`` converter made once (never the global one) with
``forbid_extra_keys`` and ``detailed_validation``, plus hooks that make reading strict
and predictable:

* strict scalars: a string field takes only a string, an integer field only an
  integer (not ``true``, not ``"3"``, not ``2.5``), a number field an integer or a
  float, a boolean field only ``true``/``false``;
* dates from YAML dates *and* ISO strings (``"2024-05-27"``), written back as dates
  in YAML and ISO strings in JSON;
* enums by value; tuples and frozensets only from lists (a string is not a list);
* rule sets as a tagged union on ``kind`` (:data:`~jarjestoyhteistyo.model.rulesets.KINDS`).

Errors never stop at the first one: :func:`structure` raises one
:class:`~jarjestoyhteistyo.errors.LoadError` listing every problem with its path
(``meetings.per_year.min``), what was expected, and for an unknown key the nearest
known key.

>>> from jarjestoyhteistyo.model.rulesets import MeetingPolicy
>>> structure({"per_year": {"min": 4, "max": 6}, "hours": 2}, MeetingPolicy).per_year.max
6
>>> try:
...     structure({"per_year": {"mni": 4}, "hours": "two"}, MeetingPolicy)
... except LoadError as e:
...     for p in e.problems:
...         print(p)
hours: expected a number, got str 'two'
per_year.mni: unknown key 'mni'; did you mean 'min'?
"""

from __future__ import annotations

import difflib
import enum
import functools
import importlib
import json
import re
import types
import typing
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import cattrs
import yaml
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.preconf.pyyaml import make_converter

from jarjestoyhteistyo.errors import DocumentKindError, LoadError, Problem, UnsupportedTypeError
from jarjestoyhteistyo.io.yamldoor import DEFAULT_LIMITS, Limits, read_yaml
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.rulesets import KINDS, RuleSet

__all__ = [
    "DOCUMENTS",
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


class _TypeProblem(TypeError):
    """A value of the wrong type; carries a precise message."""


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _s_str(value: Any, _t: Any) -> str:
    if isinstance(value, str):
        return value
    hint = ""
    if isinstance(value, bool):
        hint = " (quote it: YAML reads true/false as booleans)"
    raise _TypeProblem(f"expected a string, got {_describe(value)}{hint}")


def _s_int(value: Any, _t: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    hint = ""
    if isinstance(value, str) and value.isdigit() and value.startswith("0"):
        hint = " (a leading zero is not allowed)"
    raise _TypeProblem(f"expected a whole number, got {_describe(value)}{hint}")


def _s_float(value: Any, _t: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise _TypeProblem(f"expected a number, got {_describe(value)}")


def _s_bool(value: Any, _t: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _TypeProblem(f"expected true or false, got {_describe(value)}")


def _s_date(value: Any, _t: Any) -> date:
    if isinstance(value, datetime):
        raise _TypeProblem(f"expected a date without a time, got {_describe(value)}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _TypeProblem(f"expected a date (YYYY-MM-DD), got {_describe(value)}")


def _register_scalars(conv: cattrs.Converter) -> None:
    """Strict scalars, and dates from YAML dates and ISO strings (kept as dates)."""
    conv.register_structure_hook(str, _s_str)
    conv.register_structure_hook(int, _s_int)
    conv.register_structure_hook(float, _s_float)
    conv.register_structure_hook(bool, _s_bool)
    conv.register_structure_hook(date, _s_date)
    conv.register_unstructure_hook(date, lambda d: d)


def _register_enums(conv: cattrs.Converter) -> None:
    """Enums by value, with the nearest value suggested for a wrong one."""

    def is_enum(t: Any) -> bool:
        return isinstance(t, type) and issubclass(t, enum.Enum)

    def enum_hook(t: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
        values = [m.value for m in t]

        def hook(value: Any, _t: Any) -> enum.Enum:
            if isinstance(value, t):
                return value
            try:
                return t(value)
            except ValueError:
                near = difflib.get_close_matches(str(value), [str(v) for v in values], n=1)
                tip = f"; did you mean {near[0]!r}?" if near else ""
                raise _TypeProblem(
                    f"expected one of {', '.join(map(str, values))}, got {_describe(value)}{tip}"
                ) from None

        return hook

    conv.register_structure_hook_factory(is_enum, enum_hook)


def _register_sequences(conv: cattrs.Converter) -> None:
    """Tuples and frozensets only from lists, every item's problem kept; frozensets
    written as sorted lists."""

    def is_seq(t: Any) -> bool:
        return typing.get_origin(t) in (tuple, frozenset)

    def seq_hook(t: Any) -> Callable[[Any, Any], Any]:
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        fixed = origin is tuple and not (len(args) == 2 and args[1] is Ellipsis)
        elem_types = args if fixed else (args[0],)

        def hook(value: Any, _t: Any) -> Any:
            if isinstance(value, str | bytes | dict) or not isinstance(
                value, list | tuple | set | frozenset
            ):
                raise _TypeProblem(f"expected a list, got {_describe(value)}")
            items = list(value)
            if fixed and len(items) != len(elem_types):
                raise _TypeProblem(f"expected a list of {len(elem_types)} items, got {len(items)}")
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(items):
                et = elem_types[i] if fixed else elem_types[0]
                try:
                    out.append(conv.structure(item, et))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {i}", i, et),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return frozenset(out) if origin is frozenset else tuple(out)

        return hook

    conv.register_structure_hook_factory(is_seq, seq_hook)

    def unstructure_frozenset(value: frozenset[Any]) -> list[Any]:
        items = [conv.unstructure(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))

    def is_frozenset(t: Any) -> bool:
        origin: Any = typing.get_origin(t)
        return origin is frozenset

    conv.register_unstructure_hook_func(is_frozenset, unstructure_frozenset)
    conv.register_unstructure_hook(frozenset, unstructure_frozenset)


def _register_rulesets(conv: cattrs.Converter) -> None:
    """The tagged union of rule-set kinds (tag ``kind``, first in the output)."""

    def structure_ruleset(value: Any, _t: Any) -> RuleSet:
        if not isinstance(value, dict):
            raise _TypeProblem(f"expected a mapping with a 'kind' key, got {_describe(value)}")
        problem = _kind_problem(value, tuple(KINDS), tuple(KINDS), optional=False)
        if problem is not None:
            raise _KindProblem(problem)
        rest = {k: v for k, v in value.items() if k != "kind"}
        return conv.structure(rest, KINDS[value["kind"]])

    def unstructure_ruleset(value: RuleSet) -> dict[str, Any]:
        body = conv.unstructure(value, unstructure_as=type(value))
        return {"kind": value.kind, **body}

    conv.register_structure_hook(RuleSet, structure_ruleset)
    conv.register_unstructure_hook(RuleSet, unstructure_ruleset)


def _make_converter() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    _register_scalars(conv)
    _register_enums(conv)
    _register_sequences(conv)
    _register_rulesets(conv)
    return conv


def _one_of(tags: tuple[str, ...]) -> str:
    return repr(tags[0]) if len(tags) == 1 else f"one of {', '.join(tags)}"


def _kind_problem(
    data: dict[Any, Any], accepted: tuple[str, ...], expected: tuple[str, ...], *, optional: bool
) -> Problem | None:
    """The problem with a document's ``kind:`` tag, or ``None`` when it is right.

    ``accepted`` are the tags this document takes, ``expected`` the tags named in the
    message (every kind the caller would have taken); an ``optional`` tag may be left out.
    The one wording and the one code (``unknown-kind``) for every document kind.
    """
    if "kind" not in data:
        if optional:
            return None
        return Problem(
            path="kind",
            code="unknown-kind",
            message=f"missing 'kind'; expected {_one_of(expected)}",
            params={
                "suggestion": expected[0] if len(expected) == 1 else None,
                "kinds": list(expected),
            },
        )
    kind = data["kind"]
    if isinstance(kind, str) and kind in accepted:
        return None
    near = difflib.get_close_matches(str(kind), list(expected), n=1)
    tip = f"; did you mean {near[0]!r}?" if near else f"; expected {_one_of(expected)}"
    return Problem(
        path="kind",
        code="unknown-kind",
        message=f"unknown kind {kind!r}{tip}",
        params={"suggestion": near[0] if near else None, "kinds": list(expected)},
    )


class _KindProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


#: ``RuleSet`` (a union) typed as a class, for the typed loaders below.
_RULESET: type[RuleSet] = typing.cast(type[RuleSet], RuleSet)

#: The single converter for YAML and JSON (see the module docstring).
converter: cattrs.Converter = _make_converter()


def _join(path: str, part: str | int) -> str:
    if isinstance(part, str) and (not part.strip() or any(c in part for c in ".[]")):
        part = f"[{part!r}]"  # an empty or odd key stays visible: $[''], a['x.y']
        return f"{path}{part}" if path != "$" else f"${part}"
    if isinstance(part, int):
        return f"{path}[{part}]" if path != "$" else f"[{part}]"
    return part if path == "$" else f"{path}.{part}"


def _under(path: str, inner: str) -> str:
    """``inner`` (a path relative to a node) below the node at ``path``."""
    if path == "$" or inner == "$":
        return inner if path == "$" else path
    return f"{path}{inner}" if inner.startswith("[") else f"{path}.{inner}"


def _type_name(t: Any) -> str:
    if t is None:
        return "a value"
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        return " or ".join(_type_name(a) for a in typing.get_args(t))
    if attrs.has(t):
        return f"a mapping ({t.__name__})"
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
    if t in names:
        return names[t]
    if typing.get_origin(t) in (tuple, frozenset):
        return "a list"
    return getattr(t, "__name__", repr(t))


def _problems(exc: BaseException, path: str, expected: Any = None) -> list[Problem]:
    """Turn a cattrs exception tree into problems with paths (cf. ``cattrs.transform_error``)."""
    if isinstance(exc, IterableValidationError | ClassValidationError):
        out: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            part: str | int = note.index if isinstance(note, IterableValidationNote) else note.name
            out.extend(_problems(sub, _join(path, part), note.type))
        for sub in without:
            out.extend(_problems(sub, path, None))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if exc.cl and attrs.has(exc.cl) else []
        if exc.cl in KINDS.values():
            known.append("kind")
        out = []
        for raw_key in sorted(exc.extra_fields, key=str):
            key = str(raw_key)  # YAML keys may be numbers, dates or null
            near = difflib.get_close_matches(key, known, n=1)
            tip = f"; did you mean {near[0]!r}?" if near else ""
            out.append(
                Problem(
                    path=_join(path, key),
                    code="unknown-key",
                    message=f"unknown key {key!r}{tip}",
                    params={"key": key, "suggestion": near[0] if near else None},
                )
            )
        return out
    if isinstance(exc, _KindProblem):
        return [attrs.evolve(exc.problem, path=_under(path, exc.problem.path))]
    if isinstance(exc, LoadError):  # a class that checks itself as a whole (unique ids)
        return [attrs.evolve(p, path=_under(path, p.path)) for p in exc.problems]
    if isinstance(exc, KeyError):
        return [
            Problem(
                path=path,
                code="missing-key",
                message=f"required key missing; expected {_type_name(expected)}",
                params={"expected": _type_name(expected)},
            )
        ]
    if isinstance(exc, _TypeProblem):
        return [Problem(path=path, code="wrong-type", message=str(exc))]
    if isinstance(exc, AttributeError | TypeError) and expected is not None and attrs.has(expected):
        return [
            Problem(
                path=path,
                code="wrong-type",
                message=f"expected {_type_name(expected)}",
                params={"expected": _type_name(expected)},
            )
        ]
    # attrs validators (single-field ranges) and anything else cattrs met
    return [
        Problem(
            path=path,
            code="invalid-value",
            message=f"invalid value: {exc}"
            if expected is None
            else f"invalid value; expected {_type_name(expected)} ({exc})",
            params={"expected": _type_name(expected)},
        )
    ]


def structure(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """Build ``cls`` from plain data (as read from YAML or JSON).

    Raises :class:`~jarjestoyhteistyo.errors.LoadError` listing every problem.

    >>> from jarjestoyhteistyo.model.composition import Person
    >>> structure({"role": "volunteer"}, Person)
    Person(role=<Role.VOLUNTEER: 'volunteer'>, ref=None, name=None, contact=None)
    """
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        try:
            problems = _problems(exc, "$", cls)
        except Exception:
            problems = [Problem(path="$", code="invalid-value", message=f"invalid input ({exc})")]
        raise LoadError(sorted(problems, key=lambda p: p.path), source=source) from None


def unstructure(obj: Any) -> Any:
    """Plain data (dicts, lists, scalars, dates) for ``obj``; defaults are omitted.

    A model class that declares a ``kind`` tag (every rule-set kind, the cooperation
    model) gets it written first, so the output says what it is.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, OpenForum
    >>> unstructure(IntRange(min=4, max=6))
    {'min': 4, 'max': 6}
    >>> list(unstructure(OpenForum(name="Forum", area="Example area")))[:2]
    ['kind', 'name']
    """
    kind = getattr(type(obj), "kind", None)
    if isinstance(kind, str) and attrs.has(type(obj)):
        return {"kind": kind, **converter.unstructure(obj, unstructure_as=type(obj))}
    return converter.unstructure(obj)


class _Dumper(yaml.SafeDumper):
    """Block-style YAML that keeps key order and writes unicode as is.

    It quotes every string that YAML 1.1 *or* the door's YAML 1.2 rules would read
    as something else (``no``, ``0o17``, ``1e5``), so the output reads back the same
    here and in other tools.
    """


_Dumper.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^0o[0-7_]+$"), list("0"))
_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)

#: Characters YAML reads as line breaks; only double quotes keep them (as escapes).
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")
#: Characters that YAML reads as line breaks or refuses as non-printable.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if any(ch in value for ch in _YAML_BREAKS):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def _dump_yaml_text(obj: Any) -> str:
    return yaml.dump(
        unstructure(obj), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise UnsupportedTypeError(f"not JSON serialisable: {type(value).__name__}")


def json_data(obj: Any) -> Any:
    """:func:`unstructure` as JSON data: dates as ISO strings, nothing else changed.

    For a ``to_dict`` method whose JSON form is the model's own.

    >>> from jarjestoyhteistyo.selection.succession import Event, EventKind
    >>> json_data(Event(date=date(2025, 3, 1), kind=EventKind.RESIGN, seat="m1"))
    {'date': '2025-03-01', 'kind': 'resign', 'seat': 'm1'}
    """
    return json.loads(json.dumps(unstructure(obj), default=_json_default))


def _dump_json_text(obj: Any, indent: int | None) -> str:
    text = json.dumps(unstructure(obj), default=_json_default, ensure_ascii=False, indent=indent)
    # JSON is read back through the YAML door, which folds line breaks and refuses
    # non-printable characters; outside strings JSON is ASCII, so escape them anywhere
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ------------------------------------------------------------- the document table
@attrs.frozen(kw_only=True)
class Document:
    """One kind of document the door reads and writes.

    ``name`` is the document's name (also its JSON Schema's, ``jarjestoyhteistyo
    schema NAME``), ``model`` the ``module:Class`` of its model class (imported when
    first needed, so this module stays below the modules that define the models), and
    ``tagged`` says whether its ``kind:`` tag is required: a rule set's tag chooses
    its class and a cooperation model's says what it is, both named once by the
    classes' ``kind`` attribute. An untagged document may still say ``kind: NAME``.

    >>> DOCUMENTS["ruleset"].kinds
    ('general', 'formal_committee', 'open_forum', 'theme_network_council')
    >>> DOCUMENTS["cooperation"].kinds, DOCUMENTS["composition"].kinds
    (('cooperation_model',), ('composition',))
    """

    name: str
    title: str
    model: str
    tagged: bool = False

    @property
    def cls(self) -> Any:
        """The model class (for a rule set, the union
        :data:`~jarjestoyhteistyo.model.rulesets.RuleSet`)."""
        return _model(self.model)

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
            model="jarjestoyhteistyo.model.rulesets:RuleSet",
            tagged=True,
        ),
        Document(
            name="composition",
            title="A composition: organisations and seats.",
            model="jarjestoyhteistyo.model.composition:Composition",
        ),
        Document(
            name="cooperation",
            title="A city's cooperation model (kind: cooperation_model, JP-1 … JP-7).",
            model="jarjestoyhteistyo.rules.cooperation:CooperationModel",
            tagged=True,
        ),
        Document(
            name="registrations",
            title="Registrations for selection (FC-3, OF-3).",
            model="jarjestoyhteistyo.model.registrations:Registrations",
        ),
        Document(
            name="history",
            title="A succession history: events applied to a composition (FC-8, FC-15).",
            model="jarjestoyhteistyo.model.history:History",
        ),
        Document(
            name="roadmap",
            title="A roadmap with its implementation plans (RM-1 … RM-7).",
            model="jarjestoyhteistyo.model.roadmap:RoadmapDocument",
        ),
        Document(
            name="register",
            title="An association register as YAML/JSON: associations: [...] (JP-3).",
            model="jarjestoyhteistyo.model.associations:Register",
        ),
        Document(
            name="segment_rules",
            title="Segment rules of the actor ecosystem (JP-4, JP-7).",
            model="jarjestoyhteistyo.analysis.ecosystem:SegmentRules",
        ),
    )
}


@functools.cache
def _model(ref: str) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def document(what: str | type[Any]) -> Document:
    """The :data:`DOCUMENTS` entry for a document name or model class.

    A rule-set class (``FormalCommittee``) gives the rule-set entry.

    >>> document("history").model
    'jarjestoyhteistyo.model.history:History'
    >>> document("histroy")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.DocumentKindError: no document 'histroy'; did you mean 'history'? ...
    """
    if isinstance(what, str):
        found = DOCUMENTS.get(what)
        if found is None:
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
    ref = f"{getattr(cls, '__module__', '')}:{getattr(cls, '__qualname__', '')}"
    return next((d for d in DOCUMENTS.values() if d.model == ref), None)


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
    problem = _kind_problem(data, accepted, expected, optional=not doc.tagged)
    classes = [c for c in doc.classes if not doc.tagged or getattr(c, "kind") in accepted]  # noqa: B009
    if problem is not None and len(classes) > 1:  # no tag, no class to build
        raise LoadError([problem], source=source)
    cls = classes[0] if len(classes) == 1 else KINDS[data["kind"]]
    rest = {k: v for k, v in data.items() if k != "kind"}
    try:
        value: Any = structure(rest, cls, source=source)
    except LoadError as exc:
        problems = [*([problem] if problem else []), *exc.problems]
        raise LoadError(sorted(problems, key=lambda p: p.path), source=source) from None
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


def read_file(path: str | Path) -> bytes:
    """The bytes of a file; an unreadable one is a ``LoadError`` (code ``unreadable``).

    For every reader of files, the CSV register's included.
    """
    p = Path(path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise LoadError(
            [Problem(path="$", code="unreadable", message=f"cannot read the file: {exc.strerror}")],
            source=str(p),
        ) from None


@typing.overload
def load(path: str | Path, what: type[T], *, limits: Limits = ...) -> T: ...
@typing.overload
def load(path: str | Path, what: str, *, limits: Limits = ...) -> Any: ...
def load(path: str | Path, what: str | type[T], *, limits: Limits = DEFAULT_LIMITS) -> Any:
    """:func:`loads` for a YAML or JSON file; a missing file is a ``LoadError``.

    >>> load("/nonexistent/body.yaml", "ruleset")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: /nonexistent/body.yaml: 1 problem
      $: cannot read the file: No such file or directory
    """
    return loads(read_file(path), what, source=str(path), limits=limits)


#: The former name of :func:`load`.
load_file = load


def load_any(
    path: str | Path, whats: Sequence[str], *, limits: Limits = DEFAULT_LIMITS
) -> tuple[Document, Any]:
    """:func:`loads_any` for a YAML or JSON file, read and parsed once."""
    return loads_any(read_file(path), whats, source=str(path), limits=limits)


def dump(obj: Any, format: Literal["yaml", "json"] = "yaml", *, indent: int | None = 2) -> str:
    """``obj`` as YAML or JSON text that :func:`loads` reads back to an equal object.

    Defaults are left out; a class with a ``kind`` tag gets it first. JSON has dates
    as ISO strings; ``indent`` is JSON's.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange
    >>> print(dump(IntRange(min=4, max=6)), end="")
    min: 4
    max: 6
    >>> dump(IntRange(min=4, max=6), "json", indent=None)
    '{"min": 4, "max": 6}'
    """
    if format == "json":
        return _dump_json_text(obj, indent)
    return _dump_yaml_text(obj)


# ------------------------------------------------ the named loaders, one line each
def dump_yaml(obj: Any) -> str:
    """:func:`dump` as YAML.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange
    >>> print(dump_yaml(IntRange(min=4, max=6)), end="")
    min: 4
    max: 6
    """
    return dump(obj, "yaml")


def dump_json(obj: Any, *, indent: int | None = 2) -> str:
    """:func:`dump` as JSON (dates as ISO strings)."""
    return dump(obj, "json", indent=indent)


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
