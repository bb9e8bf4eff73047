"""Continue a shot: a new task whose first frame is the real last frame of a finished take.

The still is written once into the data home's `stills/` folder under a name made from
its content, and kept: the new task may wait in the queue, or need its upload again after
a restart, and reads the file then. From there it is a local image like any other: it is
checked against the provider's rules, hashed, and reaches the provider by the provider's
route (upload API, data URL or the chosen upload route).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import catalog
from ..domain.request import GenerationRequest
from ..domain.routes import UploadRoute
from ..domain.task import Task
from .home import DataPaths, ensure_folder

if TYPE_CHECKING:
    from .runner import Runner


@dataclass(frozen=True)
class Overrides:
    """What the continuation changes; None keeps the parent's choice."""

    provider: str | None = None
    model: str | None = None
    mode: str | None = None
    duration: int | None = None
    resolution: str | None = None
    upload_route: UploadRoute | None = None
    base_url: str | None = None


def stills_dir(paths: DataPaths) -> Path:
    return ensure_folder(paths.root / "stills", private=True)


def still_for_continuation(parent: Task, folder: str | Path) -> Path:
    """The parent's last frame as `<folder>/<id8>-last-<sha12>.png` (NoVideo / VideoUnreadable)."""
    from .media import last_frame, video_of  # the media core on first use, not at start-up
    from .media.files import temporary_beside

    video = video_of(parent)
    folder = Path(folder)
    with temporary_beside(folder / "still.png", ".png") as temporary:
        last_frame(video, temporary)
        digest = hashlib.sha256(temporary.read_bytes()).hexdigest()
        still = folder / f"{parent.id[:8]}-last-{digest[:12]}.png"
        if not still.is_file():
            os.replace(temporary, still)
    return still


def continuation_request(
    parent: Task, prompt: str, still: str | Path, overrides: Overrides = Overrides()
) -> GenerationRequest:
    """The parent's provider, model, mode, duration and resolution unless overridden."""
    provider = overrides.provider or parent.provider
    duration: int | None
    if provider != parent.provider and overrides.model is None:
        spec, duration, resolution = catalog.default_preset(provider)
    else:
        spec = _image_model(parent, provider, overrides)
        duration = parent.duration if _choosable(parent.duration, spec.durations) else None
        resolution = parent.resolution if _choosable(parent.resolution, spec.resolutions) else None
    prompt_optimizer = parent.prompt_optimizer if spec.prompt_optimizer else None
    resolution = overrides.resolution or resolution
    return GenerationRequest(
        spec,
        prompt,
        image=str(still),
        duration=overrides.duration or duration,
        resolution=resolution.upper() if resolution else None,
        prompt_optimizer=prompt_optimizer,
    )


def _image_model(parent: Task, provider: str, overrides: Overrides) -> catalog.ModelSpec:
    """The image-to-video entry to use: the parent's own, or its image twin (same model and
    tier) when the parent was made from text, unless a model or mode is given."""
    model = overrides.model or parent.model
    if overrides.mode or provider != parent.provider or model != parent.model:
        return catalog.find_model(provider, model, overrides.mode, kind="i2v")
    own = catalog.find_model(provider, parent.model, parent.mode)
    if own.kind == "i2v":
        return own
    # The twin: the same model id where one id does both (MiniMax, APIXO), else the image
    # model of the same family and tier (kie and Apikley name them apart).
    image_models = [m for m in catalog.models_for(provider) if m.kind == "i2v"]
    for same in (
        lambda m: m.model == model and m.tier == own.tier,
        lambda m: m.model == model,
        lambda m: (m.family, m.tier) == (own.family, own.tier),
        lambda m: m.family == own.family,
    ):
        twins = [m for m in image_models if same(m)]
        if twins:
            return twins[0]
    return catalog.find_model(provider, model, kind="i2v")


def _choosable(value: object, choices: Iterable[object]) -> bool:
    return value is not None and str(value).upper() in {str(c).upper() for c in choices}


def continue_shot(
    runner: Runner, parent: Task, prompt: str, still: str | Path, overrides: Overrides = Overrides()
) -> Task:
    """Store the continuing task (QUEUED, `parent_id` set). The origin and upload route follow
    the parent only on the same provider: another provider's key must never go to the
    parent's host."""
    request = continuation_request(parent, prompt, still, overrides)
    same_provider = request.spec.provider == parent.provider
    base_url = overrides.base_url or (parent.base_url if same_provider else None)
    route = overrides.upload_route or (parent.upload_route if same_provider else None)
    [task] = runner.create([request], base_url=base_url, upload_route=route, parent_id=parent.id)
    return task
