"""Languages: the window loads its own translation and Qt's for the system locale or the
language chosen in Settings, and every shipped language is complete."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from hailuo_desktop.ui.i18n import (
    SHIPPED,
    install_translations,
    remove_translations,
    shipped_language,
)

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"  # this tree's (an editable install may point elsewhere)


def load_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "expected"), [("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", None),
                                                ("ru_RU", "ru"), ("ru_UA", "ru"), ("en_US", None), ("de_DE", None)])
def test_the_system_locale_picks_a_shipped_translation(name, expected):
    assert shipped_language(QLocale(name)) == expected


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_language_installs_the_apps_words_and_qts_own(qapp, language):
    installed = install_translations(qapp, language, FOLDER)
    try:
        assert len(installed) == 3  # by English text, by context (.qm), and Qt's qtbase
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's own buttons
    finally:
        remove_translations(qapp, installed)
        QLocale.setDefault(QLocale.c())


def test_english_installs_no_app_translation(qapp):
    installed = install_translations(qapp, "en", FOLDER)
    try:
        assert QCoreApplication.translate("MainWindow", "Hailuo Desktop") == "Hailuo Desktop"
        assert all(type(t).__name__ == "QTranslator" for t in installed)
    finally:
        remove_translations(qapp, installed)
        QLocale.setDefault(QLocale.c())


def test_the_script_lists_and_fills_what_is_untranslated(tmp_path):
    script = load_script()
    ts = tmp_path / "hailuo_desktop_ru.ts"
    shutil.copy(script.ts_path("ru"), ts)
    script.lupdate([ts])
    missing = script.untranslated(ts)
    if missing:
        context, source = missing[0]
        assert script.apply(ts, {source: "проверка"}) >= 1
        assert (context, source) not in script.untranslated(ts)
    assert all(source for _, source in script.untranslated(ts))
