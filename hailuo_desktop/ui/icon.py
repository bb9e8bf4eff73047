"""The app icon: the shipped PNG renders (crisp at every size), with the SVG as a fallback."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon

SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icons = resources.files("hailuo_desktop.resources").joinpath("icons")
    icon = QIcon()
    for size in SIZES:
        png = icons.joinpath(f"hailuo-desktop-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        icon = QIcon(str(icons.joinpath("hailuo-desktop.svg")))
    return icon
