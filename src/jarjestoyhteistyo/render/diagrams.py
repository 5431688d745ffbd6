"""Diagrams of a structure as Mermaid and Graphviz DOT text.

:func:`structure_graph` reads a rule set into nodes and edges — the body, its parent
organ (`FC-1`), the appointing authority (`FC-3`), the theme networks feeding a
council (`KU-10`), NGO seat groups per category (`FC-4`) or the open registration
(`OF-3`), committee members (`FC-6`, `OF-7`), official seats (`KU-4`) and the
coordinator, convener and secretary (`OF-5`, `KU-6`). :func:`to_mermaid` and
:func:`to_dot` render the same graph, so the two never disagree. The text is
deterministic (same rule set, same text) and needs no library.

>>> import jarjestoyhteistyo as jy
>>> print(to_mermaid(jy.load_preset("vantaa-kerava-open-forum")))
flowchart TD
    body["Open NGO forum"]
    parent["local democracy and participation committee"]
    registration(["NGOs of the area: open registration (up to 20)"])
    committee["committee representatives (≥1)"]
    coordinator["coordinator: wellbeing area's HYTE team"]
    body -->|"attached to"| parent
    registration -->|"register"| body
    parent -->|"≥1 member(s)"| committee
    committee --- body
    coordinator -.->|"coordinates, compiles the agenda"| body
"""

from __future__ import annotations

import re

import attrs

from jarjestoyhteistyo.errors import NotFoundError
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

__all__ = ["Edge", "Graph", "Node", "structure_graph", "to_dot", "to_mermaid"]


@attrs.frozen(kw_only=True)
class Node:
    """A node: ``kind`` is ``body``, ``organ``, ``authority``, ``network``, ``seats``,
    ``officials``, ``committee``, ``registration`` or ``staff``."""

    id: str
    label: str
    kind: str


