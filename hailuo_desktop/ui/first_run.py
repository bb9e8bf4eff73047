"""The first run: no key stored yet. Offer to enter one, or to try the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain import catalog

LATER, ENTER_KEY, TRY_DEMO = 0, 1, 2


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Hailuo Desktop"))
        names = ", ".join(spec.name for spec in catalog.PROVIDERS.values())
        text = QLabel(
            self.tr(
                "<p><b>Animate your images into short videos with Hailuo models.</b></p>"
                "<p>The app uses your own key from one of these providers: {names}. "
                "The key is kept in your system's keyring, never in a file.</p>"
                "<p>No key yet? The demo runs the whole flow on a built-in simulator: "
                "no account, nothing charged, and the result is a real video of your own image.</p>"
            ).format(names=names)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox()
        self.enter_key = QPushButton(self.tr("Enter a key…"))
        self.try_demo = QPushButton(self.tr("Try the demo"))
        self.later = QPushButton(self.tr("Later"))
        self.enter_key.setDefault(True)
        self.enter_key.setToolTip(self.tr("Open the settings to paste the API key of your provider"))
        self.try_demo.setToolTip(self.tr("Restart on the built-in simulator: no key, no account, nothing paid"))
        self.later.setToolTip(self.tr("Close this; you can enter a key in the settings at any time"))
        buttons.addButton(self.enter_key, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.try_demo, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        self.enter_key.clicked.connect(lambda: self.done(ENTER_KEY))
        self.try_demo.clicked.connect(lambda: self.done(TRY_DEMO))
        self.later.clicked.connect(lambda: self.done(LATER))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
