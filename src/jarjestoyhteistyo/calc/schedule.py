"""Schedules written in words: date windows and recurring rhythms (`RM-4`).

An implementation plan gives each measure a schedule in words: "kevät–syksy 2023",
"koko vuosi 2023", "1 krt/kk", "min. 1 krt/v". :func:`parse_schedule` turns such a
phrase into a :class:`Schedule` of date :class:`Window` objects and
:class:`Recurrence` objects. Finnish, Swedish and English are understood; the
language is recognised from the words, so a phrase may even mix them.

A phrase is split into parts at ``;``, at a comma followed by a space (``1,5`` is a
decimal comma and stays whole) and at brackets. Each part is one of:

* a **window**: a year (``2023``, ``koko vuosi 2023``, ``hela året 2023``, ``all of
  2023``), a season (``syksy 2023``, ``hösten 2023``, ``autumn 2023``), a month
  (``toukokuu 2024``, ``maj 2024``, ``May 2024``, ``5/2024``), an explicit date (ISO
  ``2024-05-27`` or Finnish/Swedish ``27.5.2024``) or a range of any two of these
  joined by a dash or ``to``/``till``/``until`` (``kevät–syksy 2023``,
  ``touko–kesäkuu 2024``, ``syksy 2023 – kevät 2024``). A start without a year takes
  the year of the end.
* a **recurrence**: ``1 krt/kk``, ``1 krt/1,5 kk``, ``min. 1 krt/v``, ``1 gång/mån``,
  ``minst 1 gång/år``, ``monthly``, ``every 1.5 months``, ``at least once a year``,
  ``twice a year``, ``kuukausittain``, ``varje vecka``.

Any part may carry a **label**: before a colon (``infoillat: 1 krt/1,5 kk``) or, as
plans write it, simply before the time (``infoillat 1 krt/1,5 kk``,
``Kumppanuusfoorumi tms. min. 1 krt/v.``, ``rakenteesta päättäminen kevät 2023``):
the longest tail of the part that is a window or a recurrence is the schedule, the
words before it its label. A leading bullet (``•``, ``·``) is left out, and
abbreviations keep their dots (``min.``, ``krt/v.``, ``tms.``).

A part without a year takes the ``year`` given to :func:`parse_schedule` (the plan's
year); a recurrence runs over the schedule's windows, or over that year when the
phrase has no window (a rhythm alone with no year known has no :attr:`Schedule.span`).

**Seasons.** The boundaries of spring, summer and autumn are a :class:`Seasons`
object. The default, :data:`DEFAULT_SEASONS`, follows the Finnish working year that
plans are written in: spring is January–May, summer June–July and autumn
August–December, so "kevät–syksy 2023" is the whole year.
:meth:`Seasons.meteorological` gives March–May, June–August and September–November.
Winter is not a season here (it spans two years): write months instead.

**Month ends.** Every date is computed from its anchor with
:class:`~dateutil.relativedelta.relativedelta`: "1 krt/kk" from 31 January falls on
28 (29) February, 31 March, 30 April, ... — never drifting to the 28th.
A half month (``1 krt/1,5 kk``) steps between the 1st and the 16th of a month.

**Findings, not exceptions.** A part that is not understood gives a finding
(``JY410`` …) with its path; the rest of the phrase is still used.

>>> p = parse_schedule("kevät–syksy 2023")
>>> p.schedule.windows
(Window(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 12, 31)),)
>>> p = parse_schedule("koordinaatioryhmä: 1 krt/kk; infoillat: 1 krt/1,5 kk", year=2023)
>>> [(r.label, r.count_between(date(2023, 1, 1), date(2023, 12, 31)))
...  for r in p.schedule.recurrences]
[('koordinaatioryhmä', 12), ('infoillat', 8)]
>>> parse_schedule("sometime soon", path="measures[0].schedule[0]").findings[0].code
'JY410'
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule

from jarjestoyhteistyo.codes import Code, finding
from jarjestoyhteistyo.errors import InvalidValueError
from jarjestoyhteistyo.findings import Finding, Severity
from jarjestoyhteistyo.i18n import Text
from jarjestoyhteistyo.io.serialize import json_data

__all__ = [
    "DEFAULT_SEASONS",
    "ParsedSchedule",
    "Recurrence",
    "Schedule",
    "Season",
    "SeasonSpan",
    "Seasons",
    "Unit",
    "Window",
    "parse_schedule",
]

JY410 = Code(
    code="JY410",
    rule="RM-4",
    severity=Severity.WARNING,
    title="schedule phrase not understood",
    en="schedule phrase {part!r} is not understood",
    fix="Write a season, month, date or year (kevät 2023, 5/2024, 27.5.2024, "
    "koko vuosi 2023) or a rhythm (1 krt/kk, min. 1 krt/v).",
)

JY411 = Code(
    code="JY411",
    rule="RM-4",
    severity=Severity.WARNING,
    title="schedule phrase has no year",
    en="schedule phrase {part!r} has no year and no plan year is known",
    fix="Add the year (syksy 2023) or parse it in the context of a plan year.",
)

JY412 = Code(
    code="JY412",
    rule="RM-4",
    severity=Severity.WARNING,
    title="invalid date in schedule",
    en="schedule phrase {part!r}: {text!r} is not a valid date",
    fix="Check the day and month (27.5.2024 or 2024-05-27).",
)

JY413 = Code(
    code="JY413",
    rule="RM-4",
    severity=Severity.WARNING,
    title="schedule range ends before it starts",
    en="schedule phrase {part!r} ends ({end}) before it starts ({start})",
    fix="Swap the two ends of the range.",
)

JY414 = Code(
    code="JY414",
    rule="RM-4",
    severity=Severity.WARNING,
    title="unsupported rhythm",
    en="schedule phrase {part!r}: {reason}",
    fix="Use a whole number of days or weeks, or whole or half months or years.",
)

JY415 = Code(
    code="JY415",
    rule="RM-4",
    severity=Severity.INFO,
    title="misspelt schedule word read as intended",
    en="schedule phrase {part!r}: {word!r} read as {meant!r}",
    fix="Correct the spelling.",
)

#: The codes this module declares (read by :mod:`jarjestoyhteistyo.catalogue`).
CODES: tuple[Code, ...] = (JY410, JY411, JY412, JY413, JY414, JY415)


# --------------------------------------------------------------------------- model


class Season(enum.Enum):
    """A named part of a year: spring, summer or autumn."""

    SPRING = "spring"
    SUMMER = "summer"
    AUTUMN = "autumn"


def _month(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 12:
        raise InvalidValueError(
            Text("{field} must be a month 1–12, not {value}", field=attribute.name, value=value)
        )


def _day(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 31:
        raise InvalidValueError(
            Text(
                "{field} must be a day of the month 1–31, not {value}",
                field=attribute.name,
                value=value,
            )
        )


@attrs.frozen(kw_only=True)
class SeasonSpan:
    """The first and last day of a season within one calendar year.

    A last day beyond the month's end means the month's last day (``end_day=31`` in
    a 30-day month is the 30th).

    >>> SeasonSpan(start_month=8, end_month=12).window(2023)
    Window(start=datetime.date(2023, 8, 1), end=datetime.date(2023, 12, 31))
    """

    start_month: int = attrs.field(validator=_month)
    start_day: int = attrs.field(default=1, validator=_day)
    end_month: int = attrs.field(validator=_month)
    end_day: int = attrs.field(default=31, validator=_day)

    def window(self, year: int) -> Window:
        """The season's window in ``year``."""
        base = date(year, 1, 1)
        return Window(
            start=base + relativedelta(month=self.start_month, day=self.start_day),
            end=base + relativedelta(month=self.end_month, day=self.end_day),
        )


