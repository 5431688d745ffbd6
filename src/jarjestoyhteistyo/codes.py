"""The catalogue of finding codes.

Every finding has a stable code. Each module that produces findings declares its
codes with :func:`register` next to the checks that use them (the yamllint habit: a
rule lives with its documentation), and :func:`catalogue` gathers them all for the
docs and the ``codes`` command. Code ranges:

* ``JY1xx`` — checks of a rule set on its own (:mod:`jarjestoyhteistyo.checks`);
* ``JY2xx`` — validation of a composition (:mod:`jarjestoyhteistyo.validation`);
* ``JY3xx`` — terms, rotation and succession;
* ``JY4xx`` — roadmaps and implementation plans;
* ``JY5xx`` — selection from registrations;
* ``JY6xx`` — cooperation models and the actor ecosystem.

>>> f = finding("JY203", "seats[0]", seat="m1", organisation="o1", group="pensioners")
>>> f.rule, f.severity.value
('FC-4', 'error')
>>> f.message_en
"seat m1: organisation o1 is not in category 'pensioners'"
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from jarjestoyhteistyo.errors import CatalogueError, NotFoundError
from jarjestoyhteistyo.findings import Finding, Severity

__all__ = ["Code", "catalogue", "finding", "get_code", "register"]


@attrs.frozen(kw_only=True)
class Code:
    """A finding code: its rule id, default severity, messages and how to fix it.

    ``en`` and ``fi`` are :meth:`str.format` templates filled from the finding's
    parameters.
    """

    code: str
    rule: str
    severity: Severity
    title: str
    en: str
    fi: str
    fix: str = ""


_REGISTRY: dict[str, Code] = {}

#: Modules that register codes; imported by :func:`catalogue`.
_MODULES = (
    "jarjestoyhteistyo.checks",
    "jarjestoyhteistyo.validation",
    "jarjestoyhteistyo.terms",
    "jarjestoyhteistyo.meetings",
    "jarjestoyhteistyo.schedule",
    "jarjestoyhteistyo.roadmap",
    "jarjestoyhteistyo.succession",
    "jarjestoyhteistyo.selection",
    "jarjestoyhteistyo.cooperation",
    "jarjestoyhteistyo.ecosystem",
)


def register(*codes: Code) -> None:
    """Add codes to the catalogue (called by each module at import)."""
    for c in codes:
        known = _REGISTRY.get(c.code)
        if known is not None and known != c:
            raise CatalogueError(f"finding code {c.code} registered twice")
        _REGISTRY[c.code] = c


def catalogue() -> tuple[Code, ...]:
    """Every known code, sorted; imports the modules that declare them."""
    for name in _MODULES:
        importlib.import_module(name)
    return tuple(sorted(_REGISTRY.values(), key=lambda c: c.code))


def get_code(code: str) -> Code:
    """The :class:`Code` for ``code``.

    Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if unknown.
    """
    if code not in _REGISTRY:
        catalogue()
    try:
        return _REGISTRY[code]
    except KeyError:
        raise NotFoundError(code) from None


def finding(
    code: str,
    path: str,
    *,
    severity: Severity | None = None,
    rule: str | None = None,
    **params: Any,
) -> Finding:
    """Make a :class:`~jarjestoyhteistyo.findings.Finding` from the catalogue entry.

    ``severity`` overrides the default (a *wanted* rule gives a warning where a
    *required* one gives an error); ``rule`` overrides the rule id where the same
    check enforces a different rule in another kind of body.
    """
    c = get_code(code)
    return Finding(
        code=c.code,
        severity=severity or c.severity,
        path=path,
        rule=rule or c.rule,
        message_fi=c.fi.format(**params),
        message_en=c.en.format(**params),
        params=params,
    )
