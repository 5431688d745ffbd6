"""Shipped presets: the seed structures as YAML package data behind a registry.

A preset is one YAML file in ``jarjestoyhteistyo/presets/bodies``; its file name (less
``.yaml``) is its name. What the registry knows of it — title, source, aliases in
Finnish, Swedish and English, the area's municipalities — is in a **header**: the
comment lines from ``# preset:`` down to the document's first key, which must be
``kind:``. Strip the ``#`` and the header is YAML::

    # Free prose about the preset, as many comment lines as you like.
    #
    # preset:
    #   title: "Vantaa–Kerava: NGO advisory council under the committee (16 + 16)"
    #   source: seed 001 option 1 and the council's decision (FC-1 … FC-17)
    #   aliases: {vake: fi, vanda-kervo: sv}   # alias: its language (fi, sv or en)
    #   area:
    #     source: seed 001 ("Vantaan ja Keravan hyvinvointialue"), seed 000 (Swedish)
    #     words: [vantaa, kerava]      # an ``area:`` text with one of them is this area
    #     municipalities:
    #       - {fi: Kerava, genitive: Keravan, sv: Kervo}
    #     networks:                    # typical PRH categories of a theme network's NGOs
    #       - {id: older-people, categories: [older-people, pensioners]}
    #   # or, for a second body of the same area:  area: {same_as: vantaa-kerava-formal}
    kind: formal_committee
    ...

The header is a comment, not a key of the document, so every door that reads rule
sets (``load_ruleset``, the CLI, the JSON Schema) reads a preset file unchanged, and a
copy of a preset is a rule set of its own without the registry's names in it.
:func:`list_presets` reads only the files' text, never the YAML body: importing the
package reads no file, and a rule set is parsed (once, then cached) only when
:func:`load_preset` asks for it. The header is checked as strictly as a document
(unknown keys are errors, with their path).

**Adding a preset is two files**:

1. ``src/jarjestoyhteistyo/presets/bodies/<name>.yaml`` — the rule set (or cooperation
   model) with the header above; cite the source of every rule and of the area's
   municipalities, and invent none;
2. ``examples/<name>.yaml`` — a composition that validates clean against it (for a
   body preset; ``jarjestoyhteistyo example <name>`` writes a start).

Nothing else: the tests parametrise over :func:`body_presets`, CI validates every
body preset listed by ``jarjestoyhteistyo presets`` against its example, the docs
table is generated from :func:`list_presets`, and
:func:`~jarjestoyhteistyo.fictional.generate.generate` takes the area's municipalities from
the header. :class:`PresetRegistry` reads any folder the same way.

>>> names = [p.name for p in list_presets()]
>>> names == sorted(names) and "vantaa-kerava-formal" in names
True
>>> load_preset("VAKE").members_per_category
2
>>> resolve_preset("vake-forum").aliases_in("sv")
('vanda-kervo-forum',)
>>> [m.sv for m in area_for("Vantaa–Kerava wellbeing area").municipalities]
['Kervo', 'Vanda']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from jarjestoyhteistyo.errors import (
    InvalidValueError,
    LoadError,
    PresetKindError,
    PresetNotFoundError,
    Problem,
)
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.serialize import loads, loads_ruleset
from jarjestoyhteistyo.model import COOPERATION_KIND
from jarjestoyhteistyo.model.categories import Labels
from jarjestoyhteistyo.model.rulesets import KINDS, RuleSet

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from jarjestoyhteistyo.model.cooperation import CooperationModel

__all__ = [
    "COOPERATION_KIND",
    "REGISTRY",
    "AreaNetwork",
    "Municipality",
    "PresetArea",
    "PresetInfo",
    "PresetKindError",
    "PresetRegistry",
    "area_for",
    "body_presets",
    "list_presets",
    "load_cooperation_preset",
    "load_preset",
    "preset_text",
    "resolve_preset",
    "shipped",
]

#: The languages an alias may be in.
_LANGUAGES: Final = ("fi", "sv", "en")


# ------------------------------------------------------------------ the header
@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality of the area: its Finnish and Swedish names and Finnish genitive."""

    fi: str
    sv: str
    genitive: str  # "Keravan": for Finnish association names ("Keravan Eläkeläiset ry")


