"""Every exception lives in ``errors.py`` and is a ``JarjestoError`` *and* a builtin
(issue #13, point 4).

Two guards read the source: no module but ``errors.py`` defines a public exception
class, and no module raises a builtin exception class directly. One test per error
then gives a public function bad input and checks what it raises.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import attrs
import pytest

import jarjestoyhteistyo
import jarjestoyhteistyo.errors as errors
from jarjestoyhteistyo.errors import (
    CatalogueError,
    ComparisonError,
    GenerateError,
    InvalidValueError,
    JarjestoError,
    MissingDependencyError,
    NotFoundError,
    PresetNotFoundError,
    RenderError,
    SimulationError,
    UnsupportedTypeError,
)

SRC = Path(jarjestoyhteistyo.__file__).resolve().parent

#: Private exceptions that carry a problem from deep inside a parser to the place in
#: the same module that turns it into a ``Problem`` or a finding; none reaches a caller.
PRIVATE_CONTROL_FLOW = {
    ("calc.schedule", "_PartError"),
    ("io.register", "_CellError"),
    ("io.converter", "_KindProblem"),
    ("io.converter", "_RangeProblem"),
    ("io.converter", "_TypeProblem"),
    ("io.yamldoor", "_DocError"),
    ("io.ytj", "_FieldError"),
    ("io.ytj", "_Handover"),  # ijson hands the stream over to the stdlib decoder
    ("io.ytj", "_RecordTooLarge"),
    ("cli", "_Rejected"),
}

#: Exception classes moved to ``errors.py``: the module that raises them, which still
#: offers the name.
OLD_HOMES = {
    "GenerateError": "fictional.generate",
    "MeetingError": "calc.meetings",
    "PresetKindError": "presets",
    "RotationError": "calc.rotation",
    "SelectionError": "selection",
    "SuccessionError": "selection.succession",
    "TermError": "calc.terms",
}


def _modules() -> list[tuple[str, ast.Module]]:
    """``(dotted name below the package, parsed source)`` for every module of src."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        out.append((name, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return out


def _builtin_exception(name: str) -> bool:
    obj = getattr(builtins, name, None)
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _exception_classes(tree: ast.Module) -> list[str]:
    """Classes whose bases are exceptions: builtins, the library's, or this module's."""
    known = set(errors.__all__) - {"Problem"}
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [_base_name(b) for b in node.bases]
        if any(_builtin_exception(b) or b in known or b.endswith("Error") for b in bases):
            known.add(node.name)
            found.append(node.name)
    return found


def test_only_errors_py_defines_public_exceptions() -> None:
    public, private = [], set()
    for module, tree in _modules():
        if module == "errors":
            continue
        for name in _exception_classes(tree):
            if name.startswith("_"):
                private.add((module, name))
            else:
                public.append(f"{module}.{name}")
    assert public == [], f"define these in errors.py and import them: {public}"
    assert private == PRIVATE_CONTROL_FLOW, "list a new private exception here, or move it"


def test_the_guard_sees_an_exception_class() -> None:
    tree = ast.parse("class Oops(ValueError):\n    pass\nclass Worse(Oops):\n    pass\n")
    assert _exception_classes(tree) == ["Oops", "Worse"]


def _bare_raises(tree: ast.Module) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and _builtin_exception(target.id):
                out.append(f"line {node.lineno}: raise {target.id}")
    return out


def test_no_module_raises_a_builtin_exception_directly() -> None:
    """``raise ValueError(...)`` (or KeyError, TypeError, ImportError, ...) would escape
    ``except JarjestoError``; raise the fitting error of ``errors.py`` instead."""
    found = {
        module: hits
        for module, tree in _modules()
        if module != "errors"
        and (hits := [h for h in _bare_raises(tree) if (module, h.split(": ")[1]) not in PROTOCOL])
    }
    assert found == {}


#: Raises a protocol demands: a module's ``__getattr__`` (PEP 562) must raise
#: AttributeError, or ``hasattr`` and ``from x import y`` break.
PROTOCOL = {
    ("__init__", "raise AttributeError"),
    ("calc.meetings", "raise AttributeError"),  # AnnualActivity offered lazily (issue #20)
    ("calc.terms", "raise AttributeError"),  # Tenure offered lazily (issue #20)
}


def test_the_guard_sees_a_bare_raise() -> None:
    tree = ast.parse("def f():\n    raise ValueError('x')\ndef g():\n    raise KeyError\n")
    assert _bare_raises(tree) == ["line 2: raise ValueError", "line 4: raise KeyError"]


