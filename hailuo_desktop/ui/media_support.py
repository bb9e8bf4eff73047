"""Whether this machine can play video in the window, and what to show when it cannot.

QtMultimedia needs system libraries (PulseAudio's client library, among others) that a
minimal desktop may lack; then `import PySide6.QtMultimedia` fails with an ImportError.
Only the previews need it, so the window must start all the same: a view that plays video
asks `media_support()` before importing a module that imports QtMultimedia, and otherwise
shows a `NoVideoPanel`: why it cannot play, and "Open video" (the user's own player).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MediaSupport:
    available: bool
    reason: str = ""  # the import error, for the user and the log


@functools.cache
def media_support() -> MediaSupport:
    """Tried once per process: an import that failed will not work later in the same run."""
    try:
        import PySide6.QtMultimedia
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except (ImportError, OSError) as error:
        log.warning("video cannot play in the window: %s", error)
        return MediaSupport(False, str(error))
    return MediaSupport(True)


def unavailable_text(support: MediaSupport) -> str:
    return QCoreApplication.translate(
        "MediaSupport",
        "Videos cannot play inside the window on this computer: its multimedia libraries are "
        "missing ({reason}). Install them (on Debian or Ubuntu: the libpulse0 package), or open the video in "
        "your own player.",
    ).format(reason=support.reason)


class NoVideoPanel(QWidget):
    """Where the video would play: the reason, and "Open video"."""

    open_requested = Signal()

    def __init__(self, support: MediaSupport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(unavailable_text(support))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_video = QPushButton(QCoreApplication.translate("MediaSupport", "Open video"))
        self.open_video.setToolTip(QCoreApplication.translate("MediaSupport", "Play the video in your own player"))
        self.open_video.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.open_video, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
