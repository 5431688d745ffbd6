"""Schedule phrases in words (`RM-4`): every phrase form, seasons, rhythms, findings."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jarjestoyhteistyo.calc.schedule import (
    DEFAULT_SEASONS,
    Recurrence,
    Season,
    Seasons,
    SeasonSpan,
    Unit,
    Window,
    parse_schedule,
)
from jarjestoyhteistyo.findings import Finding


def window(text: str, **kw: object) -> tuple[date, date]:
    parsed = parse_schedule(text, **kw)  # type: ignore[arg-type]
    assert parsed.ok, parsed.findings
    assert parsed.schedule is not None
    (w,) = parsed.schedule.windows
    return (w.start, w.end)


def rhythm(text: str) -> Recurrence:
    parsed = parse_schedule(text, year=2023)
    assert parsed.ok, parsed.findings
    assert parsed.schedule is not None
    (r,) = parsed.schedule.recurrences
    return r


Y23 = (date(2023, 1, 1), date(2023, 12, 31))
SPRING23 = (date(2023, 1, 1), date(2023, 5, 31))
AUTUMN23 = (date(2023, 8, 1), date(2023, 12, 31))


class TestWindows:
    """RM-4: "spring–autumn 2023", "autumn 2023", "all of 2023" in three languages."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("kevät 2023", SPRING23),
            ("Kevät 2023", SPRING23),
            ("keväällä 2023", SPRING23),
            ("syksy 2023", AUTUMN23),
            ("syksyllä 2023", AUTUMN23),
            ("kevät–syksy 2023", Y23),
            ("kevät-syksy 2023", Y23),
            ("kevät - syksy 2023", Y23),
            ("koko vuosi 2023", Y23),
            ("vuonna 2023", Y23),
            ("2023", Y23),
            ("våren 2023", SPRING23),
            ("vår 2023", SPRING23),
            ("hösten 2023", AUTUMN23),
            ("vår–höst 2023", Y23),
            ("hela året 2023", Y23),
            ("spring 2023", SPRING23),
            ("autumn 2023", AUTUMN23),
            ("fall 2023", AUTUMN23),
            ("spring–autumn 2023", Y23),
            ("spring to autumn 2023", Y23),
            ("all of 2023", Y23),
            ("the whole year 2023", Y23),
            ("kesä 2023", (date(2023, 6, 1), date(2023, 7, 31))),
            ("summer 2023", (date(2023, 6, 1), date(2023, 7, 31))),
        ],
    )
    def test_seasons_and_years(self, text: str, expected: tuple[date, date]) -> None:
        assert window(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2024-05-27", (date(2024, 5, 27), date(2024, 5, 27))),
            ("27.5.2024", (date(2024, 5, 27), date(2024, 5, 27))),
            ("1.3.2024–31.5.2024", (date(2024, 3, 1), date(2024, 5, 31))),
            ("2024-03-01 – 2024-05-31", (date(2024, 3, 1), date(2024, 5, 31))),
        ],
    )
    def test_explicit_dates(self, text: str, expected: tuple[date, date]) -> None:
        assert window(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("toukokuu 2024", (date(2024, 5, 1), date(2024, 5, 31))),
            ("touko–kesäkuu 2024", (date(2024, 5, 1), date(2024, 6, 30))),
            ("touko-kesäkuussa 2024", (date(2024, 5, 1), date(2024, 6, 30))),
            ("syys–lokakuu 2023", (date(2023, 9, 1), date(2023, 10, 31))),
            ("kesäkuu 2024", (date(2024, 6, 1), date(2024, 6, 30))),
            ("5/2024", (date(2024, 5, 1), date(2024, 5, 31))),
            ("2/2024", (date(2024, 2, 1), date(2024, 2, 29))),
            ("maj 2024", (date(2024, 5, 1), date(2024, 5, 31))),
            ("May 2024", (date(2024, 5, 1), date(2024, 5, 31))),
            ("May to June 2024", (date(2024, 5, 1), date(2024, 6, 30))),
        ],
    )
    def test_months(self, text: str, expected: tuple[date, date]) -> None:
        assert window(text) == expected

    def test_range_across_years(self) -> None:
        assert window("syksy 2023 – kevät 2024") == (date(2023, 8, 1), date(2024, 5, 31))
        assert window("2022–2025") == (date(2022, 1, 1), date(2025, 12, 31))

    def test_context_year_fills_a_missing_year(self) -> None:
        assert window("syksy", year=2024) == (date(2024, 8, 1), date(2024, 12, 31))
        assert window("kevät–syksy", year=2023) == Y23

    def test_misspelling_is_read_with_an_info_finding(self) -> None:
        parsed = parse_schedule("Kevät-syky 2023", path="p")
        assert parsed.ok
        assert [f.code for f in parsed.findings] == ["JY415"]
        assert parsed.schedule is not None
        assert parsed.schedule.windows[0].end == date(2023, 12, 31)


