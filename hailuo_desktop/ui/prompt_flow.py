"""Prompts in the window: earlier prompts while typing and in a searchable history, named
presets (prompt, model, settings, camera moves), and the per-image prompt table with its
CSV import. The store, the presets file and the CSV file are read off the GUI thread.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit
from qasync import asyncSlot

from ..services.presets import MAX_NAME, Preset, PresetStore
from .compose.camera import camera_brackets
from .compose.history import HistoryDialog, PromptCompleter
from .context import AppContext
from .dialogs import confirm, run_dialog
from .main_window import MainWindow
from .slots import ErrorReporter, SlotTasks, reports_errors

if TYPE_CHECKING:
    from .compose.prompt_table_dialog import PromptTableDialog  # imported when the table first opens

HISTORY_SIZE = 500
STATUS_MS = 6000


class PromptFlow(QObject):
    history_loaded = Signal(int)  # how many earlier prompts are offered now
    presets_changed = Signal(list)  # the presets now listed
    dialog_opened = Signal(object)  # a dialog this flow opened (history, name, CSV file, table): tests drive it

    def __init__(
        self, window: MainWindow, context: AppContext, errors: ErrorReporter, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.compose = window.compose
        self.context = context
        self.errors = errors
        self.slot_tasks = SlotTasks()
        self.presets = PresetStore(context.paths.presets)
        self.history: list[str] = []
        self.completer = PromptCompleter(self.compose.prompt.edit)
        self.completer.chosen.connect(self.compose.prompt.set_text)
        self.compose.prompt.history_requested.connect(self.open_history)
        bar = self.compose.presets_bar
        bar.apply_requested.connect(self.apply_preset)
        bar.save_requested.connect(self.save_preset)
        bar.delete_requested.connect(self.delete_preset)
        self.compose.prompts_requested.connect(self.open_prompt_table)

    async def start(self) -> None:
        await asyncio.gather(self.refresh_history(), self.refresh_presets())

    # --- history -----------------------------------------------------------------------
    async def refresh_history(self) -> None:
        self.history = await asyncio.to_thread(self.context.store.recent_prompts, HISTORY_SIZE)
        self.completer.set_prompts(self.history)
        self.history_loaded.emit(len(self.history))

    @asyncSlot(list)
    @reports_errors
    async def on_submitted(self, _tasks: list) -> None:
        await self.refresh_history()

    @asyncSlot()
    @reports_errors
    async def open_history(self) -> None:
        await self.refresh_history()
        dialog = HistoryDialog(self.history, self.window)
        self.dialog_opened.emit(dialog)
        if await run_dialog(dialog) and dialog.chosen() is not None:
            self.compose.prompt.set_text(dialog.chosen())
            self.compose.prompt.edit.setFocus()

    # --- presets -----------------------------------------------------------------------
    async def refresh_presets(self, current: str | None = None) -> None:
        presets = await asyncio.to_thread(self.presets.load)
        self.compose.presets_bar.set_presets(presets, current)
        for issue in self.presets.issues:
            self._say(
                self.tr("A saved preset could not be read and was left out ({why}).").format(
                    why=issue.params.get("reason", issue.problem.value)
                )
            )
        self.presets_changed.emit(presets)

    @Slot(object)
    def apply_preset(self, preset: Preset) -> None:
        prompt = preset.prompt or self.compose.prompt.text()  # a preset of settings alone keeps the prompt
        self.compose.apply_settings(
            preset.provider,
            preset.model,
            preset.mode,
            preset.duration,
            preset.resolution,
            prompt,
            preset.prompt_optimizer,
            preset.kind,
        )
        self._say(self.tr("Preset “{name}” applied.").format(name=preset.name))

    def current_preset(self, name: str) -> Preset:
        """What compose holds now, as a preset called `name`."""
        picker, prompt = self.compose.picker, self.compose.prompt.text()
        spec = picker.spec()
        return Preset(
            name=name,
            provider=spec.provider,
            model=spec.model,
            kind=spec.kind,
            mode=spec.mode,
            duration=picker.duration(),
            resolution=picker.resolution(),
            prompt_optimizer=picker.prompt_optimizer(),
            prompt=prompt,
            camera=tuple(camera_brackets(prompt)),
        )

    @asyncSlot()
    @reports_errors
    async def save_preset(self) -> None:
        name = await self._ask_name()
        if not name:
            return
        if await asyncio.to_thread(self.presets.find, name) is not None and not await confirm(
            self.window,
            self.tr("Replace the preset?"),
            self.tr("A preset called “{name}” exists. Replace it with what compose holds now?").format(name=name),
            self.tr("Replace"),
            self.tr("Keep it"),
        ):
            return
        saved = await asyncio.to_thread(self.presets.save, self.current_preset(name))
        await self.refresh_presets(current=saved.name)
        self._say(self.tr("Preset “{name}” saved.").format(name=saved.name))

    async def _ask_name(self) -> str | None:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Save as preset"))
        dialog.setLabelText(self.tr("Name of the preset (the prompt, model, settings and camera moves are saved):"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        chosen = self.compose.presets_bar.chosen()
        dialog.setTextValue(chosen.name if chosen else "")
        dialog.findChild(QLineEdit).setMaxLength(MAX_NAME)
        self.dialog_opened.emit(dialog)
        if not await run_dialog(dialog):
            return None
        return dialog.textValue().strip() or None

    @asyncSlot(str)
    @reports_errors
    async def delete_preset(self, name: str) -> None:
        if not await confirm(
            self.window,
            self.tr("Delete the preset?"),
            self.tr("Delete the preset “{name}”? Tasks made with it are not touched.").format(name=name),
            self.tr("Delete"),
            self.tr("Keep it"),
        ):
            return
        await asyncio.to_thread(self.presets.delete, name)
        await self.refresh_presets()

    # --- prompts per image -------------------------------------------------------------
    @asyncSlot()
    @reports_errors
    async def open_prompt_table(self) -> None:
        keys = self.compose.image_keys()
        if not keys:
            self._say(self.tr("Add images first: the table gives each listed image its own prompt."))
            return
        from .compose.prompt_table_dialog import PromptTableDialog

        dialog = PromptTableDialog(keys, self.compose.image_prompts, self.window)
        dialog.csv_requested.connect(lambda: self.fill_from_csv(dialog, keys))
        self.dialog_opened.emit(dialog)
        if await run_dialog(dialog):
            self.compose.set_image_prompts(dialog.prompts())

    @asyncSlot(object, list)
    @reports_errors
    async def fill_from_csv(self, table: PromptTableDialog, keys: list[str]) -> None:
        chooser = QFileDialog(table, self.tr("Prompts from a CSV file"), "", self.tr("CSV files (*.csv *.tsv *.txt)"))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same dialog everywhere, and testable
        self.dialog_opened.emit(chooser)
        if not await run_dialog(chooser) or not chooser.selectedFiles():
            return
        path = chooser.selectedFiles()[0]
        from ..services.prompt_table import match_images, read_table

        parsed = await asyncio.to_thread(read_table, path)
        matched = match_images(parsed, keys)
        table.fill(matched.prompts, matched.issues)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)
