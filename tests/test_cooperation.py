"""Tests of the cooperation-model kind (`JP-1` … `JP-7`, codes ``JY601`` … ``JY620``).

Each rule is broken on purpose in an otherwise clean model, and the finding is asserted
with its code, rule id, severity and path.
"""

from __future__ import annotations

import doctest
import re
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jarjestoyhteistyo.calc.meetings import AnnualActivity
from jarjestoyhteistyo.catalogue import get_code
from jarjestoyhteistyo.errors import LoadError
from jarjestoyhteistyo.findings import Report, Severity
from jarjestoyhteistyo.model.rulesets import Council
from jarjestoyhteistyo.rules import cooperation
from jarjestoyhteistyo.rules.cooperation import (
    KIND,
    Channel,
    ContactPerson,
    CooperationModel,
    GrantType,
    Offers,
    Process,
    Step,
    Subject,
    check_cooperation,
    dump_cooperation,
    load_cooperation,
    loads_cooperation,
)

PRESET = resources.files("jarjestoyhteistyo") / "presets" / "bodies" / "jarvenpaa.yaml"


def _step(id_: str = "decide", **kw: object) -> Step:
    base: dict[str, object] = {
        "id": id_,
        "action": "decide",
        "who": "grants officer",
        "decides": "committee",
        "decision": True,
    }
    base.update(kw)
    return Step(**base)  # type: ignore[arg-type]


def _clean() -> CooperationModel:
    return CooperationModel(
        name="Example city",
        area="Example city",
        responsible="association cooperation group",
        units=("culture", "sports"),
        contact_persons=(
            ContactPerson(unit="culture", role="culture producer"),
            ContactPerson(unit="sports", role="sports coordinator"),
        ),
        channels=frozenset({Channel.STRATEGY, Channel.WELLBEING_PLAN}),
        offers=Offers(premises=True, grants=frozenset({GrantType.OPERATING})),
        processes=(
            Process(id="op", subject=Subject.OPERATING_GRANT, steps=(_step(),)),
            Process(id="prem", subject=Subject.PREMISES, steps=(_step("book"),)),
        ),
        annual_clock=(AnnualActivity(id="call", label="grant call", month=2, rule="JP-3"),),
        register=True,
        web_page="links page",
    )


def _only(report: Report, code: str) -> list[str]:
    """The paths of the findings with ``code``; asserts no other code is present."""
    assert report.codes == {code}, report.to_text()
    return [f.path for f in report if f.code == code]