class TestSeasons:
    """Season boundaries are documented and configurable (RM-4)."""

    def test_default_is_the_finnish_working_year(self) -> None:
        assert DEFAULT_SEASONS.window(Season.SPRING, 2023).end == date(2023, 5, 31)
        assert DEFAULT_SEASONS.window(Season.AUTUMN, 2023).start == date(2023, 8, 1)

    def test_meteorological(self) -> None:
        met = Seasons.meteorological()
        assert window("kevät 2023", seasons=met) == (date(2023, 3, 1), date(2023, 5, 31))
        assert window("autumn 2023", seasons=met) == (date(2023, 9, 1), date(2023, 11, 30))

    def test_custom_boundaries_clamp_to_month_end(self) -> None:
        custom = Seasons(spring=SeasonSpan(start_month=1, end_month=6, end_day=31))
        assert window("kevät 2023", seasons=custom) == (date(2023, 1, 1), date(2023, 6, 30))

    def test_invalid_month_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="month"):
            SeasonSpan(start_month=0, end_month=5)


class TestRecurrences:
    """RM-4: "monthly", "every 1.5 months", "at least once a year"."""

    @pytest.mark.parametrize(
        ("text", "times", "every", "unit", "at_least"),
        [
            ("1 krt/kk", 1, 1, Unit.MONTH, False),
            ("1 krt/1,5 kk", 1, Fraction(3, 2), Unit.MONTH, False),
            ("min. 1 krt/v", 1, 1, Unit.YEAR, True),
            ("vähintään 2 kertaa vuodessa", 2, 1, Unit.YEAR, True),
            ("kerran kuussa", 1, 1, Unit.MONTH, False),
            ("kuukausittain", 1, 1, Unit.MONTH, False),
            ("1 krt/vko", 1, 1, Unit.WEEK, False),
            ("1 krt/2 v", 1, 2, Unit.YEAR, False),
            ("1 gång/mån", 1, 1, Unit.MONTH, False),
            ("1 gång/1,5 mån", 1, Fraction(3, 2), Unit.MONTH, False),
            ("minst 1 gång/år", 1, 1, Unit.YEAR, True),
            ("en gång i månaden", 1, 1, Unit.MONTH, False),
            ("varje vecka", 1, 1, Unit.WEEK, False),
            ("monthly", 1, 1, Unit.MONTH, False),
            ("every 1.5 months", 1, Fraction(3, 2), Unit.MONTH, False),
            ("at least once a year", 1, 1, Unit.YEAR, True),
            ("twice a year", 2, 1, Unit.YEAR, False),
            ("every 2 weeks", 1, 2, Unit.WEEK, False),
            ("quarterly", 1, 3, Unit.MONTH, False),
            ("every 1.5 years", 1, 18, Unit.MONTH, False),
        ],
    )
    def test_forms(
        self, text: str, times: int, every: Fraction, unit: Unit, at_least: bool
    ) -> None:
        r = rhythm(text)
        assert (r.times, r.every, r.unit, r.at_least) == (times, every, unit, at_least)

    def test_labels_and_window_in_one_phrase(self) -> None:
        parsed = parse_schedule(
            "koko vuosi 2023 (coordination group: 1 krt/kk, info evenings: 1 krt/1,5 kk)"
        )
        assert parsed.ok
        assert parsed.schedule is not None
        assert parsed.schedule.windows == (Window(start=Y23[0], end=Y23[1]),)
        assert [r.label for r in parsed.schedule.recurrences] == [
            "coordination group",
            "info evenings",
        ]

    def test_counts_over_a_year(self) -> None:
        start, end = Y23
        assert rhythm("1 krt/kk").count_between(start, end) == 12
        assert rhythm("1 krt/1,5 kk").count_between(start, end) == 8
        assert rhythm("min. 1 krt/v").count_between(start, end) == 1
        assert rhythm("twice a year").count_between(start, end) == 2
        assert rhythm("weekly").count_between(start, end) == 53  # 2023 starts on a Sunday

    def test_month_end_is_anchored_not_chained(self) -> None:
        dates = rhythm("monthly").dates(date(2023, 1, 31), date(2023, 4, 30))
        assert dates == (date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31), date(2023, 4, 30))

    def test_half_months_fall_on_the_first_and_sixteenth(self) -> None:
        dates = rhythm("1 krt/1,5 kk").dates(date(2023, 1, 1), date(2023, 4, 1))
        assert dates == (date(2023, 1, 1), date(2023, 2, 16), date(2023, 4, 1))

    def test_describe(self) -> None:
        assert rhythm("min. 1 krt/v").describe() == "at least 1 time(s) every 1 year(s)"


