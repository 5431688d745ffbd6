"""The words of the library's values in Finnish, Swedish and English (issue #16 point 2).

A preparer writes ``size: pieni`` or ``functions: [ordförande]``; the documents take
each value's Finnish and Swedish word as well as its own (``small``, ``chair``) and
write the value back in its own form. :data:`VOCABULARY` is the one table: for each
value of the enums a document holds — a rule set, a composition, a roadmap and its
plans (``status: osittain toteutunut``), a cooperation model (``channels:
[osallisuusohjelma]``), a succession history (``kind: ero``) — and for the functions
the library knows, its label in the three languages. Aliases are compared as a reader
sees them — case, spaces, hyphens and underscores do not count (``Vice chair``,
``vice-chair``).

The table is the library's own translation of its values; where a Finnish source
names a value, its word is the source's (a roadmap's *toteutunut*, *käynnissä*; a
cooperation model's *palveluverkkosuunnittelu*, *toiminta-avustus*); the Swedish
follows the terms of Finnish public administration: *välfärdsområde*, *nämnd*,
*ledamot*, *ersättare*, *verksamhetsunderstöd*.

>>> from jarjestoyhteistyo.model.composition import SizeClass
>>> value_of(SizeClass, "pieni"), value_of(SizeClass, "Liten"), value_of(SizeClass, "huge")
(<SizeClass.SMALL: 'small'>, <SizeClass.SMALL: 'small'>, None)
>>> [function_name(w) for w in ("varapuheenjohtaja", "vice ordförande", "tiedottaja")]
['vice_chair', 'vice_chair', 'tiedottaja']
>>> label(SizeClass.SMALL, "sv")
'liten'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, TypeVar

from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.i18n import Term
from jarjestoyhteistyo.model.categories import Labels
from jarjestoyhteistyo.model.composition import Function, Role, SeatKind, SizeClass, Stage
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    ChairMode,
    Council,
    DeputyMode,
    DiversityDimension,
    FeePolicy,
    MeetingPractice,
    Need,
    PartyTies,
    RotationPractice,
    SeatSource,
    TermMode,
)

__all__ = [
    "NOUNS",
    "VOCABULARY",
    "aliases",
    "fold",
    "function_name",
    "function_term",
    "label",
    "term",
    "value_of",
]

E = TypeVar("E", bound=enum.Enum)


def _l(fi: str, sv: str, en: str) -> Labels:
    return Labels(fi=fi, sv=sv, en=en)


#: The words of the enums of rule sets and compositions, by enum member.
_WORDS: Final[Mapping[enum.Enum, Labels]] = {
    SizeClass.SMALL: _l("pieni", "liten", "small"),
    SizeClass.MEDIUM: _l("keskikokoinen", "medelstor", "medium"),
    SizeClass.LARGE: _l("suuri", "stor", "large"),
    Role.NGO_EMPLOYEE: _l("järjestötyöntekijä", "organisationsanställd", "NGO employee"),
    Role.EXPERIENCE_EXPERT: _l("kokemusasiantuntija", "erfarenhetsexpert", "experience expert"),
    Role.VOLUNTEER: _l("vapaaehtoinen", "frivillig", "volunteer"),
    Role.FEDERATION_REPRESENTATIVE: _l(
        "liiton edustaja", "förbundsrepresentant", "federation representative"
    ),
    Role.WELLBEING_AREA_OFFICIAL: _l(
        "hyvinvointialueen viranhaltija",
        "välfärdsområdets tjänsteinnehavare",
        "wellbeing area official",
    ),
    Role.MUNICIPAL_OFFICIAL: _l(
        "kunnan viranhaltija", "kommunens tjänsteinnehavare", "municipal official"
    ),
    Role.ELECTED_MEMBER: _l("luottamushenkilö", "förtroendevald", "elected member"),
    Role.INVITED_EXPERT: _l("kutsuttu asiantuntija", "inbjuden sakkunnig", "invited expert"),
    Role.SECTOR_REPRESENTATIVE: _l(
        "sektorin edustaja", "sektorsrepresentant", "sector representative"
    ),
    SeatKind.MEMBER: _l("jäsen", "ledamot", "member"),
    SeatKind.DEPUTY: _l("varajäsen", "ersättare", "deputy"),
    SeatKind.COMMITTEE: _l("lautakunnan jäsen", "nämndledamot", "committee member"),
    SeatKind.OFFICIAL: _l("viranhaltija", "tjänsteinnehavare", "official"),
    SeatKind.EXPERT: _l("asiantuntija", "sakkunnig", "expert"),
    SeatKind.STAFF: _l("henkilöstö", "personal", "staff"),
    Function.CHAIR: _l("puheenjohtaja", "ordförande", "chair"),
    Function.VICE_CHAIR: _l("varapuheenjohtaja", "vice ordförande", "vice-chair"),
    Function.SECRETARY: _l("sihteeri", "sekreterare", "secretary"),
    Function.CONVENER: _l("koollekutsuja", "sammankallare", "convener"),
    Function.COORDINATOR: _l("koordinaattori", "koordinator", "coordinator"),
    Function.PRESENTER: _l("esittelijä", "föredragande", "presenter"),
    Stage.PROPOSAL: _l("ehdotus", "förslag", "proposal"),
    Stage.APPOINTED: _l("nimetty", "utsedd", "appointed"),
    Need.REQUIRED: _l("pakollinen", "obligatorisk", "required"),
    Need.WANTED: _l("toivottava", "önskvärd", "wanted"),
    SeatSource.CATEGORY: _l("yhdistysluokka", "föreningskategori", "category"),
    SeatSource.NETWORK: _l("teemaverkosto", "temanätverk", "network"),
    SeatSource.OPEN: _l("avoin", "öppen", "open"),
    SeatSource.COMMITTEE: _l("lautakunta", "nämnd", "committee"),
    SeatSource.OFFICIAL: _l("viranhaltija", "tjänsteinnehavare", "official"),
    SeatSource.SECTOR: _l("sektori", "sektor", "sector"),
    SeatSource.EXPERT: _l("asiantuntija", "sakkunnig", "expert"),
    DeputyMode.PERSONAL: _l("henkilökohtainen", "personlig", "personal"),
    DeputyMode.OPTIONAL: _l("valinnainen", "valfri", "optional"),
    DeputyMode.ORDERED: _l("varajäsenjärjestys", "ersättarordning", "ordered"),
    DeputyMode.PAIR: _l("työpari", "arbetspar", "pair"),
    DeputyMode.AGREED: _l("sovittava", "enligt överenskommelse", "agreed"),
    DeputyMode.NONE: _l("ei varajäseniä", "inga ersättare", "none"),
    ChairMode.DIALOGUE: _l(
        "vuoropuhelu lautakunnan kanssa", "i dialog med nämnden", "dialogue with the committee"
    ),
    ChairMode.ELECTED: _l("jäsenten valitsema", "vald av ledamöterna", "elected by members"),
    ChairMode.APPOINTED: _l(
        "aluehallituksen nimeämä", "utsedd av välfärdsområdesstyrelsen", "appointed by the board"
    ),
    ChairMode.ROTATING: _l("kiertävä", "roterande", "rotating"),
    ChairMode.NONE: _l("ei puheenjohtajaa", "ingen ordförande", "none"),
    Authority.EXECUTIVE_BOARD: _l(
        "aluehallitus", "välfärdsområdesstyrelsen", "regional executive board"
    ),
    Authority.COMMITTEE: _l("lautakunta", "nämnden", "committee"),
    Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS: _l(
        "lautakunta esittää, aluehallitus nimeää",
        "nämnden föreslår, styrelsen utser",
        "committee proposes, board appoints",
    ),
    Authority.THEME_NETWORKS: _l("teemaverkostot", "temanätverken", "theme networks"),
    Authority.OPEN_REGISTRATION: _l("avoin ilmoittautuminen", "öppen anmälan", "open registration"),
    Authority.REGIONAL_COUNCIL: _l(
        "aluevaltuusto", "välfärdsområdesfullmäktige", "regional council"
    ),
    Authority.BODY_ITSELF: _l("toimielin itse", "organet självt", "the body itself"),
    Authority.OFFICE_HOLDER: _l(
        "viranhaltijapäätös", "tjänsteinnehavarbeslut", "an office holder's decision"
    ),
    Authority.MUNICIPAL_BODIES: _l(
        "kuntien toimielimet", "kommunernas organ", "the municipalities' bodies"
    ),
    FeePolicy.FEE_RULE: _l("palkkiosääntö", "arvodesstadga", "fee rule"),
    FeePolicy.OTHER_AGREED: _l(
        "muu sovittu korvaus", "annan överenskommen ersättning", "other compensation as agreed"
    ),
    FeePolicy.NONE: _l("ei palkkiota", "inget arvode", "no fee"),
    FeePolicy.TO_BE_AGREED: _l("vielä selvitettävä", "ännu att utreda", "still to be agreed"),
    MeetingPractice.IN_PERSON: _l("lähikokous", "fysiskt möte", "in person"),
    MeetingPractice.REMOTE: _l("etäkokous", "distansmöte", "remote"),
    MeetingPractice.HYBRID: _l("hybridikokous", "hybridmöte", "hybrid"),
    MeetingPractice.AGREED_BY_MEMBERS: _l(
        "jäsenet sopivat", "medlemmarna kommer överens", "agreed by the members"
    ),
    DiversityDimension.MULTILINGUAL: _l("monikielinen", "flerspråkig", "multilingual"),
    DiversityDimension.MULTICULTURAL: _l("monikulttuurinen", "mångkulturell", "multicultural"),
    DiversityDimension.WOMEN_SPECIFIC: _l("naisjärjestö", "kvinnoorganisation", "women-specific"),
    PartyTies.FORBIDDEN: _l("kielletty", "förbjuden", "forbidden"),
    PartyTies.ALLOWED: _l("sallittu", "tillåten", "allowed"),
    TermMode.FIXED: _l("kiinteä", "fast", "fixed"),
    TermMode.COUNCIL: _l("valtuustokausi", "fullmäktigeperiod", "council term"),
    TermMode.COUNCIL_FRACTION: _l(
        "osa valtuustokaudesta", "del av fullmäktigeperioden", "a fraction of the council term"
    ),
    TermMode.FIXED_DATES: _l("kiinteät päivämäärät", "fasta datum", "fixed dates"),
    TermMode.AGREED: _l("sovittava", "enligt överenskommelse", "agreed"),
    RotationPractice.EACH_TERM: _l("joka kausi", "varje period", "each term"),
    RotationPractice.STAGGERED_TERMS: _l(
        "porrastetut kaudet", "förskjutna perioder", "staggered terms"
    ),
    Council.REGIONAL: _l("aluevaltuusto", "välfärdsområdesfullmäktige", "regional council"),
    Council.MUNICIPAL: _l("kunnanvaltuusto", "kommunfullmäktige", "municipal council"),
}


#: The words of the enums of the other documents — a roadmap and its plans, a
#: cooperation model, a succession history — by the enum's ``module:class`` and the
#: value. Named, not imported: reading a rule set loads none of those models (a value
#: of one exists only once its module is loaded); :data:`VOCABULARY` finds them.
_WORDS_BY_NAME: Final[Mapping[str, Mapping[str, Labels]]] = {
    # a roadmap's measures and binding targets (RM-4, RM-5, RM-7)
    "jarjestoyhteistyo.model.roadmap:Status": {
        "achieved": _l("toteutunut", "genomförd", "achieved"),
        "partly_achieved": _l("osittain toteutunut", "delvis genomförd", "partly achieved"),
        "in_progress": _l("käynnissä", "pågående", "in progress"),
        "not_achieved": _l("ei toteutunut", "inte genomförd", "not achieved"),
        "not_started": _l("ei aloitettu", "inte påbörjad", "not started"),
        "dropped": _l("luovuttu", "slopad", "dropped"),
    },
    # where a status comes from (issue #18)
    "jarjestoyhteistyo.model.roadmap:Basis": {
        "source": _l("lähteen mukaan", "enligt källan", "as the source says"),
        "inferred": _l("päätelty", "härledd", "inferred"),
    },
    "jarjestoyhteistyo.model.roadmap:MetricKind": {
        "qualitative": _l("laadullinen", "kvalitativ", "qualitative"),
        "numeric": _l("määrällinen", "kvantitativ", "numeric"),
    },
    # a city's cooperation model (JP-2, JP-3, JP-5), in the words of its source
    "jarjestoyhteistyo.model.cooperation:Channel": {
        "strategy": _l("strategian päivitys", "uppdatering av strategin", "strategy"),
        "service_network_planning": _l(
            "palveluverkkosuunnittelu", "servicenätsplanering", "service network planning"
        ),
        "participation_programme": _l(
            "osallisuusohjelma", "delaktighetsprogram", "participation programme"
        ),
        "wellbeing_plan": _l("hyvinvointisuunnitelma", "välfärdsplan", "wellbeing plan"),
        "grants_development": _l(
            "avustuskäytäntöjen kehittäminen",
            "utveckling av understödspraxis",
            "developing grant practices",
        ),
        "cooperation_development": _l(
            "yhteistoiminnan kehittäminen", "utveckling av samverkan", "developing cooperation"
        ),
        "other": _l("muu", "annat", "other"),
    },
    "jarjestoyhteistyo.model.cooperation:GrantType": {
        "operating": _l("toiminta-avustus", "verksamhetsunderstöd", "operating grant"),
        "targeted": _l("kohdeavustus", "riktat understöd", "targeted grant"),
        "premises": _l("tila-avustus", "lokalunderstöd", "premises grant"),
    },
    "jarjestoyhteistyo.model.cooperation:Subject": {
        "operating_grant": _l("toiminta-avustus", "verksamhetsunderstöd", "operating grant"),
        "targeted_grant": _l("kohdeavustus", "riktat understöd", "targeted grant"),
        "premises_grant": _l("tila-avustus", "lokalunderstöd", "premises grant"),
        "premises": _l("tilat", "lokaler", "premises"),
        "other": _l("muu", "annat", "other"),
    },
    # a succession history's events (FC-7, FC-8, FC-15)
    "jarjestoyhteistyo.model.history:EventKind": {
        "resign": _l("ero", "avgång", "resignation"),
        "fill": _l("täyttö", "tillsättning", "fill"),
        "vacate": _l("vapauttaminen", "entledigande", "vacate"),
        "replace": _l("vaihto", "byte", "replace"),
        "assign": _l("tehtävien siirto", "överföring av uppdrag", "assign"),
    },
}


def _enum_name(enum_type: type) -> str:
    return f"{enum_type.__module__}:{enum_type.__qualname__}"


class _Vocabulary(Mapping[enum.Enum, Labels]):
    """Every value's words: those of :data:`_WORDS`, and those of
    :data:`_WORDS_BY_NAME` found by the value's enum's name (its module already loaded,
    since the value exists). Iterating imports the other documents' models."""

    def __getitem__(self, member: enum.Enum) -> Labels:
        found = _WORDS.get(member)
        if found is not None:
            return found
        words = _WORDS_BY_NAME.get(_enum_name(type(member)), {})
        value = getattr(member, "value", None)
        if isinstance(member, enum.Enum) and isinstance(value, str) and value in words:
            return words[value]
        raise NotFoundError(str(member))

    def _members(self) -> list[enum.Enum]:
        import importlib

        members = list(_WORDS)
        for name, words in _WORDS_BY_NAME.items():
            module, _, cls = name.partition(":")
            enum_type = getattr(importlib.import_module(module), cls)
            members += [enum_type(value) for value in words]
        return members

    def __iter__(self) -> Iterator[enum.Enum]:
        return iter(self._members())

    def __len__(self) -> int:
        return len(_WORDS) + sum(len(words) for words in _WORDS_BY_NAME.values())


