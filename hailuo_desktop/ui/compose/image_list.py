"""The dropped images: a model with each image's facts and verdict, and a view that draws them.

Verdicts are recomputed from the stored facts whenever the provider changes: a pure
check, no file is read again, so the list follows the provider at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hailuo_desktop.domain.catalog import ImageRules
from hailuo_desktop.domain.images import ImageFacts, ImageVerdict, Problem, check_facts
from hailuo_desktop.domain.sources import ImageSource, is_url

from ..viewports import own_viewport
from .colors import OK_GREEN, PROBLEM_RED
from .problem_words import problem_text

DETAILS_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2
# "ok", "bad", "url" (no facts: the provider checks it) or "checking" (a local file whose header
# or whose pixels are still being read: it is not counted by Generate until both are done)
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 4
KEY_ROLE = Qt.ItemDataRole.UserRole + 5
THUMB = 64  # logical pixels in the list
THUMBNAIL_PIXELS = 2 * THUMB  # what the controller should load, so HiDPI screens stay sharp


def display_name(key: str) -> str:
    source = ImageSource.of(key)
    if source.is_data:
        return source.mime or "data:"
    if source.is_url:
        parts = urlsplit(key)
        return parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc
    return key.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


@dataclass
class ImageEntry:
    key: str
    facts: ImageFacts | None
    pixmap: QPixmap | None = None
    verdict: ImageVerdict | None = None
    decoding: bool = False  # the header verdict is shown; the full decode is still running
    damage: Problem | None = None  # what the full decode found (the same for every provider)

    @property
    def state(self) -> str:
        if self.verdict is None:
            return "url" if is_url(self.key) else "checking"
        if not self.verdict.ok:
            return "bad"
        return "checking" if self.decoding else "ok"

    @property
    def accepted(self) -> bool:
        """URL images without facts count as accepted: only the provider can check them."""
        return self.state in ("ok", "url")


class ImageListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[ImageEntry] = []
        self._rows: dict[str, int] = {}  # key -> row, so a folder of thousands adds in linear time
        self._rules: ImageRules | None = None
        self._provider_name = ""

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        getter = {
            Qt.ItemDataRole.DisplayRole: lambda: display_name(entry.key),
            Qt.ItemDataRole.DecorationRole: lambda: entry.pixmap,
            Qt.ItemDataRole.ToolTipRole: lambda: self._tooltip(entry),
            DETAILS_ROLE: lambda: self._details(entry),
            VERDICT_ROLE: lambda: self._verdict_text(entry),
            STATE_ROLE: lambda: entry.state,
            PROBLEMS_ROLE: lambda: [problem_text(p) for p in entry.verdict.problems] if entry.verdict else [],
            KEY_ROLE: lambda: entry.key,
        }.get(role)
        return getter() if getter else None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:
        """Listed images dragged out (onto the Start or End slot, or elsewhere) as their files or URLs."""
        keys = [self._entries[i.row()].key for i in indexes if i.isValid()]
        mime = QMimeData()
        mime.setUrls([QUrl(key) if is_url(key) else QUrl.fromLocalFile(key) for key in dict.fromkeys(keys)])
        return mime

    # --- changes -----------------------------------------------------------------------
    def add(
        self, key: str, facts: ImageFacts | None, thumbnail: QImage | None = None, *, decoding: bool = False
    ) -> None:
        """Add an image, or update it when the key is already listed.

        `decoding`: the facts come from the header and the full decode is still running; the
        image shows its header verdict but is not accepted until `set_decoded`.
        """
        entry = ImageEntry(key, facts, self._pixmap(thumbnail), decoding=decoding and facts is not None)
        entry.verdict = self._check(entry)
        row = self.row_of(key)
        if row is not None:
            entry.pixmap = entry.pixmap or self._entries[row].pixmap
            self._entries[row] = entry
            self._changed(row)
            return
        self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
        self._rows[key] = len(self._entries)
        self._entries.append(entry)
        self.endInsertRows()

    def set_decoded(self, key: str, damage: Problem | None) -> None:
        """The full decode is done: `damage` says what it found (None: every pixel is sound)."""
        row = self.row_of(key)
        if row is None:
            return  # removed while it was being decoded
        entry = self._entries[row]
        entry.decoding, entry.damage = False, damage
        entry.verdict = self._check(entry)
        self._changed(row)

    def set_thumbnail(self, key: str, image: QImage) -> None:
        row = self.row_of(key)
        if row is not None:
            self._entries[row].pixmap = self._pixmap(image)
            self._changed(row)

    def remove(self, key: str) -> bool:
        row = self.row_of(key)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self._rows = {e.key: number for number, e in enumerate(self._entries)}
        self.endRemoveRows()
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self._rows.clear()
        self.endResetModel()

    def set_rules(self, rules: ImageRules, provider_name: str) -> None:
        """Re-check every image against another provider's rules (pure: no file is read)."""
        self._rules, self._provider_name = rules, provider_name
        for entry in self._entries:
            entry.verdict = self._check(entry)
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    # --- queries -----------------------------------------------------------------------
    def row_of(self, key: str) -> int | None:
        return self._rows.get(key)

    def entry(self, row: int) -> ImageEntry:
        return self._entries[row]

    def keys(self) -> list[str]:
        return [e.key for e in self._entries]

    def accepted_keys(self) -> list[str]:
        return [e.key for e in self._entries if e.accepted]

    def checking_count(self) -> int:
        return sum(1 for e in self._entries if e.state == "checking")

    # --- helpers -----------------------------------------------------------------------
    def _check(self, entry: ImageEntry) -> ImageVerdict | None:
        if entry.facts is None or self._rules is None:
            return None
        verdict = check_facts(entry.facts, self._rules)
        if entry.damage is None:
            return verdict
        return ImageVerdict(verdict.facts, verdict.problems + (entry.damage,))

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row), self.index(row))

    @staticmethod
    def _pixmap(image: QImage | None) -> QPixmap | None:
        return QPixmap.fromImage(image) if image is not None and not image.isNull() else None

    def _details(self, entry: ImageEntry) -> str:
        facts = entry.facts
        if facts is None:
            return self.tr("from %1").replace("%1", urlsplit(entry.key).netloc) if is_url(entry.key) else ""
        parts = [facts.format or self.tr("unknown format")]
        if facts.width and facts.height:
            parts.append(f"{facts.width}×{facts.height}")
        if facts.bytes is not None:
            parts.append(human_size(facts.bytes))
        return " · ".join(parts)

    def _verdict_text(self, entry: ImageEntry) -> str:
        if entry.state == "url":
            return self.tr("Checked by the provider")
        if entry.state == "checking" and entry.verdict is not None:
            return "✓ " + self.tr("Fits %1 · checking every pixel…").replace("%1", self._provider_name)
        if entry.state == "checking":
            return self.tr("Checking…")
        if entry.state == "ok":
            return "✓ " + self.tr("Accepted by %1").replace("%1", self._provider_name)
        problems = entry.verdict.problems
        more = self.tr(" (+%n more)", "", len(problems) - 1) if len(problems) > 1 else ""
        return "✗ " + problem_text(problems[0]) + more

    def _tooltip(self, entry: ImageEntry) -> str:
        lines = [entry.key, self._details(entry)]
        if entry.state == "bad":
            lines.append(self.tr("Refused by %1:").replace("%1", self._provider_name))
            lines += ["• " + problem_text(p) for p in entry.verdict.problems]
        else:
            lines.append(self._verdict_text(entry))
        return "\n".join(line for line in lines if line)


