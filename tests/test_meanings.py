"""The meanings of the YAML keys (issue #16 point 4): one home, every key, three languages.

:data:`~jarjestoyhteistyo.model.meanings.MEANINGS` must name every field of every class
a document holds — a new field without a meaning fails here — and nothing else, and
each meaning must have its Finnish and Swedish in the shipped catalogues.
"""

from __future__ import annotations

import gettext
import typing
from typing import Any

import attrs
import pytest

from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.i18n import DOMAIN, LOCALE_DIR
from jarjestoyhteistyo.io.serialize import DOCUMENTS
from jarjestoyhteistyo.model import meanings
from jarjestoyhteistyo.model.meanings import KIND, MEANINGS, meaning


def _attrs_classes(t: Any) -> list[type]:
    """The attrs classes a field of type ``t`` holds: itself, in a union, in a list."""
    if isinstance(t, type) and attrs.has(t):
        return [t]
    return [c for arg in typing.get_args(t) for c in _attrs_classes(arg)]


def _reachable() -> list[type]:
    """Every class a document holds, from the document kinds' classes down their fields
    (the walk of the YAML reference's tables, through unions and lists too)."""
    seen: list[type] = []
    todo = [cls for doc in DOCUMENTS.values() for cls in doc.classes]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        hints = typing.get_type_hints(cls)
        todo += [c for f in attrs.fields(cls) for c in _attrs_classes(hints[f.name])]
    return seen


REACHABLE = _reachable()
FIELDS = [(cls, f.name) for cls in REACHABLE for f in attrs.fields(cls)]


def _owner(cls: type, field: str) -> type:
    """The class that declares ``field``: the most basic attrs class of the MRO having it."""
    having = [b for b in cls.__mro__ if attrs.has(b) and field in attrs.fields_dict(b)]
    return having[-1]


def test_the_walk_reaches_every_document_and_its_parts() -> None:
    names = {cls.__name__ for cls in REACHABLE}
    assert {"FormalCommittee", "SeatGroup", "IntRange", "Composition", "Person"} <= names
    assert {"CooperationModel", "Step", "Registration", "Event", "Measurement"} <= names
    assert len(names) == len(REACHABLE)  # a class name is a key's first part: unique


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=[f"{c.__name__}.{f}" for c, f in FIELDS])
def test_every_field_of_every_document_has_a_meaning(cls: type, field: str) -> None:
    text = meaning(cls, field)
    assert text.strip() == text
    assert text[0].isupper() or text.split()[0] in ("proposal",), text  # a value may start it
    assert text.endswith((".", "…")), text
    assert len(text) <= 160, "a meaning is one short sentence"


def test_a_field_is_named_once_under_the_class_that_declares_it() -> None:
    wanted = {f"{_owner(cls, field).__name__}.{field}" for cls, field in FIELDS}
    # a field a kind declares again (FormalCommittee.fee) is its base's: named once
    assert "_Common.fee" in wanted
    assert "FormalCommittee.fee" not in wanted
    assert set(MEANINGS) - wanted == set(), "a meaning names a field that does not exist"
    assert wanted - set(MEANINGS) == set()


def test_a_meaning_of_no_field_is_an_error() -> None:
    from jarjestoyhteistyo.model.rulesets import MeetingPolicy, OpenForum

    with pytest.raises(NotFoundError, match=r"MeetingPolicy\.weeks"):
        meaning(MeetingPolicy, "weeks")
    assert meaning(OpenForum, "kind") == KIND
    with pytest.raises(NotFoundError):
        meaning(MeetingPolicy, "kind")  # no kind tag: no kind key


def _catalogue(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as fp:
        return typing.cast(dict[str, str], gettext.GNUTranslations(fp)._catalog)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_meaning_is_in_the_catalogue_of_each_language(lang: str) -> None:
    entries = _catalogue(lang)
    every = {**MEANINGS, "kind": KIND}
    missing = [key for key, text in every.items() if not entries.get(f"{key}\x04{text}")]
    assert missing == []


def test_a_meaning_reads_in_finnish_and_swedish() -> None:
    from jarjestoyhteistyo.model.rulesets import FormalCommittee

    fi, sv = meaning(FormalCommittee, "deputies", "fi"), meaning(FormalCommittee, "deputies", "sv")
    assert "varajäsen" in fi
    assert "ersättare" in sv
    assert meaning(FormalCommittee, "name", "de") == MEANINGS["_Common.name"]  # English


def test_the_module_doctest_runs() -> None:
    import doctest

    result = doctest.testmod(meanings, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4
    assert result.failed == 0
