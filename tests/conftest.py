"""Shared test set-up.

Async tests use anyio's pytest plugin (it comes with httpx) on asyncio only. Fixture
modules live in tests/fixtures/ so each area of the app keeps its own.
"""

import os

import pytest

# Qt tests run offscreen unless a test starts a real window itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.sim",
    "tests.fixtures.services",
    "tests.fixtures.images",
    "tests.fixtures.ui",
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
