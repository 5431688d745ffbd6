"""Diagrams of a structure as Mermaid and Graphviz DOT text.

:func:`structure_graph` reads a rule set into nodes and edges — the body, its parent
organ (`FC-1`), the appointing authority (`FC-3`), the theme networks feeding a
council (`KU-10`), NGO seat groups per category (`FC-4`) or the open registration
(`OF-3`), committee members (`FC-6`, `OF-7`), official seats (`KU-4`) and the
coordinator, convener and secretary (`OF-5`, `KU-6`). :func:`to_mermaid` and
:func:`to_dot` render the same graph, so the two never disagree. The text is
deterministic (same rule set, same text) and needs no library.

Every label is in the language asked for (``lang="fi"``, ``"sv"``, default English):
the library's own words from the message catalogues, the body's name by
:meth:`~jarjestoyhteistyo.model.rulesets.GeneralRuleSet.name_in`, a category, an
appointing authority or a function by its label (:mod:`~jarjestoyhteistyo.model.vocabulary`),
a theme network by its ``label``. A value the rule set writes in words of its own (a
parent organ, a seat group's label) is shown as written — unless it is one of the
library's own English words (the defaults of the kinds and the presets' values, such
as ``local democracy and participation committee``), which have their Finnish and
Swedish in the catalogues.

The diagrams fit a page of 1,200 px (issue #17): top-down (``flowchart TD``,
``rankdir=TB``), every label wrapped at :data:`WRAP` characters a line
(:func:`wrap_label`; Mermaid ``<br/>``, DOT ``\\n``), one font (DOT's ``fontname`` on
the graph, the nodes and the edges). A body fed by more groups than fit in one row
has the later half of them drawn below it rather than above (DOT draws the edge
``dir=back``, so the arrow still points at the body; Mermaid has no such arrow and
moves only the lines without one, ``body --- seat``). A DOT drawing wider than the
page still (a rule set of very many groups) is scaled down to it (``size``); every
preset fits without.

>>> import jarjestoyhteistyo as jy
>>> print(to_mermaid(jy.load_preset("vantaa-kerava-open-forum")))
flowchart TD
    body["Open NGO forum"]
    parent["local democracy and<br/>participation committee"]
    registration(["NGOs of the area: open<br/>registration (up to 20)"])
    committee["committee representatives<br/>(≥1)"]
    coordinator["coordinator: wellbeing<br/>area's HYTE team"]
    body -->|"attached to"| parent
    registration -->|"register"| body
    parent -->|"≥1 members"| committee
    committee --- body
    coordinator -.->|"coordinates, compiles the<br/>agenda"| body
>>> print(to_mermaid(jy.load_preset("vantaa-kerava-open-forum"), lang="fi").splitlines()[3])
    registration(["alueen järjestöt: avoin<br/>ilmoittautuminen (enintään<br/>20)"])
"""

from __future__ import annotations

import functools
import re
import textwrap
from typing import Final

import attrs

from jarjestoyhteistyo.errors import NotFoundError
from jarjestoyhteistyo.i18n import Lang, ngettext, pgettext
from jarjestoyhteistyo.model.composition import Function
from jarjestoyhteistyo.model.rulesets import (
    Authority,
    DeputyMode,
    IntRange,
    OpenForum,
    RuleSet,
    SeatGroup,
    SeatSource,
    ThemeNetworkCouncil,
)
from jarjestoyhteistyo.model.vocabulary import label as vocabulary_label

__all__ = [
    "WRAP",
    "Edge",
    "Graph",
    "Node",
    "structure_graph",
    "to_dot",
    "to_mermaid",
    "wrap_label",
]

#: The most characters a line of a node or edge label has (the label is wrapped).
WRAP: Final = 26
# How wide a row of groups above or below the body may be, in characters of their
# widest lines (each counted with _GAP more for its box and the space between): about
# four wrapped labels, some 1,100 px in DOT's fonts.
_ROW_WIDTH: Final = 4 * (WRAP + 4)
_GAP: Final = 4
# The one font of every DOT label (graph, nodes and edges), and its sizes in points.
_DOT_FONT: Final = "Helvetica"
_DOT_NODE_SIZE: Final = 11
_DOT_EDGE_SIZE: Final = 10
# The widest a DOT drawing is, in inches: 1,200 px at 96 dpi (DOT's size scales a
# wider one down to it).
_DOT_MAX_WIDTH: Final = 12.5


