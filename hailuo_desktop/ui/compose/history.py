"""Earlier prompts: recalled while typing (a QCompleter under the prompt box) and in a
searchable history dialog. The prompts come from the task store, newest first; this module
only shows them (the prompt flow reads the store off the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

MIN_TYPED = 3  # characters before earlier prompts are offered
SHOWN = 8  # rows of the completion popup
_POPUP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class PromptEdit(QPlainTextEdit):
    """The prompt box. While the completer's popup is open, the keys that choose or close
    it are left to the popup (the completer hands them to this box first, which would type
    a newline instead of taking the prompt)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup: QWidget | None = None

    def keyPressEvent(self, event) -> None:
        if (
            self.popup is not None
            and self.popup.isVisible()
            and event.key() in _POPUP_KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.ignore()
            return
        super().keyPressEvent(event)


class PromptCompleter(QCompleter):
    """Offers earlier prompts that contain what is typed; choosing one replaces the text."""

    chosen = Signal(str)

    def __init__(self, edit: PromptEdit) -> None:
        self.prompts = QStringListModel()
        super().__init__(self.prompts, edit)
        self._edit = edit
        self._replacing = False
        self.setWidget(edit)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(SHOWN)
        self.popup().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.activated[str].connect(self._use)
        edit.textChanged.connect(self._offer)
        edit.popup = self.popup()

    def set_prompts(self, prompts: list[str]) -> None:
        self.prompts.setStringList(prompts)

    def _offer(self) -> None:
        if self._replacing or not self._edit.hasFocus():
            return
        text = self._edit.toPlainText()
        if len(text.strip()) < MIN_TYPED:
            self.popup().hide()
            return
        self.setCompletionPrefix(text)
        exact = self.completionCount() == 1 and self.currentCompletion() == text
        if self.completionCount() == 0 or exact:
            self.popup().hide()
            return
        rect = self._edit.cursorRect()
        rect.setWidth(self._edit.viewport().width())
        self.complete(rect)
        self.popup().setCurrentIndex(self.popup().model().index(-1, -1))  # nothing chosen until the user moves

    def _use(self, prompt: str) -> None:
        self._replacing = True
        try:
            self.chosen.emit(prompt)
        finally:
            self._replacing = False


class HistoryDialog(QDialog):
    """Every earlier prompt, filtered as you type; Enter or a double click uses one."""

    def __init__(self, prompts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prompt history"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search earlier prompts"))
        self.search.setClearButtonEnabled(True)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(QStringListModel(prompts, self))
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView(self)
        self.view.setModel(self.filtered)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(False)
        self.count = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.use = self.buttons.addButton(self.tr("&Use this prompt"), QDialogButtonBox.ButtonRole.AcceptRole)
        column = QVBoxLayout(self)
        for widget in (self.search, self.view, self.count, self.buttons):
            column.addWidget(widget)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_current)
        self.view.doubleClicked.connect(lambda _index: self._accept_current())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._refresh())
        self.buttons.accepted.connect(self._accept_current)
        self.buttons.rejected.connect(self.reject)
        self._filter("")
        self.resize(560, 420)

    def _filter(self, text: str) -> None:
        self.filtered.setFilterFixedString(text.strip())
        if self.filtered.rowCount():
            self.view.setCurrentIndex(self.filtered.index(0, 0))
        self._refresh()

    def _refresh(self) -> None:
        total = self.filtered.sourceModel().rowCount()
        shown = self.filtered.rowCount()
        self.count.setText(self.tr("{shown} of {total} earlier prompts").format(shown=shown, total=total))
        self.use.setEnabled(self.view.currentIndex().isValid())

    def chosen(self) -> str | None:
        index = self.view.currentIndex()
        return index.data() if index.isValid() else None

    def _accept_current(self) -> None:
        if self.chosen() is not None:
            self.accept()