class ImageDelegate(QStyledItemDelegate):
    """Thumbnail on the left; name, details and verdict on three lines; refused ones marked red."""

    MARGIN = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text_height = 3 * option.fontMetrics.lineSpacing()
        return QSize(240, max(THUMB, text_height) + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        painter.save()
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        bad = index.data(STATE_ROLE) == "bad"
        if bad:
            painter.fillRect(
                QRect(option.rect.left(), option.rect.top() + 2, 3, option.rect.height() - 4), QColor(PROBLEM_RED)
            )
        thumb = QRect(option.rect.left() + self.MARGIN + 2, option.rect.top() + self.MARGIN, THUMB, THUMB)
        self._paint_thumbnail(painter, option, thumb, index.data(Qt.ItemDataRole.DecorationRole))
        text = option.rect.adjusted(
            thumb.right() + 1 + self.MARGIN - option.rect.left(), self.MARGIN, -self.MARGIN, -self.MARGIN
        )
        self._paint_lines(painter, option, text, index)
        painter.restore()

    def _paint_thumbnail(self, painter: QPainter, option, rect: QRect, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            return
        size = pixmap.deviceIndependentSize().toSize().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(rect.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, pixmap)

    def _paint_lines(self, painter: QPainter, option, rect: QRect, index: QModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        line = option.fontMetrics.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        state = index.data(STATE_ROLE)
        # Red/green do not read on the highlight colour; the red bar and the mark still show.
        verdict_color = (
            option.palette.color(text_role)
            if selected
            else {"ok": QColor(OK_GREEN), "bad": QColor(PROBLEM_RED)}.get(state, option.palette.color(text_role))
        )
        lines = [
            (index.data(Qt.ItemDataRole.DisplayRole), bold, option.palette.color(text_role)),
            (index.data(DETAILS_ROLE), option.font, option.palette.color(text_role)),
            (index.data(VERDICT_ROLE), option.font, verdict_color),
        ]
        top = rect.top() + max(0, (rect.height() - 3 * line) // 2)
        for number, (text, font, color) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(color)
            elided = painter.fontMetrics().elidedText(text or "", Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), top + number * line, rect.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )


class ImageListView(QListView):
    """The drop zone: says what to do while empty; Delete removes the selected images."""

    delete_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        own_viewport(self)  # reading it back must not load every widget class (ui/viewports.py)
        self._placeholder = ""
        self.setItemDelegate(ImageDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumHeight(THUMB * 2 + 24)
        self.setDragEnabled(True)  # onto the Start or End slot
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setAccessibleName(self.tr("Images"))

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def selected_keys(self) -> list[str]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.model().index(row, 0).data(KEY_ROLE) for row in rows]

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self._placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
