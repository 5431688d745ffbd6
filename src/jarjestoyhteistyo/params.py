"""Read-only parameters: the details a finding or a load problem carries.

:class:`Params` is a mapping that cannot be changed, nested lists and mappings frozen
too, so a :class:`~jarjestoyhteistyo.findings.Finding` handed to a caller stays what
the check made it. It lives below :mod:`jarjestoyhteistyo.findings` and
:mod:`jarjestoyhteistyo.errors`, which both carry parameters
(:mod:`jarjestoyhteistyo.findings` re-exports it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["Params", "freeze_params"]


class Params(Mapping[str, Any]):
    """A read-only mapping of a finding's or problem's parameters.

    A cached result (a parsed schedule phrase, a rule's table) hands the same finding to
    every caller, so its parameters cannot be changed by one of them: lists become
    tuples, sets frozensets and mappings :class:`Params`, all at construction.

    >>> p = freeze_params({"groups": ["a", "b"]})
    >>> p["groups"], p == {"groups": ("a", "b")}
    (('a', 'b'), True)
    >>> p["groups"] = []
    Traceback (most recent call last):
    ...
    TypeError: 'Params' object does not support item assignment
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = {k: _frozen(v) for k, v in (data or {}).items()}

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Params({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Params, (self._data,))


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(v) for v in value)
    if isinstance(value, Mapping):
        return value if isinstance(value, Params) else Params(value)
    return value


def freeze_params(params: Mapping[str, Any] | None) -> Params:
    """``params`` as :class:`Params` (itself if it already is)."""
    return params if isinstance(params, Params) else Params(params)
