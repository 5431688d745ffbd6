"""Commented starter files: what ``jarjestoyhteistyo init KIND`` writes.

:func:`starter` gives a YAML document of a kind of :data:`STARTER_KINDS` (the four
rule-set kinds, a city's cooperation model and a composition) in which every key is
present with its meaning above it, in the reader's language
(:mod:`jarjestoyhteistyo.model.meanings`):

* a required key is written with a placeholder, ``name: "..."``, to replace;
* every other key is a commented-out line with its default, ``#fee: "fee_rule"``:
  left as it is, the key takes that default; without the ``#`` it is used;
* a nested mapping is written out key by key (commented out too), and a list of
  mappings shows the form of one entry, so that the file explains every key a kind
  has, down to the seat groups' and the seats'.

As written, the file does not load yet: ``jarjestoyhteistyo check FILE`` names each
placeholder still in it. With them replaced, it loads.

>>> text = starter("open_forum")
>>> print(text[text.index("# The body's name"):].split(chr(10) * 2)[0])
# The body's name, as its decisions write it.
# required: replace the placeholder with your own value
name: "..."
>>> "#cap: 20" in text
True
>>> from jarjestoyhteistyo.io.serialize import loads
>>> loads(text.replace('"..."', "Example forum"), "ruleset").name
'Example forum'
>>> fi = starter("open_forum", "fi")
>>> print(fi[fi.index("# Toimielimen nimi"):].split(chr(10) * 2)[0])
# Toimielimen nimi siinä muodossa kuin se on päätöksissä.
# pakollinen: korvaa paikkamerkki omalla arvollasi
name: "..."
"""

from __future__ import annotations

import datetime
import difflib
import enum
import json
import textwrap
import types
import typing
from typing import Any, Final

import attrs

from jarjestoyhteistyo.errors import DocumentKindError
from jarjestoyhteistyo.i18n import Lang, Text
from jarjestoyhteistyo.io.converter import unstructure
from jarjestoyhteistyo.io.serialize import DOCUMENTS
from jarjestoyhteistyo.model.composition import Composition
from jarjestoyhteistyo.model.meanings import meaning
from jarjestoyhteistyo.model.rulesets import IntRange

__all__ = ["STARTER_KINDS", "starter"]

#: The classes :func:`starter` writes a file for, by the name ``init`` takes: every
#: tagged document's kind (the rule-set kinds and the cooperation model), then the
#: composition.
_CLASSES: Final[dict[str, type]] = {
    **{
        tag: cls
        for doc in DOCUMENTS.values()
        if doc.tagged
        for tag, cls in zip(doc.kinds, doc.classes, strict=True)
    },
    "composition": Composition,
}
#: The kinds a starter file can be written for.
STARTER_KINDS: Final[tuple[str, ...]] = tuple(_CLASSES)

#: The longest comment line (the library's YAML is written 100 wide).
_WIDTH: Final = 88
#: How many levels of nested mappings are written out key by key; deeper, a value is
#: written on one line.
_LEVELS: Final = 3
_PLACEHOLDER: Final = "..."
_DATE_PLACEHOLDER: Final = "YYYY-MM-DD"


def starter(kind: str, lang: Lang = "en") -> str:
    """A commented starter YAML document of ``kind``, its comments in ``lang``.

    ``kind`` is one of :data:`STARTER_KINDS`; any other is a
    :class:`~jarjestoyhteistyo.errors.DocumentKindError` naming them.

    >>> sv = starter("general", "sv")
    >>> print(sv[sv.index("# Vad dokumentet"):sv.index("# Organets namn")], end="")
    # Vad dokumentet är; det avgör vilka nycklar som följer.
    kind: general
    <BLANKLINE>
    >>> starter("formal_comittee")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.DocumentKindError: ... did you mean 'formal_committee'? The kinds: ...
    """
    cls = _CLASSES.get(kind)
    if cls is None:
        raise DocumentKindError(_unknown(kind))
    lines = _header(kind, cls, lang)
    tag = meaning(cls, "kind", lang) if _tagged(cls) else _kind_meaning(lang)
    lines += ["", *_comment(tag, "")]
    lines.append(f"kind: {kind}")
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        lines.append("")
        lines += _top_level(cls, field, hints[field.name], lang)
    return "\n".join(lines) + "\n"


def _unknown(kind: str) -> Text:
    kinds = ", ".join(STARTER_KINDS)
    near = difflib.get_close_matches(kind, STARTER_KINDS, n=1)
    if near:
        return Text(
            "no starter file of the kind {kind!r}; did you mean {near!r}? The kinds: {kinds}",
            kind=kind,
            near=near[0],
            kinds=kinds,
        )
    return Text("no starter file of the kind {kind!r}; the kinds: {kinds}", kind=kind, kinds=kinds)


def _tagged(cls: type) -> bool:
    return isinstance(getattr(cls, "kind", None), str)


def _kind_meaning(lang: Lang) -> str:
    """``kind:`` of a document that may say what it is (a composition)."""
    return Text("What the document is; a composition may leave it out.").text_in(lang)


