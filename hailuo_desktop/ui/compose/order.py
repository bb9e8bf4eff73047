"""What Generate would submit, or why it cannot: pure, so every rule is easy to test.

Batch: one request per accepted image. Variants (N > 1): N requests for each selected
image, or for each accepted image when none is selected. Text-to-video: N requests with no
image. A model with a last frame: the Start slot, when filled, is the one start image; the
End slot's image ends every video. An image may carry its own prompt (the prompt table) and
the take it continues (its parent).
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
    parents: list[str | None] = field(default_factory=list)  # per request: the take it continues

    def parent_groups(self) -> list[tuple[str | None, list[GenerationRequest]]]:
        """The requests grouped by the take they continue, in order (one create call each)."""
        groups: dict[str | None, list[GenerationRequest]] = {}
        parents = self.parents or [None] * len(self.requests)
        for parent, request in zip(parents, self.requests):
            groups.setdefault(parent, []).append(request)
        return list(groups.items())


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
    start_frame: str | None = None  # the Start slot (a model with a last frame), accepted or not
    frame_problem: str | None = None  # why the slots cannot be sent as they are (already worded)
    prompts: dict[str, str] = field(default_factory=dict)  # image key -> its own prompt (the table)
    parents: dict[str, str] = field(default_factory=dict)  # image key -> the take it continues
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
    if draft.start_frame is not None:
        if draft.start_frame not in draft.accepted:
            return [], _tr("The Start frame cannot be sent to %1; see its problems.").replace("%1", draft.provider_name)
        starts = [draft.start_frame]
    if not starts and draft.accepted:
        return [], _tr("Add a start image: the only accepted image is the end frame.")
    if not starts:
        return [], _tr("No image here can be sent to %1; see the problems listed.").replace("%1", draft.provider_name)
    if draft.variants == 1:
        return list(starts), None
    chosen = [key for key in draft.selected if key in starts] or starts
    return [key for key in chosen for _ in range(draft.variants)], None


def _request(draft: Draft, image: str | None) -> GenerationRequest:
    prompt = draft.prompts.get(image, draft.prompt) if image else draft.prompt
    return GenerationRequest(
        draft.spec,
        prompt,
        image=image,
        end_image=draft.end_frame,
        duration=draft.duration,
        resolution=draft.resolution,
        prompt_optimizer=draft.prompt_optimizer,
    )


def plan(draft: Draft) -> Plan:
    images, reason = sources(draft)
    count = len(images)
    if reason is None:
        reason = draft.frame_problem
    if reason is None and not all(
        (draft.prompts.get(image) if image else None) or draft.prompt.strip() for image in images
    ):
        reason = _tr("Write a prompt.")
    if reason is None and draft.prompt_problems:
        reason = draft.prompt_problems[0]
    requests = [_request(draft, image) for image in images]
    if reason is None:
        reason = next((problem for request in requests for problem in request_problems(request)), None)
    if reason is not None:
        return Plan(None, reason, count)
    parents = [draft.parents.get(image) if image else None for image in images]
    return Plan(ComposeOrder(requests, draft.variants, draft.provider, parents), None, count)
