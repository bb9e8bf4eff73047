"""Settings: a key per provider, output folder, upload routes, concurrency, notifications, proxy.

The dialog never touches the keyring or the disk: it emits what the user asked for and
shows the statuses the controller reports. A typed key lives only in its password field
and in the signal that carries it away; the field is emptied once it is handed over.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hailuo_desktop.domain.catalog import PROVIDERS, ProviderSpec
from hailuo_desktop.domain.routes import UploadRoute
from hailuo_desktop.services.settings import PROXY_SCHEMES, Settings

from .accessibility import Standard, describe_buttons
from .compose.colors import OK_GREEN, PROBLEM_RED, colored
from .dialogs import choose_folder_into
from .i18n import language_box
from .money.guard import threshold_field


def needs_upload_route(spec: ProviderSpec) -> bool:
    """Providers that take only a URL and have no upload API of their own."""
    return spec.upload_base_url is None and not spec.accepts_data_url


def proxy_problem(text: str) -> str | None:
    """Why a manual proxy URL cannot be used, in words (None when it can)."""
    try:
        parts = urlsplit(text.strip())
        port_ok = (parts.port or 0) >= 0
    except ValueError:
        return QCoreApplication.translate("SettingsDialog", "The proxy port is not a number.")
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname or not port_ok:
        return QCoreApplication.translate(
            "SettingsDialog", "Enter a proxy URL such as http://host:8080 or socks5://host:1080."
        )
    return None


class _KeyRow:
    """The widgets of one provider's key: field, buttons and status line."""

    def __init__(self, dialog: SettingsDialog, spec: ProviderSpec) -> None:
        self.spec = spec
        self.stored = False  # in the keyring or this session: something Delete can remove
        self.has_key = False  # from any source, the environment included: something to test
        self.field = QLineEdit(dialog)
        self.field.setMinimumWidth(220)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(spec.key_hint or dialog.tr("Paste your %1 key").replace("%1", spec.name))
        self.field.setToolTip(
            dialog.tr("Or set %1 in the environment; it overrides the keyring.").replace("%1", spec.env_var)
        )
        self.save = QPushButton(dialog.tr("Save to keyring"), dialog)
        self.save.setToolTip(dialog.tr("Store this key in the OS keyring, never in a file."))
        self.delete = QPushButton(dialog.tr("Delete"), dialog)
        self.delete.setToolTip(dialog.tr("Remove the stored key for %1.").replace("%1", spec.name))
        self.test = QPushButton(dialog.tr("Test key"), dialog)
        # One line each, not word-wrapped: wrapped labels get squeezed by the grid.
        self.status = QLabel(dialog)
        self.result = QLabel(dialog)
        for label in (self.status, self.result):
            label.setMinimumHeight(label.fontMetrics().height() + 2)  # room for "_" and descenders
        self.result.hide()

    def refresh(self, busy: bool = False) -> None:
        typed = bool(self.field.text().strip())
        testable = self.spec.balance_unit is not None
        self.save.setEnabled(typed and not busy)
        self.delete.setEnabled(self.stored and not busy)
        self.test.setEnabled(testable and (typed or self.has_key) and not busy)