def test_every_error_is_a_library_error_and_a_builtin() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        if name in ("Problem", "JarjestoError"):
            continue
        assert issubclass(cls, JarjestoError), name
        builtin = [b for b in cls.__mro__[1:] if b.__module__ == "builtins" and b is not Exception]
        assert builtin, f"{name} derives from no builtin but Exception"
        assert cls.__module__ == "jarjestoyhteistyo.errors", name


@pytest.mark.parametrize(("name", "module"), sorted(OLD_HOMES.items()))
def test_a_moved_error_is_still_importable_from_its_old_home(name: str, module: str) -> None:
    old = importlib.import_module(f"jarjestoyhteistyo.{module}")
    assert getattr(old, name) is getattr(errors, name)
    assert name in old.__all__


def test_the_root_exports_the_same_classes() -> None:
    for name in ("JarjestoError", "LoadError", "PresetNotFoundError", "Problem"):
        assert getattr(jarjestoyhteistyo, name) is getattr(errors, name)


# ------------------------------------------------------------ one test per error
def _raises(
    error: type[JarjestoError], builtin: type[Exception], call: Callable[[], object]
) -> JarjestoError:
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, JarjestoError)
    assert isinstance(info.value, builtin)
    return info.value


def test_invalid_value_error_from_model_validators() -> None:
    from jarjestoyhteistyo.analysis.ecosystem import Association, SegmentRules
    from jarjestoyhteistyo.calc.schedule import SeasonSpan
    from jarjestoyhteistyo.model.categories import Labels
    from jarjestoyhteistyo.model.composition import Organisation

    _raises(InvalidValueError, ValueError, lambda: Organisation(id=" ", name="Association"))
    _raises(InvalidValueError, ValueError, lambda: Labels(fi="", sv="x", en="x"))
    _raises(InvalidValueError, ValueError, lambda: SeasonSpan(start_month=13, end_month=12))
    _raises(
        InvalidValueError, ValueError, lambda: SeasonSpan(start_month=1, end_month=2, end_day=32)
    )
    _raises(InvalidValueError, ValueError, lambda: Association(id="a1", events_attended=-1))
    _raises(InvalidValueError, ValueError, lambda: SegmentRules(active_min_events=-1))


def test_invalid_value_in_a_document_is_still_a_load_problem() -> None:
    from jarjestoyhteistyo.analysis.ecosystem import loads_segment_rules

    with pytest.raises(jarjestoyhteistyo.LoadError) as info:
        loads_segment_rules("active_min_events: -1")
    assert [p.code for p in info.value.problems] == ["invalid-value"]


def test_not_found_error_from_every_lookup() -> None:
    from jarjestoyhteistyo.analysis.compare import compare, scorecard
    from jarjestoyhteistyo.catalogue import get_code
    from jarjestoyhteistyo.fictional.generate import generate
    from jarjestoyhteistyo.io.schema import json_schema
    from jarjestoyhteistyo.model.categories import category_by_code
    from jarjestoyhteistyo.render.diagrams import structure_graph

    rules = jarjestoyhteistyo.load_preset("keski-uusimaa")
    comp = generate(rules, seed=1).composition
    exc = _raises(NotFoundError, KeyError, lambda: comp.organisation("no-such-org"))
    assert str(exc) == "no-such-org"  # the key, not its repr()
    _raises(NotFoundError, KeyError, lambda: comp.seat("no-such-seat"))
    _raises(NotFoundError, KeyError, lambda: category_by_code("no-such-category"))
    _raises(NotFoundError, KeyError, lambda: get_code("JY999"))
    _raises(NotFoundError, KeyError, lambda: structure_graph(rules).node("no-such-node"))
    _raises(NotFoundError, KeyError, lambda: scorecard(rules).line("no-such-criterion"))
    _raises(NotFoundError, KeyError, lambda: compare(rules).row("no-such-metric"))
    exc = _raises(NotFoundError, KeyError, lambda: json_schema("agenda"))
    assert str(exc).startswith("no document 'agenda' (documents: ")
    exc = _raises(NotFoundError, KeyError, lambda: jarjestoyhteistyo.load_preset("atlantis"))
    assert isinstance(exc, PresetNotFoundError)


def test_not_found_error_from_a_selection() -> None:
    from jarjestoyhteistyo.fictional.generate import generate
    from jarjestoyhteistyo.selection import propose

    rules = jarjestoyhteistyo.load_preset("keski-uusimaa")
    example = generate(rules, seed=1, registrations=12)
    regs = tuple(r.registration for r in example.registrations)
    proposal = propose(rules, regs, seed=1)
    _raises(NotFoundError, KeyError, lambda: proposal.explanation("no-such-org"))


def test_unsupported_type_error_from_dump_json() -> None:
    exc = _raises(UnsupportedTypeError, TypeError, lambda: jarjestoyhteistyo.dump_json(object()))
    assert "not JSON serialisable: object" in str(exc)