@attrs.frozen(kw_only=True)
class Seasons:
    """The boundaries of the seasons (configurable; see the module text).

    >>> DEFAULT_SEASONS.window(Season.SPRING, 2024)
    Window(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 5, 31))
    >>> Seasons.meteorological().window(Season.AUTUMN, 2024).end
    datetime.date(2024, 11, 30)
    """

    spring: SeasonSpan = SeasonSpan(start_month=1, end_month=5)
    summer: SeasonSpan = SeasonSpan(start_month=6, end_month=7)
    autumn: SeasonSpan = SeasonSpan(start_month=8, end_month=12)

    @classmethod
    def meteorological(cls) -> Seasons:
        """Spring March–May, summer June–August, autumn September–November.

        >>> Seasons.meteorological().spring.start_month
        3
        """
        return cls(
            spring=SeasonSpan(start_month=3, end_month=5),
            summer=SeasonSpan(start_month=6, end_month=8),
            autumn=SeasonSpan(start_month=9, end_month=11),
        )

    def window(self, season: Season, year: int) -> Window:
        """The window of ``season`` in ``year``."""
        span: SeasonSpan = getattr(self, season.value)
        return span.window(year)


#: The Finnish working year: spring Jan–May, summer Jun–Jul, autumn Aug–Dec.
DEFAULT_SEASONS = Seasons()


