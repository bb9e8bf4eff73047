"""What Generate would submit, or why it cannot: pure, so every rule is easy to test.

Batch: one request per accepted image. Variants (N > 1): N requests for the one selected
image. Text-to-video: N requests with no image.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from hailuo_desktop.domain.catalog import ModelSpec
from hailuo_desktop.domain.request import GenerationRequest, request_problems


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComposeOrder", text)


@dataclass(frozen=True)
class ComposeOrder:
    """What the panel asks the controller to submit."""

    requests: list[GenerationRequest]
    variants: int
    provider: str


@dataclass(frozen=True)
class Draft:
    """Everything the compose panel currently shows."""

    provider: str
    provider_name: str
    spec: ModelSpec
    prompt: str
    duration: int | None = None
    resolution: str | None = None
    prompt_optimizer: bool | None = None
    end_frame: str | None = None
    accepted: list[str] = field(default_factory=list)  # keys of accepted images, in list order
    listed: int = 0  # every image in the list, accepted or not
    checking: int = 0  # local images whose facts have not arrived yet
    selected: list[str] = field(default_factory=list)  # accepted keys the user selected
    variants: int = 1
    prompt_problems: list[str] = field(default_factory=list)  # from the prompt editor


@dataclass(frozen=True)
class Plan:
    order: ComposeOrder | None
    reason: str | None  # why Generate is disabled
    count: int  # how many videos the click would make (for the cost line)


def _start_images(draft: Draft) -> list[str]:
    return [key for key in draft.accepted if key != draft.end_frame]


def sources(draft: Draft) -> tuple[list[str | None], str | None]:
    """The image of each request to make, or the reason there is none."""
    if not draft.spec.needs_image:
        return [None] * draft.variants, None
    starts = _start_images(draft)
    if draft.checking:
        # Wait for every verdict: a batch sent half-checked would silently leave images out.
        return [], _tr("Checking the images…")
    if draft.listed == 0:
        return [], _tr("Add an image to animate: drop it here, paste it or press Ctrl+O.")
    if not starts and draft.accepted:
        return [], _tr("Add a start image: the only accepted image is the end frame.")
    if not starts:
        return [], _tr("No image here can be sent to %1; see the problems listed.").replace("%1", draft.provider_name)
    if draft.variants == 1:
        return list(starts), None
    chosen = [key for key in draft.selected if key in starts] or (starts if len(starts) == 1 else [])
    if len(chosen) != 1:
        return [], _tr("Select the one image to make variants of.")
    return [chosen[0]] * draft.variants, None


def _request(draft: Draft, image: str | None) -> GenerationRequest:
    return GenerationRequest(draft.spec, draft.prompt, image=image, end_image=draft.end_frame,
                             duration=draft.duration, resolution=draft.resolution,
                             prompt_optimizer=draft.prompt_optimizer)


def plan(draft: Draft) -> Plan:
    images, reason = sources(draft)
    count = len(images)
    if reason is None and not draft.prompt.strip():
        reason = _tr("Write a prompt.")
    if reason is None and draft.prompt_problems:
        reason = draft.prompt_problems[0]
    requests = [_request(draft, image) for image in images]
    if reason is None:
        reason = next((problem for request in requests for problem in request_problems(request)), None)
    if reason is not None:
        return Plan(None, reason, count)
    return Plan(ComposeOrder(requests, draft.variants, draft.provider), None, count)
