"""The compose side of the window: lays out the sub-widgets and turns them into an order.

No I/O here: the controller reads files, fetches URLs and submits; the panel emits
intents and shows what it is told.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.images import ImageFacts, Problem

from .cost import CostBar
from .drop import DropHandler
from .frames_slots import FrameRole, FramesSlots
from .image_list import KEY_ROLE, PROBLEMS_ROLE, STATE_ROLE, ImageListModel, ImageListView, display_name
from .model_picker import ModelPicker
from .order import ComposeOrder, Draft, Plan, plan
from .presets_bar import PresetBar
from .prompt_editor import PromptEditor
from .read_draft import read_draft
from .vertical_scroll import VerticalScroll

__all__ = ["ComposePanel", "ComposeOrder"]


class ComposePanel(QWidget):
    paths_dropped = Signal(list)
    urls_dropped = Signal(list)
    image_pasted = Signal(object)
    generate_requested = Signal(object)
    provider_changed = Signal(str)
    selection_changed = Signal()
    open_files_requested = Signal()
    images_removed = Signal(list)  # keys the user removed from the list
    prompts_requested = Signal()  # the per-image prompt table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self._outside_reason: str | None = None
        self._plan = Plan(None, None, 0)
        self.image_prompts: dict[str, str] = {}  # image key -> its own prompt (the prompt table)
        self.image_parents: dict[str, str] = {}  # image key -> the take whose last frame it is
        # Image changes arrive in bursts (a folder of hundreds): refresh once per burst.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self.images = ImageListModel(self)
        self._build()
        self._lay_out()
        self._connect()
        self._on_provider(self.picker.provider(), emit=False)

    # --- construction ------------------------------------------------------------------
    def _build(self) -> None:
        self.image_view = ImageListView(self)
        self.image_view.setModel(self.images)
        self.image_view.setToolTip(self.tr("Images to animate, each checked against the selected provider."))
        self.add_button = self._button(self.tr("&Add images…"), self.tr("Choose image files (Ctrl+O)."))
        self.paste_button = self._button(self.tr("Paste"), self.tr("Paste an image or an image URL (Ctrl+V)."))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the selected images (Delete)."))
        self.clear_button = self._button(self.tr("Clear"), self.tr("Remove every image from the list."))
        self.presets_bar = PresetBar(self)
        self.images_hint = self._dim_label()
        # The reasons an image is refused must show in full: the list gives up height first.
        self.images_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # Two lines are always kept for it, shown or empty: a short hint never moves the list.
        self.images_hint.setMinimumHeight(self.images_hint.fontMetrics().lineSpacing() * 2)
        self.picker = ModelPicker(self)
        self.frames = FramesSlots(self)
        self.prompt = PromptEditor(self)
        self.cost = CostBar(self)
        self.variants = QSpinBox(self)
        self.variants.setRange(1, 20)
        self.variants.setToolTip(
            self.tr(
                "Videos per image. 1: one per accepted image. More: that many of each "
                "selected image, or of every accepted image when none is selected."
            )
        )
        self.generate_button = self._button(self.tr("&Generate"), self.tr("Submit to the provider (Ctrl+Enter)."))
        self.generate_button.setDefault(True)
        self.reason = self._dim_label()
        self.drops = DropHandler(self)
        self._paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self)
        self._paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _button(self, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tooltip)
        return button

    def _dim_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _lay_out(self) -> None:
        # What is composed scrolls when the window is short (start/end slots and the prompt
        # tools take height); the cost and Generate stay in view underneath.
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._images_group(), 3)
        column.addWidget(self.presets_bar)
        column.addWidget(self._group(self.tr("Video"), self.picker))
        self.frames_box = self._group(self.tr("Start and end frames"), self.frames)
        column.addWidget(self.frames_box)
        column.addWidget(self._group(self.tr("Prompt"), self.prompt), 1)
        self.body = VerticalScroll(body, self)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus goes to the fields inside
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 2, 6)  # the scroll bar makes the right edge
        layout.addWidget(self.body, 1)
        layout.addWidget(self.cost)
        layout.addLayout(self._generate_row())
        layout.addWidget(self.reason)
        self.setMinimumWidth(380)

    def _images_group(self) -> QGroupBox:
        # Two rows: one row of them all is wider than the panel once fonts are large or words long.
        buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.paste_button, self.remove_button, self.clear_button)):
            buttons.addWidget(button, index // 3, index % 3)
        box = QGroupBox(self.tr("Images"), self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(self.image_view, 1)
        inner.addLayout(buttons)
        inner.addWidget(self.images_hint)
        return box

    def _group(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(content)
        return box

    def _generate_row(self) -> QHBoxLayout:
        label = QLabel(self.tr("Varia&nts"), self)
        label.setBuddy(self.variants)
        self.generate_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.variants)
        row.addWidget(self.generate_button, 1)
        return row

    def _connect(self) -> None:
        self.drops.paths_dropped.connect(self.paths_dropped)
        self.drops.urls_dropped.connect(self.urls_dropped)
        self.drops.image_pasted.connect(self.image_pasted)
        self._paste_shortcut.activated.connect(self.paste_from_clipboard)
        self.add_button.clicked.connect(self.open_files_requested)
        self.prompt.per_image_requested.connect(self.prompts_requested)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self._clear_by_user)
        self.image_view.delete_requested.connect(self.remove_selected)
        self.image_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.image_view.customContextMenuRequested.connect(self._image_menu)
        self.image_view.selectionModel().selectionChanged.connect(self._on_selection)
        for signal in (
            self.images.rowsInserted,
            self.images.rowsRemoved,
            self.images.modelReset,
            self.images.dataChanged,
        ):
            signal.connect(self._on_images_changed)
        self.picker.provider_changed.connect(self._on_provider)
        self.picker.changed.connect(self._refresh)
        self.frames.changed.connect(self._refresh)
        self.prompt.changed.connect(self._refresh)
        self.variants.valueChanged.connect(self._refresh)
        self.generate_button.clicked.connect(self.trigger_generate)
        self._refresh_timer.timeout.connect(self._refresh)

    # --- the contract: setters ---------------------------------------------------------
    def add_image(
        self, key: str, facts: ImageFacts | None, thumbnail: QImage | None = None, *, decoding: bool = False
    ) -> None:
        """`decoding`: a header verdict; the image counts only once `set_decoded` gives the full one."""
        self.images.add(key, facts, thumbnail, decoding=decoding)

    def set_decoded(self, key: str, damage: Problem | None) -> None:
        self.images.set_decoded(key, damage)

    def set_thumbnail(self, key: str, image: QImage) -> None:
        self.images.set_thumbnail(key, image)

    def remove_image(self, key: str) -> None:
        self.images.remove(key)

    def clear_images(self) -> None:
        self.images.clear()

    def set_balance_text(self, text: str) -> None:
        self.cost.set_balance_text(text)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()

    def set_generate_enabled_reason(self, reason: str | None) -> None:
        """A reason from outside (e.g. no key yet) that keeps Generate disabled; None lifts it."""
        self._outside_reason = reason
        self._refresh()

    def apply_settings(
        self,
        provider: str,
        model: str,
        mode: str | None,
        duration: int | None,
        resolution: str | None,
        prompt: str,
        prompt_optimizer: bool | None,
        kind: str | None = None,
    ) -> None:
        """Reuse a task's settings."""
        self.picker.select(provider, model, mode, duration, resolution, prompt_optimizer, kind)
        self.prompt.set_text(prompt)

    def set_image_prompts(self, prompts: dict[str, str]) -> None:
        """Each image's own prompt (the prompt table); an image without one uses the main prompt."""
        self.image_prompts.clear()
        self.image_prompts.update(prompts)
        self._refresh()

    def set_frame(self, role: FrameRole, key: str | None) -> None:
        """Put a listed image (or nothing) in the Start or End slot."""
        self.frames.assign(role, key)

    def current_provider(self) -> str:
        return self.picker.provider()

    def image_keys(self) -> list[str]:
        """Every listed image (path or URL), so the controller can skip ones already added."""
        return self.images.keys()

    # --- the contract: actions ---------------------------------------------------------
    def trigger_generate(self) -> bool:
        """Emit generate_requested when Generate is enabled; the shell binds Ctrl+Enter here."""
        self._refresh()
        if not self.generate_button.isEnabled() or self._plan.order is None:
            return False
        self.generate_requested.emit(self._plan.order)
        return True

    def paste_from_clipboard(self) -> bool:
        pasted = self.drops.paste()
        if not pasted:
            self.images_hint.setText(self.tr("The clipboard holds no image, image file or image URL."))
        return pasted

    def remove_selected(self) -> None:
        keys = self.image_view.selected_keys()
        for key in keys:
            self.images.remove(key)
        if keys:
            self.images_removed.emit(keys)

    def generate_reason(self) -> str | None:
        """Why Generate is disabled right now (None when it is enabled)."""
        self._refresh()
        if self.generate_button.isEnabled():
            return None
        return self.reason.text() or None

    def _image_menu(self, pos) -> None:
        """Right-click on an image: put it in the Start or End slot (models with a last frame)."""
        index = self.image_view.indexAt(pos)
        if not index.isValid() or self.frames_box.isHidden():
            return
        key = index.data(KEY_ROLE)
        menu = QMenu(self.image_view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for role, text in (
            (FrameRole.START, self.tr("Use as &Start frame")),
            (FrameRole.END, self.tr("Use as &End frame")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, r=role: self.set_frame(r, key))
        self.image_menu = menu  # the menu shown last (tests drive it)
        menu.popup(self.image_view.viewport().mapToGlobal(pos))

    # --- reacting ----------------------------------------------------------------------
    def _clear_by_user(self) -> None:
        keys = self.images.keys()
        self.images.clear()
        if keys:
            self.images_removed.emit(keys)

    def _on_provider(self, provider_id: str, emit: bool = True) -> None:
        spec = catalog.provider(provider_id)
        self.images.set_rules(spec.image_rules, spec.name)  # emits dataChanged -> _refresh
        self._refresh()
        if emit:
            self.provider_changed.emit(provider_id)

    def _on_images_changed(self, *args) -> None:
        self._refresh_timer.start()

    def _on_selection(self, selected: QItemSelection = None, deselected: QItemSelection = None) -> None:
        self._refresh()
        self.selection_changed.emit()

    def _draft(self) -> Draft:
        return read_draft(self)

    def _refresh(self, *args) -> None:
        self._refresh_timer.stop()
        draft = self._draft()
        self.frames_box.setVisible(draft.spec.end_frame and draft.spec.needs_image)
        self._plan = plan(draft)
        self.prompt.set_limit(draft.spec.prompt_max)
        self.cost.set_estimate(draft.spec, draft.duration, draft.resolution, max(1, self._plan.count))
        reason = self.tr("Submitting…") if self._busy else (self._outside_reason or self._plan.reason)
        self.generate_button.setEnabled(reason is None)
        self.generate_button.setText(self._generate_text(self._plan.count))
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))
        self._refresh_images_area(draft)

    def _generate_text(self, count: int) -> str:
        return self.tr("&Generate %n videos", "", count) if count > 1 else self.tr("&Generate")

    def _refresh_images_area(self, draft: Draft) -> None:
        text_only = not draft.spec.needs_image
        self.image_view.setEnabled(not text_only)
        self.image_view.set_placeholder(
            self.tr("Text to video: no image needed.")
            if text_only
            else self.tr("Drop images or folders here, paste with Ctrl+V, or press Ctrl+O to choose files.")
        )
        has_images = self.images.rowCount() > 0
        self.remove_button.setEnabled(has_images and not text_only)
        self.clear_button.setEnabled(has_images)
        self.images_hint.setText(self._images_summary(text_only))

    def _images_summary(self, text_only: bool) -> str:
        total = self.images.rowCount()
        if text_only:
            return self.tr("This mode makes videos from the prompt alone; the images are not used.") if total else ""
        current = self.image_view.currentIndex()
        if current.isValid() and current.data(STATE_ROLE) == "bad":
            problems = "\n".join("• " + p for p in current.data(PROBLEMS_ROLE))
            return self.tr("%1 cannot be sent:").replace("%1", display_name(current.data(KEY_ROLE))) + "\n" + problems
        if not total:
            return ""
        refused = total - len(self.images.accepted_keys())
        text = self.tr("%n images", "", total) if total > 1 else self.tr("1 image")
        if refused:
            text += " · " + self.tr("%n refused (select one to see why)", "", refused)
        keys = set(self.images.keys())
        own = len(keys & set(self.image_prompts))
        if own:
            text += " · " + self.tr("%n with its own prompt", "", own)
        if keys & set(self.image_parents):
            text += " · " + self.tr("continues a take (its last frame)")
        return text
