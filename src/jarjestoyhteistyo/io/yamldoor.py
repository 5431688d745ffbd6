"""The YAML door: safe, bounded, unsurprising reading of YAML (and JSON) text.

Only safe loaders are used (libyaml's ``CSafeLoader`` when present, else the pure
Python ``SafeLoader``); no tag can construct a Python object. On top of that:

* **YAML 1.2 scalars.** Only ``true``/``false`` are booleans (``no``, ``on``, ``y``
  stay strings) and a leading zero does not make an octal number (``010`` stays the
  string ``"010"``). The converter then reports a type error with the path, instead
  of silently reading a country code or a time as something else.
* **Duplicate keys** are an error (PyYAML silently keeps the last one).
* **Limits** (:class:`Limits`): input size, nesting depth and the number of nodes
  *after alias expansion* are checked on libyaml's event stream before anything is
  built, so a "billion laughs" document or ten thousand nested brackets end with a
  :class:`~jarjestoyhteistyo.errors.LoadError`, not a hang or a crash.

>>> read_yaml("a: no\\nb: 010\\nc: 2024-05-27\\n")
{'a': 'no', 'b': '010', 'c': datetime.date(2024, 5, 27)}
>>> read_yaml("a: 1\\na: 2\\n")
Traceback (most recent call last):
...
jarjestoyhteistyo.errors.LoadError: 1 problem
  a: duplicate key 'a' (first at line 1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from jarjestoyhteistyo.errors import LimitsError, LoadError, Problem
from jarjestoyhteistyo.i18n import Text

__all__ = [
    "DEFAULT_LIMITS",
    "PARSER_MAX_DEPTH",
    "Limits",
    "join_path",
    "position_of",
    "positions",
    "read_yaml",
]

#: libyaml (PyYAML >= 6.0.4 bundles one that does this) refuses more than this many
#: nesting levels in its scanner, before the library's own depth pass sees the
#: events; :class:`Limits` therefore allows no deeper limit, so that whichever
#: parser sees a deep document first, the answer is the library's ``too-deep``.
PARSER_MAX_DEPTH = 1000

#: The libyaml scanner's own words for a document nested beyond its cap.
_SCANNER_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def _positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LimitsError(f"Limits.{attribute.name} must be a whole number of at least 1")


def _depth(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    _positive(instance, attribute, value)
    if value > PARSER_MAX_DEPTH:
        raise LimitsError(
            f"Limits.max_depth must be at most {PARSER_MAX_DEPTH} (the YAML parser's own cap)"
        )


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on a document, checked before it is built.

    ``max_bytes`` caps the text, ``max_depth`` the nesting of mappings and sequences
    (1 to :data:`PARSER_MAX_DEPTH`), ``max_nodes`` the number of nodes counting every
    alias as a full copy of what it points to (the "billion laughs" defence).

    >>> Limits(max_depth=5000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LimitsError: Limits.max_depth must be at most 1000 ...
    """

    max_bytes: int = attrs.field(default=5_000_000, validator=_positive)
    max_depth: int = attrs.field(default=100, validator=_depth)
    max_nodes: int = attrs.field(default=1_000_000, validator=_positive)


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


class _PureLoader(yaml.SafeLoader):
    """Safe loader with YAML 1.2 booleans and integers and no duplicate keys."""

    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's own class attribute


#: A loader class: PyYAML's pure-Python and libyaml loaders share no base in the stubs.
_LoaderClass = type[Any]
_LOADERS: list[_LoaderClass] = [_PureLoader]
try:  # pragma: no cover - depends on how PyYAML was built

    class _CLoader(yaml.CSafeLoader):
        """The same loader on libyaml."""

        yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's own class attribute

    _LOADERS.append(_CLoader)
    C_LOADER = True
except AttributeError:  # pragma: no cover
    C_LOADER = False


def _construct_yaml_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


_MERGE = "tag:yaml.org,2002:merge"


