"""JSON Schema for every YAML kind, generated from the models so it cannot go stale.

Editors (VS Code's YAML extension, JetBrains IDEs) complete and check a rule-set file
when it names its schema. :func:`json_schema` walks the attrs models: required keys
are the fields without defaults, unknown keys are refused (``additionalProperties:
false``, like the converter), enums list their values, dates are ``format: date``,
a rule set is a ``oneOf`` over the kinds, told apart by ``kind``, and a class the
converter also reads from a bare string (:data:`~jarjestoyhteistyo.io.converter.SHORTHANDS`)
is ``anyOf`` a string and its mapping. The bounds the converter holds values to
(:mod:`jarjestoyhteistyo.model.bounds`) are stated too: every number has a ``minimum``
and ``maximum`` (its field's bound, or :data:`~jarjestoyhteistyo.model.bounds.MAX_MAGNITUDE`),
every date a ``pattern`` for the years 1900–2200.

>>> schema = json_schema("ruleset")
>>> sorted(schema["$defs"])[:3]
['Authority', 'Category', 'ChairMode']
>>> [s["properties"]["kind"]["const"] for s in schema["oneOf"]][:2]
['general', 'formal_committee']
>>> hours = schema["$defs"]["MeetingPolicy"]["properties"]["hours"]
>>> hours["minimum"], hours["maximum"], hours["description"]
(-24, 24, '-24 … 24 (a meeting lasts at most a day)')
"""

from __future__ import annotations

import enum
import json
import types
import typing
from datetime import date, time
from typing import Any

import attrs

from jarjestoyhteistyo.errors import UnsupportedTypeError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.converter import RANGE_TEXT, SHORTHANDS
from jarjestoyhteistyo.io.serialize import DOCUMENTS, document
from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, MAX_MAGNITUDE, Bound, bound_of
from jarjestoyhteistyo.model.rulesets import IntRange
from jarjestoyhteistyo.model.vocabulary import words_of

