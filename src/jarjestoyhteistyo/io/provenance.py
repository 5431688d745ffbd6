"""Where each value of a rule set comes from: the view behind ``show --sources``.

A rule set's ``sources`` (:class:`~jarjestoyhteistyo.model.rulesets.Provenance`
entries) say, per value, the source document and section or the decision and its
reason. :func:`sourced_values` lists every value the rule set states — as its YAML
writes it, one line per item of a list — with the entry that covers it, or ``None``
where nothing does; :func:`render_sources` writes that list for a reader.

>>> from jarjestoyhteistyo.model.rulesets import GeneralRuleSet, Provenance
>>> rules = GeneralRuleSet(name="Vanhusneuvosto", area="X", tasks=("hear the elderly",),
...     sources=(Provenance(path="tasks", source="its rules of procedure, § 2"),))
>>> [(r.path, r.provenance and r.provenance.says) for r in sourced_values(rules)][-2:]
[('area', None), ('tasks[0]', 'source: its rules of procedure, § 2')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from jarjestoyhteistyo.i18n import pgettext
from jarjestoyhteistyo.io.converter import json_data, unstructure
from jarjestoyhteistyo.model.cooperation import CooperationModel
from jarjestoyhteistyo.model.roadmap import RoadmapDocument
from jarjestoyhteistyo.model.rulesets import Provenance, RuleSet, provenance_of

__all__ = ["SourcedValue", "render_sources", "sourced_values"]


@attrs.frozen(kw_only=True)
class SourcedValue:
    """One value of a rule set, its path as the YAML names it, and its provenance."""

    path: str
    value: Any
    provenance: Provenance | None

    def to_dict(self) -> dict[str, Any]:
        """``path``, ``value``, ``source`` and ``decision`` (``None`` where not given)."""
        p = self.provenance
        return {
            "path": self.path,
            "value": self.value,
            "source": (p.source or None) if p else None,
            "decision": (p.decision or None) if p else None,
        }


def _leaves(data: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, f"{path}[{i}]")
    else:
        yield path, data


def sourced_values(
    rules: RuleSet | CooperationModel | RoadmapDocument, *, full: bool = False
) -> tuple[SourcedValue, ...]:
    """Every value ``rules`` — a rule set, a cooperation model or a roadmap document —
    states (what
    ``show`` writes, ``sources`` left out), each with the
    :class:`~jarjestoyhteistyo.model.rulesets.Provenance` that covers it.

    ``full=True`` adds the values the rule set takes from its kind's defaults (what
    ``show --full`` writes), those that are "not stated" (``null``) left out: a
    formal body's term is a value even where its file does not write it.
    """
    data = unstructure(rules, full=True) if full else json_data(rules)
    data.pop("sources", None)
    return tuple(
        SourcedValue(path=path, value=value, provenance=provenance_of(rules.sources, path))
        for path, value in _leaves(data, "")
        if value is not None
    )


def render_sources(rows: tuple[SourcedValue, ...], lang: str = "en") -> str:
    """The values and their provenance as text for a reader, in ``lang``: each value
    on its line, under it ``source: …``, ``decision: …`` or that it has neither.

    >>> from jarjestoyhteistyo.model.rulesets import Provenance
    >>> row = SourcedValue(path="tasks[0]", value="hear NGOs",
    ...                    provenance=Provenance(path="tasks", source="seed 001"))
    >>> print(render_sources((row,), "fi"))
    tasks[0]: hear NGOs
        lähde: seed 001
    """
    source = pgettext(lang, "provenance", "source")
    decision = pgettext(lang, "provenance", "decision")
    neither = pgettext(lang, "provenance", "no source and no decision given")
    lines: list[str] = []
    for row in rows:
        value = (
            "null"
            if row.value is None
            else str(row.value).lower()
            if isinstance(row.value, bool)
            else str(row.value)
        )
        lines.append(f"{row.path}: {value}")
        p = row.provenance
        if p is None:
            lines.append(f"    !! {neither}")
        elif p.source:
            lines.append(f"    {source}: {p.source}")
        else:
            lines.append(f"    {decision}: {p.decision}")
    return "\n".join(lines)
