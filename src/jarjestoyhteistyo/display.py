"""The language of what Jupyter shows: one display setting for the whole session.

Reports, compositions, rotation plans, proposals, evaluations, scorecards and
comparisons draw themselves as HTML tables when they are a notebook cell's last value
(``_repr_html_``). Jupyter calls that with no arguments, so the language comes from
here: :func:`set_display_language`'s choice, else the environment's
(:func:`~jarjestoyhteistyo.i18n.language_from_env`, as the command line chooses).

>>> set_display_language("sv"); display_language()
'sv'
>>> set_display_language(None)
"""

from __future__ import annotations

from jarjestoyhteistyo.errors import InvalidValueError
from jarjestoyhteistyo.i18n import LANGUAGES, Lang, Text, language_from_env

__all__ = ["display_language", "set_display_language"]

#: The language :func:`set_display_language` chose; ``None``: the environment's.
_DISPLAY: list[Lang | None] = [None]


def set_display_language(lang: Lang | None) -> None:
    """Choose the language of the tables Jupyter shows.

    ``None`` goes back to the environment's language (a kernel started with
    ``LANG=fi_FI.UTF-8`` shows Finnish). A display setting only, as pandas' ``display``
    options are: it changes no result and no text method — those take ``lang=``
    themselves. Raises :class:`~jarjestoyhteistyo.errors.InvalidValueError` for a
    language other than ``fi``, ``sv`` and ``en``.
    """
    if lang is not None and lang not in LANGUAGES:
        raise InvalidValueError(
            Text("set_display_language(): {lang} is not one of fi, sv, en", lang=repr(lang))
        )
    _DISPLAY[0] = lang


def display_language() -> Lang:
    """The language of Jupyter's tables: :func:`set_display_language`'s, else the
    environment's."""
    return _DISPLAY[0] or language_from_env()