@attrs.frozen(kw_only=True, order=True)
class Window:
    """A closed date interval ``start``..``end`` (both days included).

    >>> w = Window(start=date(2023, 8, 1), end=date(2023, 12, 31))
    >>> date(2023, 9, 1) in w, w.year_span
    (True, (2023, 2023))
    """

    start: date
    end: date
    #: What the window is for, as the phrase names it ("rakenteesta päättäminen kevät
    #: 2023" → ``rakenteesta päättäminen``); empty when it names nothing. Left out of
    #: the repr, kept in :meth:`to_dict`.
    label: str = attrs.field(default="", repr=False)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def year_span(self) -> tuple[int, int]:
        """The first and last calendar year the window touches."""
        return (self.start.year, self.end.year)

    def to_dict(self) -> dict[str, str]:
        """``{"start": ISO date, "end": ISO date}``: the converter's form.

        >>> Window(start=date(2023, 8, 1), end=date(2023, 12, 31)).to_dict()
        {'start': '2023-08-01', 'end': '2023-12-31'}
        """
        data: dict[str, str] = json_data(self)
        return data


class Unit(enum.Enum):
    """The unit of a recurrence's period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@attrs.frozen(kw_only=True)
class Recurrence:
    """A rhythm: ``times`` occurrences every ``every`` ``unit`` (``at_least`` = minimum).

    ``every`` is a whole number, or for months a multiple of a half (``1 krt/1,5 kk``).
    Yearly rhythms with a fraction are kept in months (1.5 years = 18 months).

    >>> r = Recurrence(times=1, every=Fraction(3, 2), unit=Unit.MONTH)
    >>> r.dates(date(2023, 1, 1), date(2023, 6, 30))
    (datetime.date(2023, 1, 1), datetime.date(2023, 2, 16), datetime.date(2023, 4, 1), \
datetime.date(2023, 5, 16))
    >>> r.describe(), r.describe("fi"), r.describe("sv")
    ('1 time(s) every 1.5 month(s)', '1 krt / 1,5 kk', '1 gång(er) per 1,5 mån')
    """

    times: int = 1
    every: Fraction = Fraction(1)
    unit: Unit = Unit.MONTH
    at_least: bool = False
    label: str = ""

    def _starts(self, start: date, end: date) -> Iterator[date]:
        whole = self.every.denominator == 1
        step = int(self.every)
        if self.unit is Unit.DAY:
            yield from (d.date() for d in rrule(DAILY, interval=step, dtstart=start, until=end))
        elif self.unit is Unit.WEEK:
            yield from (d.date() for d in rrule(WEEKLY, interval=step, dtstart=start, until=end))
        elif self.unit is Unit.MONTH and not whole:
            # half-month steps fall on the 1st and the 16th; take every n-th of them
            halves = int(self.every * 2)
            grid = rrule(MONTHLY, bymonthday=(1, 16), dtstart=start, until=end)
            yield from (d.date() for i, d in enumerate(grid) if i % halves == 0)
        else:
            months = step * (12 if self.unit is Unit.YEAR else 1)
            k = 0
            while (day := start + relativedelta(months=k * months)) <= end:
                yield day
                k += 1

    def dates(self, start: date, end: date) -> tuple[date, ...]:
        """The start of each period within ``start``..``end``.

        A rhythm of several times per period (``2 krt/v``) lists each period once;
        :meth:`count_between` multiplies by :attr:`times`.

        >>> Recurrence(unit=Unit.MONTH).dates(date(2023, 1, 31), date(2023, 3, 31))
        (datetime.date(2023, 1, 31), datetime.date(2023, 2, 28), datetime.date(2023, 3, 31))
        """
        return tuple(self._starts(start, end))

    def count_between(self, start: date, end: date) -> int:
        """How many occurrences the rhythm expects in ``start``..``end`` (a minimum when
        :attr:`at_least`).

        >>> Recurrence(times=2, unit=Unit.YEAR).count_between(date(2023, 1, 1),
        ...                                                   date(2023, 12, 31))
        2
        """
        return self.times * len(self.dates(start, end))

    def describe(self, lang: str = "en") -> str:
        """A short description in ``lang`` (``fi``, ``sv``, ``en``): in Finnish and
        Swedish as plans write a rhythm (``1 krt / 1,5 kk``, decimal comma)."""
        every = str(float(self.every)) if self.every.denominator != 1 else str(self.every)
        if lang in ("fi", "sv"):
            every = every.replace(".", ",")
        words: dict[str, Any] = {"times": self.times, "every": every}
        if self.unit is Unit.DAY:
            rhythm = Text("{times} time(s) every {every} day(s)", **words)
        elif self.unit is Unit.WEEK:
            rhythm = Text("{times} time(s) every {every} week(s)", **words)
        elif self.unit is Unit.YEAR:
            rhythm = Text("{times} time(s) every {every} year(s)", **words)
        else:
            rhythm = Text("{times} time(s) every {every} month(s)", **words)
        if self.at_least:
            rhythm = Text("at least {rhythm}", rhythm=rhythm)
        return rhythm.text_in(lang)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON, a view on purpose: ``every`` as a number (a fraction is
        not JSON) and every key always written."""
        return {
            "label": self.label,
            "times": self.times,
            "every": float(self.every),
            "unit": self.unit.value,
            "at_least": self.at_least,
        }


