"""The JSON written beside an exported video: how the take was made, a week or a year later."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...domain import catalog
from ...domain.sources import ImageSource
from ...domain.task import Task
from ..file_hash import sha256_or_none

TAKE_FORMAT = "hailuo-desktop/take-1"
SEQUENCE_FORMAT = "hailuo-desktop/sequence-1"


def take_sidecar(task: Task) -> dict[str, object]:
    return {
        "prompt": task.prompt,
        "provider": task.provider,
        "model": task.model,
        "mode": task.mode,
        "duration": task.duration or _model_default(task, "duration"),
        "resolution": task.resolution or _model_default(task, "resolution"),
        "prompt_optimizer": task.prompt_optimizer,
        "source_image": image_facts(task.image_path, task.image_url, task.image_sha256),
        "end_image": (
            image_facts(task.end_image_path, task.end_image_url, None)
            if task.end_image_path or task.end_image_url
            else None
        ),
        "task_id": task.id,
        "provider_task_id": task.remote_id,
        "parent_id": task.parent_id,
        "created_at": iso_utc(task.created_at),
        "finished_at": iso_utc(task.finished_at),
        "cost": {
            "estimate": task.cost,
            "charged": task.charged_cost,
            "unit": task.cost_unit,
            "charge_status": task.charge_status,
        },
        "source_video_sha256": task.video_sha256,
    }


def _model_default(task: Task, what: str) -> int | str | None:
    """What the model made when the task left the choice to it (the catalog's default)."""
    try:
        spec = catalog.find_model(task.provider, task.model, task.mode, kind=task.kind)
    except (catalog.CatalogError, KeyError):
        return None
    return spec.effective_duration(None) if what == "duration" else spec.effective_resolution(None)


def image_facts(path: str | None, url: str | None, recorded_sha256: str | None) -> dict[str, str | None] | None:
    """The image's file name and sha256; the URL only when it is a real link (not inline data)."""
    if not path and not url:
        return None
    sha256 = recorded_sha256 or (sha256_or_none(path) if path else None)
    if path:
        name = Path(path).name
    elif url is None or ImageSource.of(url).is_data:
        name = None
    else:
        name = Path(unquote(urlsplit(url).path)).name or None
    link = url if url and not ImageSource.of(url).is_data else None
    return {"file_name": name, "sha256": sha256, "url": link}


def iso_utc(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, tz=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