@attrs.frozen(kw_only=True)
class Node:
    """A node: ``kind`` is ``body``, ``organ``, ``authority``, ``network``, ``seats``,
    ``officials``, ``committee``, ``registration`` or ``staff``. ``label`` is one line;
    :attr:`lines` is the label as the diagrams draw it."""

    id: str
    label: str
    kind: str

    @property
    def lines(self) -> tuple[str, ...]:
        """The label wrapped at :data:`WRAP` characters (:func:`wrap_label`)."""
        return wrap_label(self.label)


@attrs.frozen(kw_only=True)
class Edge:
    """A directed edge; ``dashed`` for support relations (coordination, secretary)."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False
    arrow: bool = True

    @property
    def lines(self) -> tuple[str, ...]:
        """The label wrapped at :data:`WRAP` characters (no lines for no label)."""
        return wrap_label(self.label) if self.label else ()


@attrs.frozen(kw_only=True)
class Graph:
    """Nodes and edges of one structure, in drawing order; ``title`` is the body's
    name in the graph's language."""

    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def node(self, node_id: str) -> Node:
        """The node with this id.

        Raises :class:`~jarjestoyhteistyo.errors.NotFoundError` (a :class:`KeyError`) if none.
        """
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise NotFoundError(node_id)


def wrap_label(text: str, width: int = WRAP) -> tuple[str, ...]:
    """``text`` in lines of at most ``width`` characters, broken between words (a word
    longer than a line is broken too).

    >>> wrap_label("category: substance abuse, drugs and other addictions; temperance")
    ('category: substance abuse,', 'drugs and other', 'addictions; temperance')
    """
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False)
    return tuple(lines) or (text,)


# The appointing authorities drawn, in the diagram's English (the vocabulary's words in
# Finnish and Swedish: ``committee proposes, board appoints``).
_AUTHORITY_LABELS = {
    Authority.EXECUTIVE_BOARD: "regional executive board",
    Authority.COMMITTEE: "committee",
    Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS: "committee proposes, executive board appoints",
    Authority.REGIONAL_COUNCIL: "regional council",
}


def _authority_label(authority: Authority, lang: str) -> str:
    if lang == "en":
        return _AUTHORITY_LABELS[authority]
    return vocabulary_label(authority, lang)


@functools.cache
def _own_words(lang: str) -> dict[str, str]:
    """The library's own English words for values a rule set writes as text (the
    defaults of the kinds, the presets' values), each in ``lang``."""
    return {
        "local democracy and participation committee": pgettext(
            lang, "diagram", "local democracy and participation committee"
        ),
        "committee members": pgettext(lang, "diagram", "committee members"),
        "committee representatives": pgettext(lang, "diagram", "committee representatives"),
        "organisations": pgettext(lang, "diagram", "organisations"),
        "experts invited as needed": pgettext(lang, "diagram", "experts invited as needed"),
        "wellbeing area's NGO contact person": pgettext(
            lang, "diagram", "wellbeing area's NGO contact person"
        ),
        "municipalities' NGO contact persons": pgettext(
            lang, "diagram", "municipalities' NGO contact persons"
        ),
        "wellbeing area's HYTE team": pgettext(lang, "diagram", "wellbeing area's HYTE team"),
        "regional NGO umbrella association with the integration director": pgettext(
            lang, "diagram", "regional NGO umbrella association with the integration director"
        ),
        "regional NGO umbrella association": pgettext(
            lang, "diagram", "regional NGO umbrella association"
        ),
    }


def _own(text: str, lang: str) -> str:
    """A rule set's own words as written; the library's own English words in ``lang``."""
    return text if lang == "en" else _own_words(lang).get(text, text)


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]", "_", text)


def _seats(rng: IntRange) -> str:
    return str(rng)


def _count(rng: IntRange) -> int:
    """The number a plural form is chosen by: the one count, else many."""
    return rng.min if rng.max == rng.min else 2