@attrs.frozen(kw_only=True)
class Schedule:
    """What a schedule phrase means: windows and recurrences.

    ``year`` is the context year (the plan's) used when a phrase has none.
    :attr:`span` is the whole period covered; :attr:`due` its last day.

    >>> s = parse_schedule("syksy 2023").schedule
    >>> s.due
    datetime.date(2023, 12, 31)
    """

    text: str
    year: int | None = None
    windows: tuple[Window, ...] = ()
    recurrences: tuple[Recurrence, ...] = ()

    @property
    def span(self) -> Window | None:
        """From the earliest start to the latest end; the context year when no window."""
        if self.windows:
            return Window(
                start=min(w.start for w in self.windows), end=max(w.end for w in self.windows)
            )
        if self.year is not None:
            return _year_window(self.year)
        return None

    @property
    def due(self) -> date | None:
        """The last day of :attr:`span` (when the scheduled work should be done)."""
        span = self.span
        return None if span is None else span.end

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON, a view on purpose: the phrase and what it means, without
        the context year."""
        return {
            "text": self.text,
            "windows": [w.to_dict() for w in self.windows],
            "recurrences": [r.to_dict() for r in self.recurrences],
        }


@attrs.frozen(kw_only=True)
class ParsedSchedule:
    """The result of :func:`parse_schedule`: the schedule (``None`` when nothing in the
    phrase was understood) and findings for the parts that were not."""

    schedule: Schedule | None
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every part was understood (informational findings allowed)."""
        return self.schedule is not None and all(f.severity is Severity.INFO for f in self.findings)