def test_doctests_pass() -> None:
    result = doctest.testmod(cooperation, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_clean_model_has_no_findings() -> None:
    assert len(check_cooperation(_clean())) == 0


def test_jarvenpaa_preset_checks_clean_jp1_to_jp7() -> None:
    model = loads_cooperation(PRESET.read_text(encoding="utf-8"))
    report = check_cooperation(model)
    assert len(report) == 0, report.to_text()
    assert model.offers.grants == frozenset(GrantType)
    assert model.register
    assert model.annual_clock


def test_preset_names_roles_not_people() -> None:
    """No personal data: no e-mail addresses or phone numbers in the preset."""
    text = PRESET.read_text(encoding="utf-8")
    assert "@" not in text
    assert not re.search(r"\+358|\b0\d{1,2}[ -]?\d{3}[ -]?\d{3,4}\b", text)


# ------------------------------------------------------------------------- JP-1
def test_jp1_no_responsible_person_or_group_is_an_error() -> None:
    report = check_cooperation(attrs.evolve(_clean(), responsible="  "))
    assert _only(report, "JY601") == ["responsible"]
    assert report.errors[0].rule == "JP-1"
    assert not report.ok


def test_jp1_unit_without_contact_person_is_an_error() -> None:
    model = attrs.evolve(_clean(), units=("culture", "sports", "youth"))
    report = check_cooperation(model)
    assert _only(report, "JY602") == ["units[2]"]
    assert report.errors[0].params["unit"] == "youth"
    assert report.errors[0].rule == "JP-1"


def test_jp1_contact_person_with_empty_role_does_not_cover_the_unit() -> None:
    model = attrs.evolve(
        _clean(),
        contact_persons=(
            ContactPerson(unit="culture", role="culture producer"),
            ContactPerson(unit="sports", role=""),
        ),
    )
    report = check_cooperation(model)
    assert report.codes == {"JY602", "JY604"}
    assert all(f.rule == "JP-1" for f in report)


def test_jp1_no_contact_persons_at_all() -> None:
    report = check_cooperation(attrs.evolve(_clean(), contact_persons=()))
    assert _only(report, "JY603") == ["contact_persons"]


def test_jp1_contact_person_of_an_unlisted_unit_is_a_warning() -> None:
    model = attrs.evolve(
        _clean(),
        contact_persons=(*_clean().contact_persons, ContactPerson(unit="library", role="x")),
    )
    report = check_cooperation(model)
    assert _only(report, "JY605") == ["contact_persons[2]"]
    assert report.ok  # a warning only


def test_jp1_contact_persons_not_published() -> None:
    report = check_cooperation(attrs.evolve(_clean(), published=False))
    assert _only(report, "JY606") == ["published"]
    assert report.warnings[0].rule == "JP-1"


# ------------------------------------------------------------------- JP-2, JP-3
def test_jp2_no_channels() -> None:
    report = check_cooperation(attrs.evolve(_clean(), channels=frozenset()))
    assert _only(report, "JY607") == ["channels"]
    assert report.warnings[0].rule == "JP-2"


def test_jp3_nothing_offered() -> None:
    model = attrs.evolve(_clean(), offers=Offers(), processes=())
    report = check_cooperation(model)
    assert _only(report, "JY608") == ["offers"]
    assert report.warnings[0].rule == "JP-3"


def test_jp3_no_association_register() -> None:
    report = check_cooperation(attrs.evolve(_clean(), register=False))
    assert _only(report, "JY609") == ["register"]
    assert report.warnings[0].rule == "JP-3"


# ------------------------------------------------------------------------- JP-5
@pytest.mark.parametrize("grant", list(GrantType))
def test_jp5_grant_type_without_process_is_an_error(grant: GrantType) -> None:
    model = attrs.evolve(
        _clean(),
        offers=Offers(premises=True, grants=frozenset({GrantType.OPERATING, grant})),
    )
    report = check_cooperation(model)
    if grant is GrantType.OPERATING:
        assert len(report) == 0
        return
    assert [f.params["grant"] for f in report.errors] == [grant.value]
    assert report.codes == {"JY610"}
    assert report.errors[0].rule == "JP-5"


def test_jp5_process_without_steps_does_not_cover_its_grant_type() -> None:
    model = attrs.evolve(
        _clean(),
        processes=(
            Process(id="op", subject=Subject.OPERATING_GRANT),
            _clean().processes[1],
        ),
    )
    report = check_cooperation(model)
    assert report.codes == {"JY610", "JY615"}


def test_jp5_premises_without_process() -> None:
    model = attrs.evolve(_clean(), processes=(_clean().processes[0],))
    report = check_cooperation(model)
    assert _only(report, "JY611") == ["offers.premises"]


def test_jp5_step_with_no_one_responsible() -> None:
    steps = (_step("apply", who="", decides="", decision=False), _step())
    model = attrs.evolve(
        _clean(), processes=(Process(id="op", subject=Subject.OPERATING_GRANT, steps=steps),)
    )
    report = check_cooperation(attrs.evolve(model, offers=Offers(grants=model.offers.grants)))
    assert _only(report, "JY612") == ["processes[0].steps[0].who"]
    assert report.errors[0].rule == "JP-5"


def test_jp5_decision_step_without_a_decider() -> None:
    steps = (_step(decides=" "),)
    model = attrs.evolve(
        _clean(),
        offers=Offers(grants=frozenset({GrantType.OPERATING})),
        processes=(Process(id="op", subject=Subject.OPERATING_GRANT, steps=steps),),
    )
    report = check_cooperation(model)
    assert _only(report, "JY613") == ["processes[0].steps[0].decides"]


def test_jp5_grant_process_where_no_one_decides_is_an_error() -> None:
    steps = (_step(decides="", decision=False),)
    model = attrs.evolve(
        _clean(),
        offers=Offers(grants=frozenset({GrantType.OPERATING})),
        processes=(Process(id="op", subject=Subject.OPERATING_GRANT, steps=steps),),
    )
    report = check_cooperation(model)
    assert _only(report, "JY614") == ["processes[0].steps"]
    assert report.errors[0].severity is Severity.ERROR


def test_jp5_other_process_where_no_one_decides_is_a_warning() -> None:
    steps = (_step(decides="", decision=False),)
    model = attrs.evolve(
        _clean(),
        processes=(*_clean().processes, Process(id="misc", subject=Subject.OTHER, steps=steps)),
    )
    report = check_cooperation(model)
    assert report.codes == {"JY614"}
    assert report.ok


def test_jp5_jp7_empty_annual_clock() -> None:
    report = check_cooperation(attrs.evolve(_clean(), annual_clock=()))
    assert _only(report, "JY616") == ["annual_clock"]
    assert report.warnings[0].rule == "JP-5, JP-7"


def test_jp5_no_web_page_of_links() -> None:
    report = check_cooperation(attrs.evolve(_clean(), web_page=""))
    assert _only(report, "JY617") == ["web_page"]


def test_jp5_duplicate_ids() -> None:
    model = attrs.evolve(
        _clean(),
        processes=(*_clean().processes, _clean().processes[0]),
        annual_clock=_clean().annual_clock * 2,
    )
    report = check_cooperation(model)
    assert report.codes == {"JY618"}
    n, m = len(_clean().processes), len(_clean().annual_clock)
    # each later entry, at its id, naming the first entry with the id
    assert sorted(f.path for f in report) == sorted(
        [f"processes[{n}].id", *(f"annual_clock[{m + i}].id" for i in range(m))]
    )
    assert {f.params["first"] for f in report if f.path.startswith("processes")} == {"processes[0]"}


def test_jp5_annual_activity_every_other_year_needs_an_anchor() -> None:
    bad = AnnualActivity(id="survey", label="survey", month=3, every_years=2)
    termly = AnnualActivity(
        id="p", label="principles", month=9, every_years=2, per_council_term=Council.MUNICIPAL
    )
    model = attrs.evolve(_clean(), annual_clock=(bad, termly))
    assert _only(check_cooperation(model), "JY619") == ["annual_clock[0]"]


def test_jp5_process_for_a_grant_type_not_offered_is_info() -> None:
    extra = Process(id="t", subject=Subject.TARGETED_GRANT, steps=(_step(),))
    report = check_cooperation(attrs.evolve(_clean(), processes=(*_clean().processes, extra)))
    assert _only(report, "JY620") == ["processes[2].subject"]
    assert report.findings[0].severity is Severity.INFO


def test_codes_are_in_the_jy6xx_range_and_cite_jp_rules() -> None:
    for n in range(601, 624):
        code = get_code(f"JY{n}")
        assert code.rule.startswith("JP-"), code
        assert code.en
        assert code.fi
        assert code.fix


def test_check_does_not_change_the_model() -> None:
    model = _clean()
    before = attrs.asdict(model)
    check_cooperation(model)
    assert attrs.asdict(model) == before


# ------------------------------------------------------------------------- YAML
def test_yaml_round_trip_of_the_preset() -> None:
    model = loads_cooperation(PRESET.read_text(encoding="utf-8"))
    text = dump_cooperation(model)
    assert text.startswith(f"kind: {KIND}\n")
    assert loads_cooperation(text) == model


def test_load_cooperation_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(dump_cooperation(_clean()), encoding="utf-8")
    assert load_cooperation(path) == _clean()


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_cooperation(tmp_path / "nope.yaml")
    assert info.value.problems[0].code == "unreadable"


def test_missing_kind_is_reported() -> None:
    with pytest.raises(LoadError) as info:
        loads_cooperation("name: C\narea: A\n")
    assert [(p.path, p.code) for p in info.value.problems] == [("kind", "unknown-kind")]


def test_wrong_kind_is_reported_with_every_other_problem() -> None:
    with pytest.raises(LoadError) as info:
        loads_cooperation("kind: open_forum\nname: C\narea: A\nchannels: [strategi]\n")
    problems = {p.path: p for p in info.value.problems}
    assert set(problems) == {"kind", "channels[0]"}
    assert "strategy" in problems["channels[0]"].message


def test_wrong_types_are_reported_with_paths() -> None:
    text = (
        "kind: cooperation_model\nname: C\narea: A\n"
        "processes: [{id: p, subject: premises, steps: [{id: s, action: a, decision: maybe}]}]\n"
        "annual_clock: [{id: x, label: y}]\n"
        "offers: {grants: [operating, rent]}\n"
    )
    with pytest.raises(LoadError) as info:
        loads_cooperation(text)
    paths = {p.path for p in info.value.problems}
    assert paths == {
        "processes[0].steps[0].decision",
        "annual_clock[0].month",
        "offers.grants[1]",
    }


def test_not_a_mapping_is_a_load_error() -> None:
    with pytest.raises(LoadError):
        loads_cooperation("- a\n- b\n")


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")),
    max_size=12,
)