def _header(kind: str, cls: type, lang: Lang) -> list[str]:
    command = (
        "jarjestoyhteistyo check FILE" if _tagged(cls) else "jarjestoyhteistyo validate RULES FILE"
    )
    texts = (
        Text(
            "A starter file of the kind {kind} for jarjestoyhteistyo, written by "
            "'jarjestoyhteistyo init'.",
            kind=kind,
        ),
        Text(
            "Each key has its meaning in a comment above it. A required key has a "
            'placeholder ("..."): replace it with your own value.'
        ),
        Text(
            "A line such as #key: value is left out, and the key takes the value shown, its "
            "default. Remove the # to use the key (for a mapping, the # of each of its lines)."
        ),
        Text(
            "A mapping you write replaces its default as a whole: a key you leave out of it "
            "takes its general default, not the value shown here."
        ),
        Text("Check the file with: {command}", command=command),
    )
    return [line for text in texts for line in _comment(text.text_in(lang), "")]


def _comment(text: str, indent: str) -> list[str]:
    """``text`` as comment lines at ``indent``, wrapped."""
    width = max(_WIDTH - len(indent) - 2, 40)
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width, break_on_hyphens=False)]


def _top_level(cls: type, field: attrs.Attribute[Any], t: Any, lang: Lang) -> list[str]:
    """One key of the document: its meaning, then the key, active when it is required."""
    comments = _comment(meaning(cls, field.name, lang), "")
    hints, lines = _key(field, t, _default(field, None), "", 0, lang)
    if field.default is attrs.NOTHING:
        return comments + hints + lines
    # the meaning stays a comment; the key and what is below it are commented out
    return comments + hints + [f"#{line}" for line in lines]


def _default(field: attrs.Attribute[Any], parent: Any) -> Any:
    """The field's default: the parent default's value, else the field's own."""
    if parent is not None:
        return getattr(parent, field.name)
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()  # type: ignore[union-attr]
    return default


def _key(
    field: attrs.Attribute[Any], t: Any, default: Any, indent: str, level: int, lang: Lang
) -> tuple[list[str], list[str]]:
    """The hint comments of one key, and its lines: the key and its nested keys."""
    required = default is attrs.NOTHING
    hints: list[str] = []
    values = _enum_of(t)
    if values is not None:
        shown = ", ".join(str(m.value) for m in values)
        hints += _comment(Text("one of: {values}", values=shown).text_in(lang), indent)
    nested, is_list = _shape(t)
    written_out = nested is not None and level < _LEVELS
    if required:  # a mapping has no placeholder of its own: its keys do
        replace = (
            Text("required")
            if written_out
            else Text("required: replace the placeholder with your own value")
        )
        hints += _comment(replace.text_in(lang), indent)
    if nested is None or not written_out:
        return hints, [f"{indent}{field.name}: {_value(default, t)}"]
    inner = indent + "  "
    if not is_list:
        parent = None if required or default is None else default
        return hints, [f"{indent}{field.name}:", *_fields(nested, parent, inner, level + 1, lang)]
    lines = [f"{indent}{field.name}:"]
    given = () if required else tuple(default or ())
    lines += [f"{inner}- {_value(entry, nested)}" for entry in given]
    intro = (
        Text("to add an entry, write one of this form:")
        if given
        else Text("each entry of the list has this form:")
    )
    lines += _comment(intro.text_in(lang), inner)
    lines.append(f"{inner}-")
    lines += _fields(nested, None, inner + "  ", level + 1, lang)
    return hints, lines


def _fields(cls: type, parent: Any, indent: str, level: int, lang: Lang) -> list[str]:
    """Every key of a nested mapping, each below its meaning."""
    hints = typing.get_type_hints(cls)
    lines: list[str] = []
    for field in attrs.fields(cls):
        default = _default(field, parent)
        comments, body = _key(field, hints[field.name], default, indent, level, lang)
        lines += _comment(meaning(cls, field.name, lang), indent) + comments + body
    return lines


def _value(value: Any, t: Any) -> str:
    """A value on one line, as JSON (which YAML reads as it is)."""
    if value is attrs.NOTHING:
        dated = datetime.date in (typing.get_args(t) or (t,))
        return json.dumps(_DATE_PLACEHOLDER if dated else _PLACEHOLDER)
    plain = unstructure(value, full=isinstance(value, IntRange))
    return json.dumps(plain, ensure_ascii=False, default=_iso)


def _iso(value: Any) -> str:
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _union_args(t: Any) -> tuple[Any, ...]:
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        return typing.get_args(t)
    return (t,)


def _shape(t: Any) -> tuple[type | None, bool]:
    """(the attrs class a key holds, whether as a list of them); a range is a value."""
    for a in _union_args(t):
        if attrs.has(a) and a is not IntRange:
            return a, False
        inner = typing.get_args(a)
        if (
            typing.get_origin(a) is tuple
            and len(inner) == 2
            and inner[1] is Ellipsis
            and attrs.has(inner[0])
        ):
            return inner[0], True
    return None, False


def _enum_of(t: Any) -> type[enum.Enum] | None:
    """The enum whose values a key takes (itself, in a union or in a list)."""
    for a in _union_args(t):
        if isinstance(a, type) and issubclass(a, enum.Enum):
            return a
        if typing.get_origin(a) in (tuple, frozenset):
            for inner in typing.get_args(a):
                found = _enum_of(inner)
                if found is not None:
                    return found
    return None
