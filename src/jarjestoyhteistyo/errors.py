"""Every exception the library raises on purpose, in one module.

Rule violations are never exceptions: they are :class:`~jarjestoyhteistyo.findings.Finding`
objects in a :class:`~jarjestoyhteistyo.findings.Report`. An exception means the input
could not be used at all: a missing file, text that is not YAML, a wrong type, an
unknown key, an argument outside what a function can compute with, or a missing
optional library. Every exception the library raises on purpose derives from
:class:`JarjestoError`, so a caller can catch that one class, *and* from the builtin
that fits it (:class:`ValueError`, :class:`KeyError`, :class:`TypeError`,
:class:`ImportError`), so ``except ValueError`` keeps working too.

>>> from jarjestoyhteistyo import LoadError, JarjestoError
>>> issubclass(LoadError, JarjestoError), issubclass(LoadError, ValueError)
(True, True)
>>> from jarjestoyhteistyo.analysis.compare import compare
>>> try:
...     compare()
... except JarjestoError as exc:
...     print(type(exc).__name__, isinstance(exc, ValueError), exc)
ComparisonError True compare() needs at least one structure

The modules that raise an error import it from here, and the older homes still name
the same class (``jarjestoyhteistyo.calc.terms.TermError is TermError``).

Six private exceptions stay in their four modules: ``ecosystem._CellError``,
``schedule._PartError``, ``converter._TypeProblem`` / ``_KindProblem`` / ``_RangeProblem`` and
``yamldoor._DocError`` carry a problem from deep inside a parser to the place that
turns it into a :class:`Problem` or a finding. They are caught in their own module
and never reach a caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from jarjestoyhteistyo.i18n import Translatable, ngettext
from jarjestoyhteistyo.params import Params, freeze_params

__all__ = [
    "CatalogueError",
    "ComparisonError",
    "DocumentKindError",
    "GenerateError",
    "InvalidValueError",
    "JarjestoError",
    "LimitsError",
    "LoadError",
    "MeetingError",
    "MissingDependencyError",
    "NotFoundError",
    "PresetKindError",
    "PresetNotFoundError",
    "Problem",
    "RedactionKeyError",
    "RenderError",
    "RotationError",
    "SelectionError",
    "SimulationError",
    "SuccessionError",
    "TermError",
    "UnsupportedTypeError",
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
    params: Mapping[str, Any] = attrs.field(factory=Params, converter=freeze_params)
    #: The message in every language (a :class:`~jarjestoyhteistyo.i18n.Text`); ``None``:
    #: :attr:`message` is English only.
    text: Translatable | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(
        cls, path: str, code: str, text: Translatable, *, params: Mapping[str, Any] | None = None
    ) -> Problem:
        """A problem whose message is ``text`` (:attr:`message`: its English)."""
        return cls(path=path, code=code, message=text.text_in("en"), params=params, text=text)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``fi``, ``sv``, ``en``): English where the problem
        has no translation.

        >>> from jarjestoyhteistyo.io.serialize import loads
        >>> try:
        ...     loads("kind: general\\nname: N\\narea: A\\ncap: lots\\n", "ruleset")
        ... except LoadError as exc:
        ...     print(exc.problems[0].message_in("sv"))
        ska vara ett heltal, men är texten 'lots'
        """
        return self.message if self.text is None else self.text.text_in(lang)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class JarjestoError(Exception):
    """Base class of every exception that the library raises on purpose.

    Raised with a :class:`~jarjestoyhteistyo.i18n.Text`, the error says its reason in
    every language (:meth:`message_in`); ``str()`` of it is the English, as for any
    exception. Raised with a plain string, that string is the message in every language.

    >>> from jarjestoyhteistyo.i18n import Text
    >>> exc = JarjestoError(Text("only one input can be read from stdin ('-')"))
    >>> print(exc)
    only one input can be read from stdin ('-')
    >>> print(exc.message_in("sv"))
    bara en indata kan läsas från standardinmatningen ('-')
    """

    def __init__(self, *args: object) -> None:
        first = args[0] if args else None
        #: The reason in every language; ``None``: the message is the string given.
        self.text: Translatable | None = first if isinstance(first, Translatable) else None
        if self.text is not None:
            args = (self.text.text_in("en"), *args[1:])
        super().__init__(*args)

    def message_in(self, lang: str) -> str:
        """The reason in ``lang`` (English where the error has no translation)."""
        if self.text is not None:
            return self.text.text_in(lang)
        return str(self.args[0]) if self.args else ""


