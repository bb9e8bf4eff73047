"""Reading compose's widgets into a Draft for the order planner."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QSpinBox

from hailuo_desktop.domain import catalog

from .frames_slots import FrameRole, FramesSlots
from .image_list import ImageListModel, ImageListView
from .model_picker import ModelPicker
from .order import Draft
from .prompt_editor import PromptEditor


class ComposeWidgets(Protocol):
    """What of compose a draft is read from (ComposePanel has these)."""

    picker: ModelPicker
    images: ImageListModel
    image_view: ImageListView
    frames: FramesSlots
    prompt: PromptEditor
    variants: QSpinBox
    image_prompts: dict[str, str]
    image_parents: dict[str, str]


def read_draft(panel: ComposeWidgets) -> Draft:
    """What compose holds now, as the order planner reads it (no I/O, no side effect but the
    End slot's "used" mark on the model picker)."""
    picker = panel.picker
    accepted = panel.images.accepted_keys()
    name = catalog.provider(picker.provider()).name
    start, end, frame_problem = panel.frames.sync(panel.images, picker.end_frame_refusal(), name)
    slots = picker.spec().end_frame and picker.spec().needs_image
    picker.set_end_frame_used(bool(slots and panel.frames.key(FrameRole.END)))
    return Draft(
        provider=picker.provider(),
        provider_name=name,
        spec=picker.spec(),
        prompt=panel.prompt.text(),
        duration=picker.duration(),
        resolution=picker.resolution(),
        prompt_optimizer=picker.prompt_optimizer(),
        end_frame=end if slots else None,
        start_frame=start if slots else None,
        frame_problem=frame_problem if slots else None,
        prompts=panel.image_prompts,
        parents=panel.image_parents,
        accepted=accepted,
        listed=panel.images.rowCount(),
        checking=panel.images.checking_count(),
        selected=[k for k in panel.image_view.selected_keys() if k in accepted],
        variants=panel.variants.value(),
        prompt_problems=panel.prompt.problems(),
    )
