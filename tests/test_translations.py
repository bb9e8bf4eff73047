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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", None),
        ("ru_RU", "ru"),
        ("ru_UA", "ru"),
        ("en_US", None),
        ("de_DE", None),
    ],
)
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


def test_image_problems_are_worded_in_the_window_from_their_code_and_figures(qapp):
    """The window says each image problem itself (so it translates); in English it says what the core says."""
    from hailuo_desktop.domain.catalog import provider
    from hailuo_desktop.domain.images import ImageFacts, Problem, check_facts
    from hailuo_desktop.services.fullcheck import CHECK_TIMED_OUT
    from hailuo_desktop.ui.compose.problem_words import problem_text

    rules = provider("kie").image_rules
    verdict = check_facts(ImageFacts("x.gif", bytes=60 * 1024 * 1024, format="GIF", width=2000, height=200), rules)
    assert {p.code for p in verdict.problems} == {"file_too_large", "unsupported_format", "aspect_ratio", "short_side"}
    for problem in verdict.problems:
        assert problem_text(problem) == problem.message
    timed_out = Problem(
        CHECK_TIMED_OUT,
        "Decoding the image took longer than 20 s, so it was not accepted. Save it "
        "again as a plain JPG or PNG, or use a smaller one.",
        {"seconds": 20.0},
    )
    assert problem_text(timed_out) == timed_out.message
    assert (
        problem_text(Problem("unreadable", "Cannot read the file: Permission denied."))
        == "Cannot read the file: Permission denied."
    )


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_language_misses_no_visible_string(tmp_path, language):
    """lupdate over the whole tree, into a copy of the committed .ts: every string the code
    shows has a finished translation (run scripts/update_translations.py to see and fill them)."""
    script = load_script()
    ts = tmp_path / f"hailuo_desktop_{language}.ts"
    shutil.copy(script.ts_path(language), ts)
    script.lupdate([ts])
    missing = script.untranslated(ts)
    assert missing == [], f"{len(missing)} untranslated in {language}, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", SHIPPED)
def test_the_committed_qm_is_built_from_the_committed_ts(tmp_path, language):
    script = load_script()
    fresh = tmp_path / f"hailuo_desktop_{language}.qm"
    script.lrelease(script.ts_path(language), fresh)
    assert fresh.read_bytes() == script.ts_path(language).with_suffix(".qm").read_bytes()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_translation_keeps_the_placeholders_of_its_source(language):
    """{name} for str.format and %1/%n for Qt: a translation that drops or renames one breaks the
    message (or raises KeyError) at run time."""
    import re
    import xml.etree.ElementTree as ET

    marks = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%[0-9n]")
    broken = []
    for message in ET.parse(load_script().ts_path(language)).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.findall("numerusform")] or ["".join(translation.itertext())]
        for text in texts:
            if text and sorted(set(marks.findall(text))) != sorted(set(marks.findall(source))):
                broken.append((source, text))
    assert broken == []


def test_the_language_is_chosen_in_settings_and_saved(qtbot, tmp_path):
    from hailuo_desktop.services.settings import Settings, SettingsStore
    from hailuo_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(language="ru"))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "ru" and dialog.language.currentText() == "Русский"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    store = SettingsStore(tmp_path / "settings.json")
    store.save(dialog.settings())
    assert store.load().language == "zh_CN"
    dialog.language.setCurrentIndex(0)
    assert dialog.settings().language == ""  # the system's
