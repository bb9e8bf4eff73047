"""The window's own settings file (geometry, splitters, export folder): in the data home,
beside the rest, so each test and the demo keep their own."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ..services.home import DataPaths


def window_settings(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.root / "window.ini"), QSettings.Format.IniFormat)
