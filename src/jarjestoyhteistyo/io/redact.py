"""Redaction of personal data: names, contact details, refs and notes become pseudonyms.

The library never needs a person's name — people are described by role — but users'
own files may carry names and contact details. :func:`redact` returns a copy of any
model object (a composition, a succession history, registrations, a cooperation
model, or lists, tuples, sets and dicts of them) in which every field that may hold a
name or a contact detail is replaced:

* identifiers of people (``Person.name``, ``contact`` and ``ref``, ``nominated_by``,
  responsible roles, contact persons' roles) by a *pseudonym*: a prefix and 10 hex
  digits of HMAC-SHA-256 under a secret key, so the same value gets the same
  pseudonym and a redacted file still shows that two seats are held by one person;
* free text (``Event.note``, ``Registration.link_description``, roadmap notes) by the
  marker :data:`REDACTED`: nothing compares notes, and a pseudonym of a sentence would
  only tell a reader that two notes were the same.

Empty and blank values stay as they are (there is nothing in them to hide, and the
rules that ask for a responsible role still see that it is missing).

Which fields are personal is declared on the model: a field with the attrs metadata
``{"personal": KIND}`` (:data:`PERSONAL`; ``KIND`` one of :data:`KINDS`). A new
personal field is covered by adding the mark; ``tests/test_redact.py`` walks every
model class and fails for a ``str`` field that is neither marked nor listed as not
personal.

**The key.** Without a key, the pseudonyms could be reversed by anyone who hashes the
candidates: the 10,000 phone numbers ``+358 40 123 0000`` … ``9999``, or a list of
names. With a key they cannot: without it, a guess cannot be checked. By default
:func:`redact` draws a new random key for each call (:func:`secrets.token_bytes`), so
nobody, not even you, can link the output to the input. To redact several objects
consistently (a composition and its history: a ref must keep its pseudonym in both),
use one :class:`Redactor`; for pseudonyms that stay the same across runs, give your
own key (at least 16 bytes, e.g. from a key file read by :func:`load_key`) and keep it
secret.

>>> from jarjestoyhteistyo.model.composition import Person, Role
>>> p = Person(role=Role.VOLUNTEER, ref="register-17", name="Example Name",
...            contact="someone@example.invalid")
>>> r = redact(p)
>>> r.name.startswith("person-"), r.contact.startswith("contact-"), r.role is p.role
(True, True, True)
>>> redact(p) == r  # a new random key each call
False
>>> same = Redactor()
>>> same.redact(p) == same.redact([p])[0]  # one key: one pseudonym per value
True
>>> key = b"a key of sixteen or more bytes"
>>> redact(p, key=key) == redact(p, key=key)  # your key: the same in every run
True
>>> redact(p, key=key).ref == pseudonym("register-17", key=key, prefix="ref")
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from jarjestoyhteistyo.errors import RedactionKeyError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.files import os_reason

__all__ = [
    "KINDS",
    "MAX_KEY_BYTES",
    "MIN_KEY_BYTES",
    "PERSONAL",
    "REDACTED",
    "Redactor",
    "load_key",
    "pseudonym",
    "redact",
]

T = TypeVar("T")

#: The attrs metadata key that marks a personal field: ``metadata={"personal": "name"}``.
PERSONAL: Final = "personal"
#: What each kind of personal field becomes: a pseudonym with this prefix, or ``None``
#: for free text, which is replaced wholly by :data:`REDACTED`.
KINDS: Final[Mapping[str, str | None]] = {
    "name": "person",
    "contact": "contact",
    "ref": "ref",
    "nominator": "nominator",
    "role": "role",
    "text": None,
}
#: What a free-text field with anything in it becomes.
REDACTED: Final = "[redacted]"
#: The shortest key accepted (128 bits).
MIN_KEY_BYTES: Final = 16
#: The longest key file read (a key is a few dozen bytes; this is not a place for data).
MAX_KEY_BYTES: Final = 4096
_DIGITS: Final = 10  # hex digits of a pseudonym: 40 bits


def _checked(key: bytes) -> bytes:
    if not isinstance(key, bytes | bytearray):
        raise RedactionKeyError(
            Text("a redaction key is bytes, not {type}", type=type(key).__name__)
        )
    if len(key) < MIN_KEY_BYTES:
        raise RedactionKeyError(
            Text(
                "a redaction key needs at least {least} bytes, this one has {count}",
                least=MIN_KEY_BYTES,
                count=len(key),
            )
        )
    return bytes(key)


def _salt_key(salt: str) -> bytes:
    """The key that the deprecated ``salt`` stands for (stable: same salt, same key)."""
    warnings.warn(
        "salt= is deprecated: give key= (at least 16 secret bytes), or none for a random key",
        DeprecationWarning,
        stacklevel=3,
    )
    return hashlib.sha256(b"jarjestoyhteistyo-salt\x00" + salt.encode()).digest()


def load_key(path: str | os.PathLike[str]) -> bytes:
    """The redaction key in the file at ``path``, for pseudonyms that stay the same
    across runs (``--redact-key-file``).

    The file's bytes are the key; white space around them (a trailing newline) is not
    part of it, so ``python -c "import secrets; print(secrets.token_hex(32))" > key``
    makes a good key file. Raises :class:`~jarjestoyhteistyo.errors.RedactionKeyError`
    for a file that cannot be read or is not a regular file, and for a key shorter than
    :data:`MIN_KEY_BYTES` or a file longer than :data:`MAX_KEY_BYTES`.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "key")
    ...     _ = f.write_text("0123456789abcdef0123456789abcdef\\n")
    ...     load_key(f)
    b'0123456789abcdef0123456789abcdef'
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d, "key")
    ...     _ = f.write_text("short")
    ...     load_key(f)
    Traceback (most recent call last):
    ...
    jarjestoyhteistyo.errors.RedactionKeyError: key file ...: ... at least 16 bytes, this one has 5
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise RedactionKeyError(
                Text("key file {path}: not a regular file", path=os.fspath(path))
            )
        with Path(path).open("rb") as f:
            data = f.read(MAX_KEY_BYTES + 1)
    except OSError as exc:
        raise RedactionKeyError(
            Text(
                "key file {path}: cannot read it ({reason})",
                path=os.fspath(path),
                reason=os_reason(exc),
            )
        ) from None
    if len(data) > MAX_KEY_BYTES:
        raise RedactionKeyError(
            Text(
                "key file {path}: longer than {most} bytes, not a key",
                path=os.fspath(path),
                most=MAX_KEY_BYTES,
            )
        )
    try:
        return _checked(data.strip())
    except RedactionKeyError as exc:
        raise RedactionKeyError(
            Text("key file {path}: {reason}", path=os.fspath(path), reason=exc.text or str(exc))
        ) from None


