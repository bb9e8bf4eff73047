"""The data home and its paths."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs
import pytest

from hailuo_desktop.domain.errors import StorageError
from hailuo_desktop.services import home
from hailuo_desktop.services.home import DataPaths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_environment_variable_chooses_the_home(data_home):
    assert home.data_home() == data_home  # the conftest fixture sets $HAILUO_DESKTOP_HOME


def test_without_the_variable_the_platform_data_dir_is_used():
    expected = platformdirs.user_data_path("hailuo-desktop", appauthor=False)
    assert home.data_home({}) == expected
    assert home.data_home({"HAILUO_DESKTOP_HOME": "  "}) == expected  # blank counts as unset


def test_a_relative_or_tilde_home_becomes_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert home.data_home({"HAILUO_DESKTOP_HOME": "rel/home"}) == tmp_path / "rel" / "home"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert home.data_home({"HAILUO_DESKTOP_HOME": "~/h"}) == tmp_path / "h"


def test_paths_are_created_on_demand_and_the_home_is_private(tmp_path):
    root = tmp_path / "fresh" / "home"
    paths = DataPaths.at(root)
    assert root.is_dir() and mode(root) == 0o700
    assert paths.store == root / "tasks.sqlite3" and not paths.store.exists()
    assert paths.settings == root / "settings.json" and not paths.settings.exists()
    assert not (root / "logs").exists() and not (root / "videos").exists()
    assert paths.logs.is_dir() and mode(paths.logs) == 0o700
    assert paths.output == root / "videos" and paths.output.is_dir()


def test_an_existing_home_keeps_its_permissions(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    DataPaths.at(shared)
    assert mode(shared) == 0o755


def test_a_home_that_cannot_be_created_is_a_storage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="Could not create the folder"):
        DataPaths.at(blocker / "home")
