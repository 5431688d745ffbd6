"""Registration strategies (issue #7) exercised against selection (issue #6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.fictional._hypothesis_setup import _hypothesis_setup_hook
from jarjestoyhteistyo.fictional.strategies import registrations
from jarjestoyhteistyo.io.serialize import dump_yaml, loads
from jarjestoyhteistyo.model.seats import NGO_SOURCES
from jarjestoyhteistyo.presets import body_presets
from jarjestoyhteistyo.selection import Registration, Registrations, feasibility, propose

#: Every body preset NGOs register for: a statutory influence body (its members come
#: from the municipalities' own bodies, HVL 32 §) has no NGO seat group to select for.
BODIES = tuple(
    p.name
    for p in body_presets()
    if any(g.source in NGO_SOURCES for g in jy.load_preset(p.name).as_general().seat_groups)
)


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_drawn_pools_give_proposals_without_in_scope_errors(data: st.DataObject) -> None:
    """FC-3, FC-9, FC-10, OF-3, KU-7: a proposal from any pool breaks no rule of selection;
    a pool that is feasible gives a proposal that fills every seat."""
    from jarjestoyhteistyo.selection import in_scope

    rules = jy.load_preset(data.draw(st.sampled_from(BODIES)))
    pool = data.draw(registrations(rules, max_size=30))
    proposal = propose(rules, pool, seed=data.draw(st.integers(0, 10)))
    report = jy.validate(rules, proposal.composition)
    errors = [
        f
        for f in report.errors
        if in_scope(rules, f) and f.code not in {"JY213"}  # a short network cannot pair
    ]
    assert not errors, report.to_text()
    if feasibility(rules, pool).feasible:
        assert "JY501" not in proposal.report.codes  # no vacancies when the pool suffices


@settings(max_examples=20, deadline=None)
@given(pool=registrations(jy.load_preset("keski-uusimaa"), max_size=8))
def test_drawn_registrations_round_trip(pool: tuple[Registration, ...]) -> None:
    doc = Registrations(name="drawn", registrations=pool)
    assert loads(dump_yaml(doc), Registrations) == doc
    assert len({r.organisation.id for r in pool}) == len(pool)  # no organisation twice


def test_from_type_registration_after_the_hook() -> None:
    _hypothesis_setup_hook()

    @settings(max_examples=5, deadline=None)
    @given(reg=st.from_type(Registration))
    def inner(reg: Registration) -> None:
        assert reg.categories <= reg.organisation.categories

    inner()
