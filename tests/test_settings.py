"""Settings: defaults, repair on load, atomic save, corrupt files set aside; atomic writes."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import stat
import time

import pytest

from hailuo_desktop.domain.errors import InvalidRequest, StorageError
from hailuo_desktop.services.atomic import atomic_write_bytes, atomic_write_text
from hailuo_desktop.services.home import DataPaths
from hailuo_desktop.services.settings import SCHEMA_VERSION, Settings, SettingsStore

FIXED_TIME = time.mktime((2026, 3, 4, 5, 6, 7, 0, 0, -1))


@pytest.fixture
def paths(data_home):
    return DataPaths.at(data_home)


@pytest.fixture
def store(paths):
    return SettingsStore(paths.settings, clock=lambda: FIXED_TIME)


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")


def test_defaults_when_there_is_no_file(store):
    settings = store.load()
    assert settings == Settings()
    assert (settings.max_concurrent, settings.notifications, settings.proxy_mode) == (4, True, "system")
    assert settings.upload_routes == {} and settings.base_urls == {}
    assert settings.schema_version == SCHEMA_VERSION
    assert store.warnings == []


def test_save_then_load_round_trips_every_field(store, paths):
    changed = dataclasses.replace(
        Settings(),
        output_dir=str(paths.root / "clips"),
        upload_routes={"apixo": "kie_upload"},
        max_concurrent=12,
        notifications=False,
        proxy_mode="manual",
        proxy_url="socks5://127.0.0.1:1080",
        last_provider="kie",
        last_model="hailuo/02-image-to-video-standard",
        last_mode=None,
        last_duration=10,
        last_resolution="768P",
        base_urls={"kie": "http://127.0.0.1:9000"},
    )
    store.save(changed)
    assert SettingsStore(paths.settings).load() == changed
    on_disk = json.loads(paths.settings.read_text())
    assert on_disk["schema_version"] == SCHEMA_VERSION and on_disk["max_concurrent"] == 12


def test_the_file_is_private_and_no_temp_file_is_left(store, paths):
    store.save(Settings())
    assert stat.S_IMODE(paths.settings.stat().st_mode) == 0o600
    assert sorted(p.name for p in paths.root.iterdir()) == ["settings.json"]


def test_output_folder_defaults_to_the_data_home(paths):
    assert Settings().output_folder(paths) == paths.root / "videos"
    assert Settings(output_dir="/srv/clips").output_folder(paths).as_posix() == "/srv/clips"


def test_wrong_types_fall_back_to_defaults_with_a_warning(store, paths):
    write_json(
        paths.settings,
        {
            "max_concurrent": "eight",
            "notifications": "yes",
            "proxy_mode": "carrier-pigeon",
            "proxy_url": "ftp://proxy",
            "last_duration": True,
            "last_provider": "kie",
            "upload_routes": {"apixo": "kie_upload", "nope": "kie_upload", "apiinone": "by-post"},
            "base_urls": ["not", "a", "table"],
        },
    )
    settings = store.load()
    assert settings.max_concurrent == 4 and settings.notifications is True
    assert settings.proxy_mode == "system" and settings.proxy_url is None and settings.last_duration is None
    assert settings.last_provider == "kie"  # good values survive next to bad ones
    assert settings.upload_routes == {"apixo": "kie_upload"}  # one bad entry does not cost the others
    assert settings.base_urls == {}
    text = "\n".join(store.warnings)
    for name in (
        "max_concurrent",
        "notifications",
        "proxy_mode",
        "proxy_url",
        "last_duration",
        "'nope'",
        "'apiinone'",
        "base_urls",
    ):
        assert name in text
    assert "last_provider" not in text


def test_unknown_keys_are_ignored_with_a_log_line_that_hides_the_value(store, paths, caplog):
    write_json(paths.settings, {"kie_api_key": "sk-live-0123456789abcdef", "max_concurrent": 6})
    with caplog.at_level(logging.INFO, logger="hailuo_desktop.services.settings"):
        settings = store.load()
    assert settings.max_concurrent == 6
    assert "kie_api_key" in caplog.text and "sk-live-0123456789abcdef" not in caplog.text
    store.save(settings)  # a key pasted into the file does not survive the next save
    assert "sk-live" not in paths.settings.read_text() and "kie_api_key" not in paths.settings.read_text()


def test_there_is_no_field_for_a_key():
    names = {f.name for f in dataclasses.fields(Settings)}
    assert not {n for n in names if "key" in n or "secret" in n or "token" in n}


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'"text"'])
def test_a_corrupt_file_is_moved_aside_and_reported(store, paths, content):
    paths.settings.write_bytes(content)
    assert store.load() == Settings()
    aside = paths.root / "settings.json.corrupt-20260304-050607"
    assert aside.read_bytes() == content  # kept byte for byte for the user to inspect
    assert not paths.settings.exists()
    (warning,) = store.warnings
    assert "damaged" in warning and aside.name in warning


def test_a_second_corrupt_file_does_not_overwrite_the_first(store, paths):
    for content in (b"{first", b"{second"):
        paths.settings.write_bytes(content)
        store.load()
    asides = sorted(p.name for p in paths.root.glob("settings.json.corrupt-*"))
    assert asides == ["settings.json.corrupt-20260304-050607", "settings.json.corrupt-20260304-050607-2"]
    assert (paths.root / asides[1]).read_bytes() == b"{second"


def test_a_newer_schema_is_read_with_a_warning(store, paths):
    write_json(paths.settings, {"schema_version": SCHEMA_VERSION + 1, "max_concurrent": 9, "future": 1})
    settings = store.load()
    assert settings.max_concurrent == 9 and settings.schema_version == SCHEMA_VERSION
    assert any("newer version" in w for w in store.warnings)


def test_an_unreadable_settings_path_gives_defaults_and_a_warning(store, paths):
    paths.settings.mkdir()  # a folder where the file should be: reading fails even as root
    assert store.load() == Settings()
    assert "could not be read" in store.warnings[0]
    assert paths.settings.is_dir()  # not moved: it is not a damaged file


def test_save_refuses_values_that_load_would_discard(store, paths):
    with pytest.raises(InvalidRequest, match="max_concurrent"):
        store.save(Settings(max_concurrent=0))
    with pytest.raises(InvalidRequest, match="proxy_url"):
        store.save(Settings(proxy_mode="manual", proxy_url="gopher://x"))
    assert not paths.settings.exists()


def test_a_failed_save_keeps_the_previous_file(store, paths, monkeypatch):
    store.save(Settings(max_concurrent=7))

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StorageError, match="No space left"):
        store.save(Settings(max_concurrent=9))
    monkeypatch.undo()
    assert store.load().max_concurrent == 7
    assert sorted(p.name for p in paths.root.iterdir()) == ["settings.json"]


# --- atomic writes ---------------------------------------------------------------------


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old content that is longer than the new one")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_write_sets_the_requested_mode(tmp_path):
    atomic_write_bytes(tmp_path / "a", b"x", mode=0o640)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o640


def test_a_failed_rename_leaves_the_target_and_no_temp_file(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_text("keep me")  # os.replace cannot put a file over a non-empty folder
    with pytest.raises(StorageError, match="Could not write"):
        atomic_write_bytes(target, b"data")
    assert (target / "inside").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]


def test_a_missing_folder_is_a_storage_error(tmp_path):
    with pytest.raises(StorageError):
        atomic_write_bytes(tmp_path / "no" / "such" / "folder" / "f", b"x")