def structure_graph(rules: RuleSet, *, lang: Lang = "en") -> Graph:
    """The nodes and edges of ``rules`` (see the module text for what is drawn), with
    the labels in ``lang``.

    >>> import jarjestoyhteistyo as jy
    >>> g = structure_graph(jy.load_preset("keski-uusimaa"))
    >>> [n.id for n in g.nodes if n.kind == "network"]  # doctest: +NORMALIZE_WHITESPACE
    ['net_children_families', 'net_mental_health_substance_abuse', 'net_older_people',
     'net_disability_long_term_illness', 'net_multi_sector']
    >>> structure_graph(jy.load_preset("keski-uusimaa"), lang="sv").node("net_older_people").label
    'temanätverk: äldre'
    """
    general = rules.as_general()
    title = rules.name_in(lang)
    nodes: list[Node] = [Node(id="body", label=title, kind="body")]
    edges: list[Edge] = []
    _organs(rules, lang, nodes, edges)
    personal = general.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
    for g in general.seat_groups:
        _seat_group(rules, g, personal, lang, nodes, edges)
    _staff(rules, lang, nodes, edges)
    return Graph(title=title, nodes=tuple(nodes), edges=tuple(edges))


def _organs(rules: RuleSet, lang: str, nodes: list[Node], edges: list[Edge]) -> None:
    """The parent organ (`FC-1`) and the appointing authority (`FC-3`)."""
    authority = rules.as_general().selection.authority
    parent = rules.parent_organ
    if parent:
        nodes.append(Node(id="parent", label=_own(parent, lang), kind="organ"))
        edges.append(
            Edge(source="body", target="parent", label=pgettext(lang, "diagram", "attached to"))
        )
    if authority in _AUTHORITY_LABELS:
        if parent and authority is Authority.COMMITTEE:
            appointing = "parent"
        else:
            label = _authority_label(authority, lang)
            nodes.append(Node(id="authority", label=label, kind="authority"))
            appointing = "authority"
        edges.append(
            Edge(
                source=appointing,
                target="body",
                label=pgettext(lang, "diagram", "appoints members"),
            )
        )


def _network_label(rules: RuleSet, net: str, lang: str) -> str:
    label = net
    if isinstance(rules, ThemeNetworkCouncil):
        match = next((n for n in rules.networks if n.id == net), None)
        if match is not None and match.label is not None:
            label = match.label.get(lang)
        if match is not None and match.catch_all:
            label = pgettext(lang, "diagram", "{network} (catch-all)").format(network=label)
    return label


def _category_label(rules: RuleSet, g: SeatGroup, lang: str) -> str:
    """A category group's label: the category's label in ``lang`` where the group is
    one category and its label is that category's (or none), else as written."""
    eligible = g.eligible_categories
    found = next(
        (c for c in rules.as_general().categories if len(eligible) == 1 and c.code in eligible),
        None,
    )
    if found is not None and g.label in ("", found.labels.fi, found.labels.sv, found.labels.en):
        return found.labels.get(lang)
    return g.label or g.id


def _seat_group(
    rules: RuleSet, g: SeatGroup, personal: bool, lang: str, nodes: list[Node], edges: list[Edge]
) -> None:
    """The node and edges of one seat group, by its source (`FC-4`, `OF-3`, `KU-10`, ...)."""
    gid = _slug(g.id)
    general = rules.as_general()
    seats = _seats(g.seats)
    members = ngettext(lang, "{seats} member", "{seats} members", _count(g.seats))
    if g.source is SeatSource.NETWORK:
        net = g.network or g.id
        nid = f"net_{_slug(net)}"
        label = pgettext(lang, "diagram", "theme network: {network}").format(
            network=_network_label(rules, net, lang)
        )
        nodes.append(Node(id=nid, label=label, kind="network"))
        if general.pairs is not None and seats == "2":
            names = pgettext(lang, "diagram", "names {seats} (work pair)")
        else:
            names = pgettext(lang, "diagram", "names {seats}")
        edges.append(Edge(source=nid, target="body", label=names.format(seats=seats)))
    elif g.source is SeatSource.CATEGORY:
        label = pgettext(lang, "diagram", "category: {category}").format(
            category=_category_label(rules, g, lang)
        )
        nodes.append(Node(id=f"cat_{gid}", label=label, kind="seats"))
        if personal:
            members = ngettext(
                lang,
                "{seats} member + {seats} personal deputy",
                "{seats} members + {seats} personal deputies",
                _count(g.seats),
            )
        edges.append(Edge(source=f"cat_{gid}", target="body", label=members.format(seats=seats)))
    elif g.source is SeatSource.OPEN:
        if g.seats.max is not None:
            text = pgettext(lang, "diagram", "NGOs of the area: open registration (up to {cap})")
        else:
            text = pgettext(lang, "diagram", "NGOs of the area: open registration")
        nodes.append(
            Node(id="registration", label=text.format(cap=g.seats.max), kind="registration")
        )
        edges.append(
            Edge(source="registration", target="body", label=pgettext(lang, "diagram", "register"))
        )
    elif g.source is SeatSource.COMMITTEE:
        own = _own(g.label, lang) if g.label else pgettext(lang, "diagram", "committee members")
        nodes.append(
            Node(
                id=f"committee_{gid}" if gid != "committee" else "committee",
                label=f"{own} ({seats})",
                kind="committee",
            )
        )
        cid = nodes[-1].id
        if rules.parent_organ:
            edges.append(Edge(source="parent", target=cid, label=members.format(seats=seats)))
        edges.append(Edge(source=cid, target="body", arrow=False))
    else:
        kind = "officials" if g.source is SeatSource.OFFICIAL else "seats"
        own = _own(g.label, lang) if g.label else g.id
        nodes.append(Node(id=f"seat_{gid}", label=f"{own} ({seats})", kind=kind))
        edges.append(Edge(source=f"seat_{gid}", target="body", arrow=False))