# -------------------------------------------------------------------------- parser


def _year_window(year: int) -> Window:
    return Window(start=date(year, 1, 1), end=date(year, 12, 31))


_SPLIT = re.compile(r";|,\s+|[()\[\]]")
_BULLETS = "•·‣◦▪"
_MAX_LABEL_WORDS = 12
_LABEL = re.compile(r"^\s*([^:]{1,80}?)\s*:\s+(.+)$", re.S)
_NUMBER = r"[0-9]{1,3}(?:[.,][0-9]{1,2})?"

# ---- recurrences: words are first mapped to canonical tokens

_REC_WORDS: dict[str, str] = {}
for _words, _token in (
    ("krt kerta kertaa gång gånger ggr times time x", "X"),
    ("yksi en ett one", "1"),
    ("kaksi två two", "2"),
    ("min minimum vähintään minst least", "MIN"),
    ("kk kuukausi kuukaudessa kuussa kuukauden mån månad månader månaden month months mo", "M"),
    ("v vuosi vuodessa vuoden år året year years yr", "Y"),
    ("vko viikko viikossa viikon vecka veckan veckor week weeks wk", "W"),
    ("pv päivä päivässä dag dagen dagar day days", "D"),
    ("q neljännes neljänneksessä kvartal kvartalet quarter quarters", "Q"),
    ("per a an i every each joka varje", "PER"),
    ("kerran once", "1 X"),
    ("kahdesti twice", "2 X"),
    ("kuukausittain månatligen månadsvis monthly", "PER M"),
    ("vuosittain årligen årsvis yearly annually", "PER Y"),
    ("viikoittain veckovis weekly", "PER W"),
    ("päivittäin dagligen daily", "PER D"),
    ("neljännesvuosittain kvartalsvis quarterly", "PER Q"),
    ("fortnightly", "PER 2 W"),
    ("at", ""),
):
    for _w in _words.split():
        _REC_WORDS[_w] = _token

_REC_TOKEN = re.compile(rf"{_NUMBER}|/|[^\W\d_]+|\S", re.U)
_REC_SHAPE = re.compile(
    r"^(?P<min>MIN )?(?:(?P<times>[0-9]+) X )?(?P<per>(?:PER )*)"
    r"(?:(?P<every>[0-9]+(?:\.[0-9]+)?) )?(?P<unit>[MYWDQ])$"
)


class _PartError(Exception):
    def __init__(self, code: Code, **params: Any) -> None:
        super().__init__(code.code)
        self.code = code
        self.params = params


def _parse_recurrence(text: str, label: str) -> Recurrence | None:
    tokens: list[str] = []
    for raw in _REC_TOKEN.findall(text.lower()):
        word = raw.rstrip(".")
        if not word:
            continue
        if re.fullmatch(_NUMBER, word):
            tokens.append(word.replace(",", "."))
        elif word == "/":
            tokens.append("PER")
        elif word in _REC_WORDS:
            tokens.extend(_REC_WORDS[word].split())
        else:
            return None
    shape = " ".join(tokens)
    m = _REC_SHAPE.match(shape)
    if m is None or not (m["times"] or m["per"]):
        return None
    times = int(m["times"] or 1)
    every = Fraction(m["every"] or 1)
    unit = {"M": Unit.MONTH, "Y": Unit.YEAR, "W": Unit.WEEK, "D": Unit.DAY, "Q": Unit.MONTH}[
        m["unit"]
    ]
    if m["unit"] == "Q":
        every *= 3
    if unit is Unit.YEAR and every.denominator != 1:
        every, unit = every * 12, Unit.MONTH
    if times < 1 or every <= 0:
        raise _PartError(JY414, reason=Text("the count and the period must be positive"))
    if unit is Unit.MONTH and (every * 2).denominator != 1:
        raise _PartError(JY414, reason=Text("months must be whole or half"))
    if unit in (Unit.DAY, Unit.WEEK) and every.denominator != 1:
        raise _PartError(JY414, reason=Text("days and weeks must be whole"))
    if every > 1000:
        raise _PartError(JY414, reason=Text("the period is too long"))
    return Recurrence(
        times=times, every=every, unit=unit, at_least=m["min"] is not None, label=label
    )


