"""Redaction of personal data: names, contact details and refs become stable pseudonyms.

The library never needs a person's name — people are described by role — but users'
own files may carry names and contact details. :func:`redact` returns a copy of any
model object (a composition, a succession history, registrations, ...) in which
every :class:`~jarjestoyhteistyo.model.composition.Person`'s ``name``, ``contact`` and
``ref`` is replaced by a pseudonym. The same value always gets the same pseudonym (for
one ``salt``), so a redacted file still shows that two seats are held by the same
person; the value itself cannot be read back. Objects are walked generically (attrs
classes, tuples, frozensets), so new models are covered without changes here.

A ``ref`` is meant to be pseudonymous already, but it may be the preparer's own
register id, which anyone holding that register can link to the person; so it is
pseudonymised like a name (prefix ``ref-``), not kept. It stays an identifier: one
person's ref gets one pseudonym, so per-person rules (the limit of consecutive terms,
``JY301``) find the same on a redacted history as on the original. Redact a
composition and its history with the same ``salt``, or their refs no longer match.

>>> from jarjestoyhteistyo.model.composition import Person, Role
>>> p = Person(role=Role.VOLUNTEER, ref="register-17", name="Example Name",
...            contact="someone@example.invalid")
>>> r = redact(p)
>>> r.name.startswith("person-"), r.contact.startswith("contact-"), r.role is p.role
(True, True, True)
>>> r.ref.startswith("ref-"), r.ref == redact(attrs.evolve(p, name=None)).ref
(True, True)
>>> redact(p) == r  # stable
True
"""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar

import attrs

from jarjestoyhteistyo.model.composition import Person

__all__ = ["pseudonym", "redact"]

T = TypeVar("T")


def pseudonym(value: str, *, prefix: str = "person", salt: str = "") -> str:
    """A stable pseudonym for ``value``: ``prefix`` and 10 hex digits of SHA-256.

    >>> pseudonym("Example Name") == pseudonym("Example Name")
    True
    >>> pseudonym("Example Name", salt="x") != pseudonym("Example Name")
    True
    """
    digest = hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


def _walk(obj: Any, salt: str) -> Any:
    if isinstance(obj, Person):
        return attrs.evolve(
            obj,
            ref=None if obj.ref is None else pseudonym(obj.ref, prefix="ref", salt=salt),
            name=None if obj.name is None else pseudonym(obj.name, salt=salt),
            contact=None
            if obj.contact is None
            else pseudonym(obj.contact, prefix="contact", salt=salt),
        )
    if attrs.has(type(obj)):
        changes = {}
        for a in attrs.fields(type(obj)):
            if not a.init:
                continue
            value = getattr(obj, a.name)
            new = _walk(value, salt)
            if new is not value:
                changes[a.name] = new
        return attrs.evolve(obj, **changes) if changes else obj
    if isinstance(obj, tuple):
        items = tuple(_walk(v, salt) for v in obj)
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else items
    if isinstance(obj, frozenset):
        return frozenset(_walk(v, salt) for v in obj)
    return obj


def redact(obj: T, *, salt: str = "") -> T:
    """A copy of ``obj`` with every person's name, contact and ref pseudonymised.

    ``obj`` is not changed. Give a secret ``salt`` when the pseudonyms must not be
    guessable by hashing candidate names.
    """
    result: T = _walk(obj, salt)
    return result