class TestFindings:
    """An unparseable phrase is a finding with its path, not a crash (RM-4)."""

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("sometime soon", "JY410"),
            ("", "JY410"),
            ("touko 2024", "JY410"),
            ("syksy", "JY411"),
            ("31.2.2024", "JY412"),
            ("13/2024", "JY412"),
            ("syksy 2024 – kevät 2023", "JY413"),
            ("1 krt/1,5 vko", "JY414"),
            ("2 krt/0 kk", "JY414"),
            ("1 krt/0,3 kk", "JY414"),
        ],
    )
    def test_codes(self, text: str, code: str) -> None:
        parsed = parse_schedule(text, path="plans[0].measures[2].schedule[0]")
        assert not parsed.ok
        assert [f.code for f in parsed.findings] == [code]
        assert parsed.findings[0].path == "plans[0].measures[2].schedule[0]"
        assert parsed.findings[0].rule == "RM-4"

    def test_good_parts_survive_a_bad_one(self) -> None:
        parsed = parse_schedule("syksy 2023; whenever", path="x")
        assert parsed.schedule is not None
        assert parsed.schedule.due == date(2023, 12, 31)
        assert [f.code for f in parsed.findings] == ["JY410"]

    def test_rhythm_alone_has_no_span_without_a_year(self) -> None:
        parsed = parse_schedule("1 krt/kk")
        assert parsed.schedule is not None
        assert parsed.schedule.span is None
        with_year = parse_schedule("1 krt/kk", year=2023).schedule
        assert with_year is not None
        assert with_year.due == date(2023, 12, 31)


PHRASE_WORDS = st.sampled_from(
    [
        "kevät",
        "syksy",
        "kesä",
        "koko",
        "vuosi",
        "2023",
        "2024",
        "1999",
        "–",
        "-",
        "/",
        "krt",
        "kk",
        "v",
        "1",
        "1,5",
        "min.",
        "gång",
        "mån",
        "monthly",
        "every",
        "months",
        "year",
        "at",
        "least",
        "once",
        "twice",
        "(",
        ")",
        ",",
        ";",
        ":",
        "27.5.2024",
        "2024-02-30",
        "touko",
        "kesäkuu",
        "maj",
        "5/2024",
        "13/2024",
        "0",
        "9999",
        "syky",
    ]
)


@given(st.text(max_size=60))
def test_random_text_never_crashes(text: str) -> None:
    """RM-4: any text parses or gives findings; never an exception."""
    parsed = parse_schedule(text, path="p")
    assert parsed.schedule is not None or parsed.findings
    assert all(isinstance(f, Finding) and f.path == "p" for f in parsed.findings)


@given(st.lists(PHRASE_WORDS, max_size=8).map(" ".join), st.none() | st.integers(1900, 2100))
def test_random_phrases_from_schedule_words(text: str, year: int | None) -> None:
    """RM-4: near-miss phrases give a schedule with ordered windows, or a finding."""
    parsed = parse_schedule(text, year=year)
    if parsed.schedule is None:
        assert parsed.findings
        return
    for w in parsed.schedule.windows:
        assert w.start <= w.end
    for r in parsed.schedule.recurrences:
        assert r.times >= 1
        assert r.every > 0
        assert r.count_between(date(2023, 1, 1), date(2023, 12, 31)) >= 1


# ------------------------------------------------- seed 003's phrases as written
_Y23 = (date(2023, 1, 1), date(2023, 12, 31), "")
_AUTUMN23 = (date(2023, 8, 1), date(2023, 12, 31), "")