def test_missing_dependency_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from jarjestoyhteistyo.analysis.compare import compare
    from jarjestoyhteistyo.render.plots import plot_scorecard

    rules = jarjestoyhteistyo.load_preset("keski-uusimaa")
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    exc = _raises(MissingDependencyError, ImportError, compare(rules).to_dataframe)
    assert "jarjestoyhteistyo[pandas]" in str(exc)
    from jarjestoyhteistyo.analysis.compare import scorecard

    exc = _raises(MissingDependencyError, ImportError, lambda: plot_scorecard(scorecard(rules)))
    assert "jarjestoyhteistyo[plot]" in str(exc)


def test_catalogue_error_for_a_code_declared_twice() -> None:
    from jarjestoyhteistyo.catalogue import build_catalogue, get_code
    from jarjestoyhteistyo.rules.deputies import JY205

    clash = attrs.evolve(JY205, title="another code under the same id")
    _raises(CatalogueError, ValueError, lambda: build_catalogue((JY205,), (clash,)))
    assert get_code("JY205") is JY205  # the shipped catalogue is unaffected


def test_comparison_error_for_unusable_arguments() -> None:
    from jarjestoyhteistyo.analysis.compare import compare, metrics, scorecard

    rules = jarjestoyhteistyo.load_preset("keski-uusimaa")
    _raises(ComparisonError, ValueError, compare)
    _raises(ComparisonError, ValueError, lambda: compare(rules, labels=("a", "b")))
    _raises(ComparisonError, ValueError, lambda: compare(rules, rules, labels=("a", "a")))
    _raises(ComparisonError, ValueError, lambda: scorecard(rules, weights={"opennes": 1.0}))
    _raises(ComparisonError, ValueError, lambda: scorecard(rules, weights={"openness": -1.0}))
    _raises(ComparisonError, ValueError, lambda: metrics(rules, fee_per_meeting=-1))


def test_render_error_for_an_unknown_format_or_suffix() -> None:
    from jarjestoyhteistyo.analysis.compare import scorecard
    from jarjestoyhteistyo.analysis.roadmap import evaluate, load_example, render
    from jarjestoyhteistyo.render.plots import plot_scorecard

    doc = load_example()
    ev = evaluate(doc.roadmap, doc.plans, as_of=date(2024, 5, 27))
    _raises(RenderError, ValueError, lambda: render(ev, "pdf"))  # type: ignore[arg-type]
    _raises(RenderError, ValueError, plot_scorecard)
    card = scorecard(jarjestoyhteistyo.load_preset("keski-uusimaa"))
    _raises(RenderError, ValueError, lambda: plot_scorecard(card, path="card.jpg"))


def test_simulation_error_for_unusable_arguments() -> None:
    from jarjestoyhteistyo.analysis.simulate import simulate_attrition

    rules = jarjestoyhteistyo.load_preset("keski-uusimaa")
    forum = jarjestoyhteistyo.load_preset("vantaa-kerava-open-forum")
    for kwargs in ({"runs": 0}, {"years": 0.0}, {"refill_months": -1}):
        _raises(
            SimulationError,
            ValueError,
            lambda kw=kwargs: simulate_attrition(rules, None, dropout_per_year=0.1, seed=1, **kw),
        )
    _raises(
        SimulationError,
        ValueError,
        lambda: simulate_attrition(rules, None, dropout_per_year=1.5, seed=1),
    )
    _raises(  # an agreed term (OF-8) has no length to simulate by default
        SimulationError,
        ValueError,
        lambda: simulate_attrition(forum, None, dropout_per_year=0.1, seed=1),
    )


def test_generate_error_from_the_strategies() -> None:
    pytest.importorskip("hypothesis")
    from jarjestoyhteistyo.fictional.strategies import (
        broken_compositions,
        compositions_for,
        rule_sets,
    )
    from jarjestoyhteistyo.model.rulesets import (
        ChairPolicy,
        GeneralRuleSet,
        IntRange,
        SeatGroup,
        SeatSource,
    )

    _raises(GenerateError, ValueError, lambda: rule_sets(kind="parliament"))  # type: ignore[arg-type]
    tiny = GeneralRuleSet(
        name="Tiny",
        area="Example area",
        seat_groups=(SeatGroup(id="ngo", source=SeatSource.OPEN, seats=IntRange(min=0, max=0)),),
        chair=ChairPolicy(),  # a chair and a vice-chair, but no seat to hold them
    )
    _raises(GenerateError, ValueError, lambda: compositions_for(tiny))
    _raises(GenerateError, ValueError, lambda: broken_compositions(tiny, codes=()))
