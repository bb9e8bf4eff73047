"""The window as the desktop shows it: the system's dark palette, 200 % scale, Chinese and
Russian. Each case is a real window (xcb) in a child process with the environment a user's
desktop would give it; it writes screenshots/window-<case>.png (docs/ with HAILUO_DOCS_SHOTS=1,
for the committed ones) and reports what it saw:

- dark:  Qt's GTK 3 theme with GTK_THEME=Adwaita:dark (what GNOME's dark style gives Qt apps)
- scale: QT_SCALE_FACTOR=2 on a 2560x1600 screen
- zh_CN, ru: the language chosen in the settings, loaded as at start-up

No-clipping check: every visible label and button of the window shows its whole text
(its width holds the text's advance, or it wraps)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WINDOW = (1280, 800)
CASES = {
    "dark": {"QT_QPA_PLATFORMTHEME": "gtk3", "GTK_THEME": "Adwaita:dark"},
    "scale": {"QT_SCALE_FACTOR": "2"},
    "zh_CN": {},
    "ru": {},
}
SHOT_MAX_BYTES = 700 * 1024
# screenshots/ (git-ignored) by default; HAILUO_DOCS_SHOTS=1 refreshes the committed ones in docs/.
SHOTS = REPO / ("docs" if os.environ.get("HAILUO_DOCS_SHOTS") == "1" else "screenshots")


def run_case(case: str, tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HAILUO_DESKTOP_HOME": str(tmp_path / "home"), **CASES[case]}
    screen = "2600x1700x24" if case == "scale" else "1300x820x24"
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}", sys.executable, __file__, case, str(tmp_path)]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.gui
@pytest.mark.parametrize("case", list(CASES))
def test_the_window_follows_the_desktop(case, tmp_path):
    from PIL import Image, ImageStat

    report = run_case(case, tmp_path)
    assert report["clipped"] == [], report["clipped"]
    shot = SHOTS / f"window-{case}.png"
    with Image.open(shot) as image:
        assert ImageStat.Stat(image.convert("L")).stddev[0] > 10, "blank"
        if case == "scale":
            assert image.size == (WINDOW[0] * 2, WINDOW[1] * 2)
        if case == "dark":
            assert ImageStat.Stat(image.convert("L")).mean[0] < 100  # mostly dark
    assert shot.stat().st_size <= SHOT_MAX_BYTES
    if case == "dark":
        assert report["scheme"] == "Dark" and report["window_lightness"] < 80
    if case in ("zh_CN", "ru"):
        assert report["untranslated_texts"] == [], report["untranslated_texts"]
        assert report["menus"] != ["File", "Tasks", "Take", "View", "Settings"], report["menus"]


# --- the child ---------------------------------------------------------------------------------
def clipped_texts(window) -> list[str]:
    """Visible labels and buttons narrower than their text needs (the style's own measure)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text().strip():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()):
            continue
        needs = widget.minimumSizeHint().width() if isinstance(widget, QLabel) else widget.sizeHint().width()
        if widget.width() + 1 < needs:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} px of {needs}")
    return found


def visible_english(window, language: str) -> list[str]:
    """Visible label and button texts that are still the English source of a message."""
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QAbstractButton, QLabel

    ts = REPO / "resources" / "translations" / f"hailuo_desktop_{language}.ts"
    sources = {(m.findtext("source") or "").replace("&", "") for m in ET.parse(ts).getroot().iter("message")}
    return [
        widget.text()
        for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
        if widget.isVisible() and widget.text().replace("&", "") in sources - {""}
    ]


async def scene(case: str, work: Path) -> dict:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QGuiApplication

    from hailuo_desktop.app import AppSession, SessionOptions
    from hailuo_desktop.services.home import DataPaths
    from hailuo_desktop.services.secrets import KeyStore, MemoryKeyringBackend
    from hailuo_desktop.simulator.server import ManualClock, SimConfig, Simulator
    from tests.test_screenshots import Waiter, _history, _pictures

    sim = Simulator(SimConfig(seed=5), clock=ManualClock(start=1000.0))
    await sim.start()
    pictures = _pictures(work / "pictures")[:6]
    keys = KeyStore(
        env={},
        backend=MemoryKeyringBackend({p: f"{p}-key" for p in ("apixo", "kie", "apikley", "apiinone", "minimax")}),
    )
    options = SessionOptions(
        paths=DataPaths.at(work / "home"),
        key_store=keys,
        api_url=sim.api_url,
        poll_interval=0.05,
        use_tray=False,
        extra_upload_routes={"apixo": "kie_upload"},
    )
    session = AppSession(options)
    window, compose = session.window, session.window.compose
    window.setGeometry(0, 0, *WINDOW)
    session.show()
    await session.started()
    _history(session.store, pictures)
    session.shell.model.set_filter(None, "")
    dropped = Waiter(__import__("asyncio").get_running_loop()).signal(session.controller.thumbnails_shown)
    compose.apply_settings(
        "kie",
        "hailuo/2-3-image-to-video-standard",
        None,
        6,
        "768P",
        "The camera slowly pushes in as the sun sets over the hills",
        None,
    )
    compose.paths_dropped.emit([str(p) for p in pictures])
    await dropped
    window.tasks.select("old015")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.repaint()
    ratio = window.devicePixelRatio()
    image = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *WINDOW)
    target = SHOTS / f"window-{case}.png"
    target.parent.mkdir(exist_ok=True)
    save_png(image, target)
    palette = window.palette().window().color()
    report = {
        "clipped": clipped_texts(window),
        "scheme": QGuiApplication.styleHints().colorScheme().name,
        "window_lightness": palette.lightness(),
        "ratio": ratio,
        "menus": [action.text().replace("&", "") for action in window.menuBar().actions()],
        "untranslated_texts": visible_english(window, case) if case in ("zh_CN", "ru") else [],
    }
    session.controller.allow_close()
    await session.close()
    await sim.stop()
    return report


def save_png(image, target: Path) -> None:
    from PIL import Image

    raw = target.with_suffix(".raw.png")
    image.save(str(raw))
    with Image.open(raw) as shot:
        shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    raw.unlink()


def main(case: str, work: Path) -> int:
    import qasync

    from hailuo_desktop.app import make_application
    from hailuo_desktop.ui.i18n import install_translations

    app = make_application([])
    if case in ("zh_CN", "ru"):
        install_translations(app, case, REPO / "resources" / "translations")
    print(json.dumps(qasync.run(scene(case, work))))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main(sys.argv[1], Path(sys.argv[2])))
