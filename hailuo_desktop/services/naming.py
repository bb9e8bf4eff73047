"""Names for downloaded videos: `<date>_<short-id>_<model-slug>.mp4`, always inside the output folder.

Nothing from a URL goes into a file name, and the task id and model id are reduced to
[a-z0-9-] first, so neither can climb out of the folder (`../`), name a device, or hide.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ..domain.task import Task
from .download_files import partials

_UNSAFE = re.compile(r"[^a-z0-9]+")
SLUG_MAX = 48


def slug(text: str, limit: int = SLUG_MAX) -> str:
    cleaned = _UNSAFE.sub("-", text.lower()).strip("-")
    return cleaned[:limit].rstrip("-") or "video"


def short_id(task_id: str) -> str:
    return (_UNSAFE.sub("", task_id.lower()) or "task")[:8]


def video_file_name(task: Task) -> str:
    date = time.strftime("%Y%m%d-%H%M%S", time.localtime(task.created_at))
    model = task.model if not task.mode else f"{task.model}-{task.mode}"
    return f"{date}_{short_id(task.id)}_{slug(model)}.mp4"


def planned_video_path(output_dir: Path, task: Task) -> Path:
    """A free path for this task's video: neither the file nor a `.part` of it exists yet."""
    folder = Path(output_dir).resolve()
    name = video_file_name(task)
    candidate = folder / name
    number = 1
    while candidate.exists() or partials(candidate):
        number += 1
        candidate = folder / f"{name.removesuffix('.mp4')}-{number}.mp4"
    if candidate.parent != folder:  # cannot happen with the names above; a last guard all the same
        raise ValueError(f"refusing a video path outside {folder}: {candidate}")
    return candidate
