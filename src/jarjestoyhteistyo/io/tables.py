"""Tables out: one Markdown escape, Markdown and HTML tables, one pandas bridge.

Every report that writes Markdown, HTML or a ``pandas.DataFrame`` (the comparison
table and scorecard, the ecosystem report, the roadmap evaluation) writes through
these, so a cell is escaped one way everywhere: text from a rule set or a register is
data, never table structure or markup. They live in ``io`` (the doors in and out),
below the analysis modules that use them and the ``render`` modules that may.

>>> print(markdown_table(("name", "seats"), [("a | b", "2")]))
| name | seats |
|---|---|
| a \\| b | 2 |
>>> html_table("Bodies", ("name",), [("<b>",)])
'<table><caption>Bodies</caption><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jarjestoyhteistyo.errors import MissingDependencyError
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.text import html_table

__all__ = [
    "Markdown",
    "dataframe",
    "html_page",
    "html_table",
    "markdown_escape",
    "markdown_table",
]


class Markdown(str):
    """A cell the library wrote in Markdown itself (``**total**``): not escaped again.
    Text from a rule set or a register is never one."""

    __slots__ = ()


#: Markdown's own characters that turn text into code, emphasis or links, and the
#: table's ``|``: each gets a backslash.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*[]|"})
#: What a Markdown renderer passes on as raw HTML: written as entities.
_MARKDOWN_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def markdown_escape(text: str) -> str:
    """``text`` safe inside a Markdown table cell or list item: ``|`` and the
    characters of code, emphasis and links escaped, raw HTML written as entities
    (a name holding ``<script>`` is text, never markup), line breaks as spaces.

    >>> markdown_escape("a|b\\nc")
    'a\\\\|b c'
    >>> markdown_escape("<img src=x onerror=alert(1)> *bold* [l](javascript:x)")
    '&lt;img src=x onerror=alert(1)&gt; \\\\*bold\\\\* \\\\[l\\\\](javascript:x)'
    """
    text = text.translate(_MARKDOWN_HTML).translate(_MARKDOWN_SPECIAL)
    return " ".join(text.splitlines())


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table of ``header`` and ``rows``, every cell escaped (no trailing newline)."""
    lines = [
        "| " + " | ".join(markdown_escape(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines.extend(
        "| " + " | ".join(c if isinstance(c, Markdown) else markdown_escape(c) for c in row) + " |"
        for row in rows
    )
    return "\n".join(lines)


#: The page style of :func:`html_page`: readable on a screen and on paper, no script.
_PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:75rem;line-height:1.4}"
    "table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;"
    "padding:.3rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top;"
    "text-align:left}th{background:#eee}@media print{body{margin:0}}"
)


def html_page(title: str, body: str, *, lang: str = "en", notes: Sequence[str] = ()) -> str:
    """A whole HTML page: doctype, ``lang``, UTF-8 charset, ``title`` (escaped) as the
    title and heading, ``body`` (HTML the library wrote, such as :func:`html_table`'s),
    then ``notes`` as escaped paragraphs.

    >>> page = html_page("A & B", "<p>x</p>", lang="fi", notes=["— not known"])
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="fi">' in page
    (True, True)
    >>> "<title>A &amp; B</title>" in page, '<meta charset="utf-8">' in page
    (True, True)
    """
    e = html.escape
    paragraphs = "".join(f"<p>{e(n)}</p>" for n in notes)
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_PAGE_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{e(title)}</h1>\n{body}\n{paragraphs}\n</body>\n</html>\n"
    )


def dataframe(
    records: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    caller: str,
    index: str | None = None,
) -> Any:
    """``records`` as a ``pandas.DataFrame`` with ``columns`` (indexed by ``index`` when given).

    pandas is imported here, when called: without it this raises
    :class:`~jarjestoyhteistyo.errors.MissingDependencyError` (an :class:`ImportError`)
    naming ``caller`` and the ``pandas`` extra.

    >>> import importlib.util
    >>> if importlib.util.find_spec("pandas") is not None:
    ...     print(dataframe([{"a": 1, "b": 2}], ("a", "b"), caller="t", index="a").loc[1, "b"])
    ... else:
    ...     print(2)
    2
    """
    try:
        pd = importlib.import_module("pandas")
    except ImportError as exc:
        raise MissingDependencyError(
            Text("{caller} needs pandas: pip install 'jarjestoyhteistyo[pandas]'", caller=caller)
        ) from exc
    frame = pd.DataFrame.from_records(list(records), columns=list(columns))
    return frame if index is None else frame.set_index(index)
