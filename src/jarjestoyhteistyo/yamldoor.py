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
from typing import Any, ClassVar

import attrs
import yaml

from jarjestoyhteistyo.errors import LoadError, Problem

__all__ = ["DEFAULT_LIMITS", "Limits", "read_yaml"]

try:  # pragma: no cover - depends on how PyYAML was built
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    C_LOADER = True
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader
    C_LOADER = False


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on a document, checked before it is built.

    ``max_bytes`` caps the text, ``max_depth`` the nesting of mappings and sequences,
    ``max_nodes`` the number of nodes counting every alias as a full copy of what it
    points to (the "billion laughs" defence).
    """

    max_bytes: int = 5_000_000
    max_depth: int = 100
    max_nodes: int = 1_000_000


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader with YAML 1.2 booleans and integers and no duplicate keys."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}


for _first, _resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, rx)
        for tag, rx in _resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")
    ]
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.2 core schema floats: an exponent needs no dot (JSON writes 1e-09)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|0o[0-7_]+)$"),
    list("-+0123456789"),
)


def _construct_yaml_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise _DocError(
                Problem(
                    path=_line_path(key_node),
                    code="bad-key",
                    message="a mapping key must be a plain value",
                )
            ) from exc
        if key in seen:
            raise _DocError(
                Problem(
                    path=str(key),
                    code="duplicate-key",
                    message=f"duplicate key {key!r} (first at line {seen[key]})",
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
            Problem(
                path=_line_path(node),
                code="bad-date",
                message=f"{node.value!r} is not a calendar date ({exc})",
                params={"value": str(node.value), "line": node.start_mark.line + 1},
            )
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class _DocError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _line_path(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}"


def _check_events(text: str, limits: Limits) -> None:
    """Walk libyaml's event stream (not recursive) and enforce depth and node limits."""
    depth = 0
    # one counter per open collection; anchors remember the size of their node
    stack: list[tuple[int, str | None]] = []
    sizes: dict[str, int] = {}
    total = 0
    for event in yaml.parse(text, Loader=_Loader):
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
                raise _DocError(
                    Problem(
                        path=f"line {line}",
                        code="too-deep",
                        message=f"nesting deeper than {limits.max_depth} levels",
                        params={"max_depth": limits.max_depth},
                    )
                )
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
                Problem(
                    path=f"line {event.start_mark.line + 1 if event.start_mark else 0}",
                    code="too-many-nodes",
                    message=(
                        f"the document expands to more than {limits.max_nodes} nodes"
                        " (aliases count as copies)"
                    ),
                    params={"max_nodes": limits.max_nodes},
                )
            )


def read_yaml(
    text: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Parse YAML (or JSON, which is YAML) text safely within ``limits``.

    Raises :class:`~jarjestoyhteistyo.errors.LoadError` for text that is not valid
    YAML, is not UTF-8, holds duplicate keys, unsupported tags, or exceeds the limits.
    """
    if isinstance(text, bytes):
        if len(text) > limits.max_bytes:
            raise LoadError([_too_big(len(text), limits)], source=source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError(
                [
                    Problem(
                        path="$",
                        code="not-utf8",
                        message=f"the file is not UTF-8 text (byte {exc.start})",
                        params={"offset": exc.start},
                    )
                ],
                source=source,
            ) from None
    if len(text) > limits.max_bytes:
        raise LoadError([_too_big(len(text), limits)], source=source)
    try:
        _check_events(text, limits)
        return yaml.load(text, Loader=_Loader)
    except _DocError as exc:
        raise LoadError([exc.problem], source=source) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "$"
        raise LoadError(
            [
                Problem(
                    path=where,
                    code="bad-yaml",
                    message=f"not valid YAML: {exc.problem or exc}",
                    params={"line": mark.line + 1 if mark else None},
                )
            ],
            source=source,
        ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        # PyYAML raises a plain ValueError for e.g. an invalid date such as 2024-02-30
        raise LoadError(
            [Problem(path="$", code="bad-yaml", message=f"not valid YAML: {exc}")],
            source=source,
        ) from None


def _too_big(size: int, limits: Limits) -> Problem:
    return Problem(
        path="$",
        code="too-large",
        message=f"the document is {size} bytes; the limit is {limits.max_bytes}",
        params={"size": size, "max_bytes": limits.max_bytes},
    )