def _bad_key(key_node: Any) -> _DocError:
    """The problem of a key that is not a plain value (a list or a mapping)."""
    return _DocError(
        Problem.of(_line_path(key_node), "bad-key", Text("a mapping key must be a plain value"))
    )


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping whose explicit keys are unique; merge keys (``<<: *m``) follow the YAML
    merge spec: a key written here overrides a merged one (and of several merged
    mappings, ``<<: [*a, *b]``, the first one's wins), a key written twice here is a
    ``duplicate-key`` problem."""
    explicit = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE)
    loader.flatten_mapping(node)  # merged pairs first, in the order where the last wins
    merged = node.value[: len(node.value) - explicit]
    result: dict[Any, Any] = {}
    for key_node, value_node in merged:
        key = loader.construct_object(key_node, deep=True)
        try:
            result[key] = loader.construct_object(value_node, deep=True)
        except TypeError as exc:
            raise _bad_key(key_node) from exc
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value[len(merged) :]:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise _bad_key(key_node) from exc
        if key in seen:
            raise _DocError(
                Problem.of(
                    str(key),
                    "duplicate-key",
                    Text("duplicate key {key!r} (first at line {line})", key=key, line=seen[key]),
                    params={"key": str(key), "line": key_node.start_mark.line + 1},
                )
            )
        seen[key] = key_node.start_mark.line + 1
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:  # e.g. 2024-02-30: PyYAML raises a bare ValueError
        raise _DocError(
            Problem.of(
                _line_path(node),
                "bad-date",
                Text(
                    "{value!r} is not a calendar date ({reason})", value=node.value, reason=str(exc)
                ),
                params={"value": str(node.value), "line": node.start_mark.line + 1},
            )
        ) from None


def _configure(loader: _LoaderClass) -> None:
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        loader.yaml_implicit_resolvers[first] = [
            (tag, rx)
            for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")
        ]
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    # YAML 1.2 core schema floats: an exponent needs no dot (JSON writes 1e-09)
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9][0-9_]*)[eE][-+]?[0-9]+$"),
        list("-+0123456789"),
    )
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|0o[0-7_]+)$"),
        list("-+0123456789"),
    )
    loader.add_constructor("tag:yaml.org,2002:int", _construct_yaml_int)
    loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


for _loader in _LOADERS:
    _configure(_loader)
#: libyaml's loader where PyYAML was built with it, else the pure-Python one.
_Loader = _LOADERS[-1]


class _DocError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _line_path(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}"


def _too_deep(line: int, limits: Limits) -> _DocError:
    return _DocError(
        Problem.of(
            f"line {line}",
            "too-deep",
            Text("nesting deeper than {most} levels", most=limits.max_depth),
            params={"max_depth": limits.max_depth, "line": line},
        )
    )


def _check_events(text: str, limits: Limits, loader: _LoaderClass) -> None:
    """Walk libyaml's event stream (not recursive) and enforce depth and node limits."""
    depth = 0
    # one counter per open collection; anchors remember the size of their node
    stack: list[tuple[int, str | None]] = []
    sizes: dict[str, int] = {}
    total = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            add = sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            add = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            line = event.start_mark.line + 1 if event.start_mark else 0
            depth += 1
            if depth > limits.max_depth:
                raise _too_deep(line, limits)
            stack.append((total, event.anchor))
            total += 1
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            start, anchor = stack.pop()
            if anchor:
                sizes[anchor] = total - start
            continue
        else:
            continue
        total += add
        if total > limits.max_nodes:
            raise _DocError(
                Problem.of(
                    f"line {event.start_mark.line + 1 if event.start_mark else 0}",
                    "too-many-nodes",
                    Text(
                        "the document expands to more than {most} nodes (aliases count as copies)",
                        most=limits.max_nodes,
                    ),
                    params={"max_nodes": limits.max_nodes},
                )
            )


def read_yaml(
    text: str | bytes,
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    pure_python: bool = False,
) -> Any:
    """Parse YAML (or JSON, which is YAML) text safely within ``limits``.

    Raises :class:`~jarjestoyhteistyo.errors.LoadError` for text that is not valid
    YAML, is not UTF-8, holds duplicate keys, unsupported tags, or exceeds the limits.
    The answer is the same whichever parser reads the text: ``pure_python=True``
    uses PyYAML's pure-Python loader even where libyaml is present (slower; for
    comparing the two).

    >>> read_yaml("[" * 5000 + "]" * 5000)
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.LoadError: 1 problem
      line 1: nesting deeper than 100 levels
    """
    loader = _PureLoader if pure_python else _Loader
    if isinstance(text, bytes):
        if len(text) > limits.max_bytes:
            raise LoadError([_too_big(len(text), limits)], source=source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(
                [
                    Problem.of(
                        "$",
                        "not-utf8",
                        Text("the file is not UTF-8 text (byte {offset})", offset=exc.start),
                        params={"offset": exc.start},
                    )
                ],
                source=source,
            ) from None
    if len(text) > limits.max_bytes:
        raise LoadError([_too_big(len(text), limits)], source=source)
    try:
        _check_events(text, limits, loader)
        return yaml.load(text, Loader=loader)
    except _DocError as exc:
        raise LoadError([exc.problem], source=source) from None
    except RecursionError:
        # the pure-Python constructor recurses once per level; the limits are checked
        # first, so only a raised limit can reach this
        problem = Problem.of(
            "$",
            "too-deep",
            Text("nesting too deep to build with the pure-Python parser"),
            params={"max_depth": limits.max_depth},
        )
        raise LoadError([problem], source=source) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if exc.problem == _SCANNER_DEPTH_PROBLEM:
            # libyaml's own nesting cap, met while scanning ahead of the events
            line = mark.line + 1 if mark else 1
            raise LoadError([_too_deep(line, limits).problem], source=source) from None
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "$"
        raise LoadError(
            [
                Problem.of(
                    where,
                    "bad-yaml",
                    Text("not valid YAML: {reason}", reason=str(exc.problem or exc)),
                    params={"line": mark.line + 1 if mark else None},
                )
            ],
            source=source,
        ) from None
    except (yaml.YAMLError, ValueError) as exc:
        # PyYAML raises a plain ValueError for e.g. an invalid date such as 2024-02-30
        raise LoadError(
            [Problem.of("$", "bad-yaml", Text("not valid YAML: {reason}", reason=str(exc)))],
            source=source,
        ) from None


def _too_big(size: int, limits: Limits) -> Problem:
    return Problem.of(
        "$",
        "too-large",
        Text("the document is {size} bytes; the limit is {most}", size=size, most=limits.max_bytes),
        params={"size": size, "max_bytes": limits.max_bytes},
    )


def join_path(path: str, key: object) -> str:
    """``path`` and one key or index below it, as the converter writes a finding's path
    (``seats[3].organisation``; an odd key in brackets: ``a['x.y']``)."""
    if isinstance(key, int):
        return f"{path}[{key}]" if path != "$" else f"[{key}]"
    part = str(key)
    if not part.strip() or any(c in part for c in ".[]"):
        return f"{path}[{part!r}]" if path != "$" else f"$[{part!r}]"
    return part if path == "$" else f"{path}.{part}"


def positions(text: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> dict[str, tuple[int, int]]:
    """Where each path of a YAML (or JSON) document is written: ``path`` → 1-based
    ``(line, column)`` of its key (a mapping's entry) or of the item (a list's), for
    pointing a finding into the file (``composition.yaml:12:5``); ``$`` is the document.

    The text is held to ``limits`` like every read; a text that does not parse has no
    positions (an empty mapping), as its load has already said why.

    >>> where = positions("name: X\\nseats:\\n  - id: m1\\n  - id: m2\\n")
    >>> where["seats"], where["seats[1]"], where["seats[1].id"]
    ((2, 1), (4, 5), (4, 5))
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            return {}
    if len(text) > limits.max_bytes:
        return {}
    try:
        _check_events(text, limits, _Loader)
        root = yaml.compose(text, Loader=_Loader)
    except (_DocError, yaml.YAMLError, ValueError, RecursionError):
        return {}
    out: dict[str, tuple[int, int]] = {}
    if root is None:
        return out
    out["$"] = (root.start_mark.line + 1, root.start_mark.column + 1)
    stack: list[tuple[str, yaml.Node]] = [("$", root)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                inner = join_path(path, key.value)
                out.setdefault(inner, (key.start_mark.line + 1, key.start_mark.column + 1))
                stack.append((inner, value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                inner = join_path(path, i)
                out.setdefault(inner, (item.start_mark.line + 1, item.start_mark.column + 1))
                stack.append((inner, item))
    return out


def position_of(where: Mapping[str, tuple[int, int]], path: str) -> tuple[int, int] | None:
    """The position of ``path``, else of its nearest written ancestor (a finding about a
    key that is missing points at the mapping that lacks it); ``None`` when nothing of
    it is written.

    >>> position_of(positions("seats:\\n  - id: m1\\n"), "seats[0].organisation")
    (2, 5)
    """
    while True:
        if path in where:
            return where[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return where.get("$") if path != "$" else None
        path = path[:cut]
