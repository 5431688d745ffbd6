"""The characters a reader never sees but a terminal, an editor or a calendar acts on:
the one definition every writer escapes or drops.

They are the C0 controls but tab and line feed, DEL, the C1 controls, the Unicode
line and paragraph separators, and the bidirectional embeddings, overrides, isolates
and marks that reorder what a line shows ("Trojan source"). Text output shows them
escaped (:func:`escape_unsafe`), a calendar file drops them (:func:`drop_unsafe`), a
YAML comment holding one is written quoted.

>>> escape_unsafe("org\\x1b[2J\\u202eevil\\r")
'org\\\\x1b[2J\\\\u202eevil\\\\x0d'
>>> escape_unsafe("a\\x9bb", json=True)
'a\\\\u009bb'
>>> drop_unsafe("Council\\x1b[31m\\u202e")
'Council[31m'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

__all__ = ["UNSAFE", "drop_unsafe", "escape_unsafe", "html_table"]

#: One unsafe character (see the module docstring).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _python_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_unsafe(text: str, *, json: bool = False) -> str:
    """``text`` with each unsafe character shown as an escape: ``\\x1b``, ``\\u202e``;
    with ``json``, the ``\\u001b`` form a JSON string reads back as the character (an
    unsafe character is only ever inside a string there)."""
    return UNSAFE.sub(_json_escape if json else _python_escape, text)


def drop_unsafe(text: str) -> str:
    """``text`` without its unsafe characters (tab and line feed stay)."""
    return UNSAFE.sub("", text)


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML ``<table>`` with a caption, every text escaped: the one HTML table of the
    library (Jupyter's ``_repr_html_`` of reports, compositions, plans and tables; the
    comparison's page). A caption of ``""`` is left out.

    >>> html_table("Bodies", ("name",), [("<b>",)])
    '<table><caption>Bodies</caption><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
