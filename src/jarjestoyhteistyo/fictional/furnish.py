"""Fictional organisations and people for :func:`~jarjestoyhteistyo.fictional.generate.generate`.

:class:`Furnisher` is the :class:`~jarjestoyhteistyo.model.planner.Furnisher` that
``generate`` hands the planner: plausible Finnish and Swedish association names made
from the word lists of this module ("Keravan Seniorikerho ry", "Föreningen för äldre
i Vanda rf"), their sizes, languages and municipalities from the area of the rule
set's preset, and people by role only (or with clearly fictional names). Every choice
comes from one ``random.Random``.

>>> import random
>>> from jarjestoyhteistyo import load_preset
>>> f = Furnisher(load_preset("keski-uusimaa"), random.Random(1))
>>> f.organisation("org-01", None, True).name.endswith(" ry")
True
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from jarjestoyhteistyo.errors import GenerateError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.model.composition import Organisation, Person, Role, SizeClass
from jarjestoyhteistyo.model.rulesets import RuleSet, SeatGroup, SeatSource
from jarjestoyhteistyo.presets import Municipality, PresetArea, area_for

__all__ = ["LINKS", "PRH_CODES", "Furnisher", "share"]


# ------------------------------------------------------------------ word lists
# An area's municipalities and theme networks come from its preset's header
# (presets.area_for); these are for any other area.
def _m(fi: str, genitive: str, sv: str) -> Municipality:
    return Municipality(fi=fi, genitive=genitive, sv=sv)


#: Fictional municipalities for any other area.
_GENERIC_AREA = (
    _m("Koskela", "Koskelan", "Forsby"),
    _m("Järvelä", "Järvelän", "Sjöby"),
    _m("Mäkelä", "Mäkelän", "Backby"),
    _m("Rantala", "Rantalan", "Strandby"),
    _m("Metsälä", "Metsälän", "Skogsby"),
)
_FI_DISTRICTS = ("Itä", "Länsi", "Pohjois", "Etelä", "Keski")
_SV_DISTRICTS = ("Östra", "Västra", "Norra", "Södra", "Mellersta")

#: Finnish and Swedish association name words per category code (`FC-4`).
_NOUNS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "child-family": (
        ("Perhekeskus", "Perhekerho", "Vanhempainyhdistys", "Lapsiperheyhdistys"),
        ("Familjeföreningen", "Familjeklubben", "Föreningen för barnfamiljer"),
    ),
    "illness-disability": (
        ("Potilasyhdistys", "Invalidiyhdistys", "Sydänyhdistys", "Kuuloyhdistys"),
        ("Patientföreningen", "Handikappföreningen", "Hjärtföreningen"),
    ),
    "pensioners": (
        ("Eläkeläiset", "Eläkkeensaajat", "Eläkeläisyhdistys"),
        ("Pensionärerna", "Pensionärsföreningen"),
    ),
    "health-promotion": (
        ("Terveysliikkujat", "Kansanterveysyhdistys", "Liikuntaseura"),
        ("Hälsomotionärerna", "Hälsoföreningen"),
    ),
    "other-social-health": (
        ("Sosiaaliturvayhdistys", "Mielenterveysseura", "Omaishoitajat"),
        ("Socialskyddsföreningen", "Närståendevårdarna"),
    ),
    "older-people": (
        ("Seniorikerho", "Vanhustyön yhdistys", "Ikäihmisten ystävät"),
        ("Föreningen för äldre", "Seniorklubben"),
    ),
    "employment": (
        ("Työpaja", "Työttömät", "Työllisyysyhdistys"),
        ("Arbetsverkstaden", "Sysselsättningsföreningen"),
    ),
    "substance-abuse": (
        ("Raittiusseura", "A-kilta", "Päihdetyön yhdistys"),
        ("Nykterhetssällskapet", "Nykterhetsföreningen"),
    ),
}
_GENERIC_NOUNS = (
    ("Kansalaisyhdistys", "Kyläyhdistys", "Toimintakeskus", "Yhteisöyhdistys"),
    ("Medborgarföreningen", "Byaföreningen", "Verksamhetsföreningen"),
)
PRH_CODES = tuple(_NOUNS)
_FIRST_FI = ("Aino", "Eino", "Helmi", "Onni", "Kerttu", "Toivo", "Siiri", "Väinö", "Elli", "Oiva")
_LAST_FI = ("Esimerkki", "Kuvitelma", "Mallinen", "Testilä", "Keksitty", "Sepite")
_FIRST_SV = ("Ebba", "Gustav", "Saga", "Elis", "Stina", "Valter")
_LAST_SV = ("Exempelström", "Påhittson", "Modellberg", "Fiktivqvist")
#: How a registrant links to the wellbeing area's work (`OF-3`, `WS-7`).
LINKS = (
    "runs peer groups in {municipality} that the wellbeing area's services refer people to",
    "offers volunteer visiting work in {municipality} together with home care",
    "organises low-threshold meeting places in {municipality}",
    "gives guidance and advice to clients of social and health services in {municipality}",
    "trains experience experts who take part in service development in {municipality}",
)


def _municipalities(area: PresetArea | None) -> tuple[Municipality, ...]:
    return area.municipalities if area is not None and area.municipalities else _GENERIC_AREA


def share(value: float, name: str) -> float:
    """``value`` when it is a share (0 … 1); else :class:`GenerateError`."""
    if not 0.0 <= value <= 1.0:
        raise GenerateError(
            Text("{name} must be between 0 and 1, not {value}", name=name, value=value)
        )
    return value


class Furnisher:
    """Fictional organisations and people for the planner, from one ``random.Random``."""

    def __init__(
        self,
        rules: RuleSet,
        rng: random.Random,
        *,
        multi_sector_share: float = 0.15,
        volunteer_share: float = 0.35,
        swedish_share: float = 0.1,
        names: bool = False,
    ) -> None:
        self.source_rules = rules
        self.rng = rng
        self.multi = multi_sector_share
        self.volunteer = volunteer_share
        self.swedish = swedish_share
        self.names = names
        area = area_for(rules.area)
        self.munis = _municipalities(area)
        self.network_categories = {n.id: n.categories for n in area.networks} if area else {}
        self.codes = tuple(c.code for c in rules.as_general().categories) or PRH_CODES
        self.used_names: set[str] = set()
        self.next_number: dict[tuple[str, str], int] = {}

    def org_name(self, code: str | None, muni: Municipality, swedish: bool) -> str:
        fi_nouns, sv_nouns = _NOUNS.get(code or "", _GENERIC_NOUNS)
        nouns = sv_nouns if swedish else fi_nouns
        first = self.rng.choice(nouns)
        tries = [first, *[n for n in nouns if n != first]]
        districts = _SV_DISTRICTS if swedish else _FI_DISTRICTS
        for noun in tries:
            for district in ("", *districts):
                if swedish:
                    place = f"{district} {muni.sv}" if district else muni.sv
                    name = f"{noun} i {place} rf"
                else:
                    place = f"{district}-{muni.genitive}" if district else muni.genitive
                    name = f"{place} {noun} ry"
                if name not in self.used_names:
                    self.used_names.add(name)
                    return name
        # every name taken: number them, counting on from the last number given (not
        # from 2 each time, which made 100,000 organisations quadratic)
        suffix = "rf" if swedish else "ry"
        n = self.next_number.get((first, suffix), 2)
        while f"{first} {n} {suffix}" in self.used_names:
            n += 1
        self.next_number[(first, suffix)] = n + 1
        self.used_names.add(f"{first} {n} {suffix}")
        return f"{first} {n} {suffix}"

    def person(self, role: Role, swedish: bool) -> Person:
        if not self.names:
            return Person(role=role)
        firsts, lasts = (_FIRST_SV, _LAST_SV) if swedish else (_FIRST_FI, _LAST_FI)
        name = f"{self.rng.choice(firsts)} {self.rng.choice(lasts)} (fictional)"
        return Person(role=role, name=name)

    def organisation(self, org_id: str, g: SeatGroup | None, eligible: bool) -> Organisation:
        """A fictional organisation for group ``g`` (any NGO when ``g`` is ``None``)."""
        rng = self.rng
        networks: frozenset[str] = frozenset()
        catch_all = False
        if g is not None and g.source is SeatSource.CATEGORY:
            pool = sorted(g.eligible_categories)
            if not eligible:
                pool = [c for c in self.codes if c not in g.eligible_categories] or [
                    "culture-and-sports"
                ]
            primary = rng.choice(pool)
            extras = [c for c in (self.codes if eligible else pool) if c != primary]
        elif g is not None and g.source is SeatSource.NETWORK and g.network is not None:
            if eligible:
                networks = frozenset({g.network})
            nets = {n.id: n for n in getattr(self.source_rules, "networks", ())}
            catch_all = g.network in nets and nets[g.network].catch_all
            primary = rng.choice(self.network_categories.get(g.network, PRH_CODES))
            extras = [c for c in PRH_CODES if c != primary]
        else:
            primary = rng.choice(self.codes)
            extras = [c for c in self.codes if c != primary]
        categories = {primary}
        if extras and (catch_all or rng.random() < self.multi):
            categories.add(rng.choice(extras))
        muni = rng.choice(self.munis)
        swedish = rng.random() < self.swedish
        if swedish:
            languages = {"sv"} if rng.random() < 0.5 else {"sv", "fi"}
        else:
            languages = {"fi", "en"} if rng.random() < 0.05 else {"fi"}
        volunteer = rng.random() < self.volunteer
        if volunteer:
            size = SizeClass.SMALL if rng.random() < 0.7 else SizeClass.MEDIUM
        else:
            size = rng.choice(
                (SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.MEDIUM, SizeClass.LARGE)
            )
        municipalities = {muni.fi}
        if g is not None and g.source is SeatSource.OPEN and not eligible:
            outside = [m for m in _GENERIC_AREA if m not in self.munis]
            muni = rng.choice(outside)
            municipalities = {muni.fi}
        return Organisation(
            id=org_id,
            name=self.org_name(primary if primary in _NOUNS else None, muni, swedish),
            categories=frozenset(categories),
            size=size,
            languages=frozenset(languages),
            volunteer_run=volunteer,
            municipalities=frozenset(municipalities),
            umbrella=size is SizeClass.LARGE and rng.random() < 0.3,
            service_provider=not volunteer and rng.random() < 0.3,
            networks=networks,
            groups=frozenset({"multilingual"}) if len(languages) > 1 else frozenset(),
        )

    def municipality(self, j: int) -> str | None:
        """The ``j``-th municipality of the area, round the list."""
        return self.munis[(j - 1) % len(self.munis)].fi
