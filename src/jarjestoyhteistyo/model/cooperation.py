"""A city's cooperation model with associations as data (`JP-1` … `JP-7`).

The nouns of :mod:`jarjestoyhteistyo.rules.cooperation`, which checks them: channels
(`JP-2`), offers (`JP-3`), contact persons (`JP-1`), internal processes and their
steps (`JP-5`), the annual clock's activities (`JP-5`, `JP-7`) and the model itself
(``kind: cooperation_model``). Roles only, never named people.

>>> CooperationModel(name="Example city", area="Example city").kind
'cooperation_model'
"""

from __future__ import annotations

import enum
from typing import ClassVar, Final

import attrs

from jarjestoyhteistyo.i18n import Term
from jarjestoyhteistyo.model import COOPERATION_KIND
from jarjestoyhteistyo.model.categories import Labels, name_term
from jarjestoyhteistyo.model.rulesets import Council, Provenance

__all__ = [
    "KIND",
    "AnnualActivity",
    "Channel",
    "ContactPerson",
    "CooperationModel",
    "GrantType",
    "Offers",
    "Process",
    "Step",
    "Subject",
]

#: The ``kind:`` tag of a cooperation model in YAML (kept in
#: :data:`jarjestoyhteistyo.model.COOPERATION_KIND`; the document table of
#: :mod:`jarjestoyhteistyo.io.serialize` reads it from the class).
KIND: Final = COOPERATION_KIND


# ------------------------------------------------------------------ annual clock
_MONTH = attrs.validators.and_(
    attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(12)
)
_DAY = attrs.validators.optional(
    attrs.validators.and_(
        attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(31)
    )
)


@attrs.frozen(kw_only=True)
class AnnualActivity:
    """A recurring item of the annual clock (`JP-5`).

    ``day=None`` means "some time in the month" (placed on the 1st for sorting); a
    day past the month's end clips to the last day (31 → 30 April, 29 February → 28
    February in common years). The activity occurs in ``anchor_year`` and every
    ``every_years`` years after it (with ``every_years=1`` and no anchor: every year).
    ``per_council_term`` makes it occur once per term of that council instead, on the
    first ``month``/``day`` on or after the term's start — in the term's first year
    (`KU-2`: the principles of NGO support are negotiated once per council term);
    it takes precedence over ``every_years`` and ``anchor_year``.

    When it occurs in a year is :func:`jarjestoyhteistyo.calc.meetings.occurs_in`, which
    reads the one council calendar.

    >>> AnnualActivity(id="hyte", label="HYTE negotiation", month=10, rule="KU-2").month
    10
    """

    id: str
    label: str
    month: int = attrs.field(validator=_MONTH)
    day: int | None = attrs.field(default=None, validator=_DAY)
    every_years: int = attrs.field(
        default=1, validator=(attrs.validators.instance_of(int), attrs.validators.ge(1))
    )
    anchor_year: int | None = None
    per_council_term: Council | None = None
    rule: str = ""


# --------------------------------------------------------------------------- enums
class Channel(enum.Enum):
    """How associations take part in the city's development (`JP-2`)."""

    STRATEGY = "strategy"
    SERVICE_NETWORK_PLANNING = "service_network_planning"
    PARTICIPATION_PROGRAMME = "participation_programme"
    WELLBEING_PLAN = "wellbeing_plan"
    GRANTS_DEVELOPMENT = "grants_development"
    COOPERATION_DEVELOPMENT = "cooperation_development"
    OTHER = "other"


class GrantType(enum.Enum):
    """The grant types a city offers (`JP-3`): operating, targeted and premises grants."""

    OPERATING = "operating"
    TARGETED = "targeted"
    PREMISES = "premises"

    @property
    def subject(self) -> Subject:
        """The :class:`Subject` of the process that handles this grant type."""
        return Subject(f"{self.value}_grant")


class Subject(enum.Enum):
    """What an internal process handles (`JP-5`): a grant type, or premises."""

    OPERATING_GRANT = "operating_grant"
    TARGETED_GRANT = "targeted_grant"
    PREMISES_GRANT = "premises_grant"
    PREMISES = "premises"
    OTHER = "other"


# --------------------------------------------------------------------- small parts
@attrs.frozen(kw_only=True)
class ContactPerson:
    """A unit's contact person for associations, as a role (`JP-1`; no names)."""

    unit: str
    role: str = attrs.field(metadata={"personal": "role"})


@attrs.frozen(kw_only=True)
class Offers:
    """What the city offers associations (`JP-3`).

    ``grants`` lists the grant types (operating, targeted, premises); ``premises``
    means city premises are available to associations.
    """

    premises: bool = False
    grants: frozenset[GrantType] = frozenset()
    events: bool = False
    joint_projects: bool = False
    communication: bool = False


@attrs.frozen(kw_only=True)
class Step:
    """One step of an internal process (`JP-5`: who does what, who decides).

    ``who`` is the role or unit that does the step; ``decides`` the role or organ that
    decides; ``decision`` marks a step that needs a decision (a decision step without
    ``decides`` is a finding).
    """

    id: str
    action: str
    who: str = attrs.field(default="", metadata={"personal": "role"})
    decides: str = ""
    decision: bool = False


@attrs.frozen(kw_only=True)
class Process:
    """A documented internal process for a grant type or premises (`JP-5`)."""

    id: str
    subject: Subject
    label: str = ""
    steps: tuple[Step, ...] = ()


# ------------------------------------------------------------------------- the kind
@attrs.frozen(kw_only=True)
class CooperationModel:
    """A cooperation model with associations (``kind: cooperation_model``, `JP-1` … `JP-7`).

    ``responsible`` is the role or group responsible for cooperation and ``units`` the
    city's units that work with associations; each unit needs a contact person in
    ``contact_persons`` (`JP-1`), and ``published`` says whether they are published.
    ``channels`` are the ways associations take part (`JP-2`); ``offers`` and
    ``register`` what the city offers (`JP-3`); ``processes``, ``web_page`` and
    ``annual_clock`` are what `JP-5` asks for (the clock also `JP-7`).
    """

    kind: ClassVar[str] = KIND
    name: str
    area: str
    #: The model's name in other languages (:meth:`name_in`).
    names: Labels | None = None
    description: str = ""
    responsible: str = attrs.field(default="", metadata={"personal": "role"})
    units: tuple[str, ...] = ()
    contact_persons: tuple[ContactPerson, ...] = ()
    published: bool = True
    channels: frozenset[Channel] = frozenset()
    offers: Offers = Offers()
    processes: tuple[Process, ...] = ()
    annual_clock: tuple[AnnualActivity, ...] = ()
    register: bool = False
    web_page: str = ""
    #: Where each value comes from (:class:`~jarjestoyhteistyo.model.rulesets.Provenance`),
    #: as a rule set's ``sources``.
    sources: tuple[Provenance, ...] = ()

    def name_in(self, lang: str) -> str:
        """The model's name in ``lang`` when ``names`` gives it, else ``name``."""
        return self.title.text_in(lang)

    @property
    def title(self) -> Term:
        """The model's name as a :class:`~jarjestoyhteistyo.i18n.Term` (a report's subject)."""
        return name_term(self.name, self.names)