def _function(function: Function, who: str, lang: str) -> str:
    """``coordinator: wellbeing area's HYTE team``: the function's label and its holder."""
    return f"{vocabulary_label(function, lang)}: {_own(who, lang)}"


def _staff(rules: RuleSet, lang: str, nodes: list[Node], edges: list[Edge]) -> None:
    """The coordinator (`OF-5`), the convener and the secretary (`KU-6`)."""
    if isinstance(rules, OpenForum) and rules.coordinator:
        label = _function(Function.COORDINATOR, rules.coordinator, lang)
        nodes.append(Node(id="coordinator", label=label, kind="staff"))
        edges.append(
            Edge(
                source="coordinator",
                target="body",
                label=pgettext(lang, "diagram", "coordinates, compiles the agenda"),
                dashed=True,
            )
        )
    if isinstance(rules, ThemeNetworkCouncil):
        if rules.convener:
            label = _function(Function.CONVENER, rules.convener, lang)
            nodes.append(Node(id="convener", label=label, kind="staff"))
            convenes = pgettext(lang, "diagram", "convenes")
            edges.append(Edge(source="convener", target="body", label=convenes, dashed=True))
        if rules.secretary:
            label = _function(Function.SECRETARY, rules.secretary, lang)
            nodes.append(Node(id="secretary", label=label, kind="staff"))
            secretary = vocabulary_label(Function.SECRETARY, lang)
            edges.append(Edge(source="secretary", target="body", label=secretary, dashed=True))


def _width(lines: tuple[str, ...]) -> int:
    return max((len(line) for line in lines), default=0)


def _below_body(graph: Graph) -> frozenset[str]:
    """The nodes drawn below the body rather than above it, so that a body fed by many
    groups fits a page: half of the groups above, half below.

    The groups that feed the body — one edge each, to the body: seat groups,
    networks, the registration, the staff — stand above it, with the appointing
    authority, while they fit in one row of ``_ROW_WIDTH`` characters (a label's
    widest line and ``_GAP`` more for its box and the space between). Past that, the
    later ones in drawing order go below it, with the parent organ, until the two
    rows are about as wide.

    >>> import jarjestoyhteistyo as jy
    >>> sorted(_below_body(structure_graph(jy.load_preset("keski-uusimaa"))))[:2]
    ['convener', 'seat_invited_experts']
    >>> _below_body(structure_graph(jy.load_preset("vantaa-kerava-open-forum")))
    frozenset()
    """
    degree: dict[str, int] = {}
    for e in graph.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    nodes = {n.id: n for n in graph.nodes}
    feeders: list[tuple[str, int]] = []
    above = below = 0
    for e in graph.edges:
        if e.target == "body" and degree[e.source] == 1 and nodes[e.source].kind != "authority":
            feeders.append((e.source, max(_width(nodes[e.source].lines), _width(e.lines)) + _GAP))
        elif e.target == "body" and nodes[e.source].kind == "authority":
            above += _width(nodes[e.source].lines) + _GAP
        elif e.source == "body" and nodes[e.target].kind == "organ":
            below += _width(nodes[e.target].lines) + _GAP
    total = above + below + sum(width for _, width in feeders)
    if above + sum(width for _, width in feeders) <= _ROW_WIDTH:
        return frozenset()
    drawn_below: set[str] = set()
    for node, width in feeders:
        if above + width / 2 > total / 2:
            drawn_below.add(node)
        else:
            above += width
    return frozenset(drawn_below)


