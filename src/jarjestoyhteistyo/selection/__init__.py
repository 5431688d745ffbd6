"""Selecting members from registrations (`FC-3`, `FC-4`, `FC-5`, `OF-3`, `KU-7`, `WS-7`).

A :class:`Registration` is one organisation's application: the proposed member (and
the organisation's own deputy), by role; the categories (or theme networks) it
applies for; how it links to the wellbeing area's work (`OF-3`); the hours it can
give (`WS-9`); and which of the rule set's criteria it meets. There is no field for
party affiliation, and a rule set whose criteria refer to it is rejected (`WS-1`).

Four questions, four functions:

* :func:`feasibility` — can the registrations fill every NGO seat, members *and*
  personal deputies, with every seat a different organisation (`FC-9`) and a
  multi-category organisation usable in any one of its categories (`WS-7`,
  `FC-10`)? Exact (a maximum flow over registration *types*); if not, the smallest
  set of categories that cannot be covered (Hall's theorem) and what would fix it.
* :func:`propose` — a :class:`Proposal`: a composition that fills as many seats as
  possible, chosen by a documented lexicographic diversity objective and a seeded
  lottery, with an :class:`Explanation` for every registration.
* the open forum (`OF-3`, `OF-4`) inside :func:`propose`: everyone when the
  registrations fit the cap, otherwise criteria first, then the lottery.
* :func:`selection_probabilities` — the fair lottery: each organisation's exact
  probability of selection, maximin-fair over panels that really fill the
  distinct-organisation seats, and a panel drawn with exactly those probabilities.

How a registration reads (the library's decisions where the rules are silent):

* ``categories`` empty means *every* category (and theme network) the organisation
  has; a code the organisation does not have is ignored with a warning (`JY503`).
* An organisation registers once; a repeated registration is ignored (`JY504`).
* An organisation fills at most one seat of the whole body, member or deputy
  (`FC-9`, `WS-7`), even where the rule set would allow more.
* In a formal committee the registration's ``member`` person takes the seat,
  whether it is a member or a deputy seat: personal deputies come from *another*
  organisation (`FC-9`). The registration's own ``deputy`` is used only in an open
  forum, where deputies are agreed with the NGOs (`OF-8`).

Where each part lives (the names above are all importable from here):

* :mod:`~jarjestoyhteistyo.model.registrations` — the nouns :class:`Registration` and
  :class:`Registrations`;
* :mod:`~jarjestoyhteistyo.selection.pool` — the pool of registration *types* read
  against a rule set, the registration findings, and the door
  (:func:`load_registrations`, :func:`loads_registrations`);
* :mod:`~jarjestoyhteistyo.selection._flow` — the flow network (Dinic's maximum flow
  over types);
* :mod:`~jarjestoyhteistyo.selection.feasible` — :func:`feasibility`, Hall violators;
* :mod:`~jarjestoyhteistyo.selection.proposal` — :func:`propose` and :class:`Proposal`,
  with the private ``_diversity`` (the objective) and ``_seating`` (seats and deputies);
* :mod:`~jarjestoyhteistyo.selection.explanation` — :class:`Explanation` and
  :class:`Outcome`;
* :mod:`~jarjestoyhteistyo.selection.lottery` — the fair lottery;
* :mod:`~jarjestoyhteistyo.selection.succession` — what happens after selection:
  resignations, deputies stepping up, renewals.

>>> from jarjestoyhteistyo.model.composition import Organisation, Person, Role
>>> from jarjestoyhteistyo.model.rulesets import FormalCommittee
>>> rules = FormalCommittee(name="Example", area="Example area", members_per_category=1)
>>> regs = tuple(
...     Registration(organisation=Organisation(id=f"o{i}", categories=frozenset({c.code})),
...                  member=Person(role=Role.VOLUNTEER), link_description="x")
...     for i, c in enumerate(rules.categories * 2)
... )
>>> feasibility(rules, regs).feasible
True
>>> p = propose(rules, regs, seed=1)
>>> len([s for s in p.composition.seats if s.organisation]), p.ok
(16, True)
"""

from __future__ import annotations

from jarjestoyhteistyo.errors import SelectionError
from jarjestoyhteistyo.model.registrations import Registration, Registrations
from jarjestoyhteistyo.selection.explanation import Explanation, Outcome
from jarjestoyhteistyo.selection.feasible import Feasibility, Shortage, feasibility
from jarjestoyhteistyo.selection.lottery import FairLottery, selection_probabilities
from jarjestoyhteistyo.selection.pool import load_registrations, loads_registrations
from jarjestoyhteistyo.selection.proposal import OUT_OF_SCOPE, Proposal, in_scope, propose

__all__ = [
    "OUT_OF_SCOPE",
    "Explanation",
    "FairLottery",
    "Feasibility",
    "Outcome",
    "Proposal",
    "Registration",
    "Registrations",
    "SelectionError",
    "Shortage",
    "feasibility",
    "in_scope",
    "load_registrations",
    "loads_registrations",
    "propose",
    "selection_probabilities",
]