__all__ = ["SCHEMA_KINDS", "json_schema", "schema_json"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: A date in the years FIRST_YEAR–LAST_YEAR (its form is also ``format: date``).
assert (FIRST_YEAR, LAST_YEAR) == (1900, 2200), "update _DATE_PATTERN"
_DATE_PATTERN = "^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"

_ANY = Bound(-MAX_MAGNITUDE, MAX_MAGNITUDE, "no number in a document is larger")


def _limit(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def _bounded(schema: dict[str, Any], bound: Bound, t: Any) -> dict[str, Any]:
    """``schema`` (of a field of type ``t``) with ``bound`` stated on each of its numbers."""
    if "anyOf" in schema:
        args = [a for a in typing.get_args(t) if a is not type(None)]
        inner = args[0] if len(args) == 1 else t
        options = [
            o if o.get("type") == "null" else _bounded(o, bound, inner) for o in schema["anyOf"]
        ]
        return {**schema, "anyOf": options}
    if schema.get("type") in ("integer", "number"):
        return {
            **schema,
            "minimum": _limit(bound.low),
            "maximum": _limit(bound.high),
            "description": f"{bound} ({bound.reason})",
        }
    if schema.get("type") == "array":
        (item,) = {a for a in typing.get_args(t) if a is not Ellipsis}
        return {**schema, "items": _bounded(schema["items"], bound, item)}
    if "$ref" in schema and attrs.has(t):  # a range: each of its numbers
        hints = typing.get_type_hints(t)
        props = {
            a.name: _bounded(_Builder().type(hints[a.name]), bound, hints[a.name])
            for a in attrs.fields(t)
            if _numeric(hints[a.name])
        }
        return {**schema, "properties": props}
    return schema  # pragma: no cover - a bound on a field without numbers


def _numeric(t: Any) -> bool:
    args = typing.get_args(t) or (t,)
    return any(a in (int, float) for a in args)


#: The documents that have a schema, by name: every entry of
#: :data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`, with its title.
SCHEMA_KINDS: dict[str, str] = {d.name: d.title for d in DOCUMENTS.values()}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.klass(cls) if attrs.has(cls) else self.enum(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        """The values first (what an editor offers), then their Finnish, Swedish and
        English words as the vocabulary writes them and in lower case: the converter
        takes those too (it also ignores case and spacing, which a schema cannot)."""
        values = [m.value for m in cls]
        words = [w for m in cls for w in words_of(m)]
        return {
            "enum": list(dict.fromkeys([*values, *words, *(w.lower() for w in words)])),
            "description": (cls.__doc__ or "").strip().splitlines()[0],
        }

    def klass(self, cls: type, *, kind: str | None = None, tagged: bool = True) -> dict[str, Any]:
        props: dict[str, Any] = {}
        required: list[str] = []
        if kind is not None:
            props["kind"] = {"const": kind}
            if tagged:
                required.append("kind")
        hints = typing.get_type_hints(cls)
        for a in attrs.fields(cls):
            props[a.name] = self.type(hints[a.name])
            bound = bound_of(cls, a.name)
            if bound is not None:
                props[a.name] = _bounded(props[a.name], bound, hints[a.name])
            if a.default is attrs.NOTHING:
                required.append(a.name)
        out: dict[str, Any] = {
            "type": "object",
            "properties": props,
            "additionalProperties": False,
        }
        doc = (cls.__doc__ or "").strip()
        if doc:
            out["description"] = doc.splitlines()[0]
        if required:
            out["required"] = required
        return out

    def type(self, t: Any) -> dict[str, Any]:
        origin = typing.get_origin(t)
        args = typing.get_args(t)
        if isinstance(t, types.UnionType) or origin is typing.Union:
            options = [self.type(a) for a in args if a is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type(args[0])}
        if origin is tuple:
            items = [self.type(a) for a in args]
            return {
                "type": "array",
                "prefixItems": items,
                "minItems": len(items),
                "maxItems": len(items),
            }
        if origin is frozenset:
            return {"type": "array", "items": self.type(args[0]), "uniqueItems": True}
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {
                "type": "integer",
                "minimum": -_limit(MAX_MAGNITUDE),
                "maximum": _limit(MAX_MAGNITUDE),
            }
        if t is float:
            return {
                "type": "number",
                "minimum": -_limit(MAX_MAGNITUDE),
                "maximum": _limit(MAX_MAGNITUDE),
            }
        if t is date:
            return {
                "type": "string",
                "format": "date",
                "pattern": _DATE_PATTERN,
                "description": f"a date in the years {FIRST_YEAR}–{LAST_YEAR}",
            }
        if t is time:
            return {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
        if t is IntRange:  # {min, max}, one number, or "4-6" (the converter's shorthands)
            text = {"type": "string", "pattern": RANGE_TEXT.pattern}
            return {"anyOf": [self.type(int), text, self.ref(t)]}
        if isinstance(t, type) and t in SHORTHANDS:
            return {"anyOf": [{"type": "string"}, self.ref(t)]}
        if isinstance(t, type) and (attrs.has(t) or issubclass(t, enum.Enum)):
            return self.ref(t)
        if typing.get_origin(t) in (dict, typing.Mapping) or t is typing.Any:
            return {"type": "object"}
        raise UnsupportedTypeError(  # pragma: no cover - a model bug
            Text("no JSON Schema can be written for the type {type}", type=repr(t))
        )


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document named in :data:`SCHEMA_KINDS`.

    A tagged document requires its ``kind``; an untagged one allows ``kind: NAME``.

    >>> json_schema("composition")["properties"]["seats"]["type"]
    'array'
    >>> json_schema("history")["properties"]["kind"]
    {'const': 'history'}
    """
    doc = document(name)
    b = _Builder()
    shapes = [
        b.klass(cls, kind=kind, tagged=doc.tagged)
        for cls, kind in zip(doc.classes, doc.kinds, strict=True)
    ]
    body: dict[str, Any] = {"oneOf": shapes} if len(shapes) > 1 else shapes[0]
    title = "jarjestoyhteistyo rule set" if name == "ruleset" else f"jarjestoyhteistyo {name}"
    return {"$schema": _DIALECT, "title": title, **body, "$defs": dict(sorted(b.defs.items()))}


def schema_json(name: str) -> str:
    """:func:`json_schema` as indented JSON text, for writing to a ``.json`` file."""
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