# ---- windows

_FI_MONTHS = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)
_SV_MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_EN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORDS: dict[str, int] = {}
for _names in (_SV_MONTHS, _EN_MONTHS):
    for _i, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_name] = _i
        if len(_name) > 3:
            _MONTH_WORDS[_name[:3]] = _i
_MONTH_WORDS.pop("mar")  # "mar" could be either; write "mars" or "march"
_MONTH_WORDS["mar"] = 3
_MONTH_WORDS["sept"] = 9
_FI_MONTH = re.compile(rf"^({'|'.join(_FI_MONTHS)})(kuu\w*)?$")

_SEASON_WORDS: dict[str, Season] = {}
for _season, _forms in (
    (Season.SPRING, "kevät kevään keväällä keväälle keväästä kevääseen vår våren spring"),
    (Season.SUMMER, "kesä kesän kesällä kesälle kesästä kesään sommar sommaren summer"),
    (
        Season.AUTUMN,
        "syksy syksyn syksyllä syksylle syksystä syksyyn höst hösten autumn fall",
    ),
):
    for _w in _forms.split():
        _SEASON_WORDS[_w] = _season
#: misspellings seen in real plans, read as intended (with an informational finding)
_MISSPELLINGS: dict[str, str] = {"syky": "syksy", "kevat": "kevät", "host": "höst"}

_ALL_WORDS = frozenset(
    {"koko", "vuosi", "vuoden", "vuonna", "ympäri", "hela", "helt", "året", "år"}
    | {"all", "whole", "full", "throughout", "year", "calendar"}
)
_FILLER = frozenset(["of", "the", "in", "during", "aikana", "under", "i", "on"])
_RANGE_WORDS = frozenset({"to", "till", "until", "through", "–", "-", "—", "‐", "‑", "−"})

_ISO_DATE = re.compile(r"\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b")
_FI_DATE = re.compile(r"\b([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\b")
_NUM_MONTH = re.compile(r"\b([0-9]{1,2})/([0-9]{4})\b")
_WIN_TOKEN = re.compile(r"@D[0-9]+@|@M[0-9]+@|[0-9]+|[^\W\d_]+|[–—‐‑−-]|\S", re.U)
#: years outside this range are not read as years (and dates in them are invalid)
_YEARS = range(1000, 3000)


@attrs.frozen(kw_only=True)
class _End:
    """One end of a window phrase before years are resolved."""

    kind: str  # "date", "season", "month", "stem", "year"
    year: int | None = None
    season: Season | None = None
    month: int | None = None
    day: date | None = None


def _resolve(end: _End, seasons: Seasons, part: str) -> Window:
    if end.day is not None:
        return Window(start=end.day, end=end.day)
    if end.year is None:
        raise _PartError(JY411)
    if end.season is not None:
        return seasons.window(end.season, end.year)
    if end.month is not None:
        start = date(end.year, end.month, 1)
        return Window(start=start, end=start + relativedelta(day=31))
    return _year_window(end.year)


def _mask_numbers(text: str) -> tuple[str, list[date], list[tuple[int, int]]]:
    """``text`` in lower case with its dates and numeric months (``5/2024``) replaced
    by the tokens ``@D<i>@`` and ``@M<i>@``, and the values they stand for."""
    dates: list[date] = []
    months: list[tuple[int, int]] = []

    def take_date(y: str, m: str, d: str, raw: str) -> str:
        if int(y) not in _YEARS:
            raise _PartError(JY412, text=raw)
        try:
            dates.append(date(int(y), int(m), int(d)))
        except ValueError:
            raise _PartError(JY412, text=raw) from None
        return f" @D{len(dates) - 1}@ "

    def take_month(m: re.Match[str]) -> str:
        if not 1 <= int(m[1]) <= 12 or int(m[2]) not in _YEARS:
            raise _PartError(JY412, text=m[0])
        months.append((int(m[1]), int(m[2])))
        return f" @M{len(months) - 1}@ "

    low = text.lower()
    low = _ISO_DATE.sub(lambda m: take_date(m[1], m[2], m[3], m[0]), low)
    low = _FI_DATE.sub(lambda m: take_date(m[3], m[2], m[1], m[0]), low)
    return _NUM_MONTH.sub(take_month, low), dates, months


