"""The one converter: how every document's plain data becomes frozen model objects
and back, strictly and with every problem's path.

:data:`converter` is a ``cattrs`` converter made once (never the global one) with
``forbid_extra_keys`` and ``detailed_validation``, plus hooks that make reading strict
and predictable:

* strict scalars: a string field takes only a string, an integer field only an
  integer (not ``true``, not ``"3"``, not ``2.5``), a number field an integer or a
  float, a boolean field only ``true``/``false``;
* dates from YAML dates *and* ISO strings (``"2024-05-27"``), written back as dates
  in YAML and ISO strings in JSON;
* enums by value; tuples and frozensets only from lists (a string is not a list);
* rule sets as a tagged union on ``kind`` (:data:`~jarjestoyhteistyo.model.rulesets.KINDS`);
* the classes of :data:`SHORTHANDS` from a bare string as well as a mapping (a required
  function: ``secretary`` or ``{function: presenter, groups: [wellbeing-area]}``),
  written back as the bare string when nothing else is set.

Every number, date and count is bounded (:mod:`jarjestoyhteistyo.model.bounds`): a number
is finite and at most :data:`~jarjestoyhteistyo.model.bounds.MAX_MAGNITUDE` either way, a
date lies in the years 1900–2200 (:data:`~jarjestoyhteistyo.model.bounds.FIRST_YEAR`,
:data:`~jarjestoyhteistyo.model.bounds.LAST_YEAR`), and a field with a bound of its own in
:data:`~jarjestoyhteistyo.model.bounds.FIELDS` is held to it (``out-of-range``), so
nothing that loads can overflow later.

Errors never stop at the first one: :func:`structure` raises one
:class:`~jarjestoyhteistyo.errors.LoadError` listing every problem with its path
(``meetings.per_year.min``), what was expected, and for an unknown key the nearest
known key — up to :data:`~jarjestoyhteistyo.model.bounds.MAX_PROBLEMS` of them; past the
cap it stops collecting, and a last problem (``more-problems``) says how many more
there were, so a file of 100,000 wrong entries costs little more to report than one of
100. Documents are read and written through the table of
:mod:`jarjestoyhteistyo.io.serialize`, which uses this module.

>>> from jarjestoyhteistyo.model.rulesets import MeetingPolicy
>>> structure({"per_year": {"min": 4, "max": 6}, "hours": 2}, MeetingPolicy).per_year.max
6
>>> try:
...     structure({"per_year": {"mni": 4}, "hours": "two"}, MeetingPolicy)
... except LoadError as e:
...     for p in e.problems:
...         print(p)
hours: expected a number, got the text 'two'
per_year.mni: unknown key 'mni'; did you mean 'min'?
>>> try:
...     structure({"per_year": {"max": 100000}, "hours": float("nan")}, MeetingPolicy)
... except LoadError as e:
...     for p in e.problems:
...         print(p)
hours: expected a finite number, got nan
per_year.max: 100000 is more than 366 (at most one meeting a day)
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, TypeVar

import attrs
import cattrs
import yaml
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.pyyaml import make_converter

from jarjestoyhteistyo.errors import InvalidValueError, LoadError, Problem, UnsupportedTypeError
from jarjestoyhteistyo.i18n import Joined, Text
from jarjestoyhteistyo.io.yamldoor import join_path
from jarjestoyhteistyo.model.bounds import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_MAGNITUDE,
    MAX_PROBLEMS,
    Bound,
    bound_of,
)
from jarjestoyhteistyo.model.composition import Function, Seat
from jarjestoyhteistyo.model.rulesets import (
    KINDS,
    DeputyPolicy,
    IntRange,
    RequiredFunction,
    RuleSet,
)
from jarjestoyhteistyo.model.vocabulary import VOCABULARY, function_name, value_of
from jarjestoyhteistyo.text import UNSAFE

__all__ = [
    "RANGE_TEXT",
    "RANGE_WORDS",
    "SHORTHANDS",
    "capped",
    "converter",
    "json_data",
    "json_text",
    "kind_problem",
    "structure",
    "unstructure",
    "yaml_comment",
    "yaml_text",
]

T = TypeVar("T")


class _TypeProblem(TypeError):
    """A value of the wrong type; carries a precise message in every language."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class _RangeProblem(ValueError):
    """A value outside its bound (:mod:`jarjestoyhteistyo.model.bounds`)."""

    def __init__(self, text: Text, params: dict[str, Any]) -> None:
        super().__init__(str(text))
        self.text = text
        self.params = params


