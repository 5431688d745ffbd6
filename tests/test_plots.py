"""Plots in the chosen language, each with a legend (issue #16 point 1, issue #17 point 4).

The labels are read back from the matplotlib figures (drawn on the Agg canvas, as the
module always draws): titles, axis labels, tick labels and legend texts. In Finnish
and Swedish none of them is an English message of ``render.plots`` that the language
translates.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import jarjestoyhteistyo as jy
from jarjestoyhteistyo.analysis.metrics import skeleton_composition
from jarjestoyhteistyo.analysis.scorecard import scorecard
from jarjestoyhteistyo.analysis.simulate import AttritionResult, compare_terms
from jarjestoyhteistyo.calc.rotation import rotation_plan
from jarjestoyhteistyo.i18n import LANGUAGES, Lang
from jarjestoyhteistyo.render.plots import plot_rotation, plot_scorecard, plot_vacancy_risk

pytest.importorskip("matplotlib")

FORMAL, FORUM, KU = "vantaa-kerava-formal", "vantaa-kerava-open-forum", "keski-uusimaa"
LOCALE = Path(jy.__file__).parent / "locale"
FIELD = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def risk() -> dict[str, tuple[AttritionResult, ...]]:
    return {
        name: compare_terms(jy.load_preset(name), dropout_per_year=0.15, runs=20, seed=1)
        for name in (FORMAL, KU)
    }


def legends(fig: Any) -> list[Any]:
    return [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]


def texts(fig: Any) -> list[str]:
    """Every label a reader sees: titles, axis labels, tick labels, legend texts."""
    fig.canvas.draw()  # the tick labels are made when drawn
    found = [fig.get_suptitle()]
    for ax in fig.axes:
        found += [ax.get_title(loc) for loc in ("left", "center", "right")]
        found += [ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
    found += [t.get_text() for legend in legends(fig) for t in legend.get_texts()]
    return [t.replace("\n", " ") for t in found if t]


def english_left(lang: Lang) -> set[str]:
    """The words of the English messages of render.plots that ``lang`` translates."""
    pofile = pytest.importorskip("babel.messages.pofile")
    with (LOCALE / lang / "LC_MESSAGES" / "jarjestoyhteistyo.po").open("rb") as fp:
        catalog = pofile.read_po(fp)
    words: set[str] = set()
    for message in catalog:
        if not message.id or not any(
            loc == "jarjestoyhteistyo/render/plots.py" for loc, _ in message.locations
        ):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{message.id!r} has no {lang} translation"
        translated = FIELD.sub(" ", " ".join(strings))
        for msgid in ids:
            for part in FIELD.split(msgid):
                part = part.strip(" :;,()")
                if len(part) >= 4 and part not in translated:
                    words.add(part)
    return words


def english_in(found: list[str], words: set[str]) -> list[str]:
    return sorted(
        w for w in words for t in found if re.search(rf"(?<![\w-]){re.escape(w)}(?!\w)", t)
    )


def figures(lang: Lang, risk: dict[str, tuple[AttritionResult, ...]]) -> dict[str, Any]:
    formal, ku = jy.load_preset(FORMAL), jy.load_preset(KU)
    return {
        "rotation": plot_rotation(ku, years=6, lang=lang),
        "rotation-short": plot_rotation(formal, years=1, lang=lang),
        "scorecard": plot_scorecard(formal, ku, jy.load_preset(FORUM), lang=lang),
        "vacancy": plot_vacancy_risk(risk, lang=lang),
        "vacancy-one": plot_vacancy_risk(risk[FORMAL], lang=lang),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plot_has_a_legend(lang: Lang, risk: dict[str, tuple[AttritionResult, ...]]) -> None:
    for name, fig in figures(lang, risk).items():
        assert legends(fig), name
        assert all(t.get_text() for legend in legends(fig) for t in legend.get_texts()), name


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_where_the_language_has_its_own(
    lang: Lang, risk: dict[str, tuple[AttritionResult, ...]]
) -> None:
    words = english_left(lang)
    assert {"rotation plan", "cohort", "weak", "term length"} <= words
    for name, fig in figures(lang, risk).items():
        assert english_in(texts(fig), words) == [], name


def test_the_check_would_see_english(risk: dict[str, tuple[AttritionResult, ...]]) -> None:
    found = [t for fig in figures("en", risk).values() for t in texts(fig)]
    assert {"rotation plan", "cohort", "weak", "term length"} <= set(
        english_in(found, english_left("fi"))
    )


def test_rotation_legend_has_one_entry_per_cohort() -> None:
    rules = jy.load_preset(KU)
    comp = skeleton_composition(rules)
    plan = rotation_plan(rules, comp, start=comp.as_of or date(2025, 6, 1), years=6)
    for lang, cohort, changeover in (
        ("en", "cohort", "changeover"),
        ("fi", "vuorotteluryhmä", "vaihto"),
        ("sv", "rotationsgrupp", "ombyte"),
    ):
        fig = plot_rotation(rules, years=6, lang=lang)
        entries = [t.get_text() for t in fig.legends[0].get_texts()]
        assert len(entries) == plan.cohorts + 1
        assert [e.split(":")[0] for e in entries[:-1]] == [
            f"{cohort} {n}" for n in range(1, plan.cohorts + 1)
        ]
        assert entries[-1] == changeover


def test_labels_in_each_language(risk: dict[str, tuple[AttritionResult, ...]]) -> None:
    ku = jy.load_preset(KU)
    fig = plot_rotation(ku, years=6, lang="fi")
    title = fig.axes[0].get_title().replace("\n", " ")
    assert title.startswith(f"{ku.name_in('fi')}: vuorottelusuunnitelma")
    assert "2 vuorotteluryhmää" in title
    assert fig.axes[0].get_xlabel() == "päivämäärä"
    assert fig.axes[0].get_ylabel() == "paikka"
    assert fig.legends[0].get_texts()[0].get_text() == "vuorotteluryhmä 1: 5 paikkaa"

    fig = plot_scorecard(jy.load_preset(FORMAL), lang="sv")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["svag", "delvis", "bra"]
    assert ax.get_yticklabels()[0].get_text() == "koppling till beslutsfattandet"
    (entry,) = [t.get_text() for t in fig.legends[0].get_texts()]
    total = f"{scorecard(jy.load_preset(FORMAL)).total:.2f}".replace(".", ",")
    assert entry == f"{jy.load_preset(FORMAL).name_in('sv')} (totalt {total})"

    fig = plot_vacancy_risk(risk, lang="fi")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["24 kuukautta", "48 kuukautta"]
    assert fig.axes[0].get_xlabel() == "toimikauden pituus"
    assert "kuukauden kuluttua" in fig.get_suptitle().replace("\n", " ")
    fig.canvas.draw()
    assert all("." not in t.get_text() for t in fig.axes[0].get_yticklabels())  # 0,1


def test_english_is_the_default(risk: dict[str, tuple[AttritionResult, ...]]) -> None:
    ku = jy.load_preset(KU)
    fig = plot_rotation(ku, years=6)
    assert fig.axes[0].get_title().replace("\n", " ") == (
        f"{ku.name}: rotation plan (24-month term, 2 cohorts)"
    )
    assert fig.axes[0].get_xlabel() == "date"
    card = scorecard(jy.load_preset(FORMAL))
    fig = plot_scorecard(card)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        f"{card.name} (total {card.total:.2f})"
    ]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["weak", "partial", "good"]
    fig = plot_vacancy_risk(risk[FORMAL])
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["structure with 16 seats"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["24 months", "48 months"]


def test_a_scorecard_keeps_its_own_name_and_labels() -> None:
    card = scorecard(jy.load_preset(FORMAL))
    fig = plot_scorecard(card, lang="fi")
    total = f"{card.total:.2f}".replace(".", ",")
    assert fig.legends[0].get_texts()[0].get_text() == f"{card.name} (yhteensä {total})"
    assert fig.axes[0].get_yticklabels()[0].get_text() == "kytkös päätöksentekoon"


def test_date_ticks_are_numbers_in_every_language() -> None:
    for lang in LANGUAGES:
        for years in (1, 6):
            fig = plot_rotation(jy.load_preset(FORMAL), years=years, lang=lang)
            fig.canvas.draw()
            ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
            assert ticks
            assert all(re.fullmatch(r"\d{4}|\d{1,2}/\d{4}", t) for t in ticks), ticks