def _word_end(word: str) -> _End | None:
    """The end a season or month word names, or ``None`` for any other word."""
    if word in _SEASON_WORDS:
        return _End(kind="season", season=_SEASON_WORDS[word])
    if word in _MONTH_WORDS:
        return _End(kind="month", month=_MONTH_WORDS[word])
    if (fm := _FI_MONTH.match(word)) is not None:
        return _End(kind="month" if fm[2] else "stem", month=_FI_MONTHS.index(fm[1]) + 1)
    return None


def _ends(text: str, notes: list[Finding], path: str, part: str) -> list[list[_End]] | None:
    """The tokens of each end of a window phrase (two lists for a range), or ``None``
    when a token is not understood."""
    low, dates, months = _mask_numbers(text)
    ends: list[list[_End]] = [[]]
    for tok in _WIN_TOKEN.findall(low):
        if tok.startswith("@D"):
            ends[-1].append(_End(kind="date", day=dates[int(tok[2:-1])]))
        elif tok.startswith("@M"):
            mo, yr = months[int(tok[2:-1])]
            ends[-1].append(_End(kind="month", month=mo, year=yr))
        elif tok.isascii() and tok.isdigit():
            if int(tok) not in _YEARS:
                return None
            ends[-1].append(_End(kind="year", year=int(tok)))
        elif tok in _RANGE_WORDS:
            ends.append([])
        elif tok not in _ALL_WORDS and tok not in _FILLER:
            word = tok
            if word in _MISSPELLINGS:
                notes.append(finding(JY415, path, part=part, word=word, meant=_MISSPELLINGS[word]))
                word = _MISSPELLINGS[word]
            end = _word_end(word)
            if end is None:
                return None
            ends[-1].append(end)
    return ends


def _parse_window(
    text: str, year: int | None, seasons: Seasons, notes: list[Finding], path: str, part: str
) -> Window | None:
    ends = _ends(text, notes, path, part)
    if ends is None or len(ends) > 2:
        return None
    merged: list[_End] = []
    for group in ends:
        end = _merge(group)
        if end is None:
            return None
        merged.append(end)
    # a bare Finnish month stem ("touko-") is a month only in a range with a month;
    # "kesä" alone is summer
    has_month = any(e.kind == "month" for e in merged)
    fixed: list[_End] = []
    for e in merged:
        if e.kind == "stem":
            if has_month:
                e = attrs.evolve(e, kind="month")
            elif e.month == 6:
                e = attrs.evolve(e, kind="season", season=Season.SUMMER, month=None)
            else:
                return None
        fixed.append(e)
    last = fixed[-1]
    if last.kind != "date" and last.year is None:
        last = attrs.evolve(last, year=year)
    first = fixed[0]
    if len(fixed) == 2 and first.kind != "date" and first.year is None:
        first = attrs.evolve(first, year=last.day.year if last.day else last.year)
    resolved = [_resolve(e, seasons, part) for e in ((first, last) if len(fixed) == 2 else (last,))]
    window = Window(start=resolved[0].start, end=resolved[-1].end)
    if window.end < window.start:
        raise _PartError(JY413, start=window.start.isoformat(), end=window.end.isoformat())
    return window


def _merge(group: list[_End]) -> _End | None:
    """One end from its tokens: at most one of season/month/stem, at most one year."""
    if len(group) == 1:
        return group[0]
    if len(group) != 2:
        return None
    a, b = group
    if b.kind == "year" and a.kind in ("season", "month", "stem") and a.year is None:
        return attrs.evolve(a, year=b.year)
    return None


