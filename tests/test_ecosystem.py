"""Tests of the register reader and the actor-ecosystem analysis (`JP-3`, `JP-4`, `JP-7`).

Each segment rule of :class:`SegmentRules` is tested on its boundary, the blind spots
and actions are tied to `JP-7`, and the reader is tested on both CSV dialects (UTF-8
with commas, Windows-1252 with semicolons as Finnish Excel writes), bad rows (reported
with line numbers, none lost) and random text (never crashes).
"""

from __future__ import annotations

import csv
import doctest
import io
import json
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jarjestoyhteistyo.analysis import ecosystem
from jarjestoyhteistyo.analysis.ecosystem import (
    DEFAULT_SEGMENT_RULES,
    BlindSpotKind,
    Segment,
    SegmentRules,
    analyse,
    classify,
    load_segment_rules,
    loads_segment_rules,
    plot_segments,
)
from jarjestoyhteistyo.errors import InvalidValueError, LoadError
from jarjestoyhteistyo.io import register
from jarjestoyhteistyo.io.register import loads_register_yaml, read_register
from jarjestoyhteistyo.io.serialize import DOCUMENTS
from jarjestoyhteistyo.model import associations
from jarjestoyhteistyo.model.associations import SHARED_FIELDS, Association, Register
from jarjestoyhteistyo.model.composition import Organisation, SizeClass

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "jarvenpaa-register.csv"
AS_OF = date(2024, 6, 1)


def seg(a: Association, rules: SegmentRules = DEFAULT_SEGMENT_RULES, **kw: date) -> Segment:
    return classify(a, as_of=kw.get("as_of", AS_OF), rules=rules).segment


def spots(a: Association, rules: SegmentRules = DEFAULT_SEGMENT_RULES) -> set[str]:
    return {k.value for k in classify(a, as_of=AS_OF, rules=rules).blind_spots}


