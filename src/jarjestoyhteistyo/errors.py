"""Exceptions raised for *unusable input*.

Rule violations are never exceptions: they are :class:`~jarjestoyhteistyo.findings.Finding`
objects in a :class:`~jarjestoyhteistyo.findings.Report`. An exception means the input
could not be read at all: a missing file, text that is not YAML, a wrong type, an
unknown key. Every exception the library raises on purpose derives from
:class:`JarjestoError`, so a caller can catch that one class.

>>> from jarjestoyhteistyo import LoadError, JarjestoError
>>> issubclass(LoadError, JarjestoError)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "DocumentKindError",
    "JarjestoError",
    "LimitsError",
    "LoadError",
    "PresetNotFoundError",
    "Problem",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One reason why an input could not be read.

    ``path`` points into the document (``meetings.per_year.min``, ``seats[3]``; ``$`` is
    the document itself), ``code`` is stable (``unknown-key``, ``wrong-type``, ...)
    and ``params`` carries the details a caller needs to translate the message.
    """

    path: str
    code: str
    message: str
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class JarjestoError(Exception):
    """Base class of every exception that the library raises on purpose."""


class LoadError(JarjestoError, ValueError):
    """An input could not be loaded; :attr:`problems` lists *every* problem found.

    Raised by the loaders (:func:`~jarjestoyhteistyo.serialize.load_ruleset`,
    :func:`~jarjestoyhteistyo.serialize.load_composition`, ...) for a missing or unreadable
    file, text that is not YAML/JSON, a document over the size limits, wrong types,
    missing required keys and unknown keys.
    """

    def __init__(self, problems: Sequence[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems)
        super().__init__(f"{head}{count} problem{'s' if count != 1 else ''}\n{lines}")


class DocumentKindError(JarjestoError, KeyError):
    """No document kind has this name (see :data:`~jarjestoyhteistyo.serialize.DOCUMENTS`)."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class LimitsError(JarjestoError, ValueError):
    """A :class:`~jarjestoyhteistyo.yamldoor.Limits` value outside what can be enforced."""


class PresetNotFoundError(JarjestoError, KeyError):
    """No shipped preset has this name or alias; the message lists the known names."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""
