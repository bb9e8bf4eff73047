"""The data home: where the task store, logs, settings and default output folder live."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..domain.errors import StorageError

APP_NAME = "hailuo-desktop"
HOME_ENV_VAR = "HAILUO_DESKTOP_HOME"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """`$HAILUO_DESKTOP_HOME` if set (and not empty), else the platform's user data dir."""
    env = os.environ if env is None else env
    override = env.get(HOME_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class DataPaths:
    """Every path under one data home. Folders are created when first asked for."""

    root: Path

    @classmethod
    def at(cls, root: Path | str) -> DataPaths:
        root = Path(root)
        # Private: the store and logs hold prompts and task ids that are the user's business.
        ensure_folder(root, private=True)
        return cls(root)

    @property
    def store(self) -> Path:
        return self.root / "tasks.sqlite3"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def presets(self) -> Path:
        return self.root / "presets.json"

    @property
    def logs(self) -> Path:
        return ensure_folder(self.root / "logs", private=True)

    @property
    def output(self) -> Path:
        # Videos are the user's own files: the usual permissions, not private ones.
        return ensure_folder(self.root / "videos", private=False)


def ensure_folder(folder: Path, *, private: bool) -> Path:
    """Create `folder` (and parents) if missing; a folder we create privately gets 0700.

    An existing folder keeps its permissions: it may be one the user chose and shares.
    """
    if folder.is_dir():
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if private:
            os.chmod(folder, 0o700)
    except OSError as err:
        raise StorageError(f"Could not create the folder {folder}: {err.strerror or err}") from err
    return folder