def _timeish(word: str) -> bool:
    """Whether ``word`` speaks of time (a number, a season, a month, a rhythm's word):
    such a word cannot be part of a label."""
    w = word.lower().strip(".,:")
    return (
        any(c.isdigit() for c in w)
        or "/" in w
        or w in _REC_WORDS
        or w in _ALL_WORDS
        or w in _RANGE_WORDS
        or w in _MISSPELLINGS
        or _word_end(w) is not None
        or _FI_MONTH.match(w) is not None
    )


def _parse_part(
    body: str, label: str, year: int | None, seasons: Seasons, notes: list[Finding], part: str
) -> Recurrence | Window | None:
    """The part as a recurrence or a window; else its longest tail that is one, the
    words before that tail being its label (``infoillat 1 krt/1,5 kk``)."""
    words = body.split()
    # a label is a few words; a longer part is read whole (bounded work on odd text)
    starts = range(len(words)) if len(words) <= _MAX_LABEL_WORDS + 8 else range(1)
    for start in starts:
        if start and _timeish(words[start - 1]):
            break  # a label names a thing, not a time: "touko 2024" stays not understood
        tail = " ".join(words[start:])
        name = " ".join(filter(None, (label, " ".join(words[:start]))))
        rec = _parse_recurrence(tail, name)
        if rec is not None:
            return rec
        seen: list[Finding] = []
        try:
            win = _parse_window(tail, year, seasons, seen, _PLACEHOLDER, part)
        except _PartError:
            if start == 0:
                raise
            continue
        if win is not None:
            notes.extend(seen)
            return attrs.evolve(win, label=name) if name else win
    return None


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str, year: int | None, seasons: Seasons) -> ParsedSchedule:
    """Parse with findings at a placeholder path (cached: plans repeat their phrases)."""
    windows: list[Window] = []
    recurrences: list[Recurrence] = []
    notes: list[Finding] = []
    parts = [q for p in _SPLIT.split(text) if p and (q := p.strip().lstrip(_BULLETS).strip())]
    for part in parts:
        label, body = "", part
        m = _LABEL.match(part)
        if m is not None:
            label, body = m[1], m[2]
        try:
            found = _parse_part(body, label, year, seasons, notes, part)
        except _PartError as err:
            notes.append(finding(err.code, _PLACEHOLDER, part=part, **err.params))
            continue
        if found is None:
            notes.append(finding(JY410, _PLACEHOLDER, part=part))
        elif isinstance(found, Recurrence):
            recurrences.append(found)
        else:
            windows.append(found)
    if not parts:
        notes.append(finding(JY410, _PLACEHOLDER, part=text))
    if not windows and not recurrences:
        return ParsedSchedule(schedule=None, findings=tuple(notes))
    schedule = Schedule(
        text=text, year=year, windows=tuple(windows), recurrences=tuple(recurrences)
    )
    return ParsedSchedule(schedule=schedule, findings=tuple(notes))


_PLACEHOLDER = "schedule"


def parse_schedule(
    text: str,
    *,
    year: int | None = None,
    seasons: Seasons = DEFAULT_SEASONS,
    path: str = "schedule",
) -> ParsedSchedule:
    """Parse a schedule phrase (`RM-4`); never raises for odd text.

    ``year`` is the plan's year, used for parts without one; ``path`` is where the
    phrase sits in its document (it goes into the findings).

    >>> parse_schedule("27.5.2024").schedule.windows[0].start
    datetime.date(2024, 5, 27)
    >>> parse_schedule("hösten 2023").schedule.due
    datetime.date(2023, 12, 31)
    >>> r = parse_schedule("min. 1 krt/v", year=2023).schedule.recurrences[0]
    >>> r.at_least, r.unit.value
    (True, 'year')
    >>> parse_schedule("syksy", path="p").findings[0].code
    'JY411'
    """
    parsed = _parse_cached(text, year, seasons)
    if not parsed.findings or path == _PLACEHOLDER:
        return parsed
    return attrs.evolve(parsed, findings=tuple(attrs.evolve(f, path=path) for f in parsed.findings))