@pytest.mark.parametrize("module", [ecosystem, register, associations])
def test_doctests_pass(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# ------------------------------------------- the register's record and its homes
def test_ecosystem_still_offers_the_register_names_from_their_homes() -> None:
    """The reader lives in io.register and the record in model.associations; the
    analysis module re-exports them, the same objects, under their old names."""
    for name in register.__all__:
        assert getattr(ecosystem, name) is getattr(register, name), name
        assert name in ecosystem.__all__
    for name in ("Association", "Register"):
        assert getattr(ecosystem, name) is getattr(associations, name)
        assert name in ecosystem.__all__
    assert DOCUMENTS["register"].cls is Register


def test_shared_fields_mean_the_same_in_both_records() -> None:
    """Association and Organisation share these fields by name and type, so the one
    conversion cannot drift from either class."""
    a_fields = typing.get_type_hints(Association)
    o_fields = typing.get_type_hints(Organisation)
    for name in SHARED_FIELDS:
        assert a_fields[name] == o_fields[name], name
    assert set(a_fields) & set(o_fields) == set(SHARED_FIELDS)


def test_to_organisation_carries_the_shared_fields_and_takes_the_rest() -> None:
    a = Association(
        id="a1",
        name="Kylätoimikunta ry",
        networks=frozenset({"culture", "hyte"}),
        volunteer_run=True,
        languages=frozenset({"fi", "sv"}),
        weaker_position=True,
        grants_received=3,
        events_attended=4,
    )
    org = a.to_organisation(
        categories=frozenset({"village"}), size=SizeClass.SMALL, groups=frozenset({"women"})
    )
    for name in SHARED_FIELDS:
        assert getattr(org, name) == getattr(a, name), name
    assert (org.categories, org.size, org.groups) == (
        frozenset({"village"}),
        SizeClass.SMALL,
        frozenset({"women"}),
    )
    assert (org.umbrella, org.service_provider, org.municipalities) == (False, False, frozenset())


def test_to_organisation_keeps_the_organisation_default_for_unknown_languages() -> None:
    org = Association(id="a1").to_organisation()
    assert org == Organisation(id="a1")
    assert org.languages == frozenset({"fi"})


def test_to_organisation_of_an_empty_id_is_an_invalid_value() -> None:
    with pytest.raises(InvalidValueError, match="id must not be empty"):
        Association(id=" ").to_organisation()


def test_register_rows_become_organisations_of_a_composition() -> None:
    result = read_register(EXAMPLE, as_of=AS_OF)
    orgs = tuple(a.to_organisation() for a in result.associations)
    assert [o.id for o in orgs] == [a.id for a in result.associations]
    assert all(o.name for o in orgs)


# ------------------------------------------------------------- JP-4 segment rules
def test_jp4_active_by_events_attended_boundary() -> None:
    assert seg(Association(id="a", events_attended=2)) is Segment.ACTIVE
    assert seg(Association(id="a", events_attended=1)) is Segment.LITTLE


def test_jp4_active_by_network_membership() -> None:
    assert seg(Association(id="a", networks=frozenset({"culture"}))) is Segment.ACTIVE
    off = SegmentRules(active_min_networks=0)
    assert seg(Association(id="a", networks=frozenset({"culture"})), off) is Segment.LITTLE


def test_jp4_active_events_criterion_can_be_turned_off() -> None:
    off = SegmentRules(active_min_events=0)
    assert seg(Association(id="a", events_attended=5), off) is Segment.LITTLE
    assert seg(Association(id="a"), off) is Segment.UNAWARE


def test_jp4_active_by_contact_within_12_months_inclusive() -> None:
    on_the_day = Association(id="a", last_contact=date(2023, 6, 1))
    a_day_late = Association(id="a", last_contact=date(2023, 5, 31))
    assert seg(on_the_day) is Segment.ACTIVE
    assert seg(a_day_late) is Segment.LITTLE


def test_jp4_contact_months_are_counted_with_relativedelta_month_end() -> None:
    """31 May − 3 months is 29 February 2024 (clipped), not a day count."""
    rules = SegmentRules(active_contact_months=3)
    as_of = date(2024, 5, 31)
    assert seg(Association(id="a", last_contact=date(2024, 2, 29)), rules, as_of=as_of) is (
        Segment.ACTIVE
    )
    assert seg(Association(id="a", last_contact=date(2024, 2, 28)), rules, as_of=as_of) is (
        Segment.LITTLE
    )


def test_jp4_active_wins_over_dependence() -> None:
    a = Association(id="a", events_attended=3, grants_received=10, premises_used=True)
    assert seg(a) is Segment.ACTIVE


def test_jp4_dependent_by_grants_and_premises() -> None:
    a = Association(id="a", grants_received=1, premises_used=True)
    assert seg(a) is Segment.DEPENDENT
    rules = SegmentRules(dependent_grants_and_premises=False, dependent_premises_alone=False)
    assert seg(a, rules) is Segment.USING


def test_jp4_premises_or_grants_as_the_source_says() -> None:
    """Seed 004: "very dependent on the city's support, premises and/or grants"."""
    premises_only = Association(id="p", premises_used=True)
    assert seg(premises_only) is Segment.DEPENDENT
    assert seg(Association(id="g", grants_received=3)) is Segment.DEPENDENT
    small_grant = Association(id="s", grants_received=1)
    assert seg(small_grant) is Segment.USING
    both_needed = SegmentRules(dependent_premises_alone=False)
    assert seg(premises_only, both_needed) is Segment.USING
    assert seg(Association(id="b", grants_received=1, premises_used=True), both_needed) is (
        Segment.DEPENDENT
    )


def test_jp4_dependent_by_grants_alone_at_the_threshold() -> None:
    assert seg(Association(id="a", grants_received=3)) is Segment.DEPENDENT
    assert seg(Association(id="a", grants_received=2.99)) is Segment.USING
    assert seg(Association(id="a", grants_received=3), SegmentRules(dependent_min_grants=None)) is (
        Segment.USING
    )


def test_jp4_grants_thresholds_in_euros() -> None:
    euros = SegmentRules(support_min_grants=1, dependent_min_grants=2000)
    assert seg(Association(id="a", grants_received=300.0), euros) is Segment.USING
    assert seg(Association(id="a", grants_received=2000.0), euros) is Segment.DEPENDENT
    assert seg(Association(id="a", grants_received=0.5), euros) is Segment.UNAWARE


def test_jp4_using_resources_by_premises_only_when_both_are_asked_for() -> None:
    both = SegmentRules(dependent_premises_alone=False)
    assert seg(Association(id="a", premises_used=True), both) is Segment.USING


def test_jp4_little_active_by_an_old_contact_or_one_event() -> None:
    assert seg(Association(id="a", last_contact=date(2019, 1, 1))) is Segment.LITTLE
    assert seg(Association(id="a", events_attended=1)) is Segment.LITTLE


def test_jp4_unaware_potential_when_never_reached() -> None:
    assert seg(Association(id="a", registered=date(1990, 1, 1))) is Segment.UNAWARE


def test_jp4_weaker_position_overlaps_and_primary_shares_add_up() -> None:
    regs = [
        Association(id="a", events_attended=2, weaker_position=True),
        Association(id="b", weaker_position=True),
        Association(id="c", premises_used=True),
        Association(id="d"),
    ]
    r = analyse(regs, as_of=AS_OF)
    assert r.count(Segment.WEAKER) == 2
    assert r.count(Segment.ACTIVE) == 1
    primary = [s for s in r.segments if s.segment is not Segment.WEAKER]
    assert sum(s.count for s in primary) == r.total == 4
    assert sum(s.share for s in primary) == pytest.approx(1.0)
    assert [s.segment for s in r.segments][-1] is Segment.WEAKER


def test_empty_register_gives_zero_shares() -> None:
    r = analyse([], as_of=AS_OF)
    assert r.total == 0
    assert all(s.share == 0 for s in r.segments)
    assert r.actions == ()
    assert r.findings.ok


# ----------------------------------------------------------------- JP-7 blind spots
def test_jp7_new_association_not_yet_reached() -> None:
    new = Association(id="a", registered=date(2023, 1, 1))
    assert spots(new) == {"new_not_reached"}
    reached = attrs.evolve(new, last_contact=date(2024, 1, 1))
    assert spots(reached) == set()
    old = Association(id="a", registered=date(2022, 5, 31))  # more than 24 months
    assert spots(old) == {"no_recent_contact"}


def test_jp7_no_contact_in_12_months_includes_never_contacted() -> None:
    assert spots(Association(id="a", last_contact=date(2023, 5, 31))) == {"no_recent_contact"}
    assert spots(Association(id="a", last_contact=date(2023, 6, 1))) == set()
    assert spots(Association(id="a")) == {"no_recent_contact"}


def test_jp7_weaker_position_without_support() -> None:
    assert "weaker_without_support" in spots(Association(id="a", weaker_position=True))
    supported = Association(id="a", weaker_position=True, premises_used=True)
    assert "weaker_without_support" not in spots(supported)


def test_jp7_blind_spots_become_findings_and_actions() -> None:
    regs = [
        Association(id="n", registered=date(2024, 1, 1)),
        Association(id="w", weaker_position=True, last_contact=date(2024, 5, 1)),
        Association(id="s", last_contact=date(2020, 1, 1)),
    ]
    r = analyse(regs, as_of=AS_OF)
    assert r.blind_spot(BlindSpotKind.NEW_NOT_REACHED) == ("n",)
    assert r.blind_spot(BlindSpotKind.NO_RECENT_CONTACT) == ("s",)
    assert r.blind_spot(BlindSpotKind.WEAKER_WITHOUT_SUPPORT) == ("w",)
    assert r.findings.codes == {"JY621", "JY622", "JY623"}
    assert all(f.rule == "JP-7" for f in r.findings)
    assert r.findings.ok  # warnings only
    abouts = {a.about for a in r.actions}
    assert {"new_not_reached", "no_recent_contact", "weaker_without_support"} <= abouts
    assert all("JP-" in a.rule for a in r.actions)
    assert all(a.count > 0 for a in r.actions)


# --------------------------------------------------------------------- rules as data
def test_segment_rules_from_yaml(tmp_path: Path) -> None:
    rules = loads_segment_rules("active_min_events: 3\ndependent_min_grants: null\n")
    assert rules == SegmentRules(active_min_events=3, dependent_min_grants=None)
    path = tmp_path / "rules.yaml"
    path.write_text("new_months: 12\n", encoding="utf-8")
    assert load_segment_rules(path).new_months == 12
    assert load_segment_rules(ROOT / "examples" / "ecosystem-rules.yaml").dependent_min_grants == (
        2000
    )


def test_segment_rules_reject_unknown_keys_and_negative_values() -> None:
    with pytest.raises(LoadError) as info:
        loads_segment_rules("active_min_event: 3\nnew_months: -1\n")
    paths = {p.path for p in info.value.problems}
    assert "active_min_event" in paths
    assert any("did you mean 'active_min_events'" in p.message for p in info.value.problems)


# ------------------------------------------------------------------------- reader
def _cp1252_semicolon(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("cp1252")


def test_reads_finnish_excel_cp1252_semicolons() -> None:
    raw = _cp1252_semicolon(
        [
            ["Tunnus", "Nimi", "Rekisteröity", "Avustukset €", "Tilat", "Kielet"],
            ["a1", "Käpylän seura ry", "27.5.2024", "1 234,50", "kyllä", "fi; sv"],
            ["a2", "Öljymäen kerho ry", "2024-05-27", "12,5", "Ei", "fi"],
        ]
    )
    r = read_register(raw)
    assert r.encoding == "cp1252"
    assert r.delimiter == ";"
    assert r.problems == ()
    a1, a2 = r.associations
    assert a1.name == "Käpylän seura ry"
    assert a1.registered == a2.registered == date(2024, 5, 27)
    assert a1.grants_received == 1234.5
    assert a2.grants_received == 12.5
    assert a1.premises_used
    assert not a2.premises_used
    assert a1.languages == frozenset({"fi", "sv"})


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_reads_utf8_commas_with_or_without_bom(bom: bytes) -> None:
    text = (
        "ID,Name,Last_Contact,Events Attended,Networks,Volunteer-Run,Weaker Position\n"
        'a1,Käpylä ry,2024-01-02,3,"culture; sports",yes,no\n'
        "a2,Töölö ry,1.2.2024,0,,FALSE,1\n"
    )
    r = read_register(bom + text.encode("utf-8"))
    assert r.encoding == "utf-8"
    assert r.delimiter == ","
    assert r.problems == ()
    a1, a2 = r.associations
    assert a1.name == "Käpylä ry"
    assert a1.networks == frozenset({"culture", "sports"})
    assert a1.volunteer_run
    assert not a2.volunteer_run
    assert a2.weaker_position
    assert a2.last_contact == date(2024, 2, 1)


def test_reads_tab_separated_and_excel_sep_line() -> None:
    assert read_register("id\tname\na1\tA\n").delimiter == "\t"
    r = read_register("sep=,\nid,name\na1,A\na2,\n")
    assert [a.id for a in r.associations] == ["a1", "a2"]
    assert r.problems == ()
    bad = read_register("sep=;\nid;events\na1;x\n")
    assert [p.line for p in bad.problems] == [3]


def test_example_register_bad_rows_reported_with_line_numbers_none_lost() -> None:
    r = read_register(EXAMPLE, as_of=AS_OF)
    assert r.encoding == "cp1252"
    assert r.delimiter == ";"
    problem_lines = sorted({p.line for p in r.problems})
    assert problem_lines == [14, 15, 16, 17]
    assert {p.column for p in r.problems} == {"registered", "events_attended", "id"}
    data_rows = EXAMPLE.read_bytes().decode("cp1252").count("\r\n") - 1
    assert len(r.associations) + len(problem_lines) == data_rows == 17
    assert r.associations[-1].id == "JY-015"  # the row after the bad ones is kept
    assert r.associations[-1].grants_received == 0  # blank number cells read as 0


def test_every_kind_of_bad_cell_is_reported_not_raised() -> None:
    text = (
        "id;registered;grants;premises;events;language\n"
        "a1;32.1.2020;;;;\n"  # not a calendar date
        "a2;2020/01/01;;;;\n"  # not a date format
        "a3;;-5;;;\n"  # negative number
        "a4;;1.234.5;;;\n"  # not a number
        "a5;;;maybe;;\n"  # not yes/no
        "a6;;;;2,5;\n"  # not a whole number
        "a7;;;;;fi;extra\n"  # extra cells
        "a8;;;;\n"  # short row: a missing delimiter, or cells lost
        "\n"  # blank row: skipped
        ";;;;;\n"  # blank row: skipped
        "a9;1.1.20;;;;\n"  # two-digit year
    )
    r = read_register(text)
    assert [a.id for a in r.associations] == []
    assert sorted({p.line for p in r.problems}) == [2, 3, 4, 5, 6, 7, 8, 9, 12]
    assert all(str(p).startswith(f"line {p.line}") for p in r.problems)


def test_quoted_multiline_cell_keeps_the_start_line() -> None:
    text = 'id,name,events\na1,"two\nlines",1\na2,B,x\n'
    r = read_register(text)
    assert r.associations[0].name == "two\nlines"
    assert [p.line for p in r.problems] == [4]


def test_future_dates_with_as_of_are_reported() -> None:
    text = "id;last contact\na1;1.1.2042\na2;1.1.2024\n"
    assert [p.line for p in read_register(text, as_of=AS_OF).problems] == [2]
    assert read_register(text).problems == ()


def test_unknown_column_is_a_load_error_with_a_suggestion_unless_ignored() -> None:
    text = "id;nimi;tapahtumt;lisätietoja\na1;A;2;x\n"
    with pytest.raises(LoadError) as info:
        read_register(text)
    messages = [p.message for p in info.value.problems]
    assert any("did you mean 'tapahtumat'" in m for m in messages)
    r = read_register(text, extra_columns="ignore")
    assert [a.name for a in r.associations] == ["A"]


def test_unusable_registers_are_load_errors(tmp_path: Path) -> None:
    for text in ("name,events\nA,1\n", "id,tunnus\na,b\n", "\n\n"):
        with pytest.raises(LoadError):
            read_register(text)
    with pytest.raises(LoadError):
        read_register(b"id\n\x81\x8d\x8f\n")  # neither UTF-8 nor Windows-1252
    with pytest.raises(LoadError):
        read_register(tmp_path / "missing.csv")
    with pytest.raises(LoadError):
        read_register(b"id\na\n", max_bytes=3)


def test_paths_as_str_and_yaml_registers(tmp_path: Path) -> None:
    csv_path = tmp_path / "r.csv"
    csv_path.write_text("id,name\na1,A\n", encoding="utf-8")
    assert read_register(str(csv_path)).associations[0].name == "A"
    yaml_path = tmp_path / "r.yaml"
    yaml_path.write_text(
        "associations:\n- {id: a1, registered: 2020-01-02, networks: [x]}\n", encoding="utf-8"
    )
    (a,) = read_register(yaml_path).associations
    assert a.registered == date(2020, 1, 2)
    assert a.networks == frozenset({"x"})


def test_yaml_register_errors_come_from_the_converter() -> None:
    with pytest.raises(LoadError) as info:
        loads_register_yaml("associations: [{id: a, events_attended: many}, {id: a}]")
    assert [p.path for p in info.value.problems] == ["associations[0].events_attended"]
    with pytest.raises(LoadError) as info:
        loads_register_yaml("associations: [{id: a}, {id: a}]")
    assert info.value.problems[0].code == "duplicate-id"


_CELL = st.text(
    alphabet=st.sampled_from(list('ab1 ,;.\t"\n\r-:2024ä€kyllä\x00')) | st.characters(),
    max_size=8,
)


@given(st.lists(st.lists(_CELL, min_size=0, max_size=5), max_size=12), st.sampled_from(";,\t"))
def test_random_rows_are_read_or_reported_never_lost(rows: list[list[str]], sep: str) -> None:
    header = ["id", "name", "events", "last contact", "grants"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    rows = [row + [""] * (len(header) - len(row)) for row in rows]  # a row as wide as the header
    writer.writerows(rows)
    r = read_register(out.getvalue() + "\n")
    data_rows = [row for row in rows if any(c.strip() for c in row)]
    assert r.delimiter == sep
    lines = {p.line for p in r.problems}
    assert len(r.associations) + len(lines) == len(data_rows)
    ids = {row[0].strip() for row in data_rows if row}
    assert {a.id for a in r.associations} <= ids


@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_random_text_never_crashes_the_reader(body: str) -> None:
    text = "id;name;events;registered;grants;premises\n" + body + "\n"
    try:
        r = read_register(text)
    except LoadError:
        return
    assert all(p.line >= 2 for p in r.problems)
    assert all(a.id for a in r.associations)


# ------------------------------------------------------------------------ rendering
def _report() -> ecosystem.EcosystemReport:
    rows = read_register(EXAMPLE, as_of=AS_OF).associations
    return analyse(
        rows, as_of=AS_OF, rules=load_segment_rules(ROOT / "examples/ecosystem-rules.yaml")
    )


def test_renders_text_markdown_json_and_records() -> None:
    r = _report()
    text = r.render("text")
    assert "Blind spots (JP-7)" in text
    assert "actively committed" in text
    md = r.render("markdown")
    assert md.startswith("# Actor ecosystem on 2024-06-01")
    assert "| segment | count | share |" in md
    data = json.loads(r.render("json"))
    assert data["total"] == 13
    assert data["rules"]["dependent_min_grants"] == 2000
    assert {s["segment"] for s in data["segments"]} == {s.value for s in Segment}
    assert len(data["associations"]) == 13
    assert "associations" not in r.to_dict(associations=False)
    records = r.to_records()
    assert len(records) == 13
    assert set(records[0]) == {
        "id",
        "name",
        "segment",
        "weaker_position",
        "supported",
        "blind_spots",
    }
    assert sum(row["count"] for row in r.segment_records()[:-1]) == 13


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"jarjestoyhteistyo\[pandas\]"):
        _report().to_dataframe()


def test_to_dataframe_with_pandas() -> None:
    pytest.importorskip("pandas")
    df = _report().to_dataframe()
    assert len(df) == 13
    assert list(df.columns)[:3] == ["id", "name", "segment"]


def test_plot_without_matplotlib_names_the_plot_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"jarjestoyhteistyo\[plot\]"):
        plot_segments(_report())


def test_plot_with_matplotlib(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    fig = plot_segments(_report(), tmp_path / "segments.png")
    assert (tmp_path / "segments.png").stat().st_size > 0
    assert fig.axes


def test_importing_the_module_imports_no_optional_library() -> None:
    code = (
        "import sys, jarjestoyhteistyo.analysis.ecosystem, jarjestoyhteistyo.rules.cooperation;"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'hypothesis') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_example_script_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "ecosystem.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "13 association(s) read" in out
    assert "line 14, registered" in out


def test_row_problems_travel_with_the_report() -> None:
    result = read_register(EXAMPLE, as_of=AS_OF)
    r = analyse(result.associations, as_of=AS_OF, problems=result.problems)
    assert r.problems == result.problems
    assert "Rows not read (4)" in r.to_text()
    assert "## Rows not read" in r.to_markdown()
    lines = [p["line"] for p in json.loads(r.to_json())["register_problems"]]
    assert lines == [14, 15, 16, 17]
    assert "register_problems" in _report().to_dict()
    assert "Rows not read" not in _report().to_text()


@pytest.mark.parametrize(
    ("n", "fi", "sv"),
    [
        (1, "1 uusi yhdistys, jota", "den 1 nya förening som"),
        (2, "2 uutta yhdistystä, joita", "de 2 nya föreningar som"),
    ],
)
def test_the_actions_agree_with_their_count_in_every_language(n: int, fi: str, sv: str) -> None:
    """One association is not "association(s)": the words follow the count (plural
    forms of the catalogue), in English, Finnish and Swedish."""
    new = tuple(Association(id=f"n{i}", registered=date(2024, 1, 1)) for i in range(n))
    report = analyse(new, as_of=date(2024, 6, 1))
    (welcome,) = [a for a in report.actions if a.about == "new_not_reached"]
    assert "association(s)" not in welcome.text
    assert ("association " if n == 1 else "associations ") in welcome.text
    assert fi in welcome.text_in("fi")
    assert sv in welcome.text_in("sv")
    head = report.to_text().splitlines()[0]
    assert head.endswith("association on 2024-06-01" if n == 1 else "associations on 2024-06-01")