def pseudonym(
    value: str, *, key: bytes | None = None, prefix: str = "person", salt: str | None = None
) -> str:
    """The pseudonym of ``value`` under ``key``: ``prefix`` and 10 hex digits of
    HMAC-SHA-256(key, value).

    ``key`` is required (at least :data:`MIN_KEY_BYTES` bytes); ``salt`` is deprecated
    and stands for a key derived from it.

    >>> key = b"sixteen byte key"
    >>> pseudonym("Example Name", key=key) == pseudonym("Example Name", key=key)
    True
    >>> pseudonym("Example Name", key=key) != pseudonym("Example Name", key=key + b"!")
    True
    >>> pseudonym("+358 40 123 4567", key=key, prefix="contact")[:8]
    'contact-'
    """
    if key is None:
        if salt is None:
            raise RedactionKeyError(Text("pseudonym() needs a key (see Redactor for a random one)"))
        key = _salt_key(salt)
    mac = hmac.new(_checked(key), value.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return f"{prefix}-{mac.hexdigest()[:_DIGITS]}"


def _random_key() -> bytes:
    return secrets.token_bytes(32)


@attrs.frozen(kw_only=True, eq=False)
class Redactor:
    """One redaction key, so that everything redacted with it is consistent.

    Left out, the key is random (32 bytes from :func:`secrets.token_bytes`): the
    pseudonyms of one :class:`Redactor` match each other and nothing else. The key is
    never shown (``repr`` leaves it out).

    >>> from jarjestoyhteistyo.model.composition import Person, Role
    >>> r = Redactor()
    >>> r.redact(Person(role=Role.VOLUNTEER, ref="p-1")).ref == r.pseudonym("p-1", prefix="ref")
    True
    >>> "key" in repr(r)
    False
    """

    key: bytes = attrs.field(factory=_random_key, converter=_checked, repr=False)

    def pseudonym(self, value: str, *, prefix: str = "person") -> str:
        """The pseudonym of ``value`` under this key (see :func:`pseudonym`)."""
        return pseudonym(value, key=self.key, prefix=prefix)

    def redact(self, obj: T) -> T:
        """A copy of ``obj`` with every personal field replaced (see :func:`redact`)."""
        result: T = self._walk(obj)
        return result

    def _value(self, kind: str, value: Any) -> Any:
        """A personal field's value replaced: a string, or a tuple, list or set of them."""
        if isinstance(value, str):
            if not value.strip():
                return value
            prefix = KINDS[kind]
            return REDACTED if prefix is None else self.pseudonym(value, prefix=prefix)
        if isinstance(value, tuple | list | frozenset | set):
            return type(value)(self._value(kind, v) for v in value)
        return self._walk(value)  # None, or a structure holding the personal data

    def _walk(self, obj: Any) -> Any:
        if attrs.has(type(obj)):
            changes = {}
            for a in attrs.fields(type(obj)):
                if not a.init:
                    continue
                value = getattr(obj, a.name)
                kind = a.metadata.get(PERSONAL)
                new = self._walk(value) if kind is None else self._value(kind, value)
                if new is not value:
                    changes[a.alias or a.name] = new
            return attrs.evolve(obj, **changes) if changes else obj
        if isinstance(obj, str | bytes | int | float | bool) or obj is None:
            return obj
        if isinstance(obj, tuple):
            items = tuple(self._walk(v) for v in obj)
            if all(a is b for a, b in zip(items, obj, strict=True)):
                return obj
            make = getattr(type(obj), "_make", None)  # a named tuple stays one
            return make(items) if make is not None else items
        if isinstance(obj, list):
            return [self._walk(v) for v in obj]
        if isinstance(obj, frozenset):
            return frozenset(self._walk(v) for v in obj)
        if isinstance(obj, set):
            return {self._walk(v) for v in obj}
        if isinstance(obj, Mapping):
            return {self._walk(k): self._walk(v) for k, v in obj.items()}
        return obj


def redact(obj: T, *, key: bytes | None = None, salt: str | None = None) -> T:
    """A copy of ``obj`` with every personal field replaced (see the module docstring).

    ``obj`` is not changed; attrs classes, tuples, lists, sets, frozensets and dicts
    are walked to any depth. Without ``key`` the pseudonyms are under a random key
    drawn for this call; give a ``key`` (at least 16 secret bytes) for pseudonyms that
    are the same in every run, or use one :class:`Redactor` for several calls.
    ``salt`` is deprecated (a key is derived from it, with a :class:`DeprecationWarning`).
    """
    if key is None and salt is not None:
        key = _salt_key(salt)
    return (Redactor() if key is None else Redactor(key=key)).redact(obj)
