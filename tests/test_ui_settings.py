"""The settings dialog: key buttons emit intents, statuses show in words, values round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from hailuo_desktop.services.settings import Settings, SettingsStore
from hailuo_desktop.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture
def dialog(qtbot):
    widget = SettingsDialog(Settings(upload_routes={"apixo": "kie_upload"}, max_concurrent=6))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_save_to_keyring_hands_the_key_over_and_forgets_it(qtbot, dialog):
    row = dialog.rows["apixo"]
    assert not row.save.isEnabled()
    row.field.setText("  sk-apixo-123  ")
    with qtbot.waitSignal(dialog.save_key_requested, timeout=2000) as blocker:
        row.save.click()
    assert blocker.args == ["apixo", "sk-apixo-123"]
    assert row.field.text() == ""


def test_delete_and_test_buttons_follow_the_key_status(qtbot, dialog):
    row = dialog.rows["kie"]
    assert not row.delete.isEnabled() and not row.test.isEnabled()
    dialog.set_key_status("kie", "keyring")
    assert row.delete.isEnabled() and row.test.isEnabled()
    with qtbot.waitSignal(dialog.delete_key_requested, timeout=2000) as blocker:
        row.delete.click()
    assert blocker.args == ["kie"]
    with qtbot.waitSignal(dialog.test_key_requested, timeout=2000) as blocker:
        row.test.click()
    assert blocker.args == ["kie", ""]  # empty: test the stored key
    row.field.setText("typed-key")
    with qtbot.waitSignal(dialog.test_key_requested, timeout=2000) as blocker:
        row.test.click()
    assert blocker.args == ["kie", "typed-key"]


def test_statuses_are_shown_in_words(dialog):
    dialog.set_key_status("apixo", "keyring")
    dialog.set_key_status("kie", "env")
    dialog.set_key_status("apikley", "session")
    dialog.set_key_status("minimax", None)
    assert dialog.rows["apixo"].status.text() == "Stored in the OS keyring."
    assert "KIE_API_KEY" in dialog.rows["kie"].status.text()
    assert "session only" in dialog.rows["apikley"].status.text()
    assert dialog.rows["minimax"].status.text() == "No key."
    assert not dialog.rows["kie"].delete.isEnabled()  # an environment variable is not ours to delete
    assert dialog.rows["kie"].test.isEnabled()


def test_keyring_banner_and_test_results(dialog):
    assert dialog.keyring_banner.isHidden()
    dialog.set_keyring_available(False)
    assert not dialog.keyring_banner.isHidden() and "session only" in dialog.keyring_banner.text()
    dialog.set_test_result("apixo", True, "Key works: balance $12.40")
    assert dialog.rows["apixo"].result.text() == "✓ Key works: balance $12.40"
    dialog.set_test_result("kie", False, "The key was refused.")
    assert dialog.rows["kie"].result.text().startswith("✗")


def test_providers_without_a_balance_endpoint_cannot_test_a_key(dialog):
    dialog.set_key_status("apiinone", "keyring")
    row = dialog.rows["apiinone"]
    assert not row.test.isEnabled() and "no balance endpoint" in row.test.toolTip()


def test_values_round_trip_through_the_real_settings_store(qtbot, dialog, tmp_path):
    assert dialog.route_boxes["apixo"].currentData() == "kie_upload"
    assert set(dialog.route_boxes) == {"apixo", "apiinone"}  # the providers with no upload API
    assert dialog.max_concurrent.value() == 6
    dialog.output_dir.setText(str(tmp_path / "videos"))
    dialog.route_boxes["apiinone"].setCurrentIndex(dialog.route_boxes["apiinone"].findData("apikley_upload"))
    dialog.notifications.setChecked(False)
    dialog.proxy_buttons["manual"].setChecked(True)
    dialog.proxy_url.setText("socks5://127.0.0.1:1080")
    with qtbot.waitSignal(dialog.settings_accepted, timeout=2000) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    chosen = blocker.args[0]
    store = SettingsStore(tmp_path / "settings.json")
    store.save(chosen)
    assert store.load() == chosen
    assert chosen.upload_routes == {"apixo": "kie_upload", "apiinone": "apikley_upload"}
    assert (chosen.proxy_mode, chosen.proxy_url, chosen.notifications) == ("manual", "socks5://127.0.0.1:1080", False)


def test_a_bad_manual_proxy_keeps_ok_disabled(dialog):
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not dialog.proxy_url.isEnabled()
    dialog.proxy_buttons["manual"].setChecked(True)
    dialog.proxy_url.setText("ftp://example.com")
    assert not ok.isEnabled() and not dialog.proxy_hint.isHidden()
    dialog.proxy_url.setText("http://proxy.local:3128")
    assert ok.isEnabled() and dialog.proxy_hint.isHidden()
    dialog.proxy_url.setText("half-typed")
    dialog.proxy_buttons["system"].setChecked(True)
    assert ok.isEnabled() and dialog.settings().proxy_url is None  # not saved as an invalid value


def test_screenshot_of_the_dialog(dialog):
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.set_key_status("apixo", "keyring")
    dialog.set_key_status("kie", "env")
    dialog.set_test_result("apixo", True, "Key works: balance $12.40")
    target = SCREENSHOTS / "settings_dialog.png"
    assert dialog.grab().save(str(target)) and target.stat().st_size > 0
