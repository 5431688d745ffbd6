"""Test sessions on every supported Python, and one on the lowest declared versions.

``nox`` runs them all; ``nox -s tests-3.12`` one of them; ``.ci/run`` runs
``tests-3.12``, ``tests-3.13`` and ``lowest`` after the README's own command.

The ``lowest`` session installs every direct dependency (and the optional extras) at
the lower bound that ``pyproject.toml`` declares, so that the bounds stay true: a
floor that fails here must be raised, and the CHANGELOG says so.
"""

from __future__ import annotations

from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["tests", "lowest"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13"]
OLDEST = PYTHONS[0]


def _floors() -> list[str]:
    """``name==version`` for each runtime dependency and extra with a ``>=`` bound."""
    project = PYPROJECT["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    pins = []
    for text in requirements:
        requirement = Requirement(text)
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        if lower:
            pins.append(f"{requirement.name}=={lower[0]}")
    return sorted(set(pins))


def _run_suite(session: nox.Session) -> None:
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The README's test run on one Python, with the newest versions the resolver gives."""
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "test"))
    _run_suite(session)


@nox.session(python=OLDEST)
def lowest(session: nox.Session) -> None:
    """The same run with every declared lower bound installed exactly."""
    constraints = Path(session.create_tmp()) / "floors.txt"
    constraints.write_text("\n".join(_floors()) + "\n", encoding="utf-8")
    session.log("floors: " + ", ".join(_floors()))
    session.install("-c", str(constraints), ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    _run_suite(session)