def _show_number(value: float) -> Text | str:
    if isinstance(value, int) and value.bit_length() > 100:  # no str() of 5,000 digits
        digits = int(value.bit_length() * math.log10(2)) + 1
        return Text("a whole number of about {digits} digits", digits=digits)
    return repr(value)


def _check(value: float, bound: Bound) -> None:
    """Refuse ``value`` outside ``bound``, with the bound and its reason."""
    if bound.admits(value):
        return
    shown, reason = _show_number(_plain(value)), Text(bound.reason)
    if value > bound.high:
        limit = _show_number(_plain(bound.high))
        text = Text(
            "{value} is more than {limit} ({reason})", value=shown, limit=limit, reason=reason
        )
    else:
        limit = _show_number(_plain(bound.low))
        text = Text(
            "{value} is less than {limit} ({reason})", value=shown, limit=limit, reason=reason
        )
    raise _RangeProblem(
        text,
        {"value": _plain(value), "min": bound.low, "max": bound.high, "reason": bound.reason},
    )


def _plain(value: float) -> float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


#: Every number, whatever its field, is finite and inside this (:mod:`.model.bounds`).
_ANY_NUMBER = Bound(-MAX_MAGNITUDE, MAX_MAGNITUDE, "no number in a document is larger")


def _nearest(word: str, options: list[str]) -> str | None:
    """The option closest to a misspelt ``word`` (:func:`difflib.get_close_matches`,
    imported when a message needs it), else ``None``."""
    import difflib

    near = difflib.get_close_matches(word, options, n=1)
    return near[0] if near else None


def _describe(value: Any) -> Text | str:
    """``value`` in words a preparer reads: ``the text 'pieni'``, ``the number 5``."""
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    if isinstance(value, bool):
        return Text("the value {value}", value=str(value).lower())
    if isinstance(value, str):
        return Text("the text {value}", value=text)
    if isinstance(value, int | float):
        return Text("the number {value}", value=text)
    if value is None:
        return Text("an empty value (null)")
    if isinstance(value, dict):
        return Text("a mapping {value}", value=text)
    if isinstance(value, list | tuple):
        return Text("a list {value}", value=text)
    if isinstance(value, datetime):
        return Text("the date and time {value}", value=value.isoformat())
    if isinstance(value, date):
        return Text("the date {value}", value=value.isoformat())
    return text


def _s_str(value: Any, _t: Any) -> str:
    if value == "...":  # what ``init`` writes for a required key
        raise _TypeProblem(
            Text('the placeholder "..." of the starter file is still here: write your own value')
        )
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise _TypeProblem(
            Text(
                "expected a text, got {got} (quote it: YAML reads true/false as booleans)",
                got=_describe(value),
            )
        )
    raise _TypeProblem(Text("expected a text, got {got}", got=_describe(value)))


