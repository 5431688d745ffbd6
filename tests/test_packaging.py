"""The distribution is complete: one version, a licence, and an sdist that carries
its own tests (issue #12)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import jarjestoyhteistyo

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_one_version_source() -> None:
    """``pyproject.toml`` declares the version dynamic and reads ``__version__``."""
    project = PYPROJECT["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    dynamic = PYPROJECT["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "jarjestoyhteistyo.__version__"}
    assert importlib.metadata.version("jarjestoyhteistyo") == jarjestoyhteistyo.__version__


def test_licence_is_declared_the_spdx_way() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in project["classifiers"])
    metadata = importlib.metadata.metadata("jarjestoyhteistyo")
    assert metadata["License-Expression"] == "MIT"


def test_no_placeholder_urls() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "example.invalid" not in text


def test_classifiers_name_the_pythons_that_nox_tests() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    tested = {c.rsplit(" ", 1)[-1] for c in PYPROJECT["project"]["classifiers"] if "3." in c}
    for version in tested:
        assert f'"{version}"' in noxfile
    assert tested == {"3.11", "3.12", "3.13"}


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [sdist] = out.glob("*.tar.gz")
    [wheel] = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.mark.slow
def test_wheel_holds_the_package_data_and_the_licence(dists: dict[str, Path]) -> None:
    version = jarjestoyhteistyo.__version__
    assert dists["wheel"].name.startswith(f"jarjestoyhteistyo-{version}-")
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    info = f"jarjestoyhteistyo-{version}.dist-info"
    assert f"{info}/licenses/LICENSE" in names
    assert "jarjestoyhteistyo/py.typed" in names
    assert "jarjestoyhteistyo/rulebook.yaml" in names  # the rule catalogue
    for lang in ("fi", "sv"):  # the compiled message catalogues, and their sources
        assert f"jarjestoyhteistyo/locale/{lang}/LC_MESSAGES/jarjestoyhteistyo.mo" in names
        assert f"jarjestoyhteistyo/locale/{lang}/LC_MESSAGES/jarjestoyhteistyo.po" in names
    presets = {n for n in names if n.startswith("jarjestoyhteistyo/presets/bodies/")}
    shipped = {
        f"jarjestoyhteistyo/presets/bodies/{p.name}"
        for p in (ROOT / "src/jarjestoyhteistyo/presets/bodies").glob("*.yaml")
    }
    assert presets == shipped
    assert not any(n.startswith(("tests/", "examples/", "docs/")) for n in names)


@pytest.mark.slow
def test_sdist_carries_its_tests_and_what_they_read(dists: dict[str, Path], tmp_path: Path) -> None:
    with tarfile.open(dists["sdist"]) as archive:
        archive.extractall(tmp_path, filter="data")
    [top] = tmp_path.iterdir()
    for needed in (
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "noxfile.py",
        "tests/conftest.py",
        "docs/examples/general-council.yaml",
        "examples/vantaa-kerava-formal.yaml",
        "examples/compare_presets.ipynb",
        "tools/catalogues.py",
    ):
        assert (top / needed).is_file(), needed
    tracked = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").glob("*.py")}
    shipped = {p.relative_to(top).as_posix() for p in (top / "tests").glob("*.py")}
    assert tracked == shipped
    assert not list(top.rglob("__pycache__"))
    # the unpacked sdist runs its own tests against the installed package
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:warnings", "tests/test_cli.py"],
        cwd=top,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_ci_runs_the_readme_commands_as_written() -> None:
    """``.ci/run`` reads the README's two commands instead of keeping copies."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'eval "$(readme_command 1)"' in ci
    assert 'eval "$(readme_command 2)"' in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n# 1. " in readme
    assert "\n# 2. " in readme
    assert "python -m pytest\n" in readme
