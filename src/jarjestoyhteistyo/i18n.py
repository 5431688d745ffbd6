"""Languages: the message catalogues in Finnish and Swedish, and the language to use.

Every message the library writes for people is English text in the code (the
*msgid*) with its Finnish and Swedish in gettext catalogues,
``locale/fi/LC_MESSAGES/jarjestoyhteistyo.po`` and ``locale/sv/...``, compiled to
``.mo`` files that ship in the wheel. A translator edits the ``.po`` files with any
PO editor, without reading Python; ``tools/catalogues.py`` extracts the messages from
the code (Babel), merges them into the catalogues and compiles them (see
:doc:`/howto/translate`).

A finding's message is looked up under its code as context (``JY203``), its title
and fix under ``JY203 title`` and ``JY203 fix``; a sentence a check composes
(:class:`Text`) and the command line's own texts under their English words.

>>> gettext("fi", "error", context="severity"), gettext("sv", "error", context="severity")
('virhe', 'fel')
>>> ngettext("fi", "{n} error", "{n} errors", 2).format(n=2)
'2 virhettä'
>>> language_from_env({"LANG": "sv_FI.UTF-8"}), language_from_env({"LC_ALL": "C"})
('sv', 'en')
>>> Text("min is {min}", min=4).text_in("fi")
'minimi on 4'

A value the reader should see in words (a function, a category) is passed as a
:class:`Term`: its canonical value stays in the finding's parameters, its word in the
message's language goes into the text.

>>> mode = Term("ordered", fi="sijaantulojärjestys", sv="inträdesordning")
>>> Text("deputy mode is {mode}", mode=mode).text_in("fi")
'varajäsenmalli on sijaantulojärjestys'
>>> str(mode), Text("deputy mode is {mode}", mode=mode).text_in("sv")
('ordered', 'ersättarmodellen är inträdesordning')
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "LANGUAGES",
    "Joined",
    "Lang",
    "Term",
    "Text",
    "Translatable",
    "gettext",
    "language_from_env",
    "ngettext",
    "pgettext",
    "plain",
    "shown",
]

#: A language of the library's texts.
Lang = Literal["fi", "sv", "en"]
#: The languages, Finnish first: the wellbeing areas' own order.
LANGUAGES: Final[tuple[Lang, ...]] = ("fi", "sv", "en")
#: The gettext domain: the catalogues' file name.
DOMAIN: Final = "jarjestoyhteistyo"
#: Where the catalogues are: ``<lang>/LC_MESSAGES/jarjestoyhteistyo.mo`` below it.
LOCALE_DIR: Final = Path(__file__).parent / "locale"
#: The separator gettext puts between a context and its message in a ``.mo`` file.
_CONTEXT_SEP: Final = "\x04"


def language_from_env(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for, as POSIX programs choose theirs.

    The first non-empty of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` is the locale:
    ``fi_FI.UTF-8`` (or ``fi``) gives Finnish, ``sv_FI``/``sv_SE`` Swedish, anything
    else English. GNU's ``LANGUAGE`` list (``sv:fi``) comes first, unless the locale is
    ``C``/``POSIX`` (as gettext does); its first Finnish, Swedish or English entry wins.

    >>> language_from_env({"LANG": "fi_FI.UTF-8"}), language_from_env({})
    ('fi', 'en')
    >>> language_from_env({"LANGUAGE": "de:sv", "LANG": "fi_FI.UTF-8"})
    'sv'
    """
    env = os.environ if environ is None else environ
    locale = next((v for k in ("LC_ALL", "LC_MESSAGES", "LANG") if (v := env.get(k))), "")
    if locale not in ("", "C", "POSIX") and not locale.startswith("C."):
        for entry in env.get("LANGUAGE", "").split(":"):
            lang = _language_of(entry)
            if lang is not None:
                return lang
    return _language_of(locale) or "en"


def _language_of(locale: str) -> Lang | None:
    """``fi``, ``sv`` or ``en`` for a locale name (``sv_FI.UTF-8@euro``), else None."""
    code = locale.partition(".")[0].partition("@")[0].partition("_")[0].lower()
    if code == "fi":
        return "fi"
    if code == "sv":
        return "sv"
    if code == "en":
        return "en"
    return None


@functools.cache
def _catalogue(lang: str) -> _gettext.NullTranslations:
    import gettext as _gettext  # only when a text is translated

    if lang not in ("fi", "sv"):
        return _gettext.NullTranslations()
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as fp:
        return _gettext.GNUTranslations(fp)


def gettext(lang: str, message: str, *, context: str | None = None) -> str:
    """``message`` (English) in ``lang``; itself when the catalogue has no translation.

    An unknown ``lang`` gives English, as :meth:`Labels.get
    <jarjestoyhteistyo.model.categories.Labels.get>` does.
    """
    if lang not in ("fi", "sv"):
        return message
    catalogue = _catalogue(lang)
    if context is None:
        return catalogue.gettext(message)
    return catalogue.pgettext(context, message)


def pgettext(lang: str, context: str, message: str) -> str:
    """``message`` in ``lang`` under ``context`` (a word that means two things in
    English: ``pgettext(lang, "severity", "error")``)."""
    return gettext(lang, message, context=context)


def ngettext(lang: str, singular: str, plural: str, n: int, *, context: str | None = None) -> str:
    """The singular or plural form for ``n`` in ``lang`` (Finnish and Swedish have two)."""
    if lang not in ("fi", "sv"):
        return singular if n == 1 else plural
    catalogue = _catalogue(lang)
    if context is None:
        return catalogue.ngettext(singular, plural, n)
    return catalogue.npgettext(context, singular, plural, n)


