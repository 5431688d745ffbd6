"""Sphinx directives that generate reference tables from the code, so they cannot go stale.

* ``.. jy-codes::`` — every finding code of :data:`jarjestoyhteistyo.catalogue.CATALOGUE`;
* ``.. jy-rules::`` — every rule of :func:`jarjestoyhteistyo.rulebook.all_rules`, its text
  in Finnish, Swedish and English, source, kinds and codes;
* ``.. jy-yaml-reference:: KIND`` — the YAML keys of a rule-set kind of
  :data:`jarjestoyhteistyo.model.rulesets.KINDS`, nested classes as dotted paths;
* ``.. jy-bounds::`` — the bound of every number field of every document
  (:data:`jarjestoyhteistyo.model.bounds.FIELDS`), with its reason;
* ``.. jy-presets::`` — the shipped presets of :func:`jarjestoyhteistyo.presets.list_presets`;
* ``.. jy-preset-sources:: NAME`` — a body preset's values with their sources or decisions;
* ``.. jy-exports::`` — what the package root re-exports, linked to where it lives.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import types
import typing
from typing import Any

import attrs
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

Cell = str | nodes.Node


def _cell(value: Cell) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.paragraph):
        entry += value
    elif isinstance(value, nodes.Node):
        entry += nodes.paragraph("", "", value)
    else:
        entry += nodes.paragraph(text=value)
    return entry


def _table(
    headers: list[str],
    widths: list[int],
    rows: list[list[Cell]],
    ids: list[str] | None = None,
    classes: list[str] | None = None,
) -> nodes.table:
    """A docutils table; ``ids`` gives each row an anchor (e.g. ``code-JY203``).

    Every table has the class ``jy-table`` (``docs/_static/jy.css``: the page's width,
    cells that wrap), and ``classes`` besides."""
    group = nodes.tgroup(cols=len(headers))
    group += [nodes.colspec(colwidth=w) for w in widths]
    head = nodes.thead()
    head += nodes.row("", *(_cell(h) for h in headers))
    body = nodes.tbody()
    for i, cells in enumerate(rows):
        row = nodes.row("", *(_cell(c) for c in cells))
        if ids:
            row["ids"].append(nodes.make_id(ids[i]))
        body += row
    group += [head, body]
    # colwidths-given: the HTML states the widths (as shares of the page's width)
    table = nodes.table(classes=["jy-table", "colwidths-given", *(classes or [])])
    table += group
    return table


def _depend_on_package(directive: SphinxDirective) -> None:
    """Re-read the page on an incremental build when any module of the package changes."""
    from pathlib import Path

    import jarjestoyhteistyo

    root = Path(jarjestoyhteistyo.__file__).parent
    for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.yaml")):
        directive.env.note_dependency(str(path))


def _lit(text: str) -> nodes.literal:
    return nodes.literal(text=text)


def _key(key: str) -> nodes.literal:
    """A YAML key as code that may break after each dot and underscore: ``<wbr>`` (HTML
    only) lets a long dotted key wrap in a narrow column and still copies as written,
    which a zero-width space would not."""
    key_node = nodes.literal()
    for part in re.split(r"(?<=[._])", key):
        if len(key_node):
            key_node += nodes.raw("", "<wbr>", format="html")
        key_node += nodes.Text(part)
    return key_node


def _literals(texts: list[str]) -> nodes.paragraph:
    """``a``, ``b``, ``c`` as one paragraph, each breaking after ``_`` or ``.``."""
    para = nodes.paragraph()
    for i, text in enumerate(texts):
        para += [nodes.Text(", ")] if i else []
        para += _key(text)
    return para


def _rule_link(rule_id: str) -> nodes.reference:
    """``FC-9`` linked to its entry on the rules page (a sibling of the codes page)."""
    return nodes.reference(rule_id, rule_id, refuri=f"rules.html#rule-{rule_id.lower()}")


class CodesDirective(SphinxDirective):
    """``.. jy-codes::`` — the finding-code catalogue."""

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.catalogue import CATALOGUE

        _depend_on_package(self)
        rows: list[list[Cell]] = [
            [
                _lit(c.code),
                _rule_link(c.rule),
                c.severity.value,
                c.title,
                _lit(c.en),
                c.fix,
                _literals(sorted(c.kinds | {k for k, _ in c.other_rules})) if c.kinds else "all",
                _literals(sorted(c.tags)) if c.tags else "",
            ]
            for c in CATALOGUE
        ]
        headers = [
            "Code",
            "Rule",
            "Default severity",
            "Title",
            "Message (English template)",
            "Fix",
            "Kinds",
            "Tags",
        ]
        widths = [8, 8, 9, 14, 22, 21, 11, 7]
        ids = [f"code-{c.code}" for c in CATALOGUE]
        return [_table(headers, widths, rows, ids=ids, classes=["jy-codes"])]


class RulesDirective(SphinxDirective):
    """``.. jy-rules::`` — the rule catalogue, one entry per rule with an anchor
    (``#rule-fc-9``); its codes link to the codes page."""

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.rulebook import LANGUAGES, all_rules

        _depend_on_package(self)
        lines: list[str] = []

        def codes(ids: tuple[str, ...]) -> str:
            return ", ".join(f"`{c} <codes.html#code-{c.lower()}>`__" for c in ids)

        for r in all_rules():
            title = f"{r.id} — {r.title.en}"
            lines += [f".. _rule-{r.id.lower()}:", "", title, "-" * len(title), ""]
            for lang in LANGUAGES:
                lines += [f":{lang}: **{r.title.in_lang(lang)}.** {r.text.in_lang(lang)}"]
            d = r.source.document
            lines += [f":Source: *{d.title}* ({d.publisher}; {d.en}): {r.source.section}"]
            lines += [f":Written for: {', '.join(f'``{k}``' for k in r.kinds)}"]
            cited = "; ".join(f"``{k}``: {codes(v)}" for k, v in r.cited_in.items())
            lines += [f":Codes: {cited or 'none: the library cites it in its documentation only'}"]
            if r.chosen_by:
                lines += [f":Also: {codes(r.chosen_by)} (the check chooses the rule)"]
            if r.elsewhere is not None:
                for lang in LANGUAGES:
                    lines += [f":Elsewhere ({lang}): {r.elsewhere.in_lang(lang)}"]
            lines += [""]
        container = nodes.container()
        nested_parse_with_titles(self.state, StringList(lines, source="rulebook.yaml"), container)
        return list(container.children)


# ------------------------------------------------------------------ YAML reference
_WORDS = {
    str: "text",
    int: "whole number",
    float: "number",
    bool: "true / false",
    datetime.date: "date (YYYY-MM-DD)",
}


def _union_args(t: Any) -> tuple[Any, ...] | None:
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        return typing.get_args(t)
    return None


def _words(t: Any) -> str:
    """A type in plain words."""
    from jarjestoyhteistyo.io.converter import SHORTHANDS

    if (args := _union_args(t)) is not None:
        return " or ".join("null" if a is type(None) else _words(a) for a in args)
    if t in _WORDS:
        return _WORDS[t]
    from jarjestoyhteistyo.model.rulesets import IntRange

    if t is IntRange:
        return "range: {min, max}, one number (exactly) or text 4-6"
    if t in SHORTHANDS:
        return f"text ({SHORTHANDS[t]}) or mapping"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return "one of the allowed values"
    if attrs.has(t):
        return "mapping"
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"list of {_words(args[0])}"
    if origin is tuple:
        return f"list of {len(args)}: [{', '.join(_words(a) for a in args)}]"
    if origin is frozenset:
        return f"list of {_words(args[0])} (order ignored)"
    return getattr(t, "__name__", str(t))


def _enum_of(t: Any) -> type[enum.Enum] | None:
    for a in _union_args(t) or (t,):
        if isinstance(a, type) and issubclass(a, enum.Enum):
            return a
        inner = typing.get_args(a)
        if typing.get_origin(a) in (tuple, frozenset) and inner:
            found = _enum_of(inner[0])
            if found is not None:
                return found
    return None


def _nested(t: Any) -> tuple[type | None, bool]:
    """(attrs class to recurse into, whether it is a list of them)."""
    for a in _union_args(t) or (t,):
        if attrs.has(a):
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


def _show(value: Any) -> str:
    from jarjestoyhteistyo.io.converter import SHORTHANDS
    from jarjestoyhteistyo.io.serialize import unstructure

    if value is attrs.NOTHING:
        return "required"
    if (
        isinstance(value, tuple)
        and value
        and attrs.has(type(value[0]))
        and type(value[0]) not in SHORTHANDS
    ):
        return f"{len(value)} built-in entries"
    plain = unstructure(value)
    if isinstance(plain, datetime.date):
        return plain.isoformat()
    return json.dumps(plain, ensure_ascii=False)


def _bound(cls: type, name: str, t: Any) -> str:
    """The bound of a number or date field (:mod:`jarjestoyhteistyo.model.bounds`)."""
    from jarjestoyhteistyo.model.bounds import FIRST_YEAR, LAST_YEAR, bound_of

    bound = bound_of(cls, name)
    if bound is not None:
        return f"{bound} ({bound.reason})"
    if datetime.date in (typing.get_args(t) or (t,)):
        return f"a date in {FIRST_YEAR}–{LAST_YEAR}"
    return ""


def _yaml_rows(cls: type, prefix: str, parent_default: Any, depth: int = 0) -> list[list[Cell]]:
    """Key, meaning (:func:`jarjestoyhteistyo.model.meanings.meaning`), type, default and
    allowed values of every field of ``cls``, nested classes as dotted keys below."""
    from jarjestoyhteistyo.model.meanings import meaning

    hints = typing.get_type_hints(cls)
    rows: list[list[Cell]] = []
    for field in attrs.fields(cls):
        t = hints[field.name]
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()  # type: ignore[union-attr]
        if parent_default is not None and parent_default is not attrs.NOTHING:
            default = getattr(parent_default, field.name)
        key = f"{prefix}{field.name}"
        nested, is_list = _nested(t)
        values = _enum_of(t)
        allowed: Cell = (
            _literals([str(m.value) for m in values]) if values else _bound(cls, field.name, t)
        )
        shown = (
            _show(default)
            if not (nested and not is_list and default not in (None, attrs.NOTHING))
            else "see below"
        )
        rows.append([_key(key), meaning(cls, field.name), _words(t), shown, allowed])
        if nested is not None and depth < 4:
            sub_default = None if is_list or default is None else default
            rows += _yaml_rows(
                nested, f"{key}[]." if is_list else f"{key}.", sub_default, depth + 1
            )
    return rows


class YamlReferenceDirective(SphinxDirective):
    """``.. jy-yaml-reference:: formal_committee`` — YAML keys of a rule-set kind."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.io.serialize import DOCUMENTS

        _depend_on_package(self)
        kind = self.arguments[0]
        # every tagged document: the bodies' kinds and a city's cooperation model
        known: dict[str, type] = {
            tag: cls
            for doc in DOCUMENTS.values()
            if doc.tagged
            for tag, cls in zip(doc.kinds, doc.classes, strict=True)
        }
        if kind not in known:
            raise self.error(f"unknown rule-set kind {kind!r}; known: {', '.join(known)}")
        cls = known[kind]
        from jarjestoyhteistyo.model.meanings import meaning

        rows: list[list[Cell]] = [
            [_key("kind"), meaning(cls, "kind"), "text", "required", _lit(kind)]
        ]
        rows += _yaml_rows(cls, "", None)
        headers = ["Key", "Meaning", "Type", "Default", "Allowed values"]
        return [_table(headers, [20, 31, 14, 13, 22], rows, classes=["jy-yaml"])]


class BoundsDirective(SphinxDirective):
    """``.. jy-bounds::`` — every bounded field of every document, with its bound."""

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.model.bounds import FIELDS

        _depend_on_package(self)
        rows: list[list[Cell]] = [
            [_key(key.lstrip("_")), str(bound), bound.reason] for key, bound in FIELDS.items()
        ]
        return [_table(["Class.field", "Bound", "Why"], [40, 25, 35], rows)]


class VocabularyDirective(SphinxDirective):
    """``.. jy-vocabulary::`` — every value a document takes with its Finnish, Swedish
    and English word (:data:`~jarjestoyhteistyo.model.vocabulary.VOCABULARY`)."""

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.model.vocabulary import VOCABULARY

        _depend_on_package(self)
        rows: list[list[Cell]] = [
            [
                type(member).__name__,
                _key(str(member.value)),
                labels.fi or "",
                labels.sv or "",
                labels.en or "",
            ]
            for member, labels in VOCABULARY.items()
        ]
        return [_table(["Of", "Value", "Suomeksi", "På svenska", "In English"],
                       [16, 24, 20, 20, 20], rows)]  # fmt: skip


class PresetsDirective(SphinxDirective):
    """``.. jy-presets::`` — the shipped presets with their aliases."""

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.presets import list_presets

        _depend_on_package(self)
        rows: list[list[Cell]] = []
        for p in list_presets():
            pairs = zip(p.aliases, p.alias_languages, strict=True)  # every header gives both
            aliases = [f"{alias} ({lang})" for alias, lang in pairs]
            towns = p.area.municipalities
            area = ", ".join(m.fi if m.sv == m.fi else f"{m.fi} ({m.sv})" for m in towns)
            row: list[Cell] = [_key(p.name), _key(p.kind), p.title, p.source, _literals(aliases)]
            rows.append([*row, f"{area} — {p.area.source}" if area else ""])
        headers = ["Name", "Kind", "Title", "Source", "Aliases", "Municipalities (source)"]
        return [_table(headers, [14, 12, 20, 16, 18, 20], rows)]


class PresetSourcesDirective(SphinxDirective):
    """``.. jy-preset-sources:: NAME`` — every value of a preset (a body or a cooperation
    model) with where it
    comes from: its source (document and section) or the decision and its reason
    (:func:`jarjestoyhteistyo.io.provenance.sourced_values`, as ``show --sources``)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from jarjestoyhteistyo.io.provenance import sourced_values
        from jarjestoyhteistyo.presets import (
            COOPERATION_KIND,
            load_cooperation_preset,
            load_preset,
            resolve_preset,
        )

        _depend_on_package(self)
        name = self.arguments[0]
        cooperation = resolve_preset(name).kind == COOPERATION_KIND
        preset = load_cooperation_preset(name) if cooperation else load_preset(name)
        rows: list[list[Cell]] = []
        for row in sourced_values(preset):
            p = row.provenance
            says = "— none given —" if p is None else p.source or ""
            decision = "" if p is None else p.decision
            rows.append([_key(row.path), str(row.value), says, decision])
        headers = ["Value", "As written", "Source", "Decision (its reason)"]
        return [_table(headers, [22, 30, 24, 24], rows)]


class ExportsDirective(SphinxDirective):
    """``.. jy-exports::`` — the package root's ``__all__``, linked to each home module.

    The content lists the submodules to look in (one a line), in order.
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        import importlib

        import jarjestoyhteistyo as jy

        modules = [importlib.import_module(f"jarjestoyhteistyo.{m}") for m in self.content]
        lines = []
        for name in jy.__all__:
            home = next((m.__name__ for m in modules if name in getattr(m, "__all__", ())), None)
            if name.startswith("__"):
                continue
            if home is None:  # not in a listed module: shown, but without a link
                lines.append(f"* ``jarjestoyhteistyo.{name}``")
            else:
                lines.append(f"* :py:obj:`{name} <{home}.{name}>` — from :py:mod:`{home}`")
        container = nodes.container()
        self.state.nested_parse(StringList(lines, source="jy-exports"), 0, container)
        return container.children


# ------------------------------------------------------------------ autodoc hooks
def _short_signature(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    annotation: str | None,
) -> tuple[str, str | None] | None:
    """Attrs classes: keyword names, with a default only where it is short."""
    if what != "class" or not attrs.has(obj):
        return None
    parts = []
    for f in attrs.fields(obj):
        if not f.init:
            continue
        default = f.default
        if default is attrs.NOTHING:
            parts.append(f.name)
        else:
            if isinstance(default, enum.Enum):
                text = f"{type(default).__name__}.{default.name}"
            else:
                text = "…" if isinstance(default, attrs.Factory) else repr(default)  # type: ignore[arg-type]
            parts.append(f"{f.name}={text if len(text) <= 24 else '…'}")
    return f"(*, {', '.join(parts)})", annotation


def _enum_values(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Enums: list the values (as written in YAML) under the docstring."""
    if what == "class" and isinstance(obj, type) and issubclass(obj, enum.Enum):
        lines += ["", "Values: " + ", ".join(f"``{m.value}``" for m in obj), ""]


def setup(app: Any) -> dict[str, Any]:
    app.connect("autodoc-process-signature", _short_signature)
    app.connect("autodoc-process-docstring", _enum_values)
    app.add_directive("jy-codes", CodesDirective)
    app.add_directive("jy-rules", RulesDirective)
    app.add_directive("jy-yaml-reference", YamlReferenceDirective)
    app.add_directive("jy-bounds", BoundsDirective)
    app.add_directive("jy-presets", PresetsDirective)
    app.add_directive("jy-preset-sources", PresetSourcesDirective)
    app.add_directive("jy-vocabulary", VocabularyDirective)
    app.add_directive("jy-exports", ExportsDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
