"""Shared test set-up.

Async tests use anyio's pytest plugin (it comes with httpx) on asyncio only. Fixture
modules live in tests/fixtures/ so each area of the app keeps its own.
"""

import importlib
import os
import pkgutil

import pytest

# Qt tests run offscreen unless a test starts a real window itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.sim",
    "tests.fixtures.services",
    "tests.fixtures.images",
    "tests.fixtures.ui",
    "tests.fixtures.takes",
]


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """A private data home: the store, logs, settings and output folder of one test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HAILUO_DESKTOP_HOME", str(home))
    for var in ("APIXO_API_KEY", "KIE_API_KEY", "APIKLEY_API_KEY", "APIINONE_API_KEY", "MINIMAX_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    return home


def heavy_enabled() -> bool:
    return os.environ.get("HAILUO_HEAVY") == "1"


def _import_hypothesis_eagerly() -> None:
    """Import hypothesis's lazily loaded modules now, at a shallow stack.

    pytest compiles (assertion-rewrites) hypothesis's modules as they are first imported.
    Some are imported lazily in the middle of a test, deep in an async stack while
    hypothesis is stopping an example, and CPython 3.11.7's compiler then fails now and
    then with "SystemError: AST constructor recursion depth mismatch" (fixed in later
    CPython releases). Importing them all here, once, avoids that compile mid-test.
    """
    import warnings

    import hypothesis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "slow code in plugin": paid once, on purpose
        for info in pkgutil.walk_packages(hypothesis.__path__, "hypothesis."):
            if ".extra." in info.name or info.name.endswith(".extra"):
                continue  # optional integrations (numpy, django, ...) we do not use
            try:
                importlib.import_module(info.name)
            except Exception:  # noqa: BLE001 - a module needing an optional dependency
                pass


_import_hypothesis_eagerly()
