"""Presets in compose: pick one to apply its prompt, model, settings and camera moves; save
what compose holds now under a name; delete one. Only shows and asks: the prompt flow
reads and writes the presets file (services.presets) off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from hailuo_desktop.domain import catalog
from hailuo_desktop.services.presets import Preset


class PresetBar(QWidget):
    apply_requested = Signal(object)  # Preset
    save_requested = Signal()
    delete_requested = Signal(str)  # the preset's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presets: list[Preset] = []
        label = QLabel(self.tr("Pre&set"), self)
        self.box = QComboBox(self)
        self.box.setToolTip(self.tr("Apply a saved prompt, model, settings and camera moves"))
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(12)
        label.setBuddy(self.box)
        self.save = QToolButton(self)
        self.save.setText(self.tr("Save…"))
        self.save.setToolTip(self.tr("Save the prompt, model, settings and camera moves under a name"))
        self.delete = QToolButton(self)
        self.delete.setText(self.tr("Delete"))
        self.delete.setToolTip(self.tr("Delete the chosen preset"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.box, 1)
        row.addWidget(self.save)
        row.addWidget(self.delete)
        self.box.activated.connect(self._on_activated)
        self.save.clicked.connect(self.save_requested)
        self.delete.clicked.connect(self._on_delete)
        self.box.currentIndexChanged.connect(lambda _i: self._refresh())
        self.set_presets([])

    def set_presets(self, presets: list[Preset], current: str | None = None) -> None:
        self.presets = list(presets)
        self.box.blockSignals(True)
        self.box.clear()
        self.box.addItem(self.tr("Choose a preset…") if presets else self.tr("No presets yet"), None)
        for preset in presets:
            self.box.addItem(preset.name, preset.name)
            self.box.setItemData(self.box.count() - 1, describe(preset), Qt.ItemDataRole.ToolTipRole)
        index = self.box.findData(current) if current else 0
        self.box.setCurrentIndex(max(0, index))
        self.box.blockSignals(False)
        self._refresh()

    def chosen(self) -> Preset | None:
        name = self.box.currentData()
        return next((p for p in self.presets if p.name == name), None)

    def choose(self, name: str) -> None:
        """Select a preset by name and apply it, as a click on it does."""
        index = self.box.findData(name)
        if index > 0:
            self.box.setCurrentIndex(index)
            self._on_activated(index)

    def _on_activated(self, index: int) -> None:
        preset = self.chosen()
        if preset is not None:
            self.apply_requested.emit(preset)

    def _on_delete(self) -> None:
        preset = self.chosen()
        if preset is not None:
            self.delete_requested.emit(preset.name)

    def _refresh(self) -> None:
        self.delete.setEnabled(self.chosen() is not None)
        self.box.setEnabled(bool(self.presets))


def describe(preset: Preset) -> str:
    """What a preset holds, for its tooltip."""
    try:
        label = catalog.find_model(preset.provider, preset.model, preset.mode, preset.kind).label
        name = catalog.provider(preset.provider).name
    except catalog.CatalogError:
        label, name = preset.model, preset.provider
    settings = " · ".join(filter(None, [f"{preset.duration} s" if preset.duration else "", preset.resolution or ""]))
    lines = [f"{name} · {label}" + (f" · {settings}" if settings else "")]
    if preset.camera:
        lines.append(" ".join(preset.camera))
    if preset.prompt:
        lines.append(preset.prompt)
    return "\n".join(lines)
