"""Registers this package's type strategies with Hypothesis (the ``hypothesis`` entry point).

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, if the package
is installed with the entry point (in ``pyproject.toml``)::

    [project.entry-points.hypothesis]
    _ = "jarjestoyhteistyo.fictional._hypothesis_setup:_hypothesis_setup_hook"

After that ``st.from_type(Organisation)`` (and ``Person``, ``Category``, each rule-set
class and ``RoadmapDocument``) draws from :mod:`jarjestoyhteistyo.fictional.strategies`.

The hook imports only the model classes; the strategies module itself is imported
lazily, on the first draw (``st.deferred``): importing it eagerly from inside
Hypothesis' own import is a circular-import trap.

>>> from hypothesis import given, settings, strategies as st
>>> from jarjestoyhteistyo.model.composition import Organisation
>>> _hypothesis_setup_hook()
>>> @settings(max_examples=5, database=None)
... @given(st.from_type(Organisation))
... def test_org(org):
...     assert isinstance(org, Organisation)
>>> test_org()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType

    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _strategies() -> ModuleType:
    import jarjestoyhteistyo.fictional.strategies as module

    return module


def _hypothesis_setup_hook() -> None:
    """Register type strategies for the package's public models (see the module docstring)."""
    from hypothesis import strategies as st

    from jarjestoyhteistyo.model.categories import Category
    from jarjestoyhteistyo.model.composition import Organisation, Person
    from jarjestoyhteistyo.model.roadmap import RoadmapDocument
    from jarjestoyhteistyo.model.rulesets import KINDS
    from jarjestoyhteistyo.selection import Registration

    st.register_type_strategy(Organisation, st.deferred(lambda: _strategies().organisations()))
    st.register_type_strategy(Person, st.deferred(lambda: _strategies().people()))
    st.register_type_strategy(Category, st.deferred(lambda: _strategies().categories()))
    st.register_type_strategy(RoadmapDocument, st.deferred(lambda: _strategies().roadmaps()))
    st.register_type_strategy(Registration, st.deferred(lambda: _registration()))
    for kind, cls in KINDS.items():
        st.register_type_strategy(cls, _rule_sets(kind))


def _registration() -> SearchStrategy[Any]:
    """One registration for a seat of the Vantaa–Kerava formal preset."""
    from jarjestoyhteistyo.presets import load_preset

    pool: SearchStrategy[Any] = _strategies().registrations(
        load_preset("vantaa-kerava-formal"), min_size=1, max_size=1
    )
    return pool.map(lambda regs: regs[0])


def _rule_sets(kind: str) -> SearchStrategy[Any]:
    from hypothesis import strategies as st

    return st.deferred(lambda: _strategies().rule_sets(kind=kind))