@attrs.frozen(kw_only=True)
class AreaNetwork:
    """A theme network of the area and the PRH categories its NGOs typically have."""

    id: str
    categories: tuple[str, ...]


@attrs.frozen(kw_only=True)
class PresetArea:
    """The header's ``area:`` block: where the preset's body works.

    ``words`` say which rule sets are of this area (an ``area:`` text that contains
    one of them, case-insensitive); ``source`` cites where the municipalities come from.
    """

    source: str = ""
    words: tuple[str, ...] = ()
    municipalities: tuple[Municipality, ...] = ()
    networks: tuple[AreaNetwork, ...] = ()


@attrs.frozen(kw_only=True)
class _AreaBlock(PresetArea):
    same_as: str | None = None  # share the area block of another preset


@attrs.frozen(kw_only=True)
class _Header:
    title: str
    source: str
    titles: Labels | None = None
    aliases: dict[str, str] = attrs.field(factory=dict)
    area: _AreaBlock = _AreaBlock()


@attrs.frozen(kw_only=True)
class _Document:
    preset: _Header


def _same_length(instance: PresetInfo, _attribute: Any, value: tuple[str, ...]) -> None:
    if value and len(value) != len(instance.aliases):
        raise InvalidValueError(Text("alias_languages must give one language per alias (or none)"))


@attrs.frozen(kw_only=True)
class PresetInfo:
    """What the registry knows of a preset without parsing it (read from its header).

    ``aliases`` are in the header's order; ``alias_languages`` gives the language of
    each (``fi``, ``sv`` or ``en``; empty when not known). ``title`` is English and
    ``titles`` the title in other languages (:meth:`title_in`).
    """

    name: str
    kind: str
    title: str
    source: str
    titles: Labels | None = None
    aliases: tuple[str, ...] = ()
    alias_languages: tuple[str, ...] = attrs.field(default=(), validator=_same_length)
    area: PresetArea = PresetArea()

    @property
    def filename(self) -> str:
        """The YAML file in the registry's folder."""
        return f"{self.name}.yaml"

    def title_in(self, language: str) -> str:
        """The title in ``language`` (``fi``, ``sv`` or ``en``), else the English.

        >>> REGISTRY.resolve("ku").title_in("fi")
        'Keski-Uusimaa: teemaverkostojen varaan rakentuva järjestöneuvottelukunta'
        """
        given = None if self.titles is None else getattr(self.titles, language, None)
        return given if isinstance(given, str) else self.title

    def aliases_in(self, language: str) -> tuple[str, ...]:
        """The aliases in ``language`` (``fi``, ``sv`` or ``en``)."""
        pairs = zip(self.aliases, self.alias_languages, strict=False)
        return tuple(alias for alias, lang in pairs if lang == language)


_HEADER_START = "# preset:"
_KIND = re.compile(r"""^kind:[ \t]*(["']?)([A-Za-z_]+)\1[ \t]*(?:#.*)?$""")


def _problem(source: str, code: str, message: str) -> LoadError:
    return LoadError([Problem(path="$", code=code, message=message)], source=source)


def _read_header(name: str, text: str, kinds: tuple[str, ...]) -> tuple[PresetInfo, str | None]:
    """The preset's header and the ``same_as`` of its area (resolved by the registry)."""
    source = f"preset:{name}"
    block: list[str] = []
    kind = None
    for line in text.splitlines():
        if not line.startswith("#"):
            found = _KIND.match(line)
            kind = found.group(2) if found else None
            break
        if block or line.rstrip() == _HEADER_START:
            block.append(line[2:] if line.startswith("# ") else line[1:])
    if name != name.lower():
        raise _problem(source, "invalid-value", "a preset's file name is in lower case")
    if not block:
        raise _problem(source, "missing-header", f"no '{_HEADER_START}' comment header")
    if kind is None:
        raise _problem(source, "missing-kind", "the first key after the header must be 'kind:'")
    if kind not in kinds:
        raise _problem(source, "unknown-kind", f"kind {kind!r} is none of {', '.join(kinds)}")
    header = loads("\n".join(block), _Document, source=f"{source} (header)").preset
    wrong = sorted({lang for lang in header.aliases.values() if lang not in _LANGUAGES})
    if wrong:
        raise _problem(source, "invalid-value", f"alias languages {wrong}; use {_LANGUAGES}")
    area = PresetArea(**{f.name: getattr(header.area, f.name) for f in attrs.fields(PresetArea)})
    info = PresetInfo(
        name=name,
        kind=kind,
        title=header.title,
        titles=header.titles,
        source=header.source,
        aliases=tuple(a.strip().lower() for a in header.aliases),
        alias_languages=tuple(header.aliases.values()),
        area=area,
    )
    return info, header.area.same_as


