"""Ids as the rules compare them: one normal form, and a look-alike skeleton.

An id (an organisation's, a seat's, a person's ``ref``, a seat group's ...) is typed
by people and copied between files, so two spellings of one id turn up: ``org-01``
and ``ORG-01``, a full-width ``ｏｒｇ``, a zero-width space pasted from a web page, a
Cyrillic ``о`` where a Latin ``o`` was meant. The rules compare ids in their
:func:`normal_id` form, and :func:`skeleton` tells ids apart that only *look* the
same. These two functions are the one home of that comparison; the checks built on
them are ``JY136`` (the same id written differently), ``JY137`` (ids that look alike)
and ``JY138`` (an id of nothing but invisible characters) in
:mod:`jarjestoyhteistyo.rules.consistency`.

:func:`normal_id` is Unicode NFKC, case folding, and the removal of the invisible
format characters (category ``Cf``: zero-width space and joiners, the soft hyphen,
bidirectional marks) and of surrounding white space:

>>> normal_id("ORG-01"), normal_id("ｏｒｇ-01"), normal_id("org\\u200b-01 ")
('org-01', 'org-01', 'org-01')
>>> normal_id("\\u200b")
''

:func:`skeleton` further maps the Cyrillic and Greek letters that look like Latin
ones (:data:`CONFUSABLES`) to those Latin letters. Finnish and Swedish letters stay
themselves: ``ä`` is not ``a``.

>>> skeleton("\\u043erg-01") == skeleton("org-01"), normal_id("\\u043erg-01") == "org-01"
(True, False)
>>> skeleton("yhdistys-ä") == skeleton("yhdistys-a")
False
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["CONFUSABLES", "normal_id", "skeleton"]

#: Cyrillic and Greek letters (after case folding) that look like a Latin letter in
#: common fonts, mapped to it: the look-alikes that matter in ids written with the
#: Finnish and Swedish alphabet (a-z, å, ä, ö). Kept small on purpose; see the
#: security page for why this is a table and not a dependency.
CONFUSABLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        # Cyrillic
        "\u0430": "a",  # а
        "\u0432": "b",  # в (В looks like B)
        "\u0435": "e",  # е
        "\u0451": "ë",  # ё
        "\u0456": "i",  # і
        "\u0457": "ï",  # ї
        "\u0458": "j",  # ј
        "\u043a": "k",  # к
        "\u043c": "m",  # м (М looks like M)
        "\u043d": "h",  # н (Н looks like H)
        "\u043e": "o",  # о
        "\u0440": "p",  # р
        "\u0441": "c",  # с
        "\u0442": "t",  # т (Т looks like T)
        "\u0443": "y",  # у
        "\u0445": "x",  # х
        "\u0455": "s",  # ѕ
        "\u04bb": "h",  # һ
        "\u04cf": "l",  # ӏ
        "\u0501": "d",  # ԁ
        "\u051b": "q",  # ԛ
        "\u051d": "w",  # ԝ
        "\u04af": "y",  # ү
        "\u04d3": "ä",  # ӓ
        "\u04e7": "ö",  # ӧ
        # Greek
        "\u03b1": "a",  # α
        "\u03b2": "b",  # β (Β looks like B)
        "\u03b5": "e",  # ε (Ε looks like E)
        "\u03b6": "z",  # ζ (Ζ looks like Z)
        "\u03b7": "h",  # η (Η looks like H)
        "\u03b9": "i",  # ι
        "\u03ba": "k",  # κ
        "\u03bc": "m",  # μ (Μ looks like M)
        "\u03bd": "v",  # ν
        "\u03bf": "o",  # ο
        "\u03c1": "p",  # ρ
        "\u03c4": "t",  # τ
        "\u03c5": "u",  # υ
        "\u03c7": "x",  # χ
        "\u03f3": "j",  # ϳ
        # Latin letters that case folding or NFKC leave apart from their twin
        "\u0131": "i",  # ı dotless i
    }
)

_TO_LATIN: Final = str.maketrans(dict(CONFUSABLES))


def normal_id(value: str) -> str:
    """``value`` as ids are compared: NFKC, case-folded, without format characters
    (Unicode category ``Cf``) and without surrounding white space.

    An id that is empty in this form was made of invisible characters only.

    >>> normal_id("Kylä-Yhdistys"), normal_id("a\\u00adb\\u200dc")
    ('kylä-yhdistys', 'abc')
    """
    if value.isascii():  # the common case, and the hot loop of a national call
        return value.strip().lower()
    visible = "".join(c for c in value if unicodedata.category(c) != "Cf")
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", visible).casefold())
    return "".join(c for c in folded if unicodedata.category(c) != "Cf").strip()


def skeleton(value: str) -> str:
    """:func:`normal_id` of ``value`` with look-alike letters (:data:`CONFUSABLES`)
    made Latin: two ids with one skeleton look the same to a reader.

    >>> skeleton("\\u0421\\u0410\\u0422-1"), skeleton("cat-1")  # Cyrillic САТ
    ('cat-1', 'cat-1')
    """
    return normal_id(value).translate(_TO_LATIN)
