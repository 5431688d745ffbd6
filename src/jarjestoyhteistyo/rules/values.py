"""Values refer to what exists (`GEN-2`): category and language codes, with "did you mean".

The loader checks the *keys* of a document; this family checks the *values* that name
something: a category code must be one of the rule set's categories, a language code
one of :data:`LANGUAGES`. A value close to a known one is most likely a typo, and its
finding carries the ``suggestions`` (a list, closest first; see :func:`did_you_mean`,
which the broken references of ``JY207`` and ``JY219`` use too).

A composition:

* ``JY240`` — an organisation lists a category the rule set does not define, and a
  defined one is close (``helth-promotion``: did you mean ``health-promotion``?);
* ``JY243`` — the same with no defined category close to it;
* ``JY241`` — an organisation lists an unknown language code, and a known one is
  close (``fin``, ``FI``, ``sv-FI``: did you mean ``fi``?);
* ``JY244`` — the same with no known code close to it;
* ``JY242`` (info) — an organisation lists ``se`` (Northern Sámi) but not ``sv``:
  ``se`` is valid, but it is also Sweden's country code and a likely slip for ``sv``.

A rule set (the body's working ``languages`` and the wished ``diversity.languages``):
``JY140`` (a close known code), ``JY141`` (none close) and ``JY142`` (info, ``se``
without ``sv``), as above.

Categories are checked only when the rule set's general form has categories (a
theme-network council has none: its organisations are seated by network). Broken
references between the parts of a composition (an unknown organisation, seat group or
member seat) are ``JY219`` and ``JY207``, which carry the same ``suggestions``.

>>> from jarjestoyhteistyo.model.rulesets import GeneralRuleSet, DiversityPolicy
>>> rs = GeneralRuleSet(name="X", area="Y", diversity=DiversityPolicy(languages=frozenset({"swe"})))
>>> [(f.code, f.params["suggestions"]) for f in check_languages(rs)]
[('JY140', ('sv',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.findings import Finding
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.rulesets import RuleSet
from jarjestoyhteistyo.rules.base import Context, I, W

__all__ = [
    "LANGUAGES",
    "check_languages",
    "did_you_mean",
    "did_you_mean_text",
    "language_suggestions",
    "validate_values",
]

JY140 = Code(
    code="JY140",
    rule="GEN-2",
    severity=W,
    title="Rule-set language misspelt",
    en="{field}: unknown language code {language!r}; did you mean {suggestions}?",
    fix="Write the ISO 639 code of the language (fi, sv, se, ...).",
)

JY141 = Code(
    code="JY141",
    rule="GEN-2",
    severity=W,
    title="Rule-set language unknown",
    en="{field}: {language!r} is not a known language code",
    fix="Write the ISO 639 code of the language (fi, sv, se, ...).",
)

JY142 = Code(
    code="JY142",
    rule="GEN-2",
    severity=I,
    title="Northern Sámi, not Swedish, in the rule set",
    en="{field}: se is Northern Sámi; if Swedish was meant, write sv",
    fix="Write sv for Swedish; keep se for Northern Sámi.",
)

JY240 = Code(
    code="JY240",
    rule="GEN-2",
    severity=W,
    title="Category misspelt",
    en=(
        "organisation {organisation}: category {category!r} is not defined by the rule set; "
        "did you mean {suggestions}?"
    ),
    fix="Use a category code the rule set defines.",
)

JY241 = Code(
    code="JY241",
    rule="GEN-2",
    severity=W,
    title="Language misspelt",
    en=(
        "organisation {organisation}: unknown language code {language!r}; "
        "did you mean {suggestions}?"
    ),
    fix="Write the ISO 639 code of the language (fi, sv, se, ...).",
)

JY242 = Code(
    code="JY242",
    rule="GEN-2",
    severity=I,
    title="Northern Sámi, not Swedish?",
    en="organisation {organisation}: se is Northern Sámi; if Swedish was meant, write sv",
    fix="Write sv for Swedish; keep se for Northern Sámi.",
)

JY243 = Code(
    code="JY243",
    rule="GEN-2",
    severity=W,
    title="Category unknown",
    en="organisation {organisation}: category {category!r} is not defined by the rule set",
    fix="Use a category code the rule set defines, or define the category.",
)

JY244 = Code(
    code="JY244",
    rule="GEN-2",
    severity=W,
    title="Language unknown",
    en="organisation {organisation}: {language!r} is not a known language code",
    fix="Write the ISO 639 code of the language (fi, sv, se, ...).",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY140, JY141, JY142, JY240, JY241, JY242, JY243, JY244)

#: The language codes an organisation or a rule set may name: ISO 639-1 where the
#: language has a two-letter code, ISO 639-3 otherwise (sources: the ISO 639-1 and
#: ISO 639-3 code tables, https://iso639-3.sil.org/code_tables). The list holds the
#: national languages of Finland, the languages of its old minorities and sign
#: languages (the Language Act 423/2003, the Sámi Language Act 1086/2003, the Sign
#: Language Act 359/2015), and the languages most spoken by residents with another
#: mother tongue (Statistics Finland, population by language). A missing language is
#: a warning, not an error: add it here.
# fmt: off
LANGUAGES: Final[frozenset[str]] = frozenset(
    {
        # national languages and the Sámi languages of the Sámi homeland
        "fi", "sv", "se", "smn", "sms",
        # sign languages, Romani, Karelian and the other old minorities
        "fse", "fss", "rmf", "krl", "tt", "yi",
        # languages of residents with another mother tongue, and English
        "en", "ru", "et", "ar", "so", "uk", "fa", "prs", "ku", "ckb", "sq", "zh",
        "vi", "th", "tr", "es", "de", "fr", "it", "pt", "pl", "ro", "lt", "lv",
        "hu", "cs", "bg", "sr", "hr", "bs", "el", "nl", "da", "no", "nb", "nn",
        "is", "bn", "ne", "hi", "ur", "ta", "tl", "my", "ps", "ti", "am", "sw",
        "ja", "ko", "he",
    }
)

#: Codes that mean a language of :data:`LANGUAGES` under another name: the ISO 639-2
#: and 639-3 three-letter codes of the two-letter ones, and country codes written for
#: a language (``ee`` for Estonian). ``se`` is not here: it is a language (``JY242``).
_ALIASES: Final[dict[str, str]] = {
    "fin": "fi", "swe": "sv", "sme": "se", "eng": "en", "rus": "ru", "est": "et",
    "ara": "ar", "som": "so", "ukr": "uk", "fas": "fa", "per": "fa", "kur": "ku",
    "sqi": "sq", "alb": "sq", "zho": "zh", "chi": "zh", "vie": "vi", "tha": "th",
    "tur": "tr", "spa": "es", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
    "ita": "it", "por": "pt", "pol": "pl", "ron": "ro", "rum": "ro", "lit": "lt",
    "lav": "lv", "hun": "hu", "ces": "cs", "cze": "cs", "bul": "bg", "srp": "sr",
    "hrv": "hr", "bos": "bs", "ell": "el", "gre": "el", "nld": "nl", "dut": "nl",
    "dan": "da", "nor": "no", "nob": "nb", "nno": "nn", "isl": "is", "ice": "is",
    "ben": "bn", "nep": "ne", "hin": "hi", "urd": "ur", "tam": "ta", "tgl": "tl",
    "mya": "my", "bur": "my", "pus": "ps", "tir": "ti", "amh": "am", "swa": "sw",
    "jpn": "ja", "kor": "ko", "heb": "he", "yid": "yi", "tat": "tt",
    "ee": "et", "ua": "uk", "cn": "zh", "gr": "el", "dk": "da", "jp": "ja",
    "kr": "ko", "il": "he", "rs": "sr", "al": "sq", "ir": "fa", "vn": "vi",
    "cz": "cs", "gb": "en", "us": "en",
}
# fmt: on


def did_you_mean(value: str, known: Iterable[str]) -> list[str]:
    """Up to three of ``known`` close to ``value`` (a likely typo), the closest first.

    Case is ignored (``Pensioners`` finds ``pensioners``); ``value`` itself is never
    suggested.

    >>> did_you_mean("helth-promotion", ["health-promotion", "pensioners"])
    ['health-promotion']
    >>> did_you_mean("xyz", ["health-promotion", "pensioners"])
    []
    """
    import difflib  # imported when a value is unknown, not with the rules

    folded: dict[str, str] = {}
    for k in sorted(set(known) - {value}):
        folded.setdefault(k.casefold(), k)
    return [folded[m] for m in difflib.get_close_matches(value.casefold(), folded, n=3)]


def did_you_mean_text(suggestions: list[str]) -> Text | str:
    """The tail ``"; did you mean a, b?"`` in any language, or an empty string.

    For the codes whose message is a composed ``detail`` (``JY207``, ``JY219``);
    their finding keeps the list itself in its ``suggestions`` parameter.

    >>> did_you_mean_text(["m1", "m2"]).text_in("fi")
    '; tarkoititko m1, m2?'
    >>> did_you_mean_text([])
    ''
    """
    if not suggestions:
        return ""
    return Text("; did you mean {suggestions}?", suggestions=suggestions)


def language_suggestions(code: str) -> list[str]:
    """The known language codes ``code`` most likely means, the likeliest first.

    Case, a region (``sv-FI``, ``fi_FI``) and the three-letter and country codes of
    :data:`_ALIASES` are read first; otherwise the close codes of :data:`LANGUAGES`.

    >>> language_suggestions("swe"), language_suggestions("FI"), language_suggestions("sv-FI")
    (['sv'], ['fi'], ['sv'])
    >>> language_suggestions("xx")
    []
    """
    key = code.strip().casefold().replace("_", "-")
    for k in (key, key.split("-")[0]):
        if k in LANGUAGES:
            return [k]
        if k in _ALIASES:
            return [_ALIASES[k]]
    return did_you_mean(code, LANGUAGES)


def _languages(
    codes: frozenset[str], path: str, found: tuple[Code, Code, Code], **params: Any
) -> Iterator[Finding]:
    """Of ``found`` (close, unknown, Sámi): the first or second for each code not in
    :data:`LANGUAGES`, the third for ``se`` without ``sv``."""
    close, unknown, sami = found
    for lang in sorted(codes - LANGUAGES):
        suggestions = language_suggestions(lang)
        code = close if suggestions else unknown
        yield finding(code, path, **params, language=lang, suggestions=suggestions)
    if "se" in codes and "sv" not in codes:
        yield finding(sami, path, **params, language="se", suggestions=["sv"])


def check_languages(rules: RuleSet) -> Iterator[Finding]:
    """`GEN-2`: the body's working languages and the languages it wishes for among its
    organisations are known language codes."""
    for field, codes in (
        ("languages", rules.languages),
        ("diversity.languages", rules.diversity.languages),
    ):
        yield from _languages(codes, field, (JY140, JY141, JY142), field=field)


def validate_values(ctx: Context) -> Iterator[Finding]:
    """`GEN-2`: the organisations' category and language codes are known."""
    known = {c.code for c in ctx.rules.categories}
    for i, org in enumerate(ctx.comp.organisations):
        if known:
            for code in sorted(org.categories - known):
                suggestions = did_you_mean(code, known)
                yield finding(
                    JY240 if suggestions else JY243,
                    f"organisations[{i}].categories",
                    organisation=org.id,
                    category=code,
                    suggestions=suggestions,
                )
        path = f"organisations[{i}].languages"
        yield from _languages(org.languages, path, (JY241, JY244, JY242), organisation=org.id)
