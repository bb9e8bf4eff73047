"""Compare 2–4 takes side by side, in sync: one play/pause, one scrub bar, frame step for
all, loop; the prompt and settings under each. Keys: Space plays or pauses, Left/Right
step one frame, L loops, 1–4 keep that take (star it) and reject the others, Esc closes.

Imports QtMultimedia: the window imports this module only when a comparison opens.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...domain.task import Task
from ..money.words import amount_text
from ..tasks.words import settings_text
from .sync import PlayerGroup
from .tiles import STAR_ON
from .transport import Transport

MAX_TAKES = 4
VIDEO_MIN = QSize(200, 112)


class ComparePane(QWidget):
    def __init__(self, number: int, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.video = QVideoWidget()
        self.video.setMinimumSize(VIDEO_MIN)
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.audio = QAudioOutput(self)
        self.audio.setMuted(True)  # four sounds at once help nobody
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.setSource(QUrl.fromLocalFile(task.video_path or ""))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.number = number
        self.prompt = QLabel(task.prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.settings = QLabel(f"{settings_text(task)} · {amount_text(task)}")
        self.settings.setWordWrap(True)
        self.settings.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # The words under each video get the same fixed room, so the videos line up.
        lines = self.fontMetrics().lineSpacing()
        self.prompt.setFixedHeight(lines * 3)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.settings.setFixedHeight(lines * 2)
        self.settings.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.title.setFixedHeight(lines + 4)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.video, 1)
        column.addWidget(self.title)
        column.addWidget(self.prompt)
        column.addWidget(self.settings)
        self.show_marks(task)

    def show_marks(self, task: Task) -> None:
        self.task = task
        marks = [self.tr("Take {n}").format(n=self.number)]
        if task.starred:
            marks.append(f"{STAR_ON} " + self.tr("kept"))
        if task.rejected:
            marks.append(self.tr("rejected"))
        self.title.setText(" · ".join(marks) + "   " + self.tr("(press {n} to keep)").format(n=self.number))


class CompareView(QWidget):
    keep_requested = Signal(str, list)  # the take to star, the takes to reject

    def __init__(self, tasks: list[Task], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if not 2 <= len(tasks) <= MAX_TAKES:
            raise ValueError(f"compare takes 2 to {MAX_TAKES} takes, not {len(tasks)}")
        self.setWindowTitle(self.tr("Compare {n} takes").format(n=len(tasks)))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.panes = [ComparePane(n + 1, task) for n, task in enumerate(tasks)]
        self.group = PlayerGroup([p.player for p in self.panes], self)
        self.transport = Transport(self.group)
        grid = QGridLayout()
        columns = 2 if len(tasks) == 4 else len(tasks)
        for n, pane in enumerate(self.panes):
            grid.addWidget(pane, n // columns, n % columns)
        hint = QLabel(
            self.tr(
                "Space play/pause · ←/→ one frame · L loop · 1–{n} keep that take, reject the others · Esc close"
            ).format(n=len(tasks))
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(grid, 1)
        column.addWidget(self.transport)
        column.addWidget(hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(1000, 640)

    def tasks(self) -> list[Task]:
        return [p.task for p in self.panes]

    def show_task(self, task: Task) -> None:
        """A take's stars or rejection changed in the store: show it."""
        for pane in self.panes:
            if pane.task.id == task.id:
                pane.show_marks(task)

    def keep(self, number: int) -> None:
        if 1 <= number <= len(self.panes):
            kept = self.panes[number - 1].task.id
            self.keep_requested.emit(kept, [p.task.id for p in self.panes if p.task.id != kept])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Space:
            self.group.toggle()
        elif key == Qt.Key.Key_Left:
            self.group.step(-1)
        elif key == Qt.Key.Key_Right:
            self.group.step(1)
        elif key == Qt.Key.Key_L:
            self.transport.loop.toggle()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.keep(key - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.group.stop()
        for pane in self.panes:
            pane.player.setSource(QUrl())
        super().closeEvent(event)
