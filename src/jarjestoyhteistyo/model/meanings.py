"""What each YAML key means: the one home of the keys' meanings, in plain words.

:data:`MEANINGS` maps ``Class.field`` to one short English sentence for a civil
servant who writes the YAML, not for a programmer: what the key is, its unit
(months, hours, a share 0–1) and, where it matters, what leaving it out means. Every
field of every class a document holds (:data:`~jarjestoyhteistyo.io.serialize.DOCUMENTS`)
has one; a field a class inherits is named once, under the class that declares it
(``_Common.name`` for every rule-set kind's ``name``), and :func:`meaning` finds it
through the class's bases, as :func:`~jarjestoyhteistyo.model.bounds.bound_of` finds a
bound. :data:`KIND` is the meaning of the ``kind:`` tag, which is no field.

The YAML reference's *Meaning* column and ``jarjestoyhteistyo init`` (a commented
starter file) read them, in Finnish and Swedish too: each meaning is a catalogue
message whose context is its key (``FormalCommittee.deputies``), so a translator sees
which key a sentence explains.

>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee, MeetingPolicy
>>> meaning(MeetingPolicy, "hours")
'Hours one meeting takes, per member: an estimate for the workload, not a rule.'
>>> meaning(FormalCommittee, "name") == MEANINGS["_Common.name"]  # from the base class
True
>>> meaning(MeetingPolicy, "hours", "fi")
'Yhden kokouksen kesto tunteina jäsentä kohden: arvio työmäärää varten, ei sääntö.'
>>> meaning(MeetingPolicy, "weeks")
Traceback (most recent call last):
...
jarjestoyhteistyo.errors.NotFoundError: no meaning for MeetingPolicy.weeks
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.i18n import Lang, pgettext

__all__ = ["KIND", "MEANINGS", "meaning"]


def _meaning(key: str, text: str) -> tuple[str, str]:
    """Mark ``text`` for the catalogues under the context ``key`` (``Class.field``)."""
    return key, text


_KIND_KEY: Final = "kind"
#: The meaning of the ``kind:`` tag (a rule set's and a cooperation model's, which
#: chooses the class; any other document may write its name).
KIND: Final = _meaning("kind", "What the document is; it decides which keys follow.")[1]

_ENTRIES: Final[tuple[tuple[str, str], ...]] = (
    # ------------------------------------------------------------ every rule set
    _meaning("_Common.name", "The body's name, as its decisions write it."),
    _meaning("_Common.area", "The wellbeing area (or city) the body works in."),
    _meaning("_Common.names", "The body's name in other languages; left out: only name."),
    _meaning(
        "_Common.languages",
        "The languages the body works in, e.g. [fi, sv]; left out: not stated.",
    ),
    _meaning("_Common.description", "A short description of the body in your own words."),
    _meaning(
        "_Common.parent_organ",
        "The organ the body works under or reports to, e.g. a committee; left out: not stated.",
    ),
    _meaning("_Common.tasks", "The body's tasks, one list item each."),
    _meaning(
        "_Common.swot",
        "The body's strengths, weaknesses, opportunities and threats, as short lists.",
    ),
    _meaning(
        "_Common.term",
        "How long members serve and how they change; left out in a general rule set: not stated.",
    ),
    _meaning("_Common.meetings", "How often the body meets and how much time meetings take."),
    _meaning(
        "_Common.fee",
        "Whether members are paid a meeting fee; left out in a general rule set: not stated.",
    ),
    _meaning(
        "_Common.fee_amount",
        "The meeting fee in euros per meeting, where the rule set states it; left out: not stated.",
    ),
    _meaning(
        "_Common.written_mandate",
        "Whether the body's position, duties and responsibilities are agreed in writing "
        "(KU-14); left out: not stated.",
    ),
    _meaning(
        "_Common.communication_plan",
        "Whether the body has or drafts a communication plan (KU-14, WS-9); left out: not stated.",
    ),
    _meaning(
        "_Common.representation",
        "The groups and events the body chooses NGO representatives for (FC-2, KU-2).",
    ),
    _meaning(
        "_Common.prerequisites",
        "What membership asks of a member (time, competence, motivation, equipment), one "
        "list item each, told to applicants (KU-9, WS-9).",
    ),
    _meaning(
        "_Common.sources",
        "Where each value comes from: entries with a path and a source (document and "
        "section) or a decision (its reason).",
    ),
    _meaning(
        "_Common.mid_term_changes",
        "Who approves a change of members during the term; left out in a general rule set: "
        "not stated.",
    ),
    _meaning("_Common.statutory_duties", "Whether the law gives the body duties of its own."),
    _meaning(
        "_Common.time_budget_hours_per_year",
        "The hours a year membership takes at most, told to applicants; left out: not stated.",
    ),
    _meaning(
        "_Common.recommended_size",
        "The recommended number of members, a range; left out: no recommendation.",
    ),
    _meaning(
        "_Common.recommended_size_of",
        "The kinds of seats the recommended size counts; left out: every member seat.",
    ),
    _meaning(
        "_Common.required_municipalities",
        "The municipalities that must each have at least one seat.",
    ),
    _meaning(
        "_Common.diversity",
        "Wishes for a varied membership: volunteer-run organisations, languages, sizes.",
    ),
    _meaning(
        "_Common.functions",
        "The body's own functions besides chair, secretary and the like, e.g. communications.",
    ),
    _meaning(
        "_Common.required_functions",
        "The functions some seat must hold, e.g. a secretary, and who may hold them.",
    ),
    _meaning(
        "_Common.duties",
        "Duties that pass from one holder to the next in turns, e.g. a rotating chair.",
    ),
    # ------------------------------------------------------------------ general
    _meaning(
        "GeneralRuleSet.categories",
        "The association categories seats are filled from; left out: the eight categories "
        "of the register of associations.",
    ),
    _meaning("GeneralRuleSet.seat_groups", "The groups of seats and how many seats each has."),
    _meaning(
        "GeneralRuleSet.deputies",
        "Whether members have deputies and how; left out: no deputies.",
    ),
    _meaning(
        "GeneralRuleSet.pairs",
        "Work pairs, two people who stand in for each other; left out: no work pairs.",
    ),
    _meaning(
        "GeneralRuleSet.chair",
        "The chair and vice-chairs and how they are chosen; left out: the body has no chair.",
    ),
    _meaning(
        "GeneralRuleSet.selection",
        "How members are chosen: who appoints them, registration and criteria.",
    ),
    _meaning(
        "GeneralRuleSet.cap",
        "The largest number of organisations that can take part; left out: no limit.",
    ),
    # --------------------------------------------------------- formal committee
    _meaning(
        "FormalCommittee.categories",
        "The association categories seats are filled from; left out: the eight categories "
        "of the register of associations.",
    ),
    _meaning(
        "FormalCommittee.members_per_category",
        "How many members each association category has: 1 or 2.",
    ),
    _meaning(
        "FormalCommittee.committee_members",
        "How many members of the committee sit in the body, a range.",
    ),
    _meaning(
        "FormalCommittee.deputies",
        "How members have deputies; left out: a personal deputy for each member, of the same "
        "category and from another organisation.",
    ),
    _meaning(
        "FormalCommittee.chair",
        "The chair and vice-chairs; left out: chosen in dialogue with the committee.",
    ),
    _meaning(
        "FormalCommittee.selection",
        "How members are chosen; left out: the committee proposes and the executive board "
        "appoints.",
    ),
    # --------------------------------------------------------------- open forum
    _meaning(
        "OpenForum.categories",
        "The association categories seats are filled from; left out: the eight categories "
        "of the register of associations.",
    ),
    _meaning("OpenForum.cap", "The largest number of organisations in the forum."),
    _meaning(
        "OpenForum.coordinator",
        "Who coordinates the forum, e.g. the wellbeing area's HYTE team.",
    ),
    _meaning(
        "OpenForum.committee_members",
        "How many representatives of the committee take part, a range.",
    ),
    _meaning(
        "OpenForum.chair",
        "Whether the forum has a chair; left out: no chair, the coordinator leads.",
    ),
    _meaning(
        "OpenForum.deputies",
        "How members are replaced; left out: as agreed with the organisations.",
    ),
    _meaning(
        "OpenForum.selection",
        "How organisations join; left out: open registration, criteria only when too many "
        "register.",
    ),
    # ---------------------------------------------------- theme network council
    _meaning(
        "ThemeNetworkCouncil.networks",
        "The theme networks that send representatives; left out: the five networks of the model.",
    ),
    _meaning(
        "ThemeNetworkCouncil.representatives_per_network",
        "How many representatives each theme network sends; a work pair is 2.",
    ),
    _meaning(
        "ThemeNetworkCouncil.pairs",
        "Which combinations of roles a work pair should be.",
    ),
    _meaning(
        "ThemeNetworkCouncil.official_seats",
        "Fixed seats for officials, e.g. the NGO contact persons of the wellbeing area and "
        "the municipalities.",
    ),
    _meaning("ThemeNetworkCouncil.experts", "How many experts may be invited as needed, a range."),
    _meaning("ThemeNetworkCouncil.experts_vote", "Whether the invited experts vote."),
    _meaning("ThemeNetworkCouncil.convener", "Who calls the council together."),
    _meaning("ThemeNetworkCouncil.secretary", "Who acts as the council's secretary."),
    _meaning(
        "ThemeNetworkCouncil.chair",
        "The chair and how it is chosen; left out: the council has no chair.",
    ),
    _meaning(
        "ThemeNetworkCouncil.selection",
        "How members are chosen; left out: the theme networks choose their representatives.",
    ),
    # ------------------------------------------------------ parts of rule sets
    _meaning("Labels.fi", "In Finnish."),
    _meaning("Labels.sv", "In Swedish."),
    _meaning("Labels.en", "In English."),
    _meaning(
        "Provenance.path",
        "The value the entry covers, as the YAML names it: tasks, meetings.per_year.",
    ),
    _meaning("Provenance.source", "The document and its section the value comes from."),
    _meaning("Provenance.decision", "The reason for the value where no source states it."),
    _meaning("Swot.strengths", "The strengths, one list item each."),
    _meaning("Swot.weaknesses", "The weaknesses, one list item each."),
    _meaning("Swot.opportunities", "The opportunities, one list item each."),
    _meaning("Swot.threats", "The threats, one list item each."),
    _meaning(
        "TermPolicy.mode",
        "How the term is set: a number of months, the council term, a share of it, fixed "
        "dates, or as agreed.",
    ),
    _meaning("TermPolicy.months", "The length of a term in months, for mode fixed."),
    _meaning("TermPolicy.council", "Which council's term the term follows."),
    _meaning(
        "TermPolicy.fraction",
        "The term as a share of the council term, 0–1, for mode council_fraction.",
    ),
    _meaning("TermPolicy.start", "The first day of the term, for mode fixed_dates."),
    _meaning("TermPolicy.end", "The last day of the term, for mode fixed_dates."),
    _meaning(
        "TermPolicy.first_term_months",
        "Shorter first terms in months that stagger the changes, e.g. [12, 24]; left out: none.",
    ),
    _meaning(
        "TermPolicy.first_term_end",
        "The day a transitional first term ends; left out: none.",
    ),
    _meaning(
        "TermPolicy.rotation",
        "The share of members that changes at each changeover, 0–1; 0.5 is half.",
    ),
    _meaning(
        "TermPolicy.rotation_practice",
        "How the changing share is arranged; left out: staggered terms.",
    ),
    _meaning(
        "TermPolicy.max_consecutive_person",
        "How many terms in a row one person may serve; left out: no limit.",
    ),
    _meaning(
        "TermPolicy.max_consecutive_organisation",
        "How many terms in a row one organisation may hold a seat; left out: no limit.",
    ),
    _meaning(
        "TermPolicy.max_months",
        "The longest term accepted, in months; left out: one council term.",
    ),
    _meaning(
        "MeetingPolicy.per_year",
        "How many meetings a year, a range such as 4-6; left out in a general rule set: not "
        "stated.",
    ),
    _meaning(
        "MeetingPolicy.hours",
        "Hours one meeting takes, per member: an estimate for the workload, not a rule.",
    ),
    _meaning(
        "MeetingPolicy.preparation_hours",
        "Hours a member prepares for one meeting: an estimate for the workload.",
    ),
    _meaning(
        "MeetingPolicy.network_meetings_per_year",
        "How many theme-network meetings a year a member also attends.",
    ),
    _meaning("MeetingPolicy.network_meeting_hours", "Hours one theme-network meeting takes."),
    _meaning(
        "MeetingPolicy.agreed_jointly",
        "Whether the meeting times are agreed together with the organisations.",
    ),
    _meaning(
        "MeetingPolicy.practice",
        "How the body meets: in_person, remote, hybrid or agreed_by_members (KU-14).",
    ),
    _meaning(
        "MeetingPolicy.start_up_per_year",
        "The meeting rhythm at the start, a range a year: more meetings at first (WS-4).",
    ),
    _meaning(
        "MeetingPolicy.start_up_months",
        "How many months the start-up rhythm lasts before it is re-assessed (WS-4).",
    ),
    _meaning(
        "MeetingPolicy.weekday",
        "The usual meeting day, mo … su, e.g. 2tu for the second Tuesday of the month; left "
        "out: the first Tuesday.",
    ),
    _meaning(
        "MeetingPolicy.time",
        'The usual starting time in quotes, e.g. "17:00"; left out: 17:00.',
    ),
    _meaning("MeetingPolicy.location", "Where the meetings are held; left out: not stated."),
    _meaning("MeetingPolicy.description", "A description for the meetings' calendar entries."),
    _meaning("IntRange.min", "The smallest number."),
    _meaning("IntRange.max", "The largest number; left out: no upper limit."),
    _meaning(
        "DiversityPolicy.need",
        "Whether a wish not met is an error (required) or a warning (wanted).",
    ),
    _meaning(
        "DiversityPolicy.volunteer_run",
        "Whether a volunteer-run organisation is wished for among the members.",
    ),
    _meaning(
        "DiversityPolicy.languages",
        "The languages some member organisation should work in, e.g. [sv].",
    ),
    _meaning(
        "DiversityPolicy.min_size_classes",
        "How many different sizes of organisation (small, medium, large) are wished for.",
    ),
    _meaning(
        "DiversityPolicy.dimensions",
        "Diversity within the types wished for: multilingual, multicultural, women_specific "
        "(WS-7).",
    ),
    _meaning("RequiredFunction.function", "The function some seat must hold, e.g. secretary."),
    _meaning(
        "RequiredFunction.groups",
        "The seat groups whose seats may hold the function; left out: any.",
    ),
    _meaning(
        "RequiredFunction.sources",
        "The kinds of seat group whose seats may hold the function; left out: any.",
    ),
    _meaning(
        "RequiredFunction.roles",
        "The roles the holder may have, e.g. wellbeing_area_official; left out: any.",
    ),
    _meaning("RotatingDuty.duty", "The duty that passes in turns, e.g. chair or secretary."),
    _meaning("RotatingDuty.turns", "The turns one by one, each with its holder and dates."),
    _meaning("RotatingDuty.start", "The day the first turn starts, when turns go by period."),
    _meaning("RotatingDuty.period_months", "The length of one turn in months."),
    _meaning(
        "RotatingDuty.holders",
        "The holders in the order of their turns: organisation ids or roles, never names.",
    ),
    _meaning(
        "RotatingDuty.repeats",
        "Whether the turns start over after the last one; left out: they do not.",
    ),
    _meaning(
        "DutyTurn.holder",
        "Who holds this turn: an organisation id or a role, never a name.",
    ),
    _meaning("DutyTurn.start", "The first day of the turn."),
    _meaning("DutyTurn.end", "The last day of the turn."),
    _meaning(
        "Category.code",
        "The category's short code, which seat groups and organisations refer to.",
    ),
    _meaning("Category.labels", "The category's name in Finnish, Swedish and English."),
    _meaning("SeatGroup.id", "The group's short id, which its seats refer to."),
    _meaning("SeatGroup.source", "Where the holders of the group's seats come from."),
    _meaning("SeatGroup.label", "The group's name in words."),
    _meaning("SeatGroup.seats", "How many seats the group has: a range or one number."),
    _meaning(
        "SeatGroup.need",
        "Whether an unfilled seat is an error (required) or a warning (wanted).",
    ),
    _meaning(
        "SeatGroup.categories",
        "The association categories whose organisations may hold the seats; left out: the "
        "category named by id.",
    ),
    _meaning(
        "SeatGroup.network",
        "The theme network whose representatives hold the seats, for source network.",
    ),
    _meaning(
        "SeatGroup.role",
        "The role the holders must have, e.g. wellbeing_area_official; left out: any.",
    ),
    _meaning("SeatGroup.rule", "The rule id the group follows, e.g. FC-5, shown in reports."),
    _meaning(
        "SeatGroup.voting",
        "Whether the holders vote; left out: everyone votes except experts.",
    ),
    _meaning(
        "SeatGroup.deputies",
        "The group's own way of deputies; left out: the body's.",
    ),
    _meaning(
        "SeatGroup.municipality",
        "The municipality the group's seats are for; left out: none.",
    ),
    _meaning(
        "SeatGroup.nominated_by",
        "Who names the holders, e.g. an umbrella organisation; left out: not stated.",
    ),
    _meaning("DeputyPolicy.mode", "How members are replaced when they cannot attend."),
    _meaning(
        "DeputyPolicy.same_category",
        "Whether a deputy must (required) or should (wanted) be of the member's category; "
        "left out: not checked, except in a formal committee.",
    ),
    _meaning(
        "DeputyPolicy.different_organisation",
        "Whether a deputy must (required) or should (wanted) come from an organisation without "
        "a member seat; left out: not checked, except in a formal committee.",
    ),
    _meaning(
        "PairPolicy.mixes",
        "The accepted pairs of roles, each a list of two roles; left out: any two roles.",
    ),
    _meaning(
        "PairPolicy.need",
        "Whether a pair of other roles is an error (required) or a warning (wanted).",
    ),
    _meaning("ChairPolicy.mode", "How the chair is chosen; left out: not stated."),
    _meaning("ChairPolicy.vice_chairs", "How many vice-chairs the body has, 0–3."),
    _meaning(
        "ChairPolicy.from_members",
        "Whether the chair and vice-chairs are elected from among the voting members.",
    ),
    _meaning(
        "ChairPolicy.procedure_recorded",
        "Whether the way the chair is chosen is written down with its reasons.",
    ),
    _meaning("SelectionPolicy.authority", "Who appoints the members; left out: not stated."),
    _meaning(
        "SelectionPolicy.open_registration",
        "Whether any organisation can register for a seat.",
    ),
    _meaning(
        "SelectionPolicy.continuous_joining",
        "Whether organisations can join at any time, not only when seats are called for.",
    ),
    _meaning("SelectionPolicy.criteria", "The selection criteria, each with an id and a text."),
    _meaning(
        "SelectionPolicy.criteria_only_when_oversubscribed",
        "Whether the criteria are used only when more organisations register than there are "
        "places.",
    ),
    _meaning(
        "SelectionPolicy.party_political_ties",
        "Whether seats may be tied to party politics; left out: not stated.",
    ),
    _meaning(
        "SelectionPolicy.one_seat_per_organisation",
        "Whether an organisation may hold one seat only; left out: not stated.",
    ),
    _meaning("Criterion.id", "The criterion's short id, which registrations refer to."),
    _meaning("Criterion.text", "The criterion in words."),
    _meaning(
        "Criterion.uses",
        "The facts the criterion looks at, e.g. size, languages, volunteer_run.",
    ),
    _meaning("ThemeNetwork.id", "The network's short id, which its seats refer to."),
    _meaning("ThemeNetwork.label", "The network's name in Finnish, Swedish and English."),
    _meaning("ThemeNetwork.open", "Whether every organisation can join the network."),
    _meaning(
        "ThemeNetwork.catch_all",
        "Whether this network takes the organisations that no other network covers.",
    ),
    _meaning("OfficialSeat.id", "The seat's short id."),
    _meaning(
        "OfficialSeat.role",
        "The official's role, e.g. wellbeing_area_official or municipal_official.",
    ),
    _meaning("OfficialSeat.label", "The seat in words."),
    _meaning("OfficialSeat.seats", "How many such seats there are: a range or one number."),
    _meaning(
        "OfficialSeat.need",
        "Whether an unfilled seat is an error (required) or a warning (wanted).",
    ),
    # -------------------------------------------------------------- composition
    _meaning("Composition.name", "The composition's name, e.g. the body and its term."),
    _meaning("Composition.as_of", "The day the composition describes; left out: not stated."),
    _meaning(
        "Composition.stage",
        "proposal before the body's constitutive meeting, appointed after it; left out: appointed.",
    ),
    _meaning("Composition.organisations", "The organisations taking part."),
    _meaning("Composition.seats", "The seats of the body and who holds them."),
    _meaning("Organisation.id", "The organisation's short id, which the seats refer to."),
    _meaning("Organisation.name", "The organisation's name."),
    _meaning(
        "Organisation.categories",
        "The codes of the association categories the organisation belongs to.",
    ),
    _meaning("Organisation.size", "The organisation's size class."),
    _meaning(
        "Organisation.languages",
        "The languages the organisation works in; left out: Finnish.",
    ),
    _meaning("Organisation.volunteer_run", "Whether the organisation is run by volunteers."),
    _meaning("Organisation.municipalities", "The municipalities the organisation works in."),
    _meaning("Organisation.umbrella", "Whether the organisation is an umbrella organisation."),
    _meaning(
        "Organisation.service_provider",
        "Whether the organisation also provides services, e.g. for the wellbeing area.",
    ),
    _meaning("Organisation.networks", "The theme networks the organisation belongs to."),
    _meaning(
        "Organisation.groups",
        "The under-represented groups the organisation speaks for, e.g. multilingual, women.",
    ),
    _meaning("Seat.id", "The seat's short id."),
    _meaning("Seat.kind", "The kind of seat, e.g. member or deputy."),
    _meaning("Seat.group", "The id of the seat group the seat belongs to."),
    _meaning("Seat.organisation", "The id of the organisation holding the seat; left out: none."),
    _meaning("Seat.person", "The person in the seat, by role; left out: nobody named yet."),
    _meaning("Seat.deputy_of", "For a deputy: the id of the member seat the deputy stands in for."),
    _meaning("Seat.functions", "The holder's functions in the body, e.g. chair or secretary."),
    _meaning("Seat.nominated_by", "Who named the holder; left out: the seat group's nominator."),
    _meaning("Seat.municipality", "The municipality the seat is for; left out: the seat group's."),
    _meaning("Seat.order", "For deputies in a numbered order: the deputy's place, 1, 2, …"),
    _meaning(
        "Seat.pending",
        "For a vacant seat: whether a new holder has already been asked for.",
    ),
    _meaning("Person.role", "What the person is in the body, e.g. volunteer or ngo_employee."),
    _meaning(
        "Person.ref",
        "A pseudonym that follows one person through seats and events, never a name.",
    ),
    _meaning("Person.name", "The person's name: personal data, best left out."),
    _meaning("Person.contact", "The person's contact details: personal data, best left out."),
    # -------------------------------------------------------- cooperation model
    _meaning("CooperationModel.name", "The cooperation model's name."),
    _meaning("CooperationModel.area", "The city or wellbeing area whose model it is."),
    _meaning(
        "CooperationModel.names",
        "The model's name in other languages; left out: only name.",
    ),
    _meaning("CooperationModel.description", "A short description of the model."),
    _meaning(
        "CooperationModel.responsible",
        "The role or group responsible for cooperation with associations.",
    ),
    _meaning("CooperationModel.units", "The city's units that work with associations."),
    _meaning(
        "CooperationModel.contact_persons",
        "Each unit's contact person for associations, as a role.",
    ),
    _meaning("CooperationModel.published", "Whether the contact persons are published."),
    _meaning(
        "CooperationModel.channels",
        "The ways associations take part in the city's development.",
    ),
    _meaning(
        "CooperationModel.offers",
        "What the city offers associations: premises, grants, events and more.",
    ),
    _meaning(
        "CooperationModel.processes",
        "The city's internal processes for grants and premises, step by step.",
    ),
    _meaning(
        "CooperationModel.annual_clock",
        "The activities that recur every year or term, e.g. grant rounds.",
    ),
    _meaning("CooperationModel.register", "Whether the city keeps a register of associations."),
    _meaning("CooperationModel.web_page", "The web page where associations find the model."),
    _meaning(
        "RoadmapDocument.sources",
        "Where each value comes from: entries with a path and a source (document and "
        "section) or a decision (its reason).",
    ),
    _meaning(
        "CooperationModel.sources",
        "Where each value comes from: entries with a path and a source (document and "
        "section) or a decision (its reason).",
    ),
    _meaning("ContactPerson.unit", "The unit the contact person is for."),
    _meaning("ContactPerson.role", "The contact person's role or title, never a name."),
    _meaning("Offers.premises", "Whether city premises are available to associations."),
    _meaning("Offers.grants", "The kinds of grant the city offers."),
    _meaning("Offers.events", "Whether the city arranges events for associations."),
    _meaning("Offers.joint_projects", "Whether the city runs joint projects with associations."),
    _meaning("Offers.communication", "Whether the city helps associations with communication."),
    _meaning("Process.id", "The process's short id."),
    _meaning("Process.subject", "What the process handles, e.g. a kind of grant or premises."),
    _meaning("Process.label", "The process's name in words."),
    _meaning("Process.steps", "The steps of the process, in order."),
    _meaning("Step.id", "The step's short id."),
    _meaning("Step.action", "What is done in the step."),
    _meaning("Step.who", "The role or unit that does the step."),
    _meaning("Step.decides", "The role or organ that decides, when the step needs a decision."),
    _meaning("Step.decision", "Whether the step needs a decision."),
    _meaning("AnnualActivity.id", "The activity's short id."),
    _meaning("AnnualActivity.label", "The activity in words."),
    _meaning("AnnualActivity.month", "The month the activity takes place, 1–12."),
    _meaning("AnnualActivity.day", "The day of the month; left out: some time in the month."),
    _meaning("AnnualActivity.every_years", "How often the activity recurs, in years; 1 is yearly."),
    _meaning(
        "AnnualActivity.anchor_year",
        "A year the activity takes place, when it is not yearly.",
    ),
    _meaning(
        "AnnualActivity.per_council_term",
        "Once per term of this council instead of by years; left out: by years.",
    ),
    _meaning("AnnualActivity.rule", "The rule id the activity follows, e.g. KU-2."),
    # -------------------------------------------------------------- selection
    _meaning("Registrations.name", "The name of the call for registrations."),
    _meaning("Registrations.registrations", "The registrations, one for each organisation."),
    _meaning("Registration.organisation", "The organisation that registers."),
    _meaning("Registration.member", "The person proposed as member, by role."),
    _meaning("Registration.deputy", "The person proposed as deputy, by role; left out: none."),
    _meaning(
        "Registration.categories",
        "The categories or theme networks applied for; left out: all of the organisation's.",
    ),
    _meaning(
        "Registration.link_description",
        "How the organisation's work links to the work of the wellbeing area.",
    ),
    _meaning(
        "Registration.hours_available",
        "The hours a year the member can give; left out: not stated.",
    ),
    _meaning(
        "Registration.answers",
        "The ids of the selection criteria the registration meets.",
    ),
    # ---------------------------------------------------------------- history
    _meaning("History.events", "The changes to seats, in the order they were recorded."),
    _meaning(
        "History.initial",
        "The composition the events start from; left out: given separately.",
    ),
    _meaning("Event.date", "The day of the change."),
    _meaning("Event.kind", "What happened to the seat."),
    _meaning("Event.seat", "The id of the seat that changed."),
    _meaning("Event.organisation", "The id of the new holder's organisation."),
    _meaning("Event.person", "The new holder, by role."),
    _meaning("Event.nominated_by", "Who named the new holder."),
    _meaning(
        "Event.new_organisation",
        "An organisation that joins the composition with this change.",
    ),
    _meaning("Event.approved_by", "Who approved the change during the term."),
    _meaning("Event.functions", "The functions the holder takes over, e.g. chair."),
    _meaning("Event.note", "A short note on the change."),
    # ---------------------------------------------------------------- roadmap
    _meaning("RoadmapDocument.roadmap", "The roadmap: vision, goals, action areas, milestones."),
    _meaning("RoadmapDocument.plans", "The yearly implementation plans."),
    _meaning("Roadmap.id", "The roadmap's short id."),
    _meaning("Roadmap.title", "The roadmap's title."),
    _meaning("Roadmap.area", "The wellbeing area or city whose roadmap it is."),
    _meaning("Roadmap.first_year", "The first year the roadmap covers."),
    _meaning("Roadmap.last_year", "The last year the roadmap covers."),
    _meaning("Roadmap.vision", "The vision the roadmap aims at."),
    _meaning("Roadmap.approved", "The day the roadmap was approved; left out: not approved yet."),
    _meaning("Roadmap.approved_by", "The organ that approved the roadmap."),
    _meaning("Roadmap.notes", "Short notes on the roadmap."),
    _meaning("Roadmap.goals", "The roadmap's goals with their action areas."),
    _meaning("Goal.id", "The goal's short id."),
    _meaning("Goal.title", "The goal in words."),
    _meaning("Goal.action_areas", "The action areas under the goal."),
    _meaning("ActionArea.id", "The action area's short id, which measures refer to."),
    _meaning("ActionArea.title", "The action area in words."),
    _meaning("ActionArea.milestones", "The action area's target states, year by year."),
    _meaning("Milestone.year", "The year of the target state."),
    _meaning("Milestone.items", "The target states of the year."),
    _meaning("MilestoneItem.id", "The target state's short id."),
    _meaning("MilestoneItem.text", "The target state in words."),
    _meaning("Plan.year", "The year of the plan."),
    _meaning("Plan.title", "The plan's title."),
    _meaning("Plan.approved", "The day the plan was approved; left out: not approved yet."),
    _meaning("Plan.approved_by", "The organ that approved the plan."),
    _meaning("Plan.notes", "Short notes on the plan."),
    _meaning("Plan.measures", "The measures of the year."),
    _meaning("Plan.assessment", "The evaluation of the year; left out: not evaluated yet."),
    _meaning("Plan.binding_targets", "The binding targets of the budget year."),
    _meaning("Measure.id", "The measure's short id."),
    _meaning("Measure.action_area", "The id of the action area the measure belongs to."),
    _meaning("Measure.title", "The measure in words."),
    _meaning("Measure.milestone", "The id of the target state the measure works towards."),
    _meaning("Measure.actions", "The actions the measure needs."),
    _meaning("Measure.responsible", "The responsible units or roles, never persons."),
    _meaning("Measure.partners", "The partners who take part."),
    _meaning("Measure.schedule", "When the measure is done, in words, e.g. spring 2025."),
    _meaning("Measure.snapshots", "The measure's status on given days."),
    _meaning("Measure.carried_from", "The earlier measures this one continues, as YEAR/ID."),
    _meaning("Snapshot.as_of", "The day of the status."),
    _meaning("Snapshot.status", "How far the measure is."),
    _meaning(
        "Snapshot.basis",
        "Where the status comes from: source (the document says it) or inferred.",
    ),
    _meaning("Snapshot.notes", "Short notes on the status."),
    _meaning("YearAssessment.as_of", "The day of the evaluation."),
    _meaning("YearAssessment.verdict", "The overall verdict on the year, in words."),
    _meaning("YearAssessment.goals", "A summary for each goal."),
    _meaning("GoalAssessment.goal", "The id of the goal."),
    _meaning("GoalAssessment.summary", "The summary, one list item each."),
    _meaning("BindingTarget.id", "The target's short id."),
    _meaning("BindingTarget.title", "The target in words."),
    _meaning("BindingTarget.year", "The budget year of the target."),
    _meaning(
        "BindingTarget.reported_to",
        "Who the target is reported to, e.g. the regional council.",
    ),
    _meaning("BindingTarget.metrics", "The metrics of the target."),
    _meaning("Metric.id", "The metric's short id."),
    _meaning("Metric.title", "The metric in words."),
    _meaning("Metric.kind", "Whether the metric is in words (qualitative) or a number (numeric)."),
    _meaning("Metric.unit", "The unit of the values, e.g. %."),
    _meaning("Metric.higher_is_better", "Whether a higher value is better."),
    _meaning("Metric.baseline", "The level at the start."),
    _meaning("Metric.target", "The level aimed at."),
    _meaning("Metric.measurements", "The measurements, each on its day."),
    _meaning("Level.text", "The level in words."),
    _meaning("Level.value", "The level as a number, for a numeric metric."),
    _meaning("Measurement.on", "The day of the measurement."),
    _meaning("Measurement.report", "The interim report the entry belongs to, e.g. OVK1."),
    _meaning("Measurement.value", "The measured value, for a numeric metric."),
    _meaning("Measurement.status", "The assessed status, for a metric in words."),
    _meaning(
        "Measurement.basis",
        "Where the status or value comes from: source (the report says it) or inferred.",
    ),
    _meaning("Measurement.notes", "Short notes on the measurement."),
    # -------------------------------------------- association register, segments
    _meaning("Register.associations", "The associations of the register."),
    _meaning("Association.id", "The association's short id."),
    _meaning("Association.name", "The association's name."),
    _meaning("Association.registered", "The day the association was registered."),
    _meaning("Association.last_contact", "The day the city last reached the association."),
    _meaning(
        "Association.grants_received",
        "The grants received: their number or their sum in euros, as the register has them.",
    ),
    _meaning("Association.premises_used", "Whether the association uses city premises."),
    _meaning(
        "Association.events_attended",
        "How many of the city's events and meetings the association attended.",
    ),
    _meaning("Association.networks", "The networks the association belongs to."),
    _meaning("Association.volunteer_run", "Whether the association is run by volunteers."),
    _meaning("Association.languages", "The languages the association works in."),
    _meaning("Association.weaker_position", "Whether the association is in a weaker position."),
    _meaning(
        "SegmentRules.active_min_events",
        "Events attended that make an association active; 0: not counted.",
    ),
    _meaning(
        "SegmentRules.active_min_networks",
        "Networks belonged to that make an association active; 0: not counted.",
    ),
    _meaning(
        "SegmentRules.active_contact_months",
        "A contact within this many months makes an association active.",
    ),
    _meaning(
        "SegmentRules.support_min_grants",
        "Grants from which an association counts as receiving grants.",
    ),
    _meaning(
        "SegmentRules.dependent_min_grants",
        "Grants from which an association counts as dependent on the city; null: not used.",
    ),
    _meaning(
        "SegmentRules.dependent_grants_and_premises",
        "Whether grants and premises together make an association dependent on the city.",
    ),
    _meaning(
        "SegmentRules.dependent_premises_alone",
        "Whether using the city's premises alone makes an association dependent on the"
        " city (JP-4: support, premises and/or grants).",
    ),
    _meaning(
        "SegmentRules.new_months",
        "An association registered within this many months counts as new.",
    ),
    _meaning(
        "SegmentRules.stale_contact_months",
        "No contact within this many months is a blind spot.",
    ),
)

#: Every YAML key's meaning in English, by ``Class.field`` (the class that declares the
#: field); :func:`meaning` gives it in a language.
MEANINGS: Final[Mapping[str, str]] = MappingProxyType(dict(_ENTRIES))


def meaning(cls: type, field: str, lang: Lang = "en") -> str:
    """What the YAML key ``field`` of ``cls`` means, in ``lang``.

    The key is looked up as ``Class.field`` for ``cls`` and then its bases, so a field
    a rule-set kind inherits is found under ``_Common``; ``kind`` is :data:`KIND` for a
    class with a ``kind`` tag. A field without a meaning is a
    :class:`~jarjestoyhteistyo.errors.NotFoundError` (a test keeps every field covered).

    >>> from jarjestoyhteistyo.model.rulesets import OpenForum
    >>> meaning(OpenForum, "cap", "sv")
    'Det största antalet organisationer i forumet.'
    >>> meaning(OpenForum, "kind")
    'What the document is; it decides which keys follow.'
    """
    for base in cls.__mro__:
        key = f"{base.__name__}.{field}"
        text = MEANINGS.get(key)
        if text is not None:
            return pgettext(lang, key, text)
    if field == _KIND_KEY and isinstance(getattr(cls, _KIND_KEY, None), str):
        return pgettext(lang, _KIND_KEY, KIND)
    raise NotFoundError(f"no meaning for {cls.__name__}.{field}")