@attrs.frozen(kw_only=True)
class Edge:
    """A directed edge; ``dashed`` for support relations (coordination, secretary)."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False
    arrow: bool = True


@attrs.frozen(kw_only=True)
class Graph:
    """Nodes and edges of one structure, in drawing order."""

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


_AUTHORITY_LABELS = {
    Authority.EXECUTIVE_BOARD: "regional executive board",
    Authority.COMMITTEE: "committee",
    Authority.COMMITTEE_PROPOSES_BOARD_APPOINTS: "committee proposes, executive board appoints",
    Authority.REGIONAL_COUNCIL: "regional council",
}


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_]", "_", text)


def _seats(rng: IntRange) -> str:
    return str(rng)


def structure_graph(rules: RuleSet) -> Graph:
    """The nodes and edges of ``rules`` (see the module text for what is drawn).

    >>> import jarjestoyhteistyo as jy
    >>> g = structure_graph(jy.load_preset("keski-uusimaa"))
    >>> [n.id for n in g.nodes if n.kind == "network"]  # doctest: +NORMALIZE_WHITESPACE
    ['net_children_families', 'net_mental_health_substance_abuse', 'net_older_people',
     'net_disability_long_term_illness', 'net_multi_sector']
    """
    general = rules.as_general()
    nodes: list[Node] = [Node(id="body", label=rules.name, kind="body")]
    edges: list[Edge] = []
    _organs(rules, nodes, edges)
    personal = general.deputies.mode in (DeputyMode.PERSONAL, DeputyMode.OPTIONAL)
    for g in general.seat_groups:
        _seat_group(rules, g, personal, nodes, edges)
    _staff(rules, nodes, edges)
    return Graph(title=rules.name, nodes=tuple(nodes), edges=tuple(edges))


def _organs(rules: RuleSet, nodes: list[Node], edges: list[Edge]) -> None:
    """The parent organ (`FC-1`) and the appointing authority (`FC-3`)."""
    authority = rules.as_general().selection.authority
    parent = rules.parent_organ
    if parent:
        nodes.append(Node(id="parent", label=parent, kind="organ"))
        edges.append(Edge(source="body", target="parent", label="attached to"))
    if authority in _AUTHORITY_LABELS:
        label = _AUTHORITY_LABELS[authority]
        if parent and authority is Authority.COMMITTEE:
            appointing = "parent"
        else:
            nodes.append(Node(id="authority", label=label, kind="authority"))
            appointing = "authority"
        edges.append(Edge(source=appointing, target="body", label="appoints members"))


def _network_label(rules: RuleSet, net: str) -> str:
    label = net
    if isinstance(rules, ThemeNetworkCouncil):
        match = next((n for n in rules.networks if n.id == net), None)
        if match is not None and match.label is not None:
            label = match.label.get("en")
        if match is not None and match.catch_all:
            label += " (catch-all)"
    return label


def _seat_group(
    rules: RuleSet, g: SeatGroup, personal: bool, nodes: list[Node], edges: list[Edge]
) -> None:
    """The node and edges of one seat group, by its source (`FC-4`, `OF-3`, `KU-10`, ...)."""
    gid = _slug(g.id)
    general = rules.as_general()
    if g.source is SeatSource.NETWORK:
        net = g.network or g.id
        nid = f"net_{_slug(net)}"
        nodes.append(
            Node(id=nid, label=f"theme network: {_network_label(rules, net)}", kind="network")
        )
        pair = " (work pair)" if general.pairs is not None and _seats(g.seats) == "2" else ""
        edges.append(Edge(source=nid, target="body", label=f"names {_seats(g.seats)}{pair}"))
    elif g.source is SeatSource.CATEGORY:
        label = g.label or g.id
        n = _seats(g.seats)
        deputies = f" + {n} personal deput{'y' if n == '1' else 'ies'}" if personal else ""
        nodes.append(Node(id=f"cat_{gid}", label=f"category: {label}", kind="seats"))
        edges.append(
            Edge(
                source=f"cat_{gid}",
                target="body",
                label=f"{_seats(g.seats)} member(s){deputies}",
            )
        )
    elif g.source is SeatSource.OPEN:
        cap = f" (up to {g.seats.max})" if g.seats.max is not None else ""
        nodes.append(
            Node(
                id="registration",
                label=f"NGOs of the area: open registration{cap}",
                kind="registration",
            )
        )
        edges.append(Edge(source="registration", target="body", label="register"))
    elif g.source is SeatSource.COMMITTEE:
        nodes.append(
            Node(
                id=f"committee_{gid}" if gid != "committee" else "committee",
                label=f"{g.label or 'committee members'} ({_seats(g.seats)})",
                kind="committee",
            )
        )
        cid = nodes[-1].id
        if rules.parent_organ:
            edges.append(Edge(source="parent", target=cid, label=f"{_seats(g.seats)} member(s)"))
        edges.append(Edge(source=cid, target="body", arrow=False))
    else:
        kind = "officials" if g.source is SeatSource.OFFICIAL else "seats"
        nodes.append(
            Node(id=f"seat_{gid}", label=f"{g.label or g.id} ({_seats(g.seats)})", kind=kind)
        )
        edges.append(Edge(source=f"seat_{gid}", target="body", arrow=False))


def _staff(rules: RuleSet, nodes: list[Node], edges: list[Edge]) -> None:
    """The coordinator (`OF-5`), the convener and the secretary (`KU-6`)."""
    if isinstance(rules, OpenForum) and rules.coordinator:
        nodes.append(
            Node(id="coordinator", label=f"coordinator: {rules.coordinator}", kind="staff")
        )
        edges.append(
            Edge(
                source="coordinator",
                target="body",
                label="coordinates, compiles the agenda",
                dashed=True,
            )
        )
    if isinstance(rules, ThemeNetworkCouncil):
        if rules.convener:
            nodes.append(Node(id="convener", label=f"convener: {rules.convener}", kind="staff"))
            edges.append(Edge(source="convener", target="body", label="convenes", dashed=True))
        if rules.secretary:
            nodes.append(Node(id="secretary", label=f"secretary: {rules.secretary}", kind="staff"))
            edges.append(Edge(source="secretary", target="body", label="secretary", dashed=True))


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


_MERMAID_SHAPES = {
    "body": ('["', '"]'),
    "registration": ('(["', '"])'),
    "network": ('(["', '"])'),
}


def to_mermaid(rules: RuleSet) -> str:
    """The structure as a Mermaid ``flowchart`` (paste into Markdown, GitLab, GitHub).

    >>> import jarjestoyhteistyo as jy
    >>> text = to_mermaid(jy.load_preset("keski-uusimaa"))
    >>> 'net_older_people(["theme network: older people"])' in text
    True
    >>> 'net_older_people -->|"names 2 (work pair)"| body' in text
    True
    """
    graph = structure_graph(rules)
    lines = ["flowchart TD"]
    for n in graph.nodes:
        left, right = _MERMAID_SHAPES.get(n.kind, ('["', '"]'))
        lines.append(f"    {n.id}{left}{_mermaid_text(n.label)}{right}")
    for e in graph.edges:
        arrow = ("-.->" if e.dashed else "-->") if e.arrow else ("-.-" if e.dashed else "---")
        label = f'|"{_mermaid_text(e.label)}"|' if e.label else ""
        lines.append(f"    {e.source} {arrow}{label} {e.target}")
    return "\n".join(lines)


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


_DOT_SHAPES = {
    "body": 'box, style="rounded,bold"',
    "organ": "box",
    "authority": "box",
    "network": "ellipse",
    "registration": "ellipse",
    "seats": "box, style=dashed",
    "officials": "box, style=dashed",
    "committee": "box, style=dashed",
    "staff": "note",
}


def to_dot(rules: RuleSet) -> str:
    """The structure as a Graphviz ``digraph`` (render with ``dot -Tsvg``).

    >>> import jarjestoyhteistyo as jy
    >>> text = to_dot(jy.load_preset("vantaa-kerava-formal"))
    >>> print(text.splitlines()[0])
    digraph "NGO advisory council (formal cooperation body)" {
    >>> '"parent" -> "body" [label="appoints members"];' in text
    True
    """
    graph = structure_graph(rules)
    lines = [
        f'digraph "{_dot_text(graph.title)}" {{',
        "    rankdir=TB;",
        '    node [fontname="Helvetica"];',
    ]
    for n in graph.nodes:
        shape = _DOT_SHAPES.get(n.kind, "box")
        lines.append(f'    "{n.id}" [label="{_dot_text(n.label)}", shape={shape}];')
    for e in graph.edges:
        attrs_: list[str] = []
        if e.label:
            attrs_.append(f'label="{_dot_text(e.label)}"')
        if e.dashed:
            attrs_.append("style=dashed")
        if not e.arrow:
            attrs_.append("arrowhead=none")
        extra = f" [{', '.join(attrs_)}]" if attrs_ else ""
        lines.append(f'    "{e.source}" -> "{e.target}"{extra};')
    lines.append("}")
    return "\n".join(lines)
