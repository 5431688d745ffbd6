"""Association categories (`FC-4`): the eight PRH register classes and custom ones.

Vantaa–Kerava fills the seats of its formal body per association category of the
Finnish Patent and Registration Office's register of associations (`FC-4`). Other
areas classify differently, so a rule set may define its own :class:`Category`
objects; the eight of :data:`PRH_CATEGORIES` are the default. Every category has a
label in Finnish, Swedish or English — the PRH ones in all three, a rule set's own as
its source gives them (often Finnish only).

>>> [c.code for c in PRH_CATEGORIES][:3]
['child-family', 'illness-disability', 'pensioners']
>>> category_by_code("pensioners").labels.sv
'pensionärer'
"""

from __future__ import annotations

import attrs

from jarjestoyhteistyo.errors import InvalidValueError, NotFoundError
from jarjestoyhteistyo.i18n import Term, Text

__all__ = ["FALLBACK", "PRH_CATEGORIES", "Category", "Labels", "category_by_code", "name_term"]


def _nonempty(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise InvalidValueError(Text("{field} must not be empty", field=attribute.name))


def _nonempty_or_none(_inst: object, attribute: attrs.Attribute[str], value: str | None) -> None:
    if value is not None and not value.strip():
        raise InvalidValueError(Text("{field} must not be empty", field=attribute.name))


#: The order a label falls back in when the language asked for is not given.
FALLBACK = ("fi", "sv", "en")


@attrs.frozen(kw_only=True)
class Labels:
    """A label in Finnish (``fi``), Swedish (``sv``) and English (``en``).

    At least one is given; the others may be left out when the source names a thing in
    one language only (a rule set must not invent translations). :meth:`get` falls back
    to Finnish, then Swedish, then English.

    >>> Labels(fi="potilasjärjestöt").get("sv")
    'potilasjärjestöt'
    >>> Labels(fi="eläkeläiset", sv="pensionärer").get("sv")
    'pensionärer'
    """

    fi: str | None = attrs.field(default=None, validator=_nonempty_or_none)
    sv: str | None = attrs.field(default=None, validator=_nonempty_or_none)
    en: str | None = attrs.field(default=None, validator=_nonempty_or_none)

    def __attrs_post_init__(self) -> None:
        if self.fi is None and self.sv is None and self.en is None:
            raise InvalidValueError(Text("a label needs at least one of fi, sv and en"))

    def get(self, lang: str) -> str:
        """The label in ``lang`` (``fi``, ``sv`` or ``en``), else the first given of
        :data:`FALLBACK` (an unknown ``lang`` gets English first, as before)."""
        given = {"fi": self.fi, "sv": self.sv, "en": self.en}
        order = (lang, *FALLBACK) if lang in given else ("en", *FALLBACK)
        return next(v for k in order if (v := given[k]) is not None)

    def text_in(self, lang: str) -> str:
        """The label in ``lang`` as a message shows it (:func:`jarjestoyhteistyo.i18n.shown`)."""
        return self.get(lang)


def name_term(name: str, names: Labels | None) -> Term:
    """A body's ``name`` with its ``names`` in other languages, as a
    :class:`~jarjestoyhteistyo.i18n.Term`: a language ``names`` leaves out shows
    ``name`` (not a fallback to another language: the name written is the name).

    >>> t = name_term("Vanhusneuvosto", Labels(sv="Äldrerådet"))
    >>> t.text_in("sv"), t.text_in("en"), str(t)
    ('Äldrerådet', 'Vanhusneuvosto', 'Vanhusneuvosto')
    """
    if names is None:
        return Term(name)
    return Term(name, fi=names.fi, sv=names.sv, en=names.en)


@attrs.frozen(kw_only=True)
class Category:
    """An association category: a short ``code`` and its :class:`Labels`."""

    code: str = attrs.field(validator=_nonempty)
    labels: Labels


def _c(code: str, fi: str, sv: str, en: str) -> Category:
    return Category(code=code, labels=Labels(fi=fi, sv=sv, en=en))


#: The eight PRH association categories used by Vantaa–Kerava (`FC-4`), in order. The
#: Finnish labels are the source's list (*Järjestöjen yhteistyöryhmän ... asettaminen*,
#: option 1, 2/5, "Järjestöt valitaan järjestötyypeittäin (8)") in the short form of a
#: noun phrase, none of its words left out; the Swedish and English are the library's.
PRH_CATEGORIES: tuple[Category, ...] = (
    _c(
        "child-family",
        "lastensuojelu, lastenhoito, vanhemmuus ja huoltajuus",
        "barnskydd, barnomsorg, föräldraskap och vårdnad",
        "child protection, childcare, parenthood and custody",
    ),
    _c(
        "illness-disability",
        "sairaus- ja vammaisjärjestöt (mm. potilas- ja vammaisyhdistykset, sotainvalidit)",
        "sjukdom och funktionsnedsättning (bl.a. patient- och handikappföreningar, krigsinvalider)",
        "illness and disability (e.g. patient and disability associations, war invalids)",
    ),
    _c("pensioners", "eläkeläiset", "pensionärer", "pensioners"),
    _c(
        "health-promotion",
        "terveyden ja hyvinvoinnin edistäminen, syrjäytymisen ehkäisy",
        "främjande av hälsa och välfärd, förebyggande av utslagning",
        "health and wellbeing promotion, prevention of exclusion",
    ),
    _c(
        "other-social-health",
        "muut sosiaali- ja terveysalan yhdistykset",
        "andra social- och hälsoföreningar",
        "other social and health associations",
    ),
    _c("older-people", "vanhusten hyvinvointi", "de äldres välfärd", "wellbeing of the elderly"),
    _c(
        "employment",
        "työllisyyden ja työllistymisen edistäminen",
        "främjande av sysselsättning och av att få arbete",
        "promotion of employment and of finding work",
    ),
    _c(
        "substance-abuse",
        "päihteet, huumeet ja muut riippuvuudet; raittius",
        "missbruk, droger och andra beroenden; nykterhet",
        "substance abuse, drugs and other addictions; temperance",
    ),
)

_BY_CODE = {c.code: c for c in PRH_CATEGORIES}


def category_by_code(code: str) -> Category:
    """The PRH category with this ``code``.

    Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if there is none.
    """
    try:
        return _BY_CODE[code]
    except KeyError:
        raise NotFoundError(code) from None