class LoadError(JarjestoError, ValueError):
    """An input could not be loaded; :attr:`problems` lists *every* problem found.

    Raised by the loaders (:func:`~jarjestoyhteistyo.io.serialize.load_ruleset`,
    :func:`~jarjestoyhteistyo.io.serialize.load_composition`, ...) for a missing or unreadable
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

    def message_in(self, lang: str) -> str:
        """The message in ``lang``: the count of problems, then each problem.

        >>> e = LoadError([Problem(path="name", code="missing-key", message="required")])
        >>> e.message_in("fi").splitlines()[0]
        '1 ongelma'
        """
        head = f"{self.source}: " if self.source else ""
        n = len(self.problems)
        count = ngettext(lang, "{n} problem", "{n} problems", n).format(n=n)
        lines = "\n".join(f"  {p.path}: {p.message_in(lang)}" for p in self.problems)
        return f"{head}{count}\n{lines}"


class LimitsError(JarjestoError, ValueError):
    """A :class:`~jarjestoyhteistyo.io.yamldoor.Limits` value outside what can be enforced."""


class InvalidValueError(JarjestoError, ValueError):
    """A model object was given a field value it cannot hold: an empty name, month 13,
    a negative amount. The loaders report it as an ``invalid-value`` :class:`Problem`.

    >>> from jarjestoyhteistyo.model.composition import Organisation
    >>> Organisation(id=" ", name="Association")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.InvalidValueError: id must not be empty
    """


class NotFoundError(JarjestoError, KeyError):
    """Nothing has this name or id: a scorecard criterion, a row of a comparison, a node
    of a diagram, an organisation's explanation, a JSON Schema, a preset.

    >>> from jarjestoyhteistyo.io.schema import json_schema
    >>> json_schema("agenda")
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.DocumentKindError: no document 'agenda' (documents: ...)
    """

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class DocumentKindError(NotFoundError):
    """No document kind has this name (see :data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`)."""


class PresetNotFoundError(NotFoundError):
    """No shipped preset has this name or alias; the message lists the known names."""


class PresetKindError(JarjestoError, TypeError):
    """The preset exists but is of the other family (a body vs a cooperation model)."""


class UnsupportedTypeError(JarjestoError, TypeError):
    """A value or type the library cannot write: JSON output of an object the converter
    does not know, a JSON Schema for a field type no model uses.

    >>> from jarjestoyhteistyo.io.serialize import dump_json
    >>> dump_json(object())
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.UnsupportedTypeError: not JSON serialisable: object
    """


class MissingDependencyError(JarjestoError, ImportError):
    """An optional library is not installed; the message names the extra to install
    (``pip install 'jarjestoyhteistyo[pandas]'``, ``[plot]``)."""


class CatalogueError(JarjestoError, ValueError):
    """Two different finding codes were registered under one id (a bug in a module)."""


class ComparisonError(JarjestoError, ValueError):
    """Structures cannot be compared or scored as asked: no structure, labels that do not
    fit, an unknown scorecard criterion, a negative weight or fee, all weights zero."""


class GenerateError(JarjestoError, ValueError):
    """No example can be generated as asked.

    Raised for a rule or code that :func:`~jarjestoyhteistyo.fictional.generate.generate` cannot
    break in the rule set (not applicable to its kind, or the rule set gives no room for
    it: ``FC-9`` without deputies), an unknown rule id or code, a number of
    organisations the rule set cannot seat, a rule set that admits no valid composition
    (no room for a chair), registrations fewer than the seated organisations, and a
    rotation plan or a meeting calendar that the rule set's term or meeting policy
    cannot give. The hypothesis strategies raise it for the same reasons.

    >>> issubclass(GenerateError, ValueError)
    True
    """


class MeetingError(JarjestoError, ValueError):
    """Meetings cannot be planned as asked: a count outside the policy's range or more
    meetings than months available, an unknown holiday country, a month with no
    suitable day left, or an annual activity that repeats without an anchor year.

    >>> issubclass(MeetingError, ValueError)
    True
    """


class RedactionKeyError(JarjestoError, ValueError):
    """A redaction key cannot be used: a key file that cannot be read, is empty, is
    shorter than 16 bytes or longer than the bound (see
    :func:`~jarjestoyhteistyo.io.redact.load_key`)."""


class RenderError(JarjestoError, ValueError):
    """Output cannot be rendered as asked: an unknown format, a file suffix that is not
    ``.png`` or ``.svg``, nothing to draw."""


class RotationError(JarjestoError, ValueError):
    """The term policy gives no term length to plan with (e.g. ``agreed`` terms, `OF-8`)."""


class SelectionError(JarjestoError, ValueError):
    """Unusable input for selection (e.g. more than 24 seat groups, a negative seed count)."""


class SimulationError(JarjestoError, ValueError):
    """A simulation cannot run as asked: a probability outside [0, 1], no runs, a horizon
    or a term of no length, a negative refill time."""


class SuccessionError(JarjestoError, ValueError):
    """A history cannot be replayed as asked: a day before the initial composition.

    >>> issubclass(SuccessionError, ValueError)
    True
    """


class TermError(JarjestoError, ValueError):
    """A term cannot be computed: a date before the first known council term, or a
    term policy that lacks what its mode needs (e.g. ``fixed`` without ``months``).

    >>> issubclass(TermError, ValueError)
    True
    """
