"""Run the docstring examples of every module of the *installed* package.

Every public function documents itself with a ``>>>`` example; this test makes each of
them a check, against the package as installed (not the source tree).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import jarjestoyhteistyo

OPTIONAL = {
    "jarjestoyhteistyo.fictional.strategies": "hypothesis",
    "jarjestoyhteistyo.fictional._hypothesis_setup": "hypothesis",
}


def _modules() -> list[str]:
    names = ["jarjestoyhteistyo"]
    for info in pkgutil.walk_packages(jarjestoyhteistyo.__path__, "jarjestoyhteistyo."):
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_module_doctests(name: str) -> None:
    if name in OPTIONAL:
        pytest.importorskip(OPTIONAL[name])
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