def _s_int(value: Any, _t: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        _check(value, _ANY_NUMBER)
        return value
    if isinstance(value, str) and value.isdigit() and value.startswith("0"):
        raise _TypeProblem(
            Text(
                "expected a whole number, got {got} (a leading zero is not allowed)",
                got=_describe(value),
            )
        )
    raise _TypeProblem(Text("expected a whole number, got {got}", got=_describe(value)))


def _s_float(value: Any, _t: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise _RangeProblem(
                Text("expected a finite number, got {got}", got=repr(value)), {"value": str(value)}
            )
        _check(value, _ANY_NUMBER)
        return float(value)
    raise _TypeProblem(Text("expected a number, got {got}", got=_describe(value)))


def _s_bool(value: Any, _t: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _TypeProblem(Text("expected true or false, got {got}", got=_describe(value)))


def _s_date(value: Any, _t: Any) -> date:
    if isinstance(value, datetime):
        raise _TypeProblem(Text("expected a date without a time, got {got}", got=_describe(value)))
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = date.fromisoformat(value)
    if isinstance(value, date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise _RangeProblem(
                Text(
                    "{day} is outside the years {first}–{last} (the years the library computes in)",
                    day=value.isoformat(),
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                ),
                {"value": value.isoformat(), "min": FIRST_YEAR, "max": LAST_YEAR},
            )
        return value
    raise _TypeProblem(Text("expected a date (YYYY-MM-DD), got {got}", got=_describe(value)))


def _s_time(value: Any, _t: Any) -> time:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 17:00 as the sexagesimal number 1020
        raise _TypeProblem(
            Text(
                'expected a time as "HH:MM", got the number {value} (quote the time: "17:00")',
                value=value,
            )
        )
    if isinstance(value, str) and len(value) == 5 and value[2] == ":":
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise _TypeProblem(
        Text('expected a time as "HH:MM" (00:00-23:59), got {got}', got=_describe(value))
    )


def _register_scalars(conv: cattrs.Converter) -> None:
    """Strict scalars, and dates from YAML dates and ISO strings (kept as dates)."""
    conv.register_structure_hook(str, _s_str)
    conv.register_structure_hook(int, _s_int)
    conv.register_structure_hook(float, _s_float)
    conv.register_structure_hook(bool, _s_bool)
    conv.register_structure_hook(date, _s_date)
    conv.register_unstructure_hook(date, lambda d: d)
    conv.register_structure_hook(time, _s_time)
    conv.register_unstructure_hook(time, lambda t: t.strftime("%H:%M"))


def _register_enums(conv: cattrs.Converter) -> None:
    """Enums by value, with the nearest value suggested for a wrong one."""

    def is_enum(t: Any) -> bool:
        return isinstance(t, type) and issubclass(t, enum.Enum)

    def enum_hook(t: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
        values = [m.value for m in t]
        worded = any(m in VOCABULARY for m in t)

        def hook(value: Any, _t: Any) -> enum.Enum:
            if isinstance(value, t):
                return value
            try:
                return t(value)
            except ValueError:
                if isinstance(value, str) and (named := value_of(t, value)) is not None:
                    return named  # its Finnish or Swedish word (pieni, liten: small)
                near = _nearest(str(value), [str(v) for v in values])
                tip = Text("; did you mean {near!r}?", near=near) if near is not None else ""
                if worded:
                    text = Text(
                        "expected one of {values} (or their Finnish or Swedish words), "
                        "got {got}{tip}",
                        values=[str(v) for v in values],
                        got=_describe(value),
                        tip=tip,
                    )
                else:
                    text = Text(
                        "expected one of {values}, got {got}{tip}",
                        values=[str(v) for v in values],
                        got=_describe(value),
                        tip=tip,
                    )
                raise _TypeProblem(text) from None

        return hook

    conv.register_structure_hook_factory(is_enum, enum_hook)


@attrs.define
class _Budget:
    """The problems one :func:`structure` call may still collect (:data:`MAX_PROBLEMS`).

    ``kept`` counts the list items kept with their problems; once it reaches the cap,
    the other items are read by the quick converter, which stops at an item's first
    problem, and ``more`` counts them (one each).
    """

    kept: int = 0
    more: int = 0

    @property
    def full(self) -> bool:
        return self.kept >= MAX_PROBLEMS


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "jarjestoyhteistyo_budget", default=None
)


def _register_sequences(conv: cattrs.Converter, quick: Callable[[Any, Any], Any] | None) -> None:
    """Tuples and frozensets only from lists, every item's problem kept (up to the
    :class:`_Budget`; past it items go to ``quick``); frozensets written as sorted lists."""

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
                raise _TypeProblem(Text("expected a list, got {got}", got=_describe(value)))
            items = list(value)
            if fixed and len(items) != len(elem_types):
                raise _TypeProblem(
                    Text(
                        "expected a list of {wanted} items, got {count}",
                        wanted=len(elem_types),
                        count=len(items),
                    )
                )
            out: list[Any] = []
            errors: list[Exception] = []
            budget = _BUDGET.get()
            for i, item in enumerate(items):
                et = elem_types[i] if fixed else elem_types[0]
                if budget is not None and budget.full and quick is not None:
                    try:
                        out.append(quick(item, et))
                    except Exception:
                        budget.more += 1
                    continue
                try:
                    out.append(conv.structure(item, et))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {i}", i, et),
                    ]
                    errors.append(exc)
                    if budget is not None:
                        budget.kept += 1
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return frozenset(out) if origin is frozenset else tuple(out)

        return hook

    conv.register_structure_hook_factory(is_seq, seq_hook)

    def unstructure_frozenset(value: frozenset[Any]) -> list[Any]:
        items = [conv.unstructure(v) for v in value]
        import json  # imported when a set is written, not with the converter

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
            raise _TypeProblem(
                Text("expected a mapping with a 'kind' key, got {got}", got=_describe(value))
            )
        problem = kind_problem(value, tuple(KINDS), tuple(KINDS), optional=False)
        if problem is not None:
            raise _KindProblem(problem)
        rest = {k: v for k, v in value.items() if k != "kind"}
        return conv.structure(rest, KINDS[value["kind"]])

    def unstructure_ruleset(value: RuleSet) -> dict[str, Any]:
        body = conv.unstructure(value, unstructure_as=type(value))
        return {"kind": value.kind, **body}

    conv.register_structure_hook(RuleSet, structure_ruleset)
    conv.register_unstructure_hook(RuleSet, unstructure_ruleset)


#: Classes a document may also write as a bare string, by the field the string fills:
#: ``- secretary`` is ``RequiredFunction(function="secretary")``, ``deputies: personal``
#: is ``DeputyPolicy(mode="personal")``. The JSON Schema
#: (:mod:`jarjestoyhteistyo.io.schema`) and the YAML reference read this table too.
SHORTHANDS: dict[type, str] = {RequiredFunction: "function", DeputyPolicy: "mode"}

#: A range written as one number (``seats: 2``: exactly two) or as ``4-6`` (an en
#: dash too); written back as ``{min, max}``.
RANGE_TEXT = re.compile(r"^\s*(\d{1,9})\s*(?:[-–—]\s*(\d{1,9})\s*)?$")

#: What a range is, in the words of a load problem.
RANGE_WORDS = "a number range such as {min: 4, max: 6}, 4-6 or 4"
#: :data:`RANGE_WORDS` in every language (the braces doubled: a template's own).
_RANGE = Text("a number range such as {{min: 4, max: 6}}, 4-6 or 4")


def _register_shorthands(conv: cattrs.Converter, full: bool) -> None:
    """The classes of :data:`SHORTHANDS` from a string or a mapping; written back as the
    string when every other field has its default (``full``: always as the mapping)."""
    for cls, field in SHORTHANDS.items():
        _register_shorthand(conv, cls, field, full)


def _register_shorthand(conv: cattrs.Converter, cls: type, field: str, full: bool) -> None:
    whole: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    as_dict: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=not full
    )
    others = [a for a in attrs.fields(cls) if a.name != field]

    def structure(value: Any, t: Any) -> Any:
        if isinstance(value, str):  # through the mapping's hook: enums, bounds, checks
            return whole({field: value}, t)
        if not isinstance(value, dict):
            raise _TypeProblem(
                Text(
                    "expected a text or a mapping with {field!r}, got {got}",
                    field=field,
                    got=_describe(value),
                )
            )
        return whole(value, t)

    def unstructure(obj: Any) -> Any:
        if not full and all(getattr(obj, a.name) == a.default for a in others):
            return conv.unstructure(getattr(obj, field))  # an enum as its value
        return as_dict(obj)

    conv.register_structure_hook(cls, structure)
    conv.register_unstructure_hook(cls, unstructure)


def _register_ranges(conv: cattrs.Converter) -> None:
    """:class:`IntRange` from ``{min, max}``, a whole number or ``"4-6"``."""
    whole: Callable[[Any, Any], Any] = make_dict_structure_fn(
        IntRange, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: Any, t: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return whole({"min": value, "max": value}, t)
        if isinstance(value, str) and (m := RANGE_TEXT.match(value)):
            low, high = int(m[1]), int(m[2] if m[2] is not None else m[1])
            return whole({"min": low, "max": high}, t)
        if isinstance(value, dict):
            return whole(value, t)
        raise _TypeProblem(
            Text("expected {expected}, got {got}", expected=_RANGE, got=_describe(value))
        )

    conv.register_structure_hook(IntRange, structure)


def _register_function_words(conv: cattrs.Converter) -> None:
    """A seat's functions, a required function and the functions of a history's event
    in their Finnish or Swedish words too (``puheenjohtaja``, ``ordförande``:
    ``chair``); a rule set's own stay as written. Registered last: around whatever hook
    the class has."""
    for cls, field in ((Seat, "functions"), (RequiredFunction, "function")):
        base = conv.get_structure_hook(cls)

        def hook(value: Any, t: Any, base: Any = base, field: str = field) -> Any:
            if isinstance(value, str):  # the shorthand: the function itself
                value = function_name(value)
            elif isinstance(value, dict) and field in value:
                given = value[field]
                if isinstance(given, str):
                    value = {**value, field: function_name(given)}
                elif isinstance(given, list):
                    named = [function_name(v) if isinstance(v, str) else v for v in given]
                    value = {**value, field: named}
            return base(value, t)

        conv.register_structure_hook(cls, hook)
    # the functions a history's event assigns (``kind: assign``): a set of functions
    functions = frozenset[Function]
    base_set = conv.get_structure_hook(functions)

    def set_hook(value: Any, t: Any) -> Any:
        if isinstance(value, list):
            value = [function_name(v) if isinstance(v, str) else v for v in value]
        return base_set(value, t)

    conv.register_structure_hook_func(lambda t: t == functions, set_hook)


def _register_bounds(conv: cattrs.Converter, detailed: bool) -> None:
    """The fields :data:`~jarjestoyhteistyo.model.bounds.FIELDS` bounds, held to it: a
    number, each number of a list, each whole-number field of a range."""

    def bounded(t: Any) -> bool:
        return attrs.has(t) and any(bound_of(t, a.name) for a in attrs.fields(t))

    def factory(t: Any) -> Callable[[Any, Any], Any]:
        # resolved once, on the class, as cattrs resolves them (then it need not again)
        hints = {a.name: a.type for a in attrs.fields(attrs.resolve_types(t))}
        overrides: dict[str, Any] = {
            a.name: override(struct_hook=_bounded_hook(conv, hints[a.name], bound))
            for a in attrs.fields(t)
            if (bound := bound_of(t, a.name)) is not None
        }
        fn: Callable[[Any, Any], Any] = make_dict_structure_fn(
            t,
            conv,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
            **overrides,
        )
        return fn

    conv.register_structure_hook_factory(bounded, factory)


def _bounded_hook(conv: cattrs.Converter, t: Any, bound: Bound) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _t: Any) -> Any:
        out = conv.structure(value, t)
        if isinstance(out, int | float) and not isinstance(out, bool):
            _check(out, bound)
        elif isinstance(out, tuple):  # a list of numbers: each one
            _check_parts([(f"[{i}]", v) for i, v in enumerate(out)], bound)
        elif attrs.has(type(out)):  # a range: each of its numbers
            _check_parts([(a.name, getattr(out, a.name)) for a in attrs.fields(type(out))], bound)
        return out

    return hook


def _check_parts(parts: list[tuple[str, Any]], bound: Bound) -> None:
    problems = []
    for where, v in parts:
        if isinstance(v, int | float) and not isinstance(v, bool):
            try:
                _check(v, bound)
            except _RangeProblem as exc:
                problems.append(_range_problem(where, exc))
    if problems:
        raise LoadError(problems)


def _range_problem(path: str, exc: _RangeProblem) -> Problem:
    return Problem.of(path, "out-of-range", exc.text, params=exc.params)


def _quick_structure() -> Callable[[Any, Any], Any]:
    """The quick converter's ``structure``, the converter made on its first call (only
    past the problem cap): a check of a valid document never needs it."""
    made: list[cattrs.Converter] = []

    def structure(value: Any, t: Any) -> Any:
        if not made:
            made.append(_make_converter(detailed=False))
        return made[0].structure(value, t)

    return structure


def _make_converter(*, detailed: bool = True, full: bool = False) -> cattrs.Converter:
    """The converter; ``detailed=False`` makes the quick one, which stops at the first
    problem (what the detailed one reads items with past the problem cap); ``full=True``
    the one that writes every field, defaults included (``show --full``)."""
    conv = make_converter(
        forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=not full
    )
    _register_scalars(conv)
    _register_enums(conv)
    quick = None if not detailed else _quick_structure()
    _register_sequences(conv, quick)
    _register_rulesets(conv)
    _register_shorthands(conv, full)
    _register_ranges(conv)
    _register_bounds(conv, detailed)
    _register_function_words(conv)
    return conv


_FULL: list[cattrs.Converter] = []


def _full_converter() -> cattrs.Converter:
    """The converter that writes defaults too, made on first use (``show --full``)."""
    if not _FULL:
        _FULL.append(_make_converter(full=True))
    return _FULL[0]


def _one_of(tags: tuple[str, ...]) -> Text | str:
    return repr(tags[0]) if len(tags) == 1 else Text("one of {tags}", tags=list(tags))


def kind_problem(
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
        return Problem.of(
            "kind",
            "unknown-kind",
            Text("missing 'kind'; expected {expected}", expected=_one_of(expected)),
            params={
                "suggestion": expected[0] if len(expected) == 1 else None,
                "kinds": list(expected),
            },
        )
    kind = data["kind"]
    if isinstance(kind, str) and kind in accepted:
        return None
    near = _nearest(str(kind), list(expected))
    if near is not None:
        tip = Text("; did you mean {near!r}?", near=near)
    else:
        tip = Text("; expected {expected}", expected=_one_of(expected))
    return Problem.of(
        "kind",
        "unknown-kind",
        Text("unknown kind {kind!r}{tip}", kind=kind, tip=tip),
        params={"suggestion": near, "kinds": list(expected)},
    )


class _KindProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


#: The single converter for YAML and JSON (see the module docstring).
converter: cattrs.Converter = _make_converter()


def _join(path: str, part: str | int) -> str:
    return join_path(path, part)  # the one spelling of a path, the door's


def _under(path: str, inner: str) -> str:
    """``inner`` (a path relative to a node) below the node at ``path``."""
    if path == "$" or inner == "$":
        return inner if path == "$" else path
    return f"{path}{inner}" if inner.startswith("[") else f"{path}.{inner}"


def _type_name(t: Any) -> Text | Joined:
    """What a field of type ``t`` holds, in words a preparer reads: the keys of a
    mapping, not the class's name."""
    if t is None:
        return Text("a value")
    if t is type(None):
        return Text("nothing (leave the key out)")
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        return Joined([_type_name(a) for a in typing.get_args(t)])
    if attrs.has(t):
        if t is IntRange:
            return _RANGE
        keys = [a.name for a in attrs.fields(t) if a.init]
        listed = ", ".join(keys[:5]) + (", ..." if len(keys) > 5 else "")
        if t in SHORTHANDS:
            return Text(
                "a {field} or a mapping with the keys {keys}", field=SHORTHANDS[t], keys=listed
            )
        return Text("a mapping with the keys {keys}", keys=listed)
    if t is str:
        return Text("a text")
    if t is int:
        return Text("a whole number")
    if t is float:
        return Text("a number")
    if t is bool:
        return Text("true or false")
    if typing.get_origin(t) in (tuple, frozenset):
        return Text("a list")
    return Text("a value of the type {name}", name=getattr(t, "__name__", repr(t)))


def _optional_of(t: Any) -> Any:
    """``X`` of ``X | None``, else ``t`` itself."""
    if isinstance(t, types.UnionType) or typing.get_origin(t) is typing.Union:
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return t


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
            near = _nearest(key, known)
            tip = Text("; did you mean {near!r}?", near=near) if near is not None else ""
            out.append(
                Problem.of(
                    _join(path, key),
                    "unknown-key",
                    Text("unknown key {key!r}{tip}", key=key, tip=tip),
                    params={"key": key, "suggestion": near},
                )
            )
        return out
    if isinstance(exc, _KindProblem):
        return [attrs.evolve(exc.problem, path=_under(path, exc.problem.path))]
    if isinstance(exc, LoadError):  # a class that checks itself as a whole (unique ids)
        return [attrs.evolve(p, path=_under(path, p.path)) for p in exc.problems]
    if isinstance(exc, KeyError):
        return [
            Problem.of(
                path,
                "missing-key",
                Text("required key missing; expected {expected}", expected=_type_name(expected)),
                params={"expected": str(_type_name(expected))},
            )
        ]
    if isinstance(exc, _TypeProblem):
        return [Problem.of(path, "wrong-type", exc.text)]
    if isinstance(exc, _RangeProblem):
        return [_range_problem(path, exc)]
    if isinstance(exc, AttributeError | TypeError) and attrs.has(_optional_of(expected)):
        return [
            Problem.of(
                path,
                "wrong-type",
                Text("expected {expected}", expected=_type_name(expected)),
                params={"expected": str(_type_name(expected))},
            )
        ]
    # attrs validators (single-field ranges) and anything else cattrs met; a library
    # error raised by a model's own check carries its message in every language
    reason: Any = getattr(exc, "text", None) or str(exc)
    return [
        Problem.of(
            path,
            "invalid-value",
            Text("invalid value: {reason}", reason=reason)
            if expected is None
            else Text(
                "invalid value; expected {expected} ({reason})",
                expected=_type_name(expected),
                reason=reason,
            ),
            params={"expected": str(_type_name(expected))},
        )
    ]


def structure(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """Build ``cls`` from plain data (as read from YAML or JSON).

    Raises :class:`~jarjestoyhteistyo.errors.LoadError` listing every problem.

    >>> from jarjestoyhteistyo.model.composition import Person
    >>> structure({"role": "volunteer"}, Person)
    Person(role=<Role.VOLUNTEER: 'volunteer'>, ref=None, name=None, contact=None)
    """
    budget = _Budget()
    token = _BUDGET.set(budget)
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        try:
            problems = _problems(exc, "$", cls)
        except Exception:
            problems = [Problem(path="$", code="invalid-value", message=f"invalid input ({exc})")]
        raise LoadError(capped(problems, uncounted=budget.more), source=source) from None
    finally:
        _BUDGET.reset(token)


def capped(problems: list[Problem], *, uncounted: int = 0) -> list[Problem]:
    """``problems`` sorted by path, at most :data:`MAX_PROBLEMS` of them, then (if any
    were left out) a last problem, code ``more-problems``, saying how many.

    ``uncounted`` list items could not be read either but were not looked into past
    their first problem (each counts as one, so the count is then "at least"). A
    ``more-problems`` problem among ``problems`` (from an earlier cap) is added in.

    >>> ps = [Problem(path=f"seats[{i}]", code="wrong-type", message="x") for i in range(102)]
    >>> print(capped(ps)[-1])
    $: … and 2 more problems
    >>> print(capped(ps, uncounted=99_898)[-1])
    $: … and at least 99,900 more problems
    """
    earlier = [p for p in problems if p.code == "more-problems"]
    kept = sorted((p for p in problems if p.code != "more-problems"), key=lambda p: p.path)
    more = max(0, len(kept) - MAX_PROBLEMS) + uncounted
    more += sum(int(p.params["count"]) for p in earlier)
    at_least = uncounted > 0 or any(p.params["at_least"] for p in earlier)
    out = kept[:MAX_PROBLEMS]
    if more:
        count = f"{more:,}"
        if at_least:
            text = Text("… and at least {count} more problems", count=count)
        else:
            text = Text("… and {count} more problems", count=count)
        out.append(
            Problem.of(
                "$",
                "more-problems",
                text,
                params={"count": more, "at_least": at_least, "shown": len(out)},
            )
        )
    return out


def unstructure(obj: Any, *, full: bool = False) -> Any:
    """Plain data (dicts, lists, scalars, dates) for ``obj``; defaults are omitted, or
    written too with ``full=True`` (every field, as the rule set is used).

    A model class that declares a ``kind`` tag (every rule-set kind, the cooperation
    model) gets it written first, so the output says what it is.

    >>> from jarjestoyhteistyo.model.rulesets import IntRange, OpenForum
    >>> unstructure(IntRange(min=4, max=6))
    {'min': 4, 'max': 6}
    >>> list(unstructure(OpenForum(name="Forum", area="Example area")))[:2]
    ['kind', 'name']
    >>> unstructure(IntRange(min=4)), unstructure(IntRange(min=4), full=True)
    ({'min': 4}, {'min': 4, 'max': None})
    """
    conv = _full_converter() if full else converter
    kind = getattr(type(obj), "kind", None)
    if isinstance(kind, str) and attrs.has(type(obj)):
        return {"kind": kind, **conv.unstructure(obj, unstructure_as=type(obj))}
    return conv.unstructure(obj)


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
    if any(ch in value for ch in _YAML_BREAKS) or UNSAFE.search(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def yaml_text(obj: Any, *, full: bool = False) -> str:
    return yaml.dump(
        unstructure(obj, full=full),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )


def yaml_comment(text: str) -> str:
    """``text`` as one YAML comment line (ending in a line break) that cannot become data.

    Printable text is written as it is; text with a line break or a control character
    is written as the emitter's double-quoted scalar, whose escapes keep it on one line.

    >>> print(yaml_comment("Selection does not choose the chair"), end="")
    # Selection does not choose the chair
    >>> print(yaml_comment("org-01" + chr(10) + "as_of: 1999-01-01"), end="")
    # "org-01\\nas_of: 1999-01-01"
    """
    if not UNSAFE.search(text) and "\n" not in text and "\t" not in text and "\ufeff" not in text:
        return f"# {text}\n"
    node = yaml.ScalarNode("tag:yaml.org,2002:str", text, style='"')
    quoted = yaml.serialize(node, Dumper=yaml.SafeDumper, width=2**31, allow_unicode=True)
    return f"# {quoted.splitlines()[0]}\n"


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
    import json  # imported for JSON output only

    return json.loads(_json_dumps(unstructure(obj)))


def _json_dumps(data: Any, **options: Any) -> str:
    """Strict JSON (``allow_nan=False``): the last guard against writing ``NaN`` or
    ``Infinity``, which no JSON reader, this library's included, reads back."""
    import json  # imported for JSON output only

    try:
        return json.dumps(data, default=_json_default, allow_nan=False, **options)
    except ValueError as exc:
        raise InvalidValueError(f"cannot write as JSON: {exc} (NaN or infinity)") from None


def json_text(obj: Any, indent: int | None, *, full: bool = False) -> str:
    """``obj`` as JSON text (:func:`json_data`'s strict JSON, indented by ``indent``;
    ``full``: defaults written too)."""
    text = _json_dumps(unstructure(obj, full=full), ensure_ascii=False, indent=indent)
    # JSON is read back through the YAML door, which folds line breaks and refuses
    # non-printable characters; outside strings JSON is ASCII, so escape them anywhere
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
