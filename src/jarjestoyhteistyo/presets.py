"""Shipped presets: the seed structures as YAML package data behind a registry.

Presets are found by name or alias (case-insensitive; Finnish and Swedish names
too), read with :mod:`importlib.resources`, and parsed only when asked — importing
the package parses nothing. A loaded preset is cached: rule sets are immutable.

>>> [p.name for p in list_presets()]
['jarvenpaa', 'keski-uusimaa', 'vantaa-kerava-formal', 'vantaa-kerava-open-forum']
>>> load_preset("VAKE").members_per_category
2
"""

from __future__ import annotations

import difflib
import functools
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from jarjestoyhteistyo.cooperation import KIND as COOPERATION_KIND
from jarjestoyhteistyo.errors import JarjestoError, PresetNotFoundError
from jarjestoyhteistyo.rules import RuleSet

if TYPE_CHECKING:
    from jarjestoyhteistyo.cooperation import CooperationModel


class PresetKindError(JarjestoError, TypeError):
    """The preset exists but is of the other family (a body vs a cooperation model)."""


__all__ = [
    "COOPERATION_KIND",
    "PresetInfo",
    "PresetKindError",
    "list_presets",
    "load_cooperation_preset",
    "load_preset",
    "preset_text",
    "resolve_preset",
]


@attrs.frozen(kw_only=True)
class PresetInfo:
    """What the registry knows of a preset without parsing it."""

    name: str
    kind: str
    title: str
    source: str
    aliases: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        """The YAML file in ``jarjestoyhteistyo/data/presets``."""
        return f"{self.name}.yaml"


_PRESETS: tuple[PresetInfo, ...] = (
    PresetInfo(
        name="jarvenpaa",
        kind="cooperation_model",
        title="Järvenpää: the city's cooperation model with associations",
        source="seed 004 (JP-1 … JP-7)",
        aliases=("järvenpää", "jarvenpää", "träskända"),
    ),
    PresetInfo(
        name="keski-uusimaa",
        kind="theme_network_council",
        title="Keski-Uusimaa: NGO council fed by theme networks",
        source="seed 002 (KU-1 … KU-14)",
        aliases=("ku", "keusote", "keski-uusimaa-council", "mellersta-nyland"),
    ),
    PresetInfo(
        name="vantaa-kerava-formal",
        kind="formal_committee",
        title="Vantaa–Kerava: NGO advisory council under the committee (16 + 16)",
        source="seed 001 option 1 and the council's decision (FC-1 … FC-17)",
        aliases=(
            "vantaa-kerava",
            "vake",
            "vake-formal",
            "vantaan-ja-keravan-järjestöneuvottelukunta",
            "vanda-kervo",
        ),
    ),
    PresetInfo(
        name="vantaa-kerava-open-forum",
        kind="open_forum",
        title="Vantaa–Kerava: open NGO forum",
        source="seed 001 option 2 (OF-1 … OF-11)",
        aliases=("vake-forum", "vantaa-kerava-forum", "avoin-foorumi", "vanda-kervo-forum"),
    ),
)

_BY_NAME = {key: p for p in _PRESETS for key in (p.name, *p.aliases)}


def list_presets() -> tuple[PresetInfo, ...]:
    """All shipped presets, sorted by name (nothing is parsed)."""
    return _PRESETS


def resolve_preset(name: str) -> PresetInfo:
    """The preset with this name or alias (case-insensitive).

    Raises :class:`~jarjestoyhteistyo.errors.PresetNotFoundError` naming the closest
    known names.
    """
    info = _BY_NAME.get(name.strip().lower())
    if info is None:
        near = difflib.get_close_matches(name.strip().lower(), list(_BY_NAME), n=3)
        tip = f"; did you mean {', '.join(near)}?" if near else ""
        known = ", ".join(p.name for p in _PRESETS)
        raise PresetNotFoundError(f"no preset {name!r}{tip} (presets: {known})")
    return info


def preset_text(name: str) -> str:
    """The YAML text of a preset, as shipped."""
    info = resolve_preset(name)
    return (resources.files("jarjestoyhteistyo") / "data" / "presets" / info.filename).read_text(
        encoding="utf-8"
    )


@functools.cache
def _load(name: str) -> RuleSet:
    from jarjestoyhteistyo.serialize import loads_ruleset

    return loads_ruleset(preset_text(name), source=f"preset:{name}")


def load_preset(name: str) -> RuleSet:
    """Parse and return a shipped body preset by name or alias (cached; immutable).

    A cooperation-model preset (``kind: cooperation_model``, `JP-1` … `JP-7`) has no
    seats; load it with :func:`load_cooperation_preset`.
    """
    info = resolve_preset(name)
    if info.kind == COOPERATION_KIND:
        raise PresetKindError(
            f"preset {info.name!r} is a cooperation model, not a body: "
            "use load_cooperation_preset()"
        )
    return _load(info.name)


@functools.cache
def _load_cooperation(name: str) -> CooperationModel:
    from jarjestoyhteistyo.cooperation import loads_cooperation

    return loads_cooperation(preset_text(name), source=f"preset:{name}")


def load_cooperation_preset(name: str) -> CooperationModel:
    """Parse and return a shipped cooperation-model preset (`JP-1` … `JP-7`).

    >>> load_cooperation_preset("järvenpää").kind
    'cooperation_model'
    """
    info = resolve_preset(name)
    if info.kind != COOPERATION_KIND:
        raise PresetKindError(f"preset {info.name!r} is a body: use load_preset()")
    return _load_cooperation(info.name)
