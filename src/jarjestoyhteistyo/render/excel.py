"""Workbooks of results (issue #17 point 2): a proposal, a comparison, a rotation plan.

The sheets are written by :mod:`jarjestoyhteistyo.io.excel` (bold, frozen header rows,
fitting widths, whole or not at all); this module, above the selection, analysis and
calendar layers, turns their results into sheets, headers and words in the chosen
language (``fi``, ``sv``, ``en``). Needs the ``excel`` extra (openpyxl).

* :func:`write_proposal` — the proposed composition (its organisations and seats
  sheets, which :func:`~jarjestoyhteistyo.io.excel.read_composition` reads back), why
  each registration was or was not chosen, and the findings;
* :func:`write_comparison` — a :class:`~jarjestoyhteistyo.analysis.compare.ComparisonTable`,
  one row per metric, numbers as numbers;
* :func:`write_rotation_plan` — a :class:`~jarjestoyhteistyo.calc.rotation.RotationPlan`:
  the tenures (dates as dates) and the changeovers.

>>> import tempfile, pathlib, jarjestoyhteistyo as jy
>>> from jarjestoyhteistyo.analysis.compare import compare
>>> with tempfile.TemporaryDirectory() as d:
...     path = pathlib.Path(d) / "vertailu.xlsx"
...     write_comparison(compare(jy.load_preset("vake"), jy.load_preset("ku")), path, lang="fi")
...     path.stat().st_size > 0
True
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from jarjestoyhteistyo.analysis.compare import ComparisonTable
from jarjestoyhteistyo.calc.rotation import RotationPlan
from jarjestoyhteistyo.i18n import pgettext
from jarjestoyhteistyo.io.excel import (
    CellValue,
    Sheet,
    composition_sheets,
    findings_sheet,
    write_sheets,
)
from jarjestoyhteistyo.selection.explanation import Explanation
from jarjestoyhteistyo.selection.proposal import Proposal

__all__ = [
    "comparison_sheet",
    "proposal_sheets",
    "rotation_sheets",
    "write_comparison",
    "write_proposal",
    "write_rotation_plan",
]


def _lang(lang: str) -> str:
    return lang if lang in ("fi", "sv") else "en"


def _explanation_row(x: Explanation, lang: str) -> tuple[CellValue, ...]:
    reason = x.reason if x.reason_text is None else x.reason_text.text_in(lang)
    return (
        x.index,
        x.organisation,
        x.text(lang),
        x.seat,
        x.group,
        x.rank,
        x.criteria_met,
        reason,
        x.rule or None,
    )


def proposal_sheets(proposal: Proposal, lang: str = "en") -> tuple[Sheet, ...]:
    """The sheets of a proposal: the proposed composition's (organisations, seats,
    document), the explanations, then the findings."""
    lang = _lang(lang)
    explanations = Sheet(
        title=pgettext(lang, "spreadsheet", "Explanations"),
        header=(
            pgettext(lang, "spreadsheet column", "registration"),
            pgettext(lang, "spreadsheet column", "organisation"),
            pgettext(lang, "spreadsheet column", "explanation"),
            pgettext(lang, "spreadsheet column", "seat"),
            pgettext(lang, "spreadsheet column", "group"),
            pgettext(lang, "spreadsheet column", "rank"),
            pgettext(lang, "spreadsheet column", "criteria met"),
            pgettext(lang, "spreadsheet column", "reason"),
            pgettext(lang, "spreadsheet column", "rule"),
        ),
        rows=tuple(_explanation_row(x, lang) for x in proposal.explanations),
    )
    return (
        *composition_sheets(proposal.composition, lang),
        explanations,
        findings_sheet(proposal.report, lang),
    )


def write_proposal(proposal: Proposal, path: str | os.PathLike[str], *, lang: str = "en") -> None:
    """Write a proposal as a workbook (:func:`proposal_sheets`); its composition reads
    back with :func:`~jarjestoyhteistyo.io.excel.read_composition`."""
    write_sheets(proposal_sheets(proposal, lang), path)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def comparison_sheet(table: ComparisonTable, lang: str = "en") -> Sheet:
    """A comparison as a sheet: one row per metric or score (its label and unit in
    ``lang``), one column per structure; a number stays a number, anything else is
    written as the comparison shows it in ``lang``."""
    lang = _lang(lang)
    rows: list[tuple[CellValue, ...]] = []
    for row in table.rows:
        shown = row.cells_in(lang)
        values: list[CellValue] = [
            v if _number(v) and not (i < len(row.words) and row.words[i] is not None) else text
            for i, (v, text) in enumerate(zip(row.values, shown[2:], strict=True))
        ]
        rows.append((shown[0], shown[1], *values))
    return Sheet(
        title=pgettext(lang, "spreadsheet", "Comparison"),
        header=table.header_in(lang),
        rows=tuple(rows),
    )


def write_comparison(
    table: ComparisonTable, path: str | os.PathLike[str], *, lang: str = "en"
) -> None:
    """Write a comparison of structures as a workbook (:func:`comparison_sheet`)."""
    write_sheets((comparison_sheet(table, lang),), path)


def rotation_sheets(plan: RotationPlan, lang: str = "en") -> tuple[Sheet, ...]:
    """A rotation plan's sheets: one row per seat and tenure (seat, tenure number,
    cohort, start, end), and one per changeover (date, how many seats, which)."""
    lang = _lang(lang)
    tenures = Sheet(
        title=pgettext(lang, "spreadsheet", "Tenures"),
        header=(
            pgettext(lang, "spreadsheet column", "seat"),
            pgettext(lang, "spreadsheet column", "tenure"),
            pgettext(lang, "spreadsheet column", "cohort"),
            pgettext(lang, "spreadsheet column", "start"),
            pgettext(lang, "spreadsheet column", "end"),
        ),
        rows=tuple((t.seat, t.number, t.cohort, t.start, t.end) for t in plan.tenures),
    )
    changeovers = Sheet(
        title=pgettext(lang, "spreadsheet", "Changeovers"),
        header=(
            pgettext(lang, "spreadsheet column", "changeover"),
            pgettext(lang, "spreadsheet column", "seats"),
            pgettext(lang, "spreadsheet column", "which"),
        ),
        rows=tuple((c.date, len(c.seats), ", ".join(c.seats)) for c in plan.changeovers),
    )
    return tenures, changeovers


def write_rotation_plan(
    plan: RotationPlan, path: str | os.PathLike[str], *, lang: str = "en"
) -> None:
    """Write a rotation plan as a workbook (:func:`rotation_sheets`)."""
    sheets: Sequence[Sheet] = rotation_sheets(plan, lang)
    write_sheets(sheets, path)