@st.composite
def models(draw: st.DrawFn) -> CooperationModel:
    """Random cooperation models (any content: the YAML round trip must hold)."""
    steps = st.builds(
        Step,
        id=_TEXT,
        action=_TEXT,
        who=_TEXT,
        decides=_TEXT,
        decision=st.booleans(),
    )
    processes = st.builds(
        Process,
        id=_TEXT,
        subject=st.sampled_from(Subject),
        label=_TEXT,
        steps=st.lists(steps, max_size=3).map(tuple),
    )
    activities = st.builds(
        AnnualActivity,
        id=_TEXT,
        label=_TEXT,
        month=st.integers(1, 12),
        day=st.none() | st.integers(1, 31),
        every_years=st.integers(1, 4),
        anchor_year=st.none() | st.integers(2020, 2040),
        per_council_term=st.none() | st.sampled_from(Council),
        rule=_TEXT,
    )
    return CooperationModel(
        name=draw(_TEXT),
        area=draw(_TEXT),
        description=draw(_TEXT),
        responsible=draw(_TEXT),
        units=tuple(draw(st.lists(_TEXT, max_size=3))),
        contact_persons=tuple(
            draw(st.lists(st.builds(ContactPerson, unit=_TEXT, role=_TEXT), max_size=3))
        ),
        published=draw(st.booleans()),
        channels=draw(st.frozensets(st.sampled_from(Channel))),
        offers=draw(
            st.builds(
                Offers,
                premises=st.booleans(),
                grants=st.frozensets(st.sampled_from(GrantType)),
                events=st.booleans(),
                joint_projects=st.booleans(),
                communication=st.booleans(),
            )
        ),
        processes=tuple(draw(st.lists(processes, max_size=3))),
        annual_clock=tuple(draw(st.lists(activities, max_size=3))),
        register=draw(st.booleans()),
        web_page=draw(_TEXT),
    )


@given(models())
def test_yaml_round_trip_of_any_model(model: CooperationModel) -> None:
    assert loads_cooperation(dump_cooperation(model)) == model


@given(models())
def test_check_never_raises_and_cites_jp_rules(model: CooperationModel) -> None:
    report = check_cooperation(model)
    assert all(f.rule.startswith("JP-") for f in report)
    assert all(601 <= int(f.code[2:]) <= 629 for f in report)
