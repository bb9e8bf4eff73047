"""Provider -> model -> mode, duration, resolution and prompt optimizer.

Everything comes from the catalog. A combination the provider refuses stays in the list
but disabled, with the reason in its tooltip and in a hint under the controls, so the
user learns why instead of wondering where an option went.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from hailuo_desktop.domain import catalog
from hailuo_desktop.domain.catalog import ModelSpec
from hailuo_desktop.domain.request import forbidden_reason

FAMILY_NAMES = {"2.3": "Hailuo 2.3", "2.3-fast": "Hailuo 2.3 Fast", "02": "Hailuo 02"}


def _set_item_state(combo: QComboBox, index: int, reason: str | None) -> None:
    """Enable an item, or disable it with the reason as its tooltip."""
    combo.model().item(index).setEnabled(reason is None)
    combo.setItemData(index, reason, Qt.ItemDataRole.ToolTipRole)


class ModelPicker(QWidget):
    changed = Signal()
    provider_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._build_controls()
        self._lay_out()
        self._fill_providers()
        self._connect()
        self._on_provider()

    # --- construction ------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.provider_box = self._combo(self.tr("The API provider that runs and bills the generation."))
        self.model_box = self._combo(self.tr("The Hailuo model generation."))
        self.mode_box = self._combo(self.tr("Quality tier, and whether the video starts from an image or from text."))
        self.duration_box = self._combo(self.tr("Length of each video."))
        self.resolution_box = self._combo(self.tr("Resolution of each video."))
        self.optimizer_box = QCheckBox(self.tr("Let the provider refine the &prompt"), self)
        self.optimizer_box.setChecked(True)
        self._optimizer_wanted = True  # shown unchecked while a model has no optimizer
        self._end_frame_used = False  # the End slot holds a frame: resolutions refusing one are greyed
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def _combo(self, tooltip: str) -> QComboBox:
        box = QComboBox(self)
        box.setToolTip(tooltip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        return box

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._add_pair(grid, 0, 0, self.tr("Pro&vider"), self.provider_box, span=3)
        self._add_pair(grid, 1, 0, self.tr("&Model"), self.model_box, span=3)
        self._add_pair(grid, 2, 0, self.tr("M&ode"), self.mode_box, span=3)
        self._add_pair(grid, 3, 0, self.tr("&Duration"), self.duration_box)
        self._add_pair(grid, 3, 2, self.tr("&Resolution"), self.resolution_box)
        grid.addWidget(self.optimizer_box, 4, 0, 1, 4)
        grid.addWidget(self.hint, 5, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def _add_pair(self, grid: QGridLayout, row: int, column: int, text: str, box: QComboBox, span: int = 1) -> None:
        label = QLabel(text, self)
        label.setBuddy(box)
        grid.addWidget(label, row, column)
        grid.addWidget(box, row, column + 1, 1, span)

    def _connect(self) -> None:
        self.provider_box.currentIndexChanged.connect(self._on_provider)
        self.model_box.currentIndexChanged.connect(self._on_family)
        self.mode_box.currentIndexChanged.connect(self._on_mode)
        self.duration_box.currentIndexChanged.connect(self._on_duration_or_resolution)
        self.resolution_box.currentIndexChanged.connect(self._on_duration_or_resolution)
        self.optimizer_box.toggled.connect(self._on_optimizer)

    # --- what is chosen ----------------------------------------------------------------
    def provider(self) -> str:
        return self.provider_box.currentData()

    def spec(self) -> ModelSpec:
        return self.mode_box.currentData()

    def duration(self) -> int | None:
        """The chosen duration, or None when the mode has a fixed one."""
        return self.duration_box.currentData() if self.spec().durations else None

    def resolution(self) -> str | None:
        """The chosen resolution, or None when the model takes none."""
        return self.resolution_box.currentData() if self.spec().resolutions else None

    def prompt_optimizer(self) -> bool | None:
        return self.optimizer_box.isChecked() if self.spec().prompt_optimizer else None

    def end_frame_refusal(self) -> str | None:
        """Why the chosen model takes no end frame at the chosen resolution (None: it does)."""
        spec = self.spec()
        if not spec.end_frame:
            return None
        return self._no_end_frame_reason(spec, self.resolution())

    def set_end_frame_used(self, used: bool) -> None:
        """The End slot holds a frame: grey out the resolutions that refuse one."""
        if used != self._end_frame_used:
            self._end_frame_used = used
            self._refresh_forbidden()

    def _no_end_frame_reason(self, spec: ModelSpec, resolution: str | None) -> str | None:
        chosen = spec.effective_resolution(resolution) or ""
        if chosen.upper() not in {r.upper() for r in spec.no_end_frame_at}:
            return None
        return (
            self.tr("%1 takes no end frame at %2: choose another resolution to end on a frame.")
            .replace("%1", catalog.provider(spec.provider).name)
            .replace("%2", chosen)
        )

    def select(
        self,
        provider: str,
        model: str,
        mode: str | None = None,
        duration: int | None = None,
        resolution: str | None = None,
        prompt_optimizer: bool | None = None,
        kind: str | None = None,
    ) -> None:
        """Choose these settings (reuse of a task's settings); unknown values fall back to defaults."""
        spec = self._known_spec(provider, model, mode, kind)
        provider = spec.provider
        self._filling = True
        try:
            self._select_data(self.provider_box, provider)
            self._fill_families(spec.family)
            self._fill_modes(spec)
            self._fill_durations(duration)
            self._fill_resolutions(resolution)
            if prompt_optimizer is not None:
                self._optimizer_wanted = prompt_optimizer
        finally:
            self._filling = False
        self._after_mode()
        self.provider_changed.emit(provider)
        self.changed.emit()

    def _known_spec(self, provider: str, model: str, mode: str | None, kind: str | None) -> ModelSpec:
        """The catalog entry, or the provider's default when the catalog no longer has it."""
        try:
            return catalog.find_model(provider, model, mode, kind)
        except catalog.CatalogError:
            return catalog.default_preset(provider)[0] if provider in catalog.PROVIDERS else self.spec()

    # --- filling the lists -------------------------------------------------------------
    def _fill_providers(self) -> None:
        for spec in catalog.PROVIDERS.values():
            self.provider_box.addItem(spec.name, spec.id)

    def _fill_families(self, keep: str | None, kind: str | None = None) -> None:
        """List the provider's model families; keep the family, else one offering the same kind."""
        specs = catalog.models_for(self.provider())
        self.model_box.clear()
        for family in dict.fromkeys(m.family for m in specs):
            self.model_box.addItem(FAMILY_NAMES.get(family, family), family)
        same_kind = [m.family for m in specs if m.kind == kind]
        wanted = keep if keep in {m.family for m in specs} else (same_kind[0] if same_kind else None)
        self._select_data(self.model_box, wanted)

    def _fill_modes(self, keep: ModelSpec | None) -> None:
        family = self.model_box.currentData()
        specs = [m for m in catalog.models_for(self.provider()) if m.family == family]
        self.mode_box.clear()
        for spec in specs:
            self.mode_box.addItem(self._mode_label(spec), spec)
            native = " · ".join(filter(None, (spec.model, spec.mode)))
            self.mode_box.setItemData(self.mode_box.count() - 1, native, Qt.ItemDataRole.ToolTipRole)
        if not any(s.kind == "t2v" for s in specs):
            self._add_refused_text_mode(family)
        if keep is not None:
            self._select_data(self.mode_box, self._closest(specs, keep))

    def _add_refused_text_mode(self, family: str) -> None:
        self.mode_box.addItem(self.tr("Text to video"), None)
        reason = (
            self.tr("%1 on %2 only animates images.")
            .replace("%1", FAMILY_NAMES.get(family, family))
            .replace("%2", catalog.provider(self.provider()).name)
        )
        _set_item_state(self.mode_box, self.mode_box.count() - 1, reason)

    @staticmethod
    def _closest(specs: list[ModelSpec], keep: ModelSpec) -> ModelSpec:
        """The same spec if listed, else one with the same tier and kind, else the first."""
        for match in (
            lambda s: s == keep,
            lambda s: (s.tier, s.kind) == (keep.tier, keep.kind),
            lambda s: s.kind == keep.kind,
        ):
            found = [s for s in specs if match(s)]
            if found:
                return found[0]
        return specs[0]

    def _mode_label(self, spec: ModelSpec) -> str:
        tier = self.tr("Pro") if spec.tier == "pro" else self.tr("Standard")
        kind = self.tr("image to video") if spec.needs_image else self.tr("text to video")
        return f"{tier} · {kind}"

    def _fill_durations(self, keep: int | None) -> None:
        spec = self.spec()
        self.duration_box.clear()
        if spec.fixed_duration is not None:
            self.duration_box.addItem(
                self.tr("%1 s (fixed)").replace("%1", str(spec.fixed_duration)), spec.fixed_duration
            )
            self._fix(
                self.duration_box,
                self.tr("%1 always makes %2 s videos.")
                .replace("%1", spec.label)
                .replace("%2", str(spec.fixed_duration)),
            )
            return
        for seconds in spec.durations:
            self.duration_box.addItem(self.tr("%1 s").replace("%1", str(seconds)), seconds)
        self.duration_box.setEnabled(True)
        self.duration_box.setToolTip(self.tr("Length of each video."))
        wanted = keep if keep in spec.durations else spec.effective_duration(None)
        self._select_data(self.duration_box, wanted)

    def _fill_resolutions(self, keep: str | None) -> None:
        spec = self.spec()
        self.resolution_box.clear()
        if not spec.resolutions:
            fixed = spec.fixed_resolution
            self.resolution_box.addItem(fixed or self.tr("Set by the provider"), fixed)
            why = (
                self.tr("%1 always renders at %2.").replace("%2", fixed)
                if fixed
                else self.tr("%1 takes no resolution setting.")
            )
            self._fix(self.resolution_box, why.replace("%1", spec.label))
            return
        for resolution in spec.resolutions:
            self.resolution_box.addItem(resolution, resolution)
        self.resolution_box.setEnabled(True)
        self.resolution_box.setToolTip(self.tr("Resolution of each video."))
        self._select_allowed_resolution(keep)

    def _select_allowed_resolution(self, keep: str | None) -> None:
        spec = self.spec()
        duration = spec.effective_duration(self.duration())
        candidates = [keep, spec.effective_resolution(None), *spec.resolutions]
        allowed = [r for r in candidates if r in spec.resolutions and not forbidden_reason(spec, duration, r)]
        self._select_data(self.resolution_box, allowed[0] if allowed else spec.resolutions[0])

    @staticmethod
    def _fix(box: QComboBox, reason: str) -> None:
        box.setEnabled(False)
        box.setToolTip(reason)

    @staticmethod
    def _select_data(box: QComboBox, data) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

    # --- reacting ----------------------------------------------------------------------
    def _on_provider(self) -> None:
        if not self._filling:
            self._rebuild(families=True, modes=True)
            self.provider_changed.emit(self.provider())
            self.changed.emit()

    def _on_family(self) -> None:
        if not self._filling:
            self._rebuild(families=False, modes=True)
            self.changed.emit()

    def _on_mode(self) -> None:
        if not self._filling:
            self._rebuild(families=False, modes=False)
            self.changed.emit()

    def _rebuild(self, *, families: bool, modes: bool) -> None:
        """Refill the lists below the one the user changed, keeping what still applies."""
        previous = self.mode_box.currentData()
        self._filling = True
        try:
            if families:
                self._fill_families(previous.family if previous else None, previous.kind if previous else None)
            if modes:
                self._fill_modes(previous)
            self._refill_options()
        finally:
            self._filling = False
        self._after_mode()

    def _refill_options(self) -> None:
        keep_duration, keep_resolution = self.duration_box.currentData(), self.resolution_box.currentData()
        self._fill_durations(keep_duration)
        self._fill_resolutions(keep_resolution)

    def _on_duration_or_resolution(self) -> None:
        if self._filling:
            return
        self._refresh_forbidden()
        self.changed.emit()

    def _on_optimizer(self, checked: bool) -> None:
        if self.optimizer_box.isEnabled():
            self._optimizer_wanted = checked
        self._emit_changed()

    def _emit_changed(self) -> None:
        if not self._filling:
            self.changed.emit()

    def _after_mode(self) -> None:
        spec = self.spec()
        self._filling = True
        self.optimizer_box.setEnabled(spec.prompt_optimizer)
        self.optimizer_box.setChecked(spec.prompt_optimizer and self._optimizer_wanted)
        self._filling = False
        self.optimizer_box.setToolTip(
            self.tr("The provider rewrites the prompt for better results; turn off to send it word for word.")
            if spec.prompt_optimizer
            else self.tr("%1 has no prompt optimizer.").replace("%1", spec.label)
        )
        self._refresh_forbidden()

    def _refresh_forbidden(self) -> None:
        """Disable each duration/resolution that cannot go with the other's current value."""
        spec = self.spec()
        reasons = []
        if spec.durations and spec.resolutions:
            reasons += self._disable_refused(
                self.duration_box, lambda d: forbidden_reason(spec, d, self.resolution_box.currentData())
            )
            reasons += self._disable_refused(
                self.resolution_box,
                lambda r: (
                    forbidden_reason(spec, self.duration_box.currentData(), r) or self._end_frame_conflict(spec, r)
                ),
            )
        elif spec.resolutions and self._end_frame_used:
            reasons += self._disable_refused(self.resolution_box, lambda r: self._end_frame_conflict(spec, r))
        if spec.fixed_duration is not None:
            reasons.insert(0, self.duration_box.toolTip())
        self.hint.setText("\n".join(dict.fromkeys(reasons)))
        self.hint.setVisible(bool(reasons))

    def _end_frame_conflict(self, spec: ModelSpec, resolution: str | None) -> str | None:
        return self._no_end_frame_reason(spec, resolution) if self._end_frame_used and spec.end_frame else None

    @staticmethod
    def _disable_refused(box: QComboBox, reason_for) -> list[str]:
        reasons = []
        for index in range(box.count()):
            reason = None if index == box.currentIndex() else reason_for(box.itemData(index))
            _set_item_state(box, index, reason)
            if reason:
                reasons.append(reason)
        return reasons