#: Each value's label in Finnish, Swedish and English, by enum member: the values of
#: rule sets and compositions, of roadmaps and their plans, of cooperation models and
#: of succession histories.
VOCABULARY: Final[Mapping[enum.Enum, Labels]] = _Vocabulary()


#: The nouns a message names a thing by (``organisation`` id, ``seat`` group), in the
#: three languages: the words of :func:`term` for a plain string.
NOUNS: Final[Mapping[str, Labels]] = {
    "organisation": _l("järjestö", "organisation", "organisation"),
    "seat": _l("paikka", "plats", "seat"),
    "person": _l("henkilö", "person", "person"),
    "category": _l("järjestötyyppi", "föreningskategori", "category"),
    "network": _l("teemaverkosto", "temanätverk", "network"),
    "official seat": _l("viranhaltijapaikka", "tjänsteinnehavarplats", "official seat"),
    "seat group": _l("paikkaryhmä", "platsgrupp", "seat group"),
    "required function": _l("vaadittu tehtävä", "obligatoriskt uppdrag", "required function"),
    "unit": _l("yksikkö", "enhet", "unit"),
    "role": _l("rooli", "roll", "role"),
    "process": _l("prosessi", "process", "process"),
    "step": _l("vaihe", "steg", "step"),
    "activity": _l("tehtävä", "aktivitet", "activity"),
    "goal": _l("tavoite", "mål", "goal"),
    "milestone item": _l("välitavoitteen kohta", "delmålspunkt", "milestone item"),
    "action area": _l("toimenpidekokonaisuus", "åtgärdshelhet", "action area"),
    "measure": _l("toimenpide", "åtgärd", "measure"),
    "metric": _l("mittari", "mätare", "metric"),
}


