"""Render the app icon's PNG sizes from its SVG with QtSvg.

    python packaging/render_icons.py [--out DIR]

Writes hailuo-desktop-<size>.png next to resources/icons/hailuo-desktop.svg (or into DIR).
Run it again after changing the SVG; tests/test_packaging.py checks the PNGs match.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "hailuo-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_name(size: int) -> str:
    return f"hailuo-desktop-{size}.png"


def render(svg: Path, size: int):
    """The SVG drawn on a transparent size x size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def ensure_gui() -> object:
    """QtSvg draws with QtGui, which wants an application object (offscreen: no screen needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS)
    args = parser.parse_args(argv)
    app = ensure_gui()  # noqa: F841 - kept alive while rendering
    args.out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        target = args.out / png_name(size)
        if not render(SVG, size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