class SettingsDialog(QDialog):
    save_key_requested = Signal(str, str)  # provider id, key
    delete_key_requested = Signal(str)  # provider id
    test_key_requested = Signal(str, str)  # provider id, typed key ("" means the stored one)
    settings_accepted = Signal(object)  # the new Settings, on OK

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self.rows = {spec.id: _KeyRow(self, spec) for spec in PROVIDERS.values()}
        self.keyring_banner = QLabel(self)
        self.keyring_banner.setWordWrap(True)
        self.keyring_banner.hide()
        tabs = QTabWidget(self)
        tabs.addTab(self._keys_page(), self.tr("&Keys"))
        tabs.addTab(self._general_page(), self.tr("&General"))
        tabs.addTab(self._network_page(), self.tr("&Network"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe_buttons(
            self.buttons,
            {
                Standard.Ok: self.tr("Save these settings and close"),
                Standard.Cancel: self.tr("Close without saving (keys are saved at once)"),
            },
        )
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)
        self._load(settings)
        for provider_id in self.rows:
            self.set_key_status(provider_id, None)

    # --- pages -------------------------------------------------------------------------
    def _keys_page(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.addWidget(self.keyring_banner, 0, 0, 1, 5)
        for number, (provider_id, row) in enumerate(self.rows.items()):
            self._add_key_row(grid, 1 + 2 * number, provider_id, row)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1 + 2 * len(self.rows), 1)
        return page

    def _add_key_row(self, grid: QGridLayout, line: int, provider_id: str, row: _KeyRow) -> None:
        name = QLabel(row.spec.name, self)
        name.setBuddy(row.field)
        for column, widget in enumerate((name, row.field, row.save, row.delete, row.test)):
            grid.addWidget(widget, line, column)
        status = QVBoxLayout()
        status.setSpacing(0)
        status.addWidget(row.status)
        status.addWidget(row.result)
        grid.addLayout(status, line + 1, 1, 1, 4)
        row.test.setToolTip(
            self.tr("Ask %1 for the balance with this key.").replace("%1", row.spec.name)
            if row.spec.balance_unit
            else self.tr("%1 has no balance endpoint, so a key can only be checked by using it.").replace(
                "%1", row.spec.name
            )
        )
        row.field.textChanged.connect(lambda _text, r=row: r.refresh())
        row.save.clicked.connect(lambda _=False, p=provider_id: self._save_key(p))
        row.delete.clicked.connect(lambda _=False, p=provider_id: self.delete_key_requested.emit(p))
        row.test.clicked.connect(lambda _=False, p=provider_id: self._test_key(p))

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.output_dir = QLineEdit(page)
        self.output_dir.setPlaceholderText(self.tr("The app's own videos folder"))
        self.output_dir.setToolTip(self.tr("Where finished videos are saved. Empty: the app's data folder."))
        choose = QPushButton(self.tr("Choose…"), page)
        choose.setToolTip(self.tr("Pick the folder for finished videos."))
        choose.clicked.connect(self._choose_output_dir)
        folder = QHBoxLayout()
        folder.addWidget(self.output_dir, 1)
        folder.addWidget(choose)
        folder_label = QLabel(self.tr("&Output folder"), page)
        folder_label.setBuddy(self.output_dir)  # a form row with a layout gets no buddy by itself
        form.addRow(folder_label, folder)
        self.route_boxes = {spec.id: self._route_box(page) for spec in PROVIDERS.values() if needs_upload_route(spec)}
        note = QLabel(self.tr("These providers take an image only as a public URL. For a local image:"), page)
        note.setWordWrap(True)
        form.addRow(note)
        for provider_id, box in self.route_boxes.items():
            form.addRow(self.tr("%1 images").replace("%1", PROVIDERS[provider_id].name), box)
        self.max_concurrent = QSpinBox(page)
        self.max_concurrent.setRange(1, 64)
        self.max_concurrent.setToolTip(self.tr("How many tasks run at once; the rest wait in the queue."))
        form.addRow(self.tr("&Tasks at once"), self.max_concurrent)
        self.spend_guard = threshold_field(page)
        form.addRow(self.tr("Ask before sending more than"), self.spend_guard)
        self.notifications = QCheckBox(self.tr("Notify me when a task or a batch finishes"), page)
        self.notifications.setToolTip(self.tr("A desktop notification, also when the window is hidden."))
        form.addRow("", self.notifications)
        self.language = language_box(page)
        form.addRow(self.tr("&Language"), self.language)
        return page

    def _route_box(self, parent: QWidget) -> QComboBox:
        box = QComboBox(parent)
        box.setToolTip(
            self.tr(
                "This provider has no upload API: a local image needs a public URL, "
                "or an upload through another provider with your key there."
            )
        )
        box.addItem(self.tr("I will paste public image URLs"), UploadRoute.PUBLIC_URL.value)
        box.addItem(self.tr("Upload through kie.ai (uses the kie.ai key)"), UploadRoute.KIE_UPLOAD.value)
        box.addItem(self.tr("Upload through Apikley (uses the Apikley key)"), UploadRoute.APIKLEY_UPLOAD.value)
        return box

    def _network_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.proxy_group = QButtonGroup(page)
        self.proxy_buttons = {}
        for mode, text, tip in (
            (
                "system",
                self.tr("Use the &system proxy settings"),
                self.tr("The proxy your desktop or the environment sets, if any"),
            ),
            ("none", self.tr("No prox&y"), self.tr("Connect directly, even when the system sets a proxy")),
            (
                "manual",
                self.tr("&Manual proxy:"),
                self.tr("This proxy for everything; a password in it is kept in the OS keyring"),
            ),
        ):
            button = QRadioButton(text, page)
            button.setToolTip(tip)
            self.proxy_group.addButton(button)
            self.proxy_buttons[mode] = button
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("The proxy is used for the API, uploads and downloads alike."), page))
        self.proxy_url = QLineEdit(page)
        self.proxy_url.setPlaceholderText("http://host:8080  ·  socks5://host:1080")
        self.proxy_url.setToolTip(self.tr("Used for the API, uploads and downloads alike."))
        self.proxy_url.setAccessibleName(self.tr("Manual proxy URL"))
        self.proxy_hint = QLabel(page)
        self.proxy_hint.setWordWrap(True)
        self.proxy_hint.setStyleSheet(colored(PROBLEM_RED))
        layout.addWidget(self.proxy_url)
        layout.addWidget(self.proxy_hint)
        layout.addStretch(1)
        self.proxy_group.buttonToggled.connect(self._refresh_proxy)
        self.proxy_url.textChanged.connect(self._refresh_proxy)
        return page

    # --- values ------------------------------------------------------------------------
    def _load(self, settings: Settings) -> None:
        self.output_dir.setText(settings.output_dir or "")
        for provider_id, box in self.route_boxes.items():
            index = box.findData(str(settings.upload_routes.get(provider_id, UploadRoute.PUBLIC_URL)))
            box.setCurrentIndex(max(0, index))
        self.max_concurrent.setValue(settings.max_concurrent)
        self.spend_guard.setValue(settings.spend_guard_usd)
        self.notifications.setChecked(settings.notifications)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.proxy_buttons.get(settings.proxy_mode, self.proxy_buttons["system"]).setChecked(True)
        self.proxy_url.setText(settings.proxy_url or "")
        self._refresh_proxy()

    def proxy_mode(self) -> str:
        return next(mode for mode, button in self.proxy_buttons.items() if button.isChecked())

    def settings(self) -> Settings:
        """The original settings with this dialog's values; other fields are kept as they were."""
        routes = dict(self._original.upload_routes)
        routes.update({p: UploadRoute(box.currentData()) for p, box in self.route_boxes.items()})
        typed = self.proxy_url.text().strip()
        # A half-typed URL under another mode is dropped rather than saved as an invalid setting.
        proxy_url = typed if typed and proxy_problem(typed) is None else None
        return replace(
            self._original,
            output_dir=self.output_dir.text().strip() or None,
            upload_routes=routes,
            max_concurrent=self.max_concurrent.value(),
            spend_guard_usd=self.spend_guard.value(),
            notifications=self.notifications.isChecked(),
            proxy_mode=self.proxy_mode(),
            proxy_url=proxy_url,
            language=self.language.currentData(),
        )

    def accept(self) -> None:
        if self._proxy_error():
            return
        self.settings_accepted.emit(self.settings())
        super().accept()

    # --- statuses the controller sets --------------------------------------------------
    def set_key_status(self, provider_id: str, source: str | None, detail: str = "") -> None:
        """source: "keyring", "env", "session" or None (no key)."""
        row = self.rows[provider_id]
        row.stored = source in ("keyring", "session")
        row.has_key = source is not None
        words = {
            "keyring": self.tr("Stored in the OS keyring."),
            "env": self.tr("From the environment variable %1 (it overrides the keyring).").replace(
                "%1", row.spec.env_var
            ),
            "session": self.tr("Kept for this session only: no OS keyring is available."),
        }.get(source, self.tr("No key."))
        row.status.setText(f"{words} {detail}".strip())
        row.status.setToolTip(row.status.text())
        if source in ("keyring", "session"):
            row.field.clear()
        row.refresh()

    def set_keyring_available(self, available: bool, reason: str = "") -> None:
        text = self.tr(
            "No OS keyring is available, so keys are kept in memory for this session only. "
            "Set the environment variables to keep them across runs."
        )
        self.keyring_banner.setText(f"{text} {reason}".strip())
        self.keyring_banner.setStyleSheet(colored(PROBLEM_RED))
        self.keyring_banner.setVisible(not available)

    def set_test_result(self, provider_id: str, ok: bool, message: str) -> None:
        row = self.rows[provider_id]
        row.result.setText(("✓ " if ok else "✗ ") + message)
        row.result.setToolTip(message)
        row.result.setStyleSheet(colored(OK_GREEN if ok else PROBLEM_RED))
        row.result.show()
        row.refresh()

    def set_key_busy(self, provider_id: str, busy: bool) -> None:
        """While the controller stores, deletes or tests a key, its buttons wait."""
        self.rows[provider_id].refresh(busy)

    # --- reacting ----------------------------------------------------------------------
    def _save_key(self, provider_id: str) -> None:
        row = self.rows[provider_id]
        key = row.field.text().strip()
        if key:
            row.field.clear()  # the key leaves with the signal; nothing keeps a copy here
            self.save_key_requested.emit(provider_id, key)

    def _test_key(self, provider_id: str) -> None:
        row = self.rows[provider_id]
        row.result.hide()
        self.test_key_requested.emit(provider_id, row.field.text().strip())

    def _choose_output_dir(self) -> None:
        choose_folder_into(self.output_dir, self.tr("Folder for finished videos"))

    def _proxy_error(self) -> str | None:
        return proxy_problem(self.proxy_url.text()) if self.proxy_mode() == "manual" else None

    def _refresh_proxy(self, *args) -> None:
        manual = self.proxy_mode() == "manual"
        self.proxy_url.setEnabled(manual)
        problem = self._proxy_error()
        self.proxy_hint.setText(problem or "")
        self.proxy_hint.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