def term(value: enum.Enum | str) -> Term:
    """``value`` as a message names it: an enum value with its words of
    :data:`VOCABULARY`, a noun with those of :data:`NOUNS`; anything else as written.

    >>> from jarjestoyhteistyo.model.composition import Function
    >>> term(Function.CHAIR).text_in("sv"), str(term(Function.CHAIR)), term("seat").text_in("fi")
    ('ordförande', 'chair', 'paikka')
    """
    if isinstance(value, enum.Enum):
        labels = VOCABULARY.get(value)
        text = str(value.value)
    else:
        labels = NOUNS.get(value)
        text = value
    if labels is None:
        return Term(text)
    return Term(text, fi=labels.fi, sv=labels.sv, en=labels.en)


def function_term(name: str) -> Term:
    """A function as a message names it: one the library knows in words, a function of
    the rule set's own as written."""
    known = value_of(Function, name)
    return term(known) if known is not None else Term(name)


def fold(text: str) -> str:
    """``text`` as aliases are compared: case, spaces, hyphens and underscores do not
    count.

    >>> fold("Vice-Chair"), fold("vice chair"), fold("VICE_CHAIR")
    ('vicechair', 'vicechair', 'vicechair')
    """
    return "".join(ch for ch in text.casefold() if ch not in " -_\u00a0\t")


