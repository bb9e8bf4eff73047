"""Turning what the user asked for into stored tasks, refusing bad input before anything is stored.

Checks, in order, all before the first row is written: the request against the model
(`request_problems`), each local image against the provider's rules (header only), and the
route a local image will take to the provider.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from ..domain.catalog import ImageRules
from ..domain.catalog import provider as provider_spec
from ..domain.errors import ImageRejected, InvalidRequest, UploadRouteMissing
from ..domain.images import ImageVerdict
from ..domain.request import GenerationRequest, request_problems
from ..domain.routes import UploadRoute
from ..domain.sources import is_url
from ..domain.task import Task
from ..providers.hosts import checked_base_url
from .file_hash import sha256_or_none
from .uploads import UploadService

ImageCheck = Callable[[str, ImageRules], ImageVerdict]


def new_task_id() -> str:
    return uuid.uuid4().hex


def task_from_request(
    request: GenerationRequest,
    *,
    uploads: UploadService,
    image_check: ImageCheck,
    base_url: str | None = None,
    upload_route: UploadRoute | None = None,
    batch_id: str | None = None,
    parent_id: str | None = None,
) -> Task:
    """A QUEUED task for `request`, or InvalidRequest / ImageRejected / UploadRouteMissing.

    `parent_id`: the take whose last frame this one continues (its lineage).
    """
    spec = request.spec
    problems = request_problems(request)
    if problems:
        raise InvalidRequest(" ".join(problems))
    if base_url is not None:
        base_url = checked_base_url(base_url)  # the key will travel there: https, or loopback only
    rules = provider_spec(spec.provider).image_rules
    for image in (request.image, request.end_image):
        _check_local_image(image, rules, image_check)
    route = _route(request, uploads, upload_route)
    image_path, image_url = _split(request.image)
    end_path, end_url = _split(request.end_image)
    return Task(
        id=new_task_id(),
        provider=spec.provider,
        model=spec.model,
        kind=spec.kind,
        prompt=request.prompt,
        mode=spec.mode,
        duration=request.duration,
        resolution=request.resolution,
        prompt_optimizer=request.prompt_optimizer,
        image_path=image_path,
        image_url=image_url,
        end_image_path=end_path,
        end_image_url=end_url,
        upload_route=route,
        base_url=base_url,
        batch_id=batch_id,
        cost=request.cost,
        cost_unit=spec.price.unit if spec.price else None,
        parent_id=parent_id,
        image_sha256=sha256_or_none(image_path) if image_path else None,
    )


def _check_local_image(image: str | None, rules: ImageRules, image_check: ImageCheck) -> None:
    if image is None or is_url(image):
        return
    verdict = image_check(image, rules)
    if not verdict.ok:
        reasons = " ".join(p.message for p in verdict.problems)
        raise ImageRejected(f"{Path(image).name}: {reasons}", problems=list(verdict.problems))


def _route(request: GenerationRequest, uploads: UploadService, chosen: UploadRoute | None) -> UploadRoute | None:
    """The route a local image will take; checked now so a task that cannot be sent is never stored."""
    local = [i for i in (request.image, request.end_image) if i is not None and not is_url(i)]
    if not local:
        return chosen
    route = uploads.route_for(request.spec.provider, chosen)
    if route is UploadRoute.PUBLIC_URL:
        raise UploadRouteMissing(
            f"The route 'public_url' needs an image URL, but {Path(local[0]).name} is a "
            "local file. Give its URL, or choose an upload route (kie_upload or "
            "apikley_upload) in Settings."
        )
    return route


def _split(image: str | None) -> tuple[str | None, str | None]:
    """(local path, URL): a local path is stored absolute, so a later run finds the same file."""
    if image is None:
        return None, None
    if is_url(image):
        return None, image
    return str(Path(image).expanduser().resolve()), None


def retry_of(task: Task) -> Task:
    """A new QUEUED task with the same settings; an uploaded URL is not reused blindly (the
    upload cache decides), a URL the user gave is."""
    return Task(
        id=new_task_id(),
        provider=task.provider,
        model=task.model,
        kind=task.kind,
        prompt=task.prompt,
        mode=task.mode,
        duration=task.duration,
        resolution=task.resolution,
        prompt_optimizer=task.prompt_optimizer,
        image_path=task.image_path,
        image_url=None if task.image_path else task.image_url,
        end_image_path=task.end_image_path,
        end_image_url=None if task.end_image_path else task.end_image_url,
        upload_route=task.upload_route,
        base_url=task.base_url,
        cost=task.cost,
        cost_unit=task.cost_unit,
        parent_id=task.parent_id,
        image_sha256=sha256_or_none(task.image_path) if task.image_path else None,
    )
