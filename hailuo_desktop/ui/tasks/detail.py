"""One task in full: its video in a real player (workspace/player.py), what it was made from,
prompt, settings, provider id, error, and actions that stay put whatever the state.

The widget only shows and asks: every action is a signal the controller answers, except
copying text to the clipboard, which needs nothing else.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.states import TaskState
from ...domain.task import Task
from ..chain import ChainStrip
from ..errors import describe_task
from ..media_support import NoVideoPanel, media_support
from ..money.words import amount_text, retry_label, was_sent
from ..workspace.sources import SourceStrip
from .check_bar import CheckBar
from .thumbs import ListThumbnails
from .words import provider_name, settings_text, state_text

POSTER_SIZE = 360
VIDEO_MIN = QSize(240, 135)
MIN_FACTS_WIDTH = 250
ACTION_COLUMNS = 3  # under the video and the facts; three fit a 1024 px window


def _video_player():
    """The player, or None where QtMultimedia is missing (ui/media_support.py)."""
    if not media_support().available:
        return None
    from ..workspace.player import VideoPlayer

    return VideoPlayer()


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _when(epoch: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch)) if epoch else "—"


def _playable(task: Task) -> bool:
    return task.state is TaskState.SUCCEEDED and bool(task.video_path) and os.path.exists(task.video_path)


def _media_key(task: Task) -> tuple:
    """What decides the media area: a change here reloads the player, anything else does not."""
    return task.id, task.video_path, task.state is TaskState.SUCCEEDED


class TaskDetail(QWidget):
    open_file_requested = Signal(str)
    show_in_folder_requested = Signal(str)
    reuse_requested = Signal(object)  # Task
    retry_requested = Signal(str)
    cancel_requested = Signal(str)
    remove_requested = Signal(str)
    continue_requested = Signal(object)  # Task: continue the shot from its last frame

    def __init__(self, posters: ListThumbnails | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self._posters = posters or ListThumbnails(POSTER_SIZE, self)
        self._posters.ready.connect(self._on_poster)
        self._build_media()
        self._build_facts()
        self._build_error()
        self.check_bar = CheckBar(self)  # what the runner waits for; Resume / Give up for a stopped task
        self._build_actions()
        self.chain = ChainStrip()  # filled by whoever reads the lineage (ui/shot_flow.py)
        self._layout()
        self.show_task(None)

    # --- building --------------------------------------------------------------------
    def _build_media(self) -> None:
        self.poster = QLabel()
        self.poster.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.poster.setMinimumSize(VIDEO_MIN)
        self.poster.setWordWrap(True)
        self._media = QStackedWidget()
        self._media.addWidget(self.poster)
        # Made for the first task with a video (_make_player), not at start-up: QtMultimedia
        # and its audio back end take longer to load than the rest of the window to build.
        self.player_view = None
        self.no_video: NoVideoPanel | None = None
        self.sources = SourceStrip()

    def _make_player(self) -> None:
        """The player, or the panel that says why it cannot play and offers "Open video"."""
        if self.player_view is not None or self.no_video is not None:
            return
        self.player_view = _video_player()
        if self.player_view is not None:
            self._media.addWidget(self.player_view)
            # The parts others reach for (tests, screenshots): the video, its player, sound.
            self.video, self.player = self.player_view.video, self.player_view.player
            self.audio, self.sound = self.player_view.audio, self.player_view.sound
            return
        self.no_video = NoVideoPanel(media_support())
        self._media.addWidget(self.no_video)
        self.no_video.open_requested.connect(lambda: self._emit_path(self.open_file_requested))

    def _build_facts(self) -> None:
        self.state = QLabel()
        self.state.setObjectName("taskState")
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.prompt = _selectable(QLabel())
        self.settings = _selectable(QLabel())
        self.remote_id = _selectable(QLabel())
        self.cost = _selectable(QLabel())  # wraps: "cancelled · may be charged (up to …)" is long
        self.times = QLabel()
        for label in (self.cost, self.times):
            label.setWordWrap(True)  # long in some languages: wrap rather than run past the pane
        self.video_path = _selectable(QLabel())
        self._facts = QFormLayout()
        self._facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget in (
            (self.tr("Made from"), self.sources),
            (self.tr("Prompt"), self.prompt),
            (self.tr("Settings"), self.settings),
            (self.tr("Provider task id"), self.remote_id),
            (self.tr("Cost"), self.cost),
            (self.tr("Created · finished"), self.times),
            (self.tr("Video file"), self.video_path),
        ):
            self._facts.addRow(label, widget)

    def _build_error(self) -> None:
        self.error_box = QFrame()
        self.error_box.setObjectName("taskError")
        self.error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_title = _selectable(QLabel())
        font = self.error_title.font()
        font.setBold(True)
        self.error_title.setFont(font)
        self.error_text = _selectable(QLabel())
        self.copy_details = QPushButton(self.tr("Copy details"))
        self.copy_details.setToolTip(self.tr("Copy the technical details, to send to the provider or to us"))
        self.copy_details.clicked.connect(self._copy_details)
        box = QVBoxLayout(self.error_box)
        box.addWidget(self.error_title)
        box.addWidget(self.error_text)
        box.addWidget(self.copy_details, 0, Qt.AlignmentFlag.AlignLeft)
        self._details = ""

    def _build_actions(self) -> None:
        def button(text: str, tip: str, handler) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(handler)
            return b

        self.open_file = button(
            self.tr("Open video"),
            self.tr("Open the video in your player"),
            lambda: self._emit_path(self.open_file_requested),
        )
        self.show_folder = button(
            self.tr("Show in folder"),
            self.tr("Open the folder that holds the video"),
            lambda: self._emit_path(self.show_in_folder_requested),
        )
        self.copy_prompt = button(self.tr("Copy prompt"), self.tr("Copy the full prompt"), self._copy_prompt)
        self.reuse = button(
            self.tr("Reuse settings"),
            self.tr("Put this prompt and these settings in the editor"),
            lambda: self.task and self.reuse_requested.emit(self.task),
        )
        self.retry = button(
            self.tr("Retry"),
            self.tr("Start a new task with the same settings (charged again)"),
            lambda: self._emit_id(self.retry_requested),
        )
        self.cancel = button(
            self.tr("Cancel"),
            self.tr("Stop following this task (a task already sent may still be charged)"),
            lambda: self._emit_id(self.cancel_requested),
        )
        self.remove = button(
            self.tr("Remove"),
            self.tr("Remove from the list (the video file stays) · Delete"),
            lambda: self._emit_id(self.remove_requested),
        )
        self.continue_take = button(
            self.tr("Continue…"),
            self.tr("Start the next clip from this take's last frame"),
            lambda: self.task and self.continue_requested.emit(self.task),
        )
        self._actions = QGridLayout()
        for i, b in enumerate(
            (
                self.continue_take,
                self.open_file,
                self.show_folder,
                self.copy_prompt,
                self.reuse,
                self.retry,
                self.cancel,
                self.remove,
            )
        ):
            self._actions.addWidget(b, i // ACTION_COLUMNS, i % ACTION_COLUMNS)

    def _layout(self) -> None:
        # Player on the left, words on the right (scrolling when the window is short), and
        # the buttons in one fixed block underneath: an error appearing never moves them.
        facts = QWidget()
        column = QVBoxLayout(facts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state)
        column.addWidget(self.chain)  # the shot this take belongs to, right under its state
        column.addWidget(self.check_bar)  # Resume / Give up in view, above the error's words
        column.addWidget(self.error_box)
        column.addLayout(self._facts)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(facts)
        scroll.setMinimumWidth(MIN_FACTS_WIDTH)
        self._facts_area = scroll
        self._action_block = QWidget()
        self._action_block.setLayout(self._actions)
        self._actions.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self._media, 5)
        top.addWidget(scroll, 4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        outer.addLayout(top, 1)
        outer.addWidget(self._action_block)

    # --- showing ---------------------------------------------------------------------
    def show_task(self, task: Task | None) -> None:
        previous = self.task
        self.task = task
        self._facts_area.setVisible(task is not None)  # nothing selected: just the hint
        self._action_block.setVisible(task is not None)
        self.sources.show_task(task)
        self.check_bar.show_task(task)
        if task is None:
            self._clear()
            return
        self.state.setText(self._state_line(task))
        self.prompt.setText(task.prompt)
        self.settings.setText(settings_text(task))
        self.remote_id.setText(task.remote_id or self._no_remote_id(task))
        self.cost.setText(amount_text(task))
        self.times.setText(f"{_when(task.created_at)} · {_when(task.finished_at)}")
        self.video_path.setText(os.path.basename(task.video_path) if task.video_path else "—")
        self.video_path.setToolTip(task.video_path or "")
        self._show_error(task)
        self._enable_actions(task)
        if previous is None or _media_key(previous) != _media_key(task):
            self._show_media(task)

    def _no_remote_id(self, task: Task) -> str:
        """No task id yet: either nothing has left, or the request has and its answer is awaited."""
        if was_sent(task) and not task.state.is_final:
            return self.tr("being sent, no answer yet")
        return self.tr("not sent yet")

    def _state_line(self, task: Task) -> str:
        return f"{state_text(task.state)} · {provider_name(task.provider)}"

    def _clear(self) -> None:
        if self.player_view is not None:
            self.player_view.clear()
        self.poster.setPixmap(QPixmap())
        self.poster.setText(self.tr("Select a task to see its video and details."))
        self._media.setCurrentWidget(self.poster)
        for label in (self.state, self.prompt, self.settings, self.remote_id, self.cost, self.times, self.video_path):
            label.clear()
        self.error_box.hide()
        self.chain.show_lineage(None)

    def _show_error(self, task: Task) -> None:
        troubled = task.state in (TaskState.FAILED, TaskState.UNKNOWN, TaskState.NEEDS_CHECK)
        message = describe_task(task) if troubled else None
        self.error_box.setVisible(message is not None)
        if message is not None:
            self.error_title.setText(message.title)
            self.error_text.setText(message.text)
            self._details = message.details

    def _enable_actions(self, task: Task) -> None:
        has_video = bool(task.video_path) and os.path.exists(task.video_path)
        self.open_file.setEnabled(has_video)
        self.show_folder.setEnabled(has_video)
        self.continue_take.setEnabled(has_video and task.state is TaskState.SUCCEEDED)
        self.retry.setEnabled(task.state.is_final)
        self.retry.setText(retry_label(task))
        self.cancel.setEnabled(not task.state.is_final)

    def _show_media(self, task: Task) -> None:
        if _playable(task):
            self._make_player()
        if _playable(task) and self.player_view is not None:
            self._media.setCurrentWidget(self.player_view)
            self.player_view.load(task.video_path)
            return
        if _playable(task) and self.no_video is not None:
            self._media.setCurrentWidget(self.no_video)
            return
        if self.player_view is not None:
            self.player_view.clear()
        self._media.setCurrentWidget(self.poster)
        self._show_poster(task)

    def _show_poster(self, task: Task) -> None:
        image = self._posters.get(task.image_path, task.id) if task.image_path else None
        if image is not None and not image.isNull():
            self.poster.setPixmap(QPixmap.fromImage(image))
        else:
            self.poster.setPixmap(QPixmap())
            self.poster.setText(self.tr("The video appears here when the task is done."))

    @Slot(str, object)
    def _on_poster(self, path: str, _task_ids: object) -> None:
        if self.task is not None and self.task.image_path == path and self._media.currentWidget() is self.poster:
            self._show_poster(self.task)

    # --- local actions ---------------------------------------------------------------
    def _emit_path(self, signal) -> None:
        if self.task is not None and self.task.video_path:
            signal.emit(self.task.video_path)

    def _emit_id(self, signal) -> None:
        if self.task is not None:
            signal.emit(self.task.id)

    def _copy_prompt(self) -> None:
        if self.task is not None:
            QGuiApplication.clipboard().setText(self.task.prompt)

    def _copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)

    def stop(self) -> None:
        if self.player_view is not None:
            self.player_view.group.stop()

    def release(self) -> None:
        """Stop the player and the picture readers' threads (the window is going away)."""
        if self.player_view is not None:
            self.player_view.clear()
        self._posters.close()
        self.sources.close_threads()