@runtime_checkable
class Translatable(Protocol):
    """A value that shows itself in a language: :class:`Term`, :class:`Text`,
    :class:`~jarjestoyhteistyo.model.categories.Labels`."""

    def text_in(self, lang: str) -> str:
        """The value as a reader of ``lang`` sees it."""
        ...


class Term:
    """A value named in words: ``value`` (``chair``, ``child-family``) is what a
    program compares and the finding's parameters keep, the words are what a reader
    of each language sees (missing words fall back to the value)."""

    __slots__ = ("_words", "value")

    def __init__(self, value: str, *, fi: str | None = None, sv: str | None = None,
                 en: str | None = None) -> None:  # fmt: skip
        self.value = value
        self._words = {"fi": fi, "sv": sv, "en": en}

    def text_in(self, lang: str) -> str:
        """The word in ``lang``, else the value."""
        return self._words.get(lang) or self.value

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Term({self.value!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


class Text:
    """A sentence a check composes: an English template (the catalogue's msgid) and its
    parameters, in any language on demand. ``str()`` is the English.

    Parameters are shown with :func:`shown`; a list reads ``a, b``.
    """

    __slots__ = ("context", "params", "template")

    def __init__(self, template: str, /, *, context: str | None = None, **params: Any) -> None:
        self.template = template
        self.context = context
        self.params = params

    def text_in(self, lang: str) -> str:
        """The sentence in ``lang``."""
        words = {k: shown(v, lang) for k, v in self.params.items()}
        return gettext(lang, self.template, context=self.context).format(**words)

    def __str__(self) -> str:
        return self.text_in("en")

    def __repr__(self) -> str:
        return f"Text({self.template!r}, ...)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and str(other) == str(self)

    def __hash__(self) -> int:
        return hash(str(self))


class Plural:
    """A sentence whose words follow a count: the English singular and plural templates
    (the catalogue's msgid and msgid_plural) and the count ``n`` that chooses the form
    in each language (Finnish and Swedish have two, as English). ``{n}`` is the count.

    >>> one, two = Plural("{n} association", "{n} associations", n=1), Plural(
    ...     "{n} association", "{n} associations", n=2)
    >>> str(one), str(two)
    ('1 association', '2 associations')
    """

    __slots__ = ("n", "params", "plural", "singular")

    def __init__(self, singular: str, plural: str, /, *, n: int, **params: Any) -> None:
        self.singular = singular
        self.plural = plural
        self.n = n
        self.params = params

    def text_in(self, lang: str) -> str:
        """The sentence in ``lang``, its form chosen by :attr:`n`."""
        words = {k: shown(v, lang) for k, v in {"n": self.n, **self.params}.items()}
        return ngettext(lang, self.singular, self.plural, self.n).format(**words)

    def __str__(self) -> str:
        return self.text_in("en")

    def __repr__(self) -> str:
        return f"Plural({self.singular!r}, ..., n={self.n})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plural) and str(other) == str(self)

    def __hash__(self) -> int:
        return hash(str(self))


class Joined:
    """Items read as one phrase: ``a, b or c`` (``conjunction`` ``"or"``) or ``a, b and
    c`` (``"and"``), in the language of the message.

    >>> Joined(["a", "b", "c"]).text_in("sv"), Joined(["a", "b"], "and").text_in("fi")
    ('a, b eller c', 'a ja b')
    >>> Joined([]).text_in("fi")
    'ei yhtään'

    """

    __slots__ = ("conjunction", "items")

    def __init__(self, items: Any, conjunction: Literal["or", "and"] = "or") -> None:
        self.items = tuple(items)
        self.conjunction = conjunction

    def text_in(self, lang: str) -> str:
        """The phrase in ``lang``."""
        words = [str(shown(v, lang)) for v in self.items]
        if not words:  # TRANSLATORS: an empty list in a message
            return pgettext(lang, "list", "none")
        if len(words) < 2:
            return "".join(words)
        if self.conjunction == "and":
            last = pgettext(lang, "list", "{items} and {last}")
        else:
            last = pgettext(lang, "list", "{items} or {last}")
        return last.format(items=", ".join(words[:-1]), last=words[-1])

    def __str__(self) -> str:
        return self.text_in("en")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Joined) and str(other) == str(self)

    def __hash__(self) -> int:
        return hash(str(self))


def shown(value: Any, lang: str) -> Any:
    """``value`` as a message in ``lang`` shows it: a :class:`Translatable` in words, a
    list or tuple as ``a, b`` of its shown items, anything else as it is (so that a
    template's ``{count:d}`` or ``{value!r}`` still applies)."""
    if isinstance(value, str | int | float) or value is None:
        return value
    if isinstance(value, list | tuple):
        if not value:  # "wanted 1: none", not "wanted 1: "
            return pgettext(lang, "list", "none")
        return ", ".join(str(shown(v, lang)) for v in value)
    text_in = getattr(value, "text_in", None)
    return text_in(lang) if callable(text_in) else value


def plain(value: Any) -> Any:
    """``value`` as a program reads it in a finding's parameters: a :class:`Term` as its
    value, a :class:`Joined` as the tuple of its items, a :class:`Text` (or anything
    else with ``text_in``) as its English, containers item by item."""
    if isinstance(value, str | int | float) or value is None:
        return value
    if isinstance(value, Term):
        return value.value
    if isinstance(value, Joined):
        return tuple(plain(v) for v in value.items)
    if isinstance(value, list | tuple):
        return tuple(plain(v) for v in value)
    text_in = getattr(value, "text_in", None)
    return text_in("en") if callable(text_in) else value