def _mermaid_text(lines: tuple[str, ...]) -> str:
    return "<br/>".join(line.replace('"', "#quot;") for line in lines)


_MERMAID_SHAPES = {
    "body": ('["', '"]'),
    "registration": ('(["', '"])'),
    "network": ('(["', '"])'),
}


def _mermaid_link(e: Edge) -> str:
    if e.dashed:
        return "-.->" if e.arrow else "-.-"
    return "-->" if e.arrow else "---"


def to_mermaid(rules: RuleSet, *, lang: Lang = "en") -> str:
    """The structure as a Mermaid ``flowchart TD`` (paste into Markdown, GitLab,
    GitHub), its labels in ``lang`` and wrapped with ``<br/>``.

    >>> import jarjestoyhteistyo as jy
    >>> text = to_mermaid(jy.load_preset("keski-uusimaa"))
    >>> 'net_older_people(["theme network: older<br/>people"])' in text
    True
    >>> 'net_older_people -->|"names 2 (work pair)"| body' in text
    True
    >>> 'net_older_people(["teemaverkosto: ikäihmiset"])' in to_mermaid(
    ...     jy.load_preset("keski-uusimaa"), lang="fi")
    True
    """
    graph = structure_graph(rules, lang=lang)
    lines = ["flowchart TD"]
    for n in graph.nodes:
        left, right = _MERMAID_SHAPES.get(n.kind, ('["', '"]'))
        lines.append(f"    {n.id}{left}{_mermaid_text(n.lines)}{right}")
    below = _below_body(graph)
    for e in graph.edges:
        label = f'|"{_mermaid_text(e.lines)}"|' if e.label else ""
        source, target = e.source, e.target
        if source in below and not e.arrow:
            source, target = target, source
        lines.append(f"    {source} {_mermaid_link(e)}{label} {target}")
    return "\n".join(lines)


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _dot_lines(lines: tuple[str, ...]) -> str:
    return "\\n".join(_dot_text(line) for line in lines)


_DOT_SHAPES = {
    "body": 'box, style="rounded,bold"',
    "organ": "box",
    "authority": "box",
    "network": 'box, style="rounded"',
    "registration": 'box, style="rounded"',
    "seats": "box, style=dashed",
    "officials": "box, style=dashed",
    "committee": "box, style=dashed",
    "staff": "note",
}


def to_dot(rules: RuleSet, *, lang: Lang = "en") -> str:
    """The structure as a Graphviz ``digraph`` (render with ``dot -Tsvg``), top-down
    (``rankdir=TB``), in one font, its labels in ``lang`` and wrapped with ``\\n``.

    >>> import jarjestoyhteistyo as jy
    >>> text = to_dot(jy.load_preset("vantaa-kerava-formal"))
    >>> print(text.splitlines()[0])
    digraph "NGO advisory council (formal cooperation body)" {
    >>> '"parent" -> "body" [label="appoints members"];' in text
    True
    >>> '"parent" -> "body" [label="nimeää jäsenet"];' in to_dot(
    ...     jy.load_preset("vantaa-kerava-formal"), lang="fi")
    True
    """
    graph = structure_graph(rules, lang=lang)
    font = f'fontname="{_DOT_FONT}"'
    lines = [
        f'digraph "{_dot_text(graph.title)}" {{',
        "    rankdir=TB;",
        f'    graph [{font}, nodesep=0.25, ranksep=0.35, size="{_DOT_MAX_WIDTH:g},100"];',
        f'    node [{font}, fontsize={_DOT_NODE_SIZE}, margin="0.1,0.05"];',
        f"    edge [{font}, fontsize={_DOT_EDGE_SIZE}];",
    ]
    for n in graph.nodes:
        shape = _DOT_SHAPES.get(n.kind, "box")
        lines.append(f'    "{n.id}" [label="{_dot_lines(n.lines)}", shape={shape}];')
    below = _below_body(graph)
    for e in graph.edges:
        source, target = e.source, e.target
        attrs_: list[str] = []
        if e.label:
            attrs_.append(f'label="{_dot_lines(e.lines)}"')
        if e.dashed:
            attrs_.append("style=dashed")
        if not e.arrow:
            attrs_.append("dir=none")
        if source in below:
            source, target = target, source
            if e.arrow:
                attrs_.append("dir=back")
        extra = f" [{', '.join(attrs_)}]" if attrs_ else ""
        lines.append(f'    "{source}" -> "{target}"{extra};')
    lines.append("}")
    return "\n".join(lines)
