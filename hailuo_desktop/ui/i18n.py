"""The window's language: the app's own translation and Qt's, for the system locale or the
language chosen in Settings (applied at the next start: widgets read tr() when built).

Translations live in resources/translations/ as `hailuo_desktop_<lang>.ts` (edited, committed)
and `.qm` (what Qt loads; built by scripts/update_translations.py). Qt's own words (standard
buttons, file dialogs) come from the qtbase translation that PySide6 ships. Qt searches the
translators installed last first: the .qm (exact context), then SourceTextTranslator.
"""

from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QComboBox, QWidget

log = logging.getLogger(__name__)

APP_CATALOG = "hailuo_desktop"
SHIPPED = ("zh_CN", "ru")  # complete translations; English is the source text
# What the Settings list shows: each language in its own words (never translated).
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "ru": "Русский"}


def translations_folder() -> Path:
    return Path(str(importlib.resources.files("hailuo_desktop.resources") / "translations"))


def locale_for(language: str) -> QLocale:
    """The chosen language's locale, or the system's when none is chosen ("")."""
    return QLocale(language) if language else QLocale.system()


def shipped_language(locale: QLocale) -> str | None:
    """Which shipped translation fits `locale` (zh_CN for Simplified Chinese, ru for Russian)."""
    if locale.name() in SHIPPED:
        return locale.name()
    if locale.language() == QLocale.Language.Russian:
        return "ru"
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript or locale.territory() in (
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    )
    if locale.language() == QLocale.Language.Chinese and not traditional:
        return "zh_CN"
    return None


class SourceTextTranslator(QTranslator):
    """Finds a message by its English text alone, whatever the context asked for.

    lupdate files a `tr` that is passed around as a function (`tr = parent.tr`,
    `_image_filter(self.tr)`) under no class, while at run time the call asks for the
    class of the object behind it; the .qm lookup then misses, and this one finds it.
    Installed before the .qm translator, so an exact (context, text) match wins."""

    def __init__(self, words: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words

    def isEmpty(self) -> bool:
        return not self.words

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.words.get(source)  # None: not found here (an empty string would be a translation)


def finished_translations(ts: Path) -> dict[str, str]:
    import xml.etree.ElementTree as ET  # here: an English start reads no catalogue and need not load it

    words: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if text and translation.get("type") is None:
            words.setdefault(message.findtext("source") or "", text)
    return words


def install_translations(app: QCoreApplication, language: str = "", folder: Path | None = None) -> list[QTranslator]:
    """Load and install the app's and Qt's translations for `language` ("" = the system's),
    children of `app` (they live as long as it does); returns those installed. `folder`:
    where the app's .ts/.qm are (default: the installed package's)."""
    locale = locale_for(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    shipped = shipped_language(locale)
    if shipped is not None:
        folder = folder or translations_folder()
        installed.append(SourceTextTranslator(finished_translations(folder / f"{APP_CATALOG}_{shipped}.ts"), app))
        exact = QTranslator(app)
        if exact.load(str(folder / f"{APP_CATALOG}_{shipped}.qm")):
            installed.append(exact)
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_translations(app: QCoreApplication, installed: list[QTranslator]) -> None:
    for translator in installed:
        app.removeTranslator(translator)
        translator.deleteLater()


def language_box(parent: QWidget) -> QComboBox:
    """The Settings choice: the system's language, or one of the shipped ones by its own name."""
    box = QComboBox(parent)
    box.addItem(QCoreApplication.translate("Languages", "The system's language"), "")
    for code, name in LANGUAGE_NAMES.items():
        box.addItem(name, code)
    box.setToolTip(QCoreApplication.translate("Languages", "The language of the window; applies from the next start."))
    return box