def _words(member: enum.Enum) -> Iterable[str]:
    yield str(member.value)
    labels = VOCABULARY.get(member)
    if labels is not None:
        yield from (w for w in (labels.fi, labels.sv, labels.en) if w is not None)


def words_of(member: enum.Enum) -> tuple[str, ...]:
    """Every word that names ``member``: its own value, then its Finnish, Swedish and
    English labels, as written.

    >>> from jarjestoyhteistyo.model.composition import SizeClass
    >>> words_of(SizeClass.SMALL)
    ('small', 'pieni', 'liten')
    """
    return tuple(dict.fromkeys(_words(member)))


_ALIASES: dict[type[enum.Enum], dict[str, enum.Enum]] = {}


def aliases(enum_type: type[E]) -> Mapping[str, E]:
    """Every word of ``enum_type``'s values (its own, Finnish, Swedish, English),
    folded (:func:`fold`), to the value it names; made once per enum."""
    table = _ALIASES.get(enum_type)
    if table is None:
        table = {fold(word): member for member in enum_type for word in _words(member)}
        _ALIASES[enum_type] = table
    return table  # type: ignore[return-value]


def value_of(enum_type: type[E], text: str) -> E | None:
    """The value of ``enum_type`` that ``text`` names in any of the three languages,
    else ``None``."""
    return aliases(enum_type).get(fold(text))


def function_name(text: str) -> str:
    """The function a seat holds, its own name for one the library knows (``chair``
    for ``puheenjohtaja``, ``ordförande`` or ``Chair``), else ``text`` as written (a
    function of the rule set's own)."""
    known = value_of(Function, text)
    return str(known.value) if known is not None else text


def label(value: enum.Enum, lang: str = "en") -> str:
    """The word for ``value`` in ``lang`` (``fi``, ``sv`` or ``en``); its own value
    when the table has none."""
    labels = VOCABULARY.get(value)
    return labels.get(lang) if labels is not None else str(value.value)
