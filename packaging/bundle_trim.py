"""What the bundle leaves out: Qt modules, plugins and translations the app never loads.

The app imports QtCore, QtGui, QtWidgets, QtMultimedia and QtMultimediaWidgets (QtNetwork
comes along: the QtMultimedia binding will not import without it). PyInstaller collects
those, then every plugin of their kinds, and every library those plugins need: the
virtual keyboard plugin alone drags in QtQml and QtQuick, the PDF image format QtPdf,
the GTK theme the build machine's whole GTK stack. `trim` drops the plugins the app has
no use for, then the libraries that only they needed.

This module imports no PyInstaller (the spec imports it, with packaging/ on sys.path), so
the packaging tests can check the rules without building anything.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from bundle_elf import needed as elf_needed

QT_PREFIX = "PySide6/Qt/"
PLUGINS_PREFIX = QT_PREFIX + "plugins/"
TRANSLATIONS_PREFIX = QT_PREFIX + "translations/"

# Python modules PyInstaller must not follow. QtDBus and QtConcurrent are pulled in only
# because Qt's own libraries link them; the others are a safety net should a dependency
# import them optionally (qasync probes for other bindings).
UNUSED_MODULES = [
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtXml",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSensors",
    "PySide6.QtTextToSpeech",
    "PySide6.QtSpatialAudio",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtNetworkAuth",
    "PySide6.QtHttpServer",
    "PySide6.QtAxContainer",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "tkinter",
    "_tkinter",
]

# Plugins kept, by plugin folder (file name patterns); every other plugin is dropped.
KEPT_PLUGINS = {
    # xcb for X11, wayland for native Wayland sessions, offscreen for headless runs and tests
    "platforms": ["libqxcb.so", "libqwayland*.so", "libqoffscreen.so"],
    "xcbglintegrations": ["*.so"],  # QVideoWidget renders through OpenGL on X11
    "wayland-shell-integration": ["libxdg-shell.so"],  # what every desktop compositor speaks
    "wayland-decoration-client": ["*.so"],  # title bars where the compositor draws none (GNOME)
    "wayland-graphics-integration-client": ["libqt-plugin-wayland-egl.so"],
    # the portal theme gives native file dialogs in sandboxes; the GTK theme would bundle GTK
    "platformthemes": ["libqxdgdesktopportal.so"],
    # dead keys and input methods (ibus: Chinese, Japanese, Korean prompts)
    "platforminputcontexts": ["libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"],
    "imageformats": ["libqjpeg.so", "libqwebp.so", "libqsvg.so"],  # the accepted images, the SVG icon
    "iconengines": ["libqsvgicon.so"],
    "multimedia": ["libffmpegmediaplugin.so"],  # the video player
}

# Without these the bundle would start and then fail on a real desktop, which no offscreen
# smoke test can see: the build stops instead if a Qt release renames one of them.
REQUIRED_PLUGINS = [
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "platforms/libqwayland*.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqwebp.so",
    "iconengines/libqsvgicon.so",
    "multimedia/libffmpegmediaplugin.so",
]


class TrimError(RuntimeError):
    """The bundle would miss a plugin the app cannot do without."""


def is_plugin(dest: str) -> bool:
    return dest.startswith(PLUGINS_PREFIX)


def plugin_kept(dest: str) -> bool:
    """True for a plugin listed in KEPT_PLUGINS (`dest` is its path inside the bundle)."""
    folder, _, name = dest[len(PLUGINS_PREFIX) :].partition("/")
    return any(fnmatch.fnmatch(name, pattern) for pattern in KEPT_PLUGINS.get(folder, ()))


# Qt's own words for the languages the app ships (hailuo_desktop/ui/i18n.py); no other loads.
KEPT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qtbase_ru.qm")


def is_translation(dest: str) -> bool:
    """A Qt catalogue the app never loads (qtbase_de.qm...): dropped."""
    return dest.startswith(TRANSLATIONS_PREFIX) and dest[len(TRANSLATIONS_PREFIX) :] not in KEPT_TRANSLATIONS


def missing_required(dests: Iterable[str]) -> list[str]:
    plugins = [d[len(PLUGINS_PREFIX) :] for d in dests if is_plugin(d)]
    return [p for p in REQUIRED_PLUGINS if not fnmatch.filter(plugins, p)]


def closure(start: Iterable[str], needed: Callable[[str], list[str]], known: dict[str, str]) -> set[str]:
    """Every file name reachable from `start` through `needed`, within the `known` names."""
    seen: set[str] = set()
    todo = [name for name in start if name in known]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(dep for dep in needed(known[name]) if dep in known and dep not in seen)
    return seen


def libraries_to_drop(
    binaries: list[tuple[str, str]], dropped_plugins: set[str], needed: Callable[[str], list[str]] = elf_needed
) -> set[str]:
    """Destinations of libraries reached only through `dropped_plugins`.

    `binaries` is PyInstaller's (dest, source) list. A library that any kept binary still
    needs stays, so this never removes more than the dropped plugins brought in. This
    leans on how PyInstaller collects libraries on Linux: through DT_NEEDED links (and
    hooks that name plugins), so a library some kept code loads another way (ctypes)
    and a dropped plugin also links would be lost: the bundle's smoke test is the net.
    """
    known = {PurePosixPath(dest).name: src for dest, src in binaries}
    by_name = {PurePosixPath(dest).name: dest for dest, _ in binaries}
    dropped_names = {PurePosixPath(d).name for d in dropped_plugins}
    brought = closure(dropped_names, needed, known) - dropped_names
    kept_roots = set(known) - dropped_names - brought
    still_needed = closure(kept_roots, needed, known)
    return {by_name[name] for name in brought - still_needed}


def plan(
    binaries: list[tuple[str, str]], datas: list[tuple[str, str]], needed: Callable[[str], list[str]] = elf_needed
) -> set[str]:
    """Every destination path the trimmed bundle leaves out. Raises TrimError if too much goes."""
    dropped_plugins = {d for d, _ in binaries if is_plugin(d) and not plugin_kept(d)}
    kept = [d for d, _ in binaries if d not in dropped_plugins]
    missing = missing_required(kept)
    if missing:
        raise TrimError(f"required Qt plugins not found: {', '.join(missing)}")
    libraries = libraries_to_drop(binaries, dropped_plugins, needed)
    translations = {d for d, _ in datas if is_translation(d)}
    return dropped_plugins | libraries | translations