# ------------------------------------------------------------------ the registry
@attrs.frozen(kw_only=True)
class PresetRegistry:
    """The presets in one folder of YAML files, read when first asked and then cached.

    >>> registry = PresetRegistry(folder=REGISTRY.folder)
    >>> registry.resolve("KU").name
    'keski-uusimaa'
    """

    folder: Traversable
    #: The ``kind:`` a preset of this folder may have (another folder may hold other
    #: documents with a header, such as the example roadmaps: ``kinds=("roadmap",)``).
    kinds: tuple[str, ...] = (*KINDS, COOPERATION_KIND)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def presets(self) -> tuple[PresetInfo, ...]:
        """Every preset, sorted by name (headers only: nothing is parsed)."""
        if "presets" not in self._cache:
            self._cache["presets"] = self._read()
        found: tuple[PresetInfo, ...] = self._cache["presets"]
        return found

    def _read(self) -> tuple[PresetInfo, ...]:
        files = sorted(
            (f for f in self.folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name
        )
        read = [
            _read_header(f.name[: -len(".yaml")], f.read_text(encoding="utf-8"), self.kinds)
            for f in files
        ]
        own = {info.name: info.area for info, same_as in read if same_as is None}
        infos = []
        for info, same_as in read:
            if same_as is not None and same_as not in own:
                raise _problem(
                    f"preset:{info.name}",
                    "unknown-preset",
                    f"area same_as {same_as!r}: no such preset with an area of its own",
                )
            infos.append(info if same_as is None else attrs.evolve(info, area=own[same_as]))
        keys = [key for info in infos for key in (info.name, *info.aliases)]
        doubles = sorted({key for key in keys if keys.count(key) > 1})
        if doubles:
            raise _problem(str(self.folder), "duplicate-alias", f"names used twice: {doubles}")
        return tuple(infos)

    def _by_name(self) -> dict[str, PresetInfo]:
        if "by_name" not in self._cache:
            self._cache["by_name"] = {k: p for p in self.presets() for k in (p.name, *p.aliases)}
        found: dict[str, PresetInfo] = self._cache["by_name"]
        return found

    def resolve(self, name: str) -> PresetInfo:
        """The preset with this name or alias (case-insensitive).

        Raises :class:`~jarjestoyhteistyo.errors.PresetNotFoundError` naming the closest
        known names.
        """
        key = name.strip().lower()
        by_name = self._by_name()
        if key not in by_name:
            import difflib  # only for the message

            near = difflib.get_close_matches(key, list(by_name), n=3)
            tip = Text("; did you mean {names}?", names=", ".join(near)) if near else ""
            known = ", ".join(p.name for p in self.presets())
            raise PresetNotFoundError(
                Text("no preset {name!r}{tip} (presets: {known})", name=name, tip=tip, known=known)
            )
        return by_name[key]

    def bodies(self) -> tuple[PresetInfo, ...]:
        """The presets of bodies with seats (every kind but a city's cooperation model)."""
        return tuple(p for p in self.presets() if p.kind != COOPERATION_KIND)

    def text(self, name: str) -> str:
        """The YAML text of a preset, as shipped."""
        return (self.folder / self.resolve(name).filename).read_text(encoding="utf-8")

    def _parsed(self, info: PresetInfo) -> Any:
        parsed: dict[str, Any] = self._cache.setdefault("parsed", {})
        if info.name not in parsed:
            read: Callable[..., Any] = loads_ruleset
            if info.kind == COOPERATION_KIND:  # its family, imported only for one
                from jarjestoyhteistyo.rules.cooperation import loads_cooperation as read
            parsed[info.name] = read(self.text(info.name), source=f"preset:{info.name}")
        return parsed[info.name]

    def load(self, name: str) -> RuleSet:
        """Parse and return a body preset (cached; immutable)."""
        info = self.resolve(name)
        if info.kind == COOPERATION_KIND:
            raise PresetKindError(
                Text(
                    "the preset {name!r} is a cooperation model, not a body: use"
                    " load_cooperation_preset()",
                    name=info.name,
                )
            )
        rules: RuleSet = self._parsed(info)
        return rules

    def load_cooperation(self, name: str) -> CooperationModel:
        """Parse and return a cooperation-model preset (cached; immutable)."""
        info = self.resolve(name)
        if info.kind != COOPERATION_KIND:
            raise PresetKindError(
                Text("the preset {name!r} is a body: use load_preset()", name=info.name)
            )
        model: CooperationModel = self._parsed(info)
        return model

    def area_for(self, area: str) -> PresetArea | None:
        """The area block whose ``words`` occur in the ``area:`` text, if any."""
        text = area.lower()
        for p in self.presets():
            if any(word.lower() in text for word in p.area.words):
                return p.area
        return None


def shipped(*parts: str) -> Traversable:
    """A folder (or file) of the package's data, such as ``shipped("presets", "bodies")``.

    When the package is a folder on disk (as installed), this is that folder's path,
    the same :class:`~pathlib.Path` :func:`importlib.resources.files` gives, without
    importing :mod:`importlib.resources` (and its ``tempfile``, ``zipfile`` and
    ``shutil``) at start-up; otherwise (a zip) it is what that function gives.
    """
    package = Path(__file__).parent.parent
    if package.is_dir():
        return package.joinpath(*parts)
    from importlib import resources  # pragma: no cover - a package in a zip

    return resources.files("jarjestoyhteistyo").joinpath(*parts)  # pragma: no cover


#: The shipped presets (``jarjestoyhteistyo/presets/bodies``).
REGISTRY = PresetRegistry(folder=shipped("presets", "bodies"))


def list_presets() -> tuple[PresetInfo, ...]:
    """All shipped presets, sorted by name (nothing is parsed)."""
    return REGISTRY.presets()


def body_presets() -> tuple[PresetInfo, ...]:
    """The shipped presets of bodies with seats: what ``validate`` and ``example`` take.

    >>> names = [p.name for p in body_presets()]
    >>> "keski-uusimaa" in names, "jarvenpaa" in names  # jarvenpaa: a cooperation model
    (True, False)
    """
    return REGISTRY.bodies()


def resolve_preset(name: str) -> PresetInfo:
    """The preset with this name or alias (case-insensitive).

    Raises :class:`~jarjestoyhteistyo.errors.PresetNotFoundError` naming the closest
    known names.
    """
    return REGISTRY.resolve(name)


def preset_text(name: str) -> str:
    """The YAML text of a preset, as shipped."""
    return REGISTRY.text(name)


def load_preset(name: str) -> RuleSet:
    """Parse and return a shipped body preset by name or alias (cached; immutable).

    A cooperation-model preset (``kind: cooperation_model``, `JP-1` … `JP-7`) has no
    seats; load it with :func:`load_cooperation_preset`.
    """
    return REGISTRY.load(name)


def load_cooperation_preset(name: str) -> CooperationModel:
    """Parse and return a shipped cooperation-model preset (`JP-1` … `JP-7`).

    >>> load_cooperation_preset("järvenpää").kind
    'cooperation_model'
    """
    return REGISTRY.load_cooperation(name)


def area_for(area: str) -> PresetArea | None:
    """The shipped area block for a rule set's ``area:`` text, or ``None``.

    >>> area_for("Keski-Uusimaa wellbeing area").municipalities[0].fi
    'Hyvinkää'
    >>> area_for("Example area") is None
    True
    """
    return REGISTRY.area_for(area)