#: Every schedule phrase of the roadmap follow-up (seed 003), verbatim with its line
#: (the Aikataulutus column of the 2023 plan; 171-172: the 2024 interim report), and
#: what it means: windows (start, end, label) and rhythms (label, times, every, unit,
#: at least). Issue #18 point 3: the parser reads the source as written.
SEED_003_PHRASES = [
    ("003:44", 2023, "• Kevät-syky 2023", [_Y23], []),
    (
        "003:45",
        2023,
        "• Koko vuosi 2023 (koordinaatioryhmä ja kehittämisryhmä kokoontuvat 1 krt/kk, "
        "infoillat 1 krt/1,5 kk)",
        [_Y23],
        [
            ("koordinaatioryhmä ja kehittämisryhmä kokoontuvat", 1, 1, "month", False),
            ("infoillat", 1, 1.5, "month", False),
        ],
    ),
    (
        "003:45",
        2023,
        "• Kumppanuusfoorumi tms. min. 1 krt/v.",
        [],
        [("Kumppanuusfoorumi tms.", 1, 1, "year", True)],
    ),
    ("003:46", 2023, "• Syky 2023", [_AUTUMN23], []),
    ("003:47", 2023, "• Syky 2023", [_AUTUMN23], []),
    ("003:70", 2023, "Kevät-syky 2023", [_Y23], []),
    ("003:71", 2023, "Kevät-syky 2023", [_Y23], []),
    ("003:72", 2023, "Kevät-syky 2023", [_Y23], []),
    (
        "003:72",
        2023,
        "(rakenteesta päättäminen kevät 2023, toiminnan käynnistyminen syky 2023)",
        [
            (date(2023, 1, 1), date(2023, 5, 31), "rakenteesta päättäminen"),
            (date(2023, 8, 1), date(2023, 12, 31), "toiminnan käynnistyminen"),
        ],
        [],
    ),
    ("003:73", 2023, "Syky 2023", [_AUTUMN23], []),
    ("003:74", 2023, "Syky 2023", [_AUTUMN23], []),
    ("003:100", 2023, "• Kevät-syky 2023", [_Y23], []),
    ("003:101", 2023, "• Kevät-syky 2023", [_Y23], []),
    ("003:119", 2023, "Syksy 2023", [_AUTUMN23], []),
    ("003:120", 2023, "Kevät-syksy 2023", [_Y23], []),
    ("003:171", 2024, "touko-kesäkuussa 2024", [(date(2024, 5, 1), date(2024, 6, 30), "")], []),
    ("003:172", 2024, "syksyllä 2024", [(date(2024, 8, 1), date(2024, 12, 31), "")], []),
]


@pytest.mark.parametrize(
    ("line", "year", "phrase", "windows", "rhythms"),
    SEED_003_PHRASES,
    ids=[f"{line}-{i}" for i, (line, *_rest) in enumerate(SEED_003_PHRASES)],
)
def test_every_schedule_phrase_of_seed_003_as_written(
    line: str,
    year: int,
    phrase: str,
    windows: list[tuple[date, date, str]],
    rhythms: list[tuple[str, int, float, str, bool]],
) -> None:
    parsed = parse_schedule(phrase, year=year)
    assert parsed.ok, (line, [f.message_en for f in parsed.findings])
    assert parsed.schedule is not None
    assert [(w.start, w.end, w.label) for w in parsed.schedule.windows] == windows
    got = [
        (r.label, r.times, float(r.every), r.unit.value, r.at_least)
        for r in parsed.schedule.recurrences
    ]
    assert got == rhythms
    # the source's misspelling "syky" is read as meant, and said so
    assert ("JY415" in {f.code for f in parsed.findings}) is ("syky" in phrase.lower())


def test_a_label_is_not_a_time_word() -> None:
    """A word of time before the time is not a label: it stays not understood."""
    for text in ("touko 2024", "kevät kesä 2024", "1 krt 2023"):
        assert not parse_schedule(text, year=2023).ok, text
    parsed = parse_schedule("infoillat 1 krt/1,5 kk", year=2023)
    assert parsed.schedule is not None
    assert [r.label for r in parsed.schedule.recurrences] == ["infoillat"]
    window = parse_schedule("päätös: kevät 2023").schedule
    assert window is not None
    assert window.windows[0].label == "päätös"
    assert window.to_dict()["windows"][0]["label"] == "päätös"
